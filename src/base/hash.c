// hash.c: SHA-256 through nettle, and the SHA-256 of files memoised
// across runs by a stat memo, so that a warm run does not read every
// source file of its dependencies again just to compute cache keys.
//
// The memo trusts a file's stat (dev, inode, size, mtime, ctime) as git's
// index does, with git's answer to the "racy" file: a file modified again
// within the timestamp granularity of the time its hash was taken keeps
// the same stat. So an entry is only trusted once the file's mtime and
// ctime are more than 2 s older than when the entry was written; before
// that the file is hashed again (and the new entry, written later, soon
// qualifies).
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cache_int.h"

void hash_init(Hasher *h) {
    sha256_init(&h->ctx);
}

void hash_bytes(Hasher *h, const void *p, size_t n) {
    sha256_update(&h->ctx, n, p);
}

void hash_u64(Hasher *h, uint64_t v) {
    unsigned char b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)(v >> (8 * i));
    hash_bytes(h, b, 8);
}

// A string's length cannot be UINT64_MAX, so that length marks NULL.
void hash_str(Hasher *h, const char *s) {
    if (!s) {
        hash_u64(h, UINT64_MAX);
        return;
    }
    size_t n = strlen(s);
    hash_u64(h, n);
    hash_bytes(h, s, n);
}

Hash hash_done(Hasher *h) {
    Hash out;
    sha256_digest(&h->ctx, sizeof out.b, out.b);
    return out;
}

void hash_hex(Hash h, char out[65]) {
    static const char hex[] = "0123456789abcdef";
    for (int i = 0; i < 32; i++) {
        out[2 * i] = hex[h.b[i] >> 4];
        out[2 * i + 1] = hex[h.b[i] & 15];
    }
    out[64] = 0;
}

bool hash_equal(Hash a, Hash b) {
    return memcmp(a.b, b.b, sizeof a.b) == 0;
}

// Hashes what is left of fd.
static bool hash_fd(int fd, Hash *out) {
    Hasher h;
    hash_init(&h);
    unsigned char buf[1 << 16];
    for (;;) {
        ssize_t r = read(fd, buf, sizeof buf);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return false;
        if (r == 0)
            break;
        hash_bytes(&h, buf, (size_t)r);
    }
    *out = hash_done(&h);
    return true;
}

// ---- the stat memo ----

enum {
    MEMO_FORMAT = 1,
    RACY_NS = 2000000000,                   // git's racy window, widened to 2 s
    MEMO_KEEP_S = 7 * 24 * 3600,            // an entry unused this long is dropped
};
static const char memo_magic[8] = "GOESCSTM";

typedef struct MemoEnt {
    char *path;             // absolute and clean
    uint64_t dev, ino, size;
    int64_t mtime, ctime;   // ns
    int64_t written;        // ns: when the hash was taken
    int64_t used;           // s: last time a run asked for it
    Hash h;
} MemoEnt;

struct StatMemo {
    VEC(MemoEnt) ents;
    int *slot;              // open addressing: index+1 into ents, 0 empty
    size_t cap;             // of slot, a power of two
    bool dirty;
    char *cwd;              // for relative paths
};

static uint64_t str_hash(const char *s) {
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

static int *memo_slot(StatMemo *m, const char *path) {
    size_t i = str_hash(path) & (m->cap - 1);
    while (m->slot[i] && strcmp(m->ents.data[m->slot[i] - 1].path, path) != 0)
        i = (i + 1) & (m->cap - 1);
    return &m->slot[i];
}

static MemoEnt *memo_find(StatMemo *m, const char *path) {
    if (!m->cap)
        return NULL;
    int *s = memo_slot(m, path);
    return *s ? &m->ents.data[*s - 1] : NULL;
}

// Adds e (taking its path), or replaces the entry of its path.
static void memo_add(StatMemo *m, MemoEnt e) {
    if ((size_t)(m->ents.len + 1) * 2 > m->cap) {
        free(m->slot);
        m->cap = m->cap ? m->cap * 2 : 64;
        m->slot = xcalloc(m->cap, sizeof *m->slot);
        for (int i = 0; i < m->ents.len; i++)
            *memo_slot(m, m->ents.data[i].path) = i + 1;
    }
    int *s = memo_slot(m, e.path);
    if (*s) {
        MemoEnt *old = &m->ents.data[*s - 1];
        free(old->path);
        *old = e;
        return;
    }
    vec_push(&m->ents, e);
    *s = m->ents.len;
}

void memo_free(StatMemo *m) {
    if (!m)
        return;
    for (int i = 0; i < m->ents.len; i++)
        free(m->ents.data[i].path);
    vec_free(&m->ents);
    free(m->slot);
    free(m->cwd);
    free(m);
}

static char *memo_path(const char *dir) {
    return xasprintf("%s/statmemo", dir);
}

// Bounds-checked reader of the memo file.
typedef struct Rd {
    const unsigned char *p, *end;
    bool bad;
} Rd;

static uint64_t rd_u64(Rd *r) {
    if (r->end - r->p < 8) {
        r->bad = true;
        return 0;
    }
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v |= (uint64_t)r->p[i] << (8 * i);
    r->p += 8;
    return v;
}

static const unsigned char *rd_bytes(Rd *r, uint64_t n) {
    if (r->bad || (uint64_t)(r->end - r->p) < n) {
        r->bad = true;
        return NULL;
    }
    const unsigned char *q = r->p;
    r->p += n;
    return q;
}

// Reads the memo file into m (entries m has already are kept when newer).
// A memo that is missing is empty; one that is damaged is ignored whole.
static void memo_read(StatMemo *m, const char *dir) {
    char *path = memo_path(dir);
    size_t n;
    char *text = read_whole_file(path, &n);
    if (!text) {
        if (errno != ENOENT)
            cache_note("stat memo %s: %s", path, strerror(errno));
        free(path);
        return;
    }
    const unsigned char *b = (const unsigned char *)text;
    Rd r = {b, b + n, false};
    bool ok = n >= sizeof memo_magic + 8 + 32 && memcmp(b, memo_magic, sizeof memo_magic) == 0;
    if (ok) {
        Hasher h;
        hash_init(&h);
        hash_bytes(&h, b, n - 32);
        Hash sum = hash_done(&h);
        ok = memcmp(sum.b, b + n - 32, 32) == 0;
        r.end = b + n - 32;
    }
    if (ok) {
        r.p += sizeof memo_magic;
        ok = rd_u64(&r) == MEMO_FORMAT;
    }
    if (!ok) {
        cache_note("stat memo %s: damaged or of another format, ignored", path);
        free(text);
        free(path);
        return;
    }
    while (r.p < r.end && !r.bad) {
        uint64_t len = rd_u64(&r);
        const unsigned char *s = rd_bytes(&r, len);
        MemoEnt e = {0};
        e.dev = rd_u64(&r);
        e.ino = rd_u64(&r);
        e.size = rd_u64(&r);
        e.mtime = (int64_t)rd_u64(&r);
        e.ctime = (int64_t)rd_u64(&r);
        e.written = (int64_t)rd_u64(&r);
        e.used = (int64_t)rd_u64(&r);
        const unsigned char *hb = rd_bytes(&r, 32);
        if (r.bad || !s || !len || memchr(s, 0, len))
            break;
        memcpy(e.h.b, hb, 32);
        MemoEnt *have = memo_find(m, (const char *)s);
        if (have && have->written >= e.written)
            continue;
        e.path = xmalloc(len + 1);
        memcpy(e.path, s, len);
        e.path[len] = 0;
        memo_add(m, e);
    }
    if (r.bad)
        cache_note("stat memo %s: damaged record, the rest ignored", path);
    free(text);
    free(path);
}

static void put_u64(Buf *b, uint64_t v) {
    char x[8];
    for (int i = 0; i < 8; i++)
        x[i] = (char)(v >> (8 * i));
    buf_put(b, x, 8);
}

// Writes the memo back, merged with what other runs wrote meanwhile, so
// that two runs at once do not lose each other's entries.
void memo_flush(StatMemo *m, const char *dir) {
    if (!m || !m->dirty)
        return;
    memo_read(m, dir);
    int64_t now_s = cache_now_ns() / 1000000000;
    Buf b = {0};
    buf_put(&b, memo_magic, sizeof memo_magic);
    put_u64(&b, MEMO_FORMAT);
    for (int i = 0; i < m->ents.len; i++) {
        MemoEnt *e = &m->ents.data[i];
        if (e->used < now_s - MEMO_KEEP_S)
            continue;
        size_t len = strlen(e->path);
        put_u64(&b, len);
        buf_put(&b, e->path, len);
        uint64_t v[] = {e->dev, e->ino, e->size, (uint64_t)e->mtime, (uint64_t)e->ctime,
                        (uint64_t)e->written, (uint64_t)e->used};
        for (size_t k = 0; k < sizeof v / sizeof *v; k++)
            put_u64(&b, v[k]);
        buf_put(&b, (const char *)e->h.b, 32);
    }
    Hasher h;
    hash_init(&h);
    hash_bytes(&h, b.data, b.len);
    Hash sum = hash_done(&h);
    buf_put(&b, (const char *)sum.b, 32);
    char *path = memo_path(dir);
    struct iovec iov = {b.data, b.len};
    if (!cache_write_atomic(path, &iov, 1))
        cache_note("stat memo %s: %s", path, strerror(errno));
    free(path);
    buf_free(&b);
    m->dirty = false;
}


static bool memo_matches(const MemoEnt *e, const FileId *id) {
    if (e->dev != id->dev || e->ino != id->ino || e->size != id->size || e->mtime != id->mtime ||
        e->ctime != id->ctime)
        return false;
    int64_t changed = e->mtime > e->ctime ? e->mtime : e->ctime;
    return e->written - changed >= RACY_NS;
}

// The memo's key for path (malloc'd), and its hash in *out when the memo
// knows the file as id describes it. Called with c->mu held.
static char *memo_lookup(Cache *c, const char *path, const FileId *id, Hash *out, bool *hit) {
    c->stats.file_hashes++;
    if (!c->memo) {
        c->memo = xcalloc(1, sizeof *c->memo);
        memo_read(c->memo, c->dir);
    }
    StatMemo *m = c->memo;
    if (path[0] != '/' && !m->cwd) {
        char *cwd = getcwd(NULL, 0);
        m->cwd = xstrdup(cwd ? cwd : "");
        free(cwd);
    }
    char *full = path[0] == '/' ? xstrdup(path) : xasprintf("%s/%s", m->cwd, path);
    char *key = path_clean(full);
    free(full);
    MemoEnt *e = memo_find(m, key);
    *hit = e && memo_matches(e, id);
    if (*hit) {
        *out = e->h;
        int64_t now_s = cache_now_ns() / 1000000000;
        // refreshing "used" costs a memo write; once a day is enough for a 7-day rule
        if (now_s - e->used > 24 * 3600) {
            e->used = now_s;
            m->dirty = true;
        }
        c->stats.memo_hits++;
    }
    return key;
}

// Records h as the hash of the file id describes (taking key).
static void memo_store(Cache *c, char *key, const FileId *id, Hash h) {
    MemoEnt e = {.path = key, .dev = id->dev, .ino = id->ino, .size = id->size, .mtime = id->mtime,
                 .ctime = id->ctime, .written = id->taken, .used = id->taken / 1000000000, .h = h};
    pthread_mutex_lock(&c->mu);
    memo_add(c->memo, e);
    c->memo->dirty = true;
    pthread_mutex_unlock(&c->mu);
}

bool cache_text_hash(Cache *c, const char *path, const FileId *id, const void *text, size_t n, Hash *out) {
    if (!c || !id->taken) {
        Hasher h;
        hash_init(&h);
        hash_bytes(&h, text, n);
        *out = hash_done(&h);
        return false;
    }
    bool hit;
    pthread_mutex_lock(&c->mu);
    char *key = memo_lookup(c, path, id, out, &hit);
    pthread_mutex_unlock(&c->mu);
    if (hit) {
        free(key);
        return true;
    }
    Hasher h;
    hash_init(&h);
    hash_bytes(&h, text, n);
    *out = hash_done(&h);
    memo_store(c, key, id, *out);
    return false;
}

bool cache_file_hash(Cache *c, const char *path, Hash *out) {
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        errno = e;
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        errno = S_ISDIR(st.st_mode) ? EISDIR : ESPIPE;
        return false;
    }
    // the stat taken before reading is the one recorded: a change while
    // we read moves mtime past it, and the next run hashes again
    FileId id = file_id_of(&st, cache_now_ns());
    char *key = NULL;
    if (c) {
        bool hit;
        pthread_mutex_lock(&c->mu);
        key = memo_lookup(c, path, &id, out, &hit);
        pthread_mutex_unlock(&c->mu);
        if (hit) {
            free(key);
            close(fd);
            return true;
        }
    }
    bool ok = hash_fd(fd, out);
    int err = errno;
    close(fd);
    if (ok && c) {
        memo_store(c, key, &id, *out);
        key = NULL;
    }
    free(key);
    errno = err;
    return ok;
}
