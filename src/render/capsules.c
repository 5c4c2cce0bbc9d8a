/* Capsule lists for the path pass (see capsules.h). */
#include "render/capsules.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/thin.h"
#include "render/markers.h"

static bool grow(void **v, int *cap, int need, size_t elem)
{
    if (need <= *cap)
        return true;
    int ncap = *cap ? *cap * 2 : 256;
    while (ncap < need)
        ncap *= 2;
    void *nv = realloc(*v, (size_t)ncap * elem);
    if (!nv)
        return false;
    *v = nv;
    *cap = ncap;
    return true;
}

ov_paint ov_paint_of(ov_rgba c, float alpha)
{
    float a = c.a * alpha;
    float v[4] = {c.r * a, c.g * a, c.b * a, a};
    ov_paint out;
    for (int i = 0; i < 4; i++) {
        float x = v[i] < 0 ? 0 : v[i] > 1 ? 1 : v[i];
        out.b[i] = (uint8_t)(x * 255.0f + 0.5f);
    }
    return out;
}

void ov_caps_push(ov_seg_list *l, ov_pt a, ov_pt b, float radius, float edge, ov_paint fill,
                  ov_paint ring)
{
    if (!grow((void **)&l->v, &l->cap, l->n + 1, sizeof(ov_seg)))
        return;
    ov_seg *s = &l->v[l->n++];
    s->p0[0] = (float)a.x;
    s->p0[1] = (float)a.y;
    s->p1[0] = (float)b.x;
    s->p1[1] = (float)b.y;
    s->z[0] = (float)a.z;
    s->z[1] = (float)b.z;
    s->radius = radius;
    s->edge = edge;
    memcpy(s->fill, fill.b, 4);
    memcpy(s->edgecol, (edge > 0 ? ring : fill).b, 4);
}

bool ov_caps_clip(ov_pt *a, ov_pt *b, double x0, double x1, double y0, double y1)
{
    double ax = a->x, ay = a->y, bx = b->x, by = b->y;
    if (!ov_clip_segment(&ax, &ay, &bx, &by, x0, x1, y0, y1))
        return false;
    double dx = b->x - a->x, dy = b->y - a->y, dz = b->z - a->z;
    double len2 = dx * dx + dy * dy;
    double t0 = len2 > 0 ? ((ax - a->x) * dx + (ay - a->y) * dy) / len2 : 0.0;
    double t1 = len2 > 0 ? ((bx - a->x) * dx + (by - a->y) * dy) / len2 : 1.0;
    double z0 = a->z;
    *a = (ov_pt){ax, ay, z0 + dz * t0};
    *b = (ov_pt){bx, by, z0 + dz * t1};
    return true;
}

void ov_caps_push_dashed(ov_seg_list *l, ov_pt a, ov_pt b, float radius, ov_paint c, ov_dash *d)
{
    if (!(d->on > 0)) {
        ov_caps_push(l, a, b, radius, 0, c, c);
        return;
    }
    double dx = b.x - a.x, dy = b.y - a.y, dz = b.z - a.z, len = sqrt(dx * dx + dy * dy);
    if (!(len > 0))
        return;
    double period = d->on + d->off, t = 0;
    while (t < len) {
        double ph = fmod(d->phase + t, period);
        double left = ph < d->on ? d->on - ph : period - ph;
        double t1 = fmin(len, t + left);
        if (ph < d->on)
            ov_caps_push(l, (ov_pt){a.x + dx * t / len, a.y + dy * t / len, a.z + dz * t / len},
                         (ov_pt){a.x + dx * t1 / len, a.y + dy * t1 / len, a.z + dz * t1 / len},
                         radius, 0, c, c);
        t = t1 + 1e-4;
    }
    d->phase = fmod(d->phase + len, period);
}

/* Capsules for marker pieces (markers.c) on the path list, at depth z. */
typedef struct piece_ctx {
    ov_seg_list *l;
    ov_paint c;
    double z;
} piece_ctx;

static void piece(void *ctx, float x0, float y0, float x1, float y1, float half, bool span)
{
    piece_ctx *pc = ctx;
    if (span) {
        /* A capsule's round ends reach its radius past the end points. */
        float in = fminf(half, (x1 - x0) * 0.5f);
        x0 += in;
        x1 -= in;
    }
    ov_caps_push(pc->l, (ov_pt){x0, y0, pc->z}, (ov_pt){x1, y1, pc->z}, half, 0, pc->c, pc->c);
}

void ov_caps_push_marker(ov_seg_list *l, ov_marker m, ov_pt q, float r, float edge,
                         ov_paint fill, ov_paint ring)
{
    piece_ctx ctx = {l, ring, q.z};
    if (edge > 0)
        ov_marker_pieces(m, (float)q.x, (float)q.y, r, edge, piece, &ctx);
    ctx.c = fill;
    ov_marker_pieces(m, (float)q.x, (float)q.y, r, 0.0f, piece, &ctx);
}

void ov_caps_push_outline(ov_seg_list *l, ov_marker m, ov_pt q, float r, float half, ov_paint c)
{
    piece_ctx ctx = {l, c, q.z};
    ov_marker_outline(m, (float)q.x, (float)q.y, r, half, piece, &ctx);
}
