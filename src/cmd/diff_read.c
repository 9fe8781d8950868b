// diff_read.c: reads goesc's -format=json report (the README's schema)
// into goesc diff's items. A small JSON reader of its own: values become
// a tree, strings are decoded (\uXXXX to UTF-8, surrogate pairs joined),
// and anything malformed is an error with its byte offset, never a crash.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"

typedef enum { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ } JKind;

typedef struct JVal JVal;
struct JVal {
    JKind kind;
    char *str;              // J_STR, J_NUM (its text)
    bool b;
    VEC(JVal *) items;      // J_ARR, J_OBJ (values)
    VEC(char *) keys;       // J_OBJ
};

typedef struct JReader {
    const char *s;
    size_t n, i;
    int depth;
    const char *err;
} JReader;

static void jfree(JVal *v) {
    if (!v)
        return;
    free(v->str);
    for (int k = 0; k < v->items.len; k++)
        jfree(v->items.data[k]);
    for (int k = 0; k < v->keys.len; k++)
        free(v->keys.data[k]);
    vec_free(&v->items);
    vec_free(&v->keys);
    free(v);
}

static void ws(JReader *r) {
    while (r->i < r->n && (r->s[r->i] == ' ' || r->s[r->i] == '\n' || r->s[r->i] == '\t' || r->s[r->i] == '\r'))
        r->i++;
}

static int hex4(JReader *r) {
    if (r->i + 4 > r->n)
        return -1;
    int v = 0;
    for (int k = 0; k < 4; k++) {
        char c = r->s[r->i + k];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    r->i += 4;
    return v;
}

static void put_utf8(Buf *b, unsigned c) {
    if (c < 0x80) {
        buf_putc(b, (char)c);
    } else if (c < 0x800) {
        buf_putc(b, (char)(0xC0 | c >> 6));
        buf_putc(b, (char)(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        buf_putc(b, (char)(0xE0 | c >> 12));
        buf_putc(b, (char)(0x80 | ((c >> 6) & 0x3F)));
        buf_putc(b, (char)(0x80 | (c & 0x3F)));
    } else {
        buf_putc(b, (char)(0xF0 | c >> 18));
        buf_putc(b, (char)(0x80 | ((c >> 12) & 0x3F)));
        buf_putc(b, (char)(0x80 | ((c >> 6) & 0x3F)));
        buf_putc(b, (char)(0x80 | (c & 0x3F)));
    }
}

static char *jstring(JReader *r) {
    if (r->i >= r->n || r->s[r->i] != '"') {
        r->err = "want a string";
        return NULL;
    }
    r->i++;
    Buf b = {0};
    while (r->i < r->n && r->s[r->i] != '"') {
        char c = r->s[r->i++];
        if ((unsigned char)c < 0x20) {
            r->err = "control character in a string";
            break;
        }
        if (c != '\\') {
            buf_putc(&b, c);
            continue;
        }
        if (r->i >= r->n)
            break;
        char e = r->s[r->i++];
        const char *from = "\"\\/bfnrt", *to = "\"\\/\b\f\n\r\t";
        const char *at = strchr(from, e);
        if (e && at) {
            buf_putc(&b, to[at - from]);
        } else if (e == 'u') {
            int c1 = hex4(r);
            if (c1 >= 0xD800 && c1 < 0xDC00 && r->i + 1 < r->n && r->s[r->i] == '\\' && r->s[r->i + 1] == 'u') {
                r->i += 2;
                int c2 = hex4(r);
                if (c2 >= 0xDC00 && c2 < 0xE000)
                    c1 = 0x10000 + ((c1 - 0xD800) << 10) + (c2 - 0xDC00);
                else
                    c1 = -1;
            }
            if (c1 < 0) {
                r->err = "bad \\u escape";
                break;
            }
            put_utf8(&b, (unsigned)c1);
        } else {
            r->err = "bad escape";
            break;
        }
    }
    if (!r->err && r->i >= r->n)
        r->err = "unterminated string";
    if (r->err) {
        buf_free(&b);
        return NULL;
    }
    r->i++;
    char *s = xstrdup(buf_cstr(&b));
    buf_free(&b);
    return s;
}

// Skips a value that goesc diff does not read (explanations, inline
// stacks): most of a -m=2 report, so it is not built as a tree.
static bool jskip(JReader *r) {
    int depth = 0;
    do {
        ws(r);
        if (r->i >= r->n)
            return false;
        char c = r->s[r->i];
        if (c == '"') {
            for (r->i++; r->i < r->n && r->s[r->i] != '"'; r->i++)
                if (r->s[r->i] == '\\')
                    r->i++;
            if (r->i >= r->n)
                return false;
            r->i++;
        } else if (c == '{' || c == '[') {
            depth++, r->i++;
        } else if (c == '}' || c == ']') {
            if (--depth < 0)
                return false;
            r->i++;
        } else {
            r->i++;  // numbers, literals, ',' and ':'
        }
    } while (depth > 0);
    return true;
}

static JVal *jvalue(JReader *r);

static JVal *jvalue_skipping(JReader *r, const char *key) {
    if (key && (strcmp(key, "explanations") == 0 || strcmp(key, "inline_stack") == 0)) {
        ws(r);
        size_t at = r->i;
        if (!jskip(r)) {
            r->err = "unexpected end";
            return NULL;
        }
        (void)at;
        JVal *v = xcalloc(1, sizeof *v);
        v->kind = J_NULL;
        return v;
    }
    return jvalue(r);
}

static JVal *jvalue(JReader *r) {
    ws(r);
    if (r->i >= r->n) {
        r->err = "unexpected end";
        return NULL;
    }
    if (++r->depth > 200) {
        r->err = "nested too deeply";
        return NULL;
    }
    JVal *v = xcalloc(1, sizeof *v);
    char c = r->s[r->i];
    if (c == '"') {
        v->kind = J_STR;
        v->str = jstring(r);
    } else if (c == '{' || c == '[') {
        v->kind = c == '{' ? J_OBJ : J_ARR;
        r->i++;
        ws(r);
        char close = c == '{' ? '}' : ']';
        if (r->i < r->n && r->s[r->i] == close) {
            r->i++;
        } else {
            for (;;) {
                if (v->kind == J_OBJ) {
                    ws(r);
                    char *k = jstring(r);
                    if (!k)
                        break;
                    vec_push(&v->keys, k);
                    ws(r);
                    if (r->i >= r->n || r->s[r->i] != ':') {
                        r->err = "want ':'";
                        break;
                    }
                    r->i++;
                }
                JVal *item = jvalue_skipping(r, v->kind == J_OBJ ? v->keys.data[v->keys.len - 1] : NULL);
                if (!item)
                    break;
                vec_push(&v->items, item);
                ws(r);
                if (r->i < r->n && r->s[r->i] == ',') {
                    r->i++;
                    continue;
                }
                if (r->i < r->n && r->s[r->i] == close) {
                    r->i++;
                    break;
                }
                r->err = "want ',' or a closing bracket";
                break;
            }
        }
    } else if (r->n - r->i >= 4 && strncmp(r->s + r->i, "true", 4) == 0) {
        v->kind = J_BOOL, v->b = true, r->i += 4;
    } else if (r->n - r->i >= 5 && strncmp(r->s + r->i, "false", 5) == 0) {
        v->kind = J_BOOL, r->i += 5;
    } else if (r->n - r->i >= 4 && strncmp(r->s + r->i, "null", 4) == 0) {
        v->kind = J_NULL, r->i += 4;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
        size_t st = r->i;
        while (r->i < r->n && strchr("+-.eE0123456789", r->s[r->i]))
            r->i++;
        v->kind = J_NUM;
        v->str = xasprintf("%.*s", (int)(r->i - st), r->s + st);
    } else {
        r->err = "unexpected character";
    }
    r->depth--;
    if (r->err) {
        jfree(v);
        return NULL;
    }
    return v;
}

static JVal *jget(const JVal *o, const char *key) {
    if (!o || o->kind != J_OBJ)
        return NULL;
    for (int k = 0; k < o->keys.len; k++)
        if (strcmp(o->keys.data[k], key) == 0)
            return o->items.data[k];
    return NULL;
}

static const char *jstr(const JVal *o, const char *key) {
    JVal *v = jget(o, key);
    return v && v->kind == J_STR ? v->str : NULL;
}

static int jint(const JVal *o, const char *key) {
    JVal *v = jget(o, key);
    return v && v->kind == J_NUM ? atoi(v->str) : 0;
}

// What a message is about, as the baseline keys it: the variable moved,
// the expression that escapes, the function inlined or inlinable, the
// parameter that leaks; else the message.
static char *subject(Arena *a, const char *msg) {
    static const char *const prefixes[] = {"moved to heap: ", "inlining call to ", "can inline ",
                                           "leaking param content: ", "leaking param: "};
    for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
        size_t n = strlen(prefixes[i]);
        if (strncmp(msg, prefixes[i], n) == 0)
            return arena_strndup(a, msg + n, strcspn(msg + n, " "));
    }
    const char *e = strstr(msg, " escapes to heap");
    return arena_strndup(a, msg, e ? (size_t)(e - msg) : strlen(msg));
}

static char *copy(DiffSide *out, const char *s) {
    return s ? arena_strndup(&out->strings, s, strlen(s)) : NULL;
}

// Adds it, whose strings are out's.
static void push(DiffSide *out, DiffItem it) {
    it.expr = subject(&out->strings, it.msg);
    vec_push(&out->items, it);
}

bool diff_read_report(const char *text, size_t n, const char *name, DiffSide *out) {
    JReader r = {text, n, 0, 0, NULL};
    JVal *root = jvalue(&r);
    if (root) {
        ws(&r);
        if (r.i != n)
            r.err = "text after the document";
    }
    JVal *pkgs = jget(root, "packages");
    if (!r.err && (!jget(root, "schema_version") || !pkgs || pkgs->kind != J_ARR))
        r.err = "not a goesc -format=json report (no schema_version or packages)";
    if (r.err) {
        fprintf(stderr, "goesc diff: %s: %s at byte %zu\n", name, r.err, r.i);
        jfree(root);
        return false;
    }
    for (int p = 0; p < pkgs->items.len; p++) {
        JVal *pk = pkgs->items.data[p];
        const char *path = jstr(pk, "path");
        JVal *ds = jget(pk, "diagnostics");
        if (!path || !ds || ds->kind != J_ARR)
            continue;
        for (int d = 0; d < ds->items.len; d++) {
            JVal *x = ds->items.data[d];
            const char *kind = jstr(x, "kind"), *msg = jstr(x, "message"), *fn = jstr(x, "function");
            const char *file = jstr(x, "file");
            if (!kind || !msg)
                continue;
            JVal *heap = jget(x, "heap");
            const char *abs = jstr(x, "path");
            push(out, (DiffItem){.kind = copy(out, kind), .pkg = copy(out, path), .func = copy(out, fn ? fn : "<init>"),
                                 .msg = copy(out, msg), .file = copy(out, file), .line = jint(x, "line"),
                                 .col = jint(x, "column"), .col16 = jint(x, "column_utf16"),
                                 .path = abs && abs[0] == '/' ? copy(out, abs) : NULL,
                                 .heap = heap && heap->kind == J_BOOL && heap->b});
        }
    }
    jfree(root);
    return true;
}

// A field of a snapshot line, unescaped into a.
static char *unescape(Arena *a, const char *s, size_t n) {
    char *r = arena_alloc(a, n + 1), *w = r;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\\' && i + 1 < n) {
            char c = s[++i];
            *w++ = c == 't' ? '\t' : c == 'n' ? '\n' : c;
        } else {
            *w++ = s[i];
        }
    }
    return r;
}

bool diff_read_snapshot(const char *text, size_t n, const char *name, DiffSide *out, Buf *err) {
    const char *head = "# goesc diff snapshot v2\n";
    if (n < strlen(head) || strncmp(text, head, strlen(head)) != 0) {
        buf_printf(err, "goesc diff: %s: not a goesc diff snapshot\n", name);
        return false;
    }
    int ln = 1;
    for (size_t i = strlen(head); i < n; ln++) {
        const char *line = text + i, *nl = memchr(line, '\n', n - i);
        size_t len = nl ? (size_t)(nl - line) : n - i;
        i += len + 1;
        // KIND PACKAGE FUNCTION POSITION COL16 HEAP MESSAGE
        enum { NF = 7 };
        char *f[NF];
        int k = 0;
        for (const char *p = line; k < NF;) {
            const char *t = k < NF - 1 ? memchr(p, '\t', (size_t)(line + len - p)) : NULL;
            f[k++] = unescape(&out->strings, p, t ? (size_t)(t - p) : (size_t)(line + len - p));
            if (!t)
                break;
            p = t + 1;
        }
        // the position: file:line:col, or file:line (gc's for col >= 255)
        char *file = NULL;
        int l = 0, c = 0;
        if (k == NF && strcmp(f[3], "?") != 0) {
            char *colon = strrchr(f[3], ':');
            char *prev = NULL;
            if (colon) {
                *colon = 0;
                prev = strrchr(f[3], ':');
                if (prev && prev[1] && strspn(prev + 1, "0123456789") == strlen(prev + 1)) {
                    *prev = 0;
                    l = atoi(prev + 1), c = atoi(colon + 1);
                } else {
                    l = atoi(colon + 1);
                }
                file = f[3];
            }
        }
        bool ok = k == NF && (file || strcmp(f[3], "?") == 0);
        if (ok)
            push(out, (DiffItem){.kind = f[0], .pkg = f[1], .func = f[2], .msg = f[6], .file = file, .line = l,
                                 .col = c, .col16 = atoi(f[4]), .heap = strcmp(f[5], "1") == 0});
        if (!ok) {
            buf_printf(err, "goesc diff: %s:%d: corrupt snapshot line\n", name, ln);
            return false;
        }
    }
    return true;
}
