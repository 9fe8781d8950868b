// clean.c: goesc clean -cache, go clean -cache's counterpart: empties the
// cache of analysed packages (src/base/cache.c). goesc builds nothing, so
// unlike go clean it has nothing else to clean, and without -cache it is
// a usage error rather than a no-op that would look like success.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/base.h"
#include "../base/cache.h"
#include "cmd.h"
#include "flags.h"

enum { C_CACHE, C_X };
static const FlagDef clean_flags[] = {
    [C_CACHE] = {"cache", FLAG_BOOL, NULL, "remove the cache of analysed packages ($GOESCCACHE)"},
    [C_X] = {"x", FLAG_BOOL, NULL, "print what is removed"},
};

static int clean_usage(void) {
    fprintf(stderr, "usage: goesc clean [-x] -cache\n"
                    "Run 'goesc help' for details.\n");
    return 2;
}

int cmd_clean(int argc, char **argv) {
    FlagUse *uses;
    int nuses;
    int i = flags_parse(clean_flags, 2, argc, argv, &uses, &nuses);
    if (i < 0)
        return clean_usage();
    bool cache = false;
    for (int u = 0; u < nuses; u++) {
        bool on = strcmp(uses[u].value, "true") == 0;
        if (uses[u].def == &clean_flags[C_CACHE])
            cache = on;
        else
            cache_debug |= on;
    }
    free(uses);
    if (i < argc || !cache)
        return clean_usage();
    char *err = NULL;
    if (!cache_clean(NULL, &err)) {
        fprintf(stderr, "goesc clean -cache: %s\n", err);
        free(err);
        return 1;
    }
    return 0;
}
