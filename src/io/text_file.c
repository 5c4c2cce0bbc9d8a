/* Reading a small text file whole, checked at every step (text_file.h). */
#include "io/text_file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *ov_io_read_text(const char *path, size_t max_bytes, char *err, size_t cap)
{
    FILE *f = path && *path ? fopen(path, "rb") : NULL;
    if (!f) {
        snprintf(err, cap, "cannot read '%s': %s", path ? path : "",
                 path && *path ? strerror(errno) : "no file name");
        return NULL;
    }
    char *buf = malloc(max_bytes + 1);
    size_t n = buf ? fread(buf, 1, max_bytes + 1, f) : 0;
    const char *why = !buf ? "out of memory" : ferror(f) ? strerror(errno) : NULL;
    if (fclose(f) != 0 && !why)
        why = "close failed";
    char big[64];
    if (!why && n > max_bytes) {
        snprintf(big, sizeof big, "larger than %zu bytes", max_bytes);
        why = big;
    }
    if (!why && memchr(buf, 0, n))
        why = "contains a NUL byte (not a text file)";
    if (why) {
        snprintf(err, cap, "cannot read '%s': %s", path, why);
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    return buf;
}
