/* Plane surfaces: a 2-D slice o + x·d1 + y·d2 of an N-parameter objective
 * drawn and evaluated like any surface, with up to OV_EXPR_MAX_PARAMS
 * coordinates of o as parameters (uniforms in the shaders). See
 * ov_surface_create_plane in surface.h. */
#include "surface_plane.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ov_surface_plane {
    ov_objective obj;
    int n;
    double o[OV_SLICE_MAX_DIM], d1[OV_SLICE_MAX_DIM], d2[OV_SLICE_MAX_DIM];
    int nfollow;
    int follow[OV_EXPR_MAX_PARAMS];
    char names[OV_EXPR_MAX_PARAMS][64];
    char *glsl;
    char *summary;
    char key[96];
};

/* FNV-1a over bytes, continued from h. */
static uint64_t fnv(uint64_t h, const void *data, size_t len)
{
    const unsigned char *b = data;
    for (size_t i = 0; i < len; i++) {
        h ^= b[i];
        h *= 1099511628211ull;
    }
    return h;
}

/* The key: the name and a hash of everything baked into the plane (the
 * followed coordinates of o are parameters, so they are left out). */
static void make_key(ov_surface_plane *p, const char *name)
{
    uint64_t h = 14695981039346656037ull;
    h = fnv(h, p->glsl, strlen(p->glsl));
    h = fnv(h, &p->n, sizeof p->n);
    h = fnv(h, &p->nfollow, sizeof p->nfollow);
    h = fnv(h, p->follow, sizeof p->follow[0] * (size_t)p->nfollow);
    for (int i = 0; i < p->n; i++) {
        bool followed = false;
        for (int k = 0; k < p->nfollow; k++)
            followed = followed || p->follow[k] == i;
        double v[3] = {followed ? 0.0 : p->o[i], p->d1[i], p->d2[i]};
        h = fnv(h, v, sizeof v);
    }
    snprintf(p->key, sizeof p->key, "plane %.40s #%016llx", name, (unsigned long long)h);
}

static char *dup(const char *s)
{
    size_t len = strlen(s) + 1;
    char *d = malloc(len);
    if (d)
        memcpy(d, s, len);
    return d;
}

ov_surface *ov_surface_create_plane(const char *name, const char *summary, ov_objective obj,
                                    const ov_slice *slice, const int *follow,
                                    const char *const *follow_names, int nfollow, char *glsl,
                                    ov_rect view, char *err, size_t cap)
{
    const char *why = NULL;
    if (!name || !summary || !slice || !glsl || !obj.eval)
        why = "a plane needs a name, a summary, an objective, a slice and GLSL";
    else if (slice->n < 2 || slice->n > OV_SLICE_MAX_DIM || slice->n != obj.n)
        why = "the slice's dimension is not the objective's (2 .. 64)";
    else if (nfollow < 0 || nfollow > OV_EXPR_MAX_PARAMS || (nfollow && (!follow || !follow_names)))
        why = "a plane follows at most 8 coordinates, each with a name";
    for (int k = 0; !why && k < nfollow; k++) {
        if (follow[k] < 0 || follow[k] >= slice->n || !follow_names[k])
            why = "a followed coordinate is out of range or has no name";
        for (int j = 0; !why && j < k; j++)
            if (follow[j] == follow[k] || strcmp(follow_names[j], follow_names[k]) == 0)
                why = "a coordinate is followed twice";
    }
    if (why) {
        snprintf(err, cap, "%s", why);
        free(glsl);
        return NULL;
    }
    ov_surface *s = calloc(1, sizeof *s);
    ov_surface_plane *p = calloc(1, sizeof *p);
    char *sum = dup(summary);
    if (!s || !p || !sum) {
        snprintf(err, cap, "out of memory");
        free(s);
        free(p);
        free(sum);
        free(glsl);
        return NULL;
    }
    p->obj = obj;
    p->n = slice->n;
    memcpy(p->o, slice->o, sizeof p->o);
    memcpy(p->d1, slice->d1, sizeof p->d1);
    memcpy(p->d2, slice->d2, sizeof p->d2);
    p->nfollow = nfollow;
    for (int k = 0; k < nfollow; k++) {
        p->follow[k] = follow[k];
        snprintf(p->names[k], sizeof p->names[k], "%s", follow_names[k]);
        s->params[k] = slice->o[follow[k]];
    }
    p->glsl = glsl;
    p->summary = sum;
    make_key(p, name);
    snprintf(s->name, sizeof s->name, "%s", name);
    s->nparams = nfollow;
    s->view = view;
    s->start = (ov_vec2){0.5 * (view.x0 + view.x1), 0.5 * (view.y0 + view.y1)};
    s->plane = p;
    return s;
}

void ov_surface_plane_free(ov_surface_plane *p)
{
    if (!p)
        return;
    free(p->glsl);
    free(p->summary);
    free(p);
}

bool ov_surface_plane_follow(ov_surface *s, const double *w)
{
    const ov_surface_plane *p = s->plane;
    bool changed = false;
    for (int k = 0; p && k < p->nfollow; k++) {
        double v = w[p->follow[k]];
        /* Compared by bits: a change of -0 to 0 or of one NaN to another
         * is a change for the caches, which compare bytes. */
        if (memcmp(&s->params[k], &v, sizeof v) != 0) {
            s->params[k] = v;
            changed = true;
        }
    }
    return changed;
}

int ov_surface_plane_param(const ov_surface *s, const char *name)
{
    const ov_surface_plane *p = s->plane;
    for (int k = 0; p && name && k < p->nfollow; k++)
        if (strcmp(p->names[k], name) == 0)
            return k;
    return -1;
}

const char *ov_surface_plane_key(const ov_surface_plane *p)
{
    return p->key;
}

const char *ov_surface_plane_summary(const ov_surface_plane *p)
{
    return p->summary;
}

const char *ov_surface_plane_glsl(const ov_surface *s)
{
    return s->plane ? s->plane->glsl : NULL;
}

void ov_surface_plane_eval(const ov_surface *s, double x, double y, double *f, double *g,
                           double *h)
{
    const ov_surface_plane *p = s->plane;
    const int n = p->n;
    double w[OV_SLICE_MAX_DIM], gw[OV_SLICE_MAX_DIM];
    for (int i = 0; i < n; i++)
        w[i] = p->o[i] + x * p->d1[i] + y * p->d2[i];
    for (int k = 0; k < p->nfollow; k++) {
        int i = p->follow[k];
        w[i] = s->params[k] + x * p->d1[i] + y * p->d2[i];
    }
    /* n*n doubles (32 KiB at n = 64) on the heap: the browser's stack is
     * small. The Hessian is asked for rarely (theory, the explainer). */
    double *hw = h ? malloc((size_t)n * (size_t)n * sizeof *hw) : NULL;
    double fv = NAN;
    if (h && !hw) {
        h[0] = h[1] = h[2] = NAN;
        h = NULL;
    }
    p->obj.eval(p->obj.ctx, w, &fv, g || h ? gw : NULL, hw);
    if (f)
        *f = fv;
    if (g || h) {
        double g1 = 0.0, g2 = 0.0;
        for (int i = 0; i < n; i++) {
            g1 += gw[i] * p->d1[i];
            g2 += gw[i] * p->d2[i];
        }
        if (g) {
            g[0] = g1;
            g[1] = g2;
        }
    }
    if (hw) {
        /* d1ᵀHd1, d1ᵀHd2, d2ᵀHd2, through Hd1 and Hd2. */
        double aa = 0.0, ab = 0.0, bb = 0.0;
        for (int i = 0; i < n; i++) {
            double h1 = 0.0, h2 = 0.0;
            for (int j = 0; j < n; j++) {
                h1 += hw[i * n + j] * p->d1[j];
                h2 += hw[i * n + j] * p->d2[j];
            }
            aa += p->d1[i] * h1;
            ab += p->d1[i] * h2;
            bb += p->d2[i] * h2;
        }
        h[0] = aa;
        h[1] = ab;
        h[2] = bb;
        free(hw);
    }
}
