// arena.c: zero-filling bump allocation in chunks. Large requests get a
// chunk of their own so that a huge literal does not waste a standard chunk.
#include <stdlib.h>
#include <string.h>

#include "base.h"

enum { CHUNK_SIZE = 256 * 1024 };

struct ArenaChunk {
    ArenaChunk *next;
    size_t used, size;
    _Alignas(16) unsigned char data[];
};

static ArenaChunk *new_chunk(Arena *a, size_t size) {
    ArenaChunk *c = xmalloc(sizeof(ArenaChunk) + size);
    c->used = 0;
    c->size = size;
    a->total += size;
    return c;
}

void *arena_alloc(Arena *a, size_t n) {
    n = (n + 7) & ~(size_t)7;
    ArenaChunk *c = a->head;
    if (!c || c->size - c->used < n) {
        if (n > CHUNK_SIZE / 4) {
            // Big object: its own chunk, linked behind the current one so
            // the current chunk keeps serving small requests.
            ArenaChunk *big = new_chunk(a, n);
            big->used = n;
            if (c) {
                big->next = c->next;
                c->next = big;
            } else {
                big->next = NULL;
                a->head = big;
            }
            memset(big->data, 0, n);
            return big->data;
        }
        c = new_chunk(a, CHUNK_SIZE);
        c->next = a->head;
        a->head = c;
    }
    void *p = c->data + c->used;
    c->used += n;
    memset(p, 0, n);
    return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n) {
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    return p;
}

void arena_reset(Arena *a) {
    ArenaChunk *keep = NULL;
    for (ArenaChunk *c = a->head, *next; c; c = next) {
        next = c->next;
        if (!keep && c->size == CHUNK_SIZE) {
            keep = c;
            continue;
        }
        a->total -= c->size;
        free(c);
    }
    if (keep) {
        keep->next = NULL;
        keep->used = 0;
    }
    a->head = keep;
}

void arena_free(Arena *a) {
    for (ArenaChunk *c = a->head, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    a->head = NULL;
    a->total = 0;
}
