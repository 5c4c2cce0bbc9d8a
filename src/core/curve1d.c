/* The curve view's numbers (see curve1d.h): loss range, plot rectangle and
 * axis ticks. */
#include "curve1d.h"

#include <math.h>

bool ov_curve_range(const ov_surface *s, double x0, double x1, double *lo, double *hi)
{
    *lo = INFINITY;
    *hi = -INFINITY;
    for (int i = 0; i < OV_CURVE_SAMPLES; i++) {
        double x = x0 + (x1 - x0) * i / (OV_CURVE_SAMPLES - 1);
        double f = ov_surface_value(s, x, 0.0);
        if (!isfinite(f))
            continue;
        *lo = fmin(*lo, f);
        *hi = fmax(*hi, f);
    }
    return *lo <= *hi;
}

ov_rect ov_curve_plot_rect(const ov_surface *s, double x0, double x1, double bottom,
                           double top)
{
    double lo, hi;
    if (!ov_curve_range(s, x0, x1, &lo, &hi)) {
        lo = -0.5;
        hi = 0.5;
    }
    if (!(hi - lo > 1e-12 * fmax(1.0, fabs(lo))) || !isfinite(hi - lo)) {
        double mid = isfinite(0.5 * (lo + hi)) ? 0.5 * (lo + hi) : 0.0;
        lo = mid - 0.5;
        hi = mid + 0.5;
    }
    double span = hi - lo, inner = 1.0 - bottom - top;
    if (!(inner > 0.05))
        inner = 0.05;
    ov_rect r = {x0, x1, lo - span * bottom / inner, hi + span * top / inner};
    return r;
}

int ov_curve_ticks(double lo, double hi, int want, double *ticks, int max)
{
    if (max > OV_CURVE_MAX_TICKS)
        max = OV_CURVE_MAX_TICKS;
    if (!(hi > lo) || !isfinite(hi - lo) || want < 1 || max < 1)
        return 0;
    double raw = (hi - lo) / want, p = pow(10.0, floor(log10(raw))), step = 10.0 * p;
    static const double mant[3] = {1.0, 2.0, 5.0};
    for (int k = 0; k < 3; k++)
        if (mant[k] * p >= raw) {
            step = mant[k] * p;
            break;
        }
    int n = 0;
    for (double t = ceil(lo / step); t * step <= hi && n < max; t += 1.0) {
        double v = t * step;
        ticks[n++] = fabs(v) < 1e-9 * step ? 0.0 : v;
    }
    return n;
}
