/* The scene: builds the surface and runs an ov_config asks for, resolves
 * each run's parameters (the run's own value, else --alpha/--beta, else the
 * surface's default α, else the optimiser's default) and recomputes every
 * run whenever something changes. */
#include "scene.h"
#include "surface_objective.h"

#include <stdio.h>
#include <string.h>

void ov_scene_resolve_params(const ov_scene *sc, const ov_run_spec *spec,
                             ov_optim_params *out)
{
    ov_optim_defaults(spec->kind, out);
    out->alpha = spec->has_alpha ? spec->alpha
                 : sc->model   ? ov_scene_model_alpha(sc->model, spec->kind)
                               : ov_surface_default_alpha(sc->surface, spec->kind);
    if (spec->has_beta)
        out->beta = spec->beta;
    if (spec->has_beta2)
        out->beta2 = spec->beta2;
    if (spec->has_eps)
        out->eps = spec->eps;
    if (spec->has_wd)
        out->wd = spec->wd;
    if (spec->has_history)
        out->history = spec->history;
    out->schedule = spec->schedule;
    /* The text was checked when the spec was made, so it compiles. */
    if (spec->kind == OV_OPT_RULE && spec->rule[0])
        out->rule = ov_rule_intern(spec->rule, spec->rule_name, NULL);
}

bool ov_scene_recompute(ov_scene *sc)
{
    bool ok = true;
    if (!sc->surface && !sc->model)
        return sc->nruns == 0;
    const ov_objective obj = sc->model ? ov_model_objective(sc->model)
                                       : ov_surface_objective(sc->surface);
    const double xy[2] = {sc->start.x, sc->start.y};
    const double *start = sc->model ? sc->start_w : xy;
    for (int i = 0; i < sc->nruns; i++) {
        ov_scene_resolve_params(sc, &sc->specs[i], &sc->runs[i].params);
        sc->runs[i].noise = sc->noise;
        sc->runs[i].keep_coords = sc->model != NULL;
        if (!ov_run_compute(&sc->runs[i], &obj, start, sc->steps))
            ok = false;
    }
    if (ok && sc->model)
        ok = ov_scene_slice_refresh(sc, NULL, 0);
    return ok;
}

/* The specs cfg asks for, with --alpha/--beta filled into every spec that
 * lacks its own value. */
static void ov_scene_specs_from_config(ov_scene *sc, const ov_config *cfg)
{
    static const ov_optim_kind defaults[] = {OV_OPT_GD, OV_OPT_MOMENTUM, OV_OPT_ADAM};
    if (cfg->nruns <= 0) {
        sc->nruns = (int)(sizeof defaults / sizeof defaults[0]);
        for (int i = 0; i < sc->nruns; i++) {
            memset(&sc->specs[i], 0, sizeof sc->specs[i]);
            sc->specs[i].kind = defaults[i];
        }
    } else {
        sc->nruns = cfg->nruns < OV_MAX_RUNS ? cfg->nruns : OV_MAX_RUNS;
        memcpy(sc->specs, cfg->runs, (size_t)sc->nruns * sizeof sc->specs[0]);
    }
    for (int i = 0; i < sc->nruns; i++) {
        ov_run_spec *sp = &sc->specs[i];
        if (cfg->has_alpha && !sp->has_alpha) {
            sp->has_alpha = true;
            sp->alpha = cfg->alpha;
        }
        if (cfg->has_beta && !sp->has_beta) {
            sp->has_beta = true;
            sp->beta = cfg->beta;
        }
    }
}

bool ov_scene_init(ov_scene *sc, const ov_config *cfg, char *err, size_t cap)
{
    memset(sc, 0, sizeof *sc);
    if (cfg->model[0]) {
        sc->model = ov_scene_model_create(cfg, sc->start_w, &sc->slice, err, cap);
        if (!sc->model)
            return false;
        sc->slice_step = -1;
        snprintf(sc->data_path, sizeof sc->data_path, "%s", cfg->data_path);
    }
    ov_expr_error perr;
    if (!sc->model)
        sc->surface = ov_surface_create(cfg->surface, &perr);
    if (!sc->surface && !sc->model) {
        if (err && cap)
            snprintf(err, cap, "cannot use surface '%s': %s at column %d", cfg->surface,
                     perr.message, perr.column);
        return false;
    }
    /* A model has no kappa or theta (the command line and presets refuse
     * them beside one; a scene built otherwise ignores them). */
    if (cfg->has_kappa && !sc->model)
        ov_surface_set_param(sc->surface, "kappa", cfg->kappa);
    if (cfg->has_theta && !sc->model)
        ov_surface_set_param(sc->surface, "theta", cfg->theta);
    if (sc->surface) {
        sc->start = cfg->has_start ? cfg->start : sc->surface->start;
        sc->view = cfg->has_view ? cfg->view : sc->surface->view;
    }
    sc->steps = cfg->steps;
    sc->noise = cfg->noise;
    if (sc->steps < 1)
        sc->steps = OV_DEFAULT_STEPS;
    int max_steps = ov_run_max_steps(sc->model ? sc->model->n : 2);
    if (sc->steps > max_steps)
        sc->steps = max_steps;

    ov_scene_specs_from_config(sc, cfg);
    for (int i = 0; i < sc->nruns; i++) {
        ov_optim_params p;
        ov_scene_resolve_params(sc, &sc->specs[i], &p);
        ov_run_init(&sc->runs[i], &p);
    }
    if (!ov_scene_recompute(sc)) {
        if (err && cap)
            snprintf(err, cap, "out of memory computing %d steps", sc->steps);
        ov_scene_deinit(sc);
        return false;
    }
    if (sc->model) {
        /* The view frames the paths on the plane unless --view says. */
        ov_scene_set_slice(sc, &sc->slice);
        if (cfg->has_view) {
            sc->view = cfg->view;
            sc->surface->view = cfg->view;
        }
    }
    return true;
}

void ov_scene_deinit(ov_scene *sc)
{
    if (!sc)
        return;
    for (int i = 0; i < sc->nruns; i++)
        ov_run_deinit(&sc->runs[i]);
    ov_surface_destroy(sc->surface);
    ov_model_destroy(sc->model);
    memset(sc, 0, sizeof *sc);
}

bool ov_scene_set_surface(ov_scene *sc, const char *name_or_formula, ov_expr_error *err)
{
    ov_surface *s = ov_surface_create(name_or_formula, err);
    if (!s)
        return false;
    /* A surface in place of a model: the scene becomes a surface scene. */
    ov_model_destroy(sc->model);
    sc->model = NULL;
    /* Parameters the user set (kappa, theta) survive a change of surface
     * when the new one has a parameter of the same name. */
    if (sc->surface && sc->surface->def && s->def) {
        for (int i = 0; i < s->nparams; i++) {
            double v;
            if (ov_surface_get_param(sc->surface, s->def->param_names[i], &v))
                ov_surface_set_param(s, s->def->param_names[i], v);
        }
    }
    ov_surface_destroy(sc->surface);
    sc->surface = s;
    sc->view = s->view;
    sc->start = s->start;
    return ov_scene_recompute(sc);
}

bool ov_scene_set_runs(ov_scene *sc, const ov_run_spec *specs, int n)
{
    if (n < 1)
        n = 1;
    if (n > OV_MAX_RUNS)
        n = OV_MAX_RUNS;
    /* Copy first: specs may point into sc->specs. */
    ov_run_spec copy[OV_MAX_RUNS];
    memcpy(copy, specs, (size_t)n * sizeof copy[0]);
    for (int i = n; i < sc->nruns; i++)
        ov_run_deinit(&sc->runs[i]);
    for (int i = sc->nruns; i < n; i++)
        ov_run_init(&sc->runs[i], NULL);
    memcpy(sc->specs, copy, (size_t)n * sizeof copy[0]);
    sc->nruns = n;
    return ov_scene_recompute(sc);
}

bool ov_scene_start_at(ov_scene *sc, double x, double y)
{
    if (!sc->model)
        return false;
    ov_slice_point(&sc->slice, x, y, sc->start_w);
    return ov_scene_recompute(sc);
}
