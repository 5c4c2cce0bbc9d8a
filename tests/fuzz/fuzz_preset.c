/* libFuzzer target: the preset file parser on arbitrary bytes, then every
 * preset it kept applied to a fresh config (which must succeed: each entry
 * was checked when the file was read; a failure aborts), looked up by name
 * and number, and written back as a command line. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "cli/preset.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = ov_fuzz_cstr(data, size);
    if (!text)
        return 0;
    char err[2048];
    ov_preset_set *set = ov_presets_parse(text, "fuzz.txt", err, sizeof err);
    ov_config *cfg = malloc(sizeof *cfg);
    if (set && cfg) {
        for (int i = 0; i < ov_presets_count(set); i++) {
            const ov_preset *p = ov_presets_at(set, i);
            ov_config_defaults(cfg);
            char aerr[1024], line[4096], small[8];
            if (!ov_preset_apply(p, cfg, aerr, sizeof aerr)) {
                fprintf(stderr, "a parsed preset failed to apply: %s\n", aerr);
                abort();
            }
            (void)ov_presets_find(set, p->name);
            (void)ov_presets_skipped_reason(set, p->name);
            (void)ov_preset_command_line(p, line, sizeof line);
            (void)ov_preset_command_line(p, small, sizeof small);
        }
        for (int n = 0; n <= OV_PRESET_MAX + 1; n++)
            (void)ov_presets_by_number(set, n);
        (void)ov_presets_problem_count(set);
    }
    free(cfg);
    ov_presets_destroy(set);
    free(text);
    return 0;
}
