// pos.c: the global position space. Like go/token's FileSet, every file
// gets a disjoint range of offsets, so one uint32 names file, line and
// column. The table is process-wide because positions are compared and
// printed by every stage.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base.h"

typedef struct PosTable {
    SrcFile **files;    // sorted by base, since bases only grow
    int nfiles, cap;
    Pos next;           // base for the next file
} PosTable;

static PosTable postab = {.next = 1};

SrcFile *pos_add_file(Str path, const char *text, uint32_t size) {
    if ((uint64_t)postab.next + size + 1 > UINT32_MAX)
        fatal("position space exhausted (more than 4 GiB of source)");
    SrcFile *f = xcalloc(1, sizeof *f);
    f->path = path;
    f->base = postab.next;
    f->size = size;
    f->text = text;
    pos_add_line(f, 0);
    postab.next += size + 1;  // +1: the EOF position belongs to the file
    if (postab.nfiles == postab.cap) {
        postab.cap = postab.cap ? postab.cap * 2 : 256;
        postab.files = xrealloc(postab.files, sizeof(SrcFile *) * postab.cap);
    }
    postab.files[postab.nfiles++] = f;
    return f;
}

void pos_add_line(SrcFile *f, uint32_t off) {
    if (f->nlines && f->lines[f->nlines - 1] >= off && off != 0)
        return;  // already recorded (the lexer may rescan)
    if (f->nlines == f->caplines) {
        f->caplines = f->caplines ? f->caplines * 2 : 64;
        f->lines = xrealloc(f->lines, sizeof(uint32_t) * f->caplines);
    }
    f->lines[f->nlines++] = off;
}

void pos_add_line_directive(SrcFile *f, uint32_t off, Str path, int line, int col) {
    if (f->ndirs == f->capdirs) {
        f->capdirs = f->capdirs ? f->capdirs * 2 : 4;
        f->dirs = xrealloc(f->dirs, sizeof(*f->dirs) * f->capdirs);
    }
    struct LineDirective *d = &f->dirs[f->ndirs++];
    d->off = off;
    d->path = path;
    d->line = line;
    d->col = col;
    d->physline = pos_resolve_raw(f->base + off).line;
}

SrcFile *pos_file(Pos p) {
    int lo = 0, hi = postab.nfiles - 1;
    if (p == NOPOS || hi < 0)
        return NULL;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (postab.files[mid]->base <= p)
            lo = mid;
        else
            hi = mid - 1;
    }
    SrcFile *f = postab.files[lo];
    return p <= f->base + f->size ? f : NULL;
}

Position pos_resolve_raw(Pos p) {
    Position r = {0};
    SrcFile *f = pos_file(p);
    if (!f)
        return r;
    uint32_t off = p - f->base;
    int lo = 0, hi = f->nlines - 1;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (f->lines[mid] <= off)
            lo = mid;
        else
            hi = mid - 1;
    }
    r.file = f->path;
    r.line = lo + 1;
    r.col = (int)(off - f->lines[lo]) + 1;
    return r;
}

Position pos_resolve(Pos p) {
    Position r = pos_resolve_raw(p);
    SrcFile *f = pos_file(p);
    if (!f || f->ndirs == 0)
        return r;
    uint32_t off = p - f->base;
    struct LineDirective *d = NULL;
    for (int i = f->ndirs - 1; i >= 0; i--) {
        if (f->dirs[i].off <= off) {
            d = &f->dirs[i];
            break;
        }
    }
    if (!d)
        return r;
    // A directive without a column leaves columns unknown until the next
    // directive; with one, only the line right after it is shifted.
    int physline = r.line;
    r.file = d->path;
    r.line = d->line + (physline - d->physline);
    if (d->col == 0)
        r.col = 0;
    else if (physline == d->physline)
        r.col = d->col + (int)(off - d->off);
    return r;
}

void pos_format(Buf *b, Pos p) {
    Position r = pos_resolve(p);
    if (!r.file) {
        buf_puts(b, "<unknown position>");
        return;
    }
    // gc packs positions into 20 bits of line and 8 bits of column; it
    // saturates the line and leaves out a column it cannot represent.
    int line = r.line;
    if (line > (1 << 20) - 2)
        line = (1 << 20) - 2;
    if (r.col > 0 && r.col < 255)
        buf_printf(b, "%s:%d:%d", r.file, line, r.col);
    else
        buf_printf(b, "%s:%d", r.file, line);
}
