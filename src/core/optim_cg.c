/* Nonlinear conjugate gradient: Polak-Ribiere+ directions and a strong
 * Wolfe line search that lands on the exact line minimum of a quadratic.
 * The rule, word for word, is in the row's info below. */
#include "optim_internal.h"

#include <math.h>
#include <stddef.h>

#define OV_LS_GROW_MIN 1.1     /* extrapolation: next trial within [1.1 t, 10 t] */
#define OV_LS_GROW_MAX 10.0
#define OV_LS_REFINE_TOL 1e-10 /* refine while |φ'(t)| > this |φ'(0)| */
#define OV_LS_REFINES 2

/* One trial of a line search: t, φ(t) = L(w + t d) and φ'(t) = g(w + t d)'d. */
typedef struct ov_ls_point {
    double a, f, s;
    bool ok;   /* f and s finite */
} ov_ls_point;

typedef struct ov_line {
    const ov_oracle *oracle;
    int n;
    double w[OV_OPTIM_MAX_DIM], d[OV_OPTIM_MAX_DIM];
    double f0, s0;        /* φ(0), φ'(0) < 0 */
    int evals;
    ov_ls_point best;     /* the Armijo point of least loss so far (a = 0: none) */
} ov_line;

/* Sufficient decrease. It implies a strict decrease, required explicitly:
 * where c1 t φ'(0) is below round-off of φ(0) the test alone would pass a
 * trial that does not lower the loss (or does not move w at all). */
static bool ov_armijo(const ov_line *ln, const ov_ls_point *pt)
{
    return pt->ok && pt->f < ln->f0 && pt->f <= ln->f0 + OV_LS_C1 * pt->a * ln->s0;
}

static bool ov_curvature(const ov_line *ln, const ov_ls_point *pt)
{
    return fabs(pt->s) <= -OV_LS_C2 * ln->s0;
}

static ov_ls_point ov_line_eval(ov_line *ln, double a)
{
    double x[OV_OPTIM_MAX_DIM], f, g[OV_OPTIM_MAX_DIM];
    for (int k = 0; k < ln->n; k++)
        x[k] = ln->w[k] + a * ln->d[k];
    ln->oracle->eval(ln->oracle->ctx, x, &f, g, NULL);
    ln->evals++;
    ov_ls_point pt = {a, f, ov_optim_dot(g, ln->d, ln->n), false};
    pt.ok = isfinite(pt.f) && isfinite(pt.s);
    if (ov_armijo(ln, &pt) && (ln->best.a == 0.0 || pt.f < ln->best.f))
        ln->best = pt;
    return pt;
}

/* The zero of the line through (p.a, p.s) and (q.a, q.s): where the
 * quadratic with these slopes has its stationary point (exact on a
 * quadratic loss). */
static double ov_secant(const ov_ls_point *p, const ov_ls_point *q)
{
    return q->a - q->s * (q->a - p->a) / (q->s - p->s);
}

/* Moves acc toward φ' = 0 by secant steps from partner (the other end of
 * its bracket, or the trial before it), keeping each new point that passes
 * Armijo with a smaller |φ'|. On a quadratic one step is exact. */
static void ov_line_refine(ov_line *ln, ov_ls_point partner, ov_ls_point *acc)
{
    for (int r = 0; r < OV_LS_REFINES; r++) {
        if (fabs(acc->s) <= -OV_LS_REFINE_TOL * ln->s0 || ln->evals >= OV_LS_MAX_EVALS ||
            !partner.ok || partner.s == acc->s)
            return;
        double a = ov_secant(&partner, acc);
        if (!(isfinite(a) && a > 0.0) || a == acc->a)
            return;
        ov_ls_point pt = ov_line_eval(ln, a);
        if (!ov_armijo(ln, &pt) || !(fabs(pt.s) < fabs(acc->s)))
            return;
        partner = *acc;
        *acc = pt;
    }
}

/* After the evaluations ran out: the best Armijo point, else no step. */
static ov_ls_result ov_line_give_up(const ov_line *ln, ov_ls_point *acc)
{
    if (ln->best.a > 0.0) {
        *acc = ln->best;
        return OV_LS_ARMIJO;
    }
    return OV_LS_FAILED;
}

/* Zoom (Nocedal & Wright, Algorithm 3.6): lo passes Armijo with the least
 * loss so far and its slope points toward hi. */
static ov_ls_result ov_line_zoom(ov_line *ln, ov_ls_point lo, ov_ls_point hi,
                                 ov_ls_point *acc)
{
    double width1 = INFINITY, width2 = INFINITY;   /* bracket widths 1 and 2 trials ago */
    for (;;) {
        const double h = hi.a - lo.a;
        if (ln->evals >= OV_LS_MAX_EVALS || fabs(h) <= 1e-15 * fmax(fabs(lo.a), fabs(hi.a)))
            return ov_line_give_up(ln, acc);
        double frac;
        if (fabs(h) > 0.5 * width2) {
            /* Two trials have not halved the bracket: bisect it, in
             * log(t) when it spans more than a factor of 4 away from 0. */
            double lo_a = fmin(lo.a, hi.a), hi_a = fmax(lo.a, hi.a);
            frac = lo_a > 0.0 && hi_a > 4.0 * lo_a ? (sqrt(lo_a * hi_a) - lo.a) / h : 0.5;
        } else if (hi.ok && hi.s * h > 0.0) {
            /* The secant zero of φ', measured from lo: no cancellation
             * when hi lies far beyond the minimum. */
            frac = lo.s / (lo.s - hi.s);
        } else if (hi.ok) {
            /* The quadratic through φ(lo), φ'(lo) and φ(hi). */
            double slope = -lo.s * h;
            frac = 0.5 * slope / (hi.f - lo.f + slope);
            frac = fmin(fmax(frac, 0.1), 0.9);
        } else {
            frac = 0.1;   /* hi is not finite: stay close to lo */
        }
        if (!(frac > 0.0 && frac < 1.0))
            frac = 0.5;
        width2 = width1;
        width1 = fabs(h);
        ov_ls_point cur = ov_line_eval(ln, lo.a + frac * h);
        if (!ov_armijo(ln, &cur) || cur.f >= lo.f) {
            hi = cur;
            continue;
        }
        if (ov_curvature(ln, &cur)) {
            *acc = cur;
            ov_line_refine(ln, hi.ok && hi.s * cur.s < 0.0 ? hi : lo, acc);
            return OV_LS_WOLFE;
        }
        if (cur.s * h >= 0.0)
            hi = lo;
        lo = cur;
    }
}

/* A line search for the strong Wolfe conditions along ln->d from a_init
 * (Nocedal & Wright, Algorithm 3.5, with secant interpolation). */
static ov_ls_result ov_line_search(ov_line *ln, double a_init, ov_ls_point *acc)
{
    ov_ls_point prev = {0.0, ln->f0, ln->s0, true};
    double a = a_init;
    for (;;) {
        if (ln->evals >= OV_LS_MAX_EVALS)
            return ov_line_give_up(ln, acc);
        ov_ls_point cur = ov_line_eval(ln, a);
        if (!ov_armijo(ln, &cur) || (prev.a > 0.0 && cur.f >= prev.f))
            return ov_line_zoom(ln, prev, cur, acc);
        if (ov_curvature(ln, &cur)) {
            *acc = cur;
            ov_line_refine(ln, prev, acc);
            return OV_LS_WOLFE;
        }
        if (cur.s >= 0.0)
            return ov_line_zoom(ln, cur, prev, acc);
        double next = cur.s > prev.s ? ov_secant(&prev, &cur) : INFINITY;
        if (!(next <= OV_LS_GROW_MAX * cur.a))
            next = OV_LS_GROW_MAX * cur.a;
        else if (next < OV_LS_GROW_MIN * cur.a)
            next = OV_LS_GROW_MIN * cur.a;
        prev = cur;
        a = next;
    }
}

ov_ls_result ov_optim_line_search(const ov_oracle *oracle, const double *w, double f0,
                                  const double *d, double s0, double a_init,
                                  double *step, int *evals)
{
    ov_line ln = {.oracle = oracle, .n = oracle->n, .f0 = f0, .s0 = s0};
    for (int k = 0; k < ln.n; k++) {
        ln.w[k] = w[k];
        ln.d[k] = d[k];
    }
    ov_ls_point acc = {0};
    ov_ls_result res = ov_line_search(&ln, a_init, &acc);
    *evals = ln.evals;
    *step = res == OV_LS_FAILED ? 0.0 : acc.a;
    return res;
}

static bool ov_cg_step(const ov_optim_params *p, ov_optim_state *st, double *w,
                       const ov_oracle *oracle)
{
    if (st->stuck)
        return ov_optim_stay(st, OV_LS_FAILED, 0);
    const int n = oracle->n;
    double f, g[OV_OPTIM_MAX_DIM];
    oracle->eval(oracle->ctx, w, &f, g, NULL);
    for (int k = 0; k < n; k++)
        if (!isfinite(g[k]))
            return false;
    const double gg = ov_optim_dot(g, g, n);
    if (gg == 0.0)
        return ov_optim_stay(st, OV_LS_NONE, 1);
    st->t++;

    /* Polak-Ribiere+ direction; steepest descent after a restart. */
    const double prev_gg = ov_optim_dot(st->cg_g, st->cg_g, n);
    const bool fresh = prev_gg == 0.0 && !(st->ls_step > 0.0);
    double beta = 0.0;
    if (prev_gg > 0.0) {
        double dg[OV_OPTIM_MAX_DIM] = {0.0};
        for (int k = 0; k < n; k++)
            dg[k] = g[k] - st->cg_g[k];
        beta = fmax(0.0, ov_optim_dot(g, dg, n) / prev_gg);
    }
    ov_line ln = {.oracle = oracle, .n = n, .f0 = f};
    for (int k = 0; k < n; k++) {
        ln.w[k] = w[k];
        ln.d[k] = -g[k] + beta * st->cg_d[k];
    }
    ln.s0 = ov_optim_dot(g, ln.d, n);
    if (!(ln.s0 < 0.0) || !isfinite(ln.s0) || !isfinite(beta)) {
        for (int k = 0; k < n; k++)
            ln.d[k] = -g[k];
        ln.s0 = -gg;
    }

    /* First trial: α, later the last step scaled by the ratio of slopes. */
    double a0 = st->ls_step > 0.0 ? st->ls_step * st->cg_slope / ln.s0 : p->alpha;
    if (!(isfinite(a0) && a0 > 0.0))
        a0 = p->alpha > 0.0 && isfinite(p->alpha) ? p->alpha : 1.0;

    ov_ls_point acc = {0};
    ov_ls_result res = isfinite(f) ? ov_line_search(&ln, a0, &acc) : OV_LS_FAILED;
    double delta[OV_OPTIM_MAX_DIM] = {0.0};
    st->ls_evals = 1 + ln.evals;
    st->ls_result = res;
    if (res == OV_LS_FAILED) {
        for (int k = 0; k < n; k++)
            st->cg_d[k] = st->cg_g[k] = 0.0;
        st->cg_slope = st->ls_step = 0.0;
        st->stuck = fresh;
        ov_optim_take(st, w, delta, oracle);
        return true;
    }
    /* After a step short of strong Wolfe the next direction restarts. */
    const bool keep = res == OV_LS_WOLFE;
    for (int k = 0; k < n; k++) {
        delta[k] = acc.a * ln.d[k];
        st->cg_d[k] = keep ? ln.d[k] : 0.0;
        st->cg_g[k] = keep ? g[k] : 0.0;
    }
    st->cg_slope = ln.s0;
    st->ls_step = acc.a;
    ov_optim_take(st, w, delta, oracle);
    return true;
}

const ov_optim_method ov_optim_cg = {
    .info = {
        .name = "cg",
        .title = "nonlinear conjugate gradient (Polak-Ribière+), strong Wolfe line search",
        .rule = "d_k = -g_k + β_k d_(k-1),  β_k = max(0, g_k'(g_k - g_(k-1)) / g_(k-1)'g_(k-1));\n"
                "d_k = -g_k at the start, when g_k'd_k >= 0, and after a search short of strong Wolfe;\n"
                "w <- w + t d_k, t from one line search per step on φ(t) = L(w + t d_k) for\n"
                "strong Wolfe: φ(t) <= φ(0) + 1e-4 t φ'(0), φ(t) < φ(0), |φ'(t)| <= 0.1 |φ'(0)|.\n"
                "Trials: first t = α, later t_(k-1) φ'_(k-1)(0) / φ'_k(0); while φ falls and φ' < 0,\n"
                "the zero of the secant of φ' clamped to [1.1 t, 10 t]; once bracketed, zoom: the\n"
                "secant zero of φ' when the ends' slopes differ in sign, else the minimum of the\n"
                "quadratic through φ(lo), φ'(lo), φ(hi) kept within 10..90% of the bracket; when two\n"
                "trials have not halved the bracket, bisect it (geometrically if it spans > 4x).\n"
                "At a strong Wolfe point up to 2 secant steps toward φ' = 0 while |φ'| > 1e-10 |φ'(0)|,\n"
                "each kept if sufficient decrease holds and |φ'| shrinks (exact on a quadratic).\n"
                "At most 30 evaluations; then the sufficient-decrease point of least loss, else w stays",
        .alpha = 1.0,
    },
    .step = ov_cg_step,
};
