/* The text cache (text.c): SDL_ttf fonts by size, strings rasterised to
 * GL_R8 coverage textures, and measured sizes without textures. Only
 * src/render includes this. */
#ifndef OV_RENDER_TEXT_H
#define OV_RENDER_TEXT_H

#include "render/glapi.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct ov_text_entry {
    uint64_t hash;
    char *str;
    int size;
    GLuint tex;
    int w, h;
    uint64_t last_used;
    uint8_t *px;            /* the coverage, w x h bytes (for the overlay's atlas) */
    uint64_t atlas_frame;   /* the overlay frame that placed it at ax, ay */
    int ax, ay;
} ov_text_entry;

#define OV_TEXT_CACHE 256
#define OV_FONT_SIZES 16

/* A measured size of a string that has no texture: the HUD layout measures
 * the same strings (and every word prefix while wrapping) on each frame. */
typedef struct ov_text_size {
    uint64_t hash;
    char *str;
    int size;
    int w, h;
    uint64_t last_used;
} ov_text_size;

/* Measured sizes: OV_MEASURE_SETS sets of OV_MEASURE_WAYS entries, the set
 * chosen by the key's hash, the least recently used way replaced. */
#define OV_MEASURE_SETS 512
#define OV_MEASURE_WAYS 8

typedef struct ov_text_cache {
    char *font_path;
    struct {
        int size;
        void *font;         /* TTF_Font */
        uint64_t last_used;
    } fonts[OV_FONT_SIZES];
    ov_text_entry entries[OV_TEXT_CACHE];
    ov_text_size measured[OV_MEASURE_SETS * OV_MEASURE_WAYS];
    ov_text_entry empty;    /* returned for "" and on failure */
    uint64_t clock;
} ov_text_cache;

bool ov_text_init(ov_text_cache *tc, const char *font_path, char *err, size_t cap);
void ov_text_deinit(ov_text_cache *tc);
/* The cached texture (GL_R8 coverage) of utf8 at size_px, rendering it on a
 * miss. Empty strings and failures give an entry with tex 0 and w 0 (h is
 * the font height when the font opened). Valid until the next call. */
const ov_text_entry *ov_text_get(ov_text_cache *tc, const char *utf8, float size_px);
/* The size utf8 would take at size_px, without rasterising it (measuring
 * many candidate strings costs no textures): SDL_ttf's measurement (or the
 * texture's size, the same), kept in the measured-size cache so that asking
 * again costs no shaping. */
void ov_text_measure(ov_text_cache *tc, const char *utf8, float size_px, int *w, int *h);
/* How many measured sizes the cache holds now (at most
 * OV_MEASURE_SETS * OV_MEASURE_WAYS). */
int ov_text_measured_count(const ov_text_cache *tc);

#endif
