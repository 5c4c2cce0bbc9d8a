/* Gradient descent: w <- w - alpha g(w). */
#include "optim_internal.h"

static bool ov_gd_step(const ov_optim_params *p, ov_optim_state *st, double *w,
                       const ov_oracle *oracle)
{
    double g[OV_OPTIM_MAX_DIM], delta[OV_OPTIM_MAX_DIM];
    const int n = oracle->n;
    if (!ov_optim_gradient(oracle, w, g))
        return false;
    st->t++;
    for (int k = 0; k < n; k++)
        delta[k] = -p->alpha * g[k];
    ov_optim_take(st, w, delta, oracle);
    return true;
}

const ov_optim_method ov_optim_gd = {
    .info = {
        .name = "gd",
        .title = "gradient descent",
        .rule = "w <- w - α g(w)",
        .alpha = 0.01,
    },
    .step = ov_gd_step,
};
