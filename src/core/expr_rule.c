/* Expression engine, rules: the value of a typed update rule's right-hand
 * side, by a plain walk over its postfix tape (rules are short and are
 * neither fused, differentiated nor written as GLSL). */
#include "expr_internal.h"

#include <math.h>

double ov_expr_rule_value(const ov_expr *e, const double *vals)
{
    double stack[OV_EXPR_STACK + 1];
    int sp = 0;
    for (int i = 0; i < e->nops; i++) {
        const ov_expr_op *op = &e->ops[i];
        switch (op->code) {
        case OV_OP_CONST:
            stack[sp++] = op->k;
            break;
        case OV_OP_X:
        case OV_OP_Y:
            stack[sp++] = 0.0;   /* not in rules */
            break;
        case OV_OP_PARAM:
            stack[sp++] = vals[op->arg];
            break;
        case OV_OP_ADD:
        case OV_OP_SUB:
        case OV_OP_MUL:
        case OV_OP_DIV:
        case OV_OP_POW:
        case OV_OP_MIN:
        case OV_OP_MAX:
            sp--;
            stack[sp - 1] = ov_expr_apply_binary(op->code, stack[sp - 1], stack[sp]);
            break;
        default:
            stack[sp - 1] = ov_expr_apply_unary(op, stack[sp - 1]);
            break;
        }
    }
    return sp == 1 ? stack[0] : NAN;
}
