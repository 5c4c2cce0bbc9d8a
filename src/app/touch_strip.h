/* The on-screen button strip for touch screens (no keyboard there): a row
 * of buttons in the HUD's style along the foot of the picture that do what
 * a class needs without keys: alpha x / div, beta + / -, kappa x / div,
 * play / pause, replay, next preset, help. A tap on a button runs the key
 * table's own action for that key (actions.c), never a copy of it, and
 * starts no runs where it lands (input.c). Shown while st->ui.strip_on
 * (the web page turns it on for a touch-only device, or on request). */
#ifndef OV_APP_TOUCH_STRIP_H
#define OV_APP_TOUCH_STRIP_H

#include <stdbool.h>

#include "actions.h"
#include "controls.h"
#include "hud_text.h"
#include "render/render.h"

typedef enum ov_strip_button {
    OV_STRIP_ALPHA_UP = 0,
    OV_STRIP_ALPHA_DOWN,
    OV_STRIP_BETA_UP,
    OV_STRIP_BETA_DOWN,
    OV_STRIP_KAPPA_UP,
    OV_STRIP_KAPPA_DOWN,
    OV_STRIP_PLAY,
    OV_STRIP_REPLAY,
    OV_STRIP_PRESET,
    OV_STRIP_HELP,
    OV_STRIP_BUTTONS
} ov_strip_button;

/* The smallest side of a button at 1280x720 (a finger's width). */
#define OV_STRIP_MIN_PX 44.0f

typedef struct ov_strip_layout {
    ov_box box[OV_STRIP_BUTTONS];
    float text_px;
} ov_strip_layout;

/* The buttons' boxes on a W x H frame. It scales with the frame alone, so
 * the layout in window points (input) and in pixels (drawing) agree. */
void ov_touch_strip_layout(int W, int H, ov_strip_layout *out);

/* The button at (x, y) of a W x H frame, or -1. */
int ov_touch_strip_hit(int W, int H, float x, float y);

/* Presses button b: the action of its key in the key table; what it asks
 * of the window (a preset, ...) is returned. */
ov_request ov_touch_strip_press(ov_app_state *st, ov_strip_button b);

/* The button's label (UTF-8). */
const char *ov_touch_strip_label(const ov_app_state *st, ov_strip_button b);

/* Draws the strip when st->ui.strip_on. */
void ov_touch_strip_draw(ov_renderer *r, const ov_app_state *st, int W, int H, ov_rgba panel,
                         ov_rgba text);

#endif
