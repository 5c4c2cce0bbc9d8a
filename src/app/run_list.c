/* The run list in the window: adding, removing, hiding a run, changing its
 * method, the learning-rate sweep, and the shade each run keeps while the
 * others come and go (so a run's colour never changes under it). See
 * run_list.h. */
#include "run_list.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "controls_anim.h"
#include "controls_params.h"
#include "controls_ui.h"

void ov_controls_number_shades(ov_app_state *st)
{
    for (int i = 0; i < st->sc.scene.nruns; i++) {
        int k = 0;
        for (int j = 0; j < i; j++)
            k += st->sc.scene.specs[j].kind == st->sc.scene.specs[i].kind;
        st->sc.shade[i] = k;
        st->sc.hidden[i] = false;
    }
}

/* The lowest shade no run but `except` of that method uses. */
static int free_shade(const ov_app_state *st, ov_optim_kind kind, int except)
{
    for (int k = 0;; k++) {
        bool used = false;
        for (int i = 0; i < st->sc.scene.nruns && !used; i++)
            used = i != except && st->sc.scene.specs[i].kind == kind && st->sc.shade[i] == k;
        if (!used)
            return k;
    }
}

static const char *kind_name(ov_optim_kind k)
{
    return ov_optim_info_of(k)->name;
}

/* Newton steps in all over the runs specs[0..n) (the n x n Hessian every
 * step). */
static double newton_steps(const ov_app_state *st, const ov_run_spec *specs, int n)
{
    double steps = 0.0;
    for (int i = 0; i < n; i++)
        if (ov_model_hessian_method(specs[i].kind))
            steps += st->sc.scene.steps;
    return steps;
}

/* Whether the runs specs[0..n) may replace the scene's in the window: on a
 * model, their Newton runs together within the command line's cap on one
 * (core/model.h), or at least no more of them than now (a scene given
 * more on the command line keeps its runs). The window recomputes every
 * run at each change and must never compute for minutes inside a frame. */
static bool fits_all(const ov_app_state *st, const ov_run_spec *specs, int n)
{
    const ov_model *m = st->sc.scene.model;
    if (!m)
        return true;
    double after = newton_steps(st, specs, n);
    return after <= ov_model_hessian_max_steps(m->n, m->data.nrows) ||
           after <= newton_steps(st, st->sc.scene.specs, st->sc.scene.nruns);
}

/* The scene's runs with run i's method kind (i == nruns: kind added). */
static bool fits_with(const ov_app_state *st, int i, ov_optim_kind kind)
{
    ov_run_spec specs[OV_MAX_RUNS];
    int n = st->sc.scene.nruns;
    if (i >= OV_MAX_RUNS)
        return false;
    memcpy(specs, st->sc.scene.specs, sizeof specs);
    specs[i].kind = kind;
    return fits_all(st, specs, i == n ? n + 1 : n);
}

/* "; newton skipped: at most 56 newton steps in all here" for a method A
 * or Y passed over (skipped < 0: none), else "". */
static void skipped_note(const ov_app_state *st, int skipped, char *buf, size_t cap)
{
    buf[0] = '\0';
    const ov_model *m = st->sc.scene.model;
    if (skipped >= 0 && m)
        snprintf(buf, cap, "; %s skipped: at most %d %s steps in all here",
                 kind_name((ov_optim_kind)skipped),
                 ov_model_hessian_max_steps(m->n, m->data.nrows), kind_name((ov_optim_kind)skipped));
}

/* After the runs were replaced: replay, drop the ghosts of the old list. */
static void replaced(ov_app_state *st, bool ok)
{
    st->sc.nghosts = 0;
    ov_controls_rewind(st);
    if (!ok)
        ov_controls_say(st, "out of memory while recomputing the runs");
}

static double clamp(double v, double lo, double hi)
{
    return v < lo ? lo : (v > hi ? hi : v);
}

void ov_controls_toggle_sweep(ov_app_state *st)
{
    if (st->sc.sweep_on) {
        st->sc.sweep_on = false;
        bool ok = ov_scene_set_runs(&st->sc.scene, st->sc.sweep_saved, st->sc.sweep_saved_n);
        memcpy(st->sc.shade, st->sc.sweep_saved_shade, sizeof st->sc.shade);
        memcpy(st->sc.hidden, st->sc.sweep_saved_hidden, sizeof st->sc.hidden);
        st->sc.target = st->sc.sweep_saved_target;
        replaced(st, ok);
        ov_controls_say(st, "sweep folded back");
        return;
    }
    int n = st->sc.scene.nruns;
    if (n - 1 + OV_SWEEP_RUNS > OV_MAX_RUNS) {
        ov_controls_say(st, "a sweep needs %d more runs; at most %d fit (Shift+A removes one)",
                        OV_SWEEP_RUNS - 1, OV_MAX_RUNS);
        return;
    }
    int src = st->sc.target >= 0 ? st->sc.target : 0;
    ov_run_spec specs[OV_MAX_RUNS];
    int shades[OV_MAX_RUNS] = {0};
    bool hidden[OV_MAX_RUNS] = {false};
    memset(specs, 0, sizeof specs);
    double alpha = st->sc.scene.runs[src].params.alpha;
    int m = 0;
    for (int i = 0; i < n; i++) {
        if (i != src) {
            specs[m] = st->sc.scene.specs[i];
            shades[m] = st->sc.shade[i];
            hidden[m++] = st->sc.hidden[i];
            continue;
        }
        for (int k = 0; k < OV_SWEEP_RUNS; k++) {
            specs[m] = st->sc.scene.specs[src];
            specs[m].has_alpha = true;
            specs[m].alpha = clamp(alpha * pow(OV_SWEEP_RATIO, k - OV_SWEEP_RUNS / 2),
                                   OV_ALPHA_MIN, OV_ALPHA_MAX);
            shades[m] = k == OV_SWEEP_RUNS / 2 ? st->sc.shade[src] : -1;
            hidden[m++] = false;
        }
    }
    if (!fits_all(st, specs, m)) {
        const ov_model *md = st->sc.scene.model;
        ov_controls_say(st, "no sweep: its %s runs would take more than %d %s steps in all here",
                        kind_name(specs[src].kind), ov_model_hessian_max_steps(md->n, md->data.nrows),
                        kind_name(specs[src].kind));
        return;
    }
    st->sc.sweep_saved_n = n;
    st->sc.sweep_saved_target = st->sc.target;
    memcpy(st->sc.sweep_saved, st->sc.scene.specs, sizeof st->sc.sweep_saved);
    memcpy(st->sc.sweep_saved_shade, st->sc.shade, sizeof st->sc.shade);
    memcpy(st->sc.sweep_saved_hidden, st->sc.hidden, sizeof st->sc.hidden);
    bool ok = ov_scene_set_runs(&st->sc.scene, specs, m);
    memcpy(st->sc.shade, shades, sizeof shades);
    memcpy(st->sc.hidden, hidden, sizeof hidden);
    /* The new runs take the shades their method has free. */
    for (int i = 0; i < m; i++)
        if (st->sc.shade[i] < 0) {
            st->sc.shade[i] = free_shade(st, st->sc.scene.specs[i].kind, i);
        }
    st->sc.sweep_on = true;
    st->sc.target = -1;
    replaced(st, ok);
    const ov_run_spec *lo = &specs[src], *hi = &specs[src + OV_SWEEP_RUNS - 1];
    ov_controls_say(st, "sweep: %s with \xce\xb1 = %.3g \xe2\x80\xa6 %.3g (W folds back)",
                    kind_name(lo->kind), lo->alpha, hi->alpha);
}

void ov_controls_add_run(ov_app_state *st)
{
    int n = st->sc.scene.nruns;
    if (n >= OV_MAX_RUNS) {
        ov_controls_say(st, "at most %d runs", OV_MAX_RUNS);
        return;
    }
    /* The first method not shown (gd when all are), passing over one the
     * model's size rules out. */
    ov_optim_kind kind = OV_OPT_GD;
    int skipped = -1;
    for (int k = OV_OPTIM_COUNT - 1; k >= 0; k--) {
        bool present = false;
        for (int i = 0; i < n; i++)
            present |= st->sc.scene.specs[i].kind == (ov_optim_kind)k;
        if (present)
            continue;
        if (fits_with(st, n, (ov_optim_kind)k))
            kind = (ov_optim_kind)k;
        else
            skipped = k;
    }
    char note[96];
    skipped_note(st, skipped >= 0 && skipped < (int)kind ? skipped : -1, note, sizeof note);
    ov_run_spec specs[OV_MAX_RUNS];
    memcpy(specs, st->sc.scene.specs, sizeof specs);
    memset(&specs[n], 0, sizeof specs[n]);
    specs[n].kind = kind;
    st->sc.sweep_on = false;
    bool ok = ov_scene_set_runs(&st->sc.scene, specs, n + 1);
    st->sc.hidden[n] = false;
    st->sc.shade[n] = free_shade(st, kind, n);
    st->sc.target = n;
    replaced(st, ok);
    if (note[0])
        ov_controls_say(st, "added %s (run %d, targeted)%s", kind_name(kind), n + 1, note);
    else
        ov_controls_say(st, "added %s (run %d, targeted): Y changes its method, Shift+A "
                        "removes it", kind_name(kind), n + 1);
}

void ov_controls_remove_run(ov_app_state *st)
{
    int n = st->sc.scene.nruns, t = st->sc.target;
    if (t < 0) {
        ov_controls_say(st, "Tab to the run to remove first");
        return;
    }
    if (n <= 1) {
        ov_controls_say(st, "the last run stays");
        return;
    }
    ov_optim_kind kind = st->sc.scene.specs[t].kind;
    ov_run_spec specs[OV_MAX_RUNS];
    int m = 0;
    for (int i = 0; i < n; i++)
        if (i != t)
            specs[m++] = st->sc.scene.specs[i];
    memmove(st->sc.shade + t, st->sc.shade + t + 1, (size_t)(n - 1 - t) * sizeof st->sc.shade[0]);
    memmove(st->sc.hidden + t, st->sc.hidden + t + 1,
            (size_t)(n - 1 - t) * sizeof st->sc.hidden[0]);
    st->sc.sweep_on = false;
    bool ok = ov_scene_set_runs(&st->sc.scene, specs, m);
    st->sc.target = -1;
    replaced(st, ok);
    ov_controls_say(st, "removed %s (run %d); keys change all runs", kind_name(kind), t + 1);
}

void ov_controls_toggle_hidden(ov_app_state *st)
{
    int t = st->sc.target;
    if (t < 0) {
        int shown = 0;
        for (int i = 0; i < st->sc.scene.nruns; i++) {
            shown += st->sc.hidden[i];
            st->sc.hidden[i] = false;
        }
        ov_controls_say(st, shown ? "every run shown" : "Tab to the run to hide first");
        return;
    }
    st->sc.hidden[t] = !st->sc.hidden[t];
    ov_controls_say(st, "%s (run %d) %s", kind_name(st->sc.scene.specs[t].kind), t + 1,
                    st->sc.hidden[t] ? "hidden: S shows it again" : "shown");
}

void ov_controls_cycle_method(ov_app_state *st, int dir)
{
    int t = st->sc.target;
    if (t < 0) {
        ov_controls_say(st, "Tab to the run whose method to change first");
        return;
    }
    ov_run_spec *sp = &st->sc.scene.specs[t];
    /* The next method along, passing over one the model's size rules out. */
    int next = (int)sp->kind, skipped = -1;
    for (int i = 0; i < OV_OPTIM_COUNT; i++) {
        next = ((next + dir) % OV_OPTIM_COUNT + OV_OPTIM_COUNT) % OV_OPTIM_COUNT;
        if (fits_with(st, t, (ov_optim_kind)next))
            break;
        if (skipped < 0)
            skipped = next;
    }
    char note[96];
    skipped_note(st, skipped, note, sizeof note);
    sp->kind = (ov_optim_kind)next;
    /* Another method's α and β mean something else: its own defaults. */
    sp->has_alpha = sp->has_beta = sp->has_beta2 = sp->has_eps = false;
    sp->has_wd = sp->has_history = false;
    st->sc.shade[t] = free_shade(st, sp->kind, t);
    st->sc.sweep_on = false;
    bool ok = ov_scene_recompute(&st->sc.scene);
    replaced(st, ok);
    ov_controls_say(st, "run %d is now %s (\xce\xb1 = %.3g)%s", t + 1, kind_name(sp->kind),
                    st->sc.scene.runs[t].params.alpha, note);
}

int ov_controls_set_rule(ov_app_state *st, int run, const char *text)
{
    int n = st->sc.scene.nruns;
    if (run >= n) {
        if (n >= OV_MAX_RUNS) {
            ov_controls_say(st, "at most %d runs", OV_MAX_RUNS);
            return -1;
        }
        run = n;
    }
    ov_run_spec specs[OV_MAX_RUNS];
    memcpy(specs, st->sc.scene.specs, sizeof specs);
    ov_run_spec *sp = &specs[run];
    if (run == n || sp->kind != OV_OPT_RULE) {
        memset(sp, 0, sizeof *sp);
        sp->kind = OV_OPT_RULE;
    }
    snprintf(sp->rule, sizeof sp->rule, "%s", text);
    st->sc.sweep_on = false;
    bool ok = ov_scene_set_runs(&st->sc.scene, specs, run == n ? n + 1 : n);
    if (run == n)
        st->sc.hidden[run] = false;
    st->sc.shade[run] = free_shade(st, OV_OPT_RULE, run);
    st->sc.target = run;
    replaced(st, ok);
    return run;
}
