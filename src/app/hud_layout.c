/* HUD layout: text sizes fitted to the frame, every element's box placed so
 * that none overlaps another or leaves the frame, divergence labels put
 * where they collide with nothing, and the view fitted into the part of the
 * picture the HUD leaves free. See hud_layout.h. */
#include "hud_layout.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hud_model.h"
#include "hud_text.h"
#include "panels.h"
#include "controls.h"
#include "controls_anim.h"
#include "controls_explain.h"
#include "controls_ui.h"
#include "controls_view.h"

float ov_hud_floor_px(int width, int height, bool projector)
{
    float u = fminf((float)width / 1280.0f, (float)height / 720.0f);
    return (projector ? 20.0f : 14.0f) * fmaxf(u, 1.0f);
}

float ov_hud_base_px(int width, int height, float ui_scale)
{
    float u = fminf((float)width / 1280.0f, (float)height / 720.0f);
    return 21.2f * u * (ui_scale > 0 ? ui_scale : 1.0f);
}

static bool overlap(ov_box a, ov_box b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static bool inside(ov_box a, float W, float H, float m)
{
    return a.x >= m && a.y >= m && a.x + a.w <= W - m && a.y + a.h <= H - m;
}

/* Does b collide with any placed part (labels included when asked)? */
static bool collides(const ov_hud_layout *lay, ov_box b, bool with_labels)
{
    for (int i = 0; i < OV_HUD_PARTS; i++) {
        if (!lay->on[i] || (!with_labels && i >= OV_HUD_LABEL0))
            continue;
        if (overlap(b, lay->box[i]))
            return true;
    }
    return false;
}

void ov_hud_status_text(const ov_app_state *st, bool compact, char *buf, size_t cap)
{
    int last = ov_controls_last_step(st);
    double shown = floor(st->anim.step);
    if (shown > last)
        shown = last;
    const char *keys = st->sc.target < 0
                           ? "all runs"
                           : ov_optim_info_of(st->sc.scene.runs[st->sc.target].params.kind)->name;
    if (compact)
        snprintf(buf, cap, "step %.0f / %d%s%s   H: help", shown, last,
                 st->anim.paused ? "   paused" : "", st->anim.loop ? "   loop" : "");
    else
        snprintf(buf, cap, "step %.0f / %d   %s%.3g s a playing%s   keys: %s   H: help", shown,
                 last, st->anim.paused ? "paused   " : "", st->anim.pace, st->anim.loop ? ", loop" : "", keys);
}

/* The legend's width at size: four markers and their words. */
static float text_w(ov_renderer *r, float size, const char *s)
{
    float w = 0, h = 0;
    ov_renderer_text_size(r, size, s, &w, &h);
    return w;
}

static float legend_width(ov_renderer *r, float size)
{
    static const char *const words[4] = {"minimum", "iterate", "diverged", "start"};
    float w = 0;
    for (int i = 0; i < 4; i++)
        w += size * 1.4f + text_w(r, size, words[i]) + size * 0.9f;
    return w - size * 0.9f;
}

/* The run list's widest line at size px (title at 1.25 px), with the nm
 * model lines under its subline. */
static float info_width(ov_renderer *r, const ov_app_state *st, float px, float small,
                        const char *title, const char *subline, char (*model)[192], int nm)
{
    float w = text_w(r, px * 1.25f, title);
    w = fmaxf(w, text_w(r, small, subline));
    for (int i = 0; i < nm; i++)
        w = fmaxf(w, text_w(r, small, model[i]));
    for (int i = 0; i < st->sc.scene.nruns; i++) {
        char line[192];
        ov_hud_run_line(st, i, line, sizeof line);
        w = fmaxf(w, text_w(r, px, line) + px * 1.6f);
    }
    return w;
}

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return (x > y) - (x < y);
}

/* Sorts v and drops repeats; returns the new count. */
static int unique(float *v, int n)
{
    qsort(v, (size_t)n, sizeof v[0], cmp_float);
    int k = 0;
    for (int i = 0; i < n; i++)
        if (k == 0 || v[i] != v[k - 1])
            v[k++] = v[i];
    return k;
}

/* The largest box of the frame that no placed part covers, judged by how
 * large the content (aspect cw : ch) would appear in it, favouring wide
 * boxes. Candidate edges are the frame's and the parts'. */
static ov_box free_box(const ov_hud_layout *lay, double cw, double ch)
{
    float xs[2 + 2 * OV_HUD_LABEL0], ys[2 + 2 * OV_HUD_LABEL0];
    int nx = 0, ny = 0;
    xs[nx++] = 0;
    xs[nx++] = (float)lay->width;
    ys[ny++] = 0;
    ys[ny++] = (float)lay->height;
    for (int i = 0; i < OV_HUD_LABEL0; i++) {
        if (!lay->on[i] || i == OV_HUD_MESSAGE)
            continue;
        const ov_box *b = &lay->box[i];
        xs[nx++] = b->x;
        xs[nx++] = b->x + b->w;
        ys[ny++] = b->y;
        ys[ny++] = b->y + b->h;
    }
    nx = unique(xs, nx);
    ny = unique(ys, ny);
    ov_box best = {0, 0, (float)lay->width, (float)lay->height};
    double best_s = -1;
    for (int a = 0; a < nx; a++)
        for (int b = 0; b < nx; b++) {
            if (xs[b] <= xs[a])
                continue;
            for (int c = 0; c < ny; c++)
                for (int d = 0; d < ny; d++) {
                    if (ys[d] <= ys[c])
                        continue;
                    ov_box cand = {xs[a], ys[c], xs[b] - xs[a], ys[d] - ys[c]};
                    /* Wider boxes keep the picture centred: a box gets
                     * up to half less credit the narrower it is. */
                    double s = fmin(cand.w / cw, cand.h / ch) *
                               (0.5 + 0.5 * cand.w / (double)lay->width);
                    if (s <= best_s)
                        continue;
                    bool clear = true;
                    for (int i = 0; i < OV_HUD_LABEL0 && clear; i++)
                        if (lay->on[i] && i != OV_HUD_MESSAGE && overlap(cand, lay->box[i]))
                            clear = false;
                    if (clear) {
                        best = cand;
                        best_s = s;
                    }
                }
        }
    return best;
}

void ov_hud_frame_desc(const ov_app_state *st, const ov_hud_layout *lay, ov_frame_desc *d)
{
    memset(d, 0, sizeof *d);
    d->scene = &st->sc.scene;
    d->view = &lay->view;
    d->anim_step = st->anim.step;
    d->target_run = st->sc.target;
    d->ui_scale = ov_controls_ui_scale(st);   /* the renderer scales by H / 720 */
    d->ghosts = st->sc.ghosts_on ? st->sc.ghosts : NULL;
    d->nghosts = st->sc.ghosts_on ? st->sc.nghosts : 0;
    d->high_contrast = st->ui.projector;
    d->shades = st->sc.shade;
    d->hidden = st->sc.hidden;
    d->ghost_shades = st->sc.ghost_shade;
    d->explain = lay->explained;
    d->explain_run = ov_controls_explain_run(st);
    d->clear_x0 = lay->free.x;
    d->clear_y0 = lay->free.y;
    d->clear_x1 = lay->free.x + lay->free.w;
    d->clear_y1 = lay->free.y + lay->free.h;
}

/* Places the "diverged at step S" labels next to their X markers, where
 * they collide with no other part, label, the start or a minimum. */
static void place_labels(ov_renderer *r, const ov_app_state *st, ov_hud_layout *lay)
{
    ov_frame_desc d;
    ov_hud_frame_desc(st, lay, &d);
    float W = (float)lay->width, H = (float)lay->height, m = lay->pad * 0.5f;
    float s = lay->small, lp = s * 0.3f;
    /* The start and the minima are kept clear too. */
    ov_box keep[1 + OV_SURFACE_MAX_MINIMA];
    int nkeep = 0;
    ov_vec2 pts[1 + OV_SURFACE_MAX_MINIMA];
    pts[nkeep++] = st->sc.scene.start;
    for (int i = 0; i < st->sc.scene.surface->nminima; i++)
        pts[nkeep++] = st->sc.scene.surface->minima[i];
    for (int i = 0; i < nkeep; i++) {
        ov_vec2 q;
        double depth;
        if (!ov_view_project(&lay->view, pts[i].x, pts[i].y,
                             ov_surface_value(st->sc.scene.surface, pts[i].x, pts[i].y), 0.0, &q,
                             &depth))
            q.x = q.y = -1e6;
        keep[i] = (ov_box){(float)q.x - s, (float)q.y - s, 2 * s, 2 * s};
    }
    for (int i = 0; i < st->sc.scene.nruns && i < OV_MAX_RUNS; i++) {
        int part = OV_HUD_LABEL0 + i;
        lay->on[part] = false;
        float mx, my;
        if (st->sc.hidden[i] || !ov_renderer_diverged_mark(r, &d, i, &mx, &my))
            continue;
        char text[64];
        snprintf(text, sizeof text, "diverged at step %d", st->sc.scene.runs[i].diverged_step);
        float w = text_w(r, s, text) + 2 * lp, h = s * 1.3f + lp;
        float arm = s * 0.9f;
        /* Right, left, above, below the X, then further down and up. */
        float cx[6] = {mx + arm, mx - arm - w, mx - w / 2, mx - w / 2, mx + arm, mx - arm - w};
        float cy[6] = {my - h / 2, my - h / 2, my - arm - h, my + arm, my, my - h};
        bool placed = false;
        for (int step = 0; step < 8 && !placed; step++)
            for (int c = 0; c < 6 && !placed; c++) {
                float dy = (float)((step + 1) / 2) * h * (step % 2 ? 1.0f : -1.0f);
                ov_box b = {cx[c], cy[c] + dy, w, h};
                if (!inside(b, W, H, m) || collides(lay, b, true))
                    continue;
                bool clear = true;
                for (int k = 0; k < nkeep && clear; k++)
                    clear = !overlap(b, keep[k]);
                if (!clear)
                    continue;
                lay->box[part] = b;
                lay->on[part] = true;
                lay->label_x[i] = mx;
                lay->label_y[i] = my;
                placed = true;
            }
    }
}

void ov_hud_layout_compute(ov_renderer *r, const ov_app_state *st, ov_app_cache *cache,
                           int width, int height, ov_hud_layout *lay)
{
    memset(lay, 0, sizeof *lay);
    lay->width = width;
    lay->height = height;
    float W = (float)width, H = (float)height;
    float floor_px = ov_hud_floor_px(width, height, st->ui.projector);
    float base = ov_hud_base_px(width, height, ov_controls_ui_scale(st));
    float px = fmaxf(base, floor_px);
    float small = fmaxf(px * 0.8f, floor_px);
    float pad = fmaxf(5.0f, small * 0.5f), gap = pad;
    lay->floor_px = floor_px;
    lay->pad = pad;

    /* The run list: as large as it can be, within the frame's width. */
    const ov_surface *s = st->sc.scene.surface;
    char title[256];
    ov_hud_title(st, title, sizeof title);
    const char *summary = ov_surface_summary(s);
    snprintf(lay->subline, sizeof lay->subline, "%s%s", summary ? "" : "L = ",
             summary ? summary : ov_surface_key(s));
    float avail = W - 2 * pad - 2 * pad;
    char model[OV_HUD_MODEL_LINES][192];
    int nmodel = ov_hud_model_lines(st, &cache->curvature, model, OV_HUD_MODEL_LINES);
    float iw = info_width(r, st, px, small, title, lay->subline, model, nmodel);
    if (iw > avail) {
        float f = avail / iw;
        px = fmaxf(floor_px, floorf(px * f));
        small = fmaxf(floor_px, floorf(small * f));
    }
    ov_hud_ellipsize(r, small, lay->subline, fminf(avail, fmaxf(W * 0.6f, text_w(r, px * 1.25f, title))));
    lay->px = px;
    lay->big = fmaxf(px * 1.25f, floor_px);
    lay->small = small;
    iw = fminf(info_width(r, st, px, small, title, lay->subline, model, nmodel), avail);
    float ih = pad * 2 + lay->big * 1.3f + small * 1.4f * (float)(1 + nmodel) +
               px * 1.35f * (float)st->sc.scene.nruns;
    lay->box[OV_HUD_INFO] = (ov_box){pad, pad, iw + 2 * pad, ih};
    lay->on[OV_HUD_INFO] = true;

    /* Bottom row: status bar at the left, legend at the right; stacked when
     * both do not fit side by side. */
    float rowh = small * 1.5f;
    float lw = legend_width(r, small) + 2 * pad;
    ov_hud_status_text(st, false, lay->status, sizeof lay->status);
    float sw = text_w(r, small, lay->status) + 2 * pad;
    if (sw + lw + 2 * pad + gap > W) {
        ov_hud_status_text(st, true, lay->status, sizeof lay->status);
        sw = text_w(r, small, lay->status) + 2 * pad;
    }
    float bottom = H - pad;
    if (sw + lw + 2 * pad + gap <= W) {
        lay->box[OV_HUD_STATUS] = (ov_box){pad, bottom - rowh, sw, rowh};
        lay->box[OV_HUD_LEGEND] = (ov_box){W - pad - lw, bottom - rowh, lw, rowh};
        bottom -= rowh + gap;
    } else {
        sw = fminf(sw, W - 2 * pad);
        ov_hud_ellipsize(r, small, lay->status, sw - 2 * pad);
        lay->box[OV_HUD_STATUS] = (ov_box){pad, bottom - rowh, sw, rowh};
        bottom -= rowh + gap;
        lw = fminf(lw, W - 2 * pad);
        lay->box[OV_HUD_LEGEND] = (ov_box){W - pad - lw, bottom - rowh, lw, rowh};
        bottom -= rowh + gap;
    }
    lay->on[OV_HUD_STATUS] = lay->on[OV_HUD_LEGEND] = true;

    /* The caption, centred above: shrunk to fit one line, else wrapped. */
    char caption[256];
    ov_controls_caption_text(st, caption, sizeof caption);
    if (caption[0]) {
        float cs = fmaxf(px * 1.05f, floor_px), maxw = W - 4 * pad;
        float cw = text_w(r, cs, caption);
        if (cw > maxw)
            cs = fmaxf(fmaxf(floor_px, cs * 0.75f), floorf(cs * maxw / cw));
        lay->caption_px = cs;
        lay->caption_lines = ov_hud_wrap(r, cs, caption, maxw, lay->caption, OV_CAPTION_LINES);
        float w = 0;
        for (int i = 0; i < lay->caption_lines; i++)
            w = fmaxf(w, text_w(r, cs, lay->caption[i]));
        float h = cs * 1.3f * (float)lay->caption_lines + pad;
        lay->box[OV_HUD_CAPTION] = (ov_box){(W - w) / 2 - pad, bottom - h, w + 2 * pad, h};
        lay->on[OV_HUD_CAPTION] = true;
        bottom -= h + gap;
    }

    /* The step taken apart: its equation above the caption. */
    if (st->ui.explain_on) {
        const ov_explain *x = ov_controls_explanation(st, &cache->explain);
        lay->explained = x;
        char text[320];
        if (x->valid)
            snprintf(text, sizeof text, "%s", x->caption);
        else
            snprintf(text, sizeof text, "%s, step %d: %s",
                     ov_optim_info_of(st->sc.scene.runs[ov_controls_explain_run(st)].params.kind)->name,
                     x->step, x->why);
        float es = fmaxf(px * 0.95f, floor_px), maxw = W - 4 * pad;
        lay->explain_px = es;
        lay->explain_lines = ov_hud_wrap(r, es, text, maxw, lay->explain, 2);
        float w = 0;
        for (int i = 0; i < lay->explain_lines; i++)
            w = fmaxf(w, text_w(r, es, lay->explain[i]));
        float h = es * 1.3f * (float)lay->explain_lines + pad;
        lay->box[OV_HUD_EXPLAIN] = (ov_box){(W - w) / 2 - pad, bottom - h, w + 2 * pad, h};
        lay->on[OV_HUD_EXPLAIN] = true;
        bottom -= h + gap;
    }

    /* The message: top right, beside the run list, else under it; under it
     * too when only there it is shown whole (a wide run list, a long
     * message). */
    if (st->ui.message[0] && isfinite(ov_hud_still_for(st))) {
        snprintf(lay->message, sizeof lay->message, "%s", st->ui.message);
        ov_box info = lay->box[OV_HUD_INFO];
        /* Left of a control the page puts over the corner (the browser's). */
        float right = W - pad;
        if (st->ui.page_corner_w > 0.0f && st->ui.page_corner_h > pad)
            right = fminf(right, W - st->ui.page_corner_w - gap);
        float room = right - (info.x + info.w + gap);
        float mh = px * 1.3f + pad;
        float mw = text_w(r, px, lay->message) + 2 * pad + 1;
        bool whole_under = mw <= W - 2 * pad && info.y + info.h + gap + mh <= bottom;
        if (room >= mw || (room >= fminf(mw, W * 0.3f) && !whole_under)) {
            mw = fminf(mw, room);
            ov_hud_ellipsize(r, px, lay->message, mw - 2 * pad);
            lay->box[OV_HUD_MESSAGE] = (ov_box){right - mw, pad, mw, mh};
            lay->on[OV_HUD_MESSAGE] = true;
        } else if (info.y + info.h + gap + mh <= bottom) {
            mw = fminf(mw, W - 2 * pad);
            ov_hud_ellipsize(r, px, lay->message, mw - 2 * pad);
            lay->box[OV_HUD_MESSAGE] = (ov_box){pad, info.y + info.h + gap, mw, mh};
            lay->on[OV_HUD_MESSAGE] = true;
        }
    }

    /* The panels, in the table's order. Column panels (text): under the
     * run list, else beside it. */
    int npanels;
    const ov_panel *panels = ov_panels(&npanels);
    float col_bottom = lay->box[OV_HUD_INFO].y + lay->box[OV_HUD_INFO].h;
    if (lay->on[OV_HUD_MESSAGE] && lay->box[OV_HUD_MESSAGE].x < lay->box[OV_HUD_INFO].w)
        col_bottom = lay->box[OV_HUD_MESSAGE].y + lay->box[OV_HUD_MESSAGE].h;
    for (int k = 0; k < npanels; k++) {
        if (panels[k].place != OV_PANEL_COLUMN || !ov_panel_shown(st, k))
            continue;
        ov_panel_text t;
        panels[k].text(st, &t);
        float size = small;
        ov_box b = ov_panel_text_box(r, &t, size, pad, W - 2 * pad);
        b.x = pad;
        b.y = col_bottom + gap;
        if (b.y + b.h > bottom || collides(lay, b, false)) {
            /* Beside the column, from the top, its text smaller (down to
             * the floor) when the room is narrower than the panel. */
            float x = pad;
            for (int i = 0; i < OV_HUD_CAPTION; i++)
                if (lay->on[i])
                    x = fmaxf(x, lay->box[i].x + lay->box[i].w + gap);
            float room = W - pad - x;
            if (room < b.w) {
                size = fmaxf(floor_px, floorf(size * room / b.w));
                b = ov_panel_text_box(r, &t, size, pad, room);
            }
            b.x = x;
            b.y = pad;
            if (lay->on[OV_HUD_MESSAGE])
                b.y = lay->box[OV_HUD_MESSAGE].y + lay->box[OV_HUD_MESSAGE].h + gap;
            if (b.w < W * 0.25f || b.y + b.h > bottom || collides(lay, b, false))
                continue;   /* no room: not shown */
        } else {
            col_bottom = b.y + b.h;
        }
        lay->box[OV_HUD_PANEL0 + k] = b;
        lay->on[OV_HUD_PANEL0 + k] = true;
        lay->panel_px[k] = size;
    }

    /* Corner panels (graphs): bottom right above the caption, the next
     * one left of it, else above it; where the full size collides,
     * narrower, right of everything on the left. */
    float right = W - pad, stack_top = bottom;
    for (int k = 0; k < npanels; k++) {
        if (panels[k].place != OV_PANEL_CORNER || !ov_panel_shown(st, k))
            continue;
        ov_panel_size want = panels[k].size(st, W, H, small);
        float pw = fminf(want.w, W - 2 * pad), ph = fminf(want.h, bottom - pad);
        ov_box cand[2] = {{right - pw, bottom - ph, pw, ph},
                          {W - pad - pw, stack_top - gap - ph, pw, ph}};
        bool placed = false;
        for (int c = 0; c < 2 && !placed; c++) {
            ov_box b = cand[c];
            if (b.y < pad)
                continue;
            if (collides(lay, b, false) && b.x + b.w > pad) {
                /* Narrower, right of everything on the left. */
                float x = pad;
                for (int i = 0; i < OV_HUD_CAPTION; i++)
                    if (lay->on[i] && lay->box[i].x < b.x + b.w && lay->box[i].y < b.y + b.h &&
                        lay->box[i].y + lay->box[i].h > b.y)
                        x = fmaxf(x, fminf(lay->box[i].x + lay->box[i].w + gap, b.x + b.w));
                b.w = b.x + b.w - x;
                b.x = x;
            }
            if (b.w >= want.min_w && b.h >= want.min_h && !collides(lay, b, false)) {
                lay->box[OV_HUD_PANEL0 + k] = b;
                lay->on[OV_HUD_PANEL0 + k] = true;
                lay->panel_px[k] = small;
                placed = true;
                if (c == 0)
                    right = b.x - gap;
                stack_top = fminf(stack_top, b.y);
            }
        }
    }

    /* The view: the requested rectangle, fitted into the free part. */
    ov_rect c = st->view.rect;
    ov_box f = free_box(lay, c.x1 - c.x0, c.y1 - c.y0);
    lay->free = f;
    float margin = fminf(pad * 1.5f, fminf(f.w, f.h) * 0.05f);
    ov_box in = {f.x + margin, f.y + margin, f.w - 2 * margin, f.h - 2 * margin};
    lay->fit = (ov_view_fit){in.w > 1 && in.h > 1, in.x / W, in.y / H, (in.x + in.w) / W,
                             (in.y + in.h) / H};
    ov_controls_view(st, &lay->fit, width, height, &cache->range, &lay->view);
    place_labels(r, st, lay);
}
