// parse_stmt.c: statements. gc parses the header of if/for/switch as one
// "simple statement" and sorts out afterwards what it was (condition, tag,
// type switch guard, range clause); we do the same and then build the
// go/ast node: IfStmt, ForStmt or RangeStmt, SwitchStmt or TypeSwitchStmt.
#include <stdio.h>
#include <string.h>

#include "syntax.h"

#define TOK (p->lx.tok)

static Node *stmt_or_nil(Parser *p);

// EmptyStmt = .  (at a ";"; go/ast calls it implicit unless written)
static Node *empty_stmt(Parser *p) {
    Node *e = ps_new(p, N_EMPTY_STMT, TOK.pos);
    if (TOK.kind != TK_SEMI || !TOK.lit || strcmp(TOK.lit, "semicolon") != 0)
        e->flags |= NF_IMPLICIT_SEMI;
    return e;
}

// StatementList = { Statement ";" } .
static NodeList stmt_list(Parser *p) {
    int base = p->stk.len;
    while (TOK.kind != TK_EOF && TOK.kind != TK_RBRACE && TOK.kind != TK_CASE &&
           TOK.kind != TK_DEFAULT) {
        Node *s = stmt_or_nil(p);
        ps_clear_pragma(p);
        if (!s)
            break;
        ps_push(p, s);
        if (!ps_got(p, TK_SEMI) && TOK.kind != TK_RBRACE) {
            ps_syntax_error(p, "at end of statement");
            ps_advance(p, TKSET(TK_SEMI) | TKSET(TK_RBRACE) | TKSET(TK_CASE) | TKSET(TK_DEFAULT));
            ps_got(p, TK_SEMI);  // no spurious empty statement after this
        }
    }
    return ps_pop_list(p, base);
}

// Block = "{" StatementList "}" .
Node *ps_block_stmt(Parser *p, const char *context) {
    Node *s = ps_new(p, N_BLOCK, TOK.pos);
    if (!ps_got(p, TK_LBRACE)) {
        char msg[64];
        snprintf(msg, sizeof msg, "expecting { after %s", context);
        ps_syntax_error(p, msg);
        ps_advance(p, TKSET(TK_NAME) | TKSET(TK_RBRACE));
        s->u.block.rbrace = TOK.pos;
        if (ps_got(p, TK_RBRACE))
            return s;
    }
    s->u.block.list = stmt_list(p);
    s->u.block.rbrace = TOK.pos;
    ps_want(p, TK_RBRACE);
    return s;
}

// RangeClause = [ ExpressionList "=" | IdentifierList ":=" ] "range" Expression .
// The left-hand side, if any, is on the stack from lhs_base.
static Node *range_clause(Parser *p, int lhs_base, bool def) {
    Node *r = ps_new(p, N_RANGE, TOK.pos);
    ps_next(p);  // "range"
    if (def)
        r->op = OP_DEF;
    if (lhs_base >= 0) {
        int n = p->stk.len - lhs_base;
        Node **v = p->stk.data + lhs_base;
        r->u.range.key = v[0];
        if (n > 1)
            r->u.range.value = v[1];
        if (n > 2)  // an error, but the type checker's (it depends on x's type)
            r->u.range.extra = v[2];
        p->stk.len = lhs_base;
    }
    r->u.range.x = ps_expr(p);
    return r;
}

// ExpressionStmt, IncDecStmt, GoStmt and DeferStmt share u.unary.
static Node *single_stmt(Parser *p, NodeKind k, Pos pos, Node *x) {
    Node *s = ps_new(p, k, pos);
    s->u.unary.x = x;
    return s;
}

// SimpleStmt = EmptyStmt | ExpressionStmt | SendStmt | IncDecStmt | Assignment | ShortVarDecl .
// If lhs_base >= 0 the left-hand expression list is already on the stack.
// keyword is TK_FOR (a range clause may follow), TK_SWITCH or 0.
static Node *simple_stmt(Parser *p, int lhs_base, TokKind keyword) {
    if (keyword == TK_FOR && TOK.kind == TK_RANGE)
        return range_clause(p, -1, false);
    if (lhs_base < 0) {
        lhs_base = p->stk.len;
        ps_expr_list(p);
    }
    int nlhs = p->stk.len - lhs_base;
    if (nlhs == 1 && TOK.kind != TK_ASSIGN && TOK.kind != TK_DEFINE) {
        Node *lhs = p->stk.data[lhs_base];
        p->stk.len = lhs_base;
        Pos pos = TOK.pos;
        switch (TOK.kind) {
        case TK_ASSIGNOP: {
            Node *a = ps_new(p, N_ASSIGN, pos);
            a->op = (uint8_t)TOK.op;
            ps_next(p);
            a->u.assign.lhs = syn_list(p->arena, &lhs, 1);
            Node *rhs = ps_expr(p);
            a->u.assign.rhs = syn_list(p->arena, &rhs, 1);
            return a;
        }
        case TK_INCOP: {
            Node *s = single_stmt(p, N_INCDEC, pos, lhs);
            s->op = (uint8_t)TOK.op;
            ps_next(p);
            return s;
        }
        case TK_ARROW: {
            Node *s = ps_new(p, N_SEND, pos);
            ps_next(p);
            s->u.send.chan = lhs;
            s->u.send.value = ps_expr(p);
            return s;
        }
        default:
            return single_stmt(p, N_EXPR_STMT, lhs->pos, lhs);
        }
    }
    switch (TOK.kind) {
    case TK_ASSIGN:
    case TK_DEFINE: {
        Pos pos = TOK.pos;
        Op op = TOK.kind == TK_DEFINE ? OP_DEF : OP_NONE;
        ps_next(p);
        if (keyword == TK_FOR && TOK.kind == TK_RANGE)
            return range_clause(p, lhs_base, op == OP_DEF);
        int rbase = p->stk.len;
        ps_expr_list(p);
        Node *a = ps_new(p, N_ASSIGN, pos);
        a->op = (uint8_t)op;
        a->u.assign.rhs = ps_pop_list(p, rbase);
        a->u.assign.lhs = ps_pop_list(p, lhs_base);
        // "switch x := y.(type)": gc makes this a type switch guard, whose
        // position is the "." of ".(type)".
        if (keyword == TK_SWITCH && op == OP_DEF && a->u.assign.lhs.n == 1 &&
            a->u.assign.lhs.v[0]->kind == N_IDENT && a->u.assign.rhs.n == 1 &&
            a->u.assign.rhs.v[0]->kind == N_TYPE_ASSERT && !a->u.assign.rhs.v[0]->u.assert.type)
            a->pos = a->u.assign.rhs.v[0]->pos;
        return a;
    }
    default: {
        ps_syntax_error(p, "expecting := or = or comma");
        ps_advance(p, TKSET(TK_SEMI) | TKSET(TK_RBRACE));
        Node *lhs = p->stk.data[lhs_base];
        p->stk.len = lhs_base;
        return single_stmt(p, N_EXPR_STMT, lhs->pos, lhs);
    }
    }
}

// Is s the header of a type switch, "x := y.(type)" or "y.(type)"?
static bool is_type_switch_guard(Node *s) {
    if (!s)
        return false;
    if (s->kind == N_EXPR_STMT) {
        Node *x = s->u.unary.x;
        return x->kind == N_TYPE_ASSERT && !x->u.assert.type;
    }
    if (s->kind == N_ASSIGN && s->op == OP_DEF && s->u.assign.lhs.n == 1 &&
        s->u.assign.lhs.v[0]->kind == N_IDENT && s->u.assign.rhs.n == 1) {
        Node *x = s->u.assign.rhs.v[0];
        return x->kind == N_TYPE_ASSERT && !x->u.assert.type;
    }
    return false;
}

typedef struct Header {
    Node *init;  // statement, or the N_RANGE of a range loop
    Node *cond;  // expression
    Node *post;
    Node *guard; // TK_SWITCH: the type switch guard statement
} Header;

// The header of if, for and switch: [ SimpleStmt ";" ] [ Expression ], or
// for "for" also [ InitStmt ] ";" [ Condition ] ";" [ PostStmt ].
static Header header(Parser *p, TokKind keyword) {
    Header h = {0};
    ps_want(p, keyword);
    if (TOK.kind == TK_LBRACE) {
        if (keyword == TK_IF) {
            ps_syntax_error(p, "missing condition in if statement");
            h.cond = ps_bad_expr(p);
        }
        return h;
    }
    int outer = p->xnest;
    p->xnest = -1;  // "T{" here opens the body, not a composite literal

    if (TOK.kind != TK_SEMI) {
        if (ps_got(p, TK_VAR)) {
            char msg[64];
            snprintf(msg, sizeof msg, "var declaration not allowed in %s initializer", tok_names[keyword]);
            ps_syntax_error(p, msg);
        }
        h.init = simple_stmt(p, -1, keyword);
        if (h.init->kind == N_RANGE) {
            p->xnest = outer;
            return h;
        }
    }

    Node *cond_stmt = NULL;
    Pos semi_pos = NOPOS;
    Str semi_lit = NULL;
    if (TOK.kind != TK_LBRACE) {
        if (TOK.kind == TK_SEMI) {
            semi_pos = TOK.pos;
            semi_lit = TOK.lit;
            ps_next(p);
        } else {
            ps_want(p, TK_LBRACE);
            if (TOK.kind != TK_LBRACE)
                ps_advance(p, TKSET(TK_LBRACE) | TKSET(TK_RBRACE));
        }
        if (keyword == TK_FOR) {
            if (TOK.kind != TK_SEMI) {
                if (TOK.kind == TK_LBRACE) {
                    ps_syntax_error(p, "expecting for loop condition");
                    goto done;
                }
                cond_stmt = simple_stmt(p, -1, 0);
            }
            ps_want(p, TK_SEMI);
            if (TOK.kind != TK_LBRACE) {
                h.post = simple_stmt(p, -1, 0);
                if (h.post->kind == N_ASSIGN && h.post->op == OP_DEF)
                    ps_syntax_error_at(p, h.post->pos, "cannot declare in post statement of for loop");
            }
        } else if (TOK.kind != TK_LBRACE) {
            cond_stmt = simple_stmt(p, -1, keyword);
        }
    } else {
        cond_stmt = h.init;
        h.init = NULL;
    }

done:
    if (!cond_stmt) {
        if (keyword == TK_IF && semi_pos != NOPOS) {
            if (!semi_lit || strcmp(semi_lit, "semicolon") != 0) {
                char msg[96];
                snprintf(msg, sizeof msg, "unexpected %s, expecting { after if clause",
                         semi_lit ? semi_lit : "newline");
                ps_syntax_error_at(p, semi_pos, msg);
            } else {
                ps_syntax_error_at(p, semi_pos, "missing condition in if statement");
            }
            h.cond = ps_new(p, N_BAD_EXPR, semi_pos);
        }
    } else if (cond_stmt->kind == N_EXPR_STMT && !(keyword == TK_SWITCH && is_type_switch_guard(cond_stmt))) {
        h.cond = cond_stmt->u.unary.x;
    } else if (keyword == TK_SWITCH && is_type_switch_guard(cond_stmt)) {
        h.guard = cond_stmt;
    } else {
        Buf b = {0};
        buf_puts(&b, "cannot use ");
        if (cond_stmt->kind == N_ASSIGN && cond_stmt->op == OP_NONE) {
            NodeList *l = &cond_stmt->u.assign.lhs, *r = &cond_stmt->u.assign.rhs;
            buf_puts(&b, "assignment (");
            for (int i = 0; i < l->n; i++) {
                if (i)
                    buf_puts(&b, ", ");
                syn_print_node(&b, l->v[i]);
            }
            buf_puts(&b, ") = (");
            for (int i = 0; i < r->n; i++) {
                if (i)
                    buf_puts(&b, ", ");
                syn_print_node(&b, r->v[i]);
            }
            buf_puts(&b, ")");
        } else {
            syn_print_node(&b, cond_stmt);
        }
        buf_puts(&b, " as value");
        ps_syntax_error_at(p, cond_stmt->pos, buf_cstr(&b));
        buf_free(&b);
    }
    p->xnest = outer;
    return h;
}

// IfStmt = "if" [ SimpleStmt ";" ] Expression Block [ "else" ( IfStmt | Block ) ] .
static Node *if_stmt(Parser *p) {
    Node *s = ps_new(p, N_IF, TOK.pos);
    Header h = header(p, TK_IF);
    s->u.if_.init = h.init;
    s->u.if_.cond = h.cond;
    s->u.if_.then = ps_block_stmt(p, "if clause");
    if (ps_got(p, TK_ELSE)) {
        switch (TOK.kind) {
        case TK_IF:
            if (ps_enter(p))  // else-if chains nest too
                s->u.if_.els = if_stmt(p);
            ps_leave(p);
            break;
        case TK_LBRACE:
            s->u.if_.els = ps_block_stmt(p, "");
            break;
        default:
            ps_syntax_error(p, "else must be followed by if or statement block");
            ps_advance(p, TKSET(TK_NAME) | TKSET(TK_RBRACE));
            break;
        }
    }
    return s;
}

// ForStmt = "for" [ Condition | ForClause | RangeClause ] Block .
static Node *for_stmt(Parser *p) {
    Pos pos = TOK.pos;
    Header h = header(p, TK_FOR);
    Node *s;
    if (h.init && h.init->kind == N_RANGE) {
        s = h.init;
        s->u.range.for_ = pos;
        s->u.range.body = ps_block_stmt(p, "for clause");
    } else {
        s = ps_new(p, N_FOR, pos);
        s->u.for_.init = h.init;
        s->u.for_.cond = h.cond;
        s->u.for_.post = h.post;
        s->u.for_.body = ps_block_stmt(p, "for clause");
    }
    return s;
}

// ExprCaseClause = ExprSwitchCase ":" StatementList .
// ExprSwitchCase = "case" ExpressionList | "default" .
// CommClause = CommCase ":" StatementList .
// CommCase = "case" ( SendStmt | RecvStmt ) | "default" .
static Node *case_clause(Parser *p, bool comm) {
    Node *c = ps_new(p, comm ? N_COMM_CLAUSE : N_CASE_CLAUSE, TOK.pos);
    switch (TOK.kind) {
    case TK_CASE:
        ps_next(p);
        if (comm) {
            c->u.comm.comm = simple_stmt(p, -1, 0);
        } else {
            int base = p->stk.len;
            ps_expr_list(p);
            c->u.clause.list = ps_pop_list(p, base);
        }
        break;
    case TK_DEFAULT:
        ps_next(p);
        break;
    default:
        ps_syntax_error(p, "expecting case or default or }");
        ps_advance(p, TKSET(TK_COLON) | TKSET(TK_CASE) | TKSET(TK_DEFAULT) | TKSET(TK_RBRACE));
        break;
    }
    Pos colon = TOK.pos;
    ps_want(p, TK_COLON);
    NodeList body = stmt_list(p);
    if (comm)
        c->u.comm.colon = colon, c->u.comm.body = body;
    else
        c->u.clause.colon = colon, c->u.clause.body = body;
    return c;
}

// The "{ clauses }" of switch and select, as an N_BLOCK of clauses.
static Node *clause_body(Parser *p, bool comm, const char *what) {
    Node *b = ps_new(p, N_BLOCK, TOK.pos);
    if (!ps_got(p, TK_LBRACE)) {
        char msg[64];
        snprintf(msg, sizeof msg, "missing { after %s clause", what);
        ps_syntax_error(p, msg);
        ps_advance(p, TKSET(TK_CASE) | TKSET(TK_DEFAULT) | TKSET(TK_RBRACE));
    }
    int base = p->stk.len;
    while (TOK.kind != TK_EOF && TOK.kind != TK_RBRACE)
        ps_push(p, case_clause(p, comm));
    b->u.block.list = ps_pop_list(p, base);
    b->u.block.rbrace = TOK.pos;
    ps_want(p, TK_RBRACE);
    return b;
}

// SwitchStmt = ExprSwitchStmt | TypeSwitchStmt .
static Node *switch_stmt(Parser *p) {
    Node *s = ps_new(p, N_SWITCH, TOK.pos);
    Header h = header(p, TK_SWITCH);
    s->u.switch_.init = h.init;
    if (h.guard) {
        s->kind = N_TYPE_SWITCH;  // same union member
        s->u.switch_.tag = h.guard;
    } else {
        s->u.switch_.tag = h.cond;
    }
    s->u.switch_.body = clause_body(p, false, "switch");
    return s;
}

// SelectStmt = "select" "{" { CommClause } "}" .
static Node *select_stmt(Parser *p) {
    Node *s = ps_new(p, N_SELECT, TOK.pos);
    ps_want(p, TK_SELECT);
    s->u.switch_.body = clause_body(p, true, "select");
    return s;
}

// LabeledStmt = Label ":" Statement .
static Node *labeled_stmt_or_nil(Parser *p, Node *label) {
    Node *s = ps_new(p, N_LABELED, TOK.pos);
    s->u.labeled.label = label;
    ps_want(p, TK_COLON);
    if (TOK.kind == TK_RBRACE) {
        // A label right before "}" labels an empty statement.
        Node *e = ps_new(p, N_EMPTY_STMT, TOK.pos);
        e->flags |= NF_IMPLICIT_SEMI;
        s->u.labeled.stmt = e;
        return s;
    }
    s->u.labeled.stmt = stmt_or_nil(p);
    if (s->u.labeled.stmt)
        return s;
    // Returning nothing ends the statement list, avoiding follow-on errors.
    ps_syntax_error_at(p, s->pos, "missing statement after label");
    return NULL;
}

// GoStmt = "go" Expression .  DeferStmt = "defer" Expression .
static Node *call_stmt(Parser *p) {
    TokKind kw = TOK.kind;
    Node *s = ps_new(p, kw == TK_GO ? N_GO : N_DEFER, TOK.pos);
    ps_next(p);
    Node *x = ps_pexpr(p, NULL, TOK.kind == TK_LPAREN);
    if (x->kind == N_PAREN) {
        ps_error_at(p, x->pos, "expression in %s must not be parenthesized", tok_names[kw]);
        while (x->kind == N_PAREN)
            x = x->u.unary.x;
    }
    if (x->kind != N_CALL)
        ps_error_at(p, x->pos, "expression in %s must be function call", tok_names[kw]);
    s->u.unary.x = x;
    return s;
}

// BreakStmt = "break" [ Label ] .  ContinueStmt = "continue" [ Label ] .
// GotoStmt = "goto" Label .  FallthroughStmt = "fallthrough" .
static Node *branch(Parser *p, TokKind kw) {
    Node *s = ps_new(p, N_BRANCH, TOK.pos);
    s->op = (uint8_t)kw;
    ps_next(p);
    return s;
}

// Statement = Declaration | LabeledStmt | SimpleStmt | GoStmt | ReturnStmt |
//             BreakStmt | ContinueStmt | GotoStmt | FallthroughStmt | Block |
//             IfStmt | SwitchStmt | SelectStmt | ForStmt | DeferStmt .
static Node *stmt_or_nil_(Parser *p) {
    if (TOK.kind == TK_NAME) {
        ps_clear_pragma(p);
        int base = p->stk.len;
        int n = ps_expr_list(p);
        if (n == 1 && p->stk.data[base]->kind == N_IDENT && TOK.kind == TK_COLON) {
            Node *label = p->stk.data[base];
            p->stk.len = base;
            return labeled_stmt_or_nil(p, label);
        }
        return simple_stmt(p, base, 0);
    }
    switch (TOK.kind) {
    case TK_VAR:
    case TK_CONST:
    case TK_TYPE: {
        Node *s = ps_new(p, N_DECL_STMT, TOK.pos);
        TokKind kw = TOK.kind;
        ps_next(p);
        s->u.decl_stmt.decl = ps_gen_decl(p, kw, s->pos);
        return s;
    }
    default:
        break;
    }
    ps_clear_pragma(p);
    switch (TOK.kind) {
    case TK_LBRACE:
        return ps_block_stmt(p, "");
    case TK_OPERATOR:
    case TK_STAR:
        switch (TOK.op) {
        case OP_ADD:
        case OP_SUB:
        case OP_MUL:
        case OP_AND:
        case OP_XOR:
        case OP_NOT:
            return simple_stmt(p, -1, 0);
        default:
            return NULL;
        }
    case TK_LITERAL:
    case TK_FUNC:
    case TK_LPAREN:
    case TK_LBRACK:
    case TK_STRUCT:
    case TK_MAP:
    case TK_CHAN:
    case TK_INTERFACE:
    case TK_ARROW:
        return simple_stmt(p, -1, 0);
    case TK_FOR:
        return for_stmt(p);
    case TK_SWITCH:
        return switch_stmt(p);
    case TK_SELECT:
        return select_stmt(p);
    case TK_IF:
        return if_stmt(p);
    case TK_FALLTHROUGH:
        return branch(p, TK_FALLTHROUGH);
    case TK_BREAK:
    case TK_CONTINUE: {
        Node *s = branch(p, TOK.kind);
        if (TOK.kind == TK_NAME)
            s->u.branch.label = ps_name(p);
        return s;
    }
    case TK_GO:
    case TK_DEFER:
        return call_stmt(p);
    case TK_GOTO: {
        Node *s = branch(p, TK_GOTO);
        s->u.branch.label = ps_name(p);
        return s;
    }
    case TK_RETURN: {
        Node *s = ps_new(p, N_RETURN, TOK.pos);
        ps_next(p);
        if (TOK.kind != TK_SEMI && TOK.kind != TK_RBRACE) {
            int base = p->stk.len;
            ps_expr_list(p);
            s->u.list.list = ps_pop_list(p, base);
        }
        return s;
    }
    case TK_SEMI:
        return empty_stmt(p);
    default:
        return NULL;
    }
}

// NULL when no statement starts here; the depth guard also lands here.
static Node *stmt_or_nil(Parser *p) {
    if (!ps_enter(p)) {
        ps_leave(p);
        return NULL;
    }
    Node *s = stmt_or_nil_(p);
    ps_leave(p);
    return s;
}
