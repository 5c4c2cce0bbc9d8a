/* Shared pieces of the headless paths (screenshot, benchmark, tests): a
 * hidden GL window with a renderer for one scene, and frame -> PNG. */
#ifndef OV_EXPORT_H
#define OV_EXPORT_H

#include <stdbool.h>
#include "controls.h"
#include "glwin.h"
#include "render/render.h"

/* Creates a hidden window and a width x height renderer set up for st's
 * surface. On failure *r may be non-NULL: the caller always destroys *r and
 * win, in that order. */
bool ov_export_offscreen_begin(ov_glwin *win, ov_renderer **r, const ov_app_state *st,
                               int width, int height, char *err, size_t cap);

/* Draws st (HUD included) and writes it as a PNG at path, atomically. */
bool ov_export_png(ov_renderer *r, const ov_app_state *st, float ui_scale, const char *path,
                   char *err, size_t cap);

#endif
