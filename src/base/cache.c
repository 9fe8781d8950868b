// cache.c: the cache directory, laid out as GOCACHE's is: an entry for key
// K lives in DIR/KK/K-e, where KK is K's first byte in hex, so that no one
// directory grows huge. Beside the 256 subdirectories: statmemo (hash.c),
// trim.txt (when the LRU trim last ran) and a README.
//
// An entry file is
//
//   "GOESCENT"  u64 format  u64 len version  key[32]  u64 n  sum[32]  payload[n]
//
// (integers little-endian), where sum is the SHA-256 of everything before
// it and of the payload. The cache is shared by concurrent runs and by
// other goesc versions, and lives on disks that fill up and machines that
// crash, so nothing read from it is trusted until all of that checks out:
// a damaged entry is removed and reported as a miss, and the caller
// rebuilds it. Writers never change a file in place: they write a temp
// file and rename it over the entry, so a reader holding the old file
// keeps reading the old bytes.
//
// Failures never abort: each turns into a miss or a skipped write, with a
// note under GOESCDEBUG=cache or -x, since a run without its cache is only
// slower.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cache_int.h"

bool cache_debug;
static char *cache_version;
static unsigned long tmp_counter;   // atomic: temp names unique across threads

enum {
    ENTRY_FORMAT = 1,
    MTIME_INTERVAL_S = 3600,        // GOCACHE's: an entry's mtime is bumped at most this often
    TRIM_INTERVAL_S = 3600,         // the trim runs at most this often
    TMP_STALE_S = 3600,             // a temp file this old was left by a crashed run
};
static const char entry_magic[8] = "GOESCENT";
static const uint64_t default_limit = 1ull << 30;

void cache_note(const char *fmt, ...) {
    if (!cache_debug)
        return;
    va_list ap;
    va_start(ap, fmt);
    char *msg = xvasprintf(fmt, ap);
    va_end(ap);
    fprintf(stderr, "goesc: cache: %s\n", msg);
    free(msg);
}

int64_t cache_now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

void cache_set_version(const char *v) {
    free(cache_version);
    cache_version = xstrdup(v ? v : "");
}

static const char *version(void) {
    return cache_version ? cache_version : "";
}

// GOESCDEBUG=cache turns the notes on. -x may have set them already, and
// the variable does not turn them off again.
static void debug_from_env(void) {
    if (diag_debug("cache"))
        cache_debug = true;
}

// The directory the cache lives in, malloc'd; NULL with *err NULL when
// it is off.
static char *resolve_dir(const char *dir, char **err) {
    *err = NULL;
    const char *env = getenv("GOESCCACHE");
    if (!dir && env && *env)
        dir = env;
    if (dir)
        return strcmp(dir, "off") == 0 ? NULL : xstrdup(dir);
    const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    if (xdg && *xdg)
        return xasprintf("%s/goesc", xdg);
    if (home && *home)
        return xasprintf("%s/.cache/goesc", home);
    *err = xasprintf("cache directory unknown: GOESCCACHE is not defined and neither $XDG_CACHE_HOME nor $HOME are defined");
    return NULL;
}

// mkdir -p, each level 0777 & umask.
static bool mkdir_all(const char *dir) {
    char *p = xstrdup(dir);
    bool ok = true;
    for (char *s = p + 1;; s++) {
        if (*s != '/' && *s)
            continue;
        char c = *s;
        *s = 0;
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            ok = false;
            break;
        }
        *s = c;
        if (!c)
            break;
    }
    int e = errno;
    free(p);
    errno = e;
    return ok;
}

static const char readme[] =
    "This directory holds cached package analyses of goesc, the Go escape analyser.\n"
    "Run 'goesc clean -cache' to empty it; GOESCCACHE=off runs goesc without it.\n";

Cache *cache_open(const char *dir, char **err) {
    debug_from_env();
    char *d = resolve_dir(dir, err);
    if (!d)
        return NULL;
    struct stat st;
    // the common case, an existing cache, costs one stat
    bool there = stat(d, &st) == 0;
    if (!there && (!mkdir_all(d) || stat(d, &st) != 0)) {
        *err = xasprintf("cache directory %s: %s", d, strerror(errno));
        free(d);
        return NULL;
    }
    if (!S_ISDIR(st.st_mode) || access(d, R_OK | X_OK) != 0) {
        *err = xasprintf("cache directory %s: %s", d, S_ISDIR(st.st_mode) ? strerror(errno) : "not a directory");
        free(d);
        return NULL;
    }
    Cache *c = xcalloc(1, sizeof *c);
    c->dir = d;
    pthread_mutex_init(&c->mu, NULL);
    if (access(d, W_OK) != 0) {
        c->readonly = true;
        cache_note("%s is not writable (%s): reading only", d, strerror(errno));
        return c;
    }
    char *rp = xasprintf("%s/README", d);
    if (access(rp, F_OK) != 0) {
        struct iovec iov = {(void *)readme, sizeof readme - 1};
        if (!cache_write_atomic(rp, &iov, 1))
            cache_note("%s: %s", rp, strerror(errno));
    }
    free(rp);
    return c;
}

const char *cache_dir(Cache *c) {
    return c ? c->dir : NULL;
}

void cache_stats(Cache *c, CacheStats *out) {
    memset(out, 0, sizeof *out);
    if (!c)
        return;
    pthread_mutex_lock(&c->mu);
    *out = c->stats;
    pthread_mutex_unlock(&c->mu);
}

void cache_close(Cache *c) {
    if (!c)
        return;
    cache_trim(c);
    if (!c->readonly)
        memo_flush(c->memo, c->dir);
    memo_free(c->memo);
    pthread_mutex_destroy(&c->mu);
    free(c->dir);
    free(c);
}

static bool write_all(int fd, const struct iovec *iov, int niov) {
    for (int i = 0; i < niov; i++) {
        const char *p = iov[i].iov_base;
        size_t n = iov[i].iov_len;
        while (n) {
            ssize_t w = write(fd, p, n);
            if (w < 0 && errno == EINTR)
                continue;
            if (w < 0)
                return false;
            p += w;
            n -= (size_t)w;
        }
    }
    return true;
}

bool cache_write_atomic(const char *path, const struct iovec *iov, int niov) {
    const char *slash = strrchr(path, '/');
    int dn = slash ? (int)(slash - path) : 0;
    unsigned long k = __atomic_fetch_add(&tmp_counter, 1, __ATOMIC_RELAXED);
    // the temp name holds no "-e": the trim never takes it for an entry
    char *tmp = xasprintf("%.*s%s.tmp-%ld-%lu", dn, path, slash ? "/" : "", (long)getpid(), k);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
    if (fd < 0) {
        int e = errno;
        free(tmp);
        errno = e;
        return false;
    }
    bool ok = write_all(fd, iov, niov);
    int e = errno;
    // close reports what a full or remote disk delayed
    if (close(fd) != 0 && ok) {
        ok = false;
        e = errno;
    }
    if (ok && rename(tmp, path) != 0) {
        ok = false;
        e = errno;
    }
    if (!ok)
        unlink(tmp);
    free(tmp);
    errno = e;
    return ok;
}

static char *entry_path(Cache *c, Hash key) {
    char hex[65];
    hash_hex(key, hex);
    return xasprintf("%s/%.2s/%s-e", c->dir, hex, hex);
}

// The header of an entry, up to and excluding its sum.
static void entry_header(Buf *b, Hash key, size_t n) {
    const char *v = version();
    size_t vn = strlen(v);
    uint64_t nums[] = {ENTRY_FORMAT, vn};
    buf_put(b, entry_magic, sizeof entry_magic);
    for (int i = 0; i < 2; i++)
        for (int k = 0; k < 8; k++)
            buf_putc(b, (char)(nums[i] >> (8 * k)));
    buf_put(b, v, vn);
    buf_put(b, (const char *)key.b, 32);
    for (int k = 0; k < 8; k++)
        buf_putc(b, (char)((uint64_t)n >> (8 * k)));
}

static Hash entry_sum(const void *head, size_t nhead, const void *data, size_t n) {
    Hasher h;
    hash_init(&h);
    hash_bytes(&h, head, nhead);
    hash_bytes(&h, data, n);
    return hash_done(&h);
}

bool cache_put(Cache *c, Hash key, const void *data, size_t n) {
    if (!c)
        return false;
    char *path = entry_path(c, key);
    bool ok = false;
    if (c->readonly) {
        cache_note("put %s: the cache is read-only", path);
        goto out;
    }
    Buf head = {0};
    entry_header(&head, key, n);
    Hash sum = entry_sum(head.data, head.len, data, n);
    struct iovec iov[] = {{head.data, head.len}, {sum.b, 32}, {(void *)data, n}};
    ok = cache_write_atomic(path, iov, 3);
    if (!ok && errno == ENOENT) {
        // the first entry of its subdirectory: make it
        char *sub = xasprintf("%.*s", (int)(strrchr(path, '/') - path), path);
        if (mkdir(sub, 0777) == 0 || errno == EEXIST)
            ok = cache_write_atomic(path, iov, 3);
        free(sub);
    }
    if (!ok)
        cache_note("put %s: %s", path, strerror(errno));
    buf_free(&head);
out:
    pthread_mutex_lock(&c->mu);
    c->stats.puts++;
    c->stats.put_fails += !ok;
    pthread_mutex_unlock(&c->mu);
    free(path);
    return ok;
}

static uint64_t get_u64(const unsigned char *p) {
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v |= (uint64_t)p[i] << (8 * i);
    return v;
}

// Why the entry text b[0..size) cannot be used, or NULL; on success the
// payload starts at *off and is *n long.
static const char *entry_check(const unsigned char *b, size_t size, Hash key, size_t *off, size_t *n) {
    const char *v = version();
    size_t vn = strlen(v);
    size_t fixed = sizeof entry_magic + 16;
    if (size < sizeof entry_magic || memcmp(b, entry_magic, sizeof entry_magic) != 0)
        return "foreign (not a goesc cache entry)";
    if (size < fixed)
        return "truncated (in its header)";
    if (get_u64(b + 8) != ENTRY_FORMAT)
        return "stale (another entry format)";
    uint64_t en = get_u64(b + 16);
    if (en > size - fixed)
        return "truncated (in its header)";
    if (en != vn || memcmp(b + fixed, v, vn) != 0)
        return "stale (written by another goesc version)";
    size_t head = fixed + vn + 32 + 8;
    if (size < head + 32)
        return "truncated (in its header)";
    if (memcmp(b + fixed + vn, key.b, 32) != 0)
        return "foreign (the key it holds differs from its name)";
    uint64_t pn = get_u64(b + fixed + vn + 32);
    if (pn > size - head - 32)
        return "truncated (payload shorter than its header says)";
    if (pn < size - head - 32)
        return "corrupt (bytes after the payload)";
    Hash sum = entry_sum(b, head, b + head + 32, pn);
    if (memcmp(sum.b, b + head, 32) != 0)
        return "corrupt (checksum mismatch)";
    *off = head + 32;
    *n = pn;
    return NULL;
}

// Removes a rejected entry, unless a writer has renamed a new one over it
// since we opened it (same inode: still ours).
static void remove_entry(const char *path, const struct stat *was) {
    struct stat now;
    if (lstat(path, &now) == 0 && (!was || (now.st_ino == was->st_ino && now.st_dev == was->st_dev)) &&
        !S_ISDIR(now.st_mode) && unlink(path) != 0)
        cache_note("remove %s: %s", path, strerror(errno));
}

static bool read_fd(int fd, unsigned char *p, size_t n) {
    while (n) {
        ssize_t r = read(fd, p, n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            if (r == 0)
                errno = EIO;    // shrank under us
            return false;
        }
        p += r;
        n -= (size_t)r;
    }
    return true;
}

bool cache_get(Cache *c, Hash key, void **data, size_t *n) {
    *data = NULL;
    *n = 0;
    if (!c)
        return false;
    char *path = entry_path(c, key);
    bool hit = false, bad = false;
    // no symlinks (an entry is never one), and a FIFO must not block us
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ELOOP) {
            cache_note("get %s: a symbolic link, removed", path);
            remove_entry(path, NULL);
            bad = true;
        } else if (errno != ENOENT)
            cache_note("get %s: %s", path, strerror(errno));
        goto out;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        cache_note("get %s: %s", path, strerror(errno));
        goto out;
    }
    if (!S_ISREG(st.st_mode)) {
        cache_note("get %s: not a regular file%s", path, S_ISDIR(st.st_mode) ? " (a directory, left)" : ", removed");
        remove_entry(path, &st);
        bad = true;
        goto out;
    }
    size_t size = (size_t)st.st_size;
    unsigned char *b = (uint64_t)st.st_size < SIZE_MAX ? malloc(size + 1) : NULL;
    if (!b) {
        cache_note("get %s: cannot hold %lld bytes", path, (long long)st.st_size);
        goto out;
    }
    if (!read_fd(fd, b, size)) {
        cache_note("get %s: %s", path, strerror(errno));
        free(b);
        goto out;
    }
    size_t off = 0, pn = 0;
    const char *why = entry_check(b, size, key, &off, &pn);
    if (why) {
        cache_note("get %s: %s, removed", path, why);
        free(b);
        remove_entry(path, &st);
        bad = true;
        goto out;
    }
    memmove(b, b + off, pn);
    b[pn] = 0;
    *data = b;
    *n = pn;
    hit = true;
    // GOCACHE's LRU clock, without a write on every hit
    if (!c->readonly && time(NULL) - st.st_mtim.tv_sec > MTIME_INTERVAL_S && futimens(fd, NULL) != 0)
        cache_note("touch %s: %s", path, strerror(errno));
out:
    if (fd >= 0)
        close(fd);
    free(path);
    pthread_mutex_lock(&c->mu);
    c->stats.gets++;
    c->stats.hits += hit;
    c->stats.bad += bad;
    pthread_mutex_unlock(&c->mu);
    return hit;
}

// ---- trim and clean ----

typedef struct TrimEnt {
    int sub;                // subdirectory 0..255
    char name[72];          // 64 hex digits and "-e"
    uint64_t size;
    int64_t mtime;          // ns
} TrimEnt;
typedef VEC(TrimEnt) TrimVec;

static int trim_cmp(const void *a, const void *b) {
    const TrimEnt *x = a, *y = b;
    if (x->mtime != y->mtime)
        return x->mtime < y->mtime ? -1 : 1;
    return strcmp(x->name, y->name);
}

static bool is_entry_name(const char *s) {
    size_t n = strlen(s);
    if (n != 66 || strcmp(s + 64, "-e") != 0)
        return false;
    return strspn(s, "0123456789abcdef") == 64;
}

// $GOESCCACHESIZE: bytes, with an optional K, M or G (binary) suffix.
static uint64_t size_limit(void) {
    const char *v = getenv("GOESCCACHESIZE");
    if (!v || !*v)
        return default_limit;
    char *end;
    errno = 0;
    unsigned long long x = strtoull(v, &end, 10);
    int shift = 0;
    if (*end == 'K' || *end == 'k')
        shift = 10, end++;
    else if (*end == 'M' || *end == 'm')
        shift = 20, end++;
    else if (*end == 'G' || *end == 'g')
        shift = 30, end++;
    if (errno || *end || end == v || v[0] == '-' || x > (UINT64_MAX >> shift)) {
        cache_note("GOESCCACHESIZE=%s is not a size in bytes; using 1 GiB", v);
        return default_limit;
    }
    return (uint64_t)x << shift;
}

// Opens dir/name as a directory without following a symlink, so that
// neither a loop nor a link out of the cache is walked.
static DIR *open_subdir(int at, const char *name) {
    int fd = openat(at, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    DIR *d = fdopendir(fd);
    if (!d)
        close(fd);
    return d;
}

// The entries of c's 256 subdirectories; old temp files are removed on
// the way.
static void trim_collect(Cache *c, int top, TrimVec *out, uint64_t *total) {
    int64_t now = cache_now_ns();
    for (int i = 0; i < 256; i++) {
        char sub[3];
        snprintf(sub, sizeof sub, "%02x", i);
        DIR *d = open_subdir(top, sub);
        if (!d) {
            if (errno != ENOENT)
                cache_note("trim %s/%s: %s", c->dir, sub, strerror(errno));
            continue;
        }
        struct dirent *de;
        while ((de = readdir(d))) {
            bool entry = is_entry_name(de->d_name), tmp = strncmp(de->d_name, ".tmp-", 5) == 0;
            struct stat st;
            if ((!entry && !tmp) || fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
                !S_ISREG(st.st_mode))
                continue;
            int64_t mt = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
            if (tmp) {
                if (now - mt > (int64_t)TMP_STALE_S * 1000000000)
                    unlinkat(dirfd(d), de->d_name, 0);
                continue;
            }
            TrimEnt e = {.sub = i, .size = (uint64_t)st.st_size, .mtime = mt};
            memcpy(e.name, de->d_name, 67);
            vec_push(out, e);
            *total += e.size;
        }
        closedir(d);
    }
}

void cache_trim(Cache *c) {
    if (!c || c->readonly)
        return;
    char *tp = xasprintf("%s/trim.txt", c->dir);
    time_t now = time(NULL);
    size_t n;
    char *t = read_whole_file(tp, &n);
    if (t) {
        long long last = strtoll(t, NULL, 10);
        free(t);
        // a clock set back makes the file look from the future: trim then
        if (last <= now && now - last < TRIM_INTERVAL_S) {
            free(tp);
            return;
        }
    }
    int top = open(c->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (top < 0) {
        cache_note("trim %s: %s", c->dir, strerror(errno));
        free(tp);
        return;
    }
    TrimVec ents = {0};
    uint64_t total = 0, limit = size_limit();
    trim_collect(c, top, &ents, &total);
    if (total > limit) {
        qsort(ents.data, (size_t)ents.len, sizeof *ents.data, trim_cmp);
        uint64_t want = limit / 4 * 3;
        int removed = 0;
        for (int i = 0; i < ents.len && total > want; i++) {
            char *p = xasprintf("%02x/%s", ents.data[i].sub, ents.data[i].name);
            if (unlinkat(top, p, 0) == 0 || errno == ENOENT) {
                total -= ents.data[i].size;
                removed++;
            } else
                cache_note("trim %s/%s: %s", c->dir, p, strerror(errno));
            free(p);
        }
        cache_note("trim: removed %d least recently used entries, %llu bytes left (limit %llu)", removed,
                   (unsigned long long)total, (unsigned long long)limit);
    }
    close(top);
    vec_free(&ents);
    char stamp[32];
    int sn = snprintf(stamp, sizeof stamp, "%lld\n", (long long)now);
    struct iovec iov = {stamp, (size_t)sn};
    if (!cache_write_atomic(tp, &iov, 1))
        cache_note("%s: %s", tp, strerror(errno));
    free(tp);
}

// Removes at/name and, without following symlinks, all below it; depth
// bounds what a hostile tree can make us do. The first failure goes to
// *err.
static void remove_all(int at, const char *name, const char *shown, int depth, char **err) {
    if (unlinkat(at, name, 0) == 0 || errno == ENOENT)
        return;
    int why = errno;
    if (errno == EISDIR || errno == EPERM) {
        DIR *d = depth < 32 ? open_subdir(at, name) : NULL;
        if (d) {
            struct dirent *de;
            while ((de = readdir(d)))
                if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0) {
                    char *s = xasprintf("%s/%s", shown, de->d_name);
                    remove_all(dirfd(d), de->d_name, s, depth + 1, err);
                    free(s);
                }
            closedir(d);
        }
        if (unlinkat(at, name, AT_REMOVEDIR) == 0 || errno == ENOENT)
            return;
        // not a directory after all: the first error is the one to tell
        if (errno != ENOTDIR)
            why = errno;
    }
    errno = why;
    if (!*err)
        *err = xasprintf("remove %s: %s", shown, strerror(errno));
}

bool cache_clean(const char *dir, char **err) {
    debug_from_env();
    char *d = resolve_dir(dir, err);
    if (!d)
        return *err == NULL;
    int top = open(d, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (top < 0) {
        bool missing = errno == ENOENT;
        if (!missing)
            *err = xasprintf("cache directory %s: %s", d, strerror(errno));
        free(d);
        return missing;
    }
    // only names the cache makes: GOESCCACHE may point at a directory
    // that holds other things too
    static const char *const files[] = {"statmemo", "trim.txt", "README"};
    for (int i = 0; i < 256 + 3; i++) {
        char sub[3];
        snprintf(sub, sizeof sub, "%02x", i & 255);
        const char *name = i < 256 ? sub : files[i - 256];
        char *shown = xasprintf("%s/%s", d, name);
        struct stat st;
        if (fstatat(top, name, &st, AT_SYMLINK_NOFOLLOW) == 0) {
            cache_note("rm -r %s", shown);
            remove_all(top, name, shown, 0, err);
        }
        free(shown);
    }
    DIR *dd = fdopendir(top);
    if (dd) {
        // temp files of the top level (stat memo, trim.txt) left by a crash
        struct dirent *de;
        while ((de = readdir(dd)))
            if (strncmp(de->d_name, ".tmp-", 5) == 0)
                unlinkat(dirfd(dd), de->d_name, 0);
        closedir(dd);
    } else
        close(top);
    free(d);
    return *err == NULL;
}
