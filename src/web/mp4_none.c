/* MP4 export in the browser: not there (FFmpeg's libraries stay on the
 * desktop). The same functions as src/io/mp4_write.c, each saying so;
 * GIF (G) and PNG (P) work in the page. */
#include "io/mp4_write.h"

#include <stdio.h>

ov_mp4 *ov_mp4_create(const char *path, int width, int height, int delay_cs, char *err,
                      size_t cap)
{
    (void)path, (void)width, (void)height, (void)delay_cs;
    snprintf(err, cap, "MP4 video is desktop-only; in the browser, G saves a GIF");
    return NULL;
}

void ov_mp4_size(const ov_mp4 *m, int *width, int *height)
{
    (void)m;
    *width = *height = 0;
}

bool ov_mp4_add_frame(ov_mp4 *m, const uint8_t *rgba, char *err, size_t cap)
{
    (void)m, (void)rgba;
    snprintf(err, cap, "MP4 video is desktop-only");
    return false;
}

bool ov_mp4_finish(ov_mp4 *m, char *err, size_t cap)
{
    (void)m;
    snprintf(err, cap, "MP4 video is desktop-only");
    return false;
}

void ov_mp4_destroy(ov_mp4 *m)
{
    (void)m;
}
