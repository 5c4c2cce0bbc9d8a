/* The renderer's parts (render.c, readback.c): the framebuffer object and
 * the passes it owns. For those two files, and for tests that look inside
 * the renderer; the app uses render.h only. */
#ifndef OV_RENDER_RENDERER_H
#define OV_RENDER_RENDERER_H

#include "render/glapi.h"
#include <stdbool.h>

#include "core/expr.h"
#include "render/contour.h"
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
    ov_mesh mesh;
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
};

/* Whether a framebuffer of w x h can be made here (1 .. GL_MAX_TEXTURE_SIZE
 * a side); false with a message in err. */
bool ov_render_size_ok(int w, int h, char *err, size_t cap);
/* Whether v is a finite rectangle of positive width and height. */
bool ov_render_rect_ok(ov_rect v);

#endif
