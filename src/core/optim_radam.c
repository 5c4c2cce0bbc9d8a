/* RAdam (Liu et al. 2020) as torch's RAdam: Adam whose adaptive step is
 * rectified by r_t once the variance of its estimate is tractable (ρ_t > 5),
 * plain momentum SGD with bias correction before. */
#include "optim_internal.h"

#include <math.h>

static bool ov_radam_step(const ov_optim_params *p, ov_optim_state *st, double *w,
                          const ov_oracle *oracle)
{
    double g[OV_OPTIM_MAX_DIM], delta[OV_OPTIM_MAX_DIM] = {0.0};
    const int n = ov_oracle_dim(oracle);   /* the coordinates the loss has */
    if (!ov_optim_gradient(oracle, w, g))
        return false;
    ov_optim_adam_moments(p, st, g, n);
    const double c1 = 1.0 - st->beta_t[0], c2 = 1.0 - st->beta_t[1];
    const double rho_inf = 2.0 / (1.0 - p->beta2) - 1.0;
    const double rho = rho_inf - 2.0 * st->t * st->beta_t[1] / c2;
    const double r = rho > 5.0 ? sqrt((rho - 4.0) * (rho - 2.0) * rho_inf /
                                      ((rho_inf - 4.0) * (rho_inf - 2.0) * rho))
                               : 0.0;
    for (int k = 0; k < n; k++) {
        const double mhat = st->m[k] / c1;
        delta[k] = rho > 5.0 ? -p->alpha * mhat * r * sqrt(c2) / (sqrt(st->s[k]) + p->eps)
                             : -p->alpha * mhat;
    }
    ov_optim_take(st, w, delta, oracle);
    return true;
}

const ov_optim_method ov_optim_radam = {
    .info = {
        .name = "radam",
        .title = "RAdam (Liu et al. 2020), torch RAdam",
        .rule = "t = 1, 2, ...;  m <- β m + (1-β) g;  v <- β2 v + (1-β2) g²;  m̂ = m/(1-β^t);\n"
                "ρ∞ = 2/(1-β2) - 1,  ρ_t = ρ∞ - 2 t β2^t/(1-β2^t);\n"
                "ρ_t > 5: w <- w - α m̂ r_t sqrt(1-β2^t)/(sqrt(v)+ε),  r_t = sqrt((ρ_t-4)(ρ_t-2)ρ∞/((ρ∞-4)(ρ∞-2)ρ_t));\n"
                "else:    w <- w - α m̂;  m, v start at 0, per coordinate",
        .alpha = 0.001, .beta = 0.9, .beta2 = 0.999, .eps = 1e-8,
        .uses_beta = true, .uses_beta2 = true, .uses_eps = true,
    },
    .state_init = ov_optim_powers_init,
    .step = ov_radam_step,
};
