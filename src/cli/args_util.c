/* Low-level pieces of the argument parser: strict number parsing, quoting a
 * user's value safely in a one-line message, and "did you mean" suggestions
 * by edit distance. */
#include "args.h"
#include "args_internal.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* True when text[0..len) reads as nan/inf/infinity with an optional sign. */
static bool is_nonfinite_word(const char *text, size_t len)
{
    if (len > 0 && (text[0] == '+' || text[0] == '-')) {
        text++;
        len--;
    }
    static const char *const words[] = {"nan", "inf", "infinity"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t n = strlen(words[i]);
        bool same = len == n;
        for (size_t k = 0; same && k < n; k++)
            same = tolower((unsigned char)text[k]) == words[i][k];
        if (same)
            return true;
    }
    return false;
}

ov_num_status ov_args_number(const char *text, size_t len, double *out)
{
    if (len == 0)
        return OV_NUM_EMPTY;
    if (is_nonfinite_word(text, len))
        return OV_NUM_NOT_FINITE;
    size_t i = 0;
    if (text[i] == '+' || text[i] == '-')
        i++;
    size_t mantissa = 0;
    while (i < len && is_digit(text[i])) {
        i++;
        mantissa++;
    }
    if (i < len && text[i] == '.') {
        i++;
        while (i < len && is_digit(text[i])) {
            i++;
            mantissa++;
        }
    }
    if (mantissa == 0)
        return OV_NUM_NOT_NUMBER;
    if (i < len && (text[i] == 'e' || text[i] == 'E')) {
        i++;
        if (i < len && (text[i] == '+' || text[i] == '-'))
            i++;
        size_t exp_digits = 0;
        while (i < len && is_digit(text[i])) {
            i++;
            exp_digits++;
        }
        if (exp_digits == 0)
            return OV_NUM_NOT_NUMBER;
    }
    if (i != len)
        return OV_NUM_NOT_NUMBER;

    /* The grammar above is a subset of strtod's, so strtod consumes it all. */
    char buf[128];
    char *copy = len < sizeof buf ? buf : malloc(len + 1);
    if (!copy)
        return OV_NUM_OVERFLOW;
    memcpy(copy, text, len);
    copy[len] = 0;
    errno = 0;
    char *end = NULL;
    double v = strtod(copy, &end);
    bool consumed = end == copy + len;
    bool overflow = errno == ERANGE && fabs(v) == HUGE_VAL;
    if (copy != buf)
        free(copy);
    if (!consumed)
        return OV_NUM_NOT_NUMBER;
    if (overflow || !isfinite(v))
        return OV_NUM_OVERFLOW;
    *out = v;
    return OV_NUM_OK;
}

bool ov_args_strict_double(const char *text, double *out)
{
    return text && ov_args_number(text, strlen(text), out) == OV_NUM_OK;
}

ov_num_status ov_args_uint(const char *text, size_t len, long limit, long *out)
{
    if (len == 0)
        return OV_NUM_EMPTY;
    long v = 0;
    bool over = false;
    for (size_t i = 0; i < len; i++) {
        if (!is_digit(text[i]))
            return OV_NUM_NOT_NUMBER;
        if (!over) {
            v = v * 10 + (text[i] - '0');
            over = v > limit;
        }
    }
    if (over)
        return OV_NUM_OVERFLOW;
    *out = v;
    return OV_NUM_OK;
}

char *ov_args_echo(const char *text, size_t len, char *buf, size_t cap)
{
    if (cap == 0)
        return buf;
    bool cut = len > OV_ARGS_ECHO_MAX;
    size_t n = cut ? OV_ARGS_ECHO_MAX : len;
    /* Do not split a UTF-8 sequence: back up over continuation bytes. */
    while (cut && n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
        n--;
    if (n + 4 > cap)
        n = cap > 4 ? cap - 4 : 0;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)text[i];
        buf[o++] = (c < 0x20 || c == 0x7f) ? '?' : (char)c;
    }
    if (cut && o + 3 < cap) {
        memcpy(buf + o, "...", 3);
        o += 3;
    }
    buf[o] = 0;
    return buf;
}

int ov_args_distance(const char *a, size_t alen, const char *b)
{
    enum { MAXLEN = 64 };
    size_t blen = strlen(b);
    if (alen > MAXLEN || blen > MAXLEN)
        return 1 << 20;
    int rows[3][MAXLEN + 1];
    int *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
    for (size_t j = 0; j <= blen; j++)
        prev[j] = (int)j;
    for (size_t i = 1; i <= alen; i++) {
        cur[0] = (int)i;
        for (size_t j = 1; j <= blen; j++) {
            char ca = (char)tolower((unsigned char)a[i - 1]);
            char cb = (char)tolower((unsigned char)b[j - 1]);
            int cost = ca != cb;
            int best = prev[j] + 1;
            if (cur[j - 1] + 1 < best)
                best = cur[j - 1] + 1;
            if (prev[j - 1] + cost < best)
                best = prev[j - 1] + cost;
            if (i > 1 && j > 1 && ca == (char)tolower((unsigned char)b[j - 2]) &&
                (char)tolower((unsigned char)a[i - 2]) == cb &&
                prev2[j - 2] + 1 < best)
                best = prev2[j - 2] + 1;
            cur[j] = best;
        }
        int *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    return prev[blen];
}

const char *ov_args_closest(const char *text, size_t len,
                            const char *const *candidates, int n)
{
    const char *best = NULL;
    int best_d = 0;
    for (int i = 0; i < n; i++) {
        int d = ov_args_distance(text, len, candidates[i]);
        if (!best || d < best_d) {
            best = candidates[i];
            best_d = d;
        }
    }
    /* A likely typo: a third of the letters wrong at most (at least 1, at
     * most 3 edits). */
    int allowed = (int)(len / 3);
    if (allowed < 1)
        allowed = 1;
    if (allowed > 3)
        allowed = 3;
    return best && best_d <= allowed ? best : NULL;
}

int ov_args_fail(char *err, size_t cap, const char *fmt, ...)
{
    if (err && cap > 0) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(err, cap, fmt, ap);
        va_end(ap);
        if (n < 0)
            snprintf(err, cap, "invalid arguments");
    }
    return 2;
}

const char *ov_args_status_text(ov_num_status st)
{
    switch (st) {
    case OV_NUM_OK:
        break;
    case OV_NUM_EMPTY:
        return "is empty";
    case OV_NUM_NOT_NUMBER:
        return "is not a number";
    case OV_NUM_NOT_FINITE:
        return "is not a finite number";
    case OV_NUM_OVERFLOW:
        return "is out of range";
    }
    return "is out of range";
}

int ov_args_number_in(const char *opt, const char *value, const char *accepts, double lo,
                      bool lo_open, double hi, bool hi_open, double *out, char *err,
                      size_t cap)
{
    char echo[96];
    double v = 0.0;
    ov_num_status st = ov_args_number(value, strlen(value), &v);
    if (st == OV_NUM_OK && ((lo_open ? v <= lo : v < lo) || (hi_open ? v >= hi : v > hi)))
        st = OV_NUM_OVERFLOW;
    if (st != OV_NUM_OK)
        return ov_args_fail(err, cap, "%s: '%s' %s; expected %s", opt,
                            ov_args_echo(value, strlen(value), echo, sizeof echo),
                            ov_args_status_text(st), accepts);
    *out = v;
    return 0;
}

int ov_args_int_in(const char *opt, const char *value, long lo, long hi, long *out,
                   char *err, size_t cap)
{
    char echo[96];
    long v = 0;
    ov_num_status st = ov_args_uint(value, strlen(value), hi, &v);
    if (st == OV_NUM_NOT_NUMBER) {
        /* "-5" is a number, just out of range; "2.5" or "1e3" are not integers. */
        double d;
        if (ov_args_number(value, strlen(value), &d) == OV_NUM_OK && d == floor(d) &&
            d < (double)lo)
            st = OV_NUM_OVERFLOW;
    }
    if (st == OV_NUM_OK && v < lo)
        st = OV_NUM_OVERFLOW;
    if (st != OV_NUM_OK)
        return ov_args_fail(err, cap, "%s: '%s' %s; expected an integer from %ld to %ld",
                            opt, ov_args_echo(value, strlen(value), echo, sizeof echo),
                            st == OV_NUM_NOT_NUMBER ? "is not an integer"
                                                    : ov_args_status_text(st),
                            lo, hi);
    *out = v;
    return 0;
}
