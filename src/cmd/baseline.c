// baseline.c: goesc assert -baseline FILE writes the heap allocations and
// inlined calls of the analysed packages; -against FILE fails on any that
// is not in it and notes those that are gone. Entries are keyed by what
// survives edits elsewhere: package, function, expression and kind, not
// lines; a key that occurs N times (two &T{} in one function) counts N.
//
// The file is text, one entry a line, sorted:
//   # goesc assert baseline v1
//   KIND<TAB>PACKAGE<TAB>FUNCTION<TAB>COUNT<TAB>EXPRESSION
// KIND is moved (moved to heap: x), escapes (X escapes to heap) or inline
// (inlining call to F); tabs, newlines and backslashes in fields are
// written \t, \n and \\.
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../ir/ir.h"
#include "assert.h"

#define HEADER "# goesc assert baseline v1"

typedef struct Entry {
    char *key;              // KIND\tPACKAGE\tFUNCTION\tEXPRESSION, escaped
    int count;
    int line;               // in the baseline file (0: current)
    VEC(const Record *) recs;   // current: its records, in order
} Entry;
typedef VEC(Entry) Entries;

static void put_escaped(Buf *b, const char *s) {
    for (;;) {
        // the run up to the next character to escape, at once
        size_t n = strcspn(s, "\t\n\\");
        buf_put(b, s, n);
        s += n;
        if (!*s)
            return;
        buf_puts(b, *s == '\t' ? "\\t" : *s == '\n' ? "\\n" : "\\\\");
        s++;
    }
}

// The kind and expression of a record the baseline keeps; NULL if none.
static const char *entry_kind(const Record *r, char **expr) {
    const char *m = r->msg ? r->msg : "";
    size_t n = strlen(m);
    const char *k = NULL;
    if (r->kind == REC_MOVED_TO_HEAP && strncmp(m, "moved to heap: ", 15) == 0)
        k = "moved", *expr = xstrdup(m + 15);
    else if ((r->kind == REC_ESCAPES || r->kind == REC_ESCAPE_ERROR) && n > 15 && strstr(m, " escapes to heap"))
        k = "escapes", *expr = xasprintf("%.*s", (int)(strstr(m, " escapes to heap") - m), m);
    else if (r->kind == REC_INLINE_CALL && strncmp(m, "inlining call to ", 17) == 0)
        k = "inline", *expr = xstrdup(m + 17);
    return k;
}

static int entry_cmp(const void *a, const void *b) {
    return strcmp(((const Entry *)a)->key, ((const Entry *)b)->key);
}

// The current entries, sorted, with their records.
static void current(AssertRun *ar, Entries *out) {
    for (int p = 0; p < ar->npkgs; p++) {
        const ReportPackage *rp = &ar->ranges[p];
        for (int i = rp->from; i < rp->to; i++) {
            const Record *r = &ar->log->recs.data[i];
            char *expr = NULL;
            const char *kind = entry_kind(r, &expr);
            if (!kind)
                continue;
            Buf b = {0};
            buf_printf(&b, "%s\t", kind);
            put_escaped(&b, rp->path ? rp->path : "");
            buf_putc(&b, '\t');
            put_escaped(&b, r->func ? r->func : "<init>");
            buf_putc(&b, '\t');
            put_escaped(&b, expr);
            free(expr);
            Entry e = {xstrdup(buf_cstr(&b)), 1, 0, {0}};
            vec_push(&e.recs, r);
            vec_push(out, e);
            buf_free(&b);
        }
    }
    if (out->len > 1)
        qsort(out->data, (size_t)out->len, sizeof *out->data, entry_cmp);
    // merge equal keys, keeping their records in log order
    int w = 0;
    for (int i = 0; i < out->len; i++) {
        Entry *e = &out->data[i];
        if (w > 0 && strcmp(out->data[w - 1].key, e->key) == 0) {
            Entry *prev = &out->data[w - 1];
            prev->count++;
            vec_push(&prev->recs, e->recs.data[0]);
            free(e->key);
            vec_free(&e->recs);
        } else {
            out->data[w++] = *e;
        }
    }
    out->len = w;
}

static void entries_free(Entries *es) {
    for (int i = 0; i < es->len; i++) {
        free(es->data[i].key);
        vec_free(&es->data[i].recs);
    }
    vec_free(es);
}

int assert_baseline_write(AssertRun *ar, const char *path) {
    Entries es = {0};
    current(ar, &es);
    Buf b = {0};
    buf_puts(&b, HEADER "\n# kind\tpackage\tfunction\tcount\texpression\n");
    int nheap = 0, ninl = 0;
    for (int i = 0; i < es.len; i++) {
        // KIND\tPKG\tFUNC\tEXPR -> KIND\tPKG\tFUNC\tCOUNT\tEXPR
        const char *k = es.data[i].key;
        const char *t3 = strchr(strchr(strchr(k, '\t') + 1, '\t') + 1, '\t');
        buf_printf(&b, "%.*s\t%d%s\n", (int)(t3 - k), k, es.data[i].count, t3);
        if (strncmp(k, "inline\t", 7) == 0)
            ninl += es.data[i].count;
        else
            nheap += es.data[i].count;
    }
    FILE *f = fopen(path, "w");
    bool ok = f && fwrite(b.data, 1, b.len, f) == b.len;
    if (f && fclose(f) != 0)
        ok = false;
    if (!ok)
        fprintf(stderr, "goesc assert: writing baseline %s: %s\n", path, strerror(errno));
    else
        fprintf(stderr, "goesc assert: wrote %s: %d heap allocations, %d inlined calls\n", path, nheap, ninl);
    buf_free(&b);
    entries_free(&es);
    return ok ? 0 : 2;
}

// Reads a baseline; false after printing why it is not one.
static bool read_baseline(const char *path, Entries *out) {
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "goesc assert: reading baseline %s: %s\n", path, strerror(errno));
        return false;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int ln = 0;
    bool ok = true;
    while (ok && (n = getline(&line, &cap, f)) >= 0) {
        ln++;
        if (n > 0 && line[n - 1] == '\n')
            line[--n] = 0;
        if (ln == 1) {
            if (strcmp(line, HEADER) != 0) {
                fprintf(stderr, "goesc assert: %s:1: not a goesc baseline (want \"%s\" first)\n", path, HEADER);
                ok = false;
            }
            continue;
        }
        if (line[0] == '#' || (n == 0))
            continue;
        // KIND\tPKG\tFUNC\tCOUNT\tEXPR
        char *f1 = strchr(line, '\t'), *f2 = f1 ? strchr(f1 + 1, '\t') : NULL;
        char *f3 = f2 ? strchr(f2 + 1, '\t') : NULL, *f4 = f3 ? strchr(f3 + 1, '\t') : NULL;
        char *end = NULL;
        long count = f3 ? strtol(f3 + 1, &end, 10) : 0;
        bool kind_ok = f1 && ((f1 - line == 5 && strncmp(line, "moved", 5) == 0) ||
                              (f1 - line == 7 && strncmp(line, "escapes", 7) == 0) ||
                              (f1 - line == 6 && strncmp(line, "inline", 6) == 0));
        if (!f4 || !kind_ok || end != f4 || count <= 0 || count > 1000000 || strchr(f4 + 1, '\t') ||
            !f4[1] || strlen(line) != (size_t)n) {
            fprintf(stderr, "goesc assert: %s:%d: corrupt baseline entry (want KIND\\tPACKAGE\\tFUNCTION\\tCOUNT\\tEXPRESSION)\n",
                    path, ln);
            ok = false;
            continue;
        }
        Entry e = {xasprintf("%.*s%s", (int)(f3 - line), line, f4), (int)count, ln, {0}};
        vec_push(out, e);
    }
    if (ok && ln == 0) {
        fprintf(stderr, "goesc assert: %s: empty file, not a goesc baseline\n", path);
        ok = false;
    }
    if (ok && ferror(f)) {
        fprintf(stderr, "goesc assert: reading baseline %s: %s\n", path, strerror(errno));
        ok = false;
    }
    free(line);
    fclose(f);
    if (ok) {
        if (out->len > 1)
            qsort(out->data, (size_t)out->len, sizeof *out->data, entry_cmp);
        for (int i = 1; i < out->len && ok; i++)
            if (strcmp(out->data[i - 1].key, out->data[i].key) == 0) {
                fprintf(stderr, "goesc assert: %s:%d: corrupt baseline: entry repeated from line %d\n", path,
                        out->data[i].line, out->data[i - 1].line);
                ok = false;
            }
    }
    return ok;
}

// "in F of pkg" from a key: its function and package fields.
static char *key_func(const char *key, bool with_pkg) {
    const char *a = strchr(key, '\t') + 1, *b = strchr(a, '\t'), *c = strchr(b + 1, '\t');
    return with_pkg ? xasprintf("%.*s in %.*s", (int)(c - b - 1), b + 1, (int)(b - a), a)
                    : xasprintf("%.*s", (int)(c - b - 1), b + 1);
}

static void regressed(AssertRun *ar, const char *path, const Entry *cur, int extra) {
    bool inl = strncmp(cur->key, "inline\t", 7) == 0;
    if (inl)
        return;  // a new inlined call is no regression
    // the last ones are taken as the new ones: the order is gc's
    for (int k = cur->recs.len - extra; k < cur->recs.len; k++) {
        const Record *r = cur->recs.data[k];
        int l, c;
        SrcFile *f = assert_rec_at(r, &l, &c);
        assert_msg(ar, false, assert_file_name(ar, f), l, c,
                   "new heap allocation, not in baseline %s: %s (in %s; why: goesc explain %s)", path, r->msg,
                   r->func ? r->func : "<init>", r->pos ? r->pos : "?");
    }
}

static void improved(AssertRun *ar, const char *path, const Entry *base, int fewer) {
    const char *k = base->key;
    const char *expr = strrchr(k, '\t') + 1;
    char *fn = key_func(k, true);
    if (strncmp(k, "inline\t", 7) == 0)
        assert_msg(ar, false, path, base->line, 1, "inlining lost: call to %s in %s no longer inlined (%d fewer)",
                   expr, fn, fewer);
    else
        assert_note(ar, path, base->line, 1, "improvement: %s %s gone from %s (%d fewer)",
                    strncmp(k, "moved", 5) == 0 ? "move to heap of" : "heap allocation of", expr, fn, fewer);
    free(fn);
}

int assert_baseline_against(AssertRun *ar, const char *path) {
    Entries base = {0}, cur = {0};
    if (!read_baseline(path, &base)) {
        entries_free(&base);
        return 2;
    }
    current(ar, &cur);
    int i = 0, j = 0;
    while (i < base.len || j < cur.len) {
        int c = i == base.len ? 1 : j == cur.len ? -1 : strcmp(base.data[i].key, cur.data[j].key);
        if (c < 0) {
            improved(ar, path, &base.data[i], base.data[i].count);
            i++;
        } else if (c > 0) {
            regressed(ar, path, &cur.data[j], cur.data[j].count);
            j++;
        } else {
            if (cur.data[j].count > base.data[i].count)
                regressed(ar, path, &cur.data[j], cur.data[j].count - base.data[i].count);
            else if (cur.data[j].count < base.data[i].count)
                improved(ar, path, &base.data[i], base.data[i].count - cur.data[j].count);
            i++, j++;
        }
    }
    entries_free(&base);
    entries_free(&cur);
    return 0;
}

// goesc diff's snapshot of one revision (written by a child goesc run
// as "goesc assert -snapshot FILE"): the diagnostics diff compares, one a
// line, KIND PACKAGE FUNCTION POSITION COL16 HEAP MESSAGE, tab-separated
// and escaped as the baseline's fields. COL16 is the UTF-16 column that
// SARIF wants, which diff cannot work out once the tree is gone.
int assert_snapshot_write(AssertRun *ar, const char *path) {
    Buf b = {0};
    buf_puts(&b, "# goesc diff snapshot v2\n");
    for (int p = 0; p < ar->npkgs; p++) {
        const ReportPackage *rp = &ar->ranges[p];
        for (int i = rp->from; i < rp->to; i++) {
            const Record *r = &ar->log->recs.data[i];
            bool heap = assert_rec_heap(r);
            if (!heap && r->kind != REC_INLINE_CALL && r->kind != REC_CAN_INLINE && r->kind != REC_LEAK)
                continue;
            const ReportKind *k = report_kind(r->kind);
            if (!k || r->level > 1)
                continue;
            int col16 = 0;
            if (r->where != NOPOS) {
                ReportWhere w = report_where(pos_outermost(r->where, r->inl), r->pos, NULL);
                col16 = w.col16;
                report_where_free(&w);
            }
            buf_printf(&b, "%s\t", k->id);
            put_escaped(&b, rp->path ? rp->path : "");
            buf_putc(&b, '\t');
            put_escaped(&b, r->func ? r->func : "<init>");
            buf_putc(&b, '\t');
            put_escaped(&b, r->pos ? r->pos : "?");
            buf_printf(&b, "\t%d\t%d\t", col16, heap);
            put_escaped(&b, r->msg ? r->msg : "");
            buf_putc(&b, '\n');
        }
        // every function declared, with where, so that diff tells a
        // function that can no longer be inlined from one that is gone,
        // and has a line in NEW for a change that only OLD has a line for
        Package *pk = ar->pkgs[p];
        for (int f = 0; f < pk->nfiles; f++)
            for (int d = 0; pk->syn && pk->syn[f] && d < pk->syn[f]->decls.n; d++) {
                Node *fd = pk->syn[f]->decls.v[d];
                if (fd->kind != N_FUNC_DECL)
                    continue;
                Pos at = fd->u.func_decl.name->pos;
                ReportWhere w = report_where(at, NULL, NULL);
                buf_puts(&b, "func\t");
                put_escaped(&b, rp->path ? rp->path : "");
                buf_putc(&b, '\t');
                put_escaped(&b, ir_func_decl_name(fd));
                buf_putc(&b, '\t');
                put_escaped(&b, pk->files[f]);
                buf_printf(&b, ":%d:%d\t%d\t0\t-\n", w.line, w.col, w.col16);
                report_where_free(&w);
            }
    }
    FILE *f = fopen(path, "w");
    bool ok = f && fwrite(b.data, 1, b.len, f) == b.len;
    if (f && fclose(f) != 0)
        ok = false;
    if (!ok)
        fprintf(stderr, "goesc: writing snapshot %s: %s\n", path, strerror(errno));
    buf_free(&b);
    return ok ? 0 : 2;
}
