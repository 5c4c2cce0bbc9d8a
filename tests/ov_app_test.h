/* Shared by the app tests: the hidden window and renderer they draw with,
 * and synthetic input pushed through SDL's event queue. */
#ifndef OV_APP_TEST_H
#define OV_APP_TEST_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/controls_anim.h"
#include "app/controls_explain.h"
#include "app/controls_params.h"
#include "app/controls_ui.h"
#include "app/export.h"
#include "app/formula_edit.h"
#include "app/hud.h"
#include "app/input.h"
#include "app/panels.h"
#include "app/actions.h"
#include "ov_test.h"

/* The state is changed here only through the controls the keys call. */

/* Makes run `run` (-1: all runs) the one the keys change, as Tab does. */
static inline void ov_test_target(ov_app_state *st, int run)
{
    for (int i = 0; i <= st->sc.scene.nruns && st->sc.target != run; i++)
        ov_controls_cycle_target(st, 1);
    ov_controls_hide_message(st);
}

/* The step taken apart on or off, as E does (on pauses), its message left
 * out of the picture. */
static inline void ov_test_explain(ov_app_state *st, bool on)
{
    if (st->ui.explain_on != on)
        ov_controls_toggle_explain(st);
    ov_controls_hide_message(st);
}

/* Panels, help, projector mode, ghost trails and the formula field closed,
 * playing: as their keys leave them. */
static inline void ov_test_plain(ov_app_state *st)
{
    if (st->ui.edit.open)
        ov_controls_edit_cancel(st);
    for (int i = 0; i < OV_PANEL_MAX; i++)
        if (ov_controls_panel_shown(st, i))
            ov_controls_toggle_panel(st, i);
    while (st->ui.show_help)
        ov_controls_help_next(st, OV_HELP_PAGES);
    if (st->ui.projector)
        ov_controls_toggle_projector(st);
    if (st->sc.ghosts_on)
        ov_controls_toggle_ghosts(st);
    if (st->anim.paused)
        ov_controls_toggle_pause(st);
}

/* Opens a hidden window with a w x h renderer for st's surface. When
 * headless rendering is unavailable, says why and ends the test program
 * with status 1 (a failure, never a skip). */
/* Projector mode on or off, through the M key's function. */
static inline void ov_test_projector(ov_app_state *st, bool on)
{
    if (st->ui.projector != on)
        ov_controls_toggle_projector(st);
}

/* A panel (or the help) shown or not, through its key's function. */
static inline void ov_test_panel(ov_app_state *st, const char *name, bool on)
{
    int row = ov_panel_find(name);
    CHECK_MSG(row >= 0, "no panel named %s", name);
    if (ov_controls_panel_shown(st, row) != on)
        ov_panel_toggle(st, row);
}

/* The help shown at page `page` (0-based), or closed (page < 0), through
 * the H key's function. */
static inline void ov_test_help_page(ov_app_state *st, int page, int pages)
{
    while (st->ui.show_help)
        ov_controls_help_next(st, pages);
    for (int i = 0; i <= page; i++)
        ov_controls_help_next(st, pages);
}

static inline ov_renderer *ov_app_test_open(ov_glwin *win, const ov_app_state *st, int w, int h)
{
    char err[1024];
    ov_renderer *r = NULL;
    if (!ov_export_offscreen_begin(win, &r, st, w, h, err, sizeof err)) {
        fprintf(stderr, "cannot render headless: %s\n", err);
        ov_renderer_destroy(r);
        ov_glwin_destroy(win);
        exit(1);
    }
    return r;
}

/* Draws a frame of st as the window does (nothing kept between frames)
 * and, when in is not NULL, hands the frame's layout to the input layer,
 * so clicks and the wheel map the cursor as on that frame. lay (may be
 * NULL) receives the layout. */
static inline void ov_test_draw(ov_renderer *r, const ov_app_state *st, ov_input *in,
                                ov_hud_layout *lay)
{
    ov_hud_layout own;
    ov_hud_draw_frame(r, st, NULL, &own);
    if (in) {
        ov_input_set_frame(in, own.fit);
        ov_input_set_panels(in, &own);
    }
    if (lay)
        *lay = own;
}

/* Queues a key press with modifiers mod (a key-repeat event when repeat),
 * followed by its release when release is true. */
static inline void ov_test_push_key(SDL_Keycode sym, Uint16 mod, bool repeat, bool release)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.repeat = repeat;
    e.key.keysym.sym = sym;
    e.key.keysym.mod = mod;
    CHECK(SDL_PushEvent(&e) == 1);
    if (release) {
        e.type = SDL_KEYUP;
        e.key.state = SDL_RELEASED;
        e.key.repeat = 0;
        CHECK(SDL_PushEvent(&e) == 1);
    }
}

/* Hands every queued event to the input layer, for a w x h window;
 * returns what they asked of the window. */
static inline ov_requests ov_test_pump(ov_input *in, ov_app_state *st, int w, int h)
{
    ov_requests asked = {0};
    SDL_Event e;
    while (SDL_PollEvent(&e))
        ov_requests_add(&asked, ov_input_handle(in, st, &e, w, h));
    return asked;
}

/* Of n RGBA pixels, how many differ by more than 24 in some colour channel. */
static inline long ov_test_frame_diff(const uint8_t *a, const uint8_t *b, long n)
{
    long count = 0;
    for (long i = 0; i < n; i++)
        for (int c = 0; c < 3; c++)
            if (abs(a[i * 4 + c] - b[i * 4 + c]) > 24) {
                count++;
                break;
            }
    return count;
}

#endif
