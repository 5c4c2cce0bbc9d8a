/* The help overlay: the key tables' rows in sections, on pages. A section
 * starts at the row whose key column it names and runs to the next
 * section's start, so a new key row joins the section of the row above it;
 * each section sits on a fixed page (OV_HELP_PAGES in all), the same at
 * every frame size, so H always steps through the same pages. See
 * hud_help.h. */
#include "hud_help.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct help_section {
    const char *title;
    ov_help_table table;
    const char *first;   /* the key column of its first row */
    int page;
} help_section;

static const help_section SECTIONS[] = {
    {"Parameters", OV_HELP_KEYS, "Up / Down", 0},
    {"Runs", OV_HELP_KEYS, "Tab / Shift+Tab", 0},
    {"Animation", OV_HELP_KEYS, "Space / N / Shift+N", 0},
    {"Scenes", OV_HELP_KEYS, "C / Shift+C", 1},
    {"Files and display", OV_HELP_KEYS, "P / G / Shift+G / X", 1},
    {"Panels and theory", OV_HELP_KEYS, "L", 2},
    {"View", OV_HELP_KEYS, "D", 2},
    {"Lecture and undo", OV_HELP_KEYS, "PageDown / PageUp", 4},
    {"Help and quitting", OV_HELP_KEYS, "H or F1", 3},
    {"In the formula field (Enter)", OV_HELP_EDIT, "Enter", 3},
    {"While a GIF or MP4 is written", OV_HELP_EXPORT, "Esc", 3},
};
#define NSECTIONS ((int)(sizeof SECTIONS / sizeof SECTIONS[0]))

static const ov_binding *table_of(ov_help_table t, int *n)
{
    return t == OV_HELP_EDIT ? ov_edit_bindings(n) : t == OV_HELP_EXPORT ? ov_export_bindings(n)
                                                                         : ov_bindings(n);
}

/* Row range [*from, *to) of section s in its table; false when its first
 * row is missing (the test of this module catches that). */
static bool section_rows(int s, int *from, int *to)
{
    int n;
    const ov_binding *b = table_of(SECTIONS[s].table, &n);
    *from = -1;
    for (int i = 0; i < n && *from < 0; i++)
        if (b[i].keys && strcmp(b[i].keys, SECTIONS[s].first) == 0)
            *from = i;
    if (*from < 0)
        return false;
    *to = n;
    for (int k = 0; k < NSECTIONS; k++) {
        int f = -1;
        if (k == s || SECTIONS[k].table != SECTIONS[s].table)
            continue;
        for (int i = *from + 1; i < n && f < 0; i++)
            if (b[i].keys && strcmp(b[i].keys, SECTIONS[k].first) == 0)
                f = i;
        if (f > *from && f < *to)
            *to = f;
    }
    return true;
}

#define IN_PAGE_NOTE "In a page: Q and Esc do not quit, F is the page's fullscreen, no MP4 (Shift+G); " \
                     "Tab, F1, Ctrl+S go to optiviz"

const char *ov_hud_help_row_text(const ov_binding *b, bool in_page, char *buf, size_t cap)
{
    if (!in_page || !b->keys)
        return b->help;
    if (strcmp(b->keys, "Q") == 0)
        snprintf(buf, cap, "%s; does nothing in a page (close the tab)", b->help);
    else if (strcmp(b->keys, "Esc") == 0 && strstr(b->help, "quits"))
        snprintf(buf, cap, "close the help overlay or the formula field (in a page Esc never quits)");
    else if (strcmp(b->keys, "F") == 0)
        snprintf(buf, cap, "the page's fullscreen (Esc or F leaves it)");
    else if (strstr(b->keys, "Shift+G"))
        snprintf(buf, cap, "%s; in a page the files are downloads, and MP4 is desktop-only", b->help);
    else
        return b->help;
    return buf;
}

static float text_w(ov_renderer *r, float size, const char *s)
{
    float w = 0, h = 0;
    ov_renderer_text_size(r, size, s, &w, &h);
    return w;
}

/* Places the page at size px in cols columns; false when it overflows. */
static bool place(ov_renderer *r, int W, int H, float px, float pad, int page, int cols,
                  bool in_page, ov_help_page *out)
{
    memset(out, 0, sizeof *out);
    out->page = page;
    out->pages = OV_HELP_PAGES;
    out->px = px;
    out->line = px * 1.3f;
    float line = out->line;
    float colw = ((float)W - 2 * pad - pad * 2 * (float)cols) / (float)cols;
    /* The widest key column on the page. */
    float keyw = 0;
    for (int s = 0; s < NSECTIONS; s++) {
        int from, to, n;
        if (SECTIONS[s].page != page || !section_rows(s, &from, &to))
            continue;
        const ov_binding *b = table_of(SECTIONS[s].table, &n);
        for (int i = from; i < to; i++)
            if (b[i].keys)
                keyw = fmaxf(keyw, text_w(r, px, b[i].keys));
    }
    float actw = colw - keyw - px;
    /* Every item and its lines, then split into columns by lines. */
    int total = 0;
    for (int s = 0; s < NSECTIONS; s++) {
        int from, to, n;
        if (SECTIONS[s].page != page || !section_rows(s, &from, &to))
            continue;
        const ov_binding *b = table_of(SECTIONS[s].table, &n);
        if (out->n >= OV_HELP_MAX_ITEMS)
            return false;
        ov_help_item *it = &out->items[out->n++];
        it->section = true;
        it->title = SECTIONS[s].title;
        it->table = SECTIONS[s].table;
        it->row = from;
        it->nlines = 1;
        total += 1;
        for (int i = from; i < to; i++) {
            if (!b[i].keys)
                continue;
            if (out->n >= OV_HELP_MAX_ITEMS)
                return false;
            it = &out->items[out->n++];
            it->table = SECTIONS[s].table;
            it->row = i;
            char buf[512];
            it->nlines = ov_hud_wrap(r, px, ov_hud_help_row_text(&b[i], in_page, buf, sizeof buf),
                                     actw, it->lines, OV_HELP_MAX_WRAP);
            total += it->nlines;
        }
    }
    /* Columns: a new one once half the lines are placed (never leaving a
     * section's title alone at a column's foot). */
    float top = line * 2.2f;   /* heading */
    if (in_page && page == 0) {
        snprintf(out->note, sizeof out->note, "%s", IN_PAGE_NOTE);
        top += line * 1.2f;
        if (text_w(r, px, out->note) > (float)W - 2 * pad)
            return false;
    }
    int col = 0, used = 0, most = 0, in_col = 0;
    for (int i = 0; i < out->n; i++) {
        ov_help_item *it = &out->items[i];
        /* A section's title goes with its first row. */
        int need = it->nlines + (it->section && i + 1 < out->n ? out->items[i + 1].nlines : 0);
        if (cols == 2 && col == 0 && in_col > 0 && 2 * used + need > total) {
            col = 1;
            in_col = 0;
        }
        float cx = pad + (float)col * (colw + 2 * pad);
        if (it->section && in_col > 0)
            in_col += 1;   /* a blank line before a section */
        it->key_x = cx + keyw;
        it->text_x = it->section ? cx : cx + keyw + px;
        it->y = top + line * (float)in_col;
        in_col += it->nlines;
        used += it->nlines;
        most = in_col > most ? in_col : most;
    }
    float ph = top + line * ((float)most + 0.8f);
    float pw = colw * (float)cols + pad * 2 * (float)cols;
    out->panel = (ov_box){((float)W - pw) / 2, ((float)H - ph) / 2, pw, ph};
    /* From panel coordinates to the frame's. */
    for (int i = 0; i < out->n; i++) {
        out->items[i].key_x += out->panel.x;
        out->items[i].text_x += out->panel.x;
        out->items[i].y += out->panel.y;
    }
    snprintf(out->heading, sizeof out->heading, "optiviz controls, page %d of %d   (H: %s)",
             page + 1, OV_HELP_PAGES, page + 1 < OV_HELP_PAGES ? "next page" : "close");
    return ph <= (float)H - 2 * pad && pw <= (float)W;
}

void ov_hud_help_layout(ov_renderer *r, int W, int H, float px, float floor_px, float pad,
                        int page, ov_help_page *out)
{
    ov_hud_help_layout_in(r, W, H, px, floor_px, pad, page, false, out);
}

void ov_hud_help_layout_in(ov_renderer *r, int W, int H, float px, float floor_px, float pad,
                           int page, bool in_page, ov_help_page *out)
{
    int cols = W >= 1000 ? 2 : 1;
    if (page < 0 || page >= OV_HELP_PAGES)
        page = 0;
    /* Smaller text (down to the floor) until the page fits. */
    for (int pass = 0; pass < 12; pass++) {
        if (place(r, W, H, px, pad, page, cols, in_page, out))
            return;
        if (px <= floor_px)
            break;
        px = fmaxf(floor_px, floorf(px * 0.92f));
    }
    /* Even the floor does not fit (a frame far under 1280x720): placed all
     * the same, the panel clipped to the frame, and the heading says so. */
    place(r, W, H, px, pad, page, cols, in_page, out);
    out->overflow = true;
    if (out->panel.y < 0) {
        for (int i = 0; i < out->n; i++)
            out->items[i].y -= out->panel.y;
        out->panel.y = 0;
    }
    snprintf(out->heading, sizeof out->heading,
             "optiviz controls, page %d of %d (a larger window shows all)", page + 1,
             OV_HELP_PAGES);
}

void ov_hud_help_draw(ov_renderer *r, const ov_app_state *st, int W, int H, float px,
                      float floor_px, float pad, ov_rgba panel, ov_rgba text, ov_rgba dim)
{
    ov_help_page *p = malloc(sizeof *p);   /* about 100 KB: not on the stack */
    if (!p)
        return;
    ov_hud_help_layout_in(r, W, H, px, floor_px, pad, st->ui.help_page, st->ui.in_page, p);
    panel.a = 0.94f;
    ov_renderer_rect(r, p->panel.x, p->panel.y, p->panel.w, p->panel.h, panel);
    ov_renderer_text(r, (float)W / 2, p->panel.y + p->px * 0.4f, p->px * 1.1f, text,
                     OV_ALIGN_CENTER, p->heading);
    if (p->note[0])
        ov_renderer_text(r, (float)W / 2, p->panel.y + p->px * 0.4f + p->line * 1.3f, p->px,
                         (ov_rgba){1.0f, 0.85f, 0.45f, 1.0f}, OV_ALIGN_CENTER, p->note);
    ov_rgba head = {0.55f, 0.80f, 1.0f, 1.0f};
    for (int i = 0; i < p->n; i++) {
        const ov_help_item *it = &p->items[i];
        if (it->section) {
            ov_renderer_text(r, it->text_x, it->y, p->px, head, OV_ALIGN_LEFT, it->title);
            continue;
        }
        int n;
        const ov_binding *b = table_of(it->table, &n);
        ov_renderer_text(r, it->key_x, it->y, p->px, text, OV_ALIGN_RIGHT, b[it->row].keys);
        for (int k = 0; k < it->nlines; k++)
            ov_renderer_text(r, it->text_x, it->y + p->line * (float)k, p->px, dim, OV_ALIGN_LEFT,
                             it->lines[k]);
    }
    free(p);
}
