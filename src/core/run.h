/* A run: one optimiser from one start point on an objective (a surface's
 * n = 2, a model's n parameters), all of its steps computed up front and
 * stored as iterates with their loss, stopping at divergence. */
#ifndef OV_RUN_H
#define OV_RUN_H

#include <stdbool.h>
#include "geom.h"
#include "noise.h"
#include "objective.h"
#include "optim.h"
#include "surface.h"

/* Most coordinates one run stores: steps x n (8 runs stay within the
 * browser's memory); at n = 2 that is OV_RUN_MAX_STEPS steps. */
#define OV_RUN_MAX_COORDS 2000000
#define OV_RUN_MAX_STEPS 1000000
#define OV_DIVERGE_LIMIT 1e6
/* nelder-mead on a surface (n = 2): the simplex's vertices, and the
 * doubles stored per iterate for the two besides the best. */
#define OV_RUN_SIMPLEX_VERTICES 3
#define OV_RUN_SIMPLEX (2 * (OV_RUN_SIMPLEX_VERTICES - 1))

typedef struct ov_run {
    ov_optim_params params;
    /* Gradient noise the optimiser sees (σ = 0: exact); every run with the
     * same seed draws the same sequence. Set by the scene. */
    ov_noise noise;
    /* Results of the last ov_run_compute. x[0], y[0] is the start point;
     * n is the number of stored iterates (step 0 .. n-1), all finite.
     * x, y are where each iterate is drawn: for a surface (dim = 2) the
     * iterates themselves; for a model w[0], w[1] until the slice code
     * projects them onto its plane. */
    int n;
    int capacity;
    double *x, *y, *loss;
    /* The objective's n: coordinates of each iterate (2 for a surface). */
    int dim;
    /* Keep w and off at any dim (a model's runs, whose x, y are their
     * projection on the slice even at n = 2). Set by the caller before
     * ov_run_compute; surfaces leave it false. */
    bool keep_coords;
    /* dim > 2 or keep_coords only (NULL for a surface): all dim coordinates
     * of each stored iterate, w[i*dim + k], and off[i], iterate i's
     * distance from the drawn plane (set by the slice code; 0 until then). */
    double *w;
    double *off;
    size_t w_capacity;   /* doubles w has room for; off has w_capacity / dim */
    /* Loss evaluations a gradient-free method (nelder-mead) made up to each
     * stored iterate, for the HUD (steps are not comparable to gradient
     * steps); 0 for the other methods. */
    int *evals;
    /* nelder-mead on a surface (dim = 2): the simplex's other vertices at
     * each stored iterate, (x, y) of each, OV_RUN_SIMPLEX doubles per
     * iterate (the best vertex is the iterate); NULL for the other methods
     * and for models. */
    double *simplex;
    int simplex_capacity;
    bool diverged;
    int diverged_step;   /* the first step whose iterate was not stored */
} ov_run;

/* Caller owns the storage; init sets empty arrays, deinit frees them. */
void ov_run_init(ov_run *run, const ov_optim_params *params);
void ov_run_deinit(ov_run *run);

/* The most steps a run of an n-parameter objective may take:
 * OV_RUN_MAX_COORDS / n (1,000,000 at n = 2). */
int ov_run_max_steps(int n);

/* Recomputes the run on obj (obj->n = 2 .. OV_OBJECTIVE_MAX_DIM) from
 * start (obj->n coordinates, copied) for up to steps steps, clamped to
 * 1 .. ov_run_max_steps(obj->n). Stops at the first iterate one of whose
 * coordinates or whose loss is not finite, or one of whose coordinates
 * exceeds OV_DIVERGE_LIMIT in magnitude; that iterate is not stored,
 * diverged is set and diverged_step is its step. Returns false only when
 * memory runs out (the run is then empty). Reuses its arrays between calls.
 * obj is read during the call only. */
bool ov_run_compute(ov_run *run, const ov_objective *obj, const double *start, int steps);

/* The loss as a run's optimiser sees it: value, gradient and Hessian of the
 * objective; the gradient's coordinates past obj.active are 0 (a curve's
 * y); with noise σ > 0 every gradient the optimiser asks for gets σ z added
 * per coordinate, z from the generator seeded with the noise's seed (N(0, 1)
 * draws in pairs, coordinates 0 and 1, 2 and 3, ...; an odd n drops the
 * last pair's second draw, so n = 2 draws one pair per gradient). It
 * remembers the last stored iterate's exact loss and gradient so that
 * gradient-descent-like methods cost one evaluation per step; the values
 * returned are the same with or without that cache, so a replay of a run
 * (explain.c) with a fresh oracle sees exactly what the run saw. */
typedef struct ov_run_oracle {
    ov_objective obj;   /* a copy: the oracle may be copied freely */
    double sigma;
    ov_rng rng;
    double w[OV_OBJECTIVE_MAX_DIM];   /* the cached point, its loss and exact gradient */
    double f;
    double g[OV_OBJECTIVE_MAX_DIM];
    bool has_grad;
} ov_run_oracle;

/* Starts an oracle for obj with noise (seeded now); bind gives the interface
 * the optimisers call, valid while o lives (obj's ctx must outlive it). */
void ov_run_oracle_init(ov_run_oracle *o, const ov_objective *obj, ov_noise noise);
ov_oracle ov_run_oracle_bind(ov_run_oracle *o);

/* Runs are computed with subnormal numbers flushed to zero; a replay of a
 * run that must match it bit for bit steps between these two calls
 * (begin returns the floating-point mode to restore). */
unsigned ov_run_fp_begin(void);
void ov_run_fp_end(unsigned old);

/* Copies src's parameters and results (x, y, loss, evals, the simplex, and
 * for a model w and off) into dst (an initialised run, whose arrays are
 * reused). false when memory runs out (dst may then hold a mix). */
bool ov_run_copy(ov_run *dst, const ov_run *src);

#endif
