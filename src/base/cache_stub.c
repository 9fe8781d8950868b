// TEMPORARY STUB
#include "cache.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
bool cache_debug;
struct Cache { char *dir; };
void hash_init(Hasher *h) { sha256_init(&h->ctx); }
void hash_bytes(Hasher *h, const void *p, size_t n) { sha256_update(&h->ctx, n, p); }
void hash_u64(Hasher *h, uint64_t v) { unsigned char b[8]; for (int i = 0; i < 8; i++) b[i] = (unsigned char)(v >> (8 * i)); hash_bytes(h, b, 8); }
void hash_str(Hasher *h, const char *s) { if (!s) { hash_u64(h, ~0ull); return; } hash_u64(h, strlen(s)); hash_bytes(h, s, strlen(s)); }
Hash hash_done(Hasher *h) { Hash r; sha256_digest(&h->ctx, 32, r.b); return r; }
void hash_hex(Hash h, char out[65]) { for (int i = 0; i < 32; i++) sprintf(out + 2 * i, "%02x", h.b[i]); }
bool hash_equal(Hash a, Hash b) { return memcmp(a.b, b.b, 32) == 0; }
bool cache_file_hash(Cache *c, const char *path, Hash *out) { (void)c; size_t n; char *t = read_whole_file(path, &n); if (!t) return false; Hasher h; hash_init(&h); hash_bytes(&h, t, n); *out = hash_done(&h); free(t); return true; }
Cache *cache_open(const char *dir, char **err) { *err = NULL; const char *d = dir ? dir : getenv("GOESCCACHE"); if (!d || strcmp(d, "off") == 0) return NULL; mkdir(d, 0777); Cache *c = xcalloc(1, sizeof *c); c->dir = xasprintf("%s", d); return c; }
void cache_close(Cache *c) { if (c) { free(c->dir); free(c); } }
bool cache_get(Cache *c, Hash key, void **data, size_t *n) { char hx[65]; hash_hex(key, hx); char *p = xasprintf("%s/%s", c->dir, hx); *data = read_whole_file(p, n); free(p); return *data != NULL; }
bool cache_put(Cache *c, Hash key, const void *data, size_t n) { char hx[65]; hash_hex(key, hx); char *p = xasprintf("%s/%s.tmp%d", c->dir, hx, getpid()); FILE *f = fopen(p, "wb"); if (!f) { free(p); return false; } fwrite(data, 1, n, f); fclose(f); char *q = xasprintf("%s/%s", c->dir, hx); rename(p, q); free(p); free(q); return true; }
void cache_set_version(const char *v) { (void)v; }
const char *cmd_cache_flag;
