/* Gradient noise end to end, from the command line to the CSV file:
 * --noise and --seed parse strictly; the same seed writes a byte-identical
 * CSV; another seed writes another; --noise 0 writes exactly the CSV of no
 * noise at all; the keys ] and [ walk σ along its ladder and recompute the
 * runs; the noise preset loads. Files go to OV_TMP. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app/app.h"
#include "app/controls.h"
#include "app/controls_params.h"
#include "cli/args.h"
#include "ov_test.h"

static char g_dir[512];

/* Parses the NULL-terminated options and exports what they ask for.
 * Returns the exit status (2 for a usage error). */
static int export_with(const char *first, ...)
{
    char *argv[32];
    int argc = 0;
    argv[argc++] = (char *)"optiviz";
    va_list ap;
    va_start(ap, first);
    for (const char *a = first; a && argc < 31; a = va_arg(ap, const char *))
        argv[argc++] = (char *)a;
    va_end(ap);
    argv[argc] = NULL;
    ov_config cfg;
    char err[512];
    int rc = ov_args_parse(argc, argv, &cfg, err, sizeof err);
    if (rc)
        return rc;
    return ov_app_export(&cfg);
}

/* The whole file at path, malloc'd, its size in *n; NULL when unreadable. */
static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = len >= 0 ? malloc((size_t)len + 1) : NULL;
    *n = buf ? fread(buf, 1, (size_t)len, f) : 0;
    fclose(f);
    if (buf)
        buf[*n] = 0;
    return buf;
}

static bool same_file(const char *a, const char *b)
{
    size_t na = 0, nb = 0;
    char *x = slurp(a, &na), *y = slurp(b, &nb);
    bool same = x && y && na == nb && na > 0 && memcmp(x, y, na) == 0;
    free(x);
    free(y);
    return same;
}

static void test_csv(void)
{
    char a[600], b[600], c[600], d[600], e[600];
    snprintf(a, sizeof a, "%s/seed7-a.csv", g_dir);
    snprintf(b, sizeof b, "%s/seed7-b.csv", g_dir);
    snprintf(c, sizeof c, "%s/seed8.csv", g_dir);
    snprintf(d, sizeof d, "%s/exact.csv", g_dir);
    snprintf(e, sizeof e, "%s/sigma0.csv", g_dir);
    const char *runs = "gd,momentum,nesterov,adam,rmsprop,adagrad,adadelta,rprop,cg,newton";
    CHECK(export_with("--surface", "rosenbrock", "--optimizers", runs, "--alpha", "0.001",
                      "--noise", "3", "--seed", "7", "--export-csv", a, NULL) == 0);
    CHECK(export_with("--seed=7", "--noise=3", "--surface", "rosenbrock", "--optimizers",
                      runs, "--alpha", "0.001", "--export-csv", b, NULL) == 0);
    CHECK(export_with("--surface", "rosenbrock", "--optimizers", runs, "--alpha", "0.001",
                      "--noise", "3", "--seed", "8", "--export-csv", c, NULL) == 0);
    CHECK(export_with("--surface", "rosenbrock", "--optimizers", runs, "--alpha", "0.001",
                      "--export-csv", d, NULL) == 0);
    CHECK(export_with("--surface", "rosenbrock", "--optimizers", runs, "--alpha", "0.001",
                      "--noise", "0", "--seed", "12345", "--export-csv", e, NULL) == 0);
    CHECK_MSG(same_file(a, b), "the same seed wrote different CSV files");
    CHECK_MSG(!same_file(a, c), "seeds 7 and 8 wrote the same CSV file");
    CHECK_MSG(!same_file(a, d), "noise 3 wrote the exact runs");
    CHECK_MSG(same_file(d, e), "--noise 0 differs from no noise");
    /* The default scene too. */
    CHECK(export_with("--export-csv", a, NULL) == 0);
    CHECK(export_with("--noise", "0", "--export-csv", b, NULL) == 0);
    CHECK(same_file(a, b));
}

static void test_usage(void)
{
    char p[600];
    snprintf(p, sizeof p, "%s/bad.csv", g_dir);
    CHECK(export_with("--noise", "-1", "--export-csv", p, NULL) == 2);
    CHECK(export_with("--noise", "nan", "--export-csv", p, NULL) == 2);
    CHECK(export_with("--noise", "2e6", "--export-csv", p, NULL) == 2);
    CHECK(export_with("--seed", "-3", "--export-csv", p, NULL) == 2);
    CHECK(export_with("--seed", "1.5", "--export-csv", p, NULL) == 2);
    CHECK(export_with("--seed", "4294967296", "--export-csv", p, NULL) == 2);
    CHECK(export_with("--seed", "4294967295", "--noise", "1e6", "--export-csv", p, NULL) == 0);
    char err[512];
    ov_config cfg;
    char *argv[] = {(char *)"optiviz", (char *)"--noise", (char *)"abc", NULL};
    CHECK(ov_args_parse(3, argv, &cfg, err, sizeof err) == 2);
    CHECK_MSG(strstr(err, "--noise") && strstr(err, "abc") && strstr(err, "0 to 1e6"),
              "message: %s", err);
}

static void test_keys(void)
{
    ov_config cfg;
    ov_config_defaults(&cfg);
    ov_app_state st;
    char err[256];
    CHECK(ov_controls_init(&st, &cfg, err, sizeof err));
    CHECK(st.sc.scene.noise.sigma == 0.0);
    double exact_x = st.sc.scene.runs[0].x[5];
    /* The quadratic's default start (-3, -1), κ = 10, θ = 30°: g is about
     * (-5.85, 3.94), |g| = 7.06, so the first step up is 0.5 (the 1-2-5
     * value below a tenth of it). */
    ov_controls_step_noise(&st, 1);
    CHECK_NEAR(st.sc.scene.noise.sigma, 0.5, 1e-12);
    CHECK(st.sc.scene.runs[0].x[5] != exact_x);
    ov_controls_step_noise(&st, 1);
    CHECK_NEAR(st.sc.scene.noise.sigma, 1.0, 1e-12);
    ov_controls_step_noise(&st, 1);
    CHECK_NEAR(st.sc.scene.noise.sigma, 2.0, 1e-12);
    for (int i = 0; i < 3; i++)
        ov_controls_step_noise(&st, -1);
    CHECK_NEAR(st.sc.scene.noise.sigma, 0.2, 1e-12);
    for (int i = 0; i < 30; i++)
        ov_controls_step_noise(&st, -1);
    CHECK(st.sc.scene.noise.sigma == 0.0);
    CHECK(st.sc.scene.runs[0].x[5] == exact_x);
    for (int i = 0; i < 40; i++)
        ov_controls_step_noise(&st, 1);
    CHECK(st.sc.scene.noise.sigma == OV_NOISE_MAX);
    ov_controls_deinit(&st);
}

int main(void)
{
    const char *tmp = getenv("OV_TMP");
    snprintf(g_dir, sizeof g_dir, "%s/noise", tmp && *tmp ? tmp : "/tmp");
    mkdir(tmp && *tmp ? tmp : "/tmp", 0755);
    mkdir(g_dir, 0755);
    test_csv();
    test_usage();
    test_keys();
    return ov_test_finish("test_app_noise");
}
