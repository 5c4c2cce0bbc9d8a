/* Median-cut palette over a 5-bit-per-channel histogram, plus exact key
 * colours, for the GIF writer (see gif_palette.h). */
#include "gif_palette.h"

#include <stdlib.h>
#include <string.h>

typedef struct ov_hist {
    uint32_t count[OV_GIF_CELLS];
    uint64_t sum[OV_GIF_CELLS][3];
    uint16_t cells[OV_GIF_CELLS];    /* the non-empty cells, boxes are ranges */
    int ncells;
} ov_hist;

typedef struct ov_box {
    int start, len;
    uint64_t count;
    int extent;      /* largest channel range, in cells */
    int channel;     /* the channel with that range */
} ov_box;

static int cell_channel(unsigned cell, int ch)
{
    return (int)((cell >> (10 - 5 * ch)) & 31u);
}

static int cmp_r(const void *a, const void *b)
{
    return cell_channel(*(const uint16_t *)a, 0) - cell_channel(*(const uint16_t *)b, 0);
}

static int cmp_g(const void *a, const void *b)
{
    return cell_channel(*(const uint16_t *)a, 1) - cell_channel(*(const uint16_t *)b, 1);
}

static int cmp_b(const void *a, const void *b)
{
    return cell_channel(*(const uint16_t *)a, 2) - cell_channel(*(const uint16_t *)b, 2);
}

static void box_measure(const ov_hist *h, ov_box *b)
{
    int lo[3] = {31, 31, 31}, hi[3] = {0, 0, 0};
    b->count = 0;
    for (int i = b->start; i < b->start + b->len; i++) {
        unsigned c = h->cells[i];
        b->count += h->count[c];
        for (int ch = 0; ch < 3; ch++) {
            int v = cell_channel(c, ch);
            if (v < lo[ch])
                lo[ch] = v;
            if (v > hi[ch])
                hi[ch] = v;
        }
    }
    b->extent = -1;
    for (int ch = 0; ch < 3; ch++) {
        if (hi[ch] - lo[ch] > b->extent) {
            b->extent = hi[ch] - lo[ch];
            b->channel = ch;
        }
    }
}

/* Splits box b at the pixel-count median along its widest channel into b
 * and *out. */
static void box_split(ov_hist *h, ov_box *b, ov_box *out)
{
    static int (*const cmp[3])(const void *, const void *) = {cmp_r, cmp_g, cmp_b};
    qsort(h->cells + b->start, (size_t)b->len, sizeof h->cells[0], cmp[b->channel]);
    uint64_t half = b->count / 2, acc = 0;
    int cut = 1;
    for (int i = 0; i < b->len - 1; i++) {
        acc += h->count[h->cells[b->start + i]];
        cut = i + 1;
        if (acc >= half)
            break;
    }
    out->start = b->start + cut;
    out->len = b->len - cut;
    b->len = cut;
    box_measure(h, b);
    box_measure(h, out);
}

/* Median cut of the histogram into at most want boxes; writes their mean
 * colours to rgb and returns how many. */
static int median_cut(ov_hist *h, int want, uint8_t (*rgb)[3])
{
    if (h->ncells == 0 || want <= 0)
        return 0;
    ov_box boxes[256];
    int nbox = 1;
    boxes[0].start = 0;
    boxes[0].len = h->ncells;
    box_measure(h, &boxes[0]);
    while (nbox < want) {
        int best = -1;
        double best_score = 0.0;
        for (int i = 0; i < nbox; i++) {
            double score = (double)boxes[i].count * (double)boxes[i].extent;
            if (boxes[i].len >= 2 && boxes[i].extent > 0 && score > best_score) {
                best = i;
                best_score = score;
            }
        }
        if (best < 0)
            break;
        box_split(h, &boxes[best], &boxes[nbox]);
        nbox++;
    }
    for (int i = 0; i < nbox; i++) {
        uint64_t s[3] = {0, 0, 0};
        for (int j = boxes[i].start; j < boxes[i].start + boxes[i].len; j++)
            for (int ch = 0; ch < 3; ch++)
                s[ch] += h->sum[h->cells[j]][ch];
        for (int ch = 0; ch < 3; ch++)
            rgb[i][ch] = (uint8_t)((s[ch] + boxes[i].count / 2) / boxes[i].count);
    }
    return nbox;
}

static bool is_key(const ov_gif_palette *p, const uint8_t *px)
{
    if (!p->key_cell[ov_gif_cell(px)])
        return false;
    for (int k = 0; k < p->nkeep; k++)
        if (memcmp(p->rgb[k], px, 3) == 0)
            return true;
    return false;
}

/* Sets lut[cell] to the entry nearest target and returns it. */
static uint8_t fill_nearest(ov_gif_palette *p, unsigned cell, const int target[3])
{
    int best = 0;
    long best_d = -1;
    for (int i = 0; i < p->ncolors; i++) {
        long d = 0;
        for (int ch = 0; ch < 3; ch++) {
            long diff = (long)p->rgb[i][ch] - target[ch];
            d += diff * diff;
        }
        if (best_d < 0 || d < best_d) {
            best = i;
            best_d = d;
        }
    }
    p->lut[cell] = (uint8_t)best;
    p->lut_ready[cell] = 1;
    return (uint8_t)best;
}

/* Computes lut[cell]: the entry nearest the cell's centre. */
static uint8_t fill_centre(ov_gif_palette *p, unsigned cell)
{
    int target[3];
    for (int ch = 0; ch < 3; ch++)
        target[ch] = (cell_channel(cell, ch) << 3) | 4;
    return fill_nearest(p, cell, target);
}

static inline uint8_t map_pixel(ov_gif_palette *p, const uint8_t *px)
{
    unsigned cell = ov_gif_cell(px);
    if (p->key_cell[cell]) {
        for (int k = 0; k < p->nkeep; k++) {
            if (p->rgb[k][0] == px[0] && p->rgb[k][1] == px[1] && p->rgb[k][2] == px[2])
                return (uint8_t)k;
        }
    }
    return p->lut_ready[cell] ? p->lut[cell] : fill_centre(p, cell);
}

void ov_gif_palette_map(ov_gif_palette *p, const uint8_t *rgba, size_t npixels, uint8_t *out)
{
    for (size_t i = 0; i < npixels; i++)
        out[i] = map_pixel(p, rgba + 4 * i);
}

bool ov_gif_palette_build(ov_gif_palette *p, const uint8_t *rgba, size_t npixels,
                          const uint8_t (*keep)[3], int nkeep)
{
    memset(p, 0, sizeof *p);
    for (int k = 0; k < nkeep && k < OV_GIF_MAX_KEEP; k++) {
        bool dup = false;
        for (int j = 0; j < p->nkeep; j++)
            dup = dup || memcmp(p->rgb[j], keep[k], 3) == 0;
        if (!dup) {
            memcpy(p->rgb[p->nkeep], keep[k], 3);
            p->key_cell[ov_gif_cell(keep[k])] = 1;
            p->nkeep++;
        }
    }

    ov_hist *h = calloc(1, sizeof *h);
    if (!h)
        return false;
    for (size_t i = 0; i < npixels; i++) {
        const uint8_t *px = rgba + 4 * i;
        if (is_key(p, px))
            continue;
        unsigned c = ov_gif_cell(px);
        if (h->count[c]++ == 0)
            h->cells[h->ncells++] = (uint16_t)c;
        for (int ch = 0; ch < 3; ch++)
            h->sum[c][ch] += px[ch];
    }
    p->ncolors = p->nkeep + median_cut(h, 256 - p->nkeep, p->rgb + p->nkeep);
    if (p->ncolors == 0)
        p->ncolors = 1;   /* an empty frame and no keys: one black entry */

    /* The cells of the reference frame map by their mean colour; others
     * are filled on first use by their centre. */
    for (int i = 0; i < h->ncells; i++) {
        unsigned c = h->cells[i];
        int target[3];
        for (int ch = 0; ch < 3; ch++)
            target[ch] = (int)((h->sum[c][ch] + h->count[c] / 2) / h->count[c]);
        fill_nearest(p, c, target);
    }
    free(h);
    return true;
}
