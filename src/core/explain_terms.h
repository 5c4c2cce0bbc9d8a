/* Internal to explain_terms.c and explain_beyond.c: the pieces a step's
 * decomposition is built from (arrows, guides, points, bars, the caption)
 * and the decompositions of the methods beyond the lecture. */
#ifndef OV_EXPLAIN_TERMS_H
#define OV_EXPLAIN_TERMS_H

#include "explain.h"

void ov_explain_add_arrow(ov_explain *x, const double from[2], double dx, double dy,
                          ov_explain_role role, double fade, const char *label);
/* A construction line from a to b. */
void ov_explain_add_guide(ov_explain *x, const double a[2], const double b[2]);
void ov_explain_add_point(ov_explain *x, const double w[2], ov_explain_point_role role,
                          const char *label);
void ov_explain_add_bar(ov_explain *x, int axis, int group, double value, const char *label);
void ov_explain_set_caption(ov_explain *x, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The step's per-coordinate arrows, its whole step, and guides from each
 * coordinate's tip to the step's tip. */
void ov_explain_add_axis_steps(ov_explain *x, const double w[2], const double d[2],
                               const char *lx, const char *ly, const char *step_label);
/* The line-search trials calls[1..] as points, the kept one marked. */
void ov_explain_add_trials(const ov_explain_call *calls, int ncalls, bool by_t, ov_explain *x);

/* The decomposition of amsgrad, nadam, radam, adamax, adamw, lion, lbfgs
 * and nelder-mead (explain_beyond.c); false for any other method. */
bool ov_explain_beyond(const ov_optim_params *p, const ov_optim_state *before,
                       const ov_optim_state *after, const double w[2], const double g[2],
                       const ov_explain_call *calls, int ncalls, ov_explain *x);

#endif
