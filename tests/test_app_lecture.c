/* What a teacher does in front of a class, through SDL's event queue and the
 * app's bindings (as test_app_events): Up, Down, then C through every
 * surface, and no run diverges on any of them, each run on its surface's
 * default α; a method keeps its colour in a scene where it sits at another
 * position, in the HUD and in the picture; W fans a run out and keeps every
 * other run, visible, in its colour; Q and Esc twice quit, one Esc does not;
 * runs added, removed and hidden from the keyboard. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app/controls.h"
#include "app/controls_anim.h"
#include "app/hud.h"
#include "app/input.h"
#include "app/run_list.h"
#include "ov_app_test.h"
#include "ov_test.h"

#define W 640
#define H 360

static void push_key(SDL_Keycode sym, Uint16 mod)
{
    ov_test_push_key(sym, mod, false, true);
}

static bool init(ov_app_state *st, const char *optimizers)
{
    ov_config cfg;
    ov_config_defaults(&cfg);
    if (optimizers) {
        char list[128];
        snprintf(list, sizeof list, "%s", optimizers);
        cfg.nruns = 0;
        for (char *tok = strtok(list, ","); tok; tok = strtok(NULL, ","))
            CHECK(ov_optim_find(tok, &cfg.runs[cfg.nruns++].kind));
    }
    char err[256];
    bool ok = ov_controls_init(st, &cfg, err, sizeof err);
    CHECK_MSG(ok, "%s", err);
    return ok;
}

static void check_surface_change(void)
{
    ov_app_state st;
    if (!init(&st, NULL))
        return;
    ov_input in;
    memset(&in, 0, sizeof in);
    push_key(SDLK_UP, KMOD_NONE);
    push_key(SDLK_DOWN, KMOD_NONE);
    ov_test_pump(&in, &st, W, H);
    for (int s = 0; s < ov_surface_builtin_count(); s++) {
        push_key(SDLK_c, KMOD_NONE);
        ov_test_pump(&in, &st, W, H);
        CHECK(st.anim.step == 0.0);
        for (int i = 0; i < st.sc.scene.nruns; i++) {
            const ov_run *r = &st.sc.scene.runs[i];
            CHECK_MSG(!r->diverged, "%s: %s diverges at step %d", st.sc.scene.surface->name,
                      ov_optim_info_of(r->params.kind)->name, r->diverged_step);
            CHECK_NEAR(r->params.alpha,
                       ov_surface_default_alpha(st.sc.scene.surface, r->params.kind), 0.0);
        }
    }
    ov_controls_deinit(&st);
}

/* Pixels of exactly colour c (within 6) around run i's iterates. */
static long colour_near_run(const uint8_t *img, const ov_view *v, const ov_run *run, ov_rgba c)
{
    int cr = (int)lroundf(c.r * 255), cg = (int)lroundf(c.g * 255), cb = (int)lroundf(c.b * 255);
    long n = 0;
    for (int k = 0; k < run->n; k += 3) {
        ov_vec2 q;
        double z;
        if (!ov_view_project(v, run->x[k], run->y[k], run->loss[k], 0, &q, &z))
            continue;
        for (int dy = -2; dy <= 2; dy++)
            for (int dx = -2; dx <= 2; dx++) {
                int x = (int)q.x + dx, y = (int)q.y + dy;
                if (x < 0 || y < 0 || x >= W || y >= H)
                    continue;
                const uint8_t *p = img + 4 * ((size_t)y * W + x);
                n += abs(p[0] - cr) <= 6 && abs(p[1] - cg) <= 6 && abs(p[2] - cb) <= 6;
            }
    }
    return n;
}

static void check_colour_by_method(ov_renderer *r, uint8_t *img)
{
    ov_app_state a, b;
    if (!init(&a, "adam,gd"))
        return;
    if (!init(&b, "gd,momentum,nesterov,adam")) {
        ov_controls_deinit(&a);
        return;
    }
    ov_rgba ca = ov_hud_run_color(&a, 0), cb = ov_hud_run_color(&b, 3);
    CHECK(ca.r == cb.r && ca.g == cb.g && ca.b == cb.b);
    /* ... and the picture draws adam in that colour in both scenes. */
    ov_app_state *s[2] = {&a, &b};
    int idx[2] = {0, 3};
    for (int k = 0; k < 2; k++) {
        ov_controls_seek(s[k], ov_controls_last_step(s[k]));
        ov_test_target(s[k], idx[k]);   /* drawn last, on top */
        ov_hud_layout lay;
        ov_hud_draw_frame(r, s[k], NULL, &lay);
        CHECK(ov_renderer_read_rgba(r, img));
        long n = colour_near_run(img, &lay.view, &s[k]->sc.scene.runs[idx[k]], ca);
        CHECK_MSG(n > 30, "scene %d: only %ld pixels of adam's colour on its path", k, n);
    }
    ov_controls_deinit(&a);
    ov_controls_deinit(&b);
}

static void check_sweep_and_runs(void)
{
    ov_app_state st;
    if (!init(&st, NULL))
        return;
    ov_input in;
    memset(&in, 0, sizeof in);
    int n0 = st.sc.scene.nruns;
    ov_rgba before[OV_MAX_RUNS];
    ov_optim_kind kinds[OV_MAX_RUNS];
    for (int i = 0; i < n0; i++) {
        before[i] = ov_hud_run_color(&st, i);
        kinds[i] = st.sc.scene.runs[i].params.kind;
    }
    /* W on the first run: it becomes five runs in its place; every other
     * run stays, shown, in its colour. */
    push_key(SDLK_TAB, KMOD_NONE);
    push_key(SDLK_w, KMOD_NONE);
    ov_test_pump(&in, &st, W, H);
    CHECK(st.sc.scene.nruns == n0 - 1 + OV_SWEEP_RUNS);
    for (int i = 1; i < n0; i++) {
        int j = i - 1 + OV_SWEEP_RUNS;
        ov_rgba c = ov_hud_run_color(&st, j);
        CHECK(st.sc.scene.runs[j].params.kind == kinds[i] && !st.sc.hidden[j]);
        CHECK(c.r == before[i].r && c.g == before[i].g && c.b == before[i].b);
    }
    push_key(SDLK_w, KMOD_NONE);
    ov_test_pump(&in, &st, W, H);
    CHECK(st.sc.scene.nruns == n0);

    /* A adds a run (of a method not shown yet) and targets it; Y changes
     * its method; S hides it and shows it again; Shift+A removes it. */
    push_key(SDLK_a, KMOD_NONE);
    ov_test_pump(&in, &st, W, H);
    CHECK(st.sc.scene.nruns == n0 + 1 && st.sc.target == n0);
    ov_optim_kind added = st.sc.scene.runs[n0].params.kind;
    for (int i = 0; i < n0; i++)
        CHECK(st.sc.scene.runs[i].params.kind != added);
    push_key(SDLK_y, KMOD_NONE);
    ov_test_pump(&in, &st, W, H);
    CHECK(st.sc.scene.runs[n0].params.kind == (ov_optim_kind)((added + 1) % OV_OPTIM_COUNT));
    push_key(SDLK_s, KMOD_NONE);
    ov_test_pump(&in, &st, W, H);
    CHECK(st.sc.hidden[n0]);
    push_key(SDLK_s, KMOD_NONE);
    ov_test_pump(&in, &st, W, H);
    CHECK(!st.sc.hidden[n0]);
    push_key(SDLK_a, KMOD_LSHIFT);
    ov_test_pump(&in, &st, W, H);
    CHECK(st.sc.scene.nruns == n0);
    for (int i = 0; i < n0; i++)
        CHECK(st.sc.scene.runs[i].params.kind == kinds[i]);

    /* Q quits; a single Esc does not. */
    push_key(SDLK_ESCAPE, KMOD_NONE);
    CHECK(!ov_test_pump(&in, &st, W, H).quit);
    push_key(SDLK_q, KMOD_NONE);
    CHECK(ov_test_pump(&in, &st, W, H).quit);
    ov_controls_deinit(&st);
}

int main(void)
{
    ov_app_state st;
    if (!init(&st, NULL))
        return ov_test_finish("test_app_lecture");
    ov_glwin win;
    ov_renderer *r = ov_app_test_open(&win, &st, W, H);
    ov_controls_deinit(&st);
    uint8_t *img = malloc((size_t)W * H * 4);
    check_surface_change();
    check_colour_by_method(r, img);
    check_sweep_and_runs();
    free(img);
    ov_renderer_destroy(r);
    ov_glwin_destroy(&win);
    return ov_test_finish("test_app_lecture");
}
