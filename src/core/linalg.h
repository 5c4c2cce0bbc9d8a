/* Small dense linear algebra on 2x2 symmetric matrices, shared by the
 * optimisers (Newton's direction), the theory of the quadratic and the
 * curvature panel. Depends on nothing but libm. */
#ifndef OV_LINALG_H
#define OV_LINALG_H

/* Eigenvalues of the symmetric matrix [[h0, h1], [h1, h2]] (h as the
 * oracle's Hessian {fxx, fxy, fyy}) in ascending order, and v[i] the unit
 * eigenvector of lambda[i]; v[0], v[1] form a right-handed orthonormal
 * basis. The smaller-magnitude eigenvalue comes from det/larger, so it keeps
 * its relative accuracy at any condition number; a diagonal matrix gets the
 * exact axes, a multiple of the identity the x and y axes. */
void ov_sym2_eigen(const double h[3], double lambda[2], double v[2][2]);

#endif
