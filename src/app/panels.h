/* The insight panels as a table: one row per panel {name, key, what shows
 * it, size request, draw}. The HUD layout asks each shown panel for its
 * size and places it, the HUD draws it through its row, the help overlay
 * and docs name its key. A new panel is one file (panel_NAME.c, its
 * functions declared at the end of this header) and one row in panels.c
 * (and its key's row in actions.c). */
#ifndef OV_PANELS_H
#define OV_PANELS_H

#include <stddef.h>

#include "controls.h"
#include "controls_ui.h"
#include "hud_text.h"
#include "panel_draw.h"
#include "render/render.h"

/* Where a panel goes: in the column under the run list (text panels), or
 * in the bottom-right corner above the caption (graphs). */
typedef enum ov_panel_place {
    OV_PANEL_COLUMN = 0,
    OV_PANEL_CORNER
} ov_panel_place;

/* The room a panel asks for: its size, and the least it can be drawn in
 * (a text panel's text shrinks to its floor in a smaller box). */
typedef struct ov_panel_size {
    float w, h, min_w, min_h;
} ov_panel_size;

typedef struct ov_panel ov_panel;
struct ov_panel {
    const char *name;       /* as --panels and the docs name it */
    const char *key;        /* its key, as the key table's column names it */
    ov_panel_place place;
    /* COLUMN panels: their lines (sized and drawn by ov_panel_text_*). */
    void (*text)(const ov_app_state *st, ov_panel_text *t);
    /* The room it asks for in a W x H frame at text size px. NULL for a
     * COLUMN panel: the box its text takes. */
    ov_panel_size (*size)(const ov_app_state *st, float W, float H, float px);
    /* Draws it in box b (text panels: NULL, their text is drawn). */
    void (*draw)(ov_renderer *r, const ov_app_state *st, const ov_hud_style *sty, ov_box b);
    /* Drawn on the picture under the HUD while shown (NULL: nothing). */
    void (*glyphs)(ov_renderer *r, const ov_app_state *st, const ov_hud_style *sty,
                   const ov_view *view);
};


/* The table, in the order panels are placed (n: its rows). */
const ov_panel *ov_panels(int *n);
/* Row i's panel is shown / shows or hides it. */
bool ov_panel_shown(const ov_app_state *st, int i);
void ov_panel_toggle(ov_app_state *st, int i);
/* The row named name / whose key column is key, or -1. */
int ov_panel_find(const char *name);
int ov_panel_find_key(const char *key);

/* ---- the panels' own files ---- */

/* panel_theory.c (I): λmin, λmax, κ, GD's limit, optimum and rate,
 * momentum's and Nesterov's optimum, each run's regime and ρ. */
void ov_panel_theory_text(const ov_app_state *st, ov_panel_text *t);

/* panel_curvature.c (V): each run's Hessian eigenvalues and local κ; on
 * the picture, at each run's current point, the Hessian's eigen-ellipse,
 * the step -αg plain gradient descent would take, and the step the run
 * takes next (projected through the frame's view, on the surface in 3-D). */
void ov_panel_curvature_text(const ov_app_state *st, ov_panel_text *t);
void ov_panel_curvature_glyphs(ov_renderer *r, const ov_app_state *st, const ov_hud_style *sty,
                               const ov_view *view);

/* panel_loss.c (L): loss against step for every run, log scale, with a
 * cursor at the animation's step. */
ov_panel_size ov_panel_graph_size(const ov_app_state *st, float W, float H, float px);
void ov_panel_loss(ov_renderer *r, const ov_app_state *st, const ov_hud_style *sty, ov_box b);

/* panel_steps.c (\): the gradient's norm |∇L(w_k)| (exact, without the
 * noise) and the step's length |w_{k+1} - w_k| of every run against step k,
 * log scale: a step too small crawls (|Δw| far under |∇L|), one too large
 * bounces (|∇L| does not fall). ov_panel_steps_at gives both at step k of
 * run i (dw: NAN at the last stored step); false past the run's end. */
bool ov_panel_steps_at(const ov_app_state *st, int i, int k, double *grad, double *dw);
void ov_panel_steps(ov_renderer *r, const ov_app_state *st, const ov_hud_style *sty, ov_box b);

/* panel_rate_map.c (Shift+I): the worst-case rate of the targeted run's
 * method (all targeted: momentum) over (log α, β) as a heat map, with the
 * rate = 1 boundary, α/(1−β) = 1, the optimum and the runs; "local" off the
 * quadratic (the Hessian at the run's shown point). ov_panel_rate_map_area
 * is the map's part of a panel box b at text size px; _pick gives the
 * method and the (α, β) at fractions u (left to right) and v (top to
 * bottom) of that area, false where the panel shows no map. */
ov_panel_size ov_panel_rate_map_size(const ov_app_state *st, float W, float H, float px);
void ov_panel_rate_map(ov_renderer *r, const ov_app_state *st, const ov_hud_style *sty, ov_box b);
ov_box ov_panel_rate_map_area(ov_box b, float px);
bool ov_panel_rate_map_pick(const ov_app_state *st, double u, double v, ov_optim_kind *kind,
                            double *alpha, double *beta);

/* panel_eigen.c (Shift+V): the targeted run's error (all targeted: the
 * first momentum run) along the Hessian's eigenvectors at w*, log |e·v|
 * against step with its sign, and the theory's closed form dashed. */
void ov_panel_eigen(ov_renderer *r, const ov_app_state *st, const ov_hud_style *sty, ov_box b);

/* panel_loss_rates.c, inside the loss panel's graph g: each shown run's
 * measured rate per step over the last 10 steps to the shown step, beside
 * the rate map's prediction for its α, β and the Hessian at w*. */
void ov_panel_loss_rates(ov_renderer *r, const ov_app_state *st, const ov_hud_style *sty,
                         const ov_log_graph *g);

/* panel_fit.c (Shift+L): a model's fit at the parameters of run
 * ov_panel_fit_run (the targeted run; all targeted: run 0; -1 for a
 * surface scene or no run) at the shown step (ov_hud_shown_step), which
 * ov_panel_fit_params copies into w (the model's n values). One input: the
 * data points and the curve y(t) in the run's colour; two inputs: the
 * decision regions (p > 0.5 orange, else blue) and the points by class.
 * The loss at that step is in the title.
 * The axes of a panel box b at text size px (ov_panel_fit_axes; false
 * without a model or run): the plotting area is b less 3.4 px on the left,
 * 0.5 px on the right, 1.9 px on top and 1.5 px below; u runs left to right
 * over the data's inputs (t, or x1) widened by 15% of their span on each
 * side (by 1 when the span is 0). One input: v runs bottom to top over the
 * data's y and the curve's values at 241 evenly spaced t
 * from u0 to u1 (each clamped to the data's y range widened by twice its
 * span), widened by 8% of their span. Two inputs: v is x2's data range
 * widened as u, and the area is made square (side the smaller of its
 * width and height, centred across, from the top). */
typedef struct ov_fit_axes {
    float x0, y0, x1, y1;   /* the plotting area, pixels (y0 at the top) */
    double u0, u1, v0, v1;  /* the values at its left, right, bottom, top */
} ov_fit_axes;
int ov_panel_fit_run(const ov_app_state *st);
bool ov_panel_fit_params(const ov_app_state *st, double *w, int *step);
bool ov_panel_fit_axes(const ov_app_state *st, ov_box b, float px, ov_fit_axes *ax);
/* Pixel of value u across, v up. */
float ov_fit_px(const ov_fit_axes *ax, double u);
float ov_fit_py(const ov_fit_axes *ax, double v);
ov_panel_size ov_panel_fit_size(const ov_app_state *st, float W, float H, float px);
void ov_panel_fit(ov_renderer *r, const ov_app_state *st, const ov_hud_style *sty, ov_box b);

#endif
