/* The in-window formula field: typing a loss function in x and y, with the
 * parse error shown at its caret and the old surface kept until the formula
 * is valid. See controls.h. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "controls.h"

void ov_controls_edit_begin(ov_app_state *st)
{
    /* The current surface as a formula the parser accepts, κ and θ written
     * in as numbers, so Enter at once re-applies the same picture. */
    if (!ov_surface_formula_text(st->scene.surface, st->edit_text, sizeof st->edit_text))
        st->edit_text[0] = '\0';
    st->edit_caret = (int)strlen(st->edit_text);
    st->edit_all = false;
    st->edit_error[0] = '\0';
    st->edit_error_column = 0;
    st->editing = true;
}

/* Length of the UTF-8 sequence starting with byte c (1 for stray bytes). */
static int utf8_len(unsigned char c)
{
    if (c >= 0xF0)
        return 4;
    if (c >= 0xE0)
        return 3;
    if (c >= 0xC0)
        return 2;
    return 1;
}

static bool is_continuation(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

/* Ctrl+A's selection is replaced by what comes next. */
static void take_selection(ov_app_state *st)
{
    if (!st->edit_all)
        return;
    st->edit_all = false;
    st->edit_text[0] = '\0';
    st->edit_caret = 0;
}

void ov_controls_edit_insert(ov_app_state *st, const char *utf8)
{
    if (*utf8)
        take_selection(st);
    size_t len = strlen(st->edit_text);
    for (const unsigned char *p = (const unsigned char *)utf8; *p; p++) {
        if (*p < 0x20 || *p == 0x7F)
            continue;
        if (len + 1 >= sizeof st->edit_text)
            break;
        memmove(st->edit_text + st->edit_caret + 1, st->edit_text + st->edit_caret,
                len - (size_t)st->edit_caret + 1);
        st->edit_text[st->edit_caret++] = (char)*p;
        len++;
    }
    st->edit_error[0] = '\0';
}

void ov_controls_edit_delete(ov_app_state *st, int dir)
{
    if (st->edit_all) {
        take_selection(st);
        st->edit_error[0] = '\0';
        return;
    }
    size_t len = strlen(st->edit_text);
    int from, to;
    if (dir < 0) {
        if (st->edit_caret == 0)
            return;
        from = st->edit_caret - 1;
        while (from > 0 && is_continuation((unsigned char)st->edit_text[from]))
            from--;
        to = st->edit_caret;
    } else {
        if ((size_t)st->edit_caret >= len)
            return;
        from = st->edit_caret;
        to = from + utf8_len((unsigned char)st->edit_text[from]);
        if ((size_t)to > len)
            to = (int)len;
    }
    memmove(st->edit_text + from, st->edit_text + to, len - (size_t)to + 1);
    st->edit_caret = from;
    st->edit_error[0] = '\0';
}

void ov_controls_edit_move(ov_app_state *st, int dir)
{
    st->edit_all = false;
    int len = (int)strlen(st->edit_text);
    if (dir == -2) {
        st->edit_caret = 0;
    } else if (dir == 2) {
        st->edit_caret = len;
    } else if (dir < 0 && st->edit_caret > 0) {
        st->edit_caret--;
        while (st->edit_caret > 0 && is_continuation((unsigned char)st->edit_text[st->edit_caret]))
            st->edit_caret--;
    } else if (dir > 0 && st->edit_caret < len) {
        st->edit_caret += utf8_len((unsigned char)st->edit_text[st->edit_caret]);
        if (st->edit_caret > len)
            st->edit_caret = len;
    }
}

void ov_controls_edit_select_all(ov_app_state *st)
{
    st->edit_all = st->edit_text[0] != '\0';
    st->edit_caret = (int)strlen(st->edit_text);
}

void ov_controls_edit_clear_before(ov_app_state *st)
{
    if (st->edit_all) {
        take_selection(st);
    } else {
        size_t len = strlen(st->edit_text);
        memmove(st->edit_text, st->edit_text + st->edit_caret, len - (size_t)st->edit_caret + 1);
        st->edit_caret = 0;
    }
    st->edit_error[0] = '\0';
}

/* Letters, digits, '_' and '.' make a word (a name or a number). */
static bool word_char(char c)
{
    return isalnum((unsigned char)c) || c == '_' || c == '.';
}

void ov_controls_edit_delete_word(ov_app_state *st)
{
    if (st->edit_all) {
        take_selection(st);
        st->edit_error[0] = '\0';
        return;
    }
    int from = st->edit_caret;
    while (from > 0 && st->edit_text[from - 1] == ' ')
        from--;
    if (from > 0 && word_char(st->edit_text[from - 1])) {
        while (from > 0 && word_char(st->edit_text[from - 1]))
            from--;
    } else if (from > 0) {
        from--;   /* an operator or a bracket on its own */
        while (from > 0 && is_continuation((unsigned char)st->edit_text[from]))
            from--;
    }
    size_t len = strlen(st->edit_text);
    memmove(st->edit_text + from, st->edit_text + st->edit_caret,
            len - (size_t)st->edit_caret + 1);
    st->edit_caret = from;
    st->edit_error[0] = '\0';
}

bool ov_controls_edit_commit(ov_app_state *st)
{
    ov_expr_error err;
    memset(&err, 0, sizeof err);
    /* A built-in name typed in the field switches to that surface too. */
    if (!ov_controls_replace_surface(st, st->edit_text, &err)) {
        snprintf(st->edit_error, sizeof st->edit_error, "%s", err.message);
        st->edit_error_column = err.column;
        return false;
    }
    st->editing = false;
    st->edit_all = false;
    st->edit_error[0] = '\0';
    ov_controls_say(st, "surface: %s", st->scene.surface->name);
    return true;
}

void ov_controls_edit_cancel(ov_app_state *st)
{
    st->editing = false;
    st->edit_all = false;
    st->edit_error[0] = '\0';
}
