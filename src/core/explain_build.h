/* Internal to the step taken apart (explain_terms.c, explain_beyond.c):
 * the pieces a step's decomposition is built from (arrows, guides, points,
 * bars, the caption, a line search's trials), in explain_build.c. */
#ifndef OV_EXPLAIN_BUILD_H
#define OV_EXPLAIN_BUILD_H

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


#endif
