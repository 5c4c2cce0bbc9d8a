/* Adam: bias-corrected first and second moments, per coordinate. */
#include "optim_internal.h"

#include <math.h>

/* beta^t and beta2^t start at beta^0 = 1. */
static void ov_adam_init(ov_optim_state *st, const ov_optim_params *p)
{
    (void)p;
    st->beta_t[0] = 1.0;
    st->beta_t[1] = 1.0;
}

static bool ov_adam_step(const ov_optim_params *p, ov_optim_state *st, double *w,
                         const ov_oracle *oracle)
{
    double g[OV_OPTIM_MAX_DIM], delta[OV_OPTIM_MAX_DIM];
    const int n = oracle->n;
    if (!ov_optim_gradient(oracle, w, g))
        return false;
    ov_optim_adam_moments(p, st, g, n);
    double c1 = 1.0 - st->beta_t[0], c2 = 1.0 - st->beta_t[1];
    for (int k = 0; k < n; k++)
        delta[k] = -p->alpha * (st->m[k] / c1) / (sqrt(st->s[k] / c2) + p->eps);
    ov_optim_take(st, w, delta, oracle);
    return true;
}

const ov_optim_method ov_optim_adam = {
    .info = {
        .name = "adam",
        .title = "Adam (Kingma & Ba 2015)",
        .rule = "t = 1, 2, ...;  m <- β m + (1-β) g;  s <- β2 s + (1-β2) g²;\n"
                "w <- w - α (m/(1-β^t)) / (sqrt(s/(1-β2^t)) + ε);  m, s start at 0, all per coordinate",
        .alpha = 0.001, .beta = 0.9, .beta2 = 0.999, .eps = 1e-8,
        .uses_beta = true, .uses_beta2 = true, .uses_eps = true,
    },
    .state_init = ov_adam_init,
    .step = ov_adam_step,
};
