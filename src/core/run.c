/* Computing a run: every step of one optimiser from one start point, stored
 * as finite iterates with their loss, stopping at the first divergent one.
 * The loss and gradient at each stored iterate are evaluated once and handed
 * to the optimiser through a one-entry cache, so GD-like methods cost one
 * gradient evaluation per step; the optimiser sees them through the run's
 * oracle (seeded gradient noise, the curve rule of one-variable formulas).
 * The loss is an ov_objective of n coordinates (a surface's: n = 2). */
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
unsigned ov_run_fp_begin(void)
{
    unsigned old = _mm_getcsr();
    _mm_setcsr(old | 0x8040u);
    return old;
}

void ov_run_fp_end(unsigned old)
{
    _mm_setcsr(old);
}
#else
unsigned ov_run_fp_begin(void)
{
    return 0;
}

void ov_run_fp_end(unsigned old)
{
    (void)old;
}
#endif

static void ov_run_eval(void *ctx, const double *w, double *f, double *g, double *h)
{
    ov_run_oracle *c = ctx;
    const ov_objective *obj = &c->obj;
    const int n = obj->n;
    bool hit = !h && c->has_grad;
    for (int k = 0; hit && k < n; k++)
        hit = w[k] == c->w[k];
    if (hit) {
        *f = c->f;
        for (int k = 0; k < n; k++)
            g[k] = c->g[k];
    } else {
        obj->eval(obj->ctx, w, f, g, h);
    }
    if (c->sigma > 0.0) {
        for (int k = 0; k < n; k += 2) {
            double z[2];
            ov_rng_normal2(&c->rng, z);
            g[k] += c->sigma * z[0];
            if (k + 1 < n)
                g[k + 1] += c->sigma * z[1];
        }
    }
    for (int k = obj->active > 0 ? obj->active : n; k < n; k++)
        g[k] = 0.0;
}

void ov_run_oracle_init(ov_run_oracle *o, const ov_objective *obj, ov_noise noise)
{
    memset(o, 0, sizeof *o);
    o->obj = *obj;
    o->sigma = noise.sigma > 0.0 && isfinite(noise.sigma) ? noise.sigma : 0.0;
    ov_rng_seed(&o->rng, noise.seed);
}

ov_oracle ov_run_oracle_bind(ov_run_oracle *o)
{
    const int active = o->obj.active;
    ov_oracle oracle = {.ctx = o, .eval = ov_run_eval, .n = o->obj.n,
                        .dim = active > 0 && active < o->obj.n ? active : 0};
    return oracle;
}

int ov_run_max_steps(int n)
{
    return OV_RUN_MAX_COORDS / (n > 1 ? n : 1);
}

void ov_run_init(ov_run *run, const ov_optim_params *params)
{
    memset(run, 0, sizeof *run);
    run->dim = 2;
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
    free(run->evals);
    free(run->simplex);
    free(run->w);
    free(run->off);
    run->x = run->y = run->loss = NULL;
    run->evals = NULL;
    run->simplex = NULL;
    run->w = run->off = NULL;
    run->w_capacity = 0;
    run->simplex_capacity = 0;
    run->n = run->capacity = 0;
}

/* Room for cap iterates' simplices (nelder-mead runs only). */
static bool ov_run_reserve_simplex(ov_run *run, int cap)
{
    if (run->simplex_capacity >= cap)
        return true;
    double *sx = realloc(run->simplex, (size_t)cap * OV_RUN_SIMPLEX * sizeof(double));
    if (!sx)
        return false;
    run->simplex = sx;
    run->simplex_capacity = cap;
    return true;
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
    int *evals = realloc(run->evals, (size_t)cap * sizeof(int));
    if (evals)
        run->evals = evals;
    if (!x || !y || !loss || !evals)
        return false;
    run->capacity = cap;
    return true;
}

/* For dim > 2: room for cap iterates of dim coordinates (w) and their
 * distances (off); for dim 2 frees both. */
static bool ov_run_reserve_coords(ov_run *run, int cap, int dim)
{
    if (dim <= 2 && !run->keep_coords) {
        free(run->w);
        free(run->off);
        run->w = run->off = NULL;
        run->w_capacity = 0;
        return true;
    }
    const size_t need = (size_t)cap * (size_t)dim;
    if (run->w && run->off && run->w_capacity >= need && run->dim == dim)
        return true;
    double *w = realloc(run->w, need * sizeof(double));
    if (w)
        run->w = w;
    double *off = realloc(run->off, (size_t)cap * sizeof(double));
    if (off)
        run->off = off;
    if (!w || !off)
        return false;
    run->w_capacity = need;
    return true;
}

/* True when w (n coordinates) with loss f may be stored (DESIGN.md's
 * divergence rule: finite, every |w_k| at most OV_DIVERGE_LIMIT). A NaN or
 * infinite coordinate fails the bound test too, so it needs no isfinite of
 * its own. */
static bool ov_run_acceptable(const double *w, int n, double f)
{
    for (int k = 0; k < n; k++)
        if (!(fabs(w[k]) <= OV_DIVERGE_LIMIT))
            return false;
    return isfinite(f);
}

bool ov_run_compute(ov_run *run, const ov_objective *obj, const double *start, int steps)
{
    run->n = 0;
    run->diverged = false;
    run->diverged_step = 0;
    const int n = obj->n;
    if (n < 1 || n > OV_OBJECTIVE_MAX_DIM)
        return false;
    if (steps < 1)
        steps = 1;
    if (steps > ov_run_max_steps(n))
        steps = ov_run_max_steps(n);
    const bool simplex = run->params.kind == OV_OPT_NELDER_MEAD && n == 2 && !run->keep_coords;
    if (!ov_run_reserve(run, steps + 1) || !ov_run_reserve_coords(run, steps + 1, n) ||
        (simplex && !ov_run_reserve_simplex(run, steps + 1)))
        return false;
    if (!simplex && (n != 2 || run->keep_coords)) {
        free(run->simplex);
        run->simplex = NULL;
        run->simplex_capacity = 0;
    }
    run->dim = n;
    /* The state is large (OV_OPTIM_MAX_DIM coordinates): not on the stack. */
    ov_optim_state *st = malloc(sizeof *st);
    if (!st)
        return false;

    ov_run_oracle cache;
    ov_run_oracle_init(&cache, obj, run->noise);
    ov_oracle oracle = ov_run_oracle_bind(&cache);
    ov_optim_state_init(st, &run->params);
    double w[OV_OBJECTIVE_MAX_DIM];
    for (int k = 0; k < n; k++)
        w[k] = start[k];
    const ov_optim_info *info = ov_optim_info_of(run->params.kind);
    const bool lookahead = info && info->lookahead;
    unsigned fp = ov_run_fp_begin();

    /* With a schedule, update i (0 for the first) steps with its own α. */
    ov_optim_params p = run->params;
    const bool sched = ov_schedule_varies(&p.schedule);
    for (int i = 0; i <= steps; i++) {
        if (i > 0 && sched)
            p.alpha = ov_schedule_alpha(&p.schedule, run->params.alpha, i - 1);
        if (i > 0 && !ov_optim_step(&p, st, w, &oracle)) {
            /* Non-finite gradient: the next iterate cannot be computed. */
            run->diverged = true;
            run->diverged_step = i;
            break;
        }
        /* Nesterov asks for the gradient at a look-ahead point, not here. */
        if (lookahead) {
            obj->eval(obj->ctx, w, &cache.f, NULL, NULL);
        } else {
            obj->eval(obj->ctx, w, &cache.f, cache.g, NULL);
            cache.has_grad = true;
        }
        for (int k = 0; k < n; k++)
            cache.w[k] = w[k];
        if (!ov_run_acceptable(w, n, cache.f)) {
            run->diverged = true;
            run->diverged_step = i;
            break;
        }
        run->x[i] = w[0];
        run->y[i] = n > 1 ? w[1] : 0.0;
        run->loss[i] = cache.f;
        run->evals[i] = st->nm_evals;
        if (run->w) {
            for (int k = 0; k < n; k++)
                run->w[(size_t)i * n + k] = w[k];
            run->off[i] = 0.0;
        }
        if (simplex) {
            /* Before the first step the simplex is not built: w itself. */
            double *v = run->simplex + (size_t)i * OV_RUN_SIMPLEX;
            for (int j = 0; j < OV_RUN_SIMPLEX_VERTICES - 1; j++) {
                v[2 * j] = st->nm_ready ? st->nm_x[j + 1][0] : w[0];
                v[2 * j + 1] = st->nm_ready ? st->nm_x[j + 1][1] : w[1];
            }
        }
        run->n = i + 1;
    }
    ov_run_fp_end(fp);
    free(st);
    return true;
}

bool ov_run_copy(ov_run *dst, const ov_run *src)
{
    if (!ov_run_reserve(dst, src->n > 0 ? src->n : 1))
        return false;
    dst->keep_coords = src->keep_coords;
    const int dim = src->w ? src->dim : 2;
    if (!ov_run_reserve_coords(dst, src->n > 0 ? src->n : 1, dim))
        return false;
    size_t bytes = (size_t)src->n * sizeof(double);
    if (bytes) {
        memcpy(dst->x, src->x, bytes);
        memcpy(dst->y, src->y, bytes);
        memcpy(dst->loss, src->loss, bytes);
        if (src->evals)
            memcpy(dst->evals, src->evals, (size_t)src->n * sizeof(int));
        else
            memset(dst->evals, 0, (size_t)src->n * sizeof(int));
        if (src->w) {
            memcpy(dst->w, src->w, bytes * (size_t)dim);
            memcpy(dst->off, src->off, bytes);
        }
    }
    if (src->simplex && src->n > 0) {
        if (!ov_run_reserve_simplex(dst, src->n))
            return false;
        memcpy(dst->simplex, src->simplex, (size_t)src->n * OV_RUN_SIMPLEX * sizeof(double));
    }
    dst->params = src->params;
    dst->noise = src->noise;
    dst->n = src->n;
    dst->dim = src->dim;
    dst->diverged = src->diverged;
    dst->diverged_step = src->diverged_step;
    return true;
}
