/* Measured against predicted, on the loss panel (L): for each shown run,
 * the per-step rate it achieved over the last 10 steps up to the shown
 * step, (|e_k| / |e_(k-10)|)^(1/10) with e = w - w*, beside the rate the
 * rate map predicts for its method, α and β from the Hessian at w* (gd,
 * momentum, nesterov; core/rate_map.h, core/eigen_modes.h). Where they
 * differ the class sees why: the start's transient, noise, or a region
 * that is not quadratic. */
#include "panels.h"

#include <math.h>
#include <stdio.h>

#include "core/eigen_modes.h"
#include "core/rate_map.h"

#define SPAN 10

void ov_panel_loss_rates(ov_renderer *r, const ov_app_state *st, const ov_hud_style *sty,
                         const ov_log_graph *g)
{
    const ov_scene *sc = &st->sc.scene;
    /* A model's rates would be measured on its slice only (see
     * ov_eigen_basis_of): no overlay there. */
    if (sc->model && sc->model->n > 2)
        return;
    char lines[OV_MAX_RUNS + 1][160];
    int colour[OV_MAX_RUNS + 1], n = 0;
    for (int i = 0; i < sc->nruns && n < 4; i++) {
        const ov_run *run = &sc->runs[i];
        if (st->sc.hidden[i] || run->n < 2)
            continue;
        int k = ov_hud_shown_step(run, st->anim.step);
        ov_eigen_basis eb;
        char why[200];
        bool pd = ov_eigen_basis_of(sc->surface, run, &eb, why, sizeof why);
        double seen = ov_rate_map_observed(run, k, SPAN, eb.wx, eb.wy);
        double want = pd ? ov_rate_map_rate(run->params.kind, run->params.alpha,
                                            run->params.beta, eb.lambda[0], eb.lambda[1])
                         : NAN;
        const char *name = ov_optim_info_of(run->params.kind)->name;
        int w = 0;
        if (isfinite(seen))
            w = snprintf(lines[n], sizeof lines[n], "%s: %.3g", name, seen);
        else
            w = snprintf(lines[n], sizeof lines[n], "%s: \xe2\x80\x94", name);
        if (w > 0 && (size_t)w < sizeof lines[n] && isfinite(want))
            snprintf(lines[n] + w, sizeof lines[n] - (size_t)w, " (theory %.3g)", want);
        colour[n++] = i;
    }
    if (n == 0)
        return;
    float px = sty->px, sz = px * 0.75f, room = (g->x1 - g->x0) * 0.95f, kw = 0, w, h;
    char head[96];
    snprintf(head, sizeof head, "rate per step, last %d steps (theory):", SPAN);
    ov_hud_ellipsize(r, sz, head, room);
    ov_renderer_text_size(r, sz, head, &kw, &h);
    for (int i = 0; i < n; i++) {
        ov_hud_ellipsize(r, sz, lines[i], room);
        ov_renderer_text_size(r, sz, lines[i], &w, &h);
        kw = fmaxf(kw, w);
    }
    float x = g->x0 + px * 0.3f, y = g->y1 - sz * 1.12f * (n + 1) - px * 0.2f;
    ov_rgba back = sty->panel;
    back.a = fmaxf(back.a, 0.75f);
    ov_renderer_rect(r, x - px * 0.15f, y, kw + px * 0.3f, sz * 1.12f * (n + 1) + px * 0.1f, back);
    ov_renderer_text(r, x, y, sz, sty->dim, OV_ALIGN_LEFT, head);
    for (int i = 0; i < n; i++)
        ov_renderer_text(r, x, y + sz * 1.12f * (i + 1), sz,
                         ov_hud_text_colour(ov_hud_run_color(st, colour[i])), OV_ALIGN_LEFT,
                         lines[i]);
}
