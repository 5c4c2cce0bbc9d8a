/* The eigen-components panel (Shift+V): the targeted run's error
 * e_k = w_k − w* written in the Hessian's eigenvectors, each component's
 * log |e·v| against step (bright where the component is positive, dark
 * where negative, and with room a filled dot or a ring per step, so a
 * zig-zag shows as alternating shades) over the theory's closed-form
 * prediction drawn as a light band under it (core/eigen_modes.h):
 * the steep direction oscillates or dies fast, the shallow one crawls.
 * w* is the surface's known minimum nearest the run's end, else its last
 * iterate; off the quadratic the Hessian is the one at w*, said so. With
 * all runs targeted it follows the first momentum run (else the first). */
#include "panels.h"

#include <math.h>
#include <stdio.h>

#include "core/eigen_modes.h"

static const ov_rgba COMP[2] = {{0.55f, 0.92f, 0.45f, 1.0f},    /* shallow: lambda min */
                                {1.00f, 0.62f, 0.22f, 1.0f}};   /* steep: lambda max */

/* The run the panel follows, -1 for none. */
static int eigen_run(const ov_app_state *st)
{
    const ov_scene *sc = &st->sc.scene;
    if (st->sc.target >= 0 && st->sc.target < sc->nruns)
        return st->sc.target;
    for (int i = 0; i < sc->nruns; i++)
        if (sc->runs[i].params.kind == OV_OPT_MOMENTUM && !st->sc.hidden[i])
            return i;
    for (int i = 0; i < sc->nruns; i++)
        if (!st->sc.hidden[i])
            return i;
    return -1;
}

static double log_abs(double v)
{
    return fabs(v) > 1e-300 && isfinite(v) ? log10(fabs(v)) : -INFINITY;
}

/* The prediction's band: the colour lightened, half transparent. */
static ov_rgba band(ov_rgba c)
{
    return (ov_rgba){c.r + (1 - c.r) * 0.6f, c.g + (1 - c.g) * 0.6f, c.b + (1 - c.b) * 0.6f,
                     0.4f};
}

/* A negative component's shade. */
static ov_rgba dark(ov_rgba c)
{
    return (ov_rgba){c.r * 0.5f, c.g * 0.5f, c.b * 0.5f, 1.0f};
}

static void say(ov_renderer *r, const ov_hud_style *sty, ov_box b, const char *title,
                const char *why)
{
    float px = sty->px, pad = px * 0.5f;
    ov_renderer_rect(r, b.x, b.y, b.w, b.h, sty->panel);
    char shown[192];
    snprintf(shown, sizeof shown, "%s", title);
    ov_hud_ellipsize(r, px, shown, b.w - 2 * pad);
    ov_renderer_text(r, b.x + pad, b.y + pad * 0.4f, px, sty->text, OV_ALIGN_LEFT, shown);
    char lines[4][192];
    int n = ov_hud_wrap(r, px, why, b.w - 2 * pad, lines, 4);
    for (int i = 0; i < n; i++)
        ov_renderer_text(r, b.x + pad, b.y + px * (1.6f + 1.2f * i), px, sty->dim,
                         OV_ALIGN_LEFT, lines[i]);
}

void ov_panel_eigen(ov_renderer *r, const ov_app_state *st, const ov_hud_style *sty, ov_box b)
{
    const char *title = "error along H's eigenvectors, log |e\xc2\xb7v|";
    int ri = eigen_run(st);
    if (ri < 0) {
        say(r, sty, b, title, "no run shown");
        return;
    }
    const ov_run *run = &st->sc.scene.runs[ri];
    ov_eigen_basis eb;
    char why[200];
    if (!ov_eigen_basis_of(st->sc.scene.surface, run, &eb, why, sizeof why)) {
        say(r, sty, b, title, why);
        return;
    }
    float px = sty->px;
    ov_mode_pred pred[2];
    bool has_pred = run->n >= 2;
    for (int i = 0; i < 2 && has_pred; i++)
        has_pred = ov_mode_predict_init(&run->params, eb.lambda[i],
                                        ov_eigen_component(&eb, run, i, 0),
                                        ov_eigen_component(&eb, run, i, 1), &pred[i]);
    int last = run->n - 1 > 1 ? run->n - 1 : 1;
    int cols = (int)fmaxf(b.w - px * 4, 8.0f);
    int stride = (int)ceil((double)run->n / (double)cols);
    stride = stride < 1 ? 1 : stride;
    ov_log_range range;
    ov_log_range_init(&range);
    for (int k = 0; k < run->n; k += stride)
        for (int i = 0; i < 2; i++) {
            ov_log_range_see(&range, log_abs(ov_eigen_component(&eb, run, i, k)));
            if (has_pred)
                ov_log_range_see(&range, log_abs(ov_mode_predict(&pred[i], k)));
        }
    ov_log_range_finish(&range);
    ov_log_graph g;
    ov_log_graph_frame(r, sty, b, title, range, last, &g);
    /* Dots only where they do not run into each other. */
    bool dots = (g.x1 - g.x0) / ((double)run->n / stride) >= px * 0.45f;
    for (int i = 0; i < 2 && has_pred; i++) {
        float qx = 0, qy = 0;
        bool qprev = false;
        for (int k = 0; k < run->n; k += stride) {
            float x = ov_log_graph_x(&g, k);
            double lq = log_abs(ov_mode_predict(&pred[i], k));
            float y = ov_log_graph_y(&g, lq);
            if (isfinite(lq) && qprev)
                ov_renderer_line(r, qx, qy, x, y, px * 0.4f, band(COMP[i]));
            qprev = isfinite(lq);
            qx = x;
            qy = y;
        }
    }
    for (int i = 0; i < 2; i++) {
        ov_rgba c = COMP[i];
        float mx = 0, my = 0;
        bool mprev = false;
        for (int k = 0; k < run->n; k += stride) {
            float x = ov_log_graph_x(&g, k);
            double cv = ov_eigen_component(&eb, run, i, k), lm = log_abs(cv);
            if (!isfinite(lm)) {
                mprev = false;
                continue;
            }
            float y = ov_log_graph_y(&g, lm);
            if (mprev)
                ov_renderer_line(r, mx, my, x, y, px * 0.1f, cv > 0 ? c : dark(c));
            if (dots)
                ov_renderer_marker(r, x, y, px * 0.17f, OV_MARK_CIRCLE,
                                   cv > 0 ? c : sty->panel, px * 0.06f, c);
            mprev = true;
            mx = x;
            my = y;
        }
    }
    ov_log_graph_cursor(r, sty, &g, st->anim.step);
    /* The key, top right inside the plot, on the panel's colour. */
    char key[5][160];
    ov_rgba kc[5] = {COMP[1], COMP[0], ov_hud_text_colour(ov_hud_run_color(st, ri)), sty->dim,
                     sty->dim};
    snprintf(key[0], sizeof key[0], "\xce\xbb = %.4g steep", eb.lambda[1]);
    snprintf(key[1], sizeof key[1], "\xce\xbb = %.4g shallow", eb.lambda[0]);
    snprintf(key[2], sizeof key[2], "%s: bright +, dark \xe2\x88\x92",
             ov_optim_info_of(run->params.kind)->name);
    snprintf(key[3], sizeof key[3], "%s", has_pred ? "light band: theory" : "no closed form");
    if (eb.known_min)
        snprintf(key[4], sizeof key[4], "w* = minimum (%.3g, %.3g), H at w*", eb.wx, eb.wy);
    else
        snprintf(key[4], sizeof key[4], "w* = last iterate, H at w*");
    float sz = px * 0.8f, kw = 0, room = (g.x1 - g.x0) * 0.6f;
    for (int i = 0; i < 5; i++) {
        float w, h;
        ov_hud_ellipsize(r, sz, key[i], room);
        ov_renderer_text_size(r, sz, key[i], &w, &h);
        kw = fmaxf(kw, w);
    }
    float tx = g.x1 - px * 0.2f, ty = g.y0 + px * 0.1f;
    ov_rgba back = sty->panel;
    back.a = fmaxf(back.a, 0.75f);
    ov_renderer_rect(r, tx - kw - px * 0.2f, ty, kw + px * 0.3f, sz * 1.12f * 5 + px * 0.1f, back);
    for (int i = 0; i < 5; i++)
        ov_renderer_text(r, tx, ty + sz * 1.12f * i, sz, kc[i], OV_ALIGN_RIGHT, key[i]);

}
