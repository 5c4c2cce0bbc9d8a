/* L-BFGS as Nocedal & Wright write it (Numerical Optimization, 2nd ed.,
 * Algorithms 7.4 and 7.5): the two-loop recursion over the newest M pairs
 * with H0 = γ I, one iteration per step, cg's strong Wolfe line search. */
#include "optim_internal.h"

#include <math.h>
#include <stddef.h>

#define OV_LBFGS_CURV_TOL 1e-10   /* pairs with s'y <= this |s||y| are skipped */

static double ov_lb_dot(const double *a, const double *b, int n)
{
    double s = 0.0;
    for (int k = 0; k < n; k++)
        s += a[k] * b[k];
    return s;
}

static int ov_lb_cap(const ov_optim_params *p)
{
    int m = p->history;
    return m < 1 ? 1 : m > OV_LBFGS_MAX_HISTORY ? OV_LBFGS_MAX_HISTORY : m;
}

/* Stores the pair (s, y) as the newest, dropping the oldest beyond M; a
 * pair without enough positive curvature is not stored. */
static void ov_lb_push(ov_optim_state *st, int cap, const double *s, const double *y, int n)
{
    const double sy = ov_lb_dot(s, y, n);
    if (!(sy > OV_LBFGS_CURV_TOL * sqrt(ov_lb_dot(s, s, n)) * sqrt(ov_lb_dot(y, y, n))))
        return;
    st->lb_head = (st->lb_head + 1) % cap;
    for (int k = 0; k < n; k++) {
        st->lb_s[st->lb_head][k] = s[k];
        st->lb_y[st->lb_head][k] = y[k];
    }
    if (st->lb_n < cap)
        st->lb_n++;
}

/* The i-th newest pair's slot (i = 0 the newest). */
static int ov_lb_slot(const ov_optim_state *st, int cap, int i)
{
    return ((st->lb_head - i) % cap + cap) % cap;
}

/* Algorithm 7.4: r = H g with H0 = γ I, γ = s'y / y'y of the newest pair. */
static void ov_lb_two_loop(const ov_optim_state *st, int cap, const double *g, double *r, int n)
{
    double q[OV_OPTIM_MAX_DIM], a[OV_LBFGS_MAX_HISTORY];
    for (int k = 0; k < n; k++)
        q[k] = g[k];
    for (int i = 0; i < st->lb_n; i++) {
        const int j = ov_lb_slot(st, cap, i);
        a[i] = ov_lb_dot(st->lb_s[j], q, n) / ov_lb_dot(st->lb_y[j], st->lb_s[j], n);
        for (int k = 0; k < n; k++)
            q[k] -= a[i] * st->lb_y[j][k];
    }
    double gamma = 1.0;
    if (st->lb_n > 0) {
        const int j = ov_lb_slot(st, cap, 0);
        gamma = ov_lb_dot(st->lb_s[j], st->lb_y[j], n) / ov_lb_dot(st->lb_y[j], st->lb_y[j], n);
    }
    for (int k = 0; k < n; k++)
        r[k] = gamma * q[k];
    for (int i = st->lb_n - 1; i >= 0; i--) {
        const int j = ov_lb_slot(st, cap, i);
        const double b = ov_lb_dot(st->lb_y[j], r, n) / ov_lb_dot(st->lb_y[j], st->lb_s[j], n);
        for (int k = 0; k < n; k++)
            r[k] += st->lb_s[j][k] * (a[i] - b);
    }
}

static void ov_lb_forget(ov_optim_state *st)
{
    st->lb_n = 0;
    st->lb_head = 0;
    st->lb_have_prev = false;
}

static bool ov_lbfgs_step(const ov_optim_params *p, ov_optim_state *st, double *w,
                          const ov_oracle *oracle)
{
    if (st->stuck)
        return ov_optim_stay(st, OV_LS_FAILED, 0);
    const int cap = ov_lb_cap(p);
    const int n = oracle->n;
    double f, g[OV_OPTIM_MAX_DIM];
    oracle->eval(oracle->ctx, w, &f, g, NULL);
    for (int k = 0; k < n; k++)
        if (!isfinite(g[k]))
            return false;
    /* Algorithm 7.5: the pair of the step that led here. */
    if (st->lb_have_prev) {
        double y[OV_OPTIM_MAX_DIM];
        for (int k = 0; k < n; k++)
            y[k] = g[k] - st->lb_g[k];
        ov_lb_push(st, cap, st->last_delta, y, n);
    }
    const double gg = ov_lb_dot(g, g, n);
    if (gg == 0.0) {
        st->lb_have_prev = false;
        return ov_optim_stay(st, OV_LS_NONE, 1);
    }
    st->t++;
    const bool fresh = st->lb_n == 0;
    double d[OV_OPTIM_MAX_DIM];
    ov_lb_two_loop(st, cap, g, d, n);
    for (int k = 0; k < n; k++)
        d[k] = -d[k];
    double slope = ov_lb_dot(g, d, n);
    if (!(slope < 0.0) || !isfinite(slope)) {
        /* Not a descent direction (round-off): forget, go down the gradient. */
        ov_lb_forget(st);
        for (int k = 0; k < n; k++)
            d[k] = -g[k];
        slope = -gg;
    }
    /* First trial: α with no pairs (H0 = I), else the quasi-Newton step. */
    double a0 = st->lb_n > 0 ? 1.0 : p->alpha;
    if (!(isfinite(a0) && a0 > 0.0))
        a0 = 1.0;
    double step = 0.0;
    int evals = 0;
    ov_ls_result res = isfinite(f) ? ov_optim_line_search(oracle, w, f, d, slope, a0, &step, &evals)
                                   : OV_LS_FAILED;
    st->ls_evals = 1 + evals;
    st->ls_result = res;
    for (int k = 0; k < n; k++)
        st->lb_dir[k] = d[k];
    double delta[OV_OPTIM_MAX_DIM] = {0.0};
    if (res == OV_LS_FAILED) {
        st->stuck = fresh;
        ov_lb_forget(st);
        st->ls_step = 0.0;
        ov_optim_take(st, w, delta, oracle);
        return true;
    }
    for (int k = 0; k < n; k++) {
        delta[k] = step * d[k];
        st->lb_g[k] = g[k];
    }
    st->lb_have_prev = true;
    st->ls_step = step;
    ov_optim_take(st, w, delta, oracle);
    return true;
}

const ov_optim_method ov_optim_lbfgs = {
    .info = {
        .name = "lbfgs",
        .title = "L-BFGS (Nocedal & Wright, Algorithms 7.4 and 7.5), strong Wolfe line search",
        .rule = "s_i = w_(i+1) - w_i, y_i = g_(i+1) - g_i for the newest M pairs (M = :history=);\n"
                "a pair with s'y <= 1e-10 |s| |y| is not stored;  H0 = γ I, γ = s'y/y'y of the newest pair;\n"
                "d = -H g by the two-loop recursion: q = g; newest to oldest a_i = ρ_i s_i'q, q -= a_i y_i\n"
                "(ρ_i = 1/y_i's_i); r = γ q; oldest to newest b = ρ_i y_i'r, r += s_i (a_i - b); d = -r;\n"
                "d = -g when it is not a descent direction (the pairs are then dropped);\n"
                "w <- w + t d, t from cg's strong Wolfe line search (see cg), first trial 1, or α while\n"
                "no pair is stored; one iteration per step; a failed search drops the pairs, w stays",
        .alpha = 1.0, .history = 10,
        .uses_history = true,
    },
    .step = ov_lbfgs_step,
};
