// flags.c: Go's flag package rules (see flags.h).
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../base/base.h"
#include "flags.h"

static const FlagDef *find(const FlagDef *defs, int ndefs, const char *name, size_t n) {
    for (int i = 0; i < ndefs; i++)
        if (strlen(defs[i].name) == n && strncmp(defs[i].name, name, n) == 0)
            return &defs[i];
    return NULL;
}

// strconv.ParseBool
static int parse_bool(const char *s) {
    static const char *const yes[] = {"1", "t", "T", "TRUE", "true", "True"};
    static const char *const no[] = {"0", "f", "F", "FALSE", "false", "False"};
    for (int i = 0; i < 6; i++) {
        if (strcmp(s, yes[i]) == 0)
            return 1;
        if (strcmp(s, no[i]) == 0)
            return 0;
    }
    return -1;
}

// strconv.Atoi as gc's CountFlag uses it: decimal, optional sign.
static bool parse_decimal(const char *s, long *out) {
    const char *p = s;
    if (*p == '+' || *p == '-')
        p++;
    if (!*p)
        return false;
    for (const char *q = p; *q; q++)
        if (*q < '0' || *q > '9')
            return false;
    errno = 0;
    *out = strtol(s, NULL, 10);
    return errno == 0;
}

// strconv.ParseInt(s, 0, 64): decimal, 0x, 0o, 0b, leading 0 octal, _.
static bool parse_int(const char *s, long *out) {
    char clean[64];
    size_t n = 0;
    for (const char *p = s; *p && n + 1 < sizeof clean; p++)
        if (*p != '_')
            clean[n++] = *p;
    clean[n] = 0;
    if (!n || strlen(s) >= sizeof clean)
        return false;
    const char *p = clean;
    if (*p == '+' || *p == '-')
        p++;
    int base = 10;
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
        base = 16, p += 2;
    else if (p[0] == '0' && (p[1] == 'o' || p[1] == 'O'))
        base = 8, p += 2;
    else if (p[0] == '0' && (p[1] == 'b' || p[1] == 'B'))
        base = 2, p += 2;
    else if (p[0] == '0' && p[1])
        base = 8, p += 1;
    if (!*p)
        return false;
    char *end;
    errno = 0;
    long v = strtol(p, &end, base);
    if (*end || errno)
        return false;
    *out = clean[0] == '-' ? -v : v;
    return true;
}

int flags_parse(const FlagDef *defs, int ndefs, int argc, char **argv, FlagUse **uses, int *nuses) {
    FlagUse *u = xcalloc((size_t)argc + 1, sizeof *u);
    int n = 0, i = 0;
    int *counts = xcalloc((size_t)ndefs + 1, sizeof *counts);
    while (i < argc) {
        const char *a = argv[i];
        if (a[0] != '-' || !a[1])
            break;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        const char *name = a + 1 + (a[1] == '-');
        if (!*name || *name == '-' || *name == '=') {
            fprintf(stderr, "bad flag syntax: %s\n", a);
            goto fail;
        }
        if (strcmp(name, "help") == 0 || strcmp(name, "h") == 0)
            break;
        const char *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        const FlagDef *d = find(defs, ndefs, name, len);
        if (!d) {
            fprintf(stderr, "flag provided but not defined: -%.*s\n", (int)len, name);
            goto fail;
        }
        const char *v = eq ? eq + 1 : NULL;
        i++;
        FlagUse *x = &u[n++];
        x->def = d;
        int k = (int)(d - defs);
        switch (d->kind) {
        case FLAG_BOOL: {
            int b = v ? parse_bool(v) : 1;
            if (b < 0) {
                fprintf(stderr, "invalid boolean value \"%s\" for -%s: parse error\n", v, d->name);
                goto fail;
            }
            x->value = b ? "true" : "false";
            break;
        }
        case FLAG_COUNT: {
            long c;
            if (!v || strcmp(v, "true") == 0)
                counts[k]++;
            else if (strcmp(v, "false") == 0)
                counts[k] = 0;
            else if (parse_decimal(v, &c) && c > -1000000 && c < 1000000)
                counts[k] = (int)c;
            else {
                fprintf(stderr, "invalid boolean value \"%s\" for -%s: invalid count \"%s\"\n", v, d->name, v);
                goto fail;
            }
            x->count = counts[k];
            snprintf(x->buf, sizeof x->buf, "%d", x->count);
            x->value = x->buf;
            break;
        }
        case FLAG_INT:
        case FLAG_STRING:
            if (!v) {
                if (i == argc) {
                    fprintf(stderr, "flag needs an argument: -%s\n", d->name);
                    goto fail;
                }
                v = argv[i++];
            }
            long iv;
            if (d->kind == FLAG_INT && !parse_int(v, &iv)) {
                fprintf(stderr, "invalid value \"%s\" for flag -%s: parse error\n", v, d->name);
                goto fail;
            }
            x->value = v;
            break;
        }
    }
    free(counts);
    *uses = u;
    *nuses = n;
    return i;
fail:
    free(counts);
    free(u);
    *uses = NULL;
    *nuses = 0;
    return -1;
}

void flags_print(FILE *out, const FlagDef *defs, int ndefs) {
    for (int i = 0; i < ndefs; i++) {
        const FlagDef *d = &defs[i];
        if (!d->help)
            continue;
        const char *arg = d->kind == FLAG_INT || d->kind == FLAG_STRING ? (d->arg ? d->arg : "value") : NULL;
        char head[64];
        snprintf(head, sizeof head, "-%s%s%s", d->name, arg ? " " : "", arg ? arg : "");
        fprintf(out, "  %-24s %s\n", head, d->help);
    }
}
