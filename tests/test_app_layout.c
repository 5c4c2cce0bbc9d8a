/* The HUD layout at 1280x720, 1920x1080, 800x980, 700x950 and 3840x2160,
 * normal and projector mode, on a busy scene (six runs, one diverging, a
 * two-line caption, a message, all three panels): no two boxes intersect,
 * every box stays in the frame, no text is under its floor (14 px at
 * 1280x720, 20 px in projector mode), and the start, the minimum and the
 * converging paths land in the part of the picture the HUD leaves free. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app/hud.h"
#include "app/hud_layout.h"
#include "ov_app_test.h"
#include "ov_test.h"
#include "app/app_cache.h"
#include "app/controls.h"
#include "app/controls_anim.h"
#include "app/controls_ui.h"

/* The parts that are not panels, in ov_hud_part's order from the caption. */
static const char *const NAMES[] = {"caption", "status", "legend", "message", "explain"};
_Static_assert(sizeof NAMES / sizeof NAMES[0] == OV_HUD_LABEL0 - OV_HUD_CAPTION,
               "one name for every HUD part before the labels");

static void name_of(int part, char *buf, size_t cap)
{
    int n;
    const ov_panel *panels = ov_panels(&n);
    if (part == OV_HUD_INFO)
        snprintf(buf, cap, "run list");
    else if (part < OV_HUD_PANEL0 + n)
        snprintf(buf, cap, "%s panel", panels[part - OV_HUD_PANEL0].name);
    else if (part < OV_HUD_CAPTION)
        snprintf(buf, cap, "unused panel part %d", part);
    else if (part < OV_HUD_LABEL0)
        snprintf(buf, cap, "%s", NAMES[part - OV_HUD_CAPTION]);
    else
        snprintf(buf, cap, "label of run %d", part - OV_HUD_LABEL0);
}

static bool overlap(ov_box a, ov_box b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static void init_scene(ov_app_state *st)
{
    ov_config cfg;
    ov_config_defaults(&cfg);
    cfg.has_kappa = cfg.has_theta = cfg.has_start = true;
    cfg.kappa = 10;
    cfg.theta = 0;
    cfg.start = (ov_vec2){-3, 1};
    cfg.steps = 100;
    static const char *const specs[] = {"gd", "gd", "momentum", "adam", "nesterov", "rmsprop"};
    static const double alphas[] = {0.19, 0.22, 0.05, 0.1, 0.05, 0.02};
    cfg.nruns = 6;
    for (int i = 0; i < 6; i++) {
        CHECK(ov_optim_find(specs[i], &cfg.runs[i].kind));
        cfg.runs[i].has_alpha = true;
        cfg.runs[i].alpha = alphas[i];
    }
    snprintf(cfg.caption, sizeof cfg.caption, "%s",
             "Past the stability limit 2/\xce\xba = 0.2: each swing is larger than the last, and "
             "GD diverges, while momentum, Adam and Nesterov settle.");
    cfg.panels = 0;
    for (int i = 0; ov_config_panel_names[i]; i++)
        if (strcmp(ov_config_panel_names[i], "steps") != 0)
            cfg.panels |= 1u << i;   /* every panel but steps, which its key shows */
    char err[256];
    CHECK_MSG(ov_controls_init(st, &cfg, err, sizeof err), "%s", err);
    ov_panel_toggle(st, ov_panel_find("steps"));   /* the | key */
    ov_controls_seek(st, ov_controls_last_step(st));
    ov_controls_say(st, "\xce\xb1 \xc3\x97" "1.25 for all runs");
}

/* Pixel position of world point p in the laid-out frame (2-D: the view's
 * rectangle covers the frame). */
static ov_vec2 to_px(const ov_hud_layout *lay, ov_vec2 p)
{
    ov_rect v = lay->view.rect;
    ov_vec2 q = {(p.x - v.x0) / (v.x1 - v.x0) * lay->width, (v.y1 - p.y) / (v.y1 - v.y0) * lay->height};
    return q;
}

static bool in_box(ov_box b, ov_vec2 q, double slack)
{
    return q.x >= b.x - slack && q.x <= b.x + b.w + slack && q.y >= b.y - slack &&
           q.y <= b.y + b.h + slack;
}

static ov_app_cache cache;   /* what drawing keeps between frames (zeroed: empty) */

static void check_size(ov_renderer *r, ov_app_state *st, int w, int h)
{
    char err[256];
    CHECK_MSG(ov_renderer_resize(r, w, h, err, sizeof err), "%s", err);
    ov_hud_layout lay;
    ov_hud_layout_compute(r, st, &cache, w, h, &lay);
    const char *mode = st->ui.projector ? "projector" : "normal";
    /* The floor: 14 px (20 in projector mode) at 1280x720, scaled with the
     * frame above it (u = min(w/1280, h/720)), never less below it. */
    double u = fmin(w / 1280.0, h / 720.0), floor_px = (st->ui.projector ? 20 : 14) * fmax(u, 1.0);
    CHECK_NEAR(lay.floor_px, floor_px, 1e-3);
    CHECK_MSG(lay.px >= floor_px && lay.small >= floor_px && lay.big >= floor_px,
              "%dx%d %s: text %.1f / %.1f / %.1f px under the floor %.1f", w, h, mode, lay.px,
              lay.small, lay.big, floor_px);
    if (lay.on[OV_HUD_CAPTION])
        CHECK(lay.caption_px >= floor_px);
    int npanels;
    ov_panels(&npanels);
    for (int k = 0; k < OV_PANEL_MAX; k++) {
        CHECK_MSG(k < npanels || !lay.on[OV_HUD_PANEL0 + k], "panel part %d on with no row", k);
        if (lay.on[OV_HUD_PANEL0 + k])
            CHECK(lay.panel_px[k] >= floor_px);
    }
    /* What must always be there. */
    CHECK(lay.on[OV_HUD_INFO] && lay.on[OV_HUD_STATUS] && lay.on[OV_HUD_LEGEND] &&
          lay.on[OV_HUD_CAPTION] && lay.on[OV_HUD_MESSAGE]);
    for (int i = 0; i < OV_HUD_PARTS; i++) {
        if (!lay.on[i])
            continue;
        char a[32], b[32];
        name_of(i, a, sizeof a);
        ov_box bi = lay.box[i];
        CHECK_MSG(bi.x >= 0 && bi.y >= 0 && bi.x + bi.w <= w && bi.y + bi.h <= h && bi.w > 0 &&
                      bi.h > 0,
                  "%dx%d %s: %s (%.0f, %.0f, %.0f x %.0f) leaves the frame", w, h, mode, a, bi.x,
                  bi.y, bi.w, bi.h);
        for (int j = 0; j < i; j++) {
            if (!lay.on[j])
                continue;
            name_of(j, b, sizeof b);
            CHECK_MSG(!overlap(bi, lay.box[j]), "%dx%d %s: %s overlaps %s", w, h, mode, a, b);
        }
        if (i != OV_HUD_MESSAGE && i < OV_HUD_LABEL0)
            CHECK_MSG(!overlap(bi, lay.free), "%dx%d %s: the free box overlaps %s", w, h, mode, a);
    }
    /* The diverging run's label is placed (these frames have room for it). */
    CHECK_MSG(lay.on[OV_HUD_LABEL0 + 1], "%dx%d %s: no divergence label", w, h, mode);
    /* The start, the minimum and every converging path in the free box. */
    CHECK(in_box(lay.free, to_px(&lay, st->sc.scene.start), 1.0));
    CHECK(in_box(lay.free, to_px(&lay, st->sc.scene.surface->minima[0]), 1.0));
    for (int i = 0; i < st->sc.scene.nruns; i++) {
        const ov_run *run = &st->sc.scene.runs[i];
        if (run->diverged)
            continue;
        int outside = 0;
        for (int k = 0; k < run->n; k++)
            outside += !in_box(lay.free, to_px(&lay, (ov_vec2){run->x[k], run->y[k]}), 1.0);
        CHECK_MSG(outside == 0, "%dx%d %s: %d iterates of run %d outside the free box", w, h, mode,
                  outside, i);
    }
}

int main(void)
{
    ov_app_state st;
    init_scene(&st);
    ov_glwin win;
    ov_renderer *r = ov_app_test_open(&win, &st, 640, 360);
    static const int sizes[5][2] = {{1280, 720}, {1920, 1080}, {800, 980}, {700, 950}, {3840, 2160}};
    for (int p = 0; p < 2; p++) {
        ov_test_projector(&st, p == 1);
        for (int i = 0; i < 5; i++)
            check_size(r, &st, sizes[i][0], sizes[i][1]);
    }
    /* Projector mode at 1920x1080: every text at least 20 x 1.5 = 30 px. */
    ov_test_projector(&st, true);
    ov_hud_layout lay;
    char err[256];
    CHECK(ov_renderer_resize(r, 1920, 1080, err, sizeof err));
    ov_hud_layout_compute(r, &st, &cache, 1920, 1080, &lay);
    CHECK(lay.small >= 30.0f);
    /* A page control over the top right corner (the browser's "buttons",
     * 90 x 40 px): the message keeps left of it, whole; without one it
     * reaches the frame's margin. */
    ov_test_projector(&st, false);
    CHECK(ov_renderer_resize(r, 1280, 720, err, sizeof err));
    ov_hud_layout_compute(r, &st, &cache, 1280, 720, &lay);
    CHECK(lay.on[OV_HUD_MESSAGE]);
    float free_right = lay.box[OV_HUD_MESSAGE].x + lay.box[OV_HUD_MESSAGE].w;
    CHECK_MSG(free_right > 1280 - 90, "the message ends at %.1f", free_right);
    ov_controls_set_page_corner(&st, 90, 40);
    ov_hud_layout_compute(r, &st, &cache, 1280, 720, &lay);
    ov_box m = lay.box[OV_HUD_MESSAGE];
    CHECK(lay.on[OV_HUD_MESSAGE]);
    CHECK_MSG(m.x + m.w <= 1280 - 90 && m.x >= 0, "the message spans %.1f .. %.1f", m.x,
              m.x + m.w);
    CHECK(strcmp(lay.message, st.ui.message) == 0);
    ov_renderer_destroy(r);
    ov_glwin_destroy(&win);
    ov_controls_deinit(&st);
    return ov_test_finish("test_app_layout");
}
