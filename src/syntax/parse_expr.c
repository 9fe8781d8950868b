// parse_expr.c: expressions and types. Go's grammar does not separate the
// two (a conversion T(x) looks like a call, an instantiation F[T] like an
// index), so, as gc does, types are parsed as expressions wherever both may
// appear, and the few ambiguities (composite literals in statement headers,
// type parameters versus array lengths) are settled as gc settles them.
// Parentheses are kept as N_PAREN everywhere, as go/ast keeps them.
#include <stdio.h>
#include <string.h>

#include "syntax.h"

#define TOK (p->lx.tok)

static bool is_op(Parser *p, Op op) { return TOK.kind == TK_OPERATOR && TOK.op == op; }

Node *ps_expr(Parser *p) { return ps_binary_expr(p, NULL, 0); }

// Expression = UnaryExpr | Expression binary_op Expression .
Node *ps_binary_expr(Parser *p, Node *x, int prec) {
    if (!x)
        x = ps_unary_expr(p);
    while ((TOK.kind == TK_OPERATOR || TOK.kind == TK_STAR) && op_prec[TOK.op] > prec) {
        Node *t = ps_new(p, N_BINARY, TOK.pos);
        t->op = (uint8_t)TOK.op;
        int tprec = op_prec[TOK.op];
        ps_next(p);
        t->u.binary.x = x;
        t->u.binary.y = ps_binary_expr(p, NULL, tprec);
        x = t;
    }
    return x;
}

// UnaryExpr = PrimaryExpr | unary_op UnaryExpr .
Node *ps_unary_expr(Parser *p) {
    if (!ps_enter(p)) {
        ps_leave(p);
        return ps_bad_expr(p);
    }
    Node *r;
    switch (TOK.kind) {
    case TK_OPERATOR:
    case TK_STAR:
        switch (TOK.op) {
        case OP_MUL:
        case OP_ADD:
        case OP_SUB:
        case OP_NOT:
        case OP_XOR:
        case OP_TILDE:
        case OP_AND:
            r = ps_new(p, TOK.op == OP_MUL ? N_STAR : N_UNARY, TOK.pos);
            if (TOK.op != OP_MUL)
                r->op = (uint8_t)TOK.op;
            ps_next(p);
            r->u.unary.x = ps_unary_expr(p);
            ps_leave(p);
            return r;
        default:
            break;
        }
        break;
    case TK_ARROW: {
        Pos pos = TOK.pos;
        ps_next(p);
        Node *x = ps_unary_expr(p);
        if (x->kind == N_CHAN_TYPE) {
            // "<-chan T" was parsed as "<-" applied to "chan T": move the
            // arrow into the channel type(s), as gc does.
            int dir = CHAN_SEND;
            Node *t = x;
            while (dir == CHAN_SEND) {
                if (t->kind != N_CHAN_TYPE)
                    break;
                dir = t->u.chan.dir;
                if (dir == CHAN_RECV)
                    ps_syntax_error(p, "unexpected <-, expecting chan");
                t->u.chan.dir = CHAN_RECV;
                t = t->u.chan.value;
            }
            if (dir == CHAN_SEND) {
                Buf b = {0};
                buf_puts(&b, "unexpected ");
                syn_print_node(&b, t);
                buf_puts(&b, ", expecting chan");
                ps_syntax_error(p, buf_cstr(&b));
                buf_free(&b);
            }
            ps_leave(p);
            return x;
        }
        r = ps_new(p, N_UNARY, pos);
        r->op = OP_RECV;
        r->u.unary.x = x;
        ps_leave(p);
        return r;
    }
    default:
        break;
    }
    r = ps_pexpr(p, NULL, true);
    ps_leave(p);
    return r;
}

// BasicLit = int_lit | float_lit | imaginary_lit | rune_lit | string_lit .
// NULL if the current token is not a literal.
Node *ps_oliteral(Parser *p) {
    if (TOK.kind != TK_LITERAL)
        return NULL;
    Node *b = ps_new(p, N_BASIC_LIT, TOK.pos);
    b->u.lit.value = TOK.lit;
    b->op = (uint8_t)TOK.lit_kind;
    if (TOK.bad)
        b->flags |= NF_BAD;
    ps_next(p);
    return b;
}

// FunctionBody = Block .
// As gc, the label and branch checks run only on a body that parsed
// without errors: after an error they would mostly add noise.
Node *ps_func_body(Parser *p) {
    p->fnest++;
    int errs = ps_error_count(p);
    Node *body = ps_block_stmt(p, "");
    p->fnest--;
    if (errs == ps_error_count(p)) {
        int before = p->diags->nerrors;
        syn_check_branches(body, p->diags, &p->scratch);
        p->other_errs += p->diags->nerrors - before;
    }
    return body;
}

// Operand = Literal | OperandName [ TypeArgs ] | "(" Expression ")" .
// Literal = BasicLit | CompositeLit | FunctionLit .
static Node *operand(Parser *p) {
    switch (TOK.kind) {
    case TK_NAME:
        return ps_name(p);
    case TK_LITERAL:
        return ps_oliteral(p);
    case TK_LPAREN: {
        Node *x = ps_new(p, N_PAREN, TOK.pos);
        ps_next(p);
        p->xnest++;
        x->u.unary.x = ps_expr(p);
        p->xnest--;
        ps_want(p, TK_RPAREN);
        return x;
    }
    case TK_FUNC: {
        Pos pos = TOK.pos;
        ps_next(p);
        Node *ftyp = ps_func_type(p, "function type", pos);
        if (TOK.kind == TK_LBRACE) {
            p->xnest++;
            Node *f = ps_new(p, N_FUNC_LIT, pos);
            f->u.func_lit.type = ftyp;
            f->u.func_lit.body = ps_func_body(p);
            p->xnest--;
            return f;
        }
        return ftyp;
    }
    case TK_LBRACK:
    case TK_CHAN:
    case TK_MAP:
    case TK_STRUCT:
    case TK_INTERFACE:
        return ps_type(p);
    default: {
        Node *x = ps_bad_expr(p);
        ps_syntax_error(p, "expecting expression");
        ps_advance(p, TKSET(TK_RPAREN) | TKSET(TK_RBRACK) | TKSET(TK_RBRACE));
        return x;
    }
    }
}

// gc's typeList: an expression, then types after commas; pushes them and
// reports whether a comma was seen (x[a,] is a one-element list).
static bool type_list(Parser *p) {
    bool comma = false;
    p->xnest++;
    ps_push(p, ps_expr(p));
    if (ps_got(p, TK_COMMA)) {
        comma = true;
        Node *t = ps_type_or_nil(p);
        if (t) {
            ps_push(p, t);
            while (ps_got(p, TK_COMMA)) {
                if (!(t = ps_type_or_nil(p)))
                    break;
                ps_push(p, t);
            }
        }
    }
    p->xnest--;
    return comma;
}

// gc's isValue: is x certainly a value, never a type? Then "x[i] {" is
// not the composite literal of an instantiated generic type G[T]{...}.
static bool is_value(Node *x) {
    switch (x->kind) {
    case N_BASIC_LIT:
    case N_COMPOSITE_LIT:
    case N_FUNC_LIT:
    case N_SLICE:
    case N_TYPE_ASSERT:
    case N_CALL:
    case N_UNARY:
    case N_BINARY:
        return true;
    case N_PAREN:
        return is_value(x->u.unary.x);
    case N_INDEX:
        // gc looks at a single index only; a list is never a value.
        return is_value(x->u.index.x) ||
               (x->u.index.indices.n == 1 && is_value(x->u.index.indices.v[0]));
    default:
        return false;  // N_STAR: *T may be a type
    }
}

static Node *bare_complitexpr(Parser *p);

// KeyedElement = [ Key ":" ] Element .
static bool complit_elem(Parser *p, void *ctx) {
    (void)ctx;
    Node *e = bare_complitexpr(p);
    if (TOK.kind == TK_COLON) {
        Node *kv = ps_new(p, N_KEY_VALUE, TOK.pos);
        ps_next(p);
        kv->u.key_value.key = e;
        kv->u.key_value.value = bare_complitexpr(p);
        e = kv;
    }
    ps_push(p, e);
    return false;
}

// LiteralValue = "{" [ ElementList [ "," ] ] "}" .
static Node *complitexpr(Parser *p) {
    if (!ps_enter(p)) {  // {{{...}}} nests without passing through ps_expr
        ps_leave(p);
        return ps_new(p, N_COMPOSITE_LIT, TOK.pos);
    }
    Node *x = ps_new(p, N_COMPOSITE_LIT, TOK.pos);
    x->u.composite.lbrace = TOK.pos;
    int base = p->stk.len;
    p->xnest++;
    ps_want(p, TK_LBRACE);
    x->u.composite.rbrace = ps_list(p, "composite literal", TK_COMMA, TK_RBRACE, complit_elem, NULL);
    p->xnest--;
    x->u.composite.elts = ps_pop_list(p, base);
    ps_leave(p);
    return x;
}

// A lazy parse skips the elements of a typed literal outside functions
// (package-level initializers: the Unicode tables, for one), except
// where they fix the type ([...]T). NULL: parse them.
static Node *elided_complit(Parser *p, Node *type) {
    if (!p->opts.lazy_bodies || p->fnest > 0 || p->dead)
        return NULL;
    if (type->kind == N_ARRAY_TYPE && type->u.array.len && type->u.array.len->kind == N_ELLIPSIS)
        return NULL;
    Pos lbrace = TOK.pos;
    if (!lex_skip_block(&p->lx))
        return NULL;
    Node *x = ps_new(p, N_COMPOSITE_LIT, lbrace);
    x->flags |= NF_ELIDED;
    x->u.composite.lbrace = lbrace;
    x->u.composite.rbrace = TOK.pos;
    ps_next(p);
    return x;
}

Node *ps_literal_value(Parser *p) { return complitexpr(p); }

// Element = Expression | LiteralValue .
static Node *bare_complitexpr(Parser *p) {
    if (TOK.kind == TK_LBRACE)
        return complitexpr(p);
    return ps_expr(p);
}

typedef struct { bool dots; } ArgCtx;

// Arguments = "(" [ ExpressionList [ "..." ] [ "," ] ] ")" .
// One argument; "..." ends the list.
static bool arg_elem(Parser *p, void *ctx) {
    ArgCtx *a = ctx;
    ps_push(p, ps_expr(p));
    a->dots = ps_got(p, TK_DOTDOTDOT);
    return a->dots;
}

// PrimaryExpr = Operand | Conversion | MethodExpr | PrimaryExpr Selector |
//               PrimaryExpr Index | PrimaryExpr Slice |
//               PrimaryExpr TypeAssertion | PrimaryExpr Arguments .
Node *ps_pexpr(Parser *p, Node *x, bool keep_parens) {
    (void)keep_parens;  // go/ast keeps every parenthesis
    if (!x)
        x = operand(p);
    for (;;) {
        Pos pos = TOK.pos;
        switch (TOK.kind) {
        case TK_DOT:
            ps_next(p);
            if (TOK.kind == TK_NAME) {
                Node *t = ps_new(p, N_SELECTOR, pos);
                t->u.selector.x = x;
                t->u.selector.sel = ps_name(p);
                x = t;
            } else if (TOK.kind == TK_LPAREN) {
                ps_next(p);
                Node *t = ps_new(p, N_TYPE_ASSERT, pos);
                t->u.assert.x = x;
                if (!ps_got(p, TK_TYPE))
                    t->u.assert.type = ps_type(p);
                ps_want(p, TK_RPAREN);
                x = t;
            } else {
                ps_syntax_error(p, "expecting name or (");
                ps_advance(p, TKSET(TK_SEMI) | TKSET(TK_RPAREN));
            }
            break;
        case TK_LBRACK: {
            ps_next(p);
            if (TOK.kind == TK_RBRACK) {
                ps_syntax_error(p, "expecting operand");
                ps_next(p);
                break;
            }
            Node *i = NULL;
            if (TOK.kind != TK_COLON) {
                int base = p->stk.len;
                bool comma = type_list(p);
                if (comma || TOK.kind == TK_RBRACK) {
                    ps_want(p, TK_RBRACK);
                    Node *t = ps_new(p, N_INDEX, pos);
                    t->u.index.x = x;
                    t->u.index.indices = ps_pop_list(p, base);
                    x = t;
                    break;
                }
                i = p->stk.data[base];
                p->stk.len = base;
            }
            // x[i:j...
            if (!ps_got(p, TK_COLON)) {
                ps_syntax_error(p, "expecting comma, : or ]");
                ps_advance(p, TKSET(TK_COMMA) | TKSET(TK_COLON) | TKSET(TK_RBRACK));
            }
            p->xnest++;
            Node *t = ps_new(p, N_SLICE, pos);
            t->u.slice.x = x;
            t->u.slice.lo = i;
            if (TOK.kind != TK_COLON && TOK.kind != TK_RBRACK)
                t->u.slice.hi = ps_expr(p);
            if (TOK.kind == TK_COLON) {
                t->flags |= NF_SLICE3;
                if (!t->u.slice.hi) {
                    ps_error_at(p, TOK.pos, "middle index required in 3-index slice");
                    t->u.slice.hi = ps_bad_expr(p);
                }
                ps_next(p);
                if (TOK.kind != TK_RBRACK) {
                    t->u.slice.max = ps_expr(p);
                } else {
                    ps_error_at(p, TOK.pos, "final index required in 3-index slice");
                    t->u.slice.max = ps_bad_expr(p);
                }
            }
            p->xnest--;
            ps_want(p, TK_RBRACK);
            x = t;
            break;
        }
        case TK_LPAREN: {
            Node *t = ps_new(p, N_CALL, pos);
            ps_next(p);
            t->u.call.fun = x;
            int base = p->stk.len;
            ArgCtx a = {false};
            p->xnest++;
            t->u.call.rparen = ps_list(p, "argument list", TK_COMMA, TK_RPAREN, arg_elem, &a);
            p->xnest--;
            t->u.call.args = ps_pop_list(p, base);
            if (a.dots)
                t->flags |= NF_DOTS;
            x = t;
            break;
        }
        case TK_LBRACE: {
            // Is x the type of a composite literal? In statement headers
            // (xnest < 0) a name followed by "{" starts the block instead.
            Node *t = syn_unparen(x);
            bool ok = false;
            switch (t->kind) {
            case N_IDENT:
            case N_SELECTOR: ok = p->xnest >= 0; break;
            case N_INDEX: ok = p->xnest >= 0 && !is_value(t); break;
            case N_ARRAY_TYPE:
            case N_STRUCT_TYPE:
            case N_MAP_TYPE: ok = true; break;
            default: break;
            }
            if (!ok)
                return x;
            if (t != x)
                ps_syntax_error(p, "cannot parenthesize type in composite literal");
            Node *n = elided_complit(p, t);
            if (!n)
                n = complitexpr(p);
            n->u.composite.type = x;
            x = n;
            break;
        }
        default:
            return x;
        }
    }
}

// ExpressionList = Expression { "," Expression } .
int ps_expr_list(Parser *p) {
    int n = 1;
    ps_push(p, ps_expr(p));
    while (ps_got(p, TK_COMMA)) {
        ps_push(p, ps_expr(p));
        n++;
    }
    return n;
}

// ---- types ----

// Type, which must be there: a BadExpr stands in after the error.
Node *ps_type(Parser *p) {
    Node *t = ps_type_or_nil(p);
    if (!t) {
        t = ps_bad_expr(p);
        ps_syntax_error(p, "expecting type");
        ps_advance(p, TKSET(TK_COMMA) | TKSET(TK_COLON) | TKSET(TK_SEMI) | TKSET(TK_RPAREN) |
                          TKSET(TK_RBRACK) | TKSET(TK_RBRACE));
    }
    return t;
}

// ChannelType = ( "chan" | "chan" "<-" | "<-" "chan" ) ElementType .
static Node *chan_elem(Parser *p) {
    Node *t = ps_type_or_nil(p);
    if (!t) {
        t = ps_bad_expr(p);
        ps_syntax_error(p, "missing channel element type");
    }
    return t;
}

// TypeArgs = "[" TypeList [ "," ] "]" .
static Node *type_instance(Parser *p, Node *typ) {
    Node *x = ps_new(p, N_INDEX, TOK.pos);
    ps_want(p, TK_LBRACK);
    x->u.index.x = typ;
    int base = p->stk.len;
    if (TOK.kind == TK_RBRACK) {
        ps_syntax_error(p, "expecting type");
        ps_push(p, ps_bad_expr(p));
    } else {
        type_list(p);
    }
    x->u.index.indices = ps_pop_list(p, base);
    ps_want(p, TK_RBRACK);
    return x;
}

// TypeName = identifier | PackageName "." identifier .
Node *ps_qualified_name(Parser *p, Node *name) {
    Node *x = name;
    if (!x) {
        if (TOK.kind == TK_NAME) {
            x = ps_name(p);
        } else {
            x = ps_new(p, N_IDENT, TOK.pos);
            x->u.ident.name = str_cstr("_");
            ps_syntax_error(p, "expecting name");
            ps_advance(p, TKSET(TK_DOT) | TKSET(TK_SEMI) | TKSET(TK_RBRACE));
        }
    }
    if (TOK.kind == TK_DOT) {
        Node *s = ps_new(p, N_SELECTOR, TOK.pos);
        ps_next(p);
        s->u.selector.x = x;
        s->u.selector.sel = ps_name(p);
        x = s;
    }
    if (TOK.kind == TK_LBRACK)
        x = type_instance(p, x);
    return x;
}

// ArrayType = "[" ArrayLength "]" ElementType .
Node *ps_array_type(Parser *p, Pos pos, Node *len) {
    if (!len) {
        if (TOK.kind == TK_DOTDOTDOT) {
            len = ps_new(p, N_ELLIPSIS, TOK.pos);
            ps_next(p);
        } else {
            p->xnest++;
            len = ps_expr(p);
            p->xnest--;
        }
    }
    if (TOK.kind == TK_COMMA) {
        // Not a type parameter list: [P, Q] without constraints.
        ps_syntax_error(p, "unexpected comma; expecting ]");
        ps_next(p);
    }
    ps_want(p, TK_RBRACK);
    Node *t = ps_new(p, N_ARRAY_TYPE, pos);
    t->u.array.len = len;
    t->u.array.elt = ps_type(p);
    return t;
}

// SliceType = "[" "]" ElementType .
Node *ps_slice_type(Parser *p, Pos pos) {
    Node *t = ps_new(p, N_ARRAY_TYPE, pos);
    t->u.array.elt = ps_type(p);
    return t;
}

// After a field name: "[N]T", "[]T" or the type arguments of an embedded
// generic type; in the last case the result is an N_INDEX with x unset.
static Node *array_or_targs(Parser *p) {
    Pos pos = TOK.pos;
    ps_want(p, TK_LBRACK);
    if (ps_got(p, TK_RBRACK))
        return ps_slice_type(p, pos);
    int base = p->stk.len;
    bool comma = type_list(p);
    ps_want(p, TK_RBRACK);
    if (!comma) {
        Node *elem = ps_type_or_nil(p);
        if (elem) {
            Node *t = ps_new(p, N_ARRAY_TYPE, pos);
            t->u.array.len = p->stk.data[base];
            p->stk.len = base;
            t->u.array.elt = elem;
            return t;
        }
    }
    Node *t = ps_new(p, N_INDEX, pos);
    t->u.index.indices = ps_pop_list(p, base);
    return t;
}

// A go/ast Field: names (maybe none), type and tag.
static Node *new_field(Parser *p, Pos pos, NodeList names, Node *type, Node *tag) {
    Node *f = ps_new(p, N_FIELD, pos);
    f->u.field.names = names;
    f->u.field.type = type;
    f->u.field.tag = tag;
    return f;
}

static Node *new_star(Parser *p, Pos pos, Node *x) {
    Node *s = ps_new(p, N_STAR, pos);
    s->u.unary.x = x;
    return s;
}

// FieldDecl = (IdentifierList Type | EmbeddedField) [ Tag ] .
// EmbeddedField = [ "*" ] TypeName [ TypeArgs ] .
static bool field_decl(Parser *p, void *ctx) {
    (void)ctx;
    Pos pos = TOK.pos;
    NodeList none = {0};
    switch (TOK.kind) {
    case TK_NAME: {
        Node *name = ps_name(p);
        TokKind k = TOK.kind;
        if (k == TK_DOT || k == TK_LITERAL || k == TK_SEMI || k == TK_RBRACE) {
            Node *typ = ps_qualified_name(p, name);
            Node *tag = ps_oliteral(p);
            ps_push(p, new_field(p, pos, none, typ, tag));
            break;
        }
        int base = p->stk.len;
        ps_push(p, name);
        while (ps_got(p, TK_COMMA))
            ps_push(p, ps_name(p));
        NodeList names = ps_pop_list(p, base);
        Node *typ;
        if (names.n == 1 && TOK.kind == TK_LBRACK) {
            typ = array_or_targs(p);
            if (typ->kind == N_INDEX) {  // embedded T[A]
                typ->u.index.x = name;
                Node *tag = ps_oliteral(p);
                ps_push(p, new_field(p, pos, none, typ, tag));
                break;
            }
        } else {
            typ = ps_type(p);
        }
        Node *tag = ps_oliteral(p);
        ps_push(p, new_field(p, pos, names, typ, tag));
        break;
    }
    case TK_STAR: {
        ps_next(p);
        Node *typ;
        if (TOK.kind == TK_LPAREN) {
            ps_syntax_error(p, "cannot parenthesize embedded type");
            ps_next(p);
            typ = ps_qualified_name(p, NULL);
            ps_got(p, TK_RPAREN);
        } else {
            typ = ps_qualified_name(p, NULL);
        }
        Node *tag = ps_oliteral(p);
        ps_push(p, new_field(p, pos, none, new_star(p, pos, typ), tag));
        break;
    }
    case TK_LPAREN: {
        ps_syntax_error(p, "cannot parenthesize embedded type");
        ps_next(p);
        Node *typ;
        if (TOK.kind == TK_STAR) {
            Pos spos = TOK.pos;
            ps_next(p);
            typ = new_star(p, spos, ps_qualified_name(p, NULL));
        } else {
            typ = ps_qualified_name(p, NULL);
        }
        ps_got(p, TK_RPAREN);
        Node *tag = ps_oliteral(p);
        ps_push(p, new_field(p, pos, none, typ, tag));
        break;
    }
    default:
        ps_syntax_error(p, "expecting field name or embedded type");
        ps_advance(p, TKSET(TK_SEMI) | TKSET(TK_RBRACE));
        break;
    }
    return false;
}

// StructType = "struct" "{" { FieldDecl ";" } "}" .
static Node *struct_type(Parser *p) {
    Node *t = ps_new(p, N_STRUCT_TYPE, TOK.pos);
    ps_want(p, TK_STRUCT);
    ps_want(p, TK_LBRACE);
    int base = p->stk.len;
    t->u.fields.rbrace = ps_list(p, "struct type", TK_SEMI, TK_RBRACE, field_decl, NULL);
    t->u.fields.list = ps_pop_list(p, base);
    return t;
}

// TypeTerm = Type | UnderlyingType .  UnderlyingType = "~" Type .
static Node *embedded_term(Parser *p) {
    if (is_op(p, OP_TILDE)) {
        Node *t = ps_new(p, N_UNARY, TOK.pos);
        t->op = OP_TILDE;
        ps_next(p);
        t->u.unary.x = ps_type(p);
        return t;
    }
    Node *t = ps_type_or_nil(p);
    if (!t) {
        t = ps_bad_expr(p);
        ps_syntax_error(p, "expecting ~ term or type");
        ps_advance(p, TKSET(TK_OPERATOR) | TKSET(TK_SEMI) | TKSET(TK_RPAREN) | TKSET(TK_RBRACK) |
                          TKSET(TK_RBRACE));
    }
    return t;
}

// TypeElem = TypeTerm { "|" TypeTerm } .  (the terms after the first)
static Node *union_rest(Parser *p, Node *x) {
    while (is_op(p, OP_OR)) {
        Node *t = ps_new(p, N_BINARY, TOK.pos);
        t->op = OP_OR;
        ps_next(p);
        t->u.binary.x = x;
        t->u.binary.y = embedded_term(p);
        x = t;
    }
    return x;
}

static NodeList one(Parser *p, Node *n) { return syn_list(p->arena, &n, 1); }

// MethodSpec = MethodName Signature | InterfaceTypeName .
// Returns a field; one without names is an embedded element still to be
// completed by its union terms.
static Node *method_decl(Parser *p) {
    static const char context[] = "interface method";
    Node *f = ps_new(p, N_FIELD, TOK.pos);
    Node *name = ps_name(p);
    switch (TOK.kind) {
    case TK_LPAREN:
        f->u.field.names = one(p, name);
        f->u.field.type = ps_func_type(p, context, NOPOS);
        break;
    case TK_LBRACK: {
        // Type parameters (an error) or the type arguments of an
        // embedded generic interface.
        Pos pos = TOK.pos;
        ps_next(p);
        if (TOK.kind == TK_RBRACK) {
            Pos rpos = TOK.pos;
            ps_next(p);
            if (TOK.kind == TK_LPAREN) {
                ps_error_at(p, rpos, "empty type parameter list");
                f->u.field.names = one(p, name);
                f->u.field.type = ps_func_type(p, context, NOPOS);
            } else {
                ps_error_at(p, rpos, "empty type argument list");
                f->u.field.type = name;
            }
            break;
        }
        int n = 0;
        NodeList list = ps_param_list(p, NULL, NULL, TK_RBRACK, false, &n);
        if (n == 0) {
            if (TOK.kind == TK_LPAREN) {
                f->u.field.names = one(p, name);
                f->u.field.type = ps_func_type(p, context, NOPOS);
            } else {
                f->u.field.type = name;
            }
            break;
        }
        if (list.v[0]->u.field.names.n > 0) {
            f->u.field.names = one(p, name);
            f->u.field.type = ps_func_type(p, context, NOPOS);
            ps_error_at(p, pos, "interface method must have no type parameters");
            break;
        }
        Node *t = ps_new(p, N_INDEX, pos);
        t->u.index.x = name;
        int base = p->stk.len;
        for (int i = 0; i < list.n; i++)
            ps_push(p, list.v[i]->u.field.type);
        t->u.index.indices = ps_pop_list(p, base);
        f->u.field.type = t;
        break;
    }
    default:
        f->u.field.type = ps_qualified_name(p, name);
        break;
    }
    return f;
}

// InterfaceElem = MethodElem | TypeElem .
static bool iface_elem(Parser *p, void *ctx) {
    (void)ctx;
    Node *f = NULL;
    if (TOK.kind == TK_NAME)
        f = method_decl(p);
    if (!f) {
        f = ps_new(p, N_FIELD, TOK.pos);
        f->u.field.type = union_rest(p, embedded_term(p));
    } else if (f->u.field.names.n == 0) {
        f->u.field.type = union_rest(p, f->u.field.type);
    }
    ps_push(p, f);
    return false;
}

// InterfaceType = "interface" "{" { InterfaceElem ";" } "}" .
static Node *interface_type(Parser *p) {
    Node *t = ps_new(p, N_INTERFACE_TYPE, TOK.pos);
    ps_want(p, TK_INTERFACE);
    ps_want(p, TK_LBRACE);
    int base = p->stk.len;
    t->u.fields.rbrace = ps_list(p, "interface type", TK_SEMI, TK_RBRACE, iface_elem, NULL);
    t->u.fields.list = ps_pop_list(p, base);
    return t;
}

// Type = TypeName [ TypeArgs ] | TypeLit | "(" Type ")" .
Node *ps_type_or_nil(Parser *p) {
    if (!ps_enter(p)) {
        ps_leave(p);
        return ps_bad_expr(p);
    }
    Pos pos = TOK.pos;
    Node *t = NULL;
    switch (TOK.kind) {
    case TK_STAR:
        ps_next(p);
        t = new_star(p, pos, ps_type(p));
        break;
    case TK_ARROW:
        ps_next(p);
        ps_want(p, TK_CHAN);
        t = ps_new(p, N_CHAN_TYPE, pos);
        t->u.chan.dir = CHAN_RECV;
        t->u.chan.value = chan_elem(p);
        break;
    case TK_FUNC:
        ps_next(p);
        t = ps_func_type(p, "function type", pos);
        break;
    case TK_LBRACK:
        ps_next(p);
        if (ps_got(p, TK_RBRACK))
            t = ps_slice_type(p, pos);
        else
            t = ps_array_type(p, pos, NULL);
        break;
    case TK_CHAN:
        ps_next(p);
        t = ps_new(p, N_CHAN_TYPE, pos);
        if (ps_got(p, TK_ARROW))
            t->u.chan.dir = CHAN_SEND;
        t->u.chan.value = chan_elem(p);
        break;
    case TK_MAP:
        ps_next(p);
        ps_want(p, TK_LBRACK);
        t = ps_new(p, N_MAP_TYPE, pos);
        t->u.map.key = ps_type(p);
        ps_want(p, TK_RBRACK);
        t->u.map.value = ps_type(p);
        break;
    case TK_STRUCT:
        t = struct_type(p);
        break;
    case TK_INTERFACE:
        t = interface_type(p);
        break;
    case TK_NAME:
        t = ps_qualified_name(p, NULL);
        break;
    case TK_LPAREN:
        ps_next(p);
        t = ps_new(p, N_PAREN, pos);
        t->u.unary.x = ps_type(p);
        ps_want(p, TK_RPAREN);
        break;
    default:
        break;
    }
    ps_leave(p);
    return t;
}

// gc's isTypeElem: does x contain a type literal or ~, so that it can
// only be a constraint ("type T[P *struct{}] ..." has a type parameter)?
bool ps_is_type_elem(Node *x) {
    switch (x->kind) {
    case N_ARRAY_TYPE:
    case N_STRUCT_TYPE:
    case N_FUNC_TYPE:
    case N_INTERFACE_TYPE:
    case N_MAP_TYPE:
    case N_CHAN_TYPE:
        return true;
    case N_BINARY:
        return ps_is_type_elem(x->u.binary.x) || ps_is_type_elem(x->u.binary.y);
    case N_UNARY:
        return x->op == OP_TILDE || ps_is_type_elem(x->u.unary.x);
    case N_STAR:
    case N_PAREN:
        return ps_is_type_elem(x->u.unary.x);
    default:
        return false;
    }
}

// ---- signatures ----

// ParameterDecl = [ IdentifierList ] [ "..." ] Type .  (one name at most
// here; in a type parameter list (follow "]") the type may be a union.)
static bool param_decl(Parser *p, Node *name, TokKind follow, ParamItem *out) {
    bool tsets = follow == TK_RBRACK;
    ParamItem f = {.pos = name ? name->pos : TOK.pos};
    if (!name && tsets && is_op(p, OP_TILDE)) {
        f.type = union_rest(p, embedded_term(p));
        goto done;
    }
    if (TOK.kind == TK_NAME || name) {
        if (!name)
            name = ps_name(p);
        if (TOK.kind == TK_LBRACK) {
            Node *t = array_or_targs(p);
            if (t->kind == N_INDEX && !t->u.index.x)
                t->u.index.x = name;
            else
                f.name = name;
            f.type = t;
            if (tsets && is_op(p, OP_OR))
                f.type = union_rest(p, f.type);
            goto done;
        }
        if (TOK.kind == TK_DOT) {
            f.type = ps_qualified_name(p, name);
            if (tsets && is_op(p, OP_OR))
                f.type = union_rest(p, f.type);
            goto done;
        }
        if (tsets && is_op(p, OP_OR)) {
            f.type = union_rest(p, name);
            goto done;
        }
        f.name = name;
    }
    if (TOK.kind == TK_DOTDOTDOT) {
        Node *t = ps_new(p, N_ELLIPSIS, TOK.pos);
        ps_next(p);
        t->u.ellipsis.elt = ps_type_or_nil(p);
        if (!t->u.ellipsis.elt) {
            t->u.ellipsis.elt = ps_bad_expr(p);
            ps_syntax_error(p, "... is missing type");
        }
        f.type = t;
        goto done;
    }
    if (tsets && is_op(p, OP_TILDE)) {
        f.type = union_rest(p, embedded_term(p));
        goto done;
    }
    f.type = ps_type_or_nil(p);
    if (tsets && is_op(p, OP_OR) && f.type)
        f.type = union_rest(p, f.type);
    if (!f.name && !f.type) {
        char msg[64];
        snprintf(msg, sizeof msg, "expecting %s", follow == TK_RBRACK ? "]" : ")");
        ps_syntax_error(p, msg);
        ps_advance(p, TKSET(TK_COMMA) | TKSET(follow));
        return false;
    }
done:
    f.explicit_type = f.type != NULL;
    *out = f;
    return true;
}

typedef struct {
    Node *name, *type;  // an already parsed first parameter
    TokKind close;
    int named, typed;
} ParamCtx;

// ParameterList = ParameterDecl { "," ParameterDecl } .  (one element)
static bool param_elem(Parser *p, void *ctx) {
    ParamCtx *c = ctx;
    ParamItem it;
    bool ok = true;
    if (c->type) {
        it = (ParamItem){c->name, c->type, c->name->pos, true};
    } else {
        ok = param_decl(p, c->name, c->close, &it);
    }
    c->name = c->type = NULL;
    if (ok) {
        if (it.name && it.type)
            c->named++;
        if (it.type)
            c->typed++;
        vec_push(&p->params, it);
    }
    return false;
}

NodeList ps_param_list(Parser *p, Node *name, Node *type, TokKind close, bool require_names,
                       int *count) {
    int base = p->params.len;
    Pos end = NOPOS;
    if (name && type && TOK.kind == close) {
        ps_next(p);
        ParamItem it = {name, type, name->pos, true};
        vec_push(&p->params, it);
    } else {
        ParamCtx c = {name, type, close, 0, 0};
        end = ps_list(p, "parameter list", TK_COMMA, close, param_elem, &c);
        int n = p->params.len - base;
        ParamItem *v = p->params.data + base;
        if (n > 0 && c.named == 0 && !require_names) {
            // All types: "func(a, b)" names two types.
            for (int i = 0; i < n; i++) {
                if (v[i].name) {
                    v[i].type = v[i].name;
                    v[i].name = NULL;
                    v[i].explicit_type = true;
                }
            }
        } else if (n > 0 && c.named != n) {
            // Some names lack types: they take the next type to their
            // right; what is left over is an error.
            Pos errpos = NOPOS;
            Node *typ = NULL;
            for (int i = n - 1; i >= 0; i--) {
                if (v[i].type) {
                    typ = v[i].type;
                    if (!v[i].name) {
                        errpos = syn_start_pos(typ);
                        v[i].name = ps_new(p, N_IDENT, errpos);
                        v[i].name->u.ident.name = str_cstr("_");
                    }
                } else if (typ) {
                    v[i].type = typ;
                } else {
                    errpos = v[i].name->pos;
                    v[i].type = ps_new(p, N_BAD_EXPR, errpos);
                    v[i].explicit_type = true;
                }
            }
            if (errpos != NOPOS) {
                const char *msg;
                if (require_names) {
                    if (c.named == c.typed) {
                        errpos = end;
                        msg = "missing type constraint";
                    } else {
                        msg = "type parameters must be named";
                    }
                } else {
                    msg = "mixed named and unnamed parameters";
                }
                ps_syntax_error_at(p, errpos, msg);
            }
        }
    }
    int n = p->params.len - base;
    if (count)
        *count = n;
    // Group "a, b T" into one field, as go/ast does.
    int fbase = p->stk.len;
    for (int i = 0; i < n;) {
        ParamItem *v = p->params.data + base;
        if (!v[i].name) {
            NodeList none = {0};
            ps_push(p, new_field(p, v[i].pos, none, v[i].type, NULL));
            i++;
            continue;
        }
        int j = i;
        while (j < n - 1 && v[j].name && !v[j].explicit_type)
            j++;
        int nbase = p->stk.len;
        for (int k = i; k <= j; k++)
            ps_push(p, v[k].name ? v[k].name : v[k].type);
        NodeList names = ps_pop_list(p, nbase);
        ps_push(p, new_field(p, v[i].pos, names, v[j].type, NULL));
        i = j + 1;
    }
    p->params.len = base;
    return ps_pop_list(p, fbase);
}

// Result = Parameters | Type .
static NodeList func_result(Parser *p) {
    if (ps_got(p, TK_LPAREN))
        return ps_param_list(p, NULL, NULL, TK_RPAREN, false, NULL);
    Pos pos = TOK.pos;
    Node *typ = ps_type_or_nil(p);
    if (typ) {
        NodeList none = {0};
        return one(p, new_field(p, pos, none, typ, NULL));
    }
    return (NodeList){0};
}

// Signature = [ TypeParameters ] Parameters [ Result ] .
Node *ps_func_type(Parser *p, const char *context, Pos func_kw) {
    Node *typ = ps_new(p, N_FUNC_TYPE, TOK.pos);
    typ->u.func_type.func = func_kw;
    if (ps_got(p, TK_LBRACK)) {
        if (context[0]) {
            char msg[96];
            snprintf(msg, sizeof msg, "%s must have no type parameters", context);
            ps_syntax_error_at(p, typ->pos, msg);
        }
        if (TOK.kind == TK_RBRACK) {
            ps_syntax_error(p, "empty type parameter list");
            ps_next(p);
        } else {
            typ->u.func_type.tparams = ps_param_list(p, NULL, NULL, TK_RBRACK, true, NULL);
        }
    }
    ps_want(p, TK_LPAREN);
    typ->u.func_type.params = ps_param_list(p, NULL, NULL, TK_RPAREN, false, NULL);
    typ->u.func_type.results = func_result(p);
    return typ;
}
