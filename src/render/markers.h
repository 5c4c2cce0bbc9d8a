/* Marker shapes as pieces (markers.c): filled shapes as horizontal spans,
 * the star and the cross as strokes, for the path pass and the overlay.
 * Only src/render includes this. */
#ifndef OV_RENDER_MARKERS_H
#define OV_RENDER_MARKERS_H

#include <stdbool.h>

#include "render/palette.h"

/* One piece of a marker: a segment (x0, y0)-(x1, y1) half px thick on each
 * side. span: a row of a filled shape, whose ends are the shape's edge (a
 * capsule insets them by its radius); else a stroke. */
typedef void (*ov_piece_fn)(void *ctx, float x0, float y0, float x1, float y1, float half,
                            bool span);
/* The pieces of marker m centred at x, y, radius px, grown by grow px on
 * every side (for an outline drawn under it). */
void ov_marker_pieces(ov_marker m, float x, float y, float radius, float grow, ov_piece_fn fn,
                      void *ctx);
/* The outline of marker m (its edges as strokes half px thick on each side):
 * a head drawn over a minimum is drawn this way, so the minimum shows. */
void ov_marker_outline(ov_marker m, float x, float y, float radius, float half, ov_piece_fn fn,
                       void *ctx);

#endif
