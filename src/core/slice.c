/* The slice's text (--slice), its axes and random directions, the
 * projection onto the plane and the default view. See slice.h; the
 * principal directions are in slice_pca.c. */
#include "slice.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "noise.h"

const char *ov_slice_kind_name(ov_slice_kind kind)
{
    switch (kind) {
    case OV_SLICE_AXES:
        return "axes";
    case OV_SLICE_PCA:
        return "pca";
    case OV_SLICE_RANDOM:
        return "random";
    default:
        return "?";
    }
}

/* "a, b, c, d": the valid names, for messages (cut short when long). */
static void name_list(const char *const *names, int n, char *buf, size_t cap)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < n && used < cap; i++) {
        int w = snprintf(buf + used, cap - used, "%s%s", i ? ", " : "", names[i]);
        if (w < 0)
            return;
        used += (size_t)w;
    }
}

/* Index of the name text[0..len) in names, or -1. */
static int find_name(const char *text, size_t len, const char *const *names, int n)
{
    for (int i = 0; i < n; i++)
        if (strlen(names[i]) == len && strncmp(text, names[i], len) == 0)
            return i;
    return -1;
}

/* Parses "SEED": decimal digits only, 0 .. 2^32 - 1. */
static bool parse_seed(const char *text, uint64_t *seed)
{
    if (!*text || strlen(text) > 10)
        return false;
    for (const char *p = text; *p; p++)
        if (!isdigit((unsigned char)*p))
            return false;
    errno = 0;
    unsigned long long v = strtoull(text, NULL, 10);
    if (errno || v > 4294967295ull)
        return false;
    *seed = v;
    return true;
}

bool ov_slice_parse(const char *text, const char *const *names, int n, ov_slice *out,
                    char *err, size_t cap)
{
    char valid[512];
    if (n < 2 || n > OV_SLICE_MAX_DIM) {
        snprintf(err, cap, "a slice needs a model of 2 to %d parameters, not %d",
                 OV_SLICE_MAX_DIM, n);
        return false;
    }
    name_list(names, n, valid, sizeof valid);
    if (!text || !*text) {
        snprintf(err, cap, "no slice given: give two parameter names A,B (of %s), pca, "
                           "or random[:SEED]", valid);
        return false;
    }
    ov_slice s;
    memset(&s, 0, sizeof s);
    s.n = n;
    s.seed = OV_SLICE_DEFAULT_SEED;
    if (strcmp(text, "pca") == 0) {
        s.kind = OV_SLICE_PCA;
    } else if (strcmp(text, "random") == 0) {
        s.kind = OV_SLICE_RANDOM;
    } else if (strncmp(text, "random:", 7) == 0) {
        s.kind = OV_SLICE_RANDOM;
        if (!parse_seed(text + 7, &s.seed)) {
            snprintf(err, cap, "'%s': the seed after random: must be an integer 0 .. 4294967295",
                     text);
            return false;
        }
    } else {
        const char *comma = strchr(text, ',');
        if (!comma) {
            snprintf(err, cap, "'%s' is not a slice: give two parameter names A,B (of %s), "
                               "pca, or random[:SEED]", text, valid);
            return false;
        }
        if (strchr(comma + 1, ',')) {
            snprintf(err, cap, "'%s': a slice has two axes, A,B (of %s)", text, valid);
            return false;
        }
        const char *second = comma + 1;
        size_t la = (size_t)(comma - text), lb = strlen(second);
        int a = find_name(text, la, names, n), b = find_name(second, lb, names, n);
        if (a < 0 || b < 0) {
            const char *bad = a < 0 ? text : second;
            int len = (int)(a < 0 ? la : lb);
            snprintf(err, cap, "unknown parameter '%.*s' in slice '%s': the model's parameters "
                               "are %s", len, bad, text, valid);
            return false;
        }
        if (a == b) {
            snprintf(err, cap, "slice '%s': the two axes must be different parameters (of %s)",
                     text, valid);
            return false;
        }
        s.kind = OV_SLICE_AXES;
        s.a = a;
        s.b = b;
        s.follow = true;
        s.d1[a] = 1.0;
        s.d2[b] = 1.0;
    }
    *out = s;
    return true;
}

bool ov_slice_format(const ov_slice *s, const char *const *names, char *buf, size_t cap)
{
    int w;
    switch (s->kind) {
    case OV_SLICE_AXES:
        if (s->a < 0 || s->a >= s->n || s->b < 0 || s->b >= s->n)
            return false;
        w = snprintf(buf, cap, "%s,%s", names[s->a], names[s->b]);
        break;
    case OV_SLICE_PCA:
        w = snprintf(buf, cap, "pca");
        break;
    case OV_SLICE_RANDOM:
        if (s->seed == OV_SLICE_DEFAULT_SEED)
            w = snprintf(buf, cap, "random");
        else
            w = snprintf(buf, cap, "random:%llu", (unsigned long long)s->seed);
        break;
    default:
        return false;
    }
    return w >= 0 && (size_t)w < cap;
}

void ov_slice_axes(ov_slice *s, const double *head)
{
    for (int i = 0; i < s->n; i++) {
        s->o[i] = head[i];
        s->d1[i] = s->d2[i] = 0.0;
    }
    s->o[s->a] = s->o[s->b] = 0.0;
    s->d1[s->a] = 1.0;
    s->d2[s->b] = 1.0;
    s->explained = 0.0;
}

static double norm(const double *v, int n)
{
    double s = 0.0;
    for (int i = 0; i < n; i++)
        s += v[i] * v[i];
    return sqrt(s);
}

/* Scales d in place as ov_slice_random describes, against o. */
static void normalise(double *d, const double *o, int n, const int *group)
{
    if (!group) {
        double no = norm(o, n), nd = norm(d, n);
        double f = nd > 0.0 ? (no > 0.0 ? no : 1.0) / nd : 0.0;
        for (int i = 0; i < n; i++)
            d[i] *= f;
        return;
    }
    double so[OV_SLICE_MAX_DIM] = {0}, sd[OV_SLICE_MAX_DIM] = {0};
    for (int i = 0; i < n; i++) {
        int g = group[i];
        if (g >= 0 && g < OV_SLICE_MAX_DIM) {
            so[g] += o[i] * o[i];
            sd[g] += d[i] * d[i];
        }
    }
    for (int i = 0; i < n; i++) {
        int g = group[i];
        if (g < 0 || g >= OV_SLICE_MAX_DIM || !(sd[g] > 0.0))
            d[i] = 0.0;
        else
            d[i] *= sqrt(so[g]) / sqrt(sd[g]);
    }
}

void ov_slice_random(ov_slice *s, const double *o, const int *group)
{
    const int n = s->n;
    double z[2 * OV_SLICE_MAX_DIM];
    ov_rng rng;
    ov_rng_seed(&rng, s->seed);
    for (int i = 0; i < 2 * n; i += 2)
        ov_rng_normal2(&rng, z + i);
    for (int i = 0; i < n; i++) {
        s->o[i] = o[i];
        s->d1[i] = z[i];
        s->d2[i] = z[n + i];
    }
    normalise(s->d1, s->o, n, group);
    normalise(s->d2, s->o, n, group);
    s->explained = 0.0;
}

void ov_slice_point(const ov_slice *s, double x, double y, double *w)
{
    for (int i = 0; i < s->n; i++)
        w[i] = s->o[i] + x * s->d1[i] + y * s->d2[i];
}

/* The plane's orthonormal basis by Gram-Schmidt: d1 = a·u1, d2 = c·u1 +
 * b·u2 (u1, u2 orthonormal, or zero where the plane has less dimension),
 * so that least squares reduces to two dot products. */
typedef struct basis {
    double u1[OV_SLICE_MAX_DIM], u2[OV_SLICE_MAX_DIM];
    double a, b, c;
    int mode;   /* 2: a plane; 1: only d1 counts; 3: only d2; 0: nothing */
} basis;

static void basis_of(const ov_slice *s, basis *q)
{
    const int n = s->n;
    double n1 = norm(s->d1, n), n2 = norm(s->d2, n);
    memset(q, 0, sizeof *q);
    if (!(n1 > 0.0)) {
        if (n2 > 0.0) {
            q->mode = 3;
            q->a = n2;
            for (int i = 0; i < n; i++)
                q->u1[i] = s->d2[i] / n2;
        }
        return;
    }
    q->a = n1;
    for (int i = 0; i < n; i++)
        q->u1[i] = s->d1[i] / n1;
    double c = 0.0;
    for (int i = 0; i < n; i++)
        c += q->u1[i] * s->d2[i];
    /* Twice (classical Gram-Schmidt re-orthogonalised) for accuracy when
     * the two directions are nearly parallel. */
    double e[OV_SLICE_MAX_DIM];
    for (int i = 0; i < n; i++)
        e[i] = s->d2[i] - c * q->u1[i];
    double c2 = 0.0;
    for (int i = 0; i < n; i++)
        c2 += q->u1[i] * e[i];
    for (int i = 0; i < n; i++)
        e[i] -= c2 * q->u1[i];
    c += c2;
    double b = norm(e, n);
    q->c = c;
    if (!(b > 1e-12 * n2)) {
        q->mode = 1;
        return;
    }
    q->mode = 2;
    q->b = b;
    for (int i = 0; i < n; i++)
        q->u2[i] = e[i] / b;
}

static void project_one(const ov_slice *s, const basis *q, const double *w, double *x,
                        double *y, double *dist)
{
    const int n = s->n;
    double p1 = 0.0, p2 = 0.0;
    for (int i = 0; i < n; i++) {
        double r = w[i] - s->o[i];
        p1 += q->u1[i] * r;
        p2 += q->u2[i] * r;
    }
    double px = 0.0, py = 0.0;
    switch (q->mode) {
    case 2:
        py = p2 / q->b;
        px = (p1 - q->c * py) / q->a;
        break;
    case 1:
        px = p1 / q->a;
        break;
    case 3:
        py = p1 / q->a;
        break;
    default:
        break;
    }
    if (x)
        *x = px;
    if (y)
        *y = py;
    if (dist) {
        double r2 = 0.0;
        for (int i = 0; i < n; i++) {
            double r = s->o[i] + px * s->d1[i] + py * s->d2[i] - w[i];
            r2 += r * r;
        }
        *dist = sqrt(r2);
    }
}

void ov_slice_project(const ov_slice *s, const double *w, double *x, double *y, double *dist)
{
    basis q;
    basis_of(s, &q);
    project_one(s, &q, w, x, y, dist);
}

void ov_slice_project_many(const ov_slice *s, const double *w, int count, double *xy,
                           double *dist)
{
    basis q;
    basis_of(s, &q);
    for (int k = 0; k < count; k++)
        project_one(s, &q, w + (size_t)k * (size_t)s->n, &xy[2 * k], &xy[2 * k + 1],
                    dist ? &dist[k] : NULL);
}

int ov_slice_sample_count(const ov_slice_path *paths, int npaths, int max)
{
    long long total = 0;
    for (int p = 0; p < npaths; p++)
        total += paths[p].count > 0 ? paths[p].count : 0;
    return total < max ? (int)total : max;
}

const double *ov_slice_sample_at(const ov_slice_path *paths, int npaths, int n, int m, int k)
{
    long long total = 0;
    for (int p = 0; p < npaths; p++)
        total += paths[p].count > 0 ? paths[p].count : 0;
    /* Point floor(k·total/m) of the paths one after another. */
    long long at = m > 0 ? (long long)k * total / m : 0;
    for (int p = 0; p < npaths; p++) {
        long long c = paths[p].count > 0 ? paths[p].count : 0;
        if (at < c)
            return paths[p].w + (size_t)at * (size_t)n;
        at -= c;
    }
    return NULL;
}

typedef struct bounds {
    double x0, x1, y0, y1;
    int count;
} bounds;

static void bounds_add(const ov_slice *s, const basis *q, const double *w, bounds *b)
{
    double x, y;
    project_one(s, q, w, &x, &y, NULL);
    if (!isfinite(x) || !isfinite(y))
        return;
    if (b->count++ == 0) {
        b->x0 = b->x1 = x;
        b->y0 = b->y1 = y;
        return;
    }
    b->x0 = fmin(b->x0, x);
    b->x1 = fmax(b->x1, x);
    b->y0 = fmin(b->y0, y);
    b->y1 = fmax(b->y1, y);
}

ov_rect ov_slice_view(const ov_slice *s, const ov_slice_path *paths, int npaths)
{
    basis q;
    basis_of(s, &q);
    bounds b = {0.0, 0.0, 0.0, 0.0, 0};
    int m = ov_slice_sample_count(paths, npaths, OV_SLICE_PCA_MAX_POINTS);
    for (int k = 0; k < m; k++)
        bounds_add(s, &q, ov_slice_sample_at(paths, npaths, s->n, m, k), &b);
    for (int p = 0; p < npaths; p++)
        if (paths[p].count > 0)
            bounds_add(s, &q, paths[p].w + (size_t)(paths[p].count - 1) * (size_t)s->n, &b);
    double cx = 0.5 * (b.x0 + b.x1), cy = 0.5 * (b.y0 + b.y1);
    double hw = 0.5 * (b.x1 - b.x0), hh = 0.5 * (b.y1 - b.y0);
    double big = fmax(hw, hh);
    if (!(big > 1e-12 * fmax(1.0, fmax(fabs(cx), fabs(cy))))) {
        double h = fmax(1.0, 0.5 * fmax(fabs(cx), fabs(cy)));
        return (ov_rect){cx - h, cx + h, cy - h, cy + h};
    }
    hw = fmax(hw, 0.5 * big) * 1.3;
    hh = fmax(hh, 0.5 * big) * 1.3;
    return (ov_rect){cx - hw, cx + hw, cy - hh, cy + hh};
}
