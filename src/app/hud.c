/* The HUD of one frame, drawn into the boxes hud_layout.c places: the run
 * list with each run's marker, the insight panels, the caption, the status
 * bar, the legend (the same markers the picture draws), the last message,
 * the divergence labels; and the two overlays that cover the picture while
 * open, the formula field and the help. See hud.h. */
#include "hud.h"

#include "hud_help.h"
#include "touch_strip.h"
#include "hud_layout.h"
#include "hud_model.h"
#include "hud_text.h"
#include "panels.h"
#include "controls.h"
#include "controls_explain.h"
#include "controls_ui.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Panel and text colours; projector mode makes panels opaque and text white. */
typedef struct hud_theme {
    ov_rgba panel, text, dim;
} hud_theme;

static const hud_theme NORMAL = {{0.04f, 0.05f, 0.08f, 0.78f},
                                 {0.96f, 0.96f, 0.96f, 1.0f},
                                 {0.80f, 0.82f, 0.86f, 1.0f}};
static const hud_theme PROJECTOR = {{0.0f, 0.0f, 0.0f, 0.92f},
                                    {1.0f, 1.0f, 1.0f, 1.0f},
                                    {0.95f, 0.95f, 0.95f, 1.0f}};
static const ov_rgba DARK = {0.05f, 0.05f, 0.08f, 1.0f};
static const ov_rgba WHITE = {1.0f, 1.0f, 1.0f, 1.0f};

static const hud_theme *theme_of(const ov_app_state *st)
{
    return st->ui.projector ? &PROJECTOR : &NORMAL;
}

static void fill(ov_renderer *r, ov_box b, ov_rgba c)
{
    ov_renderer_rect(r, b.x, b.y, b.w, b.h, c);
}

static void draw_info(ov_renderer *r, const ov_app_state *st, ov_app_cache *cache,
                      const ov_hud_layout *lay)
{
    const hud_theme *th = theme_of(st);
    ov_box b = lay->box[OV_HUD_INFO];
    float pad = lay->pad, px = lay->px;
    fill(r, b, th->panel);
    char title[256];
    ov_hud_title(st, title, sizeof title);
    float x = b.x + pad, y = b.y + pad, maxw = b.w - 2 * pad;
    ov_hud_ellipsize(r, lay->big, title, maxw);
    ov_renderer_text(r, x, y, lay->big, th->text, OV_ALIGN_LEFT, title);
    y += lay->big * 1.3f;
    ov_renderer_text(r, x, y, lay->small, th->dim, OV_ALIGN_LEFT, lay->subline);
    y += lay->small * 1.4f;
    /* A model scene: its slice, the head's distance from it and κ. */
    char model[OV_HUD_MODEL_LINES][192];
    int nmodel = ov_hud_model_lines(st, &cache->curvature, model, OV_HUD_MODEL_LINES);
    for (int i = 0; i < nmodel; i++) {
        ov_hud_ellipsize(r, lay->small, model[i], maxw);
        ov_renderer_text(r, x, y, lay->small, th->text, OV_ALIGN_LEFT, model[i]);
        y += lay->small * 1.4f;
    }
    for (int i = 0; i < st->sc.scene.nruns; i++) {
        char line[192];
        ov_hud_run_line(st, i, line, sizeof line);
        ov_hud_ellipsize(r, px, line, maxw - px * 1.6f);
        ov_rgba c = ov_hud_run_color(st, i);
        bool on = (st->sc.target < 0 || st->sc.target == i) && !st->sc.hidden[i];
        /* The run's marker, as drawn at its head: its legend entry. */
        ov_renderer_marker(r, x + px * 0.45f, y + px * 0.62f, px * 0.38f,
                           ov_method_marker(st->sc.scene.runs[i].params.kind, st->sc.shade[i]), c, px * 0.1f, DARK);
        if (st->sc.target == i)
            ov_renderer_rect(r, b.x + 1, y + px * 0.1f, pad * 0.45f, px * 1.1f, th->text);
        ov_rgba tc = ov_hud_text_colour(c);
        if (!on)
            tc.a = 0.6f;
        ov_renderer_text(r, x + px * 1.2f, y, px, tc, OV_ALIGN_LEFT, line);
        y += px * 1.35f;
    }
}

static void draw_status(ov_renderer *r, const ov_app_state *st, const ov_hud_layout *lay)
{
    const hud_theme *th = theme_of(st);
    ov_box b = lay->box[OV_HUD_STATUS];
    fill(r, b, th->panel);
    ov_renderer_text(r, b.x + lay->pad, b.y + lay->small * 0.2f, lay->small, th->dim, OV_ALIGN_LEFT,
                     lay->status);
}

/* The legend: the markers the picture draws, each with its word. */
static void draw_legend(ov_renderer *r, const ov_app_state *st, const ov_hud_layout *lay)
{
    const hud_theme *th = theme_of(st);
    ov_box b = lay->box[OV_HUD_LEGEND];
    float s = lay->small, x = b.x + lay->pad, cy = b.y + b.h * 0.5f, ty = b.y + s * 0.2f;
    fill(r, b, th->panel);
    static const char *const words[4] = {"minimum", "iterate", "diverged", "start"};
    for (int i = 0; i < 4; i++) {
        float mx = x + s * 0.55f, R = s * 0.42f;
        if (i == 0)
            ov_renderer_marker(r, mx, cy, R, OV_MARK_STAR, WHITE, s * 0.09f, DARK);
        else if (i == 1)
            ov_renderer_marker(r, mx, cy, R * 0.55f, OV_MARK_CIRCLE, th->text, s * 0.08f, DARK);
        else if (i == 2)
            ov_renderer_marker(r, mx, cy, R, OV_MARK_CROSS, th->text, s * 0.08f, DARK);
        else {
            ov_renderer_marker(r, mx, cy, R, OV_MARK_CIRCLE, WHITE, s * 0.08f, DARK);
            ov_renderer_marker(r, mx, cy, R * 0.62f, OV_MARK_CIRCLE, th->panel, 0, DARK);
        }
        x += s * 1.4f;
        x += ov_renderer_text(r, x, ty, s, th->dim, OV_ALIGN_LEFT, words[i]) + s * 0.9f;
    }
}

static void draw_message(ov_renderer *r, const ov_app_state *st, const ov_hud_layout *lay)
{
    const hud_theme *th = theme_of(st);
    ov_box b = lay->box[OV_HUD_MESSAGE];
    float a = st->ui.message_age < MESSAGE_SHOWN
                  ? 1.0f
                  : (float)((MESSAGE_SHOWN + MESSAGE_FADE - st->ui.message_age) / MESSAGE_FADE);
    ov_rgba bg = th->panel, fg = th->text;
    bg.a *= a;
    fg.a = a;
    fill(r, b, bg);
    ov_renderer_text(r, b.x + b.w - lay->pad, b.y + lay->pad * 0.5f, lay->px, fg, OV_ALIGN_RIGHT,
                     lay->message);
}

static void draw_caption(ov_renderer *r, const ov_app_state *st, const ov_hud_layout *lay)
{
    const hud_theme *th = theme_of(st);
    ov_box b = lay->box[OV_HUD_CAPTION];
    fill(r, b, th->panel);
    char text[256];
    ov_controls_caption_text(st, text, sizeof text);
    bool changed = strcmp(text, st->sc.caption.text) != 0;
    for (int i = 0; i < lay->caption_lines; i++)
        ov_renderer_text(r, b.x + b.w / 2, b.y + lay->pad * 0.5f + lay->caption_px * 1.3f * (float)i,
                         lay->caption_px, changed ? th->dim : th->text, OV_ALIGN_CENTER,
                         lay->caption[i]);
}

/* The equation of the step taken apart (E), above the caption. */
static void draw_explain(ov_renderer *r, const ov_app_state *st, const ov_hud_layout *lay)
{
    const hud_theme *th = theme_of(st);
    ov_box b = lay->box[OV_HUD_EXPLAIN];
    ov_rgba bg = th->panel;
    bg.a = fmaxf(bg.a, 0.85f);
    fill(r, b, bg);
    for (int i = 0; i < lay->explain_lines; i++)
        ov_renderer_text(r, b.x + b.w / 2, b.y + lay->pad * 0.5f + lay->explain_px * 1.3f * (float)i,
                         lay->explain_px, th->text, OV_ALIGN_CENTER, lay->explain[i]);
}

/* "diverged at step S" beside each X, on an opaque box, in the run's colour. */
static void draw_labels(ov_renderer *r, const ov_app_state *st, const ov_hud_layout *lay)
{
    for (int i = 0; i < st->sc.scene.nruns && i < OV_MAX_RUNS; i++) {
        if (!lay->on[OV_HUD_LABEL0 + i])
            continue;
        ov_box b = lay->box[OV_HUD_LABEL0 + i];
        ov_rgba c = ov_hud_run_color(st, i), bg = DARK;
        bg.a = 0.92f;
        fill(r, b, bg);
        ov_renderer_rect(r, b.x, b.y, lay->small * 0.18f, b.h, c);
        char text[64];
        snprintf(text, sizeof text, "diverged at step %d", st->sc.scene.runs[i].diverged_step);
        ov_renderer_text(r, b.x + lay->small * 0.3f, b.y + lay->small * 0.15f, lay->small,
                         ov_hud_text_colour(c), OV_ALIGN_LEFT, text);
    }
}

/* The formula field: the text with a caret (scrolled to keep it in view),
 * the selection, and the parse error under the column it names. */
static void draw_formula_field(ov_renderer *r, const ov_app_state *st, const ov_hud_layout *lay)
{
    const hud_theme *th = theme_of(st);
    static const ov_rgba ERR = {1.0f, 0.6f, 0.5f, 1.0f};
    float W = (float)lay->width, H = (float)lay->height, pad = lay->pad;
    float size = fmaxf(lay->px * 1.05f, lay->floor_px), small = lay->small, w, h;
    float x0 = pad * 2, width = W - pad * 4;
    char hint[2][192];
    const bool rule = st->ui.edit.rule_run >= 0;
    int nh = ov_hud_wrap(r, small,
                         rule ? "Type an update rule per coordinate: NAME = FORMULA; ... over w, g, t, "
                                "alpha, beta, beta2, eps and new names (start at 0), with sign, min, "
                                "max. Enter applies, Esc cancels."
                              : "Type a loss in x and y (+ - * / ^, exp log sqrt sin cos tan tanh abs, pi, "
                                "e). Enter applies, Esc cancels, Ctrl+A selects all, Ctrl+U clears.",
                         width - 2 * pad, hint, 2);
    float ph = pad * 2 + small * 1.3f * (float)nh + size * 1.4f + small * 2.6f;
    float y0 = fminf(H * 0.38f, H - pad - ph);
    ov_rgba bg = th->panel;
    bg.a = 0.95f;
    ov_renderer_rect(r, x0, y0, width, ph, bg);
    for (int i = 0; i < nh; i++)
        ov_renderer_text(r, x0 + pad, y0 + pad + small * 1.3f * (float)i, small, th->dim,
                         OV_ALIGN_LEFT, hint[i]);
    const char *label = rule ? "rule: " : "L(x, y) = ";
    float lw;
    ov_renderer_text_size(r, size, label, &lw, &h);
    float ty = y0 + pad + small * 1.3f * (float)nh + small * 0.3f;
    ov_renderer_text(r, x0 + pad, ty, size, th->dim, OV_ALIGN_LEFT, label);
    float tx = x0 + pad + lw, room = width - 2 * pad - lw - size;
    /* Scroll: the first byte shown keeps the caret inside the field. */
    int first = 0;
    char before[OV_EXPR_MAX_SOURCE + 1];
    for (;;) {
        snprintf(before, sizeof before, "%.*s", st->ui.edit.caret - first, st->ui.edit.text + first);
        ov_renderer_text_size(r, size, before, &w, &h);
        if (w <= room || first >= st->ui.edit.caret)
            break;
        first++;
        while (first < st->ui.edit.caret && ((unsigned char)st->ui.edit.text[first] & 0xC0) == 0x80)
            first++;
    }
    char shown[OV_EXPR_MAX_SOURCE + 1];
    snprintf(shown, sizeof shown, "%s", st->ui.edit.text + first);
    ov_hud_ellipsize(r, size, shown, room + size * 0.5f);
    if (st->ui.edit.all) {
        float sw;
        ov_renderer_text_size(r, size, shown, &sw, &h);
        ov_rgba sel = {0.25f, 0.45f, 0.85f, 0.85f};
        ov_renderer_rect(r, tx, ty, sw, size * 1.2f, sel);
    }
    ov_renderer_text(r, tx, ty, size, th->text, OV_ALIGN_LEFT, shown);
    ov_renderer_rect(r, tx + w, ty, fmaxf(2.0f, size * 0.1f), size * 1.15f, th->text);
    if (st->ui.edit.error[0]) {
        int col = st->ui.edit.error_column > 0 ? st->ui.edit.error_column - 1 : 0;
        float ex = tx;
        if (col >= first) {
            snprintf(before, sizeof before, "%.*s", col - first, st->ui.edit.text + first);
            ov_renderer_text_size(r, size, before, &w, &h);
            ex = fminf(tx + w, x0 + width - pad - size);
        }
        float ey = ty + size * 1.3f;
        ov_renderer_text(r, ex, ey, small, ERR, OV_ALIGN_LEFT, "\xe2\x86\x91");
        char msg[200];
        snprintf(msg, sizeof msg, "column %d: %s", st->ui.edit.error_column, st->ui.edit.error);
        float mx = fminf(ex + small, x0 + width * 0.5f);
        ov_hud_ellipsize(r, small, msg, x0 + width - pad - mx);
        ov_renderer_text(r, mx, ey, small, ERR, OV_ALIGN_LEFT, msg);
    }
}

/* A model scene's axes in 2-D: the horizontal axis's name (a parameter's,
 * or d1) at the bottom middle of the free picture with an arrow, the
 * vertical one's at its left middle, each on a small panel. */
static void draw_axis_names(ov_renderer *r, const ov_app_state *st, const ov_hud_layout *lay)
{
    char x[64], y[64], text[80];
    if (st->view.view3d || !ov_hud_axis_names(st, x, y, sizeof x))
        return;
    const hud_theme *th = theme_of(st);
    ov_box f = lay->free;
    float px = lay->small, pad = lay->pad * 0.6f, tw, tht;
    snprintf(text, sizeof text, "%s \xe2\x86\x92", x);
    ov_renderer_text_size(r, px, text, &tw, &tht);
    float bx = f.x + (f.w - tw) / 2, by = f.y + f.h - px * 1.3f - pad;
    fill(r, (ov_box){bx - pad, by - pad * 0.3f, tw + 2 * pad, px * 1.3f}, th->panel);
    ov_renderer_text(r, bx, by, px, th->text, OV_ALIGN_LEFT, text);
    snprintf(text, sizeof text, "\xe2\x86\x91 %s", y);
    ov_renderer_text_size(r, px, text, &tw, &tht);
    bx = f.x + pad * 2;
    by = f.y + (f.h - px) / 2;
    fill(r, (ov_box){bx - pad, by - pad * 0.3f, tw + 2 * pad, px * 1.3f}, th->panel);
    ov_renderer_text(r, bx, by, px, th->text, OV_ALIGN_LEFT, text);
}

/* A window export in progress: what is written, a bar filling with its
 * frames, and how to cancel it, centred above the status line. */
static void draw_export_progress(ov_renderer *r, const ov_app_state *st, int W, int H, float px)
{
    const hud_theme *th = theme_of(st);
    static const ov_rgba BAR = {0.34f, 0.71f, 0.91f, 1.0f};   /* sky blue */
    char buf[160];
    int total = st->job.total > 0 ? st->job.total : 1;
    int done = st->job.done < 0 ? 0 : st->job.done > total ? total : st->job.done;
    snprintf(buf, sizeof buf, "writing %s: frame %d of %d   Esc cancels",
             st->job.kind ? st->job.kind : "", done, total);
    float pad = px * 0.6f, w, h;
    ov_renderer_text_size(r, px, buf, &w, &h);
    float bw = w > (float)W * 0.4f ? w : (float)W * 0.4f, bh = px * 0.5f;
    float x = ((float)W - bw) / 2, y = (float)H - px * 5.4f - h - bh;
    ov_rgba bg = th->panel;
    bg.a = 0.9f;
    ov_renderer_rect(r, x - pad, y - pad, bw + 2 * pad, h + bh + pad * 3, bg);
    ov_renderer_text(r, (float)W / 2, y, px, th->text, OV_ALIGN_CENTER, buf);
    float by = y + h + pad;
    ov_renderer_rect(r, x, by, bw, bh, th->dim);
    ov_renderer_rect(r, x, by, bw * (float)done / (float)total, bh, BAR);
}

/* A lecture playing: "3/12" (scene of scenes) in the lower right corner,
 * above the legend; B: the whole frame black. */
static void draw_lecture(ov_renderer *r, const ov_app_state *st, const ov_hud_layout *lay,
                         int W, int H)
{
    if (st->lecture.blank) {
        ov_renderer_rect(r, 0, 0, (float)W, (float)H, (ov_rgba){0, 0, 0, 1});
        return;
    }
    if (!st->lecture.on)
        return;
    const hud_theme *th = theme_of(st);
    char buf[32];
    snprintf(buf, sizeof buf, "%d/%d", st->lecture.index + 1, st->lecture.count);
    float w, h, s = lay->small, pad = lay->pad;
    ov_renderer_text_size(r, s, buf, &w, &h);
    ov_box legend = lay->box[OV_HUD_LEGEND];
    float x = (float)W - pad - w - pad, y = legend.y - pad - h - pad * 0.5f;
    fill(r, (ov_box){x, y, w + pad, h + pad * 0.5f}, th->panel);
    ov_renderer_text(r, x + pad * 0.5f, y + pad * 0.25f, s, th->text, OV_ALIGN_LEFT, buf);
}

bool ov_hud_draw_frame(ov_renderer *r, const ov_app_state *st, ov_app_cache *cache,
                       ov_hud_layout *laid_out)
{
    int W, H;
    ov_renderer_size(r, &W, &H);
    ov_app_cache *own = NULL;
    if (!cache) {
        own = malloc(sizeof *own);   /* large: the replay keeps a formula */
        if (!own)
            return false;
        ov_app_cache_init(own);
        cache = own;
    }
    ov_hud_layout lay;
    ov_hud_layout_compute(r, st, cache, W, H, &lay);
    ov_frame_desc desc;
    ov_hud_frame_desc(st, &lay, &desc);
    bool drawn = ov_renderer_begin(r, &desc);
    const hud_theme *th = theme_of(st);
    ov_hud_style sty = {th->panel, th->text, th->dim, lay.small, lay.pad};
    int npanels;
    const ov_panel *panels = ov_panels(&npanels);
    for (int k = 0; k < npanels; k++)
        if (panels[k].glyphs && ov_panel_shown(st, k))
            panels[k].glyphs(r, st, &sty, desc.view);
    draw_axis_names(r, st, &lay);
    draw_info(r, st, cache, &lay);
    for (int k = 0; k < npanels; k++) {
        if (!lay.on[OV_HUD_PANEL0 + k])
            continue;
        ov_box b = lay.box[OV_HUD_PANEL0 + k];
        if (panels[k].draw) {
            panels[k].draw(r, st, &sty, b);
        } else {
            ov_panel_text t;
            panels[k].text(st, &t);
            ov_panel_text_draw(r, st, &sty, b, &t, lay.panel_px[k]);
        }
    }
    draw_labels(r, st, &lay);
    draw_status(r, st, &lay);
    draw_legend(r, st, &lay);
    if (lay.on[OV_HUD_CAPTION])
        draw_caption(r, st, &lay);
    if (lay.on[OV_HUD_EXPLAIN])
        draw_explain(r, st, &lay);
    if (lay.on[OV_HUD_MESSAGE])
        draw_message(r, st, &lay);
    ov_touch_strip_draw(r, st, W, H, th->panel, th->text);
    if (st->ui.edit.open)
        draw_formula_field(r, st, &lay);
    if (st->ui.show_help)
        ov_hud_help_draw(r, st, W, H, lay.small, lay.floor_px, lay.pad, th->panel, th->text,
                         th->dim);
    if (st->job.on)
        draw_export_progress(r, st, W, H, lay.px);
    draw_lecture(r, st, &lay, W, H);
    drawn = ov_renderer_end(r) && drawn;
    if (laid_out)
        *laid_out = lay;
    free(own);
    return drawn;
}

void ov_hud_frame_error(const ov_renderer *r, char *err, size_t cap)
{
    const char *why = ov_renderer_error(r);
    snprintf(err, cap, "%s", why[0] ? why : "the frame could not be drawn (out of memory)");
}
