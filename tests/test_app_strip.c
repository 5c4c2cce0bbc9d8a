/* The on-screen button strip for touch screens (touch_strip.h): at
 * 1280x720 every button lies inside the frame, is at least 44 px square,
 * overlaps no other button, nor the run list, the status bar or the legend;
 * the layout scales with the frame (so window points and pixels agree) and
 * stays inside phone-sized frames. A tap on a button, sent through the
 * input layer as the mouse event SDL makes of a finger, acts as its key
 * does (alpha x / div as Up / Down, play as Space, the preset button asks
 * for presets 1, 2, ...) and starts no runs where it lands; with the strip
 * hidden the same tap starts the runs there. The frame with the strip is
 * drawn to a PNG in OV_TMP for a person to look at. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app/hud.h"
#include "app/hud_layout.h"
#include "app/touch_strip.h"
#include "io/png_write.h"
#include "ov_app_test.h"
#include "ov_test.h"

static bool overlap(ov_box a, ov_box b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static void check_inside(int W, int H, float min_side)
{
    ov_strip_layout l;
    ov_touch_strip_layout(W, H, &l);
    for (int i = 0; i < OV_STRIP_BUTTONS; i++) {
        ov_box b = l.box[i];
        CHECK_MSG(b.x >= 0 && b.y >= 0 && b.x + b.w <= W && b.y + b.h <= H,
                  "%dx%d: button %d (%.1f %.1f %.1f %.1f) leaves the frame", W, H, i, b.x, b.y,
                  b.w, b.h);
        CHECK_MSG(b.w >= min_side && b.h >= min_side, "%dx%d: button %d is %.1f x %.1f px", W,
                  H, i, b.w, b.h);
        for (int j = 0; j < i; j++)
            CHECK_MSG(!overlap(b, l.box[j]), "%dx%d: buttons %d and %d overlap", W, H, j, i);
    }
}

/* A tap at (x, y) of a w x h window: the left button down and up of the
 * mouse that SDL makes of a finger. */
static ov_requests tap(ov_input *in, ov_app_state *st, int x, int y, int w, int h)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.which = SDL_TOUCH_MOUSEID;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.state = SDL_PRESSED;
    e.button.clicks = 1;
    e.button.x = x;
    e.button.y = y;
    CHECK(SDL_PushEvent(&e) == 1);
    e.type = SDL_MOUSEBUTTONUP;
    e.button.state = SDL_RELEASED;
    CHECK(SDL_PushEvent(&e) == 1);
    return ov_test_pump(in, st, w, h);
}

static void centre(int W, int H, ov_strip_button b, int *x, int *y)
{
    ov_strip_layout l;
    ov_touch_strip_layout(W, H, &l);
    *x = (int)(l.box[b].x + l.box[b].w / 2);
    *y = (int)(l.box[b].y + l.box[b].h / 2);
}

static void check_taps(ov_renderer *r, ov_app_state *st, const ov_config *cfg)
{
    /* The same scene in a second state, driven by the keys. */
    ov_app_state keys;
    char err[256];
    CHECK_MSG(ov_controls_init(&keys, cfg, err, sizeof err), "%s", err);
    ov_input in, kin;
    memset(&in, 0, sizeof in);
    memset(&kin, 0, sizeof kin);
    ov_test_draw(r, st, &in, NULL);
    int n = st->sc.scene.nruns;
    CHECK(n >= 1 && n == keys.sc.scene.nruns);
    double a0 = st->sc.scene.runs[0].params.alpha;
    ov_vec2 s0 = st->sc.scene.start;
    int x, y;
    centre(1280, 720, OV_STRIP_ALPHA_UP, &x, &y);

    /* Hidden: the tap starts the runs where it lands. */
    ov_controls_set_strip(st, false);
    tap(&in, st, x, y, 1280, 720);
    CHECK_MSG(st->sc.scene.start.x != s0.x || st->sc.scene.start.y != s0.y,
              "a tap with the strip hidden did not move the start");
    CHECK(st->sc.scene.runs[0].params.alpha == a0);
    ov_controls_set_start(st, s0);

    /* Shown: alpha x 1.25, as Up; the start stays. */
    ov_controls_set_strip(st, true);
    tap(&in, st, x, y, 1280, 720);
    ov_test_push_key(SDLK_UP, KMOD_NONE, false, true);
    ov_test_pump(&kin, &keys, 1280, 720);
    for (int i = 0; i < n; i++) {
        CHECK_MSG(st->sc.scene.runs[i].params.alpha == keys.sc.scene.runs[i].params.alpha,
                  "run %d: alpha %.17g after the tap, %.17g after Up", i,
                  st->sc.scene.runs[i].params.alpha, keys.sc.scene.runs[i].params.alpha);
    }
    CHECK_NEAR(st->sc.scene.runs[0].params.alpha, a0 * 1.25, 1e-12 * a0);
    CHECK(st->sc.scene.start.x == s0.x && st->sc.scene.start.y == s0.y);
    /* Twice as large a window (points), the same button: alpha / 1.25, as Down. */
    centre(2560, 1440, OV_STRIP_ALPHA_DOWN, &x, &y);
    tap(&in, st, x, y, 2560, 1440);
    CHECK_NEAR(st->sc.scene.runs[0].params.alpha, a0, 1e-12 * a0);
    CHECK(st->sc.scene.start.x == s0.x && st->sc.scene.start.y == s0.y);

    /* Play / pause as Space. */
    bool paused = st->anim.paused;
    centre(1280, 720, OV_STRIP_PLAY, &x, &y);
    tap(&in, st, x, y, 1280, 720);
    CHECK(st->anim.paused == !paused);
    tap(&in, st, x, y, 1280, 720);
    CHECK(st->anim.paused == paused);

    /* Next preset: 1, then 2. */
    centre(1280, 720, OV_STRIP_PRESET, &x, &y);
    ov_requests q = tap(&in, st, x, y, 1280, 720);
    CHECK_MSG(q.preset == 1, "first preset tap asked for %d", q.preset);
    q = tap(&in, st, x, y, 1280, 720);
    CHECK_MSG(q.preset == 2, "second preset tap asked for %d", q.preset);

    /* Help: opens its first page, as H. */
    centre(1280, 720, OV_STRIP_HELP, &x, &y);
    tap(&in, st, x, y, 1280, 720);
    CHECK(st->ui.show_help && st->ui.help_page == 0);
    ov_test_help_page(st, -1, OV_HELP_PAGES);
    ov_controls_deinit(&keys);
}

int main(void)
{
    ov_config cfg;
    ov_config_defaults(&cfg);
    ov_app_state st;
    char err[256];
    CHECK_MSG(ov_controls_init(&st, &cfg, err, sizeof err), "%s", err);
    ov_glwin win;
    ov_renderer *r = ov_app_test_open(&win, &st, 1280, 720);

    check_inside(1280, 720, OV_STRIP_MIN_PX);
    check_inside(1920, 1080, OV_STRIP_MIN_PX);
    check_inside(390, 844, 40);     /* a phone held upright, in points */
    check_inside(844, 390, 27);     /* on its side: 52 u */
    check_inside(1170, 2532, 132);  /* the same phone in pixels (3 per point) */
    /* Not over the run list, the status bar or the legend at 1280x720. */
    ov_controls_set_strip(&st, true);
    ov_hud_layout lay;
    ov_test_draw(r, &st, NULL, &lay);
    ov_strip_layout l;
    ov_touch_strip_layout(1280, 720, &l);
    const int parts[] = {OV_HUD_INFO, OV_HUD_STATUS, OV_HUD_LEGEND};
    for (int k = 0; k < 3; k++) {
        CHECK(lay.on[parts[k]]);
        for (int i = 0; i < OV_STRIP_BUTTONS; i++)
            CHECK_MSG(!overlap(l.box[i], lay.box[parts[k]]),
                      "button %d overlaps HUD part %d", i, parts[k]);
    }
    /* The layout scales with the frame: points and pixels agree. */
    ov_strip_layout l2;
    ov_touch_strip_layout(2560, 1440, &l2);
    for (int i = 0; i < OV_STRIP_BUTTONS; i++)
        CHECK(fabsf(l2.box[i].x - 2 * l.box[i].x) < 1e-3f && fabsf(l2.box[i].y - 2 * l.box[i].y) < 1e-3f &&
              fabsf(l2.box[i].w - 2 * l.box[i].w) < 1e-3f);

    const char *dir = getenv("OV_TMP");
    if (dir) {
        uint8_t *px = malloc((size_t)1280 * 720 * 4);
        CHECK(px != NULL);
        ov_hud_draw_frame(r, &st, NULL, NULL);
        CHECK(ov_renderer_read_rgba(r, px));
        char path[1024];
        snprintf(path, sizeof path, "%s/strip-1280x720.png", dir);
        CHECK_MSG(ov_png_write(path, px, 1280, 720, err, sizeof err), "%s", err);
        free(px);
    }
    check_taps(r, &st, &cfg);

    ov_renderer_destroy(r);
    ov_glwin_destroy(&win);
    ov_controls_deinit(&st);
    return ov_test_finish("test_app_strip");
}
