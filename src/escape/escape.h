// escape.h: escape analysis, after gc's cmd/compile/internal/escape (Go
// 1.19). The stage builds a graph of locations (variables and allocations)
// joined by assignment edges weighted by dereference counts, walks it to
// find which locations must live on the heap and what each parameter leaks,
// and prints gc's -m lines. The graph core here knows nothing about the
// AST: the builder (build.c) walks typed function bodies and calls the
// graph API below, the way gc's expr.go/stmt.go/call.go call graph.go.
// See escape.c for the design essay.
#ifndef GOESC_ESCAPE_H
#define GOESC_ESCAPE_H

#include "../base/base.h"
#include "../syntax/syntax.h"   // PRAGMA_* bits
#include "../types/types.h"     // the builder walks typed ASTs
#include "../ir/ir.h"
#include "../inline/inline.h"  // inlined calls are walked under their sites

typedef struct Batch Batch;
typedef struct Escape Escape;
typedef struct EscFunc EscFunc;
typedef struct Location Location;
typedef struct Note Note;

// ---- leaks.c: parameter leak sets and their tags ----

// gc records flows to at most this many results; flows to later results
// count as flows to the heap.
#define ESC_NUM_RESULTS 7

// The set of flows from one parameter: to the heap (v[0]) and to each of
// the first ESC_NUM_RESULTS results (v[1+i]). Each byte is the minimal
// derefs of such a flow plus one, saturating at 255; 0 means no flow. It is
// byte for byte the payload of gc's "esc:" parameter tag, so that tags
// compare with gc's export data. (Go 1.19 tracks only these: the mutator
// and callee leaks of later Go versions do not exist yet.)
typedef struct Leaks {
    uint8_t v[1 + ESC_NUM_RESULTS];
} Leaks;

bool esc_leaks_empty(Leaks l);
int esc_leaks_heap(Leaks l);                 // minimal derefs to the heap, -1: none
int esc_leaks_result(Leaks l, int i);        // minimal derefs to result i, -1: none
void esc_leaks_add_heap(Leaks *l, int derefs);
void esc_leaks_add_result(Leaks *l, int i, int derefs);
// Drops result flows no shorter than the heap flow: the heap flow already
// makes the caller's argument escape at least as much.
void esc_leaks_optimize(Leaks *l);

// The tag as gc writes it in export data: "" when the parameter leaks
// itself to the heap (the cheapest string for the most common case), else
// "esc:" and the bytes of v without trailing zeros. Returns the length
// written to out (at most ESC_TAG_MAX bytes; not NUL-terminated, since the
// bytes may be 0).
#define ESC_TAG_MAX (4 + 1 + ESC_NUM_RESULTS)
int esc_leaks_encode(Leaks l, char out[ESC_TAG_MAX]);
// gc's parseLeaks: a string without the "esc:" prefix (the empty tag,
// and tags of functions never analysed) means "leaks to the heap".
Leaks esc_leaks_decode(const char *s, size_t n);
// Tags fn's receiver and parameters (EscParam.tag) and prints their -m
// lines: "leaking param: p", "p does not escape", ... (gc's paramTag).
void esc_tag_params(Batch *b, EscFunc *fn);

// ---- functions and parameters (filled in by the builder) ----

// One receiver or parameter, in gc's order (receiver first). The builder
// fills the inputs; esc_finish sets tag.
typedef struct EscParam {
    Str name;           // NULL: unnamed (gc's nil Sym); "_": blank
    Pos pos;            // gc's Field position: where param lines are printed
    Location *loc;      // the parameter's location; NULL if unnamed or blank
    bool has_pointers;  // the type holds pointers (else nothing to tag)
    bool is_uintptr;
    bool is_ddd_uintptr;    // the final ...uintptr parameter
    bool tagged;        // tag is set (esc_finish ran on the function)
    Leaks tag;          // what call sites see, i.e. decode(encode(leaks))
} EscParam;

typedef struct EscResult {
    Str name;           // as gc prints it: the name, or "~r0", "~r1", ...
    Location *loc;      // LOC_RESULT location (result_index = 1 + i)
} EscResult;

// Where a function stands in gc's batch protocol: a call into a function
// of the batch being analysed uses its parameter locations directly, a call
// to a function already tagged uses its tags.
enum { ESC_FUNC_UNKNOWN, ESC_FUNC_PLANNED, ESC_FUNC_STARTED, ESC_FUNC_TAGGED };

// A function as escape analysis sees it (gc's ir.Func). Owned by the
// builder: it outlives the batch, because later batches read its tags.
struct EscFunc {
    Str name;           // gc's name: "F", "T.M", "(*T).M", "F.func1"
    const void *n;      // builder's node, opaque here
    EscFunc *outer;     // function containing this closure; NULL otherwise
    bool closure_called;    // a func literal called right where it appears
    bool has_body;      // false: declared without body (assembly)
    bool quiet;         // wrapper or dupok: gc prints nothing for it
    uint32_t pragma;    // PRAGMA_NOESCAPE, PRAGMA_UINTPTRESCAPES, ...
    // Its locations for gc's fn.Dcl, made before any walking, are
    // all_locs[init_start, init_end) (init_end 0: not recorded).
    int init_start, init_end;
    EscParam *params;   // receiver first
    int nparams;
    EscResult *results;
    int nresults;
    int state;          // ESC_FUNC_*
};

// ---- graph.c: locations, holes and edges ----

typedef enum LocKind {
    LOC_TEMP,       // no node: a temporary of the walk (teeHole, later)
    LOC_EXPR,       // an allocating expression: new, &T{}, make, literal...
    LOC_AUTO,       // a local variable (gc's PAUTO)
    LOC_PARAM,      // a parameter or receiver (gc's PPARAM)
    LOC_RESULT,     // a result parameter (gc's PPARAMOUT)
} LocKind;

// An assignment into a location: `dst = <derefs> src`, incoming edges kept
// on dst. notes say why, for -m=2.
typedef struct Edge {
    Location *src;
    int derefs;         // >= -1
    Note *notes;
    bool cut;           // explain.c: the walk ignores it
} Edge;

// The reason chain of an edge or hole, innermost first: "from &x
// (address-of) at x.go:5:4".
struct Note {
    Note *next;
    Pos pos;            // where: the node's position (outermost, inlined)
    Pos ipos;           // its own position, in inline-tree node inl
    int inl;
    Str text;           // where: the node as gc prints it
    // where as gc prints it while the walk is at the note (variadic calls
    // in it not yet rewritten), for explanations printed at once; NULL:
    // text.
    Str early;
    const char *why;
};

struct Location {
    LocKind kind;
    const void *n;      // builder's node (NULL for LOC_TEMP)
    Str text;           // n as gc prints it ("x", "&T{...}", "func literal")
    Pos pos;            // n's position (the outermost call's, inlined)
    Pos ipos;           // its own position, in inline-tree node inl
    int inl;
    uintptr_t uid;      // unique in the run (records' subject)
    EscFunc *curfn;     // function the location belongs to
    VEC(Edge) edges;    // incoming edges
    int loop_depth;     // loop depth at the declaration
    int result_index;   // LOC_RESULT: 1 + index among the results
    // Set by the builder before esc_solve when gc's HeapAllocReason gives
    // one: the location goes to the heap with this note.
    const char *heap_reason;
    bool quiet;         // go/defer wrapper closure: no -m line
    // Its place in gc's fn.Dcl, which orders the locations: DCL_OWN (dcl:
    // 1 + index, 0 unknown) and DCL_INLINED (the inlined calls' variables,
    // appended after) are made at initFunc; a DCL_TEMP, a temporary of the
    // noder numbered dcl - 1, is made while walking but belongs among them.
    enum { DCL_NONE, DCL_OWN, DCL_INLINED, DCL_TEMP } dcl_kind;
    int dcl;

    // Walk state (solve.c): minimal derefs from the current root, and the
    // next step towards the root, for explanations.
    int derefs;
    uint32_t walkgen;
    Location *dst;
    int dst_edge_idx;
    bool queued;
    uint32_t explaingen;

    // Results and facts gathered while building.
    bool escapes;       // must be heap allocated
    bool transient;     // address does not outlive the statement
    bool transient0;    // transient as the builder made it
    Leaks param_esc;    // LOC_PARAM: where the parameter leaks
    bool captured;      // a closure captured it
    bool reassigned;
    bool addrtaken;
};

// A context for evaluating an expression: its value flows into dst after
// derefs dereferences (-1: its address flows). Passed by value, as in gc.
typedef struct Hole {
    Location *dst;
    int derefs;         // >= -1
    Note *notes;
    // The context takes the expression's address, whether or not the
    // address is stored anywhere.
    bool addrtaken;
} Hole;

// Per-function walking state (gc's escape). build.c may add its own fields
// (labels) here.
struct Escape {
    Batch *b;
    EscFunc *curfn;
    int loop_depth;     // 1 at the function's top level
    struct Builder *bld;    // build.c: the builder driving the batch
    // Where the next implicit conversion to interface is placed (gc puts
    // it at the compiler's current position, not always the operand's);
    // NOPOS: the operand's. esc_expr_to consumes it.
    Pos conv_pos;
    // Inside a go/defer statement: the temporaries its wrapper closure
    // captures (call.c), and their names printed in place of the
    // arguments they hold.
    struct EscCaptureVec *wrap_caps;
    PtrMap *text_subst;
    // The wrapped call and the notes naming it, renamed once every
    // argument has its temporary.
    Node *wrap_call;
    struct NoteVec *wrap_notes;
    // The inlined call whose callee's body is being walked (inlined.c);
    // NULL: the function's own body. Variables are looked up under it.
    InlSite *site;
    // Walking the copy of a func literal of site's body: its returns are
    // its own, not the inlined call's results.
    bool closure_copy;
    // -m=3's statement lines: arguments print as before the walk
    // (esc_conv_text).
    bool early_text;
    // -live: the call whose keep-alive temporaries are being made (live.c)
    struct LiveCall *live_call;
};
typedef struct NoteVec { VEC(Note *) v; } NoteVec;

Escape esc_with(Batch *b, EscFunc *fn);

// A new location in e's function at e's loop depth. text and pos are what
// gc prints for n; kind LOC_TEMP takes n == NULL.
Location *esc_new_loc(Escape *e, LocKind kind, const void *n, Str text, Pos pos, bool transient);
// Records a variable's declaration: its loop depth becomes e's (gc's dcl).
Hole esc_dcl(Escape *e, Location *loc);

Hole esc_loc_hole(Location *loc);
Hole esc_heap_hole(Batch *b);
Hole esc_discard_hole(Batch *b);
bool esc_is_discard(Batch *b, Hole k);
Hole esc_shift(Hole k, int delta);
// Notes cost nothing below -m=2: they are only kept for explanations.
Hole esc_note(Batch *b, Hole k, Pos pos, Str text, const char *why);
// Record rec is about loc: its function, position in inlined code, subject.
void esc_rec_about(Batch *b, int rec, Location *loc);
// A note at a position inside inline-tree node inl (0: not inlined).
Hole esc_note_at(Batch *b, Hole k, Pos pos, int inl, Str text, const char *why);
Hole esc_deref(Batch *b, Hole k, Pos pos, Str text, const char *why);
Hole esc_addr(Batch *b, Hole k, Pos pos, Str text, const char *why);
// gc's dotType: a type assertion to a type that is neither an interface
// nor pointer-shaped reads the value through the interface's data word.
Hole esc_dot_type(Batch *b, Hole k, bool direct_or_iface, Pos pos, Str text, const char *why);

// The assignment k = src: adds an edge, or marks src escaping at once if
// its address goes straight to a location that already escapes.
void esc_flow(Batch *b, Hole k, Location *src);
// A hole feeding every hole of ks (through a temporary when needed).
Hole esc_tee_hole(Escape *e, const Hole *ks, int n);
// A hole that flows into k "some time later": keeps temporaries alive.
Hole esc_later(Escape *e, Hole k);
// A new allocation for expression n whose address flows to k; returns the
// hole for storing into the allocation (gc's spill).
Hole esc_spill(Escape *e, Hole k, const void *n, Str text, Pos pos);
// The hole for an argument passed to parameter i of the static callee fn
// (NULL: unknown callee). ks: where the call's results go (NULL if
// unused), one per result.
Hole esc_tag_hole(Escape *e, const Hole *ks, int nks, EscFunc *fn, int param_index);
bool esc_in_mutual_batch(EscFunc *fn);

// ---- solve.c: the walk ----

void esc_walk_all(Batch *b);
// Whether values stored in l may outlive other if other is on the stack.
bool esc_outlives(Batch *b, Location *l, Location *other);
// The same, by scope alone: whether l escapes aside.
bool esc_outlives_scope(Location *l, Location *other);
// Whether r is one of the first ESC_NUM_RESULTS results of l's function:
// where a parameter's leak is a leak to a result, if r stays put.
bool esc_own_result(Location *l, Location *r);
bool esc_contains_closure(EscFunc *f, EscFunc *c);
// gc's explainLoc: "{heap}", "{temp}", a name, or "{storage for X}".
void esc_explain_loc(Batch *b, Buf *out, Location *l);
// "dst = &src", "dst = *src", ... as a flow step says it.
void esc_flow_text(Batch *b, Buf *out, Location *dst, Location *src, int derefs);
// Adds one step "flow: dst = &src" of an explanation, and its notes, to
// record rec of b->log.
// now: printed at once, in the middle of the walk (gc's flow), not by
// the solver.
void esc_explain_flow(Batch *b, int rec, Location *dst, Location *src, int derefs, bool now,
                      Note *notes);

// ---- explain.c: goesc explain ----

// After esc_finish: for each heap or leak diagnostic of the batch that
// b->explain_at asks about, records its other paths and its cut
// (REC_EXPLAIN_*).
void esc_explain_batch(Batch *b);

// ---- escape.c: the batch and its driver ----

// gc's stack size limits (ir/cfg.go), lowered by -smallframes.
typedef struct EscLimits {
    int64_t max_stack_var_size;             // explicit variables: 10 MB
    int64_t max_implicit_stack_var_size;    // new, &T{}, make, literals: 64 KB
    int64_t ptr_size;                       // alignment above this: heap
} EscLimits;
EscLimits esc_default_limits(bool smallframes);

// What gc's HeapAllocReason looks at, for one location's node.
typedef enum EscAllocKind {
    ALLOC_NONE,         // no node or no type: never forced
    ALLOC_PARAM,        // parameters and results live in the caller's frame
    ALLOC_VAR,          // a local variable
    ALLOC_NEW,          // new(T) or &T{...}
    ALLOC_CLOSURE,      // func literal
    ALLOC_METHVALUE,    // x.M as a value
    ALLOC_MAKESLICE,    // make([]T, len[, cap])
    ALLOC_OTHER,        // any other allocating expression
} EscAllocKind;

typedef struct EscAllocInfo {
    EscAllocKind kind;
    int64_t size, align;            // the node's type
    int64_t elem_size, elem_align;  // ALLOC_NEW: *T's T; ALLOC_MAKESLICE: T
    int64_t closure_size;           // ALLOC_CLOSURE, ALLOC_METHVALUE: the record
    // ALLOC_MAKESLICE: cap (len if no cap) is a constant fitting int32.
    bool cap_small_const;
    int64_t cap;
} EscAllocInfo;
// gc's reason for forcing a heap allocation ("too large for stack",
// "too aligned for stack", "non-constant size"), or NULL.
const char *esc_heap_alloc_reason(const EscLimits *lim, const EscAllocInfo *a);

typedef struct EscConfig {
    int m;              // -m level: 0 silent, 1 decisions, 2 explanations
    // gc's -json: the records -json writes are made at any -m level
    // (explanations included), for the matched packages.
    bool json;
    // -format=dot: the function (gc's name) whose location graph goes to
    // the log; NULL: none.
    const char *graph_func;
    bool smallframes;
    // gc's -+ (compiling the runtime): a variable moving to the heap is an
    // error there.
    bool compiling_runtime;
    RecordLog *log;     // receives the -m records, in gc's order; may be
                        // NULL at -m=0 (tags only, as for dependencies)
    // SrcFile* -> Str: files whose lines gc prints with their absolute
    // path (generic code of imported packages, which gc reads back from
    // export data); NULL: none.
    PtrMap *abs_files;
    struct EscRecord *record;   // -o: receives the matched package's functions
    // goesc explain: whether a diagnostic at p (its printed, outermost
    // position) is asked about; NULL: none is.
    bool (*explain_at)(void *ctx, Pos p);
    void *explain_ctx;
    // The inliner whose decisions the bodies are walked with (NULL: none,
    // as with -l).
    Inliner *inliner;
    // gc's -live, of which only the lines of the keep-alive temporaries
    // of unsafe-uintptr arguments are made (live.c)
    int live;
} EscConfig;

// A func literal (or go/defer wrapper) met during the walk, with the hole
// for its closure record; its captures are decided once the whole batch
// has been walked, when every reassignment and & of the variables is known.
typedef struct EscClosure {
    Hole k;
    const void *clo;    // builder's node
    EscFunc *fn;        // NULL for a go/defer wrapper, which captures caps
    struct EscCapture *caps;
    int ncaps;
} EscClosure;

struct Batch {
    Arena arena;                // locations and notes
    VEC(Location *) all_locs;   // creation order: the order of -m lines
    VEC(EscFunc *) funcs;       // the functions analysed together
    Location heap_loc;          // escapes from the start
    Location blank_loc;         // flows into it are dropped
    VEC(EscClosure) closures;   // in the order the walk met them
    int m;
    bool json;
    // gc made this code after turning DWARF for inlined code off (method
    // wrappers of dumpdata): inlined variables stand at their call.
    bool no_dwarf_inl;
    const char *graph_func;     // EscConfig.graph_func
    bool (*explain_at)(void *ctx, Pos p);   // EscConfig's
    void *explain_ctx;
    int rec_from;               // the log's length when the batch began
    // With graph_func or explain_at: flows decided at once (into locations
    // already on the heap), which leave no edge.
    VEC(struct DirectFlow { Location *dst; Edge e; }) direct;
    bool explain;               // notes and explanations: -m=2 or -json
    // What the records being made are about (esc_warn): the function
    // being walked or tagged, and the parameter being tagged.
    EscFunc *walking;
    Location *tagging;
    // The builder's esc_text_now (NULL: texts as the walk leaves them).
    Str (*text_now)(Escape *e, const void *n, Str text, bool root_walked);
    EscLimits limits;
    bool compiling_runtime;
    int nerrors;                // "not allowed in runtime" errors
    RecordLog *log;
    PtrMap *abs_files;          // EscConfig.abs_files
    uint32_t explaingen;
    // Variables' locations (inlined.c): Object* -> Location* for the
    // functions' own variables, and InlSite* -> PtrMap* of the same for
    // the copies of inlined bodies, which gc gives variables of their own.
    PtrMap vars;
    PtrMap site_vars;
    // Inside an inlined body: where everything is reported (gc prints the
    // outermost position of the inline stack); NOPOS: outside. inl_idx is
    // the body's inline-tree node, which -json lists positions under.
    Pos inl_pos;
    int inl_idx;
    int copies_at;      // where copied func literals' locations go (-1: at the end)
};

// How the builder drives a batch (gc's Batch, for one strongly connected
// component of the call graph, callees before callers):
//   1. esc_batch_init; esc_batch_add_func for the functions and their
//      closures, in gc's order (the outer function, then its closures).
//   2. Per function, locations for its declarations in gc's fn.Dcl order
//      (parameters, results with result_index, locals), the builder's
//      EscParam/EscResult pointing at them.
//   3. Walk each outer function's body (state STARTED), closures where
//      they appear: esc_new_loc/esc_spill for allocations, holes and
//      esc_flow for assignments, esc_add_closure for func literals, and
//      heap_reason from esc_heap_alloc_reason on new locations.
//   4. For each recorded closure, esc_capture on each captured variable.
//   5. esc_solve, esc_finish; then read loc->escapes, loc->transient and
//      the EscParam tags; esc_batch_free.
void esc_batch_init(Batch *b, const EscConfig *cfg);
void esc_batch_free(Batch *b);
// Adds fn to the batch (gc's initFunc minus the locations, which the
// builder creates): state becomes PLANNED.
void esc_batch_add_func(Batch *b, EscFunc *fn);

// One variable captured by a closure, decided once every body is walked
// (gc's flowClosure): by value if small and never reassigned or addressed.
typedef struct EscCapture EscCapture;
struct EscCapture {
    Location *loc;      // the captured variable (the outer, canonical one)
    Str name;
    Str note_name;      // the closure's own variable in notes (NULL: name)
    Pos var_pos;        // the variable's declaration (-m=2 line)
    Pos use_pos;        // the closure variable's position (notes)
    Str curfn_name;     // the function declaring the variable
    int64_t size;       // the variable's size in bytes
};
typedef struct EscCaptureVec { VEC(EscCapture) v; } EscCaptureVec;
// k is the closure's storage hole. Returns true when captured by value.
bool esc_capture(Batch *b, Hole k, const EscCapture *c);
void esc_add_closure(Batch *b, Hole k, const void *clo, EscFunc *fn);

// After the builder has walked every body and closure: applies the heap
// reasons and walks the graph.
void esc_solve(Batch *b);
// Tags every parameter of the batch and prints the -m lines of the
// parameters, then of every location, as gc's finish does.
void esc_finish(Batch *b);

// -m output: "file:line:col: msg\n" (no position prefix for NOPOS).
// Records one -m line of kind at pos (NOPOS: none); returns the record's
// index in b->log, -1 when nothing is recorded.
int esc_warn(Batch *b, RecKind kind, Pos pos, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
// pos as gc prints it: a file read back from export data under the name it
// has there (EscConfig.abs_files).
void esc_format_pos(Batch *b, Buf *out, Pos pos);

// ---- summary.c: per-package summaries for separate compilation (-o, -I) ----

// The functions with a body of the package being compiled, in declaration
// order, filled in by the builder for -o.
typedef struct EscRecord {
    VEC(EscFunc *) funcs;
} EscRecord;
// Writes p's summary to out: pkgpath (-p), the flags that changed the
// results, its sources and imports, and the recorded functions' tags.
// On failure sets *err (malloc'd) and returns false.
bool esc_summary_write(const char *out, Package *p, Str pkgpath, Str flags,
                       const EscRecord *r, char **err);
// A LoadObjectReader (types.h): reads a summary for the loader, which then
// loads the package from its recorded sources; o->data keeps the tags.
bool esc_summary_read(void *ctx, Str file, Arena *a, LoadObject *o, char **err);
// Installs f's recorded tags from o (a package read by esc_summary_read);
// false if the summary has none for a function of f's name and arity.
bool esc_summary_apply(const LoadObject *o, EscFunc *f);
// After a failed compilation, as gc removes its -o file: removes out if it
// holds a summary (and only then: -o may name anything).
void esc_summary_discard(const char *out);

// ---- wrappers.c: gc's generated method wrappers ----
// At -m=2, analyses the wrappers gc generates for p's types ((*T).M for
// value methods, promoted methods) and prints their flow explanations.
typedef struct Builder Builder;
void esc_wrappers(Builder *bl, Package *p, Batch *root);
// gc's name of a wrapper's parameter (declared names stay, unnamed and
// blank ones become .anon0, .anon1...), and the holes of a wrapper's
// results for `return <call>`, through temporaries .autotmp_<first>...
// when there are several.
Str esc_wrapper_param_name(Object *v, int *anon);
void esc_wrapper_results(Escape *e, Type *results, int nks, int first, Str ret_one, Hole *ks);
// abiwrap.c: at -m=2 and with -json, analyses the ABI wrappers gc generates
// for p's functions that assembly defines or calls, or that a
// //go:linkname exports, and logs their parameters' flows.
void esc_abi_wrappers(Builder *bl, Package *p, Batch *root);

// ---- build.c: the builder, gc's expr/stmt/call/assign.go over our AST ----

// Analyses pkgs (in load order, dependencies first): packages not matched
// on the command line are analysed silently, for their tags only (gc
// compiles them separately, with inlining; we approximate them at -m=0
// with the same model). Prints the matched packages' -m lines to cfg->out.
// Returns the number of errors.
int esc_analyze_packages(Package **pkgs, int npkgs, const EscConfig *cfg);
// The same, one package at a time (dependencies first), so that other
// stages' output for a package can come before its escape lines.
typedef struct EscSession EscSession;
EscSession *esc_begin(const EscConfig *cfg);
int esc_package(EscSession *s, Package *p);  // the number of errors
// Where the named packages' records go from now on (-j: each package has
// its own log until the logs are put in order).
void esc_set_log(EscSession *s, RecordLog *log);
// The same for a dependency whose declarations were checked after its
// turn (types_on_complete), possibly in the middle of another package's.
void esc_package_late(EscSession *s, Package *p);
// The escape tags of p's declared functions, for the package cache (a
// package with Package.facts set gets them back instead of its analysis).
void esc_facts(EscSession *s, Package *p, PkgFacts *out);
// Frees the session, its functions' tags included (a summary is written
// before). Returns the number of errors of all its packages.
int esc_end(EscSession *s);

// Builder internals, shared by build.c, stmt.c, expr.c, call.c, assign.c.
typedef struct BFunc BFunc;
typedef struct Builder Builder;
struct BFunc {
    EscFunc f;              // must stay first: EscFunc* <-> BFunc*
    Node *decl;             // N_FUNC_DECL or N_FUNC_LIT
    Object *obj;            // declared functions: the OBJ_FUNC
    Type *sig;
    Node *body;             // N_BLOCK or NULL
    VEC(BFunc *) lits;      // func literals directly inside, source order
    VEC(Object *) cvars;    // closures: captured variables, first use order
    int ndecls;             // gc's len(fn.Dcl) after the noder, -1 unknown,
    bool ndecls_known;      // (found on first use): escape's own
    int esc_temps;          // temporaries are numbered after it
    VEC(Pos) cvar_pos;      // parallel to cvars: the first use, where gc
                            // places the closure's own variable
    int lit_gen;            // numbering of the literals named after this one
    // The package's "init": the initializers that cannot be laid out
    // statically, each assigned to its package-level variable.
    VEC(Node *) init_exprs;
    VEC(Type *) init_types;
    VEC(Node *) init_names; // the variable an initializer is assigned to
                            // whole (var x = v), for -m=2 notes; else NULL
    PtrMap looping;         // label Object* -> 1: a later goto jumps back
    uint32_t scc_id, scc_low;
    bool on_stack;
    bool live;              // func literals: not in code gc's deadcode removes
    // Shape instantiations of generic code (generic.c). inst: the
    // instantiation this function is, or whose body holds this func
    // literal; NULL for ordinary code. The instantiation itself binds
    // tparams[i] to shapes[i], comes from package pkg, and keeps its own
    // func literals in inst_lits (keyed by N_FUNC_LIT, like funcs).
    BFunc *inst;
    Type **tparams, **shapes;
    int nshapes;
    Package *pkg;
    PtrMap inst_lits;
};
struct Builder {
    Package *pkg;           // the package being analysed
    Info *info;
    Batch *b;
    PtrMap funcs;           // OBJ_FUNC Object* or N_FUNC_LIT Node* -> BFunc*
    Arena arena;            // BFuncs and texts: they outlive batches
    VEC(BFunc *) all;       // every BFunc made, whose vectors esc_end frees
    VEC(BFunc *) stack;     // Tarjan's stack
    uint32_t visitgen;
    // gc's ir.StaticValue: a local variable's single definition, and
    // the variables assigned or addressed elsewhere.
    IrDefs defs;
    // generic.c: generic OBJ_FUNC -> its N_FUNC_DECL (all packages); the
    // package's shape instantiations in creation order; the one whose body
    // is being processed; gc's shared pointer shape *uint8.
    PtrMap gen_decls;
    Package *home;          // the package being compiled
    PtrMap abs_files;       // EscConfig.abs_files, filled by generic.c
    VEC(BFunc *) insts;
    // The method wrappers of the package being analysed that inlined their
    // method, in generation order: walk's reports for their bodies.
    VEC(InlFunc *) wrapper_inls;
    // The concrete and interface types of the conversions to interface the
    // walk met: gc writes their descriptors (and wrappers) too.
    VEC(Type *) conv_types;     // pairs: concrete type, interface type
    VEC(Pos) conv_pos;          // where each pair's conversion is (the
                                // outermost call in an inlined body)
    BFunc *cur_inst;
    Type *ptr_shape;
    EscRecord *record;      // -o: where the package's functions go (summary.c)
    Inliner *inl;           // EscConfig.inliner
    // Inlined calls of the batch: call Node* -> the text gc prints for
    // the OINLCALL (its result variables).
    PtrMap inl_names;
    int live;               // -live, for the package being analysed
    VEC(struct LiveCall *) live_calls;  // live.c: the package's, walk order
};
// What esc_enter saves: the builder's view while it processes a function.
typedef struct InstCtx {
    BFunc *inst;
    Package *pkg;
    Info *info;
} InstCtx;
Str esc_text(Escape *e, Node *n);               // gc's printing of n
Str esc_text_early(Escape *e, Node *n);         // before the walk rewrote it
// n (text: its printing once walked) as gc prints it before the walk
// reaches the calls inside it (see ir_fmt_node_early).
Str esc_text_now(Escape *e, const void *n, Str text, bool root_walked);
PtrMap *esc_text_subst(Escape *e);              // nodes printed as other text
// Walking a body inlined from another package, which gc prints as it
// read it from export data.
bool esc_inlined_import(Escape *e);
// build.c: a new instantiation BFunc of generic gen declared by decl.
BFunc *esc_new_inst(Builder *bl, Node *decl, Object *gen);
// Locations for the local variables declared in n (gc's fn.Dcl order).
void esc_collect_decls(Escape *e, Node *n);
// generic.c
void esc_note_generic_decl(Builder *bl, Node *fd);
// The instantiation a use of generic function o (ident: the name at the
// use, for its type arguments) or of method o of an instance calls.
BFunc *esc_generic_call(Builder *bl, Object *o, Node *ident);
// Any static callee object: esc_generic_call for generic code, else
// esc_bfunc.
BFunc *esc_func_of(Builder *bl, Object *o, Node *ident);
// esc_func_of for method o selected on type recv (method values and
// expressions, where o may be the generic method itself).
BFunc *esc_method_of(Builder *bl, Object *o, Type *recv);
void esc_instantiate_methods(Builder *bl);
// esc_last_pos for shape instantiations, whose copied nodes move gc's
// position differently.
Pos esc_gen_last_pos(Builder *bl, Node *n, Pos p);
// Whether t mentions a type parameter of the instantiation being walked
// (gc's HasShape).
bool esc_has_shape(Escape *e, Type *t);
// The text of conversion conv of x to an interface: gc's
// "unsafe.Pointer(x)" when x or the interface dst (NULL: unknown) has a
// shape type, else conv's own.
Str esc_conv_text(Escape *e, Node *x, Node *conv, Type *dst);
void esc_bind_inst(BFunc *f, bool on);
// Switches the builder to f's instantiation context (cur_inst, and the
// generic's package and type information); esc_leave restores.
void esc_enter(Builder *bl, BFunc *f, InstCtx *save);
void esc_leave(Builder *bl, const InstCtx *save);
BFunc *esc_bfunc(Builder *bl, const void *key);
// A function of a package parsed with lazy bodies (issue 12's cache):
// its body, parsed now, with what the builder finds in a body.
void esc_lazy_body(Builder *bl, BFunc *f);
Location *esc_var_loc(Escape *e, Object *obj);  // a local variable's location
bool esc_is_local_var(Object *obj);
// A variable or function name (gc's ONAME): it does not move gc's
// current position the way other expressions do.
bool esc_is_name_node(Node *n);
// Where gc's current position stands after evaluating n, starting from p
// (found by experiment): names move it to themselves, calls to the call,
// constants leave it.
Pos esc_last_pos(Node *n, Pos p);
Object *esc_ident_obj(Node *n);                 // n (unparenthesised) ident's object
// Calls f on n and every node below it, func literal bodies included,
// skipping the branches gc's deadcode pass removes (if with a constant
// condition).
void esc_visit(Builder *bl, Node *n, void (*f)(void *ctx, Node *n), void *ctx);
// gc's walk, after escape analysis: "index bounds check elided" lines.
void esc_bounds_report(Builder *bl, Batch *b, Node *body);
// The same for an inlined copy at site, reported at pos.
void esc_bounds_report_site(Builder *bl, Batch *b, InlSite *site, Pos pos);
// live.c: -live's lines for the temporaries that keep the pointers of
// uintptr(unsafe.Pointer(p)) arguments alive across their call. begin
// (NULL: not for this call) and end bracket a call's arguments, temp
// records each temporary (t: its type); solved runs after a batch's
// solve; report makes the package's lines, after walk's.
typedef struct LiveCall LiveCall;
LiveCall *esc_live_begin(Escape *e, Node *call, EscFunc *callee);
void esc_live_temp(Escape *e, Str name, Pos pos, Location *tmp, Type *t);
void esc_live_end(Escape *e, LiveCall *lc, Location *ddd);
void esc_live_solved(Builder *bl);
void esc_live_report(Builder *bl, Batch *root);
void esc_live_drop(Builder *bl);    // frees the calls not reported
// stmtlog.c: -m=3's statement lines, made before each statement's walk
bool esc_logging_stmts(Escape *e);
void esc_log_stmt(Escape *e, Node *n);
void esc_log_comm(Escape *e, Node *comm);
void esc_log_line(Escape *e, Pos pos, const char *text);
void esc_log_dcl(Escape *e, Pos pos, Str name, Type *t);
void esc_log_empty_init(Batch *b, Package *p);
void esc_log_init(Escape *e, Node *name, Node *x);
// The noder's `.autotmp_1, .autotmp_2 = f()` for k results of call in
// stmt (NULL if unnumbered), and its line with the declarations.
Str esc_call_temps_text(Escape *e, Node *stmt, Node *call, int k);
void esc_log_call_temps(Escape *e, Node *stmt, Node *call, int k, Pos pos);
// inlined.c: an inlined call's statements: the arguments' assignment
// before they are walked, the result declarations and the inline mark
// before the body, the return label after it, a return inside it
void esc_log_inl_args(Escape *e, InlSite *s, Node *call);
// the same with the assignment's text (a wrapper's call has no node)
void esc_log_inl_args_text(Escape *e, InlSite *s, Pos pos, Str text);
// (walked: the part gc prints after walking the return's values)
void esc_log_inl_return(Escape *e, Node *ret, bool walked);
// stmt.c
void esc_stmt(Escape *e, Node *n);
void esc_block(Escape *e, NodeList l);
// A function's body; an empty one logs gc's empty block at empty_at
// (NOPOS: gc's position is stale, unknown here).
void esc_body(Escape *e, Node *body, Pos empty_at);
// expr.c
void esc_expr(Escape *e, Hole k, Node *n);
// The value n assigned to a variable of type dst: with gc's implicit
// conversion to interface when dst is one and n's type is not.
void esc_expr_to(Escape *e, Hole k, Node *n, Type *dst);
// Records an itab gc's walk writes (Builder.conv_types), after those of at.
void esc_itab(Escape *e, Type *t, Type *iface, Node *at);
void esc_assert_itab(Escape *e, Type *t, Node *x);
void esc_discard(Escape *e, Node *n);
Hole esc_spill_n(Escape *e, Hole k, Node *n, Str text, Pos pos);
// Notes naming node n (its text is only printed, so only made, at -m=2).
Hole esc_note_n(Escape *e, Hole k, Node *n, const char *why);
Hole esc_note_stmt(Escape *e, Hole k, Node *where, const char *why, Node *src);
Hole esc_deref_n(Escape *e, Hole k, Node *n, const char *why);
Hole esc_addr_n(Escape *e, Hole k, Node *n, const char *why);
void esc_walk_closure(Escape *e, Hole k, Node *lit);
// The steps of selection s on n through embedded fields (x.E.f): the
// first nsteps, with their dot / dot-of-pointer notes; *prefix gets the
// text of x and those steps (-m=2 only).
Hole esc_path_steps(Escape *e, Hole k, Node *n, Selection *s, int nsteps, Str *prefix);
// The receiver argument of method selection sel as gc prints it: x with
// the embedded fields on the path (and an implicit & in export data).
Str esc_recv_text(Escape *e, Node *sel, Selection *s);
// call.c
bool esc_is_call(Node *n);              // a call, not a conversion
// devirt.c: gc's devirtualization of call, written in the code of site s
// (NULL: the function's own): the concrete type and method it calls, and
// whether the method is still an interface's (promoted from an embedded
// interface: "partially devirtualizing").
bool esc_devirt_at(Builder *bl, InlSite *s, Node *call, Type **T, Object **m, bool *partial);
bool esc_devirt_texts(Escape *e, Node *call, Type *T, Object *m, Str *dt, Str *ct);
// Prints gc's "devirtualizing X to T" lines of a function's body and of
// the bodies inlined into it.
void esc_devirt_report(Builder *bl, Batch *b, Node *body);
// One step of gc's StaticValue for n written in the code of site *ps:
// the value n stands for, *ps moved to the site holding it, *dst the type
// it is stored as; NULL where StaticValue stops.
Node *esc_static_step(Builder *bl, InlSite **ps, Node *n, Type **dst);
void esc_unsafe_value(Escape *e, Hole k, Node *n);
// The backing array of slice literal lit, flowing to k: the hole for its
// elements' values (without the element note).
Hole esc_slice_lit_hole(Escape *e, Hole k, Node *lit);
bool esc_is_reflect_header_data(Escape *e, Node *n);
void esc_call(Escape *e, Hole *ks, int nks, Node *call);
void esc_go_defer(Escape *e, Node *stmt);
// inlined.c: calls inlined by gc, walked again under their InlSite
// The location of variable o as seen from the body being walked (the
// copy of e->site's callee, then the enclosing copies, then the function's
// own), or NULL.
Location *esc_obj_loc(Escape *e, Object *o);
Location *esc_declared_loc(Escape *e, Object *o);
void esc_set_obj_loc(Escape *e, Object *o, Location *loc);
// Locations of the variables of every copy inlined into f, in gc's Dcl
// order (after f's own), and the texts of the inlined calls.
void esc_inl_decls(Escape *e, BFunc *f);
// tmp is the noder's temporary .autotmp_n of the function being walked.
void esc_noder_temp(Escape *e, Location *tmp, int n);
void esc_inl_site_decls(Escape *e, InlSite *s);     // one site's
// f's parameters, results and locals, declared in the copy of site (NULL:
// f's own code).
void esc_init_func(Builder *bl, BFunc *f, InlSite *site);
// A function of the builder: a declaration, a func literal (outer: the
// function it is in) or a copy of one.
BFunc *esc_new_bfunc(Builder *bl, Node *decl, Object *obj, Type *sig, Node *body, Str name,
                     EscFunc *outer);
// Makes a BFunc of every func literal inside n, a literal of fn (top: the
// outermost function, whose instantiation, if any, owns them), named as
// gc numbers them: F.func1, F.func1.1.
void esc_find_lits(Builder *bl, BFunc *fn, BFunc *top, Node *n);
// init.c: the package's initializers gc cannot lay out statically, as
// the dynamic list of a synthetic "init" BFunc (NULL: none); the func
// literals of all the initializers, as glob..funcN functions, into globs.
typedef VEC(BFunc *) BFuncList;
BFunc *esc_package_init(Builder *bl, Package *p, BFuncList *globs);
Str esc_inl_call_text(Escape *e, InlSite *s);       // ~R0, (.~R0; ~R1)
InlFunc *esc_inl_func(Builder *bl, BFunc *f);   // f's sites, or NULL
InlSite *esc_inl_site(Escape *e, Node *call);
// The copy of a shape instantiation is walked with its type parameters
// bound to its shapes: binds them (saving the bindings before), unbinds.
#define ESC_MAX_SITE_SHAPES 16
typedef struct EscShapeSave {
    Type *shapes[ESC_MAX_SITE_SHAPES];
    int n;
} EscShapeSave;
void esc_bind_site(InlSite *s, EscShapeSave *save);
void esc_unbind_site(InlSite *s, const EscShapeSave *save);
// The site where call was inlined into parent's copy (NULL: into the
// body of the function the builder is in), or NULL.
InlSite *esc_site_of(Builder *bl, InlSite *parent, Node *call);
Type *esc_inl_sig(InlSite *s);  // the callee's signature
// gc's delayed single result (canDelayResults): the expression of the
// callee's only return statement when the copy declares its one result
// there, else NULL.
Node *esc_inl_delayed_result(InlSite *s);
// The inlined call's result holes for its return statements, after its
// parameters were assigned: walks the callee's body under s, then flows
// the result variables to ks (nks of them, NULL: discarded).
void esc_inl_body(Escape *e, Hole *ks, int nks, InlSite *s);
// Under a site, a return statement of the callee assigns the copy's
// result variables: their holes and types (false outside sites), their
// number, and the text of gc's `~R0, ~R1 = r1, r2`.
bool esc_inl_result_holes(Escape *e, Hole *ks, Type **types, int nr);
int esc_inl_nresults(Escape *e);
Str esc_inl_return_text(Escape *e, Node *ret);
// The text of a variable of the body walked (qualified in copies of other
// packages' code).
Str esc_inl_var_text(Escape *e, Object *o);
// name as gc writes a name of package p in code inlined from p: "p.name",
// "\"path/p\".name" when another package of p's name is about.
Str esc_pkg_qualified(Escape *e, Package *p, Str name);
// A func literal met under a site: an allocation capturing the copy's
// variables.
void esc_inl_closure(Escape *e, Hole h, Node *lit);
// The hole for parameter i (receiver first) of s's callee's copy, with
// the "assign-pair" note of gc's `p1, p2 := a, b` (call: the call node).
Hole esc_inl_param_hole(Escape *e, InlSite *s, int i, Node *call);
// The same with the note's text (NULL: none) and position given (a method
// wrapper's call, which has no node).
Hole esc_inl_param_hole_at(Escape *e, InlSite *s, int i, Pos pos, Str note);
// "p1, p2 := " followed by rhs.
Str esc_inl_assign_text(Escape *e, InlSite *s, const char *rhs);
// Whether label is a looping label of the body walked.
bool esc_label_looping(Escape *e, Str label);
// assign.c
Hole esc_addr_of(Escape *e, Node *n);
void esc_assign_heap(Escape *e, Node *src, Type *dst, Node *where, const char *why);
// gc's name for temporary first+i (.autotmp_N); call's text if unknown.
Str esc_temp_text(Escape *e, int first, int i, Node *call);
// The hole for temporary tmp of type st going to k as type dt: through
// the implicit conversion to an interface (allocated at pos, n the
// builder's node) if dt is one and st is not.
Hole esc_conv_temp(Escape *e, Hole k, Location *tmp, Type *st, Type *dt, Pos pos, Node *n);
// The results of a multi-value call through gc's temporaries into ks
// (return f(), and the assignments ir_multi_call_temps counts): each
// flows to ks[i] with the note why at where, converted to dtypes[i] at pos
// when that is an interface and the result is not.
// note: the text of the note (NULL: where's own).
void esc_call_via_temps(Escape *e, Hole *ks, Type **dtypes, int n, Node *call, Node *where,
                        const char *why, Str note, Pos pos);
void esc_assign_list(Escape *e, Node **dsts, Type **dtypes, int ndst, Node **srcs, int nsrc,
                     const char *why, Node *where, Object **defs);
void esc_reassigned(Escape *e, Hole *ks, int n, Object **defs, Node **dsts);

#endif
