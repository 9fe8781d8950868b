// scope.c: lexical scopes. Names are interned Strs, so a scope is a small
// open-addressed hash keyed by the Str pointer, mapping to an index into
// the insertion-ordered elems array (go/types keeps a map plus sorts on
// demand; gc's own declaration order matters to us, so we keep it).
// Lookups honour each object's scope_pos: in `x := x` the right-hand x
// is the outer one, as go/types' LookupParent has it.
#include "types.h"

#include <stdlib.h>
#include <string.h>

Scope *types_new_scope(Arena *a, Scope *parent, Pos pos, Pos end, const char *comment) {
    Scope *s = ARENA_NEW(a, Scope);
    s->parent = parent;
    s->pos = pos;
    s->end = end;
    s->comment = comment;
    s->arena = a;
    if (parent) {
        // (package scopes are the universe's children, made by checks
        // that -j runs at once)
        bool shared = parent == types_universe.scope;
        if (shared)
            types_lock();
        if (parent->last_child)
            parent->last_child->next_sibling = s;
        else
            parent->first_child = s;
        parent->last_child = s;
        if (shared)
            types_unlock();
    }
    return s;
}

static uint32_t hash_str(Str name) {
    uintptr_t h = (uintptr_t)name;
    h ^= h >> 17;
    h *= 0x9E3779B97F4A7C15ull;
    return (uint32_t)(h >> 32);
}

// Returns the table slot for name: either holding it or empty.
static int find_slot(Scope *s, Str name) {
    uint32_t mask = (uint32_t)s->captable - 1;
    uint32_t i = hash_str(name) & mask;
    for (;;) {
        int32_t e = s->table[i];
        if (e == 0 || s->elems[e - 1]->name == name)
            return (int)i;
        i = (i + 1) & mask;
    }
}

static void rehash(Scope *s, int cap) {
    s->table = ARENA_ARRAY(s->arena, int32_t, cap);
    s->captable = cap;
    for (int k = 0; k < s->nelems; k++)
        s->table[find_slot(s, s->elems[k]->name)] = k + 1;
}

Object *types_scope_lookup(Scope *s, Str name) {
    if (!s || s->captable == 0)
        return NULL;
    int32_t e = s->table[find_slot(s, name)];
    return e ? s->elems[e - 1] : NULL;
}

// Appends obj to elems and the table; the name is known to be absent.
static void add(Scope *s, Object *obj) {
    if (s->nelems == s->capelems) {
        int cap = s->capelems ? s->capelems * 2 : 8;
        Object **n = ARENA_ARRAY(s->arena, Object *, cap);
        if (s->nelems)
            memcpy(n, s->elems, sizeof(Object *) * (size_t)s->nelems);
        s->elems = n;
        s->capelems = cap;
    }
    s->elems[s->nelems++] = obj;
    // Keep the load factor at or below one half.
    if (s->nelems * 2 > s->captable)
        rehash(s, s->captable ? s->captable * 2 : 16);
    else
        s->table[find_slot(s, obj->name)] = s->nelems;
}

Object *types_scope_insert(Scope *s, Object *obj) {
    Object *old = types_scope_lookup(s, obj->name);
    if (old)
        return old;
    add(s, obj);
    if (!obj->parent)
        obj->parent = s;
    return NULL;
}

void types_scope_set(Scope *s, Object *obj) {
    if (s->captable) {
        int slot = find_slot(s, obj->name);
        if (s->table[slot]) {
            s->elems[s->table[slot] - 1] = obj;
            obj->parent = s;
            return;
        }
    }
    add(s, obj);
    obj->parent = s;
}

Object *types_scope_lookup_parent(Scope *s, Str name, Pos pos, Scope **found) {
    for (; s; s = s->parent) {
        Object *o = types_scope_lookup(s, name);
        // A local name is visible only from its scope_pos on; objects
        // declared without one (package level, universe) everywhere.
        if (o && (pos == NOPOS || o->scope_pos <= pos)) {
            if (found)
                *found = s;
            return o;
        }
    }
    if (found)
        *found = NULL;
    return NULL;
}

Scope *types_scope_innermost(Scope *s, Pos pos) {
    // The universe and package scopes have no extent; search their
    // children (file scopes) in that case.
    if (s->pos == NOPOS && s->end == NOPOS) {
        for (Scope *c = s->first_child; c; c = c->next_sibling) {
            Scope *r = types_scope_innermost(c, pos);
            if (r)
                return r;
        }
        return NULL;
    }
    if (pos < s->pos || pos > s->end)
        return NULL;
    for (Scope *c = s->first_child; c; c = c->next_sibling) {
        Scope *r = types_scope_innermost(c, pos);
        if (r)
            return r;
    }
    return s;
}

static int name_cmp(const void *x, const void *y) {
    Object *a = *(Object *const *)x, *b = *(Object *const *)y;
    return strcmp(a->name, b->name);
}

Object **types_scope_sorted(Arena *a, Scope *s) {
    Object **v = ARENA_ARRAY(a, Object *, s->nelems ? s->nelems : 1);
    if (s->nelems)
        memcpy(v, s->elems, sizeof(Object *) * (size_t)s->nelems);
    qsort(v, (size_t)s->nelems, sizeof(Object *), name_cmp);
    return v;
}
