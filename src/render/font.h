/* Finding the TTF file the renderer draws text with (font.c). Part of the
 * renderer's public face (render.h includes it). */
#ifndef OV_RENDER_FONT_H
#define OV_RENDER_FONT_H

#include <stdbool.h>
#include <stddef.h>

/* The TTF file named by the environment variable OPTIVIZ_FONT when it is set
 * and not empty (it must exist and be a font: no fallback then), else DejaVu
 * Sans through fontconfig, then the usual system paths. Returns false with a
 * message naming the path and the Debian package fonts-dejavu-core. */
bool ov_font_find(char *path, size_t cap, char *err, size_t errcap);

#endif
