/* A lecture playing in the window: loading, stepping, the blank screen
 * (see lecture_play.h). */
#include "lecture_play.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/lecture.h"
#include "controls.h"
#include "controls_ui.h"
#include "controls_view.h"

#define OV_LECTURE_REPORT_MAX 4096

ov_preset_set *ov_lecture_open(const ov_config *cfg, char *err, size_t cap)
{
    char *report = malloc(OV_LECTURE_REPORT_MAX);
    if (!report) {
        snprintf(err, cap, "--lecture: out of memory");
        return NULL;
    }
    ov_preset_set *set = ov_lecture_load(cfg->lecture, report, OV_LECTURE_REPORT_MAX);
    if (!set) {
        snprintf(err, cap, "--lecture: %s", report);
    } else if (ov_presets_count(set) == 0) {
        snprintf(err, cap, "--lecture: %s has no good scene:\n%s", ov_presets_file_name(set),
                 report);
        ov_presets_destroy(set);
        set = NULL;
    } else if (report[0]) {
        /* Each bad scene, one line each; the good ones play. */
        for (char *s = report; s;) {
            char *nl = strchr(s, '\n');
            if (nl)
                *nl = 0;
            fprintf(stderr, "optiviz: %s (scene skipped)\n", s);
            s = nl ? nl + 1 : NULL;
        }
    }
    free(report);
    return set;
}

bool ov_lecture_scene_config(const ov_preset_set *set, int i, const ov_config *base,
                             ov_config *out, char *err, size_t cap)
{
    const ov_preset *p = ov_presets_in_file_order(set, i);
    if (!p) {
        snprintf(err, cap, "no scene %d in the lecture", i + 1);
        return false;
    }
    *out = *base;
    if (!ov_preset_apply(p, out, err, cap))
        return false;
    /* Each scene shows its own panels (none when it names none), not the
     * scene's before. */
    if (!out->has_panels) {
        out->has_panels = true;
        out->panels = base->panels;
    }
    /* A scene's number is not a preset key's: "press N to see it again"
     * would load another scene. */
    out->preset_number = 0;
    return true;
}

void ov_lecture_start(ov_app_state *st, int count)
{
    st->lecture.on = count > 0;
    st->lecture.count = count;
    st->lecture.index = 0;
}

bool ov_lecture_go(ov_app_state *st, const ov_preset_set *set, const ov_config *base, int i)
{
    ov_config *next = malloc(sizeof *next);   /* large (formula text) */
    char err[512];
    bool ok = next != NULL;
    if (!ok)
        snprintf(err, sizeof err, "out of memory");
    ok = ok && ov_lecture_scene_config(set, i, base, next, err, sizeof err);
    if (ok && ov_controls_apply_config(st, next)) {
        ov_controls_init_3d(st, next);
        st->lecture.index = i;
        ov_controls_say(st, "scene %d of %d", i + 1, st->lecture.count);
    } else if (!ok) {
        ov_controls_say(st, "scene %d: %s", i + 1, err);
    }
    free(next);
    return ok && st->lecture.index == i;
}

void ov_lecture_set_index(ov_app_state *st, int i)
{
    if (st->lecture.on && i >= 0 && i < st->lecture.count)
        st->lecture.index = i;
}

int ov_lecture_target(const ov_app_state *st, int how)
{
    if (!st->lecture.on)
        return -1;
    int i = how == -2 ? 0 : how == 2 ? st->lecture.count - 1 : st->lecture.index + how;
    return i < 0 ? 0 : i >= st->lecture.count ? st->lecture.count - 1 : i;
}

void ov_lecture_toggle_blank(ov_app_state *st)
{
    st->lecture.blank = !st->lecture.blank;
}
