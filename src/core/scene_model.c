/* Model scenes (DESIGN.md "Models"): the runs minimise a model's loss over
 * its n parameters, and the window shows that loss on a plane of parameter
 * space, the slice. This file builds the model a configuration asks for,
 * keeps the plane where the slice kind says it is (following the targeted
 * run), rebuilds the slice surface when the plane's baked part changes and
 * projects every run onto the plane, with each iterate's distance from it. */
#include "scene.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "slice_surface.h"

/* Learning rates that show each model's lesson in a few hundred steps
 * (measured: see the presets' comments); a method left out (0) gets the
 * optimiser's own default. line's Hessian is [10 6; 6 6], λmax 14.3:
 * gd is stable below 2/14.3 = 0.14. */
typedef struct model_alpha {
    const char *name;
    double alpha[OV_OPTIM_COUNT];
} model_alpha;

static const model_alpha model_alphas[] = {
    {"line", {[OV_OPT_GD] = 0.05, [OV_OPT_MOMENTUM] = 0.01, [OV_OPT_NESTEROV] = 0.01,
              [OV_OPT_ADAM] = 0.1, [OV_OPT_RMSPROP] = 0.01}},
    {"gauss4", {[OV_OPT_GD] = 0.01, [OV_OPT_MOMENTUM] = 0.01, [OV_OPT_NESTEROV] = 0.01,
                [OV_OPT_ADAM] = 0.05, [OV_OPT_RMSPROP] = 0.01}},
    {"xor", {[OV_OPT_GD] = 0.1, [OV_OPT_MOMENTUM] = 0.05, [OV_OPT_NESTEROV] = 0.05,
             [OV_OPT_ADAM] = 0.01, [OV_OPT_RMSPROP] = 0.01}},
};

double ov_scene_model_alpha(const ov_model *m, ov_optim_kind kind)
{
    for (size_t i = 0; i < sizeof model_alphas / sizeof model_alphas[0]; i++)
        if (strcmp(model_alphas[i].name, m->name) == 0 && kind >= 0 &&
            kind < OV_OPTIM_COUNT && model_alphas[i].alpha[kind] > 0.0)
            return model_alphas[i].alpha[kind];
    return ov_optim_info_of(kind)->alpha;
}

static ov_model_loss model_loss(ov_config_loss loss, ov_model_loss fallback)
{
    return loss == OV_CONFIG_LOSS_SQUARED    ? OV_MODEL_LOSS_SQUARED
           : loss == OV_CONFIG_LOSS_LOGISTIC ? OV_MODEL_LOSS_LOGISTIC
                                             : fallback;
}

/* The model itself: a built-in (on its own data, or on --data's rows with
 * its formula and parameters) or a typed formula. */
static ov_model *create_model(const ov_config *cfg, char *err, size_t cap)
{
    const ov_model_def *def = ov_model_builtin_find(cfg->model);
    if (def && cfg->model_params[0]) {
        snprintf(err, cap, "--params: the model %s has its own parameters (%s); expected "
                 "--params only with a formula", def->name, def->params);
        return NULL;
    }
    if (def && !cfg->data.nrows && cfg->loss == OV_CONFIG_LOSS_DEFAULT) {
        ov_model *m = ov_model_create_builtin(def->name);
        if (!m)
            snprintf(err, cap, "out of memory building the model %s", def->name);
        return m;
    }
    if (!def && !cfg->model_params[0]) {
        char names[256];
        size_t o = 0;
        names[0] = 0;
        for (int i = 0; i < ov_model_builtin_count() && o < sizeof names; i++)
            o += (size_t)snprintf(names + o, sizeof names - o, "%s%s", i ? ", " : "",
                                  ov_model_builtin(i)->name);
        snprintf(err, cap, "--model: '%.64s' is not a model name (%s) and no --params "
                 "names its parameters; expected a name, or a formula with --params and "
                 "--data", cfg->model, names);
        return NULL;
    }
    if (!def && !cfg->data.nrows) {
        snprintf(err, cap, "--model: a formula needs --data FILE.csv (header t,y or "
                 "x1,x2,y) to fit");
        return NULL;
    }
    ov_model_data data;
    if (def && !cfg->data.nrows) {
        /* A built-in with another loss: its own points. */
        ov_model *own = ov_model_create_builtin(def->name);
        if (!own) {
            snprintf(err, cap, "out of memory building the model %s", def->name);
            return NULL;
        }
        data = own->data;
        ov_model_destroy(own);
    } else {
        data = cfg->data;
    }
    ov_model *m = ov_model_create_typed(def ? def->formula : cfg->model,
                                        def ? def->params : cfg->model_params, &data,
                                        model_loss(cfg->loss, def ? def->loss
                                                                  : OV_MODEL_LOSS_SQUARED),
                                        err, cap);
    if (m && def) {
        /* The built-in on other data keeps its name and start. */
        snprintf(m->name, sizeof m->name, "%s", def->name);
        memcpy(m->start, def->start, (size_t)def->n * sizeof m->start[0]);
    }
    return m;
}

ov_model *ov_scene_model_create(const ov_config *cfg, double *start, ov_slice *slice,
                                char *err, size_t cap)
{
    ov_model *m = create_model(cfg, err, cap);
    if (!m)
        return NULL;
    if (cfg->ninit && cfg->ninit != m->n) {
        char names[256];
        size_t o = 0;
        names[0] = 0;
        for (int k = 0; k < m->n && o < sizeof names - 8; k++)
            o += (size_t)snprintf(names + o, sizeof names - o, "%s%s", k ? ", " : "",
                                  m->param_names[k]);
        if (o >= sizeof names - 8)
            snprintf(names + sizeof names - 8, 8, ", ...");
        snprintf(err, cap, "--init: %d number%s given; expected %d, one per parameter of "
                 "the model %s (%s)", cfg->ninit, cfg->ninit == 1 ? "" : "s", m->n, m->name,
                 names);
        ov_model_destroy(m);
        return NULL;
    }
    memcpy(start, cfg->ninit ? cfg->init : m->start, (size_t)m->n * sizeof start[0]);
    char text[OV_CONFIG_MODEL_TEXT + 8];
    if (cfg->slice[0])
        snprintf(text, sizeof text, "%s", cfg->slice);
    else
        snprintf(text, sizeof text, "%s,%s", m->param_names[0], m->param_names[1]);
    char why[512];
    if (!ov_slice_parse(text, m->param_name_list, m->n, slice, why, sizeof why)) {
        snprintf(err, cap, "--slice: %s", why);
        ov_model_destroy(m);
        return NULL;
    }
    /* Following more coordinates than the shaders take as uniforms builds
     * a shader at each shown step: such a slice starts fixed (Shift+.
     * turns following on). */
    if (ov_slice_follow_baked(slice))
        slice->follow = false;
    return m;
}

/* The run the plane follows and that run's iterate k (k < 0: its last),
 * or NULL when it has none. */
static const double *run_point(const ov_scene *sc, int run, int k)
{
    if (run < 0 || run >= sc->nruns)
        run = 0;
    const ov_run *r = &sc->runs[run];
    if (sc->nruns == 0 || r->n < 1 || !r->w)
        return NULL;
    if (k < 0 || k >= r->n)
        k = r->n - 1;
    return r->w + (size_t)k * (size_t)r->dim;
}

/* Projects every run's iterates onto the plane: their distance from it,
 * and with xy their (x, y) on it and the start's (an axes slice that
 * follows the head moves only the distances: x, y are the iterates' own
 * coordinates a and b). */
static void project_runs(ov_scene *sc, bool xy)
{
    for (int i = 0; i < sc->nruns; i++) {
        ov_run *r = &sc->runs[i];
        for (int k = 0; r->w && k < r->n; k++)
            ov_slice_project(&sc->slice, r->w + (size_t)k * (size_t)r->dim, xy ? &r->x[k] : NULL,
                             xy ? &r->y[k] : NULL, &r->off[k]);
    }
    if (xy)
        ov_slice_project(&sc->slice, sc->start_w, &sc->start.x, &sc->start.y, NULL);
}

/* The runs' iterates as the slice reads them (runs with none left out);
 * returns how many. */
static int run_paths(const ov_scene *sc, ov_slice_path *paths)
{
    int np = 0;
    for (int i = 0; i < sc->nruns; i++)
        if (sc->runs[i].w && sc->runs[i].n > 0)
            paths[np++] = (ov_slice_path){sc->runs[i].w, sc->runs[i].n};
    return np;
}

/* Places the plane for the current runs: o (and for pca and random the
 * directions) from the followed run. */
static bool place_plane(ov_scene *sc)
{
    const double *head = run_point(sc, sc->slice_run, sc->slice.kind == OV_SLICE_AXES
                                                          ? sc->slice_step : -1);
    if (!head)
        head = sc->start_w;
    if (sc->slice.kind == OV_SLICE_AXES) {
        ov_slice_axes(&sc->slice, head);
        return true;
    }
    if (sc->slice.kind == OV_SLICE_RANDOM) {
        ov_slice_random(&sc->slice, head, ov_slice_model_groups(sc->model));
        return true;
    }
    ov_slice_path paths[OV_MAX_RUNS];
    int np = run_paths(sc, paths);
    return ov_slice_pca(&sc->slice, head, paths, np);
}

/* The line's minimum has a closed form (the normal equations:
 * a = cov(t, y) / var(t), b = mean(y) - a mean(t)): marked on its slice
 * where the plane holds it, and the panels measure errors from it. */
static void mark_line_minimum(const ov_scene *sc, ov_surface *s)
{
    const ov_model *m = sc->model;
    if (strcmp(m->name, "line") != 0 || m->n != 2 || m->data.nrows < 2)
        return;
    double st = 0, sy = 0, stt = 0, sty = 0, n = m->data.nrows;
    for (int i = 0; i < m->data.nrows; i++) {
        double t = m->data.in[i][0], y = m->data.y[i];
        st += t;
        sy += y;
        stt += t * t;
        sty += t * y;
    }
    double var = stt - st * st / n;
    if (!(var > 0.0))
        return;
    double w[2];
    w[0] = (sty - st * sy / n) / var;
    w[1] = (sy - w[0] * st) / n;
    double x, y, dist;
    ov_slice_project(&sc->slice, w, &x, &y, &dist);
    if (!(dist <= 1e-9 * (1.0 + fabs(w[0]) + fabs(w[1]))))
        return;
    s->nminima = 1;
    s->minima[0] = (ov_vec2){x, y};
}

/* A new slice surface for the placed plane, keeping the view. */
static bool rebuild_surface(ov_scene *sc, char *err, size_t cap)
{
    ov_surface *s = ov_slice_surface_create(sc->model, &sc->slice, sc->view, err, cap);
    if (!s)
        return false;
    mark_line_minimum(sc, s);
    ov_surface_destroy(sc->surface);
    sc->surface = s;
    return true;
}

/* The view that frames every path on the current plane. */
static ov_rect framing_view(const ov_scene *sc)
{
    ov_slice_path paths[OV_MAX_RUNS];
    int np = run_paths(sc, paths);
    return ov_slice_view(&sc->slice, paths, np);
}

bool ov_scene_slice_refresh(ov_scene *sc, char *err, size_t cap)
{
    char scratch[256];
    if (!err) {
        err = scratch;
        cap = sizeof scratch;
    }
    if (!sc->model)
        return true;
    if (!place_plane(sc)) {
        snprintf(err, cap, "out of memory placing the slice");
        return false;
    }
    /* A new surface each time: the renderer knows a plane by its key, so
     * one whose baked part did not move builds no new shaders. */
    if (!rebuild_surface(sc, err, cap))
        return false;
    project_runs(sc, true);
    return true;
}

bool ov_scene_follow(ov_scene *sc, int run, int step)
{
    if (!sc->model)
        return false;
    if (run < 0)
        run = 0;
    bool run_changed = run != sc->slice_run;
    bool step_changed = step != sc->slice_step;
    sc->slice_run = run;
    sc->slice_step = step;
    if (sc->slice.kind == OV_SLICE_AXES) {
        if (!sc->slice.follow || (!run_changed && !step_changed))
            return false;
        const double *head = run_point(sc, run, step);
        if (!head)
            return false;
        ov_slice_axes(&sc->slice, head);
        if (ov_slice_follow_baked(&sc->slice)) {
            char err[256];
            if (!rebuild_surface(sc, err, sizeof err))
                return false;
        } else {
            ov_surface_plane_follow(sc->surface, sc->slice.o);
        }
        project_runs(sc, false);
        return true;
    }
    if (!run_changed)
        return false;
    return ov_scene_slice_refresh(sc, NULL, 0);
}

bool ov_scene_set_slice(ov_scene *sc, const ov_slice *next)
{
    if (!sc->model)
        return false;
    sc->slice = *next;
    sc->slice.n = sc->model->n;
    if (ov_slice_follow_baked(&sc->slice))
        sc->slice.follow = false;   /* as ov_scene_model_create */
    if (!ov_scene_slice_refresh(sc, NULL, 0))
        return false;
    sc->view = framing_view(sc);
    sc->surface->view = sc->view;
    return true;
}

bool ov_scene_copy_model(ov_scene *dst, const ov_scene *src)
{
    memset(dst, 0, sizeof *dst);
    if (!src->model)
        return false;
    dst->model = ov_model_clone(src->model);
    if (!dst->model)
        return false;
    dst->slice = src->slice;
    memcpy(dst->start_w, src->start_w, sizeof dst->start_w);
    dst->slice_run = src->slice_run;
    dst->slice_step = src->slice_step;
    snprintf(dst->data_path, sizeof dst->data_path, "%s", src->data_path);
    memcpy(dst->specs, src->specs, sizeof dst->specs);
    dst->start = src->start;
    dst->steps = src->steps;
    dst->view = src->view;
    dst->noise = src->noise;
    bool ok = true;
    for (int i = 0; i < src->nruns; i++) {
        ov_run_init(&dst->runs[i], &src->runs[i].params);
        dst->nruns = i + 1;
        ok = ok && ov_run_copy(&dst->runs[i], &src->runs[i]);
    }
    /* The followed coordinates start at slice.o's, where the last follow
     * put them: the same surface as src's. */
    char err[256];
    dst->surface = ok ? ov_slice_surface_create(dst->model, &dst->slice, src->view, err,
                                                sizeof err)
                      : NULL;
    if (!dst->surface) {
        for (int i = 0; i < dst->nruns; i++)
            ov_run_deinit(&dst->runs[i]);
        ov_model_destroy(dst->model);
        memset(dst, 0, sizeof *dst);
        return false;
    }
    return true;
}
