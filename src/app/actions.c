/* The action table (see actions.h): each key's row and the small functions
 * the rows call. The help overlay and README's key tables list the rows with
 * a key column, in this order. */
#include "actions.h"

#include <math.h>
#include <stdio.h>

#include "controls.h"
#include "controls_anim.h"
#include "controls_explain.h"
#include "controls_model.h"
#include "controls_params.h"
#include "controls_ui.h"
#include "controls_view.h"
#include "formula_edit.h"
#include "history.h"
#include "lecture_play.h"
#include "run_list.h"
#include "save.h"

#include "panels.h"
#include "share.h"

/* ---- actions on the picture ---- */

#define OV_NO_REQUEST ((ov_request){.kind = OV_REQ_NONE})

/* RATE keys: arg per press, rate per second while held. */
static double held_factor(const ov_binding *b, double held_dt)
{
    return held_dt > 0 ? pow(b->rate, held_dt) : b->arg;
}

static ov_request act_alpha(ov_app_state *st, const ov_binding *b, double dt)
{
    ov_controls_scale_alpha(st, held_factor(b, dt));
    return OV_NO_REQUEST;
}

static ov_request act_beta(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)dt;
    ov_controls_add_beta(st, b->arg);
    return OV_NO_REQUEST;
}

static ov_request act_kappa(ov_app_state *st, const ov_binding *b, double dt)
{
    if (st->sc.scene.model) {   /* no κ there: the slice's axes, once a press */
        if (dt == 0)
            ov_controls_slice_axis(st, b->mods == OV_MOD_SHIFT, b->arg > 1 ? 1 : -1);
        return OV_NO_REQUEST;
    }
    ov_controls_scale_kappa(st, held_factor(b, dt));
    return OV_NO_REQUEST;
}

static ov_request act_theta(ov_app_state *st, const ov_binding *b, double dt)
{
    if (st->sc.scene.model) {   /* no θ there: the slice's kind, once a press */
        if (dt == 0 && b->mods == OV_MOD_SHIFT && b->arg > 0)
            ov_controls_slice_follow(st);
        else if (dt == 0 && b->mods != OV_MOD_SHIFT)
            ov_controls_slice_kind(st, b->arg > 0 ? 1 : -1);
        return OV_NO_REQUEST;
    }
    ov_controls_add_theta(st, dt > 0 ? b->rate * dt : b->arg);
    return OV_NO_REQUEST;
}

static ov_request act_reset_params(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_reset_params(st);
    return OV_NO_REQUEST;
}

static ov_request act_target(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)dt;
    ov_controls_cycle_target(st, (int)b->arg);
    return OV_NO_REQUEST;
}

static ov_request act_add_run(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_add_run(st);
    return OV_NO_REQUEST;
}

static ov_request act_remove_run(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_remove_run(st);
    return OV_NO_REQUEST;
}

static ov_request act_hide_run(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_toggle_hidden(st);
    return OV_NO_REQUEST;
}

static ov_request act_method(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)dt;
    ov_controls_cycle_method(st, (int)b->arg);
    return OV_NO_REQUEST;
}

static ov_request act_loop(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_toggle_loop(st);
    return OV_NO_REQUEST;
}

static ov_request act_pause(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_toggle_pause(st);
    return OV_NO_REQUEST;
}

static ov_request act_step(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_step_once(st);
    return OV_NO_REQUEST;
}

static ov_request act_step_back(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_step_back(st);
    return OV_NO_REQUEST;
}

static ov_request act_explain(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_toggle_explain(st);
    return OV_NO_REQUEST;
}

static ov_request act_restart(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_restart(st);
    return OV_NO_REQUEST;
}

static ov_request act_speed(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)dt;
    ov_controls_scale_speed(st, b->arg);
    return OV_NO_REQUEST;
}

static ov_request act_surface(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)dt;
    ov_controls_cycle_surface(st, (int)b->arg);
    return OV_NO_REQUEST;
}

static ov_request act_preset(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)st;
    (void)dt;
    return (ov_request){.kind = OV_REQ_PRESET, .preset = (int)b->arg};
}

/* PageDown, PageUp, Ctrl+Home, Ctrl+End: the lecture scene arg says
 * (ov_lecture_target); the window shows it. */
static ov_request act_lecture(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)dt;
    int i = ov_lecture_target(st, (int)b->arg);
    if (i < 0) {
        ov_controls_say(st, "no lecture plays: start one with --lecture FILE or NAME "
                        "(--list-lectures)");
        return OV_NO_REQUEST;
    }
    return (ov_request){.kind = OV_REQ_LECTURE, .scene = i};
}

static ov_request act_blank(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_lecture_toggle_blank(st);
    return OV_NO_REQUEST;
}

/* Ctrl+S: the scene kept (save.h). */
static ov_request act_save(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_save_key(st);
    return OV_NO_REQUEST;
}

static ov_request act_undo(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_history_undo(st);
    return OV_NO_REQUEST;
}

static ov_request act_redo(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_history_redo(st);
    return OV_NO_REQUEST;
}

static ov_request act_edit(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_edit_begin(st);
    SDL_StartTextInput();
    return OV_NO_REQUEST;
}

static ov_request act_edit_rule(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_edit_begin_rule(st);
    SDL_StartTextInput();
    return OV_NO_REQUEST;
}

static ov_request act_ghosts(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_toggle_ghosts(st);
    return OV_NO_REQUEST;
}

static ov_request act_sweep(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_toggle_sweep(st);
    return OV_NO_REQUEST;
}

/* Requests the window loop carries out: the row's arg is the
 * ov_request_kind. */
static ov_request act_request(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)st;
    (void)dt;
    return (ov_request){.kind = (ov_request_kind)(int)b->arg};
}

/* An export key: asks the window for the exports table's row of this key
 * (exports.h; the table is not looked at here, so the key table depends on
 * no exporter). */
static ov_request act_export(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)st;
    (void)dt;
    return (ov_request){.kind = OV_REQ_EXPORT, .export_key = (int)b->key,
                        .export_shift = b->mods == OV_MOD_SHIFT};
}

/* U: the scene's command line and the browser page's query string for it,
 * one line each, to stdout and the clipboard. */
static ov_request act_share(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    static char line[4096], query[12288], both[4096 + 12288 + 2];
    if (!ov_share_command_line(st, line, sizeof line) ||
        ov_share_query(st, query, sizeof query) < 0) {
        ov_controls_say(st, "the scene is too long to share");
        return OV_NO_REQUEST;
    }
    snprintf(both, sizeof both, "%s\n%s", line, query);
    bool printed = printf("%s\n", both) > 0 && fflush(stdout) == 0;
    if (SDL_SetClipboardText(both) == 0)
        ov_controls_say(st, "command line and URL query copied to the clipboard%s",
                        printed ? " and printed" : "");
    else
        ov_controls_say(st, "command line %s; no clipboard: %s",
                        printed ? "printed" : "not printed", SDL_GetError());
    return OV_NO_REQUEST;
}

static ov_request act_projector(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_toggle_projector(st);
    return OV_NO_REQUEST;
}

static ov_request act_panel(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)dt;
    ov_panel_toggle(st, ov_panel_find_key(b->keys));
    return OV_NO_REQUEST;
}

/* Shift+L: the fit panel, which only a model has; on a surface the HUD
 * says so and nothing changes. */
static ov_request act_panel_fit(ov_app_state *st, const ov_binding *b, double dt)
{
    if (!st->sc.scene.model) {
        ov_controls_say(st, "fit panel: only with a model (--model line, gauss4 or xor)");
        return OV_NO_REQUEST;
    }
    return act_panel(st, b, dt);
}

/* H: opens the help at its first page, then shows the next page, and
 * closes it after the last. */
static ov_request act_help(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_help_next(st, OV_HELP_PAGES);
    return OV_NO_REQUEST;
}

static ov_request act_optimal(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_snap_optimal(st);
    return OV_NO_REQUEST;
}

static ov_request act_noise(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)dt;
    ov_controls_step_noise(st, (int)b->arg);
    return OV_NO_REQUEST;
}

static ov_request act_home(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_home(st);
    return OV_NO_REQUEST;
}

static ov_request act_3d(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_toggle_3d(st);
    return OV_NO_REQUEST;
}

static ov_request act_heights(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_cycle_heights(st);
    return OV_NO_REQUEST;
}

/* Esc: closes what is open; with nothing open, twice quits, except while a
 * lecture plays (a clicker's slideshow button sends Esc): then Q quits. */
static ov_request act_escape(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    if (st->lecture.on && !st->ui.show_help) {
        ov_controls_say(st, "a lecture plays: Esc does not quit (Q does)");
        return OV_NO_REQUEST;
    }
    return (ov_request){.kind = ov_controls_escape(st) ? OV_REQ_QUIT : OV_REQ_NONE};
}

static ov_request act_quit(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)st;
    (void)b;
    (void)dt;
    return (ov_request){.kind = OV_REQ_QUIT};
}

#define NO OV_REPEAT_NO
#define YES OV_REPEAT_YES
#define RATE OV_REPEAT_RATE
#define NONE OV_MOD_NONE
#define SHIFT OV_MOD_SHIFT
#define ANY OV_MOD_ANY
#define CTRL OV_MOD_CTRL
/* Preset keys: n, Shift+n is n + 10, on the main keys and the keypad. */
#define PRESET(n) {SDLK_##n, NONE, NO, NULL, NULL, act_preset, n, 0}, \
                  {SDLK_##n, SHIFT, NO, NULL, NULL, act_preset, n + 10, 0}, \
                  {SDLK_KP_##n, NONE, NO, NULL, NULL, act_preset, n, 0}, \
                  {SDLK_KP_##n, SHIFT, NO, NULL, NULL, act_preset, n + 10, 0}

static const ov_binding BINDINGS[] = {
    {SDLK_UP, NONE, RATE, "Up / Down",
     "learning rate \xce\xb1 \xc3\x97 1.25 / \xc3\xb7 1.25; held: \xc3\x97 2 / \xc3\xb7 2 a second "
     "(Shift: \xc3\x97 1.05 a press, \xc3\x97 1.2 a second)",
     act_alpha, 1.25, 2.0},
    {SDLK_UP, SHIFT, RATE, NULL, NULL, act_alpha, 1.05, 1.2},
    {SDLK_DOWN, NONE, RATE, NULL, NULL, act_alpha, 1 / 1.25, 0.5},
    {SDLK_DOWN, SHIFT, RATE, NULL, NULL, act_alpha, 1 / 1.05, 1 / 1.2},
    {SDLK_RIGHT, NONE, YES, "Right / Left",
     "momentum \xce\xb2 + / \xe2\x88\x92 0.05 on a grid of 0.05 from 0 to 0.95, then 0.999 "
     "(Shift: 0.01)",
     act_beta, 0.05, 0},
    {SDLK_RIGHT, SHIFT, YES, NULL, NULL, act_beta, 0.01, 0},
    {SDLK_LEFT, NONE, YES, NULL, NULL, act_beta, -0.05, 0},
    {SDLK_LEFT, SHIFT, YES, NULL, NULL, act_beta, -0.01, 0},
    {SDLK_k, NONE, RATE, "K / J",
     "condition number \xce\xba \xc3\x97 / \xc3\xb7 \xe2\x88\x9a" "10, up to 1e10; held: "
     "\xc3\x97 / \xc3\xb7 10 a second (Shift: 10^0.1 a press). With a model: the "
     "slice's horizontal parameter, next / previous (Shift: the vertical one's)",
     act_kappa, 3.16227766016837933, 10.0},
    {SDLK_k, SHIFT, RATE, NULL, NULL, act_kappa, 1.25892541179416721, 1.58489319246111349},
    {SDLK_j, NONE, RATE, NULL, NULL, act_kappa, 1 / 3.16227766016837933, 0.1},
    {SDLK_j, SHIFT, RATE, NULL, NULL, act_kappa, 1 / 1.25892541179416721,
     1 / 1.58489319246111349},
    {SDLK_PERIOD, NONE, RATE, ". / ,",
     "rotate \xce\xb8 + / \xe2\x88\x92 15\xc2\xb0; held: 90\xc2\xb0 a second (Shift: 1\xc2\xb0). "
     "With a model: the slice's kind, next / previous (axes, pca, random); Shift+. the "
     "axes slice following the targeted run or staying",
     act_theta, 15, 90},
    {SDLK_PERIOD, SHIFT, RATE, NULL, NULL, act_theta, 1, 10},
    {SDLK_COMMA, NONE, RATE, NULL, NULL, act_theta, -15, -90},
    {SDLK_COMMA, SHIFT, RATE, NULL, NULL, act_theta, -1, -10},
    {SDLK_BACKSPACE, ANY, NO, "Backspace",
     "\xce\xb1 and \xce\xb2 of the targeted runs back to this surface's defaults", act_reset_params,
     0, 0},
    {SDLK_TAB, NONE, NO, "Tab / Shift+Tab", "which runs the keys change: all, or one run at a time",
     act_target, 1, 0},
    {SDLK_TAB, SHIFT, NO, NULL, NULL, act_target, -1, 0},
    {SDLK_a, NONE, NO, "A / Shift+A",
     "add a run (of a method not shown yet; Y then picks its method) / remove the targeted run",
     act_add_run, 0, 0},
    {SDLK_a, SHIFT, NO, NULL, NULL, act_remove_run, 0, 0},
    {SDLK_DELETE, ANY, NO, NULL, NULL, act_remove_run, 0, 0},
    {SDLK_y, NONE, NO, "Y / Shift+Y", "the targeted run's method: next / previous", act_method, 1,
     0},
    {SDLK_y, SHIFT, NO, NULL, NULL, act_method, -1, 0},
    {SDLK_s, ANY, NO, "S",
     "hide / show the targeted run (all runs targeted: show every hidden run)", act_hide_run, 0,
     0},
    {SDLK_SPACE, ANY, NO, "Space / N / Shift+N", "pause / one step forward / one step back",
     act_pause, 0, 0},
    {SDLK_n, NONE, YES, NULL, NULL, act_step, 0, 0},
    {SDLK_n, SHIFT, YES, NULL, NULL, act_step_back, 0, 0},
    {SDLK_e, ANY, NO, "E",
     "the step taken apart: the targeted run's next update as labelled arrows, with its "
     "equation",
     act_explain, 0, 0},
    {SDLK_r, NONE, NO, "R / Shift+R", "replay from step 0 / loop on or off", act_restart, 0, 0},
    {SDLK_r, SHIFT, NO, NULL, NULL, act_loop, 0, 0},
    {SDLK_PLUS, ANY, YES, "+ / \xe2\x88\x92",
     "play faster / slower (one playing takes --pace seconds, 10 by default)", act_speed, 1.5,
     0},
    {SDLK_EQUALS, ANY, YES, NULL, NULL, act_speed, 1.5, 0},
    {SDLK_KP_PLUS, ANY, YES, NULL, NULL, act_speed, 1.5, 0},
    {SDLK_MINUS, ANY, YES, NULL, NULL, act_speed, 1 / 1.5, 0},
    {SDLK_KP_MINUS, ANY, YES, NULL, NULL, act_speed, 1 / 1.5, 0},
    {SDLK_c, NONE, NO, "C / Shift+C",
     "next / previous surface, with its own view, start, \xce\xb1 and \xce\xb2", act_surface, 1, 0},
    {SDLK_c, SHIFT, NO, NULL, NULL, act_surface, -1, 0},
    {SDLK_1, NONE, NO, "1 \xe2\x80\xa6 9, 0",
     "lecture presets 1 \xe2\x80\xa6 10 (Shift+1 \xe2\x80\xa6 9: presets 11 \xe2\x80\xa6 19)",
     act_preset, 1, 0},
    {SDLK_1, SHIFT, NO, NULL, NULL, act_preset, 11, 0},
    {SDLK_KP_1, NONE, NO, NULL, NULL, act_preset, 1, 0},
    {SDLK_KP_1, SHIFT, NO, NULL, NULL, act_preset, 11, 0},
    PRESET(2), PRESET(3), PRESET(4), PRESET(5), PRESET(6), PRESET(7), PRESET(8), PRESET(9),
    {SDLK_0, ANY, NO, NULL, NULL, act_preset, 10, 0},
    {SDLK_KP_0, ANY, NO, NULL, NULL, act_preset, 10, 0},
    {SDLK_RETURN, ANY, NO, "Enter",
     "type your own loss formula in x and y (the field has keys of its own)", act_edit, 0,
     0},
    {SDLK_KP_ENTER, ANY, NO, NULL, NULL, act_edit, 0, 0},
    {SDLK_RETURN, SHIFT, NO, "Shift+Enter",
     "type the targeted run's update rule per coordinate, e.g. u = beta*u - g; w = w + alpha*u "
     "(all runs targeted: add a rule run)",
     act_edit_rule, 0, 0},
    {SDLK_t, ANY, NO, "T", "ghost trails: the path from before the last change stays, faded",
     act_ghosts, 0, 0},
    {SDLK_w, ANY, NO, "W",
     "learning-rate sweep: the targeted run fans into five runs, \xce\xb1 \xc3\x97 \xc2\xbc, "
     "\xc2\xbd, 1, 2, 4 (again: fold back)",
     act_sweep, 0, 0},
    {SDLK_p, NONE, NO, "P / G / Shift+G / X",
     "save the frame as PNG / the animation as GIF / as MP4 video / the runs as CSV "
     "(timestamped names, in --output-dir or the current directory)",
     act_export, 0, 0},
    {SDLK_g, NONE, NO, NULL, NULL, act_export, 0, 0},
    {SDLK_g, SHIFT, NO, NULL, NULL, act_export, 0, 0},
    {SDLK_x, NONE, NO, NULL, NULL, act_export, 0, 0},
    {SDLK_p, SHIFT, NO, "Shift+P",
     "save the frame as SVG for slides: the picture, with every path as a crisp vector "
     "line in its colour",
     act_export, 0, 0},
    {SDLK_u, ANY, NO, "U",
     "share this scene: its optiviz command line and the browser page's URL query to the "
     "clipboard and the terminal",
     act_share, 0, 0},
    {SDLK_m, ANY, NO, "M", "projector mode: high contrast, larger text", act_projector, 0, 0},
    {SDLK_l, NONE, NO, "L", "panel: loss against step (log scale)", act_panel, 0, 0},
    {SDLK_l, SHIFT, NO, "Shift+L",
     "panel (with a model): the fit, the model's curve through the data or its decision "
     "regions, at the targeted run's parameters",
     act_panel_fit, 0, 0},
    {SDLK_i, NONE, NO, "I",
     "panel: theory of the quadratic (optimal \xce\xb1, \xce\xb2, rates, each run's regime)",
     act_panel, 0, 0},
    {SDLK_RIGHTBRACKET, ANY, YES, "] / [",
     "gradient noise \xcf\x83 up / down the 1-2-5 ladder (0.001 \xe2\x80\xa6 1e6; the first "
     "step up is about a tenth of the gradient at the start; down past 0.001 is 0, exact "
     "gradients)",
     act_noise, 1, 0},
    {SDLK_LEFTBRACKET, ANY, YES, NULL, NULL, act_noise, -1, 0},
    {SDLK_o, ANY, NO, "O", "snap \xce\xb1 (and \xce\xb2) to the optimum of the quadratic",
     act_optimal, 0, 0},
    {SDLK_v, NONE, NO, "V",
     "panel: local curvature (Hessian ellipse, gradient and step arrows)", act_panel, 0,
     0},
    {SDLK_BACKSLASH, ANY, NO, "\\",
     "panel: gradient norm \xe2\x80\x96\xe2\x88\x87L\xe2\x80\x96 and step length "
     "\xe2\x80\x96\xce\x94w\xe2\x80\x96 against step (log scale): too small a step crawls, "
     "too large a step grows with the gradient",
     act_panel, 0, 0},
    {SDLK_i, SHIFT, NO, "Shift+I",
     "panel: convergence-rate map over (\xce\xb1, \xce\xb2) of the targeted run's method, "
     "with the optimum and the runs; a click or drag on it sets \xce\xb1 and \xce\xb2",
     act_panel, 0, 0},
    {SDLK_v, SHIFT, NO, "Shift+V",
     "panel: the error along the Hessian's eigenvectors against step, measured and as the "
     "theory predicts",
     act_panel, 0, 0},
    {SDLK_d, ANY, NO, "D", "3-D surface / contours (a short animated transition)", act_3d, 0,
     0},
    {SDLK_z, ANY, NO, "Z", "3-D heights: automatic / linear / log scale of the loss",
     act_heights, 0, 0},
    {SDLK_UNKNOWN, ANY, NO, "Click",
     "start every run here (replays from step 0); in 3-D where the surface is under the cursor",
     NULL, 0, 0},
    {SDLK_UNKNOWN, ANY, NO, "Wheel / drag",
     "zoom about the cursor / pan; in 3-D: camera closer or further / turn the camera", NULL, 0,
     0},
    {SDLK_HOME, ANY, NO, "Home", "reset the view (and in 3-D the camera)", act_home, 0, 0},
    {SDLK_f, ANY, NO, "F", "fullscreen", act_request, OV_REQ_FULLSCREEN, 0},
    {SDLK_PAGEDOWN, ANY, NO, "PageDown / PageUp",
     "lecture (--lecture): next / previous scene (a presentation clicker's two buttons)",
     act_lecture, 1, 0},
    {SDLK_PAGEUP, ANY, NO, NULL, NULL, act_lecture, -1, 0},
    {SDLK_HOME, CTRL, NO, "Ctrl+Home / Ctrl+End", "lecture: first / last scene", act_lecture,
     -2, 0},
    {SDLK_END, CTRL, NO, NULL, NULL, act_lecture, 2, 0},
    {SDLK_b, ANY, NO, "B", "blank the screen to black and back (a clicker's blank button)",
     act_blank, 0, 0},
    {SDLK_s, CTRL, NO, "Ctrl+S",
     "keep this scene: append it to optiviz-scenes.txt in --output-dir as [N saved-N] and "
     "print its command line and URL query",
     act_save, 0, 0},
    {SDLK_z, CTRL, NO, "Ctrl+Z / Ctrl+Shift+Z or Ctrl+Y",
     "undo / redo the last change to the scene (up to 100; a held key's change is one step)",
     act_undo, 0, 0},
    {SDLK_z, CTRL | SHIFT, NO, NULL, NULL, act_redo, 0, 0},
    {SDLK_y, CTRL, NO, NULL, NULL, act_redo, 0, 0},
    {SDLK_h, ANY, NO, "H or F1", "help overlay, in pages: H again shows the next page, after the last it closes",
     act_help, 0, 0},
    {SDLK_F1, ANY, NO, NULL, NULL, act_help, 0, 0},
    {SDLK_ESCAPE, ANY, NO, "Esc",
     "close the help overlay or the formula field; with nothing open, Esc twice within 2 s "
     "quits (not while a lecture plays: Q does)",
     act_escape, 0, 0},
    {SDLK_q, ANY, NO, "Q", "quit", act_quit, 0, 0},
};

/* ---- the formula field ---- */

static ov_request edit_apply(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    if (ov_controls_edit_commit(st))
        SDL_StopTextInput();
    return OV_NO_REQUEST;
}

static ov_request edit_cancel(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_edit_cancel(st);
    SDL_StopTextInput();
    return OV_NO_REQUEST;
}

static ov_request edit_delete(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)dt;
    ov_controls_edit_delete(st, (int)b->arg);
    return OV_NO_REQUEST;
}

static ov_request edit_move(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)dt;
    ov_controls_edit_move(st, (int)b->arg);
    return OV_NO_REQUEST;
}

static ov_request edit_select_all(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_edit_select_all(st);
    return OV_NO_REQUEST;
}

static ov_request edit_clear(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_edit_clear_before(st);
    return OV_NO_REQUEST;
}

static ov_request edit_delete_word(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_controls_edit_delete_word(st);
    return OV_NO_REQUEST;
}

static const ov_binding EDIT_BINDINGS[] = {
    {SDLK_RETURN, ANY, NO, "Enter", "apply the formula (a parse error is shown at its column)",
     edit_apply, 0, 0},
    {SDLK_KP_ENTER, ANY, NO, NULL, NULL, edit_apply, 0, 0},
    {SDLK_ESCAPE, ANY, NO, "Esc", "close the field, keeping the surface", edit_cancel, 0, 0},
    {SDLK_a, CTRL, NO, "Ctrl+A", "select all (typing or Backspace then replaces it)",
     edit_select_all, 0, 0},
    {SDLK_u, CTRL, NO, "Ctrl+U", "delete everything before the caret", edit_clear, 0, 0},
    {SDLK_BACKSPACE, CTRL, YES, "Ctrl+Backspace", "delete the word before the caret",
     edit_delete_word, 0, 0},
    {SDLK_BACKSPACE, ANY, YES, "Backspace / Delete",
     "delete the character before / after the caret", edit_delete, -1, 0},
    {SDLK_DELETE, ANY, YES, NULL, NULL, edit_delete, 1, 0},
    {SDLK_LEFT, ANY, YES, "Left / Right", "move the caret", edit_move, -1, 0},
    {SDLK_RIGHT, ANY, YES, NULL, NULL, edit_move, 1, 0},
    {SDLK_HOME, ANY, NO, "Home / End", "caret to the start / end", edit_move, -2, 0},
    {SDLK_END, ANY, NO, NULL, NULL, edit_move, 2, 0},
};

/* ---- while a GIF or MP4 export runs (G, Shift+G) ---- */

static const ov_binding EXPORT_BINDINGS[] = {
    {SDLK_ESCAPE, ANY, NO, "Esc", "cancel the export: nothing is written", act_request,
     OV_REQ_CANCEL_EXPORT, 0},
    {SDLK_q, ANY, NO, "Q", "quit (the export is abandoned)", act_quit, 0, 0},
    {SDLK_f, ANY, NO, "F", "fullscreen", act_request, OV_REQ_FULLSCREEN, 0},
    {SDLK_h, ANY, NO, "H or F1", "help overlay", act_help, 0, 0},
    {SDLK_F1, ANY, NO, NULL, NULL, act_help, 0, 0},
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
