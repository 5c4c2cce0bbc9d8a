/* Tests of the line-search methods: newton's and cg's first steps against
 * values worked out by hand (closed-form gradients and Hessians here, not
 * the expression engine), Newton's one-step solve of a quadratic and its
 * saddle-free fallback, cg finishing a 2-D quadratic in two iterations, the
 * strong Wolfe conditions checked independently on curved surfaces, and
 * monotone, finite runs everywhere including kappa = 1e10. */
#include <math.h>
#include <string.h>

#include "core/surface_objective.h"
#include "core/run.h"
#include "core/surface.h"
#include "ov_test.h"

/* f = 1/2 (x^2 + 4 y^2). */
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

/* Rosenbrock in closed form: f = (1-x)^2 + 100 (y-x^2)^2. */
static void rosen(void *ctx, const double w[2], double *f, double g[2], double h[4])
{
    (void)ctx;
    const double x = w[0], y = w[1], r = y - x * x;
    *f = (1 - x) * (1 - x) + 100 * r * r;
    g[0] = -2 * (1 - x) - 400 * x * r;
    g[1] = 200 * r;
    if (h) {
        h[0] = 2 - 400 * r + 800 * x * x;
        h[1] = h[2] = -400 * x;
        h[3] = 200;
    }
}

/* f = -(x^2 + y^2): negative definite everywhere. */
static void cap(void *ctx, const double w[2], double *f, double g[2], double h[4])
{
    (void)ctx;
    *f = -(w[0] * w[0] + w[1] * w[1]);
    g[0] = -2 * w[0];
    g[1] = -2 * w[1];
    if (h) {
        h[0] = h[3] = -2;
        h[1] = h[2] = 0;
    }
}

/* f = x + y: Hessian zero. */
static void plane(void *ctx, const double w[2], double *f, double g[2], double h[4])
{
    (void)ctx;
    *f = w[0] + w[1];
    g[0] = g[1] = 1;
    if (h)
        h[0] = h[1] = h[2] = h[3] = 0;
}

static ov_optim_params params_of(ov_optim_kind kind, double alpha)
{
    ov_optim_params p;
    ov_optim_defaults(kind, &p);
    p.alpha = alpha;
    return p;
}

static ov_surface *make(const char *name)
{
    ov_expr_error err;
    ov_surface *s = ov_surface_create(name, &err);
    CHECK_MSG(s != NULL, "cannot create %s", name);
    return s;
}

static ov_surface *quadratic(double kappa, double theta)
{
    ov_surface *s = make("quadratic");
    if (s) {
        ov_surface_set_param(s, "kappa", kappa);
        ov_surface_set_param(s, "theta", theta);
    }
    return s;
}

static void test_table(void)
{
    ov_optim_kind k;
    CHECK(ov_optim_find("cg", &k) && k == OV_OPT_CG);
    CHECK(ov_optim_find("newton", &k) && k == OV_OPT_NEWTON);
    CHECK(OV_OPT_CG == OV_OPT_RPROP + 1 && OV_OPT_NEWTON == OV_OPT_CG + 1);
    for (int i = 0; i < 2; i++) {
        const ov_optim_info *info = ov_optim_info_of(i ? OV_OPT_NEWTON : OV_OPT_CG);
        CHECK(info->alpha == 1.0 && !info->uses_beta && !info->uses_beta2 && !info->uses_eps);
        CHECK(strstr(info->rule, "1e-4") != NULL);
    }
    CHECK(strstr(ov_optim_info_of(OV_OPT_CG)->rule, "0.1 |φ'(0)|") != NULL);
    for (int i = 0; i < ov_surface_builtin_count(); i++) {
        ov_surface *s = make(ov_surface_builtin(i)->name);
        if (!s)
            continue;
        CHECK(ov_surface_default_alpha(s, OV_OPT_CG) == 1.0);
        CHECK(ov_surface_default_alpha(s, OV_OPT_NEWTON) == 1.0);
        ov_surface_destroy(s);
    }
}

static void test_newton_first_steps(void)
{
    ov_optim_params p = params_of(OV_OPT_NEWTON, 1.0);
    ov_optim_state st;

    /* Quadratic: one full step lands on the minimum. */
    ov_optim_state_init(&st, &p);
    ov_oracle q = {NULL, quad14, 2, 0};
    double w[2] = {1, 1};
    CHECK(ov_optim_step(&p, &st, w, &q));
    CHECK(w[0] == 0 && w[1] == 0);
    CHECK(st.newton_dir == OV_NEWTON_EXACT && st.ls_result == OV_LS_ARMIJO && st.ls_step == 1);

    /* Rosenbrock from (-1.2, 1): y - x^2 = -0.44, g = (-215.6, -88),
     * H = [[1330, 480], [480, 200]], det 35600; Cramer:
     * p = -H^-1 g = (880, 13552) / 35600. f drops from 24.2 to about
     * 4.73, so Armijo takes t = 1. */
    ov_optim_state_init(&st, &p);
    ov_oracle r = {NULL, rosen, 2, 0};
    double v[2] = {-1.2, 1};
    double f0, g0[2], h0[4];
    rosen(NULL, v, &f0, g0, h0);
    CHECK_NEAR(g0[0], -215.6, 1e-12);
    CHECK_NEAR(g0[1], -88, 1e-12);
    CHECK_NEAR(h0[0], 1330, 1e-12);
    CHECK_NEAR(h0[1], 480, 1e-12);
    CHECK_NEAR(h0[3], 200, 1e-12);
    CHECK(ov_optim_step(&p, &st, v, &r));
    CHECK_NEAR(v[0], -1.2 + 880.0 / 35600.0, 1e-13);
    CHECK_NEAR(v[1], 1 + 13552.0 / 35600.0, 1e-13);
    CHECK(st.newton_dir == OV_NEWTON_EXACT && st.ls_step == 1);

    /* The same through the expression engine (surface "rosenbrock"). */
    ov_surface *s = make("rosenbrock");
    if (s) {
        ov_run run;
        ov_run_init(&run, &p);
        CHECK(ov_run_compute_surface(&run, s, (ov_vec2){-1.2, 1}, 1));
        CHECK(run.n == 2);
        CHECK_NEAR(run.x[1], -1.2 + 880.0 / 35600.0, 1e-13);
        CHECK_NEAR(run.y[1], 1 + 13552.0 / 35600.0, 1e-13);
        /* Newton with the full step reaches the minimum in a few dozen steps. */
        CHECK(ov_run_compute_surface(&run, s, (ov_vec2){-1.2, 1}, 100));
        CHECK_NEAR(run.x[100], 1, 1e-12);
        CHECK_NEAR(run.y[100], 1, 1e-12);
        ov_run_deinit(&run);
        ov_surface_destroy(s);
    }

    /* Damping: alpha 0.5 moves half way on the quadratic; alpha 4 is halved
     * to 1 (t = 4 and t = 2 fail Armijo: f(w + t p) >= f(w)). */
    p.alpha = 0.5;
    ov_optim_state_init(&st, &p);
    w[0] = w[1] = 1;
    ov_optim_step(&p, &st, w, &q);
    CHECK(w[0] == 0.5 && w[1] == 0.5 && st.ls_step == 0.5);
    p.alpha = 4;
    ov_optim_state_init(&st, &p);
    w[0] = w[1] = 1;
    ov_optim_step(&p, &st, w, &q);
    CHECK(w[0] == 0 && w[1] == 0 && st.ls_step == 1 && st.ls_evals == 4);

    /* The rotated quadratic, kappa 10 and 1e10: one step to the minimum. */
    const double kappas[] = {10, 1e10};
    for (int i = 0; i < 2; i++) {
        ov_surface *quad = quadratic(kappas[i], 30);
        if (!quad)
            continue;
        ov_optim_params np = params_of(OV_OPT_NEWTON, 1);
        ov_run run;
        ov_run_init(&run, &np);
        CHECK(ov_run_compute_surface(&run, quad, (ov_vec2){-3, -1}, 1));
        double tol = i ? 1e-4 : 1e-14;   /* H's entries carry kappa eps */
        CHECK_MSG(hypot(run.x[1], run.y[1]) < tol * hypot(3, 1), "kappa %g: (%g, %g)",
                  kappas[i], run.x[1], run.y[1]);
        ov_run_deinit(&run);
        ov_surface_destroy(quad);
    }
}

static void test_newton_fallback(void)
{
    ov_optim_params p = params_of(OV_OPT_NEWTON, 1.0);
    ov_optim_state st;
    ov_surface *s = make("saddle");
    if (s) {
        /* x^2 - y^2 at (-1.8, 0.01): g = (-3.6, -0.02), H = diag(2, -2).
         * Newton would jump onto the saddle (0, 0); |λ| gives
         * p = -(g_x / 2, g_y / 2) = (1.8, 0.01): x to 0, y doubled. */
        ov_run run;
        ov_run_init(&run, &p);
        CHECK(ov_run_compute_surface(&run, s, (ov_vec2){-1.8, 0.01}, 16));
        CHECK(!run.diverged && run.n == 17);
        CHECK_NEAR(run.x[1], 0, 1e-15);
        CHECK_NEAR(run.y[1], 0.02, 1e-15);
        for (int i = 1; i < run.n; i++) {
            CHECK_MSG(run.loss[i] < run.loss[i - 1], "loss rose at step %d", i);
            if (i > 1)
                CHECK(hypot(run.x[i], run.y[i]) > hypot(run.x[i - 1], run.y[i - 1]));
        }
        CHECK_NEAR(run.y[16], 0.01 * 65536, 1e-9);   /* y doubles each step */
        ov_run_deinit(&run);
        ov_surface_destroy(s);
    }
    /* The step function itself reports the fallback. */
    ov_optim_state_init(&st, &p);
    ov_oracle c = {NULL, cap, 2, 0};
    double w[2] = {0.5, 0.3};
    CHECK(ov_optim_step(&p, &st, w, &c));
    /* H = -2 I: p = -g / 2 = (x, y), away from the maximum at 0. */
    CHECK(st.newton_dir == OV_NEWTON_ABS);
    CHECK_NEAR(w[0], 1.0, 1e-15);
    CHECK_NEAR(w[1], 0.6, 1e-15);
    ov_optim_state_init(&st, &p);
    ov_oracle pl = {NULL, plane, 2, 0};
    double z[2] = {0, 0};
    CHECK(ov_optim_step(&p, &st, z, &pl));
    CHECK(st.newton_dir == OV_NEWTON_GRADIENT);
    CHECK(z[0] == -1 && z[1] == -1);
    /* On the saddle point itself g = 0: nothing moves. */
    s = make("saddle");
    if (s) {
        ov_run run;
        ov_run_init(&run, &p);
        CHECK(ov_run_compute_surface(&run, s, (ov_vec2){0, 0}, 5));
        CHECK(run.n == 6 && run.x[5] == 0 && run.y[5] == 0);
        ov_run_deinit(&run);
        ov_surface_destroy(s);
    }
}

static void test_cg_first_steps(void)
{
    /* quad14 from (1, 1): g0 = (1, 4), d0 = -g0, exact line minimum
     * t = g'g / g'Hg = 17/65: w1 = (48/65, -3/65), g1 = (48/65, -12/65),
     * g1'g0 = 0. PR+: beta = g1'(g1 - g0) / g0'g0 = (2448/4225) / 17
     * = 144/4225; d1 = -g1 + beta d0 = (-3264, 204) / 4225, and the exact
     * search along d1 ends at the minimum (0, 0). */
    ov_optim_params p = params_of(OV_OPT_CG, 1.0);
    ov_optim_state st;
    ov_optim_state_init(&st, &p);
    ov_oracle q = {NULL, quad14, 2, 0};
    double w[2] = {1, 1};
    CHECK(ov_optim_step(&p, &st, w, &q));
    CHECK_NEAR(w[0], 48.0 / 65.0, 1e-15);
    CHECK_NEAR(w[1], -3.0 / 65.0, 1e-15);
    CHECK_NEAR(st.ls_step, 17.0 / 65.0, 1e-15);
    CHECK(st.ls_result == OV_LS_WOLFE);
    CHECK(ov_optim_step(&p, &st, w, &q));
    CHECK_NEAR(st.cg_d[0], -3264.0 / 4225.0, 1e-15);
    CHECK_NEAR(st.cg_d[1], 204.0 / 4225.0, 1e-15);
    CHECK_NEAR(w[0], 0, 1e-15);
    CHECK_NEAR(w[1], 0, 1e-15);

    /* Rosenbrock from (-1.2, 1): the first direction is -g0 = (215.6, 88),
     * the step a strong Wolfe point along it, checked with the closed form. */
    ov_optim_state_init(&st, &p);
    ov_oracle r = {NULL, rosen, 2, 0};
    double v[2] = {-1.2, 1}, f0, g0[2], f1, g1[2];
    CHECK(ov_optim_step(&p, &st, v, &r));
    rosen(NULL, (double[2]){-1.2, 1}, &f0, g0, NULL);
    rosen(NULL, v, &f1, g1, NULL);
    double t = st.ls_step, d[2] = {215.6, 88};
    CHECK_NEAR(v[0], -1.2 + t * d[0], 1e-15);
    CHECK_NEAR(v[1], 1 + t * d[1], 1e-15);
    double s0 = g0[0] * d[0] + g0[1] * d[1], s1 = g1[0] * d[0] + g1[1] * d[1];
    CHECK(t > 0 && f1 <= f0 + 1e-4 * t * s0);
    CHECK(fabs(s1) <= 0.1 * fabs(s0));
}

/* CG from many starts on a 2-D quadratic: after 2 steps g is zero to
 * rounding (exact line searches make CG finish in n = 2 iterations). */
static void test_cg_two_iterations(void)
{
    const double kappas[] = {10, 10, 1e3, 1e6, 1e10};
    const double thetas[] = {30, -75, 30, 10, 30};
    /* At kappa 1e10 the surface's gradient itself is only good to about
     * kappa eps = 2e-6 relative along the flat direction. */
    const double tols[] = {1e-12, 1e-12, 1e-12, 1e-12, 1e-5};
    const double alphas[] = {1, 1e-3, 100};
    for (int c = 0; c < 5; c++) {
        ov_surface *s = quadratic(kappas[c], thetas[c]);
        if (!s)
            continue;
        double worst = 0;
        for (int a = 0; a < 3; a++) {
            ov_optim_params p = params_of(OV_OPT_CG, alphas[a]);
            ov_run run;
            ov_run_init(&run, &p);
            for (int i = 0; i < 12; i++) {
                double ang = 0.5 + i * 2 * 3.14159265358979 / 12;
                ov_vec2 start = {3 * cos(ang), 2 * sin(ang)};
                CHECK(ov_run_compute_surface(&run, s, start, 2));
                double f, g0[2], g2[2];
                ov_surface_grad(s, run.x[0], run.y[0], &f, g0);
                ov_surface_grad(s, run.x[2], run.y[2], &f, g2);
                double rel = hypot(g2[0], g2[1]) / hypot(g0[0], g0[1]);
                worst = fmax(worst, rel);
                CHECK_MSG(rel < tols[c], "kappa %g theta %g alpha %g start (%g, %g): |g2|/|g0| = %g",
                          kappas[c], thetas[c], alphas[a], start.x, start.y, rel);
            }
            ov_run_deinit(&run);
        }
        printf("cg on quadratic kappa %g theta %g: max |g2|/|g0| = %.2e\n", kappas[c],
               thetas[c], worst);
        ov_surface_destroy(s);
    }
}

/* The strong Wolfe conditions of every cg step, checked from the step
 * taken (t d) with the surface's own values; steps at round-off level
 * (predicted decrease |g'd| below 1e-10 |L|, or L below 1e-20 next to a
 * zero minimum), where only the Armijo fallback can move, are left out of
 * the curvature check. */
static void test_cg_wolfe_on_curved_surfaces(void)
{
    static const char *const names[] = {"rosenbrock", "beale", "himmelblau", "gaussian",
                                        "regression"};
    const ov_vec2 starts[] = {{0.5, -0.5}, {-1.5, 2}, {2.5, 1.5}};
    int wolfe = 0, total = 0;
    for (int i = 0; i < 5; i++) {
        ov_surface *s = make(names[i]);
        if (!s)
            continue;
        for (int j = 0; j < 4; j++) {
            ov_optim_params p = params_of(OV_OPT_CG, 1.0);
            ov_run run;
            ov_run_init(&run, &p);
            CHECK(ov_run_compute_surface(&run, s, j < 3 ? starts[j] : s->start, 200));
            for (int k = 1; k < run.n; k++) {
                double d[2] = {run.x[k] - run.x[k - 1], run.y[k] - run.y[k - 1]};
                if (d[0] == 0 && d[1] == 0)
                    continue;
                double f0, g0[2], f1, g1[2];
                ov_surface_grad(s, run.x[k - 1], run.y[k - 1], &f0, g0);
                ov_surface_grad(s, run.x[k], run.y[k], &f1, g1);
                double s0 = g0[0] * d[0] + g0[1] * d[1], s1 = g1[0] * d[0] + g1[1] * d[1];
                CHECK_MSG(s0 < 0 && f1 <= f0 + 1e-4 * s0,
                          "%s start %d step %d: no sufficient decrease", names[i], j, k);
                if (fabs(s0) <= 1e-10 * fabs(f0) || f0 < 1e-20)
                    continue;
                total++;
                wolfe += fabs(s1) <= 0.1 * fabs(s0);
                CHECK_MSG(fabs(s1) <= 0.1 * fabs(s0), "%s start %d step %d: |s1/s0| = %g",
                          names[i], j, k, fabs(s1 / s0));
            }
            ov_run_deinit(&run);
        }
        ov_surface_destroy(s);
    }
    printf("cg: %d of %d steps above round-off satisfy strong Wolfe\n", wolfe, total);
    CHECK(total > 100);
}

/* Every stored iterate finite, and the loss never rises (both methods
 * accept only steps with sufficient decrease). */
static void check_monotone_finite(const ov_run *r, const char *what)
{
    for (int i = 0; i < r->n; i++) {
        CHECK_MSG(isfinite(r->x[i]) && isfinite(r->y[i]) && isfinite(r->loss[i]),
                  "%s: iterate %d not finite", what, i);
        if (i > 0)
            CHECK_MSG(r->loss[i] <= r->loss[i - 1], "%s: loss rose at step %d", what, i);
    }
}

static void test_never_non_finite(void)
{
    static const char *const names[] = {"rosenbrock", "beale", "himmelblau", "gaussian",
                                        "regression", "quadratic"};
    const ov_vec2 starts[] = {{0, 0}, {-4, 4}, {3.9, -4.4}, {0.7, 0.3}};
    const double alphas[] = {1, 1e6, 1e-3};
    for (int i = 0; i < 6; i++) {
        ov_surface *s = make(names[i]);
        if (!s)
            continue;
        if (i == 5)
            ov_surface_set_param(s, "kappa", 1e10);
        for (int kind = OV_OPT_CG; kind <= OV_OPT_NEWTON; kind++) {
            for (int a = 0; a < 3; a++) {
                for (int j = 0; j < 5; j++) {
                    ov_optim_params p = params_of((ov_optim_kind)kind, alphas[a]);
                    ov_run run;
                    ov_run_init(&run, &p);
                    ov_vec2 start = j < 4 ? starts[j] : s->start;
                    CHECK(ov_run_compute_surface(&run, s, start, 500));
                    char what[96];
                    snprintf(what, sizeof what, "%s %s alpha %g start (%g, %g)", names[i],
                             ov_optim_info_of((ov_optim_kind)kind)->name, alphas[a],
                             start.x, start.y);
                    check_monotone_finite(&run, what);
                    CHECK_MSG(!run.diverged, "%s diverged at %d", what, run.diverged_step);
                    ov_run_deinit(&run);
                }
            }
        }
        ov_surface_destroy(s);
    }
    /* Both find Rosenbrock's minimum from the classic start. */
    ov_surface *s = make("rosenbrock");
    if (s) {
        for (int kind = OV_OPT_CG; kind <= OV_OPT_NEWTON; kind++) {
            ov_optim_params p = params_of((ov_optim_kind)kind, 1);
            ov_run run;
            ov_run_init(&run, &p);
            CHECK(ov_run_compute_surface(&run, s, (ov_vec2){-1.2, 1}, 1000));
            CHECK_NEAR(run.x[run.n - 1], 1, 1e-8);
            CHECK_NEAR(run.y[run.n - 1], 1, 1e-8);
            ov_run_deinit(&run);
        }
        ov_surface_destroy(s);
    }
}

int main(void)
{
    test_table();
    test_newton_first_steps();
    test_newton_fallback();
    test_cg_first_steps();
    test_cg_two_iterations();
    test_cg_wolfe_on_curved_surfaces();
    test_never_non_finite();
    return ov_test_finish("test_core_methods");
}
