/* The loss range over a rectangle and the loss -> colour / height mapping.
 * See loss_range.h. */
#include "loss_range.h"

#include <math.h>
#include <string.h>

/* The smallest values seen so far, kept in a binary max-heap of at most
 * LOW_KEEP (no allocation: the range is computed on every change). */
#define LOW_KEEP (OV_LREF_GRID * OV_LREF_GRID / 100 + 1)

typedef struct lows {
    double v[LOW_KEEP];
    int n;
} lows;

static void swapd(double *a, double *b)
{
    double t = *a;
    *a = *b;
    *b = t;
}

static void lows_add(lows *h, double x)
{
    if (h->n < LOW_KEEP) {
        int i = h->n++;
        h->v[i] = x;
        while (i > 0 && h->v[(i - 1) / 2] < h->v[i]) {
            swapd(&h->v[(i - 1) / 2], &h->v[i]);
            i = (i - 1) / 2;
        }
        return;
    }
    if (!(x < h->v[0]))
        return;
    h->v[0] = x;
    for (int i = 0;;) {
        int l = 2 * i + 1, r = l + 1, m = i;
        if (l < h->n && h->v[l] > h->v[m])
            m = l;
        if (r < h->n && h->v[r] > h->v[m])
            m = r;
        if (m == i)
            break;
        swapd(&h->v[i], &h->v[m]);
        i = m;
    }
}

/* The k-th smallest value added (0-based), k < h->n; reorders h. */
static double lows_kth(lows *h, int k)
{
    /* Selection sort of the few kept values, smallest first. */
    for (int i = 0; i <= k; i++)
        for (int j = i + 1; j < h->n; j++)
            if (h->v[j] < h->v[i])
                swapd(&h->v[i], &h->v[j]);
    return h->v[k];
}

/* The k-th smallest of v[0 .. n) (0-based, k < n), by quickselect;
 * reorders v. */
static double kth_smallest(double *v, int n, int k)
{
    int lo = 0, hi = n - 1;
    while (lo < hi) {
        double pivot = v[(lo + hi) / 2];
        int i = lo, j = hi;
        while (i <= j) {
            while (v[i] < pivot)
                i++;
            while (v[j] > pivot)
                j--;
            if (i <= j)
                swapd(&v[i++], &v[j--]);
        }
        if (k <= j)
            hi = j;
        else if (k >= i)
            lo = i;
        else
            break;
    }
    return v[k];
}

/* A model's slice: the share of the sampled values the colours span. A
 * model's loss often explodes somewhere in the view (an exponential of a
 * parameter, a logit far out) by many decades; the top tenth of the view
 * then saturates instead of washing out the rest, where the paths are.
 * Formula surfaces keep the whole range. */
#define OV_PLANE_TOP_SHARE 0.9

void ov_loss_range_compute(const ov_surface *s, ov_rect r, ov_loss_range *out)
{
    const int n = OV_LREF_GRID;
    lows low = {.n = 0};
    int nv = 0;
    double all[OV_LREF_GRID * OV_LREF_GRID];
    double lo = INFINITY, hi = -INFINITY;
    for (int j = 0; j < n; j++) {
        double y = r.y0 + (j + 0.5) / n * (r.y1 - r.y0);
        for (int i = 0; i < n; i++) {
            double x = r.x0 + (i + 0.5) / n * (r.x1 - r.x0);
            double v = ov_surface_value(s, x, y);
            if (!isfinite(v))
                continue;
            lo = v < lo ? v : lo;
            hi = v > hi ? v : hi;
            lows_add(&low, v);
            all[nv++] = v;
        }
    }
    for (int k = 0; k < s->nminima; k++) {
        ov_vec2 m = s->minima[k];
        if (m.x < r.x0 || m.x > r.x1 || m.y < r.y0 || m.y > r.y1)
            continue;
        double v = ov_surface_value(s, m.x, m.y);
        if (isfinite(v) && v < lo)
            lo = v;
    }
    if (s->plane && nv > 1)
        hi = kth_smallest(all, nv, (int)(OV_PLANE_TOP_SHARE * (nv - 1)));
    if (!(lo <= hi)) {
        lo = 0.0;
        hi = 1.0;
    }
    double range = hi - lo;
    double floor_range = 1e-12 * fmax(1.0, fabs(lo));
    if (!(range > floor_range))
        range = floor_range;
    if (range > 1e36)
        range = 1e36;
    out->lref = fmax(fmin(lo, 1e37), -1e37);
    out->lmax = out->lref + range;
    out->delta = OV_LEVEL_DELTA * range;
    out->top = log10(range + out->delta);
    out->spread = 0.0;
    if (nv > 0) {
        double p1 = lows_kth(&low, nv / 100) - out->lref;
        out->spread = log10(range / fmax(p1, range * 1e-12));
    }
    out->log_auto = out->spread > OV_LOG_HEIGHT_DECADES;
}

double ov_loss_range_t(const ov_loss_range *lr, double L)
{
    if (!isfinite(L))
        return 0.0;
    double lg = log10(fmax(L - lr->lref, 0.0) + lr->delta);
    double t = (lg - lr->top) / OV_CMAP_DECADES + 1.0;
    return t < 0.0 ? 0.0 : (t > 1.0 ? 1.0 : t);
}

static uint64_t fnv(const char *s)
{
    uint64_t h = 14695981039346656037ull;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ull;
    }
    return h;
}

const ov_loss_range *ov_loss_range_get(ov_loss_range_cache *c, const ov_surface *s, ov_rect r)
{
    uint64_t h = fnv(ov_surface_key(s));
    if (!c->valid || c->formula_hash != h || memcmp(&c->rect, &r, sizeof r) != 0 ||
        memcmp(c->params, s->params, sizeof c->params) != 0) {
        ov_loss_range_compute(s, r, &c->range);
        c->formula_hash = h;
        c->rect = r;
        memcpy(c->params, s->params, sizeof c->params);
        c->valid = true;
    }
    return &c->range;
}
