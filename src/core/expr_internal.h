/* Private layout of an ov_expr, shared by the parser (expr_parse.c), the
 * evaluator (expr_eval.c) and the GLSL emitter (expr_glsl.c). Not part of the
 * public API: only the expr*.c files include it. */
#ifndef OV_EXPR_INTERNAL_H
#define OV_EXPR_INTERNAL_H

#include "expr.h"

/* Most values an evaluation keeps on its stack; the parser rejects formulas
 * that need more ("formula too complex"). */
#define OV_EXPR_STACK 64
/* Deepest nesting of parentheses, unary signs and exponents the parser
 * follows before it gives up ("formula too deeply nested"). */
#define OV_EXPR_MAX_DEPTH 64
/* Integer exponents up to this size are evaluated by exact multiplication. */
#define OV_EXPR_MAX_INT_POW (1 << 20)

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
    OV_OP_ABS
} ov_expr_opcode;

typedef struct ov_expr_op {
    int code; /* an ov_expr_opcode */
    int arg;  /* parameter index (PARAM) or exponent (POWI) */
    double k; /* constant (CONST) or exponent (POWC) */
} ov_expr_op;

struct ov_expr {
    char *src;          /* owned copy of the source text */
    ov_expr_op *ops;    /* owned postfix tape */
    int nops;
    int max_stack;      /* deepest stack the tape reaches, <= OV_EXPR_STACK */
    int nparams;
};

/* a^n by repeated squaring; exact for small results, n may be negative. */
double ov_expr_ipow(double a, int n);

/* The value of a unary op (NEG .. ABS) applied to a, as evaluation does. */
double ov_expr_apply_unary(const ov_expr_op *op, double a);

/* The value of a binary op (ADD .. POW) applied to a and b. */
double ov_expr_apply_binary(int code, double a, double b);

#endif
