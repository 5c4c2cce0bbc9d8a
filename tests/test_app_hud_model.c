/* The HUD's model lines worked out once per change of what they depend on,
 * in frames drawn as the window draws them (ov_hud_draw_frame with the
 * caller's cache), headless at 1280x720:
 * - frames that do not move the targeted run's head (drawn again, the view
 *   panned, a panel shown) work the n x n Hessian and its eigenvalues out
 *   once in all; a frame after a step, or after Tab targets another run,
 *   once more; and the lines are each time the ones worked out afresh
 *   (no cache);
 * - another model at the same point (line on other data, likely allocated
 *   where the first one was) is worked out again: its κ, from its Hessian
 *   [2 Σ t², 2 Σ t; 2 Σ t, 2 n] by hand, is the one shown, not the first
 *   model's;
 * - a costly one lags while the window plays (check_lag). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app/controls.h"
#include "app/controls_anim.h"
#include "app/controls_params.h"
#include "core/model.h"
#include "app/controls_view.h"
#include "app/hud_model.h"
#include "ov_app_test.h"
#include "ov_test.h"

#define W 1280
#define H 720

/* The HUD's model lines of st from the cache (and equal to those worked
 * out afresh): line 1 into out. */
static void lines_now(const ov_app_state *st, ov_app_cache *cache, char *out)
{
    char fresh[OV_HUD_MODEL_LINES][192], kept[OV_HUD_MODEL_LINES][192];
    unsigned long before = cache->curvature.computed;
    int nf = ov_hud_model_lines(st, NULL, fresh, OV_HUD_MODEL_LINES);
    int nk = ov_hud_model_lines(st, &cache->curvature, kept, OV_HUD_MODEL_LINES);
    CHECK(nf == 2 && nk == 2);
    CHECK(cache->curvature.computed == before);   /* the frame already worked it out */
    for (int i = 0; i < nf && i < nk; i++)
        CHECK_MSG(strcmp(fresh[i], kept[i]) == 0, "kept '%s', afresh '%s'", kept[i], fresh[i]);
    snprintf(out, 192, "%s", nk == 2 ? kept[1] : "");
}

/* Draws k frames of st with cache; returns how many times they worked the
 * curvature out. */
static unsigned long frames(ov_renderer *r, const ov_app_state *st, ov_app_cache *cache, int k)
{
    unsigned long before = cache->curvature.computed;
    for (int i = 0; i < k; i++)
        CHECK(ov_hud_draw_frame(r, st, cache, NULL));
    return cache->curvature.computed - before;
}

static void open_scene(ov_app_state *st, const ov_config *cfg, double step)
{
    char err[1024];
    CHECK_MSG(ov_controls_init(st, cfg, err, sizeof err), "%s", err);
    ov_test_plain(st);
    ov_controls_pause(st);
    ov_controls_seek(st, step);
    ov_controls_hide_message(st);
}

/* xor, 9 parameters, two runs that leave the start at once. */
static void check_xor(ov_renderer *r, ov_app_cache *cache)
{
    static ov_app_state st;
    static ov_config cfg;
    ov_config_defaults(&cfg);
    snprintf(cfg.model, sizeof cfg.model, "xor");
    cfg.nruns = 2;
    cfg.runs[0].kind = OV_OPT_ADAM;
    cfg.runs[1].kind = OV_OPT_MOMENTUM;
    cfg.steps = 60;
    open_scene(&st, &cfg, 20);
    char first[192], line[192];

    /* Five frames at one head: worked out once. */
    CHECK_MSG(frames(r, &st, cache, 5) == 1, "%lu", cache->curvature.computed);
    lines_now(&st, cache, first);
    CHECK_MSG(strncmp(first, "off plane: ", 11) == 0, "'%s'", first);
    /* The view panned, a panel shown: the head stays, nothing worked out. */
    ov_controls_pan(&st, 0.05, 0.02);
    ov_test_panel(&st, "fit", true);
    CHECK(frames(r, &st, cache, 3) == 0);
    lines_now(&st, cache, line);
    CHECK_MSG(strcmp(line, first) == 0, "'%s' became '%s'", first, line);

    /* One step on: once more, then not again. */
    ov_controls_step_once(&st);
    CHECK(frames(r, &st, cache, 1) == 1);
    CHECK(frames(r, &st, cache, 4) == 0);
    lines_now(&st, cache, line);

    /* Tab to momentum: its head, once. */
    ov_test_target(&st, 1);
    CHECK(frames(r, &st, cache, 3) == 1);
    lines_now(&st, cache, line);
    ov_controls_deinit(&st);
}

/* κ of the line model's Hessian on data t = ts (n rows), by hand: the
 * eigenvalues of [2 Σ t², 2 Σ t; 2 Σ t, 2 n]. */
static double line_kappa(const double *ts, int n)
{
    double s1 = 0, s2 = 0;
    for (int i = 0; i < n; i++) {
        s1 += ts[i];
        s2 += ts[i] * ts[i];
    }
    double a = 2 * s2, b = 2 * s1, d = 2.0 * n;
    double mid = 0.5 * (a + d), rad = sqrt(0.25 * (a - d) * (a - d) + b * b);
    return (mid + rad) / (mid - rad);
}

static void check_other_model(ov_renderer *r, ov_app_cache *cache)
{
    static ov_app_state st;
    static ov_config cfg;
    char line[192], want[192], k[48];
    /* The built-in line on its three points: [10 6; 6 6], κ = 8.55. */
    ov_config_defaults(&cfg);
    snprintf(cfg.model, sizeof cfg.model, "line");
    open_scene(&st, &cfg, 0);
    unsigned long before = cache->curvature.computed;
    CHECK(frames(r, &st, cache, 2) == 1);
    const double t3[3] = {0, 1, 2};
    ov_hud_format_ratio(line_kappa(t3, 3), k, sizeof k);
    snprintf(want, sizeof want, "off plane: 0   \xce\xba = %s", k);
    CHECK(strcmp(k, "8.55") == 0);
    lines_now(&st, cache, line);
    CHECK_MSG(strcmp(line, want) == 0, "'%s', want '%s'", line, want);
    ov_controls_deinit(&st);

    /* line on three other points, t = 0, 1, 3: the same point, the same
     * number of rows, other data: worked out again. */
    const double t3b[3] = {0, 1, 3};
    cfg.data.ninputs = 1;
    cfg.data.nrows = 3;
    for (int i = 0; i < 3; i++) {
        cfg.data.in[i][0] = t3b[i];
        cfg.data.y[i] = 1 + t3b[i];
    }
    open_scene(&st, &cfg, 0);
    CHECK(frames(r, &st, cache, 2) == 1);
    ov_hud_format_ratio(line_kappa(t3b, 3), k, sizeof k);
    CHECK_MSG(strcmp(k, "8.55") != 0, "%s", k);
    snprintf(want, sizeof want, "off plane: 0   \xce\xba = %s", k);
    lines_now(&st, cache, line);
    CHECK_MSG(strcmp(line, want) == 0, "'%s', want '%s'", line, want);
    ov_controls_deinit(&st);
    before = cache->curvature.computed;

    /* line on four points t = 0 .. 3, from the same start (0, 0): the
     * same point, another model. */
    const double t4[4] = {0, 1, 2, 3};
    cfg.data.ninputs = 1;
    cfg.data.nrows = 4;
    for (int i = 0; i < 4; i++) {
        cfg.data.in[i][0] = t4[i];
        cfg.data.y[i] = 1 + t4[i];
    }
    open_scene(&st, &cfg, 0);
    CHECK(st.sc.scene.model && st.sc.scene.model->data.nrows == 4);
    CHECK(frames(r, &st, cache, 2) == 1);
    CHECK(cache->curvature.computed == before + 1);
    ov_hud_format_ratio(line_kappa(t4, 4), k, sizeof k);
    CHECK_MSG(strcmp(k, "14.1") == 0, "%s", k);   /* 36/2 ± √244 */
    snprintf(want, sizeof want, "off plane: 0   \xce\xba = %s", k);
    lines_now(&st, cache, line);
    CHECK_MSG(strcmp(line, want) == 0, "'%s', want '%s'", line, want);
    ov_controls_deinit(&st);
}

/* Line 1 of st's model lines from cache (NULL: afresh) into out. */
static void line_of(const ov_app_state *st, ov_curvature_cache *cache, char *out)
{
    char lines[OV_HUD_MODEL_LINES][192];
    int n = ov_hud_model_lines(st, cache, lines, OV_HUD_MODEL_LINES);
    CHECK(n == 2);
    snprintf(out, 192, "%s", n == 2 ? lines[1] : "");
}

/* A costly curvature lags while playing, in the window's cache only:
 * y = p1 + (p2 + ... + p30) t on 64 rows costs 64 x 30 x 31 / 2 = 29,760
 * second derivatives (over OV_HUD_CURVATURE_WORK); 200 steps, so it is
 * worked out again every 200 / 20 = 10 iterates while the animation plays,
 * and the line says from which step; paused, or without the window's
 * lag, it is the shown iterate's. */
static void check_lag(ov_renderer *r, ov_app_cache *cache)
{
    static ov_app_state st;
    static ov_config cfg;
    ov_config_defaults(&cfg);
    size_t fl = 0, pl = 0;
    fl += (size_t)snprintf(cfg.model, sizeof cfg.model, "p1");
    pl += (size_t)snprintf(cfg.model_params, sizeof cfg.model_params, "p1");
    for (int k = 2; k <= 30; k++) {
        fl += (size_t)snprintf(cfg.model + fl, sizeof cfg.model - fl, "+p%d*t", k);
        pl += (size_t)snprintf(cfg.model_params + pl, sizeof cfg.model_params - pl, ",p%d", k);
    }
    cfg.data.ninputs = 1;
    cfg.data.nrows = 64;
    for (int i = 0; i < 64; i++) {
        cfg.data.in[i][0] = i / 63.0;
        cfg.data.y[i] = 1 + 2 * cfg.data.in[i][0];
    }
    cfg.nruns = 2;
    cfg.runs[0].kind = OV_OPT_ADAM;
    cfg.runs[1].kind = OV_OPT_RMSPROP;
    cfg.steps = 200;
    open_scene(&st, &cfg, 40);
    ov_test_target(&st, 0);
    CHECK(ov_model_hessian_per_step(30, 64) == 29760.0 && 29760.0 > OV_HUD_CURVATURE_WORK);
    ov_controls_toggle_pause(&st);   /* playing */
    ov_controls_hide_message(&st);
    CHECK(ov_controls_moving(&st));
    cache->curvature.lag_while_playing = true;
    char at40[192], line[192], fresh[192], want[192];
    CHECK(frames(r, &st, cache, 1) == 1);
    line_of(&st, &cache->curvature, at40);
    line_of(&st, NULL, fresh);
    CHECK_MSG(strcmp(at40, fresh) == 0 && !strstr(at40, "at step"), "'%s'", at40);
    /* 5 iterates on: the distance off the plane is the head's, the
     * curvature step 40's, said so. */
    ov_controls_seek(&st, 45);
    CHECK(frames(r, &st, cache, 2) == 0);
    line_of(&st, &cache->curvature, line);
    line_of(&st, NULL, fresh);
    const char *k40 = strstr(at40, "   "), *k = strstr(line, "   ");
    CHECK(k40 && k && strlen(k40) < sizeof want - 16);
    if (k40 && k) {
        snprintf(want, sizeof want, "%.*s, at step 40)", (int)strlen(k40) - 1, k40);
        CHECK_MSG(strcmp(k, want) == 0, "'%s', want '%s'", k, want);
        CHECK_MSG(strncmp(line, fresh, (size_t)(k - line)) == 0, "'%s', afresh '%s'", line,
                  fresh);
    }
    /* 10 on: worked out again, the shown iterate's. */
    ov_controls_seek(&st, 50);
    CHECK(frames(r, &st, cache, 2) == 1);
    line_of(&st, &cache->curvature, line);
    line_of(&st, NULL, fresh);
    CHECK_MSG(strcmp(line, fresh) == 0, "'%s', afresh '%s'", line, fresh);
    /* Tab to the other run, 3 iterates on: not the first run's (a lagging
     * value is only of the path shown). */
    ov_controls_seek(&st, 53);
    CHECK(frames(r, &st, cache, 1) == 0);
    ov_test_target(&st, 1);
    CHECK(frames(r, &st, cache, 1) == 1);
    line_of(&st, &cache->curvature, line);
    line_of(&st, NULL, fresh);
    CHECK_MSG(strcmp(line, fresh) == 0, "Tab: '%s', afresh '%s'", line, fresh);
    /* α doubled (the runs replaced, the clock where it was): the new path's. */
    ov_controls_seek(&st, 55);
    CHECK(frames(r, &st, cache, 1) == 0);
    ov_controls_scale_alpha(&st, 2.0);
    ov_controls_hide_message(&st);
    if (!ov_controls_moving(&st)) {
        ov_controls_toggle_pause(&st);
        ov_controls_hide_message(&st);
    }
    ov_controls_seek(&st, 55);
    CHECK(frames(r, &st, cache, 1) == 1);
    line_of(&st, &cache->curvature, line);
    line_of(&st, NULL, fresh);
    CHECK_MSG(strcmp(line, fresh) == 0, "alpha: '%s', afresh '%s'", line, fresh);
    /* Paused: the shown iterate's at once. */
    ov_controls_seek(&st, 53);
    ov_controls_pause(&st);
    CHECK(frames(r, &st, cache, 1) == 1);
    line_of(&st, &cache->curvature, line);
    line_of(&st, NULL, fresh);
    CHECK_MSG(strcmp(line, fresh) == 0 && !strstr(line, "at step"), "'%s'", line);
    /* Playing without the window's lag (an export): every iterate. */
    ov_controls_toggle_pause(&st);
    ov_controls_hide_message(&st);
    cache->curvature.lag_while_playing = false;
    ov_controls_seek(&st, 55);
    CHECK(frames(r, &st, cache, 1) == 1);
    ov_controls_seek(&st, 56);
    CHECK(frames(r, &st, cache, 1) == 1);
    ov_controls_deinit(&st);
}

int main(void)
{
    static ov_app_state st;
    static ov_config cfg;
    ov_config_defaults(&cfg);
    snprintf(cfg.model, sizeof cfg.model, "xor");
    char err[1024];
    CHECK_MSG(ov_controls_init(&st, &cfg, err, sizeof err), "%s", err);
    ov_glwin win;
    ov_renderer *r = ov_app_test_open(&win, &st, W, H);
    ov_app_cache *cache = malloc(sizeof *cache);
    CHECK(cache != NULL);
    if (cache) {
        ov_app_cache_init(cache);
        check_xor(r, cache);
        check_other_model(r, cache);
        check_lag(r, cache);
    }
    free(cache);
    ov_renderer_destroy(r);
    ov_glwin_destroy(&win);
    ov_controls_deinit(&st);
    return ov_test_finish("test_app_hud_model");
}
