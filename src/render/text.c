/* Text through SDL_ttf: one TTF_Font per pixel size, an LRU cache of
 * rendered strings as GL_R8 coverage textures keyed by (string, size), so a
 * static HUD costs no rasterisation per frame, and a bounded cache of
 * measured sizes keyed the same way, so the HUD layout's measuring (every
 * word prefix while wrapping) costs no shaping per frame either. */
#include <SDL.h>
#include <SDL_ttf.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/shader.h"
#include "render/text.h"

static int size_key(float size_px)
{
    long s = lroundf(size_px);
    return s < 4 ? 4 : s > 512 ? 512 : (int)s;
}

static TTF_Font *font_at(ov_text_cache *tc, int size)
{
    int slot = 0;
    for (int i = 0; i < OV_FONT_SIZES; i++) {
        if (tc->fonts[i].font && tc->fonts[i].size == size) {
            tc->fonts[i].last_used = tc->clock;
            return tc->fonts[i].font;
        }
        if (tc->fonts[i].last_used < tc->fonts[slot].last_used)
            slot = i;
    }
    for (int i = 0; i < OV_FONT_SIZES; i++)
        if (!tc->fonts[i].font) {
            slot = i;
            break;
        }
    TTF_Font *f = TTF_OpenFont(tc->font_path, size);
    if (!f) {
        ov_render_log("cannot open font %s at %d px: %s", tc->font_path, size, TTF_GetError());
        return NULL;
    }
    if (tc->fonts[slot].font)
        TTF_CloseFont(tc->fonts[slot].font);
    tc->fonts[slot].font = f;
    tc->fonts[slot].size = size;
    tc->fonts[slot].last_used = tc->clock;
    return f;
}

bool ov_text_init(ov_text_cache *tc, const char *font_path, char *err, size_t cap)
{
    memset(tc, 0, sizeof *tc);
    size_t n = strlen(font_path) + 1;
    tc->font_path = malloc(n);
    if (!tc->font_path) {
        snprintf(err, cap, "out of memory");
        return false;
    }
    memcpy(tc->font_path, font_path, n);
    if (!font_at(tc, 16)) {
        snprintf(err, cap, "cannot load font %s: %s", font_path, TTF_GetError());
        return false;
    }
    return true;
}

static void drop(ov_text_entry *e)
{
    if (e->tex)
        glDeleteTextures(1, &e->tex);
    free(e->px);
    free(e->str);
    memset(e, 0, sizeof *e);
}

void ov_text_deinit(ov_text_cache *tc)
{
    for (int i = 0; i < OV_TEXT_CACHE; i++)
        drop(&tc->entries[i]);
    for (int i = 0; i < OV_MEASURE_SETS * OV_MEASURE_WAYS; i++)
        free(tc->measured[i].str);
    for (int i = 0; i < OV_FONT_SIZES; i++)
        if (tc->fonts[i].font)
            TTF_CloseFont(tc->fonts[i].font);
    free(tc->font_path);
    memset(tc, 0, sizeof *tc);
}

static uint64_t hash_of(const char *s, int size)
{
    uint64_t h = 14695981039346656037ull ^ (uint64_t)size;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ull;
    }
    return h;
}

/* Rasterises str into e (texture and size); false when SDL_ttf fails. */
static bool render_into(ov_text_entry *e, TTF_Font *font, const char *str)
{
    SDL_Color white = {255, 255, 255, 255};
    SDL_Surface *surf = TTF_RenderUTF8_Blended(font, str, white);
    if (!surf) {
        ov_render_log("cannot render text \"%s\": %s", str, TTF_GetError());
        return false;
    }
    /* SDL_ttf's blended text is ARGB8888 already: no copy then (a copy of
     * a 1080p legend row is fresh pages each time). */
    SDL_Surface *conv = surf->format->format == SDL_PIXELFORMAT_ARGB8888
                            ? surf
                            : SDL_ConvertSurfaceFormat(surf, SDL_PIXELFORMAT_ARGB8888, 0);
    if (conv != surf)
        SDL_FreeSurface(surf);
    if (!conv) {
        ov_render_log("cannot convert text surface: %s", SDL_GetError());
        return false;
    }
    uint8_t *alpha = malloc((size_t)conv->w * (size_t)conv->h);
    if (!alpha || SDL_LockSurface(conv) != 0) {
        free(alpha);
        SDL_FreeSurface(conv);
        ov_render_log("cannot read text surface");
        return false;
    }
    for (int y = 0; y < conv->h; y++) {
        const uint32_t *row = (const uint32_t *)((const uint8_t *)conv->pixels + y * conv->pitch);
        for (int x = 0; x < conv->w; x++)
            alpha[y * conv->w + x] = (uint8_t)(row[x] >> 24);
    }
    SDL_UnlockSurface(conv);
    e->w = conv->w;
    e->h = conv->h;
    glGenTextures(1, &e->tex);
    glBindTexture(GL_TEXTURE_2D, e->tex);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, e->w, e->h, 0, GL_RED, GL_UNSIGNED_BYTE, alpha);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
    e->px = alpha;   /* kept: the overlay copies it into its atlas */
    SDL_FreeSurface(conv);
    return ov_gl_ok("text texture");
}

const ov_text_entry *ov_text_get(ov_text_cache *tc, const char *utf8, float size_px)
{
    int size = size_key(size_px);
    tc->clock++;
    memset(&tc->empty, 0, sizeof tc->empty);
    TTF_Font *font = font_at(tc, size);
    if (!font)
        return &tc->empty;
    tc->empty.h = TTF_FontHeight(font);
    if (!utf8 || !*utf8)
        return &tc->empty;
    uint64_t h = hash_of(utf8, size);
    int victim = 0;
    for (int i = 0; i < OV_TEXT_CACHE; i++) {
        ov_text_entry *e = &tc->entries[i];
        if (e->str && e->hash == h && e->size == size && strcmp(e->str, utf8) == 0) {
            e->last_used = tc->clock;
            return e;
        }
        if (e->last_used < tc->entries[victim].last_used)
            victim = i;
    }
    ov_text_entry *e = &tc->entries[victim];
    drop(e);
    size_t n = strlen(utf8) + 1;
    e->str = malloc(n);
    if (!e->str)
        return &tc->empty;
    memcpy(e->str, utf8, n);
    e->hash = h;
    e->size = size;
    e->last_used = tc->clock;
    if (!render_into(e, font, utf8)) {
        drop(e);
        return &tc->empty;
    }
    return e;
}

/* The measured size of (utf8, size) in its set, or NULL; *victim is the
 * way to replace on a miss (an empty one, else the least recently used). */
static ov_text_size *measured_find(ov_text_cache *tc, const char *utf8, int size, uint64_t h,
                                   ov_text_size **victim)
{
    ov_text_size *set = &tc->measured[(h % OV_MEASURE_SETS) * OV_MEASURE_WAYS];
    *victim = &set[0];
    for (int i = 0; i < OV_MEASURE_WAYS; i++) {
        ov_text_size *m = &set[i];
        if (m->str && m->hash == h && m->size == size && strcmp(m->str, utf8) == 0)
            return m;
        if (!m->str ? (*victim)->str != NULL : (*victim)->str && m->last_used < (*victim)->last_used)
            *victim = m;
    }
    return NULL;
}

void ov_text_measure(ov_text_cache *tc, const char *utf8, float size_px, int *w, int *h)
{
    int size = size_key(size_px);
    *w = *h = 0;
    tc->clock++;
    TTF_Font *font = font_at(tc, size);
    if (!font)
        return;
    *h = TTF_FontHeight(font);
    if (!utf8 || !*utf8)
        return;
    uint64_t hs = hash_of(utf8, size);
    ov_text_size *victim;
    ov_text_size *m = measured_find(tc, utf8, size, hs, &victim);
    if (m) {
        m->last_used = tc->clock;
        *w = m->w;
        *h = m->h;
        return;
    }
    /* A texture's size is SDL_ttf's measurement of the same string (the
     * surface is made that size; test_render_text checks it), so either
     * source gives the same answer; the texture saves the shaping. */
    int tw = 0, th = 0;
    const ov_text_entry *tex = NULL;
    for (int i = 0; i < OV_TEXT_CACHE && !tex; i++) {
        const ov_text_entry *e = &tc->entries[i];
        if (e->str && e->hash == hs && e->size == size && strcmp(e->str, utf8) == 0)
            tex = e;
    }
    if (tex) {
        tw = tex->w;
        th = tex->h;
    } else if (TTF_SizeUTF8(font, utf8, &tw, &th) != 0) {
        return;
    }
    *w = tw;
    *h = th;
    size_t n = strlen(utf8) + 1;
    char *copy = malloc(n);
    if (!copy)
        return;   /* the size is right, only not kept */
    memcpy(copy, utf8, n);
    free(victim->str);
    *victim = (ov_text_size){hs, copy, size, tw, th, tc->clock};
}

int ov_text_measured_count(const ov_text_cache *tc)
{
    int n = 0;
    for (int i = 0; i < OV_MEASURE_SETS * OV_MEASURE_WAYS; i++)
        n += tc->measured[i].str != NULL;
    return n;
}
