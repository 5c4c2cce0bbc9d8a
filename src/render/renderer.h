/* The renderer's parts (render.c): the framebuffer object and the passes it
 * owns. For render.c, and for tests that look inside the renderer; the app
 * uses render.h only. */
#ifndef OV_RENDER_RENDERER_H
#define OV_RENDER_RENDERER_H

#include <epoxy/gl.h>
#include <stdbool.h>

#include "core/expr.h"
#include "render/contour.h"
#include "render/mesh.h"
#include "render/overlay.h"
#include "render/paths.h"
#include "render/render.h"
#include "render/text.h"

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
};

#endif
