/* Shader plumbing: compiling and linking programs with the info log in the
 * error, assembling the loss function's GLSL from the core's expression, and
 * the renderer's one logging function and GL error check. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/expr.h"
#include "render/glsl_es.h"
#include "render/shader.h"

void ov_render_log(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("optiviz: render: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

bool ov_gl_ok(const char *where)
{
    bool ok = true;
    for (int i = 0; i < 16; i++) {
        GLenum e = glGetError();
        if (e == GL_NO_ERROR)
            break;
        ov_render_log("GL error 0x%04x in %s", (unsigned)e, where);
        ok = false;
    }
    return ok;
}

/* Drops the line breaks and spaces an info log ends with. */
static void trim_end(char *s)
{
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
}

/* Compiles one stage; on failure writes "<name> <stage>: <log>" into err. */
static GLuint compile(GLenum type, const char *name, const char *const *parts, int n,
                      char *err, size_t cap)
{
    GLuint sh = glCreateShader(type);
    if (!sh) {
        snprintf(err, cap, "%s: glCreateShader failed", name);
        return 0;
    }
#ifdef __EMSCRIPTEN__
    /* WebGL 2: the same text as GLSL ES 3.00. */
    const char *es[1] = {ov_glsl_es_source(parts, n)};
    if (!es[0]) {
        snprintf(err, cap, "%s: out of memory", name);
        glDeleteShader(sh);
        return 0;
    }
    glShaderSource(sh, 1, es, NULL);
    free((void *)es[0]);
#else
    glShaderSource(sh, n, parts, NULL);
#endif
    glCompileShader(sh);
    GLint ok = 0;
    glGetShaderiv(sh, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[2048] = "";
        glGetShaderInfoLog(sh, (GLsizei)sizeof log, NULL, log);
        trim_end(log);
        snprintf(err, cap, "%s %s shader: %s", name,
                 type == GL_VERTEX_SHADER ? "vertex" : "fragment", log);
        glDeleteShader(sh);
        return 0;
    }
    return sh;
}

GLuint ov_gl_program(const char *name, const char *const *vs_parts, int nvs,
                     const char *const *fs_parts, int nfs, char *err, size_t cap)
{
    GLuint vs = compile(GL_VERTEX_SHADER, name, vs_parts, nvs, err, cap);
    if (!vs)
        return 0;
    GLuint fs = compile(GL_FRAGMENT_SHADER, name, fs_parts, nfs, err, cap);
    if (!fs) {
        glDeleteShader(vs);
        return 0;
    }
    GLuint prog = glCreateProgram();
    if (!prog) {
        snprintf(err, cap, "%s: glCreateProgram failed", name);
        glDeleteShader(vs);
        glDeleteShader(fs);
        return 0;
    }
    glAttachShader(prog, vs);
    glAttachShader(prog, fs);
    glLinkProgram(prog);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(prog, GL_LINK_STATUS, &ok);
    if (!ok) {
        char log[2048] = "";
        glGetProgramInfoLog(prog, (GLsizei)sizeof log, NULL, log);
        trim_end(log);
        snprintf(err, cap, "%s link: %s", name, log);
        glDeleteProgram(prog);
        return 0;
    }
    if (!ov_gl_ok(name)) {
        snprintf(err, cap, "%s: GL error while building the program", name);
        glDeleteProgram(prog);
        return 0;
    }
    return prog;
}

void ov_gl_error_line(const char *err, char *out, size_t cap)
{
    if (!cap)
        return;
    out[0] = '\0';
    char line[512];
    bool have_any = false;
    for (const char *p = err; p && *p;) {
        const char *end = strchr(p, '\n');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        while (n && isspace((unsigned char)p[n - 1]))
            n--;
        const char *q = p;
        while (n && isspace((unsigned char)*q)) {
            q++;
            n--;
        }
        if (n >= sizeof line)
            n = sizeof line - 1;
        memcpy(line, q, n);
        line[n] = '\0';
        if (n && strstr(line, "error")) {
            snprintf(out, cap, "%s", line);
            return;
        }
        if (n && !have_any) {
            snprintf(out, cap, "%s", line);
            have_any = true;
        }
        p = end ? end + 1 : NULL;
    }
}

char *ov_loss_glsl(const ov_surface *s, char *err, size_t cap)
{
    /* Parameters arrive in two vec4 uniforms, Pa and Pb. The core emits
     * parameter i as "P[i]"; each is rewritten in place to the component
     * "Pa.x" ... "Pb.w" (same length). llvmpipe reads uniform arrays, and
     * global arrays copied from uniforms, several times slower per pixel
     * (measured: 13 of 19 ms of the 1280x720 contour pass). */
    static const char head[] = "#version 330 core\n"
                               "uniform vec4 Pa;\n"
                               "uniform vec4 Pb;\n";
    size_t hl = sizeof head - 1;
    for (size_t room = 8192; room <= (size_t)1 << 24; room *= 2) {
        char *buf = malloc(hl + room);
        if (!buf)
            break;
        memcpy(buf, head, hl);
        const char *plane = ov_surface_plane_glsl(s);
        if (plane) {
            /* A plane's text reads Pa and Pb itself. */
            size_t len = strlen(plane);
            if (len < room) {
                memcpy(buf + hl, plane, len + 1);
                return buf;
            }
            free(buf);
            continue;
        }
        int n = ov_expr_glsl(s->expr, "ov_loss", "P", buf + hl, room);
        if (n >= 0) {
            for (char *q = strstr(buf + hl, "P["); q; q = strstr(q + 4, "P[")) {
                int i = q[2] - '0';
                if (i < 0 || i >= OV_EXPR_MAX_PARAMS || q[3] != ']')
                    continue;
                q[1] = i < 4 ? 'a' : 'b';
                q[2] = '.';
                q[3] = "xyzw"[i % 4];
            }
            return buf;
        }
        free(buf);
    }
    snprintf(err, cap, "cannot emit GLSL for the surface (out of memory)");
    return NULL;
}

void ov_gl_params(GLint loc_a, GLint loc_b, const ov_surface *s)
{
    float v[8] = {0};
    for (int i = 0; i < s->nparams && i < 8; i++)
        v[i] = (float)s->params[i];
    glUniform4f(loc_a, v[0], v[1], v[2], v[3]);
    glUniform4f(loc_b, v[4], v[5], v[6], v[7]);
}
