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

static const char *kind_name(RecKind k) {
    switch (k) {
    case REC_CAN_INLINE: return "can-inline";
    case REC_CANNOT_INLINE:
    case REC_CANNOT_INLINE_RECURSIVE: return "cannot-inline";
    case REC_INLINE_CALL: return "inlined-call";
    case REC_CANNOT_INLINE_CALL: return "cannot-inline-call";
    case REC_DEVIRTUALIZE: return "devirtualized";
    case REC_MOVED_TO_HEAP: return "moved-to-heap";
    case REC_ESCAPES: return "escapes";
    case REC_ESCAPE_ERROR: return "escape-error";
    case REC_NO_ESCAPE: return "does-not-escape";
    case REC_LEAK: return "leaking-param";
    case REC_CAPTURE: return "capture";
    case REC_SELF_ASSIGN: return "self-assignment";
    case REC_UINTPTR: return "uintptr";
    case REC_BOUNDS: return "bounds-check-elided";
    default: return NULL;   // explanations, and gc -json's own records
    }
}

static bool is_explanation(RecKind k) {
    return k == REC_LEAK_FLOW || k == REC_ESCAPE_FLOW || k == REC_ESCAPE_AT_FLOW;
}

// The UTF-16 column of p (1-based), from its line's bytes.
static int utf16_col(Pos p, int col) {
    SrcFile *f = pos_file(p);
    Position raw = pos_resolve_raw(p);
    if (!f || !f->text || raw.col != col || col < 1)
        return col;
    uint32_t off = p - f->base;
    uint32_t start = off - (uint32_t)(col - 1);
    int units = 0;
    for (uint32_t i = start; i < off && i < f->size;) {
        unsigned char c = (unsigned char)f->text[i];
        int n = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
        units += n == 4 ? 2 : 1;
        i += (uint32_t)n;
    }
    return units + 1;
}

// shown: the position as the text printed it ("f.go:3:6"), whose file
// name may differ from the file's (gc names code read back from export
// data "$GOROOT/src/..."); NULL: none.
static void position(Buf *b, const JsonReportConfig *cfg, Pos p, const char *shown) {
    Position r = pos_resolve(p);
    const char *file = r.file ? r.file : "";
    buf_puts(b, "\"file\":");
    char tail[48];
    int line = r.line > (1 << 20) - 2 ? (1 << 20) - 2 : r.line;
    if (r.col > 0 && r.col < 255)
        snprintf(tail, sizeof tail, ":%d:%d", line, r.col);
    else
        snprintf(tail, sizeof tail, ":%d", line);
    size_t n = shown ? strlen(shown) : 0, t = strlen(tail);
    if (n > t && strcmp(shown + n - t, tail) == 0) {
        char *name = xasprintf("%.*s", (int)(n - t), shown);
        report_json_str(b, name);
        free(name);
    } else {
        report_json_str(b, file);
    }
    if (file[0] != '/' && file[0] != '<' && file[0] && cfg->cwd) {
        Buf abs = {0};
        buf_printf(&abs, "%s/%s", cfg->cwd, strncmp(file, "./", 2) == 0 ? file + 2 : file);
        char *clean = path_clean(buf_cstr(&abs));
        buf_puts(b, ",\"path\":");
        report_json_str(b, clean);
        free(clean);
        buf_free(&abs);
    } else {
        buf_puts(b, ",\"path\":");
        report_json_str(b, file);
    }
    buf_printf(b, ",\"line\":%d,\"column\":%d,\"column_utf16\":%d", r.line, r.col, utf16_col(p, r.col));
}

// The calls p lies inside, outermost first, after the reported position.
static void inline_stack(Buf *b, const JsonReportConfig *cfg, Pos p, int inl) {
    Pos st[64];
    int n = 0;
    st[n++] = p;
    for (int i = inl; i > 0 && n < 64; i = pos_inl_parent(i))
        st[n++] = pos_inl_call(i);
    buf_puts(b, ",\"inline_stack\":[");
    for (int i = n - 2; i >= 0; i--) {
        buf_puts(b, i == n - 2 ? "{" : ",{");
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

// The explanations of one package's records, by subject: first[subject]
// is 1 + the index of the first, next[i - from] 1 + that of the next.
typedef struct Explained {
    PtrMap first;
    int *next;
    int from;
} Explained;

// Whether explanation x is one of decision r's: a leak's explanations are
// those of flows to where it leaks ("to result r" or the heap), a move's
// or an escape's those of the location escaping.
static bool explains(const Record *r, const Record *x) {
    if (r->kind != REC_LEAK)
        return x->kind != REC_LEAK_FLOW;
    if (x->kind != REC_LEAK_FLOW)
        return false;
    const char *to = strstr(r->msg, " to result ");
    char dst[256];
    if (to) {
        to += strlen(" to result ");
        size_t n = strcspn(to, " ");
        snprintf(dst, sizeof dst, " leaks to %.*s with ", (int)(n < 200 ? n : 200), to);
    } else {
        snprintf(dst, sizeof dst, " leaks to {heap} with ");
    }
    return strstr(x->msg, dst) != NULL;
}

static void diagnostic(Buf *b, const JsonReportConfig *cfg, const Record *r, const RecordLog *log,
                       const Explained *ex) {
    buf_puts(b, "{\"kind\":");
    report_json_str(b, kind_name(r->kind));
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
    bool heap = r->kind == REC_MOVED_TO_HEAP || r->kind == REC_ESCAPES || r->kind == REC_ESCAPE_ERROR;
    buf_printf(b, ",\"heap\":%s", heap ? "true" : "false");
    buf_puts(b, ",\"explanations\":[");
    int n = 0;
    for (int i = r->subject ? (int)(intptr_t)ptrmap_get(&ex->first, r->subject) : 0; i > 0;
         i = ex->next[i - 1 - ex->from]) {
        if (!explains(r, &log->recs.data[i - 1]))
            continue;
        if (n++)
            buf_putc(b, ',');
        explanation(b, cfg, &log->recs.data[i - 1]);
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
        Explained ex = {.from = pkgs[p].from};
        ex.next = xcalloc((size_t)(pkgs[p].to - pkgs[p].from) + 1, sizeof *ex.next);
        // chained in record order: walk backwards, prepending
        for (int i = pkgs[p].to - 1; i >= pkgs[p].from; i--) {
            const Record *x = &log->recs.data[i];
            if (!is_explanation(x->kind) || !x->subject)
                continue;
            ex.next[i - ex.from] = (int)(intptr_t)ptrmap_get(&ex.first, x->subject);
            ptrmap_put(&ex.first, x->subject, (void *)(intptr_t)(i + 1));
        }
        int n = 0;
        for (int i = pkgs[p].from; i < pkgs[p].to; i++) {
            const Record *r = &log->recs.data[i];
            if (!kind_name(r->kind) || r->level > cfg->m)
                continue;
            buf_puts(&b, n++ ? ",\n" : "\n");
            diagnostic(&b, cfg, r, log, &ex);
            if (b.len > (1u << 20)) {
                fwrite(b.data, 1, b.len, out);
                b.len = 0;
            }
        }
        buf_puts(&b, "]}");
        ptrmap_free(&ex.first);
        free(ex.next);
    }
    buf_puts(&b, "]}\n");
    fwrite(b.data, 1, b.len, out);
    buf_free(&b);
}
