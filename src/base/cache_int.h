// cache_int.h: what hash.c and cache.c share of the cache store and no
// other file needs (see cache.h for the interface).
#ifndef GOESC_CACHE_INT_H
#define GOESC_CACHE_INT_H

#include <pthread.h>
#include <sys/uio.h>

#include "cache.h"

// hash.c: the stat memo of cache_file_hash, loaded on first use.
typedef struct StatMemo StatMemo;
void memo_flush(StatMemo *m, const char *dir);   // when changed
void memo_free(StatMemo *m);

struct Cache {
    char *dir;
    bool readonly;          // the directory cannot be written: gets only
    pthread_mutex_t mu;     // guards memo and stats across threads
    StatMemo *memo;         // NULL until cache_file_hash needs it
    CacheStats stats;
};

// cache.c
void cache_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
// Writes iov to path through a temp file in the same directory and a
// rename, so that readers see all of it or none. false: errno set.
bool cache_write_atomic(const char *path, const struct iovec *iov, int niov);
// Realtime clock in nanoseconds, as file times are.
int64_t cache_now_ns(void);

#endif
