/* The fixed scene of the frame tests (test_render_frame, test_render_golden):
 * the quadratic with κ = 4, θ = 20°, runs from (-3.2, 1.8) with set α. */
#ifndef OV_RENDER_SCENE_H
#define OV_RENDER_SCENE_H

#include <stdbool.h>
#include <string.h>

#include "core/surface_objective.h"
#include "core/run.h"
#include "core/scene.h"
#include "core/surface.h"
#include "core/view.h"

#define KAPPA 4.0
#define THETA 20.0

static const ov_optim_kind KINDS[4] = {OV_OPT_GD, OV_OPT_MOMENTUM, OV_OPT_ADAM, OV_OPT_GD};
static const double ALPHAS[4] = {0.2, 0.05, 0.3, 0.65};

/* The first nruns runs (at most 4) of the scene, steps steps each. */
static inline bool build_scene(ov_scene *sc, int nruns, int steps)
{
    memset(sc, 0, sizeof *sc);
    ov_expr_error e;
    sc->surface = ov_surface_create("quadratic", &e);
    if (!sc->surface || !ov_surface_set_param(sc->surface, "kappa", KAPPA) ||
        !ov_surface_set_param(sc->surface, "theta", THETA))
        return false;
    sc->start = (ov_vec2){-3.2, 1.8};
    sc->steps = steps;
    sc->view = (ov_rect){-4, 4, -2.5, 2.5};
    for (int i = 0; i < nruns; i++) {
        ov_optim_params p;
        ov_optim_defaults(KINDS[i], &p);
        p.alpha = ALPHAS[i];
        ov_run_init(&sc->runs[i], &p);
        sc->nruns++;
        if (!ov_run_compute_surface(&sc->runs[i], sc->surface, sc->start, steps))
            return false;
    }
    return true;
}

static inline void free_scene(ov_scene *sc)
{
    for (int i = 0; i < sc->nruns; i++)
        ov_run_deinit(&sc->runs[i]);
    ov_surface_destroy(sc->surface);
}

/* The 2-D view of exactly rect over a w x h frame (as the checks compute
 * pixel positions: no aspect fitting). */
static inline const ov_view *view_of(ov_view *buf, const ov_scene *sc, ov_rect rect, int w, int h)
{
    ov_view_desc d = {.surface = sc->surface, .rect = rect, .width = w, .height = h,
                      .stretch = true};
    ov_view_build(buf, &d, NULL);
    return buf;
}

#endif
