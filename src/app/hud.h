/* HUD layout: what text and panels sit on top of the picture (surface and
 * its parameters, each run's α, β, step and loss in its colour, a legend, the
 * last change, the help overlay), placed through the renderer's overlay queue. */
#ifndef OV_HUD_H
#define OV_HUD_H

#include "controls.h"
#include "render/render.h"

/* Draws one whole frame of st (picture and HUD) into the renderer's FBO.
 * Text and line sizes follow the frame height times st's ui scale. */
void ov_hud_draw_frame(ov_renderer *r, ov_app_state *st);

/* Run i's HUD line: name, α, β, then step and loss, or "diverged at step
 * S" once the animation reaches the divergence. */
void ov_hud_run_line(const ov_app_state *st, int i, char *buf, size_t cap);

/* Base text height in pixels for a frame height and ui scale. */
float ov_hud_text_px(int height, float ui_scale);

#endif
