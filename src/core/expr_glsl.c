/* Expression engine, part 3: emits the tape as a GLSL 330 function, straight
 * line code with one `float tN` per operation. Leaves (x, y, parameters,
 * constants) are written inline; constants always as float literals.
 * Integer powers become multiplications because GLSL pow(a, b) is undefined
 * for a < 0; non-integer powers use pow and are, as in GLSL, undefined for a
 * negative base. */
#include "expr_internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef struct writer {
    char *buf;
    size_t cap, len;
    int overflow;
    /* ov_expr_glsl_named: what name i is written as; NULL for a surface
     * (x, y as p.x, p.y and parameters as param_array[i]). */
    const char *const *names;
} writer;

#ifdef __GNUC__
__attribute__((format(printf, 2, 3)))
#endif
/* Appends formatted text; on overflow keeps going only to remember it. */
static void put(writer *w, const char *fmt, ...)
{
    if (w->overflow)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(w->buf + w->len, w->cap - w->len, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= w->cap - w->len) {
        w->overflow = 1;
        return;
    }
    w->len += (size_t)n;
}

/* Writes k as a GLSL float literal: always with a '.' ("2.0", "1.0e-05"),
 * negative values in parentheses so they can follow any operator. */
void ov_expr_glsl_float(double k, char *buf, size_t cap)
{
    if (!buf || cap == 0)
        return;
    if (isnan(k)) {
        snprintf(buf, cap, "(0.0/0.0)");
        return;
    }
    if (isinf(k)) {
        snprintf(buf, cap, "%s", k > 0 ? "1.0e39" : "(-1.0e39)");
        return;
    }
    char num[40];
    snprintf(num, sizeof num, "%.9g", fabs(k));
    char *ex = strchr(num, 'e');
    const char *sign = k < 0 ? "(-" : "";
    const char *close = k < 0 ? ")" : "";
    if (strchr(num, '.'))
        snprintf(buf, cap, "%s%s%s", sign, num, close);
    else if (ex)
        snprintf(buf, cap, "%s%.*s.0%s%s", sign, (int)(ex - num), num, ex, close);
    else
        snprintf(buf, cap, "%s%s.0%s", sign, num, close);
}

static void put_float(writer *w, double k)
{
    char num[48];
    ov_expr_glsl_float(k, num, sizeof num);
    put(w, "%s", num);
}

/* A stack entry: a temporary tN when >= 0, else the leaf op at index -(v+1). */
static void put_operand(writer *w, const ov_expr *e, int entry, const char *param_array)
{
    if (entry >= 0) {
        put(w, "t%d", entry);
        return;
    }
    const ov_expr_op *op = &e->ops[-entry - 1];
    switch (op->code) {
    case OV_OP_CONST:
        put_float(w, op->k);
        break;
    case OV_OP_X:
        put(w, "p.x");
        break;
    case OV_OP_Y:
        put(w, "p.y");
        break;
    default:
        if (w->names)
            put(w, "%s", w->names[op->arg]);
        else
            put(w, "%s[%d]", param_array, op->arg);
        break;
    }
}

/* Writes the right-hand side of t<id> = a^n using only multiplication; for
 * |n| > 4 it first declares squares t<id>_0 = a*a, t<id>_1 = t<id>_0^2, ... */
static void put_int_pow(writer *w, const ov_expr *e, int a, int n, int id,
                        const char *param_array)
{
    unsigned m = n < 0 ? 0u - (unsigned)n : (unsigned)n;
    if (m == 0) {
        put(w, "    float t%d = 1.0;\n", id);
        return;
    }
    int factors[32];
    int nf = 0;
    if (m <= 4) {
        while (nf < (int)m)
            factors[nf++] = -1;
    } else {
        int level = -1; /* -1: a itself, j >= 0: t<id>_j = a^(2^(j+1)) */
        int j = 0;
        while (m) {
            if (m & 1u)
                factors[nf++] = level;
            m >>= 1;
            if (m) {
                put(w, "    float t%d_%d = ", id, j);
                for (int k = 0; k < 2; k++) {
                    if (k)
                        put(w, "*");
                    if (level < 0)
                        put_operand(w, e, a, param_array);
                    else
                        put(w, "t%d_%d", id, level);
                }
                put(w, ";\n");
                level = j++;
            }
        }
    }
    put(w, "    float t%d = %s", id, n < 0 ? "1.0/(" : "");
    for (int i = 0; i < nf; i++) {
        if (i)
            put(w, "*");
        if (factors[i] < 0)
            put_operand(w, e, a, param_array);
        else
            put(w, "t%d_%d", id, factors[i]);
    }
    put(w, "%s;\n", n < 0 ? ")" : "");
}

static const char *glsl_func(int code)
{
    switch (code) {
    case OV_OP_EXP:
        return "exp";
    case OV_OP_LOG:
        return "log";
    case OV_OP_SQRT:
        return "sqrt";
    case OV_OP_SIN:
        return "sin";
    case OV_OP_COS:
        return "cos";
    case OV_OP_TAN:
        return "tan";
    case OV_OP_TANH:
        return "tanh";
    default:
        return "abs";
    }
}

/* Writes the body of e (after the signature line) into w; false when a
 * parameter has no name to be written as. */
static bool put_body(writer *w0, const ov_expr *e, const char *param_array)
{
    writer w = *w0;
    int st[OV_EXPR_STACK];
    int sp = 0, temps = 0;
    put(&w, "{\n");
    for (int i = 0; i < e->nops; i++) {
        const ov_expr_op *op = &e->ops[i];
        if (op->code <= OV_OP_PARAM) {
            if (op->code == OV_OP_PARAM && !param_array && !w.names)
                return false;
            st[sp++] = -i - 1;
            continue;
        }
        int id = temps++;
        if (op->code <= OV_OP_POW) {
            int b = st[--sp], a = st[sp - 1];
            if (op->code == OV_OP_POW) {
                put(&w, "    float t%d = pow(", id);
                put_operand(&w, e, a, param_array);
                put(&w, ", ");
                put_operand(&w, e, b, param_array);
                put(&w, ");\n");
            } else {
                static const char sym[] = "+-*/";
                put(&w, "    float t%d = ", id);
                put_operand(&w, e, a, param_array);
                put(&w, "%c", sym[op->code - OV_OP_ADD]);
                put_operand(&w, e, b, param_array);
                put(&w, ";\n");
            }
        } else {
            int a = st[sp - 1];
            if (op->code == OV_OP_POWI) {
                put_int_pow(&w, e, a, op->arg, id, param_array);
            } else if (op->code == OV_OP_POWC) {
                put(&w, "    float t%d = pow(", id);
                put_operand(&w, e, a, param_array);
                put(&w, ", ");
                put_float(&w, op->k);
                put(&w, ");\n");
            } else if (op->code >= OV_OP_ADDC && op->code <= OV_OP_RDIVC) {
                static const char sym[] = "+--*//";
                int reversed = op->code == OV_OP_RSUBC || op->code == OV_OP_RDIVC;
                put(&w, "    float t%d = ", id);
                if (reversed)
                    put_float(&w, op->k);
                else
                    put_operand(&w, e, a, param_array);
                put(&w, "%c", sym[op->code - OV_OP_ADDC]);
                if (reversed)
                    put_operand(&w, e, a, param_array);
                else
                    put_float(&w, op->k);
                put(&w, ";\n");
            } else if (op->code == OV_OP_NEG) {
                put(&w, "    float t%d = -", id);
                put_operand(&w, e, a, param_array);
                put(&w, ";\n");
            } else {
                put(&w, "    float t%d = %s(", id, glsl_func(op->code));
                put_operand(&w, e, a, param_array);
                put(&w, ");\n");
            }
        }
        st[sp - 1] = id;
    }
    put(&w, "    return ");
    if (sp == 1)
        put_operand(&w, e, st[0], param_array);
    else
        put(&w, "0.0");
    put(&w, ";\n}\n");
    *w0 = w;
    return true;
}

int ov_expr_glsl(const ov_expr *e, const char *fn_name, const char *param_array, char *buf,
                 size_t cap)
{
    if (!e || !fn_name || !buf || cap == 0)
        return -1;
    writer w = {buf, cap, 0, 0, NULL};
    put(&w, "float %s(vec2 p)\n", fn_name);
    if (!put_body(&w, e, param_array) || w.overflow) {
        buf[0] = '\0';
        return -1;
    }
    return (int)w.len;
}

int ov_expr_glsl_named(const ov_expr *e, const char *signature, const char *const *names,
                       char *buf, size_t cap)
{
    if (!e || !signature || !names || !buf || cap == 0)
        return -1;
    writer w = {buf, cap, 0, 0, names};
    put(&w, "%s\n", signature);
    if (!put_body(&w, e, NULL) || w.overflow) {
        buf[0] = '\0';
        return -1;
    }
    return (int)w.len;
}
