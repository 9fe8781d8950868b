// main.c: goesc's command line. Each subcommand is the pipeline as a list
// of plain calls: parse, then (later stages) check, inline, escape, report.
//
//   goesc parse [-dump] FILE...     parse only; -dump prints the AST
//   goesc check [flags] PATTERN...  load and type-check (src/types)
//   goesc [gc flags] PATTERN|FILE... escape analysis, gc's -m output
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "syntax/syntax.h"

static void usage(void) {
    fprintf(stderr,
            "usage: goesc parse [-dump] FILE...\n"
            "       goesc check [-tags T] [-dump-types] PATTERN...\n"
            "       goesc [-m] [-l] [flags] PATTERN|FILE...\n");
    exit(2);
}

static int cmd_parse(int argc, char **argv) {
    bool dump = false;
    int i = 0;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-dump") == 0)
            dump = true;
        else
            usage();
    }
    if (i == argc)
        usage();
    Diags diags = {.limit = 10};
    Buf out = {0};
    for (; i < argc; i++) {
        Arena arena = {0};
        SynFile *f = syn_parse_path(str_cstr(argv[i]), &diags, &arena);
        if (f && dump && diags.nerrors == 0) {
            syn_dump(&out, f);
            fwrite(out.data, 1, out.len, stdout);
            out.len = 0;
        }
        arena_free(&arena);
    }
    buf_free(&out);
    int rc = diags.nerrors ? 1 : 0;
    diag_flush(&diags);
    return rc;
}

static int run(int argc, char **argv) {
    if (argc < 2)
        usage();
    if (strcmp(argv[1], "parse") == 0)
        return cmd_parse(argc - 2, argv + 2);
    fprintf(stderr, "goesc: %s: not implemented yet\n", argv[1]);
    return 2;
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
