/* The shaders' loss on a model's slice agrees with the C value: the loss
 * read back from a float framebuffer (ov_renderer_read_loss) against
 * ov_surface_value at every pixel centre, for gauss4 and xor on an axes
 * slice (the other coordinates as Pa/Pb uniforms, moved without a new
 * program) and on a skew plane with every coordinate baked in, and for a
 * plane surface whose GLSL is written here by hand. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/slice_surface.h"
#include "ov_gl_test.h"
#include "ov_test.h"

#define W 53
#define H 41

/* Tolerance: the GPU works in 32-bit floats (ε = 6e-8): the pixel's world
 * point, the plane's w = o + x·d1 + y·d2 and the sums over the data rows
 * each carry a few ulps, so |L_gpu - L_c| ~ 1e-6·max(1, |L|) (measured on
 * llvmpipe: at most 1.6e-6 here). 2e-5·max(1, |L|) leaves a factor of ten
 * and is far below what a wrong coefficient, row, sign or uniform would
 * change. */
static double compare(ov_renderer *r, const ov_surface *s, ov_rect v, const char *what)
{
    static float gpu[W * H];
    for (int i = 0; i < W * H; i++)
        gpu[i] = -12345.0f;
    bool ok = ov_renderer_read_loss(r, s, v, W, H, gpu);
    CHECK_MSG(ok, "read_loss failed for %s", what);
    if (!ok)
        return INFINITY;
    int bad = 0;
    double worst = 0.0;
    for (int j = 0; j < H; j++) {
        double y = v.y1 - (j + 0.5) * (v.y1 - v.y0) / H;
        for (int i = 0; i < W; i++) {
            double x = v.x0 + (i + 0.5) * (v.x1 - v.x0) / W;
            double want = ov_surface_value(s, x, y);
            float got = gpu[j * W + i];
            double scale = fmax(1.0, fabs(want));
            double rel = fabs(got - want) / scale;
            if (!(rel <= 2e-5)) {
                if (bad++ < 3)
                    fprintf(stderr, "%s (%g, %g): C %.9g, GPU %.9g\n", what, x, y, want, got);
                continue;
            }
            worst = fmax(worst, rel);
        }
    }
    CHECK_MSG(bad == 0, "%s: %d of %d pixels disagree", what, bad, W * H);
    printf("%s: largest |GPU - C| / max(1, |L|) = %.2g\n", what, worst);
    return worst;
}

/* One model on an axes slice through point head (following the others),
 * then the followed coordinates moved to head2, then a skew plane. */
static void check_model(ov_renderer *r, const char *name, const char *axes, const double *head,
                        const double *head2, ov_rect view)
{
    ov_model *m = ov_model_create_builtin(name);
    CHECK_MSG(m != NULL, "no model %s", name);
    if (!m)
        return;
    char err[512], what[128];
    ov_slice sl;
    CHECK_MSG(ov_slice_parse(axes, m->param_name_list, m->n, &sl, err, sizeof err), "%s", err);
    ov_slice_axes(&sl, head);
    ov_surface *s = ov_slice_surface_create(m, &sl, view, err, sizeof err);
    CHECK_MSG(s != NULL, "%s: %s", name, err);
    if (s) {
        CHECK(s->nparams == m->n - 2);
        snprintf(what, sizeof what, "%s on %s", name, axes);
        compare(r, s, view, what);
        /* The C side is the model at o + x e_a + y e_b: check one point
         * against the model directly, so the comparison above is against
         * the model's own loss. */
        double w[OV_SLICE_MAX_DIM], f;
        memcpy(w, head, (size_t)m->n * sizeof w[0]);
        w[sl.a] = 0.3;
        w[sl.b] = -0.2;
        ov_model_eval(m, w, &f, NULL, NULL);
        CHECK_NEAR(ov_surface_value(s, 0.3, -0.2), f, 1e-14 * fmax(1.0, fabs(f)));

        char key[128];
        snprintf(key, sizeof key, "%s", ov_surface_key(s));
        CHECK(ov_surface_plane_follow(s, head2));
        CHECK(strcmp(key, ov_surface_key(s)) == 0);
        snprintf(what, sizeof what, "%s on %s, the others moved", name, axes);
        compare(r, s, view, what);
        ov_surface_destroy(s);
    }

    /* A skew plane, nothing followed: o = head, d1 and d2 mixing every
     * coordinate. */
    memset(&sl, 0, sizeof sl);
    sl.kind = OV_SLICE_PCA;
    sl.n = m->n;
    for (int i = 0; i < m->n; i++) {
        sl.o[i] = head[i];
        sl.d1[i] = cos(1.0 + 0.7 * i) / sqrt(m->n);
        sl.d2[i] = sin(0.4 + 1.3 * i) / sqrt(m->n);
    }
    s = ov_slice_surface_create(m, &sl, view, err, sizeof err);
    CHECK_MSG(s != NULL, "%s: %s", name, err);
    if (s) {
        CHECK(s->nparams == 0);
        snprintf(what, sizeof what, "%s on a skew plane", name);
        compare(r, s, view, what);
        ov_surface_destroy(s);
    }
    ov_model_destroy(m);
}

/* f(w) = w0² w1 + sin(w2) w3 + w3²/2 on o + x d1 + y d2, w3's origin the
 * parameter "w3" (Pa.x), as C and as GLSL by hand. */
static const double ho[4] = {0.3, -0.7, 1.1, 0.4};
static const double hd1[4] = {1.0, 0.5, 0.0, -0.2};
static const double hd2[4] = {0.0, 1.0, 0.3, 0.1};

static void hand_eval(const void *ctx, const double *w, double *f, double *g, double *h)
{
    (void)ctx;
    (void)g;
    (void)h;
    *f = w[0] * w[0] * w[1] + sin(w[2]) * w[3] + 0.5 * w[3] * w[3];
}

static const char hand_glsl[] =
    "float ov_loss(vec2 p) {\n"
    "    float w0 = 0.3 + p.x;\n"
    "    float w1 = -0.7 + 0.5*p.x + p.y;\n"
    "    float w2 = 1.1 + 0.3*p.y;\n"
    "    float w3 = Pa.x - 0.2*p.x + 0.1*p.y;\n"
    "    return w0*w0*w1 + sin(w2)*w3 + 0.5*w3*w3;\n"
    "}\n";

static void check_hand(ov_renderer *r)
{
    ov_slice sl;
    memset(&sl, 0, sizeof sl);
    sl.n = 4;
    memcpy(sl.o, ho, sizeof ho);
    memcpy(sl.d1, hd1, sizeof hd1);
    memcpy(sl.d2, hd2, sizeof hd2);
    ov_objective obj = {4, 4, NULL, hand_eval};
    int follow[1] = {3};
    const char *names[1] = {"w3"};
    char *text = malloc(sizeof hand_glsl);
    if (text)
        memcpy(text, hand_glsl, sizeof hand_glsl);
    char err[256];
    ov_rect v = {-2, 2, -1.5, 1.5};
    ov_surface *s = ov_surface_create_plane("hand", "by hand", obj, &sl, follow, names, 1, text, v,
                                            err, sizeof err);
    CHECK_MSG(s != NULL, "%s", err);
    if (!s)
        return;
    compare(r, s, v, "hand-written plane");
    CHECK(ov_surface_set_param(s, "w3", -2.5));
    compare(r, s, v, "hand-written plane, w3 = -2.5");
    /* A wrong uniform would show: w3 = -2.5 differs from 0.4 by far more
     * than the tolerance at (0, 0). */
    CHECK(fabs(ov_surface_value(s, 0, 0) - (0.09 * -0.7 + sin(1.1) * 0.4 + 0.08)) > 0.1);
    ov_surface_destroy(s);
}

int main(void)
{
    ov_gl_test t;
    if (!ov_gl_test_init(&t)) {
        CHECK_MSG(false, "no GL context");
        return ov_test_finish("test_render_slice");
    }
    ov_renderer *r = ov_gl_test_renderer(64, 64);
    CHECK(r != NULL);
    if (r) {
        check_hand(r);
        const double g_head[4] = {3.0, 3.0, 1.2, 0.8};
        const double g_head2[4] = {2.2, 1.4, 0.4, 1.9};
        check_model(r, "gauss4", "a,b", g_head, g_head2, (ov_rect){-1.0, 4.0, -0.5, 6.0});
        check_model(r, "gauss4", "c,d", g_head, g_head2, (ov_rect){-1.0, 3.5, -0.5, 2.5});
        const double x_head[9] = {1.5, -2.0, 0.4, -1.1, 2.2, -0.3, 2.5, 1.8, -0.6};
        const double x_head2[9] = {0.2, 0.9, -1.0, 1.7, -0.4, 0.8, -1.5, 0.6, 0.25};
        check_model(r, "xor", "w11,w12", x_head, x_head2, (ov_rect){-4.0, 4.0, -3.0, 3.0});
        check_model(r, "xor", "v1,c", x_head, x_head2, (ov_rect){-6.0, 6.0, -4.0, 4.0});
    }
    ov_renderer_destroy(r);
    ov_gl_test_deinit(&t);
    return ov_test_finish("test_render_slice");
}
