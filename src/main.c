/* optiviz entry point, above every layer: parse the arguments (cli), then
 * hand over to the action they ask for (a list printed by cli, the window,
 * an export or the benchmark in app). Exit status: 0 success, 1 runtime
 * failure, 2 usage error. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "app/app.h"
#include "cli/args.h"
#include "cli/lecture.h"
#include "core/stamp.h"

/* Exit status of an information action: 1 when stdout could not be written
 * (a full disk, a closed pipe). */
static int printed(bool ok)
{
    if (ok && fflush(stdout) == 0)
        return 0;
    fprintf(stderr, "optiviz: cannot write to standard output\n");
    return 1;
}

static int run(int argc, char **argv, ov_config *cfg);

int main(int argc, char **argv)
{
    ov_stamp("main");
    ov_config *cfg = malloc(sizeof *cfg);   /* large (formula text) */
    if (!cfg) {
        fprintf(stderr, "optiviz: out of memory\n");
        return 1;
    }
    int status = run(argc, argv, cfg);
    bool stages = cfg->action == OV_ACTION_EXPORT && cfg->bench_startup;
    free(cfg);
    ov_stamp("done");
    if (stages && !ov_stamp_print(stdout))
        status = status ? status : 1;
    if (stages && fflush(stdout) != 0) {
        fprintf(stderr, "optiviz: cannot write to standard output\n");
        status = status ? status : 1;
    }
    return status;
}

/* Parses argv into cfg and carries out the action; returns the exit status. */
static int run(int argc, char **argv, ov_config *cfg)
{
    char err[1024];
    if (ov_args_parse(argc, argv, cfg, err, sizeof err) != 0) {
        fprintf(stderr, "optiviz: %s\n", err);
        fprintf(stderr, "Try 'optiviz --help' for the list of options.\n");
        return 2;
    }
    ov_stamp("arguments parsed");
    switch (cfg->action) {
    case OV_ACTION_HELP:
        return printed(ov_cli_print_help(stdout));
    case OV_ACTION_VERSION:
        return printed(ov_cli_print_version(stdout));
    case OV_ACTION_LIST_SURFACES:
        return printed(ov_cli_print_surfaces(stdout));
    case OV_ACTION_LIST_OPTIMIZERS:
        return printed(ov_cli_print_optimizers(stdout));
    case OV_ACTION_LIST_MODELS:
        return printed(ov_cli_print_models(stdout));
    case OV_ACTION_LIST_PRESETS:
        return printed(ov_cli_print_presets(stdout));
    case OV_ACTION_LIST_LECTURES:
        return printed(ov_cli_print_lectures(stdout));
    case OV_ACTION_SLIDES:
        return ov_app_export_slides(cfg);
    case OV_ACTION_EXPORT:
        return ov_app_export(cfg);
    case OV_ACTION_RATE_MAP:
        return ov_app_export_rate_map(cfg);
    case OV_ACTION_BENCH:
        return ov_app_bench(cfg);
    case OV_ACTION_WINDOW:
        break;
    }
    return ov_app_run_window(cfg);
}
