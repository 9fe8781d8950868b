// cgo.c: packages that import "C", as the go command builds them. Whether
// cgo is on (CGO_ENABLED, else the host target with a C compiler at hand),
// the #cgo lines of a file's preamble (go/build), and the run of GOROOT's
// cgo tool whose generated Go files gc compiles in place of the originals
// (cmd/go's Builder.cgo): _cgo_gotypes.go, then one x.cgo1.go per cgo file.
// Their //line directives carry gc's positions back to the original files.
// cgo runs in a temp dir that is removed before the files are parsed; the
// generated files keep their paths there, which gc prints as it printed
// go build's $WORK paths.
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <dirent.h>
#include <poll.h>
#include <time.h>
#include <unistd.h>

#include "types.h"

enum { CGO_TIMEOUT = 600 };     // seconds a cgo or pkg-config run may take

typedef VEC(Str) StrVec;

// ---- is cgo on ----

// The host's GOOS and GOARCH, as Go names them.
static void host_target(const char **os, const char **arch) {
    static const char *const oses[][2] = {
        {"Linux", "linux"}, {"Darwin", "darwin"}, {"FreeBSD", "freebsd"}, {"NetBSD", "netbsd"},
        {"OpenBSD", "openbsd"}, {"DragonFly", "dragonfly"}, {"SunOS", "solaris"}};
    static const char *const arches[][2] = {
        {"x86_64", "amd64"}, {"amd64", "amd64"}, {"aarch64", "arm64"}, {"arm64", "arm64"},
        {"i386", "386"}, {"i686", "386"}, {"armv7l", "arm"}, {"armv6l", "arm"},
        {"riscv64", "riscv64"}, {"ppc64le", "ppc64le"}, {"ppc64", "ppc64"}, {"s390x", "s390x"},
        {"loongarch64", "loong64"}, {"mips64", "mips64"}};
    static struct utsname u;
    *os = *arch = "";
    if (uname(&u) != 0)
        return;
    for (size_t i = 0; i < sizeof oses / sizeof oses[0]; i++)
        if (strcmp(u.sysname, oses[i][0]) == 0)
            *os = oses[i][1];
    for (size_t i = 0; i < sizeof arches / sizeof arches[0]; i++)
        if (strcmp(u.machine, arches[i][0]) == 0)
            *arch = arches[i][1];
}

// exec.LookPath: an executable name with a slash is taken as is, else
// found on $PATH. Returns a malloc'd path, or NULL.
static char *look_path(const char *name) {
    if (strchr(name, '/'))
        return access(name, X_OK) == 0 ? xstrdup(name) : NULL;
    const char *path = getenv("PATH");
    for (const char *s = path ? path : ""; *s || s == path;) {
        size_t k = strcspn(s, ":");
        char *cand = xasprintf("%.*s%s%s", (int)k, s, k ? "/" : "./", name);
        struct stat st;
        if (stat(cand, &st) == 0 && S_ISREG(st.st_mode) && access(cand, X_OK) == 0)
            return cand;
        free(cand);
        s += k;
        if (*s != ':')
            break;
        s++;
    }
    return NULL;
}

bool cgo_enabled(Str goos, Str goarch) {
    const char *e = getenv("CGO_ENABLED");
    if (e && *e)
        return strcmp(e, "1") == 0;
    const char *os, *arch;
    host_target(&os, &arch);
    if (strcmp(os, goos) != 0 || strcmp(arch, goarch) != 0)
        return false;
    // Only the compiler's own name counts, not flags after it ("gcc -m64").
    const char *cc = getenv("CC");
    if (!cc || !*cc)
        cc = "gcc";
    char *name = xasprintf("%.*s", (int)strcspn(cc, " \t"), cc);
    char *found = look_path(name);
    free(name);
    free(found);
    return found != NULL;
}

// ---- #cgo lines ----

// go/build's splitQuoted: fields split at spaces, with '...' and "..."
// quoting and backslash escapes. False on an open quote or escape.
static bool split_quoted(const char *s, size_t n, StrVec *out) {
    Buf arg = {0};
    bool escaped = false, quoted = false;
    char quote = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (escaped) {
            escaped = false;
        } else if (c == '\\') {
            escaped = true;
            continue;
        } else if (quote) {
            if (c == quote) {
                quote = 0;
                continue;
            }
        } else if (c == '"' || c == '\'') {
            quoted = true;
            quote = c;
            continue;
        } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
            if (quoted || arg.len) {
                vec_push(out, str_intern(arg.data ? arg.data : "", arg.len));
                arg.len = 0;
                quoted = false;
            }
            continue;
        }
        buf_putc(&arg, c);
    }
    if (quoted || arg.len)
        vec_push(out, str_intern(arg.data ? arg.data : "", arg.len));
    buf_free(&arg);
    return !quote && !escaped;
}

// go/build's safeCgoName: the bytes a #cgo argument may hold.
static bool safe_cgo_name(const char *s, size_t n) {
    static const char safe[] = "+-.,/0123456789=ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz:$@%! ~^";
    if (n == 0)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x80 && !memchr(safe, s[i], sizeof safe - 1))
            return false;
    return true;
}

// ${SRCDIR} becomes the package directory; every piece must be safe.
static bool expand_srcdir(Str arg, Str dir, Str *out) {
    const char *key = "${SRCDIR}";
    if (!strstr(arg, key)) {
        *out = arg;
        return safe_cgo_name(arg, str_len(arg));
    }
    Buf b = {0};
    bool ok = safe_cgo_name(dir, str_len(dir));
    for (const char *s = arg;;) {
        const char *at = strstr(s, key);
        size_t k = at ? (size_t)(at - s) : strlen(s);
        ok &= k == 0 || safe_cgo_name(s, k);
        buf_printf(&b, "%.*s", (int)k, s);
        if (!at)
            break;
        buf_puts(&b, dir);
        s = at + strlen(key);
    }
    *out = str_intern(b.data ? b.data : "", b.len);
    buf_free(&b);
    return ok && str_len(*out) > 0;
}

static Str join_dir(Str dir, const char *rel) {
    char *j = xasprintf("%s/%s", dir, rel);
    char *c = path_clean(j);
    Str r = str_cstr(c);
    free(j);
    free(c);
    return r;
}

// go/build's makePathsAbsolute: -I and -L paths are relative to the
// package directory.
static void paths_absolute(Str *args, int n, Str dir) {
    bool next = false;
    for (int i = 0; i < n; i++) {
        const char *a = args[i];
        if (next) {
            if (a[0] != '/')
                args[i] = join_dir(dir, a);
            next = false;
        } else if (strncmp(a, "-I", 2) == 0 || strncmp(a, "-L", 2) == 0) {
            if (a[2] == 0)
                next = true;
            else if (a[2] != '/')
                args[i] = str_printf("%.2s%s", a, join_dir(dir, a + 2));
        }
    }
}

// A #cgo line's condition word, as a // +build term: comma-separated tags,
// each perhaps negated, all of which must hold.
static bool match_cond(const BuildCtx *b, Str c) {
    for (const char *s = c; *s;) {
        size_t k = strcspn(s, ",");
        const char *t = s;
        size_t n = k;
        bool neg = n > 0 && t[0] == '!';
        if (neg)
            t++, n--;
        if (n == 0 || t[0] == '!' || build_match_tag(b, t, n) == neg)
            return false;
        s += k;
        if (*s == ',')
            s++;
    }
    return true;
}

// One preamble line; NULL or go/build's error.
static Str cgo_line(const BuildCtx *b, Str dir, Str file, const char *line, size_t n, CgoFlags *f) {
    while (n && (*line == ' ' || *line == '\t' || *line == '\r'))
        line++, n--;
    while (n && (line[n - 1] == ' ' || line[n - 1] == '\t' || line[n - 1] == '\r'))
        n--;
    if (n < 5 || memcmp(line, "#cgo", 4) != 0 || (line[4] != ' ' && line[4] != '\t'))
        return NULL;
    const char *colon = memchr(line, ':', n);
    StrVec words = {0}, args = {0};
    Str err = NULL;
    if (!colon || !split_quoted(line + 4, (size_t)(colon - line - 4), &words) || words.len == 0 ||
        !split_quoted(colon + 1, n - (size_t)(colon + 1 - line), &args)) {
        err = str_printf("%s: invalid #cgo line: %.*s", file, (int)n, line);
        goto out;
    }
    bool any = words.len == 1;
    for (int i = 0; i + 1 < words.len; i++)
        any |= match_cond(b, words.data[i]);
    if (!any)
        goto out;
    for (int i = 0; i < args.len; i++)
        if (!expand_srcdir(args.data[i], dir, &args.data[i])) {
            err = str_printf("%s: malformed #cgo argument: %s", file, args.data[i]);
            goto out;
        }
    // The verbs go/build knows; cgo's command line wants CPPFLAGS and
    // CFLAGS, its environment LDFLAGS (C++ and Fortran flags go unused).
    static const char *const verbs[] = {"CFLAGS", "CPPFLAGS", "LDFLAGS", "pkg-config", "CXXFLAGS", "FFLAGS"};
    Str verb = words.data[words.len - 1];
    int v = 0;
    while (v < 6 && strcmp(verb, verbs[v]) != 0)
        v++;
    if (v == 6) {
        err = str_printf("%s: invalid #cgo verb: %.*s", file, (int)n, line);
        goto out;
    }
    if (v != 3)
        paths_absolute(args.data, args.len, dir);
    for (int i = 0; i < args.len; i++) {
        if (v == 0)
            vec_push(&f->cflags, args.data[i]);
        else if (v == 1)
            vec_push(&f->cppflags, args.data[i]);
        else if (v == 2)
            vec_push(&f->ldflags, args.data[i]);
        else if (v == 3)
            vec_push(&f->pkgconfig, args.data[i]);
    }
out:
    vec_free(&words);
    vec_free(&args);
    return err;
}

// A light scan of a file's header for the doc comment of import "C",
// go/parser's way: a comment group is comments at most one line apart, and
// it documents the token on the line right after its end.
typedef struct Scan {
    const char *p, *end;
    int line;
    int tok_line;                   // line where the last token ended (0: none)
    const char *grp, *grp_end;      // the last comment group
    int grp_line;                   // its last line
    bool grp_live;                  // no token since it
    bool grp_line_cmt;              // it is the line comment of the token before
} Scan;

// Skips space and comments; returns the doc group of the token that follows
// (or NULL) through *doc/*doc_end.
static void scan_space(Scan *s, const char **doc, const char **doc_end) {
    for (;;) {
        while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\r' || *s->p == '\n')) {
            if (*s->p == '\n')
                s->line++;
            s->p++;
        }
        if (s->end - s->p < 2 || s->p[0] != '/' || (s->p[1] != '/' && s->p[1] != '*'))
            break;
        const char *c = s->p;
        int first = s->line;
        if (c[1] == '/') {
            const char *nl = memchr(c, '\n', (size_t)(s->end - c));
            s->p = nl ? nl : s->end;
        } else {
            const char *q = c + 2;
            while (q + 1 < s->end && !(q[0] == '*' && q[1] == '/')) {
                if (*q == '\n')
                    s->line++;
                q++;
            }
            s->p = q + 1 < s->end ? q + 2 : s->end;
        }
        // A comment on the line of the previous token starts that token's
        // line comment, which never documents what follows; other comments
        // join a group ending at most a line before them.
        bool line_cmt = first == s->tok_line;
        bool joins = s->grp_live && (s->grp_line_cmt ? line_cmt && first == s->grp_line
                                                     : !line_cmt && first <= s->grp_line + 1);
        if (!joins) {
            s->grp = c;
            s->grp_line_cmt = line_cmt;
        }
        s->grp_end = s->p;
        s->grp_line = s->line;
        s->grp_live = true;
    }
    bool lead = s->grp_live && !s->grp_line_cmt && s->grp_line + 1 == s->line;
    *doc = lead ? s->grp : NULL;
    *doc_end = lead ? s->grp_end : NULL;
    s->grp_live = false;
}

// The next token's text (identifier, string or one punctuation byte).
static bool scan_token(Scan *s, const char **t, size_t *n, const char **doc, const char **doc_end) {
    scan_space(s, doc, doc_end);
    if (s->p >= s->end)
        return false;
    const char *q = s->p;
    if (*q == '"' || *q == '`') {
        char close = *q;
        for (q++; q < s->end && *q != close && *q != '\n'; q++)
            if (*q == '\\' && close == '"')
                q++;
        q = q < s->end ? q + 1 : s->end;
    } else if ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || *q == '_' || (unsigned char)*q >= 0x80) {
        while (q < s->end && ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || *q == '_' ||
                              (*q >= '0' && *q <= '9') || (unsigned char)*q >= 0x80))
            q++;
    } else {
        q++;
    }
    *t = s->p;
    *n = (size_t)(q - s->p);
    s->p = q;
    s->tok_line = s->line;
    return true;
}

static bool tok_is(const char *t, size_t n, const char *lit) { return n == strlen(lit) && memcmp(t, lit, n) == 0; }

// The comment group documenting import "C": the spec's own, else that of
// a declaration holding only that spec.
static void find_preamble(const char *text, size_t n, const char **cg, const char **cg_end) {
    Scan s = {text, text + n, 1, 0, NULL, NULL, 0, false, false};
    const char *t, *d, *de;
    size_t k;
    *cg = *cg_end = NULL;
    if (!scan_token(&s, &t, &k, &d, &de) || !tok_is(t, k, "package") || !scan_token(&s, &t, &k, &d, &de))
        return;
    bool more = scan_token(&s, &t, &k, &d, &de);
    if (more && tok_is(t, k, ";"))
        more = scan_token(&s, &t, &k, &d, &de);
    while (more && tok_is(t, k, "import")) {
        const char *decl_doc = d, *decl_end = de;
        if (!scan_token(&s, &t, &k, &d, &de))
            return;
        if (tok_is(t, k, "(")) {
            int nspecs = 0;
            const char *c_doc = NULL, *c_end = NULL;
            bool c_found = false;
            while (scan_token(&s, &t, &k, &d, &de) && !tok_is(t, k, ")")) {
                if (tok_is(t, k, ";"))
                    continue;
                const char *sd = d, *sde = de;
                if (t[0] != '"' && t[0] != '`' && !scan_token(&s, &t, &k, &d, &de))
                    return;
                nspecs++;
                if (tok_is(t, k, "\"C\"") || tok_is(t, k, "`C`")) {
                    c_found = true;
                    c_doc = sd, c_end = sde;
                }
            }
            if (c_found) {
                *cg = c_doc ? c_doc : nspecs == 1 ? decl_doc : NULL;
                *cg_end = c_doc ? c_end : nspecs == 1 ? decl_end : NULL;
                return;
            }
        } else {
            if (t[0] != '"' && t[0] != '`' && !scan_token(&s, &t, &k, &d, &de))
                return;
            if (tok_is(t, k, "\"C\"") || tok_is(t, k, "`C`")) {
                *cg = decl_doc, *cg_end = decl_end;
                return;
            }
        }
        more = scan_token(&s, &t, &k, &d, &de);
        if (more && tok_is(t, k, ";"))
            more = scan_token(&s, &t, &k, &d, &de);
    }
}

Str cgo_directives(const BuildCtx *b, Str dir, Str file, const char *text, size_t n, CgoFlags *f) {
    const char *cg, *end;
    find_preamble(text, n, &cg, &end);
    // Each line of the group's comments, their markers removed.
    for (const char *p = cg; p && p < end;) {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
            p++;
        if (end - p < 2)
            break;
        if (p[1] == '/') {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            const char *e = nl ? nl : end;
            Str err = cgo_line(b, dir, file, p + 2, (size_t)(e - p - 2), f);
            if (err)
                return err;
            p = e;
        } else {
            const char *close = p + 2;
            while (close + 1 < end && !(close[0] == '*' && close[1] == '/'))
                close++;
            for (const char *l = p + 2; l < close;) {
                const char *nl = memchr(l, '\n', (size_t)(close - l));
                const char *e = nl ? nl : close;
                Str err = cgo_line(b, dir, file, l, (size_t)(e - l), f);
                if (err)
                    return err;
                l = e + (nl != NULL);
            }
            p = close + 2;
        }
    }
    return NULL;
}

void cgo_flags_free(CgoFlags *f) {
    vec_free(&f->cppflags);
    vec_free(&f->cflags);
    vec_free(&f->ldflags);
    vec_free(&f->pkgconfig);
}

// ---- running cgo ----

// A finished command: its output (stdout and stderr together) and, when it
// failed, how, in the words of Go's exec errors.
typedef struct Ran {
    Buf out;
    char *err;      // malloc'd: "exit status 1", "exec: \"x\": ..."; NULL: success
} Ran;

// An interrupt (^C, SIGTERM, SIGHUP) while cgo runs: the run is stopped
// and the temp dir removed before goesc dies of the signal, as go build
// removes $WORK.
static volatile sig_atomic_t interrupted;
static struct sigaction saved[3];
static const int caught[3] = {SIGINT, SIGTERM, SIGHUP};

static void on_signal(int sig) { interrupted = sig; }

static void catch_signals(bool on) {
    for (int i = 0; i < 3; i++) {
        if (on) {
            struct sigaction sa;
            memset(&sa, 0, sizeof sa);
            sa.sa_handler = on_signal;  // no SA_RESTART: poll returns EINTR
            sigemptyset(&sa.sa_mask);
            sigaction(caught[i], &sa, &saved[i]);
        } else {
            sigaction(caught[i], &saved[i], NULL);
        }
    }
    if (!on && interrupted)
        raise(interrupted);
}

// Runs argv[0] (looked up as exec.Command does) in dir with extra
// environment entries, collecting its output.
static void run_cmd(char **argv, const char *dir, char **env, Ran *r) {
    memset(r, 0, sizeof *r);
    char *exe = look_path(argv[0]);
    if (!exe) {
        r->err = strchr(argv[0], '/') ? xasprintf("fork/exec %s: %s", argv[0], go_errno_text(ENOENT))
                                      : xasprintf("exec: \"%s\": executable file not found in $PATH", argv[0]);
        return;
    }
    int out[2], status[2];
    if (pipe(out) != 0 || pipe(status) != 0) {
        r->err = xasprintf("fork/exec %s: %s", exe, go_errno_text(errno));
        free(exe);
        return;
    }
    fcntl(status[1], F_SETFD, FD_CLOEXEC);
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        // The child: a failed chdir or exec is told through status.
        close(out[0]);
        close(status[0]);
        int fd = open("/dev/null", O_RDONLY);
        if (fd >= 0)
            dup2(fd, 0);
        dup2(out[1], 1);
        dup2(out[1], 2);
        for (int i = 0; env && env[i]; i++)
            putenv(env[i]);
        setpgid(0, 0);  // its own group, so that a timeout kills gcc too
        if (chdir(dir) == 0)
            execv(exe, argv);
        int e = errno;
        ssize_t w = write(status[1], &e, sizeof e);
        (void)w;
        _exit(127);
    }
    close(out[1]);
    close(status[1]);
    if (pid < 0) {
        r->err = xasprintf("fork/exec %s: %s", exe, go_errno_text(errno));
        close(out[0]);
        close(status[0]);
        free(exe);
        return;
    }
    // Output until the pipe closes; a run that outlasts CGO_TIMEOUT (a C
    // header that is a FIFO, say) is killed with its children rather than
    // left to hang.
    char chunk[4096];
    bool killed = false;
    time_t deadline = time(NULL) + CGO_TIMEOUT;
    for (;;) {
        // Waits of at most a second, so that an interrupt is seen soon.
        struct pollfd pfd = {out[0], POLLIN, 0};
        int left = (int)(deadline - time(NULL));
        int pr = left > 0 && !interrupted ? poll(&pfd, 1, 1000) : -1;
        if (pr == 0 || (pr < 0 && errno == EINTR && left > 0 && !interrupted))
            continue;
        if (pr < 0) {
            kill(-pid, SIGKILL);
            killed = true;
            break;
        }
        ssize_t k = read(out[0], chunk, sizeof chunk);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            break;
        for (ssize_t i = 0; i < k; i++)
            buf_putc(&r->out, chunk[i]);
    }
    close(out[0]);
    int e = 0;
    bool exec_failed = read(status[0], &e, sizeof e) == (ssize_t)sizeof e;
    close(status[0]);
    int st = 0;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
        ;
    if (killed) {
        r->err = xasprintf("signal: killed (goesc stopped it after %d seconds)", CGO_TIMEOUT);
    } else if (exec_failed) {
        r->err = xasprintf("fork/exec %s: %s", exe, go_errno_text(e));
    } else if (WIFEXITED(st) && WEXITSTATUS(st) != 0) {
        r->err = xasprintf("exit status %d", WEXITSTATUS(st));
    } else if (WIFSIGNALED(st)) {
        // Go's os.ProcessState: "signal: killed", lower case.
        char *s = xasprintf("signal: %s", strsignal(WTERMSIG(st)));
        s[8] = (char)(s[8] >= 'A' && s[8] <= 'Z' ? s[8] - 'A' + 'a' : s[8]);
        r->err = s;
    }
    free(exe);
}

// Replaces every occurrence of from with to in b.
static void replace_all(Buf *b, const char *from, const char *to) {
    size_t fn = strlen(from);
    if (!b->len || !fn)
        return;
    Buf o = {0};
    const char *s = buf_cstr(b), *end = s + b->len;
    while (s < end) {
        const char *at = strstr(s, from);
        if (!at) {
            buf_printf(&o, "%.*s", (int)(end - s), s);
            break;
        }
        buf_printf(&o, "%.*s%s", (int)(at - s), s, to);
        s = at + fn;
    }
    buf_free(b);
    *b = o;
}

// cmd/go's showOutput: the tool's output, with the package directory
// shortened as cmd/go prints paths and the temp dir as $WORK. The result
// follows the header line, without a final newline.
static Str shown_output(Buf *out, Str dir, Str sdir, const char *work, const char *tail) {
    Buf b = {0};
    buf_putc(&b, '\n');
    buf_printf(&b, "%.*s", (int)out->len, out->data ? out->data : "");
    if (strcmp(dir, sdir) != 0) {
        static const char *const lead[] = {" ", "\n", "\n\t"};
        for (int i = 0; i < 3; i++) {
            char *f = xasprintf("%s%s", lead[i], dir), *t = xasprintf("%s%s", lead[i], sdir);
            replace_all(&b, f, t);
            free(f);
            free(t);
        }
    }
    if (work) {
        char *f = xasprintf(" %s", work);
        replace_all(&b, f, " $WORK");
        free(f);
    }
    if (tail)
        buf_puts(&b, tail);
    while (b.len > 0 && b.data[b.len - 1] == '\n')
        b.len--;
    Str r = str_intern(b.data ? b.data + 1 : "", b.len ? b.len - 1 : 0);
    buf_free(&b);
    return r;
}

// An environment variable's flags (quoted as the go command splits them),
// or def when it is unset or empty.
static void env_flags(const char *key, const char *def, StrVec *v) {
    const char *e = getenv(key);
    if (!e || !*e)
        e = def;
    split_quoted(e, strlen(e), v);
}

// Go's strconv.Quote for the flags cmd/go passes in $CGO_LDFLAGS.
static void quote_flag(Buf *b, const char *s) {
    buf_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            buf_putc(b, '\\');
        if ((unsigned char)*s < 0x20)
            buf_printf(b, "\\x%02x", (unsigned char)*s);
        else
            buf_putc(b, *s);
    }
    buf_putc(b, '"');
}

// One pkg-config run (what: "--cflags" or "--libs") in dir; its output's
// flags go to out. On failure, cmd/go's report of it goes to r.
static bool pkg_config_run(Str exe, const char *what, const StrVec *pcflags, const StrVec *pkgs, Str dir,
                           Str sdir, StrVec *out, CgoResult *r) {
    StrVec argv = {0};
    vec_push(&argv, exe);
    vec_push(&argv, str_cstr(what));
    for (int i = 0; i < pcflags->len; i++)
        vec_push(&argv, pcflags->data[i]);
    vec_push(&argv, str_cstr("--"));
    for (int i = 0; i < pkgs->len; i++)
        vec_push(&argv, pkgs->data[i]);
    vec_push(&argv, NULL);
    Ran ran;
    run_cmd((char **)argv.data, dir, NULL, &ran);
    if (ran.err) {
        Buf h = {0};
        buf_printf(&h, "%s %s ", exe, what);
        for (int i = 0; i < pcflags->len; i++)
            buf_printf(&h, "%s%s", i ? " " : "", pcflags->data[i]);
        buf_puts(&h, " --");
        for (int i = 0; i < pkgs->len; i++)
            buf_printf(&h, " %s", pkgs->data[i]);
        r->err_header = str_cstr(buf_cstr(&h));
        buf_free(&h);
        char *tail = xasprintf("%s: %s\n", exe, ran.err);
        r->err = shown_output(&ran.out, dir, sdir, NULL, tail);
        free(tail);
    } else if (strcmp(what, "--libs") == 0) {
        // cmd/go takes --libs output as plain fields, quotes and all.
        const char *t = ran.out.data ? buf_cstr(&ran.out) : "";
        while (*t) {
            size_t k = strcspn(t, " \t\n\r\v\f");
            if (k)
                vec_push(out, str_intern(t, k));
            t += k;
            t += strspn(t, " \t\n\r\v\f");
        }
    } else {
        split_quoted(ran.out.data ? ran.out.data : "", ran.out.len, out);
    }
    bool ok = ran.err == NULL;
    buf_free(&ran.out);
    free(ran.err);
    vec_free(&argv);
    return ok;
}

// pkg-config for the #cgo pkg-config packages, as cmd/go runs it: --cflags
// (for cgo's command line), then --libs (for $CGO_LDFLAGS).
static bool pkg_config(Str dir, Str sdir, const CgoFlags *f, StrVec *cflags, StrVec *ldflags, CgoResult *r) {
    const char *pc = getenv("PKG_CONFIG");
    StrVec cmd = {0};
    split_quoted(pc && *pc ? pc : "pkg-config", strlen(pc && *pc ? pc : "pkg-config"), &cmd);
    Str exe = cmd.len ? cmd.data[0] : str_cstr("pkg-config");
    vec_free(&cmd);
    StrVec pcflags = {0}, pkgs = {0};
    for (int i = 0; i < f->pkgconfig.len; i++) {
        Str a = f->pkgconfig.data[i];
        if (strcmp(a, "--") == 0)
            continue;
        vec_push(strncmp(a, "--", 2) == 0 ? &pcflags : &pkgs, a);
    }
    bool ok = true;
    for (int i = 0; i < pkgs.len && ok; i++) {
        unsigned char c = (unsigned char)pkgs.data[i][0];
        // load.SafeArg: a name cannot pass for an option.
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' ||
              c == '_' || c == '/' || c >= 0x80)) {
            r->err = str_printf("invalid pkg-config package name: %s", pkgs.data[i]);
            ok = false;
        }
    }
    ok = ok && pkg_config_run(exe, "--cflags", &pcflags, &pkgs, dir, sdir, cflags, r) &&
         pkg_config_run(exe, "--libs", &pcflags, &pkgs, dir, sdir, ldflags, r);
    vec_free(&pcflags);
    vec_free(&pkgs);
    return ok;
}

// Removes the temp dir cgo wrote into (it writes files only).
static void remove_dir(const char *dir) {
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *de;
        while ((de = readdir(d)) != NULL) {
            if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
                continue;
            char *p = xasprintf("%s/%s", dir, de->d_name);
            unlink(p);
            free(p);
        }
        closedir(d);
    }
    rmdir(dir);
}

// Reads one generated file into the result. In x.cgo1.go, the //line names
// of the package's own files are shortened as cmd/go shortens gc's output.
static bool take_file(const char *path, Str dir, Str sdir, Arena *a, CgoResult *r) {
    size_t n;
    char *text = read_whole_file(path, &n);
    if (!text)
        return false;
    Buf b = {0};
    buf_printf(&b, "%.*s", (int)n, text);
    free(text);
    if (strcmp(dir, sdir) != 0) {
        static const char *const lead[] = {"//line ", "/*line "};
        for (int i = 0; i < 2; i++) {
            char *f = xasprintf("%s%s/", lead[i], dir), *t = xasprintf("%s%s/", lead[i], sdir);
            replace_all(&b, f, t);
            free(f);
            free(t);
        }
    }
    char *keep = arena_alloc(a, b.len + 1);
    memcpy(keep, b.data ? b.data : "", b.len);
    vec_push(&r->files, str_cstr(path));
    vec_push(&r->texts, keep);
    vec_push(&r->sizes, (uint32_t)b.len);
    buf_free(&b);
    return true;
}

void cgo_translate(const BuildCtx *b, Str goroot, Str path, bool std, Str dir, Str sdir,
                   const DirInfo *di, const CgoFlags *f, Arena *a, CgoResult *r) {
    memset(r, 0, sizeof *r);
    r->err_header = path;
    StrVec pccflags = {0}, ld = {0};
    env_flags("CGO_LDFLAGS", "-g -O2", &ld);
    for (int i = 0; i < f->ldflags.len; i++)
        vec_push(&ld, f->ldflags.data[i]);
    if (f->pkgconfig.len && !pkg_config(dir, sdir, f, &pccflags, &ld, r)) {
        vec_free(&pccflags);
        vec_free(&ld);
        return;
    }
    const char *tmpenv = getenv("TMPDIR");
    char *work = xasprintf("%s/goesc-cgo-XXXXXX", tmpenv && *tmpenv ? tmpenv : "/tmp");
    if (!mkdtemp(work)) {
        r->err = str_printf("mkdir %s: %s", work, go_errno_text(errno));
        free(work);
        vec_free(&pccflags);
        vec_free(&ld);
        return;
    }
    const char *hos, *harch;
    host_target(&hos, &harch);
    Str objdir = str_printf("%s/", work);
    StrVec argv = {0};
    vec_push(&argv, str_printf("%s/pkg/tool/%s_%s/cgo", goroot, hos, harch));
    vec_push(&argv, str_cstr("-objdir"));
    vec_push(&argv, objdir);
    vec_push(&argv, str_cstr("-importpath"));
    vec_push(&argv, path);
    // cmd/go's own special cases: runtime/cgo cannot import itself, and
    // the runtime's cgo packages do without syscall.
    if (std && strcmp(path, "runtime/cgo") == 0)
        vec_push(&argv, str_cstr("-import_runtime_cgo=false"));
    if (std && (strcmp(path, "runtime/race") == 0 || strcmp(path, "runtime/msan") == 0 ||
                strcmp(path, "runtime/cgo") == 0 || strcmp(path, "runtime/asan") == 0))
        vec_push(&argv, str_cstr("-import_syscall=false"));
    vec_push(&argv, str_cstr("--"));
    env_flags("CGO_CPPFLAGS", "", &argv);
    for (int i = 0; i < f->cppflags.len; i++)
        vec_push(&argv, f->cppflags.data[i]);
    for (int i = 0; i < pccflags.len; i++)
        vec_push(&argv, pccflags.data[i]);
    vec_push(&argv, str_cstr("-I"));
    vec_push(&argv, objdir);
    env_flags("CGO_CFLAGS", "-g -O2", &argv);
    for (int i = 0; i < f->cflags.len; i++)
        vec_push(&argv, f->cflags.data[i]);
    for (int i = 0; i < di->cgofiles.len; i++)
        vec_push(&argv, str_printf("./%s", di->cgofiles.data[i]));
    vec_push(&argv, NULL);
    // The environment cmd/go gives cgo; $CGO_LDFLAGS ends up in
    // //go:cgo_ldflag lines of _cgo_gotypes.go.
    Buf ldenv = {0};
    buf_puts(&ldenv, "CGO_LDFLAGS=");
    for (int i = 0; i < ld.len; i++) {
        if (i)
            buf_putc(&ldenv, ' ');
        quote_flag(&ldenv, ld.data[i]);
    }
    char *env[] = {"TERM=dumb", (char *)buf_cstr(&ldenv), xasprintf("PWD=%s", dir),
                   xasprintf("GOOS=%s", b->goos), xasprintf("GOARCH=%s", b->goarch), NULL};
    Ran ran;
    catch_signals(true);
    run_cmd((char **)argv.data, dir, env, &ran);
    if (ran.err) {
        // cgo's (and the C compiler's) messages, or how the run failed.
        char *tail = ran.out.len ? NULL : xasprintf("%s: %s\n", argv.data[0], ran.err);
        r->err = shown_output(&ran.out, dir, sdir, work, tail);
        free(tail);
    } else {
        bool ok = take_file(str_printf("%s_cgo_gotypes.go", objdir), dir, sdir, a, r);
        for (int i = 0; ok && i < di->cgofiles.len; i++) {
            Str name = di->cgofiles.data[i];
            ok = take_file(str_printf("%s%.*s.cgo1.go", objdir, (int)(str_len(name) - 3), name), dir, sdir, a, r);
        }
        if (!ok)
            r->err = str_printf("open %s: %s", objdir, go_errno_text(errno));
    }
    buf_free(&ran.out);
    free(ran.err);
    remove_dir(work);
    catch_signals(false);
    free(work);
    for (int i = 2; i < 5; i++)
        free(env[i]);
    buf_free(&ldenv);
    vec_free(&ld);
    vec_free(&argv);
    vec_free(&pccflags);
}

void cgo_result_free(CgoResult *r) {
    vec_free(&r->files);
    vec_free(&r->texts);
    vec_free(&r->sizes);
}

// ---- the loader's side ----

bool cgo_implies(const Package *p, Str path) {
    // cmd/go's exclusions, which match the flags cgo_translate passes.
    if (strcmp(path, "runtime/cgo") == 0)
        return !(p->std && strcmp(p->path, "runtime/cgo") == 0);
    if (strcmp(path, "syscall") == 0)
        return !(p->std && (strcmp(p->path, "runtime/cgo") == 0 || strcmp(p->path, "runtime/race") == 0 ||
                            strcmp(p->path, "runtime/msan") == 0 || strcmp(p->path, "runtime/asan") == 0));
    return strcmp(path, "unsafe") == 0;
}

void cgo_package(Loader *l, Package *p, DirInfo *di, Str sdir, CgoResult *r) {
    memset(r, 0, sizeof *r);
    // `go tool compile` knows nothing of cgo: files it is given that import
    // "C" stay out, as they did with cgo off.
    if (l->cfg.compile_files && strcmp(p->path, "command-line-arguments") == 0) {
        for (int i = 0; i < di->cgofiles.len; i++)
            vec_push(&di->ignored, di->cgofiles.data[i]);
        di->cgofiles.len = di->cgohdrs.len = di->cgotexts.len = di->cgosizes.len = 0;
        return;
    }
    CgoFlags f = {0};
    for (int i = 0; i < di->cgofiles.len && !di->err; i++)
        di->err = cgo_directives(&l->build, p->dir, str_printf("%s/%s", p->dir, di->cgofiles.data[i]),
                                 di->cgotexts.data[i], di->cgosizes.data[i], &f);
    if (!di->err && l->cfg.parse)
        cgo_translate(&l->build, l->goroot, p->path, p->std, p->dir, sdir, di, &f, &p->arena, r);
    cgo_flags_free(&f);
}
