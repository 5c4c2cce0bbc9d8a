/* What drawing keeps between frames to be quick, as an object its caller
 * owns and passes in (the window, an export, a test): the step taken
 * apart's replay and last explanation, and the loss range of the view's
 * rectangle. The state a frame is drawn from is only read; these change. */
#ifndef OV_APP_CACHE_H
#define OV_APP_CACHE_H

#include "core/explain.h"
#include "core/loss_range.h"

/* The step taken apart: the replay cursor and the last explanation. */
typedef struct ov_explain_cache {
    ov_explainer replay;
    ov_explain out;
} ov_explain_cache;

typedef struct ov_app_cache {
    ov_explain_cache explain;
    ov_loss_range_cache range;   /* the loss range of the last view's rectangle */
} ov_app_cache;

/* Empties c (before first use; again at any time, to forget what it kept).
 * A zeroed cache (static storage, calloc) is empty as well. */
void ov_app_cache_init(ov_app_cache *c);

#endif
