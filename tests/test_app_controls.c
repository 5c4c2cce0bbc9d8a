/* Interactive state changes (no window): α, β, κ, θ, targets, surfaces,
 * start point, zoom and the animation clock, each checked against the
 * arithmetic the help overlay promises. */
#include <math.h>
#include <string.h>

#include "app/controls.h"
#include "app/controls_anim.h"
#include "app/controls_params.h"
#include "app/controls_view.h"
#include "core/surface_objective.h"
#include "ov_test.h"

static void init_default(ov_app_state *st)
{
    ov_config cfg;
    char err[256];
    ov_config_defaults(&cfg);
    CHECK_MSG(ov_controls_init(st, &cfg, err, sizeof err), "%s", err);
}

static void test_alpha_all_and_targeted(void)
{
    ov_app_state st;
    init_default(&st);
    CHECK(st.sc.scene.nruns == 3);
    double a0[3];
    for (int i = 0; i < 3; i++)
        a0[i] = st.sc.scene.runs[i].params.alpha;
    ov_controls_scale_alpha(&st, 1.25);
    for (int i = 0; i < 3; i++)
        CHECK_NEAR(st.sc.scene.runs[i].params.alpha, a0[i] * 1.25, 1e-12 * a0[i]);
    /* Tab once: only run 0 changes. */
    ov_controls_cycle_target(&st, 1);
    CHECK(st.sc.target == 0);
    ov_controls_scale_alpha(&st, 0.5);
    CHECK_NEAR(st.sc.scene.runs[0].params.alpha, a0[0] * 0.625, 1e-12);
    CHECK_NEAR(st.sc.scene.runs[1].params.alpha, a0[1] * 1.25, 1e-12);
    /* Tab cycles all -> 0 -> 1 -> 2 -> all, Shift+Tab backwards. */
    ov_controls_cycle_target(&st, 1);
    ov_controls_cycle_target(&st, 1);
    CHECK(st.sc.target == 2);
    ov_controls_cycle_target(&st, 1);
    CHECK(st.sc.target == -1);
    ov_controls_cycle_target(&st, -1);
    CHECK(st.sc.target == 2);
    /* α is clamped to [1e-8, 1e6], however often the key repeats. */
    for (int i = 0; i < 200; i++)
        ov_controls_scale_alpha(&st, 1.25);
    CHECK(st.sc.scene.runs[2].params.alpha == OV_ALPHA_MAX);
    for (int i = 0; i < 400; i++)
        ov_controls_scale_alpha(&st, 0.8);
    CHECK(st.sc.scene.runs[2].params.alpha == OV_ALPHA_MIN);
    ov_controls_deinit(&st);
}

static void test_beta_kappa_theta(void)
{
    ov_app_state st;
    init_default(&st);
    int mom = 1; /* default runs: gd, momentum, adam */
    CHECK(st.sc.scene.runs[mom].params.kind == OV_OPT_MOMENTUM);
    double b0 = st.sc.scene.runs[mom].params.beta;
    ov_controls_add_beta(&st, 0.05);
    CHECK_NEAR(st.sc.scene.runs[mom].params.beta, fmin(b0 + 0.05, 0.999), 1e-9);
    for (int i = 0; i < 100; i++)
        ov_controls_add_beta(&st, 0.05);
    CHECK_NEAR(st.sc.scene.runs[mom].params.beta, 0.999, 1e-12);
    for (int i = 0; i < 100; i++)
        ov_controls_add_beta(&st, -0.05);
    CHECK(st.sc.scene.runs[mom].params.beta == 0.0);

    double k;
    CHECK(ov_surface_get_param(st.sc.scene.surface, "kappa", &k) && k == 10.0);
    ov_controls_scale_kappa(&st, sqrt(10.0));
    ov_controls_scale_kappa(&st, sqrt(10.0));
    CHECK(ov_surface_get_param(st.sc.scene.surface, "kappa", &k));
    CHECK_NEAR(k, 100.0, 1e-9);
    for (int i = 0; i < 40; i++)
        ov_controls_scale_kappa(&st, sqrt(10.0));
    CHECK(ov_surface_get_param(st.sc.scene.surface, "kappa", &k) && k == 1e10);
    for (int i = 0; i < 40; i++)
        ov_controls_scale_kappa(&st, 1 / sqrt(10.0));
    CHECK(ov_surface_get_param(st.sc.scene.surface, "kappa", &k) && k == 1.0);

    double t;
    ov_controls_add_theta(&st, -45.0);
    CHECK(ov_surface_get_param(st.sc.scene.surface, "theta", &t));
    CHECK_NEAR(t, 345.0, 1e-12); /* 30 - 45 wraps to 345 */
    ov_controls_deinit(&st);
}

/* A κ change recomputes the runs within the same call, and the animation
 * keeps its step. */
static void test_realtime_semantics(void)
{
    ov_app_state st;
    init_default(&st);
    ov_controls_tick(&st, 2.0);
    double step = st.anim.step;
    /* The default scene: 200 steps, none diverging, played in 10 s. */
    CHECK(ov_controls_last_step(&st) == 200);
    CHECK_NEAR(step, 2.0 * 200 / 10.0, 1e-9);
    double x5 = st.sc.scene.runs[0].x[5];
    ov_controls_scale_kappa(&st, 2.0);
    CHECK(st.anim.step == step);
    CHECK(st.sc.scene.runs[0].x[5] != x5);
    /* The recomputed run equals a fresh computation on the new surface. */
    ov_run fresh;
    ov_run_init(&fresh, &st.sc.scene.runs[0].params);
    CHECK(ov_run_compute_surface(&fresh, st.sc.scene.surface, st.sc.scene.start, st.sc.scene.steps));
    CHECK(fresh.n == st.sc.scene.runs[0].n);
    CHECK(fresh.x[5] == st.sc.scene.runs[0].x[5]);
    ov_run_deinit(&fresh);

    ov_controls_toggle_pause(&st);
    ov_controls_tick(&st, 1.0);
    CHECK(st.anim.step == step);
    ov_controls_step_once(&st);
    CHECK(st.anim.step == floor(step) + 1);
    ov_controls_restart(&st);
    CHECK(st.anim.step == 0.0);
    ov_controls_deinit(&st);
}

static void test_start_zoom_surface(void)
{
    ov_app_state st;
    init_default(&st);
    ov_vec2 s = {1.5, -0.5};
    ov_controls_set_start(&st, s);
    for (int i = 0; i < st.sc.scene.nruns; i++)
        CHECK(st.sc.scene.runs[i].x[0] == 1.5 && st.sc.scene.runs[i].y[0] == -0.5);

    ov_rect v = st.view.rect;
    ov_vec2 about = {v.x0 + 0.25 * (v.x1 - v.x0), v.y0 + 0.75 * (v.y1 - v.y0)};
    ov_controls_zoom(&st, about, 0.5);
    CHECK_NEAR(st.view.rect.x1 - st.view.rect.x0, 0.5 * (v.x1 - v.x0), 1e-12);
    /* The point under the cursor keeps its relative position. */
    CHECK_NEAR((about.x - st.view.rect.x0) / (st.view.rect.x1 - st.view.rect.x0), 0.25, 1e-12);
    CHECK_NEAR((about.y - st.view.rect.y0) / (st.view.rect.y1 - st.view.rect.y0), 0.75, 1e-12);
    ov_controls_home(&st);
    CHECK(memcmp(&st.view.rect, &v, sizeof v) == 0);

    const char *first = st.sc.scene.surface->name;
    int n = ov_surface_builtin_count();
    CHECK(strcmp(first, ov_surface_builtin(0)->name) == 0);
    ov_controls_cycle_surface(&st, 1);
    CHECK(strcmp(st.sc.scene.surface->name, ov_surface_builtin(1 % n)->name) == 0);
    ov_controls_cycle_surface(&st, -1);
    ov_controls_cycle_surface(&st, -1);
    CHECK(strcmp(st.sc.scene.surface->name, ov_surface_builtin(n - 1)->name) == 0);
    /* κ does nothing where there is no κ, and says so. */
    ov_controls_scale_kappa(&st, 10.0);
    CHECK(strstr(st.ui.message, "quadratic") != NULL);
    ov_controls_deinit(&st);
}

int main(void)
{
    test_alpha_all_and_targeted();
    test_beta_kappa_theta();
    test_realtime_semantics();
    test_start_zoom_surface();
    return ov_test_finish("test_app_controls");
}
