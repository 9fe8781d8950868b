// testpkg.c: goesc -test, the packages `go test -c` compiles for each
// package named: p with its _test.go files ("p [p.test]"), the external
// test package ("p_test [p.test]"), the packages between them that import
// p, recompiled against the test variant, and the generated main
// ("p.test"). Without internal test files the variant is p itself; without
// any test file go builds p alone.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/base.h"
#include "../syntax/syntax.h"
#include "types.h"
#include "testpkg.h"

// One import of a variant, as load_files keeps them: sorted by path.
typedef struct Imp {
    Str path;
    Package *pkg;
} Imp;
typedef VEC(Imp) ImpVec;

static void add_imp(ImpVec *v, Str path, Package *q) {
    for (int i = 0; i < v->len; i++)
        if (v->data[i].path == path)
            return;
    Imp im = {path, q};
    vec_push(v, im);
}

static int cmp_imp(const void *x, const void *y) {
    return strcmp(((const Imp *)x)->path, ((const Imp *)y)->path);
}

static void set_imports(Loader *l, Package *v, ImpVec *imps) {
    if (imps->len > 1)
        qsort(imps->data, (size_t)imps->len, sizeof *imps->data, cmp_imp);
    v->nimports = imps->len;
    v->import_paths = ARENA_ARRAY(&l->arena, Str, v->nimports + 1);
    v->imports = ARENA_ARRAY(&l->arena, Package *, v->nimports + 1);
    for (int i = 0; i < imps->len; i++) {
        v->import_paths[i] = imps->data[i].path;
        v->imports[i] = imps->data[i].pkg;
        if (!v->imports[i])
            v->bad = true;
    }
}

// A package the loader's table does not hold (it shares its path with p).
static Package *new_variant(Loader *l, Package *p, Str path, Str name, int nfiles) {
    Package *v = ARENA_NEW(&l->arena, Package);
    v->path = path;
    v->name = name;
    v->dir = p->dir;
    v->std = p->std;
    v->module = p->module;
    v->state = 2;
    v->files = ARENA_ARRAY(&l->arena, Str, nfiles + 1);
    v->syn = ARENA_ARRAY(&l->arena, SynFile *, nfiles + 1);
    v->syntax = ARENA_NEW(&v->arena, Diags);
    v->syntax->limit = l->diags->limit;
    vec_push(&l->variants, v);
    return v;
}

// Parses text (n bytes) as v's next file, named as gc names it. A test
// file's syntax errors (d: the loader's) are go test's, which parses the
// test files itself before anything is compiled; others are gc's
// (d: NULL, v's own list).
static void parse_file(Package *v, Str gcname, const char *text, size_t n, Diags *d) {
    char *keep = arena_alloc(&v->arena, n + 1);
    memcpy(keep, text, n);
    SynOptions opts = {.std = v->std};
    if (!d)
        d = v->syntax;
    int before = d->nerrors;
    v->files[v->nfiles] = gcname;
    v->syn[v->nfiles++] = syn_parse_file_opts(gcname, keep, (uint32_t)n, d, &v->arena, &opts);
    if (d->nerrors > before)
        v->bad = true;
}

// Parses p's own (non-test) files again into v: the checker annotates the
// trees, so each variant needs its own.
static void reparse_files(Loader *l, Package *p, Package *v) {
    for (int i = 0; i < p->nfiles; i++) {
        const char *slash = strrchr(p->files[i], '/');
        char *path = xasprintf("%s/%s", p->dir, slash ? slash + 1 : p->files[i]);
        size_t n;
        char *text = read_whole_file(path, &n);
        if (!text) {
            diag_error_nopos(l->diags, "open %s: cannot read it again", path);
            v->bad = true;
        } else {
            parse_file(v, p->files[i], text, n, NULL);
            free(text);
        }
        free(path);
    }
}

// Whether q is p or imports it, directly or not (memo: 1 yes, 2 no).
static bool reaches(Package *q, Package *p, PtrMap *memo) {
    if (q == p)
        return true;
    if (!q)
        return false;
    intptr_t m = (intptr_t)ptrmap_get(memo, q);
    if (m)
        return m == 1;
    ptrmap_put(memo, q, (void *)2);
    bool r = false;
    for (int i = 0; i < q->nimports && !r; i++)
        r = reaches(q->imports[i], p, memo);
    ptrmap_put(memo, q, (void *)(intptr_t)(r ? 1 : 2));
    return r;
}

// The test files' imports, loaded as cmd/go loads them for the test.
static void load_file_imports(Loader *l, Package *p, struct DirTests *t, bool xtest, ImpVec *out) {
    for (int i = 0; i < t->files.len; i++) {
        bool x = t->pkgs.data[i] != p->name;
        if (x != xtest)
            continue;
        FileHeader *h = &t->hdrs.data[i];
        Str file = str_printf("%s/%s", p->dir, t->files.data[i]);
        Str gcfile = str_printf("%s/%s", load_short_path(l, p->dir), t->files.data[i]);
        for (int j = 0; j < h->nimports; j++) {
            bool have = false;
            for (int k = 0; k < out->len && !have; k++)
                have = out->data[k].path == h->imports[j].path;
            if (!have)
                add_imp(out, h->imports[j].path, load_test_import(l, p, &h->imports[j], file, gcfile, false));
        }
    }
}

typedef struct Out {
    VEC(Package *) pkgs;
    VEC(Str) headers;
} Out;

// matched: gc gets -m for it (recompiled dependencies only if named).
static void emit(Out *o, Package *p, Str header, bool matched) {
    p->matched = matched;
    vec_push(&o->pkgs, p);
    vec_push(&o->headers, header);
}

// Recompiles, against ptest, the packages the external test and the main
// package reach that import p (go's recompileForTest), dependencies first;
// rewires tops (NULL entries skipped).
static void recompile_for_test(Loader *l, Package *p, Package *ptest, Package **tops, int ntops, Out *o) {
    PtrMap memo = {0}, reach = {0}, repl = {0};
    ptrmap_put(&repl, p, ptest);
    // What the tops reach, through packages that import p.
    VEC(Package *) work = {0};
    for (int i = 0; i < ntops; i++)
        if (tops[i])
            vec_push(&work, tops[i]);
    while (work.len) {
        Package *q = work.data[--work.len];
        for (int i = 0; i < q->nimports; i++) {
            Package *d = q->imports[i];
            if (d && d != p && !ptrmap_get(&reach, d) && reaches(d, p, &memo)) {
                ptrmap_put(&reach, d, d);
                vec_push(&work, d);
            }
        }
    }
    Str suffix = str_printf(" [%s.test]", p->path);
    for (int i = 0; i < l->order.len; i++) {
        Package *q = l->order.data[i];
        if (!ptrmap_get(&reach, q))
            continue;
        Package *v = new_variant(l, q, q->path, q->name, q->nfiles);
        v->link_path = q->link_path;
        reparse_files(l, q, v);
        v->bad |= q->bad;
        v->nimports = q->nimports;
        v->import_paths = q->import_paths;
        v->imports = ARENA_ARRAY(&l->arena, Package *, q->nimports + 1);
        for (int k = 0; k < q->nimports; k++) {
            Package *r = q->imports[k] ? ptrmap_get(&repl, q->imports[k]) : NULL;
            v->imports[k] = r ? r : q->imports[k];
        }
        ptrmap_put(&repl, q, v);
        // -gcflags=-m applies to the packages named, whichever variant
        bool named = false;
        for (int r = 0; r < l->roots.len && !named; r++)
            named = l->roots.data[r] == q;
        emit(o, v, str_printf("%s%s", q->path, suffix), named);
    }
    for (int i = 0; i < ntops; i++)
        for (int k = 0; tops[i] && k < tops[i]->nimports; k++) {
            Package *r = tops[i]->imports[k] ? ptrmap_get(&repl, tops[i]->imports[k]) : NULL;
            if (r)
                tops[i]->imports[k] = r;
        }
    vec_free(&work);
    ptrmap_free(&memo);
    ptrmap_free(&reach);
    ptrmap_free(&repl);
}

// "import cycle not allowed in test": an internal test file's import that
// leads back to p.
static bool test_cycle(Loader *l, Package *p, ImpVec *imps) {
    PtrMap memo = {0};
    bool bad = false;
    for (int i = 0; i < imps->len && !bad; i++) {
        Package *q = imps->data[i].pkg;
        if (q && reaches(q, p, &memo)) {
            Buf b = {0};
            // go's stack: p, then the chain from the import up to the
            // package that imports p again
            buf_printf(&b, "package %s", p->path);
            for (Package *c = q; c && c != p;) {
                buf_printf(&b, "\n\timports %s", c->path);
                Package *next = NULL;
                for (int k = 0; k < c->nimports && !next; k++)
                    if (c->imports[k] && reaches(c->imports[k], p, &memo))
                        next = c->imports[k];
                c = next;
            }
            buf_puts(&b, ": import cycle not allowed in test");
            diag_error_nopos(l->diags, "%s", buf_cstr(&b));
            buf_free(&b);
            bad = true;
        }
    }
    ptrmap_free(&memo);
    return bad;
}

// imported: another package named imports p, so go builds p plain too.
static void variants_of(Loader *l, Package *p, bool imported, Out *o) {
    p->matched = false;     // go test builds p only if nothing replaces it
    DirInfo di;
    // A package with syntax errors still gets its test variant, which
    // reports them (go builds p only through it).
    bool syntax_bad = p->syntax && p->syntax->nerrors > 0;
    bool scanned = (!p->bad || syntax_bad) && build_scan_dir(&l->build, p->dir, NULL, 0, &di, &p->arena);
    struct DirTests *t = scanned ? &di.tests : NULL;
    if (!t || t->files.len == 0) {
        emit(o, p, p->path, true);
        if (scanned)
            build_dir_free(&di);
        return;
    }
    Str sdir = load_short_path(l, p->dir);
    Str xname = str_printf("%s_test", p->name);
    int nint = 0, next = 0;
    for (int i = 0; i < t->files.len; i++) {
        if (t->pkgs.data[i] == p->name)
            nint++;
        else
            next++;
    }
    // p [p.test]: p's files, then its internal test files
    Package *ptest = p;
    SynFile **tsyn = xcalloc((size_t)nint + 1, sizeof *tsyn), **xsyn = xcalloc((size_t)next + 1, sizeof *xsyn);
    if (nint) {
        if (syntax_bad) {
            // the variant reports them again: p's own copies are dropped
            FILE *sink = fopen("/dev/null", "w");
            if (sink) {
                p->syntax->out = sink;
                diag_flush(p->syntax);
                fclose(sink);
                p->syntax = NULL;
            }
        }
        ptest = new_variant(l, p, p->path, p->name, p->nfiles + nint);
        ptest->link_path = p->link_path;
        reparse_files(l, p, ptest);
        int k = 0;
        for (int i = 0; i < t->files.len; i++)
            if (t->pkgs.data[i] == p->name) {
                parse_file(ptest, str_printf("%s/%s", sdir, t->files.data[i]), t->texts.data[i], t->sizes.data[i], l->diags);
                tsyn[k++] = ptest->syn[ptest->nfiles - 1];
            }
        ImpVec imps = {0}, timps = {0};
        for (int i = 0; i < p->nimports; i++)
            add_imp(&imps, p->import_paths[i], p->imports[i]);
        load_file_imports(l, p, t, false, &timps);
        if (test_cycle(l, p, &timps))
            ptest->bad = true;
        for (int i = 0; i < timps.len; i++)
            add_imp(&imps, timps.data[i].path, timps.data[i].pkg);
        set_imports(l, ptest, &imps);
        vec_free(&imps);
        vec_free(&timps);
        emit(o, ptest, str_printf("%s [%s.test]", p->path, p->path), true);
        // go test vets the test packages, and vet needs fmt, built plain:
        // p is built plain too when fmt depends on it.
        FileImport fi = {str_cstr("fmt"), 0, 0, 0, 0};
        Package *fmt = load_test_import(l, p, &fi, p->dir, p->dir, true);
        PtrMap memo = {0};
        if (imported || (fmt && reaches(fmt, p, &memo)))
            emit(o, p, p->path, true);
        ptrmap_free(&memo);
    } else {
        emit(o, p, p->path, true);
    }
    // p_test [p.test]
    Package *pxtest = NULL;
    if (next) {
        pxtest = new_variant(l, p, str_printf("%s_test", p->path), xname, next);
        int k = 0;
        for (int i = 0; i < t->files.len; i++)
            if (t->pkgs.data[i] != p->name) {
                parse_file(pxtest, str_printf("%s/%s", sdir, t->files.data[i]), t->texts.data[i], t->sizes.data[i], l->diags);
                xsyn[k++] = pxtest->syn[pxtest->nfiles - 1];
            }
        ImpVec imps = {0};
        load_file_imports(l, p, t, true, &imps);
        set_imports(l, pxtest, &imps);
        vec_free(&imps);
    }
    // p.test: the generated main
    TestFuncs *tf = test_funcs_load(p->dir, tsyn, nint, xsyn, next);
    Package *pmain = NULL;
    if (test_funcs_error(tf)) {
        diag_error_nopos(l->diags, "%s", test_funcs_error(tf));
    } else {
        Buf src = {0};
        test_main_source(&src, tf, p->path, ptest->nfiles > 0, pxtest != NULL);
        pmain = new_variant(l, p, str_printf("%s.test", p->path), str_cstr("main"), 1);
        pmain->link_path = str_cstr("main");
        pmain->module = p->module;
        // go compiles it as $WORK/b001/_testmain.go (go test -x shows it),
        // which it prints relative to the current directory.
        parse_file(pmain, str_cstr("$WORK/b001/_testmain.go"), src.data, src.len, NULL);
        static const char *const deps[] = {"os", "reflect", "testing", "testing/internal/testdeps"};
        ImpVec imps = {0};
        for (size_t i = 0; i < sizeof deps / sizeof *deps; i++) {
            FileImport fi = {str_cstr(deps[i]), 0, 0, 0, 0};
            add_imp(&imps, fi.path, load_test_import(l, p, &fi, pmain->files[0], pmain->files[0], true));
        }
        if (ptest->nfiles > 0)
            add_imp(&imps, p->path, ptest);
        if (pxtest)
            add_imp(&imps, pxtest->path, pxtest);
        set_imports(l, pmain, &imps);
        vec_free(&imps);
        buf_free(&src);
    }
    if (ptest != p) {
        Package *tops[] = {pxtest, pmain};
        recompile_for_test(l, p, ptest, tops, 2, o);
    }
    if (pxtest)
        emit(o, pxtest, str_printf("%s_test [%s.test]", p->path, p->path), true);
    if (pmain)
        emit(o, pmain, pmain->path, true);
    test_funcs_free(tf);
    free(tsyn);
    free(xsyn);
    build_dir_free(&di);
}

Package **load_test_variants(Loader *l, int *n, Str **headers) {
    Out o = {0};
    bool keep = l->build.keep_tests;
    l->build.keep_tests = true;
    PtrMap imported = {0};
    for (int i = 0; i < l->roots.len; i++)
        for (int k = 0; k < l->roots.data[i]->nimports; k++)
            if (l->roots.data[i]->imports[k])
                ptrmap_put(&imported, l->roots.data[i]->imports[k], l->roots.data[i]);
    for (int i = 0; i < l->roots.len; i++) {
        // go reports what goes wrong in setting up a package's test under
        // "# p": collect it apart, then add it as one error.
        Package *p = l->roots.data[i];
        Diags *outer = l->diags, local = {.limit = outer->limit};
        l->diags = &local;
        variants_of(l, p, ptrmap_get(&imported, p) != NULL, &o);
        l->diags = outer;
        if (local.list.len) {
            char *text = NULL;
            size_t n = 0;
            FILE *f = open_memstream(&text, &n);
            local.out = f;
            diag_flush(&local);
            if (f)
                fclose(f);
            while (n > 0 && text[n - 1] == '\n')
                text[--n] = 0;
            diag_error_nopos(outer, "# %s\n%s", p->path, text ? text : "");
            free(text);
        }
    }
    ptrmap_free(&imported);
    l->build.keep_tests = keep;
    *n = o.pkgs.len;
    *headers = o.headers.data;
    return o.pkgs.data;
}
