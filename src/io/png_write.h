/* PNG export: writes an 8-bit RGBA image with libpng (fast compression),
 * atomically (see atomic.h); an image whose alpha is 255 everywhere (every
 * rendered frame) as RGB. */
#ifndef OV_PNG_WRITE_H
#define OV_PNG_WRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Writes width x height pixels of rgba (4 bytes per pixel, rows top-down,
 * no padding) to path as an RGBA PNG, or an RGB one when every alpha is 255. Returns false with a one-line message
 * in err (naming path) on failure; no file is then left at path (an existing
 * file there is untouched) and no temporary file remains. */
bool ov_png_write(const char *path, const uint8_t *rgba, int width, int height,
                  char *err, size_t cap);

/* The same PNG written to an open stream f (an SVG embeds it from memory);
 * false with err on failure, f then holds a partial image. */
bool ov_png_write_stream(FILE *f, const uint8_t *rgba, int width, int height, char *err,
                         size_t cap);

#endif
