/* The theory of the quadratic: optimal step sizes and rates from the
 * Hessian's eigenvalues, each linear method's iteration matrix along an
 * eigenvector and its eigenvalues, and the regime of a run read from them. */
#include "theory.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "linalg.h"

#define OV_THEORY_ZERO 1e-12    /* |eigenvalue| below this counts as 0 */
#define OV_THEORY_EDGE 1e-12    /* |rho - 1| below this is the boundary */

bool ov_theory_quadratic(double lmin, double lmax, ov_quad_theory *out)
{
    memset(out, 0, sizeof *out);
    if (!(isfinite(lmin) && isfinite(lmax) && lmin > 0.0 && lmin <= lmax))
        return false;
    const double smin = sqrt(lmin), smax = sqrt(lmax);
    const double k = lmax / lmin;
    out->lmin = lmin;
    out->lmax = lmax;
    out->kappa = k;
    out->gd_alpha_max = 2.0 / lmax;
    out->gd_alpha_opt = 2.0 / (lmin + lmax);
    out->gd_rate = (lmax - lmin) / (lmax + lmin);
    const double hb = 2.0 / (smin + smax);
    out->hb_alpha = hb * hb;
    out->hb_rate = (smax - smin) / (smax + smin);
    out->hb_beta = out->hb_rate * out->hb_rate;
    const double q = sqrt(3.0 * k + 1.0);
    out->nag_alpha = 4.0 / (3.0 * lmax + lmin);
    out->nag_beta = (q - 2.0) / (q + 2.0);
    out->nag_rate = 1.0 - 2.0 / q;
    return true;
}

/* Newton's accepted step on an exact quadratic: alpha halved until Armijo,
 * which there reads t <= 2 (1 - c1); 0 when no trial passes. */
static double ov_newton_quadratic_step(double alpha)
{
    double t = alpha;
    for (int j = 0; j <= OV_NEWTON_MAX_HALVINGS; j++, t *= 0.5)
        if (t > 0.0 && t <= 2.0 * (1.0 - OV_LS_C1))
            return t;
    return 0.0;
}

/* Roots of z^2 - tr z + det = 0 into out->re/im. */
static void ov_theory_roots(double tr, double det, ov_theory_mode *out)
{
    const double disc = tr * tr - 4.0 * det;
    const double scale = tr * tr + 4.0 * fabs(det);
    if (fabs(disc) <= OV_THEORY_ZERO * scale) {
        out->re[0] = out->re[1] = 0.5 * tr;
    } else if (disc > 0.0) {
        /* The larger root without cancellation, the other from the product. */
        double z1 = 0.5 * (tr + copysign(sqrt(disc), tr));
        out->re[0] = z1;
        out->re[1] = z1 != 0.0 ? det / z1 : 0.0;
    } else {
        out->re[0] = out->re[1] = 0.5 * tr;
        out->im[0] = 0.5 * sqrt(-disc);
        out->im[1] = -out->im[0];
    }
}

bool ov_theory_mode_of(const ov_optim_params *p, double lambda, ov_theory_mode *out)
{
    memset(out, 0, sizeof *out);
    out->lambda = lambda;
    out->m[1][0] = 1.0;
    const double a = p->alpha, b = p->beta;
    switch (p->kind) {
    case OV_OPT_GD:
    case OV_OPT_NEWTON:
        out->order = 1;
        out->m[0][0] = p->kind == OV_OPT_GD ? 1.0 - a * lambda
                                            : 1.0 - ov_newton_quadratic_step(a);
        out->re[0] = out->m[0][0];
        out->rho = fabs(out->re[0]);
        return true;
    case OV_OPT_MOMENTUM:
        out->m[0][0] = 1.0 + b - a * lambda;
        out->m[0][1] = -b;
        break;
    case OV_OPT_NESTEROV:
        out->m[0][0] = (1.0 + b) * (1.0 - a * lambda);
        out->m[0][1] = -b * (1.0 - a * lambda);
        break;
    default:
        memset(out, 0, sizeof *out);
        return false;
    }
    out->order = 2;
    ov_theory_roots(out->m[0][0], -out->m[0][1], out);
    out->rho = fmax(hypot(out->re[0], out->im[0]), hypot(out->re[1], out->im[1]));
    return true;
}

/* True when some eigenvalue of mode is negative or complex. */
static bool ov_mode_oscillates(const ov_theory_mode *mode)
{
    for (int i = 0; i < mode->order; i++) {
        if (fabs(mode->re[i]) <= OV_THEORY_ZERO && mode->im[i] == 0.0)
            continue;
        if (mode->im[i] != 0.0 || mode->re[i] < 0.0)
            return true;
    }
    return false;
}

ov_run_regime ov_theory_classify(const ov_optim_params *p, double lmin, double lmax,
                                 double *rho)
{
    ov_theory_mode lo, hi;
    if (rho)
        *rho = 0.0;
    if (!(isfinite(lmin) && isfinite(lmax) && lmin > 0.0 && lmin <= lmax) ||
        !isfinite(p->alpha) || !isfinite(p->beta) || !ov_theory_mode_of(p, lmin, &lo) ||
        !ov_theory_mode_of(p, lmax, &hi))
        return OV_RUN_NOT_COVERED;
    /* Newton's mode assumes the Hessian counts as positive definite. */
    if (p->kind == OV_OPT_NEWTON && lmin <= OV_NEWTON_EIG_FLOOR * lmax)
        return OV_RUN_NOT_COVERED;
    const double r = fmax(lo.rho, hi.rho);
    if (!isfinite(r))
        return OV_RUN_NOT_COVERED;
    if (rho)
        *rho = r;
    if (fabs(r - 1.0) <= OV_THEORY_EDGE)
        return OV_RUN_BOUNDARY;
    if (r > 1.0)
        return OV_RUN_DIVERGING;
    return ov_mode_oscillates(&lo) || ov_mode_oscillates(&hi) ? OV_RUN_OSCILLATING
                                                              : OV_RUN_CONVERGING;
}

const char *ov_theory_regime_name(ov_run_regime r)
{
    switch (r) {
    case OV_RUN_CONVERGING:
        return "converging monotonically";
    case OV_RUN_OSCILLATING:
        return "oscillating, converging";
    case OV_RUN_DIVERGING:
        return "diverging";
    case OV_RUN_BOUNDARY:
        return "on the stability boundary";
    case OV_RUN_NOT_COVERED:
    default:
        return "not covered by this analysis";
    }
}

bool ov_theory_surface_eigen(const ov_surface *s, double *lmin, double *lmax)
{
    if (!s || !s->def || strcmp(s->def->name, "quadratic") != 0)
        return false;
    double f, g[2], h[3], lambda[2], v[2][2];
    ov_surface_hess(s, 0.0, 0.0, &f, g, h);
    if (!isfinite(h[0]) || !isfinite(h[1]) || !isfinite(h[2]))
        return false;
    ov_sym2_eigen(h, lambda, v);
    *lmin = lambda[0];
    *lmax = lambda[1];
    return isfinite(lambda[0]) && isfinite(lambda[1]) && lambda[0] > 0.0;
}

bool ov_theory_optimal(ov_optim_kind kind, double lmin, double lmax, ov_optim_params *p)
{
    ov_quad_theory t;
    if (!ov_theory_quadratic(lmin, lmax, &t))
        return false;
    switch (kind) {
    case OV_OPT_GD:
        p->alpha = t.gd_alpha_opt;
        return true;
    case OV_OPT_MOMENTUM:
        p->alpha = t.hb_alpha;
        p->beta = t.hb_beta;
        return true;
    case OV_OPT_NESTEROV:
        p->alpha = t.nag_alpha;
        p->beta = t.nag_beta;
        return true;
    case OV_OPT_NEWTON:
        p->alpha = 1.0;
        return true;
    default:
        return false;
    }
}

int ov_theory_local_eigen(const ov_objective *obj, const double *w, double *evals)
{
    const int n = obj->n;
    if (n < 1 || n > OV_OBJECTIVE_MAX_DIM)
        return 0;
    double f, g[OV_OBJECTIVE_MAX_DIM], h[OV_OBJECTIVE_MAX_DIM * OV_OBJECTIVE_MAX_DIM];
    obj->eval(obj->ctx, w, &f, g, h);
    for (int k = 0; k < n * n; k++)
        if (!isfinite(h[k]))
            return 0;
    if (n == 2) {
        double v[2][2];
        ov_sym2_eigen((const double[3]){h[0], h[1], h[3]}, evals, v);
        return isfinite(evals[0]) && isfinite(evals[1]) ? 2 : 0;
    }
    double *v = malloc(sizeof(double) * (size_t)n * (size_t)n);
    if (!v)
        return 0;
    const bool ok = ov_linalg_sym_eigen(n, h, evals, v);
    free(v);
    return ok ? n : 0;
}

bool ov_theory_local_curvature(const ov_objective *obj, const double *w,
                               ov_local_curvature *out)
{
    double lam[OV_OBJECTIVE_MAX_DIM];
    const int n = ov_theory_local_eigen(obj, w, lam);
    if (n < 1) {
        *out = (ov_local_curvature){OV_LOCAL_UNKNOWN, NAN, NAN, NAN, NAN};
        return false;
    }
    double amin = INFINITY, amax = 0.0;
    for (int i = 0; i < n; i++)
        amax = fmax(amax, fabs(lam[i]));
    /* Eigenvalues within rounding of 0 are 0: a least-squares Hessian
     * 2 J'J with more parameters than data rows is only semi-definite, and
     * its zero eigenvalues come out of Jacobi as +-1e-16 * max |lambda|. */
    const double tol = n * 1e-12 * amax;
    for (int i = 0; i < n; i++) {
        if (fabs(lam[i]) <= tol)
            lam[i] = 0.0;
        amin = fmin(amin, fabs(lam[i]));
    }
    out->lmin = lam[0];
    out->lmax = lam[n - 1];
    out->kappa_abs = amin > 0.0 ? amax / amin : INFINITY;
    /* As the curvature panel: a ratio that overflows counts as flat. */
    out->kappa = lam[0] > 0.0 ? lam[n - 1] / lam[0] : INFINITY;
    out->shape = lam[0] < 0.0              ? OV_LOCAL_NONCONVEX
                 : !isfinite(out->kappa) ? OV_LOCAL_FLAT
                                         : OV_LOCAL_CONVEX;
    if (!isfinite(out->kappa_abs))
        out->kappa_abs = INFINITY;
    return true;
}
