// record.c: the -m diagnostics as records (see base.h).
#include <stdlib.h>
#include <string.h>

#include "base.h"

static const char *dup(RecordLog *log, const char *s) {
    return s ? arena_strndup(&log->arena, s, strlen(s)) : NULL;
}

int rec_add(RecordLog *log, RecKind kind, Pos where, const char *pos, const char *msg) {
    Record r = {.kind = kind, .where = where, .pos = dup(log, pos), .msg = dup(log, msg)};
    vec_push(&log->recs, r);
    return log->recs.len - 1;
}

void rec_step(RecordLog *log, int i, RecStepKind kind, Pos where, const char *text,
              const char *why, const char *at) {
    Record *r = &log->recs.data[i];
    if (r->nsteps == r->capsteps) {
        int cap = r->capsteps ? 2 * r->capsteps : 4;
        RecStep *s = arena_alloc(&log->arena, sizeof *s * (size_t)cap);
        if (r->nsteps)
            memcpy(s, r->steps, sizeof *s * (size_t)r->nsteps);
        r->steps = s;
        r->capsteps = cap;
    }
    r->steps[r->nsteps++] = (RecStep){kind, where, dup(log, text), dup(log, why), dup(log, at)};
}

void rec_log_free(RecordLog *log) {
    vec_free(&log->recs);
    arena_free(&log->arena);
}
