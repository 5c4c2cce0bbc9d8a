/* Tests of the error in the Hessian's eigenvectors (core/eigen_modes.c):
 * gd's components on the quadratic against (1 - alpha lambda)^k c_0 by
 * hand; momentum's and nesterov's against the two-root solution worked
 * out here (complex roots, real roots, and the optimum's double root in
 * the (A + B k) z^k form), measured on real runs and predicted; w* and the
 * basis on rosenbrock (its known minimum) and on the saddle (no minimum,
 * not positive definite). */
#include <complex.h>
#include <math.h>
#include <string.h>

#include "core/eigen_modes.h"
#include "core/rate_map.h"
#include "core/scene.h"
#include "ov_test.h"

#define PI 3.14159265358979323846

/* One run of kind on the quadratic (kappa, theta degrees). */
static bool one_run(ov_scene *sc, double kappa, double theta, ov_optim_kind kind, double alpha,
                    double beta, int steps)
{
    ov_config cfg;
    ov_config_defaults(&cfg);
    cfg.has_kappa = cfg.has_theta = true;
    cfg.kappa = kappa;
    cfg.theta = theta;
    cfg.steps = steps;
    cfg.nruns = 1;
    memset(&cfg.runs[0], 0, sizeof cfg.runs[0]);
    cfg.runs[0] = (ov_run_spec){.kind = kind, .has_alpha = true, .alpha = alpha,
                                .has_beta = true, .beta = beta};
    char err[256];
    bool ok = ov_scene_init(sc, &cfg, err, sizeof err);
    CHECK_MSG(ok, "%s", err);
    return ok;
}

/* The eigenvectors by hand: (cos t, sin t) for 1, (-sin t, cos t) for
 * kappa; the basis's may have either sign: returns that sign. */
static double hand_sign(const ov_eigen_basis *b, int i, double theta)
{
    double t = theta * PI / 180, v[2] = {cos(t), sin(t)};
    if (i == 1) {
        v[0] = -sin(t);
        v[1] = cos(t);
    }
    double dot = b->v[i][0] * v[0] + b->v[i][1] * v[1];
    CHECK_NEAR(fabs(dot), 1.0, 1e-12);
    return dot > 0 ? 1.0 : -1.0;
}

static void test_gd(void)
{
    ov_scene sc;
    const double kappa = 10, theta = 30, alpha = 0.15;
    if (!one_run(&sc, kappa, theta, OV_OPT_GD, alpha, 0, 60))
        return;
    const ov_run *run = &sc.runs[0];
    ov_eigen_basis b;
    char why[200];
    CHECK(ov_eigen_basis_of(sc.surface, run, &b, why, sizeof why));
    CHECK(b.known_min && b.wx == 0 && b.wy == 0);
    CHECK_NEAR(b.lambda[0], 1, 1e-12);
    CHECK_NEAR(b.lambda[1], kappa, 1e-11);
    double t = theta * PI / 180, lam[2] = {1, kappa};
    for (int i = 0; i < 2; i++) {
        double s = hand_sign(&b, i, theta);
        double c0 = i == 0 ? cos(t) * run->x[0] + sin(t) * run->y[0]
                           : -sin(t) * run->x[0] + cos(t) * run->y[0];
        ov_mode_pred m;
        CHECK(ov_mode_predict_init(&run->params, b.lambda[i], ov_eigen_component(&b, run, i, 0),
                                   ov_eigen_component(&b, run, i, 1), &m));
        for (int k = 0; k < run->n; k += 3) {
            double want = s * pow(1 - alpha * lam[i], k) * c0;
            CHECK_NEAR(ov_eigen_component(&b, run, i, k), want, 1e-10 * fabs(c0));
            CHECK_NEAR(ov_mode_predict(&m, k), want, 1e-10 * fabs(c0));
        }
    }
    ov_scene_deinit(&sc);
}

/* c_k by hand for the two-term recurrence with roots of z^2 - t z + d and
 * c_1 = (1 - alpha lambda) c_0 (no velocity at the start). */
static double hand_two_root(double t, double d, double c0, double c1, int k, bool *repeated)
{
    double complex s = csqrt(t * t - 4 * d + 0 * I);
    double complex z1 = (t + s) / 2, z2 = (t - s) / 2;
    *repeated = cabs(z1 - z2) < 1e-6 * (cabs(z1) + cabs(z2));
    if (*repeated) {
        double complex z = t / 2;
        return creal((c0 + (c1 / z - c0) * k) * cpow(z, k));
    }
    double complex a1 = (c1 - z2 * c0) / (z1 - z2), a2 = (z1 * c0 - c1) / (z1 - z2);
    return creal(a1 * cpow(z1, k) + a2 * cpow(z2, k));
}

static void check_two_root(ov_optim_kind kind, double kappa, double theta, double alpha,
                           double beta, int steps, double tol, int want_repeated)
{
    ov_scene sc;
    if (!one_run(&sc, kappa, theta, kind, alpha, beta, steps))
        return;
    const ov_run *run = &sc.runs[0];
    CHECK(run->n == steps + 1);
    ov_eigen_basis b;
    char why[200];
    CHECK(ov_eigen_basis_of(sc.surface, run, &b, why, sizeof why));
    double t = theta * PI / 180, lam[2] = {1, kappa};
    int repeated = 0;
    for (int i = 0; i < 2; i++) {
        double s = hand_sign(&b, i, theta);
        double c0 = i == 0 ? cos(t) * run->x[0] + sin(t) * run->y[0]
                           : -sin(t) * run->x[0] + cos(t) * run->y[0];
        double q = 1 - alpha * lam[i], c1 = q * c0;
        double tr = kind == OV_OPT_MOMENTUM ? 1 + beta - alpha * lam[i] : (1 + beta) * q;
        double det = kind == OV_OPT_MOMENTUM ? beta : beta * q;
        ov_mode_pred m;
        CHECK(ov_mode_predict_init(&run->params, b.lambda[i], ov_eigen_component(&b, run, i, 0),
                                   ov_eigen_component(&b, run, i, 1), &m));
        bool rep = false;
        for (int k = 0; k < run->n; k++) {
            double want = s * hand_two_root(tr, det, c0, c1, k, &rep);
            double got = ov_eigen_component(&b, run, i, k), pred = ov_mode_predict(&m, k);
            CHECK_MSG(fabs(got - want) <= tol * fabs(c0), "%s lambda %g k %d: measured %.17g, "
                      "hand %.17g", ov_optim_info_of(kind)->name, lam[i], k, got, want);
            CHECK_MSG(fabs(pred - want) <= tol * fabs(c0), "%s lambda %g k %d: predicted %.17g, "
                      "hand %.17g", ov_optim_info_of(kind)->name, lam[i], k, pred, want);
        }
        CHECK(m.repeated == rep);
        repeated += rep;
    }
    CHECK(want_repeated < 0 || repeated == want_repeated);
    ov_scene_deinit(&sc);
}

static void test_two_root(void)
{
    /* lambda = 10: t = 1, d = 0.5, complex roots; lambda = 1: real roots. */
    check_two_root(OV_OPT_MOMENTUM, 10, 30, 0.05, 0.5, 80, 1e-9, 0);
    check_two_root(OV_OPT_MOMENTUM, 10, 0, 0.1, 0.9, 120, 1e-9, 0);
    check_two_root(OV_OPT_NESTEROV, 10, 45, 0.05, 0.7, 80, 1e-9, 0);
    /* The optimum: a double root in both directions, (A + B k) z^k. */
    double sa = 2.0 / (1 + 10), hb = pow(9.0 / 11.0, 2);
    check_two_root(OV_OPT_MOMENTUM, 100, 20, sa * sa, hb, 150, 1e-6, 2);
}

/* Measured against predicted (the loss panel's line): gd at alpha 0.015 on
 * kappa 100 shrinks its steep component by 0.5 a step and its shallow one
 * by 0.985, so after 100 steps the observed rate is the map's 0.985. */
static void test_measured_rate(void)
{
    ov_scene sc;
    if (!one_run(&sc, 100, 30, OV_OPT_GD, 0.015, 0, 120))
        return;
    const ov_run *run = &sc.runs[0];
    ov_eigen_basis b;
    char why[200];
    CHECK(ov_eigen_basis_of(sc.surface, run, &b, why, sizeof why));
    double predicted = ov_rate_map_rate(OV_OPT_GD, 0.015, 0, b.lambda[0], b.lambda[1]);
    CHECK_NEAR(predicted, 0.985, 1e-12);
    CHECK_NEAR(ov_rate_map_observed(run, 100, 10, b.wx, b.wy), 0.985, 1e-9);
    /* Early on the steep component still counts: faster than predicted. */
    CHECK(ov_rate_map_observed(run, 3, 10, b.wx, b.wy) < 0.98);
    ov_scene_deinit(&sc);
}

static void test_other_surfaces(void)
{
    ov_expr_error e;
    ov_surface *r = ov_surface_create("rosenbrock", &e);
    ov_run run = {0};
    double xs[2] = {0.9, 0.95}, ys[2] = {0.8, 0.9}, ls[2] = {0, 0};
    run.n = 2;
    run.x = xs;
    run.y = ys;
    run.loss = ls;
    ov_eigen_basis b;
    char why[200];
    CHECK(r != NULL);
    if (r) {
        CHECK(ov_eigen_basis_of(r, &run, &b, why, sizeof why));
        CHECK(b.known_min && b.wx == 1 && b.wy == 1);
        double s = sqrt(301.0 * 301.0 + 400.0 * 400.0);
        CHECK_NEAR(b.lambda[0], 501 - s, 1e-9);
        CHECK_NEAR(b.lambda[1], 501 + s, 1e-9);
        CHECK_NEAR(ov_eigen_component(&b, &run, 0, 1),
                   b.v[0][0] * (0.95 - 1) + b.v[0][1] * (0.9 - 1), 1e-15);
        ov_surface_destroy(r);
    }
    ov_surface *sd = ov_surface_create("saddle", &e);
    CHECK(sd != NULL);
    if (sd) {
        CHECK(!ov_eigen_basis_of(sd, &run, &b, why, sizeof why));
        CHECK(!b.known_min && b.wx == 0.95 && b.wy == 0.9);
        CHECK(strstr(why, "not positive definite") != NULL);
        ov_surface_destroy(sd);
    }
    /* Not linear iterations: no prediction. */
    ov_optim_params p = {.kind = OV_OPT_ADAM, .alpha = 0.1, .beta = 0.9};
    ov_mode_pred m;
    CHECK(!ov_mode_predict_init(&p, 1.0, 1.0, 0.5, &m));
}

int main(void)
{
    test_gd();
    test_two_root();
    test_other_surfaces();
    test_measured_rate();
    return ov_test_finish("test_core_eigen_modes");
}
