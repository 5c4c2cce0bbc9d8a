/* The action table: every key binding as one row {key, modifiers, repeat
 * policy, help text, action}. Input handling (input.c), the help overlay
 * (hud.c) and README's key tables all come from it; a test compares README
 * against it. A new key is one row here. */
#ifndef OV_ACTIONS_H
#define OV_ACTIONS_H

#include <SDL2/SDL.h>
#include <stdbool.h>

#include "app_state.h"
#include "request.h"

/* What a key does while it is held down. */
typedef enum ov_repeat {
    OV_REPEAT_NO = 0,   /* acts once per press; auto-repeat events are ignored */
    OV_REPEAT_YES,      /* acts again on every auto-repeat event */
    OV_REPEAT_RATE      /* acts once on the press, then, after OV_HOLD_DELAY
                         * seconds held, continuously at a rate per second
                         * (auto-repeat events are ignored) */
} ov_repeat;

/* Seconds a RATE key must be held before it changes continuously (a tap is
 * exactly one step). */
#define OV_HOLD_DELAY 0.4

/* Modifier sets a binding asks for. A key press matches the binding with
 * exactly its Shift/Ctrl state first, then one with OV_MOD_ANY. Alt, GUI,
 * Caps Lock and Num Lock are not looked at. */
enum {
    OV_MOD_NONE = 0,
    OV_MOD_SHIFT = 1,
    OV_MOD_CTRL = 2,
    OV_MOD_ANY = 0x100
};

typedef struct ov_binding ov_binding;

/* An action: changes st through the controls and returns what it asks of
 * the window (OV_REQ_NONE: nothing). held_dt is 0 for a press (or an
 * auto-repeat event) and the seconds since the last call while a RATE key
 * is held. */
typedef ov_request (*ov_action_fn)(ov_app_state *st, const ov_binding *b, double held_dt);

struct ov_binding {
    SDL_Keycode key;    /* SDLK_UNKNOWN: a mouse row (help text only; the
                         * mouse is handled in input.c) */
    unsigned mods;      /* OV_MOD_* */
    ov_repeat repeat;
    /* The help overlay's and README's row this binding starts: its key
     * column and what it does. NULL keys: the binding belongs to the row
     * above (a second key of the same row, e.g. Down under "Up / Down"). */
    const char *keys;
    const char *help;
    ov_action_fn act;   /* NULL only for mouse rows */
    double arg;         /* per press: a factor, a step, a number */
    double rate;        /* RATE keys: the same quantity per second held */
};

/* The bindings of the picture (n: their count), those of the formula
 * field while it is open, and those while a window export (G, Shift+G)
 * runs: the scene stays as the export found it until it ends. */
const ov_binding *ov_bindings(int *n);
const ov_binding *ov_edit_bindings(int *n);
const ov_binding *ov_export_bindings(int *n);

/* The help overlay's pages (hud_help.c lays them out): H opens the first,
 * steps to the next, and closes after the last. */
#define OV_HELP_PAGES 5

/* The binding in table (n rows) for a key with SDL modifier state mod, or
 * NULL. */
const ov_binding *ov_binding_find(const ov_binding *table, int n, SDL_Keycode key, Uint16 mod);

#endif
