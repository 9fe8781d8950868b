// cost_test.c: checks src/inline/cost.c, gc's inlining cost model,
// against gc -m=2. Loads and type-checks the packages the patterns name
// (with their dependencies), runs the inline pass (src/inline/package.c,
// which visits functions bottom-up over the call graph as gc does and
// asks cost.c for each one, with callees' costs from earlier decisions,
// across packages) and prints, for the named packages only, gc's
// "POS: can inline NAME with cost N" and "POS: cannot inline NAME: WHY"
// lines without gc's " as: BODY" tail. tests/tools/cost_compare.py
// matches them with gc's lines by position.
//
// Usage: cost_test PATTERN... (std, import paths, directories).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/inline/inline.h"

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: cost_test PATTERN...\n");
        return 2;
    }
    Diags diags = {0};
    LoadConfig cfg = {.parse = true};
    Loader *l = load_new(&cfg, &diags);
    if (!l) {
        diag_flush(&diags);
        return 1;
    }
    int npkgs;
    Package **pkgs = load_patterns(l, argv + 1, argc - 1, &npkgs);
    types_universe_init(load_lookup(l, str_cstr("unsafe")));
    InlConfig ic = {.m = 2, .l = 1};
    Inliner *in = inl_new(&ic);
    int bad = 0;
    for (int k = 0; k < npkgs; k++) {
        Package *p = pkgs[k];
        if (p->bad)
            continue;
        Diags pd = {.limit = 10};
        CheckConfig cc = {0};
        if (!types_check_package(p, &cc, &pd)) {
            p->bad = true;
            bad++;
        }
        diag_flush(&pd);
        if (p->bad || strcmp(p->path, "unsafe") == 0)
            continue;
        RecordLog log = {0};
        inl_package(in, p, p->matched ? &log : NULL);
        // keep the decisions, without gc's " as: BODY"
        for (int i = 0; i < log.recs.len; i++) {
            Record *r = &log.recs.data[i];
            if (r->kind != REC_CAN_INLINE && r->kind != REC_CANNOT_INLINE && r->kind != REC_CANNOT_INLINE_RECURSIVE)
                continue;
            const char *as = r->kind == REC_CAN_INLINE ? strstr(r->msg, " as: ") : NULL;
            printf("%s: %.*s\n", r->pos, as ? (int)(as - r->msg) : (int)strlen(r->msg), r->msg);
        }
        rec_log_free(&log);
    }
    diag_flush(&diags);
    inl_free(in);
    load_free(l);
    if (bad)
        fprintf(stderr, "cost_test: %d packages do not check\n", bad);
    return 0;
}
