/* The export writers the CLI (export_cli.c) and the window's keys share:
 * a hidden GL window with a renderer for one scene, frame -> PNG, runs ->
 * CSV, the animation -> GIF or MP4, timestamped names. Every file is
 * written to a temporary name and renamed (src/io/atomic). */
#include "export.h"

#include <stdio.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "anim_export.h"
#include "controls.h"
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

static void *write_png(void *arg)
{
    ov_png_pending *p = arg;
    p->ok = ov_png_write(p->path, p->px, p->width, p->height, p->err, sizeof p->err);
    return NULL;
}

bool ov_export_png_start(ov_renderer *r, const ov_app_state *st, const char *path,
                         ov_png_pending *p, char *err, size_t cap)
{
    memset(p, 0, sizeof *p);
    uint8_t *px = frame_buffer(r, &p->width, &p->height, err, cap);
    if (!px)
        return false;
    if (!ov_hud_draw_frame(r, st, NULL, NULL)) {
        ov_hud_frame_error(r, err, cap);
        free(px);
        return false;
    }
    ov_stamp("frame drawn (commands issued)");
    bool ok = ov_renderer_read_rgba(r, px);
    ov_stamp("frame read back");
    if (!ok) {
        snprintf(err, cap, "cannot read the rendered frame back");
        free(px);
        return false;
    }
    p->path = path;
    p->px = px;
    /* The thread is born with SIGINT and SIGTERM blocked: the main thread
     * takes them (io/interrupt.h). No thread (the browser has none): the
     * write is done here. */
    ov_interrupt_mask mask;
    if (ov_interrupt_block(&mask)) {
        p->running = pthread_create(&p->thread, NULL, write_png, p) == 0;
        ov_interrupt_restore(&mask);
    }
    if (!p->running)
        write_png(p);
    return true;
}

bool ov_export_png_finish(ov_png_pending *p, char *err, size_t cap)
{
    if (p->running)
        pthread_join(p->thread, NULL);
    p->running = false;
    ov_stamp("PNG written");
    if (!p->ok)
        snprintf(err, cap, "%s", p->err);
    free(p->px);
    p->px = NULL;
    return p->ok;
}

bool ov_export_png(ov_renderer *r, const ov_app_state *st, const char *path, char *err,
                   size_t cap)
{
    ov_png_pending p;
    return ov_export_png_start(r, st, path, &p, err, cap) && ov_export_png_finish(&p, err, cap);
}

bool ov_export_csv(ov_renderer *r, const ov_app_state *st, const char *path, char *err,
                   size_t cap)
{
    (void)r;
    return ov_csv_write(path, &st->sc.scene, err, cap);
}

/* Runs an animation job to the end (no progress shown). */
static bool run_job(ov_renderer *r, const ov_app_state *st, const ov_anim_spec *spec, char *err,
                    size_t cap)
{
    ov_anim_job *j = ov_anim_job_create(spec, r, st, err, cap);
    ov_anim_status status = j ? OV_ANIM_MORE : OV_ANIM_FAILED;
    while (status == OV_ANIM_MORE)
        status = ov_anim_job_step(j, r, st, err, cap);
    ov_anim_job_destroy(j);
    return status == OV_ANIM_DONE;
}

bool ov_export_gif(ov_renderer *r, const ov_app_state *st, const char *path, int frames,
                   int delay_cs, char *err, size_t cap)
{
    ov_anim_spec spec = {.gif = path, .frames = frames, .delay_cs = delay_cs};
    return run_job(r, st, &spec, err, cap);
}

bool ov_export_mp4(ov_renderer *r, const ov_app_state *st, const char *path, int frames,
                   int delay_cs, char *err, size_t cap)
{
    ov_anim_spec spec = {.mp4 = path, .frames = frames, .delay_cs = delay_cs};
    return run_job(r, st, &spec, err, cap);
}

bool ov_export_dir_ok(const char *dir, bool create, char *err, size_t cap)
{
    struct stat sb;
    if (create && stat(dir, &sb) != 0 && errno == ENOENT && mkdir(dir, 0777) != 0) {
        snprintf(err, cap, "cannot create directory '%.900s': %s", dir, strerror(errno));
        return false;
    }
    if (stat(dir, &sb) != 0) {
        snprintf(err, cap, "'%.900s': %s", dir, strerror(errno));
        return false;
    }
    if (!S_ISDIR(sb.st_mode)) {
        snprintf(err, cap, "'%.900s' is not a directory", dir);
        return false;
    }
    if (access(dir, W_OK | X_OK) != 0) {
        snprintf(err, cap, "'%.900s' is not writable: %s", dir, strerror(errno));
        return false;
    }
    return true;
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
