/* The renderer object: the framebuffer object (create, resize, destroy),
 * the formula its contour pass draws, presenting the frame in the window,
 * waiting for it, and the frame's figures. A frame's sequence is
 * render_frame.c's, the HUD's drawing calls render_draw.c's, reading
 * frames back readback.c's. */
#include <SDL_ttf.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/stamp.h"
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
bool ov_render_depth_storage(ov_renderer *r, char *err, size_t cap)
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
    if (r->depth_tex && !ov_render_depth_storage(r, err, cap)) {
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
void ov_render_shader_failed(ov_renderer *r, const char *build)
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
    ov_render_shader_failed(r, build);
    snprintf(err, cap, "%s", r->error);
    return false;
}

const char *ov_renderer_error(const ov_renderer *r)
{
    return r->error;
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
