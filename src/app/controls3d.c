/* The 3-D view's part of the interactive state: the D toggle and its
 * animated transition, the orbit camera, the height scale, and the view
 * object every frame, click and HUD line is built from. See controls.h. */
#include "controls.h"

#include <math.h>

static double clampd(double v, double lo, double hi)
{
    return v < lo ? lo : (v > hi ? hi : v);
}

void ov_controls_init_3d(ov_app_state *st, const ov_config *cfg)
{
    st->view.camera = ov_camera_default();
    if (cfg->has_camera) {
        st->view.camera.azimuth = cfg->camera_az;
        st->view.camera.elevation = clampd(cfg->camera_el, OV_CAMERA_ELEVATION_MIN,
                                      OV_CAMERA_ELEVATION_MAX);
    }
    st->view.home_camera = st->view.camera;
    st->view.view3d = cfg->view3d;
    st->view.lift = cfg->view3d ? 1.0 : 0.0;
    st->view.heights = OV_HEIGHT_AUTO;
    st->view.orbit = cfg->orbit;
}

bool ov_controls_in_3d(const ov_app_state *st)
{
    return st->view.view3d && !st->sc.scene.surface->one_d;
}

void ov_controls_view(const ov_app_state *st, const ov_view_fit *fit, int width, int height,
                      ov_loss_range_cache *cache, ov_view *out)
{
    /* A curve (formula in x alone) is always drawn flat. */
    double lift = st->sc.scene.surface->one_d ? 0.0 : st->view.lift;
    ov_rect rect = st->view.rect;
    if (fit && fit->on)
        rect = ov_controls_fit_rect(st->view.rect, fit->x0 * width, fit->y0 * height,
                                    (fit->x1 - fit->x0) * width, (fit->y1 - fit->y0) * height,
                                    width, height);
    ov_view_desc d = {.surface = st->sc.scene.surface, .rect = rect, .width = width,
                      .height = height, .lift = lift, .camera = st->view.camera,
                      .heights = st->view.heights};
    ov_view_build(out, &d, cache);
}

void ov_controls_toggle_3d(ov_app_state *st)
{
    if (st->sc.scene.surface->one_d && !st->view.view3d) {
        ov_controls_say(st, "a formula in x alone is a curve: the 3-D view needs x and y");
        return;
    }
    st->view.view3d = !st->view.view3d;
    ov_controls_say(st, st->view.view3d ? "3-D view: drag turns the camera, the wheel moves it, "
                                     "Home resets it"
                                   : "2-D view");
}

void ov_controls_tick_3d(ov_app_state *st, double dt)
{
    if (!(dt > 0))
        return;
    /* The first frame after an idle wait comes with the whole wait as dt:
     * the transition still starts from its beginning. */
    double step = fmin(dt, OV_LIFT_MAX_DT) / OV_LIFT_SECONDS;
    st->view.lift = clampd(st->view.lift + (st->view.view3d ? step : -step), 0.0, 1.0);
}

bool ov_controls_transitioning(const ov_app_state *st)
{
    return st->view.lift != (st->view.view3d ? 1.0 : 0.0);
}

void ov_controls_orbit(ov_app_state *st, double daz, double del)
{
    if (!isfinite(daz) || !isfinite(del))
        return;
    double az = fmod(st->view.camera.azimuth + daz, 360.0);
    st->view.camera.azimuth = az < -180.0 ? az + 360.0 : (az >= 180.0 ? az - 360.0 : az);
    st->view.camera.elevation = clampd(st->view.camera.elevation + del, OV_CAMERA_ELEVATION_MIN,
                                  OV_CAMERA_ELEVATION_MAX);
}

void ov_controls_dolly(ov_app_state *st, double factor)
{
    if (!(factor > 0) || !isfinite(factor))
        return;
    double z = st->view.camera.zoom > 0 ? st->view.camera.zoom : 1.0;
    st->view.camera.zoom = clampd(z * factor, OV_CAMERA_ZOOM_MIN, OV_CAMERA_ZOOM_MAX);
}

void ov_controls_cycle_heights(ov_app_state *st)
{
    static const char *const names[] = {
        "3-D heights: automatic (log scale when the loss spans many decades)",
        "3-D heights: linear in the loss", "3-D heights: log scale of the loss"};
    st->view.heights = (ov_height_mode)(((int)st->view.heights + 1) % 3);
    ov_controls_say(st, "%s", names[st->view.heights]);
}

void ov_controls_orbit_frame(ov_app_state *st, ov_camera start, int f, int n)
{
    if (!st->view.orbit || !st->view.view3d || n < 1)
        return;
    st->view.camera = start;
    ov_controls_orbit(st, 360.0 * f / n, 0.0);
}

void ov_controls_home_camera(ov_app_state *st)
{
    st->view.camera = st->view.home_camera;
}
