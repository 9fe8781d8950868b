// dot.c: -format=dot, a function's location graph for Graphviz. Nodes are
// locations, labelled with gc's name and position, those on the heap
// filled; an edge dst <- src says src's value flows into dst after its
// derefs ("&": its address, "*": one dereference each), with the reason.
#include <string.h>

#include "report.h"

static void quoted(Buf *b, const char *s) {
    buf_putc(b, '"');
    for (; s && *s; s++) {
        if (*s == '"' || *s == '\\')
            buf_putc(b, '\\');
        if (*s == '\n')
            buf_puts(b, "\\n");
        else
            buf_putc(b, *s);
    }
    buf_putc(b, '"');
}

void report_dot(FILE *out, const FlowGraph *g) {
    Buf b = {0};
    buf_puts(&b, "digraph ");
    quoted(&b, g->func);
    buf_puts(&b, " {\n  rankdir=LR;\n  node [shape=box, fontname=\"monospace\"];\n");
    for (int i = 0; i < g->nodes.len; i++) {
        const GraphNode *n = &g->nodes.data[i];
        Buf label = {0};
        buf_puts(&label, n->label);
        if (n->pos)
            buf_printf(&label, "\n%s", n->pos);
        if (n->func && strcmp(n->func, g->func) != 0)
            buf_printf(&label, "\n(in %s)", n->func);
        buf_printf(&b, "  n%d [label=", i);
        quoted(&b, buf_cstr(&label));
        if (n->heap)
            buf_puts(&b, ", style=filled, fillcolor=\"#f4a6a6\", color=\"#b00000\"");
        else if (strcmp(n->label, "{heap}") == 0)
            buf_puts(&b, ", shape=doubleoctagon, style=filled, fillcolor=\"#b00000\", fontcolor=white");
        buf_puts(&b, "];\n");
        buf_free(&label);
    }
    for (int i = 0; i < g->edges.len; i++) {
        const GraphEdge *e = &g->edges.data[i];
        Buf label = {0};
        if (e->derefs < 0)
            buf_putc(&label, '&');
        for (int k = 0; k < e->derefs; k++)
            buf_putc(&label, '*');
        if (e->derefs == 0)
            buf_puts(&label, "=");
        if (e->why)
            buf_printf(&label, " %s", e->why);
        buf_printf(&b, "  n%d -> n%d [label=", e->src, e->dst);
        quoted(&b, buf_cstr(&label));
        buf_puts(&b, "];\n");
        buf_free(&label);
    }
    buf_puts(&b, "}\n");
    fwrite(b.data, 1, b.len, out);
    buf_free(&b);
}
