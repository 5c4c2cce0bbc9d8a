/* N-parameter models (core/model.h): every model's gradient and Hessian
 * against central finite differences at random points, xor's loss and
 * gradient against the hand-worked sum, line's minimum, gauss4 at a hand
 * point, the stable logistic loss at |z| = 800, predictions, the parameter
 * name rules and the formula's errors, and the cap on Hessian methods'
 * work worked out by hand. The data parser and the GLSL text
 * are in test_core_model_data.c. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "ov_test.h"

/* A fixed generator, so every run checks the same points. */
static double uniform(unsigned *s, double lo, double hi)
{
    *s = *s * 1664525u + 1013904223u;
    return lo + (hi - lo) * ((*s >> 8) / 16777216.0);
}

/* Central differences: the gradient from values, the Hessian from exact
 * gradients, with step h = 1e-5 in each coordinate. Their truncation error
 * is h^2/6 |third derivative| (~1e-10 times it) and their rounding error
 * about 1e-16 |f| / h (~1e-11 |f|); with the models' values and derivatives
 * of order 1 .. 100 at these points both stay below 1e-7, so a tolerance of
 * 1e-6 (1 + |exact|) passes the right derivatives and fails any wrong term
 * (a missing factor or a sign is of the size of the derivative itself). */
static void check_derivatives(const ov_model *m, const double *w, const char *what)
{
    const int n = m->n;
    double f, g[OV_MODEL_MAX_PARAMS], *h = malloc(sizeof(double) * (size_t)(n * n));
    double gp[OV_MODEL_MAX_PARAMS], gm[OV_MODEL_MAX_PARAMS];
    if (!h) {
        CHECK(h != NULL);
        return;
    }
    ov_model_eval(m, w, &f, g, h);
    double f_only, g_only[OV_MODEL_MAX_PARAMS];
    ov_model_eval(m, w, &f_only, NULL, NULL);
    CHECK_NEAR(f_only, f, 1e-12 * (1.0 + fabs(f)));
    ov_model_eval(m, w, &f_only, g_only, NULL);
    for (int i = 0; i < n; i++)
        CHECK_NEAR(g_only[i], g[i], 1e-12 * (1.0 + fabs(g[i])));
    const double step = 1e-5;
    for (int i = 0; i < n; i++) {
        double wp[OV_MODEL_MAX_PARAMS], wm[OV_MODEL_MAX_PARAMS], fp, fm;
        memcpy(wp, w, sizeof(double) * (size_t)n);
        memcpy(wm, w, sizeof(double) * (size_t)n);
        wp[i] += step, wm[i] -= step;
        ov_model_eval(m, wp, &fp, gp, NULL);
        ov_model_eval(m, wm, &fm, gm, NULL);
        double fd = (fp - fm) / (2.0 * step);
        CHECK_MSG(fabs(fd - g[i]) <= 1e-6 * (1.0 + fabs(g[i])), "%s: d/d%s = %.12g, fd %.12g",
                  what, m->param_names[i], g[i], fd);
        for (int j = 0; j < n; j++) {
            double hd = (gp[j] - gm[j]) / (2.0 * step);
            CHECK_MSG(fabs(hd - h[i * n + j]) <= 1e-6 * (1.0 + fabs(h[i * n + j])),
                      "%s: d2/d%s d%s = %.12g, fd %.12g", what, m->param_names[i],
                      m->param_names[j], h[i * n + j], hd);
            CHECK(h[i * n + j] == h[j * n + i]);
        }
    }
    free(h);
}

static void test_builtin_derivatives(void)
{
    static const char *const names[] = {"line", "gauss4", "xor"};
    unsigned seed = 12345u;
    for (int k = 0; k < 3; k++) {
        ov_model *m = ov_model_create_builtin(names[k]);
        CHECK(m != NULL);
        if (!m)
            continue;
        for (int trial = 0; trial < 5; trial++) {
            double w[OV_MODEL_MAX_PARAMS];
            for (int i = 0; i < m->n; i++)
                w[i] = uniform(&seed, -1.5, 1.5);
            check_derivatives(m, w, names[k]);
        }
        check_derivatives(m, m->start, names[k]);
        ov_model_destroy(m);
    }
}

/* A typed 1-input model using every kind of operation: division, integer
 * and parameter powers (base and exponent both parameters, and a parameter
 * base with the input as exponent), sqrt, log, exp, sin. */
static void test_typed_derivatives(void)
{
    ov_model_data d = {.ninputs = 1, .nrows = 4};
    const double t[4] = {0.5, 1.0, 1.5, 2.0}, y[4] = {1.0, 0.2, -0.4, 2.0};
    for (int i = 0; i < 4; i++)
        d.in[i][0] = t[i], d.y[i] = y[i];
    char err[512] = "";
    ov_model *m = ov_model_create_typed(
        "a/(1 + b*t^2) + sqrt(c*c + t)*log(1 + d^2) + exp(-a*t)*(1 + c*c)^(b*t) "
        "+ sin(d*t)/a + (2 + b*b)^t",
        "a,b,c,d", &d, OV_MODEL_LOSS_SQUARED, err, sizeof err);
    CHECK_MSG(m != NULL, "%s", err);
    if (!m)
        return;
    CHECK(strcmp(m->name, "custom") == 0);
    CHECK(m->n == 4 && m->ninputs == 1);
    CHECK(strcmp(m->param_names[2], "c") == 0);
    unsigned seed = 99u;
    for (int trial = 0; trial < 6; trial++) {
        double w[4];
        for (int i = 0; i < 4; i++)
            w[i] = uniform(&seed, 0.4, 1.4);
        check_derivatives(m, w, "typed squared");
    }
    ov_model_destroy(m);

    /* A 2-input logistic model with a parameter that the formula does not
     * use (its derivatives are 0). */
    ov_model_data x = {.ninputs = 2, .nrows = 3};
    const double rows[3][3] = {{0.0, 1.0, 1.0}, {1.0, 0.5, 0.0}, {-1.0, 2.0, 1.0}};
    for (int i = 0; i < 3; i++)
        x.in[i][0] = rows[i][0], x.in[i][1] = rows[i][1], x.y[i] = rows[i][2];
    m = ov_model_create_typed("p*x1 + q*x2^2 + r_1*tanh(p*x1*x2 - q) + 0.5", "p,q,r_1,unused",
                              &x, OV_MODEL_LOSS_LOGISTIC, err, sizeof err);
    CHECK_MSG(m != NULL, "%s", err);
    if (!m)
        return;
    CHECK(m->ninputs == 2 && m->loss == OV_MODEL_LOSS_LOGISTIC);
    for (int trial = 0; trial < 6; trial++) {
        double w[4];
        for (int i = 0; i < 4; i++)
            w[i] = uniform(&seed, -2.0, 2.0);
        check_derivatives(m, w, "typed logistic");
        double f, g[4];
        ov_model_eval(m, w, &f, g, NULL);
        CHECK(g[3] == 0.0);
    }
    ov_model_destroy(m);
}

static double sigma(double z) { return 1.0 / (1.0 + exp(-z)); }

/* xor at w11 = w12 = 1, b1 = 0, w21 = w22 = 1, b2 = -1, v1 = 1, v2 = -2,
 * c = 0, with T1 = tanh 1 and T2 = tanh 2:
 *   (0,0)->0: h1 = tanh 0 = 0,  h2 = tanh(-1) = -T1, z = 0 - 2(-T1) = 2 T1
 *   (0,1)->1: h1 = tanh 1 = T1, h2 = tanh 0 = 0,     z = T1
 *   (1,0)->1: the same as (0,1),                      z = T1
 *   (1,1)->0: h1 = tanh 2 = T2, h2 = tanh 1 = T1,    z = T2 - 2 T1
 * Loss: a target 0 costs -log(1 - sigma z) = log(1 + e^z), a target 1
 * costs -log sigma(z) = log(1 + e^-z):
 *   L = log(1 + e^(2 T1)) + 2 log(1 + e^-T1) + log(1 + e^(T2 - 2 T1)).
 * Gradient: dL/dz_i = sigma(z_i) - y_i =: r_i, so
 *   dL/dc  = r00 + 2 r01 + r11
 *   dL/dv1 = r00*0 + 2 r01*T1 + r11*T2
 *   dL/dv2 = r00*(-T1) + 2 r01*0 + r11*T1
 *   dL/db2 = v2 * sum r_i (1 - h2_i^2) = -2 [r00 (1 - T1^2) + 2 r01 + r11 (1 - T1^2)]
 *   dL/dw11 = v1 * sum r_i (1 - h1_i^2) x1_i: only x1 = 1 counts, (1,0)
 *             with h1 = T1 and r = r01, and (1,1) with h1 = T2:
 *           = r01 (1 - T1^2) + r11 (1 - T2^2). */
static void test_xor_by_hand(void)
{
    ov_model *m = ov_model_create_builtin("xor");
    CHECK(m != NULL);
    if (!m)
        return;
    const double w[9] = {1.0, 1.0, 0.0, 1.0, 1.0, -1.0, 1.0, -2.0, 0.0};
    const double T1 = tanh(1.0), T2 = tanh(2.0);
    const double L = log(1.0 + exp(2.0 * T1)) + 2.0 * log(1.0 + exp(-T1)) +
                     log(1.0 + exp(T2 - 2.0 * T1));
    const double r00 = sigma(2.0 * T1), r01 = sigma(T1) - 1.0, r11 = sigma(T2 - 2.0 * T1);
    double f, g[9];
    ov_model_eval(m, w, &f, g, NULL);
    CHECK_NEAR(f, L, 1e-13);
    CHECK_NEAR(g[8], r00 + 2.0 * r01 + r11, 1e-13);
    CHECK_NEAR(g[6], 2.0 * r01 * T1 + r11 * T2, 1e-13);
    CHECK_NEAR(g[7], -r00 * T1 + r11 * T1, 1e-13);
    CHECK_NEAR(g[5], -2.0 * (r00 * (1.0 - T1 * T1) + 2.0 * r01 + r11 * (1.0 - T1 * T1)), 1e-13);
    CHECK_NEAR(g[0], r01 * (1.0 - T1 * T1) + r11 * (1.0 - T2 * T2), 1e-13);
    /* The fit panel's probability at (1,1): sigma(T2 - 2 T1). */
    const double in[2] = {1.0, 1.0};
    CHECK_NEAR(ov_model_predict(m, w, in), sigma(T2 - 2.0 * T1), 1e-15);
    ov_model_destroy(m);
}

/* line: (0.95, 1.05) solves the normal equations of the three points
 * (sum t^2 a + sum t b = sum t y: 5a + 3b = 8.0; sum t a + 3b = sum y:
 * 3a + 3b = 6.0), so the gradient is 0 and the loss is the residuals'
 * squares 0.05^2 + 0.1^2 + 0.05^2 = 0.015. */
static void test_line_minimum(void)
{
    ov_model *m = ov_model_create_builtin("line");
    CHECK(m != NULL);
    if (!m)
        return;
    CHECK(m->n == 2 && strcmp(m->param_names[0], "a") == 0 && strcmp(m->param_names[1], "b") == 0);
    const double w[2] = {0.95, 1.05};
    double f, g[2], h[4];
    ov_model_eval(m, w, &f, g, h);
    CHECK_NEAR(f, 0.015, 1e-15);
    CHECK_NEAR(g[0], 0.0, 1e-14);
    CHECK_NEAR(g[1], 0.0, 1e-14);
    /* The Hessian is 2 [sum t^2, sum t; sum t, 3] = [10 6; 6 6]. */
    CHECK(h[0] == 10.0 && h[1] == 6.0 && h[2] == 6.0 && h[3] == 6.0);
    const double t = 2.0;
    CHECK_NEAR(ov_model_predict(m, w, &t), 2.95, 1e-15);
    ov_objective o = ov_model_objective(m);
    CHECK(o.n == 2 && o.active == 2 && o.ctx == m);
    double fo;
    o.eval(o.ctx, w, &fo, NULL, NULL);
    CHECK(fo == f);
    ov_model_destroy(m);
}

/* gauss4 at a = 2, b = 1, c = 1, d = 0.5: y(0) = y(2) = 2/e + 0.5,
 * y(1) = 2.5, so L = (2/e - 0.5)^2 + 0.4^2 + (2/e - 2.4)^2. */
static void test_gauss4_hand(void)
{
    ov_model *m = ov_model_create_builtin("gauss4");
    CHECK(m != NULL);
    if (!m)
        return;
    const double w[4] = {2.0, 1.0, 1.0, 0.5};
    const double q = 2.0 / exp(1.0);
    double f;
    ov_model_eval(m, w, &f, NULL, NULL);
    CHECK_NEAR(f, (q - 0.5) * (q - 0.5) + 0.16 + (q - 2.4) * (q - 2.4), 1e-14);
    CHECK(m->n == 4 && strcmp(m->param_names[3], "d") == 0);
    ov_model_destroy(m);
}

/* log(1 + e^800) must not overflow: for z = 800 and target 0 the loss is
 * 800 (+ log1p(e^-800) = 0), the gradient sigma(800) - 0 = 1 per unit of
 * dz/dw; for target 1 the loss is log1p(e^-800) ~ 0. */
static void test_stable_logistic(void)
{
    ov_model_data d = {.ninputs = 1, .nrows = 2};
    d.in[0][0] = 1.0, d.y[0] = 0.0;
    d.in[1][0] = -1.0, d.y[1] = 0.0;
    char err[256];
    ov_model *m = ov_model_create_typed("a*t + b", "a,b", &d, OV_MODEL_LOSS_LOGISTIC, err,
                                        sizeof err);
    CHECK_MSG(m != NULL, "%s", err);
    if (!m)
        return;
    const double w[2] = {800.0, 0.0}; /* z = 800 and z = -800 */
    double f, g[2], h[4];
    ov_model_eval(m, w, &f, g, h);
    CHECK_NEAR(f, 800.0, 1e-9);
    CHECK_NEAR(g[0], 1.0, 1e-12);  /* row 1: (1 - 0) * t = 1; row 2: sigma(-800) * -1 ~ 0 */
    CHECK_NEAR(g[1], 1.0, 1e-12);
    for (int i = 0; i < 4; i++)
        CHECK(isfinite(h[i]) && fabs(h[i]) < 1e-300);
    const double t = 1.0;
    CHECK(ov_model_predict(m, w, &t) == 1.0);
    const double tm = -1.0;
    CHECK(ov_model_predict(m, w, &tm) >= 0.0 && ov_model_predict(m, w, &tm) < 1e-300);
    ov_model_destroy(m);
}

static void test_names_and_errors(void)
{
    char err[512];
    static const char *const bad[] = {"t", "x1", "x2", "x", "y", "e", "pi", "exp", "tanh",
                                      "run", "optimizer", "step", "loss", "alpha", "1a",
                                      "_a", "a-b", "", "abcdefghijklmnopqrstuvwxyz"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        err[0] = '\0';
        CHECK_MSG(!ov_model_param_name_ok(bad[i], err, sizeof err), "'%s' accepted", bad[i]);
        CHECK(err[0] != '\0');
    }
    CHECK(ov_model_param_name_ok("w_1", err, sizeof err));
    CHECK(ov_model_param_name_ok("Alpha2", err, sizeof err));
    ov_model_param_name_ok("loss", err, sizeof err);
    CHECK(strstr(err, "'loss' is already in use") != NULL);
    ov_model_param_name_ok("a-b", err, sizeof err);
    CHECK(strstr(err, "found '-'") != NULL);

    ov_model_data d = {.ninputs = 1, .nrows = 1};
    d.in[0][0] = 1.0, d.y[0] = 2.0;
    ov_model *m = ov_model_create_typed("a*t", "a", &d, OV_MODEL_LOSS_SQUARED, err, sizeof err);
    CHECK(m == NULL && strstr(err, "at least 2 parameters") != NULL);
    m = ov_model_create_typed("a*t + b", "a, a", &d, OV_MODEL_LOSS_SQUARED, err, sizeof err);
    CHECK(m == NULL && strstr(err, "'a' is named twice") != NULL);
    m = ov_model_create_typed("a*t + q", "a,b", &d, OV_MODEL_LOSS_SQUARED, err, sizeof err);
    CHECK_MSG(m == NULL && strstr(err, "unknown name 'q' (inputs: t; parameters: a, b)") &&
                  strstr(err, "at column 7") && strstr(err, "      ^"),
              "%s", err);
    m = ov_model_create_typed("a*x1 + b", "a,b", &d, OV_MODEL_LOSS_SQUARED, err, sizeof err);
    CHECK_MSG(m == NULL && strstr(err, "unknown name 'x1'"), "%s", err);
    m = ov_model_create_typed("a*x + b", "a,b", &d, OV_MODEL_LOSS_SQUARED, err, sizeof err);
    CHECK_MSG(m == NULL && strstr(err, "'x' is not a model's input (inputs: t)"), "%s", err);
    d.ninputs = 2;
    m = ov_model_create_typed("a*x1 + b*y", "a,b", &d, OV_MODEL_LOSS_SQUARED, err, sizeof err);
    CHECK_MSG(m == NULL && strstr(err, "'y' is not a model's input (inputs: x1, x2)"), "%s", err);
    m = ov_model_create_typed("a*x1 + b", "a,b", &d, OV_MODEL_LOSS_LOGISTIC, err, sizeof err);
    CHECK_MSG(m == NULL && strstr(err, "y = 2") && strstr(err, "from 0 to 1") &&
                  strstr(err, "--loss logistic"),
              "%s", err);
    m = ov_model_create_typed("a*x1 + b*x2", "a,b", &d, OV_MODEL_LOSS_SQUARED, err, sizeof err);
    CHECK_MSG(m != NULL, "%s", err);
    if (m)
        CHECK(m->start[0] == 0.5 && m->start[1] == 0.5);
    ov_model_destroy(m);

    /* 64 parameters are allowed, 65 are not. */
    char names[65 * 5] = "", formula[1024] = "p0";
    for (int i = 0; i < 65; i++) {
        char one[8];
        snprintf(one, sizeof one, "%sp%d", i ? "," : "", i);
        strcat(names, one);
    }
    m = ov_model_create_typed(formula, names, &d, OV_MODEL_LOSS_SQUARED, err, sizeof err);
    CHECK(m == NULL && strstr(err, "too many parameters (at most 64)") != NULL);
    *strrchr(names, ',') = '\0';
    m = ov_model_create_typed("p0*x1 + p63*x2", names, &d, OV_MODEL_LOSS_SQUARED, err, sizeof err);
    CHECK_MSG(m != NULL && m->n == 64, "%s", err);
    if (m) {
        double w[64] = {0}, f, g[64];
        w[0] = 1.0, w[63] = 2.0;
        ov_model_eval(m, w, &f, g, NULL); /* z = 1 + 2*0 = 1, y = 2: r = -1 */
        CHECK(f == 1.0 && g[0] == -2.0 && g[63] == 0.0 && g[1] == 0.0);
    }
    ov_model_destroy(m);
    CHECK(ov_model_create_builtin("nope") == NULL);
}

static void test_builtin_table(void)
{
    CHECK(ov_model_builtin_count() == 3);
    CHECK(ov_model_builtin(3) == NULL && ov_model_builtin(-1) == NULL);
    const ov_model_def *x = ov_model_builtin(2);
    CHECK(x && strcmp(x->name, "xor") == 0 && x->n == 9);
    CHECK(x && strcmp(x->params, "w11,w12,b1,w21,w22,b2,v1,v2,c") == 0);
    for (int i = 0; i < ov_model_builtin_count(); i++) {
        const ov_model_def *d = ov_model_builtin(i);
        ov_model *m = ov_model_create_builtin(d->name);
        CHECK(m && m->n == d->n && m->loss == d->loss);
        if (m)
            for (int k = 0; k < m->n; k++)
                CHECK(m->start[k] == d->start[k]);
        ov_model_destroy(m);
    }
}

/* The cap: steps x rows x n(n+1)/2 second derivatives up to 3e7 for
 * newton only (cg and lbfgs evaluate gradients). By hand: xor, 9 parameters on 4 rows, 4 x 45 = 180 a
 * step, 3e7 / 180 = 166,666.7; 64 parameters on 256 rows, 256 x 2080 =
 * 532,480 a step, 3e7 / 532,480 = 56.3; line, 2 on 3, 3 x 3 = 9 a step,
 * 3,333,333.3. */
static void test_hessian_cap(void)
{
    CHECK(ov_model_hessian_per_step(9, 4) == 180.0);
    CHECK(ov_model_hessian_max_steps(9, 4) == 166666);
    CHECK(ov_model_hessian_per_step(64, 256) == 532480.0);
    CHECK(ov_model_hessian_max_steps(64, 256) == 56);
    CHECK(ov_model_hessian_per_step(2, 3) == 9.0);
    CHECK(ov_model_hessian_max_steps(2, 3) == 3333333);
    for (int k = 0; k < OV_OPTIM_COUNT; k++)
        CHECK_MSG(ov_model_hessian_method((ov_optim_kind)k) ==
                      (k == OV_OPT_NEWTON),
                  "%s", ov_optim_info_of((ov_optim_kind)k)->name);
    ov_model *x = ov_model_create_builtin("xor");
    CHECK(x != NULL);
    if (!x)
        return;
    CHECK(ov_model_hessian_fits(x, OV_OPT_NEWTON, 166666));
    CHECK(!ov_model_hessian_fits(x, OV_OPT_NEWTON, 166667));
    /* First-order methods, cg and quasi-Newton lbfgs are not capped. */
    CHECK(ov_model_hessian_fits(x, OV_OPT_CG, 1000000));
    CHECK(ov_model_hessian_fits(x, OV_OPT_GD, 1000000));
    CHECK(ov_model_hessian_fits(x, OV_OPT_LBFGS, 1000000));
    ov_model_destroy(x);
}

int main(void)
{
    test_hessian_cap();
    test_builtin_derivatives();
    test_typed_derivatives();
    test_xor_by_hand();
    test_line_minimum();
    test_gauss4_hand();
    test_stable_logistic();
    test_names_and_errors();
    test_builtin_table();
    return ov_test_finish("test_core_model");
}
