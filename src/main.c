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
#include "cmd/cmd.h"

void goesc_usage(FILE *out, bool full) {
    if (!full) {
        fprintf(out, "usage: goesc [flags] [PATTERN|FILE...]\n"
                     "       goesc explain [flags] FILE:LINE[:COL]... [PACKAGES]\n"
                     "Run 'goesc help' for details.\n");
        return;
    }
    fprintf(out,
            "usage: goesc [flags] [PATTERN|FILE...]      escape analysis: gc's -m lines (default: -m .)\n"
            "       goesc explain [flags] FILE:LINE[:COL]... [PACKAGES]\n"
            "                                            why what is there goes to the heap or leaks\n"
            "       goesc explain [flags] -all [PACKAGES]\n"
            "       goesc assert [-baseline FILE|-against FILE] [flags] [PACKAGES]\n"
            "                                            check //goesc: and //gcassert: directives\n"
            "                                            (allocation contracts; exit 1 on a violation)\n"
            "       goesc diff [flags] OLD NEW [PACKAGES]  escapes and inlining changed between two git\n"
            "                                            revisions or two -format=json reports (exit 1: worse);\n"
            "                                            -format=json or -format=sarif for tools, code scanning\n"
            "       goesc list [-deps] [-files] [-tags T] PATTERN...\n"
            "                                            the packages a pattern names, as go list\n"
            "       goesc check [-e] [-tags T] [-dump-types] PATTERN...\n"
            "                                            load and type-check only\n"
            "       goesc parse [-e] [-dump] FILE...     parse only\n"
            "       goesc clean -cache                   empty the cache of analysed packages\n"
            "       goesc version                        goesc's version and the Go it models\n"
            "       goesc help                           this help\n");
    fprintf(out, "\nPATTERN is what go build takes: ./..., import paths, std, all, directories;\n"
                 "FILE... is a list of .go files of one package, as go tool compile takes them.\n"
                 "Without -m, goesc prints what -m prints; with -o it is silent, as gc is.\n\n"
                 "Flags:\n");
    cmd_escape_flags(out);
}

static void usage(void) {
    goesc_usage(stderr, false);
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
    bool dump = false, all_errors = false, lazy = false;
    int i = 0;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-dump") == 0)
            dump = true;
        else if (strcmp(argv[i], "-lazy") == 0)
            lazy = true;    // bodies parsed apart (the package cache's way)
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
        SynFile *f = syn_parse_path(str_cstr(argv[i]), &diags, &arena, lazy);
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
int split_tags(const char *v, Str **out) {
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
int check_package(Package *p, bool error_all, Str lang, const char *header, const char *note, FILE *out) {
    bool skip = p->bad;
    for (int j = 0; j < p->nimports && !skip; j++)
        if (!p->imports[j] || p->imports[j]->bad)
            skip = true;
    if (skip) {
        p->bad = true;
        return -1;
    }
    Diags pd = {.limit = error_all ? 0 : 10, .out = out};
    CheckConfig cc = {.error_all = error_all, .lang = lang, .lazy_bodies = p->parse_opts.lazy_bodies};
    int r = 0;
    // The scanner's errors that are not syntax errors: gc type-checks
    // anyway and prints them sorted with its own.
    bool scan_errors = p->syntax && p->syntax->list.len > 0;
    if (scan_errors)
        diag_move(&pd, p->syntax);
    if (!types_check_package(p, &cc, &pd) || scan_errors) {
        p->bad = true;
        r = 1;
    }
    bool any = pd.list.len > 0;
    if (!out)
        out = stderr;
    if (header && any) {
        fflush(stdout);
        fprintf(out, "# %s\n", header);
    }
    diag_flush(&pd);
    if (note && any)
        fprintf(out, "%s\n", note);
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
            int r = check_package(p, error_all, NULL, NULL, NULL, NULL);
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

static int run(int argc, char **argv) {
    if (argc < 2)
        return cmd_escape(0, argv + 1, NULL);
    if (strcmp(argv[1], "parse") == 0)
        return cmd_parse(argc - 2, argv + 2);
    if (strcmp(argv[1], "check") == 0)
        return cmd_check(argc - 2, argv + 2);
    if (strcmp(argv[1], "list") == 0)
        return cmd_list(argc - 2, argv + 2);
    if (strcmp(argv[1], "help") == 0) {
        goesc_usage(stdout, true);
        return 0;
    }
    if (strcmp(argv[1], "version") == 0) {
        printf("goesc version %s (models gc %s)\n", GOESC_VERSION, GOESC_MODELS);
        return 0;
    }
    if (strcmp(argv[1], "explain") == 0)
        return cmd_explain(argc - 2, argv + 2);
    if (strcmp(argv[1], "assert") == 0)
        return cmd_assert(argc - 2, argv + 2);
    if (strcmp(argv[1], "diff") == 0)
        return cmd_diff(argc - 2, argv + 2);
    if (strcmp(argv[1], "clean") == 0)
        return cmd_clean(argc - 2, argv + 2);
    return cmd_escape(argc - 1, argv + 1, NULL);
}

typedef struct MainArgs {
    int argc;
    char **argv;
    int rc;
} MainArgs;

// The parser and checker recurse on nested source: run on a large
// reserved stack (BASE_STACK_SIZE).
static void *main_thread(void *arg) {
    MainArgs *m = arg;
    m->rc = run(m->argc, m->argv);
    return NULL;
}

// glibc's malloc, asked for transparent huge pages and to keep what it
// frees, saves most of the page faults of a run: 16,500 of them on std,
// a fifth of its time on a virtual machine. glibc reads these tunables
// only at startup, so goesc starts itself again with them, unless the
// user set GLIBC_TUNABLES. The second start puts the environment back,
// for the go command and the C compiler that goesc may run. Not under
// the sanitizers, whose allocators replace glibc's, nor when something
// is preloaded (valgrind, another malloc) or a debugger traces goesc: a
// second start would leave them.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define TUNE_MALLOC 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define TUNE_MALLOC 0
#endif
#endif
#ifndef TUNE_MALLOC
#define TUNE_MALLOC 1
#endif

// Whether a debugger or strace follows this process.
static bool traced(void) {
    FILE *f = fopen("/proc/self/status", "r");
    if (!f)
        return false;
    char line[256];
    bool yes = false;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "TracerPid:", 10) == 0) {
            yes = atoi(line + 10) != 0;
            break;
        }
    fclose(f);
    return yes;
}

static void tune_malloc(char **argv) {
    if (!TUNE_MALLOC)
        return;
    static const char tunables[] = "glibc.malloc.hugetlb=1:glibc.malloc.top_pad=67108864:"
                                   "glibc.malloc.trim_threshold=1073741824:glibc.malloc.mmap_threshold=33554432";
    if (getenv("GOESC_MALLOC_TUNED")) {
        unsetenv("GOESC_MALLOC_TUNED");
        unsetenv("GLIBC_TUNABLES");
        return;
    }
    if (getenv("GLIBC_TUNABLES") || getenv("LD_PRELOAD") || traced())
        return;
    setenv("GOESC_MALLOC_TUNED", "1", 1);
    setenv("GLIBC_TUNABLES", tunables, 1);
    execv("/proc/self/exe", argv);
    unsetenv("GOESC_MALLOC_TUNED");  // no /proc: run as started
    unsetenv("GLIBC_TUNABLES");
}

int main(int argc, char **argv) {
    tune_malloc(argv);
    MainArgs m = {argc, argv, 0};
    pthread_attr_t attr;
    pthread_t t;
    if (pthread_attr_init(&attr) == 0 &&
        pthread_attr_setstacksize(&attr, BASE_STACK_SIZE) == 0 &&
        pthread_create(&t, &attr, main_thread, &m) == 0) {
        pthread_join(t, NULL);
        return m.rc;
    }
    return run(argc, argv);  // could not get a big stack: run on this one
}
