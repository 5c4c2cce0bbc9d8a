/* Tests of the expression engine (src/core/expr*.c): parsing, precedence,
 * every function's value and first and second derivatives against closed
 * forms written here by hand, parameters, every parse error with its column,
 * hostile input, the error report, the GLSL text, and a randomized check of
 * gradients and Hessians against central finite differences. */
#include "core/expr.h"
#include "ov_test.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *const g_params[] = {"kappa", "theta"};

/* Value of src at (x, y) with no parameters; NaN (and a failed check) when
 * it does not parse. */
static double val(const char *src, double x, double y)
{
    ov_expr_error err;
    ov_expr *e = ov_expr_create(src, NULL, 0, &err);
    CHECK_MSG(e != NULL, "'%s' failed to parse: %s (column %d)", src, err.message, err.column);
    if (!e)
        return NAN;
    double v = ov_expr_value(e, x, y, NULL);
    ov_expr_destroy(e);
    return v;
}

typedef struct derivs {
    double v, g[2], h[3];
} derivs;

/* Value, gradient and Hessian of src; also checks that the three evaluation
 * paths agree on the value and the two derivative paths on the gradient. */
static derivs hess_of(const char *src, double x, double y, const double *params)
{
    derivs d = {NAN, {NAN, NAN}, {NAN, NAN, NAN}};
    ov_expr_error err;
    ov_expr *e = ov_expr_create(src, g_params, 2, &err);
    CHECK_MSG(e != NULL, "'%s' failed to parse: %s (column %d)", src, err.message, err.column);
    if (!e)
        return d;
    double v1 = ov_expr_value(e, x, y, params), v2, g2[2];
    ov_expr_grad(e, x, y, params, &v2, g2);
    ov_expr_hess(e, x, y, params, &d.v, d.g, d.h);
    CHECK_MSG(v1 == d.v || (isnan(v1) && isnan(d.v)), "%s: value %.17g vs %.17g", src, v1, d.v);
    CHECK_MSG(v2 == d.v || (isnan(v2) && isnan(d.v)), "%s: value %.17g vs %.17g", src, v2, d.v);
    CHECK_MSG(fabs(g2[0] - d.g[0]) <= 1e-12 * (1 + fabs(d.g[0])) &&
                  fabs(g2[1] - d.g[1]) <= 1e-12 * (1 + fabs(d.g[1])),
              "%s: grad (%g, %g) vs hess path (%g, %g)", src, g2[0], g2[1], d.g[0], d.g[1]);
    ov_expr_destroy(e);
    return d;
}

/* Checks value, gradient and Hessian of src at (x, y) against expectations. */
static void check_derivs(const char *src, double x, double y, const double *params, double v,
                         double gx, double gy, double hxx, double hxy, double hyy)
{
    derivs d = hess_of(src, x, y, params);
    double t = 1e-12;
    CHECK_MSG(fabs(d.v - v) <= t * (1 + fabs(v)), "%s: value %.17g, expected %.17g", src, d.v, v);
    CHECK_MSG(fabs(d.g[0] - gx) <= t * (1 + fabs(gx)), "%s: d/dx %.17g, expected %.17g", src,
              d.g[0], gx);
    CHECK_MSG(fabs(d.g[1] - gy) <= t * (1 + fabs(gy)), "%s: d/dy %.17g, expected %.17g", src,
              d.g[1], gy);
    CHECK_MSG(fabs(d.h[0] - hxx) <= t * (1 + fabs(hxx)), "%s: d2/dx2 %.17g, expected %.17g", src,
              d.h[0], hxx);
    CHECK_MSG(fabs(d.h[1] - hxy) <= t * (1 + fabs(hxy)), "%s: d2/dxdy %.17g, expected %.17g", src,
              d.h[1], hxy);
    CHECK_MSG(fabs(d.h[2] - hyy) <= t * (1 + fabs(hyy)), "%s: d2/dy2 %.17g, expected %.17g", src,
              d.h[2], hyy);
}

/* Checks that src fails to parse at column col with a message containing want. */
static void check_error(const char *src, int col, const char *want)
{
    ov_expr_error err;
    memset(&err, 0x55, sizeof err);
    ov_expr *e = ov_expr_create(src, g_params, 2, &err);
    CHECK_MSG(e == NULL, "'%s' parsed but should fail", src ? src : "(null)");
    ov_expr_destroy(e);
    if (e)
        return;
    CHECK_MSG(err.column == col, "'%s': column %d, expected %d (%s)", src ? src : "(null)",
              err.column, col, err.message);
    CHECK_MSG(memchr(err.message, '\0', sizeof err.message) != NULL, "message not terminated");
    CHECK_MSG(strstr(err.message, want) != NULL, "'%s': message \"%s\" lacks \"%s\"",
              src ? src : "(null)", err.message, want);
}

static void test_precedence(void)
{
    CHECK_NEAR(val("-x^2", 3, 0), -9.0, 0);
    CHECK_NEAR(val("-2^2", 0, 0), -4.0, 0);
    CHECK_NEAR(val("2^3^2", 0, 0), 512.0, 0);
    CHECK_NEAR(val("(2^3)^2", 0, 0), 64.0, 0);
    CHECK_NEAR(val("2^-1", 0, 0), 0.5, 0);
    CHECK_NEAR(val("2^-x", 2, 0), 0.25, 1e-15);
    CHECK_NEAR(val("(-2)^3", 0, 0), -8.0, 0);
    CHECK_NEAR(val("x^3", -2, 0), -8.0, 0);
    CHECK_NEAR(val("1-2-3", 0, 0), -4.0, 0);
    CHECK_NEAR(val("8/4/2", 0, 0), 1.0, 0);
    CHECK_NEAR(val("x/y/2", 8, 4), 1.0, 0);
    CHECK_NEAR(val("x-y-3", 1, 2), -4.0, 0);
    CHECK_NEAR(val("2*3+4*5", 0, 0), 26.0, 0);
    CHECK_NEAR(val("x*3+4*y", 2, 5), 26.0, 0);
    CHECK_NEAR(val("1+2*3", 0, 0), 7.0, 0);
    CHECK_NEAR(val("(1+2)*3", 0, 0), 9.0, 0);
    CHECK_NEAR(val("2*3^2", 0, 0), 18.0, 0);
    CHECK_NEAR(val("2^3*2", 0, 0), 16.0, 0);
    CHECK_NEAR(val("--x", 3, 0), 3.0, 0);
    CHECK_NEAR(val("-(-x)", 3, 0), 3.0, 0);
    CHECK_NEAR(val("- - -x", 3, 0), -3.0, 0);
    CHECK_NEAR(val("+-+x", 3, 0), -3.0, 0);
    CHECK_NEAR(val("x*-y", 3, 2), -6.0, 0);
    CHECK_NEAR(val("x^-y", 2, 2), 0.25, 1e-15);
    CHECK_NEAR(val("x^y^2", 2, 3), 512.0, 1e-12);
    CHECK_NEAR(val("-x^y", 2, 3), -8.0, 1e-12);
    CHECK_NEAR(val("x - -2", 1, 0), 3.0, 0);
    CHECK_NEAR(val(" \t x\n*\ry ", 3, 4), 12.0, 0);
    CHECK_NEAR(val("1e-3*1000", 0, 0), 1.0, 1e-15);
    CHECK_NEAR(val("2.5E+2", 0, 0), 250.0, 0);
    CHECK_NEAR(val("2.5e2", 0, 0), 250.0, 0);
    CHECK_NEAR(val(".5", 0, 0), 0.5, 0);
    CHECK_NEAR(val("3.", 0, 0), 3.0, 0);
    CHECK_NEAR(val("007", 0, 0), 7.0, 0);
    CHECK_NEAR(val("1E3", 0, 0), 1000.0, 0);
    CHECK_NEAR(val("x", 1.25, 0), 1.25, 0);
    CHECK_NEAR(val("y", 0, -4.5), -4.5, 0);
    CHECK_NEAR(val("pi", 0, 0), 3.14159265358979323846, 1e-15);
    CHECK_NEAR(val("e", 0, 0), 2.71828182845904523536, 1e-15);
    CHECK_NEAR(val("e*exp(0)", 0, 0), 2.71828182845904523536, 1e-15);
    CHECK_NEAR(val("exp(1)-e", 0, 0), 0.0, 1e-15);
    CHECK_NEAR(val("cos(pi)", 0, 0), -1.0, 1e-15);
    CHECK_NEAR(val("x^2", -3, 0), 9.0, 0);
    CHECK_NEAR(val("x^20", 2, 0), 1048576.0, 0);
    CHECK_NEAR(val("x^20", -1, 0), 1.0, 0);
    CHECK_NEAR(val("x^-3", -2, 0), -0.125, 0);
    CHECK_NEAR(val("x^0", 0, 0), 1.0, 0);
    CHECK_NEAR(val("x^1", 5, 0), 5.0, 0);
    CHECK_NEAR(val("4^0.5", 0, 0), 2.0, 1e-15);
    CHECK_NEAR(val("(1-x)^2 + 100*(y-x^2)^2", 1, 1), 0.0, 0);
    CHECK_NEAR(val("(1-x)^2 + 100*(y-x^2)^2", -1, 2), 104.0, 0);
    CHECK_NEAR(val("sqrt(-1)", 0, 0) != val("sqrt(-1)", 0, 0), 1.0, 0);
    CHECK(isinf(val("1/x", 0, 0)));
    CHECK(isinf(val("x^-1", 0, 0)));

    /* The source text is kept. */
    ov_expr *e = ov_expr_create(" x + y ", NULL, 0, NULL);
    CHECK(e && strcmp(ov_expr_source(e), " x + y ") == 0);
    ov_expr_destroy(e);
    ov_expr_destroy(NULL);
}

/* Closed-form f, f', f'' of every function, written independently of the
 * engine (e.g. tan' as 1/cos^2 rather than 1 + tan^2). */
static double sec2(double u) { return 1.0 / (cos(u) * cos(u)); }
static double sech2(double u) { return 1.0 / (cosh(u) * cosh(u)); }

static void check_func(const char *name, double (*f)(double), double f1, double f2, double x,
                       double y)
{
    /* g(x, y) = name(x*y): g_x = f'(u) y, g_xy = f''(u) x y + f'(u), ... */
    char src[64];
    snprintf(src, sizeof src, "%s(x*y)", name);
    double u = x * y;
    check_derivs(src, x, y, NULL, f(u), f1 * y, f1 * x, f2 * y * y, f2 * x * y + f1, f2 * x * x);
}

static void test_functions(void)
{
    double x = 0.7, y = -0.4, u = x * y;
    check_func("sin", sin, cos(u), -sin(u), x, y);
    check_func("cos", cos, -sin(u), -cos(u), x, y);
    check_func("tan", tan, sec2(u), 2.0 * sin(u) / (cos(u) * cos(u) * cos(u)), x, y);
    check_func("tanh", tanh, sech2(u), -2.0 * sech2(u) * sinh(u) / cosh(u), x, y);
    check_func("exp", exp, exp(u), exp(u), x, y);
    check_func("abs", fabs, -1.0, 0.0, x, y);
    x = 1.3, y = 0.6, u = x * y;
    check_func("abs", fabs, 1.0, 0.0, x, y);
    check_func("log", log, 1.0 / u, -1.0 / (u * u), x, y);
    check_func("sqrt", sqrt, 0.5 / sqrt(u), -0.25 * pow(u, -1.5), x, y);

    /* Hand-derived: d/dx sin(x*y) = y cos(xy). */
    check_derivs("sin(x*y)", 2.0, 3.0, NULL, sin(6.0), 3.0 * cos(6.0), 2.0 * cos(6.0),
                 -9.0 * sin(6.0), cos(6.0) - 6.0 * sin(6.0), -4.0 * sin(6.0));
    /* abs at 0: derivative 0, second derivative 0. */
    check_derivs("abs(x)", 0.0, 0.0, NULL, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
    check_derivs("abs(x-y)", 1.0, 3.0, NULL, 2.0, -1.0, 1.0, 0.0, 0.0, 0.0);
    /* Constants have no derivatives. */
    check_derivs("pi + e", 1.0, 2.0, NULL, 3.14159265358979323846 + 2.71828182845904523536, 0,
                 0, 0, 0, 0);
    check_derivs("3", 1.0, 2.0, NULL, 3.0, 0, 0, 0, 0, 0);

    /* Powers. Integer exponents stay exact for a negative base. */
    check_derivs("x^2", -3.0, 0.0, NULL, 9.0, -6.0, 0.0, 2.0, 0.0, 0.0);
    check_derivs("x^5", -1.5, 0.0, NULL, -7.59375, 25.3125, 0.0, -67.5, 0.0, 0.0);
    check_derivs("x^3*y", -2.0, 5.0, NULL, -40.0, 60.0, -8.0, -60.0, 12.0, 0.0);
    check_derivs("x^-2", 2.0, 0.0, NULL, 0.25, -0.25, 0.0, 0.375, 0.0, 0.0);
    check_derivs("x^0", -2.0, 0.0, NULL, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0);
    check_derivs("x^1", -2.0, 0.0, NULL, -2.0, 1.0, 0.0, 0.0, 0.0, 0.0);
    check_derivs("x^1*y^2", 0.0, 0.0, NULL, 0.0, 0.0, 0.0, 0.0, 0.0, 2.0 * 0.0);
    check_derivs("x^0.5", 4.0, 0.0, NULL, 2.0, 0.25, 0.0, -1.0 / 32.0, 0.0, 0.0);
    check_derivs("x^-0.5", 4.0, 0.0, NULL, 0.5, -1.0 / 16.0, 0.0, 0.75 / 32.0, 0.0, 0.0);
    /* a^b with b depending on y: d/dx = y x^(y-1), d/dy = x^y ln x. */
    double l2 = log(2.0);
    check_derivs("x^y", 2.0, 3.0, NULL, 8.0, 12.0, 8.0 * l2, 12.0, 4.0 * (1.0 + 3.0 * l2),
                 8.0 * l2 * l2);
    check_derivs("e^x", 2.0, 0.0, NULL, exp(2.0), exp(2.0), 0.0, exp(2.0), 0.0, 0.0);
    check_derivs("2^(x*y)", 1.0, 3.0, NULL, 8.0, 3.0 * 8.0 * l2, 8.0 * l2, 9.0 * 8.0 * l2 * l2,
                 8.0 * l2 + 3.0 * 8.0 * l2 * l2, 8.0 * l2 * l2);
    /* Sums, differences, products and quotients with a constant operand. */
    check_derivs("3 - x*y", 2.0, 5.0, NULL, -7.0, -5.0, -2.0, 0.0, -1.0, 0.0);
    check_derivs("x*y - 3 + 1", 2.0, 5.0, NULL, 8.0, 5.0, 2.0, 0.0, 1.0, 0.0);
    check_derivs("x/4 + 8/y", 2.0, 2.0, NULL, 4.5, 0.25, -2.0, 0.0, 0.0, 2.0);
    check_derivs("2/x", -2.0, 0.0, NULL, -1.0, -0.5, 0.0, -0.5, 0.0, 0.0);
    check_derivs("3*x*2*y", 1.0, 2.0, NULL, 12.0, 12.0, 6.0, 0.0, 6.0, 0.0);
    /* Quotient: x/y. */
    check_derivs("x/y", 3.0, 2.0, NULL, 1.5, 0.5, -0.75, 0.0, -0.25, 0.75);
    /* Rosenbrock at (-1, 2): grad (-2(1-x) - 400x(y-x^2), 200(y-x^2)). */
    check_derivs("(1-x)^2 + 100*(y-x^2)^2", -1.0, 2.0, NULL, 104.0, -4.0 + 400.0, 200.0,
                 2.0 - 400.0 * (2.0 - 1.0) + 800.0, 400.0, 200.0);
}

static void test_params(void)
{
    double pv[2] = {3.0, 2.0};
    check_derivs("kappa*x^2 + theta*y", 1.0, 5.0, pv, 13.0, 6.0, 2.0, 6.0, 0.0, 0.0);
    check_derivs("x^kappa", 2.0, 0.0, pv, 8.0, 12.0, 0.0, 12.0, 0.0, 0.0);
    check_derivs("theta^x", 3.0, 0.0, pv, 8.0, 8.0 * log(2.0), 0.0, 8.0 * log(2.0) * log(2.0),
                 0.0, 0.0);

    /* The quadratic surface: H = R diag(1, k) R^T. */
    const char *const names[] = {"c", "s", "k"};
    const char *q = "0.5*((c*x+s*y)^2 + k*(-s*x+c*y)^2)";
    ov_expr *e = ov_expr_create(q, names, 3, NULL);
    CHECK(e != NULL);
    if (e) {
        double th = 0.3, k = 10.0, c = cos(th), s = sin(th);
        double p[3] = {c, s, k}, v, g[2], h[3];
        ov_expr_hess(e, 0.4, -1.1, p, &v, g, h);
        CHECK_NEAR(h[0], c * c + k * s * s, 1e-12);
        CHECK_NEAR(h[1], c * s - k * s * c, 1e-12);
        CHECK_NEAR(h[2], s * s + k * c * c, 1e-12);
        CHECK_NEAR(g[0], h[0] * 0.4 + h[1] * -1.1, 1e-12);
        CHECK_NEAR(g[1], h[1] * 0.4 + h[2] * -1.1, 1e-12);
        CHECK_NEAR(v, 0.5 * (g[0] * 0.4 + g[1] * -1.1), 1e-12);
        /* Changing a parameter needs no re-parse. */
        p[2] = 1.0;
        ov_expr_hess(e, 0.4, -1.1, p, &v, g, h);
        CHECK_NEAR(h[0], 1.0, 1e-12);
        CHECK_NEAR(h[1], 0.0, 1e-12);
        CHECK_NEAR(h[2], 1.0, 1e-12);
    }
    ov_expr_destroy(e);

    /* A parameter may shadow the constant e; a variable cannot be renamed. */
    const char *const shadow[] = {"e"};
    double five = 5.0;
    e = ov_expr_create("e*x", shadow, 1, NULL);
    CHECK(e && ov_expr_value(e, 2.0, 0.0, &five) == 10.0);
    ov_expr_destroy(e);

    /* Too many parameters, or a missing list, fail cleanly. */
    ov_expr_error err;
    CHECK(ov_expr_create("x", NULL, 2, &err) == NULL);
    CHECK(strstr(err.message, "parameter") != NULL);
    CHECK(ov_expr_create("x", g_params, OV_EXPR_MAX_PARAMS + 1, &err) == NULL);
    CHECK(ov_expr_create("x", g_params, -1, NULL) == NULL);
}

static void test_errors(void)
{
    check_error("", 1, "empty formula");
    check_error("  \t ", 1, "empty formula");
    check_error(NULL, 1, "empty formula");
    check_error("(x+1", 5, "expected ')' to close the '(' opened at column 1");
    check_error("2*(x", 5, "expected ')' to close the '(' opened at column 3");
    check_error("exp(x", 6, "expected ')' to close the '(' opened at column 4");
    check_error("((x)", 5, "expected ')' to close the '(' opened at column 1");
    check_error("x+", 3, "expected a number, variable, function or '('");
    check_error("*x", 1, "expected a number, variable, function or '('");
    check_error("x*/y", 3, "expected a number, variable, function or '('");
    check_error("x^", 3, "expected a number, variable, function or '('");
    check_error("-", 2, "expected a number, variable, function or '('");
    check_error("z", 1, "unknown name 'z' (variables are x and y; parameters: kappa, theta)");
    check_error("x + zeta", 5, "unknown name 'zeta'");
    check_error("ex", 1, "unknown name 'ex'");
    check_error("X", 1, "unknown name 'X'");
    check_error("foo(x)", 1, "unknown function 'foo'");
    check_error("1 + Sin(x)", 5, "unknown function 'Sin'");
    check_error("x(2)", 1, "'x' is not a function");
    check_error("kappa (2)", 1, "'kappa' is not a function");
    check_error("x)", 2, "unexpected ')'");
    check_error("()", 2, "unexpected ')'");
    check_error("x y", 3, "unexpected text after the formula");
    check_error("(x)(y)", 4, "unexpected text after the formula");
    check_error("2 3", 3, "unexpected text after the formula");
    check_error("exp x", 5, "'(' expected after function name 'exp'");
    check_error("1+sqrt", 7, "'(' expected after function name 'sqrt'");
    check_error("1e", 1, "invalid number '1e'");
    check_error("x*1e+", 3, "invalid number '1e+'");
    check_error("1.2.3", 1, "invalid number '1.2.3'");
    check_error(".", 1, "invalid number '.'");
    check_error("x+.e3", 3, "invalid number '.e3'");
    check_error("2x", 2, "missing operator between '2' and 'x'");
    check_error("3exp(x)", 2, "missing operator between '3' and 'exp'");
    check_error("1e999", 1, "out of range");
    check_error("x # 2", 3, "unexpected character '#'");
    check_error("x, y", 2, "unexpected character ','");
    check_error("x\x01", 2, "unexpected byte 0x01");
    check_error("\xff", 1, "unexpected byte 0xFF");
    check_error("x \xc3\xa9", 3, "unexpected byte 0xC3");

    /* Too long: OV_EXPR_MAX_SOURCE characters parse, one more does not. */
    char *s = malloc(100001);
    if (!s)
        return;
    for (int i = 0; i < OV_EXPR_MAX_SOURCE; i++)
        s[i] = (i % 2) ? '+' : 'x';
    s[OV_EXPR_MAX_SOURCE - 1] = ' ';
    s[OV_EXPR_MAX_SOURCE] = '\0';
    CHECK_NEAR(val(s, 1.5, 0), 1.5 * (OV_EXPR_MAX_SOURCE / 2), 1e-9);
    s[OV_EXPR_MAX_SOURCE] = 'x';
    s[OV_EXPR_MAX_SOURCE + 1] = '\0';
    check_error(s, OV_EXPR_MAX_SOURCE + 1, "formula too long");

    /* 100000 open parentheses: refused, without recursing 100000 deep. */
    memset(s, '(', 100000);
    s[100000] = '\0';
    check_error(s, OV_EXPR_MAX_SOURCE + 1, "formula too long");
    /* Within the length limit, the nesting bound applies: the 65th level. */
    s[300] = '\0';
    check_error(s, 65, "formula too deeply nested");
    memset(s, '-', 300);
    check_error(s, 65, "formula too deeply nested");
    /* 60 levels are fine. */
    memset(s, '(', 60);
    s[60] = 'x';
    memset(s + 61, ')', 60);
    s[121] = '\0';
    CHECK_NEAR(val(s, 2.5, 0), 2.5, 0);
    /* Right-nested exponents count as nesting too. */
    size_t n = 0;
    for (int i = 0; i < 100; i++) {
        memcpy(s + n, "x^", 2);
        n += 2;
    }
    s[n++] = 'x';
    s[n] = '\0';
    check_error(s, 129, "formula too deeply nested");
    /* Shallow nesting but many pending values: x+x*(x+x*(...)). */
    n = 0;
    for (int i = 0; i < 40; i++) {
        memcpy(s + n, "x+x*(", 5);
        n += 5;
    }
    s[n++] = 'x';
    for (int i = 0; i < 40; i++)
        s[n++] = ')';
    s[n] = '\0';
    ov_expr_error err;
    CHECK(ov_expr_create(s, NULL, 0, &err) == NULL);
    CHECK(strstr(err.message, "formula too complex") != NULL);
    /* 20 levels of the same fit; at x = 1 each level adds one. */
    n = 0;
    for (int i = 0; i < 20; i++) {
        memcpy(s + n, "x+x*(", 5);
        n += 5;
    }
    s[n++] = 'x';
    for (int i = 0; i < 20; i++)
        s[n++] = ')';
    s[n] = '\0';
    CHECK_NEAR(val(s, 1.0, 0), 21.0, 0);
    free(s);
}

/* Random bytes and random well-formed-looking token soup must never crash;
 * every failure names a column inside the text (or just past it). */
static void test_garbage(void)
{
    static const char *const pieces[] = {"x", "y", "+", "-", "*", "/", "^", "(", ")", "1",
                                         ".", "e", "2.5", "exp", "pi", " ", "sqrt", "kappa",
                                         "1e-3", "abs("};
    static const char *const operands[] = {"x", "y", "2.5", "pi", "e", "kappa", "1e-3",
                                           "(x-y)", "exp(y)", "-x", "sqrt(x)", "7"};
    static const char *const operators[] = {"+", "-", "*", "/", "^"};
    uint32_t seed = 12345u;
    char s[200];
    int parsed = 0;
    for (int round = 0; round < 4000; round++) {
        size_t n = 0;
        int len = 1 + (int)((seed >> 20) % 40u);
        for (int i = 0; i < len && n + 8 < sizeof s; i++) {
            seed = seed * 1664525u + 1013904223u;
            uint32_t r = seed >> 16;
            if (round % 2) {
                s[n++] = (char)(1 + (seed >> 24) % 255u);
                continue;
            }
            /* Mostly operand, operator, operand, ...; sometimes any piece. */
            const char *pc;
            if (r % 8u == 0)
                pc = pieces[(r / 8u) % (sizeof pieces / sizeof pieces[0])];
            else if (i % 2 == 0)
                pc = operands[(r / 8u) % (sizeof operands / sizeof operands[0])];
            else
                pc = operators[(r / 8u) % (sizeof operators / sizeof operators[0])];
            memcpy(s + n, pc, strlen(pc));
            n += strlen(pc);
        }
        s[n] = '\0';
        ov_expr_error err;
        ov_expr *e = ov_expr_create(s, g_params, 2, &err);
        if (e) {
            double p[2] = {1.0, 2.0}, v, g[2], h[3];
            ov_expr_hess(e, 0.5, -0.5, p, &v, g, h);
            char glsl[4096];
            CHECK(ov_expr_glsl(e, "f", "P", glsl, sizeof glsl) > 0);
            parsed++;
        } else {
            CHECK_MSG(err.column >= 1 && err.column <= (int)strlen(s) + 1 && err.message[0],
                      "'%s': column %d, message '%s'", s, err.column, err.message);
        }
        ov_expr_destroy(e);
    }
    CHECK_MSG(parsed > 50, "only %d of the random formulas parsed", parsed);
}

static void test_format_error(void)
{
    ov_expr_error err;
    CHECK(ov_expr_create("(x+1", NULL, 0, &err) == NULL);
    char buf[256];
    ov_expr_format_error("optiviz", "(x+1", &err, buf, sizeof buf);
    CHECK_MSG(strcmp(buf, "optiviz: expected ')' to close the '(' opened at column 1 at column 5\n"
                          "  (x+1\n"
                          "      ^") == 0,
              "got:\n%s", buf);

    CHECK(ov_expr_create("x \xc3\xa9 + z", NULL, 0, &err) == NULL);
    CHECK(ov_expr_create("\tx + z", NULL, 0, &err) == NULL);
    ov_expr_format_error(NULL, "\tx + z", &err, buf, sizeof buf);
    CHECK_MSG(strcmp(buf, "unknown name 'z' (variables are x and y) at column 6\n"
                          "   x + z\n"
                          "       ^") == 0,
              "got:\n%s", buf);

    /* Every capacity: NUL-terminated, never past cap (ASan watches). */
    for (size_t cap = 1; cap < 120; cap++) {
        char *b = malloc(cap);
        if (!b)
            break;
        char *r = ov_expr_format_error("p", "(x+1", &err, b, cap);
        CHECK(r == b && memchr(b, '\0', cap) != NULL);
        free(b);
    }
    CHECK(ov_expr_format_error("p", "x", &err, NULL, 0) == NULL);

    /* A long formula is shown as a window around the column, caret aligned. */
    char src[1001];
    memset(src, 'x', 1000);
    src[1000] = '\0';
    for (int i = 1; i < 1000; i += 2)
        src[i] = '+';
    src[700] = '#';
    CHECK(ov_expr_create(src, NULL, 0, &err) == NULL);
    CHECK(err.column == 701);
    char big[1024];
    ov_expr_format_error("p", src, &err, big, sizeof big);
    char *l2 = strchr(big, '\n');
    char *l3 = l2 ? strchr(l2 + 1, '\n') : NULL;
    CHECK(l2 && l3 && strlen(big) < 300);
    if (l2 && l3) {
        char *caret = strchr(l3, '^');
        CHECK(caret && l2[1 + (caret - (l3 + 1))] == '#');
    }
}

/* True when every number in text is a float literal (digits then '.'),
 * ignoring digits inside names such as t12, t3_1 and P[0] and exponents. */
static int only_float_literals(const char *text)
{
    for (const char *c = text; *c; c++) {
        if (*c < '0' || *c > '9')
            continue;
        char prev = c == text ? ' ' : c[-1];
        if ((prev >= 'a' && prev <= 'z') || (prev >= 'A' && prev <= 'Z') || prev == '_' ||
            prev == '[' || prev == '.' || (prev >= '0' && prev <= '9'))
            continue;
        if ((prev == '-' || prev == '+') && c - text >= 2 && c[-2] == 'e')
            continue; /* an exponent, as in 1.0e-07 */
        const char *d = c;
        while (*d >= '0' && *d <= '9')
            d++;
        if (*d != '.')
            return 0;
    }
    return 1;
}

/* GLSL text of src (params kappa, theta as P[]), into a static-size buffer. */
static const char *glsl_of(const char *src, char *buf, size_t cap)
{
    buf[0] = '\0';
    ov_expr *e = ov_expr_create(src, g_params, 2, NULL);
    CHECK_MSG(e != NULL, "'%s' does not parse", src);
    if (!e)
        return buf;
    int n = ov_expr_glsl(e, "loss", "P", buf, cap);
    CHECK_MSG(n > 0 && (size_t)n == strlen(buf), "'%s': glsl returned %d", src, n);
    CHECK_MSG(strncmp(buf, "float loss(vec2 p)", 18) == 0, "'%s': header: %s", src, buf);
    CHECK_MSG(strstr(buf, "return ") != NULL, "'%s': no return: %s", src, buf);
    CHECK_MSG(only_float_literals(buf), "'%s': integer literal in\n%s", src, buf);
    ov_expr_destroy(e);
    return buf;
}

#define CHECK_HAS(text, part) CHECK_MSG(strstr(text, part) != NULL, "missing \"%s\" in\n%s", part, text)
#define CHECK_LACKS(text, part) CHECK_MSG(strstr(text, part) == NULL, "unexpected \"%s\" in\n%s", part, text)

static void test_glsl(void)
{
    char b[8192];
    const char *g = glsl_of("x^2", b, sizeof b);
    CHECK_HAS(g, "p.x*p.x");
    CHECK_LACKS(g, "pow(");
    g = glsl_of("(1-x)^2 + 100*(y-x^2)^2", b, sizeof b);
    CHECK_HAS(g, "1.0-p.x");
    CHECK_HAS(g, "*100.0;");
    CHECK_HAS(g, "p.x*p.x");
    CHECK_LACKS(g, "pow(");
    g = glsl_of("x^3", b, sizeof b);
    CHECK_HAS(g, "p.x*p.x*p.x");
    g = glsl_of("y^-2", b, sizeof b);
    CHECK_HAS(g, "1.0/(p.y*p.y)");
    g = glsl_of("x^0", b, sizeof b);
    CHECK_HAS(g, "= 1.0;");
    g = glsl_of("x^20", b, sizeof b);
    CHECK_LACKS(g, "pow(");
    CHECK_HAS(g, "p.x*p.x");
    g = glsl_of("x^0.5 + x^y", b, sizeof b);
    CHECK_HAS(g, "pow(p.x, 0.5)");
    CHECK_HAS(g, "pow(p.x, p.y)");
    g = glsl_of("1e-3*x + 1e-7*y + 2*x - 3", b, sizeof b);
    CHECK_HAS(g, "p.x*0.001;");
    CHECK_HAS(g, "p.y*1.0e-07;");
    CHECK_HAS(g, "p.x*2.0;");
    CHECK_HAS(g, "-3.0;");
    g = glsl_of("2/x + 1/(x-1)", b, sizeof b);
    CHECK_HAS(g, "2.0/p.x;");
    CHECK_HAS(g, "= 1.0/t");
    g = glsl_of("x - -2", b, sizeof b);
    CHECK_HAS(g, "p.x-(-2.0)");
    g = glsl_of("kappa*x + theta", b, sizeof b);
    CHECK_HAS(g, "P[0]*p.x");
    CHECK_HAS(g, "P[1]");
    g = glsl_of("exp(x)+log(x)+sqrt(x)+sin(x)+cos(x)+tan(x)+tanh(x)+abs(x)-x/y", b, sizeof b);
    CHECK_HAS(g, "exp(p.x)");
    CHECK_HAS(g, "log(p.x)");
    CHECK_HAS(g, "sqrt(p.x)");
    CHECK_HAS(g, "sin(p.x)");
    CHECK_HAS(g, "cos(p.x)");
    CHECK_HAS(g, "tan(p.x)");
    CHECK_HAS(g, "tanh(p.x)");
    CHECK_HAS(g, "abs(p.x)");
    CHECK_HAS(g, "p.x/p.y");
    g = glsl_of("-x", b, sizeof b);
    CHECK_HAS(g, "-p.x;");
    g = glsl_of("x", b, sizeof b);
    CHECK_HAS(g, "return p.x;");
    g = glsl_of("2^3", b, sizeof b);
    CHECK_HAS(g, "return 8.0;");
    g = glsl_of("pi", b, sizeof b);
    CHECK_HAS(g, "return 3.14159");

    /* Every capacity below the needed one fails with -1 and writes nothing
     * past cap; the exact one succeeds. */
    ov_expr *e = ov_expr_create("(1-x)^2 + 100*(y-x^2)^2*kappa", g_params, 2, NULL);
    CHECK(e != NULL);
    if (!e)
        return;
    int need = ov_expr_glsl(e, "f", "PARAM", b, sizeof b);
    CHECK(need > 0);
    for (size_t cap = 1; cap <= (size_t)need + 1; cap++) {
        char *m = malloc(cap);
        if (!m)
            break;
        int r = ov_expr_glsl(e, "f", "PARAM", m, cap);
        CHECK(r == (cap == (size_t)need + 1 ? need : -1));
        free(m);
    }
    CHECK(ov_expr_glsl(e, "f", NULL, b, sizeof b) == -1);
    CHECK(ov_expr_glsl(e, "f", "P", NULL, 0) == -1);
    ov_expr_destroy(e);
}

static double fd_value(const ov_expr *e, double x, double y, const double *p)
{
    return ov_expr_value(e, x, y, p);
}

/* Gradient and Hessian of composite formulas against central differences. */
static void test_finite_differences(void)
{
    static const char *const formulas[] = {
        "(1-x)^2 + 100*(y-x^2)^2",
        "(1.5-x+x*y)^2 + (2.25-x+x*y^2)^2 + (2.625-x+x*y^3)^2",
        "(x^2+y-11)^2 + (x+y^2-7)^2",
        "sin(x*y) + exp(-x^2/3)*cos(y) - log(1 + x^2 + y^2)",
        "tanh(x - 2*y)^3 / (2 + sqrt(x^2 + y^2 + 1))",
        "(x^2+1)^(y/3) + 2^(x-y)",
        "abs(x - y - 5)^3 + tan(0.3*x*y)",
        "kappa*x^2 + theta*y^2 - (x*y)^-2 + abs(x)^1.5 + (x^2+y^2+1)^0.75",
        "0.5*((cos(theta)*x+sin(theta)*y)^2 + kappa*(-sin(theta)*x+cos(theta)*y)^2)",
        "3*(1-x)^2*exp(-x^2-(y+1)^2) - 10*(x/5-x^3-y^5)*exp(-x^2-y^2)",
    };
    double p[2] = {4.0, 0.6};
    uint32_t seed = 777u;
    for (size_t f = 0; f < sizeof formulas / sizeof formulas[0]; f++) {
        ov_expr_error err;
        ov_expr *e = ov_expr_create(formulas[f], g_params, 2, &err);
        CHECK_MSG(e != NULL, "%s: %s", formulas[f], err.message);
        if (!e)
            continue;
        for (int k = 0; k < 40; k++) {
            seed = seed * 1664525u + 1013904223u;
            double x = -1.5 + 3.0 * (double)(seed >> 8) / 16777216.0;
            seed = seed * 1664525u + 1013904223u;
            double y = -1.5 + 3.0 * (double)(seed >> 8) / 16777216.0;
            if (fabs(x * y) < 0.05)
                continue;
            double v, g[2], h[3], gv, gg[2];
            ov_expr_hess(e, x, y, p, &v, g, h);
            ov_expr_grad(e, x, y, p, &gv, gg);
            double hs = 1e-5;
            double fx = (fd_value(e, x + hs, y, p) - fd_value(e, x - hs, y, p)) / (2 * hs);
            double fy = (fd_value(e, x, y + hs, p) - fd_value(e, x, y - hs, p)) / (2 * hs);
            double ga[2], gb[2], vv;
            ov_expr_grad(e, x + hs, y, p, &vv, ga);
            ov_expr_grad(e, x - hs, y, p, &vv, gb);
            double fxx = (ga[0] - gb[0]) / (2 * hs), fxy = (ga[1] - gb[1]) / (2 * hs);
            ov_expr_grad(e, x, y + hs, p, &vv, ga);
            ov_expr_grad(e, x, y - hs, p, &vv, gb);
            double fyy = (ga[1] - gb[1]) / (2 * hs), fyx = (ga[0] - gb[0]) / (2 * hs);
            double scale = 1.0 + fabs(v);
            CHECK_MSG(fabs(g[0] - fx) <= 1e-6 * (scale + fabs(fx)) &&
                          fabs(g[1] - fy) <= 1e-6 * (scale + fabs(fy)),
                      "%s at (%g, %g): grad (%.10g, %.10g) vs fd (%.10g, %.10g)", formulas[f], x,
                      y, g[0], g[1], fx, fy);
            CHECK_MSG(v == gv && fabs(g[0] - gg[0]) <= 1e-12 * (1 + fabs(g[0])) &&
                          fabs(g[1] - gg[1]) <= 1e-12 * (1 + fabs(g[1])),
                      "%s: grad paths differ", formulas[f]);
            CHECK_MSG(fabs(h[0] - fxx) <= 1e-5 * (scale + fabs(fxx)) &&
                          fabs(h[1] - fxy) <= 1e-5 * (scale + fabs(fxy)) &&
                          fabs(h[1] - fyx) <= 1e-5 * (scale + fabs(fyx)) &&
                          fabs(h[2] - fyy) <= 1e-5 * (scale + fabs(fyy)),
                      "%s at (%g, %g): hess (%.8g, %.8g, %.8g) vs fd (%.8g, %.8g/%.8g, %.8g)",
                      formulas[f], x, y, h[0], h[1], h[2], fxx, fxy, fyx, fyy);
        }
        ov_expr_destroy(e);
    }
}

int main(void)
{
    test_precedence();
    test_functions();
    test_params();
    test_errors();
    test_garbage();
    test_format_error();
    test_glsl();
    test_finite_differences();
    return ov_test_finish("test_core_expr");
}
