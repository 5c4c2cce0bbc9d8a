/* What the insight panels share: text lines in run colours, their box and
 * drawing, and a graph frame with a log-scale y axis. See panel_draw.h. */
#include "panel_draw.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>

void ov_panel_text_add(ov_panel_text *t, int tag, const char *fmt, ...)
{
    if (t->n >= OV_PANEL_MAX_LINES)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(t->lines[t->n], sizeof t->lines[t->n], fmt, ap);
    va_end(ap);
    t->colour[t->n++] = tag;
}

ov_box ov_panel_text_box(ov_renderer *r, const ov_panel_text *t, float size, float pad,
                         float max_w)
{
    float w = 0;
    for (int i = 0; i < t->n; i++) {
        float lw = 0, lh = 0;
        ov_renderer_text_size(r, size, t->lines[i], &lw, &lh);
        w = fmaxf(w, lw);
    }
    ov_box b = {0, 0, fminf(w + 2 * pad, max_w), size * 1.35f * (float)t->n + pad * 1.5f};
    return b;
}

void ov_panel_text_draw(ov_renderer *r, const ov_app_state *st, const ov_hud_style *sty, ov_box b,
                        const ov_panel_text *t, float size)
{
    float pad = sty->pad, line = size * 1.35f;
    ov_renderer_rect(r, b.x, b.y, b.w, b.h, sty->panel);
    for (int i = 0; i < t->n; i++) {
        int tag = t->colour[i];
        ov_rgba c = tag >= 0 ? ov_hud_text_colour(ov_hud_run_color(st, tag))
                    : tag == OV_PANEL_TEXT ? sty->text
                                           : sty->dim;
        char text[192];
        snprintf(text, sizeof text, "%s", t->lines[i]);
        ov_hud_ellipsize(r, size, text, b.w - 2 * pad);
        ov_renderer_text(r, b.x + pad, b.y + pad * 0.75f + line * (float)i, size, c, OV_ALIGN_LEFT,
                         text);
    }
}

void ov_log_range_init(ov_log_range *g)
{
    g->lo = INFINITY;
    g->hi = -INFINITY;
}

void ov_log_range_see(ov_log_range *g, double v)
{
    if (!isfinite(v))
        return;
    g->lo = fmin(g->lo, v);
    g->hi = fmax(g->hi, v);
}

void ov_log_range_finish(ov_log_range *g)
{
    if (!isfinite(g->hi) || !isfinite(g->lo)) {
        g->hi = 1;
        g->lo = 0;
    }
    g->hi = ceil(g->hi);
    g->lo = floor(fmax(g->lo, g->hi - 16.0));
    if (g->hi - g->lo < 1)
        g->lo = g->hi - 1;
}

void ov_log_graph_frame(ov_renderer *r, const ov_hud_style *sty, ov_box b, const char *title,
                        ov_log_range range, int last, ov_log_graph *g)
{
    float px = sty->px, pad = px * 0.5f;
    ov_renderer_rect(r, b.x, b.y, b.w, b.h, sty->panel);
    g->x0 = b.x + px * 3.4f;
    g->x1 = b.x + b.w - pad;
    g->y0 = b.y + px * 1.9f;
    g->y1 = b.y + b.h - px * 1.5f;
    g->lo = range.lo;
    g->hi = range.hi;
    g->last = last < 1 ? 1 : last;
    char shown[160];
    snprintf(shown, sizeof shown, "%s", title);
    ov_hud_ellipsize(r, px, shown, b.w - 2 * pad);
    ov_renderer_text(r, b.x + pad, b.y + pad * 0.4f, px, sty->text, OV_ALIGN_LEFT, shown);
    /* Decade grid with labels, at most ~6 labels. */
    int every = (int)ceil((g->hi - g->lo) / 6.0);
    every = every < 1 ? 1 : every;
    for (int d = (int)g->lo; d <= (int)g->hi; d += every) {
        float y = ov_log_graph_y(g, d);
        ov_rgba grid = sty->dim;
        grid.a = 0.25f;
        ov_renderer_line(r, g->x0, y, g->x1, y, 1.0f, grid);
        char lab[16];
        snprintf(lab, sizeof lab, "1e%d", d);
        ov_renderer_text(r, g->x0 - pad * 0.5f, y - px * 0.6f, px, sty->dim, OV_ALIGN_RIGHT, lab);
    }
    char lab[32];
    snprintf(lab, sizeof lab, "step %d", g->last);
    ov_renderer_text(r, g->x1, g->y1 + px * 0.1f, px, sty->dim, OV_ALIGN_RIGHT, lab);
    ov_renderer_text(r, g->x0, g->y1 + px * 0.1f, px, sty->dim, OV_ALIGN_LEFT, "0");
}

float ov_log_graph_x(const ov_log_graph *g, double step)
{
    return g->x0 + (float)(step / g->last) * (g->x1 - g->x0);
}

float ov_log_graph_y(const ov_log_graph *g, double v)
{
    v = fmax(v, g->lo);
    return g->y1 - (float)((v - g->lo) / (g->hi - g->lo)) * (g->y1 - g->y0);
}

void ov_log_graph_cursor(ov_renderer *r, const ov_hud_style *sty, const ov_log_graph *g,
                         double step)
{
    float cx = ov_log_graph_x(g, fmin(fmax(step, 0.0), g->last));
    ov_renderer_line(r, cx, g->y0, cx, g->y1, 1.5f, sty->text);
}
