// devirt.c: gc's devirtualize pass, which runs after inlining and before
// escape analysis. An interface method call whose receiver's static value
// (ir.StaticValue) is a conversion of a concrete value to an interface
// becomes a call of the concrete method, and -m says so ("devirtualizing
// h.Write to *sha512.digest"). After inlining the static value reaches
// through the inlined copies: a variable defined by an inlined call
// (sha512.New()) takes that call's single result when gc declares it at
// the return ("delayed" results), and an inlined parameter is defined by
// its call's argument. The calls inside inlined bodies are devirtualized
// in the caller, each copy on its own.
//
// (gc's package is devirtualize, between inline and escape; this lives
// with escape analysis because it consumes the builder's definitions.)
#include <string.h>

#include "escape.h"

// The code of site s (NULL: the function compiled) reads its names here.
static Info *site_info(Builder *bl, InlSite *s) {
    return s ? s->callee->info : types_package_info(bl->home ? bl->home : bl->pkg);
}

static Package *site_pkg(Builder *bl, InlSite *s) {
    return s ? s->callee->pkg : bl->home ? bl->home : bl->pkg;
}

// Whether o is declared in s's callee (a parameter or a local), rather
// than in the enclosing code a closure copied there reads.
static bool declares(InlSite *s, Object *o) {
    InlFunc *f = s->callee;
    if (!f->decl || !f->body)
        return false;
    return o->pos >= f->decl->pos && o->pos <= f->body->u.block.rbrace;
}

// The argument s's call passes for parameter o of its callee, or NULL.
static Node *site_arg(Builder *bl, InlSite *s, Object *o) {
    Type *sig = esc_inl_sig(s);
    Node *call = s->call;
    if (!sig || !call)
        return NULL;
    NodeList args = call->u.call.args;
    Node *fun = syn_unparen(call->u.call.fun);
    int ai = 0;
    if (sig->u.func.recv) {
        Selection *sel = fun->kind == N_SELECTOR
                             ? ptrmap_get(&site_info(bl, s->parent)->selections, fun) : NULL;
        Node *rx = sel && sel->kind == SEL_METHOD_VAL ? fun->u.selector.x
                   : args.n ? args.v[ai++] : NULL;
        if (o == sig->u.func.recv)
            return rx;
    }
    int np = types_tuple_len(sig->u.func.params);
    for (int i = 0; i < np; i++) {
        if (sig->u.func.params->u.tuple.vars[i] != o)
            continue;
        // The ... parameter gets a slice built of the extra arguments.
        if (i == np - 1 && (sig->flags & TF_VARIADIC) && !(call->flags & NF_DOTS))
            return NULL;
        if (ai + i >= args.n || (args.v[ai + i]->type && args.v[ai + i]->type->kind == TY_TUPLE))
            return NULL;
        return args.v[ai + i];
    }
    return NULL;
}

// Whether a value of type src stored where dst is declared goes through
// gc's OCONVIFACE: a concrete value into an interface.
static bool converts(Type *dst, Node *v) {
    Type *t = v->type;
    return dst && t && types_is_interface(dst) && !types_is_interface(t) &&
           NODE_MODE(v) != MODE_NILVALUE && t->kind != TY_TUPLE && !types_is_untyped(t);
}

// One step of gc's StaticValue for n written in the code of site *s:
// the value n stands for (an inlined call's delayed single result, an
// inlined parameter's argument, a local's one definition), with *s moved
// to the site whose code holds it and *dst the type it is stored as.
// NULL where StaticValue stops.
Node *esc_static_step(Builder *bl, InlSite **ps, Node *n, Type **dst) {
    IrDefs *inl_defs = bl->inl ? inl_defs_of(bl->inl) : NULL;
    InlSite *s = *ps;
    Node *v = NULL;
    n = syn_unparen(n);
    if (n->kind == N_CALL) {
        InlSite *c = bl->inl ? inl_site(bl->inl, s, n) : NULL;
        v = c ? esc_inl_delayed_result(c) : NULL;
        if (!v)
            return NULL;
        *dst = types_tuple_at(esc_inl_sig(c)->u.func.results, 0);
        *ps = c;
        return v;
    }
    if (n->kind != N_IDENT || !esc_is_local_var(n->u.ident.obj))
        return NULL;
    Object *o = n->u.ident.obj;
    while (s && !declares(s, o))
        s = s->parent;
    *dst = o->type;
    if (s && (o->flags & OF_PARAM)) {
        if (ptrmap_get(&inl_defs->reassigned, o))
            return NULL;
        v = site_arg(bl, s, o);
        s = s->parent;
    } else if (!(o->flags & (OF_PARAM | OF_RESULT))) {
        v = ir_def_of(s ? inl_defs : &bl->defs, o);
    }
    *ps = s;
    return v;
}

// The concrete type behind an interface value n written in the code of
// site s: gc's StaticValue reaching an OCONVIFACE of a concrete value.
static Type *concrete_type(Builder *bl, Node *n, InlSite *s) {
    for (int guard = 0; guard < 100 && n; guard++) {
        n = syn_unparen(n);
        if (n->kind == N_CALL && NODE_MODE(n->u.call.fun) == MODE_TYPEXPR && n->u.call.args.n == 1) {
            Node *a = syn_unparen(n->u.call.args.v[0]);
            if (converts(n->type, a))
                return a->type;
            // Same underlying types: no conversion at all (OCONVNOP).
            if (!n->type || !a->type || !types_identical(types_under(n->type), types_under(a->type)))
                return NULL;
            n = a;
            continue;
        }
        Type *dst = NULL;
        Node *v = esc_static_step(bl, &s, n, &dst);
        if (!v)
            return NULL;
        if (converts(dst, syn_unparen(v)))
            return syn_unparen(v)->type;
        n = v;
    }
    return NULL;
}

bool esc_devirt_at(Builder *bl, InlSite *s, Node *call, Type **T, Object **m, bool *partial) {
    Node *f = syn_unparen(call->u.call.fun);
    if (f->kind != N_SELECTOR)
        return false;
    Selection *sel = ptrmap_get(&site_info(bl, s)->selections, f);
    if (!sel || sel->kind != SEL_METHOD_VAL || !types_is_interface(sel->recv))
        return false;
    Type *conc = concrete_type(bl, f->u.selector.x, s);
    if (!conc)
        return false;
    LookupResult r;
    Arena tmp = {0};
    LookupStatus st = types_lookup_field_or_method(&tmp, conc, false, site_pkg(bl, s),
                                                   f->u.selector.sel->u.ident.name, &r);
    Object *mo = st == LOOKUP_OK ? r.obj : NULL;
    arena_free(&tmp);
    if (!mo || mo->kind != OBJ_FUNC || !mo->type)
        return false;
    Object *rv = mo->type->u.func.recv;
    *partial = rv && rv->type && types_is_interface(rv->type);
    *T = conc;
    *m = mo;
    return true;
}

// The texts gc's -m=2 explanations give a devirtualized call x.M(args):
// the receiver becomes x.(T) (*dt) and the call that of the method
// expression, (*E).M(x.(T).f, args) (*ct), through the embedded fields
// f that promote M to T; the implicit & or * printing as nothing.
bool esc_devirt_texts(Escape *e, Node *call, Type *T, Object *m, Str *dt, Str *ct) {
    Object *rv = m->type ? m->type->u.func.recv : NULL;
    Type *rt = rv ? rv->type : NULL;
    Node *fun = syn_unparen(call->u.call.fun);
    if (!rt || fun->kind != N_SELECTOR)
        return false;
    Str ft = esc_text(e, fun), all = esc_text(e, call);
    size_t fl = strlen(ft);
    if (strncmp(all, ft, fl) != 0 || all[fl] != '(')
        return false;
    Package *home = e->bld->home ? e->bld->home : e->bld->pkg;
    Buf b = {0};
    buf_printf(&b, "%s.(", esc_text(e, fun->u.selector.x));
    ir_fmt_type(&b, T, home);
    buf_putc(&b, ')');
    *dt = str_intern(buf_cstr(&b), b.len);
    // the embedded fields on the way to M
    Buf path = {0};
    LookupResult r;
    Arena tmp = {0};
    if (types_lookup_field_or_method(&tmp, T, false, m->pkg, m->name, &r) != LOOKUP_OK || r.obj != m) {
        arena_free(&tmp);
        buf_free(&b);
        return false;
    }
    Type *at = T;
    for (int i = 0; i + 1 < r.nindex; i++) {
        Type *st = types_under(at);
        if (st->kind == TY_POINTER)
            st = types_under(st->u.elem.elem);
        Object *f = st->kind == TY_STRUCT && r.index[i] < st->u.struct_.nfields ? st->u.struct_.fields[r.index[i]] : NULL;
        if (!f)
            break;
        buf_printf(&path, ".%s", f->name);
        at = f->type;
    }
    arena_free(&tmp);
    b.len = 0;
    bool ptr = rt->kind == TY_POINTER;
    buf_puts(&b, ptr ? "(" : "");
    ir_fmt_type(&b, rt, home);
    buf_printf(&b, "%s.%s(%s%s", ptr ? ")" : "", m->name, *dt, path.len ? buf_cstr(&path) : "");
    buf_printf(&b, "%s%s", all[fl + 1] == ')' ? "" : ", ", all + fl + 1);
    *ct = str_intern(buf_cstr(&b), b.len);
    buf_free(&b);
    buf_free(&path);
    return true;
}

// ---- the -m lines ----

typedef struct DevirtCtx {
    Builder *bl;
    Batch *b;
    InlSite *site;
} DevirtCtx;

static bool devirt_visit(void *ctx, Node *n);

static void report(DevirtCtx *c, Node *call) {
    Type *T;
    Object *m;
    bool partial;
    if (!esc_devirt_at(c->bl, c->site, call, &T, &m, &partial))
        return;
    Package *home = c->bl->home ? c->bl->home : c->bl->pkg;
    Buf tb = {0};
    ir_fmt_type(&tb, T, home);
    Buf sb = {0};
    Node *fun = syn_unparen(call->u.call.fun);
    Package *from = site_pkg(c->bl, c->site);
    int k;
    if (!c->site && ir_fmt_callee_temp(call, home, &k))
        // f().M(): the noder's temporary holds the receiver.
        buf_printf(&sb, ".autotmp_%d.%s", k, fun->u.selector.sel->u.ident.name);
    else if (from != home)
        ir_fmt_node_inlined(&sb, fun, home, from, NULL);
    else
        ir_fmt_node(&sb, fun, home);
    Pos pos = call->pos;
    for (InlSite *s = c->site; s; s = s->parent)
        pos = s->call ? s->call->pos : pos_autogenerated();
    esc_warn(c->b, REC_DEVIRTUALIZE, pos, "%sdevirtualizing %s to %s", partial ? "partially " : "", buf_cstr(&sb),
             buf_cstr(&tb));
    buf_free(&tb);
    buf_free(&sb);
}

static bool devirt_visit(void *ctx, Node *n) {
    DevirtCtx *c = ctx;
    if (n->kind != N_CALL || !esc_is_call(n))
        return true;
    report(c, n);
    // The arguments, then the copied body when gc inlined the call.
    Info *info = site_info(c->bl, c->site);
    ir_inspect_live(info, n->u.call.fun, devirt_visit, c);
    for (int i = 0; i < n->u.call.args.n; i++)
        ir_inspect_live(info, n->u.call.args.v[i], devirt_visit, c);
    InlSite *s = c->bl->inl ? inl_site(c->bl->inl, c->site, n) : NULL;
    if (s && s->callee->body) {
        InlSite *saved = c->site;
        c->site = s;
        ir_inspect_live(s->callee->info, s->callee->body, devirt_visit, c);
        c->site = saved;
    }
    return false;
}

void esc_devirt_report(Builder *bl, Batch *b, Node *body) {
    if (!b->m || !b->log)
        return;
    DevirtCtx c = {bl, b, NULL};
    ir_inspect_live(site_info(bl, NULL), body, devirt_visit, &c);
}
