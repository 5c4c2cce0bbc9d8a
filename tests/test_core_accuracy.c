/* Accuracy of the expression engine where a textbook identity loses digits,
 * against references computed here a different way (exp, log1p in long
 * double):
 * - tanh's derivative sech²(a) and second derivative -2 tanh(a) sech²(a)
 *   at |a| = 10 and 20, where 1 - tanh² has lost all or most of its digits,
 *   and rprop on tanh(x) from x = 20, which only moves if that derivative
 *   is not 0;
 * - integer powers with a large exponent (x^1048576 near 1, a negative base
 *   to an odd power), whose repeated squaring rounds once per squaring. */
#include <math.h>

#include "core/surface_objective.h"
#include "core/expr.h"
#include "core/run.h"
#include "core/surface.h"
#include "ov_test.h"

/* |got - want| <= rel |want|, printing both when it fails. */
#define CHECK_REL(got, want, rel) CHECK_NEAR(got, want, (rel) * fabs((double)(want)))

typedef struct derivs {
    double v, g[2], h[3];
} derivs;

/* Value, gradient and Hessian of src (in x) at x, through all three
 * evaluation paths, which must agree. */
static derivs eval_all(const char *src, double x)
{
    derivs d = {NAN, {NAN, NAN}, {NAN, NAN, NAN}};
    ov_expr_error err;
    ov_expr *e = ov_expr_create(src, NULL, 0, &err);
    CHECK_MSG(e != NULL, "'%s': %s", src, err.message);
    if (!e)
        return d;
    double v1 = ov_expr_value(e, x, 0.0, NULL), v2, g2[2];
    ov_expr_grad(e, x, 0.0, NULL, &v2, g2);
    ov_expr_hess(e, x, 0.0, NULL, &d.v, d.g, d.h);
    CHECK_MSG(v1 == d.v && v2 == d.v, "%s at %g: values %.17g %.17g %.17g", src, x, v1, v2, d.v);
    CHECK_MSG(g2[0] == d.g[0], "%s at %g: d/dx %.17g vs %.17g", src, x, g2[0], d.g[0]);
    ov_expr_destroy(e);
    return d;
}

static void test_tanh(void)
{
    const double xs[] = {10.0, -10.0, 20.0, -20.0, 0.5};
    for (size_t i = 0; i < sizeof xs / sizeof xs[0]; i++) {
        double a = xs[i], q = exp(-2.0 * fabs(a));
        /* sech² a = 4 e^{-2|a|} / (1 + e^{-2|a|})², tanh a = ±(1 - q)/(1 + q). */
        double sech2 = 4.0 * q / ((1.0 + q) * (1.0 + q));
        double th = copysign((1.0 - q) / (1.0 + q), a);
        derivs d = eval_all("tanh(x)", a);
        CHECK_REL(d.v, th, 1e-15);
        CHECK_REL(d.g[0], sech2, 1e-14);
        CHECK_REL(d.h[0], -2.0 * th * sech2, 1e-14);
        CHECK(d.g[1] == 0.0 && d.h[1] == 0.0 && d.h[2] == 0.0);
    }
    /* At 20, 1 - tanh² is exactly 0 in doubles; sech² is 1.7e-17. */
    derivs d = eval_all("tanh(x)", 20.0);
    CHECK_MSG(d.g[0] > 1e-17, "d/dx tanh at 20 = %g", d.g[0]);
}

static void test_rprop_on_tanh(void)
{
    ov_expr_error err;
    ov_surface *s = ov_surface_create("tanh(x)", &err);
    CHECK(s != NULL);
    if (!s)
        return;
    ov_optim_params p;
    ov_optim_defaults(OV_OPT_RPROP, &p);
    p.alpha = 0.5;
    ov_run r;
    ov_run_init(&r, &p);
    /* The gradient is positive: each step goes down by the step size,
     * which grows by 1.2 while the sign holds: 20, 19.5, 18.9, 18.18. */
    CHECK(ov_run_compute_surface(&r, s, (ov_vec2){20.0, 0.0}, 3));
    CHECK_MSG(r.n == 4, "%d iterates", r.n);
    if (r.n == 4) {
        CHECK_NEAR(r.x[1], 19.5, 1e-15);
        CHECK_NEAR(r.x[2], 18.9, 1e-14);
        CHECK_NEAR(r.x[3], 18.18, 1e-14);
    }
    ov_run_deinit(&r);
    ov_surface_destroy(s);
}

static void test_large_powers(void)
{
    /* (1 + 2^-20)^(2^20) = exp(2^20 log1p(2^-20)), about e. */
    double x = 1.0 + ldexp(1.0, -20);
    long double n = 1048576.0L;
    long double ref = expl(n * log1pl((long double)ldexp(1.0, -20)));
    long double ref1 = expl((n - 1) * log1pl((long double)ldexp(1.0, -20)));
    long double ref2 = expl((n - 2) * log1pl((long double)ldexp(1.0, -20)));
    derivs d = eval_all("x^1048576", x);
    CHECK_REL(d.v, (double)ref, 1e-15);
    CHECK_REL(d.g[0], (double)(n * ref1), 1e-15);
    CHECK_REL(d.h[0], (double)(n * (n - 1) * ref2), 1e-15);

    /* A negative base to an odd power stays negative. */
    double y = -(1.0 + 1e-7);
    long double m = 999999.0L;
    /* (the references take the double's exact value: -y - 1 is exact) */
    long double neg = -expl(m * log1pl(-(long double)y - 1.0L));
    d = eval_all("x^999999", y);
    CHECK_REL(d.v, (double)neg, 1e-15);
    CHECK_REL(d.g[0], (double)(m * neg / (long double)y), 1e-15);

    /* Negative exponents: x^-1000 at 1.001 = exp(-1000 log1p(0.001)). */
    double z = 1.001;
    d = eval_all("x^-1000", z);
    CHECK_REL(d.v, (double)expl(-1000.0L * log1pl((long double)z - 1.0L)), 1e-15);
    /* Small exponents still by multiplication: exact where the product is. */
    d = eval_all("x^4", 3.0);
    CHECK(d.v == 81.0 && d.g[0] == 108.0 && d.h[0] == 108.0);
}

int main(void)
{
    test_tanh();
    test_rprop_on_tanh();
    test_large_powers();
    return ov_test_finish("test_core_accuracy");
}
