/* The 3-D surface pass: a grid mesh whose heights the vertex shader computes
 * from the surface's emitted GLSL (the same ov_loss the contour pass uses),
 * coloured and iso-lined per fragment as in 2-D and lit; standing on side
 * walls. The image and its depth are kept and copied on frames where
 * nothing it depends on changed (camera, heights, surface, size, style),
 * so paths animate over it at the cost of a copy. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/mesh.h"
#include "render/shader.h"

extern const char ov_shader_mesh_vert[];
extern const char ov_shader_mesh_frag[];
extern const char ov_shader_levels_frag[];

/* Vertices of the grid, then the walls' (see mesh.vert). */
static int grid_vertices(int n)
{
    return (n + 1) * (n + 1);
}

/* Builds the index buffer: two triangles per grid cell, two per wall quad. */
static bool build_indices(ov_mesh *m)
{
    int n = m->grid, n1 = n + 1;
    size_t count = (size_t)n * n * 6 + (size_t)4 * n * 6;
    GLuint *idx = malloc(count * sizeof *idx);
    if (!idx)
        return false;
    size_t k = 0;
    for (int j = 0; j < n; j++)
        for (int i = 0; i < n; i++) {
            GLuint a = (GLuint)(j * n1 + i), b = a + 1, c = a + (GLuint)n1, d = c + 1;
            idx[k++] = a;
            idx[k++] = b;
            idx[k++] = d;
            idx[k++] = a;
            idx[k++] = d;
            idx[k++] = c;
        }
    GLuint base = (GLuint)grid_vertices(n);
    for (int side = 0; side < 4; side++)
        for (int i = 0; i < n; i++) {
            GLuint f0 = base + (GLuint)(side * 2 * n1 + 2 * i), t0 = f0 + 1, f1 = f0 + 2,
                   t1 = f0 + 3;
            idx[k++] = f0;
            idx[k++] = f1;
            idx[k++] = t1;
            idx[k++] = f0;
            idx[k++] = t1;
            idx[k++] = t0;
        }
    glBindVertexArray(m->vao);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, m->ebo);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, (GLsizeiptr)(k * sizeof *idx), idx, GL_STATIC_DRAW);
    glBindVertexArray(0);
    free(idx);
    m->nindices = (GLsizei)k;
    return ov_gl_ok("mesh indices");
}

bool ov_mesh_init(ov_mesh *m, char *err, size_t cap)
{
    memset(m, 0, sizeof *m);
    m->grid = OV_MESH_GRID;
    glGenVertexArrays(1, &m->vao);
    glGenBuffers(1, &m->ebo);
    glGenFramebuffers(1, &m->cache_fbo);
    glGenTextures(1, &m->cache_color);
    glGenTextures(1, &m->cache_depth);
    if (!ov_gl_ok("mesh objects") || !build_indices(m)) {
        snprintf(err, cap, "cannot create the 3-D surface mesh");
        return false;
    }
    return true;
}

void ov_mesh_deinit(ov_mesh *m)
{
    if (m->prog)
        glDeleteProgram(m->prog);
    if (m->ebo)
        glDeleteBuffers(1, &m->ebo);
    if (m->vao)
        glDeleteVertexArrays(1, &m->vao);
    if (m->cache_fbo)
        glDeleteFramebuffers(1, &m->cache_fbo);
    if (m->cache_color)
        glDeleteTextures(1, &m->cache_color);
    if (m->cache_depth)
        glDeleteTextures(1, &m->cache_depth);
    memset(m, 0, sizeof *m);
}

void ov_mesh_drop_cache(ov_mesh *m)
{
    if (m->cache_w == 0)
        return;
    glDeleteFramebuffers(1, &m->cache_fbo);
    glDeleteTextures(1, &m->cache_color);
    glDeleteTextures(1, &m->cache_depth);
    glGenFramebuffers(1, &m->cache_fbo);
    glGenTextures(1, &m->cache_color);
    glGenTextures(1, &m->cache_depth);
    m->cache_w = m->cache_h = 0;
    m->cache_valid = false;
    m->image_kept = false;
    ov_gl_ok("mesh cache dropped");
}

bool ov_mesh_set_surface(ov_mesh *m, ov_contour *c, const ov_surface *s, char *err, size_t cap)
{
    const char *src = ov_surface_key(s);
    if (m->prog && strcmp(src, m->formula) == 0)
        return true;
    if (m->failed[0] && strcmp(src, m->failed) == 0) {
        snprintf(err, cap, "%s", m->failed_err);
        return false;
    }
    char *loss = ov_loss_glsl(s, err, cap);
    if (!loss)
        return false;
    const char *vs[] = {loss, m->test_glsl ? m->test_glsl : "", ov_shader_mesh_vert};
    const char *fs[] = {"#version 330 core\n", ov_contour_cmap_glsl(c), ov_shader_levels_frag,
                        ov_shader_mesh_frag};
    GLuint prog = ov_gl_program("mesh", vs, 3, fs, 4, err, cap);
    free(loss);
    if (!prog) {
        ov_render_log("%s", err);
        snprintf(m->failed, sizeof m->failed, "%s", src);
        snprintf(m->failed_err, sizeof m->failed_err, "%s", err);
        return false;
    }
    if (m->prog)
        glDeleteProgram(m->prog);
    m->prog = prog;
    m->failed[0] = '\0';
    snprintf(m->formula, sizeof m->formula, "%s", src);
    static const char *const names[OV_MESH_UNIFORMS] = {
        "Pa", "Pb", "u_mvp", "u_rect", "u_extent", "u_height", "u_logh", "u_grid",
        "u_level", "u_cmap_range", "u_line", "u_light"};
    for (int i = 0; i < OV_MESH_UNIFORMS; i++)
        m->u[i] = glGetUniformLocation(prog, names[i]);
    m->cache_valid = false;
    if (!ov_gl_ok("mesh uniforms")) {
        snprintf(err, cap, "mesh: GL error while looking up its uniforms");
        return false;
    }
    return true;
}

/* Everything the surface image depends on. */
static void make_key(ov_mesh_key *k, const ov_surface *s, const ov_view *v, float px_scale,
                     bool strong)
{
    memset(k, 0, sizeof *k);
    memcpy(k->mvp, v->mvp, sizeof k->mvp);
    k->rect = v->rect;
    k->width = v->width;
    k->height = v->height;
    k->relief = v->relief;
    k->log_height = v->log_height;
    k->range = v->range;
    memcpy(k->params, s->params, sizeof k->params);
    k->surface = s;
    k->px_scale = px_scale;
    k->strong = strong;
}

/* (Re)allocates the cached colour and depth images at width x height. */
static bool cache_storage(ov_mesh *m, int width, int height)
{
    if (m->cache_w == width && m->cache_h == height)
        return true;
    glBindTexture(GL_TEXTURE_2D, m->cache_color);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, NULL);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glBindTexture(GL_TEXTURE_2D, m->cache_depth);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_DEPTH_COMPONENT24, width, height, 0, GL_DEPTH_COMPONENT,
                 GL_UNSIGNED_INT, NULL);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glBindTexture(GL_TEXTURE_2D, 0);
    glBindFramebuffer(GL_FRAMEBUFFER, m->cache_fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, m->cache_color, 0);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_TEXTURE_2D, m->cache_depth, 0);
    bool ok = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    if (!ok || !ov_gl_ok("mesh cache storage")) {
        ov_render_log("3-D surface cache %dx%d incomplete", width, height);
        m->cache_w = m->cache_h = 0;
        return false;
    }
    m->cache_w = width;
    m->cache_h = height;
    return true;
}

/* The light: above, a little to the left of and behind the camera, so the
 * side facing the viewer is lit at every azimuth. */
static void light_dir(const ov_view *v, float out[3])
{
    double b[3], len = 0;
    for (int i = 0; i < 3; i++) {
        b[i] = v->eye[i] - v->target[i];
        len += b[i] * b[i];
    }
    len = sqrt(len);
    double u[3] = {v->up[0], v->up[1], v->up[2]};
    /* right = up x back */
    double r[3] = {u[1] * b[2] - u[2] * b[1], u[2] * b[0] - u[0] * b[2], u[0] * b[1] - u[1] * b[0]};
    double rl = sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]);
    double l[3], ll = 0;
    for (int i = 0; i < 3; i++) {
        l[i] = 0.55 * b[i] / len + 0.65 * u[i] - 0.35 * (rl > 0 ? r[i] / rl : 0) + 0.3 * (i == 2);
        ll += l[i] * l[i];
    }
    ll = sqrt(ll);
    for (int i = 0; i < 3; i++)
        out[i] = (float)(l[i] / ll);
}

/* Clears and draws the surface into the bound framebuffer. */
static bool draw_pass(ov_mesh *m, const ov_surface *s, const ov_view *v, float px_scale,
                      bool strong)
{
    const ov_loss_range *lr = &v->range;
    glClearColor(0.10f, 0.11f, 0.13f, 1.0f);
    glClearDepth(1.0);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LESS);
    glDepthMask(GL_TRUE);
    glUseProgram(m->prog);
    ov_gl_params(m->u[OV_MU_PA], m->u[OV_MU_PB], s);
    glUniformMatrix4fv(m->u[OV_MU_MVP], 1, GL_FALSE, v->mvp);
    ov_rect r = v->rect;
    glUniform4f(m->u[OV_MU_RECT], (float)r.x0, (float)r.y0, (float)(r.x1 - r.x0),
                (float)(r.y1 - r.y0));
    glUniform2f(m->u[OV_MU_EXTENT], (float)v->ax, (float)v->ay);
    glUniform4f(m->u[OV_MU_HEIGHT], (float)lr->lref, (float)(1.0 / (lr->lmax - lr->lref)),
                (float)v->relief, (float)ov_view_floor(v));
    glUniform4f(m->u[OV_MU_LOGH], v->log_height ? 1.0f : 0.0f, (float)lr->delta,
                (float)(lr->top - OV_CMAP_DECADES), (float)(1.0 / OV_CMAP_DECADES));
    glUniform1i(m->u[OV_MU_GRID], m->grid);
    ov_contour_uniforms(m->u[OV_MU_LEVEL], m->u[OV_MU_CMAP], m->u[OV_MU_LINE], lr, px_scale,
                        strong);
    float l[3];
    light_dir(v, l);
    glUniform3f(m->u[OV_MU_LIGHT], l[0], l[1], l[2]);
    glBindVertexArray(m->vao);
    glDrawElements(GL_TRIANGLES, m->nindices, GL_UNSIGNED_INT, NULL);
    glBindVertexArray(0);
    glDisable(GL_DEPTH_TEST);
    return ov_gl_ok("mesh pass");
}

/* Copies the cached colour and depth into dst_fbo and leaves it bound. */
static bool copy_cache(ov_mesh *m, int w, int h, GLuint dst_fbo)
{
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m->cache_fbo);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, dst_fbo);
    glBlitFramebuffer(0, 0, w, h, 0, 0, w, h, GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT,
                      GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, dst_fbo);
    return ov_gl_ok("mesh copy");
}

bool ov_mesh_draw(ov_mesh *m, const ov_surface *s, const ov_view *v, float px_scale,
                  bool strong, GLuint dst_fbo)
{
    m->image_kept = false;
    if (!m->prog)
        return false;
    int w = v->width, h = v->height;
    ov_mesh_key key;
    make_key(&key, s, v, px_scale, strong);
    if (m->cache_valid && memcmp(&key, &m->key, sizeof key) == 0)
        return m->image_kept = copy_cache(m, w, h, dst_fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, dst_fbo);
    m->cache_valid = false;
    if (!draw_pass(m, s, v, px_scale, strong))
        return false;
    if (!cache_storage(m, w, h)) {
        glBindFramebuffer(GL_FRAMEBUFFER, dst_fbo);
        return true;
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, dst_fbo);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, m->cache_fbo);
    glBlitFramebuffer(0, 0, w, h, 0, 0, w, h, GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT,
                      GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, dst_fbo);
    m->key = key;
    /* A copy that failed leaves the frame drawn, only not kept. */
    m->cache_valid = m->image_kept = ov_gl_ok("mesh cache");
    return true;
}

bool ov_mesh_show_last(ov_mesh *m, int width, int height, GLuint dst_fbo)
{
    if (!m->image_kept || m->cache_w != width || m->cache_h != height)
        return false;
    return copy_cache(m, width, height, dst_fbo);
}
