/* The steps panel (\, the | key): for every run, the gradient's norm
 * |∇L(w_k)| (solid) and the length of the step it took |w_{k+1} - w_k|
 * (dashed) against step k on a log scale. The lecture's "too small / too
 * large step" in one picture: with α too small the dashed line lies far
 * under the solid one and both fall slowly; past the stability limit the
 * steps grow with the gradient instead of shrinking. */
#include "panels.h"

#include <math.h>

bool ov_panel_steps_at(const ov_app_state *st, int i, int k, double *grad, double *dw)
{
    const ov_run *run = &st->sc.scene.runs[i];
    if (k < 0 || k >= run->n)
        return false;
    double f, g[2];
    ov_surface_grad(st->sc.scene.surface, run->x[k], run->y[k], &f, g);
    *grad = hypot(g[0], g[1]);
    *dw = k + 1 < run->n ? hypot(run->x[k + 1] - run->x[k], run->y[k + 1] - run->y[k]) : NAN;
    return true;
}

/* A dashed line from (x0, y0) to (x1, y1), dashes and gaps `dash` pixels
 * long; *phase carries the pattern on from the previous piece. */
static void dashed(ov_renderer *r, float x0, float y0, float x1, float y1, float dash, float width,
                   ov_rgba c, double *phase)
{
    double len = hypot(x1 - x0, y1 - y0), at = 0;
    dash = fmaxf(dash, 1.0f);
    for (int guard = 0; at < len && guard < 10000; guard++) {
        double in = fmod(*phase, 2.0 * dash), left = (in < dash ? dash : 2.0 * dash) - in;
        double step = fmin(fmax(left, 1e-3), len - at);
        if (in < dash) {
            float a = (float)(at / len), b = (float)((at + step) / len);
            ov_renderer_line(r, x0 + (x1 - x0) * a, y0 + (y1 - y0) * a, x0 + (x1 - x0) * b,
                             y0 + (y1 - y0) * b, width, c);
        }
        at += step;
        *phase += step;
    }
}

/* log10 of a norm; -INFINITY for 0 or what is not finite (not plotted). */
static double log_norm(double v)
{
    return v > 0 && isfinite(v) ? log10(v) : -INFINITY;
}

void ov_panel_steps(ov_renderer *r, const ov_app_state *st, const ov_hud_style *sty, ov_box b)
{
    const ov_scene *sc = &st->sc.scene;
    float px = sty->px;
    int last = 1;
    ov_log_range range;
    ov_log_range_init(&range);
    /* About one sample per pixel column: the gradient is evaluated here. */
    int stride[OV_MAX_RUNS];
    float cols = fmaxf(b.w - px * 4, 8.0f);
    for (int i = 0; i < sc->nruns; i++) {
        const ov_run *run = &sc->runs[i];
        last = run->n - 1 > last ? run->n - 1 : last;
        stride[i] = (int)ceil((double)run->n / (double)cols);
        stride[i] = stride[i] < 1 ? 1 : stride[i];
        if (st->sc.hidden[i])
            continue;
        for (int k = 0; k < run->n; k += stride[i]) {
            double gn, dw;
            if (ov_panel_steps_at(st, i, k, &gn, &dw)) {
                ov_log_range_see(&range, log_norm(gn));
                ov_log_range_see(&range, log_norm(dw));
            }
        }
    }
    ov_log_range_finish(&range);
    ov_log_graph g;
    ov_log_graph_frame(r, sty, b,
                       "\xe2\x80\x96\xe2\x88\x87L\xe2\x80\x96 solid, \xe2\x80\x96\xce\x94w\xe2\x80\x96 dashed, log scale", range,
                       last, &g);
    for (int i = 0; i < sc->nruns; i++) {
        const ov_run *run = &sc->runs[i];
        if (run->n < 1 || st->sc.hidden[i])
            continue;
        ov_rgba c = ov_hud_run_color(st, i);
        float gx = 0, gy = 0, sx = 0, sy = 0;
        bool gprev = false, sprev = false;
        double phase = 0;
        for (int k = 0; k < run->n; k += stride[i]) {
            double gn, dw;
            if (!ov_panel_steps_at(st, i, k, &gn, &dw))
                break;
            float x = ov_log_graph_x(&g, k);
            double lg = log_norm(gn), ls = log_norm(dw);
            if (isfinite(lg)) {
                float y = ov_log_graph_y(&g, lg);
                if (gprev)
                    ov_renderer_line(r, gx, gy, x, y, px * 0.12f, c);
                gx = x;
                gy = y;
            }
            gprev = isfinite(lg);
            if (isfinite(ls)) {
                float y = ov_log_graph_y(&g, ls);
                if (sprev)
                    dashed(r, sx, sy, x, y, px * 0.45f, px * 0.1f, c, &phase);
                sx = x;
                sy = y;
            }
            sprev = isfinite(ls);
        }
        if (run->diverged && gprev) {
            float s = px * 0.35f;
            ov_renderer_line(r, gx - s, gy - s, gx + s, gy + s, px * 0.14f, c);
            ov_renderer_line(r, gx - s, gy + s, gx + s, gy - s, px * 0.14f, c);
        }
    }
    ov_log_graph_cursor(r, sty, &g, st->anim.step);
}
