/* The step taken apart for the methods beyond the lecture (the Adam
 * family, lion, lbfgs, nelder-mead, typed rules): explain_beyond.c, called
 * by explain_terms.c's dispatch. */
#ifndef OV_EXPLAIN_BEYOND_H
#define OV_EXPLAIN_BEYOND_H

#include <stdbool.h>

#include "explain.h"

/* Fills x with the decomposition of p's method's update from `before` to
 * `after`; false when the method is not one of these. */
bool ov_explain_beyond(const ov_optim_params *p, const ov_optim_state *before,
                       const ov_optim_state *after, const double w[2], const double g[2],
                       const ov_explain_call *calls, int ncalls, ov_explain *x);

#endif
