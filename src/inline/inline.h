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

// Whether gc's back end expands a call of fn as instructions on amd64
// (ssagen's intrinsics): such calls are neither inlined nor charged as calls.
bool inl_is_intrinsic(Object *fn);

#endif
