// lexer.c: turns a file's bytes into gc's token stream. It behaves as gc's
// syntax scanner does, down to error wording and error positions, because
// those reach the user verbatim: the same automatic semicolons, the same
// literal validation, the same handling of NUL bytes, bad UTF-8 and BOMs
// (reported, then skipped as if absent). Comments are dropped, except the
// //go: and //line directives, which are handed to later stages; //line
// directives also remap positions (pos_add_line_directive).
//
// The reader keeps one character of lookahead, ch, which starts at
// off - chw. Plain ASCII runs inside names, comments and strings are
// skipped byte by byte without decoding; everything else goes through
// nextch, so that special bytes are reported wherever they occur. Two
// quirks of gc's reader are reproduced on purpose, because they change
// what gc prints: a NUL at the start of one of its read chunks, and the
// extra line it counts after "..\n" (see refill and phantom_line).
//
// Checked against gc's own scanner by tests/suites/15-lexer-tokens.sh.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syntax.h"

enum {
    CH_EOF = -1,
    MAX_RUNE = 0x10FFFF,
    RUNE_BOM = 0xFEFF,
    POS_MAX = 1 << 30,  // gc's PosMax: largest //line line or column
};

#define LPOS(lx, o) ((lx)->src->base + (Pos)(o))
#define CUR(lx) ((lx)->off - (uint32_t)(lx)->chw)  // offset of ch

// Once more errors than the limit are in, gc would have exited; we stop
// collecting (and lex_next stops scanning), so that a huge malformed
// file cannot pile up millions of messages.
static bool too_many_errors(Lexer *lx) {
    return lx->diags->limit > 0 && lx->diags->nerrors > lx->diags->limit;
}

static __attribute__((format(printf, 3, 4))) void lex_error(Lexer *lx, uint32_t off,
                                                            const char *fmt, ...) {
    if (too_many_errors(lx))
        return;
    va_list ap;
    va_start(ap, fmt);
    diag_verror(lx->diags, LPOS(lx, off), fmt, ap);
    va_end(ap);
}

// ---- ASCII classes (the Unicode ones are in runes.c) ----

static inline bool is_ascii_letter(int32_t c) {
    return (unsigned)((c | 0x20) - 'a') < 26 || c == '_';
}
static inline bool is_decimal(int32_t c) { return (unsigned)(c - '0') < 10; }
static inline int32_t lower(int32_t c) { return c | 0x20; }  // ASCII letters only
static inline bool is_hex(int32_t c) {
    return is_decimal(c) || (unsigned)(lower(c) - 'a') < 6;
}
static inline bool is_ident_byte(unsigned char c) { return lex_byte_class[c] & BC_IDENT; }

// ---- reading characters ----
//
// gc reads a file in chunks into a buffer and decodes the first byte of
// each new chunk on a path that lacks the NUL check: a NUL there reaches
// the scanner as a character (in a string or comment it then goes
// unreported). To match, we track where gc's chunks end (lim). gc's
// buffer starts at 4 KiB; a refill keeps the bytes from the start of the
// token being scanned (the "segment", seg) and grows the buffer when
// they fill more than half of it.

enum { NO_SEG = UINT32_MAX, GC_BUF_MIN = 4 << 10, GC_BUF_DOUBLE_MAX = 1 << 20 };

static uint32_t gc_next_size(uint32_t size) {
    if (size < GC_BUF_MIN)
        return GC_BUF_MIN;
    if (size <= GC_BUF_DOUBLE_MAX)
        return size * 2;
    return size + GC_BUF_DOUBLE_MAX;
}

// gc's fill, when it needs the byte at offset o.
static void refill(Lexer *lx, uint32_t o) {
    uint32_t b = lx->seg != NO_SEG ? lx->seg : o;
    if ((uint64_t)(lx->lim - b) * 2 > lx->gcbuf)
        lx->gcbuf = gc_next_size(lx->gcbuf);
    uint64_t e = (uint64_t)b + lx->gcbuf - 1;
    lx->lim = e < lx->size ? (uint32_t)e : lx->size;
}

// Go's utf8.FullRune: whether s[0..n) holds a whole encoding or an
// invalid one (which decodes as one bad byte).
static bool full_rune(const unsigned char *s, uint32_t n) {
    if (n == 0)
        return false;
    unsigned c = s[0], lo = 0x80, hi = 0xBF;
    if (c < 0xC2 || c > 0xF4)
        return true;
    uint32_t need = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (c == 0xE0)
        lo = 0xA0;
    else if (c == 0xED)
        hi = 0x9F;
    else if (c == 0xF0)
        lo = 0x90;
    else if (c == 0xF4)
        hi = 0x8F;
    if (n >= need)
        return true;
    if (n > 1 && (s[1] < lo || s[1] > hi))
        return true;
    return n > 2 && (s[2] < 0x80 || s[2] > 0xBF);
}

// The rare path of nextch, for offset o: the end of gc's chunk (or of the
// file), a NUL byte, a non-ASCII sequence or a BOM. Returns false when
// bytes were reported and skipped (gc's reader drops them, so a literal or
// name simply continues) or a chunk was started; nextch then reads on.
static bool __attribute__((noinline)) read_special(Lexer *lx, uint32_t o) {
    const unsigned char *s = (const unsigned char *)lx->text + o;
    if (o >= lx->lim) {
        if (o >= lx->size) {
            lx->ch = CH_EOF;
            lx->chw = 0;
            return true;
        }
        refill(lx, o);
        if (s[0] != 0)
            return false;
        lx->ch = 0;  // the unchecked NUL described above
        lx->chw = 1;
        lx->off = o + 1;
        return true;
    }
    if (s[0] == 0) {
        lex_error(lx, o, "invalid NUL character");
        lx->off = o + 1;
        return false;
    }
    // A sequence cut by the chunk end makes gc read on first.
    if (lx->lim - o < 4 && lx->lim < lx->size && !full_rune(s, lx->lim - o))
        refill(lx, o);
    int32_t r;
    int w = lex_decode_utf8(s, lx->lim - o, &r);
    if (w == 0) {
        lex_error(lx, o, "invalid UTF-8 encoding");
        lx->off = o + 1;
        return false;
    }
    lx->off = o + (uint32_t)w;
    if (r == RUNE_BOM) {
        if (o != 0)
            lex_error(lx, o, "invalid BOM in the middle of the file");
        return false;
    }
    lx->ch = r;
    lx->chw = w;
    return true;
}

// Advances ch to the character at off. Line starts are registered as soon
// as a newline is read, so every position up to ch resolves.
static inline void nextch(Lexer *lx) {
    for (;;) {
        uint32_t o = lx->off;
        if (o < lx->lim) {
            unsigned char c = (unsigned char)lx->text[o];
            if (c - 1u < 0x7Fu) {  // ASCII, not NUL
                lx->ch = c;
                lx->chw = 1;
                lx->off = o + 1;
                if (c == '\n')
                    pos_add_line(lx->src, o + 1);
                return;
            }
        }
        if (read_special(lx, o))
            return;
    }
}

// Skips ch and then the bytes after it up to one whose class has a bit of
// `end` (a BC_END_ class, which includes NUL, newline and non-ASCII), and
// reads the next character. Callers have checked that ch itself needs no
// attention.
static inline void skip_plain(Lexer *lx, unsigned end) {
    const unsigned char *s = (const unsigned char *)lx->text;
    uint32_t p = lx->off, n = lx->lim;
    while (p < n && !(lex_byte_class[s[p]] & end))
        p++;
    lx->off = p;
    nextch(lx);
}

// ---- names and keywords ----

static TokKind keyword(const char *s, uint32_t n) {
#define KW(word, tk)                                              \
    if (n == sizeof(word) - 1 && memcmp(s, word, sizeof(word) - 1) == 0) \
        return tk;
    switch (s[0]) {
    case 'b': KW("break", TK_BREAK) break;
    case 'c':
        KW("case", TK_CASE) KW("chan", TK_CHAN) KW("const", TK_CONST)
        KW("continue", TK_CONTINUE) break;
    case 'd': KW("default", TK_DEFAULT) KW("defer", TK_DEFER) break;
    case 'e': KW("else", TK_ELSE) break;
    case 'f': KW("for", TK_FOR) KW("func", TK_FUNC) KW("fallthrough", TK_FALLTHROUGH) break;
    case 'g': KW("go", TK_GO) KW("goto", TK_GOTO) break;
    case 'i': KW("if", TK_IF) KW("import", TK_IMPORT) KW("interface", TK_INTERFACE) break;
    case 'm': KW("map", TK_MAP) break;
    case 'p': KW("package", TK_PACKAGE) break;
    case 'r': KW("range", TK_RANGE) KW("return", TK_RETURN) break;
    case 's': KW("select", TK_SELECT) KW("struct", TK_STRUCT) KW("switch", TK_SWITCH) break;
    case 't': KW("type", TK_TYPE) break;
    case 'v': KW("var", TK_VAR) break;
    }
#undef KW
    return TK_NAME;
}

// Decides whether the non-ASCII ch may continue (or, if first, start) a
// name. Like gc, any non-ASCII character is taken into the name so that a
// stray symbol yields one error rather than a cascade.
static void check_ident_char(Lexer *lx, bool first) {
    char buf[32];
    int32_t c = lx->ch;
    if (lex_is_letter(c))
        return;
    if (lex_is_digit(c)) {
        if (first)
            lex_error(lx, CUR(lx), "identifier cannot begin with digit %s", lex_fmt_U(buf, (uint32_t)c));
        return;
    }
    lex_error(lx, CUR(lx), "invalid character %s in identifier", lex_fmt_U(buf, (uint32_t)c));
}

static void scan_ident(Lexer *lx, uint32_t start) {
    Token *t = &lx->tok;
    const unsigned char *s = (const unsigned char *)lx->text;
    // ch (the first character) is accepted; run over plain ASCII.
    uint32_t p = lx->off;
    while (p < lx->lim && is_ident_byte(s[p]))
        p++;
    lx->off = p;
    nextch(lx);
    while (lx->ch >= 0x80 || (lx->ch >= 0 && is_ident_byte((unsigned char)lx->ch))) {
        if (lx->ch >= 0x80)
            check_ident_char(lx, false);
        nextch(lx);
    }
    uint32_t n = CUR(lx) - start;
    const char *name = lx->text + start;
    if (n >= 2 && n <= 11 && name[0] >= 'b' && name[0] <= 'v') {
        TokKind k = keyword(name, n);
        if (k != TK_NAME) {
            t->kind = k;
            lx->nlsemi = k == TK_BREAK || k == TK_CONTINUE || k == TK_FALLTHROUGH ||
                         k == TK_RETURN;
            return;
        }
    }
    t->kind = TK_NAME;
    t->lit = str_intern(name, n);
    lx->nlsemi = true;
}

// ---- literals ----

static void set_lit(Lexer *lx, uint32_t start, LitKind kind, bool ok) {
    Token *t = &lx->tok;
    t->kind = TK_LITERAL;
    t->lit_kind = kind;
    t->bad = !ok;
    t->lit = str_in_arena(lx->arena, lx->text + start, CUR(lx) - start);
    lx->nlsemi = true;
}

static const char *base_name(int base) {
    switch (base) {
    case 2: return "binary";
    case 8: return "octal";
    case 10: return "decimal";
    case 16: return "hexadecimal";
    }
    unreachable();
}

// Consumes { digit | '_' }. For bases up to 10 any decimal digit is taken,
// and the offset (from start) of the first one too large for the base is
// kept in *invalid, so the error can name it once the literal is known to
// be an integer. Returns bit 0 if a digit was seen, bit 1 if a '_' was.
static int scan_digits(Lexer *lx, int base, uint32_t start, int *invalid) {
    int seen = 0;
    if (base <= 10) {
        int32_t max = '0' + base;
        for (;; nextch(lx)) {
            int32_t c = lx->ch;
            if (c == '_') {
                seen |= 2;
            } else if (is_decimal(c)) {
                seen |= 1;
                if (c >= max && *invalid < 0)
                    *invalid = (int)(CUR(lx) - start);
            } else {
                break;
            }
        }
    } else {
        for (; is_hex(lx->ch) || lx->ch == '_'; nextch(lx))
            seen |= lx->ch == '_' ? 2 : 1;
    }
    return seen;
}

// Index of the first '_' in a number literal that does not sit between two
// digits (a base prefix counts as a digit), or -1.
static int invalid_sep(const char *x, int n) {
    int32_t x1 = ' ';  // the prefix letter, if any; only 'x' matters
    int prev, cur = '.';  // '0' digit, '_' separator, '.' anything else
    int i = 0;
    if (n >= 2 && x[0] == '0') {
        x1 = lower((unsigned char)x[1]);
        if (x1 == 'x' || x1 == 'o' || x1 == 'b') {
            cur = '0';
            i = 2;
        }
    }
    for (; i < n; i++) {
        prev = cur;
        int c = (unsigned char)x[i];
        if (c == '_') {
            if (prev != '0')
                return i;
            cur = '_';
        } else if (is_decimal(c) || (x1 == 'x' && is_hex(c))) {
            cur = '0';
        } else {
            if (prev == '_')
                return i - 1;
            cur = '.';
        }
    }
    return cur == '_' ? n - 1 : -1;
}

// Numbers: gc's grammar is permissive first and precise in its errors, so
// the whole literal is consumed before deciding what is wrong with it.
static void scan_number(Lexer *lx, uint32_t start, bool seen_point) {
    char qb[16];
    bool ok = true;
    LitKind kind = LIT_INT;
    int base = 10;
    int prefix = 0;  // 0 decimal, '0' old octal, 'x', 'o' or 'b'
    int seen = 0;
    int invalid = -1;

    if (!seen_point) {
        if (lx->ch == '0') {
            nextch(lx);
            switch (lower(lx->ch)) {
            case 'x': nextch(lx); base = 16; prefix = 'x'; break;
            case 'o': nextch(lx); base = 8; prefix = 'o'; break;
            case 'b': nextch(lx); base = 2; prefix = 'b'; break;
            default: base = 8; prefix = '0'; seen = 1; break;  // the 0 is a digit
            }
        }
        seen |= scan_digits(lx, base, start, &invalid);
        if (lx->ch == '.') {
            if (prefix == 'o' || prefix == 'b') {
                lex_error(lx, CUR(lx), "invalid radix point in %s literal", base_name(base));
                ok = false;
            }
            nextch(lx);
            seen_point = true;
        }
    }
    if (seen_point) {
        kind = LIT_FLOAT;
        seen |= scan_digits(lx, base, start, &invalid);
    }
    if (!(seen & 1) && ok) {
        lex_error(lx, CUR(lx), "%s literal has no digits", base_name(base));
        ok = false;
    }

    int32_t e = lower(lx->ch);
    if (e == 'e' || e == 'p') {
        if (ok && e == 'e' && prefix != 0 && prefix != '0') {
            lex_error(lx, CUR(lx), "%s exponent requires decimal mantissa", lex_fmt_q(qb, lx->ch));
            ok = false;
        } else if (ok && e == 'p' && prefix != 'x') {
            lex_error(lx, CUR(lx), "%s exponent requires hexadecimal mantissa", lex_fmt_q(qb, lx->ch));
            ok = false;
        }
        nextch(lx);
        kind = LIT_FLOAT;
        if (lx->ch == '+' || lx->ch == '-')
            nextch(lx);
        int unused = -1;
        seen = scan_digits(lx, 10, start, &unused) | (seen & 2);
        if (!(seen & 1) && ok) {
            lex_error(lx, CUR(lx), "exponent has no digits");
            ok = false;
        }
    } else if (prefix == 'x' && kind == LIT_FLOAT && ok) {
        lex_error(lx, CUR(lx), "hexadecimal mantissa requires a 'p' exponent");
        ok = false;
    }

    if (lx->ch == 'i') {
        kind = LIT_IMAG;
        nextch(lx);
    }
    set_lit(lx, start, kind, ok);

    if (kind == LIT_INT && invalid >= 0 && ok) {
        lex_error(lx, start + (uint32_t)invalid, "invalid digit %s in %s literal",
                  lex_fmt_q(qb, (unsigned char)lx->text[start + (uint32_t)invalid]), base_name(base));
        ok = false;
    }
    if ((seen & 2) && ok) {
        int i = invalid_sep(lx->text + start, (int)(CUR(lx) - start));
        if (i >= 0) {
            lex_error(lx, start + (uint32_t)i, "'_' must separate successive digits");
            ok = false;
        }
    }
    lx->tok.bad = !ok;
}

// An escape after the backslash. At EOF it reports nothing and succeeds,
// leaving the complaint about the unterminated literal to the caller.
static bool scan_escape(Lexer *lx, int32_t quote) {
    char buf[32];
    int n, base;
    uint32_t max;
    switch (lx->ch) {
    case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v': case '\\':
        nextch(lx);
        return true;
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
        n = 3, base = 8, max = 255;
        break;
    case 'x': nextch(lx); n = 2, base = 16, max = 255; break;
    case 'u': nextch(lx); n = 4, base = 16, max = MAX_RUNE; break;
    case 'U': nextch(lx); n = 8, base = 16, max = MAX_RUNE; break;
    default:
        if (lx->ch == quote) {
            nextch(lx);
            return true;
        }
        if (lx->ch < 0)
            return true;
        lex_error(lx, CUR(lx), "unknown escape");
        return false;
    }

    uint32_t x = 0;
    for (int i = 0; i < n; i++) {
        int32_t c = lx->ch;
        if (c < 0)
            return true;
        int d = base;
        if (is_decimal(c))
            d = c - '0';
        else if ((unsigned)(lower(c) - 'a') < 6)
            d = lower(c) - 'a' + 10;
        if (d >= base) {
            lex_error(lx, CUR(lx), "invalid character %s in %s escape", lex_fmt_q(buf, c),
                      base_name(base));
            return false;
        }
        x = x * (uint32_t)base + (uint32_t)d;
        nextch(lx);
    }
    if (x > max && base == 8) {
        lex_error(lx, CUR(lx), "octal escape value %u > 255", x);
        return false;
    }
    if (x > max || (x >= 0xD800 && x < 0xE000)) {
        lex_error(lx, CUR(lx), "escape is invalid Unicode code point %s", lex_fmt_U(buf, x));
        return false;
    }
    return true;
}

static void scan_rune(Lexer *lx, uint32_t start) {
    bool ok = true;
    nextch(lx);
    for (int n = 0;; n++) {
        int32_t c = lx->ch;
        if (c == '\'') {
            if (ok && n == 0) {
                lex_error(lx, CUR(lx), "empty rune literal or unescaped '");
                ok = false;
            } else if (ok && n != 1) {
                lex_error(lx, start, "more than one character in rune literal");
                ok = false;
            }
            nextch(lx);
            break;
        }
        if (c == '\\') {
            nextch(lx);
            if (!scan_escape(lx, '\''))
                ok = false;
            continue;
        }
        if (c == '\n') {
            if (ok) {
                lex_error(lx, CUR(lx), "newline in rune literal");
                ok = false;
            }
            break;
        }
        if (c < 0) {
            if (ok) {
                lex_error(lx, start, "rune literal not terminated");
                ok = false;
            }
            break;
        }
        nextch(lx);
    }
    set_lit(lx, start, LIT_RUNE, ok);
}

static void scan_string(Lexer *lx, uint32_t start) {
    bool ok = true;
    nextch(lx);
    for (;;) {
        int32_t c = lx->ch;
        if (c == '"') {
            nextch(lx);
            break;
        }
        if (c == '\\') {
            nextch(lx);
            if (!scan_escape(lx, '"'))
                ok = false;
            continue;
        }
        if (c == '\n') {
            lex_error(lx, CUR(lx), "newline in string");
            ok = false;
            break;
        }
        if (c < 0) {
            lex_error(lx, start, "string not terminated");
            ok = false;
            break;
        }
        skip_plain(lx, BC_END_STRING);
    }
    set_lit(lx, start, LIT_STRING, ok);
}

// Raw strings: the token text drops carriage returns (the contract in
// syntax.h), which gc removes only later when it computes the value.
static void scan_raw_string(Lexer *lx, uint32_t start) {
    bool ok = true, cr = false;
    nextch(lx);
    for (;;) {
        int32_t c = lx->ch;
        if (c == '`') {
            nextch(lx);
            break;
        }
        if (c < 0) {
            lex_error(lx, start, "string not terminated");
            ok = false;
            break;
        }
        if (c == '\r')
            cr = true;
        skip_plain(lx, BC_END_RAW);
    }
    set_lit(lx, start, LIT_STRING, ok);
    if (cr) {
        uint32_t n = CUR(lx) - start, j = 0;
        char *tmp = xmalloc(n);
        for (uint32_t i = 0; i < n; i++)
            if (lx->text[start + i] != '\r')
                tmp[j++] = lx->text[start + i];
        lx->tok.lit = str_intern(tmp, j);
        free(tmp);
    }
}

// ---- comments and directives ----

static bool at_line_start(Lexer *lx, uint32_t off) {
    return off == 0 || lx->text[off - 1] == '\n';
}

// Parses the decimal number after the last ':' of s[0..n), as gc's
// trailingDigits does with strconv.ParseUint. *colon is one past the ':'
// (0: no ':'); returns whether the digits parsed (non-empty, only digits,
// fits in 64 bits).
static bool trailing_digits(const char *s, uint32_t n, uint32_t *colon, uint64_t *val) {
    uint32_t i = n;
    while (i > 0 && s[i - 1] != ':')
        i--;
    *colon = i;
    *val = 0;
    if (i == 0 || i == n)
        return false;
    uint64_t v = 0;
    for (uint32_t j = i; j < n; j++) {
        if (!is_decimal((unsigned char)s[j]))
            return false;
        unsigned d = (unsigned)(s[j] - '0');
        if (v > (UINT64_MAX - d) / 10)
            return false;
        v = v * 10 + d;
    }
    *val = v;
    return true;
}

// Applies "//line file:line[:col]" or "/*line file:line[:col]*/". text is
// what follows "line " and starts at offset toff; from offset `from` on,
// positions are reported relative to the directive. Malformed directives
// are reported the way gc's parser reports them; a directive without any
// ':' is silently ignored.
static void line_directive(Lexer *lx, const char *text, uint32_t n, uint32_t toff, uint32_t from) {
    uint32_t i, i2;
    uint64_t v, v2;
    bool ok = trailing_digits(text, n, &i, &v);
    if (i == 0)
        return;
    if (!ok) {
        lex_error(lx, toff + i, "invalid line number: %.*s", (int)(n - i), text + i);
        return;
    }
    uint64_t line = v, col = 0;
    bool has_col = trailing_digits(text, i - 1, &i2, &v2);
    if (has_col) {
        // i2 is where the line number starts, i where the column does.
        line = v2;
        col = v;
        if (col == 0 || col > POS_MAX) {
            lex_error(lx, toff + i, "invalid column number: %.*s", (int)(n - i), text + i);
            return;
        }
        n = i - 1;  // drop ":col"
        i = i2;
    }
    if (line == 0 || line > POS_MAX) {
        lex_error(lx, toff + i, "invalid line number: %.*s", (int)(n - i), text + i);
        return;
    }
    Str path = str_intern(text, i - 1);
    if (i == 1 && has_col) {
        // An empty name with a column keeps the current file name.
        SrcFile *f = lx->src;
        path = f->ndirs ? f->dirs[f->ndirs - 1].path : f->path;
    }
    if (!lx->rescan)
        pos_add_line_directive(lx->src, from, path, (int)line, (int)col);
}

// Keeps the directive comment text[start..end) (both kinds have been
// recognised by their prefix) and acts on it as gc's parser does.
static void directive(Lexer *lx, uint32_t start, uint32_t end, bool blank) {
    const char *s = lx->text + start;
    uint32_t len = end - start;
    bool block = s[1] == '*';
    if (!block && s[len - 1] == '\r')
        len--;  // the CR of a CRLF line end is not part of the directive
    Comment c = {LPOS(lx, start), str_intern(s, len), blank};
    if (lx->file && !lx->rescan)
        vec_push(&lx->file->directives, c);
    // The text between the comment markers.
    const char *t = s + 2;
    uint32_t tn = block ? len - 4 : len - 2;
    if (tn >= 5 && memcmp(t, "line ", 5) == 0 && (block || at_line_start(lx, start))) {
        // A line comment's directive applies from the next line; a block
        // comment's right after the comment.
        uint32_t from = block ? end : (end < lx->size ? end + 1 : end);
        line_directive(lx, t + 5, tn - 5, start + 7, from);
        return;
    }
    if (tn >= 3 && memcmp(t, "go:", 3) == 0)
        vec_push(&lx->pending, c);
}

// After "//". Only comments that start with "go:" or "line " are kept.
static void line_comment(Lexer *lx, uint32_t start, bool blank) {
    bool keep = false;
    if (lx->ch == 'g' || lx->ch == 'l') {
        const char *m = lx->ch == 'g' ? "go:" : "line ";
        for (keep = true; *m; m++) {
            if (lx->ch != *m) {
                keep = false;
                break;
            }
            nextch(lx);
        }
    }
    if (!keep)
        lx->seg = NO_SEG;  // gc lets go of the text of plain comments
    while (lx->ch >= 0 && lx->ch != '\n')
        skip_plain(lx, BC_END_LINE);
    if (keep)
        directive(lx, start, CUR(lx), blank);
}

// After "/*". Returns whether the comment contains a newline, in which case
// it ends a line for semicolon insertion.
static bool block_comment(Lexer *lx, uint32_t start, bool blank) {
    bool keep = true, newline = false;
    const char *m = "line ";
    for (; *m; m++) {
        if (lx->ch != *m) {
            keep = false;
            break;
        }
        nextch(lx);
    }
    if (!keep)
        lx->seg = NO_SEG;
    while (lx->ch >= 0) {
        while (lx->ch == '*') {
            nextch(lx);
            if (lx->ch == '/') {
                nextch(lx);
                if (keep)
                    directive(lx, start, CUR(lx), blank);
                return newline;
            }
        }
        if (lx->ch == '\n')
            newline = true;
        skip_plain(lx, BC_END_BLOCK);
    }
    lex_error(lx, start, "comment not terminated");
    return newline;
}

// ---- tokens ----

void lex_init(Lexer *lx, SrcFile *src, Diags *diags, Arena *arena, SynFile *file) {
    memset(lx, 0, sizeof *lx);
    lx->src = src;
    lx->text = src->text;
    lx->size = src->size;
    lx->diags = diags;
    lx->arena = arena;
    lx->file = file;
    lx->ch = ' ';  // a zero-width blank: the first lex_next reads offset 0
    lx->chw = 0;
    lx->lim = 0;   // gc's buffer is empty,
    lx->gcbuf = GC_BUF_MIN;  // and this big
    lx->seg = NO_SEG;
    lx->lit_semicolon = str_cstr("semicolon");
    lx->lit_newline = str_cstr("newline");
    lx->lit_eof = str_cstr("EOF");
}

// gc's scanner, when it backs up over ".." followed by a newline, forgets
// that it already counted that newline, and so counts it twice: from the
// second dot on, every position is one line later than the text says,
// and that dot sits in column 2. Since "..\n" is always followed by a
// syntax error whose position gc prints, we shift positions the same way,
// with a line directive at the second dot.
static void phantom_line(Lexer *lx, uint32_t off) {
    if (lx->rescan)
        return;
    Position p = pos_resolve(LPOS(lx, off));
    pos_add_line_directive(lx->src, off, p.file, p.line + 1, p.col ? 2 : 0);
}

// Sets an operator token, or its assignment form if '=' follows.
static void op_or_assign(Lexer *lx, Op op) {
    Token *t = &lx->tok;
    t->op = op;
    t->prec = op_prec[op];
    if (lx->ch == '=') {
        nextch(lx);
        t->kind = TK_ASSIGNOP;
        return;
    }
    t->kind = TK_OPERATOR;
}

static void set_op(Lexer *lx, TokKind kind, Op op) {
    lx->tok.kind = kind;
    lx->tok.op = op;
    lx->tok.prec = op_prec[op];
}

void lex_next(Lexer *lx) {
    Token *t = &lx->tok;
    bool nlsemi = lx->nlsemi;
    lx->nlsemi = false;
    t->op = OP_NONE;
    t->prec = 0;
    t->bad = false;
    t->lit = NULL;
    if (too_many_errors(lx)) {
        t->kind = TK_EOF;
        t->pos = LPOS(lx, lx->size);
        return;
    }

    for (;;) {
        lx->seg = NO_SEG;
        // A comment is "blank before" if it is the first thing on its line
        // since the previous token or comment (gc's scanner.blank).
        bool blank = at_line_start(lx, CUR(lx));
        for (;;) {
            if (lx->ch == ' ' || lx->ch == '\t' || lx->ch == '\r') {
                // Runs of blanks (indentation) are skipped bytewise.
                const unsigned char *s = (const unsigned char *)lx->text;
                uint32_t p = lx->off;
                while (p < lx->lim && (lex_byte_class[s[p]] & BC_SPACE))
                    p++;
                lx->off = p;
            } else if (lx->ch == '\n' && !nlsemi) {
                blank = true;
            } else {
                break;
            }
            nextch(lx);
        }
        uint32_t start = CUR(lx);
        t->pos = LPOS(lx, start);
        lx->seg = start;
        int32_t c = lx->ch;
        if (is_ascii_letter(c)) {
            scan_ident(lx, start);
            return;
        }
        if (c >= 0x80) {
            check_ident_char(lx, true);
            scan_ident(lx, start);
            return;
        }
        switch (c) {
        case CH_EOF:
            if (nlsemi) {
                t->kind = TK_SEMI;
                t->lit = lx->lit_eof;
            } else {
                t->kind = TK_EOF;
            }
            return;
        case '\n':
            nextch(lx);
            t->kind = TK_SEMI;
            t->lit = lx->lit_newline;
            return;
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
            scan_number(lx, start, false);
            return;
        case '"': scan_string(lx, start); return;
        case '`': scan_raw_string(lx, start); return;
        case '\'': scan_rune(lx, start); return;
        case '(': nextch(lx); t->kind = TK_LPAREN; return;
        case '[': nextch(lx); t->kind = TK_LBRACK; return;
        case '{': nextch(lx); t->kind = TK_LBRACE; return;
        case ',': nextch(lx); t->kind = TK_COMMA; return;
        case ';':
            nextch(lx);
            t->kind = TK_SEMI;
            t->lit = lx->lit_semicolon;
            return;
        case ')': nextch(lx); lx->nlsemi = true; t->kind = TK_RPAREN; return;
        case ']': nextch(lx); lx->nlsemi = true; t->kind = TK_RBRACK; return;
        case '}': nextch(lx); lx->nlsemi = true; t->kind = TK_RBRACE; return;
        case ':':
            nextch(lx);
            if (lx->ch == '=') {
                nextch(lx);
                t->kind = TK_DEFINE;
            } else {
                t->kind = TK_COLON;
            }
            return;
        case '.':
            nextch(lx);
            if (is_decimal(lx->ch)) {
                scan_number(lx, start, true);
                return;
            }
            if (lx->ch == '.') {
                nextch(lx);
                if (lx->ch == '.') {
                    nextch(lx);
                    t->kind = TK_DOTDOTDOT;
                    return;
                }
                // ".." is two dots: reread from the second one, as gc does.
                if (lx->ch == '\n')
                    phantom_line(lx, start + 1);
                lx->off = start;
                nextch(lx);
                nextch(lx);
            }
            t->kind = TK_DOT;
            return;
        case '+':
        case '-':
            nextch(lx);
            if (lx->ch == c) {
                nextch(lx);
                lx->nlsemi = true;
                set_op(lx, TK_INCOP, c == '+' ? OP_ADD : OP_SUB);
                return;
            }
            op_or_assign(lx, c == '+' ? OP_ADD : OP_SUB);
            return;
        case '*':
            nextch(lx);
            // Not op_or_assign: a lone '*' is its own token kind.
            if (lx->ch == '=') {
                nextch(lx);
                set_op(lx, TK_ASSIGNOP, OP_MUL);
            } else {
                set_op(lx, TK_STAR, OP_MUL);
            }
            return;
        case '/':
            nextch(lx);
            if (lx->ch == '/') {
                nextch(lx);
                line_comment(lx, start, blank);
                continue;
            }
            if (lx->ch == '*') {
                nextch(lx);
                if (block_comment(lx, start, blank) && nlsemi) {
                    t->kind = TK_SEMI;
                    t->lit = lx->lit_newline;
                    return;
                }
                continue;
            }
            op_or_assign(lx, OP_DIV);
            return;
        case '%': nextch(lx); op_or_assign(lx, OP_REM); return;
        case '&':
            nextch(lx);
            if (lx->ch == '&') {
                nextch(lx);
                set_op(lx, TK_OPERATOR, OP_ANDAND);
                return;
            }
            if (lx->ch == '^') {
                nextch(lx);
                op_or_assign(lx, OP_ANDNOT);
                return;
            }
            op_or_assign(lx, OP_AND);
            return;
        case '|':
            nextch(lx);
            if (lx->ch == '|') {
                nextch(lx);
                set_op(lx, TK_OPERATOR, OP_OROR);
                return;
            }
            op_or_assign(lx, OP_OR);
            return;
        case '^': nextch(lx); op_or_assign(lx, OP_XOR); return;
        case '<':
            nextch(lx);
            if (lx->ch == '=') {
                nextch(lx);
                set_op(lx, TK_OPERATOR, OP_LEQ);
            } else if (lx->ch == '<') {
                nextch(lx);
                op_or_assign(lx, OP_SHL);
            } else if (lx->ch == '-') {
                nextch(lx);
                set_op(lx, TK_ARROW, OP_RECV);
            } else {
                set_op(lx, TK_OPERATOR, OP_LSS);
            }
            return;
        case '>':
            nextch(lx);
            if (lx->ch == '=') {
                nextch(lx);
                set_op(lx, TK_OPERATOR, OP_GEQ);
            } else if (lx->ch == '>') {
                nextch(lx);
                op_or_assign(lx, OP_SHR);
            } else {
                set_op(lx, TK_OPERATOR, OP_GTR);
            }
            return;
        case '=':
            nextch(lx);
            if (lx->ch == '=') {
                nextch(lx);
                set_op(lx, TK_OPERATOR, OP_EQL);
            } else {
                t->kind = TK_ASSIGN;
            }
            return;
        case '!':
            nextch(lx);
            if (lx->ch == '=') {
                nextch(lx);
                set_op(lx, TK_OPERATOR, OP_NEQ);
            } else {
                set_op(lx, TK_OPERATOR, OP_NOT);
            }
            return;
        case '~': nextch(lx); set_op(lx, TK_OPERATOR, OP_TILDE); return;
        default: {
            char buf[32];
            if (too_many_errors(lx)) {
                t->kind = TK_EOF;
                return;
            }
            lex_error(lx, start, "invalid character %s", lex_fmt_U(buf, (uint32_t)c));
            nextch(lx);
            continue;
        }
        }
    }
}

// ---- debugging ----

static const char *const lit_kind_names[] = {"int", "float", "imag", "rune", "string"};

// Token text with every byte outside printable ASCII (and the backslash)
// written as \xHH, so one token stays on one line.
static void put_escaped(Buf *out, const char *s) {
    for (size_t i = 0, n = str_len(s); i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7f && c != '\\')
            buf_putc(out, (char)c);
        else
            buf_printf(out, "\\x%02x", c);
    }
}

void syn_lex_dump(Buf *out, SrcFile *src, Diags *d) {
    Lexer lx;
    Arena arena = {0};
    lex_init(&lx, src, d, &arena, NULL);
    do {
        lex_next(&lx);
        Token *t = &lx.tok;
        Position p = pos_resolve_raw(t->pos);
        buf_printf(out, "%d:%d %s", p.line, p.col, tok_names[t->kind]);
        switch (t->kind) {
        case TK_NAME:
        case TK_SEMI:
            buf_putc(out, ' ');
            put_escaped(out, t->lit);
            break;
        case TK_LITERAL:
            buf_printf(out, " %s%s ", lit_kind_names[t->lit_kind], t->bad ? " bad" : "");
            put_escaped(out, t->lit);
            break;
        case TK_OPERATOR:
        case TK_ASSIGNOP:
        case TK_INCOP:
        case TK_STAR:
        case TK_ARROW:
            buf_printf(out, " %s %d", op_names[t->op], t->prec);
            break;
        default:
            break;
        }
        buf_putc(out, '\n');
    } while (lx.tok.kind != TK_EOF);
    vec_free(&lx.pending);
    arena_free(&arena);
}

// ---- skipping a block (lazy parsing) ----

// The bytes at which the skip must look: braces and the openers of
// literals and comments. Runs of any other byte, most of a body, are
// passed over with one table load a byte and no branch on what the byte
// is. Newlines need no stop: every one up to the closing brace starts a
// line (one inside a string or rune literal fails the skip), so they are
// recorded in one pass at the end.
static const unsigned char skip_stop[256] = {
    ['{'] = 1, ['}'] = 1, ['"'] = 1, ['\''] = 1, ['`'] = 1, ['/'] = 1,
};

static bool has_prefix_at(const char *s, uint32_t p, uint32_t n, const char *pre) {
    size_t k = strlen(pre);
    return p + k <= n && memcmp(s + p, pre, k) == 0;
}

// The offset of the first "*/" at or after p, or n.
static uint32_t comment_end(const char *s, uint32_t p, uint32_t n) {
    const char *q = s + p, *end = s + n;
    while ((q = memchr(q, '*', (size_t)(end - q))) != NULL && q + 1 < end && q[1] != '/')
        q++;
    return q && q + 1 < end ? (uint32_t)(q - s) : n;
}

bool lex_skip_block(Lexer *lx) {
    if (lx->tok.kind != TK_LBRACE)
        return false;
    if (lx->nul_free == 0)
        lx->nul_free = memchr(lx->text, 0, lx->size) ? -1 : 1;
    if (lx->nul_free < 0)
        return false;   // gc's buffer refills, which only the tokenizer follows
    const char *text = lx->text;
    const unsigned char *s = (const unsigned char *)text;
    uint32_t n = lx->size, start = CUR(lx), p = start;
    int depth = 1;
    for (;;) {
        while (p + 4 <= n && !(skip_stop[s[p]] | skip_stop[s[p + 1]] | skip_stop[s[p + 2]] | skip_stop[s[p + 3]]))
            p += 4;
        while (p < n && !skip_stop[s[p]])
            p++;
        if (p >= n)
            return false;
        if (s[p] == '{') {
            depth++;
            p++;
        } else if (s[p] == '}') {
            if (--depth == 0)
                break;
            p++;
        } else if (s[p] == '"' || s[p] == '\'') {
            unsigned char q = s[p++];
            while (p < n && s[p] != q && s[p] != '\n') {
                // an escaped newline is an error the tokenizer reports
                if (s[p] == '\\' && p + 1 < n && s[p + 1] == '\n')
                    return false;
                p += s[p] == '\\' ? 2 : 1;
            }
            if (p >= n || s[p] != q)
                return false;
            p++;
        } else if (s[p] == '`') {
            const char *e = memchr(text + p + 1, '`', n - p - 1);
            if (!e)
                return false;
            p = (uint32_t)(e - text) + 1;
        } else if (p + 1 < n && s[p + 1] == '/') {
            // directives are the tokenizer's business
            if (has_prefix_at(text, p, n, "//line ") || has_prefix_at(text, p, n, "//go:"))
                return false;
            const char *e = memchr(text + p, '\n', n - p);
            p = e ? (uint32_t)(e - text) : n;
        } else if (p + 1 < n && s[p + 1] == '*') {
            if (has_prefix_at(text, p, n, "/*line "))
                return false;
            p = comment_end(text, p + 2, n);
            if (p >= n)
                return false;
            p += 2;
        } else {
            p++;    // a division
        }
    }
    for (const char *q = text + start, *end = text + p; (q = memchr(q, '\n', (size_t)(end - q))) != NULL;)
        pos_add_line(lx->src, (uint32_t)(++q - text));
    // The '}' is read as the tokenizer would have read it.
    lx->off = p;
    lx->seg = NO_SEG;
    nextch(lx);
    lex_next(lx);
    return true;
}
