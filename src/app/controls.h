/* The interactive state of one optiviz session and every change a key, a
 * click or the wheel can make to it. No SDL here: input.c maps events to
 * these calls, so the logic is unit-testable without a window. Every change
 * recomputes the runs at once; a change of α, β, κ or θ keeps the
 * animation's current step, one that replaces the paths (start, surface,
 * preset, sweep, runs added or removed) replays from step 0 (DESIGN.md
 * real-time semantics). */
#ifndef OV_CONTROLS_H
#define OV_CONTROLS_H

#include <stdbool.h>
#include "core/explain.h"
#include "core/scene.h"
#include "core/view.h"

#define OV_BETA_MAX 0.999
#define OV_ALPHA_MIN 1e-8
#define OV_ALPHA_MAX 1e6
#define OV_PACE_MIN 1.0        /* seconds one playing of the scene takes */
#define OV_PACE_MAX 600.0
#define OV_LOOP_PAUSE 1.5      /* seconds the end stays on screen before a loop */

/* The step taken apart: the replay cursor and the last explanation, kept
 * between frames (owned by the state, changed while drawing: a cache). */
typedef struct ov_explain_cache {
    ov_explainer replay;
    ov_explain out;
} ov_explain_cache;

typedef struct ov_app_state {
    ov_scene scene;
    ov_rect home_view;      /* what Home returns to */
    ov_rect view;           /* world rectangle asked for: the HUD layout fits
                             * it into the part of the frame it leaves free */
    bool view_given;        /* --view or the preset's view: shown as asked;
                             * else the home view also takes in the start,
                             * the minima and the converging paths */
    /* The part of the frame the HUD left free at the last layout, as
     * fractions of the frame's width and height: the view fits st->view
     * into it (ov_controls_view). has_free false: the whole frame. */
    bool has_free;
    double free_x0, free_y0, free_x1, free_y1;
    double anim_step;       /* fractional animation position */
    double pace;            /* seconds from step 0 to the last step, whatever
                             * the step count (--pace, + and -) */
    bool loop;              /* at the end, wait OV_LOOP_PAUSE s, play again */
    double end_wait;        /* seconds spent at the end so far */
    bool paused;
    int target;             /* -1: all runs; else the run the keys change */
    bool show_help;
    int help_page;          /* the help's page shown, 0 .. OV_HELP_PAGES - 1 */
    bool quit;
    /* A window export (G: GIF, Shift+G: MP4) is running, a frame per window
     * frame: only its own keys apply (ov_export_bindings) and the HUD shows
     * its progress, export_done of export_total frames of export_kind. */
    bool exporting;
    int export_done, export_total;
    const char *export_kind;   /* "GIF", "MP4" */
    double clock;           /* seconds since start, paused or not */
    double esc_at;          /* clock of the last Esc that closed nothing; < 0: none */
    bool holding;           /* a held key is changing a parameter: the change
                             * started at its press (ghost trails keep what
                             * was before the press, not the last frame) */
    char message[192];      /* last change, shown briefly in the HUD */
    double message_age;     /* seconds since message was set */
    unsigned long message_serial;   /* counts messages said */
    char caption[192];      /* the preset's "what to notice", "" when none */
    /* The preset's parameters as set, to tell when they were changed (the
     * caption then no longer describes the picture). */
    int preset_number;
    char preset_name[64];
    int caption_nruns;
    ov_optim_params caption_params[OV_MAX_RUNS];
    double caption_kappa, caption_theta, caption_sigma;
    ov_vec2 caption_start;
    /* Per run (scene order): the shade of its method's colour and marker
     * (a run keeps it while others come and go), and whether it is hidden. */
    int shade[OV_MAX_RUNS];
    bool hidden[OV_MAX_RUNS];
    /* Ghost trails: the runs as they were before the last parameter change. */
    bool ghosts_on;
    int nghosts;
    ov_run ghosts[OV_MAX_RUNS];
    int ghost_shade[OV_MAX_RUNS];
    /* Learning-rate sweep: the runs it replaced, restored when folded back. */
    bool sweep_on;
    int sweep_saved_n, sweep_saved_target;
    ov_run_spec sweep_saved[OV_MAX_RUNS];
    int sweep_saved_shade[OV_MAX_RUNS];
    bool sweep_saved_hidden[OV_MAX_RUNS];
    bool projector;         /* high-contrast theme, larger text */
    float ui_scale;         /* --ui-scale (1 = default) */
    const char *output_dir; /* where export keys write; NULL: current directory */
    /* The formula field (Enter): typed text, caret, and the parse error
     * of the last Enter, shown at its column; the old surface stays until a
     * formula parses. */
    bool editing;
    char edit_text[OV_EXPR_MAX_SOURCE + 1];
    int edit_caret;         /* byte offset into edit_text */
    bool edit_all;          /* Ctrl+A: the whole text is selected */
    char edit_error[160];   /* "" when none */
    int edit_error_column;  /* 1-based column of the error */
    /* Insight panels (issue 5), each on its own key. */
    bool show_loss;         /* L: loss against step, log scale */
    bool show_theory;       /* I: the quadratic's theory and each run's regime */
    bool show_curvature;    /* V: Hessian glyph, gradient and step arrows */
    bool show_steps;        /* the | key: |gradient| and step length against step */
    /* The 3-D view (D): where the view is heading, how far the transition
     * has gone, the orbit camera (drag turns it, the wheel moves it closer,
     * Home resets it) and how heights are scaled (Z). */
    bool view3d;
    double lift;            /* 0: 2-D .. 1: 3-D; follows view3d over
                               OV_LIFT_SECONDS */
    ov_camera camera, home_camera;
    ov_height_mode heights;
    bool orbit;             /* --orbit: animations turn the camera once around */
    /* The loss range of the view's rectangle, kept between frames. */
    ov_loss_range_cache range_cache;
    /* E, --explain: the targeted run's current update taken apart. */
    bool explain_on;
    ov_explain_cache *explain;   /* never NULL after init */
} ov_app_state;

#define OV_LIFT_SECONDS 0.6     /* the 2-D <-> 3-D transition */
#define OV_LIFT_MAX_DT 0.1      /* s: the most one frame moves the transition */
#define OV_ORBIT_DEG_PER_POINT 0.4   /* camera turn per point dragged */

#define OV_SWEEP_RUNS 5
#define OV_SWEEP_RATIO 2.0  /* neighbouring sweep runs differ by this factor in α */
#define OV_PROJECTOR_SCALE 1.35f

/* Builds the state from cfg (scene, view, clock). false + err on failure. */
bool ov_controls_init(ov_app_state *st, const ov_config *cfg, char *err, size_t cap);
void ov_controls_deinit(ov_app_state *st);

/* Advances the wall clock (what Esc twice is timed by) by dt seconds: the
 * window does it at the start of a frame, before the frame's events, so an
 * event after an idle wait sees the time that passed. */
void ov_controls_advance_clock(ov_app_state *st, double dt);
/* Advances the animation clock by dt seconds (unless paused): the scene's
 * last step is reached pace seconds after step 0. */
void ov_controls_tick(ov_app_state *st, double dt);
/* True while the animation advances by itself (not paused, not at its end). */
bool ov_controls_moving(const ov_app_state *st);
/* The largest stored step over all runs (the animation's end). */
int ov_controls_last_step(const ov_app_state *st);

/* α of the targeted run(s) times factor, clamped to [OV_ALPHA_MIN, OV_ALPHA_MAX]. */
void ov_controls_scale_alpha(ov_app_state *st, double factor);
/* β of the targeted run(s) that use β, plus delta, clamped to [0, OV_BETA_MAX]. */
void ov_controls_add_beta(ov_app_state *st, double delta);
/* κ times factor, clamped to [1, OV_KAPPA_MAX] (surfaces with a kappa). */
void ov_controls_scale_kappa(ov_app_state *st, double factor);
/* θ plus delta degrees, wrapped to [0, 360) (surfaces with a theta). */
void ov_controls_add_theta(ov_app_state *st, double delta);
/* α and β of the targeted run(s) back to the surface's and optimiser's
 * defaults (what the run would get with no --alpha/--beta). */
void ov_controls_reset_params(ov_app_state *st);
/* Gradient noise σ one step up (dir > 0) or down the 1-2-5 ladder from
 * OV_NOISE_LADDER_MIN to OV_NOISE_MAX; from 0 up, about a tenth of the
 * gradient's size at the start point; below the ladder, 0 (exact). */
#define OV_NOISE_LADDER_MIN 1e-3
void ov_controls_step_noise(ov_app_state *st, int dir);
/* Tab: all runs -> run 0 -> run 1 -> ... -> all (dir -1 goes backwards). */
void ov_controls_cycle_target(ov_app_state *st, int dir);
/* Next (dir 1) or previous (dir -1) built-in surface (see
 * ov_controls_replace_surface). */
void ov_controls_cycle_surface(ov_app_state *st, int dir);
/* Replaces the surface (a built-in name or a formula): every run gets the
 * new surface's default α and β, its view and start; the animation replays
 * from step 0. false (err filled, nothing changed) when the text is
 * neither a surface nor a formula. */
bool ov_controls_replace_surface(ov_app_state *st, const char *name_or_formula,
                                 ov_expr_error *err);
/* Sets the start point of every run; replays from step 0. */
void ov_controls_set_start(ov_app_state *st, ov_vec2 start);

void ov_controls_toggle_pause(ov_app_state *st);
/* Pauses and advances one whole step. */
void ov_controls_step_once(ov_app_state *st);
/* Pauses and goes back one whole step (to step 0 at most). */
void ov_controls_step_back(ov_app_state *st);

/* E: the step taken apart on or off; on pauses the animation. */
void ov_controls_toggle_explain(ov_app_state *st);
/* The run the explanation is of: the targeted one, run 0 when all are. */
int ov_controls_explain_run(const ov_app_state *st);
/* The explanation of that run's update from the step the animation shows
 * (its next step), computed when asked (the replay is cached, so the next
 * step costs one optimiser step). Never NULL; ->valid says whether there is
 * one, ->why why not. */
const ov_explain *ov_controls_explanation(const ov_app_state *st);
void ov_controls_restart(ov_app_state *st);
/* + / -: plays factor times faster (the pace divided by factor). */
void ov_controls_scale_speed(ov_app_state *st, double factor);
void ov_controls_toggle_loop(ov_app_state *st);
/* Animation steps per second at the current pace. */
double ov_controls_steps_per_second(const ov_app_state *st);

/* The world rectangle of a width x height frame that shows `content`,
 * aspect kept and centred, in the pixel box (bx, by, bw, bh). */
ov_rect ov_controls_fit_rect(ov_rect content, double bx, double by, double bw, double bh,
                             int width, int height);

/* ---- the 3-D view (controls3d.c) ---- */

/* The view of a width x height frame of st (2-D, 3-D or the transition
 * between): the one projection the frame's drawing, picking and the HUD
 * use. Its world rectangle shows st->view, aspect kept and centred, in the
 * part of the frame the HUD left free at the last layout (has_free), and
 * whatever else of the world the rest of the frame covers. */
void ov_controls_view(ov_app_state *st, int width, int height, ov_view *out);
/* Sets up the 3-D state from cfg (--3d, --camera): the camera given or the
 * default one, which Home returns to. */
void ov_controls_init_3d(ov_app_state *st, const ov_config *cfg);
/* Whether the mouse acts on the 3-D view: heading for 3-D on a surface in
 * x and y (a curve is always drawn flat). */
bool ov_controls_in_3d(const ov_app_state *st);
/* D: heads for 3-D, or back to 2-D; the transition then runs on tick. On a
 * curve it stays 2-D and says why. */
void ov_controls_toggle_3d(ov_app_state *st);
/* Moves the transition by dt seconds (at most OV_LIFT_MAX_DT) towards
 * where the view is heading. */
void ov_controls_tick_3d(ov_app_state *st, double dt);
/* True while the transition runs (frames must keep coming). */
bool ov_controls_transitioning(const ov_app_state *st);
/* Turns the camera by daz degrees of azimuth and del of elevation
 * (elevation clamped to OV_CAMERA_ELEVATION_MIN .. _MAX). */
void ov_controls_orbit(ov_app_state *st, double daz, double del);
/* Moves the camera closer (factor > 1) or further, within
 * OV_CAMERA_ZOOM_MIN .. _MAX. */
void ov_controls_dolly(ov_app_state *st, double factor);
/* Z: the 3-D heights' scale, auto -> linear -> log -> auto. */
void ov_controls_cycle_heights(ov_app_state *st);
/* Frame f of n of an animation export: with --orbit in 3-D, the camera
 * turned f / n of a full turn from start (so the loop closes); otherwise
 * unchanged. */
void ov_controls_orbit_frame(ov_app_state *st, ov_camera start, int f, int n);
/* Home in 3-D: the camera back to where it started. */
void ov_controls_home_camera(ov_app_state *st);

/* Zooms the view by factor (< 1 zooms in) keeping world point `about` fixed. */
void ov_controls_zoom(ov_app_state *st, ov_vec2 about, double factor);
/* Moves the view by a world-space offset. */
void ov_controls_pan(ov_app_state *st, double dx, double dy);
void ov_controls_home(ov_app_state *st);

/* Replaces the scene by the one cfg describes (a preset on keys 1-9): view,
 * start, runs and caption from cfg; projector, ui scale and output directory
 * stay. On failure keeps the old scene and says why in the HUD. */
bool ov_controls_apply_config(ov_app_state *st, const ov_config *cfg);

/* Ghost trails on/off. When on, every later parameter change first keeps a
 * copy of the current runs, drawn faded under the new ones. */
void ov_controls_toggle_ghosts(ov_app_state *st);
/* ---- the run list (run_list.c) ---- */

/* Gives every run the shade its position implies: the n-th run of a
 * method gets shade n. */
void ov_controls_number_shades(ov_app_state *st);
/* Fans the targeted run (run 0 when all are targeted) into OV_SWEEP_RUNS
 * runs in its place, whose α are its α times OV_SWEEP_RATIO^k, k = -2..2;
 * the other runs stay as they are, in their colours, and the α × 1 run
 * keeps the targeted run's shade. A second press folds them back into the
 * runs there were before. Replays from step 0. */
void ov_controls_toggle_sweep(ov_app_state *st);
/* Adds a run of the first method the scene does not show yet (gd when it
 * shows them all), in that method's next free shade, and targets it.
 * Replays from step 0. */
void ov_controls_add_run(ov_app_state *st);
/* Removes the targeted run (not the last one). Replays from step 0. */
void ov_controls_remove_run(ov_app_state *st);
/* Hides or shows the targeted run; with all runs targeted, shows every
 * hidden run. */
void ov_controls_toggle_hidden(ov_app_state *st);
/* The targeted run's method: the next (dir 1) or previous (dir -1) one,
 * with that method's default α and β. Replays from step 0. */
void ov_controls_cycle_method(ov_app_state *st, int dir);
void ov_controls_toggle_projector(ov_app_state *st);
/* The effective text/line scale: ui_scale, times OV_PROJECTOR_SCALE in
 * projector mode. */
float ov_controls_ui_scale(const ov_app_state *st);

/* Opens the formula field, filled with the current surface's formula. */
void ov_controls_edit_begin(ov_app_state *st);
/* Inserts UTF-8 text at the caret (control characters are dropped). */
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

/* Esc outside the formula field: closes the help overlay when it is open;
 * otherwise the first press says how to quit and a second within
 * OV_ESC_QUIT_SECONDS quits. */
#define OV_ESC_QUIT_SECONDS 2.0
void ov_controls_escape(ov_app_state *st);

/* O: sets the targeted run(s)' α (and β for momentum and Nesterov) to the
 * optimum the theory of the quadratic gives for the current κ. Says so and
 * changes nothing on other surfaces or for methods without a known optimum. */
void ov_controls_snap_optimal(ov_app_state *st);

/* The caption line to show: the preset's caption while its parameters are
 * as the preset set them; once they changed, a note saying so (and which
 * key brings the preset back); "" without a caption. */
void ov_controls_caption_text(const ov_app_state *st, char *buf, size_t cap);

/* printf-style message shown in the HUD for a few seconds. */
void ov_controls_say(ov_app_state *st, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
