/* The interactive window: one frame (ov_app_frame: events in, the
 * requests they make carried out by window_requests.c, the clocks moved,
 * the frame drawn through the FBO and shown with vsync), and the desktop
 * loop around it. A frame is drawn only when something changed (an event,
 * the animation, a held key, a fading message); when nothing moves, the
 * loop sleeps until the next event. Without vsync, frames are paced to the
 * display's refresh rate. */
#include "app.h"
#include "window_internal.h"
#include "controls_model.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/interrupt.h"

#include "controls_anim.h"
#include "controls_ui.h"
#include "controls_view.h"
#include "export.h"
#include "history.h"
#include "hud.h"
#include "lecture_play.h"
#include "panels.h"
#include "render/render.h"


#define OV_DEFAULT_REFRESH_HZ 60   /* when the display does not say */
#define OV_STALL 0.25              /* s: a longer frame does not move the animation further */
#define OV_WHEEL_STEP_MS 500        /* wheel events closer than this are one undo step */
#define OV_SIGNAL_POLL 0.2         /* s: the longest idle wait between looks at the signal flag */

static void teardown(window_app *a)
{
    /* An export still running is abandoned: its temporary file goes. */
    ov_anim_job_destroy(a->job);
    ov_renderer_destroy(a->job_renderer);
    ov_presets_destroy(a->presets);
    ov_presets_destroy(a->lecture);
    ov_history_destroy(a->history);
    ov_renderer_destroy(a->renderer);
    ov_glwin_destroy(&a->win);
    free(a->events);
    if (a->st_ready)
        ov_controls_deinit(&a->st);
}

static bool setup(window_app *a, const ov_config *cfg, char *err, size_t cap)
{
    char *font = a->font;
    ov_app_cache_init(&a->cache);
    a->cache.curvature.lag_while_playing = true;
    /* A lecture opens on its first scene. */
    ov_config *first = NULL;
    if (cfg->lecture) {
        a->lecture = ov_lecture_open(cfg, err, cap);
        first = a->lecture ? malloc(sizeof *first) : NULL;
        if (a->lecture && !first)
            snprintf(err, cap, "out of memory");
        if (!first || !ov_lecture_scene_config(a->lecture, 0, cfg, first, err, cap)) {
            free(first);
            return false;
        }
    }
    bool ready = ov_controls_init(&a->st, first ? first : cfg, err, cap);
    free(first);
    if (!ready)
        return false;
    a->st_ready = true;
    if (a->lecture)
        ov_lecture_start(&a->st, ov_presets_count(a->lecture));
    a->history = ov_history_create(OV_HISTORY_MAX);
    ov_history_attach(&a->st, a->history);
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
    return ov_renderer_set_surface(a->renderer, a->st.sc.scene.surface, err, cap);
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

/* Whether e can change the picture: all events but a mouse moving with no
 * button down. */
static bool changes_picture(const ov_input *in, const SDL_Event *e)
{
    return !(e->type == SDL_MOUSEMOTION && !in->dragging);
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
    /* Only what the frame changed, when the image holds the frame before
     * (the renderer redraws the 2-D view in parts). */
    int xywh[4 * OV_RENDER_DAMAGE_MAX];
    int n = ov_renderer_damage(a->renderer, xywh, OV_RENDER_DAMAGE_MAX);
    if (s->pixels != a->shown_pixels || s->w != a->shown_w || s->h != a->shown_h)
        n = -1;
    bool ok = true;
    SDL_Rect rects[OV_RENDER_DAMAGE_MAX];
    for (int k = 0; k < n && ok; k++) {
        rects[k] = (SDL_Rect){xywh[4 * k], xywh[4 * k + 1], xywh[4 * k + 2], xywh[4 * k + 3]};
        ok = ov_renderer_read_bgra_rect(a->renderer, s->pixels, (size_t)s->pitch, rects[k].x,
                                        rects[k].y, rects[k].w, rects[k].h);
    }
    if (n < 0)
        ok = ov_renderer_read_bgra(a->renderer, s->pixels, (size_t)s->pitch);
    if (SDL_MUSTLOCK(s))
        SDL_UnlockSurface(s);
    a->shown_pixels = ok ? s->pixels : NULL;
    a->shown_w = s->w;
    a->shown_h = s->h;
    if (n == 0)
        return ok;
    return ok && (n < 0 ? SDL_UpdateWindowSurface(a->win.window)
                        : SDL_UpdateWindowSurfaceRects(a->win.window, rects, n)) == 0;
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

/* The panels that are on but that the layout had no room for are said in
 * the HUD when one is newly left out (a panel key that seems to do
 * nothing would puzzle a teacher).
 * Judged only on frames without a message: the message's own box can take
 * a panel's room until it fades. */
static void say_panels_left_out(window_app *a)
{
    if (a->lay.on[OV_HUD_MESSAGE])
        return;
    int n;
    const ov_panel *panels = ov_panels(&n);
    bool news = false;
    char names[160] = "";
    size_t len = 0;
    for (int k = 0; k < n && k < OV_PANEL_MAX; k++) {
        bool out = ov_panel_shown(&a->st, k) && !a->lay.on[OV_HUD_PANEL0 + k];
        news = news || (out && !a->left_out[k]);
        a->left_out[k] = out;
        if (out && len < sizeof names)
            len += (size_t)snprintf(names + len, sizeof names - len, "%s%s", len ? ", " : "",
                                    panels[k].name);
    }
    if (news) {
        ov_controls_say(&a->st, "No room for: %s (turn a panel off)", names);
        a->dirty = true;
    }
}

/* One frame: the events in, the requests carried out, the clocks moved by
 * dt, the frame drawn and shown when the picture changed. false on a fatal
 * renderer failure (a->failed, a->error). */
static bool frame(window_app *a, const SDL_Event *events, int nevents, double dt)
{
    int ww, wh;
    SDL_GetWindowSize(a->win.window, &ww, &wh);
    bool changed = a->dirty;
    a->dirty = false;
    ov_controls_advance_clock(&a->st, dt);
    ov_requests asked = {0};
    /* A change that goes on from the frame before is one undo step with it. */
    bool continuing = ov_input_holding(&a->in) || (a->in.dragging && a->in.moved);
    for (int i = 0; i < nevents; i++) {
        continuing = continuing || (events[i].type == SDL_KEYDOWN && events[i].key.repeat);
        /* A turn of the wheel is several events: one step while they come
         * less than OV_WHEEL_STEP_MS apart. */
        if (events[i].type == SDL_MOUSEWHEEL) {
            Uint32 t = events[i].wheel.timestamp;
            continuing = continuing || (a->wheel_at && t - a->wheel_at < OV_WHEEL_STEP_MS);
            a->wheel_at = t ? t : 1;
        }
        /* An exposed, shown or resized window is shown whole again: the
         * image's parts the frame did not change may not be on screen. */
        if (events[i].type == SDL_WINDOWEVENT)
            a->shown_pixels = NULL;
        changed = changed || changes_picture(&a->in, &events[i]);
        ov_requests_add(&asked, ov_input_handle(&a->in, &a->st, &events[i], ww, wh));
    }
    bool held = ov_input_holding(&a->in);
    ov_requests_add(&asked, ov_input_tick(&a->in, &a->st, dt > OV_STALL ? OV_STALL : dt));
    int dw, dh, rw, rh;
    SDL_GL_GetDrawableSize(a->win.window, &dw, &dh);
    ov_renderer_size(a->renderer, &rw, &rh);
    char *err = a->error;
    size_t cap = sizeof a->error;
    if (dw > 0 && dh > 0 && (dw != rw || dh != rh)) {
        if (!ov_renderer_resize(a->renderer, dw, dh, err, cap)) {
            a->failed = true;
            return false;
        }
        changed = true;
    }
    changed = changed || held || ov_requests_any(&asked);
    ov_window_carry_out(a, &asked, dw, dh);
    if (changed && !a->st.job.on)
        ov_history_observe(&a->st, continuing);
    /* After a stall the animation does not jump; the clocks (a message's
     * age, Esc twice) count all the time that passed, idle waits included. */
    bool moving = ov_controls_moving(&a->st);
    ov_controls_tick(&a->st, moving && dt > OV_STALL ? OV_STALL : dt);
    /* A model's slice stays on the targeted run's shown iterate. */
    changed = ov_controls_follow(&a->st) || changed;
    bool busy = ov_window_still_for(a) == 0.0;
    /* One more frame after the picture stops changing by itself: the end of
     * the animation, a message faded out. */
    bool draw = changed || busy || a->busy;
    a->busy = busy;
    if (!draw)
        return true;
    ov_hud_draw_frame(a->renderer, &a->st, &a->cache, &a->lay);
    ov_input_set_frame(&a->in, a->lay.fit);
    ov_input_set_panels(&a->in, &a->lay);
    /* A frame the renderer could not draw (a shader that fails to build for
     * this formula) shows the last good picture; the HUD says why, once. */
    const char *why = ov_renderer_error(a->renderer);
    if (why[0] && strcmp(why, a->render_error) != 0) {
        ov_controls_say(&a->st, "%s", why);
        a->dirty = true;
    }
    snprintf(a->render_error, sizeof a->render_error, "%s", why);
    say_panels_left_out(a);
    present(a, dw, dh);
    a->frames_drawn++;
    return true;
}

bool ov_app_frame(ov_window *a, const SDL_Event *events, int nevents)
{
    Uint64 now = SDL_GetPerformanceCounter();
    double dt = a->last_frame
                    ? (double)(now - a->last_frame) / (double)SDL_GetPerformanceFrequency()
                    : 0.0;
    a->last_frame = now;
    if (a->failed || !frame(a, events, nevents, dt))
        return false;
    return !a->quit;
}

/* Every event in SDL's queue, into a->events; returns their count. */
static int poll_events(window_app *a)
{
    int n = 0;
    for (;;) {
        if (n == a->events_cap) {
            int cap = a->events_cap ? 2 * a->events_cap : 64;
            SDL_Event *grown = realloc(a->events, (size_t)cap * sizeof *grown);
            if (!grown)
                return n;   /* the rest stay queued for the next frame */
            a->events = grown;
            a->events_cap = cap;
        }
        if (!SDL_PollEvent(&a->events[n]))
            return n;
        n++;
    }
}

bool ov_window_frame(ov_window *a, double dt, char *err, size_t cap)
{
    if (!a->failed) {
        int n = poll_events(a);
        frame(a, a->events, n, dt);
    }
    if (a->failed)
        snprintf(err, cap, "%s", a->error);
    return !a->failed;
}

bool ov_window_quit_asked(const ov_window *a)
{
    return a->quit;
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

int ov_window_run(ov_window *a, long max_frames)
{
    int status = 0;
    /* The first frame's dt counts from here. */
    a->last_frame = SDL_GetPerformanceCounter();
    for (long f = 0; !a->quit && (max_frames <= 0 || f < max_frames); f++) {
        if (ov_interrupt_signal())
            break;
        int n = poll_events(a);
        if (!ov_app_frame(a, a->events, n)) {
            if (a->failed) {
                fprintf(stderr, "optiviz: %s\n", a->error);
                status = 1;
            }
            break;
        }
        if (!ov_interrupt_signal())
            wait_for_next(a, max_frames > 0);
    }
    int sig = ov_interrupt_signal();
    if (sig && (a->job || a->export_interrupted)) {
        /* Interrupted during an export: it is abandoned, its temporary
         * file removed, and the exit status says so. */
        if (a->job)
            ov_window_export_end(a);
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
    if (cfg->output_dir && !ov_export_dir_ok(cfg->output_dir, false, err, sizeof err)) {
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
