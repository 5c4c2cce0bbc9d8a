/* Extremes: α from 1e-8 to 1e6, β from 0 to 0.999 on every surface and
 * optimiser family, and on the quadratic κ from 1 to 1e10 with θ at any
 * angle. Every combination is computed and rendered headless: nothing
 * non-finite reaches the GPU or the HUD, every diverged run says "diverged
 * at step S" with S its divergence step. (How long such a frame takes is
 * measured by bench_render_frame, not asserted here.) */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app/controls.h"
#include "app/controls_anim.h"
#include "app/export.h"
#include "app/hud.h"
#include "ov_app_test.h"
#include "ov_test.h"

#define W 256
#define H 160

static const ov_optim_kind KINDS[] = {OV_OPT_GD,      OV_OPT_MOMENTUM, OV_OPT_NESTEROV,
                                      OV_OPT_ADAM,    OV_OPT_RPROP,    OV_OPT_ADADELTA};
#define NKINDS ((int)(sizeof KINDS / sizeof KINDS[0]))

static int frames, diverged_runs;

/* Builds the scene, renders it complete, checks the guards and HUD lines. */
static void one(ov_renderer *r, const char *surface, double alpha, double beta, bool quad,
                double kappa, double theta)
{
    ov_config cfg;
    char err[512];
    ov_config_defaults(&cfg);
    snprintf(cfg.surface, sizeof cfg.surface, "%s", surface);
    cfg.steps = 2000;
    cfg.nruns = NKINDS;
    for (int i = 0; i < NKINDS; i++) {
        memset(&cfg.runs[i], 0, sizeof cfg.runs[i]);
        cfg.runs[i].kind = KINDS[i];
        cfg.runs[i].has_alpha = true;
        cfg.runs[i].alpha = alpha;
        if (ov_optim_info_of(KINDS[i])->uses_beta) {
            cfg.runs[i].has_beta = true;
            cfg.runs[i].beta = beta;
        }
    }
    if (quad) {
        cfg.has_kappa = cfg.has_theta = true;
        cfg.kappa = kappa;
        cfg.theta = theta;
    }
    ov_app_state st;
    if (!ov_controls_init(&st, &cfg, err, sizeof err)) {
        CHECK_MSG(false, "%s: %s", surface, err);
        return;
    }
    ov_controls_seek(&st, ov_controls_last_step(&st));
    CHECK(ov_renderer_set_surface(r, st.sc.scene.surface, err, sizeof err));
    ov_hud_draw_frame(r, &st, NULL, NULL);
    ov_renderer_finish(r);
    frames++;
    for (int i = 0; i < st.sc.scene.nruns; i++) {
        const ov_run *run = &st.sc.scene.runs[i];
        for (int k = 0; k < run->n; k++)
            if (!isfinite(run->x[k]) || !isfinite(run->y[k]) || !isfinite(run->loss[k]) ||
                fabs(run->x[k]) > 1e6 || fabs(run->y[k]) > 1e6) {
                CHECK_MSG(false, "run %d stores a non-finite or far iterate at %d", i, k);
                break;
            }
        char line[256], want[64];
        ov_hud_run_line(&st, i, line, sizeof line);
        if (run->diverged) {
            diverged_runs++;
            snprintf(want, sizeof want, "diverged at step %d", run->diverged_step);
            CHECK_MSG(strstr(line, want) != NULL, "%s: HUD line '%s' lacks '%s'", surface, line,
                      want);
        } else {
            CHECK(strstr(line, "diverged") == NULL);
        }
    }
    ov_controls_deinit(&st);
}

int main(void)
{
    static const double alphas[] = {1e-8, 1e-3, 1.0, 1e3, 1e6};
    static const double betas[] = {0.0, 0.5, 0.999};
    static const double kappas[] = {1.0, 1e5, 1e10};
    static const double thetas[] = {0.0, 37.5, 90.0, 271.0, -720.0};
    ov_config cfg;
    ov_config_defaults(&cfg);
    ov_app_state st;
    char err[512];
    CHECK_MSG(ov_controls_init(&st, &cfg, err, sizeof err), "%s", err);
    ov_glwin win;
    ov_renderer *r = ov_app_test_open(&win, &st, W, H);
    ov_controls_deinit(&st);
    for (int s = 0; s < ov_surface_builtin_count(); s++)
        for (size_t a = 0; a < sizeof alphas / sizeof alphas[0]; a++)
            for (size_t b = 0; b < sizeof betas / sizeof betas[0]; b++)
                one(r, ov_surface_builtin(s)->name, alphas[a], betas[b], false, 0, 0);
    for (size_t k = 0; k < sizeof kappas / sizeof kappas[0]; k++)
        for (size_t t = 0; t < sizeof thetas / sizeof thetas[0]; t++)
            for (size_t a = 0; a < sizeof alphas / sizeof alphas[0]; a++)
                one(r, "quadratic", alphas[a], 0.9, true, kappas[k], thetas[t]);
    ov_render_stats rs;
    ov_renderer_stats(r, &rs);
    CHECK_MSG(rs.nonfinite_values == 0, "%lu non-finite vertex values", rs.nonfinite_values);
    CHECK_MSG(rs.nonfinite_text == 0, "%lu HUD strings with nan/inf", rs.nonfinite_text);
    /* The zeros above mean something only if the counters count: one NaN
     * shape and one "inf" label on this renderer must show as one each. */
    ov_renderer_line(r, 0, 0, NAN, 10, 2, (ov_rgba){1, 1, 1, 1});
    ov_renderer_text(r, 4, 4, 12, (ov_rgba){1, 1, 1, 1}, OV_ALIGN_LEFT, "loss inf");
    ov_render_stats after;
    ov_renderer_stats(r, &after);
    CHECK(after.nonfinite_values == 1 && after.nonfinite_text == 1);
    /* The grid does reach divergence (α = 1e6 on anything curved). */
    CHECK(diverged_runs > 50);
    printf("extremes: %d scenes, %d diverged runs\n", frames, diverged_runs);
    ov_renderer_destroy(r);
    ov_glwin_destroy(&win);
    return ov_test_finish("test_app_extremes");
}
