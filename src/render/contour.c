/* The contour pass: builds the fragment shader from the surface's GLSL and
 * draws, with the view's loss range (core/loss_range.h), the colour fill
 * and log-spaced iso-lines with one full-screen triangle into a
 * cached image, redrawn only when surface, parameters, view or size change;
 * other frames just copy it. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_internal.h"

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
    memset(c, 0, sizeof *c);
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
    const char *src = ov_expr_source(s->expr);
    if (c->prog && strcmp(src, c->formula) == 0)
        return true;
    char *loss = ov_loss_glsl(s, err, cap);
    if (!loss)
        return false;
    const char *vs[] = {ov_shader_contour_vert};
    const char *fs[] = {loss, ov_contour_cmap_glsl(c), ov_shader_levels_frag,
                        ov_shader_contour_frag};
    GLuint prog = ov_gl_program("contour", vs, 1, fs, 4, err, cap);
    free(loss);
    if (!prog)
        return false;
    if (c->prog)
        glDeleteProgram(c->prog);
    c->prog = prog;
    snprintf(c->formula, sizeof c->formula, "%s", src);
    c->u_param_a = glGetUniformLocation(prog, "Pa");
    c->u_param_b = glGetUniformLocation(prog, "Pb");
    c->u_view = glGetUniformLocation(prog, "u_view");
    c->u_level = glGetUniformLocation(prog, "u_level");
    c->u_cmap_range = glGetUniformLocation(prog, "u_cmap_range");
    c->u_line = glGetUniformLocation(prog, "u_line");
    c->cache_valid = false;
    return ov_gl_ok("contour uniforms");
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

/* Draws the fill and iso-lines into the bound framebuffer. */
static void draw_pass(ov_contour *c, const ov_surface *s, const ov_view *v, float px_scale,
                      bool strong)
{
    float a[4];
    ov_view_frag_affine(v, a);
    glUseProgram(c->prog);
    ov_gl_params(c->u_param_a, c->u_param_b, s);
    glUniform4f(c->u_view, a[0], a[1], a[2], a[3]);
    ov_contour_uniforms(c->u_level, c->u_cmap_range, c->u_line, &v->range, px_scale, strong);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    ov_gl_ok("contour pass");
}

void ov_contour_draw(ov_contour *c, const ov_surface *s, const ov_view *v, float px_scale,
                     bool strong, GLuint dst_fbo)
{
    if (!c->prog)
        return;
    int width = v->width, height = v->height;
    ov_rect view = v->rect;
    bool same = c->cache_valid && c->cache_w == width && c->cache_h == height &&
                c->cache_scale == px_scale && c->cache_strong == strong &&
                c->cache_surface == s &&
                memcmp(&c->cache_view, &view, sizeof view) == 0 &&
                memcmp(c->cache_params, s->params, sizeof c->cache_params) == 0;
    if (same) {
        glBindFramebuffer(GL_READ_FRAMEBUFFER, c->cache_fbo);
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, dst_fbo);
        glBlitFramebuffer(0, 0, width, height, 0, 0, width, height, GL_COLOR_BUFFER_BIT,
                          GL_NEAREST);
        glBindFramebuffer(GL_FRAMEBUFFER, dst_fbo);
        ov_gl_ok("contour copy");
        return;
    }
    /* Changed: drawn straight into the frame, then kept for the next frames
     * by a 1:1 copy (on llvmpipe cheaper than drawing into the cache and
     * copying it out in the same frame). */
    glBindFramebuffer(GL_FRAMEBUFFER, dst_fbo);
    draw_pass(c, s, v, px_scale, strong);
    if (c->no_cache || !cache_storage(c, width, height))
        return;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, dst_fbo);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, c->cache_fbo);
    glBlitFramebuffer(0, 0, width, height, 0, 0, width, height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, dst_fbo);
    c->cache_valid = true;
    c->cache_scale = px_scale;
    c->cache_strong = strong;
    c->cache_surface = s;
    c->cache_view = view;
    memcpy(c->cache_params, s->params, sizeof c->cache_params);
    ov_gl_ok("contour pass");
}
