// html.c: -format=html, one self-contained page in the manner of go tool
// cover -html. Every source file of the named packages is shown with its
// diagnostics as marks at the end of their lines; hovering or clicking a
// mark shows gc's message and its -m=2 explanations, each step linking to
// its line. A summary counts, per package and function, heap allocations,
// leaking parameters and inlined calls. No external scripts or fonts.
#include <stdlib.h>
#include <string.h>

#include "report.h"

static void esc(Buf *b, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case 0: buf_puts(b, "&#xFFFD;"); break;
        case '&': buf_puts(b, "&amp;"); break;
        case '<': buf_puts(b, "&lt;"); break;
        case '>': buf_puts(b, "&gt;"); break;
        case '"': buf_puts(b, "&quot;"); break;
        case '\'': buf_puts(b, "&#39;"); break;
        case '\r': break;
        default: buf_putc(b, s[i]);
        }
    }
}

static void escs(Buf *b, const char *s) { esc(b, s, s ? strlen(s) : 0); }

// What a mark looks like: its class and its short label.
static const char *mark_class(RecKind k) {
    switch (k) {
    case REC_MOVED_TO_HEAP:
    case REC_ESCAPES:
    case REC_ESCAPE_ERROR: return "heap";
    case REC_LEAK: return "leak";
    case REC_NO_ESCAPE: return "stack";
    case REC_INLINE_CALL: return "inl";
    default: return "info";
    }
}

static const char *mark_label(RecKind k) {
    switch (k) {
    case REC_MOVED_TO_HEAP: return "moved to heap";
    case REC_ESCAPES: return "escapes";
    case REC_ESCAPE_ERROR: return "heap, not allowed";
    case REC_LEAK: return "leaking param";
    case REC_NO_ESCAPE: return "does not escape";
    case REC_INLINE_CALL: return "inlined";
    case REC_CAN_INLINE: return "can inline";
    case REC_CANNOT_INLINE:
    case REC_CANNOT_INLINE_RECURSIVE: return "cannot inline";
    case REC_DEVIRTUALIZE: return "devirtualized";
    default: return report_kind(k)->id;
    }
}

// A line's colour: its weightiest mark's.
static int weight(RecKind k) {
    const char *c = mark_class(k);
    return strcmp(c, "heap") == 0 ? 4 : strcmp(c, "leak") == 0 ? 3 : strcmp(c, "inl") == 0 ? 2
         : strcmp(c, "stack") == 0 ? 1 : 0;
}

typedef struct Shown {
    PtrMap index;               // SrcFile -> 1 + its index in files
    SrcFile **files;
    int nfiles;
    int base;                   // the page's number of files[0]
} Shown;

// A link to p's line where its file is shown, else p's text.
static void where_link(Buf *b, const Shown *sh, Pos p, const char *text) {
    SrcFile *f = pos_file(p);
    int fi = f ? (int)(intptr_t)ptrmap_get(&sh->index, f) : 0;
    if (fi) {
        buf_printf(b, "<a href=\"#f%d-L%d\">", sh->base + fi - 1, pos_resolve_raw(p).line);
        escs(b, text);
        buf_puts(b, "</a>");
    } else {
        escs(b, text);
    }
}

static void position_text(Buf *b, Pos p, const char *shown) {
    if (shown)
        buf_puts(b, shown);
    else
        pos_format(b, p);
}

static void tip(Buf *b, const Shown *sh, const Record *r, const Explained *ex) {
    buf_puts(b, "<span class=\"tip\"><span class=\"msg\">");
    escs(b, r->msg);
    buf_puts(b, "</span>");
    if (r->func) {
        buf_puts(b, "<span class=\"fn\">in ");
        escs(b, r->func);
        buf_puts(b, "</span>");
    }
    Pos st[64];
    int n = report_inline_stack(r->where, r->inl, st, 64);
    for (int i = 0; i < n; i++) {
        Buf t = {0};
        pos_format(&t, st[i]);
        buf_puts(b, "<span class=\"inl\">inlined code at ");
        where_link(b, sh, st[i], buf_cstr(&t));
        buf_puts(b, "</span>");
        buf_free(&t);
    }
    for (const Record *x = report_explanation(ex, r, NULL); x;
         x = report_explanation(ex, r, x)) {
        buf_puts(b, "<span class=\"why\"><span class=\"expl\">");
        escs(b, x->msg);
        buf_puts(b, "</span>");
        for (int i = 0; i < x->nsteps; i++) {
            const RecStep *s = &x->steps[i];
            buf_printf(b, "<span class=\"step %s\">",
                       s->kind == REC_STEP_FLOW ? "flow" : s->kind == REC_STEP_FROM ? "from" : "warn");
            if (s->kind != REC_STEP_WARNING) {
                Pos at = pos_outermost(s->where, s->inl);
                Buf t = {0};
                position_text(&t, at, s->at);
                where_link(b, sh, at, buf_cstr(&t));
                buf_free(&t);
                buf_puts(b, " ");
            }
            if (s->kind == REC_STEP_FLOW)
                buf_puts(b, "flow: ");
            else if (s->kind == REC_STEP_FROM)
                buf_puts(b, "from ");
            escs(b, s->text);
            if (s->why) {
                buf_puts(b, " (");
                escs(b, s->why);
                buf_puts(b, ")");
            }
            buf_puts(b, "</span>");
        }
        buf_puts(b, "</span>");
    }
    buf_puts(b, "</span>");
}

static void mark(Buf *b, const Shown *sh, const Record *r, int id, const Explained *ex) {
    buf_printf(b, "<span class=\"mark %s\" id=\"d%d\" tabindex=\"0\" data-kind=\"%s\">", mark_class(r->kind), id,
               report_kind(r->kind)->id);
    escs(b, mark_label(r->kind));
    tip(b, sh, r, ex);
    buf_puts(b, "</span>");
}

// Per function of a package: its counts, in order of first diagnostic.
typedef struct FuncCount {
    const char *func;
    int heap, leak, inl, all;
    int first;          // its first diagnostic's id
} FuncCount;

static int by_heap(const void *a, const void *b) {
    const FuncCount *x = a, *y = b;
    if (x->heap != y->heap)
        return y->heap - x->heap;
    if (x->leak != y->leak)
        return y->leak - x->leak;
    return x->first - y->first;
}

static void summary(Buf *b, const RecordLog *log, const ReportPackage *p, int first_id, int m) {
    VEC(FuncCount) fs = {0};
    PtrMap at = {0};    // func string -> 1 + index
    FuncCount total = {0};
    int id = first_id;
    for (int i = p->from; i < p->to; i++) {
        const Record *r = &log->recs.data[i];
        if (!report_diagnostic(r, m))
            continue;
        Str fn = str_cstr(r->func ? r->func : "");
        int k = (int)(intptr_t)ptrmap_get(&at, fn);
        if (!k) {
            FuncCount c = {.func = fn, .first = id};
            vec_push(&fs, c);
            k = fs.len;
            ptrmap_put(&at, fn, (void *)(intptr_t)k);
        }
        FuncCount *c = &fs.data[k - 1];
        int h = report_kind_heap(r->kind), l = r->kind == REC_LEAK, n = r->kind == REC_INLINE_CALL;
        c->heap += h, c->leak += l, c->inl += n, c->all++;
        total.heap += h, total.leak += l, total.inl += n, total.all++;
        id++;
    }
    qsort(fs.data, (size_t)fs.len, sizeof *fs.data, by_heap);
    buf_puts(b, "<section class=\"pkg\"><h2>");
    escs(b, p->path);
    buf_printf(b, "</h2><p class=\"totals\"><b class=\"nheap\">%d</b> heap allocations, "
                  "<b class=\"nleak\">%d</b> leaking parameters, <b class=\"ninl\">%d</b> inlined calls, "
                  "%d diagnostics in %d functions</p>",
               total.heap, total.leak, total.inl, total.all, fs.len);
    buf_puts(b, "<table class=\"funcs\"><thead><tr><th>function</th><th>heap</th><th>leaking params</th>"
                "<th>inlined calls</th><th>all</th></tr></thead><tbody>");
    for (int i = 0; i < fs.len; i++) {
        const FuncCount *c = &fs.data[i];
        buf_printf(b, "<tr%s><td><a href=\"#d%d\">", c->heap ? " class=\"hot\"" : "", c->first);
        escs(b, *c->func ? c->func : "(package level)");
        buf_printf(b, "</a></td><td>%d</td><td>%d</td><td>%d</td><td>%d</td></tr>", c->heap, c->leak, c->inl,
                   c->all);
    }
    buf_puts(b, "</tbody></table></section>\n");
    ptrmap_free(&at);
    vec_free(&fs);
}

static const char style[] =
    "body{margin:0;font:14px/1.4 system-ui,sans-serif;color:#222;background:#fafafa}"
    "header{position:sticky;top:0;z-index:3;background:#263238;color:#eee;padding:6px 12px;display:flex;"
    "gap:14px;align-items:center;flex-wrap:wrap}header h1{font-size:15px;margin:0}"
    "header select{font:inherit;max-width:50vw}.legend span{padding:0 6px;border-radius:3px;margin-right:4px}"
    ".pkg{padding:4px 16px}.pkg h2{font-size:16px;margin:10px 0 2px}.totals{margin:2px 0 6px}"
    "table.funcs{border-collapse:collapse;font-size:13px}table.funcs td,table.funcs th{padding:1px 10px;"
    "border-bottom:1px solid #ddd;text-align:right}table.funcs td:first-child,table.funcs th:first-child"
    "{text-align:left;font-family:monospace}tr.hot td:nth-child(2){color:#b00020;font-weight:bold}"
    ".file{margin:8px 0;background:#fff;border-top:1px solid #ccc}.file h3{font:13px monospace;margin:0;"
    "padding:6px 12px;background:#eceff1}.src{font:13px/1.45 monospace;tab-size:4}"
    ".line{display:flex;align-items:flex-start}.line:target,.line.target{outline:2px solid #ffb300}"
    ".ln{flex:0 0 4.5em;text-align:right;padding-right:10px;color:#999;text-decoration:none;user-select:none}"
    ".code{flex:0 1 auto;white-space:pre}.marks{flex:1 1 auto;padding-left:14px;white-space:normal}"
    ".line.w4{background:#fdecea}.line.w3{background:#fff4e0}.line.w2{background:#eef4fd}"
    ".line.w1{background:#f1f8f1}"
    ".mark{position:relative;display:inline-block;font:11px/1.5 system-ui,sans-serif;padding:0 5px;"
    "margin:1px 3px 1px 0;border-radius:8px;cursor:pointer;border:1px solid transparent}"
    ".mark.heap,.legend .heap{background:#e53935;color:#fff}.mark.leak,.legend .leak{background:#fb8c00;color:#fff}"
    ".mark.inl,.legend .inl{background:#1e88e5;color:#fff}.mark.stack,.legend .stack{background:#43a047;color:#fff}"
    ".mark.info,.legend .info{background:#b0bec5;color:#222}.mark.target{border-color:#222}"
    ".tip{display:none;position:absolute;left:0;top:100%;z-index:2;width:max-content;max-width:min(70vw,64em);"
    "background:#fff;color:#222;border:1px solid #999;border-radius:4px;padding:6px 8px;"
    "box-shadow:0 2px 8px rgba(0,0,0,.25);white-space:normal;cursor:auto}"
    ".mark:hover>.tip,.mark.open>.tip{display:block}.tip>span{display:block}.tip .msg{font-weight:bold;"
    "font-family:monospace}.tip .fn,.tip .inl{color:#555}.why{margin-top:4px}.why .expl{font-family:monospace;"
    "color:#b00020}.step{display:block;font:12px monospace;padding-left:1em}.step.from{padding-left:3em}"
    ".nofile{padding:4px 16px}\n";

// Shows one file at a time (the one holding the link's target), opens
// the mark a link names, and toggles marks on click.
static const char script[] =
    "(function(){var files=[].slice.call(document.querySelectorAll('.file'));"
    "var sel=document.getElementById('pick');"
    "function show(){var id=decodeURIComponent(location.hash.slice(1));var el=id&&document.getElementById(id);"
    "var f=el?el.closest('.file'):null;if(!f&&files.length)f=files[0];"
    "files.forEach(function(x){x.hidden=x!==f});if(f&&sel)sel.value=f.id;"
    "document.querySelectorAll('.target,.open').forEach(function(x){x.classList.remove('target','open')});"
    "if(el){el.classList.add('target');if(el.classList.contains('mark'))el.classList.add('open');"
    "el.scrollIntoView({block:'center'})}}"
    "if(sel)sel.addEventListener('change',function(){location.hash='#'+sel.value});"
    "document.addEventListener('click',function(e){var m=e.target.closest('.mark');"
    "if(!m||e.target.closest('a'))return;var was=m.classList.contains('open');"
    "document.querySelectorAll('.mark.open').forEach(function(x){x.classList.remove('open')});"
    "if(!was)m.classList.add('open')});"
    "window.addEventListener('hashchange',show);show();document.body.setAttribute('data-ready','1')})();\n";

// One package's diagnostics placed on their files' lines: first[f][line]
// is 1 + the first diagnostic's index into ds, next chains the rest.
typedef struct Placed {
    int **first, **last;
    int *next;
} Placed;

void report_html(FILE *out, const RecordLog *log, const ReportPackage *pkgs, int npkgs, const HtmlConfig *cfg) {
    Buf b = {0};
    buf_puts(&b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                 "<meta name=\"generator\" content=\"goesc ");
    escs(&b, cfg->goesc_version);
    buf_puts(&b, "\"><title>goesc: ");
    for (int p = 0; p < npkgs; p++) {
        if (p == 3) {
            buf_puts(&b, " ...");
            break;
        }
        buf_puts(&b, p ? " " : "");
        escs(&b, pkgs[p].path);
    }
    buf_printf(&b, "</title><style>%s</style></head><body>\n<header><h1>goesc escape analysis</h1>", style);
    buf_puts(&b, "<span class=\"legend\"><span class=\"heap\">heap</span><span class=\"leak\">leaking param</span>"
                 "<span class=\"inl\">inlined call</span><span class=\"stack\">does not escape</span>"
                 "<span class=\"info\">other</span></span><select id=\"pick\" aria-label=\"file\">");
    int nf = 0;
    for (int p = 0; p < npkgs; p++)
        for (int f = 0; f < pkgs[p].nfiles; f++) {
            buf_printf(&b, "<option value=\"f%d\">", nf++);
            escs(&b, pkgs[p].files[f]->path);
            buf_puts(&b, "</option>");
        }
    buf_puts(&b, "</select></header>\n");
    int id = 0;
    for (int p = 0; p < npkgs; p++) {
        summary(&b, log, &pkgs[p], id, cfg->m);
        for (int i = pkgs[p].from; i < pkgs[p].to; i++)
            id += report_diagnostic(&log->recs.data[i], cfg->m);
    }
    id = 0;
    nf = 0;
    for (int p = 0; p < npkgs; p++) {
        const ReportPackage *pk = &pkgs[p];
        Shown sh = {.files = pk->files, .nfiles = pk->nfiles, .base = nf};
        for (int f = 0; f < pk->nfiles; f++)
            ptrmap_put(&sh.index, pk->files[f], (void *)(intptr_t)(f + 1));
        Explained ex;
        report_explained_init(&ex, log, pk->from, pk->to);
        int n = pk->to - pk->from;
        Placed pl = {xcalloc((size_t)pk->nfiles + 1, sizeof(int *)), xcalloc((size_t)pk->nfiles + 1, sizeof(int *)),
                     xcalloc((size_t)n + 1, sizeof(int))};
        for (int f = 0; f < pk->nfiles; f++) {
            pl.first[f] = xcalloc((size_t)pk->files[f]->nlines + 2, sizeof(int));
            pl.last[f] = xcalloc((size_t)pk->files[f]->nlines + 2, sizeof(int));
        }
        int *ids = xcalloc((size_t)n + 1, sizeof(int));
        Buf elsewhere = {0};
        for (int i = pk->from; i < pk->to; i++) {
            const Record *r = &log->recs.data[i];
            if (!report_diagnostic(r, cfg->m))
                continue;
            ids[i - pk->from] = id++;
            Pos at = r->where != NOPOS ? pos_outermost(r->where, r->inl) : NOPOS;
            SrcFile *sf = at != NOPOS ? pos_file(at) : NULL;
            int f = sf ? (int)(intptr_t)ptrmap_get(&sh.index, sf) - 1 : -1;
            int line = f >= 0 ? pos_resolve_raw(at).line : 0;
            if (f < 0 || line < 1 || line > pk->files[f]->nlines) {
                buf_puts(&elsewhere, "<div class=\"line\"><span class=\"ln\"></span><span class=\"code\">");
                if (at != NOPOS) {
                    Buf t = {0};
                    position_text(&t, at, r->pos);
                    escs(&elsewhere, buf_cstr(&t));
                    buf_free(&t);
                }
                buf_puts(&elsewhere, "</span><span class=\"marks\">");
                mark(&elsewhere, &sh, r, ids[i - pk->from], &ex);
                buf_puts(&elsewhere, "</span></div>\n");
                continue;
            }
            int k = i - pk->from + 1;
            if (pl.last[f][line])
                pl.next[pl.last[f][line] - 1] = k;
            else
                pl.first[f][line] = k;
            pl.last[f][line] = k;
        }
        if (elsewhere.len) {
            buf_puts(&b, "<section class=\"nofile src\"><h3>");
            escs(&b, pk->path);
            buf_puts(&b, ": without a source line</h3>");
            buf_put(&b, elsewhere.data, elsewhere.len);
            buf_puts(&b, "</section>\n");
        }
        buf_free(&elsewhere);
        for (int f = 0; f < pk->nfiles; f++, nf++) {
            const SrcFile *sf = pk->files[f];
            buf_printf(&b, "<section class=\"file\" id=\"f%d\"><h3>", nf);
            escs(&b, sf->path);
            buf_puts(&b, "</h3><div class=\"src\">\n");
            for (int line = 1; line <= sf->nlines; line++) {
                uint32_t s0 = sf->lines[line - 1];
                uint32_t s1 = line < sf->nlines ? sf->lines[line] : sf->size;
                if (line == sf->nlines && s0 >= sf->size)
                    break;  // after the final newline
                while (s1 > s0 && (sf->text[s1 - 1] == '\n' || sf->text[s1 - 1] == '\r'))
                    s1--;
                int w = -1;
                for (int k = pl.first[f][line]; k; k = pl.next[k - 1])
                    if (weight(log->recs.data[pk->from + k - 1].kind) > w)
                        w = weight(log->recs.data[pk->from + k - 1].kind);
                buf_printf(&b, "<div class=\"line%s\" id=\"f%d-L%d\"><a class=\"ln\" href=\"#f%d-L%d\">%d</a>"
                               "<span class=\"code\">",
                           w > 0 ? (w == 4 ? " w4" : w == 3 ? " w3" : w == 2 ? " w2" : " w1") : "", nf, line, nf,
                           line, line);
                esc(&b, sf->text + s0, s1 - s0);
                buf_puts(&b, "</span>");
                if (pl.first[f][line]) {
                    buf_puts(&b, "<span class=\"marks\">");
                    for (int k = pl.first[f][line]; k; k = pl.next[k - 1])
                        mark(&b, &sh, &log->recs.data[pk->from + k - 1], ids[k - 1], &ex);
                    buf_puts(&b, "</span>");
                }
                buf_puts(&b, "</div>\n");
                if (b.len > (1u << 20)) {
                    fwrite(b.data, 1, b.len, out);
                    b.len = 0;
                }
            }
            buf_puts(&b, "</div></section>\n");
            free(pl.first[f]);
            free(pl.last[f]);
        }
        free(pl.first);
        free(pl.last);
        free(pl.next);
        free(ids);
        report_explained_free(&ex);
        ptrmap_free(&sh.index);
    }
    buf_printf(&b, "<script>%s</script></body></html>\n", script);
    fwrite(b.data, 1, b.len, out);
    buf_free(&b);
}
