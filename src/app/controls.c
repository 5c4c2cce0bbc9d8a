/* The session as a whole: building the state from the configuration (each
 * part through its module) and tearing it down, replacing the scene (a
 * preset on keys 1-9, another surface or a typed formula) and the preset's
 * caption. See controls.h. */
#include "controls.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "controls_anim.h"
#include "controls_ui.h"
#include "controls_view.h"
#include "run_list.h"

/* Keeps the parameters the caption describes (see ov_controls_caption_text). */
static void caption_snapshot(ov_app_state *st, const ov_config *cfg)
{
    snprintf(st->sc.caption.text, sizeof st->sc.caption.text, "%s", cfg->caption);
    snprintf(st->sc.caption.preset_name, sizeof st->sc.caption.preset_name, "%s", cfg->preset);
    st->sc.caption.preset_number = cfg->preset_number;
    st->sc.caption.nruns = st->sc.scene.nruns;
    for (int i = 0; i < st->sc.scene.nruns; i++)
        st->sc.caption.params[i] = st->sc.scene.runs[i].params;
    st->sc.caption.kappa = st->sc.caption.theta = 0;
    ov_surface_get_param(st->sc.scene.surface, "kappa", &st->sc.caption.kappa);
    ov_surface_get_param(st->sc.scene.surface, "theta", &st->sc.caption.theta);
    st->sc.caption.sigma = st->sc.scene.noise.sigma;
    st->sc.caption.start = st->sc.scene.start;
}

void ov_controls_caption_text(const ov_app_state *st, char *buf, size_t cap)
{
    buf[0] = '\0';
    if (!st->sc.caption.text[0])
        return;
    bool same = st->sc.scene.nruns == st->sc.caption.nruns &&
                st->sc.scene.start.x == st->sc.caption.start.x &&
                st->sc.scene.start.y == st->sc.caption.start.y &&
                st->sc.scene.noise.sigma == st->sc.caption.sigma;
    double v;
    if (ov_surface_get_param(st->sc.scene.surface, "kappa", &v))
        same = same && v == st->sc.caption.kappa;
    if (ov_surface_get_param(st->sc.scene.surface, "theta", &v))
        same = same && v == st->sc.caption.theta;
    for (int i = 0; same && i < st->sc.scene.nruns; i++) {
        const ov_optim_params *a = &st->sc.scene.runs[i].params, *b = &st->sc.caption.params[i];
        /* Up then Down comes back to the same α, give or take rounding. */
        same = a->kind == b->kind && fabs(a->alpha - b->alpha) <= 1e-9 * fabs(b->alpha) &&
               fabs(a->beta - b->beta) <= 1e-9;
    }
    if (same)
        snprintf(buf, cap, "%s", st->sc.caption.text);
    else if (st->sc.caption.preset_number > 0) {
        /* The key that brings the preset back: 1-9, 0 for 10, Shift+1-9
         * for 11-19. */
        int n = st->sc.caption.preset_number;
        char key[32];
        if (n <= 9)
            snprintf(key, sizeof key, "press %d", n);
        else if (n == 10)
            snprintf(key, sizeof key, "press 0");
        else if (n <= 19)
            snprintf(key, sizeof key, "press Shift+%d", n - 10);
        else
            snprintf(key, sizeof key, "start with --preset %d", n);
        snprintf(buf, cap, "Changed since preset %d (%s): its caption no longer applies; "
                 "%s to see it again.", n, st->sc.caption.preset_name, key);
    }
    else
        snprintf(buf, cap, "Changed since the preset: its caption no longer applies.");
}

bool ov_controls_init(ov_app_state *st, const ov_config *cfg, char *err, size_t cap)
{
    memset(st, 0, sizeof(*st));
    if (!ov_scene_init(&st->sc.scene, cfg, err, cap))
        return false;
    ov_controls_frame_scene(st, cfg->has_view);
    ov_controls_init_clock(st, cfg);
    ov_controls_init_ui(st, cfg);
    ov_controls_init_3d(st, cfg);
    st->sc.target = -1;
    caption_snapshot(st, cfg);
    st->job.output_dir = cfg->output_dir;   /* the export part's one setting */
    for (int i = 0; i < OV_MAX_RUNS; i++)
        ov_run_init(&st->sc.ghosts[i], NULL);
    ov_controls_number_shades(st);
    return true;
}

void ov_controls_deinit(ov_app_state *st)
{
    ov_scene_deinit(&st->sc.scene);
    for (int i = 0; i < OV_MAX_RUNS; i++)
        ov_run_deinit(&st->sc.ghosts[i]);
}

bool ov_controls_apply_config(ov_app_state *st, const ov_config *cfg)
{
    ov_scene next;
    char err[256];
    if (!ov_scene_init(&next, cfg, err, sizeof err)) {
        ov_controls_say(st, "%s", err);
        return false;
    }
    ov_scene_deinit(&st->sc.scene);
    st->sc.scene = next;
    ov_controls_frame_scene(st, cfg->has_view);
    ov_controls_rewind(st);
    st->sc.target = -1;
    st->sc.nghosts = 0;
    st->sc.sweep_on = false;
    ov_controls_number_shades(st);
    ov_controls_apply_panels(st, cfg);
    caption_snapshot(st, cfg);
    return true;
}

void ov_controls_cycle_surface(ov_app_state *st, int dir)
{
    int count = ov_surface_builtin_count();
    int cur = -1;
    for (int i = 0; i < count; i++)
        if (st->sc.scene.surface->def == ov_surface_builtin(i))
            cur = i;
    int next = cur < 0 ? 0 : ((cur + dir) % count + count) % count;
    ov_expr_error err;
    if (!ov_controls_replace_surface(st, ov_surface_builtin(next)->name, &err)) {
        ov_controls_say(st, "cannot switch surface: %s", err.message);
        return;
    }
    ov_controls_say(st, "surface: %s", st->sc.scene.surface->name);
}

bool ov_controls_replace_surface(ov_app_state *st, const char *name_or_formula,
                                 ov_expr_error *err)
{
    /* α and β the user set belong to the old surface's scale: every run
     * starts over from the new surface's defaults. Restored if the new
     * surface does not parse. */
    ov_run_spec saved[OV_MAX_RUNS];
    memcpy(saved, st->sc.scene.specs, sizeof saved);
    for (int i = 0; i < st->sc.scene.nruns; i++)
        st->sc.scene.specs[i].has_alpha = st->sc.scene.specs[i].has_beta = false;
    if (!ov_scene_set_surface(&st->sc.scene, name_or_formula, err)) {
        memcpy(st->sc.scene.specs, saved, sizeof saved);
        return false;
    }
    ov_controls_frame_scene(st, false);
    st->sc.nghosts = 0;
    st->sc.caption.text[0] = '\0';
    ov_controls_rewind(st);
    return true;
}

