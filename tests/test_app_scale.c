/* Sizes follow the frame height once: the same scene drawn through the HUD
 * (ov_hud_draw_frame, as the window and the exports draw it) at 720 and at
 * 1440 rows has a path stroke exactly twice as wide, whatever --ui-scale.
 * The stroke is measured across a straight stretch of a gd run on the
 * isotropic quadratic (it runs straight to the minimum), between two
 * iterate dots: the pixels in the run's colour per column. Without the
 * fix the stroke grew with the square of the height (x4). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app/controls.h"
#include "app/controls_anim.h"
#include "app/hud.h"
#include "ov_app_test.h"
#include "ov_test.h"

#define W1 960
#define H1 720

/* The run's stroke in px: pixels in its colour per column, averaged over
 * the columns between world x = 2.75 and 2.95 (the dots are at 3 and 2.7),
 * the path there being y = 0.15 x, so columns sample it at many sub-pixel
 * offsets. v maps the world to the frame as the HUD laid it out. */
static double stroke_px(const uint8_t *img, int w, int h, const ov_view *v)
{
    ov_rgba c = ov_method_color(OV_OPT_GD, 0);
    int want[3] = {(int)lroundf(c.r * 255), (int)lroundf(c.g * 255), (int)lroundf(c.b * 255)};
    ov_vec2 a, b;
    double depth;
    if (!ov_view_project(v, 2.75, 0.4125, 0, 0, &a, &depth) ||
        !ov_view_project(v, 2.95, 0.4425, 0, 0, &b, &depth) || b.x - a.x < 4)
        return 0.0;
    int n = 0, cols = 0;
    for (int col = (int)ceil(a.x); col <= (int)floor(b.x) && col < w; col++) {
        int mid = (int)(a.y + (b.y - a.y) * (col - a.x) / (b.x - a.x));
        for (int y = mid - h / 20; y < mid + h / 20; y++) {
            if (y < 0 || y >= h || col < 0)
                continue;
            const uint8_t *p = img + ((size_t)y * w + col) * 4;
            int e = 0;
            for (int k = 0; k < 3; k++)
                e = abs(p[k] - want[k]) > e ? abs(p[k] - want[k]) : e;
            n += e <= 48;
        }
        cols++;
    }
    return cols ? (double)n / cols : 0.0;
}

static double measure(ov_renderer *r, ov_app_state *st, int w, int h)
{
    char err[512];
    CHECK_MSG(ov_renderer_resize(r, w, h, err, sizeof err), "%s", err);
    uint8_t *img = malloc((size_t)w * h * 4);
    if (!img)
        return 0;
    ov_hud_layout lay;
    ov_hud_draw_frame(r, st, NULL, &lay);
    double px = ov_renderer_read_rgba(r, img) ? stroke_px(img, w, h, &lay.view) : 0;
    free(img);
    return px;
}

int main(void)
{
    ov_config cfg;
    ov_config_defaults(&cfg);
    snprintf(cfg.surface, sizeof cfg.surface, "quadratic");
    cfg.has_kappa = cfg.has_theta = true;
    cfg.kappa = 1.0;
    cfg.theta = 0.0;
    cfg.has_start = true;
    cfg.start = (ov_vec2){3.0, 0.45};
    cfg.has_view = true;
    cfg.view = (ov_rect){-4.0, 4.0, -3.0, 3.0};
    cfg.steps = 20;
    cfg.nruns = 1;
    memset(&cfg.runs[0], 0, sizeof cfg.runs[0]);
    cfg.runs[0].kind = OV_OPT_GD;
    cfg.runs[0].has_alpha = true;
    cfg.runs[0].alpha = 0.1;   /* w_k = 0.9^k w_0: dots at x = 3, 2.7, 2.43, ... */
    const float scales[] = {1.0f, 1.5f};
    ov_glwin win;
    ov_renderer *r = NULL;
    for (size_t i = 0; i < sizeof scales / sizeof scales[0]; i++) {
        cfg.ui_scale = scales[i];
        ov_app_state st;
        char err[512];
        if (!ov_controls_init(&st, &cfg, err, sizeof err)) {
            CHECK_MSG(false, "%s", err);
            break;
        }
        ov_controls_seek(&st, ov_controls_last_step(&st));
        if (!r)
            r = ov_app_test_open(&win, &st, W1, H1);
        CHECK(ov_renderer_set_surface(r, st.sc.scene.surface, err, sizeof err));
        double a = measure(r, &st, W1, H1), b = measure(r, &st, 2 * W1, 2 * H1);
        printf("ui scale %.1f: stroke %.2f px at %d rows, %.2f px at %d rows\n", scales[i], a,
               H1, b, 2 * H1);
        CHECK_MSG(a >= 2, "no stroke found at %d rows", H1);
        CHECK_MSG(fabs(b / a - 2.0) <= 0.3, "twice the rows: stroke x%.2f (want x2)", b / a);
        ov_controls_deinit(&st);
    }
    ov_renderer_destroy(r);
    ov_glwin_destroy(&win);
    return ov_test_finish("test_app_scale");
}
