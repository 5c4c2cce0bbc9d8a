/* The renderer: the only module that calls gl*. It draws one frame of a
 * scene into its own framebuffer object (contours, paths, markers), then
 * overlay rectangles and text queued by the app's HUD layout, and can show
 * the FBO in the window or read it back as RGBA bytes. A GL 3.3 core context
 * must be current on the calling thread for every call. */
#ifndef OV_RENDER_H
#define OV_RENDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/scene.h"
#include "core/surface.h"
#include "core/view.h"
#include "render/font.h"
#include "render/frame.h"
#include "render/palette.h"

typedef struct ov_renderer ov_renderer;

/* Creates the renderer with a width x height FBO. font_path is a TTF file
 * (see ov_font_find). Returns NULL with a one-line reason in err on failure
 * (shader compile log, FBO incomplete, font not loadable). */
ov_renderer *ov_renderer_create(int width, int height, const char *font_path,
                                char *err, size_t cap);
void ov_renderer_destroy(ov_renderer *r);

/* Resizes the FBO (no-op when unchanged). */
bool ov_renderer_resize(ov_renderer *r, int width, int height, char *err, size_t cap);
void ov_renderer_size(const ov_renderer *r, int *width, int *height);

/* Rebuilds the contour shader from s's expression when s differs from the
 * surface it was built for (compares formula text). Parameter values are
 * uploaded every frame, so changing kappa needs no rebuild. false when the
 * shader fails to build, with the sentence ov_renderer_error gives in err
 * (the full info log goes to stderr); a formula that failed is not built
 * again on every call, it fails again at once. */
bool ov_renderer_set_surface(ov_renderer *r, const ov_surface *s, char *err, size_t cap);

/* Why the last frame or rebuild failed, one line for the HUD: "the shader
 * for this formula failed to build: <the compiler's first error line>",
 * or what else failed; "" when the last frame was drawn. The text lives
 * in r until the next call that draws or rebuilds. */
const char *ov_renderer_error(const ov_renderer *r);

/* Whether the contour image is kept for the next frames (the default): a
 * renderer that draws a single frame (a screenshot) turns it off and saves
 * the copy and the frame-sized image it would be kept in. */
void ov_renderer_keep_contours(ov_renderer *r, bool keep);

/* Drafts (for a window, off by default): a frame whose contours changed
 * shows them at half resolution, doubled, and the next frame in full, so
 * a held key or a drag stays fluid on a software renderer. pending: the
 * last frame showed a draft, so one more frame finishes it. */
void ov_renderer_set_drafts(ov_renderer *r, bool on);
bool ov_renderer_draft_pending(const ov_renderer *r);

/* Draws the surface, contours, minima, paths and run markers into the FBO
 * and starts a new overlay queue. Iso-lines lie where
 * 3 * log10(max(L - Lref, 0) + 1e-6 * (Lmax - Lref)) is an integer, Lref and
 * Lmax being the view's loss range (core/loss_range.h). Line and marker
 * sizes scale with ui_scale * height / 720.
 * Returns false, with the reason in ov_renderer_error, when the frame
 * cannot be drawn as asked: a shader or the 3-D depth buffer fails to
 * build for it (nothing is drawn with the program of an earlier formula),
 * or GL reports an error while drawing. After a build failure the FBO shows
 * the surface picture of the last frame drawn (its contours or 3-D surface,
 * from the pass's cache) without that frame's paths and overlay, which
 * belonged to a scene that is gone; the background colour when the picture
 * was not kept (no frame yet, a resize since, the 1-D view, a renderer that
 * keeps no contours). The overlay queue is open either way, so the caller
 * draws its HUD, and what went wrong, on top. */
bool ov_renderer_begin(ov_renderer *r, const ov_frame_desc *desc);
/* Queues a filled rectangle in pixels (top-left origin). */
void ov_renderer_rect(ov_renderer *r, float x, float y, float w, float h, ov_rgba c);
/* Queues a straight line segment between two pixel positions, width px
 * wide (drawn as a quad, so any width works in a core profile). */
void ov_renderer_line(ov_renderer *r, float x0, float y0, float x1, float y1, float width,
                      ov_rgba c);
/* Queues a filled triangle with corners in pixels. */
void ov_renderer_triangle(ov_renderer *r, float x0, float y0, float x1, float y1, float x2,
                          float y2, ov_rgba c);
/* Queues an anti-aliased filled disc centred at x, y (pixels). */
void ov_renderer_disc(ov_renderer *r, float x, float y, float radius, ov_rgba c);
/* Queues text with its top-left (or top-centre/right) at x, y in pixels;
 * size_px is the font's pixel height. Returns the text's width in pixels. */
float ov_renderer_text(ov_renderer *r, float x, float y, float size_px, ov_rgba c,
                       ov_text_align align, const char *utf8);
/* Width and height the text would take, without drawing it. */
void ov_renderer_text_size(ov_renderer *r, float size_px, const char *utf8,
                           float *w, float *h);
/* Draws the queued overlay into the FBO. false when this frame's
 * ov_renderer_begin failed (the FBO does not hold the frame asked for) or
 * GL reported an error. */
bool ov_renderer_end(ov_renderer *r);

/* Copies the FBO to the default framebuffer, scaled to drawable size.
 * false on a GL error (logged). */
bool ov_renderer_present(ov_renderer *r, int drawable_w, int drawable_h);
/* The GL_RENDERER string (e.g. "llvmpipe (LLVM 15.0.6, 256 bits)"). */
const char *ov_renderer_name(ov_renderer *r);
/* Waits until every queued GL command has finished (for timing). */
void ov_renderer_finish(ov_renderer *r);
/* Ends a shown frame: waits until the frame before it has been drawn (a
 * GPU), or this frame itself (a software rasteriser such as llvmpipe, which
 * keeps the command memory of every frame handed to it ahead until it
 * reuses that buffer: a window loop that never waits, with no vsync and no
 * read-back, piles up tens of MB). false when the fence could not be made
 * or the wait failed (logged); a frame still unfinished after 2 s is not
 * waited for further and counts as done. */
bool ov_renderer_frame_done(ov_renderer *r);
/* Reads the FBO into out as B, G, R, A bytes, rows top-down, pitch bytes
 * apart (at least width * 4, a multiple of 4): the layout of a 32-bit
 * XRGB window surface. false on a GL error or a bad pitch. */
bool ov_renderer_read_bgra(ov_renderer *r, uint8_t *out, size_t pitch);
/* Reads the FBO into out (width*height*4 bytes, rows top-down). */
bool ov_renderer_read_rgba(ov_renderer *r, uint8_t *out);
/* What changed in the FBO since this was last asked: -1 for all of it
 * (read it all back: more than one frame was drawn since, or the last one
 * was drawn whole), else n (0 .. max) rectangles x, y, w, h, rows
 * top-down, outside which the FBO holds what it held before. A renderer
 * drawing the 2-D view in the window redraws only these. */
int ov_renderer_damage(ov_renderer *r, int *xywh, int max);
#define OV_RENDER_DAMAGE_MAX 32   /* rectangles a frame's damage may have */
/* ov_renderer_read_bgra for the rectangle x, y, w, h (rows top-down) of
 * the FBO, into the same place of out. */
bool ov_renderer_read_bgra_rect(ov_renderer *r, uint8_t *out, size_t pitch, int x, int y,
                                int w, int h);

/* Reads the FBO's depth after a 3-D frame into out (width*height floats,
 * window depth 0 near .. 1 far, 1 where no surface is; rows top-down): the
 * surface's depth, since paths and overlays do not write depth. false when
 * no 3-D frame was drawn yet (no depth buffer). */
bool ov_renderer_read_depth(ov_renderer *r, float *out);

/* Test/diagnostic pass: renders s's loss (with its current parameters) over
 * view into a width x height 32-bit float framebuffer with the same GLSL the
 * contour pass uses, and reads it into out (width*height floats, rows
 * top-down, pixel centres). */
bool ov_renderer_read_loss(ov_renderer *r, const ov_surface *s, ov_rect view,
                           int width, int height, float *out);

/* What the renderer's guards caught since it was created: non-finite
 * numbers about to be uploaded to a vertex buffer (replaced by 0), and HUD
 * strings that print "nan" or "inf". Both stay 0 when the core keeps its
 * promise; the soak test checks them. Also what the last frame drew. */
typedef struct ov_render_stats {
    unsigned long nonfinite_values;
    unsigned long nonfinite_text;
    /* The last frame's path pass: capsules drawn (segments, dots and
     * markers after thinning), and iterates fed to the thinning (0 when
     * the thinned paths were reused as they were). */
    long path_capsules;
    long path_points_fed;
    /* With ov_renderer_set_timing on, the last frame's CPU ms (all threads)
     * per stage, each waited for: the contour (or 3-D surface) image, the
     * paths, the HUD's work between the passes (layout, text measured),
     * the overlay (text, panels, markers). 0 when timing is off. */
    double cpu_contour_ms, cpu_paths_ms, cpu_hud_ms, cpu_overlay_ms;
} ov_render_stats;
/* Times each stage of the frames that follow (a benchmark's breakdown: the
 * waits make a frame slower). */
void ov_renderer_set_timing(ov_renderer *r, bool on);
void ov_renderer_stats(const ov_renderer *r, ov_render_stats *out);

/* ---- markers and the divergence X ---- */

/* Where the X of run idx is drawn in frame d (the renderer's size): on
 * its last iterate, or where its path leaves the view. false while the
 * animation has not reached the end of a diverged run (no X yet). The
 * HUD puts the "diverged at step S" label next to it. */
bool ov_renderer_diverged_mark(ov_renderer *r, const ov_frame_desc *d, int idx, float *x,
                               float *y);

/* Queues a marker on the overlay, centred at x, y (pixels), radius px
 * across half its width: the same shape the path pass draws, filled with
 * fill and outlined edge px wide in ring (edge 0: no outline). */
void ov_renderer_marker(ov_renderer *r, float x, float y, float radius, ov_marker shape,
                        ov_rgba fill, float edge, ov_rgba ring);

#endif
