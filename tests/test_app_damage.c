/* Frames redrawn in parts (the 2-D view in the window: only the rectangles
 * whose paths, markers or HUD items changed, over the kept contour image)
 * are pixel for pixel the frames drawn whole: an animation of 8 runs is
 * drawn frame by frame, each frame read back, then drawn again whole (the
 * damage forgotten) and compared. Every pixel that changed from one frame
 * to the next lies in the rectangles the renderer says changed (what the
 * window reads back), and no two of them overlap. Most frames are drawn
 * in parts (else nothing was tested). The damage itself is checked on primitives whose rectangles
 * are worked out by hand, and a text whose string changed at the same place
 * damages only the tiles where its pixels changed: by hand, and for a real
 * text whose last digit changed (the damage starts past the measured width
 * of the unchanged prefix). */
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
    /* Many scattered changes, merged down to OV_DAMAGE_RECTS rectangles:
     * none overlaps another (a union made by a merge may reach into a third
     * one; those are united). Boxes from a fixed linear congruential
     * sequence, 40 to a frame, over 20 frames. */
    uint32_t seed = 12345;
    int overlapping = 0, merged = 0;
    for (int f = 0; f < 20; f++) {
        ov_prim many[40];
        for (int i = 0; i < 40; i++) {
            float rnd[4];
            for (int c = 0; c < 4; c++) {
                seed = seed * 1664525u + 1013904223u;
                rnd[c] = (float)(seed >> 8) / 16777216.0f;
            }
            float x = rnd[0] * 600, y = rnd[1] * 440, w = 4 + rnd[2] * 30, h = 4 + rnd[3] * 30;
            many[i] = prim(1000u + (uint64_t)f * 100u + (uint64_t)i, x, y, x + w, y + h);
        }
        frame(&d, many, 40);
        frame(&d, many, 0);   /* all 40 gone: their boxes are the damage */
        if (d.full)
            continue;
        merged += d.nrect == OV_DAMAGE_RECTS;
        for (int s = 0; s < d.nrect; s++)
            for (int t = s + 1; t < d.nrect; t++) {
                ov_irect u = d.rect[s], v = d.rect[t];
                overlapping += u.x < v.x + v.w && v.x < u.x + u.w && u.y < v.y + v.h &&
                               v.y < u.y + u.h;
            }
    }
    CHECK_MSG(merged > 0, "some frames were merged down to %d rectangles", OV_DAMAGE_RECTS);
    CHECK_MSG(overlapping == 0, "%d pairs of damaged rectangles overlap", overlapping);
    /* Most of the frame changed: whole. */
    const ov_prim big[] = {prim(9, 0, 0, 600, 400)};
    frame(&d, big, 1);
    CHECK_MSG(d.full, "a change over most of the frame draws it whole");
    ov_damage_deinit(&d);
}

/* Primitives described tile by tile (a text at a place): the tiles whose
 * hashes differ are the damage, not the whole box. */
static void check_tiles_by_hand(void)
{
    ov_damage d;
    memset(&d, 0, sizeof d);
    /* A text over tile columns 2..5 of tile row 1 (pixels 32..95, 16..31). */
    const float box[4] = {33, 17, 95, 31};
    int span[4];
    CHECK(ov_damage_span(box[0], box[1], box[2], box[3], span) == 4);
    CHECK_MSG(span[0] == 2 && span[1] == 5 && span[2] == 1 && span[3] == 1,
              "span %d..%d x %d..%d", span[0], span[1], span[2], span[3]);
    uint64_t hashes[2][5] = {{11, 12, 13, 14, 0}, {11, 12, 99, 14, 15}};
    for (int f = 0; f < 4; f++) {
        /* f 0: first; 1: the same; 2: tile 4 (pixels 64..79) differs; 3: the
         * box grows by a tile (pixels 96..111) and tile 4 is back. */
        int which = f == 2 ? 1 : 0;
        float x1 = f == 3 ? 111 : box[2];
        ov_prim *l = ov_damage_layer(&d, 1, 1);
        CHECK(l != NULL);
        ov_damage_layer(&d, 0, 0);
        int n = ov_damage_span(box[0], box[1], x1, box[3], span);
        int off = ov_damage_tiles(&d, 1, n);
        CHECK(off >= 0);
        uint64_t *t = ov_damage_tile_at(&d, 1, off);
        for (int k = 0; k < n; k++)
            t[k] = f == 3 ? hashes[1][k] + (k == 2 ? -86u : 0u) : hashes[which][k];
        l[0] = (ov_prim){1000u * (unsigned)(f + 1), box[0], box[1], x1, box[3], 7, off + 1};
        ov_damage_compute(&d, 640, 480, false);
        if (f == 0)
            continue;
        long area = 0;
        int x0 = 1 << 30, xe = 0;
        for (int k = 0; k < d.nrect; k++) {
            area += (long)d.rect[k].w * d.rect[k].h;
            x0 = d.rect[k].x < x0 ? d.rect[k].x : x0;
            xe = d.rect[k].x + d.rect[k].w > xe ? d.rect[k].x + d.rect[k].w : xe;
        }
        CHECK_MSG(!d.full, "frame %d is not whole", f);
        if (f == 1)
            CHECK_MSG(area == 0, "every tile's pixels the same: no damage (%ld px)", area);
        else if (f == 2)
            CHECK_MSG(area == 256 && x0 == 64 && xe == 80,
                      "one tile changed: 64..79 damaged (%ld px, %d..%d)", area, x0, xe);
        else
            CHECK_MSG(area == 512 && x0 == 64 && xe == 112,
                      "tile 4 back and tile 6 new: 64..79 and 96..111 (%ld px, %d..%d)", area,
                      x0, xe);
    }
    /* Another place (a colour changed): the whole boxes. */
    ov_prim *l = ov_damage_layer(&d, 1, 1);
    ov_damage_layer(&d, 0, 0);
    int n = ov_damage_span(box[0], box[1], box[2], box[3], span);
    int off = ov_damage_tiles(&d, 1, n);
    uint64_t *t = ov_damage_tile_at(&d, 1, off);
    for (int k = 0; k < n; k++)
        t[k] = hashes[0][k];
    l[0] = (ov_prim){9000, box[0], box[1], box[2], box[3], 8, off + 1};
    ov_damage_compute(&d, 640, 480, false);
    long area = 0;
    for (int k = 0; k < d.nrect; k++)
        area += (long)d.rect[k].w * d.rect[k].h;
    CHECK_MSG(area == 5 * 256, "another place: both boxes, tiles 2..6 (%ld px)", area);
    ov_damage_deinit(&d);
}

/* A real text whose last digit changed: its tiles before the digit are not
 * damaged. The text is queued at x = 32 and its prefix measured by the
 * text cache (not from the damage). */
static void check_text_tiles(ov_renderer *r)
{
    const char *a = "step 1234   L = 0.5", *b = "step 1239   L = 0.5";
    const float size = 24.0f;
    int pw, ph;
    ov_text_measure(&r->text, "step 123", size, &pw, &ph);
    CHECK_MSG(pw > 64, "the prefix is wider than four tiles (%d px)", pw);
    ov_damage d;
    memset(&d, 0, sizeof d);
    long area = 0;
    int x0 = 1 << 30, xe = 0;
    for (int f = 0; f < 2; f++) {
        ov_overlay_clear(&r->overlay);
        ov_overlay_text(&r->overlay, 32, 40, size, (ov_rgba){1, 1, 1, 1}, f ? b : a);
        CHECK(ov_overlay_prepare(&r->overlay, &r->text) == 1);
        float bx[4];
        ov_overlay_item_box(&r->overlay, 0, bx);
        ov_prim *l = ov_damage_layer(&d, 1, 1);
        ov_damage_layer(&d, 0, 0);
        int span[4];
        int n = ov_damage_span(bx[0] - 1, bx[1] - 1, bx[2] + 1, bx[3] + 1, span);
        int off = ov_damage_tiles(&d, 1, n);
        CHECK(l && off >= 0);
        uint64_t place = 0;
        CHECK(ov_overlay_text_tiles(&r->overlay, &r->text, 0, span, &place,
                                    ov_damage_tile_at(&d, 1, off)));
        l[0] = (ov_prim){1000u * (f + 1u), bx[0] - 1, bx[1] - 1, bx[2] + 1, bx[3] + 1, place, off + 1};
        ov_damage_compute(&d, W, H, false);
    }
    for (int k = 0; k < d.nrect; k++) {
        area += (long)d.rect[k].w * d.rect[k].h;
        x0 = d.rect[k].x < x0 ? d.rect[k].x : x0;
        xe = d.rect[k].x + d.rect[k].w > xe ? d.rect[k].x + d.rect[k].w : xe;
    }
    /* The changed digit starts at 32 + pw and is one digit wide (less than
     * 32 px at 24 px): its tiles, and no tile wholly before the prefix's
     * last 16 px. */
    CHECK_MSG(!d.full && d.nrect >= 1, "the changed digit is damaged (%d rectangles)", d.nrect);
    CHECK_MSG(x0 <= 32 + pw && xe > 32 + pw, "the damage %d..%d holds the digit at %d", x0, xe,
              32 + pw);
    CHECK_MSG(x0 >= 32 + pw - 16 - 1 - 16, "nothing well before the digit is damaged (from %d)",
              x0);
    CHECK_MSG(xe <= 32 + pw + 32 + 16 + 1 + 16, "nothing well after it (to %d)", xe);
    ov_overlay_clear(&r->overlay);
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
    check_tiles_by_hand();
    check_text_tiles(r);
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
            int overlaps = 0;
            for (int a = 0; a < n; a++)
                for (int b = a + 1; b < n; b++) {
                    const int *p = xywh + 4 * a, *q = xywh + 4 * b;
                    overlaps += p[0] < q[0] + q[2] && q[0] < p[0] + p[2] &&
                                p[1] < q[1] + q[3] && q[1] < p[1] + p[3];
                }
            CHECK_MSG(overlaps == 0, "frame %d: %d pairs of rectangles overlap", f, overlaps);
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
