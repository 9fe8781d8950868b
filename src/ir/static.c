// static.c: the facts behind gc's ir.StaticValue. A local variable
// defined once (x := v, var x = v) and never assigned again nor
// addressed has v as its static value; inlining finds static callees
// through it, and escape analysis devirtualizes with it.
#include <stdio.h>
#include <stdlib.h>

#include "ir.h"

static bool is_local_var(Object *o) {
    return o && o->kind == OBJ_VAR && !(o->flags & OF_FIELD) &&
           (o->flags & (OF_LOCAL | OF_PARAM | OF_RESULT));
}


static void mark_reassigned(IrDefs *defs, Node *n, bool addr) {
    for (;;) {
        n = syn_unparen(n);
        if (!n)
            return;
        if (n->kind == N_IDENT) {
            if (is_local_var(n->u.ident.obj))
                ptrmap_put(&defs->reassigned, n->u.ident.obj, (void *)1);
            return;
        }
        if (!addr)
            return;
        if (n->kind == N_SELECTOR)
            n = n->u.selector.x;
        else if (n->kind == N_INDEX)
            n = n->u.index.x;
        else
            return;
    }
}

static void scan_list(IrDefs *defs, NodeList l) {
    for (int i = 0; i < l.n; i++)
        ir_scan_defs(defs, l.v[i]);
}

void ir_scan_defs(IrDefs *defs, Node *n) {
    if (!n)
        return;
    switch (n->kind) {
    case N_ASSIGN: {
        NodeList lhs = n->u.assign.lhs, rhs = n->u.assign.rhs;
        for (int i = 0; i < lhs.n; i++) {
            Node *d = lhs.v[i];
            if (n->op == OP_DEF && d->kind == N_IDENT && d->u.ident.obj && d->u.ident.obj->pos == d->pos) {
                if (lhs.n == rhs.n)
                    ptrmap_put(&defs->def, d->u.ident.obj, rhs.v[i]);
            } else {
                mark_reassigned(defs, d, false);
            }
        }
        scan_list(defs, rhs);
        return;
    }
    case N_VALUE_SPEC: {
        NodeList names = n->u.value_spec.names, vals = n->u.value_spec.values;
        if (names.n == vals.n)
            for (int i = 0; i < names.n; i++)
                if (names.v[i]->u.ident.obj)
                    ptrmap_put(&defs->def, names.v[i]->u.ident.obj, vals.v[i]);
        scan_list(defs, vals);
        return;
    }
    case N_INCDEC: mark_reassigned(defs, n->u.unary.x, false); return;
    case N_UNARY:
        if (n->op == OP_AND)
            mark_reassigned(defs, n->u.unary.x, true);
        ir_scan_defs(defs, n->u.unary.x);
        return;
    case N_RANGE:
        if (n->op != OP_DEF) {
            mark_reassigned(defs, n->u.range.key, false);
            mark_reassigned(defs, n->u.range.value, false);
        }
        ir_scan_defs(defs, n->u.range.x);
        ir_scan_defs(defs, n->u.range.body);
        return;
    case N_FUNC_LIT: ir_scan_defs(defs, n->u.func_lit.body); return;
    case N_COMPOSITE_LIT: scan_list(defs, n->u.composite.elts); return;
    case N_PAREN: case N_STAR: case N_EXPR_STMT: case N_GO: case N_DEFER:
        ir_scan_defs(defs, n->u.unary.x); return;
    case N_SELECTOR: ir_scan_defs(defs, n->u.selector.x); return;
    case N_INDEX: ir_scan_defs(defs, n->u.index.x); scan_list(defs, n->u.index.indices); return;
    case N_SLICE: ir_scan_defs(defs, n->u.slice.x); return;
    case N_TYPE_ASSERT: ir_scan_defs(defs, n->u.assert.x); return;
    case N_CALL: ir_scan_defs(defs, n->u.call.fun); scan_list(defs, n->u.call.args); return;
    case N_BINARY: ir_scan_defs(defs, n->u.binary.x); ir_scan_defs(defs, n->u.binary.y); return;
    case N_KEY_VALUE: ir_scan_defs(defs, n->u.key_value.value); return;
    case N_DECL_STMT: ir_scan_defs(defs, n->u.decl_stmt.decl); return;
    case N_GEN_DECL: scan_list(defs, n->u.gen_decl.specs); return;
    case N_LABELED: ir_scan_defs(defs, n->u.labeled.stmt); return;
    case N_SEND: ir_scan_defs(defs, n->u.send.value); return;
    case N_RETURN: scan_list(defs, n->u.list.list); return;
    case N_BLOCK: scan_list(defs, n->u.block.list); return;
    case N_IF:
        ir_scan_defs(defs, n->u.if_.init); ir_scan_defs(defs, n->u.if_.cond);
        ir_scan_defs(defs, n->u.if_.then); ir_scan_defs(defs, n->u.if_.els); return;
    case N_CASE_CLAUSE: scan_list(defs, n->u.clause.list); scan_list(defs, n->u.clause.body); return;
    case N_COMM_CLAUSE: ir_scan_defs(defs, n->u.comm.comm); scan_list(defs, n->u.comm.body); return;
    case N_SWITCH: case N_TYPE_SWITCH: case N_SELECT:
        ir_scan_defs(defs, n->u.switch_.init); ir_scan_defs(defs, n->u.switch_.tag);
        ir_scan_defs(defs, n->u.switch_.body); return;
    case N_FOR:
        ir_scan_defs(defs, n->u.for_.init); ir_scan_defs(defs, n->u.for_.cond);
        ir_scan_defs(defs, n->u.for_.post); ir_scan_defs(defs, n->u.for_.body); return;
    default:
        return;
    }
}


Node *ir_def_of(IrDefs *defs, Object *o) {
    if (ptrmap_get(&defs->reassigned, o))
        return NULL;
    return ptrmap_get(&defs->def, o);
}

void ir_defs_free(IrDefs *defs) {
    ptrmap_free(&defs->def);
    ptrmap_free(&defs->reassigned);
}

Type *ir_elem_type(Type *u, Node *key, int i) {
    if (u->kind == TY_STRUCT) {
        for (int j = 0; j < u->u.struct_.nfields; j++)
            if (key ? key->kind == N_IDENT && u->u.struct_.fields[j]->name == key->u.ident.name : j == i)
                return u->u.struct_.fields[j]->type;
        return NULL;
    }
    if (u->kind == TY_ARRAY)
        return u->u.array.elem;
    if (u->kind == TY_SLICE)
        return u->u.elem.elem;
    return NULL;
}

Str ir_func_decl_name(Node *fd) {
    Str name = fd->u.func_decl.name->u.ident.name;
    if (fd->u.func_decl.recv.n == 0)
        return name;
    Node *t = syn_unparen(fd->u.func_decl.recv.v[0]->u.field.type);
    bool ptr = false;
    if (t->kind == N_STAR) {
        ptr = true;
        t = syn_unparen(t->u.unary.x);
    }
    if (t->kind == N_INDEX)
        t = t->u.index.x;
    Str tn = t->kind == N_IDENT ? t->u.ident.name : "?";
    char buf[512];
    snprintf(buf, sizeof buf, ptr ? "(*%s).%s" : "%s.%s", tn, name);
    return str_cstr(buf);
}
