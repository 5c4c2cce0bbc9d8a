/* Expression engine, part 4: the peephole pass that rewrites the postfix
 * tape into the fused tape of expr_internal.h, which the value and gradient
 * loops of expr_eval.c run: a push of x or y followed by the binary op that
 * consumes it becomes one op (x + y is X ADD_Y, x * (...) becomes (...)
 * MUL_X), and the common chains of loss formulas, (x - k)^2,
 * b + (a + y - k)^2 and k2 * exp(k * a), become one op each. Fewer ops,
 * fewer dispatches and stack moves, the same arithmetic. */
#include "expr_internal.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

/* 0 for a lone push of x, 1 for one of y, -1 for anything else. */
static int leaf_var(const ov_expr_fop *op)
{
    return op->code == OV_F_X ? 0 : op->code == OV_F_Y ? 1 : -1;
}

static ov_expr_fop fop(int code, int arg, double k)
{
    ov_expr_fop f = {(short)code, 0, arg, k, 1.0};
    return f;
}

/* Appends the binary op code (OV_OP_ADD .. OV_OP_POW) over the segments
 * [left, right) and [right, n); returns the new length. */
static int fuse_binary(ov_expr_fop *out, int n, int code, int left, int right)
{
    /* The fused op for a leaf on the right, and for one on the left. */
    static const int with_right[] = {OV_F_ADD_X, OV_F_SUB_X, OV_F_MUL_X, OV_F_DIV_X};
    static const int with_left[] = {OV_F_ADD_X, OV_F_RSUB_X, OV_F_MUL_X, OV_F_RDIV_X};
    int i = code - OV_OP_ADD;
    if (code != OV_OP_POW) {
        int v = n - right == 1 ? leaf_var(&out[right]) : -1;
        if (v >= 0) {
            out[right] = fop(with_right[i] + v, 0, 0.0);
            return n;
        }
        v = right - left == 1 ? leaf_var(&out[left]) : -1;
        if (v >= 0) {
            memmove(&out[left], &out[right], (size_t)(n - right) * sizeof out[0]);
            out[n - 1] = fop(with_left[i] + v, 0, 0.0);
            return n;
        }
    }
    /* The sum of squares of least-squares losses: the square that made the
     * right operand adds the left one too. */
    int last = out[n - 1].code;
    if (code == OV_OP_ADD && last == OV_F_SQR) {
        out[n - 1] = fop(OV_F_SUBC_SQR_ADD, 0, 0.0); /* a - 0 is a */
        return n;
    }
    if (code == OV_OP_ADD && (last == OV_F_SUBC_SQR || last == OV_F_ADD_X_SUBC_SQR ||
                              last == OV_F_ADD_Y_SUBC_SQR)) {
        out[n - 1].code = (short)(last == OV_F_SUBC_SQR ? OV_F_SUBC_SQR_ADD
                                                        : last - OV_F_ADD_X_SUBC_SQR +
                                                              OV_F_ADD_X_SUBC_SQR_ADD);
        return n;
    }
    out[n] = fop(OV_F_ADD + i, 0, 0.0);
    return n + 1;
}

/* Appends the unary op *op, merging it into the op before it (which made
 * the value it applies to) where a fused form exists; returns the new
 * length. */
static int fuse_unary(ov_expr_fop *out, int n, const ov_expr_op *op)
{
    ov_expr_fop *last = &out[n - 1];
    switch (op->code) {
    case OV_OP_POWI:
        if (op->arg != 2)
            break;
        if (leaf_var(last) >= 0) {
            last->code = (short)(OV_F_X_SUBC_SQR + leaf_var(last));
            last->k = 0.0;
            return n;
        }
        if (last->code == OV_F_ADDC || last->code == OV_F_SUBC || last->code == OV_F_RSUBC) {
            /* The op before a unary op made its operand. */
            ov_expr_fop *before = n >= 2 ? &out[n - 2] : NULL;
            double k = last->code == OV_F_ADDC ? -last->k : last->k;
            if (before && leaf_var(before) >= 0) {
                before->code = (short)(OV_F_X_SUBC_SQR + leaf_var(before));
                before->k = k;
                return n - 1;
            }
            if (before && (before->code == OV_F_ADD_X || before->code == OV_F_ADD_Y)) {
                before->code = (short)(before->code - OV_F_ADD_X + OV_F_ADD_X_SUBC_SQR);
                before->k = k;
                return n - 1;
            }
            last->code = OV_F_SUBC_SQR;
            last->k = k;
            return n;
        }
        out[n] = fop(OV_F_SQR, 0, 0.0);
        return n + 1;
    case OV_OP_EXP:
        if (last->code == OV_F_MULC) {
            last->code = OV_F_MULC_EXP;
            return n;
        }
        out[n] = fop(OV_F_EXP, 0, 0.0);
        return n + 1;
    case OV_OP_MULC:
        if (last->code == OV_F_MULC_EXP || last->code == OV_F_EXP) {
            if (last->code == OV_F_EXP)
                last->k = 1.0;
            last->code = OV_F_MULC_EXP_MULC;
            last->k2 = op->k;
            return n;
        }
        break;
    default:
        break;
    }
    static const int direct[] = {OV_F_NEG, OV_F_ADDC, OV_F_SUBC, OV_F_RSUBC,
                                 OV_F_MULC, OV_F_DIVC, OV_F_RDIVC};
    if (op->code >= OV_OP_NEG && op->code <= OV_OP_RDIVC) {
        out[n] = fop(direct[op->code - OV_OP_NEG], 0, op->k);
    } else {
        out[n] = fop(OV_F_UNARY, op->arg, op->k);
        out[n].sub = (short)op->code;
    }
    return n + 1;
}

bool ov_expr_fuse(ov_expr *e)
{
    /* Where the code of each value on the stack starts in out. */
    int start[OV_EXPR_STACK + 1];
    int depth = 0, n = 0;
    ov_expr_fop *out = malloc((size_t)(e->nops + 1) * sizeof *out);
    if (!out)
        return false;
    for (int i = 0; i < e->nops; i++) {
        const ov_expr_op *op = &e->ops[i];
        if (op->code <= OV_OP_PARAM) {
            assert(depth <= OV_EXPR_STACK);
            start[depth++] = n;
            out[n++] = fop(OV_F_CONST + op->code - OV_OP_CONST, op->arg, op->k);
        } else if (op->code <= OV_OP_POW) {
            assert(depth >= 2);
            depth--;
            n = fuse_binary(out, n, op->code, start[depth - 1], start[depth]);
        } else {
            assert(depth >= 1);
            n = fuse_unary(out, n, op);
        }
    }
    out[n] = fop(OV_F_END, 0, 0.0);
    free(e->fops);
    e->fops = out;
    e->nfops = n;
    return true;
}
