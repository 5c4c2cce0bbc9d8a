/* Tests of the MP4 writer (src/io/mp4_write.c), decoded by libavformat and
 * libavcodec independently of it: H.264 yuv420p at the requested size
 * (odd sides rounded down to even), the requested frame count and frame
 * rate, the index ahead of the media data (faststart), frames matching
 * their source within H.264's loss, and failures (missing directory, a
 * non-regular target, a write that fails half-way, an abandoned video)
 * leaving no file behind; the encoder's threads block SIGINT and SIGTERM,
 * so an interruption reaches the thread that polls for it. */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "io/mp4_write.h"
#include "ov_mp4_test.h"
#include "ov_test.h"
#include "ov_thread_mask.h"

static char g_dir[512];

/* Number of directory entries other than . and .. */
static int count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int n = 0;
    for (struct dirent *e; (e = readdir(d));)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

static void fresh_dir(const char *name, char *out, size_t cap)
{
    snprintf(out, cap, "%s/%s", g_dir, name);
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", out, out);
    CHECK(system(cmd) == 0);
}

/* A frame like the program's: a smooth background, a filled square moving
 * right by 3 pixels per frame, and 2-pixel lines in two run colours. */
static void draw_frame(uint8_t *px, int w, int h, int k)
{
    for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
            uint8_t *p = px + 4 * ((size_t)y * w + x);
            p[0] = (uint8_t)(40 + 150 * x / w);
            p[1] = (uint8_t)(60 + 120 * y / h);
            p[2] = 150;
            p[3] = 255;
            if (x >= 10 + 3 * k && x < 40 + 3 * k && y >= 20 && y < 50) {
                p[0] = 0xD5;
                p[1] = 0x5E;
                p[2] = 0x00;
            }
            if ((y / 2) == (h / 4) || (x / 2) == (w * 3 / 8)) {
                p[0] = 0x56;
                p[1] = 0xB4;
                p[2] = 0xE9;
            }
        }
    }
}

static void test_roundtrip(void)
{
    char dir[600], path[700], err[512];
    fresh_dir("roundtrip", dir, sizeof dir);
    snprintf(path, sizeof path, "%s/v.mp4", dir);
    enum { W = 161, H = 121, N = 12 };   /* odd sides: the video is 160 x 120 */
    uint8_t *src[N];
    ov_mp4 *m = ov_mp4_create(path, W, H, 4, err, sizeof err);
    CHECK_MSG(m != NULL, "%s", err);
    if (!m)
        return;
    int vw, vh;
    ov_mp4_size(m, &vw, &vh);
    CHECK(vw == 160 && vh == 120);
    for (int k = 0; k < N; k++) {
        src[k] = malloc((size_t)W * H * 4);
        draw_frame(src[k], W, H, k);
        CHECK_MSG(ov_mp4_add_frame(m, src[k], err, sizeof err), "%s", err);
    }
    CHECK(count_entries(dir) == 1);   /* only the temporary file so far */
    CHECK_MSG(ov_mp4_finish(m, err, sizeof err), "%s", err);
    CHECK(count_entries(dir) == 1);   /* renamed: v.mp4 alone */

    ov_video_info info;
    uint8_t *got[N];
    CHECK(ov_video_decode(path, &info, 0, N, got) == 0);
    CHECK(info.codec == AV_CODEC_ID_H264);
    CHECK(info.pix_fmt == AV_PIX_FMT_YUV420P);
    CHECK(info.width == 160 && info.height == 120);
    CHECK_MSG(info.frames == N, "%d frames decoded", info.frames);
    /* 4/100 s per frame: 25 frames per second, the last at 11 * 0.04 s. */
    CHECK(info.frame_rate.num == 25 * info.frame_rate.den);
    CHECK_NEAR(info.last_pts, 0.44, 1e-9);
    /* faststart: the index (moov) comes before the media data (mdat). */
    char types[8][5];
    int nb = ov_mp4_boxes(path, types, 8);
    int moov = -1, mdat = -1;
    for (int i = 0; i < nb; i++) {
        if (strcmp(types[i], "moov") == 0)
            moov = i;
        if (strcmp(types[i], "mdat") == 0)
            mdat = i;
    }
    CHECK(nb >= 3 && strcmp(types[0], "ftyp") == 0);
    CHECK_MSG(moov >= 0 && mdat > moov, "boxes: moov %d, mdat %d", moov, mdat);

    /* Each frame against its source (cropped to 160 x 120). Measured with
     * CRF 18: a mean difference of 1.7-1.8 levels per channel, and 0.03-0.63%
     * of the pixels off by more than 48 (edges of the square and of the
     * 2-pixel lines, where 4:2:0 halves the colour resolution); allowed:
     * 3 levels and 2%. */
    uint8_t *crop = malloc((size_t)160 * 120 * 4);
    for (int k = 0; k < N; k++) {
        if (!got[k]) {
            CHECK_MSG(0, "frame %d not decoded", k);
            continue;
        }
        for (int y = 0; y < 120; y++)
            memcpy(crop + (size_t)y * 160 * 4, src[k] + (size_t)y * W * 4, 160 * 4);
        double worst;
        double mean = ov_rgb_mean_diff(crop, got[k], 160, 120, 48, &worst);
        CHECK_MSG(mean < 3.0 && worst < 0.02, "frame %d: mean %.2f, %.2f%% far off", k, mean,
                  100 * worst);
        if (k == 0 || k == N - 1)
            printf("frame %d against its source: mean |difference| %.2f, %.3f%% > 48\n", k,
                   mean, 100 * worst);
    }
    /* The square moved: frame 0 is not frame 11. */
    if (got[0] && got[N - 1])
        CHECK(ov_rgb_mean_diff(got[0], got[N - 1], 160, 120, 48, NULL) > 1.0);
    free(crop);
    for (int k = 0; k < N; k++) {
        free(src[k]);
        free(got[k]);
    }
}

static void test_failures(void)
{
    char dir[600], path[700], err[512];
    fresh_dir("fail", dir, sizeof dir);
    uint8_t *px = malloc((size_t)64 * 48 * 4);
    draw_frame(px, 64, 48, 0);

    /* A missing directory: the message names the path, nothing is made. */
    snprintf(path, sizeof path, "%s/no/such/dir/v.mp4", dir);
    CHECK(ov_mp4_create(path, 64, 48, 4, err, sizeof err) == NULL);
    CHECK_MSG(strstr(err, "cannot write '") == err && strstr(err, "v.mp4") != NULL, "%s", err);
    CHECK(count_entries(dir) == 0);

    /* Not a regular file: an MP4 is rewritten once complete. */
    CHECK(ov_mp4_create("/dev/null", 64, 48, 4, err, sizeof err) == NULL);
    CHECK_MSG(strstr(err, "regular file") != NULL, "%s", err);

    /* Bad parameters. */
    snprintf(path, sizeof path, "%s/v.mp4", dir);
    CHECK(ov_mp4_create(path, 1, 48, 4, err, sizeof err) == NULL);
    CHECK(ov_mp4_create(path, 64, 48, 0, err, sizeof err) == NULL);
    CHECK(ov_mp4_create(path, 64, 48, 101, err, sizeof err) == NULL);
    CHECK(count_entries(dir) == 0);

    /* No frames: nothing written. Abandoned: the temporary file goes. */
    ov_mp4 *m = ov_mp4_create(path, 640, 480, 4, err, sizeof err);
    CHECK(m && count_entries(dir) == 1);
    CHECK(m && !ov_mp4_finish(m, err, sizeof err));
    CHECK(count_entries(dir) == 0);
    m = ov_mp4_create(path, 64, 48, 4, err, sizeof err);
    CHECK(m && ov_mp4_add_frame(m, px, err, sizeof err));
    ov_mp4_destroy(m);
    ov_mp4_destroy(NULL);
    CHECK(count_entries(dir) == 0);

    /* A write that fails half-way (the file size limit, as a full disk
     * would): the previous file at the target is kept, nothing else. */
    FILE *f = fopen(path, "wb");
    CHECK(f && fputs("old", f) != EOF && fclose(f) == 0);
    uint8_t *noise = malloc((size_t)256 * 256 * 4);
    unsigned seed = 7;
    for (size_t i = 0; i < (size_t)256 * 256 * 4; i++) {
        seed = seed * 1103515245u + 12345u;
        noise[i] = (uint8_t)(seed >> 16);
    }
    struct rlimit old_lim, lim;
    CHECK(getrlimit(RLIMIT_FSIZE, &old_lim) == 0);
    void (*old_sig)(int) = signal(SIGXFSZ, SIG_IGN);
    lim = old_lim;
    lim.rlim_cur = 16384;
    CHECK(setrlimit(RLIMIT_FSIZE, &lim) == 0);
    m = ov_mp4_create(path, 256, 256, 4, err, sizeof err);
    bool ok = m != NULL;
    for (int k = 0; ok && k < 8; k++) {
        noise[k] ^= 0xff;
        ok = ov_mp4_add_frame(m, noise, err, sizeof err);
    }
    if (ok)
        ok = ov_mp4_finish(m, err, sizeof err);
    else
        ov_mp4_destroy(m);
    CHECK(setrlimit(RLIMIT_FSIZE, &old_lim) == 0);
    signal(SIGXFSZ, old_sig);
    CHECK(!ok);
    CHECK_MSG(strstr(err, "cannot write '") == err, "%s", err);
    char got[8] = {0};
    f = fopen(path, "rb");
    CHECK(f && fread(got, 1, sizeof got - 1, f) == 3 && fclose(f) == 0);
    CHECK(strcmp(got, "old") == 0);
    CHECK(count_entries(dir) == 1);
    free(noise);
    free(px);
}

/* The threads libx264 starts when the encoder opens are born with SIGINT
 * and SIGTERM blocked (io/interrupt.h), whatever the caller's mask. */
static void test_threads_block_signals(void)
{
    char dir[600], path[700], err[512];
    fresh_dir("threads", dir, sizeof dir);
    snprintf(path, sizeof path, "%s/t.mp4", dir);
    int before = 0, unblocked = 0;
    CHECK(ov_test_thread_masks(&before, &unblocked));
    ov_mp4 *m = ov_mp4_create(path, 640, 480, 4, err, sizeof err);
    CHECK_MSG(m != NULL, "%s", err);
    if (!m)
        return;
    int others = 0;
    CHECK(ov_test_thread_masks(&others, &unblocked));
    /* x264 starts threads on a machine with more than one processor. */
    if (sysconf(_SC_NPROCESSORS_ONLN) > 1)
        CHECK_MSG(others > before, "no encoder thread to look at (%d before, %d after)",
                  before, others);
    CHECK_MSG(unblocked == 0, "%d of %d other threads can receive SIGINT or SIGTERM",
              unblocked, others);
    sigset_t cur;
    CHECK(pthread_sigmask(SIG_SETMASK, NULL, &cur) == 0);
    CHECK_MSG(!sigismember(&cur, SIGINT) && !sigismember(&cur, SIGTERM),
              "the caller's signal mask was left blocked");
    ov_mp4_destroy(m);
}

int main(void)
{
    const char *tmp = getenv("OV_TMP");
    snprintf(g_dir, sizeof g_dir, "%s/test_io_mp4", tmp && *tmp ? tmp : "/tmp");
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", g_dir, g_dir);
    if (system(cmd) != 0) {
        fprintf(stderr, "cannot create %s\n", g_dir);
        return 1;
    }
    test_roundtrip();
    test_failures();
    test_threads_block_signals();
    return ov_test_finish("test_io_mp4");
}
