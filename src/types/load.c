// load.c: from command-line patterns to a list of parsed packages,
// dependencies first, the way cmd/go's package loader does it. A pattern
// is "std", "cmd", "all", an import path, a directory (./x, ../x, /abs),
// either of the last two with "..." wildcards, or a list of .go files
// forming the package "command-line-arguments". Each package is loaded
// once (a map by import path), its imports are loaded depth-first in
// sorted order, and a package is appended to the result once all its
// imports are: this is exactly `go list -deps` order (with "runtime" after
// a main package's imports, as the linker needs it). A package met again
// while it is still on the import stack closes an import cycle, which is
// an error, not a hang.
//
// Standard-library packages import golang.org/x/... from GOROOT/src/vendor
// under the import path "vendor/golang.org/x/...", as cmd/go arranges for
// std (cmd uses cmd/vendor). "unsafe" is a pseudo-package without files;
// "C" never appears, because files importing it are ignored
// (CGO_ENABLED=0). Errors use cmd/go's words: a failed import is reported
// at its import spec, a broken package under its import stack.
//
// The patterns themselves are expanded in load_pattern.c, which calls
// load_files and load_import here for each root.
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../base/cache.h"
#include "types.h"

typedef VEC(Str) StrVec;

static bool is_dir(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

#define strf str_printf

static bool has_suffix(const char *s, const char *suf) {
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcmp(s + n - m, suf) == 0;
}

// ---- paths ----

Str load_clean_path(const char *p) {
    char *c = path_clean(p);
    Str r = str_cstr(c);
    free(c);
    return r;
}

Str load_abs_path(Loader *l, const char *p) {
    if (p[0] == '/')
        return load_clean_path(p);
    return load_clean_path(strf("%s/%s", l->cwd, p));
}

// cmd/go's ShortPath: the path relative to the current directory when
// that is shorter ("x.go", "../y/x.go"), else the absolute path. Both
// paths are clean and absolute.
Str load_short_path(Loader *l, Str abs) {
    const char *c = l->cwd, *a = abs;
    // The longest common prefix that ends at a path element boundary.
    size_t common = 0;
    for (size_t i = 0;; i++) {
        bool cend = c[i] == 0 || c[i] == '/', aend = a[i] == 0 || a[i] == '/';
        if (cend && aend)
            common = i;
        if (c[i] == 0 || a[i] == 0 || c[i] != a[i])
            break;
    }
    Buf b = {0};
    for (const char *q = c + common; *q; q++)
        if (*q == '/' && strcmp(c, "/") != 0)
            buf_puts(&b, "../");
    const char *rest = a + common;
    if (*rest == '/')
        rest++;
    buf_puts(&b, rest);
    if (b.len > 0 && b.data[b.len - 1] == '/')
        b.len--;
    Str r = str_cstr(b.len ? buf_cstr(&b) : ".");
    buf_free(&b);
    return str_len(r) < str_len(abs) ? r : abs;
}

// ---- GOROOT ----

// The Go whose gc goesc models, and where Debian installs it.
#define GOESC_GO_MINOR 19
#define GOESC_DEFAULT_GOROOT "/usr/lib/go-1.19"

static bool goroot_ok(const char *dir) {
    return dir && *dir && is_dir(strf("%s/src/runtime", dir));
}

// The N of the Go 1.N whose tree dir is, from internal/goversion (the
// VERSION file is missing from development trees); -1 if unknown.
static int goroot_minor(const char *dir) {
    size_t n;
    char *text = read_whole_file(strf("%s/src/internal/goversion/goversion.go", dir), &n);
    if (!text)
        return -1;
    const char *v = strstr(text, "const Version = ");
    int minor = v ? atoi(v + 16) : -1;
    free(text);
    return minor;
}

// The go command the shell would run, or NULL.
static Str go_on_path(void) {
    const char *path = getenv("PATH");
    if (!path)
        return NULL;
    const char *s = path;
    while (*s) {
        const char *e = strchr(s, ':');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        Str go = n ? strf("%.*s/go", (int)n, s) : NULL;
        if (go && access(go, X_OK) == 0)
            return go;
        s += n;
        if (*s == ':')
            s++;
    }
    return NULL;
}

// Adds a file's path and identity (device, inode, size, times) to h.
static void hash_file_id(Hasher *h, const char *path) {
    struct stat st;
    hash_str(h, path);
    if (!path || stat(path, &st) != 0) {
        hash_u64(h, UINT64_MAX);
        return;
    }
    FileId id = file_id_of(&st, 0);
    hash_u64(h, id.dev);
    hash_u64(h, id.ino);
    hash_u64(h, id.size);
    hash_u64(h, (uint64_t)id.mtime);
    hash_u64(h, (uint64_t)id.ctime);
}

// Whether the executable at real (no symlinks) is a Go tree's own bin/go,
// whose GOROOT the go command takes from where it lies: not a version
// manager's shim, whose answer may depend on the directory it runs in.
static bool tree_go(const char *real) {
    size_t n = real ? strlen(real) : 0;
    if (n < 8 || strcmp(real + n - 7, "/bin/go") != 0)
        return false;
    return is_dir(strf("%.*s/pkg/tool", (int)(n - 7), real));
}

// What `go env GOROOT` prints for go (GOROOT being unset), remembered in
// memo: running it costs 5 ms, a fifth of a warm run. For a Go tree's
// own bin/go the answer depends on that executable (where it lies, its
// built-in default) and on the go env file, which may set GOROOT; the key
// covers both files.
static bool go_env_goroot(const char *go, Cache *memo, char *line, size_t cap) {
    Hash key;
    char *real = memo ? realpath(go, NULL) : NULL;
    if (!tree_go(real))
        memo = NULL;
    if (memo) {
        Hasher h;
        hash_init(&h);
        hash_str(&h, "go env GOROOT");
        hash_file_id(&h, real);
        const char *goenv = getenv("GOENV"), *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
        hash_str(&h, goenv);
        if (!goenv || !*goenv)
            hash_file_id(&h, xdg && *xdg ? strf("%s/go/env", xdg) : home && *home ? strf("%s/.config/go/env", home) : NULL);
        else if (strcmp(goenv, "off") != 0)
            hash_file_id(&h, goenv);
        key = hash_done(&h);
        free(real);
        real = NULL;
        void *data;
        size_t n;
        if (cache_get(memo, key, &data, &n)) {
            bool fits = n < cap && goroot_ok(data);
            if (fits)
                memcpy(line, data, n + 1);
            free(data);
            if (fits)
                return true;
        }
    }
    free(real);
    FILE *f = popen(strchr(go, '\'') ? "go env GOROOT 2>/dev/null" : strf("'%s' env GOROOT 2>/dev/null", go), "r");
    if (!f)
        return false;
    bool got = fgets(line, (int)cap, f) != NULL;
    pclose(f);
    line[strcspn(line, "\n")] = 0;
    if (got && memo && *line)
        cache_put(memo, key, line, strlen(line));
    return got;
}

static Str find_goroot(Cache *memo) {
    const char *env = getenv("GOROOT");
    if (env && *env)
        return load_clean_path(env);  // what the user set, even if wrong: load_new says so
    Str go = go_on_path();
    char line[PATH_MAX] = {0};
    // A go of another version: Debian's Go 1.19 if it is there
    if (go && go_env_goroot(go, memo, line, sizeof line) && goroot_ok(line) &&
        (goroot_minor(line) == GOESC_GO_MINOR || !goroot_ok(GOESC_DEFAULT_GOROOT)))
        return load_clean_path(line);
    if (goroot_ok(GOESC_DEFAULT_GOROOT))
        return str_cstr(GOESC_DEFAULT_GOROOT);
    if (goroot_ok("/usr/lib/go"))
        return str_cstr("/usr/lib/go");
    if (goroot_ok("/usr/local/go"))
        return str_cstr("/usr/local/go");
    // The newest /usr/lib/go-1.N.
    DIR *d = opendir("/usr/lib");
    int best = -1;
    if (d) {
        struct dirent *de;
        while ((de = readdir(d)) != NULL) {
            int minor;
            char tail;
            if (sscanf(de->d_name, "go-1.%d%c", &minor, &tail) == 1 && minor > best &&
                goroot_ok(strf("/usr/lib/%s", de->d_name)))
                best = minor;
        }
        closedir(d);
    }
    if (best >= 0)
        return strf("/usr/lib/go-1.%d", best);
    return NULL;
}

// ---- the loader ----

Loader *load_new(const LoadConfig *cfg, Diags *d) {
    Str goroot = cfg->goroot ? cfg->goroot : find_goroot(cfg->memo);
    if (goroot && !goroot_ok(goroot)) {
        // As cmd/go words it for a $GOROOT that holds no Go tree.
        diag_error_nopos(d, "goesc: cannot find GOROOT directory: %s", goroot);
        return NULL;
    }
    if (!goroot) {
        diag_error_nopos(d, "goesc: cannot find GOROOT (the Go installation holding src/runtime); "
                            "set $GOROOT or put the go tool on $PATH");
        return NULL;
    }
    int minor = goroot_minor(goroot);
    if (minor >= 0 && minor != GOESC_GO_MINOR) {
        diag_error_nopos(d, "goesc: GOROOT %s holds Go 1.%d; goesc models Go 1.%d's compiler and reads its "
                            "standard library: set GOROOT to a Go 1.%d installation (Debian: apt-get install "
                            "golang-1.%d-go golang-1.%d-src, then GOROOT=%s)", goroot, minor, GOESC_GO_MINOR,
                         GOESC_GO_MINOR, GOESC_GO_MINOR, GOESC_GO_MINOR, GOESC_DEFAULT_GOROOT);
        return NULL;
    }
    Loader *l = xcalloc(1, sizeof *l);
    l->cfg = *cfg;
    l->diags = d;
    l->goroot = load_clean_path(goroot);
    l->gorootsrc = strf("%s/src", l->goroot);
    // Like Go's os.Getwd, prefer $PWD when it names the current directory:
    // it keeps the symbolic links the user went through (GOROOT/src is
    // often one), so that paths compare with GOROOT and print as typed.
    char cwd[PATH_MAX];
    const char *pwd = getenv("PWD");
    struct stat a, b;
    if (pwd && pwd[0] == '/' && stat(pwd, &a) == 0 && stat(".", &b) == 0 &&
        a.st_dev == b.st_dev && a.st_ino == b.st_ino)
        l->cwd = load_clean_path(pwd);
    else
        l->cwd = str_cstr(getcwd(cwd, sizeof cwd) ? cwd : "/");
    const char *goos = getenv("GOOS"), *goarch = getenv("GOARCH");
    Str os = cfg->goos ? cfg->goos : str_cstr(goos && *goos ? goos : "linux");
    Str arch = cfg->goarch ? cfg->goarch : str_cstr(goarch && *goarch ? goarch : "amd64");
    // Without -tags, cmd/go takes -tags from GOFLAGS.
    Str *tags = cfg->tags;
    int ntags = cfg->ntags;
    StrVec flagtags = {0};
    const char *goflags = getenv("GOFLAGS");
    const char *t = goflags && !ntags ? strstr(goflags, "-tags=") : NULL;
    if (t && (t == goflags || t[-1] == ' ')) {
        for (t += 6; *t && *t != ' ';) {
            size_t k = strcspn(t, ", ");
            if (k)
                vec_push(&flagtags, str_intern(t, k));
            t += k;
            if (*t == ',')
                t++;
        }
        tags = flagtags.data;
        ntags = flagtags.len;
    }
    build_ctx_init(&l->build, os, arch, tags, ntags);
    l->build.cgo = cgo_enabled(os, arch);
    vec_free(&flagtags);
    // GOPATH: its entries, or $HOME/go.
    const char *gp = getenv("GOPATH");
    StrVec gps = {0};
    if (gp && *gp) {
        const char *s = gp;
        while (*s) {
            const char *e = strchr(s, ':');
            size_t n = e ? (size_t)(e - s) : strlen(s);
            if (n)
                vec_push(&gps, load_abs_path(l, strf("%.*s", (int)n, s)));
            s += n;
            if (*s == ':')
                s++;
        }
    } else {
        const char *home = getenv("HOME");
        vec_push(&gps, strf("%s/go", home && *home ? home : "/root"));
    }
    l->gopath = gps.data;
    l->ngopath = gps.len;
    l->mode = MODE_NOMOD;
    return l;
}

Str load_goroot(Loader *l) { return l->goroot; }

void load_free(Loader *l) {
    if (!l)
        return;
    for (int i = 0; i < l->order.len + l->variants.len; i++) {
        Package *p = i < l->order.len ? l->order.data[i] : l->variants.data[i - l->order.len];
        // The parser keeps a file's directives in a malloc'd vector.
        for (int j = 0; j < p->nfiles; j++)
            if (p->syn[j])
                vec_free(&p->syn[j]->directives);
        arena_free(&p->arena);
    }
    // What types computed on demand (type sets, struct offsets) goes with
    // the packages' types.
    types_side_free();
    vec_free(&l->order);
    vec_free(&l->pending);
    vec_free(&l->roots);
    vec_free(&l->variants);
    vec_free(&l->stack);
    free(l->tab);
    free(l->gopath);
    free(l->build.tags);
    mod_free(l->mod);
    arena_free(&l->arena);
    free(l);
}

static uint32_t ptr_hash(Str s) {
    uintptr_t v = (uintptr_t)s;
    return (uint32_t)((v >> 3) * 2654435761u);
}

Package *load_lookup(Loader *l, Str path) {
    if (!l->tabcap)
        return NULL;
    for (uint32_t i = ptr_hash(path) & (uint32_t)(l->tabcap - 1);; i = (i + 1) & (uint32_t)(l->tabcap - 1)) {
        Package *p = l->tab[i];
        if (!p)
            return NULL;
        if (p->path == path)
            return p;
    }
}

Package *load_import_of(Package *p, Str path) {
    // Sorted, except for the imports cgo adds at the end: a plain scan.
    for (int i = 0; i < p->nimports; i++)
        if (strcmp(p->import_paths[i], path) == 0)
            return p->imports[i];
    return NULL;
}

static void tab_insert(Loader *l, Package *p) {
    if ((l->tablen + 1) * 2 > l->tabcap) {
        int ncap = l->tabcap ? l->tabcap * 2 : 512;
        Package **old = l->tab;
        int ocap = l->tabcap;
        l->tab = xcalloc((size_t)ncap, sizeof(Package *));
        l->tabcap = ncap;
        for (int i = 0; i < ocap; i++) {
            if (!old[i])
                continue;
            uint32_t j = ptr_hash(old[i]->path) & (uint32_t)(ncap - 1);
            while (l->tab[j])
                j = (j + 1) & (uint32_t)(ncap - 1);
            l->tab[j] = old[i];
        }
        free(old);
    }
    uint32_t j = ptr_hash(p->path) & (uint32_t)(l->tabcap - 1);
    while (l->tab[j])
        j = (j + 1) & (uint32_t)(l->tabcap - 1);
    l->tab[j] = p;
    l->tablen++;
}

// Where an import comes from, for error messages.
typedef struct ImportSite {
    Str file;           // display path of the importing file
    int line, col;
    Str gcfile;         // the file as gc names it in its own errors
    int pline, pcol;    // the path's position, where gc reports errors
} ImportSite;

// "package ROOT\n\timports A\n\timports B: msg": cmd/go's import-stack form.
static void error_with_stack(Loader *l, Str last, const char *msg) {
    Buf b = {0};
    if (l->stack.len == 0) {
        buf_printf(&b, "package %s: %s", last, msg);
    } else {
        buf_printf(&b, "package %s", l->stack.data[0]->path);
        for (int i = 1; i < l->stack.len; i++)
            buf_printf(&b, "\n\timports %s", l->stack.data[i]->path);
        buf_printf(&b, "\n\timports %s: %s", last, msg);
    }
    diag_error_nopos(l->diags, "%s", buf_cstr(&b));
    buf_free(&b);
}

// Whether importer may import q under the "internal" rule: a package
// below an "internal" directory is importable only from the tree rooted at
// that directory's parent. As cmd/go does, this compares directories, so
// that a file list (command-line-arguments) counts where it lies.
static bool internal_allowed(Package *importer, Package *q) {
    const char *path = q->path, *cut = NULL;
    if (strncmp(path, "internal", 8) == 0 && (path[8] == '/' || path[8] == 0))
        cut = path;
    for (const char *s = path; !cut && (s = strstr(s, "/internal")) != NULL; s++)
        if (s[9] == '/' || s[9] == 0)
            cut = s;
    if (!cut)
        return true;
    // Drop as many trailing elements from q's directory as the path has
    // from "internal" on.
    int drop = 1;
    for (const char *s = cut + 1; *s; s++)
        drop += *s == '/';
    size_t n = str_len(q->dir);
    while (drop > 0 && n > 0) {
        n--;
        if (q->dir[n] == '/')
            drop--;
    }
    return strncmp(importer->dir, q->dir, n) == 0 && (importer->dir[n] == '/' || importer->dir[n] == 0);
}

// "package ROOT\n\timports A\n\tFILE:L:C: msg": an error in the importing
// package itself, shown under its import stack.
static void error_in_stack(Loader *l, const ImportSite *site, const char *msg) {
    Buf b = {0};
    for (int i = 0; i < l->stack.len; i++)
        buf_printf(&b, i ? "\n\timports %s" : "package %s", l->stack.data[i]->path);
    buf_printf(&b, "\n\t%s:%d:%d: %s", site->file, site->line, site->col, msg);
    diag_error_nopos(l->diags, "%s", buf_cstr(&b));
    buf_free(&b);
}

static void error_at(Loader *l, const ImportSite *site, const char *msg) {
    if (site)
        diag_error_nopos(l->diags, "%s:%d:%d: %s", site->file, site->line, site->col, msg);
    else
        diag_error_nopos(l->diags, "%s", msg);
}

Package *load_new_package(Loader *l, Str path, Str dir) {
    Package *p = ARENA_NEW(&l->arena, Package);
    p->path = path;
    p->dir = dir;
    tab_insert(l, p);
    return p;
}

// Fills p from its directory (or the given file list) and loads its
// imports. p is on the import stack meanwhile.
void load_files(Loader *l, Package *p, Str *only, int nonly, bool root, const ImportSite *site) {
    DirInfo di;
    if (!build_scan_dir(&l->build, p->dir, only, nonly, &di, &p->arena)) {
        diag_error_nopos(l->diags, "cannot read directory %s", p->dir);
        p->bad = true;
        return;
    }
    p->name = di.name;
    // gc's own messages name files the way cmd/go passes them to it:
    // relative to the package directory, which cmd/go then shortens, so a
    // file in the current directory reads "./x.go".
    Str sdir = load_short_path(l, p->dir);
    CgoResult cg = {0};
    if (di.cgofiles.len)
        cgo_package(l, p, &di, sdir, &cg);
    int ngo = di.gofiles.len;
    p->nfiles = ngo + cg.files.len;
    p->files = ARENA_ARRAY(&l->arena, Str, p->nfiles + 1);
    p->syn = ARENA_ARRAY(&l->arena, SynFile *, p->nfiles + 1);
    for (int i = 0; i < ngo; i++)
        p->files[i] = strf("%s/%s", sdir, di.gofiles.data[i]);
    for (int i = 0; i < cg.files.len; i++)
        p->files[ngo + i] = cg.files.data[i];
    // `go tool compile FILE...` names the files exactly as they were given.
    // (cgo files may have been dropped, so match by base name.)
    if (l->given_files && only && root)
        for (int i = 0; i < ngo; i++)
            for (int j = 0; j < nonly; j++)
                if (only[j] == di.gofiles.data[i])
                    p->files[i] = str_cstr(l->given_files[j]);
    // go build hands gc the symbols of the package's assembly files;
    // types_asm_symbols reads them if a later stage asks
    p->build = &l->build;
    p->nsfiles = di.sfiles.len;
    p->sfiles = ARENA_ARRAY(&l->arena, Str, p->nsfiles + 1);
    for (int i = 0; i < p->nsfiles; i++)
        p->sfiles[i] = di.sfiles.data[i];
    p->nignored = di.ignored.len;
    p->ignored = ARENA_ARRAY(&l->arena, Str, p->nignored + 1);
    for (int i = 0; i < p->nignored; i++)
        p->ignored[i] = di.ignored.data[i];
    if (di.err) {
        p->bad = true;
        // cmd/go blames a bad directory on the import that led to it.
        // go/parser's errors carry their own position; cmd/go shortens
        // the file name
        if (di.err_file)
            diag_error_nopos(l->diags, "%s:%s", load_short_path(l, di.err_file), di.err);
        else
            error_at(l, site, di.err);
    } else if (ngo + di.cgofiles.len == 0) {
        if (root && di.ntest > 0 && !l->wild && !l->cfg.tests) {
            diag_error_nopos(l->diags, "go build %s: no non-test Go files in %s", p->path, p->dir);
            p->bad = true;
        } else if (di.ntest == 0 && !di.any_go && root && l->stack.len == 0) {
            // go build names no package here, unlike for the exclusion
            diag_error_nopos(l->diags, "no Go files in %s", p->dir);
            p->bad = true;
        } else if (di.ntest == 0) {
            error_with_stack(l, p->path,
                             strf(di.any_go ? "build constraints exclude all Go files in %s"
                                            : "no Go files in %s", p->dir));
            p->bad = true;
        }
    }
    // The imports, sorted and deduplicated, each with its first site.
    typedef struct { Str path; ImportSite site; bool implied; } Imp;
    VEC(Imp) imps = {0};
    // Like cmd/go, do not follow the imports of a broken directory: they
    // would only add noise to the one error that matters.
    for (int i = 0; i < di.hdrs.len && !di.err; i++) {
        FileHeader *h = &di.hdrs.data[i];
        for (int j = 0; j < h->nimports; j++) {
            // cmd/go's own errors shorten the file's path itself ("x.go").
            Str file = load_short_path(l, strf("%s/%s", p->dir, di.gofiles.data[i]));
            FileImport *fi = &h->imports[j];
            Imp im = {fi->path, {file, fi->line, fi->col, p->files[i], fi->pline, fi->pcol}, false};
            vec_push(&imps, im);
        }
    }
    for (int i = 0; i < di.cgohdrs.len && !di.err; i++) {
        FileHeader *h = &di.cgohdrs.data[i];
        Str name = di.cgofiles.data[i];
        for (int j = 0; j < h->nimports; j++) {
            FileImport *fi = &h->imports[j];
            if (strcmp(fi->path, "C") == 0)
                continue;
            Imp im = {fi->path, {load_short_path(l, strf("%s/%s", p->dir, name)), fi->line, fi->col,
                                 strf("%s/%s", sdir, name), fi->pline, fi->pcol}, false};
            vec_push(&imps, im);
        }
    }
    // Stable insertion sort: keeps the first site of each path.
    for (int i = 1; i < imps.len; i++) {
        Imp x = imps.data[i];
        int j = i - 1;
        while (j >= 0 && strcmp(imps.data[j].path, x.path) > 0) {
            imps.data[j + 1] = imps.data[j];
            j--;
        }
        imps.data[j + 1] = x;
    }
    int n = 0;
    for (int i = 0; i < imps.len; i++)
        if (n == 0 || imps.data[n - 1].path != imps.data[i].path)
            imps.data[n++] = imps.data[i];
    imps.len = n;
    // What cgo's translation imports, after the sorted ones (cmd/go's
    // addImport), with no site of their own.
    if (di.cgofiles.len && !di.err) {
        static const char *const implied[] = {"unsafe", "runtime/cgo", "syscall"};
        for (int k = 0; k < 3; k++) {
            Str path = str_cstr(implied[k]);
            bool have = false;
            for (int i = 0; i < imps.len; i++)
                have |= imps.data[i].path == path;
            if (!have && cgo_implies(p, path)) {
                Imp im = {path, {0}, true};
                vec_push(&imps, im);
            }
        }
        n = imps.len;
    }
    p->nimports = n;
    p->import_paths = ARENA_ARRAY(&l->arena, Str, n + 1);
    p->imports = ARENA_ARRAY(&l->arena, Package *, n + 1);
    if (l->cfg.parse && !p->bad) {
        // The directives gc accepts depend on the flags cmd/go passes it:
        // -std for the standard library, -+ for the runtime's packages.
        static const char *const runtime_pkgs[] = {
            "internal/abi", "internal/bytealg", "internal/cpu", "internal/goarch",
            "internal/goos", "runtime", "runtime/internal/atomic", "runtime/internal/math",
            "runtime/internal/sys", "runtime/internal/syscall"};
        SynOptions opts = {.std = p->std};
        for (size_t i = 0; i < sizeof runtime_pkgs / sizeof runtime_pkgs[0]; i++)
            opts.compiling_runtime |= p->std && strcmp(p->path, runtime_pkgs[i]) == 0;
        if (l->cfg.compile_files && strcmp(p->path, "command-line-arguments") == 0) {
            opts.std |= l->cfg.files_std;
            opts.compiling_runtime |= l->cfg.files_runtime;
        }
        p->parse_opts = opts;
        p->texts = ARENA_ARRAY(&l->arena, const char *, p->nfiles + 1);
        p->sizes = ARENA_ARRAY(&l->arena, uint32_t, p->nfiles + 1);
        p->ids = ARENA_ARRAY(&l->arena, FileId, p->nfiles + 1);   // cgo's: none
        for (int i = 0; i < p->nfiles; i++) {
            p->texts[i] = i < ngo ? di.texts.data[i] : cg.texts.data[i - ngo];
            p->sizes[i] = i < ngo ? di.sizes.data[i] : cg.sizes.data[i - ngo];
            if (i < ngo && i < di.ids.len)
                p->ids[i] = di.ids.data[i];
        }
        if (l->cfg.syntax_per_package) {
            p->syntax = ARENA_NEW(&p->arena, Diags);
            p->syntax->limit = l->diags->limit;
        }
        if (cg.err) {
            // go build stops at a failed cgo run, with its output.
            Diags *d = l->cfg.syntax_per_package ? p->syntax : l->diags;
            if (l->cfg.syntax_per_package)
                p->syntax_header = cg.err_header;
            else
                diag_error_nopos(d, "# %s", cg.err_header);
            diag_error_nopos(d, "%s", cg.err);
            p->bad = true;
        } else if (l->early) {
            // its parse once it is done loading (load_order_push)
            p->pending = load_place_files(p);
            vec_push(&l->pending, p);
        } else if (l->defer_parse) {
            vec_push(&l->unparsed, p);
        } else {
            load_parse_files(l, p);
        }
    }
    build_dir_free(&di);
    cgo_result_free(&cg);
    vec_push(&l->stack, p);
    for (int i = 0; i < n; i++) {
        p->import_paths[i] = imps.data[i].path;
        Package *q = load_import(l, imps.data[i].path, p, imps.data[i].implied ? NULL : &imps.data[i].site);
        p->imports[i] = q;
        bool compile_mode = l->cfg.compile_files && strcmp(p->path, "command-line-arguments") == 0;
        if (q && !compile_mode && !internal_allowed(p, q)) {
            error_in_stack(l, &imps.data[i].site, strf("use of internal package %s not allowed", q->path));
            p->bad = true;
        }
    }
    // The linker's implicit dependency: every program links runtime, and
    // `go list -deps` lists it after the main package's own imports.
    if (p->name && strcmp(p->name, "main") == 0) {
        Str rt = str_cstr("runtime");
        bool have = false;
        for (int i = 0; i < n; i++)
            have |= p->import_paths[i] == rt;
        if (!have)
            load_import(l, rt, p, NULL);
    }
    l->stack.len--;
    vec_free(&imps);
}

// Standard import paths have no dot in their first element.
bool load_is_std_path(Str path) {
    const char *slash = strchr(path, '/');
    size_t n = slash ? (size_t)(slash - path) : strlen(path);
    return memchr(path, '.', n) == NULL;
}

static bool valid_import_path(Str path) {
    if (!*path || path[0] == '/' || has_suffix(path, "/"))
        return false;
    for (const char *s = path; *s; s++)
        if (*s == '\\' || *s == '"' || *s == ' ' || (unsigned char)*s < 0x20)
            return false;
    for (const char *s = path; *s;) {
        const char *e = strchr(s, '/');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        if (n == 0 || (n == 1 && s[0] == '.') || (n == 2 && s[0] == '.' && s[1] == '.'))
            return false;
        s += n;
        if (*s == '/')
            s++;
    }
    return true;
}

// A package met again: fine, unless it is still being loaded further up
// the import stack, which closes a cycle.
static Package *finish_known(Loader *l, Package *p) {
    if (p->state == 1 && !p->bad) {
        error_with_stack(l, p->path, "import cycle not allowed");
        // Mark the whole cycle bad so that later stages skip it.
        for (int i = l->stack.len - 1; i >= 0 && l->stack.data[i] != p; i--)
            l->stack.data[i]->bad = true;
        p->bad = true;
    }
    return p;
}

// A path written relative to the current directory or absolute, not an
// import path: ".", "..", "./x", "../x", "/x" (cmd/go's IsLocalImport, plus
// absolute paths). Patterns and imports both use it.
bool load_is_local_path(const char *pat) {
    return strcmp(pat, ".") == 0 || strcmp(pat, "..") == 0 || strncmp(pat, "./", 2) == 0 ||
           strncmp(pat, "../", 3) == 0 || pat[0] == '/';
}

// A relative import ("./x"). Module mode has none; GOPATH mode allows them
// in local packages (those outside any GOPATH tree, named "_/dir"), where
// they name the directory relative to the importer's.
static Package *load_local_import(Loader *l, Str path, Package *importer, const ImportSite *site) {
    const char *msg = NULL;
    if (l->mode == MODE_MODULE)
        msg = strf("\"%s\" is relative, but relative import paths are not supported in module mode", path);
    else if (!importer || (importer->path[0] != '_' && strcmp(importer->path, "command-line-arguments") != 0))
        msg = strf("local import \"%s\" in non-local package", path);
    if (msg) {
        error_at(l, site, msg);
        if (importer)
            importer->bad = true;
        return NULL;
    }
    Str dir = load_clean_path(strf("%s/%s", importer->dir, path));
    Package *p = load_lookup(l, strf("_%s", dir));
    if (p)
        return finish_known(l, p);
    if (!is_dir(dir)) {
        error_at(l, site, strf("cannot find package \"%s\" in:\n\t%s", path, dir));
        importer->bad = true;
        return NULL;
    }
    p = load_new_package(l, strf("_%s", dir), dir);
    p->state = 1;
    load_files(l, p, NULL, 0, false, site);
    p->state = 2;
    load_order_push(l, p);
    return p;
}

// ---- gc's separate compilation (-D, -I) ----

// Whether importer's imports resolve as gc's do: the files being compiled
// when -D or -I is given, and packages that came from object files.
static bool gc_imports(Loader *l, Package *importer) {
    if (!importer)
        return false;
    if (importer->object)
        return true;
    return l->cfg.compile_files && (l->cfg.local_prefix || l->cfg.nimport_dirs) &&
           strcmp(importer->path, "command-line-arguments") == 0;
}

static bool is_file(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

// gc's openPackage: PATH.a before PATH.o, in each -I directory in turn.
static Str find_object(Loader *l, Str path) {
    if (load_is_local_path(path)) {
        Str a = strf("%s.a", path), o = strf("%s.o", path);
        return is_file(a) ? a : is_file(o) ? o : NULL;
    }
    for (int i = 0; i < l->cfg.nimport_dirs; i++) {
        Str a = strf("%s/%s.a", l->cfg.import_dirs[i], path);
        Str o = strf("%s/%s.o", l->cfg.import_dirs[i], path);
        if (is_file(a))
            return a;
        if (is_file(o))
            return o;
    }
    return NULL;
}

static void gc_import_error(Loader *l, Package *importer, const ImportSite *site, Str path,
                            const char *why) {
    if (site)
        diag_error_nopos(l->diags, "%s:%d:%d: could not import %s (%s)",
                         site->gcfile ? site->gcfile : site->file, site->pline, site->pcol, path, why);
    else
        diag_error_nopos(l->diags, "could not import %s (%s)", path, why);
    importer->bad = true;
}

// The package object file `file` describes, imported as path: loaded and
// parsed from its recorded sources, its own imports resolved as recorded.
static Package *load_object(Loader *l, Str path, Str rpath, Str file, Package *importer,
                            const ImportSite *site) {
    Package *p = load_lookup(l, rpath);
    if (p)
        return finish_known(l, p);
    LoadObject *o = ARENA_NEW(&l->arena, LoadObject);
    char *err = NULL;
    if (!l->cfg.read_object) {
        gc_import_error(l, importer, site, path, "no object file reader");
        return NULL;
    }
    if (!l->cfg.read_object(l->cfg.read_ctx, file, &l->arena, o, &err)) {
        gc_import_error(l, importer, site, path, err ? err : "unreadable object file");
        free(err);
        return NULL;
    }
    if (o->nfiles == 0) {
        gc_import_error(l, importer, site, path, "object file lists no source files");
        return NULL;
    }
    // The sources lie in one directory, as goesc requires of a file list.
    Str dir = NULL;
    Str *names = ARENA_ARRAY(&l->arena, Str, o->nfiles);
    for (int i = 0; i < o->nfiles; i++) {
        const char *slash = strrchr(o->files[i], '/');
        Str d = !slash ? NULL : slash == o->files[i] ? str_cstr("/")
                              : str_intern(o->files[i], (size_t)(slash - o->files[i]));
        if (!d || (dir && d != dir)) {
            gc_import_error(l, importer, site, path, "object file's sources are not in one directory");
            return NULL;
        }
        dir = d;
        names[i] = str_cstr(slash + 1);
    }
    p = load_new_package(l, rpath, dir);
    p->object = o;
    p->state = 1;
    load_files(l, p, names, o->nfiles, false, site);
    p->state = 2;
    load_order_push(l, p);
    return p;
}

// Resolves path as gc does for importer (see LoadConfig). Returns true
// when it settled the import (*out: the package, or NULL after an error);
// false to resolve *path_io (maybe rewritten) from source.
static bool gc_import(Loader *l, Str *path_io, Package *importer, const ImportSite *site, Package **out) {
    Str path = *path_io, rpath = path, file = NULL;
    *out = NULL;
    if (strcmp(path, "unsafe") == 0)
        return false;
    if (strcmp(path, "main") == 0) {
        gc_import_error(l, importer, site, path, "cannot import \"main\"");
        return true;
    }
    LoadObject *io = importer->object;
    if (!io && l->cfg.pkgpath && path == l->cfg.pkgpath) {
        gc_import_error(l, importer, site, path,
                        strf("import \"%s\" while compiling that package (import cycle)", path));
        return true;
    }
    if (io) {
        for (int i = 0; i < io->nimports; i++)
            if (io->imports[i] == path) {
                if (!io->import_files[i]) {
                    *path_io = io->import_paths[i];
                    return false;
                }
                *out = load_object(l, path, io->import_paths[i], io->import_files[i], importer, site);
                return true;
            }
        return false;   // not recorded: from source, as any other import
    }
    if (load_is_local_path(path)) {
        if (path[0] == '/') {
            gc_import_error(l, importer, site, path, "import path cannot be absolute path");
            return true;
        }
        rpath = load_clean_path(strf("%s/%s", l->cfg.local_prefix ? l->cfg.local_prefix : l->cwd, path));
    }
    file = find_object(l, rpath);
    if (!file) {
        // Not in -I: std and module packages load from source; gc would
        // find them in GOROOT/pkg or through -importcfg.
        Str module;
        char *err = NULL;
        bool source = !load_is_local_path(rpath) &&
                      ((load_is_std_path(rpath) && is_dir(strf("%s/%s", l->gorootsrc, rpath))) ||
                       mod_find_dir(l, l->mod, rpath, &module, &err));
        free(err);
        if (source) {
            *path_io = rpath;
            return false;
        }
        gc_import_error(l, importer, site, path, "file not found");
        return true;
    }
    *out = load_object(l, path, rpath, load_abs_path(l, file), importer, site);
    return true;
}

Package *load_import(Loader *l, Str path, Package *importer, const ImportSite *site) {
    Package *gp;
    if (gc_imports(l, importer) && gc_import(l, &path, importer, site, &gp))
        return gp;
    if (load_is_local_path(path))
        return load_local_import(l, path, importer, site);
    if (!valid_import_path(path)) {
        error_at(l, site, strf("invalid import path: \"%s\"", path));
        if (importer)
            importer->bad = true;
        return NULL;
    }
    // std packages use std's own copies of golang.org/x/... under vendor/.
    if (importer && importer->std && !load_is_std_path(path)) {
        bool cmd = strncmp(importer->path, "cmd/", 4) == 0;  // the cmd module has its own vendor/
        Str v = strf(cmd ? "cmd/vendor/%s" : "vendor/%s", path);
        if (load_lookup(l, v) || is_dir(strf("%s/%s", l->gorootsrc, v)))
            path = v;
    }
    Str dir = NULL, module = NULL;
    if (l->mode == MODE_GOPATH && importer && !importer->std) {
        Str vdir;
        Str v = mod_gopath_vendor(l, importer->dir, path, &vdir);
        if (v) {
            path = v;
            dir = vdir;
        }
    }
    Package *p = load_lookup(l, path);
    if (p)
        return finish_known(l, p);
    bool std = false;
    if (strcmp(path, "unsafe") == 0) {
        p = load_new_package(l, path, strf("%s/unsafe", l->gorootsrc));
        p->name = path;
        p->std = true;
        p->state = 2;
        p->files = ARENA_ARRAY(&l->arena, Str, 1);
        p->syn = ARENA_ARRAY(&l->arena, SynFile *, 1);
        p->ignored = ARENA_ARRAY(&l->arena, Str, 1);
        p->import_paths = ARENA_ARRAY(&l->arena, Str, 1);
        p->imports = ARENA_ARRAY(&l->arena, Package *, 1);
        load_order_push(l, p);
        return p;
    }
    Str gorootdir = NULL;
    if (!dir && load_is_std_path(path)) {
        gorootdir = strf("%s/%s", l->gorootsrc, path);
        if (is_dir(gorootdir)) {
            dir = gorootdir;
            std = true;
        }
    }
    if (!dir) {
        // A dotless path may still name a package of a module whose path
        // has no dot (cmd/go looks there too); if none has it, cmd/go
        // says it is not in GOROOT.
        char *err = NULL;
        dir = mod_find_dir(l, l->mod, path, &module, &err);
        if (!dir) {
            if (gorootdir && l->mode != MODE_GOPATH) {
                free(err);
                err = NULL;
                error_at(l, site, strf("package %s is not in GOROOT (%s)", path, gorootdir));
            } else {
                error_at(l, site, err);
            }
            free(err);
            if (importer)
                importer->bad = true;
            return NULL;
        }
    }
    p = load_new_package(l, path, dir);
    p->std = std;
    p->module = module;
    p->state = 1;
    load_files(l, p, NULL, 0, importer == NULL, site);
    p->state = 2;
    load_order_push(l, p);
    return p;
}

int load_package_go_minor(Loader *l, const Package *p) {
    if (p->std || l->mode != MODE_MODULE || !p->module)
        return -1;
    return mod_go_minor(l->mod, p->module);
}

// ---- for the test variants (testpkg.c) ----

Package *load_test_import(Loader *l, Package *importer, const FileImport *fi, Str file, Str gcfile, bool tool) {
    ImportSite site = {load_short_path(l, file), fi->line, fi->col, gcfile, fi->pline, fi->pcol};
    vec_push(&l->stack, importer);
    Package *q = load_import(l, fi->path, importer, &site);
    l->stack.len--;
    if (q && !tool && !internal_allowed(importer, q)) {
        error_in_stack(l, &site, strf("use of internal package %s not allowed", q->path));
        importer->bad = true;
    }
    return q;
}
