/* Lion (Chen et al. 2023, "Symbolic Discovery of Optimization
 * Algorithms", Algorithm 2): the sign of an interpolated momentum, with
 * decoupled weight decay. */
#include "optim_internal.h"

static double ov_lion_sign(double v)
{
    return (v > 0.0) - (v < 0.0);
}

static bool ov_lion_step(const ov_optim_params *p, ov_optim_state *st, double *w,
                         const ov_oracle *oracle)
{
    double g[OV_OPTIM_MAX_DIM], delta[OV_OPTIM_MAX_DIM] = {0.0};
    const int n = ov_oracle_dim(oracle);   /* the coordinates the loss has */
    if (!ov_optim_gradient(oracle, w, g))
        return false;
    st->t++;
    for (int k = 0; k < n; k++) {
        const double c = p->beta * st->m[k] + (1.0 - p->beta) * g[k];
        delta[k] = -p->alpha * (ov_lion_sign(c) + p->wd * w[k]);
        st->m[k] = p->beta2 * st->m[k] + (1.0 - p->beta2) * g[k];
    }
    ov_optim_take(st, w, delta, oracle);
    return true;
}

const ov_optim_method ov_optim_lion = {
    .info = {
        .name = "lion",
        .title = "Lion (Chen et al. 2023), sign of interpolated momentum",
        .rule = "c <- β m + (1-β) g;  w <- w - α (sign(c) + λ w), sign(0) = 0, λ = :wd=;\n"
                "m <- β2 m + (1-β2) g;  m starts at 0, per coordinate (β = β1 of the paper)",
        .alpha = 0.0001, .beta = 0.9, .beta2 = 0.99, .wd = 0.0,
        .uses_beta = true, .uses_beta2 = true, .uses_wd = true,
    },
    .step = ov_lion_step,
};
