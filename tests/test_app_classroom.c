/* Classroom features, headless: every lecture preset loads and renders with
 * its caption on screen; the GIF export has the requested frames and size,
 * decodes with giflib, and its first and last frames match frames rendered
 * directly; ghost trails keep the old path after an α change; the sweep
 * fans a run into five with α x 1/4 ... 4 and folds back. */
#include <gif_lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app/controls.h"
#include "app/controls_anim.h"
#include "app/controls_params.h"
#include "app/export.h"
#include "app/hud.h"
#include "app/hud_layout.h"
#include "app/run_list.h"
#include "cli/preset.h"
#include "ov_app_test.h"
#include "ov_test.h"

#define W 640
#define H 360

/* Pixels in rows [y0, y1) that are near white (text) */
static long white_pixels(const uint8_t *px, int y0, int y1)
{
    long n = 0;
    for (int y = y0 < 0 ? 0 : y0; y < y1 && y < H; y++)
        for (int x = 0; x < W; x++) {
            const uint8_t *p = px + 4 * ((size_t)y * W + x);
            n += p[0] > 225 && p[1] > 225 && p[2] > 225;
        }
    return n;
}

static long diff_pixels(const uint8_t *a, const uint8_t *b, int tol)
{
    long n = 0;
    for (long i = 0; i < (long)W * H; i++)
        for (int c = 0; c < 3; c++)
            if (abs(a[4 * i + c] - b[4 * i + c]) > tol) {
                n++;
                break;
            }
    return n;
}

static void test_presets(ov_renderer *r, uint8_t *px, uint8_t *plain)
{
    char err[1024];
    ov_preset_set *set = ov_presets_load_default(err, sizeof err);
    CHECK_MSG(set != NULL && err[0] == '\0', "%s", err);
    if (!set)
        return;
    for (int n = 1; n <= 9; n++) {
        const ov_preset *p = ov_presets_by_number(set, n);
        CHECK_MSG(p != NULL, "preset %d missing", n);
        if (!p)
            continue;
        ov_config cfg;
        ov_config_defaults(&cfg);
        CHECK_MSG(ov_preset_apply(p, &cfg, err, sizeof err), "preset %d: %s", n, err);
        CHECK(cfg.caption[0] != '\0');
        ov_app_state st;
        if (!ov_controls_init(&st, &cfg, err, sizeof err)) {
            CHECK_MSG(false, "preset %d: %s", n, err);
            continue;
        }
        ov_controls_seek(&st, ov_controls_last_step(&st));
        CHECK(strcmp(st.sc.caption.text, p->caption) == 0);
        CHECK_MSG(ov_renderer_set_surface(r, st.sc.scene.surface, err, sizeof err), "%s", err);
        ov_hud_layout lay;
        ov_hud_draw_frame(r, &st, NULL, &lay);
        CHECK(ov_renderer_read_rgba(r, px));
        /* The caption's band, where the layout put it: the bottom quarter of
         * the frame, above the status bar. */
        CHECK(lay.on[OV_HUD_CAPTION]);
        ov_box cb = lay.box[OV_HUD_CAPTION];
        CHECK(cb.y > H * 0.7f && cb.y + cb.h <= lay.box[OV_HUD_STATUS].y);
        int band0 = (int)cb.y, band1 = (int)(cb.y + cb.h);
        /* The same scene with no caption: the band gains text with it. */
        ov_config plain_cfg = cfg;
        plain_cfg.caption[0] = '\0';
        CHECK(ov_controls_apply_config(&st, &plain_cfg));
        CHECK(st.sc.caption.text[0] == '\0');
        ov_controls_seek(&st, ov_controls_last_step(&st));
        ov_hud_draw_frame(r, &st, NULL, NULL);
        CHECK(ov_renderer_read_rgba(r, plain));
        long with = white_pixels(px, band0, band1), without = white_pixels(plain, band0, band1);
        CHECK_MSG(with > without + 300, "preset %d: caption band has %ld white pixels, %ld without",
                  n, with, without);
        ov_controls_deinit(&st);
    }
    ov_presets_destroy(set);
}

/* Decodes path and composites frame k onto canvas (RGB); frames leave their
 * pixels in place. Returns the number of frames, or -1. */
static int gif_frame(const char *path, int k, uint8_t *canvas, int *gw, int *gh, int *delay)
{
    int code = 0;
    GifFileType *d = DGifOpenFileName(path, &code);
    if (!d)
        return -1;
    int count = -1;
    if (DGifSlurp(d) == GIF_OK && d->SColorMap) {
        count = d->ImageCount;
        *gw = d->SWidth;
        *gh = d->SHeight;
        GraphicsControlBlock gcb;
        *delay = DGifSavedExtensionToGCB(d, 0, &gcb) == GIF_OK ? gcb.DelayTime : -1;
        for (int f = 0; f <= k && f < d->ImageCount && d->SWidth == W && d->SHeight == H; f++) {
            const SavedImage *s = &d->SavedImages[f];
            const GifImageDesc *id = &s->ImageDesc;
            const ColorMapObject *map = id->ColorMap ? id->ColorMap : d->SColorMap;
            for (int y = 0; y < id->Height; y++)
                for (int x = 0; x < id->Width; x++) {
                    const GifColorType *c = &map->Colors[s->RasterBits[y * id->Width + x]];
                    uint8_t *o = canvas + 4 * ((size_t)(id->Top + y) * W + (size_t)(id->Left + x));
                    o[0] = c->Red;
                    o[1] = c->Green;
                    o[2] = c->Blue;
                    o[3] = 255;
                }
        }
    }
    DGifCloseFile(d, &code);
    return count;
}

static void test_gif(ov_renderer *r, uint8_t *px, uint8_t *frame)
{
    const char *tmp = getenv("OV_TMP");
    char path[1024], err[1024];
    snprintf(path, sizeof path, "%s/classroom.gif", tmp ? tmp : ".");
    ov_config cfg;
    ov_config_defaults(&cfg);
    ov_app_state st;
    CHECK_MSG(ov_controls_init(&st, &cfg, err, sizeof err), "%s", err);
    CHECK(ov_renderer_set_surface(r, st.sc.scene.surface, err, sizeof err));
    ov_controls_seek(&st, 17);
    CHECK_MSG(ov_export_gif(r, &st, path, 12, 5, err, sizeof err), "%s", err);
    CHECK(st.anim.step == 17);   /* restored */
    int gw = 0, gh = 0, delay = 0;
    CHECK(gif_frame(path, 0, frame, &gw, &gh, &delay) == 12);
    CHECK(gw == W && gh == H);
    CHECK(delay == 5);
    /* First frame: the scene at step 0; last: at the last step. GIF
     * quantisation allows small differences over smooth gradients. */
    ov_controls_seek(&st, 0);
    ov_controls_hide_message(&st);
    ov_hud_draw_frame(r, &st, NULL, NULL);
    CHECK(ov_renderer_read_rgba(r, px));
    long d0 = diff_pixels(px, frame, 40);
    CHECK_MSG(d0 < (long)W * H / 200, "first GIF frame differs at %ld pixels", d0);
    gif_frame(path, 11, frame, &gw, &gh, &delay);
    ov_controls_seek(&st, ov_controls_last_step(&st));
    ov_hud_draw_frame(r, &st, NULL, NULL);
    CHECK(ov_renderer_read_rgba(r, px));
    long d1 = diff_pixels(px, frame, 40);
    CHECK_MSG(d1 < (long)W * H / 200, "last GIF frame differs at %ld pixels", d1);
    /* The last frame is not the first: the animation moves. */
    gif_frame(path, 0, px, &gw, &gh, &delay);
    CHECK(diff_pixels(px, frame, 40) > 100);
    ov_controls_deinit(&st);
}

static void test_ghosts_and_sweep(ov_renderer *r, uint8_t *with, uint8_t *without)
{
    char err[1024];
    ov_config cfg;
    ov_config_defaults(&cfg);
    ov_app_state st;
    CHECK_MSG(ov_controls_init(&st, &cfg, err, sizeof err), "%s", err);
    CHECK(ov_renderer_set_surface(r, st.sc.scene.surface, err, sizeof err));
    ov_controls_seek(&st, ov_controls_last_step(&st));
    ov_controls_hide_message(&st);

    /* Ghosts on, α x 0.25: the ghosts are the runs from before the change. */
    double x5 = st.sc.scene.runs[0].x[5], a0 = st.sc.scene.runs[0].params.alpha;
    ov_controls_toggle_ghosts(&st);
    CHECK(st.sc.ghosts_on && st.sc.nghosts == 0);
    ov_controls_scale_alpha(&st, 0.25);
    ov_controls_hide_message(&st);
    CHECK(st.sc.nghosts == st.sc.scene.nruns);
    CHECK(st.sc.ghosts[0].x[5] == x5 && st.sc.ghosts[0].params.alpha == a0);
    CHECK(st.sc.scene.runs[0].x[5] != x5);
    ov_hud_draw_frame(r, &st, NULL, NULL);
    CHECK(ov_renderer_read_rgba(r, with));
    ov_controls_toggle_ghosts(&st);   /* off: the ghosts go */
    ov_controls_hide_message(&st);
    ov_hud_draw_frame(r, &st, NULL, NULL);
    CHECK(ov_renderer_read_rgba(r, without));
    ov_controls_toggle_ghosts(&st);
    long d = diff_pixels(with, without, 20);
    CHECK_MSG(d > 300, "ghost trails changed only %ld pixels", d);

    /* Sweep: target the momentum run (Tab twice), fan out in its place,
     * fold back. Every other run stays, visible and in its colour; the
     * α × 1 run keeps momentum's colour. */
    ov_controls_cycle_target(&st, 1);
    ov_controls_cycle_target(&st, 1);
    double a = st.sc.scene.runs[1].params.alpha;
    ov_optim_kind kind = st.sc.scene.runs[1].params.kind;
    ov_optim_kind k0 = st.sc.scene.runs[0].params.kind, k2 = st.sc.scene.runs[2].params.kind;
    ov_rgba c0 = ov_hud_run_color(&st, 0), c1 = ov_hud_run_color(&st, 1),
            c2 = ov_hud_run_color(&st, 2);
    ov_controls_toggle_sweep(&st);
    CHECK(st.sc.scene.nruns == 7);
    static const double factor[5] = {0.25, 0.5, 1.0, 2.0, 4.0};
    for (int i = 0; i < 5 && 1 + i < st.sc.scene.nruns; i++) {
        CHECK(st.sc.scene.runs[1 + i].params.kind == kind);
        CHECK_NEAR(st.sc.scene.runs[1 + i].params.alpha, a * factor[i], 1e-15 * a);
    }
    CHECK(st.sc.scene.runs[0].params.kind == k0 && st.sc.scene.runs[6].params.kind == k2);
    for (int i = 0; i < st.sc.scene.nruns; i++)
        CHECK(!st.sc.hidden[i]);
    ov_rgba n0 = ov_hud_run_color(&st, 0), n3 = ov_hud_run_color(&st, 3),
            n6 = ov_hud_run_color(&st, 6);
    CHECK(n0.r == c0.r && n0.g == c0.g && n0.b == c0.b);
    CHECK(n3.r == c1.r && n3.g == c1.g && n3.b == c1.b);
    CHECK(n6.r == c2.r && n6.g == c2.g && n6.b == c2.b);
    /* The fanned runs are told apart: five different colours and shapes. */
    for (int i = 1; i <= 5; i++)
        for (int j = 1; j < i; j++) {
            ov_rgba ci = ov_hud_run_color(&st, i), cj = ov_hud_run_color(&st, j);
            CHECK(ci.r != cj.r || ci.g != cj.g || ci.b != cj.b);
            CHECK(ov_shade_marker(st.sc.shade[i]) != ov_shade_marker(st.sc.shade[j]));
        }
    ov_controls_toggle_sweep(&st);
    CHECK(st.sc.scene.nruns == 3);
    CHECK(st.sc.target == 1);
    CHECK(st.sc.scene.runs[1].params.alpha == a);
    ov_rgba b1 = ov_hud_run_color(&st, 1);
    CHECK(b1.r == c1.r && b1.g == c1.g && b1.b == c1.b);
    ov_controls_deinit(&st);
}

int main(void)
{
    ov_config cfg;
    ov_config_defaults(&cfg);
    ov_app_state st;
    char err[1024];
    CHECK_MSG(ov_controls_init(&st, &cfg, err, sizeof err), "%s", err);
    ov_glwin win;
    ov_renderer *r = ov_app_test_open(&win, &st, W, H);
    ov_controls_deinit(&st);
    uint8_t *a = malloc((size_t)W * H * 4), *b = malloc((size_t)W * H * 4);
    test_presets(r, a, b);
    test_gif(r, a, b);
    test_ghosts_and_sweep(r, a, b);
    free(a);
    free(b);
    ov_renderer_destroy(r);
    ov_glwin_destroy(&win);
    return ov_test_finish("test_app_classroom");
}
