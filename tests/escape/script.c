// script.c: core_test's graph mode. tests/escape/gen_random.py writes Go
// programs in which every statement is one known edge, and next to each a
// script of the calls gc's walk of it makes into the escape core: its
// locations in fn.Dcl order, flows, tag holes of earlier functions, func
// literals (spilled where they appear, their bodies walked right there,
// their captures decided after the walk), loops. Replaying the script
// prints the -m=2 text, which the suite compares with gc's own.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "../../src/report/report.h"

typedef struct ScriptFn {
    EscFunc *fn;
    Escape e;           // its own loop depth: a closure starts at 1
    Hole clo;           // a closure's storage, from its spill
} ScriptFn;

typedef struct Script {
    T *t;
    Batch b;
    bool open;
    ScriptFn fns[MAXFN];
    int nfns;
    ScriptFn *stack[MAXFN];     // "in" pushes, "out" pops
    int depth;
    struct { Str name; Location *loc; } vars[256];
    int nvars;
    Hole tag;           // the last tag hole
} Script;

static Location *script_var(Script *s, const char *name) {
    Str n = str_cstr(name);
    for (int i = 0; i < s->nvars; i++)
        if (s->vars[i].name == n)
            return s->vars[i].loc;
    fatal("script: no variable %s", name);
}

static void script_add(Script *s, const char *name, Location *loc) {
    if (s->nvars == 256)
        fatal("script: too many variables");
    s->vars[s->nvars].name = str_cstr(name);
    s->vars[s->nvars++].loc = loc;
}

static Hole script_hole(Script *s, const char *name) {
    if (strcmp(name, "heap") == 0)
        return esc_heap_hole(&s->b);
    if (strcmp(name, "discard") == 0)
        return esc_discard_hole(&s->b);
    return esc_loc_hole(script_var(s, name));
}

static ScriptFn *script_fn(Script *s, const char *name) {
    for (int i = 0; i < s->nfns; i++)
        if (strcmp(s->fns[i].fn->name, name) == 0)
            return &s->fns[i];
    fatal("script: no function %s in the batch", name);
}

static ScriptFn *script_new_fn(Script *s, const char *name, EscFunc *outer) {
    if (s->nfns == MAXFN)
        fatal("script: too many functions");
    ScriptFn *f = &s->fns[s->nfns++];
    f->fn = func(s->t, str_cstr(name), outer);
    esc_batch_add_func(&s->b, f->fn);
    f->e = esc_with(&s->b, f->fn);
    return f;
}

static Escape *script_cur(Script *s) {
    if (s->depth == 0)
        fatal("script: outside any function");
    return &s->stack[s->depth - 1]->e;
}

// One command per line; see gen_random.py for what each stands for.
static void script_line(Script *s, const char *dir, char *line) {
    char *argv[64];
    int argc = 0;
    for (char *tok = strtok(line, " \n"); tok && argc < 64; tok = strtok(NULL, " \n"))
        argv[argc++] = tok;
    if (argc == 0)
        return;
    T *t = s->t;
    const char *cmd = argv[0];
    if (strcmp(cmd, "file") == 0 && argc == 2) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, argv[1]);
        if (!load_go_file(t, path, argv[1]))
            fatal("cannot read %s", path);
    } else if (strcmp(cmd, "func") == 0 && argc == 2) {
        batch(t, &s->b);
        s->nfns = s->nvars = s->depth = 0;
        s->open = true;
        script_new_fn(s, argv[1], NULL);
    } else if (strcmp(cmd, "closure") == 0 && argc == 3) {
        script_new_fn(s, argv[1], script_fn(s, argv[2])->fn);
    } else if (strcmp(cmd, "in") == 0 && argc == 2) {
        s->stack[s->depth++] = script_fn(s, argv[1]);
    } else if (strcmp(cmd, "out") == 0 && s->depth > 0) {
        s->depth--;
    } else if ((strcmp(cmd, "param") == 0 || strcmp(cmd, "result") == 0 ||
                strcmp(cmd, "local") == 0) && argc == 4) {
        // Results are keyed "~r0@f1.func2"; gc prints "~r0".
        Str key = str_cstr(argv[1]);
        Str text = str_intern(argv[1], strcspn(argv[1], "@"));
        int line = atoi(argv[2]), col = atoi(argv[3]);
        Escape *e = script_cur(s);
        Location *l = cmd[0] == 'p'   ? param(t, e, text, line, col, true)
                      : cmd[0] == 'r' ? result(t, e, text, line, col)
                                      : local(t, e, text, line, col);
        script_add(s, key, l);
    } else if (strcmp(cmd, "dcl") == 0 && argc == 2) {
        esc_dcl(script_cur(s), script_var(s, argv[1]));
    } else if (strcmp(cmd, "loop+") == 0) {
        script_cur(s)->loop_depth++;
    } else if (strcmp(cmd, "loop-") == 0) {
        script_cur(s)->loop_depth--;
    } else if (strcmp(cmd, "flow") == 0 && argc == 4) {
        Hole k = esc_shift(script_hole(s, argv[1]), atoi(argv[2]));
        esc_flow(&s->b, k, script_var(s, argv[3]));
    } else if (strcmp(cmd, "reassign") == 0 && argc == 2) {
        script_var(s, argv[1])->reassigned = true;
    } else if (strcmp(cmd, "tag") == 0 && argc == 5) {
        EscFunc *callee = NULL;
        for (int i = 0; i < t->nfuncs; i++)
            if (strcmp(t->funcs[i].name, argv[1]) == 0)
                callee = &t->funcs[i];
        if (!callee)
            fatal("script: no function %s", argv[1]);
        Hole ks[2] = {script_hole(s, argv[3]), script_hole(s, argv[4])};
        s->tag = esc_tag_hole(script_cur(s), ks, 2, callee, atoi(argv[2]));
    } else if (strcmp(cmd, "flowtag") == 0 && argc == 3) {
        esc_flow(&s->b, esc_shift(s->tag, atoi(argv[1])), script_var(s, argv[2]));
    } else if (strcmp(cmd, "spill") == 0 && argc >= 6) {
        // spill CLOSURE HOLE called|value LINE COL CAPTURED...: a func
        // literal where the walk meets it (gc's OCLOSURE case).
        ScriptFn *c = script_fn(s, argv[1]);
        Escape *e = script_cur(s);
        if (strcmp(argv[3], "called") == 0)
            c->fn->closure_called = true;
        c->clo = esc_spill(e, script_hole(s, argv[2]), c->fn, "func literal",
                           P(t, atoi(argv[4]), atoi(argv[5])));
        esc_add_closure(&s->b, c->clo, c->fn, c->fn);
        // Reassignments before the first capture, in straight-line code
        // at the variable's own depth, happen before the closure exists.
        for (int i = 6; i < argc; i++) {
            Location *loc = script_var(s, argv[i]);
            if (!loc->captured) {
                loc->captured = true;
                if (loc->loop_depth == e->loop_depth)
                    loc->reassigned = false;
            }
        }
    } else if (strcmp(cmd, "capture") == 0 && argc == 6) {
        // capture CLOSURE VAR LINE COL DECLARING-FUNC (gc's flowClosure)
        ScriptFn *c = script_fn(s, argv[1]);
        EscCapture cap = {.loc = script_var(s, argv[2]), .name = str_cstr(argv[2]),
                          .var_pos = P(t, atoi(argv[3]), atoi(argv[4])),
                          .use_pos = P(t, atoi(argv[3]), atoi(argv[4])),
                          .curfn_name = str_cstr(argv[5]), .size = 16};
        esc_capture(&s->b, c->clo, &cap);
    } else if (strcmp(cmd, "end") == 0 && s->open) {
        run(&s->b);
        s->open = false;
    } else {
        fatal("script: bad line starting %s", cmd);
    }
}

int graph_mode(const char *script_path, const char *dir) {
    size_t n;
    char *text = read_file(script_path, &n);
    if (!text) {
        fprintf(stderr, "cannot read %s\n", script_path);
        return 2;
    }
    Script *s = xcalloc(1, sizeof *s);
    s->t = xcalloc(1, sizeof *s->t);
    s->t->m = 2;
    for (char *line = text, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = 0;
        script_line(s, dir, line);
    }
    report_text(&s->t->out, &s->t->log, s->t->m);
    if (s->t->out.len)
        fwrite(s->t->out.data, 1, s->t->out.len, stdout);
    buf_free(&s->t->out);
    rec_log_free(&s->t->log);
    free(s->t);
    free(s);
    free(text);
    return 0;
}
