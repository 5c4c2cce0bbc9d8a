/* The loss panel (L): every run's loss above the lowest any run reached,
 * against step on a log scale, with the animation's cursor. */
#include "panels.h"

#include <math.h>

ov_panel_size ov_panel_graph_size(const ov_app_state *st, float W, float H, float px)
{
    (void)st;
    ov_panel_size s = {fmaxf(W * 0.34f, px * 16), fmaxf(H * 0.3f, px * 9), px * 12, px * 6};
    return s;
}

/* log10 of the loss above the reference, floored at 1e-300. */
static double log_above(double loss, double ref)
{
    double v = loss - ref;
    return log10(v > 1e-300 ? v : 1e-300);
}

void ov_panel_loss(ov_renderer *r, const ov_app_state *st, const ov_hud_style *sty, ov_box b)
{
    const ov_scene *sc = &st->sc.scene;
    float px = sty->px;
    /* Reference: the lowest loss any run reached (the loss above the
     * minimum for converging runs; works for negative losses too). */
    double ref = INFINITY;
    int last = 1;
    for (int i = 0; i < sc->nruns; i++)
        for (int k = 0; k < sc->runs[i].n; k++)
            ref = fmin(ref, sc->runs[i].loss[k]);
    ov_log_range range;
    ov_log_range_init(&range);
    for (int i = 0; i < sc->nruns; i++) {
        const ov_run *run = &sc->runs[i];
        last = run->n - 1 > last ? run->n - 1 : last;
        for (int k = 0; k < run->n; k++) {
            double v = log_above(run->loss[k], ref);
            if (v > -299)
                ov_log_range_see(&range, v);
        }
    }
    ov_log_range_finish(&range);
    ov_log_graph g;
    ov_log_graph_frame(r, sty, b, "loss above the lowest reached, log scale", range, last, &g);
    for (int i = 0; i < sc->nruns; i++) {
        const ov_run *run = &sc->runs[i];
        if (run->n < 1)
            continue;
        ov_rgba c = ov_hud_run_color(st, i);
        /* About one vertex per pixel column. */
        int stride = (int)ceil((double)run->n / (double)(g.x1 - g.x0));
        stride = stride < 1 ? 1 : stride;
        float px0 = 0, py0 = 0;
        for (int k = 0; k < run->n; k += stride) {
            float x = ov_log_graph_x(&g, k), y = ov_log_graph_y(&g, log_above(run->loss[k], ref));
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
    ov_panel_loss_rates(r, st, sty, &g);
    ov_log_graph_cursor(r, sty, &g, st->anim.step);
}
