/* The error of a run in the Hessian's eigenvectors, and the theory's
 * prediction of each component for the linear methods: the error
 * e_k = w_k - w* along eigenvector v_i (eigenvalue lambda_i) is
 * c_k = v_i . e_k, and on a quadratic
 *   gd                  c_k = (1 - alpha lambda)^k c_0
 *   momentum, nesterov  c_(k+1) = t c_k - d c_(k-1) for k >= 1 (theory.h's
 *                       iteration matrix), so c_k = A1 z1^k + A2 z2^k with
 *                       z1, z2 the roots of z^2 - t z + d and A1, A2 from
 *                       c_0, c_1; (A + B k) z^k where the roots coincide
 *                       or nearly do (the optimum's double root). */
#ifndef OV_EIGEN_MODES_H
#define OV_EIGEN_MODES_H

#include <stdbool.h>
#include <stddef.h>

#include "optim.h"
#include "run.h"
#include "surface.h"

/* Roots closer than this (relative to their size) count as one double root. */
#define OV_MODE_REPEATED 1e-6

/* The basis the error is written in: the point w* and the Hessian's
 * eigenvalues there (ascending) with unit eigenvectors v[i]. */
typedef struct ov_eigen_basis {
    double wx, wy;
    bool known_min;     /* w* is a known minimum of the surface; else the
                         * run's last iterate */
    double lambda[2];
    double v[2][2];
} ov_eigen_basis;

/* w* for run: the known minimum of s nearest the run's last iterate, else
 * that iterate; the Hessian's eigen-decomposition there. false (with the
 * reason in why) when the run is empty, or the Hessian there is not finite
 * or not positive definite (the basis is still filled where it could be). */
bool ov_eigen_basis_of(const ov_surface *s, const ov_run *run, ov_eigen_basis *b, char *why,
                       size_t cap);

/* Component i (0: the smaller eigenvalue) of run's error at step k. */
double ov_eigen_component(const ov_eigen_basis *b, const ov_run *run, int i, int k);

/* One component's prediction. */
typedef struct ov_mode_pred {
    int order;              /* 1: gd; 2: momentum, nesterov */
    bool repeated;          /* order 2 with (nearly) one double root */
    double z1[2], z2[2];    /* roots, (re, im) (order 1: z1 = 1 - alpha lambda) */
    double a1[2], a2[2];    /* A1, A2; repeated: A and B */
    double c0, c1;
} ov_mode_pred;

/* Sets up the prediction of p's component along an eigenvector with
 * eigenvalue lambda from its first two values c0, c1 (c1 unused for gd).
 * false for methods that are not linear iterations. */
bool ov_mode_predict_init(const ov_optim_params *p, double lambda, double c0, double c1,
                          ov_mode_pred *m);
/* The predicted component at step k >= 0 (c0, c1 at k = 0, 1 exactly). */
double ov_mode_predict(const ov_mode_pred *m, int k);

#endif
