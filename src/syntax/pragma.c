// pragma.c: //go: directives, as gc's noder handles them while parsing.
// The lexer hands over each directive comment as it scans it; here it is
// checked (placement on its own line, argument shapes, which directives
// need the -std or -+ flags) and its flag bits are collected until a
// declaration takes them (ps_take_pragma: a func or type keeps the bits
// gc allows there, the rest are recorded as misplaced for the driver to
// report after type checking, as gc does) or a statement or the end of a
// declaration clears them (ps_clear_pragma: misplaced at once).
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "syntax.h"

static bool has_prefix(const char *s, const char *pre) {
    return strncmp(s, pre, strlen(pre)) == 0;
}

// Errors of the directive checks: gc's noder reports them itself.
static void prag_error(Parser *p, Pos pos, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void prag_error(Parser *p, Pos pos, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    diag_verror(p->diags, pos, fmt, ap);
    va_end(ap);
    p->other_errs++;
}


typedef struct { const char *verb; uint32_t flags; } PragmaVerb;
static const PragmaVerb pragma_verbs[] = {
    {"go:build", PRAGMA_GOBUILD},
    {"go:noescape", PRAGMA_NOESCAPE},
    {"go:norace", PRAGMA_NORACE},
    {"go:nosplit", PRAGMA_NOSPLIT | PRAGMA_NOCHECKPTR},
    {"go:noinline", PRAGMA_NOINLINE},
    {"go:nocheckptr", PRAGMA_NOCHECKPTR},
    {"go:systemstack", PRAGMA_SYSTEMSTACK},
    {"go:nowritebarrier", PRAGMA_NOWRITEBARRIER},
    {"go:nowritebarrierrec", PRAGMA_NOWRITEBARRIERREC | PRAGMA_NOWRITEBARRIER},
    {"go:yeswritebarrierrec", PRAGMA_YESWRITEBARRIERREC},
    {"go:cgo_unsafe_args", PRAGMA_CGO_UNSAFE_ARGS | PRAGMA_NOCHECKPTR},
    {"go:uintptrkeepalive", PRAGMA_UINTPTRKEEPALIVE},
    {"go:uintptrescapes", PRAGMA_UINTPTRESCAPES | PRAGMA_UINTPTRKEEPALIVE},
    {"go:registerparams", PRAGMA_REGISTERPARAMS},
    {"go:notinheap", PRAGMA_NOTINHEAP},
};

static uint32_t pragma_flag(const char *verb, size_t n) {
    for (size_t i = 0; i < sizeof pragma_verbs / sizeof pragma_verbs[0]; i++)
        if (strlen(pragma_verbs[i].verb) == n && memcmp(pragma_verbs[i].verb, verb, n) == 0)
            return pragma_verbs[i].flags;
    return 0;
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static int count_fields(const char *s) {
    int n = 0;
    while (*s) {
        while (*s && is_space(*s))
            s++;
        if (!*s)
            break;
        n++;
        while (*s && !is_space(*s))
            s++;
    }
    return n;
}

// gc's parseGoEmbed: counts the patterns of a //go:embed line, or returns
// -1 with *bad set to the text gc quotes in its error.
static int embed_patterns(const char *s, const char **bad, int *badlen) {
    int n = 0;
    const char *all = s;
    for (;;) {
        while (*s && is_space(*s))
            s++;
        if (!*s)
            return n;
        const char *end;
        if (*s == '"' || *s == '`') {
            char q = *s;
            const char *t = s + 1;
            while (*t && *t != q) {
                if (q == '"' && *t == '\\' && t[1])
                    t++;
                t++;
            }
            if (!*t) {
                *bad = all, *badlen = (int)strlen(all);
                return -1;
            }
            end = t + 1;
            if (*end && !is_space(*end)) {
                *bad = all, *badlen = (int)(end - all);
                return -1;
            }
        } else {
            end = s;
            while (*end && !is_space(*end))
                end++;
        }
        n++;
        s = end;
    }
}

// gc's pragmaFields: fields split at blanks, except inside "...".
typedef struct { const char *s; int n; } Field;

static int pragma_fields(const char *s, Field *f, int max) {
    int n = 0, start = -1;
    bool quote = false;
    for (int i = 0; s[i]; i++) {
        char c = s[i];
        if (c == '"') {
            if (quote) {
                quote = false;
                if (n < max)
                    f[n] = (Field){s + start, i + 1 - start};
                n++;
                start = -1;
            } else {
                quote = true;
                if (start >= 0) {
                    if (n < max)
                        f[n] = (Field){s + start, i - start};
                    n++;
                }
                start = i;
            }
        } else if (!quote && is_space(c)) {
            if (start >= 0) {
                if (n < max)
                    f[n] = (Field){s + start, i - start};
                n++;
                start = -1;
            }
        } else if (start == -1) {
            start = i;
        }
    }
    if (!quote && start >= 0) {
        if (n < max)
            f[n] = (Field){s + start, (int)strlen(s + start)};
        n++;
    }
    return n;
}

static bool quoted(Field f) { return f.n >= 2 && f.s[0] == '"' && f.s[f.n - 1] == '"'; }

static bool field_is(Field f, const char *s) { return (int)strlen(s) == f.n && memcmp(f.s, s, (size_t)f.n) == 0; }

static bool safe_arg(const char *s) {
    unsigned char c = (unsigned char)s[0];
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' ||
           c == '_' || c == '/' || c >= 0x80;
}

// Files cgo generates may use every //go:cgo_ directive.
static bool cgo_file(Parser *p) {
    const char *path = pos_resolve(p->lx.tok.pos).file;
    if (!path)
        path = p->file->path;
    const char *base = strrchr(path, '/');
    return has_prefix(base ? base + 1 : path, "_cgo_");
}

// gc's pragcgo: the argument shapes of the //go:cgo_ directives.
static void cgo_usage(Parser *p, Pos pos, Field *f, int n) {
    const char *msg = NULL;
    Field v = f[0];
    if (field_is(v, "go:cgo_export_static") || field_is(v, "go:cgo_export_dynamic")) {
        if (!((n == 2 && !quoted(f[1])) || (n == 3 && !quoted(f[1]) && !quoted(f[2]))))
            msg = field_is(v, "go:cgo_export_static") ? "usage: //go:cgo_export_static local [remote]"
                                                       : "usage: //go:cgo_export_dynamic local [remote]";
    } else if (field_is(v, "go:cgo_import_dynamic")) {
        if (!((n == 2 && !quoted(f[1])) || (n == 3 && !quoted(f[1]) && !quoted(f[2])) ||
              (n == 4 && !quoted(f[1]) && !quoted(f[2]) && quoted(f[3]))))
            msg = "usage: //go:cgo_import_dynamic local [remote [\"library\"]]";
    } else if (field_is(v, "go:cgo_import_static")) {
        if (!(n == 2 && !quoted(f[1])))
            msg = "usage: //go:cgo_import_static local";
    } else if (field_is(v, "go:cgo_dynamic_linker")) {
        if (!(n == 2 && quoted(f[1])))
            msg = "usage: //go:cgo_dynamic_linker \"path\"";
    } else if (field_is(v, "go:cgo_ldflag")) {
        if (!(n == 2 && quoted(f[1])))
            msg = "usage: //go:cgo_ldflag \"arg\"";
    }
    if (msg)
        prag_error(p, pos, "%s", msg);
}

// Directives without a flag that the standard library may still use.
static bool allowed_in_std(const char *verb, size_t n) {
    static const char *const ok[] = {"go:cgo_export_static", "go:cgo_export_dynamic",
                                     "go:cgo_import_static", "go:cgo_import_dynamic",
                                     "go:cgo_ldflag", "go:cgo_dynamic_linker",
                                     "go:embed", "go:generate"};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (strlen(ok[i]) == n && memcmp(ok[i], verb, n) == 0)
            return true;
    return false;
}

static void pragma(Parser *p, const Comment *c) {
    const char *text = c->text;
    size_t len = str_len(c->text);
    if (len < 2)
        return;
    bool block = text[1] == '*';
    text += 2, len -= 2;
    if (block && len >= 2)
        len -= 2;
    if (!block && len > 0 && text[len - 1] == '\r')
        len--;
    if (len < 3 || memcmp(text, "go:", 3) != 0)
        return;
    char *t = arena_strndup(p->arena, text, len);
    Pos pos = c->pos + 2;
    p->prag_any = true;
    if (!c->blank_before) {
        prag_error(p, pos, "misplaced compiler directive");
        return;
    }
    if (has_prefix(t, "go:linkname ")) {
        int n = count_fields(t);
        if (n < 2 || n > 3)
            prag_error(p, pos, "usage: //go:linkname localname [linkname]");
        else
            vec_push(&p->linknames, pos);
        return;
    }
    if (strcmp(t, "go:embed") == 0 || has_prefix(t, "go:embed ")) {
        const char *bad = NULL;
        int badlen = 0;
        int n = embed_patterns(t + 8, &bad, &badlen);
        if (n < 0)
            prag_error(p, pos, "invalid quoted string in //go:embed: %.*s", badlen, bad);
        if (n <= 0) {
            prag_error(p, pos, "usage: //go:embed pattern...");
            return;
        }
        vec_push(&p->prag_embeds, pos);
        return;
    }
    if (has_prefix(t, "go:cgo_")) {
        Field f[8];
        int nf = pragma_fields(t, f, 8);
        if (has_prefix(t, "go:cgo_import_dynamic ") && nf >= 4) {
            // Allowed everywhere: Solaris code in x/sys uses it.
            const char *lib = f[3].s;
            int liblen = f[3].n;
            while (liblen > 0 && *lib == '"')
                lib++, liblen--;
            while (liblen > 0 && lib[liblen - 1] == '"')
                liblen--;
            if (liblen > 0 && !safe_arg(lib) && !cgo_file(p))
                prag_error(p, pos, "invalid library name \"%.*s\" in cgo_import_dynamic directive",
                            liblen, lib);
            cgo_usage(p, pos, f, nf);
            return;
        }
        if (!cgo_file(p) && !p->opts.std)
            prag_error(p, pos, "//%s only allowed in cgo-generated code", t);
        cgo_usage(p, pos, f, nf);
    }
    size_t vlen = 0;
    while (t[vlen] && t[vlen] != ' ')
        vlen++;
    uint32_t flag = pragma_flag(t, vlen);
    const uint32_t runtime_only = PRAGMA_SYSTEMSTACK | PRAGMA_NOWRITEBARRIER |
                                  PRAGMA_NOWRITEBARRIERREC | PRAGMA_YESWRITEBARRIERREC;
    if (!p->opts.compiling_runtime && (flag & runtime_only))
        prag_error(p, pos, "//%.*s only allowed in runtime", (int)vlen, t);
    if (flag == PRAGMA_UINTPTRKEEPALIVE && !p->opts.std)
        prag_error(p, pos, "//%.*s is only allowed in the standard library", (int)vlen, t);
    if (flag == 0 && p->opts.std && !allowed_in_std(t, vlen))
        prag_error(p, pos, "//%.*s is not allowed in the standard library", (int)vlen, t);
    p->prag_flags |= flag;
    struct PragPos pp = {flag, pos};
    vec_push(&p->prag_pos, pp);
}

void ps_handle_directives(Parser *p) {
    for (int i = 0; i < p->lx.pending.len; i++)
        pragma(p, &p->lx.pending.data[i]);
    p->lx.pending.len = 0;
}

void ps_reset_pragma(Parser *p) {
    p->prag_any = false;
    p->prag_flags = 0;
    p->prag_pos.len = 0;
    p->prag_embeds.len = 0;
}

uint32_t ps_take_pragma(Parser *p, uint32_t allowed, bool embeds_ok) {
    uint32_t flags = p->prag_flags, bad = flags & ~allowed;
    for (int i = 0; i < p->prag_pos.len; i++)
        if (p->prag_pos.data[i].flag & bad)
            ps_late_error(p, p->prag_pos.data[i].pos, "misplaced compiler directive");
    if (!embeds_ok)
        for (int i = 0; i < p->prag_embeds.len; i++)
            ps_late_error(p, p->prag_embeds.data[i], "misplaced go:embed directive");
    ps_reset_pragma(p);
    return flags & allowed;
}

// Directives that no declaration took are misplaced (gc's
// checkUnusedDuringParse): only those with a known meaning are reported.
void ps_clear_pragma(Parser *p) {
    if (!p->prag_any)
        return;
    for (int i = 0; i < p->prag_pos.len; i++)
        if (p->prag_pos.data[i].flag & p->prag_flags)
            prag_error(p, p->prag_pos.data[i].pos, "misplaced compiler directive");
    for (int i = 0; i < p->prag_embeds.len; i++)
        prag_error(p, p->prag_embeds.data[i], "misplaced go:embed directive");
    ps_reset_pragma(p);
}


void ps_late_error(Parser *p, Pos pos, const char *msg) {
    struct LateError e = {pos, msg};
    vec_push(&p->late, e);
}

static bool imports_unsafe(SynFile *f) {
    for (int i = 0; i < f->decls.n; i++) {
        Node *d = f->decls.v[i];
        if (d->kind != N_GEN_DECL || d->op != TK_IMPORT)
            continue;
        for (int j = 0; j < d->u.gen_decl.specs.n; j++) {
            Node *path = d->u.gen_decl.specs.v[j]->u.import_spec.path;
            if (path->kind == N_BASIC_LIT && strlen(path->u.lit.value) == 8 &&
                memcmp(path->u.lit.value + 1, "unsafe", 6) == 0)
                return true;
        }
    }
    return false;
}

// gc's processPragmas: //go:linkname needs an import of "unsafe". (Whether
// the name is declared is for the type checker.)
void ps_finish_pragmas(Parser *p) {
    if (p->linknames.len == 0 || imports_unsafe(p->file))
        return;
    for (int i = 0; i < p->linknames.len; i++)
        ps_late_error(p, p->linknames.data[i],
                      "//go:linkname only allowed in Go files that import \"unsafe\"");
}
