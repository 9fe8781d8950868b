// path.c: lexical path cleaning, as Go's filepath.Clean does it (no
// symlinks are resolved: cmd/go reports paths the way the user spelled
// them).
#include <stdlib.h>
#include <string.h>

#include "base.h"

char *path_clean(const char *p) {
    bool abs = p[0] == '/';
    Buf b = {0};
    // where each kept element starts in b, to drop it on ".."
    size_t *starts = xmalloc(sizeof *starts * (strlen(p) + 1));
    int n = 0, ndots = 0;   // elements kept, of which leading ".."
    for (const char *s = p; *s;) {
        while (*s == '/')
            s++;
        const char *e = s;
        while (*e && *e != '/')
            e++;
        size_t len = (size_t)(e - s);
        if (len == 0 || (len == 1 && s[0] == '.')) {
            // skip
        } else if (len == 2 && s[0] == '.' && s[1] == '.' && n > ndots) {
            b.len = starts[--n];
        } else if (len == 2 && s[0] == '.' && s[1] == '.' && abs) {
            // "/.." is "/"
        } else {
            if (len == 2 && s[0] == '.' && s[1] == '.')
                ndots++;
            starts[n++] = b.len;
            if (b.len || abs)
                buf_putc(&b, '/');
            buf_put(&b, s, len);
        }
        s = e;
    }
    free(starts);
    if (b.len == 0)
        buf_puts(&b, abs ? "/" : ".");
    char *r = xstrdup(buf_cstr(&b));
    buf_free(&b);
    return r;
}
