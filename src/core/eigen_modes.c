/* The error in the Hessian's eigenvectors and each component's closed-form
 * prediction (eigen_modes.h), from theory.c's iteration matrices. */
#include "eigen_modes.h"

#include <complex.h>
#include <math.h>
#include <stdio.h>

#include "linalg.h"
#include "theory.h"

bool ov_eigen_basis_of(const ov_surface *s, const ov_run *run, ov_eigen_basis *b, char *why,
                       size_t cap)
{
    *b = (ov_eigen_basis){0};
    if (!run || run->n < 1) {
        snprintf(why, cap, "the run has no steps");
        return false;
    }
    if (run->w && run->dim > 2) {
        /* A model's run: its error has all its coordinates, most of them
         * off the slice, where a two-component picture would mislead. */
        snprintf(why, cap, "the eigen-components are drawn in two dimensions: this model's "
                 "error has %d, the slice shows 2", run->dim);
        return false;
    }
    double lx = run->x[run->n - 1], ly = run->y[run->n - 1];
    b->wx = lx;
    b->wy = ly;
    double best = INFINITY;
    for (int i = 0; i < s->nminima; i++) {
        double d = hypot(s->minima[i].x - lx, s->minima[i].y - ly);
        if (d < best) {
            best = d;
            b->wx = s->minima[i].x;
            b->wy = s->minima[i].y;
            b->known_min = true;
        }
    }
    double f, g[2], h[3];
    ov_surface_hess(s, b->wx, b->wy, &f, g, h);
    if (!isfinite(h[0]) || !isfinite(h[1]) || !isfinite(h[2])) {
        snprintf(why, cap, "the Hessian at w* = (%.4g, %.4g) is not finite", b->wx, b->wy);
        return false;
    }
    ov_sym2_eigen(h, b->lambda, b->v);
    if (!(b->lambda[0] > 0.0)) {
        snprintf(why, cap, "the Hessian at w* = (%.4g, %.4g) is not positive definite: "
                 "eigenvalues %.4g and %.4g", b->wx, b->wy, b->lambda[0], b->lambda[1]);
        return false;
    }
    return true;
}

double ov_eigen_component(const ov_eigen_basis *b, const ov_run *run, int i, int k)
{
    return b->v[i][0] * (run->x[k] - b->wx) + b->v[i][1] * (run->y[k] - b->wy);
}

static void put(double out[2], double complex z)
{
    out[0] = creal(z);
    out[1] = cimag(z);
}

static double complex get(const double in[2])
{
    /* C11's CMPLX is missing from clang 14 with glibc (the fuzzers' build);
     * a complex number is an array of its two parts (C11 6.2.5). */
    double complex z;
    double *parts = (double *)&z;
    parts[0] = in[0];
    parts[1] = in[1];
    return z;
}

bool ov_mode_predict_init(const ov_optim_params *p, double lambda, double c0, double c1,
                          ov_mode_pred *m)
{
    *m = (ov_mode_pred){0};
    ov_theory_mode mode;
    if ((p->kind != OV_OPT_GD && p->kind != OV_OPT_MOMENTUM && p->kind != OV_OPT_NESTEROV) ||
        !ov_theory_mode_of(p, lambda, &mode))
        return false;
    m->c0 = c0;
    m->c1 = c1;
    m->order = mode.order;
    if (mode.order == 1) {
        put(m->z1, mode.m[0][0]);
        put(m->a1, c0);
        return true;
    }
    /* Roots of z^2 - t z + d, t = m00, d = -m01. */
    double t = mode.m[0][0], d = -mode.m[0][1];
    double complex sq = csqrt((double complex)(t * t - 4.0 * d));
    double complex z1 = 0.5 * (t + sq), z2 = 0.5 * (t - sq);
    /* The larger root without cancellation, the other from the product. */
    if (creal(sq) * t < 0 || (creal(sq) == 0 && t < 0)) {
        z1 = 0.5 * (t - sq);
        z2 = 0.5 * (t + sq);
    }
    if (cabs(z1) > 0)
        z2 = d / z1;
    put(m->z1, z1);
    put(m->z2, z2);
    double size = cabs(z1) + cabs(z2);
    if (cabs(z1 - z2) <= OV_MODE_REPEATED * size || size == 0.0) {
        double complex z = 0.5 * (z1 + z2);
        m->repeated = true;
        put(m->z1, z);
        put(m->z2, z);
        put(m->a1, c0);
        put(m->a2, cabs(z) > 0 ? c1 / z - c0 : 0.0);
        return true;
    }
    put(m->a1, (c1 - z2 * c0) / (z1 - z2));
    put(m->a2, (z1 * c0 - c1) / (z1 - z2));
    return true;
}

/* z^k for an integer k >= 0 (exact 0^0 = 1). */
static double complex zpow(double complex z, int k)
{
    if (k == 0)
        return 1.0;
    if (cabs(z) == 0.0)
        return 0.0;
    return cpow(z, (double)k);
}

double ov_mode_predict(const ov_mode_pred *m, int k)
{
    if (k <= 0)
        return m->c0;
    if (k == 1 && m->order == 2)
        return m->c1;
    double complex z1 = get(m->z1), a1 = get(m->a1);
    if (m->order == 1)
        return creal(a1 * zpow(z1, k));
    if (m->repeated) {
        if (cabs(z1) == 0.0)
            return 0.0;
        return creal((a1 + get(m->a2) * k) * zpow(z1, k));
    }
    return creal(a1 * zpow(z1, k) + get(m->a2) * zpow(get(m->z2), k));
}
