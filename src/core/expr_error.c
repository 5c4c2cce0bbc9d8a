/* Expression engine, part 5: the human-readable report of a parse error
 * (message, the source line around the column, a caret under it). */
#include "expr.h"

#include <stdio.h>
#include <string.h>

char *ov_expr_format_error(const char *prefix, const char *src, const ov_expr_error *err,
                           char *buf, size_t cap)
{
    if (!buf || cap == 0)
        return buf;
    buf[0] = '\0';
    if (!err)
        return buf;
    if (!src)
        src = "";
    size_t n = 0;
    if (prefix && *prefix)
        n = (size_t)snprintf(buf, cap, "%s: ", prefix);
    if (n >= cap)
        return buf;
    if (err->column > 0)
        n += (size_t)snprintf(buf + n, cap - n, "%s at column %d\n", err->message, err->column);
    else
        n += (size_t)snprintf(buf + n, cap - n, "%s\n", err->message);
    if (n >= cap)
        return buf;

    /* Echo at most a window of the source around the column, so a very long
     * formula still gives a readable two lines. */
    size_t len = strnlen(src, 1u << 20);
    size_t col = err->column > 0 ? (size_t)err->column - 1 : 0;
    if (col > len)
        col = len;
    size_t from = 0, to = len;
    const size_t window = 60;
    if (col > window)
        from = col - window;
    if (to - col > window)
        to = col + window;
    const char *lead = from > 0 ? "..." : "";
    const char *tail = to < len ? "..." : "";
    n += (size_t)snprintf(buf + n, cap - n, "  %s", lead);
    size_t caret = strlen(lead);
    for (size_t i = from; i < to && n + 1 < cap; i++) {
        unsigned char c = (unsigned char)src[i];
        buf[n++] = (c < 0x20 || c == 0x7f) ? ' ' : (char)c;
        /* UTF-8 continuation bytes share their character's column. */
        if (i < col && (c & 0xC0) != 0x80)
            caret++;
    }
    if (n >= cap) {
        buf[cap - 1] = '\0';
        return buf;
    }
    buf[n] = '\0';
    n += (size_t)snprintf(buf + n, cap - n, "%s\n  ", tail);
    for (size_t i = 0; i < caret && n + 1 < cap; i++)
        buf[n++] = ' ';
    if (n < cap)
        buf[n] = '\0';
    if (n + 1 < cap)
        snprintf(buf + n, cap - n, "^");
    return buf;
}
