/* The 2x2 symmetric eigen solver (see linalg.h), written to keep full
 * relative accuracy of both eigenvalues at any condition number. */
#include "linalg.h"

#include <math.h>
#include <stdbool.h>

/* a*c - b*b with one rounding (Kahan's difference of products). */
static double ov_det2(double a, double b, double c)
{
    double bb = b * b;
    double err = fma(-b, b, bb);
    return fma(a, c, -bb) + err;
}

void ov_sym2_eigen(const double h[3], double lambda[2], double v[2][2])
{
    const double a = h[0], b = h[1], c = h[2];
    if (b == 0.0) {
        /* Diagonal (or a multiple of the identity): the exact axes. */
        bool swap = a > c;
        lambda[0] = swap ? c : a;
        lambda[1] = swap ? a : c;
        v[0][0] = swap ? 0.0 : 1.0;
        v[0][1] = swap ? 1.0 : 0.0;
        v[1][0] = swap ? -1.0 : 0.0;
        v[1][1] = swap ? 0.0 : 1.0;
        return;
    }
    const double m = 0.5 * (a + c), d = 0.5 * (a - c);
    const double r = hypot(d, b);
    /* The eigenvalue of larger magnitude without cancellation, the other
     * from the determinant (accurate to a rounding or two of det). */
    double big = m >= 0.0 ? m + r : m - r;
    double det = ov_det2(a, b, c);
    double small = det / big;
    if (!isfinite(small) || big == 0.0)
        small = m >= 0.0 ? m - r : m + r;
    lambda[0] = m >= 0.0 ? small : big;
    lambda[1] = m >= 0.0 ? big : small;
    if (lambda[0] > lambda[1]) {
        double t = lambda[0];
        lambda[0] = lambda[1];
        lambda[1] = t;
    }
    /* The larger eigenvalue's eigenvector from whichever row of H - lambda1 I
     * has no cancellation: lambda1 - c = r + d when d > 0, else
     * lambda1 - a = r - d. */
    double ex = d > 0.0 ? r + d : b, ey = d > 0.0 ? b : r - d;
    const double n = hypot(ex, ey);
    ex /= n;
    ey /= n;
    v[1][0] = ex;
    v[1][1] = ey;
    v[0][0] = ey;
    v[0][1] = -ex;
}
