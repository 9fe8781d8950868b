// report.h: printers of the -m records (base.h's RecordLog).
#ifndef GOESC_REPORT_H
#define GOESC_REPORT_H

#include <stdio.h>

#include "../base/base.h"

// gc's -m text: one line per record that -m=m prints, then its
// explanation's lines, each under the record's position.
void report_text(Buf *out, const RecordLog *log, int m);
void report_text_file(FILE *out, const RecordLog *log, int m);

// s as a JSON string, as Go's encoding/json writes it (<, >, & escaped).
void report_json_str(Buf *b, const char *s);

// goesc's own -format=json: one document for the whole run, for tools
// (schema in the README). Packages are the records' ranges.
typedef struct ReportPackage {
    const char *path;
    int from, to;           // its records in the log
} ReportPackage;
typedef struct JsonReportConfig {
    int m;                  // the -m level whose records are listed
    const char *goesc_version;
    const char *cwd;        // makes file names absolute ("path")
} JsonReportConfig;
void report_json(FILE *out, const RecordLog *log, const ReportPackage *pkgs, int npkgs,
                 const JsonReportConfig *cfg);

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
