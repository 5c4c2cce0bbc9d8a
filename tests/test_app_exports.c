/* The exports table and its SVG row: every row has its own extension and
 * key, and that key (through SDL's event queue and the key table) asks for
 * that row; the SVG holds the frame as a PNG equal, pixel for pixel, to the
 * frame the renderer draws, and each run's path as a polyline in its
 * method's colour whose points are the iterates mapped to pixels here, by
 * hand, from the view's rectangle; exports leave the live state's bytes as
 * they were (each draws its own copy). */
#include <math.h>
#include <png.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/app.h"
#include "app/exports.h"
#include "app/hud.h"
#include "app/hud_layout.h"
#include "ov_app_test.h"
#include "ov_test.h"
#include "render/renderer.h"

#define W 320
#define H 180

static void check_table_and_keys(ov_app_state *st)
{
    int n;
    const ov_export_format *f = ov_export_formats(&n);
    CHECK(n >= 5);
    for (int i = 0; i < n; i++) {
        CHECK(f[i].name && f[i].ext && f[i].key);
        CHECK_MSG((f[i].kind == OV_EXPORT_ANIMATION) == (f[i].write == NULL),
                  "%s: a writer exactly when it is not an animation", f[i].name);
        for (int j = 0; j < i; j++)
            CHECK_MSG(strcmp(f[i].ext, f[j].ext) && strcmp(f[i].key, f[j].key),
                      "rows %s and %s share an extension or key", f[j].name, f[i].name);
        /* Its key, pressed, asks for this row. */
        bool shift = strncmp(f[i].key, "Shift+", 6) == 0;
        SDL_Keycode k = SDL_GetKeyFromName(f[i].key + (shift ? 6 : 0));
        CHECK_MSG(k != SDLK_UNKNOWN, "%s: no key named '%s'", f[i].name, f[i].key);
        ov_input in;
        memset(&in, 0, sizeof in);
        ov_test_push_key(k, shift ? KMOD_LSHIFT : KMOD_NONE, false, true);
        ov_requests asked = ov_test_pump(&in, st, W, H);
        CHECK_MSG(asked.nexports == 1, "%s: %d export requests", f[i].name, asked.nexports);
        int got = ov_export_find_sdl_key(asked.exports[0].key, asked.exports[0].shift);
        CHECK_MSG(got == i, "%s: key %s asked for row %d", f[i].name, f[i].key, got);
    }
    const char *want[] = {"PNG", "SVG", "GIF", "MP4", "CSV"};
    for (int i = 0; i < 5; i++) {
        bool found = false;
        for (int j = 0; j < n; j++)
            found = found || strcmp(f[j].name, want[i]) == 0;
        CHECK_MSG(found, "no %s row", want[i]);
    }
}

static char *read_all(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    CHECK_MSG(fp != NULL, "cannot open %s", path);
    if (!fp)
        return NULL;
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    *len = fread(s, 1, (size_t)n, fp);
    s[*len] = '\0';
    fclose(fp);
    return s;
}

/* base64 decoding, RFC 4648 (newlines skipped). */
static unsigned char *unbase64(const char *s, size_t n, size_t *out)
{
    unsigned char *b = malloc(n);
    size_t k = 0;
    unsigned v = 0;
    int bits = 0;
    for (size_t i = 0; i < n; i++) {
        const char *A = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        const char *p = s[i] ? strchr(A, s[i]) : NULL;
        if (!p)
            continue;   /* '=', newline */
        v = (v << 6) | (unsigned)(p - A);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            b[k++] = (unsigned char)(v >> bits);
        }
    }
    *out = k;
    return b;
}

static void check_svg(ov_renderer *r, ov_app_state *st, const char *dir)
{
    char path[1024], err[1024];
    snprintf(path, sizeof path, "%s/frame.svg", dir);
    int row = ov_export_find_key("Shift+P");
    int n;
    const ov_export_format *f = ov_export_formats(&n);
    CHECK(row >= 0 && strcmp(f[row].ext, "svg") == 0);
    if (row < 0)
        return;
    unsigned char *before = malloc(sizeof *st);
    memcpy(before, st, sizeof *st);
    CHECK_MSG(f[row].write(r, st, path, err, sizeof err), "%s", err);
    CHECK_MSG(memcmp(before, st, sizeof *st) == 0, "the SVG export wrote into the live state");
    free(before);

    /* The frame, drawn here from a copy, and the layout it used. */
    uint8_t *px = malloc((size_t)W * H * 4);
    ov_hud_layout lay;
    ov_hud_draw_frame(r, st, NULL, &lay);
    CHECK(ov_renderer_read_rgba(r, px));

    size_t len;
    char *svg = read_all(path, &len);
    if (!svg)
        return;
    CHECK(strncmp(svg, "<?xml", 5) == 0 && strstr(svg, "</svg>\n") != NULL);
    CHECK(strstr(svg, "width=\"320\" height=\"180\" viewBox=\"0 0 320 180\"") != NULL);
    /* The embedded PNG: the same pixels. */
    const char *b64 = strstr(svg, "data:image/png;base64,");
    CHECK(b64 != NULL);
    if (b64) {
        b64 += strlen("data:image/png;base64,");
        const char *end = strchr(b64, '"');
        size_t pn;
        unsigned char *png = unbase64(b64, (size_t)(end - b64), &pn);
        png_image img;
        memset(&img, 0, sizeof img);
        img.version = PNG_IMAGE_VERSION;
        CHECK(png_image_begin_read_from_memory(&img, png, pn));
        CHECK(img.width == W && img.height == H);
        img.format = PNG_FORMAT_RGBA;
        uint8_t *dec = malloc((size_t)W * H * 4);
        CHECK(png_image_finish_read(&img, NULL, dec, 0, NULL));
        long diff = 0;
        for (long i = 0; i < (long)W * H; i++)
            diff += memcmp(dec + 4 * i, px + 4 * i, 3) != 0;
        CHECK_MSG(diff == 0, "%ld pixels of the embedded PNG differ from the frame", diff);
        free(dec);
        free(png);
    }
    /* Each run: a polyline in its colour through every iterate. */
    ov_rect v = lay.view.rect;
    for (int i = 0; i < st->sc.scene.nruns; i++) {
        const ov_run *run = &st->sc.scene.runs[i];
        char id[32];
        snprintf(id, sizeof id, "id=\"run-%d\"", i);
        const char *at = strstr(svg, id);
        CHECK_MSG(at != NULL, "no polyline for run %d", i);
        if (!at)
            continue;
        ov_rgba c = ov_method_color(run->params.kind, st->sc.shade[i]);
        char stroke[32];
        snprintf(stroke, sizeof stroke, "stroke=\"#%02x%02x%02x\"", (int)lroundf(c.r * 255),
                 (int)lroundf(c.g * 255), (int)lroundf(c.b * 255));
        const char *eol = strchr(at, '\n');
        CHECK_MSG(strstr(at, stroke) && strstr(at, stroke) < eol, "run %d: not %s", i, stroke);
        const char *p = strstr(at, "points=\"") + 8;
        int k = 0;
        double maxerr = 0;
        while (*p != '"') {
            double x, y;
            int used;
            if (sscanf(p, "%lf,%lf%n", &x, &y, &used) != 2)
                break;
            if (k < run->n) {
                double wx = (run->x[k] - v.x0) / (v.x1 - v.x0) * W;
                double wy = (v.y1 - run->y[k]) / (v.y1 - v.y0) * H;
                maxerr = fmax(maxerr, fmax(fabs(x - wx), fabs(y - wy)));
            }
            k++;
            p += used;
        }
        CHECK_MSG(k == run->n, "run %d: %d points for %d iterates", i, k, run->n);
        CHECK_MSG(maxerr <= 0.006, "run %d: a point is %.4f px from its iterate", i, maxerr);
    }
    free(svg);
    free(px);
}

/* Shift+P in a real window (offscreen driver): one timestamped .svg in
 * --output-dir, and the HUD says where. */
static void check_window_key(const char *dir)
{
    char sub[1024], err[1024];
    snprintf(sub, sizeof sub, "%s/window", dir);
    char cmd[2600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", sub, sub);
    CHECK(system(cmd) == 0);
    ov_config cfg;
    ov_config_defaults(&cfg);
    cfg.width = W;
    cfg.height = H;
    cfg.output_dir = sub;
    ov_window *w = ov_window_create(&cfg, err, sizeof err);
    CHECK_MSG(w != NULL, "%s", err);
    if (!w)
        return;
    ov_test_push_key(SDLK_p, KMOD_LSHIFT, false, true);
    for (int i = 0; i < 3; i++)
        CHECK_MSG(ov_window_frame(w, 0.02, err, sizeof err), "%s", err);
    const char *msg = ov_window_state(w)->ui.message;
    CHECK_MSG(strstr(msg, "saved ") && strstr(msg, ".svg"), "the HUD says '%s'", msg);
    snprintf(cmd, sizeof cmd, "test $(ls '%s' | grep -c '^optiviz-.*\\.svg$') = 1", sub);
    CHECK_MSG(system(cmd) == 0, "no single SVG in %s", sub);
    ov_window_destroy(w);
}

/* A frame the renderer cannot draw (the new formula's shader fails to
 * build, made to fail through the contour module's test hook) is not
 * written: each still-picture export returns false with the renderer's
 * reason, and no file is left. */
static void check_failed_frame(ov_renderer *r, ov_app_state *st, const char *dir)
{
    ov_expr_error e;
    CHECK(ov_controls_replace_surface(st, "x^2 + 3*y^2", &e));
    r->contour.test_glsl = "#error injected by test_app_exports\n";
    int n;
    const ov_export_format *f = ov_export_formats(&n);
    for (int i = 0; i < n; i++) {
        if (f[i].kind != OV_EXPORT_FRAME)
            continue;
        char path[1024], err[512] = "";
        snprintf(path, sizeof path, "%s/failed.%s", dir, f[i].ext);
        bool ok = f[i].write(r, st, path, err, sizeof err);
        CHECK_MSG(!ok, "%s: written from a frame that failed to draw", f[i].name);
        CHECK_MSG(strstr(err, "failed to build") != NULL, "%s: the reason given is '%s'",
                  f[i].name, err);
        CHECK_MSG(access(path, F_OK) != 0, "%s: %s was left behind", f[i].name, path);
    }
    char path[1024], err[512] = "";
    snprintf(path, sizeof path, "%s/failed.gif", dir);
    CHECK_MSG(!ov_export_gif(r, st, path, 3, 10, err, sizeof err),
              "GIF: written from frames that failed to draw");
    CHECK_MSG(access(path, F_OK) != 0, "GIF: %s was left behind", path);
    r->contour.test_glsl = NULL;
}

/* The PNG written on a thread of its own (ov_export_png_start/finish) is
 * there once finish returns, and the caller's threads still take SIGINT
 * and SIGTERM afterwards (only the writer's threads block them). */
static void check_png_async(ov_renderer *r, const ov_app_state *st, const char *dir)
{
    char path[1024], err[512] = "";
    snprintf(path, sizeof path, "%s/async.png", dir);
    remove(path);
    ov_png_pending p;
    CHECK_MSG(ov_export_png_start(r, st, path, &p, err, sizeof err), "%s", err);
    CHECK_MSG(ov_export_png_finish(&p, err, sizeof err), "%s", err);
    CHECK(p.px == NULL && !p.running);
    FILE *f = fopen(path, "rb");
    unsigned char sig[8] = {0};
    CHECK_MSG(f && fread(sig, 1, 8, f) == 8 && memcmp(sig, "\x89PNG\r\n\x1a\n", 8) == 0,
              "no PNG at %s", path);
    if (f)
        fclose(f);
    sigset_t now;
    CHECK(pthread_sigmask(SIG_BLOCK, NULL, &now) == 0);
    CHECK_MSG(!sigismember(&now, SIGINT) && !sigismember(&now, SIGTERM),
              "the caller was left with SIGINT or SIGTERM blocked");
    /* A path that cannot be written: finish says why, and nothing is left. */
    snprintf(path, sizeof path, "%s/no-such-dir/async.png", dir);
    CHECK(ov_export_png_start(r, st, path, &p, err, sizeof err));
    CHECK(!ov_export_png_finish(&p, err, sizeof err));
    CHECK_MSG(strstr(err, "cannot write") && strstr(err, path), "%s", err);
}

int main(void)
{
    ov_config cfg;
    ov_config_defaults(&cfg);
    cfg.has_kappa = cfg.has_theta = true;
    cfg.kappa = 10;
    cfg.theta = 0;
    cfg.steps = 80;
    snprintf(cfg.surface, sizeof cfg.surface, "quadratic");
    ov_app_state st;
    char err[256];
    CHECK_MSG(ov_controls_init(&st, &cfg, err, sizeof err), "%s", err);
    ov_controls_seek(&st, ov_controls_last_step(&st));
    ov_glwin win;
    ov_renderer *r = ov_app_test_open(&win, &st, W, H);
    check_table_and_keys(&st);
    const char *dir = getenv("OV_TMP");
    check_svg(r, &st, dir ? dir : ".");
    check_png_async(r, &st, dir ? dir : ".");
    /* An animation export reads the state and leaves it as it was. */
    unsigned char *before = malloc(sizeof st);
    memcpy(before, &st, sizeof st);
    char path[1024];
    snprintf(path, sizeof path, "%s/anim.gif", dir ? dir : ".");
    CHECK_MSG(ov_export_gif(r, &st, path, 3, 10, err, sizeof err), "%s", err);
    CHECK_MSG(memcmp(before, &st, sizeof st) == 0, "the GIF export wrote into the live state");
    free(before);
    check_failed_frame(r, &st, dir ? dir : ".");
    ov_renderer_destroy(r);
    ov_glwin_destroy(&win);
    ov_controls_deinit(&st);
    check_window_key(dir ? dir : ".");
    return ov_test_finish("test_app_exports");
}
