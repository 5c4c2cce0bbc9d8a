/* The rate-map panel (Shift+I) in a 1280x720 frame, headless: a click on
 * the map at the optimum's pixel sets momentum's α and β to it (all runs
 * targeted: every momentum run, the others unchanged) within a pixel, the
 * paths are recomputed at once, and O then agrees with the map's marker;
 * with gd targeted the map is gd's one row; a click off the panel still
 * moves the start; on the saddle there is no map to click. The pixels: the
 * diverging corner is dark red, the optimum's cell bright. The
 * eigen-components panel (Shift+V) beside it draws both components of the
 * momentum run in their colours. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app/controls.h"
#include "app/controls_params.h"
#include "app/hud.h"
#include "app/hud_layout.h"
#include "app/input.h"
#include "app/panels.h"
#include "core/rate_map.h"
#include "io/png_write.h"
#include "ov_app_test.h"
#include "ov_test.h"

#define W 1280
#define H 720

static void click(ov_input *in, ov_app_state *st, int x, int y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.x = x;
    e.button.y = y;
    CHECK(SDL_PushEvent(&e) == 1);
    e.type = SDL_MOUSEBUTTONUP;
    CHECK(SDL_PushEvent(&e) == 1);
    ov_test_pump(in, st, W, H);
}

/* A left-button drag from (x0, y0) to (x1, y1) in four moves. */
static void drag(ov_input *in, ov_app_state *st, int x0, int y0, int x1, int y1)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.x = x0;
    e.button.y = y0;
    CHECK(SDL_PushEvent(&e) == 1);
    for (int i = 1; i <= 4; i++) {
        memset(&e, 0, sizeof e);
        e.type = SDL_MOUSEMOTION;
        e.motion.x = x0 + (x1 - x0) * i / 4;
        e.motion.y = y0 + (y1 - y0) * i / 4;
        CHECK(SDL_PushEvent(&e) == 1);
    }
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONUP;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.x = x1;
    e.button.y = y1;
    CHECK(SDL_PushEvent(&e) == 1);
    ov_test_pump(in, st, W, H);
}

/* The map's area in the frame laid out as lay. */
static ov_box area_of(const ov_hud_layout *lay)
{
    int i = ov_panel_find("rate-map");
    CHECK(i >= 0 && lay->on[OV_HUD_PANEL0 + i]);
    return ov_panel_rate_map_area(lay->box[OV_HUD_PANEL0 + i], lay->panel_px[i]);
}

/* The pixel of (alpha, beta) on the map, from the axes' definition: log
 * alpha from agd/1000 to 10 agd, beta from -0.0125 (bottom) to 0.9875. */
static void pixel_of(ov_box a, double agd, double alpha, double beta, int *x, int *y)
{
    double u = log10(alpha / (agd / 1000.0)) / 4.0, v = 1.0 - (beta + 0.0125);
    *x = (int)floor(a.x + u * a.w);
    *y = (int)floor(a.y + v * a.h);
}

int main(void)
{
    ov_config cfg;
    ov_config_defaults(&cfg);
    cfg.has_kappa = true;
    cfg.kappa = 100;
    ov_app_state st;
    char err[1024];
    CHECK_MSG(ov_controls_init(&st, &cfg, err, sizeof err), "%s", err);
    ov_test_plain(&st);
    ov_test_panel(&st, "rate-map", true);
    ov_glwin win;
    ov_renderer *r = ov_app_test_open(&win, &st, W, H);
    ov_input in = {0};
    ov_hud_layout lay;
    ov_test_draw(r, &st, &in, &lay);
    ov_box a = area_of(&lay);
    const ov_scene *sc = &st.sc.scene;
    CHECK(sc->nruns == 3 && sc->runs[1].params.kind == OV_OPT_MOMENTUM);
    const double agd = 2.0 / 101.0, ha = pow(2.0 / 11.0, 2), hb = pow(9.0 / 11.0, 2);

    /* The pixels: bottom right (alpha 10 agd, beta 0: rate 18.8) diverges
     * (dark red); the optimum's neighbourhood is bright. */
    uint8_t *px = malloc((size_t)W * H * 4);
    CHECK(px && ov_renderer_read_rgba(r, px));
    if (px) {
        int x = (int)(a.x + a.w) - 3, y = (int)(a.y + a.h) - 3;
        const uint8_t *p = px + ((size_t)y * W + x) * 4;
        CHECK_MSG(p[0] > 50 && p[0] > 2 * p[1] && p[0] > 2 * p[2], "corner %d %d %d", p[0], p[1],
                  p[2]);
        int ox, oy;
        pixel_of(a, agd, ha * 0.85, hb, &ox, &oy);
        p = px + ((size_t)oy * W + ox) * 4;
        CHECK_MSG(p[0] > 150 && p[1] > 150 && p[2] < 120, "near the optimum %d %d %d", p[0], p[1],
                  p[2]);
    }
    free(px);

    /* A click on the optimum's pixel sets momentum's alpha and beta. */
    double gd_a = sc->runs[0].params.alpha, adam_a = sc->runs[2].params.alpha;
    int x, y;
    pixel_of(a, agd, ha, hb, &x, &y);
    ov_vec2 start = sc->start;
    click(&in, &st, x, y);
    const ov_optim_params *p = &sc->runs[1].params;
    double per_px = 4.0 * log(10.0) / a.w;
    CHECK_MSG(fabs(log(p->alpha / ha)) <= 1.5 * per_px, "alpha %.6g vs %.6g", p->alpha, ha);
    CHECK_MSG(fabs(p->beta - hb) <= 1.5 / a.h, "beta %.6g vs %.6g", p->beta, hb);
    CHECK(sc->runs[0].params.alpha == gd_a && sc->runs[2].params.alpha == adam_a);
    CHECK(sc->start.x == start.x && sc->start.y == start.y);
    /* The path follows at once: its first step is w0 - alpha g(w0). */
    double f, g[2];
    ov_surface_grad(sc->surface, sc->runs[1].x[0], sc->runs[1].y[0], &f, g);
    CHECK_NEAR(sc->runs[1].x[1], sc->runs[1].x[0] - p->alpha * g[0], 1e-12);
    /* Near the optimum, its rate is near the optimum's 9/11. */
    CHECK(ov_rate_map_rate(OV_OPT_MOMENTUM, p->alpha, p->beta, 1, 100) < 0.85);
    /* A drag that begins on the map sweeps alpha and beta with the cursor
     * and does not pan the view; past the map's edge it stops at the edge. */
    ov_rect view = st.view.rect;
    int x2, y2;
    pixel_of(a, agd, 0.002, 0.5, &x2, &y2);
    drag(&in, &st, x, y, x2, y2);
    CHECK_MSG(fabs(log(p->alpha / 0.002)) <= 1.5 * per_px, "dragged alpha %.6g", p->alpha);
    CHECK_MSG(fabs(p->beta - 0.5) <= 1.5 / a.h, "dragged beta %.6g", p->beta);
    CHECK(memcmp(&view, &st.view.rect, sizeof view) == 0);
    drag(&in, &st, x2, y2, x2, (int)(a.y + a.h) + 40);
    CHECK_MSG(p->beta == 0.0, "beta below the map %.6g", p->beta);
    CHECK(memcmp(&view, &st.view.rect, sizeof view) == 0);
    /* O agrees with the map's marker. */
    ov_controls_snap_optimal(&st);
    CHECK_NEAR(sc->runs[1].params.alpha, ha, 1e-12);
    CHECK_NEAR(sc->runs[1].params.beta, hb, 1e-12);

    /* gd targeted: its one row; a click at gd's optimum sets its alpha only. */
    ov_test_target(&st, 0);
    ov_test_draw(r, &st, &in, &lay);
    a = area_of(&lay);
    pixel_of(a, agd, agd, 0.5, &x, &y);
    double mom_a = sc->runs[1].params.alpha;
    /* The frame, for a person to look at (OV_TMP/rate-map-gd.png). */
    const char *tmp = getenv("OV_TMP");
    uint8_t *shot = malloc((size_t)W * H * 4);
    if (tmp && shot && ov_renderer_read_rgba(r, shot)) {
        char path[600], perr[256];
        snprintf(path, sizeof path, "%s/rate-map-gd.png", tmp);
        CHECK(ov_png_write(path, shot, W, H, perr, sizeof perr));
    }
    free(shot);
    click(&in, &st, x, y);
    CHECK_MSG(fabs(log(sc->runs[0].params.alpha / agd)) <= 1.5 * per_px, "gd alpha %.6g",
              sc->runs[0].params.alpha);
    CHECK(sc->runs[1].params.alpha == mom_a);

    /* Off the panel, a click still moves the start. */
    click(&in, &st, W / 3, H / 2);
    CHECK(sc->start.x != start.x || sc->start.y != start.y);

    /* The eigen-components panel: the steep component's orange and the
     * shallow one's green inside its box. */
    ov_test_target(&st, 1);
    ov_test_panel(&st, "eigen", true);
    ov_test_draw(r, &st, &in, &lay);
    int ei = ov_panel_find("eigen");
    CHECK(ei >= 0 && lay.on[OV_HUD_PANEL0 + ei]);
    px = malloc((size_t)W * H * 4);
    CHECK(px && ov_renderer_read_rgba(r, px));
    if (px && ei >= 0) {
        ov_box eb = lay.box[OV_HUD_PANEL0 + ei];
        long orange = 0, green = 0;
        for (int yy = (int)eb.y; yy < (int)(eb.y + eb.h); yy++)
            for (int xx = (int)eb.x; xx < (int)(eb.x + eb.w); xx++) {
                const uint8_t *q = px + ((size_t)yy * W + xx) * 4;
                orange += abs(q[0] - 255) < 30 && abs(q[1] - 158) < 30 && abs(q[2] - 56) < 30;
                green += abs(q[0] - 140) < 30 && abs(q[1] - 235) < 30 && abs(q[2] - 115) < 30;
            }
        CHECK_MSG(orange > 100 && green > 100, "orange %ld green %ld", orange, green);
    }
    free(px);

    /* The saddle: no map, nothing to pick. */
    ov_optim_kind kind;
    double pa, pb;
    CHECK(ov_panel_rate_map_pick(&st, 0.5, 0.5, &kind, &pa, &pb));
    ov_expr_error xe;
    CHECK(ov_scene_set_surface(&st.sc.scene, "saddle", &xe));
    CHECK(!ov_panel_rate_map_pick(&st, 0.5, 0.5, &kind, &pa, &pb));
    ov_test_draw(r, &st, &in, &lay);

    /* Extremes: kappa 1 and 1e10, a diverging gd and a diverging momentum
     * run, every theory panel on: nothing non-finite reaches the renderer. */
    const double kappas[] = {1.0, 1e10};
    for (int t = 0; t < 2; t++) {
        ov_app_state ex;
        ov_config c2;
        ov_config_defaults(&c2);
        c2.has_kappa = true;
        c2.kappa = kappas[t];
        c2.nruns = 3;
        c2.runs[0] = (ov_run_spec){.kind = OV_OPT_GD, .has_alpha = true, .alpha = 3.0 / kappas[t]};
        c2.runs[1] = (ov_run_spec){.kind = OV_OPT_MOMENTUM, .has_alpha = true,
                                   .alpha = 5.0 / kappas[t], .has_beta = true, .beta = 0.9};
        c2.runs[2] = (ov_run_spec){.kind = OV_OPT_NESTEROV};
        CHECK_MSG(ov_controls_init(&ex, &c2, err, sizeof err), "%s", err);
        ov_test_plain(&ex);
        ov_test_panel(&ex, "rate-map", true);
        ov_test_panel(&ex, "eigen", true);
        ov_test_panel(&ex, "loss", true);
        for (int target = -1; target < 3; target++) {
            ov_test_target(&ex, target);
            ov_test_draw(r, &ex, NULL, NULL);
        }
        ov_controls_deinit(&ex);
    }
    ov_render_stats stats;
    ov_renderer_stats(r, &stats);
    CHECK_MSG(stats.nonfinite_values == 0 && stats.nonfinite_text == 0, "%ld %ld",
              (long)stats.nonfinite_values, (long)stats.nonfinite_text);

    ov_renderer_destroy(r);
    ov_glwin_destroy(&win);
    ov_controls_deinit(&st);
    return ov_test_finish("test_app_rate_map_panel");
}
