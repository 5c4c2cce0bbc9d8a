/* The key tables (see actions.h): each key's row, pointing at the action
 * functions of actions_scene.c, actions_view.c, actions_session.c and
 * actions_field.c, and the lookup of a key press in a table. The help
 * overlay and README's key tables list the rows with a key column, in this
 * order. */
#include "actions.h"
#include "actions_internal.h"

#define NO OV_REPEAT_NO
#define YES OV_REPEAT_YES
#define RATE OV_REPEAT_RATE
#define NONE OV_MOD_NONE
#define SHIFT OV_MOD_SHIFT
#define ANY OV_MOD_ANY
#define CTRL OV_MOD_CTRL
/* Preset keys: n, Shift+n is n + 10, on the main keys and the keypad. */
#define PRESET(n) {SDLK_##n, NONE, NO, NULL, NULL, ov_act_preset, n, 0}, \
                  {SDLK_##n, SHIFT, NO, NULL, NULL, ov_act_preset, n + 10, 0}, \
                  {SDLK_KP_##n, NONE, NO, NULL, NULL, ov_act_preset, n, 0}, \
                  {SDLK_KP_##n, SHIFT, NO, NULL, NULL, ov_act_preset, n + 10, 0}

static const ov_binding BINDINGS[] = {
    {SDLK_UP, NONE, RATE, "Up / Down",
     "learning rate \xce\xb1 \xc3\x97 1.25 / \xc3\xb7 1.25; held: \xc3\x97 2 / \xc3\xb7 2 a second "
     "(Shift: \xc3\x97 1.05 a press, \xc3\x97 1.2 a second)",
     ov_act_alpha, 1.25, 2.0},
    {SDLK_UP, SHIFT, RATE, NULL, NULL, ov_act_alpha, 1.05, 1.2},
    {SDLK_DOWN, NONE, RATE, NULL, NULL, ov_act_alpha, 1 / 1.25, 0.5},
    {SDLK_DOWN, SHIFT, RATE, NULL, NULL, ov_act_alpha, 1 / 1.05, 1 / 1.2},
    {SDLK_RIGHT, NONE, YES, "Right / Left",
     "momentum \xce\xb2 + / \xe2\x88\x92 0.05 on a grid of 0.05 from 0 to 0.95, then 0.999 "
     "(Shift: 0.01)",
     ov_act_beta, 0.05, 0},
    {SDLK_RIGHT, SHIFT, YES, NULL, NULL, ov_act_beta, 0.01, 0},
    {SDLK_LEFT, NONE, YES, NULL, NULL, ov_act_beta, -0.05, 0},
    {SDLK_LEFT, SHIFT, YES, NULL, NULL, ov_act_beta, -0.01, 0},
    {SDLK_k, NONE, RATE, "K / J",
     "condition number \xce\xba \xc3\x97 / \xc3\xb7 \xe2\x88\x9a" "10, up to 1e10; held: "
     "\xc3\x97 / \xc3\xb7 10 a second (Shift: 10^0.1 a press). With a model: the "
     "slice's horizontal parameter, next / previous (Shift: the vertical one's)",
     ov_act_kappa, 3.16227766016837933, 10.0},
    {SDLK_k, SHIFT, RATE, NULL, NULL, ov_act_kappa, 1.25892541179416721, 1.58489319246111349},
    {SDLK_j, NONE, RATE, NULL, NULL, ov_act_kappa, 1 / 3.16227766016837933, 0.1},
    {SDLK_j, SHIFT, RATE, NULL, NULL, ov_act_kappa, 1 / 1.25892541179416721,
     1 / 1.58489319246111349},
    {SDLK_PERIOD, NONE, RATE, ". / ,",
     "rotate \xce\xb8 + / \xe2\x88\x92 15\xc2\xb0; held: 90\xc2\xb0 a second (Shift: 1\xc2\xb0). "
     "With a model: the slice's kind, next / previous (axes, pca, random); Shift+. the "
     "axes slice following the targeted run or staying",
     ov_act_theta, 15, 90},
    {SDLK_PERIOD, SHIFT, RATE, NULL, NULL, ov_act_theta, 1, 10},
    {SDLK_COMMA, NONE, RATE, NULL, NULL, ov_act_theta, -15, -90},
    {SDLK_COMMA, SHIFT, RATE, NULL, NULL, ov_act_theta, -1, -10},
    {SDLK_BACKSPACE, ANY, NO, "Backspace",
     "\xce\xb1 and \xce\xb2 of the targeted runs back to this surface's defaults",
     ov_act_reset_params, 0, 0},
    {SDLK_TAB, NONE, NO, "Tab / Shift+Tab", "which runs the keys change: all, or one run at a time",
     ov_act_target, 1, 0},
    {SDLK_TAB, SHIFT, NO, NULL, NULL, ov_act_target, -1, 0},
    {SDLK_a, NONE, NO, "A / Shift+A",
     "add a run (of a method not shown yet; Y then picks its method) / remove the targeted run",
     ov_act_add_run, 0, 0},
    {SDLK_a, SHIFT, NO, NULL, NULL, ov_act_remove_run, 0, 0},
    {SDLK_DELETE, ANY, NO, NULL, NULL, ov_act_remove_run, 0, 0},
    {SDLK_y, NONE, NO, "Y / Shift+Y", "the targeted run's method: next / previous",
     ov_act_method, 1, 0},
    {SDLK_y, SHIFT, NO, NULL, NULL, ov_act_method, -1, 0},
    {SDLK_s, ANY, NO, "S",
     "hide / show the targeted run (all runs targeted: show every hidden run)", ov_act_hide_run, 0,
     0},
    {SDLK_SPACE, ANY, NO, "Space / N / Shift+N", "pause / one step forward / one step back",
     ov_act_pause, 0, 0},
    {SDLK_n, NONE, YES, NULL, NULL, ov_act_step, 0, 0},
    {SDLK_n, SHIFT, YES, NULL, NULL, ov_act_step_back, 0, 0},
    {SDLK_e, ANY, NO, "E",
     "the step taken apart: the targeted run's next update as labelled arrows, with its "
     "equation",
     ov_act_explain, 0, 0},
    {SDLK_r, NONE, NO, "R / Shift+R", "replay from step 0 / loop on or off", ov_act_restart, 0, 0},
    {SDLK_r, SHIFT, NO, NULL, NULL, ov_act_loop, 0, 0},
    {SDLK_PLUS, ANY, YES, "+ / \xe2\x88\x92",
     "play faster / slower (one playing takes --pace seconds, 10 by default)", ov_act_speed, 1.5,
     0},
    {SDLK_EQUALS, ANY, YES, NULL, NULL, ov_act_speed, 1.5, 0},
    {SDLK_KP_PLUS, ANY, YES, NULL, NULL, ov_act_speed, 1.5, 0},
    {SDLK_MINUS, ANY, YES, NULL, NULL, ov_act_speed, 1 / 1.5, 0},
    {SDLK_KP_MINUS, ANY, YES, NULL, NULL, ov_act_speed, 1 / 1.5, 0},
    {SDLK_c, NONE, NO, "C / Shift+C",
     "next / previous surface, with its own view, start, \xce\xb1 and \xce\xb2", ov_act_surface,
     1, 0},
    {SDLK_c, SHIFT, NO, NULL, NULL, ov_act_surface, -1, 0},
    {SDLK_1, NONE, NO, "1 \xe2\x80\xa6 9, 0",
     "lecture presets 1 \xe2\x80\xa6 10 (Shift+1 \xe2\x80\xa6 9: presets 11 \xe2\x80\xa6 19)",
     ov_act_preset, 1, 0},
    {SDLK_1, SHIFT, NO, NULL, NULL, ov_act_preset, 11, 0},
    {SDLK_KP_1, NONE, NO, NULL, NULL, ov_act_preset, 1, 0},
    {SDLK_KP_1, SHIFT, NO, NULL, NULL, ov_act_preset, 11, 0},
    PRESET(2), PRESET(3), PRESET(4), PRESET(5), PRESET(6), PRESET(7), PRESET(8), PRESET(9),
    {SDLK_0, ANY, NO, NULL, NULL, ov_act_preset, 10, 0},
    {SDLK_KP_0, ANY, NO, NULL, NULL, ov_act_preset, 10, 0},
    {SDLK_RETURN, ANY, NO, "Enter",
     "type your own loss formula in x and y (the field has keys of its own)", ov_act_edit, 0,
     0},
    {SDLK_KP_ENTER, ANY, NO, NULL, NULL, ov_act_edit, 0, 0},
    {SDLK_RETURN, SHIFT, NO, "Shift+Enter",
     "type the targeted run's update rule per coordinate, e.g. u = beta*u - g; w = w + alpha*u "
     "(all runs targeted: add a rule run)",
     ov_act_edit_rule, 0, 0},
    {SDLK_t, ANY, NO, "T", "ghost trails: the path from before the last change stays, faded",
     ov_act_ghosts, 0, 0},
    {SDLK_w, ANY, NO, "W",
     "learning-rate sweep: the targeted run fans into five runs, \xce\xb1 \xc3\x97 \xc2\xbc, "
     "\xc2\xbd, 1, 2, 4 (again: fold back)",
     ov_act_sweep, 0, 0},
    {SDLK_p, NONE, NO, "P / G / Shift+G / X",
     "save the frame as PNG / the animation as GIF / as MP4 video / the runs as CSV "
     "(timestamped names, in --output-dir or the current directory)",
     ov_act_export, 0, 0},
    {SDLK_g, NONE, NO, NULL, NULL, ov_act_export, 0, 0},
    {SDLK_g, SHIFT, NO, NULL, NULL, ov_act_export, 0, 0},
    {SDLK_x, NONE, NO, NULL, NULL, ov_act_export, 0, 0},
    {SDLK_p, SHIFT, NO, "Shift+P",
     "save the frame as SVG for slides: the picture, with every path as a crisp vector "
     "line in its colour",
     ov_act_export, 0, 0},
    {SDLK_u, ANY, NO, "U",
     "share this scene: its optiviz command line and the browser page's URL query to the "
     "clipboard and the terminal",
     ov_act_share, 0, 0},
    {SDLK_m, ANY, NO, "M", "projector mode: high contrast, larger text", ov_act_projector, 0, 0},
    {SDLK_l, NONE, NO, "L", "panel: loss against step (log scale)", ov_act_panel, 0, 0},
    {SDLK_l, SHIFT, NO, "Shift+L",
     "panel (with a model): the fit, the model's curve through the data or its decision "
     "regions, at the targeted run's parameters",
     ov_act_panel_fit, 0, 0},
    {SDLK_i, NONE, NO, "I",
     "panel: theory of the quadratic (optimal \xce\xb1, \xce\xb2, rates, each run's regime)",
     ov_act_panel, 0, 0},
    {SDLK_RIGHTBRACKET, ANY, YES, "] / [",
     "gradient noise \xcf\x83 up / down the 1-2-5 ladder (0.001 \xe2\x80\xa6 1e6; the first "
     "step up is about a tenth of the gradient at the start; down past 0.001 is 0, exact "
     "gradients)",
     ov_act_noise, 1, 0},
    {SDLK_LEFTBRACKET, ANY, YES, NULL, NULL, ov_act_noise, -1, 0},
    {SDLK_o, ANY, NO, "O", "snap \xce\xb1 (and \xce\xb2) to the optimum of the quadratic",
     ov_act_optimal, 0, 0},
    {SDLK_v, NONE, NO, "V",
     "panel: local curvature (Hessian ellipse, gradient and step arrows)", ov_act_panel, 0,
     0},
    {SDLK_BACKSLASH, ANY, NO, "\\",
     "panel: gradient norm \xe2\x80\x96\xe2\x88\x87L\xe2\x80\x96 and step length "
     "\xe2\x80\x96\xce\x94w\xe2\x80\x96 against step (log scale): too small a step crawls, "
     "too large a step grows with the gradient",
     ov_act_panel, 0, 0},
    {SDLK_i, SHIFT, NO, "Shift+I",
     "panel: convergence-rate map over (\xce\xb1, \xce\xb2) of the targeted run's method, "
     "with the optimum and the runs; a click or drag on it sets \xce\xb1 and \xce\xb2",
     ov_act_panel, 0, 0},
    {SDLK_v, SHIFT, NO, "Shift+V",
     "panel: the error along the Hessian's eigenvectors against step, measured and as the "
     "theory predicts",
     ov_act_panel, 0, 0},
    {SDLK_d, ANY, NO, "D", "3-D surface / contours (a short animated transition)", ov_act_3d, 0,
     0},
    {SDLK_z, ANY, NO, "Z", "3-D heights: automatic / linear / log scale of the loss",
     ov_act_heights, 0, 0},
    {SDLK_UNKNOWN, ANY, NO, "Click",
     "start every run here (replays from step 0); in 3-D where the surface is under the cursor",
     NULL, 0, 0},
    {SDLK_UNKNOWN, ANY, NO, "Wheel / drag",
     "zoom about the cursor / pan; in 3-D: camera closer or further / turn the camera", NULL, 0,
     0},
    {SDLK_HOME, ANY, NO, "Home", "reset the view (and in 3-D the camera)", ov_act_home, 0, 0},
    {SDLK_f, ANY, NO, "F", "fullscreen", ov_act_request, OV_REQ_FULLSCREEN, 0},
    {SDLK_PAGEDOWN, ANY, NO, "PageDown / PageUp",
     "lecture (--lecture): next / previous scene (a presentation clicker's two buttons)",
     ov_act_lecture, 1, 0},
    {SDLK_PAGEUP, ANY, NO, NULL, NULL, ov_act_lecture, -1, 0},
    {SDLK_HOME, CTRL, NO, "Ctrl+Home / Ctrl+End", "lecture: first / last scene", ov_act_lecture,
     -2, 0},
    {SDLK_END, CTRL, NO, NULL, NULL, ov_act_lecture, 2, 0},
    {SDLK_b, ANY, NO, "B", "blank the screen to black and back (a clicker's blank button)",
     ov_act_blank, 0, 0},
    {SDLK_s, CTRL, NO, "Ctrl+S",
     "keep this scene: append it to optiviz-scenes.txt in --output-dir as [N saved-N] and "
     "print its command line and URL query",
     ov_act_save, 0, 0},
    {SDLK_z, CTRL, NO, "Ctrl+Z / Ctrl+Shift+Z or Ctrl+Y",
     "undo / redo the last change to the scene (up to 100; a held key's change is one step)",
     ov_act_undo, 0, 0},
    {SDLK_z, CTRL | SHIFT, NO, NULL, NULL, ov_act_redo, 0, 0},
    {SDLK_y, CTRL, NO, NULL, NULL, ov_act_redo, 0, 0},
    {SDLK_h, ANY, NO, "H or F1", "help overlay, in pages: H again shows the next page, after the last it closes",
     ov_act_help, 0, 0},
    {SDLK_F1, ANY, NO, NULL, NULL, ov_act_help, 0, 0},
    {SDLK_ESCAPE, ANY, NO, "Esc",
     "close the help overlay or the formula field; with nothing open, Esc twice within 2 s "
     "quits (not while a lecture plays: Q does)",
     ov_act_escape, 0, 0},
    {SDLK_q, ANY, NO, "Q", "quit", ov_act_quit, 0, 0},
};

/* ---- the formula field ---- */

static const ov_binding EDIT_BINDINGS[] = {
    {SDLK_RETURN, ANY, NO, "Enter", "apply the formula (a parse error is shown at its column)",
     ov_act_field_apply, 0, 0},
    {SDLK_KP_ENTER, ANY, NO, NULL, NULL, ov_act_field_apply, 0, 0},
    {SDLK_ESCAPE, ANY, NO, "Esc", "close the field, keeping the surface", ov_act_field_cancel,
     0, 0},
    {SDLK_a, CTRL, NO, "Ctrl+A", "select all (typing or Backspace then replaces it)",
     ov_act_field_select_all, 0, 0},
    {SDLK_u, CTRL, NO, "Ctrl+U", "delete everything before the caret", ov_act_field_clear, 0, 0},
    {SDLK_BACKSPACE, CTRL, YES, "Ctrl+Backspace", "delete the word before the caret",
     ov_act_field_delete_word, 0, 0},
    {SDLK_BACKSPACE, ANY, YES, "Backspace / Delete",
     "delete the character before / after the caret", ov_act_field_delete, -1, 0},
    {SDLK_DELETE, ANY, YES, NULL, NULL, ov_act_field_delete, 1, 0},
    {SDLK_LEFT, ANY, YES, "Left / Right", "move the caret", ov_act_field_move, -1, 0},
    {SDLK_RIGHT, ANY, YES, NULL, NULL, ov_act_field_move, 1, 0},
    {SDLK_HOME, ANY, NO, "Home / End", "caret to the start / end", ov_act_field_move, -2, 0},
    {SDLK_END, ANY, NO, NULL, NULL, ov_act_field_move, 2, 0},
};

/* ---- while a GIF or MP4 export runs (G, Shift+G) ---- */

static const ov_binding EXPORT_BINDINGS[] = {
    {SDLK_ESCAPE, ANY, NO, "Esc", "cancel the export: nothing is written", ov_act_request,
     OV_REQ_CANCEL_EXPORT, 0},
    {SDLK_q, ANY, NO, "Q", "quit (the export is abandoned)", ov_act_quit, 0, 0},
    {SDLK_f, ANY, NO, "F", "fullscreen", ov_act_request, OV_REQ_FULLSCREEN, 0},
    {SDLK_h, ANY, NO, "H or F1", "help overlay", ov_act_help, 0, 0},
    {SDLK_F1, ANY, NO, NULL, NULL, ov_act_help, 0, 0},
};

const ov_binding *ov_bindings(int *n)
{
    *n = (int)(sizeof BINDINGS / sizeof BINDINGS[0]);
    return BINDINGS;
}

const ov_binding *ov_edit_bindings(int *n)
{
    *n = (int)(sizeof EDIT_BINDINGS / sizeof EDIT_BINDINGS[0]);
    return EDIT_BINDINGS;
}

const ov_binding *ov_export_bindings(int *n)
{
    *n = (int)(sizeof EXPORT_BINDINGS / sizeof EXPORT_BINDINGS[0]);
    return EXPORT_BINDINGS;
}

const ov_binding *ov_binding_find(const ov_binding *table, int n, SDL_Keycode key, Uint16 mod)
{
    if (key == SDLK_UNKNOWN)
        return NULL;
    unsigned want = ((mod & KMOD_SHIFT) ? OV_MOD_SHIFT : 0) | ((mod & KMOD_CTRL) ? OV_MOD_CTRL : 0);
    const ov_binding *any = NULL;
    for (int i = 0; i < n; i++) {
        if (table[i].key != key || !table[i].act)
            continue;
        if (table[i].mods == want)
            return &table[i];
        if (table[i].mods == OV_MOD_ANY && !any)
            any = &table[i];
    }
    return any;
}
