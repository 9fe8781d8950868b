// goheader_test.c: the fast recogniser of src/types/goheader.c against
// its full check, on every .go file under a directory (GOROOT/src) and
// on random mutants of their headers. types_go_header_error must give the
// full check's answer on every input; the recogniser only decides the
// headers it can prove free of errors. Prints "ok NAME" or "FAIL NAME:
// why", NAME prefixed by argv[1] (the plain and ASan builds report apart).
//
// Usage: goheader_test PREFIX DIR [MUTANTS [SEED]]; MUTANTS 0 or absent:
// 300,000, or 60,000 in a sanitizer build.
//
// The file is included, not linked: full_check and fast_ok are static,
// and the header exports only what other stages call.
#include <ftw.h>

#include "../../src/types/goheader.c"

static const char *prefix = "";

typedef struct Corpus {
    VEC(char *) texts;
    VEC(size_t) sizes;
} Corpus;

static Corpus corpus;

static int add_file(const char *path, const struct stat *st, int type, struct FTW *ftw) {
    (void)st;
    (void)ftw;
    size_t len = strlen(path);
    if (type != FTW_F || len < 3 || strcmp(path + len - 3, ".go") != 0)
        return 0;
    size_t n;
    char *text = read_whole_file(path, &n);
    if (text) {
        vec_push(&corpus.texts, text);
        vec_push(&corpus.sizes, n);
    }
    return 0;
}

static uint64_t rng;

static uint64_t rnd(void) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static size_t rnd_below(size_t n) { return n ? (size_t)(rnd() % n) : 0; }

// What a mutation writes: bytes and tokens where the two readers of a
// header differ, or where go/parser's semicolon rules bite.
static const char *const pieces[] = {
    " ", "\t", "\n", "\r", "\f", "\v", ";", "/", "*", "//", "/*", "*/", "\"", "`", "\\", "(", ")", ".",
    "..", "_", "a", "Z", "0", "9", "'", "\x80", "\xc3\xa9", "\xef\xbb\xbf", "@", "#", ",", "{", "}",
    "import", "package", "func", "type", "break", "go", "imports", "i", "p", "\"fmt\"", "`fmt`",
    "\"a b\"", "\"\"", "x ", ". ", "_ ", "\n)", "(\n", "//go:build x\n", "/* c\n */", "/* c */", "\0",
};

// A copy of text with 1 to 4 edits, most of them near the package
// clause, where the tokens are. The text is cut some way after its
// header: a broken header sends both checks over the whole file.
static char *mutate(const char *text, size_t n, size_t *outn) {
    size_t ext = header_extent(text, n);
    if (n > ext + 512)
        n = ext + 512;
    Buf b = {0};
    buf_put(&b, text, n);
    const char *pk = memmem(text, n, "package", 7);
    size_t from = pk ? (size_t)(pk - text) : 0;
    int edits = 1 + (int)rnd_below(4);
    for (int i = 0; i < edits; i++) {
        size_t hi = ext + 16 < b.len ? ext + 16 : b.len;
        size_t at = rnd() & 1 && hi > from ? from + rnd_below(hi - from + 1) : rnd_below(b.len + 1);
        if (at > b.len)
            at = b.len;
        int op = (int)rnd_below(5);
        if (op == 4) {
            // the semicolon rules: the next newline of the header made
            // a piece
            const char *nl = at < hi ? memchr(b.data + at, '\n', hi - at) : NULL;
            if (nl)
                at = (size_t)(nl - b.data);
            op = 3;
        }
        if (op == 0 && at < b.len) {
            // delete a few bytes
            size_t k = 1 + rnd_below(4);
            if (at + k > b.len)
                k = b.len - at;
            memmove(b.data + at, b.data + at + k, b.len - at - k);
            b.len -= k;
        } else if (op == 1) {
            // cut the file here
            b.len = at;
        } else {
            // insert (or, op 3, overwrite with) a piece
            const char *p = pieces[rnd_below(sizeof pieces / sizeof *pieces)];
            size_t k = *p ? strlen(p) : 1;
            size_t drop = op == 3 && at < b.len ? 1 : 0;
            Buf nb = {0};
            buf_put(&nb, b.data, at);
            buf_put(&nb, p, k);
            buf_put(&nb, b.data + at + drop, b.len - at - drop);
            buf_free(&b);
            b = nb;
        }
    }
    // NUL-terminated, as the loader's texts are
    *outn = b.len;
    buf_putc(&b, 0);
    return b.data;
}

static void show(const char *text, size_t n) {
    printf("  input (%zu bytes, C escapes): \"", n);
    for (size_t i = 0; i < n && i < 400; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '\n')
            printf("\\n");
        else if (c == '"' || c == '\\')
            printf("\\%c", c);
        else if (c < ' ' || c >= 0x7f)
            printf("\\x%02x\"\"", c);
        else
            putchar(c);
    }
    printf("%s\"\n", n > 400 ? "..." : "");
}

// One input: the answers must be equal (both NULL, or the same interned
// string). Returns whether the fast path decided it.
static bool check(const char *name, const char *text, size_t n, int *nfail) {
    Str want = full_check(text, n), got = types_go_header_error(text, n);
    if (want != got) {
        if (*nfail < 5) {
            printf("FAIL %s%s: fast %s, full check %s\n", prefix, name, got ? got : "no error",
                   want ? want : "no error");
            show(text, n);
        }
        (*nfail)++;
    }
    return fast_ok(text, n);
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: goheader_test PREFIX DIR [MUTANTS [SEED]]\n");
        return 2;
    }
    prefix = argv[1];
    long mutants = argc > 3 ? atol(argv[3]) : 0;
    if (mutants <= 0) {
        mutants = 300000;
#ifdef __SANITIZE_ADDRESS__
        mutants = 60000;
#endif
    }
    rng = argc > 4 ? strtoull(argv[4], NULL, 10) : 0x9e3779b97f4a7c15ull;
    if (!rng)
        rng = 1;
    if (nftw(argv[2], add_file, 16, FTW_PHYS) != 0 || corpus.texts.len == 0) {
        printf("FAIL %sheader-corpus: no .go files under %s\n", prefix, argv[2]);
        return 1;
    }

    // the real files: equal answers, and nearly all decided fast (the
    // point of the recogniser; the rest are the odd headers of test data)
    int nfail = 0, nfast = 0, nfiles = corpus.texts.len;
    for (int i = 0; i < nfiles; i++)
        nfast += check("header-files", corpus.texts.data[i], corpus.sizes.data[i], &nfail);
    if (!nfail)
        printf("ok %sheader-files (%d files)\n", prefix, nfiles);
    if (nfast * 100L >= nfiles * 98L)
        printf("ok %sheader-files-fast (%d of %d decided by the recogniser)\n", prefix, nfast, nfiles);
    else
        printf("FAIL %sheader-files-fast: only %d of %d decided by the recogniser\n", prefix, nfast, nfiles);

    // the mutants: equal answers; how many the recogniser decided is
    // only shown, as a sign that they reach both sides
    int mfail = 0;
    long mfast = 0;
    for (long i = 0; i < mutants; i++) {
        int f = (int)rnd_below((size_t)nfiles);
        size_t n;
        char *text = mutate(corpus.texts.data[f], corpus.sizes.data[f], &n);
        mfast += check("header-mutants", text, n, &mfail);
        free(text);
    }
    if (!mfail)
        printf("ok %sheader-mutants (%ld mutants, %ld decided by the recogniser)\n", prefix, mutants, mfast);
    else
        printf("FAIL %sheader-mutants: %d of %ld differ\n", prefix, mfail, mutants);

    for (int i = 0; i < nfiles; i++)
        free(corpus.texts.data[i]);
    vec_free(&corpus.texts);
    vec_free(&corpus.sizes);
    return nfail || mfail;
}
