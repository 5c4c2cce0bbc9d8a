/* Ctrl+S: the scene kept as a block of the presets file format
 * (cli/preset.h), appended to optiviz-scenes.txt in the output directory
 * as "[N saved-N]" with the caption "saved scene N" for the teacher to
 * edit. The block's keys are the command line's long options, written by
 * the same builder as the U key's command line (share.h), and read back
 * by the presets parser, which checks each value with the command line's
 * own code: the block, the command line and the URL say the same scene.
 * The undo history (history.h) keeps its snapshots in this form too. */
#ifndef OV_SAVE_H
#define OV_SAVE_H

#include <stdbool.h>
#include <stddef.h>

#include "app_state.h"

#define OV_SAVE_FILE "optiviz-scenes.txt"
#define OV_SAVE_BLOCK_MAX 32768   /* 16 runs with long typed rules fit */

/* Writes "[number name]\ncaption = CAPTION\nkey = value\n..." into buf.
 * false when it does not fit in cap. */
bool ov_save_block(const ov_app_state *st, int number, const char *name, const char *caption,
                   char *buf, size_t cap);

/* The first block of text (presets format) applied to cfg
 * (ov_preset_apply: how and where to output stay cfg's). false with the
 * parser's "FILE:LINE: reason" in err when it does not parse. */
bool ov_save_block_apply(const char *text, ov_config *cfg, char *err, size_t cap);

/* Appends the scene to dir/optiviz-scenes.txt (dir NULL: the current
 * directory), numbered with the next number and name no block of the file
 * has yet; the file is rewritten whole through a temporary file, so a
 * failed write leaves it as it was. path receives the file's path, *number
 * the block's number. false with err on failure. */
bool ov_save_scene(const ov_app_state *st, const char *dir, char *path, size_t path_cap,
                   int *number, char *err, size_t cap);

/* Ctrl+S: ov_save_scene into the output directory (st->job.output_dir),
 * then the scene's command line and URL query printed to stdout and the
 * file's path said in the HUD. In a web page, which cannot write the
 * user's files, it only says so (U gives the scene's URL there). */
void ov_save_key(ov_app_state *st);

#endif
