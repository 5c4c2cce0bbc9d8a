/* Smoke test of a real X11 window (ctest runs it on a private Xvfb server,
 * tests/x11_run.sh, when Xvfb is installed): the interactive loop runs 30
 * frames on the x11 driver with a GL 3.3 core context and exits cleanly. */
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/glwin.h"
#include "ov_test.h"

int main(void)
{
    const char *display = getenv("DISPLAY");
    CHECK_MSG(display && *display, "DISPLAY is not set: run under tests/x11_run.sh");
    ov_glwin w;
    char err[512];
    CHECK_MSG(ov_glwin_create(&w, "optiviz x11 smoke", 320, 200, true, err, sizeof err), "%s", err);
    if (w.window) {
        const char *drv = SDL_GetCurrentVideoDriver();
        CHECK_MSG(drv && strcmp(drv, "x11") == 0, "driver is %s", drv ? drv : "(none)");
        ov_glwin_destroy(&w);
    }
    ov_config cfg;
    ov_config_defaults(&cfg);
    cfg.width = 640;
    cfg.height = 400;
    CHECK(ov_app_run_window_frames(&cfg, 30) == 0);
    return ov_test_finish("test_app_x11");
}
