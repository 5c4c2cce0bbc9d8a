/* The HUD's words and colours: text cut or wrapped to a width, the run
 * list's title and run lines, a run's colour (and its lighter form for
 * text on the dark panels), the step the animation shows and how long a
 * message stays. The bottom of the HUD's modules (hud_text <- panels <-
 * hud_layout <- hud): it calls none of them. */
#ifndef OV_HUD_TEXT_H
#define OV_HUD_TEXT_H

#include <stddef.h>

#include "controls.h"
#include "render/render.h"

/* A box on the frame, in pixels (top-left origin). */
typedef struct ov_box {
    float x, y, w, h;
} ov_box;

/* Colours and sizes the panels share with the rest of the HUD. */
typedef struct ov_hud_style {
    ov_rgba panel, text, dim;
    float px;   /* base text height in pixels */
    float pad;  /* the HUD's padding */
} ov_hud_style;

/* A message shows this long at full strength, then fades out. */
#define MESSAGE_SHOWN 2.0
#define MESSAGE_FADE 1.0

/* Seconds for which the HUD looks the same if nothing but time passes: 0
 * while a message fades, the time until it starts to fade, INFINITY when
 * no message shows. */
double ov_hud_still_for(const ov_app_state *st);

/* The run list's title: the surface's name, κ, θ and the noise σ. */
void ov_hud_title(const ov_app_state *st, char *buf, size_t cap);

/* Run i's HUD line: name, α, β, then step and loss, or "diverged at step
 * S" once the animation reaches the divergence. */
void ov_hud_run_line(const ov_app_state *st, int i, char *buf, size_t cap);

/* Run i's colour: its method's, in the shade the run keeps. */
ov_rgba ov_hud_run_color(const ov_app_state *st, int i);

/* A run colour for text on the dark panels: the darker shades lifted
 * towards white until they read (relative luminance at least 0.18). */
ov_rgba ov_hud_text_colour(ov_rgba c);

/* The step the animation shows for run r, clamped to what was stored. */
int ov_hud_shown_step(const ov_run *r, double anim);

/* Splits text into at most max_lines lines of width max_w at size,
 * breaking at spaces (a word longer than a line gets a line of its own);
 * the last line is ellipsized when text is left over. Returns the count. */
int ov_hud_wrap(ov_renderer *r, float size, const char *text, float max_w, char (*lines)[192],
                int max_lines);
/* Cuts text (in place) to fit max_w at size, ending it with an ellipsis;
 * never cuts a UTF-8 character. */
void ov_hud_ellipsize(ov_renderer *r, float size, char *text, float max_w);

#endif
