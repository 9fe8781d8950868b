// arena.c: zero-filling bump allocation in chunks. Large requests get a
// chunk of their own so that a huge literal does not waste a standard chunk.
//
// Standard chunks grow with the arena, from 16 KiB to 256 KiB: a run makes
// many small arenas (a dependency's facts, one function's scratch), and
// with huge pages every page a chunk touches is cleared whole, so a small
// arena on a big chunk cost the clearing of memory it never used.
//
// Standard chunks come from a process-wide pool carved out of big mappings
// that ask for transparent huge pages. Fresh pages are already zero, so
// nothing is cleared twice, and one fault maps 2 MiB instead of 4 KiB: page
// faults and clearing were a third of a small run's time. A released chunk
// returns to its size's free list and is cleared again, over the bytes it
// had used, only when it is handed out next. Under AddressSanitizer every
// chunk is an ordinary allocation instead, so that LeakSanitizer sees lost
// arenas.
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "base.h"

enum { MIN_CHUNK_SHIFT = 14, NCLASSES = 5, CHUNK_SIZE = (1 << MIN_CHUNK_SHIFT) << (NCLASSES - 1) };

struct ArenaChunk {
    ArenaChunk *next;
    size_t used, size;
    _Alignas(16) unsigned char data[];
};

// The size class of a standard chunk size, or -1 for a big object's chunk.
static int chunk_class(size_t size) {
    for (int k = 0; k < NCLASSES; k++)
        if (size == (size_t)1 << (MIN_CHUNK_SHIFT + k))
            return k;
    return -1;
}

#if defined(__SANITIZE_ADDRESS__)
#define ARENA_POOL 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_POOL 0
#endif
#endif
#ifndef ARENA_POOL
#define ARENA_POOL 1
#endif

#if ARENA_POOL
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23  // Linux 5.14
#endif
// Pages are populated ahead of use, POPULATE_STEP at a time: one madvise
// maps them all, where a fault per huge page cost up to a millisecond on
// a virtual machine. (Where it fails, the pages fault in as before.)
enum { REGION_SIZE = 64 << 20, HUGE_PAGE = 2 << 20, POPULATE_STEP = 4 << 20 };
static struct {
    pthread_mutex_t mu;
    unsigned char *next, *end;      // unused part of the current mapping
    unsigned char *populated;       // [next, populated) is mapped in
    ArenaChunk *free[NCLASSES];     // released chunks (used: bytes to clear)
} pool = {.mu = PTHREAD_MUTEX_INITIALIZER};

// A standard chunk of class k from the pool, or NULL when no mapping can
// be made.
static ArenaChunk *pool_get(int k) {
    pthread_mutex_lock(&pool.mu);
    ArenaChunk *c = pool.free[k];
    if (c) {
        pool.free[k] = c->next;
        pthread_mutex_unlock(&pool.mu);
        memset(c->data, 0, c->used);
        return c;
    }
    size_t need = sizeof(ArenaChunk) + ((size_t)1 << (MIN_CHUNK_SHIFT + k));
    if ((size_t)(pool.end - pool.next) < need) {
        // Over-map so that the region can start on a huge-page boundary.
        unsigned char *m = mmap(NULL, REGION_SIZE + HUGE_PAGE, PROT_READ | PROT_WRITE,
                                MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (m == MAP_FAILED) {
            pthread_mutex_unlock(&pool.mu);
            return NULL;
        }
        unsigned char *start = (unsigned char *)(((uintptr_t)m + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
        madvise(start, REGION_SIZE, MADV_HUGEPAGE);
        pool.next = pool.populated = start;
        pool.end = start + REGION_SIZE;
    }
    c = (ArenaChunk *)pool.next;
    pool.next += need;
    if (pool.next > pool.populated) {
        size_t n = (size_t)(pool.next - pool.populated + POPULATE_STEP - 1) / POPULATE_STEP * POPULATE_STEP;
        if (n > (size_t)(pool.end - pool.populated))
            n = (size_t)(pool.end - pool.populated);
        madvise(pool.populated, n, MADV_POPULATE_WRITE);
        pool.populated += n;
    }
    pthread_mutex_unlock(&pool.mu);
    return c;
}

static void pool_put(ArenaChunk *c, int k) {
    pthread_mutex_lock(&pool.mu);
    c->next = pool.free[k];
    pool.free[k] = c;
    pthread_mutex_unlock(&pool.mu);
}
#endif

static ArenaChunk *new_chunk(Arena *a, size_t size) {
    ArenaChunk *c = NULL;
#if ARENA_POOL
    int k = chunk_class(size);
    if (k >= 0)
        c = pool_get(k);
#endif
    if (!c)
        c = xcalloc(1, sizeof(ArenaChunk) + size);
    c->used = 0;
    c->size = size;
    a->total += size;
    return c;
}

static void release_chunk(ArenaChunk *c) {
#if ARENA_POOL
    int k = chunk_class(c->size);
    if (k >= 0) {   // even one calloc'd when mapping failed
        pool_put(c, k);
        return;
    }
#endif
    free(c);
}

// The next standard chunk's size: about what the arena holds already, so
// that the chunks double up to the largest class.
static size_t next_chunk_size(const Arena *a) {
    size_t size = (size_t)1 << MIN_CHUNK_SHIFT;
    while (size < CHUNK_SIZE && size < a->total)
        size <<= 1;
    return size;
}

void *arena_alloc(Arena *a, size_t n) {
    n = (n + 7) & ~(size_t)7;
    ArenaChunk *c = a->head;
    if (!c || c->size - c->used < n) {
        size_t size = next_chunk_size(a);
        if (n > size / 4) {
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
            return big->data;
        }
        c = new_chunk(a, size);
        c->next = a->head;
        a->head = c;
    }
    void *p = c->data + c->used;
    c->used += n;
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
        if (!keep && chunk_class(c->size) >= 0) {
            keep = c;
            continue;
        }
        a->total -= c->size;
        release_chunk(c);
    }
    if (keep) {
        memset(keep->data, 0, keep->used);
        keep->next = NULL;
        keep->used = 0;
    }
    a->head = keep;
}

void arena_adopt(Arena *dst, Arena *src) {
    if (!src->head)
        return;
    ArenaChunk *tail = src->head;
    while (tail->next)
        tail = tail->next;
    // behind dst's current chunk, which allocation goes on filling
    if (dst->head) {
        tail->next = dst->head->next;
        dst->head->next = src->head;
    } else {
        dst->head = src->head;
    }
    dst->total += src->total;
    src->head = NULL;
    src->total = 0;
}

void arena_free(Arena *a) {
    for (ArenaChunk *c = a->head, *next; c; c = next) {
        next = c->next;
        release_chunk(c);
    }
    a->head = NULL;
    a->total = 0;
}
