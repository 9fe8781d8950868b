// test.c: goesc -test, the escape command over the packages go test -c
// compiles (the loader's load_test_variants), printed in its order under
// its "# p [p.test]" headers.
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "../base/base.h"
#include "../types/types.h"
#include "cmd.h"

Package **cmd_test_packages(Loader *l, Package **pkgs, int *n, TestBuild *tb) {
    int nv;
    Str *vh;
    Package **vp = load_test_variants(l, &nv, &vh);
    // The test files' imports were loaded too: the loader's list grew.
    (void)pkgs;
    pkgs = l->order.data;
    *n = l->order.len;
    PtrMap at = {0};   // package -> its index + 1 in the list
    Package **list = xcalloc((size_t)(*n + nv) + 1, sizeof *list);
    int len = 0;
    for (int k = 0; k < *n; k++) {
        list[len++] = pkgs[k];
        ptrmap_put(&at, pkgs[k], (void *)(intptr_t)len);
    }
    for (int j = 0; j < nv; j++)
        if (!ptrmap_get(&at, vp[j])) {
            list[len++] = vp[j];
            ptrmap_put(&at, vp[j], (void *)(intptr_t)len);
        }
    tb->on = true;
    tb->headers = xcalloc((size_t)len + 1, sizeof *tb->headers);
    tb->rank = xcalloc((size_t)len + 1, sizeof *tb->rank);
    for (int k = 0; k < len; k++)
        tb->rank[k] = INT_MAX;
    for (int j = 0; j < nv; j++) {
        int k = (int)(intptr_t)ptrmap_get(&at, vp[j]) - 1;
        tb->headers[k] = vh[j];
        tb->rank[k] = j;
    }
    ptrmap_free(&at);
    free(vp);
    free(vh);
    *n = len;
    return list;
}

const char *cmd_test_header(const TestBuild *tb, int k, const Package *p) {
    return tb->on && tb->headers[k] ? tb->headers[k] : p->path;
}

void cmd_test_order(const TestBuild *tb, Package **pkgs, int n, ReportPackage *ranges, int nranges) {
    if (!tb->on)
        return;
    // ranges were made for the matched packages, in the list's order
    int *rank = xcalloc((size_t)nranges + 1, sizeof *rank);
    for (int k = 0, r = 0; k < n && r < nranges; k++)
        if (pkgs[k]->matched)
            rank[r++] = tb->rank[k];
    for (int i = 1; i < nranges; i++)
        for (int j = i; j > 0 && rank[j - 1] > rank[j]; j--) {
            int t = rank[j];
            rank[j] = rank[j - 1];
            rank[j - 1] = t;
            ReportPackage rp = ranges[j];
            ranges[j] = ranges[j - 1];
            ranges[j - 1] = rp;
        }
    free(rank);
}

void cmd_test_free(TestBuild *tb, Package **list) {
    if (!tb->on)
        return;
    free(tb->headers);
    free(tb->rank);
    free(list);
}
