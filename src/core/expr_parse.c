/* Expression engine, part 1: the recursive-descent parser that turns a
 * formula into the postfix tape of expr_internal.h (folding constant
 * subexpressions on the way), reading tokens from expr_lex.c; plus
 * creation and destruction. */
#include "expr_lex.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct func_entry {
    const char *name;
    int code;
    int rules_only;   /* sign, min, max: in rules, never differentiated */
    int nargs;
} func_entry;

static const func_entry ov_expr_funcs[] = {
    {"exp", OV_OP_EXP, 0, 1},   {"log", OV_OP_LOG, 0, 1},   {"sqrt", OV_OP_SQRT, 0, 1},
    {"sin", OV_OP_SIN, 0, 1},   {"cos", OV_OP_COS, 0, 1},   {"tan", OV_OP_TAN, 0, 1},
    {"tanh", OV_OP_TANH, 0, 1}, {"abs", OV_OP_ABS, 0, 1},   {"sign", OV_OP_SIGN, 1, 1},
    {"min", OV_OP_MIN, 1, 2},   {"max", OV_OP_MAX, 1, 2},
};

static void note_stack(ov_expr_parser *p, int delta)
{
    p->cur_stack += delta;
    if (p->cur_stack > p->max_stack)
        p->max_stack = p->cur_stack;
    if (p->cur_stack > OV_EXPR_STACK)
        ov_expr_fail(p, p->tok.pos + 1, "formula too complex (more than %d pending values)",
                     OV_EXPR_STACK);
}

/* Appends an op; the tape was sized for the worst case at creation. */
static void emit(ov_expr_parser *p, int code, int arg, double k)
{
    ov_expr_op op = {code, arg, k};
    p->ops[p->nops++] = op;
    if (code <= OV_OP_PARAM)
        note_stack(p, 1);
    else if (code <= OV_OP_POW || code == OV_OP_MIN || code == OV_OP_MAX)
        note_stack(p, -1);
}

static int is_const_segment(const ov_expr_parser *p, int start)
{
    return p->nops - start == 1 && p->ops[start].code == OV_OP_CONST;
}

/* Emits a binary op over the segments [left, right) and [right, nops),
 * folding it when both are constants and the result is finite, and fusing
 * a constant operand into the op (x - 2 becomes SUBC 2) otherwise. */
static void emit_binary(ov_expr_parser *p, int code, int left, int right)
{
    int left_const = right - left == 1 && p->ops[left].code == OV_OP_CONST;
    int right_const = is_const_segment(p, right);
    if (left_const && right_const) {
        double v = ov_expr_apply_binary(code, p->ops[left].k, p->ops[right].k);
        if (isfinite(v)) {
            p->ops[left].k = v;
            p->nops--;
            note_stack(p, -1);
            return;
        }
    }
    if (code == OV_OP_MIN || code == OV_OP_MAX) {
        emit(p, code, 0, 0.0);   /* no constant-operand forms */
        return;
    }
    static const int with_right[] = {OV_OP_ADDC, OV_OP_SUBC, OV_OP_MULC, OV_OP_DIVC};
    static const int with_left[] = {OV_OP_ADDC, OV_OP_RSUBC, OV_OP_MULC, OV_OP_RDIVC};
    if (code != OV_OP_POW && (left_const || right_const)) {
        double k;
        if (right_const) {
            k = p->ops[right].k;
        } else {
            k = p->ops[left].k;
            memmove(&p->ops[left], &p->ops[right],
                    (size_t)(p->nops - right) * sizeof p->ops[0]);
        }
        p->nops--;
        note_stack(p, -1);
        int i = code - OV_OP_ADD;
        emit(p, right_const ? with_right[i] : with_left[i], 0, k);
        return;
    }
    emit(p, code, 0, 0.0);
}

/* Emits a unary op over the segment [start, nops), folding constants. */
static void emit_unary(ov_expr_parser *p, int code, int arg, double k, int start)
{
    ov_expr_op op = {code, arg, k};
    if (is_const_segment(p, start)) {
        double v = ov_expr_apply_unary(&op, p->ops[start].k);
        if (isfinite(v)) {
            p->ops[start].k = v;
            return;
        }
    }
    emit(p, code, arg, k);
}

static int parse_expr(ov_expr_parser *p);
static int parse_unary(ov_expr_parser *p);

static int ident_is(const ov_expr_parser *p, const char *name)
{
    return (size_t)p->tok.len == strlen(name) &&
           strncmp(p->src + p->tok.pos, name, (size_t)p->tok.len) == 0;
}

/* Explains an unknown name, listing what is known. */
static void fail_unknown_name(ov_expr_parser *p)
{
    char msg[sizeof p->err->message];
    int len = p->tok.len > 40 ? 40 : p->tok.len;
    size_t n = (size_t)snprintf(msg, sizeof msg, "unknown name '%.*s%s' (%s", len,
                                p->src + p->tok.pos, p->tok.len > len ? "..." : "",
                                p->rules || p->ninputs ? "" : "variables are x and y");
    int listed = 0;
    for (int i = 0; i < p->nparams && n < sizeof msg; i++) {
        if (!p->param_names[i])
            continue;
        const char *lead = p->rules ? "names: " : "; parameters: ";
        if (p->ninputs)
            lead = i == 0 ? "inputs: " : i == p->ninputs ? "; parameters: " : ", ";
        else if (listed)
            lead = ", ";
        n += (size_t)snprintf(msg + n, sizeof msg - n, "%s%s", lead, p->param_names[i]);
        listed = 1;
    }
    if (n < sizeof msg)
        snprintf(msg + n, sizeof msg - n, ")");
    ov_expr_fail(p, p->tok.pos + 1, "%s", msg);
}

/* primary = number | x | y | parameter | pi | e | func '(' expr ')' | '(' expr ')'.
 * Returns the tape index where the primary's code starts, or -1. */
static int parse_primary(ov_expr_parser *p)
{
    int start = p->nops;
    ov_expr_token t = p->tok;
    switch (t.kind) {
    case OV_TOK_NUM:
        emit(p, OV_OP_CONST, 0, t.num);
        ov_expr_lex_next(p);
        return p->failed ? -1 : start;
    case OV_TOK_LPAREN: {
        ov_expr_lex_next(p);
        if (parse_expr(p) < 0)
            return -1;
        if (p->tok.kind != OV_TOK_RPAREN) {
            ov_expr_fail(p, p->tok.pos + 1, "expected ')' to close the '(' opened at column %d",
                         t.pos + 1);
            return -1;
        }
        ov_expr_lex_next(p);
        return p->failed ? -1 : start;
    }
    case OV_TOK_IDENT:
        break;
    case OV_TOK_RPAREN:
        ov_expr_fail(p, t.pos + 1, "unexpected ')': expected a number, variable, function or '('");
        return -1;
    case OV_TOK_END:
        ov_expr_fail(p, t.pos + 1,
                     "expected a number, variable, function or '(' but the formula ends");
        return -1;
    default:
        ov_expr_fail(p, t.pos + 1, "expected a number, variable, function or '(' but found '%c'",
                     p->src[t.pos]);
        return -1;
    }

    for (size_t i = 0; i < sizeof ov_expr_funcs / sizeof ov_expr_funcs[0]; i++) {
        if (!ident_is(p, ov_expr_funcs[i].name) || (ov_expr_funcs[i].rules_only && !p->rules))
            continue;
        const int code = ov_expr_funcs[i].code;
        const char *fname = ov_expr_funcs[i].name;
        ov_expr_lex_next(p);
        if (p->failed)
            return -1;
        if (p->tok.kind != OV_TOK_LPAREN) {
            ov_expr_fail(p, p->tok.pos + 1, "'(' expected after function name '%s'", fname);
            return -1;
        }
        int open = p->tok.pos, right = 0;
        ov_expr_lex_next(p);
        if (parse_expr(p) < 0)
            return -1;
        if (ov_expr_funcs[i].nargs == 2) {   /* min(a, b), max(a, b) */
            if (p->tok.kind != OV_TOK_COMMA) {
                ov_expr_fail(p, p->tok.pos + 1,
                             "%s takes two arguments: expected ',' after the first", fname);
                return -1;
            }
            ov_expr_lex_next(p);
            right = p->nops;
            if (parse_expr(p) < 0)
                return -1;
        }
        if (p->tok.kind != OV_TOK_RPAREN) {
            ov_expr_fail(p, p->tok.pos + 1, "expected ')' to close the '(' opened at column %d",
                         open + 1);
            return -1;
        }
        ov_expr_lex_next(p);
        if (p->failed)
            return -1;
        if (ov_expr_funcs[i].nargs == 2)
            emit_binary(p, code, start, right);
        else
            emit_unary(p, code, 0, 0.0, start);
        return p->failed ? -1 : start;
    }

    int known = 1;
    if (p->ninputs && (ident_is(p, "x") || ident_is(p, "y"))) {
        ov_expr_fail(p, t.pos + 1, "'%c' is not a model's input (inputs: %s%s%s)", p->src[t.pos],
                     p->param_names[0], p->ninputs > 1 ? ", " : "",
                     p->ninputs > 1 ? p->param_names[1] : "");
        return -1;
    } else if (!p->rules && ident_is(p, "x")) {
        emit(p, OV_OP_X, 0, 0.0);
    } else if (!p->rules && ident_is(p, "y")) {
        emit(p, OV_OP_Y, 0, 0.0);
    } else {
        int idx = -1;
        for (int i = 0; i < p->nparams; i++)
            if (p->param_names[i] && ident_is(p, p->param_names[i])) {
                idx = i;
                break;
            }
        if (idx >= 0)
            emit(p, OV_OP_PARAM, idx, 0.0);
        else if (ident_is(p, "pi"))
            emit(p, OV_OP_CONST, 0, 3.14159265358979323846);
        else if (ident_is(p, "e"))
            emit(p, OV_OP_CONST, 0, 2.71828182845904523536);
        else
            known = 0;
    }
    int len = t.len > 40 ? 40 : t.len;
    ov_expr_lex_next(p);
    if (p->failed)
        return -1;
    if (p->tok.kind == OV_TOK_LPAREN) {
        if (known)
            ov_expr_fail(p, t.pos + 1, "'%.*s' is not a function (write %.*s*(...) to multiply)",
                         len, p->src + t.pos, len, p->src + t.pos);
        else
            ov_expr_fail(p, t.pos + 1, "unknown function '%.*s'", len, p->src + t.pos);
        return -1;
    }
    if (!known) {
        p->tok = t; /* report the name itself */
        fail_unknown_name(p);
        return -1;
    }
    return start;
}

/* power = primary ['^' unary]; the exponent is a unary, so the operator is
 * right associative and 2^-1 works. */
static int parse_power(ov_expr_parser *p)
{
    int start = parse_primary(p);
    if (start < 0 || p->tok.kind != OV_TOK_CARET)
        return start;
    ov_expr_lex_next(p);
    int ex = p->nops;
    if (parse_unary(p) < 0)
        return -1;
    if (is_const_segment(p, ex)) {
        double k = p->ops[ex].k;
        p->nops--;
        note_stack(p, -1);
        if (k == floor(k) && fabs(k) <= OV_EXPR_MAX_INT_POW) {
            if (k != 1.0)
                emit_unary(p, OV_OP_POWI, (int)k, 0.0, start);
        } else {
            emit_unary(p, OV_OP_POWC, 0, k, start);
        }
    } else {
        emit_binary(p, OV_OP_POW, start, ex);
    }
    return p->failed ? -1 : start;
}

/* unary = ('-' | '+') unary | power. Each level counts towards the nesting
 * bound, which keeps hostile input from exhausting the C stack. */
static int parse_unary(ov_expr_parser *p)
{
    if (++p->depth > OV_EXPR_MAX_DEPTH) {
        ov_expr_fail(p, p->tok.pos + 1, "formula too deeply nested (more than %d levels)",
                     OV_EXPR_MAX_DEPTH);
        return -1;
    }
    int start;
    if (p->tok.kind == OV_TOK_MINUS || p->tok.kind == OV_TOK_PLUS) {
        int neg = p->tok.kind == OV_TOK_MINUS;
        ov_expr_lex_next(p);
        start = p->nops;
        if (!p->failed && parse_unary(p) >= 0) {
            if (neg)
                emit_unary(p, OV_OP_NEG, 0, 0.0, start);
        } else {
            start = -1;
        }
    } else {
        start = parse_power(p);
    }
    p->depth--;
    return p->failed ? -1 : start;
}

/* term = unary {('*' | '/') unary} */
static int parse_term(ov_expr_parser *p)
{
    int start = parse_unary(p);
    while (start >= 0 && (p->tok.kind == OV_TOK_STAR || p->tok.kind == OV_TOK_SLASH)) {
        int code = p->tok.kind == OV_TOK_STAR ? OV_OP_MUL : OV_OP_DIV;
        ov_expr_lex_next(p);
        int right = p->nops;
        if (p->failed || parse_unary(p) < 0)
            return -1;
        emit_binary(p, code, start, right);
    }
    return p->failed ? -1 : start;
}

/* expr = term {('+' | '-') term} */
static int parse_expr(ov_expr_parser *p)
{
    int start = parse_term(p);
    while (start >= 0 && (p->tok.kind == OV_TOK_PLUS || p->tok.kind == OV_TOK_MINUS)) {
        int code = p->tok.kind == OV_TOK_PLUS ? OV_OP_ADD : OV_OP_SUB;
        ov_expr_lex_next(p);
        int right = p->nops;
        if (p->failed || parse_term(p) < 0)
            return -1;
        emit_binary(p, code, start, right);
    }
    return p->failed ? -1 : start;
}

/* rules: a typed rule's right-hand side; ninputs > 0: a model formula
 * whose first ninputs names are its inputs. */
static ov_expr *ov_expr_build(const char *src, const char *const *param_names, int nparams,
                              int rules, int ninputs, ov_expr_error *err)
{
    ov_expr_parser p;
    memset(&p, 0, sizeof p);
    p.err = err;
    p.rules = rules;
    p.ninputs = ninputs;
    if (err) {
        err->column = 0;
        err->message[0] = '\0';
    }
    const int max = rules ? OV_EXPR_RULE_MAX_NAMES
                    : ninputs ? ninputs + OV_EXPR_MODEL_MAX_PARAMS
                              : OV_EXPR_MAX_PARAMS;
    if (nparams < 0 || nparams > max || (nparams > 0 && !param_names)) {
        ov_expr_fail(&p, 0, "invalid parameter list (at most %d named parameters)", max - ninputs);
        return NULL;
    }
    if (!src)
        src = "";
    size_t len = strnlen(src, (size_t)OV_EXPR_MAX_SOURCE + 1);
    if (len > OV_EXPR_MAX_SOURCE) {
        ov_expr_fail(&p, OV_EXPR_MAX_SOURCE + 1, "formula too long (more than %d characters)",
                     OV_EXPR_MAX_SOURCE);
        return NULL;
    }
    size_t blank = 0;
    while (blank < len && ov_expr_lex_is_space(src[blank]))
        blank++;
    if (blank == len) {
        ov_expr_fail(&p, 1, "empty formula");
        return NULL;
    }

    ov_expr *e = calloc(1, sizeof *e);
    /* Every token emits at most one op, and a token is at least one byte. */
    ov_expr_op *ops = calloc(len + 1, sizeof *ops);
    char *copy = malloc(len + 1);
    if (!e || !ops || !copy) {
        free(e);
        free(ops);
        free(copy);
        ov_expr_fail(&p, 1, "out of memory");
        return NULL;
    }
    memcpy(copy, src, len + 1);
    p.src = copy;
    p.param_names = param_names;
    p.nparams = nparams;
    p.ops = ops;

    ov_expr_lex_next(&p);
    if (!p.failed && parse_expr(&p) >= 0 && p.tok.kind != OV_TOK_END) {
        if (p.tok.kind == OV_TOK_RPAREN)
            ov_expr_fail(&p, p.tok.pos + 1, "unexpected ')' (no '(' is open)");
        else
            ov_expr_fail(&p, p.tok.pos + 1, "unexpected text after the formula");
    }
    if (p.failed) {
        free(e);
        free(ops);
        free(copy);
        return NULL;
    }
    e->src = copy;
    e->ops = ops;
    e->nops = p.nops;
    e->max_stack = p.max_stack;
    e->nparams = nparams;
    e->ninputs = ninputs;
    if (!rules && !ov_expr_fuse(e)) {
        ov_expr_destroy(e);
        ov_expr_fail(&p, 1, "out of memory");
        return NULL;
    }
    return e;
}

ov_expr *ov_expr_create(const char *src, const char *const *param_names, int nparams,
                        ov_expr_error *err)
{
    return ov_expr_build(src, param_names, nparams, 0, 0, err);
}

ov_expr *ov_expr_create_model(const char *src, const char *const *inputs, int ninputs,
                              const char *const *params, int nparams, ov_expr_error *err)
{
    if (ninputs < 1 || ninputs > OV_EXPR_MODEL_MAX_INPUTS || !inputs || nparams < 0 ||
        nparams > OV_EXPR_MODEL_MAX_PARAMS || (nparams > 0 && !params)) {
        if (err) {
            err->column = 0;
            snprintf(err->message, sizeof err->message,
                     "invalid model (1 or %d inputs, at most %d parameters)",
                     OV_EXPR_MODEL_MAX_INPUTS, OV_EXPR_MODEL_MAX_PARAMS);
        }
        return NULL;
    }
    const char *names[OV_EXPR_MODEL_MAX_INPUTS + OV_EXPR_MODEL_MAX_PARAMS];
    for (int i = 0; i < ninputs; i++)
        names[i] = inputs[i];
    for (int i = 0; i < nparams; i++)
        names[ninputs + i] = params[i];
    return ov_expr_build(src, names, ninputs + nparams, 0, ninputs, err);
}

ov_expr *ov_expr_create_rule(const char *src, const char *const *names, int nnames,
                             ov_expr_error *err)
{
    return ov_expr_build(src, names, nnames, 1, 0, err);
}

void ov_expr_destroy(ov_expr *e)
{
    if (!e)
        return;
    free(e->src);
    free(e->ops);
    free(e->fops);
    free(e);
}

const char *ov_expr_source(const ov_expr *e) { return e ? e->src : ""; }
