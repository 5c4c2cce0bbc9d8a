/* The help overlay (H): every row of the key tables (actions.h) in
 * sections, on OV_HELP_PAGES pages that H steps through (then closes).
 * The placement is computed apart from drawing, so a test can check that
 * every row is placed, inside the frame, on some page. */
#ifndef OV_HUD_HELP_H
#define OV_HUD_HELP_H

#include <stdbool.h>

#include "actions.h"
#include "controls.h"
#include "hud_text.h"
#include "render/render.h"

/* Which key table a help row comes from. */
typedef enum ov_help_table {
    OV_HELP_KEYS = 0,    /* ov_bindings */
    OV_HELP_EDIT,        /* ov_edit_bindings: the formula field */
    OV_HELP_EXPORT       /* ov_export_bindings: while a GIF or MP4 is written */
} ov_help_table;

/* One placed item of a help page: a section's title or a table row (its
 * key column right-aligned at key_x, its text wrapped from text_x). */
#define OV_HELP_MAX_ITEMS 128
#define OV_HELP_MAX_WRAP 8
typedef struct ov_help_item {
    bool section;              /* a section title (title) or a row */
    const char *title;
    ov_help_table table;
    int row;                   /* index into that table */
    float key_x, text_x, y;    /* pixels; y is the top of its first line */
    int nlines;
    char lines[OV_HELP_MAX_WRAP][192];
} ov_help_item;

typedef struct ov_help_page {
    int page, pages;           /* this page, 0-based, of how many */
    float px, line;            /* text size and line height */
    ov_box panel;              /* the overlay's box */
    char heading[128];
    char note[192];            /* in a page, on the first page: what differs there */
    int n;
    ov_help_item items[OV_HELP_MAX_ITEMS];
    bool overflow;             /* a row did not fit (only in frames far
                                * smaller than 1280x720): the page says so */
} ov_help_page;

/* Places page `page` (0 .. OV_HELP_PAGES - 1) of the help on a W x H frame
 * at text size px (shrunk to no less than floor_px until it fits). */
void ov_hud_help_layout(ov_renderer *r, int W, int H, float px, float floor_px, float pad,
                        int page, ov_help_page *out);

/* The same for the program in a web page when in_page: the rows of keys
 * that act differently there say so (ov_hud_help_row_text), and the first
 * page has a note line under its heading. */
void ov_hud_help_layout_in(ov_renderer *r, int W, int H, float px, float floor_px, float pad,
                           int page, bool in_page, ov_help_page *out);

/* A help row's text (at most cap bytes into buf): the table's, or in a web
 * page the page's for Q, Esc, F and the exports' row (MP4 is desktop-only). */
const char *ov_hud_help_row_text(const ov_binding *b, bool in_page, char *buf, size_t cap);

/* Draws the page st->ui.help_page of the help overlay. */
void ov_hud_help_draw(ov_renderer *r, const ov_app_state *st, int W, int H, float px,
                      float floor_px, float pad, ov_rgba panel, ov_rgba text, ov_rgba dim);

#endif
