/* A typed model's data file parser (ov_model_data_parse: rows and every
 * FILE:LINE error) and the GLSL text of a model's loss on a plane
 * (ov_model_glsl: what it defines, where the plane's numbers go, the
 * stable logistic form; compiling it is test_render_* business). */
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "ov_test.h"

static ov_model_data data; /* 6 KiB: not on the stack of each check */

/* Parses text as "f.csv" and checks that it fails with a message
 * containing want. */
static void check_error(const char *text, const char *want)
{
    char err[256] = "";
    bool ok = ov_model_data_parse(text, "f.csv", &data, err, sizeof err);
    CHECK_MSG(!ok && strstr(err, want) != NULL, "for %s: got '%s', want '%s'", text, err, want);
}

static void test_parse_rows(void)
{
    char err[256] = "";
    CHECK(ov_model_data_parse("t,y\n0,1\n1,2.1\n2,2.9\n", "f.csv", &data, err, sizeof err));
    CHECK(data.ninputs == 1 && data.nrows == 3);
    CHECK(data.in[1][0] == 1.0 && data.y[1] == 2.1 && data.y[2] == 2.9);
    /* Comments, blank lines, spaces, CRLF, exponents and no final newline. */
    CHECK_MSG(ov_model_data_parse("# xor\r\n\r\n x1 , x2 ,y \r\n0,0,0\r\n\n1e0, -2.5e-1 ,1",
                                  "f.csv", &data, err, sizeof err),
              "%s", err);
    CHECK(data.ninputs == 2 && data.nrows == 2);
    CHECK(data.in[1][0] == 1.0 && data.in[1][1] == -0.25 && data.y[1] == 1.0);
    /* Exactly OV_MODEL_MAX_ROWS rows are fine. */
    char *big = malloc(20 * (OV_MODEL_MAX_ROWS + 2));
    CHECK(big != NULL);
    if (!big)
        return;
    size_t n = (size_t)sprintf(big, "t,y\n");
    for (int i = 0; i < OV_MODEL_MAX_ROWS; i++)
        n += (size_t)sprintf(big + n, "%d,%d\n", i, 2 * i);
    CHECK(ov_model_data_parse(big, "f.csv", &data, err, sizeof err));
    CHECK(data.nrows == OV_MODEL_MAX_ROWS && data.y[OV_MODEL_MAX_ROWS - 1] == 510.0);
    /* One more is an error on the line of the 257th row (header on line 1). */
    sprintf(big + n, "1,1\n");
    check_error(big, "f.csv:258: too many rows (at most 256)");
    free(big);
}

static void test_parse_errors(void)
{
    check_error("", "f.csv:1: empty file");
    check_error("\n# only a comment\n\n", "f.csv:3: empty file");
    check_error("t,y\n", "f.csv:1: no data rows after the header");
    check_error("t,y\n\n# none\n", "f.csv:3: no data rows");
    check_error("a,b\n1,2\n", "f.csv:1: the header must be t,y or x1,x2,y (found 'a,b')");
    check_error("t,x2,y\n", "f.csv:1: the header must be");
    check_error("t,y\n1,2\n3\n", "f.csv:3: expected 2 values (t,y), found 1");
    check_error("x1,x2,y\n1,2,3\n1,2,3,4\n", "f.csv:3: expected 3 values (x1,x2,y), found more");
    check_error("t,y\n1,abc\n", "f.csv:2: y = 'abc' is not a finite number");
    check_error("t,y\n1,2\n\n1x,2\n", "f.csv:4: t = '1x' is not a finite number");
    check_error("t,y\n1,\n", "f.csv:2: y = '' is not a finite number");
    check_error("t,y\nnan,1\n", "f.csv:2: t = 'nan' is not a finite number");
    check_error("t,y\n1,1e999\n", "f.csv:2: y = '1e999' is not a finite number");
}

/* The byte offset of needle in hay, or -1. */
static long find(const char *hay, const char *needle)
{
    const char *p = strstr(hay, needle);
    return p ? (long)(p - hay) : -1;
}

static void test_glsl(void)
{
    char err[256] = "";
    ov_model *m = ov_model_create_builtin("xor");
    CHECK(m != NULL);
    if (!m)
        return;
    ov_model_plane pl = {.n = 9, .nuniform = 2, .uniform_coord = {8, 3}};
    for (int k = 0; k < 9; k++)
        pl.o[k] = 0.25 * k;
    pl.d1[0] = 1.0, pl.d2[1] = -0.5, pl.d2[6] = 2.0;
    char *s = ov_model_glsl(m, &pl, err, sizeof err);
    CHECK_MSG(s != NULL, "%s", err);
    if (s) {
        CHECK(find(s, "float ov_loss(vec2 p)\n{") >= 0);
        CHECK(find(s, "float ov_mz(float ov_mi0, float ov_mi1)") >= 0);
        /* Each parameter once per pixel, from the plane. */
        CHECK(find(s, "ov_mw0 = 0.0 + p.x*1.0;") >= 0);
        CHECK(find(s, "ov_mw1 = 0.25 + p.y*(-0.5);") >= 0);
        CHECK(find(s, "ov_mw6 = 1.5 + p.y*2.0;") >= 0);
        CHECK(find(s, "ov_mw8 = Pa.x;") >= 0);   /* the first uniform slot */
        CHECK(find(s, "ov_mw3 = Pa.y;") >= 0);   /* the second */
        CHECK(find(s, "ov_mw2 = 0.5;") >= 0);
        /* The four points, baked in, with the stable logistic loss. */
        CHECK(find(s, "z = ov_mz(1.0, 0.0);") >= 0);
        CHECK(find(s, "L += max(z, 0.0) - 1.0*z + log(1.0 + exp(-abs(z)));") >= 0);
        CHECK(find(s, "tanh(") >= 0);
        CHECK(find(s, "log(0") < 0 && find(s, "log(z") < 0 && find(s, "log(1.0 - ") < 0);
        CHECK(find(s, "uniform") < 0 && find(s, "#version") < 0 && find(s, "[") < 0);
        free(s);
    }
    pl.n = 8;
    CHECK(ov_model_glsl(m, &pl, err, sizeof err) == NULL && strstr(err, "9 parameters"));
    pl.n = 9, pl.uniform_coord[1] = 9;
    CHECK(ov_model_glsl(m, &pl, err, sizeof err) == NULL && strstr(err, "coordinate 9"));
    ov_model_destroy(m);

    /* A long data set loops over a const array instead of unrolling. */
    CHECK(ov_model_data_parse("t,y\n0,0\n1,1\n2,4\n3,9\n4,16\n5,25\n6,36\n7,49\n8,64\n9,81\n"
                              "10,100\n11,121\n12,144\n13,169\n14,196\n15,225\n16,256\n",
                              "sq.csv", &data, err, sizeof err));
    m = ov_model_create_typed("a*t^2 + b", "a,b", &data, OV_MODEL_LOSS_SQUARED, err, sizeof err);
    CHECK_MSG(m != NULL, "%s", err);
    if (!m)
        return;
    ov_model_plane p2 = {.n = 2, .d1 = {1.0, 0.0}, .d2 = {0.0, 1.0}};
    s = ov_model_glsl(m, &p2, err, sizeof err);
    CHECK(s != NULL);
    if (s) {
        CHECK(find(s, "const float D[34] = float[34](0.0,0.0,1.0,1.0,2.0,4.0,") >= 0);
        CHECK(find(s, "for (int i = 0; i < 17; i++)") >= 0);
        CHECK(find(s, "z = ov_mz(D[2*i]);") >= 0);
        CHECK(find(s, "r = z - D[2*i + 1]; L += r*r;") >= 0);
        CHECK(find(s, "ov_mw1 = 0.0 + p.y*1.0;") >= 0);
        free(s);
    }
    ov_model_destroy(m);
}

int main(void)
{
    test_parse_rows();
    test_parse_errors();
    test_glsl();
    return ov_test_finish("test_core_model_data");
}
