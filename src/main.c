// main.c: goesc's command line. Each subcommand is the pipeline as a list
// of plain calls: parse, then (later stages) check, inline, escape, report.
//
//   goesc parse [-dump] FILE...     parse only; -dump prints the AST
//   goesc check [flags] PATTERN...  load and type-check (src/types)
//   goesc [gc flags] PATTERN|FILE... escape analysis, gc's -m output
//   goesc explain FILE:LINE...      why something there is on the heap
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/base.h"
#include "syntax/syntax.h"
#include "types/types.h"
#include "inline/inline.h"
#include "escape/escape.h"
#include "report/report.h"

// goesc's own version (the Go it models is go1.19).
#define GOESC_VERSION "0.1.0"

static void usage(void) {
    fprintf(stderr,
            "usage: goesc parse [-e] [-dump] FILE...\n"
            "       goesc check [-e] [-tags T] [-dump-types] PATTERN...\n"
            "       goesc list [-deps] [-files] [-tags T] PATTERN...\n"
            "       goesc [-m] [-l] [flags] PATTERN|FILE...\n"
            "       goesc explain [flags] FILE:LINE[:COL]... [PACKAGES]\n");
    exit(2);
}

// gc compile flags, as Go's test recipes pass them. parse accepts and
// ignores those that do not change parsing.
static bool is_gc_flag_with_arg(const char *a) {
    return strcmp(a, "-o") == 0 || strcmp(a, "-I") == 0 || strcmp(a, "-D") == 0 ||
           strcmp(a, "-p") == 0 || strcmp(a, "-lang") == 0 || strcmp(a, "-importcfg") == 0;
}

static bool is_gc_flag(const char *a) {
    // Matched as prefixes: "-wb" covers -wb=0 and -wb=false, and so on.
    static const char *const prefixes[] = {
        "-m", "-l", "-N", "-d=", "-p=", "-lang=", "-C", "-std", "-+", "-smallframes", "-live",
        "-race", "-msan", "-asan", "-S", "-W", "-j", "-t", "-0", "-o=", "-complete", "-shared",
        "-dynlink", "-asmhdr", "-buildid", "-goversion", "-trimpath", "-importcfg", "-embedcfg",
        "-symabis", "-pack", "-nolocalimports", "-h", "-B", "-K", "-E", "-L", "-wb", "-spectre",
        "-c=", "-v", "-G", "-installsuffix", "-linkobj"};
    for (size_t k = 0; k < sizeof prefixes / sizeof *prefixes; k++)
        if (strncmp(a, prefixes[k], strlen(prefixes[k])) == 0)
            return true;
    return false;
}

static int cmd_parse(int argc, char **argv) {
    bool dump = false, all_errors = false;
    int i = 0;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-dump") == 0)
            dump = true;
        else if (strcmp(argv[i], "-e") == 0)
            all_errors = true;  // gc's -e: no limit on the number of errors
        else if (is_gc_flag_with_arg(argv[i]) && i + 1 < argc)
            i++;  // other gc flags do not change parsing
        else if (!is_gc_flag(argv[i]))
            usage();
    }
    if (i == argc)
        usage();
    Diags diags = {.limit = all_errors ? 0 : 10};
    Buf out = {0};
    for (; i < argc; i++) {
        Arena arena = {0};
        SynFile *f = syn_parse_path(str_cstr(argv[i]), &diags, &arena);
        if (f && dump && diags.nerrors == 0) {
            syn_dump(&out, f);
            fwrite(out.data, 1, out.len, stdout);
            out.len = 0;
        }
        if (f)
            vec_free(&f->directives);
        arena_free(&arena);
    }
    buf_free(&out);
    int rc = diags.nerrors ? 1 : 0;
    diag_flush(&diags);
    return rc;
}

// Splits a -tags value (comma- or space-separated, as cmd/go accepts).
static int split_tags(const char *v, Str **out) {
    int n = 0;
    Str *tags = xcalloc(strlen(v) + 1, sizeof(Str));
    for (const char *s = v; *s;) {
        size_t k = strcspn(s, ", ");
        if (k)
            tags[n++] = str_intern(s, k);
        s += k;
        if (*s)
            s++;
    }
    *out = tags;
    return n;
}

// Shared flag handling of check and list: -tags T.
static int loader_flags(int argc, char **argv, int i, LoadConfig *cfg) {
    if (strcmp(argv[i], "-tags") == 0 && i + 1 < argc) {
        cfg->ntags = split_tags(argv[i + 1], &cfg->tags);
        return 2;
    }
    if (strncmp(argv[i], "-tags=", 6) == 0) {
        cfg->ntags = split_tags(argv[i] + 6, &cfg->tags);
        return 1;
    }
    return 0;
}

// Type-checks one package of a dependencies-first list, with its own error
// limit, as gc compiles each package separately. A package whose imports
// failed is skipped, as the go command would. Returns -1 when skipped, 1
// after errors, else 0; a failed package is marked bad.
static int check_package(Package *p, bool error_all) {
    bool skip = p->bad;
    for (int j = 0; j < p->nimports && !skip; j++)
        if (!p->imports[j] || p->imports[j]->bad)
            skip = true;
    if (skip) {
        p->bad = true;
        return -1;
    }
    Diags pd = {.limit = error_all ? 0 : 10};
    CheckConfig cc = {.error_all = error_all};
    int r = 0;
    if (!types_check_package(p, &cc, &pd)) {
        p->bad = true;
        r = 1;
    }
    diag_flush(&pd);
    return r;
}

// goesc check: load and parse every package the patterns need, then
// type-check them bottom-up.
static int cmd_check(int argc, char **argv) {
    LoadConfig cfg = {.parse = true, .compile_files = true};
    bool error_all = false;   // -e: no limit of 10 errors, as gc's -e
    bool dump = false;        // -dump-types: each matched package's type table
    int i = 0;
    while (i < argc && argv[i][0] == '-') {
        int k = loader_flags(argc, argv, i, &cfg);
        if (k == 0 && strcmp(argv[i], "-dump-types") == 0)
            dump = true, k = 1;
        else if (k == 0 && strcmp(argv[i], "-e") == 0)
            error_all = true, k = 1;
        if (k == 0)
            usage();
        i += k;
    }
    if (i == argc)
        usage();
    Diags diags = {0};
    Loader *l = load_new(&cfg, &diags);
    int rc = 0;
    if (l) {
        int n;
        Package **pkgs = load_patterns(l, argv + i, argc - i, &n);
        rc = diags.nerrors ? 1 : 0;
        diag_flush(&diags);
        types_universe_init(load_lookup(l, str_cstr("unsafe")));
        for (int k = 0; k < n; k++) {
            Package *p = pkgs[k];
            // -dump-types: "package PATH" goes out before checking, so
            // that a crash shows where it happened; then the table.
            if (dump && p->matched) {
                printf("package %s\n", p->path);
                fflush(stdout);
            }
            int r = check_package(p, error_all);
            if (r < 0)
                continue;
            if (r > 0)
                rc = 1;
            if (dump && p->matched) {
                Buf out = {0};
                types_dump_types(&out, p);
                fwrite(out.data, 1, out.len, stdout);
                fflush(stdout);
                buf_free(&out);
            }
        }
        for (int k = 0; k < n; k++)
            types_free_info(pkgs[k]);
    }
    if (diags.nerrors)
        rc = 1;
    diag_flush(&diags);
    load_free(l);
    free(cfg.tags);
    return rc;
}

// goesc list [-deps] [-files] PATTERN...: import paths, one per line, to be
// compared with `go list`; -files adds GoFiles and IgnoredGoFiles as
// `go list -f '{{.ImportPath}} {{.GoFiles}} {{.IgnoredGoFiles}}'` prints them.
static int cmd_list(int argc, char **argv) {
    LoadConfig cfg = {0};
    bool deps = false, files = false;
    int i = 0;
    while (i < argc && argv[i][0] == '-') {
        int k = loader_flags(argc, argv, i, &cfg);
        if (k == 0 && strcmp(argv[i], "-deps") == 0)
            deps = true, k = 1;
        else if (k == 0 && strcmp(argv[i], "-files") == 0)
            files = true, k = 1;
        if (k == 0)
            usage();
        i += k;
    }
    if (i == argc)
        usage();
    Diags diags = {0};
    Loader *l = load_new(&cfg, &diags);
    if (l) {
        int n;
        Package **pkgs = deps ? load_patterns(l, argv + i, argc - i, &n) : NULL;
        if (!deps) {
            load_patterns(l, argv + i, argc - i, &n);
            pkgs = load_roots(l, &n);
        }
        for (int j = 0; j < n; j++) {
            Package *p = pkgs[j];
            printf("%s", p->path);
            if (files) {
                // unsafe has no files for the checker; go list shows its doc file.
                printf(" [%s", strcmp(p->path, "unsafe") == 0 ? "unsafe.go" : "");
                for (int f = 0; f < p->nfiles; f++) {
                    const char *slash = strrchr(p->files[f], '/');
                    printf("%s%s", f ? " " : "", slash ? slash + 1 : p->files[f]);
                }
                printf("] [");
                for (int f = 0; f < p->nignored; f++)
                    printf("%s%s", f ? " " : "", p->ignored[f]);
                printf("]");
            }
            printf("\n");
        }
    }
    fflush(stdout);
    int rc = diags.nerrors ? 1 : 0;
    diag_flush(&diags);
    load_free(l);
    free(cfg.tags);
    return rc;
}

// gc's separate compilation: -o writes the package's summary (escape
// tags) and -I, -D, -p find and name the summaries of earlier runs, so
// that packages can be analysed one per run as gc compiles them.
typedef struct SepFlags {
    const char *out;        // -o FILE
    VEC(Str) import_dirs;   // -I DIR, in order
    Str local_prefix;       // -D DIR
    Str pkgpath;            // -p PATH
    Buf flags;              // flags that change the results, for the summary
} SepFlags;

// Takes -o, -I, -D or -p at argv[i], as "-o X" or "-o=X"; returns the
// number of arguments used, 0 if argv[i] is none of them.
static int sep_flag(int argc, char **argv, int i, SepFlags *sf) {
    static const char names[] = "oIDp";
    const char *a = argv[i];
    if (a[0] != '-' || !a[1] || !strchr(names, a[1]) || (a[2] && a[2] != '='))
        return 0;
    const char *v = a[2] ? a + 3 : i + 1 < argc ? argv[i + 1] : NULL;
    if (!v)
        return 0;
    switch (a[1]) {
    case 'o': sf->out = v; break;
    case 'I': vec_push(&sf->import_dirs, str_cstr(v)); break;
    case 'D': sf->local_prefix = *v ? str_cstr(v) : NULL; break;  // gc: "" is unset
    case 'p': sf->pkgpath = str_cstr(v); break;
    }
    return a[2] ? 1 : 2;
}

// Flags recorded in a summary: those that change escape results.
static bool changes_results(const char *a) {
    static const char *const prefixes[] = {"-N", "-smallframes", "-+", "-d=", "-race",
                                           "-msan", "-asan", "-spectre"};
    for (size_t k = 0; k < sizeof prefixes / sizeof *prefixes; k++)
        if (strncmp(a, prefixes[k], strlen(prefixes[k])) == 0)
            return true;
    return strcmp(a, "-l") == 0 || strncmp(a, "-l=", 3) == 0;
}

// -o: the summary of the one package compiled.
static bool write_summary(Loader *l, SepFlags *sf, EscRecord *rec) {
    int n;
    Package **roots = load_roots(l, &n);
    if (n != 1) {
        fprintf(stderr, "goesc: -o needs exactly one package, have %d\n", n);
        return false;
    }
    char *err = NULL;
    Str path = sf->pkgpath ? sf->pkgpath : roots[0]->path;
    if (!esc_summary_write(sf->out, roots[0], path, buf_cstr(&sf->flags), rec, &err)) {
        fprintf(stderr, "%s\n", err);
        free(err);
        return false;
    }
    return true;
}

// gc's -json=0,DIR files for package p, whose records start at from.
static bool write_json(Loader *l, SepFlags *sf, const char *dir, Package *p, RecordLog *log, int from) {
    Str goroot = load_goroot(l);
    char version[64] = "go1.19";
    char *vpath = xasprintf("%s/VERSION", goroot);
    FILE *vf = fopen(vpath, "r");
    free(vpath);
    if (vf) {
        if (fgets(version, sizeof version, vf))
            version[strcspn(version, "\n")] = 0;
        fclose(vf);
    }
    char cwd[4096];
    const char *goos = getenv("GOOS"), *goarch = getenv("GOARCH");
    Json0Config jc = {.dir = dir,
                      .goos = goos && *goos ? goos : "linux",
                      .goarch = goarch && *goarch ? goarch : "amd64",
                      .gc_version = version,
                      .goroot = goroot,
                      .cwd = getcwd(cwd, sizeof cwd),
                      .names_as_given = sf->out != NULL};
    // gc's -p: what go build passes (main for commands), else -p's value.
    const char *path = sf->out ? (sf->pkgpath ? sf->pkgpath : "")
                       : p->name && strcmp(p->name, "main") == 0 ? "main" : types_link_path(p);
    char *err = NULL;
    if (report_json0(log, from, log->recs.len, path, &jc, &err))
        return true;
    fprintf(stderr, "goesc: %s\n", err);
    free(err);
    return false;
}

// The root SARIF's URIs are relative to: the repository holding dir (the
// nearest directory up with .git), else its module (go.mod), else dir.
static char *source_root(const char *dir) {
    if (!dir)
        return xasprintf("/");
    char *mod = NULL;
    char *d = path_clean(dir);
    for (;;) {
        char *git = xasprintf("%s/.git", d), *gomod = xasprintf("%s/go.mod", d);
        bool is_repo = access(git, F_OK) == 0;
        if (!mod && access(gomod, F_OK) == 0)
            mod = xasprintf("%s", d);
        free(git);
        free(gomod);
        if (is_repo) {
            free(mod);
            return d;
        }
        char *slash = strrchr(d, '/');
        if (!slash || slash == d)
            break;
        *slash = 0;
    }
    free(d);
    return mod ? mod : path_clean(dir);
}

// goesc [gc flags] FILE...|PATTERN...: gc's -m output without compiling.
// Flags that change escape results are honoured (-m, -m=N, -smallframes,
// -+, -e), and those of separate compilation (-o, -I, -D, -p); the others
// gc accepts are ignored.
// goesc explain's positions: FILE:LINE[:COL], FILE by its real path.
typedef struct ExplainAt {
    const char *arg;
    char *file;
    int line, col;          // col 0: any
    bool hit;
} ExplainAt;
typedef struct ExplainSpec {
    VEC(ExplainAt) at;
    int n;
    bool all;
    PtrMap real;            // SrcFile* -> its real path ("" if none)
} ExplainSpec;

static bool explain_match(void *ctx, Pos p) {
    ExplainSpec *xs = ctx;
    if (xs->all)
        return true;
    SrcFile *f = pos_file(p);
    if (!f)
        return false;
    char *real = ptrmap_get(&xs->real, f);
    if (!real) {
        char *r = realpath(f->path, NULL);
        real = r ? r : xstrdup("");
        ptrmap_put(&xs->real, f, real);
    }
    Position at = pos_resolve_raw(p);
    bool any = false;
    for (int i = 0; i < xs->n; i++) {
        ExplainAt *x = &xs->at.data[i];
        if (x->line == at.line && (!x->col || x->col == at.col) && strcmp(x->file, real) == 0)
            x->hit = any = true;
    }
    return any;
}

static int cmd_escape(int argc, char **argv, ExplainSpec *xs) {
    LoadConfig cfg = {.parse = true, .compile_files = true};
    EscConfig ec = {0};
    SepFlags sf = {0};
    EscRecord rec = {0};
    bool error_all = false;
    int lflag = 0;          // gc's -l count
    bool race = false, instrumenting = false;
    char *json_dir = NULL;  // gc's -json=0,DIR
    bool format_json = false;   // -format=json
    bool format_dot = false;    // -format=dot -func=NAME
    bool format_sarif = false;  // -format=sarif
    bool format_html = false;   // -format=html
    const char *graph_func = NULL;
    int i = 0;
    while (i < argc && argv[i][0] == '-' && argv[i][1]) {
        const char *a = argv[i];
        int k = loader_flags(argc, argv, i, &cfg);
        if (!k)
            k = sep_flag(argc, argv, i, &sf);
        if (k) {
            i += k;
            continue;
        }
        if (changes_results(a))
            buf_printf(&sf.flags, "%s%s", sf.flags.len ? " " : "", a);
        if (strncmp(a, "-format=", 8) == 0 || strcmp(a, "-format") == 0) {
            const char *v = a[7] ? a + 8 : i + 1 < argc ? argv[++i] : "";
            format_json = strcmp(v, "json") == 0;
            format_dot = strcmp(v, "dot") == 0;
            format_sarif = strcmp(v, "sarif") == 0;
            format_html = strcmp(v, "html") == 0;
            if (!format_json && !format_dot && !format_sarif && !format_html && strcmp(v, "text") != 0) {
                fprintf(stderr, "goesc: invalid value \"%s\" for flag -format: want text, json, sarif, html or dot\n",
                        v);
                return 2;
            }
        } else if (strncmp(a, "-func=", 6) == 0 || strcmp(a, "-func") == 0) {
            graph_func = a[5] ? a + 6 : i + 1 < argc ? argv[++i] : "";
        } else if (strcmp(a, "-json") == 0 || strncmp(a, "-json=", 6) == 0) {
            const char *v = a[5] ? a + 6 : i + 1 < argc ? argv[++i] : NULL;
            char *err = NULL;
            free(json_dir);
            json_dir = v ? report_json0_dir(v, &err) : NULL;
            if (!json_dir) {
                fprintf(stderr, "goesc: %s\n", err ? err : "flag needs an argument: -json");
                free(err);
                return v ? 1 : 2;
            }
        } else if (strcmp(a, "-m") == 0)
            ec.m++;
        else if (strncmp(a, "-m=", 3) == 0)
            ec.m = atoi(a + 3);
        else if (strcmp(a, "-l") == 0)
            lflag++;
        else if (strncmp(a, "-l=", 3) == 0)
            lflag = atoi(a + 3);
        else if (strcmp(a, "-smallframes") == 0)
            ec.smallframes = true;
        else if (strcmp(a, "-race") == 0)
            race = instrumenting = true;
        else if (strcmp(a, "-msan") == 0 || strcmp(a, "-asan") == 0)
            instrumenting = true;
        else if (strcmp(a, "-+") == 0)
            ec.compiling_runtime = cfg.files_runtime = true;
        else if (strcmp(a, "-std") == 0)
            cfg.files_std = true;
        else if (strcmp(a, "-e") == 0)
            error_all = true;
        else if (strncmp(a, "-e=", 3) == 0)  // a Go bool flag: -e=0, -e=false, -e=true
            error_all = strcmp(a + 3, "1") == 0 || strcmp(a + 3, "true") == 0 ||
                        strcmp(a + 3, "t") == 0 || strcmp(a + 3, "T") == 0 ||
                        strcmp(a + 3, "TRUE") == 0 || strcmp(a + 3, "True") == 0;
        else if (is_gc_flag_with_arg(a) && i + 1 < argc)
            i++;
        else if (!is_gc_flag(a))
            usage();
        i++;
    }
    if (i == argc)
        usage();
    if (format_dot && (!graph_func || !*graph_func)) {
        fprintf(stderr, "goesc: -format=dot needs -func=NAME (a function as gc names it: F, T.M, (*T).M, F.func1)\n");
        return 2;
    }
    // -format=json lists the -m lines by default, and their explanations;
    // -format=dot's edges carry them too.
    bool structured = format_json || format_sarif || format_html;
    if (xs) {
        // explain prints gc's -m=2 explanations and reads the -m=2 graph
        ec.m = 2;
        ec.explain_at = explain_match;
        ec.explain_ctx = xs;
        structured = format_json = format_sarif = format_html = format_dot = false;
    }
    if ((structured || format_dot) && ec.m == 0)
        ec.m = 1;
    ec.graph_func = format_dot ? graph_func : NULL;
    // gc swaps -l's levels 0 and 1: inlining is on unless -l is given once.
    InlConfig ic = {.m = ec.m, .l = lflag <= 1 ? 1 - lflag : lflag, .race = race,
                    .instrumenting = instrumenting, .json = json_dir != NULL};
    ec.json = json_dir != NULL || structured || format_dot;
    ic.json = ec.json;
    if (json_dir) {
        char *err = NULL;
        if (!report_json0_mkdir(json_dir, &err)) {
            fprintf(stderr, "goesc: %s\n", err);
            free(err);
            free(json_dir);
            return 1;
        }
    }
    cfg.local_prefix = sf.local_prefix;
    cfg.pkgpath = sf.pkgpath;
    cfg.import_dirs = sf.import_dirs.data;
    cfg.nimport_dirs = sf.import_dirs.len;
    cfg.read_object = esc_summary_read;
    if (sf.out)
        ec.record = &rec;
    Diags diags = {0};
    Loader *l = load_new(&cfg, &diags);
    int rc = 0;
    if (!l) {
        diag_flush(&diags);
        return 1;
    }
    int n;
    Package **pkgs = load_patterns(l, argv + i, argc - i, &n);
    rc = diags.nerrors ? 1 : 0;
    diag_flush(&diags);
    types_universe_init(load_lookup(l, str_cstr("unsafe")));
    for (int k = 0; k < n; k++) {
        if (check_package(pkgs[k], error_all) > 0)
            rc = 1;
    }
    // gc's -p names the package compiled from a file list in link strings
    // (p.T in generic instances' names).
    for (int k = 0; sf.pkgpath && k < n; k++)
        if (pkgs[k]->matched && strcmp(pkgs[k]->path, "command-line-arguments") == 0)
            pkgs[k]->link_path = sf.pkgpath;
    for (int k = 0; k < n; k++)
        pkgs[k]->no_inline = pkgs[k]->matched && ic.l == 0;
    if (rc == 0) {
        RecordLog log = {0};
        ec.log = &log;
        Inliner *inl = inl_new(&ic);
        ec.inliner = inl;
        EscSession *es = esc_begin(&ec);
        VEC(ReportPackage) ranges = {0};
        for (int k = 0; k < n; k++) {
            int from = log.recs.len;
            if (!pkgs[k]->bad && strcmp(pkgs[k]->path, "unsafe") != 0)
                inl_package(inl, pkgs[k], pkgs[k]->matched ? &log : NULL);
            if (esc_package(es, pkgs[k]))
                rc = 1;
            if (json_dir && pkgs[k]->matched && !write_json(l, &sf, json_dir, pkgs[k], &log, from))
                rc = 1;
            if (pkgs[k]->matched) {
                ReportPackage rp = {types_link_path(pkgs[k]), from, log.recs.len, NULL, 0};
                if (format_html) {
                    rp.files = xcalloc((size_t)pkgs[k]->nfiles + 1, sizeof *rp.files);
                    for (int f = 0; f < pkgs[k]->nfiles; f++)
                        if (pkgs[k]->syn && pkgs[k]->syn[f] && pkgs[k]->syn[f]->src->text)
                            rp.files[rp.nfiles++] = pkgs[k]->syn[f]->src;
                }
                vec_push(&ranges, rp);
            }
        }
        if (xs) {
            report_explain(stdout, &log, ranges.data, ranges.len);
            for (int x = 0; x < xs->n; x++)
                if (!xs->at.data[x].hit) {
                    fprintf(stderr, "goesc explain: %s: nothing is moved to the heap, escapes or leaks there\n",
                            xs->at.data[x].arg);
                    rc = 1;
                }
        } else if (format_dot) {
            if (!log.graphs.len) {
                fprintf(stderr, "goesc: no function %s in the packages named\n", graph_func);
                rc = 1;
            }
            for (int g = 0; g < log.graphs.len; g++)
                report_dot(stdout, log.graphs.data[g]);
        } else if (format_json) {
            char cwd[4096];
            JsonReportConfig jc = {.m = ec.m, .goesc_version = GOESC_VERSION, .cwd = getcwd(cwd, sizeof cwd)};
            report_json(stdout, &log, ranges.data, ranges.len, &jc);
        } else if (format_html) {
            HtmlConfig hc = {.m = ec.m, .goesc_version = GOESC_VERSION};
            report_html(stdout, &log, ranges.data, ranges.len, &hc);
        } else if (format_sarif) {
            char cwd[4096];
            char *root = source_root(getcwd(cwd, sizeof cwd));
            SarifConfig sc = {.m = ec.m, .goesc_version = GOESC_VERSION, .cwd = cwd, .root = root};
            report_sarif(stdout, &log, ranges.data, ranges.len, &sc);
            free(root);
        } else {
            report_text_file(stdout, &log, ec.m);
        }
        for (int r = 0; r < ranges.len; r++)
            free(ranges.data[r].files);
        vec_free(&ranges);
        rec_log_free(&log);
        // The summary reads the session's tags, which esc_end frees.
        if (rc == 0 && sf.out && !write_summary(l, &sf, &rec))
            rc = 1;
        esc_end(es);
        inl_free(inl);
    }
    for (int k = 0; k < n; k++)
        types_free_info(pkgs[k]);
    if (rc && sf.out)
        esc_summary_discard(sf.out);
    free(json_dir);
    fflush(stdout);
    load_free(l);
    free(cfg.tags);
    vec_free(&sf.import_dirs);
    vec_free(&rec.funcs);
    buf_free(&sf.flags);
    return rc;
}

// Whether a is FILE.go:LINE[:COL]; fills x.
static bool parse_position(const char *a, ExplainAt *x) {
    const char *go = strstr(a, ".go:");
    if (!go)
        return false;
    while (strstr(go + 1, ".go:"))
        go = strstr(go + 1, ".go:");
    char *end;
    long line = strtol(go + 4, &end, 10), col = 0;
    if (end == go + 4 || line <= 0 || line > 1 << 30)
        return false;
    if (*end == ':') {
        const char *c = end + 1;
        col = strtol(c, &end, 10);
        if (end == c || col <= 0 || col > 1 << 30)
            return false;
    }
    if (*end)
        return false;
    x->arg = a;
    x->file = xmalloc((size_t)(go + 3 - a) + 1);
    memcpy(x->file, a, (size_t)(go + 3 - a));
    x->file[go + 3 - a] = 0;
    x->line = (int)line, x->col = (int)col;
    return true;
}

// The directory of a file, as a package pattern ("./dir", "/abs", ".").
static char *file_dir(const char *file) {
    const char *slash = strrchr(file, '/');
    if (!slash)
        return xstrdup(".");
    if (slash == file)
        return xstrdup("/");
    size_t n = (size_t)(slash - file);
    char *d = xmalloc(n + 3);
    if (file[0] == '/' || file[0] == '.')
        sprintf(d, "%.*s", (int)n, file);
    else
        sprintf(d, "./%.*s", (int)n, file);
    return d;
}

// goesc explain [flags] FILE:LINE[:COL]... [PACKAGES]: the escape command
// at -m=2, printing what is at the positions, and more than gc says.
static int cmd_explain(int argc, char **argv) {
    ExplainSpec xs = {0};
    VEC(char *) flags = {0};
    VEC(char *) named = {0};
    VEC(char *) dirs = {0};
    int rc = 0;
    for (int i = 0; i < argc; i++) {
        ExplainAt x = {0};
        if (strcmp(argv[i], "-all") == 0) {
            xs.all = true;
        } else if (argv[i][0] == '-') {
            vec_push(&flags, argv[i]);
            if ((is_gc_flag_with_arg(argv[i]) || strcmp(argv[i], "-tags") == 0) && i + 1 < argc)
                vec_push(&flags, argv[++i]);
        } else if (parse_position(argv[i], &x)) {
            char *real = realpath(x.file, NULL);
            if (!real) {
                fprintf(stderr, "goesc explain: stat %s: no such file or directory\n", x.file);
                free(x.file);
                rc = 1;
                continue;
            }
            char *dir = file_dir(x.file);
            bool seen = false;
            for (int k = 0; k < dirs.len && !seen; k++)
                seen = strcmp(dirs.data[k], dir) == 0;
            if (seen)
                free(dir);
            else
                vec_push(&dirs, dir);
            free(x.file);
            x.file = real;
            vec_push(&xs.at, x);
            xs.n++;
        } else {
            vec_push(&named, argv[i]);
        }
    }
    if (!rc && !xs.n && !xs.all) {
        fprintf(stderr, "usage: goesc explain [flags] FILE:LINE[:COL]... [PACKAGES]\n"
                        "       goesc explain [flags] -all PACKAGES\n");
        rc = 2;
    }
    if (!rc) {
        VEC(char *) args = {0};
        for (int k = 0; k < flags.len; k++)
            vec_push(&args, flags.data[k]);
        vec_push(&args, "-m=2");
        if (named.len)
            for (int k = 0; k < named.len; k++)
                vec_push(&args, named.data[k]);
        else if (dirs.len)
            for (int k = 0; k < dirs.len; k++)
                vec_push(&args, dirs.data[k]);
        else
            vec_push(&args, ".");
        rc = cmd_escape(args.len, args.data, &xs);
        vec_free(&args);
    }
    for (int k = 0; k < xs.n; k++)
        free(xs.at.data[k].file);
    vec_free(&xs.at);
    for (size_t k = 0; k < xs.real.cap; k++)
        if (xs.real.keys[k])
            free(xs.real.vals[k]);
    ptrmap_free(&xs.real);
    for (int k = 0; k < dirs.len; k++)
        free(dirs.data[k]);
    vec_free(&dirs);
    vec_free(&flags);
    vec_free(&named);
    return rc;
}

static int run(int argc, char **argv) {
    if (argc < 2)
        usage();
    if (strcmp(argv[1], "parse") == 0)
        return cmd_parse(argc - 2, argv + 2);
    if (strcmp(argv[1], "check") == 0)
        return cmd_check(argc - 2, argv + 2);
    if (strcmp(argv[1], "list") == 0)
        return cmd_list(argc - 2, argv + 2);
    if (strcmp(argv[1], "explain") == 0)
        return cmd_explain(argc - 2, argv + 2);
    return cmd_escape(argc - 1, argv + 1, NULL);
}

// The parser and checker recurse on nested source; gc copes with very deep
// nesting because goroutine stacks grow, so we run on a large reserved stack
// (pages are only committed when touched).
enum { MAIN_STACK_SIZE = 4096ul << 20 };

typedef struct MainArgs {
    int argc;
    char **argv;
    int rc;
} MainArgs;

static void *main_thread(void *arg) {
    MainArgs *m = arg;
    m->rc = run(m->argc, m->argv);
    return NULL;
}

int main(int argc, char **argv) {
    MainArgs m = {argc, argv, 0};
    pthread_attr_t attr;
    pthread_t t;
    if (pthread_attr_init(&attr) == 0 &&
        pthread_attr_setstacksize(&attr, MAIN_STACK_SIZE) == 0 &&
        pthread_create(&t, &attr, main_thread, &m) == 0) {
        pthread_join(t, NULL);
        return m.rc;
    }
    return run(argc, argv);  // could not get a big stack: run on this one
}
