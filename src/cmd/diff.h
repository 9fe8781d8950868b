// diff.h: what goesc diff's files share (diff.c: the command;
// diff_read.c: reading reports and snapshots; diff_tree.c: git, the
// children and the temporary trees). Private to src/cmd.
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
    Arena strings;          // the items' strings: freed at once
} DiffSide;

// Parses a goesc -format=json report (text, n bytes) into out; false
// after printing why it is not one (name: the file, for the message).
bool diff_read_report(const char *text, size_t n, const char *name, DiffSide *out);

// Reads the snapshot a child goesc wrote (goesc assert -snapshot); false
// after adding to err why it cannot.
bool diff_read_snapshot(const char *text, size_t n, const char *name, DiffSide *out, Buf *err);

// ---- diff_tree.c ----
// SIGINT, SIGTERM and SIGHUP are noted rather than fatal while diff has
// a temporary directory: a wait stops its child, and
// diff_release_signals, after the directory is gone, dies of the signal.
void diff_catch_signals(void);
bool diff_interrupted(void);
void diff_release_signals(void);

// Starts argv in dir (NULL: here) with stdout to out_path (NULL: kept)
// or to a pipe whose end is *out_fd, stderr to err_path (NULL: kept) and
// peer (-1: none) as descriptor 3. Returns the pid, or -1.
int diff_spawn(char *const argv[], const char *dir, const char *out_path, const char *err_path, int *out_fd,
               int peer);
// Its exit status (-1: it did not exit).
int diff_wait(int pid);
// Waits for the first of pids[0..n) (those > 0) to end: its index, with
// its exit status in *rc and its pid set to 0; -1 when none is left.
int diff_wait_any(int *pids, int n, int *rc);
// Reads fd to its end into out, closes it and waits for pid.
int diff_finish_output(int pid, int fd, Buf *out);
// git's output of argv, its last newline dropped; NULL on failure.
char *diff_git(char *const argv[]);
// The children's trade (pkgcache.c's trade): reads the result keys that
// each child sends on its socket (fds[k], -1: none), answers both with the
// keys they share and closes the sockets.
void diff_trade_keys(const int fds[2]);
// Exports commit sha of the repository at top into dir (made here).
bool diff_export(const char *top, const char *sha, const char *dir);
// rm -rf dir.
void diff_remove_tree(const char *dir);

#endif
