/* Colours: the Okabe-Ito run palette, ordered to stay distinct on the colour
 * map, and the sequential colour map of the contour fill, derived in OKLab. */
#include <math.h>

#include "render_internal.h"

ov_rgba ov_run_color(int i)
{
    /* Vermillion, sky blue, orange, reddish purple, bluish green, blue,
     * yellow: the first three read well on every part of the map; yellow,
     * closest to the map's top end, comes last. */
    static const unsigned hex[7] = {0xD55E00, 0x56B4E9, 0xE69F00, 0xCC79A7,
                                    0x009E73, 0x0072B2, 0xF0E442};
    if (i < 0)
        i = -i;
    unsigned h = hex[i % 7];
    ov_rgba c = {(float)((h >> 16) & 255) / 255.0f, (float)((h >> 8) & 255) / 255.0f,
                 (float)(h & 255) / 255.0f, 1.0f};
    return c;
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
