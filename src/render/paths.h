/* The path pass (paths.c): the start and minima markers and every run's
 * thinned, clipped path drawn as instanced anti-aliased capsules. Only
 * src/render includes this. */
#ifndef OV_RENDER_PATHS_H
#define OV_RENDER_PATHS_H

#include "render/glapi.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/scene.h"
#include "core/thin.h"
#include "render/capsules.h"
#include "render/frame.h"
#include "render/overlay.h"
#include "render/text.h"

/* The thinned, clipped polyline of one run (core/thin), extended as the
 * animation advances and rebuilt when the run, the view or the size changes. */
typedef struct ov_path_cache {
    uint64_t key;
    int processed;          /* source iterates fed to thin */
    ov_thin thin;
} ov_path_cache;

typedef struct ov_paths {
    GLuint prog, vao, vbo;
    GLint u_size;
    size_t vbo_bytes;
    ov_seg_list list;
    ov_path_cache cache[OV_MAX_RUNS];
    ov_path_cache ghost_cache[OV_MAX_RUNS];
    unsigned long nonfinite;    /* non-finite values found in uploads (0) */
    long last_capsules;         /* capsules drawn by the last ov_paths_draw */
    long last_fed;              /* iterates it fed to the thinning */
} ov_paths;

bool ov_paths_init(ov_paths *p, char *err, size_t cap);
void ov_paths_deinit(ov_paths *p);
/* Draws the start and minima markers and every run of desc into the bound
 * framebuffer. */
void ov_paths_draw(ov_paths *p, const ov_frame_desc *desc, int width, int height,
                   float px_scale, ov_overlay *o, ov_text_cache *tc);
/* ov_paths_draw in two: the capsules of desc into p->list (no GL), and
 * drawing n capsules into the bound framebuffer. */
void ov_paths_build(ov_paths *p, const ov_frame_desc *desc, int width, int height,
                    float px_scale);
void ov_paths_submit(ov_paths *p, const ov_seg *v, int n, int width, int height, bool is3d);
/* See ov_renderer_diverged_mark; s is the pass's pixel scale. */
bool ov_paths_diverged_mark(const ov_frame_desc *d, int idx, int width, int height, float s,
                            float *x, float *y);

#endif
