/* What drawing keeps between frames to be quick, as an object its caller
 * owns and passes in (the window, an export, a test): the step taken
 * apart's replay and last explanation, the loss range of the view's
 * rectangle, and the model's local curvature the HUD states. The state a
 * frame is drawn from is only read; these change. */
#ifndef OV_APP_CACHE_H
#define OV_APP_CACHE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/explain.h"
#include "core/loss_range.h"
#include "core/objective.h"
#include "core/theory.h"

/* The step taken apart: the replay cursor and the last explanation. */
typedef struct ov_explain_cache {
    ov_explainer replay;
    ov_explain out;
} ov_explain_cache;

/* The local curvature of a model scene's loss at the targeted run's shown
 * iterate (hud_model.c): the n x n Hessian's eigenvalues, worked out again
 * only when the model (known by a hash of what defines its loss) or the
 * iterate's n coordinates change. */
typedef struct ov_curvature_cache {
    bool valid;
    uint64_t model_key;              /* the model it was worked out for */
    int n;
    double w[OV_OBJECTIVE_MAX_DIM];  /* at this point (compared bit for bit) */
    int step;                        /* the iterate that point is */
    ov_local_curvature lc;
    unsigned long computed;          /* how many times it was worked out */
    /* Set by the window: while the animation plays, a curvature that costs
     * more than OV_HUD_CURVATURE_WORK is worked out again only every
     * twentieth of the run (the HUD says at which step), so that a big
     * model still plays smoothly. Exports and tests leave it off. */
    bool lag_while_playing;
} ov_curvature_cache;

typedef struct ov_app_cache {
    ov_explain_cache explain;
    ov_loss_range_cache range;   /* the loss range of the last view's rectangle */
    ov_curvature_cache curvature;
} ov_app_cache;

/* Empties c (before first use; again at any time, to forget what it kept).
 * A zeroed cache (static storage, calloc) is empty as well. */
void ov_app_cache_init(ov_app_cache *c);

#endif
