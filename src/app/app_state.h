/* The state of one optiviz session, in parts that each say which module
 * writes them (through its functions: controls.h, controls_view.h,
 * controls_anim.h, controls_params.h, run_list.h, controls_ui.h,
 * controls_explain.h, formula_edit.h); the HUD, the exports and the window
 * read them through a const ov_app_state. No SDL here, and no functions. */
#ifndef OV_APP_STATE_H
#define OV_APP_STATE_H

#include <stdbool.h>
#include "core/scene.h"
#include "core/view.h"

/* The preset's caption and the parameters as the preset set them, to tell
 * when they were changed (the caption then no longer describes the
 * picture). */
typedef struct ov_app_caption {
    char text[192];         /* the preset's "what to notice", "" when none */
    int preset_number;
    char preset_name[64];
    int nruns;
    ov_optim_params params[OV_MAX_RUNS];
    double kappa, theta, sigma;
    ov_vec2 start;
} ov_app_caption;

/* The scene: what is computed (surface, runs, parameters) and how each run
 * looks. Written by the scene's controls only: controls.c (replacing the
 * scene), controls_params.c (parameters, target, ghosts), run_list.c (runs,
 * shades, hidden runs, the sweep). */
typedef struct ov_app_scene {
    ov_scene scene;
    int target;             /* -1: all runs; else the run the keys change */
    bool holding;           /* a held key is changing a parameter: the change
                             * started at its press (ghost trails keep what
                             * was before the press, not the last frame) */
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
    ov_app_caption caption;
} ov_app_scene;

/* The view: the 2-D rectangle and the 3-D camera. Written by the view
 * controls only (controls_view.c). */
typedef struct ov_app_view {
    ov_rect home;           /* what Home returns to */
    ov_rect rect;           /* world rectangle asked for: the HUD layout fits
                             * it into the part of the frame it leaves free */
    bool given;             /* --view or the preset's view: shown as asked;
                             * else the home view also takes in the start,
                             * the minima and the converging paths */
    /* The 3-D view (D): where the view is heading, how far the transition
     * has gone, the orbit camera (drag turns it, the wheel moves it closer,
     * Home resets it) and how heights are scaled (Z). */
    bool view3d;
    double lift;            /* 0: 2-D .. 1: 3-D; follows view3d over
                               OV_LIFT_SECONDS */
    ov_camera camera, home_camera;
    ov_height_mode heights;
    bool orbit;             /* --orbit: animations turn the camera once around */
} ov_app_view;

/* The animation clock. Written by controls_anim.c only. */
typedef struct ov_app_clock {
    double step;            /* fractional animation position */
    double pace;            /* seconds from step 0 to the last step, whatever
                             * the step count (--pace, + and -) */
    bool loop;              /* at the end, wait OV_LOOP_PAUSE s, play again */
    double end_wait;        /* seconds spent at the end so far */
    bool paused;
} ov_app_clock;

/* The formula field (Enter): typed text, caret, and the parse error of the
 * last Enter, shown at its column; the old surface stays until a formula
 * parses. Written by formula_edit.c only. */
typedef struct ov_formula_field {
    bool open;
    char text[OV_EXPR_MAX_SOURCE + 1];
    int caret;              /* byte offset into text */
    bool all;               /* Ctrl+A: the whole text is selected */
    char error[160];        /* "" when none */
    int error_column;       /* 1-based column of the error */
    /* What the text is: -1 the loss formula (Enter); a run index, that
     * run's typed rule (Shift+Enter); OV_MAX_RUNS, a rule run to add. */
    int rule_run;
} ov_formula_field;

/* What is shown on top of the picture. Written by controls_ui.c (panels,
 * help, projector, the message, the wall clock), controls_explain.c
 * (explain_on) and formula_edit.c (edit). */
/* Room for this many insight panels (the panels table has fewer rows). */
#define OV_PANEL_MAX 8

typedef struct ov_app_ui {
    bool show_help;
    int help_page;          /* the help's page shown, 0 .. OV_HELP_PAGES - 1 */
    bool in_page;           /* running in a web page: the help says which keys differ */
    bool strip_on;          /* the on-screen button strip (touch_strip.h) shown */
    /* The page's own control over the picture's top right corner (the
     * browser's "buttons" toggle), px of the frame; 0, 0 on the desktop. */
    float page_corner_w, page_corner_h;
    int strip_preset;       /* the preset its "next preset" button chose last (0: none) */
    bool panel_on[OV_PANEL_MAX];   /* row i of the panels table (panels.h) shown */
    bool projector;         /* high-contrast theme, larger text */
    float scale;            /* --ui-scale (1 = default) */
    char message[192];      /* last change, shown briefly in the HUD */
    double message_age;     /* seconds since message was set */
    unsigned long message_serial;   /* counts messages said */
    double clock;           /* seconds since start, paused or not */
    double esc_at;          /* clock of the last Esc that closed nothing; < 0: none */
    bool explain_on;        /* E, --explain: the targeted run's update taken apart */
    ov_formula_field edit;
} ov_app_ui;

/* A window export (G: GIF, Shift+G: MP4) running a frame per window frame:
 * only its own keys apply (ov_export_bindings) and the HUD shows its
 * progress, done of total frames of kind. Written by the window module
 * (window_requests.c); output_dir is set once, by ov_controls_init. */
typedef struct ov_app_job {
    bool on;
    int done, total;
    const char *kind;       /* "GIF", "MP4" */
    const char *output_dir; /* where export keys write; NULL: current directory */
} ov_app_job;

/* A lecture playing (--lecture): which scene of how many is shown, and
 * whether the screen is blanked (B, also without a lecture). Written by
 * lecture_play.c only. */
typedef struct ov_app_lecture {
    bool on;
    int index, count;
    bool blank;
} ov_app_lecture;

/* The undo history (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y): an object of
 * history.c, its only writer (NULL: no history kept, e.g. an export). */
struct ov_history;
typedef struct ov_app_history {
    struct ov_history *h;
} ov_app_history;

typedef struct ov_app_state {
    ov_app_scene sc;
    ov_app_view view;
    ov_app_clock anim;
    ov_app_ui ui;
    ov_app_job job;
    ov_app_lecture lecture;
    ov_app_history hist;
} ov_app_state;

#endif
