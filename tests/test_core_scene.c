/* Tests of the config defaults and the scene: the default scene, the
 * precedence of α/β sources, later edits through the specs, surface changes
 * (and keeping the old one on a parse error), and the lecture's regression
 * criterion for the default runs. */
#include <math.h>
#include <string.h>

#include "core/scene.h"
#include "ov_test.h"

static void test_config_defaults(void)
{
    ov_config cfg;
    memset(&cfg, 0x5a, sizeof cfg);
    ov_config_defaults(&cfg);
    CHECK(cfg.action == OV_ACTION_WINDOW);
    CHECK(strcmp(cfg.surface, "quadratic") == 0);
    CHECK(!cfg.has_kappa && !cfg.has_theta && !cfg.has_start && !cfg.has_view);
    CHECK(!cfg.has_alpha && !cfg.has_beta);
    CHECK(cfg.steps == 200 && cfg.nruns == 0);
    CHECK(cfg.width == 1280 && cfg.height == 720);
    CHECK(cfg.screenshot == NULL && cfg.export_csv == NULL);
}

static void test_default_scene(void)
{
    ov_config cfg;
    ov_config_defaults(&cfg);
    ov_scene sc;
    char err[256] = "";
    CHECK(ov_scene_init(&sc, &cfg, err, sizeof err));
    CHECK(strcmp(sc.surface->name, "quadratic") == 0);
    double v;
    CHECK(ov_surface_get_param(sc.surface, "kappa", &v) && v == 10.0);
    CHECK(ov_surface_get_param(sc.surface, "theta", &v) && v == 30.0);
    CHECK(sc.nruns == 3);
    CHECK(sc.specs[0].kind == OV_OPT_GD);
    CHECK(sc.specs[1].kind == OV_OPT_MOMENTUM);
    CHECK(sc.specs[2].kind == OV_OPT_ADAM);
    CHECK(sc.steps == 200);
    const ov_surface_def *def = ov_surface_find("quadratic");
    CHECK(sc.start.x == def->start.x && sc.start.y == def->start.y);
    CHECK(memcmp(&sc.view, &def->view, sizeof sc.view) == 0);
    for (int i = 0; i < 3; i++) {
        CHECK(sc.runs[i].n == 201 && !sc.runs[i].diverged);
        CHECK(sc.runs[i].params.kind == sc.specs[i].kind);
        CHECK(sc.runs[i].params.alpha == def->alpha[sc.specs[i].kind]);
        CHECK(sc.runs[i].x[0] == sc.start.x && sc.runs[i].y[0] == sc.start.y);
        /* the default runs converge visibly within 200 steps */
        CHECK(hypot(sc.runs[i].x[200], sc.runs[i].y[200]) < 1e-3);
    }
    CHECK(sc.runs[1].params.beta == 0.9);
    CHECK(sc.runs[2].params.beta2 == 0.999 && sc.runs[2].params.eps == 1e-8);
    ov_scene_deinit(&sc);
    ov_scene_deinit(&sc);  /* safe twice */
}

static void test_precedence(void)
{
    ov_config cfg;
    ov_config_defaults(&cfg);
    cfg.nruns = 4;
    cfg.runs[0] = (ov_run_spec){.kind = OV_OPT_GD, .has_alpha = true, .alpha = 0.05};
    cfg.runs[1] = (ov_run_spec){.kind = OV_OPT_MOMENTUM};
    cfg.runs[2] = (ov_run_spec){.kind = OV_OPT_ADAM, .has_beta = true, .beta = 0.8,
                                .has_eps = true, .eps = 1e-3};
    cfg.runs[3] = (ov_run_spec){.kind = OV_OPT_GD, .has_alpha = true, .alpha = 0.01};
    ov_scene sc;
    char err[256];

    /* No --alpha/--beta: own value, else surface default, else optimiser's. */
    CHECK(ov_scene_init(&sc, &cfg, err, sizeof err));
    CHECK(sc.nruns == 4);
    CHECK(sc.runs[0].params.alpha == 0.05);
    CHECK(sc.runs[1].params.alpha == ov_surface_find("quadratic")->alpha[OV_OPT_MOMENTUM]);
    CHECK(sc.runs[1].params.beta == 0.9);
    CHECK(sc.runs[2].params.beta == 0.8 && sc.runs[2].params.eps == 1e-3);
    CHECK(sc.runs[2].params.beta2 == 0.999);
    CHECK(sc.runs[3].params.alpha == 0.01);
    /* the same optimiser twice, different α: different paths */
    CHECK(sc.runs[0].x[5] != sc.runs[3].x[5]);
    ov_scene_deinit(&sc);

    /* --alpha and --beta fill every spec lacking its own value. */
    cfg.has_alpha = true;
    cfg.alpha = 0.07;
    cfg.has_beta = true;
    cfg.beta = 0.5;
    CHECK(ov_scene_init(&sc, &cfg, err, sizeof err));
    CHECK(sc.runs[0].params.alpha == 0.05);
    CHECK(sc.runs[1].params.alpha == 0.07 && sc.runs[1].params.beta == 0.5);
    CHECK(sc.runs[2].params.alpha == 0.07 && sc.runs[2].params.beta == 0.8);
    CHECK(sc.runs[3].params.alpha == 0.01);
    ov_scene_deinit(&sc);

    /* A user formula has no table: the optimiser's own default α. */
    ov_config_defaults(&cfg);
    strcpy(cfg.surface, "x^2 + 2*y^2");
    cfg.nruns = 1;
    cfg.runs[0] = (ov_run_spec){.kind = OV_OPT_RMSPROP};
    CHECK(ov_scene_init(&sc, &cfg, err, sizeof err));
    CHECK(sc.runs[0].params.alpha == ov_optim_info_of(OV_OPT_RMSPROP)->alpha);
    ov_optim_params p;
    ov_scene_resolve_params(&sc, &sc.specs[0], &p);
    CHECK(p.kind == OV_OPT_RMSPROP && p.alpha == ov_optim_info_of(OV_OPT_RMSPROP)->alpha);
    ov_scene_deinit(&sc);
}

static void test_scene_options(void)
{
    ov_config cfg;
    ov_config_defaults(&cfg);
    cfg.has_kappa = true;
    cfg.kappa = 100;
    cfg.has_theta = true;
    cfg.theta = 0;
    cfg.has_start = true;
    cfg.start = (ov_vec2){1, 1};
    cfg.has_view = true;
    cfg.view = (ov_rect){-1, 2, -3, 4};
    cfg.steps = 50;
    cfg.nruns = 1;
    cfg.runs[0] = (ov_run_spec){.kind = OV_OPT_GD, .has_alpha = true, .alpha = 0.01};
    ov_scene sc;
    char err[256];
    CHECK(ov_scene_init(&sc, &cfg, err, sizeof err));
    double v;
    CHECK(ov_surface_get_param(sc.surface, "kappa", &v) && v == 100);
    CHECK(ov_surface_get_param(sc.surface, "theta", &v) && v == 0);
    CHECK(sc.start.x == 1 && sc.start.y == 1);
    CHECK(sc.view.x0 == -1 && sc.view.x1 == 2 && sc.view.y0 == -3 && sc.view.y1 == 4);
    CHECK(sc.runs[0].n == 51);
    /* theta = 0, kappa = 100: y_1 = (1 - 0.01 * 100) y_0 = 0, x_1 = 0.99 */
    CHECK_NEAR(sc.runs[0].x[1], 0.99, 1e-15);
    CHECK_NEAR(sc.runs[0].y[1], 0.0, 1e-15);

    /* The app edits a spec and recomputes: the new α is used. */
    sc.specs[0].alpha = 0.005;
    CHECK(ov_scene_recompute(&sc));
    CHECK(sc.runs[0].params.alpha == 0.005);
    CHECK_NEAR(sc.runs[0].y[1], 0.5, 1e-15);
    /* and an unset α follows the surface default, which for gd on the
     * quadratic is the table's (for κ = 10) times 10/κ */
    sc.specs[0].has_alpha = false;
    CHECK(ov_scene_recompute(&sc));
    CHECK_NEAR(sc.runs[0].params.alpha, ov_surface_find("quadratic")->alpha[OV_OPT_GD] * 0.1,
               1e-17);
    /* κ changed through the surface: α = 0.15 * 10/4 = 0.375,
     * y_1 = (1 - 0.375 * 4) = -0.5 */
    ov_surface_set_param(sc.surface, "kappa", 4);
    CHECK(ov_scene_recompute(&sc));
    CHECK_NEAR(sc.runs[0].y[1], -0.5, 1e-15);
    ov_scene_deinit(&sc);
}

static void test_set_surface(void)
{
    ov_config cfg;
    ov_config_defaults(&cfg);
    cfg.nruns = 2;
    cfg.runs[0] = (ov_run_spec){.kind = OV_OPT_GD};
    cfg.runs[1] = (ov_run_spec){.kind = OV_OPT_GD, .has_alpha = true, .alpha = 0.0005};
    ov_scene sc;
    char err[256];
    CHECK(ov_scene_init(&sc, &cfg, err, sizeof err));
    ov_surface *old = sc.surface;

    ov_expr_error perr;
    memset(&perr, 0, sizeof perr);
    CHECK(!ov_scene_set_surface(&sc, "x + * y", &perr));
    CHECK(perr.column >= 1 && perr.message[0] != '\0');
    CHECK(sc.surface == old && strcmp(sc.surface->name, "quadratic") == 0);
    CHECK(sc.runs[0].n == 201);
    CHECK(!ov_scene_set_surface(&sc, "nonsense", NULL));
    CHECK(sc.surface == old);

    CHECK(ov_scene_set_surface(&sc, "rosenbrock", &perr));
    const ov_surface_def *r = ov_surface_find("rosenbrock");
    CHECK(strcmp(sc.surface->name, "rosenbrock") == 0);
    CHECK(sc.start.x == r->start.x && sc.start.y == r->start.y);
    CHECK(memcmp(&sc.view, &r->view, sizeof sc.view) == 0);
    CHECK(sc.runs[0].params.alpha == r->alpha[OV_OPT_GD]);
    CHECK(sc.runs[1].params.alpha == 0.0005);
    CHECK(sc.runs[0].x[0] == r->start.x);

    CHECK(ov_scene_set_surface(&sc, "(x - 1)^2 + (y + 2)^2", &perr));
    CHECK(strcmp(sc.surface->name, "custom") == 0);
    CHECK(sc.runs[0].params.alpha == ov_optim_info_of(OV_OPT_GD)->alpha);
    ov_scene_deinit(&sc);
}

static void test_init_failure(void)
{
    ov_config cfg;
    ov_config_defaults(&cfg);
    strcpy(cfg.surface, "x +");
    ov_scene sc;
    char err[256] = "";
    CHECK(!ov_scene_init(&sc, &cfg, err, sizeof err));
    CHECK(strlen(err) > 0 && strchr(err, '\n') == NULL);
    CHECK(sc.surface == NULL && sc.nruns == 0);
    ov_scene_deinit(&sc);
}

/* The criterion: `--surface regression --steps 2000` ends each
 * default run (gd, momentum, adam) within 1e-6 of (0.95, 1.05). */
static void test_regression_criterion(void)
{
    ov_config cfg;
    ov_config_defaults(&cfg);
    strcpy(cfg.surface, "regression");
    cfg.steps = 2000;
    ov_scene sc;
    char err[256];
    CHECK(ov_scene_init(&sc, &cfg, err, sizeof err));
    CHECK(sc.nruns == 3);
    for (int i = 0; i < sc.nruns; i++) {
        const ov_run *r = &sc.runs[i];
        CHECK(!r->diverged && r->n == 2001);
        CHECK_MSG(fabs(r->x[2000] - 0.95) <= 1e-6 && fabs(r->y[2000] - 1.05) <= 1e-6,
                  "run %d ends at (%.17g, %.17g)", i, r->x[2000], r->y[2000]);
    }
    ov_scene_deinit(&sc);
}

int main(void)
{
    test_config_defaults();
    test_default_scene();
    test_precedence();
    test_scene_options();
    test_set_surface();
    test_init_failure();
    test_regression_criterion();
    return ov_test_finish("test_core_scene");
}
