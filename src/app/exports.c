/* The exports table (see exports.h): PNG, SVG, GIF, MP4 and CSV, each with
 * its extension, key and writer. */
#include "exports.h"

#include <stdio.h>
#include <string.h>

#include "export.h"

static const ov_export_format FORMATS[] = {
    {"PNG", "png", "P", OV_EXPORT_FRAME, ov_export_png, false},
    {"SVG", "svg", "Shift+P", OV_EXPORT_FRAME, ov_export_svg, false},
    {"GIF", "gif", "G", OV_EXPORT_ANIMATION, NULL, false},
    {"MP4", "mp4", "Shift+G", OV_EXPORT_ANIMATION, NULL, true},
    {"CSV", "csv", "X", OV_EXPORT_DATA, ov_export_csv, false},
};

const ov_export_format *ov_export_formats(int *n)
{
    *n = (int)(sizeof FORMATS / sizeof FORMATS[0]);
    return FORMATS;
}

int ov_export_find_key(const char *key)
{
    int n;
    ov_export_formats(&n);
    for (int i = 0; key && i < n; i++)
        if (strcmp(FORMATS[i].key, key) == 0)
            return i;
    return -1;
}

int ov_export_find_sdl_key(SDL_Keycode key, bool shift)
{
    char name[64];
    snprintf(name, sizeof name, "%s%s", shift ? "Shift+" : "", SDL_GetKeyName(key));
    return ov_export_find_key(name);
}
