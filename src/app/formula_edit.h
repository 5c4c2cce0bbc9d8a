/* The in-window formula field (ov_formula_field): typing a loss function in
 * x and y, with the parse error shown at its caret and the old surface kept
 * until the formula is valid. The text is always valid UTF-8. Calls
 * controls.h (the new surface) and controls_ui.h. */
#ifndef OV_FORMULA_EDIT_H
#define OV_FORMULA_EDIT_H

#include <stdbool.h>
#include "app_state.h"

/* Opens the formula field, filled with the current surface's formula. */
void ov_controls_edit_begin(ov_app_state *st);

/* Shift+Enter: opens the field on the targeted run's update rule (a typed
 * rule's text; gd's rule for another method, which the rule then
 * replaces), or, with all runs targeted, on gd's rule for a new rule run. */
void ov_controls_edit_begin_rule(ov_app_state *st);

/* Inserts UTF-8 text at the caret, whole characters only: control
 * characters and bytes that are not a whole character are dropped, and at
 * the length limit (OV_EXPR_MAX_SOURCE bytes) a character enters whole or
 * not at all, so the text stays valid UTF-8. */
void ov_controls_edit_insert(ov_app_state *st, const char *utf8);

/* Deletes the character before (dir -1, Backspace) or at (dir 1, Delete) the caret. */
void ov_controls_edit_delete(ov_app_state *st, int dir);

/* Moves the caret one character left (-1) or right (1), or to the start
 * (-2, Home) or end (2, End). */
void ov_controls_edit_move(ov_app_state *st, int dir);

/* Enter: parses the text; a valid formula replaces the surface, contours and
 * runs at once and closes the field; a parse error stays on screen at its
 * column and the old surface is kept. Returns true when applied. */
bool ov_controls_edit_commit(ov_app_state *st);

/* Esc: closes the field, keeping the surface. */
void ov_controls_edit_cancel(ov_app_state *st);

/* Ctrl+A: selects the whole text; the next insertion or deletion replaces
 * it, a caret movement drops the selection. */
void ov_controls_edit_select_all(ov_app_state *st);

/* Ctrl+U: deletes everything before the caret. */
void ov_controls_edit_clear_before(ov_app_state *st);

/* Ctrl+Backspace: deletes the word before the caret (and the blanks after it). */
void ov_controls_edit_delete_word(ov_app_state *st);

#endif
