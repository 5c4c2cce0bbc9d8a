/* Tests of the banded PNG compressor (src/io/png_deflate.c) and the PNG
 * it makes: the bands joined with the zlib header and checksum inflate
 * (zlib's own checks pass) to rows that, unfiltered by the PNG rules
 * written out here, are the image; each kind of picture gets the filter it
 * is meant to; the bytes do not depend on the number of threads; a
 * written file reads back through libpng. */
#include <png.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "io/png_deflate.h"
#include "io/png_write.h"
#include "ov_test.h"

/* A pseudo-random byte per integer. */
static uint8_t noise(uint32_t i)
{
    i ^= i >> 16;
    i *= 0x7feb352du;
    i ^= i >> 15;
    i *= 0x846ca68bu;
    i ^= i >> 16;
    return (uint8_t)i;
}

/* Rows that are copies of the row above moved 2 pixels along: what LZ77
 * finds without a filter (a contour picture's slanted bands). */
static uint8_t *shifted(int w, int h)
{
    uint8_t *p = malloc((size_t)w * (size_t)h * 4);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            for (int c = 0; c < 4; c++)
                p[((size_t)y * (size_t)w + (size_t)x) * 4 + (size_t)c] =
                    c == 3 ? 255 : noise((uint32_t)((x + 2 * y) * 4 + c));
    return p;
}

/* Noisy rows each one brighter than the row above: the Up filter leaves
 * rows of 1s, which no shifted copy matches without it. */
static uint8_t *brightening(int w, int h, bool alpha)
{
    uint8_t *p = malloc((size_t)w * (size_t)h * 4);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            for (int c = 0; c < 4; c++)
                p[((size_t)y * (size_t)w + (size_t)x) * 4 + (size_t)c] =
                    c == 3 && !alpha ? 255 : (uint8_t)(noise((uint32_t)(x * 4 + c)) + y);
    return p;
}

/* The zlib stream of z, joined. */
static uint8_t *joined(const ov_png_idat *z, size_t *n)
{
    size_t total = sizeof z->head + sizeof z->tail;
    for (int b = 0; b < z->nbands; b++)
        total += z->len[b];
    uint8_t *s = malloc(total), *o = s;
    memcpy(o, z->head, sizeof z->head);
    o += sizeof z->head;
    for (int b = 0; b < z->nbands; b++) {
        memcpy(o, z->band[b], z->len[b]);
        o += z->len[b];
    }
    memcpy(o, z->tail, sizeof z->tail);
    *n = total;
    return s;
}

static int paeth(int a, int b, int c)
{
    int p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/* Inflates z and undoes the five PNG filters row by row; checks the rows
 * equal rgba (bpp 3: its RGB) and that every row's filter is want_filter.
 * Returns the number of mismatched bytes (or -1 when it did not inflate). */
static long check_stream(const ov_png_idat *z, const uint8_t *rgba, int w, int h, int bpp,
                         int want_filter)
{
    size_t n, line = 1 + (size_t)w * (size_t)bpp;
    uint8_t *s = joined(z, &n);
    uLongf raw_len = (uLongf)(line * (size_t)h);
    uint8_t *raw = malloc(raw_len + 1);
    int zr = uncompress(raw, &raw_len, s, (uLong)n);   /* checks the Adler-32 too */
    free(s);
    CHECK_MSG(zr == Z_OK, "zlib says %d", zr);
    CHECK(raw_len == line * (size_t)h);
    if (zr != Z_OK || raw_len != line * (size_t)h) {
        free(raw);
        return -1;
    }
    uint8_t *prev = calloc(line, 1), *cur = malloc(line);
    long bad = 0, wrong_filter = 0;
    for (int y = 0; y < h; y++) {
        const uint8_t *r = raw + (size_t)y * line;
        int f = r[0];
        wrong_filter += f != want_filter;
        for (size_t i = 1; i < line; i++) {
            int a = i > (size_t)bpp ? cur[i - (size_t)bpp] : 0, b = prev[i];
            int c = i > (size_t)bpp ? prev[i - (size_t)bpp] : 0;
            int pred = f == 1 ? a : f == 2 ? b : f == 3 ? (a + b) / 2 : f == 4 ? paeth(a, b, c) : 0;
            cur[i] = (uint8_t)(r[i] + pred);
            size_t x = (i - 1) / (size_t)bpp, ch = (i - 1) % (size_t)bpp;
            bad += cur[i] != rgba[((size_t)y * (size_t)w + x) * 4 + ch];
        }
        memcpy(prev, cur, line);
    }
    CHECK_MSG(wrong_filter == 0, "%ld of %d rows do not use filter %d", wrong_filter, h,
              want_filter);
    free(prev);
    free(cur);
    free(raw);
    return bad;
}

/* What zlib's compress2 at level 1 makes of z's rows in one stream. */
static size_t single_stream_size(const ov_png_idat *z, int w, int h, int bpp)
{
    size_t n;
    uint8_t *s = joined(z, &n);
    uLongf raw_len = (uLongf)((1 + (size_t)w * (size_t)bpp) * (size_t)h);
    uint8_t *raw = malloc(raw_len);
    uLongf out_len = compressBound(raw_len);
    uint8_t *out = malloc(out_len);
    bool ok = uncompress(raw, &raw_len, s, (uLong)n) == Z_OK &&
              compress2(out, &out_len, raw, raw_len, 1) == Z_OK;
    free(s);
    free(raw);
    free(out);
    return ok ? (size_t)out_len : 0;
}

static void check_case(const char *what, const uint8_t *img, int w, int h, int bpp, int filter)
{
    char err[256] = "";
    ov_png_idat z;
    CHECK_MSG(ov_png_deflate(img, w, h, bpp, 0, &z, err, sizeof err), "%s: %s", what, err);
    CHECK_MSG(z.nbands == (h + OV_PNG_BAND_ROWS - 1) / OV_PNG_BAND_ROWS, "%s: %d bands", what,
              z.nbands);
    CHECK_MSG(z.filter == filter, "%s: filter %d, expected %d", what, z.filter, filter);
    long bad = check_stream(&z, img, w, h, bpp, filter);
    CHECK_MSG(bad == 0, "%s: %ld bytes differ", what, bad);
    ov_png_idat_free(&z);
}

/* The same bytes from 1, 2, 3 and 8 threads. */
static void check_threads(const uint8_t *img, int w, int h)
{
    char err[256];
    ov_png_idat one;
    CHECK(ov_png_deflate(img, w, h, 3, 1, &one, err, sizeof err));
    size_t n1;
    uint8_t *s1 = joined(&one, &n1);
    for (int t = 2; t <= 8; t *= 2) {
        ov_png_idat z;
        CHECK(ov_png_deflate(img, w, h, 3, t == 4 ? 3 : t, &z, err, sizeof err));
        size_t n;
        uint8_t *s = joined(&z, &n);
        CHECK_MSG(n == n1 && memcmp(s, s1, n) == 0, "%d threads: %zu bytes against %zu", t, n, n1);
        free(s);
        ov_png_idat_free(&z);
    }
    free(s1);
    ov_png_idat_free(&one);
}

/* A multi-band file through ov_png_write, read back by libpng. */
static void check_file(const uint8_t *img, int w, int h, bool alpha)
{
    const char *tmp = getenv("OV_TMP");
    char path[600];
    snprintf(path, sizeof path, "%s/bands-%d.png", tmp && *tmp ? tmp : "/tmp", alpha);
    char err[512];
    CHECK_MSG(ov_png_write(path, img, w, h, err, sizeof err), "%s", err);
    png_image im;
    memset(&im, 0, sizeof im);
    im.version = PNG_IMAGE_VERSION;
    CHECK(png_image_begin_read_from_file(&im, path));
    CHECK(im.width == (png_uint_32)w && im.height == (png_uint_32)h);
    CHECK(((im.format & PNG_FORMAT_FLAG_ALPHA) != 0) == alpha);
    im.format = PNG_FORMAT_RGBA;
    uint8_t *back = malloc((size_t)w * (size_t)h * 4);
    CHECK_MSG(png_image_finish_read(&im, NULL, back, 0, NULL), "%s", im.message);
    CHECK(memcmp(back, img, (size_t)w * (size_t)h * 4) == 0);
    free(back);
    remove(path);
}

/* The joined Adler-32 against zlib's over the two pieces one after the
 * other, for lengths below, at and past the modulus 65521. */
static void check_adler_join(void)
{
    size_t n = 3 * 65521 + 11;
    uint8_t *buf = malloc(n);
    for (size_t i = 0; i < n; i++)
        buf[i] = noise((uint32_t)i) | (i % 7 == 0 ? 0xf0 : 0);
    size_t cuts[] = {0, 1, 5552, 65520, 65521, 65522, 2 * 65521, n - 1, n};
    uLong whole = adler32(adler32(0L, Z_NULL, 0), buf, (uInt)n);
    for (size_t c = 0; c < sizeof cuts / sizeof cuts[0]; c++) {
        size_t k = cuts[c];
        uLong a = adler32(adler32(0L, Z_NULL, 0), buf, (uInt)k);
        uLong b = adler32(adler32(0L, Z_NULL, 0), buf + k, (uInt)(n - k));
        CHECK_MSG(ov_png_adler32_join((uint32_t)a, (uint32_t)b, n - k) == (uint32_t)whole,
                  "cut at %zu", k);
    }
    free(buf);
}

int main(void)
{
    check_adler_join();
    int w = 333, h = 700;   /* 11 bands, the last one short */
    uint8_t *a = shifted(w, h), *b = brightening(w, h, false), *c = brightening(97, 150, true);
    check_case("shifted rows, RGB", a, w, h, 3, 0);
    check_case("brightening rows, RGB", b, w, h, 3, 2);
    check_case("brightening rows, RGBA", c, 97, 150, 4, 2);
    check_case("one band, RGBA", a, w, 40, 4, 0);
    check_case("1x1", a, 1, 1, 3, 2);        /* ties go to Up */
    check_case("7x3", b, 7, 3, 3, 2);
    check_threads(a, w, h);
    check_threads(b, w, h);
    check_file(b, w, h, false);
    check_file(c, 97, 150, true);
    /* The bands cost next to nothing in size: each starts with the 32 KiB
     * before it as its dictionary, so the shifted picture's bands compress
     * as zlib compresses the same rows in one stream (without the
     * dictionary each band's first row would be noise: 10 x 999 bytes). */
    char err[256];
    ov_png_idat z;
    CHECK(ov_png_deflate(a, w, h, 3, 0, &z, err, sizeof err));
    size_t n, one = single_stream_size(&z, w, h, 3);
    free(joined(&z, &n));
    CHECK_MSG(one > 0 && n <= one + one / 20 + 64, "%zu bytes in bands, %zu in one stream", n,
              one);
    CHECK_MSG(n < (size_t)w * (size_t)h * 3 / 10, "%zu bytes", n);
    ov_png_idat_free(&z);
    free(a);
    free(b);
    free(c);
    return ov_test_finish("test_io_png");
}
