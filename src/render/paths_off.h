/* Honest projection (paths_off.c): how the path pass shows that a model's
 * iterates lie off the plane the picture is a slice of. A path fades where
 * its iterates are far from the plane, and a thin bar under each run's head
 * fills with the head's distance. "Far" is measured against the view: the
 * distance in parameter space that the view's shorter side spans (its
 * width times |d1|, its height times |d2|), so zooming in makes the same
 * distance count for more, as it should: the contours then describe a
 * smaller neighbourhood. Only src/render includes this. */
#ifndef OV_RENDER_PATHS_OFF_H
#define OV_RENDER_PATHS_OFF_H

#include <stdbool.h>

#include "core/scene.h"
#include "core/view.h"
#include "render/capsules.h"

/* The share of the view's span at which a path is half faded and the bar
 * half full. */
#define OV_OFF_HALF 0.1
/* The least opacity factor a faded path keeps (it never vanishes). */
#define OV_OFF_FLOOR 0.15f

/* The view's span in parameter space (see above) when sc is a model scene
 * whose runs carry distances (more than two parameters) drawn in 2-D; 0
 * otherwise, meaning nothing fades and no bar is drawn. */
double ov_paths_off_span(const ov_scene *sc, const ov_view *v);
/* With q = off / (OV_OFF_HALF * span): the opacity factor of a path piece
 * at distance off, max(OV_OFF_FLOOR, 1 / (1 + q²)) (1 when span is 0), and
 * how full the head's bar is, q / (1 + q). */
float ov_paths_off_alpha(double off, double span);
double ov_paths_off_fill(double off, double span);
/* Run idx's distance from the plane at its animation head: off[k - 1] and
 * off[k] mixed by frac (0 when the run has none). */
double ov_paths_off_at(const ov_run *run, int k, double frac);
/* The bar under a head at q (pixels) of radius head: a dark track s*26 px
 * long, 6 s px below the head's edge, filled from its left in col to ov_paths_off_fill of its length. */
void ov_paths_off_bar(ov_seg_list *l, ov_pt q, float head, float s, double off, double span,
                      ov_paint col, ov_paint dark);

#endif
