/* The 1-D view (curve1d.c): a formula in x alone drawn as the curve L(x)
 * with its runs on it, through the overlay queue. Only src/render includes
 * this. */
#ifndef OV_RENDER_CURVE1D_H
#define OV_RENDER_CURVE1D_H

#include "core/view.h"
#include "render/frame.h"
#include "render/overlay.h"
#include "render/text.h"

/* Draws a formula in x alone (desc->scene->surface->one_d) in a width x
 * height frame: clears the bound framebuffer and queues the axes, the curve
 * L(x) over desc->view's x range and every run's iterates, steps and
 * tangent on o. plot receives the stretched view of (x, L) they are drawn
 * in. */
void ov_curve1d_draw(ov_overlay *o, ov_text_cache *tc, const ov_frame_desc *desc, int width,
                     int height, ov_view *plot);

#endif
