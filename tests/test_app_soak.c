/* Soak test: the real window loop (ov_window_frame, SDL's offscreen driver)
 * driven for 20,000 frames by a seeded random stream of SDL events: keys
 * (with Shift and repeats), clicks, drags, the wheel, window resizes,
 * formula edits, preset switches and exports to a temporary directory.
 * Asserts: no crash; nothing non-finite reached a vertex buffer or a HUD
 * string; memory does not keep growing; every export that was reported
 * saved exists and decodes. Resident memory is read in one fixed state
 * (canonical_rss_kb) at READINGS even intervals. Bounded caches whose size
 * depends on what was drawn last (Mesa's per-texture and per-shader
 * storage, text textures) make single readings wander by several percent,
 * (measured: steps of up to 7% between readings, a plateau after about
 * 30,000 frames), so the test compares the least reading of the second
 * half with the greatest of the first, allowing 10%: a leak lifts every
 * later reading, a cache does not. Under AddressSanitizer its quarantine and free lists are handed back
 * to the system before each reading (__sanitizer_purge_allocator), so
 * resident memory counts what the program holds, not freed blocks ASan
 * keeps. OV_SOAK_FRAMES overrides the frame count (the non-sanitizer ctest
 * run uses 5,000; the ASan run, the
 * one CI asks for, the full 20,000). */
#include <dirent.h>
#include <malloc.h>
#include <gif_lib.h>
#include <png.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/app.h"
#include "app/controls.h"
#include "ov_app_test.h"
#include "ov_test.h"

#if defined(__SANITIZE_ADDRESS__)
#define OV_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define OV_ASAN 1
#endif
#endif
#ifdef OV_ASAN
/* ASan's runtime: drains the quarantine and returns free memory to the OS
 * (declared here: GCC ships no sanitizer/allocator_interface.h). */
void __sanitizer_purge_allocator(void);
#endif


typedef struct rng {
    uint64_t s;
    int fullscreen_back;   /* frames until F is pressed again (0: none pending) */
} rng;

static uint64_t next(rng *r)
{
    r->s ^= r->s << 13;
    r->s ^= r->s >> 7;
    r->s ^= r->s << 17;
    return r->s;
}

static int below(rng *r, int n)
{
    return (int)(next(r) % (uint64_t)n);
}

static void push(SDL_Event *e)
{
    CHECK(SDL_PushEvent(e) == 1);
}

static void key(SDL_Keycode sym, Uint16 mod, bool repeat)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.repeat = repeat;
    e.key.keysym.sym = sym;
    e.key.keysym.mod = mod;
    push(&e);
}

static void text(const char *s)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_TEXTINPUT;
    snprintf(e.text.text, sizeof e.text.text, "%s", s);
    push(&e);
}

static void mouse(Uint32 type, int x, int y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    if (type == SDL_MOUSEMOTION) {
        e.motion.x = x;
        e.motion.y = y;
    } else {
        e.button.button = SDL_BUTTON_LEFT;
        e.button.x = x;
        e.button.y = y;
    }
    push(&e);
}

/* Every bound key except the export, fullscreen and quit keys (sent on
 * their own, less often: fullscreen on the offscreen driver is 1024x768). */
static const SDL_Keycode KEYS[] = {
    SDLK_UP, SDLK_DOWN, SDLK_RIGHT, SDLK_LEFT, SDLK_k, SDLK_j, SDLK_PERIOD, SDLK_COMMA,
    SDLK_TAB, SDLK_SPACE, SDLK_n, SDLK_r, SDLK_PLUS, SDLK_MINUS, SDLK_c, SDLK_HOME,
    SDLK_h, SDLK_F1, SDLK_t, SDLK_w, SDLK_m, SDLK_l, SDLK_i, SDLK_v, SDLK_o,
    SDLK_ESCAPE, SDLK_UP, SDLK_UP, SDLK_k, SDLK_DOWN, SDLK_e, SDLK_LEFTBRACKET,
    SDLK_RIGHTBRACKET,
};

static const char *const FORMULAS[] = {
    "x^2 + y^2", "sin(3*x)*cos(2*y) + 0.1*(x^2+y^2)", "log(x)", "sqrt(x^2 - y)", "exp(x) + y^4",
    "x^4 - 2*x^2 + 2*y^2", "1/x + y^2", "abs(x) + abs(y)", "tanh(x*y)", "(1-x)^2 + 100*(y-x^2)^2",
    "x^", "(x + y", "foo(x)", "2x", "x y", ")", "1e", "e^e^e^e^e", "-x^2 - y^2", "0*x",
};

/* One random burst of input. Counts the export keys it sent. */
static void random_input(rng *r, SDL_Window *win, const ov_app_state *st, int *exports)
{
    int w, h;
    SDL_GetWindowSize(win, &w, &h);
    int kind = below(r, 100);
    if (st->ui.edit.open) {
        /* In the formula field: type, edit, then apply or cancel. */
        if (kind < 50) {
            char junk[8];
            int n = 1 + below(r, 6);
            for (int i = 0; i < n; i++)
                junk[i] = (char)(32 + below(r, 95));
            junk[n] = '\0';
            text(junk);
        } else if (kind < 65) {
            key(SDLK_BACKSPACE, 0, below(r, 2));
        } else if (kind < 75) {
            key(below(r, 2) ? SDLK_LEFT : SDLK_END, 0, false);
        } else if (kind < 88) {
            key(SDLK_RETURN, 0, false);
        } else {
            key(SDLK_ESCAPE, 0, false);
        }
        return;
    }
    if (kind < 55) {
        Uint16 mod = below(r, 4) == 0 ? KMOD_LSHIFT : KMOD_NONE;
        key(KEYS[below(r, (int)(sizeof KEYS / sizeof KEYS[0]))], mod, below(r, 3) == 0);
    } else if (kind < 63) {
        int x = below(r, w), y = below(r, h);
        mouse(SDL_MOUSEBUTTONDOWN, x, y);
        mouse(SDL_MOUSEBUTTONUP, x, y);
    } else if (kind < 69) {
        int x = below(r, w), y = below(r, h);
        mouse(SDL_MOUSEBUTTONDOWN, x, y);
        for (int i = 0; i < 3; i++)
            mouse(SDL_MOUSEMOTION, x + below(r, 81) - 40, y + below(r, 81) - 40);
        mouse(SDL_MOUSEBUTTONUP, x, y);
    } else if (kind < 77) {
        SDL_Event e;
        memset(&e, 0, sizeof e);
        e.type = SDL_MOUSEWHEEL;
        e.wheel.y = below(r, 7) - 3;
        e.wheel.mouseX = below(r, w);
        e.wheel.mouseY = below(r, h);
        push(&e);
    } else if (kind < 79) {
        SDL_SetWindowSize(win, 200 + below(r, 280), 140 + below(r, 180));
    } else if (kind < 84) {
        key(SDLK_RETURN, 0, false);
        key(SDLK_END, 0, false);
        for (int i = 0; i < 60; i++)
            key(SDLK_BACKSPACE, 0, true);
        text(FORMULAS[below(r, (int)(sizeof FORMULAS / sizeof FORMULAS[0]))]);
        key(SDLK_RETURN, 0, false);
    } else if (kind < 92) {
        key(SDLK_1 + below(r, 9), 0, false);
    } else if (kind < 96) {
        static const SDL_Keycode ex[] = {SDLK_p, SDLK_x, SDLK_p, SDLK_x, SDLK_g};
        key(ex[below(r, 5)], 0, false);
        (*exports)++;
    } else if (kind < 98) {
        key(SDLK_q, 0, false);   /* quit request: the test keeps the loop going */
    } else if (below(r, 8) == 0 && r->fullscreen_back == 0) {
        /* Fullscreen for a short while: the offscreen driver's 1024x768
         * costs a dozen small frames' rendering, so F comes back soon. */
        key(SDLK_f, 0, false);
        r->fullscreen_back = 1 + below(r, 60);
    }
}

static long rss_kb(void);

#define READINGS 10

/* Resident memory in a fixed state (default scene, 320x200, no panels,
 * no fullscreen), so only leaks, not the state, change it. */
static long canonical_rss_kb(ov_window *w, ov_app_state *st, const ov_config *cfg)
{
    char err[256];
    if (st->ui.edit.open)
        ov_controls_edit_cancel(st);
    if (SDL_GetWindowFlags(ov_window_sdl(w)) & SDL_WINDOW_FULLSCREEN) {
        /* Through the key, so the window's own fullscreen flag follows. */
        key(SDLK_f, 0, false);
        CHECK_MSG(ov_window_frame(w, 1.0 / 60.0, err, sizeof err), "%s", err);
    }
    SDL_SetWindowSize(ov_window_sdl(w), cfg->width, cfg->height);
    ov_controls_apply_config(st, cfg);
    ov_test_plain(st);
    for (int i = 0; i < 30; i++)
        if (!ov_window_frame(w, 1.0 / 60.0, err, sizeof err))
            break;
#ifdef OV_ASAN
    __sanitizer_purge_allocator();
#else
    malloc_trim(0);
#endif
    return rss_kb();
}

static long rss_kb(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long pages = 0, resident = 0;
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        fclose(f);
    }
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

static bool png_ok(const char *path)
{
    png_image img;
    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&img, path))
        return false;
    img.format = PNG_FORMAT_RGBA;
    void *buf = malloc(PNG_IMAGE_SIZE(img));
    bool ok = buf && png_image_finish_read(&img, NULL, buf, 0, NULL);
    free(buf);
    png_image_free(&img);
    return ok && img.width > 0;
}

static bool gif_ok(const char *path)
{
    int code = 0;
    GifFileType *g = DGifOpenFileName(path, &code);
    if (!g)
        return false;
    bool ok = DGifSlurp(g) == GIF_OK && g->ImageCount == 3;
    DGifCloseFile(g, &code);
    return ok;
}

static bool csv_ok(const char *path)
{
    FILE *f = fopen(path, "r");
    char line[128] = "";
    bool ok = f && fgets(line, sizeof line, f) && strcmp(line, "run,optimizer,step,x,y,loss\n") == 0;
    if (f)
        fclose(f);
    return ok;
}

/* Checks every file in dir; returns how many decode, counting bad ones. */
static int check_exports(const char *dir, int *bad)
{
    DIR *d = opendir(dir);
    int good = 0;
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[1400];
        snprintf(path, sizeof path, "%.1000s/%.255s", dir, e->d_name);
        const char *ext = strrchr(e->d_name, '.');
        bool ok = ext && ((strcmp(ext, ".png") == 0 && png_ok(path)) ||
                          (strcmp(ext, ".gif") == 0 && gif_ok(path)) ||
                          (strcmp(ext, ".csv") == 0 && csv_ok(path)));
        if (ok)
            good++;
        else {
            (*bad)++;
            fprintf(stderr, "export does not decode: %s\n", path);
        }
    }
    if (d)
        closedir(d);
    return good;
}

int main(void)
{
    const char *tmp = getenv("OV_TMP");
    const char *fr = getenv("OV_SOAK_FRAMES");
    long frames = fr ? atol(fr) : 20000;
    char dir[512], cmd[1100], err[1024];
    snprintf(dir, sizeof dir, "%.400s/soak", tmp ? tmp : "/tmp");
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", dir, dir);
    CHECK(system(cmd) == 0);

    ov_config cfg;
    ov_config_defaults(&cfg);
    cfg.width = 320;
    cfg.height = 200;
    cfg.output_dir = dir;
    cfg.gif_frames = 3;
    cfg.no_vsync = true;
    ov_window *w = ov_window_create(&cfg, err, sizeof err);
    CHECK_MSG(w != NULL, "%s", err);
    if (!w)
        return ov_test_finish("test_app_soak");
    ov_app_state *st = ov_window_state(w);
    rng r = {0x9E3779B97F4A7C15ull, 0};
    int asked = 0, saved = 0, failed = 0;
    unsigned long serial = st->ui.message_serial;
    long rss[READINGS];
    int nread = 0;
    for (long f = 0; f < frames; f++) {
        /* F back from fullscreen; the formula field would take it as text. */
        if (r.fullscreen_back > 0 && !st->ui.edit.open && --r.fullscreen_back == 0)
            key(SDLK_f, 0, false);
        else if (below(&r, 3) == 0)
            random_input(&r, ov_window_sdl(w), st, &asked);
        if (!ov_window_frame(w, 1.0 / 60.0, err, sizeof err)) {
            CHECK_MSG(false, "frame %ld failed: %s", f, err);
            break;
        }
        if (st->ui.message_serial != serial) {
            serial = st->ui.message_serial;
            saved += strncmp(st->ui.message, "saved ", 6) == 0;
            failed += strstr(st->ui.message, "failed") != NULL;
        }
        if (nread < READINGS && f + 1 == frames * (nread + 1) / READINGS) {
            rss[nread++] = canonical_rss_kb(w, st, &cfg);
            r.fullscreen_back = 0;
        }
    }
    long warm_max = 0, late_min = 0;
    for (int i = 0; i < nread; i++) {
        if (i < READINGS / 2)
            warm_max = rss[i] > warm_max ? rss[i] : warm_max;
        else
            late_min = late_min == 0 || rss[i] < late_min ? rss[i] : late_min;
    }
    ov_render_stats rs;
    ov_renderer_stats(ov_window_renderer(w), &rs);
    CHECK_MSG(rs.nonfinite_values == 0, "%lu non-finite values reached vertex buffers",
              rs.nonfinite_values);
    CHECK_MSG(rs.nonfinite_text == 0, "%lu HUD strings printed nan or inf", rs.nonfinite_text);
    if (frames >= 2000 && nread == READINGS) {
        CHECK_MSG(late_min < warm_max * 110 / 100,
                  "resident memory keeps growing: at least %ld kB in the second half, at most "
                  "%ld kB in the first", late_min, warm_max);
    }
    ov_window_destroy(w);
    int bad = 0, good = check_exports(dir, &bad);
    CHECK_MSG(failed == 0, "%d exports failed", failed);
    CHECK(bad == 0);
    CHECK_MSG(good == saved, "%d exports reported saved, %d files decode", saved, good);
    CHECK(frames < 2000 || saved > 10);
    printf("soak: %ld frames, %d export keys, %d saved; resident kB (same state):", frames,
           asked, saved);
    for (int i = 0; i < nread; i++)
        printf(" %ld", rss[i]);
    printf("\n");
    return ov_test_finish("test_app_soak");
}
