/* What the user asked for, as plain data: filled by the CLI parser (or a
 * preset), read by the scene builder and the app. No behaviour here. */
#ifndef OV_CONFIG_H
#define OV_CONFIG_H

#include <stdbool.h>
#include "expr.h"
#include "geom.h"
#include "noise.h"
#include "model.h"
#include "objective.h"
#include "optim.h"
#include "rule.h"

#define OV_MAX_RUNS 16
#define OV_DEFAULT_STEPS 200
#define OV_DEFAULT_WIDTH 1280
#define OV_DEFAULT_HEIGHT 720
#define OV_KAPPA_MAX 1e10
#define OV_DEFAULT_GIF_FRAMES 120
#define OV_DEFAULT_GIF_DELAY_CS 4
#define OV_DEFAULT_PACE 10.0   /* seconds one playing of a scene takes */

/* One --optimizer SPEC. The has_ flags say which values were given; the
 * others come from the surface's and optimiser's defaults. */
typedef struct ov_run_spec {
    ov_optim_kind kind;
    bool has_alpha, has_beta, has_beta2, has_eps, has_wd, has_history;
    double alpha, beta, beta2, eps, wd;
    int history;
    /* rule: the statements typed in rule{...} ("" for gd's rule) and the
     * :name= given ("" for none). */
    char rule[OV_RULE_MAX_SOURCE + 1];
    char rule_name[OV_RULE_MAX_NAME + 1];
    ov_schedule schedule;   /* :schedule= (given false: none) */
} ov_run_spec;

/* --loss: a model's own (line, gauss4: squared; xor: logistic; a typed
 * model: squared) unless given. */
typedef enum ov_config_loss {
    OV_CONFIG_LOSS_DEFAULT = 0,
    OV_CONFIG_LOSS_SQUARED,
    OV_CONFIG_LOSS_LOGISTIC
} ov_config_loss;

/* Longest --params, --data and --slice value kept. */
#define OV_CONFIG_MODEL_TEXT 2048   /* 64 names of 24 bytes and their commas fit */

typedef enum ov_action {
    OV_ACTION_WINDOW = 0,   /* open the interactive window (default) */
    OV_ACTION_EXPORT,       /* --screenshot, --export-csv, --gif, --video, then exit */
    OV_ACTION_LIST_SURFACES,
    OV_ACTION_LIST_OPTIMIZERS,
    OV_ACTION_HELP,
    OV_ACTION_VERSION,
    OV_ACTION_BENCH,
    OV_ACTION_LIST_PRESETS,
    OV_ACTION_RATE_MAP,     /* --export-rate-map FILE, then exit */
    OV_ACTION_LIST_MODELS,
    OV_ACTION_LIST_LECTURES,
    OV_ACTION_SLIDES        /* --lecture FILE --export-slides DIR, then exit */
} ov_action;

typedef struct ov_config {
    ov_action action;
    char surface[OV_EXPR_MAX_SOURCE + 1];   /* built-in name or formula */
    bool has_kappa, has_theta;
    double kappa, theta;                    /* theta in degrees */
    bool has_start;
    ov_vec2 start;
    int steps;
    bool has_alpha, has_beta;               /* --alpha / --beta: every run */
    double alpha, beta;
    int nruns;                              /* 0: the default gd, momentum, adam */
    ov_run_spec runs[OV_MAX_RUNS];
    bool has_view;
    ov_rect view;
    ov_noise noise;                         /* --noise SIGMA, --seed N */
    bool explain;                           /* --explain: the targeted run's
                                               update taken apart */
    bool view3d;                            /* --3d (also implied by --camera
                                               and --orbit) */
    bool has_camera;
    double camera_az, camera_el;            /* --camera AZ,EL in degrees */
    bool orbit;                             /* --orbit: the camera turns once
                                               around over a GIF or video */
    int width, height;
    const char *screenshot;                 /* NULL when not asked for */
    const char *export_csv;                 /* NULL when not asked for */
    const char *export_rate_map;            /* --export-rate-map FILE, NULL when not */
    /* Classroom and slides (issue 4). */
    char preset[64];                        /* --preset NAME, "" when none */
    char caption[192];                      /* the preset's one-line caption */
    int preset_number;                      /* that preset's number, 0 when none */
    const char *output_dir;                 /* --output-dir: where the window's
                                               export keys write; NULL: "." */
    float ui_scale;                         /* --ui-scale; 0 means 1 */
    bool projector;                         /* --projector: high-contrast theme */
    const char *gif;                        /* --gif FILE, NULL when not asked */
    const char *video;                      /* --video FILE (MP4), NULL when not asked */
    int gif_frames;                         /* --gif-frames N (default 120): also the
                                               video's frames */
    int gif_delay_cs;                       /* --gif-delay CS, 1/100 s (default 4):
                                               also each video frame's duration */
    unsigned panels;                        /* --panels: bit i shows the panel
                                               named ov_config_panel_names[i] */
    bool no_vsync;                          /* window frames unpaced (tests) */
    bool bench_startup;                     /* --bench with --screenshot: the
                                               process's stages printed */
    double pace;                            /* --pace SECONDS (0: OV_DEFAULT_PACE) */
    bool loop;                              /* --loop */
    /* Models (DESIGN.md "Models"): a loss over n parameters instead of a
     * surface. model is "" for a surface. The values are checked as text
     * here and against the model when the scene is built (args.c does it
     * once at the command line so that a bad one is a usage error). */
    char model[OV_EXPR_MAX_SOURCE + 1];     /* --model NAME|FORMULA */
    char model_params[OV_CONFIG_MODEL_TEXT];/* --params a,b,c (typed models) */
    char data_path[OV_CONFIG_MODEL_TEXT];   /* --data FILE.csv, "" for none */
    ov_model_data data;                     /* that file's rows (read by the CLI) */
    ov_config_loss loss;                    /* --loss */
    int ninit;                              /* --init: that many numbers, 0: none */
    double init[OV_OBJECTIVE_MAX_DIM];
    char slice[OV_CONFIG_MODEL_TEXT];       /* --slice A,B|pca|random[:SEED], "" */
    bool has_panels;                        /* --panels given (a preset's panels
                                               replace the window's) */
    const char *lecture;                    /* --lecture FILE|NAME, NULL when not */
    const char *export_slides;              /* --export-slides DIR, NULL when not */
    bool slides_video;                      /* --slides-video: an MP4 per slide too */
} ov_config;

/* The insight panels' names as --panels and presets spell them, in the
 * order of the app's panels table (src/app/panels.c; a test checks both
 * agree): bit i of ov_config.panels is the i-th. NULL-terminated. */
#define OV_CONFIG_PANELS_MAX 8
extern const char *const ov_config_panel_names[];

/* Sets every field to its default (quadratic, 200 steps, 1280x720, ...). */
void ov_config_defaults(ov_config *cfg);

#endif
