/* The rate-map panel (Shift+I): the worst-case linear rate of the targeted
 * run's method (with all runs targeted: momentum, the lecture's) over
 * (log α, β) as a heat map, from core/rate_map.h: bright is fast, dark
 * slow, dark red diverges. On it the rate = 1 boundary (white), the
 * lecture's rule of thumb α/(1−β) = 1 (cyan), the optimum (a star) and
 * every current run of the method at its (α, β) in its colour; under it
 * the optimum's and the targeted run's rate as "steps to shrink the error
 * 10×". On the quadratic the eigenvalues are 1 and κ; elsewhere the
 * Hessian's at the run's shown point ("local"), or the panel says why
 * there is no map. A click on the map sets α and β (input.c). */
#include "panels.h"

#include <math.h>
#include <stdio.h>

#include "core/rate_map.h"
#include "core/theory.h"

/* The beta axis: rows centred on the grid's beta, bottom to top. */
#define BETA_LO (-0.5 * OV_RATE_MAP_BETA_STEP)
#define BETA_HI (1.0 - 0.5 * OV_RATE_MAP_BETA_STEP)
#define LEVELS 48

/* What the map shows on this frame. */
typedef struct rm_model {
    bool ok;
    bool local;           /* eigenvalues of the Hessian at a point */
    char why[200];        /* !ok: what the panel says instead */
    ov_optim_kind kind;
    int run;              /* the run the text line follows, -1: none */
    double lmin, lmax, agd;
    double opt_a, opt_b, opt_r;
} rm_model;

/* The run whose point the local Hessian is taken at and whose numbers the
 * panel reads out: the targeted run, else the first shown run of kind. */
static int model_run(const ov_app_state *st, ov_optim_kind kind)
{
    const ov_scene *sc = &st->sc.scene;
    if (st->sc.target >= 0 && st->sc.target < sc->nruns)
        return st->sc.target;
    for (int i = 0; i < sc->nruns; i++)
        if (sc->runs[i].params.kind == kind && !st->sc.hidden[i])
            return i;
    return -1;
}

static void model_of(const ov_app_state *st, rm_model *m)
{
    const ov_scene *sc = &st->sc.scene;
    *m = (rm_model){.run = -1};
    m->kind = OV_OPT_MOMENTUM;
    if (st->sc.target >= 0 && st->sc.target < sc->nruns)
        m->kind = sc->runs[st->sc.target].params.kind;
    if (!ov_rate_map_covers(m->kind)) {
        snprintf(m->why, sizeof m->why, "the rate map is for gd, momentum and nesterov; "
                 "%s is not a linear iteration (Tab targets another run)",
                 ov_optim_info_of(m->kind)->name);
        return;
    }
    m->run = model_run(st, m->kind);
    if (sc->model) {
        /* A model: the n x n Hessian at the run's shown iterate. */
        const double *w = sc->start_w;
        if (m->run >= 0 && sc->runs[m->run].n > 0 && sc->runs[m->run].w) {
            const ov_run *r = &sc->runs[m->run];
            w = r->w + (size_t)ov_hud_shown_step(r, st->anim.step) * (size_t)r->dim;
        }
        const ov_objective obj = ov_model_objective(sc->model);
        m->local = true;
        m->ok = ov_rate_map_hessian_n(&obj, w, &m->lmin, &m->lmax, m->why, sizeof m->why);
    } else if (ov_theory_surface_eigen(sc->surface, &m->lmin, &m->lmax)) {
        m->ok = true;
    } else {
        ov_vec2 w = sc->start;
        if (m->run >= 0 && sc->runs[m->run].n > 0) {
            const ov_run *r = &sc->runs[m->run];
            int k = ov_hud_shown_step(r, st->anim.step);
            w = (ov_vec2){r->x[k], r->y[k]};
        }
        m->local = true;
        m->ok = ov_rate_map_hessian(sc->surface, w.x, w.y, &m->lmin, &m->lmax, m->why,
                                    sizeof m->why);
    }
    if (m->ok) {
        m->agd = 2.0 / (m->lmin + m->lmax);
        m->ok = ov_rate_map_optimum(m->kind, m->lmin, m->lmax, &m->opt_a, &m->opt_b,
                                    &m->opt_r);
    }
}

ov_panel_size ov_panel_rate_map_size(const ov_app_state *st, float W, float H, float px)
{
    (void)st;
    ov_panel_size s = {fmaxf(W * 0.4f, px * 24), fmaxf(H * 0.42f, px * 13), px * 14, px * 9};
    return s;
}

ov_box ov_panel_rate_map_area(ov_box b, float px)
{
    float pad = px * 0.5f;
    ov_box a = {b.x + px * 2.6f, b.y + px * 1.5f, 0, 0};
    a.w = b.x + b.w - pad - a.x;
    a.h = b.y + b.h - px * 5.7f - a.y;
    if (a.w < 1)
        a.w = 1;
    if (a.h < 1)
        a.h = 1;
    return a;
}

/* Fractions across (u, left to right) and up (v, top to bottom) the area
 * of alpha and beta, and back. */
static double u_of_alpha(const rm_model *m, double alpha)
{
    return ov_rate_map_column(m->agd, alpha) / (OV_RATE_MAP_NALPHA - 1);
}

static double v_of_beta(double beta)
{
    return 1.0 - (beta - BETA_LO) / (BETA_HI - BETA_LO);
}

bool ov_panel_rate_map_pick(const ov_app_state *st, double u, double v, ov_optim_kind *kind,
                            double *alpha, double *beta)
{
    rm_model m;
    model_of(st, &m);
    if (!m.ok || !(u >= 0 && u <= 1 && v >= 0 && v <= 1))
        return false;
    *kind = m.kind;
    *alpha = ov_rate_map_alpha(m.agd, u * (OV_RATE_MAP_NALPHA - 1));
    double b = BETA_LO + (1.0 - v) * (BETA_HI - BETA_LO);
    *beta = m.kind == OV_OPT_GD ? 0.0 : fmin(fmax(b, 0.0), OV_RATE_MAP_BETA_STEP * 39);
    return true;
}

/* The colour of a rate: LEVELS steps from dark blue (1 − rate 1000 times
 * the optimum's) through teal to yellow (the optimum); dark red from 1 on. */
static int level_of(double rate, double opt_rate)
{
    if (!(rate < 1.0))
        return -1;
    double t = 1.0 + (log10(1.0 - rate) - log10(1.0 - opt_rate)) / 3.0;
    t = fmin(fmax(t, 0.0), 1.0);
    return (int)lround(t * (LEVELS - 1));
}

static ov_rgba level_colour(int level)
{
    if (level < 0)
        return (ov_rgba){0.30f, 0.04f, 0.06f, 1.0f};
    static const float stops[3][3] = {{0.07f, 0.08f, 0.28f}, {0.10f, 0.55f, 0.55f},
                                      {0.99f, 0.90f, 0.20f}};
    float t = (float)level / (LEVELS - 1) * 2.0f;
    int i = t >= 1.0f ? 1 : 0;
    float f = t - (float)i;
    return (ov_rgba){stops[i][0] + (stops[i + 1][0] - stops[i][0]) * f,
                     stops[i][1] + (stops[i + 1][1] - stops[i][1]) * f,
                     stops[i][2] + (stops[i + 1][2] - stops[i][2]) * f, 1.0f};
}

/* The heat map: one column per pixel (at most the grid's 400), the grid's
 * rows, neighbouring cells of one colour drawn as one rectangle. */
static void draw_heat(ov_renderer *r, const rm_model *m, ov_box a)
{
    int cols = (int)fminf(a.w, (float)OV_RATE_MAP_NALPHA);
    cols = cols < 2 ? 2 : cols;
    int rows = ov_rate_map_rows(m->kind);
    double alphas[OV_RATE_MAP_NALPHA];
    for (int c = 0; c < cols; c++)
        alphas[c] = ov_rate_map_alpha(m->agd, (c + 0.5) / cols * (OV_RATE_MAP_NALPHA - 1));
    for (int j = 0; j < rows; j++) {
        double beta = ov_rate_map_beta(j);
        float yt = a.y, yb = a.y + a.h;
        if (rows > 1) {
            yt = a.y + (float)v_of_beta(beta + 0.5 * OV_RATE_MAP_BETA_STEP) * a.h;
            yb = a.y + (float)v_of_beta(beta - 0.5 * OV_RATE_MAP_BETA_STEP) * a.h;
        }
        int start = 0, level = 0;
        for (int c = 0; c <= cols; c++) {
            int lv = 0;
            if (c < cols) {
                lv = level_of(ov_rate_map_rate(m->kind, alphas[c], beta, m->lmin, m->lmax),
                              m->opt_r);
            }
            if (c == cols || (c > start && lv != level)) {
                float x0 = a.x + a.w * start / cols, x1 = a.x + a.w * c / cols;
                ov_renderer_rect(r, x0, yt, x1 - x0 + 0.5f, yb - yt, level_colour(level));
                start = c;
            }
            level = lv;
        }
    }
}

/* A curve alpha(beta) across the map, drawn where it lies inside. */
static void draw_curve(ov_renderer *r, const rm_model *m, ov_box a, int which, float width,
                       ov_rgba c)
{
    const int n = 96;
    float px0 = 0, py0 = 0;
    bool prev = false;
    for (int s = 0; s <= n; s++) {
        double beta = m->kind == OV_OPT_GD ? 0.0 : BETA_LO + (BETA_HI - BETA_LO) * s / n;
        double alpha = which == 0 ? ov_rate_map_edge(m->kind, beta, m->lmax) : 1.0 - beta;
        double u = u_of_alpha(m, alpha);
        double v = m->kind == OV_OPT_GD ? (double)s / n : v_of_beta(beta);
        bool in = isfinite(u) && u >= 0 && u <= 1;
        float x = a.x + (float)u * a.w, y = a.y + (float)v * a.h;
        if (in && prev)
            ov_renderer_line(r, px0, py0, x, y, width, c);
        px0 = x;
        py0 = y;
        prev = in;
    }
}

/* The point (alpha, beta) on the map, clamped to its edges. */
static void map_point(const rm_model *m, ov_box a, double alpha, double beta, float *x, float *y)
{
    double u = fmin(fmax(u_of_alpha(m, alpha), 0.0), 1.0);
    double v = m->kind == OV_OPT_GD ? 0.5 : fmin(fmax(v_of_beta(beta), 0.0), 1.0);
    *x = a.x + (float)(u * a.w);
    *y = a.y + (float)(v * a.h);
}

/* "11.5 (rate 0.818)", under the heading "steps to shrink the error 10x" */
static void rate_words(double rate, char *buf, size_t cap)
{
    double s = ov_rate_map_steps10(rate);
    /* Enough digits that a rate just under 1 does not read as 1. */
    int digits = 3;
    if (rate < 1.0 && rate > 0.99)
        digits = (int)fmin(12.0, ceil(-log10(1.0 - rate)) + 2.0);
    if (!(rate < 1.0))
        snprintf(buf, cap, "never: the error grows (rate %.3g)", rate);
    else
        snprintf(buf, cap, "%.3g (rate %.*g)", s, digits, rate);
}

static void text_line(ov_renderer *r, ov_box b, float px, float y, ov_rgba c, const char *text)
{
    char shown[192];
    float pad = px * 0.5f;
    snprintf(shown, sizeof shown, "%s", text);
    ov_hud_ellipsize(r, px, shown, b.w - 2 * pad);
    ov_renderer_text(r, b.x + pad, y, px, c, OV_ALIGN_LEFT, shown);
}

static void draw_axes(ov_renderer *r, const ov_hud_style *sty, const rm_model *m, ov_box a)
{
    float px = sty->px;
    /* alpha: the decades inside the axis. */
    double lo = log10(ov_rate_map_alpha(m->agd, 0)), hi = log10(ov_rate_map_alpha(m->agd, 399));
    for (int d = (int)ceil(lo); d <= (int)floor(hi); d++) {
        float x = a.x + (float)((d - lo) / (hi - lo)) * a.w;
        char lab[16];
        snprintf(lab, sizeof lab, "%g", pow(10.0, d));
        ov_renderer_line(r, x, a.y + a.h, x, a.y + a.h + px * 0.3f, 1.0f, sty->dim);
        ov_renderer_text(r, x, a.y + a.h + px * 0.3f, px * 0.85f, sty->dim, OV_ALIGN_CENTER,
                         lab);
    }
    ov_renderer_text(r, a.x - px * 0.3f, a.y + a.h + px * 0.3f, px * 0.85f, sty->text,
                     OV_ALIGN_RIGHT, "\xce\xb1");
    if (m->kind == OV_OPT_GD) {
        ov_renderer_text(r, a.x - px * 0.3f, a.y + a.h * 0.5f - px * 0.5f, px * 0.85f,
                         sty->dim, OV_ALIGN_RIGHT, "\xce\xb2=0");
        return;
    }
    static const double ticks[] = {0.0, 0.5, 0.9};
    for (int i = 0; i < 3; i++) {
        float y = a.y + (float)v_of_beta(ticks[i]) * a.h;
        char lab[16];
        snprintf(lab, sizeof lab, "%g", ticks[i]);
        ov_renderer_text(r, a.x - px * 0.3f, y - px * 0.45f, px * 0.85f, sty->dim,
                         OV_ALIGN_RIGHT, lab);
    }
    ov_renderer_text(r, a.x - px * 0.3f, a.y + (float)v_of_beta(0.25) * a.h - px * 0.45f,
                     px * 0.85f, sty->text, OV_ALIGN_RIGHT, "\xce\xb2");
}

void ov_panel_rate_map(ov_renderer *r, const ov_app_state *st, const ov_hud_style *sty, ov_box b)
{
    float px = sty->px, pad = px * 0.5f;
    ov_renderer_rect(r, b.x, b.y, b.w, b.h, sty->panel);
    rm_model m;
    model_of(st, &m);
    char line[192];
    const char *name = ov_optim_info_of(m.kind)->name;
    if (m.ok)
        snprintf(line, sizeof line, "%s's rate%s, \xce\xba = %.4g", name,
                 m.local                ? " (local Hessian)"
                 : m.kind == OV_OPT_GD ? " over \xce\xb1"
                                       : " over (\xce\xb1, \xce\xb2)",
                 m.lmax / m.lmin);
    else
        snprintf(line, sizeof line, "rate map (%s)", name);
    text_line(r, b, px, b.y + pad * 0.3f, sty->text, line);
    if (!m.ok) {
        char lines[4][192];
        int n = ov_hud_wrap(r, px, m.why, b.w - 2 * pad, lines, 4);
        for (int i = 0; i < n; i++)
            ov_renderer_text(r, b.x + pad, b.y + px * (1.6f + 1.2f * i), px, sty->dim,
                             OV_ALIGN_LEFT, lines[i]);
        return;
    }
    ov_box a = ov_panel_rate_map_area(b, px);
    draw_heat(r, &m, a);
    draw_curve(r, &m, a, 1, px * 0.12f, (ov_rgba){0.45f, 0.95f, 1.0f, 1.0f});
    draw_curve(r, &m, a, 0, px * 0.16f, (ov_rgba){1.0f, 1.0f, 1.0f, 1.0f});
    draw_axes(r, sty, &m, a);
    float x, y;
    map_point(&m, a, m.opt_a, m.opt_b, &x, &y);
    ov_renderer_marker(r, x, y, px * 0.5f, OV_MARK_STAR, (ov_rgba){1, 1, 1, 1}, px * 0.1f,
                       (ov_rgba){0, 0, 0, 1});
    const ov_scene *sc = &st->sc.scene;
    for (int i = 0; i < sc->nruns; i++) {
        const ov_optim_params *p = &sc->runs[i].params;
        if (p->kind != m.kind || st->sc.hidden[i])
            continue;
        map_point(&m, a, p->alpha, p->beta, &x, &y);
        ov_renderer_marker(r, x, y, px * (i == m.run ? 0.42f : 0.32f), OV_MARK_CIRCLE,
                           ov_hud_run_color(st, i), px * 0.1f, (ov_rgba){0, 0, 0, 1});
    }
    /* The numbers, as a teacher reads them. */
    float ty = a.y + a.h + px * 1.3f;
    text_line(r, b, px * 0.9f, ty, sty->text, "steps to shrink the error 10\xc3\x97:");
    ty += px * 1.1f;
    char words[128];
    rate_words(m.opt_r, words, sizeof words);
    snprintf(line, sizeof line, "\xe2\x98\x85 optimum: %s", words);
    text_line(r, b, px * 0.9f, ty, sty->text, line);
    if (m.run >= 0 && sc->runs[m.run].params.kind == m.kind) {
        const ov_optim_params *p = &sc->runs[m.run].params;
        rate_words(ov_rate_map_rate(m.kind, p->alpha, p->beta, m.lmin, m.lmax), words,
                   sizeof words);
        snprintf(line, sizeof line, "\xe2\x97\x8f %s: %s", name, words);
        text_line(r, b, px * 0.9f, ty + px * 1.1f, ov_hud_text_colour(ov_hud_run_color(st, m.run)),
                  line);
    }
    text_line(r, b, px * 0.85f, ty + px * 2.2f, sty->dim,
              "white: rate 1, cyan: \xce\xb1/(1\xe2\x88\x92\xce\xb2) = 1; click: set "
              "\xce\xb1, \xce\xb2");
}
