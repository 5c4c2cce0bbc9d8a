/* The actions that go beyond the scene on screen (actions_internal.h):
 * presets, the lecture's scenes and blanking, the exports, sharing and
 * keeping the scene, undo and redo. The key table (actions.c) points at
 * them. */
#include "actions_internal.h"

#include <stdio.h>

#include "controls_ui.h"
#include "history.h"
#include "lecture_play.h"
#include "save.h"
#include "share.h"

ov_request ov_act_preset(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)st;
    (void)dt;
    return (ov_request){.kind = OV_REQ_PRESET, .preset = (int)b->arg};
}

/* PageDown, PageUp, Ctrl+Home, Ctrl+End: the lecture scene arg says
 * (ov_lecture_target); the window shows it. */
ov_request ov_act_lecture(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)dt;
    int i = ov_lecture_target(st, (int)b->arg);
    if (i < 0) {
        ov_controls_say(st, "no lecture plays: start one with --lecture FILE or NAME "
                        "(--list-lectures)");
        return OV_NO_REQUEST;
    }
    return (ov_request){.kind = OV_REQ_LECTURE, .scene = i};
}

ov_request ov_act_blank(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_lecture_toggle_blank(st);
    return OV_NO_REQUEST;
}

/* Ctrl+S: the scene kept (save.h). */
ov_request ov_act_save(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_save_key(st);
    return OV_NO_REQUEST;
}

ov_request ov_act_undo(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_history_undo(st);
    return OV_NO_REQUEST;
}

ov_request ov_act_redo(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    ov_history_redo(st);
    return OV_NO_REQUEST;
}

/* An export key: asks the window for the exports table's row of this key
 * (exports.h; the table is not looked at here, so the key table depends on
 * no exporter). */
ov_request ov_act_export(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)st;
    (void)dt;
    return (ov_request){.kind = OV_REQ_EXPORT, .export_key = (int)b->key,
                        .export_shift = b->mods == OV_MOD_SHIFT};
}

/* U: the scene's command line and the browser page's query string for it,
 * one line each, to stdout and the clipboard. */
ov_request ov_act_share(ov_app_state *st, const ov_binding *b, double dt)
{
    (void)b;
    (void)dt;
    static char line[4096], query[12288], both[4096 + 12288 + 2];
    if (!ov_share_command_line(st, line, sizeof line) ||
        ov_share_query(st, query, sizeof query) < 0) {
        ov_controls_say(st, "the scene is too long to share");
        return OV_NO_REQUEST;
    }
    snprintf(both, sizeof both, "%s\n%s", line, query);
    bool printed = printf("%s\n", both) > 0 && fflush(stdout) == 0;
    if (SDL_SetClipboardText(both) == 0)
        ov_controls_say(st, "command line and URL query copied to the clipboard%s",
                        printed ? " and printed" : "");
    else
        ov_controls_say(st, "command line %s; no clipboard: %s",
                        printed ? "printed" : "not printed", SDL_GetError());
    return OV_NO_REQUEST;
}
