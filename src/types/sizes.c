// sizes.c: type sizes, alignments and field offsets as gc sees them on
// amd64. gc configures types2 with its own gcSizes (cmd/compile/internal/
// noder/sizes.go), which differs from go/types' StdSizes in two ways that
// matter: sizes include trailing alignment padding, and a struct whose
// last field has size zero (but which is not itself empty) gets one byte
// of padding so that a pointer to that field cannot point past the
// object. Results are cached in the Type (LZ_SIZED).
#include "types.h"

#include <string.h>

static int64_t round_up(int64_t o, int64_t a) {
    return (o + a - 1) / a * a;
}

// sync/atomic.align64 (an empty struct) forces 64-bit alignment of the
// struct that contains it (gc's calcStructOffset, types2's
// IsSyncAtomicAlign64).
static bool is_atomic_align64(Type *t) {
    if (t->kind != TY_NAMED)
        return false;
    Object *o = t->u.named.obj;
    return o && o->name && strcmp(o->name, "align64") == 0 && o->pkg && o->pkg->path &&
           strcmp(o->pkg->path, "sync/atomic") == 0;
}

static void compute(Type *t);

static void ensure(Type *t) {
    if (types_lazy(t) & LZ_SIZED)
        return;
    types_lock();
    if (!(t->lazy & LZ_SIZED))
        compute(t);
    types_unlock();
}

// A bound type parameter has its shape's layout; it is not cached (nor,
// as an approximation, recomputed in composite types already sized under
// another binding).
int64_t types_sizeof(Type *t) {
    if (!t)
        return 1;
    if (t->kind == TY_TYPEPARAM && types_tparam_shape(t))
        return types_sizeof(types_tparam_shape(t));
    ensure(t);
    return t->size;
}

int64_t types_alignof(Type *t) {
    if (!t)
        return 1;
    if (t->kind == TY_TYPEPARAM && types_tparam_shape(t))
        return types_alignof(types_tparam_shape(t));
    ensure(t);
    return t->align;
}

static int64_t basic_size(TypeKind k) {
    switch (k) {
    case TY_BOOL: case TY_INT8: case TY_UINT8: return 1;
    case TY_INT16: case TY_UINT16: return 2;
    case TY_INT32: case TY_UINT32: case TY_FLOAT32: return 4;
    case TY_INT64: case TY_UINT64: case TY_FLOAT64: case TY_COMPLEX64: return 8;
    case TY_COMPLEX128: return 16;
    case TY_STRING: return 2 * TYPES_PTR_SIZE;
    case TY_INT: case TY_UINT: case TY_UINTPTR: case TY_UNSAFE_POINTER: return TYPES_PTR_SIZE;
    // Untyped kinds have no size in gc; constants are converted before any
    // size is asked. Give them their default type's size so a caller that
    // asks anyway (after errors) gets something sane.
    case TY_UNTYPED_BOOL: return 1;
    case TY_UNTYPED_INT: return 8;
    case TY_UNTYPED_RUNE: return 4;
    case TY_UNTYPED_FLOAT: return 8;
    case TY_UNTYPED_COMPLEX: return 16;
    case TY_UNTYPED_STRING: return 16;
    case TY_UNTYPED_NIL: return 8;
    default: return 1;  // TY_INVALID: gc's basicSizes gives 1
    }
}

// Computes the offsets of a struct's fields into its offsets array.
static void struct_offsets(Type *st) {
    int n = st->u.struct_.nfields;
    if (st->u.struct_.offsets || n == 0)
        return;
    // Types carry no arena: the array goes to the side arena, which lives
    // as long as the packages do.
    int64_t *off = ARENA_ARRAY(types_side_arena(), int64_t, n);
    int64_t o = 0;
    for (int i = 0; i < n; i++) {
        Type *ft = st->u.struct_.fields[i]->type;
        o = round_up(o, types_alignof(ft));
        off[i] = o;
        o += types_sizeof(ft);
    }
    st->u.struct_.offsets = off;
}

int64_t types_offsetof(Type *st, int field) {
    st = types_under(st);
    if (st->kind != TY_STRUCT || field < 0 || field >= st->u.struct_.nfields)
        return 0;
    ensure(st);
    struct_offsets(st);
    return st->u.struct_.offsets[field];
}

static void compute(Type *t) {
    if (t->lazy & LZ_SIZING) {
        // An invalid recursive type (reported by the checker): break the cycle.
        t->size = 0;
        t->align = 1;
        return;
    }
    types_lazy_set(t, LZ_SIZING, 0);
    Type *u = types_under(t);
    int64_t size = 0, align = 1;
    switch (u->kind) {
    case TY_ARRAY: {
        Type *e = u->u.array.elem;
        align = types_alignof(e);
        size = u->u.array.len > 0 ? types_sizeof(e) * u->u.array.len : 0;
        break;
    }
    case TY_SLICE:
        size = 3 * TYPES_PTR_SIZE;
        align = TYPES_PTR_SIZE;
        break;
    case TY_INTERFACE:
        size = 2 * TYPES_PTR_SIZE;
        align = TYPES_PTR_SIZE;
        break;
    case TY_POINTER: case TY_MAP: case TY_CHAN: case TY_FUNC:
        size = align = TYPES_PTR_SIZE;
        break;
    case TY_STRUCT: {
        int n = u->u.struct_.nfields;
        for (int i = 0; i < n; i++) {
            int64_t a = types_alignof(u->u.struct_.fields[i]->type);
            if (a > align)
                align = a;
        }
        if (n == 0 && is_atomic_align64(t))
            align = 8;
        if (n > 0) {
            struct_offsets(u);
            int64_t lastoff = u->u.struct_.offsets[n - 1];
            int64_t last = types_sizeof(u->u.struct_.fields[n - 1]->type);
            if (last == 0 && lastoff > 0)
                last = 1;
            size = round_up(lastoff + last, align);
        }
        break;
    }
    case TY_TUPLE: {
        // Not a Go type, but the escape analyser sizes result lists.
        int64_t o = 0;
        for (int i = 0; i < u->u.tuple.n; i++) {
            Type *e = u->u.tuple.vars[i]->type;
            int64_t a = types_alignof(e);
            if (a > align)
                align = a;
            o = round_up(o, a) + types_sizeof(e);
        }
        size = round_up(o, align);
        break;
    }
    default:
        if (TY_IS_BASIC(u->kind)) {
            size = basic_size((TypeKind)u->kind);
            if (u->kind == TY_STRING || u->kind == TY_UNTYPED_STRING) {
                align = TYPES_PTR_SIZE;
            } else {
                align = size < 1 ? 1 : size;
                if (types_basic_info[u->kind] & BASIC_COMPLEX)
                    align /= 2;  // complex aligns like its float parts
                if (align > 8)
                    align = 8;
            }
        } else {
            size = 8, align = 8;  // type parameters: never laid out by gc
        }
        break;
    }
    t->size = size;
    t->align = (uint8_t)align;
    types_lazy_set(t, LZ_SIZED, LZ_SIZING);
}

bool types_has_pointers(Type *t) {
    Type *u = types_under(t);
    switch (u->kind) {
    case TY_POINTER:
        return !(u->u.elem.elem && (u->u.elem.elem->flags & TF_NOTINHEAP));
    case TY_UNSAFE_POINTER: case TY_STRING: case TY_UNTYPED_STRING: case TY_INTERFACE:
    case TY_MAP: case TY_CHAN: case TY_FUNC: case TY_SLICE: case TY_UNTYPED_NIL:
        return true;
    case TY_ARRAY:
        return u->u.array.len > 0 && types_has_pointers(u->u.array.elem);
    case TY_STRUCT:
        for (int i = 0; i < u->u.struct_.nfields; i++)
            if (types_has_pointers(u->u.struct_.fields[i]->type))
                return true;
        return false;
    case TY_TUPLE:
        for (int i = 0; i < u->u.tuple.n; i++)
            if (types_has_pointers(u->u.tuple.vars[i]->type))
                return true;
        return false;
    default:
        return false;
    }
}

bool types_is_direct_iface(Type *t) {
    Type *u = types_under(t);
    switch (u->kind) {
    case TY_POINTER:
        // Pointers to //go:notinheap types are not pointer-shaped for gc.
        return !(u->u.elem.elem && (u->u.elem.elem->flags & TF_NOTINHEAP));
    case TY_CHAN: case TY_MAP: case TY_FUNC: case TY_UNSAFE_POINTER:
        return true;
    case TY_ARRAY:
        return u->u.array.len == 1 && types_is_direct_iface(u->u.array.elem);
    case TY_STRUCT:
        return u->u.struct_.nfields == 1 && types_is_direct_iface(u->u.struct_.fields[0]->type);
    default:
        return false;
    }
}
