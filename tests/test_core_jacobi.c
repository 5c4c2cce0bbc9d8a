/* The n x n symmetric eigen solver (cyclic Jacobi, linalg.h) against
 * matrices built from known eigenvalues and a known orthogonal matrix, and
 * the local curvature of an objective (theory.h) built the same way. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/linalg.h"
#include "core/objective.h"
#include "core/surface.h"
#include "core/surface_objective.h"
#include "core/theory.h"
#include "ov_test.h"

#define MAXN 64

/* Q = H(u) H(v), the product of two Householder matrices I - 2uu'/u'u
 * (orthogonal, no axis kept), u_k = cos(1.3k + 0.4) + 0.1, v_k = sin(0.7k^2 + 1). */
static void orthogonal(int n, double *q)
{
    double u[MAXN], v[MAXN], uu = 0, vv = 0;
    for (int k = 0; k < n; k++) {
        u[k] = cos(1.3 * k + 0.4) + 0.1;
        v[k] = sin(0.7 * k * k + 1.0);
        uu += u[k] * u[k];
        vv += v[k] * v[k];
    }
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int k = 0; k < n; k++) {
                const double hu = (i == k) - 2 * u[i] * u[k] / uu;
                const double hv = (k == j) - 2 * v[k] * v[j] / vv;
                s += hu * hv;
            }
            q[i * n + j] = s;
        }
}

/* a = Q diag(lambda) Q'. */
static void build(int n, const double *q, const double *lambda, double *a)
{
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int k = 0; k < n; k++)
                s += q[i * n + k] * lambda[k] * q[j * n + k];
            a[i * n + j] = s;
        }
}

static int cmp(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Eigenvalues equal to the sorted lambda, A v = λ v for each row, the rows
 * orthonormal, and for a simple eigenvalue the row is ± Q's column. */
static void check_eigen(int n, const double *lambda_in)
{
    static double q[MAXN * MAXN], a[MAXN * MAXN], v[MAXN * MAXN];
    double lambda[MAXN], ev[MAXN];
    memcpy(lambda, lambda_in, sizeof(double) * (size_t)n);
    orthogonal(n, q);
    build(n, q, lambda, a);
    CHECK(ov_linalg_sym_eigen(n, a, ev, v));
    double scale = 0;
    for (int k = 0; k < n; k++)
        scale = fmax(scale, fabs(lambda[k]));
    /* The columns of Q in the order of their eigenvalues. */
    int order[MAXN];
    for (int k = 0; k < n; k++)
        order[k] = k;
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && lambda[order[j - 1]] > lambda[order[j]]; j--) {
            int t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    double sorted[MAXN];
    memcpy(sorted, lambda, sizeof(double) * (size_t)n);
    qsort(sorted, (size_t)n, sizeof(double), cmp);
    double worst_val = 0, worst_res = 0, worst_orth = 0, worst_vec = 0;
    for (int i = 0; i < n; i++) {
        worst_val = fmax(worst_val, fabs(ev[i] - sorted[i]));
        for (int r = 0; r < n; r++) {
            double av = 0;
            for (int c = 0; c < n; c++)
                av += a[r * n + c] * v[i * n + c];
            worst_res = fmax(worst_res, fabs(av - ev[i] * v[i * n + r]));
        }
        for (int j = 0; j < n; j++) {
            double d = 0;
            for (int k = 0; k < n; k++)
                d += v[i * n + k] * v[j * n + k];
            worst_orth = fmax(worst_orth, fabs(d - (i == j)));
        }
        const bool simple = (i == 0 || sorted[i] - sorted[i - 1] > 1e-6 * scale) &&
                            (i == n - 1 || sorted[i + 1] - sorted[i] > 1e-6 * scale);
        if (simple) {
            double d = 0;
            for (int k = 0; k < n; k++)
                d += v[i * n + k] * q[k * n + order[i]];
            worst_vec = fmax(worst_vec, fabs(fabs(d) - 1));
        }
    }
    CHECK_MSG(worst_val <= 1e-13 * n * scale, "n = %d: eigenvalue error %.3g", n, worst_val);
    CHECK_MSG(worst_res <= 1e-13 * n * scale, "n = %d: residual %.3g", n, worst_res);
    CHECK_MSG(worst_orth <= 1e-13 * n, "n = %d: orthogonality %.3g", n, worst_orth);
    CHECK_MSG(worst_vec <= 1e-10, "n = %d: eigenvector %.3g", n, worst_vec);
}

static void test_jacobi(void)
{
    /* Negative, zero, tiny, repeated and large eigenvalues. */
    const double l9[9] = {7.0, -3.0, 2.0, 1e-3, 0.0, 100.0, -0.5, 2.0, 1.0};
    check_eigen(9, l9);
    const double l1[1] = {-2.5};
    check_eigen(1, l1);
    const double l2[2] = {4.0, 0.25};
    check_eigen(2, l2);
    double l64[64];
    for (int k = 0; k < 64; k++)
        l64[k] = (k % 2 ? -1.0 : 1.0) * (0.1 + 0.37 * k);
    check_eigen(64, l64);
    /* A diagonal matrix: its entries, the axes. */
    double d[9] = {0}, ev[3], v[9];
    d[0] = 3.0;
    d[4] = -1.0;
    d[8] = 2.0;
    CHECK(ov_linalg_sym_eigen(3, d, ev, v));
    CHECK(ev[0] == -1.0 && ev[1] == 2.0 && ev[2] == 3.0);
    CHECK(fabs(v[0 * 3 + 1]) == 1.0 && fabs(v[1 * 3 + 2]) == 1.0 && fabs(v[2 * 3 + 0]) == 1.0);
    /* A non-finite entry: refused. */
    d[5] = d[7] = NAN;
    CHECK(!ov_linalg_sym_eigen(3, d, ev, v));
}

/* L = ½ w'Aw with A = Q diag(lambda) Q' (n = 6). */
typedef struct quad {
    int n;
    double a[36];
} quad;

static void quad_eval(const void *ctx, const double *w, double *f, double *g, double *h)
{
    const quad *p = ctx;
    double s = 0;
    for (int i = 0; i < p->n; i++) {
        double ai = 0;
        for (int j = 0; j < p->n; j++)
            ai += p->a[i * p->n + j] * w[j];
        s += 0.5 * w[i] * ai;
        if (g)
            g[i] = ai;
    }
    *f = s;
    if (h)
        memcpy(h, p->a, sizeof(double) * (size_t)(p->n * p->n));
}

static void test_local_curvature(void)
{
    quad p = {.n = 6};
    double q[36], w[6] = {0.1, 0.2, 0.3, -0.4, 0.5, 0.6}, ev[6];
    orthogonal(6, q);
    ov_objective obj = {.n = 6, .active = 6, .ctx = &p, .eval = quad_eval};
    ov_local_curvature c;

    const double convex[6] = {0.5, 2.0, 3.0, 40.0, 1.0, 7.0};
    build(6, q, convex, p.a);
    CHECK(ov_theory_local_eigen(&obj, w, ev) == 6);
    CHECK_NEAR(ev[0], 0.5, 1e-12);
    CHECK_NEAR(ev[5], 40.0, 1e-12);
    CHECK(ov_theory_local_curvature(&obj, w, &c));
    CHECK(c.shape == OV_LOCAL_CONVEX);
    CHECK_NEAR(c.kappa, 80.0, 1e-10);
    CHECK_NEAR(c.kappa_abs, 80.0, 1e-10);

    const double saddle[6] = {-4.0, 2.0, 0.5, 8.0, 1.0, 7.0};
    build(6, q, saddle, p.a);
    CHECK(ov_theory_local_curvature(&obj, w, &c));
    CHECK(c.shape == OV_LOCAL_NONCONVEX && isinf(c.kappa));
    CHECK_NEAR(c.lmin, -4.0, 1e-12);
    CHECK_NEAR(c.kappa_abs, 16.0, 1e-10);   /* 8 / 0.5 */

    /* Flat along one axis (an exact 0 needs a diagonal matrix). */
    memset(p.a, 0, sizeof p.a);
    for (int k = 1; k < 6; k++)
        p.a[k * 6 + k] = k;
    CHECK(ov_theory_local_curvature(&obj, w, &c));
    CHECK(c.shape == OV_LOCAL_FLAT && isinf(c.kappa) && isinf(c.kappa_abs) && c.lmin == 0.0);

    p.a[7] = INFINITY;
    CHECK(!ov_theory_local_curvature(&obj, w, &c) && c.shape == OV_LOCAL_UNKNOWN);
    CHECK(ov_theory_local_eigen(&obj, w, ev) == 0);

    /* A surface: the quadratic with κ = 10 has eigenvalues 1 and 10. */
    ov_expr_error err;
    ov_surface *s = ov_surface_create("quadratic", &err);
    CHECK(s != NULL);
    if (s) {
        ov_surface_set_param(s, "kappa", 10.0);
        ov_surface_set_param(s, "theta", 30.0);
        ov_objective so = ov_surface_objective(s);
        const double at[2] = {0.3, -0.7};
        CHECK(ov_theory_local_curvature(&so, at, &c));
        CHECK(c.shape == OV_LOCAL_CONVEX);
        CHECK_NEAR(c.lmin, 1.0, 1e-12);
        CHECK_NEAR(c.lmax, 10.0, 1e-12);
        CHECK_NEAR(c.kappa, 10.0, 1e-11);
        ov_surface_destroy(s);
    }
}

int main(void)
{
    test_jacobi();
    test_local_curvature();
    return ov_test_finish("test_core_jacobi");
}
