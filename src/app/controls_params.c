/* Parameter changes from the keys and the mouse: α, β, κ, θ, the gradient
 * noise, the start point, the optimum snap and back to the defaults, on the
 * run(s) Tab targets (also here). Each recomputes the runs at once and, with
 * ghost trails on (toggled here too), first keeps the runs as they were.
 * See controls_params.h. */
#include "controls_params.h"

#include "controls_anim.h"
#include "controls_ui.h"
#include "core/theory.h"

#include <math.h>

static double clamp(double v, double lo, double hi)
{
    return v < lo ? lo : (v > hi ? hi : v);
}

static bool targeted(const ov_app_state *st, int i)
{
    return st->sc.target < 0 || st->sc.target == i;
}

static const char *target_name(const ov_app_state *st)
{
    if (st->sc.target < 0)
        return "all runs";
    return ov_optim_info_of(st->sc.scene.runs[st->sc.target].params.kind)->name;
}

/* Before a parameter change: with ghost trails on, keep the current runs. */
static void remember(ov_app_state *st)
{
    if (!st->sc.ghosts_on || st->sc.holding)
        return;
    st->sc.nghosts = 0;
    for (int i = 0; i < st->sc.scene.nruns; i++) {
        if (!ov_run_copy(&st->sc.ghosts[i], &st->sc.scene.runs[i]))
            return;
        st->sc.ghost_shade[i] = st->sc.shade[i];
        st->sc.nghosts = i + 1;
    }
}

/* Recomputes after a change; the animation keeps its step. */
static void recompute(ov_app_state *st)
{
    if (!ov_scene_recompute(&st->sc.scene))
        ov_controls_say(st, "out of memory while recomputing the runs");
}

void ov_controls_scale_alpha(ov_app_state *st, double factor)
{
    double shown = 0.0;
    remember(st);
    for (int i = 0; i < st->sc.scene.nruns; i++) {
        if (!targeted(st, i))
            continue;
        ov_run_spec *sp = &st->sc.scene.specs[i];
        sp->alpha = clamp(st->sc.scene.runs[i].params.alpha * factor, OV_ALPHA_MIN, OV_ALPHA_MAX);
        sp->has_alpha = true;
        shown = sp->alpha;
    }
    recompute(st);
    if (st->sc.target >= 0)
        ov_controls_say(st, "\xce\xb1 = %.4g (%s)", shown, target_name(st));
    else
        ov_controls_say(st, "\xce\xb1 \xc3\x97%.3g for all runs", factor);
}

void ov_controls_add_beta(ov_app_state *st, double delta)
{
    int changed = 0;
    double shown = 0.0;
    for (int i = 0; i < st->sc.scene.nruns; i++) {
        if (!targeted(st, i) || !ov_optim_info_of(st->sc.scene.runs[i].params.kind)->uses_beta)
            continue;
        ov_run_spec *sp = &st->sc.scene.specs[i];
        /* On the grid of the step: from the cap 0.999, -0.05 gives 0.95. */
        double step = fabs(delta) > 0 ? fabs(delta) : 0.01;
        double b = round((st->sc.scene.runs[i].params.beta + delta) / step) * step;
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
    if (!ov_surface_get_param(st->sc.scene.surface, "kappa", &k)) {
        ov_controls_say(st, "\xce\xba applies to the quadratic only");
        return;
    }
    remember(st);
    /* A run on its default α keeps that α: the default follows κ
     * (ov_surface_default_alpha), but K and J are there to show what a
     * larger κ does to the same α. Backspace brings back the default. */
    for (int i = 0; i < st->sc.scene.nruns; i++)
        if (!st->sc.scene.specs[i].has_alpha) {
            st->sc.scene.specs[i].has_alpha = true;
            st->sc.scene.specs[i].alpha = st->sc.scene.runs[i].params.alpha;
        }
    k = clamp(k * factor, 1.0, OV_KAPPA_MAX);
    /* Snap near powers of ten so the HUD shows 100, not 99.99999. */
    double p = round(log10(k));
    if (fabs(log10(k) - p) < 1e-9)
        k = pow(10.0, p);
    ov_surface_set_param(st->sc.scene.surface, "kappa", k);
    recompute(st);
    ov_controls_say(st, "\xce\xba = %.4g", k);
}

void ov_controls_add_theta(ov_app_state *st, double delta)
{
    double t;
    if (!ov_surface_get_param(st->sc.scene.surface, "theta", &t)) {
        ov_controls_say(st, "\xce\xb8 applies to the quadratic only");
        return;
    }
    remember(st);
    t = fmod(t + delta, 360.0);
    if (t < 0)
        t += 360.0;
    ov_surface_set_param(st->sc.scene.surface, "theta", t);
    recompute(st);
    ov_controls_say(st, "\xce\xb8 = %.0f\xc2\xb0", t);
}

void ov_controls_reset_params(ov_app_state *st)
{
    remember(st);
    for (int i = 0; i < st->sc.scene.nruns; i++) {
        if (!targeted(st, i))
            continue;
        ov_run_spec *sp = &st->sc.scene.specs[i];
        sp->has_alpha = sp->has_beta = false;
    }
    recompute(st);
    if (st->sc.target >= 0)
        ov_controls_say(st, "%s: \xce\xb1 = %.3g, default for %s", target_name(st),
                        st->sc.scene.runs[st->sc.target].params.alpha, st->sc.scene.surface->name);
    else
        ov_controls_say(st, "\xce\xb1 and \xce\xb2 back to the defaults for %s",
                        st->sc.scene.surface->name);
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
    double sigma = st->sc.scene.noise.sigma, next;
    if (dir > 0 && sigma == 0.0) {
        /* First noise: about a tenth of the gradient at the start point,
         * on the 1-2-5 ladder, so it shows without swamping the slope. */
        double f, g[2];
        ov_surface_grad(st->sc.scene.surface, st->sc.scene.start.x, st->sc.scene.start.y, &f, g);
        double gn = st->sc.scene.surface->one_d ? fabs(g[0]) : hypot(g[0], g[1]);
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
    st->sc.scene.noise.sigma = next;
    recompute(st);
    if (next > 0)
        ov_controls_say(st, "noise \xcf\x83 = %.3g on each gradient coordinate (seed %llu)",
                        next, (unsigned long long)st->sc.scene.noise.seed);
    else
        ov_controls_say(st, "noise off: exact gradients");
}

void ov_controls_set_start(ov_app_state *st, ov_vec2 start)
{
    if (!isfinite(start.x) || !isfinite(start.y))
        return;
    if (st->sc.scene.model) {
        /* A model: every run starts at the clicked point of the slice. */
        remember(st);
        if (!ov_scene_start_at(&st->sc.scene, start.x, start.y))
            ov_controls_say(st, "out of memory while recomputing the runs");
        ov_controls_rewind(st);
        ov_controls_say(st, "start = the slice's point (%.3g, %.3g)", start.x, start.y);
        return;
    }
    /* On a curve only x is chosen; y plays no part and stays. */
    bool curve = st->sc.scene.surface->one_d;
    if (curve)
        start.y = st->sc.scene.start.y;
    remember(st);
    st->sc.scene.start = start;
    recompute(st);
    ov_controls_rewind(st);
    if (curve)
        ov_controls_say(st, "start x = %.3g", start.x);
    else
        ov_controls_say(st, "start = (%.3g, %.3g)", start.x, start.y);
}

void ov_controls_set_alpha_beta(ov_app_state *st, ov_optim_kind kind, double alpha, double beta)
{
    int set = 0;
    alpha = fmin(fmax(alpha, OV_ALPHA_MIN), OV_ALPHA_MAX);
    beta = fmin(fmax(beta, 0.0), OV_BETA_MAX);
    const bool uses_beta = ov_optim_info_of(kind)->uses_beta;
    remember(st);
    for (int i = 0; i < st->sc.scene.nruns; i++) {
        if (!targeted(st, i) || st->sc.scene.runs[i].params.kind != kind)
            continue;
        ov_run_spec *sp = &st->sc.scene.specs[i];
        sp->alpha = alpha;
        sp->has_alpha = true;
        if (uses_beta) {
            sp->beta = beta;
            sp->has_beta = true;
        }
        set++;
    }
    if (!set) {
        ov_controls_say(st, "no %s run to set: add one or target it with Tab",
                        ov_optim_info_of(kind)->name);
        return;
    }
    recompute(st);
    if (uses_beta)
        ov_controls_say(st, "%s: \xce\xb1 = %.4g, \xce\xb2 = %.4g from the rate map",
                        ov_optim_info_of(kind)->name, alpha, beta);
    else
        ov_controls_say(st, "%s: \xce\xb1 = %.4g from the rate map", ov_optim_info_of(kind)->name,
                        alpha);
}

void ov_controls_snap_optimal(ov_app_state *st)
{
    double lmin, lmax;
    if (!ov_theory_surface_eigen(st->sc.scene.surface, &lmin, &lmax)) {
        ov_controls_say(st, "the optimal \xce\xb1 is known for the quadratic only");
        return;
    }
    int snapped = 0, last = -1;
    remember(st);
    for (int i = 0; i < st->sc.scene.nruns; i++) {
        if (!targeted(st, i))
            continue;
        ov_optim_params p = st->sc.scene.runs[i].params;
        if (!ov_theory_optimal(p.kind, lmin, lmax, &p))
            continue;
        ov_run_spec *sp = &st->sc.scene.specs[i];
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
    const ov_optim_params *p = &st->sc.scene.runs[last].params;
    if (snapped == 1 && ov_optim_info_of(p->kind)->uses_beta)
        ov_controls_say(st, "%s: optimal \xce\xb1 = %.4g, \xce\xb2 = %.4g",
                        ov_optim_info_of(p->kind)->name, p->alpha, p->beta);
    else if (snapped == 1)
        ov_controls_say(st, "%s: optimal \xce\xb1 = %.4g", ov_optim_info_of(p->kind)->name,
                        p->alpha);
    else
        ov_controls_say(st, "%d runs snapped to their optimal \xce\xb1 (and \xce\xb2)", snapped);
}

void ov_controls_cycle_target(ov_app_state *st, int dir)
{
    int n = st->sc.scene.nruns;
    /* Positions 0..n: 0 is "all", k is run k-1. */
    int pos = st->sc.target + 1;
    pos = ((pos + dir) % (n + 1) + (n + 1)) % (n + 1);
    st->sc.target = pos - 1;
    ov_controls_say(st, "keys now change %s", target_name(st));
}

void ov_controls_toggle_ghosts(ov_app_state *st)
{
    st->sc.ghosts_on = !st->sc.ghosts_on;
    st->sc.nghosts = 0;
    ov_controls_say(st, st->sc.ghosts_on ? "ghost trails on: the next change leaves its old path"
                                      : "ghost trails off");
}

void ov_controls_set_holding(ov_app_state *st, bool holding)
{
    st->sc.holding = holding;
}
