/* The fit panel (Shift+L) and the honest projection of a model scene, in a
 * 1280x720 frame, headless:
 * - the line model at its minimum (a, b) = (0.95, 1.05): the panel's axes
 *   are the ones panels.h documents (computed here from the data and the
 *   line by hand), and the pixels where y = 0.95 t + 1.05 passes are the
 *   run's colour while pixels well above and below it are not;
 * - xor at a hand-built network (h1 ~ OR, h2 ~ AND, p ~ h1 AND NOT h2):
 *   pixels of the decision map at known inputs have the colour of the class
 *   the network's formula, written out here, gives;
 * - the HUD's model lines: the slice ("slice: a, b (following gd)", pca's
 *   share of variance, "random:1"), the targeted run's distance from the
 *   plane against the distance computed here from the plane's o, and the
 *   line model's condition number from its constant Hessian [10 6; 6 6]:
 *   λ = 8 ± √40, κ = (8 + √40)/(8 − √40) = 8.55;
 * - the paths: a gd path on gauss4 whose early iterates lie far off the
 *   plane that follows its head is drawn there with far less opacity than
 *   near its head (the capsules the path pass builds), never invisible;
 * - Shift+L on a surface leaves the panel off and says why; on a model it
 *   shows the panel. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app/hud_layout.h"
#include "app/hud_model.h"
#include "io/png_write.h"
#include "ov_app_test.h"
#include "ov_test.h"
#include "render/paths.h"

#define W 1280
#define H 720

/* The model scene for model with --slice slice and --init init (n values,
 * n = 0: the model's start), paused at step `step`. */
static void open_model(ov_app_state *st, const char *model, const char *slice,
                       const double *init, int n, double step)
{
    ov_config cfg;
    ov_config_defaults(&cfg);
    snprintf(cfg.model, sizeof cfg.model, "%s", model);
    snprintf(cfg.slice, sizeof cfg.slice, "%s", slice);
    cfg.ninit = n;
    for (int i = 0; i < n; i++)
        cfg.init[i] = init[i];
    char err[1024];
    CHECK_MSG(ov_controls_init(st, &cfg, err, sizeof err), "%s: %s", model, err);
    ov_test_plain(st);
    ov_controls_pause(st);
    ov_controls_seek(st, step);
    ov_controls_hide_message(st);
}

/* The panel's box in lay and its text size. */
static ov_box fit_box(const ov_hud_layout *lay, float *px)
{
    int i = ov_panel_find("fit");
    CHECK(i >= 0 && lay->on[OV_HUD_PANEL0 + i]);
    *px = i >= 0 ? lay->panel_px[i] : 0;
    return i >= 0 ? lay->box[OV_HUD_PANEL0 + i] : (ov_box){0, 0, 0, 0};
}

static const uint8_t *pixel(const uint8_t *img, double x, double y)
{
    int ix = (int)floor(x), iy = (int)floor(y);
    ix = ix < 0 ? 0 : ix >= W ? W - 1 : ix;
    iy = iy < 0 ? 0 : iy >= H ? H - 1 : iy;
    return img + ((size_t)iy * W + (size_t)ix) * 4;
}

static bool near_colour(const uint8_t *p, ov_rgba c, int tol)
{
    return abs(p[0] - (int)lroundf(c.r * 255)) <= tol && abs(p[1] - (int)lroundf(c.g * 255)) <= tol &&
           abs(p[2] - (int)lroundf(c.b * 255)) <= tol;
}

static void save(ov_renderer *r, const char *name)
{
    const char *tmp = getenv("OV_TMP");
    uint8_t *shot = malloc((size_t)W * H * 4);
    if (tmp && shot && ov_renderer_read_rgba(r, shot)) {
        char path[600], perr[256];
        snprintf(path, sizeof path, "%s/%s", tmp, name);
        CHECK(ov_png_write(path, shot, W, H, perr, sizeof perr));
    }
    free(shot);
}

/* The line model: axes and the curve's pixels; the HUD's κ. */
static void check_line(ov_renderer *r)
{
    ov_app_state st;
    const double w0[2] = {0.95, 1.05};
    open_model(&st, "line", "a,b", w0, 2, 5);
    ov_test_panel(&st, "fit", true);
    ov_hud_layout lay;
    ov_test_draw(r, &st, NULL, &lay);
    save(r, "fit-line.png");
    float px;
    ov_box b = fit_box(&lay, &px);
    /* The axes from panels.h's rule: t over the data's 0 .. 2 widened by
     * 15% of 2; y over the data's 1 .. 2.9 and the line's values at the
     * ends of that t range (a line's extremes), widened by 8%. */
    double u0 = -0.3, u1 = 2.3;
    double lo = fmin(1.0, 0.95 * u0 + 1.05), hi = fmax(2.9, 0.95 * u1 + 1.05);
    double v0 = lo - 0.08 * (hi - lo), v1 = hi + 0.08 * (hi - lo);
    float x0 = b.x + px * 3.4f, x1 = b.x + b.w - px * 0.5f, y0 = b.y + px * 1.9f,
          y1 = b.y + b.h - px * 1.5f;
    ov_fit_axes ax;
    CHECK(ov_panel_fit_axes(&st, b, px, &ax));
    CHECK_NEAR(ax.u0, u0, 1e-12);
    CHECK_NEAR(ax.u1, u1, 1e-12);
    CHECK_NEAR(ax.v0, v0, 1e-6);
    CHECK_NEAR(ax.v1, v1, 1e-6);
    CHECK(ax.x0 == x0 && ax.x1 == x1 && ax.y0 == y0 && ax.y1 == y1);
    double w[2];
    int step;
    CHECK(ov_panel_fit_params(&st, w, &step) && step == 5);
    CHECK_NEAR(w[0], 0.95, 1e-9);
    CHECK_NEAR(w[1], 1.05, 1e-9);

    uint8_t *img = malloc((size_t)W * H * 4);
    CHECK(img && ov_renderer_read_rgba(r, img));
    ov_rgba c = ov_hud_text_colour(ov_hud_run_color(&st, 0));
    const double ts[] = {-0.2, 0.3, 0.55, 0.8, 1.3, 1.6, 2.2};
    for (size_t i = 0; img && i < sizeof ts / sizeof ts[0]; i++) {
        double t = ts[i], y = 0.95 * t + 1.05;
        double sx = x0 + (t - u0) / (u1 - u0) * (x1 - x0);
        double sy = y1 - (y - v0) / (v1 - v0) * (y1 - y0);
        const uint8_t *on = pixel(img, sx, sy), *above = pixel(img, sx, sy - 12),
                      *below = pixel(img, sx, sy + 12);
        CHECK_MSG(near_colour(on, c, 40), "t = %g: (%d, %d, %d) at (%.1f, %.1f) is not the curve",
                  t, on[0], on[1], on[2], sx, sy);
        CHECK_MSG(!near_colour(above, c, 40) && !near_colour(below, c, 40),
                  "t = %g: the curve's colour 12 px off the line", t);
    }
    free(img);

    /* κ of the constant Hessian [10 6; 6 6]. */
    char lines[OV_HUD_MODEL_LINES][192];
    int n = ov_hud_model_lines(&st, NULL, lines, OV_HUD_MODEL_LINES);
    CHECK(n == 2);
    CHECK_MSG(strcmp(lines[0], "slice: a, b (following gd)") == 0, "'%s'", lines[0]);
    double kappa = (8 + sqrt(40.0)) / (8 - sqrt(40.0));
    char want[192];
    snprintf(want, sizeof want, "off plane: 0   \xce\xba = %.3g", kappa);
    CHECK_MSG(strcmp(lines[1], want) == 0, "'%s', want '%s'", lines[1], want);
    CHECK(strcmp(want, "off plane: 0   \xce\xba = 8.55") == 0);
    ov_controls_deinit(&st);
}

/* p of the 2-2-1 network, as the lecture writes it. */
static double xor_p(const double *w, double x1, double x2)
{
    double h1 = tanh(w[0] * x1 + w[1] * x2 + w[2]), h2 = tanh(w[3] * x1 + w[4] * x2 + w[5]);
    return 1.0 / (1.0 + exp(-(w[6] * h1 + w[7] * h2 + w[8])));
}

static void check_xor(ov_renderer *r)
{
    ov_app_state st;
    const double w0[9] = {5, 5, -2.5, 5, 5, -7.5, 5, -5, -5};
    open_model(&st, "xor", "pca", w0, 9, 0);
    ov_test_panel(&st, "fit", true);
    ov_hud_layout lay;
    ov_test_draw(r, &st, NULL, &lay);
    save(r, "fit-xor.png");
    float px;
    ov_box b = fit_box(&lay, &px);
    /* The square area: the data's [0, 1] widened by 0.15 both ways. */
    float x0 = b.x + px * 3.4f, x1 = b.x + b.w - px * 0.5f, y0 = b.y + px * 1.9f,
          y1 = b.y + b.h - px * 1.5f;
    float side = fminf(x1 - x0, y1 - y0), cx = 0.5f * (x0 + x1);
    x0 = cx - side / 2;
    uint8_t *img = malloc((size_t)W * H * 4);
    CHECK(img && ov_renderer_read_rgba(r, img));
    const double pts[][2] = {{0.5, 0.5}, {0.25, 0.8}, {0.85, 0.2}, {0.9, 0.95},
                             {0.08, 0.12}, {-0.1, -0.05}, {1.1, 1.05}, {0.6, 0.3}};
    int seen[2] = {0, 0};
    for (size_t i = 0; img && i < sizeof pts / sizeof pts[0]; i++) {
        double p = xor_p(w0, pts[i][0], pts[i][1]);
        CHECK_MSG(fabs(p - 0.5) > 0.3, "(%g, %g) is too near the boundary: p = %g", pts[i][0],
                  pts[i][1], p);
        double sx = x0 + (pts[i][0] + 0.15) / 1.3 * side,
               sy = y0 + side - (pts[i][1] + 0.15) / 1.3 * side;
        const uint8_t *q = pixel(img, sx, sy);
        bool one = p > 0.5;
        seen[one]++;
        if (one)
            CHECK_MSG(q[0] > q[2] + 60, "(%g, %g) p = %.3f: (%d, %d, %d) is not class 1's",
                      pts[i][0], pts[i][1], p, q[0], q[1], q[2]);
        else
            CHECK_MSG(q[2] > q[0] + 60, "(%g, %g) p = %.3f: (%d, %d, %d) is not class 0's",
                      pts[i][0], pts[i][1], p, q[0], q[1], q[2]);
    }
    CHECK(seen[0] >= 3 && seen[1] >= 3);
    free(img);
    /* The HUD: pca's share as the slice states it. */
    char lines[OV_HUD_MODEL_LINES][192], want[192];
    int n = ov_hud_model_lines(&st, NULL, lines, OV_HUD_MODEL_LINES);
    CHECK(n == 2);
    snprintf(want, sizeof want, "slice: pca, %.1f%% of variance",
             100.0 * st.sc.scene.slice.explained);
    CHECK_MSG(strcmp(lines[0], want) == 0, "'%s'", lines[0]);
    CHECK_MSG(strncmp(lines[1], "off plane: ", 11) == 0 &&
                  (strstr(lines[1], "\xce\xba = ") || strstr(lines[1], "non-convex, |\xce\xbb| ratio ")),
              "'%s'", lines[1]);
    ov_controls_deinit(&st);

    open_model(&st, "xor", "random", NULL, 0, 0);
    n = ov_hud_model_lines(&st, NULL, lines, OV_HUD_MODEL_LINES);
    CHECK_MSG(n >= 1 && strcmp(lines[0], "slice: random:1") == 0, "'%s'", lines[0]);
    char ax[32], ay[32];
    CHECK(ov_hud_axis_names(&st, ax, ay, sizeof ax) && strcmp(ax, "d1") == 0 &&
          strcmp(ay, "d2") == 0);
    ov_controls_deinit(&st);
}

/* Distance from the plane of the targeted run, and the faded path. */
static void check_gauss4(ov_renderer *r)
{
    ov_app_state st;
    open_model(&st, "gauss4", "a,b", NULL, 0, 120);
    char ax[32], ay[32];
    CHECK(ov_hud_axis_names(&st, ax, ay, sizeof ax) && strcmp(ax, "a") == 0 &&
          strcmp(ay, "b") == 0);
    const ov_scene *sc = &st.sc.scene;
    CHECK(sc->nruns == 3 && sc->model && sc->model->n == 4);
    /* Momentum targeted: its iterate 120's distance from the plane, whose
     * o holds the followed head's c and d: sqrt((c - o_c)² + (d - o_d)²). */
    ov_test_target(&st, 1);
    const ov_run *m = &sc->runs[1];
    CHECK(m->n > 120 && m->w);
    const double *wk = m->w + 120 * 4;
    double hand = hypot(wk[2] - sc->slice.o[2], wk[3] - sc->slice.o[3]);
    CHECK(hand > 0.01);
    char lines[OV_HUD_MODEL_LINES][192];
    CHECK(ov_hud_model_lines(&st, NULL, lines, OV_HUD_MODEL_LINES) == 2);
    double shown = NAN;
    CHECK_MSG(sscanf(lines[1], "off plane: %lf", &shown) == 1, "'%s'", lines[1]);
    CHECK_MSG(fabs(shown - hand) <= 0.006 * hand, "off plane %s, by hand %.6g", lines[1], hand);

    /* The path pass: gd (all runs targeted) on the plane that follows it.
     * Its early iterates lie far off that plane, its last ones on it. */
    ov_test_target(&st, -1);
    ov_controls_seek(&st, 1e9);
    ov_hud_layout lay;
    ov_test_draw(r, &st, NULL, &lay);
    save(r, "fit-gauss4.png");
    ov_frame_desc d;
    ov_hud_frame_desc(&st, &lay, &d);
    ov_paths p;
    memset(&p, 0, sizeof p);
    ov_paths_build(&p, &d, W, H, ov_render_frame_scale(&d, H));
    const ov_run *g = &sc->runs[0];
    CHECK(g->off && g->n > 50);
    /* The view's span in parameter units (axes slice: |d1| = |d2| = 1). */
    double span = fmin(d.view->rect.x1 - d.view->rect.x0, d.view->rect.y1 - d.view->rect.y0);
    ov_rgba gc = ov_method_color(g->params.kind, st.sc.shade[0]);
    int k_near = -1, k_far = -1;
    for (int k = 2; k < g->n - 2; k++) {
        double qmin = INFINITY, qmax = 0;
        for (int j = k - 2; j <= k + 2; j++) {
            qmin = fmin(qmin, g->off[j] / (0.1 * span));
            qmax = fmax(qmax, g->off[j] / (0.1 * span));
        }
        if (k_far < 0 && qmin > 2.5)
            k_far = k;
        if (qmax < 0.1)
            k_near = k;
    }
    CHECK_MSG(k_near >= 0 && k_far >= 0, "near %d far %d", k_near, k_far);
    int alpha_at[2] = {-1, -1};
    for (int which = 0; which < 2 && k_near >= 0 && k_far >= 0; which++) {
        int k = which ? k_far : k_near;
        ov_vec2 q;
        double depth;
        CHECK(ov_view_project(d.view, g->x[k], g->y[k], g->loss[k], 0, &q, &depth));
        double best = 1e9;
        for (int i = 0; i < p.list.n; i++) {
            const ov_seg *s = &p.list.v[i];
            float a = s->fill[3] / 255.0f;
            if (a < 0.05f || (s->p0[0] == s->p1[0] && s->p0[1] == s->p1[1]))
                continue;
            /* gd's own colour (premultiplied bytes back to colour). */
            if (fabsf(s->fill[0] / 255.0f / a - gc.r) > 0.04f ||
                fabsf(s->fill[1] / 255.0f / a - gc.g) > 0.04f ||
                fabsf(s->fill[2] / 255.0f / a - gc.b) > 0.04f)
                continue;
            double ux = s->p1[0] - s->p0[0], uy = s->p1[1] - s->p0[1];
            double t = ((q.x - s->p0[0]) * ux + (q.y - s->p0[1]) * uy) / (ux * ux + uy * uy);
            t = fmin(1, fmax(0, t));
            double dist = hypot(s->p0[0] + t * ux - q.x, s->p0[1] + t * uy - q.y);
            if (dist < best) {
                best = dist;
                alpha_at[which] = s->fill[3];
            }
        }
        CHECK_MSG(best < 3.0, "no gd capsule at iterate %d (%.1f px)", k, best);
    }
    printf("gd: opacity %d at iterate %d (on the plane), %d at iterate %d (far off)\n",
           alpha_at[0], k_near, alpha_at[1], k_far);
    CHECK_MSG(alpha_at[0] >= 240, "near opacity %d", alpha_at[0]);
    /* q > 2.5: 1/(1 + q²) < 0.14, so the floor 0.15 holds it: 38/255. */
    CHECK_MSG(alpha_at[1] >= 30 && alpha_at[1] <= 45, "far opacity %d", alpha_at[1]);

    /* Momentum's head bar: centred 26 px wide (at 720 rows) under the
     * head, 6 px below its ringed marker (radius 8.2 px), filled from the
     * left to q / (1 + q) of its length, q = off / (0.1 span). */
    const ov_run *mo = &sc->runs[1];
    ov_vec2 hq;
    double hd;
    CHECK(ov_view_project(d.view, mo->x[mo->n - 1], mo->y[mo->n - 1], 0, 0, &hq, &hd));
    double q = mo->off[mo->n - 1] / (0.1 * span), want_fill = q / (1 + q);
    ov_rgba mc = ov_method_color(mo->params.kind, st.sc.shade[1]);
    int bars = 0;
    for (int i = 0; i < p.list.n; i++) {
        const ov_seg *s = &p.list.v[i];
        if (fabs(s->p0[1] - (hq.y + 14.2)) > 0.05 || fabs(s->p0[0] - (hq.x - 13)) > 0.05 ||
            s->fill[3] < 200 || abs(s->fill[0] - (int)lroundf(mc.r * 255)) > 3 ||
            abs(s->fill[2] - (int)lroundf(mc.b * 255)) > 3)
            continue;
        bars++;
        CHECK_MSG(fabs((s->p1[0] - s->p0[0]) / 26.0 - want_fill) < 0.005,
                  "bar %.3f of its length, off %.4g: want %.3f", (s->p1[0] - s->p0[0]) / 26.0,
                  mo->off[mo->n - 1], want_fill);
    }
    printf("momentum: off %.4g, bar filled %.3f\n", mo->off[mo->n - 1], want_fill);
    CHECK_MSG(bars == 1, "%d bars under momentum's head", bars);
    ov_paths_deinit(&p);

    /* Shift+L on a model shows the panel. */
    ov_input in = {0};
    int row = ov_panel_find("fit");
    CHECK(!ov_panel_shown(&st, row));
    ov_test_push_key(SDLK_l, KMOD_LSHIFT, false, true);
    ov_test_pump(&in, &st, W, H);
    CHECK(ov_panel_shown(&st, row));
    ov_controls_deinit(&st);
}

/* Shift+L on a surface: no panel, a message saying why. */
static void check_surface(void)
{
    ov_config cfg;
    ov_config_defaults(&cfg);
    ov_app_state st;
    char err[512];
    CHECK_MSG(ov_controls_init(&st, &cfg, err, sizeof err), "%s", err);
    ov_test_plain(&st);
    ov_input in = {0};
    ov_test_push_key(SDLK_l, KMOD_LSHIFT, false, true);
    ov_test_pump(&in, &st, W, H);
    CHECK(!ov_panel_shown(&st, ov_panel_find("fit")));
    CHECK_MSG(strstr(st.ui.message, "only with a model") != NULL, "'%s'", st.ui.message);
    char lines[OV_HUD_MODEL_LINES][192];
    CHECK(ov_hud_model_lines(&st, NULL, lines, OV_HUD_MODEL_LINES) == 0);
    ov_controls_deinit(&st);
}

int main(void)
{
    ov_config cfg;
    ov_config_defaults(&cfg);
    ov_app_state st;
    char err[512];
    CHECK_MSG(ov_controls_init(&st, &cfg, err, sizeof err), "%s", err);
    ov_glwin win;
    ov_renderer *r = ov_app_test_open(&win, &st, W, H);
    ov_controls_deinit(&st);
    char fmt[32];
    ov_hud_format_ratio(12345.0, fmt, sizeof fmt);
    CHECK_MSG(strcmp(fmt, "1.2e4") == 0, "'%s'", fmt);
    ov_hud_format_ratio(99999.0, fmt, sizeof fmt);
    CHECK_MSG(strcmp(fmt, "1.0e5") == 0, "'%s'", fmt);
    ov_hud_format_ratio(8.5297, fmt, sizeof fmt);
    CHECK_MSG(strcmp(fmt, "8.53") == 0, "'%s'", fmt);
    check_line(r);
    check_xor(r);
    check_gauss4(r);
    check_surface();
    ov_renderer_destroy(r);
    ov_glwin_destroy(&win);
    return ov_test_finish("test_app_fit");
}
