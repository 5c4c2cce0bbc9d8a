/* The exports table: one row per format a key can write {name, extension,
 * key, kind, writer}. The window's export keys, the help overlay and the
 * docs come from it. A new format is one file (its writer, declared here)
 * and one row in exports.c (and its key's row in actions.c). */
#ifndef OV_EXPORTS_H
#define OV_EXPORTS_H

#include <stdbool.h>
#include <stddef.h>

#include <SDL2/SDL.h>

#include "controls.h"
#include "render/render.h"

typedef enum ov_export_kind {
    OV_EXPORT_FRAME = 0,   /* the current frame (needs the renderer) */
    OV_EXPORT_DATA,        /* numbers, no picture */
    OV_EXPORT_ANIMATION    /* every frame from step 0 to the end: the window
                            * runs it as a job a frame at a time (anim_export.h) */
} ov_export_kind;

/* Writes st (only read: a writer that draws draws its own copy) at path,
 * atomically; false with err when it could not. */
typedef bool (*ov_export_fn)(ov_renderer *r, const ov_app_state *st, const char *path, char *err,
                             size_t cap);

typedef struct ov_export_format {
    const char *name;       /* "PNG": what messages call it */
    const char *ext;        /* the file name's extension, no dot */
    const char *key;        /* its key as ov_export_key_name spells it: "P", "Shift+P" */
    ov_export_kind kind;
    ov_export_fn write;     /* FRAME and DATA rows; NULL for ANIMATION */
    bool video;             /* ANIMATION rows: an MP4 (else a GIF) */
} ov_export_format;

/* The table (n: its rows). */
const ov_export_format *ov_export_formats(int *n);
/* The row whose key is key ("Shift+P"), or -1. */
int ov_export_find_key(const char *key);
/* The row of SDL key `key` pressed with Shift or not (its name as the
 * table spells keys: "P", "Shift+G"), or -1. */
int ov_export_find_sdl_key(SDL_Keycode key, bool shift);

/* ---- writers with their own files ---- */

/* export_svg.c: an SVG of the frame for slides: the frame (HUD included)
 * as an embedded PNG, and over it every shown run's path up to the
 * animation's step as a vector polyline in its colour (id "run-I",
 * data-optimizer NAME), so the paths stay crisp at any size. */
bool ov_export_svg(ov_renderer *r, const ov_app_state *st, const char *path, char *err,
                   size_t cap);

#endif
