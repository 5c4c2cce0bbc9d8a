/* The path pass: each run's iterates as a thick outlined polyline with a dot
 * per iterate, the animated head, the divergence marker and label, and the
 * minima markers. Geometry is built on the CPU in pixels, decimated (points
 * under a pixel apart merged), clipped to a guard band around the view, and
 * drawn as instanced anti-aliased capsules. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_internal.h"

extern const char ov_shader_path_vert[];
extern const char ov_shader_path_frag[];

#define GUARD 64.0          /* px beyond the view that geometry may reach */
#define MAX_SEGS 200000     /* per run; a path beyond it is cut short */
#define FADED 0.35f         /* opacity of the runs that are not targeted */

bool ov_paths_init(ov_paths *p, char *err, size_t cap)
{
    memset(p, 0, sizeof *p);
    const char *vs[] = {ov_shader_path_vert};
    const char *fs[] = {ov_shader_path_frag};
    p->prog = ov_gl_program("path", vs, 1, fs, 1, err, cap);
    if (!p->prog)
        return false;
    p->u_size = glGetUniformLocation(p->prog, "u_size");
    glGenVertexArrays(1, &p->vao);
    glGenBuffers(1, &p->vbo);
    glBindVertexArray(p->vao);
    glBindBuffer(GL_ARRAY_BUFFER, p->vbo);
    const GLsizei st = (GLsizei)sizeof(ov_seg);
    glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, st, (void *)offsetof(ov_seg, p0));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, st, (void *)offsetof(ov_seg, radius));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, st, (void *)offsetof(ov_seg, fill));
    glVertexAttribPointer(3, 4, GL_UNSIGNED_BYTE, GL_TRUE, st,
                          (void *)offsetof(ov_seg, edgecol));
    for (GLuint i = 0; i < 4; i++) {
        glEnableVertexAttribArray(i);
        glVertexAttribDivisor(i, 1);
    }
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    if (!ov_gl_ok("path buffers")) {
        snprintf(err, cap, "cannot create the path vertex buffers");
        return false;
    }
    return true;
}

void ov_paths_deinit(ov_paths *p)
{
    if (p->prog)
        glDeleteProgram(p->prog);
    if (p->vbo)
        glDeleteBuffers(1, &p->vbo);
    if (p->vao)
        glDeleteVertexArrays(1, &p->vao);
    free(p->list.v);
    for (int i = 0; i < OV_MAX_RUNS; i++) {
        free(p->cache[i].segs);
        free(p->cache[i].dots);
        free(p->ghost_cache[i].segs);
        free(p->ghost_cache[i].dots);
    }
    memset(p, 0, sizeof *p);
}

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

static void to_bytes(ov_rgba c, float alpha, uint8_t out[4])
{
    float a = c.a * alpha;
    float v[4] = {c.r * a, c.g * a, c.b * a, a};
    for (int i = 0; i < 4; i++) {
        float x = v[i] < 0 ? 0 : v[i] > 1 ? 1 : v[i];
        out[i] = (uint8_t)(x * 255.0f + 0.5f);
    }
}

/* Appends a capsule; with edge 0 the ring colour is the fill colour. */
static void push(ov_seg_list *l, float x0, float y0, float x1, float y1, float radius,
                 float edge, ov_rgba fill, ov_rgba ring, float alpha)
{
    if (!grow((void **)&l->v, &l->cap, l->n + 1, sizeof(ov_seg)))
        return;
    ov_seg *s = &l->v[l->n++];
    s->p0[0] = x0;
    s->p0[1] = y0;
    s->p1[0] = x1;
    s->p1[1] = y1;
    s->radius = radius;
    s->edge = edge;
    to_bytes(fill, alpha, s->fill);
    to_bytes(edge > 0 ? ring : fill, alpha, s->edgecol);
}

/* Liang-Barsky: clips the segment to [x0, x1] x [y0, y1]; false if none. */
static bool clip(double *ax, double *ay, double *bx, double *by, double x0, double x1,
                 double y0, double y1)
{
    double dx = *bx - *ax, dy = *by - *ay, t0 = 0.0, t1 = 1.0;
    double p[4] = {-dx, dx, -dy, dy};
    double q[4] = {*ax - x0, x1 - *ax, *ay - y0, y1 - *ay};
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0.0) {
            if (q[i] < 0.0)
                return false;
            continue;
        }
        double t = q[i] / p[i];
        if (p[i] < 0.0) {
            if (t > t1)
                return false;
            if (t > t0)
                t0 = t;
        } else {
            if (t < t0)
                return false;
            if (t < t1)
                t1 = t;
        }
    }
    double sx = *ax, sy = *ay;
    *ax = sx + t0 * dx;
    *ay = sy + t0 * dy;
    *bx = sx + t1 * dx;
    *by = sy + t1 * dy;
    return true;
}

static uint64_t fnv(uint64_t h, const void *data, size_t n)
{
    const unsigned char *b = data;
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 1099511628211ull;
    }
    return h;
}

/* Identifies a run's stored path and how it is projected. A recompute that
 * changes the path changes the sampled iterates; the arrays are not hashed
 * whole, so drawing a million-step run costs nothing per frame. */
static uint64_t path_key(const ov_run *run, ov_rect v, int w, int h, float scale)
{
    uint64_t k = 14695981039346656037ull;
    k = fnv(k, &run->x, sizeof run->x);
    k = fnv(k, &run->y, sizeof run->y);
    k = fnv(k, &run->n, sizeof run->n);
    k = fnv(k, &run->diverged, sizeof run->diverged);
    k = fnv(k, &v, sizeof v);
    k = fnv(k, &w, sizeof w);
    k = fnv(k, &h, sizeof h);
    k = fnv(k, &scale, sizeof scale);
    for (int i = 0; i < 33 && run->n > 0; i++) {
        long idx = (long)((double)(run->n - 1) * i / 32.0);
        k = fnv(k, &run->x[idx], sizeof(double));
        k = fnv(k, &run->y[idx], sizeof(double));
    }
    return k;
}

typedef struct proj {
    double x0, y1, sx, sy;
    int w, h;
} proj;

static void project(const proj *pj, double x, double y, double *px, double *py)
{
    *px = (x - pj->x0) * pj->sx;
    *py = (pj->y1 - y) * pj->sy;
}

static bool in_guard(const proj *pj, double x, double y)
{
    return x >= -GUARD && x <= pj->w + GUARD && y >= -GUARD && y <= pj->h + GUARD;
}

/* Consumes iterates [pc->processed, k) into the cached segments and dots. */
static void cache_extend(ov_path_cache *pc, const ov_run *run, int k, const proj *pj,
                         double dot_gap)
{
    for (int i = pc->processed; i < k; i++) {
        double px, py;
        project(pj, run->x[i], run->y[i], &px, &py);
        if (i > 0) {
            double dx = px - pc->ax, dy = py - pc->ay;
            if (dx * dx + dy * dy < 1.0)
                continue;
            double ax = pc->ax, ay = pc->ay, bx = px, by = py;
            if (clip(&ax, &ay, &bx, &by, -GUARD, pj->w + GUARD, -GUARD, pj->h + GUARD) &&
                pc->nsegs < MAX_SEGS &&
                grow((void **)&pc->segs, &pc->segcap, pc->nsegs + 1, sizeof *pc->segs)) {
                float *s = pc->segs[pc->nsegs++];
                s[0] = (float)ax;
                s[1] = (float)ay;
                s[2] = (float)bx;
                s[3] = (float)by;
            }
        }
        pc->ax = px;
        pc->ay = py;
        double gx = px - pc->dx, gy = py - pc->dy;
        if (in_guard(pj, px, py) && (pc->ndots == 0 || gx * gx + gy * gy >= dot_gap * dot_gap) &&
            grow((void **)&pc->dots, &pc->dotcap, pc->ndots + 1, sizeof *pc->dots)) {
            pc->dots[pc->ndots][0] = (float)px;
            pc->dots[pc->ndots][1] = (float)py;
            pc->ndots++;
            pc->dx = px;
            pc->dy = py;
        }
    }
    pc->processed = k;
}

typedef struct style {
    float line, casing, dot, dot_ring, head, head_ring, s;
    ov_rgba dark, white;
} style;

/* A dash pattern walked along a polyline: on for `on` px, off for `off`
 * px; on = 0 draws it solid. `phase` carries over between segments. */
typedef struct dash {
    float on, off, phase;
} dash;

/* Pushes segment a-b with the dash pattern applied. */
static void push_dashed(ov_seg_list *l, float ax, float ay, float bx, float by, float radius,
                        ov_rgba c, float alpha, dash *d)
{
    if (!(d->on > 0)) {
        push(l, ax, ay, bx, by, radius, 0, c, c, alpha);
        return;
    }
    float dx = bx - ax, dy = by - ay, len = sqrtf(dx * dx + dy * dy);
    if (!(len > 0))
        return;
    float period = d->on + d->off, t = 0;
    while (t < len) {
        float ph = fmodf(d->phase + t, period);
        float left = ph < d->on ? d->on - ph : period - ph;
        float t1 = fminf(len, t + left);
        if (ph < d->on)
            push(l, ax + dx * t / len, ay + dy * t / len, ax + dx * t1 / len, ay + dy * t1 / len,
                 radius, 0, c, c, alpha);
        t = t1 + 1e-4f;
    }
    d->phase = fmodf(d->phase + len, period);
}

/* Pushes a clipped segment (dashed when d says so). */
static void push_clipped(ov_seg_list *l, double ax, double ay, double bx, double by,
                         const proj *pj, float radius, ov_rgba c, float alpha, dash *d)
{
    if (clip(&ax, &ay, &bx, &by, -GUARD, pj->w + GUARD, -GUARD, pj->h + GUARD))
        push_dashed(l, (float)ax, (float)ay, (float)bx, (float)by, radius, c, alpha, d);
}

/* Capsules for marker pieces (markers.c) on the path list. */
typedef struct piece_ctx {
    ov_seg_list *l;
    ov_rgba c;
    float alpha;
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
    push(pc->l, x0, y0, x1, y1, half, 0, pc->c, pc->c, pc->alpha);
}

/* A marker with a dark outline: shape m at x, y, radius r, outlined `edge`
 * px in ring colour, filled with fill. */
static void push_marker(ov_seg_list *l, ov_marker m, float x, float y, float r, float edge,
                        ov_rgba fill, ov_rgba ring, float alpha)
{
    piece_ctx ctx = {l, ring, alpha};
    if (edge > 0)
        ov_marker_pieces(m, x, y, r, edge, piece, &ctx);
    ctx.c = fill;
    ov_marker_pieces(m, x, y, r, 0.0f, piece, &ctx);
}

/* Where run's animation head is (pixels) and how many whole iterates show. */
static int shown(const ov_run *run, double anim, double *frac)
{
    *frac = 0.0;
    if (!(anim < (double)(run->n - 1)))
        return run->n;
    if (!(anim > 0.0))
        return 1;
    double f = floor(anim);
    *frac = anim - f;
    return (int)f + 1;
}

/* Brings pc up to the first k iterates of run, rebuilding it when the run,
 * the view or the size changed or the animation went back. */
static void cache_update(ov_path_cache *pc, const ov_run *run, int k, const ov_frame_desc *d,
                         const proj *pj, const style *st)
{
    uint64_t key = path_key(run, d->view, pj->w, pj->h, st->s);
    if (key != pc->key || k < pc->processed) {
        pc->key = key;
        pc->processed = 0;
        pc->nsegs = 0;
        pc->ndots = 0;
    }
    /* Iterate dots at least 7 px apart (scaled), so a slow run's path
     * stays a line with beads, not a string of dots hiding what is under. */
    cache_extend(pc, run, k, pj, 7.0 * st->s);
}

/* Line width of a run by its rank among the drawn runs: later runs are
 * narrower, so where paths coincide the earlier run's colour still shows
 * on both sides of the later one. */
static float rank_width(int rank)
{
    static const float f[4] = {1.0f, 0.62f, 0.42f, 0.3f};
    return f[rank < 3 ? rank : 3];
}

/* Run idx's shade (its method's n-th run) and ghost idx's. */
static int run_shade(const ov_frame_desc *d, int idx)
{
    return d->shades ? d->shades[idx] : ov_run_default_shade(d->scene, idx);
}

/* A ghost trail: the whole run from before the last change, dashed in a
 * lightened colour over a thin dark casing, no dots or markers. */
static void draw_ghost(ov_paths *p, int idx, const ov_run *run, const ov_frame_desc *d,
                       const proj *pj, const style *st, float alpha)
{
    ov_path_cache *pc = &p->ghost_cache[idx];
    cache_update(pc, run, run->n, d, pj, st);
    int shade = d->ghost_shades ? d->ghost_shades[idx] : idx;
    ov_rgba col = ov_method_color(run->params.kind, shade);
    col.r += (1.0f - col.r) * 0.35f;
    col.g += (1.0f - col.g) * 0.35f;
    col.b += (1.0f - col.b) * 0.35f;
    for (int layer = 0; layer < 2; layer++) {
        float r = layer ? 1.5f * st->s : 1.5f * st->s + 0.9f * st->s;
        ov_rgba c = layer ? col : st->dark;
        dash ds = {layer ? 7.0f * st->s : 0.0f, 4.0f * st->s, 0.0f};
        for (int i = 0; i < pc->nsegs; i++) {
            const float *sg = pc->segs[i];
            push_dashed(&p->list, sg[0], sg[1], sg[2], sg[3], r, c, alpha * (layer ? 1.0f : 0.6f),
                        &ds);
        }
    }
}

/* Where run's head is drawn (pixels): between iterates k-1 and k. */
static void head_at(const ov_run *run, const ov_frame_desc *d, const proj *pj, double *lx,
                    double *ly, double *hx, double *hy, int *k)
{
    double frac;
    *k = shown(run, d->anim_step, &frac);
    project(pj, run->x[*k - 1], run->y[*k - 1], lx, ly);
    *hx = *lx;
    *hy = *ly;
    if (*k < run->n && frac > 0.0) {
        double nx, ny;
        project(pj, run->x[*k], run->y[*k], &nx, &ny);
        *hx = *lx + (nx - *lx) * frac;
        *hy = *ly + (ny - *ly) * frac;
    }
}

/* One layer of a run's path: the dark casing (layer 0, solid) or the core
 * in the run's colour (layer 1, dashed for a second, third... run of the
 * same method). */
static void draw_run(ov_paths *p, int idx, const ov_run *run, const ov_frame_desc *d,
                     const proj *pj, const style *st, float alpha, int rank, int layer)
{
    ov_path_cache *pc = &p->cache[idx];
    double lx, ly, hx, hy;
    int k;
    head_at(run, d, pj, &lx, &ly, &hx, &hy, &k);
    if (layer == 0)
        cache_update(pc, run, k, d, pj, st);
    int shade = run_shade(d, idx);
    ov_rgba col = ov_method_color(run->params.kind, shade);
    float core = st->line * rank_width(rank);
    float r = layer ? core : core + st->casing;
    ov_rgba c = layer ? col : st->dark;
    dash ds = {layer && shade % OV_RUN_SHADES ? 10.0f * st->s : 0.0f, 5.0f * st->s, 0.0f};
    for (int i = 0; i < pc->nsegs; i++) {
        const float *sg = pc->segs[i];
        push_dashed(&p->list, sg[0], sg[1], sg[2], sg[3], r, c, alpha, &ds);
    }
    push_clipped(&p->list, pc->ax, pc->ay, lx, ly, pj, r, c, alpha, &ds);
    push_clipped(&p->list, lx, ly, hx, hy, pj, r, c, alpha, &ds);
    if (layer == 0)
        return;
    /* Dots of the later, narrower runs have no dark ring, so a run they
     * lie on still shows between them. */
    float dot = fmaxf(core * (rank ? 1.7f : 1.2f), 1.5f * st->s);
    float ring = rank ? 0.0f : st->dot_ring;
    for (int i = 0; i < pc->ndots; i++) {
        const float *q = pc->dots[i];
        push(&p->list, q[0], q[1], q[0], q[1], dot, ring, col, st->dark, alpha);
    }
}

bool ov_paths_diverged_mark(const ov_frame_desc *d, int idx, int width, int height, float s,
                            float *x, float *y)
{
    const ov_scene *sc = d->scene;
    if (idx < 0 || idx >= sc->nruns)
        return false;
    const ov_run *run = &sc->runs[idx];
    ov_rect v = d->view;
    proj pj = {v.x0, v.y1, width / (v.x1 - v.x0), height / (v.y1 - v.y0), width, height};
    double frac;
    if (run->n < 1 || !run->diverged || shown(run, d->anim_step, &frac) != run->n)
        return false;
    double hx, hy;
    project(&pj, run->x[run->n - 1], run->y[run->n - 1], &hx, &hy);
    /* The X goes on the last iterate, or where the path leaves the part of
     * the frame the HUD leaves clear. */
    float arm = 9.0f * s;
    double cx0 = 0, cy0 = 0, cx1 = pj.w, cy1 = pj.h;
    if (d->clear_x1 > d->clear_x0 + 4 * arm && d->clear_y1 > d->clear_y0 + 4 * arm) {
        cx0 = d->clear_x0;
        cy0 = d->clear_y0;
        cx1 = d->clear_x1;
        cy1 = d->clear_y1;
    }
    bool inside = hx >= cx0 && hx <= cx1 && hy >= cy0 && hy <= cy1;
    if (!inside) {
        double ex = 0.5 * (cx0 + cx1), ey = cy0 + arm + 2.0;
        for (int j = run->n - 2, walked = 0; j >= 0 && walked < 100000; j--, walked++) {
            double ax, ay, bx, by;
            project(&pj, run->x[j], run->y[j], &ax, &ay);
            if (ax < cx0 || ax > cx1 || ay < cy0 || ay > cy1)
                continue;
            project(&pj, run->x[j + 1], run->y[j + 1], &bx, &by);
            if (clip(&ax, &ay, &bx, &by, cx0, cx1, cy0, cy1)) {
                ex = bx;
                ey = by;
            }
            break;
        }
        hx = fmax(cx0 + arm + 2.0, fmin(ex, cx1 - arm - 2.0));
        hy = fmax(cy0 + arm + 2.0, fmin(ey, cy1 - arm - 2.0));
    }
    *x = (float)hx;
    *y = (float)hy;
    return true;
}

/* The head marker (the run's shape, on a white ring), or for a diverged run
 * shown whole an X (its label is the HUD's). */
static void draw_head(ov_paths *p, int idx, const ov_run *run, const ov_frame_desc *d,
                      const proj *pj, const style *st, float alpha)
{
    double lx, ly, hx, hy;
    int k;
    head_at(run, d, pj, &lx, &ly, &hx, &hy, &k);
    int shade = run_shade(d, idx);
    ov_rgba col = ov_method_color(run->params.kind, shade);
    float mx, my;
    if (ov_paths_diverged_mark(d, idx, pj->w, pj->h, st->s, &mx, &my)) {
        push_marker(&p->list, OV_MARK_CROSS, mx, my, 9.0f * st->s, st->casing, col, st->dark,
                    alpha);
        return;
    }
    if (!in_guard(pj, hx, hy))
        return;
    float x = (float)hx, y = (float)hy;
    ov_marker m = ov_shade_marker(shade);
    /* On a minimum the head is an outline, so the minimum's star (drawn
     * before the heads) shows through it. */
    const ov_surface *s = d->scene->surface;
    for (int i = 0; i < s->nminima; i++) {
        double qx, qy;
        project(pj, s->minima[i].x, s->minima[i].y, &qx, &qy);
        if (hypot(qx - hx, qy - hy) < st->head + 9.0f * st->s) {
            float r = st->head + 3.5f * st->s, half = 1.3f * st->s;
            piece_ctx ctx = {&p->list, st->dark, alpha};
            ov_marker_outline(m, x, y, r, half + st->casing, piece, &ctx);
            ctx.c = col;
            ov_marker_outline(m, x, y, r, half, piece, &ctx);
            return;
        }
    }
    push_marker(&p->list, m, x, y, st->head + st->head_ring, st->casing * 0.8f, st->white,
                st->dark, alpha);
    push_marker(&p->list, m, x, y, st->head, 0.0f, col, col, alpha);
}

/* The start point: a white ring with a dark outline, under the paths. */
static void draw_start(ov_paths *p, const ov_scene *sc, const proj *pj, const style *st)
{
    double x, y;
    project(pj, sc->start.x, sc->start.y, &x, &y);
    if (!in_guard(pj, x, y))
        return;
    ov_rgba none = {0, 0, 0, 0};
    float r = 7.5f * st->s, ring = 2.0f * st->s;
    push(&p->list, (float)x, (float)y, (float)x, (float)y, r + ring + st->casing, 0, st->dark,
         st->dark, 0.9f);
    push(&p->list, (float)x, (float)y, (float)x, (float)y, r, ring, none, st->white, 1.0f);
}

/* A six-armed star at each known minimum inside the view, drawn over the
 * paths; a head on it is drawn as an outline around it. */
static void draw_minima(ov_paths *p, const ov_surface *s, const proj *pj, const style *st)
{
    for (int m = 0; m < s->nminima; m++) {
        double x, y;
        project(pj, s->minima[m].x, s->minima[m].y, &x, &y);
        if (in_guard(pj, x, y))
            push_marker(&p->list, OV_MARK_STAR, (float)x, (float)y, 8.0f * st->s, st->casing,
                        st->white, st->dark, 1.0f);
    }
}

void ov_paths_draw(ov_paths *p, const ov_frame_desc *desc, int width, int height,
                   float px_scale, ov_overlay *o, ov_text_cache *tc)
{
    (void)o;
    (void)tc;
    const ov_scene *sc = desc->scene;
    ov_rect v = desc->view;
    proj pj = {v.x0, v.y1, width / (v.x1 - v.x0), height / (v.y1 - v.y0), width, height};
    float s = px_scale, hc = desc->high_contrast ? 1.5f : 1.0f;
    style st = {2.6f * s * (desc->high_contrast ? 1.15f : 1.0f), 1.3f * s * hc, 3.0f * s,
                1.2f * s * hc, 6.0f * s, 2.2f * s, s,
                {0.05f, 0.05f, 0.08f, desc->high_contrast ? 1.0f : 0.92f},
                {1.0f, 1.0f, 1.0f, 1.0f}};
    p->list.n = 0;
    int target = desc->target_run >= 0 && desc->target_run < sc->nruns ? desc->target_run : -1;
    for (int g = 0; desc->ghosts && g < desc->nghosts && g < OV_MAX_RUNS; g++)
        if (desc->ghosts[g].n > 1 && !(desc->hidden && g < sc->nruns && desc->hidden[g]))
            draw_ghost(p, g, &desc->ghosts[g], desc, &pj, &st,
                       target >= 0 && g != target ? 0.3f : 0.85f);
    if (sc->nruns > 0)
        draw_start(p, sc, &pj, &st);
    /* Visible runs in scene order (their rank sets their width), the
     * targeted one drawn last. Casings first, so a later run's casing does
     * not cover an earlier run's colour where they coincide. */
    int order[OV_MAX_RUNS], rank[OV_MAX_RUNS], n = 0, shown_runs = 0;
    for (int i = 0; i < sc->nruns && i < OV_MAX_RUNS; i++) {
        rank[i] = 0;
        if (sc->runs[i].n <= 0 || (desc->hidden && desc->hidden[i]))
            continue;
        rank[i] = shown_runs++;
        if (i != target)
            order[n++] = i;
    }
    if (target >= 0 && sc->runs[target].n > 0 && !(desc->hidden && desc->hidden[target]))
        order[n++] = target;
    for (int layer = 0; layer < 2; layer++)
        for (int i = 0; i < n; i++) {
            float a = target >= 0 && order[i] != target ? FADED : 1.0f;
            draw_run(p, order[i], &sc->runs[order[i]], desc, &pj, &st, a, rank[order[i]], layer);
        }
    /* Minima over the paths, heads over the minima (as outlines there). */
    draw_minima(p, sc->surface, &pj, &st);
    for (int i = 0; i < n; i++) {
        float a = target >= 0 && order[i] != target ? FADED : 1.0f;
        draw_head(p, order[i], &sc->runs[order[i]], desc, &pj, &st, a);
    }
    if (p->list.n == 0)
        return;
    size_t bytes = (size_t)p->list.n * sizeof(ov_seg);
    /* Guard (and count, for the soak test): nothing non-finite reaches the GPU. */
    for (int i = 0; i < p->list.n; i++) {
        ov_seg *sg = &p->list.v[i];
        float *f[6] = {&sg->p0[0], &sg->p0[1], &sg->p1[0], &sg->p1[1], &sg->radius, &sg->edge};
        for (int k = 0; k < 6; k++)
            if (!isfinite(*f[k])) {
                p->nonfinite++;
                *f[k] = 0.0f;
            }
    }
    glBindBuffer(GL_ARRAY_BUFFER, p->vbo);
    if (bytes > p->vbo_bytes) {
        glBufferData(GL_ARRAY_BUFFER, (GLsizeiptr)bytes, NULL, GL_STREAM_DRAW);
        p->vbo_bytes = bytes;
    }
    glBufferSubData(GL_ARRAY_BUFFER, 0, (GLsizeiptr)bytes, p->list.v);
    glUseProgram(p->prog);
    glUniform2f(p->u_size, (float)width, (float)height);
    glBindVertexArray(p->vao);
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, p->list.n);
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    ov_gl_ok("path pass");
}
