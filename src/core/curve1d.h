/* The curve view of a formula in x alone (surface one_d): the loss range
 * over an x interval, the plot rectangle of (x, L) the curve is drawn in,
 * and round tick values for its axes. Pure: the renderer draws from it. */
#ifndef OV_CURVE1D_H
#define OV_CURVE1D_H

#include <stdbool.h>
#include "geom.h"
#include "surface.h"

#define OV_CURVE_SAMPLES 512   /* samples of L over the x interval */
#define OV_CURVE_MAX_TICKS 16
/* Where the curve view puts the least and the greatest loss shown: these
 * fractions of the frame height above the bottom edge (room for captions)
 * and below the top edge (room for the HUD's panel). */
#define OV_CURVE_BOTTOM 0.22
#define OV_CURVE_TOP 0.25

/* The least and greatest finite L(x) over OV_CURVE_SAMPLES evenly spaced x
 * in [x0, x1] (both ends included). false when no sample is finite. */
bool ov_curve_range(const ov_surface *s, double x0, double x1, double *lo, double *hi);

/* The rectangle of (x, L) that fills the frame: x from x0 to x1, and the
 * loss range placed so that its least value lies a fraction `bottom` of the
 * frame height above the bottom edge and its greatest a fraction `top`
 * below the top edge (room for the HUD). A flat or non-finite range gets a
 * height of 1 about its value (about 0). */
ov_rect ov_curve_plot_rect(const ov_surface *s, double x0, double x1, double bottom,
                           double top);

/* Round values for axis ticks in [lo, hi]: multiples of a step from the
 * 1-2-5 series chosen so that there are about `want` of them. Writes at
 * most max (<= OV_CURVE_MAX_TICKS) into ticks and returns their count. */
int ov_curve_ticks(double lo, double hi, int want, double *ticks, int max);

#endif
