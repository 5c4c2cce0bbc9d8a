/* The in-window formula field: typing a loss function in x and y, with the
 * parse error shown at its caret and the old surface kept until the formula
 * is valid. See controls.h. */
#include <stdio.h>
#include <string.h>

#include "controls.h"

void ov_controls_edit_begin(ov_app_state *st)
{
    const ov_surface *s = st->scene.surface;
    /* Built-in surfaces with parameters (the quadratic) can't be typed back
     * as they are; start those from their own formula text anyway, so the
     * user sees the shape of one and gets a clear error naming kappa. */
    const char *src = s->def ? s->def->formula : ov_expr_source(s->expr);
    snprintf(st->edit_text, sizeof st->edit_text, "%s", src);
    st->edit_caret = (int)strlen(st->edit_text);
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

void ov_controls_edit_insert(ov_app_state *st, const char *utf8)
{
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

bool ov_controls_edit_commit(ov_app_state *st)
{
    ov_expr_error err;
    memset(&err, 0, sizeof err);
    /* A built-in name typed in the field switches to that surface too. */
    if (!ov_scene_set_surface(&st->scene, st->edit_text, &err)) {
        snprintf(st->edit_error, sizeof st->edit_error, "%s", err.message);
        st->edit_error_column = err.column;
        return false;
    }
    st->editing = false;
    st->edit_error[0] = '\0';
    st->view = st->home_view = st->scene.view;
    st->nghosts = 0;
    st->caption[0] = '\0';
    ov_controls_say(st, "surface: %s", st->scene.surface->name);
    return true;
}

void ov_controls_edit_cancel(ov_app_state *st)
{
    st->editing = false;
    st->edit_error[0] = '\0';
}
