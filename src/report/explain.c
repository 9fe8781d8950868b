// explain.c: goesc explain's text. For each diagnostic asked about: its
// -m line, gc's -m=2 explanations of it exactly as gc prints them, then
// the other paths to where it outlives its frame and the fewest flows to
// remove (see src/escape/explain.c).
#include <stdlib.h>
#include <string.h>

#include "report.h"

// A flow step as one line: "x = &p" and where it happens.
static void flow_line(Buf *out, const Record *x, int j) {
    const RecStep *f = &x->steps[j];
    // the flow's outermost note says where in the source it is
    const RecStep *at = NULL;
    for (int k = j + 1; k < x->nsteps && x->steps[k].kind == REC_STEP_FROM; k++)
        at = &x->steps[k];
    if (at)
        buf_printf(out, "    %s: %s  (%s (%s))\n", at->at, f->text, at->text, at->why);
    else
        buf_printf(out, "    %s\n", f->text);
}

static void path(Buf *out, const Record *x, int n) {
    int flows = 0;
    for (int j = 0; j < x->nsteps; j++)
        flows += x->steps[j].kind == REC_STEP_FLOW;
    buf_printf(out, "    %d. to %s, %d flow%s:\n", n, x->msg, flows, flows == 1 ? "" : "s");
    for (int j = 0; j < x->nsteps; j++) {
        const RecStep *s = &x->steps[j];
        if (s->kind == REC_STEP_FLOW)
            buf_printf(out, "         flow: %s\n", s->text);
        else if (s->kind == REC_STEP_FROM)
            buf_printf(out, "           from %s (%s) at %s\n", s->text, s->why, s->at);
    }
}

// Whether a leak to the result the flow x names has a diagnostic of its
// own: gc drops one no shorter than the leak to the heap.
static bool result_leak_shown(const RecordLog *log, const Record *x, int from, int to) {
    for (int i = from; i < to; i++) {
        const Record *r = &log->recs.data[i];
        if (r->kind == REC_LEAK && r->subject == x->subject && strstr(r->msg, " to result ") &&
            report_explains(r, x))
            return true;
    }
    return false;
}

static void one(Buf *out, const RecordLog *log, const Explained *ex, int d, int from, int to) {
    const Record *r = &log->recs.data[d];
    report_text_record(out, r);
    // its explanations in gc's order; a leak to the heap's include the
    // flows to results it made moot
    const Record *next = report_explanation(ex, r, NULL);
    bool heap_leak = r->kind == REC_LEAK && !strstr(r->msg, " to result ");
    for (int i = from; i < to; i++) {
        const Record *x = &log->recs.data[i];
        if (x == next) {
            report_text_record(out, x);
            next = report_explanation(ex, r, x);
        } else if (heap_leak && x->kind == REC_LEAK_FLOW && x->to_result && x->subject == r->subject &&
                   !result_leak_shown(log, x, from, to)) {
            report_text_record(out, x);
        }
    }
    bool header = false;
    int n = 0;
    for (int i = from; i < to; i++) {
        const Record *x = &log->recs.data[i];
        if (x->of != d + 1)
            continue;
        if ((x->kind == REC_EXPLAIN_PATH || x->kind == REC_EXPLAIN_NOTE) && !header) {
            buf_puts(out, x->kind == REC_EXPLAIN_NOTE && !n && x->msg[0] != '(' ? "  other paths: "
                                                                                  : "  other paths, shortest first:\n");
            header = true;
            if (x->kind == REC_EXPLAIN_NOTE && x->msg[0] != '(') {
                buf_printf(out, "%s\n", x->msg);
                continue;
            }
        }
        switch (x->kind) {
        case REC_EXPLAIN_PATH: path(out, x, ++n); break;
        case REC_EXPLAIN_NOTE: buf_printf(out, "    %s\n", x->msg); break;
        case REC_EXPLAIN_CUT:
            buf_printf(out, "  cut: %s:\n", x->msg);
            for (int j = 0; j < x->nsteps; j++)
                if (x->steps[j].kind == REC_STEP_FLOW)
                    flow_line(out, x, j);
            break;
        case REC_EXPLAIN_NOCUT: buf_printf(out, "  no cut: %s\n", x->msg); break;
        default: break;
        }
    }
}

int report_explain(FILE *out, const RecordLog *log, const ReportPackage *pkgs, int npkgs) {
    int count = 0;
    Buf b = {0};
    for (int p = 0; p < npkgs; p++) {
        int from = pkgs[p].from, to = pkgs[p].to;
        bool *asked = xcalloc((size_t)(to - from) + 1, sizeof *asked);
        for (int i = from; i < to; i++) {
            int of = log->recs.data[i].of;
            if (of > from && of <= to)
                asked[of - 1 - from] = true;
        }
        Explained ex;
        report_explained_init(&ex, log, from, to);
        for (int d = from; d < to; d++) {
            if (!asked[d - from])
                continue;
            b.len = 0;
            if (count++)
                buf_putc(&b, '\n');
            one(&b, log, &ex, d, from, to);
            fwrite(b.data, 1, b.len, out);
        }
        report_explained_free(&ex);
        free(asked);
    }
    buf_free(&b);
    return count;
}
