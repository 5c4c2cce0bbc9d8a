/* What the renderer keeps between frames stays bounded by what recent
 * frames use. The overlay queue: one frame of 40,000 items (what a 1-D view
 * of long runs queues) grows its arrays, and after 250 small frames (two
 * stretches of 120, the first of which may hold the large frame) they are
 * back to the floor of 1,024 items; frames of a steady size keep their
 * arrays (no reallocation per frame); a large frame after the shrink still
 * draws every item. The cached contour image: made at the frame's size,
 * dropped by a resize (it could not be used at another size), made again
 * at the new size by the next frame. Frames end with
 * ov_renderer_frame_done, as in the window. */
#include <stdlib.h>
#include <string.h>

#include "core/scene.h"
#include "ov_gl_test.h"
#include "ov_test.h"
#include "render/renderer.h"

enum { W = 256, H = 200 };

static const ov_rgba RED = {1.0f, 0.0f, 0.0f, 1.0f};

/* One frame of n one-pixel red squares, row by row from the top-left;
 * read back into img when img is not NULL. */
static void frame(ov_renderer *r, int n, uint8_t *img)
{
    ov_renderer_begin(r, NULL);
    for (int i = 0; i < n; i++)
        ov_renderer_rect(r, (float)(i % W), (float)(i / W), 1.0f, 1.0f, RED);
    ov_renderer_end(r);
    if (img)
        CHECK(ov_renderer_read_rgba(r, img));
    ov_renderer_frame_done(r);
}

/* Pixels among the first n (row by row) that are not red, and pixels
 * after them that are (the background is the dark grey of an empty frame). */
static int wrong_pixels(const uint8_t *img, int n)
{
    int bad = 0;
    for (int i = 0; i < W * H; i++) {
        const uint8_t *p = img + (size_t)i * 4;
        bool red = p[0] == 255 && p[1] == 0 && p[2] == 0;
        bad += (i < n) != red;
    }
    return bad;
}

/* The quadratic's contours in a 2-D view at the renderer's size: the
 * cached image follows the size, and a resize drops it. */
static void check_contour_cache(ov_renderer *r)
{
    ov_expr_error e;
    ov_scene sc;
    memset(&sc, 0, sizeof sc);
    sc.surface = ov_surface_create("quadratic", &e);
    CHECK(sc.surface != NULL);
    if (!sc.surface)
        return;
    char err[512];
    CHECK(ov_renderer_set_surface(r, sc.surface, err, sizeof err));
    const ov_contour *c = &r->contour;
    int sizes[3][2] = {{W, H}, {2 * W, 2 * H}, {W, H}};
    for (int i = 0; i < 3; i++) {
        char rerr[256];
        CHECK(ov_renderer_resize(r, sizes[i][0], sizes[i][1], rerr, sizeof rerr));
        if (i > 0)
            CHECK_MSG(c->cache_w == 0 && c->cache_h == 0, "kept %dx%d after a resize",
                      c->cache_w, c->cache_h);
        ov_view v;
        ov_view_desc vd = {.surface = sc.surface, .rect = {-4, 4, -2.5, 2.5},
                           .width = sizes[i][0], .height = sizes[i][1]};
        ov_view_build(&v, &vd, NULL);
        ov_frame_desc d = {.scene = &sc, .view = &v, .target_run = -1, .ui_scale = 1.0f};
        ov_renderer_begin(r, &d);
        ov_renderer_end(r);
        ov_renderer_frame_done(r);
        CHECK_MSG(c->cache_w == sizes[i][0] && c->cache_h == sizes[i][1],
                  "cache %dx%d for a %dx%d frame", c->cache_w, c->cache_h, sizes[i][0],
                  sizes[i][1]);
    }
    ov_surface_destroy(sc.surface);
}

int main(void)
{
    ov_gl_test t;
    if (!ov_gl_test_init(&t)) {
        CHECK(false);
        return ov_test_finish("test_render_memory");
    }
    ov_renderer *r = ov_gl_test_renderer(W, H);
    CHECK(r != NULL);
    uint8_t *img = malloc((size_t)W * H * 4);
    CHECK(img != NULL);
    if (r && img) {
        const ov_overlay *o = &r->overlay;
        /* 40,000 items: 6 vertices of 8 floats each. */
        frame(r, 40000, img);
        CHECK_MSG(wrong_pixels(img, 40000) == 0, "%d pixels wrong", wrong_pixels(img, 40000));
        CHECK(o->cap >= 40000);
        CHECK(o->verts_cap >= (size_t)40000 * 6 * 8);

        /* 250 frames of 10 items: at least one whole 120-frame stretch in
         * which no frame came near a quarter of the arrays. */
        for (int f = 0; f < 250; f++)
            frame(r, 10, NULL);
        CHECK_MSG(o->cap <= 1024, "items kept: %d", o->cap);
        CHECK_MSG(o->verts_cap <= (size_t)1024 * 6 * 8, "vertex floats kept: %zu",
                  o->verts_cap);

        /* A steady 3,000 items a frame: the arrays grow once, then keep
         * their size and place for 300 frames. */
        frame(r, 3000, NULL);
        int cap = o->cap;
        size_t vcap = o->verts_cap;
        const void *items = o->items, *verts = o->verts;
        int changed = 0;
        for (int f = 0; f < 300; f++) {
            frame(r, 3000, NULL);
            changed += o->cap != cap || o->verts_cap != vcap || (const void *)o->items != items ||
                       (const void *)o->verts != verts;
        }
        CHECK_MSG(changed == 0, "arrays reallocated in %d of 300 steady frames", changed);
        CHECK(cap >= 3000);

        /* Grown again after the shrink, every item is drawn. */
        for (int f = 0; f < 130; f++)
            frame(r, 10, NULL);
        frame(r, 20000, img);
        CHECK_MSG(wrong_pixels(img, 20000) == 0, "%d pixels wrong", wrong_pixels(img, 20000));
        frame(r, 10, img);
        CHECK_MSG(wrong_pixels(img, 10) == 0, "%d pixels wrong", wrong_pixels(img, 10));
        check_contour_cache(r);
    }
    free(img);
    ov_renderer_destroy(r);
    ov_gl_test_deinit(&t);
    return ov_test_finish("test_render_memory");
}
