/* Tests of the argument parser (src/cli/args*.c): every option in both
 * forms, every bad input that issue 2 names (exit 2 with a one-line message
 * naming the option and the value), run order, and the help/list texts. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "ov_test.h"

static ov_config g_cfg;
static char g_err[1024];

/* Parses the NULL-terminated argument list (argv[0] is added). */
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
    memset(g_err, 'Z', sizeof g_err);
    g_err[sizeof g_err - 1] = 0;
    return ov_args_parse(argc, argv, &g_cfg, g_err, sizeof g_err);
}

/* Expects exit 2 with a one-line message containing every needle. */
#define BAD(needles, ...)                                                    \
    do {                                                                     \
        int rc_ = parse(__VA_ARGS__, (const char *)NULL);                    \
        CHECK_MSG(rc_ == 2, "rc %d for %s", rc_, #__VA_ARGS__);              \
        if (getenv("OV_TEST_VERBOSE"))                                       \
            fprintf(stderr, "%s\n", g_err);                                  \
        CHECK_MSG(strchr(g_err, '\n') == NULL && g_err[0] != 0,              \
                  "not one line: '%s'", g_err);                              \
        const char *const *n_ = needles;                                     \
        for (; *n_; n_++)                                                    \
            CHECK_MSG(strstr(g_err, *n_) != NULL, "'%s' lacks '%s'", g_err, *n_); \
    } while (0)

#define NEEDLES(...) ((const char *const[]){__VA_ARGS__, NULL})

#define GOOD(...)                                                            \
    do {                                                                     \
        int rc_ = parse(__VA_ARGS__, (const char *)NULL);                    \
        CHECK_MSG(rc_ == 0, "rc %d for %s: %s", rc_, #__VA_ARGS__, g_err);   \
    } while (0)

#define EXACT(msg, ...)                                                      \
    do {                                                                     \
        int rc_ = parse(__VA_ARGS__, (const char *)NULL);                    \
        CHECK(rc_ == 2);                                                     \
        CHECK_MSG(strcmp(g_err, msg) == 0, "got '%s'", g_err);               \
    } while (0)

static void test_defaults(void)
{
    CHECK(parse(NULL) == 0);
    CHECK(g_cfg.action == OV_ACTION_WINDOW);
    CHECK(strcmp(g_cfg.surface, "quadratic") == 0);
    CHECK(g_cfg.steps == OV_DEFAULT_STEPS && g_cfg.nruns == 0);
    CHECK(g_cfg.width == OV_DEFAULT_WIDTH && g_cfg.height == OV_DEFAULT_HEIGHT);
    CHECK(!g_cfg.has_kappa && !g_cfg.has_alpha && !g_cfg.has_start && !g_cfg.has_view);
    CHECK(g_cfg.screenshot == NULL && g_cfg.export_csv == NULL);
}

static void test_scene_options(void)
{
    GOOD("--kappa", "100");
    CHECK(g_cfg.has_kappa && g_cfg.kappa == 100.0);
    GOOD("--kappa=1");
    CHECK(g_cfg.kappa == 1.0);
    GOOD("--kappa", "1e10");
    CHECK(g_cfg.kappa == 1e10);
    GOOD("--theta", "-30.5");
    CHECK(g_cfg.has_theta && g_cfg.theta == -30.5);
    GOOD("--theta=720");
    CHECK(g_cfg.theta == 720.0);
    GOOD("--start", "-1.5,2");
    CHECK(g_cfg.has_start && g_cfg.start.x == -1.5 && g_cfg.start.y == 2.0);
    GOOD("--start=1e-3,+4");
    CHECK(g_cfg.start.x == 1e-3 && g_cfg.start.y == 4.0);
    GOOD("--steps", "1");
    CHECK(g_cfg.steps == 1);
    GOOD("--steps=1000000");
    CHECK(g_cfg.steps == 1000000);
    GOOD("--steps", "0050");
    CHECK(g_cfg.steps == 50);
    GOOD("--surface", "rosenbrock");
    CHECK(strcmp(g_cfg.surface, "rosenbrock") == 0);
    GOOD("--surface=beale");
    CHECK(strcmp(g_cfg.surface, "beale") == 0);
    GOOD("--surface", "x^2 + 3*y^2");
    CHECK(strcmp(g_cfg.surface, "x^2 + 3*y^2") == 0);
    GOOD("--surface", "-x^2+exp(-y^2)*sin(pi*x)");
    GOOD("--kappa", "2", "--kappa", "3");   /* the last one wins */
    CHECK(g_cfg.kappa == 3.0);
}

static void test_run_options(void)
{
    GOOD("--alpha", "0.01", "--beta=0");
    CHECK(g_cfg.has_alpha && g_cfg.alpha == 0.01 && g_cfg.has_beta && g_cfg.beta == 0.0);
    GOOD("--alpha=1e-8", "--beta", "0.999");
    CHECK(g_cfg.alpha == 1e-8 && g_cfg.beta == 0.999);
    GOOD("--alpha", "1e6");

    GOOD("--optimizer", "adam:alpha=0.1:beta=0.8:beta2=0.99:eps=1e-6");
    CHECK(g_cfg.nruns == 1);
    const ov_run_spec *s = &g_cfg.runs[0];
    CHECK(s->kind == OV_OPT_ADAM && s->has_alpha && s->alpha == 0.1 && s->has_beta &&
          s->beta == 0.8 && s->has_beta2 && s->beta2 == 0.99 && s->has_eps &&
          s->eps == 1e-6);

    /* A typed rule: its text and name; errors as formula errors. */
    GOOD("--optimizer", "rule{u = beta*u - g; w = w + alpha*u}:alpha=0.05:name=mine",
         "--optimizer", "rule");
    CHECK(g_cfg.nruns == 2 && g_cfg.runs[0].kind == OV_OPT_RULE &&
          strcmp(g_cfg.runs[0].rule, "u = beta*u - g; w = w + alpha*u") == 0 &&
          strcmp(g_cfg.runs[0].rule_name, "mine") == 0 && g_cfg.runs[0].alpha == 0.05 &&
          g_cfg.runs[1].kind == OV_OPT_RULE && strcmp(g_cfg.runs[1].rule, OV_RULE_GD) == 0);
    EXACT("--optimizer: cannot parse rule 'w = w - alpha*q' at column 15: unknown name 'q' "
          "(names: w, g, t, alpha, beta, beta2, eps)",
          "--optimizer", "rule{w = w - alpha*q}");
    BAD(NEEDLES("--optimizer", "never assigns w"), "--optimizer", "rule{u = g}");
    BAD(NEEDLES("--optimizer", "no closing '}'"), "--optimizer", "rule{w = w");
    BAD(NEEDLES("--optimizer", "text after '}'"), "--optimizer", "rule{w = w}x");
    BAD(NEEDLES("--optimizers", "given with --optimizer"), "--optimizers", "gd,rule{w = w}");
    BAD(NEEDLES("--optimizer", "name 'a b'"), "--optimizer", "rule{w = w}:name=a b");
    BAD(NEEDLES("--optimizer", "unknown key 'name'"), "--optimizer", "gd:name=x");

    /* Weight decay (adamw, lion) and L-BFGS's history. */
    GOOD("--optimizer", "adamw:wd=0.5", "--optimizer", "lion:wd=0", "--optimizer",
         "lbfgs:history=3", "--optimizer", "adamw");
    CHECK(g_cfg.nruns == 4 && g_cfg.runs[0].kind == OV_OPT_ADAMW && g_cfg.runs[0].has_wd &&
          g_cfg.runs[0].wd == 0.5 && g_cfg.runs[1].has_wd && g_cfg.runs[1].wd == 0.0 &&
          g_cfg.runs[2].kind == OV_OPT_LBFGS && g_cfg.runs[2].has_history &&
          g_cfg.runs[2].history == 3 && !g_cfg.runs[3].has_wd);
    BAD(NEEDLES("--optimizer", "adam has no wd", "accepted keys: alpha, beta, beta2, eps"),
        "--optimizer", "adam:wd=0.1");
    BAD(NEEDLES("--optimizer", "wd '-1'", "out of range", "from 0"), "--optimizer",
        "adamw:wd=-1");
    BAD(NEEDLES("--optimizer", "history '2.5'", "whole number from 1 to 50"), "--optimizer",
        "lbfgs:history=2.5");
    BAD(NEEDLES("--optimizer", "history '0'"), "--optimizer", "lbfgs:history=0");
    BAD(NEEDLES("--optimizer", "history '51'"), "--optimizer", "lbfgs:history=51");
    BAD(NEEDLES("--optimizer", "gd has no history"), "--optimizer", "gd:history=5");
    EXACT("--optimizer: unknown key 'gamma' in 'lion:gamma=2'; accepted keys: alpha, "
          "beta, beta2, wd, schedule",
          "--optimizer", "lion:gamma=2");

    GOOD("--optimizer", "gd", "--optimizer=gd:alpha=0.2", "--optimizers",
         "momentum,nesterov:beta=0.5", "--optimizer", "rprop");
    CHECK(g_cfg.nruns == 5);
    CHECK(g_cfg.runs[0].kind == OV_OPT_GD && !g_cfg.runs[0].has_alpha);
    CHECK(g_cfg.runs[1].kind == OV_OPT_GD && g_cfg.runs[1].has_alpha &&
          g_cfg.runs[1].alpha == 0.2);
    CHECK(g_cfg.runs[2].kind == OV_OPT_MOMENTUM && !g_cfg.runs[2].has_beta);
    CHECK(g_cfg.runs[3].kind == OV_OPT_NESTEROV && g_cfg.runs[3].beta == 0.5);
    CHECK(g_cfg.runs[4].kind == OV_OPT_RPROP);

    GOOD("--optimizers=gd,momentum,nesterov,adam,rmsprop,adagrad,adadelta,rprop",
         "--optimizers", "gd,gd,gd,gd,gd,gd,gd,gd");
    CHECK(g_cfg.nruns == OV_MAX_RUNS);
    CHECK(g_cfg.runs[7].kind == OV_OPT_RPROP && g_cfg.runs[15].kind == OV_OPT_GD);
    BAD(NEEDLES("--optimizer", "'adam'", "at most 16 runs"),
        "--optimizers", "gd,gd,gd,gd,gd,gd,gd,gd,gd,gd,gd,gd,gd,gd,gd,gd", "--optimizer",
        "adam");
    BAD(NEEDLES("--optimizers", "at most 16 runs"), "--optimizers",
        "gd,gd,gd,gd,gd,gd,gd,gd,gd,gd,gd,gd,gd,gd,gd,gd,gd");
}

static void test_view_output_actions(void)
{
    GOOD("--view", "-1,1,-2,2.5");
    CHECK(g_cfg.has_view && g_cfg.view.x0 == -1 && g_cfg.view.x1 == 1 &&
          g_cfg.view.y0 == -2 && g_cfg.view.y1 == 2.5);
    GOOD("--size", "800x600");
    CHECK(g_cfg.width == 800 && g_cfg.height == 600);
    GOOD("--size=16X16384");
    CHECK(g_cfg.width == 16 && g_cfg.height == 16384);

    char *argv[] = {"optiviz", "--screenshot", "a.png", "--export-csv=b.csv", NULL};
    CHECK(ov_args_parse(4, argv, &g_cfg, g_err, sizeof g_err) == 0);
    CHECK(g_cfg.action == OV_ACTION_EXPORT);
    CHECK(g_cfg.screenshot == argv[2] && strcmp(g_cfg.export_csv, "b.csv") == 0);
    GOOD("--export-csv", "out.csv");
    CHECK(g_cfg.action == OV_ACTION_EXPORT && g_cfg.screenshot == NULL);
    GOOD("--screenshot", "-weird-but-fine.png");

    GOOD("--list-surfaces");
    CHECK(g_cfg.action == OV_ACTION_LIST_SURFACES);
    GOOD("--list-optimizers");
    CHECK(g_cfg.action == OV_ACTION_LIST_OPTIMIZERS);
    GOOD("--help");
    CHECK(g_cfg.action == OV_ACTION_HELP);
    GOOD("-h");
    CHECK(g_cfg.action == OV_ACTION_HELP);
    GOOD("--version");
    CHECK(g_cfg.action == OV_ACTION_VERSION);
    GOOD("--bench", "--size", "1920x1080");
    CHECK(g_cfg.action == OV_ACTION_BENCH);
    GOOD("--screenshot", "a.png", "--help");
    CHECK(g_cfg.action == OV_ACTION_HELP);
    GOOD("--list-optimizers", "--version");
    CHECK(g_cfg.action == OV_ACTION_VERSION);
}

/* Issue 4's options: output directory, UI scale, projector, GIF export. */
static void test_classroom_options(void)
{
    GOOD("--output-dir", "slides", "--ui-scale", "2.5", "--projector");
    CHECK(g_cfg.output_dir && strcmp(g_cfg.output_dir, "slides") == 0);
    CHECK(g_cfg.ui_scale == 2.5f && g_cfg.projector && g_cfg.action == OV_ACTION_WINDOW);
    GOOD("--output-dir=/does/not/exist/yet");   /* checked when the window starts */
    GOOD("--ui-scale=0.5");
    CHECK(g_cfg.ui_scale == 0.5f);
    GOOD("--ui-scale", "4");
    CHECK(g_cfg.ui_scale == 4.0f);
    GOOD(NULL);
    CHECK(g_cfg.ui_scale == 1.0f && !g_cfg.projector && g_cfg.output_dir == NULL);
    CHECK(g_cfg.gif == NULL && g_cfg.gif_frames == 120 && g_cfg.gif_delay_cs == 4);

    GOOD("--gif", "a.gif", "--gif-frames", "2", "--gif-delay=100");
    CHECK(g_cfg.action == OV_ACTION_EXPORT && strcmp(g_cfg.gif, "a.gif") == 0);
    CHECK(g_cfg.gif_frames == 2 && g_cfg.gif_delay_cs == 100);
    GOOD("--gif-frames", "2000", "--gif-delay", "1");
    CHECK(g_cfg.gif_frames == 2000 && g_cfg.gif_delay_cs == 1 && g_cfg.action ==
          OV_ACTION_WINDOW);
    GOOD("--gif", "a.gif", "--screenshot", "a.png", "--export-csv", "a.csv");
    CHECK(g_cfg.action == OV_ACTION_EXPORT);

    EXACT("--ui-scale: '5' is out of range; expected a number from 0.5 to 4", "--ui-scale",
          "5");
    BAD(NEEDLES("--ui-scale", "'0.49'", "0.5 to 4"), "--ui-scale", "0.49");
    BAD(NEEDLES("--ui-scale", "'big'", "not a number"), "--ui-scale", "big");
    BAD(NEEDLES("--ui-scale", "'nan'"), "--ui-scale", "nan");
    BAD(NEEDLES("--ui-scale", "missing value"), "--ui-scale");
    EXACT("--gif-frames: '1' is out of range; expected an integer from 2 to 2000",
          "--gif-frames", "1");
    BAD(NEEDLES("--gif-frames", "'2001'", "out of range"), "--gif-frames", "2001");
    BAD(NEEDLES("--gif-frames", "'-3'", "out of range"), "--gif-frames", "-3");
    BAD(NEEDLES("--gif-frames", "'12.5'", "not an integer"), "--gif-frames", "12.5");
    BAD(NEEDLES("--gif-frames", "''"), "--gif-frames", "");
    BAD(NEEDLES("--gif-frames", "'99999999999999999999'"), "--gif-frames",
        "99999999999999999999");
    EXACT("--gif-delay: '0' is out of range; expected an integer from 1 to 100",
          "--gif-delay", "0");
    BAD(NEEDLES("--gif-delay", "'101'"), "--gif-delay", "101");
    BAD(NEEDLES("--gif-delay", "'4cs'", "not an integer"), "--gif-delay", "4cs");
    BAD(NEEDLES("--gif", "''", "file name"), "--gif", "");
    BAD(NEEDLES("--gif", "'--size'", "looks like an option"), "--gif", "--size", "8x8");
    BAD(NEEDLES("--gif", "'x.png'", "also the --screenshot file"), "--screenshot", "x.png",
        "--gif", "x.png");
    BAD(NEEDLES("--gif", "'x.out'", "also the --export-csv file"), "--gif", "x.out",
        "--export-csv", "x.out");
    BAD(NEEDLES("--bench", "--gif"), "--bench", "--gif", "a.gif");
    EXACT("--output-dir: empty value ''; expected a directory name", "--output-dir", "");
    BAD(NEEDLES("--output-dir", "'--gif'", "looks like an option", "directory"),
        "--output-dir", "--gif", "a.gif");
    BAD(NEEDLES("--projector", "takes no value"), "--projector=1");
    BAD(NEEDLES("'--ui-scal'", "did you mean '--ui-scale'"), "--ui-scal", "2");
    BAD(NEEDLES("'--gif-frame'", "did you mean '--gif-frames'"), "--gif-frame", "2");
    BAD(NEEDLES("'--outputdir'", "did you mean '--output-dir'"), "--outputdir", "d");
}

static void test_bad_numbers(void)
{
    EXACT("--alpha: '0.1x' is not a number; expected a number greater than 0",
          "--alpha", "0.1x");
    EXACT("--kappa: '0.5' is out of range; expected a number from 1 to 1e10", "--kappa",
          "0.5");
    BAD(NEEDLES("--alpha", "'nan'"), "--alpha", "nan");
    BAD(NEEDLES("--alpha", "'inf'"), "--alpha", "inf");
    BAD(NEEDLES("--alpha", "'-Infinity'"), "--alpha=-Infinity");
    BAD(NEEDLES("--alpha", "''", "empty"), "--alpha", "");
    BAD(NEEDLES("--alpha", "''"), "--alpha=");
    BAD(NEEDLES("--alpha", "'-0.1'", "out of range"), "--alpha", "-0.1");
    BAD(NEEDLES("--alpha", "'0'", "greater than 0"), "--alpha", "0");
    BAD(NEEDLES("--alpha", "' 0.1'"), "--alpha", " 0.1");
    BAD(NEEDLES("--alpha", "'0.1 '"), "--alpha", "0.1 ");
    BAD(NEEDLES("--alpha", "'0x1p3'"), "--alpha", "0x1p3");
    BAD(NEEDLES("--alpha", "'1e999'", "out of range"), "--alpha", "1e999");
    BAD(NEEDLES("--alpha", "'1e'"), "--alpha", "1e");
    BAD(NEEDLES("--alpha", "'.'"), "--alpha", ".");
    BAD(NEEDLES("--kappa", "'1e11'", "1e10"), "--kappa", "1e11");
    BAD(NEEDLES("--kappa", "'0.99999'"), "--kappa=0.99999");
    BAD(NEEDLES("--kappa", "'nan'"), "--kappa", "nan");
    BAD(NEEDLES("--steps", "'0'", "1 to 1000000"), "--steps", "0");
    BAD(NEEDLES("--steps", "'1000001'", "out of range"), "--steps", "1000001");
    BAD(NEEDLES("--steps", "'-5'", "out of range"), "--steps", "-5");
    BAD(NEEDLES("--steps", "'2.5'", "not an integer"), "--steps", "2.5");
    BAD(NEEDLES("--steps", "'1e3'"), "--steps", "1e3");
    BAD(NEEDLES("--steps", "'99999999999999999999999'"), "--steps",
        "99999999999999999999999");
    BAD(NEEDLES("--steps", "''"), "--steps", "");
    BAD(NEEDLES("--beta", "'1'", "not including, 1"), "--beta", "1");
    BAD(NEEDLES("--beta", "'-0.1'"), "--beta", "-0.1");
    BAD(NEEDLES("--theta", "'inf'"), "--theta", "inf");
    BAD(NEEDLES("--theta", "'30deg'"), "--theta", "30deg");
    /* A control character in a value is echoed as '?': still one line. */
    BAD(NEEDLES("--alpha", "'1?2'"), "--alpha", "1\n2");
}

static void test_bad_names(void)
{
    BAD(NEEDLES("--surface", "'rosenbrok'", "did you mean 'rosenbrock'"), "--surface",
        "rosenbrok");
    BAD(NEEDLES("--surface", "'himmelblaw'", "did you mean 'himmelblau'"),
        "--surface=himmelblaw");
    BAD(NEEDLES("--surface", "'foo'", "unknown surface", "quadratic"), "--surface", "foo");
    BAD(NEEDLES("--surface", "'x^^2' at column 3: "), "--surface", "x^^2");
    BAD(NEEDLES("--surface", "'(x+y' at column 5: "), "--surface", "(x+y");
    BAD(NEEDLES("--surface", "'x + z' at column 5: "), "--surface", "x + z");
    BAD(NEEDLES("--surface", "''"), "--surface", "");
    char long_formula[1200];
    memset(long_formula, 0, sizeof long_formula);
    for (size_t i = 0; i + 2 < 1100; i += 2)
        memcpy(long_formula + i, "x+", 2);
    strcat(long_formula, "y");
    BAD(NEEDLES("--surface", "too long", "1024"), "--surface", long_formula);

    /* The list of known names grows with the core's optimisers. */
    BAD(NEEDLES("--optimizer: unknown optimizer 'adma'; did you mean 'adam'? (known: gd, "
                "momentum, nesterov, adam, rmsprop, adagrad, adadelta, rprop"),
        "--optimizer", "adma");
    EXACT("--optimizer: unknown key 'gamma' in 'adam:gamma=2'; accepted keys: alpha, "
          "beta, beta2, eps, schedule",
          "--optimizer", "adam:gamma=2");
    BAD(NEEDLES("--optimizer", "'momentun'", "did you mean 'momentum'"), "--optimizer",
        "momentun:beta=0.9");
    BAD(NEEDLES("--optimizer", "'sgd'"), "--optimizer", "sgd");
    BAD(NEEDLES("--optimizer", "gd has no beta", "'gd:beta=0.9'", "accepted keys: alpha"),
        "--optimizer", "gd:beta=0.9");
    BAD(NEEDLES("--optimizer", "'alpha'", "KEY=VALUE"), "--optimizer", "adam:alpha");
    BAD(NEEDLES("--optimizer", "'adam:'", "KEY=VALUE"), "--optimizer", "adam:");
    BAD(NEEDLES("--optimizer", "'0.1x'", "not a number"), "--optimizer",
        "adam:alpha=0.1x");
    BAD(NEEDLES("--optimizer", "beta '1'", "out of range"), "--optimizer", "adam:beta=1");
    BAD(NEEDLES("--optimizer", "beta2 '-0.5'"), "--optimizer", "adam:beta2=-0.5");
    BAD(NEEDLES("--optimizer", "alpha '-1'"), "--optimizer", "gd:alpha=-1");
    BAD(NEEDLES("--optimizer", "eps '0'"), "--optimizer", "adam:eps=0");
    BAD(NEEDLES("--optimizer", "given twice"), "--optimizer", "gd:alpha=1:alpha=2");
    BAD(NEEDLES("--optimizer", "missing optimizer name"), "--optimizer", ":alpha=1");
    BAD(NEEDLES("--optimizer", "''"), "--optimizer", "");
    BAD(NEEDLES("--optimizers", "empty item", "'gd,,adam'"), "--optimizers", "gd,,adam");
    BAD(NEEDLES("--optimizers", "'adma'", "did you mean 'adam'"), "--optimizers",
        "gd,adma");
    BAD(NEEDLES("--optimizers", "empty item"), "--optimizers", "gd,");
}

static void test_bad_shapes(void)
{
    EXACT("--start: '1;2' is not X,Y; expected X,Y with numbers of magnitude at most 1e6",
          "--start", "1;2");
    BAD(NEEDLES("--start", "'1'", "X,Y"), "--start", "1");
    BAD(NEEDLES("--start", "'1,2,3'"), "--start", "1,2,3");
    BAD(NEEDLES("--start", "'x' in '1,x'", "not a number"), "--start", "1,x");
    BAD(NEEDLES("--start", "'nan'"), "--start", "1,nan");
    BAD(NEEDLES("--start", "'' in ',2'"), "--start", ",2");
    BAD(NEEDLES("--start", "'2e6,0'", "out of range"), "--start", "2e6,0");
    BAD(NEEDLES("--view", "'1,0,0,1'", "X0 < X1"), "--view", "1,0,0,1");
    BAD(NEEDLES("--view", "'0,1,1,1'", "not a rectangle"), "--view", "0,1,1,1");
    BAD(NEEDLES("--view", "'0,1,0'", "X0,X1,Y0,Y1"), "--view", "0,1,0");
    BAD(NEEDLES("--view", "'inf'"), "--view", "0,1,0,inf");
    BAD(NEEDLES("--view", "'-1e308,1e308,0,1'"), "--view", "-1e308,1e308,0,1");
    BAD(NEEDLES("--size", "'800by600'", "WxH", "16 to 16384"), "--size", "800by600");
    BAD(NEEDLES("--size", "'800x'"), "--size", "800x");
    BAD(NEEDLES("--size", "'x600'"), "--size", "x600");
    BAD(NEEDLES("--size", "'8x8'", "out of range"), "--size", "8x8");
    BAD(NEEDLES("--size", "'100000x100'", "out of range"), "--size", "100000x100");
    BAD(NEEDLES("--size", "'-800x600'"), "--size", "-800x600");
    BAD(NEEDLES("--size", "'800x600x2'"), "--size", "800x600x2");
    BAD(NEEDLES("--size", "''"), "--size", "");
}

static void test_bad_structure(void)
{
    BAD(NEEDLES("unknown option '--bogus'"), "--bogus");
    BAD(NEEDLES("'--kapa'", "did you mean '--kappa'"), "--kapa", "10");
    BAD(NEEDLES("'-kappa'", "did you mean '--kappa'"), "-kappa", "10");
    BAD(NEEDLES("'--optimiser'", "did you mean '--optimizer'"), "--optimiser", "gd");
    BAD(NEEDLES("'--screen-shot'", "did you mean '--screenshot'"), "--screen-shot=a.png");
    BAD(NEEDLES("--kappa", "missing value", "1 to 1e10"), "--kappa");
    BAD(NEEDLES("--optimizer", "missing value"), "--steps", "5", "--optimizer");
    BAD(NEEDLES("unexpected argument 'foo'"), "foo");
    BAD(NEEDLES("unexpected argument '-'"), "-");
    BAD(NEEDLES("--help", "takes no value", "'1'"), "--help=1");
    BAD(NEEDLES("--screenshot", "''"), "--screenshot", "");
    BAD(NEEDLES("--screenshot", "'--size'", "looks like an option"), "--screenshot",
        "--size", "100x100");
    BAD(NEEDLES("--export-csv", "'same.png'", "--screenshot"), "--screenshot", "same.png",
        "--export-csv", "same.png");
    /* A screenshot is PNG: another extension is refused before any work. */
    EXACT("--screenshot: 'x.jpg' does not end in .png; a screenshot is a PNG file (expected "
          "a name ending in .png)", "--screenshot", "x.jpg");
    BAD(NEEDLES("--screenshot", "'shot'", ".png"), "--screenshot", "shot");
    GOOD("--screenshot", "SHOT.PNG");
    GOOD("--screenshot", "/dev/null");   /* a device is written as it is */
    BAD(NEEDLES("--bench", "--export-csv"), "--bench", "--export-csv", "a.csv");
    BAD(NEEDLES("unknown option '--'"), "--");
    /* The first error is reported. */
    BAD(NEEDLES("--kappa", "'0'"), "--kappa", "0", "--alpha", "x");
}

static void test_strict_double(void)
{
    double v = 0.0;
    CHECK(ov_args_strict_double("1", &v) && v == 1.0);
    CHECK(ov_args_strict_double("-2.5e-3", &v) && v == -2.5e-3);
    CHECK(ov_args_strict_double(".5", &v) && v == 0.5);
    CHECK(ov_args_strict_double("5.", &v) && v == 5.0);
    CHECK(ov_args_strict_double("+1E+2", &v) && v == 100.0);
    const char *bad[] = {"", " 1", "1 ", "0x10", "1e", "e5", "--1", "1e999",
                         "nan", "Inf", "-infinity", "1,5", "1.2.3", "+", "1e+"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        CHECK_MSG(!ov_args_strict_double(bad[i], &v), "accepted '%s'", bad[i]);
}

/* Runs print into a memory stream and returns the text (caller frees). */
static char *capture(bool (*print)(FILE *))
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (!f)
        return NULL;
    CHECK(print(f));
    fclose(f);
    return text;
}

static void test_texts(void)
{
    char *help = capture(ov_cli_print_help);
    CHECK(help != NULL);
    const char *opts[] = {"--surface", "--kappa", "--theta", "--start", "--steps",
                          "--alpha", "--beta", "--optimizer ", "--optimizers",
                          "--view", "--size", "--screenshot", "--export-csv",
                          "--list-surfaces", "--list-optimizers", "--help", "--version",
                          "--bench", "--preset NAME|N", "--list-presets", "--ui-scale",
                          "--projector", "--gif FILE", "--gif-frames", "--gif-delay",
                          "--output-dir", "Lecture presets:", "Scene:", "Runs", "View and output:",
                          "Information:", "Formula syntax", "rosenbrock", "adadelta",
                          "Examples:", "NAME[:alpha=A][:beta=B][:beta2=B2][:eps=E][:wd=L][:history=M]",
                          "nelder-mead", "lbfgs"};
    for (size_t i = 0; help && i < sizeof opts / sizeof opts[0]; i++)
        CHECK_MSG(strstr(help, opts[i]) != NULL, "help lacks %s", opts[i]);
    free(help);

    char *surf = capture(ov_cli_print_surfaces);
    CHECK(surf && strstr(surf, "rosenbrock\n  L(x, y) = (1 - x)^2 + 100*(y - x^2)^2\n"));
    CHECK(surf && strstr(surf, "parameters: kappa = 10, theta = 30\n"));
    CHECK(surf && strstr(surf, "minima: (0.95, 1.05)"));
    CHECK(surf && strstr(surf, "gaussian"));
    free(surf);

    char *opt = capture(ov_cli_print_optimizers);
    const ov_optim_info *adam = ov_optim_info_of(OV_OPT_ADAM);
    CHECK(opt && strstr(opt, "adam: ") && strstr(opt, "beta2 = 0.999") &&
          strstr(opt, "eps = 1e-08"));
    CHECK(opt && strstr(opt, "gd: gradient descent\n  w <- w - "));
    /* The second line of a multi-line rule is indented too. */
    const char *nl = adam ? strchr(adam->rule, '\n') : NULL;
    if (nl && opt) {
        char line[256];
        snprintf(line, sizeof line, "\n  %.100s", nl + 1);
        CHECK(strstr(opt, line) != NULL);
    }
    free(opt);

    char *ver = capture(ov_cli_print_version);
    CHECK(ver && strcmp(ver, "optiviz " OV_VERSION "\n") == 0);
    free(ver);

    FILE *full = fopen("/dev/full", "w");
    if (full) {
        CHECK(!ov_cli_print_help(full));
        fclose(full);
    }
}

/* --3d, --camera AZ,EL and --orbit (issue 11). */
static void test_3d_options(void)
{
    GOOD("--3d");
    CHECK(g_cfg.view3d && !g_cfg.has_camera && !g_cfg.orbit);
    CHECK(g_cfg.action == OV_ACTION_WINDOW);
    GOOD("--camera", "-30,45", "--screenshot", "a.png");
    CHECK(g_cfg.view3d && g_cfg.has_camera && g_cfg.camera_az == -30.0 &&
          g_cfg.camera_el == 45.0);
    CHECK(g_cfg.action == OV_ACTION_EXPORT);
    GOOD("--camera=400,0");
    CHECK(g_cfg.camera_az == 400.0 && g_cfg.camera_el == 0.0);
    GOOD("--camera", "0,90");
    CHECK(g_cfg.camera_el == 90.0);
    GOOD("--orbit", "--video", "a.mp4");
    CHECK(g_cfg.orbit);
    GOOD("--orbit", "--gif", "a.gif");
    CHECK(g_cfg.view3d && g_cfg.orbit && g_cfg.action == OV_ACTION_EXPORT);
    GOOD("--3d", "--gif", "a.gif", "--camera", "10,20");
    CHECK(!g_cfg.orbit && g_cfg.camera_el == 20.0);
    BAD(NEEDLES("--camera", "elevation 95", "0 to 90"), "--camera", "10,95");
    BAD(NEEDLES("--camera", "-1"), "--camera", "10,-1");
    BAD(NEEDLES("--camera", "two comma-separated numbers", "AZIMUTH,ELEVATION"), "--camera",
        "10");
    BAD(NEEDLES("--camera", "'inf'"), "--camera", "inf,10");
    BAD(NEEDLES("--camera", "missing value"), "--camera");
    BAD(NEEDLES("--orbit", "--gif"), "--orbit");
    BAD(NEEDLES("--orbit", "--gif"), "--orbit", "--screenshot", "a.png");
    BAD(NEEDLES("--3d", "takes no value"), "--3d=yes");
}

/* :schedule= in a run's spec (issue 23): the forms, --optimizers with a
 * comma inside the parentheses, and the messages of bad ones. */
static void test_schedule(void)
{
    GOOD("--optimizer", "gd:alpha=0.25:schedule=exp(0.97)");
    CHECK(g_cfg.nruns == 1 && g_cfg.runs[0].has_alpha && g_cfg.runs[0].alpha == 0.25 &&
          g_cfg.runs[0].schedule.given && g_cfg.runs[0].schedule.kind == OV_SCHED_EXP &&
          g_cfg.runs[0].schedule.factor == 0.97);
    GOOD("--optimizers", "gd:schedule=step(20,0.5),momentum:schedule=cosine(50),adam");
    CHECK(g_cfg.nruns == 3 && g_cfg.runs[0].schedule.kind == OV_SCHED_STEP &&
          g_cfg.runs[0].schedule.every == 20 && g_cfg.runs[0].schedule.factor == 0.5 &&
          g_cfg.runs[1].kind == OV_OPT_MOMENTUM && g_cfg.runs[1].schedule.kind == OV_SCHED_COSINE &&
          g_cfg.runs[1].schedule.t == 50 && g_cfg.runs[2].kind == OV_OPT_ADAM &&
          !g_cfg.runs[2].schedule.given);
    GOOD("--optimizer", "adam:schedule=warmup(10):beta=0.8");
    CHECK(g_cfg.runs[0].schedule.kind == OV_SCHED_WARMUP && g_cfg.runs[0].schedule.t == 10 &&
          g_cfg.runs[0].beta == 0.8);
    GOOD("--optimizer", "gd:schedule=constant");
    CHECK(g_cfg.runs[0].schedule.given && g_cfg.runs[0].schedule.kind == OV_SCHED_CONSTANT);
    GOOD("--optimizer", "gd");
    CHECK(!g_cfg.runs[0].schedule.given);
    EXACT("--optimizer: schedule 'step(0,0.5)' in 'gd:schedule=step(0,0.5)' is out of range; "
          "expected " OV_SCHEDULE_FORMS, "--optimizer", "gd:schedule=step(0,0.5)");
    EXACT("--optimizer: schedule 'linear' in 'gd:schedule=linear' is not one of the schedules; "
          "expected " OV_SCHEDULE_FORMS, "--optimizer", "gd:schedule=linear");
    BAD(NEEDLES("--optimizer", "'exp(0)'", "out of range", "exp(GAMMA)"), "--optimizer",
        "gd:schedule=exp(0)");
    BAD(NEEDLES("--optimizer", "'cosine(2.5)'", "out of range", "cosine(T)"), "--optimizer",
        "gd:schedule=cosine(2.5)");
    BAD(NEEDLES("--optimizer", "'warmup(0)'", "warmup(STEPS)"), "--optimizer",
        "gd:schedule=warmup(0)");
    BAD(NEEDLES("--optimizer", "'step(20,-1)'", "out of range"), "--optimizer",
        "gd:schedule=step(20,-1)");
    BAD(NEEDLES("--optimizer", "'step(20,inf)'", "not a finite number"), "--optimizer",
        "gd:schedule=step(20,inf)");
    BAD(NEEDLES("--optimizer", "'exp'", "parentheses"), "--optimizer", "gd:schedule=exp");
    BAD(NEEDLES("--optimizer", "'step(20)'", "number of arguments"), "--optimizer",
        "gd:schedule=step(20)");
    BAD(NEEDLES("--optimizer", "''"), "--optimizer", "gd:schedule=");
    BAD(NEEDLES("--optimizers", "'step(2,0)'"), "--optimizers", "gd:schedule=step(2,0),adam");
    BAD(NEEDLES("--optimizer", "schedule is given twice"), "--optimizer",
        "gd:schedule=exp(0.9):schedule=constant");

    /* --help and README describe it. */
    char *help = capture(ov_cli_print_help);
    CHECK(help && strstr(help, "[:schedule=S]") && strstr(help, "step(EVERY,F)") &&
          strstr(help, "exp(G)") && strstr(help, "cosine(T)") && strstr(help, "warmup(STEPS)"));
    free(help);
    FILE *f = fopen(OV_ASSET_DIR "/../README.md", "rb");
    CHECK(f != NULL);
    if (f) {
        static char readme[1 << 20];
        size_t n = fread(readme, 1, sizeof readme - 1, f);
        readme[n] = 0;
        fclose(f);
        CHECK(strstr(readme, "[:history=M][:schedule=S]`") != NULL);
        CHECK(strstr(readme, "`step(EVERY,FACTOR)`") && strstr(readme, "`exp(GAMMA)`") &&
              strstr(readme, "`cosine(T)`") && strstr(readme, "`warmup(STEPS)`"));
    }
}

int main(void)
{
    test_defaults();
    test_3d_options();
    test_scene_options();
    test_run_options();
    test_view_output_actions();
    test_classroom_options();
    test_bad_numbers();
    test_bad_names();
    test_bad_shapes();
    test_bad_structure();
    test_strict_double();
    test_texts();
    test_schedule();
    return ov_test_finish("test_cli_args");
}
