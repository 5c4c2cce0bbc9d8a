/* The SVG export (Shift+P): the frame as an embedded PNG under every shown
 * run's path as a vector polyline in the run's colour, for slides that
 * scale. Written atomically (io/atomic.h). */
#include "exports.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "hud.h"
#include "hud_layout.h"
#include "io/atomic.h"
#include "io/png_write.h"

/* base64 (RFC 4648, with padding) of n bytes to f. */
static void base64(FILE *f, const unsigned char *p, size_t n)
{
    static const char A[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)p[i] << 16;
        if (i + 1 < n)
            v |= (unsigned)p[i + 1] << 8;
        if (i + 2 < n)
            v |= p[i + 2];
        char out[4] = {A[(v >> 18) & 63], A[(v >> 12) & 63], i + 1 < n ? A[(v >> 6) & 63] : '=',
                       i + 2 < n ? A[v & 63] : '='};
        fwrite(out, 1, 4, f);
    }
}

/* text with &, <, > and " escaped for XML. */
static void xml_text(FILE *f, const char *text)
{
    for (const char *p = text; *p; p++) {
        if (*p == '&')
            fputs("&amp;", f);
        else if (*p == '<')
            fputs("&lt;", f);
        else if (*p == '>')
            fputs("&gt;", f);
        else if (*p == '"')
            fputs("&quot;", f);
        else
            fputc(*p, f);
    }
}

/* The frame of st drawn (laid out as *lay) and encoded as PNG bytes (malloc'd). */
static bool frame_png(ov_renderer *r, const ov_app_state *st, ov_hud_layout *lay, int w, int h,
                      char **png, size_t *len, char *err, size_t cap)
{
    uint8_t *px = malloc((size_t)w * (size_t)h * 4);
    if (!px) {
        snprintf(err, cap, "out of memory for a %dx%d image", w, h);
        return false;
    }
    if (!ov_hud_draw_frame(r, st, NULL, lay)) {
        ov_hud_frame_error(r, err, cap);
        free(px);
        return false;
    }
    bool ok = ov_renderer_read_rgba(r, px);
    if (!ok)
        snprintf(err, cap, "cannot read the rendered frame back");
    *png = NULL;
    *len = 0;
    FILE *m = ok ? open_memstream(png, len) : NULL;
    if (ok && !m) {
        snprintf(err, cap, "out of memory for the PNG");
        ok = false;
    }
    if (ok)
        ok = ov_png_write_stream(m, px, w, h, err, cap);
    if (m && fclose(m) != 0 && ok) {
        snprintf(err, cap, "out of memory for the PNG");
        ok = false;
    }
    free(px);
    if (!ok) {
        free(*png);
        *png = NULL;
    }
    return ok;
}

/* Run i's path up to the shown step as polyline points in the frame's
 * pixels (the same projection the frame used); at most about four points
 * per pixel column. */
static void write_run(FILE *f, const ov_app_state *st, const ov_view *view, int i, int w)
{
    const ov_run *run = &st->sc.scene.runs[i];
    int last = ov_hud_shown_step(run, st->anim.step);
    int stride = (last + 1) / (4 * w) + 1;
    ov_rgba c = ov_hud_run_color(st, i);
    fprintf(f,
            "  <polyline id=\"run-%d\" data-optimizer=\"%s\" fill=\"none\" "
            "stroke=\"#%02x%02x%02x\" stroke-width=\"%.3g\" stroke-linejoin=\"round\" "
            "stroke-linecap=\"round\" points=\"",
            i, ov_optim_info_of(run->params.kind)->name, (int)lroundf(c.r * 255),
            (int)lroundf(c.g * 255), (int)lroundf(c.b * 255),
            2.5 * ov_controls_ui_scale(st) * view->height / 720.0);
    for (int k = 0;;) {
        ov_vec2 q;
        double depth;
        if (ov_view_project(view, run->x[k], run->y[k], run->loss[k], 0.0, &q, &depth) &&
            isfinite(q.x) && isfinite(q.y))
            fprintf(f, "%s%.2f,%.2f", k ? " " : "", q.x, q.y);
        if (k == last)
            break;
        k = k + stride > last ? last : k + stride;
    }
    fputs("\"/>\n", f);
}

bool ov_export_svg(ov_renderer *r, const ov_app_state *st, const char *path, char *err,
                   size_t cap)
{
    int w, h;
    ov_renderer_size(r, &w, &h);
    char *png;
    size_t len;
    ov_hud_layout lay;   /* the projection the frame was drawn with */
    if (!frame_png(r, st, &lay, w, h, &png, &len, err, cap))
        return false;
    ov_atomic_file af;
    if (!ov_atomic_open(&af, path, err, cap)) {
        free(png);
        return false;
    }
    FILE *f = af.f;
    fprintf(f,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
            "viewBox=\"0 0 %d %d\">\n"
            "<title>optiviz: ",
            w, h, w, h);
    xml_text(f, st->sc.scene.surface->name);
    fprintf(f,
            "</title>\n"
            "<image id=\"frame\" x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" "
            "href=\"data:image/png;base64,",
            w, h);
    base64(f, (const unsigned char *)png, len);
    free(png);
    fprintf(f, "\"/>\n<g id=\"runs\">\n");
    for (int i = 0; i < st->sc.scene.nruns; i++)
        if (!st->sc.hidden[i] && st->sc.scene.runs[i].n > 0)
            write_run(f, st, &lay.view, i, w);
    fputs("</g>\n</svg>\n", f);
    if (ferror(f)) {
        ov_atomic_abort(&af);
        ov_io_error(err, cap, path, "write failed");
        return false;
    }
    return ov_atomic_commit(&af, err, cap);
}
