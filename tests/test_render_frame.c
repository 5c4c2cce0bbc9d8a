/* Whole frames from the renderer, checked against expectations computed here
 * independently: the image size, iso-line crossings along scanlines (from
 * the documented level formula and the analytic loss), each run's colour
 * where its iterates project, HUD text, and a surface with a non-finite
 * region. (The golden image is test_render_golden's.) */
#include <math.h>
#include <png.h>
#include <stdlib.h>
#include <string.h>

#include "ov_gl_test.h"
#include "ov_render_scene.h"
#include "ov_test.h"

static bool write_png(const char *path, const uint8_t *px, int w, int h);

/* The quadratic of DESIGN.md, written out here. */
static double quad_loss(double x, double y)
{
    double c = cos(THETA * 3.14159265358979323846 / 180.0), s = sin(THETA * 3.14159265358979323846 / 180.0);
    double a = c * x + s * y, b = -s * x + c * y;
    return 0.5 * (a * a + KAPPA * b * b);
}

/* Pixel column/row (top-down, continuous) of a world point. */
static void to_px(ov_rect v, int w, int h, double x, double y, double *px, double *py)
{
    *px = (x - v.x0) / (v.x1 - v.x0) * w;
    *py = (v.y1 - y) / (v.y1 - v.y0) * h;
}

static double lum(const uint8_t *p)
{
    return (0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2]) / 255.0;
}

static uint8_t *frame(ov_renderer *r, const ov_frame_desc *d, int w, int h)
{
    uint8_t *px = malloc((size_t)w * h * 4);
    CHECK_MSG(ov_renderer_begin(r, d), "a frame was not drawn: %s", ov_renderer_error(r));
    CHECK(ov_renderer_end(r));
    CHECK(strcmp(ov_renderer_error(r), "") == 0);
    if (px && !ov_renderer_read_rgba(r, px)) {
        free(px);
        return NULL;
    }
    return px;
}

/* Iso-lines crossed along row `row`: expected from u = 3 log10(L - Lref +
 * delta) with Lref, Lmax over a 96 x 96 grid of cell centres, compared with
 * line pixels found by a high-pass filter on the luminance, where lines are
 * sparse (level spacing over ~14 px, so none are faded). */
static void check_scanline(const uint8_t *img, int w, int h, ov_rect v, int row)
{
    double lref = 0.0, lmax = -1.0;   /* the minimum (0, 0) is in view */
    for (int j = 0; j < 96; j++)
        for (int i = 0; i < 96; i++) {
            double l = quad_loss(v.x0 + (i + 0.5) / 96 * (v.x1 - v.x0),
                                 v.y0 + (j + 0.5) / 96 * (v.y1 - v.y0));
            lmax = l > lmax ? l : lmax;
        }
    double delta = 1e-6 * (lmax - lref);
    double dx = (v.x1 - v.x0) / w, dy = (v.y1 - v.y0) / h;
    double y = v.y1 - (row + 0.5) * dy;
    double *u = malloc(sizeof(double) * w), *dist = malloc(sizeof(double) * w);
    double *steep = malloc(sizeof(double) * w);
    bool *clear = malloc(sizeof(bool) * w);
    for (int i = 0; i < w; i++) {
        double x = v.x0 + (i + 0.5) * dx;
        u[i] = 3.0 * log10(fmax(quad_loss(x, y) - lref, 0.0) + delta);
        double ux = 3.0 * log10(fmax(quad_loss(x + dx, y) - lref, 0.0) + delta);
        double uy = 3.0 * log10(fmax(quad_loss(x, y - dy) - lref, 0.0) + delta);
        clear[i] = fabs(ux - u[i]) + fabs(uy - u[i]) < 0.07;
        /* Distance in px to the nearest level, and how squarely the row
         * crosses the levels (1: at right angles, 0: along them). */
        double g = hypot(ux - u[i], uy - u[i]);
        dist[i] = fabs(u[i] - floor(u[i] + 0.5)) / g;
        steep[i] = fabs(ux - u[i]) / g;
    }
    double expect[256], found[256];
    int ne = 0, nf = 0;
    for (int i = 0; i + 1 < w; i++) {
        if (!clear[i] || !clear[i + 1])
            continue;
        double lo = fmin(u[i], u[i + 1]), hi = fmax(u[i], u[i + 1]);
        for (double k = ceil(lo); k <= hi && ne < 256; k += 1.0)
            expect[ne++] = i + 0.5 + (k - u[i]) / (u[i + 1] - u[i]);
    }
    /* A line pixel: a high-pass peak (the strongest within 3 px). */
    const uint8_t *line = img + (size_t)row * w * 4;
    double *hp = calloc((size_t)w, sizeof(double));
    for (int i = 3; i + 3 < w; i++)
        hp[i] = fabs(lum(line + i * 4) - 0.5 * (lum(line + (i - 3) * 4) + lum(line + (i + 3) * 4)));
    for (int i = 3; i + 3 < w; i++) {
        bool peak = hp[i] > 0.04;
        for (int k = -3; k <= 3 && peak; k++)
            peak = hp[i + k] <= hp[i];
        if (peak && (nf == 0 || i + 0.5 - found[nf - 1] > 1.5) && nf < 256)
            found[nf++] = i + 0.5;
    }
    free(hp);
    /* Only judge positions well inside the sparse stretches. */
    int judged = 0, missing = 0, extra = 0;
    for (int a = 0; a < ne; a++) {
        int c = (int)expect[a];
        bool inside = c >= 6 && c < w - 6 && steep[c] > 0.5;
        for (int k = -5; k <= 5 && inside; k++)
            inside = clear[c + k];
        if (!inside)
            continue;
        judged++;
        bool hit = false;
        for (int b = 0; b < nf; b++)
            hit = hit || fabs(found[b] - expect[a]) <= 2.0;
        if (!hit) {
            missing++;
            fprintf(stderr, "row %d: no iso-line near x = %.1f\n", row, expect[a]);
        }
    }
    for (int b = 0; b < nf; b++) {
        int c = (int)found[b];
        bool inside = c >= 6 && c < w - 6;
        for (int k = -5; k <= 5 && inside; k++)
            inside = clear[c + k];
        if (!inside)
            continue;
        bool hit = false;
        for (int k = -2; k <= 2; k++)
            hit = hit || dist[c + k] < 1.5;
        if (!hit) {
            extra++;
            fprintf(stderr, "row %d: unexpected line at x = %.1f\n", row, found[b]);
        }
    }
    CHECK_MSG(judged >= 4, "row %d: only %d level crossings to judge", row, judged);
    CHECK_MSG(missing == 0 && extra == 0, "row %d: %d crossings expected, %d missing, %d extra",
              row, judged, missing, extra);
    free(u);
    free(dist);
    free(steep);
    free(clear);
}

/* Distance from point p to segment a-b. */
static double seg_dist(double px, double py, double ax, double ay, double bx, double by)
{
    double vx = bx - ax, vy = by - ay, wx = px - ax, wy = py - ay;
    double l2 = vx * vx + vy * vy, t = l2 > 0 ? (wx * vx + wy * vy) / l2 : 0.0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    return hypot(wx - t * vx, wy - t * vy);
}

/* Each run's colour is at the pixels where its iterates project, wherever
 * nothing else (another run, a neighbouring dot's ring, the minimum's star)
 * is drawn within reach. */
static void check_paths(const uint8_t *img, int w, int h, const ov_scene *sc, ov_rect v)
{
    for (int r = 0; r < sc->nruns; r++) {
        const ov_run *run = &sc->runs[r];
        ov_rgba c = ov_method_color(run->params.kind, ov_run_default_shade(sc, r));
        int checked = 0, wrong = 0;
        double sx, sy;
        to_px(v, w, h, sc->start.x, sc->start.y, &sx, &sy);
        for (int i = 0; i < run->n; i++) {
            double px, py;
            to_px(v, w, h, run->x[i], run->y[i], &px, &py);
            if (px < 10 || px > w - 10 || py < 10 || py > h - 10)
                continue;
            double mx, my;
            to_px(v, w, h, 0.0, 0.0, &mx, &my);
            /* Near the minimum's star or the start's ring: covered. */
            bool busy = hypot(px - mx, py - my) < 16 || hypot(px - sx, py - sy) < 16;
            for (int o = 0; o < sc->nruns && !busy; o++) {
                const ov_run *other = &sc->runs[o];
                for (int j = 0; j < other->n && !busy; j++) {
                    double ax, ay, bx, by;
                    to_px(v, w, h, other->x[j], other->y[j], &ax, &ay);
                    if (o == r) {
                        busy = j != i && hypot(px - ax, py - ay) < 7;
                        continue;
                    }
                    if (j + 1 < other->n) {
                        to_px(v, w, h, other->x[j + 1], other->y[j + 1], &bx, &by);
                        busy = seg_dist(px, py, ax, ay, bx, by) < 12;
                    } else {
                        busy = hypot(px - ax, py - ay) < 12;
                    }
                }
            }
            if (busy)
                continue;
            const uint8_t *p = img + ((size_t)(int)py * w + (int)px) * 4;
            checked++;
            double e = fmax(fabs(p[0] / 255.0 - c.r),
                            fmax(fabs(p[1] / 255.0 - c.g), fabs(p[2] / 255.0 - c.b)));
            if (e > 0.12) {
                wrong++;
                fprintf(stderr, "run %d iterate %d at (%d, %d): %d %d %d, want %.0f %.0f %.0f\n", r,
                        i, (int)px, (int)py, p[0], p[1], p[2], c.r * 255, c.g * 255, c.b * 255);
            }
        }
        CHECK_MSG(checked >= 3, "run %d: only %d iterates checkable", r, checked);
        CHECK_MSG(wrong == 0, "run %d: %d of %d iterates lack the run's colour", r, wrong, checked);
    }
}

/* Text drawn on an opaque dark box gives bright pixels there; an empty box
 * of the same colour has none. */
static void check_text(ov_renderer *r, const ov_frame_desc *d, int w, int h)
{
    ov_rgba panel = {0.05f, 0.05f, 0.08f, 1.0f}, white = {1, 1, 1, 1};
    const char *msg = "momentum  \xce\xb1 = 0.05  step 40";
    float tw = 0, th = 0;
    ov_renderer_begin(r, d);
    ov_renderer_text_size(r, 24, msg, &tw, &th);
    CHECK_MSG(tw > 150 && tw < 500, "text width %g", tw);
    CHECK_MSG(th >= 24 && th < 40, "text height %g", th);
    ov_renderer_rect(r, 10, 10, 420, 40, panel);
    float drawn = ov_renderer_text(r, 20, 16, 24, white, OV_ALIGN_LEFT, msg);
    CHECK_NEAR(drawn, tw, 0.5);
    ov_renderer_rect(r, 10, 60, 420, 40, panel);
    ov_renderer_end(r);
    uint8_t *img = malloc((size_t)w * h * 4);
    CHECK(ov_renderer_read_rgba(r, img));
    int bright = 0, bright_empty = 0, not_panel = 0;
    for (int y = 12; y < 48; y++)
        for (int x = 12; x < 428; x++) {
            bright += lum(img + ((size_t)y * w + x) * 4) > 0.6;
            const uint8_t *q = img + ((size_t)(y + 50) * w + x) * 4;
            bright_empty += lum(q) > 0.6;
            not_panel += abs(q[0] - 13) > 2 || abs(q[2] - 20) > 2;
        }
    int area = 36 * 416;
    CHECK_MSG(bright > area / 50 && bright < area / 2, "text box has %d bright pixels of %d",
              bright, area);
    CHECK_MSG(bright_empty == 0 && not_panel == 0, "empty box: %d bright, %d off-colour",
              bright_empty, not_panel);
    free(img);
}

static bool write_png(const char *path, const uint8_t *px, int w, int h)
{
    png_image im;
    memset(&im, 0, sizeof im);
    im.version = PNG_IMAGE_VERSION;
    im.width = (png_uint_32)w;
    im.height = (png_uint_32)h;
    im.format = PNG_FORMAT_RGBA;
    return png_image_write_to_file(&im, path, 0, px, 0, NULL) != 0;
}

/* log(x) over the plane: the left half has no loss; it must be neutral grey, not garbage. */
static void check_nonfinite(ov_renderer *r, int w, int h)
{
    ov_scene sc;
    memset(&sc, 0, sizeof sc);
    ov_expr_error e;
    sc.surface = ov_surface_create("log(x) + 0*y", &e);   /* a plane: a formula in x alone is a curve */
    CHECK(sc.surface != NULL);
    if (!sc.surface)
        return;
    ov_rect v = {-2, 2, -1.25, 1.25};
    ov_view view;
    ov_frame_desc d = {.scene = &sc, .view = view_of(&view, &sc, v, w, h), .target_run = -1,
                       .ui_scale = 1.0f};
    char err[1024];
    CHECK(ov_renderer_set_surface(r, sc.surface, err, sizeof err));
    uint8_t *img = frame(r, &d, w, h);
    CHECK(img != NULL);
    int grey_bad = 0, colour_bad = 0, right = 0;
    for (int y = 0; y < h && img; y++)
        for (int x = 0; x < w; x++) {
            const uint8_t *p = img + ((size_t)y * w + x) * 4;
            double wx = v.x0 + (x + 0.5) * (v.x1 - v.x0) / w;
            bool grey = abs(p[0] - p[1]) <= 12 && abs(p[1] - p[2]) <= 12 && p[1] >= 70 &&
                        p[1] <= 110;
            if (wx < -0.05)
                grey_bad += !grey || p[3] != 255;
            else if (wx > 0.05) {
                right++;
                colour_bad += grey;
            }
        }
    CHECK_MSG(grey_bad == 0, "%d pixels of the undefined half are not neutral grey", grey_bad);
    CHECK_MSG(colour_bad < right / 20, "%d of %d defined pixels look undefined", colour_bad,
              right);
    free(img);
    ov_surface_destroy(sc.surface);
}

int main(void)
{
    ov_gl_test t;
    if (!ov_gl_test_init(&t)) {
        CHECK_MSG(false, "no GL context");
        return ov_test_finish("test_render_frame");
    }
    const int W = 640, H = 400;
    ov_renderer *r = ov_gl_test_renderer(W, H);
    ov_scene sc;
    bool built = build_scene(&sc, 3, 40);
    CHECK(r != NULL && built);
    if (r && built) {
        char err[1024];
        CHECK(ov_renderer_set_surface(r, sc.surface, err, sizeof err));
        int rw = 0, rh = 0;
        ov_renderer_size(r, &rw, &rh);
        CHECK(rw == W && rh == H);

        /* Contours alone, on rows away from the minimum. */
        ov_scene bare = sc;
        bare.nruns = 0;
        ov_view view;
        ov_frame_desc d = {.scene = &bare, .view = view_of(&view, &sc, sc.view, W, H),
                           .anim_step = 1e9, .target_run = -1, .ui_scale = 1.8f};
        uint8_t *img = malloc((size_t)W * H * 4 + 64);
        memset(img + (size_t)W * H * 4, 0xA5, 64);
        CHECK(ov_renderer_begin(r, &d));
        CHECK(ov_renderer_end(r));
        CHECK(ov_renderer_read_rgba(r, img));
        /* Showing and ending the frame report success too; a pitch that is
         * not a multiple of 4 is refused before any GL call. */
        CHECK(ov_renderer_present(r, W / 2, H / 2));
        CHECK(ov_renderer_frame_done(r));
        CHECK(!ov_renderer_read_bgra(r, img, (size_t)W * 4 + 2));
        bool guard = true;
        for (int i = 0; i < 64; i++)
            guard = guard && img[(size_t)W * H * 4 + i] == 0xA5;
        CHECK_MSG(guard, "read_rgba wrote past width*height*4 bytes");
        int before = ov_test_failures;
        check_scanline(img, W, H, sc.view, H / 2 + 41);
        check_scanline(img, W, H, sc.view, H / 2 - 25);
        check_scanline(img, W, H, sc.view, H / 2 + 12);
        if (ov_test_failures != before && getenv("OV_TMP")) {
            char out[1024];
            snprintf(out, sizeof out, "%s/frame_contours.png", getenv("OV_TMP"));
            write_png(out, img, W, H);
            fprintf(stderr, "wrote %s\n", out);
        }
        free(img);

        d.scene = &sc;
        img = frame(r, &d, W, H);
        CHECK(img != NULL);
        if (img)
            check_paths(img, W, H, &sc, sc.view);
        free(img);
        check_text(r, &d, W, H);
        check_nonfinite(r, W, H);
    }
    if (built)
        free_scene(&sc);
    ov_renderer_destroy(r);

    ov_gl_test_deinit(&t);
    return ov_test_finish("test_render_frame");
}
