// typestring.c: types and objects as text, in the two dialects gc
// prints. TS_TYPES2 follows types2's typestring (what gc's type errors
// show: "struct{a int; b string}", "func(x int) string",
// "interface{M()}", "any"); TS_GC follows cmd/compile/internal/types'
// fmt.go in its fmtGo mode (what -m lines and IR dumps show:
// "struct { a int; b string }", "func(int) string", "interface { M() }",
// "interface {}", instance names without spaces "Pair[int,string]").
// Package qualification is the Qualifier's business in both modes. The
// file ends with the UTF-8 and strconv.Quote helpers that type strings
// (struct tags) and constant values (const.c) share.
#include "types.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Writer {
    Buf *b;
    const Qualifier *q;
    TypeStringMode mode;
    Type *seen[64];     // types on the current path, to cut cycles
    int nseen;
    // Inside a shape's name: gc's LinkString (names qualified by the
    // package's linker prefix, unexported fields too).
    bool link;
} Writer;

static void write_type(Writer *w, Type *t);

void types_qualify_by_name(void *ctx, Buf *b, struct Package *pkg) {
    (void)ctx;
    buf_puts(b, pkg->name ? pkg->name : pkg->path);
}

void types_write_qualifier(Buf *b, struct Package *pkg, const Qualifier *q) {
    if (!pkg)
        return;
    if (!q) {
        buf_puts(b, pkg->path);
        buf_putc(b, '.');
        return;
    }
    if (pkg == q->rel || !q->write)
        return;
    size_t n = b->len;
    q->write(q->ctx, b, pkg);
    if (b->len > n)
        buf_putc(b, '.');
}

// types2 writes ", " and "; " through one helper; gc spells its
// separators out. Both come out the same here.
static void sep(Writer *w, char c) {
    buf_putc(w->b, c);
    buf_putc(w->b, ' ');
}

static void path_prefix(Buf *b, const char *path);

static void type_name(Writer *w, Object *obj) {
    if (w->link) {
        if (obj->pkg && obj->pkg->path)
            path_prefix(w->b, types_link_path(obj->pkg));
        buf_puts(w->b, obj->name);
        return;
    }
    types_write_qualifier(w->b, obj->pkg, w->q);
    buf_puts(w->b, obj->name);
}

static void type_list(Writer *w, Type **list, int n) {
    buf_putc(w->b, '[');
    for (int i = 0; i < n; i++) {
        if (i > 0) {
            if (w->mode == TS_GC)
                buf_putc(w->b, ',');
            else
                sep(w, ',');
        }
        write_type(w, list[i]);
    }
    buf_putc(w->b, ']');
}

// [P, Q any, R comparable]: consecutive parameters sharing a bound are grouped.
static void tparam_list(Writer *w, Type **list, int n) {
    buf_putc(w->b, '[');
    Type *prev = NULL;
    for (int i = 0; i < n; i++) {
        Type *tp = list[i];
        if (i > 0) {
            if (tp->u.tparam.bound != prev) {
                buf_putc(w->b, ' ');
                write_type(w, prev);
            }
            sep(w, ',');
        }
        prev = tp->u.tparam.bound;
        write_type(w, tp);
    }
    if (prev) {
        buf_putc(w->b, ' ');
        write_type(w, prev);
    }
    buf_putc(w->b, ']');
}

static void tuple(Writer *w, Type *tup, bool variadic) {
    buf_putc(w->b, '(');
    int n = types_tuple_len(tup);
    for (int i = 0; i < n; i++) {
        Object *v = tup->u.tuple.vars[i];
        if (i > 0)
            sep(w, ',');
        // gc's fmtGo prints parameter types only.
        if (w->mode == TS_TYPES2 && v->name && v->name[0]) {
            buf_puts(w->b, v->name);
            buf_putc(w->b, ' ');
        }
        Type *t = v->type;
        if (variadic && i == n - 1) {
            if (t && t->kind == TY_SLICE) {
                buf_puts(w->b, "...");
                t = t->u.elem.elem;
            } else {
                // append([]byte, string...) style: string followed by "...".
                write_type(w, t);
                buf_puts(w->b, "...");
                continue;
            }
        }
        write_type(w, t);
    }
    buf_putc(w->b, ')');
}

static void signature(Writer *w, Type *sig) {
    if (sig->u.func.ntparams)
        tparam_list(w, sig->u.func.tparams, sig->u.func.ntparams);
    tuple(w, sig->u.func.params, (sig->flags & TF_VARIADIC) != 0);
    int n = types_tuple_len(sig->u.func.results);
    if (n == 0)
        return;
    buf_putc(w->b, ' ');
    Object *r0 = sig->u.func.results->u.tuple.vars[0];
    if (n == 1 && (w->mode == TS_GC || !r0->name || !r0->name[0])) {
        write_type(w, r0->type);
        return;
    }
    tuple(w, sig->u.func.results, false);
}

static void struct_type(Writer *w, Type *t) {
    bool gc = w->mode == TS_GC;
    int n = t->u.struct_.nfields;
    buf_puts(w->b, gc ? (n ? "struct { " : "struct {}") : "struct{");
    for (int i = 0; i < n; i++) {
        Object *f = t->u.struct_.fields[i];
        if (i > 0)
            sep(w, ';');
        if (!(f->flags & OF_EMBEDDED)) {
            if (w->link && !(f->flags & OF_EXPORTED) && f->pkg && f->pkg->path)
                path_prefix(w->b, types_link_path(f->pkg));
            buf_puts(w->b, f->name);
            buf_putc(w->b, ' ');
        }
        write_type(w, f->type);
        Str tag = t->u.struct_.tags ? t->u.struct_.tags[i] : NULL;
        if (tag && tag[0]) {
            buf_putc(w->b, ' ');
            types_quote_string(w->b, tag, str_len(tag));
        }
    }
    if (gc) {
        if (n)
            buf_puts(w->b, " }");
    } else {
        buf_putc(w->b, '}');
    }
}

// gc qualifies unexported interface methods by the package's linker
// prefix (objabi.PathToPrefix): the path with '.' after the last '/',
// '%', '"', controls, spaces and non-ASCII bytes escaped as %xx.
static void path_prefix(Buf *b, const char *path) {
    const char *slash = strrchr(path, '/');
    for (const char *p = path; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c <= ' ' || (c == '.' && (!slash || p > slash)) || c == '%' || c == '"' || c >= 0x7F)
            buf_printf(b, "%%%02x", c);
        else
            buf_putc(b, (char)c);
    }
    buf_putc(b, '.');
}

static void interface_type(Writer *w, Type *t) {
    if (t == types_universe.any_type) {
        buf_puts(w->b, w->mode == TS_GC ? "interface {}" : "any");
        return;
    }
    Type *cu = types_universe.comparable_type ? types_universe.comparable_type->u.named.underlying : NULL;
    if (t == cu) {
        buf_puts(w->b, "interface{comparable}");
        return;
    }
    if ((t->flags & TF_IMPLICIT) && t->u.iface.nmethods == 0 && t->u.iface.nembeddeds == 1) {
        write_type(w, t->u.iface.embeddeds[0]);
        return;
    }
    if (w->mode == TS_GC) {
        // gc lists the full, sorted method set.
        TypeSet *ts = types_interface_typeset(t, NULL);
        if (ts->nmethods == 0) {
            buf_puts(w->b, "interface {}");
            return;
        }
        buf_puts(w->b, "interface {");
        for (int i = 0; i < ts->nmethods; i++) {
            if (i)
                buf_putc(w->b, ';');
            buf_putc(w->b, ' ');
            Object *m = ts->methods[i];
            if (!(m->flags & OF_EXPORTED) && m->pkg)
                path_prefix(w->b, types_link_path(m->pkg));
            buf_puts(w->b, m->name);
            signature(w, m->type);
        }
        buf_puts(w->b, " }");
        return;
    }
    if (t->flags & TF_IMPLICIT)
        buf_puts(w->b, "/* implicit */ ");
    buf_puts(w->b, "interface{");
    bool first = true;
    for (int i = 0; i < t->u.iface.nmethods; i++) {
        if (!first)
            sep(w, ';');
        first = false;
        Object *m = t->u.iface.methods[i];
        buf_puts(w->b, m->name);
        signature(w, m->type);
    }
    for (int i = 0; i < t->u.iface.nembeddeds; i++) {
        if (!first)
            sep(w, ';');
        first = false;
        write_type(w, t->u.iface.embeddeds[i]);
    }
    buf_putc(w->b, '}');
}

static void write_type(Writer *w, Type *t) {
    if (!t) {
        buf_puts(w->b, w->mode == TS_GC ? "<T>" : "<nil>");
        return;
    }
    for (int i = 0; i < w->nseen; i++)
        if (w->seen[i] == t) {
            buf_puts(w->b, "cycle");
            return;
        }
    if (w->nseen == 64) {
        buf_puts(w->b, "...");
        return;
    }
    w->seen[w->nseen++] = t;
    switch (t->kind) {
    case TY_ARRAY:
        buf_printf(w->b, "[%lld]", (long long)t->u.array.len);
        write_type(w, t->u.array.elem);
        break;
    case TY_SLICE:
        buf_puts(w->b, "[]");
        write_type(w, t->u.elem.elem);
        break;
    case TY_POINTER:
        buf_putc(w->b, '*');
        write_type(w, t->u.elem.elem);
        break;
    case TY_STRUCT:
        struct_type(w, t);
        break;
    case TY_TUPLE:
        tuple(w, t, false);
        break;
    case TY_FUNC:
        buf_puts(w->b, "func");
        signature(w, t);
        break;
    case TY_UNION:
        for (int i = 0; i < t->u.union_.n; i++) {
            if (i)
                buf_putc(w->b, '|');
            if (t->u.union_.terms[i].tilde)
                buf_putc(w->b, '~');
            write_type(w, t->u.union_.terms[i].type);
        }
        break;
    case TY_INTERFACE:
        interface_type(w, t);
        break;
    case TY_MAP:
        buf_puts(w->b, "map[");
        write_type(w, t->u.map.key);
        buf_putc(w->b, ']');
        write_type(w, t->u.map.elem);
        break;
    case TY_CHAN: {
        Type *e = t->u.chan.elem;
        bool parens = false;
        if (t->u.chan.dir == CHAN_SEND) {
            buf_puts(w->b, "chan<- ");
        } else if (t->u.chan.dir == CHAN_RECV) {
            buf_puts(w->b, "<-chan ");
        } else {
            buf_puts(w->b, "chan ");
            parens = e && e->kind == TY_CHAN && e->u.chan.dir == CHAN_RECV;
        }
        if (parens)
            buf_putc(w->b, '(');
        write_type(w, e);
        if (parens)
            buf_putc(w->b, ')');
        break;
    }
    case TY_NAMED:
        type_name(w, t->u.named.obj);
        if (t->u.named.ntargs) {
            // gc names an instance after its arguments' LinkStrings.
            bool link = w->link;
            w->link = w->link || w->mode == TS_GC;
            type_list(w, t->u.named.targs, t->u.named.ntargs);
            w->link = link;
        }
        else if (t->u.named.ntparams && w->mode == TS_TYPES2)
            tparam_list(w, t->u.named.tparams, t->u.named.ntparams);
        break;
    case TY_TYPEPARAM:
        if (types_tparam_shape(t) && w->mode == TS_GC) {
            // gc's shape type: "go.shape." + LinkString + "_" + index.
            bool link = w->link;
            w->link = true;
            buf_puts(w->b, "go.shape.");
            write_type(w, types_under(types_tparam_shape(t)));
            buf_printf(w->b, "_%d", t->u.tparam.index);
            w->link = link;
            break;
        }
        buf_puts(w->b, t->u.tparam.obj ? t->u.tparam.obj->name : "?");
        break;
    default:
        if (t->kind == TY_UNSAFE_POINTER) {
            // Printed through package unsafe's type name.
            if (types_universe.unsafe_pkg)
                types_write_qualifier(w->b, types_universe.unsafe_pkg, w->q);
            else
                buf_puts(w->b, "unsafe.");
            buf_puts(w->b, "Pointer");
        } else {
            // LinkString spells byte and rune as uint8 and int32.
            buf_puts(w->b, t->u.basic.name && !w->link ? t->u.basic.name : type_kind_names[t->kind]);
        }
        break;
    }
    w->nseen--;
}

Str types_link_path(Package *pkg) { return pkg->link_path ? pkg->link_path : pkg->path; }

void types_write_type_link(Buf *b, Type *t) {
    Writer w = {b, NULL, TS_GC, {0}, 0, true};
    write_type(&w, t);
}

void types_write_type(Buf *b, Type *t, const Qualifier *q, TypeStringMode mode) {
    Writer w = {b, q, mode, {0}, 0, false};
    write_type(&w, t);
}

const char *types_type_string(Arena *a, Type *t, const Qualifier *q) {
    Buf b = {0};
    types_write_type(&b, t, q, TS_TYPES2);
    char *s = arena_strndup(a, b.data ? b.data : "", b.len);
    buf_free(&b);
    return s;
}

void types_write_signature(Buf *b, Type *sig, const Qualifier *q) {
    Writer w = {b, q, TS_TYPES2, {0}, 0, false};
    signature(&w, sig);
}

void types_write_object(Buf *b, Object *obj, const Qualifier *q) {
    Type *typ = obj->type;
    bool tname = false;
    switch (obj->kind) {
    case OBJ_PKGNAME: {
        buf_printf(b, "package %s", obj->name);
        struct Package *p = obj->u.pkgname.imported;
        if (p && p->path && strcmp(p->path, obj->name) != 0) {
            buf_puts(b, " (");
            types_quote_string(b, p->path, strlen(p->path));
            buf_putc(b, ')');
        }
        return;
    }
    case OBJ_CONST: buf_puts(b, "const"); break;
    case OBJ_TYPENAME:
        tname = true;
        buf_puts(b, "type");
        if (typ && typ->kind == TY_TYPEPARAM)
            buf_puts(b, " parameter");
        break;
    case OBJ_VAR: buf_puts(b, (obj->flags & OF_FIELD) ? "field" : "var"); break;
    case OBJ_FUNC:
        buf_puts(b, "func ");
        if (typ && typ->kind == TY_FUNC && typ->u.func.recv) {
            Type *rt = typ->u.func.recv->type;
            buf_putc(b, '(');
            if (rt && rt->kind == TY_INTERFACE)
                buf_puts(b, "interface");
            else
                types_write_type(b, rt, q, TS_TYPES2);
            buf_puts(b, ").");
        } else {
            types_write_qualifier(b, obj->pkg, q);
        }
        buf_puts(b, obj->name);
        if (typ)
            types_write_signature(b, typ, q);
        return;
    case OBJ_LABEL: buf_puts(b, "label"); typ = NULL; break;
    case OBJ_BUILTIN: buf_puts(b, "builtin"); typ = NULL; break;
    case OBJ_NIL: buf_puts(b, "nil"); return;
    default: buf_puts(b, "bad"); return;
    }
    buf_putc(b, ' ');
    // Package-level objects are qualified.
    if (obj->pkg && obj->pkg->scope && types_scope_lookup(obj->pkg->scope, obj->name) == obj)
        types_write_qualifier(b, obj->pkg, q);
    buf_puts(b, obj->name);
    if (!typ)
        return;
    if (tname) {
        if (TY_IS_BASIC(typ->kind))
            return;
        if (typ->kind == TY_NAMED && typ->u.named.ntparams) {
            Writer w = {b, q, TS_TYPES2, {0}, 0, false};
            tparam_list(&w, typ->u.named.tparams, typ->u.named.ntparams);
        }
        if (obj->flags & OF_ALIAS)
            buf_puts(b, " =");
        else if (typ->kind == TY_TYPEPARAM)
            typ = typ->u.tparam.bound;
        else
            typ = types_under(typ);
    }
    if (obj == types_scope_lookup(types_universe.scope, str_cstr("any")) && obj->name && strcmp(obj->name, "any") == 0)
        typ = types_universe.empty_iface;
    buf_putc(b, ' ');
    types_write_type(b, typ, q, TS_TYPES2);
}

// ---- Go strings (strconv, unicode/utf8) ----

// Decodes one UTF-8 rune at s (n bytes available); invalid bytes give
// 0xFFFD with width 1, as Go's utf8.DecodeRuneInString does.
uint32_t types_decode_rune(const unsigned char *s, size_t n, int *width) {
    unsigned c = s[0];
    *width = 1;
    if (c < 0x80)
        return c;
    int len = c >= 0xF0 && c < 0xF5 ? 4 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (len == 0 || (size_t)len > n)
        return 0xFFFD;
    uint32_t r = c & (0x7F >> len);
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0xFFFD;
        r = (r << 6) | (s[i] & 0x3F);
    }
    // Reject overlong forms, surrogates and values past U+10FFFF.
    if ((len == 3 && r < 0x800) || (len == 4 && (r < 0x10000 || r > 0x10FFFF)) ||
        (r >= 0xD800 && r <= 0xDFFF))
        return 0xFFFD;
    *width = len;
    return r;
}

void types_put_utf8(Buf *b, uint32_t r) {
    if (r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
        r = 0xFFFD;
    if (r < 0x80) {
        buf_putc(b, (char)r);
    } else if (r < 0x800) {
        buf_putc(b, (char)(0xC0 | (r >> 6)));
        buf_putc(b, (char)(0x80 | (r & 0x3F)));
    } else if (r < 0x10000) {
        buf_putc(b, (char)(0xE0 | (r >> 12)));
        buf_putc(b, (char)(0x80 | ((r >> 6) & 0x3F)));
        buf_putc(b, (char)(0x80 | (r & 0x3F)));
    } else {
        buf_putc(b, (char)(0xF0 | (r >> 18)));
        buf_putc(b, (char)(0x80 | ((r >> 12) & 0x3F)));
        buf_putc(b, (char)(0x80 | ((r >> 6) & 0x3F)));
        buf_putc(b, (char)(0x80 | (r & 0x3F)));
    }
}

// strconv.IsPrint.
static bool is_print(uint32_t r) {
    if (r <= 0xFF) {
        if (r >= 0x20 && r <= 0x7E)
            return true;
        return r >= 0xA1 && r != 0xAD;
    }
    int lo = 0, hi = uni_print_len - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (r < uni_print[mid][0])
            hi = mid - 1;
        else if (r > uni_print[mid][1])
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

void types_quote_string(Buf *b, const char *s, size_t n) {
    buf_putc(b, '"');
    for (size_t i = 0; i < n;) {
        int w;
        uint32_t r = types_decode_rune((const unsigned char *)s + i, n - i, &w);
        if (w == 1 && r == 0xFFFD) {
            buf_printf(b, "\\x%02x", (unsigned char)s[i]);
            i++;
            continue;
        }
        i += (size_t)w;
        if (r == '"' || r == '\\') {
            buf_putc(b, '\\');
            buf_putc(b, (char)r);
        } else if (is_print(r)) {
            types_put_utf8(b, r);
        } else {
            switch (r) {
            case 7: buf_puts(b, "\\a"); break;
            case 8: buf_puts(b, "\\b"); break;
            case 12: buf_puts(b, "\\f"); break;
            case 10: buf_puts(b, "\\n"); break;
            case 13: buf_puts(b, "\\r"); break;
            case 9: buf_puts(b, "\\t"); break;
            case 11: buf_puts(b, "\\v"); break;
            default:
                if (r < ' ' || r == 0x7F)
                    buf_printf(b, "\\x%02x", r);
                else if (r < 0x10000)
                    buf_printf(b, "\\u%04x", r);
                else
                    buf_printf(b, "\\U%08x", r);
            }
        }
    }
    buf_putc(b, '"');
}

// Go's strconv 'g' formatting of f with prec significant digits, or the
// shortest round-tripping digits when prec < 0 (fmt's %g). C's %e gives
// the correctly rounded digits; the layout rules are Go's.
void types_format_g(Buf *b, double f, int prec) {
    if (f == 0) {
        buf_puts(b, signbit(f) ? "-0" : "0");
        return;
    }
    char tmp[64];
    int p = prec;
    if (prec < 0) {
        for (p = 1; p <= 17; p++) {
            snprintf(tmp, sizeof tmp, "%.*e", p - 1, f);
            if (strtod(tmp, NULL) == f)
                break;
        }
    }
    snprintf(tmp, sizeof tmp, "%.*e", p - 1, f);
    // tmp: [-]d.ddde±XX. Collect digits without trailing zeros.
    const char *s = tmp;
    bool neg = *s == '-';
    if (neg)
        s++;
    char digs[32];
    int nd = 0;
    for (; *s && *s != 'e'; s++)
        if (*s >= '0' && *s <= '9')
            digs[nd++] = *s;
    int exp = atoi(s + 1);
    while (nd > 1 && digs[nd - 1] == '0')
        nd--;
    int eprec = prec < 0 ? 6 : p;
    if (prec >= 0 && eprec > nd && nd >= exp + 1)
        eprec = nd;
    if (neg)
        buf_putc(b, '-');
    if (exp < -4 || exp >= eprec) {
        buf_putc(b, digs[0]);
        if (nd > 1) {
            buf_putc(b, '.');
            buf_put(b, digs + 1, (size_t)nd - 1);
        }
        buf_printf(b, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
        return;
    }
    if (exp < 0) {
        buf_puts(b, "0.");
        for (int k = -1; k > exp; k--)
            buf_putc(b, '0');
        buf_put(b, digs, (size_t)nd);
        return;
    }
    for (int k = 0; k <= exp; k++)
        buf_putc(b, k < nd ? digs[k] : '0');
    if (nd > exp + 1) {
        buf_putc(b, '.');
        buf_put(b, digs + exp + 1, (size_t)(nd - exp - 1));
    }
}
