/* The path pass: each run's iterates as an outlined polyline in its
 * method's colour (later runs narrower, a method's second and later runs
 * dashed) with iterate dots, the animated head in the run's marker shape,
 * the divergence X, the start and the minima markers. Geometry is built on the CPU in pixels, thinned to the
 * pixel grid (core/thin: a vertex per pixel moved, each segment and each dot
 * cell once), clipped to a guard band around the view, cached as the
 * animation advances, and drawn as instanced anti-aliased capsules. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_internal.h"

extern const char ov_shader_path_vert[];
extern const char ov_shader_path_frag[];

#define GUARD 64.0          /* px beyond the view that geometry may reach */
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
        ov_thin_deinit(&p->cache[i].thin);
        ov_thin_deinit(&p->ghost_cache[i].thin);
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

/* A colour as premultiplied bytes, at opacity alpha. */
typedef struct paint {
    uint8_t b[4];
} paint;

static paint to_paint(ov_rgba c, float alpha)
{
    float a = c.a * alpha;
    float v[4] = {c.r * a, c.g * a, c.b * a, a};
    paint out;
    for (int i = 0; i < 4; i++) {
        float x = v[i] < 0 ? 0 : v[i] > 1 ? 1 : v[i];
        out.b[i] = (uint8_t)(x * 255.0f + 0.5f);
    }
    return out;
}

/* Appends a capsule; with edge 0 the ring colour is the fill colour. */
static void push(ov_seg_list *l, float x0, float y0, float x1, float y1, float radius,
                 float edge, paint fill, paint ring)
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
    memcpy(s->fill, fill.b, 4);
    memcpy(s->edgecol, (edge > 0 ? ring : fill).b, 4);
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
static uint64_t path_key(const ov_run *run, const ov_view *v, float scale)
{
    uint64_t k = 14695981039346656037ull;
    k = fnv(k, &run->x, sizeof run->x);
    k = fnv(k, &run->y, sizeof run->y);
    k = fnv(k, &run->n, sizeof run->n);
    k = fnv(k, &run->diverged, sizeof run->diverged);
    k = fnv(k, &v->rect, sizeof v->rect);
    k = fnv(k, &v->width, sizeof v->width);
    k = fnv(k, &v->height, sizeof v->height);
    k = fnv(k, &scale, sizeof scale);
    if (v->is3d) {
        /* Camera, heights and their scale move every projected point. */
        k = fnv(k, v->mvp, sizeof v->mvp);
        k = fnv(k, &v->relief, sizeof v->relief);
        k = fnv(k, &v->log_height, sizeof v->log_height);
        k = fnv(k, &v->range, sizeof v->range);
    }
    for (int i = 0; i < 33 && run->n > 0; i++) {
        long idx = (long)((double)(run->n - 1) * i / 32.0);
        k = fnv(k, &run->x[idx], sizeof(double));
        k = fnv(k, &run->y[idx], sizeof(double));
    }
    return k;
}

/* The frame's view and size. */
typedef struct proj {
    const ov_view *v;
    int w, h;
} proj;

/* World point with loss L -> pixel, through the view; false when it has
 * none (behind a 3-D camera). */
static bool project(const proj *pj, double x, double y, double L, double *px, double *py)
{
    ov_vec2 q;
    double depth;
    bool ok = ov_view_project(pj->v, x, y, L, 0.0, &q, &depth);
    *px = q.x;
    *py = q.y;
    return ok;
}

static bool in_guard(const proj *pj, double x, double y)
{
    return x >= -GUARD && x <= pj->w + GUARD && y >= -GUARD && y <= pj->h + GUARD;
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
                        paint c, dash *d)
{
    if (!(d->on > 0)) {
        push(l, ax, ay, bx, by, radius, 0, c, c);
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
                 radius, 0, c, c);
        t = t1 + 1e-4f;
    }
    d->phase = fmodf(d->phase + len, period);
}

/* Pushes segment a-b clipped to the guard band (dashed when d says so). */
static void push_clipped(ov_seg_list *l, double ax, double ay, double bx, double by,
                         const proj *pj, float radius, paint c, dash *d)
{
    if (ov_clip_segment(&ax, &ay, &bx, &by, -GUARD, pj->w + GUARD, -GUARD, pj->h + GUARD))
        push_dashed(l, (float)ax, (float)ay, (float)bx, (float)by, radius, c, d);
}

/* Capsules for marker pieces (markers.c) on the path list. */
typedef struct piece_ctx {
    ov_seg_list *l;
    paint c;
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
    push(pc->l, x0, y0, x1, y1, half, 0, pc->c, pc->c);
}

/* A marker with a dark outline: shape m at x, y, radius r, outlined `edge`
 * px in ring colour, filled with fill. */
static void push_marker(ov_seg_list *l, ov_marker m, float x, float y, float r, float edge,
                        paint fill, paint ring)
{
    piece_ctx ctx = {l, ring};
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

/* Brings pc up to the first k iterates of run, thinned: rebuilt when the
 * run, the view or the size changed or the animation went back, otherwise
 * only the iterates new since the last frame are fed. */
static void cache_update(ov_paths *p, ov_path_cache *pc, const ov_run *run, int k,
                         const ov_frame_desc *d, const proj *pj, const style *st)
{
    uint64_t key = path_key(run, d->view, st->s);
    if (key != pc->key || k < pc->processed || pc->processed == 0) {
        /* Iterate dots at least 7 px apart (scaled): a slow run stays a
         * line with beads, not a string of dots hiding what is under it. */
        ov_thin_area area = {-GUARD, pj->w + GUARD, -GUARD, pj->h + GUARD, 7.0 * st->s};
        ov_thin_reset(&pc->thin, &area);
        pc->key = key;
        pc->processed = 0;
    }
    for (int i = pc->processed; i < k; i++) {
        double px, py;
        if (project(pj, run->x[i], run->y[i], run->loss[i], &px, &py))
            ov_thin_add(&pc->thin, px, py);
    }
    if (k > pc->processed)
        p->last_fed += k - pc->processed;
    pc->processed = k;
}

/* Line width of a run by its rank among the drawn runs: later runs are
 * narrower, so where paths coincide the earlier run's colour still shows
 * on both sides of the later one. */
static float rank_width(int rank)
{
    static const float f[4] = {1.0f, 0.62f, 0.42f, 0.3f};
    return f[rank < 3 ? rank : 3];
}

/* Run idx's shade (its method's n-th run). */
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
    cache_update(p, pc, run, run->n, d, pj, st);
    int shade = d->ghost_shades ? d->ghost_shades[idx] : idx;
    ov_rgba light = ov_method_color(run->params.kind, shade);
    light.r += (1.0f - light.r) * 0.35f;
    light.g += (1.0f - light.g) * 0.35f;
    light.b += (1.0f - light.b) * 0.35f;
    const ov_thin *t = &pc->thin;
    for (int layer = 0; layer < 2; layer++) {
        float r = layer ? 1.5f * st->s : 2.4f * st->s;
        paint c = layer ? to_paint(light, alpha) : to_paint(st->dark, alpha * 0.6f);
        dash ds = {layer ? 7.0f * st->s : 0.0f, 4.0f * st->s, 0.0f};
        for (int i = 0; i < t->nsegs; i++) {
            const float *sg = t->segs[i];
            push_dashed(&p->list, sg[0], sg[1], sg[2], sg[3], r, c, &ds);
        }
        double x0, y0, x1, y1;
        if (ov_thin_tail(t, &x0, &y0, &x1, &y1))
            push_clipped(&p->list, x0, y0, x1, y1, pj, r, c, &ds);
    }
}

/* One layer of a run's path: the dark casing (layer 0, solid) or the core
 * in the run's colour (layer 1, dashed for a method's second, third...
 * run), with its iterate dots. */
static void draw_run(ov_paths *p, int idx, const ov_run *run, const ov_frame_desc *d,
                     const proj *pj, const style *st, float alpha, int rank, int layer)
{
    ov_path_cache *pc = &p->cache[idx];
    double frac;
    int k = shown(run, d->anim_step, &frac);
    if (layer == 0)
        cache_update(p, pc, run, k, d, pj, st);
    const ov_thin *t = &pc->thin;
    int shade = run_shade(d, idx);
    paint col = to_paint(ov_method_color(run->params.kind, shade), alpha),
          dark = to_paint(st->dark, alpha);
    double vx, vy, lx, ly, hx, hy;
    ov_thin_tail(t, &vx, &vy, &lx, &ly);
    hx = lx;
    hy = ly;
    if (k < run->n && frac > 0.0) {
        double nx, ny;
        project(pj, run->x[k], run->y[k], run->loss[k], &nx, &ny);
        hx = lx + (nx - lx) * frac;
        hy = ly + (ny - ly) * frac;
    }
    float core = st->line * rank_width(rank);
    float r = layer ? core : core + st->casing;
    paint c = layer ? col : dark;
    dash ds = {layer && shade % OV_RUN_SHADES ? 10.0f * st->s : 0.0f, 5.0f * st->s, 0.0f};
    for (int i = 0; i < t->nsegs; i++) {
        const float *sg = t->segs[i];
        push_dashed(&p->list, sg[0], sg[1], sg[2], sg[3], r, c, &ds);
    }
    push_clipped(&p->list, vx, vy, lx, ly, pj, r, c, &ds);
    push_clipped(&p->list, lx, ly, hx, hy, pj, r, c, &ds);
    if (layer == 0)
        return;
    /* Dots of the later, narrower runs have no dark ring, so a run they
     * lie on still shows between them. */
    float dot = fmaxf(core * (rank ? 1.7f : 1.2f), 1.5f * st->s);
    float ring = rank ? 0.0f : st->dot_ring;
    for (int i = 0; i < t->ndots; i++) {
        const float *q = t->dots[i];
        push(&p->list, q[0], q[1], q[0], q[1], dot, ring, col, dark);
    }
}

bool ov_paths_diverged_mark(const ov_frame_desc *d, int idx, int width, int height, float s,
                            float *x, float *y)
{
    const ov_scene *sc = d->scene;
    if (idx < 0 || idx >= sc->nruns)
        return false;
    const ov_run *run = &sc->runs[idx];
    proj pj = {d->view, width, height};
    double frac;
    if (run->n < 1 || !run->diverged || shown(run, d->anim_step, &frac) != run->n)
        return false;
    double hx, hy;
    if (!project(&pj, run->x[run->n - 1], run->y[run->n - 1], run->loss[run->n - 1], &hx, &hy))
        hx = hy = -1e9;
    /* The X goes on the last iterate, or where the path leaves the part of
     * the frame the HUD leaves clear. */
    float arm = 9.0f * s;
    double cx0 = 0, cy0 = 0, cx1 = width, cy1 = height;
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
            project(&pj, run->x[j], run->y[j], run->loss[j], &ax, &ay);
            if (ax < cx0 || ax > cx1 || ay < cy0 || ay > cy1)
                continue;
            project(&pj, run->x[j + 1], run->y[j + 1], run->loss[j + 1], &bx, &by);
            if (ov_clip_segment(&ax, &ay, &bx, &by, cx0, cx1, cy0, cy1)) {
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

/* The head marker (the run's shape on a white ring; an outline when it sits
 * on a minimum, so the minimum shows), or for a diverged run shown whole
 * an X (its label is the HUD's). */
static void draw_head(ov_paths *p, int idx, const ov_run *run, const ov_frame_desc *d,
                      const proj *pj, const style *st, float alpha)
{
    double frac, hx, hy;
    int k = shown(run, d->anim_step, &frac);
    project(pj, run->x[k - 1], run->y[k - 1], run->loss[k - 1], &hx, &hy);
    if (k < run->n && frac > 0.0) {
        double nx, ny;
        project(pj, run->x[k], run->y[k], run->loss[k], &nx, &ny);
        hx += (nx - hx) * frac;
        hy += (ny - hy) * frac;
    }
    int shade = run_shade(d, idx);
    paint pc = to_paint(ov_method_color(run->params.kind, shade), alpha),
          dark = to_paint(st->dark, alpha);
    float mx, my;
    if (ov_paths_diverged_mark(d, idx, pj->w, pj->h, st->s, &mx, &my)) {
        push_marker(&p->list, OV_MARK_CROSS, mx, my, 9.0f * st->s, st->casing, pc, dark);
        return;
    }
    if (!in_guard(pj, hx, hy))
        return;
    float x = (float)hx, y = (float)hy;
    ov_marker m = ov_shade_marker(shade);
    const ov_surface *s = d->scene->surface;
    for (int i = 0; i < s->nminima; i++) {
        double qx, qy;
        if (!project(pj, s->minima[i].x, s->minima[i].y,
                     ov_surface_value(s, s->minima[i].x, s->minima[i].y), &qx, &qy))
            continue;
        if (hypot(qx - hx, qy - hy) < st->head + 9.0f * st->s) {
            float r = st->head + 3.5f * st->s, half = 1.3f * st->s;
            piece_ctx ctx = {&p->list, dark};
            ov_marker_outline(m, x, y, r, half + st->casing, piece, &ctx);
            ctx.c = pc;
            ov_marker_outline(m, x, y, r, half, piece, &ctx);
            return;
        }
    }
    push_marker(&p->list, m, x, y, st->head + st->head_ring, st->casing * 0.8f,
                to_paint(st->white, alpha), dark);
    push_marker(&p->list, m, x, y, st->head, 0.0f, pc, pc);
}

/* The start point: a white ring with a dark outline, under the paths. */
static void draw_start(ov_paths *p, const ov_scene *sc, const proj *pj, const style *st)
{
    double x, y;
    if (!project(pj, sc->start.x, sc->start.y,
                 ov_surface_value(sc->surface, sc->start.x, sc->start.y), &x, &y) ||
        !in_guard(pj, x, y))
        return;
    paint none = {{0, 0, 0, 0}}, dark = to_paint(st->dark, 0.9f), white = to_paint(st->white, 1);
    float r = 7.5f * st->s, ring = 2.0f * st->s;
    push(&p->list, (float)x, (float)y, (float)x, (float)y, r + ring + st->casing, 0, dark, dark);
    push(&p->list, (float)x, (float)y, (float)x, (float)y, r, ring, none, white);
}

/* A six-armed star at each known minimum inside the view, drawn over the
 * paths; a head on it is drawn as an outline around it. */
static void draw_minima(ov_paths *p, const ov_surface *s, const proj *pj, const style *st)
{
    paint white = to_paint(st->white, 1.0f), dark = to_paint(st->dark, 1.0f);
    for (int m = 0; m < s->nminima; m++) {
        double x, y;
        if (!project(pj, s->minima[m].x, s->minima[m].y,
                     ov_surface_value(s, s->minima[m].x, s->minima[m].y), &x, &y) ||
            !in_guard(pj, x, y))
            continue;
        push_marker(&p->list, OV_MARK_STAR, (float)x, (float)y, 8.0f * st->s, st->casing, white,
                    dark);
    }
}

void ov_paths_draw(ov_paths *p, const ov_frame_desc *desc, int width, int height,
                   float px_scale, ov_overlay *o, ov_text_cache *tc)
{
    (void)o;
    (void)tc;
    const ov_scene *sc = desc->scene;
    proj pj = {desc->view, width, height};
    float s = px_scale, hc = desc->high_contrast ? 1.5f : 1.0f;
    style st = {2.6f * s * (desc->high_contrast ? 1.15f : 1.0f), 1.3f * s * hc, 3.0f * s,
                1.2f * s * hc, 6.0f * s, 2.2f * s, s,
                {0.05f, 0.05f, 0.08f, desc->high_contrast ? 1.0f : 0.92f},
                {1.0f, 1.0f, 1.0f, 1.0f}};
    p->list.n = 0;
    p->last_fed = 0;
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
    int order[OV_MAX_RUNS], rank[OV_MAX_RUNS], n = 0, visible = 0;
    for (int i = 0; i < sc->nruns && i < OV_MAX_RUNS; i++) {
        rank[i] = 0;
        if (sc->runs[i].n <= 0 || (desc->hidden && desc->hidden[i]))
            continue;
        rank[i] = visible++;
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
    p->last_capsules = p->list.n;
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
