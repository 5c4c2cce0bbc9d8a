/* Private layout of an ov_expr, shared by the parser (expr_parse.c), the
 * evaluator (expr_eval.c) and the GLSL emitter (expr_glsl.c). Not part of the
 * public API: only the expr*.c files include it. */
#ifndef OV_EXPR_INTERNAL_H
#define OV_EXPR_INTERNAL_H

#include "expr.h"

#include <stdbool.h>

/* Most values an evaluation keeps on its stack; the parser rejects formulas
 * that need more ("formula too complex"). */
#define OV_EXPR_STACK 64
/* Deepest nesting of parentheses, unary signs and exponents the parser
 * follows before it gives up ("formula too deeply nested"). */
#define OV_EXPR_MAX_DEPTH 64
/* Integer exponents up to this size are kept as integer powers (POWI):
 * defined for a negative base, emitted as multiplications in GLSL. In C
 * they are evaluated by multiplication up to OV_EXPR_MULT_POW (at most
 * three roundings) and by pow() beyond it. */
#define OV_EXPR_MAX_INT_POW (1 << 20)
#define OV_EXPR_MULT_POW 4

typedef enum ov_expr_opcode {
    OV_OP_CONST, /* push k */
    OV_OP_X,     /* push x */
    OV_OP_Y,     /* push y */
    OV_OP_PARAM, /* push params[arg] */
    OV_OP_ADD,   /* binary: pops b, a; pushes a op b */
    OV_OP_SUB,
    OV_OP_MUL,
    OV_OP_DIV,
    OV_OP_POW,   /* a^b, b depending on x, y or parameters: exp(b log a) */
    OV_OP_NEG,   /* unary: replaces the top a by f(a) */
    OV_OP_ADDC,  /* a + k: a binary op with a constant operand, fused */
    OV_OP_SUBC,  /* a - k */
    OV_OP_RSUBC, /* k - a */
    OV_OP_MULC,  /* a * k */
    OV_OP_DIVC,  /* a / k */
    OV_OP_RDIVC, /* k / a */
    OV_OP_POWI,  /* a^arg, arg an integer (negative allowed) */
    OV_OP_POWC,  /* a^k, k a non-integer constant */
    OV_OP_EXP,
    OV_OP_LOG,
    OV_OP_SQRT,
    OV_OP_SIN,
    OV_OP_COS,
    OV_OP_TAN,
    OV_OP_TANH,
    OV_OP_ABS,
    /* Only in rules (ov_expr_create_rule), which are evaluated, never
     * differentiated, fused or written as GLSL: */
    OV_OP_SIGN,  /* unary: -1, 0 or 1 (NaN stays NaN) */
    OV_OP_MIN,   /* binary: pops b, a; pushes min(a, b) (NaN if either is) */
    OV_OP_MAX
} ov_expr_opcode;

typedef struct ov_expr_op {
    int code; /* an ov_expr_opcode */
    int arg;  /* parameter index (PARAM) or exponent (POWI) */
    double k; /* constant (CONST) or exponent (POWC) */
} ov_expr_op;

/* The fused tape (expr_fuse.c): the postfix tape rewritten for the value
 * and gradient loops, with fewer, larger ops. Every fused op computes
 * exactly the floating-point operations of the ops it replaces, less
 * additions of 0 and multiplications by 1, so results agree up to the sign
 * of a zero (and, where the value is infinite, a derivative may be infinite
 * where 0 * inf made it NaN). (a + k)^2 and (k - a)^2 are computed as
 * (a - k')^2 with k' = -k and k: the same bits under round-to-nearest.
 * X/Y pairs are adjacent: the Y form is the X form + 1. */
typedef enum ov_expr_fcode {
    OV_F_CONST,      /* push k */
    OV_F_X,
    OV_F_Y,
    OV_F_PARAM,      /* push params[arg] */
    OV_F_ADD,        /* binary over the stack, as OV_OP_ADD .. OV_OP_POW */
    OV_F_SUB,
    OV_F_MUL,
    OV_F_DIV,
    OV_F_POW,
    OV_F_ADD_X,      /* a + x (also x + a), replacing a push of x */
    OV_F_ADD_Y,
    OV_F_SUB_X,      /* a - x */
    OV_F_SUB_Y,
    OV_F_RSUB_X,     /* x - a */
    OV_F_RSUB_Y,
    OV_F_MUL_X,      /* a * x (also x * a) */
    OV_F_MUL_Y,
    OV_F_DIV_X,      /* a / x */
    OV_F_DIV_Y,
    OV_F_RDIV_X,     /* x / a */
    OV_F_RDIV_Y,
    OV_F_NEG,        /* unary, as the OV_OP_ of the same name */
    OV_F_ADDC,
    OV_F_SUBC,
    OV_F_RSUBC,
    OV_F_MULC,
    OV_F_DIVC,
    OV_F_RDIVC,
    OV_F_SQR,        /* a^2 */
    OV_F_SUBC_SQR,   /* (a - k)^2 */
    OV_F_X_SUBC_SQR, /* push (x - k)^2; x^2 is k = 0 */
    OV_F_Y_SUBC_SQR,
    OV_F_ADD_X_SUBC_SQR, /* (a + x - k)^2 */
    OV_F_ADD_Y_SUBC_SQR,
    OV_F_SUBC_SQR_ADD,   /* b + (a - k)^2, b below a on the stack */
    OV_F_ADD_X_SUBC_SQR_ADD, /* b + (a + x - k)^2 */
    OV_F_ADD_Y_SUBC_SQR_ADD,
    OV_F_EXP,
    OV_F_MULC_EXP,   /* exp(a * k) */
    OV_F_MULC_EXP_MULC, /* exp(a * k) * k2 */
    OV_F_UNARY,      /* any other unary op: the ov_expr_op {sub, arg, k} */
    OV_F_END         /* the end of the tape, after the last op */
} ov_expr_fcode;

typedef struct ov_expr_fop {
    short code; /* an ov_expr_fcode */
    short sub;  /* OV_F_UNARY: the ov_expr_opcode */
    int arg;    /* as in ov_expr_op */
    double k, k2;
} ov_expr_fop;

struct ov_expr {
    char *src;          /* owned copy of the source text */
    ov_expr_op *ops;    /* owned postfix tape (Hessian, GLSL) */
    int nops;
    ov_expr_fop *fops;  /* owned fused tape (value, gradient), then OV_F_END */
    int nfops;          /* ops before the OV_F_END */
    int max_stack;      /* deepest stack the tape reaches, <= OV_EXPR_STACK */
    int nparams;        /* names PARAM indexes: a model's inputs, then its parameters */
    int ninputs;        /* a model formula (ov_expr_create_model): the leading
                         * ninputs names are data inputs, not differentiated; 0
                         * for surfaces and rules */
};

/* a^n, n may be negative: by multiplication for |n| <= OV_EXPR_MULT_POW,
 * else pow(); within a few ulp either way. */
double ov_expr_ipow(double a, int n);

/* The value of a unary op (NEG .. ABS) applied to a, as evaluation does. */
double ov_expr_apply_unary(const ov_expr_op *op, double a);

/* Builds e->fops from e->ops; false when out of memory. */
bool ov_expr_fuse(ov_expr *e);

/* f(a), f'(a) and, when d2 is not NULL, f''(a) for a unary op (NEG ..
 * ABS), with the closed-form derivatives. */
double ov_expr_unary_eval(const ov_expr_op *op, double a, double *d1, double *d2);

/* The value of a binary op (ADD .. POW, MIN, MAX) applied to a and b. */
double ov_expr_apply_binary(int code, double a, double b);

#endif
