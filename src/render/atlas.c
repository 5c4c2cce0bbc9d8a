/* The overlay's per-frame texture atlas (see atlas.h). */
#include "render/atlas.h"

#include <stdlib.h>
#include <string.h>

#include "render/shader.h"

#define FLOATS_PER_VERT 8
#define DISC 64

typedef struct shelf {
    int x, y, h;            /* cursor, the shelf's top and height */
    uint64_t sig;           /* what was placed where */
} shelf;

/* Room in the atlas image for rows 0 .. n - 1 (new rows zeroed). */
static bool rows(ov_overlay *o, int n)
{
    size_t need = (size_t)n * OV_ATLAS_W;
    if (need <= o->atlas_cap)
        return true;
    size_t cap = o->atlas_cap ? o->atlas_cap : (size_t)256 * OV_ATLAS_W;
    while (cap < need)
        cap *= 2;
    uint8_t *px = realloc(o->atlas_px, cap);
    if (!px)
        return false;
    memset(px + o->atlas_cap, 0, cap - o->atlas_cap);
    o->atlas_px = px;
    o->atlas_cap = cap;
    return true;
}

/* Copies a w x h coverage into the atlas at (x, y) with a ring of its
 * edge texels around it (the block takes w + 2 by h + 2). */
static void put(uint8_t *atlas, int x, int y, const uint8_t *px, int w, int h)
{
    for (int r = -1; r <= h; r++) {
        int sr = r < 0 ? 0 : r >= h ? h - 1 : r;
        const uint8_t *src = px + (size_t)sr * (size_t)w;
        uint8_t *dst = atlas + (size_t)(y + 1 + r) * OV_ATLAS_W + (size_t)x;
        dst[0] = src[0];
        memcpy(dst + 1, src, (size_t)w);
        dst[w + 1] = src[w - 1];
    }
}

/* Finds room for a block of w x h (ring included); false when full. */
static bool place(shelf *s, int w, int h, int *x, int *y)
{
    if (w > OV_ATLAS_W)
        return false;
    if (s->x + w > OV_ATLAS_W) {
        s->y += s->h;
        s->x = 0;
        s->h = 0;
    }
    if (s->y + h > OV_ATLAS_MAX_H)
        return false;
    *x = s->x;
    *y = s->y;
    s->x += w;
    s->h = h > s->h ? h : s->h;
    s->sig ^= (uint64_t)(*x + 1) * 0x9e3779b97f4a7c15ull + (uint64_t)(*y + 1) * 0xc2b2ae3d27d4eb4full;
    s->sig *= 0x100000001b3ull;
    return true;
}

/* Moves the texture coordinates of item i from its own texture's (0..1)
 * to the block whose content starts at (x, y) and is w x h, in an atlas
 * texture th rows high. */
static void remap(ov_overlay *o, int i, const int *b, int th)
{
    float *v = o->verts + (size_t)i * 6 * FLOATS_PER_VERT;
    for (int k = 0; k < 6; k++) {
        float *p = v + k * FLOATS_PER_VERT;
        p[2] = ((float)b[0] + p[2] * (float)b[2]) / (float)OV_ATLAS_W;
        p[3] = ((float)b[1] + p[3] * (float)b[3]) / (float)th;
    }
}

bool ov_atlas_build(ov_overlay *o, ov_text_cache *tc)
{
    if (o->nitems == 0)
        return true;
    if (o->nitems > o->atlas_pos_cap) {
        int *pos = realloc(o->atlas_pos, (size_t)o->nitems * 4 * sizeof *pos);
        if (!pos)
            return false;
        o->atlas_pos = pos;
        o->atlas_pos_cap = o->nitems;
    }
    o->atlas_frame++;
    shelf s = {0, 0, 0, 14695981039346656037ull};
    int dx, dy;
    if (!place(&s, DISC + 2, DISC + 2, &dx, &dy) || !rows(o, s.y + s.h))
        return false;
    put(o->atlas_px, dx, dy, o->disc_px, DISC, DISC);
    /* Texts in the order drawn; one block per text however often drawn.
     * Each is copied as it is placed: a later lookup may evict an entry
     * (more texts in a frame than the cache holds). */
    for (int i = 0; i < o->nitems; i++) {
        ov_overlay_item *it = &o->items[i];
        int *b = o->atlas_pos + 4 * i;
        b[0] = -1;
        if (!it->is_text) {
            bool disc = it->tex == o->disc_tex;
            b[0] = disc ? dx + 1 : 0;
            b[1] = disc ? dy + 1 : 0;
            b[2] = disc ? DISC : 0;   /* 0: a plain colour, no texture read */
            b[3] = disc ? DISC : 0;
            continue;
        }
        ov_text_entry *e = (ov_text_entry *)ov_text_get(tc, o->arena + it->text, it->size);
        if (!e->px || e->w < 1 || e->h < 1 || e->tex != it->tex)
            continue;
        if (e->atlas_frame != o->atlas_frame) {
            int x, y;
            if (!place(&s, e->w + 2, e->h + 2, &x, &y) || !rows(o, y + e->h + 2))
                continue;
            put(o->atlas_px, x, y, e->px, e->w, e->h);
            e->atlas_frame = o->atlas_frame;
            e->ax = x + 1;
            e->ay = y + 1;
            s.sig = (s.sig ^ e->hash) * 0x100000001b3ull;
        }
        b[0] = e->ax;
        b[1] = e->ay;
        b[2] = e->w;
        b[3] = e->h;
    }
    int used = s.y + s.h, th = o->atlas_h > 0 ? o->atlas_h : 256;
    while (th < used)
        th *= 2;
    if (!o->atlas_tex || th != o->atlas_h) {
        if (!o->atlas_tex)
            glGenTextures(1, &o->atlas_tex);
        glBindTexture(GL_TEXTURE_2D, o->atlas_tex);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, OV_ATLAS_W, th, 0, GL_RED, GL_UNSIGNED_BYTE,
                     NULL);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        o->atlas_h = th;
        o->atlas_sig = 0;
    }
    if (s.sig != o->atlas_sig) {
        glBindTexture(GL_TEXTURE_2D, o->atlas_tex);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, OV_ATLAS_W, used, GL_RED, GL_UNSIGNED_BYTE,
                        o->atlas_px);
        glBindTexture(GL_TEXTURE_2D, 0);
    }
    if (!ov_gl_ok("overlay atlas")) {
        o->atlas_sig = 0;
        return false;   /* the items keep their own textures */
    }
    o->atlas_sig = s.sig;
    for (int i = 0; i < o->nitems; i++) {
        const int *b = o->atlas_pos + 4 * i;
        if (b[0] < 0)
            continue;
        o->items[i].tex = o->atlas_tex;
        if (b[2] > 0) {
            remap(o, i, b, th);
            continue;
        }
        /* A plain colour: u < 0 tells the shader to read no texture (as
         * the white texture it was drawn with, every sample 1). */
        float *v = o->verts + (size_t)i * 6 * FLOATS_PER_VERT;
        for (int k = 0; k < 6; k++) {
            v[k * FLOATS_PER_VERT + 2] = -1.0f;
            v[k * FLOATS_PER_VERT + 3] = -1.0f;
        }
    }
    return true;
}
