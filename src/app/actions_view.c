/* The actions on what is shown and on the window (actions_internal.h): the
 * view, 3-D, the panels, the help pages, projector mode, fullscreen, Esc and
 * quitting. The key tables (actions.c) point at them. */
#include "actions_internal.h"

#include "controls_ui.h"
#include "controls_view.h"
#include "panels.h"

/* Requests the window loop carries out: the row's arg is the
 * ov_request_kind. */
ov_request ov_act_request(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)st;
    (void)dt;
    return (ov_request){.kind = (ov_request_kind)(int)b->arg};
}

ov_request ov_act_projector(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_toggle_projector(st);
    return OV_NO_REQUEST;
}

ov_request ov_act_panel(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)dt;
    ov_panel_toggle(st, ov_panel_find_key(b->keys));
    return OV_NO_REQUEST;
}

/* Shift+L: the fit panel, which only a model has; on a surface the HUD
 * says so and nothing changes. */
ov_request ov_act_panel_fit(ov_app_state *st, const ov_binding *b, double dt)
{
    if (!st->sc.scene.model) {
        ov_controls_say(st, "fit panel: only with a model (--model line, gauss4 or xor)");
        return OV_NO_REQUEST;
    }
    return ov_act_panel(st, b, dt);
}

/* H: opens the help at its first page, then shows the next page, and
 * closes it after the last. */
ov_request ov_act_help(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_help_next(st, OV_HELP_PAGES);
    return OV_NO_REQUEST;
}

ov_request ov_act_home(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_home(st);
    return OV_NO_REQUEST;
}

ov_request ov_act_3d(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_toggle_3d(st);
    return OV_NO_REQUEST;
}

ov_request ov_act_heights(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_cycle_heights(st);
    return OV_NO_REQUEST;
}

/* Esc: closes what is open; with nothing open, twice quits, except while a
 * lecture plays (a clicker's slideshow button sends Esc): then Q quits. */
ov_request ov_act_escape(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    if (st->lecture.on && !st->ui.show_help) {
        ov_controls_say(st, "a lecture plays: Esc does not quit (Q does)");
        return OV_NO_REQUEST;
    }
    return (ov_request){.kind = ov_controls_escape(st) ? OV_REQ_QUIT : OV_REQ_NONE};
}

ov_request ov_act_quit(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)st;
    (void)b;
    (void)dt;
    return (ov_request){.kind = OV_REQ_QUIT};
}
