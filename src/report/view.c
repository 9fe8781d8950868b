// view.c: what the structured printers (-format=json, sarif, html) share:
// which records are diagnostics and of what kind, positions as files,
// lines and UTF-16 columns, inline stacks, and the -m=2 explanations that
// belong to each diagnostic.
#include <stdlib.h>
#include <string.h>

#include "report.h"

// A heap allocation is a warning; a forbidden one an error; the rest notes.
static const ReportKind kinds[] = {
    {"can-inline", "CanInline", "Function can be inlined",
     "The function's body is cheap enough under gc's inlining budget (80 nodes) to be copied into its callers.", "note"},
    {"cannot-inline", "CannotInline", "Function cannot be inlined",
     "gc does not inline the function: its body is over budget or holds something the inliner refuses (the message says which).", "note"},
    {"inlined-call", "InlinedCall", "Call inlined",
     "gc copies the called function's body into the caller here; its allocations are analysed, and reported, at this call.", "note"},
    {"cannot-inline-call", "CannotInlineCall", "Call not inlined",
     "The callee could be inlined, but not at this call: the caller is already too big, or the call is recursive.", "note"},
    {"devirtualized", "Devirtualized", "Interface call devirtualized",
     "The dynamic type of the interface value is known, so gc calls the concrete method directly.", "note"},
    {"moved-to-heap", "MovedToHeap", "Variable moved to the heap",
     "The variable outlives its function's frame or is too large for the stack, so gc allocates it on the heap: one allocation each time it is declared.", "warning"},
    {"escapes", "Escapes", "Value escapes to the heap",
     "The value (an allocation such as new, make, &T{}, a closure or an interface conversion) flows where the stack cannot hold it, so gc allocates it on the heap.", "warning"},
    {"escape-error", "EscapeError", "Heap allocation not allowed",
     "The value escapes to the heap where gc forbids heap allocation (//go:nowritebarrierrec, runtime code).", "error"},
    {"does-not-escape", "DoesNotEscape", "Value does not escape",
     "The allocation or parameter stays on the stack: nothing it flows to outlives the function.", "note"},
    {"leaking-param", "LeakingParam", "Parameter leaks",
     "What the parameter points to flows to the heap or to a result, so callers must assume their argument escapes (or is returned).", "note"},
    {"capture", "Capture", "Closure capture",
     "How a closure captures a variable: by value (a copy) or by reference (the variable itself).", "note"},
    {"self-assignment", "SelfAssignment", "Self-assignment ignored",
     "An assignment between fields or elements of the same object (x.buf = x.buf[1:]), which escape analysis ignores.", "note"},
    {"uintptr", "Uintptr", "Unsafe uintptr argument",
     "A uintptr argument that holds a pointer the caller converted, which gc keeps alive across the call (unsafe-uintptr calls, //go:uintptrescapes).", "note"},
    {"bounds-check-elided", "BoundsCheckElided", "Bounds check elided",
     "The index is known to be in range, so gc drops the bounds check.", "note"},
};

int report_nkinds(void) { return (int)(sizeof kinds / sizeof kinds[0]); }
const ReportKind *report_kind_at(int i) { return &kinds[i]; }

int report_kind_index(RecKind k) {
    switch (k) {
    case REC_CAN_INLINE: return 0;
    case REC_CANNOT_INLINE:
    case REC_CANNOT_INLINE_RECURSIVE: return 1;
    case REC_INLINE_CALL: return 2;
    case REC_CANNOT_INLINE_CALL: return 3;
    case REC_DEVIRTUALIZE: return 4;
    case REC_MOVED_TO_HEAP: return 5;
    case REC_ESCAPES: return 6;
    case REC_ESCAPE_ERROR: return 7;
    case REC_NO_ESCAPE: return 8;
    case REC_LEAK: return 9;
    case REC_CAPTURE: return 10;
    case REC_SELF_ASSIGN: return 11;
    case REC_UINTPTR: return 12;
    case REC_BOUNDS: return 13;
    default: return -1;     // explanations, and gc -json's own records
    }
}

const ReportKind *report_kind(RecKind k) {
    int i = report_kind_index(k);
    return i < 0 ? NULL : &kinds[i];
}

bool report_kind_heap(RecKind k) {
    return k == REC_MOVED_TO_HEAP || k == REC_ESCAPES || k == REC_ESCAPE_ERROR;
}

bool report_diagnostic(const Record *r, int m) {
    return report_kind_index(r->kind) >= 0 && r->level <= m;
}

// goesc diff's change kinds. Worse is what a CI job gates on: an
// allocation the code did not have, an inlining it loses; a leak tag that
// changes is shown but is neither, since callers may or may not care.
static const ReportChangeKind change_kinds[CHG_NKINDS] = {
    [CHG_NEW_HEAP] = {"new-heap-escape", "NewHeapEscape", "New heap escape",
                      "Something that stayed on the stack in OLD, or did not exist, is allocated on the heap in NEW.",
                      "heap", '+', 1},
    [CHG_FIXED_HEAP] = {"fixed-heap-escape", "FixedHeapEscape", "Heap escape fixed",
                        "A heap allocation of OLD is gone in NEW: it stays on the stack, or the code is gone.",
                        "heap", '-', -1},
    [CHG_LOST_INLINED] = {"lost-inlined-call", "LostInlinedCall", "Inlining lost",
                          "A call that gc inlined in OLD is no longer inlined in NEW: the callee grew past the budget, "
                          "or the caller did.",
                          "inlined", '-', 1},
    [CHG_GAINED_INLINED] = {"gained-inlined-call", "GainedInlinedCall", "Inlining gained",
                            "A call that gc did not inline in OLD is inlined in NEW.", "inlined", '+', -1},
    [CHG_LOST_INLINABLE] = {"lost-inlinable", "LostInlinable", "Function no longer inlinable",
                            "A function that gc could inline in OLD cannot be inlined in NEW, so none of its calls is.",
                            "inlinable", '-', 1},
    [CHG_GAINED_INLINABLE] = {"gained-inlinable", "GainedInlinable", "Function now inlinable",
                              "A function that gc could not inline in OLD can be inlined in NEW.", "inlinable", '+', -1},
    [CHG_LEAK_ADDED] = {"leak-added", "LeakAdded", "Leak tag added",
                        "A parameter's leak tag in NEW that OLD did not have: callers' arguments may now escape.",
                        "leak", '+', 0},
    [CHG_LEAK_REMOVED] = {"leak-removed", "LeakRemoved", "Leak tag removed",
                          "A parameter's leak tag of OLD that NEW does not have.", "leak", '-', 0},
    [CHG_RENAMED] = {"renamed", "Renamed", "Function renamed",
                     "The same diagnostic in a function of OLD that is gone and one of NEW that is new.", "renamed",
                     '=', 0},
};

const ReportChangeKind *report_change_kind(ChangeKind k) { return &change_kinds[k]; }

// net/url's escaping: in a path (segment=false) only '?' of the reserved
// characters is escaped; in a path segment (url.PathEscape) '/', ';' and
// ',' are too.
void report_url_escape(Buf *b, const char *s, bool segment) {
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned c = *p;
        bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    strchr("-_.~", (int)c) ||
                    (strchr("$&+,/:;=@", (int)c) && !(segment && strchr("/;,", (int)c)));
        if (keep && c)
            buf_putc(b, (char)c);
        else
            buf_printf(b, "%%%02X", c);
    }
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

ReportWhere report_where(Pos p, const char *shown, const char *cwd) {
    Position r = pos_resolve(p);
    ReportWhere w = {.line = r.line, .col = r.col, .col16 = utf16_col(p, r.col)};
    const char *file = r.file ? r.file : "";
    // The text's file name may differ from the file's: gc names code read
    // back from export data "$GOROOT/src/...".
    char tail[48];
    int line = r.line > (1 << 20) - 2 ? (1 << 20) - 2 : r.line;
    if (r.col > 0 && r.col < 255)
        snprintf(tail, sizeof tail, ":%d:%d", line, r.col);
    else
        snprintf(tail, sizeof tail, ":%d", line);
    size_t n = shown ? strlen(shown) : 0, t = strlen(tail);
    if (n > t && strcmp(shown + n - t, tail) == 0)
        w.file = xasprintf("%.*s", (int)(n - t), shown);
    else
        w.file = xasprintf("%s", file);
    if (file[0] != '/' && file[0] != '<' && file[0] && cwd) {
        char *abs = xasprintf("%s/%s", cwd, strncmp(file, "./", 2) == 0 ? file + 2 : file);
        w.path = path_clean(abs);
        free(abs);
    } else {
        w.path = xasprintf("%s", file);
    }
    return w;
}

void report_where_free(ReportWhere *w) {
    free(w->file);
    free(w->path);
}

int report_inline_stack(Pos p, int inl, Pos *out, int max) {
    Pos st[64];
    int n = 0;
    st[n++] = p;
    for (int i = inl; i > 0 && n < 64; i = pos_inl_parent(i))
        st[n++] = pos_inl_call(i);
    int k = 0;
    for (int i = n - 2; i >= 0 && k < max; i--)
        out[k++] = st[i];
    return k;
}

static bool is_explanation(RecKind k) {
    return k == REC_LEAK_FLOW || k == REC_ESCAPE_FLOW || k == REC_ESCAPE_AT_FLOW;
}

void report_explained_init(Explained *ex, const RecordLog *log, int from, int to) {
    *ex = (Explained){.from = from, .log = log};
    ex->next = xcalloc((size_t)(to - from) + 1, sizeof *ex->next);
    // chained in record order: walk backwards, prepending
    for (int i = to - 1; i >= from; i--) {
        const Record *x = &log->recs.data[i];
        if (!is_explanation(x->kind) || !x->subject)
            continue;
        ex->next[i - from] = (int)(intptr_t)ptrmap_get(&ex->first, x->subject);
        ptrmap_put(&ex->first, x->subject, (void *)(intptr_t)(i + 1));
    }
}

void report_explained_free(Explained *ex) {
    ptrmap_free(&ex->first);
    free(ex->next);
}

// Whether explanation x is one of decision r's: a leak's explanations are
// those of flows to where it leaks ("to result r" or the heap), a move's
// or an escape's those of the location escaping.
bool report_explains(const Record *r, const Record *x) {
    if (r->kind != REC_LEAK)
        return x->kind != REC_LEAK_FLOW;
    if (x->kind != REC_LEAK_FLOW)
        return false;
    const char *to = strstr(r->msg, " to result ");
    if (!to)
        return !x->to_result;
    to += strlen(" to result ");
    size_t n = strcspn(to, " ");
    char dst[256];
    snprintf(dst, sizeof dst, " leaks to %.*s with ", (int)(n < 200 ? n : 200), to);
    return x->to_result && strstr(x->msg, dst) != NULL;
}

const Record *report_explanation(const Explained *ex, const Record *r, const Record *prev) {
    int i = prev ? ex->next[prev - ex->log->recs.data - ex->from]
                 : r->subject ? (int)(intptr_t)ptrmap_get(&ex->first, r->subject) : 0;
    for (; i > 0; i = ex->next[i - 1 - ex->from]) {
        const Record *x = &ex->log->recs.data[i - 1];
        if (report_explains(r, x))
            return x;
    }
    return NULL;
}
