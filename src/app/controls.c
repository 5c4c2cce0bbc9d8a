/* Interactive state changes: what each key, click and wheel turn does to the
 * scene, the view and the animation clock. See controls.h. */
#include "controls.h"

#include "core/theory.h"

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

int ov_controls_last_step(const ov_app_state *st)
{
    int last = 0;
    for (int i = 0; i < st->scene.nruns; i++) {
        const ov_run *r = &st->scene.runs[i];
        int end = r->diverged ? r->diverged_step : r->n - 1;
        if (end > last)
            last = end;
    }
    return last;
}

void ov_controls_advance_clock(ov_app_state *st, double dt)
{
    if (dt > 0)
        st->clock += dt;
}

double ov_controls_steps_per_second(const ov_app_state *st)
{
    return ov_controls_last_step(st) / (st->pace > 0 ? st->pace : OV_DEFAULT_PACE);
}

void ov_controls_tick(ov_app_state *st, double dt)
{
    st->message_age += dt;
    ov_controls_tick_3d(st, dt);
    double last = ov_controls_last_step(st);
    if (st->anim_step > last)
        st->anim_step = last;   /* the runs got shorter (a divergence) */
    if (st->paused)
        return;
    if (st->anim_step >= last) {
        st->end_wait += dt;
        if (st->loop && st->end_wait >= OV_LOOP_PAUSE) {
            st->anim_step = 0.0;
            st->end_wait = 0.0;
        }
        return;
    }
    st->end_wait = 0.0;
    st->anim_step += ov_controls_steps_per_second(st) * dt;
    if (st->anim_step > last)
        st->anim_step = last;
}

bool ov_controls_moving(const ov_app_state *st)
{
    /* Looping, the end waits OV_LOOP_PAUSE s and the scene plays again. */
    return !st->paused && (st->anim_step < ov_controls_last_step(st) || st->loop);
}

static bool targeted(const ov_app_state *st, int i)
{
    return st->target < 0 || st->target == i;
}

static const char *target_name(const ov_app_state *st)
{
    if (st->target < 0)
        return "all runs";
    return ov_optim_info_of(st->scene.runs[st->target].params.kind)->name;
}

/* Before a parameter change: with ghost trails on, keep the current runs. */
static void remember(ov_app_state *st)
{
    if (!st->ghosts_on || st->holding)
        return;
    st->nghosts = 0;
    for (int i = 0; i < st->scene.nruns; i++) {
        if (!ov_run_copy(&st->ghosts[i], &st->scene.runs[i]))
            return;
        st->ghost_shade[i] = st->shade[i];
        st->nghosts = i + 1;
    }
}

/* Recomputes after a change; the animation keeps its step. */
static void recompute(ov_app_state *st)
{
    if (!ov_scene_recompute(&st->scene))
        ov_controls_say(st, "out of memory while recomputing the runs");
}

void ov_controls_scale_alpha(ov_app_state *st, double factor)
{
    double shown = 0.0;
    remember(st);
    for (int i = 0; i < st->scene.nruns; i++) {
        if (!targeted(st, i))
            continue;
        ov_run_spec *sp = &st->scene.specs[i];
        sp->alpha = clamp(st->scene.runs[i].params.alpha * factor, OV_ALPHA_MIN, OV_ALPHA_MAX);
        sp->has_alpha = true;
        shown = sp->alpha;
    }
    recompute(st);
    if (st->target >= 0)
        ov_controls_say(st, "\xce\xb1 = %.4g (%s)", shown, target_name(st));
    else
        ov_controls_say(st, "\xce\xb1 \xc3\x97%.3g for all runs", factor);
}

void ov_controls_add_beta(ov_app_state *st, double delta)
{
    int changed = 0;
    double shown = 0.0;
    for (int i = 0; i < st->scene.nruns; i++) {
        if (!targeted(st, i) || !ov_optim_info_of(st->scene.runs[i].params.kind)->uses_beta)
            continue;
        ov_run_spec *sp = &st->scene.specs[i];
        /* On the grid of the step: from the cap 0.999, -0.05 gives 0.95. */
        double step = fabs(delta) > 0 ? fabs(delta) : 0.01;
        double b = round((st->scene.runs[i].params.beta + delta) / step) * step;
        b = clamp(round(b * 1e6) / 1e6, 0.0, OV_BETA_MAX);
        sp->beta = b;
        sp->has_beta = true;
        shown = sp->beta;
        changed++;
    }
    if (!changed) {
        ov_controls_say(st, "\xce\xb2 does not apply to %s", target_name(st));
        return;
    }
    /* The ghosts are the runs before this change: keep a copy of them from
     * before the specs moved (the runs themselves have not been recomputed). */
    remember(st);
    recompute(st);
    ov_controls_say(st, "\xce\xb2 = %.3f (%s)", shown, target_name(st));
}

void ov_controls_scale_kappa(ov_app_state *st, double factor)
{
    double k;
    if (!ov_surface_get_param(st->scene.surface, "kappa", &k)) {
        ov_controls_say(st, "\xce\xba applies to the quadratic only");
        return;
    }
    remember(st);
    /* A run on its default α keeps that α: the default follows κ
     * (ov_surface_default_alpha), but K and J are there to show what a
     * larger κ does to the same α. Backspace brings back the default. */
    for (int i = 0; i < st->scene.nruns; i++)
        if (!st->scene.specs[i].has_alpha) {
            st->scene.specs[i].has_alpha = true;
            st->scene.specs[i].alpha = st->scene.runs[i].params.alpha;
        }
    k = clamp(k * factor, 1.0, OV_KAPPA_MAX);
    /* Snap near powers of ten so the HUD shows 100, not 99.99999. */
    double p = round(log10(k));
    if (fabs(log10(k) - p) < 1e-9)
        k = pow(10.0, p);
    ov_surface_set_param(st->scene.surface, "kappa", k);
    recompute(st);
    ov_controls_say(st, "\xce\xba = %.4g", k);
}

void ov_controls_add_theta(ov_app_state *st, double delta)
{
    double t;
    if (!ov_surface_get_param(st->scene.surface, "theta", &t)) {
        ov_controls_say(st, "\xce\xb8 applies to the quadratic only");
        return;
    }
    remember(st);
    t = fmod(t + delta, 360.0);
    if (t < 0)
        t += 360.0;
    ov_surface_set_param(st->scene.surface, "theta", t);
    recompute(st);
    ov_controls_say(st, "\xce\xb8 = %.0f\xc2\xb0", t);
}

void ov_controls_reset_params(ov_app_state *st)
{
    remember(st);
    for (int i = 0; i < st->scene.nruns; i++) {
        if (!targeted(st, i))
            continue;
        ov_run_spec *sp = &st->scene.specs[i];
        sp->has_alpha = sp->has_beta = false;
    }
    recompute(st);
    if (st->target >= 0)
        ov_controls_say(st, "%s: \xce\xb1 = %.3g, default for %s", target_name(st),
                        st->scene.runs[st->target].params.alpha, st->scene.surface->name);
    else
        ov_controls_say(st, "\xce\xb1 and \xce\xb2 back to the defaults for %s",
                        st->scene.surface->name);
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

/* The 1-2-5 value next above (dir > 0) or below (dir < 0) sigma; below
 * OV_NOISE_LADDER_MIN the answer is 0. */
static double noise_ladder(double sigma, int dir)
{
    static const double mant[3] = {1.0, 2.0, 5.0};
    double best = dir > 0 ? OV_NOISE_MAX : 0.0;
    for (int e = -3; e <= 6; e++) {
        for (int m = 0; m < 3; m++) {
            double v = mant[m] * pow(10.0, e);
            if (v > OV_NOISE_MAX)
                continue;
            if (dir > 0 && v > sigma * (1 + 1e-9) && v < best)
                best = v;
            if (dir < 0 && v < sigma * (1 - 1e-9) && v > best)
                best = v;
        }
    }
    return best;
}

void ov_controls_step_noise(ov_app_state *st, int dir)
{
    double sigma = st->scene.noise.sigma, next;
    if (dir > 0 && sigma == 0.0) {
        /* First noise: about a tenth of the gradient at the start point,
         * on the 1-2-5 ladder, so it shows without swamping the slope. */
        double f, g[2];
        ov_surface_grad(st->scene.surface, st->scene.start.x, st->scene.start.y, &f, g);
        double gn = st->scene.surface->one_d ? fabs(g[0]) : hypot(g[0], g[1]);
        double want = isfinite(gn) && gn > 0.0 ? 0.1 * gn : 0.01;
        next = noise_ladder(want * (1 + 1e-9), -1);
        if (next < OV_NOISE_LADDER_MIN)
            next = OV_NOISE_LADDER_MIN;
    } else if (dir > 0) {
        next = noise_ladder(sigma, 1);
    } else {
        next = noise_ladder(sigma, -1);
        if (next < OV_NOISE_LADDER_MIN)
            next = 0.0;
    }
    if (next == sigma) {
        if (sigma > 0)
            ov_controls_say(st, "noise \xcf\x83 = %.3g is the largest", sigma);
        else
            ov_controls_say(st, "no noise: gradients are exact");
        return;
    }
    remember(st);
    st->scene.noise.sigma = next;
    recompute(st);
    if (next > 0)
        ov_controls_say(st, "noise \xcf\x83 = %.3g on each gradient coordinate (seed %llu)",
                        next, (unsigned long long)st->scene.noise.seed);
    else
        ov_controls_say(st, "noise off: exact gradients");
}

void ov_controls_cycle_target(ov_app_state *st, int dir)
{
    int n = st->scene.nruns;
    /* Positions 0..n: 0 is "all", k is run k-1. */
    int pos = st->target + 1;
    pos = ((pos + dir) % (n + 1) + (n + 1)) % (n + 1);
    st->target = pos - 1;
    ov_controls_say(st, "keys now change %s", target_name(st));
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

void ov_controls_set_start(ov_app_state *st, ov_vec2 start)
{
    if (!isfinite(start.x) || !isfinite(start.y))
        return;
    /* On a curve only x is chosen; y plays no part and stays. */
    bool curve = st->scene.surface->one_d;
    if (curve)
        start.y = st->scene.start.y;
    remember(st);
    st->scene.start = start;
    recompute(st);
    st->anim_step = 0.0;
    if (curve)
        ov_controls_say(st, "start x = %.3g", start.x);
    else
        ov_controls_say(st, "start = (%.3g, %.3g)", start.x, start.y);
}

void ov_controls_toggle_pause(ov_app_state *st)
{
    st->paused = !st->paused;
    ov_controls_say(st, st->paused ? "paused" : "playing");
}

void ov_controls_step_once(ov_app_state *st)
{
    st->paused = true;
    double next = floor(st->anim_step) + 1.0;
    double last = ov_controls_last_step(st);
    st->anim_step = next > last ? last : next;
    ov_controls_say(st, "step %.0f", st->anim_step);
}

void ov_controls_restart(ov_app_state *st)
{
    st->anim_step = 0.0;
    ov_controls_say(st, "restarted");
}

void ov_controls_scale_speed(ov_app_state *st, double factor)
{
    st->pace = clamp(st->pace / factor, OV_PACE_MIN, OV_PACE_MAX);
    ov_controls_say(st, "one playing takes %.3g s (%.3g steps/s)", st->pace,
                    ov_controls_steps_per_second(st));
}

void ov_controls_toggle_loop(ov_app_state *st)
{
    st->loop = !st->loop;
    st->end_wait = 0.0;
    ov_controls_say(st, st->loop ? "loop on: the scene plays again and again" : "loop off");
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

void ov_controls_toggle_ghosts(ov_app_state *st)
{
    st->ghosts_on = !st->ghosts_on;
    st->nghosts = 0;
    ov_controls_say(st, st->ghosts_on ? "ghost trails on: the next change leaves its old path"
                                      : "ghost trails off");
}

void ov_controls_toggle_projector(ov_app_state *st)
{
    st->projector = !st->projector;
    ov_controls_say(st, st->projector ? "projector mode" : "normal mode");
}

void ov_controls_snap_optimal(ov_app_state *st)
{
    double lmin, lmax;
    if (!ov_theory_surface_eigen(st->scene.surface, &lmin, &lmax)) {
        ov_controls_say(st, "the optimal \xce\xb1 is known for the quadratic only");
        return;
    }
    int snapped = 0, last = -1;
    remember(st);
    for (int i = 0; i < st->scene.nruns; i++) {
        if (!targeted(st, i))
            continue;
        ov_optim_params p = st->scene.runs[i].params;
        if (!ov_theory_optimal(p.kind, lmin, lmax, &p))
            continue;
        ov_run_spec *sp = &st->scene.specs[i];
        sp->alpha = p.alpha;
        sp->has_alpha = true;
        if (ov_optim_info_of(p.kind)->uses_beta) {
            sp->beta = p.beta;
            sp->has_beta = true;
        }
        snapped++;
        last = i;
    }
    if (!snapped) {
        ov_controls_say(st, "no optimum known for %s", target_name(st));
        return;
    }
    recompute(st);
    const ov_optim_params *p = &st->scene.runs[last].params;
    if (snapped == 1 && ov_optim_info_of(p->kind)->uses_beta)
        ov_controls_say(st, "%s: optimal \xce\xb1 = %.4g, \xce\xb2 = %.4g",
                        ov_optim_info_of(p->kind)->name, p->alpha, p->beta);
    else if (snapped == 1)
        ov_controls_say(st, "%s: optimal \xce\xb1 = %.4g", ov_optim_info_of(p->kind)->name,
                        p->alpha);
    else
        ov_controls_say(st, "%d runs snapped to their optimal \xce\xb1 (and \xce\xb2)", snapped);
}
