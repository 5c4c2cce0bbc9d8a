/* optiviz entry point: parse the arguments, then hand over to the action
 * they ask for. Exit status: 0 success, 1 runtime failure, 2 usage error. */
#include <stdio.h>

#include "app/app.h"
#include "cli/args.h"

int main(int argc, char **argv)
{
    static ov_config cfg;   /* large (formula text); kept off the stack */
    char err[1024];
    if (ov_args_parse(argc, argv, &cfg, err, sizeof err) != 0) {
        fprintf(stderr, "optiviz: %s\n", err);
        fprintf(stderr, "Try 'optiviz --help' for the list of options.\n");
        return 2;
    }
    switch (cfg.action) {
    case OV_ACTION_HELP:
        ov_cli_print_help(stdout);
        return 0;
    case OV_ACTION_VERSION:
        ov_cli_print_version(stdout);
        return 0;
    case OV_ACTION_LIST_SURFACES:
        ov_cli_print_surfaces(stdout);
        return 0;
    case OV_ACTION_LIST_OPTIMIZERS:
        ov_cli_print_optimizers(stdout);
        return 0;
    case OV_ACTION_EXPORT:
        return ov_app_export(&cfg);
    case OV_ACTION_BENCH:
        return ov_app_bench(&cfg);
    case OV_ACTION_WINDOW:
        break;
    }
    return ov_app_run_window(&cfg);
}
