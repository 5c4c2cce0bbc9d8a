/* Undo and redo (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y) of any change to the
 * scene: parameters, runs, start, surface, view, 3-D camera, panels, a
 * preset key, a lecture step. A snapshot is the scene as a saved-scene
 * block (save.h: the options of the U key's command line, read back by the
 * command line's own code) plus its caption and lecture position, so
 * undoing replays the earlier scene exactly; pixels are never kept. The
 * history holds at most its bound of steps, dropping the oldest. The only
 * writer of the state's history part (app_state.h). */
#ifndef OV_HISTORY_H
#define OV_HISTORY_H

#include <stdbool.h>

#include "app_state.h"

#define OV_HISTORY_MAX 100

typedef struct ov_history ov_history;

/* An empty history keeping at most max steps (0: OV_HISTORY_MAX). NULL
 * when memory runs out. */
ov_history *ov_history_create(int max);
void ov_history_destroy(ov_history *h);   /* NULL: no-op */

/* Gives st the history h (NULL: none) and takes st's scene as it is now as
 * the starting point. */
void ov_history_attach(ov_app_state *st, ov_history *h);

/* After a frame's events: when the scene differs from the last one noted,
 * the last one becomes an undo step (and redo is cleared); continuing
 * says the change goes on from the one before (a held key, an auto-repeat,
 * a drag), which then stays a single step. */
void ov_history_observe(ov_app_state *st, bool continuing);

/* Brings back the scene before the last step / the one undone last. false
 * (said in the HUD) when there is none. */
bool ov_history_undo(ov_app_state *st);
bool ov_history_redo(ov_app_state *st);

/* Steps that undo / redo can take now. */
int ov_history_undo_count(const ov_app_state *st);
int ov_history_redo_count(const ov_app_state *st);

#endif
