/* The 3-D surface (mesh.c): a grid mesh displaced by the loss in its vertex
 * shader, coloured and iso-lined as the contour pass is, lit, with its
 * colour and depth cached between frames. Only src/render includes this. */
#ifndef OV_RENDER_MESH_H
#define OV_RENDER_MESH_H

#include "render/glapi.h"
#include <stdbool.h>
#include <stddef.h>

#include "core/expr.h"
#include "core/loss_range.h"
#include "core/surface.h"
#include "core/view.h"
#include "render/contour.h"

#define OV_MESH_GRID 96    /* cells per side of the surface grid */

enum {
    OV_MU_PA, OV_MU_PB, OV_MU_MVP, OV_MU_RECT, OV_MU_EXTENT, OV_MU_HEIGHT, OV_MU_LOGH,
    OV_MU_GRID, OV_MU_LEVEL, OV_MU_CMAP, OV_MU_LINE, OV_MU_LIGHT, OV_MESH_UNIFORMS
};

/* What the cached surface image was drawn from. */
typedef struct ov_mesh_key {
    float mvp[16];
    ov_rect rect;
    int width, height;
    double relief;
    bool log_height;
    ov_loss_range range;
    double params[OV_EXPR_MAX_PARAMS];
    const ov_surface *surface;
    float px_scale;
    bool strong;
} ov_mesh_key;

typedef struct ov_mesh {
    GLuint prog, vao, ebo;
    GLint u[OV_MESH_UNIFORMS];
    char formula[OV_EXPR_MAX_SOURCE + 1];
    /* As in ov_contour: the formula that last failed to build, why, and
     * the tests' GLSL put after the loss function (NULL normally). */
    char failed[OV_EXPR_MAX_SOURCE + 1];
    char failed_err[1024];
    const char *test_glsl;
    int grid;
    GLsizei nindices;
    GLuint cache_fbo, cache_color, cache_depth;
    int cache_w, cache_h;
    bool cache_valid;
    ov_mesh_key key;
    /* The cache holds the image and depth the last draw showed. */
    bool image_kept;
} ov_mesh;

bool ov_mesh_init(ov_mesh *m, char *err, size_t cap);
void ov_mesh_deinit(ov_mesh *m);
/* Rebuilds the program when s's formula differs from the one it was built
 * for; c provides the colour map constants. false with the build's error
 * in err as ov_contour_set_surface (the old program must not be used for
 * s; a formula that failed fails again at once). */
bool ov_mesh_set_surface(ov_mesh *m, ov_contour *c, const ov_surface *s, char *err, size_t cap);
/* Copies the image and depth the last ov_mesh_draw showed into dst_fbo
 * (which has a depth attachment), width x height, and leaves dst_fbo bound;
 * false when they were not kept at that size. */
bool ov_mesh_show_last(ov_mesh *m, int width, int height, GLuint dst_fbo);
/* Frees the cached colour and depth images (see ov_contour_drop_cache). */
void ov_mesh_drop_cache(ov_mesh *m);
/* Draws the surface of the 3-D view v into dst_fbo, which must have a depth
 * attachment: colour and depth, from the cache when nothing changed;
 * leaves dst_fbo bound and depth testing off. false when no program is
 * built or GL reported an error (logged). */
bool ov_mesh_draw(ov_mesh *m, const ov_surface *s, const ov_view *v, float px_scale,
                  bool strong, GLuint dst_fbo);

#endif
