/* HUD layout for one frame. All sizes derive from the frame height so a 4K
 * export looks like a 720p window, only sharper. See hud.h. */
#include "hud.h"

#include "actions.h"
#include "panels.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Panel and text colours; projector mode makes panels opaque and text white. */
typedef struct hud_theme {
    ov_rgba panel, text, dim;
} hud_theme;

static const hud_theme NORMAL = {{0.04f, 0.05f, 0.08f, 0.72f},
                                 {0.96f, 0.96f, 0.96f, 1.0f},
                                 {0.78f, 0.80f, 0.84f, 1.0f}};
static const hud_theme PROJECTOR = {{0.0f, 0.0f, 0.0f, 0.92f},
                                    {1.0f, 1.0f, 1.0f, 1.0f},
                                    {0.95f, 0.95f, 0.95f, 1.0f}};

static const hud_theme *theme_of(const ov_app_state *st)
{
    return st->projector ? &PROJECTOR : &NORMAL;
}

float ov_hud_text_px(int height, float ui_scale)
{
    float px = (float)height / 34.0f;
    if (px < 13.0f)
        px = 13.0f;
    return px * (ui_scale > 0 ? ui_scale : 1.0f);
}



/* "κ = 10   θ = 30°" for surfaces with those parameters, then the
 * gradient noise "noise σ = 0.5" when there is some; else "". */
static void param_text(const ov_scene *sc, char *buf, size_t cap)
{
    const ov_surface *s = sc->surface;
    double k, t;
    buf[0] = '\0';
    size_t len = 0;
    if (ov_surface_get_param(s, "kappa", &k))
        len += (size_t)snprintf(buf + len, cap - len, "   \xce\xba = %.4g", k);
    if (len < cap && ov_surface_get_param(s, "theta", &t))
        len += (size_t)snprintf(buf + len, cap - len, "   \xce\xb8 = %.0f\xc2\xb0", t);
    if (len < cap && sc->noise.sigma > 0)
        snprintf(buf + len, cap - len, "   noise \xcf\x83 = %.3g", sc->noise.sigma);
}

void ov_hud_run_line(const ov_app_state *st, int i, char *buf, size_t cap)
{
    const ov_run *r = &st->scene.runs[i];
    const ov_optim_info *info = ov_optim_info_of(r->params.kind);
    int step = ov_panel_shown_step(r, st->anim_step);
    char beta[32] = "";
    if (info->uses_beta)
        snprintf(beta, sizeof beta, "  \xce\xb2 = %.3g", r->params.beta);
    if (r->n < 1)
        snprintf(buf, cap, "%s: the loss is not finite at the start point", info->name);
    else if (r->diverged && st->anim_step >= r->diverged_step - 1)
        snprintf(buf, cap, "%s  \xce\xb1 = %.3g%s   diverged at step %d", info->name,
                 r->params.alpha, beta, r->diverged_step);
    else
        snprintf(buf, cap, "%s  \xce\xb1 = %.3g%s   step %d   L = %.4g", info->name,
                 r->params.alpha, beta, step, r->loss[step]);
}

/* Returns the panel's bottom edge. */
static float draw_info_panel(ov_renderer *r, const ov_app_state *st, float px)
{
    const hud_theme *th = theme_of(st);
    const ov_surface *s = st->scene.surface;
    char title[256], params[96], lines[OV_MAX_RUNS][192];
    float pad = px * 0.6f, big = px * 1.25f, small = px * 0.8f;
    param_text(&st->scene, params, sizeof params);
    snprintf(title, sizeof title, "%s%s", s->name, params);
    const char *sub = s->def ? s->def->summary : ov_expr_source(s->expr);
    char subline[160];
    snprintf(subline, sizeof subline, "%s%s", s->def ? "" : "L = ", sub);
    int W, H;
    ov_renderer_size(r, &W, &H);
    /* The formula line is the widest; it shrinks before the panel covers
     * more than about half of a small frame. */
    small = ov_hud_fit_size(r, small, subline, (float)W * 0.55f);

    float w, h, maxw = 0;
    ov_renderer_text_size(r, big, title, &w, &h);
    maxw = w;
    ov_renderer_text_size(r, small, subline, &w, &h);
    if (w > maxw)
        maxw = w;
    for (int i = 0; i < st->scene.nruns; i++) {
        ov_hud_run_line(st, i, lines[i], sizeof lines[i]);
        ov_renderer_text_size(r, px, lines[i], &w, &h);
        if (w + px * 1.6f > maxw)
            maxw = w + px * 1.6f;
    }
    float line = px * 1.35f;
    float height = pad * 2 + big * 1.3f + small * 1.4f + line * (float)st->scene.nruns;
    ov_renderer_rect(r, pad, pad, maxw + pad * 2, height, th->panel);

    float x = pad * 2, y = pad * 2;
    ov_renderer_text(r, x, y, big, th->text, OV_ALIGN_LEFT, title);
    y += big * 1.3f;
    ov_renderer_text(r, x, y, small, th->dim, OV_ALIGN_LEFT, subline);
    y += small * 1.4f;
    for (int i = 0; i < st->scene.nruns; i++) {
        ov_rgba c = ov_run_color(i);
        bool on = st->target < 0 || st->target == i;
        float sw = px * 0.7f;
        /* Colour swatch doubles as the legend entry for this run. */
        ov_renderer_rect(r, x, y + (px - sw) * 0.6f, sw, sw, c);
        if (st->target == i)
            ov_renderer_text(r, x - px * 0.9f, y, px, th->text, OV_ALIGN_LEFT, "\xe2\x96\xb6");
        ov_rgba tc = c;
        if (!on)
            tc.a = 0.55f;
        ov_renderer_text(r, x + px * 1.1f, y, px, tc, OV_ALIGN_LEFT, lines[i]);
        y += line;
    }
    return pad + height;
}

static void draw_status(ov_renderer *r, const ov_app_state *st, int W, int H, float px)
{
    const hud_theme *th = theme_of(st);
    char buf[256];
    float small = px * 0.8f, pad = px * 0.6f, w, h;
    int last = ov_controls_last_step(st);
    double shown = floor(st->anim_step);
    snprintf(buf, sizeof buf, "step %.0f / %d   %s%.3g steps/s   keys: %s   H: help",
             shown > last ? (double)last : shown, last, st->paused ? "paused   " : "",
             st->speed,
             st->target < 0 ? "all runs"
                            : ov_optim_info_of(st->scene.runs[st->target].params.kind)->name);
    ov_renderer_text_size(r, small, buf, &w, &h);
    ov_renderer_rect(r, pad, (float)H - pad - h - pad, w + 2 * pad, h + pad, th->panel);
    ov_renderer_text(r, pad * 2, (float)H - pad - h - pad * 0.5f, small, th->dim, OV_ALIGN_LEFT, buf);

    const char *legend = "\xe2\x98\x85 minimum   \xe2\x97\x8f iterate   \xe2\x9c\x95 diverged";
    ov_renderer_text_size(r, small, legend, &w, &h);
    ov_renderer_rect(r, (float)W - w - pad * 3, (float)H - pad - h - pad, w + 2 * pad, h + pad,
                     th->panel);
    ov_renderer_text(r, (float)W - pad * 2, (float)H - pad - h - pad * 0.5f, small, th->dim,
                     OV_ALIGN_RIGHT, legend);

    if (st->message[0] && st->message_age < 3.0) {
        float a = st->message_age < 2.0 ? 1.0f : (float)(3.0 - st->message_age);
        ov_renderer_text_size(r, px, st->message, &w, &h);
        ov_rgba bg = th->panel, fg = th->text;
        bg.a *= a;
        fg.a = a;
        ov_renderer_rect(r, (float)W - w - pad * 3, pad, w + 2 * pad, h + pad, bg);
        ov_renderer_text(r, (float)W - pad * 2, pad * 1.5f, px, fg, OV_ALIGN_RIGHT, st->message);
    }
}

/* The help overlay's rows: the action table's rows with a key column. */
static int help_rows(const char *rows[][2], int cap)
{
    int n, count = 0;
    const ov_binding *b = ov_bindings(&n);
    for (int i = 0; i < n && count < cap; i++)
        if (b[i].keys) {
            rows[count][0] = b[i].keys;
            rows[count][1] = b[i].help;
            count++;
        }
    return count;
}

static void draw_help(ov_renderer *r, const hud_theme *th, int W, int H, float px)
{
    const char *HELP[96][2];
    int n = help_rows(HELP, 96);
    float w, h;
    /* One column when it fits the frame's height, else two side by side. */
    int cols = px * 1.4f * (float)(n + 2) > (float)H * 0.92f ? 2 : 1;
    int per = (n + cols - 1) / cols;
    float keyw[2], actw[2];
    for (int pass = 0; pass < 2; pass++) {
        keyw[0] = keyw[1] = actw[0] = actw[1] = 0;
        for (int i = 0; i < n; i++) {
            int c = i / per;
            ov_renderer_text_size(r, px, HELP[i][0], &w, &h);
            keyw[c] = w > keyw[c] ? w : keyw[c];
            ov_renderer_text_size(r, px, HELP[i][1], &w, &h);
            actw[c] = w > actw[c] ? w : actw[c];
        }
        /* Too wide or too tall for the frame: smaller text, measured again. */
        float total = keyw[0] + actw[0] + keyw[1] + actw[1] + px * (cols == 2 ? 7 : 4);
        float fit = fminf((float)W * 0.96f / total, (float)H * 0.94f / (px * 1.4f * (float)(per + 2)));
        if (pass == 1 || fit >= 1.0f)
            break;
        px = floorf(px * fit);
    }
    float line = px * 1.4f;
    float colw[2] = {keyw[0] + actw[0] + px * 3, keyw[1] + actw[1] + px * 3};
    float pw = colw[0] + (cols == 2 ? colw[1] : 0) + px, ph = line * (float)(per + 2);
    float x0 = ((float)W - pw) / 2, y0 = ((float)H - ph) / 2;
    ov_rgba bg = th->panel;
    bg.a = 0.9f;
    ov_renderer_rect(r, x0, y0, pw, ph, bg);
    ov_renderer_text(r, (float)W / 2, y0 + px * 0.5f, px * 1.2f, th->text, OV_ALIGN_CENTER,
                     "optiviz controls");
    for (int i = 0; i < n; i++) {
        int c = i / per;
        float cx = x0 + px + (c ? colw[0] : 0);
        float y = y0 + line * (float)(i - c * per + 1.5f);
        ov_renderer_text(r, cx + keyw[c], y, px, th->text, OV_ALIGN_RIGHT, HELP[i][0]);
        ov_renderer_text(r, cx + keyw[c] + px, y, px, th->dim, OV_ALIGN_LEFT, HELP[i][1]);
    }
}

/* The preset's caption, centred above the status line. */
static void draw_caption(ov_renderer *r, const ov_app_state *st, int W, int H, float px)
{
    if (!st->caption[0])
        return;
    const hud_theme *th = theme_of(st);
    float pad = px * 0.6f, w, h;
    float size = ov_hud_fit_size(r, px * 1.1f, st->caption, (float)W - 4 * pad);
    ov_renderer_text_size(r, size, st->caption, &w, &h);
    float y = (float)H - px * 2.6f - h - pad;
    ov_renderer_rect(r, ((float)W - w) / 2 - pad, y - pad * 0.5f, w + 2 * pad, h + pad, th->panel);
    ov_renderer_text(r, (float)W / 2, y, size, th->text, OV_ALIGN_CENTER, st->caption);
}

/* The step taken apart: the equation drawn (or why nothing is), centred
 * above the preset's caption. */
static void draw_explain_caption(ov_renderer *r, const ov_app_state *st, const ov_explain *x,
                                 int W, int H, float px)
{
    const hud_theme *th = theme_of(st);
    char text[320];
    const ov_run *run = &st->scene.runs[ov_controls_explain_run(st)];
    if (x->valid)
        snprintf(text, sizeof text, "%s", x->caption);
    else
        snprintf(text, sizeof text, "%s, step %d: %s", ov_optim_info_of(run->params.kind)->name,
                 x->step, x->why);
    float pad = px * 0.6f, w, h;
    float size = ov_hud_fit_size(r, px * 0.95f, text, (float)W - 4 * pad);
    ov_renderer_text_size(r, size, text, &w, &h);
    float y = (float)H - px * 2.6f - h - pad - (st->caption[0] ? px * 2.4f : 0.0f);
    ov_rgba bg = th->panel;
    bg.a = 0.85f;
    ov_renderer_rect(r, ((float)W - w) / 2 - pad, y - pad * 0.5f, w + 2 * pad, h + pad, bg);
    ov_renderer_text(r, (float)W / 2, y, size, th->text, OV_ALIGN_CENTER, text);
}

/* The formula field: the text with a caret, and the parse error under the
 * column it names. */
static void draw_formula_field(ov_renderer *r, const ov_app_state *st, int W, int H, float px)
{
    const hud_theme *th = theme_of(st);
    static const ov_rgba ERR = {1.0f, 0.55f, 0.45f, 1.0f};
    float pad = px * 0.7f, size = px * 1.1f, w, h;
    const char *label = "L(x, y) = ";
    float lw, x0 = (float)W * 0.08f, width = (float)W * 0.84f;
    ov_renderer_text_size(r, size, label, &lw, &h);
    float y0 = (float)H * 0.38f, ph = size * 1.5f + px * 3.2f;
    ov_rgba bg = th->panel;
    bg.a = 0.94f;
    ov_renderer_rect(r, x0, y0, width, ph, bg);
    ov_renderer_text(r, x0 + pad, y0 + pad, px * 0.8f, th->dim, OV_ALIGN_LEFT,
                     "Type a loss in x and y (+ - * / ^, exp log sqrt sin cos tan tanh abs, pi, e)."
                     "  Enter applies, Esc cancels, Ctrl+A selects all, Ctrl+U clears.");
    float ty = y0 + pad + px * 1.3f;
    ov_renderer_text(r, x0 + pad, ty, size, th->dim, OV_ALIGN_LEFT, label);
    float tx = x0 + pad + lw;
    ov_renderer_text(r, tx, ty, size, th->text, OV_ALIGN_LEFT, st->edit_text);
    /* Caret: width of the text before it. */
    char before[OV_EXPR_MAX_SOURCE + 1];
    snprintf(before, sizeof before, "%.*s", st->edit_caret, st->edit_text);
    ov_renderer_text_size(r, size, before, &w, &h);
    ov_renderer_rect(r, tx + w, ty, px * 0.12f, size * 1.15f, th->text);
    if (st->edit_error[0]) {
        int col = st->edit_error_column > 0 ? st->edit_error_column - 1 : 0;
        snprintf(before, sizeof before, "%.*s", col, st->edit_text);
        ov_renderer_text_size(r, size, before, &w, &h);
        float ey = ty + size * 1.25f;
        ov_renderer_text(r, tx + w, ey, size, ERR, OV_ALIGN_LEFT, "\xe2\x86\x91");
        char msg[200];
        snprintf(msg, sizeof msg, "column %d: %s", st->edit_error_column, st->edit_error);
        ov_renderer_text(r, tx + w + size, ey + size * 0.15f, px * 0.85f, ERR, OV_ALIGN_LEFT, msg);
    }
}

/* A window export in progress: what is written, a bar filling with its
 * frames, and how to cancel it, centred above the status line. */
static void draw_export_progress(ov_renderer *r, const ov_app_state *st, int W, int H, float px)
{
    const hud_theme *th = theme_of(st);
    static const ov_rgba BAR = {0.34f, 0.71f, 0.91f, 1.0f};   /* sky blue */
    char buf[160];
    int total = st->export_total > 0 ? st->export_total : 1;
    int done = st->export_done < 0 ? 0 : st->export_done > total ? total : st->export_done;
    snprintf(buf, sizeof buf, "writing %s: frame %d of %d   Esc cancels",
             st->export_kind ? st->export_kind : "", done, total);
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

void ov_hud_draw_frame(ov_renderer *r, ov_app_state *st)
{
    float ui_scale = ov_controls_ui_scale(st);
    int W, H;
    ov_renderer_size(r, &W, &H);
    ov_view view;
    ov_controls_view(st, W, H, &view);
    ov_frame_desc desc;
    memset(&desc, 0, sizeof desc);
    desc.scene = &st->scene;
    desc.view = &view;
    desc.anim_step = st->anim_step;
    desc.target_run = st->target;
    desc.ui_scale = ui_scale;   /* the renderer scales by H / 720 */
    desc.ghosts = st->ghosts_on ? st->ghosts : NULL;
    desc.nghosts = st->ghosts_on ? st->nghosts : 0;
    desc.high_contrast = st->projector;
    const ov_explain *explain = st->explain_on ? ov_controls_explanation(st) : NULL;
    desc.explain = explain;
    desc.explain_run = ov_controls_explain_run(st);
    ov_renderer_begin(r, &desc);
    float px = ov_hud_text_px(H, ui_scale);
    const hud_theme *th = theme_of(st);
    ov_hud_style sty = {th->panel, th->text, th->dim, px};
    /* Panels stack down the left edge under the run list. */
    float below = draw_info_panel(r, st, px);
    if (st->show_theory)
        below = ov_panel_theory(r, st, &sty, below + px * 0.4f);
    if (st->show_curvature)
        ov_panel_curvature(r, st, &sty, &view, below + px * 0.4f);
    if (st->show_loss) {
        /* Above the legend, and above the caption when there is one. */
        float bottom = (float)H - px * 2.6f - (st->caption[0] ? px * 2.4f : 0.0f);
        ov_panel_loss(r, st, &sty, W, H, bottom);
    }
    draw_status(r, st, W, H, px);
    draw_caption(r, st, W, H, px);
    if (explain)
        draw_explain_caption(r, st, explain, W, H, px);
    if (st->editing)
        draw_formula_field(r, st, W, H, px);
    if (st->show_help)
        draw_help(r, theme_of(st), W, H, px);
    if (st->exporting)
        draw_export_progress(r, st, W, H, px);
    ov_renderer_end(r);
}
