/* Font lookup: the file named by the environment variable OPTIVIZ_FONT when
 * set, else DejaVu Sans where the distributions' packages install it, then
 * through fontconfig; the error names the package that provides it. */
#include <errno.h>
#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "render/font.h"

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

#define OV_FONT_PACKAGE_HINT \
    "unset OPTIVIZ_FONT to use DejaVu Sans (Debian package fonts-dejavu-core)"

/* OPTIVIZ_FONT: the file must be readable and start like a TrueType or
 * OpenType font (SDL_ttf opens it only when text is first drawn, too late
 * for a clear message). */
static bool from_env(const char *file, char *path, size_t cap, char *err, size_t errcap)
{
    FILE *f = fopen(file, "rb");
    if (!f) {
        snprintf(err, errcap, "font '%s' (OPTIVIZ_FONT) cannot be read: %s; " OV_FONT_PACKAGE_HINT,
                 file, strerror(errno));
        return false;
    }
    unsigned char magic[4] = {0, 0, 0, 0};
    size_t got = fread(magic, 1, sizeof magic, f);
    (void)fclose(f);   /* read-only: nothing to lose */
    static const unsigned char tags[][4] = {
        {0x00, 0x01, 0x00, 0x00}, {'O', 'T', 'T', 'O'}, {'t', 'r', 'u', 'e'}, {'t', 't', 'c', 'f'},
    };
    bool font = false;
    for (size_t i = 0; got == sizeof magic && i < sizeof tags / sizeof tags[0]; i++)
        font = font || memcmp(magic, tags[i], sizeof magic) == 0;
    if (!font) {
        snprintf(err, errcap, "font '%s' (OPTIVIZ_FONT) is not a TrueType or OpenType font; "
                 OV_FONT_PACKAGE_HINT, file);
        return false;
    }
    if ((size_t)snprintf(path, cap, "%s", file) >= cap) {
        snprintf(err, errcap, "font path in OPTIVIZ_FONT is too long (%zu bytes)", strlen(file));
        return false;
    }
    return true;
}

bool ov_font_find(char *path, size_t cap, char *err, size_t errcap)
{
    const char *env = getenv("OPTIVIZ_FONT");
    if (env && *env)
        return from_env(env, path, cap, err, errcap);
    /* Where the distributions' packages put DejaVu Sans first: asking
     * fontconfig loads its configuration and caches (4-8 ms of a 64x64
     * screenshot's 75), which only a system without the package needs. */
    static const char *const packaged[] = {
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/local/share/fonts/DejaVuSans.ttf",
    };
    for (size_t i = 0; i < sizeof packaged / sizeof packaged[0]; i++) {
        if (access(packaged[i], R_OK) == 0 &&
            (size_t)snprintf(path, cap, "%s", packaged[i]) < cap)
            return true;
    }
    if (from_fontconfig(path, cap))
        return true;
    snprintf(err, errcap,
             "font DejaVu Sans not found (fontconfig and %s); install the Debian package "
             "fonts-dejavu-core",
             packaged[0]);
    return false;
}
