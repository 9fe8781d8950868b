// cmd.h: goesc's subcommands beyond main.c's parse, check and list.
#ifndef GOESC_CMD_H
#define GOESC_CMD_H

#include <stdio.h>

#include "../base/base.h"
#include "../types/types.h"
#include "../report/report.h"

// goesc's own version (the Go it models is go1.19).
#define GOESC_VERSION "0.1.0"
#define GOESC_MODELS "go1.19"

// main.c's helpers shared with the subcommands.
int split_tags(const char *v, Str **out);
// Type-checks one package of a dependencies-first list as gc compiles it
// (lang: -lang, NULL for go1.19); its errors, if any, go to stderr under
// "# header" (NULL: none), followed by note. Returns -1 when skipped (its
// imports failed), 1 after errors, else 0.
// Type-checks p and prints its errors, under its header, to out (NULL:
// stderr). Returns 1 after errors, -1 if skipped (it or an import is bad).
int check_package(Package *p, bool error_all, Str lang, const char *header, const char *note, FILE *out);
// The synopsis of every subcommand; full adds the flags of the escape
// command.
void goesc_usage(FILE *out, bool full);

// goesc explain: the positions asked about (explain.c).
typedef struct ExplainAt {
    const char *arg;
    char *file;             // its real path
    int line, col;          // col 0: any
    bool hit;
} ExplainAt;
typedef struct ExplainSpec {
    VEC(ExplainAt) at;
    int n;
    bool all;
    PtrMap real;            // SrcFile* -> its real path ("" if none)
} ExplainSpec;
bool explain_match(void *ctx, Pos p);

// goesc -test (test.c): the packages go test -c compiles replace the
// loaded list (dependencies first); headers and the order of printing are
// go test's.
typedef struct TestBuild {
    bool on;
    Str *headers;       // parallel to the list; NULL: the package's path
    int *rank;          // parallel to the list: where go test prints it
} TestBuild;
Package **cmd_test_packages(Loader *l, Package **pkgs, int *n, TestBuild *tb);
const char *cmd_test_header(const TestBuild *tb, int k, const Package *p);
// Puts the matched packages' ranges in go test's order.
void cmd_test_order(const TestBuild *tb, Package **pkgs, int n, struct ReportPackage *ranges, int nranges);
void cmd_test_free(TestBuild *tb, Package **list);

// goesc [flags] PATTERN|FILE...: gc's -m output (escape.c); with xs,
// goesc explain's.
int cmd_escape(int argc, char **argv, ExplainSpec *xs);
int cmd_explain(int argc, char **argv);
// goesc assert (assert.c): the escape command's run, then hook->run over
// its records (at -m=2, with -json's) and the packages loaded; its result
// is the exit status.
struct ReportPackage;
typedef struct EscapeHook {
    void *ctx;
    bool light;             // -m=1's records only (goesc diff's snapshots)
    int peer;               // goesc diff's socket (-1: none): pkgcache_set_peer
    int (*run)(void *ctx, RecordLog *log, const struct ReportPackage *ranges, int nranges, Package **pkgs,
               int npkgs);
} EscapeHook;
int cmd_escape_hooked(int argc, char **argv, ExplainSpec *xs, const EscapeHook *hook);
// pkgcache.c: dependencies' inline costs and escape tags kept between runs
// (issue 12). flag: -cache's value (NULL: the default directory, "off").
struct Inliner;
struct EscSession;
typedef struct PkgCache PkgCache;
extern const char *cmd_cache_flag;
PkgCache *pkgcache_open(const char *flag, Str config, Str lang, bool files, bool no_inline);
void pkgcache_set_loader(PkgCache *pc, Loader *l);
void pkgcache_close(PkgCache *pc);
// The store under it (LoadConfig.memo), NULL without the cache.
struct Cache *pkgcache_cache(PkgCache *pc);
// goesc diff's child: the socket on which, before parsing, it trades the
// keys of the named packages with diff, to leave out those that the other
// revision has the same (fd is closed; pc NULL: at once).
void pkgcache_set_peer(PkgCache *pc, int fd);
// Closes the socket if no trade happened (nothing was parsed).
void pkgcache_end_peer(PkgCache *pc);
// LoadConfig.lazy_bodies: unless p is named on the command line, looks it
// up (its key covers its imports') and sets p->facts when found.
bool pkgcache_lazy(void *ctx, Package *p);
// After p's analysis without errors: stores what importers need.
void pkgcache_store(PkgCache *pc, Package *p, struct Inliner *inl, struct EscSession *es);
// The same in two steps: what importers need of p (-j publishes it as
// p->facts for the other analysis threads), then its storing.
struct PkgFacts *pkgcache_facts_of(Package *p, struct Inliner *inl, struct EscSession *es);
void pkgcache_store_facts(PkgCache *pc, Package *p, struct PkgFacts *f);
// go build's -lang for p: the -lang flag for the named packages, else its
// go.mod's go line if this Go has it (NULL: the default).
Str cmd_package_lang(Loader *l, Package *p, Str lang, bool files);
void pkgcache_free_facts(Package *p);

// jobs.c: -j's analysis of several packages at once, each thread with its
// own inliner and escape session. Each package's records go to its own
// log (logs), for the caller to put in the loader's order.
struct EscConfig;
struct InlConfig;
typedef struct JobsState JobsState;
typedef struct AnalysisJobs {
    Loader *l;
    Package **pkgs;         // the loader's, in its order
    int n;
    int threads;            // this one included
    int checkers;           // threads checking meanwhile: as many of
                            // these wait for the checks to end
    const struct EscConfig *ec;     // the others' sessions' (not its
    const struct InlConfig *ic;     // inliner or log)
    PkgCache *pc;
    struct Inliner *inl;    // this thread's sessions
    struct EscSession *es;
    RecordLog *logs;        // per package, when run
    int rc;                 // 1 after errors
    int waits, used;        // waits for checks; threads that ran
    double waited;          // seconds, summed over the threads
    JobsState *state;
} AnalysisJobs;
void analysis_jobs_run(AnalysisJobs *j);
void analysis_jobs_free(AnalysisJobs *j);
int cmd_assert(int argc, char **argv);
// goesc diff OLD NEW [PACKAGES] (diff.c).
int cmd_diff(int argc, char **argv);
// goesc clean -cache (clean.c).
int cmd_clean(int argc, char **argv);
// -cache=off|DIR as given to the escape command, NULL if not: the
// package cache's directory, or none.
// Whether arg is a flag of the escape command whose value is the next
// argument ("-tags X").
bool cmd_escape_flag_takes_value(const char *arg);
// The root SARIF's URIs are relative to: the repository holding dir (the
// nearest directory up with .git), else its module (go.mod), else dir.
char *cmd_source_root(const char *dir);
// Prints the escape command's flags, one line each.
void cmd_escape_flags(FILE *out);

#endif
