/* Tests of src/io: PNG and GIF round trips through the real decoders, the
 * exact CSV bytes for a hand-made scene, and the failure paths (missing
 * directory, a directory as target, a write that fails half-way) leaving no
 * partial or temporary file behind. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <gif_lib.h>
#include <png.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/atomic.h"
#include "io/csv.h"
#include "io/gif_write.h"
#include "io/png_write.h"
#include "ov_test.h"

static char g_dir[512];

/* Makes an empty directory dir/name and writes its path to out. */
static void make_dir(const char *name, char *out, size_t cap)
{
    snprintf(out, cap, "%s/%s", g_dir, name);
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", out, out);
    CHECK(system(cmd) == 0);
}

/* Number of directory entries other than . and .. */
static int count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

static uint8_t *make_image(int w, int h, unsigned seed, bool noise)
{
    uint8_t *p = malloc((size_t)w * (size_t)h * 4);
    uint32_t s = seed * 2654435761u + 1u;
    for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
            uint8_t *px = p + 4 * ((size_t)y * (size_t)w + (size_t)x);
            if (noise) {
                for (int c = 0; c < 4; c++) {
                    s = s * 1664525u + 1013904223u;
                    px[c] = (uint8_t)(s >> 24);
                }
            } else {
                px[0] = (uint8_t)(x * 255 / (w - 1));
                px[1] = (uint8_t)(y * 255 / (h - 1));
                px[2] = (uint8_t)((x + y + (int)seed) & 255);
                px[3] = (uint8_t)(255 - (x % 7) * 30);
            }
        }
    }
    return p;
}

static void test_png_roundtrip(void)
{
    char dir[600], path[700], err[512];
    make_dir("png", dir, sizeof dir);
    snprintf(path, sizeof path, "%s/a.png", dir);
    int w = 37, h = 23;
    uint8_t *img = make_image(w, h, 3, false);
    mode_t old = umask(022);
    CHECK_MSG(ov_png_write(path, img, w, h, err, sizeof err), "%s", err);
    umask(old);
    struct stat st;
    CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0644);
    CHECK(count_entries(dir) == 1);

    png_image im;
    memset(&im, 0, sizeof im);
    im.version = PNG_IMAGE_VERSION;
    CHECK(png_image_begin_read_from_file(&im, path));
    CHECK(im.width == (png_uint_32)w && im.height == (png_uint_32)h);
    CHECK(im.format == PNG_FORMAT_RGBA);
    im.format = PNG_FORMAT_RGBA;
    uint8_t *back = malloc(PNG_IMAGE_SIZE(im));
    CHECK(png_image_finish_read(&im, NULL, back, 0, NULL));
    CHECK(memcmp(back, img, (size_t)w * (size_t)h * 4) == 0);
    free(back);

    /* Overwriting an existing file replaces it completely. */
    uint8_t *img2 = make_image(5, 4, 9, true);
    CHECK_MSG(ov_png_write(path, img2, 5, 4, err, sizeof err), "%s", err);
    memset(&im, 0, sizeof im);
    im.version = PNG_IMAGE_VERSION;
    CHECK(png_image_begin_read_from_file(&im, path));
    CHECK(im.width == 5 && im.height == 4);
    im.format = PNG_FORMAT_RGBA;
    back = malloc(PNG_IMAGE_SIZE(im));
    CHECK(png_image_finish_read(&im, NULL, back, 0, NULL));
    CHECK(memcmp(back, img2, 5 * 4 * 4) == 0);
    free(back);
    free(img2);
    CHECK(count_entries(dir) == 1);

    /* Opaque: stored as RGB, the same pixels read back (alpha 255). */
    uint8_t *img3 = make_image(6, 5, 2, false);
    for (int i = 0; i < 6 * 5; i++)
        img3[i * 4 + 3] = 255;
    CHECK_MSG(ov_png_write(path, img3, 6, 5, err, sizeof err), "%s", err);
    memset(&im, 0, sizeof im);
    im.version = PNG_IMAGE_VERSION;
    CHECK(png_image_begin_read_from_file(&im, path));
    CHECK(im.format == PNG_FORMAT_RGB);
    im.format = PNG_FORMAT_RGBA;
    back = malloc(PNG_IMAGE_SIZE(im));
    CHECK(png_image_finish_read(&im, NULL, back, 0, NULL));
    CHECK(memcmp(back, img3, 6 * 5 * 4) == 0);
    free(back);
    free(img3);

    err[0] = 0;
    CHECK(!ov_png_write(path, img, 0, h, err, sizeof err));
    CHECK(strstr(err, "invalid image size") != NULL);
    free(img);
}

/* The exact CSV text of a hand-made two-run scene; the expected numbers
 * were printed with Python's '%.17g'. */
static void test_csv_exact(void)
{
    char dir[600], path[700], err[512];
    make_dir("csv", dir, sizeof dir);
    snprintf(path, sizeof path, "%s/runs.csv", dir);

    double x0[] = {0.1, 1e-300, -0.0}, y0[] = {-2.0, 3.0, 2.5e-7},
           l0[] = {0.5, 1.0 / 3.0, 1e300};
    double x1[] = {0.2}, y1[] = {123456789.123}, l1[] = {3.0};
    ov_scene sc;
    memset(&sc, 0, sizeof sc);
    sc.nruns = 2;
    sc.runs[0].params.kind = OV_OPT_GD;
    sc.runs[0].n = 3;
    sc.runs[0].x = x0;
    sc.runs[0].y = y0;
    sc.runs[0].loss = l0;
    sc.runs[1].params.kind = OV_OPT_ADAM;
    sc.runs[1].n = 1;
    sc.runs[1].x = x1;
    sc.runs[1].y = y1;
    sc.runs[1].loss = l1;
    sc.runs[1].diverged = true;
    sc.runs[1].diverged_step = 1;

    CHECK_MSG(ov_csv_write(path, &sc, err, sizeof err), "%s", err);
    const char *want = "run,optimizer,step,x,y,loss\n"
                       "0,gd,0,0.10000000000000001,-2,0.5\n"
                       "0,gd,1,1e-300,3,0.33333333333333331\n"
                       "0,gd,2,-0,2.4999999999999999e-07,1.0000000000000001e+300\n"
                       "1,adam,0,0.20000000000000001,123456789.123,3\n";
    char got[1024] = {0};
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL);
    if (f) {
        size_t n = fread(got, 1, sizeof got - 1, f);
        got[n] = 0;
        fclose(f);
    }
    CHECK_MSG(strcmp(got, want) == 0, "got:\n%s", got);
    CHECK(count_entries(dir) == 1);

    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    CHECK(mem != NULL);
    if (mem) {
        CHECK(ov_csv_report_divergence(mem, &sc));
        fclose(mem);
        CHECK_MSG(text && strcmp(text, "run 1 (adam) diverged at step 1\n") == 0,
                  "got '%s'", text ? text : "(null)");
        free(text);
    }
}

/* With a schedule on some run the CSV gains an alpha column after loss:
 * the α of the update leaving each step (step(2,0.5) from 0.5: 0.5, 0.5,
 * 0.25; a run without a schedule its own α throughout). Without one the
 * header and lines are test_csv_exact's, byte for byte. */
static void test_csv_alpha(void)
{
    char dir[600], path[700], err[512];
    make_dir("csv-alpha", dir, sizeof dir);
    snprintf(path, sizeof path, "%s/runs.csv", dir);
    double x0[] = {0.1, 1e-300, -0.0}, y0[] = {-2.0, 3.0, 2.5e-7},
           l0[] = {0.5, 1.0 / 3.0, 1e300};
    double x1[] = {0.2}, y1[] = {123456789.123}, l1[] = {3.0};
    ov_scene sc;
    memset(&sc, 0, sizeof sc);
    sc.nruns = 2;
    sc.runs[0].params.kind = OV_OPT_GD;
    sc.runs[0].params.alpha = 0.5;
    const char *why = "";
    CHECK(ov_schedule_parse("step(2,0.5)", 11, &sc.runs[0].params.schedule, &why));
    sc.runs[0].n = 3;
    sc.runs[0].x = x0;
    sc.runs[0].y = y0;
    sc.runs[0].loss = l0;
    sc.runs[1].params.kind = OV_OPT_ADAM;
    sc.runs[1].params.alpha = 0.1;
    sc.runs[1].n = 1;
    sc.runs[1].x = x1;
    sc.runs[1].y = y1;
    sc.runs[1].loss = l1;
    CHECK_MSG(ov_csv_write(path, &sc, err, sizeof err), "%s", err);
    const char *want = "run,optimizer,step,x,y,loss,alpha\n"
                       "0,gd,0,0.10000000000000001,-2,0.5,0.5\n"
                       "0,gd,1,1e-300,3,0.33333333333333331,0.5\n"
                       "0,gd,2,-0,2.4999999999999999e-07,1.0000000000000001e+300,0.25\n"
                       "1,adam,0,0.20000000000000001,123456789.123,3,0.10000000000000001\n";
    char got[1024] = {0};
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL);
    if (f) {
        size_t n = fread(got, 1, sizeof got - 1, f);
        got[n] = 0;
        fclose(f);
    }
    CHECK_MSG(strcmp(got, want) == 0, "got:\n%s", got);
    /* Without the schedule: the header DESIGN.md fixes, no alpha. */
    memset(&sc.runs[0].params.schedule, 0, sizeof sc.runs[0].params.schedule);
    CHECK_MSG(ov_csv_write(path, &sc, err, sizeof err), "%s", err);
    f = fopen(path, "rb");
    CHECK(f != NULL);
    if (f) {
        size_t n = fread(got, 1, sizeof got - 1, f);
        got[n] = 0;
        fclose(f);
    }
    CHECK_MSG(strncmp(got, "run,optimizer,step,x,y,loss\n0,gd,0,0.10000000000000001,-2,0.5\n",
                      62) == 0, "got:\n%s", got);
}

static void check_failure_message(const char *err, const char *path, const char *reason)
{
    char want[800];
    snprintf(want, sizeof want, "cannot write '%s': %s", path, reason);
    CHECK_MSG(strcmp(err, want) == 0, "got '%s', want '%s'", err, want);
}

static void test_unwritable_paths(void)
{
    char dir[600], path[700], err[512];
    make_dir("bad", dir, sizeof dir);
    uint8_t *img = make_image(8, 8, 1, false);
    ov_scene sc;
    memset(&sc, 0, sizeof sc);

    snprintf(path, sizeof path, "%s/missing/a.png", dir);
    CHECK(!ov_png_write(path, img, 8, 8, err, sizeof err));
    check_failure_message(err, path, strerror(ENOENT));
    snprintf(path, sizeof path, "%s/missing/a.csv", dir);
    CHECK(!ov_csv_write(path, &sc, err, sizeof err));
    check_failure_message(err, path, strerror(ENOENT));
    CHECK(!ov_gif_create(path, 8, 8, 5, NULL, 0, err, sizeof err));
    check_failure_message(err, path, strerror(ENOENT));

    /* The target is a directory. */
    snprintf(path, sizeof path, "%s/sub", dir);
    CHECK(mkdir(path, 0755) == 0);
    CHECK(!ov_png_write(path, img, 8, 8, err, sizeof err));
    check_failure_message(err, path, strerror(EISDIR));
    CHECK(!ov_csv_write(path, &sc, err, sizeof err));
    check_failure_message(err, path, strerror(EISDIR));
    struct stat st;
    CHECK(stat(path, &st) == 0 && S_ISDIR(st.st_mode));
    CHECK(count_entries(path) == 0);
    CHECK(rmdir(path) == 0);

    CHECK(!ov_png_write("", img, 8, 8, err, sizeof err));
    CHECK(strstr(err, "empty file name") != NULL);
    CHECK(!ov_png_write("/proc/self/ov_no_such/a.png", img, 8, 8, err, sizeof err));
    CHECK(strstr(err, "cannot write '/proc/self/ov_no_such/a.png': ") == err);
    CHECK(count_entries(dir) == 0);
    free(img);
}

/* A write that fails half-way (the file size limit, as a full disk would):
 * the old file at the target stays intact and no temporary file remains. */
static void test_failed_write_leaves_nothing(void)
{
    char dir[600], path[700], err[512];
    make_dir("fsize", dir, sizeof dir);
    snprintf(path, sizeof path, "%s/out", dir);
    FILE *f = fopen(path, "wb");
    CHECK(f && fputs("old", f) != EOF && fclose(f) == 0);

    uint8_t *noise = make_image(256, 256, 7, true);
    double xs[5000], ls[5000];
    for (int i = 0; i < 5000; i++) {
        xs[i] = 1.0 / (i + 3);
        ls[i] = 2.0 / (i + 7);
    }
    ov_scene sc;
    memset(&sc, 0, sizeof sc);
    sc.nruns = 1;
    sc.runs[0].params.kind = OV_OPT_MOMENTUM;
    sc.runs[0].n = 5000;
    sc.runs[0].x = xs;
    sc.runs[0].y = xs;
    sc.runs[0].loss = ls;

    struct rlimit old_lim, lim;
    CHECK(getrlimit(RLIMIT_FSIZE, &old_lim) == 0);
    void (*old_sig)(int) = signal(SIGXFSZ, SIG_IGN);
    lim = old_lim;
    lim.rlim_cur = 4096;
    CHECK(setrlimit(RLIMIT_FSIZE, &lim) == 0);

    bool png_ok = ov_png_write(path, noise, 256, 256, err, sizeof err);
    check_failure_message(err, path, strerror(EFBIG));
    bool csv_ok = ov_csv_write(path, &sc, err, sizeof err);
    check_failure_message(err, path, strerror(EFBIG));
    ov_gif *g = ov_gif_create(path, 256, 256, 4, NULL, 0, err, sizeof err);
    bool gif_ok = g != NULL;
    if (g) {
        gif_ok = ov_gif_add_frame(g, noise, err, sizeof err);
        if (gif_ok)
            gif_ok = ov_gif_finish(g, err, sizeof err);
        else
            ov_gif_destroy(g);
        check_failure_message(err, path, strerror(EFBIG));
    }

    CHECK(setrlimit(RLIMIT_FSIZE, &old_lim) == 0);
    signal(SIGXFSZ, old_sig);
    CHECK(!png_ok && !csv_ok && !gif_ok);

    char got[16] = {0};
    f = fopen(path, "rb");
    CHECK(f != NULL);
    if (f) {
        CHECK(fread(got, 1, sizeof got - 1, f) == 3);
        fclose(f);
    }
    CHECK(strcmp(got, "old") == 0);
    CHECK(count_entries(dir) == 1);
    free(noise);
}

/* A symbolic link as target stays a link to the new file; devices are
 * written in place. */
static void test_special_targets(void)
{
    char dir[600], link[700], real[700], err[512];
    make_dir("special", dir, sizeof dir);
    snprintf(real, sizeof real, "%s/real.png", dir);
    snprintf(link, sizeof link, "%s/link.png", dir);
    FILE *f = fopen(real, "wb");
    CHECK(f && fputs("old", f) != EOF && fclose(f) == 0);
    CHECK(symlink("real.png", link) == 0);
    uint8_t *img = make_image(16, 16, 2, false);
    CHECK_MSG(ov_png_write(link, img, 16, 16, err, sizeof err), "%s", err);
    struct stat st;
    CHECK(lstat(link, &st) == 0 && S_ISLNK(st.st_mode));
    CHECK(stat(real, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 8);
    CHECK(count_entries(dir) == 2);

    /* A pipe is written in place (and stays a pipe). */
    char fifo[700];
    snprintf(fifo, sizeof fifo, "%s/pipe", dir);
    CHECK(mkfifo(fifo, 0644) == 0);
    int rfd = open(fifo, O_RDWR | O_NONBLOCK);   /* so the writer need not wait */
    CHECK(rfd >= 0);
    ov_scene sc;
    memset(&sc, 0, sizeof sc);
    bool direct_ok = false;
    if (rfd >= 0) {
        CHECK_MSG(ov_csv_write(fifo, &sc, err, sizeof err), "%s", err);
        char got[64] = {0};
        ssize_t n = read(rfd, got, sizeof got - 1);
        CHECK(n == 28 && strcmp(got, "run,optimizer,step,x,y,loss\n") == 0);
        direct_ok = n == 28 && lstat(fifo, &st) == 0 && S_ISFIFO(st.st_mode);
        CHECK(direct_ok);
        close(rfd);
    }
    CHECK(count_entries(dir) == 3);

    /* Only once direct writing is shown to work: a regression here would
     * otherwise rename a file over the system's device nodes. */
    if (direct_ok) {
        CHECK_MSG(ov_png_write("/dev/null", img, 16, 16, err, sizeof err), "%s", err);
        CHECK(stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode));
    }
    if (direct_ok && stat("/dev/full", &st) == 0 && S_ISCHR(st.st_mode)) {
        CHECK(!ov_csv_write("/dev/full", &sc, err, sizeof err));
        check_failure_message(err, "/dev/full", strerror(ENOSPC));
        CHECK(!ov_png_write("/dev/full", img, 16, 16, err, sizeof err));
        check_failure_message(err, "/dev/full", strerror(ENOSPC));
        CHECK(stat("/dev/full", &st) == 0 && S_ISCHR(st.st_mode));
    }
    free(img);
}

static const uint8_t g_keys[3][3] = {{230, 159, 0}, {86, 180, 233}, {0, 158, 115}};

static void fill_rect(uint8_t *img, int w, int x0, int y0, int x1, int y1,
                      const uint8_t rgb[3])
{
    for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++) {
            uint8_t *px = img + 4 * ((size_t)y * (size_t)w + (size_t)x);
            memcpy(px, rgb, 3);
            px[3] = 255;
        }
}

static void test_gif_roundtrip(void)
{
    char dir[600], path[700], err[512];
    make_dir("gif", dir, sizeof dir);
    snprintf(path, sizeof path, "%s/anim.gif", dir);
    int w = 40, h = 30;
    uint8_t *f0 = make_image(w, h, 0, false);
    for (int i = 0; i < w * h; i++)   /* a smooth background, no key colours */
        f0[4 * i + 2] = (uint8_t)(f0[4 * i] / 2 + 20);
    fill_rect(f0, w, 2, 2, 6, 6, g_keys[0]);
    uint8_t *f1 = malloc((size_t)w * h * 4);
    memcpy(f1, f0, (size_t)w * h * 4);
    fill_rect(f1, w, 10, 12, 20, 15, g_keys[1]);
    fill_rect(f1, w, 30, 20, 33, 29, g_keys[2]);

    ov_gif *g = ov_gif_create(path, w, h, 7, g_keys, 3, err, sizeof err);
    CHECK_MSG(g != NULL, "%s", err);
    if (!g)
        return;
    CHECK_MSG(ov_gif_add_frame(g, f0, err, sizeof err), "%s", err);
    CHECK_MSG(ov_gif_add_frame(g, f1, err, sizeof err), "%s", err);
    CHECK_MSG(ov_gif_add_frame(g, f1, err, sizeof err), "%s", err);
    CHECK(count_entries(dir) == 1);   /* only the temporary file so far */
    CHECK(access(path, F_OK) != 0);
    CHECK_MSG(ov_gif_finish(g, err, sizeof err), "%s", err);
    CHECK(count_entries(dir) == 1);

    int code = 0;
    GifFileType *d = DGifOpenFileName(path, &code);
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK(DGifSlurp(d) == GIF_OK);
    CHECK(d->SWidth == w && d->SHeight == h);
    CHECK(d->ImageCount == 3);
    CHECK(d->SColorMap != NULL);

    bool loop = false;
    if (d->ImageCount > 0) {
        const SavedImage *s0 = &d->SavedImages[0];
        for (int i = 0; i + 1 < s0->ExtensionBlockCount; i++) {
            const ExtensionBlock *e = &s0->ExtensionBlocks[i];
            const ExtensionBlock *n = &s0->ExtensionBlocks[i + 1];
            if (e->Function == APPLICATION_EXT_FUNC_CODE && e->ByteCount == 11 &&
                memcmp(e->Bytes, "NETSCAPE2.0", 11) == 0 && n->ByteCount == 3 &&
                n->Bytes[0] == 1 && n->Bytes[1] == 0 && n->Bytes[2] == 0)
                loop = true;
        }
    }
    CHECK(loop);

    /* Composite the frames (disposal: leave in place) and compare. */
    uint8_t *canvas = calloc((size_t)w * h, 3);
    for (int k = 0; k < d->ImageCount && d->SColorMap; k++) {
        GraphicsControlBlock gcb;
        CHECK(DGifSavedExtensionToGCB(d, k, &gcb) == GIF_OK);
        CHECK(gcb.DelayTime == 7);
        CHECK(gcb.TransparentColor == NO_TRANSPARENT_COLOR);
        const SavedImage *s = &d->SavedImages[k];
        const GifImageDesc *id = &s->ImageDesc;
        const ColorMapObject *map = id->ColorMap ? id->ColorMap : d->SColorMap;
        CHECK(id->Left >= 0 && id->Top >= 0 && id->Left + id->Width <= w &&
              id->Top + id->Height <= h);
        for (int y = 0; y < id->Height; y++)
            for (int x = 0; x < id->Width; x++) {
                int idx = s->RasterBits[y * id->Width + x];
                uint8_t *c = canvas + 3 * ((size_t)(id->Top + y) * w + (size_t)(id->Left + x));
                c[0] = map->Colors[idx].Red;
                c[1] = map->Colors[idx].Green;
                c[2] = map->Colors[idx].Blue;
            }
        const uint8_t *want = k == 0 ? f0 : f1;
        int worst = 0;
        bool keys_exact = true;
        for (int i = 0; i < w * h; i++) {
            bool key = false;
            for (int q = 0; q < 3; q++)
                key = key || memcmp(want + 4 * i, g_keys[q], 3) == 0;
            if (key && memcmp(canvas + 3 * i, want + 4 * i, 3) != 0)
                keys_exact = false;
            for (int c = 0; c < 3; c++) {
                int diff = abs((int)canvas[3 * i + c] - (int)want[4 * i + c]);
                if (diff > worst)
                    worst = diff;
            }
        }
        CHECK_MSG(keys_exact, "frame %d: a key colour was not stored exactly", k);
        CHECK_MSG(worst <= 12, "frame %d: worst channel error %d", k, worst);
    }
    /* Frames 1 and 2 store only what changed: a sub-rectangle, then 1x1. */
    if (d->ImageCount == 3) {
        const GifImageDesc *d1 = &d->SavedImages[1].ImageDesc;
        CHECK(d1->Left == 10 && d1->Top == 12 && d1->Width == 23 && d1->Height == 17);
        const GifImageDesc *d2 = &d->SavedImages[2].ImageDesc;
        CHECK(d2->Width == 1 && d2->Height == 1);
    }
    free(canvas);
    DGifCloseFile(d, &code);

    /* Abandoned and empty GIFs leave nothing behind. */
    char path2[720];
    snprintf(path2, sizeof path2, "%s/abandoned.gif", dir);
    g = ov_gif_create(path2, w, h, 7, NULL, 0, err, sizeof err);
    CHECK(g != NULL);
    if (g) {
        CHECK(ov_gif_add_frame(g, f0, err, sizeof err));
        ov_gif_destroy(g);
    }
    ov_gif_destroy(NULL);
    g = ov_gif_create(path2, w, h, 7, NULL, 0, err, sizeof err);
    CHECK(g != NULL);
    if (g) {
        CHECK(!ov_gif_finish(g, err, sizeof err));
        CHECK(strstr(err, "no frames") != NULL);
    }
    CHECK(count_entries(dir) == 1);
    CHECK(!ov_gif_create(path2, 0, h, 7, NULL, 0, err, sizeof err));
    free(f0);
    free(f1);
}

int main(void)
{
    const char *tmp = getenv("OV_TMP");
    snprintf(g_dir, sizeof g_dir, "%s/test_io_write", tmp && *tmp ? tmp : "/tmp");
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", g_dir, g_dir);
    if (system(cmd) != 0) {
        fprintf(stderr, "cannot create %s\n", g_dir);
        return 1;
    }
    test_png_roundtrip();
    test_csv_exact();
    test_csv_alpha();
    test_unwritable_paths();
    test_failed_write_leaves_nothing();
    test_special_targets();
    test_gif_roundtrip();
    return ov_test_finish("test_io_write");
}
