/* Tests of the optimisers and runs: the first steps of every rule worked out
 * by hand on f = 1/2 (x^2 + 4 y^2), convergence on the lecture's
 * regression, the GD stability limit and convergence rate on the quadratic,
 * tuned momentum and Nesterov beating GD, divergence handling and extremes. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/surface_objective.h"
#include "core/run.h"
#include "core/surface.h"
#include "ov_test.h"

/* f = 1/2 (x^2 + 4 y^2), gradient (x, 4 y). */
static void quad14(void *ctx, const double w[2], double *f, double g[2], double h[4])
{
    (void)ctx;
    *f = 0.5 * (w[0] * w[0] + 4 * w[1] * w[1]);
    g[0] = w[0];
    g[1] = 4 * w[1];
    if (h) {
        h[0] = 1;
        h[1] = h[2] = 0;
        h[3] = 4;
    }
}

/* f = x + y: a constant gradient (1, 1). */
static void linear(void *ctx, const double w[2], double *f, double g[2], double h[4])
{
    (void)ctx;
    *f = w[0] + w[1];
    g[0] = g[1] = 1;
    if (h)
        h[0] = h[1] = h[2] = h[3] = 0;
}

/* A gradient whose sign flips at every call: (+1, +1), (-1, -1), ... */
static void flipping(void *ctx, const double w[2], double *f, double g[2], double h[4])
{
    int *calls = ctx;
    (void)w;
    (void)h;
    *f = 0;
    g[0] = g[1] = (*calls)++ % 2 ? -1.0 : 1.0;
}

static void nan_grad(void *ctx, const double w[2], double *f, double g[2], double h[4])
{
    (void)ctx;
    (void)w;
    (void)h;
    *f = 0;
    g[0] = NAN;
    g[1] = 1;
}

/* Runs `steps` steps of kind with (alpha, beta) on quad14 from (1, 1). */
static void steps_on_quad14(ov_optim_kind kind, double alpha, double beta, int steps,
                            double w[][2])
{
    ov_optim_params p;
    ov_optim_defaults(kind, &p);
    p.alpha = alpha;
    p.beta = beta;
    ov_optim_state st;
    ov_optim_state_init(&st, &p);
    ov_oracle o = {NULL, quad14, 2, 0};
    double cur[2] = {1, 1};
    for (int i = 0; i < steps; i++) {
        double before[2] = {cur[0], cur[1]};
        CHECK(ov_optim_step(&p, &st, cur, &o));
        CHECK_NEAR(st.last_delta[0], cur[0] - before[0], 1e-15);
        CHECK_NEAR(st.last_delta[1], cur[1] - before[1], 1e-15);
        w[i][0] = cur[0];
        w[i][1] = cur[1];
    }
    CHECK(st.t == steps);
}

static void test_first_steps(void)
{
    double w[3][2];
    const double tol = 1e-14;

    /* gd, alpha 0.1: (1,1) - 0.1 (1,4) = (0.9, 0.6); - 0.1 (0.9, 2.4) = (0.81, 0.36) */
    steps_on_quad14(OV_OPT_GD, 0.1, 0, 2, w);
    CHECK_NEAR(w[0][0], 0.9, tol);
    CHECK_NEAR(w[0][1], 0.6, tol);
    CHECK_NEAR(w[1][0], 0.81, tol);
    CHECK_NEAR(w[1][1], 0.36, tol);

    /* momentum, alpha 0.1, beta 0.5:
     * u0 = -(1, 4)                          w1 = (0.9, 0.6)
     * u1 = -(0.9, 2.4) + 0.5 u0 = (-1.4, -4.4)  w2 = (0.76, 0.16)
     * u2 = -(0.76, 0.64) + 0.5 u1 = (-1.46, -2.84)  w3 = (0.614, -0.124) */
    steps_on_quad14(OV_OPT_MOMENTUM, 0.1, 0.5, 3, w);
    CHECK_NEAR(w[0][0], 0.9, tol);
    CHECK_NEAR(w[0][1], 0.6, tol);
    CHECK_NEAR(w[1][0], 0.76, tol);
    CHECK_NEAR(w[1][1], 0.16, tol);
    CHECK_NEAR(w[2][0], 0.614, tol);
    CHECK_NEAR(w[2][1], -0.124, tol);

    /* nesterov, alpha 0.1, beta 0.5, v0 = 0:
     * look (1, 1):        g (1, 4)          v (-0.1, -0.4)        w1 (0.9, 0.6)
     * look (0.85, 0.4):   g (0.85, 1.6)     v (-0.135, -0.36)     w2 (0.765, 0.24)
     * look (0.6975, 0.06): g (0.6975, 0.24) v (-0.13725, -0.204)  w3 (0.62775, 0.036) */
    steps_on_quad14(OV_OPT_NESTEROV, 0.1, 0.5, 3, w);
    CHECK_NEAR(w[0][0], 0.9, tol);
    CHECK_NEAR(w[0][1], 0.6, tol);
    CHECK_NEAR(w[1][0], 0.765, tol);
    CHECK_NEAR(w[1][1], 0.24, tol);
    CHECK_NEAR(w[2][0], 0.62775, tol);
    CHECK_NEAR(w[2][1], 0.036, tol);

    /* adam, alpha 0.1, beta1 0.9, beta2 0.999, eps 1e-8. Step 1: m = 0.1 g,
     * s = 0.001 g^2, so m/(1-0.9) = g and s/(1-0.999) = g^2: the step is
     * alpha g / (|g| + eps) in each coordinate. */
    steps_on_quad14(OV_OPT_ADAM, 0.1, 0.9, 2, w);
    double x1 = 1 - 0.1 * 1 / (1 + 1e-8), y1 = 1 - 0.1 * 4 / (4 + 1e-8);
    CHECK_NEAR(w[0][0], x1, tol);
    CHECK_NEAR(w[0][1], y1, tol);
    {
        /* Step 2 with g1 = (x1, 4 y1), t = 2: 1 - 0.9^2 = 0.19, 1 - 0.999^2 = 0.001999. */
        double gx = x1, gy = 4 * y1;
        double mx = 0.9 * 0.1 * 1 + 0.1 * gx, my = 0.9 * 0.1 * 4 + 0.1 * gy;
        double sx = 0.999 * 0.001 * 1 + 0.001 * gx * gx;
        double sy = 0.999 * 0.001 * 16 + 0.001 * gy * gy;
        double x2 = x1 - 0.1 * (mx / 0.19) / (sqrt(sx / 0.001999) + 1e-8);
        double y2 = y1 - 0.1 * (my / 0.19) / (sqrt(sy / 0.001999) + 1e-8);
        CHECK_NEAR(w[1][0], x2, 1e-12);
        CHECK_NEAR(w[1][1], y2, 1e-12);
        /* The numbers: m = (0.18, 0.6), s = (0.001809, 0.021744) to 1e-8. */
        CHECK_NEAR(x2, 0.9 - 0.1 * (0.18 / 0.19) / sqrt(0.001809 / 0.001999), 1e-7);
    }

    /* rmsprop, alpha 0.01, beta 0.9, eps 1e-8. Step 1: s = 0.1 g^2, so each
     * coordinate moves by 0.01 / sqrt(0.1) = 0.0316227766... */
    steps_on_quad14(OV_OPT_RMSPROP, 0.01, 0.9, 2, w);
    x1 = 1 - 0.01 * 1 / (sqrt(0.1) + 1e-8);
    y1 = 1 - 0.01 * 4 / (sqrt(1.6) + 1e-8);
    CHECK_NEAR(w[0][0], x1, tol);
    CHECK_NEAR(w[0][1], y1, tol);
    CHECK_NEAR(w[0][0], 1 - 0.0316227766, 1e-9);
    {
        double gx = x1, gy = 4 * y1;
        double sx = 0.9 * 0.1 + 0.1 * gx * gx, sy = 0.9 * 1.6 + 0.1 * gy * gy;
        CHECK_NEAR(w[1][0], x1 - 0.01 * gx / (sqrt(sx) + 1e-8), 1e-14);
        CHECK_NEAR(w[1][1], y1 - 0.01 * gy / (sqrt(sy) + 1e-8), 1e-14);
    }

    /* adagrad, alpha 0.1, eps 1e-8: step 1 moves each coordinate by 0.1;
     * step 2: s = (1 + 0.81, 16 + 12.96), g = (0.9, 3.6). */
    steps_on_quad14(OV_OPT_ADAGRAD, 0.1, 0, 2, w);
    x1 = 1 - 0.1 * 1 / (1 + 1e-8);
    y1 = 1 - 0.1 * 4 / (4 + 1e-8);
    CHECK_NEAR(w[0][0], x1, tol);
    CHECK_NEAR(w[0][1], y1, tol);
    CHECK_NEAR(w[1][0], x1 - 0.1 * x1 / (sqrt(1 + x1 * x1) + 1e-8), 1e-14);
    CHECK_NEAR(w[1][1], y1 - 0.1 * 4 * y1 / (sqrt(16 + 16 * y1 * y1) + 1e-8), 1e-14);
    CHECK_NEAR(w[1][0], 0.9 - 0.1 * 0.9 / sqrt(1.81), 1e-8);

    /* adadelta (Zeiler), alpha 1, rho 0.95, eps 1e-6. Step 1: s = 0.05 g^2,
     * d = 0: delta = -sqrt(1e-6) / sqrt(0.05 g^2 + 1e-6) g ~ -1e-3 / sqrt(0.05). */
    steps_on_quad14(OV_OPT_ADADELTA, 1.0, 0.95, 2, w);
    {
        double dx1 = -sqrt(1e-6) / sqrt(0.05 * 1 + 1e-6) * 1;
        double dy1 = -sqrt(1e-6) / sqrt(0.05 * 16 + 1e-6) * 4;
        CHECK_NEAR(w[0][0], 1 + dx1, tol);
        CHECK_NEAR(w[0][1], 1 + dy1, tol);
        CHECK_NEAR(dx1, -0.00447209, 1e-8);
        double gx = 1 + dx1, gy = 4 * (1 + dy1);
        double sx = 0.95 * 0.05 + 0.05 * gx * gx, sy = 0.95 * 0.8 + 0.05 * gy * gy;
        double ddx = 0.05 * dx1 * dx1, ddy = 0.05 * dy1 * dy1;
        CHECK_NEAR(w[1][0], 1 + dx1 - sqrt(ddx + 1e-6) / sqrt(sx + 1e-6) * gx, 1e-14);
        CHECK_NEAR(w[1][1], 1 + dy1 - sqrt(ddy + 1e-6) / sqrt(sy + 1e-6) * gy, 1e-14);
    }
    /* adadelta's alpha multiplies the update. */
    double w2[1][2];
    steps_on_quad14(OV_OPT_ADADELTA, 3.0, 0.95, 1, w2);
    CHECK_NEAR(w2[0][0] - 1, 3 * (w[0][0] - 1), 1e-15);

    /* rprop, initial step 0.1: signs agree, so the steps are 0.1, 0.12, 0.144. */
    steps_on_quad14(OV_OPT_RPROP, 0.1, 0, 3, w);
    CHECK_NEAR(w[0][0], 0.9, tol);
    CHECK_NEAR(w[0][1], 0.9, tol);
    CHECK_NEAR(w[1][0], 0.78, tol);
    CHECK_NEAR(w[1][1], 0.78, tol);
    CHECK_NEAR(w[2][0], 0.636, tol);
    CHECK_NEAR(w[2][1], 0.636, tol);
}

/* rprop: the sign flip halves the step and skips that coordinate once;
 * the step stays within [1e-6, 50]. */
static void test_rprop_rules(void)
{
    ov_optim_params p;
    ov_optim_defaults(OV_OPT_RPROP, &p);
    p.alpha = 0.15;
    ov_optim_state st;
    ov_optim_state_init(&st, &p);
    ov_oracle o = {NULL, quad14, 2, 0};
    double w[2] = {0.1, 1};
    /* x: g = 0.1 > 0, x -> 0.1 - 0.15 = -0.05. y: 1 -> 0.85. */
    ov_optim_step(&p, &st, w, &o);
    CHECK_NEAR(w[0], -0.05, 1e-15);
    CHECK_NEAR(w[1], 0.85, 1e-15);
    /* x: g = -0.05 flips: step 0.075, no move. y: step 0.18, y -> 0.67. */
    ov_optim_step(&p, &st, w, &o);
    CHECK_NEAR(w[0], -0.05, 1e-15);
    CHECK_NEAR(st.step[0], 0.075, 1e-15);
    CHECK_NEAR(w[1], 0.67, 1e-15);
    /* x: previous gradient counted as 0, step kept: x -> -0.05 + 0.075. */
    ov_optim_step(&p, &st, w, &o);
    CHECK_NEAR(w[0], 0.025, 1e-15);
    CHECK_NEAR(st.step[0], 0.075, 1e-15);
    CHECK_NEAR(w[1], 0.67 - 0.216, 1e-15);

    /* Upper clamp on a constant gradient: 40, 48, 50, 50. */
    p.alpha = 40;
    ov_optim_state_init(&st, &p);
    ov_oracle lin = {NULL, linear, 2, 0};
    double v[2] = {0, 0};
    const double expect[] = {-40, -88, -138, -188};
    for (int i = 0; i < 4; i++) {
        ov_optim_step(&p, &st, v, &lin);
        CHECK_NEAR(v[0], expect[i], 1e-12);
    }
    /* Lower clamp: a flip every step halves every other step down to 1e-6. */
    int calls = 0;
    ov_oracle flip = {&calls, flipping, 2, 0};
    p.alpha = 1e-4;
    ov_optim_state_init(&st, &p);
    for (int i = 0; i < 40; i++)
        ov_optim_step(&p, &st, v, &flip);
    CHECK_NEAR(st.step[0], 1e-6, 1e-21);
    CHECK_NEAR(st.step[1], 1e-6, 1e-21);

    /* Each bound applies to its own direction only (Igel & Hüsken: grow to
     * min(1.2 step, 50), shrink to max(0.5 step, 1e-6)). α = 300 on
     * f = 1/2 (x^2 + 4 y^2) from (1, 1): g = (1, 4), w -> (-299, -299);
     * g = (-299, -1196) flips both: step 0.5 * 300 = 150 (not 50), no move;
     * then g' counts as 0, step kept: w -> (-299 + 150, -299 + 150). */
    p.alpha = 300;
    ov_optim_state_init(&st, &p);
    double big[2] = {1, 1};
    ov_optim_step(&p, &st, big, &o);
    CHECK_NEAR(big[0], -299, 0.0);
    ov_optim_step(&p, &st, big, &o);
    CHECK_NEAR(st.step[0], 150, 0.0);
    CHECK_NEAR(st.step[1], 150, 0.0);
    CHECK_NEAR(big[0], -299, 0.0);
    ov_optim_step(&p, &st, big, &o);
    CHECK_NEAR(big[0], -149, 0.0);
    CHECK_NEAR(big[1], -149, 0.0);
    /* α = 1e-8 on a constant gradient: steps 1e-8, then 1.2e-8 (not 1e-6),
     * then 1.44e-8: x = -1e-8, -2.2e-8, -3.64e-8. */
    p.alpha = 1e-8;
    ov_optim_state_init(&st, &p);
    double tiny[2] = {0, 0};
    const double tiny_x[] = {-1e-8, -2.2e-8, -3.64e-8};
    for (int i = 0; i < 3; i++) {
        ov_optim_step(&p, &st, tiny, &lin);
        CHECK_NEAR(tiny[0], tiny_x[i], 1e-22);
    }
    CHECK_NEAR(st.step[0], 1.44e-8, 1e-22);
}

static void test_table(void)
{
    for (int k = 0; k < OV_OPTIM_COUNT; k++) {
        const ov_optim_info *info = ov_optim_info_of((ov_optim_kind)k);
        CHECK(info && info->name && info->title && info->rule && info->alpha > 0);
        ov_optim_kind found;
        CHECK(ov_optim_find(info->name, &found) && found == (ov_optim_kind)k);
        ov_optim_params p;
        ov_optim_defaults((ov_optim_kind)k, &p);
        CHECK(p.kind == (ov_optim_kind)k && p.alpha == info->alpha && p.beta == info->beta);
        /* Every row is complete, and its info is what ov_optim_info_of gives. */
        const ov_optim_method *m = ov_optim_method_of((ov_optim_kind)k);
        CHECK(m && m->step && &m->info == info);
        /* Only nesterov evaluates its gradient away from w, and
         * nelder-mead needs none at all. */
        CHECK(info->lookahead == (k == OV_OPT_NESTEROV || k == OV_OPT_NELDER_MEAD));
        CHECK(p.wd == info->wd && p.history == info->history);
        /* The state starts from zero apart from what the method sets:
         * Adam's beta^0 = 1, rprop's step sizes alpha. */
        ov_optim_state st;
        memset(&st, 0x5a, sizeof st);
        ov_optim_state_init(&st, &p);
        CHECK(st.t == 0 && st.u[0] == 0 && st.m[1] == 0 && st.s[0] == 0 && st.prev_g[1] == 0);
        const bool powers = k == OV_OPT_ADAM || k == OV_OPT_AMSGRAD || k == OV_OPT_NADAM ||
                            k == OV_OPT_RADAM || k == OV_OPT_ADAMAX || k == OV_OPT_ADAMW;
        CHECK(st.beta_t[0] == (powers ? 1.0 : 0.0));
        CHECK(st.mu_prod == (k == OV_OPT_NADAM ? 1.0 : 0.0));
        CHECK(st.lb_n == 0 && !st.nm_ready && st.vmax[1] == 0.0);
        CHECK(st.step[1] == (k == OV_OPT_RPROP ? p.alpha : 0.0));
    }
    CHECK(ov_optim_method_of(OV_OPTIM_COUNT) == NULL);
    CHECK(ov_optim_method_of((ov_optim_kind)-1) == NULL);
    ov_optim_kind k;
    CHECK(!ov_optim_find("Adam", &k));
    CHECK(!ov_optim_find("sgd", &k));
    CHECK(!ov_optim_find(NULL, &k));
    CHECK(ov_optim_info_of(OV_OPTIM_COUNT) == NULL);
    const ov_optim_info *adam = ov_optim_info_of(OV_OPT_ADAM);
    CHECK(adam->beta == 0.9 && adam->beta2 == 0.999 && adam->eps == 1e-8);
    const ov_optim_info *ada = ov_optim_info_of(OV_OPT_ADADELTA);
    CHECK(ada->alpha == 1.0 && ada->beta == 0.95 && ada->eps == 1e-6);

    /* A non-finite gradient leaves w alone and reports failure. */
    ov_optim_params p;
    ov_optim_defaults(OV_OPT_GD, &p);
    ov_optim_state st;
    ov_optim_state_init(&st, &p);
    ov_oracle o = {NULL, nan_grad, 2, 0};
    double w[2] = {1, 2};
    CHECK(!ov_optim_step(&p, &st, w, &o));
    CHECK(w[0] == 1 && w[1] == 2);
}

static ov_surface *quadratic(double kappa, double theta)
{
    ov_surface *s = ov_surface_create("quadratic", NULL);
    CHECK(s != NULL);
    if (s) {
        ov_surface_set_param(s, "kappa", kappa);
        ov_surface_set_param(s, "theta", theta);
    }
    return s;
}

static ov_run run_of(ov_optim_kind kind, double alpha, double beta)
{
    ov_optim_params p;
    ov_optim_defaults(kind, &p);
    p.alpha = alpha;
    if (beta >= 0)
        p.beta = beta;
    ov_run r;
    ov_run_init(&r, &p);
    return r;
}

/* Every stored iterate is finite and inside the divergence limit. */
static void check_all_finite(const ov_run *r)
{
    for (int i = 0; i < r->n; i++) {
        CHECK_MSG(isfinite(r->x[i]) && isfinite(r->y[i]) && isfinite(r->loss[i]) &&
                      fabs(r->x[i]) <= OV_DIVERGE_LIMIT && fabs(r->y[i]) <= OV_DIVERGE_LIMIT,
                  "iterate %d not finite", i);
    }
}

/* First step at which the distance to (0, 0) is below frac of the start's. */
static int iterations_to(const ov_run *r, double frac)
{
    double d0 = hypot(r->x[0], r->y[0]);
    for (int i = 0; i < r->n; i++)
        if (hypot(r->x[i], r->y[i]) <= frac * d0)
            return i;
    return -1;
}

static void test_regression(void)
{
    ov_surface *s = ov_surface_create("regression", NULL);
    CHECK(s != NULL);
    if (!s)
        return;
    const ov_optim_kind kinds[] = {OV_OPT_GD, OV_OPT_MOMENTUM, OV_OPT_NESTEROV, OV_OPT_ADAM};
    for (int i = 0; i < 4; i++) {
        ov_run r = run_of(kinds[i], ov_surface_default_alpha(s, kinds[i]), -1);
        CHECK(ov_run_compute_surface(&r, s, s->start, 3000));
        CHECK(!r.diverged && r.n == 3001);
        CHECK_NEAR(r.x[r.n - 1], 0.95, 1e-9);
        CHECK_NEAR(r.y[r.n - 1], 1.05, 1e-9);
        CHECK_NEAR(r.loss[r.n - 1], 0.015, 1e-12);
        ov_run_deinit(&r);
    }
    ov_surface_destroy(s);
}

static void test_stability_limit(void)
{
    ov_surface *s = quadratic(10, 0);
    if (!s)
        return;
    /* y_k = (1 - 10 alpha)^k: alpha 0.21 gives (-1.1)^k, past 1e6 at k = 145
     * (1.1^144 = 9.1e5, 1.1^145 = 1.005e6); x_k = 0.79^k stays small. */
    ov_run r = run_of(OV_OPT_GD, 0.21, -1);
    CHECK(ov_run_compute_surface(&r, s, (ov_vec2){1, 1}, 1000));
    CHECK(r.diverged);
    CHECK(r.diverged_step == 145);
    CHECK(r.n == 145);
    check_all_finite(&r);
    /* alpha 0.19 gives (-0.9)^k: converges. */
    r.params.alpha = 0.19;
    CHECK(ov_run_compute_surface(&r, s, (ov_vec2){1, 1}, 1000));
    CHECK(!r.diverged && r.n == 1001);
    CHECK(hypot(r.x[1000], r.y[1000]) < 1e-40);
    ov_run_deinit(&r);
    ov_surface_destroy(s);
}

/* GD at alpha = 2/(1+kappa) multiplies both eigen-components by
 * -/+ (kappa-1)/(kappa+1) per step, so the Euclidean distance to the
 * minimum (invariant under the rotation) shrinks by exactly that rate. A
 * per-coordinate maximum would not: with theta != 0 the two components
 * alternate in sign against each other. */
static void test_gd_rate(void)
{
    const double kappas[] = {10, 100, 1000};
    const double thetas[] = {0, 30, -70};
    for (int i = 0; i < 3; i++) {
        ov_surface *s = quadratic(kappas[i], thetas[i]);
        if (!s)
            continue;
        double rate = (kappas[i] - 1) / (kappas[i] + 1);
        int predicted = (int)ceil(log(1e-6) / log(rate));
        ov_run r = run_of(OV_OPT_GD, 2 / (1 + kappas[i]), -1);
        CHECK(ov_run_compute_surface(&r, s, (ov_vec2){2.0, -1.5}, 20000));
        int n = iterations_to(&r, 1e-6);
        CHECK_MSG(n >= 0 && abs(n - predicted) <= 2, "kappa %g: %d iterations, predicted %d",
                  kappas[i], n, predicted);
        ov_run_deinit(&r);
        ov_surface_destroy(s);
    }
}

static void test_tuned_momentum(void)
{
    const double kappa = 100, sq = sqrt(kappa);
    ov_surface *s = quadratic(kappa, 30);
    if (!s)
        return;
    ov_vec2 start = {2.0, -1.5};
    ov_run gd = run_of(OV_OPT_GD, 2 / (1 + kappa), -1);
    double ahb = (2 / (1 + sq)) * (2 / (1 + sq));
    double bhb = ((sq - 1) / (sq + 1)) * ((sq - 1) / (sq + 1));
    ov_run hb = run_of(OV_OPT_MOMENTUM, ahb, bhb);
    ov_run nes = run_of(OV_OPT_NESTEROV, 1 / kappa, (sq - 1) / (sq + 1));
    CHECK(ov_run_compute_surface(&gd, s, start, 5000));
    CHECK(ov_run_compute_surface(&hb, s, start, 5000));
    CHECK(ov_run_compute_surface(&nes, s, start, 5000));
    int ngd = iterations_to(&gd, 1e-6), nhb = iterations_to(&hb, 1e-6),
        nnes = iterations_to(&nes, 1e-6);
    /* GD ~ ln(1e-6)/ln(99/101) = 691; the accelerated methods ~ sqrt(kappa). */
    CHECK_MSG(ngd > 600 && nhb > 0 && nnes > 0, "gd %d hb %d nesterov %d", ngd, nhb, nnes);
    CHECK_MSG(nhb * 3 < ngd, "heavy ball %d vs gd %d", nhb, ngd);
    CHECK_MSG(nnes * 3 < ngd, "nesterov %d vs gd %d", nnes, ngd);
    ov_run_deinit(&gd);
    ov_run_deinit(&hb);
    ov_run_deinit(&nes);
    ov_surface_destroy(s);
}

static void test_divergence_and_extremes(void)
{
    /* NaN loss: GD on sqrt(x) + y^2 from (0.5, 1) with alpha 2 jumps to
     * x = 0.5 - 2 / (2 sqrt(0.5)) < 0, where the loss is NaN. */
    ov_surface *s = ov_surface_create("sqrt(x) + y^2", NULL);
    CHECK(s != NULL);
    if (s) {
        ov_run r = run_of(OV_OPT_GD, 2.0, -1);
        CHECK(ov_run_compute_surface(&r, s, (ov_vec2){0.5, 1}, 100));
        CHECK(r.diverged && r.diverged_step == 1 && r.n == 1);
        check_all_finite(&r);
        /* A start where the loss is NaN stores nothing. */
        CHECK(ov_run_compute_surface(&r, s, (ov_vec2){-1, 1}, 100));
        CHECK(r.diverged && r.diverged_step == 0 && r.n == 0);
        ov_run_deinit(&r);
        ov_surface_destroy(s);
    }
    /* Huge alpha and kappa: nothing crashes, nothing non-finite is stored. */
    const double kappas[] = {10, 1e10};
    for (int i = 0; i < 2; i++) {
        ov_surface *q = quadratic(kappas[i], 30);
        if (!q)
            continue;
        for (int k = 0; k < OV_OPTIM_COUNT; k++) {
            const double alphas[] = {1e6, 1e-3};
            for (int a = 0; a < 2; a++) {
                ov_run r = run_of((ov_optim_kind)k, alphas[a], -1);
                CHECK(ov_run_compute_surface(&r, q, (ov_vec2){1, 1}, 2000));
                check_all_finite(&r);
                CHECK(r.diverged ? r.diverged_step == r.n : r.n == 2001);
                ov_run_deinit(&r);
            }
        }
        ov_surface_destroy(q);
    }
    /* A run whose |x| passes 1e6 while finite also stops. */
    ov_surface *sad = ov_surface_create("saddle", NULL);
    if (sad) {
        ov_run r = run_of(OV_OPT_GD, 0.5, -1);
        /* y doubles every step: 2^20 > 1e6 at step 20, y = 2^19 stored. */
        CHECK(ov_run_compute_surface(&r, sad, (ov_vec2){0, 1}, 100));
        CHECK(r.diverged && r.diverged_step == 20 && r.n == 20);
        CHECK_NEAR(r.y[19], 524288.0, 0.0);
        ov_run_deinit(&r);
        ov_surface_destroy(sad);
    }
}

static void test_step_counts(void)
{
    ov_surface *s = ov_surface_create("regression", NULL);
    if (!s)
        return;
    ov_run r = run_of(OV_OPT_ADAM, 0.05, -1);
    CHECK(ov_run_compute_surface(&r, s, s->start, 1));
    CHECK(r.n == 2 && !r.diverged);
    CHECK(r.x[0] == s->start.x && r.y[0] == s->start.y);
    CHECK_NEAR(r.loss[0], ov_surface_value(s, s->start.x, s->start.y), 0.0);
    double *before = r.x;
    CHECK(ov_run_compute_surface(&r, s, s->start, 1));
    CHECK(r.x == before);  /* arrays reused */

    /* Its speed is bench_core_steps' business; here only the result. */
    CHECK(ov_run_compute_surface(&r, s, s->start, OV_RUN_MAX_STEPS));
    CHECK(r.n == OV_RUN_MAX_STEPS + 1 && !r.diverged);
    /* Adam with a constant α does not settle for good: once the gradient is
     * at round-off level, s decays until α/sqrt(s) passes the stability
     * limit and the iterate bursts away (by ~0.015 here) and back. */
    CHECK_NEAR(r.x[r.n - 1], 0.95, 0.05);
    CHECK_NEAR(r.y[r.n - 1], 1.05, 0.05);
    r.params = (ov_optim_params){.kind = OV_OPT_GD, .alpha = 0.1};
    CHECK(ov_run_compute_surface(&r, s, s->start, OV_RUN_MAX_STEPS));
    CHECK(r.n == OV_RUN_MAX_STEPS + 1 && !r.diverged);
    CHECK_NEAR(r.x[r.n - 1], 0.95, 1e-12);
    CHECK_NEAR(r.y[r.n - 1], 1.05, 1e-12);
    ov_run_deinit(&r);
    ov_run_deinit(&r);
    ov_surface_destroy(s);
}

int main(void)
{
    test_first_steps();
    test_rprop_rules();
    test_table();
    test_regression();
    test_stability_limit();
    test_gd_rate();
    test_tuned_momentum();
    test_divergence_and_extremes();
    test_step_counts();
    return ov_test_finish("test_core_optim");
}
