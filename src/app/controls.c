/* The interactive state of a session as a whole: building it from the
 * configuration and tearing it down, replacing the scene (a preset on keys
 * 1-9, another surface or a typed formula), the home view, the preset's
 * caption, HUD messages, Esc, and moving the 2-D view (zoom, pan, Home).
 * Parameter changes are in controls_params.c, the animation clock in
 * controls_anim.c. See controls.h. */
#include "controls.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double clamp(double v, double lo, double hi)
{
    return v < lo ? lo : (v > hi ? hi : v);
}

/* Keeps the parameters the caption describes (see ov_controls_caption_text). */
static void caption_snapshot(ov_app_state *st, const ov_config *cfg)
{
    snprintf(st->caption, sizeof st->caption, "%s", cfg->caption);
    snprintf(st->preset_name, sizeof st->preset_name, "%s", cfg->preset);
    st->preset_number = cfg->preset_number;
    st->caption_nruns = st->scene.nruns;
    for (int i = 0; i < st->scene.nruns; i++)
        st->caption_params[i] = st->scene.runs[i].params;
    st->caption_kappa = st->caption_theta = 0;
    ov_surface_get_param(st->scene.surface, "kappa", &st->caption_kappa);
    ov_surface_get_param(st->scene.surface, "theta", &st->caption_theta);
    st->caption_sigma = st->scene.noise.sigma;
    st->caption_start = st->scene.start;
}

void ov_controls_caption_text(const ov_app_state *st, char *buf, size_t cap)
{
    buf[0] = '\0';
    if (!st->caption[0])
        return;
    bool same = st->scene.nruns == st->caption_nruns &&
                st->scene.start.x == st->caption_start.x &&
                st->scene.start.y == st->caption_start.y &&
                st->scene.noise.sigma == st->caption_sigma;
    double v;
    if (ov_surface_get_param(st->scene.surface, "kappa", &v))
        same = same && v == st->caption_kappa;
    if (ov_surface_get_param(st->scene.surface, "theta", &v))
        same = same && v == st->caption_theta;
    for (int i = 0; same && i < st->scene.nruns; i++) {
        const ov_optim_params *a = &st->scene.runs[i].params, *b = &st->caption_params[i];
        /* Up then Down comes back to the same α, give or take rounding. */
        same = a->kind == b->kind && fabs(a->alpha - b->alpha) <= 1e-9 * fabs(b->alpha) &&
               fabs(a->beta - b->beta) <= 1e-9;
    }
    if (same)
        snprintf(buf, cap, "%s", st->caption);
    else if (st->preset_number > 0)
        snprintf(buf, cap, "Changed since preset %d (%s): its caption no longer applies; "
                 "press %d to see it again.", st->preset_number, st->preset_name,
                 st->preset_number);
    else
        snprintf(buf, cap, "Changed since the preset: its caption no longer applies.");
}

static void grow_to(ov_rect *r, double x, double y)
{
    if (!isfinite(x) || !isfinite(y))
        return;
    r->x0 = fmin(r->x0, x);
    r->x1 = fmax(r->x1, x);
    r->y0 = fmin(r->y0, y);
    r->y1 = fmax(r->y1, y);
}

/* The home view: the scene's view, and unless it was given explicitly, also
 * the start, the minima and every run that does not diverge (at most four
 * times the view's size, so one wild excursion does not shrink the rest),
 * with a margin. */
static void set_home_view(ov_app_state *st)
{
    ov_rect v = st->scene.view;
    if (!st->view_given) {
        ov_rect u = v;
        double w = v.x1 - v.x0, h = v.y1 - v.y0;
        grow_to(&u, st->scene.start.x, st->scene.start.y);
        for (int i = 0; i < st->scene.surface->nminima; i++)
            grow_to(&u, st->scene.surface->minima[i].x, st->scene.surface->minima[i].y);
        for (int i = 0; i < st->scene.nruns; i++) {
            const ov_run *r = &st->scene.runs[i];
            if (r->diverged)
                continue;
            for (int k = 0; k < r->n; k++)
                grow_to(&u, r->x[k], r->y[k]);
        }
        if (u.x0 != v.x0 || u.x1 != v.x1 || u.y0 != v.y0 || u.y1 != v.y1) {
            u.x0 = fmax(u.x0, v.x0 - 1.5 * w) - 0.04 * (u.x1 - u.x0);
            u.x1 = fmin(u.x1, v.x1 + 1.5 * w) + 0.04 * (u.x1 - u.x0);
            u.y0 = fmax(u.y0, v.y0 - 1.5 * h) - 0.04 * (u.y1 - u.y0);
            u.y1 = fmin(u.y1, v.y1 + 1.5 * h) + 0.04 * (u.y1 - u.y0);
            v = u;
        }
    }
    st->view = st->home_view = v;
}

bool ov_controls_init(ov_app_state *st, const ov_config *cfg, char *err, size_t cap)
{
    memset(st, 0, sizeof(*st));
    st->explain = calloc(1, sizeof *st->explain);
    if (!st->explain) {
        snprintf(err, cap, "out of memory");
        return false;
    }
    ov_explainer_init(&st->explain->replay);
    if (!ov_scene_init(&st->scene, cfg, err, cap)) {
        free(st->explain);
        st->explain = NULL;
        return false;
    }
    st->explain_on = cfg->explain;
    st->view_given = cfg->has_view;
    set_home_view(st);
    st->pace = cfg->pace > 0 ? clamp(cfg->pace, OV_PACE_MIN, OV_PACE_MAX) : OV_DEFAULT_PACE;
    st->loop = cfg->loop;
    st->target = -1;
    st->message_age = 1e9;
    st->esc_at = -1e9;
    caption_snapshot(st, cfg);
    st->projector = cfg->projector;
    st->ui_scale = cfg->ui_scale > 0 ? cfg->ui_scale : 1.0f;
    st->output_dir = cfg->output_dir;
    st->show_loss = cfg->show_loss;
    st->show_theory = cfg->show_theory;
    st->show_curvature = cfg->show_curvature;
    st->show_steps = cfg->show_steps;
    ov_controls_init_3d(st, cfg);
    for (int i = 0; i < OV_MAX_RUNS; i++)
        ov_run_init(&st->ghosts[i], NULL);
    ov_controls_number_shades(st);
    return true;
}

void ov_controls_deinit(ov_app_state *st)
{
    free(st->explain);
    st->explain = NULL;
    ov_scene_deinit(&st->scene);
    for (int i = 0; i < OV_MAX_RUNS; i++)
        ov_run_deinit(&st->ghosts[i]);
}

bool ov_controls_apply_config(ov_app_state *st, const ov_config *cfg)
{
    ov_scene next;
    char err[256];
    if (!ov_scene_init(&next, cfg, err, sizeof err)) {
        ov_controls_say(st, "%s", err);
        return false;
    }
    ov_scene_deinit(&st->scene);
    st->scene = next;
    st->view_given = cfg->has_view;
    set_home_view(st);
    st->anim_step = 0.0;
    st->target = -1;
    st->nghosts = 0;
    st->sweep_on = false;
    st->end_wait = 0.0;
    ov_controls_number_shades(st);
    if (cfg->has_panels) {
        st->show_loss = cfg->show_loss;
        st->show_theory = cfg->show_theory;
        st->show_curvature = cfg->show_curvature;
        st->show_steps = cfg->show_steps;
    }
    caption_snapshot(st, cfg);
    return true;
}

float ov_controls_ui_scale(const ov_app_state *st)
{
    float s = st->ui_scale > 0 ? st->ui_scale : 1.0f;
    return st->projector ? s * OV_PROJECTOR_SCALE : s;
}

void ov_controls_say(ov_app_state *st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(st->message, sizeof(st->message), fmt, ap);
    va_end(ap);
    st->message_age = 0.0;
    st->message_serial++;
}

void ov_controls_escape(ov_app_state *st)
{
    if (st->show_help) {
        st->show_help = false;
        return;
    }
    if (st->clock - st->esc_at <= OV_ESC_QUIT_SECONDS) {
        st->quit = true;
        return;
    }
    st->esc_at = st->clock;
    ov_controls_say(st, "Esc again to quit (or Q)");
}

void ov_controls_cycle_surface(ov_app_state *st, int dir)
{
    int count = ov_surface_builtin_count();
    int cur = -1;
    for (int i = 0; i < count; i++)
        if (st->scene.surface->def == ov_surface_builtin(i))
            cur = i;
    int next = cur < 0 ? 0 : ((cur + dir) % count + count) % count;
    ov_expr_error err;
    if (!ov_controls_replace_surface(st, ov_surface_builtin(next)->name, &err)) {
        ov_controls_say(st, "cannot switch surface: %s", err.message);
        return;
    }
    ov_controls_say(st, "surface: %s", st->scene.surface->name);
}

bool ov_controls_replace_surface(ov_app_state *st, const char *name_or_formula,
                                 ov_expr_error *err)
{
    /* α and β the user set belong to the old surface's scale: every run
     * starts over from the new surface's defaults. Restored if the new
     * surface does not parse. */
    ov_run_spec saved[OV_MAX_RUNS];
    memcpy(saved, st->scene.specs, sizeof saved);
    for (int i = 0; i < st->scene.nruns; i++)
        st->scene.specs[i].has_alpha = st->scene.specs[i].has_beta = false;
    if (!ov_scene_set_surface(&st->scene, name_or_formula, err)) {
        memcpy(st->scene.specs, saved, sizeof saved);
        return false;
    }
    st->view_given = false;
    set_home_view(st);
    st->nghosts = 0;
    st->caption[0] = '\0';
    st->anim_step = 0.0;
    return true;
}

ov_rect ov_controls_fit_rect(ov_rect c, double bx, double by, double bw, double bh, int width,
                             int height)
{
    double cw = c.x1 - c.x0, ch = c.y1 - c.y0;
    if (!(cw > 0) || !(ch > 0) || !(bw > 1) || !(bh > 1) || width < 1 || height < 1)
        return ov_rect_fit(c, width, height);
    double s = fmin(bw / cw, bh / ch);   /* pixels per world unit */
    double cx = 0.5 * (c.x0 + c.x1), cy = 0.5 * (c.y0 + c.y1);
    double fx = bx + 0.5 * bw, fy = by + 0.5 * bh;
    ov_rect v;
    v.x0 = cx - fx / s;
    v.x1 = v.x0 + width / s;
    v.y1 = cy + fy / s;
    v.y0 = v.y1 - height / s;
    return v;
}

void ov_controls_zoom(ov_app_state *st, ov_vec2 about, double factor)
{
    ov_rect v = st->view;
    double w = (v.x1 - v.x0) * factor, h = (v.y1 - v.y0) * factor;
    /* Keep the view within sane magnitudes so float shaders stay precise. */
    if (w < 1e-6 || h < 1e-6 || w > 1e7 || h > 1e7)
        return;
    v.x0 = about.x - (about.x - v.x0) * factor;
    v.x1 = v.x0 + w;
    v.y0 = about.y - (about.y - v.y0) * factor;
    v.y1 = v.y0 + h;
    st->view = v;
}

void ov_controls_pan(ov_app_state *st, double dx, double dy)
{
    if (!isfinite(dx) || !isfinite(dy))
        return;
    st->view.x0 += dx;
    st->view.x1 += dx;
    st->view.y0 += dy;
    st->view.y1 += dy;
}

void ov_controls_home(ov_app_state *st)
{
    st->view = st->home_view;
    if (st->view3d) {
        ov_controls_home_camera(st);
        ov_controls_say(st, "view and camera reset");
    } else {
        ov_controls_say(st, "view reset");
    }
}

void ov_controls_toggle_projector(ov_app_state *st)
{
    st->projector = !st->projector;
    ov_controls_say(st, st->projector ? "projector mode" : "normal mode");
}
