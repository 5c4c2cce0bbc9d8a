/* Tests of the scene in a URL (src/cli/url.c): percent escapes decoded and
 * nothing else ('+' stays a plus), repeated keys repeat the option in
 * order, flags as key=1 / key / key=0, bad escapes refused with a message,
 * the parser's own message for a bad value, and the writer: every reserved
 * character percent-encoded, and what it writes reads back as the same
 * options. Expected strings are written out by hand from RFC 3986's
 * unreserved set and ASCII's hex codes. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "cli/url.h"
#include "ov_test.h"

static char g_err[1024];

/* Whether query reads as exactly the words given (after the program's
 * name), NULL-terminated. */
static bool reads_as(const char *query, ...)
{
    ov_url_args a;
    g_err[0] = '\0';
    if (!ov_url_to_args(query, &a, g_err, sizeof g_err)) {
        fprintf(stderr, "'%s' refused: %s\n", query, g_err);
        return false;
    }
    bool same = a.argc >= 1 && strcmp(a.argv[0], "optiviz") == 0 && a.argv[a.argc] == NULL;
    va_list ap;
    va_start(ap, query);
    int i = 1;
    for (const char *w = va_arg(ap, const char *); w; w = va_arg(ap, const char *), i++)
        same = same && i < a.argc && strcmp(a.argv[i], w) == 0;
    va_end(ap);
    same = same && i == a.argc;
    if (!same) {
        fprintf(stderr, "'%s' read as:", query);
        for (int k = 0; k < a.argc; k++)
            fprintf(stderr, " [%s]", a.argv[k]);
        fputc('\n', stderr);
    }
    ov_url_args_free(&a);
    return same;
}

/* Whether query is refused with a message containing part. */
static bool refused(const char *query, const char *part)
{
    ov_url_args a;
    g_err[0] = '\0';
    bool ok = ov_url_to_args(query, &a, g_err, sizeof g_err);
    ov_url_args_free(&a);
    if (ok || !strstr(g_err, part)) {
        fprintf(stderr, "'%s': %s, message '%s' (wanted '%s')\n", query,
                ok ? "accepted" : "refused", g_err, part);
        return false;
    }
    return true;
}

static void test_decoding(void)
{
    /* '^' = 0x5E, ' ' = 0x20, '+' = 0x2B, '(' = 0x28, ')' = 0x29. */
    CHECK(reads_as("?surface=x%5E2%20%2B%20y", "--surface", "x^2 + y", NULL));
    CHECK(reads_as("surface=x%5e2", "--surface", "x^2", NULL));   /* lower-case hex, no '?' */
    /* '+' is a plus, never a space. */
    CHECK(reads_as("?surface=x^2+y*(1+x)", "--surface", "x^2+y*(1+x)", NULL));
    CHECK(reads_as("?surface=x+%2B+y", "--surface", "x+++y", NULL));
    /* UTF-8 bytes: 'é' is C3 A9. */
    CHECK(reads_as("?surface=%C3%A9", "--surface", "\xc3\xa9", NULL));
    /* An escaped '&' or '=' is part of the value, not a separator. */
    CHECK(reads_as("?surface=a%26b%3Dc&alpha=1", "--surface", "a&b=c", "--alpha", "1", NULL));
    /* The key is decoded too. */
    CHECK(reads_as("?%61lpha=0.5", "--alpha", "0.5", NULL));
    /* Nothing, or empty pieces. */
    CHECK(reads_as(NULL, NULL));
    CHECK(reads_as("", NULL));
    CHECK(reads_as("?", NULL));
    CHECK(reads_as("?&&alpha=2&", "--alpha", "2", NULL));
    /* An empty value is a value (the parser then says what it accepts). */
    CHECK(reads_as("?alpha=", "--alpha", "", NULL));
    /* Only the first '=' splits. */
    CHECK(reads_as("?optimizer=gd:alpha=0.1", "--optimizer", "gd:alpha=0.1", NULL));

    char out[16];
    CHECK(ov_url_decode("a%41%2b+", 8, out) == 4 && strcmp(out, "aA++") == 0);
}

static void test_repeats_and_flags(void)
{
    CHECK(reads_as("?optimizer=gd:alpha=0.1&optimizer=adam&optimizer=gd:alpha=0.01",
                   "--optimizer", "gd:alpha=0.1", "--optimizer", "adam", "--optimizer",
                   "gd:alpha=0.01", NULL));
    CHECK(reads_as("?3d=1", "--3d", NULL));
    CHECK(reads_as("?3d", "--3d", NULL));
    CHECK(reads_as("?3d=0&alpha=1", "--alpha", "1", NULL));
    CHECK(reads_as("?explain=1&3d=1&loop=1", "--explain", "--3d", "--loop", NULL));
    CHECK(refused("?3d=yes", "--3d takes no value"));
    CHECK(refused("?3d=2", "3d=1"));
    /* A key the command line does not know goes to the parser as it is. */
    CHECK(reads_as("?colour=red", "--colour", "red", NULL));
    /* A value-taking option without '=': the parser says it needs one. */
    CHECK(reads_as("?alpha", "--alpha", NULL));
}

static void test_bad_escapes(void)
{
    CHECK(refused("?alpha=%zz", "two hex digits"));
    CHECK(refused("?alpha=%4", "two hex digits"));
    CHECK(refused("?alpha=%", "two hex digits"));
    CHECK(refused("?alpha=1%", "two hex digits"));
    CHECK(refused("?alpha=%g1", "two hex digits"));
    CHECK(refused("?surface=x%00", "%00"));
    CHECK(refused("?%zzalpha=1", "two hex digits"));
    CHECK(refused("?=5", "no option name"));
    /* The message quotes the piece. */
    CHECK(refused("?alpha=1&beta=%x", "'beta=%x'"));
    char out[16];
    CHECK(ov_url_decode("%", 1, out) == -1);
    CHECK(ov_url_decode("%4", 2, out) == -1);
    /* A '%' at the end of the given bytes is bad even if more follow. */
    CHECK(ov_url_decode("%41", 2, out) == -1);
}

/* The parser sees the same argv as from a shell: the same config, the same
 * message for a bad value. */
static void test_same_parser(void)
{
    static ov_config from_url, from_cli;
    ov_url_args a;
    CHECK(ov_url_to_args("?surface=rosenbrock&optimizer=gd:alpha=0.001&optimizer=adam&3d=1"
                         "&kappa=100",
                         &a, g_err, sizeof g_err));
    char err1[1024] = "", err2[1024] = "";
    int st1 = ov_args_parse(a.argc, a.argv, &from_url, err1, sizeof err1);
    char *argv[] = {"optiviz", "--surface", "rosenbrock", "--optimizer", "gd:alpha=0.001",
                    "--optimizer", "adam", "--3d", "--kappa", "100", NULL};
    int st2 = ov_args_parse(10, argv, &from_cli, err2, sizeof err2);
    CHECK(st1 == 0 && st2 == 0);
    CHECK(from_url.nruns == 2 && from_url.nruns == from_cli.nruns);
    CHECK(from_url.runs[0].alpha == 0.001 && from_url.runs[1].kind == from_cli.runs[1].kind);
    CHECK(from_url.view3d && from_cli.view3d);
    ov_url_args_free(&a);

    CHECK(ov_url_to_args("?alpha=abc", &a, g_err, sizeof g_err));
    st1 = ov_args_parse(a.argc, a.argv, &from_url, err1, sizeof err1);
    char *bad[] = {"optiviz", "--alpha", "abc", NULL};
    st2 = ov_args_parse(3, bad, &from_cli, err2, sizeof err2);
    CHECK_MSG(st1 == 2 && st2 == 2 && strcmp(err1, err2) == 0 && strstr(err1, "--alpha"),
              "url '%s' cli '%s'", err1, err2);
    ov_url_args_free(&a);

    CHECK(ov_url_to_args("?colour=red", &a, g_err, sizeof g_err));
    st1 = ov_args_parse(a.argc, a.argv, &from_url, err1, sizeof err1);
    CHECK_MSG(st1 == 2 && strstr(err1, "--colour"), "'%s'", err1);
    ov_url_args_free(&a);
}

static void test_writer(void)
{
    char out[512];
    /* Every reserved character (RFC 3986 gen-delims and sub-delims) and
     * the space, '%' and '"' are escaped; the unreserved ones are not. */
    CHECK(ov_url_encode(":/?#[]@!$&'()*+,;= %\"", out, sizeof out) == 63);
    CHECK(strcmp(out, "%3A%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D%20%25%22") == 0);
    CHECK(ov_url_encode("Az09-._~", out, sizeof out) == 8 && strcmp(out, "Az09-._~") == 0);
    CHECK(ov_url_encode("\xc3\xa9", out, sizeof out) == 6 && strcmp(out, "%C3%A9") == 0);
    CHECK(ov_url_encode("abc", out, 4) == 3);
    CHECK(ov_url_encode("abc", out, 3) == -1 && out[0] == '\0');
    CHECK(ov_url_encode("a+", out, 4) == -1);

    const char *argv[] = {"--surface", "x^2 + y*(1-x)/2", "--optimizer", "gd:alpha=0.1",
                          "--optimizer", "adam", "--3d", "--kappa=100", "--start", "-1,2"};
    long n = ov_url_from_argv(10, argv, out, sizeof out);
    const char *want = "?surface=x%5E2%20%2B%20y%2A%281-x%29%2F2&optimizer=gd%3Aalpha%3D0.1"
                       "&optimizer=adam&3d=1&kappa=100&start=-1%2C2";
    CHECK_MSG(n == (long)strlen(want) && strcmp(out, want) == 0, "%s", out);
    /* What it writes reads back as the same options. */
    CHECK(reads_as(out, "--surface", "x^2 + y*(1-x)/2", "--optimizer", "gd:alpha=0.1",
                   "--optimizer", "adam", "--3d", "--kappa", "100", "--start", "-1,2", NULL));
    /* Too small: -1 and nothing half-written. */
    CHECK(ov_url_from_argv(10, argv, out, 20) == -1 && out[0] == '\0');
    /* Not a list of options, or a value-taking option at the end. */
    const char *stray[] = {"rosenbrock"};
    CHECK(ov_url_from_argv(1, stray, out, sizeof out) == -1);
    const char *open_end[] = {"--alpha"};
    CHECK(ov_url_from_argv(1, open_end, out, sizeof out) == -1);
    CHECK(ov_url_from_argv(0, NULL, out, sizeof out) == 1 && strcmp(out, "?") == 0);

    /* From a command line as the shell reads it. */
    n = ov_url_from_command_line("optiviz --surface 'x^2 + y' --3d --alpha \"0.5\" "
                                 "--surface it\\'s",
                                 out, sizeof out);
    CHECK_MSG(n > 0 && strcmp(out, "?surface=x%5E2%20%2B%20y&3d=1&alpha=0.5&surface=it%27s") == 0,
              "%s", out);
    CHECK(ov_url_from_command_line("optiviz --surface 'x^2", out, sizeof out) == -1);
    CHECK(ov_url_from_command_line("--preset 4", out, sizeof out) > 0 &&
          strcmp(out, "?preset=4") == 0);
}

int main(void)
{
    test_decoding();
    test_repeats_and_flags();
    test_bad_escapes();
    test_same_parser();
    test_writer();
    return ov_test_finish("test_cli_url");
}
