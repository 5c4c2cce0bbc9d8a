/* --lecture FILE --export-slides DIR through the real binary: a lecture of
 * four scenes whose third has a bad value writes exactly three PNGs,
 * slide-01 .. slide-03, each pixel for pixel the --screenshot of its scene
 * (the scene loaded as a preset of the same file), says file:line of the
 * bad scene on stderr and exits 0; a lecture with no good scene exits 2,
 * as do --export-slides into a regular file and --export-slides without
 * --lecture, writing nothing; --slides-video adds an MP4 per slide; a
 * shipped lecture is found by name and listed by --list-lectures. */
#include <dirent.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ov_bin_test.h"
#include "ov_test.h"

static const char LECTURE[] =
    "# four scenes, the third bad\n"
    "[1 bowl]\n"
    "caption = a bowl\n"
    "surface = quadratic\n"
    "kappa = 4\n"
    "optimizers = gd,momentum\n"
    "\n"
    "[2 valley]\n"
    "caption = the Rosenbrock valley\n"
    "surface = rosenbrock\n"
    "steps = 300\n"
    "optimizer = adam:alpha=0.05\n"
    "\n"
    "[3 broken]\n"
    "caption = this one has a bad value\n"
    "surface = quadratic\n"
    "kappa = -5\n"                           /* line 17 */
    "\n"
    "[4 three-d]\n"
    "caption = the same bowl in 3-D\n"
    "surface = himmelblau\n"
    "camera = 40,35\n"
    "panels = loss\n";

/* Files in dir whose names end in ext. */
static int count_files(const char *dir, const char *ext)
{
    DIR *d = opendir(dir);
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d));) {
        size_t len = strlen(e->d_name), el = strlen(ext);
        n += len > el && strcmp(e->d_name + len - el, ext) == 0;
    }
    if (d)
        closedir(d);
    return n;
}

static bool same_pixels(const char *a, const char *b)
{
    unsigned wa = 0, ha = 0, wb = 0, hb = 0;
    unsigned char *pa = ov_test_load_png(a, &wa, &ha), *pb = ov_test_load_png(b, &wb, &hb);
    bool same = pa && pb && wa == wb && ha == hb &&
                memcmp(pa, pb, (size_t)wa * ha * 4) == 0;
    free(pa);
    free(pb);
    return same;
}

int main(void)
{
    const char *bin = getenv("OV_BIN"), *tmp = getenv("OV_TMP");
    if (!bin || !tmp) {
        fprintf(stderr, "test_app_slides: FAILED: OV_BIN and OV_TMP must be set\n");
        return 1;
    }
    char file[1024], dir[1024], args[4096], err[8192], path[1200], shot[1200];
    snprintf(file, sizeof file, "%s/four.txt", tmp);
    snprintf(dir, sizeof dir, "%s/slides", tmp);
    snprintf(args, sizeof args, "rm -rf '%s' '%s/video' '%s/none'", dir, tmp, tmp);
    CHECK(system(args) == 0);
    FILE *f = fopen(file, "w");
    CHECK(f && fputs(LECTURE, f) >= 0 && fclose(f) == 0);

    snprintf(args, sizeof args, "--lecture '%s' --export-slides '%s' --size 320x200", file, dir);
    CHECK(ov_bin_run(bin, tmp, "slides", args) == 0);
    ov_bin_read_err(tmp, "slides", err, sizeof err);
    char where[1100];
    snprintf(where, sizeof where, "%s:17:", file);
    CHECK_MSG(strstr(err, where) && strstr(err, "--kappa"), "stderr: %s", err);
    CHECK_MSG(count_files(dir, ".png") == 3, "%d PNGs", count_files(dir, ".png"));
    snprintf(path, sizeof path, "%s/slide-04.png", dir);
    CHECK(access(path, F_OK) != 0);
    /* Slide k is scene k of the good ones: 1, 2 and 4. */
    static const int scene_of[3] = {1, 2, 4};
    for (int k = 0; k < 3; k++) {
        snprintf(shot, sizeof shot, "%s/shot-%d.png", tmp, k + 1);
        snprintf(args, sizeof args, "--preset %d --screenshot '%s' --size 320x200",
                 scene_of[k], shot);
        char cmd[8400];
        snprintf(cmd, sizeof cmd, "OPTIVIZ_PRESETS='%s' '%s' %s 2>/dev/null", file, bin, args);
        CHECK(system(cmd) == 0);
        snprintf(path, sizeof path, "%s/slide-%02d.png", dir, k + 1);
        CHECK_MSG(same_pixels(path, shot), "%s differs from the screenshot of scene %d", path,
                  scene_of[k]);
    }
    /* Slides differ from one another (a slide is not the same frame thrice). */
    char a[1200], b[1200];
    snprintf(a, sizeof a, "%s/slide-01.png", dir);
    snprintf(b, sizeof b, "%s/slide-02.png", dir);
    CHECK(!same_pixels(a, b));

    /* No good scene: exit 2, nothing written. */
    char bad[1024];
    snprintf(bad, sizeof bad, "%s/bad.txt", tmp);
    f = fopen(bad, "w");
    CHECK(f && fputs("[1 a]\ncaption = x\nsteps = 0\n", f) >= 0 && fclose(f) == 0);
    snprintf(args, sizeof args, "--lecture '%s' --export-slides '%s/none'", bad, tmp);
    CHECK(ov_bin_run(bin, tmp, "nogood", args) == 2);
    ov_bin_read_err(tmp, "nogood", err, sizeof err);
    snprintf(where, sizeof where, "%s:3:", bad);
    CHECK_MSG(strstr(err, where) != NULL, "stderr: %s", err);
    snprintf(path, sizeof path, "%s/none", tmp);
    CHECK(access(path, F_OK) != 0);

    /* DIR is a regular file: a usage error before any work. */
    snprintf(args, sizeof args, "--lecture '%s' --export-slides '%s'", file, file);
    CHECK(ov_bin_run(bin, tmp, "notdir", args) == 2);
    ov_bin_read_err(tmp, "notdir", err, sizeof err);
    CHECK_MSG(strstr(err, "not a directory") != NULL, "stderr: %s", err);
    CHECK(ov_bin_run(bin, tmp, "alone", "--export-slides x") == 2);
    snprintf(args, sizeof args, "--lecture '%s' --slides-video", file);
    CHECK(ov_bin_run(bin, tmp, "videoalone", args) == 2);

    /* --slides-video: a PNG and an MP4 per good scene. */
    snprintf(args, sizeof args, "--lecture '%s' --export-slides '%s/video' --slides-video "
             "--size 160x96 --gif-frames 3", file, tmp);
    CHECK(ov_bin_run(bin, tmp, "video", args) == 0);
    snprintf(path, sizeof path, "%s/video", tmp);
    CHECK(count_files(path, ".png") == 3 && count_files(path, ".mp4") == 3);
    CHECK(count_files(path, ".tmp") == 0);

    /* The shipped lecture, by name. */
    CHECK(ov_bin_run(bin, tmp, "list", "--list-lectures") == 0);
    snprintf(path, sizeof path, "%s/list-out.txt", tmp);
    f = fopen(path, "r");
    char out[8192] = "";
    size_t n = f ? fread(out, 1, sizeof out - 1, f) : 0;
    out[n] = 0;
    if (f)
        fclose(f);
    CHECK_MSG(strstr(out, "optimisation  (6 scenes") != NULL, "%s", out);
    snprintf(args, sizeof args, "--lecture optimisation --export-slides '%s/shipped' "
             "--size 320x180", tmp);
    CHECK(ov_bin_run(bin, tmp, "shipped", args) == 0);
    snprintf(path, sizeof path, "%s/shipped", tmp);
    CHECK(count_files(path, ".png") == 6);
    CHECK(ov_bin_run(bin, tmp, "unknown", "--lecture no-such-lecture") == 2);
    return ov_test_finish("test_app_slides");
}
