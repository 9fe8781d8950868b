// explain.c: goesc explain [flags] FILE:LINE[:COL]... [PACKAGES], the
// escape command at -m=2 printing what is at the positions, and more
// than gc says (src/escape/explain.c, src/report/explain.c).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/base.h"
#include "cmd.h"

bool explain_match(void *ctx, Pos p) {
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
int cmd_explain(int argc, char **argv) {
    ExplainSpec xs = {0};
    VEC(char *) flags = {0};
    VEC(char *) named = {0};
    VEC(char *) dirs = {0};
    int rc = 0;
    bool in_test = false;   // a position in a _test.go file: analyse with -test
    for (int i = 0; i < argc; i++) {
        ExplainAt x = {0};
        if (strcmp(argv[i], "-all") == 0) {
            xs.all = true;
        } else if (argv[i][0] == '-') {
            vec_push(&flags, argv[i]);
            if (cmd_escape_flag_takes_value(argv[i]) && i + 1 < argc)
                vec_push(&flags, argv[++i]);
        } else if (parse_position(argv[i], &x)) {
            char *real = realpath(x.file, NULL);
            if (!real) {
                fprintf(stderr, "goesc explain: stat %s: no such file or directory\n", x.file);
                free(x.file);
                rc = 1;
                continue;
            }
            size_t fl = strlen(x.file);
            in_test |= fl > 8 && strcmp(x.file + fl - 8, "_test.go") == 0;
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
        bool has_test = false;
        for (int k = 0; k < flags.len; k++)
            has_test |= strncmp(flags.data[k], "-test", 5) == 0 || strncmp(flags.data[k], "--test", 6) == 0;
        if (in_test && !has_test)
            vec_push(&args, "-test");
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
        if (xs.real.slots[k].key)
            free(xs.real.slots[k].val);
    ptrmap_free(&xs.real);
    for (int k = 0; k < dirs.len; k++)
        free(dirs.data[k]);
    vec_free(&dirs);
    vec_free(&flags);
    vec_free(&named);
    return rc;
}

