// build.c: which .go files of a directory belong to the build, by go/build's
// rules. A file is out if its name starts with _ or ., if
// its name carries a _GOOS/_GOARCH suffix for another target, if the
// //go:build line (or, without one, the // +build lines) of its header is
// false, or if it imports "C" with cgo off (with cgo on it is one of the
// package's CgoFiles, kept apart). Only the header is interpreted here: the
// comments before the package clause, the package name and the import
// declarations. The full parse comes later, and only for selected files.
// Files named on the command line escape the name and constraint rules (not
// the cgo one), as they do in cmd/go.
//
// The header rules are subtle and matter: a //go:build line counts anywhere
// among the leading comments, but a // +build line only counts when a blank
// line separates it from the package clause, so that a doc comment
// mentioning "+build" does not become a constraint.
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "types.h"

static const char *const known_os[] = {
    "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos",
    "ios", "js", "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris",
    "windows", "zos", NULL};
static const char *const unix_os[] = {
    "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos",
    "ios", "linux", "netbsd", "openbsd", "solaris", NULL};
static const char *const known_arch[] = {
    "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64",
    "mips", "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc",
    "ppc64", "ppc64le", "riscv", "riscv64", "s390", "s390x", "sparc",
    "sparc64", "wasm", NULL};

// Go 1.19's release tags go1.1 .. go1.19.
enum { GO_RELEASE = 19 };

static bool in_list(const char *const *list, const char *s, size_t n) {
    for (; *list; list++)
        if (strlen(*list) == n && memcmp(*list, s, n) == 0)
            return true;
    return false;
}

static bool eq(const char *s, size_t n, const char *lit) {
    return strlen(lit) == n && memcmp(s, lit, n) == 0;
}

void build_ctx_init(BuildCtx *b, Str goos, Str goarch, Str *tags, int ntags) {
    b->goos = goos;
    b->goarch = goarch;
    b->release = GO_RELEASE;
    // The tool tags cmd/go adds: the register ABI experiments are on by
    // default in 1.19 on these architectures (buildcfg's regabi defaults).
    static const char *const regabi[] = {"amd64", "arm64", "ppc64", "ppc64le", "riscv64", NULL};
    b->ntags = ntags + 2;
    b->tags = xcalloc((size_t)b->ntags, sizeof(Str));
    int k = 0;
    for (int i = 0; i < ntags; i++)
        b->tags[k++] = tags[i];
    if (in_list(regabi, goarch, str_len(goarch))) {
        b->tags[k++] = str_cstr("goexperiment.regabiwrappers");
        b->tags[k++] = str_cstr("goexperiment.regabiargs");
    }
    b->ntags = k;
}

bool build_match_tag(const BuildCtx *b, const char *tag, size_t n) {
    if (eq(tag, n, "cgo") && b->cgo)
        return true;  // else only -tags=cgo sets it (files importing "C" stay out)
    if (eq(tag, n, b->goos) || eq(tag, n, b->goarch) || eq(tag, n, "gc"))
        return true;
    for (int i = 0; i < b->ntags; i++)
        if (eq(tag, n, b->tags[i]))
            return true;
    if (n > 4 && memcmp(tag, "go1.", 4) == 0) {
        int v = 0;
        size_t i = 4;
        for (; i < n && tag[i] >= '0' && tag[i] <= '9' && v < 1000; i++)
            v = v * 10 + (tag[i] - '0');
        if (i == n && tag[4] != '0' && v >= 1 && v <= b->release)
            return true;
    }
    // GOOS values that imply another one.
    if (eq(tag, n, "linux") && strcmp(b->goos, "android") == 0)
        return true;
    if (eq(tag, n, "solaris") && strcmp(b->goos, "illumos") == 0)
        return true;
    if (eq(tag, n, "darwin") && strcmp(b->goos, "ios") == 0)
        return true;
    if (eq(tag, n, "unix") && in_list(unix_os, b->goos, str_len(b->goos)))
        return true;
    return false;
}

bool build_good_os_arch_file(const BuildCtx *b, const char *name) {
    // Only the part from the first '_' up to the first '.' is looked at, so
    // that "linux.go" is not constrained but "x_linux.go" is.
    const char *dot = strchr(name, '.');
    size_t n = dot ? (size_t)(dot - name) : strlen(name);
    const char *us = memchr(name, '_', n);
    if (!us)
        return true;
    // Split name[us..n) at '_' into at most the last three elements.
    const char *el[64];
    size_t len[64];
    int k = 0;
    const char *p = us + 1, *end = name + n;
    while (k < 64) {
        const char *q = memchr(p, '_', (size_t)(end - p));
        if (!q)
            q = end;
        el[k] = p;
        len[k] = (size_t)(q - p);
        k++;
        if (q == end)
            break;
        p = q + 1;
    }
    if (k > 0 && eq(el[k - 1], len[k - 1], "test"))
        k--;
    if (k >= 2 && in_list(known_os, el[k - 2], len[k - 2]) &&
        in_list(known_arch, el[k - 1], len[k - 1]))
        return build_match_tag(b, el[k - 2], len[k - 2]) &&
               build_match_tag(b, el[k - 1], len[k - 1]);
    if (k >= 1 && (in_list(known_os, el[k - 1], len[k - 1]) ||
                   in_list(known_arch, el[k - 1], len[k - 1])))
        return build_match_tag(b, el[k - 1], len[k - 1]);
    return true;
}

typedef VEC(FileImport) FileImportVec;
typedef VEC(Str) StrVec;

// ---- //go:build expressions: || over && over ! over (x) and tags ----

typedef struct CondParser {
    const BuildCtx *b;
    const char *s, *e;  // rest of the line
    const char *tok;    // current token
    size_t toklen;
    int paren;          // open parentheses around the current position
    char err[80];       // first syntax error in go/build/constraint's words
} CondParser;

static bool is_tag_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_' || c == '.' || c >= 0x80;
}

static void cond_error(CondParser *p, const char *msg, const char *tok, size_t n) {
    if (p->err[0])
        return;
    // An expression cut short inside parentheses reads as an unclosed one.
    if (strcmp(msg, "unexpected end of expression") == 0 && p->paren > 0)
        msg = "missing close paren";
    snprintf(p->err, sizeof p->err, "%s%.*s", msg, (int)n, tok);
}

static void cond_lex(CondParser *p) {
    while (p->s < p->e && (*p->s == ' ' || *p->s == '\t'))
        p->s++;
    p->tok = p->s;
    p->toklen = 0;
    if (p->s == p->e)
        return;
    if (*p->s == '(' || *p->s == ')' || *p->s == '!') {
        p->toklen = 1;
    } else if (*p->s == '&' || *p->s == '|') {
        if (p->e - p->s < 2 || p->s[1] != p->s[0]) {
            cond_error(p, "invalid syntax at ", p->s, 1);
            p->s = p->e;
            return;
        }
        p->toklen = 2;
    } else if (is_tag_byte((unsigned char)*p->s)) {
        const char *q = p->s;
        while (q < p->e && is_tag_byte((unsigned char)*q))
            q++;
        p->toklen = (size_t)(q - p->s);
    } else {
        cond_error(p, "invalid syntax at ", p->s, 1);
        p->s = p->e;
        return;
    }
    p->s += p->toklen;
}

static bool tok_is(CondParser *p, const char *t) { return eq(p->tok, p->toklen, t); }

static bool cond_or(CondParser *p);

// A tag, a negation or a parenthesized expression; the current token is
// its first.
static bool cond_not(CondParser *p) {
    if (tok_is(p, "!")) {
        cond_lex(p);
        if (tok_is(p, "!"))
            cond_error(p, "double negation not allowed", "", 0);
        return !cond_not(p);
    }
    if (tok_is(p, "(")) {
        p->paren++;
        cond_lex(p);
        bool v = cond_or(p);
        p->paren--;
        if (!tok_is(p, ")"))
            cond_error(p, "missing close paren", "", 0);
        cond_lex(p);
        return v;
    }
    if (p->toklen == 0) {
        cond_error(p, "unexpected end of expression", "", 0);
        return false;
    }
    if (!is_tag_byte((unsigned char)*p->tok)) {
        cond_error(p, "unexpected token ", p->tok, p->toklen);
        return false;
    }
    bool v = build_match_tag(p->b, p->tok, p->toklen);
    cond_lex(p);
    return v;
}

static bool cond_and(CondParser *p) {
    bool v = cond_not(p);
    while (!p->err[0] && tok_is(p, "&&")) {
        cond_lex(p);
        bool w = cond_not(p);
        v = v && w;
    }
    return v;
}

static bool cond_or(CondParser *p) {
    bool v = cond_and(p);
    while (!p->err[0] && tok_is(p, "||")) {
        cond_lex(p);
        bool w = cond_and(p);
        v = v || w;
    }
    return v;
}

// Evaluates the expression after "//go:build". On a syntax error, returns
// false and copies go/build's message into err.
static bool eval_go_build(const BuildCtx *b, const char *s, const char *e, char *err, size_t errlen) {
    CondParser p = {.b = b, .s = s, .e = e};
    cond_lex(&p);
    bool v = cond_or(&p);
    if (p.toklen != 0)
        cond_error(&p, "unexpected token ", p.tok, p.toklen);
    snprintf(err, errlen, "%s", p.err);
    return p.err[0] ? false : v;
}

// A "// +build" line: space-separated options (OR) of comma-separated
// terms (AND), each an optionally negated tag. go/build never rejects such
// a line: a malformed term ("!!x", "!", a bad tag) stands for the tag
// "ignore", and an empty line for "ignore" itself.
static bool eval_plus_build(const BuildCtx *b, const char *s, const char *e) {
    bool any = false, v = false;
    while (s < e) {
        while (s < e && (*s == ' ' || *s == '\t'))
            s++;
        if (s == e)
            break;
        const char *f = s;
        while (s < e && *s != ' ' && *s != '\t')
            s++;
        any = true;
        bool all = true;
        for (const char *t = f; t <= s;) {
            const char *c = memchr(t, ',', (size_t)(s - t));
            if (!c)
                c = s;
            bool m;
            if ((c - t >= 2 && t[0] == '!' && t[1] == '!') || (c - t == 1 && t[0] == '!')) {
                m = build_match_tag(b, "ignore", 6);
            } else {
                bool neg = t < c && *t == '!';
                const char *a = neg ? t + 1 : t;
                bool valid = a < c;
                for (const char *q = a; q < c; q++)
                    valid = valid && is_tag_byte((unsigned char)*q);
                m = valid ? build_match_tag(b, a, (size_t)(c - a)) : build_match_tag(b, "ignore", 6);
                if (neg)
                    m = !m;
            }
            all = all && m;
            t = c + 1;
        }
        v = v || all;
    }
    return any ? v : build_match_tag(b, "ignore", 6);
}

// ---- the header ----

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; }

// Trims s..e in place.
static void trim(const char **s, const char **e) {
    while (*s < *e && is_space(**s))
        (*s)++;
    while (*e > *s && is_space((*e)[-1]))
        (*e)--;
}

static bool has_prefix(const char *s, const char *e, const char *pre) {
    size_t n = strlen(pre);
    return (size_t)(e - s) >= n && memcmp(s, pre, n) == 0;
}

// Scans the leading comments: finds the //go:build line and the extent of
// the region in which // +build lines count (up to the last blank line
// before the first non-comment text). Then evaluates the constraints.
// Returns how far it read: to the end of the first line of other text.
static size_t header_constraints(const BuildCtx *b, const char *text, size_t n, FileHeader *h) {
    const char *p = text, *end = text + n;
    size_t plus_end = 0;            // +build lines count in text[0..plus_end)
    const char *gb = NULL, *gbe = NULL;  // the //go:build line
    bool in_block = false, ended = false;
    while (p < end) {
        const char *ls = p, *le = memchr(p, '\n', (size_t)(end - p));
        if (!le)
            le = end;
        p = le < end ? le + 1 : end;
        trim(&ls, &le);
        if (ls == le && !ended) {
            plus_end = (size_t)(p - text);
            continue;
        }
        if (!has_prefix(ls, le, "//"))
            ended = true;
        if (!in_block && has_prefix(ls, le, "//go:build") &&
            (le - ls == 10 || is_space(ls[10]))) {
            if (gb) {
                h->err = "multiple //go:build comments";
                h->build_ok = false;
                return n;
            }
            gb = ls + 10;
            gbe = le;
        }
        // Does the line hold anything outside comments?
        const char *q = ls;
        for (;;) {
            if (in_block) {
                const char *c = NULL;
                for (const char *r = q; r + 1 < le; r++)
                    if (r[0] == '*' && r[1] == '/') {
                        c = r;
                        break;
                    }
                if (!c)
                    break;  // the comment goes on: next line
                in_block = false;
                q = c + 2;
                trim(&q, &le);
                continue;
            }
            if (q == le || has_prefix(q, le, "//"))
                break;
            if (has_prefix(q, le, "/*")) {
                in_block = true;
                q += 2;
                continue;
            }
            goto done;  // non-comment text: the header is over
        }
    }
    p = end;
done:;
    size_t read = (size_t)(p - text);
    h->build_ok = true;
    if (gb) {
        char err[80];
        h->build_ok = eval_go_build(b, gb, gbe, err, sizeof err);
        if (err[0]) {
            Buf m = {0};
            buf_printf(&m, "parsing //go:build line: %s", err);
            h->err = str_cstr(buf_cstr(&m));
            buf_free(&m);
        }
        return read;
    }
    p = text;
    end = text + plus_end;
    while (p < end) {
        const char *ls = p, *le = memchr(p, '\n', (size_t)(end - p));
        if (!le)
            le = end;
        p = le < end ? le + 1 : end;
        trim(&ls, &le);
        if (!has_prefix(ls, le, "//"))
            continue;
        ls += 2;
        trim(&ls, &le);
        if (!has_prefix(ls, le, "+build") || (le - ls > 6 && !is_space(ls[6])))
            continue;
        if (!eval_plus_build(b, ls + 6, le))
            h->build_ok = false;
    }
    return read;
}

// A tiny Go tokenizer for the package clause and the imports.
typedef struct HScan {
    const char *text, *p, *end;
    int line;
    const char *linestart;
} HScan;

static void hs_skip(HScan *s) {
    while (s->p < s->end) {
        char c = *s->p;
        if (c == '\n') {
            s->p++;
            s->line++;
            s->linestart = s->p;
        } else if (c == ' ' || c == '\t' || c == '\r' || c == ';') {
            // Semicolons separate specs and declarations; the header scan
            // does not need to tell them from newlines.
            s->p++;
        } else if (c == '/' && s->p + 1 < s->end && s->p[1] == '/') {
            while (s->p < s->end && *s->p != '\n')
                s->p++;
        } else if (c == '/' && s->p + 1 < s->end && s->p[1] == '*') {
            s->p += 2;
            while (s->p < s->end && !(s->p[0] == '*' && s->p + 1 < s->end && s->p[1] == '/')) {
                if (*s->p == '\n') {
                    s->line++;
                    s->linestart = s->p + 1;
                }
                s->p++;
            }
            s->p = s->p + 2 <= s->end ? s->p + 2 : s->end;
        } else {
            return;
        }
    }
}

static bool is_ident_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}

// Reads an identifier; returns its length (0 if none).
static size_t hs_ident(HScan *s) {
    const char *q = s->p;
    if (q < s->end && (*q < '0' || *q > '9'))
        while (q < s->end && is_ident_byte((unsigned char)*q))
            q++;
    return (size_t)(q - s->p);
}

// Reads a string literal into an interned Str; NULL if there is none.
static Str hs_string(HScan *s) {
    if (s->p >= s->end || (*s->p != '"' && *s->p != '`'))
        return NULL;
    char q = *s->p++;
    Buf b = {0};
    while (s->p < s->end && *s->p != q) {
        char c = *s->p++;
        if (c == '\n' && q == '"')
            break;
        if (c == '\\' && q == '"' && s->p < s->end)
            c = *s->p++;  // import paths have no real escapes
        buf_putc(&b, c);
    }
    if (s->p >= s->end || *s->p != q) {
        buf_free(&b);
        return NULL;
    }
    s->p++;
    Str r = str_intern(b.data ? b.data : "", b.len);
    buf_free(&b);
    return r;
}

static bool hs_ident_is(HScan *s, const char *kw) {
    size_t n = hs_ident(s);
    return eq(s->p, n, kw);
}

// One import spec: [name | "."] "path".
static bool hs_import_spec(HScan *s, FileImportVec *out) {
    int line = s->line, col = (int)(s->p - s->linestart) + 1;
    size_t n = hs_ident(s);
    if (n) {
        s->p += n;
        hs_skip(s);
    } else if (s->p < s->end && *s->p == '.') {
        s->p++;
        hs_skip(s);
    }
    int pline = s->line, pcol = (int)(s->p - s->linestart) + 1;
    Str path = hs_string(s);
    if (!path)
        return false;
    FileImport fi = {path, line, col, pline, pcol};
    vec_push(out, fi);
    return true;
}

static size_t max_size(size_t a, size_t b) { return a > b ? a : b; }

void build_read_header(const BuildCtx *b, const char *text, size_t n, FileHeader *h, Arena *a) {
    memset(h, 0, sizeof *h);
    // A leading byte order mark is not part of the source, for the
    // constraints as for the tokens.
    const char *start = text;
    if (n >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
        text += 3, n -= 3;
    size_t read = header_constraints(b, text, n, h) + (size_t)(text - start);
    HScan s = {text, text, text + n, 1, start};
    hs_skip(&s);
    // go's reader stops at a NUL wherever it reads: up to the first byte
    // after where the header scan stops
    size_t k = 0;
    if (hs_ident_is(&s, "package")) {
        s.p += 7;
        hs_skip(&s);
        k = hs_ident(&s);
    }
    if (!k) {
        h->scanned = max_size(read, (size_t)(s.p - start) + 1);
        h->nul = memchr(text, 0, (size_t)(s.p - text) + (s.p < s.end)) != NULL;
        if (!h->nul && !b->gc_headers)
            h->syntax_err = types_go_header_error(text, n);
        return;
    }
    h->pkgname = str_intern(s.p, k);
    s.p += k;
    FileImportVec imps = {0};
    for (;;) {
        hs_skip(&s);
        if (!hs_ident_is(&s, "import"))
            break;
        s.p += 6;
        hs_skip(&s);
        if (s.p < s.end && *s.p == '(') {
            s.p++;
            for (;;) {
                hs_skip(&s);
                if (s.p >= s.end || *s.p == ')')
                    break;
                if (!hs_import_spec(&s, &imps))
                    goto out;
            }
            if (s.p < s.end)
                s.p++;
        } else if (!hs_import_spec(&s, &imps)) {
            break;
        }
    }
out:
    h->scanned = max_size(read, (size_t)(s.p - start) + 1);
    h->nul = memchr(text, 0, (size_t)(s.p - text) + (s.p < s.end)) != NULL;
    // The scan above is lenient (it skips semicolons, for one), so
    // go/parser's stricter reading decides every header.
    if (!h->nul && !b->gc_headers)
        h->syntax_err = types_go_header_error(text, n);
    if (h->syntax_err)
        imps.len = 0;   // go/build takes no imports from a file it cannot parse
    h->nimports = imps.len;
    h->imports = ARENA_ARRAY(a, FileImport, imps.len ? imps.len : 1);
    for (int i = 0; i < imps.len; i++) {
        h->imports[i] = imps.data[i];
        if (strcmp(imps.data[i].path, "C") == 0)
            h->cgo = true;
    }
    vec_free(&imps);
}

// ---- directories ----

static int cmp_str(const void *x, const void *y) {
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static bool has_suffix(const char *s, const char *suf) {
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcmp(s + n - m, suf) == 0;
}

// The sorted names of the .go files in dir (symlinks followed; not
// directories). *err: the first that cannot be used, in go's words where
// go has them: a dangling symlink, or a FIFO or device, which go build
// would block on and goesc refuses. With snames, also the .s files that
// build by name, sorted, so that their late read needs no second pass
// over the directory (what is not a regular file fails that read).
static bool read_names(const BuildCtx *b, const char *dir, StrVec *names, StrVec *snames, Str *err) {
    DIR *d = opendir(dir);
    if (!d)
        return false;
    struct dirent *de;
    Buf path = {0};
    while ((de = readdir(d)) != NULL) {
        if (!has_suffix(de->d_name, ".go")) {
            const char *nm = de->d_name;
            size_t len = strlen(nm);
            if (snames && len >= 3 && nm[len - 2] == '.' && nm[len - 1] == 's' && nm[0] != '_' && nm[0] != '.' &&
                de->d_type != DT_DIR && build_good_os_arch_file(b, nm))
                vec_push(snames, str_cstr(nm));
            continue;
        }
        // The directory entry's type spares a stat per file; a symlink
        // or a file system that does not say is stat'ed as before.
        if (de->d_type == DT_REG) {
            vec_push(names, str_cstr(de->d_name));
            continue;
        }
        if (de->d_type == DT_DIR)
            continue;
        path.len = 0;
        buf_printf(&path, "%s/%s", dir, de->d_name);
        struct stat st;
        if (stat(buf_cstr(&path), &st) != 0) {
            if (!*err)
                *err = str_printf("stat %s: %s", buf_cstr(&path), go_errno_text(errno));
            continue;
        }
        if (S_ISDIR(st.st_mode))
            continue;
        if (!S_ISREG(st.st_mode)) {
            if (!*err)
                *err = str_printf("read %s: not a regular file (%s): goesc does not read it, where go build would wait "
                            "on it forever",
                            buf_cstr(&path), S_ISFIFO(st.st_mode) ? "a named pipe" : "a device or socket");
            continue;
        }
        vec_push(names, str_cstr(de->d_name));
    }
    closedir(d);
    buf_free(&path);
    if (names->len > 1)
        qsort(names->data, (size_t)names->len, sizeof(Str), cmp_str);
    if (snames && snames->len > 1)
        qsort(snames->data, (size_t)snames->len, sizeof(Str), cmp_str);
    return true;
}

// A directory scan reads whole only the files it keeps; for the others
// (excluded by constraints, tests) the first bytes hold the header.
enum { HEAD_BYTES = 16384, HEAD_MARGIN = 256 };

// path's header in *h, from fh's first bytes when every reader of the
// header stopped well before their end, else from the whole file.
static bool read_header(const BuildCtx *b, const char *path, FileHead *fh, FileHeader *h, Arena *a) {
    if (!read_file_head(path, HEAD_BYTES, fh))
        return false;
    build_read_header(b, fh->text, fh->n, h, a);
    if (fh->whole || (h->scanned + HEAD_MARGIN < fh->n &&
                      (b->gc_headers || types_go_header_extent(fh->text, fh->n) + HEAD_MARGIN < fh->n)))
        return true;
    if (!read_file_rest(fh))
        return false;
    build_read_header(b, fh->text, fh->n, h, a);
    return true;
}

// The whole of a file kept, in *text and *n (fh read only its header).
static bool whole_text(FileHead *fh, char **text, size_t *n, DirInfo *di, const char *path) {
    if (fh->whole)
        return true;
    fh->text = *text;
    bool ok = read_file_rest(fh);
    *text = fh->text;
    *n = fh->n;
    fh->text = NULL;
    if (!ok) {
        if (!di->err)
            di->err = str_printf("read %s: %s", path, go_errno_text(errno));
        free(*text);
        *text = NULL;
    }
    return ok;
}

bool build_scan_dir(const BuildCtx *b, const char *dir, Str *only, int nonly, DirInfo *di, Arena *a) {
    memset(di, 0, sizeof *di);
    StrVec names = {0}, snames = {0};
    if (only) {
        // Named files keep their command-line order, as in go list.
        for (int i = 0; i < nonly; i++)
            vec_push(&names, only[i]);
    } else if (!read_names(b, dir, &names, &snames, &di->err)) {
        vec_free(&snames);
        return false;
    }
    di->sfiles.data = snames.data;
    di->sfiles.len = snames.len;
    di->sfiles.cap = snames.cap;
    // Files named on the command line are used whatever their names and
    // constraints say (cmd/go sets go/build's UseAllFiles for them).
    bool all = only != NULL;
    Str first = NULL;   // file that set the package name
    FileHead fh = {.fd = -1};
    Buf path = {0};
    for (int i = 0; i < names.len; i++) {
        Str name = names.data[i];
        if (name[0] == '_' || name[0] == '.')
            continue;  // not even reported as ignored
        di->any_go = true;
        if (!all && !build_good_os_arch_file(b, name)) {
            vec_push(&di->ignored, name);
            continue;
        }
        path.len = 0;
        buf_printf(&path, "%s/%s", dir, name);
        file_head_close(&fh);
        FileHeader h;
        if (!read_header(b, buf_cstr(&path), &fh, &h, a)) {
            if (!di->err)
                di->err = errno == ESPIPE ? str_printf("read %s: not a regular file: goesc does not read it, where go build "
                                                 "would wait on it forever", buf_cstr(&path))
                                          : str_printf("open %s: %s", buf_cstr(&path), go_errno_text(errno));
            continue;
        }
        char *text = fh.text;
        size_t n = fh.n;
        fh.text = NULL;     // freed here, as before
        if (h.nul) {
            if (!di->err)
                di->err = str_printf("read %s: unexpected NUL in input", buf_cstr(&path));
            free(text);
            continue;
        }
        // go/build's badFile: the first file whose header go/parser
        // rejects fails the package (unless constraints exclude it)
        if (h.syntax_err && (h.build_ok || all)) {
            if (!di->err) {
                di->err = h.syntax_err;
                di->err_file = str_cstr(buf_cstr(&path));
            }
        }
        if (h.err && !h.build_ok) {
            if (!di->err) {
                Buf e = {0};
                buf_printf(&e, "%s: %s", name, h.err);
                di->err = str_cstr(buf_cstr(&e));
                buf_free(&e);
            }
            free(text);
            continue;
        }
        if (!h.build_ok && !all) {
            vec_push(&di->ignored, name);
            free(text);
            continue;
        }
        Str pkg = h.pkgname;
        if (pkg && strcmp(pkg, "documentation") == 0) {
            vec_push(&di->ignored, name);
            free(text);
            continue;
        }
        bool test = has_suffix(name, "_test.go");
        if (pkg && test && has_suffix(pkg, "_test") && pkg != di->name)
            pkg = str_intern(pkg, str_len(pkg) - 5);
        if (pkg) {
            if (!di->name) {
                di->name = pkg;
                first = name;
            } else if (pkg != di->name && !di->err) {
                Buf e = {0};
                buf_printf(&e, "found packages %s (%s) and %s (%s) in %s", di->name, first, pkg, name, dir);
                di->err = str_cstr(buf_cstr(&e));
                buf_free(&e);
            }
        }
        if (h.cgo && test && !di->err) {
            Buf e = {0};
            buf_printf(&e, "use of cgo in test %s not supported", buf_cstr(&path));
            di->err = str_cstr(buf_cstr(&e));
            buf_free(&e);
        }
        if (h.cgo && !b->cgo) {
            vec_push(&di->ignored, name);  // CGO_ENABLED=0: cgo files are ignored
        } else if (h.cgo && !test) {
            vec_push(&di->cgofiles, name);
            vec_push(&di->cgohdrs, h);
            if (!whole_text(&fh, &text, &n, di, buf_cstr(&path)))
                continue;
            char *keep = arena_alloc(a, n + 1);
            memcpy(keep, text, n);
            vec_push(&di->cgotexts, keep);
            vec_push(&di->cgosizes, (uint32_t)n);
        } else if (test) {
            di->ntest++;
            if (b->keep_tests) {
                vec_push(&di->tests.files, name);
                vec_push(&di->tests.pkgs, h.pkgname);
                vec_push(&di->tests.hdrs, h);
                if (!whole_text(&fh, &text, &n, di, buf_cstr(&path)))
                    continue;
                char *keep = arena_alloc(a, n + 1);
                memcpy(keep, text, n);
                vec_push(&di->tests.texts, keep);
                vec_push(&di->tests.sizes, (uint32_t)n);
            }
        } else {
            vec_push(&di->gofiles, name);
            vec_push(&di->hdrs, h);
            if (!whole_text(&fh, &text, &n, di, buf_cstr(&path)))
                continue;
            char *keep = arena_alloc(a, n + 1);
            memcpy(keep, text, n);
            vec_push(&di->texts, keep);
            vec_push(&di->sizes, (uint32_t)n);
            vec_push(&di->ids, fh.id);
        }
        free(text);
    }
    file_head_close(&fh);
    buf_free(&path);
    vec_free(&names);
    return true;
}

bool build_is_go_file(const char *dir, const char *name, unsigned char d_type) {
    if (!has_suffix(name, ".go") || d_type == DT_DIR)
        return false;
    if (d_type == DT_REG)
        return true;
    struct stat st;     // a symlink, or a file system that does not say
    char *path = xasprintf("%s/%s", dir, name);
    bool ok = stat(path, &st) == 0 && S_ISREG(st.st_mode);
    free(path);
    return ok;
}

bool build_dir_has_package(const BuildCtx *b, const char *dir, Str *names, int n) {
    if (n > 1)
        qsort(names, (size_t)n, sizeof(Str), cmp_str);
    bool found = false;
    Buf path = {0};
    Arena a = {0};
    for (int i = 0; i < n && !found; i++) {
        Str name = names[i];
        if (name[0] == '_' || name[0] == '.' || !build_good_os_arch_file(b, name))
            continue;
        path.len = 0;
        buf_printf(&path, "%s/%s", dir, name);
        size_t n;
        char *text = read_whole_file(buf_cstr(&path), &n);
        if (!text)
            continue;
        FileHeader h;
        build_read_header(b, text, n, &h, &a);
        if (h.build_ok && (!h.cgo || b->cgo))
            found = true;
        free(text);
    }
    arena_free(&a);
    buf_free(&path);
    return found;
}

void build_dir_free(DirInfo *di) {
    vec_free(&di->gofiles);
    vec_free(&di->ignored);
    vec_free(&di->hdrs);
    vec_free(&di->texts);
    vec_free(&di->sizes);
    vec_free(&di->ids);
    vec_free(&di->cgofiles);
    vec_free(&di->cgohdrs);
    vec_free(&di->cgotexts);
    vec_free(&di->cgosizes);
    vec_free(&di->sfiles);
    vec_free(&di->tests.files);
    vec_free(&di->tests.pkgs);
    vec_free(&di->tests.hdrs);
    vec_free(&di->tests.texts);
    vec_free(&di->tests.sizes);
}
