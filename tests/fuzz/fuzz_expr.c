/* libFuzzer target: the expression engine on arbitrary bytes. Parses the
 * input with no parameters and with three named ones; a formula that parses
 * is evaluated (value, gradient, Hessian) at a few points and emitted as
 * GLSL, into a large and a too-small buffer; one that does not has its
 * error formatted, into a large and a tiny buffer. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/expr.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void exercise(const char *src, const char *const *names, int nparams)
{
    static const double params[OV_EXPR_MAX_PARAMS] = {10.0, 0.5, -0.25};
    static const double pts[][2] = {{0.0, 0.0}, {1.0, -2.0}, {-3.5, 1e-3}, {1e6, -1e6}};
    ov_expr_error perr;
    ov_expr *e = ov_expr_create(src, names, nparams, &perr);
    if (!e) {
        char big[4096], tiny[8];
        ov_expr_format_error("formula", src, &perr, big, sizeof big);
        ov_expr_format_error("formula", src, &perr, tiny, sizeof tiny);
        return;
    }
    for (size_t i = 0; i < sizeof pts / sizeof pts[0]; i++) {
        double v, g[2], h[3];
        (void)ov_expr_value(e, pts[i][0], pts[i][1], params);
        ov_expr_grad(e, pts[i][0], pts[i][1], params, &v, g);
        ov_expr_hess(e, pts[i][0], pts[i][1], params, &v, g, h);
    }
    static char glsl[1 << 16];
    char small[16];
    (void)ov_expr_glsl(e, "ov_loss", "u_param", glsl, sizeof glsl);
    (void)ov_expr_glsl(e, "ov_loss", "u_param", small, sizeof small);
    (void)ov_expr_source(e);
    ov_expr_destroy(e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const names[] = {"k", "c", "s"};
    char *src = ov_fuzz_cstr(data, size);
    if (!src)
        return 0;
    exercise(src, NULL, 0);
    exercise(src, names, 3);
    free(src);
    return 0;
}
