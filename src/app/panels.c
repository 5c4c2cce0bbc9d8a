/* Insight panels: theory of the quadratic (I), loss against step (L), local
 * curvature (V). Every number shown comes from src/core (theory.c for the
 * quadratic's optimum and regimes, the surface's exact Hessian for the
 * curvature), so the tests of those functions cover what is on screen. */
#include "panels.h"

#include "hud_text.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/linalg.h"
#include "core/theory.h"

#define OV_PI 3.14159265358979323846

/* Appends a formatted line in colour tag (a run index or OV_PANEL_TEXT/DIM). */
static void add_line(ov_panel_text *t, int tag, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void add_line(ov_panel_text *t, int tag, const char *fmt, ...)
{
    if (t->n >= OV_PANEL_MAX_LINES)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(t->lines[t->n], sizeof t->lines[t->n], fmt, ap);
    va_end(ap);
    t->colour[t->n++] = tag;
}

void ov_panel_theory_text(const ov_app_state *st, ov_panel_text *t)
{
    t->n = 0;
    double lmin, lmax;
    ov_quad_theory th;
    if (!ov_theory_surface_eigen(st->scene.surface, &lmin, &lmax) ||
        !ov_theory_quadratic(lmin, lmax, &th)) {
        add_line(t, OV_PANEL_DIM, "theory panel: for the quadratic (press C to reach it)");
        return;
    }
    add_line(t, OV_PANEL_TEXT, "quadratic: \xce\xbb" "min = %.4g   \xce\xbb" "max = %.4g   "
             "\xce\xba = %.4g", th.lmin, th.lmax, th.kappa);
    add_line(t, OV_PANEL_DIM, "GD stable for \xce\xb1 < 2/\xce\xbb" "max = %.4g", th.gd_alpha_max);
    add_line(t, OV_PANEL_DIM, "GD optimal \xce\xb1* = 2/(\xce\xbb" "min + \xce\xbb" "max) = %.4g, "
             "rate (\xce\xba\xe2\x88\x92" "1)/(\xce\xba+1) = %.4g", th.gd_alpha_opt, th.gd_rate);
    add_line(t, OV_PANEL_DIM, "momentum optimal \xce\xb1 = %.4g, \xce\xb2 = %.4g, rate %.4g",
             th.hb_alpha, th.hb_beta, th.hb_rate);
    add_line(t, OV_PANEL_DIM, "nesterov optimal \xce\xb1 = %.4g, \xce\xb2 = %.4g, rate %.4g",
             th.nag_alpha, th.nag_beta, th.nag_rate);
    for (int i = 0; i < st->scene.nruns; i++) {
        const ov_optim_params *p = &st->scene.runs[i].params;
        double rho = 0.0;
        ov_run_regime rg = ov_theory_classify(p, lmin, lmax, &rho);
        if (rg == OV_RUN_NOT_COVERED)
            add_line(t, i, "%s: %s", ov_optim_info_of(p->kind)->name, ov_theory_regime_name(rg));
        else
            add_line(t, i, "%s \xce\xb1 = %.3g: %s, \xcf\x81 = %.4g", ov_optim_info_of(p->kind)->name,
                     p->alpha, ov_theory_regime_name(rg), rho);
    }
    add_line(t, OV_PANEL_DIM, "O: snap \xce\xb1 (and \xce\xb2) of the targeted run to its optimum");
}

/* An arrow from a to b in pixels with a head of size head. */
static void arrow(ov_renderer *r, ov_vec2 a, ov_vec2 b, float width, float head, ov_rgba c)
{
    double dx = b.x - a.x, dy = b.y - a.y, len = sqrt(dx * dx + dy * dy);
    if (!(len > 1.0))
        return;
    ov_renderer_line(r, (float)a.x, (float)a.y, (float)b.x, (float)b.y, width, c);
    double ux = dx / len, uy = dy / len, hs = fmin(head, len * 0.5);
    for (int s = -1; s <= 1; s += 2) {
        double hx = b.x - hs * (ux * 0.866 - s * uy * 0.5);
        double hy = b.y - hs * (uy * 0.866 + s * ux * 0.5);
        ov_renderer_line(r, (float)b.x, (float)b.y, (float)hx, (float)hy, width, c);
    }
}

/* log10 of the loss above the reference, floored at 1e-300. */
static double log_above(double loss, double ref)
{
    double v = loss - ref;
    return log10(v > 1e-300 ? v : 1e-300);
}

void ov_panel_loss(ov_renderer *r, const ov_app_state *st, const ov_hud_style *sty, float x0,
                   float y0, float pw, float ph)
{
    const ov_scene *sc = &st->scene;
    float px = sty->px, pad = px * 0.5f;
    ov_renderer_rect(r, x0, y0, pw, ph, sty->panel);
    /* Reference: the lowest loss any run reached (the loss above the
     * minimum for converging runs; works for negative losses too). */
    double ref = INFINITY, hi = -INFINITY, lo = INFINITY;
    int last = 1;
    for (int i = 0; i < sc->nruns; i++)
        for (int k = 0; k < sc->runs[i].n; k++)
            ref = fmin(ref, sc->runs[i].loss[k]);
    for (int i = 0; i < sc->nruns; i++) {
        const ov_run *run = &sc->runs[i];
        last = run->n - 1 > last ? run->n - 1 : last;
        for (int k = 0; k < run->n; k++) {
            double v = log_above(run->loss[k], ref);
            if (v > -299) {
                hi = fmax(hi, v);
                lo = fmin(lo, v);
            }
        }
    }
    if (!isfinite(hi) || !isfinite(lo)) {
        hi = 1;
        lo = 0;
    }
    hi = ceil(hi);
    lo = floor(fmax(lo, hi - 16.0));
    if (hi - lo < 1)
        lo = hi - 1;
    float gx0 = x0 + px * 3.4f, gx1 = x0 + pw - pad, gy0 = y0 + px * 1.9f, gy1 = y0 + ph - px * 1.5f;
    const char *title = "loss above the lowest reached, log scale";
    char shown_title[96];
    snprintf(shown_title, sizeof shown_title, "%s", title);
    ov_hud_ellipsize(r, px, shown_title, pw - 2 * pad);
    ov_renderer_text(r, x0 + pad, y0 + pad * 0.4f, px, sty->text, OV_ALIGN_LEFT, shown_title);
    /* Decade grid with labels, at most ~6 labels. */
    int every = (int)ceil((hi - lo) / 6.0);
    for (int d = (int)lo; d <= (int)hi; d += every) {
        float y = gy1 - (float)((d - lo) / (hi - lo)) * (gy1 - gy0);
        ov_rgba grid = sty->dim;
        grid.a = 0.25f;
        ov_renderer_line(r, gx0, y, gx1, y, 1.0f, grid);
        char lab[16];
        snprintf(lab, sizeof lab, "1e%d", d);
        ov_renderer_text(r, gx0 - pad * 0.5f, y - px * 0.6f, px, sty->dim, OV_ALIGN_RIGHT,
                         lab);
    }
    char lab[32];
    snprintf(lab, sizeof lab, "step %d", last);
    ov_renderer_text(r, gx1, gy1 + px * 0.1f, px, sty->dim, OV_ALIGN_RIGHT, lab);
    ov_renderer_text(r, gx0, gy1 + px * 0.1f, px, sty->dim, OV_ALIGN_LEFT, "0");
    for (int i = 0; i < sc->nruns; i++) {
        const ov_run *run = &sc->runs[i];
        if (run->n < 1)
            continue;
        ov_rgba c = ov_hud_run_color(st, i);
        /* About one vertex per pixel column. */
        int stride = (int)ceil((double)run->n / (double)(gx1 - gx0));
        stride = stride < 1 ? 1 : stride;
        float px0 = 0, py0 = 0;
        for (int k = 0; k < run->n; k += stride) {
            double v = fmax(log_above(run->loss[k], ref), lo);
            float x = gx0 + (float)k / (float)last * (gx1 - gx0);
            float y = gy1 - (float)((v - lo) / (hi - lo)) * (gy1 - gy0);
            if (k > 0)
                ov_renderer_line(r, px0, py0, x, y, px * 0.12f, c);
            px0 = x;
            py0 = y;
        }
        if (run->diverged) {
            float s = px * 0.35f;
            ov_renderer_line(r, px0 - s, py0 - s, px0 + s, py0 + s, px * 0.14f, c);
            ov_renderer_line(r, px0 - s, py0 + s, px0 + s, py0 - s, px * 0.14f, c);
        }
    }
    float cx = gx0 + (float)(fmin(st->anim_step, last) / last) * (gx1 - gx0);
    ov_renderer_line(r, cx, gy0, cx, gy1, 1.5f, sty->text);
}

void ov_panel_curvature_text(const ov_app_state *st, ov_panel_text *t)
{
    const ov_scene *sc = &st->scene;
    t->n = 0;
    for (int i = 0; i < sc->nruns; i++) {
        const ov_run *run = &sc->runs[i];
        if (run->n < 1)
            continue;
        int k = ov_hud_shown_step(run, st->anim_step);
        double f, g[2], h[3], lam[2], v[2][2];
        ov_surface_hess(sc->surface, run->x[k], run->y[k], &f, g, h);
        const char *name = ov_optim_info_of(run->params.kind)->name;
        if (!isfinite(h[0]) || !isfinite(h[1]) || !isfinite(h[2])) {
            add_line(t, i, "%s: Hessian not finite here", name);
            continue;
        }
        ov_sym2_eigen(h, lam, v);
        double kappa = lam[0] > 0 ? lam[1] / lam[0] : INFINITY;
        if (lam[0] < 0)
            add_line(t, i, "%s: \xce\xbb = %.3g, %.3g   non-convex here", name, lam[0], lam[1]);
        else if (!isfinite(kappa))
            /* λmin is 0 (or so small the ratio overflows): the loss is flat
             * along one direction, and no finite κ describes it. */
            add_line(t, i, "%s: \xce\xbb = %.3g, %.3g   flat along one direction, "
                     "local \xce\xba unbounded", name, lam[0], lam[1]);
        else
            add_line(t, i, "%s: \xce\xbb = %.3g, %.3g   local \xce\xba = %.3g", name, lam[0],
                     lam[1], kappa);
    }
    add_line(t, OV_PANEL_DIM, "ellipse: local Hessian (red: non-convex)   white: "
             "\xe2\x88\x92\xce\xb1\xe2\x88\x87L   coloured: the next step");
}

/* World point -> pixel through the frame's view (on the surface in 3-D). */
static ov_vec2 to_pixel(const ov_view *view, const ov_surface *s, double x, double y)
{
    ov_vec2 q = {NAN, NAN};
    double depth;
    if (!ov_view_project(view, x, y, ov_surface_value(s, x, y), 0.0, &q, &depth))
        q.x = q.y = NAN;
    return q;
}

void ov_panel_curvature_glyphs(ov_renderer *r, const ov_app_state *st, const ov_hud_style *sty,
                               const ov_view *view)
{
    const ov_scene *sc = &st->scene;
    float R = sty->px * 2.2f;
    /* World length of one pixel (at the middle of the frame in 3-D). */
    double wpp = ov_view_world_per_pixel(view);
    /* On a curve the picture is (x, L): the glyphs of the plane would be
     * misplaced there; the panel's text still applies. */
    for (int i = 0; i < sc->nruns && !sc->surface->one_d; i++) {
        const ov_run *run = &sc->runs[i];
        if (run->n < 1)
            continue;
        int k = ov_hud_shown_step(run, st->anim_step);
        double f, g[2], h[3], lam[2], v[2][2];
        ov_surface_hess(sc->surface, run->x[k], run->y[k], &f, g, h);
        if (!isfinite(h[0]) || !isfinite(h[1]) || !isfinite(h[2]))
            continue;
        ov_sym2_eigen(h, lam, v);
        ov_rgba c = ov_hud_run_color(st, i);

        ov_vec2 p = to_pixel(view, sc->surface, run->x[k], run->y[k]);
        if (!isfinite(p.x) || !isfinite(p.y))
            continue;
        double amax = fmax(fabs(lam[0]), fabs(lam[1]));
        if (amax > 0 && isfinite(amax)) {
            /* Level-set ellipse of the local quadratic: semi-axis along v_i
             * proportional to 1/sqrt|lambda_i|, the longer one R pixels. */
            double a0 = R * sqrt(fmin(1.0, fabs(lam[1]) / fmax(fabs(lam[0]), 1e-300)));
            double a1 = R * sqrt(fmin(1.0, fabs(lam[0]) / fmax(fabs(lam[1]), 1e-300)));
            a0 = fmax(a0, 1.5);
            a1 = fmax(a1, 1.5);
            ov_rgba ec = lam[0] <= 0 ? (ov_rgba){1.0f, 0.35f, 0.35f, 1.0f} : sty->text;
            ov_vec2 prev = {0, 0};
            for (int s = 0; s <= 48; s++) {
                double t = 2 * OV_PI * s / 48, ca = cos(t) * a0 * wpp, sa = sin(t) * a1 * wpp;
                /* Eigenvectors are world directions; the ellipse lies in
                 * the world (on the surface in 3-D). */
                ov_vec2 q = to_pixel(view, sc->surface, run->x[k] + ca * v[0][0] + sa * v[1][0],
                                     run->y[k] + ca * v[0][1] + sa * v[1][1]);
                if (s > 0 && isfinite(q.x) && isfinite(prev.x))
                    ov_renderer_line(r, (float)prev.x, (float)prev.y, (float)q.x, (float)q.y,
                                     sty->px * 0.09f, ec);
                prev = q;
            }
        }
        /* The step plain gradient descent would take here, -alpha g, at its
         * true length (capped at 3R pixels); too short to see: not drawn. */
        ov_vec2 gd = to_pixel(view, sc->surface, run->x[k] - run->params.alpha * g[0],
                              run->y[k] - run->params.alpha * g[1]);
        double gl = hypot(gd.x - p.x, gd.y - p.y);
        if (isfinite(gl) && gl > 3.0) {
            double f3 = gl > 3 * R ? 3 * R / gl : 1.0;
            ov_vec2 b = {p.x + (gd.x - p.x) * f3, p.y + (gd.y - p.y) * f3};
            arrow(r, p, b, sty->px * 0.11f, sty->px * 0.5f, sty->text);
        }
        if (k + 1 < run->n && run->params.kind != OV_OPT_GD) {
            /* The step actually taken next (momentum's velocity, Adam's step), true length. */
            ov_vec2 b = to_pixel(view, sc->surface, run->x[k + 1], run->y[k + 1]);
            arrow(r, p, b, sty->px * 0.14f, sty->px * 0.55f, c);
        }
    }
}
