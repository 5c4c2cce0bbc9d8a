/* The insight panels on top of the picture: the theory of the quadratic
 * with each run's regime (I), loss against step (L), and the local
 * curvature at each run's current point (V). Laid out through the
 * renderer's overlay queue, like the rest of the HUD. */
#ifndef OV_PANELS_H
#define OV_PANELS_H

#include "controls.h"
#include "hud_text.h"
#include "render/render.h"

/* Colours and sizes the panels share with the rest of the HUD. */
typedef struct ov_hud_style {
    ov_rgba panel, text, dim;
    float px;   /* base text height in pixels */
} ov_hud_style;

/* A panel's text: lines and, per line, a run index (its colour) or one of
 * OV_PANEL_TEXT / OV_PANEL_DIM. Built apart from drawing so tests can read
 * every number a panel shows. */
#define OV_PANEL_MAX_LINES (8 + OV_MAX_RUNS)
#define OV_PANEL_TEXT (-1)
#define OV_PANEL_DIM (-2)
typedef struct ov_panel_text {
    int n;
    char lines[OV_PANEL_MAX_LINES][160];
    int colour[OV_PANEL_MAX_LINES];
} ov_panel_text;

/* The theory panel's lines: λmin, λmax, κ, GD's limit, optimum and rate,
 * momentum's and Nesterov's optimum, each run's regime and ρ. */
void ov_panel_theory_text(const ov_app_state *st, ov_panel_text *t);
/* The curvature panel's lines: each run's Hessian eigenvalues and local κ. */
void ov_panel_curvature_text(const ov_app_state *st, ov_panel_text *t);

/* Loss against step for every run, log scale, with a cursor at the
 * animation's step, in the box at x, y of w x h pixels. */
void ov_panel_loss(ov_renderer *r, const ov_app_state *st, const ov_hud_style *sty, float x,
                   float y, float w, float h);

/* At each run's current point: the Hessian's eigen-ellipse, the step -αg
 * plain gradient descent would take, and the step the run takes next, in
 * world position (projected through the frame's view, on the surface in
 * 3-D). The eigenvalues are the text of ov_panel_curvature_text. */
void ov_panel_curvature_glyphs(ov_renderer *r, const ov_app_state *st, const ov_hud_style *sty,
                               const ov_view *view);

#endif
