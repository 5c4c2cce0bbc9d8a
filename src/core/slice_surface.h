/* A model's slice as a drawable surface: the plane surface
 * (surface.h) through ov_model_objective with the model's GLSL for the
 * plane (model.h), the followed coordinates as its parameters, and the
 * neuron grouping the random slice's filter normalisation needs. The one
 * place that knows both the slice and the model. */
#ifndef OV_SLICE_SURFACE_H
#define OV_SLICE_SURFACE_H

#include <stdbool.h>
#include <stddef.h>
#include "model.h"
#include "slice.h"
#include "surface.h"

/* Most coordinates a surface can follow through uniforms (Pa, Pb). */
#define OV_SLICE_MAX_FOLLOW OV_MODEL_PLANE_UNIFORMS

/* The coordinates that follow the targeted run, in ascending order, into
 * coords (room for OV_SLICE_MAX_FOLLOW): for an axes slice with follow on,
 * every coordinate but a and b; none for the other kinds, with follow off,
 * or when more than OV_SLICE_MAX_FOLLOW would follow (see
 * ov_slice_follow_baked). Returns how many. */
int ov_slice_followed(const ov_slice *s, int *coords);
/* True for an axes slice that follows but has more than
 * OV_SLICE_MAX_FOLLOW other coordinates: its surface has them baked in,
 * so following means ov_slice_axes and a new ov_slice_surface_create at
 * each change of the shown iterate (a shader build each time). */
bool ov_slice_follow_baked(const ov_slice *s);

/* The random slice's neuron grouping for m (ov_slice_random's group): for
 * xor (w11, w12 | b1), (w21, w22 | b2), (v1, v2 | c): {0, 0, -1, 1, 1, -1,
 * 2, 2, -1}; NULL for the other models (no filter normalisation). */
const int *ov_slice_model_groups(const ov_model *m);

/* The surface showing m's loss on s's plane: name m->name, summary
 * m->summary, view as given; parameters the followed coordinates
 * (ov_slice_followed), named after them and starting at s->o's values,
 * read by the shaders from Pa/Pb. m must outlive the surface, and, the
 * model not being thread-safe, be evaluated by one thread at a time. NULL
 * with a message in err when the slice does not fit m or memory runs
 * out. */
ov_surface *ov_slice_surface_create(const ov_model *m, const ov_slice *s, ov_rect view, char *err,
                                    size_t cap);

#endif
