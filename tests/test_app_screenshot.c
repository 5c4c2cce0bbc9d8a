/* --screenshot end to end: the real binary, headless, writes a PNG of the
 * requested size that decodes and is not blank; an unwritable path exits 1
 * with a message naming it and leaves no file behind. */
#include <dirent.h>
#include <png.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "ov_bin_test.h"
#include "ov_test.h"

static char bin[1024], tmp[1024];

/* Number of entries in dir whose name starts with prefix. */
static int count_prefix(const char *dir, const char *prefix)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)))
        n += strncmp(e->d_name, prefix, strlen(prefix)) == 0;
    if (d)
        closedir(d);
    return n;
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
    char path[1200], args[2600], err[4096];

    snprintf(path, sizeof path, "%s/shot-rosenbrock.png", tmp);
    remove(path);
    snprintf(args, sizeof args, "--surface rosenbrock --size 800x500 --screenshot '%s'", path);
    CHECK(ov_bin_run(bin, tmp, "shot", args) == 0);
    unsigned w = 0, h = 0;
    unsigned char *px = ov_test_load_png(path, &w, &h);
    CHECK_MSG(px != NULL, "%s does not decode", path);
    CHECK(w == 800 && h == 500);
    if (px) {
        /* A real picture has many distinct colours (fill, lines, paths, text). */
        int distinct = 0;
        static unsigned char seen[1 << 15];
        memset(seen, 0, sizeof seen);
        for (unsigned i = 0; i < w * h; i++) {
            unsigned key = (px[i * 4] >> 3) << 10 | (px[i * 4 + 1] >> 3) << 5 | px[i * 4 + 2] >> 3;
            distinct += !seen[key];
            seen[key] = 1;
        }
        CHECK_MSG(distinct > 500, "only %d distinct colours", distinct);
        free(px);
    }

    /* Default size is 1280x720. */
    snprintf(path, sizeof path, "%s/shot-default.png", tmp);
    snprintf(args, sizeof args, "--screenshot '%s'", path);
    CHECK(ov_bin_run(bin, tmp, "shot", args) == 0);
    px = ov_test_load_png(path, &w, &h);
    CHECK(px != NULL && w == 1280 && h == 720);
    free(px);

    /* Unwritable: a directory that does not exist. */
    snprintf(path, sizeof path, "%s/no-such-dir/x.png", tmp);
    snprintf(args, sizeof args, "--screenshot '%s'", path);
    CHECK(ov_bin_run(bin, tmp, "shot", args) == 1);
    ov_bin_read_err(tmp, "shot", err, sizeof err);
    CHECK_MSG(strstr(err, "no-such-dir/x.png") != NULL, "stderr: %s", err);
    /* The target is a directory: exit 1, the directory untouched, no temp left. */
    snprintf(args, sizeof args, "--screenshot '%s'", tmp);
    CHECK(ov_bin_run(bin, tmp, "shot", args) == 1);
    char base[80];
    snprintf(base, sizeof base, "%.60s.tmp", strrchr(tmp, '/') + 1);
    char parent[1024];
    snprintf(parent, sizeof parent, "%s", tmp);
    *strrchr(parent, '/') = '\0';
    CHECK(count_prefix(parent, base) == 0);
    CHECK(count_prefix(tmp, "shot-default.png.tmp") == 0);
    return ov_test_finish("test_app_screenshot");
}
