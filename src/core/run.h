/* A run: one optimiser from one start point, all of its steps computed up
 * front and stored as iterates with their loss, stopping at divergence. */
#ifndef OV_RUN_H
#define OV_RUN_H

#include <stdbool.h>
#include "geom.h"
#include "optim.h"
#include "surface.h"

#define OV_RUN_MAX_STEPS 1000000
#define OV_DIVERGE_LIMIT 1e6

typedef struct ov_run {
    ov_optim_params params;
    /* Results of the last ov_run_compute. x[0], y[0] is the start point;
     * n is the number of stored iterates (step 0 .. n-1), all finite. */
    int n;
    int capacity;
    double *x, *y, *loss;
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

/* Copies src's parameters and results into dst (an initialised run, whose
 * arrays are reused). false when memory runs out (dst then keeps its old
 * contents). */
bool ov_run_copy(ov_run *dst, const ov_run *src);

#endif
