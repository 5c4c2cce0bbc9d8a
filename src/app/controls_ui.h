/* The UI part of the state (ov_app_ui): the panels and the help overlay on
 * and off, projector mode, the HUD's message and its age, the wall clock
 * and Esc. The lowest module of the controls: it calls no other. */
#ifndef OV_CONTROLS_UI_H
#define OV_CONTROLS_UI_H

#include <stddef.h>
#include "app_state.h"

#define OV_PROJECTOR_SCALE 1.35f

/* Sets up the UI part from cfg (panels, projector, ui scale), no message. */
void ov_controls_init_ui(ov_app_state *st, const ov_config *cfg);

/* The panels a preset asks for (cfg->has_panels), the others off; nothing
 * when it asks for none. */
void ov_controls_apply_panels(ov_app_state *st, const ov_config *cfg);

/* Advances the wall clock (what Esc twice is timed by) by dt seconds: the
 * window does it at the start of a frame, before the frame's events, so an
 * event after an idle wait sees the time that passed. */
void ov_controls_advance_clock(ov_app_state *st, double dt);

/* Ages the HUD's message by dt seconds (it fades, then goes). */
void ov_controls_age_message(ov_app_state *st, double dt);

/* The message stops showing at once (an export's frames leave it out). */
void ov_controls_hide_message(ov_app_state *st);

/* printf-style message shown in the HUD for a few seconds. */
void ov_controls_say(ov_app_state *st, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Row `row` of the panels table (panels.h) on or off (its key), and
 * whether it is shown; rows outside 0 .. OV_PANEL_MAX - 1 are never shown. */
void ov_controls_toggle_panel(ov_app_state *st, int row);
bool ov_controls_panel_shown(const ov_app_state *st, int row);
/* H: opens the help at its first page, then shows the next of its pages,
 * and closes it after the last. */
void ov_controls_help_next(ov_app_state *st, int pages);

void ov_controls_toggle_projector(ov_app_state *st);

/* The program runs in a web page (main_web.c): the help says which keys act
 * differently there. */
void ov_controls_set_in_page(ov_app_state *st, bool in_page);

/* The part of the frame's top right corner, w x h px, that the page covers
 * with a control of its own: the HUD's message stays left of it. */
void ov_controls_set_page_corner(ov_app_state *st, float w, float h);

/* The on-screen button strip for touch screens (touch_strip.h) shown or not. */
void ov_controls_set_strip(ov_app_state *st, bool on);

/* The effective text/line scale: ui_scale, times OV_PROJECTOR_SCALE in
 * projector mode. */
float ov_controls_ui_scale(const ov_app_state *st);

/* Esc outside the formula field: closes the help overlay when it is open;
 * otherwise the first press says how to quit and a second within
 * OV_ESC_QUIT_SECONDS asks to quit: returns true then. */
#define OV_ESC_QUIT_SECONDS 2.0
bool ov_controls_escape(ov_app_state *st);

#endif
