/* The pca slice: the top two principal directions of the runs' iterates
 * about the final point, from the n x n matrix Σ (w - o)(w - o)ᵀ and its
 * eigenvectors by the cyclic Jacobi method (small n, symmetric: exact to
 * rounding, no library). See ov_slice_pca in slice.h. */
#include "slice.h"

#include <math.h>
#include <stdlib.h>

#define N OV_SLICE_MAX_DIM

/* Eigen-decomposes the symmetric n x n matrix a (row-major, destroyed: its
 * diagonal ends as the eigenvalues) by cyclic Jacobi rotations; v gets the
 * eigenvectors as columns (v[i*N + k] is coordinate i of eigenvector k).
 * Each rotation zeroes one off-diagonal entry; sweeps stop once the
 * off-diagonal part is below rounding of the whole (quadratic convergence:
 * a handful of sweeps) or after 60. */
static void jacobi(double *a, double *v, int n)
{
    for (int i = 0; i < n; i++)
        for (int k = 0; k < n; k++)
            v[i * N + k] = i == k ? 1.0 : 0.0;
    for (int sweep = 0; sweep < 60; sweep++) {
        double off = 0.0, all = 0.0;
        for (int p = 0; p < n; p++)
            for (int q = 0; q < n; q++) {
                double x = a[p * N + q] * a[p * N + q];
                all += x;
                if (p != q)
                    off += x;
            }
        if (!(off > 1e-32 * all))
            return;
        for (int p = 0; p < n - 1; p++) {
            for (int q = p + 1; q < n; q++) {
                double apq = a[p * N + q];
                if (apq == 0.0)
                    continue;
                /* The rotation J (J_pp = J_qq = c, J_pq = s, J_qp = -s)
                 * with (JᵀAJ)_pq = 0: t = tan φ the smaller root of
                 * t² + 2θt - 1 = 0, θ = (a_qq - a_pp) / (2 a_pq). */
                double theta = (a[q * N + q] - a[p * N + p]) / (2.0 * apq);
                double t = (theta >= 0.0 ? 1.0 : -1.0) / (fabs(theta) + sqrt(theta * theta + 1.0));
                if (!isfinite(t))
                    t = 0.0;   /* θ overflowed: a_pq negligible */
                double c = 1.0 / sqrt(t * t + 1.0), s = t * c;
                for (int k = 0; k < n; k++) {   /* A J: columns p and q */
                    double kp = a[k * N + p], kq = a[k * N + q];
                    a[k * N + p] = c * kp - s * kq;
                    a[k * N + q] = s * kp + c * kq;
                }
                for (int k = 0; k < n; k++) {   /* Jᵀ (A J): rows p and q */
                    double pk = a[p * N + k], qk = a[q * N + k];
                    a[p * N + k] = c * pk - s * qk;
                    a[q * N + k] = s * pk + c * qk;
                }
                a[p * N + q] = a[q * N + p] = 0.0;
                for (int k = 0; k < n; k++) {   /* V J */
                    double kp = v[k * N + p], kq = v[k * N + q];
                    v[k * N + p] = c * kp - s * kq;
                    v[k * N + q] = s * kp + c * kq;
                }
            }
        }
    }
}

/* Copies eigenvector k of v into d, its largest-magnitude coordinate (the
 * first such) made positive and its length made 1. */
static void take(const double *v, int n, int k, double *d)
{
    int big = 0;
    double len = 0.0;
    for (int i = 0; i < n; i++) {
        len += v[i * N + k] * v[i * N + k];
        if (fabs(v[i * N + k]) > fabs(v[big * N + k]))
            big = i;
    }
    double f = (v[big * N + k] < 0.0 ? -1.0 : 1.0) / sqrt(len);
    for (int i = 0; i < n; i++)
        d[i] = f * v[i * N + k];
}

bool ov_slice_pca(ov_slice *s, const double *o, const ov_slice_path *paths, int npaths)
{
    const int n = s->n;
    /* 64 KiB: on the heap (the browser's stack is small). */
    double *a = calloc(2 * (size_t)N * N, sizeof *a);
    if (!a)
        return false;
    double *v = a + (size_t)N * N;
    double total = 0.0;
    int m = ov_slice_sample_count(paths, npaths, OV_SLICE_PCA_MAX_POINTS);
    for (int k = 0; k < m; k++) {
        const double *w = ov_slice_sample_at(paths, npaths, n, m, k);
        double r[N];
        bool finite = true;
        for (int i = 0; i < n; i++) {
            r[i] = w[i] - o[i];
            finite = finite && isfinite(r[i]);
        }
        if (!finite)
            continue;
        for (int i = 0; i < n; i++) {
            total += r[i] * r[i];
            for (int j = i; j < n; j++)
                a[i * N + j] += r[i] * r[j];
        }
    }
    for (int i = 0; i < n; i++)
        for (int j = 0; j < i; j++)
            a[i * N + j] = a[j * N + i];
    jacobi(a, v, n);
    /* The two largest eigenvalues (the first index on a tie). */
    int k1 = 0, k2 = -1;
    for (int k = 1; k < n; k++)
        if (a[k * N + k] > a[k1 * N + k1])
            k1 = k;
    for (int k = 0; k < n; k++)
        if (k != k1 && (k2 < 0 || a[k * N + k] > a[k2 * N + k2]))
            k2 = k;
    for (int i = 0; i < n; i++)
        s->o[i] = o[i];
    take(v, n, k1, s->d1);
    take(v, n, k2, s->d2);
    double e = total > 0.0 ? (fmax(a[k1 * N + k1], 0.0) + fmax(a[k2 * N + k2], 0.0)) / total : 1.0;
    s->explained = e > 1.0 ? 1.0 : e;
    free(a);
    return true;
}
