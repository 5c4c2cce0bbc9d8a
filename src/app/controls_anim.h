/* The animation clock (ov_app_clock): how far the runs have been played, at
 * what pace, pausing, single steps, restart and looping. Calls
 * controls_view.h (the 3-D transition moves with the frames) and
 * controls_ui.h (messages). */
#ifndef OV_CONTROLS_ANIM_H
#define OV_CONTROLS_ANIM_H

#include <stdbool.h>
#include "app_state.h"

#define OV_PACE_MIN 1.0        /* seconds one playing of the scene takes */
#define OV_PACE_MAX 600.0
#define OV_LOOP_PAUSE 1.5      /* seconds the end stays on screen before a loop */

/* Sets up the clock from cfg (--pace, --loop), at step 0, playing. */
void ov_controls_init_clock(ov_app_state *st, const ov_config *cfg);

/* Advances the animation clock by dt seconds (unless paused): the scene's
 * last step is reached pace seconds after step 0. */
void ov_controls_tick(ov_app_state *st, double dt);

/* True while the animation advances by itself (not paused, not at its end). */
bool ov_controls_moving(const ov_app_state *st);

/* The largest stored step over all runs (the animation's end). */
int ov_controls_last_step(const ov_app_state *st);

/* Back to step 0 without a message: the paths were replaced. */
void ov_controls_rewind(ov_app_state *st);

/* Shows step `step` (clamped to 0 .. the last step), paused or not: an
 * export's frame, the end of the scene. */
void ov_controls_seek(ov_app_state *st, double step);

/* Pauses without a message. */
void ov_controls_pause(ov_app_state *st);

void ov_controls_toggle_pause(ov_app_state *st);

/* Pauses and advances one whole step. */
void ov_controls_step_once(ov_app_state *st);

/* Pauses and goes back one whole step (to step 0 at most). */
void ov_controls_step_back(ov_app_state *st);

void ov_controls_restart(ov_app_state *st);

/* + / -: plays factor times faster (the pace divided by factor). */
void ov_controls_scale_speed(ov_app_state *st, double factor);

void ov_controls_toggle_loop(ov_app_state *st);

/* Animation steps per second at the current pace. */
double ov_controls_steps_per_second(const ov_app_state *st);

#endif
