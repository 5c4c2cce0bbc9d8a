/* libFuzzer target: the whole command line. The input is split on NUL and
 * newline into argv[1..]; ov_args_parse only fills an ov_config (it never
 * writes a file or opens a window: this target calls nothing else). */
#include <stddef.h>
#include <stdint.h>

#include "cli/args.h"
#include "fuzz_util.h"

#define OV_FUZZ_MAX_ARGS 256

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = ov_fuzz_cstr(data, size);
    if (!text)
        return 0;
    char *argv[OV_FUZZ_MAX_ARGS + 2];
    int argc = 0;
    argv[argc++] = "optiviz";
    char *start = text;
    for (size_t i = 0; i <= size && argc <= OV_FUZZ_MAX_ARGS; i++) {
        if (i == size || text[i] == 0 || text[i] == '\n') {
            text[i] = 0;
            if (i < size || start < text + size)
                argv[argc++] = start;
            start = text + i + 1;
        }
    }
    argv[argc] = NULL;
    ov_config *cfg = malloc(sizeof *cfg);
    if (cfg) {
        char err[1024];
        (void)ov_args_parse(argc, argv, cfg, err, sizeof err);
        free(cfg);
    }
    free(text);
    return 0;
}
