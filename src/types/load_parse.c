// load_parse.c: the loader's parse of package files: during loading, once
// all are loaded (deferred, for the package cache), or with -j on other
// threads. Whatever the thread, a file's place in the positions is given
// in the order a serial parse gives it, so every position is the same.
#include <pthread.h>
#include <stdlib.h>

#include "types.h"

// Parses p's files into p->syn; returns whether gc would stop at its
// syntax errors (it goes on after the scanner's other errors, "invalid
// character", and type-checks anyway).
static bool parse_srcs(Loader *l, Package *p, SrcFile **srcs) {
    Diags *d = p->syntax ? p->syntax : l->diags;
    int before = d->nerrors;
    for (int i = 0; i < p->nfiles; i++)
        p->syn[i] = srcs ? syn_parse_src(srcs[i], p->files[i], d, &p->arena, &p->parse_opts)
                         : syn_parse_file_opts(p->files[i], p->texts[i], p->sizes[i], d, &p->arena, &p->parse_opts);
    return d->nerrors > before && (!l->cfg.syntax_per_package || d->nsyntax);
}

void load_parse_srcs(Loader *l, Package *p, SrcFile **srcs) {
    if (parse_srcs(l, p, srcs))
        p->bad = true;
}

void load_parse_files(Loader *l, Package *p) { load_parse_srcs(l, p, NULL); }

SrcFile **load_place_files(Package *p) {
    SrcFile **srcs = ARENA_ARRAY(&p->arena, SrcFile *, p->nfiles + 1);
    for (int f = 0; f < p->nfiles; f++)
        srcs[f] = pos_add_file(p->files[f], p->texts[f], p->sizes[f]);
    return srcs;
}

void load_parse_pending(Loader *l, Package *p) {
    if (p->pending) {
        load_parse_srcs(l, p, p->pending);
        p->pending = NULL;
    }
}

static void parse_pending_at(void *ctx, int i) {
    Loader *l = ctx;
    load_parse_pending(l, l->pending.data[i]);
}

void load_parse_all_pending(Loader *l, int threads) {
    base_parallel(l->pending.len, threads, parse_pending_at, l);
    vec_free(&l->pending);
}

// ---- -j: parsing (and checking) while loading goes on ----

// The packages done loading, in order; the early thread parses each (and
// checks it), and is the only thread that touches them meanwhile: the
// loader writes Package.bad only of packages still loading, and
// Package.matched, which neither reads.
struct EarlyParse {
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    VEC(Package *) queue;   // l->order as it grows
    int next;               // the first not taken
    bool stop, done;
};

static void *early_thread(void *arg) {
    Loader *l = arg;
    EarlyParse *e = l->early;
    struct LoadEarly *hook = l->cfg.early;
    pthread_mutex_lock(&e->mu);
    while (!e->stop) {
        if (e->next == e->queue.len) {
            pthread_cond_wait(&e->cv, &e->mu);
            continue;
        }
        int k = e->next++;
        Package *p = e->queue.data[k];
        pthread_mutex_unlock(&e->mu);
        load_parse_pending(l, p);
        if (hook) {
            hook->check(hook->ctx, p, k);
            hook->checked = k + 1;
        }
        pthread_mutex_lock(&e->mu);
    }
    e->done = true;
    pthread_mutex_unlock(&e->mu);
    return NULL;
}

void load_early_begin(Loader *l) {
    EarlyParse *e = xcalloc(1, sizeof *e);
    pthread_mutex_init(&e->mu, NULL);
    pthread_cond_init(&e->cv, NULL);
    l->early = e;
    if (!base_thread_create(&e->thread, early_thread, l)) {
        pthread_mutex_destroy(&e->mu);
        pthread_cond_destroy(&e->cv);
        free(e);
        l->early = NULL;
    }
}

void load_order_push(Loader *l, Package *p) {
    vec_push(&l->order, p);
    EarlyParse *e = l->early;
    if (!e)
        return;
    if (l->cfg.early)
        l->cfg.early->prepare(l->cfg.early->ctx, p, l->order.len - 1);
    pthread_mutex_lock(&e->mu);
    vec_push(&e->queue, p);
    pthread_cond_signal(&e->cv);
    pthread_mutex_unlock(&e->mu);
}

void load_early_end(Loader *l) {
    EarlyParse *e = l->early;
    if (!e)
        return;
    // While the early thread finishes its package (a check can take tens
    // of milliseconds), this one parses those it has not taken.
    pthread_mutex_lock(&e->mu);
    e->stop = true;
    pthread_cond_signal(&e->cv);
    while (!e->done && e->next < e->queue.len) {
        Package *p = e->queue.data[e->next++];
        pthread_mutex_unlock(&e->mu);
        load_parse_pending(l, p);
        pthread_mutex_lock(&e->mu);
    }
    pthread_mutex_unlock(&e->mu);
    pthread_join(e->thread, NULL);
    base_set_threaded(false);
    pthread_mutex_destroy(&e->mu);
    pthread_cond_destroy(&e->cv);
    vec_free(&e->queue);
    free(e);
    l->early = NULL;
}
