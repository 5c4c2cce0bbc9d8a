/* Reading the renderer's frame back: colour as RGBA or BGRA bytes, rows
 * top-down; the 3-D surface's depth; and the float loss pass the tests
 * check the shader's loss with. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/renderer.h"
#include "render/shader.h"

extern const char ov_shader_contour_vert[];
extern const char ov_shader_loss_frag[];

/* Reverses the order of height rows of row_bytes each. */
static void flip_rows(uint8_t *p, size_t row_bytes, int height)
{
    uint8_t tmp[4096];
    for (int y = 0; y < height / 2; y++) {
        uint8_t *a = p + (size_t)y * row_bytes, *b = p + (size_t)(height - 1 - y) * row_bytes;
        for (size_t off = 0; off < row_bytes; off += sizeof tmp) {
            size_t n = row_bytes - off < sizeof tmp ? row_bytes - off : sizeof tmp;
            memcpy(tmp, a + off, n);
            memcpy(a + off, b + off, n);
            memcpy(b + off, tmp, n);
        }
    }
}

bool ov_renderer_read_rgba(ov_renderer *r, uint8_t *out)
{
    glBindFramebuffer(GL_READ_FRAMEBUFFER, r->fbo);
    glReadBuffer(GL_COLOR_ATTACHMENT0);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, r->width, r->height, GL_RGBA, GL_UNSIGNED_BYTE, out);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    if (!ov_gl_ok("read_rgba"))
        return false;
    flip_rows(out, (size_t)r->width * 4, r->height);
    return true;
}

bool ov_renderer_read_bgra(ov_renderer *r, uint8_t *out, size_t pitch)
{
    if (pitch < (size_t)r->width * 4 || pitch % 4)
        return false;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, r->fbo);
    glReadBuffer(GL_COLOR_ATTACHMENT0);
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glPixelStorei(GL_PACK_ROW_LENGTH, (GLint)(pitch / 4));
    glReadPixels(0, 0, r->width, r->height, GL_BGRA, GL_UNSIGNED_BYTE, out);
    glPixelStorei(GL_PACK_ROW_LENGTH, 0);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    if (!ov_gl_ok("read_bgra"))
        return false;
    uint8_t tmp[4096];
    size_t row = (size_t)r->width * 4;
    for (int y = 0; y < r->height / 2; y++) {
        uint8_t *a = out + (size_t)y * pitch, *b = out + (size_t)(r->height - 1 - y) * pitch;
        for (size_t off = 0; off < row; off += sizeof tmp) {
            size_t n = row - off < sizeof tmp ? row - off : sizeof tmp;
            memcpy(tmp, a + off, n);
            memcpy(a + off, b + off, n);
            memcpy(b + off, tmp, n);
        }
    }
    return true;
}

bool ov_renderer_read_bgra_rect(ov_renderer *r, uint8_t *out, size_t pitch, int x, int y,
                                int w, int h)
{
    if (pitch < (size_t)r->width * 4 || pitch % 4 || x < 0 || y < 0 || w < 1 || h < 1 ||
        x + w > r->width || y + h > r->height)
        return false;
    size_t row = (size_t)w * 4, need = row * (size_t)h;
    if (need > r->rb_cap) {
        uint8_t *b = realloc(r->rb, need);
        if (!b)
            return false;
        r->rb = b;
        r->rb_cap = need;
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, r->fbo);
    glReadBuffer(GL_COLOR_ATTACHMENT0);
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glReadPixels(x, r->height - y - h, w, h, GL_BGRA, GL_UNSIGNED_BYTE, r->rb);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    /* GL's rows run bottom-up. */
    for (int k = 0; k < h; k++)
        memcpy(out + (size_t)(y + k) * pitch + (size_t)x * 4, r->rb + (size_t)(h - 1 - k) * row,
               row);
    return ov_gl_ok("read_bgra_rect");
}

bool ov_renderer_read_depth(ov_renderer *r, float *out)
{
    if (!r->depth_tex)
        return false;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, r->fbo);
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glReadPixels(0, 0, r->width, r->height, GL_DEPTH_COMPONENT, GL_FLOAT, out);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    if (!ov_gl_ok("read_depth"))
        return false;
    flip_rows((uint8_t *)out, (size_t)r->width * sizeof(float), r->height);
    return true;
}

/* Builds (or reuses) the loss readback program for s's formula. */
static bool loss_program(ov_renderer *r, const ov_surface *s)
{
    const char *src = ov_surface_key(s);
    if (r->loss_prog && strcmp(src, r->loss_formula) == 0)
        return true;
    char err[2048];
    char *loss = ov_loss_glsl(s, err, sizeof err);
    if (!loss) {
        ov_render_log("%s", err);
        return false;
    }
    const char *vs[] = {ov_shader_contour_vert};
    const char *fs[] = {loss, ov_shader_loss_frag};
    GLuint prog = ov_gl_program("loss", vs, 1, fs, 2, err, sizeof err);
    free(loss);
    if (!prog) {
        ov_render_log("%s", err);
        return false;
    }
    if (r->loss_prog)
        glDeleteProgram(r->loss_prog);
    r->loss_prog = prog;
    snprintf(r->loss_formula, sizeof r->loss_formula, "%s", src);
    r->loss_u_param_a = glGetUniformLocation(prog, "Pa");
    r->loss_u_param_b = glGetUniformLocation(prog, "Pb");
    r->loss_u_view = glGetUniformLocation(prog, "u_view");
    return ov_gl_ok("loss uniforms");
}

bool ov_renderer_read_loss(ov_renderer *r, const ov_surface *s, ov_rect view, int width,
                           int height, float *out)
{
    char err[256];
    if (!ov_render_rect_ok(view) || !ov_render_size_ok(width, height, err, sizeof err) ||
        !loss_program(r, s))
        return false;
    ov_view_desc vd = {.rect = view, .width = width, .height = height, .stretch = true};
    ov_view v;
    ov_view_build(&v, &vd, NULL);
    float a[4];
    ov_view_frag_affine(&v, a);
    GLuint tex = 0, fbo = 0;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, width, height, 0, GL_RED, GL_FLOAT, NULL);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glBindTexture(GL_TEXTURE_2D, 0);
    glGenFramebuffers(1, &fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex, 0);
    bool ok = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    if (ok) {
        glViewport(0, 0, width, height);
        glDisable(GL_BLEND);
        glUseProgram(r->loss_prog);
        ov_gl_params(r->loss_u_param_a, r->loss_u_param_b, s);
        glUniform4f(r->loss_u_view, a[0], a[1], a[2], a[3]);
        glBindVertexArray(r->empty_vao);
        glDrawArrays(GL_TRIANGLES, 0, 3);
        glBindVertexArray(0);
        glReadBuffer(GL_COLOR_ATTACHMENT0);
        glPixelStorei(GL_PACK_ALIGNMENT, 4);
        glReadPixels(0, 0, width, height, GL_RED, GL_FLOAT, out);
    } else {
        ov_render_log("float framebuffer %dx%d incomplete", width, height);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &fbo);
    glDeleteTextures(1, &tex);
    ok = ov_gl_ok("read_loss") && ok;
    if (ok)
        flip_rows((uint8_t *)out, (size_t)width * sizeof(float), height);
    return ok;
}
