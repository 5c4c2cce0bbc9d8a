/* The animation clock: how far the runs have been played, at what pace,
 * pausing, single steps, restart and looping. See controls_anim.h. */
#include "controls_anim.h"

#include <math.h>

#include "controls_ui.h"
#include "controls_view.h"

static double clamp(double v, double lo, double hi)
{
    return v < lo ? lo : (v > hi ? hi : v);
}

int ov_controls_last_step(const ov_app_state *st)
{
    int last = 0;
    for (int i = 0; i < st->sc.scene.nruns; i++) {
        const ov_run *r = &st->sc.scene.runs[i];
        int end = r->diverged ? r->diverged_step : r->n - 1;
        if (end > last)
            last = end;
    }
    return last;
}

double ov_controls_steps_per_second(const ov_app_state *st)
{
    return ov_controls_last_step(st) / (st->anim.pace > 0 ? st->anim.pace : OV_DEFAULT_PACE);
}

void ov_controls_init_clock(ov_app_state *st, const ov_config *cfg)
{
    st->anim.step = 0.0;
    st->anim.end_wait = 0.0;
    st->anim.paused = false;
    st->anim.pace = cfg->pace > 0 ? clamp(cfg->pace, OV_PACE_MIN, OV_PACE_MAX) : OV_DEFAULT_PACE;
    st->anim.loop = cfg->loop;
}

void ov_controls_rewind(ov_app_state *st)
{
    st->anim.step = 0.0;
    st->anim.end_wait = 0.0;
}

void ov_controls_seek(ov_app_state *st, double step)
{
    double last = ov_controls_last_step(st);
    st->anim.step = !(step > 0.0) ? 0.0 : step > last ? last : step;
}

void ov_controls_pause(ov_app_state *st)
{
    st->anim.paused = true;
}

void ov_controls_tick(ov_app_state *st, double dt)
{
    ov_controls_age_message(st, dt);
    ov_controls_tick_3d(st, dt);
    double last = ov_controls_last_step(st);
    if (st->anim.step > last)
        st->anim.step = last;   /* the runs got shorter (a divergence) */
    if (st->anim.paused)
        return;
    if (st->anim.step >= last) {
        st->anim.end_wait += dt;
        if (st->anim.loop && st->anim.end_wait >= OV_LOOP_PAUSE) {
            st->anim.step = 0.0;
            st->anim.end_wait = 0.0;
        }
        return;
    }
    st->anim.end_wait = 0.0;
    st->anim.step += ov_controls_steps_per_second(st) * dt;
    if (st->anim.step > last)
        st->anim.step = last;
}

bool ov_controls_moving(const ov_app_state *st)
{
    /* Looping, the end waits OV_LOOP_PAUSE s and the scene plays again. */
    return !st->anim.paused && (st->anim.step < ov_controls_last_step(st) || st->anim.loop);
}

void ov_controls_toggle_pause(ov_app_state *st)
{
    st->anim.paused = !st->anim.paused;
    ov_controls_say(st, st->anim.paused ? "paused" : "playing");
}

void ov_controls_step_once(ov_app_state *st)
{
    st->anim.paused = true;
    double next = floor(st->anim.step) + 1.0;
    double last = ov_controls_last_step(st);
    st->anim.step = next > last ? last : next;
    ov_controls_say(st, "step %.0f", st->anim.step);
}

void ov_controls_restart(ov_app_state *st)
{
    st->anim.step = 0.0;
    ov_controls_say(st, "restarted");
}

void ov_controls_scale_speed(ov_app_state *st, double factor)
{
    st->anim.pace = clamp(st->anim.pace / factor, OV_PACE_MIN, OV_PACE_MAX);
    ov_controls_say(st, "one playing takes %.3g s (%.3g steps/s)", st->anim.pace,
                    ov_controls_steps_per_second(st));
}

void ov_controls_toggle_loop(ov_app_state *st)
{
    st->anim.loop = !st->anim.loop;
    st->anim.end_wait = 0.0;
    ov_controls_say(st, st->anim.loop ? "loop on: the scene plays again and again" : "loop off");
}

void ov_controls_step_back(ov_app_state *st)
{
    st->anim.paused = true;
    double prev = ceil(st->anim.step) - 1.0;
    st->anim.step = prev < 0.0 ? 0.0 : prev;
    ov_controls_say(st, "step %.0f", st->anim.step);
}
