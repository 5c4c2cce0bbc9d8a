/* Contour drafts (the window's progressive contours): with drafts on, a
 * frame whose contours changed shows them at half resolution, every 2 x 2
 * block one colour, close to the full image; the next frame with no change
 * draws them in full, pixel for pixel the image a renderer without drafts
 * draws; a change every frame gives a draft every frame; without drafts
 * (exports) there are none. Counted, not timed. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/scene.h"
#include "ov_gl_test.h"
#include "ov_test.h"

enum { W = 320, H = 200 };

static const ov_view *view_of(ov_view *buf, const ov_scene *sc)
{
    ov_view_desc d = {.surface = sc->surface, .rect = sc->view, .width = W, .height = H};
    ov_view_build(buf, &d, NULL);
    return buf;
}

/* The contours alone (no runs, no HUD) into img. */
static void draw(ov_renderer *r, ov_scene *sc, uint8_t *img)
{
    ov_view v;
    ov_frame_desc d = {.scene = sc, .view = view_of(&v, sc), .target_run = -1,
                       .ui_scale = 1.0f};
    ov_renderer_begin(r, &d);
    ov_renderer_end(r);
    CHECK(ov_renderer_read_rgba(r, img));
}

/* Pixels of a 2 x 2 block that differ from the block's first. */
static long uneven_blocks(const uint8_t *img)
{
    long n = 0;
    for (int y = 0; y < H; y += 2)
        for (int x = 0; x < W; x += 2) {
            const uint8_t *p = img + ((size_t)y * W + x) * 4;
            n += memcmp(p, p + 4, 4) != 0 || memcmp(p, p + (size_t)W * 4, 4) != 0 ||
                 memcmp(p, p + (size_t)W * 4 + 4, 4) != 0;
        }
    return n;
}

static double mean_diff(const uint8_t *a, const uint8_t *b)
{
    double sum = 0;
    for (long i = 0; i < (long)W * H * 4; i++)
        sum += abs(a[i] - b[i]);
    return sum / ((double)W * H * 4);
}

int main(void)
{
    ov_gl_test t;
    if (!ov_gl_test_init(&t)) {
        CHECK_MSG(false, "no GL context");
        return ov_test_finish("test_render_draft");
    }
    ov_renderer *r = ov_gl_test_renderer(W, H), *plain = ov_gl_test_renderer(W, H);
    ov_scene sc;
    memset(&sc, 0, sizeof sc);
    ov_expr_error e;
    /* a formula: no known minima, so no marker is drawn over the contours */
    sc.surface = ov_surface_create("x^2 + 3*y^2 + x*y", &e);
    sc.view = (ov_rect){-4, 4, -2.5, 2.5};
    uint8_t *a = malloc((size_t)W * H * 4), *b = malloc((size_t)W * H * 4);
    char err[512];
    CHECK(r && plain && sc.surface && a && b);
    if (r && plain && sc.surface && a && b) {
        CHECK(ov_renderer_set_surface(r, sc.surface, err, sizeof err));
        CHECK(ov_renderer_set_surface(plain, sc.surface, err, sizeof err));
        ov_renderer_set_drafts(r, true);
        /* the first frame is a change too */
        draw(r, &sc, a);
        CHECK(ov_renderer_draft_pending(r));
        /* zoomed in: a draft, blocky, near the full image */
        sc.view = (ov_rect){-3, 3, -2, 2};
        draw(r, &sc, a);
        CHECK(ov_renderer_draft_pending(r));
        CHECK_MSG(uneven_blocks(a) == 0, "%ld blocks of the draft are not one colour",
                  uneven_blocks(a));
        draw(plain, &sc, b);
        CHECK(!ov_renderer_draft_pending(plain));
        CHECK_MSG(uneven_blocks(b) > 1000, "the full image is blocky: %ld", uneven_blocks(b));
        double md = mean_diff(a, b);
        CHECK_MSG(md < 6.0, "draft differs from the full image by %.2f on average", md);
        /* no change: finished in full, the same image as without drafts */
        draw(r, &sc, a);
        CHECK(!ov_renderer_draft_pending(r));
        CHECK_MSG(memcmp(a, b, (size_t)W * H * 4) == 0, "the finished frame differs");
        /* and kept: the frame after is the same, no draft */
        draw(r, &sc, a);
        CHECK(!ov_renderer_draft_pending(r) && memcmp(a, b, (size_t)W * H * 4) == 0);
        /* a change every frame: a draft every frame */
        for (int i = 0; i < 4; i++) {
            sc.view.x0 += 0.1;
            draw(r, &sc, a);
            CHECK(ov_renderer_draft_pending(r) && uneven_blocks(a) == 0);
        }
        ov_renderer_set_drafts(r, false);
        sc.view.x1 += 0.1;
        draw(r, &sc, a);
        CHECK(!ov_renderer_draft_pending(r));
    }
    free(a);
    free(b);
    ov_surface_destroy(sc.surface);
    ov_renderer_destroy(r);
    ov_renderer_destroy(plain);
    ov_gl_test_deinit(&t);
    return ov_test_finish("test_render_draft");
}
