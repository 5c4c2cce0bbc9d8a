/* SDL events -> state changes, through the action table (actions.h) for
 * keys and here for the mouse. Window-level requests (fullscreen, exports,
 * presets) are returned in ov_input for the window loop to carry out. */
#ifndef OV_INPUT_H
#define OV_INPUT_H

#include <SDL2/SDL.h>
#include <stdbool.h>
#include "actions.h"
#include "controls.h"

#define OV_INPUT_MAX_HELD 4

typedef struct ov_input {
    bool dragging;          /* a button is down */
    bool moved;             /* it moved further than a click allows */
    int down_x, down_y;     /* where it went down, window points */
    int last_x, last_y;
    /* RATE keys held down (actions.h): the binding found at the press and
     * for how long it has been held. */
    int nheld;
    struct {
        SDL_Keycode key;
        const ov_binding *b;
        double held;
    } held[OV_INPUT_MAX_HELD];
    /* Requests the window loop carries out and clears (they need the
     * renderer or files): */
    bool toggle_fullscreen; /* F */
    SDL_Keycode want_export;   /* an export key was pressed (SDLK_UNKNOWN:
                                * none), with Shift or not: the window
                                * finds its row in the exports table */
    bool want_export_shift;
    bool cancel_export;     /* Esc while a GIF or MP4 export runs */
    int want_preset;        /* 1-9: that lecture preset; 0: none */
} ov_input;

/* Applies one event to st. win_w, win_h: the window size in points (mouse
 * coordinates), used to map the cursor into the world. */
void ov_input_handle(ov_input *in, ov_app_state *st, const SDL_Event *e, int win_w, int win_h);

/* Advances held RATE keys by dt seconds: past OV_HOLD_DELAY each acts at
 * its rate for the time held. Call once per frame after the events. */
void ov_input_tick(ov_input *in, ov_app_state *st, double dt);

/* True while a RATE key is held (the picture keeps changing without events). */
bool ov_input_holding(const ov_input *in);

#endif
