/* Expression engine, part 1a: the tokenizer (expr_lex.h), which cuts a
 * formula into numbers, names, operators and parentheses for the parser of
 * expr_parse.c, and reports a malformed number or a stray character at its
 * column; and the parser's record of the first error. */
#include "expr_lex.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Records the first error only; column is 1-based. */
void ov_expr_fail(ov_expr_parser *p, int column, const char *fmt, ...)
{
    if (p->failed)
        return;
    p->failed = 1;
    if (!p->err)
        return;
    p->err->column = column;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->err->message, sizeof p->err->message, fmt, ap);
    va_end(ap);
}

static int is_ident_start(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

static int is_ident_char(char c) { return is_ident_start(c) || is_digit(c); }

int ov_expr_lex_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
           c == '\f';
}

/* Length of the run of characters that look like part of a number or name
 * starting at s, used to quote a malformed number whole. */
static int word_len(const char *s)
{
    int n = 0;
    while (is_ident_char(s[n]) || s[n] == '.')
        n++;
    return n;
}

/* Scans the number at p->pos into *t; reports malformed numbers and a name
 * glued to a number (there is no implicit multiplication). */
static void lex_number(ov_expr_parser *p, ov_expr_token *t)
{
    const char *s = p->src;
    int i = p->pos, digits = 0;
    while (is_digit(s[i])) {
        i++;
        digits++;
    }
    if (s[i] == '.') {
        i++;
        while (is_digit(s[i])) {
            i++;
            digits++;
        }
    }
    if (digits == 0) {
        ov_expr_fail(p, p->pos + 1, "invalid number '%.*s'",
                     word_len(s + p->pos) > 0 ? word_len(s + p->pos) : 1, s + p->pos);
        return;
    }
    if (s[i] == 'e' || s[i] == 'E') {
        int j = i + 1;
        if (s[j] == '+' || s[j] == '-')
            j++;
        if (is_digit(s[j])) {
            while (is_digit(s[j]))
                j++;
            i = j;
        } else if (j > i + 1 || !is_ident_char(s[i + 1])) {
            ov_expr_fail(p, p->pos + 1, "invalid number '%.*s': the exponent needs digits",
                         j - p->pos, s + p->pos);
            return;
        }
    }
    if (s[i] == '.' || is_digit(s[i])) {
        ov_expr_fail(p, p->pos + 1, "invalid number '%.*s'", word_len(s + p->pos), s + p->pos);
        return;
    }
    if (is_ident_start(s[i])) {
        int n = 0;
        while (is_ident_char(s[i + n]))
            n++;
        ov_expr_fail(p, i + 1,
                     "missing operator between '%.*s' and '%.*s' (write %.*s*%.*s; "
                     "there is no implicit multiplication)",
                     i - p->pos > 24 ? 24 : i - p->pos, s + p->pos, n > 24 ? 24 : n, s + i,
                     i - p->pos > 24 ? 24 : i - p->pos, s + p->pos, n > 24 ? 24 : n, s + i);
        return;
    }
    char *end = NULL;
    double v = strtod(s + p->pos, &end);
    if (end != s + i || !isfinite(v)) {
        ov_expr_fail(p, p->pos + 1, "number '%.*s' is out of range",
                     i - p->pos > 40 ? 40 : i - p->pos, s + p->pos);
        return;
    }
    t->kind = OV_TOK_NUM;
    t->len = i - p->pos;
    t->num = v;
}

/* Reads the next token into p->tok. */
void ov_expr_lex_next(ov_expr_parser *p)
{
    const char *s = p->src;
    while (ov_expr_lex_is_space(s[p->pos]))
        p->pos++;
    ov_expr_token t = {OV_TOK_END, p->pos, 0, 0.0};
    char c = s[p->pos];
    if (c == '\0') {
        p->tok = t;
        return;
    }
    if (is_digit(c) || c == '.') {
        lex_number(p, &t);
    } else if (is_ident_start(c)) {
        int n = 0;
        while (is_ident_char(s[p->pos + n]))
            n++;
        t.kind = OV_TOK_IDENT;
        t.len = n;
    } else {
        static const char ops[] = "+-*/^()";
        static const ov_expr_tok_kind kinds[] = {OV_TOK_PLUS,  OV_TOK_MINUS,  OV_TOK_STAR,
                                                 OV_TOK_SLASH, OV_TOK_CARET,  OV_TOK_LPAREN,
                                                 OV_TOK_RPAREN};
        const char *hit = strchr(ops, c);
        if (c == ',' && p->rules) {
            t.kind = OV_TOK_COMMA;
            t.len = 1;
        } else if (hit) {
            t.kind = kinds[hit - ops];
            t.len = 1;
        } else if ((unsigned char)c >= 0x21 && (unsigned char)c <= 0x7e) {
            ov_expr_fail(p, p->pos + 1, "unexpected character '%c'", c);
        } else {
            ov_expr_fail(p, p->pos + 1, "unexpected byte 0x%02X", (unsigned)(unsigned char)c);
        }
    }
    p->tok = t;
    p->pos += t.len;
}
