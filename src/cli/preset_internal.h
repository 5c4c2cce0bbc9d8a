/* The inside of a preset set, shared by the files of the preset module:
 * preset_parse.c (the parser, which fills a set) and preset.c (loading
 * preset files, lookup, applying a preset). Nothing outside the module
 * includes it. */
#ifndef OV_PRESET_INTERNAL_H
#define OV_PRESET_INTERNAL_H

#include "preset.h"

#define OV_PRESET_PROBLEM_MAX 512   /* one "FILE:LINE: reason" */
#define OV_PRESET_SKIPPED_MAX 16    /* skipped presets remembered by name */

/* A preset that was skipped, remembered for "--preset NAME" messages. */
typedef struct ov_preset_skipped {
    int number;
    char name[OV_PRESET_NAME_MAX];
    char reason[OV_PRESET_PROBLEM_MAX];
} ov_preset_skipped;

struct ov_preset_set {
    char *file_name;
    char *text;   /* a copy of the file, cut into the entries' keys and values */
    int count;
    ov_preset presets[OV_PRESET_MAX];
    int nproblems;
    char problems[OV_PRESET_REPORT_MAX][OV_PRESET_PROBLEM_MAX];
    int nskipped;
    ov_preset_skipped skipped[OV_PRESET_SKIPPED_MAX];
};

#endif
