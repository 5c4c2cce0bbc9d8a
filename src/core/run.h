/* A run: one optimiser from one start point, all of its steps computed up
 * front and stored as iterates with their loss, stopping at divergence. */
#ifndef OV_RUN_H
#define OV_RUN_H

#include <stdbool.h>
#include "geom.h"
#include "noise.h"
#include "optim.h"
#include "surface.h"

#define OV_RUN_MAX_STEPS 1000000
#define OV_DIVERGE_LIMIT 1e6
#define OV_RUN_SIMPLEX (2 * OV_OPTIM_DIM)

typedef struct ov_run {
    ov_optim_params params;
    /* Gradient noise the optimiser sees (σ = 0: exact); every run with the
     * same seed draws the same sequence. Set by the scene. */
    ov_noise noise;
    /* Results of the last ov_run_compute. x[0], y[0] is the start point;
     * n is the number of stored iterates (step 0 .. n-1), all finite. */
    int n;
    int capacity;
    double *x, *y, *loss;
    /* Loss evaluations a gradient-free method (nelder-mead) made up to each
     * stored iterate, for the HUD (steps are not comparable to gradient
     * steps); 0 for the other methods. */
    int *evals;
    /* nelder-mead: the simplex's other vertices at each stored iterate,
     * (x, y) of each, OV_RUN_SIMPLEX doubles per iterate (the best vertex is
     * the iterate); NULL for the other methods. */
    double *simplex;
    int simplex_capacity;
    bool diverged;
    int diverged_step;   /* the first step whose iterate was not stored */
} ov_run;

/* Caller owns the storage; init sets empty arrays, deinit frees them. */
void ov_run_init(ov_run *run, const ov_optim_params *params);
void ov_run_deinit(ov_run *run);

/* Recomputes the run from start for up to steps steps (1 .. OV_RUN_MAX_STEPS)
 * on s. Stops at the first iterate whose x, y or loss is not finite or whose
 * |x| or |y| exceeds OV_DIVERGE_LIMIT; that iterate is not stored, diverged is
 * set and diverged_step is its step. Returns false only when memory runs out
 * (the run is then empty). Reuses its arrays between calls. */
bool ov_run_compute(ov_run *run, const ov_surface *s, ov_vec2 start, int steps);

/* The loss as a run's optimiser sees it: value, gradient and Hessian of the
 * surface; on a curve (surface one_d) the y components of the gradient and
 * Hessian are 0; with noise σ > 0 every gradient the optimiser asks for
 * gets σ z added per coordinate, z from the generator seeded with the
 * noise's seed (two N(0, 1) draws per gradient; the y one is dropped on a
 * curve). It remembers the last stored iterate's exact loss and gradient so
 * that gradient-descent-like methods cost one evaluation per step; the
 * values returned are the same with or without that cache, so a replay of
 * a run (explain.c) with a fresh oracle sees exactly what the run saw. */
typedef struct ov_run_oracle {
    const ov_surface *surface;
    double sigma;
    ov_rng rng;
    double w[2];        /* the cached point, its loss and exact gradient */
    double f;
    double g[2];
    bool has_grad;
} ov_run_oracle;

/* Starts an oracle for s with noise (seeded now); bind gives the interface
 * the optimisers call, valid while o lives. */
void ov_run_oracle_init(ov_run_oracle *o, const ov_surface *s, ov_noise noise);
ov_oracle ov_run_oracle_bind(ov_run_oracle *o);

/* Runs are computed with subnormal numbers flushed to zero; a replay of a
 * run that must match it bit for bit steps between these two calls
 * (begin returns the floating-point mode to restore). */
unsigned ov_run_fp_begin(void);
void ov_run_fp_end(unsigned old);

/* Copies src's parameters and results into dst (an initialised run, whose
 * arrays are reused). false when memory runs out (dst then keeps its old
 * contents). */
bool ov_run_copy(ov_run *dst, const ov_run *src);

#endif
