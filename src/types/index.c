// index.c: index and slice expressions (types2 index.go). a[i] on
// strings, arrays, pointers to arrays, slices, maps and type parameters
// whose type sets agree; x[lo:hi:max]; and the index checks shared with
// composite literals and make: an index must be an integer, constant
// indices non-negative, representable as int and within a known length
// ("invalid argument: index 5 out of bounds [0:3]"). An index
// expression on a generic function or type is an instantiation instead.
#include "types.h"

bool check_is_valid_index(Checker *c, Operand *x, const char *what, bool allow_negative) {
    if (x->mode == MODE_INVALID)
        return false;
    // An untyped constant index is given type int.
    check_convert_untyped(c, x, TYP(TY_INT));
    if (x->mode == MODE_INVALID)
        return false;
    if (!types_all_basic_info(x->type, BASIC_INTEGER)) {
        check_report(c, check_operand_pos(x), "invalid argument: %s %O must be integer", what, x);
        return false;
    }
    if (x->mode == MODE_CONSTANT) {
        if (!allow_negative && types_const_sign(x->val) < 0) {
            check_report(c, check_operand_pos(x), "invalid argument: %s %O must not be negative", what, x);
            return false;
        }
        Const *v = x->val;
        if (!types_const_representable(&c->consts, x->val, TY_INT, &v)) {
            check_report(c, check_operand_pos(x), "invalid argument: %s %O overflows int", what, x);
            return false;
        }
        x->val = v;
    }
    return true;
}

int64_t check_index(Checker *c, Node *index, int64_t max, bool allow_negative, bool *ok) {
    return check_index_typed(c, index, max, allow_negative, ok, NULL);
}

int64_t check_index_typed(Checker *c, Node *index, int64_t max, bool allow_negative, bool *ok, Type **typ) {
    *ok = false;
    Operand x = {0};
    check_expr(c, &x, index);
    if (!check_is_valid_index(c, &x, "index", allow_negative))
        return -1;
    if (typ)
        *typ = x.type;
    if (x.mode != MODE_CONSTANT) {
        *ok = true;
        return -1;
    }
    if (types_const_kind(x.val) == CV_UNKNOWN)
        return -1;
    int64_t v = 0;
    types_const_int64_val(x.val, &v);
    if (max >= 0 && v >= max) {
        Buf b = {0};
        types_const_format(&b, x.val);
        check_report(c, check_operand_pos(&x), "invalid argument: index %s out of bounds [0:%D]", buf_cstr(&b), max);
        buf_free(&b);
        return -1;
    }
    *ok = true;
    return v;
}

// The single index of e, or NULL after an error.
static Node *single_index(Checker *c, Node *e) {
    NodeList l = e->u.index.indices;
    if (l.n == 0) {
        check_report(c, check_start_pos(e), "invalid AST: missing index for %E", e->u.index.x);
        return NULL;
    }
    if (l.n > 1)
        check_errorf(c, check_start_pos(l.v[1]), "invalid operation: more than one index");
    return l.v[0];
}

// What indexing a type parameter yields when every type in its set agrees.
typedef struct TPIndex {
    Type *key, *elem;
    int64_t length;
    OperandMode mode;
    OperandMode xmode;
    bool any;
} TPIndex;

static bool tparam_index_cb(void *ctx, Type *t, bool tilde) {
    (void)tilde;
    TPIndex *r = ctx;
    if (!t)
        return false;
    Type *u = types_under(t);
    int64_t l = -1;
    Type *k = NULL, *e = NULL;
    switch (u->kind) {
    case TY_STRING:
    case TY_UNTYPED_STRING:
        e = types_universe.byte_type;
        r->mode = MODE_VALUE;
        break;
    case TY_ARRAY:
        l = u->u.array.len;
        e = u->u.array.elem;
        if (r->xmode != MODE_VARIABLE)
            r->mode = MODE_VALUE;
        break;
    case TY_POINTER: {
        Type *a = types_under(u->u.elem.elem);
        if (a->kind == TY_ARRAY) {
            l = a->u.array.len;
            e = a->u.array.elem;
        }
        break;
    }
    case TY_SLICE: e = u->u.elem.elem; break;
    case TY_MAP:
        k = u->u.map.key;
        e = u->u.map.elem;
        break;
    default: break;
    }
    if (!e)
        return false;
    if (!r->any) {
        r->any = true;
        r->length = l;
        r->key = k;
        r->elem = e;
        return true;
    }
    // Maps cannot mix with other types, and all must agree.
    if ((r->key == NULL) != (k == NULL) || (k && !types_identical(r->key, k)))
        return false;
    if (!types_identical(r->elem, e))
        return false;
    if (l >= 0 && l < r->length)
        r->length = l;
    return true;
}

static void map_index(Checker *c, Operand *x, Node *e, Type *key, Type *elem) {
    Node *index = single_index(c, e);
    if (!index) {
        x->mode = MODE_INVALID;
        return;
    }
    Operand k = {0};
    check_expr(c, &k, index);
    check_assignment(c, &k, key, "map index");
    // The element type is known even if the key was wrong.
    x->mode = MODE_MAPINDEX;
    x->type = elem;
    x->expr = e;
}

bool check_index_or_inst(Checker *c, Operand *x, Node *e) {
    check_expr_or_type(c, x, e->u.index.x, true);
    switch (x->mode) {
    case MODE_INVALID:
        check_use(c, e->u.index.indices);
        return false;
    case MODE_TYPEXPR:
        // A type instantiation.
        x->mode = MODE_INVALID;
        x->type = check_varType(c, e);
        if (types_is_valid(x->type))
            x->mode = MODE_TYPEXPR;
        return false;
    case MODE_VALUE: {
        Type *u = types_under(x->type);
        if (u->kind == TY_FUNC && u->u.func.ntparams > 0)
            return true;
        break;
    }
    default:
        break;
    }
    // Not generic any more, but be safe.
    if (x->mode != MODE_INVALID && x->mode != MODE_NOVALUE) {
        if ((x->type->kind == TY_NAMED && types_is_generic(x->type)) ||
            (x->type->kind == TY_FUNC && x->type->u.func.ntparams > 0)) {
            check_report(c, check_operand_pos(x), "cannot use generic %s %E without instantiation",
                         x->type->kind == TY_FUNC ? "function" : "type", x->expr);
            x->mode = MODE_INVALID;
            return false;
        }
    }
    if (x->mode == MODE_INVALID)
        return false;

    bool valid = false;
    int64_t length = -1;
    Type *u = types_under(x->type);
    switch (u->kind) {
    case TY_STRING:
    case TY_UNTYPED_STRING:
        valid = true;
        if (x->mode == MODE_CONSTANT) {
            size_t n;
            types_const_string_val(x->val, &n);
            length = (int64_t)n;
        }
        // Indexing a string yields a byte, never a constant.
        x->mode = MODE_VALUE;
        x->type = types_universe.byte_type;
        break;
    case TY_ARRAY:
        valid = true;
        length = u->u.array.len;
        if (x->mode != MODE_VARIABLE)
            x->mode = MODE_VALUE;
        x->type = u->u.array.elem;
        break;
    case TY_POINTER: {
        Type *a = types_under(u->u.elem.elem);
        if (a->kind == TY_ARRAY) {
            valid = true;
            length = a->u.array.len;
            x->mode = MODE_VARIABLE;
            x->type = a->u.array.elem;
        }
        break;
    }
    case TY_SLICE:
        valid = true;
        x->mode = MODE_VARIABLE;
        x->type = u->u.elem.elem;
        break;
    case TY_MAP:
        map_index(c, x, e, u->u.map.key, u->u.map.elem);
        return false;
    case TY_INTERFACE: {
        if (x->type->kind != TY_TYPEPARAM)
            break;
        TPIndex r = {.mode = MODE_VARIABLE, .xmode = x->mode};
        TypeSet *ts = types_typeset_of(x->type);
        if (ts && !ts->all && ts->nterms > 0 && types_typeset_each(x->type, tparam_index_cb, &r)) {
            if (r.key) {
                map_index(c, x, e, r.key, r.elem);
                return false;
            }
            valid = true;
            length = r.length;
            x->mode = r.mode;
            x->type = r.elem;
        }
        break;
    }
    default:
        break;
    }
    if (!valid) {
        check_report(c, e->pos, "invalid operation: cannot index %O", x);
        x->mode = MODE_INVALID;
        return false;
    }
    Node *index = single_index(c, e);
    if (!index) {
        x->mode = MODE_INVALID;
        return false;
    }
    if (!x->type)
        x->type = TYP(TY_INVALID);
    bool ok;
    check_index(c, index, length, false, &ok);
    return false;
}

void check_index_expr(Checker *c, Operand *x, Node *e) {
    if (check_index_or_inst(c, x, e))
        check_func_inst(c, x, e);
}

void check_slice_expr(Checker *c, Operand *x, Node *e) {
    Node *idx[3] = {e->u.slice.lo, e->u.slice.hi, e->u.slice.max};
    bool full = (e->flags & NF_SLICE3) != 0;
    check_expr(c, x, e->u.slice.x);
    if (x->mode == MODE_INVALID) {
        NodeList l = {idx, 3};
        check_use(c, l);
        return;
    }
    bool valid = false;
    int64_t length = -1;
    Type *u = types_core_string(x->type);
    if (!u) {
        check_report(c, check_operand_pos(x), "invalid operation: cannot slice %O: %T has no core type", x, x->type);
        x->mode = MODE_INVALID;
        return;
    }
    switch (u->kind) {
    case TY_STRING:
    case TY_UNTYPED_STRING:
        if (full) {
            Node *at = idx[2] ? idx[2] : e;
            check_errorf(c, check_start_pos(at), "invalid operation: 3-index slice of string");
            x->mode = MODE_INVALID;
            return;
        }
        valid = true;
        if (x->mode == MODE_CONSTANT) {
            size_t n;
            types_const_string_val(x->val, &n);
            length = (int64_t)n;
        }
        // Slicing an untyped string gives a non-constant string.
        if (types_is_untyped(x->type))
            x->type = TYP(TY_STRING);
        break;
    case TY_ARRAY:
        valid = true;
        length = u->u.array.len;
        if (x->mode != MODE_VARIABLE) {
            check_report(c, check_operand_pos(x), "invalid operation: %O (slice of unaddressable value)", x);
            x->mode = MODE_INVALID;
            return;
        }
        x->type = types_new_slice(c->arena, u->u.array.elem);
        check_mark_addr_taken(c, e->u.slice.x);  // a[i:j] is (&a)[i:j]
        break;
    case TY_POINTER: {
        Type *a = types_under(u->u.elem.elem);
        if (a->kind == TY_ARRAY) {
            valid = true;
            length = a->u.array.len;
            x->type = types_new_slice(c->arena, a->u.array.elem);
        }
        break;
    }
    case TY_SLICE:
        valid = true;
        break;
    default:
        break;
    }
    if (!valid) {
        check_report(c, check_operand_pos(x), "invalid operation: cannot slice %O", x);
        x->mode = MODE_INVALID;
        return;
    }
    x->mode = MODE_VALUE;
    if (full && (!idx[1] || !idx[2])) {
        check_errorf(c, check_start_pos(e), "invalid AST: 2nd and 3rd index required in 3-index slice");
        x->mode = MODE_INVALID;
        return;
    }
    int64_t ind[3];
    int nind = full ? 3 : 2;
    for (int i = 0; i < nind; i++) {
        int64_t v = -1;
        if (idx[i]) {
            // Capacity is only known for strings, arrays and array
            // pointers, where it equals the length.
            int64_t max = length >= 0 ? length + 1 : -1;
            bool ok;
            int64_t r = check_index(c, idx[i], max, false, &ok);
            if (r >= 0)
                v = r;
        } else if (i == 0) {
            v = 0;
        } else if (length >= 0) {
            v = length;
        }
        ind[i] = v;
    }
    // Constant indices must be ordered; one error is enough.
    for (int i = 0; i < nind - 1; i++) {
        if (ind[i] <= 0)
            continue;
        for (int j = i + 1; j < nind; j++) {
            if (ind[j] >= 0 && ind[j] < ind[i]) {
                check_report(c, check_start_pos(idx[j]), "invalid slice indices: %D < %D", ind[j], ind[i]);
                return;
            }
        }
    }
}
