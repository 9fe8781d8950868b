// printer.c: expressions and simple statements back as Go source, in the
// one-line short form gc's syntax.String uses inside error messages
// ("cannot use x := 0 as value"): function and composite literal bodies
// print as "{…}", binary operators with one blank on each side.
#include <string.h>

#include "syntax.h"

static void print_list(Buf *b, NodeList l) {
    for (int i = 0; i < l.n; i++) {
        if (i)
            buf_puts(b, ", ");
        syn_print_node(b, l.v[i]);
    }
}

static void print_params(Buf *b, NodeList l, const char *open, const char *close) {
    buf_puts(b, open);
    for (int i = 0; i < l.n; i++) {
        Node *f = l.v[i];
        if (i)
            buf_puts(b, ", ");
        if (f->u.field.names.n) {
            print_list(b, f->u.field.names);
            buf_putc(b, ' ');
        }
        syn_print_node(b, f->u.field.type);
    }
    buf_puts(b, close);
}

static void print_signature(Buf *b, Node *t) {
    print_params(b, t->u.func_type.params, "(", ")");
    NodeList r = t->u.func_type.results;
    if (r.n) {
        buf_putc(b, ' ');
        if (r.n == 1 && r.v[0]->u.field.names.n == 0)
            syn_print_node(b, r.v[0]->u.field.type);
        else
            print_params(b, r, "(", ")");
    }
}

static void print_fields(Buf *b, NodeList l, bool iface) {
    for (int i = 0; i < l.n; i++) {
        Node *f = l.v[i];
        if (i)
            buf_puts(b, "; ");
        if (iface && f->u.field.names.n && f->u.field.type->kind == N_FUNC_TYPE) {
            syn_print_node(b, f->u.field.names.v[0]);
            print_signature(b, f->u.field.type);
            continue;
        }
        if (f->u.field.names.n) {
            print_list(b, f->u.field.names);
            buf_putc(b, ' ');
        }
        syn_print_node(b, f->u.field.type);
        if (f->u.field.tag) {
            buf_putc(b, ' ');
            syn_print_node(b, f->u.field.tag);
        }
    }
}

void syn_print_node(Buf *b, Node *n) {
    if (!n)
        return;
    switch ((NodeKind)n->kind) {
    case N_BAD_EXPR: buf_puts(b, "<bad expr>"); break;
    case N_IDENT: buf_puts(b, n->u.ident.name); break;
    case N_BASIC_LIT: buf_puts(b, n->u.lit.value); break;
    case N_ELLIPSIS:
        buf_puts(b, "...");
        syn_print_node(b, n->u.ellipsis.elt);
        break;
    case N_FUNC_LIT:
        syn_print_node(b, n->u.func_lit.type);
        buf_puts(b, n->u.func_lit.body && n->u.func_lit.body->u.block.list.n ? " {…}" : " {}");
        break;
    case N_COMPOSITE_LIT:
        syn_print_node(b, n->u.composite.type);
        buf_puts(b, n->u.composite.elts.n ? "{…}" : "{}");
        break;
    case N_PAREN:
        buf_putc(b, '(');
        syn_print_node(b, n->u.unary.x);
        buf_putc(b, ')');
        break;
    case N_SELECTOR:
        syn_print_node(b, n->u.selector.x);
        buf_putc(b, '.');
        syn_print_node(b, n->u.selector.sel);
        break;
    case N_INDEX:
        syn_print_node(b, n->u.index.x);
        buf_putc(b, '[');
        print_list(b, n->u.index.indices);
        buf_putc(b, ']');
        break;
    case N_SLICE:
        syn_print_node(b, n->u.slice.x);
        buf_putc(b, '[');
        syn_print_node(b, n->u.slice.lo);
        buf_putc(b, ':');
        syn_print_node(b, n->u.slice.hi);
        if (n->u.slice.max) {
            buf_putc(b, ':');
            syn_print_node(b, n->u.slice.max);
        }
        buf_putc(b, ']');
        break;
    case N_TYPE_ASSERT:
        syn_print_node(b, n->u.assert.x);
        buf_puts(b, ".(");
        if (n->u.assert.type)
            syn_print_node(b, n->u.assert.type);
        else
            buf_puts(b, "type");
        buf_putc(b, ')');
        break;
    case N_CALL:
        syn_print_node(b, n->u.call.fun);
        buf_putc(b, '(');
        print_list(b, n->u.call.args);
        if (n->flags & NF_DOTS)
            buf_puts(b, "...");
        buf_putc(b, ')');
        break;
    case N_STAR:
        buf_putc(b, '*');
        syn_print_node(b, n->u.unary.x);
        break;
    case N_UNARY:
        buf_puts(b, op_names[n->op]);
        syn_print_node(b, n->u.unary.x);
        break;
    case N_BINARY:
        syn_print_node(b, n->u.binary.x);
        buf_printf(b, " %s ", op_names[n->op]);
        syn_print_node(b, n->u.binary.y);
        break;
    case N_KEY_VALUE:
        syn_print_node(b, n->u.key_value.key);
        buf_puts(b, ": ");
        syn_print_node(b, n->u.key_value.value);
        break;
    case N_ARRAY_TYPE:
        buf_putc(b, '[');
        syn_print_node(b, n->u.array.len);
        buf_putc(b, ']');
        syn_print_node(b, n->u.array.elt);
        break;
    case N_STRUCT_TYPE:
        buf_puts(b, "struct{");
        print_fields(b, n->u.fields.list, false);
        buf_putc(b, '}');
        break;
    case N_INTERFACE_TYPE:
        buf_puts(b, "interface{");
        print_fields(b, n->u.fields.list, true);
        buf_putc(b, '}');
        break;
    case N_FUNC_TYPE:
        buf_puts(b, "func");
        print_signature(b, n);
        break;
    case N_MAP_TYPE:
        buf_puts(b, "map[");
        syn_print_node(b, n->u.map.key);
        buf_putc(b, ']');
        syn_print_node(b, n->u.map.value);
        break;
    case N_CHAN_TYPE: {
        Node *e = n->u.chan.value;
        buf_puts(b, n->u.chan.dir == CHAN_RECV ? "<-chan" : n->u.chan.dir == CHAN_SEND ? "chan<-" : "chan");
        buf_putc(b, ' ');
        bool paren = n->u.chan.dir == CHAN_BOTH && e->kind == N_CHAN_TYPE && e->u.chan.dir == CHAN_RECV;
        if (paren)
            buf_putc(b, '(');
        syn_print_node(b, e);
        if (paren)
            buf_putc(b, ')');
        break;
    }
    case N_EXPR_STMT: syn_print_node(b, n->u.unary.x); break;
    case N_SEND:
        syn_print_node(b, n->u.send.chan);
        buf_puts(b, " <- ");
        syn_print_node(b, n->u.send.value);
        break;
    case N_INCDEC:
        syn_print_node(b, n->u.unary.x);
        buf_puts(b, n->op == OP_ADD ? "++" : "--");
        break;
    case N_ASSIGN:
        print_list(b, n->u.assign.lhs);
        buf_printf(b, " %s= ", op_names[n->op]);
        print_list(b, n->u.assign.rhs);
        break;
    case N_RANGE:
        if (n->u.range.key) {
            syn_print_node(b, n->u.range.key);
            if (n->u.range.value) {
                buf_puts(b, ", ");
                syn_print_node(b, n->u.range.value);
            }
            buf_puts(b, n->op == OP_DEF ? " := " : " = ");
        }
        buf_puts(b, "range ");
        syn_print_node(b, n->u.range.x);
        break;
    default:
        buf_puts(b, node_names[n->kind]);
        break;
    }
}
