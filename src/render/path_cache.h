/* The path cache (path_cache.c): a run's projected, thinned iterates kept
 * from frame to frame for the path pass (paths.c). */
#ifndef OV_PATH_CACHE_H
#define OV_PATH_CACHE_H

#include "render/paths.h"

/* How iterates become pixels: the frame's view and size, the surface
 * (heights along a 3-D step), how far points are lifted towards a 3-D
 * camera (px), the pixel scale, and the band (px) around the frame where
 * thinned geometry may reach. */
typedef struct ov_path_feed {
    const ov_view *v;
    int w, h;
    const ov_surface *s;
    double lift_px;
    float scale;
    double guard;
    /* A model's paths in 2-D (paths_off.h): each iterate's distance from
     * the plane, run->off, goes into the thinning in place of the depth
     * (0 in 2-D), so every kept segment and dot carries it for fading. */
    bool off_as_depth;
} ov_path_feed;

/* Brings pc up to the first k iterates of run, thinned (p counts what
 * was fed and the non-finite iterates met): rebuilt when the
 * run, its distances from the plane (models), the view or the size changed or the animation went back, otherwise
 * only the iterates new since the last frame are fed. Returns where the
 * drawable run ends: run->n, or the first iterate met (of the k shown and
 * the one the head moves towards) with a non-finite x, y or loss. The core
 * never stores one; should one arrive anyway, the run ends before it, with
 * its X, and it is counted (ov_render_stats), never drawn as some other
 * number. */
int ov_path_cache_update(ov_paths *p, ov_path_cache *pc, const ov_run *run, int k,
                         const ov_path_feed *f);

#endif
