/* The scene: one surface, the runs on it, their shared start point and step
 * count. Built from an ov_config; every change of a parameter goes through
 * here and recomputes the affected runs at once (DESIGN.md real-time
 * semantics). The renderer only reads it. */
#ifndef OV_SCENE_H
#define OV_SCENE_H

#include <stddef.h>
#include "config.h"
#include "run.h"
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

/* Resolved parameters of run i's spec on the current surface
 * (spec value, else surface default α, else optimiser default). */
void ov_scene_resolve_params(const ov_scene *sc, const ov_run_spec *spec,
                             ov_optim_params *out);

#endif
