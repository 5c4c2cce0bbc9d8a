/* L-BFGS and Nelder-Mead: lbfgs's direction against the BFGS inverse
 * update written as a matrix (Nocedal & Wright eq. 6.17, H0 = γI), not the
 * two-loop recursion the program uses; the κ = 1e4 quadratic solved to
 * 1e-10 in a few steps and Rosenbrock from (-1.2, 1) within 60; the pair
 * rule (s'y <= 1e-10 |s||y| not stored) and the :history cap. Nelder-Mead's
 * first three iterations worked by hand (scipy's coefficients). */
#include <math.h>
#include <string.h>

#include "core/surface_objective.h"
#include "core/optim.h"
#include "core/run.h"
#include "core/scene.h"
#include "core/surface.h"
#include "ov_test.h"

static void rosen(void *ctx, const double w[2], double *f, double g[2], double h[3])
{
    (void)ctx;
    (void)h;
    const double x = w[0], y = w[1];
    *f = (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
    g[0] = -2 * (1 - x) - 400 * x * (y - x * x);
    g[1] = 200 * (y - x * x);
}

/* The valley (x - 1)^2 + 10 (y - x)^2. */
static void valley(void *ctx, const double w[2], double *f, double g[2], double h[3])
{
    int *calls = ctx;
    (void)h;
    if (calls)
        (*calls)++;
    const double x = w[0], y = w[1];
    *f = (x - 1) * (x - 1) + 10 * (y - x) * (y - x);
    g[0] = 2 * (x - 1) - 20 * (y - x);
    g[1] = 20 * (y - x);
}

/* H <- (I - ρ s y') H (I - ρ y s') + ρ s s', ρ = 1/y's (N&W eq. 6.17). */
static void bfgs_update(double H[2][2], const double s[2], const double y[2])
{
    const double rho = 1.0 / (y[0] * s[0] + y[1] * s[1]);
    double A[2][2], T[2][2], R[2][2];
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++)
            A[i][j] = (i == j) - rho * s[i] * y[j];
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++)
            T[i][j] = A[i][0] * H[0][j] + A[i][1] * H[1][j];
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++)
            R[i][j] = T[i][0] * A[j][0] + T[i][1] * A[j][1] + rho * s[i] * s[j];
    memcpy(H, R, sizeof R);
}

/* lbfgs's direction at every step of a Rosenbrock run equals -H g with H
 * built from the same pairs by eq. 6.17, starting from γI of the newest. */
static void test_lbfgs_direction(int history)
{
    ov_optim_params p;
    ov_optim_defaults(OV_OPT_LBFGS, &p);
    CHECK(p.history == 10 && p.alpha == 1.0);
    p.history = history;
    ov_optim_state st;
    ov_optim_state_init(&st, &p);
    ov_oracle o = {NULL, rosen, 2, 0};
    double w[2] = {-1.2, 1.0}, S[64][2], Y[64][2];
    int npairs = 0;
    double prev_w[2] = {0, 0}, prev_g[2] = {0, 0};
    for (int k = 0; k < 30; k++) {
        double f, g[2];
        rosen(NULL, w, &f, g, NULL);
        if (k > 0) {
            double s[2] = {w[0] - prev_w[0], w[1] - prev_w[1]};
            double y[2] = {g[0] - prev_g[0], g[1] - prev_g[1]};
            double sy = s[0] * y[0] + s[1] * y[1];
            if (sy > 1e-10 * hypot(s[0], s[1]) * hypot(y[0], y[1]) && npairs < 64) {
                memcpy(S[npairs], s, sizeof s);
                memcpy(Y[npairs], y, sizeof y);
                npairs++;
            }
        }
        int first = npairs > history ? npairs - history : 0;
        double H[2][2] = {{1, 0}, {0, 1}};
        if (npairs > 0) {
            const double *s = S[npairs - 1], *y = Y[npairs - 1];
            double gamma = (s[0] * y[0] + s[1] * y[1]) / (y[0] * y[0] + y[1] * y[1]);
            H[0][0] = H[1][1] = gamma;
        }
        for (int i = first; i < npairs; i++)
            bfgs_update(H, S[i], Y[i]);
        double d[2] = {-(H[0][0] * g[0] + H[0][1] * g[1]), -(H[1][0] * g[0] + H[1][1] * g[1])};
        prev_w[0] = w[0];
        prev_w[1] = w[1];
        prev_g[0] = g[0];
        prev_g[1] = g[1];
        if (hypot(g[0], g[1]) < 1e-6)
            break;
        CHECK(ov_optim_step(&p, &st, w, &o));
        CHECK(st.lb_n == (npairs < history ? npairs : history));
        const double scale = fmax(hypot(d[0], d[1]), 1e-300);
        CHECK_MSG(hypot(st.lb_dir[0] - d[0], st.lb_dir[1] - d[1]) <= 1e-9 * scale,
                  "lbfgs (history %d) step %d: direction (%.17g, %.17g), eq. 6.17 (%.17g, %.17g)",
                  history, k + 1, st.lb_dir[0], st.lb_dir[1], d[0], d[1]);
        /* The first step tries α along -g: its trial length is α. */
        if (k == 0)
            CHECK(st.lb_dir[0] == -g[0] && st.lb_dir[1] == -g[1]);
        CHECK(st.ls_result != OV_LS_FAILED);
    }
    CHECK(npairs > 3);
}

static ov_run lbfgs_run(ov_surface *s, ov_vec2 start, int steps)
{
    ov_optim_params p;
    ov_optim_defaults(OV_OPT_LBFGS, &p);
    ov_run r;
    ov_run_init(&r, &p);
    CHECK(ov_run_compute_surface(&r, s, start, steps));
    return r;
}

/* κ = 1e4, θ = 30°: the minimum (0, 0) to 1e-10 within 4 steps (with the
 * exact line search of a quadratic, BFGS ends in 2 steps in 2-D), the loss
 * never rising. Rosenbrock from (-1.2, 1): (1, 1) to 1e-8 within 60. */
static void test_lbfgs_convergence(void)
{
    ov_surface *q = ov_surface_create("quadratic", NULL);
    CHECK(q != NULL);
    if (!q)
        return;
    ov_surface_set_param(q, "kappa", 1e4);
    ov_surface_set_param(q, "theta", 30);
    ov_run r = lbfgs_run(q, (ov_vec2){-4.0, 3.0}, 10);
    int reached = -1;
    for (int i = 0; i < r.n; i++) {
        if (i > 0)
            CHECK(r.loss[i] <= r.loss[i - 1]);
        if (reached < 0 && hypot(r.x[i], r.y[i]) <= 1e-10)
            reached = i;
    }
    CHECK_MSG(reached > 0 && reached <= 4, "lbfgs on the kappa 1e4 quadratic: 1e-10 at step %d",
              reached);
    printf("lbfgs: quadratic kappa 1e4 at the minimum to 1e-10 after %d steps\n", reached);
    ov_run_deinit(&r);
    ov_surface_destroy(q);

    ov_surface *rs = ov_surface_create("rosenbrock", NULL);
    CHECK(rs != NULL);
    if (!rs)
        return;
    r = lbfgs_run(rs, (ov_vec2){-1.2, 1.0}, 100);
    reached = -1;
    for (int i = 0; i < r.n && reached < 0; i++)
        if (hypot(r.x[i] - 1.0, r.y[i] - 1.0) <= 1e-8)
            reached = i;
    CHECK_MSG(reached > 0 && reached <= 60, "lbfgs on rosenbrock: 1e-8 of (1, 1) at step %d",
              reached);
    printf("lbfgs: rosenbrock from (-1.2, 1) within 1e-8 of (1, 1) after %d steps\n", reached);
    ov_run_deinit(&r);
    ov_surface_destroy(rs);
}

/* On the saddle x^2 - y^2 the y part of a pair has negative curvature; a
 * pair with s'y <= 0 is not stored, and the steps still descend. */
static void saddle(void *ctx, const double w[2], double *f, double g[2], double h[3])
{
    (void)ctx;
    (void)h;
    *f = w[0] * w[0] - w[1] * w[1];
    g[0] = 2 * w[0];
    g[1] = -2 * w[1];
}

static void test_lbfgs_skips_pairs(void)
{
    ov_optim_params p;
    ov_optim_defaults(OV_OPT_LBFGS, &p);
    p.alpha = 0.1;
    ov_optim_state st;
    ov_optim_state_init(&st, &p);
    ov_oracle o = {NULL, saddle, 2, 0};
    double w[2] = {0.0, 1.0}, f0, f1, g[2];
    /* Along y alone: s = (0, sy), y = (0, -2 sy): s'y < 0, never stored. */
    for (int k = 0; k < 5; k++) {
        saddle(NULL, w, &f0, g, NULL);
        CHECK(ov_optim_step(&p, &st, w, &o));
        saddle(NULL, w, &f1, g, NULL);
        CHECK(f1 < f0);
        CHECK(st.lb_n == 0);
    }
}

/* Records the first points the loss is asked for. */
static double rec[8][2];
static int rec_n;
static void recording(void *ctx, const double w[2], double *f, double g[2], double h[3])
{
    if (rec_n < 8) {
        rec[rec_n][0] = w[0];
        rec[rec_n][1] = w[1];
    }
    rec_n++;
    valley(ctx, w, f, g, h);
}

/* Nelder-Mead on (x - 1)^2 + 10 (y - x)^2 from (1/2, 1/2), by hand:
 * start simplex (1/2, 1/2) L = 1/4, (0.525, 1/2) L = 0.231875,
 * (1/2, 0.525) L = 0.25625; sorted: (0.525, 0.5), (0.5, 0.5), (0.5, 0.525).
 * 1: x̄ = (0.5125, 0.5), x_r = (0.525, 0.475), L = 0.250625: not below the
 *    best (0.231875) nor the second (0.25), below the worst: outside
 *    contraction x_c = 1.5 x̄ - 0.5 x_3 = (0.51875, 0.4875), L = 0.2413671875
 *    <= L(x_r): kept. Simplex (0.525, 0.5), (0.51875, 0.4875), (0.5, 0.5).
 * 2: x̄ = (0.521875, 0.49375), x_r = 2 x̄ - (0.5, 0.5) = (0.54375, 0.4875),
 *    L = 0.20816... + 10 (0.05625)^2 = 0.2398046875: between the best and
 *    the second: reflected. Simplex (0.525, 0.5), (0.54375, 0.4875),
 *    (0.51875, 0.4875).
 * 3: x̄ = (0.534375, 0.49375), x_r = (0.55, 0.5), L = 0.2025 + 0.025 =
 *    0.2275 < 0.231875: expansion x_e = 3 x̄ - 2 x_3 = (0.565625, 0.50625),
 *    L = 0.188681640625 + 10 (0.059375)^2 = 0.223935546875 < L(x_r):
 *    kept, the new best. Evaluations: 3 + 2, then 1, then 2. */
static void test_nelder_mead_by_hand(void)
{
    ov_optim_params p;
    ov_optim_defaults(OV_OPT_NELDER_MEAD, &p);
    ov_optim_state st;
    ov_optim_state_init(&st, &p);
    int calls = 0;
    ov_oracle o = {&calls, valley, 2, 0};
    double w[2] = {0.5, 0.5};
    static const double simplex[3][3][2] = {
        {{0.525, 0.5}, {0.51875, 0.4875}, {0.5, 0.5}},
        {{0.525, 0.5}, {0.54375, 0.4875}, {0.51875, 0.4875}},
        {{0.565625, 0.50625}, {0.525, 0.5}, {0.54375, 0.4875}},
    };
    static const double loss[3][3] = {{0.231875, 0.2413671875, 0.25},
                                      {0.231875, 0.2398046875, 0.2413671875},
                                      {0.223935546875, 0.231875, 0.2398046875}};
    static const int ops[3] = {OV_NM_CONTRACTED_OUT, OV_NM_REFLECTED, OV_NM_EXPANDED};
    static const int evals[3] = {5, 6, 8};
    for (int it = 0; it < 3; it++) {
        CHECK(ov_optim_step(&p, &st, w, &o));
        CHECK(st.nm_op == ops[it] && st.nm_evals == evals[it] && calls == evals[it]);
        for (int v = 0; v < 3; v++) {
            CHECK_NEAR(st.nm_x[v][0], simplex[it][v][0], 1e-15);
            CHECK_NEAR(st.nm_x[v][1], simplex[it][v][1], 1e-15);
            CHECK_NEAR(st.nm_f[v], loss[it][v], 1e-15);
        }
        /* The path is the best vertex. */
        CHECK(w[0] == st.nm_x[0][0] && w[1] == st.nm_x[0][1]);
    }
    /* A zero coordinate starts its vertex at 0.00025 (scipy's zdelt), a
     * nonzero one at 1.05 times itself. */
    ov_optim_state_init(&st, &p);
    rec_n = 0;
    ov_oracle ro = {NULL, recording, 2, 0};
    double z[2] = {0.0, 2.0};
    CHECK(ov_optim_step(&p, &st, z, &ro));
    CHECK(rec_n >= 3);
    CHECK(rec[0][0] == 0.0 && rec[0][1] == 2.0);
    CHECK(rec[1][0] == 0.00025 && rec[1][1] == 2.0);
    CHECK(rec[2][0] == 0.0 && rec[2][1] == 1.05 * 2.0);
}

/* The run keeps the evaluation count at each iterate (the HUD shows it):
 * 0 at the start, then 5, 6, 8 as worked by hand above. */
static void test_nelder_mead_run_evals(void)
{
    ov_surface *s = ov_surface_create("(x - 1)^2 + 10*(y - x)^2", NULL);
    CHECK(s != NULL);
    if (!s)
        return;
    ov_optim_params p;
    ov_optim_defaults(OV_OPT_NELDER_MEAD, &p);
    ov_run r;
    ov_run_init(&r, &p);
    CHECK(ov_run_compute_surface(&r, s, (ov_vec2){0.5, 0.5}, 3));
    CHECK(r.n == 4 && r.evals && r.evals[0] == 0 && r.evals[1] == 5 && r.evals[2] == 6 &&
          r.evals[3] == 8);
    CHECK_NEAR(r.x[3], 0.565625, 1e-15);
    /* The other vertices, drawn at the head: as worked by hand above; at
     * the start (no simplex yet) w itself. */
    CHECK(r.simplex != NULL);
    if (r.simplex) {
        const double *v = r.simplex + 3 * OV_RUN_SIMPLEX;
        CHECK_NEAR(v[0], 0.525, 1e-15);
        CHECK_NEAR(v[1], 0.5, 1e-15);
        CHECK_NEAR(v[2], 0.54375, 1e-15);
        CHECK_NEAR(v[3], 0.4875, 1e-15);
        CHECK(r.simplex[0] == 0.5 && r.simplex[3] == 0.5);
    }
    ov_run copy;
    ov_run_init(&copy, NULL);
    CHECK(ov_run_copy(&copy, &r) && copy.evals[3] == 8 && copy.simplex &&
          copy.simplex[3 * OV_RUN_SIMPLEX + 2] == 0.54375);
    ov_run_deinit(&copy);
    ov_run_deinit(&r);
    ov_surface_destroy(s);
}

/* A curve L(x) (the oracle says one coordinate): the simplex is an
 * interval, y never moves. */
static void test_nelder_mead_on_a_curve(void)
{
    ov_surface *s = ov_surface_create("(x - 1)^2", NULL);
    CHECK(s && s->one_d);
    if (!s)
        return;
    ov_optim_params p;
    ov_optim_defaults(OV_OPT_NELDER_MEAD, &p);
    ov_run r;
    ov_run_init(&r, &p);
    CHECK(ov_run_compute_surface(&r, s, (ov_vec2){3.0, 0.7}, 60));
    for (int i = 0; i < r.n; i++)
        CHECK(r.y[i] == 0.7);
    CHECK(r.n == 61 && fabs(r.x[r.n - 1] - 1.0) < 1e-6);
    ov_run_deinit(&r);
    ov_surface_destroy(s);
}

/* A run's spec carries :history= and :wd= to its parameters; without them
 * the method's defaults. */
static void test_spec_keys_reach_params(void)
{
    static ov_scene sc;
    memset(&sc, 0, sizeof sc);
    sc.surface = ov_surface_create("rosenbrock", NULL);
    CHECK(sc.surface != NULL);
    if (!sc.surface)
        return;
    ov_run_spec spec;
    memset(&spec, 0, sizeof spec);
    spec.kind = OV_OPT_LBFGS;
    ov_optim_params p;
    ov_scene_resolve_params(&sc, &spec, &p);
    CHECK(p.history == 10 && p.alpha == 1.0);
    spec.has_history = true;
    spec.history = 3;
    ov_scene_resolve_params(&sc, &spec, &p);
    CHECK(p.history == 3);
    memset(&spec, 0, sizeof spec);
    spec.kind = OV_OPT_ADAMW;
    ov_scene_resolve_params(&sc, &spec, &p);
    CHECK(p.wd == 0.01 && p.alpha == 0.2);   /* rosenbrock's default α for adamw */
    spec.has_wd = true;
    spec.wd = 0.25;
    ov_scene_resolve_params(&sc, &spec, &p);
    CHECK(p.wd == 0.25);
    ov_surface_destroy(sc.surface);
}

int main(void)
{
    test_spec_keys_reach_params();
    test_lbfgs_direction(10);
    test_lbfgs_direction(2);
    test_lbfgs_direction(1);
    test_lbfgs_convergence();
    test_lbfgs_skips_pairs();
    test_nelder_mead_by_hand();
    test_nelder_mead_on_a_curve();
    test_nelder_mead_run_evals();
    return ov_test_finish("test_core_optim_quasi");
}
