// flags.h: command-line flags parsed as Go's flag package parses them,
// with its words for every mistake, over a table of flag definitions
// (gc's compile flags plus goesc's own).
#ifndef GOESC_FLAGS_H
#define GOESC_FLAGS_H

#include <stdbool.h>
#include <stdio.h>

typedef enum FlagKind {
    FLAG_BOOL,      // -x, -x=true|false|1|0|t|f|...
    FLAG_COUNT,     // gc's CountFlag: -x adds one, -x=N sets, -x=false clears
    FLAG_INT,       // -x N, -x=N
    FLAG_STRING,    // -x V, -x=V
} FlagKind;

typedef struct FlagDef {
    const char *name;       // without the dash
    FlagKind kind;
    const char *arg;        // FLAG_INT/FLAG_STRING: the argument's name in help
    const char *help;       // one line
} FlagDef;

// One flag as given: its definition and value (FLAG_BOOL: "true" or
// "false"; FLAG_COUNT: the count after it, as a number).
typedef struct FlagUse {
    const FlagDef *def;
    const char *value;
    int count;              // FLAG_COUNT: the value after this use
    char buf[16];
} FlagUse;

// Parses the flags at the front of argv (up to the first non-flag, "-"
// or "--"). On success returns how many arguments were flags (with their
// values) and fills uses (*nuses of them, xcalloc'd). On a mistake prints
// Go's message to stderr ("flag provided but not defined: -mm", "flag
// needs an argument: -o", "invalid boolean value ...") and returns -1.
// "-help", "--help" and "-h" are not flags here: they stop parsing as a
// non-flag would, for the caller to print help.
int flags_parse(const FlagDef *defs, int ndefs, int argc, char **argv, FlagUse **uses, int *nuses);

// Prints "  -name arg\n    \thelp" lines, Go's flag.PrintDefaults style.
void flags_print(FILE *out, const FlagDef *defs, int ndefs);

#endif
