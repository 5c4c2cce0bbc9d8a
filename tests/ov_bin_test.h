/* Shared by the tests that run the real optiviz binary: running it with
 * its output captured in files, reading what it said, decoding its PNGs. */
#ifndef OV_BIN_TEST_H
#define OV_BIN_TEST_H

#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

/* Runs `bin args` through the shell with stdout and stderr in
 * dir/TAG-out.txt and dir/TAG-err.txt; returns its exit status (-1 when it
 * did not exit normally). */
static inline int ov_bin_run(const char *bin, const char *dir, const char *tag, const char *args)
{
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "'%s' %s >'%s/%s-out.txt' 2>'%s/%s-err.txt'", bin, args, dir, tag,
             dir, tag);
    int rc = system(cmd);
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

/* What the last ov_bin_run with the same dir and tag wrote to stderr,
 * NUL-terminated in buf (empty when there is nothing). */
static inline void ov_bin_read_err(const char *dir, const char *tag, char *buf, size_t cap)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/%s-err.txt", dir, tag);
    FILE *f = fopen(path, "r");
    size_t n = f ? fread(buf, 1, cap - 1, f) : 0;
    buf[n] = '\0';
    if (f)
        fclose(f);
}

/* Decodes path with libpng; returns RGBA pixels (caller frees) and size,
 * or NULL. */
static inline unsigned char *ov_test_load_png(const char *path, unsigned *w, unsigned *h)
{
    png_image img;
    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&img, path))
        return NULL;
    img.format = PNG_FORMAT_RGBA;
    unsigned char *px = malloc(PNG_IMAGE_SIZE(img));
    if (px && !png_image_finish_read(&img, NULL, px, 0, NULL)) {
        free(px);
        px = NULL;
    }
    *w = img.width;
    *h = img.height;
    return px;
}

#endif
