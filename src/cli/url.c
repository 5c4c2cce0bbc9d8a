/* The scene in a URL: query string -> argv for the command-line parser, and
 * a command line -> query string with every reserved character
 * percent-encoded (see url.h). */
#include "url.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args_internal.h"

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

long ov_url_decode(const char *text, size_t len, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] != '%') {
            out[o++] = text[i];
            continue;
        }
        int hi = i + 1 < len ? hex_value(text[i + 1]) : -1;
        int lo = i + 2 < len ? hex_value(text[i + 2]) : -1;
        if (hi < 0 || lo < 0 || (hi == 0 && lo == 0))
            return -1;
        out[o++] = (char)(hi * 16 + lo);
        i += 2;
    }
    out[o] = '\0';
    return (long)o;
}

static bool unreserved(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '.' || c == '_' || c == '~';
}

long ov_url_encode(const char *text, char *out, size_t cap)
{
    static const char digits[] = "0123456789ABCDEF";
    size_t o = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        size_t need = unreserved(*p) ? 1 : 3;
        if (o + need >= cap) {
            if (cap)
                out[0] = '\0';
            return -1;
        }
        if (need == 1) {
            out[o++] = (char)*p;
        } else {
            out[o++] = '%';
            out[o++] = digits[*p >> 4];
            out[o++] = digits[*p & 15];
        }
    }
    if (o >= cap)
        return -1;
    out[o] = '\0';
    return (long)o;
}

/* The command line's option named name (without "--"), len bytes; NULL
 * when there is none. */
static const ov_option *find_option(const char *name, size_t len)
{
    for (int i = 0; i < ov_args_noptions; i++) {
        const char *n = ov_args_options[i].name + 2;
        if (strlen(n) == len && strncmp(n, name, len) == 0)
            return &ov_args_options[i];
    }
    return NULL;
}

void ov_url_args_free(ov_url_args *args)
{
    free(args->argv);
    args->argv = NULL;
    args->argc = 0;
}

/* Quotes len bytes of a URL piece into buf for a message. */
static const char *echo(const char *text, size_t len, char *buf, size_t cap)
{
    return ov_args_echo(text, len, buf, cap);
}

bool ov_url_to_args(const char *query, ov_url_args *args, char *err, size_t cap)
{
    args->argc = 0;
    args->argv = NULL;
    if (!query)
        query = "";
    if (*query == '?')
        query++;
    size_t len = strlen(query);
    size_t pieces = 1;
    for (const char *p = query; *p; p++)
        pieces += *p == '&';
    /* Pointers for the program's name, two words per piece and the NULL;
     * then the words: each piece's bytes, "--" and two NULs at most. */
    static const char prog[] = "optiviz";
    size_t nptr = 2 * pieces + 2;
    size_t room = sizeof prog + len + 4 * pieces;
    char **argv = malloc(nptr * sizeof *argv + room);
    if (!argv) {
        snprintf(err, cap, "out of memory reading the URL");
        return false;
    }
    char *w = (char *)(argv + nptr);
    int argc = 0;
    memcpy(w, prog, sizeof prog);
    argv[argc++] = w;
    w += sizeof prog;
    char buf[96];
    for (const char *p = query; *p;) {
        const char *end = strchr(p, '&');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        const char *eq = memchr(p, '=', n);
        size_t klen = eq ? (size_t)(eq - p) : n;
        if (n == 0) {
            p = end ? end + 1 : p + n;
            continue;
        }
        /* The key, decoded after "--". */
        w[0] = '-';
        w[1] = '-';
        long kl = ov_url_decode(p, klen, w + 2);
        if (kl < 0 || kl == 0) {
            snprintf(err, cap, "in the URL, '%s': %s", echo(p, n, buf, sizeof buf),
                     kl < 0 ? "a '%' must be followed by two hex digits (and not be %00)"
                            : "no option name before '='");
            free(argv);
            return false;
        }
        char *key = w;
        w += (size_t)kl + 3;
        char *value = NULL;
        if (eq) {
            long vl = ov_url_decode(eq + 1, n - klen - 1, w);
            if (vl < 0) {
                snprintf(err, cap, "in the URL, '%s': a '%%' must be followed by two hex "
                         "digits (and not be %%00)", echo(p, n, buf, sizeof buf));
                free(argv);
                return false;
            }
            value = w;
            w += (size_t)vl + 1;
        }
        const ov_option *opt = find_option(key + 2, (size_t)kl);
        if (opt && !opt->takes_value) {
            /* A flag: "key", "key=1" give it, "key=0" leaves it out. */
            if (value && strcmp(value, "1") != 0 && strcmp(value, "0") != 0) {
                snprintf(err, cap, "%s takes no value: in a URL write %s=1 (or leave it out), "
                         "not '%s'", key, key + 2,
                         echo(value, strlen(value), buf, sizeof buf));
                free(argv);
                return false;
            }
            if (!value || strcmp(value, "1") == 0)
                argv[argc++] = key;
        } else {
            argv[argc++] = key;
            if (value)
                argv[argc++] = value;
        }
        p = end ? end + 1 : p + n;
    }
    argv[argc] = NULL;
    args->argc = argc;
    args->argv = argv;
    return true;
}

/* Appends s to out at *o; false when it does not fit. */
static bool append(char *out, size_t cap, size_t *o, const char *s, bool encode)
{
    if (*o >= cap)
        return false;
    long n;
    if (encode) {
        n = ov_url_encode(s, out + *o, cap - *o);
    } else {
        n = (long)strlen(s);
        if (*o + (size_t)n >= cap)
            n = -1;
        else
            memcpy(out + *o, s, (size_t)n + 1);
    }
    if (n < 0)
        return false;
    *o += (size_t)n;
    return true;
}

long ov_url_from_argv(int argc, const char *const *argv, char *out, size_t cap)
{
    size_t o = 0;
    if (cap)
        out[0] = '\0';
    if (!append(out, cap, &o, "?", false))
        return -1;
    char key[256];
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strncmp(a, "--", 2) != 0 || !a[2])
            goto fail;
        const char *eq = strchr(a, '=');
        size_t klen = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
        if (klen == 0 || klen >= sizeof key)
            goto fail;
        memcpy(key, a + 2, klen);
        key[klen] = '\0';
        const char *value = eq ? eq + 1 : NULL;
        const ov_option *opt = find_option(key, klen);
        if (!value && i + 1 < argc &&
            (opt ? opt->takes_value : strncmp(argv[i + 1], "--", 2) != 0))
            value = argv[++i];
        if (!value && opt && opt->takes_value)
            goto fail;
        if ((o > 1 && !append(out, cap, &o, "&", false)) ||
            !append(out, cap, &o, key, true) ||
            !append(out, cap, &o, "=", false) ||
            !append(out, cap, &o, value ? value : "1", true))
            goto fail;
    }
    return (long)o;
fail:
    if (cap)
        out[0] = '\0';
    return -1;
}

long ov_url_from_command_line(const char *line, char *out, size_t cap)
{
    size_t len = strlen(line);
    /* Words never grow when unquoted: the bytes of line and one NUL each. */
    char *buf = malloc(2 * len + 2);
    const char **words = malloc((len / 2 + 2) * sizeof *words);
    long r = -1;
    if (!buf || !words)
        goto done;
    int n = 0;
    char *w = buf;
    const char *p = line;
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        if (!*p)
            break;
        words[n++] = w;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n') {
            if (*p == '\'') {
                const char *q = strchr(p + 1, '\'');
                if (!q)
                    goto done;
                memcpy(w, p + 1, (size_t)(q - p - 1));
                w += q - p - 1;
                p = q + 1;
            } else if (*p == '"') {
                for (p++; *p && *p != '"'; p++) {
                    if (*p == '\\' && (p[1] == '"' || p[1] == '\\' || p[1] == '$' ||
                                       p[1] == '`'))
                        p++;
                    *w++ = *p;
                }
                if (*p != '"')
                    goto done;
                p++;
            } else if (*p == '\\' && p[1]) {
                *w++ = p[1];
                p += 2;
            } else {
                *w++ = *p++;
            }
        }
        *w++ = '\0';
    }
    int first = n > 0 && strncmp(words[0], "--", 2) != 0 ? 1 : 0;
    r = ov_url_from_argv(n - first, words + first, out, cap);
done:
    if (r < 0 && cap)
        out[0] = '\0';
    free(buf);
    free(words);
    return r;
}
