/* The built-in loss surfaces (DESIGN.md's table plus `gaussian`), each
 * defined once as a formula for the expression engine, with its default
 * view, start point, known minima and per-optimiser learning rates; and user
 * formulas in x and y, whose view and start are chosen by sampling. */
#include "surface.h"
#include "surface_plane.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The gaussian surface. The lecture's model y(t) = a exp(-b (t - c)^2) + d,
 * fitted by squared error to the points (0, 1), (1, 2.1), (2, 2.9), seen on
 * the plane of its centre c (x) and offset d (y) with the amplitude a = 3 and
 * the sharpness b = 3 held fixed. With a narrow bump of fixed height the fit
 * can put the bump under each data point in turn, so the plane shows three
 * separate basins (bump under t = 0.6, 1.6 and 2.5), three saddles between
 * them, and flat valleys on both sides (bump far from the data: the loss
 * then only depends on d, minimal at d = 2). The minima below were found by
 * Newton's method on the exact gradient to full double precision:
 *   (1.5959022945498254, 1.0421976592980895)  L = 0.0028654  (global)
 *   (2.5142241897227393, 1.5466116094409981)  L = 0.60163
 *   (0.61214336035298478, 1.0351798289247645) L = 5.1781
 * and the saddles at c = -0.0157, 0.9547 and 2.0395 (L = 13.5, 6.74, 2.14).
 * From the default start (0.2, 2.2) gd and adam settle in the poorest basin
 * while momentum carries over a saddle into the middle one; started left of
 * c = 0 the paths drift onto the plateau, right of c = 1 gd finds the best. */
#define OV_GAUSSIAN_FORMULA                          \
    "(3*exp(-3*x^2) + y - 1)^2"                      \
    " + (3*exp(-3*(x - 1)^2) + y - 2.1)^2"           \
    " + (3*exp(-3*(x - 2)^2) + y - 2.9)^2"

/* The quadratic's c = cos θ and s = sin θ, θ in degrees. */
static void ov_quadratic_derive(double *p)
{
    double rad = p[1] * (3.14159265358979323846 / 180.0);
    p[2] = cos(rad);
    p[3] = sin(rad);
}

static const ov_surface_def ov_builtins[] = {
    {
        .name = "quadratic",
        /* 1/2 w'Hw with H = R diag(1, kappa) R', R the rotation by theta:
         * R'w = (c x + s y, -s x + c y). */
        .formula = "0.5*((c*x + s*y)^2 + kappa*(-s*x + c*y)^2)",
        .summary = "\u00bd w\u1d40Hw, H = R(\u03b8) diag(1, \u03ba) R(\u03b8)\u1d40, c = cos \u03b8, s = sin \u03b8; minimum (0, 0)",
        .nparams = 4,
        .param_names = {"kappa", "theta", "c", "s"},
        .param_defaults = {10.0, 30.0},
        .nderived = 2,
        .derive = ov_quadratic_derive,
        .param_formulas = {NULL, NULL, "cos(theta*pi/180)", "sin(theta*pi/180)"},
        .view = {-4.0, 4.0, -3.0, 3.0},
        .start = {-3.0, -1.0},
        .nminima = 1,
        .minima = {{0.0, 0.0}},
        .alpha = {[OV_OPT_GD] = 0.15, [OV_OPT_MOMENTUM] = 0.05, [OV_OPT_NESTEROV] = 0.05,
                  [OV_OPT_ADAM] = 0.1, [OV_OPT_RMSPROP] = 0.02, [OV_OPT_ADAGRAD] = 0.5,
                  [OV_OPT_ADADELTA] = 10.0, [OV_OPT_RPROP] = 0.1, [OV_OPT_AMSGRAD] = 0.1,
                  [OV_OPT_NADAM] = 0.1, [OV_OPT_RADAM] = 0.1, [OV_OPT_ADAMAX] = 0.2,
                  [OV_OPT_ADAMW] = 0.1, [OV_OPT_LION] = 0.05},
    },
    {
        .name = "rosenbrock",
        .formula = "(1 - x)^2 + 100*(y - x^2)^2",
        .summary = "(1\u2212x)\u00b2 + 100(y\u2212x\u00b2)\u00b2: a curved narrow valley; minimum (1, 1)",
        .view = {-2.0, 2.0, -1.0, 3.0},
        .start = {-1.2, 1.0},
        .nminima = 1,
        .minima = {{1.0, 1.0}},
        .alpha = {[OV_OPT_GD] = 0.001, [OV_OPT_MOMENTUM] = 0.001, [OV_OPT_NESTEROV] = 0.001,
                  [OV_OPT_ADAM] = 0.2, [OV_OPT_RMSPROP] = 0.02, [OV_OPT_ADAGRAD] = 0.5,
                  [OV_OPT_ADADELTA] = 10.0, [OV_OPT_RPROP] = 0.01, [OV_OPT_AMSGRAD] = 0.2,
                  [OV_OPT_NADAM] = 0.1, [OV_OPT_RADAM] = 0.001, [OV_OPT_ADAMAX] = 0.5,
                  [OV_OPT_ADAMW] = 0.2, [OV_OPT_LION] = 0.02},
    },
    {
        .name = "beale",
        .formula = "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2",
        .summary = "Beale: flat plateau, steep walls; minimum (3, 0.5)",
        .view = {-4.5, 4.5, -4.5, 4.5},
        .start = {1.0, 1.4},
        .nminima = 1,
        .minima = {{3.0, 0.5}},
        .alpha = {[OV_OPT_GD] = 0.01, [OV_OPT_MOMENTUM] = 0.005, [OV_OPT_NESTEROV] = 0.002,
                  [OV_OPT_ADAM] = 0.1, [OV_OPT_RMSPROP] = 0.02, [OV_OPT_ADAGRAD] = 1.0,
                  [OV_OPT_ADADELTA] = 10.0, [OV_OPT_RPROP] = 0.01, [OV_OPT_AMSGRAD] = 0.1,
                  [OV_OPT_NADAM] = 0.1, [OV_OPT_RADAM] = 0.01, [OV_OPT_ADAMAX] = 0.2,
                  [OV_OPT_ADAMW] = 0.1, [OV_OPT_LION] = 0.02},
    },
    {
        .name = "himmelblau",
        .formula = "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
        .summary = "Himmelblau: four minima of equal height 0",
        .view = {-5.0, 5.0, -5.0, 5.0},
        .start = {-0.3, -0.9},
        .nminima = 4,
        .minima = {{3.0, 2.0},
                   {-2.8051180869527448, 3.131312518250573},
                   {-3.779310253377747, -3.2831859912861692},
                   {3.5844283403304917, -1.8481265269644034}},
        .alpha = {[OV_OPT_GD] = 0.01, [OV_OPT_MOMENTUM] = 0.002, [OV_OPT_NESTEROV] = 0.002,
                  [OV_OPT_ADAM] = 0.1, [OV_OPT_RMSPROP] = 0.02, [OV_OPT_ADAGRAD] = 0.5,
                  [OV_OPT_ADADELTA] = 5.0, [OV_OPT_RPROP] = 0.05, [OV_OPT_AMSGRAD] = 0.1,
                  [OV_OPT_NADAM] = 0.05, [OV_OPT_RADAM] = 0.1, [OV_OPT_ADAMAX] = 0.1,
                  [OV_OPT_ADAMW] = 0.1, [OV_OPT_LION] = 0.05},
    },
    {
        .name = "saddle",
        .formula = "x^2 - y^2",
        .summary = "x\u00b2 \u2212 y\u00b2: a saddle at (0, 0), no minimum (paths escape along y)",
        .view = {-2.0, 2.0, -2.0, 2.0},
        .start = {-1.8, 0.01},
        .nminima = 0,
        .alpha = {[OV_OPT_GD] = 0.02, [OV_OPT_MOMENTUM] = 0.002, [OV_OPT_NESTEROV] = 0.002,
                  [OV_OPT_ADAM] = 0.02, [OV_OPT_RMSPROP] = 0.01, [OV_OPT_ADAGRAD] = 0.1,
                  [OV_OPT_ADADELTA] = 0.1, [OV_OPT_RPROP] = 0.001, [OV_OPT_AMSGRAD] = 0.02,
                  [OV_OPT_NADAM] = 0.02, [OV_OPT_RADAM] = 0.05, [OV_OPT_ADAMAX] = 0.02,
                  [OV_OPT_ADAMW] = 0.02, [OV_OPT_LION] = 0.02},
    },
    {
        .name = "regression",
        .formula = "(y - 1)^2 + (x + y - 2.1)^2 + (2*x + y - 2.9)^2",
        .summary = "\u03a3\u1d62 (x a\u1d62 + y \u2212 z\u1d62)\u00b2 on the lecture's points (0, 1), (1, 2.1), "
                   "(2, 2.9); minimum (0.95, 1.05)",
        .view = {-1.0, 3.0, -1.0, 3.0},
        .start = {-0.5, 2.5},
        .nminima = 1,
        .minima = {{0.95, 1.05}},
        .alpha = {[OV_OPT_GD] = 0.1, [OV_OPT_MOMENTUM] = 0.02, [OV_OPT_NESTEROV] = 0.02,
                  [OV_OPT_ADAM] = 0.05, [OV_OPT_RMSPROP] = 0.01, [OV_OPT_ADAGRAD] = 0.5,
                  [OV_OPT_ADADELTA] = 5.0, [OV_OPT_RPROP] = 0.05, [OV_OPT_AMSGRAD] = 0.05,
                  [OV_OPT_NADAM] = 0.05, [OV_OPT_RADAM] = 0.1, [OV_OPT_ADAMAX] = 0.05,
                  [OV_OPT_ADAMW] = 0.05, [OV_OPT_LION] = 0.02},
    },
    {
        .name = "gaussian",
        .formula = OV_GAUSSIAN_FORMULA,
        .summary = "squared error of a\u00b7exp(\u2212b(t\u2212c)\u00b2) + d on the lecture's points, "
                   "x = c, y = d, a = b = 3: three basins, saddles, plateaus",
        .view = {-1.0, 3.5, -0.5, 2.5},
        .start = {0.2, 2.2},
        .nminima = 3,
        .minima = {{1.5959022945498254, 1.0421976592980895},
                   {2.5142241897227393, 1.5466116094409981},
                   {0.61214336035298478, 1.0351798289247645}},
        .alpha = {[OV_OPT_GD] = 0.01, [OV_OPT_MOMENTUM] = 0.002, [OV_OPT_NESTEROV] = 0.002,
                  [OV_OPT_ADAM] = 0.05, [OV_OPT_RMSPROP] = 0.01, [OV_OPT_ADAGRAD] = 0.3,
                  [OV_OPT_ADADELTA] = 5.0, [OV_OPT_RPROP] = 0.02, [OV_OPT_AMSGRAD] = 0.05,
                  [OV_OPT_NADAM] = 0.05, [OV_OPT_RADAM] = 0.05, [OV_OPT_ADAMAX] = 0.05,
                  [OV_OPT_ADAMW] = 0.05, [OV_OPT_LION] = 0.05},
    },
};

#define OV_NBUILTINS ((int)(sizeof ov_builtins / sizeof ov_builtins[0]))

int ov_surface_builtin_count(void)
{
    return OV_NBUILTINS;
}

const ov_surface_def *ov_surface_builtin(int i)
{
    return i >= 0 && i < OV_NBUILTINS ? &ov_builtins[i] : NULL;
}

const ov_surface_def *ov_surface_find(const char *name)
{
    if (!name)
        return NULL;
    for (int i = 0; i < OV_NBUILTINS; i++)
        if (strcmp(name, ov_builtins[i].name) == 0)
            return &ov_builtins[i];
    return NULL;
}

/* A sampled point of a user formula, for choosing its start. */
typedef struct ov_sample {
    double f, x, y;
} ov_sample;

static int ov_sample_cmp(const void *a, const void *b)
{
    double fa = ((const ov_sample *)a)->f, fb = ((const ov_sample *)b)->f;
    return (fa > fb) - (fa < fb);
}

/* Picks a user formula's start by sampling the default view on a grid: the
 * lowest finite sample marks the likely minimum, and the start is the
 * median-valued sample (finite value and gradient) about a third of the
 * view away from it: neither on a far wall nor in the same valley, so the
 * paths have somewhere to go. Falls back to the view's centre. */
static void ov_surface_pick_start(ov_surface *s)
{
    enum { N = 41 };
    ov_sample ring[N * N];
    const ov_rect v = s->view;
    const double want = (v.x1 - v.x0) / 3.0, slack = (v.x1 - v.x0) / 12.0;
    ov_sample best = {INFINITY, 0.0, 0.0};

    s->start.x = 0.5 * (v.x0 + v.x1);
    s->start.y = 0.5 * (v.y0 + v.y1);
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) {
            double x = v.x0 + (v.x1 - v.x0) * i / (N - 1);
            double y = v.y0 + (v.y1 - v.y0) * j / (N - 1);
            double f = ov_surface_value(s, x, y);
            if (isfinite(f) && f < best.f)
                best = (ov_sample){f, x, y};
        }
    }
    if (!isfinite(best.f))
        return;

    int n = 0;
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) {
            double x = v.x0 + (v.x1 - v.x0) * i / (N - 1);
            double y = v.y0 + (v.y1 - v.y0) * j / (N - 1);
            if (fabs(hypot(x - best.x, y - best.y) - want) > slack)
                continue;
            double f, g[2];
            ov_surface_grad(s, x, y, &f, g);
            if (isfinite(f) && isfinite(g[0]) && isfinite(g[1]))
                ring[n++] = (ov_sample){f, x, y};
        }
    }
    if (n == 0)
        return;
    qsort(ring, (size_t)n, sizeof ring[0], ov_sample_cmp);
    s->start.x = ring[n / 2].x;
    s->start.y = ring[n / 2].y;
}

/* Rebuilds s->bound from the formula with every parameter name replaced by
 * its value as a round-trip exact literal. The parser folds the constant
 * subexpressions with the same operations, in the same order, as evaluation
 * with named parameters would, so results are identical, only faster. On
 * any trouble (a non-finite value, a formula too long) s->bound stays NULL
 * and evaluation uses the parameters by name. */
static void ov_surface_rebind(ov_surface *s)
{
    ov_expr_destroy(s->bound);
    s->bound = NULL;
    if (!s->def || s->nparams == 0)
        return;
    char text[4 * OV_EXPR_MAX_SOURCE];
    size_t n = 0;
    const char *src = s->def->formula;
    while (*src) {
        size_t len = 0;
        if (isalpha((unsigned char)*src) || *src == '_')
            while (isalnum((unsigned char)src[len]) || src[len] == '_')
                len++;
        int param = -1;
        for (int i = 0; len && i < s->nparams; i++)
            if (strlen(s->def->param_names[i]) == len &&
                strncmp(src, s->def->param_names[i], len) == 0)
                param = i;
        int wrote;
        if (param >= 0) {
            if (!isfinite(s->params[param]))
                return;
            wrote = snprintf(text + n, sizeof text - n, "(%.17g)", s->params[param]);
        } else {
            if (!len)
                len = 1;
            wrote = snprintf(text + n, sizeof text - n, "%.*s", (int)len, src);
        }
        if (wrote < 0 || (size_t)wrote >= sizeof text - n)
            return;
        n += (size_t)wrote;
        src += len;
    }
    s->bound = ov_expr_create(text, NULL, 0, NULL);
}

/* The shortest %g form of v that reads back as v exactly. */
static void ov_surface_number(double v, char *buf, size_t cap)
{
    for (int digits = 6; digits <= 17; digits++) {
        snprintf(buf, cap, "%.*g", digits, v);
        if (strtod(buf, NULL) == v)
            return;
    }
}

/* Appends src to buf with every parameter name replaced by its value (a
 * derived one by its formula, itself substituted). false when it does not
 * fit. */
static bool ov_surface_substitute(const ov_surface *s, const char *src, char *buf, size_t cap,
                                  size_t *n, int depth)
{
    while (*src) {
        size_t len = 0;
        if (isdigit((unsigned char)*src) || *src == '.') {
            /* A number, exponent included (the e of 1e-3 is not a name). */
            while (isdigit((unsigned char)src[len]) || src[len] == '.')
                len++;
            if ((src[len] == 'e' || src[len] == 'E') &&
                (isdigit((unsigned char)src[len + 1]) ||
                 ((src[len + 1] == '+' || src[len + 1] == '-') &&
                  isdigit((unsigned char)src[len + 2])))) {
                len += 2;
                while (isdigit((unsigned char)src[len]))
                    len++;
            }
        } else if (isalpha((unsigned char)*src) || *src == '_') {
            while (isalnum((unsigned char)src[len]) || src[len] == '_')
                len++;
        } else {
            len = 1;
        }
        int param = -1;
        for (int i = 0; i < s->nparams; i++)
            if (strlen(s->def->param_names[i]) == len &&
                strncmp(src, s->def->param_names[i], len) == 0)
                param = i;
        int wrote;
        if (param >= 0 && s->def->param_formulas[param] && depth == 0) {
            double v = s->params[param];
            if (v == 0)
                v = 0;   /* no "-0" */
            if (v == floor(v) && fabs(v) < 1e6) {
                /* Exact integers (θ a multiple of 90°) are written as such. */
                wrote = snprintf(buf + *n, cap - *n, "%s%.0f%s", v < 0 ? "(" : "", v,
                                 v < 0 ? ")" : "");
            } else {
                /* Other values through the parameter's own formula. */
                if (!ov_surface_substitute(s, s->def->param_formulas[param], buf, cap, n, 1))
                    return false;
                wrote = 0;
            }
        } else if (param >= 0) {
            char num[32];
            ov_surface_number(s->params[param], num, sizeof num);
            bool paren = num[0] == '-' || strchr(num, 'e');
            wrote = snprintf(buf + *n, cap - *n, paren ? "(%s)" : "%s", num);
        } else {
            wrote = snprintf(buf + *n, cap - *n, "%.*s", (int)len, src);
        }
        if (wrote < 0 || (size_t)wrote >= cap - *n)
            return false;
        *n += (size_t)wrote;
        src += len;
    }
    return true;
}

bool ov_surface_formula_text(const ov_surface *s, char *buf, size_t cap)
{
    if (!cap)
        return false;
    buf[0] = '\0';
    if (s->plane)
        return false;
    if (!s->def) {
        const char *src = ov_expr_source(s->expr);
        return (size_t)snprintf(buf, cap, "%s", src) < cap;
    }
    size_t n = 0;
    if (!ov_surface_substitute(s, s->def->formula, buf, cap, &n, 0)) {
        buf[0] = '\0';
        return false;
    }
    return true;
}

ov_surface *ov_surface_create(const char *name_or_formula, ov_expr_error *err)
{
    ov_expr_error local;
    if (!err)
        err = &local;
    if (!name_or_formula) {
        err->column = 1;
        snprintf(err->message, sizeof err->message, "no surface given");
        return NULL;
    }
    ov_surface *s = calloc(1, sizeof *s);
    if (!s) {
        err->column = 1;
        snprintf(err->message, sizeof err->message, "out of memory");
        return NULL;
    }
    const ov_surface_def *def = ov_surface_find(name_or_formula);
    if (def) {
        s->expr = ov_expr_create(def->formula, def->param_names, def->nparams, err);
        if (!s->expr) {
            free(s);
            return NULL;
        }
        snprintf(s->name, sizeof s->name, "%s", def->name);
        s->def = def;
        s->nparams = def->nparams;
        memcpy(s->params, def->param_defaults, sizeof s->params);
        if (def->derive)
            def->derive(s->params);
        s->view = def->view;
        s->start = def->start;
        s->nminima = def->nminima;
        memcpy(s->minima, def->minima, sizeof s->minima);
        ov_surface_rebind(s);
        return s;
    }
    s->expr = ov_expr_create(name_or_formula, NULL, 0, err);
    if (!s->expr) {
        free(s);
        return NULL;
    }
    snprintf(s->name, sizeof s->name, "custom");
    s->view = (ov_rect){-3.0, 3.0, -3.0, 3.0};
    ov_surface_pick_start(s);
    s->one_d = !ov_expr_uses_y(s->expr);
    if (s->one_d) {
        /* A curve: x from -3 to 3 fills a 16:9 frame; y plays no part. */
        s->view.y0 = -3.0 * 9.0 / 16.0;
        s->view.y1 = 3.0 * 9.0 / 16.0;
        s->start.y = 0.0;
    }
    return s;
}

void ov_surface_destroy(ov_surface *s)
{
    if (!s)
        return;
    ov_expr_destroy(s->expr);
    ov_expr_destroy(s->bound);
    ov_surface_plane_free(s->plane);
    free(s);
}

/* Index of the user-settable parameter called name, or -1. */
static int ov_surface_param_index(const ov_surface *s, const char *name)
{
    if (!s->def || !name)
        return -1;
    for (int i = 0; i < s->nparams - s->def->nderived; i++)
        if (strcmp(s->def->param_names[i], name) == 0)
            return i;
    return -1;
}

bool ov_surface_set_param(ov_surface *s, const char *name, double value)
{
    if (s->plane) {
        int k = ov_surface_plane_param(s, name);
        if (k >= 0)
            s->params[k] = value;
        return k >= 0;
    }
    int i = ov_surface_param_index(s, name);
    if (i < 0)
        return false;
    s->params[i] = value;
    if (s->def->derive)
        s->def->derive(s->params);
    ov_surface_rebind(s);
    return true;
}

bool ov_surface_get_param(const ov_surface *s, const char *name, double *value)
{
    int i = s->plane ? ov_surface_plane_param(s, name) : ov_surface_param_index(s, name);
    if (i < 0)
        return false;
    *value = s->params[i];
    return true;
}

double ov_surface_value(const ov_surface *s, double x, double y)
{
    if (s->plane) {
        double f;
        ov_surface_plane_eval(s, x, y, &f, NULL, NULL);
        return f;
    }
    if (s->bound)
        return ov_expr_value(s->bound, x, y, NULL);
    return ov_expr_value(s->expr, x, y, s->params);
}

void ov_surface_grad(const ov_surface *s, double x, double y, double *value, double grad[2])
{
    if (s->plane)
        ov_surface_plane_eval(s, x, y, value, grad, NULL);
    else if (s->bound)
        ov_expr_grad(s->bound, x, y, NULL, value, grad);
    else
        ov_expr_grad(s->expr, x, y, s->params, value, grad);
}

void ov_surface_hess(const ov_surface *s, double x, double y, double *value, double grad[2],
                     double hess[3])
{
    if (s->plane)
        ov_surface_plane_eval(s, x, y, value, grad, hess);
    else if (s->bound)
        ov_expr_hess(s->bound, x, y, NULL, value, grad, hess);
    else
        ov_expr_hess(s->expr, x, y, s->params, value, grad, hess);
}

double ov_surface_default_alpha(const ov_surface *s, ov_optim_kind kind)
{
    /* A typed rule starts from gd's step size. */
    if (kind == OV_OPT_RULE)
        kind = OV_OPT_GD;
    if ((int)kind < 0 || kind >= OV_OPTIM_COUNT)
        return 0.0;
    if (s && s->def && s->def->alpha[kind] > 0.0) {
        double a = s->def->alpha[kind];
        /* On the quadratic, the methods whose stability limit is set by
         * the largest curvature κ (gd: α < 2/κ) keep the table's ratio to
         * that limit at any κ, so a scene with a larger κ still converges. */
        double k;
        int ki = ov_surface_param_index(s, "kappa");
        if (ki >= 0 && (kind == OV_OPT_GD || kind == OV_OPT_MOMENTUM || kind == OV_OPT_NESTEROV) &&
            ov_surface_get_param(s, "kappa", &k) && k > 0 && isfinite(k))
            a *= s->def->param_defaults[ki] / k;
        return a;
    }
    return ov_optim_info_of(kind)->alpha;
}

const char *ov_surface_key(const ov_surface *s)
{
    return s->plane ? ov_surface_plane_key(s->plane) : ov_expr_source(s->expr);
}

const char *ov_surface_summary(const ov_surface *s)
{
    if (s->plane)
        return ov_surface_plane_summary(s->plane);
    return s->def ? s->def->summary : NULL;
}
