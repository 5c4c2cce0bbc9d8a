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
 * cfg->screenshot, cfg->export_csv, cfg->gif and cfg->output_dir point into
 * argv. cfg->action is HELP, VERSION, LIST_SURFACES, LIST_OPTIMIZERS,
 * LIST_PRESETS (in that priority) when asked for, else BENCH, else EXPORT
 * when --screenshot, --export-csv or --gif is given, else WINDOW. The first
 * error stops parsing. --preset NAME (loaded with ov_presets_load_default)
 * is applied first, whatever its place, and every other option overrides
 * it; any --optimizer/--optimizers replace the preset's runs, and --alpha /
 * --beta override the values its runs give themselves. */
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
/* --list-models: each built-in model, its formula, loss, parameters and
 * default start. false when a write failed. */
bool ov_cli_print_models(FILE *f);
bool ov_cli_print_optimizers(FILE *f);
bool ov_cli_print_version(FILE *f);
/* --list-presets: number, name, caption and the equivalent command line of
 * each preset (ov_presets_load_default); the preset file's problems go to
 * stderr. */
bool ov_cli_print_presets(FILE *f);

#endif
