// ir.h: gc's view of a typed program, which the inliner and escape
// analysis both need: how gc's IR prints expressions and statements
// (fmt.c), the temporaries its noder introduces (temps.c), when it
// qualifies a package by path (qualify.c), and what its deadcode pass
// removes (deadcode.c). The AST stays ours; these files answer what gc's
// IR would have been.
#ifndef GOESC_IR_H
#define GOESC_IR_H

#include "../base/base.h"
#include "../syntax/syntax.h"
#include "../types/types.h"

// ---- facts.c: what a dependency's analysis leaves for its importers ----
// An importer needs of a dependency only what gc's export data carries
// beyond types: which functions can be inlined, at what cost, and the
// escape tags of their parameters. A package found in the cache (issue
// 12) gets these instead of being analysed again.
#define IR_TAG_BYTES 8      // one parameter's tag: escape's Leaks bytes
typedef struct FuncFact {
    Str name;               // gc's name in its package: F, T.M, (*T).M, F.func1
    int cost;               // inline cost when gc can inline it, else -1
    int nparams;            // receiver and parameters tagged; -1: no tags
    bool *tagged;           // per parameter: esc_finish tagged it
    uint8_t (*tags)[IR_TAG_BYTES];
} FuncFact;
typedef struct PkgFacts {
    FuncFact *funcs;        // sorted by name (ir_facts_seal)
    int n, cap;
    PtrMap index;           // name -> 1 + index, while building
    // The packages its export data lists (qualify.c), paths and names;
    // nreach -1: not recorded.
    Str *reach_paths, *reach_names;
    int nreach;
    Arena arena;
} PkgFacts;
// The fact named name, made on first use (cost -1, nparams -1).
FuncFact *ir_facts_put(PkgFacts *f, Str name);
void ir_facts_seal(PkgFacts *f);    // sorts; lookups need it
const FuncFact *ir_facts_get(const PkgFacts *f, Str name);
// The binary form kept in the cache. Decoding checks every length and
// returns NULL on anything malformed.
void ir_facts_encode(const PkgFacts *f, Buf *out);
PkgFacts *ir_facts_decode(const void *data, size_t n);
void ir_facts_free(PkgFacts *f);
// qualify.c: records in out the packages p's export data lists.
void ir_export_reach(Package *p, PkgFacts *out);
// Forgets the packages crawled for qualify: before their loader is freed.
void ir_qualify_forget(void);
// Forgets the types known to reach no instance: before their loader is freed.
void ir_shape_forget(void);

// ---- deadcode.c ----
// Whether a statement list (or statement) ends in return or panic: a
// constant if with such a branch cuts the statements after it.
bool ir_ends_in_return(Node *body);
// The value of an if condition after gc's folding (constants, false && x,
// true || x): 1 true, 0 false, -1 unknown.
int ir_const_cond(Info *info, Node *c);
// An expression switch with a constant tag: the index of the only clause
// kept, -1 if none is, -2 if all are.
int ir_switch_live(Info *info, Node *sw);
// How many statements of l gc's deadcode keeps: none after an
// `if true { return }` (unless a label follows).
int ir_live_len(Info *info, NodeList l);
// syn_inspect over what deadcode leaves of n: f sees an if or switch with
// a constant condition or tag, then only its live branch or case.
void ir_inspect_live(Info *info, Node *n, bool (*f)(void *ctx, Node *n), void *ctx);

// ---- temps.c (also) ----
// Whether n holds a call or a receive as gc's typecheck sees them
// (callOrChan): runtime.getg() is no call there, nor is new(T).
bool ir_call_or_chan(Info *info, Node *n);

// ---- static.c: gc's ir.StaticValue ----
typedef struct IrDefs {
    PtrMap def;         // local Object* -> the expression defining it
    PtrMap reassigned;  // local Object* -> 1: assigned again or addressed
} IrDefs;
// Records the definitions and reassignments of local variables in n.
void ir_scan_defs(IrDefs *d, Node *n);
// The single definition of local variable o, NULL if none or reassigned.
Node *ir_def_of(IrDefs *d, Object *o);
void ir_defs_free(IrDefs *d);
// The type of element i (or of the element keyed key) of a composite
// literal of underlying type u (struct, array or slice), else NULL.
Type *ir_elem_type(Type *u, Node *key, int i);
// gc's name of a declared function: "F", "T.M", "(*T).M".
Str ir_func_decl_name(Node *fd);

// ---- fmt.c: gc's IR expression printing (ir/fmt.go) ----
void ir_fmt_node(Buf *b, Node *n, Package *pkg);
// n printed with the nodes of subst (Node* -> Str) replaced by their text.
void ir_fmt_node_subst(Buf *b, Node *n, Package *pkg, PtrMap *subst);
// The number of variables gc's noder declares in the function (or func
// literal) holding node at: its next temporary is .autotmp_N; -1 if
// unknown.
int ir_fmt_func_decls(Node *at, Package *pkg);
// The index in gc's fn.Dcl of each local variable fn (N_FUNC_DECL or
// N_FUNC_LIT) declares, as Object* -> 1 + index; the noder's temporaries
// take the indexes between (their N).
void ir_local_dcl_index(Node *fn, Package *pkg, PtrMap *out);
// gc's printing of a type in -m lines, qualified relative to pkg.
void ir_fmt_type(Buf *b, Type *t, Package *pkg);
// The name of the shape instantiation a use (ident) of generic function o
// calls, or NULL.
typedef Str (*IrInstName)(void *ctx, Object *o, Node *ident);
// ir_fmt_node printing calls of generic functions as gc's stenciler made
// them: "F[go.shape.int_0](&.dict.F[int], args)".
// imported: n is generic code of pkg instantiated in another package.
// subst: nodes (Node* -> Str) printed as the given text (go/defer temps).
void ir_fmt_node_in(Buf *b, Node *n, Package *pkg, PtrMap *subst, IrInstName fn, void *ctx,
                     bool imported);
// n as gc prints it while the walk has not yet reached the calls inside
// n: gc rewrites a variadic call f(a, b) into f(... argument...) when it
// walks it, and -m=2 prints the explanation of a flow straight to the
// heap at once, in the middle of the walk ("T.V(t, 1, 2) escapes to
// heap:"), before the walk reaches the call inside the flow's source.
void ir_fmt_node_early(Buf *b, Node *n, Package *pkg);
// root_walked: n is a call the walk is at, already rewritten.
void ir_fmt_node_in_early(Buf *b, Node *n, Package *pkg, PtrMap *subst, IrInstName fn, void *ctx,
                           bool imported, bool root_walked);
// n, code of package from inlined into package pkg, as gc prints nodes it
// read from from's export data: names of from qualified (locals too),
// constants as typed values, types relative to pkg.
void ir_fmt_node_inlined(Buf *b, Node *n, Package *pkg, Package *from, PtrMap *subst);
void ir_fmt_node_inlined_early(Buf *b, Node *n, Package *pkg, Package *from, PtrMap *subst, bool root_walked);
// The conversion of n to interface type dst as gc prints it once the
// implicit conversion is explicit: "io.Writer(os.Stdout)".
void ir_fmt_conv_inlined(Buf *b, Node *n, Type *dst, Package *pkg, Package *from, PtrMap *subst);

// ---- fmt_stmt.c: gc's IR statements (stmtFmt) and inline bodies ----
// gc's "TYPE { BODY }" of an inlinable function's saved body (the part
// after "as: " in -m=2's "can inline" line). fn: N_FUNC_DECL or N_FUNC_LIT.
// The body is printed as gc's noder, typecheck and deadcode pass leave it,
// before any inlining.
void ir_fmt_inl_func(Buf *b, Node *fn, Package *pkg);
// The same for a shape instantiation of generic function or method fn
// (N_FUNC_DECL) that package pkg compiles, as gc's stenciler made it: the
// caller has bound fn's type parameters to their shapes (types_bind_shape);
// the dictionary and a method's receiver lead the parameters, and code
// of another package names that package's objects with its qualifier:
// "func(uintptr, *atomic.Pointer[go.shape.int_0]) *go.shape.int_0 { return
// (*go.shape.int_0)(atomic.LoadPointer(&atomic.x.v)) }".
void ir_fmt_inl_inst(Buf *b, Node *fn, Package *pkg);

// The printer fmt.c and fmt_stmt.c share; no other file looks inside.
typedef struct IrPrinter {
    Buf *b;
    Package *pkg;
    Info *info;         // NULL when pkg was not checked: fewer rewrites
    Qualifier q;
    // Variadic calls as written: ir_fmt_node_early, and inline bodies,
    // saved before escape analysis gathers the extra arguments.
    bool early;
    Node *late_root;    // early, but this call (being walked) as gc's walk
                        // leaves it
    PtrMap *subst;      // Node* -> Str printed in its place (go/defer temps)
    // ir_fmt_node_in: names calls of generic functions after the shape
    // instantiation they call, as gc's stenciler made them (NULL: none).
    IrInstName inst_name;
    void *inst_ctx;
    // Printing generic code of pkg instantiated in another package (gc
    // reads it back from export data): names of pkg are qualified, locals
    // too, and constants carry their type.
    bool imported;
    // With imported: the package of the code printed, where pkg is the one
    // instantiating it, relative to which names are qualified (inline
    // bodies of shape instantiations). NULL: pkg is the code's own.
    Package *home;
    // With imported and home: a body gc inlined from another package,
    // read back from export data, where constants are bare typed values
    // (int(4096), not the name) and implicit conversions are explicit.
    bool inlined;
    Arena *scratch;     // fmt_stmt.c: conditions rebuilt by deadcode folding
} IrPrinter;
void ir_pr_init(IrPrinter *p, Buf *b, Package *pkg);  // fmt.c
void ir_pr_expr(IrPrinter *p, Node *n, int prec);     // fmt.c
void ir_pr_list(IrPrinter *p, NodeList l);            // fmt.c: "a, b"
void ir_pr_type(IrPrinter *p, Type *t);               // fmt.c
// fmt.c: "func(int) T"; stenciled: "func(uintptr, RECV, int) T"
void ir_pr_func_sig(IrPrinter *p, Type *sig, bool stenciled);
bool ir_pr_is_const(IrPrinter *p, Node *n);           // fmt.c
bool ir_pr_is_method_sel(IrPrinter *p, Node *fun);    // fmt.c
void ir_pr_stmt(IrPrinter *p, Node *n);               // fmt_stmt.c

// ---- temps.c: the noder's temporaries (.autotmp_N), numbered as gc does ----
// a, b = f() (N_ASSIGN) or var a, b T = f() (N_VALUE_SPEC) where the
// destinations' types are not all f's result types: gc's noder first
// assigns the results to temporaries. Their number, else 0.
int ir_multi_call_temps(Node *stmt);
// The same in a shape instantiation's body (shaped): a blank destination
// makes temporaries too.
int ir_multi_call_temps_in(Node *stmt, bool shaped);
// return f() with f returning several results: their number, else 0.
int ir_multi_call_results(NodeList results);
// The part of call gc's noder moves to a temporary (a callee or a
// receiver with a call or a receive in it), or NULL.
Node *ir_temp_part(Package *pkg, Node *call);
// The builtin a call's function names (len, unsafe.Add...), or -1.
int ir_fun_builtin(Node *fun);
// The N of the first of the temporaries gc makes for stmt (a return of
// a multi-value call, or an assignment ir_multi_call_temps counts), -1
// if unknown.
int ir_fmt_temp_number(Node *stmt, Package *pkg);
// The part of call gc's noder moves to a temporary first (a callee or a
// method's receiver holding a call or a receive: f()(x), g().M(x)), and
// the temporary's N in *n; NULL if none.
Node *ir_fmt_callee_temp(Node *call, Package *pkg, int *n);

// ---- qualify.c: gc's package qualifiers ----
// Whether gc names pkg by its quoted path rather than its name in the
// messages of rel: another package of that name appears in the export
// data of rel's imports (gc's types.NumImport).
bool ir_qualify_by_path(Package *rel, Package *pkg);

// ---- shape.c: gc's GC shapes of type arguments (stenciling) ----
typedef struct IrShapeCtx {
    Arena *arena;
    Type **ptr_shape;       // the shared *uint8 shape, made on first use
    // The instantiation the type arguments are written in: its type
    // parameters are replaced by their shapes first (nctx 0: none).
    Type **ctx_tparams, **ctx_shapes;
    int nctx;
} IrShapeCtx;
// gc's Shapify of targ, the argument of type parameter tparam.
Type *ir_shape_of(IrShapeCtx *sc, Type *tparam, Type *targ);
// Binds (on) or unbinds the n type parameters to their shapes.
void ir_bind_shapes(Type **tparams, Type **shapes, int n, bool on);
// gc's name of the instantiation of decl for shapes: "F[go.shape.int_0]",
// "T[go.shape.int_0].M" or "(*T[go.shape.int_0]).M".
Str ir_inst_name(Node *decl, Type **tparams, Type **shapes, int n);
// The type parameters an instantiation of gen binds: a function's own,
// or those its receiver declares.
Type **ir_generic_tparams(Object *gen, int *n);
// Whether t mentions a type parameter (it is then no complete instance).
bool ir_mentions_tparam(Type *t);
// gc reads an imported package's generic code from its export data, whose
// positions name files absolutely, std's as $GOROOT/src/...: records in m
// each source file of gp (SrcFile*) -> that name (and gp -> 1, once).
void ir_note_export_files(PtrMap *m, Package *gp);
// The nodes info recorded an instance for (N_IDENT or selector), between
// positions lo and hi, in source order (gc meets instance types so).
typedef VEC(Node *) IrNodeVec;
IrNodeVec ir_instance_nodes(Info *info, Pos lo, Pos hi);
// The complete instance types (no interfaces) gc meets compiling home,
// its own and those its importer loads, in the order met: gc instantiates
// all their methods in home. The caller frees the vector.
typedef VEC(Type *) IrTypeVec;
IrTypeVec ir_imported_instance_types(Package *home);
// Finds them now, on this thread, for the analysis of home to take: -j's
// checking thread does so after each check, so that the analysing one
// does not have to. (Computed or taken, under one lock.)
void ir_prepare_instance_types(Package *home);
// Calls fn for each method of the generic type of instance type t (a
// TY_NAMED with orig), with t's type arguments: gc instantiates them all.
typedef void (*IrMethodFn)(void *ctx, Object *method, Type **targs, int ntargs);
void ir_each_instance_method(Type *t, IrMethodFn fn, void *ctx);
// Whether two lists of n shapes are the same instantiation's.
bool ir_same_shapes(Type **a, Type **b, int n);

#endif
