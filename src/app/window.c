/* The interactive window: event loop, animation clock, fullscreen toggle,
 * drawing each frame through the FBO and showing it with vsync. */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli/preset.h"
#include "io/csv.h"

#include "anim_export.h"
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
    char font[512];           /* the HUD's font, for export renderers */
    /* A G / Shift+G export in progress, one frame per window frame (NULL
     * when none), drawn by a renderer of the export's own size. */
    ov_anim_job *job;
    ov_renderer *job_renderer;
    char job_path[1024];
};

typedef struct ov_window window_app;

static void teardown(window_app *a)
{
    /* An export still running is abandoned: its temporary file goes. */
    ov_anim_job_destroy(a->job);
    ov_renderer_destroy(a->job_renderer);
    ov_presets_destroy(a->presets);
    ov_renderer_destroy(a->renderer);
    ov_glwin_destroy(&a->win);
    if (a->st_ready)
        ov_controls_deinit(&a->st);
}

static bool setup(window_app *a, const ov_config *cfg, char *err, size_t cap)
{
    char *font = a->font;
    if (!ov_controls_init(&a->st, cfg, err, cap))
        return false;
    a->st_ready = true;
    /* A malformed preset file is reported once; the program still starts. */
    char perr[1024];
    a->presets = ov_presets_load_default(perr, sizeof perr);
    if (perr[0])
        fprintf(stderr, "optiviz: presets: %s\n", perr);
    if (!ov_font_find(font, sizeof a->font, err, cap))
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
#define VIDEO_MAX_WIDTH 1920

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

/* Ends the running export (finished, failed or cancelled): the job and its
 * renderer go, the keys and the mouse act on the scene again. */
static void export_end(window_app *a)
{
    ov_anim_job_destroy(a->job);
    ov_renderer_destroy(a->job_renderer);
    a->job = NULL;
    a->job_renderer = NULL;
    a->st.exporting = false;
}

/* G (GIF, at most GIF_MAX_WIDTH wide) and Shift+G (MP4, at most
 * VIDEO_MAX_WIDTH wide, even sides): starts the export of the animation at
 * the window's aspect ratio; export_step then writes a frame per window
 * frame, so the window keeps drawing (with a progress bar) meanwhile. */
static void export_begin(window_app *a, bool video, int dw, int dh)
{
    const char *kind = video ? "MP4" : "GIF";
    char err[1024];
    if (dw <= 0 || dh <= 0) {
        ov_controls_say(&a->st, "%s failed: the window has no size", kind);
        return;
    }
    int max = video ? VIDEO_MAX_WIDTH : GIF_MAX_WIDTH;
    int w = dw > max ? max : dw;
    int h = (int)((double)dh * w / dw + 0.5);
    if (video) {
        w = w < 2 ? 2 : w & ~1;
        h = h < 2 ? 2 : h & ~1;
    }
    bool ok = ov_export_timestamped_path(a->st.output_dir, video ? "mp4" : "gif", a->job_path,
                                         sizeof a->job_path);
    if (!ok)
        snprintf(err, sizeof err, "output directory name too long");
    if (ok) {
        a->job_renderer = ov_renderer_create(w, h, a->font, err, sizeof err);
        ok = a->job_renderer &&
             ov_renderer_set_surface(a->job_renderer, a->st.scene.surface, err, sizeof err);
    }
    if (ok) {
        ov_anim_spec spec = {.gif = video ? NULL : a->job_path,
                             .mp4 = video ? a->job_path : NULL,
                             .frames = a->cfg.gif_frames,
                             .delay_cs = a->cfg.gif_delay_cs};
        a->job = ov_anim_job_create(&spec, a->job_renderer, &a->st, err, sizeof err);
        ok = a->job != NULL;
    }
    if (!ok) {
        export_end(a);
        ov_controls_say(&a->st, "%s failed: %s", kind, err);
        return;
    }
    a->st.exporting = true;
    a->st.export_kind = kind;
    a->st.export_done = 0;
    a->st.export_total = ov_anim_job_total(a->job);
}

/* One frame of the running export; at the end, says where it went. */
static void export_step(window_app *a)
{
    char err[1024];
    ov_anim_status status = ov_anim_job_step(a->job, a->job_renderer, &a->st, err, sizeof err);
    a->st.export_done = ov_anim_job_done(a->job);
    if (status == OV_ANIM_MORE)
        return;
    if (status == OV_ANIM_DONE)
        ov_controls_say(&a->st, "saved %s (%d frames)", a->job_path, a->st.export_total);
    else
        ov_controls_say(&a->st, "%s failed: %s", a->st.export_kind, err);
    export_end(a);
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
    if (in->cancel_export) {
        in->cancel_export = false;
        if (a->job) {
            const char *kind = a->st.export_kind;
            export_end(a);
            ov_controls_say(&a->st, "%s cancelled: nothing written", kind);
        }
    }
    if ((in->want_gif || in->want_video) && !a->job)
        export_begin(a, in->want_video, dw, dh);
    in->want_gif = in->want_video = false;
    if (a->job)
        export_step(a);
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
