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

// ---- -j: the checking thread ----

// The packages in the loader's order, as loading adds them; the thread
// parses each and, given hooks, checks it. Other threads may parse those
// ahead of it meanwhile (load_early_wait). While loading goes on, the
// thread is the only one to touch the packages done loading: the loader
// writes Package.bad only of packages still loading, and Package.matched,
// which neither reads.
enum { PARSE_WAITS, PARSE_UNDER_WAY, PARSE_DONE };

struct EarlyParse {
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;      // broadcast when the queue grows or ends, and
                            // when a parse or a package is done
    VEC(Package *) queue;   // l->order as it grows
    VEC(uint8_t) parse;     // PARSE_*, parallel to queue
    int next;               // the first package the thread has not done
    int ahead;              // no package before it waits for a parse
    bool loaded;            // the queue is complete
    bool stop, done;
    bool no_thread;         // none could be started: load_early_wait works
    struct LoadEarly *hooks;    // NULL: parse only
    int helped;             // parses done by other threads (GOESCDEBUG=jobs)
};

static void *early_thread(void *arg) {
    Loader *l = arg;
    EarlyParse *e = l->early;
    struct LoadEarly *hooks = e->hooks;
    pthread_mutex_lock(&e->mu);
    while (!e->stop) {
        int k = e->next;
        if (k == e->queue.len) {
            if (e->loaded)
                break;
            pthread_cond_wait(&e->cv, &e->mu);
            continue;
        }
        if (e->parse.data[k] == PARSE_UNDER_WAY) {  // by a helper
            pthread_cond_wait(&e->cv, &e->mu);
            continue;
        }
        bool parse = e->parse.data[k] == PARSE_WAITS;
        e->parse.data[k] = PARSE_UNDER_WAY;
        Package *p = e->queue.data[k];
        pthread_mutex_unlock(&e->mu);
        if (parse)
            load_parse_pending(l, p);
        if (hooks)
            hooks->check(hooks->ctx, p, k);
        pthread_mutex_lock(&e->mu);
        e->parse.data[k] = PARSE_DONE;
        e->next = k + 1;
        if (hooks)
            hooks->checked = k + 1;
        pthread_cond_broadcast(&e->cv);
    }
    e->done = true;
    pthread_mutex_unlock(&e->mu);
    return NULL;
}

static void early_free(Loader *l) {
    EarlyParse *e = l->early;
    pthread_mutex_destroy(&e->mu);
    pthread_cond_destroy(&e->cv);
    vec_free(&e->queue);
    vec_free(&e->parse);
    free(e);
    l->early = NULL;
}

// loaded: the thread starts after loading, on every package from the
// first not checked.
static bool early_start(Loader *l, struct LoadEarly *hooks, bool loaded) {
    EarlyParse *e = xcalloc(1, sizeof *e);
    pthread_mutex_init(&e->mu, NULL);
    pthread_cond_init(&e->cv, NULL);
    e->hooks = hooks;
    l->early = e;
    if (loaded) {
        e->loaded = true;
        e->next = e->ahead = hooks ? hooks->checked : 0;
        for (int k = 0; k < l->order.len; k++) {
            vec_push(&e->queue, l->order.data[k]);
            vec_push(&e->parse, l->order.data[k]->pending ? PARSE_WAITS : PARSE_DONE);
        }
    }
    if (base_thread_create(&e->thread, early_thread, l))
        return true;
    if (loaded && hooks) {
        e->no_thread = true;
        return true;
    }
    early_free(l);
    return false;
}

void load_early_begin(Loader *l) { early_start(l, l->cfg.early, false); }

void load_order_push(Loader *l, Package *p) {
    vec_push(&l->order, p);
    EarlyParse *e = l->early;
    if (!e)
        return;
    if (l->cfg.early)
        l->cfg.early->prepare(l->cfg.early->ctx, p, l->order.len - 1);
    pthread_mutex_lock(&e->mu);
    vec_push(&e->queue, p);
    vec_push(&e->parse, PARSE_WAITS);
    pthread_cond_broadcast(&e->cv);
    pthread_mutex_unlock(&e->mu);
}

// With mu held: parses the first package after the thread's that waits
// for its parse (mu released meanwhile); false if there is none.
static bool help_parse(Loader *l, EarlyParse *e) {
    int j = e->ahead > e->next ? e->ahead : e->next + 1;
    while (j < e->parse.len && e->parse.data[j] != PARSE_WAITS)
        j++;
    e->ahead = j;
    if (j >= e->parse.len)
        return false;
    e->parse.data[j] = PARSE_UNDER_WAY;
    pthread_mutex_unlock(&e->mu);
    load_parse_pending(l, e->queue.data[j]);
    pthread_mutex_lock(&e->mu);
    e->parse.data[j] = PARSE_DONE;
    e->helped++;
    pthread_cond_broadcast(&e->cv);
    return true;
}

bool load_early_checking(Loader *l) { return l->early && l->early->hooks; }

bool load_early_threaded(Loader *l) { return l->early && !l->early->no_thread; }

void load_early_loaded(Loader *l) {
    EarlyParse *e = l->early;
    pthread_mutex_lock(&e->mu);
    e->loaded = true;
    pthread_cond_broadcast(&e->cv);
    pthread_mutex_unlock(&e->mu);
}

void load_early_check_all(Loader *l, struct LoadEarly *hooks) {
    if (!l->early)
        early_start(l, hooks, true);
}

int load_early_wait(Loader *l, int k) {
    EarlyParse *e = l->early;
    for (; e->no_thread && e->next <= k; e->next++) {
        load_parse_pending(l, e->queue.data[e->next]);
        e->hooks->check(e->hooks->ctx, e->queue.data[e->next], e->next);
        e->hooks->checked = e->next + 1;
    }
    int waits = 0;
    pthread_mutex_lock(&e->mu);
    while (e->next <= k && !e->done) {
        if (!help_parse(l, e)) {
            waits++;
            pthread_cond_wait(&e->cv, &e->mu);
        }
    }
    pthread_mutex_unlock(&e->mu);
    return waits;
}

int load_early_end(Loader *l) {
    EarlyParse *e = l->early;
    if (!e)
        return 0;
    // While the thread finishes its package (a check can take tens of
    // milliseconds), this one parses those it has not taken.
    pthread_mutex_lock(&e->mu);
    e->stop = true;
    pthread_cond_broadcast(&e->cv);
    while (!e->done && help_parse(l, e)) {
    }
    pthread_mutex_unlock(&e->mu);
    if (!e->no_thread)
        pthread_join(e->thread, NULL);
    base_set_threaded(false);
    int helped = e->helped;
    early_free(l);
    return helped;
}
