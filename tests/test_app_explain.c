/* The step taken apart in the app, headless: --explain turns it on; the
 * keys E, N, Shift+N and Tab go through SDL's queue and the bindings; the
 * explanation follows the targeted run and the animation's step, and its
 * next point is that run's next iterate; every method draws it (the frame
 * changes where the arrows are, its caption is on screen) without a
 * non-finite number reaching the GPU. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_cache.h"
#include "app/controls.h"
#include "app/controls_explain.h"
#include "app/controls_params.h"
#include "app/export.h"
#include "app/hud.h"
#include "app/input.h"
#include "cli/args.h"
#include "ov_app_test.h"
#include "ov_test.h"

#define W 640
#define H 360

static void push_key(SDL_Keycode sym, Uint16 mod)
{
    ov_test_push_key(sym, mod, false, false);
}

/* What the test keeps between explanations, as the window does. */
static ov_app_cache cache;

/* The explanation is of run `run` at step `step` and lands on its next iterate. */
static void check_follows(const ov_app_state *st, int run, int step)
{
    const ov_explain *x = ov_controls_explanation(st, &cache.explain);
    const ov_run *r = &st->sc.scene.runs[run];
    CHECK(ov_controls_explain_run(st) == run);
    CHECK_MSG(x->valid, "%s", x->why);
    CHECK(x->kind == r->params.kind && x->step == step);
    CHECK(x->w[0] == r->x[step] && x->w[1] == r->y[step]);
    if (step + 1 < r->n)
        CHECK(x->next[0] == r->x[step + 1] && x->next[1] == r->y[step + 1]);
}

int main(void)
{
    char *argv[] = {(char *)"optiviz", (char *)"--explain", (char *)"--optimizers",
                    (char *)"gd,momentum,nesterov,adam,rmsprop,adagrad,adadelta,rprop,cg,newton",
                    (char *)"--steps", (char *)"40", NULL};
    ov_config cfg;
    char err[1024];
    CHECK(ov_args_parse(6, argv, &cfg, err, sizeof err) == 0);
    CHECK(cfg.explain);
    ov_app_cache_init(&cache);
    ov_app_state st;
    CHECK_MSG(ov_controls_init(&st, &cfg, err, sizeof err), "%s", err);
    CHECK(st.ui.explain_on);
    ov_controls_hide_message(&st);
    ov_glwin win;
    ov_renderer *r = ov_app_test_open(&win, &st, W, H);
    uint8_t *on = malloc((size_t)W * H * 4), *off = malloc((size_t)W * H * 4);
    ov_input in = {0};

    /* All runs targeted: the explanation is of run 0; N and Shift+N step. */
    ov_controls_seek(&st, 3.0);
    check_follows(&st, 0, 3);
    push_key(SDLK_n, KMOD_NONE);
    ov_test_pump(&in, &st, W, H);
    CHECK(st.anim.paused && st.anim.step == 4.0);
    check_follows(&st, 0, 4);
    push_key(SDLK_n, KMOD_LSHIFT);
    push_key(SDLK_n, KMOD_LSHIFT);
    ov_test_pump(&in, &st, W, H);
    CHECK(st.anim.step == 2.0);
    check_follows(&st, 0, 2);
    ov_controls_seek(&st, 0.4);
    push_key(SDLK_n, KMOD_RSHIFT);
    ov_test_pump(&in, &st, W, H);
    CHECK(st.anim.step == 0.0);
    push_key(SDLK_n, KMOD_RSHIFT);
    ov_test_pump(&in, &st, W, H);
    CHECK(st.anim.step == 0.0);

    /* Tab picks each run in turn; each method draws its explanation. */
    ov_controls_seek(&st, 5.0);
    for (int i = 0; i < st.sc.scene.nruns; i++) {
        push_key(SDLK_TAB, KMOD_NONE);
        ov_test_pump(&in, &st, W, H);
        CHECK(st.sc.target == i);
        check_follows(&st, i, 5);
        ov_test_explain(&st, true);
        ov_hud_draw_frame(r, &st, NULL, NULL);
        CHECK(ov_renderer_read_rgba(r, on));
        ov_test_explain(&st, false);
        ov_hud_draw_frame(r, &st, NULL, NULL);
        CHECK(ov_renderer_read_rgba(r, off));
        long d = ov_test_frame_diff(on, off, (long)W * H);
        CHECK_MSG(d > 500, "%s: the explanation changed %ld pixels",
                  ov_optim_info_of(st.sc.scene.runs[i].params.kind)->name, d);
    }

    /* E turns it off and on again, and on pauses. */
    ov_test_explain(&st, true);
    if (st.anim.paused)
        ov_controls_toggle_pause(&st);
    push_key(SDLK_e, KMOD_NONE);
    ov_test_pump(&in, &st, W, H);
    CHECK(!st.ui.explain_on);
    push_key(SDLK_e, KMOD_NONE);
    ov_test_pump(&in, &st, W, H);
    CHECK(st.ui.explain_on && st.anim.paused);

    /* A changed α recomputes the run; the explanation follows it. */
    ov_controls_scale_alpha(&st, 1.5);
    check_follows(&st, st.sc.target, 5);

    /* Every step of every run, drawn, never sends a non-finite number. */
    for (int i = 0; i < st.sc.scene.nruns; i++) {
        ov_test_target(&st, i);
        for (int s = 0; s <= 40; s += 8) {
            ov_controls_seek(&st, s);
            ov_hud_draw_frame(r, &st, NULL, NULL);
        }
    }
    ov_render_stats stats;
    ov_renderer_stats(r, &stats);
    CHECK(stats.nonfinite_values == 0 && stats.nonfinite_text == 0);

    free(on);
    free(off);
    ov_renderer_destroy(r);
    ov_glwin_destroy(&win);
    ov_controls_deinit(&st);
    return ov_test_finish("test_app_explain");
}
