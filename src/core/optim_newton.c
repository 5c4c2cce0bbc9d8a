/* Damped Newton: the Newton direction where the Hessian is positive
 * definite, the saddle-free direction (|eigenvalues|) where it is not, and
 * Armijo backtracking so the loss never increases. The rule, word for word,
 * is in the row's info below. */
#include "optim_internal.h"

#include <math.h>
#include <stddef.h>

#include "linalg.h"

/* p = -sum_i (v_i'g / l_i) v_i over the n eigenpairs (lambda[i], row i of
 * v), l_i = lambda_i (exact) or max(|lambda_i|, floor) (saddle-free). */
static void ov_newton_combine(int n, const double *lambda, const double *v, const double *g,
                              ov_newton_dir dir, double floor, double *p)
{
    for (int k = 0; k < n; k++)
        p[k] = 0.0;
    for (int i = 0; i < n; i++) {
        const double *vi = v + (size_t)i * n;
        double l = dir == OV_NEWTON_EXACT ? lambda[i] : fmax(fabs(lambda[i]), floor);
        double c = ov_optim_dot(vi, g, n) / l;
        for (int k = 0; k < n; k++)
            p[k] -= c * vi[k];
    }
}

/* Newton's direction p from g and the n x n Hessian h; returns which rule.
 * At n = 2 the eigenpairs come from the closed-form 2x2 solver, else from
 * Jacobi's method. */
static ov_newton_dir ov_newton_direction(int n, const double *g, const double *h, double *p)
{
    for (int k = 0; k < n; k++)
        p[k] = -g[k];
    for (int k = 0; k < n * n; k++)
        if (!isfinite(h[k]))
            return OV_NEWTON_GRADIENT;
    double lambda[OV_OPTIM_MAX_DIM], v[OV_OPTIM_MAX_DIM * OV_OPTIM_MAX_DIM];
    if (n == 2) {
        double v2[2][2];
        ov_sym2_eigen((const double[3]){h[0], h[1], h[3]}, lambda, v2);
        v[0] = v2[0][0];
        v[1] = v2[0][1];
        v[2] = v2[1][0];
        v[3] = v2[1][1];
    } else if (!ov_linalg_sym_eigen(n, h, lambda, v)) {
        return OV_NEWTON_GRADIENT;
    }
    double big = 0.0;
    for (int i = 0; i < n; i++)
        big = fmax(big, fabs(lambda[i]));
    if (!(big > 0.0) || !isfinite(big))
        return OV_NEWTON_GRADIENT;
    const double floor = OV_NEWTON_EIG_FLOOR * big;
    const ov_newton_dir dir = lambda[0] > floor ? OV_NEWTON_EXACT : OV_NEWTON_ABS;
    ov_newton_combine(n, lambda, v, g, dir, floor, p);
    return dir;
}

static bool ov_newton_step(const ov_optim_params *p, ov_optim_state *st, double *w,
                           const ov_oracle *oracle)
{
    if (st->stuck)
        return ov_optim_stay(st, OV_LS_FAILED, 0);
    const int n = oracle->n;
    double f, g[OV_OPTIM_MAX_DIM], h[OV_OPTIM_MAX_DIM * OV_OPTIM_MAX_DIM];
    oracle->eval(oracle->ctx, w, &f, g, h);
    for (int k = 0; k < n; k++)
        if (!isfinite(g[k]))
            return false;
    const double gg = ov_optim_dot(g, g, n);
    if (gg == 0.0)
        return ov_optim_stay(st, OV_LS_NONE, 1);
    st->t++;

    double dir[OV_OPTIM_MAX_DIM] = {0.0};
    st->newton_dir = ov_newton_direction(n, g, h, dir);
    /* g'p < 0 for every direction above; 0 only when it underflows. */
    double slope = ov_optim_dot(g, dir, n);
    if (slope > 0.0 || !isfinite(slope)) {
        st->newton_dir = OV_NEWTON_GRADIENT;
        for (int k = 0; k < n; k++)
            dir[k] = -g[k];
        slope = -gg;
    }

    double delta[OV_OPTIM_MAX_DIM] = {0.0};
    double t = p->alpha;
    st->ls_evals = 1;
    st->ls_result = OV_LS_FAILED;
    st->ls_step = 0.0;
    for (int j = 0; j <= OV_NEWTON_MAX_HALVINGS && t > 0.0 && isfinite(f); j++, t *= 0.5) {
        double x[OV_OPTIM_MAX_DIM], fx, gx[OV_OPTIM_MAX_DIM];
        for (int k = 0; k < n; k++)
            x[k] = w[k] + t * dir[k];
        oracle->eval(oracle->ctx, x, &fx, gx, NULL);
        st->ls_evals++;
        if (isfinite(fx) && fx < f && fx <= f + OV_LS_C1 * t * slope) {
            for (int k = 0; k < n; k++)
                delta[k] = t * dir[k];
            st->ls_result = OV_LS_ARMIJO;
            st->ls_step = t;
            break;
        }
    }
    /* Newton keeps no memory: a failed search from w fails again. */
    st->stuck = st->ls_result == OV_LS_FAILED;
    ov_optim_take(st, w, delta, oracle);
    return true;
}

const ov_optim_method ov_optim_newton = {
    .info = {
        .name = "newton",
        .title = "damped Newton, saddle-free where H is not positive definite",
        .rule = "H = V Λ V' at w (eigenvalues λ_1 <= λ_2), δ = 1e-12 max|λ_i|;\n"
                "λ_1 > δ: p = -H^-1 g (Newton);  else p = -V |Λ|_δ^-1 V' g, |λ_i|_δ = max(|λ_i|, δ)\n"
                "(saddle-free: along negative curvature the step goes downhill, away from a saddle);\n"
                "H zero or not finite, or g'p > 0 from round-off: p = -g;\n"
                "t = α, α/2, α/4, ... (at most 51 trials) until L(w + t p) <= L(w) + 1e-4 t g'p\n"
                "and L(w + t p) < L(w);  w <- w + t p;  if none passes, w stays (the loss never increases)",
        .alpha = 1.0,
    },
    .step = ov_newton_step,
};
