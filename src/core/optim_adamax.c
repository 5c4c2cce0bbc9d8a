/* AdaMax (Kingma & Ba 2015, section 7.1) as torch's Adamax: Adam with the
 * infinity norm of past gradients in place of the second moment. */
#include "optim_internal.h"

#include <math.h>

static bool ov_adamax_step(const ov_optim_params *p, ov_optim_state *st, double *w,
                           const ov_oracle *oracle)
{
    double g[OV_OPTIM_MAX_DIM], delta[OV_OPTIM_MAX_DIM] = {0.0};
    const int n = ov_oracle_dim(oracle);   /* the coordinates the loss has */
    if (!ov_optim_gradient(oracle, w, g))
        return false;
    st->t++;
    st->beta_t[0] *= p->beta;
    const double c1 = 1.0 - st->beta_t[0];
    for (int k = 0; k < n; k++) {
        st->m[k] = p->beta * st->m[k] + (1.0 - p->beta) * g[k];
        /* u lives in s (the second-moment slot of the Adam family). */
        st->s[k] = fmax(p->beta2 * st->s[k], fabs(g[k]) + p->eps);
        delta[k] = -p->alpha * st->m[k] / (c1 * st->s[k]);
    }
    ov_optim_take(st, w, delta, oracle);
    return true;
}

const ov_optim_method ov_optim_adamax = {
    .info = {
        .name = "adamax",
        .title = "AdaMax (Kingma & Ba 2015), torch Adamax",
        .rule = "t = 1, 2, ...;  m <- β m + (1-β) g;  u <- max(β2 u, |g| + ε);\n"
                "w <- w - α m / ((1-β^t) u);  m, u start at 0, per coordinate",
        .alpha = 0.002, .beta = 0.9, .beta2 = 0.999, .eps = 1e-8,
        .uses_beta = true, .uses_beta2 = true, .uses_eps = true,
    },
    .state_init = ov_optim_powers_init,
    .step = ov_adamax_step,
};
