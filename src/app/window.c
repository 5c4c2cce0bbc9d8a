/* The interactive window: event loop, animation clock, fullscreen toggle,
 * drawing each frame through the FBO and showing it with vsync. */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli/preset.h"
#include "io/csv.h"

#include "controls.h"
#include "export.h"
#include "glwin.h"
#include "hud.h"
#include "input.h"
#include "render/render.h"

/* Renderer, window and state together, so cleanup happens in one place. */
struct ov_window {
    ov_glwin win;
    ov_preset_set *presets;   /* keys 1-9, 0; NULL when none could be read */
    ov_renderer *renderer;
    ov_app_state st;
    bool st_ready;
    ov_config cfg;            /* the options the window was opened with */
    ov_input in;
    bool fullscreen;
};

typedef struct ov_window window_app;

static void teardown(window_app *a)
{
    ov_presets_destroy(a->presets);
    ov_renderer_destroy(a->renderer);
    ov_glwin_destroy(&a->win);
    if (a->st_ready)
        ov_controls_deinit(&a->st);
}

static bool setup(window_app *a, const ov_config *cfg, char *err, size_t cap)
{
    char font[512];
    if (!ov_controls_init(&a->st, cfg, err, cap))
        return false;
    a->st_ready = true;
    /* A malformed preset file is reported once; the program still starts. */
    char perr[1024];
    a->presets = ov_presets_load_default(perr, sizeof perr);
    if (perr[0])
        fprintf(stderr, "optiviz: presets: %s\n", perr);
    if (!ov_font_find(font, sizeof font, err, cap))
        return false;
    if (!ov_glwin_create(&a->win, "optiviz", cfg->width, cfg->height, true, err, cap))
        return false;
    /* Vsync: adaptive if the driver has it, else plain; some (Xvfb) have neither. */
    if (cfg->no_vsync)
        SDL_GL_SetSwapInterval(0);
    else if (SDL_GL_SetSwapInterval(-1) != 0 && SDL_GL_SetSwapInterval(1) != 0)
        fprintf(stderr, "optiviz: note: vsync unavailable (%s)\n", SDL_GetError());
    int dw, dh;
    SDL_GL_GetDrawableSize(a->win.window, &dw, &dh);
    a->renderer = ov_renderer_create(dw, dh, font, err, cap);
    if (!a->renderer)
        return false;
    return ov_renderer_set_surface(a->renderer, a->st.scene.surface, err, cap);
}

#define GIF_MAX_WIDTH 960

/* P: the current frame, HUD included, as a timestamped PNG. */
static void save_png(window_app *a)
{
    char path[1024], err[1024];
    if (!ov_export_timestamped_path(a->st.output_dir, "png", path, sizeof path))
        ov_controls_say(&a->st, "screenshot failed: output directory name too long");
    else if (!ov_export_png(a->renderer, &a->st, path, err, sizeof err))
        ov_controls_say(&a->st, "screenshot failed: %s", err);
    else
        ov_controls_say(&a->st, "saved %s", path);
}

/* G: the animation as a GIF, at most GIF_MAX_WIDTH wide, then back to the
 * window's size. */
static void save_gif(window_app *a, const ov_config *cfg, int dw, int dh)
{
    char path[1024], err[1024];
    int gw = dw > GIF_MAX_WIDTH ? GIF_MAX_WIDTH : dw;
    int gh = (int)((double)dh * gw / dw + 0.5);
    bool ok = ov_export_timestamped_path(a->st.output_dir, "gif", path, sizeof path);
    if (!ok)
        snprintf(err, sizeof err, "output directory name too long");
    else
        ok = ov_renderer_resize(a->renderer, gw, gh, err, sizeof err) &&
             ov_export_gif(a->renderer, &a->st, path, cfg->gif_frames, cfg->gif_delay_cs, err,
                           sizeof err);
    char back[256];
    if (!ov_renderer_resize(a->renderer, dw, dh, back, sizeof back))
        fprintf(stderr, "optiviz: %s\n", back);
    if (ok)
        ov_controls_say(&a->st, "saved %s (%d frames)", path, cfg->gif_frames);
    else
        ov_controls_say(&a->st, "GIF failed: %s", err);
}

/* Keys 1-9 and 0: the lecture preset with that number, on top of the window's own
 * settings (size, output directory, ui scale). */
static void apply_preset(window_app *a, const ov_config *cfg, int number)
{
    const ov_preset *p = a->presets ? ov_presets_by_number(a->presets, number) : NULL;
    if (!p) {
        char key[4];
        snprintf(key, sizeof key, "%d", number);
        const char *why = a->presets ? ov_presets_skipped_reason(a->presets, key) : NULL;
        ov_controls_say(&a->st, "no preset %d%s%s", number, why ? ": " : "", why ? why : "");
        return;
    }
    ov_config *next = malloc(sizeof *next);   /* large (formula text) */
    char err[512];
    if (!next) {
        ov_controls_say(&a->st, "preset %d: out of memory", number);
        return;
    }
    *next = *cfg;
    if (!ov_preset_apply(p, next, err, sizeof err))
        ov_controls_say(&a->st, "preset %d: %s", number, err);
    else if (ov_controls_apply_config(&a->st, next))
        ov_controls_say(&a->st, "preset %d: %s", number, p->name);
    free(next);
}

/* X: the runs as CSV in the contract format. */
static void save_csv(window_app *a)
{
    char path[1024], err[1024];
    if (!ov_export_timestamped_path(a->st.output_dir, "csv", path, sizeof path))
        ov_controls_say(&a->st, "CSV failed: output directory name too long");
    else if (!ov_csv_write(path, &a->st.scene, err, sizeof err))
        ov_controls_say(&a->st, "CSV failed: %s", err);
    else
        ov_controls_say(&a->st, "saved %s", path);
}

ov_window *ov_window_create(const ov_config *cfg, char *err, size_t cap)
{
    window_app *a = calloc(1, sizeof *a);
    if (!a) {
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    a->cfg = *cfg;
    if (!setup(a, cfg, err, cap)) {
        ov_window_destroy(a);
        return NULL;
    }
    return a;
}

void ov_window_destroy(ov_window *a)
{
    if (!a)
        return;
    teardown(a);
    free(a);
}

ov_app_state *ov_window_state(ov_window *a)
{
    return &a->st;
}

ov_renderer *ov_window_renderer(ov_window *a)
{
    return a->renderer;
}

SDL_Window *ov_window_sdl(ov_window *a)
{
    return a->win.window;
}

/* Carries out what the last events asked for that needs the window, the
 * renderer or files. */
static void handle_requests(window_app *a, int dw, int dh)
{
    ov_input *in = &a->in;
    if (in->toggle_fullscreen) {
        in->toggle_fullscreen = false;
        a->fullscreen = !a->fullscreen;
        if (SDL_SetWindowFullscreen(a->win.window, a->fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0))
            ov_controls_say(&a->st, "fullscreen unavailable: %s", SDL_GetError());
    }
    if (in->want_png) {
        in->want_png = false;
        save_png(a);
    }
    if (in->want_gif) {
        in->want_gif = false;
        save_gif(a, &a->cfg, dw, dh);
    }
    if (in->want_preset) {
        apply_preset(a, &a->cfg, in->want_preset);
        in->want_preset = 0;
    }
    if (in->want_csv) {
        in->want_csv = false;
        save_csv(a);
    }
}

bool ov_window_frame(ov_window *a, double dt, char *err, size_t cap)
{
    int ww, wh;
    SDL_GetWindowSize(a->win.window, &ww, &wh);
    SDL_Event e;
    while (SDL_PollEvent(&e))
        ov_input_handle(&a->in, &a->st, &e, ww, wh);
    ov_input_tick(&a->in, &a->st, dt > 0.25 ? 0.25 : dt);
    int dw, dh;
    SDL_GL_GetDrawableSize(a->win.window, &dw, &dh);
    if (dw > 0 && dh > 0 && !ov_renderer_resize(a->renderer, dw, dh, err, cap))
        return false;
    handle_requests(a, dw, dh);
    /* The surface may have changed (C key, a preset, a typed formula);
     * rebuilding is a no-op otherwise. */
    if (!ov_renderer_set_surface(a->renderer, a->st.scene.surface, err, cap))
        return false;
    ov_controls_tick(&a->st, dt > 0.25 ? 0.25 : dt);   /* after a stall, don't jump */
    ov_hud_draw_frame(a->renderer, &a->st);
    ov_renderer_present(a->renderer, dw, dh);
    SDL_GL_SwapWindow(a->win.window);
    return true;
}

int ov_app_run_window(const ov_config *cfg)
{
    return ov_app_run_window_frames(cfg, 0);
}

int ov_app_run_window_frames(const ov_config *cfg, long max_frames)
{
    char err[1024];
    ov_window *a = ov_window_create(cfg, err, sizeof err);
    if (!a) {
        fprintf(stderr, "optiviz: %s\n", err);
        return 1;
    }
    Uint64 freq = SDL_GetPerformanceFrequency(), prev = SDL_GetPerformanceCounter();
    int status = 0;
    for (long frame = 0; !a->st.quit && (max_frames <= 0 || frame < max_frames); frame++) {
        Uint64 now = SDL_GetPerformanceCounter();
        double dt = (double)(now - prev) / (double)freq;
        prev = now;
        if (!ov_window_frame(a, dt, err, sizeof err)) {
            fprintf(stderr, "optiviz: %s\n", err);
            status = 1;
            break;
        }
    }
    ov_window_destroy(a);
    return status;
}
