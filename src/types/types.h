// types.h: package loading and type checking (go/build + go/types, gc's
// flavour). The loader finds and parses the files of every package a
// pattern names, with their dependencies, bottom-up; the checker gives
// every expression its type and constant value.
#ifndef GOESC_TYPES_H
#define GOESC_TYPES_H

#include "../syntax/syntax.h"

struct Scope;

// ==== loader (load.c, build.c, modload.c): owned by the loader work ====

// One package as go/build + cmd/go see it: the Go files selected for the
// target (GOOS/GOARCH, tags, cgo), parsed, with resolved imports. With cgo
// on, a parsed package's files end with what cgo made of its cgo files
// (_cgo_gotypes.go, x.cgo1.go: absolute paths in a removed temp dir), as
// cmd/go hands them to gc.
typedef struct Package {
    Str path;           // import path; "command-line-arguments" for a file list
    Str name;           // from the package clause
    Str dir;            // absolute directory
    Str *files;         // GoFiles as gc names them: cmd/go's ShortPath(dir)/name ("./x.go")
    int nfiles;
    Str *ignored;       // IgnoredGoFiles (base names), as go list prints them
    int nignored;
    SynFile **syn;      // parallel to files; NULL until parsed or on error
    // A package from the cache (LoadConfig.lazy_bodies): its files hold
    // their place in the positions but are parsed only when one of its
    // objects is first looked up (types_package_ready); NULL once parsed.
    struct SrcFile **unparsed;
    // LoadConfig.parse_later: its files, in the positions, wait for
    // load_parse_pending; NULL once parsed.
    struct SrcFile **pending;
    const char **texts; // parallel to files: their bytes (in the arena) and sizes
    uint32_t *sizes;
    FileId *ids;        // parallel to files: as read (no identity: generated)
    // Imports as written in the selected files, sorted and deduplicated,
    // then those cgo adds (cmd/go's order; "C" never appears); imports[i] is what
    // import_paths[i] resolved to (std vendoring applied), NULL if it
    // failed to load. The import specs themselves are in the ASTs.
    Str *import_paths;
    struct Package **imports;
    int nimports;
    bool std;           // part of the standard library (under GOROOT/src)
    bool matched;       // named by a command-line pattern
    bool no_inline;     // compiled with -l: gc exports no inline bodies
    SynOptions parse_opts;  // how its files were parsed (lazy bodies, -std, -+)
    bool bad;           // errors were reported for it; later stages skip it
    Str module;         // module path in module mode; NULL for std and GOPATH
    Str link_path;      // gc's -p for a file list: the path its symbols take
                        // (link strings), where path stays command-line-arguments
    int state;          // loader bookkeeping: 0 new, 1 on the import stack, 2 done
    Arena arena;        // owns the file texts and ASTs
    struct Scope *scope;    // set by the checker
    void *check;        // reserved for the type checker's per-package data
    // Imported through an object file written by an earlier run (gc's
    // separate compilation, -I): what the file said; NULL otherwise.
    struct LoadObject *object;
    // Analysed by an earlier run and found in the package cache: what its
    // analysis left for importers (ir.h's PkgFacts); NULL: analyse it.
    struct PkgFacts *facts;
    // A named package (analysed again) whose entry the cache holds: that
    // entry, for the crawl of its export data only (qualify.c), which a
    // warm run would otherwise redo.
    struct PkgFacts *reach_facts;
    // With LoadConfig.syntax_per_package: its syntax errors, for the
    // command to print under the package's header (NULL: none).
    struct Diags *syntax;
    Str syntax_header;  // what heads those errors after "# " when not the
                        // path (cmd/go's "# pkg-config --cflags  -- x")
    // Its directory's .s files that build for the target by name (sorted;
    // their constraints are read with their symbols). Only escape's ABI
    // wrappers of a package analysed from source need the symbols, so
    // they are read on first use (types_asm_symbols), not by the loader.
    Str *sfiles;
    int nsfiles;
    const struct BuildCtx *build;   // the loader's, for that late read
    struct AsmSymbols *asm_syms;    // NULL until read
} Package;

// The symbols ("path.name") a package's assembly files define in ABI0 and
// in ABIInternal, and those they reference in ABI0 (gc's -symabis).
typedef struct AsmSymbols {
    Str *defs, *idefs, *refs;
    int ndefs, nidefs, nrefs;
} AsmSymbols;
// Reads p's assembly files the first time it is asked (asm.c).
const AsmSymbols *types_asm_symbols(Package *p);

// What an object file written with -o tells the loader (gc's export data,
// reduced to what a from-source loader needs): the package is loaded and
// checked again from its recorded sources, and later stages take the
// rest (escape tags) from data.
typedef struct LoadObject {
    Str file;           // the object file, as found
    Str path;           // the package path it was compiled as (-p)
    Str *files;         // absolute paths of its source files, one directory
    int nfiles;
    // Its imports as written, the package path each resolved to and the
    // object file it was read from (NULL: loaded from source, as std).
    Str *imports, *import_paths, *import_files;
    int nimports;
    void *data;         // the reader's own data, for later stages
} LoadObject;
// Reads object file `file` into *o (allocations in a). On failure returns
// false and sets *err (malloc'd) to the reason, which follows gc's
// "could not import PATH (" in the error.
typedef bool (*LoadObjectReader)(void *ctx, Str file, Arena *a, LoadObject *o, char **err);

typedef struct LoadConfig {
    // Syntax errors go to each package's own list (Package.syntax), as
    // go build prints them under the package's header, not with the
    // loader's errors.
    bool syntax_per_package;
    Str goroot;         // NULL: $GOROOT, `go env GOROOT`, well-known places
    struct Cache *memo; // where `go env GOROOT`'s answer is remembered
                        // (the package cache; NULL: nowhere)
    Str goos, goarch;   // NULL: $GOOS/$GOARCH, else linux/amd64
    Str *tags;          // -tags
    int ntags;
    bool parse;         // parse the selected files (list does not need ASTs)
    // Files named on the command line are compiled as `go tool compile`
    // does, which (unlike cmd/go) does not enforce the internal-package rule.
    bool compile_files;
    // gc's separate compilation, for compile_files. With -D or -I, imports
    // resolve as gc resolves them: a local path ("./a") is joined to
    // local_prefix (-D; default the current directory), and the result is
    // looked up as DIR/PATH.a, then DIR/PATH.o, in each import_dirs (-I)
    // (a still-local path: PATH.a, PATH.o), read with read_object. Paths
    // found nowhere load from source if std or a module has them.
    Str local_prefix;
    // gc's -std and -+ for the files compiled: the directives they allow.
    bool files_std, files_runtime;
    Str pkgpath;        // -p: the path being compiled, which it cannot import
    Str *import_dirs;
    int nimport_dirs;
    LoadObjectReader read_object;
    void *read_ctx;
    // goesc -test: a package named may consist of test files only, as
    // go test accepts it.
    bool tests;
    // When set, load_patterns parses nothing until every package is
    // loaded, then asks this, in the order the packages were met, whether
    // to parse one with lazy bodies (SynOptions.lazy_bodies; the package
    // cache's dependencies). It may read Package.texts and the imports'.
    bool (*lazy_bodies)(void *ctx, Package *p);
    void *lazy_ctx;
    // -j: with syntax_per_package, load_patterns gives the files of the
    // packages it does not parse with lazy bodies their positions, in the
    // order a parse during loading gives them, and leaves their parse to
    // load_parse_pending, which other threads may run.
    bool parse_later;
    // -j without the cache: as each package is done loading, prepare(ctx,
    // p, k) on the loading thread, then on one of the checking threads
    // that start with loading (load_early_begin) its parse and check(ctx,
    // p, k), in that order (k: p's index in the order load_patterns
    // returns), once its imports are checked. When loading succeeds the
    // threads go on with every package (load_early_checking); else
    // load_patterns returns once the checks under way are done, and
    // checked tells how many were.
    struct LoadEarly {
        void (*prepare)(void *ctx, Package *p, int k);
        void (*check)(void *ctx, Package *p, int k);
        void *ctx;
        int checked;
        // How many threads check at once, each package once its
        // imports are checked (0 or 1: one, in order).
        int threads;
    } *early;
} LoadConfig;

typedef struct Loader Loader;

// Errors (missing packages, cycles, bad go.mod) go to d in cmd/go's words.
Loader *load_new(const LoadConfig *cfg, Diags *d);
// Loads what the patterns name (std, dir/..., ./..., import paths, or a
// list of .go files) and all their dependencies. Returns every package,
// dependencies first, in `go list -deps` order. Patterns' own packages have
// matched set; load_roots lists them in pattern order.
Package **load_patterns(Loader *l, char **patterns, int n, int *npkgs);
Package **load_roots(Loader *l, int *n);
Package *load_lookup(Loader *l, Str path);  // an already loaded package
// What the import path written in one of p's files resolved to (NULL if
// it failed to load): the checker's view of an import spec.
Package *load_import_of(Package *p, Str path);
Str load_goroot(Loader *l);
void load_free(Loader *l);
// goesc -test (testpkg.c): each matched package's test variants, as
// `go test -c` compiles them, in the order they are compiled: for a package
// with test files, "p [p.test]" (p with its _test.go files), the packages
// recompiled against it (unmatched: gc prints nothing for them), then
// "p_test [p.test]" and the generated main "p.test"; headers[i] is the
// "# " line of result i. Errors go to the loader's diagnostics.
Package **load_test_variants(Loader *l, int *n, Str **headers);

// -- loader internals shared by load.c, load_pattern.c, build.c, modload.c, testpkg.c --

// The target a file is selected for, as go/build's Context.
typedef struct BuildCtx {
    Str goos, goarch;
    Str *tags;          // -tags plus tool tags
    int ntags;
    int release;        // go1.1 .. go1.<release> are satisfied
    bool cgo;           // CGO_ENABLED: the cgo tag, and files importing "C"
    bool keep_tests;    // build_scan_dir keeps the _test.go files (DirInfo.tests)
    bool gc_headers;    // files given to gc directly: no go/parser header check
} BuildCtx;

// What the header of one .go file says (go/build's readGoInfo): only the
// comments before the package clause and the import declarations are read.
typedef struct FileImport {
    Str path;
    int line, col;      // of the import spec, for error messages
    int pline, pcol;    // of the path, where gc reports import errors
} FileImport;
typedef struct FileHeader {
    Str pkgname;        // NULL if the package clause is missing or garbled
    bool build_ok;      // build constraints are satisfied
    bool cgo;           // imports "C"
    const char *err;    // constraint error, else NULL
    Str syntax_err;     // go/parser's "LINE:COL: message" for a bad header
    bool nul;           // a NUL byte where go's header reader reads
    FileImport *imports;
    int nimports;
    size_t scanned;     // how far the scans above read: the same header
                        // read from more of the file tells nothing new
                        // when it stops well before the bytes given end
} FileHeader;

// A directory's selected files, as go/build's ImportDir.
typedef struct DirInfo {
    Str name;           // package name (of the first file that counts)
    VEC(Str) gofiles;   // base names: sorted, or in command-line order for a file list
    VEC(Str) ignored;   // .go files excluded by constraints, cgo, "documentation"
    VEC(FileHeader) hdrs;      // parallel to gofiles
    VEC(const char *) texts;   // parallel to gofiles; bytes live in the arena
    VEC(uint32_t) sizes;
    VEC(FileId) ids;           // parallel to gofiles: as read
    // With cgo on: the files importing "C" (go/build's CgoFiles), apart
    // from gofiles, with their headers and texts.
    VEC(Str) cgofiles;
    VEC(FileHeader) cgohdrs;
    VEC(const char *) cgotexts;
    VEC(uint32_t) cgosizes;
    int ntest;          // _test.go files that would build
    // With BuildCtx.keep_tests: those files, sorted, with their package
    // clauses as written ("p" or "p_test"), headers and texts.
    struct DirTests {
        VEC(Str) files, pkgs;
        VEC(FileHeader) hdrs;
        VEC(const char *) texts;
        VEC(uint32_t) sizes;
    } tests;
    bool any_go;        // any .go file at all, selected or not
    // The .s files whose names build for the target, sorted (go/build's
    // SFiles before their constraints are read; not with a file list).
    VEC(Str) sfiles;
    Str err;            // MultiplePackageError or a bad-file message, else NULL
    Str err_file;       // set when err is go/parser's "LINE:COL: ..." in this file
} DirInfo;

void build_ctx_init(BuildCtx *b, Str goos, Str goarch, Str *tags, int ntags);
bool build_match_tag(const BuildCtx *b, const char *tag, size_t n);
// File-name rules: _GOOS, _GOARCH, _GOOS_GOARCH before an optional _test.
bool build_good_os_arch_file(const BuildCtx *b, const char *name);
void build_read_header(const BuildCtx *b, const char *text, size_t n, FileHeader *h, Arena *a);
// Selects dir's files; with a file list (`only`), takes those files whatever
// their names and constraints say, as cmd/go does for named files.
// Returns false if the directory cannot be read.
bool build_scan_dir(const BuildCtx *b, const char *dir, Str *only, int nonly, DirInfo *di, Arena *a);
// Whether the directory holds a package for pattern matching (cmd/go's
// imports.ScanDir: any buildable .go file, tests included), given the
// names of its .go files (sorted here).
bool build_dir_has_package(const BuildCtx *b, const char *dir, Str *names, int n);
// Whether dir's entry name (of type d_type, a dirent's) is a .go file: a
// regular file, or a symlink to one.
bool build_is_go_file(const char *dir, const char *name, unsigned char d_type);
void build_dir_free(DirInfo *di);
// go/parser's first error in a file's package clause and
// imports, as "LINE:COL: message"; NULL if it finds none (goheader.c).
Str types_go_header_error(const char *text, size_t n);
// How much of text go/build's header reader hands go/parser (all of it
// when the header is malformed).
size_t types_go_header_extent(const char *text, size_t n);
// cmd/go's ShortPath of an absolute path (load.c).
Str load_short_path(Loader *l, Str abs);
// load.c's core, for the patterns of load_pattern.c. load_files fills p
// from its directory (or the files in only) and loads its imports;
// load_import loads path and its imports, depth-first. site: the import
// spec, for error messages (NULL for roots).
typedef struct ImportSite ImportSite;
Str load_clean_path(const char *p);
Str load_abs_path(Loader *l, const char *p);     // against the current directory
bool load_is_local_path(const char *pat);        // ".", "..", "./x", "../x", "/x"
bool load_is_std_path(Str path);                 // no dot in the first element
Package *load_new_package(Loader *l, Str path, Str dir);
void load_files(Loader *l, Package *p, Str *only, int nonly, bool root, const ImportSite *site);
void load_parse_files(Loader *l, Package *p);   // its texts, with its parse_opts
// The same, for files already in the positions (srcs, parallel to files).
void load_parse_srcs(Loader *l, Package *p, SrcFile **srcs);
// Gives p's files their place in the positions now (parallel to files),
// as a parse now would, for a parse later.
SrcFile **load_place_files(Package *p);
// LoadConfig.parse_later: parses p if it still waits (Package.pending).
// Packages apart are parsed at once on different threads.
void load_parse_pending(Loader *l, Package *p);
// Parses every package still waiting, on up to `threads` threads.
void load_parse_all_pending(Loader *l, int threads);
// -j's checking threads: they parse (and check, given hooks) the
// packages, each once its imports are checked (one thread, in the
// loader's order, without hooks), while loading goes on
// (load_early_begin) or after it (load_early_check_all); other threads
// parse ahead of them while they wait (load_early_wait, load_early_end).
// Those they did not reach stay pending.
typedef struct EarlyParse EarlyParse;
void load_early_begin(Loader *l);
// After load_patterns: whether the threads are checking every package.
bool load_early_checking(Loader *l);
// Whether threads do it (else load_early_wait does: none could be
// started).
bool load_early_threaded(Loader *l);
// How many checking (or parsing) threads run.
int load_early_threads(Loader *l);
// Tells the threads that loading is over (load_patterns does).
void load_early_loaded(Loader *l);
// After load_patterns: starts the threads on every package from the
// first not checked (hooks->checked), unless they are checking already.
// (If no thread can be started, load_early_wait parses and checks
// instead.)
void load_early_check_all(Loader *l, struct LoadEarly *hooks);
// Waits until package k is checked, parsing others meanwhile; returns how
// many times it found nothing to parse.
int load_early_wait(Loader *l, int k);
// Waits until every package is checked, without parsing meanwhile (a
// thread that must not compete with the checks).
void load_early_wait_all(Loader *l);
// Stops the threads after the packages under way and waits for them
// (with none, does nothing); returns how many packages other threads
// parsed.
int load_early_end(Loader *l);
// Appends p to the loader's order, and queues it for the early thread.
void load_order_push(Loader *l, Package *p);
Package *load_import(Loader *l, Str path, Package *importer, const ImportSite *site);
// Loads an import of one of importer's test files (file: its absolute path,
// gcfile: as gc names it), as load_files loads the package's own imports;
// tool: the go command's own import (testmain's), exempt from the rule of
// internal packages.
Package *load_test_import(Loader *l, Package *importer, const FileImport *fi, Str file, Str gcfile, bool tool);

// cgo (cgo.c). Whether cgo is on by default: CGO_ENABLED when set, else on
// for the host's own GOOS/GOARCH when a C compiler ($CC, else gcc) is on PATH.
bool cgo_enabled(Str goos, Str goarch);
// The #cgo lines of a cgo file's preamble, for GOOS/GOARCH/tags in b: the
// flags cmd/go gives cgo. Appends to the vectors; on a bad line returns
// go/build's message (file is the name it uses).
typedef struct CgoFlags {
    VEC(Str) cppflags, cflags, ldflags, pkgconfig;
} CgoFlags;
Str cgo_directives(const BuildCtx *b, Str dir, Str file, const char *text, size_t n, CgoFlags *f);
void cgo_flags_free(CgoFlags *f);
// What running cgo on a package gave: the Go files gc compiles in place of
// the cgo files, or cmd/go's error output and the header it goes under.
typedef struct CgoResult {
    VEC(Str) files;             // absolute paths (gone once this returns)
    VEC(const char *) texts;    // in the arena
    VEC(uint32_t) sizes;
    Str err;                    // NULL on success
    Str err_header;             // the line it goes under, after "# ": the
                                // path, or "pkg-config --cflags  -- x"
} CgoResult;
// Runs GOROOT's cgo on the cgo files of dir as go build does, in a temp
// dir removed before returning. sdir is the directory as printed, to which
// the generated files' //line names and error output are shortened.
void cgo_translate(const BuildCtx *b, Str goroot, Str path, bool std, Str dir, Str sdir,
                   const DirInfo *di, const CgoFlags *f, Arena *a, CgoResult *r);
void cgo_result_free(CgoResult *r);

// How import paths map to directories (modload.c).
typedef enum { MODE_MODULE, MODE_GOPATH, MODE_NOMOD } LoadMode;
typedef struct ModState ModState;
ModState *mod_init(Loader *l, const char *startdir);
void mod_free(ModState *m);
// The main modules: one, or a go.work workspace's; 0 outside modules.
int mod_nmains(ModState *m);
Str mod_main_path(ModState *m, int i);
Str mod_main_root(ModState *m, int i);
bool mod_workspace(ModState *m);
// Whether the module holding dir is a main module (cmd/go's check of a
// pattern's directory prefix); the module cache counts too.
bool mod_prefix_in_mains(ModState *m, Str dir);
bool mod_vendor(ModState *m);
// Finds the directory of a non-standard import path. On failure returns
// NULL and sets *err to cmd/go's message (malloc'd; the caller frees it).
Str mod_find_dir(Loader *l, ModState *m, Str path, Str *module, char **err);
// GOPATH mode's vendor directories: the import path and directory that
// path has in the innermost importer_dir/.../vendor holding it, or NULL.
Str mod_gopath_vendor(Loader *l, Str importer_dir, Str path, Str *dir);
// Maps an absolute directory to its import path within the main module or
// a GOPATH src tree; NULL if it lies outside them.
Str mod_dir_to_path(Loader *l, ModState *m, Str dir, Str *module);
// The language version 1.N a module's go.mod asks for, as cmd/go passes
// it to gc with -lang (16 for a go.mod without a go directive); -1 for
// no module.
int mod_go_minor(ModState *m, Str module);
// The same for a package's module (-1: std, GOPATH, no module).
int load_package_go_minor(Loader *l, const Package *p);

// The loader's cgo step for a package with cgo files (di->cgofiles): their
// #cgo lines (a bad one sets di->err) and, when parsing, the cgo run.
void cgo_package(Loader *l, Package *p, DirInfo *di, Str sdir, CgoResult *r);
// Whether cgo's translation makes p import path (cmd/go's added imports).
bool cgo_implies(const Package *p, Str path);

// Loader state used across the three files.
struct Loader {
    LoadConfig cfg;
    Diags *diags;
    BuildCtx build;
    Str goroot, gorootsrc;  // absolute
    Str cwd;
    LoadMode mode;
    ModState *mod;          // module mode: the main module, NULL if none
    Str *gopath;            // GOPATH entries, absolute
    int ngopath;
    Package **tab;          // open-addressed map keyed by interned import path
    int tabcap, tablen;
    VEC(Package *) order;   // loaded packages, dependencies first
    VEC(Package *) roots;
    VEC(Package *) variants;    // test variants (testpkg.c), outside the table
    VEC(Package *) stack;   // import stack, for cycle errors
    bool wild;              // roots come from a wildcard: no "no non-test Go files"
    char **given_files;     // compile_files: the file list as written, which
                            // gc's messages repeat (NULL otherwise)
    bool defer_parse;       // LoadConfig.lazy_bodies: parse once all are loaded
    VEC(Package *) unparsed;    // meanwhile, in the order they were met
    VEC(Package *) pending;     // LoadConfig.parse_later: not parsed yet
    struct EarlyParse *early;   // parse_later without the cache: parsing
                                // while loading goes on (load_parse.c)
    Arena arena;
};

// ==== end loader ====

// ==== type checker core (type.c, universe.c, const.c, sizes.c, ...) ====
//
// The data model of the checker, after go/types (types2 as gc configures
// it): types, objects, scopes, constant values, sizes, type strings and
// the predicates and lookups the checker proper builds on.
//
// Memory. Types, objects and scopes are allocated in an Arena passed by
// the caller (the package's arena), never freed one by one. Every package
// arena must live as long as any package that imports it, because types
// point across packages. Three side tables filled later, interface type
// sets, struct field offsets and the method list of a named type
// (u.named.methods), go to one side arena instead (types_side_arena),
// because the types they hang off carry no arena; it is freed with the
// packages' arenas (load_free). Constant values own GMP
// memory and are allocated through a ConstPool (see const.c) that can
// release them all at once.
//
// Identity. Types are not hash-consed (go/types does not either): struct
// tags, parameter names and the byte/uint8 spelling would be lost, and
// they matter to type strings. Identity is types_identical(), which first
// tries pointer equality, so it is cheap in the common case. Basic types
// are compared by kind (byte and uint8 are different Type objects).

#include <gmp.h>

typedef struct Type Type;
typedef struct Object Object;
typedef struct Scope Scope;
typedef struct Const Const;         // constant value (opaque, const.c)
typedef struct ConstPool ConstPool; // owner of constant values
typedef struct TypeSet TypeSet;     // computed type set of an interface
struct Package;                     // defined by the loader (above)

// Type kinds. The basic kinds come first, in go/types' BasicKind order, so
// that TY_IS_BASIC(k) is a range test and basic-kind tables index by kind.
// The comment names the member of Type.u the kind uses.
#define TYPE_KINDS(X)                                                      \
    X(TY_INVALID, "invalid type")           /* -  (also: not yet known)  */ \
    X(TY_BOOL, "bool")                      /* u.basic                   */ \
    X(TY_INT, "int")                        /* u.basic                   */ \
    X(TY_INT8, "int8")                      /* u.basic                   */ \
    X(TY_INT16, "int16")                    /* u.basic                   */ \
    X(TY_INT32, "int32")                    /* u.basic (also rune)       */ \
    X(TY_INT64, "int64")                    /* u.basic                   */ \
    X(TY_UINT, "uint")                      /* u.basic                   */ \
    X(TY_UINT8, "uint8")                    /* u.basic (also byte)       */ \
    X(TY_UINT16, "uint16")                  /* u.basic                   */ \
    X(TY_UINT32, "uint32")                  /* u.basic                   */ \
    X(TY_UINT64, "uint64")                  /* u.basic                   */ \
    X(TY_UINTPTR, "uintptr")                /* u.basic                   */ \
    X(TY_FLOAT32, "float32")                /* u.basic                   */ \
    X(TY_FLOAT64, "float64")                /* u.basic                   */ \
    X(TY_COMPLEX64, "complex64")            /* u.basic                   */ \
    X(TY_COMPLEX128, "complex128")          /* u.basic                   */ \
    X(TY_STRING, "string")                  /* u.basic                   */ \
    X(TY_UNSAFE_POINTER, "Pointer")         /* u.basic                   */ \
    X(TY_UNTYPED_BOOL, "untyped bool")      /* u.basic                   */ \
    X(TY_UNTYPED_INT, "untyped int")        /* u.basic                   */ \
    X(TY_UNTYPED_RUNE, "untyped rune")      /* u.basic                   */ \
    X(TY_UNTYPED_FLOAT, "untyped float")    /* u.basic                   */ \
    X(TY_UNTYPED_COMPLEX, "untyped complex") /* u.basic                  */ \
    X(TY_UNTYPED_STRING, "untyped string")  /* u.basic                   */ \
    X(TY_UNTYPED_NIL, "untyped nil")        /* u.basic                   */ \
    X(TY_ARRAY, "array")                    /* u.array                   */ \
    X(TY_SLICE, "slice")                    /* u.elem                    */ \
    X(TY_STRUCT, "struct")                  /* u.struct_                 */ \
    X(TY_POINTER, "pointer")                /* u.elem                    */ \
    X(TY_TUPLE, "tuple")                    /* u.tuple                   */ \
    X(TY_FUNC, "func")                      /* u.func (a signature)      */ \
    X(TY_UNION, "union")                    /* u.union_                  */ \
    X(TY_INTERFACE, "interface")            /* u.iface                   */ \
    X(TY_MAP, "map")                        /* u.map                     */ \
    X(TY_CHAN, "chan")                      /* u.chan                    */ \
    X(TY_NAMED, "named")                    /* u.named                   */ \
    X(TY_TYPEPARAM, "type parameter")       /* u.tparam                  */

typedef enum TypeKind {
#define X(k, s) k,
    TYPE_KINDS(X)
#undef X
    TY_COUNT
} TypeKind;
extern const char *const type_kind_names[TY_COUNT];  // basic: the Go name

#define TY_NBASIC (TY_UNTYPED_NIL + 1)
#define TY_IS_BASIC(k) ((k) <= TY_UNTYPED_NIL)
// go/types' aliases for the two predeclared alias kinds.
#define TY_BYTE TY_UINT8
#define TY_RUNE TY_INT32

// Properties of basic kinds (go/types BasicInfo). types_basic_info[kind].
enum {
    BASIC_BOOLEAN = 1 << 0,
    BASIC_INTEGER = 1 << 1,
    BASIC_UNSIGNED = 1 << 2,
    BASIC_FLOAT = 1 << 3,
    BASIC_COMPLEX = 1 << 4,
    BASIC_STRING = 1 << 5,
    BASIC_UNTYPED = 1 << 6,
    BASIC_ORDERED = BASIC_INTEGER | BASIC_FLOAT | BASIC_STRING,
    BASIC_NUMERIC = BASIC_INTEGER | BASIC_FLOAT | BASIC_COMPLEX,
    BASIC_CONST_TYPE = BASIC_BOOLEAN | BASIC_NUMERIC | BASIC_STRING,
};
extern const uint8_t types_basic_info[TY_NBASIC];

// Type.flags: fixed once the type is made and declared.
enum {
    TF_IMPLICIT = 1 << 1,    // TY_INTERFACE: implicit constraint interface from
                             // `[T ~int]`, printed as its single term
    TF_VARIADIC = 1 << 2,    // TY_FUNC: last parameter is ...T (its type is []T)
    TF_NOTINHEAP = 1 << 5,   // TY_NAMED: declared with //go:notinheap
};

// Type.lazy: what is computed on first use, from any stage. With -j two
// threads may ask at once: the computations run under types_lock, and a
// finished one is published by an atomic store of its bit (types_lazy).
enum {
    LZ_TSET = 1 << 0,        // TY_INTERFACE: type set complete (u.iface.tset)
    LZ_RESOLVING = 1 << 1,   // TY_NAMED: underlying being resolved (cycle guard)
    LZ_EXPANDED = 1 << 2,    // TY_NAMED instance: underlying and methods expanded
    LZ_SIZED = 1 << 3,       // size/align cached in Type.size/align
    LZ_SIZING = 1 << 4,      // size being computed (cycle guard for invalid types)
};

// One term of a union or type set: T or ~T.
typedef struct Term {
    bool tilde;
    Type *type;         // NULL in a type set means "all types" (the universe term)
} Term;

// A lazily expanded named type (an instance of a generic type, or a type
// whose underlying type the checker has not yet resolved). The checker
// proper installs this, since it owns substitution; types_under and
// types_named_methods call it once on first use.
typedef struct NamedResolver {
    // Sets n->u.named.underlying (never leaving it NULL: TY_INVALID type on
    // failure) and, for instances, the substituted methods.
    void (*resolve)(void *ctx, Type *n);
    void *ctx;
} NamedResolver;

struct Type {
    uint8_t kind;       // TypeKind
    uint8_t align;      // cached alignment (LZ_SIZED); sizes.c
    uint16_t flags;     // TF_*
    uint8_t lazy;       // LZ_*
    uint8_t pad8_;
    uint16_t pad_;      // free for later use
    int64_t size;       // cached size (LZ_SIZED); sizes.c
    union {
        // Basic types: the kind is in Type.kind. name differs from the kind's
        // name only for byte and rune, which print as such.
        struct { Str name; } basic;
        // Pointer and slice.
        struct { Type *elem; } elem;
        // len < 0: unknown (an invalid array length was reported).
        struct { Type *elem; int64_t len; } array;
        struct { Type *key, *elem; } map;
        struct { Type *elem; int dir; } chan;    // dir: CHAN_BOTH/SEND/RECV
        // fields: OBJ_VAR objects with OF_FIELD (and OF_EMBEDDED for
        // embedded fields, whose name is the type's name). tags is NULL when
        // no field has a tag, else nfields entries, NULL for "no tag".
        // offsets: computed by sizes.c on demand, NULL until then.
        struct {
            Object **fields;
            Str *tags;
            int64_t *offsets;
            int nfields;
        } struct_;
        // A parameter or result list, or the type of a multi-value
        // expression. vars: OBJ_VAR objects (names may be NULL/"_").
        struct { Object **vars; int n; } tuple;
        // A signature. recv is the receiver variable for methods (NULL for
        // functions and for interface methods until completed, where go/types
        // uses the interface). params/results are TY_TUPLE, never NULL.
        // tparams: the function's own type parameters; rtparams: the type
        // parameters a method's receiver declares (func (r T[P]) m()).
        struct {
            Object *recv;
            Type *params, *results;
            Type **tparams;
            Type **rtparams;
            int ntparams, nrtparams;
        } func;
        // A union term list as written in a constraint: A | ~B.
        struct { Term *terms; int n; } union_;
        // methods: the explicitly declared methods (OBJ_FUNC, sorted by
        // types_method_less, as go/types does "for API stability"), each
        // with a signature whose recv is a var of this interface (or of the
        // defining named type). embeddeds: embedded types in source order
        // (interfaces, unions, or other types used as terms), with
        // embed_pos for errors. tset: computed lazily by
        // types_interface_typeset (TF_COMPLETE once set).
        struct {
            Object **methods;
            Type **embeddeds;
            Pos *embed_pos;
            int nmethods, nembeddeds;
            TypeSet *tset;
        } iface;
        // A defined type, or an instance of a generic one.
        //  obj: its OBJ_TYPENAME (the generic type's name for instances).
        //  orig: the generic type for instances; the type itself otherwise.
        //  underlying: the resolved underlying type (never TY_NAMED once
        //    resolved); NULL while unresolved, see resolver.
        //  methods: declared methods (OBJ_FUNC), in source order, for
        //    instances filled by the resolver with substituted copies.
        //  tparams: type parameters (TY_TYPEPARAM) of a generic type;
        //  targs: type arguments of an instance (ntargs == orig's ntparams).
        struct {
            Object *obj;
            Type *orig;
            Type *underlying;
            VEC(Object *) methods;
            Type **tparams;
            Type **targs;
            int ntparams, ntargs;
            NamedResolver *resolver;
        } named;
        // A type parameter. obj: its OBJ_TYPENAME; index: position in its
        // list; bound: the constraint as declared (its underlying type is an
        // interface for correct programs; types_under(tparam) returns that
        // interface, as go/types does).
        //  (its shape, while escape analysis walks one shape instantiation
        //  of the generic code: types_tparam_shape)
        struct { Object *obj; Type *bound; int index; } tparam;
    } u;
};

// The computed type set of an interface (go/types _TypeSet): all its
// methods, including embedded ones, sorted by types_method_less, and its
// term list. all: no term restriction (terms is "all types"); an empty
// type set has all == false and nterms == 0.
struct TypeSet {
    Object **methods;
    Term *terms;
    int nmethods, nterms;
    bool all;
    bool comparable;    // the set is restricted to comparable types
};

// ---- objects ----
#define OBJ_KINDS(X)                                              \
    X(OBJ_BAD, "bad")                  /* -                    */ \
    X(OBJ_PKGNAME, "package")          /* u.pkgname            */ \
    X(OBJ_CONST, "const")              /* u.const_             */ \
    X(OBJ_TYPENAME, "type")            /* - (OF_ALIAS)         */ \
    X(OBJ_VAR, "var")                  /* u.var                */ \
    X(OBJ_FUNC, "func")                /* u.func               */ \
    X(OBJ_LABEL, "label")              /* -                    */ \
    X(OBJ_BUILTIN, "builtin")          /* u.builtin            */ \
    X(OBJ_NIL, "nil")                  /* -                    */

typedef enum ObjKind {
#define X(k, s) k,
    OBJ_KINDS(X)
#undef X
    OBJ_COUNT
} ObjKind;
extern const char *const obj_kind_names[OBJ_COUNT];

// Object.flags
enum {
    OF_EXPORTED = 1 << 0,   // name starts with an upper-case letter
    OF_USED = 1 << 1,       // OBJ_VAR, OBJ_PKGNAME, OBJ_LABEL: referenced
    OF_FIELD = 1 << 2,      // OBJ_VAR: a struct field
    OF_EMBEDDED = 1 << 3,   // OBJ_VAR field: embedded (anonymous)
    OF_PARAM = 1 << 4,      // OBJ_VAR: a parameter or receiver
    OF_RESULT = 1 << 5,     // OBJ_VAR: a result parameter
    OF_RECV = 1 << 6,       // OBJ_VAR: a method's receiver
    OF_LOCAL = 1 << 7,      // declared inside a function (not package level)
    OF_ALIAS = 1 << 8,      // OBJ_TYPENAME: alias declaration (type A = B)
    OF_PTR_RECV = 1 << 9,   // OBJ_FUNC: method with a pointer receiver (set by
                            // types_new_func from the signature; a checker that
                            // creates the method before its signature sets it)
    OF_GENERIC_INST = 1 << 10, // OBJ_FUNC: method of an instance (origin set)
    OF_ADDRTAKEN = 1 << 11, // OBJ_VAR: &x taken or x captured by reference
                            // (for later stages; the checker may set it)
};

// Builtin functions (go/types builtinId), with the unsafe ones last.
#define BUILTINS(X)                                                    \
    X(BUILTIN_APPEND, "append", 1, true, true)                         \
    X(BUILTIN_CAP, "cap", 1, false, true)                              \
    X(BUILTIN_CLOSE, "close", 1, false, false)                         \
    X(BUILTIN_COMPLEX, "complex", 2, false, true)                      \
    X(BUILTIN_COPY, "copy", 2, false, false)                           \
    X(BUILTIN_DELETE, "delete", 2, false, false)                       \
    X(BUILTIN_IMAG, "imag", 1, false, true)                            \
    X(BUILTIN_LEN, "len", 1, false, true)                              \
    X(BUILTIN_MAKE, "make", 1, true, true)                             \
    X(BUILTIN_NEW, "new", 1, false, true)                              \
    X(BUILTIN_PANIC, "panic", 1, false, false)                         \
    X(BUILTIN_PRINT, "print", 0, true, false)                          \
    X(BUILTIN_PRINTLN, "println", 0, true, false)                      \
    X(BUILTIN_REAL, "real", 1, false, true)                            \
    X(BUILTIN_RECOVER, "recover", 0, false, false)                      \
    X(BUILTIN_ADD, "Add", 2, false, true)                              \
    X(BUILTIN_ALIGNOF, "Alignof", 1, false, true)                      \
    X(BUILTIN_OFFSETOF, "Offsetof", 1, false, true)                    \
    X(BUILTIN_SIZEOF, "Sizeof", 1, false, true)                        \
    X(BUILTIN_SLICE, "Slice", 2, false, true)

typedef enum BuiltinId {
#define X(k, name, nargs, variadic, isexpr) k,
    BUILTINS(X)
#undef X
    BUILTIN_COUNT
} BuiltinId;
#define BUILTIN_FIRST_UNSAFE BUILTIN_ADD

// go/types' predeclaredFuncs: name, minimum argument count, whether more
// may follow, and the call's exprKind: is_expr false means the call may
// stand alone as a statement (close, copy, panic, recover, ...), true that
// it may not ("len(x) is not used").
typedef struct BuiltinInfo {
    const char *name;
    int nargs;
    bool variadic;
    bool is_expr;
} BuiltinInfo;
extern const BuiltinInfo types_builtins[BUILTIN_COUNT];

// A named language entity. Common fields first; the union holds the
// per-kind part (see OBJ_KINDS).
struct Object {
    uint8_t kind;       // ObjKind
    uint8_t pad_;
    uint16_t flags;     // OF_*
    uint32_t color;     // checker's declaration state, go/types' encoding:
                        // 0 white (unchecked), 1 black (done), >= 2 grey
                        // (in progress; the value is a path index + 2)
    uint32_t order;     // declaration order within its package, 1-origin (0: none);
                        // the checker's init order and "declared and not
                        // used" sorting use it
    Str name;           // interned; "_" for blank; NULL for unnamed params
    Pos pos;            // position of the declaring identifier
    Pos scope_pos;      // where the object becomes visible (go/types scopePos):
                        // lookups at earlier positions skip it. NOPOS (the
                        // constructors' default, right for package-level
                        // objects): visible throughout its scope
    Type *type;         // NULL until the checker has determined it
    Scope *parent;      // scope the object is declared in (NULL for fields,
                        // methods and parameters of function types)
    struct Package *pkg;  // NULL for universe objects
    Node *decl;         // declaring node (N_IDENT, N_FIELD, N_FUNC_DECL, ...) or NULL
    void *aux;          // owned by later stages (escape analysis location, ...)
    union {
        // Value: constant value (NULL until checked, then never NULL; an
        // unknown value after errors).
        struct { Const *val; } const_;
        // origin: for fields and params of instances, the generic original.
        struct { Object *origin; } var;
        // sig is Object.type. body: the N_BLOCK body or NULL (external or
        // interface method). pragma: PRAGMA_* bits from //go: lines.
        // origin: for methods of instances, the generic method.
        // recv_base: for methods, the receiver base type (a TY_NAMED).
        struct {
            Node *body;
            uint32_t pragma;
            Object *origin;
            Type *recv_base;
        } func;
        // An imported package name. imported: the package; dot: "import .".
        struct { struct Package *imported; bool dot; } pkgname;
        struct { BuiltinId id; } builtin;
    } u;
};

// What x.f denotes (go/types Selection), recorded by the checker for every
// selector expression that is not a qualified identifier. Escape analysis
// walks index to find implicit dereferences through embedded pointers.
typedef enum SelectionKind {
    SEL_FIELD_VAL,      // x.f is a struct field selector
    SEL_METHOD_VAL,     // x.f is a method value (bound receiver)
    SEL_METHOD_EXPR,    // T.f is a method expression
} SelectionKind;

typedef struct Selection {
    SelectionKind kind;
    Type *recv;         // type of x (for method expressions: T)
    Object *obj;        // the field (OBJ_VAR) or method (OBJ_FUNC)
    int *index;         // path from x to f: field indices through embedded
                        // fields, the last entry is f's index in its struct
                        // or method list
    int nindex;
    bool indirect;      // a pointer was followed on the path
} Selection;

// ---- scope.c ----
// A lexical scope. Names are interned, so the hash compares pointers.
// Objects keep insertion order in `elems`; the hash table maps to indices.
struct Scope {
    Scope *parent;
    Scope *first_child, *last_child, *next_sibling;  // children in creation order
    Object **elems;     // objects in insertion order
    int nelems, capelems;
    int32_t *table;     // open-addressed: elems index + 1, 0 = empty
    int captable;       // power of two, 0 until the first insert
    Pos pos, end;       // extent of the scope's source text (NOPOS if none)
    bool is_func;       // a function's outermost scope (informational; every
                        // scope applies Object.scope_pos in lookups)
    const char *comment;  // "universe", "package p", "file", "function", "block", ...
    Arena *arena;       // where the table and elems grow
};

Scope *types_new_scope(Arena *a, Scope *parent, Pos pos, Pos end, const char *comment);
// The object named name in s only, or NULL.
Object *types_scope_lookup(Scope *s, Str name);
// Inserts obj and sets obj->parent (if not already set). If s already
// holds an object with that name, nothing is inserted and it is returned.
Object *types_scope_insert(Scope *s, Object *obj);
// Replaces or inserts without checking (for the universe and tests).
void types_scope_set(Scope *s, Object *obj);
// Searches s and its parents. With pos != NOPOS, an object is only
// visible from its scope_pos onward (go/types LookupParent).
// *found receives the scope where the object was found (may be NULL).
Object *types_scope_lookup_parent(Scope *s, Str name, Pos pos, Scope **found);
// The innermost scope of s containing pos (go/types Innermost), or NULL.
Scope *types_scope_innermost(Scope *s, Pos pos);
// elems sorted by name into an arena array (go/types Names order).
Object **types_scope_sorted(Arena *a, Scope *s);

// ---- universe.c ----
// The universe is the one process-wide mutable global of the checker:
// built once by types_universe_init, read-only afterwards, shared by all
// packages (so Type pointers of predeclared types compare equal across
// packages).
typedef struct Universe {
    Scope *scope;               // "universe" scope
    Scope *unsafe_scope;        // scope of package unsafe
    struct Package *unsafe_pkg; // as passed to types_universe_init (may be NULL)
    Type *typ[TY_NBASIC];       // go/types Typ: the basic type of each kind
                                // (typ[TY_UNSAFE_POINTER] is unsafe.Pointer)
    Type *byte_type, *rune_type;  // aliases of uint8/int32 that print as byte/rune
    Type *error_type;           // TY_NAMED "error"
    Type *comparable_type;      // TY_NAMED "comparable"
    Type *any_type;             // the interface{} named by `any`
    Type *empty_iface;          // an interface{} that prints as "interface{}"
    Type *byte_slice;           // []byte, for core-string computations
    Object *iota, *nil, *true_obj, *false_obj;
    Object *error_method;       // error.Error
    Object *builtins[BUILTIN_COUNT];
    Arena arena;                // owns everything above
} Universe;

extern Universe types_universe;
// Builds the universe (idempotent). unsafe_pkg: the loader's Package for
// "unsafe" (the loader then sets its scope to types_universe.unsafe_scope);
// the unsafe objects are attributed to it. May be NULL (tests).
void types_universe_init(struct Package *unsafe_pkg);
#define TYP(k) (types_universe.typ[k])

// ---- type.c: constructors and accessors ----
// Type constructors allocate in a (the package's arena). Slices passed in
// are referenced, not copied, unless stated otherwise: allocate them in
// the same arena.
Type *types_new_pointer(Arena *a, Type *elem);
Type *types_new_slice(Arena *a, Type *elem);
Type *types_new_array(Arena *a, Type *elem, int64_t len);
Type *types_new_map(Arena *a, Type *key, Type *elem);
Type *types_new_chan(Arena *a, int dir, Type *elem);
Type *types_new_struct(Arena *a, Object **fields, Str *tags, int nfields);
Type *types_new_tuple(Arena *a, Object **vars, int n);
// params/results: TY_TUPLE or NULL (empty). variadic: last param is ...T,
// and its type must then be a slice (or, for append-like cases, string).
Type *types_new_signature(Arena *a, Object *recv, Type *params, Type *results, bool variadic);
Type *types_new_union(Arena *a, Term *terms, int n);
// Sorts methods (in place) and sets each method's receiver type when it
// has none. The type set is computed lazily.
Type *types_new_interface(Arena *a, Object **methods, int nmethods, Type **embeddeds, Pos *embed_pos, int nembeddeds);
// A defined type named by obj (which gets obj->type = the type).
// underlying may be NULL and set later (types_named_set_underlying).
Type *types_new_named(Arena *a, Object *obj, Type *underlying);
void types_named_set_underlying(Type *named, Type *underlying);
void types_named_add_method(Type *named, Object *m);
// The arena of side tables filled after a type is made (type sets,
// struct offsets, named types' methods); types_side_free releases it,
// when the packages go.
Arena *types_side_arena(void);
void types_side_free(void);
// An instance of the generic orig with targs (copied); unexpanded: the
// resolver fills underlying and methods on first use.
Type *types_new_instance(Arena *a, Type *orig, Type **targs, int ntargs, NamedResolver *r);
Type *types_new_typeparam(Arena *a, Object *obj, int index, Type *bound);

// Accessors that resolve lazily expanded named types.
// -j: lazy computations on types other threads can reach take this
// re-entrant lock (a no-op on one thread); types_lazy reads t->lazy as
// published by types_lazy_set.
void types_lock(void);
void types_unlock(void);
uint8_t types_lazy(const Type *t);
void types_lazy_set(Type *t, uint8_t set, uint8_t clear);
Type *types_under(Type *t);          // underlying type; TY_TYPEPARAM -> its constraint interface
// Binds tparam to shape (NULL: unbinds), the way gc stencils a generic
// body per GC shape: until unbound, types_under, sizes and the predicates
// treat tparam as shape's underlying type and TS_GC prints it as gc names
// the shape ("go.shape.int_0"). Only escape analysis does this. The
// binding belongs to the thread that makes it: with -j the checker goes
// on meanwhile on another thread, which must see tparam unbound.
void types_bind_shape(Type *tparam, Type *shape);
Type *types_tparam_shape(const Type *tparam);
Object **types_named_methods(Type *t, int *n);  // declared (or substituted) methods
Type *types_tuple_at(Type *tuple, int i);       // type of the ith var
int types_tuple_len(Type *tuple);               // 0 for NULL
// The interface of a type parameter's constraint (go/types TypeParam.iface):
// bound's underlying if an interface, else an implicit interface of it.
Type *types_tparam_iface(Arena *a, Type *tparam);

// Objects. pkg may be NULL (universe). The constructors set OF_EXPORTED
// from the name; scope_pos stays NOPOS until the checker declares a local.
Object *types_new_object(Arena *a, ObjKind kind, Pos pos, struct Package *pkg, Str name, Type *type);
Object *types_new_var(Arena *a, Pos pos, struct Package *pkg, Str name, Type *type);
Object *types_new_param(Arena *a, Pos pos, struct Package *pkg, Str name, Type *type);
Object *types_new_field(Arena *a, Pos pos, struct Package *pkg, Str name, Type *type, bool embedded);
Object *types_new_const(Arena *a, Pos pos, struct Package *pkg, Str name, Type *type, Const *val);
Object *types_new_typename(Arena *a, Pos pos, struct Package *pkg, Str name, Type *type);
Object *types_new_func(Arena *a, Pos pos, struct Package *pkg, Str name, Type *sig);
Object *types_new_label(Arena *a, Pos pos, struct Package *pkg, Str name);
Object *types_new_pkgname(Arena *a, Pos pos, struct Package *pkg, Str name, struct Package *imported);
bool types_is_exported(Str name);    // first rune is upper case (Unicode)
// go/types Id equality: exported names match by name alone, unexported
// ones also by package.
bool types_same_id(Object *obj, struct Package *pkg, Str name);
// go/types' unique method order: exported names first by name, then
// unexported ones by name and package path (go/types compares package
// heights first; we have none, so only the path).
bool types_method_less(Object *a, Object *b);

// How names of other packages are qualified in type strings and messages
// (go/types Qualifier). types2's qualifier in gc writes the package name,
// or the quoted path when two packages imported by the checked package
// share a name; the checker knows its imports and supplies write
// (types_qualify_by_name is the simple form). Names of rel and of the
// universe are never qualified. A NULL Qualifier* qualifies every package
// by its path (go/types with a nil Qualifier); write == NULL: no prefix.
typedef struct Qualifier {
    struct Package *rel;    // the package being checked
    void (*write)(void *ctx, Buf *b, struct Package *pkg);  // writes "name" (no dot)
    void *ctx;
} Qualifier;
// A write function that writes pkg->name.
void types_qualify_by_name(void *ctx, Buf *b, struct Package *pkg);

// ---- predicates.c ----
// go/types Basic predicates on the underlying type. For type parameters
// the "all" variants ask whether every term of the type set satisfies it
// (allInteger etc.), the plain ones answer false.
bool types_is_basic_info(Type *t, unsigned info);   // under(t) basic with any info bit
bool types_all_basic_info(Type *t, unsigned info);  // also for every type-set term
static inline bool types_is_boolean(Type *t) { return types_is_basic_info(t, BASIC_BOOLEAN); }
static inline bool types_is_integer(Type *t) { return types_is_basic_info(t, BASIC_INTEGER); }
static inline bool types_is_unsigned(Type *t) { return types_is_basic_info(t, BASIC_UNSIGNED); }
static inline bool types_is_float(Type *t) { return types_is_basic_info(t, BASIC_FLOAT); }
static inline bool types_is_complex(Type *t) { return types_is_basic_info(t, BASIC_COMPLEX); }
static inline bool types_is_numeric(Type *t) { return types_is_basic_info(t, BASIC_NUMERIC); }
static inline bool types_is_string(Type *t) { return types_is_basic_info(t, BASIC_STRING); }
static inline bool types_is_const_type(Type *t) { return types_is_basic_info(t, BASIC_CONST_TYPE); }
bool types_is_untyped(Type *t);      // an untyped basic type (not under(): literal kind)
bool types_is_typed(Type *t);
bool types_is_valid(Type *t);        // not NULL, not TY_INVALID
bool types_is_interface(Type *t);    // under(t) interface, and not a type parameter
bool types_is_typeparam(Type *t);
bool types_is_unsafe_pointer(Type *t);
bool types_is_pointer(Type *t);      // under(t) TY_POINTER
bool types_has_name(Type *t);        // basic, named or type parameter (go/types hasName)
bool types_is_generic(Type *t);      // a named type with type params but no args
bool types_has_nil(Type *t);         // nil is assignable (go/types hasNil)
bool types_is_empty_interface(Type *t);  // interface with no methods and all types
// Spec identity. ignore_tags: struct tags are not compared (conversions).
bool types_identical(Type *x, Type *y);
bool types_identical_ignore_tags(Type *x, Type *y);
// A hash consistent with types_identical (identical types hash equal),
// for the checker's instance and interface tables.
uint64_t types_hash(Type *t);
// Comparability (go/types comparable). dynamic: interfaces count as
// comparable (for == on operands); with dynamic false it is the
// "strictly comparable" test used for the comparable constraint.
// If cause is given and the answer is no, it receives go/types' reason
// ("struct containing []int cannot be compared", ...).
bool types_comparable(Type *t, bool dynamic, const Qualifier *q, Buf *cause);
bool types_is_ordered(Type *t);
// The default type of an untyped type (untyped int -> int ...); others
// are returned unchanged (go/types Default).
Type *types_default_type(Type *t);
// go/types coreType: the single underlying type of a type set, or NULL.
// For channels it also handles direction as the spec says.
Type *types_core_type(Type *t);
// coreString: like core type, but []byte and string mix to string.
Type *types_core_string(Type *t);

// Why an assignment or conversion is not allowed. The checker formats the
// message ("cannot use x (variable of type T) as I value in assignment:
// CAUSE"); cause receives what types2 (with gc's CompilerErrorMessages)
// puts after the colon, e.g. "T does not implement I (missing M method)",
// "P does not implement I (M method has pointer receiver)",
// "W does not implement I (wrong type for M method)\n\t\thave M(x int)\n
// \t\twant M()" or "need type assertion"; empty if there is none.
// V is the value's type; for untyped V only the kind is checked (the
// constant's representability is types_const_representable's job).
bool types_assignable_to(Type *V, Type *T, const Qualifier *q, Buf *cause);
// Non-constant conversion x(T) (go/types convertibleTo).
bool types_convertible_to(Type *V, Type *T, const Qualifier *q, Buf *cause);
// Whether V implements interface T (go/types implements); cause as above.
bool types_implements(Type *V, Type *T, const Qualifier *q, Buf *cause);

// ---- typeset (predicates.c) ----
// Computes (once) the type set of an interface. Errors ("duplicate method
// M", the 100-term union limit) go to diags in gc's words when diags is
// not NULL; the set is computed anyway. Only the first call reports (the
// set is cached), so the checker should call it with its Diags once the
// interface's methods and embedded types are all set up, before anything
// else (identity, lookups) asks for the set. The union-term errors of
// types2's union.go ("overlapping terms", "cannot use comparable in
// union") are the checker's.
TypeSet *types_interface_typeset(Type *iface, Diags *diags);
// The type set of an interface or type parameter (its constraint's), or
// NULL for other types (whose type set is the singleton {t}).
TypeSet *types_typeset_of(Type *t);
bool types_typeset_is_empty(TypeSet *ts);
// Calls f for each term's type of a type parameter's (or interface's) type
// set; for others once with t. Stops and returns false when f does.
bool types_typeset_each(Type *t, bool (*f)(void *ctx, Type *t, bool tilde), void *ctx);
// Whether t's type set includes type x (term x or ~under(x)).
bool types_typeset_includes(TypeSet *ts, Type *x);

// ---- lookup.c ----
typedef enum LookupStatus {
    LOOKUP_NOT_FOUND,   // no field or method of that name
    LOOKUP_OK,          // obj found (index, indirect valid)
    LOOKUP_AMBIGUOUS,   // several at the shallowest depth (obj NULL; index: the
                        // path of the last one seen, as go/types returns it)
    LOOKUP_PTR_RECV,    // a method with pointer receiver, x not addressable
                        // (obj and index are still given; go/types gives none)
} LookupStatus;

typedef struct LookupResult {
    LookupStatus status;
    Object *obj;        // OK and PTR_RECV: the field or method
    int *index;         // path as in Selection.index (arena-allocated)
    int nindex;
    bool indirect;      // a pointer was followed on the embedding path
} LookupResult;

// go/types LookupFieldOrMethod: fields and methods of T (and of *T if
// addressable), with promotion through embedded fields; name is matched
// with types_same_id against pkg. index is allocated in a.
LookupStatus types_lookup_field_or_method(Arena *a, Type *T, bool addressable, struct Package *pkg, Str name, LookupResult *res);
// The same search ignoring case (for go/types' "but does have Foo" hint);
// LOOKUP_OK with the differently spelled field or method if there is one.
LookupStatus types_lookup_fold(Arena *a, Type *T, struct Package *pkg, Str name, LookupResult *res);
// go/types MissingMethod: the first method of interface T that V lacks,
// or NULL if V implements T's methods. static_: V must have all methods
// (false for type assertions on interfaces: only matching names must
// agree). *wrong receives a method of V with the right name but wrong
// type, or a pointer-receiver method where V is not a pointer, if any.
Object *types_missing_method(Type *V, Type *T, bool static_, Object **wrong, bool *ptr_recv);
// The cause text for missing_method's answer, as go/types words it.
void types_missing_method_cause(Buf *b, Type *V, Type *T, Object *m, Object *wrong, bool ptr_recv, const Qualifier *q);

// A method set (go/types MethodSet): the selections of T's methods, sorted
// by types_method_less, indirect as go/types reports it (also set for
// methods that come from an interface). Allocated in a.
typedef struct MethodSet {
    Selection *list;
    int n;
} MethodSet;
MethodSet types_method_set(Arena *a, Type *T);

// ---- sizes.c: gc's amd64 layout (types2 configured with noder's gcSizes) ----
// Pointers, int, uint, uintptr: 8. Strings 16, slices 24, interfaces 16,
// maps/chans/funcs 8. Struct size is rounded to the alignment, and a
// struct whose last field has size 0 gets one byte of padding (unless the
// struct is otherwise empty). Max alignment 8; complex128 aligns to 8.
// Empty structs named sync/atomic.align64 align to 8.
#define TYPES_PTR_SIZE 8
int64_t types_sizeof(Type *t);
int64_t types_alignof(Type *t);
// Offsets of a struct's fields (cached in u.struct_.offsets).
int64_t types_offsetof(Type *structure, int field);
// gc's HasPointers: whether values of t contain pointers the garbage
// collector must see (pointers to //go:notinheap types do not count).
// Escape analysis ignores values without pointers.
bool types_has_pointers(Type *t);
// gc's IsDirectIface: t is pointer-shaped, so an interface holds it
// directly instead of pointing to a copy (no allocation on conversion).
bool types_is_direct_iface(Type *t);

// ---- typestring.c ----
// Type strings in the two styles gc prints.
// TS_TYPES2: types2's typestring, used in gc's type errors: package-
//   qualified names as the Qualifier says, "func(x int) string",
//   "interface{M()}", "struct{a int}", "untyped int", "any".
// TS_GC: gc's own type formatting (cmd/compile/internal/types fmt.go) used
//   in -m lines and IR dumps: "func(int) string", "interface { M() }",
//   "struct { a int }", qualified by package name for types outside rel.
//   (The qualifier's write function is used for both modes.)
typedef enum TypeStringMode { TS_TYPES2, TS_GC } TypeStringMode;
void types_write_type(Buf *b, Type *t, const Qualifier *q, TypeStringMode mode);
// gc's LinkString of t (names qualified by package path).
void types_write_type_link(Buf *b, Type *t);
// The path gc's link strings give pkg's symbols: its -p path, else path.
Str types_link_path(struct Package *pkg);
// strconv.Quote of a byte string (struct tags, string constants).
void types_quote_string(Buf *b, const char *s, size_t n);
// One UTF-8 rune of s[0..n) (n > 0); invalid bytes give U+FFFD with
// *width 1, as utf8.DecodeRune does. types_put_utf8 encodes r
// (surrogates and values past U+10FFFF become U+FFFD).
uint32_t types_decode_rune(const unsigned char *s, size_t n, int *width);
void types_put_utf8(Buf *b, uint32_t r);
// strconv.FormatFloat(f, 'g', prec, 64), or the shortest digits that
// round-trip when prec < 0 (fmt's %g): what go/constant prints.
void types_format_g(Buf *b, double f, int prec);
// Convenience: the string in a (types2 mode).
const char *types_type_string(Arena *a, Type *t, const Qualifier *q);
// A signature without the "func" keyword: "(x int) string" (types2 mode).
void types_write_signature(Buf *b, Type *sig, const Qualifier *q);
// go/types ObjectString: "var x int", "func (*T).M()", "type Local int", ...
void types_write_object(Buf *b, Object *obj, const Qualifier *q);
// Writes "qualifier." before a name of package pkg (nothing for rel or
// universe objects; see Qualifier).
void types_write_qualifier(Buf *b, struct Package *pkg, const Qualifier *q);

// ---- const.c, const_literal.c: constant values (go/constant) ----
// Ints are int64 while they fit, else mpz_t; floats are exact rationals
// (mpq_t) always. go/constant switches to 512-bit big.Float when an
// exponent is huge; we stay exact but refuse literals whose decimal
// exponent exceeds +-100000 (binary +-400000 for hex floats): the value
// becomes unknown, which no real program hits. Complex
// values are pairs of int/float values. Values are immutable; operations
// return new values allocated from a pool.
typedef enum ConstKind {
    CV_UNKNOWN,         // result of an erroneous operation; absorbs everything
    CV_BOOL,
    CV_STRING,
    CV_INT,
    CV_FLOAT,
    CV_COMPLEX,
} ConstKind;

// Owns values: an arena for the structs plus a list of values holding GMP
// memory, cleared by types_const_pool_free. A package's checker keeps
// one for the life of the package (its values are referenced from AST
// nodes and objects); tests free theirs.
enum { CONST_SMALL_MIN = -16, CONST_SMALL_MAX = 256 };
struct ConstPool {
    Arena *arena;       // where Const structs and string bytes live
    Const *gmp_list;    // values with GMP memory to clear
    // The ints in [CONST_SMALL_MIN, CONST_SMALL_MAX), made once each:
    // values are immutable, and std makes these a hundred thousand times.
    Const *small[CONST_SMALL_MAX - CONST_SMALL_MIN];
};
void types_const_pool_init(ConstPool *p, Arena *a);
void types_const_pool_free(ConstPool *p);  // clears GMP memory (not the arena)

Const *types_const_unknown(void);  // a shared CV_UNKNOWN value
Const *types_const_bool(ConstPool *p, bool b);
Const *types_const_string(ConstPool *p, const char *s, size_t n);  // copied
Const *types_const_int64(ConstPool *p, int64_t v);
Const *types_const_uint64(ConstPool *p, uint64_t v);
Const *types_const_float64(ConstPool *p, double v);  // NaN/Inf: unknown
// From GMP values (copied), for const_literal.c: an int (small when it
// fits) and an exact rational float.
Const *types_const_from_mpz(ConstPool *p, const mpz_t z);
Const *types_const_from_mpq(ConstPool *p, const mpq_t q);
// From a literal's source text (go/constant MakeFromLiteral, with the
// unquoting of strconv): ints with 0x/0o/0b/0 prefixes and '_', decimal
// and hex floats, imaginary literals, runes and strings with escapes.
// Returns CV_UNKNOWN for malformed text (the lexer reported it).
Const *types_const_from_literal(ConstPool *p, LitKind kind, const char *text, size_t n);

ConstKind types_const_kind(Const *x);
bool types_const_bool_val(Const *x);
const char *types_const_string_val(Const *x, size_t *len);  // not NUL-safe: use len
// Exact extraction: false if not representable (or not an int).
bool types_const_int64_val(Const *x, int64_t *v);
bool types_const_uint64_val(Const *x, uint64_t *v);
// Nearest float64 (go/constant Float64Val); *exact tells whether exact.
double types_const_float64_val(Const *x, bool *exact);
int types_const_sign(Const *x);         // -1, 0, 1 (complex: 0 iff both zero)
int types_const_bitlen(Const *x);       // ints: bits of |x|
// Parts of a (possibly complex) numeric value.
Const *types_const_real(ConstPool *p, Const *x);
Const *types_const_imag(ConstPool *p, Const *x);
// Conversions (go/constant ToInt/ToFloat/ToComplex): unknown if the value
// cannot be represented in the target kind (e.g. 1.5 to int).
Const *types_const_to_int(ConstPool *p, Const *x);
Const *types_const_to_float(ConstPool *p, Const *x);
Const *types_const_to_complex(ConstPool *p, Const *x);
Const *types_const_make_complex(ConstPool *p, Const *re, Const *im);
// string(x) for an integer constant x: its UTF-8 encoding, or "\uFFFD"
// when x is not a valid code point (go/types' conversion rule).
Const *types_const_rune_string(ConstPool *p, Const *x);

// Arithmetic. Operands must have matching kinds after the checker's
// conversion to the larger of the two kinds (int < float < complex);
// mixed numeric kinds are promoted here too. integer: the operation is on
// an integer type, so / truncates (go/constant's QUO_ASSIGN trick).
// Division by zero is the checker's to report; it yields unknown here.
// prec for unary ^ on unsigned types: the type's size in bits (0: signed
// or untyped, so ^x == -x-1).
Const *types_const_unary(ConstPool *p, Op op, Const *x, int prec);
Const *types_const_binary(ConstPool *p, Op op, Const *x, Const *y, bool integer);
Const *types_const_shift(ConstPool *p, Op op, Const *x, uint64_t s);  // OP_SHL/OP_SHR on ints
bool types_const_compare(Const *x, Op op, Const *y);

// Representability of x in basic kind k (go/types representableConst).
// On success *rounded (if given) receives the value as the type holds it:
// floats rounded to float32/float64 precision, ints unchanged. Overflow
// (including float values beyond the type's range) answers false.
bool types_const_representable(ConstPool *p, Const *x, TypeKind k, Const **rounded);

// Formatting. types_const_format is go/constant's String (what types2
// prints in errors: ints in full, floats "1e+100", "1.5", "0.1", strings
// quoted and shortened to 72 chars with "..."); types_const_format_exact
// is ExactString (floats as fractions "1/3", full strings).
void types_const_format(Buf *b, Const *x);
void types_const_format_exact(Buf *b, Const *x);

// ==== end type checker core ====

// ==== type checker proper (check.c, resolve.c, decl.c, typexpr.c, stmt.c,
// expr.c, call.c, builtins.c, conversion.c, index.c, infer.c, subst.c ...)
//
// The checker follows types2, gc's own type checker, because gc's error
// messages and positions are types2's. It checks one package at a time,
// bottom-up; imported packages are already checked (their objects carry
// types). Results are recorded on the AST and in an Info side table:
//  - Node.type: the type of every expression and type expression (the
//    final type: untyped constants get their context's type as types2's
//    recordUntyped does), NULL where types2 records nothing;
//  - the operand mode of every expression in Node.flags (NODE_MODE);
//  - N_IDENT u.ident.obj: the object an identifier defines or uses;
//  - constant values, selections, implicit objects and instances in Info.

// Operand modes (types2 operandMode). Stored for each checked expression
// node in bits 8..11 of Node.flags.
#define OPERAND_MODES(X)                                               \
    X(MODE_INVALID, "invalid operand")                                 \
    X(MODE_NOVALUE, "no value")                                        \
    X(MODE_BUILTIN, "built-in")                                        \
    X(MODE_TYPEXPR, "type")                                            \
    X(MODE_CONSTANT, "constant")                                       \
    X(MODE_VARIABLE, "variable")                                       \
    X(MODE_MAPINDEX, "map index expression")                           \
    X(MODE_VALUE, "value")                                             \
    X(MODE_NILVALUE, "nil")                                            \
    X(MODE_COMMAOK, "comma, ok expression")                            \
    X(MODE_COMMAERR, "comma, error expression")

typedef enum OperandMode {
#define X(k, s) k,
    OPERAND_MODES(X)
#undef X
    MODE_COUNT
} OperandMode;
extern const char *const operand_mode_names[MODE_COUNT];

#define NODE_MODE_SHIFT 8
#define NODE_MODE(n) ((OperandMode)(((n)->flags >> NODE_MODE_SHIFT) & 15))
#define NODE_SET_MODE(n, m) \
    ((n)->flags = (uint16_t)(((n)->flags & ~(15u << NODE_MODE_SHIFT)) | ((unsigned)(m) << NODE_MODE_SHIFT)))

// An operand (types2 operand): the result of checking an expression.
typedef struct Operand {
    OperandMode mode;
    Node *expr;         // the expression (for messages and recording)
    Type *type;
    Const *val;         // MODE_CONSTANT only
    BuiltinId id;       // MODE_BUILTIN only
} Operand;

// An instantiation of a generic function or type at a use (types2 Instance).
typedef struct Instance {
    Type **targs;
    int ntargs;
    Type *type;         // the instantiated signature or named type
} Instance;

// What the checker records beyond the AST (types2 Info).
typedef struct Info {
    PtrMap consts;      // expression Node* -> Const* (constant expressions)
    PtrMap selections;  // N_SELECTOR -> Selection* (not for qualified idents)
    // Implicitly declared objects: N_IMPORT_SPEC without name -> OBJ_PKGNAME;
    // N_CASE_CLAUSE of a type switch with a symbol -> its OBJ_VAR;
    // anonymous N_FIELD parameter/result -> its OBJ_VAR.
    PtrMap implicits;
    PtrMap instances;   // N_IDENT (or N_SELECTOR sel) naming a generic -> Instance*
    // N_FUNC_TYPE, N_BLOCK, N_IF, N_FOR, N_RANGE, N_SWITCH, N_TYPE_SWITCH,
    // N_CASE_CLAUSE, N_COMM_CLAUSE -> Scope* (types2 Info.Scopes); file
    // scopes are in file_scopes, parallel to the package's files.
    PtrMap scopes;
    Scope **file_scopes;
    VEC(Object *) init_order;  // package-level vars in initialization order
                               // (one entry per initialized variable group lhs[0])
    PtrMap init_lhs;    // first var of a multi-var init -> VEC of its lhs (Object**)
    ConstPool *pool;    // owns the package's constant values (types_free_info)
    // A package checked with lazy bodies keeps its checker here, to check
    // the bodies asked for later (types_func_body).
    struct LazyBodies *lazy;
} Info;

typedef struct CheckConfig {
    bool ignore_func_bodies;   // types2 IgnoreFuncBodies (not used by gc)
    bool error_all;            // gc -e: no limit of 10 errors
    Str lang;                  // -lang / go.mod "go 1.N" (NULL: go1.19)
    // The package was parsed with lazy bodies (SynOptions.lazy_bodies):
    // its bodies are checked when asked for, and what needs them all
    // (unused imports, initialization order) is left out. Only for a
    // package known to be free of errors. Its declarations are checked
    // only when one of its objects is first used (types_complete_object,
    // types_func_body): a dependency nobody's declarations reach is never
    // checked.
    bool lazy_bodies;
} CheckConfig;

typedef struct Checker Checker;

// Checks pkg, whose imports must have been checked already (the loader's
// order). Sets pkg->scope and pkg->check (the Info). Errors go to d in
// types2's words at gc's positions; returns false if there were any.
bool types_check_package(Package *pkg, const CheckConfig *cfg, Diags *d);
Info *types_package_info(Package *pkg);
// fn's body, parsed and checked now if its package was checked with lazy
// bodies; NULL when it has none. types_decl_body: the same for a
// declaration (N_FUNC_DECL).
Node *types_func_body(Object *fn);
// An object of another package left unchecked by a check with lazy bodies
// (its variables and constants wait for their first use): checked now,
// after the rest of its package's declarations if they are still waiting.
void types_complete_object(Object *o);
// Whether p's declarations still wait for their first use.
bool types_package_deferred(Package *p);
// p's files parsed and its package-level objects declared, before a
// lookup in its scope (a selector, a dot import); the declarations
// themselves wait for types_complete_object.
void types_package_ready(Package *p);
// Called when a package's declarations get checked on first use: later
// stages that passed it over while it waited catch up (one hook a run).
void types_on_complete(void (*fn)(void *ctx, Package *p), void *ctx);
Node *types_decl_body(Node *fdecl);
// Releases the Info's tables (before the package's arena goes).
void types_free_info(Package *pkg);
// dumptypes.c: the recorded type, mode and value of every expression of
// a checked package, one line each, as tests/oracle/typesdump prints them
// from go/types (the format is described there and in dumptypes.c).
void types_dump_types(Buf *out, Package *pkg);

// -- checker internals shared by its files (not for later stages) --

// Per-package-level-object declaration data (types2 declInfo).
typedef struct DeclInfo {
    Scope *file_scope;  // scope of the file containing the declaration
    Object **lhs;       // var groups `var a, b = f()`: all lhs objects
    int nlhs;
    Node *vtype;        // declared type, or NULL
    Node *init;         // init expression, or NULL
    bool inherited;     // const spec repeating the previous spec's type/values
    Node *tdecl;        // N_TYPE_SPEC
    Node *fdecl;        // N_FUNC_DECL
    PtrMap deps;        // Object* -> (void*)1: package-level objects used (init order)
    VEC(Object *) dep_list;  // the same, in first-use order (deterministic)
} DeclInfo;

// The context a piece of code is checked in (types2 environment).
typedef struct Env {
    DeclInfo *decl;     // package-level declaration whose init is checked, or NULL
    Scope *scope;       // current scope for lookups
    Pos pos;            // if valid, identifiers are looked up as if at pos
    Const *iota;        // value of iota in a constant declaration, NULL otherwise
    Node *errpos;       // if set, identifier position of a constant with
                        // inherited initializer (types2 errpos)
    Type *sig;          // function signature if inside a function body
    bool has_label;     // the function has labels
    bool has_call_or_recv; // an expression contains a call or receive (types2)
    bool in_generic_func;  // inside a generic function or method (gc's noder
                           // rejects local type declarations there)
} Env;

typedef void (*CheckAction)(Checker *c, void *arg);

// What Checker.untyped maps an untyped expression to (types2 exprInfo).
// check_record fills it and also sets the node's type and mode at once;
// check_update_expr_type rewrites both and removes the entry once final.
typedef struct ExprInfo {
    bool is_lhs;        // lhs of a shift (types2 exprInfo.isLhs)
    OperandMode mode;
    Type *type;
    Const *val;
} ExprInfo;

struct Checker {
    Package *pkg;
    Arena *arena;           // pkg->arena: types, objects, scopes
    Diags *diags;
    CheckConfig cfg;
    ConstPool consts;
    Info *info;
    Qualifier qual;         // how to print other packages in messages
    PtrMap obj_map;         // package-level Object* -> DeclInfo*
    PtrMap methods;         // OBJ_TYPENAME -> VEC of methods declared on it (associated in collect)
    PtrMap untyped;         // untyped expressions awaiting their final type
    Arena scratch;          // what lives only while checking (untyped's values)
    PtrMap recvless;        // method signature -> its copy without receiver
    VEC(Object *) imports;  // OBJ_PKGNAME objects of all files
    VEC(Object *) obj_path; // objects being type-checked (cycle detection)
    struct { CheckAction f; void *arg; Env env; } *delayed;  // delayed actions (FIFO)
    int ndelayed, capdelayed;
    PtrMap panics;          // N_CALL nodes calling the builtin panic
    Env env;                // current environment
    int nerrors_at_start;   // diags->nerrors when checking started
    int lang_minor;         // language version: go1.<lang_minor>
    void *qual_state;       // check.c: packages seen by the qualifier
    VEC(Object *) obj_list; // package-level objects and methods in source order
    int nobjs;              // their count (Object.order of the last one)
    PtrMap sig_scopes;      // signature Type* -> its function Scope* (types2 Signature.scope)
    PtrMap broken_aliases;  // alias OBJ_TYPENAME -> 1 while its RHS is being resolved
    PtrMap recv_tparams;    // blank receiver type parameter N_IDENT -> its TY_TYPEPARAM
    bool in_tparam_list;    // checking a type parameter list (cycle rules differ)
    PtrMap valids;          // named types known not to contain themselves (validType)
    VEC(Pos) late_errors;   // gc's noder errors, reported only if checking succeeds
    struct MonoGraph *mono; // mono.c: type parameter flow for "instantiation cycle"
};

// Info.lazy: the checker of a package checked with lazy bodies.
typedef struct LazyBodies {
    Checker *c;
    Diags diags;        // errors in bodies checked late (none expected)
    bool deferred;      // the package-level declarations wait for a use
} LazyBodies;

// Value type of Checker.methods.
typedef struct ObjList { VEC(Object *) v; } ObjList;

// check.c: errors in types2's words. soft errors (unused vars/imports) are
// ordinary errors for gc.
void check_errorf(Checker *c, Pos pos, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void check_error_at_node(Checker *c, Node *n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
// Operand description as types2 prints it in messages:
// "x (variable of type int)", "1 (untyped int constant)", "f() (no value)".
void check_write_operand(Checker *c, Buf *b, Operand *x);
// Expression as types2 prints it (syntax.String): "a.b[i]", "f(x, y)",
// "&T{…}", "func(x int) {…}" (lives in src/syntax/printer.c: syn_expr_string).
void check_write_expr(Buf *b, Node *e);
void check_write_type(Checker *c, Buf *b, Type *t);   // types2 style, checker's qualifier
// The same three as strings in the checker's arena, for message arguments.
const char *check_operand_str(Checker *c, Operand *x);
const char *check_type_str(Checker *c, Type *t);
const char *check_expr_str(Checker *c, Node *e);
void check_later(Checker *c, CheckAction f, void *arg);  // run at end, with the current env
void check_process_delayed(Checker *c, int top);

// Recording results (check.c).
void check_record(Checker *c, Node *e, OperandMode mode, Type *t, Const *val);
void check_record_def(Checker *c, Node *ident, Object *obj);
void check_record_use(Checker *c, Node *ident, Object *obj);
void check_record_implicit(Checker *c, Node *n, Object *obj);
void check_record_selection(Checker *c, Node *sel, SelectionKind kind, Type *recv, Object *obj, int *index, int nindex, bool indirect);
void check_record_scope(Checker *c, Node *n, Scope *s);
void check_record_instance(Checker *c, Node *ident, Type **targs, int ntargs, Type *t);

// resolve.c / decl.c / initorder.c: declarations.
void check_collect_objects(Checker *c);   // types2 collectObjects
void check_package_objects(Checker *c);   // types2 packageObjects
void check_init_order(Checker *c);        // fills Info.init_order
// "X redeclared in this block" (what) with gc's "other declaration" line.
void check_report_redeclared(Checker *c, Pos pos, Str name, Object *alt, const char *what);
// Records that the current package-level declaration depends on obj
// (types2 addDeclDep; for initialization order).
void check_add_decl_dep(Checker *c, Object *obj);
// decl.c internals shared with stmt.c and typexpr.c.
void check_type_decl(Checker *c, Object *obj, Node *tdecl, Type *def);
void check_collect_methods(Checker *c, Object *obj);
void check_func_decl(Checker *c, Object *obj, DeclInfo *d);
void check_decl_stmt(Checker *c, Node *gen_decl);   // local const/var/type
bool check_is_broken_alias(Checker *c, Object *alias);
Pos check_end_pos(Node *n);     // just past n's source text (approximate)
// assign.c: initialization of one constant or variable from x (types2
// initConst/initVar); returns x's type or NULL after an error.
void check_init_const(Checker *c, Object *lhs, Operand *x);
Type *check_init_var(Checker *c, Object *lhs, Operand *x, const char *context);
Type *check_assign_var(Checker *c, Node *lhs, Operand *x);
// expr.c (expression colleague): comparison of two checked operands
// (types2 comparison); switch_case words errors for case values.
void check_comparison(Checker *c, Operand *x, Operand *y, Op op, bool switch_case);
// Receiver base name under parens, stars and an instantiation (*index).
Node *check_unpack_recv(Node *rtyp, bool *ptr, Node **index);
void check_declare(Checker *c, Scope *s, Node *ident, Object *obj, Pos scope_pos);
void check_obj_decl(Checker *c, Object *obj, Type *def);  // types2 objDecl
// Looks up name as seen from the current environment (env.scope, env.pos).
Object *check_lookup(Checker *c, Str name);
void check_func_body(Checker *c, DeclInfo *decl, Str name, Type *sig, Node *body, Const *iota);
void check_const_decl(Checker *c, Object *obj, Node *typ, Node *init, bool inherited);
void check_var_decl(Checker *c, Object *obj, Object **lhs, int nlhs, Node *typ, Node *init);

// typexpr.c: types from type expressions (also struct, interface,
// signature, union construction).
Type *check_typexpr(Checker *c, Node *e);                    // types2 typ
Type *check_definedtype(Checker *c, Node *e, Type *def);     // types2 definedType
Type *check_varType(Checker *c, Node *e);                    // types2 varType (no constraint ifaces)
Type *check_generic_type(Checker *c, Node *e, bool report);  // uninstantiated generic allowed
Type *check_func_type(Checker *c, Node *recv_field, Node *ftype, Node **recv_tparams_out);
Type *check_instantiated_type(Checker *c, Node *x, NodeList targs, Type *def);
void check_collect_type_params(Checker *c, Type ***out, int *nout, NodeList list);
void check_ident(Checker *c, Operand *x, Node *e, Type *def, bool want_type);

// stmt.c
void check_stmt_list(Checker *c, NodeList list, unsigned ctxt);
void check_open_scope(Checker *c, Node *n, const char *comment);
void check_close_scope(Checker *c);
void check_usage(Checker *c, Scope *s);   // "declared but not used"
bool check_is_terminating(Checker *c, Node *s, Str label);  // "missing return"

// assign.c
void check_assignment(Checker *c, Operand *x, Type *T, const char *context);
void check_init_vars(Checker *c, Object **lhs, int nlhs, NodeList rhs, Node *return_stmt);
void check_assign_vars(Checker *c, NodeList lhs, NodeList rhs);
void check_short_var_decl(Checker *c, Node *assign, NodeList lhs, NodeList rhs);

// expr.c: expressions.
void check_expr(Checker *c, Operand *x, Node *e);            // single value
void check_expr_with_hint(Checker *c, Operand *x, Node *e, Type *hint);  // composite literal elision
void check_expr_or_type(Checker *c, Operand *x, Node *e, bool allow_generic);
// One expression that may have several values (f() with results, or
// v, ok forms when allow_comma_ok): *list receives *n operands.
void check_multi_expr(Checker *c, Operand **list, int *n, Node *e, bool allow_comma_ok);
void check_raw_expr(Checker *c, Operand *x, Node *e, Type *hint, bool allow_generic);
void check_use(Checker *c, NodeList args);   // evaluate for side effects after errors
void check_convert_untyped(Checker *c, Operand *x, Type *target);
void check_update_expr_type(Checker *c, Node *e, Type *t, bool final);
void check_binary(Checker *c, Operand *x, Node *e, Node *lhs, Node *rhs, Op op);
void check_selector(Checker *c, Operand *x, Node *e, Type *def, bool want_type);
void check_index_expr(Checker *c, Operand *x, Node *e);       // returns via x; may instantiate
void check_slice_expr(Checker *c, Operand *x, Node *e);
int64_t check_index(Checker *c, Node *index, int64_t max, bool allow_negative, bool *ok);
void check_single_value(Checker *c, Operand *x);
bool check_comma_ok_assign(Checker *c, Operand *x);  // x's mode allows v, ok = x
// Untyped bookkeeping (types2 updateExprVal; entries are ExprInfo, see
// check_record; an entry whose value is NULL is gone).
void check_update_expr_val(Checker *c, Node *e, Const *val);
// Records x for x->expr (types2 Checker.record): invalid operands as
// invalid, novalue without a type; check_record keeps untyped results
// in Checker.untyped until their context fixes the type.
void check_record_operand(Checker *c, Operand *x);
// x == y comparisons; switch_case: as a case of `switch y` (types2 comparison).
void check_comparison(Checker *c, Operand *x, Operand *y, Op op, bool switch_case);
// x.(T); type_switch: T is a case of a type switch on x (types2 typeAssertion).
void check_type_assertion(Checker *c, Node *e, Operand *x, Type *T, bool type_switch);
// "cannot use x (...) as T value in context" etc. is assign.c's; these
// are the operand-level answers it builds on (operand.c).
typedef enum ConvCode {
    CONV_OK,
    CONV_TRUNCATED,      // float constant to integer type: "(truncated)"
    CONV_OVERFLOW,       // numeric constant out of range: "(overflows)"
    CONV_INVALID_CONST,  // constant of the wrong kind
    CONV_INVALID_UNTYPED,
} ConvCode;
// types2 implicitTypeAndValue: the type x gets in a context expecting
// target; NULL with *code set if impossible. *val (may be NULL) receives
// the constant's representation, or NULL if unchanged.
Type *check_implicit_type_and_value(Checker *c, Operand *x, Type *target, Const **val, ConvCode *code);
// types2 operand.assignableTo; reason (may be NULL) receives the cause.
bool check_assignable_to(Checker *c, Operand *x, Type *T, Buf *reason);
// Checks that constant x is representable in basic type t, in types2's
// words ("300 (untyped int constant) overflows int8"); x->val becomes the
// value as t holds it, or x becomes invalid.
void check_representable(Checker *c, Operand *x, Type *t);
void check_invalid_conversion(Checker *c, ConvCode code, Operand *x, Type *target);
// After a constant operation: typed results must fit their type, untyped
// integers 512 bits ("constant shift overflow" at opnode's operator).
void check_overflow(Checker *c, Operand *x, Node *opnode);
// "(int, string)" summaries of argument/result lists (types2 typesSummary).
void check_types_summary(Checker *c, Buf *b, Type **list, int n, bool variadic);
// types2 exprList: evaluates a list (one multi-value call may expand).
// *commaok (may be NULL) tells whether a second, untyped bool operand was
// added for a single comma-ok expression. Operands are arena-allocated.
Operand *check_expr_list(Checker *c, NodeList elist, bool allow_comma_ok, int *n, bool *commaok);
bool check_is_valid_index(Checker *c, Operand *x, const char *what, bool allow_negative);
// check_index that also gives the index's type (invalid after errors).
int64_t check_index_typed(Checker *c, Node *index, int64_t max, bool allow_negative, bool *ok, Type **typ);
// Sets OF_ADDRTAKEN on the variable whose address &e takes (gc's
// OuterValue + Addrtaken): explicit &, array slicing, pointer methods.
void check_mark_addr_taken(Checker *c, Node *e);
// Message helpers of the expression files (operand.c): types2's sprintf
// with verbs %O operand, %T type, %E expression, %V constant, %o Op,
// %D int64_t, besides %s and %d; positions as types2's posFor.
void check_sprintf(Checker *c, Buf *b, const char *fmt, ...);
void check_report(Checker *c, Pos pos, const char *fmt, ...);
Pos check_operand_pos(Operand *x);   // start of x->expr (NOPOS without one)
// gc's syntax.StartPos: where types2 reports errors "at" a node. Unlike
// syn_start_pos it keeps the node's own position for key:value pairs
// (the ':'), slice expressions (the '['), parens and unary operations.
Pos check_start_pos(Node *n);
// Language version gates (types2 allowVersion/versionErrorf): whether
// go1.<minor> features are allowed, and gc's error when they are not:
// "WHAT requires go1.N or later (-lang was set to go1.M; check go.mod)".
bool check_allow_version(Checker *c, int minor);
void check_version_error(Checker *c, Pos pos, int minor, const char *what);
// What an expression may stand for in statement context (types2 exprKind).
typedef enum ExprKind { EXPR_CONVERSION, EXPR_EXPRESSION, EXPR_STATEMENT } ExprKind;
ExprKind check_raw_expr_kind(Checker *c, Operand *x, Node *e, Type *hint, bool allow_generic);
void check_composite_lit(Checker *c, Operand *x, Node *e, Type *hint);   // literal.c
// types2 indexExpr (index.c): true if e instantiates a generic function,
// left for the caller (a call infers the rest from its arguments).
bool check_index_or_inst(Checker *c, Operand *x, Node *e);
ExprKind check_call(Checker *c, Operand *x, Node *call);   // call.c; check_call_expr without the kind
// Checks args against a (non-generic) signature as a call does (append).
Type *check_arguments(Checker *c, Node *call, Type *sig, Operand *args, int nargs);

// call.c / builtins.c / conversion.c
void check_call_expr(Checker *c, Operand *x, Node *call);
bool check_builtin(Checker *c, Operand *x, Node *call, BuiltinId id);
void check_conversion(Checker *c, Operand *x, Type *T);
void check_func_inst(Checker *c, Operand *x, Node *inst);  // f[T] without a call

// Generics (subst.c, instantiate.c, infer.c, unify.c, validtype.c).
Type *check_subst(Checker *c, Pos pos, Type *t, Type **tparams, Type **targs, int n);
Type *check_instantiate(Checker *c, Pos pos, Type *orig, Type **targs, int ntargs, bool validate);
// Infers missing type arguments; returns all n targs or NULL after an error.
Type **check_infer(Checker *c, Pos pos, Type **tparams, int ntparams, Type **targs, int ntargs,
                   Type *params, Operand **args, int nargs);
void check_valid_type(Checker *c, Type *named);   // "invalid recursive type"
// Instantiates generic signature sig with all its type arguments; the
// constraint check runs later (types2 instantiateSignature) and reports a
// failing argument at xlist[i] when it was written explicitly, else at pos.
Type *check_instantiate_signature(Checker *c, Pos pos, Type *sig, Type **targs, int n, NodeList xlist);
// Instantiates generic named type orig from the type expression orig[xlist]
// (types2 instantiatedType): deduplicated, expanded lazily, verified later
// with errors at the failing argument. pos: start of the type name.
Type *check_instantiate_type(Checker *c, Pos pos, Type *orig, Type **targs, int n, NodeList xlist);
// After a type parameter list is collected: wraps constraints that are
// not interfaces ([P *S], [T int]) in implicit interfaces once complete,
// as types2's tpar.iface() does, so type sets and core types see them.
void check_complete_tparams_later(Checker *c, Type **tparams, int n);
// Where an instance made by check_instantiate_type was first written
// (NOPOS for instances made by substitution).
Pos check_instance_pos(Type *inst);
// The object naming named type t in cycle messages: for an instance a copy
// of its generic type's name at the position it was written (validtype.c).
Object *check_instance_obj(Checker *c, Type *t);
// mono.c: records the type arguments of a verified instantiation, and at
// the end of a package without errors reports "instantiation cycle".
typedef struct MonoGraph MonoGraph;
void check_mono_record(Checker *c, Pos pos, Type **tparams, Type **targs, int n, NodeList xlist);
void check_monomorph(Checker *c);
void check_mono_free(Checker *c);
// End of a package's check: frees the generics state hanging off c and
// detaches c from the package's instance expander (instantiate.c).
void check_generics_end(Checker *c);
// -- generics internals (subst.c, instantiate.c, unify.c, infer.c) --
// Substitution allocating in a; c may be NULL (an instance expanded after
// its package's checker is gone). Returns t itself when nothing changed.
Type *check_subst_in(Arena *a, Checker *c, Type *t, Type **tparams, Type **targs, int n);
// The instance orig[targs], one Type* per identical argument list and
// arena (types2 Context); expanded lazily by the instance resolver.
Type *check_named_instance(Arena *a, Checker *c, Type *orig, Type **targs, int n);
// Whether t mentions one of tparams (types2 isParameterized).
bool check_is_parameterized(Type **tparams, int n, Type *t);
// Unification of types against type parameters (types2 unifier). Slots
// for the inferred types are shared by joined parameters.
typedef struct Unifier {
    Type **tparams;     // the parameters being inferred (x side)
    int n;
    bool exact;         // identity only (no inexact named/underlying matches)
    bool both;          // y's type parameters are the same list (inferB)
    int *idx;           // per parameter: 0 unbound, >0 slot+1 with type, <0 -(slot+1) without
    VEC(Type *) types;  // slot types (NULL: unknown yet)
    int depth;
    void *ipairs;       // unify.c: interface pairs being compared (cycle guard)
} Unifier;
void check_unifier_init(Unifier *u, Type **tparams, int n, bool exact, bool both);
void check_unifier_free(Unifier *u);
bool check_unify(Unifier *u, Type *x, Type *y);
Type *check_unifier_at(Unifier *u, int i);
void check_unifier_set(Unifier *u, int i, Type *t);
int check_unifier_unknowns(Unifier *u);

// ==== end type checker proper ====

#endif
