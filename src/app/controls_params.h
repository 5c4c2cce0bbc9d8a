/* Parameter changes from the keys and the mouse: α, β, κ, θ, the gradient
 * noise, the start point, the optimum snap and back to the defaults, on the
 * run(s) Tab targets (also here). Each recomputes the runs at once and, with
 * ghost trails on (toggled here too), first keeps the runs as they were.
 * Writes the scene part; calls controls_anim.h and controls_ui.h. */
#ifndef OV_CONTROLS_PARAMS_H
#define OV_CONTROLS_PARAMS_H

#include <stdbool.h>
#include "app_state.h"

#define OV_BETA_MAX 0.999
#define OV_ALPHA_MIN 1e-8
#define OV_ALPHA_MAX 1e6

/* α of the targeted run(s) times factor, clamped to [OV_ALPHA_MIN, OV_ALPHA_MAX]. */
void ov_controls_scale_alpha(ov_app_state *st, double factor);

/* β of the targeted run(s) that use β, plus delta, clamped to [0, OV_BETA_MAX]. */
void ov_controls_add_beta(ov_app_state *st, double delta);

/* κ times factor, clamped to [1, OV_KAPPA_MAX] (surfaces with a kappa). */
void ov_controls_scale_kappa(ov_app_state *st, double factor);

/* θ plus delta degrees, wrapped to [0, 360) (surfaces with a theta). */
void ov_controls_add_theta(ov_app_state *st, double delta);

/* α and β of the targeted run(s) back to the surface's and optimiser's
 * defaults (what the run would get with no --alpha/--beta). */
void ov_controls_reset_params(ov_app_state *st);

/* Gradient noise σ one step up (dir > 0) or down the 1-2-5 ladder from
 * OV_NOISE_LADDER_MIN to OV_NOISE_MAX; from 0 up, about a tenth of the
 * gradient's size at the start point; below the ladder, 0 (exact). */
#define OV_NOISE_LADDER_MIN 1e-3
void ov_controls_step_noise(ov_app_state *st, int dir);

/* Tab: all runs -> run 0 -> run 1 -> ... -> all (dir -1 goes backwards). */
void ov_controls_cycle_target(ov_app_state *st, int dir);

/* Sets the start point of every run; replays from step 0. */
void ov_controls_set_start(ov_app_state *st, ov_vec2 start);

/* O: sets the targeted run(s)' α (and β for momentum and Nesterov) to the
 * optimum the theory of the quadratic gives for the current κ. Says so and
 * changes nothing on other surfaces or for methods without a known optimum. */
void ov_controls_snap_optimal(ov_app_state *st);

/* A click on the rate map: α (and β where kind uses it) of the targeted
 * run, or with all runs targeted of every run of kind, clamped as the keys
 * clamp them; says what changed, or that no run of kind is targeted. */
void ov_controls_set_alpha_beta(ov_app_state *st, ov_optim_kind kind, double alpha, double beta);

/* Ghost trails on/off. When on, every later parameter change first keeps a
 * copy of the current runs, drawn faded under the new ones. */
void ov_controls_toggle_ghosts(ov_app_state *st);

/* A RATE key (actions.h) is held (true from its press) or no longer
 * (false): while held, the changes it makes continue the one its press
 * began (ghost trails keep what was before the press). */
void ov_controls_set_holding(ov_app_state *st, bool holding);

#endif
