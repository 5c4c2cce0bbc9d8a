/* Adadelta: the ratio of running RMS of updates and of gradients. */
#include "optim_internal.h"

#include <math.h>

static bool ov_adadelta_step(const ov_optim_params *p, ov_optim_state *st, double *w,
                             const ov_oracle *oracle)
{
    const double b = p->beta;
    double g[OV_OPTIM_MAX_DIM], delta[OV_OPTIM_MAX_DIM];
    const int n = oracle->n;
    if (!ov_optim_gradient(oracle, w, g))
        return false;
    st->t++;
    for (int k = 0; k < n; k++) {
        st->s[k] = b * st->s[k] + (1.0 - b) * g[k] * g[k];
        double dx = -sqrt(st->d[k] + p->eps) / sqrt(st->s[k] + p->eps) * g[k];
        st->d[k] = b * st->d[k] + (1.0 - b) * dx * dx;
        delta[k] = p->alpha * dx;
    }
    ov_optim_take(st, w, delta, oracle);
    return true;
}

const ov_optim_method ov_optim_adadelta = {
    .info = {
        .name = "adadelta",
        .title = "Adadelta (Zeiler 2012), β is the decay ρ",
        .rule = "s <- β s + (1-β) g²;  Δ = -sqrt(d + ε) / sqrt(s + ε) g;\n"
                "d <- β d + (1-β) Δ²;  w <- w + α Δ;  s, d start at 0, all per coordinate",
        .alpha = 1.0, .beta = 0.95, .eps = 1e-6,
        .uses_beta = true, .uses_eps = true,
    },
    .step = ov_adadelta_step,
};
