/* The undo history: snapshots of the scene as saved-scene blocks, two
 * bounded stacks (see history.h). */
#include "history.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "controls.h"
#include "controls_ui.h"
#include "controls_view.h"
#include "lecture_play.h"
#include "save.h"

/* One scene: its block, what its caption said, the lecture position. */
typedef struct snap {
    char *block;
    char caption[192];
    char preset[64];
    int preset_number;
    int lecture_index;
} snap;

struct ov_history {
    int max;
    int nundo, nredo;
    snap *undo;   /* oldest first */
    snap *redo;   /* the next to redo last */
    snap cur;     /* the scene as last noted */
    bool have_cur;
    bool changing;   /* the last noted change may go on (see observe) */
};

ov_history *ov_history_create(int max)
{
    ov_history *h = calloc(1, sizeof *h);
    if (!h)
        return NULL;
    h->max = max > 0 ? max : OV_HISTORY_MAX;
    h->undo = calloc((size_t)h->max, sizeof *h->undo);
    h->redo = calloc((size_t)h->max, sizeof *h->redo);
    if (!h->undo || !h->redo) {
        ov_history_destroy(h);
        return NULL;
    }
    return h;
}

static void clear(snap *s, int n)
{
    for (int i = 0; i < n; i++)
        free(s[i].block);
}

void ov_history_destroy(ov_history *h)
{
    if (!h)
        return;
    if (h->undo)
        clear(h->undo, h->nundo);
    if (h->redo)
        clear(h->redo, h->nredo);
    free(h->cur.block);
    free(h->undo);
    free(h->redo);
    free(h);
}

/* The scene of st now; block NULL when memory ran out or it did not fit. */
static snap take(const ov_app_state *st)
{
    snap s = {0};
    s.block = malloc(OV_SAVE_BLOCK_MAX);
    /* A block needs a caption; the scene's own is kept beside it. */
    if (s.block && !ov_save_block(st, 1, "undo", "-", s.block, OV_SAVE_BLOCK_MAX)) {
        free(s.block);
        s.block = NULL;
    }
    char *fit = s.block ? realloc(s.block, strlen(s.block) + 1) : NULL;
    if (fit)
        s.block = fit;   /* kept at its length: 100 of them stay small */
    memcpy(s.caption, st->sc.caption.text, sizeof s.caption);
    memcpy(s.preset, st->sc.caption.preset_name, sizeof s.preset);
    s.preset_number = st->sc.caption.preset_number;
    s.lecture_index = st->lecture.index;
    return s;
}

/* Pushes s onto a stack of h->max, dropping the oldest when full. */
static void push(snap *stack, int *n, int max, snap s)
{
    if (*n == max) {
        free(stack[0].block);
        memmove(stack, stack + 1, (size_t)(max - 1) * sizeof *stack);
        (*n)--;
    }
    stack[(*n)++] = s;
}

void ov_history_attach(ov_app_state *st, ov_history *h)
{
    st->hist.h = h;
    if (!h)
        return;
    free(h->cur.block);
    h->cur = take(st);
    h->have_cur = h->cur.block != NULL;
}

void ov_history_observe(ov_app_state *st, bool continuing)
{
    ov_history *h = st->hist.h;
    if (!h)
        return;
    snap now = take(st);
    if (!now.block)
        return;
    if (h->have_cur && strcmp(now.block, h->cur.block) == 0 &&
        now.lecture_index == h->cur.lecture_index) {
        free(now.block);
        h->changing = h->changing && continuing;
        return;
    }
    /* A change that goes on (a held key, an auto-repeat, a drag) stays the
     * step it began: the scene from before it is already on the stack. */
    if (h->have_cur && !(continuing && h->changing)) {
        push(h->undo, &h->nundo, h->max, h->cur);
        clear(h->redo, h->nredo);
        h->nredo = 0;
    } else {
        free(h->cur.block);
    }
    h->cur = now;
    h->have_cur = true;
    h->changing = true;
}

/* Shows scene s (its block applied as a preset would be). */
static bool restore(ov_app_state *st, const snap *s)
{
    ov_config *cfg = malloc(sizeof *cfg);
    char err[512];
    bool ok = cfg != NULL;
    if (ok) {
        ov_config_defaults(cfg);
        ok = ov_save_block_apply(s->block, cfg, err, sizeof err);
    }
    if (ok) {
        snprintf(cfg->caption, sizeof cfg->caption, "%s", s->caption);
        snprintf(cfg->preset, sizeof cfg->preset, "%s", s->preset);
        cfg->preset_number = s->preset_number;
        cfg->has_panels = true;   /* "none" too */
        ok = ov_controls_apply_config(st, cfg);
    }
    if (ok) {
        ov_controls_init_3d(st, cfg);
        ov_lecture_set_index(st, s->lecture_index);
    }
    free(cfg);
    return ok;
}

/* Moves the current scene onto to and the top of from back on screen. */
static bool move(ov_app_state *st, snap *from, int *nfrom, snap *to, int *nto,
                 const char *what)
{
    ov_history *h = st->hist.h;
    if (*nfrom == 0) {
        ov_controls_say(st, "nothing to %s", what);
        return false;
    }
    snap s = from[*nfrom - 1];
    if (!restore(st, &s)) {
        ov_controls_say(st, "cannot %s: the earlier scene does not apply", what);
        return false;
    }
    (*nfrom)--;
    if (h->have_cur)
        push(to, nto, h->max, h->cur);
    free(s.block);
    h->cur = take(st);   /* as shown (the same scene, written afresh) */
    h->have_cur = h->cur.block != NULL;
    h->changing = false;
    ov_controls_say(st, "%s (%d more)", what, *nfrom);
    return true;
}

bool ov_history_undo(ov_app_state *st)
{
    ov_history *h = st->hist.h;
    if (!h) {
        ov_controls_say(st, "nothing to undo");
        return false;
    }
    return move(st, h->undo, &h->nundo, h->redo, &h->nredo, "undo");
}

bool ov_history_redo(ov_app_state *st)
{
    ov_history *h = st->hist.h;
    if (!h) {
        ov_controls_say(st, "nothing to redo");
        return false;
    }
    return move(st, h->redo, &h->nredo, h->undo, &h->nundo, "redo");
}

int ov_history_undo_count(const ov_app_state *st)
{
    return st->hist.h ? st->hist.h->nundo : 0;
}

int ov_history_redo_count(const ov_app_state *st)
{
    return st->hist.h ? st->hist.h->nredo : 0;
}
