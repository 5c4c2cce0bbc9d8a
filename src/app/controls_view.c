/* The view part of the state: the home view, zoom, pan and Home in 2-D,
 * the D toggle and its animated transition, the orbit camera, the height
 * scale, and the view object every frame, click and HUD line is built
 * from. See controls_view.h. */
#include "controls_view.h"

#include <math.h>

#include "controls_ui.h"

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
    ov_camera_aim(&st->view.camera, &st->sc.scene, st->view.home);
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
    ov_camera_aim(&st->view.home_camera, &st->sc.scene, st->view.home);
    st->view.camera = st->view.home_camera;
}

static void grow_to(ov_rect *r, double x, double y)
{
    if (!isfinite(x) || !isfinite(y))
        return;
    r->x0 = fmin(r->x0, x);
    r->x1 = fmax(r->x1, x);
    r->y0 = fmin(r->y0, y);
    r->y1 = fmax(r->y1, y);
}

void ov_controls_frame_scene(ov_app_state *st, bool given)
{
    st->view.given = given;
    ov_rect v = st->sc.scene.view;
    if (!st->view.given) {
        ov_rect u = v;
        double w = v.x1 - v.x0, h = v.y1 - v.y0;
        grow_to(&u, st->sc.scene.start.x, st->sc.scene.start.y);
        for (int i = 0; i < st->sc.scene.surface->nminima; i++)
            grow_to(&u, st->sc.scene.surface->minima[i].x, st->sc.scene.surface->minima[i].y);
        for (int i = 0; i < st->sc.scene.nruns; i++) {
            const ov_run *r = &st->sc.scene.runs[i];
            if (r->diverged)
                continue;
            for (int k = 0; k < r->n; k++)
                grow_to(&u, r->x[k], r->y[k]);
        }
        if (u.x0 != v.x0 || u.x1 != v.x1 || u.y0 != v.y0 || u.y1 != v.y1) {
            u.x0 = fmax(u.x0, v.x0 - 1.5 * w) - 0.04 * (u.x1 - u.x0);
            u.x1 = fmin(u.x1, v.x1 + 1.5 * w) + 0.04 * (u.x1 - u.x0);
            u.y0 = fmax(u.y0, v.y0 - 1.5 * h) - 0.04 * (u.y1 - u.y0);
            u.y1 = fmin(u.y1, v.y1 + 1.5 * h) + 0.04 * (u.y1 - u.y0);
            v = u;
        }
    }
    st->view.rect = st->view.home = v;
    /* The 3-D camera frames the same paths (view.h). */
    ov_camera_aim(&st->view.home_camera, &st->sc.scene, v);
    ov_camera_aim(&st->view.camera, &st->sc.scene, v);
}

ov_rect ov_controls_fit_rect(ov_rect c, double bx, double by, double bw, double bh, int width,
                             int height)
{
    double cw = c.x1 - c.x0, ch = c.y1 - c.y0;
    if (!(cw > 0) || !(ch > 0) || !(bw > 1) || !(bh > 1) || width < 1 || height < 1)
        return ov_rect_fit(c, width, height);
    double s = fmin(bw / cw, bh / ch);   /* pixels per world unit */
    double cx = 0.5 * (c.x0 + c.x1), cy = 0.5 * (c.y0 + c.y1);
    double fx = bx + 0.5 * bw, fy = by + 0.5 * bh;
    ov_rect v;
    v.x0 = cx - fx / s;
    v.x1 = v.x0 + width / s;
    v.y1 = cy + fy / s;
    v.y0 = v.y1 - height / s;
    return v;
}

void ov_controls_zoom(ov_app_state *st, ov_vec2 about, double factor)
{
    /* The contour shader works in float: the core stops the zoom where
     * float precision ends (view.h), and the HUD says so. */
    if (ov_view_zoom(&st->view.rect, about, factor) == OV_ZOOM_FLOAT_LIMIT)
        ov_controls_say(st, "zoom limit: float precision");
}

void ov_controls_pan(ov_app_state *st, double dx, double dy)
{
    if (!isfinite(dx) || !isfinite(dy))
        return;
    st->view.rect.x0 += dx;
    st->view.rect.x1 += dx;
    st->view.rect.y0 += dy;
    st->view.rect.y1 += dy;
}

void ov_controls_home(ov_app_state *st)
{
    st->view.rect = st->view.home;
    if (st->view.view3d) {
        ov_controls_home_camera(st);
        ov_controls_say(st, "view and camera reset");
    } else {
        ov_controls_say(st, "view reset");
    }
}

void ov_controls_show_3d(ov_app_state *st, bool on)
{
    st->view.view3d = on;
    st->view.lift = on ? 1.0 : 0.0;
}
