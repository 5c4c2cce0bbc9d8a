/* Optimisers: the update rules of DESIGN.md (gd, momentum, nesterov, adam)
 * and the lecture's other methods (rmsprop, adagrad, adadelta, rprop), each
 * a pure function of its parameters, its state and a loss oracle. */
#ifndef OV_OPTIM_H
#define OV_OPTIM_H

#include <stdbool.h>

typedef enum ov_optim_kind {
    OV_OPT_GD,
    OV_OPT_MOMENTUM,
    OV_OPT_NESTEROV,
    OV_OPT_ADAM,
    OV_OPT_RMSPROP,
    OV_OPT_ADAGRAD,
    OV_OPT_ADADELTA,
    OV_OPT_RPROP,
    OV_OPTIM_COUNT
} ov_optim_kind;

typedef struct ov_optim_params {
    ov_optim_kind kind;
    double alpha;   /* learning rate (step size) */
    double beta;    /* momentum; Adam's beta1; RMSprop/Adadelta decay */
    double beta2;   /* Adam's second-moment decay */
    double eps;     /* Adam/RMSprop/Adagrad/Adadelta denominator guard */
} ov_optim_params;

/* Static description of one optimiser, for --list-optimizers, README, HUD. */
typedef struct ov_optim_info {
    const char *name;        /* "gd", "momentum", ... */
    const char *title;       /* "gradient descent" */
    const char *rule;        /* the exact update rule, one or more lines */
    double alpha, beta, beta2, eps;   /* defaults */
    bool uses_beta, uses_beta2, uses_eps;
} ov_optim_info;

const ov_optim_info *ov_optim_info_of(ov_optim_kind kind);
/* Exact name match; returns false when unknown. */
bool ov_optim_find(const char *name, ov_optim_kind *kind);
/* Fills p with kind's defaults. */
void ov_optim_defaults(ov_optim_kind kind, ov_optim_params *p);

/* What the optimiser may ask of the loss at a point w: value f, gradient g,
 * and (when h is not NULL) Hessian h = {fxx, fxy, fyy}. */
typedef struct ov_oracle {
    void *ctx;
    void (*eval)(void *ctx, const double w[2], double *f, double g[2], double h[3]);
} ov_oracle;

/* Per-run optimiser memory. Zeroed by ov_optim_state_init. */
typedef struct ov_optim_state {
    int t;              /* steps taken so far */
    double u[2];        /* momentum search direction / nesterov velocity */
    double m[2];        /* first moment (adam) */
    double s[2];        /* second moment (adam, rmsprop, adagrad, adadelta) */
    double d[2];        /* adadelta: running mean of squared updates */
    double step[2];     /* rprop: per-coordinate step sizes */
    double prev_g[2];   /* rprop: previous gradient */
    double beta_t[2];   /* adam: beta^t and beta2^t (bias corrections) */
    double last_delta[2]; /* the step w moved by last time (for arrows) */
} ov_optim_state;

void ov_optim_state_init(ov_optim_state *st, const ov_optim_params *p);

/* Advances w by one step of p's rule. Returns false when the oracle returned
 * a non-finite gradient (w is then left unchanged). */
bool ov_optim_step(const ov_optim_params *p, ov_optim_state *st, double w[2],
                   const ov_oracle *oracle);

#endif
