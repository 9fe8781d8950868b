// pkgcache.c: the package cache of issue 12, seen from the command. A
// dependency's analysis leaves its importers only inline costs and escape
// tags (ir.h's PkgFacts); those are kept in the content-addressed store
// (base/cache.c) under a key that covers everything they follow from:
//
//   the goesc executable itself (its content hash: a rebuilt goesc never
//   reads an older one's entries), the flags that change results, GOOS and
//   GOARCH, the package's path, name and language version, each source
//   file's name and content, whether it is analysed with -l, and the keys
//   of its imports, so that a change below invalidates everything above.
//
// A dependency found there is not analysed again (inline.c and build.c
// apply the facts); the packages named on the command line always are.
// Their results are stored too, unless they were analysed with -l. The
// one exception is goesc diff's child (trade): a named package that the
// other revision has with the same key is left out of both.
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../base/cache.h"
#include "../escape/escape.h"
#include "../inline/inline.h"
#include "cmd.h"

struct PkgCache {
    Cache *store;
    Hash tool;              // the executable's content hash
    Str config;             // flags, GOOS/GOARCH
    PtrMap keys;            // Package* -> Hash* (arena), or &no_key
    Arena arena;
    int hits, stored;
    int crawls;             // named packages' export-data crawls read
    VEC(Package *) from_cache;  // for GOESCDEBUG=cache: how far each was read
    // What a package's key needs from the command.
    Loader *loader;
    Str lang;               // -lang
    bool files;             // a list of .go files
    bool no_inline;         // -l: the named packages are analysed without inlining
    int peer;               // goesc diff's socket (-1: none), until trade
    // -j's analysis threads store at once: keys, stored and the store.
    pthread_mutex_t mu;
};

static Hash no_key;         // marks a package without a key
PkgCache *pkgcache_open(const char *flag, Str config, Str lang, bool files, bool no_inline) {
    if (flag && strcmp(flag, "off") == 0)
        return NULL;
    char *err = NULL;
    cache_set_version(GOESC_VERSION);
    Cache *store = cache_open(flag, &err);
    if (!store) {
        if (err && cache_debug)
            fprintf(stderr, "goesc: cache: %s; running without it\n", err);
        free(err);
        return NULL;
    }
    PkgCache *pc = xcalloc(1, sizeof *pc);
    pthread_mutex_init(&pc->mu, NULL);
    pc->store = store;
    pc->config = config;
    pc->lang = lang;
    pc->files = files;
    pc->no_inline = no_inline;
    pc->peer = -1;
    // Hashed by its real path: the stat memo then keeps one entry per
    // goesc binary (the plain and the ASan build alternate in the tests).
    char self[4096];
    ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
    self[len > 0 ? len : 0] = 0;
    if (!cache_file_hash(store, len > 0 ? self : "/proc/self/exe", &pc->tool)) {
        // Without knowing which goesc wrote an entry, none can be trusted.
        if (cache_debug)
            fprintf(stderr, "goesc: cache: cannot read /proc/self/exe; running without the cache\n");
        cache_close(store);
        pthread_mutex_destroy(&pc->mu);
        free(pc);
        return NULL;
    }
    return pc;
}

void pkgcache_set_loader(PkgCache *pc, Loader *l) {
    if (pc)
        pc->loader = l;
}

void pkgcache_set_peer(PkgCache *pc, int fd) {
    if (pc)
        pc->peer = fd;
    else
        close(fd);
}

void pkgcache_end_peer(PkgCache *pc) {
    if (pc && pc->peer >= 0)
        close(pc->peer);
    if (pc)
        pc->peer = -1;
}

Cache *pkgcache_cache(PkgCache *pc) { return pc ? pc->store : NULL; }

void pkgcache_close(PkgCache *pc) {
    if (!pc)
        return;
    pkgcache_end_peer(pc);
    if (cache_debug) {
        fprintf(stderr, "goesc: cache: %d packages from the cache, %d stored\n", pc->hits, pc->stored);
        // what the run needed of them (a package is parsed, then checked,
        // when something looks into it)
        int unparsed = 0, unchecked = 0;
        for (int i = 0; i < pc->from_cache.len; i++) {
            unparsed += pc->from_cache.data[i]->unparsed != NULL;
            unchecked += types_package_deferred(pc->from_cache.data[i]);
        }
        fprintf(stderr, "goesc: cache: of those, %d never parsed, %d never checked\n", unparsed, unchecked);
        fprintf(stderr, "goesc: cache: the export-data crawls of %d named packages read from it\n", pc->crawls);
    }
    vec_free(&pc->from_cache);
    cache_close(pc->store);
    ptrmap_free(&pc->keys);
    arena_free(&pc->arena);
    pthread_mutex_destroy(&pc->mu);
    free(pc);
}

static const char *base_name(const char *path) {
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

// p's key (memoised), after its imports'; NULL when some part is unknown.
static Hash *key_of(PkgCache *pc, Package *p) {
    Hash *memo = ptrmap_get(&pc->keys, p);
    if (memo)
        return memo == &no_key ? NULL : memo;
    ptrmap_put(&pc->keys, p, &no_key);  // also guards against cycles
    if (p->bad || p->object || !p->texts || strcmp(p->path, "unsafe") == 0)
        return NULL;
    bool no_inline = p->matched && pc->no_inline;
    Hasher h;
    hash_init(&h);
    hash_str(&h, "goesc package facts 1");
    hash_bytes(&h, pc->tool.b, sizeof pc->tool.b);
    hash_str(&h, pc->config);
    hash_str(&h, p->path);
    hash_str(&h, p->name);
    hash_str(&h, p->link_path);
    hash_str(&h, cmd_package_lang(pc->loader, p, pc->lang, pc->files));
    hash_u64(&h, (uint64_t)p->std << 2 | (uint64_t)p->parse_opts.compiling_runtime << 1 | (uint64_t)no_inline);
    hash_u64(&h, (uint64_t)p->nfiles);
    for (int i = 0; i < p->nfiles; i++) {
        // The base name: cgo's output lives in a fresh temporary directory.
        hash_str(&h, base_name(p->files[i]));
        // the stat memo knows most files: GOROOT's, a module's unchanged
        // ones; the identity is the one taken when the text was read
        static const FileId none;
        char *abs = xasprintf("%s/%s", p->dir, base_name(p->files[i]));
        Hash c;
        cache_text_hash(pc->store, abs, p->ids ? &p->ids[i] : &none, p->texts[i], p->sizes[i], &c);
        free(abs);
        hash_bytes(&h, c.b, sizeof c.b);
    }
    hash_u64(&h, (uint64_t)p->nimports);
    for (int i = 0; i < p->nimports; i++) {
        hash_str(&h, p->import_paths[i]);
        if (strcmp(p->import_paths[i], "unsafe") == 0)
            continue;
        Hash *k = p->imports[i] ? key_of(pc, p->imports[i]) : NULL;
        if (!k)
            return NULL;
        hash_bytes(&h, k->b, sizeof k->b);
    }
    Hash *k = ARENA_NEW(&pc->arena, Hash);
    *k = hash_done(&h);
    ptrmap_put(&pc->keys, p, k);
    return k;
}

// What a named package's diagnostics follow from: its key, and its files
// as positions name them (relative to the directory here).
static bool result_key(PkgCache *pc, Package *p, char hex[65]) {
    Hash *key = key_of(pc, p);
    if (!key)
        return false;
    Hasher h;
    hash_init(&h);
    hash_bytes(&h, key->b, sizeof key->b);
    for (int i = 0; i < p->nfiles; i++)
        hash_str(&h, p->files[i]);
    hash_hex(hash_done(&h), hex);
    return true;
}

// goesc diff's child, before the first package is parsed: sends diff the
// result keys of the named packages, one a line and an empty line, and
// reads back those that the other revision's child sent too. Their
// diagnostics are the same in both, so diff need not see them: they are
// analysed as dependencies, from the cache when there. Only without -l
// and -lang, which set the named packages apart from dependencies.
static void trade(PkgCache *pc) {
    int fd = pc->peer;
    pc->peer = -1;
    int n;
    Package **roots = load_roots(pc->loader, &n);
    char (*hex)[65] = xcalloc((size_t)n + 1, sizeof *hex);
    Buf b = {0};
    for (int k = 0; k < n && !pc->no_inline && !pc->lang && !pc->files; k++)
        if (roots[k]->matched && result_key(pc, roots[k], hex[k]))
            buf_printf(&b, "%s\n", hex[k]);
    buf_putc(&b, '\n');
    bool ok = true;
    for (size_t off = 0; ok && off < b.len;) {
        ssize_t w = send(fd, b.data + off, b.len - off, MSG_NOSIGNAL);
        ok = w > 0 || (w < 0 && errno == EINTR);
        off += w > 0 ? (size_t)w : 0;
    }
    // the answer: lines up to diff's end of file
    b.len = 0;
    char chunk[4096];
    ssize_t r;
    while (ok && ((r = read(fd, chunk, sizeof chunk)) > 0 || (r < 0 && errno == EINTR)))
        buf_put(&b, chunk, r > 0 ? (size_t)r : 0);
    close(fd);
    const char *text = buf_cstr(&b);
    for (int k = 0; k < n; k++) {
        const char *at = hex[k][0] ? strstr(text, hex[k]) : NULL;
        if (at && (at == text || at[-1] == '\n') && at[64] == '\n')
            roots[k]->matched = false;
    }
    buf_free(&b);
    free(hex);
}

bool pkgcache_lazy(void *ctx, Package *p) {
    PkgCache *pc = ctx;
    if (pc->peer >= 0)
        trade(pc);
    Hash *key = key_of(pc, p);
    void *data;
    size_t n;
    if (!key || !cache_get(pc->store, *key, &data, &n))
        return false;
    if (p->matched) {
        // analysed again all the same; only its crawl is taken
        PkgFacts *f = ir_facts_decode(data, n);
        free(data);
        if (f && f->nreach >= 0) {
            p->reach_facts = f;
            pc->crawls++;
        } else
            ir_facts_free(f);
        return false;
    }
    p->facts = ir_facts_decode(data, n);
    free(data);
    if (p->facts) {
        pc->hits++;
        vec_push(&pc->from_cache, p);
        return true;
    }
    if (cache_debug)
        fprintf(stderr, "goesc: cache: the entry of %s does not decode; analysing it\n", p->path);
    return false;
}

PkgFacts *pkgcache_facts_of(Package *p, Inliner *inl, EscSession *es) {
    PkgFacts *f = xcalloc(1, sizeof *f);
    f->nreach = -1;
    inl_facts(inl, p, f);
    esc_facts(es, p, f);
    ir_facts_seal(f);
    return f;
}

// p's key, or NULL when p is not stored.
static Hash *store_key(PkgCache *pc, Package *p) {
    if (!pc || p->facts || p->bad || (p->matched && p->no_inline))
        return NULL;
    pthread_mutex_lock(&pc->mu);
    Hash *key = key_of(pc, p);
    pthread_mutex_unlock(&pc->mu);
    return key;
}

void pkgcache_store_facts(PkgCache *pc, Package *p, PkgFacts *f) {
    Hash *key = store_key(pc, p);
    if (!key)
        return;
    // A named package analysed again: its entry may be there already
    // (pkgcache_lazy read its crawl from it).
    void *old;
    size_t oldn;
    if (p->matched && p->reach_facts)
        return;
    if (p->matched && cache_get(pc->store, *key, &old, &oldn)) {
        free(old);
        return;
    }
    // The crawl of its export data is kept for importers that take p from
    // the cache; within a run, qualify.c crawls what it needs itself.
    if (f->nreach < 0)
        ir_export_reach(p, f);
    Buf b = {0};
    ir_facts_encode(f, &b);
    if (cache_put(pc->store, *key, b.data, (size_t)b.len)) {
        pthread_mutex_lock(&pc->mu);
        pc->stored++;
        pthread_mutex_unlock(&pc->mu);
    }
    buf_free(&b);
}

void pkgcache_store(PkgCache *pc, Package *p, Inliner *inl, EscSession *es) {
    if (!store_key(pc, p))
        return;
    PkgFacts *f = pkgcache_facts_of(p, inl, es);
    pkgcache_store_facts(pc, p, f);
    ir_facts_free(f);
}

void pkgcache_free_facts(Package *p) {
    ir_facts_free(p->facts);
    p->facts = NULL;
    ir_facts_free(p->reach_facts);
    p->reach_facts = NULL;
}
