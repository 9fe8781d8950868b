// lexdump.c: test driver for the lexer. Prints the token stream of each
// file with syn_lex_dump, followed by its errors; with -q only counts
// tokens and errors (for timing and crash checks over many files); with
// -o DIR writes the dump of the i-th file to DIR/i.tok, naming the file
// "FILE" in error messages (the form of tests/oracle/gctokens).
// Built by tests/suites/15-lexer-tokens.sh from the sources directly.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include "../../src/syntax/syntax.h"

static char *read_file(const char *path, uint32_t *size) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = xmalloc((size_t)n + 1);
    if (fread(buf, 1, (size_t)n, f) != (size_t)n)
        n = 0;
    fclose(f);
    *size = (uint32_t)n;
    return buf;
}

int main(int argc, char **argv) {
    bool quiet = argc > 1 && strcmp(argv[1], "-q") == 0;
    const char *outdir = argc > 2 && strcmp(argv[1], "-o") == 0 ? argv[2] : NULL;
    int first = quiet ? 2 : outdir ? 3 : 1;
    long ntok = 0, nbytes = 0;
    int rc = 0;
    for (int i = first; i < argc; i++) {
        uint32_t size;
        char *text = read_file(argv[i], &size);
        if (!text) {
            fprintf(stderr, "lexdump: cannot read %s\n", argv[i]);
            rc = 2;
            continue;
        }
        SrcFile *src = pos_add_file(str_cstr(outdir ? "FILE" : argv[i]), text, size);
        int saved = -1;
        if (outdir) {
            char name[4096];
            snprintf(name, sizeof name, "%s/%d.tok", outdir, i - first);
            int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (fd < 0) {
                perror(name);
                return 2;
            }
            fflush(stdout);
            saved = dup(1);
            dup2(fd, 1);
            close(fd);
        }
        // -q: stop as gc does; errors on stdout, with the tokens, as gc's
        Diags d = {.limit = quiet ? 10 : 0, .keep_all = true, .out = stdout};
        nbytes += size;
        if (quiet) {
            Lexer lx;
            Arena arena = {0};
            lex_init(&lx, src, &d, &arena, NULL);
            do {
                lex_next(&lx);
                ntok++;
            } while (lx.tok.kind != TK_EOF);
            vec_free(&lx.pending);
        } else {
            Buf out = {0};
            syn_lex_dump(&out, src, &d);
            fwrite(out.data, 1, out.len, stdout);
            buf_free(&out);
        }
        if (d.nerrors)
            rc = 1;
        fflush(stdout);
        if (d.nerrors)
            diag_flush(&d);
        if (saved >= 0) {
            fflush(stdout);
            dup2(saved, 1);
            close(saved);
        }
        src->text = NULL;
        free(text);
    }
    if (quiet)
        printf("%ld tokens, %ld bytes\n", ntok, nbytes);
    return rc;
}
