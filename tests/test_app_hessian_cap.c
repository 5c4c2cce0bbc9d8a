/* The window's keys that add a run (A) or change a run's method (Y,
 * Shift+Y) keep to the command line's cap on Newton (steps x rows x
 * n(n+1)/2 second derivatives up to 3e7), through the app's own functions:
 * - a typed model of 64 parameters on 256 rows, 57 steps: 256 x 64 x 65 / 2
 *   = 532,480 second derivatives a step, 3e7 / 532,480 = 56.3, so at most
 *   56 steps: A adds cg (gradients only), then amsgrad in newton's place;
 *   Y and Shift+Y pass over newton between cg and amsgrad; each says so in
 *   the words written out here, shown whole in a 1280x720 frame (under the
 *   run list, which a 64-parameter formula makes wide);
 * - all the Newton runs together keep to it (check_total);
 * - xor (180 a step: 166,666 steps) at 100 steps and a surface take cg and
 *   newton as before. */
#include <stdlib.h>
#include <string.h>

#include "app/controls.h"
#include "app/hud_layout.h"
#include "app/run_list.h"
#include "ov_app_test.h"
#include "ov_test.h"

#define NPARAM 64
#define NROWS 256

static const ov_optim_kind EIGHT[8] = {OV_OPT_GD,      OV_OPT_MOMENTUM, OV_OPT_NESTEROV,
                                       OV_OPT_ADAM,    OV_OPT_RMSPROP,  OV_OPT_ADAGRAD,
                                       OV_OPT_ADADELTA, OV_OPT_RPROP};

/* cfg: a model (name, or formula with params and data) and runs. */
static void set_runs(ov_config *cfg, const ov_optim_kind *kinds, int n, int steps)
{
    cfg->nruns = n;
    for (int i = 0; i < n; i++)
        cfg->runs[i].kind = kinds[i];
    cfg->steps = steps;
}

/* y = p1 + (p2 + ... + p64) t on t = 0 .. 1: 64 parameters, 256 rows. */
static void big_model(ov_config *cfg)
{
    ov_config_defaults(cfg);
    size_t fl = 0, pl = 0;
    fl += (size_t)snprintf(cfg->model, sizeof cfg->model, "p1");
    pl += (size_t)snprintf(cfg->model_params, sizeof cfg->model_params, "p1");
    for (int k = 2; k <= NPARAM; k++) {
        fl += (size_t)snprintf(cfg->model + fl, sizeof cfg->model - fl, "+p%d*t", k);
        pl += (size_t)snprintf(cfg->model_params + pl, sizeof cfg->model_params - pl, ",p%d", k);
    }
    CHECK(fl < sizeof cfg->model && pl < sizeof cfg->model_params);
    cfg->data.ninputs = 1;
    cfg->data.nrows = NROWS;
    for (int i = 0; i < NROWS; i++) {
        cfg->data.in[i][0] = i / (NROWS - 1.0);
        cfg->data.y[i] = 1 + 2 * cfg->data.in[i][0];
    }
}

static bool open_scene(ov_app_state *st, const ov_config *cfg)
{
    char err[1024];
    bool ok = ov_controls_init(st, cfg, err, sizeof err);
    CHECK_MSG(ok, "%s", err);
    if (ok) {
        ov_controls_pause(st);
        ov_controls_seek(st, 20);
    }
    return ok;
}

static void check_said(const ov_app_state *st, const char *want)
{
    CHECK_MSG(strcmp(st->ui.message, want) == 0, "said '%s', want '%s'", st->ui.message, want);
}

/* The targeted run is of kind, computed (its run's kind and iterates). */
static void check_run(const ov_app_state *st, int i, ov_optim_kind kind, const char *what)
{
    CHECK_MSG(st->sc.scene.nruns > i && st->sc.scene.specs[i].kind == kind &&
                  st->sc.scene.runs[i].params.kind == kind && st->sc.scene.runs[i].n > 1 &&
                  st->sc.target == i,
              "%s: run %d is %s", what, i + 1,
              st->sc.scene.nruns > i ? ov_optim_info_of(st->sc.scene.specs[i].kind)->name : "-");
}

static void check_big(ov_renderer *r)
{
    static ov_app_state st;
    static ov_config cfg;
    big_model(&cfg);
    set_runs(&cfg, EIGHT, 8, 57);
    if (!open_scene(&st, &cfg))
        return;
    CHECK(st.sc.scene.model->n == NPARAM && st.sc.scene.model->data.nrows == NROWS);
    CHECK(ov_model_hessian_fits(st.sc.scene.model, OV_OPT_NEWTON, 56) &&
          !ov_model_hessian_fits(st.sc.scene.model, OV_OPT_NEWTON, 57));
    /* A: the first method not shown is cg, which evaluates gradients only. */
    ov_controls_add_run(&st);
    check_run(&st, 8, OV_OPT_CG, "A");
    /* A again: newton is next, past the cap at 57 steps: amsgrad instead. */
    ov_controls_add_run(&st);
    check_run(&st, 9, OV_OPT_AMSGRAD, "A, A");
    check_said(&st, "added amsgrad (run 10, targeted); newton skipped: at most 56 newton steps "
                    "in all here");
    /* The message is shown whole. */
    ov_hud_layout lay;
    ov_test_draw(r, &st, NULL, &lay);
    CHECK(lay.on[OV_HUD_MESSAGE]);
    CHECK_MSG(strcmp(lay.message, st.ui.message) == 0, "shown as '%s'", lay.message);
    /* Y on cg (run 9): newton is passed over, amsgrad taken. */
    ov_test_target(&st, 8);
    ov_controls_cycle_method(&st, 1);
    check_run(&st, 8, OV_OPT_AMSGRAD, "Y");
    char want[160];
    snprintf(want, sizeof want, "run 9 is now amsgrad (\xce\xb1 = %.3g); newton skipped: at "
             "most 56 newton steps in all here", st.sc.scene.runs[8].params.alpha);
    check_said(&st, want);
    /* Shift+Y back: cg, newton passed over again. */
    ov_controls_cycle_method(&st, -1);
    check_run(&st, 8, OV_OPT_CG, "Shift+Y");
    CHECK(strstr(st.ui.message, "newton skipped") != NULL);
    /* Shift+Y on cg: rprop, nothing passed over. */
    ov_controls_cycle_method(&st, -1);
    check_run(&st, 8, OV_OPT_RPROP, "Shift+Y, Shift+Y");
    CHECK(strstr(st.ui.message, "skipped") == NULL);
    ov_controls_deinit(&st);
}

/* The cap holds for all of the window's Newton runs together (it
 * recomputes them all at each change): on the same model at 30 steps, one
 * Newton run (30 of the 56 steps) is taken, a second (60) is passed over
 * by Y, a sweep of the first (5 x 30) is refused, the scene as it was; a
 * scene given two on the command line (60, each within the cap) still
 * takes a first-order run from A. */
static void check_total(void)
{
    static ov_app_state st;
    static ov_config cfg;
    big_model(&cfg);
    const ov_optim_kind two[2] = {OV_OPT_NEWTON, OV_OPT_RPROP};
    set_runs(&cfg, two, 2, 30);
    if (!open_scene(&st, &cfg))
        return;
    ov_test_target(&st, 1);
    ov_controls_cycle_method(&st, 1);   /* rprop -> cg */
    CHECK(st.sc.scene.specs[1].kind == OV_OPT_CG);
    ov_controls_cycle_method(&st, 1);   /* cg -> newton would be 60: amsgrad */
    CHECK(st.sc.scene.specs[1].kind == OV_OPT_AMSGRAD);
    CHECK_MSG(strstr(st.ui.message, "; newton skipped: at most 56 newton steps in all here"),
              "said '%s'", st.ui.message);
    ov_test_target(&st, 0);
    ov_controls_toggle_sweep(&st);
    check_said(&st, "no sweep: its newton runs would take more than 56 newton steps in all here");
    CHECK(st.sc.scene.nruns == 2 && !st.sc.sweep_on && st.sc.scene.specs[0].kind == OV_OPT_NEWTON);
    ov_controls_deinit(&st);

    const ov_optim_kind newtons[2] = {OV_OPT_NEWTON, OV_OPT_NEWTON};
    set_runs(&cfg, newtons, 2, 30);
    if (!open_scene(&st, &cfg))
        return;
    ov_controls_add_run(&st);
    CHECK(st.sc.scene.nruns == 3 && st.sc.scene.specs[2].kind == OV_OPT_GD);
    ov_controls_deinit(&st);
}

/* Within the cap, or on a surface: cg and newton are added as before. */
static void check_within(void)
{
    static ov_app_state st;
    static ov_config cfg;
    ov_config_defaults(&cfg);
    snprintf(cfg.model, sizeof cfg.model, "xor");
    set_runs(&cfg, EIGHT, 8, 100);
    for (int surface = 0; surface < 2; surface++) {
        if (surface)
            cfg.model[0] = '\0';
        if (!open_scene(&st, &cfg))
            return;
        ov_controls_add_run(&st);
        CHECK(st.sc.scene.nruns == 9 && st.sc.scene.specs[8].kind == OV_OPT_CG &&
              st.sc.target == 8 && st.sc.scene.runs[8].n > 1);
        ov_controls_cycle_method(&st, 1);
        CHECK(st.sc.scene.specs[8].kind == OV_OPT_NEWTON &&
              st.sc.scene.runs[8].params.kind == OV_OPT_NEWTON && st.sc.scene.runs[8].n > 1);
        ov_controls_deinit(&st);
    }
}

int main(void)
{
    static ov_app_state st;
    static ov_config cfg;
    ov_config_defaults(&cfg);
    char err[1024];
    CHECK_MSG(ov_controls_init(&st, &cfg, err, sizeof err), "%s", err);
    ov_glwin win;
    ov_renderer *r = ov_app_test_open(&win, &st, 1280, 720);
    check_big(r);
    check_total();
    check_within();
    ov_renderer_destroy(r);
    ov_glwin_destroy(&win);
    ov_controls_deinit(&st);
    return ov_test_finish("test_app_hessian_cap");
}
