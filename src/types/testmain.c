// testmain.c: the source of the main package `go test` generates for a
// test binary (_testmain.go): the tests, benchmarks, fuzz targets and
// examples found in the package's test files, laid out line for line as
// the go command writes it, since gc's -m lines for it carry its line
// numbers.
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../base/base.h"
#include "../syntax/syntax.h"
#include "types.h"
#include "testpkg.h"

typedef struct TestFunc {
    const char *pkg;        // "_test" or "_xtest"
    Str name;
    Buf output;             // examples: the expected output
    bool unordered;
} TestFunc;

struct TestFuncs {
    VEC(TestFunc) tests, benchmarks, fuzz, examples;
    TestFunc *main;         // TestMain(m *testing.M), if any
    TestFunc main_fn;
    bool import_test, need_test, import_xtest, need_xtest;
    char *err;              // the first wrong signature, in go's words
    Str dir;                // the package's directory
};

// go's isTest: the prefix, then nothing or a rune that is not lower case.
static bool is_test_name(Str name, const char *prefix) {
    size_t n = strlen(prefix);
    if (strncmp(name, prefix, n) != 0)
        return false;
    unsigned char c = (unsigned char)name[n];
    return c == 0 || !(c >= 'a' && c <= 'z');  // non-ASCII: assumed not lower
}

// go's isTestFunc: one unnamed or single-named parameter of type *X or
// *pkg.X, and no results.
static bool is_test_func(Node *fn, const char *arg) {
    Node *ft = fn->u.func_decl.type;
    if (ft->u.func_type.results.n > 0 || ft->u.func_type.params.n != 1)
        return false;
    Node *f = ft->u.func_type.params.v[0];
    if (f->u.field.names.n > 1 || !f->u.field.type || f->u.field.type->kind != N_STAR)
        return false;
    Node *x = f->u.field.type->u.unary.x;
    if (x->kind == N_IDENT)
        return strcmp(x->u.ident.name, arg) == 0;
    if (x->kind == N_SELECTOR)
        return strcmp(x->u.selector.sel->u.ident.name, arg) == 0;
    return false;
}

// go's checkTestFunc: records the first wrong signature.
static bool check_test_func(TestFuncs *t, Node *fn, const char *arg) {
    const char *why = NULL;
    char buf[256];
    Str name = fn->u.func_decl.name->u.ident.name;
    if (!is_test_func(fn, arg)) {
        snprintf(buf, sizeof buf, "must be: func %s(%c *testing.%s)", name, arg[0] - 'A' + 'a', arg);
        why = buf;
    }
    if (fn->u.func_decl.type->u.func_type.tparams.n > 0)
        why = "test functions cannot have type parameters";
    if (!why)
        return true;
    if (!t->err) {
        // go names the file by its full path, at the "func" keyword
        Position at = pos_resolve(fn->u.func_decl.type->u.func_type.func);
        const char *base = strrchr(at.file, '/');
        t->err = xasprintf("%s/%s:%d:%d: wrong signature for %s, %s", t->dir, base ? base + 1 : at.file, at.line,
                           at.col, name, why);
    }
    return false;
}

// ---- examples' expected output, as go/doc reads it ----

typedef struct Comment1 {
    uint32_t start, end;    // offsets in the file
    int line, end_line;
} Comment1;

static int line_at(const SrcFile *src, uint32_t off) { return pos_resolve_raw(src->base + off).line; }

// go/ast's isDirective: //line, //extern, //export, //[a-z0-9]+:[a-z0-9].
static bool is_directive(const char *c, size_t n) {
    if ((n >= 5 && strncmp(c, "line ", 5) == 0) || (n >= 7 && strncmp(c, "extern ", 7) == 0) ||
        (n >= 7 && strncmp(c, "export ", 7) == 0))
        return true;
    size_t i = 0;
    while (i < n && ((c[i] >= 'a' && c[i] <= 'z') || (c[i] >= '0' && c[i] <= '9')))
        i++;
    return i > 0 && i + 1 < n && c[i] == ':' && ((c[i + 1] >= 'a' && c[i + 1] <= 'z') || (c[i + 1] >= '0' && c[i + 1] <= '9'));
}

// go/ast's CommentGroup.Text of text[g[0].start .. g[n-1].end].
static void group_text(const char *text, const Comment1 *g, int n, Buf *out) {
    Buf lines = {0};
    for (int i = 0; i < n; i++) {
        const char *c = text + g[i].start;
        size_t len = g[i].end - g[i].start;
        if (c[1] == '/') {
            c += 2, len -= 2;
            if (is_directive(c, len))
                continue;
            if (len > 0 && c[0] == ' ')
                c++, len--;
        } else {
            c += 2, len -= 4;
        }
        buf_printf(&lines, "%.*s\n", (int)len, c);
    }
    // Trailing white space off each line; blank lines collapsed, none at
    // either end.
    const char *s = lines.data ? lines.data : "";
    size_t pos = 0, total = lines.len;
    bool pending_blank = false, any = false;
    while (pos < total) {
        size_t e = pos;
        while (e < total && s[e] != '\n')
            e++;
        size_t k = e;
        while (k > pos && (s[k - 1] == ' ' || s[k - 1] == '\t' || s[k - 1] == '\r' || s[k - 1] == '\v' || s[k - 1] == '\f'))
            k--;
        if (k == pos) {
            pending_blank = any;
        } else {
            if (pending_blank)
                buf_puts(out, "\n");
            buf_printf(out, "%.*s\n", (int)(k - pos), s + pos);
            pending_blank = false;
            any = true;
        }
        pos = e + 1;
    }
    buf_free(&lines);
}

// The last comment group inside an example's body, grouped as go/parser
// groups comments; its text starting with "output:" (any case, after
// space) gives the expected output.
static bool example_output(const SrcFile *src, Node *body, Buf *out, bool *unordered) {
    const char *text = src->text;
    if (!text)
        return false;
    uint32_t from = body->pos - src->base, to = body->u.block.rbrace - src->base;
    VEC(Comment1) cs = {0};
    VEC(bool) after_token = {0};    // a token precedes it on its line
    bool tok_on_line = false;
    for (uint32_t i = from + 1; i < to && i < src->size;) {
        char c = text[i];
        if (c == '\n') {
            tok_on_line = false;
            i++;
        } else if (c == '/' && (text[i + 1] == '/' || text[i + 1] == '*')) {
            uint32_t j = i + 2;
            if (text[i + 1] == '/')
                while (j < src->size && text[j] != '\n')
                    j++;
            else {
                while (j + 1 < src->size && !(text[j] == '*' && text[j + 1] == '/'))
                    j++;
                j += 2;
            }
            Comment1 cm = {i, j, line_at(src, i), line_at(src, j > i ? j - 1 : i)};
            vec_push(&cs, cm);
            vec_push(&after_token, tok_on_line);
            i = j;
        } else if (c == '"' || c == '\'' || c == '`') {
            tok_on_line = true;
            uint32_t j = i + 1;
            while (j < to && text[j] != c && (c == '`' || text[j] != '\n')) {
                if (text[j] == '\\' && c != '`')
                    j++;
                j++;
            }
            i = j + 1;
        } else {
            if (c != ' ' && c != '\t' && c != '\r')
                tok_on_line = true;
            i++;
        }
    }
    // The groups: one after a token on its line takes only the comments
    // that start on the line where it ends; others run on to the next line.
    int last = -1, last_n = 0;
    for (int i = 0; i < cs.len;) {
        int n = after_token.data[i] ? 0 : 1;
        int j = i + 1;
        while (j < cs.len && !after_token.data[j] && cs.data[j].line <= cs.data[j - 1].end_line + n)
            j++;
        last = i, last_n = j - i;
        i = j;
    }
    bool ok = false;
    if (last >= 0) {
        Buf t = {0};
        group_text(text, cs.data + last, last_n, &t);
        const char *s = t.data ? buf_cstr(&t) : "";
        while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\v' || *s == '\f')
            s++;
        *unordered = strncasecmp(s, "unordered ", 10) == 0;
        if (*unordered)
            s += 10;
        if (strncasecmp(s, "output:", 7) == 0) {
            s += 7;
            while (*s == ' ')
                s++;
            if (*s == '\n')
                s++;
            buf_puts(out, s);
            ok = true;
        } else {
            *unordered = false;
        }
        buf_free(&t);
    }
    vec_free(&cs);
    vec_free(&after_token);
    return ok;
}

// go's testFuncs.load for one parsed test file; pkg is "_test" or "_xtest".
static void load_funcs(TestFuncs *t, SynFile *f, const char *pkg, bool *do_import, bool *seen) {
    for (int i = 0; i < f->decls.n; i++) {
        Node *d = f->decls.v[i];
        if (d->kind != N_FUNC_DECL || d->u.func_decl.recv.n > 0)
            continue;
        Str name = d->u.func_decl.name->u.ident.name;
        TestFunc tf = {pkg, name, {0}, false};
        if (strcmp(name, "TestMain") == 0) {
            if (is_test_func(d, "T")) {
                vec_push(&t->tests, tf);
                *do_import = *seen = true;
                continue;
            }
            if (!check_test_func(t, d, "M"))
                continue;
            if (t->main) {
                if (!t->err)
                    t->err = xasprintf("multiple definitions of TestMain");
                continue;
            }
            t->main_fn = tf;
            t->main = &t->main_fn;
            *do_import = *seen = true;
        } else if (is_test_name(name, "Test")) {
            if (check_test_func(t, d, "T"))
                vec_push(&t->tests, tf);
            *do_import = *seen = true;
        } else if (is_test_name(name, "Benchmark")) {
            if (check_test_func(t, d, "B"))
                vec_push(&t->benchmarks, tf);
            *do_import = *seen = true;
        } else if (is_test_name(name, "Fuzz")) {
            if (check_test_func(t, d, "F"))
                vec_push(&t->fuzz, tf);
            *do_import = *seen = true;
        } else if (is_test_name(name, "Example") && d->u.func_decl.type->u.func_type.params.n == 0 &&
                   d->u.func_decl.body) {
            // go/doc's examples, in the file's order
            *do_import = true;  // imported whether run or not
            if (example_output(f->src, d->u.func_decl.body, &tf.output, &tf.unordered)) {
                vec_push(&t->examples, tf);
                *seen = true;
            }
        }
    }
}

TestFuncs *test_funcs_load(Str dir, SynFile **tests, int ntests, SynFile **xtests, int nxtests) {
    TestFuncs *t = xcalloc(1, sizeof *t);
    t->dir = dir;
    for (int i = 0; i < ntests; i++)
        if (tests[i])
            load_funcs(t, tests[i], "_test", &t->import_test, &t->need_test);
    for (int i = 0; i < nxtests; i++)
        if (xtests[i])
            load_funcs(t, xtests[i], "_xtest", &t->import_xtest, &t->need_xtest);
    return t;
}

const char *test_funcs_error(const TestFuncs *t) { return t->err; }

static void free_list(TestFunc *v, int n) {
    for (int i = 0; i < n; i++)
        buf_free(&v[i].output);
    free(v);
}

void test_funcs_free(TestFuncs *t) {
    if (!t)
        return;
    free_list(t->tests.data, t->tests.len);
    free_list(t->benchmarks.data, t->benchmarks.len);
    free_list(t->fuzz.data, t->fuzz.len);
    free_list(t->examples.data, t->examples.len);
    free(t->err);
    free(t);
}

// strconv.Quote, for ASCII controls; other bytes pass as they are.
static void quote(Buf *b, const char *s, size_t n) {
    buf_puts(b, "\"");
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '\a': buf_puts(b, "\\a"); break;
        case '\b': buf_puts(b, "\\b"); break;
        case '\f': buf_puts(b, "\\f"); break;
        case '\n': buf_puts(b, "\\n"); break;
        case '\r': buf_puts(b, "\\r"); break;
        case '\t': buf_puts(b, "\\t"); break;
        case '\v': buf_puts(b, "\\v"); break;
        case '"': buf_puts(b, "\\\""); break;
        case '\\': buf_puts(b, "\\\\"); break;
        default:
            if (c < 0x20 || c == 0x7f)
                buf_printf(b, "\\x%02x", c);
            else
                buf_printf(b, "%c", c);
        }
    }
    buf_puts(b, "\"");
}

static void list(Buf *b, const char *decl, TestFunc *v, int n, bool example) {
    buf_printf(b, "\nvar %s{\n", decl);
    for (int i = 0; i < n; i++) {
        buf_printf(b, "\n\t{\"%s\", %s.%s", v[i].name, v[i].pkg, v[i].name);
        if (example) {
            buf_puts(b, ", ");
            quote(b, v[i].output.data ? v[i].output.data : "", v[i].output.len);
            buf_puts(b, v[i].unordered ? ", true" : ", false");
        }
        buf_puts(b, "},\n");
    }
    buf_puts(b, "\n}\n");
}

void test_main_source(Buf *b, TestFuncs *t, Str path, bool has_test_files, bool has_xtest) {
    // go imports the test variant whenever it has files, whether or not
    // the tests need it; the external package whenever it exists.
    bool import_test = has_test_files || t->import_test, import_xtest = has_xtest;
    buf_puts(b, "\n// Code generated by 'go test'. DO NOT EDIT.\n\npackage main\n\nimport (\n\t\"os\"\n");
    if (t->main)
        buf_puts(b, "\n\t\"reflect\"\n");
    buf_puts(b, "\n\t\"testing\"\n\t\"testing/internal/testdeps\"\n\n");
    if (import_test)
        buf_printf(b, "\n\t%s \"%s\"\n", t->need_test ? "_test" : "_", path);
    buf_puts(b, "\n");
    if (import_xtest)
        buf_printf(b, "\n\t%s \"%s_test\"\n", t->need_xtest ? "_xtest" : "_", path);
    buf_puts(b, "\n\n)\n");
    list(b, "tests = []testing.InternalTest", t->tests.data, t->tests.len, false);
    list(b, "benchmarks = []testing.InternalBenchmark", t->benchmarks.data, t->benchmarks.len, false);
    list(b, "fuzzTargets = []testing.InternalFuzzTarget", t->fuzz.data, t->fuzz.len, false);
    list(b, "examples = []testing.InternalExample", t->examples.data, t->examples.len, true);
    // testing's ImportPath: empty for GOPATH-less directories and file lists
    bool anon = strncmp(path, "_/", 2) == 0 || strcmp(path, "command-line-arguments") == 0;
    buf_printf(b, "\nfunc init() {\n\ttestdeps.ImportPath = \"%s\"\n}\n\n", anon ? "" : path);
    buf_puts(b, "\n\nfunc main() {\n");
    buf_puts(b, "\n\tm := testing.MainStart(testdeps.TestDeps{}, tests, benchmarks, fuzzTargets, examples)\n");
    if (t->main)
        buf_printf(b, "\n\t%s.%s(m)\n\tos.Exit(int(reflect.ValueOf(m).Elem().FieldByName(\"exitCode\").Int()))\n",
                   t->main->pkg, t->main->name);
    else
        buf_puts(b, "\n\tos.Exit(m.Run())\n");
    buf_puts(b, "\n}\n\n");
}
