/* The formula tokenizer (expr_lex.c) as the parser (expr_parse.c) sees it:
 * the token kinds, the state of one parse (which the tokenizer advances
 * and both files record errors in), and the tokenizer's functions. Only
 * those two files include it. */
#ifndef OV_EXPR_LEX_H
#define OV_EXPR_LEX_H

#include "expr_internal.h"

typedef enum ov_expr_tok_kind {
    OV_TOK_END,
    OV_TOK_NUM,
    OV_TOK_IDENT,
    OV_TOK_PLUS,
    OV_TOK_MINUS,
    OV_TOK_STAR,
    OV_TOK_SLASH,
    OV_TOK_CARET,
    OV_TOK_LPAREN,
    OV_TOK_RPAREN,
    OV_TOK_COMMA   /* rules only: min(a, b), max(a, b) */
} ov_expr_tok_kind;

typedef struct ov_expr_token {
    ov_expr_tok_kind kind;
    int pos; /* 0-based byte offset of the first character */
    int len;
    double num;
} ov_expr_token;

typedef struct ov_expr_parser {
    const char *src;
    int pos; /* where the tokenizer continues */
    ov_expr_token tok; /* the current (not yet consumed) token */
    const char *const *param_names;
    int nparams;
    ov_expr_op *ops;
    int nops;
    int cur_stack, max_stack;
    int depth;
    int failed;
    int rules;   /* a rule: no x, y; sign, min, max; ',' */
    int ninputs; /* a model formula when > 0: no x, y; names = inputs, then parameters */
    ov_expr_error *err;
} ov_expr_parser;

/* Records the first error only; column is 1-based. */
#ifdef __GNUC__
__attribute__((format(printf, 3, 4)))
#endif
void ov_expr_fail(ov_expr_parser *p, int column, const char *fmt, ...);

/* Reads the next token into p->tok. */
void ov_expr_lex_next(ov_expr_parser *p);

/* Blank characters between tokens: space, tab, newline, CR, VT, FF. */
int ov_expr_lex_is_space(char c);

#endif
