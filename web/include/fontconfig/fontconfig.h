/* The browser has no fontconfig: this stands in for its header in the
 * browser build only (web/web.cmake), with a configuration that never
 * loads, so src/render/font.c goes on to its list of paths, where the
 * build packs DejaVu Sans (/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
 * in the page's file system). */
#ifndef OV_WEB_FONTCONFIG_H
#define OV_WEB_FONTCONFIG_H

#include <stddef.h>

typedef unsigned char FcChar8;
typedef struct FcConfig FcConfig;
typedef struct FcPattern FcPattern;
typedef enum { FcResultMatch, FcResultNoMatch } FcResult;
typedef enum { FcMatchPattern } FcMatchKind;
#define FC_FAMILY "family"
#define FC_FILE "file"

static inline FcConfig *FcInitLoadConfigAndFonts(void) { return NULL; }
static inline void FcConfigDestroy(FcConfig *c) { (void)c; }
static inline FcPattern *FcNameParse(const FcChar8 *n) { (void)n; return NULL; }
static inline int FcConfigSubstitute(FcConfig *c, FcPattern *p, FcMatchKind k)
{
    (void)c, (void)p, (void)k;
    return 0;
}
static inline void FcDefaultSubstitute(FcPattern *p) { (void)p; }
static inline FcPattern *FcFontMatch(FcConfig *c, FcPattern *p, FcResult *r)
{
    (void)c, (void)p;
    *r = FcResultNoMatch;
    return NULL;
}
static inline FcResult FcPatternGetString(const FcPattern *p, const char *o, int n, FcChar8 **s)
{
    (void)p, (void)o, (void)n, (void)s;
    return FcResultNoMatch;
}
static inline void FcPatternDestroy(FcPattern *p) { (void)p; }

#endif
