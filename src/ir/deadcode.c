// deadcode.c: what gc's deadcode pass removes before inlining and escape
// analysis see a body: the statements after an `if true { return }`, the
// branch of an if whose (folded) condition is constant, and the cases of
// a switch on a constant that cannot match. Both later stages walk only
// what is left, so the decisions live here, below them.
#include "ir.h"

static Object *ident_obj(Node *n) {
    n = syn_unparen(n);
    return n && n->kind == N_IDENT ? n->u.ident.obj : NULL;
}

bool ir_ends_in_return(Node *body) {
    if (!body)
        return false;
    Node *last = body;
    if (body->kind == N_BLOCK) {
        if (body->u.block.list.n == 0)
            return false;
        last = body->u.block.list.v[body->u.block.list.n - 1];
    }
    if (last->kind == N_RETURN)
        return true;
    if (last->kind == N_EXPR_STMT) {
        Node *c = syn_unparen(last->u.unary.x);
        if (c->kind == N_CALL) {
            Object *o = ident_obj(c->u.call.fun);
            return o && o->kind == OBJ_BUILTIN && o->u.builtin.id == BUILTIN_PANIC;
        }
    }
    return false;
}

int ir_live_len(Info *info, NodeList l) {
    // gc's deadcode pass: after `if true { return }` the rest is cut
    // (unless a label follows).
    int last_label = -1;
    for (int i = 0; i < l.n; i++)
        if (l.v[i]->kind == N_LABELED)
            last_label = i;
    for (int i = 0; i < l.n; i++) {
        Node *s = l.v[i];
        if (s->kind == N_IF && !s->u.if_.init && i > last_label) {
            int c = ir_const_cond(info, s->u.if_.cond);
            if (c >= 0 && ir_ends_in_return(c ? s->u.if_.then : s->u.if_.els))
                return i + 1;
        }
    }
    return l.n;
}

int ir_const_cond(Info *info, Node *c) {
    c = syn_unparen(c);
    if (!c)
        return -1;
    Const *v = ptrmap_get(&info->consts, c);
    if (v)
        return types_const_kind(v) == CV_BOOL ? types_const_bool_val(v) : -1;
    if (c->kind == N_BINARY && (c->op == OP_ANDAND || c->op == OP_OROR)) {
        int x = ir_const_cond(info, c->u.binary.x);
        int y = ir_const_cond(info, c->u.binary.y);
        if (c->op == OP_ANDAND) {
            if (x == 0)
                return 0;
            if (x == 1)
                return y;
            return -1;   // x && false is not folded: x may have effects
        }
        if (x == 1)
            return 1;
        if (x == 0)
            return y;
        return -1;
    }
    return -1;
}

static bool has_fallthrough(NodeList body) {
    for (int i = 0; i < body.n; i++)
        if (body.v[i]->kind == N_BRANCH && body.v[i]->op == TK_FALLTHROUGH)
            return true;
    return false;
}

int ir_switch_live(Info *info, Node *sw) {
    if (sw->kind != N_SWITCH)
        return -2;
    Node *tag = sw->u.switch_.tag;
    Const *x = tag ? ptrmap_get(&info->consts, syn_unparen(tag)) : NULL;
    if (tag && !x)
        return -2;
    NodeList cl = sw->u.switch_.body->u.block.list;
    int def = -1;
    for (int i = 0; i < cl.n; i++) {
        Node *cc = cl.v[i];
        if (cc->u.clause.list.n == 0) {
            def = i;
            continue;
        }
        for (int j = 0; j < cc->u.clause.list.n; j++) {
            Const *c = ptrmap_get(&info->consts, syn_unparen(cc->u.clause.list.v[j]));
            if (!c)
                return -2;
            bool eq;
            if (!x)
                eq = types_const_kind(c) == CV_BOOL && types_const_bool_val(c);
            else if (types_const_kind(c) != types_const_kind(x))
                eq = false;
            else
                eq = types_const_compare(x, OP_EQL, c);
            if (eq)
                return has_fallthrough(cc->u.clause.body) ? -2 : i;
        }
    }
    if (def >= 0)
        return has_fallthrough(cl.v[def]->u.clause.body) ? -2 : def;
    return -1;
}


typedef struct LiveWalk {
    Info *info;
    bool (*f)(void *ctx, Node *n);
    void *ctx;
} LiveWalk;

static bool live_visit(void *ctx, Node *n) {
    LiveWalk *w = ctx;
    if (!w->f(w->ctx, n))
        return false;
    switch (n->kind) {
    case N_IF: {
        int c = ir_const_cond(w->info, n->u.if_.cond);
        if (c < 0)
            return true;
        if (n->u.if_.init)
            syn_inspect(n->u.if_.init, live_visit, w);
        Node *live = c ? n->u.if_.then : n->u.if_.els;
        if (live)
            syn_inspect(live, live_visit, w);
        return false;
    }
    case N_SWITCH: {
        int live = ir_switch_live(w->info, n);
        if (live == -2)
            return true;
        if (n->u.switch_.init)
            syn_inspect(n->u.switch_.init, live_visit, w);
        if (live >= 0)
            syn_inspect(n->u.switch_.body->u.block.list.v[live], live_visit, w);
        return false;
    }
    case N_BLOCK: {
        NodeList l = n->u.block.list;
        l.n = ir_live_len(w->info, l);
        for (int i = 0; i < l.n; i++)
            syn_inspect(l.v[i], live_visit, w);
        return false;
    }
    default:
        return true;
    }
}

void ir_inspect_live(Info *info, Node *n, bool (*f)(void *ctx, Node *n), void *ctx) {
    LiveWalk w = {info, f, ctx};
    syn_inspect(n, live_visit, &w);
}
