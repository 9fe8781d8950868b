// inline.h: gc 1.19's inliner (cmd/compile/internal/inline) over our
// typed AST. gc decides, bottom-up over the call graph, which functions
// can be inlined (a cost model over its IR, budget 80), then which calls
// get inlined, transitively; escape analysis then sees the inlined
// bodies in place of the calls. We do not copy bodies: the decisions form
// an inline tree per function, and escape analysis walks a callee's body
// again under each inline site it is given.
#ifndef GOESC_INLINE_H
#define GOESC_INLINE_H

#include "../base/base.h"
#include "../ir/ir.h"
#include "../syntax/syntax.h"
#include "../types/types.h"

// gc's budget parameters (inl.go).
#define INL_MAX_BUDGET 80
#define INL_EXTRA_CALL_COST 57
#define INL_BIG_FUNCTION_NODES 5000
#define INL_BIG_FUNCTION_MAX_COST 20

// ---- inline.c: the driver ----

// A function as the inliner sees it (gc's ir.Func with its Inline).
typedef struct InlFunc InlFunc;
typedef VEC(InlFunc *) InlFuncVec;
struct InlFunc {
    Node *decl;             // N_FUNC_DECL or N_FUNC_LIT; NULL for the package init
    Object *obj;            // declared functions: the OBJ_FUNC
    Node *body;             // N_BLOCK or NULL (no body)
    Str name;               // gc's name in its package: F, T.M, (*T).M, F.func1,
                            // glob..func1, init.0
    Pos pos;                // where gc reports it
    InlFunc *outer;         // the function a func literal is in
    struct Package *pkg;
    Info *info;             // its package's type information
    uint32_t pragma;        // PRAGMA_* of a declaration
    int cost;               // when can_inline: gc's Inl.Cost
    bool can_inline;        // gc's fn.Inl != nil
    bool checked;           // CanInline has run (gc's InlinabilityChecked)
    bool is_init;           // the package initializers' function
    int lit_gen;            // numbering of the literals named after this one
    uint32_t visit_id;      // bottom-up walk
    VEC(Node *) inits;      // is_init: the initializers, in init order
    VEC(InlFunc *) lits;    // the func literals directly inside
    InlFunc *copy_of;       // a literal's copy in an inlined body: the original
    // A shape instantiation of generic code (obj is the generic function
    // or method): its type parameters and their shapes, and the package
    // that instantiated it (gc stencils in each package that uses it).
    Type **tparams, **shapes;
    int nshapes;
    struct Package *home;
    InlFunc *next_inst;     // the generic's other instantiations
    InlFunc *inst;          // generic code: the instantiation it is or is in
    PtrMap inst_lits;       // an instantiation: N_FUNC_LIT -> its literal's
    VEC(struct InlSite *) sites;    // calls inlined into it, in gc's order
                                    // of inlining (which is gc's order of
                                    // the copies' variables in its Dcl)
    // Escape's count of the returns deadcode leaves in body, and the
    // last (inlined.c), kept for every call site: valid while
    // returns_body is body.
    Node *returns_body, *last_return;
    int nreturns;
};

// One inlined call (gc's OINLCALL with its inline-tree index).
typedef struct InlSite InlSite;
struct InlSite {
    Node *call;             // the N_CALL inlined
    InlFunc *callee;
    InlSite *parent;        // the site whose copied body holds call; NULL:
                            // call is in caller's own body
    InlFunc *caller;        // the function compiled
    InlSite *next_same;     // other sites of the same call node
    int inl;                // the copy's node in base's inline tree
    // The copies of the func literals of callee's body, made for this
    // site in source order (each InlFunc's decl is the N_FUNC_LIT copied).
    VEC(InlFunc *) copies;
};

typedef struct InlConfig {
    int m;                  // -m level
    bool json;              // gc's -json: its records at any -m level
    // gc's Debug.l after its swap: 0 inlining off (-l), 1 the default,
    // 4 (-l=4) calls cost 1.
    int l;
    bool race;              // -race: go:norace functions are not inlined
    bool instrumenting;     // -race, -msan, -asan: nor is runtime's code
} InlConfig;

typedef struct Inliner Inliner;
Inliner *inl_new(const InlConfig *cfg);
void inl_free(Inliner *in);
// gc's inline pass over p, whose imports were processed before. Prints
// its -m lines to out (NULL: silent, as for dependencies).
void inl_package(Inliner *in, struct Package *p, RecordLog *log);
// The same for a dependency whose declarations were checked after its
// turn (types_on_complete), possibly in the middle of another package's.
void inl_package_late(Inliner *in, struct Package *p);
// The decisions about p's functions that importers read (issue 12's
// cache): each function gc can inline, with its cost. A package whose
// Package.facts are set is not analysed by inl_package: they are applied.
void inl_facts(Inliner *in, struct Package *p, PkgFacts *out);
// The site where call was inlined into the body of parent (NULL: the
// function's own body), or NULL if it was not.
InlSite *inl_site(Inliner *in, InlSite *parent, Node *call);
// The single definitions of the local variables of every package's
// functions (gc's Defn, for ir.StaticValue through inlined copies).
IrDefs *inl_defs_of(Inliner *in);
// gc's method wrappers ((*T).M calling T.M, promoted methods) inline the
// method they call when they can: prints the lines, at <autogenerated>:1,
// for the wrapper named name (of package p) calling method. Returns the
// wrapper as a function with its sites (the first one, whose call is
// NULL, is the method's), or NULL when nothing was inlined.
InlFunc *inl_wrapper(Inliner *in, struct Package *p, Object *method, Str name, RecordLog *log);
// The wrapper named name of method (of instance type recv) calling its
// shape instantiation: gc's -json record of the inlining its shape rule
// refuses there.
void inl_instance_wrapper(Inliner *in, struct Package *p, Object *method, Type *recv, Str name,
                          RecordLog *log);
// The instantiation of generic gen for shapes made while home was
// processed, or NULL.
InlFunc *inl_instance(Inliner *in, struct Package *home, Object *gen, Type **shapes, int n);
// The site where call was inlined into the body of parent, or, when
// parent is NULL, into the own body of the instantiation caller (or of
// one of its func literals).
InlSite *inl_site_in(Inliner *in, InlFunc *caller, InlSite *parent, Node *call);
// The InlFunc of a declared function's Object or a N_FUNC_LIT (or of a
// Package: its initializers' init function), or NULL.
InlFunc *inl_func(Inliner *in, const void *key);

// ---- cost.c: gc's hairy visitor ----

// What the visitor asks of the driver about a call's static callee.
// Returns the callee's inline cost when gc has an inline body for it
// (fn.Inl != nil), else -1 (the call costs extra_call_cost).
typedef int (*InlCalleeCostFn)(void *ctx, Node *call);

typedef struct InlCostCfg {
    Package *pkg;           // the package whose code is costed
    Info *info;             // its type information
    // -m=2: gc keeps counting past the budget, so that "function too
    // complex: cost N exceeds budget 80" gives the whole cost; below -m=2
    // it stops at once with "too expensive".
    bool full;
    int extra_call_cost;    // INL_EXTRA_CALL_COST (1 with -l=4)
    // The code is a shape instantiation's (its type parameters bound):
    // gc's stenciler added dictionary reads to it.
    bool shaped;
    // The code is read back from export data (a generic of another
    // package): each variable declared with a value is a declaration and
    // an assignment there, two nodes more.
    bool from_export;
    // shaped: the type parameters and their shapes, and where types with
    // the shapes put in go (gc's shape types are their own underlying
    // types as far as conversions go).
    Type **tparams, **shapes;
    int nshapes;
    Arena *arena;
    InlCalleeCostFn callee_cost;
    void *ctx;
} InlCostCfg;

// gc's hairy visitor over fn (N_FUNC_DECL or N_FUNC_LIT) after its
// deadcode pass. Returns the cost (INL_MAX_BUDGET minus the budget left)
// and sets *reason to NULL when gc can inline fn, else to gc's reason
// ("call to recover", "unhandled op DEFER", "function too complex: cost N
// exceeds budget 80", "too expensive"), in static or arena storage.
int inl_hairy(const InlCostCfg *cfg, Node *fn, const char **reason, Arena *a);

// gc's isBigFunc: the number of IR nodes of fn's body (closure bodies
// not included), counting stops at limit.
int inl_node_count(const InlCostCfg *cfg, Node *fn, int limit);
// (The count includes fn's own node, as ir.Any's does, so gc's isBigFunc
// is inl_node_count(cfg, fn, INL_BIG_FUNCTION_NODES) >= INL_BIG_FUNCTION_NODES.
// inl_hairy asks callee_cost, in the visitor's pre-order, about every call
// gc makes an OCALLFUNC, except runtime's throw, getg and getcaller{pc,sp},
// intrinsics and the cheap methods: function names, concrete method calls
// x.M() and T.M(x) (also promoted ones), and calls of func values (func
// literals, variables, results); never about interface method calls,
// builtins or conversions. The callback may cost other functions
// meanwhile: cost.c keeps no global state.)

// Whether gc's back end expands a call of fn as instructions on amd64
// (ssagen's intrinsics): such calls are neither inlined nor charged as calls.
bool inl_is_intrinsic(Object *fn);

#endif
