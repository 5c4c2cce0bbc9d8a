/* Optimisers: the update rules of DESIGN.md (gd, momentum, nesterov, adam),
 * the lecture's other methods (rmsprop, adagrad, adadelta, rprop) and two
 * second-order-aware methods (nonlinear conjugate gradient with a strong
 * Wolfe line search, damped Newton), each a pure function of its
 * parameters, its state and a loss oracle. */
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
    OV_OPT_CG,
    OV_OPT_NEWTON,
    OV_OPTIM_COUNT
} ov_optim_kind;

typedef struct ov_optim_params {
    ov_optim_kind kind;
    double alpha;   /* learning rate (step size); cg: first trial step of
                     * the first line search; newton: first trial step */
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

/* Line searches of cg and newton (see their rule text in optim.c). */
#define OV_LS_C1 1e-4          /* sufficient decrease (Armijo) constant */
#define OV_LS_C2 0.1           /* strong Wolfe curvature constant (cg) */
#define OV_LS_MAX_EVALS 30     /* cg: oracle calls per line search */
#define OV_NEWTON_MAX_HALVINGS 50
#define OV_NEWTON_EIG_FLOOR 1e-12   /* relative to the largest |eigenvalue| */

/* How the last line search of cg or newton ended. */
typedef enum ov_ls_result {
    OV_LS_NONE,      /* no line search (other methods, or g = 0: no move) */
    OV_LS_WOLFE,     /* cg: the step satisfies the strong Wolfe conditions */
    OV_LS_ARMIJO,    /* the step satisfies sufficient decrease only
                      * (newton always; cg when the search ran out) */
    OV_LS_FAILED     /* no trial decreased the loss enough: w unchanged */
} ov_ls_result;

/* Which direction newton's last step took. */
typedef enum ov_newton_dir {
    OV_NEWTON_NONE,      /* no step yet, or another method */
    OV_NEWTON_EXACT,     /* H positive definite: H p = -g */
    OV_NEWTON_ABS,       /* not: p = -V |Λ|_δ^-1 V' g (saddle-free Newton) */
    OV_NEWTON_GRADIENT   /* H zero or not finite: p = -g */
} ov_newton_dir;

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
    double cg_d[2];     /* cg: last search direction d_(k-1); 0: restart */
    double cg_g[2];     /* cg: gradient g_(k-1) where that search began */
    double cg_slope;    /* cg: g_(k-1)'d_(k-1) */
    double ls_step;     /* cg, newton: step length of the last line search */
    int ls_evals;       /* cg, newton: oracle calls of the last step */
    ov_ls_result ls_result;
    ov_newton_dir newton_dir;
    bool stuck;         /* cg, newton: the last search failed from this w
                         * with memory reset, so every later one would too */
} ov_optim_state;

void ov_optim_state_init(ov_optim_state *st, const ov_optim_params *p);

/* Advances w by one step of p's rule. Returns false when the oracle returned
 * a non-finite gradient (w is then left unchanged). */
bool ov_optim_step(const ov_optim_params *p, ov_optim_state *st, double w[2],
                   const ov_oracle *oracle);

#endif
