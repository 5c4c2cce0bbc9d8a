/* The step taken apart (explain.c): core/explain.h's terms of one update
 * drawn as labelled arrows, points and bars through the overlay queue.
 * Only src/render includes this. */
#ifndef OV_RENDER_EXPLAIN_H
#define OV_RENDER_EXPLAIN_H

#include "core/view.h"
#include "render/frame.h"
#include "render/overlay.h"
#include "render/text.h"

/* Queues desc->explain on o: arrows, points, ellipse, box and bars,
 * projected through desc->view; on a curve through plot instead (the view
 * of (x, L) the curve is drawn in), at level, the loss at the current
 * point. plot is NULL for a surface. */
void ov_render_explain(ov_overlay *o, ov_text_cache *tc, const ov_frame_desc *desc, int width,
                       int height, const ov_view *plot, double level);

#endif
