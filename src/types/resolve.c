// resolve.c: the first pass over a package's files (types2 collectObjects).
// Every package-level name is declared in its scope before any type is
// computed, so declarations may refer to each other in any order: imports
// go into file scopes (dot imports merge the imported package's exported
// names), constants, variables, types and functions into the package
// scope, each with a DeclInfo that decl.c later evaluates on demand.
// Methods are not declared anywhere; they are associated with the type
// name their receiver denotes, so that a type's declaration can collect
// them. Redeclarations and the special rules for init and main are
// reported here, in types2's words.
#include "types.h"

#include <stdlib.h>
#include <string.h>

// Reports "X redeclared in this block" followed by gc's continuation line
// pointing at the earlier declaration.
void check_report_redeclared(Checker *c, Pos pos, Str name, Object *alt, const char *what) {
    if (alt && alt->pos != NOPOS) {
        Buf b = {0};
        pos_format(&b, alt->pos);
        check_errorf(c, pos, "%s%s\n\t%s: other declaration of %s", name, what, buf_cstr(&b), alt->name);
        buf_free(&b);
    } else
        check_errorf(c, pos, "%s%s", name, what);
}

void check_declare(Checker *c, Scope *s, Node *ident, Object *obj, Pos scope_pos) {
    if (obj->name && obj->name != str_cstr("_")) {
        Object *alt = types_scope_insert(s, obj);
        if (alt != obj && alt) {
            check_report_redeclared(c, obj->pos, obj->name, alt, " redeclared in this block");
            return;
        }
        if (scope_pos != NOPOS)
            obj->scope_pos = scope_pos;
    }
    if (ident)
        check_record_def(c, ident, obj);
}

static DeclInfo *new_decl(Checker *c, Scope *file_scope) {
    DeclInfo *d = ARENA_NEW(c->arena, DeclInfo);
    d->file_scope = file_scope;
    return d;
}

static void declare_pkg_obj(Checker *c, Node *ident, Object *obj, DeclInfo *d) {
    Str name = ident->u.ident.name;
    if (strcmp(name, "init") == 0) {
        check_error_at_node(c, ident, "cannot declare init - must be func");
        return;
    }
    if (strcmp(name, "main") == 0 && c->pkg->name && strcmp(c->pkg->name, "main") == 0) {
        check_error_at_node(c, ident, "cannot declare main - must be func");
        return;
    }
    obj->decl = ident;
    check_declare(c, c->pkg->scope, ident, obj, NOPOS);
    ptrmap_put(&c->obj_map, obj, d);
    c->nobjs++;
    obj->order = (uint32_t)c->nobjs;
    vec_push(&c->obj_list, obj);
}

// Checks the number of names against the number of initializers.
static void arity(Checker *c, Node *spec, NodeList names, NodeList inits, bool const_decl, bool inherited) {
    int l = names.n, r = inits.n;
    if (l < r) {
        Node *n = inits.v[l];
        if (inherited) {
            Buf b = {0};
            pos_format(&b, n->pos);
            check_errorf(c, spec->pos, "extra init expr at %s", buf_cstr(&b));
            buf_free(&b);
        } else {
            Buf b = {0};
            check_write_expr(&b, n);
            check_error_at_node(c, n, "extra init expr %s", buf_cstr(&b));
            buf_free(&b);
        }
    } else if (l > r && (const_decl || r != 1)) {
        Node *n = names.v[r];
        check_error_at_node(c, n, "missing init expr for %s", n->u.ident.name);
    }
}

// Strips parentheses and stars (any number: validity is checked later)
// from a receiver type, then an instantiation; returns the base name if
// what remains is an identifier.
Node *check_unpack_recv(Node *rtyp, bool *ptr, Node **index) {
    *ptr = false;
    if (index)
        *index = NULL;
    for (;;) {
        if (rtyp->kind == N_PAREN)
            rtyp = rtyp->u.unary.x;
        else if (rtyp->kind == N_STAR) {
            *ptr = true;
            rtyp = rtyp->u.unary.x;
        } else
            break;
    }
    if (rtyp->kind == N_INDEX) {
        if (index)
            *index = rtyp;
        rtyp = rtyp->u.index.x;
    }
    return rtyp->kind == N_IDENT ? rtyp : NULL;
}

// Follows aliases in the package scope to the defined type a receiver
// names; NULL if it is not a local defined type.
static Object *resolve_base_type_name(Checker *c, bool seen_ptr, Node *typ, bool *ptr) {
    *ptr = seen_ptr;
    Object *seen[32];
    int nseen = 0;
    for (;;) {
        typ = syn_unparen(typ);
        if (typ && typ->kind == N_STAR) {
            if (*ptr)
                return NULL;
            *ptr = true;
            typ = syn_unparen(typ->u.unary.x);
        }
        if (!typ || typ->kind != N_IDENT)
            return NULL;
        Object *obj = types_scope_lookup(c->pkg->scope, typ->u.ident.name);
        if (!obj || obj->kind != OBJ_TYPENAME)
            return NULL;
        for (int i = 0; i < nseen; i++)
            if (seen[i] == obj)
                return NULL;
        DeclInfo *d = ptrmap_get(&c->obj_map, obj);
        if (!d || !d->tdecl)
            return NULL;
        if (!(d->tdecl->flags & NF_ALIAS))
            return obj;
        if (nseen == 32)
            return NULL;
        seen[nseen++] = obj;
        typ = d->tdecl->u.type_spec.type;
    }
}

static void collect_import(Checker *c, Scope *file_scope, Node *s) {
    Node *path = s->u.import_spec.path;
    if (!path || path->kind != N_BASIC_LIT || (path->flags & NF_BAD))
        return;
    // The loader resolved the spec's path; unquote it the cheap way.
    Const *pv = types_const_from_literal(&c->consts, LIT_STRING, path->u.lit.value, str_len(path->u.lit.value));
    if (types_const_kind(pv) != CV_STRING)
        return;
    size_t plen;
    const char *ps = types_const_string_val(pv, &plen);
    Str ipath = str_intern(ps, plen);
    if (plen == 0) {
        check_error_at_node(c, path, "invalid import path (empty string)");
        return;
    }
    Package *imp = load_import_of(c->pkg, ipath);
    if (!imp)
        return;
    Str name = imp->name;
    Node *local = s->u.import_spec.name;
    if (local) {
        name = local->u.ident.name;
        if (strcmp(ipath, "C") == 0) {
            check_error_at_node(c, local, "cannot rename import \"C\"");
            return;
        }
    }
    if (name && strcmp(name, "init") == 0) {
        check_errorf(c, s->pos, "cannot import package as init - init must be a func");
        return;
    }
    Object *pn = types_new_pkgname(c->arena, s->pos, c->pkg, name, imp);
    pn->decl = s;
    if (local)
        check_record_def(c, local, pn);
    else
        check_record_implicit(c, s, pn);
    vec_push(&c->imports, pn);
    if (name == str_cstr(".")) {
        pn->u.pkgname.dot = true;
        pn->parent = file_scope;
        types_package_ready(imp);
        Scope *is = imp->scope;
        if (!is)
            return;
        for (int i = 0; i < is->nelems; i++) {
            Object *o = is->elems[i];
            if (!(o->flags & OF_EXPORTED))
                continue;
            Object *alt = types_scope_lookup(file_scope, o->name);
            if (alt)
                check_report_redeclared(c, local->pos, alt->name, alt, " redeclared in this block");
            else
                types_scope_insert(file_scope, o);
        }
        // types_scope_insert sets parent only when unset, so imported
        // objects keep their own package scope as parent.
        return;
    }
    check_declare(c, file_scope, NULL, pn, NOPOS);
}

typedef struct MethodInfo {
    Object *obj;
    bool ptr;
    Node *recv;
} MethodInfo;
typedef VEC(MethodInfo) MethodInfos;

static void collect_func(Checker *c, Scope *file_scope, Node *s, MethodInfos *methods) {
    Node *nm = s->u.func_decl.name;
    Str name = nm->u.ident.name;
    Object *obj = types_new_func(c->arena, nm->pos, c->pkg, name, NULL);
    obj->decl = s;
    obj->u.func.body = s->u.func_decl.body;
    obj->u.func.pragma = s->u.func_decl.pragma;
    Node *ft = s->u.func_decl.type;
    bool tparam_error = false;
    if (s->u.func_decl.recv.n == 0) {
        bool is_main = strcmp(name, "main") == 0 && c->pkg->name && strcmp(c->pkg->name, "main") == 0;
        if (strcmp(name, "init") == 0 || is_main) {
            if (ft->u.func_type.tparams.n) {
                check_error_at_node(c, ft->u.func_type.tparams.v[0], "func %s must have no type parameters", name);
                tparam_error = true;
            }
            if (ft->u.func_type.params.n || ft->u.func_type.results.n)
                check_error_at_node(c, nm, "func %s must have no arguments and no return values", name);
        }
        if (strcmp(name, "init") == 0) {
            obj->parent = c->pkg->scope;
            check_record_def(c, nm, obj);
            if (!syn_has_body(s))
                check_errorf(c, obj->pos, "missing function body");
        } else
            check_declare(c, c->pkg->scope, nm, obj, NOPOS);
    } else {
        Node *rf = s->u.func_decl.recv.v[0];
        bool ptr;
        Node *rname = rf->u.field.type ? check_unpack_recv(rf->u.field.type, &ptr, NULL) : NULL;
        if (rname && strcmp(name, "_") != 0) {
            MethodInfo mi = {obj, ptr, rname};
            vec_push(methods, mi);
        }
        check_record_def(c, nm, obj);
    }
    if (ft->u.func_type.tparams.n && !check_allow_version(c, 18) && !tparam_error)
        check_version_error(c, ft->u.func_type.tparams.v[0]->pos, 18, "type parameter");
    DeclInfo *d = new_decl(c, file_scope);
    d->fdecl = s;
    ptrmap_put(&c->obj_map, obj, d);
    c->nobjs++;
    obj->order = (uint32_t)c->nobjs;
    vec_push(&c->obj_list, obj);
}

static void collect_gen_decl(Checker *c, Scope *file_scope, Node *g) {
    Node *last = NULL;  // const spec whose type and values later specs repeat
    for (int k = 0; k < g->u.gen_decl.specs.n; k++) {
        Node *s = g->u.gen_decl.specs.v[k];
        switch ((NodeKind)s->kind) {
        case N_IMPORT_SPEC:
            collect_import(c, file_scope, s);
            break;
        case N_VALUE_SPEC:
            if (g->op == TK_CONST) {
                bool inherited = true;
                if (s->u.value_spec.type || s->u.value_spec.values.n) {
                    last = s;
                    inherited = false;
                } else if (!last)
                    inherited = false;
                Const *iota = types_const_int64(&c->consts, s->u.value_spec.iota);
                NodeList values = last ? last->u.value_spec.values : (NodeList){0};
                Node *vtype = last ? last->u.value_spec.type : NULL;
                for (int i = 0; i < s->u.value_spec.names.n; i++) {
                    Node *id = s->u.value_spec.names.v[i];
                    Object *obj = types_new_const(c->arena, id->pos, c->pkg, id->u.ident.name, NULL, iota);
                    DeclInfo *d = new_decl(c, file_scope);
                    d->vtype = vtype;
                    d->init = i < values.n ? values.v[i] : NULL;
                    d->inherited = inherited;
                    declare_pkg_obj(c, id, obj, d);
                }
                arity(c, s, s->u.value_spec.names, values, true, inherited);
            } else {
                NodeList names = s->u.value_spec.names, values = s->u.value_spec.values;
                Object **lhs = ARENA_ARRAY(c->arena, Object *, names.n ? names.n : 1);
                DeclInfo *d1 = NULL;
                if (values.n <= 1) {
                    d1 = new_decl(c, file_scope);
                    d1->lhs = lhs;
                    d1->nlhs = names.n;
                    d1->vtype = s->u.value_spec.type;
                    d1->init = values.n ? values.v[0] : NULL;
                }
                for (int i = 0; i < names.n; i++) {
                    Node *id = names.v[i];
                    Object *obj = types_new_var(c->arena, id->pos, c->pkg, id->u.ident.name, NULL);
                    lhs[i] = obj;
                    DeclInfo *d = d1;
                    if (!d) {
                        d = new_decl(c, file_scope);
                        d->vtype = s->u.value_spec.type;
                        d->init = i < values.n ? values.v[i] : NULL;
                    }
                    declare_pkg_obj(c, id, obj, d);
                }
                if (!s->u.value_spec.type || values.n)
                    arity(c, s, names, values, false, false);
            }
            break;
        case N_TYPE_SPEC: {
            Node *id = s->u.type_spec.name;
            if (s->u.type_spec.tparams.n && !check_allow_version(c, 18))
                check_version_error(c, s->u.type_spec.tparams.v[0]->pos, 18, "type parameter");
            Object *obj = types_new_typename(c->arena, id->pos, c->pkg, id->u.ident.name, NULL);
            if (s->flags & NF_ALIAS)
                obj->flags |= OF_ALIAS;
            DeclInfo *d = new_decl(c, file_scope);
            d->tdecl = s;
            declare_pkg_obj(c, id, obj, d);
            break;
        }
        default:
            break;
        }
    }
}

void check_collect_objects(Checker *c) {
    Package *pkg = c->pkg;
    c->info->file_scopes = ARENA_ARRAY(c->arena, Scope *, pkg->nfiles ? pkg->nfiles : 1);
    MethodInfos methods = {0};
    for (int fi = 0; fi < pkg->nfiles; fi++) {
        SynFile *f = pkg->syn[fi];
        if (!f)
            continue;
        Pos end = f->src ? f->src->base + f->src->size : NOPOS;
        Scope *fs = types_new_scope(c->arena, pkg->scope, f->src ? f->src->base : NOPOS, end, "file");
        c->info->file_scopes[fi] = fs;
        for (int k = 0; k < f->decls.n; k++) {
            Node *d = f->decls.v[k];
            if (d->kind == N_GEN_DECL)
                collect_gen_decl(c, fs, d);
            else if (d->kind == N_FUNC_DECL)
                collect_func(c, fs, d, &methods);
        }
    }

    // A name may not be both imported into a file and declared in the package.
    for (int fi = 0; fi < pkg->nfiles; fi++) {
        Scope *fs = c->info->file_scopes[fi];
        if (!fs)
            continue;
        for (int i = 0; i < fs->nelems; i++) {
            Object *o = fs->elems[i];
            Object *alt = types_scope_lookup(pkg->scope, o->name);
            if (!alt)
                continue;
            Buf b = {0};
            if (o->kind == OBJ_PKGNAME) {
                Package *ip = o->u.pkgname.imported;
                buf_printf(&b, "%s already declared through import of package %s (", alt->name, ip->name);
                types_quote_string(&b, ip->path, str_len(ip->path));
                buf_putc(&b, ')');
                if (o->pos != NOPOS) {
                    buf_puts(&b, "\n\t");
                    pos_format(&b, o->pos);
                    buf_printf(&b, ": other declaration of %s", o->name);
                }
            } else {
                Package *op = o->pkg;
                buf_printf(&b, "%s already declared through dot-import of package %s (", alt->name, op ? op->name : "");
                if (op)
                    types_quote_string(&b, op->path, str_len(op->path));
                buf_putc(&b, ')');
                if (o->pos != NOPOS) {
                    buf_puts(&b, "\n\t");
                    pos_format(&b, o->pos);
                    buf_printf(&b, ": other declaration of %s", o->name);
                }
            }
            check_errorf(c, alt->pos, "%s", buf_cstr(&b));
            buf_free(&b);
        }
    }

    for (int i = 0; i < methods.len; i++) {
        MethodInfo *m = &methods.data[i];
        bool ptr;
        Object *base = resolve_base_type_name(c, m->ptr, m->recv, &ptr);
        if (!base)
            continue;
        if (ptr)
            m->obj->flags |= OF_PTR_RECV;
        ObjList *ml = ptrmap_get(&c->methods, base);
        if (!ml) {
            ml = ARENA_NEW(c->arena, ObjList);
            ptrmap_put(&c->methods, base, ml);
        }
        vec_push(&ml->v, m->obj);
    }
    vec_free(&methods);
}
