// diff.c: goesc diff [flags] OLD NEW [PACKAGES]: what changed in the
// escape and inlining decisions between two git revisions of the current
// repository, or between two saved -format=json reports. A revision is
// exported (git archive) into a temporary directory, leaving the user's
// work tree and repository untouched, and analysed there by a child goesc
// (both at once, leaving out the packages whose keys the two children
// share: diff_trade_keys); each change is matched by package, function,
// kind and message, so that moved lines match and renamed functions pair
// up. The changes are printed as text here, or by src/report as JSON or
// SARIF (-format). Exit 1 when something got worse (a new heap escape, a
// lost inlining), 2 on bad input.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cmd.h"
#include "diff.h"

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

static void sort_items(DiffSide *s) {
    if (s->items.len > 1)
        qsort(s->items.data, (size_t)s->items.len, sizeof *s->items.data, item_cmp);
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
// (both sides sorted by sort_items)
static void compare(DiffSide *old, DiffSide *new_, Changes *out) {
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
    arena_free(&s->strings);
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
    int rc;                 // the child's exit status
    int peer;               // diff's end of the child's socket (-1: none)
} Rev;

// Exports rev into dir/tree (unless in_place) and starts goesc there;
// with trade, with a socket to trade keys on.
static bool start_rev(Rev *r, const char *tmp, const char *which, const char *top, const char *prefix, char **args,
                      int nargs, const char *self, bool in_place, bool trade) {
    r->dir = xasprintf("%s/%s", tmp, which);
    r->json = xasprintf("%s/%s.snapshot", tmp, which);
    r->err = xasprintf("%s/%s.err", tmp, which);
    if (!in_place && !diff_export(top, r->sha, r->dir)) {
        if (!diff_interrupted())
            fprintf(stderr, "goesc diff: cannot export %s into %s\n", r->arg, r->dir);
        return false;
    }
    // the revision checked out, with nothing else here: analysed in place
    // (only read); else in its exported tree
    r->tree = xstrdup(in_place ? top : r->dir);
    r->cwd = xasprintf("%s/%s", r->tree, prefix);
    VEC(char *) argv = {0};
    vec_push(&argv, (char *)self);
    vec_push(&argv, "assert");
    vec_push(&argv, "-snapshot");
    vec_push(&argv, r->json);
    int sv[2] = {-1, -1};
    if (trade && socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0) {
        vec_push(&argv, "-peer");
        vec_push(&argv, "3");
    }
    for (int k = 0; k < nargs; k++)
        vec_push(&argv, args[k]);
    vec_push(&argv, NULL);
    r->pid = diff_spawn(argv.data, in_place ? NULL : r->cwd, "/dev/null", r->err, NULL, sv[1]);
    vec_free(&argv);
    if (sv[1] >= 0)
        close(sv[1]);
    r->peer = sv[0];
    return r->pid > 0;
}

// The absolute paths of the items' files, as in the user's work tree (top)
// rather than the exported one: what SARIF's URIs and JSON's "path" say.
// Files outside the tree keep theirs; "$GOROOT/..." has none. Items come
// in runs of one file, so the last file's path is reused.
static void place(DiffSide *s, const Rev *r, const char *top) {
    size_t n = strlen(r->tree);
    const char *last_file = NULL;
    char *last_path = NULL;
    for (int i = 0; i < s->items.len; i++) {
        DiffItem *it = &s->items.data[i];
        if (!it->file || it->file[0] == '$' || it->file[0] == '<')
            continue;
        if (last_file && strcmp(it->file, last_file) == 0) {
            it->path = last_path;
            continue;
        }
        char *joined = it->file[0] == '/' ? xstrdup(it->file) : xasprintf("%s/%s", r->cwd, it->file);
        char *abs = path_clean(joined);
        free(joined);
        bool inside = strncmp(abs, r->tree, n) == 0 && abs[n] == '/';
        char *p = inside ? xasprintf("%s%s", top, abs + n) : abs;
        it->path = last_path = arena_strndup(&s->strings, p, strlen(p));
        last_file = it->file;
        if (inside)
            free(p);
        free(abs);
    }
}

// Reads the snapshot of a child that has ended, sorted for compare, and
// removes what it leaves in the temporary directory; false after adding
// to err what went wrong (printed once both have ended, OLD's first).
static bool finish_rev(Rev *r, DiffSide *s, const char *top, Buf *err) {
    if (r->rc != 0) {
        size_t n = 0;
        char *e = read_whole_file(r->err, &n);
        buf_printf(err, "goesc diff: analysing %s failed (exit %d):\n%s", r->arg, r->rc, e ? e : "");
        free(e);
        return false;
    }
    size_t n;
    char *text = read_whole_file(r->json, &n);
    bool ok = text && diff_read_snapshot(text, n, r->json, s, err);
    if (ok)
        place(s, r, top);
    if (!text)
        buf_printf(err, "goesc diff: reading %s: %s\n", r->json, strerror(errno));
    free(text);
    sort_items(s);
    // while the other child runs
    if (strcmp(r->tree, top) != 0)
        diff_remove_tree(r->dir);
    unlink(r->json);
    return ok;
}

static void rev_free(Rev *r) {
    free(r->sha), free(r->dir), free(r->tree), free(r->cwd), free(r->json), free(r->err);
}

// What git says about the repository here before diff starts.
typedef struct Repo {
    char *top, *prefix;     // the work tree's top, and the directory here in it
    char *dirty;            // git status --porcelain
    char *head;             // HEAD's commit (NULL: none)
} Repo;

// A revision that rev-parse without --verify reads as the one commit that
// --verify does: no range (A..B, ^A, A^@, A^!, A^-) and no option.
static bool single_rev(const char *a) {
    return a[0] != '-' && a[0] != '^' && !strstr(a, "..") && !strstr(a, "^@") && !strstr(a, "^!") &&
           !strstr(a, "^-");
}

// One git rev-parse for the top, the prefix and the three commits, with
// git status beside it: two processes, at once, where asking one question
// at a time took six in a row. False (with nothing learnt) when any of
// them fails, for ask_one_by_one to tell why.
static bool ask_at_once(Repo *g, Rev revs[2], int status_pid, int status_fd) {
    bool ok = single_rev(revs[0].arg) && single_rev(revs[1].arg);
    char *spec0 = xasprintf("%s^{commit}", revs[0].arg), *spec1 = xasprintf("%s^{commit}", revs[1].arg);
    char *argv[] = {"git", "rev-parse", "--show-toplevel", "--show-prefix", spec0, spec1, "HEAD^{commit}", "--", NULL};
    char *out = ok ? diff_git(argv) : NULL;
    free(spec0), free(spec1);
    // top, prefix, the three commits, "--"
    char *line[6] = {0};
    int n = 0;
    for (char *p = out; p && n < 6; n++) {
        line[n] = p;
        p = strchr(p, '\n');
        if (p)
            *p++ = 0;
    }
    for (int k = 2; ok && k < 5; k++)
        ok = line[k] && strlen(line[k]) >= 40 && strspn(line[k], "0123456789abcdef") == strlen(line[k]);
    ok = ok && n == 6 && strcmp(line[5], "--") == 0;
    Buf st = {0};
    if (status_pid > 0 && diff_finish_output(status_pid, status_fd, &st) == 0)
        g->dirty = xstrdup(buf_cstr(&st));
    buf_free(&st);
    ok = ok && g->dirty;
    if (ok) {
        g->top = xstrdup(line[0]), g->prefix = xstrdup(line[1]), g->head = xstrdup(line[4]);
        revs[0].sha = xstrdup(line[2]), revs[1].sha = xstrdup(line[3]);
    }
    free(out);
    return ok;
}

// Asks git one question at a time; false after saying what is wrong.
static bool ask_one_by_one(Repo *g, Rev revs[2]) {
    char *top_argv[] = {"git", "rev-parse", "--show-toplevel", NULL};
    char *pre_argv[] = {"git", "rev-parse", "--show-prefix", NULL};
    char *head_argv[] = {"git", "rev-parse", "--verify", "--quiet", "HEAD^{commit}", NULL};
    g->top = diff_git(top_argv);
    g->prefix = g->top ? diff_git(pre_argv) : NULL;
    bool ok = g->top && g->prefix && g->dirty;
    if (!g->top)
        fprintf(stderr, "goesc diff: not in a git repository (OLD and NEW are revisions, or two report files)\n");
    for (int k = 0; k < 2 && ok; k++) {
        char *spec = xasprintf("%s^{commit}", revs[k].arg);
        char *rp[] = {"git", "rev-parse", "--verify", "--quiet", spec, NULL};
        revs[k].sha = revs[k].arg[0] == '-' ? NULL : diff_git(rp);
        free(spec);
        if (!revs[k].sha || !*revs[k].sha) {
            fprintf(stderr, "goesc diff: unknown revision %s\n", revs[k].arg);
            ok = false;
        }
    }
    g->head = ok ? diff_git(head_argv) : NULL;
    return ok;
}

// -m, -m=N: flags that the children ignore (a snapshot is -m's).
static bool only_m(const char *flag) {
    const char *f = flag + 1 + (flag[1] == '-');
    return f[0] == 'm' && (!f[1] || (f[1] == '=' && f[2] && strspn(f + 2, "0123456789") == strlen(f + 2)));
}

// The changes between revisions OLD and NEW: both analysed, by two
// children at once, each into a snapshot in a temporary directory.
static int read_revisions(Rev revs[2], Repo *g, char **flags, int nflags, char **pkgs, int npkgs, DiffSide *old,
                          DiffSide *new_) {
    char *st_argv[] = {"git", "status", "--porcelain", NULL};
    int status_fd = -1;
    int status_pid = diff_spawn(st_argv, NULL, NULL, "/dev/null", &status_fd, -1);
    bool ok = ask_at_once(g, revs, status_pid, status_fd);
    if (!ok) {
        for (int k = 0; k < 2; k++)
            free(revs[k].sha), revs[k].sha = NULL;
        ok = ask_one_by_one(g, revs);
    }
    // "?? x": untracked, which the revisions do not have; else changed
    bool changed = false, untracked = false;
    for (const char *l = g->dirty; ok && l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : "") {
        if (strncmp(l, "??", 2) == 0)
            untracked = true;
        else if (*l && *l != '\n')
            changed = true;
    }
    bool new_in_place = ok && g->head && !untracked && strcmp(g->head, revs[1].sha) == 0;
    if (ok && changed) {
        fprintf(stderr, "goesc diff: the work tree has uncommitted changes; commit or stash them first "
                        "(goesc diff compares committed revisions and leaves your files alone)\n");
        ok = false;
    }
    if (!ok)
        return 2;
    const char *tmpdir = getenv("TMPDIR");
    char *tmp = xasprintf("%s/goesc-diff-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
    diff_catch_signals();
    if (!mkdtemp(tmp)) {
        fprintf(stderr, "goesc diff: mkdtemp: %s\n", strerror(errno));
        free(tmp);
        diff_release_signals();
        return 2;
    }
    char self[4096];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    self[n > 0 ? n : 0] = 0;
    VEC(char *) args = {0};
    for (int k = 0; k < nflags; k++)
        vec_push(&args, flags[k]);
    for (int k = 0; k < npkgs; k++)
        vec_push(&args, pkgs[k]);
    if (npkgs == 0)
        vec_push(&args, ".");
    // both analyses run at once (NEW in place starts first: it needs no
    // export, which then runs beside it); without flags but -m (-l, -lang
    // and -test set the named packages apart), the packages that both
    // revisions have the same are left out
    bool trade = true;
    for (int k = 0; k < nflags; k++)
        trade &= only_m(flags[k]);
    bool s1 = new_in_place &&
              start_rev(&revs[1], tmp, "new", g->top, g->prefix, args.data, args.len, self, true, trade);
    bool s0 = (s1 || !new_in_place) && !diff_interrupted() &&
              start_rev(&revs[0], tmp, "old", g->top, g->prefix, args.data, args.len, self, false, trade);
    if (!new_in_place)
        s1 = s0 && !diff_interrupted() &&
             start_rev(&revs[1], tmp, "new", g->top, g->prefix, args.data, args.len, self, false, trade);
    int peers[2] = {revs[0].peer, revs[1].peer};
    if (s0 && s1)
        diff_trade_keys(peers);
    else
        for (int k = 0; k < 2; k++)
            if (peers[k] >= 0)
                close(peers[k]);
    // the first to end is read while the other runs
    int pids[2] = {s0 ? revs[0].pid : 0, s1 ? revs[1].pid : 0}, k, krc;
    bool good[2] = {false, false};
    Buf err[2] = {0};
    while ((k = diff_wait_any(pids, 2, &krc)) >= 0) {
        revs[k].rc = krc;
        if (!diff_interrupted())
            good[k] = finish_rev(&revs[k], k ? new_ : old, g->top, &err[k]);
    }
    int rc = 2;
    if (!diff_interrupted()) {
        for (k = 0; k < 2; k++)
            fputs(buf_cstr(&err[k]), stderr);
        rc = good[0] && good[1] ? 0 : 2;
    }
    buf_free(&err[0]), buf_free(&err[1]);
    vec_free(&args);
    diff_remove_tree(tmp);
    free(tmp);
    diff_release_signals();
    return rc;
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
        sort_items(&old), sort_items(&new_);
        // the reports' paths are where they were made: relative to the
        // repository here where they lie in it, as goesc -format=sarif's
        char cwd[4096];
        root = cmd_source_root(getcwd(cwd, sizeof cwd));
    } else {
        Rev revs[2] = {{.arg = pos.data[0], .peer = -1}, {.arg = pos.data[1], .peer = -1}};
        Repo g = {0};
        rc = read_revisions(revs, &g, flags.data, flags.len, pos.data + 2, pos.len - 2, &old, &new_);
        for (int k = 0; k < 2; k++)
            rev_free(&revs[k]);
        root = g.top ? path_clean(g.top) : NULL;
        free(g.top), free(g.prefix), free(g.dirty), free(g.head);
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
