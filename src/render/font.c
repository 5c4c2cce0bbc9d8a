/* Font lookup: DejaVu Sans through fontconfig, then the usual Debian path;
 * the error names the package that provides it. */
#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "render.h"

/* Asks fontconfig for an exact "DejaVu Sans" (not a substitute). */
static bool from_fontconfig(char *path, size_t cap)
{
    FcConfig *cfg = FcInitLoadConfigAndFonts();
    if (!cfg)
        return false;
    bool found = false;
    FcPattern *pat = FcNameParse((const FcChar8 *)"DejaVu Sans:style=Book");
    if (pat) {
        FcConfigSubstitute(cfg, pat, FcMatchPattern);
        FcDefaultSubstitute(pat);
        FcResult res = FcResultNoMatch;
        FcPattern *match = FcFontMatch(cfg, pat, &res);
        if (match) {
            FcChar8 *family = NULL, *file = NULL;
            if (FcPatternGetString(match, FC_FAMILY, 0, &family) == FcResultMatch &&
                FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
                strcmp((const char *)family, "DejaVu Sans") == 0 &&
                access((const char *)file, R_OK) == 0 &&
                (size_t)snprintf(path, cap, "%s", (const char *)file) < cap)
                found = true;
            FcPatternDestroy(match);
        }
        FcPatternDestroy(pat);
    }
    FcConfigDestroy(cfg);
    return found;
}

bool ov_font_find(char *path, size_t cap, char *err, size_t errcap)
{
    if (from_fontconfig(path, cap))
        return true;
    static const char *const fallback[] = {
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/local/share/fonts/DejaVuSans.ttf",
    };
    for (size_t i = 0; i < sizeof fallback / sizeof fallback[0]; i++) {
        if (access(fallback[i], R_OK) == 0 &&
            (size_t)snprintf(path, cap, "%s", fallback[i]) < cap)
            return true;
    }
    snprintf(err, errcap,
             "font DejaVu Sans not found (fontconfig and %s); install the Debian package "
             "fonts-dejavu-core",
             fallback[0]);
    return false;
}
