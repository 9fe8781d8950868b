// diag.c: error collection and printing in gc's form. gc gathers errors,
// sorts them by position, drops duplicates and writes them out (to
// stdout; go build passes them on to stderr, where goesc writes them, so
// that results and errors stay apart); it gives up after 10 errors unless
// -e is set. We do the same.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"

struct Diag {
    Pos pos;
    char *text;     // full line: "file:line:col: message"
    int seq;        // insertion order, to keep sorting stable
};

static bool same_line(Pos a, Pos b) {
    if (a == NOPOS || b == NOPOS || pos_file(a) != pos_file(b))
        return false;
    return pos_resolve_raw(a).line == pos_resolve_raw(b).line;
}

void diag_verror(Diags *d, Pos p, const char *fmt, va_list ap) {
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    char *msg = xmalloc((size_t)n + 1);
    vsnprintf(msg, (size_t)n + 1, fmt, ap);
    if (d->keep_all) {
        // no filtering
    } else if (strncmp(msg, "syntax error", 12) == 0) {
        if (same_line(d->last_syntax, p)) {
            free(msg);
            return;
        }
        d->last_syntax = p;
        d->nsyntax++;
    } else {
        if (same_line(d->last_other, p) && d->last_msg && strcmp(d->last_msg, msg) == 0) {
            free(msg);
            return;
        }
        d->last_other = p;
        free(d->last_msg);
        d->last_msg = xstrdup(msg);
    }
    Buf b = {0};
    pos_format(&b, p);
    buf_puts(&b, ": ");
    buf_puts(&b, msg);
    free(msg);
    Diag *g = xcalloc(1, sizeof *g);
    g->pos = p;
    g->text = xstrdup(buf_cstr(&b));
    g->seq = d->list.len;
    buf_free(&b);
    vec_push(&d->list, g);
    d->nerrors++;
}

void diag_error(Diags *d, Pos p, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    diag_verror(d, p, fmt, ap);
    va_end(ap);
}

void diag_error_nopos(Diags *d, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    Diag *g = xcalloc(1, sizeof *g);
    g->text = xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(g->text, (size_t)n + 1, fmt, ap);
    va_end(ap);
    g->seq = d->list.len;
    vec_push(&d->list, g);
    d->nerrors++;
}

bool diag_too_many(Diags *d) { return d->limit > 0 && d->nerrors >= d->limit; }

// gc sorts by physical position: files in the order they were read, then
// line and column before any //line remapping. Pos order is exactly that.
static int cmp_diag(const void *a, const void *b) {
    const Diag *x = *(Diag *const *)a, *y = *(Diag *const *)b;
    if (x->pos != y->pos)
        return x->pos < y->pos ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void diag_flush(Diags *d) {
    FILE *out = d->out ? d->out : stderr;
    // gc counts errors as they are reported; the one that reaches the limit
    // makes it print what it has (sorted) and then "too many errors" at
    // that error's position. So only the first `limit` reports take part.
    int n = d->list.len;
    Diag *last_kept = NULL;
    if (d->limit > 0 && n >= d->limit) {
        n = d->limit;
        last_kept = d->list.data[n - 1];
    }
    if (n > 1)  // qsort(NULL, 0, ...) is undefined behaviour
        qsort(d->list.data, (size_t)n, sizeof(Diag *), cmp_diag);
    const char *last = NULL;
    for (int i = 0; i < n; i++) {
        Diag *g = d->list.data[i];
        if (last && strcmp(last, g->text) == 0)
            continue;
        fprintf(out, "%s\n", g->text);
        last = g->text;
    }
    if (last_kept) {
        Buf b = {0};
        pos_format(&b, last_kept->pos);
        fprintf(out, "%s: too many errors\n", buf_cstr(&b));
        buf_free(&b);
    }
    fflush(out);
    diag_discard(d);
}

void diag_move(Diags *to, Diags *from) {
    for (int i = 0; i < from->list.len; i++) {
        from->list.data[i]->seq = to->list.len;
        vec_push(&to->list, from->list.data[i]);
        to->nerrors++;
    }
    from->list.len = 0;
    diag_discard(from);
}

void diag_discard(Diags *d) {
    for (int i = 0; i < d->list.len; i++) {
        free(d->list.data[i]->text);
        free(d->list.data[i]);
    }
    vec_free(&d->list);
    free(d->last_msg);
    d->last_msg = NULL;
}

bool diag_debug(const char *name) {
    size_t len = strlen(name);
    bool on = false;
    for (const char *v = getenv("GOESCDEBUG"); v && *v;) {
        size_t n = strcspn(v, ",");
        if (n >= len && strncmp(v, name, len) == 0 &&
            (n == len || (v[len] == '=' && !(n == len + 2 && v[len + 1] == '0'))))
            on = true;
        v += n + (v[n] == ',');
    }
    return on;
}
