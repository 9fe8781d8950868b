// asm.c: what `go tool asm -gensymabis` tells gc about a package's
// assembly files (gc's -symabis): which of the package's functions they
// define (TEXT ·addVV(SB)) and which of its symbols they reference
// (JMP ·addVWlarge(SB)), and in which ABI: ABI0, the assembly's, unless
// <ABIInternal> says otherwise. gc gives such a function a wrapper between
// ABI0 and Go's own ABIInternal, and escape analysis runs on the wrapper:
// a later stage needs the names.
//
// The files are those go/build selects: *.s, by name (_GOOS_GOARCH) and
// by their header's build constraints, as for Go files. The scan reads
// symbols only, pkg·name(SB), and names them as gc's symabis do:
// "path.name", an empty pkg standing for the package's own path.
//
// Most packages never need the names (a package whose facts come from the
// package cache, or any run below -m=2 without -json), so the files are
// read on the first types_asm_symbols of their package, not at load time.
#include <stdlib.h>
#include <string.h>

#include "types.h"

#define MIDDLE_DOT "\xc2\xb7"       // U+00B7 ·
#define DIVISION_SLASH "\xe2\x88\x95" // U+2215 ∕

static bool is_ident_byte(unsigned char c) {
    return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// The symbol's package path: the bytes s..e before the middle dot with
// U+2215 for '/', or pkgpath when they are empty (the package assembled).
static void put_prefix(Buf *b, const char *s, const char *e, const char *pkgpath) {
    if (s == e) {
        buf_puts(b, pkgpath);
        return;
    }
    while (s < e) {
        if ((size_t)(e - s) >= 3 && memcmp(s, DIVISION_SLASH, 3) == 0) {
            buf_putc(b, '/');
            s += 3;
        } else {
            buf_putc(b, *s++);
        }
    }
}

// The three lists while the files are read: 0 defs, 1 idefs, 2 refs.
typedef struct SymLists {
    VEC(Str) v[3];
} SymLists;

static void add_name(SymLists *sl, int which, Str name) {
    for (int i = 0; i < sl->v[which].len; i++)
        if (sl->v[which].data[i] == name)
            return;
    vec_push(&sl->v[which], name);
}

// A macro whose body defines the function its argument names
// (runtime's #define CALLFN(NAME,MAXSIZE) ... TEXT NAME(SB) ...).
typedef struct TextMacro {
    const char *name;
    size_t len;
    int arg;        // which argument is the TEXT symbol
} TextMacro;

enum { MAX_MACROS = 16 };

static const char *skip_space(const char *s, const char *e) {
    while (s < e && (*s == ' ' || *s == '\t'))
        s++;
    return s;
}

// Finds the #define lines whose bodies (continued by backslashes) hold
// "TEXT <parameter>(SB)".
static int text_macros(const char *text, const char *end, TextMacro *out) {
    int n = 0;
    for (const char *p = text; p < end && n < MAX_MACROS;) {
        const char *ls = skip_space(p, end), *le = memchr(p, '\n', (size_t)(end - p));
        if (!le)
            le = end;
        p = le < end ? le + 1 : end;
        if ((size_t)(le - ls) < 8 || memcmp(ls, "#define", 7) != 0)
            continue;
        const char *q = skip_space(ls + 7, le), *ns = q;
        while (q < le && is_ident_byte((unsigned char)*q))
            q++;
        if (q == ns || q >= le || *q != '(')
            continue;
        TextMacro m = {ns, (size_t)(q - ns), -1};
        // the parameters
        const char *params[8];
        size_t plen[8];
        int np = 0;
        for (q++; q < le && *q != ')' && np < 8;) {
            q = skip_space(q, le);
            const char *a = q;
            while (q < le && is_ident_byte((unsigned char)*q))
                q++;
            params[np] = a;
            plen[np++] = (size_t)(q - a);
            q = skip_space(q, le);
            if (q < le && *q == ',')
                q++;
        }
        // the body: this line and its continuations
        for (const char *b = q, *be = le;;) {
            for (const char *t = b; t + 5 < be; t++) {
                if (memcmp(t, "TEXT", 4) != 0 || (t[4] != ' ' && t[4] != '\t'))
                    continue;
                const char *sym = skip_space(t + 4, be);
                for (int i = 0; i < np && m.arg < 0; i++)
                    if ((size_t)(be - sym) > plen[i] + 4 && memcmp(sym, params[i], plen[i]) == 0 &&
                        memcmp(sym + plen[i], "(SB)", 4) == 0)
                        m.arg = i;
            }
            const char *last = be;
            while (last > b && (last[-1] == ' ' || last[-1] == '\t' || last[-1] == '\r'))
                last--;
            if (last == b || last[-1] != '\\' || p >= end)
                break;
            b = p;
            be = memchr(p, '\n', (size_t)(end - p));
            if (!be)
                be = end;
            p = be < end ? be + 1 : end;
        }
        if (m.arg >= 0)
            out[n++] = m;
    }
    return n;
}

// A macro invocation NAME(a, b, ...) of one of macros: its symbol argument.
static bool macro_symbol(const char *ls, const char *le, const TextMacro *macros, int n, const char **s,
                         const char **e) {
    for (int i = 0; i < n; i++) {
        if ((size_t)(le - ls) <= macros[i].len || memcmp(ls, macros[i].name, macros[i].len) != 0 ||
            ls[macros[i].len] != '(')
            continue;
        const char *q = ls + macros[i].len + 1;
        for (int k = 0; q < le; k++) {
            const char *a = skip_space(q, le), *ae = a;
            while (ae < le && *ae != ',' && *ae != ')')
                ae++;
            if (k == macros[i].arg) {
                *s = a;
                *e = ae;
                while (*e > *s && ((*e)[-1] == ' ' || (*e)[-1] == '\t'))
                    (*e)--;
                return true;
            }
            if (ae >= le || *ae == ')')
                break;
            q = ae + 1;
        }
    }
    return false;
}

// One file: TEXT lines define their symbol (so do invocations of macros
// that expand to one), every other pkg·f(SB) references one.
static void scan_text(const char *text, size_t n, const char *pkgpath, SymLists *sl) {
    const char *end = text + n;
    Buf name = {0};
    TextMacro macros[MAX_MACROS];
    int nmacros = text_macros(text, end, macros);
    for (const char *p = text; p < end;) {
        const char *ls = p, *le = memchr(p, '\n', (size_t)(end - p));
        if (!le)
            le = end;
        p = le < end ? le + 1 : end;
        for (const char *c = ls; c + 1 < le; c++)
            if (c[0] == '/' && c[1] == '/') {
                le = c;
                break;
            }
        while (ls < le && (*ls == ' ' || *ls == '\t'))
            ls++;
        bool def = (size_t)(le - ls) > 5 && memcmp(ls, "TEXT", 4) == 0 && (ls[4] == ' ' || ls[4] == '\t');
        bool data = (size_t)(le - ls) > 5 && (memcmp(ls, "GLOBL", 5) == 0 || memcmp(ls, "DATA", 4) == 0);
        if (data || (ls < le && *ls == '#'))
            continue;
        const char *ms, *me;
        if (nmacros && macro_symbol(ls, le, macros, nmacros, &ms, &me)) {
            const char *d = ms;
            while (d + 1 < me && memcmp(d, MIDDLE_DOT, 2) != 0)
                d++;
            if (d + 2 < me) {
                name.len = 0;
                put_prefix(&name, ms, d, pkgpath);
                buf_putc(&name, '.');
                buf_put(&name, d + 2, (size_t)(me - d - 2));
                add_name(sl, 0, str_intern(name.data, name.len));
            }
            continue;
        }
        for (const char *d = ls; d + 1 < le; d++) {
            if (memcmp(d, MIDDLE_DOT, 2) != 0)
                continue;
            const char *ps = d;
            while (ps > ls && (is_ident_byte((unsigned char)ps[-1]) || ps[-1] == '.' || ps[-1] == '/'))
                ps--;
            const char *ns = d + 2, *ne = ns;
            while (ne < le && is_ident_byte((unsigned char)*ne) && memcmp(ne, MIDDLE_DOT, 2) != 0)
                ne++;
            const char *q = ne;
            int abi = 0;    // 0: ABI0, 1: ABIInternal, -1: another
            if (q < le && *q == '<') {
                abi = (size_t)(le - q) >= 6 && memcmp(q, "<ABI0>", 6) == 0 ? 0
                      : (size_t)(le - q) >= 13 && memcmp(q, "<ABIInternal>", 13) == 0 ? 1 : -1;
                while (q < le && *q != '>')
                    q++;
                if (q < le)
                    q++;
            }
            bool sb = (size_t)(le - q) >= 4 && memcmp(q, "(SB)", 4) == 0;
            if (ne > ns && sb && abi >= 0 && (def || abi == 0)) {
                name.len = 0;
                put_prefix(&name, ps, d, pkgpath);
                buf_putc(&name, '.');
                buf_put(&name, ns, (size_t)(ne - ns));
                add_name(sl, def ? abi : 2, str_intern(name.data, name.len));
            }
            def = false;    // a TEXT line defines its first symbol only
            d = ne - 1;
        }
    }
    buf_free(&name);
}

static Str *to_arena(Arena *a, SymLists *sl, int which, int *n) {
    *n = sl->v[which].len;
    Str *out = ARENA_ARRAY(a, Str, *n + 1);
    for (int i = 0; i < *n; i++)
        out[i] = sl->v[which].data[i];
    vec_free(&sl->v[which]);
    return out;
}

// The files are those the loader listed (go/build's SFiles by name); a
// file is read whole here, its constraints first.
const AsmSymbols *types_asm_symbols(Package *p) {
    if (p->asm_syms)
        return p->asm_syms;
    SymLists sl = {0};
    Buf path = {0};
    Arena a = {0};
    for (int i = 0; i < p->nsfiles; i++) {
        path.len = 0;
        buf_printf(&path, "%s/%s", p->dir, p->sfiles[i]);
        size_t n;
        char *text = read_whole_file(buf_cstr(&path), &n);
        if (!text)
            continue;
        FileHeader h;
        build_read_header(p->build, text, n, &h, &a);
        if (h.build_ok)
            scan_text(text, n, p->path ? p->path : "", &sl);
        free(text);
    }
    buf_free(&path);
    arena_free(&a);
    AsmSymbols *s = ARENA_NEW(&p->arena, AsmSymbols);
    s->defs = to_arena(&p->arena, &sl, 0, &s->ndefs);
    s->idefs = to_arena(&p->arena, &sl, 1, &s->nidefs);
    s->refs = to_arena(&p->arena, &sl, 2, &s->nrefs);
    p->asm_syms = s;
    return s;
}
