/* AdamW (Loshchilov & Hutter 2019) as torch's AdamW: the weights decay
 * toward the origin by α λ w first, then Adam's step from the gradient. */
#include "optim_internal.h"

#include <math.h>

static bool ov_adamw_step(const ov_optim_params *p, ov_optim_state *st, double *w,
                          const ov_oracle *oracle)
{
    double g[OV_OPTIM_MAX_DIM], delta[OV_OPTIM_MAX_DIM] = {0.0};
    const int n = ov_oracle_dim(oracle);   /* the coordinates the loss has */
    if (!ov_optim_gradient(oracle, w, g))
        return false;
    ov_optim_adam_moments(p, st, g, n);
    const double c1 = 1.0 - st->beta_t[0], c2 = 1.0 - st->beta_t[1];
    for (int k = 0; k < n; k++) {
        const double decayed = w[k] * (1.0 - p->alpha * p->wd);
        const double next = decayed - p->alpha * (st->m[k] / c1) / (sqrt(st->s[k] / c2) + p->eps);
        delta[k] = next - w[k];
    }
    /* w + delta rounds back to next: the step lands where the rule says. */
    ov_optim_take(st, w, delta, oracle);
    return true;
}

const ov_optim_method ov_optim_adamw = {
    .info = {
        .name = "adamw",
        .title = "AdamW (Loshchilov & Hutter 2019), torch AdamW",
        .rule = "t = 1, 2, ...;  w <- w (1 - α λ) first (λ = :wd=, decoupled weight decay);\n"
                "m <- β m + (1-β) g;  v <- β2 v + (1-β2) g²;  w <- w - α (m/(1-β^t)) / (sqrt(v/(1-β2^t)) + ε);\n"
                "g taken at w before the decay; m, v start at 0, per coordinate",
        .alpha = 0.001, .beta = 0.9, .beta2 = 0.999, .eps = 1e-8, .wd = 0.01,
        .uses_beta = true, .uses_beta2 = true, .uses_eps = true, .uses_wd = true,
    },
    .state_init = ov_optim_powers_init,
    .step = ov_adamw_step,
};
