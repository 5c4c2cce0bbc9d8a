/* Internal to optim.c and optim_methods.c: the steps of the methods that
 * call the oracle several times per step (cg and newton). */
#ifndef OV_OPTIM_INTERNAL_H
#define OV_OPTIM_INTERNAL_H

#include "optim.h"

/* Same contract as ov_optim_step, for p->kind OV_OPT_CG and OV_OPT_NEWTON. */
bool ov_optim_step_cg(const ov_optim_params *p, ov_optim_state *st, double w[2],
                      const ov_oracle *oracle);
bool ov_optim_step_newton(const ov_optim_params *p, ov_optim_state *st, double w[2],
                          const ov_oracle *oracle);

#endif
