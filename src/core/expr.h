/* Expression engine: parses a loss formula in x, y and named parameters once
 * into a compact postfix tape, evaluates it with exact first and second
 * derivatives (forward-mode automatic differentiation), and emits the same
 * function as GLSL 330 text for the contour shader. Pure C + libm. */
#ifndef OV_EXPR_H
#define OV_EXPR_H

#include <stdbool.h>
#include <stddef.h>

#define OV_EXPR_MAX_PARAMS 8
#define OV_EXPR_MAX_SOURCE 1024

typedef struct ov_expr ov_expr;

/* Where and why parsing failed. column is 1-based into the source text. */
typedef struct ov_expr_error {
    int column;
    char message[160];
} ov_expr_error;

/* Parses src. The variables are x and y; param_names[0..nparams) name the
 * parameters (may be NULL when nparams is 0). Accepts + - * / ^ (right
 * associative, binding tighter than unary minus, so -x^2 = -(x^2)), unary
 * minus and plus, parentheses, numbers like 1, 2.5, 1e-3, the functions exp
 * log sqrt sin cos tan tanh abs, and the constants pi and e.
 * Returns a new expression, or NULL with *err filled (err may be NULL).
 * The caller owns the result and frees it with ov_expr_destroy. */
ov_expr *ov_expr_create(const char *src, const char *const *param_names,
                        int nparams, ov_expr_error *err);

/* The right-hand side of one assignment of a typed update rule: parsed as
 * a formula in names[0..nnames) (at most OV_EXPR_RULE_MAX_NAMES; x and y
 * are not variables here), with sign(a), min(a, b) and max(a, b) besides
 * the formula functions. Evaluated only by ov_expr_rule_value (rules are
 * never differentiated or drawn). */
#define OV_EXPR_RULE_MAX_NAMES 16
ov_expr *ov_expr_create_rule(const char *src, const char *const *names, int nnames,
                             ov_expr_error *err);
/* The value of a rule expression with vals[i] the value of names[i]. */
double ov_expr_rule_value(const ov_expr *e, const double *vals);

/* A model's formula (model.h): a function of ninputs data inputs (1 or 2,
 * e.g. "t" or "x1", "x2") and nparams parameters (at most
 * OV_EXPR_MODEL_MAX_PARAMS), differentiated with respect to the parameters
 * only. x and y are not variables here (an error names the inputs); the
 * functions and constants are a surface formula's. Names are not checked
 * for clashes here (model.c does). Evaluate it with ov_expr_model_eval, or
 * for its value alone with ov_expr_value(e, 0, 0, vars), vars as there. */
#define OV_EXPR_MODEL_MAX_INPUTS 2
#define OV_EXPR_MODEL_MAX_PARAMS 64
ov_expr *ov_expr_create_model(const char *src, const char *const *inputs, int ninputs,
                              const char *const *params, int nparams, ov_expr_error *err);

/* Doubles of workspace ov_expr_model_eval needs for e (a model formula):
 * allocate once, reuse for every call. */
size_t ov_expr_model_work_size(const ov_expr *e);

/* A model formula's value at vars (its ninputs inputs, then its n
 * parameters) and, by forward-mode differentiation with dense tangents,
 * when grad is not NULL its n partial derivatives with respect to the
 * parameters, and when hess is also not NULL the upper triangle of its
 * Hessian over them, packed row by row: (0,0), (0,1), .., (0,n-1), (1,1),
 * .., (n-1,n-1), n(n+1)/2 values. work: ov_expr_model_work_size(e)
 * doubles, overwritten. Domain errors give NaN or Inf as libm does. */
void ov_expr_model_eval(const ov_expr *e, const double *vars, double *work, double *value,
                        double *grad, double *hess);

/* Frees e; ov_expr_destroy(NULL) is a no-op. */
void ov_expr_destroy(ov_expr *e);

/* The text the expression was parsed from. */
const char *ov_expr_source(const ov_expr *e);

/* True when the formula reads y anywhere (a formula in x alone is drawn
 * as a curve and its runs move along x only). */
bool ov_expr_uses_y(const ov_expr *e);

/* Value at (x, y). params holds the values of the named parameters in the
 * order given at creation (may be NULL when there are none). Domain errors
 * (log of a negative number, ...) yield NaN or Inf as libm does. */
double ov_expr_value(const ov_expr *e, double x, double y, const double *params);

/* Value and exact gradient (d/dx, d/dy). */
void ov_expr_grad(const ov_expr *e, double x, double y, const double *params,
                  double *value, double grad[2]);

/* Value, gradient and Hessian; hess = {d2/dx2, d2/dxdy, d2/dy2}. */
void ov_expr_hess(const ov_expr *e, double x, double y, const double *params,
                  double *value, double grad[2], double hess[3]);

/* Writes the GLSL 330 function
 *     float <fn_name>(vec2 p) { ... }
 * into buf (NUL-terminated). Inside it p.x and p.y are x and y, and parameter
 * i is read from the uniform array element <param_array>[i]; the caller
 * declares `uniform float <param_array>[OV_EXPR_MAX_PARAMS];` above it.
 * Integer powers become multiplications (GLSL pow is undefined for a
 * negative base). Returns the length written, or -1 when cap is too small. */
int ov_expr_glsl(const ov_expr *e, const char *fn_name, const char *param_array,
                 char *buf, size_t cap);

/* Writes e's body as GLSL: the caller's signature line (for instance
 * "float f(float u)"), then "{", straight-line code and "}". Name i
 * (ov_expr_create_model: the inputs, then the parameters) is written as
 * names[i], a GLSL identifier or expression in scope there. Returns the
 * length written, or -1 when cap is too small. */
int ov_expr_glsl_named(const ov_expr *e, const char *signature, const char *const *names,
                       char *buf, size_t cap);

/* Writes k as a GLSL float literal ("2.0", "1.5e-07", negative values in
 * parentheses, so it can follow any operator); at most 40 bytes. */
void ov_expr_glsl_float(double k, char *buf, size_t cap);

/* Writes a three-line human-readable report of err for src into buf:
 *     <prefix>: <message> at column N
 *       <src>
 *       <spaces>^
 * Returns buf. */
char *ov_expr_format_error(const char *prefix, const char *src,
                           const ov_expr_error *err, char *buf, size_t cap);

#endif
