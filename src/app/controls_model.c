/* Model scenes' slice keys and following (see controls_model.h). */
#include "controls_model.h"

#include <math.h>

#include "controls_anim.h"
#include "controls_ui.h"
#include "controls_view.h"

/* Says which plane is shown now. */
static void say_slice(ov_app_state *st)
{
    const ov_scene *sc = &st->sc.scene;
    const ov_slice *s = &sc->slice;
    const ov_model *m = sc->model;
    if (s->kind == OV_SLICE_AXES)
        ov_controls_say(st, "slice: %s across, %s up%s", m->param_names[s->a],
                        m->param_names[s->b], s->follow ? "" : " (fixed)");
    else if (s->kind == OV_SLICE_PCA)
        ov_controls_say(st, "slice: pca, %.1f%% of the paths' variance", 100.0 * s->explained);
    else
        ov_controls_say(st, "slice: two random directions (seed %llu)",
                        (unsigned long long)s->seed);
}

/* The model's own message when there is no model. */
static bool need_model(ov_app_state *st)
{
    if (st->sc.scene.model)
        return true;
    ov_controls_say(st, "slices apply to a model (--model, see --list-models)");
    return false;
}

static void apply(ov_app_state *st, const ov_slice *next)
{
    if (!ov_scene_set_slice(&st->sc.scene, next)) {
        ov_controls_say(st, "out of memory while placing the slice");
        return;
    }
    ov_controls_frame_scene(st, false);
    say_slice(st);
}

void ov_controls_slice_axis(ov_app_state *st, int axis, int dir)
{
    if (!need_model(st))
        return;
    ov_slice next = st->sc.scene.slice;
    const int n = st->sc.scene.model->n;
    if (next.kind != OV_SLICE_AXES) {
        next.kind = OV_SLICE_AXES;
        next.a = 0;
        next.b = 1;
        next.follow = true;
    } else {
        int *moved = axis ? &next.b : &next.a;
        const int other = axis ? next.a : next.b;
        do
            *moved = (*moved + (dir > 0 ? 1 : n - 1)) % n;
        while (*moved == other);
    }
    apply(st, &next);
}

void ov_controls_slice_kind(ov_app_state *st, int dir)
{
    if (!need_model(st))
        return;
    ov_slice next = st->sc.scene.slice;
    next.kind = (ov_slice_kind)(((int)next.kind + (dir > 0 ? 1 : OV_SLICE_KIND_COUNT - 1)) %
                                OV_SLICE_KIND_COUNT);
    next.follow = next.kind == OV_SLICE_AXES;
    if (next.kind == OV_SLICE_RANDOM && next.seed == 0)
        next.seed = OV_SLICE_DEFAULT_SEED;
    apply(st, &next);
}

void ov_controls_slice_follow(ov_app_state *st)
{
    if (!need_model(st))
        return;
    ov_slice *s = &st->sc.scene.slice;
    if (s->kind != OV_SLICE_AXES) {
        ov_controls_say(st, "a %s slice is fixed: it is placed on the final point",
                        ov_slice_kind_name(s->kind));
        return;
    }
    s->follow = !s->follow;
    /* Back on: the plane moves to the shown iterate at once. */
    st->sc.scene.slice_step = -2;
    ov_controls_follow(st);
    ov_controls_say(st, s->follow ? "the slice follows the targeted run"
                                  : "the slice stays where it is");
}

bool ov_controls_follow(ov_app_state *st)
{
    if (!st->sc.scene.model)
        return false;
    int step = (int)floor(st->anim.step);
    return ov_scene_follow(&st->sc.scene, st->sc.target, step);
}
