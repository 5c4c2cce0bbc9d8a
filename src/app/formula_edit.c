/* The in-window formula field: typing a loss function in x and y, with the
 * parse error shown at its caret and the old surface kept until the formula
 * is valid. See formula_edit.h. */
#include "formula_edit.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "controls.h"
#include "controls_ui.h"
#include "core/rule.h"
#include "run_list.h"

void ov_controls_edit_begin(ov_app_state *st)
{
    ov_formula_field *f = &st->ui.edit;
    /* The current surface as a formula the parser accepts, κ and θ written
     * in as numbers, so Enter at once re-applies the same picture. */
    if (!ov_surface_formula_text(st->sc.scene.surface, f->text, sizeof f->text))
        f->text[0] = '\0';
    f->caret = (int)strlen(f->text);
    f->all = false;
    f->error[0] = '\0';
    f->error_column = 0;
    f->rule_run = -1;
    f->open = true;
}

void ov_controls_edit_begin_rule(ov_app_state *st)
{
    ov_formula_field *f = &st->ui.edit;
    const int t = st->sc.target;
    const ov_run_spec *sp = t >= 0 && t < st->sc.scene.nruns ? &st->sc.scene.specs[t] : NULL;
    snprintf(f->text, sizeof f->text, "%s",
             sp && sp->kind == OV_OPT_RULE && sp->rule[0] ? sp->rule : OV_RULE_GD);
    f->caret = (int)strlen(f->text);
    f->all = false;
    f->error[0] = '\0';
    f->error_column = 0;
    f->rule_run = sp ? t : OV_MAX_RUNS;
    f->open = true;
}

/* Enter on a rule: the targeted run becomes that rule, or a rule run is
 * added; a rule that does not compile stays on screen at its column. */
static bool ov_controls_edit_commit_rule(ov_app_state *st)
{
    ov_formula_field *f = &st->ui.edit;
    ov_expr_error err;
    memset(&err, 0, sizeof err);
    if (!ov_rule_intern(f->text, "", &err)) {
        snprintf(f->error, sizeof f->error, "%s", err.message);
        f->error_column = err.column;
        return false;
    }
    const int r = ov_controls_set_rule(st, f->rule_run, f->text);
    if (r < 0)
        return false;   /* at the run limit: it says so */
    f->open = false;
    f->all = false;
    f->error[0] = '\0';
    ov_controls_say(st, "run %d: rule %s", r + 1, f->text);
    return true;
}

static bool is_continuation(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

/* The length of the whole UTF-8 character at p (1 to 4 bytes), or 0 when
 * the bytes there are not one: a stray continuation byte, a lead byte that
 * no UTF-8 character starts with, or a sequence cut short. */
static int utf8_char_len(const unsigned char *p)
{
    int n = p[0] < 0x80 ? 1 : (p[0] & 0xE0) == 0xC0 ? 2 : (p[0] & 0xF0) == 0xE0 ? 3
            : (p[0] & 0xF8) == 0xF0 ? 4 : 0;
    for (int i = 1; i < n; i++)
        if (!is_continuation(p[i]))
            return 0;
    return n;
}

/* The byte offset of the character after the one at `at` in text of len
 * bytes (whole characters: the text is kept valid UTF-8). */
static int next_char(const char *text, int at, int len)
{
    if (at >= len)
        return len;
    at++;
    while (at < len && is_continuation((unsigned char)text[at]))
        at++;
    return at;
}

/* Ctrl+A's selection is replaced by what comes next. */
static void take_selection(ov_app_state *st)
{
    ov_formula_field *f = &st->ui.edit;
    if (!f->all)
        return;
    f->all = false;
    f->text[0] = '\0';
    f->caret = 0;
}

void ov_controls_edit_insert(ov_app_state *st, const char *utf8)
{
    ov_formula_field *f = &st->ui.edit;
    if (*utf8)
        take_selection(st);
    size_t len = strlen(f->text);
    const unsigned char *p = (const unsigned char *)utf8;
    while (*p) {
        int n = utf8_char_len(p);
        if (n == 0) {   /* not a whole character: left out */
            p++;
            continue;
        }
        if (n == 1 && (*p < 0x20 || *p == 0x7F)) {
            p++;
            continue;
        }
        /* A character enters whole or not at all: at the length limit
         * nothing more does (not a first half of one). */
        if (len + (size_t)n >= sizeof f->text)
            break;
        memmove(f->text + f->caret + n, f->text + f->caret,
                len - (size_t)f->caret + 1);
        memcpy(f->text + f->caret, p, (size_t)n);
        f->caret += n;
        len += (size_t)n;
        p += n;
    }
    f->error[0] = '\0';
}

void ov_controls_edit_delete(ov_app_state *st, int dir)
{
    ov_formula_field *f = &st->ui.edit;
    if (f->all) {
        take_selection(st);
        f->error[0] = '\0';
        return;
    }
    size_t len = strlen(f->text);
    int from, to;
    if (dir < 0) {
        if (f->caret == 0)
            return;
        from = f->caret - 1;
        while (from > 0 && is_continuation((unsigned char)f->text[from]))
            from--;
        to = f->caret;
    } else {
        if ((size_t)f->caret >= len)
            return;
        from = f->caret;
        to = next_char(f->text, from, (int)len);
    }
    memmove(f->text + from, f->text + to, len - (size_t)to + 1);
    f->caret = from;
    f->error[0] = '\0';
}

void ov_controls_edit_move(ov_app_state *st, int dir)
{
    ov_formula_field *f = &st->ui.edit;
    f->all = false;
    int len = (int)strlen(f->text);
    if (dir == -2) {
        f->caret = 0;
    } else if (dir == 2) {
        f->caret = len;
    } else if (dir < 0 && f->caret > 0) {
        f->caret--;
        while (f->caret > 0 && is_continuation((unsigned char)f->text[f->caret]))
            f->caret--;
    } else if (dir > 0) {
        f->caret = next_char(f->text, f->caret, len);
    }
}

void ov_controls_edit_select_all(ov_app_state *st)
{
    ov_formula_field *f = &st->ui.edit;
    f->all = f->text[0] != '\0';
    f->caret = (int)strlen(f->text);
}

void ov_controls_edit_clear_before(ov_app_state *st)
{
    ov_formula_field *f = &st->ui.edit;
    if (f->all) {
        take_selection(st);
    } else {
        size_t len = strlen(f->text);
        memmove(f->text, f->text + f->caret, len - (size_t)f->caret + 1);
        f->caret = 0;
    }
    f->error[0] = '\0';
}

/* Letters, digits, '_' and '.' make a word (a name or a number). */
static bool word_char(char c)
{
    return isalnum((unsigned char)c) || c == '_' || c == '.';
}

void ov_controls_edit_delete_word(ov_app_state *st)
{
    ov_formula_field *f = &st->ui.edit;
    if (f->all) {
        take_selection(st);
        f->error[0] = '\0';
        return;
    }
    int from = f->caret;
    while (from > 0 && f->text[from - 1] == ' ')
        from--;
    if (from > 0 && word_char(f->text[from - 1])) {
        while (from > 0 && word_char(f->text[from - 1]))
            from--;
    } else if (from > 0) {
        from--;   /* an operator or a bracket on its own */
        while (from > 0 && is_continuation((unsigned char)f->text[from]))
            from--;
    }
    size_t len = strlen(f->text);
    memmove(f->text + from, f->text + f->caret,
            len - (size_t)f->caret + 1);
    f->caret = from;
    f->error[0] = '\0';
}

bool ov_controls_edit_commit(ov_app_state *st)
{
    ov_formula_field *f = &st->ui.edit;
    if (f->rule_run >= 0)
        return ov_controls_edit_commit_rule(st);
    ov_expr_error err;
    memset(&err, 0, sizeof err);
    /* A built-in name typed in the field switches to that surface too. */
    if (!ov_controls_replace_surface(st, f->text, &err)) {
        snprintf(f->error, sizeof f->error, "%s", err.message);
        f->error_column = err.column;
        return false;
    }
    f->open = false;
    f->all = false;
    f->error[0] = '\0';
    ov_controls_say(st, "surface: %s", st->sc.scene.surface->name);
    return true;
}

void ov_controls_edit_cancel(ov_app_state *st)
{
    ov_formula_field *f = &st->ui.edit;
    f->open = false;
    f->all = false;
    f->error[0] = '\0';
}
