/* The 3-D view from the user's side, headless: D and the transition, the
 * camera on drag, wheel and Home, Z's height scales, a click on the surface
 * setting the start where the ray meets it (projected back, within a pixel
 * of the click), a click off the surface changing nothing, --orbit turning
 * the camera once over a GIF's frames, and frames of every surface in 3-D
 * that differ from 2-D and hold nothing non-finite. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app/controls.h"
#include "app/controls_anim.h"
#include "app/controls_view.h"
#include "app/export.h"
#include "app/hud.h"
#include "app/input.h"
#include "ov_app_test.h"
#include "ov_test.h"

#define W 480
#define H 270

/* The same camera, field by field (the struct's padding is not compared). */
static bool same_camera(const ov_camera *a, const ov_camera *b)
{
    return a->azimuth == b->azimuth && a->elevation == b->elevation && a->zoom == b->zoom &&
           a->aimed == b->aimed && a->aim.x0 == b->aim.x0 && a->aim.x1 == b->aim.x1 &&
           a->aim.y0 == b->aim.y0 && a->aim.y1 == b->aim.y1 && a->aim_lmin == b->aim_lmin &&
           a->aim_lmax == b->aim_lmax;
}

static void push_key(SDL_Keycode sym)
{
    ov_test_push_key(sym, KMOD_NONE, false, true);
}

static void push_button(Uint32 type, int x, int y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.x = x;
    e.button.y = y;
    CHECK(SDL_PushEvent(&e) == 1);
}

static void push_motion(int x, int y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEMOTION;
    e.motion.x = x;
    e.motion.y = y;
    CHECK(SDL_PushEvent(&e) == 1);
}

static void push_wheel(int dy, int x, int y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEWHEEL;
    e.wheel.y = dy;
    e.wheel.mouseX = x;
    e.wheel.mouseY = y;
    CHECK(SDL_PushEvent(&e) == 1);
}

static void test_toggle_and_camera(ov_app_state *st, ov_input *in)
{
    /* D heads for 3-D; the transition takes OV_LIFT_SECONDS. */
    CHECK(!st->view.view3d && st->view.lift == 0.0);
    push_key(SDLK_d);
    ov_test_pump(in, st, W, H);
    CHECK(st->view.view3d);
    CHECK(ov_controls_transitioning(st));
    /* After a long idle wait the first frame moves it by OV_LIFT_MAX_DT only. */
    ov_controls_tick(st, 10.0);
    CHECK_NEAR(st->view.lift, OV_LIFT_MAX_DT / OV_LIFT_SECONDS, 1e-12);
    for (int i = 0; i < 4; i++)
        ov_controls_tick(st, 0.05);
    CHECK_NEAR(st->view.lift, (OV_LIFT_MAX_DT + 0.2) / OV_LIFT_SECONDS, 1e-12);
    CHECK(ov_controls_transitioning(st));
    for (int i = 0; i < 20; i++)
        ov_controls_tick(st, 0.05);
    CHECK_NEAR(st->view.lift, 1.0, 0);
    CHECK(!ov_controls_transitioning(st));

    /* Drag 50 points right and 10 down: azimuth -50 * 0.4, elevation +10 * 0.4. */
    ov_camera c0 = st->view.camera;
    push_button(SDL_MOUSEBUTTONDOWN, 200, 150);
    push_motion(230, 155);
    push_motion(250, 160);
    push_button(SDL_MOUSEBUTTONUP, 250, 160);
    ov_test_pump(in, st, W, H);
    CHECK_NEAR(st->view.camera.azimuth, c0.azimuth - 50 * OV_ORBIT_DEG_PER_POINT, 1e-9);
    CHECK_NEAR(st->view.camera.elevation, c0.elevation + 10 * OV_ORBIT_DEG_PER_POINT, 1e-9);
    CHECK(memcmp(&st->view.rect, &st->view.home, sizeof st->view.rect) == 0);   /* no pan in 3-D */
    /* Elevation stays within 0 .. 90 however far the drag goes. */
    ov_controls_orbit(st, 0, 500);
    CHECK_NEAR(st->view.camera.elevation, 90.0, 0);
    ov_controls_orbit(st, 370, -500);
    CHECK_NEAR(st->view.camera.elevation, 0.0, 0);
    CHECK(st->view.camera.azimuth >= -180.0 && st->view.camera.azimuth < 180.0);
    /* Wheel up twice: the camera 1/0.85^2 closer; the rectangle stays. */
    push_wheel(2, 100, 100);
    ov_test_pump(in, st, W, H);
    CHECK_NEAR(st->view.camera.zoom, 1.0 / (0.85 * 0.85), 1e-9);
    CHECK(memcmp(&st->view.rect, &st->view.home, sizeof st->view.rect) == 0);
    /* Home: the camera as it started. */
    push_key(SDLK_HOME);
    ov_test_pump(in, st, W, H);
    CHECK(same_camera(&st->view.camera, &c0));
    /* Z: automatic -> linear -> log -> automatic. */
    CHECK(st->view.heights == OV_HEIGHT_AUTO);
    push_key(SDLK_z);
    ov_test_pump(in, st, W, H);
    CHECK(st->view.heights == OV_HEIGHT_LINEAR);
    push_key(SDLK_z);
    ov_test_pump(in, st, W, H);
    CHECK(st->view.heights == OV_HEIGHT_LOG);
    push_key(SDLK_z);
    ov_test_pump(in, st, W, H);
    CHECK(st->view.heights == OV_HEIGHT_AUTO);
}

/* A click on the surface starts every run where the camera's ray through
 * the click meets it: the start projects back onto the clicked pixel, and
 * is the surface point that was projected there. */
static void test_click(ov_app_state *st, ov_input *in)
{
    ov_view v;
    ov_controls_view(st, NULL, W, H, NULL, &v);
    CHECK(v.is3d);
    double wx = v.rect.x0 + 0.62 * (v.rect.x1 - v.rect.x0);
    double wy = v.rect.y0 + 0.35 * (v.rect.y1 - v.rect.y0);
    ov_vec2 p;
    double z;
    CHECK(ov_view_project(&v, wx, wy, ov_surface_value(st->sc.scene.surface, wx, wy), 0, &p, &z));
    int px = (int)p.x, py = (int)p.y;
    push_button(SDL_MOUSEBUTTONDOWN, px, py);
    push_button(SDL_MOUSEBUTTONUP, px, py);
    ov_test_pump(in, st, W, H);
    double sx = st->sc.scene.runs[0].x[0], sy = st->sc.scene.runs[0].y[0];
    ov_vec2 q;
    CHECK(ov_view_project(&v, sx, sy, ov_surface_value(st->sc.scene.surface, sx, sy), 0, &q, &z));
    CHECK_MSG(hypot(q.x - (px + 0.5), q.y - (py + 0.5)) <= 1.0,
              "clicked (%d, %d), the start (%g, %g) projects to (%.2f, %.2f)", px, py, sx, sy,
              q.x, q.y);
    /* The same point as projected, to within the click's rounding to a
     * whole pixel (a pixel's world size here, twice over for the slope). */
    double wpp = ov_view_world_per_pixel(&v);
    CHECK_MSG(hypot(sx - wx, sy - wy) <= 3.0 * wpp, "start (%g, %g), surface point (%g, %g)",
              sx, sy, wx, wy);
    for (int i = 1; i < st->sc.scene.nruns; i++)
        CHECK(st->sc.scene.runs[i].x[0] == sx && st->sc.scene.runs[i].y[0] == sy);

    /* Off the surface (the empty top corner): nothing changes, a message says why. */
    unsigned long said = st->ui.message_serial;
    push_button(SDL_MOUSEBUTTONDOWN, 2, 2);
    push_button(SDL_MOUSEBUTTONUP, 2, 2);
    ov_test_pump(in, st, W, H);
    CHECK(st->sc.scene.runs[0].x[0] == sx && st->sc.scene.runs[0].y[0] == sy);
    CHECK(st->ui.message_serial == said + 1 && strstr(st->ui.message, "surface") != NULL);
}

/* --orbit: GIF frame f of n has the camera turned f/n of a full turn; the
 * camera is back where it was afterwards. */
static void test_orbit(ov_app_state *st, ov_renderer *r)
{
    /* As --3d --orbit sets it up. */
    ov_config cfg;
    ov_config_defaults(&cfg);
    cfg.view3d = cfg.orbit = true;
    ov_controls_init_3d(st, &cfg);
    ov_camera c0 = st->view.camera;
    ov_controls_orbit_frame(st, c0, 3, 12);
    CHECK_NEAR(st->view.camera.azimuth, c0.azimuth + 90.0, 1e-9);
    CHECK_NEAR(st->view.camera.elevation, c0.elevation, 0);
    ov_controls_orbit_frame(st, c0, 9, 12);
    CHECK_NEAR(st->view.camera.azimuth, c0.azimuth + 270.0 - 360.0, 1e-9);
    ov_controls_home_camera(st);
    CHECK(same_camera(&st->view.camera, &c0));
    char path[1024], err[1024];
    const char *tmp = getenv("OV_TMP");
    snprintf(path, sizeof path, "%s/orbit.gif", tmp ? tmp : ".");
    CHECK_MSG(ov_export_gif(r, st, path, 4, 4, err, sizeof err), "%s", err);
    CHECK(same_camera(&st->view.camera, &c0));
    remove(path);
    /* Without --orbit the camera stays put. */
    cfg.orbit = false;
    ov_controls_init_3d(st, &cfg);
    ov_controls_orbit_frame(st, c0, 3, 12);
    CHECK(same_camera(&st->view.camera, &c0));
}

/* Every built-in surface in 3-D: a frame unlike its 2-D one, and no
 * non-finite number reaching the GPU or the HUD. */
static void test_surfaces(ov_app_state *st, ov_renderer *r)
{
    uint8_t *a = malloc((size_t)W * H * 4), *b = malloc((size_t)W * H * 4);
    char err[1024];
    for (int i = 0; i < ov_surface_builtin_count(); i++) {
        const char *name = ov_surface_builtin(i)->name;
        ov_expr_error e;
        CHECK(ov_controls_replace_surface(st, name, &e));
        CHECK(ov_renderer_set_surface(r, st->sc.scene.surface, err, sizeof err));
        ov_controls_seek(st, ov_controls_last_step(st));
        ov_controls_show_3d(st, false);
        ov_hud_draw_frame(r, st, NULL, NULL);
        CHECK(ov_renderer_read_rgba(r, a));
        ov_controls_show_3d(st, true);
        ov_hud_draw_frame(r, st, NULL, NULL);
        CHECK(ov_renderer_read_rgba(r, b));
        long d = ov_test_frame_diff(a, b, (long)W * H);
        CHECK_MSG(d > (long)W * H / 5, "%s: the 3-D frame differs from 2-D in %ld pixels", name,
                  d);
    }
    ov_render_stats stats;
    ov_renderer_stats(r, &stats);
    CHECK(stats.nonfinite_values == 0 && stats.nonfinite_text == 0);
    free(a);
    free(b);
}

int main(void)
{
    ov_config cfg;
    ov_config_defaults(&cfg);
    ov_app_state st;
    char err[1024];
    CHECK_MSG(ov_controls_init(&st, &cfg, err, sizeof err), "%s", err);
    ov_controls_hide_message(&st);
    ov_glwin win;
    ov_renderer *r = ov_app_test_open(&win, &st, W, H);
    ov_input in;
    memset(&in, 0, sizeof in);
    test_toggle_and_camera(&st, &in);
    test_click(&st, &in);
    test_orbit(&st, r);
    test_surfaces(&st, r);
    ov_renderer_destroy(r);
    ov_glwin_destroy(&win);
    ov_controls_deinit(&st);

    /* --3d and --camera open straight in 3-D at that camera. */
    cfg.view3d = true;
    cfg.has_camera = true;
    cfg.camera_az = -45;
    cfg.camera_el = 30;
    CHECK(ov_controls_init(&st, &cfg, err, sizeof err));
    CHECK(st.view.view3d && st.view.lift == 1.0);
    CHECK(st.view.camera.azimuth == -45 && st.view.camera.elevation == 30);
    CHECK(same_camera(&st.view.camera, &st.view.home_camera));
    ov_controls_deinit(&st);
    return ov_test_finish("test_app_view3d");
}
