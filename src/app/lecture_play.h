/* A lecture playing in the window (--lecture FILE|NAME): loading it, the
 * scene of each step (PageDown, PageUp, Ctrl+Home, Ctrl+End), the "3/12"
 * position and the blanked screen (B). The only writer of the state's
 * lecture part (app_state.h). */
#ifndef OV_LECTURE_PLAY_H
#define OV_LECTURE_PLAY_H

#include <stdbool.h>
#include <stddef.h>

#include "app_state.h"
#include "cli/preset.h"

/* Loads cfg->lecture (cli/lecture.h) and writes each bad scene's
 * "FILE:LINE: reason" to stderr. NULL, with err, when it cannot be read
 * or has no good scene. Caller frees with ov_presets_destroy. */
ov_preset_set *ov_lecture_open(const ov_config *cfg, char *err, size_t cap);

/* base with scene i (in play order, from 0) applied into *out: its
 * options through the CLI's handlers, its caption; how and where to
 * output stay base's. false with err when i is out of range. */
bool ov_lecture_scene_config(const ov_preset_set *set, int i, const ov_config *base,
                             ov_config *out, char *err, size_t cap);

/* The lecture starts: count scenes, the first one shown. */
void ov_lecture_start(ov_app_state *st, int count);

/* Shows scene i: replaces the scene, view, 3-D camera and panels by the
 * scene's (base as for ov_lecture_scene_config). false (said in the HUD,
 * nothing changed) when it cannot be applied. */
bool ov_lecture_go(ov_app_state *st, const ov_preset_set *set, const ov_config *base, int i);

/* Only the position (an undo restoring a scene shown before). */
void ov_lecture_set_index(ov_app_state *st, int i);

/* The scene index a key asks for: how = 1 next, -1 previous, -2 first,
 * 2 last; clamped to the lecture. -1 when no lecture plays. */
int ov_lecture_target(const ov_app_state *st, int how);

/* B: the screen black, and back. */
void ov_lecture_toggle_blank(ov_app_state *st);

#endif
