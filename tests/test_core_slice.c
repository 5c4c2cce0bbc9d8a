/* The slice of slice.h: projection onto a non-orthogonal plane against a
 * case worked out by hand, the principal directions of a known point
 * cloud, the seeded random directions and their filter normalisation, the
 * axes, the default view, and the --slice text with its errors. */
#include <math.h>
#include <string.h>

#include "core/noise.h"
#include "core/slice.h"
#include "core/slice_surface.h"
#include "ov_test.h"

static const char *const abcd[] = {"a", "b", "c", "d"};

static ov_slice plane4(const double o[4], const double d1[4], const double d2[4])
{
    ov_slice s;
    memset(&s, 0, sizeof s);
    s.kind = OV_SLICE_RANDOM;
    s.n = 4;
    memcpy(s.o, o, 4 * sizeof o[0]);
    memcpy(s.d1, d1, 4 * sizeof d1[0]);
    memcpy(s.d2, d2, 4 * sizeof d2[0]);
    return s;
}

/* o = (1, 0, 2, -1), d1 = (1, 1, 0, 0), d2 = (1, 0, 1, 0): d1·d2 = 1, not
 * orthogonal. r = (1, -1, -1, 2) is orthogonal to both (1 - 1 = 0 and
 * 1 - 1 = 0), |r| = √7. So w = o + 2·d1 - 1·d2 + r = (3, 1, 0, 1) projects
 * to (2, -1) at distance √7. */
static void test_projection(void)
{
    const double o[4] = {1, 0, 2, -1}, d1[4] = {1, 1, 0, 0}, d2[4] = {1, 0, 1, 0};
    ov_slice s = plane4(o, d1, d2);
    const double w[4] = {3, 1, 0, 1};
    double x = 99, y = 99, dist = 99;
    ov_slice_project(&s, w, &x, &y, &dist);
    CHECK_NEAR(x, 2.0, 1e-14);
    CHECK_NEAR(y, -1.0, 1e-14);
    CHECK_NEAR(dist, sqrt(7.0), 1e-14);

    /* A point of the plane: distance 0, its own (x, y). */
    double on[4];
    ov_slice_point(&s, 0.5, 3.0, on);
    CHECK_NEAR(on[0], 1 + 0.5 + 3, 1e-15);
    CHECK_NEAR(on[1], 0.5, 1e-15);
    CHECK_NEAR(on[2], 2 + 3, 1e-15);
    CHECK_NEAR(on[3], -1, 1e-15);
    ov_slice_project(&s, on, &x, &y, &dist);
    CHECK_NEAR(x, 0.5, 1e-14);
    CHECK_NEAR(y, 3.0, 1e-14);
    CHECK_NEAR(dist, 0.0, 1e-14);

    /* Many at once: the same numbers. */
    double pts[8] = {3, 1, 0, 1, on[0], on[1], on[2], on[3]}, xy[4], dd[2];
    ov_slice_project_many(&s, pts, 2, xy, dd);
    CHECK_NEAR(xy[0], 2.0, 1e-14);
    CHECK_NEAR(xy[1], -1.0, 1e-14);
    CHECK_NEAR(dd[0], sqrt(7.0), 1e-14);
    CHECK_NEAR(xy[2], 0.5, 1e-14);
    CHECK_NEAR(xy[3], 3.0, 1e-14);
    CHECK_NEAR(dd[1], 0.0, 1e-14);

    /* Parallel directions (d2 = 2 d1): the line along d1. w - o =
     * (2, 1, -2, 2), its d1 component 3/2, the rest (0.5, -0.5, -2, 2) of
     * length √8.5. */
    const double par[4] = {2, 2, 0, 0};
    s = plane4(o, d1, par);
    ov_slice_project(&s, w, &x, &y, &dist);
    CHECK_NEAR(x, 1.5, 1e-14);
    CHECK_NEAR(y, 0.0, 1e-14);
    CHECK_NEAR(dist, sqrt(8.5), 1e-14);

    /* d1 zero: the line along d2 = e4; (w - o)·e4 = 2, rest (2, 1, -2, 0). */
    const double zero[4] = {0, 0, 0, 0}, e4[4] = {0, 0, 0, 1};
    s = plane4(o, zero, e4);
    ov_slice_project(&s, w, &x, &y, &dist);
    CHECK_NEAR(x, 0.0, 1e-15);
    CHECK_NEAR(y, 2.0, 1e-14);
    CHECK_NEAR(dist, 3.0, 1e-14);

    /* No directions at all: the point o, distance |w - o| = √13. */
    s = plane4(o, zero, zero);
    ov_slice_project(&s, w, &x, &y, &dist);
    CHECK(x == 0.0 && y == 0.0);
    CHECK_NEAR(dist, sqrt(13.0), 1e-14);

    /* Nearly parallel (angle 1e-7): still the exact least-squares answer.
     * d2 = d1 + 1e-7·e3 with d1 = e1, so w = o + 2·e1 + 5e-7·e3 + e4 has
     * y = 5, x = 2 - 5 = -3, distance 1. */
    const double e1[4] = {1, 0, 0, 0}, near[4] = {1, 0, 1e-7, 0};
    s = plane4(o, e1, near);
    const double wn[4] = {o[0] + 2, o[1], o[2] + 5e-7, o[3] + 1};
    ov_slice_project(&s, wn, &x, &y, &dist);
    CHECK_NEAR(y, 5.0, 1e-6);
    CHECK_NEAR(x, -3.0, 1e-6);
    CHECK_NEAR(dist, 1.0, 1e-12);
}

/* Points o + 3 cos t·u + sin t·v + 1e-3 cos 2t·q over K evenly spaced t in
 * 5-D, u, v, q orthonormal: Σ(w-o)(w-o)ᵀ = (K/2)(9uuᵀ + vvᵀ + 1e-6 qqᵀ)
 * (the cross sums of cos t, sin t, cos 2t vanish over whole periods), so
 * d1 = ±u, d2 = ±v and the share is 10 / (10 + 1e-6). */
static const double pca_o[5] = {0.5, -1.0, 2.0, 0.0, 3.0};
static const double pca_u[5] = {2.0 / 7, 3.0 / 7, 6.0 / 7, 0, 0};
static const double pca_v[5] = {3.0 / 7, -6.0 / 7, 2.0 / 7, 0, 0};
static const double pca_q[5] = {0, 0, 0, 0.6, 0.8};

static void cloud_point(int k, int K, double *w)
{
    double t = 2.0 * 3.14159265358979323846 * k / K;
    for (int i = 0; i < 5; i++)
        w[i] = pca_o[i] + 3.0 * cos(t) * pca_u[i] + sin(t) * pca_v[i] +
               1e-3 * cos(2.0 * t) * pca_q[i];
}

static void check_pca(const ov_slice *s, const char *what)
{
    /* u's largest coordinate (6/7) is positive: d1 = u. v's largest in
     * magnitude is -6/7: d2 = -v. */
    for (int i = 0; i < 5; i++) {
        CHECK_MSG(fabs(s->d1[i] - pca_u[i]) < 1e-9, "%s d1[%d] %.17g, want %.17g", what, i,
                  s->d1[i], pca_u[i]);
        CHECK_MSG(fabs(s->d2[i] + pca_v[i]) < 1e-9, "%s d2[%d] %.17g, want %.17g", what, i,
                  s->d2[i], -pca_v[i]);
        CHECK(s->o[i] == pca_o[i]);
    }
    CHECK_NEAR(s->explained, 10.0 / (10.0 + 1e-6), 1e-12);
    double dot = 0, n1 = 0, n2 = 0;
    for (int i = 0; i < 5; i++) {
        dot += s->d1[i] * s->d2[i];
        n1 += s->d1[i] * s->d1[i];
        n2 += s->d2[i] * s->d2[i];
    }
    CHECK_NEAR(dot, 0.0, 1e-14);
    CHECK_NEAR(n1, 1.0, 1e-14);
    CHECK_NEAR(n2, 1.0, 1e-14);
}

static void test_pca(void)
{
    enum { K = 400 };
    static double w[K * 5];
    for (int k = 0; k < K; k++)
        cloud_point(k, K, w + 5 * k);
    ov_slice s;
    memset(&s, 0, sizeof s);
    s.kind = OV_SLICE_PCA;
    s.n = 5;
    /* Two paths splitting the cloud at k = 150 see the same cloud. */
    ov_slice_path paths[2] = {{w, 150}, {w + 5 * 150, K - 150}};
    CHECK(ov_slice_pca(&s, pca_o, paths, 2));
    check_pca(&s, "pca, 2 paths");

    /* 20,000 iterates: the sample takes every second one (floor(2k)).
     * Even-numbered ones are the clean cloud (whole periods in each path),
     * odd ones far off along q: were they sampled, d2 would be q. */
    enum { A = 2 * K * 18, B = 2 * K * 7 };
    static double big[(A + B) * 5];
    for (int j = 0; j < A + B; j++) {
        int jj = j < A ? j : j - A;
        cloud_point(jj / 2 % K, K, big + 5 * j);
        if (j % 2)
            for (int i = 0; i < 5; i++)
                big[5 * j + i] += 50.0 * pca_q[i];
    }
    ov_slice_path halves[2] = {{big, A}, {big + 5 * (size_t)A, B}};
    CHECK(ov_slice_sample_count(halves, 2, OV_SLICE_PCA_MAX_POINTS) == 10000);
    memset(&s, 0, sizeof s);
    s.n = 5;
    CHECK(ov_slice_pca(&s, pca_o, halves, 2));
    check_pca(&s, "pca, 20000 iterates");

    /* Two parameters: the plane is the whole space. Points (2, 1),
     * (-2, -1), (0.1, -0.2) about o = 0: scatter [[p, q], [q, r]] =
     * [[8.01, 3.98], [3.98, 2.04]], eigenvalues (p + r ± √((p-r)² + 4q²))/2,
     * eigenvector of λ along (q, λ - p). */
    const double two[6] = {2, 1, -2, -1, 0.1, -0.2}, zero2[2] = {0, 0};
    ov_slice_path tp = {two, 3};
    ov_slice s2;
    memset(&s2, 0, sizeof s2);
    s2.n = 2;
    CHECK(ov_slice_pca(&s2, zero2, &tp, 1));
    CHECK_NEAR(s2.explained, 1.0, 1e-15);
    double P = 8.01, Q = 3.98, R = 2.04, root = sqrt((P - R) * (P - R) + 4 * Q * Q);
    double l1 = 0.5 * (P + R + root), l2 = 0.5 * (P + R - root);
    double v1[2] = {Q, l1 - P}, v2[2] = {Q, l2 - P};
    double n1 = hypot(v1[0], v1[1]), n2 = hypot(v2[0], v2[1]);
    /* Signs: v1 = (3.98, 1.99) has its largest coordinate first, positive;
     * v2 = (3.98, -7.96) its largest second, negative: flipped. */
    CHECK_NEAR(s2.d1[0], v1[0] / n1, 1e-14);
    CHECK_NEAR(s2.d1[1], v1[1] / n1, 1e-14);
    CHECK_NEAR(s2.d2[0], -v2[0] / n2, 1e-14);
    CHECK_NEAR(s2.d2[1], -v2[1] / n2, 1e-14);

    /* Every iterate at o: nothing to explain, a plane of unit axes. */
    double same[3 * 5];
    for (int k = 0; k < 3; k++)
        memcpy(same + 5 * k, pca_o, sizeof pca_o);
    ov_slice_path one = {same, 3};
    CHECK(ov_slice_pca(&s, pca_o, &one, 1));
    CHECK(s.explained == 1.0);
    CHECK(s.d1[0] == 1.0 && s.d2[1] == 1.0);
}

/* A 9-parameter point and xor's neurons: (w11, w12 | b1), (w21, w22 | b2),
 * (v1, v2 | c). */
static const double xo[9] = {1.0, -2.0, 0.5, 3.0, 0.25, -1.0, 2.0, -0.5, 0.3};
static const int xor_group[9] = {0, 0, -1, 1, 1, -1, 2, 2, -1};

static void test_random(void)
{
    ov_slice s;
    char err[256];
    const char *names[9] = {"w11", "w12", "b1", "w21", "w22", "b2", "v1", "v2", "c"};
    CHECK(ov_slice_parse("random:7", names, 9, &s, err, sizeof err));
    ov_slice t = s;
    ov_slice_random(&s, xo, xor_group);
    ov_slice_random(&t, xo, xor_group);
    CHECK(memcmp(s.d1, t.d1, sizeof s.d1) == 0 && memcmp(s.d2, t.d2, sizeof s.d2) == 0);
    CHECK(memcmp(s.o, xo, sizeof xo) == 0);

    /* The draws, taken here from the generator directly: d1 the first 9,
     * d2 the next 9. */
    double z[18];
    ov_rng rng;
    ov_rng_seed(&rng, 7);
    for (int i = 0; i < 18; i += 2)
        ov_rng_normal2(&rng, z + i);
    for (int g = 0; g < 3; g++) {
        int i = 3 * g, j = 3 * g + 1;
        double no = hypot(xo[i], xo[j]);
        for (int dir = 0; dir < 2; dir++) {
            const double *d = dir ? s.d2 : s.d1;
            const double *zz = z + 9 * dir;
            CHECK_NEAR(hypot(d[i], d[j]), no, 1e-13 * no);
            /* Only rescaled: parallel to the draw, same sign. */
            double f = no / hypot(zz[i], zz[j]);
            CHECK_NEAR(d[i], f * zz[i], 1e-13 * no);
            CHECK_NEAR(d[j], f * zz[j], 1e-13 * no);
            CHECK(d[3 * g + 2] == 0.0);
        }
    }
    /* Another seed: other directions. */
    CHECK(ov_slice_parse("random:8", names, 9, &t, err, sizeof err));
    ov_slice_random(&t, xo, xor_group);
    CHECK(memcmp(s.d1, t.d1, sizeof s.d1) != 0);

    /* No groups: each direction as long as o, along the draws. */
    CHECK(ov_slice_parse("random", abcd, 4, &s, err, sizeof err));
    CHECK(s.seed == 1);
    const double o4[4] = {1, 2, 2, 4};   /* |o| = 5 */
    ov_slice_random(&s, o4, NULL);
    ov_rng_seed(&rng, 1);
    for (int i = 0; i < 8; i += 2)
        ov_rng_normal2(&rng, z + i);
    double n1 = 0, n2 = 0, z1 = 0, z2 = 0;
    for (int i = 0; i < 4; i++) {
        n1 += s.d1[i] * s.d1[i];
        n2 += s.d2[i] * s.d2[i];
        z1 += z[i] * z[i];
        z2 += z[4 + i] * z[4 + i];
    }
    CHECK_NEAR(sqrt(n1), 5.0, 1e-13);
    CHECK_NEAR(sqrt(n2), 5.0, 1e-13);
    for (int i = 0; i < 4; i++) {
        CHECK_NEAR(s.d1[i], 5.0 * z[i] / sqrt(z1), 1e-13);
        CHECK_NEAR(s.d2[i], 5.0 * z[4 + i] / sqrt(z2), 1e-13);
    }
    /* o = 0: unit directions. */
    const double o0[4] = {0, 0, 0, 0};
    ov_slice_random(&s, o0, NULL);
    n1 = 0;
    for (int i = 0; i < 4; i++)
        n1 += s.d1[i] * s.d1[i];
    CHECK_NEAR(sqrt(n1), 1.0, 1e-14);
}

static void test_axes_and_view(void)
{
    ov_slice s;
    char err[256];
    CHECK(ov_slice_parse("d,b", abcd, 4, &s, err, sizeof err));
    CHECK(s.kind == OV_SLICE_AXES && s.a == 3 && s.b == 1 && s.follow);
    const double head[4] = {1.5, -2.0, 0.75, 4.0};
    ov_slice_axes(&s, head);
    CHECK(s.o[0] == 1.5 && s.o[1] == 0.0 && s.o[2] == 0.75 && s.o[3] == 0.0);
    double x, y, dist;
    ov_slice_project(&s, head, &x, &y, &dist);
    CHECK(x == 4.0 && y == -2.0 && dist == 0.0);

    /* Three points projecting to x in [-1, 3], y in [0, 2]: width 4,
     * height 2, margins 0.6 and 0.3 (15% per side). */
    double w[3 * 4] = {9, 0, 9, -1, 9, 2, 9, 3, 9, 1, 9, 0};
    ov_slice_path p = {w, 3};
    ov_rect r = ov_slice_view(&s, &p, 1);
    CHECK_NEAR(r.x0, -1.6, 1e-14);
    CHECK_NEAR(r.x1, 3.6, 1e-14);
    CHECK_NEAR(r.y0, -0.3, 1e-14);
    CHECK_NEAR(r.y1, 2.3, 1e-14);
    /* A flat row of points (y all 0): the height becomes half the width
     * before the margins: 2 * 1.3 = 2.6 around y = 0. */
    double flat[2 * 4] = {0, 0, 0, -1, 0, 0, 0, 3};
    p = (ov_slice_path){flat, 2};
    r = ov_slice_view(&s, &p, 1);
    CHECK_NEAR(r.y1 - r.y0, 2.0 * 1.3, 1e-14);
    CHECK_NEAR(r.x1 - r.x0, 4.0 * 1.3, 1e-14);
    /* One point at (x, y) = (6, 1): a square of half-size 3 around it. */
    double one[4] = {0, 1, 0, 6};
    p = (ov_slice_path){one, 1};
    r = ov_slice_view(&s, &p, 1);
    CHECK(r.x0 == 3.0 && r.x1 == 9.0 && r.y0 == -2.0 && r.y1 == 4.0);
    /* None: around (0, 0), half-size 1. */
    r = ov_slice_view(&s, NULL, 0);
    CHECK(r.x0 == -1.0 && r.x1 == 1.0 && r.y0 == -1.0 && r.y1 == 1.0);
}

/* Fails to parse text; err must contain every string of want. */
static void bad(const char *text, const char *want1, const char *want2)
{
    ov_slice s;
    memset(&s, 0x5a, sizeof s);
    ov_slice before = s;
    char err[256] = "";
    CHECK_MSG(!ov_slice_parse(text, abcd, 4, &s, err, sizeof err), "'%s' parsed", text);
    CHECK_MSG(memcmp(&s, &before, sizeof s) == 0, "'%s' changed the slice", text);
    CHECK_MSG(want1 == NULL || strstr(err, want1), "'%s': message '%s' lacks '%s'", text, err,
              want1);
    CHECK_MSG(want2 == NULL || strstr(err, want2), "'%s': message '%s' lacks '%s'", text, err,
              want2);
}

static void roundtrip(const char *text, const char *want)
{
    ov_slice s;
    char err[256], buf[64];
    CHECK_MSG(ov_slice_parse(text, abcd, 4, &s, err, sizeof err), "'%s': %s", text, err);
    CHECK(ov_slice_format(&s, abcd, buf, sizeof buf));
    CHECK_MSG(strcmp(buf, want) == 0, "'%s' formats as '%s', want '%s'", text, buf, want);
}

static void test_text(void)
{
    bad("a,q", "unknown parameter 'q'", "a, b, c, d");
    bad("zz,b", "unknown parameter 'zz'", "a, b, c, d");
    bad("a,a", "different", "a,a");
    bad("a", "'a' is not a slice", "pca");
    bad("a,b,c", "two axes", NULL);
    bad("a,", "unknown parameter ''", NULL);
    bad("random:x", "random:x", "4294967295");
    bad("random:4294967296", "4294967295", NULL);
    bad("random:-1", "random:-1", NULL);
    bad("random:", "seed", NULL);
    bad("PCA", "'PCA' is not a slice", NULL);
    bad("", "no slice", NULL);
    ov_slice s;
    char err[128];
    CHECK(!ov_slice_parse("pca", abcd, 1, &s, err, sizeof err));

    roundtrip("b,d", "b,d");
    roundtrip("d,a", "d,a");
    roundtrip("pca", "pca");
    roundtrip("random", "random");
    roundtrip("random:1", "random");
    roundtrip("random:42", "random:42");
    roundtrip("random:4294967295", "random:4294967295");
    CHECK(ov_slice_parse("random:0", abcd, 4, &s, err, sizeof err) && s.seed == 0);
    CHECK(ov_slice_parse("pca", abcd, 4, &s, err, sizeof err) && s.kind == OV_SLICE_PCA &&
          !s.follow && s.n == 4);
    CHECK(strcmp(ov_slice_kind_name(OV_SLICE_PCA), "pca") == 0);
    char tiny[3];
    CHECK(!ov_slice_format(&s, abcd, tiny, sizeof tiny));
}

/* Which coordinates follow the run, and the model glue. */
static void test_follow(void)
{
    ov_model *x = ov_model_create_builtin("xor");
    ov_model *g = ov_model_create_builtin("gauss4");
    CHECK(x && g);
    if (!x || !g) {
        ov_model_destroy(x);
        ov_model_destroy(g);
        return;
    }
    ov_slice s;
    char err[256];
    int c[OV_SLICE_MAX_FOLLOW];
    CHECK(ov_slice_parse("b1,v2", x->param_name_list, 9, &s, err, sizeof err));
    CHECK(ov_slice_followed(&s, c) == 7);
    const int want[7] = {0, 1, 3, 4, 5, 6, 8};
    CHECK(memcmp(c, want, sizeof want) == 0);
    CHECK(!ov_slice_follow_baked(&s));
    s.follow = false;
    CHECK(ov_slice_followed(&s, c) == 0);
    CHECK(ov_slice_parse("pca", x->param_name_list, 9, &s, err, sizeof err));
    CHECK(ov_slice_followed(&s, c) == 0 && !ov_slice_follow_baked(&s));
    /* 11 parameters on two axes: 9 would follow, one too many. */
    memset(&s, 0, sizeof s);
    s.kind = OV_SLICE_AXES;
    s.n = 11;
    s.a = 0;
    s.b = 1;
    s.follow = true;
    CHECK(ov_slice_followed(&s, c) == 0 && ov_slice_follow_baked(&s));

    CHECK(ov_slice_model_groups(g) == NULL);
    const int *grp = ov_slice_model_groups(x);
    CHECK(grp && memcmp(grp, xor_group, sizeof xor_group) == 0);

    /* A slice of 9 coordinates does not fit gauss4's 4. */
    CHECK(ov_slice_parse("w11,w12", x->param_name_list, 9, &s, err, sizeof err));
    err[0] = '\0';
    CHECK(ov_slice_surface_create(g, &s, (ov_rect){0, 1, 0, 1}, err, sizeof err) == NULL);
    CHECK(strstr(err, "9") && strstr(err, "4"));
    /* Fitting: named after the model, its followed coordinates named. */
    ov_surface *sf = ov_slice_surface_create(x, &s, (ov_rect){0, 1, 0, 1}, err, sizeof err);
    CHECK_MSG(sf != NULL, "%s", err);
    double v;
    if (sf)
        CHECK(strcmp(sf->name, "xor") == 0 && sf->nparams == 7 &&
              ov_surface_get_param(sf, "c", &v) && !ov_surface_get_param(sf, "w11", &v));
    ov_surface_destroy(sf);
    ov_model_destroy(x);
    ov_model_destroy(g);
}

int main(void)
{
    test_projection();
    test_pca();
    test_random();
    test_axes_and_view();
    test_text();
    test_follow();
    return ov_test_finish("test_core_slice");
}
