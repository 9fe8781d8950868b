// jobs.c: -j's analysis of several packages at once.
//
// Each thread has its own inliner and escape session. A package is taken
// by the first free thread once it is checked and its imports are
// analysed, the lowest in the loader's order first. A thread knows the
// packages it analysed; those the others did it takes in through their
// facts (the inline costs and escape tags importers read, published as
// Package.facts), as a run takes packages from the cache. That path gives
// the importer what a full analysis gives it: suite 59 holds -j N's output
// to -j 1's, byte for byte.
#include <stdlib.h>
#include <string.h>

#include "../base/base.h"
#include "../escape/escape.h"
#include "../inline/inline.h"
#include "../ir/ir.h"
#include "cmd.h"

enum { PKG_WAITS, PKG_UNDER_WAY, PKG_DONE };

typedef struct Worker {
    AnalysisJobs *j;
    Inliner *inl;
    EscSession *es;
    uint8_t *known;     // per package: in this thread's sessions
    uint32_t *mark;     // per package: an import of the package taken
    uint32_t stamp;
    pthread_t thread;
} Worker;

struct JobsState {
    pthread_mutex_t mu;
    pthread_cond_t cv;      // broadcast when a package is done
    uint8_t *state;         // PKG_*, per package
    PtrMap index;           // Package* -> 1 + its index
    int first;              // no package before it waits
    Worker *workers;
    int nworkers;
};

static int index_of(JobsState *s, Package *p) { return (int)(uintptr_t)ptrmap_get(&s->index, p) - 1; }

// With mu held: the first package that waits and whose imports are done,
// -1 when none is ready, -2 when none waits.
static int take(JobsState *s, int n) {
    while (s->first < n && s->state[s->first] != PKG_WAITS)
        s->first++;
    if (s->first == n)
        return -2;
    for (int k = s->first; k < n; k++) {
        if (s->state[k] != PKG_WAITS)
            continue;
        Package *p = s->workers[0].j->pkgs[k];
        bool ready = true;
        for (int i = 0; i < p->nimports && ready; i++) {
            int d = p->imports[i] ? index_of(s, p->imports[i]) : -1;
            ready = d < 0 || s->state[d] == PKG_DONE;
        }
        if (ready) {
            s->state[k] = PKG_UNDER_WAY;
            return k;
        }
    }
    return -1;
}

static void mark_imports(Worker *w, Package *p) {
    for (int i = 0; i < p->nimports; i++) {
        int d = p->imports[i] ? index_of(w->j->state, p->imports[i]) : -1;
        if (d >= 0 && w->mark[d] != w->stamp) {
            w->mark[d] = w->stamp;
            mark_imports(w, p->imports[i]);
        }
    }
}

static bool analysable(Package *p) { return !p->bad && strcmp(p->path, "unsafe") != 0; }

// Brings the imports of package k, all done, into w's sessions: in the
// loader's order, as a run with the cache does.
static void take_in_imports(Worker *w, int k) {
    w->stamp++;
    mark_imports(w, w->j->pkgs[k]);
    esc_set_log(w->es, NULL);
    for (int d = 0; d < k; d++) {
        if (w->mark[d] != w->stamp || w->known[d])
            continue;
        Package *p = w->j->pkgs[d];
        w->known[d] = 1;
        if (!analysable(p))
            continue;
        if (!p->facts)
            fatal("package %s was analysed without facts for its importers", p->path);
        inl_package(w->inl, p, NULL);
        esc_package(w->es, p);
    }
}

static void analyse(Worker *w, int k) {
    AnalysisJobs *j = w->j;
    Package *p = j->pkgs[k];
    take_in_imports(w, k);
    RecordLog *log = &j->logs[k];
    esc_set_log(w->es, log);
    if (analysable(p))
        inl_package(w->inl, p, p->matched ? log : NULL);
    int errors = esc_package(w->es, p);
    w->known[k] = 1;
    PkgFacts *facts = NULL;
    if (analysable(p)) {
        // (with errors, importers still read its tags, as in one session,
        // but the cache does not keep them)
        facts = pkgcache_facts_of(p, w->inl, w->es);
        if (!errors)
            pkgcache_store_facts(j->pc, p, facts);
    }
    JobsState *s = j->state;
    pthread_mutex_lock(&s->mu);
    if (errors)
        j->rc = 1;
    p->facts = facts;
    s->state[k] = PKG_DONE;
    pthread_cond_broadcast(&s->cv);
    pthread_mutex_unlock(&s->mu);
}

static void *work(void *arg) {
    Worker *w = arg;
    AnalysisJobs *j = w->j;
    JobsState *s = j->state;
    // As many threads as check wait for the checks to end, idle, so that
    // no more threads run than -j asks for: otherwise, without inlining,
    // they slow the checks, which cost more than the analysis then.
    int now = j->threads - j->checkers;
    if (w - s->workers >= (now > 1 ? now : 1) && j->n)
        load_early_wait_all(j->l);
    pthread_mutex_lock(&s->mu);
    for (;;) {
        int k = take(s, j->n);
        if (k == -2)
            break;
        if (k == -1) {
            pthread_cond_wait(&s->cv, &s->mu);
            continue;
        }
        pthread_mutex_unlock(&s->mu);
        double t0 = base_seconds();
        int waits = load_early_wait(j->l, k);
        double waited = base_seconds() - t0;
        analyse(w, k);
        pthread_mutex_lock(&s->mu);
        j->waits += waits;
        j->waited += waited;
    }
    pthread_mutex_unlock(&s->mu);
    return NULL;
}

void analysis_jobs_run(AnalysisJobs *j) {
    JobsState *s = xcalloc(1, sizeof *s);
    j->state = s;
    j->logs = xcalloc((size_t)j->n + 1, sizeof *j->logs);
    pthread_mutex_init(&s->mu, NULL);
    pthread_cond_init(&s->cv, NULL);
    s->state = xcalloc((size_t)j->n + 1, 1);
    for (int k = 0; k < j->n; k++)
        ptrmap_put(&s->index, j->pkgs[k], (void *)(uintptr_t)(k + 1));
    s->workers = xcalloc((size_t)j->threads, sizeof *s->workers);
    for (int t = 0; t < j->threads; t++) {
        Worker *w = &s->workers[t];
        w->j = j;
        w->known = xcalloc((size_t)j->n + 1, 1);
        w->mark = xcalloc((size_t)j->n + 1, sizeof *w->mark);
        if (t == 0) {
            w->inl = j->inl;
            w->es = j->es;
        } else {
            EscConfig ec = *j->ec;
            w->inl = inl_new(j->ic);
            ec.inliner = w->inl;
            ec.log = NULL;
            w->es = esc_begin(&ec);
        }
    }
    s->nworkers = 1;
    for (int t = 1; t < j->threads; t++)
        if (base_thread_create(&s->workers[t].thread, work, &s->workers[t]))
            s->nworkers = t + 1;
        else
            break;
    work(&s->workers[0]);
    for (int t = 1; t < s->nworkers; t++)
        pthread_join(s->workers[t].thread, NULL);
    j->used = s->nworkers;
    esc_set_log(j->es, NULL);
}

void analysis_jobs_free(AnalysisJobs *j) {
    JobsState *s = j->state;
    if (!s)
        return;
    for (int t = 0; t < j->threads; t++) {
        Worker *w = &s->workers[t];
        if (t > 0) {
            esc_end(w->es);
            inl_free(w->inl);
        }
        free(w->known);
        free(w->mark);
    }
    free(s->workers);
    for (int k = 0; k < j->n; k++)
        rec_log_free(&j->logs[k]);
    free(j->logs);
    free(s->state);
    ptrmap_free(&s->index);
    pthread_mutex_destroy(&s->mu);
    pthread_cond_destroy(&s->cv);
    free(s);
    j->state = NULL;
}
