/* GLSL 3.30 core -> GLSL ES 3.00 at load time: the browser build compiles
 * the same shader files with their version line replaced (see glsl_es.h). */
#include "render/glsl_es.h"

#include <stdlib.h>
#include <string.h>

static const char desktop[] = "#version 330 core\n";
/* WebGL wants the version on the very first line (GLSL ES allows comments
 * before it; ANGLE does not): it goes first, and the desktop version line
 * becomes the precisions. */
static const char version[] = "#version 300 es\n";
static const char precision[] = "precision highp float; precision highp int;\n";

char *ov_glsl_es_source(const char *const *parts, int n)
{
    size_t len = 0;
    for (int i = 0; i < n; i++)
        len += strlen(parts[i]);
    char *out = malloc(sizeof version + len + sizeof precision);
    if (!out)
        return NULL;
    size_t o = sizeof version - 1;
    memcpy(out, version, o);
    for (int i = 0; i < n; i++) {
        size_t l = strlen(parts[i]);
        memcpy(out + o, parts[i], l);
        o += l;
    }
    out[o] = '\0';
    char *v = strstr(out + sizeof version - 1, desktop);
    if (v) {
        size_t tail = o - (size_t)(v - out) - (sizeof desktop - 1);
        memmove(v + sizeof precision - 1, v + sizeof desktop - 1, tail + 1);
        memcpy(v, precision, sizeof precision - 1);
    }
    return out;
}
