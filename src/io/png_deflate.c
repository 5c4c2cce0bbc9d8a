/* Banded, parallel compression of a PNG's rows (see png_deflate.h). */
#include "png_deflate.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "interrupt.h"

#define FILTER_NONE 0
#define FILTER_UP 2
#define WINDOW 32768          /* deflate's window: the most a dictionary can hold */
#define MAX_THREADS 8
#define SAMPLE_ROWS 4         /* rows per sample window when choosing the filter */

typedef struct job {
    const uint8_t *rgba;
    int width, height, bpp;
    size_t line;              /* bytes of a filtered row: 1 + width * bpp */
    int filter, strategy;
    int nbands, dict_rows;
    atomic_int next;          /* the next band to take */
    uLong *adler;             /* each band's Adler-32 */
    size_t *raw;              /* each band's filtered bytes */
    const char **fail;        /* each band's failure, NULL when it went well */
    ov_png_idat *out;
} job;

uint32_t ov_png_adler32_join(uint32_t first, uint32_t second, size_t len2)
{
    /* Adler-32 is B * 65536 + A, where A = 1 + the sum of the bytes and B
     * the sum of A after each byte, both mod 65521. Over first's bytes and
     * then second's: A = A1 + A2 - 1, and each of second's n bytes adds
     * A1 - 1 more to B than it did alone: B = B1 + B2 + n (A1 - 1). */
    const uint64_t mod = 65521;
    uint64_t a1 = first & 0xffff, b1 = first >> 16, a2 = second & 0xffff, b2 = second >> 16;
    uint64_t a = (a1 + a2 + mod - 1) % mod;
    uint64_t b = (b1 + b2 + (uint64_t)(len2 % mod) * ((a1 + mod - 1) % mod)) % mod;
    return (uint32_t)(b << 16 | a);
}

/* Writes row y of the image as a filtered PNG row (filter byte first). */
static void filter_row(const job *j, int y, uint8_t *dst)
{
    const uint8_t *src = j->rgba + (size_t)y * (size_t)j->width * 4;
    const uint8_t *up = y > 0 && j->filter == FILTER_UP ? src - (size_t)j->width * 4 : NULL;
    int w = j->width;
    *dst++ = (uint8_t)j->filter;
    if (j->bpp == 4) {
        if (up)
            for (size_t i = 0; i < (size_t)w * 4; i++)
                dst[i] = (uint8_t)(src[i] - up[i]);
        else
            memcpy(dst, src, (size_t)w * 4);
        return;
    }
    if (up)
        for (int x = 0; x < w; x++) {
            dst[3 * x] = (uint8_t)(src[4 * x] - up[4 * x]);
            dst[3 * x + 1] = (uint8_t)(src[4 * x + 1] - up[4 * x + 1]);
            dst[3 * x + 2] = (uint8_t)(src[4 * x + 2] - up[4 * x + 2]);
        }
    else
        for (int x = 0; x < w; x++) {
            dst[3 * x] = src[4 * x];
            dst[3 * x + 1] = src[4 * x + 1];
            dst[3 * x + 2] = src[4 * x + 2];
        }
}

/* Deflates n bytes of in as raw deflate after a dictionary of dlen bytes,
 * ending with Z_FINISH when last, else a sync flush. Returns the output
 * (malloc'd, its length in *len) or NULL with *why. */
static uint8_t *deflate_piece(const uint8_t *dict, size_t dlen, const uint8_t *in, size_t n,
                              int strategy, bool last, size_t *len, const char **why)
{
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (deflateInit2(&zs, 1, Z_DEFLATED, -15, 8, strategy) != Z_OK) {
        *why = "zlib could not start (out of memory)";
        return NULL;
    }
    if (dlen && deflateSetDictionary(&zs, dict, (uInt)dlen) != Z_OK) {
        deflateEnd(&zs);
        *why = "zlib refused the dictionary";
        return NULL;
    }
    /* The bound covers a finished stream; a sync flush adds 5 bytes. */
    size_t cap = deflateBound(&zs, (uLong)n) + 16;
    uint8_t *out = malloc(cap);
    if (!out) {
        deflateEnd(&zs);
        *why = "out of memory";
        return NULL;
    }
    zs.next_in = (Bytef *)in;
    zs.avail_in = (uInt)n;
    zs.next_out = out;
    zs.avail_out = (uInt)cap;
    int ret = deflate(&zs, last ? Z_FINISH : Z_SYNC_FLUSH);
    bool ok = last ? ret == Z_STREAM_END : ret == Z_OK && zs.avail_in == 0 && zs.avail_out > 0;
    *len = cap - zs.avail_out;
    deflateEnd(&zs);
    if (!ok) {
        free(out);
        *why = "zlib failed to compress the rows";
        return NULL;
    }
    /* The bound is about the rows' size; what is kept until the file is
     * written is what they compressed to. */
    uint8_t *fit = *len ? realloc(out, *len) : NULL;
    return fit ? fit : out;
}

/* Band b: its rows (and the rows before it that make its dictionary)
 * filtered into scratch, then deflated. */
static void do_band(job *j, int b, uint8_t *scratch)
{
    int y0 = b * OV_PNG_BAND_ROWS;
    int y1 = y0 + OV_PNG_BAND_ROWS < j->height ? y0 + OV_PNG_BAND_ROWS : j->height;
    int k = y0 < j->dict_rows ? y0 : j->dict_rows;
    for (int y = y0 - k; y < y1; y++)
        filter_row(j, y, scratch + (size_t)(y - (y0 - k)) * j->line);
    const uint8_t *dict = scratch;
    size_t dlen = (size_t)k * j->line;
    if (dlen > WINDOW) {
        dict += dlen - WINDOW;
        dlen = WINDOW;
    }
    const uint8_t *rows = scratch + (size_t)k * j->line;
    size_t n = (size_t)(y1 - y0) * j->line;
    j->raw[b] = n;
    j->adler[b] = adler32(adler32(0L, Z_NULL, 0), rows, (uInt)n);
    j->out->band[b] = deflate_piece(dict, dlen, rows, n, j->strategy, b == j->nbands - 1,
                                    &j->out->len[b], &j->fail[b]);
}

static void work(job *j)
{
    uint8_t *scratch = malloc((size_t)(OV_PNG_BAND_ROWS + j->dict_rows) * j->line);
    for (;;) {
        int b = atomic_fetch_add(&j->next, 1);
        if (b >= j->nbands)
            break;
        if (ov_interrupt_signal())
            j->fail[b] = "interrupted";   /* the file would not be kept */
        else if (scratch)
            do_band(j, b, scratch);
        else
            j->fail[b] = "out of memory";
    }
    free(scratch);
}

static void *worker(void *arg)
{
    work(arg);
    return NULL;
}

/* The compressed size of the sampled rows with j's filter and strategy. */
static size_t sample_size(job *j, uint8_t *scratch)
{
    size_t total = 0;
    int rows = j->height < SAMPLE_ROWS ? j->height : SAMPLE_ROWS;
    for (int s = 1; s <= 3; s++) {
        int y0 = j->height * s / 4;
        if (y0 + rows > j->height)
            y0 = j->height - rows;
        int first = y0 > 0 ? y0 - 1 : y0;   /* the row above, as dictionary */
        for (int y = first; y < y0 + rows; y++)
            filter_row(j, y, scratch + (size_t)(y - first) * j->line);
        size_t dlen = (size_t)(y0 - first) * j->line, len = 0;
        const char *why = NULL;
        uint8_t *z = deflate_piece(scratch, dlen, scratch + dlen, (size_t)rows * j->line,
                                   j->strategy, true, &len, &why);
        if (!z)
            return SIZE_MAX;
        free(z);
        total += len;
    }
    return total;
}

/* Chooses j's filter and strategy from a sample of its rows. */
static bool choose_filter(job *j)
{
    uint8_t *scratch = malloc((size_t)(SAMPLE_ROWS + 1) * j->line);
    if (!scratch)
        return false;
    j->filter = FILTER_NONE;
    j->strategy = Z_DEFAULT_STRATEGY;
    size_t plain = sample_size(j, scratch);
    j->filter = FILTER_UP;
    j->strategy = Z_RLE;
    size_t up = sample_size(j, scratch);
    free(scratch);
    if (plain < up) {
        j->filter = FILTER_NONE;
        j->strategy = Z_DEFAULT_STRATEGY;
    }
    return plain != SIZE_MAX || up != SIZE_MAX;
}

static int thread_count(int asked, int nbands)
{
    long n = asked;
#ifdef __EMSCRIPTEN__
    n = 1;   /* the page runs on one thread */
#else
    if (n <= 0)
        n = sysconf(_SC_NPROCESSORS_ONLN);
#endif
    if (n < 1)
        n = 1;
    if (n > MAX_THREADS)
        n = MAX_THREADS;
    return n > nbands ? nbands : (int)n;
}

void ov_png_idat_free(ov_png_idat *z)
{
    if (z->band)
        for (int b = 0; b < z->nbands; b++)
            free(z->band[b]);
    free(z->band);
    free(z->len);
    memset(z, 0, sizeof *z);
}

bool ov_png_deflate(const uint8_t *rgba, int width, int height, int bpp, int threads,
                    ov_png_idat *out, char *err, size_t cap)
{
    memset(out, 0, sizeof *out);
    job j = {.rgba = rgba, .width = width, .height = height, .bpp = bpp};
    j.line = 1 + (size_t)width * (size_t)bpp;
    j.nbands = (height + OV_PNG_BAND_ROWS - 1) / OV_PNG_BAND_ROWS;
    j.dict_rows = (int)((WINDOW + j.line - 1) / j.line);
    atomic_init(&j.next, 0);
    j.out = out;
    out->nbands = j.nbands;
    out->band = calloc((size_t)j.nbands, sizeof *out->band);
    out->len = calloc((size_t)j.nbands, sizeof *out->len);
    j.adler = calloc((size_t)j.nbands, sizeof *j.adler);
    j.raw = calloc((size_t)j.nbands, sizeof *j.raw);
    j.fail = calloc((size_t)j.nbands, sizeof *j.fail);
    bool ok = out->band && out->len && j.adler && j.raw && j.fail && choose_filter(&j);
    if (ok) {
        out->filter = j.filter;
        pthread_t tid[MAX_THREADS];
        int started = 0, n = thread_count(threads, j.nbands);
        /* The workers are born with SIGINT and SIGTERM blocked: signals
         * are the main thread's to take (interrupt.h). */
        ov_interrupt_mask mask;
        bool masked = n > 1 && ov_interrupt_block(&mask);
        while (masked && started < n - 1 && pthread_create(&tid[started], NULL, worker, &j) == 0)
            started++;
        if (masked)
            ov_interrupt_restore(&mask);
        work(&j);   /* the calling thread takes bands too */
        for (int t = 0; t < started; t++)
            pthread_join(tid[t], NULL);
        for (int b = 0; b < j.nbands && ok; b++)
            if (j.fail[b]) {
                snprintf(err, cap, "%s", j.fail[b]);
                ok = false;
            }
    } else {
        snprintf(err, cap, "out of memory");
    }
    if (ok) {
        uLong adler = j.adler[0];
        for (int b = 1; b < j.nbands; b++)
            adler = ov_png_adler32_join((uint32_t)adler, (uint32_t)j.adler[b], j.raw[b]);
        out->head[0] = 0x78;   /* deflate, 32 KiB window */
        out->head[1] = 0x01;   /* fastest; 0x7801 is a multiple of 31 */
        for (int i = 0; i < 4; i++)
            out->tail[i] = (uint8_t)(adler >> (24 - 8 * i));
    }
    free(j.adler);
    free(j.raw);
    free(j.fail);
    if (!ok)
        ov_png_idat_free(out);
    return ok;
}
