// leaks.c: what a parameter leaks, and the tag that carries it to callers.
// A call site only sees its callee's tags, never its body, so everything
// interprocedural in escape analysis passes through the eight bytes of a
// Leaks: the shortest flow (in derefs) from the parameter to the heap and
// to each of the first seven results. This file also decides the lines gc
// prints for parameters ("leaking param: p", "p does not escape", ...).
#include <stdio.h>
#include <string.h>

#include "escape.h"

// Byte 0 of a Leaks is the heap; byte 1+i is result i. A byte holds
// derefs + 1, so that the zero value means "no flow".
static int leaks_get(Leaks l, int i) { return (int)l.v[i] - 1; }

static void leaks_set(Leaks *l, int i, int derefs) {
    int v = derefs + 1;
    if (v < 0)
        fatal("invalid derefs count %d", derefs);
    // Deeper flows than 254 derefs are all the same to a caller: only
    // small counts change what escapes.
    l->v[i] = (uint8_t)(v > 255 ? 255 : v);
}

static void leaks_add(Leaks *l, int i, int derefs) {
    int old = leaks_get(*l, i);
    if (old < 0 || derefs < old)
        leaks_set(l, i, derefs);
}

bool esc_leaks_empty(Leaks l) {
    for (int i = 0; i < 1 + ESC_NUM_RESULTS; i++)
        if (l.v[i])
            return false;
    return true;
}

int esc_leaks_heap(Leaks l) { return leaks_get(l, 0); }
int esc_leaks_result(Leaks l, int i) { return leaks_get(l, 1 + i); }
void esc_leaks_add_heap(Leaks *l, int derefs) { leaks_add(l, 0, derefs); }
void esc_leaks_add_result(Leaks *l, int i, int derefs) { leaks_add(l, 1 + i, derefs); }

void esc_leaks_optimize(Leaks *l) {
    int heap = esc_leaks_heap(*l);
    if (heap < 0)
        return;
    for (int i = 0; i < ESC_NUM_RESULTS; i++)
        if (esc_leaks_result(*l, i) >= heap)
            l->v[1 + i] = 0;
}

int esc_leaks_encode(Leaks l, char out[ESC_TAG_MAX]) {
    if (esc_leaks_heap(l) == 0)
        return 0;
    int n = 1 + ESC_NUM_RESULTS;
    while (n > 0 && l.v[n - 1] == 0)
        n--;
    memcpy(out, "esc:", 4);
    memcpy(out + 4, l.v, (size_t)n);
    return 4 + n;
}

Leaks esc_leaks_decode(const char *s, size_t n) {
    Leaks l = {{0}};
    if (n < 4 || memcmp(s, "esc:", 4) != 0) {
        esc_leaks_add_heap(&l, 0);
        return l;
    }
    // gc copies what fits: a longer string cannot come from its encoder.
    size_t k = n - 4;
    if (k > sizeof l.v)
        k = sizeof l.v;
    memcpy(l.v, s + 4, k);
    return l;
}

// What a caller will see: the tag round trip, so that a function tagged in
// this run and one whose tag was read back look the same.
static Leaks as_tag(Leaks l) {
    char buf[ESC_TAG_MAX];
    int n = esc_leaks_encode(l, buf);
    return esc_leaks_decode(buf, (size_t)n);
}

static void set_tag(EscParam *p, Leaks l) {
    p->tag = as_tag(l);
    p->tagged = true;
}

// gc names a parameter without a name by its 1-based position among
// receiver and parameters.
static const char *param_name(EscParam *p, int narg, char buf[32]) {
    if (p->name)
        return p->name;
    snprintf(buf, 32, "arg#%d", narg);
    return buf;
}

// The "no tag" cases share one encoding: the empty string, which reads
// back as a heap leak. They only reach parameters that carry no pointers
// or uintptrs the compiler keeps alive by other means.
static Leaks empty_string_tag(void) { return esc_leaks_decode("", 0); }

static void tag_bodyless(Batch *b, EscFunc *fn, EscParam *p, int narg, bool diagnose) {
    char buf[32];
    // Assembly functions such as syscall.Syscall receive pointers as
    // uintptr; gc keeps those alive across the call rather than tagging.
    if (p->is_uintptr) {
        if (diagnose)
            esc_warn(b, REC_UINTPTR, p->pos, "assuming %s is unsafe uintptr", param_name(p, narg, buf));
        set_tag(p, empty_string_tag());
        return;
    }
    if (!p->has_pointers) {
        set_tag(p, empty_string_tag());
        return;
    }
    Leaks esc = {{0}};
    // Without a body there is nothing to analyse: trust //go:noescape,
    // else assume the worst.
    if (fn->pragma & PRAGMA_NOESCAPE) {
        if (diagnose && p->name)
            esc_warn(b, REC_NO_ESCAPE, p->pos, "%s does not escape", p->name);
    } else {
        if (diagnose && p->name)
            esc_warn(b, REC_LEAK, p->pos, "leaking param: %s", p->name);
        esc_leaks_add_heap(&esc, 0);
    }
    set_tag(p, esc);
}

static void tag_param(Batch *b, EscFunc *fn, EscParam *p, int narg, bool diagnose) {
    char buf[32];
    if (!fn->has_body) {
        tag_bodyless(b, fn, p, narg, diagnose);
        return;
    }
    if (fn->pragma & PRAGMA_UINTPTRESCAPES) {
        if (p->is_uintptr) {
            if (diagnose)
                esc_warn(b, REC_UINTPTR, p->pos, "marking %s as escaping uintptr", param_name(p, narg, buf));
            set_tag(p, empty_string_tag());
            return;
        }
        if (p->is_ddd_uintptr) {
            if (diagnose)
                esc_warn(b, REC_UINTPTR, p->pos, "marking %s as escaping ...uintptr", param_name(p, narg, buf));
            set_tag(p, empty_string_tag());
            return;
        }
    }
    if (!p->has_pointers) {
        set_tag(p, empty_string_tag());
        return;
    }
    // An unnamed or blank parameter cannot be used, so nothing leaks.
    if (!p->name || strcmp(p->name, "_") == 0) {
        Leaks none = {{0}};
        set_tag(p, none);
        return;
    }
    if (!p->loc)
        fatal("escape: parameter %s of %s has no location", p->name, fn->name ? fn->name : "?");
    Location *loc = p->loc;
    Leaks esc = loc->param_esc;
    esc_leaks_optimize(&esc);
    // A parameter moved to the heap gets "moved to heap: p" from finish
    // instead; its leaks still make its tag.
    if (diagnose && !loc->escapes) {
        if (esc_leaks_empty(esc))
            esc_warn(b, REC_NO_ESCAPE, p->pos, "%s does not escape", p->name);
        int x = esc_leaks_heap(esc);
        if (x == 0)
            esc_warn(b, REC_LEAK, p->pos, "leaking param: %s", p->name);
        else if (x > 0)
            esc_warn(b, REC_LEAK, p->pos, "leaking param content: %s", p->name);
        for (int i = 0; i < ESC_NUM_RESULTS; i++) {
            x = esc_leaks_result(esc, i);
            if (x < 0)
                continue;
            Str res = i < fn->nresults ? fn->results[i].name : NULL;
            esc_warn(b, REC_LEAK, p->pos, "leaking param: %s to result %s level=%d", p->name,
                     res ? res : "?", x);
        }
    }
    set_tag(p, esc);
}

void esc_tag_params(Batch *b, EscFunc *fn) {
    fn->state = ESC_FUNC_TAGGED;
    bool diagnose = b->m != 0 && !fn->quiet;
    b->walking = fn;
    for (int i = 0; i < fn->nparams; i++) {
        b->tagging = fn->params[i].loc;
        tag_param(b, fn, &fn->params[i], i + 1, diagnose);
    }
    b->walking = NULL;
    b->tagging = NULL;
}
