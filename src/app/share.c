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

/* " --opt value" with value a number. */
static void option_number(line *l, const char *opt, double v)
{
    char n[40];
    number(v, n, sizeof n);
    put(l, " %s %s", opt, n);
}

static void option_pair(line *l, const char *opt, double a, double b)
{
    char x[40], y[40];
    number(a, x, sizeof x);
    number(b, y, sizeof y);
    put(l, " %s %s,%s", opt, x, y);
}

/* "optiviz --model ..." with what makes the model (its name, or formula,
 * parameters, data file and loss), its start and its slice. */
static void model_options(line *l, const ov_scene *sc)
{
    const ov_model *m = sc->model;
    const ov_model_def *def = NULL;
    for (int i = 0; i < ov_model_builtin_count(); i++)
        if (strcmp(ov_model_builtin(i)->name, m->name) == 0)
            def = ov_model_builtin(i);
    put(l, "optiviz --model");
    word(l, def ? def->name : m->formula);
    if (!def) {
        char names[OV_MODEL_MAX_PARAMS * (OV_MODEL_NAME_MAX + 1) + 1];
        size_t o = 0;
        for (int k = 0; k < m->n; k++)
            o += (size_t)snprintf(names + o, sizeof names - o, "%s%s", k ? "," : "",
                                  m->param_names[k]);
        put(l, " --params");
        word(l, names);
    }
    if (sc->data_path[0]) {
        put(l, " --data");
        word(l, sc->data_path);
    }
    if (!def || m->loss != def->loss)
        put(l, " --loss %s", m->loss == OV_MODEL_LOSS_LOGISTIC ? "logistic" : "squared");
    put(l, " --init ");
    for (int k = 0; k < m->n; k++) {
        char n[40];
        number(sc->start_w[k], n, sizeof n);
        put(l, "%s%s", k ? "," : "", n);
    }
    char slice[OV_CONFIG_MODEL_TEXT];
    if (ov_slice_format(&sc->slice, m->param_name_list, slice, sizeof slice)) {
        put(l, " --slice");
        word(l, slice);
    }
}

bool ov_share_command_line(const ov_app_state *st, char *buf, size_t cap)
{
    line l = {buf, cap, 0, cap > 0};
    if (cap)
        buf[0] = '\0';
    const ov_scene *sc = &st->sc.scene;
    const ov_surface *s = sc->surface;
    if (sc->model) {
        model_options(&l, sc);
    } else {
        put(&l, "optiviz --surface");
        word(&l, s->def ? s->def->name : ov_surface_key(s));
        double v;
        if (ov_surface_get_param(s, "kappa", &v))
            option_number(&l, "--kappa", v);
        if (ov_surface_get_param(s, "theta", &v))
            option_number(&l, "--theta", v);
        option_pair(&l, "--start", sc->start.x, sc->start.y);
    }
    put(&l, " --steps %d", sc->steps);
    for (int i = 0; i < sc->nruns; i++) {
        const ov_optim_params *p = &sc->runs[i].params;
        const ov_optim_info *info = ov_optim_info_of(p->kind);
        char spec[OV_RULE_MAX_SOURCE + 256], n[40];
        size_t len;
        if (p->kind == OV_OPT_RULE && p->rule)   /* the typed rule itself */
            len = (size_t)snprintf(spec, sizeof spec, "rule{%s}%s%s", p->rule->source,
                                   p->rule->name[0] ? ":name=" : "", p->rule->name);
        else
            len = (size_t)snprintf(spec, sizeof spec, "%s", info->name);
        number(p->alpha, n, sizeof n);
        len += (size_t)snprintf(spec + len, sizeof spec - len, ":alpha=%s", n);
        if (info->uses_beta) {
            number(p->beta, n, sizeof n);
            len += (size_t)snprintf(spec + len, sizeof spec - len, ":beta=%s", n);
        }
        if (info->uses_beta2) {
            number(p->beta2, n, sizeof n);
            len += (size_t)snprintf(spec + len, sizeof spec - len, ":beta2=%s", n);
        }
        if (info->uses_eps) {
            number(p->eps, n, sizeof n);
            len += (size_t)snprintf(spec + len, sizeof spec - len, ":eps=%s", n);
        }
        if (info->uses_wd) {
            number(p->wd, n, sizeof n);
            len += (size_t)snprintf(spec + len, sizeof spec - len, ":wd=%s", n);
        }
        if (info->uses_history)
            len += (size_t)snprintf(spec + len, sizeof spec - len, ":history=%d", p->history);
        if (p->schedule.given) {
            char sched[96];
            snprintf(spec + len, sizeof spec - len, ":schedule=%s",
                     ov_schedule_format(&p->schedule, sched, sizeof sched));
        }
        put(&l, " --optimizer");
        word(&l, spec);
    }
    if (sc->noise.sigma > 0) {
        option_number(&l, "--noise", sc->noise.sigma);
        put(&l, " --seed %llu", (unsigned long long)sc->noise.seed);
    }
    char x0[40], x1[40], y0[40], y1[40];
    number(st->view.rect.x0, x0, sizeof x0);
    number(st->view.rect.x1, x1, sizeof x1);
    number(st->view.rect.y0, y0, sizeof y0);
    number(st->view.rect.y1, y1, sizeof y1);
    put(&l, " --view %s,%s,%s,%s", x0, x1, y0, y1);
    if (st->view.view3d) {
        put(&l, " --3d");
        option_pair(&l, "--camera", st->view.camera.azimuth, st->view.camera.elevation);
    }
    return l.ok;
}

long ov_share_query(const ov_app_state *st, char *out, size_t cap)
{
    char cmd[8192];
    if (!ov_share_command_line(st, cmd, sizeof cmd))
        return -1;
    return ov_url_from_command_line(cmd, out, cap);
}
