/* Tests of the gradient noise (--noise, --seed): the generator's normal
 * numbers have mean 0 and variance 1 over 1e5 draws; the noise a run's
 * optimiser actually sees, recovered from the iterates of gradient descent
 * on a plane of known slope, has mean 0 and variance σ² within 1%; every
 * run draws the same sequence; the same seed repeats it and another seed
 * does not; σ = 0 reproduces the exact run bit for bit; on a curve (a
 * formula in x alone) y never moves, noise or not. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/surface_objective.h"
#include "core/noise.h"
#include "core/run.h"
#include "core/surface.h"
#include "ov_test.h"

#define DRAWS 100000

/* Mean and variance (about the mean, divided by n) of v[0..n). */
static void moments(const double *v, int n, double *mean, double *var)
{
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += v[i];
    *mean = s / n;
    double q = 0.0;
    for (int i = 0; i < n; i++)
        q += (v[i] - *mean) * (v[i] - *mean);
    *var = q / n;
}

static void test_generator(void)
{
    double *z = malloc(DRAWS * sizeof *z);
    CHECK(z != NULL);
    if (!z)
        return;
    ov_rng r;
    ov_rng_seed(&r, 12345);
    for (int i = 0; i < DRAWS; i += 2)
        ov_rng_normal2(&r, z + i);
    double mean, var;
    moments(z, DRAWS, &mean, &var);
    CHECK_NEAR(mean, 0.0, 0.01);
    CHECK_NEAR(var, 1.0, 0.01);
    /* The two numbers of a pair are independent: their correlation is
     * within 3 standard errors (1/sqrt(n/2)) of 0. */
    double c = 0.0;
    for (int i = 0; i < DRAWS; i += 2)
        c += z[i] * z[i + 1];
    CHECK_NEAR(c / (DRAWS / 2), 0.0, 3.0 / sqrt(DRAWS / 2));
    /* A fraction of |z| < 1 near the normal law's 0.682689. */
    int inside = 0;
    for (int i = 0; i < DRAWS; i++)
        inside += fabs(z[i]) < 1.0;
    CHECK_NEAR((double)inside / DRAWS, 0.682689, 0.005);
    free(z);

    /* Uniforms never reach 0 (log stays finite) and never exceed 1. */
    ov_rng_seed(&r, 0);
    double lo = 1.0, hi = 0.0;
    for (int i = 0; i < 10000; i++) {
        double u = ov_rng_uniform(&r);
        lo = u < lo ? u : lo;
        hi = u > hi ? u : hi;
    }
    CHECK(lo > 0.0 && hi <= 1.0);
    /* splitmix64 from state 0: the published first output. */
    ov_rng_seed(&r, 0);
    CHECK(ov_rng_next(&r) == 0xE220A8397B1DCDAFu);
}

/* Runs gd with α = 1 on L = x + y (gradient exactly (1, 1)) with noise σ:
 * each step is w <- w - (1 + σ z), so the noise the optimiser saw is
 * -(w_(i+1) - w_i) - 1, per coordinate. Fills out with 2 * steps values. */
static bool recovered_noise(const ov_surface *s, double alpha, ov_noise noise, int steps,
                            double *out)
{
    ov_optim_params p;
    ov_optim_defaults(OV_OPT_GD, &p);
    p.alpha = alpha;
    ov_run run;
    ov_run_init(&run, &p);
    run.noise = noise;
    bool ok = ov_run_compute_surface(&run, s, (ov_vec2){0.0, 0.0}, steps) && run.n == steps + 1;
    for (int i = 0; ok && i < steps; i++) {
        out[2 * i] = (-(run.x[i + 1] - run.x[i]) / alpha - 1.0);
        out[2 * i + 1] = (-(run.y[i + 1] - run.y[i]) / alpha - 1.0);
    }
    ov_run_deinit(&run);
    return ok;
}

static void test_run_noise(void)
{
    ov_surface *s = ov_surface_create("x + y", NULL);
    CHECK(s != NULL);
    if (!s)
        return;
    const double sigma = 2.5;
    const int steps = DRAWS / 2;
    double *a = malloc(DRAWS * sizeof *a), *b = malloc(DRAWS * sizeof *b);
    CHECK(a && b);
    if (a && b) {
        ov_noise nz = {sigma, 42};
        CHECK(recovered_noise(s, 1.0, nz, steps, a));
        double mean, var;
        moments(a, DRAWS, &mean, &var);
        CHECK_NEAR(mean, 0.0, 0.01 * sigma);
        CHECK_NEAR(var / (sigma * sigma), 1.0, 0.01);

        /* Another run (another α) with the same seed sees the same noise:
         * runs compare fairly. Equal up to the rounding of w. */
        CHECK(recovered_noise(s, 0.5, nz, 2000, b));
        double worst = 0.0;
        for (int i = 0; i < 4000; i++)
            worst = fmax(worst, fabs(a[i] - b[i]));
        CHECK_MSG(worst < 1e-6, "largest difference %g", worst);

        /* Another seed, other noise. */
        ov_noise other = {sigma, 43};
        CHECK(recovered_noise(s, 1.0, other, 2000, b));
        int same = 0;
        for (int i = 0; i < 4000; i++)
            same += fabs(a[i] - b[i]) < 1e-6;
        CHECK(same < 10);
    }
    free(a);
    free(b);
    ov_surface_destroy(s);
}

/* σ = 0 is exactly the run without noise, for every optimiser, whatever
 * the seed; σ > 0 changes it. */
static void test_zero_is_exact(void)
{
    ov_surface *s = ov_surface_create("rosenbrock", NULL);
    CHECK(s != NULL);
    if (!s)
        return;
    for (int k = 0; k < OV_OPTIM_COUNT; k++) {
        ov_optim_params p;
        ov_optim_defaults((ov_optim_kind)k, &p);
        p.alpha = k == OV_OPT_GD || k == OV_OPT_MOMENTUM || k == OV_OPT_NESTEROV ? 1e-3 : p.alpha;
        /* Lion's steps are ±α: at its default 1e-4 it stays where the
         * gradient is far larger than the noise, whose sign never flips. */
        p.alpha = k == OV_OPT_LION ? 0.01 : p.alpha;
        ov_run exact, zero, noisy;
        ov_run_init(&exact, &p);
        ov_run_init(&zero, &p);
        ov_run_init(&noisy, &p);
        zero.noise = (ov_noise){0.0, 99};
        noisy.noise = (ov_noise){0.5, 99};
        ov_vec2 start = {-1.2, 1.0};
        CHECK(ov_run_compute_surface(&exact, s, start, 300));
        CHECK(ov_run_compute_surface(&zero, s, start, 300));
        CHECK(ov_run_compute_surface(&noisy, s, start, 300));
        CHECK_MSG(exact.n == zero.n && memcmp(exact.x, zero.x, (size_t)exact.n * 8) == 0 &&
                      memcmp(exact.y, zero.y, (size_t)exact.n * 8) == 0 &&
                      memcmp(exact.loss, zero.loss, (size_t)exact.n * 8) == 0,
                  "%s: sigma 0 differs from no noise", ov_optim_info_of(p.kind)->name);
        bool differs = noisy.n != exact.n;
        for (int i = 0; !differs && i < exact.n; i++)
            differs = noisy.x[i] != exact.x[i] || noisy.y[i] != exact.y[i];
        /* Noise is on the gradient; nelder-mead never asks for one. */
        CHECK_MSG(differs == (k != OV_OPT_NELDER_MEAD), "%s: noise changed %s",
                  ov_optim_info_of(p.kind)->name, differs ? "a gradient-free run" : "nothing");
        /* The same seed again: the same noisy run. */
        ov_run again;
        ov_run_init(&again, &p);
        again.noise = noisy.noise;
        CHECK(ov_run_compute_surface(&again, s, start, 300));
        CHECK(again.n == noisy.n && memcmp(again.x, noisy.x, (size_t)again.n * 8) == 0 &&
              memcmp(again.y, noisy.y, (size_t)again.n * 8) == 0);
        ov_run_deinit(&again);
        ov_run_deinit(&exact);
        ov_run_deinit(&zero);
        ov_run_deinit(&noisy);
    }
    ov_surface_destroy(s);
}

/* A formula in x alone: every method moves along x only, noise or not. */
static void test_curve_keeps_y(void)
{
    ov_surface *s = ov_surface_create("x^4 - 3*x^2 + x", NULL);
    CHECK(s != NULL);
    if (!s)
        return;
    CHECK(s->one_d);
    for (int k = 0; k < OV_OPTIM_COUNT; k++) {
        ov_optim_params p;
        ov_optim_defaults((ov_optim_kind)k, &p);
        ov_run run;
        ov_run_init(&run, &p);
        run.noise = (ov_noise){0.3, 5};
        CHECK(ov_run_compute_surface(&run, s, (ov_vec2){1.7, 0.25}, 200));
        bool y_fixed = run.n > 1, x_moved = false;
        for (int i = 0; i < run.n; i++) {
            y_fixed = y_fixed && run.y[i] == 0.25;
            x_moved = x_moved || run.x[i] != 1.7;
        }
        CHECK_MSG(y_fixed && x_moved, "%s on a curve: y fixed %d, x moved %d",
                  ov_optim_info_of(p.kind)->name, y_fixed, x_moved);
        ov_run_deinit(&run);
    }
    ov_surface_destroy(s);
    ov_surface *flat = ov_surface_create("x^2 + 0.5*y^2", NULL);
    CHECK(flat && !flat->one_d);
    ov_surface_destroy(flat);
}

int main(void)
{
    test_generator();
    test_run_noise();
    test_zero_is_exact();
    test_curve_keeps_y();
    return ov_test_finish("test_core_noise");
}
