/* Capsule lists for the path pass: premultiplied colours, capsules
 * (solid or dashed, clipped to a rectangle) and outlined marker shapes,
 * built on the CPU in pixels and drawn by paths.c as instanced capsules. */
#ifndef OV_RENDER_CAPSULES_H
#define OV_RENDER_CAPSULES_H

#include <stdbool.h>
#include <stdint.h>

#include "render/palette.h"

/* One capsule instance: a segment p0-p1 in pixels (top-down) with a core of
 * radius `radius` in fill colour and a ring of width `edge` in edge colour
 * around it, anti-aliased; p0 == p1 draws a disc. Colours premultiplied. */
typedef struct ov_seg {
    float p0[2], p1[2];
    float z[2];             /* window depth of p0 and p1 (3-D; 0 in 2-D) */
    float radius, edge;
    uint8_t fill[4], edgecol[4];
} ov_seg;

/* A point of the path drawing: pixel position (rows top-down) and window
 * depth (0 in 2-D). */
typedef struct ov_pt {
    double x, y, z;
} ov_pt;

/* A growing list of capsules (the path pass's upload). */
typedef struct ov_seg_list {
    ov_seg *v;
    int n, cap;
} ov_seg_list;

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
