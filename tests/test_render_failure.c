/* A frame whose shader fails to build is not drawn with the program of an
 * earlier formula: ov_renderer_begin returns false, says why through
 * ov_renderer_error ("the shader for this formula failed to build: <the
 * compiler's error line>"), and the FBO shows the last good frame's surface
 * picture pixel for pixel (its contours, or its 3-D surface), without that
 * frame's path and overlay, however many failed frames follow (their
 * overlays do not pile up). A failed formula is not built again on every
 * frame; the next formula that builds clears the error. The same for the
 * 3-D surface's program; the background for a failure before any good
 * frame or after a resize; and ov_renderer_set_surface says the same. A
 * build is made to fail the way a driver's compiler fails it: a "#error"
 * line put after the loss function through the test hook of the contour
 * and mesh modules. */
#include <stdlib.h>
#include <string.h>

#include "core/surface_objective.h"
#include "core/run.h"
#include "core/scene.h"
#include "ov_gl_test.h"
#include "ov_test.h"
#include "render/renderer.h"

enum { W = 160, H = 100 };

static const char BROKEN[] = "#error injected by test_render_failure\n";
static const char SAYS[] = "the shader for this formula failed to build: ";

typedef struct fixture {
    ov_scene sc;
    ov_view view;
    ov_frame_desc d;
} fixture;

/* A scene of formula with no runs, viewed over [-2, 2] x [-1.25, 1.25],
 * in 3-D when lift is 1. */
static bool make(fixture *f, const char *formula, double lift)
{
    memset(f, 0, sizeof *f);
    ov_expr_error e;
    f->sc.surface = ov_surface_create(formula, &e);
    if (!f->sc.surface)
        return false;
    ov_view_desc vd = {.surface = f->sc.surface, .rect = {-2, 2, -1.25, 1.25}, .width = W,
                       .height = H, .stretch = lift == 0.0, .lift = lift,
                       .camera = ov_camera_default()};
    ov_view_build(&f->view, &vd, NULL);
    f->d = (ov_frame_desc){.scene = &f->sc, .view = &f->view, .target_run = -1,
                           .ui_scale = 1.0f};
    return true;
}

/* Adds a gradient-descent run from (-1.5, 0.8), 30 steps. */
static bool add_run(fixture *f)
{
    ov_optim_params p;
    ov_optim_defaults(OV_OPT_GD, &p);
    p.alpha = 0.1;
    ov_run_init(&f->sc.runs[0], &p);
    f->sc.nruns = 1;
    f->sc.start = (ov_vec2){-1.5, 0.8};
    f->sc.steps = 30;
    f->d.anim_step = 1e9;
    return ov_run_compute_surface(&f->sc.runs[0], f->sc.surface, f->sc.start, 30);
}

static void unmake(fixture *f)
{
    for (int i = 0; i < f->sc.nruns; i++)
        ov_run_deinit(&f->sc.runs[i]);
    ov_surface_destroy(f->sc.surface);
}

static const ov_rgba BOX = {1.0f, 1.0f, 1.0f, 0.5f};

/* Draws f's frame with a half-transparent white box on top when box;
 * returns begin's status, reads the frame into img. */
static bool draw(ov_renderer *r, fixture *f, bool box, uint8_t *img)
{
    bool ok = ov_renderer_begin(r, &f->d);
    if (box)
        ov_renderer_rect(r, 10.0f, 20.0f, 30.0f, 40.0f, BOX);
    bool ended = ov_renderer_end(r);
    CHECK(ended == ok);
    CHECK(ov_renderer_read_rgba(r, img));
    return ok;
}

static bool starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static int differing(const uint8_t *a, const uint8_t *b)
{
    int n = 0;
    for (int i = 0; i < W * H; i++)
        n += memcmp(a + 4 * i, b + 4 * i, 4) != 0;
    return n;
}

/* The 2-D contour program: good frame, failing frames, recovery. */
static void check_contour(ov_renderer *r)
{
    static uint8_t bare[W * H * 4], full[W * H * 4], img[W * H * 4], img2[W * H * 4];
    fixture a, b, c;
    bool made = make(&a, "x^2 + 3*y^2", 0.0) && make(&b, "x^2 + 3*y^2 + x*y", 0.0) &&
                make(&c, "(x - 1)^2 + y^2", 0.0);
    CHECK(made);
    if (!made)
        return;
    /* A's contours alone, then the good frame: A with a run and a box. */
    CHECK(draw(r, &a, false, bare));
    CHECK(add_run(&a));
    CHECK(draw(r, &a, true, full));
    CHECK_MSG(strcmp(ov_renderer_error(r), "") == 0, "error after a good frame: %s",
              ov_renderer_error(r));
    CHECK_MSG(differing(full, bare) > 200, "the run and box change %d pixels only",
              differing(full, bare));

    /* B's program fails: nothing of B is drawn; A's contours show. */
    r->contour.test_glsl = BROKEN;
    CHECK(!draw(r, &b, false, img));
    const char *why = ov_renderer_error(r);
    CHECK_MSG(starts_with(why, SAYS) && strstr(why, "injected by test_render_failure"),
              "error: \"%s\"", why);
    CHECK_MSG(differing(img, bare) == 0, "%d pixels differ from A's contours after a failure",
              differing(img, bare));

    /* Failed frames with the box on top: each shows A's contours under one
     * box, never boxes piled up. */
    for (int k = 0; k < 3; k++)
        CHECK(!draw(r, &b, true, k == 0 ? img : img2));
    CHECK_MSG(differing(img, img2) == 0, "%d pixels differ between failed frames 1 and 3",
              differing(img, img2));
    int bad_in = 0, bad_out = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            const uint8_t *p = img + ((size_t)y * W + x) * 4, *g = bare + ((size_t)y * W + x) * 4;
            bool in = x >= 10 && x < 40 && y >= 20 && y < 60;
            for (int ch = 0; ch < 3; ch++) {
                /* white at alpha 0.5 over g: 127.5 + g / 2 */
                int want = in ? (int)(127.5 + g[ch] * 0.5 + 0.5) : g[ch];
                if (abs(p[ch] - want) > (in ? 2 : 0)) {
                    bad_in += in;
                    bad_out += !in;
                }
            }
        }
    CHECK_MSG(bad_in == 0 && bad_out == 0,
              "failed frame: %d channels wrong under the box, %d outside", bad_in, bad_out);

/* The failed formula is not built again every frame: with the hook
     * gone it still fails, until another formula has been built. */
    r->contour.test_glsl = NULL;
    CHECK(!draw(r, &b, false, img));
    CHECK(draw(r, &c, false, img));
    CHECK_MSG(strcmp(ov_renderer_error(r), "") == 0, "error after recovering: %s",
              ov_renderer_error(r));
    CHECK_MSG(differing(img, bare) > W * H / 4, "C's frame differs from A's in %d pixels only",
              differing(img, bare));
    CHECK(ov_renderer_begin(r, &b.d));
    ov_renderer_end(r);

    /* ov_renderer_set_surface says the same. */
    r->contour.test_glsl = BROKEN;
    char err[600];
    CHECK(!ov_renderer_set_surface(r, a.sc.surface, err, sizeof err));
    CHECK_MSG(starts_with(err, SAYS) && strcmp(err, ov_renderer_error(r)) == 0, "err \"%s\"",
              err);
    r->contour.test_glsl = NULL;
    unmake(&a);
    unmake(&b);
    unmake(&c);
}

/* The 3-D surface's program fails while the contour program builds. */
static void check_mesh(ov_renderer *r)
{
    static uint8_t bare[W * H * 4], full[W * H * 4], img[W * H * 4];
    fixture a, b;
    bool made = make(&a, "x^2 + 2*y^2", 1.0) && make(&b, "x^2 + 2*y^2 - x*y/2", 1.0);
    CHECK(made);
    if (!made)
        return;
    CHECK(draw(r, &a, false, bare));
    CHECK(add_run(&a));
    CHECK(draw(r, &a, true, full));
    CHECK_MSG(differing(full, bare) > 200, "the run and box change %d pixels only",
              differing(full, bare));
    r->mesh.test_glsl = BROKEN;
    CHECK(!draw(r, &b, false, img));
    const char *why = ov_renderer_error(r);
    CHECK_MSG(starts_with(why, SAYS) && strstr(why, "injected by test_render_failure"),
              "error: \"%s\"", why);
    CHECK_MSG(differing(img, bare) == 0, "%d pixels differ from A's surface after a failure",
              differing(img, bare));
    r->mesh.test_glsl = NULL;
    unmake(&a);
    unmake(&b);
}

/* Pixels that are not the background colour (0.12, 0.12, 0.14). */
static int not_background(const uint8_t *img)
{
    int bad = 0;
    for (int i = 0; i < W * H; i++)
        bad += img[4 * i] != 31 || img[4 * i + 1] != 31 || img[4 * i + 2] != 36;
    return bad;
}

/* A renderer whose very first frame fails shows the background, not
 * whatever the new FBO held; so does a failure after a resize (the kept
 * picture has the old size). */
static void check_no_picture(ov_renderer *r)
{
    static uint8_t img[W * H * 4];
    fixture a, b;
    bool made = make(&a, "x^2 + 5*y^2", 0.0) && make(&b, "x^2 + 5*y^2 + y", 0.0);
    CHECK(made);
    if (!made)
        return;
    r->contour.test_glsl = BROKEN;
    CHECK(!draw(r, &a, false, img));
    CHECK_MSG(not_background(img) == 0, "first frame: %d pixels are not the background",
              not_background(img));
    r->contour.test_glsl = NULL;
    fixture a2;
    CHECK(make(&a2, "x^2 + 5*y^2 - y", 0.0));
    CHECK(draw(r, &a2, false, img));
    char err[256];
    CHECK(ov_renderer_resize(r, W + 20, H, err, sizeof err));
    CHECK(ov_renderer_resize(r, W, H, err, sizeof err));
    r->contour.test_glsl = BROKEN;
    CHECK(!draw(r, &b, false, img));
    CHECK_MSG(not_background(img) == 0, "after a resize: %d pixels are not the background",
              not_background(img));
    r->contour.test_glsl = NULL;
    unmake(&a);
    unmake(&a2);
    unmake(&b);
}

/* In the window (drafts on) a changed picture is shown as a draft and
 * finished by the next frame; a frame that fails leaves nothing pending, or
 * the window would draw frame after frame while the formula stays broken. */
static void check_draft(ov_renderer *r)
{
    static uint8_t img[W * H * 4];
    fixture a, b;
    bool made = make(&a, "x^2 + 4*y^2", 0.0) && make(&b, "x^2 + 4*y^2 + x", 0.0);
    CHECK(made);
    if (!made)
        return;
    ov_renderer_set_drafts(r, true);
    CHECK(draw(r, &a, false, img));
    CHECK(ov_renderer_draft_pending(r));
    r->contour.test_glsl = BROKEN;
    CHECK(!draw(r, &b, false, img));
    CHECK(!ov_renderer_draft_pending(r));
    r->contour.test_glsl = NULL;
    ov_renderer_set_drafts(r, false);
    unmake(&a);
    unmake(&b);
}

int main(void)
{
    ov_gl_test t;
    if (!ov_gl_test_init(&t)) {
        CHECK_MSG(false, "no GL context");
        return ov_test_finish("test_render_failure");
    }
    ov_renderer *r = ov_gl_test_renderer(W, H);
    CHECK(r != NULL);
    if (r) {
        check_contour(r);
        check_mesh(r);
    }
    ov_renderer_destroy(r);
    r = ov_gl_test_renderer(W, H);
    CHECK(r != NULL);
    if (r) {
        check_no_picture(r);
        check_draft(r);
    }
    ov_renderer_destroy(r);
    ov_gl_test_deinit(&t);
    return ov_test_finish("test_render_failure");
}
