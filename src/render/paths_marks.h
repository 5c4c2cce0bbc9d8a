/* The path pass's shared parts (paths_marks.c): how a world point becomes
 * a pixel of the pass, the band around the frame geometry may reach, and
 * the marks drawn besides the paths: the start ring, the minima stars and
 * Nelder-Mead's simplex. paths.c draws the paths and heads with them. Only
 * src/render includes this. */
#ifndef OV_RENDER_PATHS_MARKS_H
#define OV_RENDER_PATHS_MARKS_H

#include <stdbool.h>

#include "render/capsules.h"
#include "render/paths.h"

#define OV_PATH_GUARD 64.0   /* px beyond the view that geometry may reach */

/* The frame's view and size, and how far (px) paths and markers are lifted
 * towards the camera in 3-D so the surface does not hide them. */
typedef struct ov_path_proj {
    const ov_view *v;
    const ov_surface *s;
    int w, h;
    double lift_path, lift_head;
    double off_span;    /* > 0: a model in 2-D, depths carry distances (paths_off.h) */
} ov_path_proj;

/* Sizes (px) and colours of the pass, scaled by s. */
typedef struct ov_path_style {
    float line, casing, dot, dot_ring, head, head_ring, s;
    ov_rgba dark, white;
} ov_path_style;

/* World point with loss L -> drawing point through the view; false when
 * it has none (behind a 3-D camera). */
bool ov_paths_project(const ov_path_proj *pj, double x, double y, double L, double lift,
                      ov_pt *out);
/* Whether q lies inside the frame widened by OV_PATH_GUARD. */
bool ov_paths_in_guard(const ov_path_proj *pj, ov_pt q);
/* Pushes segment a-b clipped to the guard band (dashed when d says so). */
void ov_paths_push_clipped(ov_seg_list *l, ov_pt a, ov_pt b, const ov_path_proj *pj,
                           float radius, ov_paint c, ov_dash *d);
/* Nelder-Mead's simplex at the head (iterate k, frac of the way to k + 1). */
void ov_paths_draw_simplex(ov_paths *p, const ov_run *run, int k, double frac,
                           const ov_path_proj *pj, const ov_path_style *st, ov_paint pc,
                           ov_paint dark);
/* The start point: a white ring with a dark outline, under the paths. */
void ov_paths_draw_start(ov_paths *p, const ov_scene *sc, const ov_path_proj *pj,
                         const ov_path_style *st);
/* A six-armed star at each known minimum inside the view (3-D: on a stem). */
void ov_paths_draw_minima(ov_paths *p, const ov_surface *s, const ov_path_proj *pj,
                          const ov_path_style *st);

#endif
