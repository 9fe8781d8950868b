// type.c: constructors and basic accessors of the checker's data model:
// types, objects and the lazily expanded parts of named types. Everything
// is allocated in the caller's arena (the package's), so nothing here
// frees; the only subtle part is types_under, which runs a named type's
// resolver the first time its underlying type is needed. The side arena
// (types_side_arena) holds what is computed later for types that carry
// no arena.
#include <pthread.h>

#include "types.h"

#include <stdlib.h>
#include <string.h>

const char *const type_kind_names[TY_COUNT] = {
#define X(k, s) s,
    TYPE_KINDS(X)
#undef X
};

const char *const obj_kind_names[OBJ_COUNT] = {
#define X(k, s) s,
    OBJ_KINDS(X)
#undef X
};

const BuiltinInfo types_builtins[BUILTIN_COUNT] = {
#define X(k, name, nargs, variadic, isexpr) {name, nargs, variadic, isexpr},
    BUILTINS(X)
#undef X
};

#define B_INT BASIC_INTEGER
#define B_UNS (BASIC_INTEGER | BASIC_UNSIGNED)
const uint8_t types_basic_info[TY_NBASIC] = {
    [TY_INVALID] = 0,
    [TY_BOOL] = BASIC_BOOLEAN,
    [TY_INT] = B_INT, [TY_INT8] = B_INT, [TY_INT16] = B_INT,
    [TY_INT32] = B_INT, [TY_INT64] = B_INT,
    [TY_UINT] = B_UNS, [TY_UINT8] = B_UNS, [TY_UINT16] = B_UNS,
    [TY_UINT32] = B_UNS, [TY_UINT64] = B_UNS, [TY_UINTPTR] = B_UNS,
    [TY_FLOAT32] = BASIC_FLOAT, [TY_FLOAT64] = BASIC_FLOAT,
    [TY_COMPLEX64] = BASIC_COMPLEX, [TY_COMPLEX128] = BASIC_COMPLEX,
    [TY_STRING] = BASIC_STRING,
    [TY_UNSAFE_POINTER] = 0,
    [TY_UNTYPED_BOOL] = BASIC_BOOLEAN | BASIC_UNTYPED,
    [TY_UNTYPED_INT] = BASIC_INTEGER | BASIC_UNTYPED,
    [TY_UNTYPED_RUNE] = BASIC_INTEGER | BASIC_UNTYPED,
    [TY_UNTYPED_FLOAT] = BASIC_FLOAT | BASIC_UNTYPED,
    [TY_UNTYPED_COMPLEX] = BASIC_COMPLEX | BASIC_UNTYPED,
    [TY_UNTYPED_STRING] = BASIC_STRING | BASIC_UNTYPED,
    [TY_UNTYPED_NIL] = BASIC_UNTYPED,
};

// Interface type sets and struct field offsets are computed on demand,
// from wherever a type is first asked about, and a named type's methods
// are added to it after it is made; types do not know their arena, so
// these live here, for as long as the loader's packages do (load_free
// calls types_side_free). The universe's interfaces have their type sets
// built in, and error declares no methods, so nothing that outlives the
// loader points here.
static Arena side_arena;

Arena *types_side_arena(void) { return &side_arena; }

void types_side_free(void) { arena_free(&side_arena); }

static pthread_mutex_t types_mu = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;

void types_lock(void) {
    if (base_threaded())
        pthread_mutex_lock(&types_mu);
}

void types_unlock(void) {
    if (base_threaded())
        pthread_mutex_unlock(&types_mu);
}

uint8_t types_lazy(const Type *t) { return __atomic_load_n(&t->lazy, __ATOMIC_ACQUIRE); }

void types_lazy_set(Type *t, uint8_t set, uint8_t clear) {
    __atomic_store_n(&t->lazy, (uint8_t)((t->lazy & ~clear) | set), __ATOMIC_RELEASE);
}

static Type *new_type(Arena *a, TypeKind k) {
    Type *t = ARENA_NEW(a, Type);
    t->kind = (uint8_t)k;
    return t;
}

Type *types_new_pointer(Arena *a, Type *elem) {
    Type *t = new_type(a, TY_POINTER);
    t->u.elem.elem = elem;
    return t;
}

Type *types_new_slice(Arena *a, Type *elem) {
    Type *t = new_type(a, TY_SLICE);
    t->u.elem.elem = elem;
    return t;
}

Type *types_new_array(Arena *a, Type *elem, int64_t len) {
    Type *t = new_type(a, TY_ARRAY);
    t->u.array.elem = elem;
    t->u.array.len = len;
    return t;
}

Type *types_new_map(Arena *a, Type *key, Type *elem) {
    Type *t = new_type(a, TY_MAP);
    t->u.map.key = key;
    t->u.map.elem = elem;
    return t;
}

Type *types_new_chan(Arena *a, int dir, Type *elem) {
    Type *t = new_type(a, TY_CHAN);
    t->u.chan.dir = dir;
    t->u.chan.elem = elem;
    return t;
}

Type *types_new_struct(Arena *a, Object **fields, Str *tags, int nfields) {
    Type *t = new_type(a, TY_STRUCT);
    t->u.struct_.fields = fields;
    t->u.struct_.nfields = nfields;
    // Normalise "all tags empty" to NULL so identity can skip them.
    bool any = false;
    for (int i = 0; tags && i < nfields; i++)
        if (tags[i] && tags[i][0])
            any = true;
    t->u.struct_.tags = any ? tags : NULL;
    return t;
}

Type *types_new_tuple(Arena *a, Object **vars, int n) {
    Type *t = new_type(a, TY_TUPLE);
    t->u.tuple.vars = vars;
    t->u.tuple.n = n;
    return t;
}

// Shared empty tuple: signatures never hold NULL params/results, and an
// empty tuple carries no state, so one per process is enough (part of the
// universe's read-only data once created).
static Type empty_tuple = {.kind = TY_TUPLE};

Type *types_new_signature(Arena *a, Object *recv, Type *params, Type *results, bool variadic) {
    Type *t = new_type(a, TY_FUNC);
    t->u.func.recv = recv;
    t->u.func.params = params ? params : &empty_tuple;
    t->u.func.results = results ? results : &empty_tuple;
    if (variadic)
        t->flags |= TF_VARIADIC;
    return t;
}

Type *types_new_union(Arena *a, Term *terms, int n) {
    Type *t = new_type(a, TY_UNION);
    t->u.union_.terms = terms;
    t->u.union_.n = n;
    return t;
}

static int method_cmp(const void *x, const void *y) {
    Object *a = *(Object *const *)x, *b = *(Object *const *)y;
    if (types_method_less(a, b))
        return -1;
    if (types_method_less(b, a))
        return 1;
    return 0;
}

Type *types_new_interface(Arena *a, Object **methods, int nmethods, Type **embeddeds, Pos *embed_pos, int nembeddeds) {
    Type *t = new_type(a, TY_INTERFACE);
    if (nmethods > 1)
        qsort(methods, (size_t)nmethods, sizeof(Object *), method_cmp);
    for (int i = 0; i < nmethods; i++) {
        Type *sig = methods[i]->type;
        if (sig && sig->kind == TY_FUNC && !sig->u.func.recv)
            sig->u.func.recv = types_new_param(a, methods[i]->pos, methods[i]->pkg, NULL, t);
    }
    t->u.iface.methods = methods;
    t->u.iface.nmethods = nmethods;
    t->u.iface.embeddeds = embeddeds;
    t->u.iface.embed_pos = embed_pos;
    t->u.iface.nembeddeds = nembeddeds;
    return t;
}

Type *types_new_named(Arena *a, Object *obj, Type *underlying) {
    Type *t = new_type(a, TY_NAMED);
    t->u.named.obj = obj;
    t->u.named.orig = t;
    t->u.named.underlying = underlying;
    if (obj && !obj->type)
        obj->type = t;
    return t;
}

void types_named_set_underlying(Type *named, Type *underlying) {
    // Chains of defined types (type A B) resolve to B's underlying type;
    // a still-unresolved B is resolved when A's underlying is first read.
    named->u.named.underlying = underlying;
}

void types_named_add_method(Type *named, Object *m) {
    // The list lives in the side arena, as the type does not know its
    // own; it doubles as a vector would, leaving the old array behind
    // (method lists are short).
    types_lock();
    if (named->u.named.methods.len == named->u.named.methods.cap) {
        int n = named->u.named.methods.cap ? 2 * named->u.named.methods.cap : 4;
        Object **data = ARENA_ARRAY(&side_arena, Object *, n);
        if (named->u.named.methods.len)
            memcpy(data, named->u.named.methods.data, sizeof(Object *) * (size_t)named->u.named.methods.len);
        named->u.named.methods.data = data;
        named->u.named.methods.cap = n;
    }
    named->u.named.methods.data[named->u.named.methods.len++] = m;
    types_unlock();
}

Type *types_new_instance(Arena *a, Type *orig, Type **targs, int ntargs, NamedResolver *r) {
    Type *t = new_type(a, TY_NAMED);
    t->u.named.obj = orig->u.named.obj;
    t->u.named.orig = orig;
    t->u.named.targs = ARENA_ARRAY(a, Type *, ntargs);
    memcpy(t->u.named.targs, targs, sizeof(Type *) * (size_t)ntargs);
    t->u.named.ntargs = ntargs;
    t->u.named.resolver = r;
    if (orig->flags & TF_NOTINHEAP)
        t->flags |= TF_NOTINHEAP;
    return t;
}

Type *types_new_typeparam(Arena *a, Object *obj, int index, Type *bound) {
    Type *t = new_type(a, TY_TYPEPARAM);
    t->u.tparam.obj = obj;
    t->u.tparam.index = index;
    t->u.tparam.bound = bound;
    if (obj && !obj->type)
        obj->type = t;
    return t;
}

// Runs the resolver of an unexpanded named type once.
static void named_resolve(Type *t) {
    NamedResolver *r = t->u.named.resolver;
    if (!r || types_lazy(t) & LZ_EXPANDED)
        return;
    types_lock();
    if (!(t->lazy & (LZ_EXPANDED | LZ_RESOLVING))) {
        types_lazy_set(t, LZ_RESOLVING, 0);
        r->resolve(r->ctx, t);
        types_lazy_set(t, LZ_EXPANDED, LZ_RESOLVING);
    }
    types_unlock();
}

// The thread's bindings; the map is freed whenever none is left, so a
// thread that ends leaves nothing behind.
static _Thread_local struct {
    PtrMap map;     // TY_TYPEPARAM -> shape (NULL: unbound)
    int bound;      // how many are bound
} shapes;

void types_bind_shape(Type *tparam, Type *shape) {
    if (!tparam || tparam->kind != TY_TYPEPARAM)
        return;
    Type *old = ptrmap_get(&shapes.map, tparam);
    ptrmap_put(&shapes.map, tparam, shape);
    shapes.bound += (shape != NULL) - (old != NULL);
    if (shapes.bound == 0)
        ptrmap_free(&shapes.map);
}

Type *types_tparam_shape(const Type *tparam) {
    return shapes.bound ? ptrmap_get(&shapes.map, tparam) : NULL;
}

Type *types_under(Type *t) {
    if (!t)
        return TYP(TY_INVALID);
    if (t->kind == TY_TYPEPARAM) {
        if (types_tparam_shape(t))
            return types_under(types_tparam_shape(t));
        Type *b = t->u.tparam.bound;
        Type *u = b ? types_under(b) : NULL;
        // A constraint that is not an interface ([P *S], [U []T]) stands
        // for the implicit interface{P}; make it on first use, as types2's
        // TypeParam.iface does, in the arena of the declaring package.
        if (u && u->kind != TY_INTERFACE && u->kind != TY_INVALID && t->u.tparam.obj && t->u.tparam.obj->pkg)
            return types_tparam_iface(&t->u.tparam.obj->pkg->arena, t);
        return u ? u : TYP(TY_INVALID);
    }
    if (t->kind != TY_NAMED)
        return t;
    // (an instance's underlying type is set before its methods: it is
    // complete only once expanded)
    if (!t->u.named.underlying || t->u.named.resolver)
        named_resolve(t);
    Type *u = t->u.named.underlying;
    // The declared right-hand side may itself be a named type whose
    // underlying type was not known when this one was declared. Follow the
    // chain, guarding against cycles (reported by the checker).
    int guard = 0;
    while (u && u->kind == TY_NAMED) {
        if (!u->u.named.underlying || u->u.named.resolver)
            named_resolve(u);
        u = u->u.named.underlying;
        if (++guard > 100)
            return TYP(TY_INVALID);
    }
    if (!u)
        return TYP(TY_INVALID);
    if (!base_threaded())
        t->u.named.underlying = u;  // shorten the chain for later calls
    return u;
}

Object **types_named_methods(Type *t, int *n) {
    if (t->kind != TY_NAMED) {
        *n = 0;
        return NULL;
    }
    if (t->u.named.orig != t)
        named_resolve(t);
    *n = t->u.named.methods.len;
    return t->u.named.methods.data;
}

Type *types_tuple_at(Type *tuple, int i) {
    return tuple->u.tuple.vars[i]->type;
}

int types_tuple_len(Type *tuple) {
    return tuple ? tuple->u.tuple.n : 0;
}

Type *types_tparam_iface(Arena *a, Type *tparam) {
    types_lock();
    Type *b = tparam->u.tparam.bound;
    Type *u = b ? types_under(b) : NULL;
    Type *it = !u || u->kind == TY_INVALID ? types_universe.any_type : u;
    if (u && u->kind != TY_INVALID && (u->kind != TY_INTERFACE || b->kind == TY_TYPEPARAM)) {
        // A non-interface constraint (possible after errors, or [T ~int]
        // sugar that the checker did not wrap): make the implicit
        // interface {b}.
        Type **emb = ARENA_ARRAY(a, Type *, 1);
        emb[0] = b;
        it = types_new_interface(a, NULL, 0, emb, NULL, 1);
        it->flags |= TF_IMPLICIT;
        tparam->u.tparam.bound = it;
    }
    types_unlock();
    return it;
}

// ---- objects ----

// unicode.Upper (Unicode 13, Go 1.19) above ASCII, as {lo, hi, stride}
// ranges. Printed by a few lines of Go ranging over unicode.Upper.R16
// (entries with Hi >= 0x80) and unicode.Upper.R32 with "{0x%X, 0x%X, %d}".
static const uint32_t upper_ranges[][3] = {
    {0xC0, 0xD6, 1}, {0xD8, 0xDE, 1}, {0x100, 0x136, 2}, {0x139, 0x147, 2},
    {0x14A, 0x178, 2}, {0x179, 0x17D, 2}, {0x181, 0x182, 1}, {0x184, 0x186, 2},
    {0x187, 0x189, 2}, {0x18A, 0x18B, 1}, {0x18E, 0x191, 1}, {0x193, 0x194, 1},
    {0x196, 0x198, 1}, {0x19C, 0x19D, 1}, {0x19F, 0x1A0, 1}, {0x1A2, 0x1A6, 2},
    {0x1A7, 0x1A9, 2}, {0x1AC, 0x1AE, 2}, {0x1AF, 0x1B1, 2}, {0x1B2, 0x1B3, 1},
    {0x1B5, 0x1B7, 2}, {0x1B8, 0x1BC, 4}, {0x1C4, 0x1CD, 3}, {0x1CF, 0x1DB, 2},
    {0x1DE, 0x1EE, 2}, {0x1F1, 0x1F4, 3}, {0x1F6, 0x1F8, 1}, {0x1FA, 0x232, 2},
    {0x23A, 0x23B, 1}, {0x23D, 0x23E, 1}, {0x241, 0x243, 2}, {0x244, 0x246, 1},
    {0x248, 0x24E, 2}, {0x370, 0x372, 2}, {0x376, 0x37F, 9}, {0x386, 0x388, 2},
    {0x389, 0x38A, 1}, {0x38C, 0x38E, 2}, {0x38F, 0x391, 2}, {0x392, 0x3A1, 1},
    {0x3A3, 0x3AB, 1}, {0x3CF, 0x3D2, 3}, {0x3D3, 0x3D4, 1}, {0x3D8, 0x3EE, 2},
    {0x3F4, 0x3F7, 3}, {0x3F9, 0x3FA, 1}, {0x3FD, 0x42F, 1}, {0x460, 0x480, 2},
    {0x48A, 0x4C0, 2}, {0x4C1, 0x4CD, 2}, {0x4D0, 0x52E, 2}, {0x531, 0x556, 1},
    {0x10A0, 0x10C5, 1}, {0x10C7, 0x10CD, 6}, {0x13A0, 0x13F5, 1}, {0x1C90, 0x1CBA, 1},
    {0x1CBD, 0x1CBF, 1}, {0x1E00, 0x1E94, 2}, {0x1E9E, 0x1EFE, 2}, {0x1F08, 0x1F0F, 1},
    {0x1F18, 0x1F1D, 1}, {0x1F28, 0x1F2F, 1}, {0x1F38, 0x1F3F, 1}, {0x1F48, 0x1F4D, 1},
    {0x1F59, 0x1F5F, 2}, {0x1F68, 0x1F6F, 1}, {0x1FB8, 0x1FBB, 1}, {0x1FC8, 0x1FCB, 1},
    {0x1FD8, 0x1FDB, 1}, {0x1FE8, 0x1FEC, 1}, {0x1FF8, 0x1FFB, 1}, {0x2102, 0x2107, 5},
    {0x210B, 0x210D, 1}, {0x2110, 0x2112, 1}, {0x2115, 0x2119, 4}, {0x211A, 0x211D, 1},
    {0x2124, 0x212A, 2}, {0x212B, 0x212D, 1}, {0x2130, 0x2133, 1}, {0x213E, 0x213F, 1},
    {0x2145, 0x2183, 62}, {0x2C00, 0x2C2E, 1}, {0x2C60, 0x2C62, 2}, {0x2C63, 0x2C64, 1},
    {0x2C67, 0x2C6D, 2}, {0x2C6E, 0x2C70, 1}, {0x2C72, 0x2C75, 3}, {0x2C7E, 0x2C80, 1},
    {0x2C82, 0x2CE2, 2}, {0x2CEB, 0x2CED, 2}, {0x2CF2, 0xA640, 31054}, {0xA642, 0xA66C, 2},
    {0xA680, 0xA69A, 2}, {0xA722, 0xA72E, 2}, {0xA732, 0xA76E, 2}, {0xA779, 0xA77D, 2},
    {0xA77E, 0xA786, 2}, {0xA78B, 0xA78D, 2}, {0xA790, 0xA792, 2}, {0xA796, 0xA7AA, 2},
    {0xA7AB, 0xA7AE, 1}, {0xA7B0, 0xA7B4, 1}, {0xA7B6, 0xA7BE, 2}, {0xA7C2, 0xA7C4, 2},
    {0xA7C5, 0xA7C7, 1}, {0xA7C9, 0xA7F5, 44}, {0xFF21, 0xFF3A, 1}, {0x10400, 0x10427, 1},
    {0x104B0, 0x104D3, 1}, {0x10C80, 0x10CB2, 1}, {0x118A0, 0x118BF, 1}, {0x16E40, 0x16E5F, 1},
    {0x1D400, 0x1D419, 1}, {0x1D434, 0x1D44D, 1}, {0x1D468, 0x1D481, 1}, {0x1D49C, 0x1D49E, 2},
    {0x1D49F, 0x1D4A5, 3}, {0x1D4A6, 0x1D4A9, 3}, {0x1D4AA, 0x1D4AC, 1}, {0x1D4AE, 0x1D4B5, 1},
    {0x1D4D0, 0x1D4E9, 1}, {0x1D504, 0x1D505, 1}, {0x1D507, 0x1D50A, 1}, {0x1D50D, 0x1D514, 1},
    {0x1D516, 0x1D51C, 1}, {0x1D538, 0x1D539, 1}, {0x1D53B, 0x1D53E, 1}, {0x1D540, 0x1D544, 1},
    {0x1D546, 0x1D54A, 4}, {0x1D54B, 0x1D550, 1}, {0x1D56C, 0x1D585, 1}, {0x1D5A0, 0x1D5B9, 1},
    {0x1D5D4, 0x1D5ED, 1}, {0x1D608, 0x1D621, 1}, {0x1D63C, 0x1D655, 1}, {0x1D670, 0x1D689, 1},
    {0x1D6A8, 0x1D6C0, 1}, {0x1D6E2, 0x1D6FA, 1}, {0x1D71C, 0x1D734, 1}, {0x1D756, 0x1D76E, 1},
};

bool types_is_exported(Str name) {
    if (!name || !name[0])
        return false;
    unsigned char c = (unsigned char)name[0];
    if (c < 0x80)
        return c >= 'A' && c <= 'Z';
    int w;
    uint32_t r = types_decode_rune((const unsigned char *)name, strlen(name), &w);
    int lo = 0, hi = (int)(sizeof upper_ranges / sizeof upper_ranges[0]) - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (r < upper_ranges[mid][0])
            hi = mid - 1;
        else if (r > upper_ranges[mid][1])
            lo = mid + 1;
        else
            return (r - upper_ranges[mid][0]) % upper_ranges[mid][2] == 0;
    }
    return false;
}

Object *types_new_object(Arena *a, ObjKind kind, Pos pos, struct Package *pkg, Str name, Type *type) {
    Object *o = ARENA_NEW(a, Object);
    o->kind = (uint8_t)kind;
    o->pos = pos;
    o->pkg = pkg;
    o->name = name;
    o->type = type;
    if (types_is_exported(name))
        o->flags |= OF_EXPORTED;
    return o;
}

Object *types_new_var(Arena *a, Pos pos, struct Package *pkg, Str name, Type *type) {
    return types_new_object(a, OBJ_VAR, pos, pkg, name, type);
}

Object *types_new_param(Arena *a, Pos pos, struct Package *pkg, Str name, Type *type) {
    Object *o = types_new_object(a, OBJ_VAR, pos, pkg, name, type);
    o->flags |= OF_PARAM | OF_USED;  // parameters are never "declared and not used"
    return o;
}

Object *types_new_field(Arena *a, Pos pos, struct Package *pkg, Str name, Type *type, bool embedded) {
    Object *o = types_new_object(a, OBJ_VAR, pos, pkg, name, type);
    o->flags |= OF_FIELD;
    if (embedded)
        o->flags |= OF_EMBEDDED;
    return o;
}

Object *types_new_const(Arena *a, Pos pos, struct Package *pkg, Str name, Type *type, Const *val) {
    Object *o = types_new_object(a, OBJ_CONST, pos, pkg, name, type);
    o->u.const_.val = val;
    return o;
}

Object *types_new_typename(Arena *a, Pos pos, struct Package *pkg, Str name, Type *type) {
    return types_new_object(a, OBJ_TYPENAME, pos, pkg, name, type);
}

Object *types_new_func(Arena *a, Pos pos, struct Package *pkg, Str name, Type *sig) {
    Object *o = types_new_object(a, OBJ_FUNC, pos, pkg, name, sig);
    if (sig && sig->kind == TY_FUNC && sig->u.func.recv) {
        Type *rt = sig->u.func.recv->type;
        if (rt && rt->kind == TY_POINTER)
            o->flags |= OF_PTR_RECV;
    }
    return o;
}

Object *types_new_label(Arena *a, Pos pos, struct Package *pkg, Str name) {
    return types_new_object(a, OBJ_LABEL, pos, pkg, name, NULL);
}

Object *types_new_pkgname(Arena *a, Pos pos, struct Package *pkg, Str name, struct Package *imported) {
    Object *o = types_new_object(a, OBJ_PKGNAME, pos, pkg, name, TYP(TY_INVALID));
    o->u.pkgname.imported = imported;
    return o;
}

bool types_same_id(Object *obj, struct Package *pkg, Str name) {
    if (obj->name != name)
        return false;
    if (obj->flags & OF_EXPORTED)
        return true;
    // Unexported names are package-local; universe objects (pkg NULL) such
    // as error.Error are exported anyway.
    return obj->pkg == pkg;
}

bool types_method_less(Object *a, Object *b) {
    if (a == b)
        return false;
    bool ea = (a->flags & OF_EXPORTED) != 0, eb = (b->flags & OF_EXPORTED) != 0;
    if (ea != eb)
        return ea;
    if (a->name != b->name) {
        int c = strcmp(a->name ? a->name : "", b->name ? b->name : "");
        if (c != 0)
            return c < 0;
    }
    if (!ea && a->pkg != b->pkg && a->pkg && b->pkg)
        return strcmp(a->pkg->path, b->pkg->path) < 0;
    return false;
}
