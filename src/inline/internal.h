// internal.h: what the inliner's files share and no other stage needs.
// For now that is the cost model's visitor, split between cost.c
// (state, expressions, calls, entry points) and cost_stmt.c (statements).
#ifndef GOESC_INLINE_INTERNAL_H
#define GOESC_INLINE_INTERNAL_H

#include "inline.h"

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
