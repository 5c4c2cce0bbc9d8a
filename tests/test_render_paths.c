/* Tests of the path pass's thinning and caching, counted rather than timed:
 * a run that repeats the same two points 200,000 times draws the same image
 * with the same number of capsules as its first three steps; an animation
 * fed frame by frame feeds each iterate once, a frame that shows nothing new
 * feeds none, and its last frame equals the whole run drawn at once. The
 * frame read back for a window image (BGRA, padded rows) equals the RGBA one.
 * A non-finite number handed to the path pass or the overlay is counted in
 * the stats, exactly once per frame, and never drawn: a run ends before a
 * non-finite iterate with its X, like a run the core found diverged. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/surface_objective.h"
#include "core/scene.h"
#include "ov_gl_test.h"
#include "ov_test.h"

enum { W = 480, H = 320 };

/* One run of kind with step size alpha on the quadratic (kappa, theta 0)
 * from start, steps steps, in the view [-4, 4] x [-2.5, 2.5]. */
static bool build(ov_scene *sc, double kappa, ov_optim_kind kind, double alpha,
                  ov_vec2 start, int steps)
{
    memset(sc, 0, sizeof *sc);
    ov_expr_error e;
    sc->surface = ov_surface_create("quadratic", &e);
    if (!sc->surface || !ov_surface_set_param(sc->surface, "kappa", kappa) ||
        !ov_surface_set_param(sc->surface, "theta", 0.0))
        return false;
    sc->start = start;
    sc->steps = steps;
    sc->view = (ov_rect){-4, 4, -2.5, 2.5};
    ov_optim_params p;
    ov_optim_defaults(kind, &p);
    p.alpha = alpha;
    ov_run_init(&sc->runs[0], &p);
    sc->nruns = 1;
    return ov_run_compute_surface(&sc->runs[0], sc->surface, start, steps);
}

/* The 2-D view of sc's rectangle at the test's size. */
static const ov_view *view_of(ov_view *buf, const ov_scene *sc)
{
    ov_view_desc d = {.surface = sc->surface, .rect = sc->view, .width = W, .height = H};
    ov_view_build(buf, &d, NULL);
    return buf;
}

static void unbuild(ov_scene *sc)
{
    ov_run_deinit(&sc->runs[0]);
    ov_surface_destroy(sc->surface);
}

/* Draws d, reads it back into img, returns the last frame's stats. */
static ov_render_stats draw(ov_renderer *r, const ov_frame_desc *d, uint8_t *img)
{
    ov_renderer_begin(r, d);
    ov_renderer_end(r);
    CHECK(ov_renderer_read_rgba(r, img));
    ov_render_stats st;
    ov_renderer_stats(r, &st);
    return st;
}

static long differing(const uint8_t *a, const uint8_t *b)
{
    long n = 0;
    for (long i = 0; i < (long)W * H * 4; i++)
        n += a[i] != b[i];
    return n;
}

/* kappa 1: L = (x^2 + y^2) / 2, so GD with alpha 2 maps w to -w exactly:
 * the run jumps between (2.5, 1.2) and (-2.5, -1.2) for ever. */
static void check_oscillation(ov_renderer *r, uint8_t *a, uint8_t *b)
{
    ov_scene few, many;
    bool ok = build(&few, 1.0, OV_OPT_GD, 2.0, (ov_vec2){2.5, 1.2}, 3) &&
              build(&many, 1.0, OV_OPT_GD, 2.0, (ov_vec2){2.5, 1.2}, 200001);
    CHECK(ok);
    if (ok) {
        CHECK(few.runs[0].n == 4 && many.runs[0].n == 200002);
        CHECK(many.runs[0].x[200001] == -2.5 && many.runs[0].y[200001] == -1.2);
        char err[512];
        CHECK(ov_renderer_set_surface(r, few.surface, err, sizeof err));
        ov_view view;
        ov_frame_desc d = {.scene = &few, .view = view_of(&view, &few), .anim_step = 1e9,
                           .target_run = -1, .ui_scale = 1.0f};
        ov_render_stats s3 = draw(r, &d, a);
        d.scene = &many;
        ov_render_stats sn = draw(r, &d, b);
        CHECK_MSG(sn.path_capsules == s3.path_capsules, "%ld capsules for 200,001 steps, %ld for 3",
                  sn.path_capsules, s3.path_capsules);
        /* the start's ring (2), the minimum's star (3 arms, 2 layers), per
         * layer the one segment and the tail (of zero length; no partial
         * step at the end), the two dots, and the head: its shape as rows
         * of capsules in three layers (outline, white ring, colour), a few
         * dozen at this size */
        CHECK_MSG(s3.path_capsules >= 2 + 6 + 2 * (1 + 1) + 2 + 3 * 5 &&
                      s3.path_capsules <= 2 + 6 + 2 * (1 + 1) + 2 + 3 * 24,
                  "%ld capsules", s3.path_capsules);
        long diff = differing(a, b);
        CHECK_MSG(diff == 0, "%ld bytes differ", diff);
        CHECK(sn.path_points_fed == 200002);
        /* drawn again, nothing new: nothing fed */
        sn = draw(r, &d, b);
        CHECK(sn.path_points_fed == 0 && sn.path_capsules == s3.path_capsules);
    }
    unbuild(&few);
    unbuild(&many);
}

/* Momentum on kappa 10 spirals in: an animation in uneven frames feeds every
 * iterate once and ends on the image of the whole run drawn at once. */
static void check_incremental(ov_renderer *r, uint8_t *a, uint8_t *b)
{
    ov_scene sc;
    bool ok = build(&sc, 10.0, OV_OPT_MOMENTUM, 0.05, (ov_vec2){-3.2, 1.8}, 3000);
    CHECK(ok);
    if (ok) {
        char err[512];
        CHECK(ov_renderer_set_surface(r, sc.surface, err, sizeof err));
        ov_view view;
        ov_frame_desc d = {.scene = &sc, .view = view_of(&view, &sc), .anim_step = 0.0,
                           .target_run = -1, .ui_scale = 1.0f};
        static const double steps[] = {0.0, 0.4, 1.0, 7.5, 7.5, 60.25, 61.0, 800.9, 2999.0};
        long fed = 0, expect = 0;
        int shown = 0;
        for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
            d.anim_step = steps[i];
            ov_render_stats s = draw(r, &d, a);
            /* whole iterates shown: floor(step) + 1 */
            int now = (int)steps[i] + 1;
            expect += now - shown;
            CHECK_MSG(s.path_points_fed == now - shown, "frame %zu fed %ld, expected %d", i,
                      s.path_points_fed, now - shown);
            shown = now;
            fed += s.path_points_fed;
        }
        CHECK(fed == expect && fed == 3000);
        /* the animation went back: rebuilt from the start (1 iterate fed),
         * then on to the last iterate (the other 3000) */
        d.anim_step = 0.0;
        ov_render_stats s = draw(r, &d, b);
        CHECK(s.path_points_fed == 1);
        d.anim_step = 1e9;
        s = draw(r, &d, b);
        CHECK(s.path_points_fed == 3000);
        /* 2999 shows iterates 0..2999 fed one frame at a time; the same
         * drawn at once after a rebuild gives the same image */
        d.anim_step = 0.0;
        draw(r, &d, b);
        d.anim_step = 2999.0;
        s = draw(r, &d, b);
        CHECK(s.path_points_fed == 2999);
        long diff = differing(a, b);
        CHECK_MSG(diff == 0, "%ld bytes differ between fed in frames and at once", diff);
    }
    unbuild(&sc);
}

/* kappa 1, alpha 1.5: w -> -w / 2, so the run hops (2.5, 1.2), (-1.25, -0.6),
 * (0.625, 0.3), ... With iterate 3 made NaN (the core never stores one: the
 * promise broken on purpose), the run must end at iterate 2 with its X,
 * drawn exactly as a 3-iterate run the core found diverged at step 3, and
 * the stats must count the NaN once for the frame. A NaN line or triangle
 * on the overlay is counted and draws nothing; a "nan" label counts as bad text. */
static void check_nonfinite(ov_renderer *r, uint8_t *a, uint8_t *b)
{
    ov_scene cut, ended;
    bool ok = build(&cut, 1.0, OV_OPT_GD, 1.5, (ov_vec2){2.5, 1.2}, 8) &&
              build(&ended, 1.0, OV_OPT_GD, 1.5, (ov_vec2){2.5, 1.2}, 2);
    CHECK(ok);
    if (ok) {
        CHECK(cut.runs[0].n == 9 && !cut.runs[0].diverged && ended.runs[0].n == 3);
        CHECK(cut.runs[0].x[2] == 0.625 && fabs(cut.runs[0].y[2] - 0.3) < 1e-15);
        cut.runs[0].x[3] = NAN;
        ended.runs[0].diverged = true;
        ended.runs[0].diverged_step = 3;
        char err[512];
        CHECK(ov_renderer_set_surface(r, cut.surface, err, sizeof err));
        ov_view view;
        ov_frame_desc d = {.scene = &ended, .view = view_of(&view, &ended), .anim_step = 1e9,
                           .target_run = -1, .ui_scale = 1.0f};
        ov_render_stats s0 = draw(r, &d, a);
        d.scene = &cut;
        ov_render_stats s1 = draw(r, &d, b);
        CHECK_MSG(s1.nonfinite_values == s0.nonfinite_values + 1,
                  "a NaN iterate counted %lu times in one frame",
                  s1.nonfinite_values - s0.nonfinite_values);
        long diff = differing(a, b);
        CHECK_MSG(diff == 0, "%ld bytes differ from the run that ends diverged", diff);
        /* the X is there: the diverged run's image is not the plain 3-iterate run's */
        ended.runs[0].diverged = false;
        d.scene = &ended;
        ov_render_stats s2 = draw(r, &d, a);
        CHECK(s2.nonfinite_values == s1.nonfinite_values);
        CHECK(differing(a, b) > 100);
        /* the overlay: a line with a NaN end and a triangle with an
         * infinite corner are counted and draw nothing */
        ov_renderer_begin(r, &d);
        ov_renderer_line(r, 10, 10, NAN, 200, 3.0f, (ov_rgba){1, 0, 0, 1});
        ov_renderer_triangle(r, 10, 10, 200, 10, 100, INFINITY, (ov_rgba){1, 0, 0, 1});
        ov_renderer_end(r);
        CHECK(ov_renderer_read_rgba(r, b));
        ov_render_stats s3;
        ov_renderer_stats(r, &s3);
        CHECK_MSG(s3.nonfinite_values == s2.nonfinite_values + 2, "%lu non-finite shapes counted",
                  s3.nonfinite_values - s2.nonfinite_values);
        CHECK(differing(a, b) == 0);
        CHECK(s3.nonfinite_text == s2.nonfinite_text);
        ov_renderer_begin(r, &d);
        ov_renderer_text(r, 20, 20, 14.0f, (ov_rgba){1, 1, 1, 1}, OV_ALIGN_LEFT, "loss = nan");
        ov_renderer_text(r, 20, 40, 14.0f, (ov_rgba){1, 1, 1, 1}, OV_ALIGN_LEFT, "infinite nanny");
        ov_renderer_end(r);
        ov_render_stats s4;
        ov_renderer_stats(r, &s4);
        CHECK(s4.nonfinite_text == s3.nonfinite_text + 1);
    }
    unbuild(&cut);
    unbuild(&ended);
}

/* read_bgra (frames shown as a window image) gives read_rgba's pixels with
 * red and blue swapped, rows top-down, pitch bytes apart (padding untouched). */
static void check_read_bgra(ov_renderer *r, const uint8_t *rgba)
{
    size_t pitch = (size_t)W * 4 + 64;
    uint8_t *bgra = malloc(pitch * H);
    CHECK(bgra != NULL);
    if (!bgra)
        return;
    memset(bgra, 0xA5, pitch * H);
    CHECK(ov_renderer_read_bgra(r, bgra, pitch));
    long bad = 0, pad = 0;
    for (int y = 0; y < H; y++) {
        const uint8_t *a = rgba + (size_t)y * W * 4, *b = bgra + (size_t)y * pitch;
        for (int x = 0; x < W; x++)
            bad += a[4 * x] != b[4 * x + 2] || a[4 * x + 1] != b[4 * x + 1] ||
                   a[4 * x + 2] != b[4 * x] || a[4 * x + 3] != b[4 * x + 3];
        for (size_t i = (size_t)W * 4; i < pitch; i++)
            pad += b[i] != 0xA5;
    }
    CHECK_MSG(bad == 0, "%ld pixels differ", bad);
    CHECK_MSG(pad == 0, "%ld padding bytes written", pad);
    CHECK(!ov_renderer_read_bgra(r, bgra, (size_t)W * 4 - 4));
    free(bgra);
}

int main(void)
{
    ov_gl_test t;
    if (!ov_gl_test_init(&t)) {
        CHECK_MSG(false, "no GL context");
        return ov_test_finish("test_render_paths");
    }
    ov_renderer *r = ov_gl_test_renderer(W, H);
    uint8_t *a = malloc((size_t)W * H * 4), *b = malloc((size_t)W * H * 4);
    CHECK(r != NULL && a && b);
    if (r && a && b) {
        check_oscillation(r, a, b);
        check_incremental(r, a, b);
        check_read_bgra(r, a);
        check_nonfinite(r, a, b);
    }
    free(a);
    free(b);
    ov_renderer_destroy(r);
    ov_gl_test_deinit(&t);
    return ov_test_finish("test_render_paths");
}
