/* The 1-D view in the app, headless: the one-d-steps preset (10) is a
 * curve whose runs keep y at the start's and show what its caption says (a
 * too small step still on the slope, a step that overshoots the minimum at
 * its second step, a too large one bouncing between the walls); a click
 * moves the start along x only; every method's step, taken apart on the
 * curve, lands on the run's next iterate; the frames draw without
 * non-finite numbers. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_cache.h"
#include "app/controls.h"
#include "app/controls_explain.h"
#include "app/export.h"
#include "app/hud.h"
#include "app/input.h"
#include "cli/args.h"
#include "ov_app_test.h"
#include "ov_test.h"

#define W 640
#define H 360

int main(void)
{
    char *argv[] = {(char *)"optiviz", (char *)"--preset", (char *)"one-d-steps", NULL};
    ov_config cfg;
    char err[1024];
    CHECK_MSG(ov_args_parse(3, argv, &cfg, err, sizeof err) == 0, "%s", err);
    ov_app_state st;
    CHECK_MSG(ov_controls_init(&st, &cfg, err, sizeof err), "%s", err);
    const ov_scene *sc = &st.sc.scene;
    CHECK(sc->surface->one_d && sc->nruns == 3);
    for (int i = 0; i < sc->nruns; i++)
        for (int j = 0; j < sc->runs[i].n; j++)
            CHECK(sc->runs[i].y[j] == 0.0);

    /* The caption's three claims. L'(x) = x / sqrt(1 + x^2), minimum at 0. */
    const ov_run *small = &sc->runs[0], *two = &sc->runs[1], *big = &sc->runs[2];
    CHECK(small->x[small->n - 1] < -0.8);                   /* still on the left slope */
    CHECK(two->x[1] < 0.0 && two->x[2] > 0.0);              /* overshoots at step 2 */
    CHECK(fabs(two->x[two->n - 1]) < 0.2);                  /* then settles */
    int bounces = 0;
    for (int j = 1; j < big->n; j++)
        bounces += big->x[j] * big->x[j - 1] < 0.0 && fabs(big->x[j]) > 1.5;
    CHECK_MSG(bounces == big->n - 1, "the large step crossed %d times in %d", bounces,
              big->n - 1);

    ov_glwin win;
    ov_renderer *r = ov_app_test_open(&win, &st, W, H);

    /* A click sets x only. */
    ov_input in = {0};
    double y0 = sc->start.y;
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.x = W / 2 + W / 8;
    e.button.y = H / 4;
    ov_input_handle(&in, &st, &e, W, H);
    e.type = SDL_MOUSEBUTTONUP;
    ov_input_handle(&in, &st, &e, W, H);
    /* The view [-4, 4] fills the width: W/8 right of the middle is x = 1. */
    CHECK_NEAR(sc->start.x, 1.0 + 8.0 / W * 0.5, 8.0 / W);
    CHECK(sc->start.y == y0);

    /* Every method, taken apart on the curve at a few steps. */
    ov_test_explain(&st, true);
    ov_app_cache *cache = malloc(sizeof *cache);
    CHECK(cache != NULL);
    if (!cache)
        return ov_test_finish("test_app_curve1d");
    ov_app_cache_init(cache);
    for (int k = 0; k < OV_OPTIM_COUNT; k++) {
        ov_run_spec spec;
        memset(&spec, 0, sizeof spec);
        spec.kind = (ov_optim_kind)k;
        ov_config one = cfg;   /* as a preset of that one run would */
        one.nruns = 1;
        one.runs[0] = spec;
        CHECK(ov_controls_apply_config(&st, &one));
        for (int s = 0; s < 6; s++) {
            ov_controls_seek(&st, s);
            const ov_explain *x = ov_controls_explanation(&st, &cache->explain);
            const ov_run *run = &sc->runs[0];
            if (s + 1 >= run->n)
                break;
            CHECK_MSG(x->valid, "%s step %d: %s", ov_optim_info_of(spec.kind)->name, s, x->why);
            CHECK(x->next[0] == run->x[s + 1] && x->next[1] == y0);
            ov_hud_draw_frame(r, &st, cache, NULL);
        }
    }
    free(cache);
    ov_render_stats stats;
    ov_renderer_stats(r, &stats);
    CHECK(stats.nonfinite_values == 0 && stats.nonfinite_text == 0);

    ov_renderer_destroy(r);
    ov_glwin_destroy(&win);
    ov_controls_deinit(&st);
    return ov_test_finish("test_app_curve1d");
}
