// asm.c: what `go tool asm -gensymabis` tells gc about a package's
// assembly files (gc's -symabis): which of the package's functions they
// define (TEXT ·addVV(SB)) and which of its symbols they reference
// (JMP ·addVWlarge(SB)), both in the assembly ABI, ABI0. gc gives each
// such function a wrapper between ABI0 and Go's own ABIInternal, and
// escape analysis runs on the wrapper: a later stage needs the names.
//
// The files are those go/build selects: *.s, by name (_GOOS_GOARCH) and
// by their header's build constraints, as for Go files. The scan reads
// symbols only: a name after the middle dot, with the package prefix
// empty or the package's own path (slashes written as U+2215), and no ABI
// selector other than <ABI0> (a <ABIInternal> definition or reference
// needs no wrapper).
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "types.h"

#define MIDDLE_DOT "\xc2\xb7"       // U+00B7 ·
#define DIVISION_SLASH "\xe2\x88\x95" // U+2215 ∕

static bool is_ident_byte(unsigned char c) {
    return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Whether the bytes s..e before a middle dot name pkgpath (empty: the
// package being assembled).
static bool own_prefix(const char *s, const char *e, const char *pkgpath) {
    if (s == e)
        return true;
    const char *p = pkgpath;
    while (s < e && *p) {
        if (*p == '/') {
            if ((size_t)(e - s) < 3 || memcmp(s, DIVISION_SLASH, 3) != 0)
                return false;
            s += 3;
        } else {
            if (*s != *p)
                return false;
            s++;
        }
        p++;
    }
    return s == e && !*p;
}

static void add_name(DirInfo *di, bool def, const char *s, size_t n) {
    Str name = str_intern(s, n);
    Str *v = def ? di->asm_defs.data : di->asm_refs.data;
    int len = def ? di->asm_defs.len : di->asm_refs.len;
    for (int i = 0; i < len; i++)
        if (v[i] == name)
            return;
    if (def)
        vec_push(&di->asm_defs, name);
    else
        vec_push(&di->asm_refs, name);
}

// One file: TEXT lines define, every other symbol ·f(SB) references.
static void scan_text(const char *text, size_t n, const char *pkgpath, DirInfo *di) {
    const char *end = text + n;
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
            bool abi0 = true;
            if (q < le && *q == '<') {
                abi0 = (size_t)(le - q) >= 6 && memcmp(q, "<ABI0>", 6) == 0;
                while (q < le && *q != '>')
                    q++;
                if (q < le)
                    q++;
            }
            bool sb = (size_t)(le - q) >= 4 && memcmp(q, "(SB)", 4) == 0;
            if (ne > ns && sb && abi0 && own_prefix(ps, d, pkgpath))
                add_name(di, def, ns, (size_t)(ne - ns));
            def = false;    // a TEXT line defines its first symbol only
            d = ne - 1;
        }
    }
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
