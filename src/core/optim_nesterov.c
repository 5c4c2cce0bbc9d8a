/* Nesterov's accelerated gradient: the gradient is taken at the
 * look-ahead point w + beta v. */
#include "optim_internal.h"

static bool ov_nesterov_step(const ov_optim_params *p, ov_optim_state *st, double *w,
                             const ov_oracle *oracle)
{
    const double b = p->beta;
    double g[OV_OPTIM_MAX_DIM], delta[OV_OPTIM_MAX_DIM];
    const int n = oracle->n;
    double ahead[OV_OPTIM_MAX_DIM] = {0.0};
    for (int k = 0; k < n; k++)
        ahead[k] = w[k] + b * st->u[k];
    if (!ov_optim_gradient(oracle, ahead, g))
        return false;
    st->t++;
    for (int k = 0; k < n; k++) {
        st->u[k] = b * st->u[k] - p->alpha * g[k];
        delta[k] = st->u[k];
    }
    ov_optim_take(st, w, delta, oracle);
    return true;
}

const ov_optim_method ov_optim_nesterov = {
    .info = {
        .name = "nesterov",
        .title = "Nesterov accelerated gradient",
        .rule = "v <- β v - α g(w + β v);  w <- w + v;  v starts at 0",
        .alpha = 0.01, .beta = 0.9,
        .uses_beta = true,
        .lookahead = true,
    },
    .step = ov_nesterov_step,
};
