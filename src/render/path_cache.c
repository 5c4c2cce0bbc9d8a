/* The path cache: each run's iterates projected through the view and
 * thinned to the pixel grid (core/thin), kept between frames and fed only
 * the iterates new since the last one; and where a run's drawable part
 * ends (before a non-finite iterate). paths.c draws from it. */
#include <math.h>

#include "render/path_cache.h"
#include "render/paths3d.h"

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
static uint64_t path_key(const ov_run *run, const ov_view *v, float scale, bool off)
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
    /* A model's distances from the plane change when the plane moves
     * (it follows the shown step) even where x and y stay. */
    k = fnv(k, &off, sizeof off);
    for (int i = 0; i < 33 && run->n > 0; i++) {
        long idx = (long)((double)(run->n - 1) * i / 32.0);
        k = fnv(k, &run->x[idx], sizeof(double));
        k = fnv(k, &run->y[idx], sizeof(double));
        if (off && run->off)
            k = fnv(k, &run->off[idx], sizeof(double));
    }
    return k;
}

/* Where projected points go: the thinning, and when off_as_depth the
 * distance of the iterate being fed, which replaces the depth. */
typedef struct sink {
    ov_thin *thin;
    bool off_as_depth;
    double off;
} sink;

/* Feeds one projected point of a path to its thinning. */
static void thin_point(void *ctx, double x, double y, double z, ov_thin_kind kind)
{
    sink *s = ctx;
    ov_thin_add_point(s->thin, x, y, s->off_as_depth ? s->off : z, kind);
}

int ov_path_cache_update(ov_paths *p, ov_path_cache *pc, const ov_run *run, int k,
                         const ov_path_feed *f)
{
    bool off = f->off_as_depth && run->off != NULL;
    uint64_t key = path_key(run, f->v, f->scale, off);
    if (key != pc->key || k < pc->processed || pc->processed == 0) {
        /* Iterate dots at least 7 px apart (scaled): a slow run stays a
         * line with beads, not a string of dots hiding what is under it. */
        ov_thin_area area = {-f->guard, f->w + f->guard, -f->guard, f->h + f->guard,
                             7.0 * f->scale};
        ov_thin_reset(&pc->thin, &area);
        pc->key = key;
        pc->processed = 0;
    }
    int upto = k < run->n ? k + 1 : run->n, end = run->n;
    for (int i = pc->processed; i < upto; i++)
        if (!isfinite(run->x[i]) || !isfinite(run->y[i]) || !isfinite(run->loss[i])) {
            end = i;
            p->nonfinite++;
            break;
        }
    if (k > end)
        k = end;
    sink sk = {&pc->thin, off, 0.0};
    for (int i = pc->processed; i < k; i++) {
        sk.off = off ? run->off[i] : 0.0;
        if (i == 0)
            ov_path3d_start(f->v, f->s, run->x[0], run->y[0], run->loss[0], f->lift_px,
                            thin_point, &sk);
        else
            ov_path3d_step(f->v, f->s, run->x[i - 1], run->y[i - 1], run->x[i], run->y[i],
                           run->loss[i], f->lift_px, thin_point, &sk);
    }
    if (k > pc->processed)
        p->last_fed += k - pc->processed;
    pc->processed = k;
    return end;
}

