// explain.c: goesc explain, for a location on the heap or a parameter
// that leaks. gc's -m=2 shows one path, the one its walk happened to take;
// whoever wants the location back on the stack needs every path and the
// fewest flows to remove. Paths are enumerated on the batch's graph under
// the walk's rules (solve.c), and a cut is only reported once solving the
// batch again without it gives the answer wanted.
#include <stdlib.h>
#include <string.h>

#include "escape.h"

enum {
    MAX_LEN = 64,           // flows in one path
    MAX_PATHS = 400,        // paths kept per location
    MAX_VISITS = 400000,    // search steps per enumeration
    SHOWN = 5,              // other paths printed
    MAX_EXACT = 3,          // cuts up to this size are proven smallest
    MAX_HIT_WORK = 2000000, // steps of the exact search
    MAX_ROUNDS = 16,        // re-solves before giving up
};

// A flow into dst: dst's edge idx, or (idx < 0) the flow decided at once
// b->direct[-1 - idx]. Indexes, not pointers: a re-solve grows edges.
typedef struct Arc {
    Location *dst;
    int idx;
    int group;      // arcs that say the same flow (gc keeps duplicates)
} Arc;

typedef struct Net {
    Batch *b;
    PtrMap index;           // Location* -> 1 + node
    VEC(Location *) nodes;
    VEC(Arc) arcs;
    int *out_start, *out;   // arcs leaving node i, by their sources
    int *in_start, *in;     // arcs entering node i
    int ngroups;
    bool *fixed;            // group: an allocation's own heap reason
} Net;

static Edge *arc_edge(const Net *nt, const Arc *a) {
    return a->idx >= 0 ? &a->dst->edges.data[a->idx] : &nt->b->direct.data[-1 - a->idx].e;
}

static int node(Net *nt, Location *l) {
    int i = (int)(intptr_t)ptrmap_get(&nt->index, l);
    if (!i) {
        vec_push(&nt->nodes, l);
        i = nt->nodes.len;
        ptrmap_put(&nt->index, l, (void *)(intptr_t)i);
    }
    return i - 1;
}

static void add_arc(Net *nt, PtrMap *groups, Location *dst, int idx) {
    Arc a = {dst, idx, 0};
    Edge *e = arc_edge(nt, &a);
    node(nt, dst);
    node(nt, e->src);
    Buf key = {0};
    buf_put(&key, (const char *)&e->src, sizeof e->src);
    buf_put(&key, (const char *)&dst, sizeof dst);
    buf_put(&key, (const char *)&e->derefs, sizeof e->derefs);
    for (Note *n = e->notes; n; n = n->next) {
        buf_put(&key, (const char *)&n->pos, sizeof n->pos);
        buf_put(&key, (const char *)&n->text, sizeof n->text);
        buf_put(&key, (const char *)&n->why, sizeof n->why);
    }
    Str k = str_intern(key.data, key.len);
    buf_free(&key);
    int g = (int)(intptr_t)ptrmap_get(groups, k);
    if (!g) {
        g = ++nt->ngroups;
        ptrmap_put(groups, k, (void *)(intptr_t)g);
    }
    a.group = g - 1;
    vec_push(&nt->arcs, a);
}

static void csr(int n, int m, const int *key, int **start, int **list) {
    *start = xcalloc((size_t)n + 2, sizeof **start);
    *list = xcalloc((size_t)m + 1, sizeof **list);
    for (int i = 0; i < m; i++)
        (*start)[key[i] + 1]++;
    for (int i = 0; i < n; i++)
        (*start)[i + 1] += (*start)[i];
    int *fill = xcalloc((size_t)n + 1, sizeof *fill);
    for (int i = 0; i < m; i++)
        (*list)[(*start)[key[i]] + fill[key[i]]++] = i;
    free(fill);
}

static void net_build(Net *nt, Batch *b) {
    memset(nt, 0, sizeof *nt);
    nt->b = b;
    PtrMap groups = {0};
    node(nt, &b->heap_loc);
    for (int i = 0; i < b->all_locs.len; i++)
        node(nt, b->all_locs.data[i]);
    for (int i = 0; i < nt->nodes.len; i++) {
        Location *l = nt->nodes.data[i];
        for (int j = 0; j < l->edges.len; j++)
            add_arc(nt, &groups, l, j);
    }
    for (int i = 0; i < b->direct.len; i++)
        add_arc(nt, &groups, b->direct.data[i].dst, -1 - i);
    ptrmap_free(&groups);
    nt->fixed = xcalloc((size_t)nt->ngroups + 1, sizeof *nt->fixed);
    int m = nt->arcs.len;
    int *src = xcalloc((size_t)m + 1, sizeof *src), *dst = xcalloc((size_t)m + 1, sizeof *dst);
    for (int i = 0; i < m; i++) {
        Arc *a = &nt->arcs.data[i];
        Edge *e = arc_edge(nt, a);
        src[i] = node(nt, e->src);
        dst[i] = node(nt, a->dst);
        // "{heap} = &x (too large for stack)": where gc allocates x, not a
        // flow anyone can remove
        if (a->idx < 0 && a->dst == &b->heap_loc && e->src->heap_reason && e->notes &&
            e->notes->why == e->src->heap_reason)
            nt->fixed[a->group] = true;
    }
    csr(nt->nodes.len, m, src, &nt->out_start, &nt->out);
    csr(nt->nodes.len, m, dst, &nt->in_start, &nt->in);
    free(src);
    free(dst);
}

static void net_free(Net *nt) {
    ptrmap_free(&nt->index);
    vec_free(&nt->nodes);
    vec_free(&nt->arcs);
    free(nt->out_start);
    free(nt->out);
    free(nt->in_start);
    free(nt->in);
    free(nt->fixed);
}

// What the location must stop doing.
typedef enum GoalKind {
    GOAL_STACK,             // being heap allocated
    GOAL_NO_HEAP_LEAK,      // leaking (its content) to the heap
    GOAL_NO_RESULT_LEAK,    // leaking to result number result
} GoalKind;

typedef struct Goal {
    GoalKind kind;
    Location *t;
    int result;
} Goal;

static bool own_result(const Goal *g, Location *r) { return esc_own_result(g->t, r); }

// Where a path ends: a root whose walk can reach t (solve.c's walk_one
// and leak_to). Locations that merely escape are passed through: they
// escape by a path of their own, which goes on to the heap or a result,
// and cutting that path is a way to keep t on the stack too.
static bool is_sink(const Net *nt, const Goal *g, Location *r) {
    if (r == g->t)
        return false;
    if (r == &nt->b->heap_loc)
        return g->kind != GOAL_NO_RESULT_LEAK;
    switch (g->kind) {
    case GOAL_STACK: return esc_outlives_scope(r, g->t);
    case GOAL_NO_HEAP_LEAK: return own_result(g, r) || esc_outlives_scope(r, g->t);
    case GOAL_NO_RESULT_LEAK: return own_result(g, r) && !r->escapes && r->result_index - 1 == g->result;
    }
    return false;
}

static bool goal_met(const Goal *g) {
    switch (g->kind) {
    case GOAL_STACK: return !g->t->escapes;
    case GOAL_NO_HEAP_LEAK: return esc_leaks_heap(g->t->param_esc) < 0;
    case GOAL_NO_RESULT_LEAK: return esc_leaks_result(g->t->param_esc, g->result) < 0;
    }
    return false;
}

// The paths found, each a run of arcs from t to a sink, shortest first.
typedef struct Search {
    Net *nt;
    const Goal *g;
    const bool *cut;        // group -> left out (NULL: none)
    bool *sink, *on;
    int *dist;              // arcs to the nearest sink, -1: none
    int path[MAX_LEN];
    VEC(int) flat;          // the paths' arcs
    VEC(int) starts;        // path i: flat[starts[i] .. starts[i + 1])
    PtrMap seen;            // interned group runs
    int visits, max_paths;
    bool capped;            // stopped before every path was found
} Search;

static int npaths(const Search *s) { return s->starts.len ? s->starts.len - 1 : 0; }

static bool cut_out(const Search *s, int arc) { return s->cut && s->cut[s->nt->arcs.data[arc].group]; }

// The walk from the path's root back to t, with its derefs: a location
// whose address flows restarts at 0, and escapes if the root outlives it;
// the walk from it then reaches t as from a root on the heap.
static bool valid(const Search *s, int len) {
    const Net *nt = s->nt;
    Location *root = nt->arcs.data[s->path[len - 1]].dst;
    int d = 0;
    bool via_heap = false;
    for (int i = len - 1; i >= 0; i--) {
        const Arc *a = &nt->arcs.data[s->path[i]];
        if (d < 0) {
            via_heap |= root == &nt->b->heap_loc || esc_outlives_scope(root, a->dst);
            d = 0;
        }
        d += arc_edge(nt, a)->derefs;
    }
    switch (s->g->kind) {
    case GOAL_STACK: return d < 0;
    case GOAL_NO_HEAP_LEAK: return via_heap || !own_result(s->g, root);
    case GOAL_NO_RESULT_LEAK: return !via_heap;
    }
    return false;
}

static void keep(Search *s, int len) {
    if (!valid(s, len))
        return;
    int groups[MAX_LEN];
    for (int i = 0; i < len; i++)
        groups[i] = s->nt->arcs.data[s->path[i]].group;
    Str k = str_intern((const char *)groups, (size_t)len * sizeof *groups);
    if (ptrmap_get(&s->seen, k))
        return;
    ptrmap_put(&s->seen, k, (void *)1);
    if (!s->starts.len)
        vec_push(&s->starts, 0);
    for (int i = 0; i < len; i++)
        vec_push(&s->flat, s->path[i]);
    vec_push(&s->starts, s->flat.len);
}

static void dfs(Search *s, int at, int depth, int limit) {
    if (++s->visits > MAX_VISITS) {
        s->capped = true;
        return;
    }
    const Net *nt = s->nt;
    for (int k = nt->out_start[at]; k < nt->out_start[at + 1]; k++) {
        if (s->capped || npaths(s) >= s->max_paths)
            return;
        int a = nt->out[k];
        if (cut_out(s, a))
            continue;
        int v = (int)(intptr_t)ptrmap_get(&nt->index, nt->arcs.data[a].dst) - 1;
        if (s->on[v] || s->dist[v] < 0 || depth + 1 + s->dist[v] > limit)
            continue;
        s->path[depth] = a;
        if (s->sink[v]) {
            if (depth + 1 == limit)
                keep(s, depth + 1);
            // A result of t's function is where a leak to the heap ends
            // only if something on the way escapes; in a recursive batch
            // the result also flows on, through the call, to the heap.
            if (s->g->kind != GOAL_NO_HEAP_LEAK || !own_result(s->g, s->nt->nodes.data[v]))
                continue;
        }
        s->on[v] = true;
        dfs(s, v, depth + 1, limit);
        s->on[v] = false;
    }
}

// Finds up to max_paths paths, by increasing length.
static void search(Search *s, Net *nt, const Goal *g, const bool *cut, int max_paths) {
    memset(s, 0, sizeof *s);
    s->nt = nt, s->g = g, s->cut = cut, s->max_paths = max_paths;
    int n = nt->nodes.len;
    s->sink = xcalloc((size_t)n + 1, sizeof *s->sink);
    s->on = xcalloc((size_t)n + 1, sizeof *s->on);
    s->dist = xmalloc(((size_t)n + 1) * sizeof *s->dist);
    int *queue = xmalloc(((size_t)n + 1) * sizeof *queue), qn = 0;
    for (int i = 0; i < n; i++) {
        s->dist[i] = -1;
        if (is_sink(nt, g, nt->nodes.data[i])) {
            s->sink[i] = true;
            s->dist[i] = 0;
            queue[qn++] = i;
        }
    }
    for (int q = 0; q < qn; q++)
        for (int k = nt->in_start[queue[q]]; k < nt->in_start[queue[q] + 1]; k++) {
            int a = nt->in[k];
            if (cut_out(s, a))
                continue;
            int u = (int)(intptr_t)ptrmap_get(&nt->index, arc_edge(nt, &nt->arcs.data[a])->src) - 1;
            if (s->dist[u] < 0) {
                s->dist[u] = s->dist[queue[q]] + 1;
                queue[qn++] = u;
            }
        }
    free(queue);
    int t = (int)(intptr_t)ptrmap_get(&nt->index, g->t) - 1;
    if (t < 0 || s->dist[t] < 0)
        return;
    s->on[t] = true;
    for (int limit = s->dist[t]; limit <= MAX_LEN && !s->capped && npaths(s) < max_paths; limit++)
        dfs(s, t, 0, limit);
    if (npaths(s) >= max_paths)
        s->capped = true;
}

static void search_free(Search *s) {
    free(s->sink);
    free(s->on);
    free(s->dist);
    vec_free(&s->flat);
    vec_free(&s->starts);
    ptrmap_free(&s->seen);
}

// ---- the cut ----

static bool path_hit(const Search *s, int p, const bool *chosen) {
    for (int i = s->starts.data[p]; i < s->starts.data[p + 1]; i++)
        if (chosen[s->nt->arcs.data[s->flat.data[i]].group])
            return true;
    return false;
}

static int first_unhit(const Search *s, const bool *chosen) {
    for (int p = 0; p < npaths(s); p++)
        if (!path_hit(s, p, chosen))
            return p;
    return -1;
}

// Whether k more groups can hit every path: branch on the groups of the
// first path not yet hit, from its root end, so that among cuts of one
// size the flows nearest where the value goes (a call, a store, a
// return) come first: those are the lines a programmer changes.
static bool exact(const Search *s, bool *chosen, int k, int *work) {
    int p = first_unhit(s, chosen);
    if (p < 0)
        return true;
    if (k == 0 || (*work += npaths(s)) > MAX_HIT_WORK)
        return false;
    for (int i = s->starts.data[p + 1] - 1; i >= s->starts.data[p]; i--) {
        int g = s->nt->arcs.data[s->flat.data[i]].group;
        if (s->nt->fixed[g] || chosen[g])
            continue;
        chosen[g] = true;
        if (exact(s, chosen, k - 1, work))
            return true;
        chosen[g] = false;
    }
    return false;
}

// The fewest groups hitting every path: exactly up to MAX_EXACT, else
// greedily. False when some path has nothing to cut.
static bool hitting_set(const Search *s, bool *chosen, bool *proven) {
    int ng = s->nt->ngroups;
    int work = 0;
    for (int k = 0; k <= MAX_EXACT && work <= MAX_HIT_WORK; k++) {
        memset(chosen, 0, (size_t)ng * sizeof *chosen);
        if (exact(s, chosen, k, &work)) {
            *proven = true;
            return true;
        }
    }
    *proven = false;
    memset(chosen, 0, (size_t)ng * sizeof *chosen);
    int *count = xcalloc((size_t)ng + 1, sizeof *count);
    for (;;) {
        memset(count, 0, (size_t)ng * sizeof *count);
        int best = -1;
        for (int p = 0; p < npaths(s); p++) {
            if (path_hit(s, p, chosen))
                continue;
            for (int i = s->starts.data[p]; i < s->starts.data[p + 1]; i++) {
                int g = s->nt->arcs.data[s->flat.data[i]].group;
                if (!s->nt->fixed[g] && ++count[g] > (best < 0 ? 0 : count[best]))
                    best = g;
            }
        }
        if (best < 0)
            break;
        chosen[best] = true;
    }
    free(count);
    return first_unhit(s, chosen) < 0;
}

typedef struct Saved {
    bool escapes, transient;
    Leaks leaks;
} Saved;

// Solves the batch again with the chosen groups' flows left out, and
// says whether the goal is met; the batch is left as it was.
static bool met_without(Net *nt, const Goal *g, const bool *cut) {
    Batch *b = nt->b;
    int nl = b->all_locs.len;
    Saved *sv = xmalloc(((size_t)nl + 1) * sizeof *sv);
    for (int i = 0; i < nl; i++) {
        Location *l = b->all_locs.data[i];
        sv[i] = (Saved){l->escapes, l->transient, l->param_esc};
        l->escapes = false;
        l->transient = l->transient0;
        memset(&l->param_esc, 0, sizeof l->param_esc);
        l->walkgen = 0, l->queued = false, l->dst = NULL;
    }
    b->heap_loc.walkgen = 0, b->heap_loc.queued = false, b->heap_loc.dst = NULL;
    for (int i = 0; cut && i < nt->arcs.len; i++)
        arc_edge(nt, &nt->arcs.data[i])->cut = cut[nt->arcs.data[i].group];
    // The flows the builder decided at once, decided again: into a
    // location no longer on the heap, one is an edge like any other.
    struct Grown { Location *dst; int len; };
    VEC(struct Grown) grown = {0};
    for (int i = 0; i < b->direct.len; i++) {
        struct DirectFlow *d = &b->direct.data[i];
        if (d->e.cut)
            continue;
        if (d->dst->escapes && d->e.derefs < 0) {
            d->e.src->escapes = true;
            continue;
        }
        struct Grown gr = {d->dst, d->dst->edges.len};
        vec_push(&grown, gr);
        vec_push(&d->dst->edges, d->e);
    }
    bool explain = b->explain;
    b->explain = false;
    esc_walk_all(b);
    b->explain = explain;
    bool met = goal_met(g);
    for (int i = grown.len - 1; i >= 0; i--)
        grown.data[i].dst->edges.len = grown.data[i].len;
    vec_free(&grown);
    for (int i = 0; cut && i < nt->arcs.len; i++)
        arc_edge(nt, &nt->arcs.data[i])->cut = false;
    for (int i = 0; i < nl; i++) {
        Location *l = b->all_locs.data[i];
        l->escapes = sv[i].escapes, l->transient = sv[i].transient, l->param_esc = sv[i].leaks;
    }
    free(sv);
    return met;
}

// ---- records ----

static int new_rec(Batch *b, RecKind kind, int of, const char *msg) {
    Record r = b->log->recs.data[of];   // a copy: rec_add moves the records
    int i = rec_add(b->log, kind, r.where, r.pos, msg);
    rec_set_about(b->log, i, r.func, r.subject);
    b->log->recs.data[i].of = of + 1;
    return i;
}

static void add_flow(Batch *b, int rec, const Net *nt, int arc) {
    const Arc *a = &nt->arcs.data[arc];
    Edge *e = arc_edge(nt, a);
    esc_explain_flow(b, rec, a->dst, e->src, e->derefs, false, e->notes);
}

// Whether step j of x says what note n does.
static bool same_note(const RecStep *st, const Note *n) {
    return st->kind == REC_STEP_FROM && st->why && n->why && strcmp(st->why, n->why) == 0 &&
           (strcmp(st->text, n->text) == 0 || (n->early && strcmp(st->text, n->early) == 0));
}

// Whether path p goes the way one of gc's explanations of the same
// diagnostic (records [from, of)) does: its flows and their notes begin
// the path.
static bool gc_path(Batch *b, const Search *s, int p, int of) {
    const Record *r = &b->log->recs.data[of];
    for (int i = b->rec_from; i < of; i++) {
        const Record *x = &b->log->recs.data[i];
        if (x->subject != r->subject)
            continue;
        bool leak = x->kind == REC_LEAK_FLOW;
        if (!leak && x->kind != REC_ESCAPE_FLOW && x->kind != REC_ESCAPE_AT_FLOW)
            continue;
        if (leak != (r->kind == REC_LEAK) || (leak && x->to_result != (s->g->kind == GOAL_NO_RESULT_LEAK)))
            continue;
        int k = s->starts.data[p], end = s->starts.data[p + 1];
        bool same = true;
        const Note *n = NULL;
        for (int j = 0; j < x->nsteps && same; j++) {
            const RecStep *st = &x->steps[j];
            if (st->kind == REC_STEP_WARNING)
                continue;
            if (st->kind == REC_STEP_FROM) {
                same = n && same_note(st, n);
                n = n ? n->next : NULL;
                continue;
            }
            if (n || k == end) {    // notes left over, or the path is shorter
                same = false;
                break;
            }
            const Arc *a = &s->nt->arcs.data[s->flat.data[k++]];
            Edge *e = arc_edge(s->nt, a);
            Buf t = {0};
            esc_flow_text(b, &t, a->dst, e->src, e->derefs);
            same = strcmp(buf_cstr(&t), st->text) == 0;
            buf_free(&t);
            n = e->notes;
        }
        if (same && !n)
            return true;
    }
    return false;
}

static const char *goal_words(const Goal *g, Buf *b) {
    switch (g->kind) {
    case GOAL_STACK: buf_printf(b, "%s stays on the stack", g->t->text ? g->t->text : "it"); break;
    case GOAL_NO_HEAP_LEAK: buf_printf(b, "%s does not leak to the heap", g->t->text); break;
    case GOAL_NO_RESULT_LEAK: {
        EscResult *r = &g->t->curfn->results[g->result];
        buf_printf(b, "%s does not leak to result %s", g->t->text, r->name ? r->name : "?");
        break;
    }
    }
    return buf_cstr(b);
}

static void explain_cut(Net *nt, Search *s, const Goal *g, int of) {
    Batch *b = nt->b;
    Buf want = {0};
    goal_words(g, &want);
    Buf msg = {0};
    if (g->kind == GOAL_STACK && g->t->heap_reason) {
        buf_printf(&msg, "gc allocates %s on the heap whatever flows from it: %s", g->t->text, g->t->heap_reason);
        new_rec(b, REC_EXPLAIN_NOCUT, of, buf_cstr(&msg));
    } else if (met_without(nt, g, NULL)) {
        buf_printf(&msg, "solving the batch again does not reproduce this result, so no cut can be confirmed");
        new_rec(b, REC_EXPLAIN_NOCUT, of, buf_cstr(&msg));
    } else {
        bool *chosen = xcalloc((size_t)nt->ngroups + 1, sizeof *chosen);
        int round = 0;
        for (;; round++) {
            bool proven;
            if (round == MAX_ROUNDS) {
                buf_printf(&msg, "none confirmed after %d tries", MAX_ROUNDS);
                new_rec(b, REC_EXPLAIN_NOCUT, of, buf_cstr(&msg));
                break;
            }
            if (!npaths(s) || !hitting_set(s, chosen, &proven)) {
                buf_printf(&msg, "%s", npaths(s) ? "a path has no flow that can be removed"
                                                  : "goesc finds no path to cut");
                new_rec(b, REC_EXPLAIN_NOCUT, of, buf_cstr(&msg));
                break;
            }
            if (met_without(nt, g, chosen)) {
                int n = 0;
                for (int i = 0; i < nt->ngroups; i++)
                    n += chosen[i];
                buf_printf(&msg, "%d flow%s; without %s, %s (confirmed by solving the batch again%s)", n,
                           n == 1 ? "" : "s", n == 1 ? "it" : "them", buf_cstr(&want),
                           proven ? "" : "; not proven the fewest");
                int rec = new_rec(b, REC_EXPLAIN_CUT, of, buf_cstr(&msg));
                for (int i = 0; i < nt->arcs.len; i++) {
                    int gi = nt->arcs.data[i].group;
                    if (chosen[gi]) {
                        add_flow(b, rec, nt, i);
                        chosen[gi] = false;     // one flow per group
                    }
                }
                break;
            }
            // Still there: by a path the search left out (capped, or one
            // it does not model). Find it without the cut, and go again.
            Search w;
            search(&w, nt, g, chosen, 1);
            int before = npaths(s);
            for (int p = 0; p < npaths(&w); p++) {
                int len = w.starts.data[p + 1] - w.starts.data[p];
                memcpy(s->path, w.flat.data + w.starts.data[p], (size_t)len * sizeof *s->path);
                keep(s, len);
            }
            search_free(&w);
            if (npaths(s) == before) {
                buf_printf(&msg, "removing the fewest flows of the paths found still leaves it so: "
                                 "by a path goesc does not find");
                new_rec(b, REC_EXPLAIN_NOCUT, of, buf_cstr(&msg));
                break;
            }
        }
        free(chosen);
    }
    buf_free(&msg);
    buf_free(&want);
}

static void explain_one(Net *nt, const Goal *g, int of) {
    Batch *b = nt->b;
    Search s;
    search(&s, nt, g, NULL, MAX_PATHS);
    int others = 0;
    for (int p = 0; p < npaths(&s); p++) {
        if (gc_path(b, &s, p, of))
            continue;
        if (++others > SHOWN)
            continue;
        int last = s.flat.data[s.starts.data[p + 1] - 1];
        Buf sink = {0};
        esc_explain_loc(b, &sink, nt->arcs.data[last].dst);
        int rec = new_rec(b, REC_EXPLAIN_PATH, of, buf_cstr(&sink));
        buf_free(&sink);
        for (int i = s.starts.data[p]; i < s.starts.data[p + 1]; i++)
            add_flow(b, rec, nt, s.flat.data[i]);
    }
    Buf msg = {0};
    if (others > SHOWN)
        buf_printf(&msg, "and %s%d more%s", s.capped ? "at least " : "", others - SHOWN,
                   s.capped ? " (the search stopped there)" : "");
    else if (!others)
        buf_puts(&msg, s.capped ? "none found before the search stopped" : "none");
    else if (s.capped)
        buf_puts(&msg, "(the search stopped there)");
    if (msg.len)
        new_rec(b, REC_EXPLAIN_NOTE, of, buf_cstr(&msg));
    buf_free(&msg);
    explain_cut(nt, &s, g, of);
    search_free(&s);
}

// The goal a diagnostic sets; false when it is not about a location of
// the batch.
static bool goal_of(const Net *nt, const Record *r, Goal *g) {
    memset(g, 0, sizeof *g);
    for (int i = 0; i < nt->nodes.len && !g->t; i++)
        if ((const void *)nt->nodes.data[i]->uid == r->subject && r->subject)
            g->t = nt->nodes.data[i];
    if (!g->t)
        return false;
    if (r->kind != REC_LEAK) {
        g->kind = GOAL_STACK;
        return true;
    }
    const char *to = strstr(r->msg, " to result ");
    if (!to) {
        g->kind = GOAL_NO_HEAP_LEAK;
        return true;
    }
    to += strlen(" to result ");
    size_t n = strcspn(to, " ");
    EscFunc *fn = g->t->curfn;
    for (int i = 0; fn && i < fn->nresults && i < ESC_NUM_RESULTS; i++)
        if (fn->results[i].name && strlen(fn->results[i].name) == n && strncmp(fn->results[i].name, to, n) == 0) {
            g->kind = GOAL_NO_RESULT_LEAK;
            g->result = i;
            return true;
        }
    return false;
}

void esc_explain_batch(Batch *b) {
    if (!b->log)
        return;
    int end = b->log->recs.len;
    Net nt;
    bool built = false;
    for (int i = b->rec_from; i < end; i++) {
        const Record *r = &b->log->recs.data[i];
        if ((r->kind != REC_MOVED_TO_HEAP && r->kind != REC_ESCAPES && r->kind != REC_LEAK) || r->level > b->m)
            continue;
        Pos at = r->where != NOPOS ? pos_outermost(r->where, r->inl) : NOPOS;
        if (at == NOPOS || !b->explain_at(b->explain_ctx, at))
            continue;
        if (!built) {
            net_build(&nt, b);
            built = true;
        }
        Goal g;
        if (!goal_of(&nt, r, &g)) {
            new_rec(b, REC_EXPLAIN_NOCUT, i,
                    r->kind == REC_LEAK ? "a parameter of a function without a body: gc assumes it leaks"
                                        : "goesc does not find the location this is about");
            continue;
        }
        explain_one(&nt, &g, i);
    }
    if (built)
        net_free(&nt);
}
