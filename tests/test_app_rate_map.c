/* End-to-end tests of --export-rate-map (OV_BIN, files in OV_TMP): for the
 * quadratic at kappa 10, 100, 1e4 and several theta, every row's rate
 * against the closed forms for eigenvalues 1 and kappa computed
 * here, the grid (400 log-spaced alpha from 1/1000 to 10 times gd's optimal
 * alpha, beta 0 .. 0.975, gd one row) and the optimum rows; rosenbrock
 * uses the Hessian at the start point and says so; the saddle exits 2 with
 * the reason and leaves no file; an unwritable path exits 1, no file. */
#include <complex.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ov_bin_test.h"
#include "ov_test.h"

static const char *g_bin, *g_tmp;

static double root_mod(long double b, long double c)
{
    long double complex d = csqrtl((long double complex)(b * b - 4.0L * c));
    return (double)fmaxl(cabsl((b + d) / 2.0L), cabsl((b - d) / 2.0L));
}

static double expect_rate(const char *m, double a, double b, double l1, double l2)
{
    double l[2] = {l1, l2}, r = 0;
    for (int i = 0; i < 2; i++) {
        long double al = (long double)a * l[i];
        if (strcmp(m, "gd") == 0)
            r = fmax(r, (double)fabsl(1.0L - al));
        else if (strcmp(m, "momentum") == 0)
            r = fmax(r, root_mod(1.0L + b - al, b));
        else
            r = fmax(r, root_mod((1.0L + b) * (1.0L - al), b * (1.0L - al)));
    }
    return r;
}

/* Reads the map in path and checks it for eigenvalues l1, l2. */
static void check_map(const char *path, double l1, double l2, const char *what)
{
    FILE *f = fopen(path, "r");
    CHECK_MSG(f != NULL, "%s: no file %s", what, path);
    if (!f)
        return;
    char line[256];
    CHECK(fgets(line, sizeof line, f) && strcmp(line, "method,alpha,beta,rate\n") == 0);
    const double agd = 2.0 / (l1 + l2);
    int n[3] = {0, 0, 0}, bad = 0, opt = 0;
    double amin = INFINITY, amax = 0, bmax = 0, prev_a = 0;
    while (fgets(line, sizeof line, f)) {
        char m[16];
        double a, b, r;
        if (sscanf(line, "%15[a-z],%lf,%lf,%lf", m, &a, &b, &r) != 4) {
            bad++;
            continue;
        }
        int k = strcmp(m, "gd") == 0 ? 0 : strcmp(m, "momentum") == 0 ? 1 : 2;
        double want = expect_rate(m, a, b, l1, l2);
        /* Double roots move by the square root of rounding in lambda. */
        if (!(fabs(r - want) <= 1e-6 * fmax(1.0, want))) {
            if (bad++ < 5)
                fprintf(stderr, "%s: %s", what, line);
        }
        /* The optimum rows: off the grid, right after the method's cells. */
        if (k < 2 && n[k] == (k == 0 ? 400 : 16000)) {
            double sq = sqrt(l2 / l1), s2 = 2.0 / (sqrt(l1) + sqrt(l2));
            if (k == 0) {
                CHECK_NEAR(a, agd, 1e-15 * agd);
                CHECK_NEAR(r, (l2 / l1 - 1) / (l2 / l1 + 1), 1e-9);
            } else {
                CHECK_NEAR(a, s2 * s2, 1e-9 * a);
                CHECK_NEAR(b, pow((sq - 1) / (sq + 1), 2), 1e-9);
                CHECK_NEAR(r, (sq - 1) / (sq + 1), 1e-9);
            }
            opt++;
            continue;
        }
        if (k == 0)
            CHECK(b == 0.0);
        else if (n[k] % 400 == 0)
            CHECK_NEAR(b, 0.025 * (n[k] / 400), 1e-15);
        if (n[k] % 400)
            CHECK_NEAR(a / prev_a, pow(10.0, 4.0 / 399.0), 1e-9);
        prev_a = a;
        amin = fmin(amin, a);
        amax = fmax(amax, a);
        bmax = fmax(bmax, b);
        n[k]++;
    }
    fclose(f);
    CHECK_MSG(bad == 0, "%s: %d rows off the closed forms", what, bad);
    CHECK_MSG(n[0] == 400 && n[1] == 16000 && n[2] == 16000, "%s: rows %d %d %d", what, n[0],
              n[1], n[2]);
    CHECK(opt == 2);
    CHECK_NEAR(amin, agd / 1000, 1e-9 * agd);
    CHECK_NEAR(amax, agd * 10, 1e-9 * agd);
    CHECK(bmax == 0.975);
}

static void test_quadratic(void)
{
    const double kappas[] = {10, 100, 1e4};
    const double thetas[] = {0, 30, 77.5};
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++) {
            char path[600], args[1400], what[64];
            snprintf(path, sizeof path, "%s/map-%d-%d.csv", g_tmp, i, j);
            snprintf(args, sizeof args, "--kappa %g --theta %g --export-rate-map '%s'", kappas[i],
                     thetas[j], path);
            snprintf(what, sizeof what, "kappa %g theta %g", kappas[i], thetas[j]);
            CHECK_MSG(ov_bin_run(g_bin, g_tmp, "quad", args) == 0, "%s", what);
            check_map(path, 1.0, kappas[i], what);
        }
}

static void test_other_surfaces(void)
{
    char path[600], args[1400], err[2048];
    /* rosenbrock at its start (-1.2, 1): H = [[2 + 1200x^2 - 400y, -400x],
     * [-400x, 200]] = [[1330, 480], [480, 200]]. */
    snprintf(path, sizeof path, "%s/rosen.csv", g_tmp);
    snprintf(args, sizeof args, "--surface rosenbrock --export-rate-map '%s'", path);
    CHECK(ov_bin_run(g_bin, g_tmp, "rosen", args) == 0);
    ov_bin_read_err(g_tmp, "rosen", err, sizeof err);
    CHECK_MSG(strstr(err, "Hessian at the start point") != NULL, "stderr: %s", err);
    double tr = 1530, det = 1330.0 * 200 - 480.0 * 480, s = sqrt(tr * tr / 4 - det);
    check_map(path, tr / 2 - s, tr / 2 + s, "rosenbrock");
    /* The saddle: not positive definite, exit 2, the reason, no file. */
    snprintf(path, sizeof path, "%s/saddle.csv", g_tmp);
    unlink(path);
    snprintf(args, sizeof args, "--surface saddle --export-rate-map '%s'", path);
    CHECK(ov_bin_run(g_bin, g_tmp, "saddle", args) == 2);
    ov_bin_read_err(g_tmp, "saddle", err, sizeof err);
    CHECK_MSG(strstr(err, "not positive definite") != NULL, "stderr: %s", err);
    CHECK(access(path, F_OK) != 0);
    /* Nowhere to write: exit 1, no file, no temporary file. */
    snprintf(args, sizeof args, "--export-rate-map '%s/no-such-dir/m.csv'", g_tmp);
    CHECK(ov_bin_run(g_bin, g_tmp, "nodir", args) == 1);
    /* Not with another export. */
    snprintf(args, sizeof args, "--export-rate-map '%s/x.csv' --export-csv '%s/y.csv'", g_tmp,
             g_tmp);
    CHECK(ov_bin_run(g_bin, g_tmp, "both", args) == 2);
    ov_bin_read_err(g_tmp, "both", err, sizeof err);
    CHECK(strstr(err, "--export-rate-map") != NULL);
}

int main(void)
{
    g_bin = getenv("OV_BIN");
    g_tmp = getenv("OV_TMP");
    if (!g_bin || access(g_bin, X_OK) != 0 || !g_tmp) {
        fprintf(stderr, "test_app_rate_map: FAILED: OV_BIN and OV_TMP must be set\n");
        return 1;
    }
    test_quadratic();
    test_other_surfaces();
    return ov_test_finish("test_app_rate_map");
}
