/* MP4 export end to end: the real binary's --video decodes (libavformat,
 * independently of the writer) with the requested frame count, size and
 * frame rate, its index ahead of the data; its last frame matches
 * --screenshot of the same scene and its first frame the scene rendered at
 * step 0; odd sizes lose a row and column; bad paths exit 1 and leave
 * nothing behind. In the window (ov_window, SDL's offscreen driver),
 * Shift+G writes a frame per window frame with a progress bar while the
 * scene stays put, and Esc cancels it leaving no file. */
#include <dirent.h>
#include <png.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "app/app.h"
#include "app/controls.h"
#include "app/controls_anim.h"
#include "app/hud.h"
#include "ov_app_test.h"
#include "ov_bin_test.h"
#include "ov_mp4_test.h"
#include "ov_test.h"

static char bin[1024], tmp[1024];

/* Entries of dir whose name contains part. */
static int count_containing(const char *dir, const char *part)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)))
        n += strstr(e->d_name, part) != NULL;
    if (d)
        closedir(d);
    return n;
}

/* H.264 4:2:0 at CRF 18 against the lossless frame. Measured on these
 * 320x240 scenes: a mean difference of 3.6-4.3 levels per channel (no bias:
 * the signed mean is under 0.4) and 1.3-1.7% of the pixels off by more than
 * 48, nearly all on thin iso-lines, paths and small text, whose colour 4:2:0
 * keeps at half resolution. Allowed: 6 levels and 3%. A frame of another
 * step is further off (checked below), a flipped or colour-swapped one by
 * tens of levels. */
#define MEAN_MAX 6.0
#define FAR 48
#define FAR_MAX 0.03

static void test_cli(void)
{
    char video[1200], shot[1200], args[4000];
    snprintf(video, sizeof video, "%s/cli.mp4", tmp);
    snprintf(shot, sizeof shot, "%s/cli.png", tmp);
    remove(video);
    const char *scene = "--preset ill-conditioned --size 320x240";
    snprintf(args, sizeof args, "%s --gif-frames 8 --gif-delay 5 --video '%s'", scene, video);
    CHECK(ov_bin_run(bin, tmp, "video", args) == 0);
    snprintf(args, sizeof args, "%s --screenshot '%s'", scene, shot);
    CHECK(ov_bin_run(bin, tmp, "video", args) == 0);

    ov_video_info info;
    uint8_t *last = NULL;
    CHECK(ov_video_decode(video, &info, 7, 1, &last) == 0);
    CHECK(info.codec == AV_CODEC_ID_H264 && info.pix_fmt == AV_PIX_FMT_YUV420P);
    CHECK(info.width == 320 && info.height == 240);
    CHECK_MSG(info.frames == 8, "%d frames", info.frames);
    CHECK(info.frame_rate.num == 20 * info.frame_rate.den);   /* 5/100 s a frame */
    CHECK_NEAR(info.last_pts, 0.35, 1e-9);
    char types[8][5];
    int nb = ov_mp4_boxes(video, types, 8), moov = -1, mdat = -1;
    for (int i = 0; i < nb; i++) {
        moov = strcmp(types[i], "moov") == 0 ? i : moov;
        mdat = strcmp(types[i], "mdat") == 0 ? i : mdat;
    }
    CHECK_MSG(moov >= 0 && mdat > moov, "faststart: moov %d, mdat %d", moov, mdat);

    /* The last frame shows every run complete, as the screenshot does. */
    unsigned w = 0, h = 0;
    unsigned char *png = ov_test_load_png(shot, &w, &h);
    CHECK(png && w == 320 && h == 240);
    if (png && last) {
        double worst, mean = ov_rgb_mean_diff(png, last, 320, 240, FAR, &worst);
        printf("--video's last frame against --screenshot: mean |difference| %.2f, "
               "%.2f%% > %d\n", mean, 100 * worst, FAR);
        CHECK_MSG(mean < MEAN_MAX && worst < FAR_MAX, "mean %.2f, %.2f%% far off", mean,
                  100 * worst);
    }
    free(png);
    free(last);

    /* Odd sizes: the last column and row are left out. */
    snprintf(args, sizeof args, "--size 161x121 --gif-frames 2 --video '%s'", video);
    CHECK(ov_bin_run(bin, tmp, "video", args) == 0);
    CHECK(ov_video_decode(video, &info, 0, 0, NULL) == 0);
    CHECK(info.width == 160 && info.height == 120 && info.frames == 2);

    /* A directory that does not exist: exit 1 naming the file, nothing left. */
    char err[4096];
    snprintf(args, sizeof args, "--gif-frames 2 --video '%s/no-such-dir/x.mp4'", tmp);
    CHECK(ov_bin_run(bin, tmp, "video", args) == 1);
    ov_bin_read_err(tmp, "video", err, sizeof err);
    CHECK_MSG(strstr(err, "no-such-dir/x.mp4") != NULL, "stderr: %s", err);
    /* The same file for --gif and --video: a usage error. */
    snprintf(args, sizeof args, "--gif '%s' --video '%s'", video, video);
    CHECK(ov_bin_run(bin, tmp, "video", args) == 2);
    CHECK(count_containing(tmp, "cli.mp4.tmp") == 0);
}

/* In process: the first frame is the scene at step 0, the last at the last
 * step, and the caller's animation step is kept. */
static void test_frames(void)
{
    enum { W = 320, H = 240 };
    char err[1024], path[1200];
    snprintf(path, sizeof path, "%s/frames.mp4", tmp);
    ov_config cfg;
    ov_config_defaults(&cfg);
    ov_app_state st;
    CHECK_MSG(ov_controls_init(&st, &cfg, err, sizeof err), "%s", err);
    ov_glwin win;
    ov_renderer *r = ov_app_test_open(&win, &st, W, H);
    ov_controls_seek(&st, 17);
    CHECK_MSG(ov_export_mp4(r, &st, path, 6, 4, err, sizeof err), "%s", err);
    CHECK(st.anim.step == 17);
    ov_video_info info;
    uint8_t *got[6];
    CHECK(ov_video_decode(path, &info, 0, 6, got) == 0);
    CHECK(info.frames == 6 && info.width == W && info.height == H);
    CHECK(info.frame_rate.num == 25 * info.frame_rate.den);
    uint8_t *px = malloc((size_t)W * H * 4);
    ov_controls_hide_message(&st);
    const double steps[2] = {0, ov_controls_last_step(&st)};
    uint8_t *frames[2] = {got[0], got[5]};
    for (int i = 0; i < 2; i++) {
        ov_controls_seek(&st, steps[i]);
        ov_hud_draw_frame(r, &st, NULL, NULL);
        CHECK(ov_renderer_read_rgba(r, px));
        if (!frames[i])
            continue;
        double worst, mean = ov_rgb_mean_diff(px, frames[i], W, H, FAR, &worst);
        printf("video frame %d against the scene at step %.0f: mean |difference| %.2f, "
               "%.2f%% > %d\n", i ? 5 : 0, steps[i], mean, 100 * worst, FAR);
        CHECK_MSG(mean < MEAN_MAX && worst < FAR_MAX, "frame %d: mean %.2f, %.2f%% far off",
                  i ? 5 : 0, mean, 100 * worst);
    }
    /* The animation moves: the first video frame is further from the scene
     * at the last step (px, drawn last above) than from its own. */
    if (got[0] && got[5]) {
        double own, other;
        ov_controls_seek(&st, 0);
        ov_hud_draw_frame(r, &st, NULL, NULL);
        uint8_t *first = malloc((size_t)W * H * 4);
        CHECK(ov_renderer_read_rgba(r, first));
        ov_rgb_mean_diff(first, got[0], W, H, FAR, &own);
        ov_rgb_mean_diff(px, got[0], W, H, FAR, &other);
        printf("video frame 0: %.2f%% far off its own step, %.2f%% off the last step's\n",
               100 * own, 100 * other);
        CHECK_MSG(other > 2 * own, "frame 0 is as close to the last step (%.2f%%) as to its "
                  "own (%.2f%%)", 100 * other, 100 * own);
        free(first);
    }
    for (int i = 0; i < 6; i++)
        free(got[i]);
    free(px);
    ov_renderer_destroy(r);
    ov_glwin_destroy(&win);
    ov_controls_deinit(&st);
}

static void push_key(SDL_Keycode sym, Uint16 mod)
{
    ov_test_push_key(sym, mod, false, false);
}

/* Pixels of the window's frame within 40 of the progress bar's sky blue
 * (87, 181, 232) in every channel, in the lower half. */
static long bar_pixels(ov_window *w)
{
    int fw, fh;
    ov_renderer *r = ov_window_renderer(w);
    ov_renderer_size(r, &fw, &fh);
    uint8_t *px = malloc((size_t)fw * fh * 4);
    long n = 0;
    if (px && ov_renderer_read_rgba(r, px))
        for (long i = (long)fw * fh / 2; i < (long)fw * fh; i++)
            n += abs(px[4 * i] - 87) < 40 && abs(px[4 * i + 1] - 181) < 40 &&
                 abs(px[4 * i + 2] - 232) < 40;
    free(px);
    return n;
}

static void test_window(void)
{
    char dir[1200], err[1024], cmd[2600];
    snprintf(dir, sizeof dir, "%s/video-window", tmp);
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", dir, dir);
    CHECK(system(cmd) == 0);
    ov_config cfg;
    ov_config_defaults(&cfg);
    cfg.width = 321;   /* odd: the video gets 320 x 200 */
    cfg.height = 200;
    cfg.output_dir = dir;
    cfg.gif_frames = 5;
    cfg.no_vsync = true;
    ov_window *w = ov_window_create(&cfg, err, sizeof err);
    CHECK_MSG(w != NULL, "%s", err);
    if (!w)
        return;
    ov_app_state *st = ov_window_state(w);
    CHECK(ov_window_frame(w, 0.0, err, sizeof err));
    long bar_before = bar_pixels(w);

    /* Shift+G, then Esc after two frames: cancelled, nothing written. */
    push_key(SDLK_g, KMOD_LSHIFT);
    CHECK(ov_window_frame(w, 0.0, err, sizeof err));
    CHECK(st->job.on && st->job.total == 5 && st->job.done == 1);
    CHECK(ov_window_frame(w, 0.0, err, sizeof err));
    CHECK(st->job.done == 2);
    CHECK(count_containing(dir, ".mp4") == 1);   /* the temporary file */
    push_key(SDLK_ESCAPE, KMOD_NONE);
    CHECK(ov_window_frame(w, 0.0, err, sizeof err));
    CHECK(!st->job.on);
    CHECK_MSG(strstr(st->ui.message, "cancelled") != NULL, "message: %s", st->ui.message);
    CHECK(count_containing(dir, ".mp4") == 0);
    CHECK(!ov_window_quit_asked(w));

    /* Shift+G to the end. Meanwhile the window draws a progress bar and the
     * scene keys do nothing. */
    double alpha = st->sc.scene.runs[0].params.alpha;
    push_key(SDLK_g, KMOD_LSHIFT);
    CHECK(ov_window_frame(w, 0.0, err, sizeof err));
    long bar_during = bar_pixels(w);
    printf("progress bar: %ld sky-blue pixels in the lower half, %ld before\n", bar_during, bar_before);
    CHECK_MSG(bar_during > bar_before + 200, "progress bar: %ld sky-blue pixels, %ld before",
              bar_during, bar_before);
    push_key(SDLK_UP, KMOD_NONE);
    for (int f = 0; f < 10 && st->job.on; f++)
        CHECK(ov_window_frame(w, 0.0, err, sizeof err));
    CHECK(!st->job.on);
    CHECK(st->sc.scene.runs[0].params.alpha == alpha);
    CHECK_MSG(strncmp(st->ui.message, "saved ", 6) == 0, "message: %s", st->ui.message);

    /* G, then Q: quitting abandons the export, its temporary file goes. */
    push_key(SDLK_g, KMOD_NONE);
    CHECK(ov_window_frame(w, 0.0, err, sizeof err));
    CHECK(st->job.on && count_containing(dir, ".gif.tmp") == 1);
    push_key(SDLK_q, KMOD_NONE);
    CHECK(ov_window_frame(w, 0.0, err, sizeof err));
    CHECK(ov_window_quit_asked(w));
    ov_window_destroy(w);
    CHECK(count_containing(dir, ".gif") == 0);

    DIR *d = opendir(dir);
    struct dirent *e;
    char path[2600] = "";
    while (d && (e = readdir(d)))
        if (strstr(e->d_name, ".mp4"))
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    if (d)
        closedir(d);
    CHECK(count_containing(dir, ".tmp") == 0);
    ov_video_info info;
    CHECK_MSG(path[0] && ov_video_decode(path, &info, 0, 0, NULL) == 0, "no video in %s", dir);
    CHECK(info.frames == 5 && info.width == 320 && info.height == 200);
}

int main(void)
{
    const char *b = getenv("OV_BIN"), *t = getenv("OV_TMP");
    if (!b || !t) {
        fprintf(stderr, "OV_BIN and OV_TMP must be set (ctest sets them)\n");
        return 1;
    }
    snprintf(bin, sizeof bin, "%s", b);
    snprintf(tmp, sizeof tmp, "%s", t);
    test_cli();
    test_frames();
    test_window();
    return ov_test_finish("test_app_video");
}
