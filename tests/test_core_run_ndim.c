/* Runs of n-parameter objectives: the cap of 2,000,000 stored coordinates
 * (steps clamped to 2,000,000 / n), the divergence rule on every
 * coordinate, the noise drawn in pairs (n = 3 drops the second draw of its
 * last pair), the coordinates past `active` left alone, and copies that
 * carry every coordinate and distance. */
#include <math.h>
#include <string.h>

#include "core/noise.h"
#include "core/objective.h"
#include "core/run.h"
#include "ov_test.h"

/* L = ½ Σ w_k², n given by the objective. */
static void bowl(const void *ctx, const double *w, double *f, double *g, double *h)
{
    const int n = *(const int *)ctx;
    double s = 0.0;
    for (int k = 0; k < n; k++) {
        s += 0.5 * w[k] * w[k];
        if (g)
            g[k] = w[k];
    }
    *f = s;
    if (h)
        for (int k = 0; k < n * n; k++)
            h[k] = k % (n + 1) == 0 ? 1.0 : 0.0;
}

/* L = 0: the gradient is zero, so a gd step is the noise alone. */
static void flat(const void *ctx, const double *w, double *f, double *g, double *h)
{
    const int n = *(const int *)ctx;
    (void)w;
    *f = 0.0;
    for (int k = 0; g && k < n; k++)
        g[k] = 0.0;
    for (int k = 0; h && k < n * n; k++)
        h[k] = 0.0;
}

/* L = -1000 w_7 (n = 9): gd with α = 1 moves w_7 up by 1000 a step. */
static void ramp(const void *ctx, const double *w, double *f, double *g, double *h)
{
    (void)ctx;
    (void)h;
    *f = -1000.0 * w[7];
    for (int k = 0; g && k < 9; k++)
        g[k] = k == 7 ? -1000.0 : 0.0;
}

/* L = w_3, NaN once w_3 < -2.5 (n = 9). */
static void cliff(const void *ctx, const double *w, double *f, double *g, double *h)
{
    (void)ctx;
    (void)h;
    *f = w[3] < -2.5 ? NAN : w[3];
    for (int k = 0; g && k < 9; k++)
        g[k] = k == 3 ? 1.0 : 0.0;
}

static void test_cap(void)
{
    CHECK(ov_run_max_steps(2) == 1000000 && ov_run_max_steps(2) == OV_RUN_MAX_STEPS);
    CHECK(ov_run_max_steps(9) == 222222);
    CHECK(ov_run_max_steps(64) == 31250);
    const int ns[] = {9, 64};
    for (int c = 0; c < 2; c++) {
        int n = ns[c];
        ov_objective obj = {.n = n, .active = n, .ctx = &n, .eval = bowl};
        double start[64];
        for (int k = 0; k < n; k++)
            start[k] = 1.0 + k;
        ov_optim_params p;
        ov_optim_defaults(OV_OPT_GD, &p);
        ov_run run;
        ov_run_init(&run, &p);
        CHECK(ov_run_compute(&run, &obj, start, 3000000));
        CHECK_MSG(run.n == 2000000 / n + 1, "n = %d: %d iterates", n, run.n);
        CHECK(!run.diverged && run.dim == n);
        /* Within the cap: the steps asked for. */
        CHECK(ov_run_compute(&run, &obj, start, 100) && run.n == 101);
        ov_run_deinit(&run);
    }
}

static void test_divergence(void)
{
    ov_objective obj = {.n = 9, .active = 9, .ctx = NULL, .eval = ramp};
    double start[9] = {0};
    ov_optim_params p;
    ov_optim_defaults(OV_OPT_GD, &p);
    p.alpha = 1.0;
    ov_run run;
    ov_run_init(&run, &p);
    CHECK(ov_run_compute(&run, &obj, start, 5000));
    /* w_7 = 1000 i: i = 1000 is 1e6 (kept), i = 1001 exceeds it. */
    CHECK_MSG(run.diverged && run.diverged_step == 1001 && run.n == 1001,
              "diverged %d at %d, %d iterates", run.diverged, run.diverged_step, run.n);
    if (run.w && run.n == 1001)
        CHECK(run.w[1000 * 9 + 7] == 1e6 && run.w[1000 * 9 + 6] == 0.0);

    /* The loss turning NaN stops the run too: w_3 = -0.5 i, -3 at i = 6. */
    ov_objective c = {.n = 9, .active = 9, .ctx = NULL, .eval = cliff};
    p.alpha = 0.5;
    ov_run_deinit(&run);
    ov_run_init(&run, &p);
    CHECK(ov_run_compute(&run, &c, start, 50));
    CHECK(run.diverged && run.diverged_step == 6 && run.n == 6);
    ov_run_deinit(&run);
}

/* gd on a flat loss with noise σ: w_(i+1) = w_i - α σ z_i, z_i for n = 3
 * from two normal2 pairs a step, the second pair's second number unused. */
static void test_noise_pairs(void)
{
    int n = 3;
    ov_objective obj = {.n = n, .active = n, .ctx = &n, .eval = flat};
    double start[3] = {0.5, -1.0, 2.0};
    ov_optim_params p;
    ov_optim_defaults(OV_OPT_GD, &p);
    p.alpha = 0.1;
    ov_run run;
    ov_run_init(&run, &p);
    run.noise = (ov_noise){.sigma = 0.5, .seed = 7};
    CHECK(ov_run_compute(&run, &obj, start, 40));
    CHECK(run.n == 41 && run.w);
    ov_rng rng;
    ov_rng_seed(&rng, 7);
    double w[3] = {0.5, -1.0, 2.0};
    bool same = true;
    for (int i = 1; i < run.n && run.w; i++) {
        double z[4];
        ov_rng_normal2(&rng, z);
        ov_rng_normal2(&rng, z + 2);
        for (int k = 0; k < 3; k++) {
            w[k] -= 0.1 * (0.0 + 0.5 * z[k]);
            same = same && run.w[(size_t)i * 3 + k] == w[k];
        }
    }
    CHECK(same);
    ov_run_deinit(&run);
}

/* Coordinates past active keep their start (their gradient is 0), for
 * every method, the ones beyond the lecture included. */
static void test_active(void)
{
    int n = 4;
    ov_objective obj = {.n = n, .active = 2, .ctx = &n, .eval = bowl};
    double start[4] = {1.0, -2.0, 3.0, -4.0};
    for (int kind = 0; kind < OV_OPTIM_COUNT; kind++) {
        ov_optim_params p;
        ov_optim_defaults((ov_optim_kind)kind, &p);
        p.wd = 0.1;
        ov_run run;
        ov_run_init(&run, &p);
        CHECK(ov_run_compute(&run, &obj, start, 20));
        bool kept = run.w != NULL;
        for (int i = 0; kept && i < run.n; i++)
            kept = run.w[(size_t)i * 4 + 2] == 3.0 && run.w[(size_t)i * 4 + 3] == -4.0;
        CHECK_MSG(kept, "%s moved a coordinate past active", ov_optim_info_of((ov_optim_kind)kind)->name);
        ov_run_deinit(&run);
    }
}

static void test_copy(void)
{
    int n = 5;
    ov_objective obj = {.n = n, .active = n, .ctx = &n, .eval = bowl};
    double start[5] = {1, 2, 3, 4, 5};
    ov_optim_params p;
    ov_optim_defaults(OV_OPT_MOMENTUM, &p);
    ov_run a, b;
    ov_run_init(&a, &p);
    ov_run_init(&b, NULL);
    CHECK(ov_run_compute(&a, &obj, start, 30) && a.w && a.off);
    for (int i = 0; a.off && i < a.n; i++)
        a.off[i] = 0.25 * i;
    CHECK(ov_run_copy(&b, &a));
    CHECK(b.n == a.n && b.dim == 5 && b.w && b.off);
    if (b.w && b.off && a.w) {
        CHECK(memcmp(b.w, a.w, (size_t)a.n * 5 * sizeof(double)) == 0);
        CHECK(memcmp(b.off, a.off, (size_t)a.n * sizeof(double)) == 0);
        CHECK(b.x[7] == a.w[7 * 5] && b.y[7] == a.w[7 * 5 + 1]);
    }
    ov_run_deinit(&a);
    ov_run_deinit(&b);
}

int main(void)
{
    test_cap();
    test_divergence();
    test_noise_pairs();
    test_active();
    test_copy();
    return ov_test_finish("test_core_run_ndim");
}
