/* Nelder-Mead as scipy.optimize's non-adaptive method does it, step for
 * step: reflection 1, expansion 2, contraction 0.5, shrink 0.5, the initial
 * simplex built as scipy builds it. One step is one iteration; w is the
 * best vertex. The method never asks for a gradient. */
#include "optim_internal.h"

#include <math.h>
#include <stddef.h>


/* The loss at x; not finite counts as +infinity, so such a vertex sorts last. */
static double ov_nm_eval(ov_optim_state *st, const ov_oracle *oracle, const double *x)
{
    double f, g[OV_OPTIM_MAX_DIM];
    oracle->eval(oracle->ctx, x, &f, g, NULL);
    st->nm_evals++;
    return isfinite(f) ? f : INFINITY;
}

/* Sorts the n + 1 vertices (of nn coordinates each) by loss, ties kept in
 * order (numpy's argsort of a handful of numbers: insertion order on ties). */
static void ov_nm_sort(ov_optim_state *st, int n, int nn)
{
    for (int i = 1; i < n + 1; i++) {
        double f = st->nm_f[i], x[OV_OPTIM_MAX_DIM];
        for (int k = 0; k < nn; k++)
            x[k] = st->nm_x[i][k];
        int j = i;
        for (; j > 0 && st->nm_f[j - 1] > f; j--) {
            st->nm_f[j] = st->nm_f[j - 1];
            for (int k = 0; k < nn; k++)
                st->nm_x[j][k] = st->nm_x[j - 1][k];
        }
        st->nm_f[j] = f;
        for (int k = 0; k < nn; k++)
            st->nm_x[j][k] = x[k];
    }
}

/* scipy's initial simplex: vertex 0 is w, vertex k+1 is w with coordinate
 * k times 1.05, or 0.00025 where it is 0. */
static void ov_nm_build(ov_optim_state *st, const ov_oracle *oracle, const double *w, int n)
{
    const int nn = oracle->n;
    for (int v = 0; v < n + 1; v++) {
        for (int k = 0; k < nn; k++)   /* the others stay as in w */
            st->nm_x[v][k] = w[k];
        if (v > 0) {
            double *c = &st->nm_x[v][v - 1];
            *c = *c != 0.0 ? (1.0 + OV_NM_NONZDELT) * *c : OV_NM_ZDELT;
        }
        st->nm_f[v] = ov_nm_eval(st, oracle, st->nm_x[v]);
    }
    ov_nm_sort(st, n, nn);
    st->nm_ready = true;
}

/* (1 + c) xbar - c x_worst: reflection (c = 1), expansion (c = 2), outside
 * contraction (c = 0.5); the inside contraction is (1 - ψ) xbar + ψ x_worst. */
static void ov_nm_point(const double *xbar, const double *worst, double c, double *out,
                        int n, int nn)
{
    for (int k = 0; k < nn; k++)
        out[k] = k < n ? (1.0 + c) * xbar[k] - c * worst[k] : worst[k];
}

static void ov_nm_replace_worst(ov_optim_state *st, const double *x, double f, int n, int nn)
{
    for (int k = 0; k < nn; k++)
        st->nm_x[n][k] = x[k];
    st->nm_f[n] = f;
}

static void ov_nm_iterate(ov_optim_state *st, const ov_oracle *oracle, int n)
{
    const int nn = oracle->n;
    const double rho = OV_NM_REFLECT, chi = OV_NM_EXPAND, psi = OV_NM_CONTRACT;
    double *worst = st->nm_x[n];
    double xbar[OV_OPTIM_MAX_DIM], xr[OV_OPTIM_MAX_DIM];
    for (int k = 0; k < n; k++) {
        double sum = 0.0;
        for (int v = 0; v < n; v++)
            sum += st->nm_x[v][k];
        xbar[k] = sum / n;
    }
    ov_nm_point(xbar, worst, rho, xr, n, nn);
    const double fxr = ov_nm_eval(st, oracle, xr);
    bool shrink = false;
    if (fxr < st->nm_f[0]) {
        double xe[OV_OPTIM_MAX_DIM];
        ov_nm_point(xbar, worst, rho * chi, xe, n, nn);
        const double fxe = ov_nm_eval(st, oracle, xe);
        if (fxe < fxr) {
            ov_nm_replace_worst(st, xe, fxe, n, nn);
            st->nm_op = OV_NM_EXPANDED;
        } else {
            ov_nm_replace_worst(st, xr, fxr, n, nn);
            st->nm_op = OV_NM_REFLECTED;
        }
    } else if (fxr < st->nm_f[n - 1]) {
        ov_nm_replace_worst(st, xr, fxr, n, nn);
        st->nm_op = OV_NM_REFLECTED;
    } else if (fxr < st->nm_f[n]) {
        double xc[OV_OPTIM_MAX_DIM];
        ov_nm_point(xbar, worst, psi * rho, xc, n, nn);
        const double fxc = ov_nm_eval(st, oracle, xc);
        if (fxc <= fxr) {
            ov_nm_replace_worst(st, xc, fxc, n, nn);
            st->nm_op = OV_NM_CONTRACTED_OUT;
        } else {
            shrink = true;
        }
    } else {
        double xcc[OV_OPTIM_MAX_DIM];
        for (int k = 0; k < nn; k++)
            xcc[k] = k < n ? (1.0 - psi) * xbar[k] + psi * worst[k] : worst[k];
        const double fxcc = ov_nm_eval(st, oracle, xcc);
        if (fxcc < st->nm_f[n]) {
            ov_nm_replace_worst(st, xcc, fxcc, n, nn);
            st->nm_op = OV_NM_CONTRACTED_IN;
        } else {
            shrink = true;
        }
    }
    if (shrink) {
        for (int v = 1; v < n + 1; v++) {
            for (int k = 0; k < n; k++)
                st->nm_x[v][k] = st->nm_x[0][k] + OV_NM_SHRINK * (st->nm_x[v][k] - st->nm_x[0][k]);
            st->nm_f[v] = ov_nm_eval(st, oracle, st->nm_x[v]);
        }
        st->nm_op = OV_NM_SHRUNK;
    }
    ov_nm_sort(st, n, nn);
}

static bool ov_nelder_mead_step(const ov_optim_params *p, ov_optim_state *st, double *w,
                                const ov_oracle *oracle)
{
    (void)p;
    const int n = ov_oracle_dim(oracle);   /* the coordinates the loss has */
    if (!st->nm_ready)
        ov_nm_build(st, oracle, w, n);
    st->t++;
    ov_nm_iterate(st, oracle, n);
    double delta[OV_OPTIM_MAX_DIM] = {0.0};
    for (int k = 0; k < n; k++)
        delta[k] = st->nm_x[0][k] - w[k];
    /* The best vertex exactly, not w + delta rounded. */
    ov_optim_take(st, w, delta, oracle);
    for (int k = 0; k < n; k++)
        w[k] = st->nm_x[0][k];
    return true;
}

const ov_optim_method ov_optim_nelder_mead = {
    .info = {
        .name = "nelder-mead",
        .title = "Nelder-Mead simplex (scipy's non-adaptive method), gradient-free",
        .rule = "simplex of n+1 vertices sorted by loss, x_1 best, x_(n+1) worst; start: w and, per\n"
                "coordinate k, w with w_k × 1.05 (0.00025 where w_k = 0); x̄ = mean of all but the worst;\n"
                "x_r = 2x̄ - x_(n+1); if L(x_r) < L(x_1): x_e = 3x̄ - 2x_(n+1), keep x_e if L(x_e) < L(x_r), else x_r;\n"
                "else if L(x_r) < L(x_n): keep x_r; else if L(x_r) < L(x_(n+1)): x_c = 1.5x̄ - 0.5x_(n+1),\n"
                "keep it if L(x_c) <= L(x_r); else x_cc = 0.5x̄ + 0.5x_(n+1), keep it if L(x_cc) < L(x_(n+1));\n"
                "when nothing is kept: shrink every vertex halfway toward x_1;  one iteration per step, w = x_1;\n"
                "a tie in loss keeps the earlier vertex first; no gradient, no α",
        .alpha = 1.0,
        .lookahead = true,
        .no_alpha = true,
    },
    .step = ov_nelder_mead_step,
};
