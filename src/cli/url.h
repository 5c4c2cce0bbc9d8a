/* The scene in a URL (DESIGN.md "The browser build"): a query string
 * carries the command line's long options, same names and values, and is
 * turned into an argv for the same parser (ov_args_parse); and the other
 * way, a command line written as a query string, every reserved character
 * percent-encoded.
 *
 * Reading: only percent escapes are decoded; '+' is a literal plus (a
 * formula survives a hand-typed URL). "key=value" becomes "--key" "value";
 * a repeated key repeats the option, in order; an option without a value
 * (a flag) is given as "key=1" or "key" ("key=0" leaves it out); a key the
 * command line does not know is passed on as "--key", for the parser's own
 * message. Empty pieces ("a=1&&b=2") are skipped. */
#ifndef OV_CLI_URL_H
#define OV_CLI_URL_H

#include <stdbool.h>
#include <stddef.h>

/* The arguments read from a query string: argv[0] is the program name,
 * argv[argc] is NULL. One allocation owns them all. */
typedef struct ov_url_args {
    int argc;
    char **argv;
} ov_url_args;

/* Turns query (with or without its leading '?'; NULL or "" is no option)
 * into args. Returns true, or false with a one-line message in err (a bad
 * percent escape, an escaped NUL, a flag given a value other than 1 or 0,
 * out of memory) and args empty. The values' validation is the parser's. */
bool ov_url_to_args(const char *query, ov_url_args *args, char *err, size_t cap);
void ov_url_args_free(ov_url_args *args);

/* Percent-decodes len bytes of text into out (room for len + 1 bytes is
 * always enough). Returns the decoded length, or -1 on a '%' not followed
 * by two hex digits or on "%00". '+' stays '+'. */
long ov_url_decode(const char *text, size_t len, char *out);

/* Percent-encodes text into out: every byte but the unreserved ones
 * (A-Z a-z 0-9 - . _ ~) becomes %XX (upper-case hex). Returns the length
 * written, or -1 when it does not fit in cap (out then holds ""). */
long ov_url_encode(const char *text, char *out, size_t cap);

/* Writes the options argv[0..argc) ("--surface", "rosenbrock", "--3d",
 * "--alpha=0.1", ...; no program name) as a query string with its '?'
 * ("?surface=rosenbrock&3d=1&alpha=0.1"), keys and values percent-encoded;
 * an option the command line does not know takes the next word as its
 * value when that is not an option. Returns the length, or -1 when argv
 * is not a list of options (a word that is not one where an option is
 * expected) or the result does not fit in cap. */
long ov_url_from_argv(int argc, const char *const *argv, char *out, size_t cap);

/* The same from a command line as a shell reads it ("optiviz --surface
 * 'x^2 + y' --3d": words split at blanks, '...' and "..." quoting and
 * backslash escapes undone, a first word that is not an option (the
 * program's name) skipped). Returns as ov_url_from_argv; -1 also for an
 * unclosed quote. */
long ov_url_from_command_line(const char *line, char *out, size_t cap);

#endif
