/* The formula field's text stays valid UTF-8 whatever is typed: characters
 * of several bytes are inserted whole or not at all at the length limit
 * (OV_EXPR_MAX_SOURCE bytes), and Backspace, Delete, the caret and
 * Ctrl+Backspace move over whole characters. No window: the field is driven
 * through the same controls the keys call. */
#include <string.h>

#include "app/controls.h"
#include "app/formula_edit.h"
#include "ov_test.h"

/* Whether s is well-formed UTF-8 (no sequence cut short, no stray
 * continuation byte). */
static bool valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int n = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2
                : (*p & 0xF8) == 0xF0 ? 3 : -1;
        if (n < 0)
            return false;
        p++;
        for (int i = 0; i < n; i++, p++)
            if ((*p & 0xC0) != 0x80)
                return false;
    }
    return true;
}

static void open_empty(ov_app_state *st)
{
    ov_config cfg;
    char err[256];
    ov_config_defaults(&cfg);
    CHECK_MSG(ov_controls_init(st, &cfg, err, sizeof err), "%s", err);
    ov_controls_edit_begin(st);
    ov_controls_edit_select_all(st);
    ov_controls_edit_delete(st, -1);
    CHECK(st->ui.edit.text[0] == '\0' && st->ui.edit.caret == 0);
}

/* Filling the field with 'é' (2 bytes) up to the limit: the last one that
 * does not fit whole is left out; with '€' (3 bytes) after 1023 ASCII
 * bytes, no half of it enters. */
static void test_limit(void)
{
    ov_app_state st;
    open_empty(&st);
    for (int i = 0; i < OV_EXPR_MAX_SOURCE; i++)
        ov_controls_edit_insert(&st, "\xc3\xa9");
    size_t len = strlen(st.ui.edit.text);
    CHECK_MSG(valid_utf8(st.ui.edit.text), "text is not valid UTF-8 (%zu bytes)", len);
    /* 512 whole characters are 1024 bytes, the limit. */
    CHECK_MSG(len == OV_EXPR_MAX_SOURCE, "%zu bytes, expected %d", len, OV_EXPR_MAX_SOURCE);
    CHECK(st.ui.edit.caret == (int)len);

    ov_controls_edit_select_all(&st);
    ov_controls_edit_delete(&st, -1);
    for (int i = 0; i < OV_EXPR_MAX_SOURCE - 1; i++)
        ov_controls_edit_insert(&st, "x");
    CHECK(strlen(st.ui.edit.text) == OV_EXPR_MAX_SOURCE - 1);
    ov_controls_edit_insert(&st, "\xe2\x82\xac");   /* needs 3, 1 left */
    CHECK_MSG(valid_utf8(st.ui.edit.text), "a part of a 3-byte character entered");
    CHECK(strlen(st.ui.edit.text) == OV_EXPR_MAX_SOURCE - 1);
    /* One byte left still takes one ASCII character. */
    ov_controls_edit_insert(&st, "y");
    CHECK(strlen(st.ui.edit.text) == OV_EXPR_MAX_SOURCE);
    CHECK(st.ui.edit.text[OV_EXPR_MAX_SOURCE - 1] == 'y');

    /* In the middle: the caret after 'x', a 4-byte character with 3 bytes
     * free. */
    ov_controls_edit_select_all(&st);
    ov_controls_edit_delete(&st, -1);
    for (int i = 0; i < OV_EXPR_MAX_SOURCE - 3; i++)
        ov_controls_edit_insert(&st, "x");
    ov_controls_edit_move(&st, -2);
    ov_controls_edit_insert(&st, "\xf0\x9d\x9c\x83");
    CHECK(valid_utf8(st.ui.edit.text));
    CHECK(strlen(st.ui.edit.text) == OV_EXPR_MAX_SOURCE - 3 && st.ui.edit.caret == 0);
    ov_controls_deinit(&st);
}

/* Backspace after 'é' removes both its bytes; Delete before 'ü' too; the
 * caret steps over whole characters; a stray continuation byte typed in is
 * dropped. */
static void test_backspace(void)
{
    ov_app_state st;
    open_empty(&st);
    ov_controls_edit_insert(&st, "x*\xc3\xa9");
    CHECK(strcmp(st.ui.edit.text, "x*\xc3\xa9") == 0 && st.ui.edit.caret == 4);
    ov_controls_edit_delete(&st, -1);
    CHECK_MSG(strcmp(st.ui.edit.text, "x*") == 0, "after Backspace: '%s'", st.ui.edit.text);
    CHECK(st.ui.edit.caret == 2);

    ov_controls_edit_insert(&st, "\xc3\xbc+1");
    ov_controls_edit_move(&st, -2);
    ov_controls_edit_move(&st, 1);
    ov_controls_edit_move(&st, 1);
    CHECK(st.ui.edit.caret == 2);
    ov_controls_edit_move(&st, 1);
    CHECK(st.ui.edit.caret == 4);   /* over both bytes of 'ü' */
    ov_controls_edit_move(&st, -1);
    CHECK(st.ui.edit.caret == 2);
    ov_controls_edit_delete(&st, 1);
    CHECK_MSG(strcmp(st.ui.edit.text, "x*+1") == 0, "after Delete: '%s'", st.ui.edit.text);

    /* Bytes that are not whole characters do not enter the text. */
    ov_controls_edit_insert(&st, "\xa9");
    ov_controls_edit_insert(&st, "\xc3");
    ov_controls_edit_insert(&st, "\xe2\x82");
    CHECK_MSG(valid_utf8(st.ui.edit.text), "partial characters entered: '%s'", st.ui.edit.text);
    CHECK(strcmp(st.ui.edit.text, "x*+1") == 0);

    /* Ctrl+Backspace after an operator written in two bytes ('·'). */
    ov_controls_edit_move(&st, 2);
    ov_controls_edit_insert(&st, "\xc2\xb7");
    ov_controls_edit_delete_word(&st);
    CHECK(strcmp(st.ui.edit.text, "x*+1") == 0);
    CHECK(valid_utf8(st.ui.edit.text));
    ov_controls_deinit(&st);
}

int main(void)
{
    test_limit();
    test_backspace();
    return ov_test_finish("test_app_formula_edit");
}
