// summary.c: per-package summaries, for gc-style separate compilation.
// gc compiles one package per run and writes its export data with -o;
// a later run importing the package reads the types and the escape tags
// of its functions from there (-I), without seeing the sources again.
// goesc checks from source and has no export data, so its -o file is a
// small text summary instead:
//
//   goesc summary 1                          magic and version
//   package test/a a                         -p path and package name
//   flags -l                                 flags that changed the results
//   file /abs/a.go 1234 89ab...              each source: size, FNV-1a 64
//   import ./b test/b /abs/test/b.a          as written, resolved, object
//   import fmt fmt -                         ("-": loaded from source)
//   func (*T).M 2 t:0100000000000000 u:0000000000000000
//   end
//
// A func line holds one word per receiver or parameter: "t:" (tagged) or
// "u:" (no tag) and the eight Leaks bytes in hex, keyed by gc's name for
// the function. The importer loads and type-checks the package from the
// recorded sources (refusing them if they changed since), then installs
// the recorded tags instead of analysing the functions again, so a
// package compiled with other flags keeps its own results. Words are
// %XX-escaped where they hold spaces, '%' or control bytes. Anything that
// does not parse is reported, never trusted: the file may be truncated,
// corrupt, or another tool's (gc's own .a files are not summaries).
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "escape.h"

#define SUMMARY_MAGIC "goesc summary 1"

// One function's recorded tags.
typedef struct SumFunc {
    Str name;
    int nparams;
    Leaks *tags;
    bool *tagged;
} SumFunc;

// What esc_summary_read keeps in LoadObject.data: the functions, sorted by
// name for lookup.
typedef struct Summary {
    SumFunc *funcs;
    int nfuncs;
} Summary;

static uint64_t fnv64(const char *s, size_t n) {
    uint64_t h = 14695981039346656037ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

// ---- writing ----

static void put_word(Buf *b, const char *s) {
    buf_putc(b, ' ');
    if (!*s) {
        buf_puts(b, "%");   // an empty word: a lone '%' (never produced by escaping)
        return;
    }
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c <= ' ' || c == '%' || c == 0x7f)
            buf_printf(b, "%%%02X", c);
        else
            buf_putc(b, (char)c);
    }
}

static Str abs_source(Package *p, int i) {
    const char *slash = strrchr(p->files[i], '/');
    Buf b = {0};
    buf_printf(&b, "%s/%s", p->dir, slash ? slash + 1 : p->files[i]);
    Str s = str_cstr(buf_cstr(&b));
    buf_free(&b);
    return s;
}

bool esc_summary_write(const char *out, Package *p, Str pkgpath, Str flags,
                       const EscRecord *r, char **err) {
    Buf b = {0};
    buf_puts(&b, SUMMARY_MAGIC "\npackage");
    put_word(&b, pkgpath);
    put_word(&b, p->name ? p->name : "");
    buf_puts(&b, "\nflags");
    put_word(&b, flags ? flags : "");
    buf_putc(&b, '\n');
    for (int i = 0; i < p->nfiles; i++) {
        Str f = abs_source(p, i);
        size_t n = 0;
        char *text = read_whole_file(f, &n);
        if (!text) {
            *err = xasprintf("read %s: %s", f, strerror(errno));
            buf_free(&b);
            return false;
        }
        buf_puts(&b, "file");
        put_word(&b, f);
        buf_printf(&b, " %zu %016llx\n", n, (unsigned long long)fnv64(text, n));
        free(text);
    }
    for (int i = 0; i < p->nimports; i++) {
        Package *q = p->imports[i];
        buf_puts(&b, "import");
        put_word(&b, p->import_paths[i]);
        put_word(&b, q ? q->path : p->import_paths[i]);
        put_word(&b, q && q->object ? q->object->file : "-");
        buf_putc(&b, '\n');
    }
    for (int i = 0; r && i < r->funcs.len; i++) {
        EscFunc *f = r->funcs.data[i];
        buf_puts(&b, "func");
        put_word(&b, f->name);
        buf_printf(&b, " %d", f->nparams);
        for (int j = 0; j < f->nparams; j++) {
            buf_puts(&b, f->params[j].tagged ? " t:" : " u:");
            for (int k = 0; k < 1 + ESC_NUM_RESULTS; k++)
                buf_printf(&b, "%02x", f->params[j].tag.v[k]);
        }
        buf_putc(&b, '\n');
    }
    buf_puts(&b, "end\n");
    FILE *fp = fopen(out, "w");
    bool ok = fp && fwrite(b.data, 1, b.len, fp) == b.len;
    if (fp && fclose(fp) != 0)
        ok = false;
    if (!ok) {
        // In gc's words, with Go's lower-case error text.
        char why[128];
        snprintf(why, sizeof why, "%s", strerror(errno));
        if (why[0] >= 'A' && why[0] <= 'Z')
            why[0] = (char)(why[0] - 'A' + 'a');
        *err = xasprintf("can't create %s: open %s: %s", out, out, why);
    }
    buf_free(&b);
    return ok;
}

// ---- reading ----

typedef struct Reader {
    char *s, *end;      // the unread text
    Arena *a;
    int line;
} Reader;

// The next line's words, split in place and unescaped; false at the end
// of the text or on a line without its newline (a truncated file).
static bool next_line(Reader *r, char **words, int max, int *n) {
    if (r->s >= r->end)
        return false;
    char *nl = memchr(r->s, '\n', (size_t)(r->end - r->s));
    if (!nl)
        return false;
    *nl = 0;
    r->line++;
    *n = 0;
    for (char *w = r->s; w && *n < max;) {
        char *sp = strchr(w, ' ');
        if (sp)
            *sp = 0;
        // Unescape %XX in place; a lone "%" is the empty word.
        char *o = w;
        if (strcmp(w, "%") == 0) {
            *o = 0;
        } else {
            for (char *i = w; *i;) {
                unsigned v;
                if (*i == '%' && i[1] && i[2] && sscanf(i + 1, "%2x", &v) == 1) {
                    *o++ = (char)v;
                    i += 3;
                } else {
                    *o++ = *i++;
                }
            }
            *o = 0;
        }
        words[(*n)++] = w;
        w = sp ? sp + 1 : NULL;
    }
    r->s = nl + 1;
    return true;
}

static bool parse_leaks(const char *w, Leaks *l, bool *tagged) {
    if ((w[0] != 't' && w[0] != 'u') || w[1] != ':' || strlen(w + 2) != 2 * (1 + ESC_NUM_RESULTS))
        return false;
    *tagged = w[0] == 't';
    for (int k = 0; k < 1 + ESC_NUM_RESULTS; k++) {
        unsigned v;
        char hex[3] = {w[2 + 2 * k], w[3 + 2 * k], 0};
        if (!strchr("0123456789abcdef", hex[0]) || !strchr("0123456789abcdef", hex[1]) ||
            sscanf(hex, "%2x", &v) != 1)
            return false;
        l->v[k] = (uint8_t)v;
    }
    return true;
}

static int cmp_func(const void *x, const void *y) {
    return strcmp(((const SumFunc *)x)->name, ((const SumFunc *)y)->name);
}

// Whether source file f still has the recorded size and hash.
static bool source_ok(const char *f, const char *size, const char *hash) {
    // Only regular files, and of the recorded size: a summary may name
    // anything, /dev/zero included.
    struct stat st;
    char buf[64];
    if (stat(f, &st) != 0 || !S_ISREG(st.st_mode))
        return false;
    snprintf(buf, sizeof buf, "%lld", (long long)st.st_size);
    if (strcmp(buf, size) != 0)
        return false;
    size_t n = 0;
    char *text = read_whole_file(f, &n);
    if (!text)
        return false;
    snprintf(buf, sizeof buf, "%zu", n);
    bool ok = strcmp(buf, size) == 0;
    snprintf(buf, sizeof buf, "%016llx", (unsigned long long)fnv64(text, n));
    ok = ok && strcmp(buf, hash) == 0;
    free(text);
    return ok;
}

enum { MAX_WORDS = 4096 };   // "func NAME N" and a tag per parameter

bool esc_summary_read(void *ctx, Str file, Arena *a, LoadObject *o, char **err) {
    (void)ctx;
    struct stat st;
    if (stat(file, &st) == 0 && !S_ISREG(st.st_mode)) {
        *err = xasprintf("not a goesc summary file: %s", file);
        return false;
    }
    size_t n = 0;
    char *text = read_whole_file(file, &n);
    if (!text) {
        *err = xasprintf("open %s: %s", file, strerror(errno));
        return false;
    }
    Reader r = {text, text + n, a, 0};
    char *w[MAX_WORDS];
    int nw;
    VEC(Str) files = {0}, imps = {0}, ipaths = {0}, ifiles = {0};
    VEC(SumFunc) funcs = {0};
    const char *why = NULL;
    bool ended = false;
    memset(o, 0, sizeof *o);
    o->file = file;
    if (n < sizeof SUMMARY_MAGIC || memcmp(text, SUMMARY_MAGIC "\n", sizeof SUMMARY_MAGIC) != 0) {
        *err = xasprintf("not a goesc summary file: %s", file);
        free(text);
        return false;
    }
    next_line(&r, w, MAX_WORDS, &nw);
    while (!why && !ended && next_line(&r, w, MAX_WORDS, &nw)) {
        if (strcmp(w[0], "end") == 0 && nw == 1) {
            ended = true;
        } else if (strcmp(w[0], "package") == 0 && nw == 3) {
            o->path = str_cstr(w[1]);
        } else if (strcmp(w[0], "flags") == 0) {
            // Informational: the tags below already reflect them.
        } else if (strcmp(w[0], "file") == 0 && nw == 4) {
            if (w[1][0] != '/')
                why = "source path is not absolute";
            else if (!source_ok(w[1], w[2], w[3])) {
                *err = xasprintf("source %s changed or is missing since %s was written", w[1], file);
                why = "";
            }
            vec_push(&files, str_cstr(w[1]));
        } else if (strcmp(w[0], "import") == 0 && nw == 4) {
            vec_push(&imps, str_cstr(w[1]));
            vec_push(&ipaths, str_cstr(w[2]));
            vec_push(&ifiles, strcmp(w[3], "-") == 0 ? NULL : str_cstr(w[3]));
            if (strcmp(w[3], "-") != 0 && w[3][0] != '/')
                why = "object path is not absolute";
        } else if (strcmp(w[0], "func") == 0 && nw >= 3) {
            char *e;
            long np = strtol(w[2], &e, 10);
            SumFunc f = {str_cstr(w[1]), (int)(np == nw - 3 ? np : 0), NULL, NULL};
            if (*e || np != nw - 3) {
                why = "bad parameter count";
                continue;
            }
            f.tags = ARENA_ARRAY(a, Leaks, f.nparams + 1);
            f.tagged = ARENA_ARRAY(a, bool, f.nparams + 1);
            for (int i = 0; i < f.nparams && !why; i++)
                if (!parse_leaks(w[3 + i], &f.tags[i], &f.tagged[i]))
                    why = "bad tag";
            vec_push(&funcs, f);
        } else {
            why = "unknown line";
        }
    }
    if (!why && !ended)
        why = "truncated";
    if (!why && r.s != r.end)
        why = "text after the end line";
    if (!why && (!o->path || !*o->path))
        why = "no package line";
    bool ok = why == NULL;
    if (!ok && !*err)
        *err = xasprintf("corrupt goesc summary %s: line %d: %s", file, r.line, why);
    if (ok) {
        o->nfiles = files.len;
        o->files = ARENA_ARRAY(a, Str, files.len + 1);
        memcpy(o->files, files.data, sizeof(Str) * (size_t)files.len);
        o->nimports = imps.len;
        o->imports = ARENA_ARRAY(a, Str, imps.len + 1);
        o->import_paths = ARENA_ARRAY(a, Str, imps.len + 1);
        o->import_files = ARENA_ARRAY(a, Str, imps.len + 1);
        for (int i = 0; i < imps.len; i++) {
            o->imports[i] = imps.data[i];
            o->import_paths[i] = ipaths.data[i];
            o->import_files[i] = ifiles.data[i];
        }
        Summary *s = ARENA_NEW(a, Summary);
        s->nfuncs = funcs.len;
        s->funcs = ARENA_ARRAY(a, SumFunc, funcs.len + 1);
        memcpy(s->funcs, funcs.data, sizeof(SumFunc) * (size_t)funcs.len);
        qsort(s->funcs, (size_t)s->nfuncs, sizeof(SumFunc), cmp_func);
        o->data = s;
    }
    vec_free(&files);
    vec_free(&imps);
    vec_free(&ipaths);
    vec_free(&ifiles);
    vec_free(&funcs);
    free(text);
    return ok;
}

bool esc_summary_apply(const LoadObject *o, EscFunc *f) {
    const Summary *s = o ? o->data : NULL;
    if (!s)
        return false;
    SumFunc key = {.name = f->name};
    const SumFunc *sf = bsearch(&key, s->funcs, (size_t)s->nfuncs, sizeof(SumFunc), cmp_func);
    if (!sf || sf->nparams != f->nparams)
        return false;
    for (int i = 0; i < f->nparams; i++) {
        f->params[i].tag = sf->tags[i];
        f->params[i].tagged = sf->tagged[i];
    }
    return true;
}

void esc_summary_discard(const char *out) {
    FILE *fp = fopen(out, "r");
    if (!fp)
        return;
    char head[sizeof SUMMARY_MAGIC];
    bool ours = fread(head, 1, sizeof head, fp) == sizeof head &&
                memcmp(head, SUMMARY_MAGIC "\n", sizeof head) == 0;
    fclose(fp);
    if (ours)
        unlink(out);
}
