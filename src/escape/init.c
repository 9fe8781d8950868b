// init.c: the package-level initializers, as gc's staticinit and its
// init function see them. Initializers gc lays out statically need no
// code; the others, and the parts of static ones that are not static
// (the operand of a conversion to interface, say), become the dynamic
// assignments of a synthetic function "init", analysed as the package's
// last function (build.c). Func literals among the initializers become
// top-level functions "glob..funcN".
#include <stdio.h>

#include "escape.h"

// Whether gc lays out initializer n statically. Parts that are not go to
// init's dynamic list; func literals become functions of their own.
static bool static_init(Builder *bl, Node *n, Type *dst, BFunc *init) {
    n = syn_unparen(n);
    if (!n)
        return true;
    if (dst && types_is_interface(dst) && n->type && !types_is_interface(n->type) &&
        n->type->kind != TY_TUPLE) {
        // A conversion to interface points at a static temporary; only
        // the temporary may need a dynamic assignment, without conversion.
        if (!static_init(bl, n, NULL, init)) {
            vec_push(&init->init_exprs, n);
            vec_push(&init->init_types, n->type);
            vec_push(&init->init_names, NULL);
        }
        return true;
    }
    if (NODE_MODE(n) == MODE_CONSTANT || NODE_MODE(n) == MODE_NILVALUE ||
        ptrmap_get(&bl->info->consts, n))
        return true;  // constants are laid out statically, boxed or not
    switch (n->kind) {
    case N_IDENT: {
        // A copy of another global, boxed into a static temporary if the
        // destination is an interface.
        (void)dst;
        return true;
    }
    case N_SELECTOR: {
        Selection *s = ptrmap_get(&bl->info->selections, n);
        Object *o = s ? NULL : n->u.selector.sel->u.ident.obj;  // pkg.V: copied at run time
        return (!s && !(o && o->kind == OBJ_VAR)) || (s && s->kind == SEL_METHOD_EXPR);
    }
    case N_CALL: {
        // []byte("const"): static data.
        if (NODE_MODE(n->u.call.fun) != MODE_TYPEXPR || n->u.call.args.n != 1 || !n->type)
            return false;
        Node *a = n->u.call.args.v[0];
        if (types_is_interface(n->type) && a->type && !types_is_interface(a->type)) {
            if (!static_init(bl, a, NULL, init)) {
                vec_push(&init->init_exprs, a);
                vec_push(&init->init_types, a->type);
                vec_push(&init->init_names, NULL);
            }
            return true;
        }
        if (types_under(n->type)->kind == TY_SLICE && NODE_MODE(a) == MODE_CONSTANT)
            return true;
        // A conversion that changes nothing but the type: as its operand.
        if (a->type && !types_is_interface(n->type) &&
            types_identical(types_under(n->type), types_under(a->type)))
            return static_init(bl, a, NULL, init);
        return false;
    }
    case N_FUNC_LIT:
        return true;    // a function of its own (find_glob)
    case N_UNARY: {
        if (n->op != OP_AND)
            return false;
        Node *x = syn_unparen(n->u.unary.x);
        if (x->kind == N_IDENT)
            return true;
        if (x->kind == N_COMPOSITE_LIT)
            return static_init(bl, x, NULL, init);
        return false;
    }
    case N_COMPOSITE_LIT: {
        Type *u = n->type ? types_under(n->type) : NULL;
        if (!u || u->kind == TY_MAP)
            return false;
        if (u->kind == TY_POINTER) {
            Node tmp = *n;
            tmp.type = u->u.elem.elem;
            return static_init(bl, &tmp, NULL, init);
        }
        NodeList elts = n->u.composite.elts;
        for (int i = 0; i < elts.n; i++) {
            Node *el = elts.v[i], *key = NULL;
            if (el->kind == N_KEY_VALUE) {
                key = el->u.key_value.key;
                el = el->u.key_value.value;
            }
            Type *et = ir_elem_type(u, key, i);
            if (!static_init(bl, el, et, init)) {
                vec_push(&init->init_exprs, el);
                vec_push(&init->init_types, et);
                vec_push(&init->init_names, NULL);
            }
        }
        return true;
    }
    default:
        return false;
    }
}

typedef struct GlobFinder {
    Builder *bl;
    BFuncList *globs;
    int gen;
} GlobFinder;

// Func literals of package-level initializers are gc's glob..funcN:
// top-level functions, analysed on their own (also when inlined), numbered
// in source order.
static bool find_glob(void *ctx, Node *n) {
    if (n->kind != N_FUNC_LIT)
        return true;
    GlobFinder *g = ctx;
    char buf[64];
    snprintf(buf, sizeof buf, "glob..func%d", ++g->gen);
    BFunc *f = esc_new_bfunc(g->bl, n, NULL, n->type, n->u.func_lit.body, str_cstr(buf), NULL);
    ptrmap_put(&g->bl->funcs, n, f);
    esc_find_lits(g->bl, f, f, f->body);
    vec_push(g->globs, f);
    return false;
}

BFunc *esc_package_init(Builder *bl, Package *p, BFuncList *globs) {
    BFunc *init = esc_new_bfunc(bl, NULL, NULL, types_new_signature(&bl->arena, NULL, NULL, NULL, false),
                            NULL, str_cstr("init"), NULL);
    GlobFinder g = {bl, globs, 0};
    for (int fi = 0; fi < p->nfiles; fi++) {
        SynFile *sf = p->syn[fi];
        for (int i = 0; sf && i < sf->decls.n; i++) {
            Node *d = sf->decls.v[i];
            if (d->kind == N_GEN_DECL && d->op == TK_VAR)
                syn_inspect(d, find_glob, &g);
        }
    }
    for (int fi = 0; fi < p->nfiles; fi++) {
        SynFile *sf = p->syn[fi];
        if (!sf)
            continue;
        for (int i = 0; i < sf->decls.n; i++) {
            Node *d = sf->decls.v[i];
            if (d->kind != N_GEN_DECL || d->op != TK_VAR)
                continue;
            for (int j = 0; j < d->u.gen_decl.specs.n; j++) {
                Node *s = d->u.gen_decl.specs.v[j];
                NodeList names = s->u.value_spec.names, vals = s->u.value_spec.values;
                for (int k = 0; k < vals.n; k++) {
                    Object *o = k < names.n ? names.v[k]->u.ident.obj : NULL;
                    Type *t = o ? o->type : NULL;
                    if (vals.n != names.n || !static_init(bl, vals.v[k], t, init)) {
                        vec_push(&init->init_exprs, vals.v[k]);
                        vec_push(&init->init_types, vals.n == names.n ? t : NULL);
                        vec_push(&init->init_names, vals.n == names.n ? names.v[k] : NULL);
                    }
                }
            }
        }
    }
    return init->init_exprs.len ? init : NULL;
}
