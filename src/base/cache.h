// cache.h: the store under goesc's package cache (issue 12): SHA-256
// hashing as GOCACHE keys its entries, and an on-disk content-addressed
// cache of opaque payloads. What goes into an entry, and what its key
// covers, is the caller's business; this layer only promises that a get
// returns exactly the bytes some put wrote under that key with this
// goesc version, or nothing.
#ifndef GOESC_CACHE_H
#define GOESC_CACHE_H

#include <nettle/sha2.h>

#include "base.h"

// ---- hash.c: SHA-256 (nettle), as GOCACHE uses. A 64-bit hash such as
// FNV-1a would, among the many entries of a long-lived cache, eventually
// collide and silently serve another package's results. ----
typedef struct Hash {
    unsigned char b[32];
} Hash;
typedef struct Hasher {
    struct sha256_ctx ctx;
} Hasher;
void hash_init(Hasher *h);
void hash_bytes(Hasher *h, const void *p, size_t n);
// Length-prefixed, so that ("ab","c") and ("a","bc") differ; NULL is
// allowed and differs from "".
void hash_str(Hasher *h, const char *s);
void hash_u64(Hasher *h, uint64_t v);   // little-endian, 8 bytes
Hash hash_done(Hasher *h);              // h is reset for reuse
void hash_hex(Hash h, char out[65]);
bool hash_equal(Hash a, Hash b);

// ---- cache.c: the cache directory ----
typedef struct Cache Cache;

// Counters of one Cache's use since cache_open, for -x notes and benches.
typedef struct CacheStats {
    long gets, hits;        // cache_get calls, and those that returned an entry
    long bad;               // entries rejected (corrupt, truncated, foreign, stale)
    long puts, put_fails;
    long file_hashes;       // cache_file_hash calls
    long memo_hits;         // of those, answered by the stat memo without reading
} CacheStats;

// Debug notes go to stderr prefixed "goesc: cache: " when this is set:
// from GOESCDEBUG holding "cache" or "cache=1" (comma-separated, as
// GODEBUG), by cache_open and cache_clean, or by the caller (-x).
extern bool cache_debug;
// The goesc version stamped in every entry; an entry written by another
// version is stale. Copied. Set it before cache_put/cache_get.
void cache_set_version(const char *v);

// Opens the cache directory: dir if non-NULL, else $GOESCCACHE, else
// $XDG_CACHE_HOME/goesc, else $HOME/.cache/goesc, creating it (mode 0777
// & umask). "off" (as dir or $GOESCCACHE) disables it: NULL with *err =
// NULL. On a real failure returns NULL with *err malloc'd, and the caller
// runs uncached. A directory that exists but cannot be written is opened
// read-only: gets work, puts fail quietly (debug note).
Cache *cache_open(const char *dir, char **err);
// Trims (cache_trim), flushes the stat memo (atomically), frees c. NULL is
// allowed.
void cache_close(Cache *c);
const char *cache_dir(Cache *c);
void cache_stats(Cache *c, CacheStats *out);

// The entry for key. A missing entry returns false quietly; a corrupt,
// truncated, foreign or stale (other version) one returns false, is
// removed, and a debug note says why. On success *data is malloc'd (the
// caller frees; one NUL byte follows it), *n is its length, and the
// entry's mtime is bumped (at most once an hour, as GOCACHE does) for the
// LRU trim. Safe to call from several threads.
bool cache_get(Cache *c, Hash key, void **data, size_t *n);
// Writes the entry atomically: a temp file in the same directory renamed
// over the final name, so that a concurrent reader sees the old entry, the
// new one or none, never half of one. Returns false on I/O errors (debug
// note), never aborts. Safe to call from several threads.
bool cache_put(Cache *c, Hash key, const void *data, size_t n);
// LRU trim: when the entries' total size exceeds $GOESCCACHESIZE bytes
// (K, M, G suffixes allowed; default 1 GiB), removes the least recently
// used (by mtime) until under 75% of it. Runs at most once an hour per
// directory (trim.txt holds when it last ran, as GOCACHE's does).
void cache_trim(Cache *c);
// Empties the cache directory dir (NULL: where cache_open would look) of
// what goesc put there (entries, stat memo, trim.txt, README), leaving the
// directory itself and anything else in it. A missing directory or a
// disabled cache is nothing to do.
bool cache_clean(const char *dir, char **err);

// The SHA-256 of a file's contents. Memoised across runs by a stat memo in
// the cache directory (path, dev, inode, size, mtime ns, ctime ns ->
// hash), as git's index does: an entry whose file's mtime is within 2 s
// of when the entry was written is "racy" and the file is hashed again.
// c may be NULL (no memo). Returns false with errno set if the file cannot
// be read (EISDIR, ESPIPE: not a regular file, which is never read, so
// that a FIFO cannot block us).
bool cache_file_hash(Cache *c, const char *path, Hash *out);
// The hash of text, the contents of the file at path as id describes it
// (read_file_head's), from the stat memo when it knows the file so; else
// hashed and recorded (c NULL or id without identity: just hashed).
// Returns whether the memo answered.
bool cache_text_hash(Cache *c, const char *path, const FileId *id, const void *text, size_t n, Hash *out);

#endif
