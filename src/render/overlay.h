/* The overlay queue (overlay.c): rectangles, lines, triangles, discs and
 * text queued in pixels during a frame and drawn in order on top of it.
 * Only src/render includes this. */
#ifndef OV_RENDER_OVERLAY_H
#define OV_RENDER_OVERLAY_H

#include "render/glapi.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "render/palette.h"
#include "render/text.h"

typedef struct ov_overlay_item {
    bool is_text;
    bool is_line;           /* a segment from (x, y) to (x1, y1), w wide */
    bool is_tri;            /* a filled triangle (x, y), (x1, y1), (x2, y2) */
    bool is_disc;           /* an anti-aliased disc: centre x, y, radius w */
    float x2, y2;
    float x, y, w, h;       /* rect; for text x, y is the top-left */
    float x1, y1;
    ov_rgba color;
    float size;             /* text size in px */
    size_t text;            /* offset into the arena */
    GLuint tex;             /* drawn with (ov_overlay_prepare): the atlas or its own */
} ov_overlay_item;

typedef struct ov_overlay {
    GLuint prog, vao, vbo;
    GLint u_size, u_tex;
    GLuint white_tex;
    GLuint disc_tex;        /* coverage of an anti-aliased disc */
    uint8_t disc_px[64 * 64];
    /* The frame's atlas (atlas.c): every text of the frame and the disc in
     * one texture, so the overlay draws in one call. */
    GLuint atlas_tex;
    int atlas_w, atlas_h;   /* the texture's size */
    uint8_t *atlas_px;
    size_t atlas_cap;
    uint64_t atlas_frame, atlas_sig;
    int *atlas_pos;         /* per item: x, y, w, h of its block (x < 0: none) */
    int atlas_pos_cap;
    ov_overlay_item *items;
    int nitems, cap;
    int ntexts;             /* text items of the frame prepared */
    char *arena;
    size_t arena_len, arena_cap;
    float *verts;
    size_t verts_cap;
    bool uploaded;          /* verts are in vbo for this frame */
    /* The largest frame (items, text bytes) since the arrays were last
     * looked at for shrinking, and how many frames that was ago. */
    int peak_items;
    size_t peak_arena;
    int frames_since_trim;
    unsigned long nonfinite;    /* non-finite values found in uploads (0) */
    unsigned long bad_text;     /* strings queued with "nan" or "inf" in them */
} ov_overlay;

bool ov_overlay_init(ov_overlay *o, char *err, size_t cap);
void ov_overlay_deinit(ov_overlay *o);
void ov_overlay_clear(ov_overlay *o);
void ov_overlay_rect(ov_overlay *o, float x, float y, float w, float h, ov_rgba c);
/* Queues text whose top-left is x, y. */
void ov_overlay_text(ov_overlay *o, float x, float y, float size, ov_rgba c,
                     const char *utf8);
void ov_overlay_triangle(ov_overlay *o, float x0, float y0, float x1, float y1, float x2,
                         float y2, ov_rgba c);
void ov_overlay_disc(ov_overlay *o, float x, float y, float radius, ov_rgba c);
void ov_overlay_line(ov_overlay *o, float x0, float y0, float x1, float y1, float width,
                     ov_rgba c);
/* Draws the queue in order into the bound framebuffer. */
void ov_overlay_draw(ov_overlay *o, ov_text_cache *tc, int width, int height);
/* ov_overlay_draw in parts: the items' vertices (text measured, rasterised
 * on a cache miss; non-finite items dropped), returning how many; the box
 * (x0, y0, x1, y1 in pixels) of item i's quad; and drawing the items that
 * reach into clip (x0, y0, x1, y1; NULL: all) in order. */
int ov_overlay_prepare(ov_overlay *o, ov_text_cache *tc);
void ov_overlay_item_box(const ov_overlay *o, int i, float box[4]);
/* Item i, a text after ov_overlay_prepare, described tile by tile for the
 * damage (damage.h, overlay_tiles.c): *place, the hash of its kind,
 * position, size and colour; out, the hash of its coverage in each tile of
 * span (ov_damage_span of its box), row by row. false for other items, or
 * when its pixels are not at hand. */
bool ov_overlay_text_tiles(const ov_overlay *o, ov_text_cache *tc, int i, const int span[4],
                           uint64_t *place, uint64_t *out);
void ov_overlay_submit(ov_overlay *o, ov_text_cache *tc, int width, int height,
                       const float *clip);

#endif
