// branches.c: the checks gc's parser makes on a function body once it has
// parsed without errors (gc's CheckBranches mode): labels defined twice or
// never used, break/continue outside a loop or with a wrong label, goto
// into a block or over a variable declaration, misplaced fallthrough.
//
// The body is walked block by block. A forward goto is unresolved until
// its label appears later in the same block (then we check it does not
// jump over a declaration made in between); gotos still unresolved when
// their block ends are handed to the enclosing block, and at the end of
// the body they either jump into a block or name no label at all.
#include <stdio.h>
#include <stdlib.h>

#include "syntax.h"

typedef struct Block {
    struct Block *parent;  // enclosing block, NULL for the body
    Pos start;             // where the block starts, for messages
    Node *lstmt;           // the labeled statement this block belongs to
} Block;

typedef struct Label {
    Block *parent;  // block declaring the label
    Node *lstmt;    // the N_LABELED
    bool used;
} Label;

typedef struct Targets {
    Node *breaks;     // innermost for/range/switch/select, or NULL
    Node *continues;  // innermost for/range, or NULL
    int case_index;   // index of the enclosing switch clause, or -1
} Targets;

typedef VEC(Node *) NodeVec;

typedef struct LabelScope {
    Diags *diags;
    VEC(Label *) labels;   // few per function: a linear search is fine
    Arena *scratch;        // blocks and labels; reset at the end
} LabelScope;

// Formats a position as gc's syntax.Pos.String does, with the physical
// position in brackets when a //line directive changes it.
static void fmt_pos(Buf *b, Pos p) {
    Position rel = pos_resolve(p), abs = pos_resolve_raw(p);
    buf_printf(b, rel.col ? "%s:%d:%d" : "%s:%d", rel.file, rel.line, rel.col);
    if (rel.file != abs.file || rel.line != abs.line || rel.col != abs.col)
        buf_printf(b, "[%s:%d:%d]", abs.file, abs.line, abs.col);
}

static Label *find(LabelScope *ls, Str name) {
    for (int i = 0; i < ls->labels.len; i++)
        if (ls->labels.data[i]->lstmt->u.labeled.label->u.ident.name == name)
            return ls->labels.data[i];
    return NULL;
}

static Label *declare(LabelScope *ls, Block *b, Node *s) {
    Node *id = s->u.labeled.label;
    Label *alt = find(ls, id->u.ident.name);
    if (alt) {
        Buf buf = {0};
        fmt_pos(&buf, alt->lstmt->u.labeled.label->pos);
        diag_error(ls->diags, id->pos, "label %s already defined at %s", id->u.ident.name,
                   buf_cstr(&buf));
        buf_free(&buf);
        return alt;
    }
    Label *l = ARENA_NEW(ls->scratch, Label);
    l->parent = b;
    l->lstmt = s;
    vec_push(&ls->labels, l);
    return l;
}

static Node *goto_target(LabelScope *ls, Block *b, Str name) {
    Label *l = find(ls, name);
    if (!l)
        return NULL;
    l->used = true;  // even if the jump is invalid
    for (; b; b = b->parent)
        if (l->parent == b)
            return l->lstmt;
    return NULL;
}

static Node invalid_target;  // a label that exists but does not enclose

static Node *enclosing_target(LabelScope *ls, Block *b, Str name) {
    Label *l = find(ls, name);
    if (!l)
        return NULL;
    l->used = true;
    for (; b; b = b->parent)
        if (l->lstmt == b->lstmt)
            return l->lstmt;
    return &invalid_target;
}

static bool is_loop(Node *s) { return s && (s->kind == N_FOR || s->kind == N_RANGE); }

static void block_branches(LabelScope *ls, Block *parent, Targets ctxt, Node *lstmt, Pos start,
                           Node **body, int n, NodeVec *out);

static void inner_block(LabelScope *ls, Block *b, Targets t, Node *lstmt, Pos start, Node **body,
                        int n, NodeVec *fwd) {
    block_branches(ls, b, t, lstmt, start, body, n, fwd);
}

static Node *label_ident(Node *branch) { return branch->u.branch.label; }

static void block_branches(LabelScope *ls, Block *parent, Targets ctxt, Node *lstmt, Pos start,
                           Node **body, int n, NodeVec *out) {
    Block *b = ARENA_NEW(ls->scratch, Block);
    b->parent = parent, b->start = start, b->lstmt = lstmt;

    Pos var_pos = NOPOS;
    Node *var_name = NULL;   // for the message
    bool var_is_list = false;
    NodeList var_list = {0};
    NodeVec fwd = {0}, bad = {0};

    while (n > 0 && body[n - 1]->kind == N_EMPTY_STMT)
        n--;
    for (int idx = 0; idx < n; idx++) {
        Node *s = body[idx];
        lstmt = NULL;
    again:
        switch ((NodeKind)s->kind) {
        case N_DECL_STMT: {
            Node *d = s->u.decl_stmt.decl;
            if (d->op == TK_VAR && d->u.gen_decl.specs.n > 0) {
                Node *spec = d->u.gen_decl.specs.v[0];
                var_pos = spec->pos;
                var_name = spec->u.value_spec.names.v[0];
                var_is_list = false;
                bad.len = 0;
                for (int i = 0; i < fwd.len; i++)
                    vec_push(&bad, fwd.data[i]);
            }
            break;
        }
        case N_LABELED: {
            Node *id = s->u.labeled.label;
            Str name = id->u.ident.name;
            if (name[0] != '_' || name[1] != '\0') {
                Label *l = declare(ls, b, s);
                int k = 0;
                for (int i = 0; i < fwd.len; i++) {
                    Node *g = fwd.data[i];
                    if (label_ident(g)->u.ident.name != name) {
                        fwd.data[k++] = g;
                        continue;
                    }
                    l->used = true;
                    bool over = false;
                    if (var_pos != NOPOS)
                        for (int j = 0; j < bad.len; j++)
                            if (bad.data[j] == g)
                                over = true;
                    if (over) {
                        Buf m = {0};
                        if (var_is_list) {
                            for (int j = 0; j < var_list.n; j++) {
                                if (j)
                                    buf_puts(&m, ", ");
                                syn_print_node(&m, var_list.v[j]);
                            }
                        } else {
                            syn_print_node(&m, var_name);
                        }
                        buf_puts(&m, " at ");
                        fmt_pos(&m, var_pos);
                        diag_error(ls->diags, label_ident(g)->pos, "goto %s jumps over declaration of %s",
                                   name, buf_cstr(&m));
                        buf_free(&m);
                    }
                }
                fwd.len = k;
                lstmt = s;
            }
            s = s->u.labeled.stmt;
            goto again;
        }
        case N_BRANCH: {
            Node *lab = s->u.branch.label;
            if (!lab) {
                switch (s->op) {
                case TK_BREAK:
                    if (!ctxt.breaks)
                        diag_error(ls->diags, s->pos, "break is not in a loop, switch, or select");
                    break;
                case TK_CONTINUE:
                    if (!ctxt.continues)
                        diag_error(ls->diags, s->pos, "continue is not in a loop");
                    break;
                case TK_FALLTHROUGH: {
                    const char *msg = "fallthrough statement out of place";
                    Node *t = ctxt.breaks;
                    if (t && (t->kind == N_SWITCH || t->kind == N_TYPE_SWITCH)) {
                        if (t->kind == N_TYPE_SWITCH)
                            msg = "cannot fallthrough in type switch";
                        else if (ctxt.case_index < 0 || idx + 1 < n)
                            ;  // not the last statement of a clause
                        else if (ctxt.case_index + 1 == t->u.switch_.body->u.block.list.n)
                            msg = "cannot fallthrough final case in switch";
                        else
                            break;  // a proper fallthrough
                    }
                    diag_error(ls->diags, s->pos, "%s", msg);
                    break;
                }
                default:
                    break;  // goto always has a label
                }
                break;
            }
            Str name = lab->u.ident.name;
            switch (s->op) {
            case TK_BREAK: {
                Node *t = enclosing_target(ls, b, name);
                if (!t) {
                    diag_error(ls->diags, lab->pos, "break label not defined: %s", name);
                } else {
                    Node *st = t == &invalid_target ? NULL : t->u.labeled.stmt;
                    if (!(st && (is_loop(st) || st->kind == N_SWITCH || st->kind == N_TYPE_SWITCH ||
                                 st->kind == N_SELECT)))
                        diag_error(ls->diags, lab->pos, "invalid break label %s", name);
                }
                break;
            }
            case TK_CONTINUE: {
                Node *t = enclosing_target(ls, b, name);
                if (!t) {
                    diag_error(ls->diags, lab->pos, "continue label not defined: %s", name);
                } else {
                    Node *st = t == &invalid_target ? NULL : t->u.labeled.stmt;
                    if (!is_loop(st))
                        diag_error(ls->diags, lab->pos, "invalid continue label %s", name);
                }
                break;
            }
            case TK_GOTO:
                if (!goto_target(ls, b, name))
                    vec_push(&fwd, s);
                break;
            default:
                break;
            }
            break;
        }
        case N_ASSIGN:
            if (s->op == OP_DEF) {
                var_pos = s->pos;
                var_is_list = true;
                var_list = s->u.assign.lhs;
                bad.len = 0;
                for (int i = 0; i < fwd.len; i++)
                    vec_push(&bad, fwd.data[i]);
            }
            break;
        case N_BLOCK: {
            Targets t = {ctxt.breaks, ctxt.continues, -1};
            inner_block(ls, b, t, lstmt, s->pos, s->u.block.list.v, s->u.block.list.n, &fwd);
            break;
        }
        case N_IF: {
            Targets t = {ctxt.breaks, ctxt.continues, -1};
            Node *then = s->u.if_.then;
            inner_block(ls, b, t, lstmt, then->pos, then->u.block.list.v, then->u.block.list.n, &fwd);
            if (s->u.if_.els)
                inner_block(ls, b, t, lstmt, s->u.if_.els->pos, &s->u.if_.els, 1, &fwd);
            break;
        }
        case N_FOR:
        case N_RANGE: {
            Targets t = {s, s, -1};
            Node *body = s->kind == N_FOR ? s->u.for_.body : s->u.range.body;
            inner_block(ls, b, t, lstmt, body->pos, body->u.block.list.v, body->u.block.list.n, &fwd);
            break;
        }
        case N_SWITCH:
        case N_TYPE_SWITCH:
        case N_SELECT: {
            Targets t = {s, ctxt.continues, -1};
            NodeList cl = s->u.switch_.body->u.block.list;
            for (int i = 0; i < cl.n; i++) {
                Node *cc = cl.v[i];
                NodeList cb;
                if (cc->kind == N_COMM_CLAUSE) {
                    cb = cc->u.comm.body;
                } else {
                    cb = cc->u.clause.body;
                    t.case_index = i;
                }
                inner_block(ls, b, t, lstmt, cc->pos, cb.v, cb.n, &fwd);
            }
            break;
        }
        default:
            break;
        }
    }
    for (int i = 0; i < fwd.len; i++)
        vec_push(out, fwd.data[i]);
    vec_free(&fwd);
    vec_free(&bad);
}

static int cmp_label_pos(const void *a, const void *b) {
    Pos x = (*(Label *const *)a)->lstmt->u.labeled.label->pos;
    Pos y = (*(Label *const *)b)->lstmt->u.labeled.label->pos;
    return x < y ? -1 : x > y;
}

void syn_check_branches(Node *body, Diags *diags, Arena *scratch) {
    if (!body)
        return;
    LabelScope ls = {.diags = diags, .scratch = scratch};
    NodeVec fwd = {0};
    Targets none = {NULL, NULL, -1};
    block_branches(&ls, NULL, none, NULL, body->pos, body->u.block.list.v, body->u.block.list.n, &fwd);
    for (int i = 0; i < fwd.len; i++) {
        Node *id = label_ident(fwd.data[i]);
        Label *l = find(&ls, id->u.ident.name);
        if (l) {
            l->used = true;  // one complaint is enough
            Buf m = {0};
            fmt_pos(&m, l->parent->start);
            diag_error(diags, id->pos, "goto %s jumps into block starting at %s", id->u.ident.name,
                       buf_cstr(&m));
            buf_free(&m);
        } else {
            diag_error(diags, id->pos, "label %s not defined", id->u.ident.name);
        }
    }
    if (ls.labels.len > 1)
        qsort(ls.labels.data, (size_t)ls.labels.len, sizeof(Label *), cmp_label_pos);
    for (int i = 0; i < ls.labels.len; i++) {
        Label *l = ls.labels.data[i];
        if (!l->used)
            diag_error(diags, l->lstmt->u.labeled.label->pos, "label %s defined and not used",
                       l->lstmt->u.labeled.label->u.ident.name);
    }
    vec_free(&ls.labels);
    arena_reset(scratch);
    vec_free(&fwd);
}
