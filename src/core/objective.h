/* The loss a run minimises, as the optimisers and the run see it: n
 * parameters (a surface's x and y: n = 2; a model's: 2 .. OV_OBJECTIVE_MAX_DIM),
 * the value, the exact gradient and the exact Hessian at a point. A surface
 * (surface.h) and a model (model.h) each give one; the run (run.h) adds
 * gradient noise and the optimisers (optim.h) step on it. */
#ifndef OV_OBJECTIVE_H
#define OV_OBJECTIVE_H

/* Most parameters a model may have (DESIGN.md: 2 <= n <= 64). */
#define OV_OBJECTIVE_MAX_DIM 64

typedef struct ov_objective {
    int n;       /* coordinates of w, 1 .. OV_OBJECTIVE_MAX_DIM */
    /* How many leading coordinates the loss depends on: n, or 1 for a
     * curve L(x) drawn as a surface (its y is carried along, unmoved). */
    int active;
    const void *ctx;
    /* f: the loss at w (always written). g: when not NULL, the n partial
     * derivatives. h: when not NULL, the n*n Hessian, row-major and
     * symmetric (h[i*n + j] = d2f / dwi dwj). A value that cannot be
     * computed is NaN or infinite, never an error. */
    void (*eval)(const void *ctx, const double *w, double *f, double *g, double *h);
} ov_objective;

#endif
