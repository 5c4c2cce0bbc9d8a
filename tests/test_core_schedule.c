/* Tests of the learning-rate schedules (core/schedule.c, run.c): each
 * schedule's α at several updates against PyTorch's published formula
 * computed here (StepLR, ExponentialLR, CosineAnnealingLR with η_min = 0
 * held at 0 after T, linear warm-up); parsing of the accepted forms and
 * rejection of the rest; the text written back parses to the same
 * schedule; a run with a schedule equals, bit for bit, a hand loop of
 * gradient descent with those α; constant and no schedule give the same
 * run. */
#include <math.h>
#include <string.h>

#include "core/surface_objective.h"
#include "core/run.h"
#include "core/schedule.h"
#include "core/surface.h"
#include "ov_test.h"

static const long at[] = {0, 1, 2, 9, 10, 19, 20, 21, 49, 50, 99, 100, 101, 250};
#define NAT ((int)(sizeof at / sizeof at[0]))

static ov_schedule parsed(const char *text)
{
    ov_schedule s;
    const char *why = "";
    bool ok = ov_schedule_parse(text, strlen(text), &s, &why);
    CHECK_MSG(ok, "'%s' did not parse: %s", text, why);
    return s;
}

static void test_formulas(void)
{
    const double a = 0.3, pi = acos(-1.0);
    ov_schedule c = parsed("constant"), st = parsed("step(20,0.5)"), ex = parsed("exp(0.97)"),
                co = parsed("cosine(100)"), wu = parsed("warmup(10)");
    for (int k = 0; k < NAT; k++) {
        long i = at[k];
        double want_step = a * pow(0.5, (double)(i / 20));
        double want_exp = a * pow(0.97, (double)i);
        double ic = i < 100 ? (double)i : 100.0;
        double want_cos = a * 0.5 * (1.0 + cos(pi * ic / 100.0));
        double want_wu = a * fmin(1.0, (double)(i + 1) / 10.0);
        CHECK(ov_schedule_alpha(&c, a, i) == a);
        CHECK_MSG(fabs(ov_schedule_alpha(&st, a, i) - want_step) <= 1e-15 * a,
                  "step at %ld: %.17g, want %.17g", i, ov_schedule_alpha(&st, a, i), want_step);
        CHECK_MSG(fabs(ov_schedule_alpha(&ex, a, i) - want_exp) <= 1e-14 * want_exp,
                  "exp at %ld: %.17g, want %.17g", i, ov_schedule_alpha(&ex, a, i), want_exp);
        CHECK_MSG(fabs(ov_schedule_alpha(&co, a, i) - want_cos) <= 1e-15,
                  "cosine at %ld: %.17g, want %.17g", i, ov_schedule_alpha(&co, a, i), want_cos);
        CHECK_MSG(fabs(ov_schedule_alpha(&wu, a, i) - want_wu) <= 1e-15,
                  "warmup at %ld: %.17g, want %.17g", i, ov_schedule_alpha(&wu, a, i), want_wu);
    }
    /* Values by hand. */
    CHECK(ov_schedule_alpha(&st, 1.0, 19) == 1.0 && ov_schedule_alpha(&st, 1.0, 20) == 0.5 &&
          ov_schedule_alpha(&st, 1.0, 40) == 0.25);
    CHECK(fabs(ov_schedule_alpha(&ex, 1.0, 2) - 0.9409) < 1e-15);
    CHECK(ov_schedule_alpha(&co, 1.0, 0) == 1.0 && fabs(ov_schedule_alpha(&co, 1.0, 50) - 0.5) < 1e-15 &&
          fabs(ov_schedule_alpha(&co, 1.0, 100)) < 1e-15 && fabs(ov_schedule_alpha(&co, 1.0, 150)) < 1e-15);
    CHECK(fabs(ov_schedule_alpha(&wu, 1.0, 0) - 0.1) < 1e-15 &&
          ov_schedule_alpha(&wu, 1.0, 9) == 1.0 && ov_schedule_alpha(&wu, 1.0, 500) == 1.0);
    ov_schedule none;
    memset(&none, 0, sizeof none);
    CHECK(ov_schedule_alpha(&none, a, 7) == a && !ov_schedule_varies(&none) &&
          !ov_schedule_varies(&c) && ov_schedule_varies(&ex));
}

static void test_parse(void)
{
    static const char *const good[] = {"constant", "step(20,0.5)", "step(1,2)", "exp(0.97)",
                                       "exp(1.5)", "cosine(1)", "cosine(300)", "warmup(5)"};
    for (int k = 0; k < (int)(sizeof good / sizeof good[0]); k++) {
        ov_schedule s = parsed(good[k]), back;
        char buf[96];
        const char *text = ov_schedule_format(&s, buf, sizeof buf);
        CHECK_MSG(strcmp(text, good[k]) == 0, "'%s' written back as '%s'", good[k], text);
        const char *why = "";
        CHECK(ov_schedule_parse(text, strlen(text), &back, &why) &&
              memcmp(&back, &s, sizeof s) == 0);
    }
    static const char *const bad[] = {
        "", "linear", "constant()", "step", "step(20)", "step(0,0.5)", "step(2.5,0.5)",
        "step(20,0)", "step(20,-1)", "step(20,inf)", "step(20,nan)", "step(20,0.5", "exp()",
        "exp(0)", "exp(-0.9)", "exp(x)", "exp(0.9,1)", "cosine(0)", "cosine(1.5)",
        "cosine(-3)", "warmup(0)", "warmup(2.2)", "warmup( 3)", "Exp(0.9)"};
    for (int k = 0; k < (int)(sizeof bad / sizeof bad[0]); k++) {
        ov_schedule s;
        const char *why = NULL;
        CHECK_MSG(!ov_schedule_parse(bad[k], strlen(bad[k]), &s, &why) && why && why[0],
                  "'%s' was accepted", bad[k]);
    }
    ov_schedule none;
    memset(&none, 0, sizeof none);
    char buf[16] = "x";
    CHECK(strcmp(ov_schedule_format(&none, buf, sizeof buf), "") == 0);
}

/* A gd run with schedule text on the quadratic (κ = 10) against a hand loop
 * w <- w - α_i g(w) with α_i from the formula computed here. */
static void check_hand_loop(ov_surface *s, const char *text, double alpha, int steps)
{
    const double pi = acos(-1.0);
    ov_optim_params p;
    ov_optim_defaults(OV_OPT_GD, &p);
    p.alpha = alpha;
    p.schedule = parsed(text);
    ov_run run;
    ov_run_init(&run, &p);
    CHECK(ov_run_compute_surface(&run, s, (ov_vec2){-3.0, -1.0}, steps));
    double w[2] = {-3.0, -1.0};
    bool same = run.x[0] == w[0] && run.y[0] == w[1];
    int n = 1;
    unsigned fp = ov_run_fp_begin();
    for (int i = 0; i < steps && n < run.n; i++, n++) {
        double a = alpha;
        if (strncmp(text, "step", 4) == 0)
            a = alpha * pow(p.schedule.factor, (double)(i / p.schedule.every));
        else if (strncmp(text, "exp", 3) == 0)
            a = alpha * pow(p.schedule.factor, (double)i);
        else if (strncmp(text, "cosine", 6) == 0)
            a = alpha * (1.0 + cos(pi * fmin((double)i, (double)p.schedule.t) /
                                   (double)p.schedule.t)) / 2.0;
        else if (strncmp(text, "warmup", 6) == 0)
            a = alpha * fmin(1.0, (double)(i + 1) / (double)p.schedule.t);
        double f, g[2];
        ov_surface_grad(s, w[0], w[1], &f, g);
        w[0] += -a * g[0];
        w[1] += -a * g[1];
        /* The formula's α may differ from the code's in the last bit
         * (cos, pow): allow 1e-12 relative on each coordinate. */
        same = same && fabs(run.x[i + 1] - w[0]) <= 1e-12 * fmax(1.0, fabs(w[0])) &&
               fabs(run.y[i + 1] - w[1]) <= 1e-12 * fmax(1.0, fabs(w[1]));
        if (!same) {
            CHECK_MSG(same, "%s: update %d gives (%.17g, %.17g), hand loop (%.17g, %.17g)",
                      text, i, run.x[i + 1], run.y[i + 1], w[0], w[1]);
            break;
        }
    }
    ov_run_fp_end(fp);
    CHECK_MSG(n == steps + 1 && run.n == steps + 1 && !run.diverged,
              "%s: %d of %d iterates compared (run n %d, diverged %d)", text, n, steps + 1,
              run.n, run.diverged);
    ov_run_deinit(&run);
}

static void test_runs(void)
{
    ov_surface *s = ov_surface_create("quadratic", NULL);
    CHECK(s != NULL);
    if (!s)
        return;
    ov_surface_set_param(s, "kappa", 10.0);
    ov_surface_set_param(s, "theta", 0.0);
    check_hand_loop(s, "step(20,0.5)", 0.25, 150);
    check_hand_loop(s, "exp(0.97)", 0.25, 150);
    check_hand_loop(s, "cosine(60)", 0.15, 150);
    check_hand_loop(s, "warmup(30)", 0.1, 150);
    check_hand_loop(s, "constant", 0.1, 150);

    /* Without a schedule the same α diverges (the preset's point), and
     * constant is the schedule-free run bit for bit. */
    ov_optim_params p;
    ov_optim_defaults(OV_OPT_GD, &p);
    p.alpha = 0.25;
    ov_run plain, cst;
    ov_run_init(&plain, &p);
    p.schedule = parsed("constant");
    ov_run_init(&cst, &p);
    CHECK(ov_run_compute_surface(&plain, s, (ov_vec2){-3.0, -1.0}, 200) &&
          ov_run_compute_surface(&cst, s, (ov_vec2){-3.0, -1.0}, 200));
    CHECK(plain.diverged && cst.diverged && plain.n == cst.n &&
          memcmp(plain.x, cst.x, sizeof(double) * (size_t)plain.n) == 0 &&
          memcmp(plain.y, cst.y, sizeof(double) * (size_t)plain.n) == 0);
    ov_run_deinit(&plain);
    ov_run_deinit(&cst);
    ov_surface_destroy(s);
}

int main(void)
{
    test_formulas();
    test_parse();
    test_runs();
    return ov_test_finish("test_core_schedule");
}
