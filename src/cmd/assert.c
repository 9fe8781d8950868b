// assert.c: goesc assert [-baseline FILE|-against FILE] [flags] [PACKAGES],
// allocation contracts for CI. It runs the escape command's pipeline
// (at -m=2, keeping -json's records too), then finds the //goesc: and
// //gcassert: directives in the analysed packages' comments and checks
// each against the records (assert_check.c). Exit status: 2 for a bad
// directive or baseline, else 1 for a violation, else 0.
#include <ctype.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "assert.h"

static void push(AssertRun *ar, AssertMsg m, const char *fmt, va_list ap) {
    m.file = xstrdup(m.file ? m.file : "?");
    m.text = xvasprintf(fmt, ap);
    vec_push(&ar->msgs, m);
}

void assert_msg(AssertRun *ar, bool error, const char *file, int line, int col, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    push(ar, (AssertMsg){(char *)file, line, col, NULL, error, false, false}, fmt, ap);
    va_end(ap);
    if (error)
        ar->nerrors++;
    else
        ar->nviolations++;
}

void assert_note(AssertRun *ar, const char *file, int line, int col, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    push(ar, (AssertMsg){(char *)file, line, col, NULL, false, true, false}, fmt, ap);
    va_end(ap);
}

void assert_warn(AssertRun *ar, const char *file, int line, int col, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    push(ar, (AssertMsg){(char *)file, line, col, NULL, false, false, true}, fmt, ap);
    va_end(ap);
}

SrcFile *assert_rec_at(const Record *r, int *line, int *col) {
    if (r->where == NOPOS) {
        *line = *col = 0;
        return NULL;
    }
    Pos p = pos_outermost(r->where, r->inl);
    Position at = pos_resolve_raw(p);
    *line = at.line;
    *col = at.col;
    return pos_file(p);
}

const char *assert_file_name(AssertRun *ar, SrcFile *f) {
    for (int k = 0; k < ar->npkgs; k++) {
        Package *p = ar->pkgs[k];
        for (int i = 0; i < p->nfiles; i++)
            if (p->syn && p->syn[i] && p->syn[i]->src == f)
                return p->files[i];
    }
    return NULL;
}

int assert_pkg_index(AssertRun *ar, Package *p) {
    for (int k = 0; k < ar->npkgs; k++)
        if (ar->pkgs[k] == p)
            return k;
    return -1;
}

bool assert_rec_heap(const Record *r) {
    return r->kind == REC_MOVED_TO_HEAP || r->kind == REC_ESCAPES || r->kind == REC_ESCAPE_ERROR;
}

bool assert_rec_in_func(const Record *r, const char *name) {
    if (!r->func)
        return false;
    size_t n = strlen(name);
    return strncmp(r->func, name, n) == 0 && (r->func[n] == 0 || strncmp(r->func + n, ".func", 5) == 0);
}

// ---- finding the directives ----

// What a physical line holds, for attaching a directive to the code after
// it: a comment alone on its line applies to the next line with code.
enum { LINE_BLANK, LINE_COMMENT, LINE_CODE };

typedef struct LineComment {
    int line, col;
    uint32_t off, len;      // the text after "//"
    bool trailing;          // code precedes it on its line
} LineComment;
typedef VEC(LineComment) LineComments;
typedef VEC(uint8_t) LineKinds;

// Splits a Go file's text into its line comments and a kind per line. A
// small scanner of its own: strings, runes and block comments are skipped
// so that "//goesc:" inside them is not a directive.
static void scan_comments(const char *t, uint32_t size, LineComments *out, LineKinds *kinds) {
    int line = 1;
    uint32_t line_start = 0;
    vec_push(kinds, LINE_BLANK);  // index 0 unused
    vec_push(kinds, LINE_BLANK);
#define MARK(k) (kinds->data[line] = kinds->data[line] == LINE_CODE ? LINE_CODE : (k))
#define NEWLINE() do { line++; vec_push(kinds, LINE_BLANK); } while (0)
    for (uint32_t i = 0; i < size;) {
        char c = t[i];
        if (c == '\n') {
            NEWLINE();
            line_start = ++i;
        } else if (c == ' ' || c == '\t' || c == '\r') {
            i++;
        } else if (c == '/' && i + 1 < size && t[i + 1] == '/') {
            LineComment lc = {line, (int)(i - line_start) + 1, i + 2, 0, kinds->data[line] == LINE_CODE};
            uint32_t e = i + 2;
            while (e < size && t[e] != '\n')
                e++;
            lc.len = e - lc.off;
            vec_push(out, lc);
            MARK(LINE_COMMENT);
            i = e;
        } else if (c == '/' && i + 1 < size && t[i + 1] == '*') {
            MARK(LINE_COMMENT);
            i += 2;
            while (i < size && !(t[i] == '*' && i + 1 < size && t[i + 1] == '/')) {
                if (t[i] == '\n') {
                    NEWLINE();
                    line_start = i + 1;
                    MARK(LINE_COMMENT);
                }
                i++;
            }
            i = i + 2 < size ? i + 2 : size;
        } else if (c == '"' || c == '\'' || c == '`') {
            MARK(LINE_CODE);
            i++;
            while (i < size && t[i] != c) {
                if (c != '`' && t[i] == '\n')
                    break;  // unterminated: the parser has said so
                if (c != '`' && t[i] == '\\' && i + 1 < size && t[i + 1] != '\n')
                    i++;
                else if (t[i] == '\n') {
                    NEWLINE();
                    line_start = i + 1;
                    MARK(LINE_CODE);
                }
                i++;
            }
            if (i < size && t[i] == c)
                i++;
        } else {
            MARK(LINE_CODE);
            i++;
        }
    }
#undef MARK
#undef NEWLINE
}

// Levenshtein distance, capped: for "did you mean".
static int edit_distance(const char *a, size_t na, const char *b) {
    size_t nb = strlen(b);
    if (na > 40 || nb > 40)
        return 99;
    int d[41][41];
    for (size_t i = 0; i <= na; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= nb; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= na; i++)
        for (size_t j = 1; j <= nb; j++) {
            int best = d[i - 1][j - 1] + (tolower((unsigned char)a[i - 1]) != b[j - 1]);
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            d[i][j] = best;
        }
    return d[na][nb];
}

static const char *const goesc_words[] = {"noescape", "noalloc", "inline", "budget"};
static const char *const gcassert_words[] = {"inline", "noescape", "bce"};

static const char *closest(const char *w, size_t n, const char *const *words, int nwords) {
    for (int k = 0; k < nwords; k++)
        if (edit_distance(w, n, words[k]) <= 2)
            return words[k];
    return NULL;
}

typedef struct FileScan {
    AssertRun *ar;
    int pkg;
    SynFile *file;
    const char *fname;
    const char *text;
    LineKinds kinds;        // per line
    AssertDirectives *out;
} FileScan;

// The line a directive comment applies to: its own when it trails code,
// else the next line with code, through other comment lines but not
// through a blank line. 0: none.
static int target_line(FileScan *fs, const LineComment *lc, int *col) {
    int l = lc->line;
    if (!lc->trailing)
        for (l++; l < fs->kinds.len && fs->kinds.data[l] == LINE_COMMENT; l++)
            ;
    if (l >= fs->kinds.len || fs->kinds.data[l] != LINE_CODE)
        return 0;
    const SrcFile *src = fs->file->src;
    uint32_t off = l - 1 < src->nlines ? src->lines[l - 1] : 0;
    int c = 1;
    while (off < src->size && (fs->text[off] == ' ' || fs->text[off] == '\t'))
        off++, c++;
    *col = c;
    return l;
}

static Node *func_on_line(SynFile *f, int line) {
    for (int i = 0; i < f->decls.n; i++) {
        Node *d = f->decls.v[i];
        if (d->kind == N_FUNC_DECL && pos_resolve_raw(d->u.func_decl.name->pos).line == line)
            return d;
    }
    return NULL;
}

static void directive_error(FileScan *fs, const LineComment *lc, const char *fmt, const char *a, const char *b) {
    char *m = xasprintf(fmt, a, b);
    assert_msg(fs->ar, true, fs->fname, lc->line, lc->col, "%s", m);
    free(m);
}

// Adds the directive kind with text w (n bytes) and arguments args.
static void add_directive(FileScan *fs, const LineComment *lc, AssertKind kind, const char *word, const char *args) {
    AssertDirective d = {.kind = kind, .pkg = fs->pkg, .file = fs->file, .fname = fs->fname,
                         .line = lc->line, .col = lc->col};
    d.text = word;
    bool is_goesc = kind <= AK_BUDGET;
    while (*args == ' ' || *args == '\t')
        args++;
    // a goesc directive ends at a further comment ("//goesc:noalloc // why")
    char arg[64] = "";
    size_t alen = strcspn(args, " \t");
    if (is_goesc && *args && strncmp(args, "//", 2) != 0) {
        if (alen >= sizeof arg)
            alen = sizeof arg - 1;
        memcpy(arg, args, alen);
        arg[alen] = 0;
        const char *rest = args + alen;
        while (*rest == ' ' || *rest == '\t')
            rest++;
        if (*rest && strncmp(rest, "//", 2) != 0) {
            directive_error(fs, lc, "//goesc:%s: unexpected text after its argument: %s", word, rest);
            return;
        }
    }
    if (kind == AK_NOALLOC && *arg) {
        if (strcmp(arg, "deep") != 0) {
            directive_error(fs, lc, "//goesc:noalloc: unknown argument %s (want nothing or deep)", arg, "");
            return;
        }
        d.deep = true;
    } else if (kind == AK_BUDGET) {
        char *end;
        long n = *arg ? strtol(arg, &end, 10) : -1;
        if (!*arg || *end || n < 0 || n > 1000000) {
            directive_error(fs, lc, "//goesc:budget needs a number of heap allocations, not \"%s\"%s", arg, "");
            return;
        }
        d.budget = n;
    } else if (is_goesc && *arg) {
        directive_error(fs, lc, "//goesc:%s takes no argument, not \"%s\"", word, arg);
        return;
    }
    d.target = target_line(fs, lc, &d.target_col);
    if (!d.target) {
        directive_error(fs, lc, "misplaced %s%s: no code follows it (a directive applies to its own line or the next)",
                        is_goesc ? "//goesc:" : "//gcassert:", word);
        return;
    }
    d.func = func_on_line(fs->file, d.target);
    bool needs_func = kind == AK_NOALLOC || kind == AK_BUDGET;
    if (needs_func && !d.func) {
        directive_error(fs, lc, "misplaced //goesc:%s: it must come before a function declaration%s", word, "");
        return;
    }
    vec_push(fs->out, d);
}

// One comment: a directive, a misspelled one, or neither.
static void parse_comment(FileScan *fs, const LineComment *lc) {
    char *c = xmalloc(lc->len + 1);
    memcpy(c, fs->text + lc->off, lc->len);
    c[lc->len] = 0;
    // "//goesc:x" and gcassert's "// gcassert:x"
    const char *s = c;
    bool space = *s == ' ';
    if (space)
        s++;
    size_t plen = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
    bool colon = s[plen] == ':';
    bool is_goesc = plen == 5 && strncmp(s, "goesc", 5) == 0;
    bool is_gca = plen == 8 && strncmp(s, "gcassert", 8) == 0;
    if (!is_goesc && !is_gca) {
        // misspelled prefixes: //goecs:, //gcasert:, //goesc-noalloc
        bool near = plen >= 4 && (edit_distance(s, plen, "goesc") <= 1 || edit_distance(s, plen, "gcassert") <= 2);
        if (near && (colon || s[plen] == ' ' || s[plen] == '-') && !space) {
            char *word = xasprintf("%.*s", (int)plen, s);
            directive_error(fs, lc, "unknown directive prefix //%s%s (goesc's are //goesc:NAME, gcassert's //gcassert:NAME)",
                            word, colon ? ":" : "");
            free(word);
        }
        free(c);
        return;
    }
    if (!colon) {
        // "//goesc noalloc" is a typo; "// goesc is fast" is prose
        const char *w = s + plen + 1;
        size_t n = strcspn(w, " \t");
        if (!space && (s[plen] == ' ' || s[plen] == '-') &&
            closest(w, n, is_goesc ? goesc_words : gcassert_words, is_goesc ? 4 : 3))
            directive_error(fs, lc, "malformed directive //%s: want //%s:NAME", s, is_goesc ? "goesc" : "gcassert");
        free(c);
        return;
    }
    if (space && is_goesc) {
        directive_error(fs, lc, "malformed directive // %s: goesc directives have no space after //%s", s, "");
        free(c);
        return;
    }
    const char *w = s + plen + 1;
    if (is_goesc) {
        size_t n = strcspn(w, " \t");
        int k = 0;
        for (; k < 4; k++)
            if (strlen(goesc_words[k]) == n && strncmp(w, goesc_words[k], n) == 0)
                break;
        if (k == 4) {
            const char *near = closest(w, n, goesc_words, 4);
            char *word = xasprintf("%.*s", (int)n, w);
            char *hint = near ? xasprintf(" (did you mean //goesc:%s?)", near)
                              : xasprintf(" (want noescape, noalloc, inline or budget)");
            directive_error(fs, lc, "unknown directive //goesc:%s%s", word, hint);
            free(word);
            free(hint);
        } else {
            add_directive(fs, lc, (AssertKind)k, goesc_words[k], w + n);
        }
        free(c);
        return;
    }
    // gcassert: a comma-separated list of words ([\w,]+)
    size_t n = strspn(w, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_,");
    for (const char *p = w; p < w + n;) {
        size_t k = strcspn(p, ",");
        if (k > (size_t)(w + n - p))
            k = (size_t)(w + n - p);
        int j = 0;
        for (; j < 3; j++)
            if (strlen(gcassert_words[j]) == k && strncmp(p, gcassert_words[j], k) == 0)
                break;
        if (j == 3) {
            char *word = xasprintf("%.*s", (int)k, p);
            directive_error(fs, lc, "unknown directive \"%s\"%s", word, " (gcassert's are inline, bce, noescape)");
            free(word);
        } else {
            static const AssertKind kinds[] = {AK_GCA_INLINE, AK_GCA_NOESCAPE, AK_GCA_BCE};
            add_directive(fs, lc, kinds[j], gcassert_words[j], "");
        }
        p += k + 1;
    }
    // (gcassert's pattern wants a name: "// gcassert: text" is prose)
    free(c);
}

static void scan_file(AssertRun *ar, int pkg, int f, AssertDirectives *out) {
    Package *p = ar->pkgs[pkg];
    SynFile *sf = p->syn ? p->syn[f] : NULL;
    if (!sf || !sf->src || !sf->src->text)
        return;
    FileScan fs = {ar, pkg, sf, p->files[f], sf->src->text, {0}, out};
    LineComments cs = {0};
    scan_comments(fs.text, sf->src->size, &cs, &fs.kinds);
    for (int i = 0; i < cs.len; i++) {
        LineComment lc = cs.data[i];
        parse_comment(&fs, &lc);
        // more directives in the same comment ("//gcassert:inline //goesc:noescape")
        for (uint32_t k = 0; k + 2 < lc.len; k++)
            if (fs.text[lc.off + k] == '/' && fs.text[lc.off + k + 1] == '/') {
                LineComment sub = {lc.line, lc.col + 2 + (int)k, lc.off + k + 2, lc.len - k - 2, lc.trailing};
                parse_comment(&fs, &sub);
                lc = sub;
                k = (uint32_t)-1;
            }
    }
    vec_free(&cs);
    vec_free(&fs.kinds);
}

// Directives in the package's other source files (assembly, C, tests)
// are never checked: each is an error rather than a silent pass.
static void scan_non_go(AssertRun *ar, Package *p) {
    static const char *const exts[] = {".s", ".S", ".c", ".h", ".cc", ".cpp", ".hh", ".hpp", ".m", ".sx", ".swig"};
    if (!p->nfiles || !p->syn || !p->syn[0] || !p->syn[0]->src)
        return;
    const char *given = p->files[0], *src = p->syn[0]->src->path;
    const char *gs = strrchr(given, '/'), *ss = strrchr(src, '/');
    char *dir = ss ? xasprintf("%.*s", (int)(ss - src), src) : xstrdup(".");
    char *shown = gs ? xasprintf("%.*s/", (int)(gs - given), given) : xstrdup("");
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        const char *dot = strrchr(e->d_name, '.');
        size_t nl = strlen(e->d_name);
        // tests too: goesc analyses what go build compiles
        bool src_ext = nl > 8 && strcmp(e->d_name + nl - 8, "_test.go") == 0;
        for (size_t k = 0; dot && e->d_name[0] != '.' && k < sizeof exts / sizeof *exts; k++)
            src_ext |= strcmp(dot, exts[k]) == 0;
        if (!src_ext)
            continue;
        char *path = xasprintf("%s/%s", dir, e->d_name);
        FILE *f = fopen(path, "r");
        char line[4096];
        for (int ln = 1; f && ln < 1000000 && fgets(line, sizeof line, f); ln++) {
            char *at = strstr(line, "//goesc:");
            if (!at)
                at = strstr(line, "//gcassert:");
            if (!at)
                continue;
            char *name = xasprintf("%s%s", shown, e->d_name);
            line[strcspn(line, "\n")] = 0;
            assert_msg(ar, true, name, ln, (int)(at - line) + 1,
                       "%s: a directive in %s is never checked (goesc reads the Go files go build compiles)", at,
                       src_ext && dot && strcmp(dot, ".go") == 0 ? "a test file" : "a non-Go file");
            free(name);
        }
        if (f)
            fclose(f);
        free(path);
    }
    if (d)
        closedir(d);
    free(dir);
    free(shown);
}

// ---- the command ----

typedef struct AssertCmd {
    const char *baseline;   // -baseline FILE
    const char *against;    // -against FILE
    const char *snapshot;   // -snapshot FILE: goesc diff's child
    const char *peer;       // -peer FD: the child's socket to diff (pkgcache_set_peer)
} AssertCmd;

static int msg_cmp(const void *a, const void *b) {
    const AssertMsg *x = a, *y = b;
    int c = strcmp(x->file, y->file);
    if (c)
        return c;
    if (x->line != y->line)
        return x->line - y->line;
    return x->col - y->col;
}

static int run_assert(void *ctx, RecordLog *log, const ReportPackage *ranges, int nranges, Package **pkgs,
                      int npkgs) {
    AssertCmd *ac = ctx;
    AssertRun ar = {.log = log, .ranges = ranges, .npkgs = nranges};
    ar.pkgs = xcalloc((size_t)nranges + 1, sizeof *ar.pkgs);
    int j = 0;
    for (int k = 0; k < npkgs && j < nranges; k++)
        if (pkgs[k]->matched)
            ar.pkgs[j++] = pkgs[k];
    int rc = 0;
    if (ac->baseline || ac->snapshot) {
        rc = ac->baseline ? assert_baseline_write(&ar, ac->baseline) : assert_snapshot_write(&ar, ac->snapshot);
        free(ar.pkgs);
        return rc;
    }
    AssertDirectives ds = {0};
    for (int k = 0; k < ar.npkgs; k++) {
        for (int f = 0; f < ar.pkgs[k]->nfiles; f++)
            scan_file(&ar, k, f, &ds);
        scan_non_go(&ar, ar.pkgs[k]);
    }
    int nbce = 0;
    for (int i = 0; i < ds.len; i++) {
        if (ds.data[i].kind == AK_GCA_BCE)
            nbce++;
        else
            assert_check(&ar, &ds.data[i]);
    }
    if (nbce)
        fprintf(stderr, "goesc assert: %d //gcassert:bce directive%s not checked: bounds-check elimination "
                        "is decided in gc's SSA backend, which goesc does not model\n",
                nbce, nbce == 1 ? "" : "s");
    if (ac->against)
        rc = assert_baseline_against(&ar, ac->against);
    if (ar.msgs.len > 1)
        qsort(ar.msgs.data, (size_t)ar.msgs.len, sizeof *ar.msgs.data, msg_cmp);
    fflush(stdout);
    for (int i = 0; i < ar.msgs.len; i++) {
        AssertMsg *m = &ar.msgs.data[i];
        if (!m->error && !m->warn) {
            printf("%s:%d:%d: %s\n", m->file, m->line, m->col, m->text);
        } else {
            fflush(stdout);
            fprintf(stderr, "%s:%d:%d: %s\n", m->file, m->line, m->col, m->text);
        }
        free(m->file);
        free(m->text);
    }
    fflush(stdout);
    if (!ds.len && !ar.nerrors && !ac->against)
        fprintf(stderr, "goesc assert: no //goesc: or //gcassert: directives in the packages analysed\n");
    if (ar.nerrors)
        rc = 2;
    else if (ar.nviolations && rc < 1)
        rc = 1;
    if (ar.nviolations || ar.nerrors)
        fprintf(stderr, "goesc assert: %d violation%s, %d bad directive%s\n", ar.nviolations,
                ar.nviolations == 1 ? "" : "s", ar.nerrors, ar.nerrors == 1 ? "" : "s");
    vec_free(&ar.msgs);
    vec_free(&ds);
    free(ar.pkgs);
    free(ar.at_next);
    ptrmap_free(&ar.at_first);
    free(ar.rec_file);
    free(ar.rec_line);
    return rc;
}

// -baseline FILE, -against FILE, and their -x=FILE forms.
static int own_flag(const char *a, const char *name, const char *next, const char **val) {
    size_t n = strlen(name);
    if (a[0] != '-')
        return 0;
    a += 1 + (a[1] == '-');
    if (strncmp(a, name, n) != 0)
        return 0;
    if (a[n] == '=') {
        *val = a + n + 1;
        return 1;
    }
    if (a[n] == 0 && next) {
        *val = next;
        return 2;
    }
    return 0;
}

int cmd_assert(int argc, char **argv) {
    AssertCmd ac = {0};
    VEC(char *) rest = {0};
    for (int i = 0; i < argc; i++) {
        const char *next = i + 1 < argc ? argv[i + 1] : NULL;
        int k = own_flag(argv[i], "baseline", next, &ac.baseline);
        if (!k)
            k = own_flag(argv[i], "against", next, &ac.against);
        if (!k)
            k = own_flag(argv[i], "snapshot", next, &ac.snapshot);
        if (!k)
            k = own_flag(argv[i], "peer", next, &ac.peer);
        if (k) {
            i += k - 1;
            continue;
        }
        if (strcmp(argv[i], "-baseline") == 0 || strcmp(argv[i], "-against") == 0) {
            fprintf(stderr, "goesc assert: flag needs an argument: %s\n", argv[i]);
            vec_free(&rest);
            return 2;
        }
        vec_push(&rest, argv[i]);
        if (argv[i][0] == '-' && cmd_escape_flag_takes_value(argv[i]) && next)
            vec_push(&rest, argv[++i]);
    }
    if ((ac.baseline && !*ac.baseline) || (ac.against && !*ac.against) || (ac.baseline && ac.against)) {
        fprintf(stderr, "usage: goesc assert [-baseline FILE | -against FILE] [flags] [PACKAGES]\n");
        vec_free(&rest);
        return 2;
    }
    vec_push(&rest, NULL);
    EscapeHook hook = {&ac, ac.snapshot != NULL, ac.snapshot && ac.peer ? atoi(ac.peer) : -1, run_assert};
    int rc = cmd_escape_hooked(rest.len - 1, rest.data, NULL, &hook);
    vec_free(&rest);
    return rc;
}
