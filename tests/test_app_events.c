/* The event path, headless: synthetic SDL events go through SDL's queue and
 * the app's bindings, change the state as the help overlay says, and the
 * next rendered frame differs where it should. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app/controls.h"
#include "app/controls_anim.h"
#include "app/controls_ui.h"
#include "app/export.h"
#include "app/hud.h"
#include "app/input.h"
#include "ov_app_test.h"
#include "ov_test.h"

#define W 640
#define H 360

static void push_key(SDL_Keycode sym, Uint16 mod)
{
    ov_test_push_key(sym, mod, false, false);
}

static void push_click(int x, int y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.x = x;
    e.button.y = y;
    CHECK(SDL_PushEvent(&e) == 1);
    e.type = SDL_MOUSEBUTTONUP;
    CHECK(SDL_PushEvent(&e) == 1);
}

int main(void)
{
    ov_config cfg;
    ov_config_defaults(&cfg);
    ov_app_state st;
    char err[1024];
    CHECK_MSG(ov_controls_init(&st, &cfg, err, sizeof err), "%s", err);
    ov_controls_seek(&st, ov_controls_last_step(&st));
    ov_controls_hide_message(&st);   /* keep transient messages out of the diffs */
    ov_glwin win;
    ov_renderer *r = ov_app_test_open(&win, &st, W, H);
    uint8_t *before = malloc((size_t)W * H * 4), *after = malloc((size_t)W * H * 4);
    ov_input in = {0};

    /* α up: every run's α x1.25, the paths change. */
    double a0 = st.sc.scene.runs[0].params.alpha;
    ov_hud_draw_frame(r, &st, NULL, NULL);
    CHECK(ov_renderer_read_rgba(r, before));
    push_key(SDLK_UP, KMOD_NONE);
    ov_test_pump(&in, &st, W, H);
    CHECK_NEAR(st.sc.scene.runs[0].params.alpha, a0 * 1.25, 1e-12);
    ov_controls_hide_message(&st);
    ov_hud_draw_frame(r, &st, NULL, NULL);
    CHECK(ov_renderer_read_rgba(r, after));
    long d_alpha = ov_test_frame_diff(before, after, (long)W * H);
    CHECK_MSG(d_alpha > 200, "alpha up changed only %ld pixels", d_alpha);

    /* Shift+Down is the fine step: /1.05. */
    push_key(SDLK_DOWN, KMOD_LSHIFT);
    ov_test_pump(&in, &st, W, H);
    CHECK_NEAR(st.sc.scene.runs[0].params.alpha, a0 * 1.25 / 1.05, 1e-12);

    /* κ up (K): x sqrt(10); the contours change over much of the frame. */
    memcpy(before, after, (size_t)W * H * 4);
    push_key(SDLK_k, KMOD_NONE);
    ov_test_pump(&in, &st, W, H);
    double k;
    CHECK(ov_surface_get_param(st.sc.scene.surface, "kappa", &k));
    CHECK_NEAR(k, 10.0 * sqrt(10.0), 1e-9);
    ov_controls_hide_message(&st);
    ov_hud_draw_frame(r, &st, NULL, NULL);
    CHECK(ov_renderer_read_rgba(r, after));
    long d_kappa = ov_test_frame_diff(before, after, (long)W * H);
    CHECK_MSG(d_kappa > W * H / 10, "kappa up changed only %ld pixels", d_kappa);

    /* Click: the start moves to the world point under the cursor: the
     * frame's world rectangle (as drawn, the HUD's free part taken into
     * account) covers the whole window, so the point is that fraction of
     * it. */
    ov_hud_layout lay;
    ov_test_draw(r, &st, &in, &lay);
    ov_rect v = lay.view.rect;
    double vw = v.x1 - v.x0, vh = v.y1 - v.y0;
    int px = 480, py = 200;
    double ex = v.x0 + (px + 0.5) / W * vw, ey = v.y1 - (py + 0.5) / H * vh;
    push_click(px, py);
    ov_test_pump(&in, &st, W, H);
    for (int i = 0; i < st.sc.scene.nruns; i++) {
        CHECK_NEAR(st.sc.scene.runs[i].x[0], ex, 1e-9 * vw);
        CHECK_NEAR(st.sc.scene.runs[i].y[0], ey, 1e-9 * vh);
    }
    memcpy(before, after, (size_t)W * H * 4);
    ov_controls_hide_message(&st);
    ov_hud_draw_frame(r, &st, NULL, NULL);
    CHECK(ov_renderer_read_rgba(r, after));
    /* The start marker region (around the click) now shows a run colour. */
    long changed_near = 0;
    for (int y = py - 6; y <= py + 6; y++)
        for (int x = px - 6; x <= px + 6; x++) {
            long i = ((long)y * W + x) * 4;
            for (int c = 0; c < 3; c++)
                if (abs(before[i + c] - after[i + c]) > 24) {
                    changed_near++;
                    break;
                }
        }
    CHECK_MSG(changed_near > 20, "only %ld pixels changed near the click", changed_near);

    /* Picking maps through the frame the user saw: with the loss panel
     * shown, the window's frame fits the view into less of the frame; a
     * frame of another size and layout drawn meanwhile (an export's) does
     * not change where a click lands. */
    push_key(SDLK_l, KMOD_NONE);
    ov_test_pump(&in, &st, W, H);
    CHECK(ov_controls_panel_shown(&st, ov_panel_find("loss")));
    ov_test_draw(r, &st, &in, &lay);
    CHECK(lay.on[OV_HUD_LOSS] && lay.fit.on);
    ov_rect seen = lay.view.rect;
    CHECK_MSG(ov_renderer_resize(r, 300, 600, err, sizeof err), "%s", err);
    ov_hud_layout other;
    ov_hud_draw_frame(r, &st, NULL, &other);
    CHECK(fabs(other.fit.x0 - lay.fit.x0) + fabs(other.fit.y0 - lay.fit.y0) +
          fabs(other.fit.x1 - lay.fit.x1) + fabs(other.fit.y1 - lay.fit.y1) > 0.05);
    CHECK_MSG(ov_renderer_resize(r, W, H, err, sizeof err), "%s", err);
    px = 150;
    py = 250;
    double sw = seen.x1 - seen.x0, sh = seen.y1 - seen.y0;
    ex = seen.x0 + (px + 0.5) / W * sw;
    ey = seen.y1 - (py + 0.5) / H * sh;
    push_click(px, py);
    ov_test_pump(&in, &st, W, H);
    const ov_vec2 at = st.sc.scene.start;
    CHECK_MSG(fabs(at.x - ex) <= 1e-9 * sw && fabs(at.y - ey) <= 1e-9 * sh,
              "click at (%d, %d) started at (%g, %g), the frame shown has (%g, %g) there", px,
              py, at.x, at.y, ex, ey);
    push_key(SDLK_l, KMOD_NONE);
    ov_test_pump(&in, &st, W, H);

    /* Tab, then α up: only the first run changes. */
    double a1 = st.sc.scene.runs[1].params.alpha, a0b = st.sc.scene.runs[0].params.alpha;
    push_key(SDLK_TAB, KMOD_NONE);
    push_key(SDLK_UP, KMOD_NONE);
    ov_test_pump(&in, &st, W, H);
    CHECK(st.sc.target == 0);
    CHECK_NEAR(st.sc.scene.runs[0].params.alpha, a0b * 1.25, 1e-12);
    CHECK(st.sc.scene.runs[1].params.alpha == a1);

    /* H shows help, Esc closes it; a single Esc with nothing open does not
     * quit, nor does a second one 2.5 s later; two within 2 s do. */
    push_key(SDLK_h, KMOD_NONE);
    ov_test_pump(&in, &st, W, H);
    CHECK(st.ui.show_help);
    push_key(SDLK_ESCAPE, KMOD_NONE);
    ov_requests asked = ov_test_pump(&in, &st, W, H);
    CHECK(!st.ui.show_help && !asked.quit);
    push_key(SDLK_ESCAPE, KMOD_NONE);
    asked = ov_test_pump(&in, &st, W, H);
    CHECK(!asked.quit);
    ov_controls_advance_clock(&st, 2.5);
    push_key(SDLK_ESCAPE, KMOD_NONE);
    asked = ov_test_pump(&in, &st, W, H);
    CHECK(!asked.quit);
    ov_controls_advance_clock(&st, 1.0);
    push_key(SDLK_ESCAPE, KMOD_NONE);
    asked = ov_test_pump(&in, &st, W, H);
    CHECK(asked.quit);
    /* Q quits at once; so does closing the window. */
    push_key(SDLK_q, KMOD_NONE);
    asked = ov_test_pump(&in, &st, W, H);
    CHECK(asked.quit && asked.nexports == 0 && !asked.preset);
    SDL_Event close;
    memset(&close, 0, sizeof close);
    close.type = SDL_QUIT;
    CHECK(ov_input_handle(&in, &st, &close, W, H).kind == OV_REQ_QUIT);
    /* The export keys and presets ask the window; nothing else changes. */
    double alpha = st.sc.scene.runs[0].params.alpha;
    push_key(SDLK_p, KMOD_NONE);
    push_key(SDLK_g, KMOD_LSHIFT);
    push_key(SDLK_x, KMOD_NONE);
    push_key(SDLK_3, KMOD_NONE);
    push_key(SDLK_4, KMOD_LSHIFT);
    asked = ov_test_pump(&in, &st, W, H);
    /* P, Shift+G and X, in the order pressed, each once; not G. */
    CHECK(asked.nexports == 3 && !asked.quit);
    CHECK(asked.exports[0].key == SDLK_p && !asked.exports[0].shift);
    CHECK(asked.exports[1].key == SDLK_g && asked.exports[1].shift);
    CHECK(asked.exports[2].key == SDLK_x && !asked.exports[2].shift);
    CHECK(asked.preset == 14);   /* the last asked: Shift+4 */
    CHECK(st.sc.scene.runs[0].params.alpha == alpha);

    free(before);
    free(after);
    ov_renderer_destroy(r);
    ov_glwin_destroy(&win);
    ov_controls_deinit(&st);
    return ov_test_finish("test_app_events");
}
