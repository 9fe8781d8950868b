// pipeline.c: -j. Each package is parsed, then checked, then analysed
// (inlining and escape analysis), in the loader's order for the last two:
// a first thread parses and checks, a second analyses each package as
// soon as it is checked, and parses when the check it waits for waits for
// a parse.
// The analysis keeps its order, as a serial run's does, so its records,
// cache entries and output are the same.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cmd.h"

int cmd_cpus(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 1024 ? 1024 : (int)n;
}

typedef struct Pipeline {
    const PipelineStages *st;
    int n;
    pthread_mutex_t mu;
    pthread_cond_t cv;      // broadcast whenever a package moves on
    int next_parse;         // the first package no thread took to parse
    bool *parse_done;
    int parsed;             // packages [0, parsed) are parsed
    int checked;            // packages [0, checked) are checked
    int parsed_by_analysis; // for GOESCDEBUG=jobs
    int waits;              // times the analysis waited with nothing to parse
} Pipeline;

// With mu held: parses the next package if it is no later than upto (mu
// released meanwhile), else waits for news. The analysis, the longer
// stage, only helps with the parses that hold up the check it waits for.
static void parse_or_wait(Pipeline *pl, int upto, bool analysis) {
    if (pl->next_parse > upto) {
        pl->waits += analysis;
        pthread_cond_wait(&pl->cv, &pl->mu);
        return;
    }
    int k = pl->next_parse++;
    pthread_mutex_unlock(&pl->mu);
    bool parsed = pl->st->parse(pl->st->parse_ctx, k);
    pthread_mutex_lock(&pl->mu);
    pl->parsed_by_analysis += analysis && parsed;
    pl->parse_done[k] = true;
    while (pl->parsed < pl->n && pl->parse_done[pl->parsed])
        pl->parsed++;
    pthread_cond_broadcast(&pl->cv);
}

static void *analysis_thread(void *arg) {
    Pipeline *pl = arg;
    for (int k = 0; k < pl->n; k++) {
        pthread_mutex_lock(&pl->mu);
        while (pl->checked <= k)
            parse_or_wait(pl, pl->n - 1, true);
        pthread_mutex_unlock(&pl->mu);
        pl->st->analyse(pl->st->analyse_ctx, k);
    }
    return NULL;
}

void cmd_pipeline(int n, int start, const PipelineStages *st) {
    Pipeline pl = {.st = st, .n = n, .mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER,
                   .next_parse = start, .parsed = start, .checked = start};
    pl.parse_done = xcalloc((size_t)n + 1, sizeof *pl.parse_done);
    pthread_t t;
    bool started = base_thread_create(&t, analysis_thread, &pl);
    for (int k = 0; k < start && !started; k++)
        st->analyse(st->analyse_ctx, k);
    for (int k = start; k < n; k++) {
        if (started) {
            pthread_mutex_lock(&pl.mu);
            while (pl.parsed <= k)
                parse_or_wait(&pl, k, false);
            pthread_mutex_unlock(&pl.mu);
        } else {
            st->parse(st->parse_ctx, k);
        }
        st->check(st->check_ctx, k);
        if (!started) {
            st->analyse(st->analyse_ctx, k);
            continue;
        }
        pthread_mutex_lock(&pl.mu);
        pl.checked = k + 1;
        pthread_cond_broadcast(&pl.cv);
        pthread_mutex_unlock(&pl.mu);
    }
    if (started)
        pthread_join(t, NULL);
    if (diag_debug("jobs"))
        fprintf(stderr, "goesc: jobs: %s; %d of %d packages parsed on the analysis thread, which waited %d times for a check\n",
                started ? "checked and analysed on 2 threads" : "on one thread (no thread could be started)",
                pl.parsed_by_analysis, n, pl.waits);
    base_set_threaded(false);
    pthread_mutex_destroy(&pl.mu);
    pthread_cond_destroy(&pl.cv);
    free(pl.parse_done);
}
