/* libFuzzer target: one --optimizer spec (NAME[:alpha=A][:beta=B]...) on
 * arbitrary bytes, with a normal and a tiny error buffer. */
#include <stddef.h>
#include <stdint.h>

#include "cli/args.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = ov_fuzz_cstr(data, size);
    if (!text)
        return 0;
    ov_run_spec spec;
    char err[1024], tiny[4];
    (void)ov_args_parse_spec("--optimizer", text, &spec, err, sizeof err);
    (void)ov_args_parse_spec("--optimizer", text, &spec, tiny, sizeof tiny);
    free(text);
    return 0;
}
