// dumptypes.c: the checker's results as a text table, for comparison with
// go/types (tests/oracle/typesdump prints the same table from go/types'
// Info.Types; tests/suites/75-types-std.sh compares the two on std).
//
// One line per expression the checker recorded (a node with a type or an
// operand mode), in the go/types sense of "expression" (go/ast's Expr
// nodes: N_BAD_EXPR through N_CHAN_TYPE):
//
//     FILE:LINE:COL/DEPTH KIND MODE TYPE [= VALUE]
//
//  - FILE:LINE:COL is go/ast's start position (syn_start_pos), physical
//    (//line directives ignored), FILE the base name.
//  - DEPTH tells apart expressions that start at the same byte, which are
//    always nested: the number of enclosing expressions starting there
//    too. In a.b.c the SelectorExpr a.b.c has depth 0, a.b 1 and a 2.
//    (go/ast's End() would do as well, but the AST does not keep every
//    closing token.)
//  - KIND is go/ast's node type name (IndexListExpr for an index
//    expression with several indices).
//  - MODE is derived the same way on both sides, from what go/types'
//    TypeAndValue predicates can tell apart (go/types does not expose the
//    mode itself):
//        novalue   IsVoid                type      IsType
//        builtin   IsBuiltin             constant  Value != nil
//        nil       IsNil                 variable  Addressable
//        mapindex  HasOk && Assignable   commaok   HasOk
//        value     other IsValue         invalid   (never recorded)
//    types2's comma-error mode (cgo only) is a "value" for go/types.
//  - TYPE is types2's type string, every package qualified by its path
//    (go/types' TypeString with a nil Qualifier); "()" for no value.
//    nil prints as "untyped nil" whatever type it was given: types2
//    gives nil the type its context wants, go/types keeps it untyped.
//  - VALUE, for constants, is go/constant's ExactString, except that a
//    string longer than 64 bytes prints as its quoted first 64 bytes,
//    "...", its length and FNV-1a 64 hash: the operands of a long
//    concatenation would otherwise make the table quadratic.
//
// Nothing the checker records is left out: a statement or other node
// with a type or mode would be listed too (and count as a mismatch).
// Three things have no line on either side: the "1" go/types invents to
// check x++ as x += 1 and the interface it wraps around a constraint
// written as ~T or A|B (neither is in the AST), and the third range
// variable (u.range.extra), which go/ast cannot hold (a syntax error).
#include "types.h"

#include <stdlib.h>
#include <string.h>

typedef struct Entry {
    const char *file;   // base name
    int line, col, depth;
    Node *n;
} Entry;

typedef struct Walker {
    VEC(Entry) list;
    VEC(Pos) starts;    // start positions of the enclosing expressions
} Walker;

static void walk(Walker *w, Node *n);

static void walk_list(Walker *w, NodeList l) {
    for (int i = 0; i < l.n; i++)
        walk(w, l.v[i]);
}

static bool is_expr(Node *n) { return n->kind <= N_CHAN_TYPE; }

static bool recorded(Node *n) { return n->type || NODE_MODE(n) != MODE_INVALID; }

static const char *base_name(const char *path) {
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

// Adds n to the table if the checker recorded it. Returns its start.
static Pos visit(Walker *w, Node *n) {
    Pos start = syn_start_pos(n);
    if (recorded(n)) {
        int depth = 0;
        for (int i = w->starts.len - 1; i >= 0 && w->starts.data[i] == start; i--)
            depth++;
        Position p = pos_resolve_raw(start);
        Entry e = {base_name(p.file ? p.file : "?"), p.line, p.col, depth, n};
        vec_push(&w->list, e);
    }
    return start;
}

static void walk(Walker *w, Node *n) {
    if (!n)
        return;
    // Statements and other nodes are never in go/types' table; one the
    // checker gave a type or mode is listed anyway (an extra entry).
    bool expr = is_expr(n);
    if (expr) {
        Pos start = visit(w, n);  // before the push: vec_push evaluates late
        vec_push(&w->starts, start);
    } else if (recorded(n))
        visit(w, n);
    switch ((NodeKind)n->kind) {
    case N_BAD_EXPR:
    case N_IDENT:
    case N_BASIC_LIT:
    case N_BAD_STMT:
    case N_EMPTY_STMT:
        break;
    case N_ELLIPSIS: walk(w, n->u.ellipsis.elt); break;
    case N_FUNC_LIT:
        walk(w, n->u.func_lit.type);
        walk(w, n->u.func_lit.body);
        break;
    case N_COMPOSITE_LIT:
        walk(w, n->u.composite.type);
        walk_list(w, n->u.composite.elts);
        break;
    case N_PAREN:
    case N_STAR:
    case N_UNARY:
    case N_EXPR_STMT:
    case N_INCDEC:
    case N_GO:
    case N_DEFER:
        walk(w, n->u.unary.x);
        break;
    case N_SELECTOR:
        walk(w, n->u.selector.x);
        walk(w, n->u.selector.sel);
        break;
    case N_INDEX:
        walk(w, n->u.index.x);
        walk_list(w, n->u.index.indices);
        break;
    case N_SLICE:
        walk(w, n->u.slice.x);
        walk(w, n->u.slice.lo);
        walk(w, n->u.slice.hi);
        walk(w, n->u.slice.max);
        break;
    case N_TYPE_ASSERT:
        walk(w, n->u.assert.x);
        walk(w, n->u.assert.type);
        break;
    case N_CALL:
        walk(w, n->u.call.fun);
        walk_list(w, n->u.call.args);
        break;
    case N_BINARY:
        walk(w, n->u.binary.x);
        walk(w, n->u.binary.y);
        break;
    case N_KEY_VALUE:
        walk(w, n->u.key_value.key);
        walk(w, n->u.key_value.value);
        break;
    case N_ARRAY_TYPE:
        walk(w, n->u.array.len);
        walk(w, n->u.array.elt);
        break;
    case N_STRUCT_TYPE:
    case N_INTERFACE_TYPE:
        walk_list(w, n->u.fields.list);
        break;
    case N_FUNC_TYPE:
        walk_list(w, n->u.func_type.tparams);
        walk_list(w, n->u.func_type.params);
        walk_list(w, n->u.func_type.results);
        break;
    case N_MAP_TYPE:
        walk(w, n->u.map.key);
        walk(w, n->u.map.value);
        break;
    case N_CHAN_TYPE: walk(w, n->u.chan.value); break;
    case N_FIELD:
        walk_list(w, n->u.field.names);
        walk(w, n->u.field.type);
        walk(w, n->u.field.tag);
        break;
    case N_DECL_STMT: walk(w, n->u.decl_stmt.decl); break;
    case N_LABELED:
        walk(w, n->u.labeled.label);
        walk(w, n->u.labeled.stmt);
        break;
    case N_SEND:
        walk(w, n->u.send.chan);
        walk(w, n->u.send.value);
        break;
    case N_ASSIGN:
        walk_list(w, n->u.assign.lhs);
        walk_list(w, n->u.assign.rhs);
        break;
    case N_RETURN: walk_list(w, n->u.list.list); break;
    case N_BRANCH: walk(w, n->u.branch.label); break;
    case N_BLOCK: walk_list(w, n->u.block.list); break;
    case N_IF:
        walk(w, n->u.if_.init);
        walk(w, n->u.if_.cond);
        walk(w, n->u.if_.then);
        walk(w, n->u.if_.els);
        break;
    case N_CASE_CLAUSE:
        walk_list(w, n->u.clause.list);
        walk_list(w, n->u.clause.body);
        break;
    case N_SWITCH:
    case N_TYPE_SWITCH:
    case N_SELECT:
        walk(w, n->u.switch_.init);
        walk(w, n->u.switch_.tag);
        walk(w, n->u.switch_.body);
        break;
    case N_COMM_CLAUSE:
        walk(w, n->u.comm.comm);
        walk_list(w, n->u.comm.body);
        break;
    case N_FOR:
        walk(w, n->u.for_.init);
        walk(w, n->u.for_.cond);
        walk(w, n->u.for_.post);
        walk(w, n->u.for_.body);
        break;
    case N_RANGE:
        walk(w, n->u.range.key);
        walk(w, n->u.range.value);
        walk(w, n->u.range.x);
        walk(w, n->u.range.body);
        break;
    case N_GEN_DECL: walk_list(w, n->u.gen_decl.specs); break;
    case N_IMPORT_SPEC:
        walk(w, n->u.import_spec.name);
        walk(w, n->u.import_spec.path);
        break;
    case N_VALUE_SPEC:
        walk_list(w, n->u.value_spec.names);
        walk(w, n->u.value_spec.type);
        walk_list(w, n->u.value_spec.values);
        break;
    case N_TYPE_SPEC:
        walk(w, n->u.type_spec.name);
        walk_list(w, n->u.type_spec.tparams);
        walk(w, n->u.type_spec.type);
        break;
    case N_FUNC_DECL:
        walk_list(w, n->u.func_decl.recv);
        walk(w, n->u.func_decl.name);
        walk(w, n->u.func_decl.type);
        walk(w, n->u.func_decl.body);
        break;
    case N_COUNT:
        unreachable();
    }
    if (expr)
        w->starts.len--;
}

static int entry_cmp(const void *a, const void *b) {
    const Entry *x = a, *y = b;
    int c = strcmp(x->file, y->file);
    if (c)
        return c;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->col != y->col)
        return x->col < y->col ? -1 : 1;
    return (x->depth > y->depth) - (x->depth < y->depth);
}

static const char *mode_name(Node *n) {
    bool nil_type = n->type && n->type->kind == TY_UNTYPED_NIL;
    switch (NODE_MODE(n)) {
    case MODE_INVALID: return "invalid";
    case MODE_NOVALUE: return "novalue";
    case MODE_BUILTIN: return "builtin";
    case MODE_TYPEXPR: return "type";
    case MODE_CONSTANT: return "constant";
    case MODE_VARIABLE: return "variable";
    case MODE_MAPINDEX: return "mapindex";
    case MODE_VALUE: return nil_type ? "nil" : "value";
    case MODE_NILVALUE: return "nil";
    case MODE_COMMAOK: return "commaok";
    case MODE_COMMAERR: return "value";
    case MODE_COUNT: break;
    }
    return "invalid";
}

enum { MAX_STRING = 64 };

static void write_value(Buf *out, Const *v) {
    if (types_const_kind(v) != CV_STRING) {
        types_const_format_exact(out, v);
        return;
    }
    size_t n;
    const char *s = types_const_string_val(v, &n);
    if (n <= MAX_STRING) {
        types_quote_string(out, s, n);
        return;
    }
    uint64_t h = 14695981039346656037ull;  // FNV-1a 64
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    types_quote_string(out, s, MAX_STRING);
    buf_printf(out, "...(%zu bytes, fnv %016llx)", n, (unsigned long long)h);
}

static void write_entry(Buf *out, Info *info, Entry *e) {
    Node *n = e->n;
    const char *kind = node_names[n->kind];
    if (n->kind == N_INDEX && n->u.index.indices.n > 1)
        kind = "IndexListExpr";
    const char *mode = mode_name(n);
    buf_printf(out, "%s:%d:%d/%d %s %s ", e->file, e->line, e->col, e->depth, kind, mode);
    if (strcmp(mode, "nil") == 0)
        buf_puts(out, "untyped nil");
    else if (n->type)
        types_write_type(out, n->type, NULL, TS_TYPES2);
    else
        buf_puts(out, NODE_MODE(n) == MODE_NOVALUE ? "()" : "<nil>");
    if (NODE_MODE(n) == MODE_CONSTANT && info) {
        Const *v = ptrmap_get(&info->consts, n);
        if (v) {
            buf_puts(out, " = ");
            write_value(out, v);
        }
    }
    buf_putc(out, '\n');
}

void types_dump_types(Buf *out, Package *pkg) {
    Walker w = {0};
    for (int i = 0; i < pkg->nfiles; i++) {
        SynFile *f = pkg->syn ? pkg->syn[i] : NULL;
        if (!f)
            continue;
        walk(&w, f->pkg_name);
        walk_list(&w, f->decls);
    }
    if (w.list.len > 1)
        qsort(w.list.data, (size_t)w.list.len, sizeof(Entry), entry_cmp);
    Info *info = pkg->check ? types_package_info(pkg) : NULL;
    for (int i = 0; i < w.list.len; i++)
        write_entry(out, info, &w.list.data[i]);
    vec_free(&w.list);
    vec_free(&w.starts);
}
