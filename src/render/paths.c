/* The path pass: each run's iterates as a thick outlined polyline with a dot
 * per iterate, the animated head, the divergence marker and label, and the
 * minima markers. Geometry is built on the CPU in pixels, thinned to the
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

/* Pushes segment a-b clipped to the guard band. */
static void push_clipped(ov_seg_list *l, double ax, double ay, double bx, double by,
                         const proj *pj, float radius, paint c)
{
    if (ov_clip_segment(&ax, &ay, &bx, &by, -GUARD, pj->w + GUARD, -GUARD, pj->h + GUARD))
        push(l, (float)ax, (float)ay, (float)bx, (float)by, radius, 0, c, c);
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
        ov_thin_area area = {-GUARD, pj->w + GUARD, -GUARD, pj->h + GUARD, 4.0 * st->s};
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

/* A ghost trail: the whole run, thin and faded, no dots or markers. */
static void draw_ghost(ov_paths *p, int idx, const ov_run *run, const ov_frame_desc *d,
                       const proj *pj, const style *st, float alpha)
{
    ov_path_cache *pc = &p->ghost_cache[idx];
    cache_update(p, pc, run, run->n, d, pj, st);
    paint col = to_paint(ov_run_color(idx), alpha);
    const ov_thin *t = &pc->thin;
    float r = 1.1f * st->s;
    for (int i = 0; i < t->nsegs; i++) {
        const float *s = t->segs[i];
        push(&p->list, s[0], s[1], s[2], s[3], r, 0, col, col);
    }
    double x0, y0, x1, y1;
    if (ov_thin_tail(t, &x0, &y0, &x1, &y1))
        push_clipped(&p->list, x0, y0, x1, y1, pj, r, col);
}

static void draw_run(ov_paths *p, int idx, const ov_run *run, const ov_frame_desc *d,
                     const proj *pj, const style *st, float alpha)
{
    ov_path_cache *pc = &p->cache[idx];
    double frac;
    int k = shown(run, d->anim_step, &frac);
    cache_update(p, pc, run, k, d, pj, st);
    const ov_thin *t = &pc->thin;

    paint col = to_paint(ov_run_color(idx), alpha), dark = to_paint(st->dark, alpha);
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
    for (int layer = 0; layer < 2; layer++) {
        float r = layer ? st->line : st->line + st->casing;
        paint c = layer ? col : dark;
        for (int i = 0; i < t->nsegs; i++) {
            const float *s = t->segs[i];
            push(&p->list, s[0], s[1], s[2], s[3], r, 0, c, c);
        }
        push_clipped(&p->list, vx, vy, lx, ly, pj, r, c);
        push_clipped(&p->list, lx, ly, hx, hy, pj, r, c);
    }
    for (int i = 0; i < t->ndots; i++) {
        const float *q = t->dots[i];
        push(&p->list, q[0], q[1], q[0], q[1], st->dot, st->dot_ring, col, dark);
    }
}

/* The head marker, or for a diverged run shown whole an X and its label. */
static void draw_head(ov_paths *p, int idx, const ov_run *run, const ov_frame_desc *d,
                      const proj *pj, const style *st, float alpha, ov_overlay *o,
                      ov_text_cache *tc)
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
    ov_rgba col = ov_run_color(idx);
    paint pc = to_paint(col, alpha), dark = to_paint(st->dark, alpha);
    bool diverged = run->diverged && k == run->n;
    if (!diverged) {
        if (in_guard(pj, hx, hy)) {
            float x = (float)hx, y = (float)hy;
            push(&p->list, x, y, x, y, st->head + st->head_ring, st->casing * 0.8f,
                 to_paint(st->white, alpha), dark);
            push(&p->list, x, y, x, y, st->head, 0, pc, pc);
        }
        return;
    }
    /* The X goes on the last iterate, or where the path leaves the view. */
    float arm = 9.0f * st->s;
    bool inside = hx >= 0 && hx <= pj->w && hy >= 0 && hy <= pj->h;
    if (!inside) {
        double ex = pj->w * 0.5, ey = arm + 2.0;
        for (int j = run->n - 2, walked = 0; j >= 0 && walked < 100000; j--, walked++) {
            double ax, ay, bx, by;
            project(pj, run->x[j], run->y[j], run->loss[j], &ax, &ay);
            if (ax < 0 || ax > pj->w || ay < 0 || ay > pj->h)
                continue;
            project(pj, run->x[j + 1], run->y[j + 1], run->loss[j + 1], &bx, &by);
            if (ov_clip_segment(&ax, &ay, &bx, &by, 0, pj->w, 0, pj->h)) {
                ex = bx;
                ey = by;
            }
            break;
        }
        hx = fmax(arm + 2.0, fmin(ex, pj->w - arm - 2.0));
        hy = fmax(arm + 2.0, fmin(ey, pj->h - arm - 2.0));
    }
    {
        float x = (float)hx, y = (float)hy;
        for (int layer = 0; layer < 2; layer++) {
            float r = layer ? 2.4f * st->s : 2.4f * st->s + st->casing;
            paint c = layer ? pc : dark;
            push(&p->list, x - arm, y - arm, x + arm, y + arm, r, 0, c, c);
            push(&p->list, x - arm, y + arm, x + arm, y - arm, r, 0, c, c);
        }
    }
    char label[64];
    snprintf(label, sizeof label, "diverged at step %d", run->diverged_step);
    float size = 20.0f * st->s;
    const ov_text_entry *te = ov_text_get(tc, label, size);
    float tw = (float)te->w, th = (float)te->h, pad = 4.0f * st->s;
    float lx = (float)hx + arm + 6.0f * st->s, ly = (float)hy - th * 0.5f;
    if (lx + tw + pad > (float)pj->w)
        lx = (float)hx - arm - 6.0f * st->s - tw;
    lx = fmaxf(pad, fminf(lx, (float)pj->w - tw - pad));
    ly = fmaxf(pad, fminf(ly, (float)pj->h - th - pad));
    ov_rgba bg = {0.05f, 0.05f, 0.08f, 0.78f * alpha};
    ov_rgba fg = {col.r, col.g, col.b, alpha};
    ov_overlay_rect(o, lx - pad, ly, tw + 2 * pad, th, bg);
    ov_overlay_text(o, lx, ly, size, fg, label);
}

/* A six-armed star at each known minimum inside the view. */
static void draw_minima(ov_paths *p, const ov_surface *s, const proj *pj, const style *st)
{
    float arm = 8.0f * st->s;
    paint white = to_paint(st->white, 1.0f), dark = to_paint(st->dark, 1.0f);
    for (int layer = 0; layer < 2; layer++) {
        for (int m = 0; m < s->nminima; m++) {
            double x, y;
            project(pj, s->minima[m].x, s->minima[m].y,
                    ov_surface_value(s, s->minima[m].x, s->minima[m].y), &x, &y);
            if (!in_guard(pj, x, y))
                continue;
            float r = layer ? 1.3f * st->s : 1.3f * st->s + st->casing;
            paint c = layer ? white : dark;
            for (int a = 0; a < 3; a++) {
                float ang = (float)(a * 3.14159265358979 / 3.0 + 3.14159265358979 / 2.0);
                float dx = arm * cosf(ang), dy = arm * sinf(ang);
                push(&p->list, (float)x - dx, (float)y - dy, (float)x + dx, (float)y + dy, r,
                     0, c, c);
            }
        }
    }
}

void ov_paths_draw(ov_paths *p, const ov_frame_desc *desc, int width, int height,
                   float px_scale, ov_overlay *o, ov_text_cache *tc)
{
    const ov_scene *sc = desc->scene;
    proj pj = {desc->view, width, height};
    float s = px_scale, hc = desc->high_contrast ? 1.5f : 1.0f;
    style st = {1.9f * s * (desc->high_contrast ? 1.2f : 1.0f), 1.4f * s * hc, 3.0f * s,
                1.2f * s * hc, 6.0f * s, 2.2f * s, s,
                {0.05f, 0.05f, 0.08f, desc->high_contrast ? 1.0f : 0.92f},
                {1.0f, 1.0f, 1.0f, 1.0f}};
    p->list.n = 0;
    p->last_fed = 0;
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
