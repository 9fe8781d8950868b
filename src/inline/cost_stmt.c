// cost_stmt.c: the statements of gc's inlining cost model (see cost.c
// for the model). Each statement is charged for the IR gc builds from
// it: the ODCLs of := and var, RewriteMultiValueCall's temporaries for
// a, b := f(), the OIF of a constant condition with only its live branch,
// switch and select cases, and the OAS2 and conversions of a return.
#include <string.h>

#include "internal.h"

static void stmt(Cost *C, Node *s);

static void export_decl(Cost *C) {
    if (C->cfg->from_export)
        inl_cost_charge(C, 2);
}

// The ODCL (with its ONAME) of each name an assignment defines.
static void dcls(Cost *C, NodeList lhs) {
    for (int i = 0; i < lhs.n; i++) {
        Node *id = lhs.v[i];
        if (id->kind == N_IDENT && id->u.ident.obj && id->u.ident.obj->pos == id->pos && !inl_cost_is_blank(id)) {
            inl_cost_node(C);
            inl_cost_node(C);
            export_decl(C);
        }
    }
}

Type *inl_cost_lhs_type(Node *l) {
    if (inl_cost_is_blank(l))
        return NULL;
    if (l->kind == N_IDENT && l->u.ident.obj && l->u.ident.obj->kind == OBJ_VAR)
        return l->u.ident.obj->type;
    return l->type;
}

static void assign(Cost *C, Node *s, NodeList lhs, NodeList rhs, bool def) {
    if (inl_cost_node(C))
        return;
    if (def)
        dcls(C, lhs);
    if (lhs.n == rhs.n) {
        for (int i = 0; i < lhs.n && !C->reason; i++) {
            inl_cost_expr(C, lhs.v[i]);
            inl_cost_conv(C, rhs.v[i], inl_cost_lhs_type(lhs.v[i]));
        }
        return;
    }
    for (int i = 0; i < lhs.n; i++)
        inl_cost_expr(C, lhs.v[i]);
    if (rhs.n != 1)
        return;
    if (ir_multi_call_temps_in(s, C->cfg->shaped) > 0)   // OAS2 of temporaries, converted
        inl_cost_multi_value(C, syn_unparen(rhs.v[0]), &(Dst){.lhs = lhs});
    else
        inl_cost_expr(C, rhs.v[0]);   // OAS2FUNC, OAS2MAPR, OAS2RECV, OAS2DOTTYPE
}

static void decl_stmt(Cost *C, Node *g) {
    for (int k = 0; k < g->u.gen_decl.specs.n && !C->reason; k++) {
        Node *sp = g->u.gen_decl.specs.v[k];
        if (g->op == TK_TYPE) {
            if (inl_cost_fail(C, "unhandled op DCLTYPE"))
                return;
            inl_cost_node(C);
            inl_cost_node(C);
            continue;
        }
        if (g->op == TK_CONST) {   // ODCLCONST: free, and not entered
            for (int i = 0; i < sp->u.value_spec.names.n; i++)
                if (!C->closures)
                    C->count += 2;
            continue;
        }
        if (g->op != TK_VAR)
            continue;
        NodeList names = sp->u.value_spec.names, vals = sp->u.value_spec.values;
        for (int i = 0; i < names.n; i++) {
            inl_cost_node(C);
            inl_cost_node(C);
        }
        if (vals.n && vals.n != names.n) {
            inl_cost_node(C);
            for (int i = 0; i < names.n; i++) {
                inl_cost_node(C);
                export_decl(C);
            }
            if (ir_multi_call_temps_in(sp, C->cfg->shaped) > 0)
                inl_cost_multi_value(C, syn_unparen(vals.v[0]), &(Dst){.lhs = names});
            else
                inl_cost_expr(C, vals.v[0]);
            continue;
        }
        for (int i = 0; i < names.n && !C->reason; i++) {
            inl_cost_node(C);
            inl_cost_node(C);
            if (vals.n) {
                export_decl(C);
                inl_cost_conv(C, vals.v[i], inl_cost_lhs_type(names.v[i]));
            }
        }
    }
}

// An if condition after deadcode's folding of constant && and || operands.
static void cond(Cost *C, Node *c) {
    c = syn_unparen(c);
    if (c->kind == N_BINARY && (c->op == OP_ANDAND || c->op == OP_OROR) && !inl_cost_is_const(C, c)) {
        int x = ir_const_cond(C->info, c->u.binary.x);
        if (x >= 0) {
            bool keep_y = (c->op == OP_ANDAND) == (x == 1);
            if (keep_y)
                cond(C, c->u.binary.y);
            else
                inl_cost_node(C);
            return;
        }
        if (inl_cost_node(C))
            return;
        cond(C, c->u.binary.x);
        cond(C, c->u.binary.y);
        return;
    }
    inl_cost_expr(C, c);
}

static void if_stmt(Cost *C, Node *s) {
    int cv = ir_const_cond(C->info, s->u.if_.cond);
    if (cv >= 0) {   // free, as is its condition; only the live branch is left
        if (!C->closures)
            C->count += 2;
        stmt(C, s->u.if_.init);
        Node *live = cv ? s->u.if_.then : s->u.if_.els;
        stmt(C, live);
        return;
    }
    if (inl_cost_node(C))
        return;
    stmt(C, s->u.if_.init);
    cond(C, s->u.if_.cond);
    stmt(C, s->u.if_.then);
    stmt(C, s->u.if_.els);
}

static void switch_stmt(Cost *C, Node *s) {
    if (inl_cost_node(C))
        return;
    stmt(C, s->u.switch_.init);
    NodeList cl = s->u.switch_.body->u.block.list;
    if (s->kind == N_TYPE_SWITCH) {
        Node *g = s->u.switch_.tag;
        inl_cost_node(C);   // OTYPESW
        Node *x;
        if (g->kind == N_ASSIGN) {
            inl_cost_node(C);   // the symbol's ident
            x = g->u.assign.rhs.v[0];
        } else
            x = g->u.unary.x;
        inl_cost_expr(C, syn_unparen(x)->u.assert.x);
        for (int i = 0; i < cl.n && !C->reason; i++) {
            Node *cc = cl.v[i];
            inl_cost_node(C);
            if (ptrmap_get(&C->info->implicits, cc))
                inl_cost_node(C);   // the clause's variable
            for (int j = 0; j < cc->u.clause.list.n; j++) {
                inl_cost_node(C);   // OTYPE or ONIL
                // (a case of the type parameters: its descriptor from
                // the dictionary)
                Node *ct = cc->u.clause.list.v[j];
                if (C->cfg->shaped && ct->type && ir_mentions_tparam(ct->type))
                    inl_cost_charge(C, DICT_ENTRY_NODES);
            }
            inl_cost_stmts(C, cc->u.clause.body);
        }
        return;
    }
    inl_cost_expr(C, s->u.switch_.tag);
    int live = ir_switch_live(C->info, s);
    for (int i = 0; i < cl.n && !C->reason; i++) {
        if (live == -1 || (live >= 0 && i != live))
            continue;
        Node *cc = cl.v[i];
        inl_cost_node(C);
        if (live >= 0)
            for (int j = 0; j < cc->u.clause.list.n && j < 1; j++)
                inl_cost_node(C);   // the one value that matched
        else
            for (int j = 0; j < cc->u.clause.list.n; j++)
                inl_cost_expr(C, cc->u.clause.list.v[j]);
        inl_cost_stmts(C, cc->u.clause.body);
    }
}

static void select_stmt(Cost *C, Node *s) {
    if (inl_cost_node(C))
        return;
    NodeList cl = s->u.switch_.body->u.block.list;
    for (int i = 0; i < cl.n && !C->reason; i++) {
        Node *cc = cl.v[i], *comm = cc->u.comm.comm;
        inl_cost_node(C);
        if (comm && comm->kind == N_SEND) {
            stmt(C, comm);
        } else if (comm && comm->kind == N_EXPR_STMT) {   // OSELRECV2(_, _ = <-c)
            inl_cost_node(C);
            inl_cost_node(C);
            inl_cost_node(C);
            inl_cost_expr(C, comm->u.unary.x);
        } else if (comm && comm->kind == N_ASSIGN) {
            inl_cost_node(C);
            if (comm->op == OP_DEF)
                dcls(C, comm->u.assign.lhs);
            for (int j = 0; j < comm->u.assign.lhs.n; j++)
                inl_cost_expr(C, comm->u.assign.lhs.v[j]);
            if (comm->u.assign.lhs.n == 1)
                inl_cost_node(C);   // the blank ok
            inl_cost_expr(C, comm->u.assign.rhs.v[0]);
        }
        inl_cost_stmts(C, cc->u.comm.body);
    }
}

static void return_stmt(Cost *C, Node *s) {
    if (inl_cost_node(C))
        return;
    NodeList res = s->u.list.list;
    Type *rt = C->sig && C->sig->kind == TY_FUNC ? C->sig->u.func.results : NULL;
    if (ir_multi_call_results(res) > 0) {
        inl_cost_multi_value(C, syn_unparen(res.v[0]), &(Dst){.tuple = rt});
        return;
    }
    for (int i = 0; i < res.n && !C->reason; i++)
        inl_cost_conv(C, res.v[i], i < types_tuple_len(rt) ? types_tuple_at(rt, i) : NULL);
}

static void stmt(Cost *C, Node *s) {
    if (!s || C->reason)
        return;
    switch ((NodeKind)s->kind) {
    case N_EMPTY_STMT:
        return;
    case N_BLOCK:            // flattened into the enclosing list
        inl_cost_stmts(C, s->u.block.list);
        return;
    case N_LABELED:
        if (inl_cost_node(C))
            return;
        stmt(C, s->u.labeled.stmt);
        return;
    case N_EXPR_STMT:
        inl_cost_expr(C, s->u.unary.x);
        return;
    case N_SEND: {
        if (inl_cost_node(C))
            return;
        inl_cost_expr(C, s->u.send.chan);
        Type *ct = types_core_type(s->u.send.chan->type);
        inl_cost_conv(C, s->u.send.value, ct && ct->kind == TY_CHAN ? ct->u.chan.elem : NULL);
        return;
    }
    case N_INCDEC:           // OASOP(x, 1)
        if (inl_cost_node(C))
            return;
        inl_cost_expr(C, s->u.unary.x);
        inl_cost_node(C);
        return;
    case N_ASSIGN:
        if (s->op != OP_NONE && s->op != OP_DEF) {   // OASOP
            if (inl_cost_node(C))
                return;
            inl_cost_expr(C, s->u.assign.lhs.v[0]);
            inl_cost_expr(C, s->u.assign.rhs.v[0]);
            return;
        }
        assign(C, s, s->u.assign.lhs, s->u.assign.rhs, s->op == OP_DEF);
        return;
    case N_GO:
    case N_DEFER:
        if (inl_cost_fail(C, s->kind == N_GO ? "unhandled op GO" : "unhandled op DEFER"))
            return;
        inl_cost_node(C);
        inl_cost_expr(C, s->u.unary.x);
        return;
    case N_RETURN:
        return_stmt(C, s);
        return;
    case N_BRANCH:
        if (s->op == TK_FALLTHROUGH)
            inl_cost_free_node(C);
        else
            inl_cost_node(C);
        return;
    case N_DECL_STMT:
        decl_stmt(C, s->u.decl_stmt.decl);
        return;
    case N_IF:
        if_stmt(C, s);
        return;
    case N_SWITCH:
    case N_TYPE_SWITCH:
        switch_stmt(C, s);
        return;
    case N_SELECT:
        select_stmt(C, s);
        return;
    case N_FOR:
        if (inl_cost_node(C))
            return;
        stmt(C, s->u.for_.init);
        inl_cost_expr(C, s->u.for_.cond);
        stmt(C, s->u.for_.post);
        stmt(C, s->u.for_.body);
        return;
    case N_RANGE: {
        if (inl_cost_node(C))
            return;
        Node *k = s->u.range.key, *v = s->u.range.value;
        if (s->op == OP_DEF) {
            Node *kv[2] = {k, v};
            dcls(C, (NodeList){kv, v ? 2 : (k ? 1 : 0)});
        }
        inl_cost_expr(C, s->u.range.x);
        inl_cost_expr(C, k);
        inl_cost_expr(C, v);
        stmt(C, s->u.range.body);
        return;
    }
    default:
        return;
    }
}

void inl_cost_stmts(Cost *C, NodeList l) {
    int n = ir_live_len(C->info, l);
    for (int i = 0; i < n && !C->reason; i++)
        stmt(C, l.v[i]);
}
