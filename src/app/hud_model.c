/* The HUD's words for a model scene: the slice, the targeted run's
 * distance from it, the local condition number of the model's Hessian at
 * that run's head (core/theory.h, kept in the caller's cache until the
 * model or the head moves), and the axes' names. */
#include "hud_model.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "controls_anim.h"
#include "core/model.h"
#include "core/slice.h"
#include "core/theory.h"
#include "hud_text.h"
#include "panels.h"

void ov_hud_format_ratio(double v, char *buf, size_t cap)
{
    if (isinf(v)) {
        snprintf(buf, cap, "\xe2\x88\x9e");
        return;
    }
    if (!(fabs(v) >= 1e3)) {
        snprintf(buf, cap, "%.3g", v);
        return;
    }
    int e = (int)floor(log10(fabs(v)));
    double m = v / pow(10.0, e);
    if (fabs(m) >= 9.95) {   /* 9.96e4 rounds to 10.0: write 1.0e5 */
        m /= 10;
        e++;
    }
    snprintf(buf, cap, "%.1fe%d", m, e);
}

/* FNV-1a over n bytes, continuing from h. */
static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 1099511628211u;
    return h;
}

/* A hash of what defines m's loss (formula, parameter names, loss kind,
 * data): equal for a model and its clone, different (but for a 2^-64
 * chance) for another model, even one allocated where m was. */
static uint64_t model_key(const ov_model *m)
{
    uint64_t h = 14695981039346656037u;
    h = fnv(h, m->formula, strlen(m->formula) + 1);
    for (int i = 0; i < m->n; i++)
        h = fnv(h, m->param_names[i], strlen(m->param_names[i]) + 1);
    const int head[4] = {m->n, (int)m->loss, m->data.ninputs, m->data.nrows};
    h = fnv(h, head, sizeof head);
    h = fnv(h, m->data.in, (size_t)m->data.nrows * sizeof m->data.in[0]);
    return fnv(h, m->data.y, (size_t)m->data.nrows * sizeof m->data.y[0]);
}

/* Whether the cache's point is still run's iterate there: a lagging value
 * is only of the path shown (not of another run, nor of a run replaced by
 * a new α, method or start). */
static bool on_path(const ov_curvature_cache *c, const ov_run *run)
{
    if (c->step < 0 || c->step >= run->n)
        return false;
    if (run->w)
        return run->dim == c->n &&
               memcmp(run->w + (size_t)c->step * (size_t)run->dim, c->w,
                      (size_t)c->n * sizeof c->w[0]) == 0;
    return c->n == 2 && memcmp(&run->x[c->step], &c->w[0], sizeof c->w[0]) == 0 &&
           memcmp(&run->y[c->step], &c->w[1], sizeof c->w[1]) == 0;
}

/* m's local curvature at w (iterate step of run), from cache when it holds
 * that of the same model at the same point (bit for bit), else worked out
 * and kept. With lag set and the cache's curvature of the same model from
 * an iterate of the same path less than stride away, that one is given
 * instead; *at is the iterate the curvature given belongs to. */
static ov_local_curvature curvature_at(const ov_model *m, const double *w, const ov_run *run,
                                       int step, ov_curvature_cache *cache, bool lag, int stride,
                                       int *at)
{
    ov_local_curvature lc;
    uint64_t key = cache ? model_key(m) : 0;
    size_t bytes = (size_t)m->n * sizeof w[0];
    bool same = cache && cache->valid && cache->model_key == key && cache->n == m->n;
    if (same && (memcmp(cache->w, w, bytes) == 0 ||
                 (lag && abs(step - cache->step) < stride && on_path(cache, run)))) {
        *at = cache->step;
        return cache->lc;
    }
    ov_objective obj = ov_model_objective(m);
    ov_theory_local_curvature(&obj, w, &lc);
    *at = step;
    if (cache) {
        cache->valid = true;
        cache->model_key = key;
        cache->n = m->n;
        memcpy(cache->w, w, bytes);
        cache->step = step;
        cache->lc = lc;
        cache->computed++;
    }
    return lc;
}

bool ov_hud_model_head(const ov_app_state *st, ov_curvature_cache *cache, double *off,
                       double *kappa, double *kappa_abs, bool *convex, int *at)
{
    const ov_scene *sc = &st->sc.scene;
    double w[OV_OBJECTIVE_MAX_DIM];
    int step;
    if (!sc->model || !ov_panel_fit_params(st, w, &step))
        return false;
    const ov_run *run = &sc->runs[ov_panel_fit_run(st)];
    *off = run->off ? run->off[step] : 0.0;
    const ov_model *m = sc->model;
    bool lag = cache && cache->lag_while_playing && ov_controls_moving(st) &&
               ov_model_hessian_per_step(m->n, m->data.nrows) > OV_HUD_CURVATURE_WORK;
    int stride = ov_controls_last_step(st) / 20;
    int from = step;
    ov_local_curvature lc =
        curvature_at(m, w, run, step, cache, lag, stride > 1 ? stride : 1, &from);
    if (at)
        *at = from == step ? -1 : from;   /* a lagging value is of this path (on_path) */
    *kappa = lc.kappa;
    *kappa_abs = lc.kappa_abs;
    *convex = lc.shape == OV_LOCAL_CONVEX;
    if (lc.shape == OV_LOCAL_UNKNOWN)
        *kappa = *kappa_abs = NAN;
    return true;
}

int ov_hud_model_lines(const ov_app_state *st, ov_curvature_cache *cache, char (*lines)[192],
                       int max)
{
    const ov_scene *sc = &st->sc.scene;
    if (!sc->model || max < 1)
        return 0;
    const ov_slice *s = &sc->slice;
    const char *const *names = sc->model->param_name_list;
    int n = 0;
    switch (s->kind) {
    case OV_SLICE_AXES: {
        int fr = sc->slice_run >= 0 && sc->slice_run < sc->nruns ? sc->slice_run : 0;
        if (!s->follow || sc->nruns < 1)
            snprintf(lines[n], 192, "slice: %s, %s (fixed)", names[s->a], names[s->b]);
        else
            snprintf(lines[n], 192, "slice: %s, %s (following %s)", names[s->a], names[s->b],
                     ov_optim_info_of(sc->runs[fr].params.kind)->name);
        break;
    }
    case OV_SLICE_PCA:
        snprintf(lines[n], 192, "slice: pca, %.1f%% of variance", 100.0 * s->explained);
        break;
    default:   /* random: the seed always shown, the default one too */
        snprintf(lines[n], 192, "slice: random:%llu", (unsigned long long)s->seed);
        break;
    }
    n++;
    double off, kappa, kabs;
    bool convex;
    int at;
    if (n < max && ov_hud_model_head(st, cache, &off, &kappa, &kabs, &convex, &at)) {
        char k[48], over[64] = "";
        /* Beyond two parameters, say that this κ is the whole Hessian's
         * (the curvature panel's is the slice's); one from an earlier
         * iterate says which. */
        if (st->sc.scene.model->n > 2 && at >= 0)
            snprintf(over, sizeof over, " (all %d parameters, at step %d)", st->sc.scene.model->n,
                     at);
        else if (st->sc.scene.model->n > 2)
            snprintf(over, sizeof over, " (all %d parameters)", st->sc.scene.model->n);
        else if (at >= 0)
            snprintf(over, sizeof over, " (at step %d)", at);
        if (convex) {
            ov_hud_format_ratio(kappa, k, sizeof k);
            snprintf(lines[n], 192, "off plane: %.3g   \xce\xba = %s%s", off, k, over);
        } else if (isnan(kabs)) {
            snprintf(lines[n], 192, "off plane: %.3g   \xce\xba: Hessian not finite", off);
        } else {
            ov_hud_format_ratio(kabs, k, sizeof k);
            snprintf(lines[n], 192, "off plane: %.3g   non-convex, |\xce\xbb| ratio %s%s", off, k,
                     over);
        }
        n++;
    }
    return n;
}

bool ov_hud_axis_names(const ov_app_state *st, char *x, char *y, size_t cap)
{
    const ov_scene *sc = &st->sc.scene;
    if (!sc->model)
        return false;
    if (sc->slice.kind == OV_SLICE_AXES) {
        snprintf(x, cap, "%s", sc->model->param_name_list[sc->slice.a]);
        snprintf(y, cap, "%s", sc->model->param_name_list[sc->slice.b]);
    } else {
        snprintf(x, cap, "d1");
        snprintf(y, cap, "d2");
    }
    return true;
}
