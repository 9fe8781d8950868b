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
#include <dirent.h>
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

static void add_name(DirInfo *di, int which, Str name) {
    Str *v = which == 0 ? di->asm_defs.data : which == 1 ? di->asm_idefs.data : di->asm_refs.data;
    int len = which == 0 ? di->asm_defs.len : which == 1 ? di->asm_idefs.len : di->asm_refs.len;
    for (int i = 0; i < len; i++)
        if (v[i] == name)
            return;
    if (which == 0)
        vec_push(&di->asm_defs, name);
    else if (which == 1)
        vec_push(&di->asm_idefs, name);
    else
        vec_push(&di->asm_refs, name);
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
static void scan_text(const char *text, size_t n, const char *pkgpath, DirInfo *di) {
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
                add_name(di, 0, str_intern(name.data, name.len));
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
                add_name(di, def ? abi : 2, str_intern(name.data, name.len));
            }
            def = false;    // a TEXT line defines its first symbol only
            d = ne - 1;
        }
    }
    buf_free(&name);
}

// os.ReadDir's names ending in .s, sorted (go/build's SFiles).
void build_scan_asm(const BuildCtx *b, const char *dir, const char *pkgpath, DirInfo *di) {
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *de;
    Buf path = {0};
    Arena a = {0};
    while ((de = readdir(d)) != NULL) {
        size_t len = strlen(de->d_name);
        if (len < 3 || strcmp(de->d_name + len - 2, ".s") != 0 || de->d_name[0] == '_' || de->d_name[0] == '.')
            continue;
        if (!build_good_os_arch_file(b, de->d_name))
            continue;
        path.len = 0;
        buf_printf(&path, "%s/%s", dir, de->d_name);
        size_t n;
        char *text = read_whole_file(buf_cstr(&path), &n);
        if (!text)
            continue;
        FileHeader h;
        build_read_header(b, text, n, &h, &a);
        if (h.build_ok)
            scan_text(text, n, pkgpath ? pkgpath : "", di);
        free(text);
    }
    closedir(d);
    buf_free(&path);
    arena_free(&a);
}
