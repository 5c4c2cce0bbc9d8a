/* A surface (surface.h) as the loss a run minimises (objective.h): the
 * n = 2 case of a model, and the run of a surface from an (x, y) start. */
#ifndef OV_SURFACE_OBJECTIVE_H
#define OV_SURFACE_OBJECTIVE_H

#include <stdbool.h>

#include "geom.h"
#include "objective.h"
#include "run.h"
#include "surface.h"

/* s as an objective: n = 2, active = 1 on a curve (s->one_d), else 2;
 * eval gives the value (ov_surface_value when g and h are NULL), the
 * gradient (ov_surface_grad) and the Hessian (ov_surface_hess's {fxx, fxy,
 * fyy} written row-major as {fxx, fxy, fxy, fyy}; on a curve every entry
 * but fxx is 0). ctx is s, which must outlive the objective's use. */
ov_objective ov_surface_objective(const ov_surface *s);

/* ov_run_compute on s's objective from (start.x, start.y). */
bool ov_run_compute_surface(ov_run *run, const ov_surface *s, ov_vec2 start, int steps);

#endif
