/* Small dense linear algebra on symmetric matrices: the exact 2x2 solver
 * shared by the optimisers (Newton's direction), the theory of the
 * quadratic and the curvature panel, and the cyclic Jacobi method for the
 * n x n Hessians of models. Depends on nothing but libm. */
#ifndef OV_LINALG_H
#define OV_LINALG_H

#include <stdbool.h>

/* Eigenvalues of the symmetric matrix [[h0, h1], [h1, h2]] (h as the
 * oracle's Hessian {fxx, fxy, fyy}) in ascending order, and v[i] the unit
 * eigenvector of lambda[i]; v[0], v[1] form a right-handed orthonormal
 * basis. The smaller-magnitude eigenvalue comes from det/larger, so it keeps
 * its relative accuracy at any condition number; a diagonal matrix gets the
 * exact axes, a multiple of the identity the x and y axes. */
void ov_sym2_eigen(const double h[3], double lambda[2], double v[2][2]);

/* Most rows of a matrix ov_linalg_sym_eigen takes. */
#define OV_LINALG_MAX_N 64

/* Eigenvalues and eigenvectors of the symmetric n x n matrix a (row-major,
 * 1 <= n <= OV_LINALG_MAX_N; only its upper triangle is read) by the cyclic
 * Jacobi method: evals in ascending order, and row i of evecs (evecs[i*n +
 * k], k = 0 .. n-1) the unit eigenvector of evals[i]; the rows form an
 * orthonormal basis. Either output may alias nothing else. Returns false
 * when a holds a non-finite entry or the sweeps did not converge (the
 * outputs then hold the last iterate). */
bool ov_linalg_sym_eigen(int n, const double *a, double *evals, double *evecs);

#endif
