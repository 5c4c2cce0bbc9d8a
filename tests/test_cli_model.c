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
#include "cli/url.h"
#include "core/scene.h"
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
    BAD(NEEDLES("unknown name 'q'", "column 5"), "--model", "a*t+q", "--params", "a,b",
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

int main(void)
{
    /* OV_TMP is this test's own folder (CMakeLists.txt). */
    snprintf(g_dir, sizeof g_dir, "%s", getenv("OV_TMP") ? getenv("OV_TMP") : "/tmp");
    test_errors();
    test_values();
    return ov_test_finish("test_cli_model");
}
