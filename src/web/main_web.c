/* optiviz in the browser (scripts/build-web): the entry point instead of
 * src/main.c. The page's query string is read as the command line (cli/url.h)
 * by the same parser; a bad option shows the parser's message on the page
 * (web/index.html's error line) and the default scene opens. The browser
 * owns the loop: emscripten_set_main_loop calls ov_app_frame once per
 * animation frame with the events SDL queued. Files the window writes
 * (P, G, X) land in /downloads of the page's memory file system and are
 * handed to the browser as downloads. U puts the scene's URL on the
 * clipboard and in the address bar. Two fingers pinch to zoom. */
#include <dirent.h>
#include <emscripten.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/app.h"
#include "app/controls_ui.h"
#include "cli/args.h"
#include "cli/url.h"
#include "app/share.h"
#include "web/touch_web.h"

#define OV_WEB_DOWNLOADS "/downloads"

static struct {
    ov_window *win;
    ov_config cfg;
    ov_url_args args;
    SDL_Event *events, *out;   /* a frame's events, and room for them filtered */
    int cap, out_cap;
    ov_web_touch touch;
    long frames;   /* drawn, as the page last heard */
    int still;
    double draw_ms;   /* time spent in the frames that drew */
} g;

/* The page's error line (index.html): text a student can select and copy,
 * read by a screen reader. */
static void page_error(const char *msg)
{
    EM_ASM({ if (window.ovPage) window.ovPage.error(UTF8ToString($0)); }, msg);
}

/* Every finished file in the downloads folder, handed to the browser and
 * removed (an export's temporary file, "NAME.tmp.XXXXXX", waits). */
static void deliver_downloads(void)
{
    DIR *d = opendir(OV_WEB_DOWNLOADS);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || strstr(e->d_name, ".tmp."))
            continue;
        char path[512];
        if ((size_t)snprintf(path, sizeof path, "%s/%s", OV_WEB_DOWNLOADS, e->d_name) >=
            sizeof path)
            continue;
        /* The page reads the file from Module.FS (index.html). */
        EM_ASM({ if (window.ovPage) window.ovPage.downloadFile(UTF8ToString($0)); }, path);
        if (unlink(path) != 0)
            fprintf(stderr, "optiviz: cannot remove %s after its download\n", path);
    }
    closedir(d);
}

/* U: the scene's URL on the clipboard and in the address bar (index.html
 * does both), and a line in the HUD saying so. */
static void share(void)
{
    static char query[16384];
    ov_app_state *st = ov_window_state(g.win);
    if (ov_share_query(st, query, sizeof query) < 0) {
        ov_controls_say(st, "share: the scene is too long for a URL");
        return;
    }
    EM_ASM({ if (window.ovPage) window.ovPage.share(UTF8ToString($0)); }, query);
    ov_controls_say(st, "this scene's URL is in the address bar and on the clipboard");
}

static void frame(void)
{
    int n = 0;
    for (;;) {
        if (n == g.cap) {
            int cap = g.cap ? 2 * g.cap : 64;
            SDL_Event *grown = realloc(g.events, (size_t)cap * sizeof *grown);
            if (!grown)
                break;   /* the rest stay queued for the next frame */
            g.events = grown;
            g.cap = cap;
        }
        if (!SDL_PollEvent(&g.events[n]))
            break;
        n++;
    }
    /* Touch: the pinch (touch_web.h). */
    if (n > 0 && 2 * n + 1 > g.out_cap) {
        SDL_Event *grown = realloc(g.out, (size_t)(2 * n + 1) * sizeof *grown);
        if (grown) {
            g.out = grown;
            g.out_cap = 2 * n + 1;
        }
    }
    if (n > 0 && 2 * n + 1 <= g.out_cap) {
        int ww, wh;
        SDL_GetWindowSize(ov_window_sdl(g.win), &ww, &wh);
        n = ov_web_touch_filter(&g.touch, g.events, n, g.out, ww, wh);
        SDL_Event *t = g.events;
        g.events = g.out;
        g.out = t;
        int c = g.cap;
        g.cap = g.out_cap;
        g.out_cap = c;
    }
    for (int i = 0; i < n; i++)
        if (g.events[i].type == SDL_KEYDOWN && g.events[i].key.keysym.sym == SDLK_u &&
            !(g.events[i].key.keysym.mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI)) &&
            !ov_window_state(g.win)->ui.edit.open)
            share();
    /* The on-screen buttons (touch_strip.h): the page's choice, shown on
     * a touch-only device and toggled by the page's button. */
    ov_controls_set_strip(ov_window_state(g.win),
                          EM_ASM_INT({ return window.ovPage && window.ovPage.strip ? 1 : 0; }));
    /* The page's "buttons" toggle over the top right corner, in the
     * frame's pixels (width << 16 | height): the HUD's message keeps left
     * of it. */
    int corner = EM_ASM_INT({
        var b = document.getElementById("buttons");
        var c = document.getElementById("canvas");
        if (!b || !c || !c.clientWidth) return 0;
        var rb = b.getBoundingClientRect();
        var rc = c.getBoundingClientRect();
        var s = c.width / c.clientWidth;
        var w = Math.max(0, Math.min(65535, Math.ceil((rc.right - rb.left) * s)));
        var h = Math.max(0, Math.min(65535, Math.ceil((rb.bottom - rc.top) * s)));
        return (w << 16) | h;
    });
    ov_controls_set_page_corner(ov_window_state(g.win), (float)((unsigned)corner >> 16),
                                (float)(corner & 0xffff));
    double t0 = emscripten_get_now();
    bool go_on = ov_app_frame(g.win, g.events, n);
    double took = emscripten_get_now() - t0;
    if (!go_on) {
        page_error("optiviz stopped: the renderer failed (see the browser's console)");
        emscripten_cancel_main_loop();
        return;
    }
    /* For the page (and its tests): frames drawn so far, whether the
     * picture stays as it is until an event (animation over, message gone),
     * and the time the frames that drew took in the program, summed (the
     * browser tests print the frame cost from it). */
    long drawn = ov_window_frames_drawn(g.win);
    int still = isinf(ov_window_still_for(g.win));   /* only an event can change it */
    if (drawn != g.frames || still != g.still) {
        if (drawn != g.frames)   /* this call drew: its cost counts */
            g.draw_ms += took;
        g.frames = drawn;
        g.still = still;
        EM_ASM({ if (window.ovPage) { window.ovPage.drawn = $0; window.ovPage.still = $1;
                                      window.ovPage.drawMs = $2; } },
               (int)drawn, still, g.draw_ms);
    }
    deliver_downloads();
}

/* The options in the page's address, parsed as the command line; on a bad
 * one, its message on the page and the default scene. */
static void read_options(void)
{
    const char *query = emscripten_run_script_string("window.location.search");
    char err[1024];
    bool ok = ov_url_to_args(query, &g.args, err, sizeof err) &&
              ov_args_parse(g.args.argc, g.args.argv, &g.cfg, err, sizeof err) == 0;
    if (ok && g.cfg.action != OV_ACTION_WINDOW) {
        snprintf(err, sizeof err, "that option writes a file or prints a list: in the "
                 "desktop program only");
        ok = false;
    }
    if (!ok) {
        page_error(err);
        fprintf(stderr, "optiviz: %s\n", err);
        char *none[] = {"optiviz", NULL};
        char err2[256];
        if (ov_args_parse(1, none, &g.cfg, err2, sizeof err2) != 0)
            fprintf(stderr, "optiviz: %s\n", err2);
    }
}

int main(void)
{
    read_options();
    g.cfg.output_dir = OV_WEB_DOWNLOADS;
    if (mkdir(OV_WEB_DOWNLOADS, 0755) != 0)
        fprintf(stderr, "optiviz: cannot make %s: exports will fail\n", OV_WEB_DOWNLOADS);
    char err[1024];
    g.win = ov_window_create(&g.cfg, err, sizeof err);
    if (!g.win) {
        page_error(err);
        fprintf(stderr, "optiviz: %s\n", err);
        return 1;
    }
    /* The help says which keys act differently in a page. */
    ov_controls_set_in_page(ov_window_state(g.win), true);
    /* On a device without a fine pointer (a tablet, a phone) the on-screen
     * buttons show from the start. */
    ov_controls_set_strip(ov_window_state(g.win), EM_ASM_INT({
        if (!window.ovPage) return 0;
        if (window.ovPage.strip === undefined)
            window.ovPage.strip = !!(window.matchMedia &&
                                     window.matchMedia("(pointer: coarse)").matches &&
                                     !window.matchMedia("(any-pointer: fine)").matches);
        return window.ovPage.strip ? 1 : 0;
    }));
    emscripten_set_main_loop(frame, 0, 0);
    return 0;
}
