// intern.c: the process-wide string table. Interned strings live forever
// in a private arena; the hash table is open-addressed with linear probing.
// Each string is stored after its 32-bit length, so str_len is O(1).
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"

// A slot keeps the hash and length beside the string, so that a probe
// that misses reads one cache line and not the string.
typedef struct InternSlot {
    Str s;              // NULL: empty
    uint32_t hash, len;
} InternSlot;

typedef struct InternTable {
    InternSlot *slots;
    size_t cap, count;
    Arena arena;
} InternTable;

static InternTable table;

static uint32_t hash_bytes(const char *s, size_t n) {
    uint32_t h = 2166136261u;  // FNV-1a
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static void grow(void) {
    size_t ncap = table.cap ? table.cap * 2 : 4096;
    InternSlot *slots = xcalloc(ncap, sizeof *slots);
    for (size_t i = 0; i < table.cap; i++) {
        if (!table.slots[i].s)
            continue;
        size_t j = table.slots[i].hash & (ncap - 1);
        while (slots[j].s)
            j = (j + 1) & (ncap - 1);
        slots[j] = table.slots[i];
    }
    free(table.slots);
    table.slots = slots;
    table.cap = ncap;
}

Str str_intern(const char *s, size_t n) {
    if (n > UINT32_MAX)
        fatal("string too long to intern");
    if ((table.count + 1) * 2 > table.cap)
        grow();
    uint32_t h = hash_bytes(s, n);
    size_t i = h & (table.cap - 1);
    for (; table.slots[i].s; i = (i + 1) & (table.cap - 1)) {
        InternSlot *e = &table.slots[i];
        if (e->hash == h && e->len == n && memcmp(e->s, s, n) == 0)
            return e->s;
    }
    char *p = arena_alloc(&table.arena, sizeof(uint32_t) + n + 1);
    uint32_t len = (uint32_t)n;
    memcpy(p, &len, sizeof len);
    memcpy(p + sizeof len, s, n);
    table.slots[i] = (InternSlot){p + sizeof len, h, len};
    table.count++;
    return table.slots[i].s;
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
