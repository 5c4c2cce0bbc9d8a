/* Shared internals of the renderer: the pieces (shader helpers, colour map,
 * contour pass, path pass, text cache, overlay queue) and the renderer struct
 * that owns them. Only files in src/render include this. */
#ifndef OV_RENDER_INTERNAL_H
#define OV_RENDER_INTERNAL_H

#include <epoxy/gl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/loss_range.h"
#include "core/surface.h"
#include "core/thin.h"
#include "core/view.h"
#include "render.h"

/* Sizes are designed at 720 rows: d->ui_scale (0: 1) times height / 720,
 * the one place the frame height enters text, line and marker sizes
 * (render.c). */
float ov_render_frame_scale(const ov_frame_desc *d, int height);

/* ---- logging and GL checks (shader.c) ---- */

/* The renderer's one logging function: "optiviz: render: <message>". */
void ov_render_log(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
/* Drains glGetError; logs and returns false when any error was pending. */
bool ov_gl_ok(const char *where);

/* Compiles and links a program from the concatenation of vs_parts and of
 * fs_parts. Returns 0 with "<name>: <info log>" in err on failure. */
GLuint ov_gl_program(const char *name, const char *const *vs_parts, int nvs,
                     const char *const *fs_parts, int nfs, char *err, size_t cap);

/* Builds the fragment source for s's loss: the GLSL 330 header, the
 * parameters (uniforms vec4 Pa, Pb: parameter i is component i % 4 of Pa
 * for i < 4, else of Pb) and the function `float ov_loss(vec2 p)`.
 * Returns a malloc'd string, or NULL with a message in err. */
char *ov_loss_glsl(const ov_surface *s, char *err, size_t cap);
/* Uploads s's parameters to the current program's Pa and Pb. */
void ov_gl_params(GLint loc_a, GLint loc_b, const ov_surface *s);

/* ---- colour map and palette (palette.c) ---- */

#define OV_CMAP_SIZE 256
/* Fills rgb (OV_CMAP_SIZE * 3 bytes, sRGB) with the sequential colour map:
 * a straight lightness ramp in OKLab from deep blue-violet through teal and
 * green to pale yellow, chroma clipped to the sRGB gamut. */
void ov_colormap_fill(uint8_t *rgb);
/* Least-squares polynomial fit of the colour map for the shader, compiled
 * in as constants (on llvmpipe a texture fetch or a uniform array costs
 * more than the whole loss): colour(t) = sum_k coef[k] x^k, x = 2t - 1.
 * Returns the largest error over the table (0..1 units). */
#define OV_CMAP_POLY 8
double ov_colormap_poly(float coef[OV_CMAP_POLY][3]);

/* ---- contour pass (contour.c) ---- */

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
    float cmap_poly[OV_CMAP_POLY][3];
    char cmap_glsl[1024];   /* the same as GLSL constants */
    /* The last image drawn, reused while nothing it depends on changed
     * (unless no_cache: a renderer for one frame). */
    bool no_cache;
    GLuint cache_fbo, cache_tex;
    int cache_w, cache_h;
    bool cache_valid;
    ov_contour_key cache_key;
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
bool ov_contour_set_surface(ov_contour *c, const ov_surface *s, char *err, size_t cap);
/* Draws the fill and iso-lines of the 2-D view v into dst_fbo (v's size):
 * a copy of the cached image, or, when surface, parameters, view, size or
 * style changed, a new pass that is then cached; leaves dst_fbo bound.
 * strong: the high-contrast theme (wider, opaque iso-lines). */
void ov_contour_draw(ov_contour *c, const ov_surface *s, const ov_view *v, float px_scale,
                     bool strong, GLuint dst_fbo);
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

/* ---- 3-D surface (mesh.c) ---- */

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
    int grid;
    GLsizei nindices;
    GLuint cache_fbo, cache_color, cache_depth;
    int cache_w, cache_h;
    bool cache_valid;
    ov_mesh_key key;
} ov_mesh;

bool ov_mesh_init(ov_mesh *m, char *err, size_t cap);
void ov_mesh_deinit(ov_mesh *m);
/* Rebuilds the program when s's formula differs from the one it was built
 * for; c provides the colour map constants. */
bool ov_mesh_set_surface(ov_mesh *m, ov_contour *c, const ov_surface *s, char *err, size_t cap);
/* Frees the cached colour and depth images (see ov_contour_drop_cache). */
void ov_mesh_drop_cache(ov_mesh *m);
/* Draws the surface of the 3-D view v into dst_fbo, which must have a depth
 * attachment: colour and depth, from the cache when nothing changed;
 * leaves dst_fbo bound and depth testing off. */
void ov_mesh_draw(ov_mesh *m, const ov_surface *s, const ov_view *v, float px_scale,
                  bool strong, GLuint dst_fbo);

/* ---- text (text.c) ---- */

typedef struct ov_text_entry {
    uint64_t hash;
    char *str;
    int size;
    GLuint tex;
    int w, h;
    uint64_t last_used;
} ov_text_entry;

#define OV_TEXT_CACHE 256
#define OV_FONT_SIZES 16

/* A measured size of a string that has no texture: the HUD layout measures
 * the same strings (and every word prefix while wrapping) on each frame. */
typedef struct ov_text_size {
    uint64_t hash;
    char *str;
    int size;
    int w, h;
    uint64_t last_used;
} ov_text_size;

/* Measured sizes: OV_MEASURE_SETS sets of OV_MEASURE_WAYS entries, the set
 * chosen by the key's hash, the least recently used way replaced. */
#define OV_MEASURE_SETS 512
#define OV_MEASURE_WAYS 8

typedef struct ov_text_cache {
    char *font_path;
    struct {
        int size;
        void *font;         /* TTF_Font */
        uint64_t last_used;
    } fonts[OV_FONT_SIZES];
    ov_text_entry entries[OV_TEXT_CACHE];
    ov_text_size measured[OV_MEASURE_SETS * OV_MEASURE_WAYS];
    ov_text_entry empty;    /* returned for "" and on failure */
    uint64_t clock;
} ov_text_cache;

bool ov_text_init(ov_text_cache *tc, const char *font_path, char *err, size_t cap);
void ov_text_deinit(ov_text_cache *tc);
/* The cached texture (GL_R8 coverage) of utf8 at size_px, rendering it on a
 * miss. Empty strings and failures give an entry with tex 0 and w 0 (h is
 * the font height when the font opened). Valid until the next call. */
const ov_text_entry *ov_text_get(ov_text_cache *tc, const char *utf8, float size_px);
/* The size utf8 would take at size_px, without rasterising it (measuring
 * many candidate strings costs no textures): SDL_ttf's measurement (or the
 * texture's size, the same), kept in the measured-size cache so that asking
 * again costs no shaping. */
void ov_text_measure(ov_text_cache *tc, const char *utf8, float size_px, int *w, int *h);
/* How many measured sizes the cache holds now (at most
 * OV_MEASURE_SETS * OV_MEASURE_WAYS). */
int ov_text_measured_count(const ov_text_cache *tc);

/* ---- overlay queue (overlay.c) ---- */

typedef struct ov_overlay_item {
    bool is_text;
    bool is_line;           /* a segment from (x, y) to (x1, y1), w wide */
    bool is_tri;            /* a filled triangle (x, y), (x1, y1), (x2, y2) */
    bool is_disc;           /* an anti-aliased disc: centre x, y, radius w */
    float x2, y2;
    float x, y, w, h;       /* rect; for text x, y is the top-left */
    float x1, y1;
    ov_rgba color;
    float size;             /* text size in px */
    size_t text;            /* offset into the arena */
} ov_overlay_item;

typedef struct ov_overlay {
    GLuint prog, vao, vbo;
    GLint u_size, u_tex;
    GLuint white_tex;
    GLuint disc_tex;        /* coverage of an anti-aliased disc */
    ov_overlay_item *items;
    int nitems, cap;
    char *arena;
    size_t arena_len, arena_cap;
    float *verts;
    size_t verts_cap;
    /* The largest frame (items, text bytes) since the arrays were last
     * looked at for shrinking, and how many frames that was ago. */
    int peak_items;
    size_t peak_arena;
    int frames_since_trim;
    unsigned long nonfinite;    /* non-finite values found in uploads (0) */
    unsigned long bad_text;     /* strings queued with "nan" or "inf" in them */
} ov_overlay;

bool ov_overlay_init(ov_overlay *o, char *err, size_t cap);
void ov_overlay_deinit(ov_overlay *o);
void ov_overlay_clear(ov_overlay *o);
void ov_overlay_rect(ov_overlay *o, float x, float y, float w, float h, ov_rgba c);
/* Queues text whose top-left is x, y. */
void ov_overlay_text(ov_overlay *o, float x, float y, float size, ov_rgba c,
                     const char *utf8);
void ov_overlay_triangle(ov_overlay *o, float x0, float y0, float x1, float y1, float x2,
                         float y2, ov_rgba c);
void ov_overlay_disc(ov_overlay *o, float x, float y, float radius, ov_rgba c);
/* Draws the queue in order into the bound framebuffer. */
void ov_overlay_line(ov_overlay *o, float x0, float y0, float x1, float y1, float width,
                     ov_rgba c);
void ov_overlay_draw(ov_overlay *o, ov_text_cache *tc, int width, int height);

/* ---- paths and markers (paths.c) ---- */

/* One capsule instance: a segment p0-p1 in pixels (top-down) with a core of
 * radius `radius` in fill colour and a ring of width `edge` in edge colour
 * around it, anti-aliased; p0 == p1 draws a disc. Colours premultiplied. */
typedef struct ov_seg {
    float p0[2], p1[2];
    float z[2];             /* window depth of p0 and p1 (3-D; 0 in 2-D) */
    float radius, edge;
    uint8_t fill[4], edgecol[4];
} ov_seg;

/* A point of the path drawing: pixel position (rows top-down) and window
 * depth (0 in 2-D). */
typedef struct ov_pt {
    double x, y, z;
} ov_pt;

typedef struct ov_seg_list {
    ov_seg *v;
    int n, cap;
} ov_seg_list;

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

/* ---- paths on the 3-D surface (paths3d.c) ---- */

#define OV_PATH3D_PIECE_PX 10.0     /* px between points that keep a path on the surface */
#define OV_PATH3D_MAX_PIECES 32     /* per step between two iterates */

/* Receives one projected point: pixel position and window depth. */
typedef void (*ov_path_sink)(void *ctx, double x, double y, double depth, ov_thin_kind kind);

/* A path's first iterate (x, y) with loss L: an ITERATE, unless in 3-D it
 * lies off the surface's rectangle. */
void ov_path3d_start(const ov_view *v, const ov_surface *s, double x, double y, double L,
                     double lift_px, ov_path_sink sink, void *ctx);
/* One step of a path from world point a to iterate b (loss Lb). 2-D: b as
 * an ITERATE. 3-D: the part of the step over the view's rectangle (the
 * surface is only there), along the surface, lifted lift_px towards the
 * camera: a MOVE where it enters from outside, LINE points every
 * OV_PATH3D_PIECE_PX pixels of its projection, then b as an ITERATE when it
 * is inside, else a LINE where the step leaves. */
void ov_path3d_step(const ov_view *v, const ov_surface *s, double ax, double ay, double bx,
                    double by, double Lb, double lift_px, ov_path_sink sink, void *ctx);
/* Whether a marker at world point (x, y) is drawn: always in 2-D, over
 * the surface's rectangle in 3-D. */
bool ov_path3d_visible(const ov_view *v, double x, double y);

/* The stem a minimum's marker stands on in 3-D: from the surface at (x, y)
 * (lifted lift_px) straight up; base and top as pixels and window depths.
 * false when it cannot be drawn. */
bool ov_path3d_stem(const ov_view *v, const ov_surface *s, double x, double y, double lift_px,
                    ov_vec2 *base, double *base_z, ov_vec2 *top, double *top_z);
void ov_paths_deinit(ov_paths *p);
/* Draws the start and minima markers and every run of desc into the bound
 * framebuffer. */
void ov_paths_draw(ov_paths *p, const ov_frame_desc *desc, int width, int height,
                   float px_scale, ov_overlay *o, ov_text_cache *tc);
/* See ov_renderer_diverged_mark; s is the pass's pixel scale. */
bool ov_paths_diverged_mark(const ov_frame_desc *d, int idx, int width, int height, float s,
                            float *x, float *y);

/* ---- markers (markers.c) ---- */

/* One piece of a marker: a segment (x0, y0)-(x1, y1) half px thick on each
 * side. span: a row of a filled shape, whose ends are the shape's edge (a
 * capsule insets them by its radius); else a stroke. */
typedef void (*ov_piece_fn)(void *ctx, float x0, float y0, float x1, float y1, float half,
                            bool span);
/* The pieces of marker m centred at x, y, radius px, grown by grow px on
 * every side (for an outline drawn under it). */
void ov_marker_pieces(ov_marker m, float x, float y, float radius, float grow, ov_piece_fn fn,
                      void *ctx);
/* The outline of marker m (its edges as strokes half px thick on each side):
 * a head drawn over a minimum is drawn this way, so the minimum shows. */
void ov_marker_outline(ov_marker m, float x, float y, float radius, float half, ov_piece_fn fn,
                       void *ctx);

/* ---- the 1-D view (curve1d.c) ---- */

/* Draws a formula in x alone (desc->scene->surface->one_d): clears the
 * frame and queues the axes, the curve L(x) over desc->view's x range and
 * every run's iterates, steps and tangent on the overlay. plot receives the
 * stretched view of (x, L) they are drawn in. */
void ov_curve1d_draw(ov_renderer *r, const ov_frame_desc *desc, ov_view *plot);

/* ---- the step taken apart (explain.c) ---- */

/* Queues desc->explain on o: arrows, points, ellipse, box and bars,
 * projected through desc->view; on a curve through plot instead (the view
 * of (x, L) the curve is drawn in), at level, the loss at the current
 * point. plot is NULL for a surface. */
void ov_render_explain(ov_overlay *o, ov_text_cache *tc, const ov_frame_desc *desc, int width,
                       int height, const ov_view *plot, double level);

/* ---- the renderer ---- */

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
