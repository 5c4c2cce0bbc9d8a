/* Typed update rules: gd's and momentum's rules typed in give the
 * built-ins' trajectories bit for bit, a typed Adam matches adam to 1e-12,
 * sign/min/max, the error messages (column, unknown name, no w, a fixed
 * name assigned), a diverging rule ends with the usual marker, and the
 * run's name. */
#include <math.h>
#include <string.h>

#include "core/surface_objective.h"
#include "core/rule.h"
#include "core/run.h"
#include "core/surface.h"
#include "ov_test.h"

static ov_run run_with(ov_optim_kind kind, const char *rule, double alpha, ov_surface *s,
                       ov_vec2 start, int steps)
{
    ov_optim_params p;
    ov_optim_defaults(kind, &p);
    p.alpha = alpha;
    if (rule) {
        ov_expr_error err;
        p.rule = ov_rule_intern(rule, "", &err);
        CHECK_MSG(p.rule != NULL, "'%s': %s", rule, err.message);
    }
    ov_run r;
    ov_run_init(&r, &p);
    CHECK(ov_run_compute_surface(&r, s, start, steps));
    return r;
}

static bool same(const ov_run *a, const ov_run *b)
{
    return a->n == b->n && memcmp(a->x, b->x, (size_t)a->n * sizeof(double)) == 0 &&
           memcmp(a->y, b->y, (size_t)a->n * sizeof(double)) == 0;
}

static void test_bit_for_bit(void)
{
    static const char *const surfaces[] = {"rosenbrock", "quadratic", "beale"};
    for (int i = 0; i < 3; i++) {
        ov_surface *s = ov_surface_create(surfaces[i], NULL);
        CHECK(s != NULL);
        if (!s)
            continue;
        double a = ov_surface_default_alpha(s, OV_OPT_GD);
        ov_run gd = run_with(OV_OPT_GD, NULL, a, s, s->start, 400);
        ov_run tgd = run_with(OV_OPT_RULE, "w = w - alpha*g", a, s, s->start, 400);
        CHECK_MSG(same(&gd, &tgd), "typed gd differs from gd on %s", surfaces[i]);
        /* A rule run with no text is gd's rule. */
        ov_run plain = run_with(OV_OPT_RULE, NULL, a, s, s->start, 400);
        CHECK(same(&gd, &plain));
        double am = ov_surface_default_alpha(s, OV_OPT_MOMENTUM);
        ov_run mom = run_with(OV_OPT_MOMENTUM, NULL, am, s, s->start, 400);
        ov_run tmom = run_with(OV_OPT_RULE, "u = beta*u - g; w = w + alpha*u", am, s, s->start,
                               400);
        CHECK_MSG(same(&mom, &tmom), "typed momentum differs from momentum on %s",
                  surfaces[i]);
        CHECK(mom.n > 100 && (mom.x[mom.n - 1] != gd.x[gd.n - 1]));
        ov_run_deinit(&gd);
        ov_run_deinit(&tgd);
        ov_run_deinit(&plain);
        ov_run_deinit(&mom);
        ov_run_deinit(&tmom);
        ov_surface_destroy(s);
    }
}

static void test_typed_adam(void)
{
    ov_surface *s = ov_surface_create("rosenbrock", NULL);
    CHECK(s != NULL);
    if (!s)
        return;
    ov_run adam = run_with(OV_OPT_ADAM, NULL, 0.05, s, s->start, 300);
    ov_run typed = run_with(OV_OPT_RULE,
                            "m = beta*m + (1 - beta)*g; s = beta2*s + (1 - beta2)*g^2;\n"
                            "w = w - alpha*(m/(1 - beta^t))/(sqrt(s/(1 - beta2^t)) + eps)",
                            0.05, s, s->start, 300);
    CHECK(adam.n == typed.n && adam.n == 301);
    double worst = 0.0;
    for (int i = 0; i < adam.n && i < typed.n; i++)
        worst = fmax(worst, fmax(fabs(adam.x[i] - typed.x[i]), fabs(adam.y[i] - typed.y[i])));
    CHECK_MSG(worst <= 1e-12, "typed adam %.3g from adam", worst);
    printf("typed adam: at most %.2g from adam over 300 steps\n", worst);
    ov_run_deinit(&adam);
    ov_run_deinit(&typed);
    ov_surface_destroy(s);
}

/* sign, min and max, by hand: from w = (0.5, -0.2) on x^2 + y^2 the rule
 * w = max(min(w - 0.3*sign(g), 0.4), -0.45) gives (max(min(0.2, 0.4), -0.45),
 * max(min(0.1, 0.4), -0.45)) = (0.2, 0.1), then (max(min(-0.1, ...)) ...). */
static void test_functions(void)
{
    ov_surface *s = ov_surface_create("x^2 + y^2", NULL);
    CHECK(s != NULL);
    if (!s)
        return;
    ov_run r = run_with(OV_OPT_RULE, "w = max(min(w - 0.3*sign(g), 0.4), -0.45)", 1.0, s,
                        (ov_vec2){0.5, -0.2}, 3);
    CHECK(r.n == 4);
    CHECK_NEAR(r.x[1], 0.2, 1e-15);
    CHECK_NEAR(r.y[1], 0.1, 1e-15);
    CHECK_NEAR(r.x[2], -0.1, 1e-15);
    CHECK_NEAR(r.y[2], -0.2, 1e-15);
    CHECK_NEAR(r.x[3], 0.2, 1e-15);
    CHECK_NEAR(r.y[3], 0.1, 1e-15);
    /* The lower clamp: -0.45 + 0.3 ... from (0.1, 0): sign(0) = 0. */
    ov_run_deinit(&r);
    r = run_with(OV_OPT_RULE, "w = max(w - 0.3*sign(g) - 1, -0.45)", 1.0, s,
                 (ov_vec2){0.1, 0.0}, 1);
    CHECK_NEAR(r.x[1], -0.45, 1e-15);   /* 0.1 - 0.3 - 1 = -1.2, clamped */
    CHECK_NEAR(r.y[1], -0.45, 1e-15);   /* 0 - 0 - 1 = -1, clamped */
    ov_run_deinit(&r);
    ov_surface_destroy(s);
}

static void check_error(const char *rule, int column, const char *needle)
{
    ov_expr_error err;
    memset(&err, 0, sizeof err);
    const ov_rule *r = ov_rule_intern(rule, "", &err);
    CHECK_MSG(r == NULL, "'%s' compiled", rule);
    CHECK_MSG(err.column == column, "'%s': column %d, expected %d (%s)", rule, err.column,
              column, err.message);
    CHECK_MSG(strstr(err.message, needle) != NULL, "'%s': '%s' lacks '%s'", rule, err.message,
              needle);
}

static void test_errors(void)
{
    check_error("u = beta*u - g; w = w + alpha*q", 31, "unknown name 'q'");
    check_error("u = beta*u - g; w = w + alpha*q", 31, "names: w, g, t, alpha, beta, beta2, eps, u");
    check_error("u = beta*u - g", 1, "never assigns w");
    check_error("g = 1; w = w", 1, "'g' cannot be assigned");
    check_error("w = w; alpha = 2", 8, "'alpha' cannot be assigned");
    check_error("w w - g", 1, "expected NAME = FORMULA");
    check_error("w = w - alpha*", 15, "formula ends");
    check_error("w = min(w, )", 12, "");
    check_error("w = min(w)", 10, "two arguments");
    check_error("w = x", 5, "unknown name 'x'");   /* no x or y in a rule */
    check_error("w = w - exp(g", 14, "')'");
    /* Formulas elsewhere still have no sign, min or max. */
    ov_expr_error err;
    CHECK(ov_expr_create("sign(x)", NULL, 0, &err) == NULL);
    CHECK(ov_expr_create("min(x, y)", NULL, 0, &err) == NULL);
    /* Names: a rule and the name it goes by. */
    CHECK(ov_rule_name_ok("my-rule2", 8) && !ov_rule_name_ok("a b", 3) &&
          !ov_rule_name_ok("", 0) && !ov_rule_name_ok("x_y", 3));
    ov_optim_params p;
    ov_optim_defaults(OV_OPT_RULE, &p);
    char buf[64];
    CHECK(strcmp(ov_optim_run_name(&p, buf, sizeof buf), "rule") == 0);
    p.rule = ov_rule_intern("w = w - alpha*g", "mine", &err);
    CHECK(p.rule && strcmp(ov_optim_run_name(&p, buf, sizeof buf), "rule-mine") == 0);
    /* The same text and name give the same compiled rule. */
    CHECK(ov_rule_intern("w = w - alpha*g", "mine", &err) == p.rule);
    CHECK(ov_rule_intern("w = w - alpha*g", "", &err) != p.rule);
    /* Defaults: gd's α on each surface, momentum's β. */
    CHECK(p.beta == 0.9);
}

/* A rule that diverges ends as any run does: the first bad iterate not
 * stored, diverged set. */
static void test_divergence(void)
{
    ov_surface *s = ov_surface_create("quadratic", NULL);
    CHECK(s != NULL);
    if (!s)
        return;
    ov_run r = run_with(OV_OPT_RULE, "w = w - 3*g", 1.0, s, s->start, 200);
    CHECK(r.diverged && r.diverged_step > 1 && r.n == r.diverged_step);
    for (int i = 0; i < r.n; i++)
        CHECK(fabs(r.x[i]) <= OV_DIVERGE_LIMIT && fabs(r.y[i]) <= OV_DIVERGE_LIMIT);
    ov_run_deinit(&r);
    ov_surface_destroy(s);
}

int main(void)
{
    test_bit_for_bit();
    test_typed_adam();
    test_functions();
    test_errors();
    test_divergence();
    return ov_test_finish("test_core_optim_rule");
}
