/* Tests of the model options on the command line (src/cli/args_model.c and
 * the check against the model, src/core/scene_model.c): every bad input the
 * models issue names is a usage error (exit 2, one message naming the
 * option and the cause: a wrong --init length names n, an unknown --slice
 * parameter names the valid ones, a formula's unknown name, a data file's
 * bad row as file:line, an empty data file), and good values land in the
 * configuration and in the scene built from it. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/args.h"
#include "cli/preset.h"
#include "cli/url.h"
#include "core/eigen_modes.h"
#include "core/scene.h"
#include "core/theory.h"
#include "ov_test.h"

static ov_config g_cfg;
static char g_err[1024];
static char g_dir[256];

static int parse(const char *first, ...)
{
    char *argv[64];
    int argc = 0;
    argv[argc++] = (char *)"optiviz";
    va_list ap;
    va_start(ap, first);
    for (const char *a = first; a && argc < 63; a = va_arg(ap, const char *))
        argv[argc++] = (char *)a;
    va_end(ap);
    argv[argc] = NULL;
    g_err[0] = 0;
    return ov_args_parse(argc, argv, &g_cfg, g_err, sizeof g_err);
}

/* Exit 2 and a message holding every needle. */
#define BAD(needles, ...)                                                         \
    do {                                                                          \
        int rc_ = parse(__VA_ARGS__, (const char *)NULL);                         \
        CHECK_MSG(rc_ == 2, "rc %d for %s", rc_, #__VA_ARGS__);                   \
        for (const char *const *n_ = needles; *n_; n_++)                          \
            CHECK_MSG(strstr(g_err, *n_) != NULL, "'%s' lacks '%s'", g_err, *n_);  \
    } while (0)
#define NEEDLES(...) ((const char *const[]){__VA_ARGS__, NULL})

#define GOOD(...)                                                                 \
    do {                                                                          \
        int rc_ = parse(__VA_ARGS__, (const char *)NULL);                         \
        CHECK_MSG(rc_ == 0, "rc %d for %s: %s", rc_, #__VA_ARGS__, g_err);        \
    } while (0)

/* A file in g_dir with the given text; its path in a static buffer. */
static const char *file_with(const char *name, const char *text)
{
    static char path[4][512];
    static int k;
    char *p = path[k++ % 4];
    snprintf(p, 512, "%s/%s", g_dir, name);
    FILE *f = fopen(p, "wb");
    CHECK(f != NULL);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
    return p;
}

static void test_errors(void)
{
    /* --init must have exactly n numbers, and the message names n. */
    BAD(NEEDLES("--init", "3 numbers", "expected 4", "a, b, c, d"), "--model", "gauss4",
        "--init", "1,2,3");
    BAD(NEEDLES("--init", "expected 9", "w11"), "--model", "xor", "--init", "1,2");
    BAD(NEEDLES("--init", "'x'"), "--model", "line", "--init", "1,x");
    /* An unknown parameter in --slice, with the valid ones listed. */
    BAD(NEEDLES("--slice", "'q'", "a, b, c, d"), "--model", "gauss4", "--slice", "a,q");
    BAD(NEEDLES("--slice", "a,b,c"), "--model", "gauss4", "--slice", "a,b,c");
    BAD(NEEDLES("--slice", "random:x"), "--model", "gauss4", "--slice", "random:x");
    /* A model formula with an unknown name: the name and its column. */
    const char *ok = file_with("ok.csv", "t,y\n0,1\n1,2\n");
    BAD(NEEDLES("--model: unknown name 'q'", "column 5"), "--model", "a*t+q", "--params", "a,b",
        "--data", ok);
    /* x is a surface's variable, not a model's input. */
    BAD(NEEDLES("'x'"), "--model", "a*x+b", "--params", "a,b", "--data", ok);
    /* A data file with a bad row, as file:line; an empty one. */
    const char *bad = file_with("bad.csv", "t,y\n0,1\n\n1,x\n");
    char want[600];
    snprintf(want, sizeof want, "%s:4:", bad);
    BAD(NEEDLES("--data", want), "--model", "a*t+b", "--params", "a,b", "--data", bad);
    const char *empty = file_with("empty.csv", "");
    snprintf(want, sizeof want, "%s:1:", empty);
    BAD(NEEDLES("--data", want, "empty"), "--model", "a*t+b", "--params", "a,b", "--data",
        empty);
    const char *cols = file_with("cols.csv", "x1,x2,y\n0,1\n");
    snprintf(want, sizeof want, "%s:2:", cols);
    BAD(NEEDLES(want), "--model", "a*x1+b", "--params", "a,b", "--data", cols);
    BAD(NEEDLES("--data", "missing.csv"), "--model", "line", "--data", "missing.csv");
    /* Parameter names: the rules, the reserved names, twice. */
    BAD(NEEDLES("--params", "'1a'"), "--model", "a*t", "--params", "1a,b");
    BAD(NEEDLES("--params", "'loss'", "already in use"), "--model", "a*t", "--params",
        "a,loss");
    BAD(NEEDLES("--params", "'t'"), "--model", "a*t", "--params", "a,t");
    BAD(NEEDLES("--params", "twice"), "--model", "a*t", "--params", "a,b,a");
    BAD(NEEDLES("--params", "1 name"), "--model", "a*t", "--params", "a");
    BAD(NEEDLES("--loss", "'hinge'", "squared or logistic"), "--model", "line", "--loss",
        "hinge");
    /* A formula needs its names and its data. */
    BAD(NEEDLES("--model", "--params"), "--model", "a*t+b");
    BAD(NEEDLES("--model", "--data"), "--model", "a*t+b", "--params", "a,b");
    BAD(NEEDLES("--params", "own parameters"), "--model", "line", "--params", "a,b");
    /* Options of the other kind of scene. */
    BAD(NEEDLES("--kappa", "does not apply to a model"), "--model", "line", "--kappa", "10");
    BAD(NEEDLES("--start", "--init"), "--model", "line", "--start", "1,2");
    BAD(NEEDLES("--surface"), "--model", "line", "--surface", "rosenbrock");
    BAD(NEEDLES("--slice", "applies to a model"), "--slice", "pca");
    BAD(NEEDLES("--init", "applies to a model"), "--init", "1,2");
    /* The coordinate cap: 9 parameters x 222,223 steps > 2,000,000. */
    BAD(NEEDLES("--steps", "222222", "2000000"), "--model", "xor", "--steps", "222223");
    GOOD("--model", "xor", "--steps", "222222");
    /* Newton's Hessian costs 4 rows x 9 x 10 / 2 = 180 second derivatives
     * a step on xor: 3e7 / 180 = 166,666 steps at most. */
    BAD(NEEDLES("--steps", "newton", "180", "166666"), "--model", "xor", "--optimizer",
        "newton", "--steps", "166667");
    GOOD("--model", "xor", "--optimizer", "newton", "--steps", "166666");
}

static void test_values(void)
{
    GOOD("--model", "gauss4", "--init", "2,0.5,1,0.25", "--slice", "c,d");
    CHECK(strcmp(g_cfg.model, "gauss4") == 0);
    CHECK(g_cfg.ninit == 4 && g_cfg.init[0] == 2 && g_cfg.init[3] == 0.25);
    CHECK(strcmp(g_cfg.slice, "c,d") == 0);
    ov_scene sc;
    char err[512];
    CHECK_MSG(ov_scene_init(&sc, &g_cfg, err, sizeof err), "%s", err);
    CHECK(sc.model && sc.model->n == 4 && sc.runs[0].dim == 4);
    /* The runs start at --init and the slice shows c across, d up. */
    CHECK(sc.runs[0].w[0] == 2 && sc.runs[0].w[1] == 0.5 && sc.runs[0].w[2] == 1 &&
          sc.runs[0].w[3] == 0.25);
    CHECK(sc.slice.kind == OV_SLICE_AXES && sc.slice.a == 2 && sc.slice.b == 3);
    CHECK(sc.runs[0].x[0] == 1 && sc.runs[0].y[0] == 0.25);
    ov_scene_deinit(&sc);

    /* A typed model on a data file, logistic. */
    const char *d = file_with("and.csv", "x1,x2,y\n0,0,0\n0,1,0\n1,0,0\n1,1,1\n");
    GOOD("--model", "a*x1+b*x2+c", "--params", "a,b,c", "--data", d, "--loss", "logistic",
         "--slice", "pca");
    CHECK(g_cfg.data.nrows == 4 && g_cfg.data.ninputs == 2 && g_cfg.data.y[3] == 1);
    CHECK(g_cfg.loss == OV_CONFIG_LOSS_LOGISTIC);
    CHECK_MSG(ov_scene_init(&sc, &g_cfg, err, sizeof err), "%s", err);
    CHECK(sc.model && sc.model->n == 3 && sc.model->loss == OV_MODEL_LOSS_LOGISTIC);
    /* At the typed start 0.5, 0.5, 0.5 the loss is, by hand,
     * sum over the rows of log(1 + e^z) - y z with z = 0.5, 1, 1, 1.5. */
    double want = log1p(exp(0.5)) + 2 * log1p(exp(1.0)) + log1p(exp(1.5)) - 1.5;
    CHECK_MSG(fabs(sc.runs[0].loss[0] - want) < 1e-12, "%.17g vs %.17g",
              sc.runs[0].loss[0], want);
    CHECK(sc.slice.kind == OV_SLICE_PCA);
    ov_scene_deinit(&sc);

    /* The built-in line on the user's data keeps its name and start. */
    const char *pts = file_with("pts.csv", "t,y\n0,0\n1,2\n2,4\n");
    GOOD("--model", "line", "--data", pts);
    CHECK_MSG(ov_scene_init(&sc, &g_cfg, err, sizeof err), "%s", err);
    CHECK(strcmp(sc.model->name, "line") == 0 && sc.model->data.nrows == 3);
    /* At (0, 0) the loss is 0^2 + 2^2 + 4^2 = 20. */
    CHECK(sc.runs[0].loss[0] == 20.0);
    ov_scene_deinit(&sc);

    /* line's minimum, from the normal equations by hand on (0, 1), (1, 2.1),
     * (2, 2.9): a = (sum t y - 3 mean t mean y) / (sum t^2 - 3 mean t^2)
     * = (7.9 - 6) / (5 - 3) = 0.95, b = mean y - a mean t = 2 - 0.95 = 1.05;
     * marked on its a, b slice, and the panels measure errors from it. */
    GOOD("--model", "line");
    CHECK_MSG(ov_scene_init(&sc, &g_cfg, err, sizeof err), "%s", err);
    CHECK(sc.surface->nminima == 1);
    CHECK_NEAR(sc.surface->minima[0].x, 0.95, 1e-12);
    CHECK_NEAR(sc.surface->minima[0].y, 1.05, 1e-12);
    ov_eigen_basis eb;
    char why[200];
    CHECK(ov_eigen_basis_of(sc.surface, &sc.runs[0], &eb, why, sizeof why) && eb.known_min);
    ov_scene_deinit(&sc);
    /* gauss4's error has 4 components: no two-component picture of it. */
    GOOD("--model", "gauss4");
    CHECK_MSG(ov_scene_init(&sc, &g_cfg, err, sizeof err), "%s", err);
    CHECK(sc.surface->nminima == 0);
    CHECK(!ov_eigen_basis_of(sc.surface, &sc.runs[0], &eb, why, sizeof why) &&
          strstr(why, "has 4"));
    ov_scene_deinit(&sc);

    /* The page's URL carries the same options (DESIGN.md's example). */
    ov_url_args ua;
    char uerr[256];
    CHECK(ov_url_to_args("?model=gauss4&slice=c,d&init=1,2,3,4", &ua, uerr, sizeof uerr));
    CHECK(ov_args_parse(ua.argc, ua.argv, &g_cfg, g_err, sizeof g_err) == 0);
    CHECK(strcmp(g_cfg.model, "gauss4") == 0 && strcmp(g_cfg.slice, "c,d") == 0 &&
          g_cfg.ninit == 4 && g_cfg.init[2] == 3);
    ov_url_args_free(&ua);
    /* A bad value there is the command line's message. */
    CHECK(ov_url_to_args("?model=gauss4&init=1,2", &ua, uerr, sizeof uerr));
    CHECK(ov_args_parse(ua.argc, ua.argv, &g_cfg, g_err, sizeof g_err) == 2);
    CHECK(strstr(g_err, "--init") && strstr(g_err, "expected 4"));
    ov_url_args_free(&ua);
}

/* A preset (a lecture scene, a saved block) is checked against its model
 * as the command line is: a scene with a model and kappa, or an --init of
 * the wrong length, is reported at its header's line and skipped; the
 * others load. */
static void test_preset_blocks(void)
{
    const char *f = file_with("blocks.txt", "[1 kappa]\ncaption = a\nmodel = gauss4\nkappa = 10\n"
                                            "\n[2 init]\ncaption = b\nmodel = gauss4\ninit = 1,2\n"
                                            "\n[3 good]\ncaption = c\nmodel = line\nsteps = 5\n"
                                            "\n[4 both]\ncaption = d\nsurface = beale\nmodel = xor\n");
    char err[4096];
    ov_preset_set *set = ov_presets_load(f, err, sizeof err);
    CHECK(set != NULL);
    if (!set)
        return;
    CHECK(ov_presets_count(set) == 1 && ov_presets_problem_count(set) == 3);
    CHECK(ov_presets_by_number(set, 3) != NULL && ov_presets_by_number(set, 1) == NULL);
    char want[600];
    snprintf(want, sizeof want, "%s:1: --kappa: does not apply to a model", f);
    CHECK_MSG(strstr(err, want) != NULL, "%s", err);
    snprintf(want, sizeof want, "%s:6: --init: 2 numbers given; expected 4", f);
    CHECK_MSG(strstr(err, want) != NULL, "%s", err);
    snprintf(want, sizeof want, "%s:16: --surface: does not apply to a model", f);
    CHECK_MSG(strstr(err, want) != NULL, "%s", err);
    ov_presets_destroy(set);
}

/* Data files: a byte-order mark is skipped; numbers are decimal only (as
 * on the command line), so 0x10 is a bad value at its line; the path is
 * kept absolute. */
static void test_data_details(void)
{
    const char *bom = file_with("bom.csv", "\xEF\xBB\xBFt,y\n0,1\n1,3\n");
    GOOD("--model", "line", "--data", bom);
    CHECK(g_cfg.data.nrows == 2 && g_cfg.data.y[1] == 3);
    const char *hex = file_with("hex.csv", "t,y\n0,1\n0x10,3\n");
    char want[600];
    snprintf(want, sizeof want, "%s:3:", hex);
    BAD(NEEDLES("--data", want), "--model", "line", "--data", hex);
    /* A relative path is kept absolute (a saved scene replayed elsewhere). */
    char here[512];
    CHECK(getcwd(here, sizeof here) != NULL);
    CHECK(chdir(g_dir) == 0);
    GOOD("--model", "line", "--data", "bom.csv");
    CHECK_MSG(g_cfg.data_path[0] == '/' && strstr(g_cfg.data_path, "/bom.csv"), "%s",
              g_cfg.data_path);
    CHECK(chdir(here) == 0);
    /* 64 parameter names of 8 bytes: 575 bytes of --params. */
    char names[1024], formula[1024];
    size_t o = 0, q = 0;
    for (int k = 0; k < 64; k++) {
        o += (size_t)snprintf(names + o, sizeof names - o, "%sparam_%02d", k ? "," : "", k);
        q += (size_t)snprintf(formula + q, sizeof formula - q, "%sparam_%02d", k ? "+" : "", k);
    }
    const char *pts = file_with("p64.csv", "t,y\n0,1\n");
    GOOD("--model", formula, "--params", names, "--data", pts, "--steps", "10");
    /* 62 coordinates would follow the run: more than the 8 the shaders take
     * as uniforms, so the axes slice starts fixed; gauss4's 2 follow. */
    ov_scene sc;
    char err[512];
    CHECK_MSG(ov_scene_init(&sc, &g_cfg, err, sizeof err), "%s", err);
    CHECK(sc.slice.kind == OV_SLICE_AXES && !sc.slice.follow);
    ov_scene_deinit(&sc);
    GOOD("--model", "gauss4");
    CHECK_MSG(ov_scene_init(&sc, &g_cfg, err, sizeof err), "%s", err);
    CHECK(sc.slice.follow);
    ov_scene_deinit(&sc);
}

/* More parameters than the data pin down: y = a t + b + c has b and c
 * interchangeable, its Hessian 2 J'J (J's rows (t, 1, 1)) has an exact zero
 * eigenvalue, which rounding may make -1e-16: flat, not non-convex. */
static void test_semidefinite(void)
{
    ov_model_data d = {.ninputs = 1, .nrows = 3};
    const double t[3] = {0, 1, 2}, y[3] = {1, 2.1, 2.9};
    for (int i = 0; i < 3; i++) {
        d.in[i][0] = t[i];
        d.y[i] = y[i];
    }
    char err[512];
    ov_model *m = ov_model_create_typed("a*t + b + c", "a,b,c", &d, OV_MODEL_LOSS_SQUARED, err,
                                        sizeof err);
    CHECK_MSG(m != NULL, "%s", err);
    if (!m)
        return;
    const ov_objective obj = ov_model_objective(m);
    const double w[3] = {0.3, -0.2, 0.9};
    ov_local_curvature lc;
    CHECK(ov_theory_local_curvature(&obj, w, &lc));
    /* By hand: 2 J'J = [[10, 6, 6], [6, 6, 6], [6, 6, 6]]: 0 along
     * (0, 1, -1); on vectors (x, y, y) it acts as [[10, 12], [6, 12]],
     * whose eigenvalues solve l^2 - 22 l + 48 = 0: 11 -+ sqrt(73). */
    CHECK_MSG(lc.shape == OV_LOCAL_FLAT, "shape %d, lmin %g", (int)lc.shape, lc.lmin);
    CHECK(lc.lmin == 0.0);
    CHECK_NEAR(lc.lmax, 11 + sqrt(73.0), 1e-12 * 22);
    CHECK(lc.kappa_abs == INFINITY);   /* min |lambda| is the 0 */
    ov_model_destroy(m);
}

int main(void)
{
    /* OV_TMP is this test's own folder (CMakeLists.txt). */
    snprintf(g_dir, sizeof g_dir, "%s", getenv("OV_TMP") ? getenv("OV_TMP") : "/tmp");
    test_errors();
    test_values();
    test_preset_blocks();
    test_semidefinite();
    test_data_details();
    return ov_test_finish("test_cli_model");
}
