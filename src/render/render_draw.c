/* The HUD's drawing calls between ov_renderer_begin and ov_renderer_end
 * (render.h): rectangles, lines, markers, triangles, discs and text, each
 * queued on the overlay, which ov_renderer_end draws over the frame. */
#include "render/markers.h"
#include "render/renderer.h"

void ov_renderer_rect(ov_renderer *r, float x, float y, float w, float h, ov_rgba c)
{
    ov_overlay_rect(&r->overlay, x, y, w, h, c);
}

void ov_renderer_line(ov_renderer *r, float x0, float y0, float x1, float y1, float width,
                      ov_rgba c)
{
    ov_overlay_line(&r->overlay, x0, y0, x1, y1, width, c);
}

typedef struct overlay_piece_ctx {
    ov_overlay *o;
    ov_rgba c;
} overlay_piece_ctx;

static void overlay_piece(void *ctx, float x0, float y0, float x1, float y1, float half,
                          bool span)
{
    overlay_piece_ctx *pc = ctx;
    if (span && x1 - x0 < 0.5f) {
        x0 -= 0.25f;
        x1 += 0.25f;
    }
    ov_overlay_line(pc->o, x0, y0, x1, y1, 2.0f * half, pc->c);
}

void ov_renderer_marker(ov_renderer *r, float x, float y, float radius, ov_marker shape,
                        ov_rgba fill, float edge, ov_rgba ring)
{
    overlay_piece_ctx ctx = {&r->overlay, ring};
    if (edge > 0)
        ov_marker_pieces(shape, x, y, radius, edge, overlay_piece, &ctx);
    ctx.c = fill;
    ov_marker_pieces(shape, x, y, radius, 0.0f, overlay_piece, &ctx);
}

void ov_renderer_triangle(ov_renderer *r, float x0, float y0, float x1, float y1, float x2,
                          float y2, ov_rgba c)
{
    ov_overlay_triangle(&r->overlay, x0, y0, x1, y1, x2, y2, c);
}

void ov_renderer_disc(ov_renderer *r, float x, float y, float radius, ov_rgba c)
{
    ov_overlay_disc(&r->overlay, x, y, radius, c);
}

float ov_renderer_text(ov_renderer *r, float x, float y, float size_px, ov_rgba c,
                       ov_text_align align, const char *utf8)
{
    const ov_text_entry *e = ov_text_get(&r->text, utf8, size_px);
    float w = (float)e->w;
    if (align == OV_ALIGN_CENTER)
        x -= w * 0.5f;
    else if (align == OV_ALIGN_RIGHT)
        x -= w;
    ov_overlay_text(&r->overlay, x, y, size_px, c, utf8);
    return w;
}

void ov_renderer_text_size(ov_renderer *r, float size_px, const char *utf8, float *w,
                           float *h)
{
    int iw, ih;
    ov_text_measure(&r->text, utf8, size_px, &iw, &ih);
    *w = (float)iw;
    *h = (float)ih;
}
