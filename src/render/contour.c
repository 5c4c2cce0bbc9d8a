/* The contour pass: builds the fragment shader from the surface's GLSL and
 * draws, with the view's loss range (core/loss_range.h), the colour fill
 * and log-spaced iso-lines with one full-screen triangle into a
 * cached image, redrawn only when surface, parameters, view or size change;
 * other frames just copy it. With drafts on (the window), a changed image
 * is first drawn at half resolution and doubled, then in full on the next
 * frame: the shader costs about 8 ns of CPU per pixel on llvmpipe (16 ms at
 * 1920x1080), a draft about a quarter of that. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/contour.h"
#include "render/shader.h"

extern const char ov_shader_contour_vert[];
extern const char ov_shader_contour_frag[];
extern const char ov_shader_levels_frag[];

bool ov_contour_init(ov_contour *c, char *err, size_t cap)
{
    memset(c, 0, sizeof *c);
    double worst = ov_colormap_poly(c->cmap_poly);
    if (worst > 3.0 / 255.0)
        ov_render_log("colour map polynomial is off by %.1f/255", worst * 255.0);
    glGenFramebuffers(1, &c->cache_fbo);
    glGenTextures(1, &c->cache_tex);
    if (!ov_gl_ok("contour cache")) {
        snprintf(err, cap, "cannot create the contour cache");
        return false;
    }
    return true;
}

void ov_contour_deinit(ov_contour *c)
{
    if (c->prog)
        glDeleteProgram(c->prog);
    if (c->cache_fbo)
        glDeleteFramebuffers(1, &c->cache_fbo);
    if (c->cache_tex)
        glDeleteTextures(1, &c->cache_tex);
    if (c->draft_fbo)
        glDeleteFramebuffers(1, &c->draft_fbo);
    if (c->draft_tex)
        glDeleteTextures(1, &c->draft_tex);
    free(c->draft_px);
    free(c->full_px);
    memset(c, 0, sizeof *c);
}

void ov_contour_drop_cache(ov_contour *c)
{
    /* The images go with their names; fresh names await the next storage
     * (the draft's are made when a draft is first drawn). */
    if (c->cache_w != 0) {
        glDeleteFramebuffers(1, &c->cache_fbo);
        glDeleteTextures(1, &c->cache_tex);
        glGenFramebuffers(1, &c->cache_fbo);
        glGenTextures(1, &c->cache_tex);
        c->cache_w = c->cache_h = 0;
    }
    if (c->draft_fbo) {
        glDeleteFramebuffers(1, &c->draft_fbo);
        glDeleteTextures(1, &c->draft_tex);
        c->draft_fbo = c->draft_tex = 0;
        c->draft_w = c->draft_h = 0;
    }
    free(c->draft_px);
    free(c->full_px);
    c->draft_px = c->full_px = NULL;
    c->draft_px_cap = c->full_px_cap = 0;
    c->cache_valid = false;
    c->image_kept = false;
    c->draft_shown = false;
    ov_gl_ok("contour cache dropped");
}

const char *ov_contour_cmap_glsl(ov_contour *c)
{
    if (!c->cmap_glsl[0]) {
        int n = 0;
        for (int k = 0; k < OV_CMAP_POLY; k++)
            n += snprintf(c->cmap_glsl + n, sizeof c->cmap_glsl - (size_t)n,
                          "const vec3 ov_cmap%d = vec3(%.9g, %.9g, %.9g);\n", k,
                          c->cmap_poly[k][0], c->cmap_poly[k][1], c->cmap_poly[k][2]);
    }
    return c->cmap_glsl;
}

bool ov_contour_set_surface(ov_contour *c, const ov_surface *s, char *err, size_t cap)
{
    const char *src = ov_surface_key(s);
    if (c->prog && strcmp(src, c->formula) == 0)
        return true;
    if (c->failed[0] && strcmp(src, c->failed) == 0) {
        snprintf(err, cap, "%s", c->failed_err);
        return false;
    }
    char *loss = ov_loss_glsl(s, err, cap);
    if (!loss)
        return false;
    const char *vs[] = {ov_shader_contour_vert};
    const char *fs[] = {loss, c->test_glsl ? c->test_glsl : "", ov_contour_cmap_glsl(c),
                        ov_shader_levels_frag, ov_shader_contour_frag};
    GLuint prog = ov_gl_program("contour", vs, 1, fs, 5, err, cap);
    free(loss);
    if (!prog) {
        ov_render_log("%s", err);
        snprintf(c->failed, sizeof c->failed, "%s", src);
        snprintf(c->failed_err, sizeof c->failed_err, "%s", err);
        return false;
    }
    if (c->prog)
        glDeleteProgram(c->prog);
    c->prog = prog;
    c->failed[0] = '\0';
    snprintf(c->formula, sizeof c->formula, "%s", src);
    c->u_param_a = glGetUniformLocation(prog, "Pa");
    c->u_param_b = glGetUniformLocation(prog, "Pb");
    c->u_view = glGetUniformLocation(prog, "u_view");
    c->u_level = glGetUniformLocation(prog, "u_level");
    c->u_cmap_range = glGetUniformLocation(prog, "u_cmap_range");
    c->u_line = glGetUniformLocation(prog, "u_line");
    c->cache_valid = false;
    if (!ov_gl_ok("contour uniforms")) {
        snprintf(err, cap, "contour: GL error while looking up its uniforms");
        return false;
    }
    return true;
}

/* (Re)allocates the cache image at width x height. */
static bool cache_storage(ov_contour *c, int width, int height)
{
    if (c->cache_w == width && c->cache_h == height)
        return true;
    glBindTexture(GL_TEXTURE_2D, c->cache_tex);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                 NULL);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glBindTexture(GL_TEXTURE_2D, 0);
    glBindFramebuffer(GL_FRAMEBUFFER, c->cache_fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, c->cache_tex, 0);
    bool ok = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    if (!ok || !ov_gl_ok("contour cache storage")) {
        ov_render_log("contour cache %dx%d incomplete", width, height);
        c->cache_w = c->cache_h = 0;
        return false;
    }
    c->cache_w = width;
    c->cache_h = height;
    return true;
}

void ov_contour_uniforms(GLint u_level, GLint u_cmap_range, GLint u_line,
                         const ov_loss_range *lr, float px_scale, bool strong)
{
    glUniform4f(u_level, (float)lr->lref, (float)lr->delta, (float)OV_LEVELS_PER_DECADE,
                strong ? 1.0f : 0.85f);
    glUniform2f(u_cmap_range, (float)(lr->top - OV_CMAP_DECADES), (float)(1.0 / OV_CMAP_DECADES));
    glUniform2f(u_line, (strong ? 1.8f : 1.2f) * px_scale, 14.0f * px_scale);
}

/* Draws the fill and iso-lines into the bound framebuffer; a pixel there
 * covers `scale` pixels of v's frame in each direction (1, or 2 for a
 * draft at half resolution). */
static bool draw_pass(ov_contour *c, const ov_surface *s, const ov_view *v, float px_scale,
                      bool strong, int scale)
{
    float a[4];
    ov_view_frag_affine(v, a);
    glUseProgram(c->prog);
    ov_gl_params(c->u_param_a, c->u_param_b, s);
    glUniform4f(c->u_view, a[0], a[1], a[2] * (float)scale, a[3] * (float)scale);
    ov_contour_uniforms(c->u_level, c->u_cmap_range, c->u_line, &v->range,
                        px_scale / (float)scale, strong);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    return ov_gl_ok("contour pass");
}

static ov_contour_key key_of(const ov_surface *s, const ov_view *v, float px_scale, bool strong)
{
    ov_contour_key k;
    memset(&k, 0, sizeof k);   /* padding too: keys are compared with memcmp */
    k.w = v->width;
    k.h = v->height;
    k.scale = px_scale;
    k.strong = strong;
    k.surface = s;
    k.view = v->rect;
    memcpy(k.params, s->params, sizeof k.params);
    return k;
}

static bool same_key(const ov_contour_key *a, const ov_contour_key *b)
{
    return memcmp(a, b, sizeof *a) == 0;
}

/* Sizes *buf to n pixels (down too: the window may have been fullscreen);
 * false when memory runs out. */
static bool pixels(uint32_t **buf, size_t *cap, size_t n)
{
    if (n == *cap)
        return true;
    uint32_t *p = realloc(*buf, n * sizeof *p);
    if (!p)
        return false;
    *buf = p;
    *cap = n;
    return true;
}

/* The changed image at half resolution, its pixels doubled on the CPU into
 * the cache texture: on llvmpipe a quarter of the shader's cost plus two
 * copies, where a scaled blit would sample every pixel. false when it could
 * not be made (then a full pass is drawn). */
static bool draw_draft(ov_contour *c, const ov_surface *s, const ov_view *v, float px_scale,
                       bool strong)
{
    int w = v->width, h = v->height, hw = (w + 1) / 2, hh = (h + 1) / 2;
    if (!pixels(&c->draft_px, &c->draft_px_cap, (size_t)hw * (size_t)hh) ||
        !pixels(&c->full_px, &c->full_px_cap, (size_t)w * (size_t)h) ||
        !cache_storage(c, w, h))
        return false;
    if (!c->draft_fbo) {
        glGenFramebuffers(1, &c->draft_fbo);
        glGenTextures(1, &c->draft_tex);
    }
    if (c->draft_w != hw || c->draft_h != hh) {
        glBindTexture(GL_TEXTURE_2D, c->draft_tex);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, hw, hh, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
        glBindTexture(GL_TEXTURE_2D, 0);
        glBindFramebuffer(GL_FRAMEBUFFER, c->draft_fbo);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D,
                               c->draft_tex, 0);
        if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE ||
            !ov_gl_ok("contour draft storage")) {
            c->draft_w = c->draft_h = 0;
            return false;
        }
        c->draft_w = hw;
        c->draft_h = hh;
    }
    glBindFramebuffer(GL_FRAMEBUFFER, c->draft_fbo);
    glViewport(0, 0, hw, hh);
    bool drawn = draw_pass(c, s, v, px_scale, strong, 2);
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glReadPixels(0, 0, hw, hh, GL_RGBA, GL_UNSIGNED_BYTE, c->draft_px);
    glViewport(0, 0, w, h);
    if (!drawn || !ov_gl_ok("contour draft readback"))
        return false;
    /* Each pixel to a 2 x 2 block (rows stay bottom-up, as GL has them). */
    for (int j = 0; j < hh; j++) {
        uint32_t *row = c->full_px + (size_t)(2 * j) * (size_t)w;
        const uint32_t *src = c->draft_px + (size_t)j * (size_t)hw;
        for (int i = 0; i < w; i++)
            row[i] = src[i >> 1];
        if (2 * j + 1 < h)
            memcpy(row + w, row, (size_t)w * sizeof *row);
    }
    glBindTexture(GL_TEXTURE_2D, c->cache_tex);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, c->full_px);
    glBindTexture(GL_TEXTURE_2D, 0);
    return ov_gl_ok("contour draft");
}

/* Copies the cache image into dst_fbo (the same size: a plain copy). */
static bool copy_cache(ov_contour *c, int width, int height, GLuint dst_fbo)
{
    glBindFramebuffer(GL_READ_FRAMEBUFFER, c->cache_fbo);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, dst_fbo);
    glBlitFramebuffer(0, 0, width, height, 0, 0, width, height, GL_COLOR_BUFFER_BIT,
                      GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, dst_fbo);
    return ov_gl_ok("contour copy");
}

bool ov_contour_draw(ov_contour *c, const ov_surface *s, const ov_view *v, float px_scale,
                     bool strong, GLuint dst_fbo)
{
    c->image_kept = false;
    if (!c->prog)
        return false;
    int width = v->width, height = v->height;
    ov_contour_key key = key_of(s, v, px_scale, strong);
    bool refine = c->draft_shown && same_key(&key, &c->draft_key);
    c->draft_shown = false;
    if (c->cache_valid && same_key(&key, &c->cache_key))
        return c->image_kept = copy_cache(c, width, height, dst_fbo);
    /* Changed, in the window: a draft now, the full image next frame (or
     * a new draft if it changes again). */
    if (c->drafts && !refine && !c->no_cache && draw_draft(c, s, v, px_scale, strong)) {
        c->cache_valid = false;
        c->draft_shown = true;
        c->draft_key = key;
        return c->image_kept = copy_cache(c, width, height, dst_fbo);
    }
    /* Changed: drawn straight into the frame, then kept for the next frames
     * by a 1:1 copy (on llvmpipe cheaper than drawing into the cache and
     * copying it out in the same frame). */
    c->cache_valid = false;
    glBindFramebuffer(GL_FRAMEBUFFER, dst_fbo);
    if (!draw_pass(c, s, v, px_scale, strong, 1))
        return false;
    if (c->no_cache || !cache_storage(c, width, height)) {
        glBindFramebuffer(GL_FRAMEBUFFER, dst_fbo);
        return true;
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, dst_fbo);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, c->cache_fbo);
    glBlitFramebuffer(0, 0, width, height, 0, 0, width, height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, dst_fbo);
    /* A copy that failed leaves the frame drawn, only not kept. */
    c->cache_valid = c->image_kept = ov_gl_ok("contour cache copy");
    c->cache_key = key;
    return true;
}

bool ov_contour_reuse(ov_contour *c, const ov_surface *s, const ov_view *v, float px_scale,
                      bool strong)
{
    if (!c->prog || !c->cache_valid || c->draft_shown)
        return false;
    ov_contour_key key = key_of(s, v, px_scale, strong);
    if (!same_key(&key, &c->cache_key) || c->cache_w != v->width || c->cache_h != v->height)
        return false;
    c->image_kept = true;
    return true;
}

bool ov_contour_copy_rect(ov_contour *c, int x, int y, int w, int h, GLuint dst_fbo)
{
    glBindFramebuffer(GL_READ_FRAMEBUFFER, c->cache_fbo);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, dst_fbo);
    glBlitFramebuffer(x, y, x + w, y + h, x, y, x + w, y + h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, dst_fbo);
    return ov_gl_ok("contour copy");
}

bool ov_contour_show_last(ov_contour *c, int width, int height, GLuint dst_fbo)
{
    if (!c->image_kept || c->cache_w != width || c->cache_h != height)
        return false;
    return copy_cache(c, width, height, dst_fbo);
}

bool ov_contour_draft_pending(const ov_contour *c)
{
    return c->draft_shown;
}
