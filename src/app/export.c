/* Headless exports: --export-csv and --screenshot. The screenshot renders the
 * scene with every run drawn complete into an FBO on a hidden window (SDL's
 * offscreen driver when there is no display) and writes it with libpng. */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "controls.h"
#include "export.h"
#include "glwin.h"
#include "hud.h"
#include "io/csv.h"
#include "io/png_write.h"
#include "render/render.h"

bool ov_export_png(ov_renderer *r, const ov_app_state *st, float ui_scale, const char *path,
                   char *err, size_t cap)
{
    int w, h;
    ov_renderer_size(r, &w, &h);
    uint8_t *px = malloc((size_t)w * (size_t)h * 4);
    if (!px) {
        snprintf(err, cap, "out of memory for a %dx%d image", w, h);
        return false;
    }
    ov_hud_draw_frame(r, st, ui_scale);
    bool ok = ov_renderer_read_rgba(r, px);
    if (!ok)
        snprintf(err, cap, "cannot read the rendered frame back");
    else
        ok = ov_png_write(path, px, w, h, err, cap);
    free(px);
    return ok;
}

bool ov_export_offscreen_begin(ov_glwin *win, ov_renderer **r, const ov_app_state *st,
                               int width, int height, char *err, size_t cap)
{
    char font[512];
    *r = NULL;
    memset(win, 0, sizeof(*win));
    if (!ov_font_find(font, sizeof font, err, cap))
        return false;
    if (!ov_glwin_create(win, "optiviz", width < 64 ? 64 : width, height < 64 ? 64 : height,
                         false, err, cap))
        return false;
    *r = ov_renderer_create(width, height, font, err, cap);
    if (!*r)
        return false;
    return ov_renderer_set_surface(*r, st->scene.surface, err, cap);
}

static int screenshot(ov_app_state *st, const ov_config *cfg)
{
    char err[1024];
    ov_glwin win;
    ov_renderer *r = NULL;
    int status = 0;
    if (!ov_export_offscreen_begin(&win, &r, st, cfg->width, cfg->height, err, sizeof err) ||
        !ov_export_png(r, st, 1.0f, cfg->screenshot, err, sizeof err)) {
        fprintf(stderr, "optiviz: %s\n", err);
        status = 1;
    }
    ov_renderer_destroy(r);
    ov_glwin_destroy(&win);
    return status;
}

int ov_app_export(const ov_config *cfg)
{
    ov_app_state st;
    char err[1024];
    if (!ov_controls_init(&st, cfg, err, sizeof err)) {
        fprintf(stderr, "optiviz: %s\n", err);
        return 1;
    }
    /* Exports show every run complete. */
    st.anim_step = ov_controls_last_step(&st);
    ov_csv_report_divergence(stderr, &st.scene);
    int status = 0;
    if (cfg->export_csv && !ov_csv_write(cfg->export_csv, &st.scene, err, sizeof err)) {
        fprintf(stderr, "optiviz: %s\n", err);
        status = 1;
    }
    if (status == 0 && cfg->screenshot)
        status = screenshot(&st, cfg);
    ov_controls_deinit(&st);
    return status;
}
