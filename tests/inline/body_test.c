// body_test.c: checks ir_fmt_inl_func (src/ir/fmt_stmt.c) against gc.
// gc -m=2 prints, for every function it can inline,
//   POS: can inline NAME with cost N as: TYPE { BODY }
// with POS the function's name (declarations) or its "func" keyword
// (literals). We load and type-check the same packages with goesc's
// libraries, find the function at POS and print it with ir_fmt_inl_func;
// a line agrees when the text equals gc's after "as: ".
//
// gc's shape instantiations of generic code ("can inline
// atomic.(*Pointer[go.shape.int_0]).Load") print with ir_fmt_inl_inst:
// the package compiling them is named by gc's "# path" header line, and
// a line agrees when one of the instances the checker recorded for that
// function (or its receiver's generic type), with its type parameters
// bound to gc's shapes, prints as gc's text.
//
// Usage: body_test [-C DIR] GC_OUTPUT PATTERN...
// PATTERN as goesc's loader takes it (std, import paths, files); -C: the
// directory relative positions in GC_OUTPUT are relative to. Prints one
// "diff" line per disagreement, then "agree N/M" over all lines,
// "generic N/M" over the shape instantiations among them, and "missing
// N" for lines whose function we could not find. Exits 1 if a package
// fails to load.
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/ir/ir.h"
#include "../../src/types/types.h"

typedef struct Fn {
    Node *n;
    Package *pkg;
} Fn;

static PtrMap funcs;    // interned "realpath:line:col" -> Fn*
static PtrMap realp;    // interned path -> interned realpath
static Package *cur_pkg;

static Str real_of(Str path) {
    Str r = ptrmap_get(&realp, path);
    if (r)
        return r;
    char buf[PATH_MAX];
    r = str_cstr(realpath(path, buf) ? buf : path);
    ptrmap_put(&realp, path, (void *)r);
    return r;
}

static Str key_of(Str file, int line, int col) {
    char buf[PATH_MAX + 64];
    snprintf(buf, sizeof buf, "%s:%d:%d", real_of(str_cstr(file)), line, col);
    return str_cstr(buf);
}

static void add_at(Node *n, Pos at) {
    Position p = pos_resolve(at);
    Fn *f = calloc(1, sizeof *f);
    f->n = n;
    f->pkg = cur_pkg;
    ptrmap_put(&funcs, key_of(p.file, p.line, p.col), f);
}

// gc names a shape instantiation of a generic function or method at its
// name, the function itself at the token after "func".
static void add(Node *n) {
    add_at(n, n->pos);
    if (n->kind == N_FUNC_DECL && n->u.func_decl.name->pos != n->pos)
        add_at(n, n->u.func_decl.name->pos);
}

// gc's shape of type argument targ for tparam (its Shapify, for the
// arguments of non-generic code): the underlying type, and *uint8 for
// pointers when the constraint has no core type.
static Type *shape_of(Type *tparam, Type *targ) {
    static Type *ptr_shape;
    Type *u = types_under(targ);
    if (u->kind == TY_POINTER && u->u.elem.elem && types_under(u->u.elem.elem)->kind != TY_ARRAY &&
        !(u->u.elem.elem->flags & TF_NOTINHEAP) && !types_core_type(tparam)) {
        if (!ptr_shape) {
            static Arena a;
            ptr_shape = types_new_pointer(&a, TYP(TY_UINT8));
        }
        u = ptr_shape;
    }
    return u;
}

// Whether t mentions a type parameter (an instance inside generic code).
static bool mentions_tparam(Type *t, int depth) {
    if (!t || depth > 8 || TY_IS_BASIC(t->kind))
        return false;
    switch (t->kind) {
    case TY_TYPEPARAM: return true;
    case TY_POINTER: case TY_SLICE: return mentions_tparam(t->u.elem.elem, depth + 1);
    case TY_ARRAY: return mentions_tparam(t->u.array.elem, depth + 1);
    case TY_MAP: return mentions_tparam(t->u.map.key, depth + 1) || mentions_tparam(t->u.map.elem, depth + 1);
    case TY_CHAN: return mentions_tparam(t->u.chan.elem, depth + 1);
    case TY_NAMED:
        for (int i = 0; i < t->u.named.ntargs; i++)
            if (mentions_tparam(t->u.named.targs[i], depth + 1))
                return true;
        return false;
    default: return false;
    }
}

static bool has_tparam(Type **ts, int n) {
    for (int i = 0; i < n; i++)
        if (mentions_tparam(ts[i], 0))
            return true;
    return false;
}

// A shape instantiation of fn (a generic declaration) that package pkg
// compiles and that prints as text. The type arguments come from the
// instances of fn, or of the generic type of its receiver, that the
// checker recorded in package from (pkg stencils what inlined bodies of
// its imports instantiate too).
static bool inst_agrees_from(Fn *fn, Package *pkg, Package *from, const char *text, Buf *b) {
    Object *o = fn->n->kind == N_FUNC_DECL ? fn->n->u.func_decl.name->u.ident.obj : NULL;
    Type *sig = o ? o->type : NULL;
    Info *info = from ? types_package_info(from) : NULL;
    if (!sig || sig->kind != TY_FUNC || !info)
        return false;
    Type **tps = sig->u.func.tparams;
    int ntps = sig->u.func.ntparams;
    Type *gen = NULL;
    if (sig->u.func.recv) {
        tps = sig->u.func.rtparams;
        ntps = sig->u.func.nrtparams;
        gen = sig->u.func.recv->type;
        if (gen && gen->kind == TY_POINTER)
            gen = gen->u.elem.elem;
        if (gen && gen->kind == TY_NAMED && gen->u.named.orig)
            gen = gen->u.named.orig;
    }
    for (size_t i = 0; i < info->instances.cap; i++) {
        Node *id = (Node *)info->instances.slots[i].key;
        Instance *in = info->instances.slots[i].val;
        if (!id || !in || in->ntargs != ntps || has_tparam(in->targs, in->ntargs))
            continue;
        Type *t = in->type;
        bool ours = gen ? t && t->kind == TY_NAMED && t->u.named.orig == gen
                        : id->kind == N_IDENT && id->u.ident.obj == o;
        if (!ours)
            continue;
        for (int k = 0; k < ntps; k++)
            types_bind_shape(tps[k], shape_of(tps[k], in->targs[k]));
        b->len = 0;
        ir_fmt_inl_inst(b, fn->n, pkg);
        for (int k = 0; k < ntps; k++)
            types_bind_shape(tps[k], NULL);
        if (strcmp(buf_cstr(b), text) == 0)
            return true;
    }
    return false;
}

static bool inst_agrees(Fn *fn, Package *pkg, Package **all, int nall, const char *text, Buf *b) {
    if (inst_agrees_from(fn, pkg, pkg, text, b))
        return true;
    for (int i = 0; i < nall; i++)
        if (all[i] != pkg && !all[i]->bad && inst_agrees_from(fn, pkg, all[i], text, b))
            return true;
    return false;
}

static void walk(Node *n);

static void walk_list(NodeList l) {
    for (int i = 0; i < l.n; i++)
        walk(l.v[i]);
}

// Every node that may hold a func literal.
static void walk(Node *n) {
    if (!n)
        return;
    switch (n->kind) {
    case N_FUNC_LIT:
        add(n);
        walk(n->u.func_lit.body);
        break;
    case N_FUNC_DECL:
        if (n->u.func_decl.body) {
            add(n);
            walk(n->u.func_decl.body);
        }
        break;
    case N_COMPOSITE_LIT:
        walk_list(n->u.composite.elts);
        break;
    case N_PAREN: case N_STAR: case N_UNARY: case N_EXPR_STMT: case N_INCDEC:
    case N_GO: case N_DEFER:
        walk(n->u.unary.x);
        break;
    case N_SELECTOR:
        walk(n->u.selector.x);
        break;
    case N_INDEX:
        walk(n->u.index.x);
        walk_list(n->u.index.indices);
        break;
    case N_SLICE:
        walk(n->u.slice.x);
        walk(n->u.slice.lo);
        walk(n->u.slice.hi);
        walk(n->u.slice.max);
        break;
    case N_TYPE_ASSERT:
        walk(n->u.assert.x);
        break;
    case N_CALL:
        walk(n->u.call.fun);
        walk_list(n->u.call.args);
        break;
    case N_BINARY:
        walk(n->u.binary.x);
        walk(n->u.binary.y);
        break;
    case N_KEY_VALUE:
        walk(n->u.key_value.key);
        walk(n->u.key_value.value);
        break;
    case N_DECL_STMT:
        walk(n->u.decl_stmt.decl);
        break;
    case N_GEN_DECL:
        walk_list(n->u.gen_decl.specs);
        break;
    case N_VALUE_SPEC:
        walk_list(n->u.value_spec.values);
        break;
    case N_LABELED:
        walk(n->u.labeled.stmt);
        break;
    case N_SEND:
        walk(n->u.send.chan);
        walk(n->u.send.value);
        break;
    case N_ASSIGN:
        walk_list(n->u.assign.lhs);
        walk_list(n->u.assign.rhs);
        break;
    case N_RETURN:
        walk_list(n->u.list.list);
        break;
    case N_BLOCK:
        walk_list(n->u.block.list);
        break;
    case N_IF:
        walk(n->u.if_.init);
        walk(n->u.if_.cond);
        walk(n->u.if_.then);
        walk(n->u.if_.els);
        break;
    case N_CASE_CLAUSE:
        walk_list(n->u.clause.list);
        walk_list(n->u.clause.body);
        break;
    case N_COMM_CLAUSE:
        walk(n->u.comm.comm);
        walk_list(n->u.comm.body);
        break;
    case N_SWITCH: case N_TYPE_SWITCH: case N_SELECT:
        walk(n->u.switch_.init);
        walk(n->u.switch_.tag);
        walk(n->u.switch_.body);
        break;
    case N_FOR:
        walk(n->u.for_.init);
        walk(n->u.for_.cond);
        walk(n->u.for_.post);
        walk(n->u.for_.body);
        break;
    case N_RANGE:
        walk(n->u.range.key);
        walk(n->u.range.value);
        walk(n->u.range.x);
        walk(n->u.range.body);
        break;
    default:
        break;
    }
}

// "FILE:L:C: can inline NAME with cost N as: BODY" -> its parts.
static bool parse_line(char *s, char **file, int *line, int *col, char **name, char **body) {
    s[strcspn(s, "\n")] = 0;
    char *ci = strstr(s, ": can inline ");
    char *as = ci ? strstr(ci, " as: ") : NULL;
    if (!as)
        return false;
    *ci = 0;
    *body = as + 5;
    *as = 0;
    *name = ci + strlen(": can inline ");
    char *c2 = strrchr(s, ':');
    if (!c2)
        return false;
    *c2 = 0;
    char *c1 = strrchr(s, ':');
    if (!c1)
        return false;
    *c1 = 0;
    *line = atoi(c1 + 1);
    *col = atoi(c2 + 1);
    *file = s;
    return true;
}

int main(int argc, char **argv) {
    const char *dir = NULL;
    int ai = 1;
    if (ai + 1 < argc && strcmp(argv[ai], "-C") == 0) {
        dir = argv[ai + 1];
        ai += 2;
    }
    if (argc - ai < 2) {
        fprintf(stderr, "usage: body_test [-C DIR] GC_OUTPUT PATTERN...\n");
        return 2;
    }
    const char *gcout = argv[ai++];
    Diags diags = {0};
    LoadConfig cfg = {.parse = true};
    Loader *l = load_new(&cfg, &diags);
    if (!l) {
        diag_flush(&diags);
        return 1;
    }
    int npkgs;
    Package **pkgs = load_patterns(l, argv + ai, argc - ai, &npkgs);
    types_universe_init(load_lookup(l, str_cstr("unsafe")));
    int bad = 0;
    for (int k = 0; k < npkgs; k++) {
        Package *p = pkgs[k];
        if (p->bad) {
            bad += p->matched;
            continue;
        }
        Diags pd = {.limit = 10};
        CheckConfig cc = {0};
        if (!types_check_package(p, &cc, &pd)) {
            p->bad = true;
            bad += p->matched;
        }
        diag_flush(&pd);
        if (p->bad)
            continue;
        // every package: generic code is stenciled where it is used
        cur_pkg = p;
        for (int i = 0; i < p->nfiles; i++)
            if (p->syn[i])
                walk_list(p->syn[i]->decls);
    }
    diag_flush(&diags);
    // gc compiled every package with inlining, so each exports its inline
    // bodies, which decides some qualifiers (ir_qualify_by_path takes the
    // matched packages to be compiled with -l).
    for (int k = 0; k < npkgs; k++)
        pkgs[k]->matched = false;
    if (bad) {
        fprintf(stderr, "body_test: %d packages do not load and check\n", bad);
        return 1;
    }

    FILE *f = fopen(gcout, "r");
    if (!f) {
        perror(gcout);
        return 1;
    }
    Str goroot = load_goroot(l);
    static char line[1 << 20];
    int agree = 0, total = 0, gagree = 0, gtotal = 0, missing = 0;
    Buf b = {0};
    Package *compiling = NULL;
    while (fgets(line, sizeof line, f)) {
        char *file, *name, *text;
        int ln, col;
        if (line[0] == '#' && line[1] == ' ') {
            // "# import/path": the package whose compilation follows
            line[strcspn(line, "\n")] = 0;
            compiling = load_lookup(l, str_cstr(line + 2));
            continue;
        }
        if (!parse_line(line, &file, &ln, &col, &name, &text))
            continue;
        char path[2 * PATH_MAX];
        if (strncmp(file, "$GOROOT/", 8) == 0)
            snprintf(path, sizeof path, "%s/%.4000s", goroot, file + 8);
        else if (file[0] != '/' && dir)
            snprintf(path, sizeof path, "%s/%.4000s", dir, file);
        else
            snprintf(path, sizeof path, "%.4000s", file);
        bool generic = strstr(name, "[go.shape.") != NULL;
        if (generic) {
            total++;
            gtotal++;
            Fn *fn = ptrmap_get(&funcs, key_of(path, ln, col));
            if (!fn)
                missing++;
            else if (inst_agrees(fn, compiling ? compiling : fn->pkg, pkgs, npkgs, text, &b))
                agree++, gagree++;
            else
                printf("diff %s:%d:%d: %s (in %s)\n  gc   %s\n  ours %s\n", path, ln, col, name,
                       compiling ? compiling->path : "?", text, buf_cstr(&b));
            continue;
        }
        total++;
        gtotal += generic;
        Fn *fn = ptrmap_get(&funcs, key_of(path, ln, col));
        if (!fn) {
            missing++;
            if (!generic)
                printf("missing %s:%d:%d: %s\n", path, ln, col, name);
            continue;
        }
        b.len = 0;
        ir_fmt_inl_func(&b, fn->n, fn->pkg);
        if (strcmp(buf_cstr(&b), text) == 0) {
            agree++;
            gagree += generic;
        } else if (!generic) {
            printf("diff %s:%d:%d: %s\n  gc   %s\n  ours %s\n", path, ln, col, name, text, buf_cstr(&b));
        }
    }
    fclose(f);
    buf_free(&b);
    printf("agree %d/%d\n", agree, total);
    printf("generic %d/%d\n", gagree, gtotal);
    printf("missing %d\n", missing);
    for (int k = 0; k < npkgs; k++)
        types_free_info(pkgs[k]);
    load_free(l);
    return 0;
}
