// threads.c: what -j's threads share in base, and a parallel loop.
#include <pthread.h>
#include <stdlib.h>

#include "base.h"

static bool threaded;

// (set only while no other thread runs)
void base_set_threaded(bool on) { threaded = on; }
bool base_threaded(void) { return threaded; }

typedef struct Loop {
    int n, next;        // next: the first i not yet taken (atomic)
    void (*fn)(void *, int);
    void *ctx;
} Loop;

static void *worker(void *arg) {
    Loop *lp = arg;
    for (int i; (i = __atomic_fetch_add(&lp->next, 1, __ATOMIC_RELAXED)) < lp->n;)
        lp->fn(lp->ctx, i);
    return NULL;
}

void base_parallel(int n, int threads, void (*fn)(void *ctx, int i), void *ctx) {
    Loop lp = {n, 0, fn, ctx};
    if (threads > n)
        threads = n;
    pthread_t *ts = threads > 1 ? xcalloc((size_t)threads, sizeof *ts) : NULL;
    bool was = threaded;
    int started = 0;
    pthread_attr_t attr;
    if (threads > 1 && pthread_attr_init(&attr) == 0) {
        if (pthread_attr_setstacksize(&attr, BASE_STACK_SIZE) == 0) {
            threaded = true;
            while (started < threads - 1 && pthread_create(&ts[started], &attr, worker, &lp) == 0)
                started++;
        }
        pthread_attr_destroy(&attr);
    }
    worker(&lp);    // with no thread started, the whole loop in order
    for (int t = 0; t < started; t++)
        pthread_join(ts[t], NULL);
    threaded = was;
    free(ts);
}
