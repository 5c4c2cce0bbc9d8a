/* N-parameter models: the built-in table, creating a built-in or typed
 * model (name rules, parsing its formula), and its loss with exact gradient
 * and Hessian, summed over the data rows from the formula's own derivatives
 * (squared error, or the logistic loss computed stably); and the cap on the
 * work of the methods that evaluate that Hessian every step. */
#include "core/model.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/expr.h"

/* The lecture's three points (t, y) for line and gauss4. */
static const double lecture_rows[3][3] = {{0.0, 1.0, 0}, {1.0, 2.1, 0}, {2.0, 2.9, 0}};
/* XOR: (x1, x2, y). */
static const double xor_rows[4][3] = {{0, 0, 0}, {0, 1, 1}, {1, 0, 1}, {1, 1, 0}};

/* line: the origin (loss 13.82); gd and momentum at their default
 * alpha 0.01 reach the minimum's 0.015 within 200 steps. */
static const double line_start[2] = {0.0, 0.0};
/* gauss4: a = b = 1, c = d = 0, a bump on the first point (loss 11.30),
 * where gd crawls down a curved valley and momentum does not: at alpha
 * 0.01, gd's loss is 0.111 after 128 steps, 0.049 after 200 and 1.8e-5
 * after 1000; momentum's (beta 0.9) 1.8e-4 after 100 and 8e-9 after 200. */
static const double gauss4_start[4] = {1.0, 1.0, 0.0, 0.0};
/* xor: small asymmetric weights (|w| <= 0.044), near the saddle at 0 where
 * every gradient vanishes (loss 4 log 2 = 2.773): gd stalls on that plateau
 * (alpha 0.01 and 0.1: still 2.773 after 5000 and 1000 steps; alpha 0.5
 * leaves it only after 1000 to 2000 steps) and Adam, whose steps do not
 * shrink with the gradient, finds the fit (alpha 0.01: 0.53 after 200
 * steps, 0.10 after 500, 0.031 after 1000; alpha 0.005 to 0.05 all below
 * 0.03 after 2000). */
static const double xor_start[9] = {-0.041, 0.04, -0.025, 0.017, 0.04, -0.022,
                                    0.015,  -0.044, 0.031};

static const ov_model_def builtins[] = {
    {"line", "a*t + b", "a,b", 2, line_start, OV_MODEL_LOSS_SQUARED,
     "y = a*t + b on the lecture's 3 points, squared error; minimum (0.95, 1.05)"},
    {"gauss4", "a*exp(-b*(t-c)^2) + d", "a,b,c,d", 4, gauss4_start, OV_MODEL_LOSS_SQUARED,
     "y = a*exp(-b*(t-c)^2) + d on the lecture's 3 points, squared error"},
    {"xor", "v1*tanh(w11*x1 + w12*x2 + b1) + v2*tanh(w21*x1 + w22*x2 + b2) + c",
     "w11,w12,b1,w21,w22,b2,v1,v2,c", 9, xor_start, OV_MODEL_LOSS_LOGISTIC,
     "a 2-2-1 tanh network on the 4 XOR points, logistic loss -log prod p"},
};

int ov_model_builtin_count(void) { return (int)(sizeof builtins / sizeof builtins[0]); }

const ov_model_def *ov_model_builtin(int i)
{
    return i >= 0 && i < ov_model_builtin_count() ? &builtins[i] : NULL;
}

const ov_model_def *ov_model_builtin_find(const char *name)
{
    for (int i = 0; name && i < ov_model_builtin_count(); i++)
        if (strcmp(name, builtins[i].name) == 0)
            return &builtins[i];
    return NULL;
}

bool ov_model_param_name_ok(const char *name, char *err, size_t cap)
{
    static const char *const taken[] = {
        "t",    "x1",  "x2",  "x",   "y",   "e",    "pi",   "exp",       "log",
        "sqrt", "sin", "cos", "tan", "tanh", "abs", "sign", "min",       "max",
        "run",  "optimizer", "step", "loss", "alpha"};
    size_t len = name ? strlen(name) : 0;
    if (len == 0) {
        snprintf(err, cap, "empty parameter name");
        return false;
    }
    if (len > OV_MODEL_NAME_MAX) {
        snprintf(err, cap, "parameter name '%.24s...' is too long (at most %d characters)", name,
                 OV_MODEL_NAME_MAX);
        return false;
    }
    char c0 = name[0];
    if (!((c0 >= 'a' && c0 <= 'z') || (c0 >= 'A' && c0 <= 'Z'))) {
        snprintf(err, cap, "parameter name '%s' must start with a letter", name);
        return false;
    }
    for (size_t i = 0; i < len; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_')) {
            snprintf(err, cap,
                     "parameter name '%s' may hold only letters, digits and _ (found '%c')",
                     name, c);
            return false;
        }
    }
    for (size_t i = 0; i < sizeof taken / sizeof taken[0]; i++)
        if (strcmp(name, taken[i]) == 0) {
            snprintf(err, cap, "parameter name '%s' is already in use (an input, a constant, a "
                     "function or a CSV column); choose another", name);
            return false;
        }
    return true;
}

/* Splits csv into m->param_names after checking each; false with err. */
static bool set_param_names(ov_model *m, const char *csv, char *err, size_t cap)
{
    m->n = 0;
    const char *p = csv ? csv : "";
    for (;;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        while (len && (*p == ' ' || *p == '\t'))
            p++, len--;
        while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
            len--;
        if (m->n == OV_MODEL_MAX_PARAMS) {
            snprintf(err, cap, "too many parameters (at most %d)", OV_MODEL_MAX_PARAMS);
            return false;
        }
        char name[OV_MODEL_NAME_MAX + 2];
        size_t keep = len < sizeof name - 1 ? len : sizeof name - 1;
        memcpy(name, p, keep);
        name[keep] = '\0';
        if (!ov_model_param_name_ok(name, err, cap))
            return false;
        for (int i = 0; i < m->n; i++)
            if (strcmp(m->param_names[i], name) == 0) {
                snprintf(err, cap, "parameter '%s' is named twice", name);
                return false;
            }
        memcpy(m->param_names[m->n], name, keep + 1);
        m->param_name_list[m->n] = m->param_names[m->n];
        m->n++;
        if (!end)
            break;
        p = end + 1;
    }
    if (m->n < OV_MODEL_MIN_PARAMS) {
        snprintf(err, cap, "a model needs at least %d parameters (found %d)",
                 OV_MODEL_MIN_PARAMS, m->n);
        return false;
    }
    return true;
}

/* Parses m->formula over m's inputs and parameters and allocates the
 * workspace: three stack-sized blocks (the tape's stack, the row's
 * gradient and its packed Hessian). */
static bool build(ov_model *m, char *err, size_t cap)
{
    static const char *const in1[] = {"t"};
    static const char *const in2[] = {"x1", "x2"};
    ov_expr_error e;
    m->expr = ov_expr_create_model(m->formula, m->ninputs == 1 ? in1 : in2, m->ninputs,
                                   m->param_name_list, m->n, &e);
    if (!m->expr) {
        ov_expr_format_error("model formula", m->formula, &e, err, cap);
        return false;
    }
    size_t nh = (size_t)m->n * ((size_t)m->n + 1u) / 2u;
    m->work = malloc((ov_expr_model_work_size(m->expr) + (size_t)m->n + nh) * sizeof(double));
    if (!m->work) {
        snprintf(err, cap, "out of memory");
        return false;
    }
    return true;
}

ov_model *ov_model_create_builtin(const char *name)
{
    const ov_model_def *d = ov_model_builtin_find(name);
    if (!d)
        return NULL;
    ov_model *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    char err[256];
    snprintf(m->name, sizeof m->name, "%s", d->name);
    snprintf(m->formula, sizeof m->formula, "%s", d->formula);
    snprintf(m->summary, sizeof m->summary, "%s", d->summary);
    m->loss = d->loss;
    const bool is_xor = strcmp(d->name, "xor") == 0;
    const double (*rows)[3] = is_xor ? xor_rows : lecture_rows;
    m->ninputs = is_xor ? 2 : 1;
    m->data.ninputs = m->ninputs;
    m->data.nrows = is_xor ? 4 : 3;
    for (int i = 0; i < m->data.nrows; i++) {
        m->data.in[i][0] = rows[i][0];
        m->data.in[i][1] = m->ninputs == 2 ? rows[i][1] : 0.0;
        m->data.y[i] = rows[i][m->ninputs];
    }
    if (!set_param_names(m, d->params, err, sizeof err) || m->n != d->n ||
        !build(m, err, sizeof err)) {
        ov_model_destroy(m);
        return NULL;
    }
    memcpy(m->start, d->start, (size_t)m->n * sizeof m->start[0]);
    return m;
}

ov_model *ov_model_create_typed(const char *formula, const char *params_csv,
                                const ov_model_data *data, ov_model_loss loss, char *err,
                                size_t cap)
{
    char scratch[8];
    if (!err || cap == 0)
        err = scratch, cap = sizeof scratch;
    err[0] = '\0';
    if (!data || data->ninputs < 1 || data->ninputs > 2 || data->nrows < 1 ||
        data->nrows > OV_MODEL_MAX_ROWS) {
        snprintf(err, cap, "a model needs data rows of t,y or x1,x2,y (1 to %d rows)",
                 OV_MODEL_MAX_ROWS);
        return NULL;
    }
    if (!formula || strlen(formula) >= sizeof ((ov_model *)0)->formula) {
        snprintf(err, cap, "model formula missing or too long (at most %d characters)",
                 (int)sizeof ((ov_model *)0)->formula - 1);
        return NULL;
    }
    if (loss == OV_MODEL_LOSS_LOGISTIC)
        for (int i = 0; i < data->nrows; i++)
            if (!(data->y[i] >= 0.0 && data->y[i] <= 1.0)) {
                snprintf(err, cap, "--loss logistic: data row %d has y = %g; expected every y "
                         "from 0 to 1 (a probability)", i + 1, data->y[i]);
                return NULL;
            }
    ov_model *m = calloc(1, sizeof *m);
    if (!m) {
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    snprintf(m->name, sizeof m->name, "custom");
    snprintf(m->formula, sizeof m->formula, "%s", formula);
    m->loss = loss;
    m->data = *data;
    m->ninputs = data->ninputs;
    if (!set_param_names(m, params_csv, err, cap) || !build(m, err, cap)) {
        ov_model_destroy(m);
        return NULL;
    }
    for (int i = 0; i < m->n; i++)
        m->start[i] = 0.5;
    snprintf(m->summary, sizeof m->summary, "%s%.80s%s on %d points, %s loss",
             m->ninputs == 1 ? "y = " : "logit ", formula, strlen(formula) > 80 ? "..." : "",
             data->nrows, loss == OV_MODEL_LOSS_SQUARED ? "squared" : "logistic");
    return m;
}

ov_model *ov_model_clone(const ov_model *src)
{
    ov_model *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    *m = *src;
    m->expr = NULL;
    m->work = NULL;
    for (int i = 0; i < m->n; i++)
        m->param_name_list[i] = m->param_names[i];
    char err[256];
    if (!build(m, err, sizeof err)) {
        ov_model_destroy(m);
        return NULL;
    }
    return m;
}

void ov_model_destroy(ov_model *m)
{
    if (!m)
        return;
    ov_expr_destroy(m->expr);
    free(m->work);
    free(m);
}

/* Writes the row's inputs, then w, into vars. */
static void row_vars(const ov_model *m, int row, const double *w, double *vars)
{
    vars[0] = m->data.in[row][0];
    if (m->ninputs == 2)
        vars[1] = m->data.in[row][1];
    memcpy(vars + m->ninputs, w, (size_t)m->n * sizeof *w);
}

/* log(1 + exp(-|z|)) + max(z, 0) - y z: the logistic loss of one row,
 * never log 0 and finite for any finite z. */
static double logistic_loss(double z, double y)
{
    return (z > 0.0 ? z : 0.0) - y * z + log1p(exp(-fabs(z)));
}

void ov_model_eval(const ov_model *m, const double *w, double *f, double *g, double *h)
{
    const int n = m->n;
    const size_t nh = (size_t)n * ((size_t)n + 1u) / 2u;
    double *work = m->work, *gz = work + ov_expr_model_work_size(m->expr), *hz = gz + n;
    double vars[OV_EXPR_MODEL_MAX_INPUTS + OV_MODEL_MAX_PARAMS];
    double hp[OV_MODEL_MAX_PARAMS * (OV_MODEL_MAX_PARAMS + 1) / 2];
    double loss = 0.0;
    if (g)
        memset(g, 0, (size_t)n * sizeof *g);
    if (g && h)
        memset(hp, 0, nh * sizeof *hp);
    for (int row = 0; row < m->data.nrows; row++) {
        row_vars(m, row, w, vars);
        double z, y = m->data.y[row];
        if (!g) {
            z = ov_expr_value(m->expr, 0.0, 0.0, vars);
        } else {
            ov_expr_model_eval(m->expr, vars, work, &z, gz, h ? hz : NULL);
        }
        double d1, d2; /* dL/dz and d2L/dz2 of this row */
        if (m->loss == OV_MODEL_LOSS_SQUARED) {
            double r = z - y;
            loss += r * r;
            d1 = 2.0 * r, d2 = 2.0;
        } else {
            loss += logistic_loss(z, y);
            /* sigma(z) and sigma(1 - sigma) from e = exp(-|z|) <= 1. */
            double ez = exp(-fabs(z)), s = z >= 0.0 ? 1.0 / (1.0 + ez) : ez / (1.0 + ez);
            d1 = s - y, d2 = ez / ((1.0 + ez) * (1.0 + ez));
        }
        if (!g)
            continue;
        for (int i = 0; i < n; i++)
            g[i] += d1 * gz[i];
        if (!h)
            continue;
        size_t idx = 0;
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++, idx++)
                hp[idx] += d2 * gz[i] * gz[j] + d1 * hz[idx];
    }
    *f = loss;
    if (g && h) {
        size_t idx = 0;
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++, idx++)
                h[i * n + j] = h[j * n + i] = hp[idx];
    }
}

/* ov_objective's eval over a model. */
static void objective_eval(const void *ctx, const double *w, double *f, double *g, double *h)
{
    ov_model_eval(ctx, w, f, g, h);
}

ov_objective ov_model_objective(const ov_model *m)
{
    ov_objective o = {m->n, m->n, m, objective_eval};
    return o;
}

double ov_model_predict(const ov_model *m, const double *w, const double *input)
{
    double vars[OV_EXPR_MODEL_MAX_INPUTS + OV_MODEL_MAX_PARAMS];
    vars[0] = input[0];
    if (m->ninputs == 2)
        vars[1] = input[1];
    memcpy(vars + m->ninputs, w, (size_t)m->n * sizeof *w);
    double z = ov_expr_value(m->expr, 0.0, 0.0, vars);
    if (m->loss == OV_MODEL_LOSS_SQUARED)
        return z;
    return z >= 0.0 ? 1.0 / (1.0 + exp(-z)) : exp(z) / (1.0 + exp(z));
}

bool ov_model_hessian_method(ov_optim_kind kind)
{
    return kind == OV_OPT_NEWTON;
}

double ov_model_hessian_per_step(int n, int rows)
{
    return (double)rows * n * (n + 1) / 2.0;
}

int ov_model_hessian_max_steps(int n, int rows)
{
    return (int)fmin(INT_MAX, floor(OV_MODEL_HESSIAN_WORK / ov_model_hessian_per_step(n, rows)));
}

bool ov_model_hessian_fits(const ov_model *m, ov_optim_kind kind, int steps)
{
    return !ov_model_hessian_method(kind) ||
           steps <= ov_model_hessian_max_steps(m->n, m->data.nrows);
}
