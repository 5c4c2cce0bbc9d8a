/* The actions on the scene itself (actions_internal.h): the learning rate,
 * momentum, conditioning and rotation keys (a model's slice keys in their
 * place), the runs and their methods, playing and stepping, the surface,
 * noise, ghosts and sweeps. The key table (actions.c) points at them. */
#include "actions_internal.h"

#include <math.h>

#include "controls.h"
#include "controls_anim.h"
#include "controls_explain.h"
#include "controls_model.h"
#include "controls_params.h"
#include "run_list.h"

/* RATE keys: arg per press, rate per second while held. */
static double held_factor(const ov_binding *b, double held_dt)
{
    return held_dt > 0 ? pow(b->rate, held_dt) : b->arg;
}

ov_request ov_act_alpha(ov_app_state *st, const ov_binding *b, double dt)
{
    ov_controls_scale_alpha(st, held_factor(b, dt));
    return OV_NO_REQUEST;
}

ov_request ov_act_beta(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)dt;
    ov_controls_add_beta(st, b->arg);
    return OV_NO_REQUEST;
}

ov_request ov_act_kappa(ov_app_state *st, const ov_binding *b, double dt)
{
    if (st->sc.scene.model) {   /* no κ there: the slice's axes, once a press */
        if (dt == 0)
            ov_controls_slice_axis(st, b->mods == OV_MOD_SHIFT, b->arg > 1 ? 1 : -1);
        return OV_NO_REQUEST;
    }
    ov_controls_scale_kappa(st, held_factor(b, dt));
    return OV_NO_REQUEST;
}

ov_request ov_act_theta(ov_app_state *st, const ov_binding *b, double dt)
{
    if (st->sc.scene.model) {   /* no θ there: the slice's kind, once a press */
        if (dt == 0 && b->mods == OV_MOD_SHIFT && b->arg > 0)
            ov_controls_slice_follow(st);
        else if (dt == 0 && b->mods != OV_MOD_SHIFT)
            ov_controls_slice_kind(st, b->arg > 0 ? 1 : -1);
        return OV_NO_REQUEST;
    }
    ov_controls_add_theta(st, dt > 0 ? b->rate * dt : b->arg);
    return OV_NO_REQUEST;
}

ov_request ov_act_reset_params(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_reset_params(st);
    return OV_NO_REQUEST;
}

ov_request ov_act_target(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)dt;
    ov_controls_cycle_target(st, (int)b->arg);
    return OV_NO_REQUEST;
}

ov_request ov_act_add_run(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_add_run(st);
    return OV_NO_REQUEST;
}

ov_request ov_act_remove_run(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_remove_run(st);
    return OV_NO_REQUEST;
}

ov_request ov_act_hide_run(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_toggle_hidden(st);
    return OV_NO_REQUEST;
}

ov_request ov_act_method(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)dt;
    ov_controls_cycle_method(st, (int)b->arg);
    return OV_NO_REQUEST;
}

ov_request ov_act_loop(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_toggle_loop(st);
    return OV_NO_REQUEST;
}

ov_request ov_act_pause(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_toggle_pause(st);
    return OV_NO_REQUEST;
}

ov_request ov_act_step(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_step_once(st);
    return OV_NO_REQUEST;
}

ov_request ov_act_step_back(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_step_back(st);
    return OV_NO_REQUEST;
}

ov_request ov_act_explain(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_toggle_explain(st);
    return OV_NO_REQUEST;
}

ov_request ov_act_restart(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_restart(st);
    return OV_NO_REQUEST;
}

ov_request ov_act_speed(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)dt;
    ov_controls_scale_speed(st, b->arg);
    return OV_NO_REQUEST;
}

ov_request ov_act_surface(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)dt;
    ov_controls_cycle_surface(st, (int)b->arg);
    return OV_NO_REQUEST;
}

ov_request ov_act_ghosts(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_toggle_ghosts(st);
    return OV_NO_REQUEST;
}

ov_request ov_act_sweep(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_toggle_sweep(st);
    return OV_NO_REQUEST;
}

ov_request ov_act_optimal(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_snap_optimal(st);
    return OV_NO_REQUEST;
}

ov_request ov_act_noise(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)dt;
    ov_controls_step_noise(st, (int)b->arg);
    return OV_NO_REQUEST;
}
