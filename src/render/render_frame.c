/* A frame's sequence (render.h): ov_renderer_begin draws the surface
 * (contour pass, 3-D mesh or 1-D curve) and the path pass, and says what a
 * frame that cannot be drawn leaves on screen; ov_renderer_end draws the
 * overlay, whole or, in 2-D, only where the frame changed
 * (render_parts.c). */
#include <math.h>
#include <stdio.h>

#include "render/curve1d.h"
#include "render/explain.h"
#include "render/frame.h"
#include "render/renderer.h"
#include "render/shader.h"

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
        ov_render_shader_failed(r, err);
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
            ov_render_shader_failed(r, err);
            return frame_not_drawn(r);
        }
        char derr[256];
        if (!r->depth_tex && !ov_render_depth_storage(r, derr, sizeof derr)) {
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
            /* A software renderer starts rasterising the contour image on
             * its threads now, while this thread goes on to the paths and
             * the overlay (on llvmpipe their first draws compile code). */
            glFlush();
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
