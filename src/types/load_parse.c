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

// ---- -j: the checking threads ----

// The packages in the loader's order, as loading adds them; the threads
// parse each and, given hooks, check it, each package once its imports
// are checked (without hooks one thread parses them in order). Other
// threads may parse those ahead meanwhile (load_early_wait). While
// loading goes on, the threads are the only ones to touch the packages
// done loading: the loader writes Package.bad only of packages still
// loading, and Package.matched, which none reads.
enum { PARSE_WAITS, PARSE_UNDER_WAY, PARSE_DONE };
enum { CHECK_WAITS, CHECK_UNDER_WAY, CHECK_DONE };

struct EarlyParse {
    pthread_t *threads;
    int nthreads;           // started
    int running;            // not yet ended
    pthread_mutex_t mu;
    pthread_cond_t cv;      // broadcast when the queue grows or ends, and
                            // when a parse or a package is done
    VEC(Package *) queue;   // l->order as it grows
    VEC(uint8_t) parse;     // PARSE_*, parallel to queue
    VEC(uint8_t) check;     // CHECK_*, parallel to queue
    PtrMap index;           // Package* -> 1 + its place in the queue
    int next;               // the first package not done
    int ahead;              // no package before it waits for a parse
    bool loaded;            // the queue is complete
    bool stop, done;
    bool no_thread;         // none could be started: load_early_wait works
    struct LoadEarly *hooks;    // NULL: parse only
    int helped;             // parses done by other threads (GOESCDEBUG=jobs)
};

static void queue_push(EarlyParse *e, Package *p, uint8_t parse) {
    ptrmap_put(&e->index, p, (void *)(uintptr_t)(e->queue.len + 1));
    vec_push(&e->queue, p);
    vec_push(&e->parse, parse);
    vec_push(&e->check, CHECK_WAITS);
}

// With mu held: whether package k's imports are done (checked, with
// hooks; without, packages are parsed in order).
static bool imports_done(EarlyParse *e, int k) {
    if (!e->hooks)
        return k == e->next;
    Package *p = e->queue.data[k];
    for (int i = 0; i < p->nimports; i++) {
        int d = p->imports[i] ? (int)(uintptr_t)ptrmap_get(&e->index, p->imports[i]) - 1 : -1;
        if (d >= 0 && e->check.data[d] != CHECK_DONE)
            return false;
    }
    return true;
}

// With mu held: the first package whose turn has come (no other thread
// parses it, its imports are done), marked under way; -1 if none is.
static int take_package(EarlyParse *e) {
    for (int k = e->next; k < e->queue.len; k++)
        if (e->check.data[k] == CHECK_WAITS && e->parse.data[k] != PARSE_UNDER_WAY && imports_done(e, k)) {
            e->check.data[k] = CHECK_UNDER_WAY;
            return k;
        }
    return -1;
}

static void *early_thread(void *arg) {
    Loader *l = arg;
    EarlyParse *e = l->early;
    struct LoadEarly *hooks = e->hooks;
    pthread_mutex_lock(&e->mu);
    while (!e->stop) {
        int k = take_package(e);
        if (k < 0) {
            bool waits = false;     // a package no thread has taken
            for (int j = e->next; j < e->queue.len && !waits; j++)
                waits = e->check.data[j] == CHECK_WAITS;
            if (e->loaded && !waits)
                break;
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
        e->check.data[k] = CHECK_DONE;
        while (e->next < e->queue.len && e->check.data[e->next] == CHECK_DONE)
            e->next++;
        if (hooks)
            hooks->checked++;
        pthread_cond_broadcast(&e->cv);
    }
    if (--e->running == 0) {
        e->done = true;
        pthread_cond_broadcast(&e->cv);
    }
    pthread_mutex_unlock(&e->mu);
    return NULL;
}

static void early_free(Loader *l) {
    EarlyParse *e = l->early;
    pthread_mutex_destroy(&e->mu);
    pthread_cond_destroy(&e->cv);
    vec_free(&e->queue);
    vec_free(&e->parse);
    vec_free(&e->check);
    ptrmap_free(&e->index);
    free(e->threads);
    free(e);
    l->early = NULL;
}

// loaded: the threads start after loading, on every package from the
// first not checked (hooks->checked).
static bool early_start(Loader *l, struct LoadEarly *hooks, bool loaded) {
    EarlyParse *e = xcalloc(1, sizeof *e);
    pthread_mutex_init(&e->mu, NULL);
    pthread_cond_init(&e->cv, NULL);
    e->hooks = hooks;
    l->early = e;
    if (loaded) {
        e->loaded = true;
        for (int k = 0; k < l->order.len; k++) {
            queue_push(e, l->order.data[k], l->order.data[k]->pending ? PARSE_WAITS : PARSE_DONE);
            if (hooks && k < hooks->checked)
                e->check.data[k] = CHECK_DONE;
        }
        e->next = e->ahead = hooks ? hooks->checked : 0;
    }
    int want = hooks && hooks->threads > 1 ? hooks->threads : 1;
    e->threads = xcalloc((size_t)want, sizeof *e->threads);
    pthread_mutex_lock(&e->mu);     // (the threads wait until all started)
    while (e->nthreads < want && base_thread_create(&e->threads[e->nthreads], early_thread, l))
        e->nthreads++;
    e->running = e->nthreads;
    pthread_mutex_unlock(&e->mu);
    if (e->nthreads)
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
    queue_push(e, p, PARSE_WAITS);
    pthread_cond_broadcast(&e->cv);
    pthread_mutex_unlock(&e->mu);
}

// With mu held: parses the first package not taken by the threads that
// waits for its parse (mu released meanwhile); false if there is none.
static bool help_parse(Loader *l, EarlyParse *e) {
    int j = e->ahead > e->next ? e->ahead : e->next;
    while (j < e->parse.len && (e->parse.data[j] != PARSE_WAITS || e->check.data[j] != CHECK_WAITS))
        j++;
    e->ahead = j;   // (neither state goes back)
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

int load_early_threads(Loader *l) { return l->early ? l->early->nthreads : 0; }

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
        e->check.data[e->next] = CHECK_DONE;
        e->hooks->checked = e->next + 1;
    }
    int waits = 0;
    pthread_mutex_lock(&e->mu);
    while (k < e->check.len && e->check.data[k] != CHECK_DONE && !e->done) {
        if (!help_parse(l, e)) {
            waits++;
            pthread_cond_wait(&e->cv, &e->mu);
        }
    }
    pthread_mutex_unlock(&e->mu);
    return waits;
}

void load_early_wait_all(Loader *l) {
    EarlyParse *e = l->early;
    pthread_mutex_lock(&e->mu);
    while (!e->no_thread && !e->done && (!e->loaded || e->next < e->queue.len))
        pthread_cond_wait(&e->cv, &e->mu);
    pthread_mutex_unlock(&e->mu);
}

int load_early_end(Loader *l) {
    EarlyParse *e = l->early;
    if (!e)
        return 0;
    // While the threads finish their packages (a check can take tens of
    // milliseconds), this one parses those they have not taken.
    pthread_mutex_lock(&e->mu);
    e->stop = true;
    pthread_cond_broadcast(&e->cv);
    while (!e->done && !e->no_thread && help_parse(l, e)) {
    }
    pthread_mutex_unlock(&e->mu);
    for (int t = 0; t < e->nthreads; t++)
        pthread_join(e->threads[t], NULL);
    base_set_threaded(false);
    int helped = e->helped;
    early_free(l);
    return helped;
}
