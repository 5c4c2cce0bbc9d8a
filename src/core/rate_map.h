/* The (alpha, beta) rate map: the worst-case linear rate of gd, momentum
 * (heavy ball) and nesterov on a quadratic with Hessian eigenvalues lmin,
 * lmax, over the grid the rate-map panel and --export-rate-map share, the
 * optimum each map marks, and the two eigenvalues of a surface's Hessian at
 * a point (the quadratic's own, or the local ones elsewhere). */
#ifndef OV_RATE_MAP_H
#define OV_RATE_MAP_H

#include <stdbool.h>
#include <stddef.h>

#include "optim.h"
#include "run.h"
#include "objective.h"
#include "surface.h"
#include "theory.h"

/* The grid: alpha log-spaced over OV_RATE_MAP_NALPHA values from
 * OV_RATE_MAP_ALPHA_LO to OV_RATE_MAP_ALPHA_HI times gd's optimal alpha
 * 2/(lmin + lmax), ends included; beta = j * OV_RATE_MAP_BETA_STEP for j =
 * 0 .. OV_RATE_MAP_NBETA - 1 (0, 0.025, ..., 0.975); gd has one row, beta 0. */
#define OV_RATE_MAP_NALPHA 400
#define OV_RATE_MAP_NBETA 40
#define OV_RATE_MAP_BETA_STEP 0.025
#define OV_RATE_MAP_ALPHA_LO 1e-3
#define OV_RATE_MAP_ALPHA_HI 10.0

/* Whether the map covers kind (gd, momentum, nesterov). */
bool ov_rate_map_covers(ov_optim_kind kind);

/* The worst-case linear rate: the largest modulus of a root of the method's
 * per-eigenvalue iteration, over lambda in {lmin, lmax}:
 *   gd        |1 - alpha lambda|                        (beta ignored)
 *   momentum  z^2 - (1 + beta - alpha lambda) z + beta = 0
 *   nesterov  z^2 - (1 + beta)(1 - alpha lambda) z + beta (1 - alpha lambda) = 0
 * The error shrinks like rate^k; >= 1 diverges (or does not converge). NAN
 * for other kinds or eigenvalues not 0 < lmin <= lmax. */
double ov_rate_map_rate(ov_optim_kind kind, double alpha, double beta, double lmin, double lmax);

/* The alpha where the rate reaches 1 at this beta (the largest
 * eigenvalue's root crosses -1): gd 2/lmax, momentum 2 (1 + beta)/lmax,
 * nesterov (1 + 1/(1 + 2 beta))/lmax; the map's boundary line. NAN for
 * other kinds or lmax <= 0. */
double ov_rate_map_edge(ov_optim_kind kind, double beta, double lmax);

/* Grid rows of kind (1 for gd, OV_RATE_MAP_NBETA otherwise). */
int ov_rate_map_rows(ov_optim_kind kind);
/* alpha of column i (0 .. NALPHA-1; fractional i interpolates on the log
 * axis) and the column (fractional) of alpha, for gd's optimum alpha_gd. */
double ov_rate_map_alpha(double alpha_gd, double i);
double ov_rate_map_column(double alpha_gd, double alpha);
/* beta of row j. */
double ov_rate_map_beta(int j);

/* The optimum the map marks: gd alpha* = 2/(lmin + lmax), rate
 * (kappa-1)/(kappa+1); momentum alpha* = (2/(sqrt lmax + sqrt lmin))^2,
 * beta* = ((sqrt kappa - 1)/(sqrt kappa + 1))^2, rate (sqrt kappa -
 * 1)/(sqrt kappa + 1); nesterov the tuning the O key uses (theory.h) and
 * its rate. false for other kinds or invalid eigenvalues. */
bool ov_rate_map_optimum(ov_optim_kind kind, double lmin, double lmax, double *alpha,
                         double *beta, double *rate);

/* Steps to shrink the error 10x at this rate: ln 10 / -ln rate (INFINITY
 * for rate >= 1 or not finite, 0 for rate 0). */
double ov_rate_map_steps10(double rate);

/* The observed per-step rate of run at step k: (|e_k| / |e_(k-span)|)^(1/span)
 * with e = w - (wx, wy), over the last min(k, span) steps; NAN for k < 1,
 * k past the run's end or a zero error at the earlier step. */
double ov_rate_map_observed(const ov_run *run, int k, int span, double wx, double wy);

/* The eigenvalues lmin <= lmax of s's Hessian at (x, y), for the map.
 * true when positive definite; false with the reason in why (e.g. "the
 * Hessian at (1, 2) is not positive definite: eigenvalues -2 and 2"). */
bool ov_rate_map_hessian(const ov_surface *s, double x, double y, double *lmin, double *lmax,
                         char *why, size_t cap);
/* The same for an objective of n parameters (a model): the smallest and
 * largest of the n eigenvalues of its Hessian at w, the extremes that
 * decide the rates of gd and momentum on the quadratic with that Hessian.
 * false with the reason (n given) when they are not finite or the
 * smallest is not positive. */
bool ov_rate_map_hessian_n(const ov_objective *obj, const double *w, double *lmin,
                           double *lmax, char *why, size_t cap);

#endif
