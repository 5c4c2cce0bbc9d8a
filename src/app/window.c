/* The interactive window: event loop, animation clock, fullscreen toggle,
 * drawing each frame through the FBO and showing it with vsync. A frame is
 * drawn only when something changed (an event, the animation, a held key,
 * a fading message); when nothing moves, the loop sleeps until the next
 * event. Without vsync, frames are paced to the display's refresh rate. */
#include "app.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/preset.h"
#include "io/csv.h"
#include "io/interrupt.h"

#include "anim_export.h"
#include "controls.h"
#include "export.h"
#include "exports.h"
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
    long frames_drawn;
    bool dirty;               /* draw the next frame whatever happens */
    bool busy;                /* the last frame changed by itself (animation...) */
    /* Pacing: with pace set (no working vsync), presents are spaced by period. */
    double period;            /* s, one display refresh */
    bool pace;
    Uint64 last_present;      /* performance counter at the last present */
    double due;               /* s (performance counter): when the next paced frame starts */
    bool copy_present;        /* frames shown as an image (see present_copy) */
    int fast_presents;        /* presents in a row much faster than the refresh */
    bool export_interrupted;  /* a P, G or X export gave up on SIGINT/SIGTERM */
};

typedef struct ov_window window_app;

#define OV_DEFAULT_REFRESH_HZ 60   /* when the display does not say */
#define OV_STALL 0.25              /* s: a longer frame does not move the animation further */
#define OV_SIGNAL_POLL 0.2         /* s: the longest idle wait between looks at the signal flag */

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
    /* A malformed preset file is reported once; the program still starts.
     * One that cannot be read at all (OPTIVIZ_PRESETS naming a missing
     * file) stops it, as a bad OPTIVIZ_FONT does. */
    char perr[1024];
    a->presets = ov_presets_load_default(perr, sizeof perr);
    if (!a->presets) {
        snprintf(err, cap, "presets: %s%s", perr,
                 getenv("OPTIVIZ_PRESETS") ? " (unset OPTIVIZ_PRESETS to use the shipped "
                                             "presets)" : "");
        return false;
    }
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
        fprintf(stderr, "optiviz: note: vsync unavailable (%s), frames paced by the clock\n",
                SDL_GetError());
    SDL_DisplayMode mode;
    int hz = SDL_GetWindowDisplayMode(a->win.window, &mode) == 0 ? mode.refresh_rate : 0;
    a->period = 1.0 / (hz >= 20 && hz <= 500 ? hz : OV_DEFAULT_REFRESH_HZ);
    a->pace = !cfg->no_vsync && SDL_GL_GetSwapInterval() == 0;
    const char *drv = SDL_GetCurrentVideoDriver();
    a->copy_present = drv && strcmp(drv, "x11") == 0;
    a->dirty = true;
    int dw, dh;
    SDL_GL_GetDrawableSize(a->win.window, &dw, &dh);
    a->renderer = ov_renderer_create(dw, dh, font, err, cap);
    if (!a->renderer)
        return false;
    /* Changed contours are shown as a draft first, finished the frame after. */
    ov_renderer_set_drafts(a->renderer, true);
    /* Software GL: frames go to the window as images, paced by the clock. */
    const char *gl = ov_renderer_name(a->renderer);
    a->copy_present = a->copy_present && (strstr(gl, "llvmpipe") || strstr(gl, "softpipe"));
    if (a->copy_present && !cfg->no_vsync)
        a->pace = true;
    return ov_renderer_set_surface(a->renderer, a->st.scene.surface, err, cap);
}

#define GIF_MAX_WIDTH 960
#define VIDEO_MAX_WIDTH 1920

/* A FRAME or DATA row of the exports table (P, Shift+P, X): a timestamped
 * file in the output directory, written from the live state (only read). */
static void save_export(window_app *a, const ov_export_format *f)
{
    char path[1024], err[1024];
    if (!ov_export_timestamped_path(a->st.output_dir, f->ext, path, sizeof path))
        ov_controls_say(&a->st, "%s failed: output directory name too long", f->name);
    else if (!f->write(a->renderer, &a->st, path, err, sizeof err)) {
        a->export_interrupted = ov_interrupt_signal() != 0;
        ov_controls_say(&a->st, "%s failed: %s", f->name, err);
    }
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
    if (status == OV_ANIM_DONE) {
        ov_controls_say(&a->st, "saved %s (%d frames)", a->job_path, a->st.export_total);
    } else {
        a->export_interrupted = ov_interrupt_signal() != 0;
        ov_controls_say(&a->st, "%s failed: %s", a->st.export_kind, err);
    }
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
    if (in->want_export != SDLK_UNKNOWN) {
        int n, row = ov_export_find_sdl_key(in->want_export, in->want_export_shift);
        const ov_export_format *f = row >= 0 ? &ov_export_formats(&n)[row] : NULL;
        in->want_export = SDLK_UNKNOWN;
        if (f && f->kind != OV_EXPORT_ANIMATION)
            save_export(a, f);
        else if (f && !a->job)
            export_begin(a, f->video, dw, dh);
    }
    if (in->cancel_export) {
        in->cancel_export = false;
        if (a->job) {
            const char *kind = a->st.export_kind;
            export_end(a);
            ov_controls_say(&a->st, "%s cancelled: nothing written", kind);
        }
    }
    if (a->job)
        export_step(a);
    if (in->want_preset) {
        apply_preset(a, &a->cfg, in->want_preset);
        in->want_preset = 0;
    }
}

/* Whether e can change the picture: all events but a mouse moving with no
 * button down. */
static bool changes_picture(const ov_input *in, const SDL_Event *e)
{
    return !(e->type == SDL_MOUSEMOTION && !in->dragging);
}

static bool requests_pending(const ov_input *in)
{
    return in->toggle_fullscreen || in->want_export != SDLK_UNKNOWN || in->cancel_export ||
           in->want_preset;
}

double ov_window_still_for(const ov_window *a)
{
    /* an export in the window renders one of its frames per window frame;
     * the 2-D <-> 3-D transition moves by itself; a draft of the contours
     * is finished by the next frame */
    if (ov_controls_moving(&a->st) || ov_controls_transitioning(&a->st) ||
        ov_input_holding(&a->in) || a->job || ov_renderer_draft_pending(a->renderer))
        return 0.0;
    return ov_hud_still_for(&a->st);
}

long ov_window_frames_drawn(const ov_window *a)
{
    return a->frames_drawn;
}

/* With a software renderer (llvmpipe) on X11, drawing the finished frame
 * into the window's own framebuffer is a full-screen textured pass: 4 ms of
 * CPU at 800x1056 here, as much as the frame itself. Reading the frame back
 * (a copy, 0.3 ms) into the window's image and handing that to the X server
 * costs almost nothing. false when the window has no such image (then the
 * frame is shown through GL). */
static bool present_copy(window_app *a, int dw, int dh)
{
    int rw, rh;
    ov_renderer_size(a->renderer, &rw, &rh);
    SDL_Surface *s = SDL_GetWindowSurface(a->win.window);
    if (!s || s->w != dw || s->h != dh || rw != dw || rh != dh ||
        (s->format->format != SDL_PIXELFORMAT_RGB888 &&
         s->format->format != SDL_PIXELFORMAT_ARGB8888))
        return false;
    if (SDL_MUSTLOCK(s) && SDL_LockSurface(s) != 0)
        return false;
    bool ok = ov_renderer_read_bgra(a->renderer, s->pixels, (size_t)s->pitch);
    if (SDL_MUSTLOCK(s))
        SDL_UnlockSurface(s);
    return ok && SDL_UpdateWindowSurface(a->win.window) == 0;
}

/* Presents the frame; notices a vsync that does not wait (presents in a row
 * at under half the refresh period) and paces by the clock from then on. */
static void present(window_app *a, int dw, int dh)
{
    if (!a->copy_present || !present_copy(a, dw, dh)) {
        ov_renderer_present(a->renderer, dw, dh);
        SDL_GL_SwapWindow(a->win.window);
    }
    ov_renderer_frame_done(a->renderer);
    Uint64 now = SDL_GetPerformanceCounter();
    double since = (double)(now - a->last_present) / (double)SDL_GetPerformanceFrequency();
    a->last_present = now;
    if (a->pace || a->cfg.no_vsync)
        return;
    a->fast_presents = since < 0.5 * a->period ? a->fast_presents + 1 : 0;
    if (a->fast_presents >= 60)
        a->pace = true;
}

bool ov_window_frame(ov_window *a, double dt, char *err, size_t cap)
{
    int ww, wh;
    SDL_GetWindowSize(a->win.window, &ww, &wh);
    bool changed = a->dirty;
    a->dirty = false;
    ov_controls_advance_clock(&a->st, dt);
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
        changed = changed || changes_picture(&a->in, &e);
        ov_input_handle(&a->in, &a->st, &e, ww, wh);
    }
    bool held = ov_input_holding(&a->in);
    ov_input_tick(&a->in, &a->st, dt > OV_STALL ? OV_STALL : dt);
    int dw, dh, rw, rh;
    SDL_GL_GetDrawableSize(a->win.window, &dw, &dh);
    ov_renderer_size(a->renderer, &rw, &rh);
    if (dw > 0 && dh > 0 && (dw != rw || dh != rh)) {
        if (!ov_renderer_resize(a->renderer, dw, dh, err, cap))
            return false;
        changed = true;
    }
    changed = changed || held || requests_pending(&a->in);
    handle_requests(a, dw, dh);
    /* The surface may have changed (C key, a preset, a typed formula);
     * rebuilding is a no-op otherwise. */
    if (!ov_renderer_set_surface(a->renderer, a->st.scene.surface, err, cap))
        return false;
    /* After a stall the animation does not jump; the clocks (a message's
     * age, Esc twice) count all the time that passed, idle waits included. */
    bool moving = ov_controls_moving(&a->st);
    ov_controls_tick(&a->st, moving && dt > OV_STALL ? OV_STALL : dt);
    bool busy = ov_window_still_for(a) == 0.0;
    /* One more frame after the picture stops changing by itself: the end of
     * the animation, a message faded out. */
    bool draw = changed || busy || a->busy;
    a->busy = busy;
    if (!draw)
        return true;
    ov_hud_draw_frame(a->renderer, &a->st);
    present(a, dw, dh);
    a->frames_drawn++;
    return true;
}

/* Until the next frame is due: while something moves and vsync does not
 * wait, the rest of the refresh period; when nothing moves, until an event
 * comes or the picture changes by itself (a message starts to fade).
 * bounded: never more than a refresh period (a run of counted frames). */
static void wait_for_next(window_app *a, bool bounded)
{
    double still = ov_window_still_for(a);
    if (still > 0.0) {
        if (bounded && still > a->period)
            still = a->period;
        /* At most OV_SIGNAL_POLL s, so a SIGINT or SIGTERM (which wakes
         * no event wait) is seen soon. */
        if (still > OV_SIGNAL_POLL)
            still = OV_SIGNAL_POLL;
        SDL_WaitEventTimeout(NULL, (int)ceil(still * 1000.0));
        return;
    }
    if (!a->pace)
        return;
    /* Frames start on a fixed schedule, one period apart: a sleep that
     * ends late (a busy machine) is made up by the next, so the rate holds;
     * a frame that fell behind by more than a period starts a new schedule
     * rather than a burst. */
    double now = (double)SDL_GetPerformanceCounter() / (double)SDL_GetPerformanceFrequency();
    a->due += a->period;
    if (a->due < now - a->period)
        a->due = now;
    if (a->due > now)
        SDL_Delay((Uint32)((a->due - now) * 1000.0));
}

int ov_app_run_window(const ov_config *cfg)
{
    return ov_app_run_window_frames(cfg, 0);
}

/* The window's export keys write into dir: it must be a directory this
 * process may create files in. */
static bool output_dir_ok(const char *dir, char *err, size_t cap)
{
    struct stat sb;
    if (stat(dir, &sb) != 0) {
        snprintf(err, cap, "'%.900s': %s", dir, strerror(errno));
        return false;
    }
    if (!S_ISDIR(sb.st_mode)) {
        snprintf(err, cap, "'%.900s' is not a directory", dir);
        return false;
    }
    if (access(dir, W_OK | X_OK) != 0) {
        snprintf(err, cap, "'%.900s' is not writable: %s", dir, strerror(errno));
        return false;
    }
    return true;
}

int ov_window_run(ov_window *a, long max_frames)
{
    char err[1024];
    Uint64 freq = SDL_GetPerformanceFrequency(), prev = SDL_GetPerformanceCounter();
    int status = 0;
    for (long frame = 0; !a->st.quit && (max_frames <= 0 || frame < max_frames); frame++) {
        if (ov_interrupt_signal())
            break;
        Uint64 now = SDL_GetPerformanceCounter();
        double dt = (double)(now - prev) / (double)freq;
        prev = now;
        if (!ov_window_frame(a, dt, err, sizeof err)) {
            fprintf(stderr, "optiviz: %s\n", err);
            status = 1;
            break;
        }
        if (!a->st.quit && !ov_interrupt_signal())
            wait_for_next(a, max_frames > 0);
    }
    int sig = ov_interrupt_signal();
    if (sig && (a->job || a->export_interrupted)) {
        /* Interrupted during an export: it is abandoned, its temporary
         * file removed, and the exit status says so. */
        if (a->job)
            export_end(a);
        fprintf(stderr, "optiviz: interrupted by %s: the export was not written\n",
                ov_interrupt_name(sig));
        status = 128 + sig;
    }
    a->export_interrupted = false;
    return status;
}

int ov_app_run_window_frames(const ov_config *cfg, long max_frames)
{
    char err[1024];
    /* Checked now, not at the first export key. */
    if (cfg->output_dir && !output_dir_ok(cfg->output_dir, err, sizeof err)) {
        fprintf(stderr, "optiviz: --output-dir: %s\n", err);
        return 2;
    }
    /* With no display, SDL would fall back to an invisible window that
     * nobody can see or close. */
    if (!ov_glwin_can_show(err, sizeof err)) {
        fprintf(stderr, "optiviz: %s\n", err);
        return 1;
    }
    /* SIGINT and SIGTERM: the window quits as by Q (exit status 0), or, in
     * the middle of an export, abandons it (128 + the signal). Installed
     * before SDL starts, which then leaves the two signals alone. */
    if (!ov_interrupt_install())
        fprintf(stderr, "optiviz: note: cannot catch SIGINT/SIGTERM\n");
    ov_window *a = ov_window_create(cfg, err, sizeof err);
    if (!a) {
        ov_interrupt_uninstall();
        fprintf(stderr, "optiviz: %s\n", err);
        return 1;
    }
    int status = ov_window_run(a, max_frames);
    ov_window_destroy(a);
    ov_interrupt_uninstall();
    return status;
}
