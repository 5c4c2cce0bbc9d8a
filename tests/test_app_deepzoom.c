/* The wheel zoom stops where the contour shader's float maths ends: zoomed
 * in about the rosenbrock minimum again and again, the view's width never
 * falls below 1e-3 of its coordinates (it used to go on to 1e-6, blocky
 * and drifting), and the HUD says "zoom limit: float precision". */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "app/controls.h"
#include "app/controls_view.h"
#include "ov_test.h"

int main(void)
{
    ov_config cfg;
    char err[256];
    ov_config_defaults(&cfg);
    snprintf(cfg.surface, sizeof cfg.surface, "rosenbrock");
    ov_app_state st;
    CHECK_MSG(ov_controls_init(&st, &cfg, err, sizeof err), "%s", err);
    ov_vec2 about = {1.0, 1.0};
    int said = 0;
    for (int i = 0; i < 400; i++) {
        unsigned long serial = st.ui.message_serial;
        ov_controls_zoom(&st, about, 0.85);
        if (st.ui.message_serial != serial && strcmp(st.ui.message, "zoom limit: float precision") == 0)
            said++;
    }
    double w = st.view.rect.x1 - st.view.rect.x0, h = st.view.rect.y1 - st.view.rect.y0;
    double mx = fmax(fabs(st.view.rect.x0), fabs(st.view.rect.x1));
    double my = fmax(fabs(st.view.rect.y0), fabs(st.view.rect.y1));
    CHECK_MSG(w >= 1e-3 * mx && h >= 1e-3 * my, "view %.3g x %.3g at (%.6g, %.6g)", w, h, mx,
              my);
    /* it did go deep: within a zoom step of the floor */
    CHECK_MSG(fmin(w / mx, h / my) < 1e-3 / 0.85, "stopped early: %.3g x %.3g", w, h);
    CHECK(said > 0);
    CHECK(strcmp(st.ui.message, "zoom limit: float precision") == 0);
    ov_controls_deinit(&st);
    return ov_test_finish("test_app_deepzoom");
}
