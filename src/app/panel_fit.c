/* The fit panel (Shift+L): what the parameters mean. For a model of one
 * input (line, gauss4, a typed t,y model) the data points and the model's
 * curve y(t) at the targeted run's parameters at the shown step, so the
 * curve moves through the points as the optimiser moves (with a squared
 * error, each point's residual drawn to the curve); for a model of
 * two inputs (xor, a typed x1,x2 model) its decision regions p > 0.5 and
 * p < 0.5 shaded in two colours with the data points coloured by class.
 * Either way the run's loss at that step is written in the title. The axes
 * (ov_panel_fit_axes) are documented in panels.h so a test can find a
 * point's pixel on its own. A surface scene has no fit: the panel says so. */
#include "panels.h"

#include <math.h>
#include <stdio.h>

#include "core/thin.h"

/* The two classes' regions (opaque, so they read on the dark panel) and
 * their points. */
static const ov_rgba REGION[2] = {{0.13f, 0.27f, 0.55f, 1.0f}, {0.62f, 0.36f, 0.10f, 1.0f}};
static const ov_rgba POINT[2] = {{0.45f, 0.70f, 1.00f, 1.0f}, {1.00f, 0.74f, 0.30f, 1.0f}};
static const ov_rgba INK = {0.05f, 0.05f, 0.08f, 1.0f};
static const ov_rgba WHITE = {1.0f, 1.0f, 1.0f, 1.0f};

/* Curve samples across the t range (the ends included). */
#define FIT_SAMPLES 240
/* Most cells across the decision map. */
#define FIT_CELLS 72

ov_panel_size ov_panel_fit_size(const ov_app_state *st, float W, float H, float px)
{
    (void)st;
    ov_panel_size s = {fmaxf(W * 0.3f, px * 16), fmaxf(H * 0.36f, px * 10), px * 12, px * 8};
    return s;
}

int ov_panel_fit_run(const ov_app_state *st)
{
    const ov_scene *sc = &st->sc.scene;
    if (!sc->model || sc->nruns < 1)
        return -1;
    return st->sc.target >= 0 && st->sc.target < sc->nruns ? st->sc.target : 0;
}

bool ov_panel_fit_params(const ov_app_state *st, double *w, int *step)
{
    int ri = ov_panel_fit_run(st);
    if (ri < 0)
        return false;
    const ov_run *run = &st->sc.scene.runs[ri];
    if (run->n < 1)
        return false;
    int k = ov_hud_shown_step(run, st->anim.step);
    if (run->w) {
        for (int i = 0; i < run->dim; i++)
            w[i] = run->w[(size_t)k * (size_t)run->dim + (size_t)i];
    } else {
        /* Two parameters: the run stores them as its x, y. */
        w[0] = run->x[k];
        w[1] = run->y[k];
    }
    if (step)
        *step = k;
    return true;
}

/* lo, hi widened by frac of their span on each side (a zero span by 1). */
static void widen(double *lo, double *hi, double frac)
{
    double span = *hi - *lo;
    double m = span > 0 ? frac * span : 1.0;
    *lo -= m;
    *hi += m;
}

bool ov_panel_fit_axes(const ov_app_state *st, ov_box b, float px, ov_fit_axes *ax)
{
    const ov_model *m = st->sc.scene.model;
    double w[OV_OBJECTIVE_MAX_DIM];
    if (!m || !ov_panel_fit_params(st, w, NULL))
        return false;
    float pad = px * 0.5f;
    ax->x0 = b.x + px * 3.4f;
    ax->x1 = b.x + b.w - pad;
    ax->y0 = b.y + px * 1.9f;
    ax->y1 = b.y + b.h - px * 1.5f;
    const ov_model_data *d = &m->data;
    double ulo = INFINITY, uhi = -INFINITY, vlo = INFINITY, vhi = -INFINITY;
    for (int i = 0; i < d->nrows; i++) {
        double u = d->in[i][0], v = m->ninputs == 2 ? d->in[i][1] : d->y[i];
        ulo = fmin(ulo, u);
        uhi = fmax(uhi, u);
        vlo = fmin(vlo, v);
        vhi = fmax(vhi, v);
    }
    widen(&ulo, &uhi, 0.15);
    if (m->ninputs == 2) {
        widen(&vlo, &vhi, 0.15);
        /* A square area, centred across. */
        float side = fminf(ax->x1 - ax->x0, ax->y1 - ax->y0);
        float cx = 0.5f * (ax->x0 + ax->x1);
        ax->x0 = cx - side * 0.5f;
        ax->x1 = cx + side * 0.5f;
        ax->y1 = ax->y0 + side;
    } else {
        /* The curve counts where it stays within two data spans of the
         * data, so a wild start does not squash the points into a line. */
        double span = vhi - vlo > 0 ? vhi - vlo : 1.0;
        double clo = vlo - 2 * span, chi = vhi + 2 * span;
        for (int i = 0; i <= FIT_SAMPLES; i++) {
            double t = ulo + (uhi - ulo) * i / FIT_SAMPLES;
            double y = ov_model_predict(m, w, &t);
            if (!isfinite(y))
                continue;
            y = fmin(fmax(y, clo), chi);
            vlo = fmin(vlo, y);
            vhi = fmax(vhi, y);
        }
        widen(&vlo, &vhi, 0.08);
    }
    ax->u0 = ulo;
    ax->u1 = uhi;
    ax->v0 = vlo;
    ax->v1 = vhi;
    return true;
}

float ov_fit_px(const ov_fit_axes *ax, double u)
{
    return ax->x0 + (float)((u - ax->u0) / (ax->u1 - ax->u0)) * (ax->x1 - ax->x0);
}

float ov_fit_py(const ov_fit_axes *ax, double v)
{
    return ax->y1 - (float)((v - ax->v0) / (ax->v1 - ax->v0)) * (ax->y1 - ax->y0);
}

/* A tick step of 1, 2 or 5 times a power of ten giving about n ticks. */
static double tick_step(double span, int n)
{
    double raw = span / n, p = pow(10.0, floor(log10(raw)));
    double f = raw / p;
    return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * p;
}

/* Grid lines with labels at nice values across both axes. */
static void draw_ticks(ov_renderer *r, const ov_hud_style *sty, const ov_fit_axes *ax, float px)
{
    ov_rgba grid = sty->dim;
    grid.a = 0.22f;
    double su = tick_step(ax->u1 - ax->u0, (int)fmaxf(2.0f, (ax->x1 - ax->x0) / (px * 4.5f)));
    for (double u = ceil(ax->u0 / su) * su; u <= ax->u1; u += su) {
        float x = ov_fit_px(ax, u);
        char lab[32];
        snprintf(lab, sizeof lab, "%g", fabs(u) < su * 1e-6 ? 0.0 : u);
        ov_renderer_line(r, x, ax->y0, x, ax->y1, 1.0f, grid);
        ov_renderer_text(r, x, ax->y1 + px * 0.1f, px, sty->dim, OV_ALIGN_CENTER, lab);
    }
    double sv = tick_step(ax->v1 - ax->v0, (int)fmaxf(2.0f, (ax->y1 - ax->y0) / (px * 2.2f)));
    for (double v = ceil(ax->v0 / sv) * sv; v <= ax->v1; v += sv) {
        float y = ov_fit_py(ax, v);
        char lab[32];
        snprintf(lab, sizeof lab, "%g", fabs(v) < sv * 1e-6 ? 0.0 : v);
        ov_renderer_line(r, ax->x0, y, ax->x1, y, 1.0f, grid);
        ov_renderer_text(r, ax->x0 - px * 0.3f, y - px * 0.6f, px, sty->dim, OV_ALIGN_RIGHT, lab);
    }
}

/* The curve y(t) over the t range, clipped to the plotting area. */
static void draw_curve(ov_renderer *r, const ov_model *m, const double *w, const ov_fit_axes *ax,
                       float width, ov_rgba c)
{
    double px0 = 0, py0 = 0;
    bool have = false;
    for (int i = 0; i <= FIT_SAMPLES; i++) {
        double t = ax->u0 + (ax->u1 - ax->u0) * i / FIT_SAMPLES;
        double y = ov_model_predict(m, w, &t);
        if (!isfinite(y)) {
            have = false;
            continue;
        }
        /* Far outside the area a pixel coordinate would lose precision:
         * hold it a frame's height beyond the edge (the clip cuts it). */
        double span = ax->y1 - ax->y0;
        double x1 = ov_fit_px(ax, t),
               y1 = fmin(fmax(ax->y1 - (y - ax->v0) / (ax->v1 - ax->v0) * span, ax->y0 - span),
                         ax->y1 + span);
        if (have) {
            double a = px0, bb = py0, cc = x1, dd = y1;
            if (ov_clip_segment(&a, &bb, &cc, &dd, ax->x0, ax->x1, ax->y0, ax->y1))
                ov_renderer_line(r, (float)a, (float)bb, (float)cc, (float)dd, width, c);
        }
        px0 = x1;
        py0 = y1;
        have = true;
    }
}

/* The part of triangle (x, y, f: three corners, f linear across it) where
 * f > 0, filled in c: the triangle clipped by the line f = 0. */
static void fill_positive(ov_renderer *r, const float *x, const float *y, const double *f,
                          ov_rgba c)
{
    float px[4], py[4];
    int n = 0;
    for (int i = 0; i < 3; i++) {
        int j = (i + 1) % 3;
        if (f[i] > 0) {
            px[n] = x[i];
            py[n++] = y[i];
        }
        if ((f[i] > 0) != (f[j] > 0)) {
            float t = (float)(f[i] / (f[i] - f[j]));
            px[n] = x[i] + t * (x[j] - x[i]);
            py[n++] = y[i] + t * (y[j] - y[i]);
        }
    }
    for (int i = 2; i < n; i++)
        ov_renderer_triangle(r, px[0], py[0], px[i - 1], py[i - 1], px[i], py[i], c);
}

/* The decision map: the area in the p < 0.5 colour, then where p > 0.5 in
 * the other, its boundary p = 0.5 interpolated linearly inside each cell
 * of a grid (each cell two triangles), so it is a smooth line, not steps. */
static void draw_regions(ov_renderer *r, const ov_model *m, const double *w, const ov_fit_axes *ax,
                         float px)
{
    float side = ax->x1 - ax->x0;
    int n = (int)fminf((float)FIT_CELLS, fmaxf(8.0f, side / (px * 0.3f)));
    float cw = side / n, ch = (ax->y1 - ax->y0) / n;
    double f[FIT_CELLS + 1][FIT_CELLS + 1];   /* p - 0.5 at the grid's corners (42 kB) */
    for (int j = 0; j <= n; j++)
        for (int i = 0; i <= n; i++) {
            double in[2] = {ax->u0 + (ax->u1 - ax->u0) * i / n,
                            ax->v1 - (ax->v1 - ax->v0) * j / n};
            double p = ov_model_predict(m, w, in);
            f[j][i] = isfinite(p) ? p - 0.5 : -0.5;
        }
    ov_renderer_rect(r, ax->x0, ax->y0, side, ax->y1 - ax->y0, REGION[0]);
    for (int j = 0; j < n; j++)
        for (int i = 0; i < n; i++) {
            float x0 = ax->x0 + cw * i, y0 = ax->y0 + ch * j, x1 = x0 + cw, y1 = y0 + ch;
            double a = f[j][i], b = f[j][i + 1], c = f[j + 1][i + 1], d = f[j + 1][i];
            if (a > 0 && b > 0 && c > 0 && d > 0) {
                ov_renderer_rect(r, x0, y0, cw, ch, REGION[1]);
                continue;
            }
            if (!(a > 0 || b > 0 || c > 0 || d > 0))
                continue;
            float tx[2][3] = {{x0, x1, x1}, {x0, x1, x0}}, ty[2][3] = {{y0, y0, y1}, {y0, y1, y1}};
            double tf[2][3] = {{a, b, c}, {a, c, d}};
            for (int t = 0; t < 2; t++)
                fill_positive(r, tx[t], ty[t], tf[t], REGION[1]);
        }
}

static void say(ov_renderer *r, const ov_hud_style *sty, ov_box b, const char *title,
                const char *why)
{
    float px = sty->px, pad = px * 0.5f;
    ov_renderer_rect(r, b.x, b.y, b.w, b.h, sty->panel);
    ov_renderer_text(r, b.x + pad, b.y + pad * 0.4f, px, sty->text, OV_ALIGN_LEFT, title);
    char lines[4][192];
    int n = ov_hud_wrap(r, px, why, b.w - 2 * pad, lines, 4);
    for (int i = 0; i < n; i++)
        ov_renderer_text(r, b.x + pad, b.y + px * (1.6f + 1.2f * i), px, sty->dim,
                         OV_ALIGN_LEFT, lines[i]);
}

void ov_panel_fit(ov_renderer *r, const ov_app_state *st, const ov_hud_style *sty, ov_box b)
{
    const ov_scene *sc = &st->sc.scene;
    const ov_model *m = sc->model;
    double w[OV_OBJECTIVE_MAX_DIM];
    int step = 0;
    ov_fit_axes ax;
    if (!m) {
        say(r, sty, b, "fit", "a surface has no data to fit: the fit panel shows a model's "
                              "(--model line, gauss4 or xor)");
        return;
    }
    if (!ov_panel_fit_params(st, w, &step) || !ov_panel_fit_axes(st, b, sty->px, &ax)) {
        say(r, sty, b, "fit", "no run to show");
        return;
    }
    float px = sty->px, pad = px * 0.5f;
    int ri = ov_panel_fit_run(st);
    const ov_run *run = &sc->runs[ri];
    ov_rgba rc = ov_hud_text_colour(ov_hud_run_color(st, ri));
    ov_renderer_rect(r, b.x, b.y, b.w, b.h, sty->panel);
    char title[192];
    if (m->ninputs == 2)
        snprintf(title, sizeof title, "p > 0.5: %s step %d, L = %.4g",
                 ov_optim_info_of(run->params.kind)->name, step, run->loss[step]);
    else
        snprintf(title, sizeof title, "y(t): %s step %d, L = %.4g",
                 ov_optim_info_of(run->params.kind)->name, step, run->loss[step]);
    ov_hud_ellipsize(r, px, title, b.w - 2 * pad);
    ov_renderer_text(r, b.x + pad, b.y + pad * 0.4f, px, rc, OV_ALIGN_LEFT, title);
    const ov_model_data *d = &m->data;
    float dot = px * 0.32f;
    if (m->ninputs == 2) {
        draw_regions(r, m, w, &ax, px);
        draw_ticks(r, sty, &ax, px);
        for (int i = 0; i < d->nrows; i++) {
            int cls = d->y[i] > 0.5;
            ov_renderer_marker(r, ov_fit_px(&ax, d->in[i][0]), ov_fit_py(&ax, d->in[i][1]), dot,
                               cls ? OV_MARK_SQUARE : OV_MARK_CIRCLE, POINT[cls], px * 0.1f, INK);
        }
        ov_renderer_text(r, ax.x1 + pad * 0.5f, ax.y1 - px * 1.1f, px, sty->dim, OV_ALIGN_LEFT,
                         "x1");
        ov_renderer_text(r, ax.x0 - pad * 0.5f, b.y + px * 1.2f, px, sty->dim, OV_ALIGN_RIGHT,
                         "x2");
        return;
    }
    draw_ticks(r, sty, &ax, px);
    /* Squared error: each point's residual, a thin line to the curve (the
     * loss is the sum of their squared lengths). */
    for (int i = 0; m->loss == OV_MODEL_LOSS_SQUARED && i < d->nrows; i++) {
        double t = d->in[i][0], y = ov_model_predict(m, w, &t);
        double x0 = ov_fit_px(&ax, t), y0 = ov_fit_py(&ax, d->y[i]), x1 = x0,
               y1 = isfinite(y) ? ov_fit_py(&ax, y) : y0;
        if (ov_clip_segment(&x0, &y0, &x1, &y1, ax.x0, ax.x1, ax.y0, ax.y1))
            ov_renderer_line(r, (float)x0, (float)y0, (float)x1, (float)y1, fmaxf(1.0f, px * 0.08f),
                             sty->dim);
    }
    draw_curve(r, m, w, &ax, fmaxf(2.0f, px * 0.16f), rc);
    for (int i = 0; i < d->nrows; i++) {
        float x = ov_fit_px(&ax, d->in[i][0]), y = ov_fit_py(&ax, d->y[i]);
        if (x >= ax.x0 && x <= ax.x1 && y >= ax.y0 && y <= ax.y1)
            ov_renderer_marker(r, x, y, dot, OV_MARK_CIRCLE, WHITE, px * 0.1f, INK);
    }
}
