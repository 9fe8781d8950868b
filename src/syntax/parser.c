// parser.c: the driver of the recursive-descent parser for Go 1.19. It
// owns the token stream (ps_next and friends), gc's syntax error wording
// and recovery, source files and declarations. Expressions and types are
// in parse_expr.c, statements in parse_stmt.c, //go: directives in
// pragma.c, gc's label and branch checks in branches.c. The tree has
// go/ast's shape, so that it can be compared with go/parser's; every
// Node.pos is the position gc's own syntax package gives the matching
// node, because that is what gc prints.
//
// Where go/ast has a node gc lacks, or shapes it differently, we choose:
//
//   go/ast node        Node.pos                     gc's view
//   GenDecl            the keyword                  gc has per-spec decls only
//   ImportSpec         first token of the spec      ImportDecl
//   ValueSpec          first name                   ConstDecl/VarDecl
//   TypeSpec           the name                     TypeDecl
//   FuncDecl           token after "func"           FuncDecl (name or "(")
//   FuncType           "(" or "[" after func/name   FuncType; u.func_type.func
//                                                   keeps the "func" keyword
//   Field (a, b T)     first name                   gc splits per name
//   Field (embedded)   first token of the type      Field
//   Field (result T)   first token of the type      Field
//   IndexExpr/ListExpr "["                          IndexExpr (+ ListExpr)
//   SelectorExpr       "."                          SelectorExpr
//   CallExpr           "("                          CallExpr
//   CompositeLit       "{"                          CompositeLit
//   KeyValueExpr       ":"                          KeyValueExpr
//   BinaryExpr         the operator                 Operation
//   TypeAssertExpr     "."                          AssertExpr/TypeSwitchGuard
//   ParenExpr          "("                          gc drops most parens
//   Ellipsis           "..."                        DotsType
//   ChanType           "chan" or "<-"; in an        ChanType
//                      expression "<-chan T" keeps
//                      the "chan", as gc does
//   LabeledStmt        ":"                          LabeledStmt
//   AssignStmt         the operator; in a type      AssignStmt; TypeSwitchGuard
//                      switch header the "."
//   IncDecStmt         the operator                 AssignStmt
//   ExprStmt           the expression's pos         ExprStmt
//   SendStmt           "<-"                         SendStmt
//   RangeStmt          "range"; u.range.for_ keeps  RangeClause (gc's ORANGE
//                      the "for" keyword            uses it)
//   Switch/TypeSwitch  "switch"; body N_BLOCK "{"   SwitchStmt
//   SelectStmt         "select"; body N_BLOCK "{"   SelectStmt
//   Case/CommClause    "case" or "default"          CaseClause/CommClause
//   DeclStmt           the keyword                  DeclStmt
//   EmptyStmt          the ";" or "}"               EmptyStmt
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "syntax.h"

// Deeper nesting than this is reported instead of risking the stack.
enum { MAX_DEPTH = 1000000 };

// ---- tokens and errors ----

// Advances to the next token; after the nesting limit only EOF remains.
void ps_next(Parser *p) {
    if (p->dead) {
        p->lx.tok.kind = TK_EOF;
        return;
    }
    lex_next(&p->lx);
    if (p->lx.pending.len > 0)
        ps_handle_directives(p);  // as gc: while scanning the token
}

// Consumes the token if it is t.
bool ps_got(Parser *p, TokKind t) {
    if (p->lx.tok.kind == t) {
        ps_next(p);
        return true;
    }
    return false;
}

// gc's tokstring: a token kind as error messages name it.
static const char *tokstring(TokKind t) {
    switch (t) {
    case TK_COMMA: return "comma";
    case TK_SEMI: return "semicolon or newline";
    default: return tok_names[t];
    }
}

// Consumes t or complains and skips one token (gc's want).
void ps_want(Parser *p, TokKind t) {
    if (!ps_got(p, t)) {
        char msg[64];
        snprintf(msg, sizeof msg, "expecting %s", tokstring(t));
        ps_syntax_error(p, msg);
        ps_advance(p, 0);
    }
}

int ps_error_count(Parser *p) {
    return p->diags->nerrors - p->err_base - p->other_errs + p->filtered;
}

// gc's p.first != nil: the parser (or the lexer) has reported an error.
static bool any_error(Parser *p) { return ps_error_count(p) > 0; }

// A parser error that is not a syntax error ("method has no receiver").
void ps_error_at(Parser *p, Pos pos, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    diag_verror(p->diags, pos, fmt, ap);
    va_end(ap);
}

// gc's base.ErrorfAt keeps only the first syntax error on a line, whatever
// it says; the rest would mostly be follow-on noise.
static void report_syntax(Parser *p, Pos pos, const char *msg) {
    Position where = pos_resolve(pos);
    if (p->last_syn_line == where.line && p->last_syn_file == where.file) {
        p->filtered++;  // still an error for gc's parser, just not shown
        return;
    }
    p->last_syn_file = where.file;
    p->last_syn_line = where.line;
    diag_error(p->diags, pos, "%s", msg);
}

static bool has_prefix(const char *s, const char *pre) {
    return strncmp(s, pre, strlen(pre)) == 0;
}

// gc's syntaxErrorAt: a msg starting "in ", "at ", "after " or
// "expecting " becomes "unexpected TOKEN <msg>", naming the current token;
// any other msg is printed as it is, after "syntax error: ".
void ps_syntax_error_at(Parser *p, Pos pos, const char *msg) {
    Token *t = &p->lx.tok;
    if (t->kind == TK_EOF && any_error(p))
        return;  // at EOF after an error, more would say nothing new
    Buf b = {0};
    buf_puts(&b, "syntax error: ");
    const char *sep;
    if (msg[0] == '\0')
        sep = "";
    else if (has_prefix(msg, "in ") || has_prefix(msg, "at ") || has_prefix(msg, "after "))
        sep = " ";
    else if (has_prefix(msg, "expecting "))
        sep = ", ";
    else {
        buf_puts(&b, msg);
        report_syntax(p, pos, buf_cstr(&b));
        buf_free(&b);
        return;
    }
    buf_puts(&b, "unexpected ");
    switch (t->kind) {
    case TK_NAME:
    case TK_SEMI: buf_puts(&b, t->lit ? t->lit : "semicolon"); break;
    case TK_LITERAL: buf_printf(&b, "literal %s", t->lit); break;
    case TK_OPERATOR: buf_puts(&b, op_names[t->op]); break;
    case TK_ASSIGNOP: buf_printf(&b, "%s=", op_names[t->op]); break;
    case TK_INCOP: buf_printf(&b, "%s%s", op_names[t->op], op_names[t->op]); break;
    default: buf_puts(&b, tokstring(t->kind)); break;
    }
    buf_puts(&b, sep);
    buf_puts(&b, msg);
    report_syntax(p, pos, buf_cstr(&b));
    buf_free(&b);
}

void ps_syntax_error(Parser *p, const char *msg) { ps_syntax_error_at(p, p->lx.tok.pos, msg); }

// Keywords that start a statement: in a function body, recovery stops at
// them rather than skipping a whole statement (gc's stopset).
static const uint64_t stopset =
    TKSET(TK_BREAK) | TKSET(TK_CONST) | TKSET(TK_CONTINUE) | TKSET(TK_DEFER) |
    TKSET(TK_FALLTHROUGH) | TKSET(TK_FOR) | TKSET(TK_GO) | TKSET(TK_GOTO) |
    TKSET(TK_IF) | TKSET(TK_RETURN) | TKSET(TK_SELECT) | TKSET(TK_SWITCH) |
    TKSET(TK_TYPE) | TKSET(TK_VAR);

// Error recovery: skips to a token of follow (plus statement keywords
// inside functions, where they are safe restarting points).
void ps_advance(Parser *p, uint64_t follow) {
    if (follow == 0) {  // skip exactly one token, never EOF
        if (p->lx.tok.kind != TK_EOF)
            ps_next(p);
        return;
    }
    follow |= TKSET(TK_EOF);
    if (p->fnest > 0)
        follow |= stopset;
    while (!(follow & TKSET(p->lx.tok.kind)))
        ps_next(p);
}

// Every recursive production passes here; pair with ps_leave.
bool ps_enter(Parser *p) {
    if (++p->depth <= MAX_DEPTH)
        return true;
    if (!p->dead) {
        ps_syntax_error(p, "nesting too deep");
        p->dead = true;
        p->lx.tok.kind = TK_EOF;
    }
    return false;
}

// ---- node helpers ----

Node *ps_new(Parser *p, NodeKind k, Pos pos) { return syn_new_node(p->arena, k, pos); }

void ps_push(Parser *p, Node *n) { vec_push(&p->stk, n); }

// The nodes pushed since base, as an arena list; pops them.
NodeList ps_pop_list(Parser *p, int base) {
    NodeList l = syn_list(p->arena, p->stk.data + base, p->stk.len - base);
    p->stk.len = base;
    return l;
}

static Node *new_ident(Parser *p, Pos pos, Str name) {
    Node *n = ps_new(p, N_IDENT, pos);
    n->u.ident.name = name;
    return n;
}

// name = identifier .
Node *ps_name(Parser *p) {
    if (p->lx.tok.kind == TK_NAME) {
        Node *n = new_ident(p, p->lx.tok.pos, p->lx.tok.lit);
        ps_next(p);
        return n;
    }
    Node *n = new_ident(p, p->lx.tok.pos, str_cstr("_"));
    ps_syntax_error(p, "expecting name");
    ps_advance(p, 0);
    return n;
}

Node *ps_bad_expr(Parser *p) { return ps_new(p, N_BAD_EXPR, p->lx.tok.pos); }

Pos ps_list(Parser *p, const char *context, TokKind sep, TokKind close,
            bool (*f)(Parser *, void *), void *ctx) {
    bool done = false;
    while (p->lx.tok.kind != TK_EOF && p->lx.tok.kind != close && !done) {
        done = f(p, ctx);
        if (!ps_got(p, sep) && p->lx.tok.kind != close) {
            char msg[128];
            snprintf(msg, sizeof msg, "in %s; possibly missing %s or %s", context,
                     tokstring(sep), tokstring(close));
            ps_syntax_error(p, msg);
            ps_advance(p, TKSET(TK_RPAREN) | TKSET(TK_RBRACK) | TKSET(TK_RBRACE));
            if (p->lx.tok.kind != close)
                return p->lx.tok.pos;
        }
    }
    Pos pos = p->lx.tok.pos;
    ps_want(p, close);
    return pos;
}

// ---- declarations ----

// The directives gc accepts on a function (noder's funcPragmas).
#define FUNC_PRAGMAS                                                                    \
    (PRAGMA_NOINLINE | PRAGMA_NOESCAPE | PRAGMA_NOSPLIT | PRAGMA_NORACE |              \
     PRAGMA_NOCHECKPTR | PRAGMA_UINTPTRESCAPES | PRAGMA_UINTPTRKEEPALIVE |             \
     PRAGMA_SYSTEMSTACK | PRAGMA_NOWRITEBARRIER | PRAGMA_NOWRITEBARRIERREC |           \
     PRAGMA_YESWRITEBARRIERREC | PRAGMA_CGO_UNSAFE_ARGS | PRAGMA_REGISTERPARAMS)

// gc's gotAssign: "=" expected, ":=" forgiven after a complaint.
static bool got_assign(Parser *p) {
    switch (p->lx.tok.kind) {
    case TK_DEFINE:
        ps_syntax_error(p, "expecting =");
        // fallthrough
    case TK_ASSIGN:
        ps_next(p);
        return true;
    default:
        return false;
    }
}

// IdentifierList = identifier { "," identifier } .
static NodeList name_list(Parser *p, Node *first) {
    int base = p->stk.len;
    ps_push(p, first);
    while (ps_got(p, TK_COMMA))
        ps_push(p, ps_name(p));
    return ps_pop_list(p, base);
}

// ImportSpec = [ "." | PackageName ] ImportPath .
static Node *import_spec(Parser *p) {
    Node *s = ps_new(p, N_IMPORT_SPEC, p->lx.tok.pos);
    ps_take_pragma(p, 0, false);
    if (p->lx.tok.kind == TK_NAME) {
        s->u.import_spec.name = ps_name(p);
    } else if (p->lx.tok.kind == TK_DOT) {
        s->u.import_spec.name = new_ident(p, p->lx.tok.pos, str_cstr("."));
        ps_next(p);
    }
    Node *path = ps_oliteral(p);
    if (!path) {
        s->u.import_spec.path = ps_bad_expr(p);
        ps_syntax_error(p, "missing import path");
        ps_advance(p, TKSET(TK_SEMI) | TKSET(TK_RPAREN));
        return s;
    }
    s->u.import_spec.path = path;
    if (!(path->flags & NF_BAD) && path->op != LIT_STRING) {
        ps_syntax_error(p, "import path must be a string");
        path->flags |= NF_BAD;
    }
    return s;
}

// ConstSpec = IdentifierList [ [ Type ] "=" ExpressionList ] .
static Node *const_spec(Parser *p, int iota) {
    Node *s = ps_new(p, N_VALUE_SPEC, p->lx.tok.pos);
    ps_take_pragma(p, 0, false);
    s->u.value_spec.iota = iota;
    s->u.value_spec.names = name_list(p, ps_name(p));
    TokKind k = p->lx.tok.kind;
    if (k != TK_EOF && k != TK_SEMI && k != TK_RPAREN) {
        s->u.value_spec.type = ps_type_or_nil(p);
        if (got_assign(p)) {
            int base = p->stk.len;
            ps_expr_list(p);
            s->u.value_spec.values = ps_pop_list(p, base);
        }
    }
    s->u.value_spec.implicit = !s->u.value_spec.type && s->u.value_spec.values.n == 0;
    return s;
}

// VarSpec = IdentifierList ( Type [ "=" ExpressionList ] | "=" ExpressionList ) .
static Node *var_spec(Parser *p) {
    Node *s = ps_new(p, N_VALUE_SPEC, p->lx.tok.pos);
    ps_take_pragma(p, 0, true);  // embeds are for the type checker
    s->u.value_spec.names = name_list(p, ps_name(p));
    bool values = got_assign(p);
    if (!values) {
        s->u.value_spec.type = ps_type(p);
        values = got_assign(p);
    }
    if (values) {
        int base = p->stk.len;
        ps_expr_list(p);
        s->u.value_spec.values = ps_pop_list(p, base);
    }
    return s;
}

// gc's extractName: in "type T[P C]" is "P C" a type parameter (name and
// constraint) or an array length expression? Returns the name and sets
// *ptype (possibly NULL) when it reads as a parameter.
static Node *extract_name(Parser *p, Node *x, bool force, Node **ptype) {
    *ptype = NULL;
    switch (x->kind) {
    case N_IDENT:
        return x;
    case N_BINARY:
        if (x->op == OP_MUL) {
            Node *name = x->u.binary.x;
            if (name->kind == N_IDENT && (force || ps_is_type_elem(x->u.binary.y))) {
                Node *star = ps_new(p, N_STAR, x->pos);  // "P *C": C's pointer
                star->u.unary.x = x->u.binary.y;
                *ptype = star;
                return name;
            }
        } else if (x->op == OP_OR) {
            Node *lhs;
            Node *name = extract_name(p, x->u.binary.x, force || ps_is_type_elem(x->u.binary.y), &lhs);
            if (name && lhs) {
                Node *o = ps_new(p, N_BINARY, x->pos);
                o->op = OP_OR;
                o->u.binary.x = lhs;
                o->u.binary.y = x->u.binary.y;
                *ptype = o;
                return name;
            }
        }
        break;
    case N_CALL: {
        Node *fun = x->u.call.fun;
        if (fun->kind == N_IDENT && x->u.call.args.n == 1 && !(x->flags & NF_DOTS) &&
            (force || ps_is_type_elem(x->u.call.args.v[0]))) {
            *ptype = x->u.call.args.v[0];
            return fun;
        }
        break;
    }
    default:
        break;
    }
    return NULL;
}

// TypeSpec = AliasDecl | TypeDef .
// AliasDecl = identifier "=" Type .
// TypeDef = identifier [ TypeParameters ] Type .
static Node *type_spec(Parser *p) {
    Node *s = ps_new(p, N_TYPE_SPEC, p->lx.tok.pos);
    // Whether //go:notinheap is allowed depends on "=", still to come.
    int nprag = p->prag_pos.len;
    struct PragPos *prag = NULL;
    uint32_t prag_flags = p->prag_flags;
    if (nprag) {
        prag = ARENA_ARRAY(p->arena, struct PragPos, nprag);
        memcpy(prag, p->prag_pos.data, sizeof *prag * (size_t)nprag);
    }
    for (int i = 0; i < p->prag_embeds.len; i++)
        ps_late_error(p, p->prag_embeds.data[i], "misplaced go:embed directive");
    ps_reset_pragma(p);
    s->u.type_spec.name = ps_name(p);
    if (p->lx.tok.kind == TK_LBRACK) {
        // Either type parameters or an array/slice type.
        Pos pos = p->lx.tok.pos;
        ps_next(p);
        switch (p->lx.tok.kind) {
        case TK_NAME: {
            Node *x = ps_name(p);
            if (p->lx.tok.kind != TK_LBRACK) {
                p->xnest++;
                x = ps_binary_expr(p, ps_pexpr(p, x, false), 0);
                p->xnest--;
            }
            Node *ptype;
            Node *pname = extract_name(p, x, p->lx.tok.kind == TK_COMMA, &ptype);
            if (pname && (ptype || p->lx.tok.kind != TK_RBRACK)) {
                s->u.type_spec.tparams = ps_param_list(p, pname, ptype, TK_RBRACK, true, NULL);
                if (got_assign(p))
                    s->flags |= NF_ALIAS;
                s->u.type_spec.type = ps_type_or_nil(p);
            } else {
                s->u.type_spec.type = ps_array_type(p, pos, x);
            }
            break;
        }
        case TK_RBRACK:
            ps_next(p);
            s->u.type_spec.type = ps_slice_type(p, pos);
            break;
        default:
            s->u.type_spec.type = ps_array_type(p, pos, NULL);
            break;
        }
    } else {
        if (got_assign(p))
            s->flags |= NF_ALIAS;
        s->u.type_spec.type = ps_type_or_nil(p);
    }
    if (!s->u.type_spec.type) {
        s->u.type_spec.type = ps_bad_expr(p);
        ps_syntax_error(p, "in type declaration");
        ps_advance(p, TKSET(TK_SEMI) | TKSET(TK_RPAREN));
    }
    uint32_t allowed = (s->flags & NF_ALIAS) ? 0 : PRAGMA_NOTINHEAP;
    for (int i = 0; i < nprag; i++)
        if (prag[i].flag & prag_flags & ~allowed)
            ps_late_error(p, prag[i].pos, "misplaced compiler directive");
    s->u.type_spec.pragma = prag_flags & allowed;
    return s;
}

typedef struct { TokKind kw; int count; } GroupCtx;

// One spec of a declaration; index counts the specs of a group (iota).
static Node *spec(Parser *p, TokKind kw, int index) {
    switch (kw) {
    case TK_IMPORT: return import_spec(p);
    case TK_CONST: return const_spec(p, index);
    case TK_TYPE: return type_spec(p);
    default: return var_spec(p);
    }
}

static bool group_elem(Parser *p, void *ctx) {
    GroupCtx *g = ctx;
    ps_push(p, spec(p, g->kw, g->count++));
    return false;
}

// Declaration = ConstDecl | TypeDecl | VarDecl .  (and ImportDecl)
// XxxDecl = keyword ( XxxSpec | "(" { XxxSpec ";" } ")" ) .
Node *ps_gen_decl(Parser *p, TokKind kw, Pos kwpos) {
    Node *d = ps_new(p, N_GEN_DECL, kwpos);
    d->op = (uint8_t)kw;
    int base = p->stk.len;
    if (p->lx.tok.kind == TK_LPAREN) {
        d->flags |= NF_GROUPED;
        d->u.gen_decl.lparen = p->lx.tok.pos;
        ps_clear_pragma(p);
        ps_next(p);  // after the clear: directives inside belong to specs
        GroupCtx g = {kw, 0};
        d->u.gen_decl.rparen = ps_list(p, "grouped declaration", TK_SEMI, TK_RPAREN, group_elem, &g);
    } else {
        ps_push(p, spec(p, kw, 0));
    }
    d->u.gen_decl.specs = ps_pop_list(p, base);
    return d;
}

static void skip_body(Parser *p, Node *f);

// The parser's own allocations (its nodes stay in the file's arena).
static void free_parser(Parser *p) {
    vec_free(&p->late);
    vec_free(&p->linknames);
    arena_free(&p->scratch);
    vec_free(&p->stk);
    vec_free(&p->params);
    vec_free(&p->prag_pos);
    vec_free(&p->prag_embeds);
    vec_free(&p->lx.pending);
}

// FunctionDecl = "func" FunctionName [ TypeParameters ] Signature [ FunctionBody ] .
// MethodDecl   = "func" Receiver MethodName Signature [ FunctionBody ] .
static Node *func_decl_or_nil(Parser *p, Pos funcpos) {
    Node *f = ps_new(p, N_FUNC_DECL, p->lx.tok.pos);
    f->u.func_decl.pragma = ps_take_pragma(p, FUNC_PRAGMAS, false);
    if (ps_got(p, TK_LPAREN)) {
        int n = 0;
        f->u.func_decl.recv = ps_param_list(p, NULL, NULL, TK_RPAREN, false, &n);
        if (n == 0)
            ps_error_at(p, p->lx.tok.pos, "method has no receiver");
        else if (n > 1)
            ps_error_at(p, p->lx.tok.pos, "method has multiple receivers");
    }
    if (p->lx.tok.kind != TK_NAME) {
        ps_syntax_error(p, "expecting name or (");
        ps_advance(p, TKSET(TK_LBRACE) | TKSET(TK_SEMI));
        return NULL;
    }
    f->u.func_decl.name = ps_name(p);
    f->u.func_decl.type = ps_func_type(p, f->u.func_decl.recv.n ? "method" : "", funcpos);
    if (p->lx.tok.kind == TK_LBRACE) {
        if (p->opts.lazy_bodies)
            skip_body(p, f);
        else
            f->u.func_decl.body = ps_func_body(p);
    }
    return f;
}

// A lazy parse reads past a body token by token, so that the lexer still
// records its lines and //line directives, and keeps where it is. The
// directives inside are dropped: in source that parses cleanly they
// belong to nothing outside.
static void skip_body(Parser *p, Node *f) {
    f->u.func_decl.lbrace = p->lx.tok.pos;
    if (lex_skip_block(&p->lx)) {
        f->u.func_decl.rbrace = p->lx.tok.pos;
        ps_next(p);
        return;
    }
    int depth = 0;
    for (;;) {
        TokKind k = p->lx.tok.kind;
        if (k == TK_EOF)
            break;
        if (k == TK_LBRACE)
            depth++;
        else if (k == TK_RBRACE && --depth == 0) {
            f->u.func_decl.rbrace = p->lx.tok.pos;
            ps_next(p);
            break;
        }
        ps_next(p);
    }
    ps_reset_pragma(p);
}

bool syn_has_body(Node *fd) {
    return fd && (fd->u.func_decl.body || fd->u.func_decl.lbrace);
}

// A parser of what a lazy parse skipped in f, from the "{" at lbrace.
static void reparse_at(Parser *p, SynFile *f, Pos lbrace, const SynOptions *opts, Diags *d) {
    memset(p, 0, sizeof *p);
    p->diags = d;
    p->arena = f->arena;
    p->file = f;
    p->err_base = d->nerrors;
    if (opts)
        p->opts = *opts;
    p->opts.lazy_bodies = false;
    lex_init(&p->lx, f->src, d, f->arena, f);
    p->lx.rescan = true;
    p->lx.off = lbrace - f->src->base;
    ps_next(p);
}

Node *syn_parse_body(SynFile *f, Node *fd, const SynOptions *opts, Diags *d) {
    if (fd->u.func_decl.body || !fd->u.func_decl.lbrace)
        return fd->u.func_decl.body;
    Parser p;
    reparse_at(&p, f, fd->u.func_decl.lbrace, opts, d);
    Node *body = ps_func_body(&p);
    ps_reset_pragma(&p);
    free_parser(&p);
    fd->u.func_decl.body = body;
    return body;
}

void syn_parse_elided(SynFile *f, Node *lit, const SynOptions *opts, Diags *d) {
    if (!(lit->flags & NF_ELIDED))
        return;
    Parser p;
    reparse_at(&p, f, lit->u.composite.lbrace, opts, d);
    Node *full = ps_literal_value(&p);
    ps_reset_pragma(&p);
    free_parser(&p);
    lit->u.composite.elts = full->u.composite.elts;
    lit->u.composite.rbrace = full->u.composite.rbrace;
    lit->flags &= (uint16_t)~NF_ELIDED;
}

// SourceFile = PackageClause ";" { ImportDecl ";" } { TopLevelDecl ";" } .
static void parse_file(Parser *p) {
    SynFile *f = p->file;
    f->package_pos = p->lx.tok.pos;
    if (!ps_got(p, TK_PACKAGE)) {
        ps_syntax_error(p, "package statement must be first");
        return;
    }
    ps_take_pragma(p, PRAGMA_GOBUILD, false);  // the file's own directives
    f->pkg_name = ps_name(p);
    ps_want(p, TK_SEMI);
    if (any_error(p))
        return;  // as gc: no point going on without a package clause

    int base = p->stk.len;
    Node *last = NULL;
    while (p->lx.tok.kind == TK_IMPORT) {
        Pos kw = p->lx.tok.pos;
        ps_next(p);
        ps_push(p, last = ps_gen_decl(p, TK_IMPORT, kw));
        ps_want(p, TK_SEMI);
    }
    const uint64_t follow = TKSET(TK_CONST) | TKSET(TK_TYPE) | TKSET(TK_VAR) | TKSET(TK_FUNC);
    while (p->lx.tok.kind != TK_EOF) {
        TokKind k = p->lx.tok.kind;
        Pos kw = p->lx.tok.pos;
        switch (k) {
        case TK_CONST:
        case TK_TYPE:
        case TK_VAR:
            ps_next(p);
            ps_push(p, last = ps_gen_decl(p, k, kw));
            break;
        case TK_FUNC: {
            ps_next(p);
            Node *d = func_decl_or_nil(p, kw);
            if (d)
                ps_push(p, last = d);
            break;
        }
        default:
            if (k == TK_LBRACE && last && last->kind == N_FUNC_DECL && !last->u.func_decl.body)
                ps_syntax_error(p, "unexpected semicolon or newline before {");
            else
                ps_syntax_error(p, "non-declaration statement outside function body");
            ps_advance(p, follow);
            continue;
        }
        ps_clear_pragma(p);
        if (p->lx.tok.kind != TK_EOF && !ps_got(p, TK_SEMI)) {
            ps_syntax_error(p, "after top level declaration");
            ps_advance(p, follow);
        }
    }
    ps_clear_pragma(p);
    f->decls = ps_pop_list(p, base);
}

// A plain `go tool compile`: no -std, no -+.
SynFile *syn_parse_file(Str path, const char *text, uint32_t size, Diags *diags, Arena *arena) {
    return syn_parse_file_opts(path, text, size, diags, arena, NULL);
}

SynFile *syn_parse_file_opts(Str path, const char *text, uint32_t size, Diags *diags,
                             Arena *arena, const SynOptions *opts) {
    return syn_parse_src(pos_add_file(path, text, size), path, diags, arena, opts);
}

SynFile *syn_parse_src(SrcFile *src, Str path, Diags *diags, Arena *arena, const SynOptions *opts) {
    SynFile *f = ARENA_NEW(arena, SynFile);
    f->src = src;
    f->path = path;
    f->arena = arena;
    Parser p = {0};
    p.diags = diags;
    p.arena = arena;
    p.file = f;
    p.err_base = diags->nerrors;
    if (opts)
        p.opts = *opts;
    lex_init(&p.lx, src, diags, arena, f);
    ps_next(&p);
    parse_file(&p);
    ps_finish_pragmas(&p);
    if (p.late.len) {
        f->late_errors = ARENA_ARRAY(arena, struct LateError, p.late.len);
        memcpy(f->late_errors, p.late.data, sizeof *f->late_errors * (size_t)p.late.len);
        f->nlate_errors = p.late.len;
    }
    free_parser(&p);
    return f;
}

// cmd/go passes -+ for these packages (and -std for all of GOROOT/src).
static const char *const runtime_pkgs[] = {
    "internal/abi", "internal/bytealg", "internal/cpu", "internal/goarch", "internal/goos",
    "runtime", "runtime/internal/atomic", "runtime/internal/math", "runtime/internal/sys",
    "runtime/internal/syscall",
};

// What cmd/go would pass for the package of the file at path.
static SynOptions infer_options(const char *path) {
    SynOptions o = {0};
    const char *goroot = getenv("GOROOT");
    char src[4096];
    snprintf(src, sizeof src, "%s/src", goroot && *goroot ? goroot : "/usr/lib/go-1.19");
    char *rsrc = realpath(src, NULL), *rfile = realpath(path, NULL);
    if (rsrc && rfile) {
        size_t n = strlen(rsrc);
        if (strncmp(rfile, rsrc, n) == 0 && rfile[n] == '/' && !strstr(rfile + n, "/testdata/")) {
            o.std = true;
            const char *pkg = rfile + n + 1;
            const char *slash = strrchr(pkg, '/');
            size_t plen = slash ? (size_t)(slash - pkg) : 0;
            for (size_t i = 0; i < sizeof runtime_pkgs / sizeof runtime_pkgs[0]; i++)
                if (strlen(runtime_pkgs[i]) == plen && memcmp(runtime_pkgs[i], pkg, plen) == 0)
                    o.compiling_runtime = true;
        }
    }
    free(rsrc);
    free(rfile);
    return o;
}

typedef struct {
    SynFile *f;
    const SynOptions *opts;
    Diags *d;
} ElidedCtx;

static bool expand_elided(void *ctx, Node *n) {
    ElidedCtx *e = ctx;
    if (n->kind == N_COMPOSITE_LIT && (n->flags & NF_ELIDED))
        syn_parse_elided(e->f, n, e->opts, e->d);
    return true;
}

SynFile *syn_parse_path(Str path, Diags *diags, Arena *arena, bool lazy) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        Buf b = {0};
        buf_puts(&b, go_errno_text(errno));
        diag_error_nopos(diags, "open %s: %s", path, buf_cstr(&b));
        buf_free(&b);
        return NULL;
    }
    struct stat st;
    size_t cap = (fstat(fd, &st) == 0 && st.st_size > 0) ? (size_t)st.st_size : 0;
    char *text = arena_alloc(arena, cap + 1);
    size_t len = 0;
    for (;;) {
        if (len == cap) {  // the file grew, or its size was unknown
            size_t ncap = cap ? cap * 2 : 4096;
            char *nt = arena_alloc(arena, ncap + 1);
            memcpy(nt, text, len);
            text = nt, cap = ncap;
        }
        ssize_t n = read(fd, text + len, cap - len);
        if (n < 0) {
            int err = errno;
            close(fd);
            // gc reports read errors at the file's first position.
            SrcFile *src = pos_add_file(path, "", 0);
            Buf b = {0};
            buf_puts(&b, go_errno_text(err));
            diag_error(diags, src->base, "I/O error: read %s: %s", path, buf_cstr(&b));
            buf_free(&b);
            return NULL;
        }
        if (n == 0)
            break;
        len += (size_t)n;
    }
    close(fd);
    if (len > UINT32_MAX / 2) {
        diag_error_nopos(diags, "%s: file too large", path);
        return NULL;
    }
    text[len] = '\0';
    SynOptions opts = infer_options(path);
    opts.lazy_bodies = lazy;
    SynFile *f = syn_parse_file_opts(path, text, (uint32_t)len, diags, arena, &opts);
    // Then every body, as a later stage would ask for it: the tree must be
    // the one a full parse makes.
    for (int i = 0; lazy && f && i < f->decls.n; i++)
        if (f->decls.v[i]->kind == N_FUNC_DECL)
            syn_parse_body(f, f->decls.v[i], &opts, diags);
        else
            syn_inspect(f->decls.v[i], expand_elided, &(ElidedCtx){f, &opts, diags});
    return f;
}
