// const.c: exact constant values, after go/constant. Integers are int64
// while they fit and GMP integers beyond; floats are always exact GMP
// rationals (go/constant also uses rationals, but switches to 512-bit
// big.Float once a numerator or denominator passes 4096 bits; we stay
// exact, which only differs for absurd values, and refuse decimal
// exponents beyond +-100000 in literals). Complex values are pairs of
// int/float values. Values are immutable; every operation returns a new
// value from the caller's ConstPool, which records values holding GMP
// memory so that types_const_pool_free can release them.
//
// Conversions to float32/float64 round to nearest-even by hand from the
// exact rational (GMP's mpq_get_d truncates), so that representability
// and rounding match go/types' roundFloat32/roundFloat64 bit for bit.
//
// Values from literal source text are made in const_literal.c, through
// the constructors here; the layout of a Const stays private to this file.
#include "types.h"

#include <math.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct Const {
    uint8_t kind;       // ConstKind
    bool big;           // CV_INT: the value is in u.z, not u.i
    Const *next_gmp;    // chain of values owning GMP memory (ConstPool)
    union {
        bool b;                                 // CV_BOOL
        // CV_STRING (not NUL-safe). A concatenation is kept as a rope
        // (s NULL, l and r its operands) until its bytes are asked for,
        // as go/constant does: std's long "a" + "b" + ... chains
        // (time/tzdata) would otherwise copy quadratically.
        struct { const char *s; size_t n; Const *l, *r; Arena *arena; } str;
        int64_t i;                              // CV_INT, !big
        mpz_t z;                                // CV_INT, big
        mpq_t q;                                // CV_FLOAT (canonical form)
        struct { Const *re, *im; } c;           // CV_COMPLEX: CV_INT or CV_FLOAT parts
    } u;
};

// The shared unknown value carries no state, so one static suffices.
static Const unknown_value = {.kind = CV_UNKNOWN};

// The bytes of a string value, flattening a rope once (iteratively: the
// chains are thousands deep) into the arena the rope was made in.
static const char *str_bytes(Const *x) {
    if (x->u.str.s || x->u.str.n == 0)
        return x->u.str.s ? x->u.str.s : "";
    char *buf = arena_alloc(x->u.str.arena, x->u.str.n + 1);
    size_t off = 0;
    VEC(Const *) stack = {0};
    vec_push(&stack, x);
    while (stack.len > 0) {
        Const *c = stack.data[--stack.len];
        if (c->u.str.s || c->u.str.n == 0) {
            if (c->u.str.n)
                memcpy(buf + off, c->u.str.s, c->u.str.n);
            off += c->u.str.n;
            continue;
        }
        vec_push(&stack, c->u.str.r);
        vec_push(&stack, c->u.str.l);
    }
    vec_free(&stack);
    x->u.str.s = buf;
    return buf;
}

void types_const_pool_init(ConstPool *p, Arena *a) {
    memset(p, 0, sizeof *p);
    p->arena = a;
}

void types_const_pool_free(ConstPool *p) {
    for (Const *c = p->gmp_list; c; c = c->next_gmp) {
        if (c->kind == CV_INT)
            mpz_clear(c->u.z);
        else if (c->kind == CV_FLOAT)
            mpq_clear(c->u.q);
    }
    p->gmp_list = NULL;
}

// A value takes the bytes of its kind's member only: a small int, the
// commonest value by far, 24 bytes instead of 56.
#define CONST_SIZE(member) (offsetof(Const, u) + sizeof(((Const *)NULL)->u.member))

static Const *new_const_sized(ConstPool *p, ConstKind k, size_t size) {
    Const *c = arena_alloc(p->arena, size);
    c->kind = (uint8_t)k;
    return c;
}

static Const *new_const(ConstPool *p, ConstKind k) {
    size_t size = k == CV_BOOL ? CONST_SIZE(b) : k == CV_INT ? CONST_SIZE(i) : k == CV_FLOAT ? CONST_SIZE(q)
                  : k == CV_COMPLEX ? CONST_SIZE(c) : CONST_SIZE(str);
    return new_const_sized(p, k, size);
}

Const *types_const_unknown(void) { return &unknown_value; }

Const *types_const_bool(ConstPool *p, bool b) {
    Const *c = new_const(p, CV_BOOL);
    c->u.b = b;
    return c;
}

Const *types_const_string(ConstPool *p, const char *s, size_t n) {
    Const *c = new_const(p, CV_STRING);
    c->u.str.s = arena_strndup(p->arena, s, n);
    c->u.str.n = n;
    return c;
}

Const *types_const_int64(ConstPool *p, int64_t v) {
    bool small = v >= CONST_SMALL_MIN && v < CONST_SMALL_MAX;
    if (small && p->small[v - CONST_SMALL_MIN])
        return p->small[v - CONST_SMALL_MIN];
    Const *c = new_const(p, CV_INT);
    c->u.i = v;
    if (small)
        p->small[v - CONST_SMALL_MIN] = c;
    return c;
}

// An int from a GMP integer, small when it fits.
Const *types_const_from_mpz(ConstPool *p, const mpz_t z) {
    if (mpz_fits_slong_p(z))
        return types_const_int64(p, mpz_get_si(z));
    Const *c = new_const_sized(p, CV_INT, CONST_SIZE(z));
    c->big = true;
    mpz_init_set(c->u.z, z);
    c->next_gmp = p->gmp_list;
    p->gmp_list = c;
    return c;
}

Const *types_const_from_mpq(ConstPool *p, const mpq_t q) {
    Const *c = new_const(p, CV_FLOAT);
    mpq_init(c->u.q);
    mpq_set(c->u.q, q);
    c->next_gmp = p->gmp_list;
    p->gmp_list = c;
    return c;
}

Const *types_const_uint64(ConstPool *p, uint64_t v) {
    if (v <= INT64_MAX)
        return types_const_int64(p, (int64_t)v);
    mpz_t z;
    mpz_init(z);
    mpz_import(z, 1, -1, sizeof v, 0, 0, &v);
    Const *c = types_const_from_mpz(p, z);
    mpz_clear(z);
    return c;
}

Const *types_const_float64(ConstPool *p, double v) {
    if (isnan(v) || isinf(v))
        return &unknown_value;
    mpq_t q;
    mpq_init(q);
    mpq_set_d(q, v);  // exact
    Const *c = types_const_from_mpq(p, q);
    mpq_clear(q);
    return c;
}

static Const *make_complex(ConstPool *p, Const *re, Const *im) {
    Const *c = new_const(p, CV_COMPLEX);
    c->u.c.re = re;
    c->u.c.im = im;
    return c;
}

// ---- access ----

ConstKind types_const_kind(Const *x) { return (ConstKind)x->kind; }
bool types_const_bool_val(Const *x) { return x->kind == CV_BOOL && x->u.b; }

const char *types_const_string_val(Const *x, size_t *len) {
    if (x->kind != CV_STRING) {
        *len = 0;
        return "";
    }
    *len = x->u.str.n;
    return str_bytes(x);
}

// Loads an int or float into q (initialised by the caller).
static void get_q(Const *x, mpq_t q) {
    if (x->kind == CV_FLOAT)
        mpq_set(q, x->u.q);
    else if (x->big)
        mpq_set_z(q, x->u.z);
    else
        mpq_set_si(q, x->u.i, 1);
}

// Loads an int into z (initialised by the caller).
static void get_z(Const *x, mpz_t z) {
    if (x->big)
        mpz_set(z, x->u.z);
    else
        mpz_set_si(z, x->u.i);
}

bool types_const_int64_val(Const *x, int64_t *v) {
    if (x->kind != CV_INT || x->big)
        return false;
    *v = x->u.i;
    return true;
}

bool types_const_uint64_val(Const *x, uint64_t *v) {
    if (x->kind != CV_INT)
        return false;
    if (!x->big) {
        if (x->u.i < 0)
            return false;
        *v = (uint64_t)x->u.i;
        return true;
    }
    if (mpz_sgn(x->u.z) < 0 || mpz_sizeinbase(x->u.z, 2) > 64)
        return false;
    uint64_t r = 0;
    mpz_export(&r, NULL, -1, sizeof r, 0, 0, x->u.z);
    *v = r;
    return true;
}

int types_const_sign(Const *x) {
    switch (x->kind) {
    case CV_INT:
        return x->big ? mpz_sgn(x->u.z) : (x->u.i > 0) - (x->u.i < 0);
    case CV_FLOAT:
        return mpq_sgn(x->u.q);
    case CV_COMPLEX:
        return types_const_sign(x->u.c.re) | types_const_sign(x->u.c.im);
    default:
        return 1;  // go/constant: unknown has sign 1 to avoid division errors
    }
}

int types_const_bitlen(Const *x) {
    if (x->kind != CV_INT)
        return 0;
    if (x->big)
        return (int)mpz_sizeinbase(x->u.z, 2);
    uint64_t u = x->u.i < 0 ? (uint64_t)0 - (uint64_t)x->u.i : (uint64_t)x->u.i;
    return u ? 64 - __builtin_clzll(u) : 0;
}

// ---- rounding to binary floating point ----

// Rounds the rational q to the nearest value with `mant` significant bits
// and exponent range of IEEE binary formats (normal values down to
// 2^emin, subnormals below), ties to even. Returns ±Inf on overflow. The
// result is exact in a double for both float32 and float64 parameters.
static double round_rat(const mpq_t q, int mant, int emin, int emax) {
    int sign = mpq_sgn(q);
    if (sign == 0)
        return 0.0;
    mpz_t n, d, t, r;
    mpz_inits(n, d, t, r, NULL);
    mpz_abs(n, mpq_numref(q));
    mpz_set(d, mpq_denref(q));
    long bn = (long)mpz_sizeinbase(n, 2), bd = (long)mpz_sizeinbase(d, 2);
    // Scale so that the quotient has at least mant+3 bits: s bits of
    // fraction are kept, the remainder becomes the sticky bit.
    long s = mant + 3 - (bn - bd);
    if (s >= 0)
        mpz_mul_2exp(n, n, (mp_bitcnt_t)s);
    else
        mpz_mul_2exp(d, d, (mp_bitcnt_t)-s);
    mpz_tdiv_qr(t, r, n, d);
    bool sticky = mpz_sgn(r) != 0;
    long qb = (long)mpz_sizeinbase(t, 2);
    long e = qb - 1 - s;  // value in [2^e, 2^(e+1))
    double result;
    if (e > emax) {
        result = INFINITY;
    } else {
        long keep = mant;
        if (e < emin)
            keep = mant - (emin - e);  // subnormal: fewer bits
        long shift = qb - keep;  // >= 3 for normal values
        // m = t >> shift, rounded to nearest even using the dropped bits.
        mpz_t m, rem, half;
        mpz_inits(m, rem, half, NULL);
        if (shift > 0) {
            mpz_fdiv_q_2exp(m, t, (mp_bitcnt_t)shift);
            mpz_fdiv_r_2exp(rem, t, (mp_bitcnt_t)shift);
            mpz_setbit(half, (mp_bitcnt_t)(shift - 1));
            int c = mpz_cmp(rem, half);
            if (c > 0 || (c == 0 && (sticky || mpz_odd_p(m))))
                mpz_add_ui(m, m, 1);
        } else {
            mpz_set(m, t);  // cannot happen (qb >= mant+3), kept for safety
        }
        result = ldexp(mpz_get_d(m), (int)(shift - s));
        if (result >= ldexp(1.0, emax + 1))
            result = INFINITY;
        mpz_clears(m, rem, half, NULL);
    }
    mpz_clears(n, d, t, r, NULL);
    return sign < 0 ? -result : result;
}

static double to_double(Const *x, int mant, int emin, int emax, bool *exact) {
    mpq_t q, back;
    mpq_inits(q, back, NULL);
    get_q(x, q);
    double f = round_rat(q, mant, emin, emax);
    if (exact) {
        if (isinf(f)) {
            *exact = false;
        } else {
            mpq_set_d(back, f);
            *exact = mpq_equal(q, back) != 0;
        }
    }
    mpq_clears(q, back, NULL);
    return f;
}

double types_const_float64_val(Const *x, bool *exact) {
    if (x->kind != CV_INT && x->kind != CV_FLOAT) {
        if (exact)
            *exact = false;
        return 0;
    }
    return to_double(x, 53, -1022, 1023, exact);
}

static double float32_val(Const *x) { return to_double(x, 24, -126, 127, NULL); }
static double float64_val(Const *x) { return to_double(x, 53, -1022, 1023, NULL); }

// ---- conversions ----

Const *types_const_to_int(ConstPool *p, Const *x) {
    switch (x->kind) {
    case CV_INT:
        return x;
    case CV_FLOAT:
        if (mpz_cmp_ui(mpq_denref(x->u.q), 1) == 0)
            return types_const_from_mpz(p, mpq_numref(x->u.q));
        break;
    case CV_COMPLEX:
        if (types_const_sign(x->u.c.im) == 0)
            return types_const_to_int(p, x->u.c.re);
        break;
    }
    return &unknown_value;
}

Const *types_const_to_float(ConstPool *p, Const *x) {
    switch (x->kind) {
    case CV_INT: {
        mpq_t q;
        mpq_init(q);
        get_q(x, q);
        Const *c = types_const_from_mpq(p, q);
        mpq_clear(q);
        return c;
    }
    case CV_FLOAT:
        return x;
    case CV_COMPLEX:
        if (types_const_sign(x->u.c.im) == 0)
            return types_const_to_float(p, x->u.c.re);
        break;
    }
    return &unknown_value;
}

Const *types_const_to_complex(ConstPool *p, Const *x) {
    if (x->kind == CV_INT || x->kind == CV_FLOAT)
        return make_complex(p, x, types_const_int64(p, 0));
    return x->kind == CV_COMPLEX ? x : &unknown_value;
}

Const *types_const_make_complex(ConstPool *p, Const *re, Const *im) {
    if (re->kind == CV_UNKNOWN || im->kind == CV_UNKNOWN)
        return &unknown_value;
    if ((re->kind != CV_INT && re->kind != CV_FLOAT) || (im->kind != CV_INT && im->kind != CV_FLOAT))
        return &unknown_value;
    return make_complex(p, re, im);
}

Const *types_const_rune_string(ConstPool *p, Const *x) {
    uint64_t v;
    uint32_t r = 0xFFFD;
    if (types_const_uint64_val(x, &v) && v <= 0x10FFFF)
        r = (uint32_t)v;
    Buf b = {0};
    types_put_utf8(&b, r);  // surrogates also become U+FFFD, as in Go
    Const *c = types_const_string(p, b.data, b.len);
    buf_free(&b);
    return c;
}

Const *types_const_real(ConstPool *p, Const *x) {
    (void)p;
    if (x->kind == CV_INT || x->kind == CV_FLOAT)
        return x;
    return x->kind == CV_COMPLEX ? x->u.c.re : &unknown_value;
}

Const *types_const_imag(ConstPool *p, Const *x) {
    if (x->kind == CV_INT || x->kind == CV_FLOAT)
        return types_const_int64(p, 0);
    return x->kind == CV_COMPLEX ? x->u.c.im : &unknown_value;
}

// ---- arithmetic ----

// Numeric rank for matching operands: int < float < complex.
static int rank(Const *x) {
    switch (x->kind) {
    case CV_INT: return 1;
    case CV_FLOAT: return 2;
    case CV_COMPLEX: return 3;
    default: return 0;
    }
}

static Const *to_rank(ConstPool *p, Const *x, int r) {
    if (rank(x) >= r)
        return x;
    return r == 2 ? types_const_to_float(p, x) : types_const_to_complex(p, x);
}

Const *types_const_unary(ConstPool *p, Op op, Const *x, int prec) {
    if (x->kind == CV_UNKNOWN)
        return x;
    switch (op) {
    case OP_ADD:
        if (rank(x))
            return x;
        break;
    case OP_SUB:
        if (x->kind == CV_INT) {
            if (!x->big && x->u.i != INT64_MIN)
                return types_const_int64(p, -x->u.i);
            mpz_t z;
            mpz_init(z);
            get_z(x, z);
            mpz_neg(z, z);
            Const *c = types_const_from_mpz(p, z);
            mpz_clear(z);
            return c;
        }
        if (x->kind == CV_FLOAT) {
            mpq_t q;
            mpq_init(q);
            mpq_neg(q, x->u.q);
            Const *c = types_const_from_mpq(p, q);
            mpq_clear(q);
            return c;
        }
        if (x->kind == CV_COMPLEX)
            return make_complex(p, types_const_unary(p, OP_SUB, x->u.c.re, 0),
                                types_const_unary(p, OP_SUB, x->u.c.im, 0));
        break;
    case OP_XOR:
        if (x->kind == CV_INT) {
            mpz_t z, mask;
            mpz_inits(z, mask, NULL);
            get_z(x, z);
            mpz_com(z, z);
            if (prec > 0) {
                // Unsigned: keep the low prec bits of the complement.
                mpz_setbit(mask, (mp_bitcnt_t)prec);
                mpz_sub_ui(mask, mask, 1);
                mpz_and(z, z, mask);
            }
            Const *c = types_const_from_mpz(p, z);
            mpz_clears(z, mask, NULL);
            return c;
        }
        break;
    case OP_NOT:
        if (x->kind == CV_BOOL)
            return types_const_bool(p, !x->u.b);
        break;
    default:
        break;
    }
    return &unknown_value;
}

static Const *int_binary(ConstPool *p, Op op, Const *x, Const *y, bool integer) {
    if (!x->big && !y->big) {
        int64_t a = x->u.i, b = y->u.i, r;
        switch (op) {
        case OP_ADD:
            if (!__builtin_add_overflow(a, b, &r))
                return types_const_int64(p, r);
            break;
        case OP_SUB:
            if (!__builtin_sub_overflow(a, b, &r))
                return types_const_int64(p, r);
            break;
        case OP_MUL:
            if (!__builtin_mul_overflow(a, b, &r))
                return types_const_int64(p, r);
            break;
        case OP_AND: return types_const_int64(p, a & b);
        case OP_OR: return types_const_int64(p, a | b);
        case OP_XOR: return types_const_int64(p, a ^ b);
        case OP_ANDNOT: return types_const_int64(p, a & ~b);
        default:
            break;
        }
    }
    mpz_t a, b, r;
    mpz_inits(a, b, r, NULL);
    get_z(x, a);
    get_z(y, b);
    Const *c = NULL;
    switch (op) {
    case OP_ADD: mpz_add(r, a, b); break;
    case OP_SUB: mpz_sub(r, a, b); break;
    case OP_MUL: mpz_mul(r, a, b); break;
    case OP_AND: mpz_and(r, a, b); break;
    case OP_OR: mpz_ior(r, a, b); break;
    case OP_XOR: mpz_xor(r, a, b); break;
    case OP_ANDNOT: mpz_com(b, b); mpz_and(r, a, b); break;
    case OP_REM:
        if (mpz_sgn(b) == 0)
            c = &unknown_value;
        else
            mpz_tdiv_r(r, a, b);
        break;
    case OP_DIV:
        if (mpz_sgn(b) == 0) {
            c = &unknown_value;
        } else if (integer) {
            mpz_tdiv_q(r, a, b);
        } else {
            // Untyped int operands of a float division: exact quotient.
            mpq_t q;
            mpq_init(q);
            mpz_set(mpq_numref(q), a);
            mpz_set(mpq_denref(q), b);
            mpq_canonicalize(q);
            c = types_const_from_mpq(p, q);
            mpq_clear(q);
        }
        break;
    default:
        c = &unknown_value;
        break;
    }
    if (!c)
        c = types_const_from_mpz(p, r);
    mpz_clears(a, b, r, NULL);
    return c;
}

static Const *float_binary(ConstPool *p, Op op, Const *x, Const *y) {
    mpq_t a, b, r;
    mpq_inits(a, b, r, NULL);
    get_q(x, a);
    get_q(y, b);
    Const *c = NULL;
    switch (op) {
    case OP_ADD: mpq_add(r, a, b); break;
    case OP_SUB: mpq_sub(r, a, b); break;
    case OP_MUL: mpq_mul(r, a, b); break;
    case OP_DIV:
        if (mpq_sgn(b) == 0)
            c = &unknown_value;
        else
            mpq_div(r, a, b);
        break;
    default:
        c = &unknown_value;
        break;
    }
    if (!c)
        c = types_const_from_mpq(p, r);
    mpq_clears(a, b, r, NULL);
    return c;
}

// Arithmetic on complex parts, which may be ints or floats.
static Const *part_op(ConstPool *p, Op op, Const *x, Const *y) {
    if (x->kind == CV_INT && y->kind == CV_INT && op != OP_DIV)
        return int_binary(p, op, x, y, false);
    return float_binary(p, op, x, y);
}

static Const *complex_binary(ConstPool *p, Op op, Const *x, Const *y) {
    Const *a = x->u.c.re, *b = x->u.c.im, *c = y->u.c.re, *d = y->u.c.im;
    Const *re, *im;
    switch (op) {
    case OP_ADD:
        re = part_op(p, OP_ADD, a, c);
        im = part_op(p, OP_ADD, b, d);
        break;
    case OP_SUB:
        re = part_op(p, OP_SUB, a, c);
        im = part_op(p, OP_SUB, b, d);
        break;
    case OP_MUL: {
        // (a+bi)(c+di) = (ac-bd) + (bc+ad)i
        re = part_op(p, OP_SUB, part_op(p, OP_MUL, a, c), part_op(p, OP_MUL, b, d));
        im = part_op(p, OP_ADD, part_op(p, OP_MUL, b, c), part_op(p, OP_MUL, a, d));
        break;
    }
    case OP_DIV: {
        // (a+bi)/(c+di) = ((ac+bd) + (bc-ad)i) / (cc+dd)
        Const *s = part_op(p, OP_ADD, part_op(p, OP_MUL, c, c), part_op(p, OP_MUL, d, d));
        if (types_const_sign(s) == 0)
            return &unknown_value;
        Const *nr = part_op(p, OP_ADD, part_op(p, OP_MUL, a, c), part_op(p, OP_MUL, b, d));
        Const *ni = part_op(p, OP_SUB, part_op(p, OP_MUL, b, c), part_op(p, OP_MUL, a, d));
        re = float_binary(p, OP_DIV, nr, s);
        im = float_binary(p, OP_DIV, ni, s);
        break;
    }
    default:
        return &unknown_value;
    }
    return make_complex(p, re, im);
}

Const *types_const_binary(ConstPool *p, Op op, Const *x, Const *y, bool integer) {
    if (x->kind == CV_UNKNOWN || y->kind == CV_UNKNOWN)
        return &unknown_value;
    if (x->kind == CV_BOOL && y->kind == CV_BOOL) {
        if (op == OP_ANDAND)
            return types_const_bool(p, x->u.b && y->u.b);
        if (op == OP_OROR)
            return types_const_bool(p, x->u.b || y->u.b);
        return &unknown_value;
    }
    if (x->kind == CV_STRING && y->kind == CV_STRING) {
        if (op != OP_ADD)
            return &unknown_value;
        Const *c = new_const(p, CV_STRING);
        c->u.str.n = x->u.str.n + y->u.str.n;
        c->u.str.l = x;
        c->u.str.r = y;
        c->u.str.arena = p->arena;
        return c;
    }
    int r = rank(x) > rank(y) ? rank(x) : rank(y);
    if (!rank(x) || !rank(y))
        return &unknown_value;
    x = to_rank(p, x, r);
    y = to_rank(p, y, r);
    switch (r) {
    case 1: return int_binary(p, op, x, y, integer);
    case 2: return float_binary(p, op, x, y);
    default: return complex_binary(p, op, x, y);
    }
}

Const *types_const_shift(ConstPool *p, Op op, Const *x, uint64_t s) {
    if (x->kind != CV_INT)
        return &unknown_value;
    if (op == OP_SHL) {
        if (!x->big && s < 63) {
            int64_t a = x->u.i;
            // Fits if shifting back restores the value.
            if (a == 0)
                return x;
            int64_t r = (int64_t)((uint64_t)a << s);
            if ((r >> s) == a)
                return types_const_int64(p, r);
        }
        if (s > (1u << 20))
            return &unknown_value;  // the checker rejects such counts first
        mpz_t z;
        mpz_init(z);
        get_z(x, z);
        mpz_mul_2exp(z, z, (mp_bitcnt_t)s);
        Const *c = types_const_from_mpz(p, z);
        mpz_clear(z);
        return c;
    }
    if (op == OP_SHR) {
        if (!x->big)
            return types_const_int64(p, s >= 63 ? (x->u.i < 0 ? -1 : 0) : x->u.i >> s);
        mpz_t z;
        mpz_init(z);
        get_z(x, z);
        mpz_fdiv_q_2exp(z, z, (mp_bitcnt_t)s);  // arithmetic shift rounds down
        Const *c = types_const_from_mpz(p, z);
        mpz_clear(z);
        return c;
    }
    return &unknown_value;
}

static bool cmp_result(int c, Op op) {
    switch (op) {
    case OP_EQL: return c == 0;
    case OP_NEQ: return c != 0;
    case OP_LSS: return c < 0;
    case OP_LEQ: return c <= 0;
    case OP_GTR: return c > 0;
    case OP_GEQ: return c >= 0;
    default: return false;
    }
}

static int num_cmp(Const *x, Const *y) {
    if (x->kind == CV_INT && y->kind == CV_INT && !x->big && !y->big)
        return (x->u.i > y->u.i) - (x->u.i < y->u.i);
    mpq_t a, b;
    mpq_inits(a, b, NULL);
    get_q(x, a);
    get_q(y, b);
    int c = mpq_cmp(a, b);
    mpq_clears(a, b, NULL);
    return c;
}

bool types_const_compare(Const *x, Op op, Const *y) {
    if (x->kind == CV_UNKNOWN || y->kind == CV_UNKNOWN)
        return false;
    if (x->kind == CV_BOOL && y->kind == CV_BOOL)
        return op == OP_EQL ? x->u.b == y->u.b : op == OP_NEQ ? x->u.b != y->u.b : false;
    if (x->kind == CV_STRING && y->kind == CV_STRING) {
        size_t n = x->u.str.n < y->u.str.n ? x->u.str.n : y->u.str.n;
        int c = n ? memcmp(str_bytes(x), str_bytes(y), n) : 0;
        if (c == 0)
            c = (x->u.str.n > y->u.str.n) - (x->u.str.n < y->u.str.n);
        return cmp_result(c, op);
    }
    if (!rank(x) || !rank(y))
        return false;
    if (x->kind == CV_COMPLEX || y->kind == CV_COMPLEX) {
        Const zero = {.kind = CV_INT};
        Const *xr = x->kind == CV_COMPLEX ? x->u.c.re : x, *xi = x->kind == CV_COMPLEX ? x->u.c.im : &zero;
        Const *yr = y->kind == CV_COMPLEX ? y->u.c.re : y, *yi = y->kind == CV_COMPLEX ? y->u.c.im : &zero;
        bool eq = num_cmp(xr, yr) == 0 && num_cmp(xi, yi) == 0;
        return op == OP_EQL ? eq : op == OP_NEQ ? !eq : false;
    }
    return cmp_result(num_cmp(x, y), op);
}

// ---- representability (go/types representableConst) ----

// Range check of an int value against a sized integer kind.
static bool int_fits(Const *x, TypeKind k) {
    int bits;
    bool is_unsigned;
    switch (k) {
    case TY_INT8: bits = 8; is_unsigned = false; break;
    case TY_INT16: bits = 16; is_unsigned = false; break;
    case TY_INT32: bits = 32; is_unsigned = false; break;
    case TY_INT: case TY_INT64: bits = 64; is_unsigned = false; break;
    case TY_UINT8: bits = 8; is_unsigned = true; break;
    case TY_UINT16: bits = 16; is_unsigned = true; break;
    case TY_UINT32: bits = 32; is_unsigned = true; break;
    case TY_UINT: case TY_UINT64: case TY_UINTPTR: bits = 64; is_unsigned = true; break;
    case TY_UNTYPED_INT: case TY_UNTYPED_RUNE: return true;
    default: return false;
    }
    int sign = types_const_sign(x);
    int n = types_const_bitlen(x);
    if (is_unsigned)
        return sign >= 0 && n <= bits;
    if (sign >= 0)
        return n <= bits - 1;
    // Negative: -2^(bits-1) has bitlen == bits but fits.
    if (n < bits)
        return true;
    if (n > bits)
        return false;
    if (!x->big)
        return bits == 64 || x->u.i == -((int64_t)1 << (bits - 1));
    return mpz_scan1(x->u.z, 0) == (mp_bitcnt_t)(bits - 1);  // |x| is a power of two
}

bool types_const_representable(ConstPool *p, Const *x, TypeKind k, Const **rounded) {
    if (x->kind == CV_UNKNOWN)
        return true;  // avoid follow-up errors, as go/types does
    if (!TY_IS_BASIC(k))
        return false;
    unsigned info = types_basic_info[k];
    if (info & BASIC_INTEGER) {
        Const *v = types_const_to_int(p, x);
        if (v->kind != CV_INT)
            return false;
        if (rounded)
            *rounded = v;
        return int_fits(v, k);
    }
    if (info & BASIC_FLOAT) {
        Const *v = types_const_to_float(p, x);
        if (v->kind != CV_FLOAT)
            return false;
        if (k == TY_UNTYPED_FLOAT) {
            if (rounded)
                *rounded = v;  // go/types leaves it alone; ToFloat is harmless
            return true;
        }
        double f = k == TY_FLOAT32 ? float32_val(v) : float64_val(v);
        if (isinf(f))
            return false;
        if (rounded)
            *rounded = types_const_float64(p, f);
        return true;
    }
    if (info & BASIC_COMPLEX) {
        Const *v = types_const_to_complex(p, x);
        if (v->kind != CV_COMPLEX)
            return false;
        if (k == TY_UNTYPED_COMPLEX) {
            if (rounded)
                *rounded = v;
            return true;
        }
        Const *re = types_const_to_float(p, v->u.c.re), *im = types_const_to_float(p, v->u.c.im);
        double fr = k == TY_COMPLEX64 ? float32_val(re) : float64_val(re);
        double fi = k == TY_COMPLEX64 ? float32_val(im) : float64_val(im);
        if (isinf(fr) || isinf(fi))
            return false;
        if (rounded)
            *rounded = make_complex(p, types_const_float64(p, fr), types_const_float64(p, fi));
        return true;
    }
    if (info & BASIC_STRING)
        return x->kind == CV_STRING;
    if (info & BASIC_BOOLEAN)
        return x->kind == CV_BOOL;
    return false;
}

// ---- formatting ----

// 10^y for |y| < 1 the way Go's math.Pow computes it (exp of the
// fraction times Log(10), then squaring for the integer part), so that
// the digits printed for values beyond float64's range match; glibc's pow
// rounds differently in the last ulp. Go's amd64 Exp is assembly, glibc's
// exp agrees with it on the cases we tried but is not guaranteed to.
static double go_pow10(double y) {
    double yi, yf = modf(fabs(y), &yi), a1 = 1;
    int ae = 0, xe;
    if (yf != 0) {
        if (yf > 0.5) {
            yf--;
            yi++;
        }
        a1 = exp(yf * 2.3025850929940459);  // Go's math.Log(10)
    }
    double x1 = frexp(10.0, &xe);
    for (long i = (long)yi; i != 0; i >>= 1) {
        if (i & 1) {
            a1 *= x1;
            ae += xe;
        }
        x1 *= x1;
        xe <<= 1;
        if (x1 < .5) {
            x1 += x1;
            xe--;
        }
    }
    if (y < 0) {
        a1 = 1 / a1;
        ae = -ae;
    }
    return ldexp(a1, ae);
}

// go/constant's float String (Go 1.19): %.6g when the value is within
// float64 range, else an approximate decimal mantissa and exponent.
static void format_float(Buf *b, Const *x) {
    double f = float64_val(x);
    int sign = types_const_sign(x);
    if ((sign == 0) == (f == 0) && !isinf(f)) {
        types_format_g(b, f, 6);
        return;
    }
    // Out of float64 range: x = m * 2^e with 0.5 <= |m| < 1, then to a
    // decimal exponent, as go/constant does with float64 arithmetic.
    mpq_t q;
    mpq_init(q);
    get_q(x, q);
    long e2 = (long)mpz_sizeinbase(mpq_numref(q), 2) - (long)mpz_sizeinbase(mpq_denref(q), 2);
    if (e2 >= 0)
        mpq_div_2exp(q, q, (mp_bitcnt_t)e2);
    else
        mpq_mul_2exp(q, q, (mp_bitcnt_t)-e2);
    double m = round_rat(q, 53, -1022, 1023);  // in [0.5, 2)
    if (fabs(m) >= 1) {
        m /= 2;
        e2++;
    }
    mpq_clear(q);
    // Go folds Ln2/Ln10 exactly; C's M_LN2 / M_LN10 is one ulp off.
    double d = (double)e2 * 0.30102999566398119521;
    long e = (long)d;
    m *= go_pow10(d - (double)e);
    double am = fabs(m);
    if (am < 1 - 0.5e-6) {
        m *= 10;
        e--;
    } else if (am >= 10) {
        m /= 10;
        e++;
    }
    types_format_g(b, m, 6);
    buf_printf(b, "e%+ld", e);
}

static void format_value(Buf *b, Const *x, bool exact) {
    switch (x->kind) {
    case CV_UNKNOWN:
        buf_puts(b, "unknown");
        break;
    case CV_BOOL:
        buf_puts(b, x->u.b ? "true" : "false");
        break;
    case CV_STRING: {
        Buf q = {0};
        types_quote_string(&q, str_bytes(x), x->u.str.n);
        // String() shortens to 72 runes including the "..." (go/constant).
        size_t i = 0;
        int runes = 0;
        while (i < q.len) {
            int w;
            types_decode_rune((const unsigned char *)q.data + i, q.len - i, &w);
            i += (size_t)w;
            runes++;
        }
        if (!exact && runes > 72) {
            i = 0;
            for (int k = 0; k < 72 - 3; k++) {
                int w;
                types_decode_rune((const unsigned char *)q.data + i, q.len - i, &w);
                i += (size_t)w;
            }
            buf_put(b, q.data, i);
            buf_puts(b, "...");
        } else {
            buf_put(b, q.data, q.len);
        }
        buf_free(&q);
        break;
    }
    case CV_INT:
        if (x->big) {
            char *s = mpz_get_str(NULL, 10, x->u.z);
            buf_puts(b, s);
            free(s);
        } else {
            buf_printf(b, "%lld", (long long)x->u.i);
        }
        break;
    case CV_FLOAT:
        if (exact) {
            char *s = mpq_get_str(NULL, 10, x->u.q);  // "n" or "n/d"
            buf_puts(b, s);
            free(s);
        } else {
            format_float(b, x);
        }
        break;
    case CV_COMPLEX:
        buf_putc(b, '(');
        format_value(b, x->u.c.re, exact);
        buf_puts(b, " + ");
        format_value(b, x->u.c.im, exact);
        buf_puts(b, "i)");
        break;
    }
}

void types_const_format(Buf *b, Const *x) { format_value(b, x, false); }
void types_const_format_exact(Buf *b, Const *x) { format_value(b, x, true); }
