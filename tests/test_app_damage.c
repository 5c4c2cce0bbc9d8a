/* Frames redrawn in parts (the 2-D view in the window: only the rectangles
 * whose paths, markers or HUD items changed, over the kept contour image)
 * are pixel for pixel the frames drawn whole: an animation of 8 runs is
 * drawn frame by frame, each frame read back, then drawn again whole (the
 * damage forgotten) and compared. Every pixel that changed from one frame
 * to the next lies in the rectangles the renderer says changed (what the
 * window reads back). Most frames are drawn in parts (else nothing was
 * tested). The damage itself is checked on primitives whose rectangles
 * are worked out by hand. */
#include <stdlib.h>
#include <string.h>

#include "app/controls.h"
#include "ov_app_test.h"
#include "render/damage.h"
#include "render/renderer.h"

enum { W = 960, H = 540, FRAMES = 40 };

static ov_prim prim(uint64_t h, float x0, float y0, float x1, float y1)
{
    return (ov_prim){h, x0, y0, x1, y1, 0, 0};
}

/* One layer in, the other layer empty. */
static void frame(ov_damage *d, const ov_prim *p, int n)
{
    ov_prim *l = ov_damage_layer(d, 0, n);
    CHECK(l != NULL || n == 0);
    for (int i = 0; i < n; i++)
        l[i] = p[i];
    ov_damage_layer(d, 1, 0);
    ov_damage_compute(d, 640, 480, false);
}

static void check_damage_by_hand(void)
{
    ov_damage d;
    memset(&d, 0, sizeof d);
    const ov_prim a = prim(1, 10, 10, 20, 20), b = prim(2, 100, 100, 110, 110);
    const ov_prim moved = prim(3, 200, 200, 210, 210);
    const ov_prim first[] = {a, b};
    frame(&d, first, 2);
    CHECK_MSG(d.full, "the first frame is drawn whole");
    frame(&d, first, 2);
    CHECK_MSG(!d.full && d.nrect == 0, "nothing changed: no rectangle (full %d, %d)", d.full,
              d.nrect);
    /* b gone (tile 6: pixels 96..111), the new one in (200..209: tiles 12
     * and 13, pixels 192..223); a kept. */
    const ov_prim second[] = {a, moved};
    frame(&d, second, 2);
    CHECK_MSG(!d.full && d.nrect == 2, "two rectangles (full %d, %d)", d.full, d.nrect);
    bool old_b = false, new_one = false;
    for (int k = 0; k < d.nrect; k++) {
        ov_irect q = d.rect[k];
        old_b = old_b || (q.x == 96 && q.y == 96 && q.w == 16 && q.h == 16);
        new_one = new_one || (q.x == 192 && q.y == 192 && q.w == 32 && q.h == 32);
    }
    CHECK_MSG(old_b && new_one, "rectangles at 96,96 16x16 and 192,192 32x32");
    /* The same two, drawn in the other order: where they overlap the
     * pixels change, so both are damaged. */
    const ov_prim p = prim(4, 300, 300, 340, 340), q = prim(5, 320, 300, 360, 340);
    const ov_prim order1[] = {a, p, q}, order2[] = {a, q, p};
    frame(&d, order1, 3);
    frame(&d, order2, 3);
    CHECK_MSG(!d.full && d.nrect >= 1, "a change of order is damage (%d)", d.nrect);
    long area = 0;
    for (int k = 0; k < d.nrect; k++)
        area += (long)d.rect[k].w * d.rect[k].h;
    /* p and q cover tiles 18..22 x 18..21: 5 x 4 tiles of 256 px. */
    CHECK_MSG(area == 5 * 4 * 256, "order change covers both boxes: %ld px", area);
    /* Most of the frame changed: whole. */
    const ov_prim big[] = {prim(9, 0, 0, 600, 400)};
    frame(&d, big, 1);
    CHECK_MSG(d.full, "a change over most of the frame draws it whole");
    ov_damage_deinit(&d);
}

/* Whether every pixel that differs between a and b lies in one of the n
 * rectangles xywh. */
static long outside(const uint8_t *a, const uint8_t *b, const int *xywh, int n)
{
    long bad = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            size_t i = ((size_t)y * W + x) * 4;
            if (memcmp(a + i, b + i, 4) == 0)
                continue;
            bool in = false;
            for (int k = 0; k < n && !in; k++)
                in = x >= xywh[4 * k] && x < xywh[4 * k] + xywh[4 * k + 2] &&
                     y >= xywh[4 * k + 1] && y < xywh[4 * k + 1] + xywh[4 * k + 3];
            bad += !in;
        }
    return bad;
}

int main(void)
{
    check_damage_by_hand();

    ov_config cfg;
    ov_config_defaults(&cfg);
    static const ov_optim_kind kinds[8] = {OV_OPT_GD,      OV_OPT_MOMENTUM, OV_OPT_NESTEROV,
                                           OV_OPT_ADAM,    OV_OPT_RMSPROP,  OV_OPT_ADAGRAD,
                                           OV_OPT_ADADELTA, OV_OPT_RPROP};
    cfg.nruns = 8;
    for (int i = 0; i < 8; i++) {
        memset(&cfg.runs[i], 0, sizeof cfg.runs[i]);
        cfg.runs[i].kind = kinds[i];
    }
    cfg.steps = 2000;
    cfg.width = W;
    cfg.height = H;
    ov_app_state st;
    char err[1024];
    CHECK_MSG(ov_controls_init(&st, &cfg, err, sizeof err), "%s", err);
    ov_glwin win;
    ov_renderer *r = ov_app_test_open(&win, &st, W, H);
    uint8_t *parts = malloc((size_t)W * H * 4), *whole = malloc((size_t)W * H * 4);
    uint8_t *last = calloc((size_t)W * H * 4, 1);
    CHECK(parts && whole && last);
    int partial = 0, mismatched = 0, leaks = 0;
    int xywh[4 * OV_RENDER_DAMAGE_MAX];
    for (int f = 0; f < FRAMES && parts && whole && last; f++) {
        /* Steps as a 60 Hz window shows 2,000 steps in 10 s, then a jump
         * back (the whole paths change) and a pause. */
        ov_controls_seek(&st, f == 30 ? 100 : 3.3 * f + 200);
        ov_hud_draw_frame(r, &st, NULL, NULL);
        CHECK(ov_renderer_read_rgba(r, parts));
        int n = ov_renderer_damage(r, xywh, OV_RENDER_DAMAGE_MAX);
        if (n >= 0) {
            partial++;
            long bad = outside(last, parts, xywh, n);
            leaks += bad > 0;
            CHECK_MSG(bad == 0, "frame %d: %ld changed pixels outside its %d rectangles", f, bad,
                      n);
        }
        ov_damage_forget(&r->damage);
        ov_hud_draw_frame(r, &st, NULL, NULL);
        CHECK(ov_renderer_read_rgba(r, whole));
        CHECK_MSG(ov_renderer_damage(r, xywh, OV_RENDER_DAMAGE_MAX) == -1,
                  "a frame after the damage is forgotten is whole");
        long diff = 0;
        for (size_t i = 0; i < (size_t)W * H * 4; i++)
            diff += parts[i] != whole[i];
        mismatched += diff > 0;
        CHECK_MSG(diff == 0, "frame %d (%s): %ld bytes differ from the frame drawn whole", f,
                  n >= 0 ? "in parts" : "whole", diff);
        memcpy(last, whole, (size_t)W * H * 4);
    }
    CHECK_MSG(partial >= FRAMES / 2, "only %d of %d frames were drawn in parts", partial,
              FRAMES);
    printf("frames drawn in parts: %d of %d; differing from whole: %d; changes outside: %d\n",
           partial, FRAMES, mismatched, leaks);
    free(parts);
    free(whole);
    free(last);
    ov_renderer_destroy(r);
    ov_glwin_destroy(&win);
    ov_controls_deinit(&st);
    return ov_test_finish("test_app_damage");
}
