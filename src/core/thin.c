/* Thinning a projected path to the pixel grid (see thin.h): vertices that
 * move at least a pixel, segments stored once per pair of end cells and
 * only where they cross cells no stored segment crossed, iterate dots at
 * most one per cell. */
#include "thin.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static uint64_t mix(uint64_t k)
{
    k ^= k >> 30;
    k *= 0xbf58476d1ce4e5b9ull;
    k ^= k >> 27;
    k *= 0x94d049bb133111ebull;
    k ^= k >> 31;
    return k;
}

static bool set_grow(ov_thin_set *s)
{
    size_t ncap = s->cap ? s->cap * 2 : 256;
    uint64_t *slot = calloc(ncap, sizeof *slot);
    if (!slot)
        return false;
    for (size_t i = 0; i < s->cap; i++) {
        uint64_t k = s->slot[i];
        if (!k)
            continue;
        size_t h = (size_t)mix(k) & (ncap - 1);
        while (slot[h])
            h = (h + 1) & (ncap - 1);
        slot[h] = k;
    }
    free(s->slot);
    s->slot = slot;
    s->cap = ncap;
    return true;
}

/* Adds key (not 0); true when it was not there yet. On allocation failure
 * reports the key as new (drawing it twice is harmless) and sets *oom. */
static bool set_insert(ov_thin_set *s, uint64_t key, bool *oom)
{
    if ((s->count + 1) * 2 > s->cap && !set_grow(s)) {
        *oom = true;
        return true;
    }
    size_t h = (size_t)mix(key) & (s->cap - 1);
    while (s->slot[h]) {
        if (s->slot[h] == key)
            return false;
        h = (h + 1) & (s->cap - 1);
    }
    s->slot[h] = key;
    s->count++;
    return true;
}

static void set_clear(ov_thin_set *s)
{
    if (s->count)
        memset(s->slot, 0, s->cap * sizeof *s->slot);
    s->count = 0;
}

static bool grow(void **v, int *cap, int need, size_t elem)
{
    if (need <= *cap)
        return true;
    int ncap = *cap ? *cap : 256;
    while (ncap < need)
        ncap *= 2;
    void *nv = realloc(*v, (size_t)ncap * elem);
    if (!nv)
        return false;
    *v = nv;
    *cap = ncap;
    return true;
}

void ov_thin_init(ov_thin *t, const ov_thin_area *area)
{
    memset(t, 0, sizeof *t);
    ov_thin_reset(t, area);
}

void ov_thin_reset(ov_thin *t, const ov_thin_area *area)
{
    t->area = *area;
    t->fed = t->kept = 0;
    t->has_dot = false;
    t->nsegs = t->ndots = 0;
    t->oom = false;
    set_clear(&t->seg_keys);
    set_clear(&t->dot_cells);
    double cw = ceil((area->x1 - area->x0) * OV_THIN_GRID) + 1.0;
    double ch = ceil((area->y1 - area->y0) * OV_THIN_GRID) + 1.0;
    bool fits = cw >= 1.0 && ch >= 1.0 && cw * ch <= (double)OV_THIN_MAX_COVER;
    size_t bytes = fits ? ((size_t)cw * (size_t)ch + 7) / 8 : 0;
    if (bytes != t->cover_bytes) {
        free(t->cover);
        t->cover = bytes ? malloc(bytes) : NULL;
        t->cover_bytes = t->cover ? bytes : 0;
    }
    if (t->cover) {
        memset(t->cover, 0, t->cover_bytes);
        t->cover_w = (int)cw;
        t->cover_h = (int)ch;
    }
}

void ov_thin_deinit(ov_thin *t)
{
    if (!t)
        return;
    free(t->segs);
    free(t->dots);
    free(t->seg_keys.slot);
    free(t->dot_cells.slot);
    free(t->cover);
    memset(t, 0, sizeof *t);
}

bool ov_clip_segment(double *ax, double *ay, double *bx, double *by, double x0, double x1,
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

/* The grid cell of a point inside the area packed in 32 bits; false when
 * the area is too large for 16-bit cell numbers (then nothing is merged). */
static bool grid_cell(const ov_thin_area *a, double x, double y, uint32_t *out)
{
    double qx = floor((x - a->x0) * OV_THIN_GRID), qy = floor((y - a->y0) * OV_THIN_GRID);
    if (!(qx >= 0.0 && qx < 65535.0 && qy >= 0.0 && qy < 65535.0))
        return false;
    *out = ((uint32_t)qx << 16) | (uint32_t)qy;
    return true;
}

static void store(ov_thin *t, double ax, double ay, double bx, double by)
{
    if (!grow((void **)&t->segs, &t->segcap, t->nsegs + 1, sizeof *t->segs)) {
        t->oom = true;
        return;
    }
    float *s = t->segs[t->nsegs++];
    s[0] = (float)ax;
    s[1] = (float)ay;
    s[2] = (float)bx;
    s[3] = (float)by;
}

/* Samples along a segment in coverage cells: at most half a cell apart. */
typedef struct walk {
    double x0, y0, dx, dy;      /* in cells */
    long n;                     /* samples 0 .. n */
} walk;

static walk walk_of(const ov_thin *t, double ax, double ay, double bx, double by)
{
    const ov_thin_area *a = &t->area;
    walk w = {(ax - a->x0) * OV_THIN_GRID, (ay - a->y0) * OV_THIN_GRID, 0, 0, 0};
    w.dx = (bx - a->x0) * OV_THIN_GRID - w.x0;
    w.dy = (by - a->y0) * OV_THIN_GRID - w.y0;
    w.n = (long)ceil(fmax(fabs(w.dx), fabs(w.dy)) * 2.0) + 1;
    return w;
}

/* The bit index of sample i, or -1 outside the bitmap. */
static long walk_bit(const ov_thin *t, const walk *w, long i)
{
    double f = (double)i / (double)w->n;
    long cx = (long)(w->x0 + w->dx * f), cy = (long)(w->y0 + w->dy * f);
    if (cx < 0 || cy < 0 || cx >= t->cover_w || cy >= t->cover_h)
        return -1;
    return cy * (long)t->cover_w + cx;
}

static bool covered(const ov_thin *t, long bit)
{
    return bit < 0 || (t->cover[bit >> 3] >> (bit & 7)) & 1u;
}

/* Covered stretches shorter than this many samples (4 cells) stay inside a
 * stored piece, so a segment crossing other lines is not cut at each one. */
#define MIN_SKIP 8

/* Stores segment a-b (clipped to the area) unless one with the same cells
 * at its ends is stored already; of the rest, only the stretches that cross
 * cells no stored segment crossed (each with one sample of overlap; covered
 * stretches shorter than MIN_SKIP stay in), then marks its cells. */
static void add_segment(ov_thin *t, double ax, double ay, double bx, double by)
{
    const ov_thin_area *a = &t->area;
    if (!ov_clip_segment(&ax, &ay, &bx, &by, a->x0, a->x1, a->y0, a->y1))
        return;
    uint32_t ca, cb;
    if (grid_cell(a, ax, ay, &ca) && grid_cell(a, bx, by, &cb)) {
        uint64_t lo = ca < cb ? ca : cb, hi = ca < cb ? cb : ca;
        /* cells are below 0xffff in both halves, so the key + 1 is never 0 */
        if (!set_insert(&t->seg_keys, ((lo << 32) | hi) + 1, &t->oom))
            return;
    }
    if (!t->cover) {
        store(t, ax, ay, bx, by);
        return;
    }
    walk w = walk_of(t, ax, ay, bx, by);
    double ex = bx - ax, ey = by - ay;
    long start = -1, last = -1;
    bool stored = false;
    for (long i = 0; i <= w.n + MIN_SKIP; i++) {
        bool fresh = i <= w.n && !covered(t, walk_bit(t, &w, i));
        if (fresh) {
            /* a short covered stretch at the start (the cell of the last
             * vertex) stays part of the piece */
            if (start < 0)
                start = !stored && i < MIN_SKIP ? 0 : i;
            last = i;
        } else if (start >= 0 && (i - last >= MIN_SKIP || i > w.n)) {
            double f0 = (double)(start > 0 ? start - 1 : 0) / (double)w.n;
            double f1 = i > w.n ? 1.0 : (double)(last + 1) / (double)w.n;
            store(t, ax + ex * f0, ay + ey * f0, ax + ex * f1, ay + ey * f1);
            stored = true;
            start = -1;
        }
    }
    for (long i = 0; i <= w.n; i++) {
        long bit = walk_bit(t, &w, i);
        if (bit >= 0)
            t->cover[bit >> 3] |= (uint8_t)(1u << (bit & 7));
    }
}

static void add_dot(ov_thin *t, double x, double y)
{
    const ov_thin_area *a = &t->area;
    if (!(x >= a->x0 && x <= a->x1 && y >= a->y0 && y <= a->y1))
        return;
    if (t->has_dot) {
        double gx = x - t->dx, gy = y - t->dy;
        if (gx * gx + gy * gy < a->dot_gap * a->dot_gap)
            return;
    }
    double cell = a->dot_gap > 0.0 ? a->dot_gap * 0.70710678118654752 : 1.0;
    uint64_t cx = (uint64_t)floor((x - a->x0) / cell), cy = (uint64_t)floor((y - a->y0) / cell);
    if (!set_insert(&t->dot_cells, ((cx << 32) | (cy & 0xffffffffu)) + 1, &t->oom))
        return;
    if (!grow((void **)&t->dots, &t->dotcap, t->ndots + 1, sizeof *t->dots)) {
        t->oom = true;
        return;
    }
    t->dots[t->ndots][0] = (float)x;
    t->dots[t->ndots][1] = (float)y;
    t->ndots++;
    t->dx = x;
    t->dy = y;
    t->has_dot = true;
}

bool ov_thin_add(ov_thin *t, double x, double y)
{
    if (!isfinite(x) || !isfinite(y))
        return false;
    t->tx = x;
    t->ty = y;
    if (t->fed++ > 0) {
        double mx = x - t->vx, my = y - t->vy;
        if (mx * mx + my * my < OV_THIN_MIN_MOVE * OV_THIN_MIN_MOVE)
            return false;
        add_segment(t, t->vx, t->vy, x, y);
    }
    t->vx = x;
    t->vy = y;
    t->kept++;
    add_dot(t, x, y);
    return true;
}

bool ov_thin_tail(const ov_thin *t, double *x0, double *y0, double *x1, double *y1)
{
    if (t->fed == 0)
        return false;
    *x0 = t->vx;
    *y0 = t->vy;
    *x1 = t->tx;
    *y1 = t->ty;
    return true;
}
