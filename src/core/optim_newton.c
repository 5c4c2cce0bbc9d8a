/* Damped Newton: the Newton direction where the Hessian is positive
 * definite, the saddle-free direction (|eigenvalues|) where it is not, and
 * Armijo backtracking so the loss never increases. The rule, word for word,
 * is in the row's info below. */
#include "optim_internal.h"

#include <math.h>
#include <stddef.h>

#include "linalg.h"

/* Newton's direction p from g and the Hessian h; returns which rule. */
static ov_newton_dir ov_newton_direction(const double g[2], const double h[3], double p[2])
{
    p[0] = -g[0];
    p[1] = -g[1];
    if (!isfinite(h[0]) || !isfinite(h[1]) || !isfinite(h[2]))
        return OV_NEWTON_GRADIENT;
    double lambda[2], v[2][2];
    ov_sym2_eigen(h, lambda, v);
    const double big = fmax(fabs(lambda[0]), fabs(lambda[1]));
    if (!(big > 0.0) || !isfinite(big))
        return OV_NEWTON_GRADIENT;
    const double floor = OV_NEWTON_EIG_FLOOR * big;
    const ov_newton_dir dir = lambda[0] > floor ? OV_NEWTON_EXACT : OV_NEWTON_ABS;
    p[0] = p[1] = 0.0;
    for (int i = 0; i < 2; i++) {
        double l = dir == OV_NEWTON_EXACT ? lambda[i] : fmax(fabs(lambda[i]), floor);
        double c = ov_optim_dot(v[i], g) / l;
        p[0] -= c * v[i][0];
        p[1] -= c * v[i][1];
    }
    return dir;
}

static bool ov_newton_step(const ov_optim_params *p, ov_optim_state *st, double w[2],
                           const ov_oracle *oracle)
{
    if (st->stuck)
        return ov_optim_stay(st, OV_LS_FAILED, 0);
    double f, g[2], h[3];
    oracle->eval(oracle->ctx, w, &f, g, h);
    if (!isfinite(g[0]) || !isfinite(g[1]))
        return false;
    const double gg = ov_optim_dot(g, g);
    if (gg == 0.0)
        return ov_optim_stay(st, OV_LS_NONE, 1);
    st->t++;

    double dir[2];
    st->newton_dir = ov_newton_direction(g, h, dir);
    /* g'p < 0 for every direction above; 0 only when it underflows. */
    double slope = ov_optim_dot(g, dir);
    if (slope > 0.0 || !isfinite(slope)) {
        st->newton_dir = OV_NEWTON_GRADIENT;
        dir[0] = -g[0];
        dir[1] = -g[1];
        slope = -gg;
    }

    double delta[2] = {0.0, 0.0};
    double t = p->alpha;
    st->ls_evals = 1;
    st->ls_result = OV_LS_FAILED;
    st->ls_step = 0.0;
    for (int j = 0; j <= OV_NEWTON_MAX_HALVINGS && t > 0.0 && isfinite(f); j++, t *= 0.5) {
        double x[2] = {w[0] + t * dir[0], w[1] + t * dir[1]}, fx, gx[2];
        oracle->eval(oracle->ctx, x, &fx, gx, NULL);
        st->ls_evals++;
        if (isfinite(fx) && fx < f && fx <= f + OV_LS_C1 * t * slope) {
            delta[0] = t * dir[0];
            delta[1] = t * dir[1];
            st->ls_result = OV_LS_ARMIJO;
            st->ls_step = t;
            break;
        }
    }
    /* Newton keeps no memory: a failed search from w fails again. */
    st->stuck = st->ls_result == OV_LS_FAILED;
    ov_optim_take(st, w, delta);
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
