/* Typed update rules: `rule{u = beta*u - g; w = w + alpha*u}`, assignments
 * per coordinate over w (the coordinate), g (its gradient at w), t (1, 2,
 * ...), alpha, beta, beta2, eps and state variables (every other assigned
 * name, starting at 0), each right-hand side a formula of the expression
 * engine (ov_expr_create_rule). Compiled rules are kept for the life of the
 * program, one per distinct text and name, so run parameters can point at
 * them and be copied freely. */
#ifndef OV_RULE_H
#define OV_RULE_H

#include <stdbool.h>
#include "expr.h"

#define OV_RULE_MAX_SOURCE 512
#define OV_RULE_MAX_STATEMENTS 16
#define OV_RULE_MAX_STATE 8
#define OV_RULE_MAX_NAME 24       /* :name=, letters, digits and '-' */
#define OV_RULE_FIXED_NAMES 7     /* w, g, t, alpha, beta, beta2, eps */
#define OV_RULE_MAX_INTERNED 256
/* gd's rule: a rule run given no text, or added to be edited. */
#define OV_RULE_GD "w = w - alpha*g"

typedef struct ov_rule {
    char source[OV_RULE_MAX_SOURCE + 1];   /* the statements as typed */
    char name[OV_RULE_MAX_NAME + 1];       /* "" or the :name= given */
    int nstatements;
    int target[OV_RULE_MAX_STATEMENTS];    /* index of the assigned name */
    ov_expr *rhs[OV_RULE_MAX_STATEMENTS];
    int nstate;                            /* state names, after the fixed ones */
    char names[OV_RULE_FIXED_NAMES + OV_RULE_MAX_STATE][32];
} ov_rule;

/* The compiled rule for source and name (name may be NULL or ""), compiled
 * on first use. NULL with *err filled (a column into source, 1-based) when
 * the text is not a rule: a statement that is not NAME = FORMULA, a formula
 * error, an unknown name, a fixed name other than w assigned, too many
 * statements or state names, or no assignment to w. Not thread-safe: call
 * it from the thread that builds scenes. */
const ov_rule *ov_rule_intern(const char *source, const char *name, ov_expr_error *err);

/* True for a valid :name= value: 1 to OV_RULE_MAX_NAME letters, digits, '-'. */
bool ov_rule_name_ok(const char *name, size_t len);

#endif
