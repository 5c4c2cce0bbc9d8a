/* Shader plumbing (shader.c): the renderer's one logging function, the GL
 * error check, building programs with the info log in the error, and the
 * loss function's GLSL from the core's expression. Only src/render
 * includes this. */
#ifndef OV_RENDER_SHADER_H
#define OV_RENDER_SHADER_H

#include "render/glapi.h"
#include <stdbool.h>
#include <stddef.h>

#include "core/surface.h"

/* The renderer's one logging function: "optiviz: render: <message>". */
void ov_render_log(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
/* Drains glGetError; logs and returns false when any error was pending. */
bool ov_gl_ok(const char *where);

/* Compiles and links a program from the concatenation of vs_parts and of
 * fs_parts. Returns 0 with "<name>: <info log>" in err on failure. */
GLuint ov_gl_program(const char *name, const char *const *vs_parts, int nvs,
                     const char *const *fs_parts, int nfs, char *err, size_t cap);

/* The line of a build error worth showing a user: the first line of err
 * that mentions "error", else its first line that is not blank, trimmed,
 * into out. */
void ov_gl_error_line(const char *err, char *out, size_t cap);

/* Builds the fragment source for s's loss: the GLSL 330 header, the
 * parameters (uniforms vec4 Pa, Pb: parameter i is component i % 4 of Pa
 * for i < 4, else of Pb) and the function `float ov_loss(vec2 p)`: the
 * formula's through ov_expr_glsl, or a plane's own text. Returns a malloc'd string, or NULL with a message in err. */
char *ov_loss_glsl(const ov_surface *s, char *err, size_t cap);
/* Uploads s's parameters to the current program's Pa and Pb. */
void ov_gl_params(GLint loc_a, GLint loc_b, const ov_surface *s);

#endif
