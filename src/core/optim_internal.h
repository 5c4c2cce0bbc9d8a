/* Internal to the optimiser files (optim.c and optim_<method>.c): each
 * method's table row and the helpers their steps share. */
#ifndef OV_OPTIM_INTERNAL_H
#define OV_OPTIM_INTERNAL_H

#include "optim.h"

/* The rows of the table, one per file optim_<name>.c. */
#define OV_OPTIM_DECLARE(kind, name) extern const ov_optim_method ov_optim_##name;
OV_OPTIMIZERS(OV_OPTIM_DECLARE)
#undef OV_OPTIM_DECLARE

/* a'b over n >= 1 coordinates, summed left to right from a[0] b[0] (at
 * n = 2 exactly a[0] b[0] + a[1] b[1]). */
static inline double ov_optim_dot(const double *a, const double *b, int n)
{
    double s = a[0] * b[0];
    for (int k = 1; k < n; k++)
        s += a[k] * b[k];
    return s;
}

/* Gradient at w (oracle->n coordinates) through the oracle; false when
 * any coordinate is not finite. */
bool ov_optim_gradient(const ov_oracle *oracle, const double *w, double *g);

/* Moves w by delta (possibly zero) in its oracle->n coordinates and
 * records it as st->last_delta. */
void ov_optim_take(ov_optim_state *st, double *w, const double *delta, const ov_oracle *oracle);

/* A line-search step that does not move (a repeat of a failed search, or
 * g = 0): counts the step, records result and evals; returns true. */
bool ov_optim_stay(ov_optim_state *st, ov_ls_result result, int evals);

/* beta^t and beta2^t (st->beta_t) start at 1: the Adam family's init. */
void ov_optim_powers_init(ov_optim_state *st, const ov_optim_params *p);

/* The start of an Adam-family step once g is known: t + 1, beta^t and
 * beta2^t one power further, and the moments m <- beta m + (1-beta) g,
 * s <- beta2 s + (1-beta2) g^2 of the first n coordinates. */
void ov_optim_adam_moments(const ov_optim_params *p, ov_optim_state *st, const double *g, int n);

/* cg's strong Wolfe line search (optim_cg.c, its rule in cg's info) along d
 * from w, where the loss is f0 and the slope s0 = g'd < 0, first trial
 * a_init. On success *step is the step length kept (> 0); *evals counts
 * the oracle calls it made. */
ov_ls_result ov_optim_line_search(const ov_oracle *oracle, const double *w, double f0,
                                  const double *d, double s0, double a_init,
                                  double *step, int *evals);

#endif
