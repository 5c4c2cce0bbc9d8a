/* Defects of the HUD found by reading, each checked against what it must
 * do: ellipsizing a text longer than any fixed buffer (the formula field
 * holds 1025 bytes) keeps a prefix and the ellipsis, and never cuts a UTF-8
 * character; the curvature panel prints no "inf" when the Hessian's
 * smaller eigenvalue is 0 or too small for the ratio; the renderer's HUD
 * text guard counts every spelling printf may give a non-finite number. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app/hud_layout.h"
#include "app/hud_text.h"
#include "app/panels.h"
#include "ov_app_test.h"
#include "ov_test.h"

static float width_of(ov_renderer *r, float size, const char *s)
{
    float w = 0, h = 0;
    ov_renderer_text_size(r, size, s, &w, &h);
    return w;
}

/* True when s is well-formed UTF-8 (no character cut). */
static bool utf8_ok(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int k = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2
                : (*p & 0xF8) == 0xF0 ? 3 : -1;
        if (k < 0)
            return false;
        p++;
        for (int i = 0; i < k; i++, p++)
            if ((*p & 0xC0) != 0x80)
                return false;
    }
    return true;
}

/* A text of n copies of unit cut to the width of `keep` copies. */
static void check_ellipsize(ov_renderer *r, const char *unit, int n, int keep)
{
    size_t ul = strlen(unit);
    char *text = malloc(ul * (size_t)n + 1), *want = malloc(ul * (size_t)keep + 4);
    for (int i = 0; i < n; i++)
        memcpy(text + ul * (size_t)i, unit, ul);
    text[ul * (size_t)n] = '\0';
    for (int i = 0; i < keep; i++)
        memcpy(want + ul * (size_t)i, unit, ul);
    memcpy(want + ul * (size_t)keep, "\xe2\x80\xa6", 4);
    float size = 14.0f, max_w = width_of(r, size, want);
    ov_hud_ellipsize(r, size, text, max_w);
    size_t len = strlen(text);
    CHECK_MSG(len >= 3 && strcmp(text + len - 3, "\xe2\x80\xa6") == 0,
              "%d x '%s' cut to %d: the result (%zu bytes) does not end with the ellipsis", n,
              unit, keep, len);
    CHECK_MSG(utf8_ok(text), "%d x '%s': a character was cut", n, unit);
    CHECK_MSG(width_of(r, size, text) <= max_w, "%d x '%s': wider than asked", n, unit);
    /* The longest prefix that fits: the width of keep copies and the
     * ellipsis is exactly max_w, so exactly keep copies stay. */
    CHECK_MSG(strcmp(text, want) == 0, "%d x '%s': kept %zu bytes, want %zu", n, unit, len,
              strlen(want));
    free(text);
    free(want);
}

static void test_ellipsize(ov_renderer *r)
{
    /* The formula field's worst case: 1025 bytes, cut past 508. */
    check_ellipsize(r, "x", 1025, 900);
    check_ellipsize(r, "x", 600, 550);
    /* Two- and three-byte characters, long and short. */
    check_ellipsize(r, "\xc3\xa9", 512, 400);
    check_ellipsize(r, "\xce\xbb" "a", 400, 300);
    check_ellipsize(r, "\xe2\x88\x92", 30, 7);
    /* A text that fits is left alone. */
    char s[] = "short";
    ov_hud_ellipsize(r, 14.0f, s, 1000.0f);
    CHECK(strcmp(s, "short") == 0);
}

static void init_formula(ov_app_state *st, const char *formula)
{
    ov_config cfg;
    char err[256];
    ov_config_defaults(&cfg);
    snprintf(cfg.surface, sizeof cfg.surface, "%s", formula);
    CHECK_MSG(ov_controls_init(st, &cfg, err, sizeof err), "%s", err);
}

static void test_curvature_ratio(void)
{
    /* x² + c y²: H = diag(2, 2c), λ = 2c, 2; c = 0 is flat along y, and
     * c = 1e-310 gives λmin = 2e-310, whose ratio overflows a double. */
    static const char *const formulas[] = {"x^2", "x^2 + 1e-310*y^2", "x^2 + 0*y"};
    for (int f = 0; f < 3; f++) {
        ov_app_state st;
        init_formula(&st, formulas[f]);
        ov_panel_text t;
        ov_panel_curvature_text(&st, &t);
        CHECK(t.n >= 2);
        for (int i = 0; i < t.n; i++) {
            CHECK_MSG(!strstr(t.lines[i], "inf") && !strstr(t.lines[i], "nan"),
                      "%s: panel line '%s'", formulas[f], t.lines[i]);
            if (t.colour[i] >= 0)
                CHECK_MSG(strstr(t.lines[i], "unbounded") && !strstr(t.lines[i], "non-convex"),
                          "%s: '%s' should say the local condition number is unbounded",
                          formulas[f], t.lines[i]);
        }
        ov_controls_deinit(&st);
    }
    /* A finite ratio is still printed: x² + 50 y², λ = 2, 100, κ = 50. */
    ov_app_state st;
    init_formula(&st, "x^2 + 50*y^2");
    ov_panel_text t;
    ov_panel_curvature_text(&st, &t);
    CHECK(t.n >= 2 && strstr(t.lines[0], "local \xce\xba = 50") != NULL);
    ov_controls_deinit(&st);
}

static void test_nonfinite_text(ov_renderer *r, ov_app_state *st)
{
    ov_render_stats s0, s1;
    ov_frame_desc d;
    ov_hud_layout lay;
    ov_app_cache cache;
    ov_app_cache_init(&cache);
    ov_hud_layout_compute(r, st, &cache, 64, 64, &lay);
    ov_hud_frame_desc(st, &lay, &d);
    ov_renderer_stats(r, &s0);
    ov_renderer_begin(r, &d);
    static const ov_rgba c = {1, 1, 1, 1};
    /* Non-finite, as glibc or another C library may print them. */
    static const char *const bad[] = {"L = nan", "L = -nan", "L = inf", "L = -inf",
                                      "L = infinity", "L = -Infinity", "NAN(0x1)"};
    /* Words that only contain those letters. */
    static const char *const good[] = {"information", "infinite loop", "banana", "L = 1e+308",
                                       "nanosecond"};
    for (int i = 0; i < 7; i++)
        ov_renderer_text(r, 1, 1, 12, c, OV_ALIGN_LEFT, bad[i]);
    for (int i = 0; i < 5; i++)
        ov_renderer_text(r, 1, 1, 12, c, OV_ALIGN_LEFT, good[i]);
    ov_renderer_end(r);
    ov_renderer_stats(r, &s1);
    CHECK_MSG(s1.nonfinite_text - s0.nonfinite_text == 7, "%lu of 7 non-finite texts counted",
              s1.nonfinite_text - s0.nonfinite_text);
}

int main(void)
{
    ov_app_state st;
    init_formula(&st, "x^2 + y^2");
    ov_glwin win;
    ov_renderer *r = ov_app_test_open(&win, &st, 64, 64);
    test_ellipsize(r);
    test_nonfinite_text(r, &st);
    ov_renderer_destroy(r);
    ov_glwin_destroy(&win);
    ov_controls_deinit(&st);
    test_curvature_ratio();
    return ov_test_finish("test_app_hud");
}
