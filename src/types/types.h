// types.h: package loading and type checking (go/build + go/types, gc's
// flavour). The loader finds and parses the files of every package a
// pattern names, with their dependencies, bottom-up; the checker gives
// every expression its type and constant value.
#ifndef GOESC_TYPES_H
#define GOESC_TYPES_H

#include "../syntax/syntax.h"

struct Scope;

// ==== loader (load.c, build.c, modload.c): owned by the loader work ====

// ==== end loader ====

// ==== type checker core (type.c, universe.c, const.c, sizes.c, ...) ====

// ==== end type checker core ====

#endif
