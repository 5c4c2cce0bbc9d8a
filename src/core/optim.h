/* Optimisers: the update rules of DESIGN.md (gd, momentum, nesterov, adam),
 * the lecture's other methods (rmsprop, adagrad, adadelta, rprop) and two
 * second-order-aware methods (nonlinear conjugate gradient with a strong
 * Wolfe line search, damped Newton), the Adam family and Lion as torch.optim
 * and their papers write them, L-BFGS and the Nelder-Mead simplex, each a
 * pure function of its
 * parameters, its state and a loss oracle.
 *
 * Every method is one row of a table, {info, state init, step} (see
 * ov_optim_method), defined in its own file: a new method is that file and
 * one row in OV_OPTIMIZERS below. */
#ifndef OV_OPTIM_H
#define OV_OPTIM_H

#include <stdbool.h>
#include <stddef.h>

#include "objective.h"
#include "schedule.h"

/* The optimiser table, one row per method in the order --list-optimizers
 * prints them: X(KIND, name) is the kind OV_OPT_KIND and the method
 * ov_optim_name (its {info, state init, step}, see ov_optim_method) defined
 * in optim_name.c. */
#define OV_OPTIMIZERS(X) \
    X(GD, gd)             \
    X(MOMENTUM, momentum) \
    X(NESTEROV, nesterov) \
    X(ADAM, adam)         \
    X(RMSPROP, rmsprop)   \
    X(ADAGRAD, adagrad)   \
    X(ADADELTA, adadelta) \
    X(RPROP, rprop)       \
    X(CG, cg)             \
    X(NEWTON, newton)     \
    X(AMSGRAD, amsgrad)   \
    X(NADAM, nadam)       \
    X(RADAM, radam)       \
    X(ADAMAX, adamax)     \
    X(ADAMW, adamw)       \
    X(LION, lion)         \
    X(LBFGS, lbfgs)       \
    X(NELDER_MEAD, nelder_mead) \
    X(RULE, rule)

/* The most coordinates an optimiser moves (a model's parameters; a
 * surface's x and y are n = 2): the size of the state's per-coordinate
 * arrays. Every method loops over the oracle's n (or its dim). */
#define OV_OPTIM_MAX_DIM OV_OBJECTIVE_MAX_DIM
/* lbfgs: the most (s, y) pairs :history= may keep. */
#define OV_LBFGS_MAX_HISTORY 50
/* nelder-mead: scipy's coefficients and initial simplex. */
#define OV_NM_REFLECT 1.0
#define OV_NM_EXPAND 2.0
#define OV_NM_CONTRACT 0.5
#define OV_NM_SHRINK 0.5
#define OV_NM_NONZDELT 0.05
#define OV_NM_ZDELT 0.00025

typedef enum ov_optim_kind {
#define OV_OPTIM_KIND(kind, name) OV_OPT_##kind,
    OV_OPTIMIZERS(OV_OPTIM_KIND)
#undef OV_OPTIM_KIND
    OV_OPTIM_COUNT
} ov_optim_kind;

typedef struct ov_optim_params {
    ov_optim_kind kind;
    double alpha;   /* learning rate (step size); cg: first trial step of
                     * the first line search; newton: first trial step */
    double beta;    /* momentum; Adam's beta1; RMSprop/Adadelta decay */
    double beta2;   /* Adam's second-moment decay */
    double eps;     /* Adam/RMSprop/Adagrad/Adadelta denominator guard */
    double wd;      /* adamw, lion: weight decay λ (:wd=) */
    int history;    /* lbfgs: pairs kept, 1 .. OV_LBFGS_MAX_HISTORY (:history=) */
    /* rule: the compiled rule (rule.h; kept for the program's life), NULL
     * for gd's rule. */
    const struct ov_rule *rule;
    /* :schedule=: the α update i uses is ov_schedule_alpha(&schedule,
     * alpha, i) (run.c); alpha above is the base α. */
    ov_schedule schedule;
} ov_optim_params;

/* Static description of one optimiser, for --list-optimizers, README, HUD. */
typedef struct ov_optim_info {
    const char *name;        /* "gd", "momentum", ... */
    const char *title;       /* "gradient descent" */
    const char *rule;        /* the exact update rule, one or more lines */
    double alpha, beta, beta2, eps;   /* defaults */
    double wd;                        /* default :wd= (uses_wd) */
    int history;                      /* default :history= (uses_history) */
    bool uses_beta, uses_beta2, uses_eps, uses_wd, uses_history;
    /* The method asks for its gradient away from w (nesterov's look-ahead),
     * so a caller need not precompute the gradient at w for it. */
    bool lookahead;
    /* The method has no step size (nelder-mead): α is accepted and unused. */
    bool no_alpha;
} ov_optim_info;

const ov_optim_info *ov_optim_info_of(ov_optim_kind kind);
/* The name a run goes by in CSV and the HUD: the method's, or for a typed
 * rule "rule", or "rule-NAME" when it was given :name=NAME. Into buf. */
const char *ov_optim_run_name(const ov_optim_params *p, char *buf, size_t cap);
/* Exact name match; returns false when unknown. */
bool ov_optim_find(const char *name, ov_optim_kind *kind);
/* Fills p with kind's defaults. */
void ov_optim_defaults(ov_optim_kind kind, ov_optim_params *p);

/* What the optimiser may ask of the loss at a point w of n coordinates:
 * value f, the n partial derivatives g, and (when h is not NULL) the n*n
 * Hessian h, row-major (h[i*n + j] = d2f / dwi dwj). */
typedef struct ov_oracle {
    void *ctx;
    void (*eval)(void *ctx, const double *w, double *f, double *g, double *h);
    int n;      /* coordinates of w, 1 .. OV_OPTIM_MAX_DIM */
    /* How many leading coordinates the loss depends on (a curve L(x): 1);
     * 0 means all n. The methods beyond the lecture move only these
     * (weight decay and a simplex would otherwise move the rest). */
    int dim;
} ov_oracle;

/* The number of coordinates oracle's loss depends on (see ov_oracle.dim). */
static inline int ov_oracle_dim(const ov_oracle *oracle)
{
    return oracle->dim > 0 && oracle->dim < oracle->n ? oracle->dim : oracle->n;
}

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

/* Per-run optimiser memory. Zeroed by ov_optim_state_init. About 90 KB
 * (the arrays hold OV_OPTIM_MAX_DIM coordinates): one per run being
 * computed or replayed, never one per step. */
typedef struct ov_optim_state {
    int t;              /* steps taken so far */
    double u[OV_OPTIM_MAX_DIM];      /* momentum search direction / nesterov velocity */
    double m[OV_OPTIM_MAX_DIM];      /* first moment (adam) */
    double s[OV_OPTIM_MAX_DIM];      /* second moment (adam, rmsprop, adagrad, adadelta) */
    double d[OV_OPTIM_MAX_DIM];      /* adadelta: running mean of squared updates */
    double step[OV_OPTIM_MAX_DIM];   /* rprop: per-coordinate step sizes */
    double prev_g[OV_OPTIM_MAX_DIM]; /* rprop: previous gradient */
    double beta_t[2];   /* adam: beta^t and beta2^t (bias corrections) */
    double last_delta[OV_OPTIM_MAX_DIM]; /* the step w moved by last time (for arrows) */
    double cg_d[OV_OPTIM_MAX_DIM];   /* cg: last search direction d_(k-1); 0: restart */
    double cg_g[OV_OPTIM_MAX_DIM];   /* cg: gradient g_(k-1) where that search began */
    double cg_slope;    /* cg: g_(k-1)'d_(k-1) */
    double ls_step;     /* cg, newton: step length of the last line search */
    int ls_evals;       /* cg, newton: oracle calls of the last step */
    ov_ls_result ls_result;
    ov_newton_dir newton_dir;
    bool stuck;         /* cg, newton, lbfgs: the last search failed from
                         * this w with memory reset, so every later one would */
    double vmax[OV_OPTIM_MAX_DIM];  /* amsgrad: running max of the raw second moment */
    double mu_prod;             /* nadam: μ_1 ... μ_t */
    /* lbfgs: the newest pairs s_i = w_(i+1) - w_i, y_i = g_(i+1) - g_i in a
     * ring (lb_head the newest, lb_n stored), the gradient where the last
     * step began and the direction it took. */
    double lb_s[OV_LBFGS_MAX_HISTORY][OV_OPTIM_MAX_DIM];
    double lb_y[OV_LBFGS_MAX_HISTORY][OV_OPTIM_MAX_DIM];
    int lb_n, lb_head;
    bool lb_have_prev;
    double lb_g[OV_OPTIM_MAX_DIM];
    double lb_dir[OV_OPTIM_MAX_DIM];
    /* nelder-mead: the simplex sorted by loss (vertex 0 the best), the
     * operation of the last iteration and the loss evaluations so far. */
    double nm_x[OV_OPTIM_MAX_DIM + 1][OV_OPTIM_MAX_DIM];
    double nm_f[OV_OPTIM_MAX_DIM + 1];
    bool nm_ready;
    int nm_op;          /* ov_nm_op */
    int nm_evals;
    double rule_state[8][OV_OPTIM_MAX_DIM];   /* rule: its state names' values */
} ov_optim_state;

/* What nelder-mead's last iteration did. */
typedef enum ov_nm_op {
    OV_NM_NONE, OV_NM_REFLECTED, OV_NM_EXPANDED, OV_NM_CONTRACTED_OUT,
    OV_NM_CONTRACTED_IN, OV_NM_SHRUNK
} ov_nm_op;

/* Zeroes st, then lets p's method set up its own fields. */
void ov_optim_state_init(ov_optim_state *st, const ov_optim_params *p);

/* Advances w (oracle->n coordinates) by one step of p's rule. Returns false
 * when the oracle returned a non-finite gradient (w is then left
 * unchanged). */
bool ov_optim_step(const ov_optim_params *p, ov_optim_state *st, double *w,
                   const ov_oracle *oracle);

/* One row of the optimiser table. */
typedef struct ov_optim_method {
    ov_optim_info info;
    /* Called on a state already set up as ov_optim_state_init describes;
     * NULL when the method needs nothing more. */
    void (*state_init)(ov_optim_state *st, const ov_optim_params *p);
    /* Same contract as ov_optim_step; st->t and st->last_delta are the
     * method's to keep. */
    bool (*step)(const ov_optim_params *p, ov_optim_state *st, double *w,
                 const ov_oracle *oracle);
} ov_optim_method;

/* The table's row for kind, or NULL when kind is out of range. */
const ov_optim_method *ov_optim_method_of(ov_optim_kind kind);

#endif
