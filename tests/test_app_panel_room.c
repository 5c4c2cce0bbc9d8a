/* A panel the layout has no room for is said in the HUD, once, by name
 * (ov_window_frame, SDL's offscreen driver): at 1280x720 with every panel
 * on, the message names exactly the panels the layout leaves out, and the
 * next frames (the same panels out) say nothing again; at 1920x1080 with one
 * panel on nothing is said. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/hud_layout.h"
#include "app/panels.h"
#include "ov_app_test.h"
#include "ov_test.h"

static void frames(ov_window *w, int n)
{
    char err[1024];
    for (int i = 0; i < n; i++)
        CHECK_MSG(ov_window_frame(w, 1.0 / 60.0, err, sizeof err), "%s", err);
}

static ov_window *open_window(int width, int height, unsigned panels)
{
    ov_config cfg;
    ov_config_defaults(&cfg);
    cfg.width = width;
    cfg.height = height;
    cfg.no_vsync = true;
    cfg.panels = panels;
    cfg.has_panels = true;
    char err[1024];
    ov_window *w = ov_window_create(&cfg, err, sizeof err);
    CHECK_MSG(w != NULL, "%s", err);
    return w;
}

int main(void)
{
    int n;
    const ov_panel *panels = ov_panels(&n);
    ov_window *w = open_window(1280, 720, (1u << n) - 1);
    if (!w)
        return ov_test_finish("test_app_panel_room");
    frames(w, 2);
    ov_app_state *st = ov_window_state(w);
    const char *said = st->ui.message;
    CHECK_MSG(strncmp(said, "No room for: ", 13) == 0 && st->ui.message_age < 1.0,
              "message: '%s'", said);
    /* It names exactly the panels that the layout of a frame without the
     * message leaves out (laid out here as the window does). */
    ov_controls_hide_message(st);
    ov_app_cache *cache = calloc(1, sizeof *cache);   /* large: kept off the stack */
    ov_hud_layout lay;
    CHECK(cache != NULL);
    int out = 0;
    if (cache) {
        ov_hud_layout_compute(ov_window_renderer(w), st, cache, 1280, 720, &lay);
        for (int k = 0; k < n; k++) {
            const char *name = panels[k].name;
            bool left_out = ov_panel_shown(st, k) && !lay.on[OV_HUD_PANEL0 + k];
            bool named = false;
            for (const char *p = strstr(said, name); p; p = strstr(p + 1, name))
                named = named || ((p[-1] == ' ') && (p[strlen(name)] == ',' ||
                                                     p[strlen(name)] == ' '));
            CHECK_MSG(named == left_out, "%s: named %d, left out %d in '%s'", name, named,
                      left_out, said);
            out += left_out;
        }
    }
    CHECK_MSG(out >= 1, "nothing left out at 1280x720 with every panel on");
    free(cache);
    /* Said once: the same panels out, nothing new. */
    frames(w, 3);
    CHECK_MSG(st->ui.message_age >= 1e9, "said again: '%s'", st->ui.message);
    ov_window_destroy(w);

    /* Room enough: nothing said. */
    w = open_window(1920, 1080, 1u << ov_panel_find("loss"));
    if (w) {
        frames(w, 3);
        CHECK_MSG(ov_window_state(w)->ui.message[0] == 0 ||
                      strstr(ov_window_state(w)->ui.message, "No room") == NULL,
                  "message: '%s'", ov_window_state(w)->ui.message);
        ov_window_destroy(w);
    }
    return ov_test_finish("test_app_panel_room");
}
