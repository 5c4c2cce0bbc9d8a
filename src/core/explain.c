/* The replay behind "the step taken apart": a cursor that steps a run's
 * optimiser from its start through the run's own oracle, kept between calls
 * so that the next step costs one optimiser step, and one more step on a
 * copy with every oracle call recorded, which explain_terms.c decomposes. */
#include "explain.h"
#include "surface_objective.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* An oracle that passes calls on and records the first cap of them. */
typedef struct ov_recorder {
    ov_oracle inner;
    ov_explain_call *calls;
    int cap, n;
} ov_recorder;

/* Replays are of surfaces: w, g of 2 coordinates, h the 2x2 row-major
 * Hessian, recorded as {hxx, hxy, hyy}. */
static void ov_record_eval(void *ctx, const double *w, double *f, double *g, double *h)
{
    ov_recorder *r = ctx;
    r->inner.eval(r->inner.ctx, w, f, g, h);
    if (r->n < r->cap) {
        ov_explain_call *c = &r->calls[r->n];
        c->w[0] = w[0];
        c->w[1] = w[1];
        c->f = *f;
        c->g[0] = g[0];
        c->g[1] = g[1];
        c->has_h = h != NULL;
        c->h[0] = h ? h[0] : 0.0;
        c->h[1] = h ? h[1] : 0.0;
        c->h[2] = h ? h[3] : 0.0;
    }
    r->n++;
}

void ov_explainer_init(ov_explainer *e)
{
    memset(e, 0, sizeof *e);
}

static bool same_params(const ov_optim_params *a, const ov_optim_params *b)
{
    return a->kind == b->kind && a->alpha == b->alpha && a->beta == b->beta &&
           a->beta2 == b->beta2 && a->eps == b->eps && a->wd == b->wd &&
           a->history == b->history && a->rule == b->rule &&
           a->schedule.kind == b->schedule.kind && a->schedule.every == b->schedule.every &&
           a->schedule.factor == b->schedule.factor && a->schedule.t == b->schedule.t;
}

/* True when e replays this run of this surface from this start. */
static bool ov_explainer_matches(const ov_explainer *e, const ov_surface *s, const ov_run *run,
                                 ov_vec2 start)
{
    if (!e->ready || e->surface != s || !same_params(&e->params, &run->params) ||
        e->noise.sigma != run->noise.sigma || e->noise.seed != run->noise.seed ||
        e->start[0] != start.x || e->start[1] != start.y ||
        strcmp(e->formula, ov_surface_key(s)) != 0)
        return false;
    for (int i = 0; i < s->nparams; i++)
        if (e->sparams[i] != s->params[i])
            return false;
    return true;
}

static void ov_explainer_reset(ov_explainer *e, const ov_surface *s, const ov_run *run,
                               ov_vec2 start)
{
    memset(e, 0, sizeof *e);
    e->ready = true;
    e->params = run->params;
    e->noise = run->noise;
    e->start[0] = e->w[0] = start.x;
    e->start[1] = e->w[1] = start.y;
    e->surface = s;
    snprintf(e->formula, sizeof e->formula, "%s", ov_surface_key(s));
    for (int i = 0; i < s->nparams && i < OV_EXPR_MAX_PARAMS; i++)
        e->sparams[i] = s->params[i];
    const ov_objective obj = ov_surface_objective(s);
    ov_run_oracle_init(&e->oracle, &obj, run->noise);
    ov_optim_state_init(&e->st, &run->params);
}

static bool ov_explain_fail(ov_explain *out, const char *why)
{
    out->valid = false;
    snprintf(out->why, sizeof out->why, "%s", why);
    return false;
}

/* Takes the replay's next step, keeping its first gradient for the fan.
 * false when the optimiser could not step (non-finite gradient). */
static bool ov_explainer_advance(ov_explainer *e)
{
    ov_explain_call first;
    ov_recorder rec = {.inner = ov_run_oracle_bind(&e->oracle), .calls = &first, .cap = 1};
    ov_oracle oracle = {.ctx = &rec, .eval = ov_record_eval, .n = 2, .dim = rec.inner.dim};
    ov_optim_params p = e->params;   /* update j's α under a schedule */
    p.alpha = ov_schedule_alpha(&p.schedule, e->params.alpha, e->j);
    if (!ov_optim_step(&p, &e->st, e->w, &oracle))
        return false;
    if (rec.n > 0) {
        e->past_g[e->past_head][0] = first.g[0];
        e->past_g[e->past_head][1] = first.g[1];
        e->past_head = (e->past_head + 1) % OV_EXPLAIN_FAN;
        if (e->past_n < OV_EXPLAIN_FAN)
            e->past_n++;
    }
    e->j++;
    return true;
}

/* Brings the replay to step `step`, from where it is when that is not
 * past it, else from the start. false (with out->why) on failure. */
static bool ov_explainer_seek(ov_explainer *e, const ov_surface *s, const ov_run *run,
                              ov_vec2 start, int step, ov_explain *out)
{
    if (!ov_explainer_matches(e, s, run, start) || e->j > step ||
        (e->j < run->n && (e->w[0] != run->x[e->j] || e->w[1] != run->y[e->j])))
        ov_explainer_reset(e, s, run, start);
    while (e->j < step) {
        if (!ov_explainer_advance(e)) {
            e->ready = false;
            return ov_explain_fail(out, "the gradient is not finite on the way here");
        }
        if (e->w[0] != run->x[e->j] || e->w[1] != run->y[e->j]) {
            /* Cannot happen while the run and its replay share one oracle;
             * said rather than drawn wrong. */
            e->ready = false;
            return ov_explain_fail(out, "the replay does not match the run");
        }
    }
    return true;
}

bool ov_explain_update(ov_explainer *e, const ov_surface *s, const ov_run *run,
                       ov_vec2 start, int step, ov_explain *out)
{
    memset(out, 0, sizeof *out);
    out->kind = run->params.kind;
    if (!s || run->n < 1)
        return ov_explain_fail(out, "the run has no iterates");
    if (step < 0)
        step = 0;
    if (step > run->n - 1)
        step = run->n - 1;
    out->step = step;

    unsigned fp = ov_run_fp_begin();
    bool ok = ov_explainer_seek(e, s, run, start, step, out);
    ov_explain_call calls[OV_EXPLAIN_MAX_CALLS];
    ov_run_oracle copy = e->oracle;   /* the same noise draws, cursor untouched */
    ov_recorder rec = {.inner = ov_run_oracle_bind(&copy), .calls = calls,
                       .cap = OV_EXPLAIN_MAX_CALLS};
    ov_oracle oracle = {.ctx = &rec, .eval = ov_record_eval, .n = 2, .dim = rec.inner.dim};
    ov_optim_state after = e->st;
    double next[2] = {e->w[0], e->w[1]};
    ov_optim_params p = e->params;   /* this update's α under a schedule */
    p.alpha = ov_schedule_alpha(&p.schedule, e->params.alpha, step);
    if (ok && !ov_optim_step(&p, &after, next, &oracle))
        ok = ov_explain_fail(out, "the gradient is not finite here");
    ov_run_fp_end(fp);
    if (!ok)
        return false;
    if (!isfinite(next[0]) || !isfinite(next[1]) || fabs(next[0]) > OV_DIVERGE_LIMIT ||
        fabs(next[1]) > OV_DIVERGE_LIMIT)
        return ov_explain_fail(out, "this update leaves the plane: the run diverges here");

    /* Momentum's earlier gradients, newest first: g_(i-1), g_(i-2), ... */
    double past[OV_EXPLAIN_FAN][2];
    for (int k = 0; k < e->past_n; k++) {
        int at = ((e->past_head - 1 - k) % OV_EXPLAIN_FAN + OV_EXPLAIN_FAN) % OV_EXPLAIN_FAN;
        past[k][0] = e->past_g[at][0];
        past[k][1] = e->past_g[at][1];
    }
    int ncalls = rec.n < OV_EXPLAIN_MAX_CALLS ? rec.n : OV_EXPLAIN_MAX_CALLS;
    ov_explain_terms(&p, &e->st, &after, e->w, next, calls, ncalls,
                     (const double(*)[2])past, e->past_n, out);
    out->step = step;
    return out->valid;
}
