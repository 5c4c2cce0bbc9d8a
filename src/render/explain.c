/* Drawing "the step taken apart" (core/explain.h): the terms of one update
 * as labelled arrows from the current point, construction lines, the fan
 * of momentum's past gradients, look-ahead and line-search points, Newton's
 * model ellipse, rprop's step-size box, and a panel of per-coordinate bars.
 * All through the overlay queue, in pixels, on top of the paths. On a curve
 * (1-D view) every arrow is horizontal, stacked under the current point. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/surface.h"
#include "render/explain.h"
#include "render/palette.h"

#define MAX_LABELS (OV_EXPLAIN_MAX_ARROWS + OV_EXPLAIN_MAX_POINTS)

/* Where world points land: through the frame's view (2-D or 3-D), or on a
 * curve through the plot's view of (x, L), every explanation point at the
 * current point's height. */
typedef struct ov_xmap {
    const ov_view *view;
    const ov_surface *surface;
    bool one_d;
    double level;      /* 1-D: the loss at the current point */
    double origin[2];  /* the current point w_i */
    double zoom;       /* every item magnified about w_i by this (>= 1) */
    int H;
} ov_xmap;

/* Pixel of world point w, magnified about the origin; NaN when it cannot
 * be seen (behind a 3-D camera), which the overlay then drops. */
static ov_vec2 to_px(const ov_xmap *m, const double w[2])
{
    double x = m->origin[0] + m->zoom * (w[0] - m->origin[0]);
    double y = m->origin[1] + m->zoom * (w[1] - m->origin[1]);
    ov_vec2 px = {NAN, NAN};
    double depth;
    if (m->one_d) {
        if (!ov_view_project(m->view, x, m->level, 0.0, 0.0, &px, &depth))
            px.x = px.y = NAN;
        return px;
    }
    double L = m->view->is3d ? ov_surface_value(m->surface, x, y) : 0.0;
    if (!ov_view_project(m->view, x, y, L, 2.0, &px, &depth))
        px.x = px.y = NAN;
    return px;
}

/* A magnification that makes the longest arrow up to 0.3 of the frame
 * height when it is shorter than half that: 1, 2, 5, 10, 20, ... so the
 * factor reads easily. 1 when the arrows are long enough already. */
static double choose_zoom(const ov_xmap *m, const ov_explain *x)
{
    double longest = 0.0;
    ov_vec2 o = to_px(m, x->w);
    for (int i = 0; i < x->narrows; i++) {
        if (x->arrows[i].role == OV_EX_GUIDE)
            continue;
        for (int e = 0; e < 2; e++) {
            ov_vec2 p = to_px(m, e ? x->arrows[i].to : x->arrows[i].from);
            longest = fmax(longest, hypot(p.x - o.x, p.y - o.y));
        }
    }
    const double want = 0.3 * m->H;
    if (!(longest > 0.0) || !isfinite(longest) || longest >= 0.5 * want)
        return 1.0;
    double zoom = 1.0;
    for (double decade = 1.0; decade < 1e12; decade *= 10.0)
        for (int k = 0; k < 3; k++) {
            double z = decade * (k == 0 ? 1.0 : k == 1 ? 2.0 : 5.0);
            if (z * longest <= want)
                zoom = z;
        }
    return zoom;
}

/* A label waiting to be placed: at pixel (x, y) on the side (dx, dy). */
typedef struct ov_xlabel {
    float x, y, dx, dy;
    ov_rgba col;
    const char *text;
    int rank;               /* lower ranks are placed first */
} ov_xlabel;

typedef struct ov_xctx {
    ov_overlay *o;
    ov_text_cache *tc;
    float s, text;          /* size unit and label text size, pixels */
    float frame_w, frame_h;
    ov_rgba run, ink, shade;
    /* Boxes of the labels placed so far, to keep labels apart. */
    float boxes[MAX_LABELS][4];
    int nboxes;
    ov_xlabel pending[MAX_LABELS];
    int npending;
} ov_xctx;

static void label_later(ov_xctx *c, float x, float y, float dx, float dy, ov_rgba col,
                        const char *text, int rank)
{
    if (!text || !*text || c->npending >= MAX_LABELS)
        return;
    c->pending[c->npending++] = (ov_xlabel){x, y, dx, dy, col, text, rank};
}

static const ov_rgba TERM_COLORS[3] = {{1.0f, 0.82f, 0.22f, 1.0f},
                                       {1.0f, 0.45f, 0.78f, 1.0f},
                                       {0.35f, 0.92f, 1.0f, 1.0f}};
static const ov_rgba AXIS_COLORS[2] = {{1.0f, 0.82f, 0.22f, 1.0f}, {0.72f, 0.55f, 1.0f, 1.0f}};

static ov_rgba faded(ov_rgba c, double f)
{
    c.a *= (float)(f < 0 ? 0 : f > 1 ? 1 : f);
    return c;
}

static bool overlaps(const float a[4], const float b[4])
{
    return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

/* A label next to pixel point (x, y), on the side dir (dx, dy) points to,
 * moved down past labels already placed; on a dark translucent plate. */
static void label_at(ov_xctx *c, float x, float y, float dx, float dy, ov_rgba col,
                     const char *text)
{
    if (!text || !*text)
        return;
    const ov_text_entry *e = ov_text_get(c->tc, text, c->text);
    float w = (float)e->w, h = (float)e->h, pad = 3.0f * c->s;
    float len = sqrtf(dx * dx + dy * dy);
    float ux = len > 0 ? dx / len : 1.0f, uy = len > 0 ? dy / len : 0.0f;
    float ax = x + ux * 8.0f * c->s, ay = y + uy * 8.0f * c->s;
    float bx = ux >= -0.3f ? ax : ax - w;
    float by = uy > 0.5f ? ay : uy < -0.5f ? ay - h : ay - h * 0.5f;
    float box[4] = {bx - pad, by - pad * 0.5f, bx + w + pad, by + h + pad * 0.5f};
    /* Inside the frame, above the status line and the captions (the
     * lowest fifth of the frame). */
    float lo_y = c->text * 0.5f, hi_y = c->frame_h * 0.78f;
    float shift_x = box[0] < pad ? pad - box[0] : box[2] > c->frame_w - pad ? c->frame_w - pad - box[2] : 0;
    float shift_y = box[3] > hi_y ? hi_y - box[3] : box[1] < lo_y ? lo_y - box[1] : 0;
    box[0] += shift_x;
    box[2] += shift_x;
    bx += shift_x;
    box[1] += shift_y;
    box[3] += shift_y;
    by += shift_y;
    /* Moves of one row down, up, two down, ... until it is clear. */
    const float base[4] = {box[0], box[1], box[2], box[3]}, base_y = by;
    for (int tries = 0; tries < 9; tries++) {
        float shift = (float)((tries + 1) / 2) * (h + pad) * (tries % 2 ? 1.0f : -1.0f);
        box[1] = base[1] + shift;
        box[3] = base[3] + shift;
        by = base_y + shift;
        bool clash = false;
        for (int i = 0; i < c->nboxes && !clash; i++)
            clash = overlaps(box, c->boxes[i]);
        if (!clash)
            break;
    }
    if (c->nboxes < MAX_LABELS)
        memcpy(c->boxes[c->nboxes++], box, sizeof box);
    ov_overlay_rect(c->o, box[0], box[1], box[2] - box[0], box[3] - box[1], c->shade);
    ov_overlay_text(c->o, bx, by, c->text, col, text);
}

/* A dashed line from a to b. */
static void dashed(ov_xctx *c, ov_vec2 a, ov_vec2 b, float width, ov_rgba col)
{
    double dx = b.x - a.x, dy = b.y - a.y, len = hypot(dx, dy);
    if (!(len > 1.0) || !isfinite(len))
        return;
    double dash = 7.0 * c->s, gap = 5.0 * c->s;
    for (double t = 0; t < len; t += dash + gap) {
        double t1 = fmin(t + dash, len);
        ov_overlay_line(c->o, (float)(a.x + dx * t / len), (float)(a.y + dy * t / len),
                        (float)(a.x + dx * t1 / len), (float)(a.y + dy * t1 / len), width, col);
    }
}

/* An arrow from a to b with a filled head; returns false when shorter than
 * two pixels (nothing drawn). outline: a dark edge under it. */
static bool arrow(ov_xctx *c, ov_vec2 a, ov_vec2 b, float width, ov_rgba col, bool outline)
{
    double dx = b.x - a.x, dy = b.y - a.y, len = hypot(dx, dy);
    if (!(len >= 2.0) || !isfinite(len))
        return false;
    double ux = dx / len, uy = dy / len;
    double hl = fmin(4.2 * width + 4.0 * c->s, len * 0.6), hw = hl * 0.45;
    double bx = b.x - ux * hl, by = b.y - uy * hl;
    if (outline) {
        ov_rgba dark = {0.05f, 0.05f, 0.07f, col.a * 0.85f};
        float e = 1.6f * c->s;
        ov_overlay_line(c->o, (float)a.x, (float)a.y, (float)bx, (float)by, width + 2 * e, dark);
        ov_overlay_triangle(c->o, (float)(b.x + ux * e * 1.5), (float)(b.y + uy * e * 1.5),
                            (float)(bx - uy * (hw + e) - ux * e), (float)(by + ux * (hw + e) - uy * e),
                            (float)(bx + uy * (hw + e) - ux * e), (float)(by - ux * (hw + e) - uy * e),
                            dark);
    }
    ov_overlay_line(c->o, (float)a.x, (float)a.y, (float)bx, (float)by, width, col);
    ov_overlay_triangle(c->o, (float)b.x, (float)b.y, (float)(bx - uy * hw), (float)(by + ux * hw),
                        (float)(bx + uy * hw), (float)(by - ux * hw), col);
    return true;
}

/* On a curve, arrows that would lie on top of each other get their own
 * lane: lane k is k rows of label height under the current point. */
static ov_vec2 lane(const ov_xctx *c, const ov_xmap *m, ov_vec2 p, int k)
{
    if (m->one_d)
        p.y += (double)k * c->text * 1.9;
    return p;
}

static void draw_arrows(ov_xctx *c, const ov_xmap *m, const ov_explain *x)
{
    int nterm = 0, lanes = 1;
    /* Pass 0: guides and the fan under everything; pass 1: the rest. */
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < x->narrows; i++) {
            const ov_explain_arrow *a = &x->arrows[i];
            bool under = a->role == OV_EX_GUIDE || a->role == OV_EX_FAN;
            if (under != (pass == 0))
                continue;
            ov_vec2 p = to_px(m, a->from), q = to_px(m, a->to);
            ov_rgba col = c->ink;
            float width = 2.2f * c->s;
            bool outline = true;
            int k = 0;
            switch (a->role) {
            case OV_EX_GUIDE:
                if (!m->one_d)
                    dashed(c, p, q, 1.2f * c->s, faded(c->ink, 0.55));
                continue;
            case OV_EX_FAN:
                col = faded(TERM_COLORS[0], 0.25 + 0.75 * a->fade);
                width = 1.5f * c->s;
                outline = false;
                k = m->one_d ? 3 : 0;
                break;
            case OV_EX_TERM:
                col = TERM_COLORS[nterm % 3];
                nterm++;
                k = m->one_d ? nterm : 0;
                break;
            case OV_EX_GRADIENT:
                col = faded(c->ink, a->fade);
                k = m->one_d ? lanes++ + 3 : 0;
                break;
            case OV_EX_AXIS:
                col = AXIS_COLORS[a->to[0] == a->from[0] ? 1 : 0];
                k = m->one_d ? 1 : 0;
                break;
            case OV_EX_STEP:
                col = c->run;
                width = 3.0f * c->s;
                break;
            }
            p = lane(c, m, p, k);
            q = lane(c, m, q, k);
            if (arrow(c, p, q, width, col, outline))
                label_later(c, (float)q.x, (float)q.y, (float)(q.x - p.x), (float)(q.y - p.y),
                            a->role == OV_EX_FAN ? faded(c->ink, 0.9) : col, a->label,
                            a->role == OV_EX_STEP ? 0 : a->role == OV_EX_FAN ? 3 : 1);
        }
    }
}

/* Pixel of (x, L) in the plot of a curve, not magnified. */
static ov_vec2 curve_px(const ov_xmap *m, double x, double L)
{
    ov_vec2 px = {NAN, NAN};
    double depth;
    if (!ov_view_project(m->view, x, L, 0.0, 0.0, &px, &depth))
        px.x = px.y = NAN;
    return px;
}

/* Newton's local model on a curve: the parabola
 * model_f + g (x - w) + ½ h (x - w)², over the frame's width. */
static void draw_parabola(ov_xctx *c, const ov_xmap *m, const ov_explain *x)
{
    const double h = x->model_h[0], g = x->model_g[0];
    if (!(h > 0.0) || !isfinite(h) || !isfinite(g))
        return;
    ov_rect r = m->view->rect;
    ov_vec2 prev = {NAN, NAN};
    for (int i = 0; i <= 160; i++) {
        double px = r.x0 + (r.x1 - r.x0) * i / 160.0, d = px - x->w[0];
        ov_vec2 p = curve_px(m, px, x->model_f + g * d + 0.5 * h * d * d);
        if (isfinite(prev.y) && isfinite(p.y) && fabs(p.y - prev.y) < 4.0 * m->H)
            ov_overlay_line(c->o, (float)prev.x, (float)prev.y, (float)p.x, (float)p.y,
                            1.8f * c->s, faded(TERM_COLORS[2], 0.9));
        prev = p;
    }
}

static void draw_points(ov_xctx *c, const ov_xmap *m, const ov_explain *x)
{
    if (m->one_d)
        draw_parabola(c, m, x);
    if (x->nellipse > 1 && !m->one_d) {
        for (int i = 0; i < x->nellipse; i++) {
            ov_vec2 a = to_px(m, x->ellipse[i]), b = to_px(m, x->ellipse[(i + 1) % x->nellipse]);
            ov_overlay_line(c->o, (float)a.x, (float)a.y, (float)b.x, (float)b.y, 1.6f * c->s,
                            faded(c->ink, 0.85));
        }
    }
    if ((x->box[0] > 0 || x->box[1] > 0) && !m->one_d) {
        double corner[4][2] = {{x->w[0] - x->box[0], x->w[1] - x->box[1]},
                               {x->w[0] + x->box[0], x->w[1] - x->box[1]},
                               {x->w[0] + x->box[0], x->w[1] + x->box[1]},
                               {x->w[0] - x->box[0], x->w[1] + x->box[1]}};
        for (int i = 0; i < 4; i++)
            dashed(c, to_px(m, corner[i]), to_px(m, corner[(i + 1) % 4]), 1.4f * c->s,
                   faded(AXIS_COLORS[0], 0.8));
    }
    for (int i = 0; i < x->npoints; i++) {
        const ov_explain_point *pt = &x->points[i];
        ov_vec2 p = to_px(m, pt->w);
        if (m->one_d) {
            /* On a curve a point sits where it is: on the curve, or the
             * Newton point at the bottom of the model parabola. */
            double d = pt->w[0] - x->w[0];
            double L = pt->role == OV_EXP_NEWTON
                           ? x->model_f + x->model_g[0] * d + 0.5 * x->model_h[0] * d * d
                           : ov_surface_value(m->surface, pt->w[0], pt->w[1]);
            p = curve_px(m, pt->w[0], L);
        }
        ov_rgba col = c->ink;
        float r = 4.0f * c->s;
        switch (pt->role) {
        case OV_EXP_LOOKAHEAD:
            ov_overlay_disc(c->o, (float)p.x, (float)p.y, 6.0f * c->s, c->ink);
            ov_overlay_disc(c->o, (float)p.x, (float)p.y, 4.0f * c->s, TERM_COLORS[0]);
            break;
        case OV_EXP_TRIAL:
            col = (ov_rgba){0.85f, 0.85f, 0.88f, 0.9f};
            ov_overlay_disc(c->o, (float)p.x, (float)p.y, r + 1.2f * c->s, c->shade);
            ov_overlay_disc(c->o, (float)p.x, (float)p.y, r, col);
            break;
        case OV_EXP_ACCEPTED:
            ov_overlay_disc(c->o, (float)p.x, (float)p.y, 6.5f * c->s, c->ink);
            ov_overlay_disc(c->o, (float)p.x, (float)p.y, 4.5f * c->s, c->run);
            break;
        case OV_EXP_NEWTON:
            ov_overlay_disc(c->o, (float)p.x, (float)p.y, 6.0f * c->s, c->shade);
            ov_overlay_disc(c->o, (float)p.x, (float)p.y, 4.5f * c->s, c->ink);
            break;
        }
        label_later(c, (float)p.x, (float)p.y, 1.0f, -1.0f, col, pt->label, 2);
    }
}

/* The per-coordinate bars, in a panel at the right edge: for x and y, each
 * bar signed about a zero line, scaled within its group. */
static void draw_bars(ov_xctx *c, const ov_explain *x, int W, int H, bool one_d)
{
    if (x->nbars == 0)
        return;
    double scale[2] = {0, 0};
    for (int i = 0; i < x->nbars; i++)
        scale[x->bars[i].group] = fmax(scale[x->bars[i].group], fabs(x->bars[i].value));
    const float row = c->text * 1.45f, pad = 8.0f * c->s, labw = c->text * 3.2f;
    const float barw = 150.0f * c->s, valw = c->text * 5.0f;
    int rows = 2;
    for (int i = 0; i < x->nbars; i++)
        rows += !(one_d && x->bars[i].axis == 1);
    float pw = pad * 3 + labw + barw + valw, ph = pad * 2 + row * (float)rows;
    float x0 = (float)W - pw - pad * 1.5f, y0 = (float)H * 0.2f;
    ov_overlay_rect(c->o, x0, y0, pw, ph, (ov_rgba){0.04f, 0.05f, 0.08f, 0.8f});
    ov_overlay_text(c->o, x0 + pad, y0 + pad, c->text, c->ink, "per coordinate");
    float y = y0 + pad + row * 1.2f;
    int last_axis = -1;
    for (int i = 0; i < x->nbars; i++) {
        const ov_explain_bar *b = &x->bars[i];
        if (one_d && b->axis == 1)
            continue;   /* y does not move on a curve */
        if (b->axis != last_axis) {
            ov_overlay_text(c->o, x0 + pad, y, c->text, AXIS_COLORS[b->axis],
                            b->axis == 0 ? "x" : "y");
            last_axis = b->axis;
            if (i > 0)
                ov_overlay_rect(c->o, x0 + pad, y - row * 0.12f, pw - 2 * pad, 1.0f * c->s,
                                faded(c->ink, 0.3));
        }
        ov_overlay_text(c->o, x0 + pad + c->text * 1.2f, y, c->text, c->ink, b->label);
        float bx = x0 + pad * 2 + labw, mid = bx + barw * 0.5f;
        double f = scale[b->group] > 0 ? b->value / scale[b->group] : 0.0;
        float len = (float)(f * barw * 0.5);
        ov_rgba col = b->group == 0 ? TERM_COLORS[2] : AXIS_COLORS[b->axis];
        if (fabsf(len) >= 0.5f)
            ov_overlay_rect(c->o, len > 0 ? mid : mid + len, y + row * 0.18f, fabsf(len),
                            row * 0.5f, col);
        ov_overlay_rect(c->o, mid - 0.5f * c->s, y + row * 0.05f, 1.0f * c->s, row * 0.75f,
                        faded(c->ink, 0.7));
        char val[32];
        snprintf(val, sizeof val, "%.3g", b->value);
        ov_overlay_text(c->o, bx + barw + pad, y, c->text * 0.9f, c->ink, val);
        y += row;
    }
}

void ov_render_explain(ov_overlay *o, ov_text_cache *tc, const ov_frame_desc *d, int W, int H,
                       const ov_view *plot, double level)
{
    const ov_explain *x = d->explain;
    if (!x || !x->valid || W <= 0 || H <= 0 || !d->view || !d->scene || !d->scene->surface)
        return;
    ov_xctx c;
    memset(&c, 0, sizeof c);
    c.o = o;
    c.tc = tc;
    c.s = ov_render_frame_scale(d, H);
    c.text = 14.0f * c.s;
    c.frame_w = (float)W;
    c.frame_h = (float)H;
    c.run = ov_frame_run_color(d, d->explain_run < 0 ? 0 : d->explain_run);
    c.ink = (ov_rgba){1.0f, 1.0f, 1.0f, 1.0f};
    c.shade = (ov_rgba){0.03f, 0.03f, 0.05f, d->high_contrast ? 0.9f : 0.68f};
    ov_xmap m = {d->view, d->scene->surface, false, 0.0, {x->w[0], x->w[1]}, 1.0, H};
    if (plot) {
        m.view = plot;
        m.one_d = true;
        m.level = level;
    }
    /* On a curve the points sit at their true places: no magnification
     * when there are any. */
    m.zoom = m.one_d && x->npoints > 0 ? 1.0 : choose_zoom(&m, x);
    draw_points(&c, &m, x);
    draw_arrows(&c, &m, x);
    /* The current point's own box first: labels keep clear of it. */
    ov_vec2 o0 = to_px(&m, x->w);
    float r0 = 6.0f * c.s;
    float own[4] = {(float)o0.x - r0, (float)o0.y - r0, (float)o0.x + r0, (float)o0.y + r0};
    memcpy(c.boxes[c.nboxes++], own, sizeof own);
    for (int rank = 0; rank < 4; rank++)
        for (int i = 0; i < c.npending; i++)
            if (c.pending[i].rank == rank)
                label_at(&c, c.pending[i].x, c.pending[i].y, c.pending[i].dx, c.pending[i].dy,
                         c.pending[i].col, c.pending[i].text);
    if (m.zoom > 1.0) {
        char note[64];
        snprintf(note, sizeof note, "arrows \xc3\x97%.0f about w\xe1\xb5\xa2", m.zoom);
        label_at(&c, (float)o0.x, (float)o0.y, -1.0f, 1.0f, c.ink, note);
    }
    draw_bars(&c, x, W, H, m.one_d);
}
