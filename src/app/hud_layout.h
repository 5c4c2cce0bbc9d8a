/* Where every HUD element of a frame goes, computed before anything is
 * drawn: text sizes fitted to the frame's width and height (never below a
 * floor), the boxes of the run list, the insight panels, the caption, the
 * status bar, the legend, the last message and the divergence labels, none
 * overlapping another or leaving the frame, and the world rectangle that
 * puts the requested view into the part of the picture the HUD leaves
 * free. hud.c draws into these boxes. */
#ifndef OV_HUD_LAYOUT_H
#define OV_HUD_LAYOUT_H

#include "controls.h"
#include "hud_text.h"
#include "panels.h"
#include "render/render.h"
#include "app_cache.h"
#include "controls_view.h"

typedef enum ov_hud_part {
    OV_HUD_INFO = 0,    /* surface, formula, the runs */
    OV_HUD_PANEL0,      /* row i of the panels table (panels.h): OV_HUD_PANEL0 + i */
    OV_HUD_THEORY = OV_HUD_PANEL0,       /* the table's first rows, by name */
    OV_HUD_CURVATURE = OV_HUD_PANEL0 + 1,
    OV_HUD_LOSS = OV_HUD_PANEL0 + 2,
    OV_HUD_CAPTION = OV_HUD_PANEL0 + OV_PANEL_MAX,
    OV_HUD_STATUS,
    OV_HUD_LEGEND,
    OV_HUD_MESSAGE,
    OV_HUD_EXPLAIN,     /* the equation of the step taken apart (E) */
    OV_HUD_LABEL0,      /* "diverged at step S" of run i: OV_HUD_LABEL0 + i */
    OV_HUD_PARTS = OV_HUD_LABEL0 + OV_MAX_RUNS
} ov_hud_part;

#define OV_CAPTION_LINES 3

typedef struct ov_hud_layout {
    int width, height;
    float px;           /* run lines, message */
    float big;          /* the title */
    float small;        /* formula line, panels, status, legend, labels */
    float caption_px;
    float panel_px[OV_PANEL_MAX];   /* each panel's text size */
    float floor_px;     /* no text is smaller */
    float pad;
    bool on[OV_HUD_PARTS];
    ov_box box[OV_HUD_PARTS];
    /* Text that had to be fitted (shortened or wrapped) to its box. */
    char subline[192];
    char status[256];
    char message[192];
    char explain[2][192];   /* the step taken apart's equation, wrapped */
    int explain_lines;
    float explain_px;
    int caption_lines;
    char caption[OV_CAPTION_LINES][192];
    float label_x[OV_MAX_RUNS], label_y[OV_MAX_RUNS];   /* where the X is */
    ov_box free;        /* the largest part of the picture the HUD leaves free */
    ov_view_fit fit;    /* where st->view.rect is fitted: free less a margin */
    ov_view view;       /* the frame's projection: st->view.rect fitted into fit */
    const ov_explain *explained;   /* the step taken apart (in the cache), NULL when off */
} ov_hud_layout;

/* The text floor and base size for a frame: u = min(W/1280, H/720);
 * base = 21.2 u times the ui scale (projector mode included); floor =
 * 14 px (20 px in projector mode) times max(u, 1). */
float ov_hud_floor_px(int width, int height, bool projector);
float ov_hud_base_px(int width, int height, float ui_scale);

/* Lays out st's HUD on a width x height frame, measuring text with r;
 * cache (not NULL; lay->explained points into it) keeps the explanation's
 * replay and the loss range between frames. Picking maps the cursor
 * through the layout of the frame shown (its fit). */
void ov_hud_layout_compute(ov_renderer *r, const ov_app_state *st, ov_app_cache *cache,
                           int width, int height, ov_hud_layout *lay);

/* The frame description (scene, view, step, looks of the runs) of st laid
 * out as lay. */
void ov_hud_frame_desc(const ov_app_state *st, const ov_hud_layout *lay, ov_frame_desc *d);

/* What the status bar says (at most cap bytes); compact: the short form. */
void ov_hud_status_text(const ov_app_state *st, bool compact, char *buf, size_t cap);

#endif
