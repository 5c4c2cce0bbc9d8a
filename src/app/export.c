/* Exports: --export-csv, --screenshot, --gif and --video from the CLI (headless: the
 * scene is rendered into an FBO on a hidden window, SDL's offscreen driver
 * when there is no display), and the same writers for the window's keys.
 * Every file is written to a temporary name and renamed (src/io/atomic). */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "anim_export.h"
#include "controls.h"
#include "export.h"
#include "glwin.h"
#include "hud.h"
#include "io/csv.h"
#include "io/interrupt.h"
#include "io/png_write.h"
#include "render/render.h"
#include "controls_anim.h"
#include "core/stamp.h"

/* Pixel buffer for one frame of the renderer's size; NULL + err when out of memory. */
static uint8_t *frame_buffer(ov_renderer *r, int *w, int *h, char *err, size_t cap)
{
    ov_renderer_size(r, w, h);
    uint8_t *px = malloc((size_t)*w * (size_t)*h * 4);
    if (!px)
        snprintf(err, cap, "out of memory for a %dx%d image", *w, *h);
    return px;
}

bool ov_export_png(ov_renderer *r, ov_app_state *st, const char *path, char *err,
                   size_t cap)
{
    int w, h;
    uint8_t *px = frame_buffer(r, &w, &h, err, cap);
    if (!px)
        return false;
    ov_hud_draw_frame(r, st, NULL, NULL);
    ov_stamp("frame drawn (commands issued)");
    bool ok = ov_renderer_read_rgba(r, px);
    ov_stamp("frame read back");
    if (!ok)
        snprintf(err, cap, "cannot read the rendered frame back");
    else
        ok = ov_png_write(path, px, w, h, err, cap);
    ov_stamp("PNG written");
    free(px);
    return ok;
}

/* Runs an animation job to the end (no progress shown). */
static bool run_job(ov_renderer *r, ov_app_state *st, const ov_anim_spec *spec, char *err,
                    size_t cap)
{
    ov_anim_job *j = ov_anim_job_create(spec, r, st, err, cap);
    ov_anim_status status = j ? OV_ANIM_MORE : OV_ANIM_FAILED;
    while (status == OV_ANIM_MORE)
        status = ov_anim_job_step(j, r, st, err, cap);
    ov_anim_job_destroy(j);
    return status == OV_ANIM_DONE;
}

bool ov_export_gif(ov_renderer *r, ov_app_state *st, const char *path, int frames,
                   int delay_cs, char *err, size_t cap)
{
    ov_anim_spec spec = {.gif = path, .frames = frames, .delay_cs = delay_cs};
    return run_job(r, st, &spec, err, cap);
}

bool ov_export_mp4(ov_renderer *r, ov_app_state *st, const char *path, int frames,
                   int delay_cs, char *err, size_t cap)
{
    ov_anim_spec spec = {.mp4 = path, .frames = frames, .delay_cs = delay_cs};
    return run_job(r, st, &spec, err, cap);
}

bool ov_export_timestamped_path(const char *dir, const char *ext, char *buf, size_t cap)
{
    time_t now = time(NULL);
    struct tm tm;
    char stamp[32];
    if (!localtime_r(&now, &tm) || strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm) == 0)
        snprintf(stamp, sizeof stamp, "%lld", (long long)now);
    if (!dir || !*dir)
        dir = ".";
    for (int n = 1; n < 1000; n++) {
        int len = n == 1 ? snprintf(buf, cap, "%s/optiviz-%s.%s", dir, stamp, ext)
                         : snprintf(buf, cap, "%s/optiviz-%s-%d.%s", dir, stamp, n, ext);
        if (len < 0 || (size_t)len >= cap)
            return false;
        struct stat sb;
        if (stat(buf, &sb) != 0)
            return true;
    }
    return false;
}

bool ov_export_offscreen_begin(ov_glwin *win, ov_renderer **r, const ov_app_state *st,
                               int width, int height, char *err, size_t cap)
{
    char font[512];
    *r = NULL;
    memset(win, 0, sizeof(*win));
    if (!ov_font_find(font, sizeof font, err, cap))
        return false;
    ov_stamp("font found");
    /* The frame is drawn into the renderer's own framebuffer object: the
     * hidden window only carries the context, so it stays small (a window
     * of the frame's size costs a cleared back buffer of that size). */
    if (!ov_glwin_create(win, "optiviz", 64, 64, false, err, cap))
        return false;
    ov_stamp("window and GL context");
    *r = ov_renderer_create(width, height, font, err, cap);
    if (!*r)
        return false;
    ov_stamp("renderer made");
    bool ok = ov_renderer_set_surface(*r, st->sc.scene.surface, err, cap);
    ov_stamp("surface set");
    return ok;
}

/* --gif and --video from the same frames, with "frame N of M" on stderr
 * when it is a terminal (rewritten in place as the export goes). */
static bool render_animation(ov_renderer *r, ov_app_state *st, const ov_config *cfg,
                             char *err, size_t cap)
{
    ov_anim_spec spec = {.gif = cfg->gif, .mp4 = cfg->video, .frames = cfg->gif_frames,
                         .delay_cs = cfg->gif_delay_cs};
    ov_anim_job *j = ov_anim_job_create(&spec, r, st, err, cap);
    if (!j)
        return false;
    const bool tty = isatty(STDERR_FILENO) == 1;
    const char *name = cfg->gif && cfg->video ? "GIF and video" : cfg->gif ? cfg->gif : cfg->video;
    ov_anim_status status = OV_ANIM_MORE;
    int shown = -1;
    while (status == OV_ANIM_MORE) {
        if (ov_interrupt_signal()) {
            snprintf(err, cap, "%s: interrupted by %s", name,
                     ov_interrupt_name(ov_interrupt_signal()));
            status = OV_ANIM_FAILED;   /* destroying the job abandons its files */
            break;
        }
        status = ov_anim_job_step(j, r, st, err, cap);
        int done = ov_anim_job_done(j), total = ov_anim_job_total(j);
        int pct = 100 * done / total;
        if (tty && pct != shown) {
            fprintf(stderr, "\roptiviz: writing %s: frame %d of %d (%d%%)", name, done, total,
                    pct);
            shown = pct;
        }
    }
    if (tty)
        fputc('\n', stderr);
    ov_anim_job_destroy(j);
    return status == OV_ANIM_DONE;
}

/* --screenshot, --gif and --video: one offscreen renderer for all. */
static int render_exports(ov_app_state *st, const ov_config *cfg)
{
    char err[1024];
    ov_glwin win;
    ov_renderer *r = NULL;
    bool ok = ov_export_offscreen_begin(&win, &r, st, cfg->width, cfg->height, err, sizeof err);
    if (ok && !cfg->gif && !cfg->video)
        ov_renderer_keep_contours(r, false);   /* one frame: nothing to keep it for */
    if (ok && cfg->screenshot)
        ok = ov_export_png(r, st, cfg->screenshot, err, sizeof err);
    if (ok && (cfg->gif || cfg->video))
        ok = render_animation(r, st, cfg, err, sizeof err);
    if (!ok)
        fprintf(stderr, "optiviz: %s\n", err);
    ov_renderer_destroy(r);
    ov_glwin_destroy(&win);
    ov_stamp("renderer and window closed");
    return ok ? 0 : 1;
}

/* The exports of cfg; 1 when one failed. */
static int export_all(const ov_config *cfg)
{
    ov_app_state st;
    char err[1024];
    if (!ov_controls_init(&st, cfg, err, sizeof err)) {
        fprintf(stderr, "optiviz: %s\n", err);
        return 1;
    }
    ov_stamp("scene computed");
    /* A screenshot shows every run complete. */
    st.anim.step = ov_controls_last_step(&st);
    ov_csv_report_divergence(stderr, &st.sc.scene);
    int status = 0;
    if (cfg->export_csv && !ov_interrupt_signal() &&
        !ov_csv_write(cfg->export_csv, &st.sc.scene, err, sizeof err)) {
        fprintf(stderr, "optiviz: %s\n", err);
        status = 1;
    }
    if (status == 0 && !ov_interrupt_signal() && (cfg->screenshot || cfg->gif || cfg->video))
        status = render_exports(&st, cfg);
    ov_controls_deinit(&st);
    return status;
}

int ov_app_export(const ov_config *cfg)
{
    /* SIGINT and SIGTERM stop the work: no file is committed, the
     * temporary ones are removed (io/interrupt.h). */
    if (!ov_interrupt_install())
        fprintf(stderr, "optiviz: note: cannot catch SIGINT/SIGTERM\n");
    int status = export_all(cfg);
    int sig = ov_interrupt_signal();
    ov_interrupt_uninstall();
    if (sig) {
        fprintf(stderr, "optiviz: interrupted by %s: the export was not written\n",
                ov_interrupt_name(sig));
        return 128 + sig;
    }
    return status;
}
