/* The view part of the state (ov_app_view): the 2-D rectangle (zoom, pan,
 * Home), the 3-D view (the D toggle and its animated transition, the orbit
 * camera, the height scale), and the view object every frame, click and
 * HUD line is built from. Calls controls_ui.h (messages). */
#ifndef OV_CONTROLS_VIEW_H
#define OV_CONTROLS_VIEW_H

#include <stdbool.h>
#include "app_state.h"
#include "core/loss_range.h"

#define OV_LIFT_SECONDS 0.6     /* the 2-D <-> 3-D transition */
#define OV_LIFT_MAX_DT 0.1      /* s: the most one frame moves the transition */
#define OV_ORBIT_DEG_PER_POINT 0.4   /* camera turn per point dragged */

/* The part of a frame the view's rectangle is fitted into, as fractions
 * of the frame's width and height (the HUD's layout of that frame says
 * where: ov_hud_layout.fit). on false: the whole frame. */
typedef struct ov_view_fit {
    bool on;
    double x0, y0, x1, y1;
} ov_view_fit;

/* Sets up the 3-D state from cfg (--3d, --camera): the camera given or the
 * default one, which Home returns to. */
void ov_controls_init_3d(ov_app_state *st, const ov_config *cfg);

/* The home view of the scene as it is now, and the view goes there: the
 * scene's view, and unless given (--view or a preset's view, shown as
 * asked) also the start, the minima and every run that does not diverge. */
void ov_controls_frame_scene(ov_app_state *st, bool given);

/* The world rectangle of a width x height frame that shows `content`,
 * aspect kept and centred, in the pixel box (bx, by, bw, bh). */
ov_rect ov_controls_fit_rect(ov_rect content, double bx, double by, double bw, double bh,
                             int width, int height);

/* The view of a width x height frame of st (2-D, 3-D or the transition
 * between): the one projection the frame's drawing, picking and the HUD
 * use. Its world rectangle shows st->view.rect, aspect kept and centred, in the
 * part of the frame `fit` gives (NULL or fit->on false: the whole frame),
 * and whatever else of the world the rest of the frame covers. cache (may
 * be NULL) keeps the loss range of the rectangle between calls. */
void ov_controls_view(const ov_app_state *st, const ov_view_fit *fit, int width, int height,
                      ov_loss_range_cache *cache, ov_view *out);

/* Whether the mouse acts on the 3-D view: heading for 3-D on a surface in
 * x and y (a curve is always drawn flat). */
bool ov_controls_in_3d(const ov_app_state *st);

/* D: heads for 3-D, or back to 2-D; the transition then runs on tick. On a
 * curve it stays 2-D and says why. */
void ov_controls_toggle_3d(ov_app_state *st);

/* The 3-D view (on) or the 2-D view at once, the transition over: for
 * the benchmark and the exports, which show a view without waiting. */
void ov_controls_show_3d(ov_app_state *st, bool on);

/* Moves the transition by dt seconds (at most OV_LIFT_MAX_DT) towards
 * where the view is heading. */
void ov_controls_tick_3d(ov_app_state *st, double dt);

/* True while the transition runs (frames must keep coming). */
bool ov_controls_transitioning(const ov_app_state *st);

/* Turns the camera by daz degrees of azimuth and del of elevation
 * (elevation clamped to OV_CAMERA_ELEVATION_MIN .. _MAX). */
void ov_controls_orbit(ov_app_state *st, double daz, double del);

/* Moves the camera closer (factor > 1) or further, within
 * OV_CAMERA_ZOOM_MIN .. _MAX. */
void ov_controls_dolly(ov_app_state *st, double factor);

/* Z: the 3-D heights' scale, auto -> linear -> log -> auto. */
void ov_controls_cycle_heights(ov_app_state *st);

/* Frame f of n of an animation export: with --orbit in 3-D, the camera
 * turned f / n of a full turn from start (so the loop closes); otherwise
 * unchanged. */
void ov_controls_orbit_frame(ov_app_state *st, ov_camera start, int f, int n);

/* Home in 3-D: the camera back to where it started. */
void ov_controls_home_camera(ov_app_state *st);

/* Zooms the view by factor (< 1 zooms in) keeping world point `about` fixed. */
void ov_controls_zoom(ov_app_state *st, ov_vec2 about, double factor);

/* Moves the view by a world-space offset. */
void ov_controls_pan(ov_app_state *st, double dx, double dy);

void ov_controls_home(ov_app_state *st);

#endif
