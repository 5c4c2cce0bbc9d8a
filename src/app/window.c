/* The interactive window: event loop, animation clock, fullscreen toggle,
 * drawing each frame through the FBO and showing it with vsync. */
#include "app.h"

#include <stdio.h>

#include "controls.h"
#include "glwin.h"
#include "hud.h"
#include "input.h"
#include "render/render.h"

/* Renderer, window and state together, so cleanup happens in one place. */
typedef struct window_app {
    ov_glwin win;
    ov_renderer *renderer;
    ov_app_state st;
    bool st_ready;
} window_app;

static void teardown(window_app *a)
{
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
    if (!ov_font_find(font, sizeof font, err, cap))
        return false;
    if (!ov_glwin_create(&a->win, "optiviz", cfg->width, cfg->height, true, err, cap))
        return false;
    /* Vsync: adaptive if the driver has it, else plain; some (Xvfb) have neither. */
    if (SDL_GL_SetSwapInterval(-1) != 0 && SDL_GL_SetSwapInterval(1) != 0)
        fprintf(stderr, "optiviz: note: vsync unavailable (%s)\n", SDL_GetError());
    int dw, dh;
    SDL_GL_GetDrawableSize(a->win.window, &dw, &dh);
    a->renderer = ov_renderer_create(dw, dh, font, err, cap);
    if (!a->renderer)
        return false;
    return ov_renderer_set_surface(a->renderer, a->st.scene.surface, err, cap);
}

int ov_app_run_window(const ov_config *cfg)
{
    return ov_app_run_window_frames(cfg, 0);
}

int ov_app_run_window_frames(const ov_config *cfg, long max_frames)
{
    window_app a = {0};
    char err[1024];
    if (!setup(&a, cfg, err, sizeof err)) {
        fprintf(stderr, "optiviz: %s\n", err);
        teardown(&a);
        return 1;
    }
    ov_input in = {0};
    Uint64 freq = SDL_GetPerformanceFrequency(), prev = SDL_GetPerformanceCounter();
    bool fullscreen = false;
    int status = 0;
    for (long frame = 0; !a.st.quit && (max_frames <= 0 || frame < max_frames); frame++) {
        int ww, wh;
        SDL_GetWindowSize(a.win.window, &ww, &wh);
        SDL_Event e;
        while (SDL_PollEvent(&e))
            ov_input_handle(&in, &a.st, &e, ww, wh);
        if (in.toggle_fullscreen) {
            in.toggle_fullscreen = false;
            fullscreen = !fullscreen;
            if (SDL_SetWindowFullscreen(a.win.window, fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0))
                ov_controls_say(&a.st, "fullscreen unavailable: %s", SDL_GetError());
        }
        int dw, dh;
        SDL_GL_GetDrawableSize(a.win.window, &dw, &dh);
        if (dw > 0 && dh > 0 && !ov_renderer_resize(a.renderer, dw, dh, err, sizeof err)) {
            fprintf(stderr, "optiviz: %s\n", err);
            status = 1;
            break;
        }
        /* The surface may have changed (C key); rebuilding is a no-op otherwise. */
        if (!ov_renderer_set_surface(a.renderer, a.st.scene.surface, err, sizeof err)) {
            fprintf(stderr, "optiviz: %s\n", err);
            status = 1;
            break;
        }
        Uint64 now = SDL_GetPerformanceCounter();
        double dt = (double)(now - prev) / (double)freq;
        prev = now;
        if (dt > 0.25)
            dt = 0.25;   /* after a stall, don't jump the animation */
        ov_controls_tick(&a.st, dt);
        ov_hud_draw_frame(a.renderer, &a.st, 1.0f);
        ov_renderer_present(a.renderer, dw, dh);
        SDL_GL_SwapWindow(a.win.window);
    }
    teardown(&a);
    return status;
}
