/* What surface.c asks of a plane surface (surface_plane.c): its
 * evaluation, its parameters by name, its key and its teardown. Not for
 * other files: they use surface.h. */
#ifndef OV_SURFACE_PLANE_H
#define OV_SURFACE_PLANE_H

#include "surface.h"

/* The loss at (x, y) and, when not NULL, its gradient (2) and Hessian (3,
 * {xx, xy, yy}) on the plane of s (s->plane not NULL). */
void ov_surface_plane_eval(const ov_surface *s, double x, double y, double *f, double *g,
                           double *h);
/* Index of the parameter called name, or -1. */
int ov_surface_plane_param(const ov_surface *s, const char *name);
const char *ov_surface_plane_key(const ov_surface_plane *p);
const char *ov_surface_plane_summary(const ov_surface_plane *p);
void ov_surface_plane_free(ov_surface_plane *p);

#endif
