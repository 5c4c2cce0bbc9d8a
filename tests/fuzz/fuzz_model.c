/* libFuzzer target: a model's --data text and formula on arbitrary bytes.
 * The input's first line is a typed model's formula (in t, or x1 and x2,
 * and the parameters a, b, c), the rest a data file. What parses is built
 * into a model, evaluated with its gradient and Hessian at two points and
 * written as the shaders' GLSL for a plane: nothing may crash, and the
 * logistic loss must stay finite or be reported, never read memory out of
 * bounds. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = ov_fuzz_cstr(data, size);
    if (!text)
        return 0;
    char *nl = strchr(text, '\n');
    const char *formula = text, *rows = nl ? nl + 1 : "";
    if (nl)
        *nl = 0;
    static ov_model_data d;
    char err[512], tiny[4];
    (void)ov_model_data_parse(rows, "fuzz.csv", &d, tiny, sizeof tiny);
    if (ov_model_data_parse(rows, "fuzz.csv", &d, err, sizeof err)) {
        for (int loss = 0; loss < 2; loss++) {
            ov_model *m = ov_model_create_typed(formula, "a,b,c", &d, (ov_model_loss)loss, err,
                                                sizeof err);
            if (!m)
                continue;
            double w[3] = {0.5, -1.25, 3.0}, f, g[3], h[9];
            ov_model_eval(m, w, &f, g, h);
            w[1] = 1e6;
            ov_model_eval(m, w, &f, g, NULL);
            double in[2] = {0.25, -0.5};
            (void)ov_model_predict(m, w, in);
            ov_model_plane pl;
            memset(&pl, 0, sizeof pl);
            pl.n = 3;
            pl.d1[0] = pl.d2[1] = 1.0;
            pl.nuniform = 1;
            pl.uniform_coord[0] = 2;
            free(ov_model_glsl(m, &pl, err, sizeof err));
            ov_model_destroy(m);
        }
    }
    free(text);
    return 0;
}
