// escape.c: the escape command, goesc's main job: the pipeline (load,
// check, inline, escape) over the packages or files named, and the
// report in the format asked for.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../base/base.h"
#include "../syntax/syntax.h"
#include "../types/types.h"
#include "../inline/inline.h"
#include "../escape/escape.h"
#include "../report/report.h"
#include "cmd.h"
#include "flags.h"

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

char *cmd_source_root(const char *dir) {
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

// The escape command's flags: goesc's own, then gc's that change what it
// prints, then gc's others, accepted and ignored (they only concern code
// generation, profiling or the build).
enum {
    F_FORMAT, F_FUNC, F_TAGS, F_M, F_L, F_E, F_JSON, F_SMALLFRAMES, F_RACE, F_MSAN, F_ASAN, F_RUNTIME,
    F_STD, F_O, F_I, F_D, F_P, F_LANG, F_V, F_TESTVARIANT, F_C, F_CACHE, F_LIVE, F_J, F_IGNORED
};
static const FlagDef escape_flags[] = {
    [F_FORMAT] = {"format", FLAG_STRING, "F", "output: text (gc's -m lines), json, sarif, html or dot"},
    [F_FUNC] = {"func", FLAG_STRING, "NAME", "-format=dot: the function whose graph to print (F, T.M, (*T).M, F.func1)"},
    [F_TAGS] = {"tags", FLAG_STRING, "T,U", "build tags, as go build takes them"},
    [F_M] = {"m", FLAG_COUNT, NULL, "print optimization decisions; -m=2 explains them, -m=3 also prints the statements escape analysis walks (gc's -m=3 lines except its IR dumps) (the default is -m)"},
    [F_L] = {"l", FLAG_COUNT, NULL, "disable inlining (-l=4: more inlining, as gc's)"},
    [F_E] = {"e", FLAG_COUNT, NULL, "no limit on number of errors reported"},
    [F_JSON] = {"json", FLAG_STRING, "0,DIR", "also write gc's optimizer logs under DIR (file://DIR too)"},
    [F_SMALLFRAMES] = {"smallframes", FLAG_BOOL, NULL, "reduce the size limit for stack allocated objects"},
    [F_RACE] = {"race", FLAG_BOOL, NULL, "analyse as built with the race detector"},
    [F_MSAN] = {"msan", FLAG_BOOL, NULL, "analyse as built for the memory sanitizer"},
    [F_ASAN] = {"asan", FLAG_BOOL, NULL, "analyse as built for the address sanitizer"},
    [F_RUNTIME] = {"+", FLAG_BOOL, NULL, "compiling runtime: a variable moved to the heap is an error"},
    [F_STD] = {"std", FLAG_BOOL, NULL, "compiling standard library (its directives are allowed)"},
    [F_O] = {"o", FLAG_STRING, "file", "separate compilation: write the package's summary to file (then silent without -m)"},
    [F_I] = {"I", FLAG_STRING, "directory", "add directory to the search path of summaries"},
    [F_D] = {"D", FLAG_STRING, "path", "set relative path for local imports"},
    [F_P] = {"p", FLAG_STRING, "path", "set expected package import path"},
    [F_LANG] = {"lang", FLAG_STRING, "go1.N", "Go language version source code expects"},
    [F_V] = {"V", FLAG_BOOL, NULL, "print version and exit"},
    [F_TESTVARIANT] = {"test", FLAG_BOOL, NULL, "with the _test.go files and the _test package, as go test -c compiles them"},
    [F_C] = {"C", FLAG_COUNT, NULL, "disable printing of columns in positions"},
    [F_CACHE] = {"cache", FLAG_STRING, "off|DIR", "the cache of analysed packages: off, or its directory (default $GOESCCACHE, else ~/.cache/goesc)"},
    [F_LIVE] = {"live", FLAG_COUNT, NULL, "gc's liveness lines, only for the temporaries keeping uintptr(unsafe.Pointer(p)) arguments alive, at calls where nothing else is live (the rest needs gc's SSA back end)"},
    [F_J] = {"j", FLAG_INT, "N", "check and analyse on N threads (default: the number of CPUs); the output is the same"},
    // gc's, ignored
    {"%", FLAG_COUNT, NULL, NULL}, {"B", FLAG_COUNT, NULL, NULL},
    {"E", FLAG_COUNT, NULL, NULL}, {"K", FLAG_COUNT, NULL, NULL}, {"L", FLAG_COUNT, NULL, NULL},
    {"N", FLAG_COUNT, NULL, NULL}, {"S", FLAG_COUNT, NULL, NULL}, {"W", FLAG_COUNT, NULL, NULL},
    {"r", FLAG_COUNT, NULL, NULL},
    {"w", FLAG_COUNT, NULL, NULL}, {"t", FLAG_BOOL, NULL, NULL},
    {"v", FLAG_BOOL, NULL, NULL}, {"clobberdead", FLAG_BOOL, NULL, NULL}, {"clobberdeadreg", FLAG_BOOL, NULL, NULL},
    {"complete", FLAG_BOOL, NULL, NULL}, {"dwarf", FLAG_BOOL, NULL, NULL},
    {"dwarfbasentries", FLAG_BOOL, NULL, NULL}, {"dwarflocationlists", FLAG_BOOL, NULL, NULL},
    {"dynlink", FLAG_BOOL, NULL, NULL}, {"linkshared", FLAG_BOOL, NULL, NULL},
    {"nolocalimports", FLAG_BOOL, NULL, NULL}, {"pack", FLAG_BOOL, NULL, NULL}, {"shared", FLAG_BOOL, NULL, NULL},
    {"wb", FLAG_BOOL, NULL, NULL}, {"c", FLAG_INT, NULL, NULL}, {"gendwarfinl", FLAG_INT, NULL, NULL},
    {"memprofilerate", FLAG_INT, NULL, NULL}, {"d", FLAG_STRING, NULL, NULL}, {"asmhdr", FLAG_STRING, NULL, NULL},
    {"bench", FLAG_STRING, NULL, NULL}, {"blockprofile", FLAG_STRING, NULL, NULL},
    {"buildid", FLAG_STRING, NULL, NULL}, {"cpuprofile", FLAG_STRING, NULL, NULL},
    {"embedcfg", FLAG_STRING, NULL, NULL}, {"goversion", FLAG_STRING, NULL, NULL},
    {"importcfg", FLAG_STRING, NULL, NULL}, {"installsuffix", FLAG_STRING, NULL, NULL},
    {"linkobj", FLAG_STRING, NULL, NULL}, {"memprofile", FLAG_STRING, NULL, NULL},
    {"mutexprofile", FLAG_STRING, NULL, NULL}, {"spectre", FLAG_STRING, NULL, NULL},
    {"symabis", FLAG_STRING, NULL, NULL}, {"traceprofile", FLAG_STRING, NULL, NULL},
    {"trimpath", FLAG_STRING, NULL, NULL},
};
enum { NFLAGS = sizeof escape_flags / sizeof *escape_flags };

const char *cmd_cache_flag;

void cmd_escape_flags(FILE *out) {
    flags_print(out, escape_flags, F_IGNORED);
    fprintf(out, "  gc's other flags are accepted and ignored (code generation, profiling, the build):\n   ");
    int col = 3;
    for (int i = F_IGNORED; i < NFLAGS; i++) {
        int w = (int)strlen(escape_flags[i].name) + 2;
        if (col + w > 78) {
            fprintf(out, "\n   ");
            col = 3;
        }
        fprintf(out, " -%s", escape_flags[i].name);
        col += w;
    }
    fputc('\n', out);
}

bool cmd_escape_flag_takes_value(const char *arg) {
    const char *name = arg + 1 + (arg[1] == '-');
    if (arg[0] != '-' || strchr(name, '='))
        return false;
    for (int i = 0; i < NFLAGS; i++)
        if (strcmp(escape_flags[i].name, name) == 0)
            return escape_flags[i].kind == FLAG_INT || escape_flags[i].kind == FLAG_STRING;
    return false;
}

// Flags recorded in a summary: those that change escape results.
static bool changes_results(int f, const char *name) {
    if (f == F_L || f == F_SMALLFRAMES || f == F_RUNTIME || f == F_RACE || f == F_MSAN || f == F_ASAN)
        return true;
    return strcmp(name, "N") == 0 || strcmp(name, "d") == 0 || strcmp(name, "spectre") == 0;
}

Str cmd_package_lang(Loader *l, Package *p, Str lang, bool files) {
    int minor = files ? -1 : load_package_go_minor(l, p);
    return p->matched && lang ? lang : minor >= 0 && minor <= 19 ? str_printf("go1.%d", minor) : NULL;
}

// What the package cache's keys must cover beyond the sources: the flags
// that change results and the target.
static Str cache_config(const LoadConfig *cfg, const SepFlags *sf) {
    Str goos = cfg->goos ? cfg->goos : getenv("GOOS") && *getenv("GOOS") ? str_cstr(getenv("GOOS")) : "linux";
    Str goarch = cfg->goarch ? cfg->goarch : getenv("GOARCH") && *getenv("GOARCH") ? str_cstr(getenv("GOARCH")) : "amd64";
    Buf b = {0};
    buf_printf(&b, "%s/%s cgo=%d [%s]", goos, goarch, cgo_enabled(goos, goarch),
               sf->flags.len ? buf_cstr((Buf *)&sf->flags) : "");
    for (int t = 0; t < cfg->ntags; t++)
        buf_printf(&b, " tag=%s", cfg->tags[t]);
    Str s = str_cstr(buf_cstr(&b));
    buf_free(&b);
    return s;
}

// A dependency from the cache whose declarations nobody used by its turn
// in the analysis waits: its facts are applied when a use checks them.
typedef struct LateFacts {
    Inliner *inl;
    EscSession *es;
    PtrMap passed;      // Package* -> 1: its turn came while it waited
} LateFacts;

static void apply_late_facts(void *ctx, Package *p) {
    LateFacts *lf = ctx;
    if (!lf->inl || !ptrmap_get(&lf->passed, p))
        return;
    inl_package_late(lf->inl, p);
    esc_package_late(lf->es, p);
}

// The type check of the packages, in the loader's order.
typedef struct PkgCheck {
    Str lang;           // go build's -lang
    int minor;          // the go.mod go line's minor version (-1: none)
    char *printed;      // -j: what the check printed, kept (buffered)
    size_t nprinted;
} PkgCheck;

typedef struct Checks {
    Loader *l;
    Package **pkgs;     // NULL while loading
    TestBuild *tb;
    Str lang;
    bool files, error_all;
    // -j: what each check prints is kept until every package is parsed
    // and the syntax errors are out, and the analysis's instance types
    // are found after each check
    bool buffered;
    int rc;
    // While loading goes on (LoadConfig.early), the loading thread adds
    // to at and the early thread checks: mu.
    pthread_mutex_t mu;
    VEC(PkgCheck) at;
} Checks;

// What p's check needs from the loader, read on the loading thread.
static void check_prepare(Checks *c, Package *p, int k) {
    // go build's -lang: the package's go.mod go line, if this Go has it;
    // a newer one is only mentioned when the package fails
    PkgCheck pc = {cmd_package_lang(c->l, p, c->lang, c->files), c->files ? -1 : load_package_go_minor(c->l, p),
                   NULL, 0};
    pthread_mutex_lock(&c->mu);
    while (c->at.len <= k)
        vec_push(&c->at, ((PkgCheck){NULL, -1, NULL, 0}));
    c->at.data[k] = pc;
    pthread_mutex_unlock(&c->mu);
}

static void check_at(Checks *c, Package *p, int k) {
    pthread_mutex_lock(&c->mu);
    PkgCheck pc = c->at.data[k];
    pthread_mutex_unlock(&c->mu);
    char note[64] = "";
    if (pc.minor > 19)
        snprintf(note, sizeof note, "note: module requires Go 1.%d", pc.minor);
    FILE *out = c->buffered ? open_memstream(&pc.printed, &pc.nprinted) : NULL;
    if (check_package(p, c->error_all, pc.lang, c->files ? NULL : cmd_test_header(c->tb, k, p),
                      *note ? note : NULL, out) > 0) {
        pthread_mutex_lock(&c->mu);
        c->rc = c->files ? 1 : 2;
        pthread_mutex_unlock(&c->mu);
    }
    if (out) {
        fclose(out);
        pthread_mutex_lock(&c->mu);
        c->at.data[k] = pc;
        pthread_mutex_unlock(&c->mu);
    }
    if (c->buffered && !p->bad)
        ir_prepare_instance_types(p);
}

static void check_one(void *ctx, int k) {
    Checks *c = ctx;
    check_prepare(c, c->pkgs[k], k);
    check_at(c, c->pkgs[k], k);
}

// LoadConfig.early's hooks. The universe is made before the first check,
// and learns the unsafe package before any package that imports it.
static void early_prepare(void *ctx, Package *p, int k) { check_prepare(ctx, p, k); }

static void early_check(void *ctx, Package *p, int k) {
    types_universe_init(strcmp(p->path, "unsafe") == 0 ? p : NULL);
    check_at(ctx, p, k);
}

// The buffered output of the checks, in order, then forgotten.
static void print_checks(Checks *c) {
    for (int k = 0; k < c->at.len; k++) {
        if (c->at.data[k].nprinted)
            fwrite(c->at.data[k].printed, 1, c->at.data[k].nprinted, stderr);
        free(c->at.data[k].printed);
    }
    vec_free(&c->at);
}

// gc's syntax errors, under each package's header; returns the exit code
// they call for, or rc.
static int print_syntax_errors(Package **pkgs, int n, TestBuild *tb, bool files, int rc) {
    for (int k = 0; k < n; k++)
        if (pkgs[k]->syntax && pkgs[k]->syntax->nerrors && pkgs[k]->bad && rc != 1) {
            if (!files)
                fprintf(stderr, "# %s\n", pkgs[k]->syntax_header ? pkgs[k]->syntax_header : cmd_test_header(tb, k, pkgs[k]));
            diag_flush(pkgs[k]->syntax);
            rc = files ? 1 : 2;
        }
    return rc;
}

// Inlining and escape analysis of the checked packages, in the same order.
typedef struct Analysis {
    Loader *l;
    SepFlags *sf;
    const char *json_dir;
    TestBuild *tb;
    Package **pkgs;
    bool format_html;
    PkgCache *pc;
    RecordLog *log;
    LateFacts *late;
    Inliner *inl;
    EscSession *es;
    VEC(ReportPackage) ranges;  // the records of each package named
    int rc;
} Analysis;

static void analysis_begin(Analysis *a, EscConfig *ec, const InlConfig *ic) {
    ec->log = a->log;
    a->inl = inl_new(ic);
    ec->inliner = a->inl;
    a->es = esc_begin(ec);
    a->late->inl = a->inl;
    a->late->es = a->es;
}

// What is kept of package k, whose records start at from: its -json=0
// file and its range of records.
static void note_package(Analysis *a, int k, int from) {
    Package *p = a->pkgs[k];
    RecordLog *log = a->log;
    if (a->json_dir && p->matched && !write_json(a->l, a->sf, a->json_dir, p, log, from))
        a->rc = 1;
    if (p->matched) {
        ReportPackage rp = {types_link_path(p), cmd_test_header(a->tb, k, p), from, log->recs.len, NULL, 0};
        if (a->format_html) {
            rp.files = xcalloc((size_t)p->nfiles + 1, sizeof *rp.files);
            for (int f = 0; f < p->nfiles; f++)
                if (p->syn && p->syn[f] && p->syn[f]->src->text)
                    rp.files[rp.nfiles++] = p->syn[f]->src;
        }
        vec_push(&a->ranges, rp);
    }
}

static void analyse_one(Analysis *a, int k) {
    Package *p = a->pkgs[k];
    RecordLog *log = a->log;
    int from = log->recs.len;
    if (types_package_deferred(p)) {
        ptrmap_put(&a->late->passed, p, (void *)1);
        return;
    }
    if (!p->bad && strcmp(p->path, "unsafe") != 0)
        inl_package(a->inl, p, p->matched ? log : NULL);
    if (esc_package(a->es, p))
        a->rc = 1;
    else
        pkgcache_store(a->pc, p, a->inl, a->es);
    note_package(a, k, from);
}

// -j: the packages analysed on threads, their records then put in order.
static void analyse_on_threads(Analysis *a, AnalysisJobs *j) {
    analysis_jobs_run(j);
    if (j->rc)
        a->rc = 1;
    for (int k = 0; k < j->n; k++) {
        int from = a->log->recs.len;
        rec_log_append(a->log, &j->logs[k]);
        note_package(a, k, from);
    }
}

// Whether a package comes from the cache: its checks wait for first uses,
// which may come from either stage, so such a run stays on one thread.
static bool any_lazy(Package **pkgs, int n) {
    for (int k = 0; k < n; k++)
        if (pkgs[k]->parse_opts.lazy_bodies)
            return true;
    return false;
}

// goesc [flags] FILE...|PATTERN...: gc's -m output without compiling.
// With no -m and no -o it prints what -m prints: an escape analyser run
// on its own is asked for its findings (gc's separate compilation, -o,
// is silent without -m, as gc is).
int cmd_escape(int argc, char **argv, ExplainSpec *xs) {
    return cmd_escape_hooked(argc, argv, xs, NULL);
}

int cmd_escape_hooked(int argc, char **argv, ExplainSpec *xs, const EscapeHook *hook) {
    LoadConfig cfg = {.parse = true, .compile_files = true, .syntax_per_package = true};
    EscConfig ec = {0};
    SepFlags sf = {0};
    EscRecord rec = {0};
    bool error_all = false, m_given = false, tests = false;
    int lflag = 0;          // gc's -l count
    int live = 0;           // gc's -live count
    int jobs = base_cpus();  // -j
    bool no_opt = false;    // gc's -N
    bool race = false, instrumenting = false;
    char *json_dir = NULL;  // gc's -json=0,DIR
    bool format_json = false;   // -format=json
    bool format_dot = false;    // -format=dot -func=NAME
    bool format_sarif = false;  // -format=sarif
    bool format_html = false;   // -format=html
    const char *graph_func = NULL;
    Str lang = NULL;
    FlagUse *uses;
    int nuses;
    int i = flags_parse(escape_flags, NFLAGS, argc, argv, &uses, &nuses);
    if (i < 0) {
        goesc_usage(stderr, false);
        return 2;
    }
    if (i < argc && (strcmp(argv[i], "-help") == 0 || strcmp(argv[i], "--help") == 0 ||
                     strcmp(argv[i], "-h") == 0)) {
        free(uses);
        goesc_usage(stdout, true);
        return 0;
    }
    int rc = 0;
    for (int u = 0; u < nuses && !rc; u++) {
        const FlagUse *x = &uses[u];
        int f = (int)(x->def - escape_flags);
        const char *v = x->value;
        bool on = strcmp(v, "true") == 0;
        if (changes_results(f, x->def->name))
            buf_printf(&sf.flags, "%s-%s=%s", sf.flags.len ? " " : "", x->def->name, v);
        switch (f) {
        case F_FORMAT:
            format_json = strcmp(v, "json") == 0;
            format_dot = strcmp(v, "dot") == 0;
            format_sarif = strcmp(v, "sarif") == 0;
            format_html = strcmp(v, "html") == 0;
            if (!format_json && !format_dot && !format_sarif && !format_html && strcmp(v, "text") != 0) {
                fprintf(stderr, "goesc: invalid value \"%s\" for flag -format: want text, json, sarif, html or dot\n",
                        v);
                rc = 2;
            }
            break;
        case F_FUNC: graph_func = v; break;
        case F_TAGS:
            free(cfg.tags);
            cfg.ntags = split_tags(v, &cfg.tags);
            break;
        case F_JSON: {
            char *err = NULL;
            free(json_dir);
            json_dir = report_json0_dir(v, &err);
            if (!json_dir) {
                fprintf(stderr, "goesc: %s\n", err);
                free(err);
                rc = 1;
            }
            break;
        }
        case F_M:
            ec.m = x->count;
            m_given = true;
            break;
        case F_L: lflag = x->count; break;
        case F_E: error_all = x->count > 0; break;
        case F_SMALLFRAMES: ec.smallframes = on; break;
        case F_RACE: race = on; break;
        case F_MSAN:
        case F_ASAN: instrumenting |= on; break;
        case F_RUNTIME: ec.compiling_runtime = cfg.files_runtime = on; break;
        case F_STD: cfg.files_std = on; break;
        case F_O: sf.out = v; break;
        case F_I: vec_push(&sf.import_dirs, str_cstr(v)); break;
        case F_D: sf.local_prefix = *v ? str_cstr(v) : NULL; break;  // gc: "" is unset
        case F_P: sf.pkgpath = str_cstr(v); break;
        case F_LANG: lang = *v ? str_cstr(v) : NULL; break;
        case F_TESTVARIANT: tests = cfg.tests = on; break;
        case F_C: pos_show_columns(x->count == 0); break;
        case F_CACHE: cmd_cache_flag = v; break;
        case F_LIVE: live = x->count; break;
        case F_J:
            jobs = (int)strtol(v, NULL, 0);
            if (jobs < 1) {
                fprintf(stderr, "goesc: invalid value \"%s\" for flag -j: want a number of threads, at least 1\n", v);
                rc = 2;
            }
            break;
        case F_V:
            if (on) {
                printf("goesc version %s (models gc %s)\n", GOESC_VERSION, GOESC_MODELS);
                free(uses);
                free(json_dir);
                return 0;
            }
            break;
        default:
            no_opt |= strcmp(x->def->name, "N") == 0 && x->count > 0;
            break;
        }
    }
    free(uses);
    instrumenting |= race;
    // (instrumentation and -N change what the back end keeps live)
    ec.live = instrumenting || no_opt ? 0 : live;
    if (rc) {
        free(json_dir);
        free(cfg.tags);
        vec_free(&sf.import_dirs);
        buf_free(&sf.flags);
        return rc;
    }
    // go build's default pattern
    char *dot[] = {".", NULL};
    if (i == argc) {
        argv = dot;
        argc = 1;
        i = 0;
    }
    if (!m_given && !sf.out)
        ec.m = 1;
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
    if (hook) {
        // assert reads every record: -m=2's and -json's (goesc assert);
        // a light hook only -m's
        ec.m = hook->light ? 1 : 2;
        ec.json = !hook->light;
        structured = format_json = format_sarif = format_html = format_dot = false;
    }
    if ((structured || format_dot) && ec.m == 0)
        ec.m = 1;
    ec.graph_func = format_dot ? graph_func : NULL;
    // gc swaps -l's levels 0 and 1: inlining is on unless -l is given once.
    InlConfig ic = {.m = ec.m, .l = lflag <= 1 ? 1 - lflag : lflag, .race = race,
                    .instrumenting = instrumenting, .json = json_dir != NULL};
    ec.json = json_dir != NULL || structured || format_dot || (hook && !hook->light);
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
    cfg.parse_later = jobs > 1;
    cfg.local_prefix = sf.local_prefix;
    cfg.pkgpath = sf.pkgpath;
    cfg.import_dirs = sf.import_dirs.data;
    cfg.nimport_dirs = sf.import_dirs.len;
    cfg.read_object = esc_summary_read;
    if (sf.out)
        ec.record = &rec;
    // gc's compile mode (a list of .go files) and separate compilation
    // (-o, -I) keep to what gc does: no package cache.
    bool files = true;
    for (int k = i; k < argc; k++) {
        size_t len = strlen(argv[k]);
        files &= len > 3 && strcmp(argv[k] + len - 3, ".go") == 0;
    }
    PkgCache *pc = files || sf.out || sf.import_dirs.len ? NULL
                   : pkgcache_open(cmd_cache_flag, cache_config(&cfg, &sf), lang, files, ic.l == 0);
    if (pc) {
        cfg.lazy_bodies = pkgcache_lazy;
        cfg.lazy_ctx = pc;
        cfg.memo = pkgcache_cache(pc);
    }
    TestBuild tb = {0};
    Checks ck = {.tb = &tb, .lang = lang, .files = files, .error_all = error_all, .mu = PTHREAD_MUTEX_INITIALIZER};
    // -j without the cache: each package is parsed and checked as soon as
    // it is done loading, on a thread that goes on checking every package
    // while this one analyses them. (With the cache, which packages wait
    // for their first use is known once all are loaded; -lang's packages,
    // the named ones, too: that thread starts after loading.)
    // At most MAX_STAGE_THREADS check, and as many analyse: each analysing
    // thread keeps sessions of its own (13 MB more on std), and std's
    // package graph gains little past 16 (runtime and what imports it
    // in a line are a third of the work).
    enum { MAX_STAGE_THREADS = 16 };
    int stage_threads = jobs < MAX_STAGE_THREADS ? jobs : MAX_STAGE_THREADS;
    struct LoadEarly early = {early_prepare, early_check, &ck, 0, stage_threads > 2 ? stage_threads - 1 : 1};
    if (jobs > 1 && !files && !tests && !pc && !lang) {
        cfg.early = &early;
        ck.buffered = true;
    }
    LateFacts late = {0};
    types_on_complete(apply_late_facts, &late);
    Diags diags = {0};
    Loader *l = load_new(&cfg, &diags);
    if (!l) {
        pkgcache_close(pc);
        diag_flush(&diags);
        return 1;
    }
    ck.l = l;
    pkgcache_set_loader(pc, l);
    if (hook && hook->peer >= 0)
        pkgcache_set_peer(pc, hook->peer);
    // gc's compile mode: a list of .go files, as go tool compile takes
    // them; else go build's package mode, with its "# path" headers and
    // its exit status 2 after compile errors.
    if (tests && files) {
        fprintf(stderr, "goesc: -test takes packages (., ./..., import paths), not a list of .go files\n");
        load_free(l);
        free(cfg.tags);
        free(json_dir);
        vec_free(&sf.import_dirs);
        buf_free(&sf.flags);
        return 2;
    }
    int n;
    Package **pkgs = load_patterns(l, argv + i, argc - i, &n);
    pkgcache_end_peer(pc);
    // -j: parse, check and analysis overlap unless some package comes
    // from the cache (its check waits for first uses, from either
    // stage), or the run is gc's compile mode or go test's. (The checking
    // thread that started with loading runs only if so.)
    bool lazy = any_lazy(pkgs, n);
    bool pipelined = jobs > 1 && !files && !tests && diags.nerrors == 0 && !lazy;
    bool checking = load_early_checking(l);
    if (!pipelined && early.checked) {
        // loading failed: go build builds nothing, whatever was checked
        ck.buffered = false;
        ck.rc = 0;
        for (int k = 0; k < ck.at.len; k++)
            free(ck.at.data[k].printed);
        vec_free(&ck.at);
    }
    if (!pipelined && jobs > 1 && diag_debug("jobs"))
        fprintf(stderr, "goesc: jobs: parsed on %d threads, checked and analysed on one (%s)\n", jobs,
                files ? "a list of files" : tests ? "-test" : lazy ? "packages from the cache" : "load errors");
    if (!pipelined)
        load_parse_all_pending(l, jobs);
    // -test: the packages go test -c compiles instead of the roots, each
    // with its "# header" (TestBuild: NULL without -test).
    if (tests && diags.nerrors == 0 && !files)
        pkgs = cmd_test_packages(l, pkgs, &n, &tb);
    bool load_failed = diags.nerrors > 0;
    rc = load_failed ? 1 : 0;
    diag_flush(&diags);
    if (!checking)  // (else the checks make it)
        types_universe_init(load_lookup(l, str_cstr("unsafe")));
    if (!pipelined)
        rc = print_syntax_errors(pkgs, n, &tb, files, rc);
    ck.pkgs = pkgs;
    // gc's -p names the package compiled from a file list in link strings
    // (p.T in generic instances' names).
    for (int k = 0; sf.pkgpath && k < n; k++)
        if (pkgs[k]->matched && strcmp(pkgs[k]->path, "command-line-arguments") == 0)
            pkgs[k]->link_path = sf.pkgpath;
    for (int k = 0; k < n; k++)
        pkgs[k]->no_inline = pkgs[k]->matched && ic.l == 0;
    RecordLog log = {0};
    AnalysisJobs jobs_run = {.threads = 1};
    Analysis an = {.l = l, .sf = &sf, .json_dir = json_dir, .tb = &tb, .pkgs = pkgs, .format_html = format_html,
                   .pc = pc, .log = &log, .late = &late};
    // go build builds nothing when loading failed; otherwise it builds
    // every package whose imports built (check_package skips the rest).
    // gc's compile mode has one package: it prints nothing after errors.
    bool analyse = !load_failed;
    if (pipelined) {
        if (!checking) {
            for (int k = 0; k < n; k++)
                check_prepare(&ck, pkgs[k], k);
            ck.buffered = true;
            load_early_check_all(l, &early);
        }
        // The universe is made by the first check.
        double t0 = base_seconds();
        int waits = n ? load_early_wait(l, 0) : 0;
        double waited = base_seconds() - t0;
        analysis_begin(&an, &ec, &ic);
        bool threaded = load_early_threaded(l);
        int checkers = load_early_threads(l);
        jobs_run.threads = threaded && !xs ? stage_threads : 1;
        if (jobs_run.threads > 1) {
            jobs_run = (AnalysisJobs){.l = l, .pkgs = pkgs, .n = n, .threads = jobs_run.threads, .ec = &ec,
                                      .ic = &ic, .pc = pc, .inl = an.inl, .es = an.es,
                                      .checkers = checkers};
            analyse_on_threads(&an, &jobs_run);
            waits += jobs_run.waits;
            waited += jobs_run.waited;
        }
        for (int k = 0; k < n && jobs_run.threads == 1; k++) {
            t0 = base_seconds();
            waits += load_early_wait(l, k);
            waited += base_seconds() - t0;
            analyse_one(&an, k);
        }
        int helped = load_early_end(l);
        load_parse_all_pending(l, 1);   // (the loader's packages are pkgs)
        rc = print_syntax_errors(pkgs, n, &tb, files, rc);
        print_checks(&ck);
        if (diag_debug("jobs") && !threaded)
            fprintf(stderr, "goesc: jobs: checked and analysed on one thread (no thread could be started)\n");
        else if (diag_debug("jobs"))
            fprintf(stderr,
                    "goesc: jobs: checked on %d thread%s%s and analysed on %d; %d of %d packages parsed on "
                    "the analysis threads, which waited %d times for a check, %.3f s with the parses\n",
                    checkers, checkers == 1 ? "" : "s", checking ? " from loading on" : "",
                    jobs_run.used ? jobs_run.used : 1, helped, n, waits, waited);
    } else {
        for (int k = 0; k < n && !load_failed; k++)
            check_one(&ck, k);
        analyse = !load_failed && ((rc == 0 && ck.rc == 0) || !files);
        if (analyse) {
            analysis_begin(&an, &ec, &ic);
            for (int k = 0; k < n; k++)
                analyse_one(&an, k);
        }
    }
    if (ck.rc)
        rc = ck.rc;
    if (an.rc)
        rc = an.rc;
    if (analyse) {
        Inliner *inl = an.inl;
        EscSession *es = an.es;
        cmd_test_order(&tb, pkgs, n, an.ranges.data, an.ranges.len);
        if (hook) {
            int hrc = hook->run(hook->ctx, &log, an.ranges.data, an.ranges.len, pkgs, n);
            if (hrc > rc)
                rc = hrc;
        } else if (xs) {
            report_explain(stdout, &log, an.ranges.data, an.ranges.len);
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
            report_json(stdout, &log, an.ranges.data, an.ranges.len, &jc);
        } else if (format_html) {
            HtmlConfig hc = {.m = ec.m, .goesc_version = GOESC_VERSION};
            report_html(stdout, &log, an.ranges.data, an.ranges.len, &hc);
        } else if (format_sarif) {
            char cwd[4096];
            char *root = cmd_source_root(getcwd(cwd, sizeof cwd));
            SarifConfig sc = {.m = ec.m, .goesc_version = GOESC_VERSION, .cwd = cwd, .root = root};
            report_sarif(stdout, &log, an.ranges.data, an.ranges.len, &sc);
            free(root);
        } else {
            report_text_packages(stdout, &log, an.ranges.data, an.ranges.len, ec.m, !files);
        }
        for (int r = 0; r < an.ranges.len; r++)
            free(an.ranges.data[r].files);
        vec_free(&an.ranges);
        rec_log_free(&log);
        // The summary reads the session's tags, which esc_end frees.
        if (rc == 0 && sf.out && !write_summary(l, &sf, &rec))
            rc = 1;
        analysis_jobs_free(&jobs_run);
        esc_end(es);
        inl_free(inl);
        late.inl = NULL;
    }
    types_on_complete(NULL, NULL);
    ptrmap_free(&late.passed);
    pkgcache_close(pc);
    vec_free(&ck.at);
    pthread_mutex_destroy(&ck.mu);
    for (int k = 0; k < n; k++) {
        types_free_info(pkgs[k]);
        pkgcache_free_facts(pkgs[k]);
        if (pkgs[k]->syntax)    // errors of a package never checked
            diag_discard(pkgs[k]->syntax);
    }
    cmd_test_free(&tb, pkgs);
    if (rc && sf.out)
        esc_summary_discard(sf.out);
    free(json_dir);
    fflush(stdout);
    ir_qualify_forget();
    ir_shape_forget();
    load_free(l);
    free(cfg.tags);
    vec_free(&sf.import_dirs);
    vec_free(&rec.funcs);
    buf_free(&sf.flags);
    return rc;
}

