/* The pinch, for tablets and phones: see touch_web.h. */
#include "web/touch_web.h"

#include <math.h>

/* One wheel step zooms by 0.85 (src/app/input.c): the fingers' distance
 * must change by this factor for each step. */
#define OV_WHEEL_STEP (1.0 / 0.85)

static int slot(const ov_web_touch *t, SDL_FingerID id)
{
    for (int i = 0; i < 2 && i < t->down; i++)
        if (t->id[i] == id)
            return i;
    return -1;
}

static double spread(const ov_web_touch *t, int win_w, int win_h)
{
    return hypot((t->x[1] - t->x[0]) * win_w, (t->y[1] - t->y[0]) * win_h);
}

int ov_web_touch_filter(ov_web_touch *t, const SDL_Event *in, int n, SDL_Event *out,
                        int win_w, int win_h)
{
    int m = 0;
    for (int i = 0; i < n; i++) {
        const SDL_Event *e = &in[i];
        bool touch_mouse = (e->type == SDL_MOUSEMOTION && e->motion.which == SDL_TOUCH_MOUSEID) ||
                           ((e->type == SDL_MOUSEBUTTONDOWN || e->type == SDL_MOUSEBUTTONUP) &&
                            e->button.which == SDL_TOUCH_MOUSEID);
        if (touch_mouse && t->pinching)
            continue;
        out[m++] = *e;
        if (e->type == SDL_FINGERDOWN) {
            if (t->down < 2) {
                t->id[t->down] = e->tfinger.fingerId;
                t->x[t->down] = e->tfinger.x;
                t->y[t->down] = e->tfinger.y;
            }
            t->down++;
            if (t->down == 2 && !t->pinching) {
                /* The first finger's drag ends here, as no click: a right
                 * button's release (input.c clicks on the left one only). */
                SDL_Event up = {0};
                up.type = SDL_MOUSEBUTTONUP;
                up.button.which = SDL_TOUCH_MOUSEID;
                up.button.button = SDL_BUTTON_RIGHT;
                up.button.x = (int)(t->x[0] * win_w);
                up.button.y = (int)(t->y[0] * win_h);
                out[m++] = up;
                t->pinching = true;
                t->ref = spread(t, win_w, win_h);
            }
        } else if (e->type == SDL_FINGERUP) {
            int s = slot(t, e->tfinger.fingerId);
            if (s == 0 && t->down >= 2) {
                t->id[0] = t->id[1];
                t->x[0] = t->x[1];
                t->y[0] = t->y[1];
            }
            t->down = t->down > 0 ? t->down - 1 : 0;
            if (t->down == 0)
                t->pinching = false;
        } else if (e->type == SDL_FINGERMOTION) {
            int s = slot(t, e->tfinger.fingerId);
            if (s < 0)
                continue;
            t->x[s] = e->tfinger.x;
            t->y[s] = e->tfinger.y;
            if (!t->pinching || t->down < 2 || t->ref <= 0.0)
                continue;
            double d = spread(t, win_w, win_h);
            int steps = (int)(log(d / t->ref) / log(OV_WHEEL_STEP));
            if (steps == 0)
                continue;
            SDL_Event w = {0};
            w.type = SDL_MOUSEWHEEL;
            w.wheel.which = SDL_TOUCH_MOUSEID;
            w.wheel.y = steps;
            w.wheel.direction = SDL_MOUSEWHEEL_NORMAL;
            w.wheel.mouseX = (int)((t->x[0] + t->x[1]) * 0.5 * win_w);
            w.wheel.mouseY = (int)((t->y[0] + t->y[1]) * 0.5 * win_h);
            out[m++] = w;
            t->ref *= pow(OV_WHEEL_STEP, steps);
        }
    }
    return m;
}
