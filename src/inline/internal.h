// internal.h: what the inliner's files share and no other stage needs:
// the inliner's state and the helpers the package driver (package.c)
// calls in inline.c, and the cost model's visitor, split between cost.c
// (state, expressions, calls, entry points) and cost_stmt.c (statements).
#ifndef GOESC_INLINE_INTERNAL_H
#define GOESC_INLINE_INTERNAL_H

#include "inline.h"

// ---- inline.c, package.c: the inliner ----

// An inlined copy being walked: its parameters' arguments, for static
// callees, and the type information of the callee's package.
typedef struct Frame {
    InlFunc *fn;            // the callee copied
    PtrMap args;            // parameter Object* -> argument Node*
    PtrMap copies;          // N_FUNC_LIT -> its copy's InlFunc
    Info *info;
    struct Frame *up;
} Frame;

struct Inliner {
    InlConfig cfg;
    Arena arena;
    Package *home;          // the package processed
    PtrMap gen_decls;       // generic OBJ_FUNC -> its N_FUNC_DECL
    PtrMap insts;           // generic OBJ_FUNC -> its instantiations (next_inst)
    InlFuncVec inst_list;   // the home package's, in the order made
    Type *ptr_shape;
    PtrMap abs_files;       // source file of an imported generic -> absolute path
    PtrMap funcs;           // OBJ_FUNC Object* or N_FUNC_LIT Node* -> InlFunc*
    PtrMap sites;           // call Node* -> InlSite* (chained by next_same)
    IrDefs defs;            // static values of local variables
    // The package being processed.
    Package *pkg;
    Info *info;             // type information of the code being walked
    RecordLog *log;         // NULL: silent
    VEC(InlFunc *) order;   // its functions: declarations in source order
    // Tarjan's walk.
    uint32_t visitgen;
    VEC(InlFunc *) stack;
    // InlineCalls of one function.
    InlFunc *curfn;
    int max_cost;
    PtrMap on_path;         // InlFunc* -> 1: inlined on the way here
    InlSite *parent;        // the site whose body is walked, NULL: curfn's
    Pos outer_pos;          // the outermost call when inside a copy
    InlFuncVec all;         // every InlFunc, to free their vectors
    VEC(InlSite *) all_sites;
    Frame *frame;           // the copy being walked, NULL: curfn's body
    Info *top_info;         // curfn's package's
    InlFunc *scope_fn;      // the function whose code is examined
};

// inl_find_lits's walk: the func literals of fn's code become InlFuncs
// named in gc's sequence.
typedef struct LitCtx {
    Inliner *in;
    InlFunc *fn;    // the function whose literals are named
    bool top;       // fn is a declared function: F.func1, else F.func1.1
} LitCtx;

// inline.c: names and lines, finding functions, static callees, shape
// instantiations, CanInline and InlineCalls, which package.c drives.
int inl_line(Inliner *in, RecKind kind, Pos pos, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
Str inl_qualified_name(Inliner *in, InlFunc *fn);
InlFunc *inl_new_func(Inliner *in, Node *decl, Object *obj, Node *body, Str name,
                      InlFunc *outer);
InlFunc *inl_lit_func(Inliner *in, InlFunc *fn, Node *n);
bool inl_find_lits(void *ctx, Node *n);     // syn_inspect visitor, ctx: LitCtx
bool inl_is_generic(Object *o);
bool inl_scan_defs(void *ctx, Node *n);     // syn_inspect visitor, ctx: IrDefs
void inl_apply_facts(const PkgFacts *facts, InlFunc *fn);
InlFunc *inl_instance_for(Inliner *in, Object *gen, Type **targs, int ntargs, InlFunc *ctx);
InlFunc *inl_ref_func(Inliner *in, Info *info, Object *o, Node *ident, Type *recv, InlFunc *ctx);
void inl_can_inline(Inliner *in, InlFunc *fn);
void inl_inline_calls(Inliner *in, InlFunc *fn);

// ---- cost.c, cost_stmt.c: the cost visitor ----

// A dictionary entry, (*(*[N]uintptr)(unsafe.Pointer(.dict)))[i]: OINDEX,
// ODEREF, ONAME and OLITERAL (the two OCONVNOPs are free).
#define DICT_ENTRY_NODES 4

typedef struct Cost {
    const InlCostCfg *cfg;
    Info *info;
    int budget;         // gc's budget, counting down from 80
    int count;          // ir.Any's node count (closure bodies excluded)
    int closures;       // closure bodies we are inside
    const char *reason; // set: stop
    Type *sig;          // signature of the innermost function (returns)
    bool counting;      // inl_node_count: ir.Any stops at nothing
    bool callee;        // the expression costed is a call's callee
} Cost;

// A reason not to inline: the visitor stops there; ir.Any counts on.
static inline bool inl_cost_fail(Cost *C, const char *why) {
    if (!C->counting)
        C->reason = why;
    return C->reason != NULL;
}

// One IR node at the default cost.
static inline bool inl_cost_node(Cost *C) {
    C->budget--;
    if (!C->closures)
        C->count++;
    if (C->budget < 0 && !C->cfg->full && !C->reason)
        C->reason = "too expensive";
    return C->reason != NULL;
}

// A node the visitor does not charge (its ++ undoes the --).
static inline void inl_cost_free_node(Cost *C) {
    if (!C->closures)
        C->count++;
}

static inline void inl_cost_charge(Cost *C, int k) {
    C->budget -= k;
    if (C->budget < 0 && !C->cfg->full && !C->reason)
        C->reason = "too expensive";
}

// Where RewriteMultiValueCall's values go: lhs's types, else tuple's
// (variadic: its last type's elements from there on), else, for a
// builtin, rest for all values after the first.
typedef struct Dst {
    NodeList lhs;
    Type *tuple;
    bool variadic;
    Type *rest;
} Dst;

// cost.c
void inl_cost_expr(Cost *C, Node *e);
bool inl_cost_is_const(Cost *C, Node *e);
bool inl_cost_is_blank(Node *e);
// e converted implicitly to dst (assignconvfn): OCONVIFACE or OCONVNOP.
void inl_cost_conv(Cost *C, Node *e, Type *dst);
void inl_cost_multi_value(Cost *C, Node *callx, const Dst *d);

// cost_stmt.c
Type *inl_cost_lhs_type(Node *l);   // the type an assignment's lhs l receives
void inl_cost_stmts(Cost *C, NodeList l);

#endif
