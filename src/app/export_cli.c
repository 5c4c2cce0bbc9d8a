/* --export-csv, --screenshot, --gif and --video from the command line
 * (headless: the scene is rendered into an FBO on a hidden window, SDL's
 * offscreen driver when there is no display), with progress on a terminal
 * and SIGINT/SIGTERM abandoning the files. See app.h. */
#include "app.h"

#include <stdio.h>
#include <unistd.h>

#include "anim_export.h"
#include "controls_anim.h"
#include "export.h"
#include "glwin.h"
#include "io/csv.h"
#include "core/stamp.h"
#include "io/interrupt.h"

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

/* --screenshot, --gif and --video: one offscreen renderer for all. A
 * screenshot alone is compressed and written while the renderer and its
 * GL context close. */
static int render_exports(ov_app_state *st, const ov_config *cfg)
{
    char err[1024];
    ov_glwin win;
    ov_renderer *r = NULL;
    ov_png_pending shot;
    bool pending = false;
    bool ok = ov_export_offscreen_begin(&win, &r, st, cfg->width, cfg->height, err, sizeof err);
    if (ok && !cfg->gif && !cfg->video)
        ov_renderer_keep_contours(r, false);   /* one frame: nothing to keep it for */
    if (ok && cfg->screenshot)
        ok = pending = ov_export_png_start(r, st, cfg->screenshot, &shot, err, sizeof err);
    if (pending && (cfg->gif || cfg->video)) {
        pending = false;
        ok = ov_export_png_finish(&shot, err, sizeof err);
    }
    if (ok && (cfg->gif || cfg->video))
        ok = render_animation(r, st, cfg, err, sizeof err);
    ov_renderer_destroy(r);
    ov_glwin_destroy(&win);
    ov_stamp("renderer and window closed");
    if (pending)
        ok = ov_export_png_finish(&shot, err, sizeof err);
    if (!ok)
        fprintf(stderr, "optiviz: %s\n", err);
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
    ov_controls_seek(&st, ov_controls_last_step(&st));
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
