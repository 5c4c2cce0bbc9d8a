/* The run list in the window: adding, removing, hiding a run, changing its
 * method, the learning-rate sweep, and the shade each run keeps while the
 * others come and go (so a run's colour never changes under it). Writes the
 * scene part; calls controls_anim.h and controls_ui.h. */
#ifndef OV_RUN_LIST_H
#define OV_RUN_LIST_H

#include "app_state.h"

#define OV_SWEEP_RUNS 5
#define OV_SWEEP_RATIO 2.0  /* neighbouring sweep runs differ by this factor in α */

/* Gives every run the shade its position implies: the n-th run of a
 * method gets shade n. */
void ov_controls_number_shades(ov_app_state *st);

/* Fans the targeted run (run 0 when all are targeted) into OV_SWEEP_RUNS
 * runs in its place, whose α are its α times OV_SWEEP_RATIO^k, k = -2..2;
 * the other runs stay as they are, in their colours, and the α × 1 run
 * keeps the targeted run's shade. A second press folds them back into the
 * runs there were before. Replays from step 0. */
void ov_controls_toggle_sweep(ov_app_state *st);

/* Adds a run of the first method the scene does not show yet (gd when it
 * shows them all), in that method's next free shade, and targets it.
 * Replays from step 0. On a model, a method beyond the cap on Hessian
 * methods (ov_model_hessian_fits) is not added: the HUD's message says
 * why and the scene stays as it was. */
void ov_controls_add_run(ov_app_state *st);

/* Removes the targeted run (not the last one). Replays from step 0. */
void ov_controls_remove_run(ov_app_state *st);

/* Hides or shows the targeted run; with all runs targeted, shows every
 * hidden run. */
void ov_controls_toggle_hidden(ov_app_state *st);

/* The targeted run's method: the next (dir 1) or previous (dir -1) one,
 * with that method's default α and β. Replays from step 0. On a model, a
 * method beyond the cap on Hessian methods is refused as by
 * ov_controls_add_run. */
void ov_controls_cycle_method(ov_app_state *st, int dir);

/* Makes run `run` the typed rule `text` (already checked to compile; a
 * run of another method becomes a rule run with the rule's default α and
 * β), or, with run >= the number of runs, adds a rule run and targets it.
 * Replays from step 0. Returns the run's index, or -1 at the run limit. */
int ov_controls_set_rule(ov_app_state *st, int run, const char *text);

#endif
