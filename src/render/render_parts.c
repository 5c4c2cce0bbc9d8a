/* Frames redrawn in parts: the primitives a 2-D frame is compared by
 * (damage.h), the damaged rectangles redrawn over the kept contour image,
 * what changed for the window's read-back; and the stage timing of the
 * benchmarks (ov_renderer_set_timing). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "render/renderer.h"
#include "render/shader.h"

/* The process's CPU ms (all threads) once the GL work issued so far is
 * done: a stage's end for ov_renderer_set_timing. */
double ov_render_stage_end(void)
{
    glFinish();
    struct timespec ts;
    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) != 0)
        return 0.0;
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

void ov_renderer_set_timing(ov_renderer *r, bool on)
{
    r->timing = on;
    r->t_begin = r->t_contour = r->t_paths = r->t_end0 = r->t_end1 = 0.0;
}

/* Text item i (primitive p[i]) described tile by tile (damage.h): the
 * hashes copied from the last frame's primitive at the same index when it
 * is the same, else worked out from the text's pixels. Left undescribed
 * (damaged whole when it changes) when out of memory. */
static void text_tiles(ov_renderer *r, ov_prim *p, int i)
{
    int span[4];
    int n = ov_damage_span(p[i].x0, p[i].y0, p[i].x1, p[i].y1, span);
    if (n <= 0)
        return;
    int off = ov_damage_tiles(&r->damage, 1, n);
    if (off < 0)
        return;
    uint64_t *t = ov_damage_tile_at(&r->damage, 1, off);
    const ov_prim_list *last = &r->damage.prev[1];
    const ov_prim *q = i < last->n ? &last->v[i] : NULL;
    if (q && q->h == p[i].h && q->tiles > 0 && q->place != 0 &&
        q->tiles - 1 + n <= last->nth && q->x0 == p[i].x0 && q->y0 == p[i].y0 &&
        q->x1 == p[i].x1 && q->y1 == p[i].y1) {
        memcpy(t, last->th + q->tiles - 1, (size_t)n * sizeof *t);
        p[i].place = q->place;
    } else if (!ov_overlay_text_tiles(&r->overlay, &r->text, i, span, &p[i].place, t)) {
        p[i].place = 0;
        return;
    }
    p[i].tiles = off + 1;
}

/* The primitives of this frame for the comparison with the last one: the
 * capsules (layer 0) and the overlay's items (layer 1). false when out of
 * memory. */
bool ov_render_frame_prims(ov_renderer *r)
{
    const ov_seg_list *l = &r->paths.list;
    ov_prim *p = ov_damage_layer(&r->damage, 0, l->n);
    if (!p && l->n > 0)
        return false;
    for (int i = 0; i < l->n; i++) {
        const ov_seg *sg = &l->v[i];
        /* The capsule's quad reaches e beyond its ends and sides. */
        float e = 1.5f * (sg->radius + sg->edge + 1.0f) + 1.0f;
        p[i].h = ov_damage_hash(OV_DAMAGE_SEED, sg, sizeof *sg);
        p[i].x0 = fminf(sg->p0[0], sg->p1[0]) - e;
        p[i].y0 = fminf(sg->p0[1], sg->p1[1]) - e;
        p[i].x1 = fmaxf(sg->p0[0], sg->p1[0]) + e;
        p[i].y1 = fmaxf(sg->p0[1], sg->p1[1]) + e;
        p[i].place = 0;
        p[i].tiles = 0;
    }
    const ov_overlay *o = &r->overlay;
    p = ov_damage_layer(&r->damage, 1, o->nitems);
    if (!p && o->nitems > 0)
        return false;
    for (int i = 0; i < o->nitems; i++) {
        const ov_overlay_item *it = &o->items[i];
        uint64_t h = ov_damage_hash(OV_DAMAGE_SEED, o->verts + (size_t)i * 48,
                                    48 * sizeof(float));
        char kind = it->is_text ? 't' : it->is_disc ? 'd' : 'w';
        h = ov_damage_hash(h, &kind, 1);
        if (it->is_text) {
            const char *str = o->arena + it->text;
            h = ov_damage_hash(h, &it->size, sizeof it->size);
            h = ov_damage_hash(h, str, strlen(str));
        }
        float b[4];
        ov_overlay_item_box(o, i, b);
        p[i] = (ov_prim){h, b[0] - 1.0f, b[1] - 1.0f, b[2] + 1.0f, b[3] + 1.0f, 0, 0};
        if (it->is_text)
            text_tiles(r, p, i);
    }
    return true;
}

/* With timing on: the CPU ms since the last lap added to *slot. */
void ov_render_lap(ov_renderer *r, double *slot)
{
    if (!r->timing)
        return;
    double now = ov_render_stage_end();
    *slot += now - r->t_lap;
    r->t_lap = now;
}

/* A frame redrawn in parts: each damaged rectangle from the contour image
 * up (the capsules and items that reach into it, in order; the
 * rectangle is the scissor). The image is copied by a blit, which costs
 * the software renderer a pass of its own per rectangle but a fraction of
 * a shader's cost per pixel (a copy shader measured 7.6 ns a pixel). */
void ov_render_draw_parts(ov_renderer *r)
{
    const ov_damage *d = &r->damage;
    const ov_prim *caps = d->prev[0].v;   /* this frame's, after the compare */
    double ignore = 0.0;
    ov_render_lap(r, &ignore);
    glEnable(GL_SCISSOR_TEST);
    bool disjoint = true;
    for (int a = 0; a < d->nrect && disjoint; a++)
        for (int b = a + 1; b < d->nrect && disjoint; b++) {
            ov_irect p = d->rect[a], q = d->rect[b];
            disjoint = p.x >= q.x + q.w || q.x >= p.x + p.w || p.y >= q.y + q.h || q.y >= p.y + p.h;
        }
    if (disjoint) {
        for (int k = 0; k < d->nrect; k++) {
            ov_irect q = d->rect[k];
            int gy = r->height - q.y - q.h;
            glScissor(q.x, gy, q.w, q.h);
            ov_contour_copy_rect(&r->contour, q.x, gy, q.w, q.h, r->fbo);
        }
        glViewport(0, 0, r->width, r->height);
        ov_render_lap(r, &r->lap_contour);
    }
    for (int k = 0; k < d->nrect; k++) {
        ov_irect q = d->rect[k];
        int gy = r->height - q.y - q.h;
        glScissor(q.x, gy, q.w, q.h);
        if (!disjoint) {
            ov_contour_copy_rect(&r->contour, q.x, gy, q.w, q.h, r->fbo);
            glViewport(0, 0, r->width, r->height);
            ov_render_lap(r, &r->lap_contour);
        }
        glEnable(GL_BLEND);
        glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        int n = 0;
        const ov_seg_list *l = &r->paths.list;
        if (l->n > r->cull_cap) {
            ov_seg *c = realloc(r->cull, (size_t)l->n * sizeof *c);
            if (c) {
                r->cull = c;
                r->cull_cap = l->n;
            }
        }
        if (r->cull && r->cull_cap >= l->n) {
            for (int i = 0; i < l->n; i++)
                if (caps[i].x0 < q.x + q.w && caps[i].x1 > q.x && caps[i].y0 < q.y + q.h &&
                    caps[i].y1 > q.y)
                    r->cull[n++] = l->v[i];
            ov_paths_submit(&r->paths, r->cull, n, r->width, r->height, false);
        } else {
            ov_paths_submit(&r->paths, l->v, l->n, r->width, r->height, false);
        }
        ov_render_lap(r, &r->lap_paths);
        float clip[4] = {(float)q.x, (float)q.y, (float)(q.x + q.w), (float)(q.y + q.h)};
        ov_overlay_submit(&r->overlay, &r->text, r->width, r->height, clip);
        ov_render_lap(r, &ignore);
    }
    glDisable(GL_SCISSOR_TEST);
}

int ov_renderer_damage(ov_renderer *r, int *xywh, int max)
{
    const ov_damage *d = &r->damage;
    bool one = r->ends_unread == 1;
    r->ends_unread = 0;
    if (!one || d->full || d->nrect > max)
        return -1;
    for (int k = 0; k < d->nrect; k++) {
        xywh[4 * k] = d->rect[k].x;
        xywh[4 * k + 1] = d->rect[k].y;
        xywh[4 * k + 2] = d->rect[k].w;
        xywh[4 * k + 3] = d->rect[k].h;
    }
    return d->nrect;
}

