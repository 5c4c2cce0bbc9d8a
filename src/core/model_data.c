/* A typed model's data file (--data FILE.csv) from its text: the header
 * t,y or x1,x2,y, then rows of numbers, every error as FILE:LINE: reason.
 * No file I/O here (src/io/text_file.h reads the file). */
#include "core/model.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* The line [s, end) without blanks at either end, as [*from, *to). */
static void trim(const char *s, const char *end, const char **from, const char **to)
{
    while (s < end && is_blank(*s))
        s++;
    while (end > s && is_blank(end[-1]))
        end--;
    *from = s, *to = end;
}

/* Splits [s, end) at commas into at most max trimmed fields; returns the
 * number of fields (max + 1 when there are more). */
static int split(const char *s, const char *end, const char **from, const char **to, int max)
{
    int k = 0;
    for (;;) {
        const char *comma = memchr(s, ',', (size_t)(end - s));
        const char *stop = comma ? comma : end;
        if (k == max)
            return max + 1;
        trim(s, stop, &from[k], &to[k]);
        k++;
        if (!comma)
            return k;
        s = comma + 1;
    }
}

static bool field_is(const char *from, const char *to, const char *name)
{
    return (size_t)(to - from) == strlen(name) && strncmp(from, name, (size_t)(to - from)) == 0;
}

/* The finite number [from, to) into *v; false when it is not one. */
static bool parse_number(const char *from, const char *to, double *v)
{
    char buf[64];
    size_t len = (size_t)(to - from);
    if (len == 0 || len >= sizeof buf)
        return false;
    memcpy(buf, from, len);
    buf[len] = '\0';
    /* Decimal only, as the command line's numbers: strtod would also take
     * hexadecimal (0x10) and "infinity". */
    for (size_t i = 0; i < len; i++)
        if (!strchr("0123456789+-.eE", buf[i]))
            return false;
    char *stop = NULL;
    *v = strtod(buf, &stop);
    return stop == buf + len && isfinite(*v);
}

bool ov_model_data_parse(const char *text, const char *filename, ov_model_data *out, char *err,
                         size_t cap)
{
    static const char *const cols1[] = {"t", "y"};
    static const char *const cols2[] = {"x1", "x2", "y"};
    const char *file = filename ? filename : "data";
    memset(out, 0, sizeof *out);
    int line = 0, ncols = 0;
    const char *const *cols = NULL;
    const char *s = text ? text : "";
    /* A byte-order mark (spreadsheets write one in "CSV UTF-8") is not
     * part of the header. */
    if ((unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB && (unsigned char)s[2] == 0xBF)
        s += 3;
    while (*s) {
        const char *nl = strchr(s, '\n');
        const char *end = nl ? nl : s + strlen(s);
        line++;
        const char *from, *to;
        trim(s, end, &from, &to);
        s = nl ? nl + 1 : end;
        if (from == to || *from == '#')
            continue;
        const char *f0[4], *f1[4];
        int k = split(from, to, f0, f1, 3);
        if (!cols) {
            if (k == 2 && field_is(f0[0], f1[0], "t") && field_is(f0[1], f1[1], "y")) {
                cols = cols1, ncols = 2;
            } else if (k == 3 && field_is(f0[0], f1[0], "x1") && field_is(f0[1], f1[1], "x2") &&
                       field_is(f0[2], f1[2], "y")) {
                cols = cols2, ncols = 3;
            } else {
                snprintf(err, cap, "%s:%d: the header must be t,y or x1,x2,y (found '%.*s')",
                         file, line, (int)(to - from > 60 ? 60 : to - from), from);
                return false;
            }
            out->ninputs = ncols - 1;
            continue;
        }
        if (k != ncols) {
            snprintf(err, cap, "%s:%d: expected %d values (%s), found %s%d", file, line, ncols,
                     ncols == 2 ? "t,y" : "x1,x2,y", k > 3 ? "more than " : "", k > 3 ? 3 : k);
            return false;
        }
        if (out->nrows == OV_MODEL_MAX_ROWS) {
            snprintf(err, cap, "%s:%d: too many rows (at most %d)", file, line, OV_MODEL_MAX_ROWS);
            return false;
        }
        double v[3];
        for (int c = 0; c < ncols; c++)
            if (!parse_number(f0[c], f1[c], &v[c])) {
                snprintf(err, cap, "%s:%d: %s = '%.*s' is not a finite number", file, line,
                         cols[c], (int)(f1[c] - f0[c] > 40 ? 40 : f1[c] - f0[c]), f0[c]);
                return false;
            }
        out->in[out->nrows][0] = v[0];
        out->in[out->nrows][1] = ncols == 3 ? v[1] : 0.0;
        out->y[out->nrows] = v[ncols - 1];
        out->nrows++;
    }
    if (!cols) {
        snprintf(err, cap, "%s:%d: empty file (expected a header t,y or x1,x2,y, then rows)", file,
                 line > 0 ? line : 1);
        return false;
    }
    if (out->nrows == 0) {
        snprintf(err, cap, "%s:%d: no data rows after the header", file, line);
        return false;
    }
    return true;
}
