/* A shader that fails to compile or link: ov_gl_program returns 0 and its
 * error names the program and the stage and carries the driver's info log
 * (the offending identifier, "error", the line number). A program that is
 * fine still builds, and a long log is cut to the caller's buffer. */
#include <ctype.h>
#include <string.h>

#include "ov_gl_test.h"
#include "ov_test.h"
#include "render/shader.h"

static const char *const good_vs =
    "#version 330 core\n"
    "out vec2 v_uv;\n"
    "void main()\n"
    "{\n"
    "    v_uv = vec2(gl_VertexID & 1, gl_VertexID >> 1);\n"
    "    gl_Position = vec4(v_uv * 2.0 - 1.0, 0.0, 1.0);\n"
    "}\n";
static const char *const good_fs =
    "#version 330 core\n"
    "in vec2 v_uv;\n"
    "out vec4 o_color;\n"
    "void main()\n"
    "{\n"
    "    o_color = vec4(v_uv, 0.0, 1.0);\n"
    "}\n";
/* Line 5 uses an undeclared name. */
static const char *const bad_fs =
    "#version 330 core\n"
    "in vec2 v_uv;\n"
    "out vec4 o_color;\n"
    "void main()\n"
    "{   o_color = vec4(ov_no_such_name, 1.0);\n"
    "}\n";
/* Line 3 is not GLSL. */
static const char *const bad_vs =
    "#version 330 core\n"
    "void main()\n"
    "{   gl_Position = vec4(0.0) +* ;\n"
    "}\n";
/* Compiles, but has no main(): a link error. */
static const char *const unlinked_fs =
    "#version 330 core\n"
    "out vec4 o_color;\n"
    "void ov_not_main()\n"
    "{\n"
    "    o_color = vec4(1.0);\n"
    "}\n";

/* Case-insensitive strstr (drivers write "error", "ERROR" or "Error"). */
static bool contains_nocase(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++) {
        size_t i = 0;
        while (i < n && hay[i] &&
               tolower((unsigned char)hay[i]) == tolower((unsigned char)needle[i]))
            i++;
        if (i == n)
            return true;
    }
    return false;
}

/* True when the log cites line `line` in one of the usual forms: Mesa
 * "0:5(", NVIDIA "0(5)", AMD/others "0:5:". */
static bool cites_line(const char *log, int line)
{
    char a[16], b[16], c[16];
    snprintf(a, sizeof a, ":%d(", line);
    snprintf(b, sizeof b, "(%d)", line);
    snprintf(c, sizeof c, ":%d:", line);
    return strstr(log, a) || strstr(log, b) || strstr(log, c);
}

static void test_good_program(void)
{
    char err[2048] = "";
    GLuint prog = ov_gl_program("good", &good_vs, 1, &good_fs, 1, err, sizeof err);
    CHECK_MSG(prog != 0, "a valid program failed: %s", err);
    if (prog)
        glDeleteProgram(prog);
}

static void test_fragment_compile_error(void)
{
    char err[2048] = "";
    GLuint prog = ov_gl_program("broken-frag", &good_vs, 1, &bad_fs, 1, err, sizeof err);
    CHECK(prog == 0);
    fprintf(stderr, "(expected) %s\n", err);
    CHECK_MSG(strncmp(err, "broken-frag fragment shader: ", 29) == 0,
              "error does not name the program and stage: %s", err);
    CHECK_MSG(strstr(err, "ov_no_such_name") != NULL, "no info log text: %s", err);
    CHECK_MSG(contains_nocase(err, "error"), "info log has no 'error': %s", err);
    CHECK_MSG(cites_line(err, 5), "info log does not cite line 5: %s", err);
    CHECK(ov_gl_ok("after a failed compile"));
}

static void test_vertex_compile_error(void)
{
    char err[2048] = "";
    GLuint prog = ov_gl_program("broken-vert", &bad_vs, 1, &good_fs, 1, err, sizeof err);
    CHECK(prog == 0);
    fprintf(stderr, "(expected) %s\n", err);
    CHECK_MSG(strncmp(err, "broken-vert vertex shader: ", 27) == 0,
              "error does not name the program and stage: %s", err);
    CHECK_MSG(contains_nocase(err, "error"), "info log has no 'error': %s", err);
    CHECK_MSG(cites_line(err, 3), "info log does not cite line 3: %s", err);
}

/* The parts are concatenated: a line number counts across them. */
static void test_error_in_second_part(void)
{
    const char *const parts[] = {"#version 330 core\nout vec4 o_color;\n",
                                 "void main()\n{\n    o_color = vec4(ov_missing_2);\n}\n"};
    char err[2048] = "";
    GLuint prog = ov_gl_program("parts", &good_vs, 1, parts, 2, err, sizeof err);
    CHECK(prog == 0);
    CHECK_MSG(strstr(err, "ov_missing_2") != NULL, "no info log text: %s", err);
    CHECK_MSG(cites_line(err, 5), "info log does not cite line 5: %s", err);
}

static void test_link_error(void)
{
    char err[2048] = "";
    GLuint prog = ov_gl_program("unlinked", &good_vs, 1, &unlinked_fs, 1, err, sizeof err);
    CHECK(prog == 0);
    fprintf(stderr, "(expected) %s\n", err);
    CHECK_MSG(strncmp(err, "unlinked link: ", 15) == 0, "not a link error: %s", err);
    CHECK_MSG(strstr(err, "main") != NULL, "no info log text: %s", err);
}

/* Dozens of errors, a 40-byte buffer: cut, NUL-terminated, nothing past it. */
static void test_long_log_is_cut(void)
{
    static char src[8192];
    int n = snprintf(src, sizeof src, "#version 330 core\nout vec4 o_color;\nvoid main()\n{\n");
    for (int i = 0; i < 100; i++)
        n += snprintf(src + n, sizeof src - (size_t)n, "    o_color = vec4(bad_%d);\n", i);
    snprintf(src + n, sizeof src - (size_t)n, "}\n");
    const char *fs = src;
    char err[48];
    memset(err, 'Z', sizeof err);
    GLuint prog = ov_gl_program("long", &good_vs, 1, &fs, 1, err, 40);
    CHECK(prog == 0);
    CHECK(memchr(err, 0, 40) != NULL);
    CHECK(err[40] == 'Z' && err[47] == 'Z');
    CHECK_MSG(strncmp(err, "long fragment shader: ", 22) == 0, "got: %s", err);
}

/* The line of a build error the HUD shows: the first line mentioning
 * "error", trimmed; else the first line that is not blank; cut to fit. */
static void test_error_line(void)
{
    char out[64];
    ov_gl_error_line("contour fragment shader: 0:3(1): warning: unused\n"
                     "  0:5(12): error: `ov_x' undeclared  \r\n0:6(1): error: second\n",
                     out, sizeof out);
    CHECK_MSG(strcmp(out, "0:5(12): error: `ov_x' undeclared") == 0, "got \"%s\"", out);
    ov_gl_error_line("\n   \n  mesh link: something odd \nmore", out, sizeof out);
    CHECK_MSG(strcmp(out, "mesh link: something odd") == 0, "got \"%s\"", out);
    ov_gl_error_line("", out, sizeof out);
    CHECK(strcmp(out, "") == 0);
    char small[8];
    ov_gl_error_line("x: error: long words", small, sizeof small);
    CHECK_MSG(strcmp(small, "x: erro") == 0, "got \"%s\"", small);
    /* The line a real compile failure gives. */
    char err[2048] = "";
    CHECK(ov_gl_program("broken-frag", &good_vs, 1, &bad_fs, 1, err, sizeof err) == 0);
    ov_gl_error_line(err, out, sizeof out);
    CHECK_MSG(contains_nocase(out, "error") && !strchr(out, '\n'), "got \"%s\"", out);
}

int main(void)
{
    ov_gl_test gl;
    if (!ov_gl_test_init(&gl)) {
        fprintf(stderr, "no GL context\n");
        return 1;
    }
    test_good_program();
    test_fragment_compile_error();
    test_vertex_compile_error();
    test_error_in_second_part();
    test_link_error();
    test_long_log_is_cut();
    test_error_line();
    ov_gl_test_deinit(&gl);
    return ov_test_finish("test_render_shader");
}
