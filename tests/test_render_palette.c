/* The method colours: one per method whatever its position, distinct for
 * normal vision, for the three colour-vision deficiencies and on a
 * washed-out projector; shades of one method distinct in lightness; marker
 * shapes distinct per shade. The colour science here is written from the
 * published formulas (sRGB, OKLab by Ottosson 2020, the full-severity
 * matrices of Machado, Oliveira & Fernandes 2009), not taken from the
 * program. */
#include <math.h>
#include <string.h>

#include "ov_test.h"
#include "render/render.h"

static double decode(double v)
{
    return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
}

static double encode(double v)
{
    v = v < 0 ? 0 : v > 1 ? 1 : v;
    return v <= 0.0031308 ? 12.92 * v : 1.055 * pow(v, 1 / 2.4) - 0.055;
}

static void oklab(const double srgb[3], double lab[3])
{
    double r = decode(srgb[0]), g = decode(srgb[1]), b = decode(srgb[2]);
    double l = cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
    double m = cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
    double s = cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
    lab[0] = 0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s;
    lab[1] = 1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s;
    lab[2] = 0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s;
}

enum { NORMAL, PROTAN, DEUTAN, TRITAN, PROJECTOR, NVIEWS };
static const char *const VIEW_NAME[NVIEWS] = {"normal", "protanopia", "deuteranopia",
                                             "tritanopia", "washed-out projector"};
static const double MACHADO[3][3][3] = {
    {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216},
     {-0.003882, -0.048116, 1.051998}},
    {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413},
     {-0.011820, 0.042940, 0.968881}},
    {{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602},
     {0.004733, 0.691367, 0.303900}},
};

/* How viewer `view` sees colour c, in OKLab. The projector: black raised
 * to 22%, contrast to 72%, a third of the saturation gone. */
static void seen(ov_rgba c, int view, double lab[3])
{
    double in[3] = {c.r, c.g, c.b}, out[3];
    if (view == NORMAL) {
        memcpy(out, in, sizeof out);
    } else if (view == PROJECTOR) {
        double y = 0.2126 * in[0] + 0.7152 * in[1] + 0.0722 * in[2];
        for (int k = 0; k < 3; k++)
            out[k] = 0.22 + 0.72 * (0.7 * in[k] + 0.3 * y);
    } else {
        const double(*m)[3] = MACHADO[view - PROTAN];
        double lin[3] = {decode(in[0]), decode(in[1]), decode(in[2])};
        for (int k = 0; k < 3; k++)
            out[k] = encode(m[k][0] * lin[0] + m[k][1] * lin[1] + m[k][2] * lin[2]);
    }
    oklab(out, lab);
}

static double dist(ov_rgba a, ov_rgba b, int view)
{
    double la[3], lb[3];
    seen(a, view, la);
    seen(b, view, lb);
    return sqrt((la[0] - lb[0]) * (la[0] - lb[0]) + (la[1] - lb[1]) * (la[1] - lb[1]) +
                (la[2] - lb[2]) * (la[2] - lb[2]));
}

int main(void)
{
    /* At least 10 method colours, every pair apart for every viewer; the
     * lecture's four (gd, momentum, nesterov, adam) further apart. */
    CHECK(OV_OPTIM_COUNT >= 10);
    double worst = 1e9, worst_core = 1e9;
    for (int i = 0; i < OV_OPTIM_COUNT; i++) {
        ov_rgba a = ov_method_color((ov_optim_kind)i, 0);
        double lab[3];
        seen(a, NORMAL, lab);
        const bool head = ov_method_family((ov_optim_kind)i, NULL) == (ov_optim_kind)i;
        CHECK_MSG(lab[0] >= (head ? 0.6 : 0.45), "%s's colour is too dark to read on the casing (L = %.2f)",
                  ov_optim_info_of((ov_optim_kind)i)->name, lab[0]);
        CHECK_MSG(dist(a, (ov_rgba){1, 1, 1, 1}, NORMAL) > 0.1,
                  "%s's colour is close to the minimum markers' white",
                  ov_optim_info_of((ov_optim_kind)i)->name);
        /* Whole 8-bit channels (the GIF palette keeps them exact). */
        CHECK(fabsf(a.r * 255 - roundf(a.r * 255)) < 1e-3f && fabsf(a.g * 255 - roundf(a.g * 255)) < 1e-3f &&
              fabsf(a.b * 255 - roundf(a.b * 255)) < 1e-3f);
        for (int j = 0; j < i; j++) {
            /* Members of a family wear shades of its head's hue (README:
             * the Adam variants of adam's, lbfgs of cg's), told apart as a
             * further run of one method is, by lightness, marker and dash
             * (checked below): the hues are the heads'. */
            if (ov_method_family((ov_optim_kind)i, NULL) != (ov_optim_kind)i ||
                ov_method_family((ov_optim_kind)j, NULL) != (ov_optim_kind)j)
                continue;
            ov_rgba b = ov_method_color((ov_optim_kind)j, 0);
            for (int v = 0; v < NVIEWS; v++) {
                double d = dist(a, b, v);
                CHECK_MSG(d >= 0.07, "%s and %s are %.3f apart for %s",
                          ov_optim_info_of((ov_optim_kind)i)->name,
                          ov_optim_info_of((ov_optim_kind)j)->name, d, VIEW_NAME[v]);
                worst = fmin(worst, d);
                if (i < 4)
                    worst_core = fmin(worst_core, d);
            }
        }
    }
    CHECK_MSG(worst_core >= 0.15, "gd, momentum, nesterov, adam only %.3f apart", worst_core);
    printf("method colours: closest pair %.3f (OKLab), of the lecture's four %.3f\n", worst,
           worst_core);

    /* Shades of one method: five runs of it differ in lightness, each shade
     * has its own marker, and shade 0 is the base colour. */
    for (int k = 0; k < OV_OPTIM_COUNT; k++) {
        double L[5];
        for (int s = 0; s < 5; s++) {
            double lab[3];
            seen(ov_method_color((ov_optim_kind)k, s), NORMAL, lab);
            L[s] = lab[0];
            CHECK(L[s] > 0.4);
            for (int t = 0; t < s; t++)
                CHECK_MSG(fabs(L[s] - L[t]) >= 0.05 || dist(ov_method_color((ov_optim_kind)k, s),
                                                            ov_method_color((ov_optim_kind)k, t),
                                                            NORMAL) >= 0.06,
                          "%s: shades %d and %d look alike", ov_optim_info_of((ov_optim_kind)k)->name,
                          s, t);
        }
    }
    /* Families: the Adam variants are adam's amber and lbfgs cg's brown;
     * every other method is its own head. The first runs of a family's
     * members differ in marker, and in lightness from the head. */
    static const ov_optim_kind adam_family[] = {OV_OPT_ADAM, OV_OPT_AMSGRAD, OV_OPT_NADAM,
                                                OV_OPT_RADAM, OV_OPT_ADAMAX, OV_OPT_ADAMW};
    for (int i = 0; i < 6; i++) {
        CHECK(ov_method_family(adam_family[i], NULL) == OV_OPT_ADAM);
        for (int j = 0; j < i; j++)
            CHECK_MSG(ov_method_marker(adam_family[i], 0) != ov_method_marker(adam_family[j], 0),
                      "%s and %s share a marker", ov_optim_info_of(adam_family[i])->name,
                      ov_optim_info_of(adam_family[j])->name);
    }
    CHECK(ov_method_family(OV_OPT_LBFGS, NULL) == OV_OPT_CG);
    CHECK(ov_method_marker(OV_OPT_LBFGS, 0) != ov_method_marker(OV_OPT_CG, 0));
    CHECK(ov_method_family(OV_OPT_LION, NULL) == OV_OPT_LION);
    CHECK(ov_method_family(OV_OPT_NELDER_MEAD, NULL) == OV_OPT_NELDER_MEAD);
    for (int i = 1; i < 5; i++) {
        double la[3], lb[3];
        seen(ov_method_color(adam_family[i], 0), NORMAL, la);
        seen(ov_method_color(OV_OPT_ADAM, 0), NORMAL, lb);
        CHECK_MSG(fabs(la[0] - lb[0]) >= 0.05, "%s's shade is adam's lightness",
                  ov_optim_info_of(adam_family[i])->name);
    }
    for (int s = 0; s < OV_RUN_SHADES; s++) {
        for (int t = 0; t < s; t++)
            CHECK(ov_shade_marker(s) != ov_shade_marker(t));
        CHECK(ov_shade_marker(s) != OV_MARK_STAR && ov_shade_marker(s) != OV_MARK_CROSS);
    }
    return ov_test_finish("test_render_palette");
}
