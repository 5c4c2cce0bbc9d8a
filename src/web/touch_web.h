/* Touch in the browser (touch_web.c). SDL already turns one finger into the
 * mouse (a tap is a click, a drag pans or turns the 3-D camera); this adds
 * the pinch: two fingers moving apart or together zoom about their middle,
 * as the wheel does, and the mouse that SDL makes of the first finger is
 * dropped until every finger is up (so a pinch neither pans nor clicks). */
#ifndef OV_WEB_TOUCH_WEB_H
#define OV_WEB_TOUCH_WEB_H

#include <SDL2/SDL.h>
#include <stdbool.h>

typedef struct ov_web_touch {
    int down;                  /* fingers on the screen */
    SDL_FingerID id[2];        /* the first two */
    float x[2], y[2];          /* where they are, 0 .. 1 of the window */
    bool pinching;             /* two fingers came down since all were up */
    double ref;                /* their distance at the last wheel step */
} ov_web_touch;

/* The events in[0..n) with the pinch's wheel steps added and the touch
 * mouse dropped during a pinch, into out (room for 2 * n + 1 events);
 * returns their count. win_w, win_h: the window's size in its own units
 * (the wheel event's mouseX and mouseY). */
int ov_web_touch_filter(ov_web_touch *t, const SDL_Event *in, int n, SDL_Event *out,
                        int win_w, int win_h);

#endif
