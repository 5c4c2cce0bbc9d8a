/* The text cache's measured sizes: every size ov_text_measure gives, first
 * time (measured), again (from the cache) and after the cache has replaced
 * entries, equals what SDL_ttf gives for the same string on a font opened
 * here at the same pixel size; far more distinct strings than the cache
 * holds leave it at its bound, and asking again adds nothing. A rendered
 * string's texture is the size SDL_ttf measures for it (ov_text_measure
 * relies on that to answer from either). */
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ov_gl_test.h"
#include "ov_test.h"
#include "render/text.h"

#define CAPACITY (OV_MEASURE_SETS * OV_MEASURE_WAYS)
#define SIZES 3
static const int sizes[SIZES] = {12, 17, 30};

/* The i-th test string: words of varying length, some non-ASCII. */
static void string_of(int i, char *buf, size_t cap)
{
    static const char *const words[] = {"loss", "Adam", "\xce\xb7 = 0.1", "step", "\xe2\x80\xa6",
                                        "momentum", "x\xc2\xb2 + y", "W"};
    snprintf(buf, cap, "%s %d %s", words[i % 8], i, words[(i / 8) % 8]);
}

/* Measures strings 0..n-1 at every size through the cache and compares each
 * with the reference fonts; returns how many differed. */
static int measure_all(ov_text_cache *tc, TTF_Font *const *ref, int n)
{
    int bad = 0;
    for (int i = 0; i < n; i++) {
        char s[96];
        string_of(i, s, sizeof s);
        for (int k = 0; k < SIZES; k++) {
            int w = -1, h = -1, rw = -2, rh = -2;
            ov_text_measure(tc, s, (float)sizes[k], &w, &h);
            if (TTF_SizeUTF8(ref[k], s, &rw, &rh) != 0 || w != rw || h != rh) {
                if (bad++ < 5)
                    fprintf(stderr, "\"%s\" at %d px: %d x %d, SDL_ttf %d x %d\n", s, sizes[k],
                            w, h, rw, rh);
            }
        }
    }
    return bad;
}

int main(void)
{
    ov_gl_test gl;
    if (!ov_gl_test_init(&gl)) {
        fprintf(stderr, "no GL context\n");
        return 1;
    }
    char path[1024], err[512];
    CHECK(ov_font_find(path, sizeof path, err, sizeof err));
    CHECK(TTF_Init() == 0);
    TTF_Font *ref[SIZES];
    for (int k = 0; k < SIZES; k++) {
        ref[k] = TTF_OpenFont(path, sizes[k]);
        CHECK(ref[k] != NULL);
    }
    ov_text_cache *tc = calloc(1, sizeof *tc);
    CHECK(tc != NULL);
    CHECK(ov_text_init(tc, path, err, sizeof err));

    /* A few strings: measured, then from the cache, the same sizes. */
    CHECK(measure_all(tc, ref, 40) == 0);
    int few = ov_text_measured_count(tc);
    CHECK_MSG(few == 40 * SIZES, "%d sizes kept for %d strings", few, 40 * SIZES);
    CHECK(measure_all(tc, ref, 40) == 0);
    CHECK(ov_text_measured_count(tc) == few);

    /* Twice the capacity: bounded, and still right after replacements. */
    int many = (2 * CAPACITY) / SIZES + 1;
    CHECK(measure_all(tc, ref, many) == 0);
    int count = ov_text_measured_count(tc);
    CHECK_MSG(count <= CAPACITY, "%d sizes kept, bound %d", count, CAPACITY);
    CHECK_MSG(count > CAPACITY / 2, "only %d of %d kept", count, CAPACITY);
    CHECK(measure_all(tc, ref, many) == 0);
    CHECK(ov_text_measured_count(tc) <= CAPACITY);

    /* The empty string: no width, the font's height. */
    int w = -1, h = -1;
    ov_text_measure(tc, "", 17.0f, &w, &h);
    CHECK(w == 0 && h == TTF_FontHeight(ref[1]));

    /* A texture is the measured size; measuring a rendered string agrees. */
    for (int i = 0; i < 24; i++) {
        char s[96];
        string_of(i * 7 + 3, s, sizeof s);
        int rw = 0, rh = 0;
        CHECK(TTF_SizeUTF8(ref[2], s, &rw, &rh) == 0);
        const ov_text_entry *e = ov_text_get(tc, s, 30.0f);
        CHECK_MSG(e->tex != 0 && e->w == rw && e->h == rh, "\"%s\": texture %d x %d, SDL_ttf %d x %d",
                  s, e->w, e->h, rw, rh);
        ov_text_measure(tc, s, 30.0f, &w, &h);
        CHECK(w == rw && h == rh);
    }

    ov_text_deinit(tc);
    free(tc);
    for (int k = 0; k < SIZES; k++)
        TTF_CloseFont(ref[k]);
    TTF_Quit();
    ov_gl_test_deinit(&gl);
    return ov_test_finish("test_render_text");
}
