/* HUD layout: what text and panels sit on top of the picture (surface and
 * its parameters, each run's α, β, step and loss in its colour, a legend, the
 * last change, the help overlay), placed through the renderer's overlay queue. */
#ifndef OV_HUD_H
#define OV_HUD_H

#include "controls.h"
#include "hud_text.h"
#include "render/render.h"

/* Draws one whole frame of st (picture and HUD) into the renderer's FBO,
 * laid out by hud_layout.c (which records the free part of the frame in
 * st, so picking maps the mouse as the frame was drawn). */
void ov_hud_draw_frame(ov_renderer *r, ov_app_state *st);


#endif
