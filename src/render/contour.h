/* The contour pass (contour.c): the filled, log-spaced contours and
 * anti-aliased iso-lines of the 2-D view, drawn by a fragment shader built
 * from the surface's formula, cached between frames and drawn as a
 * half-resolution draft first in the window. Only src/render includes this. */
#ifndef OV_RENDER_CONTOUR_H
#define OV_RENDER_CONTOUR_H

#include "render/glapi.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/expr.h"
#include "core/loss_range.h"
#include "core/surface.h"
#include "core/view.h"
#include "render/palette.h"

/* What a contour image depends on. */
typedef struct ov_contour_key {
    int w, h;
    float scale;
    bool strong;
    const ov_surface *surface;
    ov_rect view;
    double params[OV_EXPR_MAX_PARAMS];
} ov_contour_key;

typedef struct ov_contour {
    GLuint prog;            /* 0 until a surface is set */
    GLint u_param_a, u_param_b, u_view, u_level, u_cmap_range, u_line;
    char formula[OV_EXPR_MAX_SOURCE + 1];
    /* The last formula whose program failed to build, and why: it is not
     * built again on every frame (until another formula builds). */
    char failed[OV_EXPR_MAX_SOURCE + 1];
    char failed_err[1024];
    /* Tests: GLSL put after the loss function in the programs built from
     * now on ("#error" there fails a build as a driver's compiler can).
     * NULL normally. */
    const char *test_glsl;
    float cmap_poly[OV_CMAP_POLY][3];
    char cmap_glsl[1024];   /* the same as GLSL constants */
    /* The last image drawn, reused while nothing it depends on changed
     * (unless no_cache: a renderer for one frame). */
    bool no_cache;
    GLuint cache_fbo, cache_tex;
    int cache_w, cache_h;
    bool cache_valid;
    ov_contour_key cache_key;
    /* cache_tex holds the image the last draw showed (in full or as a
     * draft): what a frame that cannot be drawn shows instead. */
    bool image_kept;
    /* Drafts (the window): a changed image is first drawn at half
     * resolution and doubled on the CPU; the next frame draws it in full. */
    bool drafts;
    bool draft_shown;       /* the last frame showed a draft of draft_key */
    ov_contour_key draft_key;
    GLuint draft_fbo, draft_tex;
    int draft_w, draft_h;
    uint32_t *draft_px, *full_px;   /* readback and doubled image */
    size_t draft_px_cap, full_px_cap;
} ov_contour;

bool ov_contour_init(ov_contour *c, char *err, size_t cap);
void ov_contour_deinit(ov_contour *c);
/* Builds the program for s's formula unless it is built already. false,
 * with the build's error in err (the info log), when it cannot be built:
 * the program of the previous formula stays but must not be used for s. A
 * formula that failed fails again at once with the same error. */
bool ov_contour_set_surface(ov_contour *c, const ov_surface *s, char *err, size_t cap);
/* Draws the fill and iso-lines of the 2-D view v into dst_fbo (v's size):
 * a copy of the cached image, or, when surface, parameters, view, size or
 * style changed, a new pass that is then cached; leaves dst_fbo bound.
 * strong: the high-contrast theme (wider, opaque iso-lines). false when
 * no program is built or GL reported an error (logged). */
bool ov_contour_draw(ov_contour *c, const ov_surface *s, const ov_view *v, float px_scale,
                     bool strong, GLuint dst_fbo);
/* Copies the image the last ov_contour_draw showed (in full or as a draft)
 * into dst_fbo, width x height, and leaves dst_fbo bound; false when it was
 * not kept at that size (no cache, dropped since, a draw that failed). */
/* Whether the kept image is the picture of s in v as it stands (the
 * contour pass of a frame would copy it): then it counts as shown, and a
 * frame may copy only parts of it (ov_contour_copy_rect: x, y, w, h in
 * GL's rows bottom-up) into the frame. */
bool ov_contour_reuse(ov_contour *c, const ov_surface *s, const ov_view *v, float px_scale,
                      bool strong);
bool ov_contour_copy_rect(ov_contour *c, int x, int y, int w, int h, GLuint dst_fbo);
bool ov_contour_show_last(ov_contour *c, int width, int height, GLuint dst_fbo);
/* True when the last ov_contour_draw showed a draft: the next frame, with
 * nothing changed, draws it in full. */
bool ov_contour_draft_pending(const ov_contour *c);
/* Frees the cached image and the draft's buffers (made again at the next
 * change): after a resize they could not be used at the new size, and
 * images kept at a size the frame no longer has (a 2-D cache while the
 * view is 3-D, after leaving full screen) would hold memory for nothing. */
void ov_contour_drop_cache(ov_contour *c);
/* The level, colour-range and line uniforms shared by the contour pass and
 * the 3-D surface (same names in both shaders). */
void ov_contour_uniforms(GLint u_level, GLint u_cmap_range, GLint u_line,
                         const ov_loss_range *lr, float px_scale, bool strong);
/* The colour map polynomial as GLSL constants ov_cmap0..7 (a static buffer
 * inside c, valid while c lives). */
const char *ov_contour_cmap_glsl(ov_contour *c);

#endif
