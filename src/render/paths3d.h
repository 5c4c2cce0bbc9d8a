/* Paths on the 3-D surface (paths3d.c): a run's steps projected point by
 * point, following the surface between iterates, and the stems of the
 * minima markers. In 2-D the same calls pass iterates through. Only
 * src/render includes this. */
#ifndef OV_RENDER_PATHS3D_H
#define OV_RENDER_PATHS3D_H

#include <stdbool.h>

#include "core/surface.h"
#include "core/thin.h"
#include "core/view.h"

#define OV_PATH3D_PIECE_PX 10.0     /* px between points that keep a path on the surface */
#define OV_PATH3D_MAX_PIECES 32     /* per step between two iterates */

/* Receives one projected point: pixel position and window depth. */
typedef void (*ov_path_sink)(void *ctx, double x, double y, double depth, ov_thin_kind kind);

/* A path's first iterate (x, y) with loss L: an ITERATE, unless in 3-D it
 * lies off the surface's rectangle. */
void ov_path3d_start(const ov_view *v, const ov_surface *s, double x, double y, double L,
                     double lift_px, ov_path_sink sink, void *ctx);
/* One step of a path from world point a to iterate b (loss Lb). 2-D: b as
 * an ITERATE. 3-D: the part of the step over the view's rectangle (the
 * surface is only there), along the surface, lifted lift_px towards the
 * camera: a MOVE where it enters from outside, LINE points every
 * OV_PATH3D_PIECE_PX pixels of its projection, then b as an ITERATE when it
 * is inside, else a LINE where the step leaves. */
void ov_path3d_step(const ov_view *v, const ov_surface *s, double ax, double ay, double bx,
                    double by, double Lb, double lift_px, ov_path_sink sink, void *ctx);
/* Whether a marker at world point (x, y) is drawn: always in 2-D, over
 * the surface's rectangle in 3-D. */
bool ov_path3d_visible(const ov_view *v, double x, double y);

/* The stem a minimum's marker stands on in 3-D: from the surface at (x, y)
 * (lifted lift_px) straight up; base and top as pixels and window depths.
 * false when it cannot be drawn. */
bool ov_path3d_stem(const ov_view *v, const ov_surface *s, double x, double y, double lift_px,
                    ov_vec2 *base, double *base_z, ov_vec2 *top, double *top_z);

#endif
