// core_test.c: unit tests of the type checker core (src/types: type.c,
// universe.c, scope.c, const.c, sizes.c, typestring.c, predicates.c,
// lookup.c), run by tests/suites/60-types-core.sh.
//
//   core_test consts FILE   evaluates the constant cases of FILE with
//                           const.c, printing lines in the format of the
//                           Go oracle (tests/oracle/constcheck), which the
//                           suite compares line by line.
//   core_test sizes         prints sizes in the oracle's "sizes" format.
//   core_test preds         prints type strings and predicate answers for
//                           the oracle's "preds" table.
//   core_test gcstrings     prints the -m lines gc gives for []T{} of each
//                           type of that table (tests/types/gcstrings.go).
//   core_test unit          runs the self-checking tests (identity,
//                           assignability, type strings, lookup, scopes,
//                           type sets), one "ok NAME" / "FAIL NAME: why"
//                           line each.
#include "../../src/types/types.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static Arena arena;
static ConstPool pool;
static Package *cur_pkg;  // package of the fields strct() makes

// ---- constants ----

static const char *kind_name(Const *v) {
    switch (types_const_kind(v)) {
    case CV_BOOL: return "Bool";
    case CV_STRING: return "String";
    case CV_INT: return "Int";
    case CV_FLOAT: return "Float";
    case CV_COMPLEX: return "Complex";
    default: return "Unknown";
    }
}

// Untyped kind rank of an operand, as go/types tracks it: 1 int/rune,
// 2 float, 3 complex, 0 other.
static int lit_rank(LitKind k) {
    return k == LIT_INT || k == LIT_RUNE ? 1 : k == LIT_FLOAT ? 2 : k == LIT_IMAG ? 3 : 0;
}

static Const *literal(const char *tok, int *rank) {
    bool neg = false;
    if (tok[0] == '-' && tok[1]) {
        neg = true;
        tok++;
    }
    if (strcmp(tok, "true") == 0 || strcmp(tok, "false") == 0) {
        *rank = 0;
        return types_const_bool(&pool, tok[0] == 't');
    }
    size_t n = strlen(tok);
    LitKind k;
    if (tok[0] == '"' || tok[0] == '`')
        k = LIT_STRING;
    else if (tok[0] == '\'')
        k = LIT_RUNE;
    else if (tok[n - 1] == 'i')
        k = LIT_IMAG;
    else if (strchr(tok, '.') || strchr(tok, 'p') || strchr(tok, 'P') ||
             (!(tok[0] == '0' && (tok[1] == 'x' || tok[1] == 'X')) && (strchr(tok, 'e') || strchr(tok, 'E'))))
        k = LIT_FLOAT;
    else
        k = LIT_INT;
    *rank = lit_rank(k);
    Const *v = types_const_from_literal(&pool, k, tok, n);
    return neg ? types_const_unary(&pool, OP_SUB, v, 0) : v;
}

static Op op_of(const char *s) {
    for (int i = 1; i < OP_COUNT; i++)
        if (strcmp(op_names[i], s) == 0)
            return (Op)i;
    return OP_NONE;
}

// Splits on single spaces, except inside quotes.
static int split(char *s, char **tok, int max) {
    int n = 0;
    while (*s && n < max) {
        tok[n++] = s;
        char q = 0;
        for (; *s; s++) {
            if (q) {
                if (*s == '\\' && q != '`' && s[1])
                    s++;
                else if (*s == q)
                    q = 0;
            } else if (*s == '"' || *s == '`' || (*s == '\'' && s == tok[n - 1])) {
                q = *s;
            } else if (*s == ' ') {
                break;
            }
        }
        if (*s)
            *s++ = 0;
    }
    return n;
}

static void eval_case(char *line, Buf *out) {
    char *tok[32];
    int n = split(line, tok, 32);
    const char *typ = tok[0];
    int i = 1, rank;
    Const *v;
    if (n >= 3 && op_of(tok[1]) != OP_NONE && i == 1 && n % 2 == 1) {
        // Unary: OP L
        Op op = op_of(tok[1]);
        v = literal(tok[2], &rank);
        v = types_const_unary(&pool, op, v, 0);
        i = 3;
    } else {
        v = literal(tok[1], &rank);
        i = 2;
    }
    for (; i + 1 < n; i += 2) {
        Op op = op_of(tok[i]);
        int r2;
        Const *y = literal(tok[i + 1], &r2);
        switch (op) {
        case OP_EQL: case OP_NEQ: case OP_LSS: case OP_LEQ: case OP_GTR: case OP_GEQ:
            v = types_const_bool(&pool, types_const_compare(v, op, y));
            rank = 0;
            break;
        case OP_SHL: case OP_SHR: {
            uint64_t s = 0;
            types_const_uint64_val(y, &s);
            v = types_const_shift(&pool, op, types_const_to_int(&pool, v), s);
            break;
        }
        default:
            v = types_const_binary(&pool, op, v, y, rank == 1 && r2 == 1);
            if (r2 > rank)
                rank = r2;
        }
    }
    // The checker's overflow rule for untyped integers.
    if (types_const_kind(v) == CV_INT && types_const_bitlen(v) > 512)
        v = types_const_unknown();
    if (types_const_kind(v) == CV_UNKNOWN) {
        buf_puts(out, "error");
        return;
    }
    if (strcmp(typ, "-") != 0) {
        Object *tn = types_scope_lookup(types_universe.scope, str_cstr(typ));
        Const *r = NULL;
        if (!tn || !types_const_representable(&pool, v, (TypeKind)tn->type->kind, &r)) {
            buf_puts(out, "error");
            return;
        }
        v = r ? r : v;
    }
    buf_printf(out, "%s ", kind_name(v));
    types_const_format(out, v);
    buf_puts(out, " | ");
    types_const_format_exact(out, v);
}

static int run_consts(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return 1;
    }
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        size_t n = strlen(line);
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = 0;
        if (!n || line[0] == '#')
            continue;
        char copy[4096];
        memcpy(copy, line, n + 1);
        Buf out = {0};
        eval_case(copy, &out);
        printf("%s => %s\n", line, buf_cstr(&out));
        buf_free(&out);
    }
    fclose(f);
    return 0;
}

// ---- building types by hand ----

static Type *T(TypeKind k) { return TYP(k); }

static Type *strct(int n, ...) {
    va_list ap;
    va_start(ap, n);
    Object **fs = ARENA_ARRAY(&arena, Object *, n ? n : 1);
    for (int i = 0; i < n; i++) {
        const char *name = va_arg(ap, const char *);
        Type *t = va_arg(ap, Type *);
        bool emb = name[0] == '*' ? (name++, true) : false;
        fs[i] = types_new_field(&arena, NOPOS, cur_pkg, str_cstr(name), t, emb);
    }
    va_end(ap);
    return types_new_struct(&arena, fs, NULL, n);
}

static Type *named(Package *pkg, const char *name, Type *under) {
    Object *o = types_new_typename(&arena, NOPOS, pkg, str_cstr(name), NULL);
    Type *t = types_new_named(&arena, o, under);
    if (pkg && pkg->scope)
        types_scope_insert(pkg->scope, o);
    return t;
}

static Type *tuple(int n, ...) {
    va_list ap;
    va_start(ap, n);
    Object **vs = ARENA_ARRAY(&arena, Object *, n ? n : 1);
    for (int i = 0; i < n; i++) {
        const char *name = va_arg(ap, const char *);
        Type *t = va_arg(ap, Type *);
        vs[i] = types_new_param(&arena, NOPOS, NULL, name ? str_cstr(name) : NULL, t);
    }
    va_end(ap);
    return types_new_tuple(&arena, vs, n);
}

static Type *func(Type *params, Type *results) {
    return types_new_signature(&arena, NULL, params, results, false);
}

static Object *method(Package *pkg, Type *recv_base, bool ptr, const char *name, Type *params, Type *results) {
    Type *rt = ptr ? types_new_pointer(&arena, recv_base) : recv_base;
    Object *recv = types_new_param(&arena, NOPOS, pkg, str_cstr("r"), rt);
    recv->flags |= OF_RECV;
    Type *sig = types_new_signature(&arena, recv, params, results, false);
    Object *m = types_new_func(&arena, NOPOS, pkg, str_cstr(name), sig);
    if (recv_base->kind == TY_NAMED)
        types_named_add_method(recv_base, m);
    return m;
}

static Type *iface(int n, Object **ms) {
    return types_new_interface(&arena, ms, n, NULL, NULL, 0);
}

static Object *imethod(Package *pkg, const char *name, Type *sig) {
    return types_new_func(&arena, NOPOS, pkg, str_cstr(name), sig);
}

// The sizes table of the oracle, built by hand.
static int run_sizes(void) {
    Type *s4 = named(NULL, "S4", strct(0));
    Type *s3 = named(NULL, "S3", strct(2, "a", T(TY_INT32), "b", strct(0)));
    Type *s8 = named(NULL, "S8", strct(3, "a", T(TY_INT8), "b", T(TY_INT16), "c", T(TY_INT8)));
    struct { const char *name; Type *t; } tab[] = {
        {"bool", T(TY_BOOL)}, {"int", T(TY_INT)}, {"int16", T(TY_INT16)}, {"float32", T(TY_FLOAT32)},
        {"complex64", T(TY_COMPLEX64)}, {"complex128", T(TY_COMPLEX128)}, {"string", T(TY_STRING)},
        {"[]int", types_new_slice(&arena, T(TY_INT))},
        {"map", types_new_map(&arena, T(TY_INT), T(TY_INT))},
        {"chan", types_new_chan(&arena, CHAN_BOTH, T(TY_INT))},
        {"func", func(NULL, NULL)},
        {"iface", iface(0, NULL)},
        {"uintptr", T(TY_UINTPTR)}, {"unsafe.Pointer", T(TY_UNSAFE_POINTER)},
        {"[3]int16", types_new_array(&arena, T(TY_INT16), 3)},
        {"[0]int64", types_new_array(&arena, T(TY_INT64), 0)},
        {"S1", strct(2, "a", T(TY_BOOL), "b", T(TY_INT64))},
        {"S2", strct(2, "a", T(TY_INT64), "b", T(TY_BOOL))},
        {"S3", s3},
        {"S4", s4},
        {"S5", strct(2, "a", T(TY_UINT8), "b", T(TY_COMPLEX128))},
        {"S6", strct(2, "a", types_new_array(&arena, T(TY_INT64), 0), "b", T(TY_UINT8))},
        {"S7", strct(2, "a", T(TY_UINT8), "b", types_new_array(&arena, T(TY_INT64), 0))},
        {"S8", s8},
        {"S9", strct(4, "a", T(TY_STRING), "b", types_new_slice(&arena, T(TY_INT)), "c", iface(0, NULL),
                     "d", types_new_map(&arena, T(TY_INT), T(TY_INT)))},
        {"S10", strct(3, "a", T(TY_UINT8), "b", T(TY_COMPLEX64), "c", types_new_array(&arena, T(TY_INT16), 3))},
        {"S11", strct(2, "a", s4, "b", s4)},
        {"S12", strct(2, "a", types_new_pointer(&arena, T(TY_INT)), "b", s3)},
        {"[2]S8", types_new_array(&arena, s8, 2)},
    };
    for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
        printf("%s %lld %lld\n", tab[i].name, (long long)types_sizeof(tab[i].t), (long long)types_alignof(tab[i].t));
    struct { const char *name; int idx; int field; } offs[] = {
        {"S1.b", 16, 1}, {"S5.b", 20, 1}, {"S7.b", 22, 1}, {"S8.c", 23, 2}, {"S9.d", 24, 3}, {"S10.c", 25, 2}, {"S12.b", 27, 1},
    };
    for (size_t i = 0; i < sizeof offs / sizeof offs[0]; i++)
        printf("offset %s %lld\n", offs[i].name, (long long)types_offsetof(tab[offs[i].idx].t, offs[i].field));
    return 0;
}

// ---- unit tests ----

static int fails;

static void check(const char *name, bool ok, const char *fmt, ...) {
    if (ok) {
        printf("ok %s\n", name);
        return;
    }
    fails++;
    printf("FAIL %s: ", name);
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
}

static Package pkg_p, pkg_q;
static Qualifier qual;

static const char *str(Type *t, TypeStringMode mode) {
    Buf b = {0};
    types_write_type(&b, t, &qual, mode);
    const char *s = arena_strndup(&arena, b.data ? b.data : "", b.len);
    buf_free(&b);
    return s;
}

static void check_str(const char *name, Type *t, TypeStringMode mode, const char *want) {
    const char *got = str(t, mode);
    check(name, strcmp(got, want) == 0, "got %s, want %s", got, want);
}

static void check_cause(const char *name, bool got_ok, bool want_ok, Buf *cause, const char *want) {
    const char *c = cause->data ? buf_cstr(cause) : "";
    check(name, got_ok == want_ok && strcmp(c, want) == 0, "got %d \"%s\", want %d \"%s\"", got_ok, c, want_ok, want);
    cause->len = 0;
}

// Expands Pair[K, V] instances by substituting the two type arguments
// into Pair's struct (the checker's subst does this in general).
static int resolved;
static void resolve_pair(void *ctx, Type *n) {
    (void)ctx;
    resolved++;
    Type *orig = types_under(n->u.named.orig);
    int nf = orig->u.struct_.nfields;
    Object **fs = ARENA_ARRAY(&arena, Object *, nf);
    for (int i = 0; i < nf; i++) {
        Object *f = orig->u.struct_.fields[i];
        Type *ft = f->type->kind == TY_TYPEPARAM ? n->u.named.targs[f->type->u.tparam.index] : f->type;
        fs[i] = types_new_field(&arena, f->pos, f->pkg, f->name, ft, false);
        fs[i]->u.var.origin = f;
    }
    n->u.named.underlying = types_new_struct(&arena, fs, NULL, nf);
}

static void setup_pkgs(void) {
    pkg_p.path = str_cstr("example.com/p");
    pkg_p.name = str_cstr("p");
    pkg_p.scope = types_new_scope(&arena, types_universe.scope, NOPOS, NOPOS, "package p");
    pkg_q.path = str_cstr("example.com/q");
    pkg_q.name = str_cstr("q");
    pkg_q.scope = types_new_scope(&arena, types_universe.scope, NOPOS, NOPOS, "package q");
    qual = (Qualifier){&pkg_p, types_qualify_by_name, NULL};
    cur_pkg = &pkg_p;
}

static Type *iface_of(Type *embedded) {
    Type **e = ARENA_ARRAY(&arena, Type *, 1);
    e[0] = embedded;
    return types_new_interface(&arena, NULL, 0, e, NULL, 1);
}

static void print_index(const int *index, int n) {
    putchar('[');
    for (int i = 0; i < n; i++)
        printf(i ? " %d" : "%d", index[i]);
    putchar(']');
}

// The oracle's lookup and method-set table, in go/types' conventions:
// no object (and no index) for a pointer-receiver miss, the colliding
// index for an ambiguous name.
static void lookup_table(Type *tT, Type *tP, Type *tI) {
    Type *inner = named(&pkg_p, "Inner", strct(1, "x", T(TY_INT)));
    method(&pkg_p, inner, true, "PM", NULL, NULL);
    method(&pkg_p, inner, false, "VM", NULL, NULL);
    Type *other = named(&pkg_p, "Other", strct(2, "y", T(TY_INT), "x", T(TY_INT)));
    Type *other2 = named(&pkg_p, "Other2", strct(1, "y", T(TY_INT)));
    Type *outer = named(&pkg_p, "Outer", strct(3, "*Inner", types_new_pointer(&arena, inner), "*Other", other, "z", T(TY_BOOL)));
    Type *amb = named(&pkg_p, "Amb", strct(2, "*Other", other, "*Other2", other2));
    Type *embi = named(&pkg_p, "EmbI", strct(1, "*I", tI));
    Type *deep = named(&pkg_p, "Deep", strct(1, "*Outer", outer));
    Type *ptrouter = named(&pkg_p, "PtrOuter", types_new_pointer(&arena, outer));
    struct { const char *name; Type *t; } tab[] = {
        {"Outer", outer}, {"*Outer", types_new_pointer(&arena, outer)}, {"Deep", deep},
        {"*Deep", types_new_pointer(&arena, deep)}, {"Amb", amb}, {"EmbI", embi},
        {"*EmbI", types_new_pointer(&arena, embi)}, {"I", tI}, {"*I", types_new_pointer(&arena, tI)},
        {"Inner", inner}, {"*Inner", types_new_pointer(&arena, inner)}, {"T", tT},
        {"*T", types_new_pointer(&arena, tT)}, {"P", tP}, {"*P", types_new_pointer(&arena, tP)},
        {"PtrOuter", ptrouter}, {"error", types_universe.error_type},
    };
    const char *names[] = {"x", "y", "z", "PM", "VM", "M", "Error", "Other", "nope"};
    for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++) {
        for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
            for (int addr = 0; addr < 2; addr++) {
                LookupResult r;
                types_lookup_field_or_method(&arena, tab[i].t, addr, &pkg_p, str_cstr(names[k]), &r);
                printf("lookup %s %s addr=%s => %s ", tab[i].name, names[k], addr ? "true" : "false",
                       r.status == LOOKUP_OK ? r.obj->name : "-");
                if (r.status == LOOKUP_PTR_RECV)
                    print_index(NULL, 0);
                else
                    print_index(r.index, r.nindex);
                printf(" %s\n", r.indirect ? "true" : "false");
            }
        MethodSet ms = types_method_set(&arena, tab[i].t);
        printf("methodset %s:", tab[i].name);
        for (int m = 0; m < ms.n; m++) {
            printf(" %s", ms.list[m].obj->name);
            print_index(ms.list[m].index, ms.list[m].nindex);
            printf("%s", ms.list[m].indirect ? "true" : "false");
        }
        printf("\n");
    }
}

// The predicate table of the oracle (constcheck preds), built by hand;
// prints the same lines.
static void run_preds(bool gc_mode) {
    setup_pkgs();
    Type *Int = named(&pkg_p, "Int", T(TY_INT));
    Type *ints = types_new_slice(&arena, T(TY_INT));
    Type *Ints = named(&pkg_p, "Ints", ints);
    Type *tT = named(&pkg_p, "T", strct(0));
    method(&pkg_p, tT, false, "M", NULL, NULL);
    Type *tP = named(&pkg_p, "P", strct(0));
    method(&pkg_p, tP, true, "M", NULL, NULL);
    Type *tW = named(&pkg_p, "W", strct(0));
    method(&pkg_p, tW, false, "M", tuple(1, NULL, T(TY_INT)), NULL);
    Type *tI = named(&pkg_p, "I", iface(1, (Object *[]){imethod(&pkg_p, "M", func(NULL, NULL))}));
    Type *anonS = strct(2, "a", T(TY_INT), "b", T(TY_STRING));
    Type *tS = named(&pkg_p, "S", strct(2, "a", T(TY_INT), "b", T(TY_STRING)));
    Str *tags = ARENA_ARRAY(&arena, Str, 2);
    tags[0] = str_cstr("json:\"a\"");
    Type *tTagged = named(&pkg_p, "Tagged", types_new_struct(&arena, strct(2, "a", T(TY_INT), "b", T(TY_STRING))->u.struct_.fields, tags, 2));
    Type *ch = types_new_chan(&arena, CHAN_BOTH, T(TY_INT)), *ro = types_new_chan(&arena, CHAN_RECV, T(TY_INT));
    Type *fn = func(tuple(1, NULL, T(TY_INT)), tuple(1, NULL, T(TY_STRING)));
    struct { const char *name; Type *t; } tab[] = {
        {"int", T(TY_INT)}, {"Int", Int}, {"ints", ints}, {"Ints", Ints}, {"pint", types_new_pointer(&arena, T(TY_INT))},
        {"str", T(TY_STRING)}, {"bytes", types_new_slice(&arena, types_universe.byte_type)}, {"chan", ch}, {"rchan", ro},
        {"Ch", named(&pkg_p, "Ch", ch)}, {"RO", named(&pkg_p, "RO", ro)}, {"eface", iface(0, NULL)}, {"I", tI},
        {"err", types_universe.error_type}, {"T", tT}, {"pT", types_new_pointer(&arena, tT)}, {"P", tP},
        {"pP", types_new_pointer(&arena, tP)}, {"W", tW}, {"anonS", anonS}, {"S", tS}, {"Tagged", tTagged},
        {"fn", fn}, {"F", named(&pkg_p, "F", fn)}, {"map", types_new_map(&arena, T(TY_STRING), T(TY_INT))},
        {"uptr", T(TY_UNSAFE_POINTER)}, {"uintptr", T(TY_UINTPTR)}, {"f64", T(TY_FLOAT64)},
        {"arr", types_new_array(&arena, T(TY_INT), 2)}, {"sarr", types_new_array(&arena, ints, 2)},
        {"anyslice", types_new_slice(&arena, iface(0, NULL))},
    };
    int n = (int)(sizeof tab / sizeof tab[0]);
    if (gc_mode) {
        // What gc prints for []T{} (tests/types/gcstrings.go).
        for (int i = 0; i < n; i++)
            printf("[]%s{} escapes to heap\n", str(tab[i].t, TS_GC));
        return;
    }
    for (int i = 0; i < n; i++)
        printf("type %s %s comparable=%s\n", tab[i].name, str(tab[i].t, TS_TYPES2),
               types_comparable(tab[i].t, true, &qual, NULL) ? "true" : "false");
    // Constraint interfaces, as declared in the oracle's source.
    Type *cons[10];
    const char *cnames[10] = {"any", "comparable", "I", "error", "Cnum", "Ctnum", "Cptrs", "CcmpI", "CtS", "Cslices"};
    cons[0] = types_universe.any_type;
    cons[1] = types_universe.comparable_type;
    cons[2] = tI;
    cons[3] = types_universe.error_type;
    Term tn[2] = {{false, T(TY_INT)}, {false, T(TY_FLOAT64)}};
    Term ttn[2] = {{true, T(TY_INT)}, {true, T(TY_FLOAT64)}};
    Term tp[2] = {{false, types_new_pointer(&arena, tT)}, {false, types_new_pointer(&arena, tP)}};
    Term ts[1] = {{true, anonS}};
    Term tsl[2] = {{true, ints}, {false, types_new_slice(&arena, types_universe.byte_type)}};
    cons[4] = iface_of(types_new_union(&arena, tn, 2));
    cons[5] = iface_of(types_new_union(&arena, ttn, 2));
    cons[6] = iface_of(types_new_union(&arena, tp, 2));
    cons[7] = types_new_interface(&arena, (Object *[]){imethod(&pkg_p, "M", func(NULL, NULL))}, 1,
                                  (Type *[]){types_universe.comparable_type}, NULL, 1);
    cons[8] = iface_of(types_new_union(&arena, ts, 1));
    cons[9] = iface_of(types_new_union(&arena, tsl, 2));
    for (int c = 0; c < 10; c++)
        for (int i = 0; i < n; i++)
            printf("implements %s %s %d\n", tab[i].name, cnames[c], types_implements(tab[i].t, cons[c], &qual, NULL));
    lookup_table(tT, tP, tI);
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            printf("pair %s %s identical=%d assignable=%d convertible=%d\n", tab[i].name, tab[j].name,
                   types_identical(tab[i].t, tab[j].t), types_assignable_to(tab[i].t, tab[j].t, &qual, NULL),
                   types_convertible_to(tab[i].t, tab[j].t, &qual, NULL));
}

static void unit_tests(void) {
    setup_pkgs();

    // Type strings.
    Type *ints = types_new_slice(&arena, T(TY_INT));
    Type *buffer = named(&pkg_q, "Buffer", strct(1, "buf", types_new_slice(&arena, types_universe.byte_type)));
    Type *local = named(&pkg_p, "Local", T(TY_INT));
    check_str("typestring-slice", ints, TS_TYPES2, "[]int");
    check_str("typestring-qualified", types_new_pointer(&arena, buffer), TS_TYPES2, "*q.Buffer");
    check_str("typestring-local", local, TS_TYPES2, "Local");
    check_str("typestring-map", types_new_map(&arena, T(TY_STRING), T(TY_INT)), TS_TYPES2, "map[string]int");
    Type *f = func(tuple(2, "x", T(TY_INT), "y", T(TY_STRING)), tuple(1, NULL, T(TY_STRING)));
    check_str("typestring-func", f, TS_TYPES2, "func(x int, y string) string");
    check_str("typestring-func-gc", f, TS_GC, "func(int, string) string");
    Type *f2 = func(NULL, tuple(2, NULL, T(TY_INT), NULL, types_universe.error_type));
    check_str("typestring-results", f2, TS_TYPES2, "func() (int, error)");
    Type *vf = types_new_signature(&arena, NULL, tuple(1, "a", types_new_slice(&arena, iface(0, NULL))), NULL, true);
    check_str("typestring-variadic", vf, TS_TYPES2, "func(a ...interface{})");
    Object *mM = imethod(&pkg_p, "M", func(NULL, NULL));
    Type *im = iface(1, (Object *[]){mM});
    check_str("typestring-iface", im, TS_TYPES2, "interface{M()}");
    check_str("typestring-iface-gc", im, TS_GC, "interface { M() }");
    check_str("typestring-empty-iface-gc", iface(0, NULL), TS_GC, "interface {}");
    check_str("typestring-any", types_universe.any_type, TS_TYPES2, "any");
    Type *st = strct(2, "a", T(TY_INT), "b", T(TY_STRING));
    check_str("typestring-struct", st, TS_TYPES2, "struct{a int; b string}");
    check_str("typestring-struct-gc", st, TS_GC, "struct { a int; b string }");
    check_str("typestring-empty-struct-gc", strct(0), TS_GC, "struct {}");
    check_str("typestring-untyped", T(TY_UNTYPED_INT), TS_TYPES2, "untyped int");
    check_str("typestring-byte", types_new_slice(&arena, types_universe.byte_type), TS_TYPES2, "[]byte");
    check_str("typestring-unsafe", T(TY_UNSAFE_POINTER), TS_TYPES2, "unsafe.Pointer");
    check_str("typestring-chan", types_new_chan(&arena, CHAN_BOTH, types_new_chan(&arena, CHAN_RECV, T(TY_INT))),
              TS_TYPES2, "chan (<-chan int)");
    check_str("typestring-sendchan", types_new_chan(&arena, CHAN_SEND, T(TY_INT)), TS_TYPES2, "chan<- int");
    check_str("typestring-array", types_new_array(&arena, T(TY_FLOAT64), 4), TS_TYPES2, "[4]float64");
    check_str("typestring-error", types_universe.error_type, TS_TYPES2, "error");

    // Identity.
    check("identical-slices", types_identical(ints, types_new_slice(&arena, T(TY_INT))), "[]int != []int");
    check("identical-byte-uint8", types_identical(types_universe.byte_type, T(TY_UINT8)), "byte != uint8");
    check("identical-named", !types_identical(local, T(TY_INT)), "Local == int");
    Type *st2 = strct(2, "a", T(TY_INT), "b", T(TY_STRING));
    check("identical-structs", types_identical(st, st2), "struct types differ");
    Str *tags = ARENA_ARRAY(&arena, Str, 2);
    tags[0] = str_cstr("json:\"a\"");
    Type *st3 = types_new_struct(&arena, st2->u.struct_.fields, tags, 2);
    check("identical-tags", !types_identical(st, st3) && types_identical_ignore_tags(st, st3), "tags not handled");
    Type *f3 = func(tuple(2, "a", T(TY_INT), "b", T(TY_STRING)), tuple(1, "r", T(TY_STRING)));
    check("identical-func-names", types_identical(f, f3), "parameter names matter");
    check("identical-func-variadic", !types_identical(vf, func(tuple(1, "a", types_new_slice(&arena, iface(0, NULL))), NULL)),
          "variadic ignored");
    check("identical-iface", types_identical(im, iface(1, (Object *[]){imethod(&pkg_p, "M", func(NULL, NULL))})),
          "interface{M()} differs");
    check("identical-empty-iface-any", types_identical(iface(0, NULL), types_universe.any_type), "interface{} != any");
    check("hash-consistent", types_hash(st) == types_hash(st2) && types_hash(f) == types_hash(f3), "hash differs");

    // Assignability and conversion.
    Buf cause = {0};
    check("assign-identical", types_assignable_to(local, local, &qual, &cause), "Local to Local");
    check("assign-named-unnamed", types_assignable_to(ints, named(&pkg_p, "Ints", ints), &qual, &cause), "[]int to Ints");
    check("assign-named-named", !types_assignable_to(local, T(TY_INT), &qual, &cause), "Local to int");
    check("assign-untyped-const", types_assignable_to(T(TY_UNTYPED_INT), T(TY_FLOAT64), &qual, &cause), "untyped int to float64");
    check("assign-untyped-bool-int", !types_assignable_to(T(TY_UNTYPED_BOOL), T(TY_INT), &qual, &cause), "untyped bool to int");
    check("assign-nil-slice", types_assignable_to(T(TY_UNTYPED_NIL), ints, &qual, &cause), "nil to []int");
    check("assign-nil-int", !types_assignable_to(T(TY_UNTYPED_NIL), T(TY_INT), &qual, &cause), "nil to int");
    Type *bidi = types_new_chan(&arena, CHAN_BOTH, T(TY_INT)), *recv = types_new_chan(&arena, CHAN_RECV, T(TY_INT));
    check("assign-chan-dir", types_assignable_to(bidi, recv, &qual, &cause), "chan int to <-chan int");
    check("assign-chan-dir-back", !types_assignable_to(recv, bidi, &qual, &cause), "<-chan int to chan int");

    // Interfaces: T with M (value receiver), P with M on *P.
    Type *tT = named(&pkg_p, "T", strct(0));
    method(&pkg_p, tT, false, "M", NULL, NULL);
    Type *tP = named(&pkg_p, "P", strct(0));
    method(&pkg_p, tP, true, "M", NULL, NULL);
    Type *tW = named(&pkg_p, "W", strct(0));
    method(&pkg_p, tW, false, "M", tuple(1, "x", T(TY_INT)), NULL);
    Type *iI = named(&pkg_p, "I", im);
    check_cause("implements-value", types_assignable_to(tT, iI, &qual, &cause), true, &cause, "");
    check_cause("implements-ptr-ok", types_assignable_to(types_new_pointer(&arena, tP), iI, &qual, &cause), true, &cause, "");
    check_cause("implements-ptr-recv", types_assignable_to(tP, iI, &qual, &cause), false, &cause,
                "P does not implement I (M method has pointer receiver)");
    check_cause("implements-missing", types_assignable_to(local, iI, &qual, &cause), false, &cause,
                "Local does not implement I (missing M method)");
    check_cause("implements-wrong-type", types_assignable_to(tW, iI, &qual, &cause), false, &cause,
                "W does not implement I (wrong type for M method)\n\t\thave M(x int)\n\t\twant M()");
    check_cause("assign-need-assertion", types_assignable_to(iI, tT, &qual, &cause), false, &cause, "need type assertion");
    check_cause("assign-error-iface", types_assignable_to(tT, types_universe.error_type, &qual, &cause), false, &cause,
                "T does not implement error (missing Error method)");
    check("convert-int-float", types_convertible_to(T(TY_INT), T(TY_FLOAT32), &qual, NULL), "int to float32");
    check("convert-string-bytes", types_convertible_to(T(TY_STRING), types_new_slice(&arena, types_universe.byte_type), &qual, NULL),
          "string to []byte");
    check("convert-int-string", types_convertible_to(local, T(TY_STRING), &qual, NULL), "Local to string");
    check("convert-ptr-unsafe", types_convertible_to(types_new_pointer(&arena, T(TY_INT)), T(TY_UNSAFE_POINTER), &qual, NULL),
          "*int to unsafe.Pointer");
    check("convert-tags", types_convertible_to(st, st3, &qual, NULL), "struct tags block conversion");
    check("convert-slice-arrayptr", types_convertible_to(ints, types_new_pointer(&arena, types_new_array(&arena, T(TY_INT), 4)), &qual, NULL),
          "[]int to *[4]int");
    check("convert-string-int", !types_convertible_to(T(TY_STRING), T(TY_INT), &qual, NULL), "string to int");

    // Comparability.
    check_cause("comparable-struct", types_comparable(strct(1, "s", ints), true, &qual, &cause), false, &cause,
                "struct containing []int cannot be compared");
    check("comparable-iface", types_comparable(im, true, &qual, NULL), "interfaces compare");
    check("comparable-array", types_comparable(types_new_array(&arena, T(TY_STRING), 2), true, &qual, NULL), "[2]string");
    check("comparable-func", !types_comparable(f, true, &qual, NULL), "func compares");

    // Lookup with embedding: Outer{*Inner; Other}, Inner{x int} with M on *Inner.
    Type *inner = named(&pkg_p, "Inner", strct(1, "x", T(TY_INT)));
    method(&pkg_p, inner, true, "PM", NULL, NULL);
    Type *other = named(&pkg_p, "Other", strct(1, "y", T(TY_INT)));
    Type *outer = named(&pkg_p, "Outer", strct(3, "*Inner", types_new_pointer(&arena, inner), "*Other", other,
                                                "z", T(TY_BOOL)));
    LookupResult r;
    types_lookup_field_or_method(&arena, outer, false, &pkg_p, str_cstr("x"), &r);
    check("lookup-promoted-field", r.status == LOOKUP_OK && r.nindex == 2 && r.index[0] == 0 && r.index[1] == 0 && r.indirect,
          "status %d nindex %d indirect %d", r.status, r.nindex, r.indirect);
    types_lookup_field_or_method(&arena, outer, false, &pkg_p, str_cstr("y"), &r);
    check("lookup-direct-embedded", r.status == LOOKUP_OK && r.nindex == 2 && r.index[0] == 1 && !r.indirect,
          "status %d nindex %d indirect %d", r.status, r.nindex, r.indirect);
    types_lookup_field_or_method(&arena, outer, false, &pkg_p, str_cstr("PM"), &r);
    check("lookup-ptr-method-via-embedded-ptr", r.status == LOOKUP_OK && r.indirect, "status %d", r.status);
    types_lookup_field_or_method(&arena, inner, false, &pkg_p, str_cstr("PM"), &r);
    check("lookup-ptr-recv-not-addressable", r.status == LOOKUP_PTR_RECV, "status %d", r.status);
    types_lookup_field_or_method(&arena, inner, true, &pkg_p, str_cstr("PM"), &r);
    check("lookup-ptr-recv-addressable", r.status == LOOKUP_OK, "status %d", r.status);
    types_lookup_field_or_method(&arena, outer, false, &pkg_q, str_cstr("z"), &r);
    check("lookup-unexported-other-pkg", r.status == LOOKUP_NOT_FOUND, "status %d", r.status);
    Type *amb = strct(2, "*Other", other, "*Other2", named(&pkg_p, "Other2", strct(1, "y", T(TY_INT))));
    types_lookup_field_or_method(&arena, amb, false, &pkg_p, str_cstr("y"), &r);
    check("lookup-ambiguous", r.status == LOOKUP_AMBIGUOUS, "status %d", r.status);
    types_lookup_field_or_method(&arena, types_universe.error_type, false, &pkg_p, str_cstr("Error"), &r);
    check("lookup-iface-method", r.status == LOOKUP_OK && r.obj == types_universe.error_method, "status %d", r.status);
    MethodSet ms = types_method_set(&arena, outer);
    MethodSet msp = types_method_set(&arena, types_new_pointer(&arena, tP));
    MethodSet msv = types_method_set(&arena, tP);
    check("method-set", ms.n == 1 && msp.n == 1 && msv.n == 0, "got %d %d %d", ms.n, msp.n, msv.n);

    // Scopes: declaration order and positions.
    Scope *fs = types_new_scope(&arena, pkg_p.scope, 100, 200, "function");
    fs->is_func = true;
    Object *x1 = types_new_var(&arena, 110, &pkg_p, str_cstr("x"), T(TY_INT));
    x1->scope_pos = 120;
    check("scope-insert", types_scope_insert(fs, x1) == NULL && types_scope_insert(fs, x1) == x1, "insert");
    Scope *found;
    check("scope-pos-before", types_scope_lookup_parent(fs, str_cstr("x"), 115, &found) == NULL, "visible too early");
    check("scope-pos-after", types_scope_lookup_parent(fs, str_cstr("x"), 130, &found) == x1 && found == fs, "not visible");
    check("scope-universe", types_scope_lookup_parent(fs, str_cstr("len"), 130, NULL) == types_universe.builtins[BUILTIN_LEN],
          "len not found");
    for (int i = 0; i < 100; i++) {
        char name[16];
        snprintf(name, sizeof name, "v%d", i);
        types_scope_insert(fs, types_new_var(&arena, 150, &pkg_p, str_cstr(name), T(TY_INT)));
    }
    check("scope-grow", types_scope_lookup(fs, str_cstr("v77")) && fs->nelems == 101 && fs->elems[0] == x1, "lost entries");
    check("universe-unsafe", types_scope_lookup(types_universe.unsafe_scope, str_cstr("Sizeof")) != NULL, "no unsafe.Sizeof");

    // Type sets: interface{ ~int | ~string } and comparable.
    Term terms[2] = {{true, T(TY_INT)}, {true, T(TY_STRING)}};
    Type *u = types_new_union(&arena, terms, 2);
    Type *cons = types_new_interface(&arena, NULL, 0, (Type *[]){u}, NULL, 1);
    TypeSet *ts = types_interface_typeset(cons, NULL);
    check("typeset-union", !ts->all && ts->nterms == 2, "all %d nterms %d", ts->all, ts->nterms);
    check("typeset-includes", types_typeset_includes(ts, local) && !types_typeset_includes(ts, T(TY_FLOAT64)), "includes");
    Term t3[1] = {{false, T(TY_INT)}};
    Type *cons2 = types_new_interface(&arena, NULL, 0, (Type *[]){u, types_new_union(&arena, t3, 1)}, NULL, 2);
    TypeSet *ts2 = types_interface_typeset(cons2, NULL);
    check("typeset-intersect", ts2->nterms == 1 && !ts2->terms[0].tilde && ts2->terms[0].type == T(TY_INT), "nterms %d", ts2->nterms);
    Object *tpo = types_new_typename(&arena, NOPOS, &pkg_p, str_cstr("P"), NULL);
    Type *tp = types_new_typeparam(&arena, tpo, 0, cons);
    check("core-type-none", types_core_type(tp) == NULL, "core type of ~int|~string");
    Term bs[2] = {{true, T(TY_STRING)}, {false, types_new_slice(&arena, types_universe.byte_type)}};
    Type *tpb = types_new_typeparam(&arena, tpo, 0, types_new_interface(&arena, NULL, 0,
                                    (Type *[]){types_new_union(&arena, bs, 2)}, NULL, 1));
    check("core-string", types_core_string(tpb) == T(TY_STRING) && types_core_type(tpb) == NULL, "core string");
    check("all-ordered", types_all_basic_info(tp, BASIC_ORDERED), "ordered");
    check_cause("implements-constraint", types_implements(local, cons, &qual, &cause), true, &cause, "");
    check_cause("implements-constraint-no", types_implements(T(TY_FLOAT64), cons, &qual, &cause), false, &cause,
                "float64 does not implement interface{~int|~string} (float64 missing in ~int | ~string)");
    check("comparable-constraint", types_implements(T(TY_INT), types_universe.comparable_type, &qual, NULL) &&
          !types_implements(ints, types_universe.comparable_type, &qual, NULL), "comparable");
    check("default-type", types_default_type(T(TY_UNTYPED_RUNE)) == types_universe.rune_type &&
          types_default_type(T(TY_UNTYPED_FLOAT)) == T(TY_FLOAT64), "defaults");

    check("exported", types_is_exported(str_cstr("\xc3\x89te")) && !types_is_exported(str_cstr("\xc3\xa9t\xc3\xa9")) &&
          types_is_exported(str_cstr("\xce\xa9mega")) && !types_is_exported(str_cstr("\xe6\x97\xa5")) &&
          !types_is_exported(str_cstr("_X")) && types_is_exported(str_cstr("X")) &&
          types_is_exported(str_cstr("\xc5\x81")) && !types_is_exported(str_cstr("\xc5\x82")), "is_exported");

    // Constants: a few API points the table does not reach.
    Const *c = types_const_unary(&pool, OP_XOR, types_const_int64(&pool, 1), 8);
    int64_t iv;
    check("const-unsigned-complement", types_const_int64_val(c, &iv) && iv == 254, "^uint8(1) = %lld", (long long)iv);
    Const *big = types_const_shift(&pool, OP_SHL, types_const_int64(&pool, 1), 64);
    uint64_t uv;
    check("const-uint64", !types_const_uint64_val(big, &uv) &&
          types_const_uint64_val(types_const_uint64(&pool, UINT64_MAX), &uv) && uv == UINT64_MAX, "uint64 extraction");
    bool exact;
    double d = types_const_float64_val(types_const_from_literal(&pool, LIT_FLOAT, "0.1", 3), &exact);
    check("const-float64-val", d == 0.1 && !exact, "%g %d", d, exact);
    Buf qb = {0};
    types_quote_string(&qb, "a\x01\xe2\x80\xa8\xff", 6);
    check("quote", strcmp(buf_cstr(&qb), "\"a\\x01\\u2028\\xff\"") == 0, "got %s", buf_cstr(&qb));
    buf_free(&qb);

    // Generic types: Pair[K comparable, V any], an instance, its printing,
    // identity and lazy expansion through the resolver.
    Object *ko = types_new_typename(&arena, NOPOS, &pkg_p, str_cstr("K"), NULL);
    Object *vo = types_new_typename(&arena, NOPOS, &pkg_p, str_cstr("V"), NULL);
    Type *K = types_new_typeparam(&arena, ko, 0, types_universe.comparable_type);
    Type *V = types_new_typeparam(&arena, vo, 1, types_universe.any_type);
    Type *pair = named(&pkg_p, "Pair", strct(2, "k", K, "v", V));
    Type **tps = ARENA_ARRAY(&arena, Type *, 2);
    tps[0] = K, tps[1] = V;
    pair->u.named.tparams = tps;
    pair->u.named.ntparams = 2;
    check_str("typestring-generic", pair, TS_TYPES2, "Pair[K comparable, V any]");
    static NamedResolver res = {resolve_pair, NULL};
    Type *inst = types_new_instance(&arena, pair, (Type *[]){T(TY_INT), T(TY_STRING)}, 2, &res);
    Type *inst2 = types_new_instance(&arena, pair, (Type *[]){T(TY_INT), T(TY_STRING)}, 2, &res);
    Type *inst3 = types_new_instance(&arena, pair, (Type *[]){T(TY_INT), T(TY_INT)}, 2, &res);
    check_str("typestring-instance", inst, TS_TYPES2, "Pair[int, string]");
    check_str("typestring-instance-gc", inst, TS_GC, "Pair[int,string]");
    check("identical-instances", types_identical(inst, inst2) && !types_identical(inst, inst3) &&
          types_hash(inst) == types_hash(inst2), "instance identity");
    check("generic", types_is_generic(pair) && !types_is_generic(inst), "is_generic");
    check("instance-expand", resolved == 0 && types_sizeof(inst) == 24 && resolved == 1, "resolver ran %d times", resolved);
    types_lookup_field_or_method(&arena, inst, false, &pkg_p, str_cstr("v"), &r);
    check("instance-field", r.status == LOOKUP_OK && r.obj->type == T(TY_STRING) && resolved == 1, "status %d", r.status);
    check_str("typestring-gc-anonstruct", types_new_pointer(&arena, st), TS_GC, "*struct { a int; b string }");
    check_str("typestring-gc-any", types_new_slice(&arena, types_universe.any_type), TS_GC, "[]interface {}");
    check_str("typestring-gc-qualified", types_new_pointer(&arena, buffer), TS_GC, "*q.Buffer");
    Type *mixed = iface(2, (Object *[]){imethod(&pkg_p, "m", func(NULL, NULL)), imethod(&pkg_p, "M", func(NULL, NULL))});
    check_str("typestring-gc-unexported-method", mixed, TS_GC, "interface { M(); example.com/p.m() }");
    check_str("typestring-unexported-method", mixed, TS_TYPES2, "interface{M(); m()}");
    Type *ff = types_new_signature(&arena, NULL, tuple(2, "x", T(TY_INT), "y", types_new_slice(&arena, T(TY_STRING))),
                                   tuple(2, "r", T(TY_INT), "err", types_universe.error_type), true);
    Type *mf = types_new_map(&arena, T(TY_STRING), ff);
    check_str("typestring-gc-func-map", mf, TS_GC, "map[string]func(int, ...string) (int, error)");
    check_str("typestring-func-map", mf, TS_TYPES2, "map[string]func(x int, y ...string) (r int, err error)");
    Str *tg = ARENA_ARRAY(&arena, Str, 2);
    tg[0] = str_cstr("json:\"a\"");
    Type *tagged = types_new_struct(&arena, strct(2, "A", T(TY_INT), "b", types_new_slice(&arena, types_universe.byte_type))->u.struct_.fields, tg, 2);
    check_str("typestring-gc-tags", tagged, TS_GC, "struct { A int \"json:\\\"a\\\"\"; b []byte }");
    check_str("typestring-tags", tagged, TS_TYPES2, "struct{A int \"json:\\\"a\\\"\"; b []byte}");
    check_str("typestring-gc-chans", types_new_chan(&arena, CHAN_SEND, types_new_chan(&arena, CHAN_RECV, types_universe.rune_type)),
              TS_GC, "chan<- <-chan rune");
    Object *qv = types_new_var(&arena, NOPOS, &pkg_q, str_cstr("V"), ints);
    types_scope_insert(pkg_q.scope, qv);
    Buf ob = {0};
    types_write_object(&ob, qv, &qual);
    buf_puts(&ob, "|");
    int npm;
    types_write_object(&ob, types_named_methods(tP, &npm)[0], &qual);
    buf_puts(&ob, "|");
    types_write_object(&ob, local->u.named.obj, &qual);
    buf_puts(&ob, "|");
    types_write_object(&ob, types_scope_lookup(types_universe.scope, str_cstr("any")), &qual);
    check("object-string", strcmp(buf_cstr(&ob), "var q.V []int|func (*P).M()|type Local int|type any = interface{}") == 0,
          "got %s", buf_cstr(&ob));
    buf_free(&ob);
    Type *impl = types_new_interface(&arena, NULL, 0, (Type *[]){u}, NULL, 1);
    impl->flags |= TF_IMPLICIT;
    check_str("typestring-implicit", impl, TS_TYPES2, "~int|~string");
    check_str("typestring-tparam", K, TS_TYPES2, "K");
    check_str("typestring-comparable", types_universe.comparable_type, TS_TYPES2, "comparable");

    // Embedded interfaces: interface{ I; N() } has M and N; duplicates.
    Object *mN = imethod(&pkg_p, "N", func(NULL, NULL));
    Type *emb = types_new_interface(&arena, (Object *[]){mN}, 1, (Type *[]){iI}, NULL, 1);
    TypeSet *es = types_interface_typeset(emb, NULL);
    check("typeset-embedded-methods", es->nmethods == 2 && es->methods[0]->name == str_cstr("M"), "n %d", es->nmethods);
    check_str("typestring-embedded", emb, TS_TYPES2, "interface{N(); I}");
    check_str("typestring-embedded-gc", emb, TS_GC, "interface { M(); N() }");
    Type *tTN = named(&pkg_p, "TN", strct(1, "*T", tT));
    method(&pkg_p, tTN, false, "N", NULL, NULL);
    check("implements-promoted", types_implements(tTN, emb, &qual, NULL), "TN with promoted M");
    types_lookup_field_or_method(&arena, strct(1, "*I", iI), false, &pkg_p, str_cstr("M"), &r);
    check("lookup-embedded-iface", r.status == LOOKUP_OK && r.nindex == 2 && r.obj == mM, "status %d", r.status);
    Diags dg = {0};
    Object *mM2 = imethod(&pkg_p, "M", func(tuple(1, NULL, T(TY_INT)), NULL));
    Type *dup = types_new_interface(&arena, (Object *[]){mM2}, 1, (Type *[]){iI}, NULL, 1);
    types_interface_typeset(dup, &dg);
    check("typeset-duplicate-method", dg.nerrors == 1, "%d errors", dg.nerrors);
    diag_discard(&dg);
    check("empty-iface", types_is_empty_interface(iface(0, NULL)) && !types_is_empty_interface(im) &&
          !types_is_empty_interface(types_universe.comparable_type), "empty interface");

    // Layout predicates for escape analysis.
    check("has-pointers", types_has_pointers(T(TY_STRING)) && !types_has_pointers(strct(1, "a", T(TY_INT))) &&
          types_has_pointers(strct(2, "a", T(TY_INT), "b", ints)) &&
          !types_has_pointers(types_new_array(&arena, types_new_pointer(&arena, T(TY_INT)), 0)), "has_pointers");
    check("direct-iface", types_is_direct_iface(types_new_pointer(&arena, T(TY_INT))) &&
          types_is_direct_iface(strct(1, "p", types_new_map(&arena, T(TY_INT), T(TY_INT)))) &&
          !types_is_direct_iface(T(TY_INT)) && !types_is_direct_iface(strct(2, "p", types_new_pointer(&arena, T(TY_INT)), "q", T(TY_INT))),
          "is_direct_iface");

    // Generic signatures compare with their type parameters paired.
    Object *ao = types_new_typename(&arena, NOPOS, &pkg_p, str_cstr("A"), NULL);
    Object *bo = types_new_typename(&arena, NOPOS, &pkg_p, str_cstr("B"), NULL);
    Type *A = types_new_typeparam(&arena, ao, 0, types_universe.any_type);
    Type *B = types_new_typeparam(&arena, bo, 0, types_universe.any_type);
    Type *ga = func(tuple(1, "x", A), NULL), *gb = func(tuple(1, "y", B), NULL);
    ga->u.func.tparams = (Type *[]){A}, ga->u.func.ntparams = 1;
    gb->u.func.tparams = (Type *[]){B}, gb->u.func.ntparams = 1;
    check("identical-generic-funcs", types_identical(ga, gb) && !types_identical(A, B), "generic signature identity");
    check_str("typestring-generic-func", ga, TS_TYPES2, "func[A any](x A)");
    buf_free(&cause);
}

int main(int argc, char **argv) {
    types_universe_init(NULL);
    types_const_pool_init(&pool, &arena);
    int rc = 0;
    if (argc >= 3 && strcmp(argv[1], "consts") == 0) {
        rc = run_consts(argv[2]);
    } else if (argc >= 2 && strcmp(argv[1], "sizes") == 0) {
        rc = run_sizes();
    } else if (argc >= 2 && strcmp(argv[1], "preds") == 0) {
        run_preds(false);
    } else if (argc >= 2 && strcmp(argv[1], "gcstrings") == 0) {
        run_preds(true);
    } else if (argc >= 2 && strcmp(argv[1], "unit") == 0) {
        unit_tests();
        rc = fails != 0;
    } else {
        fprintf(stderr, "usage: core_test consts FILE | sizes | preds | gcstrings | unit\n");
        rc = 2;
    }
    // Constants own GMP memory: release it so leak checkers stay quiet.
    types_const_pool_free(&pool);
    arena_free(&arena);
    return rc;
}
