/* The symmetric eigen solvers of linalg.h: the 2x2 one, written to keep
 * full relative accuracy of both eigenvalues at any condition number, and
 * the cyclic Jacobi method for n x n. */
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

#define OV_JACOBI_MAX_SWEEPS 60

/* One Jacobi rotation zeroing a[p][q] (p < q) of the n x n matrix a, kept
 * symmetric in full, and the same rotation applied to the rows of v. */
static void ov_jacobi_rotate(int n, double *a, double *v, int p, int q)
{
    const double apq = a[p * n + q];
    const double theta = (a[q * n + q] - a[p * n + p]) / (2.0 * apq);
    /* The smaller root of t^2 + 2 theta t - 1 = 0: |angle| <= pi/4. */
    double t = 1.0 / (fabs(theta) + sqrt(theta * theta + 1.0));
    if (theta < 0.0)
        t = -t;
    if (!isfinite(t))
        t = 0.0;   /* theta overflowed: a[p][q] is negligible */
    const double c = 1.0 / sqrt(t * t + 1.0), s = t * c;
    for (int k = 0; k < n; k++) {
        /* Columns p and q, then rows p and q (A <- J' A J). */
        const double akp = a[k * n + p], akq = a[k * n + q];
        a[k * n + p] = c * akp - s * akq;
        a[k * n + q] = s * akp + c * akq;
    }
    for (int k = 0; k < n; k++) {
        const double apk = a[p * n + k], aqk = a[q * n + k];
        a[p * n + k] = c * apk - s * aqk;
        a[q * n + k] = s * apk + c * aqk;
    }
    a[p * n + q] = a[q * n + p] = 0.0;
    for (int k = 0; k < n; k++) {
        const double vpk = v[p * n + k], vqk = v[q * n + k];
        v[p * n + k] = c * vpk - s * vqk;
        v[q * n + k] = s * vpk + c * vqk;
    }
}

bool ov_linalg_sym_eigen(int n, const double *a, double *evals, double *evecs)
{
    double w[OV_LINALG_MAX_N * OV_LINALG_MAX_N];
    bool finite = true;
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
            /* The upper triangle, mirrored. */
            w[i * n + j] = i <= j ? a[i * n + j] : a[j * n + i];
            evecs[i * n + j] = i == j ? 1.0 : 0.0;
        }
        finite = finite && isfinite(a[i * n + i]);
        for (int j = i + 1; j < n; j++)
            finite = finite && isfinite(a[i * n + j]);
    }
    bool converged = false;
    for (int sweep = 0; finite && sweep < OV_JACOBI_MAX_SWEEPS && !converged; sweep++) {
        converged = true;
        for (int p = 0; p < n; p++) {
            for (int q = p + 1; q < n; q++) {
                const double apq = fabs(w[p * n + q]);
                if (apq == 0.0)
                    continue;
                /* After 4 sweeps an entry below rounding of both diagonal
                 * entries is set to 0 (Numerical Recipes' rule). */
                const double g = 100.0 * apq;
                if (sweep > 3 && fabs(w[p * n + p]) + g == fabs(w[p * n + p]) &&
                    fabs(w[q * n + q]) + g == fabs(w[q * n + q])) {
                    w[p * n + q] = w[q * n + p] = 0.0;
                    continue;
                }
                converged = false;
                ov_jacobi_rotate(n, w, evecs, p, q);
            }
        }
    }
    for (int i = 0; i < n; i++)
        evals[i] = w[i * n + i];
    /* Insertion sort, ascending, the eigenvector rows along. */
    for (int i = 1; i < n; i++) {
        for (int j = i; j > 0 && evals[j - 1] > evals[j]; j--) {
            const double t = evals[j];
            evals[j] = evals[j - 1];
            evals[j - 1] = t;
            for (int k = 0; k < n; k++) {
                const double e = evecs[j * n + k];
                evecs[j * n + k] = evecs[(j - 1) * n + k];
                evecs[(j - 1) * n + k] = e;
            }
        }
    }
    return finite && converged;
}
