// json.c: goesc's -format=json, one JSON document for the whole run, made
// for tools. Each decision of the inliner and escape analysis at the -m
// level asked for is a diagnostic with its position (byte and UTF-16
// columns), function, whether it puts something on the heap, the inline
// stack it lies in, and the explanations gc's -m=2 gives for it (records
// about the same location).
#include <stdlib.h>
#include <string.h>

#include "report.h"

#define SCHEMA_VERSION 1

static void position(Buf *b, const JsonReportConfig *cfg, Pos p, const char *shown) {
    ReportWhere w = report_where(p, shown, cfg->cwd);
    buf_puts(b, "\"file\":");
    report_json_str(b, w.file);
    buf_puts(b, ",\"path\":");
    report_json_str(b, w.path);
    buf_printf(b, ",\"line\":%d,\"column\":%d,\"column_utf16\":%d", w.line, w.col, w.col16);
    report_where_free(&w);
}

static void inline_stack(Buf *b, const JsonReportConfig *cfg, Pos p, int inl) {
    Pos st[64];
    int n = report_inline_stack(p, inl, st, 64);
    buf_puts(b, ",\"inline_stack\":[");
    for (int i = 0; i < n; i++) {
        buf_puts(b, i ? ",{" : "{");
        position(b, cfg, st[i], NULL);
        buf_putc(b, '}');
    }
    buf_putc(b, ']');
}

static void explanation(Buf *b, const JsonReportConfig *cfg, const Record *r) {
    buf_puts(b, "{\"message\":");
    report_json_str(b, r->msg);
    buf_puts(b, ",\"steps\":[");
    int k = 0;
    for (int i = 0; i < r->nsteps; i++) {
        const RecStep *s = &r->steps[i];
        buf_puts(b, k++ ? ",{" : "{");
        buf_printf(b, "\"step\":\"%s\",\"text\":",
                   s->kind == REC_STEP_FLOW ? "flow" : s->kind == REC_STEP_FROM ? "from" : "warning");
        report_json_str(b, s->text);
        if (s->why) {
            buf_puts(b, ",\"why\":");
            report_json_str(b, s->why);
        }
        if (s->kind != REC_STEP_WARNING) {
            buf_putc(b, ',');
            position(b, cfg, pos_outermost(s->where, s->inl), s->at);
            inline_stack(b, cfg, s->where, s->inl);
        }
        buf_putc(b, '}');
    }
    buf_puts(b, "]}");
}

static void diagnostic(Buf *b, const JsonReportConfig *cfg, const Record *r, const Explained *ex) {
    buf_puts(b, "{\"kind\":");
    report_json_str(b, report_kind(r->kind)->id);
    buf_puts(b, ",\"message\":");
    report_json_str(b, r->msg);
    if (r->func) {
        buf_puts(b, ",\"function\":");
        report_json_str(b, r->func);
    }
    if (r->where != NOPOS) {
        buf_putc(b, ',');
        position(b, cfg, pos_outermost(r->where, r->inl), r->pos);
        inline_stack(b, cfg, r->where, r->inl);
    }
    buf_printf(b, ",\"heap\":%s", report_kind_heap(r->kind) ? "true" : "false");
    buf_puts(b, ",\"explanations\":[");
    int n = 0;
    for (const Record *x = report_explanation(ex, r, NULL); x; x = report_explanation(ex, r, x)) {
        if (n++)
            buf_putc(b, ',');
        explanation(b, cfg, x);
    }
    buf_puts(b, "]}");
}

void report_json(FILE *out, const RecordLog *log, const ReportPackage *pkgs, int npkgs,
                 const JsonReportConfig *cfg) {
    Buf b = {0};
    buf_printf(&b, "{\"schema_version\":%d,\"goesc_version\":", SCHEMA_VERSION);
    report_json_str(&b, cfg->goesc_version);
    buf_puts(&b, ",\"go_version\":\"go1.19\",\"packages\":[");
    for (int p = 0; p < npkgs; p++) {
        buf_puts(&b, p ? ",\n{\"path\":" : "\n{\"path\":");
        report_json_str(&b, pkgs[p].path);
        buf_puts(&b, ",\"diagnostics\":[");
        Explained ex;
        report_explained_init(&ex, log, pkgs[p].from, pkgs[p].to);
        int n = 0;
        for (int i = pkgs[p].from; i < pkgs[p].to; i++) {
            const Record *r = &log->recs.data[i];
            if (!report_diagnostic(r, cfg->m))
                continue;
            buf_puts(&b, n++ ? ",\n" : "\n");
            diagnostic(&b, cfg, r, &ex);
            if (b.len > (1u << 20)) {
                fwrite(b.data, 1, b.len, out);
                b.len = 0;
            }
        }
        buf_puts(&b, "]}");
        report_explained_free(&ex);
    }
    buf_puts(&b, "]}\n");
    fwrite(b.data, 1, b.len, out);
    buf_free(&b);
}

// ---- goesc diff -format=json ----

// A side's position with -format=json's keys; null where the side has none.
static void spot(Buf *b, const char *key, const ReportSpot *s) {
    buf_printf(b, ",\"%s\":", key);
    if (!s->file) {
        buf_puts(b, "null");
        return;
    }
    buf_puts(b, "{\"file\":");
    report_json_str(b, s->file);
    buf_puts(b, ",\"path\":");
    if (s->path)
        report_json_str(b, s->path);
    else
        buf_puts(b, "null");
    buf_printf(b, ",\"line\":%d,\"column\":%d,\"column_utf16\":%d}", s->line, s->col, s->col16);
}

void report_diff_json(FILE *out, const ReportChange *cs, int n, const DiffReportConfig *cfg) {
    Buf b = {0};
    int effects[3] = {0};   // better, neither, worse
    for (int i = 0; i < n; i++)
        effects[report_change_kind(cs[i].kind)->effect + 1]++;
    buf_printf(&b, "{\"schema_version\":%d,\"goesc_version\":", SCHEMA_VERSION);
    report_json_str(&b, cfg->goesc_version);
    buf_puts(&b, ",\"go_version\":\"go1.19\",\"compared\":{\"old\":");
    report_json_str(&b, cfg->old_arg);
    buf_puts(&b, ",\"new\":");
    report_json_str(&b, cfg->new_arg);
    buf_printf(&b, "},\"summary\":{\"worse\":%d,\"better\":%d,\"neither\":%d},\"changes\":[", effects[2], effects[0],
               effects[1]);
    for (int i = 0; i < n; i++) {
        const ReportChange *c = &cs[i];
        const ReportChangeKind *k = report_change_kind(c->kind);
        buf_puts(&b, i ? ",\n{\"kind\":" : "\n{\"kind\":");
        report_json_str(&b, k->id);
        buf_printf(&b, ",\"sign\":\"%c\",\"effect\":\"%s\",\"diagnostic\":", k->sign,
                   k->effect > 0 ? "worse" : k->effect < 0 ? "better" : "neither");
        report_json_str(&b, c->diag);
        buf_puts(&b, ",\"package\":");
        report_json_str(&b, c->pkg);
        buf_puts(&b, ",\"function\":");
        report_json_str(&b, c->func);
        if (c->old_func) {
            buf_puts(&b, ",\"old_function\":");
            report_json_str(&b, c->old_func);
        }
        buf_puts(&b, ",\"expression\":");
        report_json_str(&b, c->expr);
        buf_puts(&b, ",\"message\":");
        report_json_str(&b, c->msg);
        spot(&b, "old", &c->old);
        spot(&b, "new", &c->new_);
        buf_putc(&b, '}');
    }
    buf_puts(&b, "]}\n");
    fwrite(b.data, 1, b.len, out);
    buf_free(&b);
}
