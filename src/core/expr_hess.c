/* Expression engine, part 6: value, gradient and Hessian at once, as
 * second-order dual numbers over the postfix tape (Newton's method, the
 * curvature overlay). No allocation, no recursion: a fixed local stack
 * sized by OV_EXPR_STACK, which the parser guarantees is enough. */
#include "expr_internal.h"

#include <math.h>

typedef struct dual2 {
    double v, x, y, xx, xy, yy;
} dual2;

static inline double param_value(const double *params, int i)
{
    return params ? params[i] : 0.0;
}

/* a := f(a) for a second-order dual number, given f, f' and f''. */
static inline void chain2(dual2 *a, double f, double d1, double d2)
{
    a->xx = d2 * a->x * a->x + d1 * a->xx;
    a->xy = d2 * a->x * a->y + d1 * a->xy;
    a->yy = d2 * a->y * a->y + d1 * a->yy;
    a->x *= d1, a->y *= d1;
    a->v = f;
}

/* a := a * b for second-order dual numbers. */
static inline void mul2(dual2 *a, const dual2 *b)
{
    a->xx = a->xx * b->v + 2.0 * a->x * b->x + a->v * b->xx;
    a->xy = a->xy * b->v + a->x * b->y + a->y * b->x + a->v * b->xy;
    a->yy = a->yy * b->v + 2.0 * a->y * b->y + a->v * b->yy;
    a->x = a->x * b->v + a->v * b->x;
    a->y = a->y * b->v + a->v * b->y;
    a->v *= b->v;
}

void ov_expr_hess(const ov_expr *e, double x, double y, const double *params, double *value,
                  double grad[2], double hess[3])
{
    dual2 st[OV_EXPR_STACK];
    int sp = 0;
    const ov_expr_op *op = e->ops, *end = e->ops + e->nops;
    for (; op < end; op++) {
        dual2 *a, *b;
        switch (op->code) {
        case OV_OP_CONST:
            st[sp++] = (dual2){op->k, 0.0, 0.0, 0.0, 0.0, 0.0};
            break;
        case OV_OP_X:
            st[sp++] = (dual2){x, 1.0, 0.0, 0.0, 0.0, 0.0};
            break;
        case OV_OP_Y:
            st[sp++] = (dual2){y, 0.0, 1.0, 0.0, 0.0, 0.0};
            break;
        case OV_OP_PARAM:
            st[sp++] = (dual2){param_value(params, op->arg), 0.0, 0.0, 0.0, 0.0, 0.0};
            break;
        case OV_OP_ADD:
        case OV_OP_SUB: {
            b = &st[--sp], a = b - 1;
            double s = op->code == OV_OP_ADD ? 1.0 : -1.0;
            a->v += s * b->v, a->x += s * b->x, a->y += s * b->y;
            a->xx += s * b->xx, a->xy += s * b->xy, a->yy += s * b->yy;
            break;
        }
        case OV_OP_MUL:
            b = &st[--sp], a = b - 1;
            mul2(a, b);
            break;
        case OV_OP_DIV: {
            /* q = a/b from a = q b: q_i = (a_i - q b_i) / b and
             * q_ij = (a_ij - q_i b_j - q_j b_i - q b_ij) / b. */
            b = &st[--sp], a = b - 1;
            double q = a->v / b->v;
            double qx = (a->x - q * b->x) / b->v, qy = (a->y - q * b->y) / b->v;
            a->xx = (a->xx - 2.0 * qx * b->x - q * b->xx) / b->v;
            a->xy = (a->xy - qx * b->y - qy * b->x - q * b->xy) / b->v;
            a->yy = (a->yy - 2.0 * qy * b->y - q * b->yy) / b->v;
            a->v = q, a->x = qx, a->y = qy;
            break;
        }
        case OV_OP_POW: {
            /* a^b = exp(f), f = b log a; (e^f)_ij = e^f (f_ij + f_i f_j). */
            b = &st[--sp], a = b - 1;
            double v = pow(a->v, b->v), la = log(a->v), ia = 1.0 / a->v, r = b->v * ia;
            double fx = b->x * la + r * a->x, fy = b->y * la + r * a->y;
            double fxx = b->xx * la + 2.0 * b->x * a->x * ia + r * (a->xx - a->x * a->x * ia);
            double fxy = b->xy * la + (b->x * a->y + b->y * a->x) * ia +
                         r * (a->xy - a->x * a->y * ia);
            double fyy = b->yy * la + 2.0 * b->y * a->y * ia + r * (a->yy - a->y * a->y * ia);
            a->v = v, a->x = v * fx, a->y = v * fy;
            a->xx = v * (fxx + fx * fx), a->xy = v * (fxy + fx * fy), a->yy = v * (fyy + fy * fy);
            break;
        }
        default: {
            double d1, d2;
            a = &st[sp - 1];
            double f = ov_expr_unary_eval(op, a->v, &d1, &d2);
            chain2(a, f, d1, d2);
            break;
        }
        }
    }
    if (sp == 1) {
        *value = st[0].v, grad[0] = st[0].x, grad[1] = st[0].y;
        hess[0] = st[0].xx, hess[1] = st[0].xy, hess[2] = st[0].yy;
    } else {
        *value = grad[0] = grad[1] = hess[0] = hess[1] = hess[2] = NAN;
    }
}
