/* A plane through an objective as a surface (ov_surface_create_plane):
 * value, gradient and Hessian against the objective evaluated here and
 * against finite differences; the followed coordinates as parameters; the
 * key that names what the shaders compute; and the formula surfaces' key
 * and summary unchanged. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/surface.h"
#include "core/loss_range.h"
#include "ov_test.h"

/* f(w) = w0² w1 + sin(w2) w3 + w3²/2 + exp(0.3 w0 w2), derivatives by hand. */
static void f4(const void *ctx, const double *w, double *f, double *g, double *h)
{
    (void)ctx;
    double E = exp(0.3 * w[0] * w[2]);
    *f = w[0] * w[0] * w[1] + sin(w[2]) * w[3] + 0.5 * w[3] * w[3] + E;
    if (g) {
        g[0] = 2 * w[0] * w[1] + 0.3 * w[2] * E;
        g[1] = w[0] * w[0];
        g[2] = cos(w[2]) * w[3] + 0.3 * w[0] * E;
        g[3] = sin(w[2]) + w[3];
    }
    if (h) {
        double H[16] = {2 * w[1] + 0.09 * w[2] * w[2] * E, 2 * w[0], 0.3 * E + 0.09 * w[0] * w[2] * E, 0,
                        2 * w[0], 0, 0, 0,
                        0.3 * E + 0.09 * w[0] * w[2] * E, 0, -sin(w[2]) * w[3] + 0.09 * w[0] * w[0] * E,
                        cos(w[2]),
                        0, 0, cos(w[2]), 1};
        memcpy(h, H, sizeof H);
    }
}

static const double o4[4] = {0.3, -0.7, 1.1, 0.4};
static const double d14[4] = {1.0, 0.5, 0.0, -0.2};
static const double d24[4] = {0.0, 1.0, 0.3, 0.1};

static ov_slice slice4(const double *d1)
{
    ov_slice s;
    memset(&s, 0, sizeof s);
    s.kind = OV_SLICE_PCA;
    s.n = 4;
    memcpy(s.o, o4, sizeof o4);
    memcpy(s.d1, d1, 4 * sizeof d1[0]);
    memcpy(s.d2, d24, sizeof d24);
    return s;
}

static char *text(const char *t)
{
    char *c = malloc(strlen(t) + 1);
    if (c)
        strcpy(c, t);
    return c;
}

static const int follow3[1] = {3};
static const char *const name3[1] = {"w3"};

static ov_surface *plane4(const double *d1, const char *glsl)
{
    ov_objective obj = {4, 4, NULL, f4};
    ov_slice sl = slice4(d1);
    char err[128];
    ov_surface *s = ov_surface_create_plane("f4", "a test function", obj, &sl, follow3, name3, 1,
                                            text(glsl), (ov_rect){-1, 2, -3, 1}, err, sizeof err);
    CHECK_MSG(s != NULL, "create_plane: %s", err);
    return s;
}

/* The loss at o + x d1 + y d2 with o3 = o3v, straight from f4. */
static double direct(double x, double y, double o3v, double *g)
{
    double w[4], f;
    for (int i = 0; i < 4; i++)
        w[i] = (i == 3 ? o3v : o4[i]) + x * d14[i] + y * d24[i];
    f4(NULL, w, &f, g, NULL);
    return f;
}

static void test_values(void)
{
    ov_surface *s = plane4(d14, "float ov_loss(vec2 p) { return 0.0; }\n");
    if (!s)
        return;
    CHECK(s->nparams == 1 && s->params[0] == 0.4 && s->nminima == 0 && !s->one_d);
    CHECK(s->expr == NULL && s->def == NULL);
    CHECK(strcmp(s->name, "f4") == 0);
    CHECK(strcmp(ov_surface_summary(s), "a test function") == 0);
    CHECK(s->view.x0 == -1 && s->view.y1 == 1 && s->start.x == 0.5 && s->start.y == -1);
    char buf[64] = "x";
    CHECK(!ov_surface_formula_text(s, buf, sizeof buf) && buf[0] == '\0');

    const double pts[][2] = {{0, 0}, {0.7, -0.4}, {-1.2, 0.9}, {1.9, 2.5}};
    for (size_t k = 0; k < sizeof pts / sizeof pts[0]; k++) {
        double x = pts[k][0], y = pts[k][1], gw[4];
        double want = direct(x, y, 0.4, gw);
        CHECK_NEAR(ov_surface_value(s, x, y), want, 1e-15 * fmax(1, fabs(want)));
        double f, g[2], h[3];
        ov_surface_grad(s, x, y, &f, g);
        CHECK_NEAR(f, want, 1e-15 * fmax(1, fabs(want)));
        double g1 = 0, g2 = 0;
        for (int i = 0; i < 4; i++) {
            g1 += gw[i] * d14[i];
            g2 += gw[i] * d24[i];
        }
        CHECK_NEAR(g[0], g1, 1e-13 * fmax(1, fabs(g1)));
        CHECK_NEAR(g[1], g2, 1e-13 * fmax(1, fabs(g2)));
        /* Central differences of the value (error ~ e² f''' ~ 1e-10). */
        const double e = 1e-5;
        double fx = (ov_surface_value(s, x + e, y) - ov_surface_value(s, x - e, y)) / (2 * e);
        double fy = (ov_surface_value(s, x, y + e) - ov_surface_value(s, x, y - e)) / (2 * e);
        CHECK_NEAR(g[0], fx, 1e-7 * fmax(1, fabs(fx)));
        CHECK_NEAR(g[1], fy, 1e-7 * fmax(1, fabs(fy)));
        /* The Hessian against differences of the gradient. */
        double gp[2], gm[2], hg[2];
        ov_surface_hess(s, x, y, &f, hg, h);
        CHECK(hg[0] == g[0] && hg[1] == g[1]);
        ov_surface_grad(s, x + e, y, &f, gp);
        ov_surface_grad(s, x - e, y, &f, gm);
        double hxx = (gp[0] - gm[0]) / (2 * e), hxy = (gp[1] - gm[1]) / (2 * e);
        ov_surface_grad(s, x, y + e, &f, gp);
        ov_surface_grad(s, x, y - e, &f, gm);
        double hyy = (gp[1] - gm[1]) / (2 * e), hyx = (gp[0] - gm[0]) / (2 * e);
        CHECK_NEAR(h[0], hxx, 1e-6 * fmax(1, fabs(hxx)));
        CHECK_NEAR(h[1], hxy, 1e-6 * fmax(1, fabs(hxy)));
        CHECK_NEAR(h[1], hyx, 1e-6 * fmax(1, fabs(hyx)));
        CHECK_NEAR(h[2], hyy, 1e-6 * fmax(1, fabs(hyy)));
    }

    /* The followed coordinate o3 is the parameter "w3". */
    const char *key = ov_surface_key(s);
    char key0[128];
    snprintf(key0, sizeof key0, "%s", key);
    CHECK(strncmp(key0, "plane f4 #", 10) == 0);
    CHECK(ov_surface_set_param(s, "w3", 2.0));
    double v;
    CHECK(ov_surface_get_param(s, "w3", &v) && v == 2.0);
    CHECK(!ov_surface_set_param(s, "kappa", 1.0) && !ov_surface_get_param(s, "w0", &v));
    CHECK_NEAR(ov_surface_value(s, 0.7, -0.4), direct(0.7, -0.4, 2.0, NULL), 1e-14);
    CHECK(fabs(ov_surface_value(s, 0.7, -0.4) - direct(0.7, -0.4, 0.4, NULL)) > 0.1);
    CHECK(strcmp(ov_surface_key(s), key0) == 0);
    double head[4] = {9, 9, 9, 2.0};
    CHECK(!ov_surface_plane_follow(s, head));
    head[3] = -1.5;
    CHECK(ov_surface_plane_follow(s, head) && s->params[0] == -1.5);
    CHECK_NEAR(ov_surface_value(s, 0.1, 0.2), direct(0.1, 0.2, -1.5, NULL), 1e-14);
    CHECK(strcmp(ov_surface_key(s), key0) == 0);
    CHECK(strcmp(ov_surface_plane_glsl(s), "float ov_loss(vec2 p) { return 0.0; }\n") == 0);

    /* The same plane again: the same key; another d1 or text: another. */
    ov_surface *same = plane4(d14, "float ov_loss(vec2 p) { return 0.0; }\n");
    const double other_d1[4] = {1.0, 0.5, 0.0, -0.2000001};
    ov_surface *moved = plane4(other_d1, "float ov_loss(vec2 p) { return 0.0; }\n");
    ov_surface *retext = plane4(d14, "float ov_loss(vec2 p) { return 1.0; }\n");
    if (same && moved && retext) {
        CHECK(strcmp(ov_surface_key(same), key0) == 0);
        CHECK(strcmp(ov_surface_key(moved), key0) != 0);
        CHECK(strcmp(ov_surface_key(retext), key0) != 0);
    }
    ov_surface_destroy(same);
    ov_surface_destroy(moved);
    ov_surface_destroy(retext);
    ov_surface_destroy(s);
}

/* f = Σ (i+1) w_i² / 2 + w0 w63 in 64-D: H = diag(1 .. 64) plus 1 at
 * (0, 63) and (63, 0). With d1 = e0 + e63, d2 = e5: d1ᵀHd1 = 1 + 64 + 2,
 * d1ᵀHd2 = 0, d2ᵀHd2 = 6. */
static void f64(const void *ctx, const double *w, double *f, double *g, double *h)
{
    (void)ctx;
    double s = w[0] * w[63];
    for (int i = 0; i < 64; i++)
        s += 0.5 * (i + 1) * w[i] * w[i];
    *f = s;
    if (g)
        for (int i = 0; i < 64; i++)
            g[i] = (i + 1) * w[i] + (i == 0 ? w[63] : i == 63 ? w[0] : 0.0);
    if (h) {
        memset(h, 0, 64 * 64 * sizeof *h);
        for (int i = 0; i < 64; i++)
            h[i * 64 + i] = i + 1;
        h[63] = h[63 * 64] = 1.0;
    }
}

static void test_64(void)
{
    ov_slice sl;
    memset(&sl, 0, sizeof sl);
    sl.n = 64;
    sl.d1[0] = sl.d1[63] = 1.0;
    sl.d2[5] = 1.0;
    for (int i = 0; i < 64; i++)
        sl.o[i] = 0.01 * i;
    int follow[8] = {1, 2, 3, 4, 6, 7, 8, 9};
    const char *names[8] = {"p1", "p2", "p3", "p4", "p6", "p7", "p8", "p9"};
    ov_objective obj = {64, 64, NULL, f64};
    char err[128];
    ov_surface *s = ov_surface_create_plane("big", "64 parameters", obj, &sl, follow, names, 8,
                                            text("float ov_loss(vec2 p) { return Pb.w; }\n"),
                                            (ov_rect){-1, 1, -1, 1}, err, sizeof err);
    CHECK_MSG(s != NULL, "%s", err);
    if (!s)
        return;
    CHECK(s->nparams == 8 && s->params[7] == 0.01 * 9);
    double f, g[2], h[3];
    ov_surface_hess(s, 0.3, -0.2, &f, g, h);
    CHECK_NEAR(h[0], 67.0, 1e-12);
    CHECK_NEAR(h[1], 0.0, 1e-12);
    CHECK_NEAR(h[2], 6.0, 1e-12);
    /* The gradient: w0 = 0.3, w63 = 0.63 + 0.3, w5 = 0.05 - 0.2. */
    double w0 = 0.3, w63 = 0.63 + 0.3, w5 = 0.05 - 0.2;
    CHECK_NEAR(g[0], (1 * w0 + w63) + (64 * w63 + w0), 1e-12);
    CHECK_NEAR(g[1], 6 * w5, 1e-12);
    ov_surface_destroy(s);
}

static void test_bad_arguments(void)
{
    ov_objective obj = {4, 4, NULL, f4};
    ov_slice sl = slice4(d14);
    char err[128] = "";
    int nine[9] = {0, 1, 2, 3, 0, 1, 2, 3, 0};
    const char *nn[9] = {"a", "b", "c", "d", "e", "f", "g", "h", "i"};
    /* Each call takes (frees) its text, on failure too. */
    CHECK(!ov_surface_create_plane("x", "y", obj, &sl, nine, nn, 9, text("t"),
                                   (ov_rect){0, 1, 0, 1}, err, sizeof err));
    CHECK(strstr(err, "8") != NULL);
    int out[1] = {4};
    CHECK(!ov_surface_create_plane("x", "y", obj, &sl, out, nn, 1, text("t"),
                                   (ov_rect){0, 1, 0, 1}, err, sizeof err));
    int twice[2] = {1, 1};
    CHECK(!ov_surface_create_plane("x", "y", obj, &sl, twice, nn, 2, text("t"),
                                   (ov_rect){0, 1, 0, 1}, err, sizeof err));
    obj.n = 5;
    CHECK(!ov_surface_create_plane("x", "y", obj, &sl, NULL, NULL, 0, text("t"),
                                   (ov_rect){0, 1, 0, 1}, err, sizeof err));
}

static void test_formula_surfaces(void)
{
    ov_expr_error e;
    ov_surface *q = ov_surface_create("quadratic", &e);
    ov_surface *u = ov_surface_create("x^2 + 3*y", &e);
    CHECK(q && u);
    if (q && u) {
        CHECK(ov_surface_key(q) == ov_expr_source(q->expr));
        CHECK(strcmp(ov_surface_key(u), "x^2 + 3*y") == 0);
        CHECK(ov_surface_summary(q) == q->def->summary);
        CHECK(ov_surface_summary(u) == NULL);
        CHECK(ov_surface_plane_glsl(q) == NULL && q->plane == NULL);
        double w[2] = {1, 2};
        CHECK(!ov_surface_plane_follow(q, w));
    }
    ov_surface_destroy(q);
    ov_surface_destroy(u);
}

static void fexp(const void *ctx, const double *w, double *f, double *g, double *h)
{
    (void)ctx;
    *f = exp(8 * w[0]) + w[1] * w[1];
    if (g) {
        g[0] = 8 * exp(8 * w[0]);
        g[1] = 2 * w[1];
    }
    if (h) {
        h[0] = 64 * exp(8 * w[0]);
        h[1] = h[2] = 0;
        h[3] = 2;
    }
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The colours of a model's slice span the lower 90% of the values sampled
 * in the view (an exponential that explodes in one corner saturates there
 * instead of washing out the rest); a formula surface keeps its maximum. */
static void test_loss_range(void)
{
    ov_objective obj = {2, 2, NULL, fexp};
    ov_slice sl;
    memset(&sl, 0, sizeof sl);
    sl.kind = OV_SLICE_AXES;
    sl.n = 2;
    sl.d1[0] = sl.d2[1] = 1.0;
    const ov_rect r = {-1, 2, -1, 1};
    char err[128];
    ov_surface *p = ov_surface_create_plane("e", "exp", obj, &sl, NULL, NULL, 0,
                                            text("float ov_loss(vec2 p) { return 0.0; }\n"), r,
                                            err, sizeof err);
    ov_expr_error perr;
    ov_surface *q = ov_surface_create("exp(8*x) + y^2", &perr);
    CHECK(p && q);
    if (!p || !q)
        return;
    /* The grid the range samples: cell centres of OV_LREF_GRID^2 cells. */
    enum { N = OV_LREF_GRID };
    static double v[N * N];
    double lo = INFINITY, hi = -INFINITY;
    for (int j = 0; j < N; j++)
        for (int i = 0; i < N; i++) {
            double x = r.x0 + (i + 0.5) / N * (r.x1 - r.x0);
            double y = r.y0 + (j + 0.5) / N * (r.y1 - r.y0);
            v[j * N + i] = exp(8 * x) + y * y;
            lo = fmin(lo, v[j * N + i]);
            hi = fmax(hi, v[j * N + i]);
        }
    qsort(v, N * N, sizeof v[0], cmp_double);
    double p90 = v[(int)(0.9 * (N * N - 1))];
    ov_loss_range a, b;
    ov_loss_range_compute(p, r, &a);
    ov_loss_range_compute(q, r, &b);
    CHECK_NEAR(a.lref, lo, 1e-12 * fabs(lo));
    CHECK_NEAR(a.lmax, p90, 1e-9 * p90);
    CHECK_NEAR(b.lmax, hi, 1e-9 * hi);
    /* The two differ: the top tenth of x spans 0.3, a factor of about
     * e^(8 * 0.3) = 11 in the exponential. */
    CHECK(hi > 5 * p90);
    ov_surface_destroy(p);
    ov_surface_destroy(q);
}

int main(void)
{
    test_loss_range();
    test_values();
    test_64();
    test_bad_arguments();
    test_formula_surfaces();
    return ov_test_finish("test_core_surface_plane");
}
