// record.c: the -m diagnostics as records (see base.h).
#include <stdlib.h>
#include <string.h>

#include "base.h"

static const char *dup(RecordLog *log, const char *s) {
    return s ? arena_strndup(&log->arena, s, strlen(s)) : NULL;
}

int rec_kind_level(RecKind kind) {
    switch (kind) {
    case REC_CANNOT_INLINE:
    case REC_CANNOT_INLINE_RECURSIVE:
    case REC_CANNOT_INLINE_CALL:
    case REC_LEAK_FLOW:
    case REC_ESCAPE_FLOW:
    case REC_ESCAPE_AT_FLOW:
    case REC_CAPTURE:
        return 2;
    case REC_STMT:
        return 3;
    case REC_ESCAPE_ERROR:
    case REC_LIVE:
        return 0;
    case REC_HEAP_ALLOC:
    case REC_NO_INLINE_CALL:
        return REC_LEVEL_JSON;
    case REC_EXPLAIN_PATH:
    case REC_EXPLAIN_NOTE:
    case REC_EXPLAIN_CUT:
    case REC_EXPLAIN_NOCUT:
        return REC_LEVEL_EXPLAIN;
    default:
        return 1;
    }
}

int rec_add(RecordLog *log, RecKind kind, Pos where, const char *pos, const char *msg) {
    Record r = {.kind = kind,
                .level = rec_kind_level(kind),
                .where = where,
                .pos = dup(log, pos),
                .msg = dup(log, msg)};
    vec_push(&log->recs, r);
    return log->recs.len - 1;
}

void rec_set_inline(RecordLog *log, int i, Pos inner, int inl) {
    if (i < 0 || inl == 0)
        return;
    log->recs.data[i].where = inner;
    log->recs.data[i].inl = inl;
}

void rec_set_about(RecordLog *log, int i, const char *func, const void *subject) {
    if (i < 0)
        return;
    if (func)
        log->recs.data[i].func = dup(log, func);
    log->recs.data[i].subject = subject;
}

void rec_set_target(RecordLog *log, int i, const char *target) {
    if (i >= 0)
        log->recs.data[i].target = dup(log, target);
}

void rec_step(RecordLog *log, int i, RecStepKind kind, Pos where, int inl, const char *text,
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
    r->steps[r->nsteps++] = (RecStep){kind, where, inl, dup(log, text), dup(log, why), dup(log, at)};
}

FlowGraph *rec_graph(RecordLog *log, const char *func) {
    FlowGraph *g = xcalloc(1, sizeof *g);
    g->func = dup(log, func);
    vec_push(&log->graphs, g);
    return g;
}

const char *rec_strdup(RecordLog *log, const char *s) { return dup(log, s); }

void rec_log_append(RecordLog *dst, RecordLog *src) {
    int base = dst->recs.len;
    for (int i = 0; i < src->recs.len; i++) {
        Record r = src->recs.data[i];
        if (r.of)
            r.of += base;
        vec_push(&dst->recs, r);
    }
    for (int i = 0; i < src->graphs.len; i++)
        vec_push(&dst->graphs, src->graphs.data[i]);
    arena_adopt(&dst->arena, &src->arena);
    vec_free(&src->recs);
    vec_free(&src->graphs);
}

void rec_log_free(RecordLog *log) {
    for (int i = 0; i < log->graphs.len; i++) {
        vec_free(&log->graphs.data[i]->nodes);
        vec_free(&log->graphs.data[i]->edges);
        free(log->graphs.data[i]);
    }
    vec_free(&log->graphs);
    vec_free(&log->recs);
    arena_free(&log->arena);
}
