// diff.c: goesc diff [flags] OLD NEW [PACKAGES]: what changed in the
// escape and inlining decisions between two git revisions of the current
// repository, or between two saved -format=json reports. A revision is
// exported (git archive) into a temporary directory, leaving the user's
// work tree and repository untouched, and analysed there by a child goesc
// (both at once); each change is matched by package, function, kind and
// message, so that moved lines match and renamed functions pair up. The
// changes are printed as text here, or by src/report as JSON or SARIF
// (-format). Exit 1 when something got worse (a new heap escape, a lost
// inlining), 2 on bad input.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cmd.h"
#include "diff.h"

// ---- running git and goesc ----

// Runs argv in dir (NULL: here) with stdout to out_path (NULL: captured
// into *out) and stderr to err_path (NULL: inherited). Returns the pid,
// or waits when wait_now and returns the exit status (-1: not run).
static int run(char *const argv[], const char *dir, const char *out_path, const char *err_path, Buf *out,
               bool wait_now) {
    int pfd[2] = {-1, -1};
    if (out && pipe(pfd) != 0)
        return -1;
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        if (dir && chdir(dir) != 0)
            _exit(127);
        if (out) {
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
        execvp(argv[0], argv);
        _exit(127);
    }
    if (out) {
        close(pfd[1]);
        char b[4096];
        ssize_t n;
        while ((n = read(pfd[0], b, sizeof b)) > 0)
            buf_put(out, b, (size_t)n);
        close(pfd[0]);
    }
    if (!wait_now)
        return pid;
    int st;
    if (waitpid(pid, &st, 0) < 0)
        return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static int wait_for(int pid) {
    int st;
    if (pid <= 0 || waitpid(pid, &st, 0) < 0)
        return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

// git's output of argv, its last newline dropped; NULL on failure.
static char *git(char *const argv[]) {
    Buf b = {0};
    int rc = run(argv, NULL, NULL, "/dev/null", &b, true);
    if (rc != 0) {
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

static bool is_file(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

// ---- comparing ----

static int item_cmp(const void *a, const void *b) {
    const DiffItem *x = a, *y = b;
    int c = strcmp(x->pkg, y->pkg);
    if (!c)
        c = strcmp(x->func, y->func);
    if (!c)
        c = strcmp(x->kind, y->kind);
    // "can inline F with cost N as: ..." is about F, whatever its cost
    if (!c && strcmp(x->kind, "can-inline") != 0)
        c = strcmp(x->msg, y->msg);
    return c;
}

// What goesc diff compares: heap escapes, inlined calls, functions that
// can be inlined, parameter leaks. 0: none of those.
static int category(const DiffItem *it) {
    if (it->heap)
        return 1;
    if (strcmp(it->kind, "inlined-call") == 0)
        return 2;
    if (strcmp(it->kind, "can-inline") == 0)
        return 3;
    if (strcmp(it->kind, "leaking-param") == 0)
        return 4;
    return 0;
}

static bool same(const DiffItem *a, const DiffItem *b, bool with_func) {
    if (strcmp(a->pkg, b->pkg) || strcmp(a->kind, b->kind) || (with_func && strcmp(a->func, b->func)))
        return false;
    return category(a) == 3 || strcmp(a->msg, b->msg) == 0;
}

// The item declaring function fn of pkg ("func"), or NULL; a closure
// (F.func1) is in the function that defines it.
static const DiffItem *func_decl(const DiffSide *s, const char *pkg, const char *fn) {
    size_t n = strlen(fn);
    const char *closure = strstr(fn, ".func");
    for (int pass = 0; pass < 2; pass++, n = closure ? (size_t)(closure - fn) : 0) {
        for (int i = 0; i < s->items.len && n; i++) {
            const DiffItem *it = &s->items.data[i];
            if (strcmp(it->kind, "func") == 0 && strlen(it->func) == n && strncmp(it->func, fn, n) == 0 &&
                strcmp(it->pkg, pkg) == 0)
                return it;
        }
    }
    return NULL;
}

static bool has_func(const DiffSide *s, const char *pkg, const char *fn) {
    for (int i = 0; i < s->items.len; i++)
        if (strcmp(s->items.data[i].func, fn) == 0 && strcmp(s->items.data[i].pkg, pkg) == 0)
            return true;
    return false;
}

static ReportSpot spot(const DiffItem *it) {
    if (!it || !it->file)
        return (ReportSpot){0};
    return (ReportSpot){it->file, it->path, it->line, it->col, it->col16};
}

typedef VEC(ReportChange) Changes;

// Pairs what did not change and lists what did, in the text's order:
// renamed functions, then by category, OLD's before NEW's.
static void compare(DiffSide *old, DiffSide *new_, Changes *out) {
    if (old->items.len > 1)
        qsort(old->items.data, (size_t)old->items.len, sizeof *old->items.data, item_cmp);
    if (new_->items.len > 1)
        qsort(new_->items.data, (size_t)new_->items.len, sizeof *new_->items.data, item_cmp);
    // same function: pair equal items, one for one (both sorted)
    for (int i = 0, j = 0; i < old->items.len && j < new_->items.len;) {
        DiffItem *a = &old->items.data[i], *b = &new_->items.data[j];
        int c = item_cmp(a, b);
        if (c == 0) {
            a->matched = b->matched = true;
            i++, j++;
        } else if (c < 0) {
            i++;
        } else {
            j++;
        }
    }
    // a function renamed: it is gone from new, the other is new in it
    for (int i = 0; i < old->items.len; i++) {
        DiffItem *a = &old->items.data[i];
        if (a->matched || !category(a) || has_func(new_, a->pkg, a->func))
            continue;
        for (int j = 0; j < new_->items.len; j++) {
            DiffItem *b = &new_->items.data[j];
            if (b->matched || !same(a, b, false) || has_func(old, b->pkg, b->func))
                continue;
            a->matched = b->matched = true;
            ReportChange c = {CHG_RENAMED, b->kind, b->pkg, b->func, a->func, b->expr, b->msg,
                              spot(a), spot(b), spot(func_decl(new_, b->pkg, b->func))};
            vec_push(out, c);
            break;
        }
    }
    // [category][side]: side 0 is OLD's (gone), 1 NEW's (new)
    static const ChangeKind kinds[5][2] = {{0, 0},
                                           {CHG_FIXED_HEAP, CHG_NEW_HEAP},
                                           {CHG_LOST_INLINED, CHG_GAINED_INLINED},
                                           {CHG_LOST_INLINABLE, CHG_GAINED_INLINABLE},
                                           {CHG_LEAK_REMOVED, CHG_LEAK_ADDED}};
    for (int cat = 1; cat <= 4; cat++) {
        for (int side = 0; side < 2; side++) {
            DiffSide *s = side ? new_ : old;
            for (int i = 0; i < s->items.len; i++) {
                DiffItem *it = &s->items.data[i];
                if (it->matched || category(it) != cat)
                    continue;
                // a function gone or new makes no inlinability change
                if (cat == 3 && !has_func(side ? old : new_, it->pkg, it->func))
                    continue;
                ReportChange c = {kinds[cat][side], it->kind, it->pkg, it->func, NULL, it->expr, it->msg,
                                  side ? (ReportSpot){0} : spot(it), side ? spot(it) : (ReportSpot){0},
                                  spot(func_decl(new_, it->pkg, it->func))};
                vec_push(out, c);
            }
        }
    }
}

// s as "file:line:col" in buf (n bytes), or "?" with no position.
static const char *pos_text(const ReportSpot *s, char *buf, size_t n) {
    if (!s->file)
        snprintf(buf, n, "?");
    else if (s->col > 0)
        snprintf(buf, n, "%s:%d:%d", s->file, s->line, s->col);
    else
        snprintf(buf, n, "%s:%d", s->file, s->line);
    return buf;
}

// The text: one line a change, as the README shows.
static void print_text(const Changes *cs) {
    char a[4096], b[4096];
    for (int i = 0; i < cs->len; i++) {
        const ReportChange *c = &cs->data[i];
        const ReportChangeKind *k = report_change_kind(c->kind);
        if (c->kind == CHG_RENAMED)
            printf("= renamed %s.%s → %s: %s (was %s, now %s)\n", c->pkg, c->old_func, c->func, c->msg,
                   pos_text(&c->old, a, sizeof a), pos_text(&c->new_, b, sizeof b));
        else
            printf("%c %-9s %s: %s (in %s)\n", k->sign, k->category,
                   pos_text(k->sign == '+' ? &c->new_ : &c->old, a, sizeof a), c->msg, c->func);
    }
}

static void side_free(DiffSide *s) {
    for (int i = 0; i < s->items.len; i++) {
        DiffItem *it = &s->items.data[i];
        free(it->kind), free(it->pkg), free(it->func), free(it->msg), free(it->expr), free(it->file);
        free(it->path);
    }
    vec_free(&s->items);
}

static bool load_report(const char *path, const char *name, DiffSide *s) {
    size_t n;
    char *text = read_whole_file(path, &n);
    if (!text) {
        fprintf(stderr, "goesc diff: reading %s: %s\n", name, strerror(errno));
        return false;
    }
    bool ok = diff_read_report(text, n, name, s);
    free(text);
    return ok;
}

// ---- revisions ----

typedef struct Rev {
    const char *arg;
    char *sha;
    char *dir;              // its exported tree
    char *tree, *cwd;       // the tree the child analysed and its directory there
    char *json, *err;       // the child's report and errors
    int pid;
} Rev;

static void remove_tree(const char *dir) {
    char *rm[] = {"rm", "-rf", (char *)dir, NULL};
    run(rm, NULL, "/dev/null", "/dev/null", NULL, true);
}

// Exports rev into dir/tree and starts goesc -format=json there.
static bool start_rev(Rev *r, const char *tmp, const char *which, const char *top, const char *prefix, char **args,
                      int nargs, const char *self, bool in_place) {
    r->dir = xasprintf("%s/%s", tmp, which);
    r->json = xasprintf("%s/%s.snapshot", tmp, which);
    r->err = xasprintf("%s/%s.err", tmp, which);
    if (in_place)
        goto analyse;
    char *tar = xasprintf("%s/%s.tar", tmp, which);
    char *out = xasprintf("--output=%s", tar);
    char *archive[] = {"git", "archive", "--format=tar", out, r->sha, NULL};
    char *untar[] = {"tar", "-xf", tar, "-C", r->dir, NULL};
    // from the top: in a subdirectory git archive exports only that
    bool ok = mkdir(r->dir, 0700) == 0 && run(archive, top, "/dev/null", NULL, NULL, true) == 0 &&
              run(untar, NULL, "/dev/null", NULL, NULL, true) == 0;
    unlink(tar);
    free(tar);
    free(out);
    if (!ok) {
        fprintf(stderr, "goesc diff: cannot export %s into %s\n", r->arg, r->dir);
        return false;
    }
analyse:;
    // the revision checked out, with nothing else here: analysed in place
    // (only read); else in its exported tree
    r->tree = xstrdup(in_place ? top : r->dir);
    r->cwd = xasprintf("%s/%s", r->tree, prefix);
    VEC(char *) argv = {0};
    vec_push(&argv, (char *)self);
    vec_push(&argv, "assert");
    vec_push(&argv, "-snapshot");
    vec_push(&argv, r->json);
    for (int k = 0; k < nargs; k++)
        vec_push(&argv, args[k]);
    vec_push(&argv, NULL);
    r->pid = run(argv.data, in_place ? NULL : r->cwd, "/dev/null", r->err, NULL, false);
    vec_free(&argv);
    return r->pid > 0;
}

// The absolute paths of the items' files, as in the user's work tree (top)
// rather than the exported one: what SARIF's URIs and JSON's "path" say.
// Files outside the tree keep theirs; "$GOROOT/..." has none.
static void place(DiffSide *s, const Rev *r, const char *top) {
    size_t n = strlen(r->tree);
    for (int i = 0; i < s->items.len; i++) {
        DiffItem *it = &s->items.data[i];
        if (!it->file || it->file[0] == '$' || it->file[0] == '<')
            continue;
        char *joined = it->file[0] == '/' ? xstrdup(it->file) : xasprintf("%s/%s", r->cwd, it->file);
        char *abs = path_clean(joined);
        free(joined);
        if (strncmp(abs, r->tree, n) == 0 && abs[n] == '/') {
            it->path = xasprintf("%s%s", top, abs + n);
            free(abs);
        } else {
            it->path = abs;
        }
    }
}

static bool finish_rev(Rev *r, DiffSide *s, const char *top) {
    int rc = wait_for(r->pid);
    if (rc != 0) {
        size_t n = 0;
        char *e = read_whole_file(r->err, &n);
        fprintf(stderr, "goesc diff: analysing %s failed (exit %d):\n%s", r->arg, rc, e ? e : "");
        free(e);
        return false;
    }
    size_t n;
    char *text = read_whole_file(r->json, &n);
    bool ok = text && diff_read_snapshot(text, n, r->json, s);
    if (ok)
        place(s, r, top);
    if (!text)
        fprintf(stderr, "goesc diff: reading %s: %s\n", r->json, strerror(errno));
    free(text);
    return ok;
}

static void rev_free(Rev *r) {
    free(r->sha), free(r->dir), free(r->tree), free(r->cwd), free(r->json), free(r->err);
}

// ---- the command ----

static void usage(void) {
    fprintf(stderr, "usage: goesc diff [-format=text|json|sarif] [flags] OLD NEW [PACKAGES]\n"
                    "  OLD, NEW: git revisions of the repository here, or two goesc -format=json reports\n");
}

// -format's value (as Go's flag package takes it: -format=V, -format V,
// with one dash or two), or NULL when arg is another flag.
static const char *format_flag(int argc, char **argv, int *i) {
    const char *name = argv[*i] + 1 + (argv[*i][1] == '-');
    if (strncmp(name, "format", 6) != 0 || (name[6] && name[6] != '='))
        return NULL;
    if (name[6] == '=')
        return name + 7;
    return *i + 1 < argc ? argv[++*i] : "";
}

int cmd_diff(int argc, char **argv) {
    VEC(char *) flags = {0};
    VEC(char *) pos = {0};
    const char *format = "text";
    for (int i = 0; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1]) {
            const char *f = format_flag(argc, argv, &i);
            if (f && strcmp(f, "text") && strcmp(f, "json") && strcmp(f, "sarif")) {
                fprintf(stderr, "goesc diff: invalid value \"%s\" for flag -format: want text, json or sarif\n", f);
                vec_free(&flags), vec_free(&pos);
                return 2;
            }
            if (f) {
                format = f;
                continue;
            }
            if (strcmp(argv[i], "-o") == 0) {
                fprintf(stderr, "goesc diff: -o: diff prints to stdout\n");
                vec_free(&flags), vec_free(&pos);
                return 2;
            }
            vec_push(&flags, argv[i]);
            if (cmd_escape_flag_takes_value(argv[i]) && i + 1 < argc)
                vec_push(&flags, argv[++i]);
        } else {
            vec_push(&pos, argv[i]);
        }
    }
    if (pos.len < 2) {
        usage();
        vec_free(&flags), vec_free(&pos);
        return 2;
    }
    DiffSide old = {0}, new_ = {0};
    int rc = 2;
    char *root = NULL;      // SARIF's %SRCROOT%
    bool f0 = is_file(pos.data[0]), f1 = is_file(pos.data[1]);
    if (f0 || f1) {
        // two saved reports
        if (!f0 || !f1 || pos.len > 2)
            fprintf(stderr, "goesc diff: %s: with reports, give two report files and no packages\n",
                    f0 ? pos.data[1] : pos.data[0]);
        else if (load_report(pos.data[0], pos.data[0], &old) && load_report(pos.data[1], pos.data[1], &new_))
            rc = 0;
        // the reports' paths are where they were made: relative to the
        // repository here where they lie in it, as goesc -format=sarif's
        char cwd[4096];
        root = cmd_source_root(getcwd(cwd, sizeof cwd));
    } else {
        char *top_argv[] = {"git", "rev-parse", "--show-toplevel", NULL};
        char *pre_argv[] = {"git", "rev-parse", "--show-prefix", NULL};
        char *st_argv[] = {"git", "status", "--porcelain", NULL};
        char *head_argv[] = {"git", "rev-parse", "--verify", "--quiet", "HEAD^{commit}", NULL};
        char *top = git(top_argv), *prefix = top ? git(pre_argv) : NULL, *dirty = top ? git(st_argv) : NULL;
        Rev revs[2] = {{.arg = pos.data[0]}, {.arg = pos.data[1]}};
        bool ok = top && prefix && dirty;
        if (!top)
            fprintf(stderr, "goesc diff: not in a git repository (OLD and NEW are revisions, or two report files)\n");
        for (int k = 0; k < 2 && ok; k++) {
            char *spec = xasprintf("%s^{commit}", revs[k].arg);
            char *rp[] = {"git", "rev-parse", "--verify", "--quiet", spec, NULL};
            revs[k].sha = revs[k].arg[0] == '-' ? NULL : git(rp);
            free(spec);
            if (!revs[k].sha || !*revs[k].sha) {
                fprintf(stderr, "goesc diff: unknown revision %s\n", revs[k].arg);
                ok = false;
            }
        }
        // "?? x": untracked, which the revisions do not have; else changed
        bool changed = false, untracked = false;
        for (const char *l = dirty; ok && l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : "") {
            if (strncmp(l, "??", 2) == 0)
                untracked = true;
            else if (*l && *l != '\n')
                changed = true;
        }
        char *head = ok ? git(head_argv) : NULL;
        bool new_in_place = head && !untracked && revs[1].sha && strcmp(head, revs[1].sha) == 0;
        free(head);
        if (ok && changed) {
            fprintf(stderr, "goesc diff: the work tree has uncommitted changes; commit or stash them first "
                            "(goesc diff compares committed revisions and leaves your files alone)\n");
            ok = false;
        }
        char tmpl[] = "/tmp/goesc-diff-XXXXXX";
        char *tmp = ok ? mkdtemp(tmpl) : NULL;
        if (ok && !tmp) {
            fprintf(stderr, "goesc diff: mkdtemp: %s\n", strerror(errno));
            ok = false;
        }
        if (ok) {
            char self[4096];
            ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
            self[n > 0 ? n : 0] = 0;
            VEC(char *) args = {0};
            for (int k = 0; k < flags.len; k++)
                vec_push(&args, flags.data[k]);
            for (int k = 2; k < pos.len; k++)
                vec_push(&args, pos.data[k]);
            if (pos.len == 2)
                vec_push(&args, ".");
            // both analyses run at once
            // (NEW in place starts first: it needs no export)
            bool s1 = new_in_place && start_rev(&revs[1], tmp, "new", top, prefix, args.data, args.len, self, true);
            bool s0 = (s1 || !new_in_place) &&
                      start_rev(&revs[0], tmp, "old", top, prefix, args.data, args.len, self, false);
            if (!new_in_place)
                s1 = s0 && start_rev(&revs[1], tmp, "new", top, prefix, args.data, args.len, self, false);
            bool r0 = s0 && finish_rev(&revs[0], &old, top);
            bool r1 = s1 && finish_rev(&revs[1], &new_, top);
            if (r0 && r1)
                rc = 0;
            vec_free(&args);
            remove_tree(tmp);
        }
        for (int k = 0; k < 2; k++)
            rev_free(&revs[k]);
        root = top ? path_clean(top) : NULL;
        free(top), free(prefix), free(dirty);
    }
    if (rc == 0) {
        Changes cs = {0};
        compare(&old, &new_, &cs);
        DiffReportConfig cfg = {GOESC_VERSION, pos.data[0], pos.data[1], root};
        if (strcmp(format, "json") == 0)
            report_diff_json(stdout, cs.data, cs.len, &cfg);
        else if (strcmp(format, "sarif") == 0)
            report_diff_sarif(stdout, cs.data, cs.len, &cfg);
        else
            print_text(&cs);
        fflush(stdout);
        int n[CHG_NKINDS] = {0};
        for (int i = 0; i < cs.len; i++)
            n[cs.data[i].kind]++;
        int leaks = n[CHG_LEAK_ADDED] + n[CHG_LEAK_REMOVED];
        fprintf(stderr,
                "goesc diff: %d new heap escape%s, %d fixed; inlined calls %d lost, %d gained; "
                "inlinable functions %d lost, %d gained; %d leak change%s; %d renamed\n",
                n[CHG_NEW_HEAP], n[CHG_NEW_HEAP] == 1 ? "" : "s", n[CHG_FIXED_HEAP], n[CHG_LOST_INLINED],
                n[CHG_GAINED_INLINED], n[CHG_LOST_INLINABLE], n[CHG_GAINED_INLINABLE], leaks, leaks == 1 ? "" : "s",
                n[CHG_RENAMED]);
        rc = 0;
        for (int i = 0; i < cs.len; i++)
            if (report_change_kind(cs.data[i].kind)->effect > 0)
                rc = 1;
        vec_free(&cs);
    }
    free(root);
    side_free(&old);
    side_free(&new_);
    vec_free(&flags);
    vec_free(&pos);
    return rc;
}
