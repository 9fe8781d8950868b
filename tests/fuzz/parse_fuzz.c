// parse_fuzz.c: a libFuzzer target for the front end. Each input is parsed
// as one Go file with a fresh Diags and Arena, the AST is dumped when the
// parse was clean (so dump.c is fuzzed too), and then everything the parse
// allocated is released, so that memory errors, undefined behaviour and
// leaks all show up as crashes. Built and run by tests/fuzz/run.sh.
//
// Two things differ from `goesc parse`, both so that millions of inputs
// can go through one process:
//  - The position table in pos.c is process-wide and only grows (4 GiB of
//    source exhausts it). This file includes pos.c itself, so that it can
//    empty the table between inputs; run.sh leaves pos.c out of the build.
//  - goesc parses on a 4 GiB thread stack (main.c) because deep nesting
//    recurses. Here one worker thread with a 1 GiB stack, plenty for the
//    inputs run.sh allows (-max_len), parses every input; libFuzzer's
//    thread hands it over and waits. (A thread per input costs more than
//    parsing a small input.)
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/base/pos.c"
#include "../../src/syntax/syntax.h"

enum { FUZZ_STACK_SIZE = 1024ul << 20 };

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

// Frees every registered source file and starts the position space anew.
static void pos_reset_for_fuzzing(void) {
    for (int i = 0; i < postab.nfiles; i++) {
        SrcFile *f = postab.files[i];
        free(f->lines);
        free(f->dirs);
        free(f);
    }
    postab.nfiles = 0;
    postab.next = 1;
}

static void parse_one(const uint8_t *data, size_t size) {
    Diags diags = {.limit = 10};
    Arena arena = {0};
    // libFuzzer's buffer is a heap block of exactly `size` bytes, with no
    // terminating NUL, so any read past the end is caught.
    SynFile *f = syn_parse_file(str_cstr("fuzz.go"), (const char *)data,
                                (uint32_t)size, &diags, &arena);
    if (f && diags.nerrors == 0) {
        Buf out = {0};
        syn_dump(&out, f);
        fwrite(out.data, 1, out.len, stdout);
        buf_free(&out);
    }
    // SynFile.directives is a malloc'd VEC inside the arena-allocated
    // SynFile, and nothing else frees it.
    if (f)
        vec_free(&f->directives);
    diag_flush(&diags);
    arena_free(&arena);
    pos_reset_for_fuzzing();
}

// The hand-over between libFuzzer's thread and the worker.
static struct {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    const uint8_t *data;
    size_t size;
    bool pending;   // an input waits for the worker
    bool running;   // the worker thread exists
} work = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, NULL, 0, false, false};

static void *worker(void *arg) {
    (void)arg;
    pthread_mutex_lock(&work.mu);
    for (;;) {
        while (!work.pending)
            pthread_cond_wait(&work.cv, &work.mu);
        parse_one(work.data, work.size);
        work.pending = false;
        pthread_cond_broadcast(&work.cv);
    }
    return NULL;
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    // diag_flush and the dump write to stdout; libFuzzer reports on stderr.
    int fd = open("/dev/null", O_WRONLY);
    if (fd >= 0) {
        dup2(fd, STDOUT_FILENO);
        close(fd);
    }
    pthread_attr_t attr;
    pthread_t t;
    if (pthread_attr_init(&attr) == 0 &&
        pthread_attr_setstacksize(&attr, FUZZ_STACK_SIZE) == 0 &&
        pthread_create(&t, &attr, worker, NULL) == 0)
        work.running = true;
    else
        fprintf(stderr, "parse_fuzz: no big-stack thread; parsing on the main stack\n");
    pthread_attr_destroy(&attr);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > UINT32_MAX / 2)
        return 0;
    if (!work.running) {
        parse_one(data, size);
        return 0;
    }
    pthread_mutex_lock(&work.mu);
    work.data = data;
    work.size = size;
    work.pending = true;
    pthread_cond_broadcast(&work.cv);
    while (work.pending)
        pthread_cond_wait(&work.cv, &work.mu);
    pthread_mutex_unlock(&work.mu);
    return 0;
}
