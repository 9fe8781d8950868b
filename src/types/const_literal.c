// const_literal.c: constant values from literal source text, after
// go/constant's MakeFromLiteral and strconv's Unquote: integers with
// 0x/0o/0b/0 prefixes and '_' separators, decimal and hexadecimal floats,
// imaginary literals, and rune and string literals with their escapes.
// It builds values only through const.c's constructors, so the layout of
// a Const stays private to const.c.
#include "types.h"

#include <stdlib.h>
#include <string.h>

// Copies text without '_' separators into a NUL-terminated scratch string.
static char *strip_underscores(const char *s, size_t n) {
    char *r = xmalloc(n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != '_')
            r[k++] = s[i];
    r[k] = 0;
    return r;
}

static int digit_val(int c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return 16;
}

// An integer literal (prefixes 0x 0o 0b, legacy octal 0777).
static bool parse_int(const char *s, mpz_t z) {
    int base = 10;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) base = 16, s += 2;
    else if (s[0] == '0' && (s[1] == 'o' || s[1] == 'O')) base = 8, s += 2;
    else if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) base = 2, s += 2;
    else if (s[0] == '0' && s[1]) base = 8, s += 1;
    if (!*s)
        return false;
    for (const char *t = s; *t; t++)
        if (digit_val((unsigned char)*t) >= base)
            return false;
    return mpz_set_str(z, s, base) == 0;
}

// A float literal: decimal with optional exponent e±N, or hexadecimal
// with binary exponent p±N. Leading zeros are decimal (also in imaginary
// literals, as big.Float.SetString reads them).
static bool parse_float(const char *s, mpq_t q) {
    bool hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
    int base = 10;
    if (hex)
        s += 2, base = 16;
    else if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B' || s[1] == 'o' || s[1] == 'O'))
        return false;
    mpz_t m, pw;
    mpz_inits(m, pw, NULL);
    long frac = 0;  // digits after the point
    bool seen_point = false, any = false;
    for (; *s; s++) {
        if (*s == '.') {
            if (seen_point)
                goto bad;
            seen_point = true;
            continue;
        }
        int d = digit_val((unsigned char)*s);
        if (d >= base)
            break;
        mpz_mul_ui(m, m, (unsigned long)base);
        mpz_add_ui(m, m, (unsigned long)d);
        if (seen_point)
            frac++;
        any = true;
    }
    if (!any)
        goto bad;
    long exp = 0;
    if (*s) {
        if (hex ? (*s != 'p' && *s != 'P') : (*s != 'e' && *s != 'E'))
            goto bad;
        s++;
        int sign = 1;
        if (*s == '+' || *s == '-')
            sign = *s++ == '-' ? -1 : 1;
        if (!*s)
            goto bad;
        for (; *s; s++) {
            if (*s < '0' || *s > '9')
                goto bad;
            if (exp < 100000000)
                exp = exp * 10 + (*s - '0');
        }
        exp *= sign;
    }
    mpq_set_z(q, m);
    if (mpz_sgn(m) != 0) {
        if (hex) {
            long e2 = exp - 4 * frac;
            if (e2 > 400000 || e2 < -400000)
                goto bad;
            if (e2 >= 0)
                mpq_mul_2exp(q, q, (mp_bitcnt_t)e2);
            else
                mpq_div_2exp(q, q, (mp_bitcnt_t)-e2);
        } else {
            long e10 = exp - frac;
            if (e10 > 100000 || e10 < -100000)
                goto bad;  // see the file comment: refused, not approximated
            mpz_ui_pow_ui(pw, 10, (unsigned long)(e10 < 0 ? -e10 : e10));
            mpq_t t;
            mpq_init(t);
            mpq_set_z(t, pw);
            if (e10 >= 0)
                mpq_mul(q, q, t);
            else
                mpq_div(q, q, t);
            mpq_clear(t);
        }
    }
    mpz_clears(m, pw, NULL);
    return true;
bad:
    mpz_clears(m, pw, NULL);
    return false;
}

// Unquotes the body of a '...' or "..." literal (between the quotes) into
// b. Escapes \x and octal produce raw bytes, \u and \U UTF-8. A rune
// literal's value is returned in *rune (its only character or escape).
static bool unquote_body(const char *s, size_t n, Buf *b, uint32_t *rune, int *nrunes) {
    *nrunes = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        uint32_t r;
        if (c != '\\') {
            int w;
            r = types_decode_rune((const unsigned char *)s + i, n - i, &w);
            buf_put(b, s + i, (size_t)w);
            i += (size_t)w;
        } else {
            if (i + 1 >= n)
                return false;
            char e = s[i + 1];
            i += 2;
            int digits = 0, base = 16;
            bool raw_byte = false;
            switch (e) {
            case 'a': r = 7; break;
            case 'b': r = 8; break;
            case 'f': r = 12; break;
            case 'n': r = 10; break;
            case 'r': r = 13; break;
            case 't': r = 9; break;
            case 'v': r = 11; break;
            case '\\': r = '\\'; break;
            case '\'': r = '\''; break;
            case '"': r = '"'; break;
            case 'x': digits = 2; raw_byte = true; break;
            case 'u': digits = 4; break;
            case 'U': digits = 8; break;
            default:
                if (e >= '0' && e <= '7') {
                    digits = 3, base = 8, raw_byte = true;
                    i--;  // the first digit is part of the number
                } else {
                    return false;
                }
            }
            if (digits) {
                r = 0;
                for (int k = 0; k < digits; k++, i++) {
                    if (i >= n)
                        return false;
                    int d = digit_val((unsigned char)s[i]);
                    if (d >= base)
                        return false;
                    r = r * (uint32_t)base + (uint32_t)d;
                }
                if (raw_byte && r > 255)
                    return false;
            }
            if (raw_byte)
                buf_putc(b, (char)r);
            else
                types_put_utf8(b, r);
        }
        *rune = r;
        (*nrunes)++;
    }
    return true;
}

Const *types_const_from_literal(ConstPool *p, LitKind kind, const char *text, size_t n) {
    Const *res = types_const_unknown();
    switch (kind) {
    case LIT_INT: {
        char *s = strip_underscores(text, n);
        mpz_t z;
        mpz_init(z);
        if (parse_int(s, z))
            res = types_const_from_mpz(p, z);
        mpz_clear(z);
        free(s);
        break;
    }
    case LIT_FLOAT:
    case LIT_IMAG: {
        if (kind == LIT_IMAG) {
            if (n == 0 || text[n - 1] != 'i')
                break;
            n--;
        }
        char *s = strip_underscores(text, n);
        mpq_t q;
        mpq_init(q);
        bool ok;
        if (kind == LIT_IMAG && s[0] == '0' && strchr("bBoO", s[1]) && s[1]) {
            // 0b/0o imaginary literals are integers read as floats.
            mpz_t z;
            mpz_init(z);
            ok = parse_int(s, z);
            mpq_set_z(q, z);
            mpz_clear(z);
        } else {
            ok = parse_float(s, q);
        }
        if (ok) {
            res = types_const_from_mpq(p, q);
            if (kind == LIT_IMAG)
                res = types_const_make_complex(p, types_const_int64(p, 0), res);
        }
        mpq_clear(q);
        free(s);
        break;
    }
    case LIT_RUNE: {
        if (n < 3 || text[0] != '\'' || text[n - 1] != '\'')
            break;
        Buf b = {0};
        uint32_t r = 0;
        int nr;
        if (unquote_body(text + 1, n - 2, &b, &r, &nr) && nr == 1)
            res = types_const_int64(p, r);
        buf_free(&b);
        break;
    }
    case LIT_STRING: {
        if (n < 2)
            break;
        if (text[0] == '`') {
            // Raw: the lexer already removed carriage returns.
            res = types_const_string(p, text + 1, n - 2);
            break;
        }
        Buf b = {0};
        uint32_t r;
        int nr;
        if (unquote_body(text + 1, n - 2, &b, &r, &nr))
            res = types_const_string(p, b.data ? b.data : "", b.len);
        buf_free(&b);
        break;
    }
    }
    return res;
}
