// TEMPORARY STUB (lead's local testing; replaced by the cache-store branch)
#ifndef GOESC_CACHE_H
#define GOESC_CACHE_H
#include "base.h"
#include <nettle/sha2.h>
typedef struct Hash { unsigned char b[32]; } Hash;
typedef struct Hasher { struct sha256_ctx ctx; } Hasher;
void hash_init(Hasher *h);
void hash_bytes(Hasher *h, const void *p, size_t n);
void hash_str(Hasher *h, const char *s);
void hash_u64(Hasher *h, uint64_t v);
Hash hash_done(Hasher *h);
void hash_hex(Hash h, char out[65]);
bool hash_equal(Hash a, Hash b);
typedef struct Cache Cache;
bool cache_file_hash(Cache *c, const char *path, Hash *out);
Cache *cache_open(const char *dir, char **err);
void cache_close(Cache *c);
bool cache_get(Cache *c, Hash key, void **data, size_t *n);
bool cache_put(Cache *c, Hash key, const void *data, size_t n);
extern bool cache_debug;
void cache_set_version(const char *v);
#endif
