/* A PNG's image data (its zlib stream) compressed on every core: the rows
 * are cut into bands of OV_PNG_BAND_ROWS, each band filtered and deflated
 * on its own (with the 32 KiB before it as the dictionary, so matches
 * reach across a band's first row) and ended by a sync flush, so the
 * bands join into one stream, as pigz does. The output does not depend on
 * the number of cores: the bands and the filter are the same on one.
 *
 * The filter is chosen for the whole image by compressing a few sampled
 * rows both ways: no filter with zlib's default strategy (rows of a
 * contour picture are often shifted copies of the row above, which LZ77
 * finds), or the Up filter with run-length matching (what fills that vary
 * smoothly down the picture, like rosenbrock's, compress best with).
 * Whichever is smaller on the sample is used. */
#ifndef OV_PNG_DEFLATE_H
#define OV_PNG_DEFLATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define OV_PNG_BAND_ROWS 64

typedef struct ov_png_idat {
    int nbands;
    uint8_t **band;      /* band i's raw deflate bytes */
    size_t *len;         /* and their count */
    uint8_t head[2];     /* the zlib header: goes before band 0 */
    uint8_t tail[4];     /* the Adler-32 of all filtered rows: after the last band */
    int filter;          /* the PNG filter every row uses: 0 none, 2 Up */
} ov_png_idat;

/* Filters and compresses width x height pixels of rgba (4 bytes a pixel,
 * rows top-down) as PNG rows of bpp bytes a pixel: 4 (RGBA) or 3 (RGB, the
 * alpha dropped). threads: how many threads at most, 0 for one per online
 * core (one in the browser). False with a message in err when memory runs
 * out or zlib fails; out then holds nothing to free. */
bool ov_png_deflate(const uint8_t *rgba, int width, int height, int bpp, int threads,
                    ov_png_idat *out, char *err, size_t cap);

/* The Adler-32 of two byte sequences one after the other, from each one's
 * (as zlib's adler32 gives them) and the second one's length. zlib's own
 * adler32_combine takes the length as z_off_t, whose size the browser
 * build's zlib and its header disagree on. */
uint32_t ov_png_adler32_join(uint32_t first, uint32_t second, size_t len2);

/* Frees what ov_png_deflate made. Safe on a zeroed struct. */
void ov_png_idat_free(ov_png_idat *z);

#endif
