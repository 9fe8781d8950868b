// ast.c: node allocation, the name tables generated from the X-macro lists,
// and go/ast's notion of a node's start position.
#include <stddef.h>
#include <string.h>

#include "syntax.h"

const char *const tok_names[TK_COUNT] = {
#define X(k, s) s,
    TOKENS(X)
#undef X
};

const char *const op_names[OP_COUNT] = {
#define X(k, s, prec) s,
    OPERATORS(X)
#undef X
};

const unsigned char op_prec[OP_COUNT] = {
#define X(k, s, prec) prec,
    OPERATORS(X)
#undef X
};

const char *const node_names[N_COUNT] = {
#define X(k, s) s,
    NODE_KINDS(X)
#undef X
};

#define MEMBER_SIZE(m) (offsetof(Node, u) + sizeof(((Node *)0)->u.m))

static size_t node_size(NodeKind kind) {
    switch (kind) {
    case N_BAD_EXPR:
    case N_BAD_STMT:
    case N_EMPTY_STMT: return offsetof(Node, u);
    case N_IDENT: return MEMBER_SIZE(ident);
    case N_ELLIPSIS: return MEMBER_SIZE(ellipsis);
    case N_BASIC_LIT: return MEMBER_SIZE(lit);
    case N_FUNC_LIT: return MEMBER_SIZE(func_lit);
    case N_COMPOSITE_LIT: return MEMBER_SIZE(composite);
    case N_PAREN:
    case N_STAR:
    case N_UNARY:
    case N_EXPR_STMT:
    case N_INCDEC:
    case N_GO:
    case N_DEFER: return MEMBER_SIZE(unary);
    case N_SELECTOR: return MEMBER_SIZE(selector);
    case N_INDEX: return MEMBER_SIZE(index);
    case N_SLICE: return MEMBER_SIZE(slice);
    case N_TYPE_ASSERT: return MEMBER_SIZE(assert);
    case N_CALL: return MEMBER_SIZE(call);
    case N_BINARY: return MEMBER_SIZE(binary);
    case N_KEY_VALUE: return MEMBER_SIZE(key_value);
    case N_ARRAY_TYPE: return MEMBER_SIZE(array);
    case N_STRUCT_TYPE:
    case N_INTERFACE_TYPE: return MEMBER_SIZE(fields);
    case N_FUNC_TYPE: return MEMBER_SIZE(func_type);
    case N_MAP_TYPE: return MEMBER_SIZE(map);
    case N_CHAN_TYPE: return MEMBER_SIZE(chan);
    case N_FIELD: return MEMBER_SIZE(field);
    case N_DECL_STMT: return MEMBER_SIZE(decl_stmt);
    case N_LABELED: return MEMBER_SIZE(labeled);
    case N_SEND: return MEMBER_SIZE(send);
    case N_ASSIGN: return MEMBER_SIZE(assign);
    case N_RETURN: return MEMBER_SIZE(list);
    case N_BRANCH: return MEMBER_SIZE(branch);
    case N_BLOCK: return MEMBER_SIZE(block);
    case N_IF: return MEMBER_SIZE(if_);
    case N_CASE_CLAUSE: return MEMBER_SIZE(clause);
    case N_COMM_CLAUSE: return MEMBER_SIZE(comm);
    case N_SWITCH:
    case N_TYPE_SWITCH:
    case N_SELECT: return MEMBER_SIZE(switch_);
    case N_FOR: return MEMBER_SIZE(for_);
    case N_RANGE: return MEMBER_SIZE(range);
    case N_GEN_DECL: return MEMBER_SIZE(gen_decl);
    case N_IMPORT_SPEC: return MEMBER_SIZE(import_spec);
    case N_VALUE_SPEC: return MEMBER_SIZE(value_spec);
    case N_TYPE_SPEC: return MEMBER_SIZE(type_spec);
    case N_FUNC_DECL: return MEMBER_SIZE(func_decl);
    case N_COUNT: break;
    }
    unreachable();
}

Node *syn_new_node(Arena *a, NodeKind kind, Pos pos) {
    Node *n = arena_alloc(a, node_size(kind));
    n->kind = (uint8_t)kind;
    n->pos = pos;
    return n;
}

NodeList syn_list(Arena *a, Node **v, int n) {
    NodeList l = {0};
    if (n > 0) {
        l.v = ARENA_ARRAY(a, Node *, n);
        memcpy(l.v, v, sizeof(Node *) * (size_t)n);
        l.n = n;
    }
    return l;
}

// go/ast's Pos(): where the node's source text begins. Node.pos is gc's
// position, which for most nodes is an operator or bracket in the middle,
// so the start is found by walking down to the leftmost part.
Pos syn_start_pos(Node *n) {
    for (;;) {
        switch ((NodeKind)n->kind) {
        case N_SELECTOR: n = n->u.selector.x; continue;
        case N_INDEX: n = n->u.index.x; continue;
        case N_SLICE: n = n->u.slice.x; continue;
        case N_TYPE_ASSERT: n = n->u.assert.x; continue;
        case N_CALL: n = n->u.call.fun; continue;
        case N_BINARY: n = n->u.binary.x; continue;
        case N_KEY_VALUE: n = n->u.key_value.key; continue;
        case N_COMPOSITE_LIT:
            if (!n->u.composite.type)
                return n->u.composite.lbrace;
            n = n->u.composite.type;
            continue;
        case N_FUNC_TYPE:
            return n->u.func_type.func ? n->u.func_type.func : n->pos;
        case N_FUNC_LIT: n = n->u.func_lit.type; continue;
        case N_FIELD:
            if (n->u.field.names.n)
                return n->u.field.names.v[0]->pos;
            if (!n->u.field.type)
                return n->pos;
            n = n->u.field.type;
            continue;
        case N_EXPR_STMT: n = n->u.unary.x; continue;
        case N_INCDEC: n = n->u.unary.x; continue;
        case N_SEND: n = n->u.send.chan; continue;
        case N_ASSIGN:
            if (!n->u.assign.lhs.n)
                return n->pos;
            n = n->u.assign.lhs.v[0];
            continue;
        case N_LABELED: n = n->u.labeled.label; continue;
        case N_RANGE: return n->u.range.for_ ? n->u.range.for_ : n->pos;
        case N_IMPORT_SPEC:
            n = n->u.import_spec.name ? n->u.import_spec.name : n->u.import_spec.path;
            if (!n)
                return NOPOS;
            continue;
        case N_VALUE_SPEC:
            if (!n->u.value_spec.names.n)
                return n->pos;
            n = n->u.value_spec.names.v[0];
            continue;
        case N_TYPE_SPEC: n = n->u.type_spec.name; continue;
        case N_FUNC_DECL: n = n->u.func_decl.type; continue;
        default:
            return n->pos;
        }
    }
}

Node *syn_unparen(Node *n) {
    while (n && n->kind == N_PAREN)
        n = n->u.unary.x;
    return n;
}
