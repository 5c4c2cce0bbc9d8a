/* The golden image: the fixed quadratic scene (a partial step, a diverged
 * run, a text panel) against tests/golden/frame_quadratic.png, compared so
 * that another Mesa or FreeType version does not break it while a real
 * change does:
 * - outside the text panel, each pixel must lie within TOL of the range of
 *   the golden pixel's 3 x 3 neighbourhood (anti-aliased edges that move by
 *   less than a pixel pass), and at most MAX_OFF pixels may not;
 * - the text panel is compared by structure: per label, the number of
 *   pixels in that run's colour within a factor 2 of the golden's, and the
 *   panel's mean colour (glyph shapes differ between FreeType versions).
 * The tolerances were measured here (llvmpipe, Mesa 22.3): the frame drawn
 * a quarter or half a pixel off misses on 152 and 259 pixels (worst excess
 * 66), softpipe instead of llvmpipe on none (worst 9), while the smallest
 * real change tried, the projector theme, misses on 2,691. The test checks
 * the comparison itself on every run: the frame drawn half a pixel off, and
 * with its labels moved or a size smaller, must match; frames with a path
 * left out, in the projector theme, or with a label missing must not. It
 * prints the figures. OV_UPDATE_GOLDEN=1 rewrites the golden image. */
#include <math.h>
#include <png.h>
#include <stdlib.h>
#include <string.h>

#include "ov_gl_test.h"
#include "ov_render_scene.h"
#include "ov_test.h"

#define GW 400
#define GH 250
#define TOL 24        /* per channel, beyond the neighbourhood's range */
#define MAX_OFF 800   /* pixels outside the panel that may miss (0.8%) */
#define PANEL_X 6
#define PANEL_Y 6
#define PANEL_W 150
#define PANEL_H 58
#define LABELS 3

typedef struct variant {
    float shift;        /* the view moved by this many pixels in x and y */
    float text_shift;   /* the labels moved by this many pixels */
    float text_px;      /* the labels' size; 0: 15 px */
    int drop_run;       /* a run left out of the scene; -1: none */
    int drop_label;     /* a label left out of the panel; -1: none */
    bool high_contrast;
} variant;

typedef struct verdict {
    long off;           /* pixels outside the panel beyond TOL */
    int worst;          /* largest excess over the neighbourhood range */
    double label_ratio[LABELS];
    double panel_mean_diff;
    bool ok;
} verdict;

static bool read_png(const char *path, uint8_t **px, int *w, int *h)
{
    png_image im;
    memset(&im, 0, sizeof im);
    im.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&im, path))
        return false;
    im.format = PNG_FORMAT_RGBA;
    *px = malloc(PNG_IMAGE_SIZE(im));
    if (!*px || !png_image_finish_read(&im, NULL, *px, 0, NULL)) {
        free(*px);
        png_image_free(&im);
        return false;
    }
    *w = (int)im.width;
    *h = (int)im.height;
    return true;
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

/* Renders the golden scene as v asks; the RGBA pixels, or NULL. */
static uint8_t *draw(ov_renderer *r, const ov_scene *full, const variant *v)
{
    ov_scene sc = *full;
    if (v->drop_run >= 0) {
        for (int i = v->drop_run; i + 1 < sc.nruns; i++)
            sc.runs[i] = sc.runs[i + 1];
        sc.nruns--;
    }
    ov_rect view = sc.view;
    double dx = v->shift * (view.x1 - view.x0) / GW, dy = v->shift * (view.y1 - view.y0) / GH;
    view.x0 -= dx, view.x1 -= dx, view.y0 += dy, view.y1 += dy;
    ov_view vb;
    ov_frame_desc d = {.scene = &sc, .view = view_of(&vb, &sc, view, GW, GH), .anim_step = 33.5,
                       .target_run = -1, .ui_scale = 1.0f, .high_contrast = v->high_contrast};
    ov_renderer_begin(r, &d);
    ov_rgba panel = {0.04f, 0.05f, 0.08f, 0.72f};
    ov_renderer_rect(r, PANEL_X, PANEL_Y, PANEL_W, PANEL_H, panel);
    for (int i = 0; i < LABELS; i++)
        if (i != v->drop_label)
            ov_renderer_text(r, 12 + v->text_shift, 10 + 17.0f * i + v->text_shift,
                             v->text_px > 0 ? v->text_px : 15, ov_method_color(KINDS[i], 0),
                             OV_ALIGN_LEFT, ov_optim_info_of(KINDS[i])->name);
    ov_renderer_end(r);
    uint8_t *img = malloc((size_t)GW * GH * 4);
    if (img && !ov_renderer_read_rgba(r, img)) {
        free(img);
        img = NULL;
    }
    return img;
}

static bool in_panel(int x, int y)
{
    return x >= PANEL_X - 2 && x < PANEL_X + PANEL_W + 2 && y >= PANEL_Y - 2 &&
           y < PANEL_Y + PANEL_H + 2;
}

/* Pixels of label i's band that are in run i's colour (a glyph's core). */
static int label_pixels(const uint8_t *img, int i)
{
    ov_rgba c = ov_method_color(KINDS[i], 0);
    int want[3] = {(int)lroundf(c.r * 255), (int)lroundf(c.g * 255), (int)lroundf(c.b * 255)};
    int n = 0;
    for (int y = 10 + 17 * i; y < 10 + 17 * (i + 1) && y < PANEL_Y + PANEL_H; y++)
        for (int x = PANEL_X; x < PANEL_X + PANEL_W; x++) {
            const uint8_t *p = img + ((size_t)y * GW + x) * 4;
            int e = 0;
            for (int k = 0; k < 3; k++)
                e = abs(p[k] - want[k]) > e ? abs(p[k] - want[k]) : e;
            n += e <= 64;
        }
    return n;
}

static verdict compare(const uint8_t *img, const uint8_t *gold)
{
    verdict v;
    memset(&v, 0, sizeof v);
    for (int y = 0; y < GH; y++)
        for (int x = 0; x < GW; x++) {
            if (in_panel(x, y))
                continue;
            const uint8_t *p = img + ((size_t)y * GW + x) * 4;
            int excess = 0;
            for (int k = 0; k < 3; k++) {
                int lo = 255, hi = 0;
                for (int j = y - 1; j <= y + 1; j++)
                    for (int i = x - 1; i <= x + 1; i++) {
                        if (i < 0 || j < 0 || i >= GW || j >= GH)
                            continue;
                        int g = gold[((size_t)j * GW + i) * 4 + k];
                        lo = g < lo ? g : lo;
                        hi = g > hi ? g : hi;
                    }
                int e = p[k] < lo ? lo - p[k] : (p[k] > hi ? p[k] - hi : 0);
                excess = e > excess ? e : excess;
            }
            v.worst = excess > v.worst ? excess : v.worst;
            v.off += excess > TOL;
        }
    v.ok = v.off <= MAX_OFF;
    for (int i = 0; i < LABELS; i++) {
        int g = label_pixels(gold, i);
        v.label_ratio[i] = g > 0 ? (double)label_pixels(img, i) / g : 0.0;
        v.ok = v.ok && g >= 20 && v.label_ratio[i] > 0.5 && v.label_ratio[i] < 2.0;
    }
    double diff = 0;
    for (int k = 0; k < 3; k++) {
        double a = 0, b = 0;
        for (int y = PANEL_Y; y < PANEL_Y + PANEL_H; y++)
            for (int x = PANEL_X; x < PANEL_X + PANEL_W; x++) {
                a += img[((size_t)y * GW + x) * 4 + k];
                b += gold[((size_t)y * GW + x) * 4 + k];
            }
        diff = fmax(diff, fabs(a - b) / (PANEL_W * PANEL_H));
    }
    v.panel_mean_diff = diff;
    v.ok = v.ok && diff < 12.0;
    return v;
}

static void report(const char *what, const verdict *v)
{
    printf("%-28s %5ld px off (worst excess %3d), labels x%.2f x%.2f x%.2f, "
           "panel mean %+.1f: %s\n",
           what, v->off, v->worst, v->label_ratio[0], v->label_ratio[1], v->label_ratio[2],
           v->panel_mean_diff, v->ok ? "match" : "differs");
}

/* Writes img and the golden beside it into OV_TMP for a look. */
static void keep(const uint8_t *img, const char *name)
{
    const char *tmp = getenv("OV_TMP");
    char out[1024];
    if (!tmp)
        return;
    snprintf(out, sizeof out, "%s/%s.png", tmp, name);
    if (write_png(out, img, GW, GH))
        fprintf(stderr, "wrote %s\n", out);
}

int main(void)
{
    ov_gl_test t;
    if (!ov_gl_test_init(&t)) {
        CHECK_MSG(false, "no GL context");
        return ov_test_finish("test_render_golden");
    }
    ov_renderer *r = ov_gl_test_renderer(GW, GH);
    ov_scene sc;
    bool built = build_scene(&sc, 4, 60);
    CHECK(r != NULL && built);
    char err[1024];
    if (r && built && ov_renderer_set_surface(r, sc.surface, err, sizeof err)) {
        CHECK_MSG(sc.runs[3].diverged, "the golden scene's fourth run should diverge");
        const char *src = getenv("OV_SOURCE_DIR");
        char path[1024];
        snprintf(path, sizeof path, "%s/tests/golden/frame_quadratic.png", src ? src : ".");
        variant plain = {.drop_run = -1, .drop_label = -1};
        uint8_t *img = draw(r, &sc, &plain), *gold = NULL;
        int gw = 0, gh = 0;
        CHECK(img != NULL);
        if (img && getenv("OV_UPDATE_GOLDEN")) {
            CHECK_MSG(write_png(path, img, GW, GH), "cannot write %s", path);
        } else if (img && !read_png(path, &gold, &gw, &gh)) {
            CHECK_MSG(false, "golden image %s missing or unreadable", path);
        } else if (img) {
            CHECK_MSG(gw == GW && gh == GH, "golden %dx%d, frame %dx%d", gw, gh, GW, GH);
        }
        if (img && gold && gw == GW && gh == GH) {
            verdict v = compare(img, gold);
            report("this frame", &v);
            CHECK_MSG(v.ok, "the frame differs from %s", path);
            if (!v.ok)
                keep(img, "frame_quadratic_actual");
            /* The comparison itself: tolerant of sub-pixel moves, not of
             * real changes. */
            const struct {
                const char *what;
                variant v;
                bool should_match;
            } probes[] = {
                {"view a quarter pixel off", {.shift = 0.25f, .drop_run = -1, .drop_label = -1}, true},
                {"view half a pixel off", {.shift = 0.5f, .drop_run = -1, .drop_label = -1}, true},
                {"labels half a pixel off", {.text_shift = 0.5f, .drop_run = -1, .drop_label = -1}, true},
                {"labels at 14 px", {.text_px = 14, .drop_run = -1, .drop_label = -1}, true},
                {"momentum's path left out", {.drop_run = 1, .drop_label = -1}, false},
                {"diverged run left out", {.drop_run = 3, .drop_label = -1}, false},
                {"projector theme", {.drop_run = -1, .drop_label = -1, .high_contrast = true}, false},
                {"adam's label left out", {.drop_run = -1, .drop_label = 2}, false},
            };
            for (size_t i = 0; i < sizeof probes / sizeof probes[0]; i++) {
                uint8_t *p = draw(r, &sc, &probes[i].v);
                CHECK(p != NULL);
                if (!p)
                    continue;
                verdict pv = compare(p, gold);
                report(probes[i].what, &pv);
                if (pv.ok != probes[i].should_match)
                    keep(p, "frame_quadratic_probe");
                CHECK_MSG(pv.ok == probes[i].should_match, "%s: the comparison says %s",
                          probes[i].what, pv.ok ? "match" : "differs");
                free(p);
            }
        }
        free(img);
        free(gold);
    }
    if (built)
        free_scene(&sc);
    ov_renderer_destroy(r);
    ov_gl_test_deinit(&t);
    return ov_test_finish("test_render_golden");
}
