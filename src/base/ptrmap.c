// ptrmap.c: pointer-keyed hash map with linear probing. Pointers are
// mixed with a multiplicative hash because arena addresses share low bits.
#include <stdlib.h>

#include "base.h"

static size_t slot_of(const void *key, size_t cap) {
    uint64_t h = (uint64_t)(uintptr_t)key * 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 32) & (cap - 1);
}

void *ptrmap_get(const PtrMap *m, const void *key) {
    if (m->len == 0)
        return NULL;
    for (size_t i = slot_of(key, m->cap);; i = (i + 1) & (m->cap - 1)) {
        if (m->slots[i].key == key)
            return m->slots[i].val;
        if (!m->slots[i].key)
            return NULL;
    }
}

static void grow(PtrMap *m) {
    size_t ncap = m->cap ? m->cap * 2 : 64;
    PtrMapSlot *slots = xcalloc(ncap, sizeof *slots);
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->slots[i].key)
            continue;
        size_t j = slot_of(m->slots[i].key, ncap);
        while (slots[j].key)
            j = (j + 1) & (ncap - 1);
        slots[j] = m->slots[i];
    }
    free(m->slots);
    m->slots = slots;
    m->cap = ncap;
}

void ptrmap_put(PtrMap *m, const void *key, void *val) {
    if (!key)
        fatal("ptrmap_put: NULL key");
    if ((m->len + 1) * 2 > m->cap)
        grow(m);
    size_t i = slot_of(key, m->cap);
    while (m->slots[i].key && m->slots[i].key != key)
        i = (i + 1) & (m->cap - 1);
    if (!m->slots[i].key)
        m->len++;
    m->slots[i].key = key;
    m->slots[i].val = val;
}

void ptrmap_free(PtrMap *m) {
    free(m->slots);
    m->slots = NULL;
    m->cap = m->len = 0;
}
