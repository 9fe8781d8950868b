// dump.c: prints a parsed file as text, one node per line, in the form
// that tests/oracle/astdump prints from go/parser's AST. The test suites
// compare the two on all of std, so this format is a contract shared by
// both programs; change them together.
//
// Format. The first line is the file itself, then its children, each
// indented two spaces per level below its parent:
//
//     File @L:C
//       Name: Ident @L:C NAME
//       Decls[0]: GenDecl @L:C import
//         Specs[0]: ImportSpec @L:C
//           Path: BasicLit @L:C STRING "fmt"
//
// A line is `LABEL: KIND @LINE:COL[ ATTRS]`:
//   LABEL  go/ast's field name; a list element is `Field[i]`.
//   KIND   go/ast's type name (the NODE_KINDS strings); N_INDEX prints
//          IndexExpr with one index and IndexListExpr with more.
//   LINE:COL  Node.pos: the position gc's parser gives the node (see the
//          table in parser.c), physical, ignoring //line directives;
//          byte column, 1-origin. @0:0 means no position.
//   ATTRS  per kind:
//     Ident          the name
//     BasicLit       INT|FLOAT|IMAG|CHAR|STRING, a space, the source text
//                    escaped: \\ \n \r \t by name, other bytes < 0x20 and
//                    0x7f as \xHH, the rest verbatim
//     UnaryExpr, BinaryExpr  the operator as go/token spells it (+ <- ~ &^)
//     AssignStmt     = := += ...   IncDecStmt ++ or --
//     BranchStmt     break continue goto fallthrough
//     GenDecl        import const type var
//     RangeStmt      := or =, only if there is a key
//     ChanType       SEND, RECV or BOTH
//     CallExpr       ... if the last argument has dots
//     SliceExpr      slice3 for x[a:b:c]
//     TypeSpec       alias for type A = B
// Children follow go/ast's field order:
//   File: Name Decls | FuncDecl: Recv Name Type Body | GenDecl: Specs
//   ImportSpec: Name Path | ValueSpec: Names Type Values
//   TypeSpec: Name TypeParams Type | Field: Names Type Tag
//   FuncType: TypeParams Params Results | StructType: Fields
//   InterfaceType: Methods | ArrayType: Len Elt | MapType: Key Value
//   ChanType: Value | Ellipsis: Elt | FuncLit: Type Body
//   CompositeLit: Type Elts | ParenExpr, StarExpr, UnaryExpr: X
//   SelectorExpr: X Sel | IndexExpr: X Index | IndexListExpr: X Indices
//   SliceExpr: X Low High Max | TypeAssertExpr: X Type | CallExpr: Fun Args
//   BinaryExpr: X Y | KeyValueExpr: Key Value | DeclStmt: Decl
//   LabeledStmt: Label Stmt | ExprStmt, IncDecStmt: X | SendStmt: Chan Value
//   AssignStmt: Lhs Rhs | GoStmt, DeferStmt: Call | ReturnStmt: Results
//   BranchStmt: Label | BlockStmt: List | IfStmt: Init Cond Body Else
//   CaseClause: List Body | CommClause: Comm Body
//   SwitchStmt: Init Tag Body | TypeSwitchStmt: Init Assign Body
//   SelectStmt: Body | ForStmt: Init Cond Post Body
//   RangeStmt: Key Value X Body
// Absent children and empty lists print nothing (go/ast's nil and empty
// are the same here). go/ast's FieldList level is flattened: a function's
// parameters print as `Params[i]: Field`. EmptyStmt nodes are dropped
// everywhere and the remaining statements numbered consecutively, because
// go/parser and gc disagree about where they occur.
#include <stdio.h>

#include "syntax.h"

// Kind names from the same X-macro list as the enum, unquoted.
static const char *const kind_names[N_COUNT] = {
#define X(k, s) s,
    NODE_KINDS(X)
#undef X
};

static const char *const lit_kind_names[] = {
    [LIT_INT] = "INT", [LIT_FLOAT] = "FLOAT", [LIT_IMAG] = "IMAG",
    [LIT_RUNE] = "CHAR", [LIT_STRING] = "STRING",
};

static void put_escaped(Buf *b, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '\\': buf_puts(b, "\\\\"); break;
        case '\n': buf_puts(b, "\\n"); break;
        case '\r': buf_puts(b, "\\r"); break;
        case '\t': buf_puts(b, "\\t"); break;
        default:
            if (c < 0x20 || c == 0x7f)
                buf_printf(b, "\\x%02x", c);
            else
                buf_putc(b, (char)c);
        }
    }
}

// Starts a node's line, up to and including its position.
static void put_head(Buf *b, int depth, const char *label, int index, const char *kind, Pos pos) {
    for (int i = 0; i < depth; i++)
        buf_puts(b, "  ");
    if (label) {
        buf_puts(b, label);
        if (index >= 0)
            buf_printf(b, "[%d]", index);
        buf_puts(b, ": ");
    }
    Position p = pos_resolve_raw(pos);
    buf_printf(b, "%s @%d:%d", kind, p.line, p.col);
}

static const char *assign_op(Node *n) {
    static char opeq[4];  // "<<=" at most; only used before the next call
    switch (n->op) {
    case OP_NONE: return "=";
    case OP_DEF: return ":=";
    default: snprintf(opeq, sizeof opeq, "%s=", op_names[n->op]); return opeq;
    }
}

static const char *chan_dir(int dir) {
    switch (dir) {
    case CHAN_SEND: return "SEND";
    case CHAN_RECV: return "RECV";
    default: return "BOTH";
    }
}

static void dump_node(Buf *b, int depth, const char *label, int index, Node *n);

static void dump_list(Buf *b, int depth, const char *label, NodeList l) {
    for (int i = 0; i < l.n; i++)
        dump_node(b, depth, label, i, l.v[i]);
}

static void dump_stmts(Buf *b, int depth, const char *label, NodeList l) {
    int k = 0;
    for (int i = 0; i < l.n; i++)
        if (l.v[i] && l.v[i]->kind != N_EMPTY_STMT)
            dump_node(b, depth, label, k++, l.v[i]);
}

#define CHILD(lbl, x) dump_node(b, c, lbl, -1, (x))
#define LIST(lbl, l) dump_list(b, c, lbl, (l))
#define STMTS(lbl, l) dump_stmts(b, c, lbl, (l))

static void dump_node(Buf *b, int depth, const char *label, int index, Node *n) {
    if (!n || n->kind == N_EMPTY_STMT)
        return;
    const char *kind = kind_names[n->kind];
    if (n->kind == N_INDEX && n->u.index.indices.n > 1)
        kind = "IndexListExpr";
    put_head(b, depth, label, index, kind, n->pos);

    // Attributes complete the line.
    switch (n->kind) {
    case N_IDENT: buf_printf(b, " %s", n->u.ident.name); break;
    case N_BASIC_LIT:
        buf_printf(b, " %s ", n->op <= LIT_STRING ? lit_kind_names[n->op] : "?");
        if (n->u.lit.value)
            put_escaped(b, n->u.lit.value, str_len(n->u.lit.value));
        break;
    case N_CALL:
        if (n->flags & NF_DOTS)
            buf_puts(b, " ...");
        break;
    case N_SLICE:
        if (n->flags & NF_SLICE3)
            buf_puts(b, " slice3");
        break;
    case N_UNARY:
    case N_BINARY: buf_printf(b, " %s", op_names[n->op]); break;
    case N_CHAN_TYPE: buf_printf(b, " %s", chan_dir(n->u.chan.dir)); break;
    case N_INCDEC: buf_puts(b, n->op == OP_SUB ? " --" : " ++"); break;
    case N_ASSIGN: buf_printf(b, " %s", assign_op(n)); break;
    case N_BRANCH:
    case N_GEN_DECL: buf_printf(b, " %s", tok_names[n->op]); break;
    case N_RANGE:
        if (n->u.range.key)
            buf_puts(b, n->op == OP_DEF ? " :=" : " =");
        break;
    case N_TYPE_SPEC:
        if (n->flags & NF_ALIAS)
            buf_puts(b, " alias");
        break;
    default: break;
    }
    buf_putc(b, '\n');

    int c = depth + 1;
    switch ((NodeKind)n->kind) {
    case N_BAD_EXPR:
    case N_BAD_STMT:
    case N_EMPTY_STMT:
    case N_IDENT:
    case N_BASIC_LIT: break;
    case N_ELLIPSIS: CHILD("Elt", n->u.ellipsis.elt); break;
    case N_FUNC_LIT:
        CHILD("Type", n->u.func_lit.type);
        CHILD("Body", n->u.func_lit.body);
        break;
    case N_COMPOSITE_LIT:
        CHILD("Type", n->u.composite.type);
        LIST("Elts", n->u.composite.elts);
        break;
    case N_PAREN:
    case N_STAR:
    case N_UNARY:
    case N_EXPR_STMT:
    case N_INCDEC: CHILD("X", n->u.unary.x); break;
    case N_GO:
    case N_DEFER: CHILD("Call", n->u.unary.x); break;
    case N_SELECTOR:
        CHILD("X", n->u.selector.x);
        CHILD("Sel", n->u.selector.sel);
        break;
    case N_INDEX:
        CHILD("X", n->u.index.x);
        if (n->u.index.indices.n == 1)
            CHILD("Index", n->u.index.indices.v[0]);
        else
            LIST("Indices", n->u.index.indices);
        break;
    case N_SLICE:
        CHILD("X", n->u.slice.x);
        CHILD("Low", n->u.slice.lo);
        CHILD("High", n->u.slice.hi);
        CHILD("Max", n->u.slice.max);
        break;
    case N_TYPE_ASSERT:
        CHILD("X", n->u.assert.x);
        CHILD("Type", n->u.assert.type);
        break;
    case N_CALL:
        CHILD("Fun", n->u.call.fun);
        LIST("Args", n->u.call.args);
        break;
    case N_BINARY:
        CHILD("X", n->u.binary.x);
        CHILD("Y", n->u.binary.y);
        break;
    case N_KEY_VALUE:
        CHILD("Key", n->u.key_value.key);
        CHILD("Value", n->u.key_value.value);
        break;
    case N_ARRAY_TYPE:
        CHILD("Len", n->u.array.len);
        CHILD("Elt", n->u.array.elt);
        break;
    case N_STRUCT_TYPE: LIST("Fields", n->u.fields.list); break;
    case N_INTERFACE_TYPE: LIST("Methods", n->u.fields.list); break;
    case N_FUNC_TYPE:
        LIST("TypeParams", n->u.func_type.tparams);
        LIST("Params", n->u.func_type.params);
        LIST("Results", n->u.func_type.results);
        break;
    case N_MAP_TYPE:
        CHILD("Key", n->u.map.key);
        CHILD("Value", n->u.map.value);
        break;
    case N_CHAN_TYPE: CHILD("Value", n->u.chan.value); break;
    case N_FIELD:
        LIST("Names", n->u.field.names);
        CHILD("Type", n->u.field.type);
        CHILD("Tag", n->u.field.tag);
        break;
    case N_DECL_STMT: CHILD("Decl", n->u.decl_stmt.decl); break;
    case N_LABELED:
        CHILD("Label", n->u.labeled.label);
        CHILD("Stmt", n->u.labeled.stmt);
        break;
    case N_SEND:
        CHILD("Chan", n->u.send.chan);
        CHILD("Value", n->u.send.value);
        break;
    case N_ASSIGN:
        LIST("Lhs", n->u.assign.lhs);
        LIST("Rhs", n->u.assign.rhs);
        break;
    case N_RETURN: LIST("Results", n->u.list.list); break;
    case N_BRANCH: CHILD("Label", n->u.branch.label); break;
    case N_BLOCK: STMTS("List", n->u.block.list); break;
    case N_IF:
        CHILD("Init", n->u.if_.init);
        CHILD("Cond", n->u.if_.cond);
        CHILD("Body", n->u.if_.then);
        CHILD("Else", n->u.if_.els);
        break;
    case N_CASE_CLAUSE:
        LIST("List", n->u.clause.list);
        STMTS("Body", n->u.clause.body);
        break;
    case N_SWITCH:
        CHILD("Init", n->u.switch_.init);
        CHILD("Tag", n->u.switch_.tag);
        CHILD("Body", n->u.switch_.body);
        break;
    case N_TYPE_SWITCH:
        CHILD("Init", n->u.switch_.init);
        CHILD("Assign", n->u.switch_.tag);
        CHILD("Body", n->u.switch_.body);
        break;
    case N_COMM_CLAUSE:
        CHILD("Comm", n->u.comm.comm);
        STMTS("Body", n->u.comm.body);
        break;
    case N_SELECT: CHILD("Body", n->u.switch_.body); break;
    case N_FOR:
        CHILD("Init", n->u.for_.init);
        CHILD("Cond", n->u.for_.cond);
        CHILD("Post", n->u.for_.post);
        CHILD("Body", n->u.for_.body);
        break;
    case N_RANGE:
        CHILD("Key", n->u.range.key);
        CHILD("Value", n->u.range.value);
        CHILD("X", n->u.range.x);
        CHILD("Body", n->u.range.body);
        break;
    case N_GEN_DECL: LIST("Specs", n->u.gen_decl.specs); break;
    case N_IMPORT_SPEC:
        CHILD("Name", n->u.import_spec.name);
        CHILD("Path", n->u.import_spec.path);
        break;
    case N_VALUE_SPEC:
        LIST("Names", n->u.value_spec.names);
        CHILD("Type", n->u.value_spec.type);
        LIST("Values", n->u.value_spec.values);
        break;
    case N_TYPE_SPEC:
        CHILD("Name", n->u.type_spec.name);
        LIST("TypeParams", n->u.type_spec.tparams);
        CHILD("Type", n->u.type_spec.type);
        break;
    case N_FUNC_DECL:
        LIST("Recv", n->u.func_decl.recv);
        CHILD("Name", n->u.func_decl.name);
        CHILD("Type", n->u.func_decl.type);
        CHILD("Body", n->u.func_decl.body);
        break;
    case N_COUNT: unreachable();
    }
}

void syn_dump(Buf *out, SynFile *f) {
    put_head(out, 0, NULL, -1, "File", f->package_pos);
    buf_putc(out, '\n');
    dump_node(out, 1, "Name", -1, f->pkg_name);
    dump_list(out, 1, "Decls", f->decls);
}
