/* The view: 2-D rectangle or 3-D orbit camera, one projection for every
 * layer. See view.h. Matrices (perspective, look-at, orthographic, the
 * inverse for the picking ray) come from cglm; projecting and picking then
 * run in double. */
#include "view.h"

#include <cglm/cglm.h>
#include <math.h>
#include <string.h>

#define PI 3.14159265358979323846
#define DEG (PI / 180.0)
#define PICK_SAMPLES 768    /* steps along the ray before bisection */

ov_camera ov_camera_default(void)
{
    ov_camera c = {OV_CAMERA_AZIMUTH, OV_CAMERA_ELEVATION, 1.0, false, {0, 0, 0, 0}, 0, 0};
    return c;
}

static bool in_rect(ov_rect r, double x, double y)
{
    return x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1;
}

static void grow(ov_rect *b, bool *any, double x, double y)
{
    if (!*any) {
        *b = (ov_rect){x, x, y, y};
        *any = true;
        return;
    }
    b->x0 = fmin(b->x0, x);
    b->x1 = fmax(b->x1, x);
    b->y0 = fmin(b->y0, y);
    b->y1 = fmax(b->y1, y);
}

/* Grows side [*a, *b] about its middle to at least len, then moves it
 * inside [lo, hi] (as far as it fits). */
static void widen(double *a, double *b, double len, double lo, double hi)
{
    if (*b - *a < len) {
        double m = 0.5 * (*a + *b);
        *a = m - 0.5 * len;
        *b = m + 0.5 * len;
    }
    if (*a < lo) {
        *b += lo - *a;
        *a = lo;
    }
    if (*b > hi) {
        *a -= *b - hi;
        *b = hi;
    }
    *a = fmax(*a, lo);
}

void ov_camera_aim(ov_camera *cam, const ov_scene *sc, ov_rect rect)
{
    cam->aimed = false;
    ov_rect b = {0, 0, 0, 0};
    bool any = false;
    double lmin = INFINITY, lmax = -INFINITY;
    if (!sc->surface)
        return;
    if (in_rect(rect, sc->start.x, sc->start.y))
        grow(&b, &any, sc->start.x, sc->start.y);
    for (int i = 0; i < sc->nruns; i++) {
        const ov_run *r = &sc->runs[i];
        for (int k = 0; k < r->n; k++)
            if (in_rect(rect, r->x[k], r->y[k]) && isfinite(r->loss[k])) {
                grow(&b, &any, r->x[k], r->y[k]);
                lmin = fmin(lmin, r->loss[k]);
                lmax = fmax(lmax, r->loss[k]);
            }
    }
    if (!any)
        return;
    /* A margin of a tenth on each side, at least OV_CAMERA_AIM_MIN of the
     * rectangle, and inside it. */
    double side = fmax(rect.x1 - rect.x0, rect.y1 - rect.y0);
    double len = fmax(b.x1 - b.x0, b.y1 - b.y0);
    widen(&b.x0, &b.x1, fmax(1.1 * (b.x1 - b.x0), fmax(OV_CAMERA_AIM_MIN * side, 0.3 * len)),
          rect.x0, rect.x1);
    widen(&b.y0, &b.y1, fmax(1.1 * (b.y1 - b.y0), fmax(OV_CAMERA_AIM_MIN * side, 0.3 * len)),
          rect.y0, rect.y1);
    /* The surface's heights over the box. */
    enum { N = 24 };
    for (int j = 0; j <= N; j++)
        for (int i = 0; i <= N; i++) {
            double L = ov_surface_value(sc->surface, b.x0 + (b.x1 - b.x0) * i / N,
                                        b.y0 + (b.y1 - b.y0) * j / N);
            if (isfinite(L)) {
                lmin = fmin(lmin, L);
                lmax = fmax(lmax, L);
            }
        }
    if (!(lmin <= lmax))
        return;
    cam->aimed = true;
    cam->aim = b;
    cam->aim_lmin = lmin;
    cam->aim_lmax = lmax;
}

static double clampd(double v, double lo, double hi)
{
    return v < lo ? lo : (v > hi ? hi : v);
}

/* Degrees wrapped to [-180, 180). */
static double wrap180(double a)
{
    a = fmod(a + 180.0, 360.0);
    if (a < 0.0)
        a += 360.0;
    return a - 180.0;
}

static void store(float dst[16], mat4 m)
{
    memcpy(dst, m, sizeof(float) * 16);
}

/* 4x4 column-major times (x, y, z, 1). */
static void mul_point(const double m[16], const double p[3], double out[4])
{
    for (int r = 0; r < 4; r++)
        out[r] = m[r] * p[0] + m[4 + r] * p[1] + m[8 + r] * p[2] + m[12 + r];
}

/* The flat 2-D view: an orthographic look at the model plane. */
static void build_2d(ov_view *v)
{
    CGLM_ALIGN_MAT mat4 proj, id;
    glm_ortho((float)-v->ax, (float)v->ax, (float)-v->ay, (float)v->ay, -1.0f, 1.0f, proj);
    glm_mat4_identity(id);
    store(v->view_m, id);
    store(v->proj_m, proj);
    store(v->mvp, proj);
    v->camera = (ov_camera){0.0, 90.0, 1.0, false, {0, 0, 0, 0}, 0, 0};
    v->fovy = 0.0;
    v->eye[2] = 1.0;
    v->up[1] = 1.0;
}

/* The model box of cam's aim cut to the surface's rectangle: lo and hi
 * corners. false when cam is not aimed or the box misses the rectangle. */
static bool aim_box(const ov_view *v, const ov_camera *cam, double lo[3], double hi[3])
{
    if (!cam->aimed)
        return false;
    ov_rect r = cam->aim;
    lo[0] = fmax((r.x0 - v->cx) / v->half, -v->ax);
    hi[0] = fmin((r.x1 - v->cx) / v->half, v->ax);
    lo[1] = fmax((r.y0 - v->cy) / v->half, -v->ay);
    hi[1] = fmin((r.y1 - v->cy) / v->half, v->ay);
    lo[2] = ov_view_height(v, cam->aim_lmin);
    hi[2] = ov_view_height(v, cam->aim_lmax);
    return lo[0] < hi[0] && lo[1] < hi[1] && isfinite(lo[2]) && isfinite(hi[2]) &&
           lo[2] <= hi[2];
}

/* The distance from the box's middle mid, along the unit vector w towards
 * the eye (s, u: the camera's right and up), at which every corner of the
 * box lies within the fraction AIM_FILL of the frame's half-width and
 * half-height: for a corner at offset o from mid, its depth is d - o.w,
 * and |o.s| / (depth tan(fovy/2) aspect), |o.u| / (depth tan(fovy/2)) at
 * most AIM_FILL. */
#define AIM_FILL 0.9
static double aim_distance(const ov_view *v, const double lo[3], const double hi[3],
                           const double mid[3], const double w[3], const double s[3],
                           const double u[3])
{
    double t = tan(v->fovy / 2.0) * AIM_FILL, d = 0.0;
    for (int c = 0; c < 8; c++) {
        double o[3];
        for (int i = 0; i < 3; i++)
            o[i] = ((c >> i) & 1 ? hi[i] : lo[i]) - mid[i];
        double ow = o[0] * w[0] + o[1] * w[1] + o[2] * w[2];
        double os = fabs(o[0] * s[0] + o[1] * s[1] + o[2] * s[2]);
        double ou = fabs(o[0] * u[0] + o[1] * u[1] + o[2] * u[2]);
        d = fmax(d, ow + fmax(os / (t * v->aspect), ou / t));
    }
    return d;
}

/* The orbit camera, eased between straight above (lift 0, framing the
 * rectangle exactly as the 2-D view does) and cam (lift 1). */
static void build_3d(ov_view *v, ov_camera cam)
{
    double e = v->lift;
    double zoom = clampd(cam.zoom > 0 ? cam.zoom : 1.0, OV_CAMERA_ZOOM_MIN, OV_CAMERA_ZOOM_MAX);
    double el_cam = clampd(isfinite(cam.elevation) ? cam.elevation : OV_CAMERA_ELEVATION,
                           OV_CAMERA_ELEVATION_MIN, OV_CAMERA_ELEVATION_MAX);
    double az = wrap180(isfinite(cam.azimuth) ? cam.azimuth : 0.0) * e;
    double el = 90.0 + (el_cam - 90.0) * e;
    v->camera = cam;
    v->camera.azimuth = az;
    v->camera.elevation = el;
    v->camera.zoom = 1.0 + (zoom - 1.0) * e;
    v->fovy = OV_CAMERA_FOVY * DEG;
    v->aspect = (double)v->width / (double)v->height;
    double tan_half = tan(v->fovy / 2.0);
    /* Straight above, the rectangle fills the frame at this distance. */
    double d2d = v->ay / tan_half;
    /* Risen: the bounding sphere of the surface fits the narrower field. */
    double radius = sqrt(v->ax * v->ax + v->ay * v->ay + 0.25 * OV_VIEW_RELIEF * OV_VIEW_RELIEF);
    double half_fov = atan(tan_half * fmin(1.0, v->aspect));
    double d3d = 0.92 * radius / sin(half_fov) / zoom;
    double dist = d2d + (d3d - d2d) * e;
    double ca = cos(az * DEG), sa = sin(az * DEG), ce = cos(el * DEG), se = sin(el * DEG);
    double dir[3] = {ce * sa, -ce * ca, se};
    double up[3] = {-se * sa, se * ca, ce};
    v->target[0] = v->target[1] = 0.0;
    v->target[2] = 0.4 * v->relief;
    double lo[3], hi[3];
    if (aim_box(v, &cam, lo, hi)) {
        /* Aimed: the camera looks at the box's middle from where the box
         * just fits, the target moving from the middle of the rectangle
         * to the box's as the view rises. right = up x dir. */
        double mid[3] = {0.5 * (lo[0] + hi[0]), 0.5 * (lo[1] + hi[1]), 0.5 * (lo[2] + hi[2])};
        double right[3] = {up[1] * dir[2] - up[2] * dir[1], up[2] * dir[0] - up[0] * dir[2],
                           up[0] * dir[1] - up[1] * dir[0]};
        double d_aim = aim_distance(v, lo, hi, mid, dir, right, up) / zoom;
        dist = d2d + (d_aim - d2d) * e;
        v->target[0] = mid[0] * e;
        v->target[1] = mid[1] * e;
        v->target[2] = mid[2];
    }
    for (int i = 0; i < 3; i++) {
        v->eye[i] = v->target[i] + dist * dir[i];
        v->up[i] = up[i];
    }
    double reach = sqrt(v->ax * v->ax + v->ay * v->ay + OV_VIEW_RELIEF * OV_VIEW_RELIEF) + 0.05;
    double off = sqrt(v->target[0] * v->target[0] + v->target[1] * v->target[1]);
    v->znear = fmax(dist - off - 1.5 * reach, 0.02 * dist);
    v->zfar = dist + off + 1.5 * reach;

    CGLM_ALIGN_MAT mat4 proj, view, mvp, inv;
    vec3 eye = {(float)v->eye[0], (float)v->eye[1], (float)v->eye[2]};
    vec3 center = {(float)v->target[0], (float)v->target[1], (float)v->target[2]};
    vec3 upf = {(float)up[0], (float)up[1], (float)up[2]};
    glm_perspective((float)v->fovy, (float)v->aspect, (float)v->znear, (float)v->zfar, proj);
    glm_lookat(eye, center, upf, view);
    glm_mat4_mul(proj, view, mvp);
    glm_mat4_inv(mvp, inv);
    store(v->view_m, view);
    store(v->proj_m, proj);
    store(v->mvp, mvp);
    for (int i = 0; i < 16; i++)
        v->inv_mvp[i] = (double)((float *)inv)[i];
}

void ov_view_build(ov_view *v, const ov_view_desc *d, ov_loss_range_cache *cache)
{
    memset(v, 0, sizeof *v);
    v->surface = d->surface;
    v->width = d->width > 0 ? d->width : 1;
    v->height = d->height > 0 ? d->height : 1;
    v->rect = d->stretch ? d->rect : ov_rect_fit(d->rect, v->width, v->height);
    if (d->surface && cache)
        v->range = *ov_loss_range_get(cache, d->surface, v->rect);
    else if (d->surface)
        ov_loss_range_compute(d->surface, v->rect, &v->range);
    else
        v->range = (ov_loss_range){0.0, 1.0, OV_LEVEL_DELTA, log10(1.0 + OV_LEVEL_DELTA), 0.0,
                                   false};
    v->log_height = d->heights == OV_HEIGHT_LOG ||
                    (d->heights == OV_HEIGHT_AUTO && v->range.log_auto);
    double t = clampd(isfinite(d->lift) ? d->lift : 0.0, 0.0, 1.0);
    v->is3d = t > 0.0;
    v->lift = t * t * (3.0 - 2.0 * t);
    v->relief = OV_VIEW_RELIEF * v->lift;
    ov_rect r = v->rect;
    v->cx = 0.5 * (r.x0 + r.x1);
    v->cy = 0.5 * (r.y0 + r.y1);
    v->half = 0.5 * fmax(r.x1 - r.x0, r.y1 - r.y0);
    v->ax = 0.5 * (r.x1 - r.x0) / v->half;
    v->ay = 0.5 * (r.y1 - r.y0) / v->half;
    if (v->is3d)
        build_3d(v, d->camera);
    else
        build_2d(v);
    for (int i = 0; i < 16; i++)
        v->mvp_d[i] = (double)v->mvp[i];
}

double ov_view_floor(const ov_view *v)
{
    return -OV_VIEW_BASE * v->relief;
}

double ov_view_height(const ov_view *v, double L)
{
    if (!isfinite(L))
        return 0.0;
    const ov_loss_range *lr = &v->range;
    double t = v->log_height ? ov_loss_range_t(lr, L)
                             : clampd((L - lr->lref) / (lr->lmax - lr->lref), 0.0, 1.0);
    return v->relief * t;
}

/* Model point -> pixel and window depth; false behind the camera. */
static bool project_model(const ov_view *v, const double p[3], ov_vec2 *px, double *depth)
{
    double c[4];
    mul_point(v->mvp_d, p, c);
    if (!(c[3] > 1e-12))
        return false;
    double nx = c[0] / c[3], ny = c[1] / c[3], nz = c[2] / c[3];
    px->x = (nx + 1.0) * 0.5 * v->width;
    px->y = (1.0 - ny) * 0.5 * v->height;
    *depth = (nz + 1.0) * 0.5;
    return isfinite(px->x) && isfinite(px->y) && isfinite(*depth);
}

bool ov_view_project(const ov_view *v, double x, double y, double L, double lift_px,
                     ov_vec2 *px, double *depth)
{
    *depth = 0.0;
    if (!v->is3d) {
        ov_rect r = v->rect;
        px->x = (x - r.x0) / (r.x1 - r.x0) * v->width;
        px->y = (r.y1 - y) / (r.y1 - r.y0) * v->height;
        return isfinite(px->x) && isfinite(px->y);
    }
    double p[3];
    ov_view_world_to_model(v, x, y, L, p);
    return ov_view_project_model(v, p, lift_px, px, depth);
}

void ov_view_world_to_model(const ov_view *v, double x, double y, double L, double model[3])
{
    model[0] = (x - v->cx) / v->half;
    model[1] = (y - v->cy) / v->half;
    model[2] = ov_view_height(v, L);
}

bool ov_view_project_model(const ov_view *v, const double model[3], double lift_px,
                           ov_vec2 *px, double *depth)
{
    double p[3] = {model[0], model[1], model[2]};
    if (lift_px != 0.0 && v->is3d) {
        double to[3] = {v->eye[0] - p[0], v->eye[1] - p[1], v->eye[2] - p[2]};
        double dist = sqrt(to[0] * to[0] + to[1] * to[1] + to[2] * to[2]);
        if (dist > 1e-12) {
            double s = lift_px * 2.0 * dist * tan(v->fovy / 2.0) / v->height / dist;
            for (int i = 0; i < 3; i++)
                p[i] += to[i] * s;
        }
    }
    return project_model(v, p, px, depth);
}

void ov_view_unproject(const ov_view *v, ov_vec2 px, double depth, double model[3])
{
    double ndc[3] = {2.0 * px.x / v->width - 1.0, 1.0 - 2.0 * px.y / v->height,
                     2.0 * depth - 1.0};
    double c[4];
    mul_point(v->inv_mvp, ndc, c);
    for (int i = 0; i < 3; i++)
        model[i] = c[i] / c[3];
}

ov_vec2 ov_view_model_to_world(const ov_view *v, const double model[3])
{
    ov_vec2 w = {v->cx + model[0] * v->half, v->cy + model[1] * v->half};
    return w;
}

/* Height of the ray point above the surface under it. */
static double gap(const ov_view *v, const double o[3], const double dir[3], double s)
{
    double p[3] = {o[0] + s * dir[0], o[1] + s * dir[1], o[2] + s * dir[2]};
    ov_vec2 w = ov_view_model_to_world(v, p);
    return p[2] - ov_view_height(v, ov_surface_value(v->surface, w.x, w.y));
}

/* Clips the ray o + s dir to the box around the surface; false if it misses. */
static bool clip_box(const ov_view *v, const double o[3], const double dir[3], double *s0,
                     double *s1)
{
    double lo[3] = {-v->ax, -v->ay, ov_view_floor(v) - 1e-6}, hi[3] = {v->ax, v->ay, v->relief + 1e-3};
    double a = 0.0, b = 1.0;
    for (int i = 0; i < 3; i++) {
        if (fabs(dir[i]) < 1e-15) {
            if (o[i] < lo[i] || o[i] > hi[i])
                return false;
            continue;
        }
        double t0 = (lo[i] - o[i]) / dir[i], t1 = (hi[i] - o[i]) / dir[i];
        if (t0 > t1) {
            double t = t0;
            t0 = t1;
            t1 = t;
        }
        a = fmax(a, t0);
        b = fmin(b, t1);
    }
    *s0 = a;
    *s1 = b;
    return a <= b;
}

/* Where the ray o + s dir, s in [a, b], first meets the surface: the
 * first sample below it, refined by bisection. false when it stays above. */
static bool march(const ov_view *v, const double o[3], const double dir[3], double a, double b,
                  double *hit)
{
    double prev_s = a;
    for (int k = 1; k <= PICK_SAMPLES; k++) {
        double s = a + (b - a) * k / PICK_SAMPLES;
        if (gap(v, o, dir, s) <= 0.0) {
            double lo = prev_s, hi = s;
            for (int it = 0; it < 60; it++) {
                double m = 0.5 * (lo + hi);
                if (gap(v, o, dir, m) > 0.0)
                    lo = m;
                else
                    hi = m;
            }
            *hit = 0.5 * (lo + hi);
            return true;
        }
        prev_s = s;
    }
    return false;
}

bool ov_view_pick(const ov_view *v, ov_vec2 px, ov_vec2 *world, double *depth)
{
    if (depth)
        *depth = 0.0;
    if (!v->is3d) {
        ov_rect r = v->rect;
        world->x = r.x0 + px.x / v->width * (r.x1 - r.x0);
        world->y = r.y1 - px.y / v->height * (r.y1 - r.y0);
        return isfinite(world->x) && isfinite(world->y);
    }
    if (!v->surface)
        return false;
    /* The ray from the near to the far plane, through cglm's unprojection. */
    CGLM_ALIGN_MAT mat4 inv;
    for (int i = 0; i < 16; i++)
        ((float *)inv)[i] = (float)v->inv_mvp[i];
    vec4 viewport = {0.0f, 0.0f, (float)v->width, (float)v->height};
    vec3 wn = {(float)px.x, (float)(v->height - px.y), 0.0f};
    vec3 wf = {(float)px.x, (float)(v->height - px.y), 1.0f};
    vec3 pn, pf;
    glm_unprojecti(wn, inv, viewport, pn);
    glm_unprojecti(wf, inv, viewport, pf);
    double o[3] = {pn[0], pn[1], pn[2]};
    double dir[3] = {pf[0] - pn[0], pf[1] - pn[1], pf[2] - pn[2]};
    double s0, s1, hit;
    if (!clip_box(v, o, dir, &s0, &s1))
        return false;
    /* The surface stands on a solid block: a ray entering below the
     * surface meets a side wall (or the floor) right there. */
    if (gap(v, o, dir, s0) <= 0.0)
        hit = s0;
    else if (!march(v, o, dir, s0, s1, &hit))
        return false;
    double p[3] = {o[0] + hit * dir[0], o[1] + hit * dir[1], o[2] + hit * dir[2]};
    *world = ov_view_model_to_world(v, p);
    if (depth) {
        ov_vec2 q;
        if (!project_model(v, p, &q, depth))
            return false;
    }
    return isfinite(world->x) && isfinite(world->y);
}

void ov_view_frag_affine(const ov_view *v, float a[4])
{
    ov_rect r = v->rect;
    a[0] = (float)r.x0;
    a[1] = (float)r.y0;
    a[2] = (float)((r.x1 - r.x0) / v->width);
    a[3] = (float)((r.y1 - r.y0) / v->height);
}

double ov_view_world_per_pixel(const ov_view *v)
{
    if (!v->is3d)
        return (v->rect.x1 - v->rect.x0) / v->width;
    double d[3] = {v->eye[0] - v->target[0], v->eye[1] - v->target[1], v->eye[2] - v->target[2]};
    double dist = sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
    return 2.0 * dist * tan(v->fovy / 2.0) / v->height * v->half;
}

/* Both sides at least OV_VIEW_FLOAT_SPAN times the largest |coordinate|
 * along them: then a pixel of a frame up to 1920 px wide spans at least
 * about 4 float steps (1e-3 / 1920 / 2^-23), so neighbouring pixels get
 * distinct world points and a contour is off by at most about 1/8 px. */
bool ov_view_rect_precise(ov_rect r)
{
    double mx = fmax(fabs(r.x0), fabs(r.x1)), my = fmax(fabs(r.y0), fabs(r.y1));
    return r.x1 - r.x0 >= OV_VIEW_FLOAT_SPAN * mx && r.y1 - r.y0 >= OV_VIEW_FLOAT_SPAN * my;
}

static ov_rect zoom_rect(ov_rect r, ov_vec2 a, double f)
{
    ov_rect z;
    z.x0 = a.x - (a.x - r.x0) * f;
    z.x1 = z.x0 + (r.x1 - r.x0) * f;
    z.y0 = a.y - (a.y - r.y0) * f;
    z.y1 = z.y0 + (r.y1 - r.y0) * f;
    return z;
}

ov_zoom_result ov_view_zoom(ov_rect *r, ov_vec2 about, double factor)
{
    if (!(factor > 0.0) || !isfinite(factor) || !isfinite(about.x) || !isfinite(about.y))
        return OV_ZOOM_REFUSED;
    double w = (r->x1 - r->x0) * factor, h = (r->y1 - r->y0) * factor;
    if (!(w >= OV_VIEW_MIN_SIDE && h >= OV_VIEW_MIN_SIDE && w <= OV_VIEW_MAX_SIDE &&
          h <= OV_VIEW_MAX_SIDE))
        return OV_ZOOM_REFUSED;
    ov_rect z = zoom_rect(*r, about, factor);
    if (factor >= 1.0 || ov_view_rect_precise(z)) {
        *r = z;
        return OV_ZOOM_DONE;
    }
    /* Past the floor: the smallest factor in (factor, 1] that keeps it. */
    if (!ov_view_rect_precise(*r))
        return OV_ZOOM_FLOAT_LIMIT;
    double lo = factor, hi = 1.0;
    for (int i = 0; i < 60; i++) {
        double mid = 0.5 * (lo + hi);
        if (ov_view_rect_precise(zoom_rect(*r, about, mid)))
            hi = mid;
        else
            lo = mid;
    }
    /* Already at the floor (within rounding): the rectangle stays as it is. */
    if (hi < 1.0 - 1e-6)
        *r = zoom_rect(*r, about, hi);
    return OV_ZOOM_FLOAT_LIMIT;
}
