// assert_check.c: goesc assert's checks, each decided from the records
// gc's -m prints (goesc's records equal them), so that a directive holds
// exactly when gc's output says so. The syntax only locates what the
// records are about: the variables declared and the calls made on a line,
// and the calls a function makes.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../ir/ir.h"
#include "../inline/inline.h"
#include "assert.h"

// ---- the records on a line ----

typedef struct LineRecs {
    VEC(const Record *) v;
} LineRecs;

// The records of package pkg at file's line.
static void recs_on_line(AssertRun *ar, int pkg, SrcFile *file, int line, LineRecs *out) {
    const ReportPackage *rp = &ar->ranges[pkg];
    if (!ar->rec_file) {
        int n = ar->log->recs.len;
        ar->rec_file = xcalloc((size_t)n + 1, sizeof *ar->rec_file);
        ar->rec_line = xcalloc((size_t)n + 1, sizeof *ar->rec_line);
        for (int i = 0; i < n; i++) {
            int c;
            ar->rec_file[i] = assert_rec_at(&ar->log->recs.data[i], &ar->rec_line[i], &c);
        }
    }
    for (int i = rp->from; i < rp->to; i++) {
        const Record *r = &ar->log->recs.data[i];
        if (r->level == REC_LEVEL_EXPLAIN || ar->rec_file[i] != file || ar->rec_line[i] != line)
            continue;
        vec_push(&out->v, r);
    }
}

static bool call_kind(RecKind k) {
    return k == REC_INLINE_CALL || k == REC_NO_INLINE_CALL || k == REC_CANNOT_INLINE_CALL;
}

// Indexes the records about calls by position, once: a package's calls
// are looked up one by one, and a scan of the log for each would be
// quadratic. A record is chained under its outermost position and, in
// inlined code, under its inner one too (two chains: 2*i and 2*i+1).
static void index_calls(AssertRun *ar) {
    if (ar->at_next)
        return;
    int n = ar->log->recs.len;
    ar->at_next = xcalloc(2 * (size_t)n + 1, sizeof *ar->at_next);
    for (int i = n - 1; i >= 0; i--) {
        const Record *r = &ar->log->recs.data[i];
        if (!call_kind(r->kind) || r->where == NOPOS)
            continue;
        Pos ps[2] = {pos_outermost(r->where, r->inl), r->where};
        for (int k = 0; k < (ps[0] == ps[1] ? 1 : 2); k++) {
            void *key = (void *)(uintptr_t)(ps[k] + 1);
            ar->at_next[2 * i + k] = (int)(uintptr_t)ptrmap_get(&ar->at_first, key);
            ptrmap_put(&ar->at_first, key, (void *)(uintptr_t)(2 * i + k + 1));
        }
    }
}

// The first record of kind k (a call's) of function fn (NULL: any) of
// package pkg at pos: directly (the record's outermost position is pos)
// or inside an inlined body (its inner position is); NULL if none.
static const Record *rec_at(AssertRun *ar, int pkg, RecKind k, const char *fn, Pos pos) {
    const ReportPackage *rp = &ar->ranges[pkg];
    index_calls(ar);
    for (int e = (int)(uintptr_t)ptrmap_get(&ar->at_first, (void *)(uintptr_t)(pos + 1)); e;
         e = ar->at_next[e - 1]) {
        int i = (e - 1) / 2;
        const Record *r = &ar->log->recs.data[i];
        if (i >= rp->from && i < rp->to && r->kind == k && (!fn || assert_rec_in_func(r, fn)))
            return r;
    }
    return NULL;
}

// Whether the call at pos was inlined into function fn (NULL: any).
static bool inlined_at(AssertRun *ar, int pkg, const char *fn, Pos pos) {
    return rec_at(ar, pkg, REC_INLINE_CALL, fn, pos) != NULL;
}

// The record about function name of one of the kinds, NULL if none.
static const Record *func_rec(AssertRun *ar, int pkg, const char *name, RecKind k1, RecKind k2, RecKind k3) {
    const ReportPackage *rp = &ar->ranges[pkg];
    for (int i = rp->from; i < rp->to; i++) {
        const Record *r = &ar->log->recs.data[i];
        if ((r->kind == k1 || r->kind == k2 || r->kind == k3) && r->func && strcmp(r->func, name) == 0)
            return r;
    }
    return NULL;
}

// ---- the syntax on a line ----

// What a call calls: its function's object when named (NULL: a func
// value, a literal); *skip: not a call (a conversion or a builtin).
static Object *callee(Package *p, Node *call, bool *skip) {
    Node *f = syn_unparen(call->u.call.fun);
    *skip = false;
    if (f->kind == N_INDEX)
        f = syn_unparen(f->u.index.x);  // F[T](x)
    Object *o = NULL;
    if (f->kind == N_IDENT) {
        o = f->u.ident.obj;
    } else if (f->kind == N_SELECTOR) {
        Info *info = types_package_info(p);
        Selection *s = info ? ptrmap_get(&info->selections, f) : NULL;
        o = s ? s->obj : f->u.selector.sel->u.ident.obj;
    } else if (f->kind != N_FUNC_LIT && f->kind != N_CALL && f->kind != N_INDEX) {
        *skip = true;  // a type: []byte(s), (*T)(p), func()(f), ...
    }
    if (o && (o->kind == OBJ_TYPENAME || o->kind == OBJ_BUILTIN))
        *skip = true;
    return o && o->kind == OBJ_FUNC ? o : NULL;
}

// A function's declaration with a body in the analysed packages, else
// NULL (imported, assembly, an interface's method).
static Node *func_decl_of(Object *o) {
    return o && o->decl && o->decl->kind == N_FUNC_DECL && o->decl->u.func_decl.body ? o->decl : NULL;
}

typedef struct LineScan {
    SrcFile *file;
    int line;
    Package *pkg;
    bool var;               // a variable is declared on the line
    VEC(Node *) calls;      // the calls on it (not conversions, builtins)
    Object *callee;         // calls_to: the calls of this function, anywhere
} LineScan;

static bool scan_line_node(void *ctx, Node *n) {
    LineScan *ls = ctx;
    if (!n)
        return false;
    if (ls->callee) {
        bool skip;
        if (n->kind == N_CALL && callee(ls->pkg, n, &skip) == ls->callee)
            vec_push(&ls->calls, n);
        return true;
    }
    Position p = pos_resolve_raw(n->pos);
    bool here = pos_file(n->pos) == ls->file && p.line == ls->line;
    if (here && n->kind == N_IDENT && n->u.ident.obj && n->u.ident.obj->kind == OBJ_VAR &&
        n->u.ident.obj->pos == n->pos && strcmp(n->u.ident.name, "_") != 0)
        ls->var = true;
    if (here && n->kind == N_CALL) {
        bool skip;
        callee(ls->pkg, n, &skip);
        if (!skip)
            vec_push(&ls->calls, n);
    }
    return true;
}

static void scan_line(SynFile *f, LineScan *ls) {
    for (int i = 0; i < f->decls.n; i++)
        syn_inspect(f->decls.v[i], scan_line_node, ls);
}

static const char *rec_where(const Record *r) {
    return r->pos ? r->pos : "?";
}

static const char *func_name(Node *fd) {
    return ir_func_decl_name(fd);
}

// ---- noescape ----

static bool escape_kind(RecKind k, bool gcassert) {
    if (gcassert)  // gcassert reads -m=2's "X escapes to heap:" headers
        return k == REC_ESCAPE_FLOW || k == REC_ESCAPE_AT_FLOW;
    return k == REC_MOVED_TO_HEAP || k == REC_ESCAPES || k == REC_ESCAPE_ERROR || k == REC_LEAK;
}

static void check_noescape(AssertRun *ar, AssertDirective *d, bool gcassert) {
    LineRecs lr = {0};
    recs_on_line(ar, d->pkg, d->file->src, d->target, &lr);
    LineScan ls = {.file = d->file->src, .line = d->target, .pkg = ar->pkgs[d->pkg]};
    scan_line(d->file, &ls);
    bool checkable = ls.var;
    int bad = 0;
    for (int i = 0; i < lr.v.len; i++) {
        const Record *r = lr.v.data[i];
        RecKind k = r->kind;
        if (k == REC_NO_ESCAPE || escape_kind(k, false))
            checkable = true;
        if (!escape_kind(k, gcassert))
            continue;
        int l, c;
        assert_rec_at(r, &l, &c);
        bad++;
        if (gcassert)
            assert_msg(ar, false, d->fname, l, c, "%s (//gcassert:noescape at line %d; goesc explain %s:%d)",
                       r->msg, d->line, d->fname, l);
        else
            assert_msg(ar, false, d->fname, l, c, "%s, against //goesc:noescape at line %d (why: goesc explain %s)",
                       r->msg, d->line, rec_where(r));
    }
    // goesc's is an error; gcassert's passes there, as in gcassert, but
    // not silently
    if (!checkable && !bad && !gcassert)
        assert_msg(ar, true, d->fname, d->line, d->col,
                   "//goesc:noescape checks nothing: line %d declares no variable or parameter and allocates nothing",
                   d->target);
    else if (!checkable && !bad)
        assert_warn(ar, d->fname, d->line, d->col,
                    "note: //gcassert:noescape checks nothing: line %d declares no variable or parameter and "
                    "allocates nothing", d->target);
    vec_free(&lr.v);
    vec_free(&ls.calls);
}

// ---- inline ----

// Why the call at pos to o was not inlined, as the inliner says.
static char *not_inlined_why(AssertRun *ar, int pkg, Node *call, Object *o) {
    const Record *r = rec_at(ar, pkg, REC_NO_INLINE_CALL, NULL, call->pos);
    if (r && r->target && *r->target)
        return xasprintf("%s", r->target);
    r = rec_at(ar, pkg, REC_CANNOT_INLINE_CALL, NULL, call->pos);
    if (r)
        return xasprintf("%s", r->msg);
    Node *fd = func_decl_of(o);
    int cp = o ? assert_pkg_index(ar, o->pkg) : -1;
    if (fd && cp >= 0) {
        r = func_rec(ar, cp, func_name(fd), REC_CANNOT_INLINE, REC_CANNOT_INLINE_RECURSIVE, REC_CANNOT_INLINE);
        if (r)
            return xasprintf("%s", r->msg);
    }
    if (!o)
        return xasprintf("the function called is not known statically");
    return xasprintf("%s is not inlinable or its package is not analysed", o->name);
}

static void check_inline_func(AssertRun *ar, AssertDirective *d) {
    const char *name = func_name(d->func);
    Position at = pos_resolve_raw(d->func->u.func_decl.name->pos);
    if (func_rec(ar, d->pkg, name, REC_CAN_INLINE, REC_CAN_INLINE, REC_CAN_INLINE))
        return;
    const Record *r = func_rec(ar, d->pkg, name, REC_CANNOT_INLINE, REC_CANNOT_INLINE_RECURSIVE, REC_CANNOT_INLINE);
    assert_msg(ar, false, d->fname, at.line, at.col, "%s, against //goesc:inline at line %d",
               r ? r->msg : "not inlinable", d->line);
}

static void check_inline_line(AssertRun *ar, AssertDirective *d) {
    LineScan ls = {.file = d->file->src, .line = d->target, .pkg = ar->pkgs[d->pkg]};
    scan_line(d->file, &ls);
    if (!ls.calls.len)
        assert_msg(ar, true, d->fname, d->line, d->col,
                   "misplaced //goesc:inline: line %d declares no function and calls none", d->target);
    for (int i = 0; i < ls.calls.len; i++) {
        Node *call = ls.calls.data[i];
        if (inlined_at(ar, d->pkg, NULL, call->pos))
            continue;
        bool skip;
        Object *o = callee(ls.pkg, call, &skip);
        char *why = not_inlined_why(ar, d->pkg, call, o);
        Position at = pos_resolve_raw(call->pos);
        assert_msg(ar, false, d->fname, at.line, at.col, "call%s%s not inlined, against //goesc:inline at line %d: %s",
                   o ? " to " : "", o ? o->name : "", d->line, why);
        free(why);
    }
    vec_free(&ls.calls);
}

// gcassert's line form: some call on the line is inlined ("inlining call
// to" there); its function form: every call of the function in the
// analysed packages is inlined.
static void check_gcassert_inline(AssertRun *ar, AssertDirective *d) {
    if (!d->func) {
        LineRecs lr = {0};
        recs_on_line(ar, d->pkg, d->file->src, d->target, &lr);
        bool ok = false;
        for (int i = 0; i < lr.v.len && !ok; i++)
            ok = lr.v.data[i]->kind == REC_INLINE_CALL;
        if (!ok)
            assert_msg(ar, false, d->fname, d->target, d->target_col, "call was not inlined (//gcassert:inline)");
        vec_free(&lr.v);
        return;
    }
    Object *o = d->func->u.func_decl.name->u.ident.obj;
    if (!o)
        return;
    int ncalls = 0;
    for (int k = 0; k < ar->npkgs; k++) {
        Package *p = ar->pkgs[k];
        LineScan ls = {.pkg = p, .callee = o};
        for (int f = 0; f < p->nfiles; f++)
            if (p->syn && p->syn[f])
                scan_line(p->syn[f], &ls);
        ncalls += ls.calls.len;
        for (int i = 0; i < ls.calls.len; i++) {
            Node *call = ls.calls.data[i];
            if (inlined_at(ar, k, NULL, call->pos))
                continue;
            Position pp = pos_resolve_raw(call->pos);
            assert_msg(ar, false, assert_file_name(ar, pos_file(call->pos)), pp.line, pp.col,
                       "call was not inlined (//gcassert:inline on %s at %s:%d)", o->name, d->fname, d->line);
        }
        vec_free(&ls.calls);
    }
    // gcassert passes it; goesc says that it checked nothing
    if (!ncalls)
        assert_warn(ar, d->fname, d->line, d->col, "note: //gcassert:inline on %s: no call of it in the packages analysed",
                    o->name);
}

// ---- noalloc and budget ----

typedef struct Reach {
    Object *fn;
    int pkg;
    char *chain;            // "G → H": the calls from the directive's function
    Pos site;               // the call in the directive's function it starts from
} Reach;

// The heap records of function name in package pkg.
static int heap_recs(AssertRun *ar, int pkg, const char *name, const Record **out, int max) {
    const ReportPackage *rp = &ar->ranges[pkg];
    int n = 0;
    for (int i = rp->from; i < rp->to; i++) {
        const Record *r = &ar->log->recs.data[i];
        if (assert_rec_heap(r) && assert_rec_in_func(r, name)) {
            if (n < max)
                out[n] = r;
            n++;
        }
    }
    return n;
}

typedef struct CallScan {
    Package *pkg;
    VEC(Node *) calls;
} CallScan;

static bool collect_call(void *ctx, Node *n) {
    CallScan *cs = ctx;
    if (n && n->kind == N_CALL)
        vec_push(&cs->calls, n);
    return n != NULL;
}

enum { MAX_LISTED = 64 };

// The walk of //goesc:noalloc: the calls its function makes, through
// the bodies inlined into it, and with deep through its callees'.
typedef struct AllocWalk {
    AssertRun *ar;
    AssertDirective *d;
    const char *fname;      // the directive's function
    PtrMap seen;            // callee Object -> 1: its allocations listed
    PtrMap inl_seen;        // Object -> 1: inlined body being walked
    VEC(Reach) work;        // deep: callees whose calls to follow
} AllocWalk;

static void walk_calls(AllocWalk *aw, Node *body, Package *syn, int pkg, const char *in_func, Reach *from, Pos site);

// One call that was not inlined: its callee's allocations count.
static void real_call(AllocWalk *aw, Node *call, Object *o, Reach *from, Pos site) {
    AssertRun *ar = aw->ar;
    AssertDirective *d = aw->d;
    site = from ? from->site : site != NOPOS ? site : call->pos;
    Position at = pos_resolve_raw(site);
    const char *sfile = assert_file_name(ar, pos_file(site));
    // a callee of another package by its qualified name (dep.Grow)
    bool other = o && o->pkg && o->pkg != ar->pkgs[d->pkg] && o->pkg->name;
    char *cname = xasprintf("%s%s%s", other ? o->pkg->name : "", other ? "." : "", o ? o->name : "a func value");
    char *chain = from ? xasprintf("%s → %s", from->chain, cname) : xasprintf("%s", cname);
    free(cname);
    Node *fd = func_decl_of(o);
    int cp = o && o->pkg ? assert_pkg_index(ar, o->pkg) : -1;
    if (!fd || cp < 0) {
        // an interface method, a func value, or a function whose package
        // was not analysed: what it allocates is not known
        char *why = !o ? xasprintf("the function called is not known statically")
                    : cp < 0 && o->pkg ? xasprintf("package %s is not analysed (name it too)", o->pkg->path)
                                       : xasprintf("it has no Go body");
        assert_msg(ar, false, sfile, at.line, at.col, "calls %s, which cannot be checked: %s (//goesc:noalloc at %s:%d)",
                   chain, why, d->fname, d->line);
        free(why);
        free(chain);
        return;
    }
    if (ptrmap_get(&aw->seen, o)) {
        free(chain);
        return;
    }
    ptrmap_put(&aw->seen, o, (void *)1);
    const Record *rs[MAX_LISTED];
    int m = heap_recs(ar, cp, func_name(fd), rs, MAX_LISTED);
    for (int k = 0; k < m && k < MAX_LISTED; k++)
        assert_msg(ar, false, sfile, at.line, at.col,
                   "calls %s, which allocates: %s: %s (//goesc:noalloc%s at %s:%d; why: goesc explain %s)", chain,
                   rec_where(rs[k]), rs[k]->msg, d->deep ? " deep" : "", d->fname, d->line, rec_where(rs[k]));
    if (d->deep) {
        Reach next = {o, cp, chain, site};
        vec_push(&aw->work, next);
    } else {
        free(chain);
    }
}

// The calls in body, whose records are function in_func's of package
// pkg: an inlined call's callee body is walked as part of it, its calls
// shown at site, the inlined call (NOPOS: at the top).
static void walk_calls(AllocWalk *aw, Node *body, Package *syn, int pkg, const char *in_func, Reach *from, Pos site) {
    AssertRun *ar = aw->ar;
    CallScan cs = {syn, {0}};
    syn_inspect(body, collect_call, &cs);
    for (int i = 0; i < cs.calls.len; i++) {
        Node *call = cs.calls.data[i];
        bool skip;
        Object *o = callee(cs.pkg, call, &skip);
        if (skip || (o && inl_is_intrinsic(o)))
            continue;
        if (inlined_at(ar, pkg, in_func, call->pos)) {
            Node *fd = func_decl_of(o);
            if (fd && !ptrmap_get(&aw->inl_seen, o)) {
                ptrmap_put(&aw->inl_seen, o, (void *)1);
                // the inlined body: its syntax is its package's, its
                // records the caller's
                walk_calls(aw, fd->u.func_decl.body, o->pkg, pkg, in_func, from, site != NOPOS ? site : call->pos);
                ptrmap_put(&aw->inl_seen, o, NULL);
            }
            continue;
        }
        real_call(aw, call, o, from, site);
    }
    vec_free(&cs.calls);
}

static void check_noalloc(AssertRun *ar, AssertDirective *d) {
    const char *name = func_name(d->func);
    const Record *own[MAX_LISTED];
    int n = heap_recs(ar, d->pkg, name, own, MAX_LISTED);
    for (int i = 0; i < n && i < MAX_LISTED; i++) {
        int l, c;
        SrcFile *f = assert_rec_at(own[i], &l, &c);
        assert_msg(ar, false, assert_file_name(ar, f), l, c,
                   "%s, in %s against //goesc:noalloc%s at %s:%d (why: goesc explain %s)", own[i]->msg, name,
                   d->deep ? " deep" : "", d->fname, d->line, rec_where(own[i]));
    }
    AllocWalk aw = {ar, d, name, {0}, {0}, {0}};
    Object *self = d->func->u.func_decl.name->u.ident.obj;
    if (self)
        ptrmap_put(&aw.seen, self, (void *)1);
    walk_calls(&aw, d->func->u.func_decl.body, ar->pkgs[d->pkg], d->pkg, name, NULL, NOPOS);
    // deep: each callee reached, with its own inlined calls
    for (int w = 0; w < aw.work.len; w++) {
        Reach cur = aw.work.data[w];  // (work grows as it is walked)
        Node *fd = func_decl_of(cur.fn);
        walk_calls(&aw, fd->u.func_decl.body, ar->pkgs[cur.pkg], cur.pkg, func_name(fd), &cur, NOPOS);
    }
    for (int w = 0; w < aw.work.len; w++)
        free(aw.work.data[w].chain);
    vec_free(&aw.work);
    ptrmap_free(&aw.seen);
    ptrmap_free(&aw.inl_seen);
}

static void check_budget(AssertRun *ar, AssertDirective *d) {
    const char *name = func_name(d->func);
    const Record *rs[MAX_LISTED];
    int n = heap_recs(ar, d->pkg, name, rs, MAX_LISTED);
    if (n <= d->budget)
        return;
    Buf b = {0};
    for (int i = 0; i < n && i < MAX_LISTED; i++)
        buf_printf(&b, "%s%s (%s)", i ? ", " : "", rec_where(rs[i]), rs[i]->msg);
    if (n > MAX_LISTED)
        buf_printf(&b, ", and %d more", n - MAX_LISTED);
    Position at = pos_resolve_raw(d->func->u.func_decl.name->pos);
    assert_msg(ar, false, d->fname, at.line, at.col,
               "%s makes %d heap allocation%s, over its //goesc:budget %ld at line %d: %s", name, n,
               n == 1 ? "" : "s", d->budget, d->line, buf_cstr(&b));
    buf_free(&b);
}

void assert_check(AssertRun *ar, AssertDirective *d) {
    switch (d->kind) {
    case AK_NOESCAPE: check_noescape(ar, d, false); break;
    case AK_GCA_NOESCAPE: check_noescape(ar, d, true); break;
    case AK_INLINE:
        if (d->func)
            check_inline_func(ar, d);
        else
            check_inline_line(ar, d);
        break;
    case AK_GCA_INLINE: check_gcassert_inline(ar, d); break;
    case AK_NOALLOC: check_noalloc(ar, d); break;
    case AK_BUDGET: check_budget(ar, d); break;
    case AK_GCA_BCE: break;  // needs SSA; the command says so once
    }
}
