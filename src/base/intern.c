// intern.c: the process-wide string table. Interned strings live forever
// in a private arena; the hash table is open-addressed with linear probing.
// Each string is stored after its 32-bit length, so str_len is O(1).
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"

// A slot keeps the hash and length beside the string, so that a probe
// that misses reads one cache line and not the string.
typedef struct InternSlot {
    Str s;              // NULL: empty; set last, with a release store
    uint32_t hash, len;
} InternSlot;

typedef struct InternSlots {
    size_t cap;
    InternSlot slot[];
} InternSlots;

// Lookups take no lock, so that -j's threads do not queue on the names
// they all look up; adding one takes table_mu (when threaded). An array
// that growing replaced stays, retired, for a lookup still probing it:
// that one misses at worst, and then looks again under the lock.
typedef struct InternTable {
    InternSlots *cur;   // published with a release store
    size_t count;
    VEC(InternSlots *) retired;
    Arena arena;
} InternTable;

static InternTable table;
static pthread_mutex_t table_mu = PTHREAD_MUTEX_INITIALIZER;

static uint32_t hash_bytes(const char *s, size_t n) {
    uint32_t h = 2166136261u;  // FNV-1a
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

// The string in t, or NULL and the empty slot where it would go.
static Str probe(const InternSlots *t, const char *s, size_t n, uint32_t h, size_t *at) {
    size_t mask = t->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const InternSlot *e = &t->slot[i];
        Str es = __atomic_load_n(&e->s, __ATOMIC_ACQUIRE);
        if (!es) {
            *at = i;
            return NULL;
        }
        if (e->hash == h && e->len == n && memcmp(es, s, n) == 0)
            return es;
    }
}

static void grow(void) {
    InternSlots *old = table.cur;
    size_t ncap = old ? old->cap * 2 : 4096;
    InternSlots *t = xcalloc(1, sizeof *t + ncap * sizeof(InternSlot));
    t->cap = ncap;
    for (size_t i = 0; old && i < old->cap; i++) {
        if (!old->slot[i].s)
            continue;
        size_t j = old->slot[i].hash & (ncap - 1);
        while (t->slot[j].s)
            j = (j + 1) & (ncap - 1);
        t->slot[j] = old->slot[i];
    }
    if (old)
        vec_push(&table.retired, old);
    __atomic_store_n(&table.cur, t, __ATOMIC_RELEASE);
}

// (the caller holds table_mu when threaded)
static Str insert(const char *s, size_t n, uint32_t h) {
    if (!table.cur || (table.count + 1) * 2 > table.cur->cap)
        grow();
    size_t at;
    Str found = probe(table.cur, s, n, h, &at);
    if (found)
        return found;
    char *p = arena_alloc(&table.arena, sizeof(uint32_t) + n + 1);
    uint32_t len = (uint32_t)n;
    memcpy(p, &len, sizeof len);
    memcpy(p + sizeof len, s, n);
    InternSlot *e = &table.cur->slot[at];
    e->hash = h;
    e->len = len;
    __atomic_store_n(&e->s, p + sizeof len, __ATOMIC_RELEASE);
    table.count++;
    return p + sizeof len;
}

Str str_intern(const char *s, size_t n) {
    if (n > UINT32_MAX)
        fatal("string too long to intern");
    uint32_t h = hash_bytes(s, n);
    InternSlots *t = __atomic_load_n(&table.cur, __ATOMIC_ACQUIRE);
    size_t at;
    Str found = t ? probe(t, s, n, h, &at) : NULL;
    if (found)
        return found;
    bool lock = base_threaded();
    if (lock)
        pthread_mutex_lock(&table_mu);
    found = insert(s, n, h);
    if (lock)
        pthread_mutex_unlock(&table_mu);
    return found;
}

Str str_cstr(const char *s) { return str_intern(s, strlen(s)); }

Str str_in_arena(Arena *a, const char *s, size_t n) {
    if (n > UINT32_MAX)
        fatal("string too long");
    char *p = arena_alloc(a, sizeof(uint32_t) + n + 1);
    uint32_t len = (uint32_t)n;
    memcpy(p, &len, sizeof len);
    memcpy(p + sizeof len, s, n);
    p[sizeof len + n] = '\0';
    return p + sizeof len;
}

size_t str_len(Str s) {
    uint32_t len;
    memcpy(&len, s - sizeof len, sizeof len);
    return len;
}

Str str_printf(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *s = xvasprintf(fmt, ap);
    va_end(ap);
    Str r = str_cstr(s);
    free(s);
    return r;
}
