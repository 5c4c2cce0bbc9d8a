/* Tests of lecture scripts on the command line's side (src/cli/lecture.c,
 * preset.c, args.c): scenes come in file order whatever their numbers; a
 * preset's keys are the CLI's scene options (camera and panels accepted,
 * output options such as size refused with file:line); applying a scene
 * resets the scene, 3-D camera included, and keeps how and where to
 * output; the shipped lecture loads by name with six good scenes; the
 * lecture options combine as DESIGN.md says, with exit status 2 for a
 * lecture with no good scene. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/args.h"
#include "cli/lecture.h"
#include "cli/preset.h"
#include "ov_test.h"

static int parse(ov_config *cfg, char *err, size_t cap, int n, ...)
    __attribute__((sentinel));

/* ov_args_parse of the n words given (after the program name). */
static int parse(ov_config *cfg, char *err, size_t cap, int n, ...)
{
    char *argv[16] = {"optiviz"};
    va_list ap;
    va_start(ap, n);
    int argc = 1;
    for (const char *s; argc < 16 && (s = va_arg(ap, const char *));)
        argv[argc++] = (char *)s;
    va_end(ap);
    (void)n;
    return ov_args_parse(argc, argv, cfg, err, cap);
}

int main(void)
{
    char err[4096];
    /* File order, not number order. */
    static const char text[] =
        "[5 first]\ncaption = one\nsurface = rosenbrock\n\n"
        "[2 second]\ncaption = two\ncamera = 30,40\npanels = loss\n\n"
        "[9 third]\ncaption = three\nsize = 100x100\n\n"
        "[7 fourth]\ncaption = four\nkappa = 10\n";
    ov_preset_set *set = ov_presets_parse(text, "t.txt", err, sizeof err);
    CHECK(set != NULL);
    CHECK(ov_presets_count(set) == 3);
    const char *order[3] = {"first", "second", "fourth"};
    for (int i = 0; i < 3; i++) {
        const ov_preset *p = ov_presets_in_file_order(set, i);
        CHECK(p && strcmp(p->name, order[i]) == 0);
    }
    CHECK(ov_presets_in_file_order(set, 3) == NULL);
    CHECK(strcmp(ov_presets_at(set, 0)->name, "second") == 0);   /* number order */
    CHECK_MSG(strstr(err, "t.txt:12: unknown key 'size'") != NULL, "%s", err);
    CHECK_MSG(strstr(err, "camera") != NULL && strstr(err, "panels") != NULL, "%s", err);

    /* Applying a scene: its 3-D camera and panels; the output stays. */
    ov_config cfg;
    ov_config_defaults(&cfg);
    cfg.width = 333;
    cfg.output_dir = "somewhere";
    cfg.has_kappa = true;
    cfg.kappa = 50;
    CHECK(ov_preset_apply(ov_presets_in_file_order(set, 1), &cfg, err, sizeof err));
    CHECK(cfg.view3d && cfg.has_camera && cfg.camera_az == 30 && cfg.camera_el == 40);
    CHECK(cfg.has_panels && cfg.panels != 0);
    CHECK(!cfg.has_kappa && cfg.width == 333 && strcmp(cfg.output_dir, "somewhere") == 0);
    /* ... and the next scene, without a camera, is 2-D again. */
    CHECK(ov_preset_apply(ov_presets_in_file_order(set, 2), &cfg, err, sizeof err));
    CHECK(!cfg.view3d && !cfg.has_camera && cfg.has_kappa && cfg.kappa == 10);
    ov_presets_destroy(set);

    /* The shipped lecture. */
    set = ov_lecture_load("optimisation", err, sizeof err);
    CHECK(set && ov_presets_count(set) == 6 && err[0] == 0);
    for (int i = 0; i < ov_presets_count(set); i++)
        CHECK(ov_presets_in_file_order(set, i)->caption[0] != 0);
    ov_presets_destroy(set);
    CHECK(ov_lecture_load("no-such-lecture", err, sizeof err) == NULL);
    CHECK(strstr(err, "shipped: optimisation") != NULL);
    CHECK(strcmp(ov_lecture_shipped(0), "optimisation") == 0 && !ov_lecture_shipped(1));

    /* The options. */
    const char *tmp = getenv("OV_TMP");
    char good[600], bad[600];
    snprintf(good, sizeof good, "%s/good.txt", tmp ? tmp : "/tmp");
    snprintf(bad, sizeof bad, "%s/bad.txt", tmp ? tmp : "/tmp");
    FILE *f = fopen(good, "w");
    CHECK(f && fputs("[1 a]\ncaption = a\n[2 b]\ncaption = b\nkappa = 0\n", f) >= 0 &&
          fclose(f) == 0);
    f = fopen(bad, "w");
    CHECK(f && fputs("[1 a]\ncaption = a\nsteps = -1\n", f) >= 0 && fclose(f) == 0);
    CHECK(parse(&cfg, err, sizeof err, 0, "--lecture", good, NULL) == 0);
    CHECK(cfg.action == OV_ACTION_WINDOW && cfg.lecture && !cfg.export_slides);
    CHECK(parse(&cfg, err, sizeof err, 0, "--lecture", good, "--export-slides", "d",
                "--slides-video", NULL) == 0);
    CHECK(cfg.action == OV_ACTION_SLIDES && cfg.slides_video);
    CHECK(parse(&cfg, err, sizeof err, 0, "--lecture", "optimisation", NULL) == 0);
    CHECK(parse(&cfg, err, sizeof err, 0, "--list-lectures", NULL) == 0 &&
          cfg.action == OV_ACTION_LIST_LECTURES);
    CHECK(parse(&cfg, err, sizeof err, 0, "--lecture", bad, NULL) == 2);
    char where[700];
    snprintf(where, sizeof where, "%s:3: --steps", bad);
    CHECK_MSG(strstr(err, "no good scene") && strstr(err, where), "%s", err);
    CHECK(parse(&cfg, err, sizeof err, 0, "--export-slides", "d", NULL) == 2);
    CHECK(strstr(err, "--export-slides") && strstr(err, "--lecture"));
    CHECK(parse(&cfg, err, sizeof err, 0, "--lecture", good, "--slides-video", NULL) == 2);
    CHECK(parse(&cfg, err, sizeof err, 0, "--lecture", good, "--screenshot", "x.png", NULL) == 2);
    CHECK(strstr(err, "--screenshot") != NULL);
    CHECK(parse(&cfg, err, sizeof err, 0, "--lecture", "--kappa", NULL) == 2);
    return ov_test_finish("test_cli_lecture");
}
