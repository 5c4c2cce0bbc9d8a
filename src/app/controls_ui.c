/* The UI part of the state: panels and help on and off, projector mode,
 * the HUD's message and its age, the wall clock and Esc. See controls_ui.h. */
#include "controls_ui.h"

#include <stdarg.h>
#include <stdio.h>

/* The panels cfg asks for (bit i: row i), the others off. */
static void set_panels(ov_app_ui *ui, unsigned mask)
{
    for (int i = 0; i < OV_PANEL_MAX; i++)
        ui->panel_on[i] = (mask >> i) & 1u;
}

void ov_controls_init_ui(ov_app_state *st, const ov_config *cfg)
{
    st->ui.message_age = 1e9;
    st->ui.esc_at = -1e9;
    st->ui.projector = cfg->projector;
    st->ui.scale = cfg->ui_scale > 0 ? cfg->ui_scale : 1.0f;
    st->ui.explain_on = cfg->explain;
    set_panels(&st->ui, cfg->panels);
}

void ov_controls_apply_panels(ov_app_state *st, const ov_config *cfg)
{
    if (!cfg->has_panels)
        return;
    set_panels(&st->ui, cfg->panels);
}

void ov_controls_advance_clock(ov_app_state *st, double dt)
{
    if (dt > 0)
        st->ui.clock += dt;
}

void ov_controls_age_message(ov_app_state *st, double dt)
{
    st->ui.message_age += dt;
}

void ov_controls_hide_message(ov_app_state *st)
{
    st->ui.message_age = 1e9;
}

void ov_controls_say(ov_app_state *st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(st->ui.message, sizeof(st->ui.message), fmt, ap);
    va_end(ap);
    st->ui.message_age = 0.0;
    st->ui.message_serial++;
}

void ov_controls_toggle_panel(ov_app_state *st, int row)
{
    if (row >= 0 && row < OV_PANEL_MAX)
        st->ui.panel_on[row] = !st->ui.panel_on[row];
}

bool ov_controls_panel_shown(const ov_app_state *st, int row)
{
    return row >= 0 && row < OV_PANEL_MAX && st->ui.panel_on[row];
}

void ov_controls_help_next(ov_app_state *st, int pages)
{
    if (!st->ui.show_help) {
        st->ui.show_help = true;
        st->ui.help_page = 0;
    } else if (st->ui.help_page + 1 < pages) {
        st->ui.help_page++;
    } else {
        st->ui.show_help = false;
        st->ui.help_page = 0;
    }
}

void ov_controls_toggle_projector(ov_app_state *st)
{
    st->ui.projector = !st->ui.projector;
    ov_controls_say(st, st->ui.projector ? "projector mode" : "normal mode");
}

void ov_controls_set_in_page(ov_app_state *st, bool in_page)
{
    st->ui.in_page = in_page;
}

void ov_controls_set_page_corner(ov_app_state *st, float w, float h)
{
    st->ui.page_corner_w = w > 0.0f ? w : 0.0f;
    st->ui.page_corner_h = h > 0.0f ? h : 0.0f;
}

void ov_controls_set_strip(ov_app_state *st, bool on)
{
    if (st->ui.strip_on == on)
        return;
    st->ui.strip_on = on;
    ov_controls_say(st, on ? "on-screen buttons shown" : "on-screen buttons hidden");
}

float ov_controls_ui_scale(const ov_app_state *st)
{
    float s = st->ui.scale > 0 ? st->ui.scale : 1.0f;
    return st->ui.projector ? s * OV_PROJECTOR_SCALE : s;
}

bool ov_controls_escape(ov_app_state *st)
{
    if (st->ui.show_help) {
        st->ui.show_help = false;
        st->ui.help_page = 0;
        return false;
    }
    if (st->ui.clock - st->ui.esc_at <= OV_ESC_QUIT_SECONDS)
        return true;
    st->ui.esc_at = st->ui.clock;
    ov_controls_say(st, "Esc again to quit (or Q)");
    return false;
}
