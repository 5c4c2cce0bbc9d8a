/* The HUD's words for a model scene (hud_model.c): which plane the picture
 * is a slice of, how far the targeted run's head lies off it, the local
 * condition number of the model's Hessian there, and the names of the
 * picture's axes. Built apart from drawing so tests read every figure. */
#ifndef OV_HUD_MODEL_H
#define OV_HUD_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "app_cache.h"
#include "app_state.h"

/* Lines under the run list's title of a model scene (none for a surface):
 *   "slice: a, b (following gd)" or "(fixed)"; "slice: pca, 93.1% of
 *   variance"; "slice: random:1"
 *   "off plane: 0.12   κ = 8.53" (convex) or "off plane: 0.12   non-convex,
 *   |λ| ratio 1.2e4"
 * for the targeted run (all targeted: run 0) at the shown step. Returns how
 * many lines were written (0 .. max), each at most 192 bytes. The
 * curvature comes from cache (see ov_hud_model_head). */
#define OV_HUD_MODEL_LINES 2
int ov_hud_model_lines(const ov_app_state *st, ov_curvature_cache *cache, char (*lines)[192],
                       int max);

/* The targeted run's (all: run 0's) distance from the plane at the shown
 * step (0 for a two-parameter model, whose plane is all of it), and the
 * Hessian's local curvature there; false for a surface or without runs.
 * The curvature (an n x n Hessian over every data row and its eigenvalues)
 * is taken from cache when it was worked out there for the same model and
 * the same point, else worked out and kept in it; cache NULL: worked out
 * each call. While the animation plays, a cache that lags
 * (lag_while_playing) gives a costly one (more than OV_HUD_CURVATURE_WORK
 * second derivatives) from an iterate up to a twentieth of the run back:
 * *at is then that iterate, else -1 (at may be NULL). */
#define OV_HUD_CURVATURE_WORK 2e4
bool ov_hud_model_head(const ov_app_state *st, ov_curvature_cache *cache, double *off,
                       double *kappa, double *kappa_abs, bool *convex, int *at);

/* The picture's axes: for an axes slice the two parameters' names, else
 * "d1" and "d2"; false for a surface scene. */
bool ov_hud_axis_names(const ov_app_state *st, char *x, char *y, size_t cap);

/* A ratio as the HUD writes it: 3 significant digits below 1000, else a
 * mantissa and exponent ("4.4e3", "1.2e4"); "∞" when infinite. */
void ov_hud_format_ratio(double v, char *buf, size_t cap);

#endif
