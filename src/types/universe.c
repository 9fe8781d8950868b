// universe.c: the predeclared world. types_universe is the checker's one
// process-wide mutable global: built once by types_universe_init (before
// any package is checked), read-only afterwards, and shared by every
// package so that predeclared types compare by pointer everywhere. It
// holds the universe scope (bool ... string, byte, rune, any, error,
// comparable, true, false, iota, nil and the builtins) and the scope of
// package unsafe (Pointer, Add, Alignof, Offsetof, Sizeof, Slice).
#include <pthread.h>
#include "types.h"

Universe types_universe;
static bool universe_ready;

static Type *new_basic(Arena *a, TypeKind k, const char *name) {
    Type *t = ARENA_NEW(a, Type);
    t->kind = (uint8_t)k;
    t->u.basic.name = str_cstr(name);
    return t;
}

// Declares a type name for t in scope s.
static Object *def_type(Arena *a, Scope *s, struct Package *pkg, const char *name, Type *t) {
    Object *o = types_new_typename(a, NOPOS, pkg, str_cstr(name), t);
    o->color = 1;  // black: fully declared
    types_scope_set(s, o);
    return o;
}

// The interface{ Error() string } behind the named type error.
static void make_error(Universe *u, Arena *a) {
    Object *tn = types_new_typename(a, NOPOS, NULL, str_cstr("error"), NULL);
    Type *err = types_new_named(a, tn, NULL);
    Object **res = ARENA_ARRAY(a, Object *, 1);
    res[0] = types_new_param(a, NOPOS, NULL, NULL, u->typ[TY_STRING]);
    Object *recv = types_new_param(a, NOPOS, NULL, NULL, err);
    recv->flags |= OF_RECV;
    Type *sig = types_new_signature(a, recv, NULL, types_new_tuple(a, res, 1), false);
    Object *m = types_new_func(a, NOPOS, NULL, str_cstr("Error"), sig);
    Object **methods = ARENA_ARRAY(a, Object *, 1);
    methods[0] = m;
    Type *it = types_new_interface(a, methods, 1, NULL, NULL, 0);
    // Its type set, built in as for the other universe interfaces: one
    // computed on demand would go to the side arena, which the universe
    // outlives (types_side_free).
    TypeSet *ts = ARENA_NEW(a, TypeSet);
    ts->methods = methods;
    ts->nmethods = 1;
    ts->all = true;
    it->u.iface.tset = ts;
    it->lazy |= LZ_TSET;
    types_named_set_underlying(err, it);
    // error.Error lives in the interface only, as in go/types: the named
    // type itself declares no methods.
    tn->color = 1;
    types_scope_set(u->scope, tn);
    u->error_type = err;
    u->error_method = m;
}

// comparable: a named interface whose type set is "all comparable types".
static void make_comparable(Universe *u, Arena *a) {
    Object *tn = types_new_typename(a, NOPOS, NULL, str_cstr("comparable"), NULL);
    Type *cmp = types_new_named(a, tn, NULL);
    Type *it = types_new_interface(a, NULL, 0, NULL, NULL, 0);
    TypeSet *ts = ARENA_NEW(a, TypeSet);
    ts->all = true;
    ts->comparable = true;
    it->u.iface.tset = ts;
    it->lazy |= LZ_TSET;
    types_named_set_underlying(cmp, it);
    tn->color = 1;
    types_scope_set(u->scope, tn);
    u->comparable_type = cmp;
}

static Type *make_empty_iface(Arena *a) {
    Type *it = types_new_interface(a, NULL, 0, NULL, NULL, 0);
    TypeSet *ts = ARENA_NEW(a, TypeSet);
    ts->all = true;
    it->u.iface.tset = ts;
    it->lazy |= LZ_TSET;
    return it;
}

static void universe_init(struct Package *unsafe_pkg) {
    Universe *u = &types_universe;
    if (universe_ready) {
        // A second caller may supply the unsafe package late (tests build
        // the universe without one first).
        if (unsafe_pkg && !u->unsafe_pkg) {
            u->unsafe_pkg = unsafe_pkg;
            for (int i = 0; i < u->unsafe_scope->nelems; i++)
                u->unsafe_scope->elems[i]->pkg = unsafe_pkg;
        }
        return;
    }
    universe_ready = true;
    Arena *a = &u->arena;
    u->unsafe_pkg = unsafe_pkg;
    u->scope = types_new_scope(a, NULL, NOPOS, NOPOS, "universe");
    u->unsafe_scope = types_new_scope(a, NULL, NOPOS, NOPOS, "package unsafe");

    for (int k = 0; k < TY_NBASIC; k++)
        u->typ[k] = new_basic(a, (TypeKind)k, type_kind_names[k]);
    u->byte_type = new_basic(a, TY_UINT8, "byte");
    u->rune_type = new_basic(a, TY_INT32, "rune");
    u->byte_slice = types_new_slice(a, u->byte_type);

    for (int k = TY_BOOL; k <= TY_STRING; k++)
        def_type(a, u->scope, NULL, type_kind_names[k], u->typ[k]);
    def_type(a, u->scope, NULL, "byte", u->byte_type)->flags |= OF_ALIAS;
    def_type(a, u->scope, NULL, "rune", u->rune_type)->flags |= OF_ALIAS;

    u->any_type = make_empty_iface(a);
    u->empty_iface = make_empty_iface(a);
    def_type(a, u->scope, NULL, "any", u->any_type)->flags |= OF_ALIAS;
    make_error(u, a);
    make_comparable(u, a);

    // Constants.
    ConstPool pool;  // universe constants are small: no GMP memory
    types_const_pool_init(&pool, a);
    u->true_obj = types_new_const(a, NOPOS, NULL, str_cstr("true"), u->typ[TY_UNTYPED_BOOL],
                                  types_const_bool(&pool, true));
    u->false_obj = types_new_const(a, NOPOS, NULL, str_cstr("false"), u->typ[TY_UNTYPED_BOOL],
                                   types_const_bool(&pool, false));
    u->iota = types_new_const(a, NOPOS, NULL, str_cstr("iota"), u->typ[TY_UNTYPED_INT],
                              types_const_int64(&pool, 0));
    types_scope_set(u->scope, u->true_obj);
    types_scope_set(u->scope, u->false_obj);
    types_scope_set(u->scope, u->iota);
    u->true_obj->color = u->false_obj->color = u->iota->color = 1;

    u->nil = types_new_object(a, OBJ_NIL, NOPOS, NULL, str_cstr("nil"), u->typ[TY_UNTYPED_NIL]);
    u->nil->color = 1;
    types_scope_set(u->scope, u->nil);

    for (int b = 0; b < BUILTIN_COUNT; b++) {
        bool is_unsafe = b >= BUILTIN_FIRST_UNSAFE;
        Object *o = types_new_object(a, OBJ_BUILTIN, NOPOS, is_unsafe ? unsafe_pkg : NULL,
                                     str_cstr(types_builtins[b].name), u->typ[TY_INVALID]);
        o->u.builtin.id = (BuiltinId)b;
        o->color = 1;
        types_scope_set(is_unsafe ? u->unsafe_scope : u->scope, o);
        u->builtins[b] = o;
    }
    def_type(a, u->unsafe_scope, unsafe_pkg, "Pointer", u->typ[TY_UNSAFE_POINTER]);
}

// -j's checking threads each make sure of it before a check.
void types_universe_init(struct Package *unsafe_pkg) {
    static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
    pthread_mutex_lock(&mu);
    universe_init(unsafe_pkg);
    pthread_mutex_unlock(&mu);
}
