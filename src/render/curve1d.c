/* The 1-D view: a formula in x alone drawn as the curve L(x) on axes with
 * round ticks, the area under it tinted with the colour map, and every run
 * as dots on the curve, one per iterate, joined by an arrow per step from
 * w_i to w_(i+1), with the tangent at its current point. Everything goes
 * through the overlay queue, in pixels, projected by a stretched 2-D view of
 * (x, L) whose x range is the frame's view's. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/curve1d.h"
#include "core/surface.h"
#include "render/curve1d.h"
#include "render/palette.h"

#define MAX_STEPS_DRAWN 4000   /* per run: the most recent steps */

typedef struct ov_cctx {
    ov_overlay *o;
    ov_text_cache *tc;
    const ov_view *plot;
    float s;            /* size unit, pixels */
    ov_rgba ink, dim;
} ov_cctx;

static ov_vec2 at(const ov_cctx *c, double x, double L)
{
    ov_vec2 p = {NAN, NAN};
    double depth;
    if (!ov_view_project(c->plot, x, L, 0.0, 0.0, &p, &depth))
        p.x = p.y = NAN;
    return p;
}

static ov_rgba with_alpha(ov_rgba c, float a)
{
    c.a *= a;
    return c;
}

static void text(ov_cctx *c, float x, float y, float size, ov_rgba col, ov_text_align align,
                 const char *t)
{
    const ov_text_entry *e = ov_text_get(c->tc, t, size);
    if (align == OV_ALIGN_CENTER)
        x -= (float)e->w * 0.5f;
    else if (align == OV_ALIGN_RIGHT)
        x -= (float)e->w;
    ov_overlay_text(c->o, x, y, size, col, t);
}

/* Axes through 0 where 0 is in view (else along the plot's lower and left
 * edges), grid lines at round ticks, their values, and the axis names. */
static void draw_axes(ov_cctx *c, ov_rect pr, double lo, double hi, int W, int H)
{
    double tx[OV_CURVE_MAX_TICKS], ty[OV_CURVE_MAX_TICKS];
    int nx = ov_curve_ticks(pr.x0, pr.x1, 8, tx, OV_CURVE_MAX_TICKS);
    int ny = ov_curve_ticks(lo, hi, 5, ty, OV_CURVE_MAX_TICKS);
    double ax = pr.x0 <= 0.0 && 0.0 <= pr.x1 ? 0.0 : pr.x0 + 0.02 * (pr.x1 - pr.x0);
    double ay = lo <= 0.0 && 0.0 <= hi ? 0.0 : lo;
    float size = 12.0f * c->s, line = 1.0f * c->s;
    ov_rgba grid = with_alpha(c->dim, 0.16f);
    for (int i = 0; i < nx; i++) {
        ov_vec2 p = at(c, tx[i], ay);
        ov_overlay_line(c->o, (float)p.x, 0.0f, (float)p.x, (float)H, line, grid);
        char v[32];
        snprintf(v, sizeof v, "%.4g", tx[i]);
        text(c, (float)p.x, (float)p.y + 4.0f * c->s, size, c->dim, OV_ALIGN_CENTER, v);
    }
    for (int i = 0; i < ny; i++) {
        ov_vec2 p = at(c, ax, ty[i]);
        ov_overlay_line(c->o, 0.0f, (float)p.y, (float)W, (float)p.y, line, grid);
        char v[32];
        snprintf(v, sizeof v, "%.4g", ty[i]);
        text(c, (float)p.x - 5.0f * c->s, (float)p.y - size * 0.6f, size, c->dim,
             OV_ALIGN_RIGHT, v);
    }
    ov_vec2 a0 = at(c, pr.x0, ay), a1 = at(c, pr.x1, ay);
    ov_overlay_line(c->o, (float)a0.x, (float)a0.y, (float)a1.x, (float)a1.y, 1.5f * c->s,
                    with_alpha(c->ink, 0.7f));
    ov_vec2 b0 = at(c, ax, pr.y0), b1 = at(c, ax, pr.y1);
    ov_overlay_line(c->o, (float)b0.x, (float)b0.y, (float)b1.x, (float)b1.y, 1.5f * c->s,
                    with_alpha(c->ink, 0.7f));
    text(c, (float)W - 8.0f * c->s, (float)a1.y - size * 1.5f, size * 1.2f, c->ink,
         OV_ALIGN_RIGHT, "x");
    ov_vec2 top = at(c, ax, hi);
    text(c, (float)top.x + 6.0f * c->s, (float)top.y - size * 0.5f, size * 1.2f, c->ink,
         OV_ALIGN_LEFT, "L(x)");
}

/* The curve, sampled every two pixels, and the colour-map tint under it. */
static void draw_curve(ov_cctx *c, const ov_surface *s, ov_rect pr, double lo, double hi,
                       int W, int H, bool strong)
{
    uint8_t cmap[OV_CMAP_SIZE * 3];
    ov_colormap_fill(cmap);
    const int step = 2;
    ov_vec2 prev = {NAN, NAN};
    for (int px = 0; px <= W; px += step) {
        double x = pr.x0 + (pr.x1 - pr.x0) * px / W;
        double L = ov_surface_value(s, x, 0.0);
        ov_vec2 p = isfinite(L) ? at(c, x, L) : (ov_vec2){NAN, NAN};
        if (isfinite(p.y)) {
            double t = (L - lo) / (hi - lo);
            int k = (int)(fmin(fmax(t, 0.0), 1.0) * (OV_CMAP_SIZE - 1) + 0.5);
            ov_rgba col = {cmap[3 * k] / 255.0f, cmap[3 * k + 1] / 255.0f,
                           cmap[3 * k + 2] / 255.0f, 0.42f};
            float y = (float)fmax(p.y, -1.0);
            if (y < (float)H)
                ov_overlay_rect(c->o, (float)px - step * 0.5f, y, (float)step, (float)H - y, col);
        }
        if (isfinite(p.y) && isfinite(prev.y) && fabs(p.y - prev.y) < 4.0 * H)
            ov_overlay_line(c->o, (float)prev.x, (float)prev.y, (float)p.x, (float)p.y,
                            (strong ? 3.4f : 2.4f) * c->s, c->ink);
        prev = p;
    }
}

/* An arrow between pixel points a and b (no head when too short). */
static void chord(ov_cctx *c, ov_vec2 a, ov_vec2 b, float width, ov_rgba col)
{
    double dx = b.x - a.x, dy = b.y - a.y, len = hypot(dx, dy);
    if (!(len >= 1.0) || !isfinite(len))
        return;
    double ux = dx / len, uy = dy / len, hl = fmin(9.0 * c->s, len * 0.45), hw = hl * 0.45;
    double bx = b.x - ux * hl, by = b.y - uy * hl;
    ov_overlay_line(c->o, (float)a.x, (float)a.y, (float)bx, (float)by, width, col);
    if (len >= 6.0)
        ov_overlay_triangle(c->o, (float)b.x, (float)b.y, (float)(bx - uy * hw),
                            (float)(by + ux * hw), (float)(bx + uy * hw), (float)(by - ux * hw),
                            col);
}

/* The step the animation shows of run r, and whether it is shown whole
 * because it diverged there. */
static int shown_step(const ov_run *r, double anim, bool *ended)
{
    double a = floor(anim);
    int k = a < 0 ? 0 : a > r->n - 1 ? r->n - 1 : (int)a;
    *ended = r->diverged && anim >= r->diverged_step - 1;
    return k;
}

static void draw_run(ov_cctx *c, const ov_surface *s, const ov_run *run, ov_rgba base,
                     double anim, float alpha, bool tangent)
{
    if (run->n < 1)
        return;
    ov_rgba col = with_alpha(base, alpha);
    ov_rgba edge = {0.05f, 0.05f, 0.07f, 0.9f * alpha};
    bool ended;
    int k = shown_step(run, anim, &ended);
    int first = k > MAX_STEPS_DRAWN ? k - MAX_STEPS_DRAWN : 0;
    for (int j = first; j < k; j++)
        chord(c, at(c, run->x[j], run->loss[j]), at(c, run->x[j + 1], run->loss[j + 1]),
              2.0f * c->s, col);
    /* The step under way: part of the next chord. */
    double frac = anim - floor(anim);
    if (k + 1 < run->n && frac > 0.0 && !ended) {
        ov_vec2 a = at(c, run->x[k], run->loss[k]), b = at(c, run->x[k + 1], run->loss[k + 1]);
        ov_vec2 m = {a.x + (b.x - a.x) * frac, a.y + (b.y - a.y) * frac};
        ov_overlay_line(c->o, (float)a.x, (float)a.y, (float)m.x, (float)m.y, 2.0f * c->s, col);
    }
    ov_vec2 last = {NAN, NAN};
    for (int j = first; j <= k; j++) {
        ov_vec2 p = at(c, run->x[j], run->loss[j]);
        /* One dot per pixel: a converged run piles its dots up. */
        if (j < k && fabs(p.x - last.x) < 1.0 && fabs(p.y - last.y) < 1.0)
            continue;
        ov_overlay_disc(c->o, (float)p.x, (float)p.y, 4.2f * c->s, edge);
        ov_overlay_disc(c->o, (float)p.x, (float)p.y, 3.0f * c->s, col);
        last = p;
    }
    ov_vec2 head = at(c, run->x[k], run->loss[k]);
    if (tangent) {
        /* The tangent L(x_k) + L'(x_k) (x - x_k), a fixed length on screen. */
        double f, g[2];
        ov_surface_grad(s, run->x[k], run->y[k], &f, g);
        ov_vec2 q = at(c, run->x[k] + 1.0, run->loss[k] + g[0]);
        double dx = q.x - head.x, dy = q.y - head.y, len = hypot(dx, dy);
        if (isfinite(len) && len > 0.0) {
            double half = 70.0 * c->s;
            float ex = (float)(dx / len * half), ey = (float)(dy / len * half);
            ov_overlay_line(c->o, (float)head.x - ex, (float)head.y - ey, (float)head.x + ex,
                            (float)head.y + ey, 1.6f * c->s, with_alpha(c->ink, 0.85f * alpha));
            char slope[48];
            snprintf(slope, sizeof slope, "L\xe2\x80\xb2 = %.3g", g[0]);
            text(c, (float)head.x + ex + 4.0f * c->s, (float)head.y + ey - 7.0f * c->s,
                 11.0f * c->s, with_alpha(c->ink, alpha), OV_ALIGN_LEFT, slope);
        }
    }
    ov_overlay_disc(c->o, (float)head.x, (float)head.y, 7.5f * c->s, with_alpha(c->ink, alpha));
    ov_overlay_disc(c->o, (float)head.x, (float)head.y, 5.5f * c->s, col);
    if (ended) {
        char lab[64];
        snprintf(lab, sizeof lab, "diverged at step %d", run->diverged_step);
        text(c, (float)head.x + 9.0f * c->s, (float)head.y + 6.0f * c->s, 12.0f * c->s, col,
             OV_ALIGN_LEFT, lab);
    }
}

void ov_curve1d_draw(ov_overlay *o, ov_text_cache *tc, const ov_frame_desc *d, int width,
                     int height, ov_view *plot)
{
    const ov_surface *s = d->scene->surface;
    const int W = width, H = height;
    ov_rect fitted = d->view->rect;
    ov_rect pr = ov_curve_plot_rect(s, fitted.x0, fitted.x1, OV_CURVE_BOTTOM, OV_CURVE_TOP);
    ov_view_desc vd = {.surface = s, .rect = pr, .width = W, .height = H, .stretch = true};
    ov_view_build(plot, &vd, NULL);
    double lo, hi;
    if (!ov_curve_range(s, fitted.x0, fitted.x1, &lo, &hi)) {
        lo = pr.y0;
        hi = pr.y1;
    }
    if (!(hi > lo)) {
        lo -= 0.5;
        hi += 0.5;
    }

    glClearColor(0.075f, 0.085f, 0.11f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ov_cctx c = {o, tc, plot, ov_render_frame_scale(d, H),
                 {0.94f, 0.95f, 0.97f, 1.0f}, {0.72f, 0.75f, 0.80f, 1.0f}};
    draw_curve(&c, s, pr, lo, hi, W, H, d->high_contrast);
    draw_axes(&c, pr, lo, hi, W, H);
    for (int i = 0; d->ghosts && i < d->nghosts; i++)
        draw_run(&c, s, &d->ghosts[i],
                 ov_method_color(d->ghosts[i].params.kind, d->ghost_shades ? d->ghost_shades[i] : i),
                 d->ghosts[i].n, 0.3f, false);
    for (int i = 0; i < d->scene->nruns; i++) {
        if (d->hidden && d->hidden[i])
            continue;
        bool on = d->target_run < 0 || d->target_run == i;
        draw_run(&c, s, &d->scene->runs[i], ov_frame_run_color(d, i), d->anim_step,
                 on ? 1.0f : 0.35f, on);
    }
}
