/* The path pass: each run's iterates as an outlined polyline in its
 * method's colour (later runs narrower, a method's second and later runs
 * dashed) with iterate dots, the animated head in the run's marker shape,
 * the divergence X, the start and the minima markers. Geometry is built on
 * the CPU in pixels (capsules.c), thinned to the pixel grid and cached as
 * the animation advances (path_cache.c), clipped to a guard band around
 * the view, and drawn as instanced anti-aliased capsules. In 3-D the points
 * come from paths3d.c (along the surface, cut to its rectangle) with their
 * depths, and the capsules are depth-tested against the surface: what it
 * hides is drawn through it, faded and dashed. A non-finite iterate ends
 * its run with an X; nothing non-finite is uploaded. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/capsules.h"
#include "render/palette.h"
#include "render/paths.h"
#include "render/paths3d.h"
#include "render/paths_off.h"
#include "render/shader.h"
#include "render/path_cache.h"
#include "render/paths_marks.h"

extern const char ov_shader_path_vert[];
extern const char ov_shader_path_frag[];

typedef ov_pt pt;
typedef ov_path_proj proj;
typedef ov_path_style style;

#define GUARD OV_PATH_GUARD
#define FADED 0.35f         /* opacity of the runs that are not targeted */
#define HIDDEN 0.45f        /* 3-D: opacity of what the surface hides */

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
        ov_thin_deinit(&p->cache[i].thin);
        ov_thin_deinit(&p->ghost_cache[i].thin);
    }
    memset(p, 0, sizeof *p);
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

/* The segments and dots of a thinned path, and its tail. */
static pt seg_end(const ov_thin *t, int i, int end)
{
    return (pt){t->segs[i][2 * end], t->segs[i][2 * end + 1], t->segz[i][end]};
}

static bool thin_tail(const ov_thin *t, pt *a, pt *b)
{
    if (!ov_thin_tail(t, &a->x, &a->y, &b->x, &b->y))
        return false;
    ov_thin_tail_depth(t, &a->z, &b->z);
    return true;
}

/* The whole iterates of run shown (and the fraction of the next step),
 * ending at end (see ov_path_cache_update). */
static int shown_upto(const ov_run *run, double anim, int end, double *frac)
{
    int k = shown(run, anim, frac);
    if (end < run->n && k >= end) {
        k = end;
        *frac = 0.0;
    }
    return k;
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
    ov_path_feed f = {pj->v, pj->w, pj->h, pj->s, pj->lift_path, st->s, GUARD, false};
    (void)ov_path_cache_update(p, pc, run, run->n, &f);
    int shade = d->ghost_shades ? d->ghost_shades[idx] : idx;
    ov_rgba light = ov_method_color(run->params.kind, shade);
    light.r += (1.0f - light.r) * 0.35f;
    light.g += (1.0f - light.g) * 0.35f;
    light.b += (1.0f - light.b) * 0.35f;
    const ov_thin *t = &pc->thin;
    for (int layer = 0; layer < 2; layer++) {
        float r = layer ? 1.5f * st->s : 2.4f * st->s;
        ov_paint c = layer ? ov_paint_of(light, alpha) : ov_paint_of(st->dark, alpha * 0.6f);
        ov_dash ds = {layer ? 7.0 * st->s : 0.0, 4.0 * st->s, 0.0};
        for (int i = 0; i < t->nsegs; i++)
            ov_caps_push_dashed(&p->list, seg_end(t, i, 0), seg_end(t, i, 1), r, c, &ds);
        pt a, b;
        if (thin_tail(t, &a, &b))
            ov_paths_push_clipped(&p->list, a, b, pj, r, c, &ds);
    }
}

/* Collects the points of the partial step to the head (3-D: along the
 * surface). */
typedef struct tail {
    pt v[OV_PATH3D_MAX_PIECES + 4];
    int n;
} tail;

static void tail_point(void *ctx, double x, double y, double z, ov_thin_kind kind)
{
    tail *t = ctx;
    if (kind == OV_THIN_MOVE)
        t->n = 0;
    if (t->n < (int)(sizeof t->v / sizeof t->v[0]))
        t->v[t->n++] = (pt){x, y, z};
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
    return ov_paths_project(pj, x, y, L, lift, out);
}

/* Colour c at alpha for a piece of path from a to b; on a model's plane
 * faded by the distance their depths carry (paths_off.h), which is then
 * cleared (2-D draws at depth 0). */
static ov_paint off_paint(const proj *pj, ov_rgba c, float alpha, pt *a, pt *b)
{
    if (!(pj->off_span > 0))
        return ov_paint_of(c, alpha);
    float f = ov_paths_off_alpha(fmax(a->z, b->z), pj->off_span);
    a->z = b->z = 0.0;
    return ov_paint_of(c, alpha * f);
}

/* One layer of a run's path: the dark casing (layer 0, solid) or the core
 * in the run's colour (layer 1, dashed for a method's second, third...
 * run), with its iterate dots. */
static void draw_run(ov_paths *p, int idx, const ov_run *run, const ov_frame_desc *d,
                     const proj *pj, const style *st, float alpha, int rank, int layer, int end)
{
    ov_path_cache *pc = &p->cache[idx];
    double frac;
    int k = shown_upto(run, d->anim_step, end, &frac);
    if (k < 1)
        return;
    const ov_thin *t = &pc->thin;
    int shade = run_shade(d, idx);
    ov_rgba rgb = ov_method_color(run->params.kind, shade);
    ov_paint col = ov_paint_of(rgb, alpha), dark = ov_paint_of(st->dark, alpha);
    /* The tail (last kept vertex to the last iterate shown), then the
     * partial step to the head (along the surface in 3-D). */
    tail tl = {.n = 0};
    pt a, b;
    double head_off = ov_paths_off_at(run, k, frac);
    if (thin_tail(t, &a, &b)) {
        tl.v[tl.n++] = a;
        tl.v[tl.n++] = b;
    }
    if (k < run->n && frac > 0.0) {
        double hx = run->x[k - 1] + (run->x[k] - run->x[k - 1]) * frac;
        double hy = run->y[k - 1] + (run->y[k] - run->y[k - 1]) * frac;
        double hl = pj->v->is3d ? ov_surface_value(pj->s, hx, hy) : run->loss[k - 1];
        ov_path3d_step(pj->v, pj->s, run->x[k - 1], run->y[k - 1], hx, hy, hl, pj->lift_path,
                       tail_point, &tl);
    }
    float core = st->line * rank_width(rank);
    float r = layer ? core : core + st->casing;
    ov_paint c = layer ? col : dark;
    ov_dash ds = {layer && ov_method_marker(run->params.kind, shade) != OV_MARK_CIRCLE ? 10.0 * st->s : 0.0,
                  5.0 * st->s, 0.0};
    ov_rgba crgb = layer ? rgb : st->dark;
    for (int i = 0; i < t->nsegs; i++) {
        pt a0 = seg_end(t, i, 0), a1 = seg_end(t, i, 1);
        ov_paint ci = pj->off_span > 0 ? off_paint(pj, crgb, alpha, &a0, &a1) : c;
        ov_caps_push_dashed(&p->list, a0, a1, r, ci, &ds);
    }
    for (int i = 1; i < tl.n; i++) {
        /* The tail's points past the thinning carry no distance: the head's. */
        pt a0 = tl.v[i - 1], a1 = tl.v[i];
        ov_paint ci = c;
        if (pj->off_span > 0) {
            a0.z = a1.z = head_off;
            ci = off_paint(pj, crgb, alpha, &a0, &a1);
        }
        ov_paths_push_clipped(&p->list, a0, a1, pj, r, ci, &ds);
    }
    if (layer == 0)
        return;
    /* Dots of the later, narrower runs have no dark ring, so a run they
     * lie on still shows between them. */
    float dot = fmaxf(core * (rank ? 1.7f : 1.2f), 1.5f * st->s);
    float ring = rank ? 0.0f : st->dot_ring;
    for (int i = 0; i < t->ndots; i++) {
        pt q = {t->dots[i][0], t->dots[i][1], t->dotz[i]};
        if (pj->off_span > 0) {
            float f = ov_paths_off_alpha(q.z, pj->off_span);
            q.z = 0.0;
            ov_caps_push(&p->list, q, q, dot, ring, ov_paint_of(rgb, alpha * f),
                         ov_paint_of(st->dark, alpha * f));
            continue;
        }
        ov_caps_push(&p->list, q, q, dot, ring, col, dark);
    }
}

/* Where run idx's X goes (see ov_renderer_diverged_mark): on the last
 * drawable iterate (end - 1; end < 0 means run->n), or where the path
 * leaves the part of the frame the HUD leaves clear (in 3-D: the last
 * iterate over the surface). A run has one when it diverged or ends
 * early at a non-finite iterate, once the animation reaches its end. */
static bool diverged_at(const ov_frame_desc *d, int idx, const proj *pj, float s, int end,
                        pt *out)
{
    const ov_scene *sc = d->scene;
    if (idx < 0 || idx >= sc->nruns)
        return false;
    const ov_run *run = &sc->runs[idx];
    if (end < 0 || end > run->n)
        end = run->n;
    double frac, wx, wy;
    if (end < 1 || !(run->diverged || end < run->n) || shown(run, d->anim_step, &frac) < end)
        return false;
    pt h;
    bool have = head_point(pj, run, end, 0.0, pj->lift_head, &h, &wx, &wy);
    float arm = 9.0f * s;
    double cx0 = 0, cy0 = 0, cx1 = pj->w, cy1 = pj->h;
    if (d->clear_x1 > d->clear_x0 + 4 * arm && d->clear_y1 > d->clear_y0 + 4 * arm) {
        cx0 = d->clear_x0;
        cy0 = d->clear_y0;
        cx1 = d->clear_x1;
        cy1 = d->clear_y1;
    }
    bool inside = have && ov_path3d_visible(pj->v, wx, wy) && h.x >= cx0 && h.x <= cx1 &&
                  h.y >= cy0 && h.y <= cy1;
    if (!inside) {
        pt e = {0.5 * (cx0 + cx1), cy0 + arm + 2.0, 0.0};
        for (int j = end - 2, walked = 0; j >= 0 && walked < 100000; j--, walked++) {
            pt a, b;
            if (!ov_path3d_visible(pj->v, run->x[j], run->y[j]) ||
                !ov_paths_project(pj, run->x[j], run->y[j], run->loss[j], pj->lift_head, &a) ||
                a.x < cx0 || a.x > cx1 || a.y < cy0 || a.y > cy1)
                continue;
            if (pj->v->is3d) {
                e = a;
                break;
            }
            if (ov_paths_project(pj, run->x[j + 1], run->y[j + 1], run->loss[j + 1], pj->lift_head,
                        &b) &&
                ov_caps_clip(&a, &b, cx0, cx1, cy0, cy1))
                e = b;
            break;
        }
        h.x = fmax(cx0 + arm + 2.0, fmin(e.x, cx1 - arm - 2.0));
        h.y = fmax(cy0 + arm + 2.0, fmin(e.y, cy1 - arm - 2.0));
        h.z = e.z;
    }
    *out = h;
    return true;
}

bool ov_paths_diverged_mark(const ov_frame_desc *d, int idx, int width, int height, float s,
                            float *x, float *y)
{
    float st_line = 2.6f * s, st_casing = 1.3f * s;
    proj pj = {d->view, d->scene->surface, width, height, st_line + st_casing + 1.0,
               8.2 * s + 1.0, 0.0};
    pt h;
    if (!diverged_at(d, idx, &pj, s, -1, &h))
        return false;
    *x = (float)h.x;
    *y = (float)h.y;
    return true;
}

/* The head marker (the run's shape on a white ring; an outline when it sits
 * on a minimum, so the minimum shows), or for a diverged run shown whole
 * an X (its label is the HUD's). */
static void draw_head(ov_paths *p, int idx, const ov_run *run, const ov_frame_desc *d,
                      const proj *pj, const style *st, float alpha, int rank, int end)
{
    double frac, wx, wy;
    int k = shown_upto(run, d->anim_step, end, &frac);
    if (k < 1)
        return;
    pt h;
    bool have = head_point(pj, run, k, frac, pj->lift_head, &h, &wx, &wy);
    int shade = run_shade(d, idx);
    ov_paint pc = ov_paint_of(ov_method_color(run->params.kind, shade), alpha),
          dark = ov_paint_of(st->dark, alpha);
    pt x;
    if (diverged_at(d, idx, pj, st->s, end, &x)) {
        ov_caps_push_marker(&p->list, OV_MARK_CROSS, x, 9.0f * st->s, st->casing, pc, dark);
        return;
    }
    if (!have || !ov_path3d_visible(pj->v, wx, wy) || !ov_paths_in_guard(pj, h))
        return;
    if (run->params.kind == OV_OPT_NELDER_MEAD && run->simplex)
        ov_paths_draw_simplex(p, run, k, frac, pj, st, pc, dark);
    ov_marker m = ov_method_marker(run->params.kind, shade);
    const ov_surface *s = d->scene->surface;
    for (int i = 0; i < s->nminima; i++) {
        pt q;
        if (!ov_paths_project(pj, s->minima[i].x, s->minima[i].y,
                     ov_surface_value(s, s->minima[i].x, s->minima[i].y), pj->lift_head, &q))
            continue;
        if (hypot(q.x - h.x, q.y - h.y) < st->head + 9.0f * st->s) {
            /* Several heads on one minimum: rings one inside the other. */
            float r = st->head + 3.5f * st->s + 3.2f * st->s * (float)(rank < 4 ? rank : 4),
                  half = 1.3f * st->s;
            ov_caps_push_outline(&p->list, m, h, r, half + st->casing, dark);
            ov_caps_push_outline(&p->list, m, h, r, half, pc);
            return;
        }
    }
    ov_caps_push_marker(&p->list, m, h, st->head + st->head_ring, st->casing * 0.8f,
                        ov_paint_of(st->white, alpha), dark);
    ov_caps_push_marker(&p->list, m, h, st->head, 0.0f, pc, pc);
    ov_paths_off_bar(&p->list, h, st->head + st->head_ring, st->s,
                     ov_paths_off_at(run, k, frac), pj->off_span, pc, dark);
}

void ov_paths_draw(ov_paths *p, const ov_frame_desc *desc, int width, int height,
                   float px_scale, ov_overlay *o, ov_text_cache *tc)
{
    (void)o;
    (void)tc;
    ov_paths_build(p, desc, width, height, px_scale);
    ov_paths_submit(p, p->list.v, p->list.n, width, height, desc->view->is3d);
}

void ov_paths_build(ov_paths *p, const ov_frame_desc *desc, int width, int height,
                    float px_scale)
{
    const ov_scene *sc = desc->scene;
    float s = px_scale, hc = desc->high_contrast ? 1.5f : 1.0f;
    style st = {2.6f * s * (desc->high_contrast ? 1.15f : 1.0f), 1.3f * s * hc, 3.0f * s,
                1.2f * s * hc, 6.0f * s, 2.2f * s, s,
                {0.05f, 0.05f, 0.08f, desc->high_contrast ? 1.0f : 0.92f},
                {1.0f, 1.0f, 1.0f, 1.0f}};
    /* Lifted by their own radius (and a pixel) towards the camera, lines,
     * dots and markers lie on the surface without sinking into it. */
    proj pj = {desc->view, sc->surface, width, height,
               fmax(st.line + st.casing, st.dot + st.dot_ring) + 1.0,
               st.head + st.head_ring + 1.0, ov_paths_off_span(sc, desc->view)};
    p->list.n = 0;
    p->last_fed = 0;
    int target = desc->target_run >= 0 && desc->target_run < sc->nruns ? desc->target_run : -1;
    for (int g = 0; desc->ghosts && g < desc->nghosts && g < OV_MAX_RUNS; g++)
        if (desc->ghosts[g].n > 1 && !(desc->hidden && g < sc->nruns && desc->hidden[g]))
            draw_ghost(p, g, &desc->ghosts[g], desc, &pj, &st,
                       target >= 0 && g != target ? 0.3f : 0.85f);
    if (sc->nruns > 0)
        ov_paths_draw_start(p, sc, &pj, &st);
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
    int end[OV_MAX_RUNS];
    ov_path_feed feed = {pj.v, pj.w, pj.h, pj.s, pj.lift_path, st.s, GUARD, pj.off_span > 0};
    for (int i = 0; i < n; i++) {
        double frac;
        const ov_run *run = &sc->runs[order[i]];
        end[order[i]] = ov_path_cache_update(p, &p->cache[order[i]], run,
                                             shown(run, desc->anim_step, &frac), &feed);
    }
    for (int layer = 0; layer < 2; layer++)
        for (int i = 0; i < n; i++) {
            float a = target >= 0 && order[i] != target ? FADED : 1.0f;
            draw_run(p, order[i], &sc->runs[order[i]], desc, &pj, &st, a, rank[order[i]], layer,
                     end[order[i]]);
        }
    /* Minima over the paths, heads over the minima (as outlines there). */
    ov_paths_draw_minima(p, sc->surface, &pj, &st);
    for (int i = 0; i < n; i++) {
        float a = target >= 0 && order[i] != target ? FADED : 1.0f;
        draw_head(p, order[i], &sc->runs[order[i]], desc, &pj, &st, a, rank[order[i]],
                  end[order[i]]);
    }
    /* Guard (and count, for the soak test): a capsule with a non-finite
     * number (none should be made: projections and the thinning refuse
     * them) is left out, never drawn somewhere made up. */
    int kept = 0;
    for (int i = 0; i < p->list.n; i++) {
        const ov_seg *sg = &p->list.v[i];
        const float f[8] = {sg->p0[0], sg->p0[1], sg->p1[0], sg->p1[1],
                            sg->z[0],  sg->z[1],  sg->radius, sg->edge};
        bool finite = true;
        for (int k = 0; k < 8; k++)
            finite = finite && isfinite(f[k]);
        if (!finite) {
            p->nonfinite++;
            continue;
        }
        p->list.v[kept++] = *sg;
    }
    p->list.n = kept;
    p->last_capsules = p->list.n;
}

void ov_paths_submit(ov_paths *p, const ov_seg *v, int n, int width, int height, bool is3d)
{
    if (n <= 0)
        return;
    size_t bytes = (size_t)n * sizeof(ov_seg);
    glBindBuffer(GL_ARRAY_BUFFER, p->vbo);
    /* New storage for every draw: a frame redrawn in parts draws several
     * times, and no draw waits for the one before to stop reading. */
    glBufferData(GL_ARRAY_BUFFER, (GLsizeiptr)bytes, v, GL_STREAM_DRAW);
    p->vbo_bytes = bytes;
    glUseProgram(p->prog);
    glUniform2f(p->u_size, (float)width, (float)height);
    /* 3-D: depth-tested against the surface, but neither hiding each
     * other (no depth writes: they blend in order). What the surface hides
     * is drawn first, through it (faded, dashed), so a path behind a wall
     * is never lost; then what it does not, as in 2-D. (The uniform is
     * looked up here: a string lookup per 3-D frame.) */
    glBindVertexArray(p->vao);
    if (is3d) {
        GLint u_hidden = glGetUniformLocation(p->prog, "u_hidden");
        glEnable(GL_DEPTH_TEST);
        glDepthMask(GL_FALSE);
        glDepthFunc(GL_GREATER);
        glUniform1f(u_hidden, HIDDEN);
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, n);
        glUniform1f(u_hidden, 0.0f);
        glDepthFunc(GL_LEQUAL);
    }
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, n);
    glBindVertexArray(0);
    glDisable(GL_DEPTH_TEST);
    glDepthMask(GL_TRUE);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    ov_gl_ok("path pass");
}
