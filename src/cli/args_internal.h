/* Helpers shared by the argument parser's files (not a public API). */
#ifndef OV_ARGS_INTERNAL_H
#define OV_ARGS_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/config.h"

#define OV_ARGS_ECHO_MAX 64   /* longest echo of a user's value in a message */

/* One pass over the command line: the configuration being filled, where a
 * message goes, and what the options said that is not configuration. */
typedef struct ov_parse {
    ov_config *cfg;
    char *err;
    size_t cap;
    bool help, version, list_surfaces, list_optimizers, list_presets, list_lectures, list_models,
        bench;
    /* With --preset: the preset's runs are replaced by the first run the
     * command line adds (not appended to), and a command-line --alpha or
     * --beta also overrides the values the preset's runs give themselves. */
    bool preset_runs, cmd_runs, cmd_alpha, cmd_beta;
    bool surface_given;   /* --surface was given (not in place with a model) */
} ov_parse;

/* Checks and stores the value of option opt (NULL for an option without
 * one). Returns 0, or 2 with the message in p->err. */
typedef int (*ov_handler)(ov_parse *p, const char *opt, const char *value);

typedef struct ov_option {
    const char *name;       /* with the leading "--" */
    bool takes_value;
    const char *accepts;    /* what a value may be, for messages */
    ov_handler handle;
} ov_option;

/* The option table (args_options.c), ov_args_noptions entries, at most
 * OV_ARGS_OPTIONS_MAX. */
#define OV_ARGS_OPTIONS_MAX 64
extern const ov_option ov_args_options[];
extern const int ov_args_noptions;

/* Why a number was rejected. */
typedef enum ov_num_status {
    OV_NUM_OK = 0,
    OV_NUM_EMPTY,
    OV_NUM_NOT_NUMBER,
    OV_NUM_NOT_FINITE,    /* nan, inf, infinity */
    OV_NUM_OVERFLOW       /* too large for a double */
} ov_num_status;

ov_num_status ov_args_number(const char *text, size_t len, double *out);

/* Strict unsigned decimal integer of len bytes (no sign, digits only);
 * values above limit are reported as OV_NUM_OVERFLOW. */
ov_num_status ov_args_uint(const char *text, size_t len, long limit, long *out);

/* Copies len bytes of text into buf for quoting in a message: control
 * characters become '?', and text longer than OV_ARGS_ECHO_MAX is cut (at a
 * UTF-8 boundary) and ends with "...". Returns buf. */
char *ov_args_echo(const char *text, size_t len, char *buf, size_t cap);

/* Optimal-string-alignment edit distance, ignoring ASCII case; inputs longer
 * than 64 bytes count as far from everything. */
int ov_args_distance(const char *a, size_t alen, const char *b);

/* The candidate closest to text, or NULL when none is close enough to be a
 * likely typo. */
const char *ov_args_closest(const char *text, size_t len,
                            const char *const *candidates, int n);

/* Validates a --surface value: a built-in name, or a formula that
 * ov_surface_create accepts. Returns 0, or 2 with the message in err. */
int ov_args_check_surface(const char *option, const char *value, char *err, size_t cap);

/* A number in [lo, hi] (lo_open / hi_open exclude that end) for option
 * opt; accepts says what is accepted, for the message. Returns 0 with the
 * value in *out, or 2 with the message in err. */
int ov_args_number_in(const char *opt, const char *value, const char *accepts, double lo,
                      bool lo_open, double hi, bool hi_open, double *out, char *err,
                      size_t cap);

/* A decimal integer from lo to hi (lo >= 0), as ov_args_number_in. */
int ov_args_int_in(const char *opt, const char *value, long lo, long hi, long *out,
                   char *err, size_t cap);

/* The message word for a rejected number ("is not a number", ...). */
const char *ov_args_status_text(ov_num_status st);

/* Runs the handler of the value-taking option called name ("--kappa") on
 * value, into cfg, exactly as the command line would (--optimizer appends a
 * run). Returns 0, or 2 with the handler's message in err; a name that is
 * not a value-taking option, and --preset, are reported as unknown. In
 * args_options.c, beside the table, so that preset.c can apply a preset's
 * lines without depending on the parser in args.c (which uses preset.c). */
int ov_args_apply_option(ov_config *cfg, const char *name, const char *value, char *err,
                         size_t cap);

/* --preset NAME|N: loads the program's presets, finds the one asked for and
 * applies it to cfg (ov_preset_apply). Returns 0, or 2 with a one-line
 * message: unknown name (with a suggestion and the list), a preset that was
 * skipped as invalid (with its first problem), no presets file. */
int ov_args_use_preset(ov_config *cfg, const char *value, char *err, size_t cap);

/* The model options' handlers (args_model.c). */
int ov_args_opt_model(ov_parse *p, const char *opt, const char *value);
int ov_args_opt_params(ov_parse *p, const char *opt, const char *value);
int ov_args_opt_data(ov_parse *p, const char *opt, const char *value);
int ov_args_opt_loss(ov_parse *p, const char *opt, const char *value);
int ov_args_opt_init(ov_parse *p, const char *opt, const char *value);
int ov_args_opt_slice(ov_parse *p, const char *opt, const char *value);
/* Once every option is read: the model options against the model (its
 * parameter count for --init and --steps, its names for --slice, the
 * formula), and the options that apply only with or only without a model.
 * Returns 0, or 2 with the message. */
int ov_args_check_model(ov_parse *p);
/* The same checks on a configuration filled by other means (a preset's,
 * a lecture scene's or a saved block's lines); surface_given: a surface
 * was named in it. */
int ov_args_check_model_config(const ov_config *cfg, bool surface_given, char *err,
                               size_t cap);
/* --lecture: loads the lecture cfg->lecture names (ov_lecture_load) to
 * check that it has at least one good scene. Returns 0, or 2 with a
 * message: the file cannot be read, or every scene is bad (the first
 * problems, file:line: reason). The problems of a lecture that has good
 * scenes are reported when it plays, not here. */
int ov_args_check_lecture(const ov_config *cfg, char *err, size_t cap);

/* snprintf into err that never fails the caller; returns 2 (usage error). */
int ov_args_fail(char *err, size_t cap, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
