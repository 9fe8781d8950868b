// inspect.c: one generic walk over the AST, go/ast's Inspect: f sees a
// node, then (if it returns true) its children in source order. Passes
// that need no special order write a visitor instead of a full switch.
#include "syntax.h"

static void list(NodeList l, bool (*f)(void *, Node *), void *ctx) {
    for (int i = 0; i < l.n; i++)
        syn_inspect(l.v[i], f, ctx);
}

void syn_inspect(Node *n, bool (*f)(void *ctx, Node *n), void *ctx) {
    if (!n || !f(ctx, n))
        return;
    switch (n->kind) {
    case N_ELLIPSIS: syn_inspect(n->u.ellipsis.elt, f, ctx); return;
    case N_FUNC_LIT:
        syn_inspect(n->u.func_lit.type, f, ctx);
        syn_inspect(n->u.func_lit.body, f, ctx);
        return;
    case N_COMPOSITE_LIT:
        syn_inspect(n->u.composite.type, f, ctx);
        list(n->u.composite.elts, f, ctx);
        return;
    case N_PAREN: case N_STAR: case N_UNARY: case N_EXPR_STMT: case N_INCDEC: case N_GO:
    case N_DEFER:
        syn_inspect(n->u.unary.x, f, ctx);
        return;
    case N_SELECTOR:
        syn_inspect(n->u.selector.x, f, ctx);
        syn_inspect(n->u.selector.sel, f, ctx);
        return;
    case N_INDEX:
        syn_inspect(n->u.index.x, f, ctx);
        list(n->u.index.indices, f, ctx);
        return;
    case N_SLICE:
        syn_inspect(n->u.slice.x, f, ctx);
        syn_inspect(n->u.slice.lo, f, ctx);
        syn_inspect(n->u.slice.hi, f, ctx);
        syn_inspect(n->u.slice.max, f, ctx);
        return;
    case N_TYPE_ASSERT:
        syn_inspect(n->u.assert.x, f, ctx);
        syn_inspect(n->u.assert.type, f, ctx);
        return;
    case N_CALL:
        syn_inspect(n->u.call.fun, f, ctx);
        list(n->u.call.args, f, ctx);
        return;
    case N_BINARY:
        syn_inspect(n->u.binary.x, f, ctx);
        syn_inspect(n->u.binary.y, f, ctx);
        return;
    case N_KEY_VALUE:
        syn_inspect(n->u.key_value.key, f, ctx);
        syn_inspect(n->u.key_value.value, f, ctx);
        return;
    case N_ARRAY_TYPE:
        syn_inspect(n->u.array.len, f, ctx);
        syn_inspect(n->u.array.elt, f, ctx);
        return;
    case N_STRUCT_TYPE: case N_INTERFACE_TYPE: list(n->u.fields.list, f, ctx); return;
    case N_FUNC_TYPE:
        list(n->u.func_type.tparams, f, ctx);
        list(n->u.func_type.params, f, ctx);
        list(n->u.func_type.results, f, ctx);
        return;
    case N_MAP_TYPE:
        syn_inspect(n->u.map.key, f, ctx);
        syn_inspect(n->u.map.value, f, ctx);
        return;
    case N_CHAN_TYPE: syn_inspect(n->u.chan.value, f, ctx); return;
    case N_FIELD:
        list(n->u.field.names, f, ctx);
        syn_inspect(n->u.field.type, f, ctx);
        syn_inspect(n->u.field.tag, f, ctx);
        return;
    case N_DECL_STMT: syn_inspect(n->u.decl_stmt.decl, f, ctx); return;
    case N_LABELED:
        syn_inspect(n->u.labeled.label, f, ctx);
        syn_inspect(n->u.labeled.stmt, f, ctx);
        return;
    case N_SEND:
        syn_inspect(n->u.send.chan, f, ctx);
        syn_inspect(n->u.send.value, f, ctx);
        return;
    case N_ASSIGN:
        list(n->u.assign.lhs, f, ctx);
        list(n->u.assign.rhs, f, ctx);
        return;
    case N_RETURN: list(n->u.list.list, f, ctx); return;
    case N_BRANCH: syn_inspect(n->u.branch.label, f, ctx); return;
    case N_BLOCK: list(n->u.block.list, f, ctx); return;
    case N_IF:
        syn_inspect(n->u.if_.init, f, ctx);
        syn_inspect(n->u.if_.cond, f, ctx);
        syn_inspect(n->u.if_.then, f, ctx);
        syn_inspect(n->u.if_.els, f, ctx);
        return;
    case N_CASE_CLAUSE:
        list(n->u.clause.list, f, ctx);
        list(n->u.clause.body, f, ctx);
        return;
    case N_SWITCH: case N_TYPE_SWITCH: case N_SELECT:
        syn_inspect(n->u.switch_.init, f, ctx);
        syn_inspect(n->u.switch_.tag, f, ctx);
        syn_inspect(n->u.switch_.body, f, ctx);
        return;
    case N_COMM_CLAUSE:
        syn_inspect(n->u.comm.comm, f, ctx);
        list(n->u.comm.body, f, ctx);
        return;
    case N_FOR:
        syn_inspect(n->u.for_.init, f, ctx);
        syn_inspect(n->u.for_.cond, f, ctx);
        syn_inspect(n->u.for_.post, f, ctx);
        syn_inspect(n->u.for_.body, f, ctx);
        return;
    case N_RANGE:
        syn_inspect(n->u.range.key, f, ctx);
        syn_inspect(n->u.range.value, f, ctx);
        syn_inspect(n->u.range.x, f, ctx);
        syn_inspect(n->u.range.body, f, ctx);
        return;
    case N_GEN_DECL: list(n->u.gen_decl.specs, f, ctx); return;
    case N_IMPORT_SPEC:
        syn_inspect(n->u.import_spec.name, f, ctx);
        syn_inspect(n->u.import_spec.path, f, ctx);
        return;
    case N_VALUE_SPEC:
        list(n->u.value_spec.names, f, ctx);
        syn_inspect(n->u.value_spec.type, f, ctx);
        list(n->u.value_spec.values, f, ctx);
        return;
    case N_TYPE_SPEC:
        syn_inspect(n->u.type_spec.name, f, ctx);
        list(n->u.type_spec.tparams, f, ctx);
        syn_inspect(n->u.type_spec.type, f, ctx);
        return;
    case N_FUNC_DECL:
        list(n->u.func_decl.recv, f, ctx);
        syn_inspect(n->u.func_decl.name, f, ctx);
        syn_inspect(n->u.func_decl.type, f, ctx);
        syn_inspect(n->u.func_decl.body, f, ctx);
        return;
    default:
        return;
    }
}
