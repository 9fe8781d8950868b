// facts.c: the inline costs and escape tags a dependency's analysis leaves
// for its importers, and their binary form in the package cache:
//
//   "GOESCPF1"  u32 count, then per function:
//   u32 name length, name bytes, i32 cost, i32 nparams,
//   per parameter: u8 tagged, IR_TAG_BYTES tag bytes
//   then u32 count of reached packages (UINT32_MAX: not recorded) and per
//   package: u32 length, path, u32 length, name
//
// All integers little-endian. The cache checksums entries; the decoder
// still bounds every read, since a foreign file must never be trusted.
#include <stdlib.h>
#include <string.h>

#include "ir.h"

#define FACTS_MAGIC "GOESCPF2"

FuncFact *ir_facts_put(PkgFacts *f, Str name) {
    intptr_t at = (intptr_t)ptrmap_get(&f->index, name);
    if (at)
        return &f->funcs[at - 1];
    if (f->n == f->cap) {
        f->cap = f->cap ? 2 * f->cap : 64;
        f->funcs = xrealloc(f->funcs, sizeof *f->funcs * (size_t)f->cap);
    }
    FuncFact *ff = &f->funcs[f->n++];
    *ff = (FuncFact){.name = name, .cost = -1, .nparams = -1};
    ptrmap_put(&f->index, name, (void *)(intptr_t)f->n);
    return ff;
}

static int cmp_fact(const void *a, const void *b) {
    return strcmp(((const FuncFact *)a)->name, ((const FuncFact *)b)->name);
}

void ir_facts_seal(PkgFacts *f) {
    if (f->n > 1)
        qsort(f->funcs, (size_t)f->n, sizeof *f->funcs, cmp_fact);
    ptrmap_free(&f->index);
}

const FuncFact *ir_facts_get(const PkgFacts *f, Str name) {
    if (!f || !name)
        return NULL;
    FuncFact key = {.name = name};
    return bsearch(&key, f->funcs, (size_t)f->n, sizeof *f->funcs, cmp_fact);
}

static void put_u32(Buf *b, uint32_t v) {
    char c[4] = {(char)v, (char)(v >> 8), (char)(v >> 16), (char)(v >> 24)};
    buf_put(b, c, 4);
}

void ir_facts_encode(const PkgFacts *f, Buf *out) {
    buf_put(out, FACTS_MAGIC, 8);
    put_u32(out, (uint32_t)f->n);
    for (int i = 0; i < f->n; i++) {
        const FuncFact *ff = &f->funcs[i];
        size_t len = strlen(ff->name);
        put_u32(out, (uint32_t)len);
        buf_put(out, ff->name, len);
        put_u32(out, (uint32_t)ff->cost);
        put_u32(out, (uint32_t)ff->nparams);
        for (int k = 0; k < ff->nparams; k++) {
            buf_putc(out, ff->tagged[k] ? 1 : 0);
            buf_put(out, (const char *)ff->tags[k], IR_TAG_BYTES);
        }
    }
    put_u32(out, f->nreach < 0 ? UINT32_MAX : (uint32_t)f->nreach);
    for (int i = 0; i < f->nreach; i++) {
        size_t lp = strlen(f->reach_paths[i]), ln = strlen(f->reach_names[i]);
        put_u32(out, (uint32_t)lp);
        buf_put(out, f->reach_paths[i], lp);
        put_u32(out, (uint32_t)ln);
        buf_put(out, f->reach_names[i], ln);
    }
}

typedef struct Reader {
    const unsigned char *p, *end;
    bool bad;
} Reader;

static const unsigned char *take(Reader *r, size_t n) {
    if (r->bad || (size_t)(r->end - r->p) < n) {
        r->bad = true;
        return NULL;
    }
    const unsigned char *at = r->p;
    r->p += n;
    return at;
}

static uint32_t get_u32(Reader *r) {
    const unsigned char *c = take(r, 4);
    return c ? (uint32_t)c[0] | (uint32_t)c[1] << 8 | (uint32_t)c[2] << 16 | (uint32_t)c[3] << 24 : 0;
}

PkgFacts *ir_facts_decode(const void *data, size_t n) {
    Reader r = {data, (const unsigned char *)data + n, false};
    const unsigned char *magic = take(&r, 8);
    if (!magic || memcmp(magic, FACTS_MAGIC, 8) != 0)
        return NULL;
    uint32_t count = get_u32(&r);
    // Each function takes at least 12 bytes: no count can exceed that.
    if (r.bad || count > (size_t)(r.end - r.p) / 12)
        return NULL;
    PkgFacts *f = xcalloc(1, sizeof *f);
    f->nreach = -1;
    f->funcs = xcalloc(count ? count : 1, sizeof *f->funcs);
    f->cap = (int)count;
    for (uint32_t i = 0; i < count && !r.bad; i++) {
        uint32_t len = get_u32(&r);
        const unsigned char *name = take(&r, len);
        int32_t cost = (int32_t)get_u32(&r), np = (int32_t)get_u32(&r);
        if (r.bad || cost < -1 || np < -1 || np > 1 << 16)
            break;
        FuncFact *ff = &f->funcs[f->n++];
        // (names are only compared as text: interning most of a big
        // package's names, never asked for, would cost more than it saves)
        *ff = (FuncFact){.name = str_in_arena(&f->arena, (const char *)name, len), .cost = cost, .nparams = np};
        if (np <= 0)
            continue;
        ff->tagged = ARENA_ARRAY(&f->arena, bool, np);
        ff->tags = arena_alloc(&f->arena, (size_t)np * IR_TAG_BYTES);
        for (int k = 0; k < np; k++) {
            const unsigned char *t = take(&r, 1 + IR_TAG_BYTES);
            if (!t)
                break;
            ff->tagged[k] = t[0] != 0;
            memcpy(ff->tags[k], t + 1, IR_TAG_BYTES);
        }
    }
    uint32_t nreach = get_u32(&r);
    f->nreach = -1;
    if (nreach != UINT32_MAX && !r.bad && nreach <= (size_t)(r.end - r.p) / 8) {
        f->nreach = (int)nreach;
        f->reach_paths = ARENA_ARRAY(&f->arena, Str, nreach + 1);
        f->reach_names = ARENA_ARRAY(&f->arena, Str, nreach + 1);
        for (uint32_t i = 0; i < nreach && !r.bad; i++) {
            uint32_t lp = get_u32(&r);
            const unsigned char *path = take(&r, lp);
            uint32_t ln = get_u32(&r);
            const unsigned char *name = take(&r, ln);
            if (r.bad)
                break;
            f->reach_paths[i] = str_intern((const char *)path, lp);
            f->reach_names[i] = str_intern((const char *)name, ln);
        }
    } else if (nreach != UINT32_MAX) {
        r.bad = true;
    }
    // Names must be strictly sorted: the encoder wrote them so.
    for (int i = 1; i < f->n && !r.bad; i++)
        r.bad = strcmp(f->funcs[i - 1].name, f->funcs[i].name) >= 0;
    if (r.bad || r.p != r.end || f->n != (int)count) {
        ir_facts_free(f);
        return NULL;
    }
    return f;
}

void ir_facts_free(PkgFacts *f) {
    if (!f)
        return;
    free(f->funcs);
    ptrmap_free(&f->index);
    arena_free(&f->arena);
    free(f);
}
