/* The theory of the quadratic L(w) = 1/2 w'Hw for the theory panel: the
 * step sizes and rates that follow from H's eigenvalues, the linear
 * iteration each first-order method performs along each eigenvector, and
 * from its eigenvalues whether a run converges monotonically, oscillates or
 * diverges; and the local curvature of any objective (a model's n x n
 * Hessian at a point: its eigenvalues and condition number). */
#ifndef OV_THEORY_H
#define OV_THEORY_H

#include <stdbool.h>
#include "objective.h"
#include "optim.h"
#include "surface.h"

/* What the quadratic with Hessian eigenvalues 0 < lmin <= lmax implies. */
typedef struct ov_quad_theory {
    double lmin, lmax, kappa;   /* kappa = lmax / lmin */
    double gd_alpha_max;        /* GD converges iff 0 < alpha < 2/lmax */
    double gd_alpha_opt;        /* 2/(lmin + lmax) */
    double gd_rate;             /* its rate (kappa-1)/(kappa+1) */
    double hb_alpha;            /* heavy ball (momentum): (2/(sqrt lmin + sqrt lmax))^2 */
    double hb_beta;             /* ((sqrt kappa - 1)/(sqrt kappa + 1))^2 */
    double hb_rate;             /* (sqrt kappa - 1)/(sqrt kappa + 1) */
    double nag_alpha;           /* Nesterov: 4/(3 lmax + lmin) */
    double nag_beta;            /* (sqrt(3 kappa + 1) - 2)/(sqrt(3 kappa + 1) + 2) */
    double nag_rate;            /* 1 - 2/sqrt(3 kappa + 1) */
} ov_quad_theory;

/* Fills out; false (out zeroed) unless 0 < lmin <= lmax, both finite. */
bool ov_theory_quadratic(double lmin, double lmax, ov_quad_theory *out);

/* One eigen-direction (Hessian eigenvalue lambda) of a linear method on the
 * quadratic. The error e along that direction obeys
 *   order 1:  e_(k+1) = m[0][0] e_k                                 (gd, newton)
 *   order 2:  e_(k+1) = m[0][0] e_k + m[0][1] e_(k-1)  (momentum, nesterov)
 * with e_(-1) = e_0 (no velocity at the start); m is the iteration matrix on
 * (e_k, e_(k-1)), m[1] = {1, 0}. */
typedef struct ov_theory_mode {
    double lambda;
    int order;
    double m[2][2];
    double re[2], im[2];   /* eigenvalues of m (order 1: only [0]); complex
                            * pairs have im[0] = -im[1] > 0 */
    double rho;            /* largest |eigenvalue| */
} ov_theory_mode;

/* The iteration matrices (alpha a, beta b, t newton's accepted step):
 *   gd        1 - a lambda
 *   momentum  [[1 + b - a lambda, -b], [1, 0]]  (heavy ball, see ov_theory_classify)
 *   nesterov  [[(1 + b)(1 - a lambda), -b (1 - a lambda)], [1, 0]]
 *   newton    1 - t, t = a halved until t <= 2 (1 - OV_LS_C1): Armijo on the
 *             exact quadratic accepts t exactly then (needs H positive
 *             definite to OV_NEWTON_EIG_FLOOR)
 * false (out zeroed) for the other kinds, which are not linear iterations. */
bool ov_theory_mode_of(const ov_optim_params *p, double lambda, ov_theory_mode *out);

typedef enum ov_run_regime {
    OV_RUN_CONVERGING,    /* rho < 1, every eigenvalue of both modes real, >= 0 */
    OV_RUN_OSCILLATING,   /* rho < 1, some eigenvalue negative or complex */
    OV_RUN_DIVERGING,     /* rho > 1 */
    OV_RUN_BOUNDARY,      /* |rho - 1| <= 1e-12 */
    OV_RUN_NOT_COVERED    /* not a linear iteration (adam, rmsprop, adagrad,
                           * adadelta, rprop, cg), newton with lmin <=
                           * OV_NEWTON_EIG_FLOOR lmax, or not 0 < lmin <= lmax */
} ov_run_regime;

/* Classifies p's run on the quadratic with Hessian eigenvalues lmin, lmax,
 * writing its rate rho = max over both modes of their spectral radius (the
 * error shrinks like rho^k; 0 when not covered) when rho is not NULL.
 * Eigenvalues within 1e-12 of 0 count as 0, and a discriminant within
 * 1e-12 of the scale as 0 (a double real root). Converging monotonically
 * means every eigen-component of w - w* keeps its sign at every step;
 * oscillating means some component changes sign again and again (a
 * zig-zag or spiral across the valley), even when another mode is slower.
 * Momentum here is the lecture's u_i = -g_i + b u_(i-1), w <- w + a u_i,
 * which is exactly heavy ball w_(k+1) = w_k - a g_k + b (w_k - w_(k-1)). */
ov_run_regime ov_theory_classify(const ov_optim_params *p, double lmin, double lmax,
                                 double *rho);

/* A short phrase for the panel: "converging monotonically", ... */
const char *ov_theory_regime_name(ov_run_regime r);

/* For the quadratic surface: its Hessian's eigenvalues (evaluated exactly
 * at the origin; the Hessian is constant) into lmin <= lmax, true when both
 * are finite and lmin > 0. false for every other surface. */
bool ov_theory_surface_eigen(const ov_surface *s, double *lmin, double *lmax);

/* Sets p's alpha (and beta for momentum and nesterov) to the values with
 * the smallest rate on the quadratic with eigenvalues lmin, lmax: gd
 * alpha = gd_alpha_opt; momentum hb_alpha, hb_beta; nesterov nag_alpha,
 * nag_beta; newton alpha = 1. Returns false, p unchanged, for other kinds
 * or invalid eigenvalues. */
bool ov_theory_optimal(ov_optim_kind kind, double lmin, double lmax, ov_optim_params *p);

/* The n eigenvalues of obj's Hessian at w (obj->n coordinates), ascending,
 * into evals (room for obj->n): the closed-form 2x2 solver at n = 2 (as the
 * curvature panel), Jacobi's method beyond. Returns obj->n, or 0 when the
 * Hessian has a non-finite entry or the eigenvalues could not be found. */
int ov_theory_local_eigen(const ov_objective *obj, const double *w, double *evals);

/* The shape of the loss near a point, as the curvature panel names it. */
typedef enum ov_local_shape {
    OV_LOCAL_CONVEX,      /* every eigenvalue > 0: kappa finite */
    OV_LOCAL_FLAT,        /* the smallest is 0 (or lmax/lmin overflows): kappa infinite */
    OV_LOCAL_NONCONVEX,   /* some eigenvalue < 0 */
    OV_LOCAL_UNKNOWN      /* the Hessian is not finite here */
} ov_local_shape;

typedef struct ov_local_curvature {
    ov_local_shape shape;
    double lmin, lmax;    /* the smallest and largest eigenvalue (signed) */
    /* lmax / lmin when convex; +infinity when flat or non-convex (no
     * condition number describes a saddle). */
    double kappa;
    /* max |λ| / min |λ| over all eigenvalues, whatever their signs (the
     * ratio of the fastest and slowest curvature, what GD's step size and
     * speed depend on near a saddle); +infinity when some λ is 0. */
    double kappa_abs;
} ov_local_curvature;

/* The local curvature of obj at w (see ov_local_curvature); false, with
 * shape OV_LOCAL_UNKNOWN and the numbers NaN, when the Hessian is not
 * finite there. */
bool ov_theory_local_curvature(const ov_objective *obj, const double *w,
                               ov_local_curvature *out);

#endif
