/* SDL events -> state changes: the keyboard and mouse bindings listed in the
 * help overlay and README. Window-level requests (fullscreen) are returned in
 * ov_input for the window loop to carry out. */
#ifndef OV_INPUT_H
#define OV_INPUT_H

#include <SDL2/SDL.h>
#include <stdbool.h>
#include "controls.h"

typedef struct ov_input {
    bool dragging;          /* a button is down */
    bool moved;             /* it moved further than a click allows */
    int down_x, down_y;     /* where it went down, window points */
    int last_x, last_y;
    bool toggle_fullscreen; /* set by F; the window loop clears it */
} ov_input;

/* Applies one event to st. win_w, win_h: the window size in points (mouse
 * coordinates), used to map the cursor into the world. */
void ov_input_handle(ov_input *in, ov_app_state *st, const SDL_Event *e, int win_w, int win_h);

#endif
