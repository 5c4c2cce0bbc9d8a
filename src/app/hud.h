/* HUD layout: what text and panels sit on top of the picture (surface and
 * its parameters, each run's α, β, step and loss in its colour, a legend, the
 * last change, the help overlay), placed through the renderer's overlay queue. */
#ifndef OV_HUD_H
#define OV_HUD_H

#include "controls.h"
#include "hud_layout.h"
#include "render/render.h"

/* Draws one whole frame of st (picture and HUD) into the renderer's FBO,
 * laid out by hud_layout.c. cache: what the caller keeps between frames
 * (NULL: nothing kept, each frame computes afresh). laid_out (may be
 * NULL) receives the frame's layout: picking maps the mouse through it. */
void ov_hud_draw_frame(ov_renderer *r, const ov_app_state *st, ov_app_cache *cache,
                       ov_hud_layout *laid_out);

/* The run list's title: the surface's name, κ, θ and the noise σ. */
void ov_hud_title(const ov_app_state *st, char *buf, size_t cap);

/* Seconds for which the HUD looks the same if nothing but time passes: 0
 * while a message fades, the time until it starts to fade, INFINITY when
 * no message shows. */
double ov_hud_still_for(const ov_app_state *st);

/* Run i's HUD line: name, α, β, then step and loss, or "diverged at step
 * S" once the animation reaches the divergence. */
void ov_hud_run_line(const ov_app_state *st, int i, char *buf, size_t cap);

/* Run i's colour: its method's, in the shade the run keeps. */
ov_rgba ov_hud_run_color(const ov_app_state *st, int i);


#endif
