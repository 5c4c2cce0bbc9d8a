/* A surface as an objective (surface_objective.h): the evaluation the runs,
 * the optimisers and the theory see for a 2-D surface, through the same
 * calls they made before objectives existed, so a surface's runs keep
 * their values bit for bit. */
#include "surface_objective.h"

static void ov_surface_objective_eval(const void *ctx, const double *w, double *f, double *g,
                                      double *h)
{
    const ov_surface *s = ctx;
    if (h) {
        double gl[2], hs[3];
        ov_surface_hess(s, w[0], w[1], f, g ? g : gl, hs);
        h[0] = hs[0];
        h[1] = h[2] = s->one_d ? 0.0 : hs[1];
        h[3] = s->one_d ? 0.0 : hs[2];
    } else if (g) {
        ov_surface_grad(s, w[0], w[1], f, g);
    } else {
        *f = ov_surface_value(s, w[0], w[1]);
    }
}

ov_objective ov_surface_objective(const ov_surface *s)
{
    ov_objective obj = {.n = 2, .active = s->one_d ? 1 : 2, .ctx = s,
                        .eval = ov_surface_objective_eval};
    return obj;
}

bool ov_run_compute_surface(ov_run *run, const ov_surface *s, ov_vec2 start, int steps)
{
    const ov_objective obj = ov_surface_objective(s);
    const double w[2] = {start.x, start.y};
    return ov_run_compute(run, &obj, w, steps);
}
