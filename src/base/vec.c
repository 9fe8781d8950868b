// vec.c: growth for VEC(T) vectors and the Buf byte buffer.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base.h"

void vec_grow_(void **data, int *cap, size_t elem, int need) {
    int n = *cap ? *cap : 8;
    while (n < need) {
        if (n > (1 << 29))
            fatal("vector too large");
        n *= 2;
    }
    *data = xrealloc(*data, (size_t)n * elem);
    *cap = n;
}

static void buf_reserve(Buf *b, size_t extra) {
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t n = b->cap ? b->cap : 64;
    while (n < b->len + extra + 1)
        n *= 2;
    b->data = xrealloc(b->data, n);
    b->cap = n;
}

void buf_putc(Buf *b, char c) {
    buf_reserve(b, 1);
    b->data[b->len++] = c;
}

void buf_put(Buf *b, const char *s, size_t n) {
    buf_reserve(b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
}

void buf_puts(Buf *b, const char *s) { buf_put(b, s, strlen(s)); }

void buf_printf(Buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        fatal("bad format");
    buf_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

const char *buf_cstr(Buf *b) {
    buf_reserve(b, 0);
    b->data[b->len] = 0;
    return b->data;
}

void buf_free(Buf *b) {
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

char *read_whole_file(const char *path, size_t *n) {
    // Opened without blocking, and read only if it is a regular file: a
    // FIFO named x.go must not hang us (errno ESPIPE says why).
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        errno = e;
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        errno = S_ISDIR(st.st_mode) ? EISDIR : ESPIPE;
        return NULL;
    }
    // One buffer of the size fstat gives, read with plain read(2): stdio's
    // buffering and a growing copy cost more than the read itself when a
    // run reads a thousand files. The size fstat gave is read, without a
    // last read to see the end; a file that says it is empty (as /proc's
    // do) is read to its end.
    size_t cap = (size_t)st.st_size + 1, len = 0;
    char *data = xmalloc(cap + 1);
    for (;;) {
        if (st.st_size > 0 && len == (size_t)st.st_size)
            break;
        if (len == cap) {
            cap *= 2;
            data = xrealloc(data, cap + 1);
        }
        ssize_t k = read(fd, data + len, cap - len);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0) {
            int e = errno;
            free(data);
            close(fd);
            errno = e;
            return NULL;
        }
        if (k == 0)
            break;
        len += (size_t)k;
    }
    close(fd);
    data[len] = 0;
    *n = len;
    return data;
}

static int64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

static int64_t ts_ns(struct timespec t) { return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec; }

FileId file_id_of(const struct stat *st, int64_t taken) {
    return (FileId){(uint64_t)st->st_dev, (uint64_t)st->st_ino, (uint64_t)st->st_size,
                    ts_ns(st->st_mtim), ts_ns(st->st_ctim), taken};
}

// Reads into h->text from h->n until want bytes, or the end when want is 0.
static bool read_into(FileHead *h, size_t want, size_t cap) {
    for (;;) {
        if (want && h->n == want)
            return true;
        if (h->n == cap) {
            cap *= 2;
            h->text = xrealloc(h->text, cap + 1);
        }
        ssize_t k = read(h->fd, h->text + h->n, (want ? want : cap) - h->n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0)
            return false;
        if (k == 0)
            return true;
        h->n += (size_t)k;
    }
}

bool read_file_head(const char *path, size_t max, FileHead *h) {
    memset(h, 0, sizeof *h);
    h->fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (h->fd < 0)
        return false;
    struct stat st;
    int e = fstat(h->fd, &st) != 0 ? errno : S_ISREG(st.st_mode) ? 0 : S_ISDIR(st.st_mode) ? EISDIR : ESPIPE;
    if (e) {
        close(h->fd);
        h->fd = -1;
        errno = e;
        return false;
    }
    h->id = file_id_of(&st, now_ns());
    // A file that says it is empty (as /proc's do) is read to its end.
    size_t size = (size_t)st.st_size;
    h->whole = size == 0 || size <= max;
    size_t want = h->whole ? size : max;
    h->text = xmalloc(want + 1);
    if (!read_into(h, want, want ? want : 4096)) {
        int e = errno;
        file_head_close(h);
        errno = e;
        return false;
    }
    h->text[h->n] = 0;
    if (h->whole) {
        close(h->fd);
        h->fd = -1;
    }
    return true;
}

bool read_file_rest(FileHead *h) {
    if (h->whole)
        return true;
    size_t size = (size_t)h->id.size;
    h->text = xrealloc(h->text, size + 1);
    bool ok = read_into(h, size, size);
    int e = errno;
    close(h->fd);
    h->fd = -1;
    h->whole = ok;
    if (ok)
        h->text[h->n] = 0;
    errno = e;
    return ok;
}

void file_head_close(FileHead *h) {
    free(h->text);
    h->text = NULL;
    if (h->fd >= 0)
        close(h->fd);
    h->fd = -1;
}

const char *go_errno_text(int err) {
    static char buf[128];
    snprintf(buf, sizeof buf, "%s", strerror(err));
    if (buf[0] >= 'A' && buf[0] <= 'Z' && !(buf[1] >= 'A' && buf[1] <= 'Z'))
        buf[0] = (char)(buf[0] - 'A' + 'a');
    return buf;
}
