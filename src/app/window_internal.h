/* The window object's insides, shared by the two files of the window
 * module: window.c (the frame, the loop, presenting) and window_requests.c
 * (carrying out what a frame's events asked: fullscreen, the exports, the
 * presets). Nothing outside the module includes it. */
#ifndef OV_WINDOW_INTERNAL_H
#define OV_WINDOW_INTERNAL_H

#include <SDL2/SDL.h>
#include <stdbool.h>

#include "anim_export.h"
#include "app.h"
#include "app_cache.h"
#include "cli/preset.h"
#include "glwin.h"
#include "hud_layout.h"
#include "input.h"
#include "request.h"

/* Renderer, window and state together, so cleanup happens in one place. */
struct ov_window {
    ov_glwin win;
    ov_preset_set *presets;   /* keys 1-9, 0; NULL when none could be read */
    ov_preset_set *lecture;   /* --lecture's scenes; NULL when none plays */
    struct ov_history *history;   /* Ctrl+Z; NULL when memory ran out */
    Uint32 wheel_at;          /* SDL timestamp (ms) of the last wheel event; 0: none */
    ov_renderer *renderer;
    ov_app_state st;
    bool st_ready;
    ov_config cfg;            /* the options the window was opened with */
    ov_input in;
    ov_app_cache cache;       /* what drawing keeps from frame to frame */
    ov_hud_layout lay;        /* the last frame drawn: picking maps through it */
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
    void *shown_pixels;       /* the window image the last frame went into, */
    int shown_w, shown_h;     /* and its size (a new one is filled whole) */
    int fast_presents;        /* presents in a row much faster than the refresh */
    bool export_interrupted;  /* a P, G or X export gave up on SIGINT/SIGTERM */
    char render_error[512];   /* the renderer's failure last said in the HUD, or "" */
    bool left_out[OV_PANEL_MAX];   /* panels shown but given no room, last said */
    bool quit;                /* asked to quit (Q, Esc twice, the window closed) */
    bool failed;              /* a fatal renderer failure: error says what */
    char error[1024];
    Uint64 last_frame;        /* performance counter at the last ov_app_frame; 0: none */
    SDL_Event *events;        /* the desktop loop's events of one frame */
    int events_cap;
};

typedef struct ov_window window_app;

/* Carries out what the frame's events asked (asked) for a dw x dh
 * drawable, and moves a running G / Shift+G export on by one frame. */
void ov_window_carry_out(window_app *a, const ov_requests *asked, int dw, int dh);

/* Ends the running export (finished, failed or cancelled). */
void ov_window_export_end(window_app *a);

#endif
