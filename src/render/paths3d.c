/* Paths on the 3-D surface: each step followed along the surface (a
 * straight segment would cut through hills and float over valleys) and cut
 * to the rectangle the surface covers, and the stem the minimum's marker
 * stands on. Pure geometry through the view; paths.c draws what comes out.
 * In 2-D a step is just its end point. */
#include <math.h>

#include "render/paths3d.h"

#define STEM_HEIGHT 0.12    /* the minimum's stem, in model units of height */

static bool inside(const ov_view *v, double x, double y)
{
    return x >= v->rect.x0 && x <= v->rect.x1 && y >= v->rect.y0 && y <= v->rect.y1;
}

bool ov_path3d_visible(const ov_view *v, double x, double y)
{
    return !v->is3d || inside(v, x, y);
}

/* Clips world segment a + t (b - a), t in [0, 1], to the rectangle. */
static bool clip_rect(const ov_view *v, double ax, double ay, double bx, double by, double *t0,
                      double *t1)
{
    double d[2] = {bx - ax, by - ay}, o[2] = {ax, ay};
    double lo[2] = {v->rect.x0, v->rect.y0}, hi[2] = {v->rect.x1, v->rect.y1};
    *t0 = 0.0;
    *t1 = 1.0;
    for (int i = 0; i < 2; i++) {
        if (d[i] == 0.0) {
            if (o[i] < lo[i] || o[i] > hi[i])
                return false;
            continue;
        }
        double u0 = (lo[i] - o[i]) / d[i], u1 = (hi[i] - o[i]) / d[i];
        if (u0 > u1) {
            double t = u0;
            u0 = u1;
            u1 = t;
        }
        *t0 = fmax(*t0, u0);
        *t1 = fmin(*t1, u1);
    }
    return *t0 <= *t1;
}

static void emit(const ov_view *v, double x, double y, double L, double lift_px,
                 ov_thin_kind kind, ov_path_sink sink, void *ctx)
{
    ov_vec2 q;
    double z;
    if (ov_view_project(v, x, y, L, lift_px, &q, &z))
        sink(ctx, q.x, q.y, z, kind);
}

void ov_path3d_start(const ov_view *v, const ov_surface *s, double x, double y, double L,
                     double lift_px, ov_path_sink sink, void *ctx)
{
    (void)s;
    if (ov_path3d_visible(v, x, y))
        emit(v, x, y, L, lift_px, OV_THIN_ITERATE, sink, ctx);
}

void ov_path3d_step(const ov_view *v, const ov_surface *s, double ax, double ay, double bx,
                    double by, double Lb, double lift_px, ov_path_sink sink, void *ctx)
{
    if (!v->is3d) {
        emit(v, bx, by, Lb, lift_px, OV_THIN_ITERATE, sink, ctx);
        return;
    }
    double t0, t1;
    if (!clip_rect(v, ax, ay, bx, by, &t0, &t1))
        return;
    double dx = bx - ax, dy = by - ay;
    if (t0 > 0.0) {
        double x = ax + dx * t0, y = ay + dy * t0;
        emit(v, x, y, ov_surface_value(s, x, y), lift_px, OV_THIN_MOVE, sink, ctx);
    }
    /* Pieces of about OV_PATH3D_PIECE_PX along the projected step. */
    ov_vec2 pa, pb;
    double za, zb;
    int n = 1;
    double xa = ax + dx * t0, ya = ay + dy * t0, xb = ax + dx * t1, yb = ay + dy * t1;
    if (ov_view_project(v, xa, ya, ov_surface_value(s, xa, ya), 0.0, &pa, &za) &&
        ov_view_project(v, xb, yb, ov_surface_value(s, xb, yb), 0.0, &pb, &zb)) {
        double len = hypot(pb.x - pa.x, pb.y - pa.y);
        if (len > OV_PATH3D_PIECE_PX)
            n = (int)fmin(ceil(len / OV_PATH3D_PIECE_PX), OV_PATH3D_MAX_PIECES);
    }
    for (int i = 1; i < n; i++) {
        double t = t0 + (t1 - t0) * i / n, x = ax + dx * t, y = ay + dy * t;
        emit(v, x, y, ov_surface_value(s, x, y), lift_px, OV_THIN_LINE, sink, ctx);
    }
    if (t1 >= 1.0)
        emit(v, bx, by, Lb, lift_px, OV_THIN_ITERATE, sink, ctx);
    else
        emit(v, xb, yb, ov_surface_value(s, xb, yb), lift_px, OV_THIN_LINE, sink, ctx);
}

bool ov_path3d_stem(const ov_view *v, const ov_surface *s, double x, double y, double lift_px,
                    ov_vec2 *base, double *base_z, ov_vec2 *top, double *top_z)
{
    double L = ov_surface_value(s, x, y);
    if (!inside(v, x, y) || !ov_view_project(v, x, y, L, lift_px, base, base_z))
        return false;
    double m[3];
    ov_view_world_to_model(v, x, y, L, m);
    m[2] += STEM_HEIGHT * v->lift;
    return ov_view_project_model(v, m, lift_px, top, top_z);
}
