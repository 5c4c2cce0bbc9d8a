/* The scene as an optiviz command line (see share.h). */
#include "share.h"

#include "cli/url.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/rule.h"

typedef struct line {
    char *buf;
    size_t cap, len;
    bool ok;
} line;

static void put(line *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(line *l, const char *fmt, ...)
{
    if (!l->ok)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(l->buf + l->len, l->cap - l->len, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= l->cap - l->len) {
        l->ok = false;
        return;
    }
    l->len += (size_t)n;
}

/* The shortest %g form of v that reads back as v. */
static void number(double v, char *out, size_t cap)
{
    for (int digits = 6; digits <= 17; digits++) {
        snprintf(out, cap, "%.*g", digits, v);
        if (strtod(out, NULL) == v)
            return;
    }
}

/* A word for the shell: as it is when it holds only characters no shell
 * treats specially, else in single quotes (a quote inside as '\''). */
static void word(line *l, const char *w)
{
    bool plain = *w != '\0';
    for (const char *p = w; *p && plain; p++)
        plain = strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.,:=+-/@%",
                       *p) != NULL;
    if (plain) {
        put(l, " %s", w);
        return;
    }
    put(l, " '");
    for (const char *p = w; *p; p++) {
        if (*p == '\'')
            put(l, "'\\''");
        else
            put(l, "%c", *p);
    }
    put(l, "'");
}

/* fn(ctx, name, the shortest form of v). */
static bool emit_number(ov_share_fn fn, void *ctx, const char *name, double v)
{
    char n[40];
    number(v, n, sizeof n);
    return fn(ctx, name, n);
}

static bool emit_pair(ov_share_fn fn, void *ctx, const char *name, double a, double b)
{
    char x[40], y[40], v[84];
    number(a, x, sizeof x);
    number(b, y, sizeof y);
    snprintf(v, sizeof v, "%s,%s", x, y);
    return fn(ctx, name, v);
}

/* The --optimizer spec of run p: its method (or typed rule) with every
 * value it uses. */
static void run_spec(const ov_optim_params *p, char *spec, size_t cap)
{
    const ov_optim_info *info = ov_optim_info_of(p->kind);
    char n[40];
    size_t len;
    if (p->kind == OV_OPT_RULE && p->rule)   /* the typed rule itself */
        len = (size_t)snprintf(spec, cap, "rule{%s}%s%s", p->rule->source,
                               p->rule->name[0] ? ":name=" : "", p->rule->name);
    else
        len = (size_t)snprintf(spec, cap, "%s", info->name);
    number(p->alpha, n, sizeof n);
    len += (size_t)snprintf(spec + len, cap - len, ":alpha=%s", n);
    if (info->uses_beta) {
        number(p->beta, n, sizeof n);
        len += (size_t)snprintf(spec + len, cap - len, ":beta=%s", n);
    }
    if (info->uses_beta2) {
        number(p->beta2, n, sizeof n);
        len += (size_t)snprintf(spec + len, cap - len, ":beta2=%s", n);
    }
    if (info->uses_eps) {
        number(p->eps, n, sizeof n);
        len += (size_t)snprintf(spec + len, cap - len, ":eps=%s", n);
    }
    if (info->uses_wd) {
        number(p->wd, n, sizeof n);
        len += (size_t)snprintf(spec + len, cap - len, ":wd=%s", n);
    }
    if (info->uses_history)
        len += (size_t)snprintf(spec + len, cap - len, ":history=%d", p->history);
    if (p->schedule.given) {
        char sched[96];
        snprintf(spec + len, cap - len, ":schedule=%s",
                 ov_schedule_format(&p->schedule, sched, sizeof sched));
    }
}

/* The shown panels as --panels takes them ("none" for none). */
static void panel_list(const ov_app_state *st, char *buf, size_t cap)
{
    size_t o = 0;
    buf[0] = 0;
    for (int i = 0; ov_config_panel_names[i] && i < OV_PANEL_MAX; i++)
        if (st->ui.panel_on[i] && o < cap)
            o += (size_t)snprintf(buf + o, cap - o, "%s%s", o ? "," : "",
                                  ov_config_panel_names[i]);
    if (o == 0)
        snprintf(buf, cap, "none");
}

/* The options that make a model scene's model (its name, or formula,
 * parameters, data file and loss), its start and its slice. */
static bool model_options(const ov_scene *sc, ov_share_fn fn, void *ctx)
{
    const ov_model *m = sc->model;
    const ov_model_def *def = ov_model_builtin_find(m->name);
    bool ok = fn(ctx, "model", def ? def->name : m->formula);
    char text[OV_MODEL_MAX_PARAMS * 40 + 1];
    if (ok && !def) {
        size_t o = 0;
        text[0] = 0;
        for (int k = 0; k < m->n; k++)
            o += (size_t)snprintf(text + o, sizeof text - o, "%s%s", k ? "," : "",
                                  m->param_names[k]);
        ok = fn(ctx, "params", text);
    }
    if (ok && sc->data_path[0])
        ok = fn(ctx, "data", sc->data_path);
    if (ok && (!def || m->loss != def->loss))
        ok = fn(ctx, "loss", m->loss == OV_MODEL_LOSS_LOGISTIC ? "logistic" : "squared");
    if (ok) {
        size_t o = 0;
        for (int k = 0; k < m->n; k++) {
            char n[40];
            number(sc->start_w[k], n, sizeof n);
            o += (size_t)snprintf(text + o, sizeof text - o, "%s%s", k ? "," : "", n);
        }
        ok = fn(ctx, "init", text);
    }
    if (ok && ov_slice_format(&sc->slice, m->param_name_list, text, sizeof text))
        ok = fn(ctx, "slice", text);
    return ok;
}

bool ov_share_options(const ov_app_state *st, ov_share_fn fn, void *ctx)
{
    const ov_scene *sc = &st->sc.scene;
    const ov_surface *s = sc->surface;
    bool ok;
    if (sc->model) {
        ok = model_options(sc, fn, ctx);
    } else {
        ok = fn(ctx, "surface", s->def ? s->def->name : ov_surface_key(s));
        double v;
        if (ok && ov_surface_get_param(s, "kappa", &v))
            ok = emit_number(fn, ctx, "kappa", v);
        if (ok && ov_surface_get_param(s, "theta", &v))
            ok = emit_number(fn, ctx, "theta", v);
        ok = ok && emit_pair(fn, ctx, "start", sc->start.x, sc->start.y);
    }
    char text[OV_RULE_MAX_SOURCE + 256];
    snprintf(text, sizeof text, "%d", sc->steps);
    ok = ok && fn(ctx, "steps", text);
    for (int i = 0; ok && i < sc->nruns; i++) {
        run_spec(&sc->runs[i].params, text, sizeof text);
        ok = fn(ctx, "optimizer", text);
    }
    if (ok && sc->noise.sigma > 0) {
        snprintf(text, sizeof text, "%llu", (unsigned long long)sc->noise.seed);
        ok = emit_number(fn, ctx, "noise", sc->noise.sigma) && fn(ctx, "seed", text);
    }
    if (ok) {
        char x0[40], x1[40], y0[40], y1[40];
        number(st->view.rect.x0, x0, sizeof x0);
        number(st->view.rect.x1, x1, sizeof x1);
        number(st->view.rect.y0, y0, sizeof y0);
        number(st->view.rect.y1, y1, sizeof y1);
        snprintf(text, sizeof text, "%s,%s,%s,%s", x0, x1, y0, y1);
        ok = fn(ctx, "view", text);
    }
    /* --camera implies --3d. */
    if (ok && st->view.view3d)
        ok = emit_pair(fn, ctx, "camera", st->view.camera.azimuth, st->view.camera.elevation);
    if (ok) {
        panel_list(st, text, sizeof text);
        ok = fn(ctx, "panels", text);
    }
    return ok;
}

/* ov_share_fn: " --name value" onto the command line. */
static bool put_option(void *ctx, const char *name, const char *value)
{
    line *l = ctx;
    put(l, " --%s", name);
    word(l, value);
    return l->ok;
}

bool ov_share_command_line(const ov_app_state *st, char *buf, size_t cap)
{
    line l = {buf, cap, 0, cap > 0};
    if (cap)
        buf[0] = '\0';
    put(&l, "optiviz");
    return ov_share_options(st, put_option, &l) && l.ok;
}

long ov_share_query(const ov_app_state *st, char *out, size_t cap)
{
    char cmd[8192];
    if (!ov_share_command_line(st, cmd, sizeof cmd))
        return -1;
    return ov_url_from_command_line(cmd, out, cap);
}
