/* SDL events -> state changes, through the action table (actions.h) for
 * keys and here for the mouse. What an event asks of the window
 * (fullscreen, exports, presets, quit) is returned as a request
 * (request.h) for the window loop to carry out. */
#ifndef OV_INPUT_H
#define OV_INPUT_H

#include <SDL2/SDL.h>
#include <stdbool.h>
#include "actions.h"
#include "app_state.h"
#include "controls_view.h"
#include "request.h"

#define OV_INPUT_MAX_HELD 4

typedef struct ov_input {
    bool dragging;          /* a button is down */
    bool moved;             /* it moved further than a click allows */
    bool on_map;            /* it went down on the rate map: dragging sets α, β */
    int down_x, down_y;     /* where it went down, window points */
    int last_x, last_y;
    /* Where the last frame shown put the view (its HUD layout's fit):
     * clicks, drags and the wheel map the cursor as the user saw it. */
    ov_view_fit fit;
    /* The rate map's area on that frame, as fractions of it (on: shown). */
    ov_view_fit rate_map;
    ov_loss_range_cache range;   /* picking's view: the loss range kept */
    /* RATE keys held down (actions.h): the binding found at the press and
     * for how long it has been held. */
    int nheld;
    struct {
        SDL_Keycode key;
        const ov_binding *b;
        double held;
    } held[OV_INPUT_MAX_HELD];
} ov_input;

/* Applies one event to st and returns what it asks of the window
 * (OV_REQ_NONE: nothing). win_w, win_h: the window size in points (mouse
 * coordinates), used to map the cursor into the world. */
ov_request ov_input_handle(ov_input *in, ov_app_state *st, const SDL_Event *e, int win_w,
                           int win_h);

/* The frame just shown was laid out with its view in fit (ov_hud_layout.fit). */
void ov_input_set_frame(ov_input *in, ov_view_fit fit);

/* The frame just shown had the panels of lay: a click on the rate map's
 * area sets α and β (panel_rate_map.c). */
struct ov_hud_layout;
void ov_input_set_panels(ov_input *in, const struct ov_hud_layout *lay);

/* Advances held RATE keys by dt seconds: past OV_HOLD_DELAY each acts at
 * its rate for the time held. Call once per frame after the events.
 * Returns what the held keys asked of the window, as ov_input_handle. */
ov_request ov_input_tick(ov_input *in, ov_app_state *st, double dt);

/* True while a RATE key is held (the picture keeps changing without events). */
bool ov_input_holding(const ov_input *in);

#endif
