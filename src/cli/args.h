/* The command line: argv -> ov_config (pure, unit-testable), and the texts
 * of --help, --list-surfaces, --list-optimizers and --version. The option
 * set and its messages follow DESIGN.md's CLI contract. */
#ifndef OV_ARGS_H
#define OV_ARGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/config.h"

#define OV_SIZE_MIN 16
#define OV_SIZE_MAX 16384

/* Fills cfg from argv[1..argc) starting from ov_config_defaults. Returns 0,
 * or 2 on a usage error with a one-line message in err (no trailing newline)
 * that names the option, the bad value and what is accepted. Both
 * "--opt VALUE" and "--opt=VALUE" are accepted; the value after a
 * value-taking option is taken as is, even when it starts with '-'.
 * cfg->screenshot and cfg->export_csv point into argv. cfg->action is HELP,
 * VERSION, LIST_SURFACES, LIST_OPTIMIZERS (in that priority) when asked for,
 * else BENCH, else EXPORT when --screenshot or --export-csv is given, else
 * WINDOW. The first error stops parsing. */
int ov_args_parse(int argc, char **argv, ov_config *cfg, char *err, size_t cap);

/* Parses one optimiser spec NAME[:alpha=A][:beta=B][:beta2=B2][:eps=E] into
 * *spec. option names the option for the message ("--optimizer"). Returns
 * false with a one-line message in err on a bad spec. */
bool ov_args_parse_spec(const char *option, const char *text, ov_run_spec *spec,
                        char *err, size_t cap);

/* Strict number: the whole text is a decimal number ([+-]digits[.digits]
 * [e[+-]digits]) whose value is finite. No whitespace, hex, nan or inf. */
bool ov_args_strict_double(const char *text, double *out);

/* The texts for the information actions. Each returns false when a write to
 * f failed. */
bool ov_cli_print_help(FILE *f);
bool ov_cli_print_surfaces(FILE *f);
bool ov_cli_print_optimizers(FILE *f);
bool ov_cli_print_version(FILE *f);

#endif
