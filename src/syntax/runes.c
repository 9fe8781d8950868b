// runes.c: the lexer's view of Unicode, apart from its byte-level reader:
// Go 1.19's letter, digit and printable classes (binary search in the
// generated tables of unicode_tables.c), UTF-8 encoding and strict
// decoding as Go's utf8 package does it, and the %#U and %q renderings
// of a rune that gc's scanner errors quote. Nothing here keeps state.
#include <stdio.h>

#include "syntax.h"

enum { MAX_RUNE = 0x10FFFF };

static bool in_ranges(const uint32_t (*r)[2], int n, int32_t c) {
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if ((uint32_t)c < r[mid][0])
            hi = mid - 1;
        else if ((uint32_t)c > r[mid][1])
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

// Go's unicode.IsLetter: '_' is a letter only to the lexer's is_ascii_letter.
bool lex_is_letter(int32_t c) {
    return c < 0x80 ? (unsigned)((c | 0x20) - 'a') < 26 : in_ranges(uni_letter, uni_letter_len, c);
}
bool lex_is_digit(int32_t c) {
    return c < 0x80 ? (unsigned)(c - '0') < 10 : in_ranges(uni_digit, uni_digit_len, c);
}
// Go's strconv.IsPrint, which decides how fmt's %q and %#U show a rune.
bool lex_is_print(int32_t c) {
    if (c < 0x80)
        return c >= 0x20 && c < 0x7f;
    return c <= MAX_RUNE && in_ranges(uni_print, uni_print_len, c);
}

int lex_encode_utf8(char *b, int32_t c) {
    if (c < 0x80) {
        b[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        b[0] = (char)(0xC0 | (c >> 6));
        b[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        b[0] = (char)(0xE0 | (c >> 12));
        b[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        b[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    b[0] = (char)(0xF0 | (c >> 18));
    b[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    b[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    b[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

// Decodes one multi-byte sequence as Go's utf8.DecodeRune accepts it (no
// overlong forms, no surrogates, nothing past U+10FFFF). Returns its length,
// or 0 if the bytes at s are not valid UTF-8.
int lex_decode_utf8(const unsigned char *s, uint32_t avail, int32_t *r) {
    unsigned c = s[0];
    int n;
    unsigned lo = 0x80, hi = 0xBF;  // bounds for the second byte
    if (c >= 0xC2 && c <= 0xDF)
        n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    if (avail < (uint32_t)n || s[1] < lo || s[1] > hi)
        return 0;
    int32_t v = (int32_t)(c & (0x7F >> n));
    for (int i = 1; i < n; i++) {
        if (i > 1 && (s[i] < 0x80 || s[i] > 0xBF))
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    *r = v;
    return n;
}

// fmt's %#U: "U+00E9 'é'", the quoted form only for printable runes.
const char *lex_fmt_U(char *buf, uint32_t c) {
    int n = sprintf(buf, "U+%04X", c);
    if (c <= MAX_RUNE && lex_is_print((int32_t)c)) {
        buf[n++] = ' ';
        buf[n++] = '\'';
        n += lex_encode_utf8(buf + n, (int32_t)c);
        buf[n++] = '\'';
        buf[n] = 0;
    }
    return buf;
}

// fmt's %q of a rune (strconv.QuoteRune).
const char *lex_fmt_q(char *buf, int32_t c) {
    static const char hex[] = "0123456789abcdef";
    int n = 0;
    buf[n++] = '\'';
    if (c == '\'' || c == '\\') {
        buf[n++] = '\\';
        buf[n++] = (char)c;
    } else if (lex_is_print(c)) {
        n += lex_encode_utf8(buf + n, c);
    } else if (c >= '\a' && c <= '\r') {  // \a \b \t \n \v \f \r
        buf[n++] = '\\';
        buf[n++] = "abtnvfr"[c - '\a'];
    } else if (c < ' ' || c == 0x7f) {
        buf[n++] = '\\';
        buf[n++] = 'x';
        buf[n++] = hex[(c >> 4) & 0xF];
        buf[n++] = hex[c & 0xF];
    } else {
        if (c > MAX_RUNE || (c >= 0xD800 && c < 0xE000))
            c = 0xFFFD;
        n += sprintf(buf + n, c < 0x10000 ? "\\u%04x" : "\\U%08x", (unsigned)c);
    }
    buf[n++] = '\'';
    buf[n] = 0;
    return buf;
}
