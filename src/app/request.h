/* What a key, a click or the window asks of the program that the state
 * cannot do itself (quit, fullscreen, the exports, a preset read from the
 * preset file): returned as values by the actions (actions.h) and the input
 * layer (input.h), gathered over a frame's events and carried out by the
 * window. Nothing here changes the state. */
#ifndef OV_REQUEST_H
#define OV_REQUEST_H

#include <stdbool.h>

typedef enum ov_request_kind {
    OV_REQ_NONE = 0,
    OV_REQ_QUIT,            /* Q, Esc twice, the window closed */
    OV_REQ_FULLSCREEN,      /* F: fullscreen on or off */
    OV_REQ_EXPORT,          /* an export key (P, Shift+P, G, Shift+G, X): the
                             * window finds its row in the exports table */
    OV_REQ_CANCEL_EXPORT,   /* Esc while a GIF or MP4 export runs */
    OV_REQ_PRESET,          /* 1-9, 0, Shift+1-9: that lecture preset */
    OV_REQ_LECTURE          /* PageDown, PageUp, Ctrl+Home, Ctrl+End: a lecture scene */
} ov_request_kind;

typedef struct ov_request {
    ov_request_kind kind;
    int preset;             /* OV_REQ_PRESET: its number */
    int scene;              /* OV_REQ_LECTURE: the scene's index, from 0 */
    int export_key;         /* OV_REQ_EXPORT: the key pressed (an SDL keycode) */
    bool export_shift;      /* ... with Shift */
} ov_request;

/* Export keys one frame can gather (each row of the exports table once). */
#define OV_REQ_MAX_EXPORTS 8

/* The requests of one frame's events: each asked at least once (a key
 * pressed twice in a frame asks once), the last preset asked for (0:
 * none), the last lecture scene asked for, and the export keys asked for, in the order first pressed. */
typedef struct ov_requests {
    bool quit, fullscreen, cancel_export;
    int preset;
    int scene;              /* the last lecture scene asked for, + 1 (0: none) */
    int nexports;
    struct {
        int key;
        bool shift;
    } exports[OV_REQ_MAX_EXPORTS];
} ov_requests;

/* Adds r to set (OV_REQ_NONE adds nothing). */
void ov_requests_add(ov_requests *set, ov_request r);

/* Whether set asks for anything. */
bool ov_requests_any(const ov_requests *set);

#endif
