/* Tests of the lecture presets (src/cli/preset.c, args_preset.c): the
 * shipped assets/presets.txt loads nine presets whose runs do what their
 * captions say, the installed copy is found from the executable (data_dir.c),
 * the parser names file and line for every kind of mistake
 * and skips only the bad preset, and --preset / --list-presets on the
 * command line (override order, replaced runs, suggestions). */
#define _XOPEN_SOURCE 700   /* realpath */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/args.h"
#include "cli/data_dir.h"
#include "cli/preset.h"
#include "core/scene.h"
#include "ov_test.h"

extern const char ov_asset_presets_txt[];

/* The bit of ov_config.panels that panel `name` has (its index among
 * ov_config_panel_names), or 31 when unknown (then no check passes). */
static int panel_bit(const char *name)
{
    for (int i = 0; ov_config_panel_names[i]; i++)
        if (strcmp(ov_config_panel_names[i], name) == 0)
            return i;
    return 31;
}

static ov_config g_cfg;
static char g_err[2048];

static int parse(const char *first, ...)
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
    g_err[0] = 0;
    return ov_args_parse(argc, argv, &g_cfg, g_err, sizeof g_err);
}

/* Steps until the run is within tol of (x, y), or -1. */
static int steps_to(const ov_run *r, double x, double y, double tol)
{
    for (int i = 0; i < r->n; i++)
        if (hypot(r->x[i] - x, r->y[i] - y) < tol)
            return i;
    return -1;
}

/* Sign changes of the coordinate across the valley of the quadratic
 * rotated by theta degrees, among the first n iterates. */
static int steep_flips(const ov_run *r, double theta, int n)
{
    double t = theta * acos(-1.0) / 180.0;
    int flips = 0;
    double start = fabs(-sin(t) * r->x[0] + cos(t) * r->y[0]);
    for (int i = 1; i < n && i < r->n; i++) {
        double q0 = -sin(t) * r->x[i - 1] + cos(t) * r->y[i - 1];
        double q1 = -sin(t) * r->x[i] + cos(t) * r->y[i];
        /* A swing counts while it is at least 5% of the starting offset. */
        flips += q0 * q1 < 0.0 && fmax(fabs(q0), fabs(q1)) > 0.05 * start;
    }
    return flips;
}

static double end_dist(const ov_run *r, double x, double y)
{
    return r->n ? hypot(r->x[r->n - 1] - x, r->y[r->n - 1] - y) : INFINITY;
}

/* Builds the scene of preset number n of set into sc. */
static bool scene_of(const ov_preset_set *set, int n, ov_scene *sc)
{
    char err[512] = "";
    ov_config cfg;
    ov_config_defaults(&cfg);
    const ov_preset *p = ov_presets_by_number(set, n);
    CHECK_MSG(p != NULL, "no preset %d", n);
    if (!p)
        return false;
    bool ok = ov_preset_apply(p, &cfg, err, sizeof err);
    CHECK_MSG(ok, "preset %d: %s", n, err);
    CHECK(strcmp(cfg.preset, p->name) == 0 && strcmp(cfg.caption, p->caption) == 0);
    ok = ok && ov_scene_init(sc, &cfg, err, sizeof err);
    CHECK_MSG(ok, "scene of preset %d: %s", n, err);
    return ok;
}

static void test_shipped_file(void)
{
    static const struct {
        int number;
        const char *name;
    } shipped[] = {{1, "step-too-small"}, {2, "step-too-large"}, {3, "divergence"},
                   {4, "momentum-rule"},  {5, "ill-conditioned"}, {6, "kappa-1e10"},
                   {7, "regression"},     {8, "gaussian"},        {9, "rosenbrock"},
                   {10, "one-d-steps"},   {11, "noisy-gradient"}, {12, "quasi-newton"},
                   {13, "simplex-vs-lbfgs"}, {14, "typed-momentum"},
                   {15, "schedule-rescue"}, {16, "line-closed-form"},
                   {17, "gauss4-momentum"}, {18, "xor-plateau"}};
    const int count = (int)(sizeof shipped / sizeof shipped[0]);
    char err[2048] = "x";
    ov_preset_set *set = ov_presets_load(OV_ASSET_DIR "/presets.txt", err, sizeof err);
    CHECK(set != NULL);
    CHECK_MSG(err[0] == 0, "problems: %s", err);
    CHECK(ov_presets_count(set) == count && ov_presets_problem_count(set) == 0);
    for (int i = 0; i < ov_presets_count(set) && i < count; i++) {
        const ov_preset *p = ov_presets_at(set, i);
        CHECK(p->number == shipped[i].number);
        CHECK_MSG(strcmp(p->name, shipped[i].name) == 0, "preset %d is '%s'", p->number,
                  p->name);
        CHECK(strlen(p->caption) > 20 && strchr(p->caption, '\n') == NULL);
        CHECK(ov_presets_find(set, shipped[i].name) == p);
        char num[8];
        snprintf(num, sizeof num, "%d", shipped[i].number);
        CHECK(ov_presets_find(set, num) == p);
    }
    CHECK(ov_presets_at(set, count) == NULL && ov_presets_by_number(set, 0) == NULL);
    CHECK(ov_presets_find(set, "011") == NULL && ov_presets_find(set, "100") == NULL);

    /* The embedded copy is the same file and parses the same. */
    ov_preset_set *emb = ov_presets_parse(ov_asset_presets_txt, "embedded", err, sizeof err);
    CHECK(emb && err[0] == 0 && ov_presets_count(emb) == count);
    for (int i = 0; emb && set && i < count; i++)
        CHECK(strcmp(ov_presets_at(emb, i)->caption, ov_presets_at(set, i)->caption) == 0);
    ov_presets_destroy(emb);

    /* Without OPTIVIZ_PRESETS, in a build tree that was not installed
     * (no ../share/optiviz beside it), the compiled-in copy is used. */
    unsetenv("OPTIVIZ_PRESETS");
    ov_preset_set *def = ov_presets_load_default(err, sizeof err);
    CHECK(def && ov_presets_count(def) == count);
    CHECK(def && strcmp(ov_presets_file_name(def), "built-in presets.txt") == 0);
    ov_presets_destroy(def);
    /* OPTIVIZ_PRESETS names the file. */
    setenv("OPTIVIZ_PRESETS", OV_ASSET_DIR "/presets.txt", 1);
    def = ov_presets_load_default(err, sizeof err);
    CHECK(def && strcmp(ov_presets_file_name(def), OV_ASSET_DIR "/presets.txt") == 0);
    ov_presets_destroy(def);
    unsetenv("OPTIVIZ_PRESETS");
    ov_presets_destroy(set);
}

static bool make_dir(const char *path)
{
    return mkdir(path, 0755) == 0 || errno == EEXIST;
}

/* The installed data file is found from the executable's directory: in
 * the default layout PREFIX/bin/optiviz reads PREFIX/share/optiviz. */
static void test_installed_layout(void)
{
    CHECK(strcmp(OV_DATA_FROM_BIN, "../share/optiviz") == 0);
    const char *tmp = getenv("OV_TMP");
    char real_tmp[PATH_MAX];
    if (!tmp || !realpath(tmp, real_tmp)) {
        CHECK_MSG(0, "OV_TMP must name a directory (ctest sets it)");
        return;
    }
    char prefix[1200], dir[1400], exe[1400], file[1400];
    snprintf(prefix, sizeof prefix, "%.1024s/preset-prefix", real_tmp);
    snprintf(exe, sizeof exe, "%s/bin/optiviz", prefix);
    snprintf(file, sizeof file, "%s/share/optiviz/presets.txt", prefix);
    char found[PATH_MAX];
    CHECK(make_dir(prefix));
    snprintf(dir, sizeof dir, "%s/bin", prefix);
    CHECK(make_dir(dir));
    remove(file);
    CHECK(!ov_data_file_for(exe, "presets.txt", found, sizeof found));   /* not there */
    snprintf(dir, sizeof dir, "%s/share", prefix);
    CHECK(make_dir(dir));
    snprintf(dir, sizeof dir, "%s/share/optiviz", prefix);
    CHECK(make_dir(dir));
    FILE *f = fopen(file, "w");
    CHECK(f && fputs("# empty\n", f) >= 0 && fclose(f) == 0);
    CHECK(ov_data_file_for(exe, "presets.txt", found, sizeof found));
    CHECK_MSG(strcmp(found, file) == 0, "found '%s'", found);
    CHECK(!ov_data_file_for(exe, "presets.txt", found, 8));   /* does not fit */
    CHECK(!ov_data_file_for("optiviz", "presets.txt", found, sizeof found));   /* no dir */
    CHECK(!ov_data_file_for(exe, "missing.txt", found, sizeof found));
    /* This test program sits in the build tree: nothing installed beside it. */
    CHECK(!ov_data_file("presets.txt", found, sizeof found));
    remove(file);
}

/* The mean cosine of the angle between steps i and i + 1 of run r, over its
 * first n steps: 1 for a straight path, about 0 for a random walk. */
static double step_coherence(const ov_run *r, int n)
{
    double sum = 0.0;
    int count = 0;
    for (int i = 0; i + 2 < r->n && i < n; i++) {
        double ax = r->x[i + 1] - r->x[i], ay = r->y[i + 1] - r->y[i];
        double bx = r->x[i + 2] - r->x[i + 1], by = r->y[i + 2] - r->y[i + 1];
        double na = hypot(ax, ay), nb = hypot(bx, by);
        if (na > 0 && nb > 0) {
            sum += (ax * bx + ay * by) / (na * nb);
            count++;
        }
    }
    return count ? sum / count : 0.0;
}

/* Each preset's runs do what its caption says. */
static void test_shipped_behaviour(void)
{
    char err[2048];
    ov_preset_set *set = ov_presets_load(OV_ASSET_DIR "/presets.txt", err, sizeof err);
    if (!set) {
        CHECK_MSG(0, "cannot load: %s", err);
        return;
    }
    ov_scene sc;
    /* 1: the tiny step barely leaves its start on the plateau; ten times
     * that step gets off it into a basin (far lower loss). */
    if (scene_of(set, 1, &sc)) {
        const ov_run *tiny = &sc.runs[0], *mid = &sc.runs[1];
        CHECK(sc.nruns == 2 && strcmp(sc.surface->name, "gaussian") == 0);
        CHECK(fabs(tiny->x[tiny->n - 1] - sc.start.x) < 0.1);
        CHECK(tiny->loss[tiny->n - 1] > 1.7);
        CHECK(mid->x[mid->n - 1] < sc.start.x - 0.5 && mid->loss[mid->n - 1] < 0.7);
        ov_scene_deinit(&sc);
    }
    /* 2: theta 0, so y is the steep coordinate: the large step flips its
     * sign every step, the moderate one never does; and the large step ends
     * with the larger loss: 5 * 0.95^120 = 0.0106 against 4.5 * 0.9^120 =
     * 1.4e-5 by hand (y factor 1 - 10 alpha, x factor 1 - alpha). */
    if (scene_of(set, 2, &sc)) {
        CHECK(steep_flips(&sc.runs[0], 0.0, 40) == 39);
        CHECK(steep_flips(&sc.runs[1], 0.0, 40) == 0);
        CHECK(!sc.runs[0].diverged);
        const ov_run *big = &sc.runs[0], *good = &sc.runs[1];
        CHECK_NEAR(big->loss[big->n - 1], 5 * pow(0.95, 120), 1e-3);
        CHECK_NEAR(good->loss[good->n - 1], 4.5 * pow(0.9, 120), 2e-6);
        CHECK(big->loss[big->n - 1] > 100 * good->loss[good->n - 1]);
        ov_scene_deinit(&sc);
    }
    /* 3: just under 2/kappa converges, just over diverges. */
    if (scene_of(set, 3, &sc)) {
        CHECK(!sc.runs[0].diverged && sc.runs[1].diverged);
        CHECK(sc.runs[1].params.alpha > 2.0 / 10.0 && sc.runs[0].params.alpha < 0.2);
        CHECK(sc.runs[1].diverged_step > 10 && sc.runs[1].diverged_step < sc.steps);
        ov_scene_deinit(&sc);
    }
    /* 4: alpha/(1-beta) = 1; momentum settles at the minimum while gd with
     * the same alpha lags far behind and gd with alpha = 1 keeps bouncing. */
    if (scene_of(set, 4, &sc)) {
        const ov_run *gd = &sc.runs[0], *gd1 = &sc.runs[1], *mom = &sc.runs[2];
        CHECK(mom->params.kind == OV_OPT_MOMENTUM);
        CHECK_NEAR(mom->params.alpha / (1.0 - mom->params.beta), 1.0, 1e-12);
        CHECK(end_dist(mom, 0, 0) < 0.05);
        CHECK(end_dist(gd, 0, 0) > 5.0);
        CHECK(gd1->params.alpha == 1.0 && gd1->loss[gd1->n - 1] > 0.9);
        CHECK(steps_to(gd1, 0, 0, 1.0) >= 0 && steps_to(gd1, 0, 0, 1.0) < 40);
        ov_scene_deinit(&sc);
    }
    /* 5: gd zig-zags (sign of the steep coordinate flips every step) and has
     * not arrived; momentum hardly flips and arrives; the loss panel is on. */
    if (scene_of(set, 5, &sc)) {
        double theta = 0;
        CHECK(ov_surface_get_param(sc.surface, "kappa", &theta) && theta == 100.0);
        CHECK(ov_surface_get_param(sc.surface, "theta", &theta));
        CHECK(sc.nruns == 2);
        CHECK(steep_flips(&sc.runs[0], theta, 60) >= 55);
        CHECK(steep_flips(&sc.runs[1], theta, 60) <= 15);
        int gd = steps_to(&sc.runs[0], 0, 0, 1e-3), mom = steps_to(&sc.runs[1], 0, 0, 1e-3);
        CHECK_MSG(mom > 0 && (gd < 0 || gd > 2 * mom), "gd %d momentum %d", gd, mom);
        ov_scene_deinit(&sc);
    }
    /* 6: gd at its largest stable step does not move along x; adam and
     * rprop get close to the minimum. */
    if (scene_of(set, 6, &sc)) {
        const ov_run *gd = &sc.runs[0];
        double kappa = 0;
        CHECK(ov_surface_get_param(sc.surface, "kappa", &kappa) && kappa == 1e10);
        CHECK(gd->params.alpha < 2.0 / kappa && !gd->diverged);
        CHECK(fabs(gd->x[gd->n - 1] - sc.start.x) < 1e-6);
        CHECK(end_dist(&sc.runs[1], 0, 0) < 0.1 && end_dist(&sc.runs[2], 0, 0) < 0.1);
        ov_scene_deinit(&sc);
    }
    /* 7: every run within 1e-6 of the lecture's solution. */
    if (scene_of(set, 7, &sc)) {
        CHECK(sc.nruns >= 3);
        for (int i = 0; i < sc.nruns; i++)
            CHECK_MSG(end_dist(&sc.runs[i], 0.95, 1.05) < 1e-6, "run %d ends %g away", i,
                      end_dist(&sc.runs[i], 0.95, 1.05));
        ov_scene_deinit(&sc);
    }
    /* 8: the runs end in three different basins of the gaussian. */
    if (scene_of(set, 8, &sc)) {
        int basin_used[OV_SURFACE_MAX_MINIMA] = {0};
        for (int i = 0; i < sc.nruns; i++) {
            int basin = -1;
            for (int m = 0; m < sc.surface->nminima; m++)
                if (end_dist(&sc.runs[i], sc.surface->minima[m].x, sc.surface->minima[m].y) <
                    5e-3)
                    basin = m;
            CHECK_MSG(basin >= 0, "run %d ends in no basin", i);
            if (basin >= 0)
                basin_used[basin] = 1;
        }
        CHECK(basin_used[0] + basin_used[1] + basin_used[2] == 3);
        ov_scene_deinit(&sc);
    }
    /* 9: gd still far from (1, 1) after all its steps; momentum and adam
     * there. */
    if (scene_of(set, 9, &sc)) {
        CHECK(strcmp(sc.surface->name, "rosenbrock") == 0);
        CHECK(end_dist(&sc.runs[0], 1, 1) > 0.3);
        CHECK(end_dist(&sc.runs[1], 1, 1) < 1e-3 && end_dist(&sc.runs[2], 1, 1) < 1e-3);
        ov_scene_deinit(&sc);
    }
    /* 11: both runs see noise of the same σ; momentum has gd's
     * α/(1−β). gd's consecutive steps point every which way, momentum's
     * follow on (mean cosine of the angle between successive steps). */
    if (scene_of(set, 11, &sc)) {
        const ov_run *gd = &sc.runs[0], *mom = &sc.runs[1];
        CHECK(sc.noise.sigma == 3.0 && gd->noise.sigma == 3.0 && mom->noise.sigma == 3.0);
        CHECK_NEAR(mom->params.alpha / (1.0 - mom->params.beta), gd->params.alpha, 1e-12);
        double cg = step_coherence(gd, 40), cm = step_coherence(mom, 40);
        CHECK_MSG(cg < 0.3 && cm > 0.8, "gd %g momentum %g", cg, cm);
        ov_scene_deinit(&sc);
    }
    /* 12: gd (α held to 0.15 × 10/κ) far from the minimum after 60
     * steps; cg and lbfgs on it from step 2. */
    if (scene_of(set, 12, &sc)) {
        CHECK(sc.nruns == 3 && sc.runs[1].params.kind == OV_OPT_CG &&
              sc.runs[2].params.kind == OV_OPT_LBFGS);
        CHECK(end_dist(&sc.runs[0], 0, 0) > 1.0);
        for (int r = 1; r < 3; r++)
            CHECK_MSG(sc.runs[r].n > 2 && hypot(sc.runs[r].x[2], sc.runs[r].y[2]) < 1e-10,
                      "run %d at step 2: (%g, %g)", r, sc.runs[r].x[2], sc.runs[r].y[2]);
        ov_scene_deinit(&sc);
    }
    /* 13: lbfgs within 1e-2 of (1, 1) by step 20, nelder-mead not yet
     * then and by step 75. */
    if (scene_of(set, 13, &sc)) {
        const ov_run *nm = &sc.runs[0], *lb = &sc.runs[1];
        CHECK(nm->params.kind == OV_OPT_NELDER_MEAD && lb->params.kind == OV_OPT_LBFGS);
        CHECK(lb->n > 20 && hypot(lb->x[20] - 1, lb->y[20] - 1) < 1e-2);
        CHECK(nm->n > 75 && hypot(nm->x[20] - 1, nm->y[20] - 1) > 0.5 &&
              hypot(nm->x[75] - 1, nm->y[75] - 1) < 1e-2);
        ov_scene_deinit(&sc);
    }
    /* 14: the typed momentum's path is the built-in one's, bit for bit. */
    if (scene_of(set, 14, &sc)) {
        const ov_run *mom = &sc.runs[0], *typed = &sc.runs[1];
        CHECK(mom->params.kind == OV_OPT_MOMENTUM && typed->params.kind == OV_OPT_RULE &&
              typed->params.rule != NULL);
        CHECK(mom->n == 121 && typed->n == mom->n &&
              memcmp(mom->x, typed->x, sizeof(double) * (size_t)mom->n) == 0 &&
              memcmp(mom->y, typed->y, sizeof(double) * (size_t)mom->n) == 0);
        char buf[64];
        CHECK(strcmp(ov_optim_run_name(&typed->params, buf, sizeof buf), "rule-student") == 0);
        ov_scene_deinit(&sc);
    }
    /* 15: gd with α = 0.25 diverges on κ = 10; the same α under exp(0.97)
     * and step(20,0.5) converges to the minimum at 0. */
    if (scene_of(set, 15, &sc)) {
        CHECK(sc.nruns == 3);
        CHECK(sc.runs[0].diverged && sc.runs[0].params.alpha == 0.25 &&
              !sc.runs[0].params.schedule.given);
        for (int r = 1; r < 3 && sc.nruns == 3; r++) {
            const ov_run *run = &sc.runs[r];
            CHECK_MSG(!run->diverged && run->n == 201 && run->params.alpha == 0.25 &&
                          end_dist(run, 0.0, 0.0) < 1e-3,
                      "run %d: diverged %d, n %d, end %g", r, run->diverged, run->n,
                      end_dist(run, 0.0, 0.0));
        }
        CHECK(sc.nruns == 3 && sc.runs[1].params.schedule.kind == OV_SCHED_EXP &&
              sc.runs[1].params.schedule.factor == 0.97);
        CHECK(sc.nruns == 3 && sc.runs[2].params.schedule.kind == OV_SCHED_STEP &&
              sc.runs[2].params.schedule.every == 20 &&
              sc.runs[2].params.schedule.factor == 0.5);
        ov_scene_deinit(&sc);
    }
    ov_presets_destroy(set);
}

/* Parses text as "t.txt"; returns the set (caller destroys), g_err holds
 * the report. */
static ov_preset_set *parse_text(const char *text)
{
    g_err[0] = 0;
    ov_preset_set *set = ov_presets_parse(text, "t.txt", g_err, sizeof g_err);
    CHECK(set != NULL);
    return set;
}

/* Expects text to give exactly one problem, containing every needle. */
#define ONE_PROBLEM(text, ...)                                                   \
    do {                                                                         \
        ov_preset_set *s_ = parse_text(text);                                    \
        CHECK_MSG(ov_presets_problem_count(s_) == 1, "%d problems: %s",          \
                  ov_presets_problem_count(s_), g_err);                          \
        const char *const n_[] = {__VA_ARGS__, NULL};                            \
        for (int k_ = 0; n_[k_]; k_++)                                           \
            CHECK_MSG(strstr(g_err, n_[k_]) != NULL, "'%s' lacks '%s'", g_err,   \
                      n_[k_]);                                                   \
        ov_presets_destroy(s_);                                                  \
    } while (0)

static void test_parser_errors(void)
{
    ONE_PROBLEM("[1 a]\ncaption = c\noptimiser = gd\n", "t.txt:3: unknown key 'optimiser'",
                "did you mean 'optimizer'", "known: caption, surface");
    ONE_PROBLEM("# c\n\n[1 a]\ncaption = c\nkappa = 0.5\n",
                "t.txt:5: --kappa: '0.5' is out of range; expected a number from 1 to 1e10");
    ONE_PROBLEM("[1 a]\ncaption = c\noptimizer = adma\n", "t.txt:3: --optimizer",
                "did you mean 'adam'");
    ONE_PROBLEM("[1 a]\ncaption = c\nsurface = x +* y\n", "t.txt:3: --surface");
    ONE_PROBLEM("[1 a]\ncaption = c\nsteps = 2.5\n", "t.txt:3: --steps", "'2.5'");
    ONE_PROBLEM("caption = c\n[1 a]\ncaption = c\n", "t.txt:1:",
                "before the first [N name] header");
    ONE_PROBLEM("[1 a]\ncaption = c\n[1 b]\ncaption = d\n", "t.txt:3:",
                "number 1 is already used by 'a' (line 1)");
    ONE_PROBLEM("[1 a]\ncaption = c\n[2 a]\ncaption = d\n", "t.txt:3:",
                "name 'a' is already used");
    ONE_PROBLEM("[1 a]\ncaption =\n", "t.txt:2: empty caption");
    ONE_PROBLEM("[1 a]\nsurface = saddle\n", "t.txt:1:", "has no caption");
    ONE_PROBLEM("[1 a]\ncaption = c\nkappa = 2\nkappa = 3\n", "t.txt:4:",
                "'kappa' is given twice (first on line 3)");
    ONE_PROBLEM("[1 a]\ncaption = c\njust words\n", "t.txt:3:", "not 'key = value'");
    ONE_PROBLEM("[1 a]\ncaption = c\n = 3\n", "t.txt:3: missing key");
    ONE_PROBLEM("[0 a]\ncaption = c\n", "t.txt:1: malformed header '[0 a]'");
    ONE_PROBLEM("[100 a]\ncaption = c\n", "t.txt:1: malformed header");
    ONE_PROBLEM("[05 a]\ncaption = c\n", "t.txt:1: malformed header");
    ONE_PROBLEM("[1 a\ncaption = c\n", "t.txt:1: malformed header");
    ONE_PROBLEM("[1]\ncaption = c\n", "t.txt:1: malformed header");
    ONE_PROBLEM("[1 a b]\ncaption = c\n", "t.txt:1: malformed header");
    ONE_PROBLEM("[x a]\ncaption = c\n", "t.txt:1: malformed header");
    ONE_PROBLEM("", "t.txt: no presets found");
    ONE_PROBLEM("[1 a]\ncaption = c\ncaption = d\n", "t.txt:3: caption is given twice");
    ONE_PROBLEM("[1 a]\ncaption = c\nsize = 10x10\n", "t.txt:3: unknown key 'size'");

    /* A bad preset is skipped; the others load, and it can be asked about. */
    ov_preset_set *s = parse_text("[1 good]\ncaption = fine\nkappa = 20\n"
                                  "[2 bad]\ncaption = broken\nkappa = 0\n"
                                  "[3 also-good]\r\ncaption = fine too\r\n"
                                  "optimizer = gd\r\noptimizer = adam:alpha=0.1\r\n");
    CHECK(ov_presets_count(s) == 2 && ov_presets_problem_count(s) == 1);
    CHECK(strstr(g_err, "t.txt:6: --kappa") == g_err && strchr(g_err, '\n') == NULL);
    CHECK(ov_presets_find(s, "good") && ov_presets_find(s, "3") &&
          !ov_presets_find(s, "bad") && !ov_presets_find(s, "2"));
    const char *why = ov_presets_skipped_reason(s, "bad");
    CHECK(why && strstr(why, "t.txt:6: --kappa: '0'"));
    CHECK(why && ov_presets_skipped_reason(s, "2") == why);
    CHECK(ov_presets_skipped_reason(s, "good") == NULL);
    const ov_preset *p3 = ov_presets_by_number(s, 3);
    CHECK(p3 && strcmp(p3->caption, "fine too") == 0 && p3->nentries == 2);
    CHECK(p3 && strcmp(p3->entries[1].value, "adam:alpha=0.1") == 0 &&
          p3->entries[1].line == 10);
    ov_presets_destroy(s);

    /* Every problem is counted; the report lists five, then the rest. */
    s = parse_text("[1 a]\ncaption = c\nk1 = 1\nk2 = 1\nk3 = 1\nk4 = 1\nk5 = 1\nk6 = 1\n"
                   "k7 = 1\n");
    CHECK(ov_presets_problem_count(s) == 7 && ov_presets_count(s) == 0);
    CHECK(strstr(g_err, "t.txt:7: unknown key 'k5'") && !strstr(g_err, "'k6'"));
    CHECK(strstr(g_err, "\nand 2 more problems") != NULL);
    ov_presets_destroy(s);

    /* Sorted by number whatever the file order; no surface means defaults. */
    s = parse_text("[9 last]\ncaption = z\n\n   # indented comment\n[4 mid]\n"
                   "  caption   =   spaced out  \n");
    CHECK(ov_presets_count(s) == 2 && g_err[0] == 0);
    CHECK(ov_presets_at(s, 0)->number == 4 && ov_presets_at(s, 1)->number == 9);
    CHECK(strcmp(ov_presets_at(s, 0)->caption, "spaced out") == 0);
    ov_config cfg;
    ov_config_defaults(&cfg);
    char err[256];
    CHECK(ov_preset_apply(ov_presets_at(s, 0), &cfg, err, sizeof err));
    CHECK(strcmp(cfg.surface, "quadratic") == 0 && cfg.nruns == 0 && !cfg.has_kappa);
    ov_presets_destroy(s);

    /* A file that cannot be read. */
    char path_err[512] = "";
    CHECK(ov_presets_load("/nonexistent/presets.txt", path_err, sizeof path_err) == NULL);
    CHECK(strstr(path_err, "'/nonexistent/presets.txt'") != NULL);
}

/* Applying resets the scene, keeps the window and output settings. */
static void test_apply_and_command_line(void)
{
    ov_preset_set *s = parse_text("[1 f]\ncaption = it's\nsurface = x^2 + 2*y^2\n"
                                  "start = 1,1\noptimizer = gd:alpha=0.1\n");
    const ov_preset *p = ov_presets_by_number(s, 1);
    ov_config cfg;
    ov_config_defaults(&cfg);
    cfg.width = 640;
    cfg.height = 480;
    cfg.ui_scale = 2.0f;
    cfg.projector = true;
    cfg.output_dir = "/tmp";
    cfg.gif_frames = 7;
    cfg.has_kappa = true;
    cfg.kappa = 50;
    cfg.nruns = 3;
    cfg.has_view = true;
    char err[256];
    CHECK(p && ov_preset_apply(p, &cfg, err, sizeof err));
    CHECK(cfg.width == 640 && cfg.height == 480 && cfg.ui_scale == 2.0f && cfg.projector);
    CHECK(cfg.output_dir && strcmp(cfg.output_dir, "/tmp") == 0 && cfg.gif_frames == 7);
    CHECK(!cfg.has_kappa && !cfg.has_view && cfg.nruns == 1);
    CHECK(cfg.has_start && cfg.start.x == 1.0 && strcmp(cfg.surface, "x^2 + 2*y^2") == 0);
    CHECK(strcmp(cfg.preset, "f") == 0 && strcmp(cfg.caption, "it's") == 0);

    char cmd[256];
    CHECK(p && ov_preset_command_line(p, cmd, sizeof cmd));
    CHECK_MSG(strcmp(cmd, "optiviz --surface 'x^2 + 2*y^2' --start 1,1 "
                          "--optimizer gd:alpha=0.1") == 0, "got %s", cmd);
    CHECK(p && !ov_preset_command_line(p, cmd, 20));
    ov_presets_destroy(s);
}

static void test_cli(void)
{
    unsetenv("OPTIVIZ_PRESETS");
    CHECK(parse("--preset", "ill-conditioned", NULL) == 0);
    CHECK(g_cfg.action == OV_ACTION_WINDOW && strcmp(g_cfg.preset, "ill-conditioned") == 0);
    CHECK(g_cfg.kappa == 100.0 && g_cfg.nruns == 2 && g_cfg.caption[0] != 0);
    CHECK(g_cfg.has_panels && g_cfg.panels == 1u << panel_bit("loss"));
    CHECK(parse("--preset=5", NULL) == 0 && strcmp(g_cfg.preset, "ill-conditioned") == 0);

    /* Every other option overrides the preset, whatever the order. */
    CHECK(parse("--preset", "5", "--kappa", "20", NULL) == 0 && g_cfg.kappa == 20.0);
    CHECK(parse("--kappa", "20", "--preset", "5", NULL) == 0 && g_cfg.kappa == 20.0);
    CHECK(g_cfg.theta == 30.0 && g_cfg.steps == 200);
    CHECK(parse("--steps", "7", "--preset", "rosenbrock", "--size", "800x600", NULL) == 0);
    CHECK(g_cfg.steps == 7 && g_cfg.width == 800 && strcmp(g_cfg.surface, "rosenbrock") == 0);

    /* Runs on the command line replace the preset's, not add to them. */
    CHECK(parse("--optimizer", "nesterov", "--preset", "5", "--optimizers", "gd,adam",
                NULL) == 0);
    CHECK(g_cfg.nruns == 3 && g_cfg.runs[0].kind == OV_OPT_NESTEROV &&
          g_cfg.runs[2].kind == OV_OPT_ADAM);
    /* --alpha overrides the preset runs' own alpha. */
    CHECK(parse("--preset", "3", "--alpha", "0.05", NULL) == 0);
    CHECK(g_cfg.nruns == 2 && !g_cfg.runs[0].has_alpha && !g_cfg.runs[1].has_alpha);
    CHECK(g_cfg.has_alpha && g_cfg.alpha == 0.05);
    CHECK(parse("--preset", "3", NULL) == 0 && g_cfg.runs[1].has_alpha);

    /* Unknown names, with a suggestion and the list. */
    CHECK(parse("--preset", "divergance", NULL) == 2);
    CHECK(strstr(g_err, "--preset: unknown preset 'divergance'; did you mean 'divergence'?"));
    CHECK(strstr(g_err, "1 step-too-small") && strstr(g_err, "9 rosenbrock"));
    CHECK(parse("--preset", "zzzzzzzzzz", NULL) == 2 && !strstr(g_err, "did you mean"));
    CHECK(parse("--preset", "0", NULL) == 2 && strstr(g_err, "'0'"));
    CHECK(parse("--preset", "1", "--preset", "2", NULL) == 2 &&
          strstr(g_err, "more than once"));
    CHECK(parse("--preset", NULL) == 2 && strstr(g_err, "missing value"));
    /* The first error on the line is the one reported. */
    CHECK(parse("--kappa", "0", "--preset", "nope", NULL) == 2 && strstr(g_err, "--kappa"));
    CHECK(parse("--preset", "nope", "--kappa", "0", NULL) == 2 && strstr(g_err, "--preset"));
    CHECK(parse("--list-preset", NULL) == 2 && strstr(g_err, "did you mean '--list-presets'"));

    CHECK(parse("--list-presets", NULL) == 0 && g_cfg.action == OV_ACTION_LIST_PRESETS);
    CHECK(parse("--list-presets", "--help", NULL) == 0 && g_cfg.action == OV_ACTION_HELP);

    /* OPTIVIZ_PRESETS: a file with a bad preset; asking for it says why. */
    const char *tmp = getenv("OV_TMP");
    char path[512];
    snprintf(path, sizeof path, "%s/test_cli_preset.txt", tmp ? tmp : "/tmp");
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        CHECK(fputs("[1 fine]\ncaption = ok\n[2 broken]\ncaption = no\nbeta = 1\n", f) >= 0);
        CHECK(fclose(f) == 0);
    }
    setenv("OPTIVIZ_PRESETS", path, 1);
    CHECK(parse("--preset", "fine", NULL) == 0 && strcmp(g_cfg.preset, "fine") == 0);
    CHECK(parse("--preset", "broken", NULL) == 2);
    CHECK_MSG(strstr(g_err, "--preset: preset 'broken' is invalid and was skipped: ") &&
              strstr(g_err, "test_cli_preset.txt:5: --beta: '1'"), "got %s", g_err);
    setenv("OPTIVIZ_PRESETS", "/nonexistent/p.txt", 1);
    CHECK(parse("--preset", "fine", NULL) == 2 && strstr(g_err, "cannot load the presets") &&
          strstr(g_err, "/nonexistent/p.txt"));
    unsetenv("OPTIVIZ_PRESETS");
    remove(path);
}

static void test_list_presets(void)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    CHECK(f != NULL);
    if (!f)
        return;
    CHECK(ov_cli_print_presets(f));
    CHECK(fclose(f) == 0);
    CHECK(text && strstr(text, "\n1  step-too-small\n   The step size is too small"));
    CHECK(text && strstr(text, "\n9  rosenbrock\n"));
    CHECK(text && strstr(text, "optiviz --surface 'sqrt(1 + x^2 + 4*y^2) - 1' --start "));
    CHECK(text && strstr(text, "--kappa 1e10 --theta 0"));
    free(text);
    FILE *full = fopen("/dev/full", "w");
    if (full) {
        CHECK(!ov_cli_print_presets(full));
        fclose(full);
    }
}

int main(void)
{
    test_shipped_file();
    test_shipped_behaviour();
    test_installed_layout();
    test_parser_errors();
    test_apply_and_command_line();
    test_cli();
    test_list_presets();
    return ov_test_finish("test_cli_preset");
}
