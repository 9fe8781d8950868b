// diff.h: what goesc diff's files share (diff.c: the command;
// diff_read.c: reading -format=json reports). Private to src/cmd.
#ifndef GOESC_CMD_DIFF_H
#define GOESC_CMD_DIFF_H

#include "../base/base.h"

// One diagnostic of a report, with what matches it across revisions:
// package, function, kind and message, never its line.
typedef struct DiffItem {
    char *kind;             // the report's kind id ("escapes", "inlined-call"),
                            // or "func": a function declared (its name's position)
    char *pkg;
    char *func;
    char *msg;
    char *expr;             // what msg is about ("&T{...}", "small", "p")
    char *file;             // its position as the text shows it (NULL: none)
    int line, col, col16;   // col16: the UTF-16 column, for SARIF
    char *path;             // absolute, in the user's work tree (NULL: unknown)
    bool heap;
    bool matched;
} DiffItem;

typedef struct DiffSide {
    VEC(DiffItem) items;
} DiffSide;

// Parses a goesc -format=json report (text, n bytes) into out; false
// after printing why it is not one (name: the file, for the message).
bool diff_read_report(const char *text, size_t n, const char *name, DiffSide *out);

// Reads the snapshot a child goesc wrote (goesc assert -snapshot).
bool diff_read_snapshot(const char *text, size_t n, const char *name, DiffSide *out);

#endif
