/* HUD layout: what text and panels sit on top of the picture (surface and
 * its parameters, each run's α, β, step and loss in its colour, a legend, the
 * last change, the help overlay), placed through the renderer's overlay queue. */
#ifndef OV_HUD_H
#define OV_HUD_H

#include "controls.h"
#include "app_cache.h"
#include "hud_layout.h"
#include "hud_text.h"
#include "render/render.h"

/* Draws one whole frame of st (picture and HUD) into the renderer's FBO,
 * laid out by hud_layout.c. cache: what the caller keeps between frames
 * (NULL: nothing kept, each frame computes afresh). laid_out (may be
 * NULL) receives the frame's layout: picking maps the mouse through it.
 * Returns false when the renderer could not draw the frame asked for (a
 * shader or mesh that failed to build, a GL error: ov_renderer_error says
 * which; the FBO then holds the last good picture under this HUD), or
 * when out of memory. An export must not write such a frame. */
bool ov_hud_draw_frame(ov_renderer *r, const ov_app_state *st, ov_app_cache *cache,
                       ov_hud_layout *laid_out);

/* Why the last ov_hud_draw_frame returned false, for an export's message. */
void ov_hud_frame_error(const ov_renderer *r, char *err, size_t cap);


#endif
