// threads.c: what -j's threads share in base, and a parallel loop.
#include <pthread.h>
#include <time.h>
#include <unistd.h>
#include <stdlib.h>

#include "base.h"

static bool threaded;

// (set only while no other thread runs)
void base_set_threaded(bool on) { threaded = on; }
bool base_threaded(void) { return threaded; }

bool base_thread_create(pthread_t *t, void *(*fn)(void *), void *arg) {
    // GOESCDEBUG=nothreads: as if none could be started, to test the
    // fallbacks.
    if (diag_debug("nothreads"))
        return false;
    pthread_attr_t attr;
    if (pthread_attr_init(&attr) != 0)
        return false;
    bool ok = false;
    if (pthread_attr_setstacksize(&attr, BASE_STACK_SIZE) == 0) {
        // (written only while it is false: no other thread runs then)
        bool was = threaded;
        if (!was)
            threaded = true;
        ok = pthread_create(t, &attr, fn, arg) == 0;
        if (!ok && !was)
            threaded = false;
    }
    pthread_attr_destroy(&attr);
    return ok;
}

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
    while (started < threads - 1 && base_thread_create(&ts[started], worker, &lp))
        started++;
    worker(&lp);    // with no thread started, the whole loop in order
    for (int t = 0; t < started; t++)
        pthread_join(ts[t], NULL);
    threaded = was;
    free(ts);
}

int base_cpus(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 1024 ? 1024 : (int)n;
}

double base_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}
