/* The view: the one projection between the world (x, y and the loss there)
 * and the frame's pixels, used by the contour pass, the surface mesh, the
 * paths, the overlays, picking and the HUD. In 2-D it is a world rectangle
 * seen from above; in 3-D the loss surface as a height field seen by an
 * orbit camera (perspective and look-at matrices from cglm); in between, the
 * transition, which tilts the camera down from straight above while the
 * surface rises. Pure C: no SDL, no GL.
 *
 * Coordinates. Pixels: x to the right, y down, (0, 0) the top-left corner of
 * the frame, pixel centres at half-integers. Model space (3-D): X = (x - cx)
 * / half, Y = (y - cy) / half, where (cx, cy) is the rectangle's centre and
 * half half its larger side, so the surface spans [-1, 1] along its longer
 * side; Z = relief * t(L), t the loss's place in the range (linear, or the
 * colour map's log scale), relief OV_VIEW_RELIEF once fully risen. */
#ifndef OV_VIEW_H
#define OV_VIEW_H

#include <stdbool.h>
#include "geom.h"
#include "loss_range.h"
#include "scene.h"
#include "surface.h"

#define OV_CAMERA_FOVY 30.0        /* vertical field of view, degrees */
#define OV_CAMERA_AZIMUTH 25.0     /* default camera */
#define OV_CAMERA_ELEVATION 50.0
#define OV_CAMERA_ELEVATION_MIN 0.0
#define OV_CAMERA_ELEVATION_MAX 90.0
#define OV_CAMERA_ZOOM_MIN 0.3
#define OV_CAMERA_ZOOM_MAX 6.0
#define OV_VIEW_RELIEF 0.6         /* model height of the highest loss */
#define OV_VIEW_BASE 0.06          /* the block under the surface, below 0, in reliefs */

/* An orbit camera around the middle of the surface, or around the region
 * it is aimed at. */
typedef struct ov_camera {
    double azimuth;     /* degrees; 0 looks from the front (from -y towards +y,
                           x to the right as in 2-D), 90 from the right (+x) */
    double elevation;   /* degrees above the plane; 90 looks straight down */
    double zoom;        /* > 1 closer, < 1 further; 0 means 1 */
    /* aimed (from ov_camera_aim): the camera looks at the middle of the
     * world box aim (cut to the surface's rectangle) at the heights of the
     * losses aim_lmin .. aim_lmax, from where that box just fits the frame;
     * otherwise at the whole surface. */
    bool aimed;
    ov_rect aim;
    double aim_lmin, aim_lmax;
} ov_camera;

/* The default camera (OV_CAMERA_AZIMUTH, OV_CAMERA_ELEVATION, zoom 1),
 * not aimed. */
ov_camera ov_camera_default(void);

/* Aims cam (its angles and zoom kept) at the region of rect the scene's
 * paths cover, as the 2-D home view frames them: the bounding box of the
 * start and of every iterate inside rect, grown by a margin and to at least
 * OV_CAMERA_AIM_MIN of rect's larger side, with the range of the loss over
 * that box (the surface there and the iterates), so the walls beside the
 * paths are in the picture too. Not aimed when no path point is in rect. */
#define OV_CAMERA_AIM_MIN 0.2
void ov_camera_aim(ov_camera *cam, const ov_scene *sc, ov_rect rect);

typedef enum ov_height_mode {
    OV_HEIGHT_AUTO = 0,     /* log when the loss spans many decades */
    OV_HEIGHT_LINEAR,
    OV_HEIGHT_LOG
} ov_height_mode;

/* What a view is built from. Zero means default where noted. */
typedef struct ov_view_desc {
    const ov_surface *surface;  /* heights and picking; must outlive the view */
    ov_rect rect;               /* world rectangle asked for; fitted to the frame */
    int width, height;          /* frame size in pixels, > 0 */
    double lift;                /* 0: 2-D; 1: 3-D; between: the transition */
    ov_camera camera;           /* the 3-D camera */
    ov_height_mode heights;
    bool stretch;               /* 2-D: rect fills the frame as given, pixels
                                   need not be square (no fitting) */
} ov_view_desc;

typedef struct ov_view {
    const ov_surface *surface;
    ov_rect rect;               /* the world rectangle shown, aspect-fitted */
    int width, height;
    bool is3d;                  /* lift > 0: drawn as a surface */
    double lift;                /* eased transition, 0 .. 1 */
    ov_loss_range range;        /* loss range over rect */
    bool log_height;            /* heights on the colour map's log scale */
    double relief;              /* model height of t = 1 (OV_VIEW_RELIEF * lift) */
    double cx, cy, half;        /* world -> model */
    double ax, ay;              /* model half-extents of rect in X and Y */
    ov_camera camera;           /* as drawn (during the transition, between
                                   straight above and the 3-D camera) */
    double eye[3], target[3], up[3];   /* model space */
    double fovy, aspect, znear, zfar;  /* radians; clip planes (model units) */
    /* Column-major 4x4 matrices as cglm computes them (model -> eye, eye ->
     * clip, and their product); in 2-D the orthographic model -> clip. */
    float view_m[16], proj_m[16], mvp[16];
    double mvp_d[16], inv_mvp[16];     /* the product and its inverse, in double */
} ov_view;

/* Builds the view. cache (may be NULL) keeps the loss range between frames. */
void ov_view_build(ov_view *v, const ov_view_desc *d, ov_loss_range_cache *cache);

/* Model height of the floor of the block the surface stands on. */
double ov_view_floor(const ov_view *v);
/* Model height of loss L (0 when not finite): relief * t. */
double ov_view_height(const ov_view *v, double L);

/* World point (x, y) with loss L -> pixel (and window depth 0..1, nearer is
 * smaller; 0 in 2-D). lift_px moves the point towards the camera by the
 * world size of that many pixels at its distance, so a line or disc lying
 * on the surface is not hidden by it. false when the point is behind the
 * camera or not finite. In 2-D, L and lift_px are ignored. */
bool ov_view_project(const ov_view *v, double x, double y, double L, double lift_px,
                     ov_vec2 *px, double *depth);

/* The world point under pixel position px: in 2-D the point of the plane; in
 * 3-D where the camera's ray through px first meets the solid block under
 * the surface: the surface itself, or a side wall when the ray enters
 * below the surface's edge (the point on the edge is returned then).
 * false when the ray misses the block. depth (may be NULL) receives the
 * window depth of the hit (0 in 2-D). */
bool ov_view_pick(const ov_view *v, ov_vec2 px, ov_vec2 *world, double *depth);

/* World point (x, y) with loss L -> model point (3-D). */
void ov_view_world_to_model(const ov_view *v, double x, double y, double L, double model[3]);
/* Model point -> pixel and window depth, lifted as in ov_view_project. */
bool ov_view_project_model(const ov_view *v, const double model[3], double lift_px,
                           ov_vec2 *px, double *depth);

/* Pixel position and window depth -> model point (3-D). */
void ov_view_unproject(const ov_view *v, ov_vec2 px, double depth, double model[3]);

/* Model point -> world (x, y). */
ov_vec2 ov_view_model_to_world(const ov_view *v, const double model[3]);

/* For fragment shaders in 2-D: world = a.xy + gl_FragCoord.xy * a.zw
 * (gl_FragCoord rows bottom-up). */
void ov_view_frag_affine(const ov_view *v, float a[4]);

/* World size of one pixel at the middle of the frame (2-D: exact). */
double ov_view_world_per_pixel(const ov_view *v);

/* ---- zooming the 2-D rectangle ----
 * The contour shader finds each pixel's world point in float (24-bit
 * significand: steps of about 1.2e-7 times the coordinate's size). A side
 * of the rectangle shorter than OV_VIEW_FLOAT_SPAN times the largest
 * |coordinate| along it leaves too few float steps per pixel (fewer than
 * about 4 at 1920 px): contours turn blocky and drift. Zooming stops there,
 * and at sides of OV_VIEW_MIN_SIDE or OV_VIEW_MAX_SIDE. */
#define OV_VIEW_FLOAT_SPAN 1e-3
#define OV_VIEW_MIN_SIDE 1e-6
#define OV_VIEW_MAX_SIDE 1e7

/* True when both sides of r are long enough for float shaders (above). */
bool ov_view_rect_precise(ov_rect r);

typedef enum ov_zoom_result {
    OV_ZOOM_DONE = 0,       /* zoomed by the factor asked for */
    OV_ZOOM_FLOAT_LIMIT,    /* stopped at (or already at) the float-precision floor */
    OV_ZOOM_REFUSED         /* unchanged: a side would leave [MIN_SIDE, MAX_SIDE], or bad input */
} ov_zoom_result;

/* Scales *r by factor (< 1 zooms in) about the world point about, which
 * keeps its place in the rectangle. A zoom that would pass the float
 * floor goes exactly as far as the floor (the smallest factor that keeps
 * the rectangle precise) and returns OV_ZOOM_FLOAT_LIMIT. */
ov_zoom_result ov_view_zoom(ov_rect *r, ov_vec2 about, double factor);

#endif
