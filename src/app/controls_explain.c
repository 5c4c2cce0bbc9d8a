/* The controls of "the step taken apart": E on and off, and the
 * explanation of the targeted run's current update, computed from the scene
 * through the core's replay (core/explain.h). See controls_explain.h. */
#include "controls_explain.h"

#include <math.h>
#include <stdio.h>

#include "controls_anim.h"
#include "controls_ui.h"

void ov_controls_toggle_explain(ov_app_state *st)
{
    st->ui.explain_on = !st->ui.explain_on;
    if (!st->ui.explain_on) {
        ov_controls_say(st, "step taken apart: off");
        return;
    }
    ov_controls_pause(st);
    int run = ov_controls_explain_run(st);
    ov_controls_say(st, "step taken apart: %s (Tab: another run; N / Shift+N: step)",
                    ov_optim_info_of(st->sc.scene.runs[run].params.kind)->name);
}

int ov_controls_explain_run(const ov_app_state *st)
{
    return st->sc.target >= 0 && st->sc.target < st->sc.scene.nruns ? st->sc.target : 0;
}

const ov_explain *ov_controls_explanation(const ov_app_state *st, ov_explain_cache *cache)
{
    ov_explain *out = &cache->out;
    const ov_run *run = &st->sc.scene.runs[ov_controls_explain_run(st)];
    if (st->sc.scene.model) {
        /* The arrows live in the picture's plane; a model's step moves all
         * its parameters, most of them off the slice. */
        out->valid = false;
        snprintf(out->why, sizeof out->why, "the step taken apart is drawn on surfaces; a "
                 "model's step moves %d parameters", st->sc.scene.model->n);
        return out;
    }
    if (run->n < 1) {
        out->valid = false;
        snprintf(out->why, sizeof out->why, "this run has no iterates");
        return out;
    }
    /* The step the animation shows: its current point. */
    double a = floor(st->anim.step);
    int step = a < 0.0 ? 0 : a > run->n - 1 ? run->n - 1 : (int)a;
    ov_explain_update(&cache->replay, st->sc.scene.surface, run, st->sc.scene.start, step, out);
    return out;
}
