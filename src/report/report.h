// report.h: printers of the -m records (base.h's RecordLog).
#ifndef GOESC_REPORT_H
#define GOESC_REPORT_H

#include <stdio.h>

#include "../base/base.h"

// gc's -m text: one line per record that -m=m prints, then its
// explanation's lines, each under the record's position.
void report_text(Buf *out, const RecordLog *log, int m);
void report_text_file(FILE *out, const RecordLog *log, int m);
// One record's lines.
void report_text_record(Buf *out, const Record *r);

// s as a JSON string, as Go's encoding/json writes it (<, >, & escaped).
void report_json_str(Buf *b, const char *s);

// What the structured printers share (view.c). A diagnostic kind: its
// id in -format=json and SARIF, its SARIF rule name, descriptions and
// level ("note", "warning", "error").
typedef struct ReportKind {
    const char *id, *name, *short_desc, *full_desc, *level;
} ReportKind;
int report_nkinds(void);
const ReportKind *report_kind_at(int i);
int report_kind_index(RecKind k);          // -1: not a diagnostic
const ReportKind *report_kind(RecKind k);  // NULL: not a diagnostic
bool report_kind_heap(RecKind k);          // it puts something on the heap
bool report_diagnostic(const Record *r, int m);  // listed at -m=m

// s escaped as Go's net/url escapes a path (segment: a path segment,
// where '/', ';' and ',' are escaped too).
void report_url_escape(Buf *b, const char *s, bool segment);

// A position as a file, line, byte column and UTF-16 column (1-based).
typedef struct ReportWhere {
    char *file;             // as the text prints it ("./x.go", "$GOROOT/src/...")
    char *path;             // absolute (made so with cwd)
    int line, col, col16;
} ReportWhere;
// shown: the text's position ("x.go:3:6"), whose file name wins; or NULL.
ReportWhere report_where(Pos p, const char *shown, const char *cwd);
void report_where_free(ReportWhere *w);
// The inline calls p lies in after the reported one, outermost first.
int report_inline_stack(Pos p, int inl, Pos *out, int max);

// The -m=2 explanations of one package's records (log's [from, to)), by
// the location they are about.
typedef struct Explained {
    PtrMap first;           // subject -> 1 + index of its first explanation
    int *next;              // [i - from]: 1 + index of the next one
    int from;
    const RecordLog *log;
} Explained;
void report_explained_init(Explained *ex, const RecordLog *log, int from, int to);
void report_explained_free(Explained *ex);
// Whether explanation x is one of decision r's.
bool report_explains(const Record *r, const Record *x);
// r's explanation after prev (NULL: its first); NULL: no more.
const Record *report_explanation(const Explained *ex, const Record *r, const Record *prev);

// goesc's own -format=json: one document for the whole run, for tools
// (schema in the README). Packages are the records' ranges.
typedef struct ReportPackage {
    const char *path;
    const char *import_path;    // as go build's "# path" headers say it
    int from, to;           // its records in the log
    SrcFile **files;        // its source files (-format=html)
    int nfiles;
} ReportPackage;
typedef struct JsonReportConfig {
    int m;                  // the -m level whose records are listed
    const char *goesc_version;
    const char *cwd;        // makes file names absolute ("path")
} JsonReportConfig;
void report_json(FILE *out, const RecordLog *log, const ReportPackage *pkgs, int npkgs,
                 const JsonReportConfig *cfg);

// -format=sarif: SARIF 2.1.0 for code scanning.
typedef struct SarifConfig {
    int m;
    const char *goesc_version;
    const char *cwd;
    const char *root;       // absolute, cleaned: URIs are relative to it
} SarifConfig;
void report_sarif(FILE *out, const RecordLog *log, const ReportPackage *pkgs, int npkgs,
                  const SarifConfig *cfg);

// goesc diff's changes between two revisions (src/cmd/diff.c finds them
// and prints the text; JSON and SARIF are printed here). The kinds, in
// the text's order; CHG_RENAMED last, as it is no SARIF rule.
typedef enum ChangeKind {
    CHG_NEW_HEAP, CHG_FIXED_HEAP, CHG_LOST_INLINED, CHG_GAINED_INLINED, CHG_LOST_INLINABLE,
    CHG_GAINED_INLINABLE, CHG_LEAK_ADDED, CHG_LEAK_REMOVED, CHG_RENAMED, CHG_NKINDS
} ChangeKind;
typedef struct ReportChangeKind {
    const char *id, *name, *short_desc, *full_desc;
    const char *category;   // the text's column: heap, inlined, inlinable, leak
    char sign;              // the text's '+', '-' or '='
    int effect;             // 1: worse (goesc diff exits 1), -1: better, 0: neither
} ReportChangeKind;
const ReportChangeKind *report_change_kind(ChangeKind k);

// A diagnostic's position on one side of a change.
typedef struct ReportSpot {
    const char *file;       // as the text prints it; NULL: not on this side
    const char *path;       // absolute, in the user's work tree (NULL: no file)
    int line, col, col16;
} ReportSpot;
typedef struct ReportChange {
    ChangeKind kind;
    const char *diag;       // the diagnostic's kind id ("escapes")
    const char *pkg;
    const char *func;       // its name in NEW, where it has one
    const char *old_func;   // CHG_RENAMED: its name in OLD
    const char *expr;       // what it is about ("&T{...}", "small", "p")
    const char *msg;        // gc's message
    ReportSpot old, new_;
    // the function's declaration in NEW: where SARIF puts a change that
    // NEW has no line for (a lost inlining, a fixed escape)
    ReportSpot new_func;
} ReportChange;
typedef struct DiffReportConfig {
    const char *goesc_version;
    const char *old_arg, *new_arg;  // as given: revisions or report files
    const char *root;       // SARIF: URIs are relative to it (absolute, cleaned)
} DiffReportConfig;
void report_diff_json(FILE *out, const ReportChange *cs, int n, const DiffReportConfig *cfg);
void report_diff_sarif(FILE *out, const ReportChange *cs, int n, const DiffReportConfig *cfg);

// -format=html: one self-contained page showing the packages' files
// with their diagnostics marked, explanations and a summary.
typedef struct HtmlConfig {
    int m;
    const char *goesc_version;
} HtmlConfig;
void report_html(FILE *out, const RecordLog *log, const ReportPackage *pkgs, int npkgs, const HtmlConfig *cfg);

// gc's -m text, package by package, each under go build's "# path"
// header when it has lines (headers: package mode).
void report_text_packages(FILE *out, const RecordLog *log, const ReportPackage *pkgs, int npkgs, int m,
                          bool headers);

// goesc explain: each diagnostic the escape stage explained (the records
// REC_EXPLAIN_* point to), as -m prints it; gc's -m=2 explanations of it
// verbatim; then its other paths and its cut. Returns how many.
int report_explain(FILE *out, const RecordLog *log, const ReportPackage *pkgs, int npkgs);

// -format=dot: a function's location graph for Graphviz.
void report_dot(FILE *out, const FlowGraph *g);

// gc's -json=0,DIR: the records of one package (log's [from, to)), as
// the files gc's logopt writes under DIR. false: *err says why.
typedef struct Json0Config {
    const char *dir;            // DIR, cleaned
    const char *goos, *goarch;
    const char *gc_version;     // "go1.19.8"
    const char *goroot;         // for file names read from export data
    const char *cwd;            // makes the package's file names absolute,
    bool names_as_given;        // unless the files were named as gc's
                                // compile mode takes them
} Json0Config;
bool report_json0(const RecordLog *log, int from, int to, const char *pkgpath, const Json0Config *cfg,
                  char **err);
// The directory of gc's -json flag value "0,DIR" (DIR absolute or a
// file:// URI); NULL: *err has gc's complaint.
char *report_json0_dir(const char *value, char **err);
// Creates it as gc does, before anything is analysed.
bool report_json0_mkdir(const char *dir, char **err);

#endif
