// json0.c: gc's -json=0 optimizer log (cmd/compile/internal/logopt), for
// the records of the inliner and escape analysis. gc writes, per package
// compiled, DIR/<path-escaped package path>/<path-escaped file base>.json
// for each source file that has records: a version header, then one LSP
// diagnostic per line, stable-sorted by outermost position. The codes of
// gc's SSA passes (nilcheck, isInBounds, copy, ...) are not made here.
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "report.h"

// ---- JSON and URL text as Go's encoding/json and net/url write it ----

void report_json_str(Buf *b, const char *s) {
    static const char hex[] = "0123456789abcdef";
    buf_putc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        unsigned c = *p;
        if (c == '"' || c == '\\') {
            buf_putc(b, '\\');
            buf_putc(b, (char)c);
        } else if (c == '\n') {
            buf_puts(b, "\\n");
        } else if (c == '\r') {
            buf_puts(b, "\\r");
        } else if (c == '\t') {
            buf_puts(b, "\\t");
        } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
            buf_printf(b, "\\u00%c%c", hex[c >> 4], hex[c & 15]);
        } else if (c < 0x80) {
            buf_putc(b, (char)c);
        } else {
            // Valid UTF-8 passes, but U+2028 and U+2029 are escaped and
            // invalid bytes become U+FFFD, one per byte.
            int n = c >= 0xf0 && c < 0xf5 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 0;
            uint32_t r = n == 4 ? c & 7 : n == 3 ? c & 15 : c & 31;
            bool ok = n > 0;
            for (int i = 1; ok && i < n; i++) {
                if ((p[i] & 0xc0) != 0x80)
                    ok = false;
                else
                    r = r << 6 | (p[i] & 0x3f);
            }
            if (ok && ((n == 3 && (r < 0x800 || (r >= 0xd800 && r < 0xe000))) ||
                       (n == 4 && (r < 0x10000 || r > 0x10ffff))))
                ok = false;
            if (!ok) {
                buf_puts(b, "\\ufffd");
                p++;
                continue;
            }
            if (r == 0x2028 || r == 0x2029)
                buf_printf(b, "\\u%04x", r);
            else
                buf_put(b, (const char *)p, (size_t)n);
            p += n;
            continue;
        }
        p++;
    }
    buf_putc(b, '"');
}

// An errno's text as Go's syscall spells it: lower case.
static const char *go_strerror(int e) {
    static char buf[128];
    snprintf(buf, sizeof buf, "%s", strerror(e));
    if (buf[0] >= 'A' && buf[0] <= 'Z' && !(buf[1] >= 'A' && buf[1] <= 'Z'))
        buf[0] = (char)(buf[0] - 'A' + 'a');
    return buf;
}

// ---- positions ----

typedef struct JPos {
    const char *file;   // gc's file name: absolute (package mode) or as given
    int line, col;
} JPos;

static const char *file_name(const Json0Config *cfg, Str f, Buf *tmp) {
    tmp->len = 0;
    if (!f)
        return "";
    if (strncmp(f, "$GOROOT/", 8) == 0) {
        // gc reads these back from export data and writes them uprooted.
        buf_printf(tmp, "%s%s", cfg->goroot, f + 7);
        return buf_cstr(tmp);
    }
    if (f[0] == '/' || f[0] == '<' || cfg->names_as_given || !cfg->cwd)
        return f;
    const char *rel = strncmp(f, "./", 2) == 0 ? f + 2 : f;
    buf_printf(tmp, "%s/%s", cfg->cwd, rel);
    return buf_cstr(tmp);
}

static JPos jpos(const Json0Config *cfg, Pos p, Arena *a) {
    Position r = pos_resolve(p);
    Buf tmp = {0};
    const char *f = file_name(cfg, r.file, &tmp);
    JPos j = {arena_strndup(a, f, strlen(f)), r.line, r.col};
    buf_free(&tmp);
    // gc's positions hold 20 bits of line and 8 of column, saturating.
    if (j.line >= (1 << 20) - 1) {
        j.line = (1 << 20) - 1;
        j.col = 0;
    }
    if (j.col > 255)
        j.col = 255;
    return j;
}

static void put_range(Buf *b, JPos p) {
    buf_printf(b, "{\"start\":{\"line\":%d,\"character\":%d},\"end\":{\"line\":%d,\"character\":%d}}", p.line,
               p.col, p.line, p.col);
}

// The inline stack of (p, inl), outermost first; returns its depth.
static int stack(Pos p, int inl, Pos *out, int max) {
    int n = 0;
    out[n++] = p;
    for (int i = inl; i > 0 && n < max; i = pos_inl_parent(i))
        out[n++] = pos_inl_call(i);
    for (int i = 0; i < n / 2; i++) {
        Pos t = out[i];
        out[i] = out[n - 1 - i];
        out[n - 1 - i] = t;
    }
    return n;
}

// ---- diagnostics ----

static const char *code_of(RecKind k) {
    switch (k) {
    case REC_CAN_INLINE: return "canInlineFunction";
    case REC_CANNOT_INLINE: return "cannotInlineFunction";
    case REC_NO_INLINE_CALL: return "cannotInlineCall";
    case REC_ESCAPE_FLOW: return "escape";
    case REC_HEAP_ALLOC: return "escape";
    case REC_ESCAPE_AT_FLOW: return "escapes";
    case REC_LEAK_FLOW: return "leak";
    default: return NULL;
    }
}

typedef struct Entry {
    const Record *r;
    JPos at;            // outermost position
    int seq;
} Entry;

static int by_pos(const void *x, const void *y) {
    const Entry *a = x, *b = y;
    int c = strcmp(a->at.file, b->at.file);
    if (c)
        return c;
    if (a->at.line != b->at.line)
        return a->at.line < b->at.line ? -1 : 1;
    if (a->at.col != b->at.col)
        return a->at.col < b->at.col ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static void related(Buf *b, bool *first, const Json0Config *cfg, Pos p, const char *msg, Arena *a) {
    JPos j = jpos(cfg, p, a);
    buf_puts(b, *first ? ",\"relatedInformation\":[" : ",");
    *first = false;
    // (net/url writes an empty path's URI without the slashes)
    buf_puts(b, *j.file ? "{\"location\":{\"uri\":\"file://" : "{\"location\":{\"uri\":\"file:");
    report_url_escape(b, j.file, false);
    buf_puts(b, "\",\"range\":");
    put_range(b, j);
    buf_puts(b, "},\"message\":");
    report_json_str(b, msg);
    buf_putc(b, '}');
}

// Each position of an inline stack after the outermost, as "inlineLoc".
static void inline_locs(Buf *b, bool *first, const Json0Config *cfg, Pos p, int inl, Arena *a) {
    Pos st[64];
    int n = stack(p, inl, st, 64);
    for (int i = 1; i < n; i++)
        related(b, first, cfg, st[i], "inlineLoc", a);
}

static void diagnostic(Buf *b, const Entry *e, const Json0Config *cfg, Arena *a) {
    const Record *r = e->r;
    buf_puts(b, "{\"range\":");
    put_range(b, e->at);
    buf_printf(b, ",\"severity\":3,\"code\":\"%s\",\"source\":\"go compiler\",\"message\":", code_of(r->kind));
    report_json_str(b, r->target ? r->target : r->msg);
    bool first = true;
    inline_locs(b, &first, cfg, r->where, r->inl, a);
    Buf msg = {0};
    for (int i = 0; i < r->nsteps; i++) {
        const RecStep *s = &r->steps[i];
        msg.len = 0;
        if (s->kind == REC_STEP_FLOW)
            buf_printf(&msg, "escflow:    flow: %s:", s->text);
        else if (s->kind == REC_STEP_FROM)
            buf_printf(&msg, "escflow:      from %s (%s)", s->text, s->why);
        else
            continue;   // gc prints its truncation warning but does not log it
        Pos st[64];
        int n = stack(s->where, s->inl, st, 64);
        related(b, &first, cfg, st[0], buf_cstr(&msg), a);
        for (int k = 1; k < n; k++)
            related(b, &first, cfg, st[k], "inlineLoc", a);
    }
    buf_free(&msg);
    if (!first)
        buf_putc(b, ']');
    buf_puts(b, "}\n");
}

// os.MkdirAll.
static bool mkdir_all(const char *path) {
    struct stat st;
    if (stat(path, &st) == 0)
        return S_ISDIR(st.st_mode) || (errno = ENOTDIR, false);
    char *p = xstrdup(path);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = 0;
        if (mkdir(p, 0755) != 0 && errno != EEXIST) {
            free(p);
            return false;
        }
        *s = '/';
    }
    free(p);
    return mkdir(path, 0755) == 0 || errno == EEXIST;
}

static char *file_base(const char *file) {
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    size_t n = strlen(base);
    const char *dot = NULL;
    for (const char *q = base; (q = strstr(q, ".go")); q++)
        dot = q;
    if (dot)
        n = (size_t)(dot - base);
    return xasprintf("%.*s", (int)n, base);
}

bool report_json0(const RecordLog *log, int from, int to, const char *pkgpath, const Json0Config *cfg,
                  char **err) {
    Arena a = {0};
    VEC(Entry) es = {0};
    for (int i = from; i < to; i++) {
        const Record *r = &log->recs.data[i];
        if (!code_of(r->kind))
            continue;
        Entry e = {r, jpos(cfg, pos_outermost(r->where, r->inl), &a), i};
        vec_push(&es, e);
    }
    bool ok = true;
    if (es.len) {
        qsort(es.data, (size_t)es.len, sizeof *es.data, by_pos);
        // gc names a package without a path "\x00".
        bool nopath = !pkgpath || !*pkgpath;
        Buf dir = {0};
        buf_printf(&dir, "%s/", cfg->dir);
        if (nopath)
            buf_puts(&dir, "%00");
        else
            report_url_escape(&dir, pkgpath, true);
        if (!mkdir_all(buf_cstr(&dir))) {
            *err = xasprintf("Could not create directory %s for logging optimizer actions, mkdir %s: %s",
                             buf_cstr(&dir), buf_cstr(&dir), go_strerror(errno));
            ok = false;
        }
        Buf out = {0};
        const char *cur = NULL;
        FILE *f = NULL;
        for (int i = 0; ok && i <= es.len; i++) {
            if (i == es.len || !cur || strcmp(cur, es.data[i].at.file) != 0) {
                if (f) {
                    fwrite(out.data, 1, out.len, f);
                    if (fclose(f) != 0)
                        ok = false;
                    f = NULL;
                }
                if (i == es.len)
                    break;
                cur = es.data[i].at.file;
                char *base = file_base(cur);
                Buf path = {0};
                buf_printf(&path, "%s/", buf_cstr(&dir));
                report_url_escape(&path, base, true);
                buf_puts(&path, ".json");
                free(base);
                f = fopen(buf_cstr(&path), "w");
                if (!f) {
                    *err = xasprintf("Could not create file %s for logging optimizer actions, open %s: %s",
                                     buf_cstr(&path), buf_cstr(&path), go_strerror(errno));
                    ok = false;
                }
                buf_free(&path);
                out.len = 0;
                buf_puts(&out, "{\"version\":0,\"package\":");
                if (nopath)
                    buf_puts(&out, "\"\\u0000\"");
                else
                    report_json_str(&out, pkgpath);
                buf_puts(&out, ",\"goos\":");
                report_json_str(&out, cfg->goos);
                buf_puts(&out, ",\"goarch\":");
                report_json_str(&out, cfg->goarch);
                buf_puts(&out, ",\"gc_version\":");
                report_json_str(&out, cfg->gc_version);
                buf_puts(&out, ",\"file\":");
                report_json_str(&out, cur);
                buf_puts(&out, "}\n");
            }
            diagnostic(&out, &es.data[i], cfg, &a);
        }
        buf_free(&out);
        buf_free(&dir);
    }
    vec_free(&es);
    arena_free(&a);
    return ok;
}

// ---- the flag ----


static int unhex(int c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

char *report_json0_dir(const char *value, char **err) {
    const char *comma = strchr(value, ',');
    if (!comma) {
        *err = xasprintf("-json option should be '<version>,<destination>' where <version> is a number");
        return NULL;
    }
    const char *v = value;
    if (*v == '+' || *v == '-')
        v++;
    bool digits = v < comma;
    for (const char *q = v; q < comma; q++)
        digits = digits && *q >= '0' && *q <= '9';
    if (!digits) {
        *err = xasprintf("-json option should be '<version>,<destination>' where <version> is a number: "
                         "err=strconv.Atoi: parsing \"%.*s\": invalid syntax",
                         (int)(comma - value), value);
        return NULL;
    }
    if (strtol(value, NULL, 10) != 0) {
        *err = xasprintf("-json version must be 0");
        return NULL;
    }
    const char *dest = comma + 1;
    if (dest[0] == '/')
        return path_clean(dest);
    if (strncmp(dest, "file://", 7) == 0) {
        // host and path of the URI, %-decoded (query and fragment dropped)
        Buf b = {0};
        for (const char *q = dest + 7; *q && *q != '?' && *q != '#'; q++) {
            if (*q == '%') {
                int h = unhex(q[1]), l = h >= 0 ? unhex(q[2]) : -1;
                if (l < 0) {
                    *err = xasprintf("optimizer logging destination looked like file:// URI but failed to "
                                     "parse: err=parse \"%s\": invalid URL escape \"%.3s\"",
                                     dest, q);
                    buf_free(&b);
                    return NULL;
                }
                buf_putc(&b, (char)(h * 16 + l));
                q += 2;
            } else {
                buf_putc(&b, *q);
            }
        }
        char *r = path_clean(buf_cstr(&b));
        buf_free(&b);
        return r;
    }
    *err = xasprintf("optimizer logging destination %s was neither /-prefixed directory nor file://-prefixed "
                     "file URI",
                     dest);
    return NULL;
}

bool report_json0_mkdir(const char *dir, char **err) {
    if (mkdir_all(dir))
        return true;
    *err = xasprintf("optimizer logging destination '<version>,<directory>' but could not create <directory>: "
                     "err=mkdir %s: %s",
                     dir, go_strerror(errno));
    return false;
}
