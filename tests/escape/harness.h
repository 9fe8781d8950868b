// harness.h: what the escape core tests share: a Go file registered for
// positions, the functions of its batches, and the -m text the batches
// print; helpers that make locations and holes the way gc's walk of that
// file would; "ok NAME" / "FAIL NAME: why" reporting.
#ifndef GOESC_TESTS_ESCAPE_HARNESS_H
#define GOESC_TESTS_ESCAPE_HARNESS_H

#include "../../src/escape/escape.h"

extern int failures;
void report(const char *name, bool ok, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

enum { MAXFN = 64, MAXPARAM = 8 };

typedef struct T {
    SrcFile *file;      // the Go file whose positions the output uses
    RecordLog log;      // what the batches recorded
    Buf out;            // ... as gc's text
    int m;
    bool smallframes;
    // Functions outlive their batch (later batches read their tags).
    EscFunc funcs[MAXFN];
    EscParam params[MAXFN][MAXPARAM];
    EscResult results[MAXFN][MAXPARAM];
    int nfuncs;
} T;

char *read_file(const char *path, size_t *n);
// Registers the file at path under the name gc prints; false if unreadable.
bool load_go_file(T *t, const char *path, const char *name);
Pos P(T *t, int line, int col);
EscFunc *func(T *t, const char *name, EscFunc *outer);
void batch(T *t, Batch *b);
void run(Batch *b);     // solve, finish, free
Location *param(T *t, Escape *e, const char *name, int line, int col, bool ptrs);
Location *result(T *t, Escape *e, const char *name, int line, int col);
Location *local(T *t, Escape *e, const char *name, int line, int col);
Hole H(Location *l);
Hole note(T *t, Batch *b, Hole k, int line, int col, const char *text, const char *why);
Hole addr(T *t, Batch *b, Hole k, int line, int col, const char *text);
Hole spill(T *t, Escape *e, Hole k, const char *text, int line, int col);

// script.c: replays a script of tests/escape/gen_random.py and prints
// the -m=2 output.
int graph_mode(const char *script_path, const char *dir);

#endif
