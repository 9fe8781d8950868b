// decl.c: declarations, package-level and local (types2 decl.go). A
// package-level object is checked on demand by check_obj_decl, the first
// time something refers to it or when package_objects reaches it in
// source order. Objects are coloured white (unchecked), grey (on the
// current path) and black (done): meeting a grey object again means a
// cycle, which is fine through a defined type (type T struct{ p *T }) but
// not otherwise; such cycles are reported as gc prints them. Cycles made
// only of constants and variables are left to initorder.c, which reports
// them as initialization loops.
#include "types.h"

#include <stdlib.h>
#include <string.h>

enum { WHITE = 0, BLACK = 1, GREY = 2 };

static int push_obj(Checker *c, Object *obj) {
    vec_push(&c->obj_path, obj);
    return c->obj_path.len - 1;
}

static Object *pop_obj(Checker *c) {
    return c->obj_path.data[--c->obj_path.len];
}

void check_add_decl_dep(Checker *c, Object *to) {
    DeclInfo *from = c->env.decl;
    if (!from || !to)
        return;
    if (!ptrmap_get(&c->obj_map, to))
        return;
    if (ptrmap_get(&from->deps, to))
        return;
    ptrmap_put(&from->deps, to, (void *)1);
    vec_push(&from->dep_list, to);
}

// The qualified name types2 uses in cycle messages.
static void obj_name(Checker *c, Buf *b, Object *o) {
    if (o->pkg && o->pkg != c->pkg)
        types_write_qualifier(b, o->pkg, &c->qual);
    buf_puts(b, o->name);
}

static void report_cycle(Checker *c, Object **cycle, int n) {
    int i = 0;
    for (int k = 1; k < n; k++)
        if (cycle[k]->pos < cycle[i]->pos)
            i = k;
    Object *obj = cycle[i];
    Buf b = {0};
    if (obj->kind == OBJ_TYPENAME && (obj->flags & OF_ALIAS)) {
        // Marking the alias valid keeps it from causing more errors.
        ptrmap_put(&c->broken_aliases, obj, NULL);
        obj->type = TYP(TY_INVALID);
    }
    buf_puts(&b, obj->kind == OBJ_TYPENAME ? "invalid recursive type " : "illegal cycle in declaration of ");
    obj_name(c, &b, obj);
    Pos first = obj->pos;
    for (int k = 0; k < n; k++) {
        buf_puts(&b, "\n\t");
        pos_format(&b, obj->pos);
        buf_puts(&b, ": ");
        obj_name(c, &b, obj);
        buf_puts(&b, " refers to");
        if (++i >= n)
            i = 0;
        obj = cycle[i];
    }
    buf_puts(&b, "\n\t");
    pos_format(&b, obj->pos);
    buf_puts(&b, ": ");
    obj_name(c, &b, obj);
    check_errorf(c, first, "%s", buf_cstr(&b));
    buf_free(&b);
}

// Whether the cycle ending in obj (which is grey) is allowed.
static bool valid_cycle(Checker *c, Object *obj) {
    int start = obj->color - GREY;
    if (start < 0 || start >= c->obj_path.len)
        return true;
    Object **cycle = c->obj_path.data + start;
    int n = c->obj_path.len - start;
    int nval = 0, ndef = 0;
    bool tpar_cycle = false;
    for (int i = 0; i < n; i++) {
        Object *o = cycle[i];
        if (o->kind == OBJ_CONST || o->kind == OBJ_VAR)
            nval++;
        else if (o->kind == OBJ_TYPENAME) {
            if (c->in_tparam_list && o->type && types_is_generic(o->type)) {
                tpar_cycle = true;
                break;
            }
            DeclInfo *d = ptrmap_get(&c->obj_map, o);
            bool alias = d && d->tdecl ? (d->tdecl->flags & NF_ALIAS) != 0 : (o->flags & OF_ALIAS) != 0;
            if (!alias)
                ndef++;
        }
    }
    if (!tpar_cycle) {
        if (nval == n)
            return true;
        if (nval == 0 && ndef > 0)
            return true;
    }
    report_cycle(c, cycle, n);
    return false;
}

void check_obj_decl(Checker *c, Object *obj, Type *def) {
    if (obj->color == WHITE && obj->type) {
        obj->color = BLACK;
        return;
    }
    if (obj->color == BLACK)
        return;
    if (obj->color >= GREY) {
        switch ((ObjKind)obj->kind) {
        case OBJ_CONST:
        case OBJ_VAR:
            if (!valid_cycle(c, obj) || !obj->type)
                obj->type = TYP(TY_INVALID);
            break;
        case OBJ_TYPENAME:
            if (!valid_cycle(c, obj))
                obj->type = TYP(TY_INVALID);
            break;
        case OBJ_FUNC:
            valid_cycle(c, obj);
            break;
        default:
            break;
        }
        if (!obj->type)
            obj->type = TYP(TY_INVALID);
        return;
    }
    DeclInfo *d = ptrmap_get(&c->obj_map, obj);
    if (!d) {
        // Not a package-level object (e.g. a method of an imported type
        // whose type the importer left unset): nothing to compute.
        if (!obj->type)
            obj->type = TYP(TY_INVALID);
        return;
    }
    obj->color = (uint8_t)(GREY + push_obj(c, obj));
    Env saved = c->env;
    bool saved_tpl = c->in_tparam_list;
    memset(&c->env, 0, sizeof c->env);
    c->env.scope = d->file_scope;
    c->in_tparam_list = false;
    switch ((ObjKind)obj->kind) {
    case OBJ_CONST:
        c->env.decl = d;
        check_const_decl(c, obj, d->vtype, d->init, d->inherited);
        break;
    case OBJ_VAR:
        c->env.decl = d;
        check_var_decl(c, obj, d->lhs, d->nlhs, d->vtype, d->init);
        break;
    case OBJ_TYPENAME:
        check_type_decl(c, obj, d->tdecl, def);
        check_collect_methods(c, obj);
        break;
    case OBJ_FUNC:
        check_func_decl(c, obj, d);
        break;
    default:
        break;
    }
    c->env = saved;
    c->in_tparam_list = saved_tpl;
    pop_obj(c)->color = BLACK;
}

// ---- constants and variables ----

void check_const_decl(Checker *c, Object *obj, Node *typ, Node *init, bool inherited) {
    Const *saved_iota = c->env.iota;
    Node *saved_errpos = c->env.errpos;
    c->env.iota = obj->u.const_.val;
    c->env.errpos = NULL;
    obj->u.const_.val = types_const_unknown();
    obj->type = NULL;
    if (typ) {
        Type *t = check_typexpr(c, typ);
        if (!types_is_const_type(t)) {
            if (types_under(t)->kind != TY_INVALID) {
                Buf b = {0};
                check_write_type(c, &b, t);
                check_error_at_node(c, typ, "invalid constant type %s", buf_cstr(&b));
                buf_free(&b);
            }
            obj->type = TYP(TY_INVALID);
            goto done;
        }
        obj->type = t;
    }
    Operand x = {0};
    if (init) {
        if (inherited)
            c->env.errpos = obj->decl ? obj->decl : NULL;
        check_expr(c, &x, init);
    }
    check_init_const(c, obj, &x);
done:
    c->env.iota = saved_iota;
    c->env.errpos = saved_errpos;
}

static void var_decl(Checker *c, Object *obj, Object **lhs, int nlhs, Node *typ, Node *init) {
    if (typ)
        obj->type = check_varType(c, typ);
    if (!init) {
        if (!typ)
            obj->type = TYP(TY_INVALID);
        return;
    }
    if (!lhs || nlhs == 1) {
        Operand x = {0};
        check_expr(c, &x, init);
        check_init_var(c, obj, &x, "variable declaration");
        return;
    }
    // One initializer for several variables: they share the declared type
    // (each would otherwise count as checked without its value).
    if (typ)
        for (int i = 0; i < nlhs; i++)
            lhs[i]->type = obj->type;
    Node **v = ARENA_ARRAY(c->arena, Node *, 1);
    v[0] = init;
    NodeList rhs = {v, 1};
    check_init_vars(c, lhs, nlhs, rhs, NULL);
}

void check_var_decl(Checker *c, Object *obj, Object **lhs, int nlhs, Node *typ, Node *init) {
    var_decl(c, obj, lhs, nlhs, typ, init);
    // A variable whose type is invalid already has an error; do not add
    // "declared but not used".
    if (obj->type && obj->type->kind == TY_INVALID)
        obj->flags |= OF_USED;
    for (int i = 0; i < nlhs; i++)
        if (lhs[i]->type && lhs[i]->type->kind == TY_INVALID)
            lhs[i]->flags |= OF_USED;
}

// ---- types ----

static bool is_broken_alias(Checker *c, Object *o) {
    return o->type && o->type->kind == TY_INVALID && ptrmap_get(&c->broken_aliases, o);
}

bool check_is_broken_alias(Checker *c, Object *o) { return is_broken_alias(c, o); }

// Follows a chain of defined types (type A B; type B C ...) and reports
// it if it closes into a cycle, which has no underlying type.
static void check_named_chain(Checker *c, Type *named) {
    Object *path[64];
    Type *seen[64];
    int n = 0;
    Type *t = named;
    while (t && t->kind == TY_NAMED && n < 64) {
        for (int i = 0; i < n; i++) {
            if (seen[i] == t) {
                report_cycle(c, path + i, n - i);
                for (int k = 0; k < n; k++)
                    seen[k]->u.named.underlying = TYP(TY_INVALID);
                return;
            }
        }
        seen[n] = t;
        path[n++] = check_instance_obj(c, t);
        if (t->u.named.orig != t) {
            // An instance continues the chain with its generic type's
            // right-hand side, substituted (type N[P any] M[P]). Expand it
            // without following the chain, unless its generic type is
            // still being declared.
            Object *g = t->u.named.orig->u.named.obj;
            if (!t->u.named.orig->u.named.underlying || (g && g->color >= 2 && t->u.named.orig != named))
                return;
            int nm;
            types_named_methods(t, &nm);
        }
        t = t->u.named.underlying;
    }
}

static void valid_type_later(Checker *c, void *arg) {
    Object *obj = arg;
    if (obj->type && obj->type->kind == TY_NAMED)
        check_valid_type(c, obj->type);
}

void check_type_decl(Checker *c, Object *obj, Node *tdecl, Type *def) {
    check_later(c, valid_type_later, obj);
    bool alias = (tdecl->flags & NF_ALIAS) != 0;
    if (alias && tdecl->u.type_spec.tparams.n) {
        check_error_at_node(c, tdecl, "generic type cannot be alias");
        alias = false;
    }
    if (alias) {
        obj->flags |= OF_ALIAS;
        ptrmap_put(&c->broken_aliases, obj, (void *)1);
        obj->type = TYP(TY_INVALID);
        Type *rhs = check_varType(c, tdecl->u.type_spec.type);
        ptrmap_put(&c->broken_aliases, obj, NULL);
        obj->type = rhs;
        return;
    }
    obj->flags &= (uint16_t)~OF_ALIAS;
    obj->type = NULL;
    Type *named = types_new_named(c->arena, obj, NULL);
    obj->type = named;
    if (tdecl->u.type_spec.pragma & PRAGMA_NOTINHEAP)
        named->flags |= TF_NOTINHEAP;
    if (def && def->kind == TY_NAMED)
        types_named_set_underlying(def, named);
    Scope *saved = c->env.scope;
    if (tdecl->u.type_spec.tparams.n) {
        check_open_scope(c, tdecl, "type parameters");
        check_collect_type_params(c, &named->u.named.tparams, &named->u.named.ntparams, tdecl->u.type_spec.tparams);
    }
    Type *rhs = check_definedtype(c, tdecl->u.type_spec.type, named);
    if (!named->u.named.underlying)
        named->u.named.underlying = TYP(TY_INVALID);
    if (rhs && rhs->kind == TY_TYPEPARAM) {
        check_error_at_node(c, tdecl->u.type_spec.type, "cannot use a type parameter as RHS in type declaration");
        named->u.named.underlying = TYP(TY_INVALID);
    }
    if (named->u.named.underlying->kind == TY_NAMED)
        check_named_chain(c, named);
    c->env.scope = saved;
}

static void field_uniqueness_later(Checker *c, void *arg) {
    Type *base = arg;
    Type *u = types_under(base);
    if (u->kind != TY_STRUCT)
        return;
    int nm;
    Object **ms = types_named_methods(base, &nm);
    for (int i = 0; i < u->u.struct_.nfields; i++) {
        Object *f = u->u.struct_.fields[i];
        if (!f->name || f->name == str_cstr("_"))
            continue;
        for (int k = 0; k < nm; k++) {
            if (ms[k]->name == f->name) {
                Buf b = {0};
                pos_format(&b, f->pos);
                check_errorf(c, ms[k]->pos, "field and method with the same name %s\n\t%s: other declaration of %s",
                             f->name, buf_cstr(&b), f->name);
                buf_free(&b);
                break;
            }
        }
    }
}

// Attaches the methods collected for obj's receiver name to its type.
void check_collect_methods(Checker *c, Object *obj) {
    ObjList *ml = ptrmap_get(&c->methods, obj);
    if (!ml)
        return;
    ptrmap_put(&c->methods, obj, NULL);
    Type *base = obj->type && obj->type->kind == TY_NAMED ? obj->type : NULL;
    if (base)
        check_later(c, field_uniqueness_later, base);
    for (int i = 0; i < ml->v.len; i++) {
        Object *m = ml->v.data[i];
        Object *alt = NULL;
        if (base) {
            for (int k = 0; k < base->u.named.methods.len && !alt; k++)
                if (base->u.named.methods.data[k]->name == m->name)
                    alt = base->u.named.methods.data[k];
        } else {
            for (int k = 0; k < i && !alt; k++)
                if (ml->v.data[k]->name == m->name)
                    alt = ml->v.data[k];
        }
        if (alt) {
            Buf b = {0};
            pos_format(&b, alt->pos);
            check_errorf(c, m->pos, "%s.%s redeclared in this block\n\t%s: other declaration of %s",
                         obj->name, m->name, buf_cstr(&b), m->name);
            buf_free(&b);
            continue;
        }
        m->u.func.recv_base = base;
        if (base)
            types_named_add_method(base, m);
    }
    vec_free(&ml->v);
}

// ---- functions ----

typedef struct BodyLater {
    DeclInfo *decl;
    Object *obj;
    Type *sig;
    Node *body;
} BodyLater;

static void func_body_later(Checker *c, void *arg) {
    BodyLater *b = arg;
    check_func_body(c, b->decl, b->obj->name, b->sig, b->body, NULL);
}

void check_func_decl(Checker *c, Object *obj, DeclInfo *d) {
    Node *fdecl = d->fdecl;
    // A placeholder signature guards against cycles through the function
    // while its own signature is computed; it is then filled in place.
    Type *sig = types_new_signature(c->arena, NULL, NULL, NULL, false);
    obj->type = sig;
    uint8_t saved = obj->color;
    obj->color = BLACK;
    Node *recv = fdecl->u.func_decl.recv.n ? fdecl->u.func_decl.recv.v[0] : NULL;
    Type *t = check_func_type(c, recv, fdecl->u.func_decl.type, NULL);
    obj->color = saved;
    if (t && t != sig) {
        *sig = *t;
        Scope *s = ptrmap_get(&c->sig_scopes, t);
        if (s)
            ptrmap_put(&c->sig_scopes, sig, s);
    }
    if (sig->u.func.recv && sig->u.func.recv->type && sig->u.func.recv->type->kind == TY_POINTER)
        obj->flags |= OF_PTR_RECV;
    if (fdecl->u.func_decl.type->u.func_type.tparams.n && !syn_has_body(fdecl))
        check_error_at_node(c, fdecl, "parameterized function is missing function body");
    if (!c->cfg.ignore_func_bodies && fdecl->u.func_decl.body) {
        BodyLater *b = ARENA_NEW(c->arena, BodyLater);
        b->decl = d;
        b->obj = obj;
        b->sig = sig;
        b->body = fdecl->u.func_decl.body;
        check_later(c, func_body_later, b);
    }
}

void check_func_body(Checker *c, DeclInfo *decl, Str name, Type *sig, Node *body, Const *iota) {
    (void)name;
    Scope *fs = ptrmap_get(&c->sig_scopes, sig);
    if (!fs)
        fs = types_new_scope(c->arena, c->env.scope, NOPOS, NOPOS, "function");
    fs->pos = body->pos;
    fs->end = body->u.block.rbrace;
    Env saved = c->env;
    memset(&c->env, 0, sizeof c->env);
    c->env.decl = decl;
    c->env.scope = fs;
    c->env.iota = iota;
    c->env.sig = sig;
    c->env.in_generic_func = saved.in_generic_func || sig->u.func.ntparams > 0 || sig->u.func.nrtparams > 0;
    check_stmt_list(c, body->u.block.list, 0);
    if (types_tuple_len(sig->u.func.results) > 0 && !check_is_terminating(c, body, NULL))
        check_errorf(c, body->u.block.rbrace, "missing return");
    check_usage(c, fs);
    c->env = saved;
}

// ---- package level ----

void check_package_objects(Checker *c) {
    int n = c->obj_list.len;
    Object **list = c->obj_list.data;
    // Defined types first, then aliases, then the rest: that way an
    // alias's type is rarely needed before it is known (as types2 does).
    for (int i = 0; i < n; i++) {
        Object *o = list[i];
        if (o->kind != OBJ_TYPENAME)
            continue;
        DeclInfo *d = ptrmap_get(&c->obj_map, o);
        if (!(d->tdecl->flags & NF_ALIAS))
            check_obj_decl(c, o, NULL);
    }
    for (int i = 0; i < n; i++) {
        Object *o = list[i];
        if (o->kind != OBJ_TYPENAME)
            continue;
        DeclInfo *d = ptrmap_get(&c->obj_map, o);
        if (d->tdecl->flags & NF_ALIAS)
            check_obj_decl(c, o, NULL);
    }
    // Method signatures before the rest: the core's method lookups and
    // interface checks need them and cannot ask the checker to compute
    // them lazily as types2's do.
    for (int i = 0; i < n; i++) {
        Object *o = list[i];
        if (o->kind == OBJ_FUNC && o->decl && o->decl->u.func_decl.recv.n)
            check_obj_decl(c, o, NULL);
    }
    // A package checked with lazy bodies leaves its variables and
    // constants to the first use (types_complete_object): most are only
    // read by the bodies nobody asks for.
    for (int i = 0; i < n; i++)
        if (list[i]->kind != OBJ_TYPENAME &&
            !(c->cfg.lazy_bodies && (list[i]->kind == OBJ_VAR || list[i]->kind == OBJ_CONST)))
            check_obj_decl(c, list[i], NULL);
}

// ---- local declarations (DeclStmt) ----

// Where a local declaration's names become visible: just past the spec.
static Pos end_pos(Node *n) {
    Pos best = n->pos;
    for (int guard = 0; n && guard < 1000; guard++) {
        if (n->pos > best)
            best = n->pos;
        switch ((NodeKind)n->kind) {
        case N_IDENT: return n->pos + (Pos)str_len(n->u.ident.name);
        case N_BASIC_LIT: return n->pos + (Pos)str_len(n->u.lit.value);
        case N_CALL: return n->u.call.rparen + 1;
        case N_COMPOSITE_LIT: return n->u.composite.rbrace + 1;
        case N_FUNC_LIT: n = n->u.func_lit.body; continue;
        case N_BLOCK: return n->u.block.rbrace + 1;
        case N_BINARY: n = n->u.binary.y; continue;
        case N_UNARY: case N_STAR: case N_PAREN: n = n->u.unary.x; continue;
        case N_SELECTOR: n = n->u.selector.sel; continue;
        case N_INDEX: return (n->u.index.indices.n ? end_pos(n->u.index.indices.v[n->u.index.indices.n - 1]) : n->pos) + 1;
        case N_SLICE: return n->pos + 1;
        case N_TYPE_ASSERT: return (n->u.assert.type ? end_pos(n->u.assert.type) : n->pos + 5) + 1;
        case N_VALUE_SPEC:
            if (n->u.value_spec.values.n) {
                n = n->u.value_spec.values.v[n->u.value_spec.values.n - 1];
                continue;
            }
            if (n->u.value_spec.type) {
                n = n->u.value_spec.type;
                continue;
            }
            if (n->u.value_spec.names.n) {
                n = n->u.value_spec.names.v[n->u.value_spec.names.n - 1];
                continue;
            }
            return best + 1;
        case N_ARRAY_TYPE: n = n->u.array.elt; continue;
        case N_MAP_TYPE: n = n->u.map.value; continue;
        case N_CHAN_TYPE: n = n->u.chan.value; continue;
        case N_STRUCT_TYPE: case N_INTERFACE_TYPE: return n->u.fields.rbrace + 1;
        case N_FUNC_TYPE:
            if (n->u.func_type.results.n) {
                n = n->u.func_type.results.v[n->u.func_type.results.n - 1];
                continue;
            }
            if (n->u.func_type.params.n) {
                n = n->u.func_type.params.v[n->u.func_type.params.n - 1];
                continue;
            }
            return n->pos + 2;
        case N_FIELD: n = n->u.field.type; continue;
        case N_IF: n = n->u.if_.els ? n->u.if_.els : n->u.if_.then; continue;
        case N_FOR: n = n->u.for_.body; continue;
        case N_RANGE: n = n->u.range.body; continue;
        case N_SWITCH: case N_TYPE_SWITCH: case N_SELECT: n = n->u.switch_.body; continue;
        case N_ELLIPSIS: if (n->u.ellipsis.elt) { n = n->u.ellipsis.elt; continue; } return n->pos + 3;
        default: return best + 1;
        }
    }
    return best + 1;
}

Pos check_end_pos(Node *n) { return n ? end_pos(n) : NOPOS; }

void check_decl_stmt(Checker *c, Node *g) {
    Node *last = NULL;
    if (c->env.in_generic_func && g->op == TK_TYPE && g->u.gen_decl.specs.n)
        vec_push(&c->late_errors, g->pos);
    for (int k = 0; k < g->u.gen_decl.specs.n; k++) {
        Node *s = g->u.gen_decl.specs.v[k];
        if (s->kind == N_VALUE_SPEC && g->op == TK_CONST) {
            int top = c->ndelayed;
            bool inherited = true;
            if (s->u.value_spec.type || s->u.value_spec.values.n) {
                last = s;
                inherited = false;
            } else if (!last)
                inherited = false;
            NodeList names = s->u.value_spec.names;
            NodeList values = last ? last->u.value_spec.values : (NodeList){0};
            Node *vtype = last ? last->u.value_spec.type : NULL;
            Const *iota = types_const_int64(&c->consts, s->u.value_spec.iota);
            Object **lhs = ARENA_ARRAY(c->arena, Object *, names.n ? names.n : 1);
            for (int i = 0; i < names.n; i++) {
                Node *id = names.v[i];
                Object *obj = types_new_const(c->arena, id->pos, c->pkg, id->u.ident.name, NULL, iota);
                obj->flags |= OF_LOCAL;
                obj->decl = id;
                lhs[i] = obj;
                check_const_decl(c, obj, vtype, i < values.n ? values.v[i] : NULL, inherited);
            }
            if (names.n < values.n) {
                Node *n = values.v[names.n];
                if (inherited) {
                    Buf b = {0};
                    pos_format(&b, n->pos);
                    check_errorf(c, s->pos, "extra init expr at %s", buf_cstr(&b));
                    buf_free(&b);
                } else {
                    Buf b = {0};
                    check_write_expr(&b, n);
                    check_error_at_node(c, n, "extra init expr %s", buf_cstr(&b));
                    buf_free(&b);
                }
            } else if (names.n > values.n)
                check_error_at_node(c, names.v[values.n], "missing init expr for %s", names.v[values.n]->u.ident.name);
            check_process_delayed(c, top);
            Pos sp = end_pos(s);
            for (int i = 0; i < names.n; i++)
                check_declare(c, c->env.scope, names.v[i], lhs[i], sp);
        } else if (s->kind == N_VALUE_SPEC) {
            int top = c->ndelayed;
            NodeList names = s->u.value_spec.names, values = s->u.value_spec.values;
            Object **lhs0 = ARENA_ARRAY(c->arena, Object *, names.n ? names.n : 1);
            for (int i = 0; i < names.n; i++) {
                Node *id = names.v[i];
                lhs0[i] = types_new_var(c->arena, id->pos, c->pkg, id->u.ident.name, NULL);
                lhs0[i]->flags |= OF_LOCAL;
                lhs0[i]->decl = id;
            }
            for (int i = 0; i < names.n; i++) {
                Object **lhs = NULL;
                int nlhs = 0;
                Node *init = NULL;
                if (values.n == names.n)
                    init = values.v[i];
                else if (values.n == 1) {
                    lhs = lhs0;
                    nlhs = names.n;
                    init = values.v[0];
                } else if (i < values.n)
                    init = values.v[i];
                check_var_decl(c, lhs0[i], lhs, nlhs, s->u.value_spec.type, init);
                if (values.n == 1)
                    break;
            }
            if (!s->u.value_spec.type || values.n) {
                if (names.n < values.n) {
                    Buf b = {0};
                    check_write_expr(&b, values.v[names.n]);
                    check_error_at_node(c, values.v[names.n], "extra init expr %s", buf_cstr(&b));
                    buf_free(&b);
                }
                else if (names.n > values.n && values.n != 1)
                    check_error_at_node(c, names.v[values.n], "missing init expr for %s", names.v[values.n]->u.ident.name);
            }
            check_process_delayed(c, top);
            Pos sp = end_pos(s);
            for (int i = 0; i < names.n; i++)
                check_declare(c, c->env.scope, names.v[i], lhs0[i], sp);
        } else if (s->kind == N_TYPE_SPEC) {
            Node *id = s->u.type_spec.name;
            Object *obj = types_new_typename(c->arena, id->pos, c->pkg, id->u.ident.name, NULL);
            obj->flags |= OF_LOCAL;
            obj->decl = id;
            if (s->flags & NF_ALIAS)
                obj->flags |= OF_ALIAS;
            check_declare(c, c->env.scope, id, obj, id->pos);
            obj->color = (uint8_t)(GREY + push_obj(c, obj));
            check_type_decl(c, obj, s, NULL);
            pop_obj(c)->color = BLACK;
        }
    }
}
