/* The overlay queue: rectangles and text the HUD (and the path pass's
 * labels) ask for during a frame, drawn in the order queued, on top of the
 * scene, as pixel-space quads in one vertex buffer. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "render/atlas.h"
#include "render/overlay.h"
#include "render/shader.h"

extern const char ov_shader_overlay_vert[];
extern const char ov_shader_overlay_frag[];

#define FLOATS_PER_VERT 8
/* The queue's arrays keep their size from frame to frame (no reallocation
 * per frame), but a frame far larger than the rest (a 1-D view of long
 * runs queues 45,000 items: 12 MB) does not set their size for good: every
 * TRIM_FRAMES frames, an array that no frame of that stretch filled to a
 * quarter shrinks to twice what the largest one used (not below
 * KEEP_ITEMS items, KEEP_ARENA text bytes). */
#define TRIM_FRAMES 120
#define KEEP_ITEMS 1024
#define KEEP_ARENA 4096

bool ov_overlay_init(ov_overlay *o, char *err, size_t cap)
{
    memset(o, 0, sizeof *o);
    const char *vs[] = {ov_shader_overlay_vert};
    const char *fs[] = {ov_shader_overlay_frag};
    o->prog = ov_gl_program("overlay", vs, 1, fs, 1, err, cap);
    if (!o->prog)
        return false;
    o->u_size = glGetUniformLocation(o->prog, "u_size");
    o->u_tex = glGetUniformLocation(o->prog, "u_tex");
    glGenVertexArrays(1, &o->vao);
    glGenBuffers(1, &o->vbo);
    glBindVertexArray(o->vao);
    glBindBuffer(GL_ARRAY_BUFFER, o->vbo);
    const GLsizei st = FLOATS_PER_VERT * (GLsizei)sizeof(float);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, st, (void *)0);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, st, (void *)(2 * sizeof(float)));
    glVertexAttribPointer(2, 4, GL_FLOAT, GL_FALSE, st, (void *)(4 * sizeof(float)));
    for (GLuint i = 0; i < 3; i++)
        glEnableVertexAttribArray(i);
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    const uint8_t white = 255;
    glGenTextures(1, &o->white_tex);
    glBindTexture(GL_TEXTURE_2D, o->white_tex);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, 1, 1, 0, GL_RED, GL_UNSIGNED_BYTE, &white);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    /* A disc's coverage, 64 x 64, edge anti-aliased over one texel. */
    enum { DISC = 64 };
    uint8_t disc[DISC * DISC];
    for (int y = 0; y < DISC; y++)
        for (int x = 0; x < DISC; x++) {
            float dx = (float)x + 0.5f - DISC / 2.0f, dy = (float)y + 0.5f - DISC / 2.0f;
            float cov = DISC / 2.0f - 0.5f - sqrtf(dx * dx + dy * dy) + 0.5f;
            cov = cov < 0 ? 0 : cov > 1 ? 1 : cov;
            disc[y * DISC + x] = (uint8_t)(cov * 255.0f + 0.5f);
        }
    memcpy(o->disc_px, disc, sizeof disc);
    glGenTextures(1, &o->disc_tex);
    glBindTexture(GL_TEXTURE_2D, o->disc_tex);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, DISC, DISC, 0, GL_RED, GL_UNSIGNED_BYTE, disc);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
    if (!ov_gl_ok("overlay buffers")) {
        snprintf(err, cap, "cannot create the overlay buffers");
        return false;
    }
    return true;
}

void ov_overlay_deinit(ov_overlay *o)
{
    if (o->prog)
        glDeleteProgram(o->prog);
    if (o->vbo)
        glDeleteBuffers(1, &o->vbo);
    if (o->vao)
        glDeleteVertexArrays(1, &o->vao);
    if (o->white_tex)
        glDeleteTextures(1, &o->white_tex);
    if (o->disc_tex)
        glDeleteTextures(1, &o->disc_tex);
    if (o->atlas_tex)
        glDeleteTextures(1, &o->atlas_tex);
    free(o->atlas_px);
    free(o->atlas_pos);
    free(o->items);
    free(o->arena);
    free(o->verts);
    memset(o, 0, sizeof *o);
}

/* Shrinks the arrays to the recent frames' use (see TRIM_FRAMES); called
 * once a frame, before drawing, with the frame's items queued. A failed
 * shrink keeps the larger array. */
static void trim(ov_overlay *o)
{
    if (o->nitems > o->peak_items)
        o->peak_items = o->nitems;
    if (o->arena_len > o->peak_arena)
        o->peak_arena = o->arena_len;
    if (++o->frames_since_trim < TRIM_FRAMES)
        return;
    int keep = o->peak_items < KEEP_ITEMS / 2 ? KEEP_ITEMS : 2 * o->peak_items;
    if (o->cap / 4 > o->peak_items && o->cap > keep) {
        ov_overlay_item *ni = realloc(o->items, (size_t)keep * sizeof *ni);
        if (ni) {
            o->items = ni;
            o->cap = keep;
        }
    }
    size_t vkeep = (size_t)keep * 6 * FLOATS_PER_VERT;
    if (o->verts_cap / 4 > (size_t)o->peak_items * 6 * FLOATS_PER_VERT &&
        o->verts_cap > vkeep) {
        float *nv = realloc(o->verts, vkeep * sizeof *nv);
        if (nv) {
            o->verts = nv;
            o->verts_cap = vkeep;
        }
    }
    size_t akeep = o->peak_arena < KEEP_ARENA / 2 ? KEEP_ARENA : 2 * o->peak_arena;
    if (o->arena_cap / 4 > o->peak_arena && o->arena_cap > akeep) {
        char *na = realloc(o->arena, akeep);
        if (na) {
            o->arena = na;
            o->arena_cap = akeep;
        }
    }
    o->peak_items = 0;
    o->peak_arena = 0;
    o->frames_since_trim = 0;
}

void ov_overlay_clear(ov_overlay *o)
{
    o->nitems = 0;
    o->arena_len = 0;
}

static ov_overlay_item *add(ov_overlay *o)
{
    if (o->nitems == o->cap) {
        int ncap = o->cap ? o->cap * 2 : 64;
        ov_overlay_item *ni = realloc(o->items, (size_t)ncap * sizeof *ni);
        if (!ni)
            return NULL;
        o->items = ni;
        o->cap = ncap;
    }
    ov_overlay_item *it = &o->items[o->nitems++];
    memset(it, 0, sizeof *it);
    return it;
}

/* True when all four are finite; otherwise counts the shape (a caller
 * handed the overlay a non-finite number: a broken promise the soak and
 * extremes tests catch) and it is not queued. */
static bool finite4(ov_overlay *o, float a, float b, float c, float d)
{
    if (isfinite(a) && isfinite(b) && isfinite(c) && isfinite(d))
        return true;
    o->nonfinite++;
    return false;
}

void ov_overlay_rect(ov_overlay *o, float x, float y, float w, float h, ov_rgba c)
{
    if (!finite4(o, x, y, w, h) || w <= 0 || h <= 0)
        return;
    ov_overlay_item *it = add(o);
    if (!it)
        return;
    it->x = x;
    it->y = y;
    it->w = w;
    it->h = h;
    it->color = c;
}

void ov_overlay_line(ov_overlay *o, float x0, float y0, float x1, float y1, float width,
                     ov_rgba c)
{
    if (!finite4(o, x0, y0, x1, y1) || !finite4(o, width, 0, 0, 0) || width <= 0)
        return;
    ov_overlay_item *it = add(o);
    if (!it)
        return;
    it->is_line = true;
    it->x = x0;
    it->y = y0;
    it->x1 = x1;
    it->y1 = y1;
    it->w = width;
    it->color = c;
}

void ov_overlay_triangle(ov_overlay *o, float x0, float y0, float x1, float y1, float x2,
                         float y2, ov_rgba c)
{
    if (!finite4(o, x0, y0, x1, y1) || !finite4(o, x2, y2, 0, 0))
        return;
    ov_overlay_item *it = add(o);
    if (!it)
        return;
    it->is_tri = true;
    it->x = x0;
    it->y = y0;
    it->x1 = x1;
    it->y1 = y1;
    it->x2 = x2;
    it->y2 = y2;
    it->color = c;
}

void ov_overlay_disc(ov_overlay *o, float x, float y, float radius, ov_rgba c)
{
    if (!finite4(o, x, y, radius, 0) || radius <= 0)
        return;
    ov_overlay_item *it = add(o);
    if (!it)
        return;
    it->is_disc = true;
    it->x = x;
    it->y = y;
    it->w = radius;
    it->color = c;
}

/* True when text holds "nan", "inf" or "infinity" as a word of its own
 * (any case): every form printf may make of a non-finite number. */
static bool names_nonfinite(const char *text)
{
    for (const char *t = text; *t; t++) {
        if (t != text && isalpha((unsigned char)t[-1]))
            continue;
        if ((strncasecmp(t, "nan", 3) == 0 || strncasecmp(t, "inf", 3) == 0) &&
            !isalpha((unsigned char)t[3]))
            return true;
        if (strncasecmp(t, "infinity", 8) == 0 && !isalpha((unsigned char)t[8]))
            return true;
    }
    return false;
}

void ov_overlay_text(ov_overlay *o, float x, float y, float size, ov_rgba c,
                     const char *utf8)
{
    if (!utf8 || !*utf8 || !finite4(o, x, y, size, 0))
        return;
    if (names_nonfinite(utf8))
        o->bad_text++;
    size_t n = strlen(utf8) + 1;
    if (o->arena_len + n > o->arena_cap) {
        size_t ncap = o->arena_cap ? o->arena_cap : 4096;
        while (ncap < o->arena_len + n)
            ncap *= 2;
        char *na = realloc(o->arena, ncap);
        if (!na)
            return;
        o->arena = na;
        o->arena_cap = ncap;
    }
    ov_overlay_item *it = add(o);
    if (!it)
        return;
    memcpy(o->arena + o->arena_len, utf8, n);
    it->is_text = true;
    it->x = x;
    it->y = y;
    it->size = size;
    it->color = c;
    it->text = o->arena_len;
    o->arena_len += n;
}

static void quad(float *v, float x, float y, float w, float h, ov_rgba c)
{
    static const float corner[6][2] = {{0, 0}, {1, 0}, {0, 1}, {1, 0}, {1, 1}, {0, 1}};
    for (int i = 0; i < 6; i++) {
        float *p = v + i * FLOATS_PER_VERT;
        p[0] = x + corner[i][0] * w;
        p[1] = y + corner[i][1] * h;
        p[2] = corner[i][0];
        p[3] = corner[i][1];
        p[4] = c.r * c.a;
        p[5] = c.g * c.a;
        p[6] = c.b * c.a;
        p[7] = c.a;
    }
}

/* A segment as two triangles: the centre line pushed out by half the width
 * on both sides (square ends, extended by half the width so joints close). */
static void segment(float *v, const ov_overlay_item *it)
{
    float dx = it->x1 - it->x, dy = it->y1 - it->y, len = sqrtf(dx * dx + dy * dy);
    float ux = len > 0 ? dx / len : 1, uy = len > 0 ? dy / len : 0, h = it->w * 0.5f;
    float nx = -uy * h, ny = ux * h;
    float ax = it->x - ux * h, ay = it->y - uy * h, bx = it->x1 + ux * h, by = it->y1 + uy * h;
    const float pts[6][2] = {{ax + nx, ay + ny}, {bx + nx, by + ny}, {ax - nx, ay - ny},
                             {bx + nx, by + ny}, {bx - nx, by - ny}, {ax - nx, ay - ny}};
    ov_rgba c = it->color;
    for (int i = 0; i < 6; i++) {
        float *p = v + i * FLOATS_PER_VERT;
        p[0] = pts[i][0];
        p[1] = pts[i][1];
        p[2] = 0.5f;
        p[3] = 0.5f;
        p[4] = c.r * c.a;
        p[5] = c.g * c.a;
        p[6] = c.b * c.a;
        p[7] = c.a;
    }
}

/* A triangle as the first three vertices of the item's six; the other
 * three repeat the last corner (a degenerate triangle draws nothing). */
static void triangle(float *v, const ov_overlay_item *it)
{
    const float pts[6][2] = {{it->x, it->y},   {it->x1, it->y1}, {it->x2, it->y2},
                             {it->x2, it->y2}, {it->x2, it->y2}, {it->x2, it->y2}};
    ov_rgba c = it->color;
    for (int i = 0; i < 6; i++) {
        float *p = v + i * FLOATS_PER_VERT;
        p[0] = pts[i][0];
        p[1] = pts[i][1];
        p[2] = 0.5f;
        p[3] = 0.5f;
        p[4] = c.r * c.a;
        p[5] = c.g * c.a;
        p[6] = c.b * c.a;
        p[7] = c.a;
    }
}

int ov_overlay_prepare(ov_overlay *o, ov_text_cache *tc)
{
    trim(o);
    o->uploaded = false;
    if (o->nitems == 0)
        return 0;
    size_t need = (size_t)o->nitems * 6 * FLOATS_PER_VERT;
    if (need > o->verts_cap) {
        float *nv = realloc(o->verts, need * sizeof(float));
        if (!nv) {
            o->nitems = 0;
            return 0;
        }
        o->verts = nv;
        o->verts_cap = need;
    }
    /* Text items are measured (and rasterised on a cache miss) first, so
     * their quads can go into the one buffer with the rectangles. An item
     * whose vertices come out non-finite (the queue refuses non-finite
     * input, so this is a bug here) is counted and left out, never drawn
     * with made-up coordinates: nothing non-finite reaches the GPU. */
    int kept = 0;
    o->ntexts = 0;
    for (int i = 0; i < o->nitems; i++) {
        ov_overlay_item *it = &o->items[i];
        o->ntexts += it->is_text;
        if (it->is_text) {
            const ov_text_entry *e = ov_text_get(tc, o->arena + it->text, it->size);
            it->x = roundf(it->x);
            it->y = roundf(it->y);
            it->w = (float)e->w;
            it->h = (float)e->h;
            it->tex = e->tex;
        } else {
            it->tex = it->is_disc ? o->disc_tex : o->white_tex;
        }
        float *v = o->verts + (size_t)kept * 6 * FLOATS_PER_VERT;
        if (it->is_line)
            segment(v, it);
        else if (it->is_tri)
            triangle(v, it);
        else if (it->is_disc)
            quad(v, it->x - it->w, it->y - it->w, 2 * it->w, 2 * it->w, it->color);
        else
            quad(v, it->x, it->y, it->w, it->h, it->color);
        bool finite = true;
        for (int k = 0; k < 6 * FLOATS_PER_VERT; k++)
            finite = finite && isfinite(v[k]);
        if (!finite) {
            o->nonfinite++;
            continue;
        }
        o->items[kept++] = *it;
    }
    o->nitems = kept;
    /* Where it can, every item samples one texture: one draw call. */
    ov_atlas_build(o, tc);
    return kept;
}

void ov_overlay_item_box(const ov_overlay *o, int i, float box[4])
{
    const float *v = o->verts + (size_t)i * 6 * FLOATS_PER_VERT;
    box[0] = box[2] = v[0];
    box[1] = box[3] = v[1];
    for (int k = 1; k < 6; k++) {
        const float *p = v + k * FLOATS_PER_VERT;
        box[0] = p[0] < box[0] ? p[0] : box[0];
        box[1] = p[1] < box[1] ? p[1] : box[1];
        box[2] = p[0] > box[2] ? p[0] : box[2];
        box[3] = p[1] > box[3] ? p[1] : box[3];
    }
}

/* Whether item i reaches into clip (x0, y0, x1, y1), NULL for everywhere. */
static bool in_clip(const ov_overlay *o, int i, const float *clip)
{
    if (!clip)
        return true;
    float b[4];
    ov_overlay_item_box(o, i, b);
    return b[0] - 1 < clip[2] && b[2] + 1 > clip[0] && b[1] - 1 < clip[3] && b[3] + 1 > clip[1];
}

void ov_overlay_submit(ov_overlay *o, ov_text_cache *tc, int width, int height,
                       const float *clip)
{
    (void)tc;   /* the textures were settled by ov_overlay_prepare */
    if (o->nitems == 0)
        return;
    glBindBuffer(GL_ARRAY_BUFFER, o->vbo);
    if (!o->uploaded) {
        size_t need = (size_t)o->nitems * 6 * FLOATS_PER_VERT;
        glBufferData(GL_ARRAY_BUFFER, (GLsizeiptr)(need * sizeof(float)), o->verts,
                     GL_STREAM_DRAW);
        o->uploaded = true;
    }
    glUseProgram(o->prog);
    glUniform2f(o->u_size, (float)width, (float)height);
    glUniform1i(o->u_tex, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(o->vao);
    int first = 0;
    while (first < o->nitems) {
        if (!in_clip(o, first, clip)) {
            first++;
            continue;
        }
        /* Runs of items that share a texture (the atlas): one draw each. */
        int last = first + 1;
        GLuint tex = o->items[first].tex;
        while (last < o->nitems && o->items[last].tex == tex && in_clip(o, last, clip))
            last++;
        if (tex) {
            glBindTexture(GL_TEXTURE_2D, tex);
            glDrawArrays(GL_TRIANGLES, first * 6, (last - first) * 6);
        }
        first = last;
    }
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glBindTexture(GL_TEXTURE_2D, 0);
    ov_gl_ok("overlay pass");
}

void ov_overlay_draw(ov_overlay *o, ov_text_cache *tc, int width, int height)
{
    if (ov_overlay_prepare(o, tc) > 0)
        ov_overlay_submit(o, tc, width, height, NULL);
}
