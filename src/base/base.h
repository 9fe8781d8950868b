// base.h: the foundation every later stage uses. Memory arenas, growable
// vectors, interned strings, compact source positions and gc-style
// diagnostics. Nothing here knows about Go.
#ifndef GOESC_BASE_H
#define GOESC_BASE_H

#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

// ---- fatal.c: internal errors. Bad input must never reach these. ----
_Noreturn void base_fatal(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
#define fatal(...) base_fatal(__FILE__, __LINE__, __VA_ARGS__)
#define unreachable() base_fatal(__FILE__, __LINE__, "unreachable")

// Out-of-memory ends up here, in one place.
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
// A malloc'd string formatted as printf does.
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);
// Reads a whole file into malloc'd memory (NUL-terminated; *n excludes the
// NUL). Returns NULL with errno set when it cannot be opened.
// NULL with errno set on failure (ESPIPE: not a regular file, which is
// never read, so that a FIFO cannot block us).
char *read_whole_file(const char *path, size_t *n);
// What identifies a file's contents without reading them (the stat memo's
// key, git's index rule), and when it was taken.
typedef struct FileId {
    uint64_t dev, ino, size;
    int64_t mtime, ctime;   // ns
    int64_t taken;          // ns, CLOCK_REALTIME; 0: no identity
} FileId;
struct stat;
// The identity st gives, taken at taken.
FileId file_id_of(const struct stat *st, int64_t taken);
// A file read from its beginning, possibly not to its end: a directory
// scan needs only the headers of most files.
typedef struct FileHead {
    char *text;             // malloc'd, NUL-terminated
    size_t n;               // bytes in text
    bool whole;             // text is the whole file
    int fd;                 // open while not whole, else -1
    FileId id;
} FileHead;
// Reads up to max bytes of path (all of it when it is no longer). false
// with errno set as read_whole_file's.
bool read_file_head(const char *path, size_t max, FileHead *h);
// Reads the rest of h's file: false with errno set on a read error.
bool read_file_rest(FileHead *h);
void file_head_close(FileHead *h);  // frees the text, closes the file
// An errno as Go's os errors say it ("no such file or directory").
const char *go_errno_text(int err);

// ---- arena.c: zero-filling bump allocator. Objects are never freed one by
// one; a whole arena is reset or freed at once (a package's AST lives in its
// arena, scratch arenas are reset after each function). ----
typedef struct ArenaChunk ArenaChunk;
typedef struct Arena {
    ArenaChunk *head;   // current chunk, newest first
    size_t total;       // bytes obtained from malloc, for statistics
} Arena;

void *arena_alloc(Arena *a, size_t n);  // zeroed, 8-byte aligned
char *arena_strndup(Arena *a, const char *s, size_t n);
void arena_reset(Arena *a);  // keeps the first chunk for reuse
void arena_free(Arena *a);
// Moves src's memory into dst, which frees it; src is left empty.
void arena_adopt(Arena *dst, Arena *src);
#define ARENA_NEW(a, T) ((T *)arena_alloc((a), sizeof(T)))
#define ARENA_ARRAY(a, T, n) ((T *)arena_alloc((a), sizeof(T) * (size_t)(n)))

// ---- vec.c: growable arrays on malloc, for builders and scratch lists.
// Declare with VEC(T); elements live in v.data[0..v.len). ----
#define VEC(T) struct { T *data; int len, cap; }
void vec_grow_(void **data, int *cap, size_t elem, int need);
#define vec_push(v, x)                                                   \
    do {                                                                 \
        if ((v)->len >= (v)->cap)                                        \
            vec_grow_((void **)&(v)->data, &(v)->cap, sizeof(*(v)->data), \
                      (v)->len + 1);                                     \
        (v)->data[(v)->len++] = (x);                                     \
    } while (0)
#define vec_free(v) (free((v)->data), (v)->data = NULL, (v)->len = (v)->cap = 0)

// A byte buffer for building strings.
typedef struct Buf {
    char *data;
    size_t len, cap;
} Buf;
void buf_putc(Buf *b, char c);
void buf_put(Buf *b, const char *s, size_t n);
void buf_puts(Buf *b, const char *s);
void buf_printf(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
const char *buf_cstr(Buf *b);  // NUL-terminated view, valid until next put
void buf_free(Buf *b);

// ---- intern.c: interned strings. One process-wide table, like gc's
// symbol table, so that names compare by pointer across all packages.
// An interned Str is NUL-terminated and its length is str_len(s). ----
typedef const char *Str;
Str str_intern(const char *s, size_t n);
Str str_cstr(const char *s);
// The interned text of a printf format.
Str str_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
size_t str_len(Str s);
// A Str laid out as interned ones are (str_len works) but kept in a, not
// in the table: for literals' texts, which nothing compares by pointer
// and which are mostly unique.
Str str_in_arena(Arena *a, const char *s, size_t n);

// ---- threads.c: -j. While threaded, what threads share is locked: the
// intern table, the positions' additions, the types' lazy state. ----
void base_set_threaded(bool on);
bool base_threaded(void);
// Stacks of the threads that parse, check or analyse: gc copes with very
// deep nesting because goroutine stacks grow; a reservation costs only
// what is touched.
#define BASE_STACK_SIZE ((size_t)4096 << 20)
// Starts fn(arg) on a thread with such a stack, and turns threaded on;
// false (threaded as it was) when no thread could be started.
bool base_thread_create(pthread_t *t, void *(*fn)(void *), void *arg);
// Calls fn(ctx, i) for i in [0, n), each once, on up to `threads` threads
// (the caller's among them), taking the next i as each finishes; returns
// when all are done.
void base_parallel(int n, int threads, void (*fn)(void *ctx, int i), void *ctx);
// The CPUs online (-j's default), at least 1.
int base_cpus(void);
// A monotonic clock, in seconds (for GOESCDEBUG's notes).
double base_seconds(void);

// ---- ptrmap.c: a hash map from pointers to pointers (open addressing),
// for side tables keyed by AST nodes or objects. NULL keys are not allowed;
// a NULL value reads as "absent". ----
typedef struct PtrMapSlot {
    const void *key;    // NULL: empty
    void *val;
} PtrMapSlot;
typedef struct PtrMap {
    PtrMapSlot *slots;  // key and value side by side: one cache line a probe
    size_t cap, len;
} PtrMap;
void *ptrmap_get(const PtrMap *m, const void *key);
void ptrmap_put(PtrMap *m, const void *key, void *val);
void ptrmap_free(PtrMap *m);

// ---- path.c: Go's filepath.Clean (lexical; the result is malloc'd) ----
char *path_clean(const char *p);

// ---- pos.c: source positions. A Pos is a 32-bit offset into one global
// address space in which every source file gets its own range (as go/token
// does), so a node spends 4 bytes on its position; line and byte column
// are recovered from per-file line tables. Pos 0 means "no position". ----
typedef uint32_t Pos;
#define NOPOS ((Pos)0)

typedef struct SrcFile {
    Str path;           // as given on the command line or found by the loader
    Pos base;           // Pos of the first byte; the file spans [base, base+size]
    uint32_t size;
    const char *text;   // the file's bytes (not owned; may be NULL after use)
    uint32_t *lines;    // offsets of line starts; lines[0] == 0
    int nlines, caplines;
    // //line directives: from offset off onward, positions are reported
    // as file `path`, line = `line` + (physical line - directive line).
    struct LineDirective {
        uint32_t off;   // offset where the remapping starts (next line)
        Str path;
        int line, col;  // col 0: columns are not remapped
        int physline;   // physical line the remapping is relative to
    } *dirs;
    int ndirs, capdirs;
} SrcFile;

// Registers a file of `size` bytes and returns it with an empty line table.
SrcFile *pos_add_file(Str path, const char *text, uint32_t size);
void pos_add_line(SrcFile *f, uint32_t off);  // offset of a new line start
void pos_add_line_directive(SrcFile *f, uint32_t off, Str path, int line, int col);
SrcFile *pos_file(Pos p);

typedef struct Position {
    Str file;   // reported file name (after //line directives)
    int line;   // 1-origin
    int col;    // 1-origin, in bytes; 0 if unknown
} Position;
Position pos_resolve(Pos p);         // honours //line directives
Position pos_resolve_raw(Pos p);     // physical position
// Formats as gc prints positions: "file:line:col", or "file:line" when the
// column does not fit gc's 8-bit column field (col >= 255).
void pos_format(Buf *b, Pos p);
// gc's -C: positions without their columns.
void pos_show_columns(bool on);
// pos_format with the file named as names says (SrcFile* -> Str; NULL or
// no entry: its own name): gc prints code read back from export data
// under the file names recorded there.
void pos_format_named(Buf *b, Pos p, PtrMap *names);
// The position gc gives generated code: printed "<autogenerated>:1".
Pos pos_autogenerated(void);
// p, but in a file named path: the same line and column under another
// name (gc prints positions of other packages' files as $GOROOT/src/...).
// Interned paths compare by pointer.
Pos pos_alias(Pos p, Str path);

// The inline tree (gc's InlTree): code copied by inlining keeps its own
// positions, plus the index of the tree node of the call it was copied
// for (0: not inlined). Node i is a call at pos_inl_call(i), itself inside
// node pos_inl_parent(i). gc prints the outermost position; -json lists
// the whole stack.
int pos_inl_add(int parent, Pos call);
int pos_inl_parent(int i);
Pos pos_inl_call(int i);
Pos pos_outermost(Pos p, int inl);

// ---- diag.c: diagnostics in gc's form "file:line:col: message". They are
// collected, then sorted by position and printed (gc's FlushErrors). ----
typedef struct Diag Diag;
typedef struct Diags {
    VEC(Diag *) list;
    int nerrors;
    int nsyntax;    // of which "syntax error: ..." (gc's base.SyntaxErrors)
    int limit;      // stop reporting after this many errors (0: no limit)
    // gc keeps one syntax error per line, and drops a non-syntax error
    // equal to the previous one on the same line (base.ErrorfAt).
    Pos last_syntax, last_other;
    char *last_msg;
    bool keep_all;  // report every error (token-level tests compare raw scanner output)
    FILE *out;      // where the flush writes (NULL: stderr, where goesc's
                    // errors go; gc writes them to stdout)
} Diags;

void diag_error(Diags *d, Pos p, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void diag_verror(Diags *d, Pos p, const char *fmt, va_list ap);
// A message not tied to a position ("package foo is not in std").
void diag_error_nopos(Diags *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
// Sorts by position, drops exact duplicates and prints to stdout, as gc does.
void diag_flush(Diags *d);
// Frees the messages without printing them (the count stays).
void diag_discard(Diags *d);
// Moves from's messages to the end of to's, to be sorted with them.
void diag_move(Diags *to, Diags *from);
bool diag_too_many(Diags *d);
// Whether GOESCDEBUG, a comma-separated list as GODEBUG is, turns on the
// notes called name: "name" or "name=1" ("name=0" leaves them off).
bool diag_debug(const char *name);

// ---- record.c: the -m diagnostics as records ----
// The inliner and escape analysis describe each of their -m lines as a
// record (what it says, where, about what, and for -m=2 the steps of its
// explanation); src/report prints them, as gc's text or otherwise. Records
// keep the order they are made in, which is gc's order of printing.
typedef enum RecKind {
    REC_CAN_INLINE,         // can inline F (with cost N as: BODY)
    REC_CANNOT_INLINE,      // cannot inline F: REASON
    REC_CANNOT_INLINE_RECURSIVE,    // cannot inline F: recursive
    REC_INLINE_CALL,        // inlining call to F
    REC_CANNOT_INLINE_CALL, // cannot inline F into G: repeated recursive cycle
    REC_DEVIRTUALIZE,       // (partially) devirtualizing X to T
    REC_MOVED_TO_HEAP,      // moved to heap: x
    REC_ESCAPES,            // X escapes to heap
    REC_ESCAPE_ERROR,       // X escapes to heap, not allowed in runtime (-m=0 too)
    REC_NO_ESCAPE,          // X does not escape (values and parameters)
    REC_LEAK,               // leaking param (content): x (to result r level=N)
    REC_LEAK_FLOW,          // -m=2: parameter x leaks to R with derefs=N:
    REC_ESCAPE_FLOW,        // -m=2: X escapes to heap:
    REC_CAPTURE,            // F capturing by value|reference: x (...)
    REC_SELF_ASSIGN,        // F ignoring self-assignment in S
    REC_UINTPTR,            // assuming/marking x as (escaping) uintptr
    REC_BOUNDS,             // index bounds check elided
    REC_ESCAPE_AT_FLOW,     // -m=2: X escapes to heap: (its address flows
                            // into a location already on the heap)
    REC_STMT,               // -m=3: [DEPTH] F stmt: S, and labels' lines;
                            // printed as POS:MSG (no space)
    REC_LIVE,               // -live: live at call to F: .autotmp_N, stack
                            // object .autotmp_N unsafe.Pointer
    // Only in gc's -json (logopt) output:
    REC_HEAP_ALLOC,         // an allocation on the heap (code "escape", no
                            // message)
    REC_NO_INLINE_CALL,     // a call not inlined, and why ("cannotInlineCall")
    // Only in goesc explain's output, after the diagnostic they are about
    // (Record.of):
    REC_EXPLAIN_PATH,       // another path to where it outlives (steps: flows)
    REC_EXPLAIN_NOTE,       // a line about the paths ("and 3 more")
    REC_EXPLAIN_CUT,        // the fewest flows to remove (steps: flows)
    REC_EXPLAIN_NOCUT,      // why there is no cut
    REC_NKINDS
} RecKind;

typedef enum RecStepKind {
    REC_STEP_FLOW,          // flow: DST = SRC (text)
    REC_STEP_FROM,          // from TEXT (WHY) at AT
    REC_STEP_WARNING,       // warning: TEXT
} RecStepKind;

typedef struct RecStep {
    RecStepKind kind;
    Pos where;              // where gc's -json puts the step: a note's
                            // position; a flow's first note's (else its
                            // source's); inside inlined code, with inl
    int inl;                // where's inline-tree node (0: none)
    const char *text;
    const char *why;        // REC_STEP_FROM
    const char *at;         // REC_STEP_FROM: gc's text of the position
} RecStep;

typedef struct Record {
    RecKind kind;
    int level;              // the -m level that prints it; REC_LEVEL_JSON:
                            // only gc's -json has it
    Pos where;              // the position itself (NOPOS: none)
    int inl;                // where's inline-tree node (0: not inlined)
    const char *pos;        // gc's text of the position ("f.go:3:6"), NULL: none
    const char *msg;        // gc's message
    const char *target;     // gc's -json message when it differs from msg
    const char *func;       // the function it is about or in (NULL: unknown)
    const void *subject;    // what it is about: records with the same
                            // subject (a location) explain each other
    RecStep *steps;         // -m=2 explanations
    int nsteps, capsteps;
    int of;                 // REC_EXPLAIN_*: 1 + the index of the
                            // diagnostic explained
    bool to_result;         // REC_LEAK_FLOW: the flow makes a leak to a
                            // result (else to the heap)
} Record;

// The location graph of one function as escape analysis left it (for
// -format=dot): its locations, and the edges into them.
typedef struct GraphNode {
    const char *label;      // the location as gc names it ("x", "{heap}")
    const char *pos;        // gc's text of its position (NULL: none)
    const char *func;       // the function it belongs to
    bool heap;              // it escapes: allocated on the heap
} GraphNode;
typedef struct GraphEdge {
    int src, dst;           // node indexes
    int derefs;             // -1: the address flows
    const char *why;        // the first note (NULL: none)
} GraphEdge;
typedef struct FlowGraph {
    const char *func;
    VEC(GraphNode) nodes;
    VEC(GraphEdge) edges;
} FlowGraph;

typedef struct RecordLog {
    Arena arena;            // the records' strings and steps
    VEC(Record) recs;
    VEC(FlowGraph *) graphs;
} RecordLog;

#define REC_LEVEL_JSON 99
#define REC_LEVEL_EXPLAIN 98
// The level gc prints a kind at with -m=N: 1, 2, 3 or REC_LEVEL_JSON.
int rec_kind_level(RecKind kind);
// Appends a record (its strings copied) at its kind's level; returns its
// index.
int rec_add(RecordLog *log, RecKind kind, Pos where, const char *pos, const char *msg);
// Record i lies in inlined code: at inner, in inline-tree node inl.
void rec_set_inline(RecordLog *log, int i, Pos inner, int inl);
// Record i's function and subject.
void rec_set_about(RecordLog *log, int i, const char *func, const void *subject);
// Record i's -json message, where it is not msg.
void rec_set_target(RecordLog *log, int i, const char *target);
// Appends a step to record i.
void rec_step(RecordLog *log, int i, RecStepKind kind, Pos where, int inl, const char *text,
              const char *why, const char *at);
void rec_log_free(RecordLog *log);
// Moves src's records (and graphs) to the end of dst; src is left empty.
void rec_log_append(RecordLog *dst, RecordLog *src);
// A new graph of function func in log; nodes and edges are added with
// the vec macros (strings through rec_strdup).
FlowGraph *rec_graph(RecordLog *log, const char *func);
const char *rec_strdup(RecordLog *log, const char *s);

#endif
