// harness.c: the helpers of harness.h.
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

int failures;

void report(const char *name, bool ok, const char *fmt, ...) {
    if (ok) {
        printf("ok %s\n", name);
        return;
    }
    failures++;
    printf("FAIL %s: ", name);
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
}

Pos P(T *t, int line, int col) {
    if (line < 1 || line > t->file->nlines)
        fatal("no line %d", line);
    return t->file->base + t->file->lines[line - 1] + (uint32_t)(col - 1);
}

EscFunc *func(T *t, const char *name, EscFunc *outer) {
    if (t->nfuncs == MAXFN)
        fatal("too many functions");
    EscFunc *f = &t->funcs[t->nfuncs];
    f->params = t->params[t->nfuncs];
    f->results = t->results[t->nfuncs];
    t->nfuncs++;
    f->name = name;
    f->outer = outer;
    f->has_body = true;
    return f;
}

void batch(T *t, Batch *b) {
    EscConfig c = {.m = t->m, .smallframes = t->smallframes, .log = &t->log};
    esc_batch_init(b, &c);
}

void run(Batch *b) {
    esc_solve(b);
    esc_finish(b);
    esc_batch_free(b);
}

// The node pointer is opaque to the core; the name string serves.
Location *param(T *t, Escape *e, const char *name, int line, int col, bool ptrs) {
    EscFunc *f = e->curfn;
    Location *l = esc_new_loc(e, LOC_PARAM, name, name, P(t, line, col), false);
    EscParam *p = &f->params[f->nparams++];
    p->name = name;
    p->pos = P(t, line, col);
    p->loc = l;
    p->has_pointers = ptrs;
    return l;
}

Location *result(T *t, Escape *e, const char *name, int line, int col) {
    EscFunc *f = e->curfn;
    Location *l = esc_new_loc(e, LOC_RESULT, name, name, P(t, line, col), false);
    l->result_index = f->nresults + 1;
    f->results[f->nresults].name = name;
    f->results[f->nresults].loc = l;
    f->nresults++;
    return l;
}

Location *local(T *t, Escape *e, const char *name, int line, int col) {
    return esc_new_loc(e, LOC_AUTO, name, name, P(t, line, col), false);
}

Hole H(Location *l) { return esc_loc_hole(l); }

Hole note(T *t, Batch *b, Hole k, int line, int col, const char *text, const char *why) {
    return esc_note(b, k, P(t, line, col), text, why);
}

Hole addr(T *t, Batch *b, Hole k, int line, int col, const char *text) {
    return esc_addr(b, k, P(t, line, col), text, "address-of");
}

Hole spill(T *t, Escape *e, Hole k, const char *text, int line, int col) {
    return esc_spill(e, k, text, text, P(t, line, col));
}

char *read_file(const char *path, size_t *n) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    Buf b = {0};
    char chunk[4096];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_put(&b, chunk, k);
    fclose(f);
    *n = b.len;
    buf_putc(&b, 0);
    return b.data;
}

bool load_go_file(T *t, const char *path, const char *name) {
    size_t n;
    char *src = read_file(path, &n);
    if (!src)
        return false;
    // The text stays: the position table refers to it.
    t->file = pos_add_file(str_cstr(name), src, (uint32_t)n);
    for (size_t i = 0; i < n; i++)
        if (src[i] == '\n' && i + 1 < n)
            pos_add_line(t->file, (uint32_t)(i + 1));
    return true;
}
