/* Undo and redo in the window (ov_window_frame, SDL's offscreen driver),
 * keys and a click through SDL's event queue: after α (Up), κ (K), a click
 * (a new start) and a preset key (5), each Ctrl+Z brings back the scene
 * before, its runs' CSV byte for byte as exported then; Ctrl+Shift+Z and
 * Ctrl+Y bring the later ones back the same way. A held key (Right with
 * auto-repeats) is one step, and so is a turn of the wheel. A history of 3 keeps the last 3 steps. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/controls.h"
#include "app/controls_params.h"
#include "app/history.h"
#include "io/csv.h"
#include "ov_app_test.h"
#include "ov_test.h"

#define NCSV 6

static void frames(ov_window *w, int n)
{
    char err[1024];
    for (int i = 0; i < n; i++)
        CHECK_MSG(ov_window_frame(w, 1.0 / 60.0, err, sizeof err), "%s", err);
}

static void press(ov_window *w, SDL_Keycode sym, Uint16 mod)
{
    ov_test_push_key(sym, mod, false, true);
    frames(w, 2);
}

/* The scene's runs as CSV text (as X writes them). */
static char *csv_of(const ov_app_state *st, const char *tmp, int k)
{
    char path[700], err[512];
    snprintf(path, sizeof path, "%s/undo-%d.csv", tmp, k);
    CHECK_MSG(ov_csv_write(path, &st->sc.scene, err, sizeof err), "%s", err);
    FILE *f = fopen(path, "rb");
    char *text = calloc(1, 1 << 20);
    if (f && text)
        text[fread(text, 1, (1 << 20) - 1, f)] = 0;
    if (f)
        fclose(f);
    return text;
}

static bool same(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

int main(void)
{
    const char *tmp = getenv("OV_TMP");
    if (!tmp) {
        fprintf(stderr, "test_app_undo: FAILED: OV_TMP must be set\n");
        return 1;
    }
    ov_config cfg;
    ov_config_defaults(&cfg);
    cfg.width = 480;
    cfg.height = 300;
    cfg.no_vsync = true;
    char err[1024];
    ov_window *w = ov_window_create(&cfg, err, sizeof err);
    CHECK_MSG(w != NULL, "%s", err);
    if (!w)
        return ov_test_finish("test_app_undo");
    ov_app_state *st = ov_window_state(w);
    frames(w, 3);
    char *csv[NCSV] = {0};
    csv[0] = csv_of(st, tmp, 0);
    press(w, SDLK_UP, KMOD_NONE);
    csv[1] = csv_of(st, tmp, 1);
    press(w, SDLK_k, KMOD_NONE);
    csv[2] = csv_of(st, tmp, 2);
    /* A click: every run starts there. */
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.state = SDL_PRESSED;
    e.button.x = 300;
    e.button.y = 120;
    CHECK(SDL_PushEvent(&e) == 1);
    e.type = SDL_MOUSEBUTTONUP;
    e.button.state = SDL_RELEASED;
    CHECK(SDL_PushEvent(&e) == 1);
    frames(w, 2);
    csv[3] = csv_of(st, tmp, 3);
    press(w, SDLK_5, KMOD_NONE);
    CHECK(strcmp(st->sc.caption.preset_name, "ill-conditioned") == 0);
    csv[4] = csv_of(st, tmp, 4);
    /* Right held: a press, three auto-repeats, the release: one step. */
    ov_test_push_key(SDLK_RIGHT, KMOD_NONE, false, false);
    frames(w, 1);
    for (int i = 0; i < 3; i++) {
        ov_test_push_key(SDLK_RIGHT, KMOD_NONE, true, false);
        frames(w, 1);
    }
    ov_test_push_key(SDLK_RIGHT, KMOD_NONE, true, true);
    frames(w, 2);
    csv[5] = csv_of(st, tmp, 5);
    for (int k = 1; k < NCSV; k++)
        CHECK_MSG(!same(csv[k], csv[k - 1]), "change %d changed nothing", k);
    CHECK(ov_history_undo_count(st) == 5 && ov_history_redo_count(st) == 0);

    for (int k = NCSV - 2; k >= 0; k--) {
        press(w, SDLK_z, KMOD_LCTRL);
        char *now = csv_of(st, tmp, 10 + k);
        CHECK_MSG(same(now, csv[k]), "undo to %d: not the scene of then", k);
        free(now);
    }
    CHECK(strcmp(st->sc.caption.preset_name, "") == 0);
    press(w, SDLK_z, KMOD_LCTRL);   /* nothing left: stays */
    char *now = csv_of(st, tmp, 20);
    CHECK(same(now, csv[0]) && strstr(st->ui.message, "nothing to undo"));
    free(now);
    for (int k = 1; k < NCSV; k++) {
        if (k % 2)
            press(w, SDLK_z, KMOD_LCTRL | KMOD_LSHIFT);
        else
            press(w, SDLK_y, KMOD_LCTRL);
        now = csv_of(st, tmp, 30 + k);
        CHECK_MSG(same(now, csv[k]), "redo to %d: not the scene of then", k);
        free(now);
    }
    CHECK(strcmp(st->sc.caption.preset_name, "ill-conditioned") == 0);
    /* A change after an undo drops what could be redone. */
    press(w, SDLK_z, KMOD_LCTRL);
    CHECK(ov_history_redo_count(st) == 1);
    press(w, SDLK_j, KMOD_NONE);
    CHECK(ov_history_redo_count(st) == 0);
    /* Three wheel notches in a row zoom thrice and are one step. */
    int steps = ov_history_undo_count(st);
    ov_rect before = st->view.rect;
    for (int i = 0; i < 3; i++) {
        memset(&e, 0, sizeof e);
        e.type = SDL_MOUSEWHEEL;
        e.wheel.y = 1;
        e.wheel.mouseX = 240;
        e.wheel.mouseY = 150;
        CHECK(SDL_PushEvent(&e) == 1);
        frames(w, 1);
    }
    CHECK(st->view.rect.x1 - st->view.rect.x0 < 0.7 * (before.x1 - before.x0));
    CHECK(ov_history_undo_count(st) == steps + 1);
    press(w, SDLK_z, KMOD_LCTRL);
    CHECK(st->view.rect.x0 == before.x0 && st->view.rect.x1 == before.x1);
    for (int k = 0; k < NCSV; k++)
        free(csv[k]);
    ov_window_destroy(w);

    /* Bounded: 3 steps kept of 5. */
    ov_app_state s2;
    CHECK(ov_controls_init(&s2, &cfg, err, sizeof err));
    ov_history *h = ov_history_create(3);
    ov_history_attach(&s2, h);
    for (int i = 0; i < 5; i++) {
        ov_controls_scale_alpha(&s2, 2.0);
        ov_history_observe(&s2, false);
    }
    CHECK(ov_history_undo_count(&s2) == 3);
    double a = s2.sc.scene.runs[0].params.alpha;
    for (int i = 0; i < 3; i++)
        CHECK(ov_history_undo(&s2));
    CHECK(!ov_history_undo(&s2));
    CHECK_NEAR(s2.sc.scene.runs[0].params.alpha, a / 8, 1e-15 * a);
    ov_history_destroy(h);
    ov_controls_deinit(&s2);
    return ov_test_finish("test_app_undo");
}
