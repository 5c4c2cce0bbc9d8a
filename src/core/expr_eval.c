/* Expression engine, part 2: evaluation of value and of value + gradient
 * (as dual numbers), two separate loops over the fused tape of expr_fuse.c
 * so the hot gradient path does no more work than it needs (the Hessian
 * loop is in expr_hess.c). No allocation, no recursion: a fixed local
 * stack sized by OV_EXPR_STACK, which the parser guarantees is enough. */
#include "expr_internal.h"

#include <assert.h>
#include <math.h>

double ov_expr_ipow(double a, int n)
{
    /* Repeated squaring rounds once per multiplication, so its error grows
     * with log2 |n| (2.5e-12 relative for x^1048576 near 1); pow() is
     * correctly rounded to within an ulp for any exponent. */
    if (n > OV_EXPR_MULT_POW || n < -OV_EXPR_MULT_POW)
        return pow(a, (double)n);
    unsigned m = n < 0 ? 0u - (unsigned)n : (unsigned)n;
    double r = 1.0, b = a;
    while (m) {
        if (m & 1u)
            r *= b;
        m >>= 1;
        if (m)
            b *= b;
    }
    return n < 0 ? 1.0 / r : r;
}

/* f(a), f'(a) and, when d2 is not NULL, f''(a) for a unary op.
 * Derivatives follow the closed forms; abs has derivative sign(a) (0 at 0)
 * and second derivative 0. */
static inline double unary_eval(const ov_expr_op *op, double a, double *d1, double *d2)
{
    double f, g, h;
    switch (op->code) {
    case OV_OP_NEG:
        f = -a, g = -1.0, h = 0.0;
        break;
    case OV_OP_ADDC:
        f = a + op->k, g = 1.0, h = 0.0;
        break;
    case OV_OP_SUBC:
        f = a - op->k, g = 1.0, h = 0.0;
        break;
    case OV_OP_RSUBC:
        f = op->k - a, g = -1.0, h = 0.0;
        break;
    case OV_OP_MULC:
        f = a * op->k, g = op->k, h = 0.0;
        break;
    case OV_OP_DIVC:
        f = a / op->k, g = 1.0 / op->k, h = 0.0;
        break;
    case OV_OP_RDIVC:
        f = op->k / a, g = -f / a, h = -2.0 * g / a;
        break;
    case OV_OP_POWI: {
        int n = op->arg;
        if (n == 2) {
            f = a * a, g = 2.0 * a, h = 2.0;
        } else if (n == 0) {
            f = 1.0, g = 0.0, h = 0.0;
        } else if (n == 1) {
            f = a, g = 1.0, h = 0.0;
        } else if (n == 3) {
            f = a * a * a, g = 3.0 * a * a, h = 6.0 * a;
        } else {
            f = ov_expr_ipow(a, n);
            g = n * ov_expr_ipow(a, n - 1);
            h = d2 ? (double)n * (n - 1) * ov_expr_ipow(a, n - 2) : 0.0;
        }
        break;
    }
    case OV_OP_POWC: {
        double k = op->k;
        f = pow(a, k);
        g = k * pow(a, k - 1.0);
        h = d2 ? k * (k - 1.0) * pow(a, k - 2.0) : 0.0;
        break;
    }
    case OV_OP_EXP:
        f = exp(a), g = f, h = f;
        break;
    case OV_OP_LOG:
        f = log(a), g = 1.0 / a, h = -g * g;
        break;
    case OV_OP_SQRT:
        f = sqrt(a), g = 0.5 / f, h = -0.5 * g / a;
        break;
    case OV_OP_SIN:
        f = sin(a), g = cos(a), h = -f;
        break;
    case OV_OP_COS:
        f = cos(a), g = -sin(a), h = -f;
        break;
    case OV_OP_TAN:
        f = tan(a), g = 1.0 + f * f, h = 2.0 * f * g;
        break;
    case OV_OP_TANH:
        /* sech²(a) = 1/cosh²(a), not 1 - tanh²(a): the difference loses
         * all its digits once tanh(a) rounds to ±1 (|a| > 19). */
        f = tanh(a), g = 1.0 / cosh(a), g *= g, h = -2.0 * f * g;
        break;
    case OV_OP_ABS:
        f = fabs(a), g = a > 0.0 ? 1.0 : (a < 0.0 ? -1.0 : 0.0), h = 0.0;
        break;
    default:
        assert(!"not a unary op");
        f = g = h = NAN;
        break;
    }
    *d1 = g;
    if (d2)
        *d2 = h;
    return f;
}

double ov_expr_unary_eval(const ov_expr_op *op, double a, double *d1, double *d2)
{
    return unary_eval(op, a, d1, d2);
}

double ov_expr_apply_unary(const ov_expr_op *op, double a)
{
    switch (op->code) {
    case OV_OP_NEG:
        return -a;
    case OV_OP_ADDC:
        return a + op->k;
    case OV_OP_SUBC:
        return a - op->k;
    case OV_OP_RSUBC:
        return op->k - a;
    case OV_OP_MULC:
        return a * op->k;
    case OV_OP_DIVC:
        return a / op->k;
    case OV_OP_RDIVC:
        return op->k / a;
    case OV_OP_POWI:
        return op->arg == 2 ? a * a : ov_expr_ipow(a, op->arg);
    case OV_OP_POWC:
        return pow(a, op->k);
    case OV_OP_EXP:
        return exp(a);
    case OV_OP_LOG:
        return log(a);
    case OV_OP_SQRT:
        return sqrt(a);
    case OV_OP_SIN:
        return sin(a);
    case OV_OP_COS:
        return cos(a);
    case OV_OP_TAN:
        return tan(a);
    case OV_OP_TANH:
        return tanh(a);
    case OV_OP_ABS:
        return fabs(a);
    case OV_OP_SIGN:
        return a > 0.0 ? 1.0 : a < 0.0 ? -1.0 : a == 0.0 ? 0.0 : a;
    default:
        assert(!"not a unary op");
        return NAN;
    }
}

double ov_expr_apply_binary(int code, double a, double b)
{
    switch (code) {
    case OV_OP_ADD:
        return a + b;
    case OV_OP_SUB:
        return a - b;
    case OV_OP_MUL:
        return a * b;
    case OV_OP_DIV:
        return a / b;
    case OV_OP_POW:
        return pow(a, b);
    case OV_OP_MIN:
        return isnan(a) || isnan(b) ? NAN : a < b ? a : b;
    case OV_OP_MAX:
        return isnan(a) || isnan(b) ? NAN : a > b ? a : b;
    default:
        assert(!"not a binary op");
        return NAN;
    }
}

static inline double param_value(const double *params, int i)
{
    return params ? params[i] : 0.0;
}

/* The value and gradient loops run the fused tape and keep the top of the
 * stack in locals (t*) and only the values below it in arrays; the first
 * push stores a dummy bottom entry, so a well-formed tape ends with
 * sp == 1. */

bool ov_expr_uses_y(const ov_expr *e)
{
    for (int i = 0; e && i < e->nops; i++)
        if (e->ops[i].code == OV_OP_Y)
            return true;
    return false;
}

double ov_expr_value(const ov_expr *e, double x, double y, const double *params)
{
    double st[OV_EXPR_STACK + 1];
    double t = 0.0;
    int sp = 0;
    const ov_expr_fop *op = e->fops, *end = e->fops + e->nfops;
    for (; op < end; op++) {
        switch (op->code) {
        case OV_F_CONST:
            st[sp++] = t, t = op->k;
            break;
        case OV_F_X:
            st[sp++] = t, t = x;
            break;
        case OV_F_Y:
            st[sp++] = t, t = y;
            break;
        case OV_F_PARAM:
            st[sp++] = t, t = param_value(params, op->arg);
            break;
        case OV_F_ADD:
            t = st[--sp] + t;
            break;
        case OV_F_SUB:
            t = st[--sp] - t;
            break;
        case OV_F_MUL:
            t = st[--sp] * t;
            break;
        case OV_F_DIV:
            t = st[--sp] / t;
            break;
        case OV_F_POW:
            t = pow(st[--sp], t);
            break;
        case OV_F_ADD_X:
            t += x;
            break;
        case OV_F_ADD_Y:
            t += y;
            break;
        case OV_F_SUB_X:
            t -= x;
            break;
        case OV_F_SUB_Y:
            t -= y;
            break;
        case OV_F_RSUB_X:
            t = x - t;
            break;
        case OV_F_RSUB_Y:
            t = y - t;
            break;
        case OV_F_MUL_X:
            t *= x;
            break;
        case OV_F_MUL_Y:
            t *= y;
            break;
        case OV_F_DIV_X:
            t /= x;
            break;
        case OV_F_DIV_Y:
            t /= y;
            break;
        case OV_F_RDIV_X:
            t = x / t;
            break;
        case OV_F_RDIV_Y:
            t = y / t;
            break;
        case OV_F_NEG:
            t = -t;
            break;
        case OV_F_ADDC:
            t += op->k;
            break;
        case OV_F_SUBC:
            t -= op->k;
            break;
        case OV_F_RSUBC:
            t = op->k - t;
            break;
        case OV_F_MULC:
            t *= op->k;
            break;
        case OV_F_DIVC:
            t /= op->k;
            break;
        case OV_F_RDIVC:
            t = op->k / t;
            break;
        case OV_F_SQR:
            t *= t;
            break;
        case OV_F_SUBC_SQR:
            t -= op->k, t *= t;
            break;
        case OV_F_X_SUBC_SQR:
            st[sp++] = t, t = x - op->k, t *= t;
            break;
        case OV_F_Y_SUBC_SQR:
            st[sp++] = t, t = y - op->k, t *= t;
            break;
        case OV_F_ADD_X_SUBC_SQR:
            t += x, t -= op->k, t *= t;
            break;
        case OV_F_ADD_Y_SUBC_SQR:
            t += y, t -= op->k, t *= t;
            break;
        case OV_F_SUBC_SQR_ADD:
            t -= op->k, t *= t, t = st[--sp] + t;
            break;
        case OV_F_ADD_X_SUBC_SQR_ADD:
            t += x, t -= op->k, t *= t, t = st[--sp] + t;
            break;
        case OV_F_ADD_Y_SUBC_SQR_ADD:
            t += y, t -= op->k, t *= t, t = st[--sp] + t;
            break;
        case OV_F_EXP:
            t = exp(t);
            break;
        case OV_F_MULC_EXP:
            t = exp(t * op->k);
            break;
        case OV_F_MULC_EXP_MULC:
            t = exp(t * op->k) * op->k2;
            break;
        default: {
            ov_expr_op u = {op->sub, op->arg, op->k};
            t = ov_expr_apply_unary(&u, t);
            break;
        }
        }
    }
    return sp == 1 ? t : NAN;
}

/* The gradient loop dispatches with GCC's labels as values where the
 * compiler has them: each op ends with its own jump to the next one through
 * a table (direct threading), which takes half the instructions of a
 * switch and predicts better; elsewhere it is a plain switch. The op
 * bodies are written once, between these macros. */
#if defined(__GNUC__)
#define OV_OP(name) ov_op_##name:
#define OV_NEXT goto *ov_label[(++op)->code]
#define OV_LOOP_BEGIN goto *ov_label[op->code];
#define OV_LOOP_END
#define OV_LABEL(name) [OV_F_##name] = &&ov_op_##name
#else
#define OV_OP(name) case OV_F_##name:
#define OV_NEXT \
    op++;       \
    continue
#define OV_LOOP_BEGIN \
    for (;;) {        \
        switch (op->code) {
#define OV_LOOP_END \
    }               \
    }
#endif

/* Pushes the top (not a parameter of OV_LEAF_OPS, which swaps tx, ty). */
#define OV_PUSH sv[sp] = tv, sx[sp] = tx, sy[sp] = ty, sp++

/* The gradient of a leaf x or y: which of tx, ty gets the 1. The fused ops
 * with a leaf operand spell out the general rule with the zero terms left
 * out, e.g. (a * x)' = a' x + a (1, 0). */
#define OV_LEAF_OPS(X, x, tx, ty)                                    \
    OV_OP(ADD_##X)                                                   \
    tv += x, tx += 1.0;                                              \
    OV_NEXT;                                                         \
    OV_OP(X##_SUBC_SQR)                                              \
    OV_PUSH;                                                         \
    d = x - op->k;                                                   \
    tv = d * d, tx = 2.0 * d, ty = 0.0;                              \
    OV_NEXT;                                                         \
    OV_OP(ADD_##X##_SUBC_SQR)                                        \
    tv += x, tx += 1.0, tv -= op->k;                                 \
    goto square;                                                     \
    OV_OP(ADD_##X##_SUBC_SQR_ADD)                                    \
    tv += x, tx += 1.0, tv -= op->k;                                 \
    goto square_add;                                                 \
    OV_OP(SUB_##X)                                                   \
    tv -= x, tx -= 1.0;                                              \
    OV_NEXT;                                                         \
    OV_OP(RSUB_##X)                                                  \
    tv = x - tv, tx = 1.0 - tx, ty = -ty;                            \
    OV_NEXT;                                                         \
    OV_OP(MUL_##X)                                                   \
    tx = tx * x + tv, ty = ty * x;                                   \
    tv *= x;                                                         \
    OV_NEXT;                                                         \
    OV_OP(DIV_##X)                                                   \
    q = tv / x;                                                      \
    tx = (tx - q) / x, ty = ty / x;                                  \
    tv = q;                                                          \
    OV_NEXT;                                                         \
    OV_OP(RDIV_##X)                                                  \
    q = x / tv;                                                      \
    tx = (1.0 - q * tx) / tv, ty = -(q * ty) / tv;                   \
    tv = q;                                                          \
    OV_NEXT;

void ov_expr_grad(const ov_expr *e, double x, double y, const double *params, double *value,
                  double grad[2])
{
#if defined(__GNUC__)
    static const void *const ov_label[] = {
        OV_LABEL(CONST),     OV_LABEL(X),         OV_LABEL(Y),
        OV_LABEL(PARAM),     OV_LABEL(ADD),       OV_LABEL(SUB),
        OV_LABEL(MUL),       OV_LABEL(DIV),       OV_LABEL(POW),
        OV_LABEL(ADD_X),     OV_LABEL(ADD_Y),     OV_LABEL(SUB_X),
        OV_LABEL(SUB_Y),     OV_LABEL(RSUB_X),    OV_LABEL(RSUB_Y),
        OV_LABEL(MUL_X),     OV_LABEL(MUL_Y),     OV_LABEL(DIV_X),
        OV_LABEL(DIV_Y),     OV_LABEL(RDIV_X),    OV_LABEL(RDIV_Y),
        OV_LABEL(NEG),       OV_LABEL(ADDC),      OV_LABEL(SUBC),
        OV_LABEL(RSUBC),     OV_LABEL(MULC),      OV_LABEL(DIVC),
        OV_LABEL(RDIVC),     OV_LABEL(SQR),       OV_LABEL(SUBC_SQR),
        OV_LABEL(X_SUBC_SQR), OV_LABEL(Y_SUBC_SQR), OV_LABEL(ADD_X_SUBC_SQR),
        OV_LABEL(ADD_Y_SUBC_SQR), OV_LABEL(SUBC_SQR_ADD), OV_LABEL(ADD_X_SUBC_SQR_ADD),
        OV_LABEL(ADD_Y_SUBC_SQR_ADD),
        OV_LABEL(EXP),
        OV_LABEL(MULC_EXP),  OV_LABEL(MULC_EXP_MULC), OV_LABEL(UNARY),
        OV_LABEL(END),
    };
#endif
    /* The stack below the top, split by component (one array each for
     * values, d/dx and d/dy), which keeps the compiler from packing the
     * top's components into vector registers it must unpack at every op. */
    double sv[OV_EXPR_STACK + 1], sx[OV_EXPR_STACK + 1], sy[OV_EXPR_STACK + 1];
    double tv = 0.0, tx = 0.0, ty = 0.0, q, d;
    int sp = 0;
    const ov_expr_fop *op = e->fops;
    OV_LOOP_BEGIN
    OV_OP(CONST)
    OV_PUSH;
    tv = op->k, tx = 0.0, ty = 0.0;
    OV_NEXT;
    OV_OP(X)
    OV_PUSH;
    tv = x, tx = 1.0, ty = 0.0;
    OV_NEXT;
    OV_OP(Y)
    OV_PUSH;
    tv = y, tx = 0.0, ty = 1.0;
    OV_NEXT;
    OV_OP(PARAM)
    OV_PUSH;
    tv = param_value(params, op->arg), tx = 0.0, ty = 0.0;
    OV_NEXT;
    OV_OP(ADD)
    --sp;
    tv = sv[sp] + tv, tx = sx[sp] + tx, ty = sy[sp] + ty;
    OV_NEXT;
    OV_OP(SUB)
    --sp;
    tv = sv[sp] - tv, tx = sx[sp] - tx, ty = sy[sp] - ty;
    OV_NEXT;
    OV_OP(MUL)
    --sp;
    tx = sx[sp] * tv + sv[sp] * tx;
    ty = sy[sp] * tv + sv[sp] * ty;
    tv = sv[sp] * tv;
    OV_NEXT;
    OV_OP(DIV)
    --sp;
    q = sv[sp] / tv;
    tx = (sx[sp] - q * tx) / tv;
    ty = (sy[sp] - q * ty) / tv;
    tv = q;
    OV_NEXT;
    OV_OP(POW)
    /* a^b = exp(b log a): d = a^b (b' log a + b a'/a). */
    --sp;
    q = pow(sv[sp], tv), d = log(sv[sp]);
    {
        double r = tv / sv[sp];
        tx = q * (tx * d + r * sx[sp]);
        ty = q * (ty * d + r * sy[sp]);
    }
    tv = q;
    OV_NEXT;
    OV_LEAF_OPS(X, x, tx, ty)
    OV_LEAF_OPS(Y, y, ty, tx)
    OV_OP(NEG)
    tv = -tv, tx = -tx, ty = -ty;
    OV_NEXT;
    OV_OP(ADDC)
    tv += op->k;
    OV_NEXT;
    OV_OP(SUBC)
    tv -= op->k;
    OV_NEXT;
    OV_OP(RSUBC)
    tv = op->k - tv, tx = -tx, ty = -ty;
    OV_NEXT;
    OV_OP(MULC)
    tv *= op->k, tx *= op->k, ty *= op->k;
    OV_NEXT;
    OV_OP(DIVC)
    d = 1.0 / op->k;
    tv /= op->k, tx *= d, ty *= d;
    OV_NEXT;
    OV_OP(RDIVC)
    q = op->k / tv, d = -q / tv;
    tv = q, tx *= d, ty *= d;
    OV_NEXT;
    OV_OP(SUBC_SQR)
    tv -= op->k;
    goto square;
    OV_OP(SUBC_SQR_ADD)
    tv -= op->k;
square_add:
    tx *= 2.0 * tv, ty *= 2.0 * tv;
    tv *= tv;
    --sp;
    tv = sv[sp] + tv, tx = sx[sp] + tx, ty = sy[sp] + ty;
    OV_NEXT;
    OV_OP(SQR)
square:
    tx *= 2.0 * tv, ty *= 2.0 * tv;
    tv *= tv;
    OV_NEXT;
    OV_OP(EXP)
    tv = exp(tv), tx *= tv, ty *= tv;
    OV_NEXT;
    OV_OP(MULC_EXP)
    tv *= op->k, tx *= op->k, ty *= op->k;
    tv = exp(tv), tx *= tv, ty *= tv;
    OV_NEXT;
    OV_OP(MULC_EXP_MULC)
    tv *= op->k, tx *= op->k, ty *= op->k;
    tv = exp(tv), tx *= tv, ty *= tv;
    tv *= op->k2, tx *= op->k2, ty *= op->k2;
    OV_NEXT;
    OV_OP(UNARY)
    {
        ov_expr_op u = {op->sub, op->arg, op->k};
        double d1;
        tv = unary_eval(&u, tv, &d1, NULL);
        tx *= d1, ty *= d1;
    }
    OV_NEXT;
    OV_OP(END)
    goto done;
    OV_LOOP_END
done:
    if (sp == 1) {
        *value = tv, grad[0] = tx, grad[1] = ty;
    } else {
        *value = grad[0] = grad[1] = NAN;
    }
}
