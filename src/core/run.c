/* Computing a run: every step of one optimiser from one start point, stored
 * as finite iterates with their loss, stopping at the first divergent one.
 * The loss and gradient at each stored iterate are evaluated once and handed
 * to the optimiser through a one-entry cache, so GD-like methods cost one
 * gradient evaluation per step. */
#include "run.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__)
#include <xmmintrin.h>
/* Runs are computed with subnormal numbers flushed to zero (MXCSR FTZ and
 * DAZ bits, restored afterwards): a converging run otherwise spends most of
 * its time in microcode once |w| falls below 1e-154 and w^2 turns subnormal,
 * 5x slower, for a difference below 1e-308. */
static unsigned ov_run_fp_begin(void)
{
    unsigned old = _mm_getcsr();
    _mm_setcsr(old | 0x8040u);
    return old;
}

static void ov_run_fp_end(unsigned old)
{
    _mm_setcsr(old);
}
#else
static unsigned ov_run_fp_begin(void)
{
    return 0;
}

static void ov_run_fp_end(unsigned old)
{
    (void)old;
}
#endif

/* The last stored iterate, with its loss and (when has_grad) its gradient. */
typedef struct ov_run_cache {
    const ov_surface *surface;
    double w[2];
    double f;
    double g[2];
    bool has_grad;
} ov_run_cache;

static void ov_run_eval(void *ctx, const double w[2], double *f, double g[2], double h[3])
{
    ov_run_cache *c = ctx;
    if (h) {
        ov_surface_hess(c->surface, w[0], w[1], f, g, h);
    } else if (c->has_grad && w[0] == c->w[0] && w[1] == c->w[1]) {
        *f = c->f;
        g[0] = c->g[0];
        g[1] = c->g[1];
    } else {
        ov_surface_grad(c->surface, w[0], w[1], f, g);
    }
}

void ov_run_init(ov_run *run, const ov_optim_params *params)
{
    memset(run, 0, sizeof *run);
    if (params)
        run->params = *params;
}

void ov_run_deinit(ov_run *run)
{
    if (!run)
        return;
    free(run->x);
    free(run->y);
    free(run->loss);
    run->x = run->y = run->loss = NULL;
    run->n = run->capacity = 0;
}

/* Makes room for cap iterates, keeping the arrays when they are big enough. */
static bool ov_run_reserve(ov_run *run, int cap)
{
    if (run->capacity >= cap)
        return true;
    size_t bytes = (size_t)cap * sizeof(double);
    double *x = realloc(run->x, bytes);
    if (x)
        run->x = x;
    double *y = realloc(run->y, bytes);
    if (y)
        run->y = y;
    double *loss = realloc(run->loss, bytes);
    if (loss)
        run->loss = loss;
    if (!x || !y || !loss)
        return false;
    run->capacity = cap;
    return true;
}

/* True when (x, y) with loss f may be stored (DESIGN.md's divergence rule:
 * finite, |x|, |y| at most OV_DIVERGE_LIMIT). A NaN or infinite coordinate
 * fails the bound test too, so it needs no isfinite of its own. */
static bool ov_run_acceptable(double x, double y, double f)
{
    return fabs(x) <= OV_DIVERGE_LIMIT && fabs(y) <= OV_DIVERGE_LIMIT && isfinite(f);
}

bool ov_run_compute(ov_run *run, const ov_surface *s, ov_vec2 start, int steps)
{
    run->n = 0;
    run->diverged = false;
    run->diverged_step = 0;
    if (steps < 1)
        steps = 1;
    if (steps > OV_RUN_MAX_STEPS)
        steps = OV_RUN_MAX_STEPS;
    if (!ov_run_reserve(run, steps + 1))
        return false;

    ov_run_cache cache = {.surface = s, .w = {start.x, start.y}};
    ov_oracle oracle = {.ctx = &cache, .eval = ov_run_eval};
    ov_optim_state st;
    ov_optim_state_init(&st, &run->params);
    double w[2] = {start.x, start.y};
    const ov_optim_info *info = ov_optim_info_of(run->params.kind);
    const bool lookahead = info && info->lookahead;
    unsigned fp = ov_run_fp_begin();

    for (int i = 0; i <= steps; i++) {
        if (i > 0 && !ov_optim_step(&run->params, &st, w, &oracle)) {
            /* Non-finite gradient: the next iterate cannot be computed. */
            run->diverged = true;
            run->diverged_step = i;
            break;
        }
        /* Nesterov asks for the gradient at a look-ahead point, not here. */
        if (lookahead) {
            cache.f = ov_surface_value(s, w[0], w[1]);
        } else {
            ov_surface_grad(s, w[0], w[1], &cache.f, cache.g);
            cache.has_grad = true;
        }
        cache.w[0] = w[0];
        cache.w[1] = w[1];
        if (!ov_run_acceptable(w[0], w[1], cache.f)) {
            run->diverged = true;
            run->diverged_step = i;
            break;
        }
        run->x[i] = w[0];
        run->y[i] = w[1];
        run->loss[i] = cache.f;
        run->n = i + 1;
    }
    ov_run_fp_end(fp);
    return true;
}

bool ov_run_copy(ov_run *dst, const ov_run *src)
{
    if (!ov_run_reserve(dst, src->n > 0 ? src->n : 1))
        return false;
    size_t bytes = (size_t)src->n * sizeof(double);
    if (bytes) {
        memcpy(dst->x, src->x, bytes);
        memcpy(dst->y, src->y, bytes);
        memcpy(dst->loss, src->loss, bytes);
    }
    dst->params = src->params;
    dst->n = src->n;
    dst->diverged = src->diverged;
    dst->diverged_step = src->diverged_step;
    return true;
}
