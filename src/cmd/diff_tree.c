// diff_tree.c: what goesc diff does outside its own process: running git
// and the child goesc runs, exporting a revision into a temporary
// directory and removing it again, and leaving nothing behind when it is
// interrupted. Every process started costs diff a few milliseconds, so
// git archive's tar stream is unpacked here as it comes (no tar process,
// no archive file) and the directory is removed here (no rm).
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "diff.h"

// ---- interruption ----

// The signal that interrupted diff (0: none). The handler only notes it:
// waits and reads then return EINTR (no SA_RESTART), the children are
// stopped, the temporary directory removed, and diff dies of the signal.
static volatile sig_atomic_t caught;
static const int signals[] = {SIGINT, SIGTERM, SIGHUP};
static struct sigaction saved[3];

static void on_signal(int sig) {
    caught = sig;
}

void diff_catch_signals(void) {
    struct sigaction sa = {.sa_handler = on_signal};
    sigemptyset(&sa.sa_mask);
    for (int i = 0; i < 3; i++) {
        sigaction(signals[i], NULL, &saved[i]);
        // one ignored (nohup, a background job) stays ignored
        if (saved[i].sa_handler != SIG_IGN)
            sigaction(signals[i], &sa, NULL);
    }
}

bool diff_interrupted(void) {
    return caught != 0;
}

void diff_release_signals(void) {
    for (int i = 0; i < 3; i++)
        sigaction(signals[i], &saved[i], NULL);
    if (caught)
        raise(caught);
}

// ---- processes ----

int diff_spawn(char *const argv[], const char *dir, const char *out_path, const char *err_path, int *out_fd,
               int peer) {
    int pfd[2] = {-1, -1};
    if (out_fd && pipe(pfd) != 0)
        return -1;
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        if (out_fd)
            close(pfd[0]), close(pfd[1]);
        return -1;
    }
    if (pid == 0) {
        if (dir && chdir(dir) != 0)
            _exit(127);
        if (out_fd) {
            dup2(pfd[1], 1);
            close(pfd[0]);
            close(pfd[1]);
        } else if (out_path) {
            int fd = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
            if (fd < 0)
                _exit(127);
            dup2(fd, 1);
            close(fd);
        }
        if (err_path) {
            int fd = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
            if (fd < 0)
                _exit(127);
            dup2(fd, 2);
            close(fd);
        }
        // as descriptor 3, and kept open over exec
        if (peer >= 0 && (peer == 3 ? fcntl(3, F_SETFD, 0) : dup2(peer, 3)) < 0)
            _exit(127);
        execvp(argv[0], argv);
        _exit(127);
    }
    if (out_fd) {
        close(pfd[1]);
        *out_fd = pfd[0];
    }
    return pid;
}

// An exit status; a child that died of SIGINT means that the user
// interrupted diff too, as a shell takes it, should the terminal's signal
// reach diff after the child's end.
static int status_of(int st) {
    if (WIFSIGNALED(st) && WTERMSIG(st) == SIGINT && !caught)
        caught = SIGINT;
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

int diff_wait(int pid) {
    int st;
    if (pid <= 0)
        return -1;
    for (;;) {
        if (caught)
            kill(pid, SIGTERM);
        if (waitpid(pid, &st, 0) >= 0)
            break;
        if (errno != EINTR)
            return -1;
    }
    return status_of(st);
}

int diff_wait_any(int *pids, int n, int *rc) {
    for (;;) {
        int left = 0;
        for (int k = 0; k < n; k++)
            if (pids[k] > 0) {
                left++;
                if (caught)
                    kill(pids[k], SIGTERM);
            }
        if (!left)
            return -1;
        int st;
        pid_t p = waitpid(-1, &st, 0);
        if (p < 0 && errno == EINTR)
            continue;
        for (int k = 0; k < n; k++)
            if (pids[k] > 0 && (pids[k] == p || p < 0)) {
                // p < 0: no child left to wait for, which cannot be
                pids[k] = 0;
                *rc = p > 0 ? status_of(st) : -1;
                return k;
            }
    }
}

// read(2) of up to n bytes; -1 on an error or once interrupted.
static ssize_t read_some(int fd, void *b, size_t n) {
    for (;;) {
        ssize_t k = caught ? -1 : read(fd, b, n);
        if (k >= 0 || caught || errno != EINTR)
            return k;
    }
}

int diff_finish_output(int pid, int fd, Buf *out) {
    char b[16384];
    ssize_t n;
    while ((n = read_some(fd, b, sizeof b)) > 0)
        buf_put(out, b, (size_t)n);
    close(fd);
    return diff_wait(pid);
}

char *diff_git(char *const argv[]) {
    int fd;
    int pid = diff_spawn(argv, NULL, NULL, "/dev/null", &fd, -1);
    if (pid < 0)
        return NULL;
    Buf b = {0};
    if (diff_finish_output(pid, fd, &b) != 0) {
        buf_free(&b);
        return NULL;
    }
    char *s = xstrdup(buf_cstr(&b));
    buf_free(&b);
    size_t n = strlen(s);
    if (n && s[n - 1] == '\n')
        s[n - 1] = 0;
    return s;
}

// ---- trading keys with the children ----

static int str_cmp(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

// A child's lines, up to an empty one or its end; sorted.
static int read_keys(int fd, Buf *b, char ***lines) {
    char c[4096];
    ssize_t n;
    while (!(b->len && b->data[b->len - 1] == '\n' && (b->len == 1 || b->data[b->len - 2] == '\n')) &&
           (n = read_some(fd, c, sizeof c)) > 0)
        buf_put(b, c, (size_t)n);
    buf_cstr(b);
    VEC(char *) v = {0};
    for (char *l = b->data, *nl; l && (nl = strchr(l, '\n')) && nl > l; l = nl + 1) {
        *nl = 0;
        vec_push(&v, l);
    }
    if (v.len > 1)
        qsort(v.data, (size_t)v.len, sizeof *v.data, str_cmp);
    *lines = v.data;
    return v.len;
}

void diff_trade_keys(const int fds[2]) {
    Buf b[2] = {0};
    char **l[2] = {NULL, NULL};
    int n[2];
    for (int k = 0; k < 2; k++)
        n[k] = fds[k] >= 0 ? read_keys(fds[k], &b[k], &l[k]) : 0;
    // what both have, in a merge of the sorted lines
    Buf both = {0};
    for (int i = 0, j = 0; i < n[0] && j < n[1];) {
        int c = strcmp(l[0][i], l[1][j]);
        if (c == 0)
            buf_printf(&both, "%s\n", l[0][i]);
        i += c <= 0, j += c >= 0;
    }
    for (int k = 0; k < 2; k++) {
        for (size_t off = 0; fds[k] >= 0 && off < both.len;) {
            ssize_t w = send(fds[k], both.data + off, both.len - off, MSG_NOSIGNAL);
            if (w <= 0 && !(w < 0 && errno == EINTR && !caught))
                break;
            off += w > 0 ? (size_t)w : 0;
        }
        if (fds[k] >= 0)
            close(fds[k]);
        free(l[k]);
        buf_free(&b[k]);
    }
    buf_free(&both);
}

// ---- exporting a revision: git archive's ustar/pax stream ----

typedef struct Untar {
    int fd;
    const char *dir;
    char *pax_path, *pax_link;  // the next member's, from a pax 'x' header
    long long pax_size;         // -1: none
} Untar;

// Reads exactly n bytes (n == 0 is fine); false at the end or on an error.
static bool read_full(Untar *u, void *b, size_t n) {
    for (size_t got = 0; got < n;) {
        ssize_t k = read_some(u->fd, (char *)b + got, n - got);
        if (k <= 0)
            return false;
        got += (size_t)k;
    }
    return true;
}

static long long octal(const unsigned char *f, int n) {
    long long v = 0;
    int i = 0;
    while (i < n && f[i] == ' ')
        i++;
    for (; i < n && f[i] >= '0' && f[i] <= '7'; i++)
        v = v * 8 + (f[i] - '0');
    return v;
}

// A member's data, padded to whole blocks; NULL on a short read.
static char *read_data(Untar *u, long long size) {
    if (size < 0 || size > (1ll << 30))
        return NULL;
    size_t padded = ((size_t)size + 511) & ~(size_t)511;
    char *d = xmalloc(padded + 1);
    if (!read_full(u, d, padded)) {
        free(d);
        return NULL;
    }
    d[size] = 0;
    return d;
}

// "LEN key=value\n" records: path, linkpath and size are the ones that
// git archive writes (for long names, long link targets, huge files).
static bool pax_header(Untar *u, const char *d, long long size) {
    for (long long i = 0; i < size;) {
        char *end;
        long len = strtol(d + i, &end, 10);
        const char *kv = *end == ' ' ? end + 1 : NULL;
        if (len <= 0 || i + len > size || !kv || d[i + len - 1] != '\n')
            return false;
        const char *eq = memchr(kv, '=', (size_t)(d + i + len - 1 - kv));
        if (!eq)
            return false;
        size_t klen = (size_t)(eq - kv), vlen = (size_t)(d + i + len - 1 - (eq + 1));
        char *v = xasprintf("%.*s", (int)vlen, eq + 1);
        if (klen == 4 && strncmp(kv, "path", 4) == 0)
            free(u->pax_path), u->pax_path = v;
        else if (klen == 8 && strncmp(kv, "linkpath", 8) == 0)
            free(u->pax_link), u->pax_link = v;
        else if (klen == 4 && strncmp(kv, "size", 4) == 0)
            u->pax_size = atoll(v), free(v);
        else
            free(v);
        i += len;
    }
    return true;
}

// A member's name is relative and stays inside the directory, as tar
// insists; git trees never break that, but a repository may be hostile.
static bool safe_name(const char *name) {
    if (!*name || name[0] == '/')
        return false;
    for (const char *p = name; *p;) {
        size_t n = strcspn(p, "/");
        if (n == 2 && p[0] == '.' && p[1] == '.')
            return false;
        p += n + (p[n] == '/');
    }
    return true;
}

// Creates member path of the kind type ('0' a file: its descriptor, '5'
// a directory, '2' a symbolic link to link), and the directories above it
// if need be (git archive lists a directory before what it holds, so that
// is the odd case).
static int create(char *path, char type, int mode, const char *link) {
    for (int tries = 0;; tries++) {
        int r = type == '5'   ? mkdir(path, 0777)
                : type == '2' ? symlink(link, path)
                              : open(path, O_WRONLY | O_CREAT | O_EXCL, mode);
        if (r >= 0 || errno != ENOENT || tries)
            return r;
        for (char *s = strchr(path + 1, '/'); s; s = strchr(s + 1, '/')) {
            *s = 0;
            mkdir(path, 0777);
            *s = '/';
        }
    }
}

static bool write_member(Untar *u, char *path, long long size, int mode, long long mtime) {
    int fd = create(path, '0', mode, NULL);
    if (fd < 0)
        return false;
    char b[65536];
    bool ok = true;
    for (long long left = (size + 511) & ~511ll; left > 0 && ok;) {
        size_t n = left < (long long)sizeof b ? (size_t)left : sizeof b;
        ok = read_full(u, b, n);
        // the block padding after the data is read, not written
        size_t data = size <= 0 ? 0 : size < (long long)n ? (size_t)size : n;
        ok = ok && (data == 0 || write(fd, b, data) == (ssize_t)data);
        left -= (long long)n;
        size -= (long long)data;
    }
    // as tar does: the commit's time, not the export's
    struct timespec ts[2] = {{.tv_sec = mtime}, {.tv_sec = mtime}};
    futimens(fd, ts);
    return close(fd) == 0 && ok;
}

// Unpacks the tar stream on u->fd into u->dir; false if it is cut short
// or not the ustar/pax that git archive writes.
static bool untar(Untar *u) {
    unsigned char h[512];
    for (;;) {
        if (!read_full(u, h, sizeof h))
            return false;
        // the end: a zero block (git then writes another and padding)
        bool zero = true;
        for (int i = 0; i < 512 && zero; i++)
            zero = h[i] == 0;
        if (zero)
            return true;
        long long sum = 0;
        for (int i = 0; i < 512; i++)
            sum += i >= 148 && i < 156 ? ' ' : h[i];
        if (sum != octal(h + 148, 8))
            return false;
        long long size = u->pax_size >= 0 ? u->pax_size : octal(h + 124, 12);
        char type = (char)h[156];
        if (type == 'x' || type == 'g') {
            char *d = read_data(u, size);
            bool ok = d && (type == 'g' || pax_header(u, d, size));
            free(d);
            if (!ok)
                return false;
            continue;
        }
        char name[4096];
        if (u->pax_path)
            snprintf(name, sizeof name, "%s", u->pax_path);
        else if (h[345] && memcmp(h + 257, "ustar", 5) == 0)
            snprintf(name, sizeof name, "%.155s/%.100s", (char *)h + 345, (char *)h + 0);
        else
            snprintf(name, sizeof name, "%.100s", (char *)h);
        char link[4096];
        if (u->pax_link)
            snprintf(link, sizeof link, "%s", u->pax_link);
        else
            snprintf(link, sizeof link, "%.100s", (char *)h + 157);
        free(u->pax_path), free(u->pax_link);
        u->pax_path = u->pax_link = NULL;
        u->pax_size = -1;
        if (strlen(name) >= sizeof name - 1 || !safe_name(name))
            return false;
        char *path = xasprintf("%s/%s", u->dir, name);
        bool ok;
        if (type == '5') {
            ok = size == 0 && (create(path, type, 0, NULL) == 0 || errno == EEXIST);
        } else if (type == '2') {
            ok = size == 0 && create(path, type, 0, link) == 0;
        } else if (type == '0' || type == 0) {
            ok = write_member(u, path, size, (int)octal(h + 100, 8) & 0777, octal(h + 136, 12));
        } else {
            ok = false;     // git archive writes no other kind
        }
        free(path);
        if (!ok)
            return false;
    }
}

bool diff_export(const char *top, const char *sha, const char *dir) {
    if (mkdir(dir, 0700) != 0)
        return false;
    // from the top: in a subdirectory git archive exports only that
    char *archive[] = {"git", "archive", "--format=tar", (char *)sha, NULL};
    int fd;
    int pid = diff_spawn(archive, top, NULL, NULL, &fd, -1);
    if (pid < 0)
        return false;
    Untar u = {fd, dir, NULL, NULL, -1};
    bool ok = untar(&u);
    free(u.pax_path), free(u.pax_link);
    // read what git writes after the end, so that it ends as it should
    char b[4096];
    while (ok && read_some(fd, b, sizeof b) > 0)
        ;
    if (!ok)
        kill(pid, SIGTERM);
    close(fd);
    int rc = diff_wait(pid);
    return ok && rc == 0;
}

// ---- removing ----

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
    (void)st, (void)flag, (void)ftw;
    remove(path);
    return 0;   // as rm -rf: on past what cannot be removed
}

void diff_remove_tree(const char *dir) {
    nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}
