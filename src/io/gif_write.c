/* Animated GIF writer on giflib's streaming encoder (see gif_write.h). The
 * encoder writes through an output callback into the atomic temporary file,
 * so the file is fsynced and renamed by ov_atomic_commit. */
#include "gif_write.h"

#include <errno.h>
#include <gif_lib.h>
#include <stdlib.h>
#include <string.h>

#include "atomic.h"
#include "gif_palette.h"

struct ov_gif {
    ov_atomic_file af;
    GifFileType *gif;
    int width, height, delay_cs;
    int nframes;
    bool failed;
    int write_errno;              /* errno of a failed fwrite, else 0 */
    uint8_t keep[OV_GIF_MAX_KEEP_COLOURS][3];
    int nkeep;
    ov_gif_palette palette;
    GifPixelType *cur, *prev;     /* indexed frames, width * height */
};

static int on_write(GifFileType *gif, const GifByteType *data, int len)
{
    ov_gif *g = gif->UserData;
    if (len <= 0)
        return 0;
    size_t n = fwrite(data, 1, (size_t)len, g->af.f);
    if (n != (size_t)len && !g->write_errno)
        g->write_errno = errno ? errno : EIO;
    return (int)n;
}

/* Fills err from giflib's error code (or the saved errno of a failed write)
 * and marks g failed. Returns false for the caller to pass on. */
static bool fail(ov_gif *g, int code, char *err, size_t cap)
{
    g->failed = true;
    ov_io_error(err, cap, g->af.path,
                g->write_errno ? strerror(g->write_errno) : GifErrorString(code));
    return false;
}

static void release(ov_gif *g)
{
    if (g->gif) {
        int code;
        (void)EGifCloseFile(g->gif, &code);   /* frees the encoder; output discarded */
        g->gif = NULL;
    }
    ov_atomic_abort(&g->af);
    free(g->cur);
    free(g->prev);
    free(g);
}

ov_gif *ov_gif_create(const char *path, int width, int height, int delay_cs,
                      const uint8_t (*keep)[3], int nkeep, char *err, size_t cap)
{
    char why[128];
    if (width <= 0 || height <= 0 || width > OV_GIF_MAX_SIDE ||
        height > OV_GIF_MAX_SIDE || delay_cs < 0 || delay_cs > 65535 || nkeep < 0 ||
        nkeep > OV_GIF_MAX_KEEP_COLOURS || (nkeep > 0 && !keep)) {
        snprintf(why, sizeof why,
                 "invalid GIF parameters %dx%d, delay %d, %d key colours", width,
                 height, delay_cs, nkeep);
        ov_io_error(err, cap, path, why);
        return NULL;
    }
    ov_gif *g = calloc(1, sizeof *g);
    size_t npix = (size_t)width * (size_t)height;
    if (g) {
        g->cur = malloc(npix);
        g->prev = malloc(npix);
    }
    if (!g || !g->cur || !g->prev) {
        if (g) {
            free(g->cur);
            free(g->prev);
            free(g);
        }
        ov_io_error(err, cap, path, strerror(ENOMEM));
        return NULL;
    }
    g->width = width;
    g->height = height;
    g->delay_cs = delay_cs;
    g->nkeep = nkeep;
    if (nkeep > 0)
        memcpy(g->keep, keep, (size_t)nkeep * sizeof keep[0]);
    if (!ov_atomic_open(&g->af, path, err, cap)) {
        free(g->cur);
        free(g->prev);
        free(g);
        return NULL;
    }
    int code = 0;
    g->gif = EGifOpen(g, on_write, &code);
    if (!g->gif) {
        fail(g, code, err, cap);
        release(g);
        return NULL;
    }
    EGifSetGifVersion(g->gif, true);
    return g;
}

/* Screen descriptor with the global palette, and the endless-loop
 * NETSCAPE2.0 application extension. */
static bool write_header(ov_gif *g, char *err, size_t cap)
{
    GifColorType colors[256];
    memset(colors, 0, sizeof colors);
    for (int i = 0; i < g->palette.ncolors; i++) {
        colors[i].Red = g->palette.rgb[i][0];
        colors[i].Green = g->palette.rgb[i][1];
        colors[i].Blue = g->palette.rgb[i][2];
    }
    ColorMapObject *map = GifMakeMapObject(256, colors);
    if (!map)
        return fail(g, E_GIF_ERR_NOT_ENOUGH_MEM, err, cap);
    int rc = EGifPutScreenDesc(g->gif, g->width, g->height, 8, 0, map);
    GifFreeMapObject(map);
    if (rc != GIF_OK)
        return fail(g, g->gif->Error, err, cap);
    static const GifByteType app[11] = {'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0'};
    static const GifByteType loop[3] = {1, 0, 0};   /* sub-block 1, loop forever */
    if (EGifPutExtensionLeader(g->gif, APPLICATION_EXT_FUNC_CODE) != GIF_OK ||
        EGifPutExtensionBlock(g->gif, (int)sizeof app, app) != GIF_OK ||
        EGifPutExtensionBlock(g->gif, (int)sizeof loop, loop) != GIF_OK ||
        EGifPutExtensionTrailer(g->gif) != GIF_OK)
        return fail(g, g->gif->Error, err, cap);
    return true;
}

/* The smallest rectangle where cur differs from prev; false when equal. */
static bool changed_rect(const ov_gif *g, int *x0, int *y0, int *x1, int *y1)
{
    int w = g->width, h = g->height;
    int top = -1, bottom = -1, left = w, right = -1;
    for (int y = 0; y < h; y++) {
        const GifPixelType *a = g->cur + (size_t)y * (size_t)w;
        const GifPixelType *b = g->prev + (size_t)y * (size_t)w;
        if (memcmp(a, b, (size_t)w) == 0)
            continue;
        if (top < 0)
            top = y;
        bottom = y;
        int l = 0, r = w - 1;
        while (a[l] == b[l])
            l++;
        while (a[r] == b[r])
            r--;
        if (l < left)
            left = l;
        if (r > right)
            right = r;
    }
    if (top < 0)
        return false;
    *x0 = left;
    *y0 = top;
    *x1 = right + 1;
    *y1 = bottom + 1;
    return true;
}

bool ov_gif_add_frame(ov_gif *g, const uint8_t *rgba, char *err, size_t cap)
{
    if (g->failed) {
        ov_io_error(err, cap, g->af.path, "an earlier write failed");
        return false;
    }
    size_t npix = (size_t)g->width * (size_t)g->height;
    if (g->nframes == 0) {
        if (!ov_gif_palette_build(&g->palette, rgba, npix,
                                  (const uint8_t(*)[3])g->keep, g->nkeep))
            return fail(g, E_GIF_ERR_NOT_ENOUGH_MEM, err, cap);
        if (!write_header(g, err, cap))
            return false;
    }
    ov_gif_palette_map(&g->palette, rgba, npix, g->cur);

    int x0 = 0, y0 = 0, x1 = g->width, y1 = g->height;
    if (g->nframes > 0 && !changed_rect(g, &x0, &y0, &x1, &y1)) {
        x1 = 1;   /* unchanged: a 1x1 frame repeating the pixel carries the delay */
        y1 = 1;
    }

    GraphicsControlBlock gcb = {DISPOSE_DO_NOT, false, g->delay_cs, NO_TRANSPARENT_COLOR};
    GifByteType ext[4];
    EGifGCBToExtension(&gcb, ext);
    if (EGifPutExtension(g->gif, GRAPHICS_EXT_FUNC_CODE, 4, ext) != GIF_OK ||
        EGifPutImageDesc(g->gif, x0, y0, x1 - x0, y1 - y0, false, NULL) != GIF_OK)
        return fail(g, g->gif->Error, err, cap);
    for (int y = y0; y < y1; y++) {
        GifPixelType *line = g->cur + (size_t)y * (size_t)g->width + (size_t)x0;
        if (EGifPutLine(g->gif, line, x1 - x0) != GIF_OK)
            return fail(g, g->gif->Error, err, cap);
    }
    GifPixelType *t = g->prev;
    g->prev = g->cur;
    g->cur = t;
    g->nframes++;
    return true;
}

bool ov_gif_finish(ov_gif *g, char *err, size_t cap)
{
    if (g->failed || g->nframes == 0) {
        ov_io_error(err, cap, g->af.path,
                    g->failed ? "an earlier write failed" : "no frames were added");
        release(g);
        return false;
    }
    int code = 0;
    int rc = EGifCloseFile(g->gif, &code);
    g->gif = NULL;
    if (rc != GIF_OK || g->write_errno) {
        fail(g, rc != GIF_OK ? code : E_GIF_ERR_WRITE_FAILED, err, cap);
        release(g);
        return false;
    }
    bool ok = ov_atomic_commit(&g->af, err, cap);
    release(g);
    return ok;
}

void ov_gif_destroy(ov_gif *g)
{
    if (g)
        release(g);
}
