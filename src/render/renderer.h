/* The renderer's parts (render.c, render_frame.c, render_draw.c,
 * render_parts.c, readback.c): the framebuffer object and the passes it
 * owns. For those files, and for tests that look inside the renderer; the
 * app uses render.h only. */
#ifndef OV_RENDER_RENDERER_H
#define OV_RENDER_RENDERER_H

#include "render/glapi.h"
#include <stdbool.h>

#include "core/expr.h"
#include "render/contour.h"
#include "render/damage.h"
#include "render/mesh.h"
#include "render/overlay.h"
#include "render/paths.h"
#include "render/render.h"
#include "render/text.h"

typedef enum ov_shown {
    OV_SHOWN_NONE = 0,      /* nothing to show again: the background */
    OV_SHOWN_CONTOURS,      /* the contour pass's image */
    OV_SHOWN_SURFACE        /* the 3-D surface's image and depth */
} ov_shown;

struct ov_renderer {
    int width, height;
    GLuint fbo, color_tex;
    GLuint depth_tex;       /* 0 until the first 3-D frame */
    GLuint empty_vao;
    ov_contour contour;
    ov_mesh mesh;           /* zero until the first 3-D frame (mesh_ready) */
    bool mesh_ready;
    ov_paths paths;
    ov_overlay overlay;
    ov_text_cache text;
    /* read_loss: program for the last formula asked about */
    GLuint loss_prog;
    GLint loss_u_param_a, loss_u_param_b, loss_u_view;
    char loss_formula[OV_EXPR_MAX_SOURCE + 1];
    bool ttf_inited;
    GLsync frame_fence;     /* the end of the last frame shown, or NULL */
    bool software;          /* llvmpipe or softpipe: frames drawn on the CPU */
    /* Why the last frame or rebuild failed, as said to the user; "" after
     * a frame that was drawn. */
    char error[512];
    bool frame_failed;      /* the last ov_renderer_begin did not draw its frame */
    /* The surface picture of the last frame drawn, which a frame that
     * cannot be drawn shows again from the pass's cache. */
    ov_shown shown;
    /* Stage timing for benchmarks (ov_renderer_set_timing): each stage is
     * waited for (glFinish) and the process's CPU ms, all threads, noted at
     * its end. */
    bool timing;
    double t_begin, t_contour, t_paths, t_end0, t_end1;
    double t_lap, lap_contour, lap_paths, lap_text;   /* laps within ov_renderer_end */
    /* What changed since the last frame (2-D): this frame is compared
     * (track), and drawn only where it changed (partial: the contour image
     * is the one the framebuffer holds). */
    ov_damage damage;
    bool track, partial;
    int ends_unread;        /* frames ended since ov_renderer_damage was asked */
    ov_seg *cull;           /* a damaged rectangle's capsules */
    int cull_cap;
    uint8_t *rb;            /* a rectangle read back */
    size_t rb_cap;
};

/* render_parts.c: the CPU ms of the process (all threads) once the GL
 * work issued so far is done; with timing on, the ms since the last lap
 * added to *slot; this frame's primitives into r->damage (false when out
 * of memory); the damaged rectangles redrawn. */
double ov_render_stage_end(void);
void ov_render_lap(ov_renderer *r, double *slot);
bool ov_render_frame_prims(ov_renderer *r);
void ov_render_draw_parts(ov_renderer *r);

/* render.c: the FBO's depth attachment at the current size, made on the
 * first 3-D frame (false with a message in err); and "the shader for this
 * formula failed to build: <first error line of build>" into r->error. */
bool ov_render_depth_storage(ov_renderer *r, char *err, size_t cap);
void ov_render_shader_failed(ov_renderer *r, const char *build);

/* Whether a framebuffer of w x h can be made here (1 .. GL_MAX_TEXTURE_SIZE
 * a side); false with a message in err. */
bool ov_render_size_ok(int w, int h, char *err, size_t cap);
/* Whether v is a finite rectangle of positive width and height. */
bool ov_render_rect_ok(ov_rect v);

#endif
