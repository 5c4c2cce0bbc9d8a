/* The session as a whole: building the state from the configuration and
 * tearing it down, replacing the scene (a preset on keys 1-9, another
 * surface or a typed formula) and the preset's caption. No SDL here: input.c
 * maps events to the controls (this header and the module headers it
 * names), so the logic is unit-testable without a window. Every change
 * recomputes the runs at once; a change of α, β, κ or θ keeps the
 * animation's current step, one that replaces the paths (start, surface,
 * preset, sweep, runs added or removed) replays from step 0 (DESIGN.md
 * real-time semantics). Calls controls_view.h, controls_anim.h,
 * run_list.h and controls_ui.h. */
#ifndef OV_CONTROLS_H
#define OV_CONTROLS_H

#include <stdbool.h>
#include <stddef.h>
#include "app_state.h"

/* Builds the state from cfg (scene, view, clock). false + err on failure. */
bool ov_controls_init(ov_app_state *st, const ov_config *cfg, char *err, size_t cap);

void ov_controls_deinit(ov_app_state *st);

/* Replaces the scene by the one cfg describes (a preset on keys 1-9): view,
 * start, runs and caption from cfg; projector, ui scale and output directory
 * stay. On failure keeps the old scene and says why in the HUD. */
bool ov_controls_apply_config(ov_app_state *st, const ov_config *cfg);

/* Replaces the surface (a built-in name or a formula): every run gets the
 * new surface's default α and β, its view and start; the animation replays
 * from step 0. false (err filled, nothing changed) when the text is
 * neither a surface nor a formula. */
bool ov_controls_replace_surface(ov_app_state *st, const char *name_or_formula,
                                 ov_expr_error *err);

/* Next (dir 1) or previous (dir -1) built-in surface (see
 * ov_controls_replace_surface). */
void ov_controls_cycle_surface(ov_app_state *st, int dir);

/* The caption line to show: the preset's caption while its parameters are
 * as the preset set them; once they changed, a note saying so (and which
 * key brings the preset back); "" without a caption. */
void ov_controls_caption_text(const ov_app_state *st, char *buf, size_t cap);

#endif
