/* A model's loss on a plane of its parameter space as GLSL text for the
 * contour shader: the formula once as a function of the row's inputs with
 * the parameters in scalar globals, each parameter computed once per pixel
 * from the plane (some of the plane's origin read from the Pa/Pb uniforms),
 * and the loss summed over the data rows baked in as constants. Scalars and
 * vec4 components only, no uniform arrays (llvmpipe reads those several
 * times slower); a const array only for data sets too long to unroll. */
#include "core/model.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/expr.h"

/* Data sets up to this many rows are unrolled; longer ones loop. */
#define OV_MODEL_GLSL_UNROLL 16

typedef struct text {
    char *buf;
    size_t len, cap;
    bool failed;
} text;

#ifdef __GNUC__
__attribute__((format(printf, 2, 3)))
#endif
/* Appends formatted text, growing the buffer; remembers running out. */
static void put(text *t, const char *fmt, ...)
{
    for (;;) {
        if (t->failed)
            return;
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(t->buf + t->len, t->cap - t->len, fmt, ap);
        va_end(ap);
        if (n < 0) {
            t->failed = true;
            return;
        }
        if ((size_t)n < t->cap - t->len) {
            t->len += (size_t)n;
            return;
        }
        size_t cap = t->cap * 2 + (size_t)n;
        char *b = realloc(t->buf, cap);
        if (!b) {
            t->failed = true;
            return;
        }
        t->buf = b, t->cap = cap;
    }
}

static void put_float(text *t, double k)
{
    char num[48];
    ov_expr_glsl_float(k, num, sizeof num);
    put(t, "%s", num);
}

/* ov_mw<k> = origin + p.x*d1 + p.y*d2, the zero terms left out. */
static void put_param(text *t, const ov_model_plane *pl, int k)
{
    static const char comp[] = "xyzw";
    put(t, "    ov_mw%d = ", k);
    int slot = -1;
    for (int i = 0; i < pl->nuniform; i++)
        if (pl->uniform_coord[i] == k)
            slot = i;
    if (slot >= 0)
        put(t, "P%c.%c", slot < 4 ? 'a' : 'b', comp[slot % 4]);
    else
        put_float(t, pl->o[k]);
    if (pl->d1[k] != 0.0) {
        put(t, " + p.x*");
        put_float(t, pl->d1[k]);
    }
    if (pl->d2[k] != 0.0) {
        put(t, " + p.y*");
        put_float(t, pl->d2[k]);
    }
    put(t, ";\n");
}

/* The loss of one row given its logit or value in z and target y (a GLSL
 * expression each): added to L. log(1 + exp(-|z|)) has an argument >= 1. */
static void put_row_loss(text *t, ov_model_loss loss, const char *yexpr)
{
    if (loss == OV_MODEL_LOSS_SQUARED)
        put(t, "    r = z - %s; L += r*r;\n", yexpr);
    else
        put(t, "    L += max(z, 0.0) - %s*z + log(1.0 + exp(-abs(z)));\n", yexpr);
}

char *ov_model_glsl(const ov_model *m, const ov_model_plane *pl, char *err, size_t cap)
{
    if (!m || !pl || pl->n != m->n || pl->nuniform < 0 ||
        pl->nuniform > OV_MODEL_PLANE_UNIFORMS) {
        snprintf(err, cap, "the slice's plane does not fit the model (%d parameters)",
                 m ? m->n : 0);
        return NULL;
    }
    for (int i = 0; i < pl->nuniform; i++)
        if (pl->uniform_coord[i] < 0 || pl->uniform_coord[i] >= m->n) {
            snprintf(err, cap, "the slice's plane reads coordinate %d, not one of the model's %d",
                     pl->uniform_coord[i], m->n);
            return NULL;
        }
    text t = {malloc(8192), 0, 8192, false};
    if (!t.buf) {
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    /* The parameters as globals ov_mw<k>, the formula as ov_mz(inputs). */
    char names[OV_EXPR_MODEL_MAX_INPUTS + OV_MODEL_MAX_PARAMS][20];
    const char *name_list[OV_EXPR_MODEL_MAX_INPUTS + OV_MODEL_MAX_PARAMS];
    for (int i = 0; i < m->ninputs; i++)
        snprintf(names[i], sizeof names[i], "ov_mi%d", i);
    for (int k = 0; k < m->n; k++)
        snprintf(names[m->ninputs + k], sizeof names[0], "ov_mw%d", k);
    for (int i = 0; i < m->ninputs + m->n; i++)
        name_list[i] = names[i];
    for (int k = 0; k < m->n; k++)
        put(&t, "float ov_mw%d;\n", k);
    const char *sig = m->ninputs == 1 ? "float ov_mz(float ov_mi0)"
                                      : "float ov_mz(float ov_mi0, float ov_mi1)";
    for (size_t room = 4096; !t.failed; room *= 2) {
        if (t.cap - t.len < room) {
            char *b = realloc(t.buf, t.len + room);
            if (!b) {
                t.failed = true;
                break;
            }
            t.buf = b, t.cap = t.len + room;
        }
        int n = ov_expr_glsl_named(m->expr, sig, name_list, t.buf + t.len, room);
        if (n >= 0) {
            t.len += (size_t)n;
            break;
        }
        if (room > ((size_t)1 << 24))
            t.failed = true;
    }

    put(&t, "float ov_loss(vec2 p)\n{\n");
    for (int k = 0; k < m->n; k++)
        put_param(&t, pl, k);
    put(&t, "    float L = 0.0, z, r;\n");
    const ov_model_data *d = &m->data;
    if (d->nrows <= OV_MODEL_GLSL_UNROLL) {
        for (int i = 0; i < d->nrows; i++) {
            put(&t, "    z = ov_mz(");
            put_float(&t, d->in[i][0]);
            if (m->ninputs == 2) {
                put(&t, ", ");
                put_float(&t, d->in[i][1]);
            }
            put(&t, ");\n");
            char y[48];
            ov_expr_glsl_float(d->y[i], y, sizeof y);
            put_row_loss(&t, m->loss, y);
        }
    } else {
        int cols = m->ninputs + 1;
        put(&t, "    const float D[%d] = float[%d](", cols * d->nrows, cols * d->nrows);
        for (int i = 0; i < d->nrows; i++)
            for (int c = 0; c < cols; c++) {
                if (i || c)
                    put(&t, ",");
                put_float(&t, c < m->ninputs ? d->in[i][c] : d->y[i]);
            }
        put(&t, ");\n    for (int i = 0; i < %d; i++) {\n", d->nrows);
        if (m->ninputs == 1)
            put(&t, "    z = ov_mz(D[2*i]);\n");
        else
            put(&t, "    z = ov_mz(D[3*i], D[3*i + 1]);\n");
        put_row_loss(&t, m->loss, m->ninputs == 1 ? "D[2*i + 1]" : "D[3*i + 2]");
        put(&t, "    }\n");
    }
    put(&t, "    return L;\n}\n");
    if (t.failed) {
        free(t.buf);
        snprintf(err, cap, "cannot emit GLSL for the model (out of memory)");
        return NULL;
    }
    return t.buf;
}
