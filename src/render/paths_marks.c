/* The path pass's shared parts (see paths_marks.h): world points projected
 * to the pass's pixels, the guard band, and the start, minima and simplex
 * marks. */
#include "render/paths_marks.h"

#include <math.h>

#include "render/paths3d.h"

/* World point with loss L -> drawing point through the view; false when
 * it has none (behind a 3-D camera). */
bool ov_paths_project(const ov_path_proj *pj, double x, double y, double L, double lift, ov_pt *out)
{
    ov_vec2 q;
    double depth;
    bool ok = ov_view_project(pj->v, x, y, L, lift, &q, &depth);
    out->x = q.x;
    out->y = q.y;
    out->z = depth;
    return ok;
}

bool ov_paths_in_guard(const ov_path_proj *pj, ov_pt q)
{
    return q.x >= -OV_PATH_GUARD && q.x <= pj->w + OV_PATH_GUARD && q.y >= -OV_PATH_GUARD &&
           q.y <= pj->h + OV_PATH_GUARD;
}

/* Pushes segment a-b clipped to the guard band (dashed when d says so). */
void ov_paths_push_clipped(ov_seg_list *l, ov_pt a, ov_pt b, const ov_path_proj *pj, float radius,
                           ov_paint c, ov_dash *d)
{
    if (ov_caps_clip(&a, &b, -OV_PATH_GUARD, pj->w + OV_PATH_GUARD, -OV_PATH_GUARD,
                     pj->h + OV_PATH_GUARD))
        ov_caps_push_dashed(l, a, b, radius, c, d);
}

/* Nelder-Mead's simplex at the head: its edges through the best vertex
 * (the iterate the head is at or moving to) and the others the run kept. */
void ov_paths_draw_simplex(ov_paths *p, const ov_run *run, int k, double frac,
                           const ov_path_proj *pj, const ov_path_style *st, ov_paint pc,
                           ov_paint dark)
{
    const int j = frac > 0.0 && k < run->n ? k : k - 1;
    const double *o = run->simplex + (size_t)j * OV_RUN_SIMPLEX;
    double vx[OV_RUN_SIMPLEX_VERTICES] = {run->x[j]}, vy[OV_RUN_SIMPLEX_VERTICES] = {run->y[j]};
    ov_pt q[OV_RUN_SIMPLEX_VERTICES];
    for (int v = 0; v < OV_RUN_SIMPLEX_VERTICES; v++) {
        if (v > 0) {
            vx[v] = o[2 * (v - 1)];
            vy[v] = o[2 * (v - 1) + 1];
        }
        if (!isfinite(vx[v]) || !isfinite(vy[v]) || !ov_path3d_visible(pj->v, vx[v], vy[v]) ||
            !ov_paths_project(pj, vx[v], vy[v], ov_surface_value(pj->s, vx[v], vy[v]),
                              pj->lift_head, &q[v]))
            return;
    }
    ov_dash none = {0.0, 0.0, 0.0};
    for (int layer = 0; layer < 2; layer++)
        for (int v = 0; v < OV_RUN_SIMPLEX_VERTICES; v++)
            ov_paths_push_clipped(&p->list, q[v], q[(v + 1) % (OV_RUN_SIMPLEX_VERTICES)], pj,
                                  st->line * 0.35f + (layer ? 0.0f : st->casing * 0.6f),
                                  layer ? pc : dark, &none);
}

/* The start point: a white ring with a dark outline, under the paths. */
void ov_paths_draw_start(ov_paths *p, const ov_scene *sc, const ov_path_proj *pj,
                         const ov_path_style *st)
{
    ov_pt q;
    if (!ov_path3d_visible(pj->v, sc->start.x, sc->start.y) ||
        !ov_paths_project(pj, sc->start.x, sc->start.y,
                          ov_surface_value(sc->surface, sc->start.x, sc->start.y), pj->lift_head,
                          &q) ||
        !ov_paths_in_guard(pj, q))
        return;
    ov_paint none = {{0, 0, 0, 0}}, dark = ov_paint_of(st->dark, 0.9f),
             white = ov_paint_of(st->white, 1);
    float r = 7.5f * st->s, ring = 2.0f * st->s;
    ov_caps_push(&p->list, q, q, r + ring + st->casing, 0, dark, dark);
    ov_caps_push(&p->list, q, q, r, ring, none, white);
}

/* A six-armed star at each known minimum inside the view; in 3-D on top of
 * a stem standing on the surface. */
void ov_paths_draw_minima(ov_paths *p, const ov_surface *s, const ov_path_proj *pj,
                          const ov_path_style *st)
{
    float arm = 8.0f * st->s;
    ov_paint white = ov_paint_of(st->white, 1.0f), dark = ov_paint_of(st->dark, 1.0f);
    for (int layer = 0; layer < 2; layer++) {
        for (int m = 0; m < s->nminima; m++) {
            double mx = s->minima[m].x, my = s->minima[m].y;
            ov_pt c, base;
            if (pj->v->is3d) {
                ov_vec2 q0, q1;
                double z0, z1;
                if (!ov_path3d_stem(pj->v, s, mx, my, pj->lift_path, &q0, &z0, &q1, &z1))
                    continue;
                base = (ov_pt){q0.x, q0.y, z0};
                c = (ov_pt){q1.x, q1.y, z1};
            } else if (!ov_paths_project(pj, mx, my, ov_surface_value(s, mx, my), 0, &c)) {
                continue;
            }
            if (!ov_paths_in_guard(pj, c))
                continue;
            float r = layer ? 1.3f * st->s : 1.3f * st->s + st->casing;
            ov_paint col = layer ? white : dark;
            if (pj->v->is3d)
                ov_caps_push(&p->list, base, c, r, 0, col, col);
            for (int a = 0; a < 3; a++) {
                float ang = (float)(a * 3.14159265358979 / 3.0 + 3.14159265358979 / 2.0);
                float dx = arm * cosf(ang), dy = arm * sinf(ang);
                ov_caps_push(&p->list, (ov_pt){c.x - dx, c.y - dy, c.z},
                             (ov_pt){c.x + dx, c.y + dy, c.z}, r, 0, col, col);
            }
        }
    }
}
