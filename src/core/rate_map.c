/* The (alpha, beta) rate map (rate_map.h): the worst-case rate of the
 * linear methods from their per-eigenvalue iterations (theory.c), the grid,
 * the optima and the Hessian's eigenvalues at a point. */
#include "rate_map.h"

#include <math.h>
#include <stdio.h>

#include "linalg.h"

bool ov_rate_map_covers(ov_optim_kind kind)
{
    return kind == OV_OPT_GD || kind == OV_OPT_MOMENTUM || kind == OV_OPT_NESTEROV;
}

/* The largest |z| of z^2 - t z + d = 0: a complex pair has |z|^2 = d;
 * real roots (t +- sqrt(t^2 - 4d))/2, the larger in modulus (|t| +
 * sqrt(t^2 - 4d))/2. One square root: the panel evaluates 16,000 cells a
 * frame. */
static double root_modulus(double t, double d)
{
    const double disc = t * t - 4.0 * d;
    return disc < 0.0 ? sqrt(d) : 0.5 * (fabs(t) + sqrt(disc));
}

/* The rate along one eigenvalue (the per-eigenvalue iterations of
 * theory.h's ov_theory_mode_of). */
static double mode_rate(ov_optim_kind kind, double alpha, double beta, double lambda)
{
    const double q = 1.0 - alpha * lambda;
    switch (kind) {
    case OV_OPT_GD:
        return fabs(q);
    case OV_OPT_MOMENTUM:
        return root_modulus(1.0 + beta - alpha * lambda, beta);
    default:
        return root_modulus((1.0 + beta) * q, beta * q);
    }
}

double ov_rate_map_rate(ov_optim_kind kind, double alpha, double beta, double lmin, double lmax)
{
    if (!ov_rate_map_covers(kind) || !(isfinite(lmin) && isfinite(lmax) && lmin > 0.0 &&
                                       lmin <= lmax) ||
        !isfinite(alpha) || !isfinite(beta))
        return NAN;
    return fmax(mode_rate(kind, alpha, beta, lmin), mode_rate(kind, alpha, beta, lmax));
}

double ov_rate_map_edge(ov_optim_kind kind, double beta, double lmax)
{
    if (!(lmax > 0.0) || !isfinite(lmax))
        return NAN;
    switch (kind) {
    case OV_OPT_GD:
        return 2.0 / lmax;
    case OV_OPT_MOMENTUM:
        return 2.0 * (1.0 + beta) / lmax;
    case OV_OPT_NESTEROV:
        return (1.0 + 1.0 / (1.0 + 2.0 * beta)) / lmax;
    default:
        return NAN;
    }
}

int ov_rate_map_rows(ov_optim_kind kind)
{
    return kind == OV_OPT_GD ? 1 : OV_RATE_MAP_NBETA;
}

double ov_rate_map_alpha(double alpha_gd, double i)
{
    const double lo = log10(OV_RATE_MAP_ALPHA_LO), hi = log10(OV_RATE_MAP_ALPHA_HI);
    if (i <= 0.0)
        return alpha_gd * OV_RATE_MAP_ALPHA_LO;
    if (i >= OV_RATE_MAP_NALPHA - 1)
        return alpha_gd * OV_RATE_MAP_ALPHA_HI;
    return alpha_gd * pow(10.0, lo + (hi - lo) * i / (OV_RATE_MAP_NALPHA - 1));
}

double ov_rate_map_column(double alpha_gd, double alpha)
{
    const double lo = log10(OV_RATE_MAP_ALPHA_LO), hi = log10(OV_RATE_MAP_ALPHA_HI);
    return (log10(alpha / alpha_gd) - lo) / (hi - lo) * (OV_RATE_MAP_NALPHA - 1);
}

double ov_rate_map_beta(int j)
{
    return j / 40.0;   /* j * 0.025, correctly rounded */
}

bool ov_rate_map_optimum(ov_optim_kind kind, double lmin, double lmax, double *alpha,
                         double *beta, double *rate)
{
    ov_quad_theory t;
    if (!ov_rate_map_covers(kind) || !ov_theory_quadratic(lmin, lmax, &t))
        return false;
    switch (kind) {
    case OV_OPT_GD:
        *alpha = t.gd_alpha_opt;
        *beta = 0.0;
        *rate = t.gd_rate;
        return true;
    case OV_OPT_MOMENTUM:
        *alpha = t.hb_alpha;
        *beta = t.hb_beta;
        *rate = t.hb_rate;
        return true;
    default:
        *alpha = t.nag_alpha;
        *beta = t.nag_beta;
        *rate = ov_rate_map_rate(kind, t.nag_alpha, t.nag_beta, lmin, lmax);
        return true;
    }
}

double ov_rate_map_steps10(double rate)
{
    if (!(rate < 1.0) || !isfinite(rate))
        return INFINITY;
    if (rate <= 0.0)
        return 0.0;
    return log(10.0) / -log(rate);
}

double ov_rate_map_observed(const ov_run *run, int k, int span, double wx, double wy)
{
    if (!run || k < 1 || k >= run->n || span < 1)
        return NAN;
    int j = k - span < 0 ? 0 : k - span;
    double now = hypot(run->x[k] - wx, run->y[k] - wy);
    double then = hypot(run->x[j] - wx, run->y[j] - wy);
    if (!(then > 0.0))
        return NAN;
    return pow(now / then, 1.0 / (k - j));
}

bool ov_rate_map_hessian(const ov_surface *s, double x, double y, double *lmin, double *lmax,
                         char *why, size_t cap)
{
    double f, g[2], h[3], lambda[2], v[2][2];
    *lmin = *lmax = NAN;
    ov_surface_hess(s, x, y, &f, g, h);
    if (!isfinite(h[0]) || !isfinite(h[1]) || !isfinite(h[2])) {
        snprintf(why, cap, "the Hessian at (%.4g, %.4g) is not finite", x, y);
        return false;
    }
    ov_sym2_eigen(h, lambda, v);
    *lmin = lambda[0];
    *lmax = lambda[1];
    if (!(lambda[0] > 0.0) || !isfinite(lambda[1])) {
        snprintf(why, cap,
                 "the Hessian at (%.4g, %.4g) is not positive definite: eigenvalues %.4g and %.4g",
                 x, y, lambda[0], lambda[1]);
        return false;
    }
    return true;
}

bool ov_rate_map_hessian_n(const ov_objective *obj, const double *w, double *lmin,
                           double *lmax, char *why, size_t cap)
{
    double ev[OV_OBJECTIVE_MAX_DIM];
    *lmin = *lmax = NAN;
    if (ov_theory_local_eigen(obj, w, ev) != obj->n) {
        snprintf(why, cap, "the Hessian of the %d parameters at the start is not finite",
                 obj->n);
        return false;
    }
    *lmin = ev[0];
    *lmax = ev[obj->n - 1];
    if (!(ev[0] > 0.0) || !isfinite(ev[obj->n - 1])) {
        snprintf(why, cap, "the Hessian of the %d parameters is not positive definite there: "
                 "eigenvalues from %.4g to %.4g", obj->n, ev[0], ev[obj->n - 1]);
        return false;
    }
    return true;
}
