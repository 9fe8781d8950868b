// goheader.c: go/parser's verdict on a file whose package clause or
// imports are malformed (the text after any byte order mark). cmd/go reads each file's header with go/parser
// (imports only) before gc sees it, so such a file fails the build with
// go/parser's words ("expected 'package', found pkg"), not gc's.
//
// A small scanner and parser of their own for the header: the package
// clause, then import declarations, with go/scanner's automatic
// semicolons, go/parser's error texts, its rule of one error per line,
// and go/token's way of placing the end of a file that ends in a newline
// on the last line (its line table never holds a line starting at EOF).
// Every file of every package goes through here, so a recogniser of the
// common well-formed header answers first, without tokens (the end of
// this file); tests/unit/goheader_test.c holds it to the full check.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "types.h"

typedef enum {
    HT_EOF, HT_ILLEGAL, HT_SEMI, HT_LPAREN, HT_RPAREN, HT_RBRACE, HT_COMMA, HT_PERIOD, HT_OP,
    HT_KEYWORD,
    HT_IDENT, HT_INT, HT_FLOAT, HT_IMAG, HT_CHAR, HT_STRING,  // literals from here
} HTok;

typedef struct HErr {
    size_t off;
    char *msg;
} HErr;

typedef struct HParser {
    const char *src;
    size_t n, off;      // scan position
    bool semi;          // insert a semicolon at the next newline or EOF
    // the current token
    HTok tok;
    size_t pos, len;    // its offset and text length
    bool newline;       // a semicolon standing for a newline or EOF
    VEC(HErr) errs;
} HParser;

static const char *const keywords[] = {
    "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for",
    "func", "go", "goto", "if", "import", "interface", "map", "package", "range", "return", "select",
    "struct", "switch", "type", "var",
};

// go/token's line and column of an offset (see the file comment).
static void line_col(const HParser *p, size_t off, int *line, int *col) {
    int l = 1;
    size_t start = 0;
    for (size_t i = 0; i < off && i < p->n; i++)
        if (p->src[i] == '\n' && i + 1 < p->n) {
            l++;
            start = i + 1;
        }
    *line = l;
    *col = (int)(off - start) + 1;
}

static void add_error(HParser *p, size_t off, const char *msg) {
    HErr e = {off, xstrdup(msg)};
    vec_push(&p->errs, e);
}

// go/parser drops an error on the line of the one before it.
static void parse_error(HParser *p, size_t off, const char *msg) {
    if (p->errs.len) {
        int l1, l2, c;
        line_col(p, p->errs.data[p->errs.len - 1].off, &l1, &c);
        line_col(p, off, &l2, &c);
        if (l1 == l2)
            return;
    }
    add_error(p, off, msg);
}

static bool ident_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}

static void scan_quoted(HParser *p, char q, HTok kind) {
    size_t start = p->off++;
    for (;;) {
        if (p->off >= p->n || (q != '`' && p->src[p->off] == '\n')) {
            add_error(p, start, q == '`'  ? "raw string literal not terminated"
                                : q == '"' ? "string literal not terminated"
                                           : "rune literal not terminated");
            break;
        }
        char c = p->src[p->off++];
        if (c == q)
            break;
        if (c == '\\' && q != '`' && p->off < p->n)
            p->off++;
    }
    p->tok = kind;
    p->len = p->off - start;
}

static void next(HParser *p) {
    p->newline = false;
    for (;;) {
        while (p->off < p->n && (p->src[p->off] == ' ' || p->src[p->off] == '\t' || p->src[p->off] == '\r' ||
                                 (p->src[p->off] == '\n' && !p->semi)))
            p->off++;
        p->pos = p->off;
        if (p->off >= p->n || p->src[p->off] == '\n') {
            if (p->semi) {
                p->semi = false;
                p->tok = HT_SEMI;
                p->newline = true;
                p->len = 0;
                if (p->off < p->n)
                    p->off++;
                return;
            }
            p->tok = HT_EOF;
            p->len = 0;
            return;
        }
        const char *s = p->src + p->off;
        if (s[0] == '/' && p->off + 1 < p->n && (s[1] == '/' || s[1] == '*')) {
            // A comment running to the end of its line ends a line of code.
            size_t end = p->off + 2;
            bool nl = s[1] == '/';
            if (s[1] == '/') {
                while (end < p->n && p->src[end] != '\n')
                    end++;
            } else {
                while (end + 1 < p->n && !(p->src[end] == '*' && p->src[end + 1] == '/')) {
                    nl |= p->src[end] == '\n';
                    end++;
                }
                if (end + 1 >= p->n) {
                    add_error(p, p->off, "comment not terminated");
                    end = p->n;
                    nl = true;
                } else {
                    end += 2;
                }
            }
            if (p->semi && nl) {
                p->semi = false;
                p->tok = HT_SEMI;
                p->newline = true;
                p->len = 0;
                p->off = end;
                return;
            }
            p->off = end;
            continue;
        }
        break;
    }
    const char *s = p->src + p->off;
    unsigned char c = (unsigned char)s[0];
    p->semi = false;
    if (ident_byte(c) && !(c >= '0' && c <= '9')) {
        size_t e = p->off;
        while (e < p->n && ident_byte((unsigned char)p->src[e]))
            e++;
        p->len = e - p->off;
        p->off = e;
        p->tok = HT_IDENT;
        const char *kw = NULL;
        for (size_t k = 0; k < sizeof keywords / sizeof *keywords; k++)
            if (strlen(keywords[k]) == p->len && memcmp(keywords[k], s, p->len) == 0)
                kw = keywords[k];
        if (kw)
            p->tok = HT_KEYWORD;
        p->semi = !kw || strcmp(kw, "break") == 0 || strcmp(kw, "continue") == 0 || strcmp(kw, "fallthrough") == 0 ||
                  strcmp(kw, "return") == 0;
        return;
    }
    if ((c >= '0' && c <= '9') || (c == '.' && p->off + 1 < p->n && s[1] >= '0' && s[1] <= '9')) {
        size_t e = p->off;
        bool fl = false;
        while (e < p->n && (ident_byte((unsigned char)p->src[e]) || p->src[e] == '.' ||
                            ((p->src[e] == '+' || p->src[e] == '-') && e > p->off &&
                             (p->src[e - 1] == 'e' || p->src[e - 1] == 'E' || p->src[e - 1] == 'p' || p->src[e - 1] == 'P')))) {
            fl |= p->src[e] == '.';
            e++;
        }
        p->len = e - p->off;
        p->off = e;
        p->tok = p->src[e - 1] == 'i' ? HT_IMAG : fl ? HT_FLOAT : HT_INT;
        p->semi = true;
        return;
    }
    if (c == '"' || c == '`' || c == '\'') {
        scan_quoted(p, (char)c, c == '\'' ? HT_CHAR : HT_STRING);
        p->semi = true;
        return;
    }
    p->len = 1;
    p->off++;
    switch (c) {
    case '(': p->tok = HT_LPAREN; return;
    case ')': p->tok = HT_RPAREN; p->semi = true; return;
    case ']': p->tok = HT_OP; p->semi = true; return;
    case '}': p->tok = HT_RBRACE; p->semi = true; return;
    case ',': p->tok = HT_COMMA; return;
    case ';': p->tok = HT_SEMI; return;
    case '.':
        p->tok = HT_PERIOD;
        if (p->off + 1 < p->n && s[1] == '.' && s[2] == '.') {
            p->tok = HT_OP;
            p->len = 3;
            p->off += 2;
        }
        return;
    default: break;
    }
    if (strchr("+-*/%&|^<>=!:[{~", c)) {
        // The longest operator: enough to print it as go/token does.
        static const char *const ops[] = {"&^=", "<<=", ">>=", "&^", "<<", ">>", "&&", "||", "<-", "++", "--",
                                          "==", "!=", "<=", ">=", ":=", "+=", "-=", "*=", "/=", "%=", "&=",
                                          "|=", "^="};
        p->tok = HT_OP;
        for (size_t k = 0; k < sizeof ops / sizeof *ops; k++) {
            size_t l = strlen(ops[k]);
            if (p->off - 1 + l <= p->n && memcmp(s, ops[k], l) == 0) {
                p->len = l;
                p->off += l - 1;
                break;
            }
        }
        p->semi = (p->len == 2 && (memcmp(s, "++", 2) == 0 || memcmp(s, "--", 2) == 0));
        return;
    }
    // go/scanner: an illegal character keeps the semicolon state.
    char msg[64];
    if (c < 0x80)
        snprintf(msg, sizeof msg, "illegal character U+%04X '%c'", c, c);
    else
        snprintf(msg, sizeof msg, "illegal character U+%04X", c);
    add_error(p, p->pos, msg);
    p->tok = HT_ILLEGAL;
}

static void error_expected(HParser *p, size_t off, const char *what) {
    Buf b = {0};
    buf_printf(&b, "expected %s", what);
    if (off == p->pos) {
        if (p->tok == HT_SEMI && p->newline)
            buf_puts(&b, ", found newline");
        else if (p->tok >= HT_IDENT)
            buf_printf(&b, ", found %.*s", (int)p->len, p->src + p->pos);
        else if (p->tok == HT_EOF)
            buf_puts(&b, ", found 'EOF'");
        else if (p->tok == HT_ILLEGAL)
            buf_puts(&b, ", found 'ILLEGAL'");
        else
            buf_printf(&b, ", found '%.*s'", (int)p->len, p->src + p->pos);
    }
    parse_error(p, off, buf_cstr(&b));
    buf_free(&b);
}

static bool is_kw(HParser *p, const char *kw) {
    return p->tok == HT_KEYWORD && p->len == strlen(kw) && memcmp(p->src + p->pos, kw, p->len) == 0;
}

static void expect(HParser *p, HTok tok, const char *kw, const char *what) {
    if (kw ? !is_kw(p, kw) : p->tok != tok)
        error_expected(p, p->pos, what);
    next(p);
}

// go/parser's stmtStart: where error recovery after a missing ';' stops.
static bool stmt_start(HParser *p) {
    static const char *const kws[] = {"break", "const", "continue", "defer", "fallthrough", "for", "go",
                                      "goto", "if", "return", "select", "switch", "type", "var"};
    for (size_t k = 0; k < sizeof kws / sizeof *kws; k++)
        if (is_kw(p, kws[k]))
            return true;
    return false;
}

static void expect_semi(HParser *p) {
    if (p->tok == HT_RPAREN || p->tok == HT_RBRACE)
        return;
    if (p->tok == HT_COMMA || p->tok == HT_SEMI) {
        if (p->tok == HT_COMMA)
            error_expected(p, p->pos, "';'");
        next(p);
        return;
    }
    error_expected(p, p->pos, "';'");
    while (p->tok != HT_EOF && !stmt_start(p))
        next(p);
}

// go/parser's isValidImport, on the literal's unquoted bytes.
static bool valid_import(const char *lit, size_t n) {
    if (n < 2)
        return false;
    lit++, n -= 2;
    if (n == 0)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)lit[i];
        if (c == '\\')
            return true;  // escapes: not decoded here; gc judges the path
        if (c <= ' ' || c == 0x7f || strchr("!\"#$%&'()*,:;<=>?[]^`{|}", c))
            return false;
    }
    return true;
}

static void import_spec(HParser *p) {
    if (p->tok == HT_PERIOD || p->tok == HT_IDENT)
        next(p);
    if (p->tok == HT_STRING) {
        if (!valid_import(p->src + p->pos, p->len)) {
            Buf b = {0};
            buf_printf(&b, "invalid import path: %.*s", (int)p->len, p->src + p->pos);
            parse_error(p, p->pos, buf_cstr(&b));
            buf_free(&b);
        }
        next(p);
    } else {
        expect(p, HT_STRING, NULL, "'STRING'");
    }
    expect_semi(p);
}

static int cmp_err(const void *a, const void *b) {
    const HErr *x = a, *y = b;
    return x->off < y->off ? -1 : x->off > y->off;
}

// ---- the extent go/build's reader gives go/parser ----

// go/build reads the header byte by byte, treating semicolons as space,
// up to the byte that shows the imports are over, and hands go/parser
// what it read without that byte; after a syntax error of its own, the
// whole file, so that go/parser finds the error.
typedef struct HReader {
    const char *src;
    size_t n, pos;      // bytes read
    int peek;           // -1: none
    bool eof, err;
} HReader;

static int rd_byte(HReader *r) {
    if (r->pos < r->n) {
        unsigned char c = (unsigned char)r->src[r->pos++];
        r->err |= c == 0;
        return c;
    }
    r->eof = true;
    return 0;
}

static int rd_peek(HReader *r, bool skip) {
    if (r->err)
        return 0;
    int c = r->peek >= 0 ? r->peek : rd_byte(r);
    while (!r->err && !r->eof && skip) {
        if (c == ' ' || c == '\f' || c == '\t' || c == '\r' || c == '\n' || c == ';') {
            c = rd_byte(r);
            continue;
        }
        if (c != '/')
            break;
        c = rd_byte(r);
        if (c == '/') {
            while (c != '\n' && !r->err && !r->eof)
                c = rd_byte(r);
        } else if (c == '*') {
            int c1 = 0;
            while ((c != '*' || c1 != '/') && !r->err) {
                r->err |= r->eof;
                c = c1;
                c1 = rd_byte(r);
            }
        } else {
            r->err = true;
        }
        c = rd_byte(r);
    }
    r->peek = c;
    return c;
}

static int rd_next(HReader *r, bool skip) {
    int c = rd_peek(r, skip);
    r->peek = -1;
    return c;
}

static bool rd_ident_byte(int c) { return c > 0 && ident_byte((unsigned char)c); }

static void rd_keyword(HReader *r, const char *kw) {
    rd_peek(r, true);
    for (; *kw; kw++)
        if (rd_next(r, false) != (unsigned char)*kw) {
            r->err = true;
            return;
        }
    if (rd_ident_byte(rd_peek(r, false)))
        r->err = true;
}

static void rd_ident(HReader *r) {
    if (!rd_ident_byte(rd_peek(r, true))) {
        r->err = true;
        return;
    }
    while (rd_ident_byte(rd_peek(r, false)))
        r->peek = -1;
}

static void rd_string(HReader *r) {
    int q = rd_next(r, true);
    if (q != '`' && q != '"') {
        r->err = true;
        return;
    }
    while (!r->err) {
        int c = rd_next(r, false);
        if (c == q)
            break;
        if (r->eof || (q == '"' && c == '\n'))
            r->err = true;
        if (q == '"' && c == '\\')
            rd_next(r, false);
    }
}

static void rd_import(HReader *r) {
    int c = rd_peek(r, true);
    if (c == '.')
        r->peek = -1;
    else if (rd_ident_byte(c))
        rd_ident(r);
    rd_string(r);
}

static size_t header_extent(const char *text, size_t n) {
    HReader r = {text, n, 0, -1, false, false};
    rd_keyword(&r, "package");
    rd_ident(&r);
    while (rd_peek(&r, true) == 'i') {
        rd_keyword(&r, "import");
        if (rd_peek(&r, true) == '(') {
            rd_next(&r, false);
            while (rd_peek(&r, true) != ')' && !r.err)
                rd_import(&r);
            rd_next(&r, false);
        } else {
            rd_import(&r);
        }
    }
    if (r.err)
        return n;
    return r.eof ? r.pos : r.pos - 1;
}

size_t types_go_header_extent(const char *text, size_t n) { return header_extent(text, n); }

// go/parser's verdict on go/build's extent, token by token: the reference
// the fast path below must agree with.
static Str full_check(const char *text, size_t n) {
    HParser p = {.src = text, .n = header_extent(text, n)};
    next(&p);
    expect(&p, HT_KEYWORD, "package", "'package'");
    if (p.tok == HT_IDENT)
        next(&p);
    else
        expect(&p, HT_IDENT, NULL, "'IDENT'");
    expect_semi(&p);
    // go/parser stops after a bad package clause: likely not Go at all
    bool clause_ok = p.errs.len == 0;
    while (clause_ok && is_kw(&p, "import")) {
        next(&p);
        if (p.tok == HT_LPAREN) {
            next(&p);
            while (p.tok != HT_RPAREN && p.tok != HT_EOF)
                import_spec(&p);
            expect(&p, HT_RPAREN, NULL, "')'");
            expect_semi(&p);
        } else {
            import_spec(&p);
        }
    }
    Str r = NULL;
    if (p.errs.len) {
        qsort(p.errs.data, (size_t)p.errs.len, sizeof *p.errs.data, cmp_err);
        int line, col;
        line_col(&p, p.errs.data[0].off, &line, &col);
        Buf b = {0};
        // cmd/go keeps only the first error, for its position
        buf_printf(&b, "%d:%d: %s", line, col, p.errs.data[0].msg);
        r = str_intern(b.data, b.len);
        buf_free(&b);
    }
    for (int i = 0; i < p.errs.len; i++)
        free(p.errs.data[i].msg);
    vec_free(&p.errs);
    return r;
}

// ---- the common header, recognised fast ----

// Nearly every header is comments, the package clause and import
// declarations of plain "path" specs, each ended by a newline or one ';'.
// On exactly that set go/build's reader and go/parser agree and neither
// finds anything wrong, so recognising it proves there is no error
// without tokenizing the comments byte by byte (package documentation
// runs to kilobytes). Whatever falls outside is left to the full check:
// a form feed, which the reader skips and go/scanner rejects; a ';' where
// go/parser wants a spec, which the reader skips; a raw or escaped path;
// a non-ASCII or keyword name; a NUL.
typedef struct Fast {
    const char *s;
    size_t n, off;
    bool nl;        // a newline since the last token
} Fast;

// Skips spaces and comments; false where only the full check can say.
static bool fast_skip(Fast *f) {
    f->nl = false;
    while (f->off < f->n) {
        char c = f->s[f->off];
        if (c == ' ' || c == '\t' || c == '\r') {
            f->off++;
        } else if (c == '\n') {
            f->nl = true;
            f->off++;
        } else if (c == '/' && f->off + 1 < f->n && f->s[f->off + 1] == '/') {
            const char *e = memchr(f->s + f->off, '\n', f->n - f->off);
            f->off = e ? (size_t)(e - f->s) : f->n;
        } else if (c == '/' && f->off + 1 < f->n && f->s[f->off + 1] == '*') {
            const char *b = f->s + f->off + 2, *end = f->s + f->n, *e = b;
            while ((e = memchr(e, '*', (size_t)(end - e))) && e + 1 < end && e[1] != '/')
                e++;
            if (!e || e + 1 >= end)
                return false;   // not terminated
            f->nl = f->nl || memchr(b, '\n', (size_t)(e - b));
            f->off = (size_t)(e - f->s) + 2;
        } else {
            return c != '\f';
        }
    }
    return true;
}

static bool ascii_ident_byte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The length of the ASCII word at f. (Where a byte of a UTF-8 sequence,
// which both scanners take for a letter, follows, no token the recogniser
// accepts can.)
static size_t fast_word(const Fast *f) {
    size_t e = f->off;
    while (e < f->n && ascii_ident_byte(f->s[e]))
        e++;
    return e - f->off;
}

static bool fast_keyword(Fast *f, const char *kw, size_t len) {
    if (fast_word(f) != len || memcmp(f->s + f->off, kw, len) != 0)
        return false;
    f->off += len;
    return true;
}

// An identifier that go/scanner does not take for a keyword.
static bool fast_name(Fast *f) {
    size_t len = fast_word(f);
    if (!len || (f->s[f->off] >= '0' && f->s[f->off] <= '9'))
        return false;
    for (size_t k = 0; k < sizeof keywords / sizeof *keywords; k++)
        if (strncmp(keywords[k], f->s + f->off, len) == 0 && keywords[k][len] == 0)
            return false;
    f->off += len;
    return true;
}

// [name | "."] "path" on one line, the path valid and without escapes.
static bool fast_spec(Fast *f) {
    if (f->off < f->n && f->s[f->off] == '.') {
        f->off++;
    } else if (f->off < f->n && f->s[f->off] != '"' && !fast_name(f)) {
        return false;
    }
    while (f->off < f->n && (f->s[f->off] == ' ' || f->s[f->off] == '\t'))
        f->off++;
    if (f->off >= f->n || f->s[f->off] != '"')
        return false;
    size_t start = f->off++;
    while (f->off < f->n && f->s[f->off] != '"' && f->s[f->off] != '\\' && f->s[f->off] != '\n')
        f->off++;
    if (f->off >= f->n || f->s[f->off] != '"')
        return false;
    f->off++;
    return valid_import(f->s + start, f->off - start);
}

// The semicolon after a clause, spec or declaration: a newline, EOF or
// one ';' (or, in a group, the ')'). Leaves f at the next token.
static bool fast_semi(Fast *f, bool group) {
    if (!fast_skip(f))
        return false;
    if (f->off < f->n && f->s[f->off] == ';') {
        if (f->nl)
            return false;   // an empty statement go/parser stops at
        f->off++;
        if (!fast_skip(f))
            return false;
    } else if (!f->nl && f->off < f->n && !(group && f->s[f->off] == ')')) {
        return false;
    }
    return true;
}

// Whether the header is of the common kind, and so has no error.
static bool fast_ok(const char *text, size_t n) {
    Fast f = {text, n, 0, false};
    if (!fast_skip(&f) || !fast_keyword(&f, "package", 7) || !fast_skip(&f) || !fast_name(&f) ||
        !fast_semi(&f, false))
        return false;
    while (f.off < n && f.s[f.off] == 'i') {
        if (!fast_keyword(&f, "import", 6) || !fast_skip(&f))
            return false;
        if (f.off < n && f.s[f.off] == '(') {
            f.off++;
            for (;;) {
                if (!fast_skip(&f))
                    return false;
                if (f.off < n && f.s[f.off] == ')')
                    break;
                if (!fast_spec(&f) || !fast_semi(&f, true))
                    return false;
            }
            f.off++;
        } else if (!fast_spec(&f)) {
            return false;
        }
        if (!fast_semi(&f, false))
            return false;
    }
    // go/build's reader stops at this byte, having read it, and hands
    // go/parser the text before it, but a NUL up to here makes it hand
    // over the whole file
    return !memchr(text, 0, f.off < n ? f.off + 1 : n);
}

Str types_go_header_error(const char *text, size_t n) {
    return fast_ok(text, n) ? NULL : full_check(text, n);
}
