/* RMSprop: the gradient scaled by a running root mean square. */
#include "optim_internal.h"

#include <math.h>

static bool ov_rmsprop_step(const ov_optim_params *p, ov_optim_state *st, double *w,
                            const ov_oracle *oracle)
{
    double g[OV_OPTIM_MAX_DIM], delta[OV_OPTIM_MAX_DIM];
    const int n = oracle->n;
    if (!ov_optim_gradient(oracle, w, g))
        return false;
    st->t++;
    for (int k = 0; k < n; k++) {
        st->s[k] = p->beta * st->s[k] + (1.0 - p->beta) * g[k] * g[k];
        delta[k] = -p->alpha * g[k] / (sqrt(st->s[k]) + p->eps);
    }
    ov_optim_take(st, w, delta, oracle);
    return true;
}

const ov_optim_method ov_optim_rmsprop = {
    .info = {
        .name = "rmsprop",
        .title = "RMSprop (Tieleman & Hinton 2012)",
        .rule = "s <- β s + (1-β) g²;  w <- w - α g / (sqrt(s) + ε);  s starts at 0, per coordinate",
        .alpha = 0.001, .beta = 0.9, .eps = 1e-8,
        .uses_beta = true, .uses_eps = true,
    },
    .step = ov_rmsprop_step,
};
