// assert.h: what goesc assert's files share (assert.c: the command and
// its directives; assert_check.c: the checks; baseline.c: -baseline and
// -against). Private to src/cmd.
#ifndef GOESC_CMD_ASSERT_H
#define GOESC_CMD_ASSERT_H

#include "../base/base.h"
#include "../syntax/syntax.h"
#include "../types/types.h"
#include "../report/report.h"

// One message of the run: a violation (stdout, exit 1) or a directive's
// error (stderr, exit 2), sorted by position before printing.
typedef struct AssertMsg {
    char *file;             // as gc prints it ("./a.go")
    int line, col;
    char *text;
    bool error;             // a bad directive, not a violation
    bool note;              // neither: an improvement (stdout)
    bool warn;              // neither: a note about a directive (stderr)
} AssertMsg;

// What the checks read: the records of the analysed (matched) packages,
// each package's range of them, and its syntax.
typedef struct AssertRun {
    RecordLog *log;
    const ReportPackage *ranges;
    Package **pkgs;         // the matched packages, parallel to ranges
    int npkgs;
    VEC(AssertMsg) msgs;
    int nviolations, nerrors;
    // the records about calls by position (outermost and inner): Pos+1
    // -> 1 + index of the first, then at_next[index] (built on first use)
    PtrMap at_first;
    int *at_next;
    // each record's outermost file and line, resolved once (lines are
    // looked up for each directive)
    SrcFile **rec_file;
    int *rec_line;
} AssertRun;

// Adds a message; the text is formatted.
void assert_msg(AssertRun *ar, bool error, const char *file, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

// Adds a note: printed with the violations, counted as neither.
void assert_note(AssertRun *ar, const char *file, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

// Adds a warning about a directive (stderr, counted as neither).
void assert_warn(AssertRun *ar, const char *file, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

// A record's outermost position: its file, line and column (raw lines).
SrcFile *assert_rec_at(const Record *r, int *line, int *col);
// gc's name of pos's file among the analysed packages ("./a.go"); NULL:
// none of theirs.
const char *assert_file_name(AssertRun *ar, SrcFile *f);
// The analysed package p is (index into ranges), -1: not analysed.
int assert_pkg_index(AssertRun *ar, Package *p);

// Whether the record puts something on the heap (moved to heap, escapes).
bool assert_rec_heap(const Record *r);
// Whether record r belongs to function name (gc's name; its closures,
// name.funcN, count as its own).
bool assert_rec_in_func(const Record *r, const char *name);

// Checks one directive's kind on its target. See assert_check.c.
typedef enum AssertKind {
    AK_NOESCAPE,            // //goesc:noescape
    AK_NOALLOC,             // //goesc:noalloc [deep]
    AK_INLINE,              // //goesc:inline
    AK_BUDGET,              // //goesc:budget N
    AK_GCA_INLINE,          // //gcassert:inline
    AK_GCA_NOESCAPE,        // //gcassert:noescape
    AK_GCA_BCE,             // //gcassert:bce (needs SSA: not checked)
} AssertKind;

typedef struct AssertDirective {
    AssertKind kind;
    bool deep;              // noalloc deep
    long budget;
    int pkg;                // index of its package in the run
    SynFile *file;
    const char *fname;      // gc's name of its file
    int line, col;          // the comment's position
    int target;             // the line it applies to
    int target_col;         // its first code column
    Node *func;             // the function declared on target, if any
    const char *text;       // the directive as written, for messages
} AssertDirective;

typedef VEC(AssertDirective) AssertDirectives;
void assert_check(AssertRun *ar, AssertDirective *d);

// baseline.c: -baseline FILE writes the current heap allocations and
// inlined calls; -against FILE compares with them. Return the exit
// status (0, 1: worse, 2: unreadable baseline).
int assert_baseline_write(AssertRun *ar, const char *path);
int assert_baseline_against(AssertRun *ar, const char *path);
// goesc diff's snapshot of the records it compares (a child's output).
int assert_snapshot_write(AssertRun *ar, const char *path);

#endif
