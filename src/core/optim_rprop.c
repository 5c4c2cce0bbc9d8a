/* iRprop- (Igel & Husken 2000): sign-based steps whose per-coordinate
 * size grows while the gradient keeps its sign and shrinks when it flips. */
#include "optim_internal.h"

#include <math.h>

#define OV_RPROP_UP 1.2
#define OV_RPROP_DOWN 0.5
#define OV_RPROP_MIN 1e-6
#define OV_RPROP_MAX 50.0

static double ov_sign(double v)
{
    return (v > 0.0) - (v < 0.0);
}

/* Every step size starts at alpha. */
static void ov_rprop_init(ov_optim_state *st, const ov_optim_params *p)
{
    for (int k = 0; k < OV_OPTIM_MAX_DIM; k++)
        st->step[k] = p->alpha;
}

static bool ov_rprop_step(const ov_optim_params *p, ov_optim_state *st, double *w,
                          const ov_oracle *oracle)
{
    (void)p;   /* alpha only sets the first step sizes (ov_rprop_init) */
    double g[OV_OPTIM_MAX_DIM], delta[OV_OPTIM_MAX_DIM];
    const int n = oracle->n;
    if (!ov_optim_gradient(oracle, w, g))
        return false;
    st->t++;
    for (int k = 0; k < n; k++) {
        double agree = g[k] * st->prev_g[k];
        /* The published rule bounds each change on its own side only: a
         * step above 50 (α > 50) may still shrink by half, one below 1e-6
         * may still grow by 1.2. */
        if (agree > 0.0) {
            st->step[k] = fmin(st->step[k] * OV_RPROP_UP, OV_RPROP_MAX);
        } else if (agree < 0.0) {
            st->step[k] = fmax(st->step[k] * OV_RPROP_DOWN, OV_RPROP_MIN);
            g[k] = 0.0;
        }
        delta[k] = -ov_sign(g[k]) * st->step[k];
        st->prev_g[k] = g[k];
    }
    ov_optim_take(st, w, delta, oracle);
    return true;
}

const ov_optim_method ov_optim_rprop = {
    .info = {
        .name = "rprop",
        .title = "iRprop- (Igel & Husken 2000), sign-based, per coordinate",
        .rule = "per coordinate k, step_k starts at α:  if g_k g'_k > 0: step_k <- min(1.2 step_k, 50);\n"
                "if g_k g'_k < 0: step_k <- max(0.5 step_k, 1e-6), g_k <- 0;\n"
                "w_k <- w_k - sign(g_k) step_k;  g'_k <- g_k (g' starts at 0)",
        .alpha = 0.01,
    },
    .state_init = ov_rprop_init,
    .step = ov_rprop_step,
};
