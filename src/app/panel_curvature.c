/* The curvature panel (V): each run's local Hessian eigenvalues and
 * condition number as text, and on the picture its eigen-ellipse, the
 * gradient step and the step the run takes next. */
#include "panels.h"

#include <math.h>

#include "core/linalg.h"

#define OV_PI 3.14159265358979323846

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

void ov_panel_curvature_text(const ov_app_state *st, ov_panel_text *t)
{
    const ov_scene *sc = &st->sc.scene;
    t->n = 0;
    for (int i = 0; i < sc->nruns; i++) {
        const ov_run *run = &sc->runs[i];
        if (run->n < 1)
            continue;
        int k = ov_hud_shown_step(run, st->anim.step);
        double f, g[2], h[3], lam[2], v[2][2];
        ov_surface_hess(sc->surface, run->x[k], run->y[k], &f, g, h);
        const char *name = ov_optim_info_of(run->params.kind)->name;
        if (!isfinite(h[0]) || !isfinite(h[1]) || !isfinite(h[2])) {
            ov_panel_text_add(t, i, "%s: Hessian not finite here", name);
            continue;
        }
        ov_sym2_eigen(h, lam, v);
        double kappa = lam[0] > 0 ? lam[1] / lam[0] : INFINITY;
        if (lam[0] < 0)
            ov_panel_text_add(t, i, "%s: \xce\xbb = %.3g, %.3g   non-convex here", name, lam[0], lam[1]);
        else if (!isfinite(kappa))
            /* λmin is 0 (or so small the ratio overflows): the loss is flat
             * along one direction, and no finite κ describes it. */
            ov_panel_text_add(t, i, "%s: \xce\xbb = %.3g, %.3g   flat along one direction, "
                     "local \xce\xba unbounded", name, lam[0], lam[1]);
        else
            ov_panel_text_add(t, i, "%s: \xce\xbb = %.3g, %.3g   local \xce\xba%s = %.3g", name,
                              lam[0], lam[1],
                              sc->model && sc->model->n > 2 ? " on the slice" : "", kappa);
    }
    ov_panel_text_add(t, OV_PANEL_DIM, "ellipse: local Hessian (red: non-convex)   white: "
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
    const ov_scene *sc = &st->sc.scene;
    float R = sty->px * 2.2f;
    /* World length of one pixel (at the middle of the frame in 3-D). */
    double wpp = ov_view_world_per_pixel(view);
    /* On a curve the picture is (x, L): the glyphs of the plane would be
     * misplaced there; the panel's text still applies. */
    for (int i = 0; i < sc->nruns && !sc->surface->one_d; i++) {
        const ov_run *run = &sc->runs[i];
        if (run->n < 1)
            continue;
        int k = ov_hud_shown_step(run, st->anim.step);
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

