// check.c: the checker's driver and its shared services. types_check_package
// runs the phases in the order types2's checkFiles does (file scopes,
// object collection, package-level declarations, delayed function bodies,
// initialization order, unused imports, untyped results), so errors come
// out in the same order and with the same follow-on suppression. The rest
// of the file is what every other checker file leans on: error reporting
// in gc's shape, the qualifier for type strings, operand descriptions,
// recording of results and the queue of delayed actions.
#include "types.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const operand_mode_names[MODE_COUNT] = {
#define X(k, s) s,
    OPERAND_MODES(X)
#undef X
};

// ---- errors ----

static void check_verrorf(Checker *c, Pos pos, const char *fmt, va_list ap) {
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    char *msg = xmalloc((size_t)n + 1);
    vsnprintf(msg, (size_t)n + 1, fmt, ap);
    // Once a package has an error, messages about invalid operands or
    // types are almost always consequences of it; types2 drops them.
    bool first = c->diags->nerrors == c->nerrors_at_start;
    if (!first && (strstr(msg + 1, "invalid operand") || strstr(msg + 1, "invalid type"))) {
        free(msg);
        return;
    }
    // Errors in a constant's inherited initializer (const ( a = f(iota); b ))
    // are reported at the constant being declared, not in the copied text.
    if (c->env.errpos)
        pos = c->env.errpos->pos;
    diag_error(c->diags, pos, "%s", msg);
    free(msg);
}

void check_errorf(Checker *c, Pos pos, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    check_verrorf(c, pos, fmt, ap);
    va_end(ap);
}

// types2 reports errors at a node's start (syntax.StartPos), not at the
// operator position gc keeps in Node.pos.
void check_error_at_node(Checker *c, Node *n, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    check_verrorf(c, n ? check_start_pos(n) : NOPOS, fmt, ap);
    va_end(ap);
}

// ---- qualifier ----

// gc's types2 qualifies a foreign name by its package name, unless two
// packages reachable through imports share that name; then the quoted
// path disambiguates.
typedef struct QualState {
    VEC(Package *) seen;
    bool ready;
} QualState;

static void mark_imports(QualState *qs, Package *p) {
    for (int i = 0; i < qs->seen.len; i++)
        if (qs->seen.data[i] == p)
            return;
    vec_push(&qs->seen, p);
    for (int i = 0; i < p->nimports; i++)
        if (p->imports[i])
            mark_imports(qs, p->imports[i]);
}

static void qualify(void *ctx, Buf *b, Package *pkg) {
    Checker *c = ctx;
    QualState *qs = c->qual_state;
    if (!qs->ready) {
        qs->ready = true;
        mark_imports(qs, c->pkg);
    }
    Str name = pkg->name ? pkg->name : pkg->path;
    int paths = 0;
    for (int i = 0; i < qs->seen.len; i++) {
        Package *q = qs->seen.data[i];
        if (q != c->pkg && q->name == name && q != pkg)
            paths++;
    }
    if (paths > 0) {
        types_quote_string(b, pkg->path, str_len(pkg->path));
        return;
    }
    buf_puts(b, name);
}

// ---- descriptions in messages ----

void check_write_expr(Buf *b, Node *e) { syn_print_node(b, e); }

void check_write_type(Checker *c, Buf *b, Type *t) {
    types_write_type(b, t, &c->qual, TS_TYPES2);
}

// types2's operand.String: "<expr> (<untyped kind> <mode> <val> of type <T>)".
void check_write_operand(Checker *c, Buf *b, Operand *x) {
    if (x->mode == MODE_NILVALUE) {
        if (!x->type || x->type->kind == TY_INVALID)
            buf_puts(b, "nil (with invalid type)");
        else if (x->type->kind == TY_UNTYPED_NIL)
            buf_puts(b, "nil");
        else {
            buf_puts(b, "nil (of type ");
            check_write_type(c, b, x->type);
            buf_putc(b, ')');
        }
        return;
    }
    Buf expr = {0};
    if (x->expr)
        check_write_expr(&expr, x->expr);
    else if (x->mode == MODE_BUILTIN)
        buf_puts(&expr, types_builtins[x->id].name);
    else if (x->mode == MODE_TYPEXPR)
        check_write_type(c, &expr, x->type);
    else if (x->mode == MODE_CONSTANT && x->val)
        types_const_format(&expr, x->val);
    bool has_expr = expr.len > 0;
    if (has_expr) {
        buf_put(b, expr.data, expr.len);
        buf_puts(b, " (");
    }
    bool has_type = false;
    switch (x->mode) {
    case MODE_INVALID: case MODE_NOVALUE: case MODE_BUILTIN: case MODE_TYPEXPR:
        break;
    default:
        if (x->type) {
            if (types_is_untyped(x->type)) {
                buf_puts(b, type_kind_names[x->type->kind]);
                buf_putc(b, ' ');
            } else
                has_type = true;
        }
    }
    buf_puts(b, operand_mode_names[x->mode]);
    if (x->mode == MODE_CONSTANT && x->val) {
        Buf v = {0};
        types_const_format(&v, x->val);
        if (!has_expr || v.len != expr.len || memcmp(v.data, expr.data, v.len) != 0) {
            buf_putc(b, ' ');
            buf_put(b, v.data, v.len);
        }
        buf_free(&v);
    }
    if (has_type) {
        if (x->type->kind != TY_INVALID) {
            buf_puts(b, types_is_generic(x->type) ? " of parameterized type " : " of type ");
            check_write_type(c, b, x->type);
            if (x->type->kind == TY_TYPEPARAM && x->type->u.tparam.bound) {
                buf_puts(b, " constrained by ");
                check_write_type(c, b, x->type->u.tparam.bound);
            }
        } else
            buf_puts(b, " with invalid type");
    }
    if (has_expr)
        buf_putc(b, ')');
    buf_free(&expr);
}

// ---- recording ----

void check_record(Checker *c, Node *e, OperandMode mode, Type *t, Const *val) {
    if (!e)
        return;
    if (mode == MODE_INVALID)
        return;
    if (mode == MODE_NOVALUE)
        t = NULL;
    e->type = t;
    NODE_SET_MODE(e, mode);
    if (mode == MODE_CONSTANT && val)
        ptrmap_put(&c->info->consts, e, val);
    // Untyped results wait for their context's type; whoever converts
    // them (check_update_expr_type) rewrites e->type and drops the entry.
    if (t && types_is_untyped(t)) {
        ExprInfo *ei = ptrmap_get(&c->untyped, e);
        if (!ei) {
            ei = ARENA_NEW(&c->scratch, ExprInfo);
            ptrmap_put(&c->untyped, e, ei);
        }
        ei->mode = mode;
        ei->type = t;
        ei->val = val;
    }
    // A parenthesized expression records the same result as its content
    // (types2 records on every level of parentheses).
}

void check_record_def(Checker *c, Node *ident, Object *obj) {
    (void)c;
    if (ident && ident->kind == N_IDENT)
        ident->u.ident.obj = obj;
}

void check_record_use(Checker *c, Node *ident, Object *obj) {
    (void)c;
    if (ident && ident->kind == N_IDENT)
        ident->u.ident.obj = obj;
}

void check_record_implicit(Checker *c, Node *n, Object *obj) {
    ptrmap_put(&c->info->implicits, n, obj);
}

void check_record_selection(Checker *c, Node *sel, SelectionKind kind, Type *recv, Object *obj, int *index, int nindex, bool indirect) {
    Selection *s = ARENA_NEW(c->arena, Selection);
    s->kind = kind;
    s->recv = recv;
    s->obj = obj;
    s->index = index;
    s->nindex = nindex;
    s->indirect = indirect;
    ptrmap_put(&c->info->selections, sel, s);
    if (sel->kind == N_SELECTOR)
        check_record_use(c, sel->u.selector.sel, obj);
}

void check_record_scope(Checker *c, Node *n, Scope *s) {
    ptrmap_put(&c->info->scopes, n, s);
}

void check_record_instance(Checker *c, Node *ident, Type **targs, int ntargs, Type *t) {
    Instance *in = ARENA_NEW(c->arena, Instance);
    in->targs = ARENA_ARRAY(c->arena, Type *, ntargs > 0 ? ntargs : 1);
    if (ntargs > 0)
        memcpy(in->targs, targs, sizeof(Type *) * (size_t)ntargs);
    in->ntargs = ntargs;
    in->type = t;
    ptrmap_put(&c->info->instances, ident, in);
}

// Untyped expressions whose context never fixed a type keep the untyped
// type types2 gave them; they are already on the nodes.
static void record_untyped(Checker *c) {
    (void)c;
}

// ---- delayed actions ----

void check_later(Checker *c, CheckAction f, void *arg) {
    if (c->ndelayed == c->capdelayed) {
        c->capdelayed = c->capdelayed ? 2 * c->capdelayed : 64;
        c->delayed = xrealloc(c->delayed, sizeof(*c->delayed) * (size_t)c->capdelayed);
    }
    c->delayed[c->ndelayed].f = f;
    c->delayed[c->ndelayed].arg = arg;
    c->delayed[c->ndelayed].env = c->env;
    c->ndelayed++;
}

// Runs the actions queued from index top on, including those they queue
// in turn, then forgets them (types2 processDelayed).
void check_process_delayed(Checker *c, int top) {
    for (int i = top; i < c->ndelayed; i++) {
        Env saved = c->env;
        c->env = c->delayed[i].env;
        c->delayed[i].f(c, c->delayed[i].arg);
        c->env = saved;
    }
    c->ndelayed = top;
}

// ---- the driver ----

// The package clause of every file must agree (types2 initFiles).
static void init_files(Checker *c) {
    Package *pkg = c->pkg;
    for (int i = 0; i < pkg->nfiles; i++) {
        SynFile *f = pkg->syn[i];
        if (!f || !f->pkg_name)
            continue;
        Str name = f->pkg_name->u.ident.name;
        if (!pkg->name)
            pkg->name = name;
        if (name == str_cstr("_"))
            check_errorf(c, f->pkg_name->pos, "invalid package name _");
        else if (name != pkg->name)
            check_errorf(c, f->pkg_name->pos, "package %s; expected %s", name, pkg->name);
    }
}

// "imported and not used" for every import nothing referred to.
static void unused_imports(Checker *c) {
    for (int i = 0; i < c->imports.len; i++) {
        Object *o = c->imports.data[i];
        if (o->flags & OF_USED)
            continue;
        Package *imp = o->u.pkgname.imported;
        if (!imp)
            continue;
        Buf q = {0};
        types_quote_string(&q, imp->path, str_len(imp->path));
        Str last = strrchr(imp->path, '/') ? strrchr(imp->path, '/') + 1 : imp->path;
        if (!o->name || o->name == str_cstr("_"))
            ;
        else if (o->u.pkgname.dot || strcmp(o->name, last) == 0)
            check_errorf(c, o->pos, "imported and not used: %s", buf_cstr(&q));
        else
            check_errorf(c, o->pos, "imported and not used: %s as %s", buf_cstr(&q), o->name);
        buf_free(&q);
    }
}

static void free_checker(Checker *c);

Info *types_package_info(Package *pkg) { return pkg ? (Info *)pkg->check : NULL; }

void types_free_info(Package *pkg) {
    Info *info = types_package_info(pkg);
    if (!info)
        return;
    if (info->lazy) {
        check_generics_end(info->lazy->c);
        free_checker(info->lazy->c);
        diag_discard(&info->lazy->diags);
        free(info->lazy);
        info->lazy = NULL;
    }
    ptrmap_free(&info->consts);
    ptrmap_free(&info->selections);
    ptrmap_free(&info->implicits);
    ptrmap_free(&info->instances);
    ptrmap_free(&info->scopes);
    for (size_t i = 0; i < info->init_lhs.cap; i++)
        if (info->init_lhs.slots && info->init_lhs.slots[i].key && info->init_lhs.slots[i].val)
            vec_free(&((ObjList *)info->init_lhs.slots[i].val)->v);
    ptrmap_free(&info->init_lhs);
    vec_free(&info->init_order);
    if (info->pool)
        types_const_pool_free(info->pool);
    pkg->check = NULL;
}

// What only the checker needed; the Info stays with the package.
static void free_checker(Checker *c) {
    for (int i = 0; i < c->obj_list.len; i++) {
        Object *o = c->obj_list.data[i];
        DeclInfo *di = ptrmap_get(&c->obj_map, o);
        ObjList *ml = o->kind == OBJ_TYPENAME ? ptrmap_get(&c->methods, o) : NULL;
        if (ml)
            vec_free(&ml->v);
        if (!di)
            continue;
        ptrmap_free(&di->deps);
        vec_free(&di->dep_list);
    }
    vec_free(&c->obj_list);
    ptrmap_free(&c->sig_scopes);
    ptrmap_free(&c->broken_aliases);
    ptrmap_free(&c->recv_tparams);
    ptrmap_free(&c->valids);
    // Constants live as long as the package's nodes and objects do.
    c->info->pool = ARENA_NEW(c->arena, ConstPool);
    *c->info->pool = c->consts;
    QualState *qs = c->qual_state;
    vec_free(&qs->seen);
    free(qs);
    free(c->delayed);
    vec_free(&c->imports);
    vec_free(&c->obj_path);
    ptrmap_free(&c->obj_map);
    ptrmap_free(&c->untyped);
    arena_free(&c->scratch);
    ptrmap_free(&c->recvless);
    ptrmap_free(&c->panics);
    ptrmap_free(&c->methods);
    free(c);
}

bool types_check_package(Package *pkg, const CheckConfig *cfg, Diags *d) {
    types_universe_init(NULL);
    Checker *c = xcalloc(1, sizeof *c);
    c->pkg = pkg;
    c->arena = &pkg->arena;
    c->diags = d;
    if (cfg)
        c->cfg = *cfg;
    c->nerrors_at_start = d->nerrors;
    c->lang_minor = 19;
    if (c->cfg.lang && strncmp(c->cfg.lang, "go1.", 4) == 0)
        c->lang_minor = atoi(c->cfg.lang + 4);
    types_const_pool_init(&c->consts, c->arena);
    c->info = ARENA_NEW(c->arena, Info);
    pkg->check = c->info;
    c->qual_state = xcalloc(1, sizeof(QualState));
    c->qual.rel = pkg;
    c->qual.write = qualify;
    c->qual.ctx = c;
    if (strcmp(pkg->path, "unsafe") == 0) {
        pkg->scope = types_universe.unsafe_scope;
        free(c->qual_state);
        free(c);
        return true;
    }
    Buf name = {0};
    buf_printf(&name, "package %s", pkg->name ? pkg->name : pkg->path);
    pkg->scope = types_new_scope(c->arena, types_universe.scope, NOPOS, NOPOS,
                                 arena_strndup(c->arena, name.data, name.len));
    buf_free(&name);
    c->env.scope = pkg->scope;

    // A package from the cache is only parsed when something looks in it
    // (Package.unparsed), and checked when something uses it.
    if (!pkg->unparsed) {
        init_files(c);
        check_collect_objects(c);
    }
    if (!c->cfg.lazy_bodies) {
        check_package_objects(c);
        check_process_delayed(c, 0);
        check_init_order(c);
        unused_imports(c);
    }
    record_untyped(c);
    // gc's noder only sees a package types2 accepted.
    if (d->nerrors == c->nerrors_at_start)
        for (int i = 0; i < c->late_errors.len; i++)
            check_errorf(c, c->late_errors.data[i], "type declarations inside generic functions are not currently supported");
    vec_free(&c->late_errors);
    if (d->nerrors == c->nerrors_at_start && !c->cfg.lazy_bodies)
        check_monomorph(c);   // types2 runs it only on error-free packages

    bool ok = d->nerrors == c->nerrors_at_start;
    if (c->cfg.lazy_bodies) {
        // The checker stays, with errors of its own (there should be none).
        LazyBodies *lz = xcalloc(1, sizeof *lz);
        lz->c = c;
        c->diags = &lz->diags;
        c->info->lazy = lz;
        lz->deferred = true;
        return ok;
    }
    check_generics_end(c);
    free_checker(c);
    return ok;
}

static void (*on_complete)(void *ctx, Package *p);
static void *on_complete_ctx;

void types_on_complete(void (*fn)(void *ctx, Package *p), void *ctx) {
    on_complete = fn;
    on_complete_ctx = ctx;
}

static LazyBodies *lazy_of(Package *p) {
    Info *info = p ? types_package_info(p) : NULL;
    return info ? info->lazy : NULL;
}

bool types_package_deferred(Package *p) {
    LazyBodies *lz = lazy_of(p);
    return lz && lz->deferred;
}

// Checks at package level in p from now on; returns the environment to
// restore after.
static Env package_env(Checker *c, Package *p) {
    Env saved = c->env;
    memset(&c->env, 0, sizeof c->env);
    c->env.scope = p->scope;
    return saved;
}

void types_package_ready(Package *p) {
    LazyBodies *lz = lazy_of(p);
    if (!lz || !p->unparsed)
        return;
    for (int i = 0; i < p->nfiles; i++)
        p->syn[i] = syn_parse_src(p->unparsed[i], p->files[i], &lz->diags, &p->arena, &p->parse_opts);
    p->unparsed = NULL;
    Checker *c = lz->c;
    Env saved = package_env(c, p);
    check_collect_objects(c);
    c->env = saved;
}

// The package-level declarations of a package checked with lazy bodies,
// at the first use of one of its objects.
static void complete_package(Package *p) {
    LazyBodies *lz = lazy_of(p);
    if (!lz || !lz->deferred)
        return;
    types_package_ready(p);
    lz->deferred = false;
    Checker *c = lz->c;
    Env saved = package_env(c, p);
    check_package_objects(c);
    check_process_delayed(c, 0);
    c->env = saved;
    if (on_complete)
        on_complete(on_complete_ctx, p);
}

// Checks the body a lazy parse skipped, as check_func_decl's delayed
// action would have, then what that queued.
static Node *lazy_body(Package *p, Object *fn, Node *fd) {
    complete_package(p);
    Info *info = types_package_info(p);
    LazyBodies *lz = info ? info->lazy : NULL;
    SynFile *sf = NULL;
    for (int i = 0; lz && i < p->nfiles && !sf; i++) {
        SynFile *f = p->syn[i];
        if (f && f->src && f->src->base <= fd->pos && fd->pos <= f->src->base + f->src->size)
            sf = f;
    }
    if (!sf)
        return NULL;
    Node *body = syn_parse_body(sf, fd, &p->parse_opts, &lz->diags);
    if (!body)
        return NULL;
    Checker *c = lz->c;
    if (fn) {
        fn->u.func.body = body;
        DeclInfo *d = ptrmap_get(&c->obj_map, fn);
        Env saved = package_env(c, p);
        int top = c->ndelayed;
        if (d && fn->type && fn->type->kind == TY_FUNC)
            check_func_body(c, d, fn->name, fn->type, body, NULL);
        check_process_delayed(c, top);
        c->env = saved;
    }
    return body;
}

void types_complete_object(Object *o) {
    if (o && o->pkg)
        complete_package(o->pkg);
    Info *info = o && !o->type && o->pkg ? types_package_info(o->pkg) : NULL;
    LazyBodies *lz = info ? info->lazy : NULL;
    if (!lz)
        return;
    Checker *c = lz->c;
    Env saved = package_env(c, o->pkg);
    int top = c->ndelayed;
    check_obj_decl(c, o, NULL);
    check_process_delayed(c, top);
    c->env = saved;
}

Node *types_func_body(Object *fn) {
    if (!fn || fn->kind != OBJ_FUNC)
        return NULL;
    if (fn->u.func.body)
        return fn->u.func.body;
    Node *fd = fn->decl;
    if (!fd || fd->kind != N_FUNC_DECL || !fd->u.func_decl.lbrace || !fn->pkg)
        return NULL;
    return lazy_body(fn->pkg, fn, fd);
}

Node *types_decl_body(Node *fdecl) {
    if (!fdecl || fdecl->kind != N_FUNC_DECL)
        return NULL;
    if (fdecl->u.func_decl.body || !fdecl->u.func_decl.lbrace)
        return fdecl->u.func_decl.body;
    Object *fn = fdecl->u.func_decl.name ? fdecl->u.func_decl.name->u.ident.obj : NULL;
    return fn && fn->decl == fdecl ? types_func_body(fn) : NULL;
}

static const char *buf_to_arena(Checker *c, Buf *b) {
    const char *s = arena_strndup(c->arena, b->data ? b->data : "", b->len);
    buf_free(b);
    return s;
}

const char *check_operand_str(Checker *c, Operand *x) {
    Buf b = {0};
    check_write_operand(c, &b, x);
    return buf_to_arena(c, &b);
}

const char *check_type_str(Checker *c, Type *t) {
    Buf b = {0};
    check_write_type(c, &b, t);
    return buf_to_arena(c, &b);
}

const char *check_expr_str(Checker *c, Node *e) {
    Buf b = {0};
    check_write_expr(&b, e);
    return buf_to_arena(c, &b);
}
