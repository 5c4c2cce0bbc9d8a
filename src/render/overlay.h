/* The overlay queue (overlay.c): rectangles, lines, triangles, discs and
 * text queued in pixels during a frame and drawn in order on top of it.
 * Only src/render includes this. */
#ifndef OV_RENDER_OVERLAY_H
#define OV_RENDER_OVERLAY_H

#include "render/glapi.h"
#include <stdbool.h>
#include <stddef.h>

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
} ov_overlay_item;

typedef struct ov_overlay {
    GLuint prog, vao, vbo;
    GLint u_size, u_tex;
    GLuint white_tex;
    GLuint disc_tex;        /* coverage of an anti-aliased disc */
    ov_overlay_item *items;
    int nitems, cap;
    char *arena;
    size_t arena_len, arena_cap;
    float *verts;
    size_t verts_cap;
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

#endif
