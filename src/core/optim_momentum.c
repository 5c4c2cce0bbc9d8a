/* Gradient descent with momentum, the lecture's heavy ball:
 * u_i = -g_i + beta u_(i-1), w <- w + alpha u_i. */
#include "optim_internal.h"

static bool ov_momentum_step(const ov_optim_params *p, ov_optim_state *st, double *w,
                             const ov_oracle *oracle)
{
    double g[OV_OPTIM_MAX_DIM], delta[OV_OPTIM_MAX_DIM];
    const int n = oracle->n;
    if (!ov_optim_gradient(oracle, w, g))
        return false;
    st->t++;
    /* u starts at 0, so the first step is u_0 = -g_0. */
    for (int k = 0; k < n; k++) {
        st->u[k] = -g[k] + p->beta * st->u[k];
        delta[k] = p->alpha * st->u[k];
    }
    ov_optim_take(st, w, delta, oracle);
    return true;
}

const ov_optim_method ov_optim_momentum = {
    .info = {
        .name = "momentum",
        .title = "gradient descent with momentum (heavy ball)",
        .rule = "u_0 = -g_0;  u_i = -g_i + β u_(i-1);  w <- w + α u_i",
        .alpha = 0.01, .beta = 0.9,
        .uses_beta = true,
    },
    .step = ov_momentum_step,
};
