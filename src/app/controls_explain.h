/* "The step taken apart": E on and off, and the explanation of the targeted
 * run's current update, computed from the scene through the core's replay
 * (core/explain.h) into a cache the caller owns. Calls controls_anim.h
 * (E pauses) and controls_ui.h. */
#ifndef OV_CONTROLS_EXPLAIN_H
#define OV_CONTROLS_EXPLAIN_H

#include "app_cache.h"
#include "app_state.h"

/* E: the step taken apart on or off; on pauses the animation. */
void ov_controls_toggle_explain(ov_app_state *st);

/* The run the explanation is of: the targeted one, run 0 when all are. */
int ov_controls_explain_run(const ov_app_state *st);

/* The explanation of that run's update from the step the animation shows
 * (its next step), computed when asked into cache, which keeps the replay
 * (so the next step costs one optimiser step). Returns &cache->out: ->valid
 * says whether there is one, ->why why not. */
const ov_explain *ov_controls_explanation(const ov_app_state *st, ov_explain_cache *cache);

#endif
