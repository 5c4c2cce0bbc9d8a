/* The scene: one surface, the runs on it, their shared start point and step
 * count. Built from an ov_config; every change of a parameter goes through
 * here and recomputes the affected runs at once (DESIGN.md real-time
 * semantics). The renderer only reads it. */
#ifndef OV_SCENE_H
#define OV_SCENE_H

#include <stddef.h>
#include "config.h"
#include "model.h"
#include "run.h"
#include "slice.h"
#include "surface.h"

typedef struct ov_scene {
    ov_surface *surface;
    int nruns;
    ov_run runs[OV_MAX_RUNS];
    ov_run_spec specs[OV_MAX_RUNS];   /* what each run was asked to be */
    ov_vec2 start;
    int steps;
    ov_rect view;                     /* current world rectangle */
    ov_noise noise;                   /* gradient noise of every run */
    /* A model scene (DESIGN.md "Models"): model is NULL for a surface. With
     * a model, surface is its slice (a plane surface, rebuilt by
     * scene_model.c whenever the plane changes), the runs start at start_w
     * (model->n coordinates; start is its projection on the plane), and
     * their x, y, off are their iterates projected on slice. The plane
     * follows run slice_run: its final iterate (pca, random), or for an
     * axes slice with follow on the iterate at slice_step (-1: the last). */
    ov_model *model;
    ov_slice slice;
    double start_w[OV_OBJECTIVE_MAX_DIM];
    int slice_run;
    int slice_step;
    char data_path[OV_CONFIG_MODEL_TEXT];   /* --data's file, "" for none */
} ov_scene;

/* Builds the scene cfg describes and computes its runs. On failure returns
 * false with a one-line message in err (the surface text did not parse, or
 * memory ran out); the scene is then empty and safe to deinit. */
bool ov_scene_init(ov_scene *sc, const ov_config *cfg, char *err, size_t cap);
void ov_scene_deinit(ov_scene *sc);

/* Recomputes every run from the current start, surface and parameters. */
bool ov_scene_recompute(ov_scene *sc);

/* Replaces the surface (built-in name or formula): view, start and every
 * run's unset α go to the new surface's defaults, runs are recomputed;
 * parameters the old and new surface share by name (kappa, theta) keep
 * their current values.
 * On a parse error returns false, fills err and keeps the old surface. */
bool ov_scene_set_surface(ov_scene *sc, const char *name_or_formula,
                          ov_expr_error *err);

/* Replaces the runs by n (1 .. OV_MAX_RUNS) new specs and recomputes them
 * (the learning-rate sweep fans one run out and folds it back this way).
 * specs may point into sc->specs. false when memory runs out. */
bool ov_scene_set_runs(ov_scene *sc, const ov_run_spec *specs, int n);

/* Model scenes (scene_model.c). */

/* Builds the model cfg asks for (cfg->model a built-in name or a formula
 * with cfg->model_params, cfg->data, cfg->loss), its start (cfg->init) and
 * slice (cfg->slice; default: the first two parameters' axes). NULL with a
 * one-line message when something does not fit the model (an --init of the
 * wrong length, an unknown name in --slice, a formula error). The caller
 * owns the model. */
ov_model *ov_scene_model_create(const ov_config *cfg, double *start, ov_slice *slice,
                                char *err, size_t cap);
/* After the runs of a model scene changed: places the plane (see
 * ov_scene.slice_run), rebuilds the slice surface when its baked plane
 * changed, and projects every run and the start onto it. false when memory
 * runs out or the shaders' text could not be made (err says why). */
bool ov_scene_slice_refresh(ov_scene *sc, char *err, size_t cap);
/* The targeted run (-1: all; the slice then follows run 0) or the shown
 * step changed: moves the plane with it where the slice follows it (the
 * followed coordinates of an axes slice; the final point of pca and random
 * when the run changed). Returns whether the picture changed. A surface
 * scene: false. */
bool ov_scene_follow(ov_scene *sc, int run, int step);
/* Replaces the slice of a model scene by next (a kind and, for axes, its
 * two parameters and follow) and places it; the view frames the paths on
 * the new plane. false when memory runs out. */
bool ov_scene_set_slice(ov_scene *sc, const ov_slice *next);
/* Starts every run of a model scene at the plane's point (x, y) and
 * recomputes them. */
bool ov_scene_start_at(ov_scene *sc, double x, double y);
/* dst (not initialised) becomes a model scene of its own equal to src:
 * the model cloned, the runs copied, a slice surface of its own; so that
 * following (ov_scene_follow) on it leaves src as it is. false when memory
 * runs out (dst is then empty, safe to deinit) or src has no model. */
bool ov_scene_copy_model(ov_scene *dst, const ov_scene *src);
/* The default learning rate of kind on a model scene's model. */
double ov_scene_model_alpha(const ov_model *m, ov_optim_kind kind);

/* Resolved parameters of run i's spec on the current surface
 * (spec value, else surface default α, else optimiser default). */
void ov_scene_resolve_params(const ov_scene *sc, const ov_run_spec *spec,
                             ov_optim_params *out);

#endif
