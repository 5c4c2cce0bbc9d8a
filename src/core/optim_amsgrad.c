/* AMSGrad (Reddi et al. 2018) as torch's Adam(amsgrad=True): Adam whose
 * denominator uses the running maximum of the raw second moment. */
#include "optim_internal.h"

#include <math.h>

static bool ov_amsgrad_step(const ov_optim_params *p, ov_optim_state *st, double *w,
                            const ov_oracle *oracle)
{
    double g[OV_OPTIM_MAX_DIM], delta[OV_OPTIM_MAX_DIM] = {0.0};
    const int n = ov_oracle_dim(oracle);   /* the coordinates the loss has */
    if (!ov_optim_gradient(oracle, w, g))
        return false;
    ov_optim_adam_moments(p, st, g, n);
    const double c1 = 1.0 - st->beta_t[0], c2 = 1.0 - st->beta_t[1];
    for (int k = 0; k < n; k++) {
        st->vmax[k] = fmax(st->vmax[k], st->s[k]);
        delta[k] = -p->alpha * (st->m[k] / c1) / (sqrt(st->vmax[k] / c2) + p->eps);
    }
    ov_optim_take(st, w, delta, oracle);
    return true;
}

const ov_optim_method ov_optim_amsgrad = {
    .info = {
        .name = "amsgrad",
        .title = "AMSGrad (Reddi et al. 2018), torch Adam(amsgrad=True)",
        .rule = "t = 1, 2, ...;  m <- β m + (1-β) g;  v <- β2 v + (1-β2) g²;  vmax <- max(vmax, v);\n"
                "w <- w - α (m/(1-β^t)) / (sqrt(vmax/(1-β2^t)) + ε);  m, v, vmax start at 0, per coordinate",
        .alpha = 0.001, .beta = 0.9, .beta2 = 0.999, .eps = 1e-8,
        .uses_beta = true, .uses_beta2 = true, .uses_eps = true,
    },
    .state_init = ov_optim_powers_init,
    .step = ov_amsgrad_step,
};
