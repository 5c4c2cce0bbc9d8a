/* Tests of the view (2-D rectangle and 3-D orbit camera): the perspective
 * and look-at matrices against the textbook formulas written out here (not
 * through cglm), the camera's placement from azimuth and elevation, the
 * transition's first frame framing the rectangle exactly as 2-D does, the
 * loss -> height mapping against hand-computed values, the automatic log
 * heights, the picking round trip: project a surface point, pick at its
 * pixel, get it back within a pixel; projecting and picking against pixels
 * worked out by hand (a mirrored camera passes the round trip, not these);
 * the zoom's float-precision floor; and the home camera's framing of the
 * paths. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/scene.h"
#include "core/view.h"
#include "ov_test.h"

#define PI 3.14159265358979323846

static ov_surface *make(const char *name)
{
    ov_expr_error e;
    ov_surface *s = ov_surface_create(name, &e);
    CHECK_MSG(s != NULL, "cannot create %s", name);
    return s;
}

static void view_3d(ov_view *v, const ov_surface *s, ov_rect r, int w, int h, double az,
                    double el, double zoom, double lift)
{
    ov_view_desc d = {.surface = s, .rect = r, .width = w, .height = h, .lift = lift,
                      .camera = {.azimuth = az, .elevation = el, .zoom = zoom}};
    ov_view_build(v, &d, NULL);
}

/* Column-major element (row r, column c). */
static double at(const float *m, int r, int c)
{
    return m[c * 4 + r];
}

static void test_2d(void)
{
    ov_surface *s = make("saddle");
    ov_view v;
    ov_view_desc d = {.surface = s, .rect = {-2, 2, -1, 3}, .width = 400, .height = 200};
    ov_view_build(&v, &d, NULL);
    CHECK(!v.is3d);
    /* 4 x 4 fitted to 2:1 grows x about its centre: [-4, 4] x [-1, 3]. */
    CHECK_NEAR(v.rect.x0, -4.0, 1e-12);
    CHECK_NEAR(v.rect.x1, 4.0, 1e-12);
    CHECK_NEAR(v.rect.y0, -1.0, 1e-12);
    CHECK_NEAR(v.rect.y1, 3.0, 1e-12);
    ov_vec2 p;
    double depth;
    CHECK(ov_view_project(&v, -4.0, 3.0, 123.0, 5.0, &p, &depth));
    CHECK_NEAR(p.x, 0.0, 1e-9);
    CHECK_NEAR(p.y, 0.0, 1e-9);
    CHECK_NEAR(depth, 0.0, 0.0);
    CHECK(ov_view_project(&v, 1.0, 0.0, 0.0, 0.0, &p, &depth));
    CHECK_NEAR(p.x, 250.0, 1e-9);   /* (1 + 4) / 8 * 400 */
    CHECK_NEAR(p.y, 150.0, 1e-9);   /* (3 - 0) / 4 * 200 */
    ov_vec2 w;
    CHECK(ov_view_pick(&v, (ov_vec2){250.0, 150.0}, &w, NULL));
    CHECK_NEAR(w.x, 1.0, 1e-12);
    CHECK_NEAR(w.y, 0.0, 1e-12);
    float a[4];
    ov_view_frag_affine(&v, a);
    CHECK_NEAR(a[0], -4.0, 0);
    CHECK_NEAR(a[1], -1.0, 0);
    CHECK_NEAR(a[2], 8.0 / 400.0, 1e-9);
    CHECK_NEAR(a[3], 4.0 / 200.0, 1e-9);
    CHECK_NEAR(ov_view_world_per_pixel(&v), 0.02, 1e-12);
    ov_surface_destroy(s);
}

/* gluPerspective and gluLookAt, written out. */
static void test_matrices(void)
{
    ov_surface *s = make("quadratic");
    ov_view v;
    view_3d(&v, s, (ov_rect){-2, 2, -1, 1}, 800, 400, 30.0, 35.0, 1.0, 1.0);
    CHECK(v.is3d);
    CHECK_NEAR(v.lift, 1.0, 0);
    /* Model space: half = 2, so X in [-1, 1], Y in [-0.5, 0.5]. */
    CHECK_NEAR(v.ax, 1.0, 1e-12);
    CHECK_NEAR(v.ay, 0.5, 1e-12);
    CHECK_NEAR(v.fovy, 30.0 * PI / 180.0, 1e-12);
    CHECK_NEAR(v.aspect, 2.0, 0);

    /* Perspective: f = cot(15 deg) = 2 + sqrt(3). */
    double f = 2.0 + sqrt(3.0), n = v.znear, fa = v.zfar;
    CHECK_NEAR(at(v.proj_m, 0, 0), f / 2.0, 1e-5);
    CHECK_NEAR(at(v.proj_m, 1, 1), f, 1e-5);
    CHECK_NEAR(at(v.proj_m, 2, 2), (fa + n) / (n - fa), 1e-5);
    CHECK_NEAR(at(v.proj_m, 2, 3), 2.0 * fa * n / (n - fa), 1e-5);
    CHECK_NEAR(at(v.proj_m, 3, 2), -1.0, 0);
    int zeros[][2] = {{0, 1}, {0, 2}, {0, 3}, {1, 0}, {1, 2}, {1, 3}, {2, 0}, {2, 1}, {3, 0},
                      {3, 1}, {3, 3}};
    for (size_t i = 0; i < sizeof zeros / sizeof zeros[0]; i++)
        CHECK_NEAR(at(v.proj_m, zeros[i][0], zeros[i][1]), 0.0, 0);

    /* The camera sits at azimuth 30, elevation 35 around the target: from
     * the front (-y), turned 30 degrees towards +x, looking down 35. */
    double d[3] = {v.eye[0] - v.target[0], v.eye[1] - v.target[1], v.eye[2] - v.target[2]};
    double dist = sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
    double ce = cos(35 * PI / 180), se = sin(35 * PI / 180);
    double ca = cos(30 * PI / 180), sa = sin(30 * PI / 180);
    CHECK_NEAR(d[0] / dist, ce * sa, 1e-9);
    CHECK_NEAR(d[1] / dist, -ce * ca, 1e-9);
    CHECK_NEAR(d[2] / dist, se, 1e-9);
    CHECK_NEAR(v.target[0], 0.0, 0);
    CHECK_NEAR(v.target[1], 0.0, 0);

    /* Look-at: rows s, u, -f with translations -s.eye, -u.eye, f.eye. */
    double fw[3] = {-d[0] / dist, -d[1] / dist, -d[2] / dist};
    double up[3] = {v.up[0], v.up[1], v.up[2]};
    double sx[3] = {fw[1] * up[2] - fw[2] * up[1], fw[2] * up[0] - fw[0] * up[2],
                    fw[0] * up[1] - fw[1] * up[0]};
    double sl = sqrt(sx[0] * sx[0] + sx[1] * sx[1] + sx[2] * sx[2]);
    for (int i = 0; i < 3; i++)
        sx[i] /= sl;
    double u[3] = {sx[1] * fw[2] - sx[2] * fw[1], sx[2] * fw[0] - sx[0] * fw[2],
                   sx[0] * fw[1] - sx[1] * fw[0]};
    /* s points to the right of the screen: from azimuth 30 that is
     * (cos 30, sin 30, 0). */
    CHECK_NEAR(sx[0], ca, 1e-6);
    CHECK_NEAR(sx[1], sa, 1e-6);
    CHECK_NEAR(sx[2], 0.0, 1e-6);
    const double *rows[3] = {sx, u, fw};
    for (int r = 0; r < 3; r++) {
        double sign = r == 2 ? -1.0 : 1.0;
        double dot = rows[r][0] * v.eye[0] + rows[r][1] * v.eye[1] + rows[r][2] * v.eye[2];
        for (int c = 0; c < 3; c++)
            CHECK_NEAR(at(v.view_m, r, c), sign * rows[r][c], 1e-6);
        CHECK_NEAR(at(v.view_m, r, 3), -sign * dot, 1e-5);
    }
    CHECK_NEAR(at(v.view_m, 3, 3), 1.0, 0);

    /* mvp = P V, multiplied out here. */
    for (int r = 0; r < 4; r++)
        for (int c = 0; c < 4; c++) {
            double sum = 0;
            for (int k = 0; k < 4; k++)
                sum += at(v.proj_m, r, k) * at(v.view_m, k, c);
            CHECK_NEAR(at(v.mvp, r, c), sum, 1e-5);
        }

    /* The target projects to the middle of the frame. */
    double tm[3] = {v.target[0], v.target[1], v.target[2]};
    double cl[4];
    for (int r = 0; r < 4; r++)
        cl[r] = at(v.mvp, r, 0) * tm[0] + at(v.mvp, r, 1) * tm[1] + at(v.mvp, r, 2) * tm[2] +
                at(v.mvp, r, 3);
    CHECK_NEAR(cl[0] / cl[3], 0.0, 1e-6);
    CHECK_NEAR(cl[1] / cl[3], 0.0, 1e-6);
    ov_surface_destroy(s);
}

/* The transition's first frame: straight above, the rectangle fills the
 * frame as in 2-D; a point projects where the 2-D view puts it. */
static void test_transition_start(void)
{
    ov_surface *s = make("rosenbrock");
    ov_rect r = {-2, 2, -1, 3};
    ov_view v2, v3;
    ov_view_desc d = {.surface = s, .rect = r, .width = 640, .height = 360};
    ov_view_build(&v2, &d, NULL);
    view_3d(&v3, s, r, 640, 360, 120.0, 20.0, 2.0, 1e-9);
    CHECK(v3.is3d);
    CHECK_NEAR(v3.camera.elevation, 90.0, 1e-6);
    const double pts[][2] = {{-2, -1}, {2, 3}, {0.5, 0.25}, {-3.5, 2.9}, {1, 1}};
    for (size_t i = 0; i < sizeof pts / sizeof pts[0]; i++) {
        ov_vec2 a, b;
        double da, db;
        double L = ov_surface_value(s, pts[i][0], pts[i][1]);
        CHECK(ov_view_project(&v2, pts[i][0], pts[i][1], L, 0, &a, &da));
        CHECK(ov_view_project(&v3, pts[i][0], pts[i][1], L, 0, &b, &db));
        CHECK_NEAR(b.x, a.x, 1e-3);
        CHECK_NEAR(b.y, a.y, 1e-3);
    }
    ov_surface_destroy(s);
}

/* Heights: quadratic with kappa 1, theta 0 is L = (x^2 + y^2) / 2; on
 * [-2, 2]^2 the grid's cell centres nearest the corners are at
 * +-(2 - 2/96), so Lmax = (2 - 2/96)^2 and Lref = 0 (the minimum). */
static void test_heights(void)
{
    ov_surface *s = make("quadratic");
    ov_surface_set_param(s, "kappa", 1.0);
    ov_surface_set_param(s, "theta", 0.0);
    ov_view v;
    ov_view_desc d = {.surface = s, .rect = {-2, 2, -2, 2}, .width = 300, .height = 300,
                      .lift = 1.0, .heights = OV_HEIGHT_LINEAR};
    ov_view_build(&v, &d, NULL);
    double lmax = (2 - 2.0 / 96) * (2 - 2.0 / 96);
    CHECK_NEAR(v.range.lref, 0.0, 1e-15);
    CHECK_NEAR(v.range.lmax, lmax, 1e-12);
    CHECK(!v.log_height);
    CHECK_NEAR(ov_view_height(&v, 1.0), OV_VIEW_RELIEF / lmax, 1e-12);
    CHECK_NEAR(ov_view_height(&v, 100.0), OV_VIEW_RELIEF, 1e-12);
    CHECK_NEAR(ov_view_height(&v, -1.0), 0.0, 0);
    CHECK_NEAR(ov_view_height(&v, NAN), 0.0, 0);
    /* Log: t = (log10(L + delta) - log10(R + delta)) / 4.5 + 1, delta = 1e-6 R. */
    d.heights = OV_HEIGHT_LOG;
    ov_view_build(&v, &d, NULL);
    CHECK(v.log_height);
    double delta = 1e-6 * lmax;
    double t = (log10(0.01 + delta) - log10(lmax + delta)) / 4.5 + 1.0;
    CHECK_NEAR(ov_view_height(&v, 0.01), OV_VIEW_RELIEF * t, 1e-12);
    CHECK_NEAR(ov_view_height(&v, 1e-9), 0.0, 0);   /* below 4.5 decades: floor */
    /* Half-way through the transition (smoothstep 0.5 = 0.5) half the relief. */
    d.lift = 0.5;
    ov_view_build(&v, &d, NULL);
    CHECK_NEAR(v.relief, 0.5 * OV_VIEW_RELIEF, 1e-12);
    ov_surface_destroy(s);
}

static void check_auto(const char *name, double kappa, bool want_log)
{
    ov_surface *s = make(name);
    if (kappa > 0)
        ov_surface_set_param(s, "kappa", kappa);
    ov_view v;
    ov_view_desc d = {.surface = s, .rect = s->view, .width = 1280, .height = 720, .lift = 1};
    ov_view_build(&v, &d, NULL);
    CHECK_MSG(v.log_height == want_log, "%s kappa %g: log heights %d, spread %.2f decades",
              name, kappa, v.log_height, v.range.spread);
    ov_surface_destroy(s);
}

static void test_auto_log(void)
{
    check_auto("rosenbrock", 0, true);
    check_auto("quadratic", 1e10, true);
    check_auto("beale", 0, true);
    check_auto("quadratic", 1.0, false);
    check_auto("saddle", 0, false);
    check_auto("gaussian", 0, false);
}

/* Project a surface point, pick at its pixel: the picked point projects
 * within a pixel of it, and is the same point unless that one is hidden
 * behind a nearer part of the surface. */
static void round_trip(const char *name, double az, double el, double zoom, int *hidden,
                       bool mostly_visible)
{
    ov_surface *s = make(name);
    ov_view v;
    view_3d(&v, s, s->view, 960, 540, az, el, zoom, 1.0);
    double wpp = ov_view_world_per_pixel(&v);
    int tried = 0, same = 0;
    for (int j = 1; j < 12; j++)
        for (int i = 1; i < 12; i++) {
            double x = v.rect.x0 + (v.rect.x1 - v.rect.x0) * i / 12.0;
            double y = v.rect.y0 + (v.rect.y1 - v.rect.y0) * j / 12.0;
            ov_vec2 p, q, w;
            double dp, dq, dw;
            if (!ov_view_project(&v, x, y, ov_surface_value(s, x, y), 0, &p, &dp))
                continue;
            if (p.x < 0 || p.y < 0 || p.x > v.width || p.y > v.height)
                continue;
            tried++;
            bool hit = ov_view_pick(&v, p, &w, &dw);
            CHECK_MSG(hit, "%s: pick missed the surface at pixel (%.1f, %.1f)", name, p.x, p.y);
            if (!hit)
                continue;
            /* A hit inside the rectangle lies on the surface (the side
             * walls are on its edge): it projects back onto the pixel. */
            double mx = 1e-9 * (v.rect.x1 - v.rect.x0), my = 1e-9 * (v.rect.y1 - v.rect.y0);
            if (w.x > v.rect.x0 + mx && w.x < v.rect.x1 - mx && w.y > v.rect.y0 + my &&
                w.y < v.rect.y1 - my) {
                CHECK(ov_view_project(&v, w.x, w.y, ov_surface_value(s, w.x, w.y), 0, &q, &dq));
                CHECK_MSG(hypot(q.x - p.x, q.y - p.y) <= 1.0,
                          "%s: (%g, %g) -> pixel (%.2f, %.2f) -> (%g, %g) -> pixel (%.2f, %.2f)",
                          name, x, y, p.x, p.y, w.x, w.y, q.x, q.y);
            }
            if (dw < dp - 1e-5) {
                (*hidden)++;   /* a nearer part of the block covers it */
                continue;
            }
            same++;
            CHECK_MSG(hypot(w.x - x, w.y - y) <= 2.0 * wpp,
                      "%s: (%g, %g) picked back as (%g, %g)", name, x, y, w.x, w.y);
        }
    CHECK_MSG(tried > 60 && (!mostly_visible || same > tried / 2), "%s: %d points tried, %d came back", name, tried,
              same);
    ov_surface_destroy(s);
}

static void test_pick(void)
{
    int hidden = 0;
    round_trip("quadratic", 30, 35, 1, &hidden, true);
    round_trip("rosenbrock", -40, 25, 1.5, &hidden, true);
    round_trip("himmelblau", 150, 60, 1, &hidden, true);
    round_trip("saddle", 75, 30, 1, &hidden, true);
    round_trip("beale", 200, 5, 0.7, &hidden, false);
    round_trip("gaussian", 0, 90, 2, &hidden, true);
    CHECK(hidden > 0);   /* the low cameras do look behind hills and walls */
    /* Off the surface: the sky above the rectangle. */
    ov_surface *s = make("quadratic");
    ov_view v;
    view_3d(&v, s, s->view, 960, 540, 0, 20, 1, 1.0);
    ov_vec2 w;
    CHECK(!ov_view_pick(&v, (ov_vec2){480, 2}, &w, NULL));
    ov_surface_destroy(s);
}

/* Picking against pixels worked out by hand, not by the view's own
 * projection (a bug shared by projecting and picking would cancel out in
 * the round trip). The quadratic with kappa 1, theta 0 on [-2, 2]^2 in a
 * 400 x 400 frame: model X = x / 2, Y = y / 2, linear heights Z = 0.6 L /
 * Lmax with L = (x^2 + y^2) / 2 and Lmax = (2 - 2/96)^2 (test_heights).
 * The camera looks at (0, 0, 0.4 * 0.6) from distance d = 0.92 r / sin 15
 * deg / zoom, r = sqrt(1 + 1 + 0.6^2 / 4) (the bounding sphere in a 30 deg
 * field), from the direction w = (cos el sin az, -cos el cos az, sin el)
 * (view.h: azimuth 0 looks from -y, 90 from +x); right s = (cos az, sin az,
 * 0), up u = w x s. A point p is at camera coordinates (s.(p - eye),
 * u.(p - eye)) at depth -w.(p - eye), and its pixel is W/2 (1 + x / (depth
 * tan 15 deg)), H/2 (1 - y / (depth tan 15 deg)). */
static ov_vec2 pixel_by_hand(double az, double el, double zoom, double x, double y)
{
    double lmax = (2 - 2.0 / 96) * (2 - 2.0 / 96);
    double p[3] = {x / 2, y / 2, 0.6 * ((x * x + y * y) / 2) / lmax};
    double d = 0.92 * sqrt(2 + 0.09) / sin(15 * PI / 180) / zoom;
    double a = az * PI / 180, e = el * PI / 180;
    double w[3] = {cos(e) * sin(a), -cos(e) * cos(a), sin(e)};
    double sv[3] = {cos(a), sin(a), 0};
    double u[3] = {-sin(e) * sin(a), sin(e) * cos(a), cos(e)};
    double eye[3] = {d * w[0], d * w[1], 0.24 + d * w[2]};
    double cx = 0, cy = 0, depth = 0;
    for (int i = 0; i < 3; i++) {
        cx += sv[i] * (p[i] - eye[i]);
        cy += u[i] * (p[i] - eye[i]);
        depth -= w[i] * (p[i] - eye[i]);
    }
    double t = tan(15 * PI / 180);
    return (ov_vec2){200 * (1 + cx / (depth * t)), 200 * (1 - cy / (depth * t))};
}

static void check_pick_at(double az, double el, double zoom, double x, double y, ov_vec2 want)
{
    ov_surface *s = make("quadratic");
    ov_surface_set_param(s, "kappa", 1.0);
    ov_surface_set_param(s, "theta", 0.0);
    ov_view v;
    ov_view_desc d = {.surface = s, .rect = {-2, 2, -2, 2}, .width = 400, .height = 400,
                      .lift = 1.0, .heights = OV_HEIGHT_LINEAR,
                      .camera = {.azimuth = az, .elevation = el, .zoom = zoom}};
    ov_view_build(&v, &d, NULL);
    ov_vec2 p, w;
    double z;
    CHECK(ov_view_project(&v, x, y, ov_surface_value(s, x, y), 0, &p, &z));
    CHECK_MSG(hypot(p.x - want.x, p.y - want.y) < 0.01,
              "az %g el %g: (%g, %g) projects to (%.4f, %.4f), by hand (%.4f, %.4f)", az, el, x,
              y, p.x, p.y, want.x, want.y);
    CHECK(ov_view_pick(&v, want, &w, NULL));
    /* a 400 px frame over about 4 world units: 0.01 px is 1e-4 */
    CHECK_MSG(hypot(w.x - x, w.y - y) < 2e-4,
              "az %g el %g: pixel (%.4f, %.4f) picks (%.6f, %.6f), by hand (%g, %g)", az, el,
              want.x, want.y, w.x, w.y, x, y);
    ov_surface_destroy(s);
}

static void test_pick_by_hand(void)
{
    /* Straight down, worked on paper: (1, 0.5) has L = 0.625, Z = 0.6 *
     * 0.625 / 3.91710 = 0.095733; d = 0.92 * 1.445683 / 0.258819 =
     * 5.138836, so the eye is at height 5.378836 and the point 5.283103
     * below it; 5.283103 * tan 15 deg = 1.415582; pixel x = 200 (1 + 0.5 /
     * 1.415582) = 270.6413, y = 200 (1 - 0.25 / 1.415582) = 164.6794. */
    ov_vec2 down = pixel_by_hand(0, 90, 1, 1, 0.5);
    CHECK_NEAR(down.x, 270.6413, 1e-3);
    CHECK_NEAR(down.y, 164.6794, 1e-3);
    check_pick_at(0, 90, 1, 1, 0.5, (ov_vec2){270.6413, 164.6794});
    /* From the front-right and low, another side, closer. */
    static const double cams[][3] = {{30, 40, 1}, {-120, 25, 2}, {135, 60, 1.5}, {0, 45, 1}};
    static const double pts[][2] = {{1, 0.5}, {-1.5, 1.2}, {0.3, -1.7}, {0, 0}, {-0.8, -0.6}};
    for (size_t c = 0; c < sizeof cams / sizeof cams[0]; c++)
        for (size_t k = 0; k < sizeof pts / sizeof pts[0]; k++) {
            ov_vec2 want = pixel_by_hand(cams[c][0], cams[c][1], cams[c][2], pts[k][0], pts[k][1]);
            if (want.x < 0 || want.y < 0 || want.x > 400 || want.y > 400)
                continue;
            check_pick_at(cams[c][0], cams[c][1], cams[c][2], pts[k][0], pts[k][1], want);
        }
    /* The azimuth's sense: from az 30 (front-right) the point (1, 0.5) is
     * right of the middle, as drawn on paper: 280.0 px, 218.9 px. */
    ov_vec2 fr = pixel_by_hand(30, 40, 1, 1, 0.5);
    CHECK_NEAR(fr.x, 280.0064, 1e-3);
    CHECK_NEAR(fr.y, 218.9320, 1e-3);
}

/* The zoom floor. Precise: each side at least 1e-3 times the largest
 * |coordinate| along it. Around (1000, 0): x needs a side of at least 1.0005
 * (1e-3 * 1000.5 for [999.5, 1000.5]); y around 0 only the absolute floor. */
static void test_zoom_floor(void)
{
    CHECK(OV_VIEW_FLOAT_SPAN == 1e-3);
    CHECK(ov_view_rect_precise((ov_rect){-2, 2, -1, 1}));
    CHECK(ov_view_rect_precise((ov_rect){999.5, 1000.5, -1e-6, 1e-6}) == false);
    CHECK(ov_view_rect_precise((ov_rect){999.4, 1000.6, -1e-6, 1e-6}));
    CHECK(!ov_view_rect_precise((ov_rect){999.4, 1000.6, 5.0, 5.004}));
    CHECK(ov_view_rect_precise((ov_rect){999.4, 1000.6, 5.0, 5.006}));
    /* A plain zoom: about (1, 2) by 0.5 from [0, 4] x [0, 4]: (1, 2) keeps
     * its place, a quarter across and half-way up. */
    ov_rect r = {0, 4, 0, 4};
    CHECK(ov_view_zoom(&r, (ov_vec2){1, 2}, 0.5) == OV_ZOOM_DONE);
    CHECK(r.x0 == 0.5 && r.x1 == 2.5 && r.y0 == 1.0 && r.y1 == 3.0);
    /* About (1, 1) from [0.9, 1.1]^2 by 0.001: x would span [0.9999,
     * 1.0001], 2e-4 < 1e-3 * 1.0001. The zoom stops where the side is 1e-3
     * times the largest coordinate: with f the factor, 0.2 f = 1e-3 (1 +
     * 0.1 f), so f = 1e-3 / (0.2 - 1e-4) and the side is 0.2 f. */
    r = (ov_rect){0.9, 1.1, 0.9, 1.1};
    CHECK(ov_view_zoom(&r, (ov_vec2){1, 1}, 0.001) == OV_ZOOM_FLOAT_LIMIT);
    double f = 1e-3 / (0.2 - 1e-4);
    CHECK_NEAR(r.x1 - r.x0, 0.2 * f, 1e-12);
    CHECK_NEAR(r.y1 - r.y0, 0.2 * f, 1e-12);
    CHECK_NEAR(0.5 * (r.x0 + r.x1), 1.0, 1e-12);
    CHECK(ov_view_rect_precise(r));
    /* at the floor: any zoom in is refused and changes nothing */
    ov_rect at_floor = r;
    CHECK(ov_view_zoom(&r, (ov_vec2){1, 1}, 0.9) == OV_ZOOM_FLOAT_LIMIT);
    CHECK(memcmp(&r, &at_floor, sizeof r) == 0);
    /* out is fine */
    CHECK(ov_view_zoom(&r, (ov_vec2){1, 1}, 1.25) == OV_ZOOM_DONE);
    CHECK_NEAR(r.x1 - r.x0, 1.25 * 0.2 * f, 1e-12);
    /* near the origin the absolute floor of 1e-6 applies: refused, unchanged */
    r = (ov_rect){-1e-6, 1e-6, -1e-6, 1e-6};
    at_floor = r;
    CHECK(ov_view_zoom(&r, (ov_vec2){0, 0}, 0.4) == OV_ZOOM_REFUSED);
    CHECK(memcmp(&r, &at_floor, sizeof r) == 0);
    CHECK(ov_view_zoom(&r, (ov_vec2){0, 0}, 0.5) == OV_ZOOM_DONE);
    CHECK(ov_view_zoom(&r, (ov_vec2){0, 0}, NAN) == OV_ZOOM_REFUSED);
    CHECK(ov_view_zoom(&r, (ov_vec2){0, 0}, -1) == OV_ZOOM_REFUSED);
    CHECK(ov_view_zoom(&r, (ov_vec2){0, 0}, 1e20) == OV_ZOOM_REFUSED);
}

/* Pixel of model point m by the look-at and perspective formulas written
 * out (camera basis from eye, target and up; no matrices): false behind. */
static bool by_hand(const ov_view *v, const double m[3], double *px, double *py)
{
    double f[3], sd[3], u[3], d[3];
    double fl = 0;
    for (int i = 0; i < 3; i++) {
        f[i] = v->target[i] - v->eye[i];
        fl += f[i] * f[i];
    }
    fl = sqrt(fl);
    for (int i = 0; i < 3; i++) {
        f[i] /= fl;
        d[i] = m[i] - v->eye[i];
    }
    /* s = f x up, normalised; u = s x f */
    sd[0] = f[1] * v->up[2] - f[2] * v->up[1];
    sd[1] = f[2] * v->up[0] - f[0] * v->up[2];
    sd[2] = f[0] * v->up[1] - f[1] * v->up[0];
    double sl = sqrt(sd[0] * sd[0] + sd[1] * sd[1] + sd[2] * sd[2]);
    for (int i = 0; i < 3; i++)
        sd[i] /= sl;
    u[0] = sd[1] * f[2] - sd[2] * f[1];
    u[1] = sd[2] * f[0] - sd[0] * f[2];
    u[2] = sd[0] * f[1] - sd[1] * f[0];
    double cx = 0, cy = 0, cz = 0;
    for (int i = 0; i < 3; i++) {
        cx += sd[i] * d[i];
        cy += u[i] * d[i];
        cz += f[i] * d[i];
    }
    if (!(cz > 0))
        return false;
    double t = tan(v->fovy / 2);
    *px = (cx / (cz * t * v->aspect) + 1) * 0.5 * v->width;
    *py = (1 - cy / (cz * t)) * 0.5 * v->height;
    return true;
}

/* Share of the frame the scene's paths take (their pixel bounding box,
 * width and height as fractions of the frame's); false when a point is
 * outside the frame or behind the camera. */
static bool path_share(const ov_view *v, const ov_scene *sc, double *sw, double *sh)
{
    double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
    bool inside = true;
    for (int i = 0; i < sc->nruns; i++)
        for (int k = 0; k < sc->runs[i].n; k++) {
            double x = sc->runs[i].x[k], y = sc->runs[i].y[k];
            if (x < v->rect.x0 || x > v->rect.x1 || y < v->rect.y0 || y > v->rect.y1)
                continue;
            double m[3] = {(x - v->cx) / v->half, (y - v->cy) / v->half,
                           ov_view_height(v, sc->runs[i].loss[k])};
            double px, py;
            if (!by_hand(v, m, &px, &py))
                return false;
            inside = inside && px >= 0 && px <= v->width && py >= 0 && py <= v->height;
            x0 = fmin(x0, px);
            x1 = fmax(x1, px);
            y0 = fmin(y0, py);
            y1 = fmax(y1, py);
        }
    *sw = (x1 - x0) / v->width;
    *sh = (y1 - y0) / v->height;
    return inside;
}

/* The home camera frames the paths: from the default camera the default
 * runs' bounding box (projected here by hand) took 1 to 3 % of a 1280 x 720
 * frame (rosenbrock's 12 % x 21 %, partly hidden); aimed, it spans at least
 * 40 % of the frame's width or height and 6 % of its area, at least three
 * times as much as before, all inside the frame, and the aimed box's
 * middle is at the frame's middle. */
static void check_framing(const char *surface)
{
    ov_config cfg;
    ov_config_defaults(&cfg);
    snprintf(cfg.surface, sizeof cfg.surface, "%s", surface);
    ov_scene sc;
    char err[256];
    CHECK_MSG(ov_scene_init(&sc, &cfg, err, sizeof err), "%s", err);
    ov_camera cam = ov_camera_default();
    ov_view plain, aimed;
    ov_view_desc d = {.surface = sc.surface, .rect = sc.view, .width = 1280, .height = 720,
                      .lift = 1.0, .camera = cam};
    ov_view_build(&plain, &d, NULL);
    ov_camera_aim(&cam, &sc, sc.view);
    CHECK(cam.aimed && cam.azimuth == OV_CAMERA_AZIMUTH && cam.elevation == OV_CAMERA_ELEVATION);
    d.camera = cam;
    ov_view_build(&aimed, &d, NULL);
    double w0 = 0, h0 = 0, w1 = 0, h1 = 0;
    bool in0 = path_share(&plain, &sc, &w0, &h0), in1 = path_share(&aimed, &sc, &w1, &h1);
    printf("%s: paths take %.0f%% x %.0f%% of the frame from the default camera, %.0f%% x "
           "%.0f%% aimed\n", surface, 100 * w0, 100 * h0, 100 * w1, 100 * h1);
    CHECK(in0);
    CHECK_MSG(in1, "%s: a path point outside the aimed frame", surface);
    CHECK_MSG(fmax(w1, h1) >= 0.4 && w1 * h1 >= 0.06,
              "%s: aimed, the paths take %.2f x %.2f of the frame", surface, w1, h1);
    CHECK_MSG(w1 * h1 > 3 * w0 * h0, "%s: aiming did not enlarge the paths (%.3f vs %.3f)",
              surface, w1 * h1, w0 * h0);
    /* The aimed box's middle (world, and the middle of its heights) at the
     * frame's middle. */
    ov_rect b = cam.aim;
    double m[3] = {(0.5 * (b.x0 + b.x1) - aimed.cx) / aimed.half,
                   (0.5 * (b.y0 + b.y1) - aimed.cy) / aimed.half,
                   0.5 * (ov_view_height(&aimed, cam.aim_lmin) +
                          ov_view_height(&aimed, cam.aim_lmax))};
    double px, py;
    CHECK(by_hand(&aimed, m, &px, &py));
    CHECK_MSG(fabs(px - 640) < 1 && fabs(py - 360) < 1, "%s: box middle at (%.1f, %.1f)", surface,
              px, py);
    ov_scene_deinit(&sc);
}

static void test_framing(void)
{
    check_framing("rosenbrock");
    check_framing("quadratic");
    check_framing("himmelblau");
    check_framing("beale");
}

int main(void)
{
    test_2d();
    test_matrices();
    test_transition_start();
    test_heights();
    test_auto_log();
    test_pick();
    test_pick_by_hand();
    test_zoom_floor();
    test_framing();
    return ov_test_finish("test_core_view");
}
