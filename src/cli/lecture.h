/* Lecture scripts: a sequence of scenes in the presets file format
 * (preset.h), played in file order by --lecture FILE|NAME, turned into
 * slides by --export-slides. A NAME is a lecture that ships with the
 * program (assets/lectures/NAME.txt, installed beside presets.txt, and a
 * copy compiled in). Pure: no SDL, no GL; only the loader reads files. */
#ifndef OV_LECTURE_H
#define OV_LECTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "preset.h"

/* Loads the lecture text names: the file at that path when one exists (or
 * text contains a '/'), else the shipped lecture of that name. Returns NULL
 * when neither can be read (err: why, and the shipped names for a name
 * that is not one). Otherwise the set (scenes in file order through
 * ov_presets_in_file_order), with err the report of its bad scenes
 * ("FILE:LINE: reason" lines, as ov_presets_parse), "" when all are good.
 * Caller frees with ov_presets_destroy. */
ov_preset_set *ov_lecture_load(const char *text, char *err, size_t cap);

/* The shipped lectures' names, in order; NULL past the last. */
const char *ov_lecture_shipped(int i);

/* --list-lectures: each shipped lecture's name, its scenes' count and
 * captions. false when a write to f failed. */
bool ov_cli_print_lectures(FILE *f);

#endif
