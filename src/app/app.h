/* Entry points of the app layer, called by main.c after argument parsing.
 * Each returns the process exit status (0 success, 1 runtime failure). */
#ifndef OV_APP_H
#define OV_APP_H

#include <SDL2/SDL.h>
#include <stdbool.h>
#include <stddef.h>

#include "app_state.h"
#include "core/config.h"
#include "render/render.h"

/* Opens the window on cfg's scene and runs until the user quits. */
int ov_app_run_window(const ov_config *cfg);

/* The same loop, ending after max_frames frames (0: never) — for smoke
 * tests of a real window. */
int ov_app_run_window_frames(const ov_config *cfg, long max_frames);

/* The interactive window as an object, for the loop above and for tests
 * that drive it (the soak test): create, then one frame per call (events
 * in, requests carried out, the frame drawn, presented and swapped), then
 * destroy. */
typedef struct ov_window ov_window;
ov_window *ov_window_create(const ov_config *cfg, char *err, size_t cap);
/* One frame of the app: events (nevents of them) in, one frame drawn, or
 * nothing when nothing moved, the clocks moved by the time since the last
 * call. Returns whether to go on: false once quitting was asked or on a
 * fatal renderer failure. The desktop loop (ov_window_run) calls it with
 * SDL's queue; a loop the browser owns can call it with its own events.
 * Draws, presents and swaps only when the picture changed: an event other
 * than a mouse moving with no button down, the animation, a held key, a
 * fading message, a resize, or the first frame. */
bool ov_app_frame(ov_window *app, const SDL_Event *events, int nevents);
/* The same frame for tests, with SDL's queue as the events and dt seconds
 * as the time since the last frame. false (with err) on a fatal renderer
 * failure only; whether quitting was asked is ov_window_quit_asked. */
bool ov_window_frame(ov_window *w, double dt, char *err, size_t cap);
/* Whether the user asked to quit (Q, Esc twice, the window closed). */
bool ov_window_quit_asked(const ov_window *w);
/* Seconds the picture stays the same if no event comes: 0 while something
 * moves, INFINITY when only an event can change it. */
double ov_window_still_for(const ov_window *w);
/* The window's loop: frames until the user quits, max_frames have been
 * run (0: no limit) or SIGINT/SIGTERM was caught (io/interrupt.h, when
 * installed). Returns the exit status: 0, 1 on a fatal renderer failure,
 * 128 + the signal when it came during a P, G or X export (abandoned, no
 * file left). */
int ov_window_run(ov_window *w, long max_frames);
/* Frames drawn and presented since the window was created. */
long ov_window_frames_drawn(const ov_window *w);
void ov_window_destroy(ov_window *w);
ov_app_state *ov_window_state(ov_window *w);
ov_renderer *ov_window_renderer(ov_window *w);
SDL_Window *ov_window_sdl(ov_window *w);

/* --export-csv and/or --screenshot: writes the files, no display needed. */
int ov_app_export(const ov_config *cfg);

/* --bench: prints median frame times and change-to-frame latency. */
int ov_app_bench(const ov_config *cfg);

/* --export-rate-map: writes the (alpha, beta) rate map of gd, momentum and
 * nesterov for the scene's surface (export_rate_map.c); the exit status. */
int ov_app_export_rate_map(const ov_config *cfg);

/* --lecture FILE --export-slides DIR [--slides-video]: one PNG (and MP4)
 * per good scene, slide-01.png ... in play order (export_slides.c); bad
 * scenes are reported and skipped. The exit status: 2 when DIR cannot be
 * written before any work or no scene is good, 1 when a write fails. */
int ov_app_export_slides(const ov_config *cfg);

#endif
