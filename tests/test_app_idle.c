/* The window loop draws only when the picture changes: frames drawn are
 * counted (ov_window_frames_drawn) while the real loop body (ov_window_frame,
 * SDL's offscreen driver) runs with events pushed into SDL's queue. While
 * the animation runs every frame is drawn; once it has ended, frames with no
 * event draw nothing; a key press draws one; a mouse moving with no button
 * down draws none; a message stays 2 s, then fades for 1 s, one frame per
 * tick, and a last frame clears it; D's transition to 3-D draws every
 * tick until the surface has risen. ov_window_still_for says how long the
 * loop may sleep. */
#include <math.h>
#include <string.h>

#include "app/app.h"
#include "ov_app_test.h"
#include "ov_test.h"

#define DT (1.0 / 60.0)

static void push_key(SDL_Keycode sym)
{
    ov_test_push_key(sym, KMOD_NONE, false, true);
}

static void push_motion(int x, int y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEMOTION;
    e.motion.x = x;
    e.motion.y = y;
    CHECK(SDL_PushEvent(&e) == 1);
}

/* Runs n frames of DT seconds; returns how many were drawn. */
static long run(ov_window *w, int n)
{
    char err[512];
    long before = ov_window_frames_drawn(w);
    for (int i = 0; i < n; i++)
        CHECK_MSG(ov_window_frame(w, DT, err, sizeof err), "%s", err);
    return ov_window_frames_drawn(w) - before;
}

int main(void)
{
    ov_config cfg;
    ov_config_defaults(&cfg);
    cfg.width = 320;
    cfg.height = 200;
    cfg.steps = 20;             /* 20 steps played in 1 s */
    cfg.pace = 1.0;
    char err[1024];
    ov_window *w = ov_window_create(&cfg, err, sizeof err);
    CHECK_MSG(w != NULL, "%s", err);
    if (!w)
        return ov_test_finish("test_app_idle");
    ov_app_state *st = ov_window_state(w);
    SDL_PumpEvents();
    SDL_FlushEvents(SDL_FIRSTEVENT, SDL_LASTEVENT);   /* the window's own start-up events */

    /* Animating: every frame is drawn, and the loop must not sleep. */
    CHECK(ov_window_still_for(w) == 0.0);
    CHECK(run(w, 30) == 30);
    CHECK(st->anim.step > 0.0 && st->anim.step < 20.0);
    /* 1 s of animation in all: by 70 frames it has ended. One frame
     * more is drawn after the end, then nothing. */
    run(w, 40);
    CHECK(st->anim.step == 20.0);
    CHECK(ov_window_still_for(w) == INFINITY);
    run(w, 1);
    long idle = run(w, 300);
    CHECK_MSG(idle == 0, "%ld frames drawn in 300 idle ticks", idle);

    /* A mouse moving with no button down changes nothing. */
    push_motion(100, 80);
    push_motion(120, 90);
    CHECK(run(w, 5) == 0);

    /* A key that changes the picture: one frame, then a message that is
     * still for 2 s (the loop may sleep that long), fades for 1 s (a frame
     * per tick) and is cleared by one more frame. */
    unsigned long serial = st->ui.message_serial;
    push_key(SDLK_t);
    CHECK(run(w, 1) == 1);
    CHECK(st->sc.ghosts_on && st->ui.message_serial == serial + 1);
    CHECK_NEAR(ov_window_still_for(w), 2.0 - DT, 1e-9);
    long still = run(w, 110);               /* up to 1.85 s after the key */
    CHECK_MSG(still == 0, "%ld frames drawn while the message stood still", still);
    long fade = run(w, 90);                 /* 1.85 s .. 3.35 s: the fade, 2 s .. 3 s */
    CHECK_MSG(fade >= 58 && fade <= 62, "%ld frames drawn for a 1 s fade", fade);
    CHECK(ov_window_still_for(w) == INFINITY);
    CHECK(run(w, 60) == 0);

    /* D: the 2-D -> 3-D transition (0.6 s) draws every tick, then the loop
     * rests again once its message has faded. */
    push_key(SDLK_d);
    CHECK(run(w, 1) == 1);
    CHECK(st->view.view3d && st->view.lift > 0.0 && st->view.lift < 0.1);
    CHECK(ov_window_still_for(w) == 0.0);
    long rising = run(w, 34);               /* up to 0.58 s after the key */
    CHECK_MSG(rising == 34, "%ld of 34 frames drawn while the surface rose", rising);
    run(w, 2);
    CHECK(st->view.lift == 1.0);
    run(w, 200);                            /* the message fades meanwhile */
    CHECK(ov_window_still_for(w) == INFINITY);
    CHECK(run(w, 60) == 0);

    /* R restarts the animation: frames are drawn again, every tick. */
    push_key(SDLK_r);
    CHECK(run(w, 10) == 10);
    CHECK(ov_window_still_for(w) == 0.0);

    /* The frame function as a loop the browser owns calls it: events
     * handed in, not read from SDL's queue. Paused and idle, a frame with
     * no events draws nothing and goes on; Space draws one; Q ends it. */
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = SDLK_SPACE;
    CHECK(ov_app_frame(w, &e, 1));
    CHECK(st->anim.paused);
    run(w, 300);                            /* the message fades */
    long drawn = ov_window_frames_drawn(w);
    CHECK(ov_app_frame(w, NULL, 0));
    CHECK(ov_window_frames_drawn(w) == drawn);
    e.key.keysym.sym = SDLK_n;              /* one step: a frame */
    CHECK(ov_app_frame(w, &e, 1));
    CHECK(ov_window_frames_drawn(w) == drawn + 1);
    CHECK(!ov_window_quit_asked(w));
    e.key.keysym.sym = SDLK_q;
    CHECK(!ov_app_frame(w, &e, 1));
    CHECK(ov_window_quit_asked(w));

    ov_window_destroy(w);
    return ov_test_finish("test_app_idle");
}
