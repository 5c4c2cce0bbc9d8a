/* Colours: one fixed colour per method (and its shades for several runs of
 * the same method), the marker shapes that go with the shades, and the
 * sequential colour map of the contour fill, derived in OKLab. */
#include <math.h>

#include "render/palette.h"

/* The method colours, in ov_optim_kind order, chosen by a search over sRGB
 * so that every pair
 * stays apart in OKLab for normal vision, for protanopia, deuteranopia and
 * tritanopia (Machado et al. 2009, full severity) and on a washed-out
 * projector (raised black, less contrast and saturation): at least 0.08
 * apart under each, and the lecture's four methods, gd, momentum, nesterov
 * and adam, at least 0.17. All are light enough (OKLab L >= 0.6) to read
 * against the dark casing on every part of the colour map, and none is
 * near the white of the minimum markers. test_render_palette measures
 * these distances. */
static const unsigned OV_METHOD_HEX[] = {
    0xEC2773, /* gd: crimson */
    0x0BE2FF, /* momentum: cyan */
    0x447CFF, /* nesterov: blue */
    0xF1AF1F, /* adam: amber */
    0xCEE700, /* rmsprop: lime */
    0xA0D8AE, /* adagrad: mint */
    0x96A964, /* adadelta: olive */
    0xAB6CBB, /* rprop: purple (shown beside adam in preset 6) */
    0xC2720D, /* cg: brown-orange */
    0xFF76C1, /* newton: pink */
    0, 0, 0, 0, 0,   /* amsgrad, nadam, radam, adamax, adamw: shades of adam */
    0x84A9FE, /* lion: periwinkle */
    0,        /* lbfgs: a shade of cg */
    0xF6FFAC, /* nelder-mead: pale yellow */
    0x25DA6F, /* rule: green */
};
_Static_assert(sizeof OV_METHOD_HEX / sizeof OV_METHOD_HEX[0] == OV_OPTIM_COUNT,
               "every method needs its row");

/* Methods of one family wear the family head's hue at their own shade, with
 * that shade's marker and dash (as a further run of the head would): the
 * Adam variants around adam's amber, lbfgs around cg's brown. The new hues
 * were found by the same search as the others: lion and nelder-mead at
 * least 0.095 apart from every hue above under all five views, rule's green
 * 0.074. */
ov_optim_kind ov_method_family(ov_optim_kind kind, int *offset)
{
    int off = 0;
    ov_optim_kind head = kind;
    switch (kind) {
    case OV_OPT_AMSGRAD: head = OV_OPT_ADAM; off = 1; break;
    case OV_OPT_NADAM: head = OV_OPT_ADAM; off = 2; break;
    case OV_OPT_RADAM: head = OV_OPT_ADAM; off = 3; break;
    case OV_OPT_ADAMAX: head = OV_OPT_ADAM; off = 4; break;
    case OV_OPT_ADAMW: head = OV_OPT_ADAM; off = 5; break;
    case OV_OPT_LBFGS: head = OV_OPT_CG; off = 1; break;
    default: break;
    }
    if (offset)
        *offset = off;
    return head;
}

static void oklab_to_linear(double L, double a, double b, double rgb[3]);
static double srgb_encode(double v);

static double srgb_decode(double v)
{
    return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
}

/* Linear sRGB to OKLab (Ottosson 2020). */
static void linear_to_oklab(const double rgb[3], double lab[3])
{
    double l = 0.4122214708 * rgb[0] + 0.5363325363 * rgb[1] + 0.0514459929 * rgb[2];
    double m = 0.2119034982 * rgb[0] + 0.6806995451 * rgb[1] + 0.1073969566 * rgb[2];
    double s = 0.0883024619 * rgb[0] + 0.2817188376 * rgb[1] + 0.6299787005 * rgb[2];
    l = cbrt(l);
    m = cbrt(m);
    s = cbrt(s);
    lab[0] = 0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s;
    lab[1] = 1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s;
    lab[2] = 0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s;
}

/* OKLab lightness of shade k (k >= 1) of a colour of lightness base: a
 * step of 0.1 lighter, then darker, then two steps lighter, ..., skipping
 * levels outside [0.45, 0.96] (too dark to read on the casing, or white);
 * when the levels run out, they repeat. */
static double shade_lightness(double base, int shade)
{
    double levels[16];
    int n = 0;
    for (int j = 1; j <= 32 && n < 16; j++) {
        double L = base + 0.1 * ((j + 1) / 2) * (j % 2 ? 1 : -1);
        if (L >= 0.45 && L <= 0.96)
            levels[n++] = L;
    }
    return n ? levels[(shade - 1) % n] : base;
}

/* How many distinct lightness levels a colour of lightness base has: its
 * own and those of shade_lightness. */
static int shade_levels(double base)
{
    int n = 1;
    for (int j = 1; j <= 32; j++) {
        double L = base + 0.1 * ((j + 1) / 2) * (j % 2 ? 1 : -1);
        n += L >= 0.45 && L <= 0.96;
    }
    return n;
}

ov_rgba ov_method_color(ov_optim_kind kind, int shade)
{
    int offset = 0;
    kind = ov_method_family((ov_optim_kind)((unsigned)kind % OV_OPTIM_COUNT), &offset);
    unsigned h = OV_METHOD_HEX[kind];
    double rgb[3] = {((h >> 16) & 255) / 255.0, ((h >> 8) & 255) / 255.0, (h & 255) / 255.0};
    shade = shade < 0 ? 0 : shade % OV_RUN_SHADES;
    double lin[3], lab[3];
    for (int c = 0; c < 3; c++)
        lin[c] = srgb_decode(rgb[c]);
    linear_to_oklab(lin, lab);
    /* A family member counts its shades from its offset, over the levels the
     * hue has, so five runs of any member still differ in lightness. */
    if (offset > 0)
        shade = (offset + shade) % shade_levels(lab[0]);
    if (shade > 0) {
        double L = shade_lightness(lab[0], shade);
        /* Keep the hue; lower the chroma until the colour is in gamut. */
        for (int k = 0; k < 64; k++) {
            oklab_to_linear(L, lab[1], lab[2], lin);
            if (lin[0] >= 0 && lin[0] <= 1 && lin[1] >= 0 && lin[1] <= 1 && lin[2] >= 0 &&
                lin[2] <= 1)
                break;
            lab[1] *= 0.93;
            lab[2] *= 0.93;
        }
        for (int c = 0; c < 3; c++)
            rgb[c] = srgb_encode(fmin(fmax(lin[c], 0.0), 1.0));
    }
    ov_rgba out = {(float)rgb[0], (float)rgb[1], (float)rgb[2], 1.0f};
    /* Whole 8-bit values, so exports (the GIF palette) reproduce them exactly. */
    out.r = roundf(out.r * 255.0f) / 255.0f;
    out.g = roundf(out.g * 255.0f) / 255.0f;
    out.b = roundf(out.b * 255.0f) / 255.0f;
    return out;
}

ov_marker ov_method_marker(ov_optim_kind kind, int shade)
{
    int offset = 0;
    ov_method_family(kind, &offset);
    return ov_shade_marker((shade < 0 ? 0 : shade) + offset);
}

ov_marker ov_shade_marker(int shade)
{
    static const ov_marker order[OV_RUN_SHADES] = {
        OV_MARK_CIRCLE, OV_MARK_SQUARE, OV_MARK_TRIANGLE, OV_MARK_DIAMOND, OV_MARK_TRIANGLE_DOWN,
        OV_MARK_HEXAGON};
    return order[(shade < 0 ? 0 : shade) % OV_RUN_SHADES];
}

int ov_run_default_shade(const ov_scene *sc, int i)
{
    int k = 0;
    for (int j = 0; j < i && j < sc->nruns; j++)
        k += sc->runs[j].params.kind == sc->runs[i].params.kind;
    return k;
}

/* OKLab (Ottosson 2020) to linear sRGB. */
static void oklab_to_linear(double L, double a, double b, double rgb[3])
{
    double l = L + 0.3963377774 * a + 0.2158037573 * b;
    double m = L - 0.1055613458 * a - 0.0638541728 * b;
    double s = L - 0.0894841775 * a - 1.2914855480 * b;
    l = l * l * l;
    m = m * m * m;
    s = s * s * s;
    rgb[0] = 4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s;
    rgb[1] = -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s;
    rgb[2] = -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s;
}

static double srgb_encode(double v)
{
    if (v <= 0.0031308)
        return 12.92 * v;
    return 1.055 * pow(v, 1.0 / 2.4) - 0.055;
}

void ov_colormap_fill(uint8_t *rgb)
{
    const double pi = 3.14159265358979323846;
    for (int i = 0; i < OV_CMAP_SIZE; i++) {
        double t = (double)i / (OV_CMAP_SIZE - 1);
        double L = 0.30 + 0.64 * t;
        double hue = (285.0 - 180.0 * t) * pi / 180.0;
        /* Kept under the gamut's limit (lowest near cyan), so the map is
         * smooth and a short polynomial reproduces it. */
        double chroma = 0.085 + 0.07 * pow(t, 2.5) + 0.06 * pow(1.0 - t, 6.0);
        double lin[3];
        /* Lower the chroma (should it not fit) until the colour is in gamut. */
        for (int k = 0; k < 64; k++) {
            oklab_to_linear(L, chroma * cos(hue), chroma * sin(hue), lin);
            if (lin[0] >= 0 && lin[0] <= 1 && lin[1] >= 0 && lin[1] <= 1 && lin[2] >= 0 &&
                lin[2] <= 1)
                break;
            chroma *= 0.95;
        }
        for (int c = 0; c < 3; c++) {
            double v = srgb_encode(fmin(fmax(lin[c], 0.0), 1.0));
            rgb[i * 3 + c] = (uint8_t)lround(v * 255.0);
        }
    }
}

/* Solves the n x n system a x = b in place (Gaussian elimination with
 * partial pivoting); a is row-major. */
static void solve(double *a, double *b, int n)
{
    for (int c = 0; c < n; c++) {
        int piv = c;
        for (int r = c + 1; r < n; r++)
            if (fabs(a[r * n + c]) > fabs(a[piv * n + c]))
                piv = r;
        for (int k = 0; k < n; k++) {
            double t = a[c * n + k];
            a[c * n + k] = a[piv * n + k];
            a[piv * n + k] = t;
        }
        double t = b[c];
        b[c] = b[piv];
        b[piv] = t;
        for (int r = c + 1; r < n; r++) {
            double f = a[r * n + c] / a[c * n + c];
            for (int k = c; k < n; k++)
                a[r * n + k] -= f * a[c * n + k];
            b[r] -= f * b[c];
        }
    }
    for (int c = n - 1; c >= 0; c--) {
        for (int k = c + 1; k < n; k++)
            b[c] -= a[c * n + k] * b[k];
        b[c] /= a[c * n + c];
    }
}

double ov_colormap_poly(float coef[OV_CMAP_POLY][3])
{
    uint8_t rgb[OV_CMAP_SIZE * 3];
    ov_colormap_fill(rgb);
    enum { N = OV_CMAP_POLY };
    double worst = 0.0;
    for (int ch = 0; ch < 3; ch++) {
        double a[N * N] = {0}, b[N] = {0};
        for (int i = 0; i < OV_CMAP_SIZE; i++) {
            double x = 2.0 * i / (OV_CMAP_SIZE - 1) - 1.0, pw[N];
            pw[0] = 1.0;
            for (int k = 1; k < N; k++)
                pw[k] = pw[k - 1] * x;
            double y = rgb[i * 3 + ch] / 255.0;
            for (int r = 0; r < N; r++) {
                b[r] += pw[r] * y;
                for (int c = 0; c < N; c++)
                    a[r * N + c] += pw[r] * pw[c];
            }
        }
        solve(a, b, N);
        for (int k = 0; k < N; k++)
            coef[k][ch] = (float)b[k];
        for (int i = 0; i < OV_CMAP_SIZE; i++) {
            double x = 2.0 * i / (OV_CMAP_SIZE - 1) - 1.0, v = 0.0;
            for (int k = N - 1; k >= 0; k--)
                v = v * x + b[k];
            double e = fabs(v - rgb[i * 3 + ch] / 255.0);
            worst = e > worst ? e : worst;
        }
    }
    return worst;
}
