/* Adagrad: the gradient scaled by the root of the summed squares. */
#include "optim_internal.h"

#include <math.h>

static bool ov_adagrad_step(const ov_optim_params *p, ov_optim_state *st, double *w,
                            const ov_oracle *oracle)
{
    double g[OV_OPTIM_MAX_DIM], delta[OV_OPTIM_MAX_DIM];
    const int n = oracle->n;
    if (!ov_optim_gradient(oracle, w, g))
        return false;
    st->t++;
    for (int k = 0; k < n; k++) {
        st->s[k] += g[k] * g[k];
        delta[k] = -p->alpha * g[k] / (sqrt(st->s[k]) + p->eps);
    }
    ov_optim_take(st, w, delta, oracle);
    return true;
}

const ov_optim_method ov_optim_adagrad = {
    .info = {
        .name = "adagrad",
        .title = "Adagrad (Duchi, Hazan & Singer 2011)",
        .rule = "s <- s + g²;  w <- w - α g / (sqrt(s) + ε);  s starts at 0, per coordinate",
        .alpha = 0.01, .eps = 1e-8,
        .uses_eps = true,
    },
    .step = ov_adagrad_step,
};
