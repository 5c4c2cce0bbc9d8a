/* What changed between two frames of the 2-D view, so a frame redraws and
 * reads back only that. A frame is drawn as layers of primitives in order
 * (layer 0 the path capsules, layer 1 the overlay's items) over a contour
 * image that did not change; each primitive is given as a hash of
 * everything that decides its pixels and a box holding every pixel it
 * touches. The damage is the boxes of the primitives of either frame that
 * are not matched, in order, by an equal one of the other: outside them the
 * same primitives cover each pixel in the same order, so the pixels are the
 * same. It is kept as at most OV_DAMAGE_RECTS rectangles (whole 16-px tiles,
 * merged; no two overlap), or "full".
 * A primitive may also be described tile by tile (a text: its place, and a
 * hash of its pixels in each tile its box touches): when one such is
 * replaced, in order, by another at the same place (the text's string
 * changed, its position, size and colour did not), only the tiles whose
 * pixels differ are damage, not the whole box. */
#ifndef OV_RENDER_DAMAGE_H
#define OV_RENDER_DAMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define OV_DAMAGE_LAYERS 2
#define OV_DAMAGE_RECTS 16
#define OV_DAMAGE_TILE 16

/* A primitive: content hash, box in pixels (rows top-down, x1/y1 past). */
typedef struct ov_prim {
    uint64_t h;
    float x0, y0, x1, y1;
    /* Optional (0: none): a hash of all that decides the pixels but the
     * content (kind, position, size, colour), and 1 + the offset of its
     * tile hashes in its layer's list (ov_damage_tiles), one per tile of
     * ov_damage_span of its box, row by row. */
    uint64_t place;
    int tiles;
} ov_prim;

/* A rectangle of whole pixels, rows top-down. */
typedef struct ov_irect {
    int x, y, w, h;
} ov_irect;

typedef struct ov_prim_list {
    ov_prim *v;
    int n, cap;
    uint64_t *th;               /* tile hashes of the primitives described by tile */
    int nth, th_cap;
} ov_prim_list;

typedef struct ov_damage {
    ov_prim_list prev[OV_DAMAGE_LAYERS], cur[OV_DAMAGE_LAYERS];
    bool prev_ok;               /* prev describes the picture in the framebuffer */
    int width, height;          /* of that picture */
    uint64_t *set;              /* hash set scratch */
    size_t set_cap;
    uint8_t *tiles;
    size_t tiles_cap;
    /* The last ov_damage_compute: full, or nrect rectangles (0: nothing
     * changed). */
    bool full;
    int nrect;
    ov_irect rect[OV_DAMAGE_RECTS];
} ov_damage;

void ov_damage_deinit(ov_damage *d);
/* Room for n primitives of layer for the frame being made; NULL when out
 * of memory (the frame is then full). Sets the layer's count to n. The
 * caller sets every field of each (place and tiles 0 when not described
 * tile by tile). */
ov_prim *ov_damage_layer(ov_damage *d, int layer, int n);
/* The tiles a box (x0, y0, x1, y1, pixels) touches: span[0..3] = first
 * and last tile column, first and last tile row (they may lie outside the
 * frame); the count of tiles, 0 for an empty box. */
int ov_damage_span(float x0, float y0, float x1, float y1, int span[4]);
/* Room for n tile hashes in layer's list for the frame being made: the
 * offset of the first (a primitive's tiles is the offset + 1), -1 when out
 * of memory. The pointer is ov_damage_tile_at's, valid until the next
 * call. */
int ov_damage_tiles(ov_damage *d, int layer, int n);
uint64_t *ov_damage_tile_at(ov_damage *d, int layer, int offset);
/* Hash helpers, chained: eight bytes at a time (multiply and shift), the
 * tail byte by byte (FNV-1a). */
uint64_t ov_damage_hash(uint64_t h, const void *p, size_t n);
#define OV_DAMAGE_SEED 14695981039346656037ull
/* Compares the frame made (its layers) with the last one at width x
 * height; full when asked (a picture below the layers changed), when the
 * size changed, when there is no last frame, or when the changed area is
 * most of the frame. The frame made becomes the last one. */
void ov_damage_compute(ov_damage *d, int width, int height, bool full);
/* The framebuffer no longer holds the last frame (a failed frame, a view
 * that is not described by layers): the next frame is full. */
void ov_damage_forget(ov_damage *d);

#endif
