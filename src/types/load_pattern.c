// load_pattern.c: the loader's command-line side, cmd/go's pattern
// matching. It expands "std", "cmd", "all", import paths and directories
// (with "..." wildcards) into root packages, or makes the package
// "command-line-arguments" from a list of .go files, and hands each root
// to load.c, which loads it and its imports. It also picks the main
// module from the first directory pattern when the current directory has
// none.
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "types.h"

typedef VEC(Str) StrVec;

// The same small helpers as load.c's (build.c and modload.c keep theirs
// too): copies are shorter than an export each.
#define strf str_printf

static bool is_dir(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool has_suffix(const char *s, const char *suf) {
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcmp(s + n - m, suf) == 0;
}

static int cmp_str(const void *x, const void *y) {
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

static int cmp_pkg_path(const void *x, const void *y) {
    return strcmp((*(Package *const *)x)->path, (*(Package *const *)y)->path);
}

// cmd/go's pattern matching: "..." matches any string, "x/..." also
// matches "x", and "..." does not reach into vendor directories unless
// the pattern mentions vendor.
static bool match_here(const char *pat, const char *s) {
    if (!*pat)
        return !*s;
    if (strncmp(pat, "...", 3) == 0) {
        for (const char *t = s;; t++) {
            if (match_here(pat + 3, t))
                return true;
            if (!*t)
                return false;
        }
    }
    return *s == *pat && match_here(pat + 1, s + 1);
}

static bool match_pattern(const char *pat, const char *name) {
    if (!strstr(pat, "vendor") &&
        (strncmp(name, "vendor/", 7) == 0 || strstr(name, "/vendor/") || has_suffix(name, "/vendor")))
        return false;
    if (has_suffix(pat, "/...")) {
        size_t n = strlen(pat) - 4;
        if (strlen(name) == n && strncmp(pat, name, n) == 0)
            return true;
    }
    return match_here(pat, name);
}

typedef struct Walk {
    const char *pattern;    // import-path pattern, or NULL: everything
    bool prune_gomod;       // stop at nested modules
    bool prune_vendor;
    bool std;               // an import-path walk: skip runtime/cgo
    StrVec *dirs, *names;
} Walk;

// One read of each directory: its subdirectories, its .go files and
// whether it has a go.mod (the entry's type spares a stat; a file system
// that does not say it is lstat'ed).
static void walk_dir(Loader *l, Walk *w, Str dir, Str name, bool top) {
    if (!top) {
        const char *elem = strrchr(dir, '/') + 1;
        if (elem[0] == '.' || elem[0] == '_' || strcmp(elem, "testdata") == 0)
            return;
    }
    DIR *d = opendir(dir);
    if (!d)
        return;
    StrVec subs = {0}, gofiles = {0};
    bool gomod = false;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        gomod |= strcmp(de->d_name, "go.mod") == 0;
        bool isdir = de->d_type == DT_DIR;
        if (de->d_type == DT_UNKNOWN) {
            struct stat st;
            isdir = lstat(strf("%s/%s", dir, de->d_name), &st) == 0 && S_ISDIR(st.st_mode);
        }
        if (isdir)
            vec_push(&subs, str_cstr(de->d_name));
        else if (build_is_go_file(dir, de->d_name, de->d_type))
            vec_push(&gofiles, str_cstr(de->d_name));
    }
    closedir(d);
    // builtin only documents the predeclared names: no pattern matches it.
    // Import-path walks also leave out runtime/cgo when cgo is off (a
    // local ./... walk keeps it: cmd/go only asks whether it has files).
    bool skip = (!top && w->prune_gomod && gomod) || strcmp(dir, strf("%s/builtin", l->gorootsrc)) == 0 ||
                (w->std && !l->build.cgo && strcmp(name, "runtime/cgo") == 0);
    if (*name && !skip && (!w->pattern || match_pattern(w->pattern, name)) &&
        build_dir_has_package(&l->build, dir, gofiles.data, gofiles.len)) {
        vec_push(w->dirs, dir);
        vec_push(w->names, name);
    }
    vec_free(&gofiles);
    if ((!top && w->prune_gomod && gomod) || (!top && w->prune_vendor && strcmp(strrchr(dir, '/') + 1, "vendor") == 0)) {
        vec_free(&subs);
        return;
    }
    if (subs.len > 1)
        qsort(subs.data, (size_t)subs.len, sizeof(Str), cmp_str);
    for (int i = 0; i < subs.len; i++)
        walk_dir(l, w, strf("%s/%s", dir, subs.data[i]),
                 *name ? strf("%s/%s", name, subs.data[i]) : subs.data[i], false);
    vec_free(&subs);
}

static void add_root(Loader *l, Package *p) {
    if (!p || p->matched)
        return;
    p->matched = true;
    vec_push(&l->roots, p);
}

static Package *load_root_path(Loader *l, Str path) {
    l->stack.len = 0;
    return load_import(l, path, NULL, NULL);
}

// Import path of a directory named on the command line.
static Str dir_import_path(Loader *l, Str dir, Str *module, bool *std) {
    *module = NULL;
    *std = false;
    if (strncmp(dir, l->gorootsrc, str_len(l->gorootsrc)) == 0 && dir[str_len(l->gorootsrc)] == '/') {
        *std = true;
        return str_cstr(dir + str_len(l->gorootsrc) + 1);
    }
    Str path = mod_dir_to_path(l, l->mod, dir, module);
    if (path)
        return path;
    if (l->mode == MODE_MODULE || l->mode == MODE_NOMOD)
        return NULL;
    // Outside any module or GOPATH tree: GOPATH mode's local import path.
    return strf("_%s", dir);
}

// What cmd/go calls the packages a directory may hold in module mode.
static const char *module_scope(Loader *l) {
    return mod_workspace(l->mod) ? "modules listed in go.work or their selected dependencies"
                                 : "main module or its selected dependencies";
}

static void load_dir_pattern(Loader *l, Str dir) {
    Str module;
    bool std;
    Str path = dir_import_path(l, dir, &module, &std);
    if (!path) {
        if (l->mode == MODE_NOMOD)
            diag_error_nopos(l->diags, "go: go.mod file not found in current directory or any parent directory; "
                                       "see 'go help modules'");
        else
            diag_error_nopos(l->diags, "directory %s outside %s", load_short_path(l, dir), module_scope(l));
        return;
    }
    if (std) {
        add_root(l, load_root_path(l, path));
        return;
    }
    Package *p = load_lookup(l, path);
    if (!p) {
        l->stack.len = 0;
        p = load_new_package(l, path, dir);
        p->module = module;
        p->state = 1;
        load_files(l, p, NULL, 0, true, NULL);
        p->state = 2;
        load_order_push(l, p);
    }
    add_root(l, p);
}

static void load_files_pattern(Loader *l, char **files, int n) {
    Str dir = NULL;
    StrVec names = {0};
    for (int i = 0; i < n; i++) {
        if (!has_suffix(files[i], ".go")) {
            diag_error_nopos(l->diags, "named files must be .go files: %s", files[i]);
            goto out;
        }
        Str abs = load_abs_path(l, files[i]);
        struct stat st;
        if (stat(abs, &st) != 0) {
            diag_error_nopos(l->diags, "stat %s: %s", load_short_path(l, abs), go_errno_text(errno));
            goto out;
        }
        if (S_ISDIR(st.st_mode)) {
            diag_error_nopos(l->diags, "stat %s: no such file or directory", load_short_path(l, abs));
            goto out;
        }
        if (!S_ISREG(st.st_mode)) {
            diag_error_nopos(l->diags, "read %s: not a regular file (%s): goesc does not read it, where go build "
                             "would wait on it forever", load_short_path(l, abs),
                             S_ISFIFO(st.st_mode) ? "a named pipe" : "a device or socket");
            goto out;
        }
        const char *slash = strrchr(abs, '/');
        Str d = slash == abs ? str_cstr("/") : str_intern(abs, (size_t)(slash - abs));
        if (dir && d != dir) {
            diag_error_nopos(l->diags, "named files must all be in one directory; have %s and %s",
                             load_short_path(l, dir), load_short_path(l, d));
            goto out;
        }
        dir = d;
        vec_push(&names, str_cstr(slash + 1));
    }
    l->stack.len = 0;
    Package *p = load_new_package(l, str_cstr("command-line-arguments"), dir);
    p->state = 1;
    if (l->cfg.compile_files)
        l->given_files = files;
    // gc, given the files, reads their headers itself: its words, not go/parser's
    l->build.gc_headers = l->cfg.compile_files;
    load_files(l, p, names.data, names.len, true, NULL);
    l->build.gc_headers = false;
    l->given_files = NULL;
    p->state = 2;
    load_order_push(l, p);
    add_root(l, p);
out:
    vec_free(&names);
}

static void load_one_pattern(Loader *l, const char *pat) {
    bool meta = strcmp(pat, "std") == 0 || strcmp(pat, "cmd") == 0;
    if (meta || (strstr(pat, "...") && !load_is_local_path(pat))) {
        StrVec dirs = {0}, names = {0};
        // Meta patterns match everything in their tree, vendor/ included.
        Walk w = {meta ? NULL : pat, true, false, true, &dirs, &names};
        if (strcmp(pat, "cmd") == 0 || strncmp(pat, "cmd/", 4) == 0) {
            // cmd is a module of its own inside GOROOT/src.
            walk_dir(l, &w, strf("%s/cmd", l->gorootsrc), str_cstr("cmd"), true);
        } else if (meta || load_is_std_path(pat)) {
            walk_dir(l, &w, l->gorootsrc, str_cstr(""), true);
        }
        for (int i = 0; !meta && i < mod_nmains(l->mod); i++) {
            Walk wm = {pat, true, true, false, &dirs, &names};
            walk_dir(l, &wm, mod_main_root(l->mod, i), mod_main_path(l->mod, i), true);
        }
        if (!meta && l->mode == MODE_GOPATH) {
            for (int i = 0; i < l->ngopath; i++) {
                Walk wg = {pat, false, false, false, &dirs, &names};
                Str src = strf("%s/src", l->gopath[i]);
                if (is_dir(src))
                    walk_dir(l, &wg, src, str_cstr(""), true);
            }
        }
        if (names.len > 1)
            qsort(names.data, (size_t)names.len, sizeof(Str), cmp_str);
        if (names.len == 0)
            fprintf(stderr, "go: warning: \"%s\" matched no packages\n", pat);
        l->wild = true;
        for (int i = 0; i < names.len; i++)
            add_root(l, load_root_path(l, names.data[i]));
        l->wild = false;
        vec_free(&dirs);
        vec_free(&names);
        return;
    }
    if (strcmp(pat, "all") == 0) {
        // The main module's packages and everything they import. cmd/go
        // adds the imports of their tests too; we do not read tests.
        if (l->mode != MODE_MODULE || !l->mod) {
            diag_error_nopos(l->diags, "goesc: pattern \"all\" needs a main module (go.mod)");
            return;
        }
        StrVec dirs = {0}, names = {0};
        for (int i = 0; i < mod_nmains(l->mod); i++) {
            Walk w = {NULL, true, true, false, &dirs, &names};
            walk_dir(l, &w, mod_main_root(l->mod, i), mod_main_path(l->mod, i), true);
        }
        if (names.len > 1)
            qsort(names.data, (size_t)names.len, sizeof(Str), cmp_str);
        l->wild = true;
        for (int i = 0; i < names.len; i++)
            load_root_path(l, names.data[i]);
        l->wild = false;
        Package **all = xcalloc((size_t)l->order.len + 1, sizeof(Package *));
        int n = l->order.len;
        memcpy(all, l->order.data, sizeof(Package *) * (size_t)n);
        qsort(all, (size_t)n, sizeof(Package *), cmp_pkg_path);
        for (int i = 0; i < n; i++)
            add_root(l, all[i]);
        free(all);
        vec_free(&dirs);
        vec_free(&names);
        return;
    }
    if (load_is_local_path(pat)) {
        const char *dots = strstr(pat, "...");
        if (!dots) {
            Str dir = load_abs_path(l, pat);
            if (!is_dir(dir)) {
                diag_error_nopos(l->diags, "stat %s: directory not found", dir);
                return;
            }
            load_dir_pattern(l, dir);
            return;
        }
        // Walk from the directory before the first wildcard and match
        // the rest against each directory's path as written.
        size_t pre = (size_t)(dots - pat);
        while (pre > 0 && pat[pre - 1] != '/')
            pre--;
        Str base = load_abs_path(l, pre ? strf("%.*s", (int)pre, pat) : ".");
        Str cleanpat = load_clean_path(pat);
        Str cleanbase = load_clean_path(pre ? strf("%.*s", (int)pre, pat) : ".");
        if (l->mode == MODE_MODULE && !mod_prefix_in_mains(l->mod, base) &&
            !(strncmp(base, l->gorootsrc, str_len(l->gorootsrc)) == 0 && base[str_len(l->gorootsrc)] == '/')) {
            diag_error_nopos(l->diags, "pattern %s: directory prefix %s does not contain %s", pat,
                             load_short_path(l, base), module_scope(l));
            return;
        }
        StrVec dirs = {0}, names = {0};
        Walk w = {NULL, l->mode == MODE_MODULE, true, false, &dirs, &names};
        walk_dir(l, &w, base, str_cstr("."), true);
        int matched = 0;
        for (int i = 0; i < dirs.len; i++) {
            // The directory as the user would spell it, for matching.
            Str rel = strcmp(names.data[i], ".") == 0 ? cleanbase
                      : strcmp(cleanbase, ".") == 0   ? strf("%s", names.data[i] + 2)
                                                      : strf("%s/%s", cleanbase, names.data[i] + 2);
            if (pat[0] == '.' && pat[1] == '/' && rel[0] != '.')
                rel = strf("./%s", rel);
            Str cp = pat[0] == '.' && pat[1] == '/' && cleanpat[0] != '.' ? strf("./%s", cleanpat) : cleanpat;
            if (!match_pattern(cp, rel) && !match_pattern(cleanpat, rel))
                continue;
            matched++;
            l->wild = true;
            load_dir_pattern(l, dirs.data[i]);
            l->wild = false;
        }
        if (matched == 0)
            fprintf(stderr, "go: warning: \"%s\" matched no packages\n", pat);
        vec_free(&dirs);
        vec_free(&names);
        return;
    }
    add_root(l, load_root_path(l, str_cstr(pat)));
}
Package **load_patterns(Loader *l, char **patterns, int n, int *npkgs) {
    // The main module comes from the current directory, or else from the
    // first directory pattern (friendlier than cmd/go, which needs cwd).
    const char *start = NULL;
    for (int i = 0; i < n && !start; i++) {
        if (has_suffix(patterns[i], ".go")) {
            Str abs = load_abs_path(l, patterns[i]);
            start = str_intern(abs, (size_t)(strrchr(abs, '/') - abs));
        } else if (load_is_local_path(patterns[i])) {
            const char *dots = strstr(patterns[i], "...");
            start = load_abs_path(l, dots ? strf("%.*s", (int)(dots - patterns[i]), patterns[i]) : patterns[i]);
        }
    }
    if (!l->mod && l->mode == MODE_NOMOD) {
        l->mod = mod_init(l, start);
        if (l->diags->nerrors) {  // no usable go.mod or go.work
            *npkgs = 0;
            return l->order.data;
        }
    }
    bool later = l->cfg.parse_later && l->cfg.syntax_per_package;
    l->defer_parse = l->cfg.lazy_bodies != NULL || later;
    if (l->defer_parse && !l->cfg.lazy_bodies)
        load_early_begin(l);
    if (n > 0 && has_suffix(patterns[0], ".go")) {
        load_files_pattern(l, patterns, n);
    } else {
        for (int i = 0; i < n; i++)
            load_one_pattern(l, patterns[i]);
    }
    // The checking thread goes on after a load without errors.
    if (load_early_checking(l) && l->diags->nerrors == 0)
        load_early_loaded(l);
    else
        load_early_end(l);
    // In the order of a parse during loading, so that positions are the same.
    for (int i = 0; i < l->unparsed.len; i++) {
        Package *p = l->unparsed.data[i];
        p->parse_opts.lazy_bodies = !p->bad && l->cfg.lazy_bodies && l->cfg.lazy_bodies(l->cfg.lazy_ctx, p);
        if (p->parse_opts.lazy_bodies || later) {
            // its parse at the first use, or when asked for
            SrcFile **srcs = load_place_files(p);
            if (p->parse_opts.lazy_bodies)
                p->unparsed = srcs;
            else {
                p->pending = srcs;
                vec_push(&l->pending, p);
            }
        } else {
            load_parse_files(l, p);
        }
    }
    vec_free(&l->unparsed);
    l->defer_parse = false;
    *npkgs = l->order.len;
    return l->order.data;
}

Package **load_roots(Loader *l, int *n) {
    *n = l->roots.len;
    return l->roots.data;
}
