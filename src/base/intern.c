// intern.c: the process-wide string table. Interned strings live forever
// in a private arena; the hash table is open-addressed with linear probing.
// Each string is stored after its 32-bit length, so str_len is O(1).
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"

typedef struct InternTable {
    Str *slots;
    uint32_t *hashes;
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
    Str *slots = xcalloc(ncap, sizeof(Str));
    uint32_t *hashes = xcalloc(ncap, sizeof(uint32_t));
    for (size_t i = 0; i < table.cap; i++) {
        if (!table.slots[i])
            continue;
        size_t j = table.hashes[i] & (ncap - 1);
        while (slots[j])
            j = (j + 1) & (ncap - 1);
        slots[j] = table.slots[i];
        hashes[j] = table.hashes[i];
    }
    free(table.slots);
    free(table.hashes);
    table.slots = slots;
    table.hashes = hashes;
    table.cap = ncap;
}

Str str_intern(const char *s, size_t n) {
    if (n > UINT32_MAX)
        fatal("string too long to intern");
    if ((table.count + 1) * 2 > table.cap)
        grow();
    uint32_t h = hash_bytes(s, n);
    size_t i = h & (table.cap - 1);
    for (; table.slots[i]; i = (i + 1) & (table.cap - 1)) {
        if (table.hashes[i] == h && str_len(table.slots[i]) == n &&
            memcmp(table.slots[i], s, n) == 0)
            return table.slots[i];
    }
    char *p = arena_alloc(&table.arena, sizeof(uint32_t) + n + 1);
    uint32_t len = (uint32_t)n;
    memcpy(p, &len, sizeof len);
    memcpy(p + sizeof len, s, n);
    table.slots[i] = p + sizeof len;
    table.hashes[i] = h;
    table.count++;
    return table.slots[i];
}

Str str_cstr(const char *s) { return str_intern(s, strlen(s)); }

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
