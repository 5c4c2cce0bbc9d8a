/* The step taken apart (key E, --explain): one update of a run, from w_i to
 * w_(i+1), decomposed into the terms the lecture writes, as world-space
 * arrows, points, an ellipse and per-coordinate bars with labels in the
 * lecture's notation, plus a caption naming the equation. Pure: it replays
 * the run's optimiser through the run's own oracle (same noise, same curve
 * rule), so every number is the one the run used. The renderer draws it;
 * nothing here knows about pixels. */
#ifndef OV_EXPLAIN_H
#define OV_EXPLAIN_H

#include <stdbool.h>

#include "expr.h"
#include "run.h"
#include "surface.h"

#define OV_EXPLAIN_MAX_ARROWS 40
#define OV_EXPLAIN_MAX_POINTS 64
#define OV_EXPLAIN_MAX_BARS 12
#define OV_EXPLAIN_FAN 16          /* terms of momentum's eq. 5 kept */
#define OV_EXPLAIN_ELLIPSE 72      /* points on Newton's model ellipse */
#define OV_EXPLAIN_MAX_CALLS 64    /* oracle calls one step may make */
#define OV_EXPLAIN_LABEL 64

typedef enum ov_explain_role {
    OV_EX_TERM,      /* a term of the update, from w_i */
    OV_EX_STEP,      /* the whole update, w_i to w_(i+1) */
    OV_EX_FAN,       /* momentum: one term -α β^k g_(i-k) of eq. 5 (fades with k) */
    OV_EX_GRADIENT,  /* a gradient term drawn where it was taken (nesterov's
                        look-ahead), or the plain -α g for comparison */
    OV_EX_AXIS,      /* one coordinate of a per-coordinate update */
    OV_EX_GUIDE      /* a construction line (parallelogram side, search line) */
} ov_explain_role;

typedef struct ov_explain_arrow {
    double from[2], to[2];           /* world (x, y) */
    ov_explain_role role;
    double fade;                     /* opacity 0 .. 1 */
    char label[OV_EXPLAIN_LABEL];    /* UTF-8, "" for none */
} ov_explain_arrow;

typedef enum ov_explain_point_role {
    OV_EXP_LOOKAHEAD,   /* nesterov's w + βv */
    OV_EXP_TRIAL,       /* a line-search trial (cg, newton) */
    OV_EXP_ACCEPTED,    /* the trial the line search kept */
    OV_EXP_NEWTON       /* the minimum of Newton's local model */
} ov_explain_point_role;

typedef struct ov_explain_point {
    double w[2];
    ov_explain_point_role role;
    char label[OV_EXPLAIN_LABEL];
} ov_explain_point;

/* A per-coordinate bar (adaptive methods, rprop). Bars of one group share a
 * scale: group 0 is in gradient units, group 1 in world units (steps). */
typedef struct ov_explain_bar {
    int axis;                        /* 0: x, 1: y */
    int group;
    double value;                    /* signed */
    char label[OV_EXPLAIN_LABEL];
} ov_explain_bar;

typedef struct ov_explain {
    bool valid;
    char why[160];                   /* when not valid: the reason */
    ov_optim_kind kind;
    int step;                        /* i: the update from w_i to w_(i+1) */
    double w[2], next[2];
    double g[2];                     /* the gradient the update used at w_i
                                        (nesterov: at the look-ahead point),
                                        noise included */
    int narrows;
    ov_explain_arrow arrows[OV_EXPLAIN_MAX_ARROWS];
    int npoints;
    ov_explain_point points[OV_EXPLAIN_MAX_POINTS];
    /* newton: the level set of the local model through w_i (a closed curve
     * of nellipse world points), and the model itself: L(w_i + p) ≈
     * model_f + model_g'p + ½ p'Hp with H = model_h {hxx, hxy, hyy} (the
     * absolute-eigenvalue matrix where H is not positive definite). */
    int nellipse;
    double ellipse[OV_EXPLAIN_ELLIPSE][2];
    double model_f, model_g[2], model_h[3];
    /* rprop: the per-coordinate step sizes as a box of half-widths box[k]
     * about w_i (0: none). */
    double box[2];
    int nbars;
    ov_explain_bar bars[OV_EXPLAIN_MAX_BARS];
    char caption[256];               /* the equation drawn, UTF-8 */
} ov_explain;

/* One oracle call of the explained step: where, and what came back. */
typedef struct ov_explain_call {
    double w[2], f, g[2];
    bool has_h;
    double h[3];
} ov_explain_call;

/* A replay of one run kept between calls, so that explaining step i + 1
 * after step i costs one optimiser step. Caller owns the storage. */
typedef struct ov_explainer {
    bool ready;
    /* What is being replayed: checked on every call, any change restarts. */
    ov_optim_params params;
    ov_noise noise;
    double start[2];
    const ov_surface *surface;
    char formula[OV_EXPR_MAX_SOURCE + 1];
    double sparams[OV_EXPR_MAX_PARAMS];
    /* Where the replay is: j steps taken, at w, in state st. */
    int j;
    double w[2];
    ov_optim_state st;
    ov_run_oracle oracle;
    /* The gradient of each of the last OV_EXPLAIN_FAN steps (first oracle
     * call of the step), newest at (past_head - 1) mod OV_EXPLAIN_FAN. */
    double past_g[OV_EXPLAIN_FAN][2];
    int past_n, past_head;
} ov_explainer;

void ov_explainer_init(ov_explainer *e);

/* Explains update `step` (0-based: from iterate step to step + 1) of run,
 * computed on s from start; step is clamped to the run's stored iterates.
 * Fills *out; out->valid is false (with out->why) when there is no such
 * update (empty run, a non-finite gradient, a step that leaves the plane).
 * Returns out->valid. */
bool ov_explain_update(ov_explainer *e, const ov_surface *s, const ov_run *run,
                       ov_vec2 start, int step, ov_explain *out);

/* Fills out from one step of p's method, given the state and point before
 * it (st_before, w), the state and point after it, the oracle calls the
 * step made (calls[0] is at w, or at the look-ahead point for nesterov),
 * and, for momentum, the gradients of the earlier steps (past[k] is
 * g_(i-1-k), npast of them). Used by ov_explain_update; exposed for tests. */
void ov_explain_terms(const ov_optim_params *p, const ov_optim_state *st_before,
                      const ov_optim_state *st_after, const double w[2],
                      const double next[2], const ov_explain_call *calls, int ncalls,
                      const double (*past)[2], int npast, ov_explain *out);

#endif
