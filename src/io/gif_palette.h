/* The GIF writer's global palette: caller-given key colours kept exactly,
 * the remaining entries a median-cut quantisation of a reference frame, and
 * a 32x32x32 lookup table for fast nearest-colour mapping. Internal to
 * src/io. */
#ifndef OV_GIF_PALETTE_H
#define OV_GIF_PALETTE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define OV_GIF_MAX_KEEP 64
#define OV_GIF_CELLS (32 * 32 * 32)

typedef struct ov_gif_palette {
    int ncolors;                       /* entries in use, 1..256 */
    int nkeep;                         /* entries [0, nkeep) are key colours */
    uint8_t rgb[256][3];
    uint8_t lut[OV_GIF_CELLS];         /* 5-bit cell -> nearest entry */
    uint8_t lut_ready[OV_GIF_CELLS];   /* 1 once lut[cell] is computed */
    uint8_t key_cell[OV_GIF_CELLS];    /* 1 where a key colour lies in the cell */
} ov_gif_palette;

/* Builds p from npixels RGBA pixels of rgba (alpha ignored) and nkeep key
 * colours (0 .. OV_GIF_MAX_KEEP, duplicates merged). Returns false only when
 * memory runs out. */
bool ov_gif_palette_build(ov_gif_palette *p, const uint8_t *rgba, size_t npixels,
                          const uint8_t (*keep)[3], int nkeep);

static inline unsigned ov_gif_cell(const uint8_t *px)
{
    return ((unsigned)(px[0] >> 3) << 10) | ((unsigned)(px[1] >> 3) << 5) |
           (unsigned)(px[2] >> 3);
}

/* Palette indices of npixels RGBA pixels into out: a key colour maps to
 * its own entry, anything else to the entry nearest its cell (computed on
 * first use, so only the cells that occur cost a search). */
void ov_gif_palette_map(ov_gif_palette *p, const uint8_t *rgba, size_t npixels, uint8_t *out);

#endif
