/* What the insight panels have in common (the layer under every panel's
 * file): a panel's text as lines in run colours, the box such text asks
 * for and its drawing, and the frame of a graph with a log-scale y axis
 * and a step x axis. */
#ifndef OV_PANEL_DRAW_H
#define OV_PANEL_DRAW_H

#include "controls.h"
#include "hud_text.h"
#include "render/render.h"

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

/* Appends a formatted line in colour tag (a run index or OV_PANEL_TEXT/DIM);
 * nothing once the panel is full. */
void ov_panel_text_add(ov_panel_text *t, int tag, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The box (w, h; x = y = 0) t's lines take at text size `size`, at most
 * max_w wide (lines are ellipsized when drawn). */
ov_box ov_panel_text_box(ov_renderer *r, const ov_panel_text *t, float size, float pad,
                         float max_w);
/* Draws t in box b at text size `size`, each line in its colour. */
void ov_panel_text_draw(ov_renderer *r, const ov_app_state *st, const ov_hud_style *sty, ov_box b,
                        const ov_panel_text *t, float size);

/* A graph of step (0 .. last) against a log10 scale (decades lo .. hi):
 * the panel's background, its title, the decade grid with labels and the
 * step axis' ends, and the area the curves go in. */
typedef struct ov_log_graph {
    float x0, y0, x1, y1;   /* the plotting area, pixels */
    double lo, hi;          /* decades at the bottom and top */
    int last;               /* the step at the right edge (>= 1) */
} ov_log_graph;

/* Decades lo .. hi covering the finite log10 values seen by `see` (lo <=
 * hi, at most 16 decades, at least one). */
typedef struct ov_log_range {
    double lo, hi;
} ov_log_range;
void ov_log_range_init(ov_log_range *g);
void ov_log_range_see(ov_log_range *g, double log10_value);
void ov_log_range_finish(ov_log_range *g);

void ov_log_graph_frame(ov_renderer *r, const ov_hud_style *sty, ov_box b, const char *title,
                        ov_log_range range, int last, ov_log_graph *g);
/* Pixel position of (step, log10 value) in g; values below lo sit on the
 * bottom edge. */
float ov_log_graph_x(const ov_log_graph *g, double step);
float ov_log_graph_y(const ov_log_graph *g, double log10_value);
/* The animation's cursor at step (clamped to the graph). */
void ov_log_graph_cursor(ov_renderer *r, const ov_hud_style *sty, const ov_log_graph *g,
                         double step);

#endif
