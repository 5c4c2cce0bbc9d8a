/* NAdam (Dozat 2016) as torch >= 2.0 writes it: Nesterov momentum in Adam
 * with the momentum schedule μ_t = β(1 - ½ 0.96^(t ψ)). */
#include "optim_internal.h"

#include <math.h>

#define OV_NADAM_PSI 0.004

static double ov_nadam_mu(double beta, int t)
{
    return beta * (1.0 - 0.5 * pow(0.96, t * OV_NADAM_PSI));
}

static void ov_nadam_init(ov_optim_state *st, const ov_optim_params *p)
{
    ov_optim_powers_init(st, p);
    st->mu_prod = 1.0;
}

static bool ov_nadam_step(const ov_optim_params *p, ov_optim_state *st, double *w,
                          const ov_oracle *oracle)
{
    double g[OV_OPTIM_MAX_DIM], delta[OV_OPTIM_MAX_DIM] = {0.0};
    const int n = ov_oracle_dim(oracle);   /* the coordinates the loss has */
    if (!ov_optim_gradient(oracle, w, g))
        return false;
    st->t++;
    st->beta_t[1] *= p->beta2;
    const double mu = ov_nadam_mu(p->beta, st->t), mu_next = ov_nadam_mu(p->beta, st->t + 1);
    st->mu_prod *= mu;
    const double c2 = 1.0 - st->beta_t[1];
    const double a_g = p->alpha * (1.0 - mu) / (1.0 - st->mu_prod);
    const double a_m = p->alpha * mu_next / (1.0 - st->mu_prod * mu_next);
    for (int k = 0; k < n; k++) {
        st->m[k] = p->beta * st->m[k] + (1.0 - p->beta) * g[k];
        st->s[k] = p->beta2 * st->s[k] + (1.0 - p->beta2) * g[k] * g[k];
        const double den = sqrt(st->s[k] / c2) + p->eps;
        delta[k] = -a_g * g[k] / den - a_m * st->m[k] / den;
    }
    ov_optim_take(st, w, delta, oracle);
    return true;
}

const ov_optim_method ov_optim_nadam = {
    .info = {
        .name = "nadam",
        .title = "NAdam (Dozat 2016), torch NAdam",
        .rule = "t = 1, 2, ...;  μ_t = β (1 - ½ 0.96^(0.004 t));  P_t = μ_1 ... μ_t (each μ once);\n"
                "m <- β m + (1-β) g;  v <- β2 v + (1-β2) g²;  v̂ = v/(1-β2^t);\n"
                "w <- w - α (1-μ_t) g / ((1-P_t)(sqrt(v̂)+ε)) - α μ_(t+1) m / ((1-P_t μ_(t+1))(sqrt(v̂)+ε));\n"
                "m, v start at 0, per coordinate",
        .alpha = 0.002, .beta = 0.9, .beta2 = 0.999, .eps = 1e-8,
        .uses_beta = true, .uses_beta2 = true, .uses_eps = true,
    },
    .state_init = ov_nadam_init,
    .step = ov_nadam_step,
};
