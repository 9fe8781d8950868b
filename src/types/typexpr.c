// typexpr.c: types from type expressions (types2 typexpr.go, signature.go,
// struct.go, interface.go, union.go). A declared type's Type object
// exists before its right-hand side is checked, and each composite type
// is allocated and installed as the declared type's underlying type
// before its parts are checked, so that `type L struct{ next *L }` finds
// L complete enough. Checks that need fully set up types (map keys,
// embedded fields, receivers, union terms, type sets) are delayed with
// check_later, as types2 delays them.
#include "types.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

static void set_underlying(Type *def, Type *t) {
    if (def && def->kind == TY_NAMED)
        types_named_set_underlying(def, t);
}

// ---- identifiers ----

// The dot import through which obj became visible in file scope fs.
static void mark_dot_import(Checker *c, Scope *fs, Object *obj) {
    for (int i = 0; i < c->imports.len; i++) {
        Object *pn = c->imports.data[i];
        if (pn->u.pkgname.dot && pn->parent == fs && pn->u.pkgname.imported == obj->pkg) {
            pn->flags |= OF_USED;
            return;
        }
    }
}

Object *check_lookup(Checker *c, Str name) {
    return types_scope_lookup_parent(c->env.scope, name, c->env.pos, NULL);
}

void check_ident(Checker *c, Operand *x, Node *e, Type *def, bool want_type) {
    x->mode = MODE_INVALID;
    x->expr = e;
    x->type = TYP(TY_INVALID);
    Str name = e->u.ident.name;
    Scope *scope = NULL;
    Object *obj = types_scope_lookup_parent(c->env.scope, name, c->env.pos, &scope);
    if (!obj) {
        if (name == str_cstr("_")) {
            Type *tp = ptrmap_get(&c->recv_tparams, e);
            if (tp) {
                x->mode = MODE_TYPEXPR;
                x->type = tp;
            } else
                check_error_at_node(c, e, "cannot use _ as value or type");
        } else
            check_error_at_node(c, e, "undefined: %s", name);
        return;
    }
    // the universe's any and comparable (any is an alias: compare objects)
    if (!obj->pkg && (strcmp(name, "any") == 0 || strcmp(name, "comparable") == 0) && c->lang_minor < 18) {
        char what[64];
        snprintf(what, sizeof what, "predeclared %s", name);
        check_version_error(c, e->pos, 18, what);
        return;
    }
    check_record_use(c, e, obj);
    if (obj->pkg != c->pkg)
        types_complete_object(obj);   // dot-imported
    Type *typ = obj->type;
    if (!typ || (obj->kind == OBJ_TYPENAME && want_type)) {
        check_obj_decl(c, obj, def);
        typ = obj->type;
    }
    if (!typ)
        typ = TYP(TY_INVALID);
    if (scope && scope->comment && strcmp(scope->comment, "file") == 0 && obj->pkg != c->pkg)
        mark_dot_import(c, scope, obj);
    switch ((ObjKind)obj->kind) {
    case OBJ_PKGNAME:
        check_error_at_node(c, e, "use of package %s not in selector", obj->name);
        return;
    case OBJ_CONST:
        check_add_decl_dep(c, obj);
        if (typ->kind == TY_INVALID)
            return;
        if (obj == types_universe.iota) {
            if (!c->env.iota) {
                check_error_at_node(c, e, "cannot use iota outside constant declaration");
                return;
            }
            x->val = c->env.iota;
        } else
            x->val = obj->u.const_.val;
        if (!x->val)
            x->val = types_const_unknown();
        x->mode = MODE_CONSTANT;
        break;
    case OBJ_TYPENAME:
        if (check_is_broken_alias(c, obj)) {
            check_error_at_node(c, e, "invalid use of type alias %s in recursive type (see issue #50729)", obj->name);
            obj->type = TYP(TY_INVALID);
            return;
        }
        x->mode = MODE_TYPEXPR;
        break;
    case OBJ_VAR:
        if (obj->pkg == c->pkg)
            obj->flags |= OF_USED;
        check_add_decl_dep(c, obj);
        if (typ->kind == TY_INVALID)
            return;
        x->mode = MODE_VARIABLE;
        break;
    case OBJ_FUNC:
        check_add_decl_dep(c, obj);
        x->mode = MODE_VALUE;
        break;
    case OBJ_BUILTIN:
        x->id = obj->u.builtin.id;
        x->mode = MODE_BUILTIN;
        break;
    case OBJ_NIL:
        x->mode = MODE_NILVALUE;
        break;
    default:
        return;
    }
    x->type = typ;
}

// ---- type expressions ----

static Type *typ_internal(Checker *c, Node *e, Type *def);

typedef VEC(Object *) ObjVec;
typedef VEC(Str) StrVec;
typedef VEC(Node *) NodeVec;

Type *check_definedtype(Checker *c, Node *e, Type *def) {
    Type *t = typ_internal(c, e, def);
    if (types_is_generic(t)) {
        check_error_at_node(c, e, "cannot use generic type %s without instantiation", check_type_str(c, t));
        t = TYP(TY_INVALID);
    }
    check_record(c, e, MODE_TYPEXPR, t, NULL);
    return t;
}

Type *check_typexpr(Checker *c, Node *e) { return check_definedtype(c, e, NULL); }

Type *check_generic_type(Checker *c, Node *e, bool report) {
    Type *t = typ_internal(c, e, NULL);
    if (t->kind != TY_INVALID && !types_is_generic(t)) {
        if (report)
            check_error_at_node(c, e, "%s is not a generic type", check_type_str(c, t));
        t = TYP(TY_INVALID);
    }
    check_record(c, e, MODE_TYPEXPR, t, NULL);
    return t;
}

typedef struct VarTypeLater {
    Node *e;
    Type *t;
} VarTypeLater;

static void var_type_later(Checker *c, void *arg) {
    VarTypeLater *v = arg;
    Type *u = types_under(v->t);
    if (u->kind != TY_INTERFACE)
        return;
    TypeSet *ts = types_interface_typeset(u, NULL);
    if (ts && (ts->comparable || !ts->all)) {
        if (ts->comparable)
            check_errorf(c, syn_start_pos(v->e), "cannot use type %s outside a type constraint: interface is (or embeds) comparable", check_type_str(c, v->t));
        else
            check_errorf(c, syn_start_pos(v->e), "cannot use type %s outside a type constraint: interface contains type constraints", check_type_str(c, v->t));
    }
}

Type *check_varType(Checker *c, Node *e) {
    Type *t = check_definedtype(c, e, NULL);
    if (t->kind != TY_TYPEPARAM && t->kind != TY_INVALID) {
        VarTypeLater *v = ARENA_NEW(c->arena, VarTypeLater);
        v->e = e;
        v->t = t;
        check_later(c, var_type_later, v);
    }
    return t;
}

static int64_t array_length(Checker *c, Node *e) {
    if (e->kind == N_IDENT) {
        Object *obj = check_lookup(c, e->u.ident.name);
        if (!obj) {
            check_error_at_node(c, e, "undefined: %s", e->u.ident.name);
            return -1;
        }
        if (obj->kind != OBJ_CONST) {
            check_error_at_node(c, e, "invalid array length %s", e->u.ident.name);
            return -1;
        }
    }
    Operand x = {0};
    check_expr(c, &x, e);
    if (x.mode != MODE_CONSTANT) {
        if (x.mode != MODE_INVALID)
            check_error_at_node(c, e, "array length %s must be constant", check_operand_str(c, &x));
        return -1;
    }
    if (types_is_untyped(x.type) || types_is_integer(x.type)) {
        Const *v = types_const_to_int(&c->consts, x.val);
        if (types_const_kind(v) == CV_INT) {
            if (types_const_representable(&c->consts, v, TY_INT, NULL)) {
                int64_t n;
                if (types_const_int64_val(v, &n) && n >= 0)
                    return n;
                check_error_at_node(c, e, "invalid array length %s", check_operand_str(c, &x));
                return -1;
            }
        }
    }
    check_error_at_node(c, e, "array length %s must be integer", check_operand_str(c, &x));
    return -1;
}

typedef struct MapKeyLater {
    Node *key;
    Type *map;
} MapKeyLater;

static void map_key_later(Checker *c, void *arg) {
    MapKeyLater *m = arg;
    Type *k = m->map->u.map.key;
    if (!types_comparable(k, true, &c->qual, NULL)) {
        check_error_at_node(c, m->key, "invalid map key type %s%s", check_type_str(c, k),
                            k->kind == TY_TYPEPARAM ? " (missing comparable constraint)" : "");
    }
}

static void struct_type(Checker *c, Type *st, Node *e);
static void interface_type(Checker *c, Type *it, Node *e, Type *def);

static Type *typ_internal(Checker *c, Node *e, Type *def) {
    Operand x = {0};
    switch ((NodeKind)e->kind) {
    case N_BAD_EXPR:
        break;
    case N_IDENT:
    case N_SELECTOR:
        if (e->kind == N_IDENT)
            check_ident(c, &x, e, def, true);
        else
            check_selector(c, &x, e, def, true);
        switch (x.mode) {
        case MODE_TYPEXPR:
            set_underlying(def, x.type);
            return x.type;
        case MODE_INVALID:
            break;
        case MODE_NOVALUE:
            check_error_at_node(c, e, "%s used as type", check_operand_str(c, &x));
            break;
        default:
            check_error_at_node(c, e, "%s is not a type", check_operand_str(c, &x));
            break;
        }
        break;
    case N_INDEX:
        return check_instantiated_type(c, e->u.index.x, e->u.index.indices, def);
    case N_PAREN:
        return check_definedtype(c, e->u.unary.x, def);
    case N_ARRAY_TYPE: {
        if (!e->u.array.len) {
            Type *t = types_new_slice(c->arena, TYP(TY_INVALID));
            set_underlying(def, t);
            t->u.elem.elem = check_varType(c, e->u.array.elt);
            return t;
        }
        Type *t = types_new_array(c->arena, TYP(TY_INVALID), -1);
        set_underlying(def, t);
        if (e->u.array.len->kind == N_ELLIPSIS && !e->u.array.len->u.ellipsis.elt) {
            check_error_at_node(c, e, "invalid use of [...] array (outside a composite literal)");
            t->u.array.len = -1;
        } else
            t->u.array.len = array_length(c, e->u.array.len);
        t->u.array.elem = check_varType(c, e->u.array.elt);
        if (t->u.array.len >= 0)
            return t;
        break;
    }
    case N_ELLIPSIS:
        check_error_at_node(c, e, "invalid use of '...'");
        if (e->u.ellipsis.elt) {
            Node *v[1] = {e->u.ellipsis.elt};
            check_use(c, (NodeList){v, 1});
        }
        break;
    case N_STRUCT_TYPE: {
        Type *t = types_new_struct(c->arena, NULL, NULL, 0);
        set_underlying(def, t);
        struct_type(c, t, e);
        return t;
    }
    case N_STAR: {
        Type *t = types_new_pointer(c->arena, TYP(TY_INVALID));
        set_underlying(def, t);
        t->u.elem.elem = check_varType(c, e->u.unary.x);
        if (t->u.elem.elem->kind == TY_INVALID)
            return TYP(TY_INVALID);
        return t;
    }
    case N_FUNC_TYPE: {
        Type *t = check_func_type(c, NULL, e, NULL);
        set_underlying(def, t);
        return t;
    }
    case N_INTERFACE_TYPE: {
        Type *t = types_new_interface(c->arena, NULL, 0, NULL, NULL, 0);
        set_underlying(def, t);
        interface_type(c, t, e, def);
        return t;
    }
    case N_MAP_TYPE: {
        Type *t = types_new_map(c->arena, TYP(TY_INVALID), TYP(TY_INVALID));
        set_underlying(def, t);
        t->u.map.key = check_varType(c, e->u.map.key);
        t->u.map.elem = check_varType(c, e->u.map.value);
        MapKeyLater *m = ARENA_NEW(c->arena, MapKeyLater);
        m->key = e->u.map.key;
        m->map = t;
        check_later(c, map_key_later, m);
        return t;
    }
    case N_CHAN_TYPE: {
        Type *t = types_new_chan(c->arena, e->u.chan.dir, TYP(TY_INVALID));
        set_underlying(def, t);
        t->u.chan.elem = check_varType(c, e->u.chan.value);
        return t;
    }
    default: {
        check_error_at_node(c, e, "%s is not a type", check_expr_str(c, e));
        Node *v[1] = {e};
        check_use(c, (NodeList){v, 1});
        break;
    }
    }
    Type *t = TYP(TY_INVALID);
    set_underlying(def, t);
    return t;
}

// ---- instantiated types ----

Type *check_instantiated_type(Checker *c, Node *x, NodeList targs, Type *def) {
    Type *gtyp = check_generic_type(c, x, true);
    if (gtyp->kind == TY_INVALID)
        return gtyp;
    Type **args = ARENA_ARRAY(c->arena, Type *, targs.n ? targs.n : 1);
    bool ok = true;
    for (int i = 0; i < targs.n; i++) {
        args[i] = check_varType(c, targs.v[i]);
        if (args[i]->kind == TY_INVALID)
            ok = false;
    }
    if (!ok) {
        set_underlying(def, TYP(TY_INVALID));
        return TYP(TY_INVALID);
    }
    Type *inst = check_instantiate_type(c, syn_start_pos(x), gtyp, args, targs.n, targs);
    if (!inst)
        inst = TYP(TY_INVALID);
    set_underlying(def, inst);
    Node *id = x->kind == N_SELECTOR ? x->u.selector.sel : x;
    if (inst->kind == TY_NAMED)
        check_record_instance(c, id, inst->u.named.targs, inst->u.named.ntargs, inst);
    return inst;
}

// ---- structs ----

static Node *embedded_field_ident(Node *e) {
    switch ((NodeKind)e->kind) {
    case N_IDENT: return e;
    case N_STAR: {
        Node *base = e->u.unary.x;
        if (base->kind != N_STAR)
            return embedded_field_ident(base);
        return NULL;
    }
    case N_SELECTOR: return e->u.selector.sel;
    case N_INDEX: return embedded_field_ident(e->u.index.x);
    default: return NULL;
    }
}

typedef struct EmbedLater {
    Type *t;
    Pos pos;
} EmbedLater;

static void embed_later(Checker *c, void *arg) {
    EmbedLater *el = arg;
    Type *t = el->t;
    bool is_ptr = false;
    if (t->kind == TY_POINTER) {
        t = t->u.elem.elem;
        is_ptr = true;
    }
    Type *u = types_under(t);
    if (t->kind == TY_INVALID)
        return;
    if (u->kind == TY_UNSAFE_POINTER)
        check_errorf(c, el->pos, "embedded field type cannot be unsafe.Pointer");
    else if (u->kind == TY_POINTER)
        check_errorf(c, el->pos, "embedded field type cannot be a pointer");
    else if (u->kind == TY_INTERFACE) {
        if (t->kind == TY_TYPEPARAM)
            check_errorf(c, el->pos, "embedded field type cannot be a (pointer to a) type parameter");
        else if (is_ptr)
            check_errorf(c, el->pos, "embedded field type cannot be a pointer to an interface");
    }
}

static Str field_tag(Checker *c, Node *t) {
    if (!t || (t->flags & NF_BAD))
        return NULL;
    if (t->op == LIT_STRING) {
        Const *v = types_const_from_literal(&c->consts, LIT_STRING, t->u.lit.value, str_len(t->u.lit.value));
        if (types_const_kind(v) == CV_STRING) {
            size_t n;
            const char *s = types_const_string_val(v, &n);
            return n ? str_intern(s, n) : NULL;
        }
    }
    check_error_at_node(c, t, "invalid AST: incorrect tag syntax: %s", t->u.lit.value);
    return NULL;
}

static bool add_field(Checker *c, ObjVec *fields, StrVec *tags, bool *any_tag, Node *ident, Str name,
                      Type *typ, Str tag, bool embedded, Pos pos) {
    if (name != str_cstr("_")) {
        for (int i = 0; i < fields->len; i++) {
            Object *alt = fields->data[i];
            if (alt->name == name) {
                Buf b = {0};
                pos_format(&b, alt->pos);
                check_errorf(c, pos, "%s redeclared\n\t%s: other declaration of %s", name, buf_cstr(&b), name);
                buf_free(&b);
                return false;
            }
        }
    }
    Object *f = types_new_field(c->arena, pos, c->pkg, name, typ, embedded);
    vec_push(fields, f);
    vec_push(tags, tag);
    if (tag)
        *any_tag = true;
    if (ident)
        check_record_def(c, ident, f);
    return true;
}

static void struct_type(Checker *c, Type *st, Node *e) {
    ObjVec fields = {0};
    StrVec tags = {0};
    bool any_tag = false;
    for (int i = 0; i < e->u.fields.list.n; i++) {
        Node *f = e->u.fields.list.v[i];
        Type *typ = check_varType(c, f->u.field.type);
        Str tag = field_tag(c, f->u.field.tag);
        if (f->u.field.names.n) {
            for (int k = 0; k < f->u.field.names.n; k++) {
                Node *id = f->u.field.names.v[k];
                add_field(c, &fields, &tags, &any_tag, id, id->u.ident.name, typ, tag, false, id->pos);
            }
            continue;
        }
        Pos pos = syn_start_pos(f->u.field.type);
        Node *name = embedded_field_ident(f->u.field.type);
        if (!name) {
            check_errorf(c, pos, "invalid embedded field type %s", check_expr_str(c, f->u.field.type));
            add_field(c, &fields, &tags, &any_tag, NULL, str_cstr("_"), TYP(TY_INVALID), NULL, true, pos);
            continue;
        }
        add_field(c, &fields, &tags, &any_tag, name, name->u.ident.name, typ, tag, true, pos);
        EmbedLater *el = ARENA_NEW(c->arena, EmbedLater);
        el->t = typ;
        el->pos = pos;
        check_later(c, embed_later, el);
    }
    int n = fields.len;
    st->u.struct_.nfields = n;
    st->u.struct_.fields = ARENA_ARRAY(c->arena, Object *, n ? n : 1);
    if (n)
        memcpy(st->u.struct_.fields, fields.data, sizeof(Object *) * (size_t)n);
    if (any_tag) {
        st->u.struct_.tags = ARENA_ARRAY(c->arena, Str, n);
        memcpy(st->u.struct_.tags, tags.data, sizeof(Str) * (size_t)n);
    }
    vec_free(&fields);
    vec_free(&tags);
}

// ---- interfaces and unions ----

typedef struct UnionLater {
    Term *terms;
    Node **nodes;
    int n;
} UnionLater;

// types2 formats a Term with its String method, which qualifies names by
// package path rather than by the checker's qualifier.
static void term_string(Checker *c, Buf *b, Term *t) {
    (void)c;
    if (t->tilde)
        buf_putc(b, '~');
    types_write_type(b, t->type, NULL, TS_TYPES2);
}

static void union_later(Checker *c, void *arg) {
    UnionLater *ul = arg;
    for (int i = 0; i < ul->n; i++) {
        Term *t = &ul->terms[i];
        if (t->type->kind == TY_INVALID)
            continue;
        Type *u = types_under(t->type);
        bool is_iface = u->kind == TY_INTERFACE && t->type->kind != TY_TYPEPARAM;
        if (t->tilde) {
            if (is_iface) {
                check_error_at_node(c, ul->nodes[i], "invalid use of ~ (%s is an interface)", check_type_str(c, t->type));
                continue;
            }
            if (!types_identical(u, t->type)) {
                check_error_at_node(c, ul->nodes[i], "invalid use of ~ (underlying type of %s is %s)", check_type_str(c, t->type), check_type_str(c, u));
                continue;
            }
        }
        if (is_iface) {
            TypeSet *ts = types_interface_typeset(u, NULL);
            Buf b = {0};
            term_string(c, &b, t);
            if (ts && ts->nmethods)
                check_error_at_node(c, ul->nodes[i], "cannot use %s in union (%s contains methods)", buf_cstr(&b), buf_cstr(&b));
            else if (t->type == types_universe.comparable_type)
                check_error_at_node(c, ul->nodes[i], "cannot use comparable in union");
            else if (ts && ts->comparable)
                check_error_at_node(c, ul->nodes[i], "cannot use %s in union (%s embeds comparable)", buf_cstr(&b), buf_cstr(&b));
            buf_free(&b);
            continue;
        }
        for (int j = 0; j < i; j++) {
            Term *y = &ul->terms[j];
            if (y->type->kind == TY_INVALID || types_is_interface(y->type))
                continue;
            // types2 term.disjoint, with y the earlier term.
            Type *uy = t->tilde ? types_under(y->type) : y->type;
            Type *ut = y->tilde ? types_under(t->type) : t->type;
            bool overlap = types_identical(uy, ut);
            if (overlap) {
                Buf a = {0}, b = {0};
                term_string(c, &a, t);
                term_string(c, &b, y);
                check_error_at_node(c, ul->nodes[i], "overlapping terms %s and %s", buf_cstr(&a), buf_cstr(&b));
                buf_free(&a);
                buf_free(&b);
                break;
            }
        }
    }
}

// Collects the terms of A | B | C in order (tlist) and the `|` nodes
// joining them (blist), innermost first, as types2's flattenUnion.
static void flatten_union(Node *e, NodeVec *tlist, NodeVec *blist) {
    if (e->kind == N_BINARY && e->op == OP_OR) {
        flatten_union(e->u.binary.x, tlist, blist);
        vec_push(blist, e);
        vec_push(tlist, e->u.binary.y);
        return;
    }
    vec_push(tlist, e);
}

static Term parse_tilde(Checker *c, Node *x) {
    Term t = {false, NULL};
    Node *tilde = NULL;
    if (x->kind == N_UNARY && x->op == OP_TILDE) {
        tilde = x;
        x = x->u.unary.x;
        t.tilde = true;
    }
    t.type = check_typexpr(c, x);
    if (t.type->kind == TY_TYPEPARAM) {
        if (tilde)
            check_error_at_node(c, x, "type in term %s cannot be a type parameter", check_expr_str(c, tilde));
        else
            check_error_at_node(c, x, "term cannot be a type parameter");
        t.type = TYP(TY_INVALID);
    }
    // ~T is recorded as the one-term union it stands for.
    if (tilde) {
        Term *one = ARENA_NEW(c->arena, Term);
        *one = t;
        check_record(c, tilde, MODE_TYPEXPR, types_new_union(c->arena, one, 1), NULL);
    }
    return t;
}

static Type *parse_union(Checker *c, Node *uexpr) {
    NodeVec list = {0}, ops = {0};
    flatten_union(uexpr, &list, &ops);
    Term *terms = ARENA_ARRAY(c->arena, Term, list.len);
    Node **nodes = ARENA_ARRAY(c->arena, Node *, list.len);
    Type *u = NULL;
    int n = 0;
    for (int i = 0; i < list.len; i++) {
        Term t = parse_tilde(c, list.data[i]);
        if (list.len == 1 && !t.tilde) {
            vec_free(&list);
            vec_free(&ops);
            return t.type;
        }
        if (n >= 100) {
            if (!u || u->kind != TY_INVALID) {
                check_error_at_node(c, list.data[i], "cannot handle more than 100 union terms (implementation limitation)");
                u = TYP(TY_INVALID);
            }
            continue;
        }
        nodes[n] = list.data[i];
        terms[n++] = t;
        if (!u || u->kind != TY_INVALID)
            u = types_new_union(c->arena, terms, n);
        // Each `|` node gets the union of the terms up to it.
        if (i > 0)
            check_record(c, ops.data[i - 1], MODE_TYPEXPR, u, NULL);
    }
    vec_free(&list);
    vec_free(&ops);
    if (!u || u->kind == TY_INVALID)
        return TYP(TY_INVALID);
    UnionLater *ul = ARENA_NEW(c->arena, UnionLater);
    ul->terms = terms;
    ul->nodes = nodes;
    ul->n = n;
    check_later(c, union_later, ul);
    return u;
}

static void typeset_later(Checker *c, void *arg) {
    types_interface_typeset(arg, c->diags);
}

static void interface_type(Checker *c, Type *it, Node *e, Type *def) {
    VEC(Object *) methods = {0};
    VEC(Type *) embeddeds = {0};
    VEC(Pos) embed_pos = {0};
    for (int i = 0; i < e->u.fields.list.n; i++) {
        Node *f = e->u.fields.list.v[i];
        if (!f->u.field.names.n) {
            vec_push(&embed_pos, syn_start_pos(f->u.field.type));
            vec_push(&embeddeds, parse_union(c, f->u.field.type));
            continue;
        }
        Node *name = f->u.field.names.v[0];
        if (name->u.ident.name == str_cstr("_")) {
            check_error_at_node(c, name, "methods must have a unique non-blank name");
            continue;
        }
        Type *sig = check_typexpr(c, f->u.field.type);
        if (sig->kind != TY_FUNC)
            continue;
        Type *recv_t = def ? def : it;
        sig->u.func.recv = types_new_var(c->arena, name->pos, c->pkg, NULL, recv_t);
        Object *m = types_new_func(c->arena, name->pos, c->pkg, name->u.ident.name, sig);
        m->decl = f;
        check_record_def(c, name, m);
        vec_push(&methods, m);
    }
    int nm = methods.len, ne = embeddeds.len;
    Object **ms = ARENA_ARRAY(c->arena, Object *, nm ? nm : 1);
    if (nm)
        memcpy(ms, methods.data, sizeof(Object *) * (size_t)nm);
    Type **es = ARENA_ARRAY(c->arena, Type *, ne ? ne : 1);
    Pos *ps = ARENA_ARRAY(c->arena, Pos, ne ? ne : 1);
    if (ne) {
        memcpy(es, embeddeds.data, sizeof(Type *) * (size_t)ne);
        memcpy(ps, embed_pos.data, sizeof(Pos) * (size_t)ne);
    }
    vec_free(&methods);
    vec_free(&embeddeds);
    vec_free(&embed_pos);
    // types_new_interface sorts the methods; its fields are copied into
    // the Type already installed as the declared type's underlying type.
    Type *tmp = types_new_interface(c->arena, ms, nm, es, ps, ne);
    it->u.iface = tmp->u.iface;
    it->flags = tmp->flags;
    if (nm == 0 && ne == 0)
        return;
    check_later(c, typeset_later, it);
}

// ---- signatures ----

static Type *declare_type_param(Checker *c, Node *name, int index) {
    Object *tn = types_new_typename(c->arena, name->pos, c->pkg, name->u.ident.name, NULL);
    tn->flags |= OF_LOCAL;
    Type *tp = types_new_typeparam(c->arena, tn, index, TYP(TY_INVALID));
    check_declare(c, c->env.scope, name, tn, c->env.scope->pos);
    return tp;
}

static Type *bound_type(Checker *c, Node *x) {
    if ((x->kind == N_UNARY && x->op == OP_TILDE) || (x->kind == N_BINARY && x->op == OP_OR)) {
        Type *u = parse_union(c, x);
        Type **emb = ARENA_ARRAY(c->arena, Type *, 1);
        Pos *ep = ARENA_ARRAY(c->arena, Pos, 1);
        emb[0] = u;
        ep[0] = syn_start_pos(x);
        Type *it = types_new_interface(c->arena, NULL, 0, emb, ep, 1);
        it->flags |= TF_IMPLICIT;
        check_later(c, typeset_later, it);
        return it;
    }
    return check_typexpr(c, x);
}

void check_collect_type_params(Checker *c, Type ***out, int *nout, NodeList list) {
    int n = 0;
    for (int i = 0; i < list.n; i++)
        n += list.v[i]->u.field.names.n;
    Type **tps = ARENA_ARRAY(c->arena, Type *, n ? n : 1);
    int k = 0;
    for (int i = 0; i < list.n; i++)
        for (int j = 0; j < list.v[i]->u.field.names.n; j++, k++)
            tps[k] = declare_type_param(c, list.v[i]->u.field.names.v[j], k);
    *out = tps;
    *nout = n;
    bool saved = c->in_tparam_list;
    c->in_tparam_list = true;
    k = 0;
    for (int i = 0; i < list.n; i++) {
        Node *f = list.v[i];
        Type *bound = bound_type(c, f->u.field.type);
        if (bound->kind == TY_TYPEPARAM) {
            check_error_at_node(c, f->u.field.type, "cannot use a type parameter as constraint");
            bound = TYP(TY_INVALID);
        }
        for (int j = 0; j < f->u.field.names.n; j++, k++)
            tps[k]->u.tparam.bound = bound;
    }
    c->in_tparam_list = saved;
    check_complete_tparams_later(c, tps, n);
}

// Collects a parameter list into scope (a scratch scope; see check_func_type).
static Type *collect_params(Checker *c, Scope *scope, NodeList list, bool variadic_ok, bool *variadic) {
    VEC(Object *) vars = {0};
    bool var = false;
    for (int i = 0; i < list.n; i++) {
        Node *f = list.v[i];
        Node *ftype = f->u.field.type;
        bool dots = false;
        if (ftype && ftype->kind == N_ELLIPSIS) {
            dots = true;
            ftype = ftype->u.ellipsis.elt;
            if (variadic_ok && i == list.n - 1 && f->u.field.names.n <= 1)
                var = true;
            else
                check_error_at_node(c, f->u.field.type, "can only use ... with final parameter in list");
        }
        Type *typ = ftype ? check_varType(c, ftype) : TYP(TY_INVALID);
        if (dots && var && i == list.n - 1) {
            typ = types_new_slice(c->arena, typ);
            check_record(c, f->u.field.type, MODE_TYPEXPR, typ, NULL);
        }
        if (f->u.field.names.n) {
            for (int k = 0; k < f->u.field.names.n; k++) {
                Node *id = f->u.field.names.v[k];
                Object *par = types_new_param(c->arena, id->pos, c->pkg, id->u.ident.name, typ);
                par->flags |= OF_LOCAL;
                par->decl = id;
                check_declare(c, scope, id, par, scope->pos);
                vec_push(&vars, par);
            }
        } else {
            Object *par = types_new_param(c->arena, f->pos, c->pkg, NULL, typ);
            par->flags |= OF_LOCAL;
            par->decl = f;
            check_record_implicit(c, f, par);
            vec_push(&vars, par);
        }
    }
    *variadic = var;
    if (!vars.len)
        return NULL;
    Object **vs = ARENA_ARRAY(c->arena, Object *, vars.len);
    memcpy(vs, vars.data, sizeof(Object *) * (size_t)vars.len);
    Type *t = types_new_tuple(c->arena, vs, vars.len);
    vec_free(&vars);
    return t;
}

typedef struct RecvLater {
    Object *recv;
    Type *sig;
} RecvLater;

static void recv_later(Checker *c, void *arg) {
    RecvLater *r = arg;
    Object *recv = r->recv;
    Type *rt = recv->type;
    if (rt->kind == TY_POINTER)
        rt = rt->u.elem.elem;
    if (rt->kind == TY_INVALID)
        return;
    if (rt->kind == TY_NAMED) {
        if (rt->u.named.orig != rt && !r->sig->u.func.nrtparams) {
            check_errorf(c, recv->pos, "cannot define new methods on instantiated type %s", check_type_str(c, rt));
            return;
        }
        if (rt->u.named.obj->pkg != c->pkg) {
            check_errorf(c, recv->pos, "cannot define new methods on non-local type %s", check_type_str(c, rt));
            return;
        }
        Type *u = types_under(rt);
        const char *cause = NULL;
        if (u->kind == TY_UNSAFE_POINTER)
            cause = "unsafe.Pointer";
        else if (u->kind == TY_POINTER || u->kind == TY_INTERFACE)
            cause = "pointer or interface type";
        if (cause)
            check_errorf(c, recv->pos, "invalid receiver type %s (%s)", check_type_str(c, rt), cause);
    } else if (TY_IS_BASIC(rt->kind))
        check_errorf(c, recv->pos, "cannot define new methods on non-local type %s", check_type_str(c, rt));
    else
        check_errorf(c, recv->pos, "invalid receiver type %s", check_type_str(c, recv->type));
}

Type *check_func_type(Checker *c, Node *recv_field, Node *ftype, Node **recv_tparams_out) {
    if (recv_tparams_out)
        *recv_tparams_out = NULL;
    Type *sig = types_new_signature(c->arena, NULL, NULL, NULL, false);
    Scope *saved = c->env.scope;
    Scope *fs = types_new_scope(c->arena, c->env.scope, ftype->pos, NOPOS, "function");
    fs->is_func = true;
    check_record_scope(c, ftype, fs);
    ptrmap_put(&c->sig_scopes, sig, fs);
    c->env.scope = fs;

    if (recv_field && recv_field->u.field.type) {
        bool ptr;
        Node *index;
        Node *rname = check_unpack_recv(recv_field->u.field.type, &ptr, &index);
        if (index && index->u.index.indices.n) {
            if (recv_tparams_out)
                *recv_tparams_out = index;
            NodeList rl = index->u.index.indices;
            Type **tps = ARENA_ARRAY(c->arena, Type *, rl.n);
            for (int i = 0; i < rl.n; i++) {
                Node *a = rl.v[i];
                Node *par = a;
                if (a->kind != N_IDENT) {
                    if (a->kind != N_BAD_EXPR)
                        check_error_at_node(c, a, "receiver type parameter %s must be an identifier", check_expr_str(c, a));
                    par = syn_new_node(c->arena, N_IDENT, a->pos);
                    par->u.ident.name = str_cstr("_");
                }
                tps[i] = declare_type_param(c, par, i);
                if (par->u.ident.name == str_cstr("_"))
                    ptrmap_put(&c->recv_tparams, par, tps[i]);
            }
            sig->u.func.rtparams = tps;
            sig->u.func.nrtparams = rl.n;
            Type **recv_tps = NULL;
            int nrecv = 0;
            if (rname) {
                Type *g = check_generic_type(c, rname, false);
                if (g->kind == TY_NAMED) {
                    recv_tps = g->u.named.tparams;
                    nrecv = g->u.named.ntparams;
                }
            }
            if (rl.n == nrecv) {
                for (int i = 0; i < rl.n; i++)
                    tps[i]->u.tparam.bound = check_subst(c, tps[i]->u.tparam.obj->pos, recv_tps[i]->u.tparam.bound,
                                                         recv_tps, tps, nrecv);
            } else if (rl.n < nrecv) {
                check_error_at_node(c, recv_field, "got %d type parameter%s, but receiver base type declares %d",
                                    rl.n, rl.n == 1 ? "" : "s", nrecv);
            }
        }
    }
    if (ftype->u.func_type.tparams.n)
        check_collect_type_params(c, &sig->u.func.tparams, &sig->u.func.ntparams, ftype->u.func_type.tparams);

    // Parameters are visible only in the body: collect them in a detached
    // scope, so `func f(int int, x int)` still finds the type int, then
    // move them into the function scope.
    Scope *tmp = types_new_scope(c->arena, NULL, NOPOS, NOPOS, "function body (temp. scope)");
    Type *recv_list = NULL;
    bool dummy, variadic = false;
    if (recv_field) {
        Node *v[1] = {recv_field};
        recv_list = collect_params(c, tmp, (NodeList){v, 1}, false, &dummy);
    }
    Type *params = collect_params(c, tmp, ftype->u.func_type.params, true, &variadic);
    Type *results = collect_params(c, tmp, ftype->u.func_type.results, false, &dummy);
    for (int i = 0; i < tmp->nelems; i++) {
        Object *o = tmp->elems[i];
        o->parent = NULL;
        Object *alt = types_scope_insert(fs, o);
        if (alt && alt != o)
            check_report_redeclared(c, o->pos, o->name, alt, " redeclared in this block");
    }
    if (recv_field) {
        Object *recv;
        if (types_tuple_len(recv_list) == 0)
            recv = types_new_param(c->arena, NOPOS, NULL, NULL, TYP(TY_INVALID));
        else
            recv = recv_list->u.tuple.vars[0];
        recv->flags |= OF_RECV;
        sig->u.func.recv = recv;
        RecvLater *r = ARENA_NEW(c->arena, RecvLater);
        r->recv = recv;
        r->sig = sig;
        check_later(c, recv_later, r);
    }
    for (int i = 0; i < types_tuple_len(results); i++)
        results->u.tuple.vars[i]->flags |= OF_RESULT;
    sig->u.func.params = params ? params : types_new_tuple(c->arena, NULL, 0);
    sig->u.func.results = results ? results : types_new_tuple(c->arena, NULL, 0);
    if (variadic)
        sig->flags |= TF_VARIADIC;
    c->env.scope = saved;
    return sig;
}
