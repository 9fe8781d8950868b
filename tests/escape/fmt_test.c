// fmt_test.c: checks src/escape/fmt.c against gc. The suite
// (tests/suites/81-escape-fmt.sh) compiles a package (a file of
// tests/escape/fmt_cases, or a standard package) with gc -m=2 -l and
// hands us the output; we load and type-check the same package with
// goesc's libraries and, for every line naming an expression ("X escapes
// to heap", "X does not escape", and the notes "from X (why) at POS" of
// explanations), print the node at that position with ir_fmt_node and
// compare with X.
//
// gc reports an implicit conversion at "the current position" when it
// made it, not at the operand: that of the last node with a position of
// its own the noder met (names and named constants have none), or the
// call or statement. So the candidates at a position are the nodes there
// and the operands of calls, literals and statements whose subtrees
// reach there; a line agrees when one of them prints as gc printed
// (ir_fmt_node_early counts too for -m=2 lines, see ir.h). Not ours
// to check, and counted apart: lines on parameters, on nodes gc makes
// with no node of ours ("... argument", the implicit & or * or embedded
// field of a selector, "implicit"), and go/defer wrappers with their
// temporaries ("temps").
//
// Usage: fmt_test PACKAGE GC_OUTPUT, the package as goesc's loader takes
// it (a file, a directory, an import path). Prints one "diff" line per
// disagreement (gc's text, then ours), "agree N/M" and the counts set
// apart; exits 1 if the package does not load and check.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/ir/ir.h"
#include "../../src/types/types.h"

typedef struct Cand {
    Node *n;
    bool implicit;      // stands for an implicit node gc made around n
    const char *file;   // base name: gc prints paths its own way
    int line, col;
} Cand;

static const char *base_name(const char *path) {
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static VEC(Cand) cands;

static void add_cand(Node *n, Pos at, bool implicit) {
    if (!n || at == NOPOS)
        return;
    Position p = pos_resolve(at);
    vec_push(&cands, ((Cand){n, implicit, base_name(p.file), p.line, p.col}));
}

static void add1(Node *n, Pos at) { add_cand(n, at, false); }

// A node's own position and where its source text starts: gc's notion of
// "the current position" when it makes an implicit node is often the
// latter.
static void add(Node *n, Pos at, Node *ctx) {
    add1(n, at);
    if (ctx)
        add1(n, syn_start_pos(ctx));
}

static Node *unparen(Node *n) {
    while (n && n->kind == N_PAREN)
        n = n->u.unary.x;
    return n;
}

static bool is_value(Node *n) {
    if (!n || n->kind == N_KEY_VALUE)
        return false;
    // calls of functions without results ("from f(x) (call parameter)")
    // and variables where they are declared ("x escapes to heap")
    if (n->kind == N_CALL && NODE_MODE(n) == MODE_NOVALUE)
        return true;
    if (n->kind == N_IDENT && n->u.ident.obj && n->u.ident.obj->kind == OBJ_VAR)
        return true;
    if (!n->type)
        return false;
    OperandMode m = NODE_MODE(n);
    return m != MODE_TYPEXPR && m != MODE_BUILTIN && m != MODE_NOVALUE && m != MODE_INVALID;
}

static void walk(Node *n);

// Statements gc names in -m=2 notes ("from g = x (assign)").
static bool is_stmt(Node *n) {
    switch (n->kind) {
    case N_ASSIGN: case N_INCDEC: case N_SEND: case N_RETURN: case N_GO: case N_DEFER:
    case N_FOR: case N_RANGE: case N_SWITCH: case N_TYPE_SWITCH: case N_SELECT:
    case N_VALUE_SPEC: case N_CASE_CLAUSE: case N_COMM_CLAUSE: case N_IF:
        return true;
    default:
        return false;
    }
}

static void walk_list(NodeList l) {
    for (int i = 0; i < l.n; i++)
        walk(l.v[i]);
}

// Operands of n that gc may report at ctx's position.
static void operand(Node *x, Node *ctx) {
    x = unparen(x);
    if (x && x->kind == N_KEY_VALUE)
        x = unparen(x->u.key_value.value);
    if (is_value(x)) {
        add(x, ctx->pos, ctx);
        add1(x, syn_start_pos(x));
    }
}

typedef VEC(Pos) PosVec;

// Every position inside an expression (func literal bodies aside).
static void positions(Node *n, PosVec *out) {
    if (!n)
        return;
    vec_push(out, n->pos);
    switch (n->kind) {
    case N_PAREN: case N_STAR: case N_UNARY:
        positions(n->u.unary.x, out);
        break;
    case N_BINARY:
        positions(n->u.binary.x, out);
        positions(n->u.binary.y, out);
        break;
    case N_KEY_VALUE:
        positions(n->u.key_value.key, out);
        positions(n->u.key_value.value, out);
        break;
    case N_SELECTOR:
        positions(n->u.selector.x, out);
        break;
    case N_INDEX:
        positions(n->u.index.x, out);
        for (int i = 0; i < n->u.index.indices.n; i++)
            positions(n->u.index.indices.v[i], out);
        break;
    case N_SLICE:
        positions(n->u.slice.x, out);
        positions(n->u.slice.lo, out);
        positions(n->u.slice.hi, out);
        positions(n->u.slice.max, out);
        break;
    case N_TYPE_ASSERT:
        positions(n->u.assert.x, out);
        break;
    case N_CALL:
        positions(n->u.call.fun, out);
        for (int i = 0; i < n->u.call.args.n; i++)
            positions(n->u.call.args.v[i], out);
        break;
    case N_COMPOSITE_LIT:
        for (int i = 0; i < n->u.composite.elts.n; i++)
            positions(n->u.composite.elts.v[i], out);
        break;
    default:
        break;
    }
}

// gc converts an operand at "the current position", which is that of the
// last node with a position of its own that the noder has met (names
// and named constants have none): any position among the operands of the
// same list is a candidate.
static void operands_with(NodeList l, Node *ctx, NodeList more) {
    PosVec ps = {0};
    for (int i = 0; i < l.n; i++)
        positions(l.v[i], &ps);
    for (int i = 0; i < more.n; i++)
        positions(more.v[i], &ps);
    for (int i = 0; i < l.n; i++) {
        operand(l.v[i], ctx);
        Node *x = unparen(l.v[i]);
        if (x && x->kind == N_KEY_VALUE)
            x = unparen(x->u.key_value.value);
        for (int j = 0; j < ps.len && is_value(x); j++)
            add1(x, ps.data[j]);
    }
    vec_free(&ps);
}

static void operands(NodeList l, Node *ctx) { operands_with(l, ctx, (NodeList){0}); }

// Parameters: gc's lines about them name variables, not expressions.
static VEC(Pos) params;

static void func_type(Node *ft) {
    if (!ft || ft->kind != N_FUNC_TYPE)
        return;
    NodeList ls[2] = {ft->u.func_type.params, ft->u.func_type.results};
    for (int k = 0; k < 2; k++)
        for (int i = 0; i < ls[k].n; i++)
            for (int j = 0; j < ls[k].v[i]->u.field.names.n; j++)
                vec_push(&params, ls[k].v[i]->u.field.names.v[j]->pos);
}

// Pre-order, so that the outermost candidate at a position comes first.
static void walk(Node *n) {
    if (!n)
        return;
    if (is_value(n) || is_stmt(n))
        add(n, n->pos, NULL);
    switch (n->kind) {
    case N_PAREN: case N_STAR: case N_UNARY: case N_EXPR_STMT: case N_INCDEC:
    case N_GO: case N_DEFER:
        walk(n->u.unary.x);
        break;
    case N_FUNC_LIT:
        func_type(n->u.func_lit.type);
        walk(n->u.func_lit.body);
        break;
    case N_COMPOSITE_LIT:
        operands(n->u.composite.elts, n);
        walk_list(n->u.composite.elts);
        break;
    case N_SELECTOR:
        // gc's implicit & or * of a receiver or embedded field, at the
        // selector's position, prints as the operand
        add_cand(unparen(n->u.selector.x), n->pos, true);
        walk(n->u.selector.x);
        break;
    case N_INDEX:
        walk(n->u.index.x);
        walk_list(n->u.index.indices);
        break;
    case N_SLICE: {
        // &array, made at the position of the last operand the noder met
        PosVec ps = {0};
        positions(n, &ps);
        for (int i = 0; i < ps.len; i++)
            add_cand(unparen(n->u.slice.x), ps.data[i], true);
        add_cand(unparen(n->u.slice.x), syn_start_pos(n), true);
        vec_free(&ps);
        walk(n->u.slice.x);
        walk(n->u.slice.lo);
        walk(n->u.slice.hi);
        walk(n->u.slice.max);
        break;
    }
    case N_TYPE_ASSERT:
        walk(n->u.assert.x);
        break;
    case N_CALL:
        operands(n->u.call.args, n);
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
        walk_list(n->u.value_spec.names);
        if (n->u.value_spec.names.n)
            add1(n, n->u.value_spec.names.v[0]->pos);
        operands(n->u.value_spec.values, n);
        walk_list(n->u.value_spec.values);
        break;
    case N_LABELED:
        walk(n->u.labeled.stmt);
        break;
    case N_SEND:
        operand(n->u.send.value, n);
        walk(n->u.send.chan);
        walk(n->u.send.value);
        break;
    case N_ASSIGN:
        // the left-hand side is evaluated after the right
        operands_with(n->u.assign.rhs, n, n->u.assign.lhs);
        walk_list(n->u.assign.lhs);
        walk_list(n->u.assign.rhs);
        break;
    case N_RETURN:
        operands(n->u.list.list, n);
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
        // each clause of a type switch declares the symbol anew, at its ':'
        if (n->kind == N_TYPE_SWITCH && n->u.switch_.tag && n->u.switch_.tag->kind == N_ASSIGN &&
            n->u.switch_.body) {
            Node *sym = n->u.switch_.tag->u.assign.lhs.v[0];
            NodeList cl = n->u.switch_.body->u.block.list;
            for (int i = 0; i < cl.n; i++)
                add1(sym, cl.v[i]->u.clause.colon);
        }
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
        walk(n->u.range.x);
        walk(n->u.range.body);
        break;
    case N_FUNC_DECL:
        for (int i = 0; i < n->u.func_decl.recv.n; i++)
            for (int j = 0; j < n->u.func_decl.recv.v[i]->u.field.names.n; j++)
                vec_push(&params, n->u.func_decl.recv.v[i]->u.field.names.v[j]->pos);
        func_type(n->u.func_decl.type);
        walk(n->u.func_decl.body);
        break;
    default:
        break;
    }
}

// The base name of the file of the line being parsed.
static char cur_file[256];

static void set_file(const char *start, const char *end) {
    for (const char *q = start; q < end; q++)
        if (*q == '/')
            start = q + 1;
    size_t n = (size_t)(end - start);
    if (n >= sizeof cur_file)
        n = sizeof cur_file - 1;
    memcpy(cur_file, start, n);
    cur_file[n] = 0;
}

// "x.go:9:2:     from TEXT (WHY) at x.go:12:7" (-m=2) -> 12, 7, TEXT.
static bool parse_note(char *s, int *line, int *col, char **text) {
    char *p = strstr(s, ":     from ");
    if (!p)
        return false;
    p += strlen(":     from ");
    char *at = NULL;
    for (char *q = strstr(p, " at "); q; q = strstr(q + 1, " at "))
        at = q;
    if (!at)
        return false;
    char *loc = strstr(at, ".go:");
    if (!loc || sscanf(loc + 4, "%d:%d", line, col) != 2)
        return false;
    set_file(at + 4, loc + 3);
    char *why = NULL;
    for (char *q = strstr(p, " ("); q && q < at; q = strstr(q + 1, " ("))
        why = q;
    if (!why)
        return false;
    *why = 0;
    *text = p;
    return strcmp(p, "... argument") != 0;
}

// "x.go:12:7: TEXT escapes to heap" -> line, col, TEXT; false for lines
// that name no expression of ours.
static bool parse_line(char *s, int *line, int *col, char **text, bool *m2) {
    s[strcspn(s, "\n")] = 0;
    *m2 = true;
    if (parse_note(s, line, col, text))
        return true;
    size_t len = strlen(s);
    *m2 = len && s[len - 1] == ':';     // -m=2: an explanation follows
    if (*m2)
        s[len - 1] = 0;
    char *p = strstr(s, ".go:");
    if (!p || sscanf(p + 4, "%d:%d:", line, col) != 2)
        return false;
    set_file(s, p + 3);
    p = strchr(p + 4, ':');
    p = p ? strchr(p + 1, ':') : NULL;
    if (!p || p[1] != ' ')
        return false;
    p += 2;
    s[strcspn(s, "\n")] = 0;
    static const char *const tails[] = {" escapes to heap", " does not escape"};
    for (int i = 0; i < 2; i++) {
        size_t n = strlen(p), t = strlen(tails[i]);
        if (n > t && strcmp(p + n - t, tails[i]) == 0) {
            p[n - t] = 0;
            *text = p;
            return strcmp(p, "... argument") != 0;
        }
    }
    return false;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: fmt_test PACKAGE GC_OUTPUT\n");
        return 2;
    }
    Diags diags = {0};
    LoadConfig cfg = {.parse = true};
    Loader *l = load_new(&cfg, &diags);
    if (!l) {
        diag_flush(&diags);
        return 1;
    }
    int npkgs;
    Package **pkgs = load_patterns(l, argv + 1, 1, &npkgs);
    types_universe_init(load_lookup(l, str_cstr("unsafe")));
    Package *target = NULL;
    for (int k = 0; k < npkgs; k++) {
        Package *p = pkgs[k];
        if (p->bad)
            continue;
        Diags pd = {.limit = 10};
        CheckConfig cc = {0};
        if (!types_check_package(p, &cc, &pd))
            p->bad = true;
        diag_flush(&pd);
        if (p->matched)
            target = p;
    }
    diag_flush(&diags);
    if (!target || target->bad) {
        fprintf(stderr, "fmt_test: %s does not load and check\n", argv[1]);
        return 1;
    }
    for (int i = 0; i < target->nfiles; i++)
        if (target->syn[i])
            walk_list(target->syn[i]->decls);

    FILE *f = fopen(argv[2], "r");
    if (!f) {
        perror(argv[2]);
        return 1;
    }
    char line[4096];
    int agree = 0, total = 0, early = 0, implicits = 0, temps = 0;
    Buf b = {0};
    while (fgets(line, sizeof line, f)) {
        int ln, col;
        char *text;
        bool m2;
        if (!parse_line(line, &ln, &col, &text, &m2))
            continue;
        bool is_param = false;
        for (int i = 0; i < params.len; i++) {
            Position pp = pos_resolve(params.data[i]);
            if (pp.line == ln && pp.col == col && strcmp(base_name(pp.file), cur_file) == 0)
                is_param = true;
        }
        if (is_param)
            continue;
        total++;
        Buf first = {0};
        bool ok = false, implicit = false;
        size_t tlen = strlen(text);
        for (int i = 0; i < cands.len && !ok; i++) {
            if (cands.data[i].line != ln || cands.data[i].col != col ||
                strcmp(cands.data[i].file, cur_file) != 0)
                continue;
            b.len = 0;
            ir_fmt_node(&b, cands.data[i].n, target);
            const char *ours = buf_cstr(&b);
            if (strcmp(ours, text) == 0 && cands.data[i].implicit) {
                implicit = true;
                continue;
            }
            if (strcmp(ours, text) == 0) {
                ok = true;
                break;
            }
            // gc's implicit field access of an embedded field: "a.I" in
            // our a.I.M, which has no node of its own
            if (strncmp(ours, text, tlen) == 0 && ours[tlen] == '.')
                implicit = true;
            // T{...} under gc's &T{...} for an element whose & is elided
            if (ours[0] == '&' && strcmp(ours + 1, text) == 0 && cands.data[i].n->kind == N_COMPOSITE_LIT)
                implicit = true;
            if (!first.len)
                buf_puts(&first, ours);
            // -m=2 explains some flows in the middle of the walk
            if (m2) {
                b.len = 0;
                ir_fmt_node_early(&b, cands.data[i].n, target);
                if (strcmp(buf_cstr(&b), text) == 0)
                    ok = true, early++;
            }
        }
        // gc's go/defer wrappers and their temporaries are nodes gc makes,
        // not ours: the builder names them
        if (!ok && (strstr(text, ".autotmp_") || strcmp(text, "func literal") == 0)) {
            // the assignment to a temporary that gc added
            bool wrapper = strncmp(text, ".autotmp_", 9) == 0 && strstr(text, " := ");
            for (int i = 0; i < cands.len && !wrapper; i++)
                if (cands.data[i].line == ln && strcmp(cands.data[i].file, cur_file) == 0 &&
                    (cands.data[i].n->kind == N_GO || cands.data[i].n->kind == N_DEFER))
                    wrapper = true;
            if (wrapper) {
                total--, temps++;
                buf_free(&first);
                continue;
            }
        }
        if (ok)
            agree++;
        else if (implicit)
            total--, implicits++;
        else
            printf("diff %d:%d: gc %s | ours %s\n", ln, col, text, first.len ? buf_cstr(&first) : "(no node)");
        buf_free(&first);
    }
    fclose(f);
    buf_free(&b);
    printf("agree %d/%d\n", agree, total);
    printf("early %d implicit %d temps %d\n", early, implicits, temps);
    vec_free(&cands);
    for (int k = 0; k < npkgs; k++)
        types_free_info(pkgs[k]);
    load_free(l);
    return 0;
}
