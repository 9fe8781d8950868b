// literal.c: composite literals (types2 exprInternal's CompositeLit case
// and indexedElts). The literal's type comes from the source, or, for
// elided element types as in []T{{...}} or map[K]*V{k: {...}}, from the
// enclosing literal's element type (the hint; *T implies &T{...}).
// [...]T arrays get their length from the elements. Struct literals are
// all keyed or all positional; array, slice and map literals must not
// repeat constant indices or keys, and gc's messages for each mistake
// are reproduced here.
#include "types.h"

#include <stdint.h>
#include <string.h>

// Checks the elements of an array or slice literal against elem and the
// indices against length (if >= 0); returns the literal's length.
static int64_t indexed_elts(Checker *c, NodeList elts, Type *elem, int64_t length) {
    PtrMap visited = {0};
    int64_t index = 0, max = 0;
    for (int i = 0; i < elts.n; i++) {
        Node *e = elts.v[i];
        bool valid_index = false;
        Node *eval = e;
        if (e->kind == N_KEY_VALUE) {
            bool ok;
            int64_t v = check_index(c, e->u.key_value.key, length, false, &ok);
            if (ok) {
                if (v >= 0) {
                    index = v;
                    valid_index = true;
                } else {
                    check_report(c, check_start_pos(e), "index %E must be integer constant", e->u.key_value.key);
                }
            }
            eval = e->u.key_value.value;
        } else if (length >= 0 && index >= length) {
            check_report(c, check_start_pos(e), "index %D is out of bounds (>= %D)", index, length);
        } else {
            valid_index = true;
        }
        if (valid_index) {
            void *key = (void *)(uintptr_t)(index + 1);
            if (ptrmap_get(&visited, key))
                check_report(c, check_start_pos(e), "duplicate index %D in array or slice literal", index);
            ptrmap_put(&visited, key, (void *)1);
        }
        index++;
        if (index > max)
            max = index;
        Operand x = {0};
        check_expr_with_hint(c, &x, eval, elem);
        check_assignment(c, &x, elem, "array or slice literal");
    }
    ptrmap_free(&visited);
    return max;
}

// A key that identifies a constant map key up to the equality gc uses
// for duplicates: 1, 1.0 and 1+0i are the same key (types2 keyVal).
// For interface-typed maps the dynamic type is part of the key.
static Str const_key(Checker *c, Const *v, Type *t) {
    Buf b = {0};
    ConstKind k = types_const_kind(v);
    if (k == CV_COMPLEX && types_const_sign(types_const_imag(&c->consts, v)) == 0) {
        v = types_const_real(&c->consts, v);
        k = types_const_kind(v);
    }
    if (k == CV_FLOAT) {
        Const *i = types_const_to_int(&c->consts, v);
        if (types_const_kind(i) == CV_INT) {
            v = i;
            k = CV_INT;
        }
    }
    buf_printf(&b, "%d:", (int)k);
    types_const_format_exact(&b, v);
    if (t) {
        buf_putc(&b, '|');
        types_write_type(&b, t, NULL, TS_TYPES2);
    }
    Str s = str_intern(b.data, b.len);
    buf_free(&b);
    return s;
}

static void struct_lit(Checker *c, Node *e, Type *utyp, Type *base, Type *typ) {
    NodeList elts = e->u.composite.elts;
    if (elts.n == 0)
        return;
    Object **fields = utyp->u.struct_.fields;
    int nfields = utyp->u.struct_.nfields;
    Operand x = {0};
    if (elts.v[0]->kind == N_KEY_VALUE) {
        bool *visited = ARENA_ARRAY(c->arena, bool, nfields ? nfields : 1);
        for (int i = 0; i < elts.n; i++) {
            Node *kv = elts.v[i];
            if (kv->kind != N_KEY_VALUE) {
                check_errorf(c, check_start_pos(kv), "mixture of field:value and value elements in struct literal");
                continue;
            }
            Node *key = kv->u.key_value.key;
            // Check the value first so nothing is lost on key errors.
            check_expr(c, &x, kv->u.key_value.value);
            if (key->kind != N_IDENT) {
                check_report(c, check_start_pos(kv), "invalid field name %E in struct literal", key);
                continue;
            }
            Str name = key->u.ident.name;
            int fi = -1;
            if (strcmp(name, "_") != 0)
                for (int j = 0; j < nfields; j++)
                    if (types_same_id(fields[j], c->pkg, name)) {
                        fi = j;
                        break;
                    }
            if (fi < 0) {
                check_report(c, check_start_pos(key), "unknown field '%s' in struct literal of type %T", name, base);
                continue;
            }
            check_record_use(c, key, fields[fi]);
            check_assignment(c, &x, fields[fi]->type, "struct literal");
            if (visited[fi]) {
                check_report(c, check_start_pos(kv), "duplicate field name %s in struct literal", name);
                continue;
            }
            visited[fi] = true;
        }
        return;
    }
    for (int i = 0; i < elts.n; i++) {
        Node *el = elts.v[i];
        if (el->kind == N_KEY_VALUE) {
            check_errorf(c, check_start_pos(el), "mixture of field:value and value elements in struct literal");
            continue;
        }
        check_expr(c, &x, el);
        if (i >= nfields) {
            check_report(c, check_operand_pos(&x), "too many values in %T{…}", base);
            break;
        }
        Object *f = fields[i];
        if (!(f->flags & OF_EXPORTED) && f->pkg != c->pkg) {
            check_report(c, check_operand_pos(&x), "implicit assignment to unexported field %s in %T literal", f->name,
                         typ);
            continue;
        }
        check_assignment(c, &x, f->type, "struct literal");
    }
    if (elts.n < nfields)
        check_report(c, e->u.composite.rbrace, "too few values in %T{…}", base);
}

static void map_lit(Checker *c, Node *e, Type *utyp) {
    NodeList elts = e->u.composite.elts;
    Type *key = utyp->u.map.key, *elem = utyp->u.map.elem;
    // With interface keys the constant's type matters too.
    bool key_iface = types_is_interface(key);
    PtrMap visited = {0};
    Operand x = {0};
    for (int i = 0; i < elts.n; i++) {
        Node *kv = elts.v[i];
        if (kv->kind != N_KEY_VALUE) {
            check_errorf(c, check_start_pos(kv), "missing key in map literal");
            continue;
        }
        check_expr_with_hint(c, &x, kv->u.key_value.key, key);
        check_assignment(c, &x, key, "map literal");
        if (x.mode == MODE_INVALID)
            continue;
        if (x.mode == MODE_CONSTANT && types_const_kind(x.val) != CV_UNKNOWN) {
            Str k = const_key(c, x.val, key_iface ? x.type : NULL);
            if (ptrmap_get(&visited, k)) {
                check_report(c, check_operand_pos(&x), "duplicate key %V in map literal", x.val);
                continue;
            }
            ptrmap_put(&visited, k, (void *)1);
        }
        check_expr_with_hint(c, &x, kv->u.key_value.value, elem);
        check_assignment(c, &x, elem, "map literal");
    }
    ptrmap_free(&visited);
}

void check_composite_lit(Checker *c, Operand *x, Node *e, Type *hint) {
    Type *typ = NULL, *base = NULL;
    Node *texpr = e->u.composite.type;
    if (texpr) {
        if (texpr->kind == N_ARRAY_TYPE && texpr->u.array.len && texpr->u.array.len->kind == N_ELLIPSIS) {
            // [...]T only exists here: the length comes from the elements.
            typ = types_new_array(c->arena, check_varType(c, texpr->u.array.elt), -1);
        } else {
            typ = check_typexpr(c, texpr);
        }
        base = typ;
    } else if (hint) {
        typ = hint;
        base = types_core_type(typ);
        if (base && base->kind == TY_POINTER)
            base = base->u.elem.elem;  // &T{} elided to {}
        if (!base) {
            check_report(c, check_start_pos(e), "invalid composite literal element type %T: no core type", typ);
            x->mode = MODE_INVALID;
            return;
        }
    } else {
        check_errorf(c, check_start_pos(e), "missing type in composite literal");
        x->mode = MODE_INVALID;
        return;
    }

    Type *utyp = types_core_type(base);
    switch (utyp ? utyp->kind : TY_INVALID) {
    case TY_STRUCT:
        struct_lit(c, e, utyp, base, typ);
        break;
    case TY_ARRAY: {
        int64_t n = indexed_elts(c, e->u.composite.elts, utyp->u.array.elem, utyp->u.array.len);
        // [...]T, or [n]T with an invalid n: the elements say how long.
        if (utyp->u.array.len < 0) {
            utyp->u.array.len = n;
            if (texpr)
                check_record(c, texpr, MODE_TYPEXPR, utyp, NULL);
        }
        break;
    }
    case TY_SLICE:
        indexed_elts(c, e->u.composite.elts, utyp->u.elem.elem, -1);
        break;
    case TY_MAP:
        map_lit(c, e, utyp);
        break;
    default: {
        // Evaluate the elements anyway; keys may be field names of an
        // unknown struct, so only values are used.
        NodeList elts = e->u.composite.elts;
        for (int i = 0; i < elts.n; i++) {
            Node *el = elts.v[i];
            if (el->kind == N_KEY_VALUE)
                el = el->u.key_value.value;
            NodeList one = {&el, 1};
            check_use(c, one);
        }
        if (!utyp || types_is_valid(utyp)) {
            check_report(c, check_start_pos(e), "invalid composite literal type %T", typ);
            x->mode = MODE_INVALID;
            return;
        }
        break;
    }
    }
    x->mode = MODE_VALUE;
    x->type = typ;
}
