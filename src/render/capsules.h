/* Capsule lists for the path pass: premultiplied colours, capsules
 * (solid or dashed, clipped to a rectangle) and outlined marker shapes,
 * built on the CPU in pixels and drawn by paths.c as instanced capsules. */
#ifndef OV_RENDER_CAPSULES_H
#define OV_RENDER_CAPSULES_H

#include <stdbool.h>
#include <stdint.h>

#include "render_internal.h"

/* A colour as premultiplied bytes. */
typedef struct ov_paint {
    uint8_t b[4];
} ov_paint;

/* A dash pattern walked along a polyline: on for `on` px, off for `off`
 * px; on = 0 draws it solid. `phase` carries over between segments. */
typedef struct ov_dash {
    double on, off, phase;
} ov_dash;

/* c at opacity alpha, premultiplied. */
ov_paint ov_paint_of(ov_rgba c, float alpha);
/* Appends a capsule a-b; with edge 0 the ring colour is the fill colour.
 * Out of memory: the capsule is dropped. */
void ov_caps_push(ov_seg_list *l, ov_pt a, ov_pt b, float radius, float edge, ov_paint fill,
                  ov_paint ring);
/* Clips a-b to [x0, x1] x [y0, y1], depth following linearly; false when
 * nothing is left. */
bool ov_caps_clip(ov_pt *a, ov_pt *b, double x0, double x1, double y0, double y1);
/* Appends a-b with d's dash pattern applied (d's phase advances). */
void ov_caps_push_dashed(ov_seg_list *l, ov_pt a, ov_pt b, float radius, ov_paint c, ov_dash *d);
/* Marker shape m at q with radius r, outlined `edge` px in ring colour
 * (none when edge is 0), filled with fill. */
void ov_caps_push_marker(ov_seg_list *l, ov_marker m, ov_pt q, float r, float edge,
                         ov_paint fill, ov_paint ring);
/* The outline of marker shape m at q (radius r), a stroke `half` px wide
 * each side, in colour c. */
void ov_caps_push_outline(ov_seg_list *l, ov_marker m, ov_pt q, float r, float half, ov_paint c);

#endif
