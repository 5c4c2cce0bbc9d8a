/* U in the browser: the scene as it is now, as command-line options, then
 * as a URL (cli/url.h) for the page to put on the clipboard and in the
 * address bar. The words: --surface (a built-in's name or the formula),
 * --kappa and --theta where the surface has them, one --optimizer per run
 * with its alpha and beta, --start, --steps, --noise and --seed when
 * noise is on, --3d, --pace. */
#include "web/share_web.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli/url.h"
#include "core/optim.h"

#define WORDS 2 * OV_MAX_RUNS + 24

typedef struct words {
    const char *w[WORDS];
    char text[8192];
    size_t used;
    int n;
} words;

/* Adds a word (formatted) to ws; false when there is no room. */
static bool add(words *ws, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static bool add(words *ws, const char *fmt, ...)
{
    if (ws->n >= WORDS)
        return false;
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(ws->text + ws->used, sizeof ws->text - ws->used, fmt, ap);
    va_end(ap);
    if (len < 0 || (size_t)len >= sizeof ws->text - ws->used)
        return false;
    ws->w[ws->n++] = ws->text + ws->used;
    ws->used += (size_t)len + 1;
    return true;
}

long ov_web_scene_query(const ov_app_state *st, char *out, size_t cap)
{
    static words ws;
    memset(&ws, 0, sizeof ws);
    const ov_scene *sc = &st->sc.scene;
    const ov_surface *s = sc->surface;
    bool ok = true;
    char formula[4096];
    if (s->def)
        ok = add(&ws, "--surface") && add(&ws, "%s", s->name);
    else
        ok = ov_surface_formula_text(s, formula, sizeof formula) && add(&ws, "--surface") &&
             add(&ws, "%s", formula);
    double v;
    if (ok && s->def && ov_surface_get_param(s, "kappa", &v))
        ok = add(&ws, "--kappa") && add(&ws, "%.17g", v);
    if (ok && s->def && ov_surface_get_param(s, "theta", &v))
        ok = add(&ws, "--theta") && add(&ws, "%.17g", v);
    for (int i = 0; ok && i < sc->nruns; i++) {
        const ov_run_spec *r = &sc->specs[i];
        const ov_optim_info *info = ov_optim_info_of(r->kind);
        ok = add(&ws, "--optimizer");
        if (ok && info->uses_beta)
            ok = add(&ws, "%s:alpha=%.17g:beta=%.17g", info->name, sc->runs[i].params.alpha,
                     sc->runs[i].params.beta);
        else if (ok)
            ok = add(&ws, "%s:alpha=%.17g", info->name, sc->runs[i].params.alpha);
    }
    ok = ok && add(&ws, "--start") && add(&ws, "%.17g,%.17g", sc->start.x, sc->start.y) &&
         add(&ws, "--steps") && add(&ws, "%d", sc->steps);
    if (ok && sc->noise.sigma > 0)
        ok = add(&ws, "--noise") && add(&ws, "%.17g", sc->noise.sigma) && add(&ws, "--seed") &&
             add(&ws, "%llu", (unsigned long long)sc->noise.seed);
    if (ok && st->view.view3d)
        ok = add(&ws, "--3d");
    ok = ok && add(&ws, "--pace") && add(&ws, "%.17g", st->anim.pace);
    if (!ok)
        return -1;
    return ov_url_from_argv(ws.n, ws.w, out, cap);
}
