/* The renderer's public face: the framebuffer object (create, resize,
 * present), the frame sequence (contour pass, path pass, overlay) and what
 * a frame that cannot be drawn leaves on screen. Reading frames back is
 * readback.c's. */
#include <SDL_ttf.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/stamp.h"
#include "render/curve1d.h"
#include "render/explain.h"
#include "render/frame.h"
#include "render/markers.h"
#include "render/renderer.h"
#include "render/shader.h"

/* Allocates the colour texture of the FBO at the current size. */
static bool fbo_storage(ov_renderer *r, char *err, size_t cap)
{
    glBindTexture(GL_TEXTURE_2D, r->color_tex);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, r->width, r->height, 0, GL_RGBA,
                 GL_UNSIGNED_BYTE, NULL);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glBindTexture(GL_TEXTURE_2D, 0);
    glBindFramebuffer(GL_FRAMEBUFFER, r->fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, r->color_tex, 0);
    GLenum st = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (st != GL_FRAMEBUFFER_COMPLETE || !ov_gl_ok("framebuffer")) {
        snprintf(err, cap, "framebuffer %dx%d incomplete (status 0x%04x)", r->width, r->height,
                 (unsigned)st);
        return false;
    }
    return true;
}

/* The FBO's depth attachment, made on the first 3-D frame (2-D needs none)
 * and resized with the colour. */
static bool depth_storage(ov_renderer *r, char *err, size_t cap)
{
    if (!r->depth_tex)
        glGenTextures(1, &r->depth_tex);
    glBindTexture(GL_TEXTURE_2D, r->depth_tex);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_DEPTH_COMPONENT24, r->width, r->height, 0,
                 GL_DEPTH_COMPONENT, GL_UNSIGNED_INT, NULL);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glBindTexture(GL_TEXTURE_2D, 0);
    glBindFramebuffer(GL_FRAMEBUFFER, r->fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_TEXTURE_2D, r->depth_tex, 0);
    GLenum st = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (st != GL_FRAMEBUFFER_COMPLETE || !ov_gl_ok("depth buffer")) {
        snprintf(err, cap, "depth buffer %dx%d incomplete (status 0x%04x)", r->width,
                 r->height, (unsigned)st);
        ov_render_log("%s", err);
        return false;
    }
    return true;
}

bool ov_render_size_ok(int w, int h, char *err, size_t cap)
{
    GLint max = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max);
    if (w < 1 || h < 1 || w > max || h > max) {
        snprintf(err, cap, "framebuffer size %dx%d outside 1..%d", w, h, (int)max);
        return false;
    }
    return true;
}

ov_renderer *ov_renderer_create(int width, int height, const char *font_path, char *err,
                                size_t cap)
{
    ov_renderer *r = calloc(1, sizeof *r);
    if (!r) {
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    if (!glGetString(GL_VERSION)) {
        snprintf(err, cap, "no current OpenGL context");
        free(r);
        return NULL;
    }
    ov_gl_ok("before renderer creation");
    if (TTF_Init() != 0) {
        snprintf(err, cap, "SDL_ttf: %s", TTF_GetError());
        free(r);
        return NULL;
    }
    r->ttf_inited = true;
    const char *name = (const char *)glGetString(GL_RENDERER);
    r->software = name && (strstr(name, "llvmpipe") || strstr(name, "softpipe"));
    r->width = width;
    r->height = height;
    glGenVertexArrays(1, &r->empty_vao);
    glGenFramebuffers(1, &r->fbo);
    glGenTextures(1, &r->color_tex);
    ov_stamp("renderer: SDL_ttf started");
    bool ok = ov_render_size_ok(width, height, err, cap) && fbo_storage(r, err, cap);
    ov_stamp("renderer: framebuffer");
    ok = ok && ov_text_init(&r->text, font_path, err, cap);
    ov_stamp("renderer: font opened");
    ok = ok && ov_contour_init(&r->contour, err, cap);
    ov_stamp("renderer: contour pass");
    ok = ok && ov_paths_init(&r->paths, err, cap);
    ov_stamp("renderer: path program (the first compile)");
    ok = ok && ov_overlay_init(&r->overlay, err, cap);
    ov_stamp("renderer: overlay program");
    if (!ok) {
        ov_renderer_destroy(r);
        return NULL;
    }
    return r;
}

void ov_renderer_destroy(ov_renderer *r)
{
    if (!r)
        return;
    ov_damage_deinit(&r->damage);
    free(r->cull);
    free(r->rb);
    ov_overlay_deinit(&r->overlay);
    ov_paths_deinit(&r->paths);
    ov_mesh_deinit(&r->mesh);
    ov_contour_deinit(&r->contour);
    ov_text_deinit(&r->text);
    if (r->frame_fence)
        glDeleteSync(r->frame_fence);
    if (r->loss_prog)
        glDeleteProgram(r->loss_prog);
    if (r->fbo)
        glDeleteFramebuffers(1, &r->fbo);
    if (r->color_tex)
        glDeleteTextures(1, &r->color_tex);
    if (r->depth_tex)
        glDeleteTextures(1, &r->depth_tex);
    if (r->empty_vao)
        glDeleteVertexArrays(1, &r->empty_vao);
    if (r->ttf_inited)
        TTF_Quit();
    free(r);
}

bool ov_renderer_resize(ov_renderer *r, int width, int height, char *err, size_t cap)
{
    if (width == r->width && height == r->height)
        return true;
    if (!ov_render_size_ok(width, height, err, cap))
        return false;
    int ow = r->width, oh = r->height;
    r->width = width;
    r->height = height;
    ov_contour_drop_cache(&r->contour);
    ov_mesh_drop_cache(&r->mesh);
    if (!fbo_storage(r, err, cap)) {
        r->width = ow;
        r->height = oh;
        char again[256];
        if (!fbo_storage(r, again, sizeof again))
            ov_render_log("the %dx%d framebuffer could not be made again either: %s", ow, oh,
                          again);
        return false;
    }
    if (r->depth_tex && !depth_storage(r, err, cap)) {
        /* Made again by the next 3-D frame, which then says if it fails. */
        glBindFramebuffer(GL_FRAMEBUFFER, r->fbo);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_TEXTURE_2D, 0, 0);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glDeleteTextures(1, &r->depth_tex);
        r->depth_tex = 0;
        ov_gl_ok("depth buffer dropped");
        return false;
    }
    return true;
}

void ov_renderer_size(const ov_renderer *r, int *width, int *height)
{
    *width = r->width;
    *height = r->height;
}

void ov_renderer_set_drafts(ov_renderer *r, bool on)
{
    r->contour.drafts = on;
}

bool ov_renderer_draft_pending(const ov_renderer *r)
{
    return ov_contour_draft_pending(&r->contour);
}

void ov_renderer_keep_contours(ov_renderer *r, bool keep)
{
    r->contour.no_cache = !keep;
    if (!keep)
        r->contour.cache_valid = false;
}

/* Puts "the shader for this formula failed to build: <first error line of
 * build>" into r->error. */
static void shader_failed(ov_renderer *r, const char *build)
{
    char line[400];
    ov_gl_error_line(build, line, sizeof line);
    /* Without the "contour fragment shader: " the build put first: the HUD
     * has room for a line, and the compiler's words matter there. */
    const char *say = line, *stage = strstr(line, " shader: ");
    if (stage)
        say = stage + strlen(" shader: ");
    snprintf(r->error, sizeof r->error, "the shader for this formula failed to build: %s",
             say);
}

bool ov_renderer_set_surface(ov_renderer *r, const ov_surface *s, char *err, size_t cap)
{
    char build[1024];
    if (ov_contour_set_surface(&r->contour, s, build, sizeof build))
        return true;
    shader_failed(r, build);
    snprintf(err, cap, "%s", r->error);
    return false;
}

const char *ov_renderer_error(const ov_renderer *r)
{
    return r->error;
}

/* Line and marker size multiplier, at least 0.75 so lines stay visible. */
static float px_scale(const ov_renderer *r, const ov_frame_desc *d)
{
    float s = ov_render_frame_scale(d, r->height);
    return s < 0.75f ? 0.75f : s;
}

bool ov_render_rect_ok(ov_rect v)
{
    return isfinite(v.x0) && isfinite(v.x1) && isfinite(v.y0) && isfinite(v.y1) &&
           v.x1 > v.x0 && v.y1 > v.y0;
}

/* The view must be made for this frame's size. */
static bool view_ok(const ov_renderer *r, const ov_view *v)
{
    return v && ov_render_rect_ok(v->rect) && v->width == r->width &&
           v->height == r->height;
}

static void clear_frame(void)
{
    glClearColor(0.12f, 0.12f, 0.14f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
}

/* Ends begin for a frame that was drawn; shown: its surface picture. */
static bool frame_drawn(ov_renderer *r, ov_shown shown)
{
    r->error[0] = '\0';
    r->frame_failed = false;
    r->shown = shown;
    return true;
}

/* Ends begin for a frame that could not be drawn before anything was drawn
 * (r->error says why): the FBO shows the surface picture of the last frame
 * drawn again, from the contour or 3-D surface cache, without the paths and
 * overlay of a scene that is gone; the background when it was not kept.
 * Leaves the FBO bound for the overlay. */
static bool frame_not_drawn(ov_renderer *r)
{
    r->frame_failed = true;
    r->track = r->partial = false;
    /* A draft shown last is not finished while frames fail: the window
     * would otherwise draw frame after frame for it. */
    r->contour.draft_shown = false;
    bool kept = false;
    if (r->shown == OV_SHOWN_CONTOURS)
        kept = ov_contour_show_last(&r->contour, r->width, r->height, r->fbo);
    else if (r->shown == OV_SHOWN_SURFACE && r->depth_tex)
        kept = ov_mesh_show_last(&r->mesh, r->width, r->height, r->fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, r->fbo);
    if (!kept)
        clear_frame();
    return false;
}

/* Ends begin for a frame that failed while drawing (r->error says why):
 * what the FBO holds is no frame. */
static bool frame_broken(ov_renderer *r)
{
    r->frame_failed = true;
    r->track = r->partial = false;
    r->shown = OV_SHOWN_NONE;
    glBindFramebuffer(GL_FRAMEBUFFER, r->fbo);
    return false;
}

bool ov_renderer_begin(ov_renderer *r, const ov_frame_desc *desc)
{
    /* Errors left by calls since the last frame are logged, not blamed on
     * this one. */
    ov_gl_ok("before the frame");
    if (r->timing)
        r->t_begin = r->t_contour = r->t_paths = ov_render_stage_end();
    ov_overlay_clear(&r->overlay);
    r->track = r->partial = false;
    r->lap_contour = r->lap_paths = r->lap_text = 0.0;
    glBindFramebuffer(GL_FRAMEBUFFER, r->fbo);
    glViewport(0, 0, r->width, r->height);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_BLEND);
    if (!desc || !desc->scene || !desc->scene->surface || !view_ok(r, desc->view)) {
        clear_frame();
        return frame_drawn(r, OV_SHOWN_NONE);
    }
    const ov_surface *s = desc->scene->surface;
    if (s->one_d) {
        /* A formula in x alone: the curve L(x), its runs on it. */
        glEnable(GL_BLEND);
        glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        ov_view plot;
        ov_curve1d_draw(&r->overlay, &r->text, desc, r->width, r->height, &plot);
        const ov_explain *x = desc->explain;
        double level = x ? ov_surface_value(s, x->w[0], x->w[1]) : 0.0;
        ov_render_explain(&r->overlay, &r->text, desc, r->width, r->height, &plot, level);
        if (!ov_gl_ok("1-D view")) {
            snprintf(r->error, sizeof r->error, "drawing the frame failed (GL error)");
            return frame_broken(r);
        }
        return frame_drawn(r, OV_SHOWN_NONE);
    }
    char err[1024];
    if (!ov_contour_set_surface(&r->contour, s, err, sizeof err)) {
        shader_failed(r, err);
        return frame_not_drawn(r);
    }
    float scale = px_scale(r, desc);
    bool drawn;
    if (desc->view->is3d) {
        /* The 3-D mesh is made on the first 3-D frame: most processes
         * never draw one. */
        if (!r->mesh_ready) {
            char merr[256];
            r->mesh_ready = ov_mesh_init(&r->mesh, merr, sizeof merr);
            if (!r->mesh_ready) {
                ov_mesh_deinit(&r->mesh);
                snprintf(r->error, sizeof r->error, "the 3-D view cannot be drawn: %s", merr);
                return frame_not_drawn(r);
            }
        }
        if (!ov_mesh_set_surface(&r->mesh, &r->contour, s, err, sizeof err)) {
            shader_failed(r, err);
            return frame_not_drawn(r);
        }
        char derr[256];
        if (!r->depth_tex && !depth_storage(r, derr, sizeof derr)) {
            snprintf(r->error, sizeof r->error, "the 3-D view's depth buffer failed: %s", derr);
            return frame_not_drawn(r);
        }
        drawn = ov_mesh_draw(&r->mesh, s, desc->view, scale, desc->high_contrast, r->fbo);
    } else {
        /* The 2-D view is compared with the last frame; when the contour
         * image is the one the framebuffer holds, ov_renderer_end redraws
         * only what changed. */
        r->track = true;
        r->partial = r->damage.prev_ok &&
                     ov_contour_reuse(&r->contour, s, desc->view, scale, desc->high_contrast);
        drawn = true;
        if (!r->partial) {
            glBindVertexArray(r->empty_vao);
            drawn = ov_contour_draw(&r->contour, s, desc->view, scale, desc->high_contrast,
                                    r->fbo);
            glBindVertexArray(0);
        }
    }
    if (r->timing)
        r->t_contour = ov_render_stage_end();
    if (!drawn) {
        snprintf(r->error, sizeof r->error, "drawing the %s failed (GL error)",
                 desc->view->is3d ? "3-D surface" : "contours");
        return frame_broken(r);
    }
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    ov_paths_build(&r->paths, desc, r->width, r->height, scale);
    if (!r->partial)
        ov_paths_submit(&r->paths, r->paths.list.v, r->paths.list.n, r->width, r->height,
                        desc->view->is3d);
    if (r->timing)
        r->t_paths = ov_render_stage_end();
    ov_render_explain(&r->overlay, &r->text, desc, r->width, r->height, NULL, 0.0);
    if (!ov_gl_ok("path pass")) {
        snprintf(r->error, sizeof r->error, "drawing the paths failed (GL error)");
        return frame_broken(r);
    }
    return frame_drawn(r, desc->view->is3d ? OV_SHOWN_SURFACE : OV_SHOWN_CONTOURS);
}

bool ov_renderer_diverged_mark(ov_renderer *r, const ov_frame_desc *d, int idx, float *x,
                               float *y)
{
    if (!d || !d->scene || !view_ok(r, d->view))
        return false;
    return ov_paths_diverged_mark(d, idx, r->width, r->height, px_scale(r, d), x, y);
}

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

bool ov_renderer_end(ov_renderer *r)
{
    if (r->timing)
        r->t_end0 = r->t_lap = ov_render_stage_end();
    glBindFramebuffer(GL_FRAMEBUFFER, r->fbo);
    glViewport(0, 0, r->width, r->height);
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    ov_overlay_prepare(&r->overlay, &r->text);
    ov_render_lap(r, &r->lap_text);
    bool track = r->track && !r->frame_failed && ov_render_frame_prims(r);
    if (track)
        ov_damage_compute(&r->damage, r->width, r->height, !r->partial);
    else
        ov_damage_forget(&r->damage);
    if (track && r->partial && !r->damage.full) {
        ov_render_draw_parts(r);
    } else {
        if (r->partial) {
            /* Most of it changed: the whole frame after all. */
            ov_contour_copy_rect(&r->contour, 0, 0, r->width, r->height, r->fbo);
            glViewport(0, 0, r->width, r->height);
            glEnable(GL_BLEND);
            glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
            ov_render_lap(r, &r->lap_contour);
            ov_paths_submit(&r->paths, r->paths.list.v, r->paths.list.n, r->width, r->height,
                            false);
            ov_render_lap(r, &r->lap_paths);
        }
        ov_overlay_submit(&r->overlay, &r->text, r->width, r->height, NULL);
    }
    r->damage.full = r->damage.full || !track;
    r->ends_unread++;
    ov_overlay_clear(&r->overlay);
    glDisable(GL_BLEND);
    if (r->timing)
        r->t_end1 = ov_render_stage_end();
    bool ok = ov_gl_ok("overlay");
    if (!ok && !r->frame_failed) {
        snprintf(r->error, sizeof r->error, "drawing the overlay failed (GL error)");
        r->frame_failed = true;
        ov_damage_forget(&r->damage);
    }
    return ok && !r->frame_failed;
}

bool ov_renderer_present(ov_renderer *r, int drawable_w, int drawable_h)
{
    if (drawable_w < 1 || drawable_h < 1)
        return true;
    /* Letterbox: the largest rectangle of the FBO's aspect that fits. */
    double sx = (double)drawable_w / r->width, sy = (double)drawable_h / r->height;
    double s = sx < sy ? sx : sy;
    int w = (int)lround(r->width * s), h = (int)lround(r->height * s);
    int x = (drawable_w - w) / 2, y = (drawable_h - h) / 2;
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    glViewport(0, 0, drawable_w, drawable_h);
    glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, r->fbo);
    glBlitFramebuffer(0, 0, r->width, r->height, x, y, x + w, y + h, GL_COLOR_BUFFER_BIT,
                      (w == r->width && h == r->height) ? GL_NEAREST : GL_LINEAR);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return ov_gl_ok("present");
}

void ov_renderer_finish(ov_renderer *r)
{
    (void)r;
    glFinish();
}

bool ov_renderer_frame_done(ov_renderer *r)
{
#ifdef __EMSCRIPTEN__
    /* WebGL waits on no fence (its longest wait is 0); the browser paces
     * the frames itself. */
    (void)r;
    return ov_gl_ok("frame done");
#endif
    GLsync prev = r->frame_fence;
    r->frame_fence = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
    bool ok = r->frame_fence != NULL;
    if (!ok)
        ov_render_log("no fence for the end of the frame (not waited for)");
    /* A GPU draws the frame while the caller builds the next; a software
     * rasteriser is waited for at once, so every frame finds all of its
     * command buffers free (it reuses the first free one, and frees a
     * buffer's memory only then). A frame unfinished after 2 s is not
     * waited for further. */
    GLsync wait = r->software ? r->frame_fence : prev;
    if (wait && glClientWaitSync(wait, GL_SYNC_FLUSH_COMMANDS_BIT, 2000000000u) ==
                    GL_WAIT_FAILED) {
        ov_render_log("waiting for the frame failed");
        ok = false;
    }
    if (prev)
        glDeleteSync(prev);
    return ov_gl_ok("frame done") && ok;
}

const char *ov_renderer_name(ov_renderer *r)
{
    (void)r;
    const GLubyte *s = glGetString(GL_RENDERER);
    return s ? (const char *)s : "unknown";
}

void ov_renderer_stats(const ov_renderer *r, ov_render_stats *out)
{
    out->nonfinite_values = r->paths.nonfinite + r->overlay.nonfinite;
    out->nonfinite_text = r->overlay.bad_text;
    out->path_capsules = r->paths.last_capsules;
    out->path_points_fed = r->paths.last_fed;
    bool t = r->timing && r->t_end1 >= r->t_end0 && r->t_end0 >= r->t_paths;
    out->cpu_contour_ms = t ? r->t_contour - r->t_begin : 0.0;
    out->cpu_paths_ms = t ? r->t_paths - r->t_contour : 0.0;
    out->cpu_hud_ms = t ? r->t_end0 - r->t_paths : 0.0;
    out->cpu_contour_ms += t ? r->lap_contour : 0.0;
    out->cpu_paths_ms += t ? r->lap_paths : 0.0;
    out->cpu_hud_ms += t ? r->lap_text : 0.0;
    out->cpu_overlay_ms =
        t ? r->t_end1 - r->t_end0 - r->lap_contour - r->lap_paths - r->lap_text : 0.0;
}
