/* The HUD's words and colours, shared by the layout, the panels and the
 * drawing (the bottom of the HUD's modules: it calls none of them): text
 * cut or wrapped to a width, the run list's title and lines, a run's
 * colour, and how long a message stays. See hud_text.h. */
#include "hud_text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/rule.h"


double ov_hud_still_for(const ov_app_state *st)
{
    if (!st->ui.message[0] || st->ui.message_age >= MESSAGE_SHOWN + MESSAGE_FADE)
        return INFINITY;
    return st->ui.message_age < MESSAGE_SHOWN ? MESSAGE_SHOWN - st->ui.message_age : 0.0;
}

ov_rgba ov_hud_run_color(const ov_app_state *st, int i)
{
    return ov_method_color(st->sc.scene.runs[i].params.kind, st->sc.shade[i]);
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

void ov_hud_title(const ov_app_state *st, char *buf, size_t cap)
{
    char params[96];
    param_text(&st->sc.scene, params, sizeof params);
    snprintf(buf, cap, "%s%s", st->sc.scene.surface->name, params);
}

void ov_hud_run_line(const ov_app_state *st, int i, char *buf, size_t cap)
{
    const ov_run *r = &st->sc.scene.runs[i];
    const ov_optim_info *info = ov_optim_info_of(r->params.kind);
    char name[64];
    ov_optim_run_name(&r->params, name, sizeof name);
    int step = ov_hud_shown_step(r, st->anim.step);
    char beta[32] = "", alpha[32] = "";
    if (info->uses_beta)
        snprintf(beta, sizeof beta, "  \xce\xb2 = %.3g", r->params.beta);
    if (!info->no_alpha && ov_schedule_varies(&r->params.schedule))   /* base→now */
        snprintf(alpha, sizeof alpha, "  \xce\xb1 = %.3g\xe2\x86\x92%.3g", r->params.alpha,
                 ov_schedule_alpha(&r->params.schedule, r->params.alpha, step));
    else if (!info->no_alpha)   /* nelder-mead has no step size */
        snprintf(alpha, sizeof alpha, "  \xce\xb1 = %.3g", r->params.alpha);
    if (r->n < 1)
        snprintf(buf, cap, "%s: the loss is not finite at the start point", name);
    else if (st->sc.hidden[i])
        snprintf(buf, cap, "%s%s%s   hidden (S shows it)", name, alpha, beta);
    else if (r->diverged && st->anim.step >= r->diverged_step - 1)
        snprintf(buf, cap, "%s%s%s   diverged at step %d", name, alpha, beta,
                 r->diverged_step);
    else if (r->params.kind == OV_OPT_NELDER_MEAD && r->evals)
        /* Its steps are not gradient steps: the loss evaluations they took. */
        snprintf(buf, cap, "%s%s%s   step %d (%d evaluations)   L = %.4g", name, alpha, beta,
                 step, r->evals[step], r->loss[step]);
    else
        snprintf(buf, cap, "%s%s%s   step %d   L = %.4g", name, alpha, beta, step,
                 r->loss[step]);
    /* A typed rule shows its text, cut at 40 characters (rules are ASCII). */
    if (r->params.kind == OV_OPT_RULE && r->params.rule && r->n >= 1) {
        const char *src = r->params.rule->source;
        size_t len = strlen(buf);
        snprintf(buf + len, cap > len ? cap - len : 0, "   %.*s%s", 40, src,
                 strlen(src) > 40 ? "\xe2\x80\xa6" : "");
    }
}

/* A run colour for text on the dark panels: the darker shades lifted
 * towards white until they read (relative luminance at least 0.18). */
ov_rgba ov_hud_text_colour(ov_rgba c)
{
    for (int i = 0; i < 6; i++) {
        double y = 0.2126 * pow(c.r, 2.2) + 0.7152 * pow(c.g, 2.2) + 0.0722 * pow(c.b, 2.2);
        if (y >= 0.18)
            break;
        c.r += (1.0f - c.r) * 0.25f;
        c.g += (1.0f - c.g) * 0.25f;
        c.b += (1.0f - c.b) * 0.25f;
    }
    return c;
}

static float text_w(ov_renderer *r, float size, const char *s)
{
    float w = 0, h = 0;
    ov_renderer_text_size(r, size, s, &w, &h);
    return w;
}

void ov_hud_ellipsize(ov_renderer *r, float size, char *text, float max_w)
{
    if (text_w(r, size, text) <= max_w)
        return;
    /* The result is never longer in bytes than the text (the buffer holds
     * that much): a prefix of at most len - 3 bytes that ends before a
     * character's first byte (no UTF-8 character is cut), and the 3-byte
     * "…". Tried in a buffer of the text's own length, whatever it is. */
    size_t len = strlen(text), n = len;
    char *tmp = malloc(len + 1);
    if (!tmp) {
        text[0] = '\0';
        return;
    }
    while (n > 0) {
        n--;
        while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
            n--;
        if (n + 3 > len)
            continue;
        memcpy(tmp, text, n);
        memcpy(tmp + n, "\xe2\x80\xa6", 4);
        if (text_w(r, size, tmp) <= max_w || n == 0) {
            memcpy(text, tmp, n + 4);
            free(tmp);
            return;
        }
    }
    free(tmp);
    text[0] = '\0';
}

int ov_hud_wrap(ov_renderer *r, float size, const char *text, float max_w, char (*lines)[192],
                int max_lines)
{
    int n = 0;
    const char *p = text;
    while (*p && n < max_lines) {
        while (*p == ' ')
            p++;
        size_t best = 0, len = strlen(p);
        for (size_t i = 1; i <= len; i++) {
            if (p[i] != ' ' && p[i] != '\0')
                continue;
            char tmp[192];
            snprintf(tmp, sizeof tmp, "%.*s", (int)i, p);
            if (text_w(r, size, tmp) <= max_w || best == 0)
                best = i;
            if (text_w(r, size, tmp) > max_w)
                break;
        }
        if (n == max_lines - 1)
            best = len;
        snprintf(lines[n], sizeof lines[n], "%.*s", (int)best, p);
        ov_hud_ellipsize(r, size, lines[n], max_w);
        n++;
        p += best;
    }
    return n;
}

int ov_hud_shown_step(const ov_run *r, double anim)
{
    int s = (int)floor(anim);
    if (s > r->n - 1)
        s = r->n - 1;
    return s < 0 ? 0 : s;
}

