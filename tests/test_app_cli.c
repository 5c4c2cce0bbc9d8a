/* End-to-end tests of the optiviz binary (path in OV_BIN): exit status 2
 * and the message for a sample of bad inputs, exit 1 and no file for an
 * unwritable --export-csv path, and the CSV contract of DESIGN.md checked
 * against iterates computed here by hand. Output goes to files in OV_TMP. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ov_test.h"

static const char *g_bin;
static char g_dir[512];
static char g_out[64 * 1024], g_errout[64 * 1024];

static void slurp(const char *path, char *buf, size_t cap)
{
    buf[0] = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    size_t n = fread(buf, 1, cap - 1, f);
    buf[n] = 0;
    fclose(f);
}

/* Runs the binary with the NULL-terminated arguments (argv[0] added) in
 * g_dir; stdout and stderr land in g_out and g_errout. Returns the exit
 * status, or -1 when it did not exit normally. */
static int run(const char *first, ...)
{
    char *argv[40];
    int argc = 0;
    argv[argc++] = (char *)g_bin;
    va_list ap;
    va_start(ap, first);
    for (const char *a = first; a && argc < 39; a = va_arg(ap, const char *))
        argv[argc++] = (char *)a;
    va_end(ap);
    argv[argc] = NULL;

    char out_path[600], err_path[600];
    snprintf(out_path, sizeof out_path, "%s/stdout.txt", g_dir);
    snprintf(err_path, sizeof err_path, "%s/stderr.txt", g_dir);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, 2, err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid;
    extern char **environ;
    int rc = posix_spawn(&pid, g_bin, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) {
        fprintf(stderr, "cannot run %s: %s\n", g_bin, strerror(rc));
        return -1;
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        continue;
    slurp(out_path, g_out, sizeof g_out);
    slurp(err_path, g_errout, sizeof g_errout);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

#define USAGE(needle, ...)                                                   \
    do {                                                                     \
        int rc_ = run(__VA_ARGS__, (const char *)NULL);                      \
        CHECK_MSG(rc_ == 2, "exit %d for %s", rc_, #__VA_ARGS__);            \
        CHECK_MSG(strstr(g_errout, needle) != NULL, "stderr '%s' lacks '%s'", \
                  g_errout, needle);                                         \
    } while (0)

static void test_usage_errors(void)
{
    USAGE("--kappa: '0.5' is out of range", "--kappa", "0.5");
    USAGE("--alpha: '0.1x' is not a number", "--alpha", "0.1x");
    USAGE("--alpha: 'nan'", "--alpha=nan");
    USAGE("--steps: '0'", "--steps", "0");
    USAGE("--beta: '1'", "--beta", "1");
    USAGE("did you mean 'rosenbrock'", "--surface", "rosenbrok");
    USAGE("did you mean 'adam'", "--optimizer", "adma");
    USAGE("unknown key 'gamma' in 'adam:gamma=2'", "--optimizer", "adam:gamma=2");
    USAGE("--start: '1;2' is not X,Y", "--start", "1;2");
    USAGE("--view: '1,0,0,1'", "--view", "1,0,0,1");
    USAGE("--size: '12by4'", "--size", "12by4");
    USAGE("did you mean '--kappa'", "--kapa", "3");
    USAGE("--kappa: missing value", "--kappa");
    USAGE("unexpected argument 'foo'", "foo");
    /* A usage error writes nothing. */
    USAGE("--alpha", "--export-csv", "never.csv", "--alpha", "-1");
    char path[700];
    snprintf(path, sizeof path, "%s/never.csv", g_dir);
    CHECK(access(path, F_OK) != 0);
}

static void test_information(void)
{
    CHECK(run("--version", NULL) == 0);
    CHECK(strncmp(g_out, "optiviz ", 8) == 0 && g_errout[0] == 0);
    CHECK(run("--help", NULL) == 0);
    CHECK(strstr(g_out, "--export-csv") && strstr(g_out, "--list-surfaces"));
    CHECK(run("--list-surfaces", NULL) == 0);
    CHECK(strstr(g_out, "regression") && strstr(g_out, "himmelblau"));
    CHECK(run("--list-optimizers", NULL) == 0);
    CHECK(strstr(g_out, "nesterov") && strstr(g_out, "adam"));
}

/* --bench with --screenshot: the picture, then the process's stages on
 * stdout, in order, their times never going back; with --gif refused. */
static void test_bench_stages(void)
{
    char png[700];
    snprintf(png, sizeof png, "%s/bench.png", g_dir);
    CHECK_MSG(run("--bench", "--screenshot", png, "--size", "64x64", NULL) == 0, "%s", g_errout);
    CHECK(access(png, F_OK) == 0);
    const char *want[] = {"main", "window and GL context", "frame drawn (commands issued)",
                          "frame read back", "PNG written", "done"};
    const char *at = strstr(g_out, "stage\n");
    CHECK_MSG(at != NULL, "no table in '%s'", g_out);
    double last_wall = -1.0, last_cpu = -1.0;
    int found = 0;
    for (const char *line = at ? at + 6 : NULL; line && *line;) {
        double wall, cpu, dwall, dcpu;
        int used = 0;
        if (sscanf(line, "%lf %lf %lf %lf %n", &wall, &cpu, &dwall, &dcpu, &used) != 4)
            break;
        const char *name = line + used, *end = strchr(name, '\n');
        size_t len = end ? (size_t)(end - name) : strlen(name);
        CHECK_MSG(wall >= last_wall && cpu >= last_cpu, "%.*s goes back", (int)len, name);
        if (last_wall >= 0)
            CHECK_MSG(fabs(dwall - (wall - last_wall)) < 0.02, "%.*s: +wall", (int)len, name);
        if (found < 6 && len == strlen(want[found]) && strncmp(name, want[found], len) == 0)
            found++;
        last_wall = wall;
        last_cpu = cpu;
        line = end ? end + 1 : name + len;
    }
    CHECK_MSG(found == 6, "%d of the 6 stages in order in '%s'", found, g_out);
    CHECK(run("--bench", "--screenshot", png, "--orbit", NULL) == 2);
    CHECK(strstr(g_errout, "--orbit: turns the camera") != NULL);
    CHECK(run("--bench", "--gif", png, NULL) == 2);
    CHECK(strstr(g_errout, "--bench: cannot be combined with --gif") != NULL);
}

static void test_unwritable(void)
{
    char path[700];
    snprintf(path, sizeof path, "%s/no_such_dir/out.csv", g_dir);
    CHECK(run("--export-csv", path, NULL) == 1);
    CHECK_MSG(strstr(g_errout, "cannot write") && strstr(g_errout, path), "%s", g_errout);
    CHECK(access(path, F_OK) != 0);
    /* A directory as the target. */
    snprintf(path, sizeof path, "%s/a_dir", g_dir);
    CHECK(mkdir(path, 0755) == 0 || errno == EEXIST);
    CHECK(run("--export-csv", path, NULL) == 1);
    CHECK(strstr(g_errout, "cannot write") != NULL);
    struct stat st;
    CHECK(stat(path, &st) == 0 && S_ISDIR(st.st_mode));

    /* A symbolic link as the target stays a link; the file it names is
     * written. */
    char link[700], real[700];
    snprintf(link, sizeof link, "%s/link.csv", g_dir);
    snprintf(real, sizeof real, "%s/real.csv", g_dir);
    CHECK(symlink("real.csv", link) == 0);
    FILE *f = fopen(real, "wb");
    CHECK(f && fclose(f) == 0);
    CHECK(run("--steps", "1", "--export-csv", link, NULL) == 0);
    CHECK(lstat(link, &st) == 0 && S_ISLNK(st.st_mode));
    CHECK(stat(real, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 28);
}

/* Splits one CSV line into its fields in place (at most 10: the caller's
 * array; a line with more gives 10). */
static int split(char *line, char **fields)
{
    int n = 0;
    fields[n++] = line;
    for (char *c = line; *c && n < 10; c++)
        if (*c == ',') {
            *c = 0;
            fields[n++] = c + 1;
        }
    return n;
}

/* A field holds v, printed with %.17g. */
static void check_number(const char *field, double want, double tol)
{
    char *end = NULL;
    double got = strtod(field, &end);
    CHECK_MSG(end && *end == 0, "bad number '%s'", field);
    CHECK_NEAR(got, want, tol);
    char again[64];
    snprintf(again, sizeof again, "%.17g", got);
    CHECK_MSG(strcmp(again, field) == 0, "'%s' is not %%.17g ('%s')", field, again);
}

static void test_csv_contract(void)
{
    char path[700];
    snprintf(path, sizeof path, "%s/gd.csv", g_dir);
    /* gd on 1/2 (x^2 + k y^2) (kappa k, theta 0): w <- w - a (x, k y). */
    const double a = 0.05, k = 4.0;
    int rc = run("--surface", "quadratic", "--kappa", "4", "--theta", "0", "--start",
                 "1.5,-0.5", "--optimizer", "gd", "--alpha", "0.05", "--steps", "5",
                 "--export-csv", path, NULL);
    CHECK_MSG(rc == 0, "exit %d: %s", rc, g_errout);
    static char text[1 << 16];
    slurp(path, text, sizeof text);
    CHECK(strncmp(text, "run,optimizer,step,x,y,loss\n", 28) == 0);
    double x = 1.5, y = -0.5;
    char *line = strchr(text, '\n');
    int rows = 0;
    while (line && line[1]) {
        char *next = strchr(line + 1, '\n');
        if (next)
            *next = 0;
        char *f[10];
        int n = split(line + 1, f);
        CHECK(n == 6);
        if (n == 6) {
            CHECK(strcmp(f[0], "0") == 0 && strcmp(f[1], "gd") == 0);
            CHECK(atoi(f[2]) == rows);
            check_number(f[3], x, 1e-15);
            check_number(f[4], y, 1e-15);
            check_number(f[5], 0.5 * (x * x + k * y * y), 1e-14);
        }
        double gx = x, gy = k * y;
        x -= a * gx;
        y -= a * gy;
        rows++;
        line = next;
    }
    CHECK_MSG(rows == 6, "%d rows", rows);
    CHECK(g_errout[0] == 0);
}

static void test_csv_order_and_divergence(void)
{
    char path[700];
    snprintf(path, sizeof path, "%s/runs.csv", g_dir);
    /* Run 1: gd with a = 3 on 1/2 (x^2 + y^2): w <- -2 w, so |x| = 2^s first
     * exceeds 1e6 at s = 20: steps 0..19 are written. */
    int rc = run("--kappa", "1", "--theta", "0", "--start", "1,1", "--steps", "50",
                 "--optimizer", "gd:alpha=0.1", "--optimizer", "gd:alpha=3",
                 "--optimizer", "momentum", "--export-csv", path, NULL);
    CHECK_MSG(rc == 0, "exit %d: %s", rc, g_errout);
    CHECK_MSG(strstr(g_errout, "run 1 (gd) diverged at step 20\n") != NULL, "%s", g_errout);
    static char text[1 << 18];
    slurp(path, text, sizeof text);
    int count[3] = {0, 0, 0}, last_run = 0;
    bool ordered = true, names = true;
    for (char *line = strchr(text, '\n'); line && line[1]; line = strchr(line + 1, '\n')) {
        int r = atoi(line + 1);
        if (r < 0 || r > 2 || r < last_run) {
            ordered = false;
            break;
        }
        last_run = r;
        count[r]++;
        const char *want = r == 2 ? "momentum," : "gd,";
        names = names && strncmp(strchr(line + 1, ',') + 1, want, strlen(want)) == 0;
    }
    CHECK(ordered && names);
    CHECK(count[0] == 51 && count[1] == 20 && count[2] == 51);
    char want_last[128];
    snprintf(want_last, sizeof want_last, "\n1,gd,19,%.17g,%.17g,%.17g\n", -524288.0,
             -524288.0, 0.5 * 2.0 * 524288.0 * 524288.0);
    CHECK_MSG(strstr(text, want_last) != NULL, "lacks %s", want_last);

    /* No --optimizer: the default runs gd, momentum, adam. */
    rc = run("--steps", "2", "--export-csv", path, NULL);
    CHECK(rc == 0);
    slurp(path, text, sizeof text);
    CHECK(strstr(text, "\n0,gd,0,") && strstr(text, "\n1,momentum,0,") &&
          strstr(text, "\n2,adam,2,") && !strstr(text, "\n3,"));
}

/* gauss4's loss and gradient at w = (a, b, c, d), from its formula
 * y(t) = a exp(-b (t - c)^2) + d on the lecture's points (0, 1), (1, 2.1),
 * (2, 2.9), written out here apart from the program's expression engine. */
static double gauss4_loss(const double *w, double *g)
{
    static const double t[3] = {0, 1, 2}, z[3] = {1, 2.1, 2.9};
    double L = 0;
    g[0] = g[1] = g[2] = g[3] = 0;
    for (int i = 0; i < 3; i++) {
        double u = t[i] - w[2], e = exp(-w[1] * u * u), r = w[0] * e + w[3] - z[i];
        L += r * r;
        g[0] += 2 * r * e;
        g[1] += 2 * r * w[0] * e * (-u * u);
        g[2] += 2 * r * w[0] * e * (2 * w[1] * u);
        g[3] += 2 * r;
    }
    return L;
}

/* A model's CSV: the parameters by name as columns, and gd's iterates
 * w <- w - alpha g computed here. */
static void test_model_csv(void)
{
    char path[700];
    snprintf(path, sizeof path, "%s/gauss4.csv", g_dir);
    int rc = run("--model", "gauss4", "--init", "1,1,0,0", "--optimizer", "gd:alpha=0.01",
                 "--steps", "4", "--export-csv", path, NULL);
    CHECK_MSG(rc == 0, "exit %d: %s", rc, g_errout);
    static char text[1 << 16];
    slurp(path, text, sizeof text);
    CHECK_MSG(strncmp(text, "run,optimizer,step,a,b,c,d,loss\n", 32) == 0, "%.60s", text);
    double w[4] = {1, 1, 0, 0}, g[4];
    int rows = 0;
    for (char *line = strchr(text, '\n'); line && line[1]; rows++) {
        char *next = strchr(line + 1, '\n');
        if (next)
            *next = 0;
        char *f[10];
        int n = split(line + 1, f);
        CHECK(n == 8);
        double L = gauss4_loss(w, g);
        if (n == 8) {
            CHECK(atoi(f[2]) == rows);
            for (int k = 0; k < 4; k++)
                check_number(f[3 + k], w[k], 1e-12 * (1 + fabs(w[k])));
            check_number(f[7], L, 1e-12 * L);
        }
        for (int k = 0; k < 4; k++)
            w[k] -= 0.01 * g[k];
        line = next;
    }
    CHECK_MSG(rows == 5, "%d rows", rows);
    /* The rate map of a model uses all n eigenvalues at its start. line's
     * Hessian is [10 6; 6 6] everywhere: lambda = 8 -+ sqrt(40), gd's
     * optimal alpha 2 / (lmin + lmax) = 0.125 with the rate
     * (lmax - lmin) / (lmax + lmin) = sqrt(40) / 8. */
    snprintf(path, sizeof path, "%s/line-map.csv", g_dir);
    rc = run("--model", "line", "--export-rate-map", path, NULL);
    CHECK_MSG(rc == 0, "exit %d: %s", rc, g_errout);
    CHECK(strstr(g_errout, "2 parameters") != NULL);
    slurp(path, text, sizeof text);
    const char *row = strstr(text, "\ngd,0.125,0,");
    CHECK_MSG(row != NULL, "no optimum row in %.80s", text);
    if (row) {
        double r = strtod(row + strlen("\ngd,0.125,0,"), NULL);
        CHECK_NEAR(r, sqrt(40.0) / 8.0, 1e-12);
    }
    /* gauss4 at (1, 1, 0, 0) has a negative eigenvalue among its four
     * (its a, b slice alone curves up there): a usage error. */
    rc = run("--model", "gauss4", "--export-rate-map", path, NULL);
    CHECK(rc == 2 && strstr(g_errout, "4 parameters is not positive definite"));
    /* The start's loss by hand: (e^-1 - 2.1)^2 + (e^-4 - 2.9)^2 = 11.3043... */
    double w0[4] = {1, 1, 0, 0};
    CHECK_NEAR(gauss4_loss(w0, g), 11.304346387389799, 1e-12);
}

int main(void)
{
    g_bin = getenv("OV_BIN");
    if (!g_bin || !*g_bin || access(g_bin, X_OK) != 0) {
        /* ctest always sets it: without the program there is nothing to
         * check, which is a failure, not a pass. */
        fprintf(stderr, "test_app_cli: FAILED: OV_BIN ('%s') is not an executable\n",
                g_bin ? g_bin : "");
        return 1;
    }
    const char *tmp = getenv("OV_TMP");
    snprintf(g_dir, sizeof g_dir, "%s/test_app_cli", tmp && *tmp ? tmp : "/tmp");
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", g_dir, g_dir);
    if (system(cmd) != 0) {
        fprintf(stderr, "cannot create %s\n", g_dir);
        return 1;
    }
    test_usage_errors();
    test_information();
    test_bench_stages();
    test_unwritable();
    test_csv_contract();
    test_csv_order_and_divergence();
    test_model_csv();
    return ov_test_finish("test_app_cli");
}
