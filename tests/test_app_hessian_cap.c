/* The window's keys that add a run (A) or change a run's method (Y,
 * Shift+Y) keep to the command line's cap on Hessian methods (newton and
 * cg: steps x rows x n(n+1)/2 second derivatives up to 3e7), through the
 * app's own functions:
 * - a typed model of 64 parameters on 256 rows, 57 steps: 256 x 64 x 65 / 2
 *   = 532,480 second derivatives a step, 3e7 / 532,480 = 56.3, so at most
 *   56 steps: A (which would add cg), Y onto cg and Shift+Y onto newton are
 *   refused with the message written out here, the runs, their specs, the
 *   target and the clock as they were; Y onto a first-order method works;
 *   the message is shown whole in a 1280x720 frame (under the run list,
 *   which a 64-parameter formula makes wide);
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

/* What the scene was before a refused key, to compare after it. */
typedef struct before {
    int nruns, target, n[OV_MAX_RUNS];
    ov_run_spec specs[OV_MAX_RUNS];
    const double *w[OV_MAX_RUNS];
    double step;
} before;

static void remember(const ov_app_state *st, before *b)
{
    b->nruns = st->sc.scene.nruns;
    b->target = st->sc.target;
    b->step = st->anim.step;
    memcpy(b->specs, st->sc.scene.specs, sizeof b->specs);
    for (int i = 0; i < b->nruns; i++) {
        b->n[i] = st->sc.scene.runs[i].n;
        b->w[i] = st->sc.scene.runs[i].w;
    }
}

static void check_unchanged(const ov_app_state *st, const before *b, const char *what)
{
    CHECK_MSG(st->sc.scene.nruns == b->nruns && st->sc.target == b->target &&
                  st->anim.step == b->step,
              "%s: %d runs (were %d), target %d (was %d)", what, st->sc.scene.nruns, b->nruns,
              st->sc.target, b->target);
    CHECK_MSG(memcmp(st->sc.scene.specs, b->specs, sizeof b->specs) == 0, "%s: specs changed",
              what);
    for (int i = 0; i < b->nruns && i < st->sc.scene.nruns; i++)
        CHECK_MSG(st->sc.scene.runs[i].n == b->n[i] && st->sc.scene.runs[i].w == b->w[i] &&
                      st->sc.scene.runs[i].params.kind == b->specs[i].kind,
                  "%s: run %d changed", what, i);
}

static void check_said(const ov_app_state *st, const char *want)
{
    CHECK_MSG(strcmp(st->ui.message, want) == 0, "said '%s', want '%s'", st->ui.message, want);
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
    before b;
    remember(&st, &b);
    /* A: the first method not shown is cg. */
    ov_controls_add_run(&st);
    check_unchanged(&st, &b, "A");
    check_said(&st, "not added: cg evaluates 532480 second derivatives a step here; at most 56 "
                    "steps, not 57");
    /* The message is shown whole. */
    ov_hud_layout lay;
    ov_test_draw(r, &st, NULL, &lay);
    CHECK(lay.on[OV_HUD_MESSAGE]);
    CHECK_MSG(strcmp(lay.message, st.ui.message) == 0, "shown as '%s'", lay.message);

    /* Y on rprop (run 8): next is cg. */
    ov_test_target(&st, 7);
    remember(&st, &b);
    ov_controls_cycle_method(&st, 1);
    check_unchanged(&st, &b, "Y");
    check_said(&st, "run 8 stays rprop: cg evaluates 532480 second derivatives a step here; at "
                    "most 56 steps, not 57");
    /* Shift+Y on rprop: adadelta, a first-order method, is taken. */
    ov_controls_cycle_method(&st, -1);
    CHECK(st.sc.scene.specs[7].kind == OV_OPT_ADADELTA &&
          st.sc.scene.runs[7].params.kind == OV_OPT_ADADELTA);
    ov_controls_deinit(&st);

    /* Shift+Y on amsgrad: newton, refused; Y: nadam. */
    const ov_optim_kind ams = OV_OPT_AMSGRAD;
    set_runs(&cfg, &ams, 1, 57);
    if (!open_scene(&st, &cfg))
        return;
    ov_test_target(&st, 0);
    remember(&st, &b);
    ov_controls_cycle_method(&st, -1);
    check_unchanged(&st, &b, "Shift+Y");
    check_said(&st, "run 1 stays amsgrad: newton evaluates 532480 second derivatives a step "
                    "here; at most 56 steps, not 57");
    ov_controls_cycle_method(&st, 1);
    CHECK(st.sc.scene.specs[0].kind == OV_OPT_NADAM);
    /* 56 steps would be taken (not computed here: 3e7 second derivatives
     * take seconds). */
    CHECK(ov_model_hessian_fits(st.sc.scene.model, OV_OPT_CG, 56) &&
          ov_model_hessian_fits(st.sc.scene.model, OV_OPT_NEWTON, 56));
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
    check_within();
    ov_renderer_destroy(r);
    ov_glwin_destroy(&win);
    ov_controls_deinit(&st);
    return ov_test_finish("test_app_hessian_cap");
}
