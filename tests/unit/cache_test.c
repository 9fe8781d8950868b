// cache_test.c: unit tests of the cache store (src/base/hash.c, cache.c).
// Prints "ok NAME" or "FAIL NAME: why" per check, NAME prefixed by
// argv[1] (so that the plain and the ASan builds report apart). Each
// check works in its own directory under a fresh temp root, so that one
// failing leaves the others meaningful. Debug notes are on (the note
// paths run too) and captured, so that checks can ask what a note said.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../../src/base/cache.h"

static const char *prefix = "";
static char root[256];
static int nfail;

static void ok(const char *name) {
    printf("ok %s%s\n", prefix, name);
    fflush(stdout);
}

static void fail(const char *name, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    printf("FAIL %s%s: ", prefix, name);
    vprintf(fmt, ap);
    printf("\n");
    fflush(stdout);
    va_end(ap);
    nfail++;
}

// A fresh directory under root for one check (malloc'd).
static char *fresh(const char *name) {
    char *d = xasprintf("%s/%s", root, name);
    mkdir(d, 0755);
    return d;
}

static Hash key_of(const char *s) {
    Hasher h;
    hash_init(&h);
    hash_str(&h, s);
    return hash_done(&h);
}

static char *entry_file(const char *dir, Hash k) {
    char hex[65];
    hash_hex(k, hex);
    return xasprintf("%s/%.2s/%s-e", dir, hex, hex);
}

static bool exists(const char *p) {
    struct stat st;
    return lstat(p, &st) == 0;
}

static void write_file(const char *p, const void *data, size_t n) {
    FILE *f = fopen(p, "wb");
    if (!f)
        return;
    fwrite(data, 1, n, f);
    fclose(f);
}

// ---- captured debug notes ----
static int saved_err = -1;
static char *notes_path;

static void notes_begin(void) {
    fflush(stderr);
    saved_err = dup(2);
    int fd = open(notes_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, 2);
    close(fd);
}

static char *notes_end(void) {
    fflush(stderr);
    dup2(saved_err, 2);
    close(saved_err);
    size_t n;
    char *s = read_whole_file(notes_path, &n);
    return s ? s : xstrdup("");
}

// ---- hashing ----

static bool hex_is(Hash h, const char *want) {
    char hex[65];
    hash_hex(h, hex);
    return strcmp(hex, want) == 0;
}

static void test_vectors(void) {
    static const struct {
        const char *in, *out;
    } v[] = {
        {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
        {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
        {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
    };
    for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
        Hasher h;
        hash_init(&h);
        hash_bytes(&h, v[i].in, strlen(v[i].in));
        Hash got = hash_done(&h);
        if (!hex_is(got, v[i].out)) {
            char hex[65];
            hash_hex(got, hex);
            fail("sha256-vectors", "SHA-256(\"%s\") = %s, want %s", v[i].in, hex, v[i].out);
            return;
        }
    }
    // a million 'a's, fed in uneven pieces: the streaming path
    Hasher h;
    hash_init(&h);
    char a[1000];
    memset(a, 'a', sizeof a);
    size_t left = 1000000;
    for (size_t k = 1; left; k = k * 7 % 997 + 1) {
        size_t n = k < left ? k : left;
        hash_bytes(&h, a, n);
        left -= n;
    }
    if (!hex_is(hash_done(&h), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")) {
        fail("sha256-vectors", "SHA-256 of a million 'a' in pieces is wrong");
        return;
    }
    // hash_done resets: the next hash starts from scratch
    hash_bytes(&h, "abc", 3);
    if (!hex_is(hash_done(&h), v[1].out)) {
        fail("sha256-vectors", "a Hasher reused after hash_done is not fresh");
        return;
    }
    ok("sha256-vectors");
}

static Hash strs(const char *a, const char *b) {
    Hasher h;
    hash_init(&h);
    hash_str(&h, a);
    hash_str(&h, b);
    return hash_done(&h);
}

static void test_framing(void) {
    if (hash_equal(strs("ab", "c"), strs("a", "bc")))
        return fail("hash-str-framing", "(\"ab\",\"c\") hashes as (\"a\",\"bc\")");
    if (hash_equal(strs(NULL, "x"), strs("", "x")))
        return fail("hash-str-framing", "NULL hashes as \"\"");
    if (!hash_equal(strs(NULL, "x"), strs(NULL, "x")) || !hash_equal(strs("a", "b"), strs("a", "b")))
        return fail("hash-str-framing", "the same strings hash differently");
    // the framing is a little-endian 64-bit length
    Hasher h;
    hash_init(&h);
    hash_bytes(&h, "\3\0\0\0\0\0\0\0abc", 11);
    Hash want = hash_done(&h);
    hash_init(&h);
    hash_str(&h, "abc");
    if (!hash_equal(hash_done(&h), want))
        return fail("hash-str-framing", "hash_str(\"abc\") is not u64le(3) \"abc\"");
    hash_init(&h);
    hash_u64(&h, 0x0807060504030201ull);
    Hash u = hash_done(&h);
    hash_init(&h);
    hash_bytes(&h, "\1\2\3\4\5\6\7\10", 8);
    if (!hash_equal(u, hash_done(&h)))
        return fail("hash-str-framing", "hash_u64 is not little-endian");
    ok("hash-str-framing");
}

// ---- entries ----

static Cache *open_at(const char *dir, const char *name) {
    char *err = NULL;
    Cache *c = cache_open(dir, &err);
    if (!c) {
        fail(name, "cache_open(%s): %s", dir, err ? err : "disabled");
        free(err);
    }
    return c;
}

static void test_roundtrip(void) {
    char *dir = fresh("roundtrip");
    Cache *c = open_at(dir, "put-get");
    if (!c)
        goto out;
    size_t sizes[] = {0, 1, 100, 300000};
    for (size_t i = 0; i < 4; i++) {
        char name[32];
        snprintf(name, sizeof name, "k%zu", i);
        unsigned char *p = xmalloc(sizes[i] + 1);
        for (size_t k = 0; k < sizes[i]; k++)
            p[k] = (unsigned char)(k * 131 + i);
        if (!cache_put(c, key_of(name), p, sizes[i])) {
            fail("put-get", "put of %zu bytes failed", sizes[i]);
            free(p);
            goto close;
        }
        void *got;
        size_t n;
        bool hit = cache_get(c, key_of(name), &got, &n);
        bool same = hit && n == sizes[i] && memcmp(got, p, n) == 0 && ((char *)got)[n] == 0;
        free(got);
        free(p);
        if (!same) {
            fail("put-get", "%zu bytes: get %s", sizes[i], hit ? "returned other bytes" : "missed");
            goto close;
        }
    }
    void *got;
    size_t n;
    if (cache_get(c, key_of("never put"), &got, &n) || got)
        fail("put-get", "a key never put is found");
    else {
        char *f = entry_file(dir, key_of("k1"));
        CacheStats st;
        cache_stats(c, &st);
        if (!exists(f))
            fail("put-get", "no entry file at %s", f);
        else if (st.gets != 5 || st.hits != 4 || st.puts != 4 || st.put_fails || st.bad)
            fail("put-get", "stats gets %ld hits %ld puts %ld", st.gets, st.hits, st.puts);
        else
            ok("put-get");
        free(f);
    }
    // a second put of the same key replaces the entry
    cache_put(c, key_of("k1"), "new", 3);
    if (!cache_get(c, key_of("k1"), &got, &n) || n != 3 || memcmp(got, "new", 3) != 0)
        fail("put-replace", "the second put is not what get returns");
    else
        ok("put-replace");
    free(got);
close:
    cache_close(c);
out:
    free(dir);
}

// Puts a small entry under key "x" and returns the path and its bytes.
static char *put_small(Cache *c, const char *dir, unsigned char **bytes, size_t *n) {
    cache_put(c, key_of("x"), "the payload of x", 16);
    char *f = entry_file(dir, key_of("x"));
    *bytes = (unsigned char *)read_whole_file(f, n);
    return f;
}

// Rewrites the entry with bytes b[0..n) and expects get to reject it with
// a note containing why, and the file gone. Returns false after a FAIL.
static bool expect_rejected(Cache *c, const char *f, const void *b, size_t n, const char *name, const char *what,
                            const char *why) {
    write_file(f, b, n);
    notes_begin();
    void *got;
    size_t gn;
    bool hit = cache_get(c, key_of("x"), &got, &gn);
    char *notes = notes_end();
    free(got);
    bool good = true;
    if (hit)
        fail(name, "%s: get returned it", what), good = false;
    else if (exists(f))
        fail(name, "%s: the entry was not removed", what), good = false;
    else if (why && !strstr(notes, why))
        fail(name, "%s: the note does not say \"%s\": %s", what, why, notes), good = false;
    free(notes);
    return good;
}

static void test_corrupt(void) {
    char *dir = fresh("corrupt");
    Cache *c = open_at(dir, "corrupt-byte");
    if (!c) {
        free(dir);
        return;
    }
    unsigned char *b;
    size_t n;
    char *f = put_small(c, dir, &b, &n);
    bool good = b != NULL;
    if (!good)
        fail("corrupt-byte", "no entry written");
    // every byte of the entry, header and payload, matters
    for (size_t i = 0; good && i < n; i++) {
        b[i] ^= 0x20;
        char what[64];
        snprintf(what, sizeof what, "byte %zu of %zu flipped", i, n);
        good = expect_rejected(c, f, b, n, "corrupt-byte", what, i + 16 >= n ? "checksum" : NULL);
        b[i] ^= 0x20;
    }
    if (good)
        ok("corrupt-byte");
    // and the good bytes are still good (the test itself is sound)
    write_file(f, b, n);
    void *got;
    size_t gn;
    if (!cache_get(c, key_of("x"), &got, &gn))
        fail("corrupt-control", "the intact entry is rejected");
    else
        ok("corrupt-control");
    free(got);

    good = true;
    for (size_t k = 0; good && k < n; k++) {
        char what[64];
        snprintf(what, sizeof what, "truncated to %zu of %zu bytes", k, n);
        good = expect_rejected(c, f, b, k, "truncated", what, k >= 8 ? "truncated" : NULL);
    }
    unsigned char *longer = xmalloc(n + 1);
    memcpy(longer, b, n);
    longer[n] = 'z';
    if (good && expect_rejected(c, f, longer, n + 1, "truncated", "a byte appended", "corrupt"))
        ok("truncated");
    free(longer);

    // random bytes, and a sound entry under another key's name
    unsigned char junk[4096];
    srand(12345);
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = (unsigned char)rand();
    if (expect_rejected(c, f, junk, sizeof junk, "foreign", "random bytes", "foreign") &&
        expect_rejected(c, f, "", 0, "foreign", "an empty file", "foreign")) {
        cache_put(c, key_of("y"), "the payload of x", 16);
        char *fy = entry_file(dir, key_of("y"));
        size_t yn;
        char *y = read_whole_file(fy, &yn);
        if (y && expect_rejected(c, f, y, yn, "foreign", "key y's entry under x's name", "key"))
            ok("foreign");
        free(y);
        free(fy);
    }

    // another goesc version: stale
    cache_set_version("goesc test 1");
    cache_put(c, key_of("x"), "v1", 2);
    cache_set_version("goesc test 2");
    void *v;
    size_t vn;
    notes_begin();
    bool hit = cache_get(c, key_of("x"), &v, &vn);
    char *notes = notes_end();
    free(v);
    if (hit)
        fail("stale", "an entry of another version is returned");
    else if (exists(f))
        fail("stale", "the stale entry is not removed");
    else if (!strstr(notes, "stale"))
        fail("stale", "the note does not say stale: %s", notes);
    else if (!cache_put(c, key_of("x"), "v2", 2) || !cache_get(c, key_of("x"), &v, &vn) || vn != 2 ||
             memcmp(v, "v2", 2) != 0)
        fail("stale", "the entry rebuilt by this version is not read back");
    else
        ok("stale");
    free(v);
    free(notes);
    cache_set_version("goesc test");
    CacheStats st;
    cache_stats(c, &st);
    if (st.bad < (long)n * 2)
        fail("corrupt-stats", "only %ld bad entries counted", st.bad);
    else
        ok("corrupt-stats");
    free(b);
    free(f);
    cache_close(c);
    free(dir);
}

// ---- two processes on one cache ----

enum { NKEYS = 6, ROUNDS = 200 };

// A payload that says how long it is and which key and seed made it, so a
// reader can tell a whole one from a torn or mixed one.
static unsigned char *make_payload(int key, uint32_t seed, size_t *n) {
    *n = 16 + seed % 40000;
    unsigned char *p = xmalloc(*n);
    uint32_t hdr[4] = {(uint32_t)key, seed, (uint32_t)*n, 0xC0FFEE};
    memcpy(p, hdr, 16);
    for (size_t i = 16; i < *n; i++)
        p[i] = (unsigned char)(seed * 31 + i * 7);
    return p;
}

static bool payload_ok(int key, const unsigned char *p, size_t n) {
    if (n < 16)
        return false;
    uint32_t hdr[4];
    memcpy(hdr, p, 16);
    if (hdr[0] != (uint32_t)key || hdr[2] != n || hdr[3] != 0xC0FFEE)
        return false;
    size_t wn;
    unsigned char *want = make_payload(key, hdr[1], &wn);
    bool same = wn == n && memcmp(want, p, n) == 0;
    free(want);
    return same;
}

// Returns how many gets returned a wrong payload; *hits counts the good,
// *torn the entries get rejected (a reader saw half a write: atomicity).
static int hammer(const char *dir, uint32_t seed, int *hits, int *torn) {
    char *err = NULL;
    Cache *c = cache_open(dir, &err);
    if (!c) {
        free(err);
        return 1000;
    }
    int bad = 0;
    for (int r = 0; r < ROUNDS; r++) {
        int k = (int)((seed + (uint32_t)r) % NKEYS);
        char name[16];
        snprintf(name, sizeof name, "key%d", k);
        size_t n;
        unsigned char *p = make_payload(k, seed * 7919 + (uint32_t)r * 104729, &n);
        cache_put(c, key_of(name), p, n);
        free(p);
        for (int j = 0; j < 2; j++) {
            snprintf(name, sizeof name, "key%d", (k + j * 3) % NKEYS);
            void *got;
            size_t gn;
            if (cache_get(c, key_of(name), &got, &gn)) {
                if (payload_ok((k + j * 3) % NKEYS, got, gn))
                    (*hits)++;
                else
                    bad++;
            }
            free(got);
        }
    }
    CacheStats st;
    cache_stats(c, &st);
    *torn = (int)st.bad;
    cache_close(c);
    return bad;
}

static void test_concurrent(void) {
    char *dir = fresh("concurrent");
    fflush(NULL);
    int pipefd[2];
    if (pipe(pipefd) != 0)
        return fail("concurrent", "pipe: %s", strerror(errno));
    pid_t pid = fork();
    if (pid == 0) {
        close(pipefd[0]);
        int hits = 0, torn = 0;
        int bad = hammer(dir, 2, &hits, &torn);
        int r[3] = {bad, hits, torn};
        if (write(pipefd[1], r, sizeof r) != sizeof r)
            _exit(3);
        _exit(0);
    }
    close(pipefd[1]);
    int hits = 0, torn = 0;
    int bad = hammer(dir, 1, &hits, &torn);
    int r[3] = {-1, 0, 0};
    ssize_t got = read(pipefd[0], r, sizeof r);
    close(pipefd[0]);
    int status;
    waitpid(pid, &status, 0);
    if (pid < 0 || got != sizeof r || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        fail("concurrent", "the child process failed (status %d)", status);
    else if (bad || r[0])
        fail("concurrent", "%d and %d gets returned a torn or wrong payload", bad, r[0]);
    else if (torn || r[2])
        fail("concurrent", "%d and %d entries were seen half-written (rejected)", torn, r[2]);
    else if (hits < ROUNDS || r[1] < ROUNDS)
        fail("concurrent", "too few hits to mean anything: %d and %d", hits, r[1]);
    else
        ok("concurrent");
    free(dir);
}

// ---- the LRU trim ----

static void test_trim(void) {
    char *dir = fresh("trim");
    Cache *c = open_at(dir, "trim-lru");
    if (!c) {
        free(dir);
        return;
    }
    char payload[1000];
    memset(payload, 'p', sizeof payload);
    time_t now = time(NULL);
    char *files[10];
    for (int i = 0; i < 10; i++) {
        char name[16];
        snprintf(name, sizeof name, "t%d", i);
        cache_put(c, key_of(name), payload, sizeof payload);
        files[i] = entry_file(dir, key_of(name));
        // t0 is the least recently used; the order of the names differs
        struct timespec ts[2] = {{now - 10000 + i * 100, 0}, {now - 10000 + i * 100, 0}};
        utimensat(AT_FDCWD, files[i], ts, 0);
    }
    struct stat st;
    stat(files[0], &st);
    // room for 4 entries: the trim goes down to 75%, 3 entries
    char lim[32];
    snprintf(lim, sizeof lim, "%lld", (long long)st.st_size * 4 + 10);
    setenv("GOESCCACHESIZE", lim, 1);
    // a temp file left by a crashed run, two hours old
    char *tmpf = xasprintf("%s/00/.tmp-1-1", dir);
    char *sub = xasprintf("%s/00", dir);
    mkdir(sub, 0755);
    write_file(tmpf, "x", 1);
    struct timespec old[2] = {{now - 7200, 0}, {now - 7200, 0}};
    utimensat(AT_FDCWD, tmpf, old, 0);
    cache_trim(c);
    char have[11] = {0};
    for (int i = 0; i < 10; i++)
        have[i] = exists(files[i]) ? '1' : '0';
    if (strcmp(have, "0000000111") != 0)
        fail("trim-lru", "entries left (oldest first) %s, want 0000000111", have);
    else if (exists(tmpf))
        fail("trim-lru", "an old temp file is left");
    else
        ok("trim-lru");
    // the trim ran: it waits an hour before it looks again
    char *tt = xasprintf("%s/trim.txt", dir);
    setenv("GOESCCACHESIZE", "1", 1);
    cache_trim(c);
    if (!exists(tt))
        fail("trim-interval", "no trim.txt");
    else if (!exists(files[9]))
        fail("trim-interval", "a second trim within the hour removed entries");
    else {
        // a trim.txt from two hours ago lets it run
        write_file(tt, "1\n", 2);
        cache_trim(c);
        if (exists(files[9]))
            fail("trim-interval", "an old trim.txt does not let the trim run");
        else
            ok("trim-interval");
    }
    // a used entry is bumped: the trim then keeps it over newer ones
    setenv("GOESCCACHESIZE", lim, 1);
    for (int i = 0; i < 10; i++) {
        char name[16];
        snprintf(name, sizeof name, "t%d", i);
        cache_put(c, key_of(name), payload, sizeof payload);
        struct timespec ts[2] = {{now - 10000 + i * 100, 0}, {now - 10000 + i * 100, 0}};
        utimensat(AT_FDCWD, files[i], ts, 0);
    }
    void *got;
    size_t n;
    cache_get(c, key_of("t0"), &got, &n);
    free(got);
    write_file(tt, "1\n", 2);
    cache_trim(c);
    if (!exists(files[0]) || exists(files[7]) || !exists(files[9]))
        fail("trim-bump", "a read entry is not kept as recently used");
    else
        ok("trim-bump");
    unsetenv("GOESCCACHESIZE");
    for (int i = 0; i < 10; i++)
        free(files[i]);
    free(tt);
    free(tmpf);
    free(sub);
    cache_close(c);
    free(dir);
}

// ---- the stat memo ----

static Hash content_hash(const char *s) {
    Hasher h;
    hash_init(&h);
    hash_bytes(&h, s, strlen(s));
    return hash_done(&h);
}

static bool file_hash_is(Cache *c, const char *p, const char *content) {
    Hash h;
    return cache_file_hash(c, p, &h) && hash_equal(h, content_hash(content));
}

static void test_memo(void) {
    char *dir = fresh("memo");
    char *src = xasprintf("%s/src.go", root);
    Cache *c = open_at(dir, "memo-racy");
    if (!c)
        goto out;
    // rewritten at once, same size: inode, size and coarse file times can
    // all stay the same, and only the racy rule catches it (file systems
    // with fine-grained times, as ext4 on Linux 6.13 and later, change
    // ctime anyway, so the loop may not see the case arise)
    bool same_stat = false, good = true;
    for (int i = 0; i < 50 && good && !same_stat; i++) {
        write_file(src, "aaaa", 4);
        struct stat a, b;
        stat(src, &a);
        good = file_hash_is(c, src, "aaaa");
        write_file(src, "bbbb", 4);
        stat(src, &b);
        same_stat = a.st_ino == b.st_ino && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec &&
                    a.st_mtim.tv_sec == b.st_mtim.tv_sec && a.st_ctim.tv_nsec == b.st_ctim.tv_nsec &&
                    a.st_ctim.tv_sec == b.st_ctim.tv_sec;
        good = good && file_hash_is(c, src, "bbbb");
    }
    // so the rule is also checked directly: within 2 s of its last change
    // a file is never answered from the memo, even unchanged
    CacheStats r0, r1;
    cache_stats(c, &r0);
    bool again = file_hash_is(c, src, "bbbb") && file_hash_is(c, src, "bbbb");
    cache_stats(c, &r1);
    if (!good)
        fail("memo-racy", "a file rewritten with the same size has its old hash");
    else if (!again || r1.memo_hits != r0.memo_hits)
        fail("memo-racy", "a file changed within 2 s is answered from the memo");
    else
        ok("memo-racy");
    if (same_stat)
        printf("# memo-racy: a rewrite kept the file's whole stat; the racy rule caught it\n");
    // across runs: the memo written at close, the file rewritten after
    cache_close(c);
    write_file(src, "cccc", 4);
    c = open_at(dir, "memo-racy");
    if (!c)
        goto out;
    if (!file_hash_is(c, src, "cccc"))
        fail("memo-racy-reopen", "after a reopen, the rewritten file has its old hash");
    else
        ok("memo-racy-reopen");

    // a file older than the racy window is answered from the memo
    char *old = xasprintf("%s/old.go", root);
    write_file(old, "old contents", 12);
    struct stat st;
    stat(old, &st);
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    long wait_ms = (st.st_ctim.tv_sec + 2 - now.tv_sec) * 1000 + (st.st_ctim.tv_nsec - now.tv_nsec) / 1000000 + 100;
    if (wait_ms > 0)
        usleep((useconds_t)wait_ms * 1000);
    CacheStats s0, s1;
    cache_stats(c, &s0);
    bool h1 = file_hash_is(c, old, "old contents");
    bool h2 = file_hash_is(c, old, "old contents");
    cache_stats(c, &s1);
    cache_close(c);
    c = open_at(dir, "memo-hit");
    if (!c) {
        free(old);
        goto out;
    }
    // relative, through another spelling: the same entry
    char *rel = xasprintf(".%s/./old.go", root);
    char cwd[4096];
    bool in_root = getcwd(cwd, sizeof cwd) && chdir("/") == 0;
    bool h3 = file_hash_is(c, rel, "old contents");
    if (in_root && chdir(cwd) != 0)
        in_root = false;
    CacheStats s2;
    cache_stats(c, &s2);
    if (!h1 || !h2 || !h3)
        fail("memo-hit", "wrong hash of an old file");
    else if (s1.memo_hits - s0.memo_hits != 1)
        fail("memo-hit", "the second hash of an old file is not a memo hit (%ld)", s1.memo_hits - s0.memo_hits);
    else if (s2.memo_hits != 1 || !in_root)
        fail("memo-hit", "after a reopen the memo does not answer (%ld hits)", s2.memo_hits);
    else
        ok("memo-hit");
    free(rel);

    // touched: a new mtime, hashed again; rewritten with the old mtime put
    // back: ctime still differs
    write_file(old, "new contents", 12);
    if (!file_hash_is(c, old, "new contents"))
        fail("memo-touch", "rewritten old file: old hash");
    else {
        struct timespec back[2] = {st.st_atim, st.st_mtim};
        write_file(old, "NEW contents", 12);
        utimensat(AT_FDCWD, old, back, 0);
        bool a = file_hash_is(c, old, "NEW contents");
        struct timespec later[2] = {{st.st_mtim.tv_sec + 5, 0}, {st.st_mtim.tv_sec + 5, 0}};
        write_file(old, "3rd contents", 12);
        utimensat(AT_FDCWD, old, later, 0);
        bool b = file_hash_is(c, old, "3rd contents");
        if (!a || !b)
            fail("memo-touch", "a file rewritten and %s keeps its old hash", !a ? "backdated" : "touched");
        else
            ok("memo-touch");
    }
    // not files; no memo; a damaged memo is ignored
    Hash h;
    errno = 0;
    bool dir_hashed = cache_file_hash(c, root, &h);
    int dir_errno = errno;
    errno = 0;
    bool missing = cache_file_hash(NULL, "/nonexistent/x.go", &h);
    int missing_errno = errno;
    char *fifo = xasprintf("%s/fifo", root);
    mkfifo(fifo, 0644);
    bool fifo_hashed = cache_file_hash(c, fifo, &h);
    if (dir_hashed || dir_errno != EISDIR || missing || missing_errno != ENOENT || fifo_hashed)
        fail("memo-errors", "a directory, a missing file or a FIFO is hashed (errno %d, %d)", dir_errno,
             missing_errno);
    else if (!file_hash_is(NULL, old, "3rd contents"))
        fail("memo-errors", "without a cache the hash is wrong");
    else
        ok("memo-errors");
    free(fifo);
    cache_close(c);
    char *memo = xasprintf("%s/statmemo", dir);
    size_t mn;
    char *m = read_whole_file(memo, &mn);
    if (!m || mn < 40)
        fail("memo-damaged", "no stat memo written");
    else {
        m[mn / 2] ^= 1;
        write_file(memo, m, mn);
        c = open_at(dir, "memo-damaged");
        if (c) {
            notes_begin();
            bool right = file_hash_is(c, old, "3rd contents");
            char *notes = notes_end();
            CacheStats s;
            cache_stats(c, &s);
            if (!right || s.memo_hits)
                fail("memo-damaged", "a damaged memo is trusted");
            else if (!strstr(notes, "damaged"))
                fail("memo-damaged", "no note: %s", notes);
            else
                ok("memo-damaged");
            free(notes);
        }
    }
    free(m);
    free(memo);
    free(old);
out:
    cache_close(c);
    free(src);
    free(dir);
}

// ---- opening, cleaning, hostile directories ----

static void test_open(void) {
    char *err = (char *)1;
    setenv("GOESCCACHE", "off", 1);
    Cache *c = cache_open(NULL, &err);
    if (c || err)
        fail("open-off", "GOESCCACHE=off opens a cache");
    else
        ok("open-off");
    cache_close(c);
    unsetenv("GOESCCACHE");

    // $XDG_CACHE_HOME, then $HOME; a very long $HOME is an error, not an overflow
    char *xdg = fresh("xdg");
    setenv("XDG_CACHE_HOME", xdg, 1);
    c = cache_open(NULL, &err);
    char *want = xasprintf("%s/goesc", xdg);
    if (!c || strcmp(cache_dir(c), want) != 0)
        fail("open-default", "XDG_CACHE_HOME: %s", c ? cache_dir(c) : err);
    else
        ok("open-default");
    cache_close(c);
    free(want);
    free(xdg);
    unsetenv("XDG_CACHE_HOME");
    char *home = xmalloc(20001);
    memset(home, 'h', 20000);
    home[0] = '/';
    home[20000] = 0;
    setenv("HOME", home, 1);
    err = NULL;
    c = cache_open(NULL, &err);
    if (c || !err || !strstr(err, "/.cache/goesc"))
        fail("open-long-home", "a 20000-byte $HOME: %s", c ? "opened" : err ? err : "no error");
    else
        ok("open-long-home");
    free(err);
    cache_close(c);
    free(home);
    unsetenv("HOME");
    err = NULL;
    c = cache_open(NULL, &err);
    if (c || !err)
        fail("open-no-home", "no $HOME: %s", c ? "opened" : "no error");
    else
        ok("open-no-home");
    free(err);
    cache_close(c);

    // a file where the directory should be; a symlink loop
    char *file = xasprintf("%s/afile", root);
    write_file(file, "x", 1);
    char *under = xasprintf("%s/sub", file);
    char *loop = xasprintf("%s/loop", root);
    symlink(loop, loop);
    bool bad = false;
    const char *dirs[] = {file, under, loop};
    for (int i = 0; i < 3; i++) {
        err = NULL;
        c = cache_open(dirs[i], &err);
        if (c || !err)
            bad = true;
        free(err);
        cache_close(c);
    }
    if (bad)
        fail("open-bad-dir", "a file or a symlink loop opens as a cache directory");
    else
        ok("open-bad-dir");
    free(file);
    free(under);
    free(loop);
}

static void test_hostile_entries(void) {
    char *dir = fresh("hostile");
    Cache *c = open_at(dir, "hostile");
    if (!c) {
        free(dir);
        return;
    }
    void *got;
    size_t n;
    // a directory where the entry should be: put and get fail, nothing hangs
    char *f = entry_file(dir, key_of("d"));
    char *sub = xasprintf("%.*s", (int)(strrchr(f, '/') - f), f);
    mkdir(sub, 0755);
    mkdir(f, 0755);
    bool d_put = cache_put(c, key_of("d"), "x", 1), d_get = cache_get(c, key_of("d"), &got, &n);
    free(got);
    // a symlink loop and a FIFO as entries
    char *fl = entry_file(dir, key_of("l"));
    char *subl = xasprintf("%.*s", (int)(strrchr(fl, '/') - fl), fl);
    mkdir(subl, 0755);
    symlink(fl, fl);
    bool l_get = cache_get(c, key_of("l"), &got, &n);
    free(got);
    bool l_gone = !exists(fl);
    char *ff = entry_file(dir, key_of("f"));
    char *subf = xasprintf("%.*s", (int)(strrchr(ff, '/') - ff), ff);
    mkdir(subf, 0755);
    mkfifo(ff, 0644);
    bool f_get = cache_get(c, key_of("f"), &got, &n);
    free(got);
    // a file where a subdirectory should be
    char *fs = entry_file(dir, key_of("s"));
    char *subs = xasprintf("%.*s", (int)(strrchr(fs, '/') - fs), fs);
    write_file(subs, "x", 1);
    bool s_put = cache_put(c, key_of("s"), "x", 1), s_get = cache_get(c, key_of("s"), &got, &n);
    free(got);
    if (d_put || d_get || l_get || f_get || s_put || s_get)
        fail("hostile", "a directory, symlink loop, FIFO or file-for-subdirectory is used as an entry");
    else if (!l_gone || exists(ff))
        fail("hostile", "a symlink or FIFO entry is not removed");
    else if (!cache_put(c, key_of("l"), "x", 1) || !cache_get(c, key_of("l"), &got, &n))
        fail("hostile", "the removed entry cannot be rebuilt");
    else
        ok("hostile");
    free(got);
    free(f), free(sub), free(fl), free(subl), free(ff), free(subf), free(fs), free(subs);

    // a full disk: writes fail cleanly (RLIMIT_FSIZE stands in for ENOSPC)
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        signal(SIGXFSZ, SIG_IGN);
        struct rlimit rl = {100, 100};
        setrlimit(RLIMIT_FSIZE, &rl);
        char big[1000] = {0};
        CacheStats st0;
        cache_stats(c, &st0);
        bool put = cache_put(c, key_of("big"), big, sizeof big);
        char *fb = entry_file(dir, key_of("big"));
        bool left = exists(fb);
        char *sb = xasprintf("%.*s", (int)(strrchr(fb, '/') - fb), fb);
        DIR *d = opendir(sb);
        int names = 0;
        for (struct dirent *de; d && (de = readdir(d));)
            names += de->d_name[0] != '.' || strncmp(de->d_name, ".tmp", 4) == 0;
        if (d)
            closedir(d);
        CacheStats st;
        cache_stats(c, &st);
        _exit(put || left || names || st.put_fails - st0.put_fails != 1 ? 1 : 0);
    }
    int status;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        fail("disk-full", "a failed write reports success or leaves a file (status %d)", status);
    else
        ok("disk-full");

    // read-only: as another user where we are root, else by mode
    char *ro = fresh("readonly");
    chmod(ro, 0755);
    Cache *w = open_at(ro, "readonly");
    if (w) {
        cache_put(w, key_of("r"), "kept", 4);
        cache_close(w);
    }
    fflush(NULL);
    pid = fork();
    if (pid == 0) {
        if (geteuid() == 0) {
            if (setgid(65534) != 0 || setuid(65534) != 0)
                _exit(2);
        } else
            chmod(ro, 0555);
        char *err = NULL;
        Cache *r = cache_open(ro, &err);
        if (!r)
            _exit(3);
        void *g;
        size_t gn;
        bool hit = cache_get(r, key_of("r"), &g, &gn) && gn == 4 && memcmp(g, "kept", 4) == 0;
        free(g);
        bool put = cache_put(r, key_of("q"), "x", 1);
        cache_close(r);
        _exit(!hit ? 4 : put ? 5 : 0);
    }
    waitpid(pid, &status, 0);
    chmod(ro, 0755);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        fail("readonly", "a read-only cache does not read, or writes (status %d)", WEXITSTATUS(status));
    else
        ok("readonly");
    free(ro);
    cache_close(c);
    free(dir);
}

static void test_clean(void) {
    char *dir = fresh("clean");
    Cache *c = open_at(dir, "clean");
    if (!c) {
        free(dir);
        return;
    }
    for (int i = 0; i < 20; i++) {
        char name[16];
        snprintf(name, sizeof name, "c%d", i);
        cache_put(c, key_of(name), name, strlen(name));
    }
    Hash h;
    cache_file_hash(c, dir, &h);
    char *src = xasprintf("%s/clean.go", root);
    write_file(src, "x", 1);
    cache_file_hash(c, src, &h);
    cache_close(c);
    char *mine = xasprintf("%s/not-the-cache's", dir);
    write_file(mine, "x", 1);
    char *err = NULL;
    bool cleaned = cache_clean(dir, &err);
    int left = 0;
    DIR *d = opendir(dir);
    for (struct dirent *de; d && (de = readdir(d));)
        left += de->d_name[0] != '.';
    if (d)
        closedir(d);
    if (!cleaned)
        fail("clean", "cache_clean: %s", err);
    else if (!exists(dir) || !exists(mine) || left != 1)
        fail("clean", "%d names left in the directory, want 1 (a file not the cache's)", left);
    else {
        char *gone = xasprintf("%s/gone", root);
        err = NULL;
        if (!cache_clean(gone, &err) || exists(gone))
            fail("clean", "cleaning a missing directory fails or creates it");
        else
            ok("clean");
        free(gone);
    }
    free(err);
    free(mine);
    free(src);
    free(dir);
}

int main(int argc, char **argv) {
    if (argc > 1)
        prefix = argv[1];
    snprintf(root, sizeof root, "/tmp/goesc-cache-test.XXXXXX");
    if (!mkdtemp(root)) {
        printf("FAIL %scache-test: mkdtemp: %s\n", prefix, strerror(errno));
        return 0;
    }
    chmod(root, 0755);
    notes_path = xasprintf("%s/notes", root);
    cache_debug = true;
    cache_set_version("goesc test");
    unsetenv("GOESCCACHESIZE");
    test_vectors();
    test_framing();
    test_roundtrip();
    test_corrupt();
    test_concurrent();
    test_trim();
    test_open();
    test_hostile_entries();
    test_clean();
    test_memo();
    free(notes_path);
    cache_set_version(NULL);
    char *rm = xasprintf("rm -rf '%s'", root);
    if (system(rm) != 0)
        printf("FAIL %scache-test: cannot remove %s\n", prefix, root);
    free(rm);
    return 0;
}
