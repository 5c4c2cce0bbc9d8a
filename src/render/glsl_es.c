/* GLSL 3.30 core -> GLSL ES 3.00 at load time: the browser build compiles
 * the same shader files with their version line replaced (see glsl_es.h). */
#include "render/glsl_es.h"

#include <stdlib.h>
#include <string.h>

static const char desktop[] = "#version 330 core\n";
static const char es[] = "#version 300 es\n"
                         "precision highp float;\n"
                         "precision highp int;\n";

char *ov_glsl_es_source(const char *const *parts, int n)
{
    size_t len = 0;
    for (int i = 0; i < n; i++)
        len += strlen(parts[i]);
    char *out = malloc(len + sizeof es);
    if (!out)
        return NULL;
    size_t o = 0;
    for (int i = 0; i < n; i++) {
        size_t l = strlen(parts[i]);
        memcpy(out + o, parts[i], l);
        o += l;
    }
    out[o] = '\0';
    char *v = strstr(out, desktop);
    if (v) {
        size_t head = (size_t)(v - out), tail = o - head - (sizeof desktop - 1);
        memmove(v + sizeof es - 1, v + sizeof desktop - 1, tail + 1);
        memcpy(v, es, sizeof es - 1);
    }
    return out;
}
