/* The shaders' text for WebGL 2 (src/render/glsl_es.c): "#version 300 es"
 * on the very first line (ANGLE refuses it anywhere else, even after
 * comments), the desktop's "#version 330 core" line replaced by the
 * precisions, every other byte as it was. The expected texts are written
 * out here by hand. No GL context needed. */
#include <stdlib.h>
#include <string.h>

#include "ov_test.h"
#include "render/glsl_es.h"

int main(void)
{
    const char *parts[] = {"/* a comment */\n#version 330 core\n", "uniform vec4 Pa;\n",
                           "void main() { float a = 1.0; }\n"};
    char *es = ov_glsl_es_source(parts, 3);
    CHECK(es != NULL);
    const char *want = "#version 300 es\n/* a comment */\n"
                       "precision highp float; precision highp int;\n"
                       "uniform vec4 Pa;\nvoid main() { float a = 1.0; }\n";
    CHECK_MSG(es && strcmp(es, want) == 0, "got:\n%s", es ? es : "(null)");
    free(es);

    /* A version line not at a part's start, and only the first is replaced. */
    const char *two[] = {"#version 330 core\nA\n#version 330 core\n"};
    es = ov_glsl_es_source(two, 1);
    CHECK(es && strcmp(es, "#version 300 es\nprecision highp float; precision highp int;\nA\n"
                           "#version 330 core\n") == 0);
    free(es);

    /* No desktop version line: the ES line first, the rest unchanged. */
    const char *none[] = {"void main() {}\n"};
    es = ov_glsl_es_source(none, 1);
    CHECK(es && strcmp(es, "#version 300 es\nvoid main() {}\n") == 0);
    free(es);

    /* No parts: the version line alone. */
    es = ov_glsl_es_source(NULL, 0);
    CHECK(es && strcmp(es, "#version 300 es\n") == 0);
    free(es);
    return ov_test_finish("test_render_glsl_es");
}
