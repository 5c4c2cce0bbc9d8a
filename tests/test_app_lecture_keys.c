/* A lecture in the window (ov_window_frame, SDL's offscreen driver), keys
 * through SDL's event queue: it opens on its first good scene, PageDown /
 * PageUp / Ctrl+Home / Ctrl+End move between scenes (clamped at the ends)
 * and the "3/12" position follows, B blanks the frame to black and back,
 * Esc never quits while the lecture plays and Q does. Ctrl+S appends
 * "[N saved-N]" blocks to optiviz-scenes.txt in the output directory; the
 * saved block, loaded as a preset by the real binary, renders the same
 * screenshot as the scene it was saved from (its caption set to the
 * scene's), for a surface scene and a 3-D scene, and so does the command
 * line of the same scene. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/app.h"
#include "app/share.h"
#include "ov_app_test.h"
#include "ov_bin_test.h"
#include "ov_test.h"

static const char LECTURE[] =
    "[1 bowl]\n"
    "caption = first: a bowl\n"
    "surface = quadratic\n"
    "kappa = 4\n"
    "start = -2,1.5\n"
    "optimizers = gd,momentum\n"
    "\n"
    "[2 bad]\n"
    "caption = skipped\n"
    "surface = no_such_surface(\n"
    "\n"
    "[3 valley]\n"
    "caption = second: the Rosenbrock valley\n"
    "surface = rosenbrock\n"
    "steps = 300\n"
    "optimizer = adam:alpha=0.05\n"
    "\n"
    "[4 three-d]\n"
    "caption = third: Himmelblau in 3-D\n"
    "surface = himmelblau\n"
    "camera = 40,35\n"
    "panels = loss\n";

static void frames(ov_window *w, int n)
{
    char err[1024];
    for (int i = 0; i < n; i++)
        CHECK_MSG(ov_window_frame(w, 1.0 / 60.0, err, sizeof err), "%s", err);
}

static void press(ov_window *w, SDL_Keycode sym, Uint16 mod)
{
    ov_test_push_key(sym, mod, false, true);
    frames(w, 2);
}

static const char *surface_name(const ov_app_state *st)
{
    return st->sc.scene.surface->def ? st->sc.scene.surface->def->name : "formula";
}

/* Whether every pixel of the renderer's last frame is black. */
static bool all_black(ov_window *w)
{
    int rw, rh;
    ov_renderer_size(ov_window_renderer(w), &rw, &rh);
    uint8_t *px = malloc((size_t)rw * rh * 4);
    bool black = px && ov_renderer_read_rgba(ov_window_renderer(w), px);
    for (long i = 0; black && i < (long)rw * rh; i++)
        black = px[4 * i] == 0 && px[4 * i + 1] == 0 && px[4 * i + 2] == 0;
    free(px);
    return black;
}

/* Replaces the first "caption = saved scene N" line in text by caption. */
static void set_caption(char *text, size_t cap, int n, const char *caption)
{
    char old[64];
    snprintf(old, sizeof old, "caption = saved scene %d\n", n);
    char *at = strstr(text, old);
    CHECK(at != NULL);
    if (!at)
        return;
    char rest[16384];
    snprintf(rest, sizeof rest, "%s", at + strlen(old));
    snprintf(at, cap - (size_t)(at - text), "caption = %s\n%s", caption, rest);
}

static bool same_pixels(const char *a, const char *b)
{
    unsigned wa = 0, ha = 0, wb = 0, hb = 0;
    unsigned char *pa = ov_test_load_png(a, &wa, &ha), *pb = ov_test_load_png(b, &wb, &hb);
    bool same = pa && pb && wa == wb && ha == hb && memcmp(pa, pb, (size_t)wa * ha * 4) == 0;
    free(pa);
    free(pb);
    return same;
}

int main(void)
{
    const char *tmp = getenv("OV_TMP"), *bin = getenv("OV_BIN");
    if (!tmp || !bin) {
        fprintf(stderr, "test_app_lecture_keys: FAILED: OV_TMP and OV_BIN must be set\n");
        return 1;
    }
    char file[600], dir[600], cmd[9000], err[1024];
    snprintf(file, sizeof file, "%s/lecture.txt", tmp);
    snprintf(dir, sizeof dir, "%s/out", tmp);
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", dir, dir);
    CHECK(system(cmd) == 0);
    FILE *f = fopen(file, "w");
    CHECK(f && fputs(LECTURE, f) >= 0 && fclose(f) == 0);

    ov_config cfg;
    ov_config_defaults(&cfg);
    cfg.width = 480;
    cfg.height = 300;
    cfg.output_dir = dir;
    cfg.no_vsync = true;
    cfg.lecture = file;
    ov_window *w = ov_window_create(&cfg, err, sizeof err);
    CHECK_MSG(w != NULL, "%s", err);
    if (!w)
        return ov_test_finish("test_app_lecture_keys");
    ov_app_state *st = ov_window_state(w);
    frames(w, 2);
    CHECK(st->lecture.on && st->lecture.count == 3 && st->lecture.index == 0);
    CHECK(strcmp(surface_name(st), "quadratic") == 0);
    CHECK(strcmp(st->sc.caption.text, "first: a bowl") == 0);

    press(w, SDLK_PAGEDOWN, KMOD_NONE);
    CHECK(st->lecture.index == 1 && strcmp(surface_name(st), "rosenbrock") == 0);
    CHECK(st->sc.scene.nruns == 1 && st->sc.scene.runs[0].params.kind == OV_OPT_ADAM);
    press(w, SDLK_PAGEDOWN, KMOD_NONE);
    CHECK(st->lecture.index == 2 && strcmp(surface_name(st), "himmelblau") == 0);
    CHECK(st->view.view3d && st->view.camera.azimuth == 40 && st->view.camera.elevation == 35);
    press(w, SDLK_PAGEDOWN, KMOD_NONE);   /* past the last: stays */
    CHECK(st->lecture.index == 2);
    press(w, SDLK_PAGEUP, KMOD_NONE);
    CHECK(st->lecture.index == 1 && strcmp(surface_name(st), "rosenbrock") == 0);
    CHECK(!st->view.view3d);
    press(w, SDLK_HOME, KMOD_LCTRL);
    CHECK(st->lecture.index == 0 && strcmp(surface_name(st), "quadratic") == 0);
    press(w, SDLK_PAGEUP, KMOD_NONE);     /* before the first: stays */
    CHECK(st->lecture.index == 0);
    press(w, SDLK_END, KMOD_LCTRL);
    CHECK(st->lecture.index == 2 && strcmp(surface_name(st), "himmelblau") == 0);

    /* B: black, then the picture again. */
    CHECK(!all_black(w));
    press(w, SDLK_b, KMOD_NONE);
    CHECK(st->lecture.blank && all_black(w));
    /* P while blanked saves the scene, not the black screen. */
    press(w, SDLK_p, KMOD_NONE);
    snprintf(cmd, sizeof cmd, "ls '%s'/*.png 2>/dev/null | head -n 1", dir);
    char png[800] = "";
    FILE *ls = popen(cmd, "r");
    if (ls) {
        if (!fgets(png, sizeof png, ls))
            png[0] = 0;
        pclose(ls);
    }
    png[strcspn(png, "\n")] = 0;
    unsigned pw = 0, ph = 0;
    unsigned char *px = png[0] ? ov_test_load_png(png, &pw, &ph) : NULL;
    long lit = 0;
    for (long i = 0; px && i < (long)pw * ph; i++)
        lit += px[4 * i] > 8 || px[4 * i + 1] > 8 || px[4 * i + 2] > 8;
    free(px);
    CHECK_MSG(pw == 480 && lit > (long)pw * ph / 2, "P while blanked: '%s', %ld lit", png, lit);
    press(w, SDLK_b, KMOD_NONE);
    CHECK(!st->lecture.blank && !all_black(w));

    /* Esc twice does not quit while a lecture plays. */
    press(w, SDLK_ESCAPE, KMOD_NONE);
    press(w, SDLK_ESCAPE, KMOD_NONE);
    CHECK(!ov_window_quit_asked(w));

    /* Ctrl+S on the 3-D scene, then on the first (a surface scene). */
    char line3d[4096], line2d[4096];
    CHECK(ov_share_command_line(st, line3d, sizeof line3d));
    press(w, SDLK_s, KMOD_LCTRL);
    press(w, SDLK_HOME, KMOD_LCTRL);
    CHECK(ov_share_command_line(st, line2d, sizeof line2d));
    press(w, SDLK_s, KMOD_LCTRL);
    CHECK(strstr(st->ui.message, "optiviz-scenes.txt") != NULL);
    char scenes[700], text[16384];
    snprintf(scenes, sizeof scenes, "%s/optiviz-scenes.txt", dir);
    f = fopen(scenes, "r");
    size_t n = f ? fread(text, 1, sizeof text - 1, f) : 0;
    text[n] = 0;
    if (f)
        fclose(f);
    char *one = strstr(text, "[1 saved-1]\ncaption = saved scene 1\nsurface = himmelblau\n");
    char *two = strstr(text, "[2 saved-2]\ncaption = saved scene 2\nsurface = quadratic\n");
    CHECK_MSG(one && two && one < two, "%s", text);
    CHECK(strstr(text, "camera = 40,35\n") && strstr(text, "panels = loss\n"));

    /* Q quits. */
    press(w, SDLK_q, KMOD_NONE);
    CHECK(ov_window_quit_asked(w));
    ov_window_destroy(w);

    /* Reloaded: each saved block, its caption made the scene's, renders
     * the scene's own screenshot; so does the command line. */
    set_caption(text, sizeof text, 1, "third: Himmelblau in 3-D");
    set_caption(text, sizeof text, 2, "first: a bowl");
    /* Other scenes with the same captions, for the command lines below. */
    size_t used = strlen(text);
    snprintf(text + used, sizeof text - used,
             "\n[8 other-1]\ncaption = first: a bowl\nsurface = beale\noptimizer = gd\n"
             "\n[9 other-3]\ncaption = third: Himmelblau in 3-D\nsurface = saddle\n"
             "optimizers = adam,nesterov\n");
    char edited[600];
    snprintf(edited, sizeof edited, "%s/edited.txt", tmp);
    f = fopen(edited, "w");
    CHECK(f && fputs(text, f) >= 0 && fclose(f) == 0);
    static const struct {
        const char *saved, *scene;
        int saved_n;
    } pairs[2] = {{"saved-1", "4", 1}, {"saved-2", "1", 2}};
    for (int k = 0; k < 2; k++) {
        char a[700], b[700], c[700];
        snprintf(a, sizeof a, "%s/saved-%d.png", tmp, k);
        snprintf(b, sizeof b, "%s/scene-%d.png", tmp, k);
        snprintf(c, sizeof c, "%s/line-%d.png", tmp, k);
        snprintf(cmd, sizeof cmd, "OPTIVIZ_PRESETS='%s' '%s' --preset %s --size 480x300 "
                 "--screenshot '%s'", edited, bin, pairs[k].saved, a);
        CHECK_MSG(system(cmd) == 0, "%s", cmd);
        snprintf(cmd, sizeof cmd, "OPTIVIZ_PRESETS='%s' '%s' --preset %s --size 480x300 "
                 "--screenshot '%s'", file, bin, pairs[k].scene, b);
        CHECK_MSG(system(cmd) == 0, "%s", cmd);
        CHECK_MSG(same_pixels(a, b), "%s is not the screenshot of scene %s", pairs[k].saved,
                  pairs[k].scene);
        /* The command line says no caption: on top of a preset of another
         * scene with the caption (every option of the line overrides the
         * preset's, its runs replace the preset's), the scene. */
        const char *line = k == 0 ? line3d : line2d;
        snprintf(cmd, sizeof cmd, "OPTIVIZ_PRESETS='%s' '%s' --preset %s %s --size 480x300 "
                 "--screenshot '%s'", edited, bin, k == 0 ? "other-3" : "other-1",
                 line + strlen("optiviz "), c);
        CHECK_MSG(system(cmd) == 0, "%s", cmd);
        CHECK_MSG(same_pixels(c, b), "the command line '%s' does not render scene %s", line,
                  pairs[k].scene);
        (void)pairs[k].saved_n;
    }
    return ov_test_finish("test_app_lecture_keys");
}
