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
    t->pen_up = false;
    t->nsegs = t->ndots = 0;
    t->oom = false;
    set_clear(&t->seg_keys);
    set_clear(&t->dot_cells);
    double cw = ceil((area->x1 - area->x0) * OV_THIN_GRID) + 1.0;
    double ch = ceil((area->y1 - area->y0) * OV_THIN_GRID) + 1.0;
    bool fits = cw >= 1.0 && ch >= 1.0 && cw * ch <= (double)OV_THIN_MAX_COVER;
    size_t bytes = fits ? ((size_t)cw * (size_t)ch + 7) / 8 : 0;
    if (bytes != t->cover_bytes) {
        /* allocated (zeroed) when the first segment is marked */
        free(t->cover);
        t->cover = NULL;
        t->cover_bytes = bytes;
    } else if (t->cover && t->cover_hi >= t->cover_lo) {
        /* only what the last path marked */
        memset(t->cover + t->cover_lo, 0, t->cover_hi - t->cover_lo + 1);
    }
    t->cover_lo = SIZE_MAX;
    t->cover_hi = 0;
    t->cover_w = fits ? (int)cw : 0;
    t->cover_h = fits ? (int)ch : 0;
}

void ov_thin_deinit(ov_thin *t)
{
    if (!t)
        return;
    free(t->segs);
    free(t->segz);
    free(t->dots);
    free(t->dotz);
    free(t->seg_keys.slot);
    free(t->dot_cells.slot);
    free(t->cover);
    memset(t, 0, sizeof *t);
}

/* Liang-Barsky, giving the parameters t0 <= t1 of the part inside. */
static bool clip_params(double ax, double ay, double bx, double by, double x0, double x1,
                        double y0, double y1, double *pt0, double *pt1)
{
    double dx = bx - ax, dy = by - ay, t0 = 0.0, t1 = 1.0;
    double p[4] = {-dx, dx, -dy, dy};
    double q[4] = {ax - x0, x1 - ax, ay - y0, y1 - ay};
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
    *pt0 = t0;
    *pt1 = t1;
    return true;
}

bool ov_clip_segment(double *ax, double *ay, double *bx, double *by, double x0, double x1,
                     double y0, double y1)
{
    double t0, t1;
    if (!clip_params(*ax, *ay, *bx, *by, x0, x1, y0, y1, &t0, &t1))
        return false;
    double sx = *ax, sy = *ay, dx = *bx - sx, dy = *by - sy;
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

/* Recent pieces a new one may extend, and how far off their line it may lie. */
#define MERGE_LOOKBACK 4
#define MERGE_OFF_LINE 0.25     /* px */
#define MERGE_DEPTH 1e-5        /* window depth */

/* Extends one of the last MERGE_LOOKBACK stored segments to cover a-b when
 * a-b lies along it (both ends within MERGE_OFF_LINE px of its line, depths
 * on its depth ramp) and touches or overlaps it: the envelope of a run that
 * oscillates along a line grows one segment instead of adding a piece per
 * cell. true when merged. */
static bool merge(ov_thin *t, double ax, double ay, double az, double bx, double by,
                  double bz)
{
    for (int i = t->nsegs - 1; i >= 0 && i >= t->nsegs - MERGE_LOOKBACK; i--) {
        float *s = t->segs[i], *z = t->segz[i];
        double sx = s[0], sy = s[1], dx = s[2] - sx, dy = s[3] - sy, l2 = dx * dx + dy * dy;
        if (l2 < 1.0)
            continue;
        double l = sqrt(l2);
        if (fabs(dx * (ay - sy) - dy * (ax - sx)) > MERGE_OFF_LINE * l ||
            fabs(dx * (by - sy) - dy * (bx - sx)) > MERGE_OFF_LINE * l)
            continue;
        double ta = (dx * (ax - sx) + dy * (ay - sy)) / l2;
        double tb = (dx * (bx - sx) + dy * (by - sy)) / l2;
        double lo = fmin(ta, tb), hi = fmax(ta, tb), gap = 0.5 / l;
        if (hi < -gap || lo > 1.0 + gap)
            continue;
        double z0 = z[0], dz = z[1] - z[0];
        if (fabs(z0 + dz * ta - az) > MERGE_DEPTH || fabs(z0 + dz * tb - bz) > MERGE_DEPTH)
            continue;
        double u0 = fmin(0.0, lo), u1 = fmax(1.0, hi);
        s[0] = (float)(sx + dx * u0);
        s[1] = (float)(sy + dy * u0);
        s[2] = (float)(sx + dx * u1);
        s[3] = (float)(sy + dy * u1);
        z[0] = (float)(z0 + dz * u0);
        z[1] = (float)(z0 + dz * u1);
        return true;
    }
    return false;
}

static void store(ov_thin *t, double ax, double ay, double az, double bx, double by,
                  double bz)
{
    if (merge(t, ax, ay, az, bx, by, bz))
        return;
    int cap = t->segcap;
    if (!grow((void **)&t->segs, &cap, t->nsegs + 1, sizeof *t->segs)) {
        t->oom = true;
        return;
    }
    cap = t->segcap;
    if (!grow((void **)&t->segz, &cap, t->nsegs + 1, sizeof *t->segz)) {
        t->oom = true;
        return;
    }
    t->segcap = cap;
    float *s = t->segs[t->nsegs];
    s[0] = (float)ax;
    s[1] = (float)ay;
    s[2] = (float)bx;
    s[3] = (float)by;
    t->segz[t->nsegs][0] = (float)az;
    t->segz[t->nsegs][1] = (float)bz;
    t->nsegs++;
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
 * stored piece, so a segment crossing other lines is not cut at each one;
 * fresh stretches inside a segment shorter than MIN_PIECE samples (4
 * cells) are not drawn. */
#define MIN_SKIP 8
#define MIN_PIECE 8

/* Marks the cells of samples s0 .. s1 of w as crossed. */
static void mark(ov_thin *t, const walk *w, long s0, long s1)
{
    for (long i = s0; i <= s1; i++) {
        long bit = walk_bit(t, w, i);
        if (bit < 0)
            continue;
        size_t byte = (size_t)bit >> 3;
        t->cover[byte] |= (uint8_t)(1u << (bit & 7));
        if (byte < t->cover_lo)
            t->cover_lo = byte;
        if (byte > t->cover_hi)
            t->cover_hi = byte;
    }
}

/* Stores segment a-b (clipped to the area) unless one with the same cells
 * at its ends is stored already; of the rest, only the stretches that cross
 * cells no stored segment crossed (each with one sample of overlap; covered
 * stretches shorter than MIN_SKIP stay in), then marks its cells. */
static void add_segment(ov_thin *t, double ax, double ay, double az, double bx, double by,
                        double bz)
{
    const ov_thin_area *a = &t->area;
    double c0, c1;
    if (!clip_params(ax, ay, bx, by, a->x0, a->x1, a->y0, a->y1, &c0, &c1))
        return;
    {
        double sx = ax, sy = ay, sz = az, ex = bx - ax, ey = by - ay, ez = bz - az;
        ax = sx + c0 * ex;
        ay = sy + c0 * ey;
        az = sz + c0 * ez;
        bx = sx + c1 * ex;
        by = sy + c1 * ey;
        bz = sz + c1 * ez;
    }
    uint32_t ca, cb;
    if (grid_cell(a, ax, ay, &ca) && grid_cell(a, bx, by, &cb)) {
        uint64_t lo = ca < cb ? ca : cb, hi = ca < cb ? cb : ca;
        /* cells are below 0xffff in both halves, so the key + 1 is never 0 */
        if (!set_insert(&t->seg_keys, ((lo << 32) | hi) + 1, &t->oom))
            return;
    }
    if (t->cover_bytes && !t->cover) {
        t->cover = calloc(1, t->cover_bytes);
        if (!t->cover) {
            t->oom = true;
            t->cover_bytes = 0;
        }
    }
    if (!t->cover) {
        store(t, ax, ay, az, bx, by, bz);
        return;
    }
    walk w = walk_of(t, ax, ay, bx, by);
    double ex = bx - ax, ey = by - ay, ez = bz - az;
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
            /* A speck: a short fresh stretch inside the segment, a line
             * running beside stored ones and grazing a cell or two. Left
             * out, and its cells left unmarked, so that a longer stretch
             * there later is stored whole. The ends (the iterates) always
             * count. */
            bool speck = start > 0 && last < w.n && last - start + 1 < MIN_PIECE;
            if (!speck) {
                long s0 = start > 0 ? start - 1 : 0, s1 = i > w.n ? w.n : last + 1;
                double f0 = (double)s0 / (double)w.n, f1 = (double)s1 / (double)w.n;
                store(t, ax + ex * f0, ay + ey * f0, az + ez * f0, ax + ex * f1,
                      ay + ey * f1, az + ez * f1);
                mark(t, &w, s0, s1);
                stored = true;
            }
            start = -1;
        }
    }
}

static void add_dot(ov_thin *t, double x, double y, double z)
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
    int cap = t->dotcap;
    if (!grow((void **)&t->dots, &cap, t->ndots + 1, sizeof *t->dots)) {
        t->oom = true;
        return;
    }
    cap = t->dotcap;
    if (!grow((void **)&t->dotz, &cap, t->ndots + 1, sizeof *t->dotz)) {
        t->oom = true;
        return;
    }
    t->dotcap = cap;
    t->dots[t->ndots][0] = (float)x;
    t->dots[t->ndots][1] = (float)y;
    t->dotz[t->ndots] = (float)z;
    t->ndots++;
    t->dx = x;
    t->dy = y;
    t->has_dot = true;
}

bool ov_thin_add(ov_thin *t, double x, double y)
{
    return ov_thin_add_point(t, x, y, 0.0, OV_THIN_ITERATE);
}

bool ov_thin_add_point(ov_thin *t, double x, double y, double z, ov_thin_kind kind)
{
    if (!isfinite(x) || !isfinite(y) || !isfinite(z))
        return false;
    if (kind == OV_THIN_MOVE)
        t->pen_up = true;
    t->tx = x;
    t->ty = y;
    t->tz = z;
    if (t->fed++ > 0 && !t->pen_up) {
        double mx = x - t->vx, my = y - t->vy;
        if (mx * mx + my * my < OV_THIN_MIN_MOVE * OV_THIN_MIN_MOVE)
            return false;
        add_segment(t, t->vx, t->vy, t->vz, x, y, z);
    }
    t->pen_up = false;
    t->vx = x;
    t->vy = y;
    t->vz = z;
    t->kept++;
    if (kind == OV_THIN_ITERATE)
        add_dot(t, x, y, z);
    return true;
}

void ov_thin_tail_depth(const ov_thin *t, double *z0, double *z1)
{
    *z0 = t->fed ? t->vz : 0.0;
    *z1 = t->fed ? t->tz : 0.0;
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
