/* The on-screen button strip for touch screens: its layout, hit test,
 * presses (through the key table's actions) and drawing. See
 * touch_strip.h. */
#include "touch_strip.h"

#include <math.h>

#include "controls_params.h"

/* Each button's key in the key table (ov_bindings). The preset button's
 * key is chosen when pressed. */
static const struct {
    SDL_Keycode key;
    const char *label;
} KEYS[OV_STRIP_BUTTONS] = {
    [OV_STRIP_ALPHA_UP] = {SDLK_UP, "\xce\xb1 \xc3\x97"},
    [OV_STRIP_ALPHA_DOWN] = {SDLK_DOWN, "\xce\xb1 \xc3\xb7"},
    [OV_STRIP_BETA_UP] = {SDLK_RIGHT, "\xce\xb2 +"},
    [OV_STRIP_BETA_DOWN] = {SDLK_LEFT, "\xce\xb2 \xe2\x88\x92"},
    [OV_STRIP_KAPPA_UP] = {SDLK_k, "\xce\xba \xc3\x97"},
    [OV_STRIP_KAPPA_DOWN] = {SDLK_j, "\xce\xba \xc3\xb7"},
    [OV_STRIP_PLAY] = {SDLK_SPACE, "pause"},
    [OV_STRIP_REPLAY] = {SDLK_r, "replay"},
    [OV_STRIP_PRESET] = {SDLK_1, "preset"},
    [OV_STRIP_HELP] = {SDLK_h, "help"},
};

void ov_touch_strip_layout(int W, int H, ov_strip_layout *out)
{
    float u = fminf((float)W / 1280.0f, (float)H / 720.0f);
    float gap = 6.0f * u, pad = 8.0f * u;
    /* Above the status bar, centred: one row of 52 u buttons where it
     * fits, else two rows of five. A frame taller than wide (a phone held
     * upright) gets buttons of an eighth of its width, a finger's width
     * there. Every length is a multiple of the frame's size, so the layout
     * in window points and in pixels agree. */
    float side = 52.0f * u;
    if (H > W)
        side = fmaxf(side, (float)W / 7.5f);
    int per_row = OV_STRIP_BUTTONS;
    if (per_row * side + (per_row - 1) * gap > (float)W - 2 * pad) {
        per_row = (OV_STRIP_BUTTONS + 1) / 2;
        float fit = ((float)W - 2 * pad - (per_row - 1) * gap) / (float)per_row;
        side = fminf(fit, side);
    }
    int rows = (OV_STRIP_BUTTONS + per_row - 1) / per_row;
    float row_w = per_row * side + (per_row - 1) * gap;
    float bottom = (float)H - 44.0f * u;   /* the status bar's room */
    for (int i = 0; i < OV_STRIP_BUTTONS; i++) {
        int row = i / per_row, col = i % per_row;
        out->box[i] = (ov_box){((float)W - row_w) / 2 + (float)col * (side + gap),
                               bottom - (float)(rows - row) * side - (float)(rows - 1 - row) * gap,
                               side, side};
    }
    out->text_px = side * 0.3f;
}

int ov_touch_strip_hit(int W, int H, float x, float y)
{
    ov_strip_layout l;
    ov_touch_strip_layout(W, H, &l);
    for (int i = 0; i < OV_STRIP_BUTTONS; i++) {
        ov_box b = l.box[i];
        if (x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + b.h)
            return i;
    }
    return -1;
}

ov_request ov_touch_strip_press(ov_app_state *st, ov_strip_button button)
{
    ov_request none = {.kind = OV_REQ_NONE};
    if ((int)button < 0 || button >= OV_STRIP_BUTTONS)
        return none;
    SDL_Keycode key = KEYS[button].key;
    if (button == OV_STRIP_PRESET) {
        /* The next of the presets the digit keys choose, 1 ... 10. */
        st->ui.strip_preset = st->ui.strip_preset % 10 + 1;
        key = st->ui.strip_preset == 10 ? SDLK_0 : SDLK_0 + st->ui.strip_preset;
    }
    int n;
    const ov_binding *table = ov_bindings(&n);
    const ov_binding *b = ov_binding_find(table, n, key, KMOD_NONE);
    if (!b)
        return none;
    /* One press, as a key's first press (a held key's later change is not
     * a tap's). */
    ov_controls_set_holding(st, false);
    return b->act(st, b, 0.0);
}

const char *ov_touch_strip_label(const ov_app_state *st, ov_strip_button b)
{
    if (b == OV_STRIP_PLAY)
        return st->anim.paused ? "play" : "pause";
    return (int)b >= 0 && b < OV_STRIP_BUTTONS ? KEYS[b].label : "";
}

void ov_touch_strip_draw(ov_renderer *r, const ov_app_state *st, int W, int H, ov_rgba panel,
                         ov_rgba text)
{
    if (!st->ui.strip_on)
        return;
    ov_strip_layout l;
    ov_touch_strip_layout(W, H, &l);
    panel.a = 0.85f;
    ov_rgba edge = text;
    edge.a = 0.35f;
    for (int i = 0; i < OV_STRIP_BUTTONS; i++) {
        ov_box b = l.box[i];
        float e = fmaxf(1.0f, b.w / 40.0f);
        ov_renderer_rect(r, b.x, b.y, b.w, b.h, edge);
        ov_renderer_rect(r, b.x + e, b.y + e, b.w - 2 * e, b.h - 2 * e, panel);
        const char *label = ov_touch_strip_label(st, (ov_strip_button)i);
        float px = l.text_px, w = 0, h = 0;
        ov_renderer_text_size(r, px, label, &w, &h);
        if (w > b.w - 4 * e && w > 0)
            px *= (b.w - 4 * e) / w;
        ov_renderer_text_size(r, px, label, &w, &h);
        ov_renderer_text(r, b.x + b.w / 2, b.y + (b.h - h) / 2, px, text, OV_ALIGN_CENTER, label);
    }
}
