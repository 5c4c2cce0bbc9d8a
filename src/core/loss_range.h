/* The loss range over a world rectangle, sampled in C, and how a loss value
 * maps to the picture: the contour levels and colour (both views) and the
 * height of the 3-D surface. Computed once per change of surface,
 * parameters or rectangle (a small cache keeps it), read by the view, the
 * contour pass, the surface mesh, the paths and picking alike. */
#ifndef OV_LOSS_RANGE_H
#define OV_LOSS_RANGE_H

#include <stdbool.h>
#include <stdint.h>
#include "geom.h"
#include "surface.h"

/* Levels: u = OV_LEVELS_PER_DECADE * log10(max(L - lref, 0) + delta), an
 * iso-line wherever u is an integer. lref and lmax are the least and
 * greatest finite loss on an OV_LREF_GRID^2 grid of cell centres over the
 * rectangle (lref also over known minima inside it); delta =
 * OV_LEVEL_DELTA * R, R = lmax - lref. The colour, and the 3-D height in
 * log mode, is t = (log10(max(L - lref, 0) + delta) - top) / OV_CMAP_DECADES
 * + 1 clamped to [0, 1], top = log10(R + delta). */
#define OV_LEVELS_PER_DECADE 3.0
#define OV_LEVEL_DELTA 1e-6
#define OV_CMAP_DECADES 4.5
#define OV_LREF_GRID 96
/* Heights are drawn on a log scale (when asked for automatically) once the
 * loss spans more than this many decades: log10(R / (P1 - lref)), P1 the
 * lowest percentile of the grid's loss. On the default views: quadratic
 * 2.2 (kappa 1) to 3.1 (kappa 100), himmelblau 3.1, regression 2.7, saddle
 * and gaussian under 2 stay linear; quadratic from kappa 1e4 (3.7 to 4.6),
 * rosenbrock (3.7 to 4.3) and beale (5.4) get log heights. */
#define OV_LOG_HEIGHT_DECADES 3.3

typedef struct ov_loss_range {
    double lref, lmax;      /* clamped to +-1e37, lmax - lref to [1e-12 |lref|, 1e36] */
    double delta, top;      /* see above */
    double spread;          /* log10(R / (P1 - lref)), 0 when flat */
    bool log_auto;          /* spread > OV_LOG_HEIGHT_DECADES */
} ov_loss_range;

/* Samples s (with its current parameters) over r. */
void ov_loss_range_compute(const ov_surface *s, ov_rect r, ov_loss_range *out);

/* The colour parameter t of loss L, 0 for a non-finite L. */
double ov_loss_range_t(const ov_loss_range *lr, double L);

/* Keeps the last range: valid while surface (formula text and parameter
 * values) and rectangle are unchanged. Zero-initialise before first use. */
typedef struct ov_loss_range_cache {
    bool valid;
    uint64_t formula_hash;
    ov_rect rect;
    double params[OV_EXPR_MAX_PARAMS];
    ov_loss_range range;
} ov_loss_range_cache;

/* The range of s over r, from the cache when nothing changed. */
const ov_loss_range *ov_loss_range_get(ov_loss_range_cache *c, const ov_surface *s, ov_rect r);

#endif
