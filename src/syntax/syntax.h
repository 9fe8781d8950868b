// syntax.h: the Go front end. Tokens as gc's scanner produces them, an AST
// that mirrors go/ast node for node (so it can be checked against go/parser),
// and, on every node, the position that gc's own syntax package gives the
// corresponding node, because that is the position gc prints in -m lines
// and errors.
#ifndef GOESC_SYNTAX_H
#define GOESC_SYNTAX_H

#include "../base/base.h"

// ---- tokens (gc's syntax/tokens.go) ----
#define TOKENS(X)                                                   \
    X(TK_EOF, "EOF")                                                \
    X(TK_NAME, "name")                                              \
    X(TK_LITERAL, "literal")                                        \
    X(TK_OPERATOR, "op")        /* op in Token.op, excluding '*' */ \
    X(TK_ASSIGNOP, "op=")       /* op in Token.op */                \
    X(TK_INCOP, "opop")         /* OP_ADD or OP_SUB */              \
    X(TK_ASSIGN, "=")                                               \
    X(TK_DEFINE, ":=")                                              \
    X(TK_ARROW, "<-")                                               \
    X(TK_STAR, "*")                                                 \
    X(TK_LPAREN, "(")                                               \
    X(TK_LBRACK, "[")                                               \
    X(TK_LBRACE, "{")                                               \
    X(TK_RPAREN, ")")                                               \
    X(TK_RBRACK, "]")                                               \
    X(TK_RBRACE, "}")                                               \
    X(TK_COMMA, ",")                                                \
    X(TK_SEMI, ";")                                                 \
    X(TK_COLON, ":")                                                \
    X(TK_DOT, ".")                                                  \
    X(TK_DOTDOTDOT, "...")                                          \
    X(TK_BREAK, "break")                                            \
    X(TK_CASE, "case")                                              \
    X(TK_CHAN, "chan")                                              \
    X(TK_CONST, "const")                                            \
    X(TK_CONTINUE, "continue")                                      \
    X(TK_DEFAULT, "default")                                        \
    X(TK_DEFER, "defer")                                            \
    X(TK_ELSE, "else")                                              \
    X(TK_FALLTHROUGH, "fallthrough")                                \
    X(TK_FOR, "for")                                                \
    X(TK_FUNC, "func")                                              \
    X(TK_GO, "go")                                                  \
    X(TK_GOTO, "goto")                                              \
    X(TK_IF, "if")                                                  \
    X(TK_IMPORT, "import")                                          \
    X(TK_INTERFACE, "interface")                                    \
    X(TK_MAP, "map")                                                \
    X(TK_PACKAGE, "package")                                        \
    X(TK_RANGE, "range")                                            \
    X(TK_RETURN, "return")                                          \
    X(TK_SELECT, "select")                                          \
    X(TK_STRUCT, "struct")                                          \
    X(TK_SWITCH, "switch")                                          \
    X(TK_TYPE, "type")                                              \
    X(TK_VAR, "var")

typedef enum TokKind {
#define X(k, s) k,
    TOKENS(X)
#undef X
    TK_COUNT
} TokKind;
extern const char *const tok_names[TK_COUNT];

// Operators (gc's Operator), also used in the AST for unary, binary,
// assignment and inc/dec nodes. OP_NONE means "no operator".
#define OPERATORS(X)                      \
    X(OP_NONE, "", 0)                     \
    X(OP_DEF, ":", 0)                     \
    X(OP_NOT, "!", 0)                     \
    X(OP_RECV, "<-", 0)                   \
    X(OP_TILDE, "~", 0)                   \
    X(OP_OROR, "||", 1)                   \
    X(OP_ANDAND, "&&", 2)                 \
    X(OP_EQL, "==", 3)                    \
    X(OP_NEQ, "!=", 3)                    \
    X(OP_LSS, "<", 3)                     \
    X(OP_LEQ, "<=", 3)                    \
    X(OP_GTR, ">", 3)                     \
    X(OP_GEQ, ">=", 3)                    \
    X(OP_ADD, "+", 4)                     \
    X(OP_SUB, "-", 4)                     \
    X(OP_OR, "|", 4)                      \
    X(OP_XOR, "^", 4)                     \
    X(OP_MUL, "*", 5)                     \
    X(OP_DIV, "/", 5)                     \
    X(OP_REM, "%", 5)                     \
    X(OP_AND, "&", 5)                     \
    X(OP_ANDNOT, "&^", 5)                 \
    X(OP_SHL, "<<", 5)                    \
    X(OP_SHR, ">>", 5)

typedef enum Op {
#define X(k, s, prec) k,
    OPERATORS(X)
#undef X
    OP_COUNT
} Op;
extern const char *const op_names[OP_COUNT];
extern const unsigned char op_prec[OP_COUNT];  // binary precedence, 0: none

typedef enum LitKind { LIT_INT, LIT_FLOAT, LIT_IMAG, LIT_RUNE, LIT_STRING } LitKind;

// ---- lexer.c ----
// Errors are reported through the Diags with gc's wording.
typedef struct Lexer Lexer;
typedef struct Token {
    TokKind kind;
    Op op;              // TK_OPERATOR, TK_ASSIGNOP, TK_INCOP, TK_STAR (OP_MUL), TK_ARROW (OP_RECV)
    int prec;           // op's binary precedence (0 for !, ~ and <-)
    LitKind lit_kind;   // TK_LITERAL
    bool bad;           // TK_LITERAL: malformed (already reported)
    Pos pos;            // first byte of the token
    // TK_NAME: the interned name. TK_LITERAL: the literal's source text
    // (raw strings with carriage returns removed). TK_SEMI: "semicolon",
    // "newline" or "EOF", for error messages, as in gc. Otherwise NULL.
    Str lit;
} Token;

// A directive or other comment kept for later stages.
typedef struct Comment {
    Pos pos;            // position of the "//" or "/*" (gc gives a
                        // pragma the position 2 bytes later)
    Str text;           // full comment text, including the "//" or "/*"
                        // (a line comment's trailing '\r' dropped)
    bool blank_before;  // only whitespace precedes it on its line
} Comment;

typedef struct SynFile SynFile;
struct Lexer {
    SrcFile *src;
    const char *text;   // file contents
    uint32_t size;
    uint32_t off;       // next byte to read
    int32_t ch;         // lookahead character at off - chw; -1 at EOF
    int chw;            // its width in bytes (0 at EOF)
    // Where gc's reader would refill its buffer, which changes how it
    // treats a NUL byte (see lexer.c): end of its current chunk, its buffer
    // size, and the start of its current token (UINT32_MAX: none).
    uint32_t lim, gcbuf, seg;
    Token tok;          // current token
    bool nlsemi;        // a newline now would insert a semicolon
    // Reading a part of the file a second time (a body parsed on demand):
    // line tables, //line remappings and directives are already recorded.
    bool rescan;
    int nul_free;       // lex_skip_block: 1 the text has no NUL byte, -1 it
                        // has, 0 not known yet
    Diags *diags;
    SynFile *file;      // receives directives
    Arena *arena;
    // Set when a //go: directive comment is scanned and not yet consumed by
    // the parser (gc's pragma handling).
    VEC(Comment) pending;
    Str lit_semicolon, lit_newline, lit_eof;  // Token.lit values for TK_SEMI
};

void lex_init(Lexer *lx, SrcFile *src, Diags *diags, Arena *arena, SynFile *file);
void lex_next(Lexer *lx);   // advances lx->tok
// At a '{' token: reads past the block to its matching '}', which becomes
// the current token, without making the tokens inside (the lines are
// recorded). Returns false, having read nothing, when the block holds
// what only the tokenizer handles (//line and //go: directives, a NUL
// byte in the file, an unterminated literal).
bool lex_skip_block(Lexer *lx);
// Debugging: one token per line, "line:col kind detail", physical
// positions; errors go to d.
void syn_lex_dump(Buf *out, SrcFile *src, Diags *d);
// runes.c: Unicode classes and UTF-8 for the lexer's error paths and
// non-ASCII input. lex_decode_utf8 returns the length of one valid
// multi-byte sequence at s (0 if invalid); the fmt functions write into
// buf (16 bytes suffice) and return it.
bool lex_is_letter(int32_t c);  // unicode.IsLetter
bool lex_is_digit(int32_t c);   // unicode.IsDigit
bool lex_is_print(int32_t c);   // strconv.IsPrint
int lex_encode_utf8(char *b, int32_t c);
int lex_decode_utf8(const unsigned char *s, uint32_t avail, int32_t *r);
const char *lex_fmt_U(char *buf, uint32_t c);  // fmt's %#U: "U+00E9 'é'"
const char *lex_fmt_q(char *buf, int32_t c);   // fmt's %q of a rune
// unicode_tables.c (generated by tools/genunicode): non-ASCII ranges of
// Go 1.19's unicode.IsLetter, IsDigit and IsPrint, and byte classes.
extern const uint32_t uni_letter[][2], uni_digit[][2], uni_print[][2];
extern const int uni_letter_len, uni_digit_len, uni_print_len;
enum {
    BC_IDENT = 1,       // ASCII letter, digit or '_'
    BC_SPACE = 2,       // ' ', '\t' or '\r'
    // Bytes that end a run of plain text in a line comment, a block
    // comment, an interpreted string or a raw string. NUL, newline and
    // non-ASCII bytes end every run, since the lexer must look at them.
    BC_END_LINE = 4,
    BC_END_BLOCK = 8,
    BC_END_STRING = 16,
    BC_END_RAW = 32,
    BC_END_ALL = BC_END_LINE | BC_END_BLOCK | BC_END_STRING | BC_END_RAW,
};
extern const uint8_t lex_byte_class[256];

// ---- AST (ast.c, parser.c) ----
// Node kinds mirror go/ast. The comment after each kind names the member
// of Node.u it uses; "pos" says which source position gc gives the node.
#define NODE_KINDS(X)                                                           \
    X(N_BAD_EXPR, "BadExpr")             /* -                                */ \
    X(N_IDENT, "Ident")                  /* u.ident                          */ \
    X(N_ELLIPSIS, "Ellipsis")            /* u.ellipsis                       */ \
    X(N_BASIC_LIT, "BasicLit")           /* u.lit                            */ \
    X(N_FUNC_LIT, "FuncLit")             /* u.func_lit                       */ \
    X(N_COMPOSITE_LIT, "CompositeLit")   /* u.composite                      */ \
    X(N_PAREN, "ParenExpr")              /* u.unary (x)                      */ \
    X(N_SELECTOR, "SelectorExpr")        /* u.selector                       */ \
    X(N_INDEX, "IndexExpr")              /* u.index (IndexListExpr if n>1)   */ \
    X(N_SLICE, "SliceExpr")              /* u.slice                          */ \
    X(N_TYPE_ASSERT, "TypeAssertExpr")   /* u.assert                         */ \
    X(N_CALL, "CallExpr")                /* u.call                           */ \
    X(N_STAR, "StarExpr")                /* u.unary (x)                      */ \
    X(N_UNARY, "UnaryExpr")              /* u.unary, op                      */ \
    X(N_BINARY, "BinaryExpr")            /* u.binary, op                     */ \
    X(N_KEY_VALUE, "KeyValueExpr")       /* u.key_value                      */ \
    X(N_ARRAY_TYPE, "ArrayType")         /* u.array                          */ \
    X(N_STRUCT_TYPE, "StructType")       /* u.fields                         */ \
    X(N_FUNC_TYPE, "FuncType")           /* u.func_type                      */ \
    X(N_INTERFACE_TYPE, "InterfaceType") /* u.fields (methods/embeddeds)     */ \
    X(N_MAP_TYPE, "MapType")             /* u.map                            */ \
    X(N_CHAN_TYPE, "ChanType")           /* u.chan                           */ \
    X(N_FIELD, "Field")                  /* u.field                          */ \
    X(N_BAD_STMT, "BadStmt")             /* -                                */ \
    X(N_DECL_STMT, "DeclStmt")           /* u.decl_stmt                      */ \
    X(N_EMPTY_STMT, "EmptyStmt")         /* -                                */ \
    X(N_LABELED, "LabeledStmt")          /* u.labeled                        */ \
    X(N_EXPR_STMT, "ExprStmt")           /* u.unary (x)                      */ \
    X(N_SEND, "SendStmt")                /* u.send                           */ \
    X(N_INCDEC, "IncDecStmt")            /* u.unary (x), op OP_ADD/OP_SUB    */ \
    X(N_ASSIGN, "AssignStmt")            /* u.assign, op: see below          */ \
    X(N_GO, "GoStmt")                    /* u.unary (x = call)               */ \
    X(N_DEFER, "DeferStmt")              /* u.unary (x = call)               */ \
    X(N_RETURN, "ReturnStmt")            /* u.list                           */ \
    X(N_BRANCH, "BranchStmt")            /* u.branch                         */ \
    X(N_BLOCK, "BlockStmt")              /* u.block                          */ \
    X(N_IF, "IfStmt")                    /* u.if_                            */ \
    X(N_CASE_CLAUSE, "CaseClause")       /* u.clause (list empty: default)   */ \
    X(N_SWITCH, "SwitchStmt")            /* u.switch_                        */ \
    X(N_TYPE_SWITCH, "TypeSwitchStmt")   /* u.switch_ (tag = assign stmt)    */ \
    X(N_COMM_CLAUSE, "CommClause")       /* u.comm (comm NULL: default)      */ \
    X(N_SELECT, "SelectStmt")            /* u.switch_ (body only)            */ \
    X(N_FOR, "ForStmt")                  /* u.for_                           */ \
    X(N_RANGE, "RangeStmt")              /* u.range                          */ \
    X(N_GEN_DECL, "GenDecl")             /* u.gen_decl                       */ \
    X(N_IMPORT_SPEC, "ImportSpec")       /* u.import_spec                    */ \
    X(N_VALUE_SPEC, "ValueSpec")         /* u.value_spec                     */ \
    X(N_TYPE_SPEC, "TypeSpec")           /* u.type_spec                      */ \
    X(N_FUNC_DECL, "FuncDecl")           /* u.func_decl                      */

typedef enum NodeKind {
#define X(k, s) k,
    NODE_KINDS(X)
#undef X
    N_COUNT
} NodeKind;
extern const char *const node_names[N_COUNT];

typedef struct Node Node;
// An arena-allocated, immutable list of nodes.
typedef struct NodeList {
    Node **v;
    int n;
} NodeList;

// Node.flags
enum {
    NF_DOTS = 1 << 0,        // N_CALL: f(x...); N_FIELD: not used
    NF_SLICE3 = 1 << 1,      // N_SLICE: x[a:b:c]
    NF_ALIAS = 1 << 2,       // N_TYPE_SPEC: type A = B
    NF_GROUPED = 1 << 3,     // N_GEN_DECL: written with parentheses
    NF_IMPLICIT_SEMI = 1 << 4,  // N_EMPTY_STMT: from a newline, not ";"
    NF_BAD = 1 << 5,         // malformed; already reported
    NF_ELIDED = 1 << 6,      // N_COMPOSITE_LIT: elements skipped by a lazy
                             // parse (syn_parse_elided reads them)
};

// Channel directions (N_CHAN_TYPE u.chan.dir).
enum { CHAN_BOTH = 0, CHAN_SEND = 1, CHAN_RECV = 2 };

// Pragma bits gc recognises on declarations (//go:... before a func/type).
enum {
    PRAGMA_NOINLINE = 1 << 0,
    PRAGMA_NOESCAPE = 1 << 1,
    PRAGMA_NOSPLIT = 1 << 2,
    PRAGMA_NORACE = 1 << 3,
    PRAGMA_NOCHECKPTR = 1 << 4,
    PRAGMA_UINTPTRESCAPES = 1 << 5,
    PRAGMA_UINTPTRKEEPALIVE = 1 << 6,
    PRAGMA_SYSTEMSTACK = 1 << 7,
    PRAGMA_NOWRITEBARRIER = 1 << 8,
    PRAGMA_NOWRITEBARRIERREC = 1 << 9,
    PRAGMA_YESWRITEBARRIERREC = 1 << 10,
    PRAGMA_CGO_UNSAFE_ARGS = 1 << 11,
    PRAGMA_REGISTERPARAMS = 1 << 12,
    PRAGMA_NOTINHEAP = 1 << 13,   // types
    PRAGMA_GOBUILD = 1 << 14,     // //go:build: only valid in the file header
};

struct Type;
struct Object;
struct Const;

struct Node {
    uint8_t kind;       // NodeKind
    uint8_t op;         // Op for N_UNARY, N_BINARY, N_INCDEC, N_ASSIGN;
                        // TokKind for N_BRANCH and N_GEN_DECL;
                        // LitKind for N_BASIC_LIT
    uint16_t flags;     // NF_*
    Pos pos;            // gc's position for this node
    struct Type *type;  // set by the type checker; NULL before
    union {
        struct { Str name; struct Object *obj; } ident;
        struct { Node *elt; } ellipsis;           // elt NULL in [...]T
        struct { Str value; struct Const *val; } lit;  // value: source text
        struct { Node *type; Node *body; } func_lit;  // type: N_FUNC_TYPE
        struct { Node *type; NodeList elts; Pos lbrace, rbrace; } composite;
        struct { Node *x; } unary;               // also paren, star, expr stmt, go, defer, incdec
        struct { Node *x; Node *sel; } selector;  // sel: N_IDENT
        struct { Node *x; NodeList indices; } index;
        struct { Node *x, *lo, *hi, *max; } slice;
        struct { Node *x; Node *type; } assert;   // type NULL for x.(type)
        struct { Node *fun; NodeList args; Pos rparen; } call;
        struct { Node *x, *y; } binary;
        struct { Node *key, *value; } key_value;
        struct { Node *len; Node *elt; } array;   // len NULL: slice; N_ELLIPSIS: [...]T
        struct { NodeList list; Pos rbrace; } fields;  // N_FIELD list
        // N_FIELD lists; func: the "func" keyword (go/ast's FuncType.Func),
        // NOPOS for interface methods, whose Node.pos is their "(".
        struct { NodeList tparams, params, results; Pos func; } func_type;
        struct { Node *key, *value; } map;
        struct { int dir; Node *value; } chan;
        // names: N_IDENT list (empty for anonymous/embedded); tag: N_BASIC_LIT
        struct { NodeList names; Node *type; Node *tag; } field;
        struct { Node *decl; } decl_stmt;         // decl: N_GEN_DECL
        struct { Node *label; Node *stmt; } labeled;
        struct { Node *chan, *value; } send;
        // op: OP_NONE for "=", OP_DEF for ":=", else the binary op of "op="
        struct { NodeList lhs, rhs; } assign;
        struct { NodeList list; } list;           // return results
        struct { Node *label; } branch;           // op: TK_BREAK/CONTINUE/GOTO/FALLTHROUGH
        struct { NodeList list; Pos rbrace; } block;
        struct { Node *init, *cond, *then, *els; } if_;  // els: N_IF or N_BLOCK
        struct { NodeList list; NodeList body; Pos colon; } clause;
        struct { Node *comm; NodeList body; Pos colon; } comm;
        // N_SWITCH: tag expression; N_TYPE_SWITCH: tag is the N_ASSIGN
        // (x := y.(type)) or N_EXPR_STMT (y.(type)); body: N_BLOCK of clauses
        struct { Node *init, *tag, *body; } switch_;
        struct { Node *init, *cond, *post, *body; } for_;
        // op: OP_DEF for :=, OP_NONE for = or no key. Node.pos is the
        // "range" keyword (gc's RangeClause, which gc's ORANGE takes);
        // for_ is the "for" keyword, where go/ast's RangeStmt starts.
        // extra: a third iteration variable, which go/ast cannot hold; the
        // type checker reports it as gc's types2 does.
        struct { Node *key, *value, *x, *body; Pos for_; Node *extra; } range;
        // op: TK_IMPORT/CONST/TYPE/VAR
        struct { NodeList specs; Pos lparen, rparen; } gen_decl;
        struct { Node *name; Node *path; } import_spec;  // name NULL if absent
        // iota: index of the spec in its const group; for a const spec
        // with neither type nor values, implicit is set (repeat previous).
        struct { NodeList names; Node *type; NodeList values; int iota; bool implicit; } value_spec;
        struct { Node *name; NodeList tparams; Node *type; uint32_t pragma; } type_spec;
        // recv: N_FIELD list, empty for functions; type: N_FUNC_TYPE
        // (type parameters of a method come from its receiver)
        // lbrace, rbrace: a body skipped by a lazy parse (SynOptions
        // .lazy_bodies) has body NULL and lbrace set; syn_parse_body
        // parses it when it is needed.
        struct { NodeList recv; Node *name; Node *type; Node *body; uint32_t pragma; Pos lbrace, rbrace; } func_decl;
    } u;
};

// A //go:linkname or //go:embed, or any other //go: directive, kept with
// its position for later stages (the loader reads //go:build itself).
typedef struct SynFile {
    SrcFile *src;
    Str path;
    Node *pkg_name;         // N_IDENT
    Pos package_pos;        // position of the "package" keyword
    NodeList decls;         // N_GEN_DECL and N_FUNC_DECL, in source order
    // Every //go: and //line comment, in order. A malloc'd vector: whoever
    // frees the arena frees it too (vec_free), as load_free does.
    VEC(Comment) directives;
    Arena *arena;           // owns the nodes
    // Directive errors gc reports only once type checking has succeeded
    // (noder's pragmaFlags and processPragmas): "misplaced compiler
    // directive" for a flag the declaration that took it does not accept
    // (//go:noinline before a var), "misplaced go:embed directive", and
    // //go:linkname in a file that does not import "unsafe". The driver
    // reports them then; goesc parse does not.
    struct LateError { Pos pos; const char *msg; } *late_errors;
    int nlate_errors;
} SynFile;

// ---- parser.c ----
// Parses one file. Returns the (possibly partial) file; errors go to diags
// in gc's words ("syntax error: unexpected X, expecting Y").
SynFile *syn_parse_file(Str path, const char *text, uint32_t size, Diags *diags, Arena *arena);
// Reads path and parses it. On a read error reports it and returns NULL.
// The options are inferred as cmd/go would set them: std for files under
// $GOROOT/src (GOROOT from the environment, else /usr/lib/go-1.19), the
// runtime flag for cmd/go's runtime packages. lazy: skip the bodies, then
// parse each of them on its own (a test of syn_parse_body).
SynFile *syn_parse_path(Str path, Diags *diags, Arena *arena, bool lazy);

// gc's compiler flags that change which //go: directives are accepted.
// syn_parse_file uses the defaults (all false), as a plain `go tool compile`.
typedef struct SynOptions {
    bool std;               // -std: compiling a standard library package
    bool compiling_runtime; // -+: compiling runtime or a package it needs
    // Skip function bodies, keeping where they are: for a package whose
    // analysis is cached, only the bodies importers inline are needed.
    // Only for source known to parse without errors. The elements of
    // typed composite literals at package level are skipped too: they do
    // not change the literal's type, and importers never read them.
    bool lazy_bodies;
} SynOptions;
// Whether the function declaration fd has a body, parsed or skipped.
bool syn_has_body(Node *fd);
// Parses the body a lazy parse skipped in fd (a declaration of file f),
// sets fd's body and returns it; errors go to d. Returns the body already
// there, if any.
Node *syn_parse_body(SynFile *f, Node *fd, const SynOptions *opts, Diags *d);
// Parses the elements a lazy parse skipped in the composite literal lit
// (NF_ELIDED) of file f, in place.
void syn_parse_elided(SynFile *f, Node *lit, const SynOptions *opts, Diags *d);
SynFile *syn_parse_file_opts(Str path, const char *text, uint32_t size, Diags *diags,
                             Arena *arena, const SynOptions *opts);
// The same for a file whose positions were given out already
// (pos_add_file): its parse may come later than its place in the order.
SynFile *syn_parse_src(SrcFile *src, Str path, Diags *diags, Arena *arena, const SynOptions *opts);

// The parser's state, shared by parser.c (tokens, errors, files and
// declarations), pragma.c (//go: directives), parse_expr.c (expressions
// and types) and parse_stmt.c (statements). Only those files look inside.
typedef struct ParamItem {  // one parameter while a parameter list is built
    Node *name;             // N_IDENT or NULL
    Node *type;             // NULL while the type comes from a later item
    Pos pos;                // gc's Field position
    bool explicit_type;     // the type was written after this name
} ParamItem;

typedef struct Parser {
    Lexer lx;               // lx.tok is the current token
    Diags *diags;
    Arena *arena;
    SynFile *file;
    int err_base;           // diags->nerrors when this file started
    int fnest;              // function nesting, for error recovery
    int xnest;              // expression nesting; < 0 in statement headers
    int depth;              // recursion depth, against runaway nesting
    bool dead;              // nesting limit hit: the rest reads as EOF
    SynOptions opts;
    VEC(struct LateError) late;  // becomes file->late_errors
    VEC(Pos) linknames;     // //go:linkname directives, checked at the end
    Str last_syn_file;      // gc keeps one syntax error per line
    int last_syn_line;
    int filtered;           // syntax errors dropped by that rule
    int other_errs;         // errors gc's parser does not count as its own
                            // (directive and branch checks report them
                            // directly), so they do not suppress others
    // Directives seen since the last declaration (gc's Pragma).
    uint32_t prag_flags;
    VEC(struct PragPos { uint32_t flag; Pos pos; }) prag_pos;
    VEC(Pos) prag_embeds;
    bool prag_any;
    Arena scratch;          // for syn_check_branches
    // Scratch stacks for building node lists without allocating per list.
    VEC(Node *) stk;
    VEC(ParamItem) params;
} Parser;

// parser.c
void ps_next(Parser *p);
bool ps_got(Parser *p, TokKind t);
void ps_want(Parser *p, TokKind t);
void ps_syntax_error_at(Parser *p, Pos pos, const char *msg);
void ps_syntax_error(Parser *p, const char *msg);
void ps_error_at(Parser *p, Pos pos, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void ps_advance(Parser *p, uint64_t followset);  // 0: skip one token
#define TKSET(t) ((uint64_t)1 << (t))
bool ps_enter(Parser *p);   // false when nesting is too deep
int ps_error_count(Parser *p);  // gc's p.errcnt: the parser's own errors
#define ps_leave(p) ((p)->depth--)
void ps_push(Parser *p, Node *n);
NodeList ps_pop_list(Parser *p, int base);
Node *ps_gen_decl(Parser *p, TokKind keyword, Pos kwpos);  // after the keyword
// gc's list: elements parsed by f until close; returns close's position.
Pos ps_list(Parser *p, const char *context, TokKind sep, TokKind close,
            bool (*f)(Parser *, void *), void *ctx);
Node *ps_new(Parser *p, NodeKind k, Pos pos);
Node *ps_name(Parser *p);
Node *ps_bad_expr(Parser *p);
// pragma.c
void ps_handle_directives(Parser *p);  // the lexer's pending directives
void ps_reset_pragma(Parser *p);
void ps_clear_pragma(Parser *p);       // report what nothing took
// Takes the pending directives for a declaration that accepts the flags in
// allowed (and //go:embed if embeds_ok: var declarations); the others go
// to file->late_errors. Returns the accepted flags.
uint32_t ps_take_pragma(Parser *p, uint32_t allowed, bool embeds_ok);
void ps_late_error(Parser *p, Pos pos, const char *msg);
void ps_finish_pragmas(Parser *p);  // after the last declaration
// parse_expr.c
Node *ps_expr(Parser *p);
Node *ps_binary_expr(Parser *p, Node *x, int prec);
Node *ps_unary_expr(Parser *p);
Node *ps_pexpr(Parser *p, Node *x, bool keep_parens);
int ps_expr_list(Parser *p);        // pushes the expressions; returns count
Node *ps_type(Parser *p);
Node *ps_type_or_nil(Parser *p);
Node *ps_oliteral(Parser *p);
Node *ps_qualified_name(Parser *p, Node *name);
Node *ps_array_type(Parser *p, Pos pos, Node *len);
Node *ps_slice_type(Parser *p, Pos pos);
// Parses the rest of a parameter list up to close; name/type may hold an
// already parsed first parameter. Returns the N_FIELD list, grouped as
// go/ast groups "a, b int".
NodeList ps_param_list(Parser *p, Node *name, Node *type, TokKind close,
                       bool require_names, int *count);  // count: gc's (ungrouped) count
Node *ps_func_type(Parser *p, const char *context, Pos func_kw);
Node *ps_func_body(Parser *p);
Node *ps_literal_value(Parser *p);   // "{" elements "}": an N_COMPOSITE_LIT without type
bool ps_is_type_elem(Node *x);
// parse_stmt.c
Node *ps_block_stmt(Parser *p, const char *context);
// printer.c: gc's syntax.String in short form, for messages.
void syn_print_node(Buf *b, Node *n);
// branches.c: gc's checks of labels, goto, break and continue in a body.
// scratch holds the walk's bookkeeping and is reset before returning.
void syn_check_branches(Node *body, Diags *diags, Arena *scratch);

// ---- ast.c ----
// Allocates only the header plus the union member the kind uses (most nodes
// are identifiers), so a Node must never be accessed through another kind's
// member or copied by value.
Node *syn_new_node(Arena *a, NodeKind kind, Pos pos);
NodeList syn_list(Arena *a, Node **v, int n);  // copies v into the arena
// go/ast's Pos(): the first byte of the node's source text.
Pos syn_start_pos(Node *n);
// n without enclosing parentheses (NULL stays NULL).
Node *syn_unparen(Node *n);

// ---- inspect.c ----
// go/ast's Inspect: f(ctx, n), then n's children in source order when f
// returns true.
void syn_inspect(Node *n, bool (*f)(void *ctx, Node *n), void *ctx);

// ---- dump.c ----
// Prints the AST in the stable text form shared with tests/oracle.
void syn_dump(Buf *out, SynFile *f);

#endif
