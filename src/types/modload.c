// modload.c: where a non-standard import path lives on disk, as cmd/go
// decides it. In module mode the main module's go.mod names the module
// path, the required versions and the replacements; a package is found in
// the one module of the build list whose path is a prefix of the import
// path, in that module's directory: the main module's root, a local
// replacement, vendor/ (when it exists and go >= 1.14, as -mod=vendor is
// then the default; GOFLAGS=-mod=... overrides), or the module cache at
// $GOMODCACHE/<escaped path>@<escaped version>. We never download: a
// module missing from the cache is an error.
//
// The build list is the main module's own require list when its go.mod
// says go >= 1.17: since then go.mod lists every module that provides a
// package in the build, which is what minimal version selection would
// pick. Older go.mod files get a full walk of the requirement graph.
//
// A go.work file (found from the current directory upward, or named by
// GOWORK; GOWORK=off disables it) makes a workspace: every module it
// `use`s is a main module, their requirements together form the build
// list, and its own replacements override theirs. Vendoring is off there.
//
// With GO111MODULE=off, import paths are looked up in the vendor
// directories from the importer's directory upward, then in $GOPATH/src.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <dirent.h>
#include <errno.h>

#include "types.h"

typedef struct Module {
    Str path, version;
    Str dir;            // root directory, NULL when not in the module cache
    int go_minor;       // its go directive's 1.N (mod_go_minor); 0 unread
} Module;

typedef struct Replace {
    Str old_path, old_version;  // old_version NULL: all versions
    Str new_path, new_version;  // new_version NULL: new_path is a directory
    Str base;                   // what a relative new_path is relative to
} Replace;

typedef struct MainModule {
    Str path, root;
    int go_minor;
} MainModule;

struct ModState {
    // One parsed go.mod or go.work file:
    Str main_path;      // from the module directive
    Str main_root;      // directory holding the file
    int go_minor;       // from the go directive: 1.<go_minor>
    VEC(Str) uses;      // go.work's use directives, as written
    // The build:
    VEC(MainModule) mains;  // the main module, or a workspace's modules
    Str work;           // the go.work file in workspace mode, else NULL
    bool vendor;        // -mod=vendor in effect
    Str cache;          // module cache root
    VEC(Module) mods;   // the build list without the main modules
    VEC(Replace) repl;
};

static bool is_dir(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_file(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

// cmd/go only looks at whether a module directory holds any .go file when
// deciding which module provides a package; build tags do not matter.
static bool dir_has_go_files(const char *dir) {
    DIR *d = opendir(dir);
    if (!d)
        return false;
    struct dirent *de;
    bool found = false;
    Buf p = {0};
    while (!found && (de = readdir(d)) != NULL) {
        size_t n = strlen(de->d_name);
        if (n < 3 || strcmp(de->d_name + n - 3, ".go") != 0)
            continue;
        p.len = 0;
        buf_printf(&p, "%s/%s", dir, de->d_name);
        found = is_file(buf_cstr(&p));
    }
    buf_free(&p);
    closedir(d);
    return found;
}

// The module cache spells uppercase letters as '!' + lowercase, so that
// paths differing only in case stay distinct on case-folding file systems.
static void put_escaped(Buf *b, const char *s) {
    for (; *s; s++) {
        if (*s >= 'A' && *s <= 'Z') {
            buf_putc(b, '!');
            buf_putc(b, (char)(*s - 'A' + 'a'));
        } else {
            buf_putc(b, *s);
        }
    }
}

// Whether dir, below the module root, holds a package of that module:
// some .go file, and no go.mod on the way up, since a directory with its
// own go.mod starts a nested module.
static bool dir_in_module(const char *root, const char *dir) {
    if (!dir_has_go_files(dir))
        return false;
    Buf b = {0};
    buf_puts(&b, dir);
    size_t rootlen = strlen(root);
    bool nested = false;
    while (!nested && b.len > rootlen) {
        size_t len = b.len;
        buf_puts(&b, "/go.mod");
        nested = is_file(buf_cstr(&b));
        b.len = len;
        while (b.len > 0 && b.data[b.len - 1] != '/')
            b.len--;
        if (b.len > 0)
            b.len--;
    }
    buf_free(&b);
    return !nested;
}

// ---- go.mod ----

typedef struct ModLexer {
    const char *p, *end;
} ModLexer;

// Next token on the current line; NULL at the end of the line. Quoted
// strings are unquoted; "=>", "(" and ")" are tokens of their own.
static Str mod_token(ModLexer *x) {
    while (x->p < x->end && (*x->p == ' ' || *x->p == '\t' || *x->p == '\r'))
        x->p++;
    if (x->p >= x->end || *x->p == '\n')
        return NULL;
    if (x->p + 1 < x->end && x->p[0] == '/' && x->p[1] == '/') {
        while (x->p < x->end && *x->p != '\n')
            x->p++;
        return NULL;
    }
    const char *s = x->p;
    if (*s == '"' || *s == '`') {
        char q = *s;
        Buf b = {0};
        x->p++;
        while (x->p < x->end && *x->p != q && *x->p != '\n') {
            if (*x->p == '\\' && q == '"' && x->p + 1 < x->end)
                x->p++;
            buf_putc(&b, *x->p++);
        }
        if (x->p < x->end && *x->p == q)
            x->p++;
        Str r = str_intern(b.data ? b.data : "", b.len);
        buf_free(&b);
        return r;
    }
    if (*s == '(' || *s == ')') {
        x->p++;
        return str_intern(s, 1);
    }
    if (x->p + 1 < x->end && s[0] == '=' && s[1] == '>') {
        x->p += 2;
        return str_cstr("=>");
    }
    while (x->p < x->end && *x->p != ' ' && *x->p != '\t' && *x->p != '\r' && *x->p != '\n' &&
           !(x->p[0] == '/' && x->p + 1 < x->end && x->p[1] == '/'))
        x->p++;
    return str_intern(s, (size_t)(x->p - s));
}

static void mod_next_line(ModLexer *x) {
    while (x->p < x->end && *x->p != '\n')
        x->p++;
    if (x->p < x->end)
        x->p++;
}

// One directive's arguments (after the verb, or a line inside a block).
static void mod_directive(ModState *m, Str verb, Str *t, int n) {
    if (strcmp(verb, "module") == 0 && n >= 1) {
        m->main_path = t[0];
    } else if (strcmp(verb, "go") == 0 && n >= 1) {
        const char *v = t[0];
        if (strncmp(v, "1.", 2) == 0)
            m->go_minor = atoi(v + 2);
    } else if (strcmp(verb, "require") == 0 && n >= 2) {
        Module mod = {t[0], t[1], NULL, 0};
        vec_push(&m->mods, mod);
    } else if (strcmp(verb, "replace") == 0) {
        Replace r = {0};
        int i = 0;
        r.old_path = t[i++];
        if (i < n && strcmp(t[i], "=>") != 0)
            r.old_version = t[i++];
        if (i >= n || strcmp(t[i], "=>") != 0)
            return;
        i++;
        if (i >= n)
            return;
        r.new_path = t[i++];
        if (i < n)
            r.new_version = t[i];
        r.base = m->main_root;
        vec_push(&m->repl, r);
    } else if (strcmp(verb, "use") == 0 && n >= 1) {
        vec_push(&m->uses, t[0]);
    }
}

// Parses a go.mod or go.work file; relative replacement directories are
// taken relative to its directory.
static bool parse_go_mod(ModState *m, const char *path) {
    size_t n;
    char *text = read_whole_file(path, &n);
    if (!text)
        return false;
    const char *slash = strrchr(path, '/');
    m->main_root = slash ? str_intern(path, (size_t)(slash - path)) : str_cstr(".");
    ModLexer x = {text, text + n};
    Str block = NULL;   // verb of the enclosing ( ... ) block
    while (x.p < x.end) {
        Str t[16];
        int k = 0;
        Str tok;
        while ((tok = mod_token(&x)) != NULL)
            if (k < 16)
                t[k++] = tok;
        mod_next_line(&x);
        if (k == 0)
            continue;
        if (block) {
            if (strcmp(t[0], ")") == 0)
                block = NULL;
            else
                mod_directive(m, block, t, k);
            continue;
        }
        if (k == 2 && strcmp(t[1], "(") == 0) {
            block = t[0];
            continue;
        }
        mod_directive(m, t[0], t + 1, k - 1);
    }
    free(text);
    return true;
}

// ---- minimal version selection ----

// Reads one numeric or alphanumeric identifier of a version.
static const char *semver_num(const char *s, long *v) {
    *v = 0;
    while (*s >= '0' && *s <= '9')
        *v = *v * 10 + (*s++ - '0');
    return s;
}

// Compares semantic versions as cmd/go orders them: vMAJOR.MINOR.PATCH,
// then a release above any of its prereleases, whose dot-separated
// identifiers compare numerically when numeric and lexically otherwise.
static int semver_cmp(const char *a, const char *b) {
    if (*a == 'v')
        a++;
    if (*b == 'v')
        b++;
    for (int i = 0; i < 3; i++) {
        long x, y;
        a = semver_num(a, &x);
        b = semver_num(b, &y);
        if (x != y)
            return x < y ? -1 : 1;
        if (*a == '.')
            a++;
        if (*b == '.')
            b++;
    }
    bool pa = *a == '-', pb = *b == '-';
    if (!pa || !pb)
        return pa == pb ? 0 : pa ? -1 : 1;
    a++, b++;
    while (*a && *a != '+' && *b && *b != '+') {
        size_t na = strcspn(a, ".+"), nb = strcspn(b, ".+");
        bool da = strspn(a, "0123456789") == na, db = strspn(b, "0123456789") == nb;
        int c;
        if (da && db)
            c = na != nb ? (na < nb ? -1 : 1) : strncmp(a, b, na);
        else if (da != db)
            c = da ? -1 : 1;
        else {
            c = strncmp(a, b, na < nb ? na : nb);
            if (c == 0 && na != nb)
                c = na < nb ? -1 : 1;
        }
        if (c)
            return c < 0 ? -1 : 1;
        a += na;
        b += nb;
        if (*a == '.')
            a++;
        if (*b == '.')
            b++;
    }
    bool ea = !*a || *a == '+', eb = !*b || *b == '+';
    return ea == eb ? 0 : ea ? -1 : 1;
}

static const Replace *find_replace(ModState *m, Str path, Str version);

static const char *under(const char *path, const char *mod);

static bool is_main(ModState *m, Str path) {
    for (int i = 0; i < m->mains.len; i++)
        if (m->mains.data[i].path == path)
            return true;
    return false;
}

static void free_parsed(ModState *m) {
    vec_free(&m->mods);
    vec_free(&m->repl);
    vec_free(&m->uses);
}

// The go.mod of path@version: the replacement directory's, the cached
// download's .mod file, or the extracted module's.
static bool read_dep_go_mod(ModState *m, Str path, Str version, ModState *out) {
    const Replace *r = find_replace(m, path, version);
    Buf b = {0};
    if (r && !r->new_version) {
        if (r->new_path[0] == '/')
            buf_printf(&b, "%s/go.mod", r->new_path);
        else
            buf_printf(&b, "%s/%s/go.mod", r->base, r->new_path);
    } else {
        if (r) {
            path = r->new_path;
            version = r->new_version;
        }
        buf_printf(&b, "%s/cache/download/", m->cache);
        put_escaped(&b, path);
        buf_puts(&b, "/@v/");
        put_escaped(&b, version);
        buf_puts(&b, ".mod");
        if (!is_file(buf_cstr(&b))) {
            b.len = 0;
            buf_printf(&b, "%s/", m->cache);
            put_escaped(&b, path);
            buf_putc(&b, '@');
            put_escaped(&b, version);
            buf_puts(&b, "/go.mod");
        }
    }
    bool ok = parse_go_mod(out, buf_cstr(&b));
    buf_free(&b);
    return ok;
}

// Before Go 1.17, go.mod need not list indirect dependencies, so the
// build list comes from walking the whole requirement graph and keeping
// the highest version of each module that any reachable go.mod requires.
static void mod_select(ModState *m) {
    VEC(Module) seen = {0};     // every path@version reached
    for (int i = 0; i < m->mods.len; i++)
        vec_push(&seen, m->mods.data[i]);
    for (int i = 0; i < seen.len; i++) {
        ModState dep = {0};
        if (!read_dep_go_mod(m, seen.data[i].path, seen.data[i].version, &dep))
            continue;
        for (int j = 0; j < dep.mods.len; j++) {
            Module req = dep.mods.data[j];
            bool have = is_main(m, req.path);
            for (int k = 0; k < seen.len && !have; k++)
                have = seen.data[k].path == req.path && seen.data[k].version == req.version;
            if (!have)
                vec_push(&seen, req);
        }
        free_parsed(&dep);
    }
    m->mods.len = 0;
    for (int i = 0; i < seen.len; i++) {
        Module *sel = NULL;
        for (int k = 0; k < m->mods.len && !sel; k++)
            if (m->mods.data[k].path == seen.data[i].path)
                sel = &m->mods.data[k];
        if (!sel)
            vec_push(&m->mods, seen.data[i]);
        else if (semver_cmp(sel->version, seen.data[i].version) < 0)
            sel->version = seen.data[i].version;
    }
    vec_free(&seen);
}

// ---- vendor/modules.txt ----

// One "# path [version] [=> new [version]]" line of vendor/modules.txt
// and what follows it.
typedef struct VendorMod {
    Str path, version;          // version NULL: a wildcard replacement
    Str new_path, new_version;  // the replacement, if any
    bool explicit_, provides;   // "## explicit"; lists packages
} VendorMod;
typedef VEC(VendorMod) VendorList;

static bool looks_semver(const char *s) { return s[0] == 'v' && s[1] >= '0' && s[1] <= '9'; }

static VendorMod *vendor_entry(VendorList *v, Str path, Str version) {
    for (int i = 0; i < v->len; i++)
        if (v->data[i].path == path && v->data[i].version == version)
            return &v->data[i];
    return NULL;
}

static void read_modules_txt(const char *file, VendorList *v) {
    size_t n;
    char *text = read_whole_file(file, &n);
    if (!text)
        return;
    ModLexer x = {text, text + n};
    VendorMod *cur = NULL;
    while (x.p < x.end) {
        bool meta = x.end - x.p >= 3 && strncmp(x.p, "## ", 3) == 0;
        bool comment = meta || (x.end - x.p >= 2 && strncmp(x.p, "# ", 2) == 0);
        Str t[8];
        int k = 0;
        Str tok;
        if (comment)
            x.p += meta ? 3 : 2;
        while ((tok = mod_token(&x)) != NULL)
            if (k < 8)
                t[k++] = tok;
        mod_next_line(&x);
        if (comment && !meta) {
            cur = NULL;
            if (k < 2 || (!looks_semver(t[1]) && strcmp(t[1], "=>") != 0))
                continue;
            Str version = looks_semver(t[1]) ? t[1] : NULL;
            int i = version ? 2 : 1;
            cur = vendor_entry(v, t[0], version);
            if (!cur) {
                VendorMod vm = {.path = t[0], .version = version};
                vec_push(v, vm);
                cur = &v->data[v->len - 1];
            }
            if (i + 1 < k && strcmp(t[i], "=>") == 0 && (i + 2 == k || looks_semver(t[i + 2]))) {
                cur->new_path = t[i + 1];
                cur->new_version = i + 2 < k ? t[i + 2] : NULL;
            }
        } else if (meta && cur) {
            for (int i = 0; i < k; i++)
                cur->explicit_ |= strcmp(t[i], "explicit") == 0 || strcmp(t[i], "explicit;") == 0;
        } else if (!comment && cur && k == 1) {
            cur->provides = true;
        }
    }
    free(text);
}

static void describe(Buf *b, Str path, Str version) {
    buf_puts(b, path);
    if (version)
        buf_printf(b, "@%s", version);
}

// cmd/go refuses a vendor directory that contradicts go.mod: every
// requirement and replacement must be recorded in vendor/modules.txt,
// and nothing more. Before go 1.14 modules.txt said less, so only
// contradictions count. Returns false after reporting go's error.
static bool vendor_consistent(Loader *l, ModState *m, int go_minor) {
    VendorList v = {0};
    Buf file = {0};
    buf_printf(&file, "%s/vendor/modules.txt", m->main_root);
    read_modules_txt(buf_cstr(&file), &v);
    buf_free(&file);
    bool pre114 = go_minor < 14;
    Buf e = {0};
    for (int i = 0; i < m->mods.len; i++) {
        Module *r = &m->mods.data[i];
        VendorMod *vm = vendor_entry(&v, r->path, r->version);
        if (vm && vm->explicit_)
            continue;
        if (!pre114) {
            buf_printf(&e, "\n\t%s@%s: is explicitly required in go.mod, but not marked as explicit in "
                       "vendor/modules.txt", r->path, r->version);
            continue;
        }
        for (int j = 0; j < v.len; j++)
            if (v.data[j].path == r->path && v.data[j].provides && v.data[j].version != r->version)
                buf_printf(&e, "\n\t%s@%s: is explicitly required in go.mod, but vendor/modules.txt indicates %s@%s",
                           r->path, r->version, r->path, v.data[j].version);
    }
    for (int i = 0; i < m->repl.len; i++) {
        Replace *r = &m->repl.data[i];
        VendorMod *vm = vendor_entry(&v, r->old_path, r->old_version);
        if (!vm || !vm->new_path) {
            bool vendored_at = false;
            for (int j = 0; j < v.len; j++)
                vendored_at |= v.data[j].path == r->old_path && v.data[j].provides && v.data[j].version == r->old_version;
            if (!pre114 || (r->old_version && vendored_at)) {
                buf_puts(&e, "\n\t");
                describe(&e, r->old_path, r->old_version);
                buf_puts(&e, ": is replaced in go.mod, but not marked as replaced in vendor/modules.txt");
            }
        } else if (vm->new_path != r->new_path || vm->new_version != r->new_version) {
            buf_puts(&e, "\n\t");
            describe(&e, r->old_path, r->old_version);
            buf_puts(&e, ": is replaced by ");
            describe(&e, r->new_path, r->new_version);
            buf_puts(&e, " in go.mod, but marked as replaced by ");
            describe(&e, vm->new_path, vm->new_version);
            buf_puts(&e, " in vendor/modules.txt");
        }
    }
    for (int j = 0; j < v.len; j++) {
        VendorMod *vm = &v.data[j];
        bool required = false;
        for (int i = 0; i < m->mods.len; i++)
            required |= m->mods.data[i].path == vm->path && m->mods.data[i].version == vm->version;
        if (vm->explicit_ && !required) {
            buf_puts(&e, "\n\t");
            describe(&e, vm->path, vm->version);
            buf_puts(&e, ": is marked as explicit in vendor/modules.txt, but not explicitly required in go.mod");
        }
    }
    for (int j = 0; j < v.len; j++) {
        VendorMod *vm = &v.data[j];
        if (!vm->new_path)
            continue;
        const Replace *r = find_replace(m, vm->path, vm->version);
        if (r && r->new_path == vm->new_path && r->new_version == vm->new_version)
            continue;
        buf_puts(&e, "\n\t");
        describe(&e, vm->path, vm->version);
        if (!r) {
            buf_puts(&e, ": is marked as replaced in vendor/modules.txt, but not replaced in go.mod");
        } else {
            buf_puts(&e, ": is marked as replaced by ");
            describe(&e, vm->new_path, vm->new_version);
            buf_puts(&e, " in vendor/modules.txt, but replaced by ");
            describe(&e, r->new_path, r->new_version);
            buf_puts(&e, " in go.mod");
        }
    }
    bool ok = e.len == 0;
    if (!ok)
        diag_error_nopos(l->diags, "go: inconsistent vendoring in %s:%s\n\n\tTo ignore the vendor directory, use "
                         "-mod=readonly or -mod=mod.\n\tTo sync the vendor directory, run:\n\t\tgo mod vendor",
                         m->main_root, buf_cstr(&e));
    buf_free(&e);
    vec_free(&v);
    return ok;
}

// ---- the main module ----

static Str env_or(const char *name, const char *dflt) {
    const char *v = getenv(name);
    return str_cstr(v && *v ? v : dflt);
}

// -mod in GOFLAGS overrides the vendor default.
static const char *goflags_mod(void) {
    const char *f = getenv("GOFLAGS");
    if (!f)
        return NULL;
    const char *p = strstr(f, "-mod=");
    if (!p)
        return NULL;
    p += 5;
    if (strncmp(p, "vendor", 6) == 0)
        return "vendor";
    if (strncmp(p, "mod", 3) == 0)
        return "mod";
    if (strncmp(p, "readonly", 8) == 0)
        return "readonly";
    return NULL;
}

static Str find_go_mod(const char *start) {
    Buf b = {0};
    buf_puts(&b, start);
    for (;;) {
        size_t len = b.len;
        buf_puts(&b, "/go.mod");
        if (is_file(buf_cstr(&b))) {
            b.len = len;
            Str r = str_cstr(buf_cstr(&b));
            buf_free(&b);
            return r;
        }
        b.len = len;
        while (b.len > 0 && b.data[b.len - 1] != '/')
            b.len--;
        if (b.len <= 1)
            break;
        b.len--;  // drop the '/'
    }
    buf_free(&b);
    return NULL;
}

static const Replace *find_replace(ModState *m, Str path, Str version) {
    const Replace *any = NULL;
    for (int i = 0; i < m->repl.len; i++) {
        const Replace *r = &m->repl.data[i];
        if (r->old_path != path)
            continue;
        if (r->old_version == version)
            return r;
        if (!r->old_version)
            any = r;
    }
    return any;
}

static Str cache_dir(ModState *m, Str path, Str version) {
    Buf b = {0};
    buf_printf(&b, "%s/", m->cache);
    put_escaped(&b, path);
    buf_putc(&b, '@');
    put_escaped(&b, version);
    Str r = is_dir(buf_cstr(&b)) ? str_cstr(buf_cstr(&b)) : NULL;
    buf_free(&b);
    return r;
}

static Str abs_dir(Str base, Str p) {
    if (p[0] == '/')
        return p;
    Buf b = {0};
    buf_printf(&b, "%s/%s", base, p);
    char *real = realpath(buf_cstr(&b), NULL);
    Str r = str_cstr(real ? real : buf_cstr(&b));
    free(real);
    buf_free(&b);
    return r;
}

// The go.work file in effect: GOWORK names it or turns it off; otherwise
// the nearest one from dir upward, without crossing into GOROOT.
static Str find_go_work(Loader *l, const char *dir, bool *bad) {
    const char *env = getenv("GOWORK");
    if (env && strcmp(env, "off") == 0)
        return NULL;
    if (env && *env && strcmp(env, "auto") != 0) {
        if (env[0] != '/') {
            diag_error_nopos(l->diags, "the path provided to GOWORK must be an absolute path");
            *bad = true;
            return NULL;
        }
        return str_cstr(env);
    }
    Buf b = {0};
    buf_puts(&b, dir);
    Str r = NULL;
    while (!r) {
        size_t len = b.len;
        buf_puts(&b, "/go.work");
        if (is_file(buf_cstr(&b)))
            r = str_cstr(buf_cstr(&b));
        b.len = len;
        while (b.len > 0 && b.data[b.len - 1] != '/')
            b.len--;
        if (b.len <= 1)
            break;
        b.len--;
        if (strcmp(buf_cstr(&b), l->goroot) == 0)
            break;
    }
    buf_free(&b);
    return r;
}

// Reads one main module's go.mod into m; false (with go's words) when it
// cannot be read or names no module.
static bool add_main_module(Loader *l, ModState *m, Str root, ModState *parsed) {
    Buf b = {0};
    buf_printf(&b, "%s/go.mod", root);
    bool ok = parse_go_mod(parsed, buf_cstr(&b));
    if (!ok) {
        diag_error_nopos(l->diags, "go: cannot load module %s listed in go.work file: open %s: %s",
                         load_short_path(l, root), buf_cstr(&b), go_errno_text(errno));
    } else if (!parsed->main_path) {
        diag_error_nopos(l->diags, "go: error reading %s: missing module declaration", buf_cstr(&b));
        parsed->main_path = str_cstr("");
    }
    buf_free(&b);
    MainModule mm = {parsed->main_path ? parsed->main_path : str_cstr(""), root, parsed->go_minor};
    vec_push(&m->mains, mm);
    return ok;
}

// A workspace's build list: every main module's requirements, the highest
// version of each, and its replacements after go.work's own.
static bool init_workspace(Loader *l, ModState *m) {
    ModState work = {0};
    if (!parse_go_mod(&work, m->work)) {
        diag_error_nopos(l->diags, "go: reading go.work: open %s: %s", m->work, go_errno_text(errno));
        free_parsed(&work);
        return false;
    }
    for (int i = 0; i < work.repl.len; i++)
        vec_push(&m->repl, work.repl.data[i]);
    int nwork = m->repl.len;
    bool ok = true, old = false;
    VEC(ModState) parsed = {0};
    for (int i = 0; i < work.uses.len && ok; i++) {
        ModState one = {0};
        ok = add_main_module(l, m, abs_dir(work.main_root, work.uses.data[i]), &one);
        old |= one.go_minor < 17;
        vec_push(&parsed, one);
    }
    for (int i = 0; i < parsed.len; i++) {
        ModState *one = &parsed.data[i];
        for (int j = 0; j < one->repl.len; j++) {
            bool overridden = false;
            for (int k = 0; k < nwork; k++)
                overridden |= m->repl.data[k].old_path == one->repl.data[j].old_path;
            if (!overridden)
                vec_push(&m->repl, one->repl.data[j]);
        }
        for (int j = 0; j < one->mods.len; j++) {
            Module req = one->mods.data[j];
            Module *sel = NULL;
            for (int k = 0; k < m->mods.len && !sel; k++)
                if (m->mods.data[k].path == req.path)
                    sel = &m->mods.data[k];
            if (is_main(m, req.path))
                continue;
            if (!sel)
                vec_push(&m->mods, req);
            else if (semver_cmp(sel->version, req.version) < 0)
                sel->version = req.version;
        }
        free_parsed(one);
    }
    vec_free(&parsed);
    free_parsed(&work);
    const char *flag = goflags_mod();
    if (ok && flag && strcmp(flag, "readonly") != 0) {
        diag_error_nopos(l->diags, "go: -mod may only be set to readonly when in workspace mode, but it is set "
                         "to \"%s\"\n\tRemove the -mod flag to use the default readonly value,\n\tor set "
                         "GOWORK=off to disable workspace mode.", flag);
        ok = false;
    }
    if (ok && old)
        mod_select(m);
    return ok;
}

ModState *mod_init(Loader *l, const char *startdir) {
    const char *gm = getenv("GO111MODULE");
    if (gm && strcmp(gm, "off") == 0) {
        l->mode = MODE_GOPATH;
        return NULL;
    }
    bool bad = false;
    Str work = find_go_work(l, l->cwd, &bad);
    Str root = work ? NULL : find_go_mod(l->cwd);
    if (!work && !root && startdir && !bad) {
        work = find_go_work(l, startdir, &bad);
        root = work ? NULL : find_go_mod(startdir);
    }
    if (!work && !root) {
        // GO111MODULE=auto means GOPATH mode outside any module; unset
        // or "on" (the default since Go 1.16) stays in module mode.
        l->mode = gm && strcmp(gm, "auto") == 0 ? MODE_GOPATH : MODE_NOMOD;
        return NULL;
    }
    l->mode = MODE_MODULE;
    ModState *m = xcalloc(1, sizeof *m);
    const char *gomodcache = getenv("GOMODCACHE");
    Buf b = {0};
    if (gomodcache && *gomodcache) {
        m->cache = str_cstr(gomodcache);
    } else {
        buf_printf(&b, "%s/pkg/mod", l->ngopath ? l->gopath[0] : env_or("HOME", "/root"));
        m->cache = str_cstr(buf_cstr(&b));
    }
    if (work) {
        m->work = work;
        init_workspace(l, m);  // its errors stop the load
    } else {
        ModState one = {0};
        add_main_module(l, m, root, &one);
        m->mods = one.mods;
        m->repl = one.repl;
        vec_free(&one.uses);
        const char *flag = goflags_mod();
        b.len = 0;
        buf_printf(&b, "%s/vendor", root);
        if (flag)
            m->vendor = strcmp(flag, "vendor") == 0;
        else
            m->vendor = one.go_minor >= 14 && is_dir(buf_cstr(&b));
        m->main_root = root;
        if (m->vendor)
            vendor_consistent(l, m, one.go_minor);  // its error stops the load
        else if (one.go_minor < 17)
            mod_select(m);
    }
    buf_free(&b);
    // The main module of a single-module build, for vendor/ and go.mod.
    m->main_path = m->mains.len ? m->mains.data[0].path : str_cstr("");
    m->main_root = m->mains.len ? m->mains.data[0].root : root;
    for (int i = 0; i < m->mods.len; i++) {
        Module *mod = &m->mods.data[i];
        const Replace *r = find_replace(m, mod->path, mod->version);
        if (r && !r->new_version)
            mod->dir = abs_dir(r->base, r->new_path);
        else if (r)
            mod->dir = cache_dir(m, r->new_path, r->new_version);
        else
            mod->dir = cache_dir(m, mod->path, mod->version);
    }
    return m;
}

void mod_free(ModState *m) {
    if (!m)
        return;
    free_parsed(m);
    vec_free(&m->mains);
    free(m);
}

int mod_nmains(ModState *m) { return m ? m->mains.len : 0; }
Str mod_main_path(ModState *m, int i) { return m->mains.data[i].path; }
Str mod_main_root(ModState *m, int i) { return m->mains.data[i].root; }
bool mod_workspace(ModState *m) { return m && m->work; }

bool mod_prefix_in_mains(ModState *m, Str dir) {
    if (m && under(dir, m->cache))
        return true;
    Str root = find_go_mod(dir);
    for (int i = 0; m && root && i < m->mains.len; i++)
        if (m->mains.data[i].root == root)
            return true;
    return false;
}
bool mod_vendor(ModState *m) { return m && m->vendor; }

// path is mod or lies below it; returns the rest ("" or "/sub/dir").
static const char *under(const char *path, const char *mod) {
    size_t n = strlen(mod);
    if (strncmp(path, mod, n) != 0 || (path[n] != 0 && path[n] != '/'))
        return NULL;
    return path + n;
}

static Str gopath_find(Loader *l, Str path, char **err) {
    Buf b = {0};
    for (int i = 0; i < l->ngopath; i++) {
        b.len = 0;
        buf_printf(&b, "%s/src/%s", l->gopath[i], path);
        if (is_dir(buf_cstr(&b))) {
            Str r = str_cstr(buf_cstr(&b));
            buf_free(&b);
            return r;
        }
    }
    b.len = 0;
    buf_printf(&b, "cannot find package \"%s\" in any of:\n\t%s/%s (from $GOROOT)", path, l->gorootsrc, path);
    for (int i = 0; i < l->ngopath; i++)
        buf_printf(&b, "\n\t%s/src/%s (from $GOPATH)", l->gopath[i], path);
    *err = xstrdup(buf_cstr(&b));
    buf_free(&b);
    return NULL;
}

Str mod_gopath_vendor(Loader *l, Str importer_dir, Str path, Str *dir) {
    // The GOPATH src tree holding the importer.
    Buf b = {0};
    const char *src = NULL;
    size_t srclen = 0;
    for (int i = 0; i < l->ngopath && !src; i++) {
        b.len = 0;
        buf_printf(&b, "%s/src", l->gopath[i]);
        if (under(importer_dir, buf_cstr(&b))) {
            src = l->gopath[i];
            srclen = b.len;
        }
    }
    Str r = NULL;
    if (src) {
        // From the importer's directory up to (not including) src itself,
        // the innermost vendor directory that has the package wins.
        size_t n = str_len(importer_dir);
        while (!r && n > srclen) {
            b.len = 0;
            buf_printf(&b, "%.*s/vendor/%s", (int)n, importer_dir, path);
            if (is_dir(buf_cstr(&b))) {
                *dir = str_cstr(buf_cstr(&b));
                r = str_cstr(buf_cstr(&b) + srclen + 1);
            }
            while (n > srclen && importer_dir[n - 1] != '/')
                n--;
            if (n > srclen)
                n--;
        }
    }
    buf_free(&b);
    return r;
}

Str mod_find_dir(Loader *l, ModState *m, Str path, Str *module, char **err) {
    *module = NULL;
    *err = NULL;
    if (l->mode == MODE_GOPATH)
        return gopath_find(l, path, err);
    if (!m) {
        *err = xasprintf("no required module provides package %s: go.mod file not found in current "
                       "directory or any parent directory; see 'go help modules'", path);
        return NULL;
    }
    Buf b = {0};
    // In a workspace the longest main module path that holds it wins.
    Str found = NULL;
    const char *rest = NULL;
    for (int i = 0; i < m->mains.len; i++) {
        const MainModule *mm = &m->mains.data[i];
        const char *r = under(path, mm->path);
        if (!r || (*module && str_len(mm->path) <= str_len(*module)))
            continue;
        rest = r;
        b.len = 0;
        buf_printf(&b, "%s%s", mm->root, r);
        if (dir_in_module(mm->root, buf_cstr(&b))) {
            *module = mm->path;
            found = str_cstr(buf_cstr(&b));
        }
    }
    if (found) {
        buf_free(&b);
        return found;
    }
    if (m->vendor) {
        b.len = 0;
        buf_printf(&b, "%s/vendor/%s", m->main_root, path);
        if (!rest && dir_has_go_files(buf_cstr(&b))) {
            // Which module: the longest required path that is a prefix.
            for (int i = 0; i < m->mods.len; i++)
                if (under(path, m->mods.data[i].path) &&
                    (!*module || str_len(m->mods.data[i].path) > str_len(*module)))
                    *module = m->mods.data[i].path;
            Str r = str_cstr(buf_cstr(&b));
            buf_free(&b);
            return r;
        }
        buf_free(&b);
        *err = xasprintf("cannot find module providing package %s: import lookup disabled by -mod=vendor", path);
        return NULL;
    }
    const Module *missing = NULL;
    for (int i = 0; i < m->mods.len; i++) {
        const Module *mod = &m->mods.data[i];
        const char *r = under(path, mod->path);
        if (!r)
            continue;
        if (!mod->dir) {
            missing = mod;
            continue;
        }
        b.len = 0;
        buf_printf(&b, "%s%s", mod->dir, r);
        if (!dir_in_module(mod->dir, buf_cstr(&b)))
            continue;
        if (found) {
            *err = xasprintf("ambiguous import: found package %s in multiple modules:\n\t%s\n\t%s",
                           path, *module, mod->path);
            buf_free(&b);
            return NULL;
        }
        found = str_cstr(buf_cstr(&b));
        *module = mod->path;
    }
    buf_free(&b);
    if (found)
        return found;
    if (missing)
        *err = xasprintf("module %s@%s provides package %s but is not in the module cache (%s); "
                       "run 'go mod download %s'", missing->path, missing->version, path, m->cache,
                       missing->path);
    else
        *err = xasprintf("no required module provides package %s; to add it:\n\tgo get %s", path, path);
    return NULL;
}

// The main module whose root is the innermost one holding dir.
static const MainModule *main_holding(ModState *m, Str dir) {
    const MainModule *best = NULL;
    for (int i = 0; i < m->mains.len; i++)
        if (under(dir, m->mains.data[i].root) &&
            (!best || str_len(m->mains.data[i].root) > str_len(best->root)))
            best = &m->mains.data[i];
    return best;
}

Str mod_dir_to_path(Loader *l, ModState *m, Str dir, Str *module) {
    *module = NULL;
    const MainModule *main;
    Buf b = {0};
    Str r = NULL;
    if (l->mode == MODE_GOPATH) {
        for (int i = 0; i < l->ngopath && !r; i++) {
            b.len = 0;
            buf_printf(&b, "%s/src", l->gopath[i]);
            const char *rest = under(dir, buf_cstr(&b));
            if (rest && rest[0] == '/')
                r = str_cstr(rest + 1);
        }
    } else if (m) {
        b.len = 0;
        buf_printf(&b, "%s/vendor", m->main_root);
        const char *rest = under(dir, buf_cstr(&b));
        if (m->vendor && rest && rest[0] == '/') {
            r = str_cstr(rest + 1);
        } else if ((main = main_holding(m, dir)) != NULL) {
            b.len = 0;
            buf_printf(&b, "%s%s", main->path, under(dir, main->root));
            r = str_cstr(buf_cstr(&b));
            *module = main->path;
        } else {
            for (int i = 0; i < m->mods.len && !r; i++) {
                const Module *mod = &m->mods.data[i];
                if (!mod->dir || !(rest = under(dir, mod->dir)))
                    continue;
                b.len = 0;
                buf_printf(&b, "%s%s", mod->path, rest);
                r = str_cstr(buf_cstr(&b));
                *module = mod->path;
            }
        }
    }
    buf_free(&b);
    return r;
}

// vendor/modules.txt's "## explicit; go 1.N" for module path, 0 if none.
static int vendored_go_minor(ModState *m, Str path) {
    Buf b = {0};
    buf_printf(&b, "%s/vendor/modules.txt", m->main_root);
    size_t n;
    char *text = read_whole_file(buf_cstr(&b), &n);
    buf_free(&b);
    if (!text)
        return 0;
    int minor = 0;
    bool in = false;
    for (char *line = text; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = 0;
        if (strncmp(line, "# ", 2) == 0) {
            size_t k = strcspn(line + 2, " ");
            in = k == str_len(path) && strncmp(line + 2, path, k) == 0;
        } else if (in && strncmp(line, "## ", 3) == 0) {
            const char *go = strstr(line, "go 1.");
            if (go)
                minor = atoi(go + 5);
        }
        line = nl ? nl + 1 : NULL;
    }
    free(text);
    return minor;
}

int mod_go_minor(ModState *m, Str module) {
    // cmd/go assumes 1.16 for a go.mod without a go directive
    if (!m || !module)
        return -1;
    for (int i = 0; i < m->mains.len; i++)
        if (m->mains.data[i].path == module)
            return m->mains.data[i].go_minor ? m->mains.data[i].go_minor : 16;
    for (int i = 0; i < m->mods.len; i++) {
        Module *d = &m->mods.data[i];
        if (d->path != module)
            continue;
        if (!d->go_minor) {
            if (m->vendor) {
                d->go_minor = vendored_go_minor(m, module);
            } else {
                ModState dep = {0};
                if (read_dep_go_mod(m, d->path, d->version, &dep))
                    d->go_minor = dep.go_minor;
                free_parsed(&dep);
            }
            if (!d->go_minor)
                d->go_minor = 16;
        }
        return d->go_minor;
    }
    return -1;
}
