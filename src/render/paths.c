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
    glVertexAttribPointer(4, 2, GL_FLOAT, GL_FALSE, st, (void *)offsetof(ov_seg, z));
    for (GLuint i = 0; i < 5; i++) {
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

typedef ov_pt pt;

/* Appends a capsule a-b; with edge 0 the ring colour is the fill colour. */
static void push(ov_seg_list *l, pt a, pt b, float radius, float edge, ov_rgba fill,
                 ov_rgba ring, float alpha)
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
    to_bytes(fill, alpha, s->fill);
    to_bytes(edge > 0 ? ring : fill, alpha, s->edgecol);
}

/* Liang-Barsky: clips segment a-b to [x0, x1] x [y0, y1] (depth follows
 * linearly, as it does along a line on screen); false if nothing is left. */
static bool clip(pt *a, pt *b, double x0, double x1, double y0, double y1)
{
    double dx = b->x - a->x, dy = b->y - a->y, t0 = 0.0, t1 = 1.0;
    double p[4] = {-dx, dx, -dy, dy};
    double q[4] = {a->x - x0, x1 - a->x, a->y - y0, y1 - a->y};
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
    pt s = *a, e = *b;
    a->x = s.x + t0 * dx;
    a->y = s.y + t0 * dy;
    a->z = s.z + t0 * (e.z - s.z);
    b->x = s.x + t1 * dx;
    b->y = s.y + t1 * dy;
    b->z = s.z + t1 * (e.z - s.z);
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

/* The frame's view and size, and how far (px) paths and markers are lifted
 * towards the camera in 3-D so the surface does not hide them. */
typedef struct proj {
    const ov_view *v;
    const ov_surface *s;
    int w, h;
    double lift_path, lift_head;
} proj;

/* World point with loss L -> drawing point through the view; false when
 * it cannot be drawn (behind the camera). */
static bool project(const proj *pj, double x, double y, double L, double lift, pt *out)
{
    ov_vec2 q;
    double depth;
    bool ok = ov_view_project(pj->v, x, y, L, lift, &q, &depth);
    out->x = q.x;
    out->y = q.y;
    out->z = depth;
    return ok;
}

static bool in_guard(const proj *pj, pt q)
{
    return q.x >= -GUARD && q.x <= pj->w + GUARD && q.y >= -GUARD && q.y <= pj->h + GUARD;
}

/* Feeding one projected point into the cached polyline and dots. */
typedef struct feed {
    ov_path_cache *pc;
    const proj *pj;
    double dot_gap;
} feed;

static void feed_point(void *ctx, double x, double y, double z, ov_path_point kind)
{
    feed *f = ctx;
    ov_path_cache *pc = f->pc;
    const proj *pj = f->pj;
    pt q = {x, y, z};
    if (kind == OV_PATH_MOVE)
        pc->started = false;
    if (pc->started) {
        double dx = q.x - pc->last.x, dy = q.y - pc->last.y;
        if (dx * dx + dy * dy < 1.0)
            return;
        pt a = pc->last, b = q;
        if (clip(&a, &b, -GUARD, pj->w + GUARD, -GUARD, pj->h + GUARD) &&
            pc->nsegs < MAX_SEGS &&
            grow((void **)&pc->segs, &pc->segcap, pc->nsegs + 1, sizeof *pc->segs)) {
            float *s = pc->segs[pc->nsegs++];
            s[0] = (float)a.x;
            s[1] = (float)a.y;
            s[2] = (float)a.z;
            s[3] = (float)b.x;
            s[4] = (float)b.y;
            s[5] = (float)b.z;
        }
    }
    pc->started = true;
    pc->last = q;
    double gx = q.x - pc->dot.x, gy = q.y - pc->dot.y;
    if (kind == OV_PATH_ITERATE && in_guard(pj, q) &&
        (pc->ndots == 0 || gx * gx + gy * gy >= f->dot_gap * f->dot_gap) &&
        grow((void **)&pc->dots, &pc->dotcap, pc->ndots + 1, sizeof *pc->dots)) {
        pc->dots[pc->ndots][0] = (float)q.x;
        pc->dots[pc->ndots][1] = (float)q.y;
        pc->dots[pc->ndots][2] = (float)q.z;
        pc->ndots++;
        pc->dot = q;
    }
}

/* Consumes iterates [pc->processed, k) into the cached segments and dots;
 * in 3-D the points between iterates that keep the path on the surface. */
static void cache_extend(ov_path_cache *pc, const ov_run *run, int k, const proj *pj,
                         double dot_gap)
{
    feed f = {pc, pj, dot_gap};
    for (int i = pc->processed; i < k; i++) {
        if (i == 0)
            ov_path3d_start(pj->v, pj->s, run->x[0], run->y[0], run->loss[0], pj->lift_path,
                            feed_point, &f);
        else
            ov_path3d_step(pj->v, pj->s, run->x[i - 1], run->y[i - 1], run->x[i], run->y[i],
                           run->loss[i], pj->lift_path, feed_point, &f);
    }
    pc->processed = k;
}

typedef struct style {
    float line, casing, dot, dot_ring, head, head_ring, s;
    ov_rgba dark, white;
} style;

/* Pushes segment a-b clipped to the guard band. */
static void push_clipped(ov_seg_list *l, pt a, pt b, const proj *pj, float radius, ov_rgba c,
                         float alpha)
{
    if (clip(&a, &b, -GUARD, pj->w + GUARD, -GUARD, pj->h + GUARD))
        push(l, a, b, radius, 0, c, c, alpha);
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

/* The animation head: frac of the way from iterate k - 1 to k, in the
 * world (on the surface in 3-D). */
static bool head_point(const proj *pj, const ov_run *run, int k, double frac, double lift,
                       pt *out, double *wx, double *wy)
{
    double x = run->x[k - 1], y = run->y[k - 1], L = run->loss[k - 1];
    if (k < run->n && frac > 0.0) {
        x += (run->x[k] - x) * frac;
        y += (run->y[k] - y) * frac;
        L = pj->v->is3d ? ov_surface_value(pj->s, x, y) : L;
    }
    *wx = x;
    *wy = y;
    return project(pj, x, y, L, lift, out);
}

/* Brings pc up to the first k iterates of run, rebuilding it when the run,
 * the view or the size changed or the animation went back. */
static void cache_update(ov_path_cache *pc, const ov_run *run, int k, const ov_frame_desc *d,
                         const proj *pj, const style *st)
{
    uint64_t key = path_key(run, d->view, st->s);
    if (key != pc->key || k < pc->processed) {
        pc->key = key;
        pc->processed = 0;
        pc->nsegs = 0;
        pc->ndots = 0;
        pc->started = false;
    }
    cache_extend(pc, run, k, pj, 4.0 * st->s);
}

/* A ghost trail: the whole run, thin and faded, no dots or markers. */
static void draw_ghost(ov_paths *p, int idx, const ov_run *run, const ov_frame_desc *d,
                       const proj *pj, const style *st, float alpha)
{
    ov_path_cache *pc = &p->ghost_cache[idx];
    cache_update(pc, run, run->n, d, pj, st);
    ov_rgba col = ov_run_color(idx);
    for (int i = 0; i < pc->nsegs; i++) {
        const float *s = pc->segs[i];
        push(&p->list, (pt){s[0], s[1], s[2]}, (pt){s[3], s[4], s[5]}, 1.1f * st->s, 0, col,
             col, alpha);
    }
}

/* Collects the points of the partial step to the head (3-D). */
typedef struct tail {
    pt v[OV_PATH3D_MAX_PIECES + 2];
    int n;
} tail;

static void tail_point(void *ctx, double x, double y, double z, ov_path_point kind)
{
    tail *t = ctx;
    if (kind == OV_PATH_MOVE)
        t->n = 0;
    if (t->n < (int)(sizeof t->v / sizeof t->v[0]))
        t->v[t->n++] = (pt){x, y, z};
}

static void draw_run(ov_paths *p, int idx, const ov_run *run, const ov_frame_desc *d,
                     const proj *pj, const style *st, float alpha)
{
    ov_path_cache *pc = &p->cache[idx];
    double frac;
    int k = shown(run, d->anim_step, &frac);
    cache_update(pc, run, k, d, pj, st);

    ov_rgba col = ov_run_color(idx);
    /* From the last cached point to the last whole iterate, then on to the
     * head (through the surface's points in 3-D). */
    tail t = {.n = 0};
    if (pc->started)
        t.v[t.n++] = pc->last;
    pt last;
    if (ov_path3d_visible(pj->v, run->x[k - 1], run->y[k - 1]) &&
        project(pj, run->x[k - 1], run->y[k - 1], run->loss[k - 1], pj->lift_path, &last))
        tail_point(&t, last.x, last.y, last.z, OV_PATH_LINE);
    if (k < run->n && frac > 0.0) {
        double hx = run->x[k - 1] + (run->x[k] - run->x[k - 1]) * frac;
        double hy = run->y[k - 1] + (run->y[k] - run->y[k - 1]) * frac;
        double hl = pj->v->is3d ? ov_surface_value(pj->s, hx, hy) : run->loss[k - 1];
        ov_path3d_step(pj->v, pj->s, run->x[k - 1], run->y[k - 1], hx, hy, hl, pj->lift_path,
                       tail_point, &t);
    }
    for (int layer = 0; layer < 2; layer++) {
        float r = layer ? st->line : st->line + st->casing;
        ov_rgba c = layer ? col : st->dark;
        for (int i = 0; i < pc->nsegs; i++) {
            const float *s = pc->segs[i];
            push(&p->list, (pt){s[0], s[1], s[2]}, (pt){s[3], s[4], s[5]}, r, 0, c, c, alpha);
        }
        for (int i = 1; i < t.n; i++)
            push_clipped(&p->list, t.v[i - 1], t.v[i], pj, r, c, alpha);
    }
    for (int i = 0; i < pc->ndots; i++) {
        const float *q = pc->dots[i];
        pt c = {q[0], q[1], q[2]};
        push(&p->list, c, c, st->dot, st->dot_ring, col, st->dark, alpha);
    }
}

/* The head marker, or for a diverged run shown whole an X and its label. */
static void draw_head(ov_paths *p, int idx, const ov_run *run, const ov_frame_desc *d,
                      const proj *pj, const style *st, float alpha, ov_overlay *o,
                      ov_text_cache *tc)
{
    double frac, wx, wy;
    int k = shown(run, d->anim_step, &frac);
    pt h;
    bool have = head_point(pj, run, k, frac, pj->lift_head, &h, &wx, &wy);
    ov_rgba col = ov_run_color(idx);
    bool diverged = run->diverged && k == run->n;
    if (!diverged) {
        if (have && ov_path3d_visible(pj->v, wx, wy) && in_guard(pj, h)) {
            push(&p->list, h, h, st->head + st->head_ring, st->casing * 0.8f, st->white,
                 st->dark, alpha);
            push(&p->list, h, h, st->head, 0, col, col, alpha);
        }
        return;
    }
    /* The X goes on the last iterate, or where the path leaves the view (in
     * 3-D: the last iterate over the surface). */
    float arm = 9.0f * st->s;
    bool inside = have && ov_path3d_visible(pj->v, wx, wy) && h.x >= 0 && h.x <= pj->w &&
                  h.y >= 0 && h.y <= pj->h;
    if (!inside) {
        pt e = {pj->w * 0.5, arm + 2.0, 0.0};
        for (int j = run->n - 2, walked = 0; j >= 0 && walked < 100000; j--, walked++) {
            pt a, b;
            if (!ov_path3d_visible(pj->v, run->x[j], run->y[j]) ||
                !project(pj, run->x[j], run->y[j], run->loss[j], pj->lift_head, &a) ||
                a.x < 0 || a.x > pj->w || a.y < 0 || a.y > pj->h)
                continue;
            if (pj->v->is3d) {
                e = a;
                break;
            }
            if (project(pj, run->x[j + 1], run->y[j + 1], run->loss[j + 1], pj->lift_head,
                        &b) &&
                clip(&a, &b, 0, pj->w, 0, pj->h))
                e = b;
            break;
        }
        h.x = fmax(arm + 2.0, fmin(e.x, pj->w - arm - 2.0));
        h.y = fmax(arm + 2.0, fmin(e.y, pj->h - arm - 2.0));
        h.z = e.z;
    }
    for (int layer = 0; layer < 2; layer++) {
        float r = layer ? 2.4f * st->s : 2.4f * st->s + st->casing;
        ov_rgba c = layer ? col : st->dark;
        push(&p->list, (pt){h.x - arm, h.y - arm, h.z}, (pt){h.x + arm, h.y + arm, h.z}, r, 0,
             c, c, alpha);
        push(&p->list, (pt){h.x - arm, h.y + arm, h.z}, (pt){h.x + arm, h.y - arm, h.z}, r, 0,
             c, c, alpha);
    }
    char label[64];
    snprintf(label, sizeof label, "diverged at step %d", run->diverged_step);
    float size = 20.0f * st->s;
    const ov_text_entry *te = ov_text_get(tc, label, size);
    float tw = (float)te->w, th = (float)te->h, pad = 4.0f * st->s;
    float lx = (float)h.x + arm + 6.0f * st->s, ly = (float)h.y - th * 0.5f;
    if (lx + tw + pad > (float)pj->w)
        lx = (float)h.x - arm - 6.0f * st->s - tw;
    lx = fmaxf(pad, fminf(lx, (float)pj->w - tw - pad));
    ly = fmaxf(pad, fminf(ly, (float)pj->h - th - pad));
    ov_rgba bg = {0.05f, 0.05f, 0.08f, 0.78f * alpha};
    ov_rgba fg = {col.r, col.g, col.b, alpha};
    ov_overlay_rect(o, lx - pad, ly, tw + 2 * pad, th, bg);
    ov_overlay_text(o, lx, ly, size, fg, label);
}

/* A six-armed star at each known minimum inside the view; in 3-D on top of
 * a stem standing on the surface. */
static void draw_minima(ov_paths *p, const ov_surface *s, const proj *pj, const style *st)
{
    float arm = 8.0f * st->s;
    for (int layer = 0; layer < 2; layer++) {
        for (int m = 0; m < s->nminima; m++) {
            double mx = s->minima[m].x, my = s->minima[m].y;
            pt c, base;
            ov_vec2 q0, q1;
            double z0, z1;
            if (pj->v->is3d) {
                if (!ov_path3d_stem(pj->v, s, mx, my, pj->lift_path, &q0, &z0, &q1, &z1))
                    continue;
                base = (pt){q0.x, q0.y, z0};
                c = (pt){q1.x, q1.y, z1};
            } else if (!project(pj, mx, my, ov_surface_value(s, mx, my), 0, &c)) {
                continue;
            }
            if (!in_guard(pj, c))
                continue;
            float r = layer ? 1.3f * st->s : 1.3f * st->s + st->casing;
            ov_rgba col = layer ? st->white : st->dark;
            if (pj->v->is3d)
                push(&p->list, base, c, r, 0, col, col, 1.0f);
            for (int a = 0; a < 3; a++) {
                float ang = (float)(a * 3.14159265358979 / 3.0 + 3.14159265358979 / 2.0);
                float dx = arm * cosf(ang), dy = arm * sinf(ang);
                push(&p->list, (pt){c.x - dx, c.y - dy, c.z}, (pt){c.x + dx, c.y + dy, c.z}, r,
                     0, col, col, 1.0f);
            }
        }
    }
}

void ov_paths_draw(ov_paths *p, const ov_frame_desc *desc, int width, int height,
                   float px_scale, ov_overlay *o, ov_text_cache *tc)
{
    const ov_scene *sc = desc->scene;
    float s = px_scale, hc = desc->high_contrast ? 1.5f : 1.0f;
    style st = {1.9f * s * (desc->high_contrast ? 1.2f : 1.0f), 1.4f * s * hc, 3.0f * s,
                1.2f * s * hc, 6.0f * s, 2.2f * s, s,
                {0.05f, 0.05f, 0.08f, desc->high_contrast ? 1.0f : 0.92f},
                {1.0f, 1.0f, 1.0f, 1.0f}};
    /* Lifted by their own radius (and a pixel) towards the camera, lines,
     * dots and markers lie on the surface without sinking into it. */
    proj pj = {desc->view, sc->surface, width, height,
               fmax(st.line + st.casing, st.dot + st.dot_ring) + 1.0,
               st.head + st.head_ring + 1.0};
    p->list.n = 0;
    draw_minima(p, sc->surface, &pj, &st);
    int target = desc->target_run >= 0 && desc->target_run < sc->nruns ? desc->target_run : -1;
    for (int g = 0; desc->ghosts && g < desc->nghosts && g < OV_MAX_RUNS; g++)
        if (desc->ghosts[g].n > 1)
            draw_ghost(p, g, &desc->ghosts[g], desc, &pj, &st,
                       target >= 0 && g != target ? 0.2f : 0.5f);
    int order[OV_MAX_RUNS], n = 0;
    for (int i = 0; i < sc->nruns && i < OV_MAX_RUNS; i++)
        if (i != target && sc->runs[i].n > 0)
            order[n++] = i;
    if (target >= 0 && sc->runs[target].n > 0)
        order[n++] = target;
    for (int i = 0; i < n; i++) {
        float a = target >= 0 && order[i] != target ? FADED : 1.0f;
        draw_run(p, order[i], &sc->runs[order[i]], desc, &pj, &st, a);
    }
    for (int i = 0; i < n; i++) {
        float a = target >= 0 && order[i] != target ? FADED : 1.0f;
        draw_head(p, order[i], &sc->runs[order[i]], desc, &pj, &st, a, o, tc);
    }
    if (p->list.n == 0)
        return;
    size_t bytes = (size_t)p->list.n * sizeof(ov_seg);
    /* Guard (and count, for the soak test): nothing non-finite reaches the GPU. */
    for (int i = 0; i < p->list.n; i++) {
        ov_seg *sg = &p->list.v[i];
        float *f[8] = {&sg->p0[0], &sg->p0[1], &sg->p1[0], &sg->p1[1],
                       &sg->z[0],  &sg->z[1],  &sg->radius, &sg->edge};
        for (int k = 0; k < 8; k++)
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
    /* 3-D: hidden behind the surface where it is nearer, but neither
     * hiding each other (no depth writes: they blend in order). */
    if (desc->view->is3d) {
        glEnable(GL_DEPTH_TEST);
        glDepthFunc(GL_LEQUAL);
        glDepthMask(GL_FALSE);
    }
    glBindVertexArray(p->vao);
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, p->list.n);
    glBindVertexArray(0);
    glDisable(GL_DEPTH_TEST);
    glDepthMask(GL_TRUE);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    ov_gl_ok("path pass");
}
