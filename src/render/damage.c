/* Damage between two frames' layers of primitives (see damage.h). */
#include "render/damage.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void ov_damage_deinit(ov_damage *d)
{
    for (int l = 0; l < OV_DAMAGE_LAYERS; l++) {
        free(d->prev[l].v);
        free(d->cur[l].v);
        free(d->prev[l].th);
        free(d->cur[l].th);
    }
    free(d->set);
    free(d->tiles);
    memset(d, 0, sizeof *d);
}

void ov_damage_forget(ov_damage *d)
{
    d->prev_ok = false;
}

ov_prim *ov_damage_layer(ov_damage *d, int layer, int n)
{
    ov_prim_list *l = &d->cur[layer];
    if (n > l->cap) {
        int cap = l->cap ? l->cap : 256;
        while (cap < n)
            cap *= 2;
        ov_prim *v = realloc(l->v, (size_t)cap * sizeof *v);
        if (!v) {
            l->n = 0;
            return NULL;
        }
        l->v = v;
        l->cap = cap;
    }
    l->n = n;
    l->nth = 0;
    return l->v;
}

static int floor_div(int a, int b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

int ov_damage_span(float x0, float y0, float x1, float y1, int span[4])
{
    if (!(x1 > x0) || !(y1 > y0) || !(fabsf(x0) < 1e8f) || !(fabsf(y0) < 1e8f) ||
        !(fabsf(x1) < 1e8f) || !(fabsf(y1) < 1e8f)) {
        span[0] = span[2] = 0;
        span[1] = span[3] = -1;
        return 0;
    }
    span[0] = floor_div((int)floorf(x0), OV_DAMAGE_TILE);
    span[1] = floor_div((int)ceilf(x1) - 1, OV_DAMAGE_TILE);
    span[2] = floor_div((int)floorf(y0), OV_DAMAGE_TILE);
    span[3] = floor_div((int)ceilf(y1) - 1, OV_DAMAGE_TILE);
    return (span[1] - span[0] + 1) * (span[3] - span[2] + 1);
}

int ov_damage_tiles(ov_damage *d, int layer, int n)
{
    ov_prim_list *l = &d->cur[layer];
    if (n < 0 || l->nth > INT32_MAX - n)
        return -1;
    if (l->nth + n > l->th_cap) {
        int cap = l->th_cap ? l->th_cap : 1024;
        while (cap < l->nth + n)
            cap *= 2;
        uint64_t *t = realloc(l->th, (size_t)cap * sizeof *t);
        if (!t)
            return -1;
        l->th = t;
        l->th_cap = cap;
    }
    int off = l->nth;
    l->nth += n;
    return off;
}

uint64_t *ov_damage_tile_at(ov_damage *d, int layer, int offset)
{
    return d->cur[layer].th + offset;
}

uint64_t ov_damage_hash(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    size_t i = 0;
    /* Each step maps h one to one for a given word, so inputs that differ
     * in one word give different hashes. */
    for (; i + 8 <= n; i += 8) {
        uint64_t v;
        memcpy(&v, b + i, 8);
        h = (h ^ v) * 0x9e3779b97f4a7c15ull;
        h ^= h >> 32;
    }
    for (; i < n; i++) {
        h ^= b[i];
        h *= 1099511628211ull;
    }
    return h;
}

/* Open-addressing set of hashes (0 stands for empty: hashes are stored
 * with their low bit set, so an equal pair is still told by comparing the
 * stored values). The set holds na + nb entries in two halves. */
static uint64_t key_of(uint64_t h)
{
    return h | 1u;
}

static size_t slot_of(uint64_t k, size_t mask)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdull;
    k ^= k >> 33;
    return (size_t)k & mask;
}

static void set_put(uint64_t *set, size_t mask, uint64_t h)
{
    uint64_t k = key_of(h);
    size_t i = slot_of(k, mask);
    while (set[i] && set[i] != k)
        i = (i + 1) & mask;
    set[i] = k;
}

static bool set_has(const uint64_t *set, size_t mask, uint64_t h)
{
    uint64_t k = key_of(h);
    for (size_t i = slot_of(k, mask); set[i]; i = (i + 1) & mask)
        if (set[i] == k)
            return true;
    return false;
}

/* Marks the tiles a primitive's box touches. */
static void mark(ov_damage *d, int tw, int th, const ov_prim *p)
{
    if (!(p->x1 > p->x0) || !(p->y1 > p->y0))
        return;
    double x0 = floor(p->x0), y0 = floor(p->y0), x1 = ceil(p->x1), y1 = ceil(p->y1);
    if (x1 <= 0 || y1 <= 0 || x0 >= d->width || y0 >= d->height)
        return;
    int a = x0 < 0 ? 0 : (int)x0 / OV_DAMAGE_TILE;
    int b = y0 < 0 ? 0 : (int)y0 / OV_DAMAGE_TILE;
    int c = x1 >= d->width ? tw - 1 : ((int)x1 - 1) / OV_DAMAGE_TILE;
    int e = y1 >= d->height ? th - 1 : ((int)y1 - 1) / OV_DAMAGE_TILE;
    for (int ty = b; ty <= e; ty++)
        memset(d->tiles + (size_t)ty * (size_t)tw + a, 1, (size_t)(c - a + 1));
}

/* Marks one tile (tx, ty) when it lies in the frame. */
static void mark_tile(ov_damage *d, int tw, int th, int tx, int ty)
{
    if (tx >= 0 && ty >= 0 && tx < tw && ty < th)
        d->tiles[(size_t)ty * (size_t)tw + tx] = 1;
}

/* Whether a and b are described tile by tile at the same place. */
static bool same_place(const ov_prim *a, const ov_prim *b)
{
    return a->place != 0 && a->place == b->place && a->tiles > 0 && b->tiles > 0;
}

/* a (of list A) replaced by b (of B) at the same place: the tiles either
 * box touches whose hashes differ (or that only one box touches). */
static void mark_changed(ov_damage *d, int tw, int th, const ov_prim_list *A, const ov_prim *a,
                         const ov_prim_list *B, const ov_prim *b)
{
    int sa[4], sb[4];
    int na = ov_damage_span(a->x0, a->y0, a->x1, a->y1, sa);
    int nb = ov_damage_span(b->x0, b->y0, b->x1, b->y1, sb);
    if (a->tiles - 1 + na > A->nth || b->tiles - 1 + nb > B->nth) {
        mark(d, tw, th, a);
        mark(d, tw, th, b);
        return;
    }
    const uint64_t *ha = A->th + a->tiles - 1, *hb = B->th + b->tiles - 1;
    int x0 = sa[0] < sb[0] ? sa[0] : sb[0], x1 = sa[1] > sb[1] ? sa[1] : sb[1];
    int y0 = sa[2] < sb[2] ? sa[2] : sb[2], y1 = sa[3] > sb[3] ? sa[3] : sb[3];
    for (int ty = y0; ty <= y1; ty++)
        for (int tx = x0; tx <= x1; tx++) {
            bool ina = na > 0 && tx >= sa[0] && tx <= sa[1] && ty >= sa[2] && ty <= sa[3];
            bool inb = nb > 0 && tx >= sb[0] && tx <= sb[1] && ty >= sb[2] && ty <= sb[3];
            if (!ina && !inb)
                continue;
            if (ina && inb &&
                ha[(ty - sa[2]) * (sa[1] - sa[0] + 1) + tx - sa[0]] ==
                    hb[(ty - sb[2]) * (sb[1] - sb[0] + 1) + tx - sb[0]])
                continue;
            mark_tile(d, tw, th, tx, ty);
        }
}

/* Diffs one layer: the greedy walk keeps the matched primitives in the
 * same order in both frames (a common subsequence of equal ones) and marks
 * every other one. false when out of memory. */
static bool diff(ov_damage *d, int tw, int th, const ov_prim_list *A, const ov_prim_list *B)
{
    size_t need = 1;
    while (need < 2 * (size_t)(A->n + B->n) + 2)
        need *= 2;
    need *= 2;   /* two sets: A's in the first half, B's in the second */
    if (need > d->set_cap) {
        uint64_t *s = realloc(d->set, need * sizeof *s);
        if (!s)
            return false;
        d->set = s;
        d->set_cap = need;
    }
    size_t half = need / 2, mask = half - 1;
    uint64_t *sa = d->set, *sb = d->set + half;
    memset(d->set, 0, need * sizeof *d->set);
    for (int i = 0; i < A->n; i++)
        set_put(sa, mask, A->v[i].h);
    for (int j = 0; j < B->n; j++)
        set_put(sb, mask, B->v[j].h);
    int i = 0, j = 0;
    while (i < A->n && j < B->n) {
        if (A->v[i].h == B->v[j].h) {
            i++;
            j++;
        } else if (same_place(&A->v[i], &B->v[j]) && !set_has(sb, mask, A->v[i].h) &&
                   !set_has(sa, mask, B->v[j].h)) {
            mark_changed(d, tw, th, A, &A->v[i++], B, &B->v[j++]);
        } else if (!set_has(sa, mask, B->v[j].h)) {
            mark(d, tw, th, &B->v[j++]);
        } else if (!set_has(sb, mask, A->v[i].h)) {
            mark(d, tw, th, &A->v[i++]);
        } else {
            mark(d, tw, th, &A->v[i++]);
            mark(d, tw, th, &B->v[j++]);
        }
    }
    for (; i < A->n; i++)
        mark(d, tw, th, &A->v[i]);
    for (; j < B->n; j++)
        mark(d, tw, th, &B->v[j]);
    return true;
}

static long area(ov_irect r)
{
    return (long)r.w * r.h;
}

static ov_irect unite(ov_irect a, ov_irect b)
{
    int x0 = a.x < b.x ? a.x : b.x, y0 = a.y < b.y ? a.y : b.y;
    int x1 = a.x + a.w > b.x + b.w ? a.x + a.w : b.x + b.w;
    int y1 = a.y + a.h > b.y + b.h ? a.y + a.h : b.y + b.h;
    return (ov_irect){x0, y0, x1 - x0, y1 - y0};
}

/* Adds r to the list, merging the two rectangles whose union grows the
 * area least while there are too many. (Rectangles may overlap after a
 * merge: disjoin unites them.) */
static void add_rect(ov_irect *list, int *n, ov_irect r)
{
    /* Extends a rectangle of the row above with the same columns. */
    for (int k = 0; k < *n; k++)
        if (list[k].x == r.x && list[k].w == r.w && list[k].y + list[k].h == r.y) {
            list[k].h += r.h;
            return;
        }
    list[(*n)++] = r;
    while (*n > OV_DAMAGE_RECTS) {
        int ba = 0, bb = 1;
        long best = -1;
        for (int a = 0; a < *n; a++)
            for (int b = a + 1; b < *n; b++) {
                long grow = area(unite(list[a], list[b])) - area(list[a]) - area(list[b]);
                if (best < 0 || grow < best) {
                    best = grow;
                    ba = a;
                    bb = b;
                }
            }
        list[ba] = unite(list[ba], list[bb]);
        list[bb] = list[--*n];
    }
}

static bool overlap(ov_irect a, ov_irect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/* Unites overlapping rectangles until none overlap (a merge in add_rect
 * may have made a rectangle reach into another): the frame then copies the
 * image into all of them before drawing in any. */
static void disjoin(ov_irect *list, int *n)
{
    bool again = true;
    while (again) {
        again = false;
        for (int a = 0; a < *n; a++)
            for (int b = a + 1; b < *n; b++)
                if (overlap(list[a], list[b])) {
                    list[a] = unite(list[a], list[b]);
                    list[b] = list[--*n];
                    again = true;   /* the grown one may now reach others */
                }
    }
}

void ov_damage_compute(ov_damage *d, int width, int height, bool full)
{
    bool ok = !full && d->prev_ok && d->width == width && d->height == height;
    int tw = (width + OV_DAMAGE_TILE - 1) / OV_DAMAGE_TILE;
    int th = (height + OV_DAMAGE_TILE - 1) / OV_DAMAGE_TILE;
    d->width = width;
    d->height = height;
    size_t nt = (size_t)tw * (size_t)th;
    if (ok && nt > d->tiles_cap) {
        uint8_t *t = realloc(d->tiles, nt);
        ok = t != NULL;
        if (t) {
            d->tiles = t;
            d->tiles_cap = nt;
        }
    }
    if (ok) {
        memset(d->tiles, 0, nt);
        for (int l = 0; l < OV_DAMAGE_LAYERS && ok; l++)
            ok = diff(d, tw, th, &d->prev[l], &d->cur[l]);
    }
    d->nrect = 0;
    if (ok) {
        /* Runs of marked tiles per tile row, joined down the rows. */
        ov_irect list[OV_DAMAGE_RECTS + 1];
        int n = 0;
        long marked = 0;
        for (int ty = 0; ty < th; ty++)
            for (int tx = 0; tx < tw;) {
                if (!d->tiles[(size_t)ty * (size_t)tw + tx]) {
                    tx++;
                    continue;
                }
                int t0 = tx;
                while (tx < tw && d->tiles[(size_t)ty * (size_t)tw + tx])
                    tx++;
                marked += tx - t0;
                int x = t0 * OV_DAMAGE_TILE, y = ty * OV_DAMAGE_TILE;
                int x1 = tx * OV_DAMAGE_TILE < width ? tx * OV_DAMAGE_TILE : width;
                int y1 = y + OV_DAMAGE_TILE < height ? y + OV_DAMAGE_TILE : height;
                add_rect(list, &n, (ov_irect){x, y, x1 - x, y1 - y});
            }
        disjoin(list, &n);
        long covered = 0;
        for (int k = 0; k < n; k++)
            covered += area(list[k]);
        (void)marked;
        /* Most of the frame changed: drawn whole, one pass. */
        ok = covered * 10 < (long)width * height * 6;
        if (ok) {
            memcpy(d->rect, list, (size_t)n * sizeof *list);
            d->nrect = n;
        }
    }
    d->full = !ok;
    for (int l = 0; l < OV_DAMAGE_LAYERS; l++) {
        ov_prim_list t = d->prev[l];
        d->prev[l] = d->cur[l];
        d->cur[l] = t;
        d->cur[l].n = 0;
        d->cur[l].nth = 0;
    }
    d->prev_ok = true;
}
