// text.c: the records as gc prints them with -m.
#include <stdlib.h>

#include "report.h"

void report_text_record(Buf *out, const Record *r) {
    const char *pos = r->pos ? r->pos : "";
    // an explanation's first line ends in a colon
    const char *colon =
        r->kind == REC_LEAK_FLOW || r->kind == REC_ESCAPE_FLOW || r->kind == REC_ESCAPE_AT_FLOW ? ":" : "";
    // (appended piece by piece: printf's parsing of the format was a
    // tenth of the analysing thread's time on std)
    if (r->pos) {
        buf_puts(out, pos);
        buf_puts(out, r->kind == REC_STMT ? ":" : ": ");
    }
    buf_puts(out, r->msg);
    if (!r->pos || r->kind != REC_STMT)
        buf_puts(out, colon);
    buf_putc(out, '\n');
    buf_cstr(out);
    for (int j = 0; j < r->nsteps; j++) {
        const RecStep *s = &r->steps[j];
        switch (s->kind) {
        case REC_STEP_FLOW:
            buf_printf(out, "%s:   flow: %s:\n", pos, s->text);
            break;
        case REC_STEP_FROM:
            buf_printf(out, "%s:     from %s (%s) at %s\n", pos, s->text, s->why, s->at);
            break;
        case REC_STEP_WARNING:
            buf_printf(out, "%s:   warning: %s\n", pos, s->text);
            break;
        }
    }
}

void report_text(Buf *out, const RecordLog *log, int m) {
    for (int i = 0; i < log->recs.len; i++)
        if (log->recs.data[i].level <= m)
            report_text_record(out, &log->recs.data[i]);
}

void report_text_file(FILE *out, const RecordLog *log, int m) {
    Buf b = {0};
    for (int i = 0; i < log->recs.len; i++) {
        if (log->recs.data[i].level > m)
            continue;
        b.len = 0;
        report_text_record(&b, &log->recs.data[i]);
        fwrite(b.data, 1, b.len, out);
    }
    buf_free(&b);
}

void report_text_packages(FILE *out, const RecordLog *log, const ReportPackage *pkgs, int npkgs, int m,
                          bool headers) {
    Buf b = {0};
    int at = 0;
    // goesc -test prints packages in go test's order, which need not be
    // the order they were analysed in: the ranges' records are not also
    // printed as records outside them.
    bool *in_range = xcalloc((size_t)log->recs.len + 1, sizeof *in_range);
    for (int p = 0; p < npkgs; p++)
        for (int i = pkgs[p].from; i < pkgs[p].to; i++)
            in_range[i] = true;
    for (int p = 0; p <= npkgs; p++) {
        int from = p < npkgs ? pkgs[p].from : log->recs.len;
        // records outside the packages' ranges, as they come
        for (; at < from; at++)
            if (log->recs.data[at].level <= m && !in_range[at])
                report_text_record(&b, &log->recs.data[at]);
        if (p == npkgs)
            break;
        bool any = false;
        int i = pkgs[p].from;
        for (; i < pkgs[p].to; i++) {
            const Record *r = &log->recs.data[i];
            if (r->level > m)
                continue;
            if (!any && headers)
                buf_printf(&b, "# %s\n", pkgs[p].import_path ? pkgs[p].import_path : pkgs[p].path);
            any = true;
            report_text_record(&b, r);
            if (b.len > (1u << 16)) {
                fwrite(b.data, 1, b.len, out);
                b.len = 0;
            }
        }
        if (i > at)
            at = i;
    }
    if (b.len)
        fwrite(b.data, 1, b.len, out);
    buf_free(&b);
    free(in_range);
}
