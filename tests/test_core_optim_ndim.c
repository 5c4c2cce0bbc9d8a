/* Every optimiser on nine parameters: the per-coordinate methods against a
 * plain loop written here from each method's published rule (the rule text
 * of --list-optimizers), on a rotated quadratic plus a quartic term; the
 * methods that use the Hessian, line searches or a simplex through
 * properties that pin their rule (Newton's exact step and its saddle-free
 * direction V|Λ|^-1V'g, conjugate gradient's n-step termination, L-BFGS's
 * two-loop direction from one pair, scipy's first simplex of n + 1
 * vertices). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/objective.h"
#include "core/optim.h"
#include "core/rule.h"
#include "core/run.h"
#include "ov_test.h"

#define N 9
#define STEPS 50

/* A Householder matrix I - 2vv'/v'v (symmetric and orthogonal), v_k =
 * cos(1.7k + seed) + 0.2. */
static void householder(double *qm, int n, double seed)
{
    double v[N], vv = 0.0;
    for (int k = 0; k < n; k++) {
        v[k] = cos(1.7 * k + seed) + 0.2;
        vv += v[k] * v[k];
    }
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            qm[i * n + j] = (i == j ? 1.0 : 0.0) - 2.0 * v[i] * v[j] / vv;
}

/* L(w) = ½ (w-c)'A(w-c) + q/4 Σ w_k^4, A symmetric positive definite and
 * not diagonal: A = Q diag(0.5, 0.9, ..., 3.7) Q', Q a Householder matrix
 * (nine distinct eigenvalues along rotated axes). */
typedef struct quartic {
    double a[N * N], c[N], q;
} quartic;

static void quartic_make(quartic *p, double q)
{
    double qm[N * N];
    householder(qm, N, 1.1);
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) {
            double s = 0.0;
            for (int k = 0; k < N; k++)
                s += qm[i * N + k] * (0.5 + 0.4 * k) * qm[j * N + k];
            p->a[i * N + j] = s;
        }
        p->c[i] = cos(i + 0.5);
    }
    p->q = q;
}

static void quartic_eval(const void *ctx, const double *w, double *f, double *g, double *h)
{
    const quartic *p = ctx;
    double d[N], ad[N], sum = 0.0;
    for (int i = 0; i < N; i++)
        d[i] = w[i] - p->c[i];
    for (int i = 0; i < N; i++) {
        ad[i] = 0.0;
        for (int j = 0; j < N; j++)
            ad[i] += p->a[i * N + j] * d[j];
        sum += 0.5 * d[i] * ad[i] + 0.25 * p->q * w[i] * w[i] * w[i] * w[i];
    }
    *f = sum;
    if (g)
        for (int i = 0; i < N; i++)
            g[i] = ad[i] + p->q * w[i] * w[i] * w[i];
    if (h)
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++)
                h[i * N + j] = p->a[i * N + j] + (i == j ? 3.0 * p->q * w[i] * w[i] : 0.0);
}

static void quartic_oracle(void *ctx, const double *w, double *f, double *g, double *h)
{
    quartic_eval(ctx, w, f, g, h);
}

static void start_point(double *w)
{
    for (int k = 0; k < N; k++)
        w[k] = 1.5 * sin(2.0 * k + 1.0) + 0.3;
}

static double sgn(double v)
{
    return (v > 0.0) - (v < 0.0);
}

/* The reference loops: one update of w from its state (arrays of N). */
typedef struct ref {
    double u[N], m[N], s[N], d[N], step[N], pg[N];
    double mu_prod;
    int t;
} ref;

static void ref_step(const ov_optim_params *p, ref *r, double *w, const quartic *q, int i)
{
    double f, g[N];
    const double a = p->alpha, b = p->beta, b2 = p->beta2, e = p->eps;
    if (p->kind == OV_OPT_NESTEROV) {
        double ahead[N];
        for (int k = 0; k < N; k++)
            ahead[k] = w[k] + b * r->u[k];
        quartic_eval(q, ahead, &f, g, NULL);
    } else {
        quartic_eval(q, w, &f, g, NULL);
    }
    const int t = ++r->t;
    const double c1 = 1.0 - pow(b, t), c2 = 1.0 - pow(b2, t);
    for (int k = 0; k < N; k++) {
        switch (p->kind) {
        case OV_OPT_GD:
            w[k] -= ov_schedule_alpha(&p->schedule, a, i) * g[k];
            break;
        case OV_OPT_MOMENTUM:
            r->u[k] = -g[k] + b * r->u[k];
            w[k] += a * r->u[k];
            break;
        case OV_OPT_NESTEROV:
            r->u[k] = b * r->u[k] - a * g[k];
            w[k] += r->u[k];
            break;
        case OV_OPT_ADAM:
            r->m[k] = b * r->m[k] + (1 - b) * g[k];
            r->s[k] = b2 * r->s[k] + (1 - b2) * g[k] * g[k];
            w[k] -= a * (r->m[k] / c1) / (sqrt(r->s[k] / c2) + e);
            break;
        case OV_OPT_RMSPROP:
            r->s[k] = b * r->s[k] + (1 - b) * g[k] * g[k];
            w[k] -= a * g[k] / (sqrt(r->s[k]) + e);
            break;
        case OV_OPT_ADAGRAD:
            r->s[k] += g[k] * g[k];
            w[k] -= a * g[k] / (sqrt(r->s[k]) + e);
            break;
        case OV_OPT_ADADELTA: {
            r->s[k] = b * r->s[k] + (1 - b) * g[k] * g[k];
            double dx = -sqrt(r->d[k] + e) / sqrt(r->s[k] + e) * g[k];
            r->d[k] = b * r->d[k] + (1 - b) * dx * dx;
            w[k] += a * dx;
            break;
        }
        case OV_OPT_RPROP: {
            if (t == 1)
                r->step[k] = a;
            double gk = g[k];
            if (gk * r->pg[k] > 0)
                r->step[k] = fmin(1.2 * r->step[k], 50.0);
            else if (gk * r->pg[k] < 0) {
                r->step[k] = fmax(0.5 * r->step[k], 1e-6);
                gk = 0;
            }
            w[k] -= sgn(gk) * r->step[k];
            r->pg[k] = gk;
            break;
        }
        case OV_OPT_AMSGRAD:
            r->m[k] = b * r->m[k] + (1 - b) * g[k];
            r->s[k] = b2 * r->s[k] + (1 - b2) * g[k] * g[k];
            r->d[k] = fmax(r->d[k], r->s[k]);   /* vmax */
            w[k] -= a * (r->m[k] / c1) / (sqrt(r->d[k] / c2) + e);
            break;
        case OV_OPT_NADAM: {
            const double mu = b * (1 - 0.5 * pow(0.96, 0.004 * t));
            const double mu1 = b * (1 - 0.5 * pow(0.96, 0.004 * (t + 1)));
            double prod = 1.0;
            for (int j = 1; j <= t; j++)
                prod *= b * (1 - 0.5 * pow(0.96, 0.004 * j));
            r->m[k] = b * r->m[k] + (1 - b) * g[k];
            r->s[k] = b2 * r->s[k] + (1 - b2) * g[k] * g[k];
            const double den = sqrt(r->s[k] / c2) + e;
            w[k] -= a * (1 - mu) * g[k] / ((1 - prod) * den) + a * mu1 * r->m[k] / ((1 - prod * mu1) * den);
            break;
        }
        case OV_OPT_RADAM: {
            r->m[k] = b * r->m[k] + (1 - b) * g[k];
            r->s[k] = b2 * r->s[k] + (1 - b2) * g[k] * g[k];
            const double mhat = r->m[k] / c1;
            const double rinf = 2 / (1 - b2) - 1, rho = rinf - 2 * t * pow(b2, t) / c2;
            if (rho > 5) {
                const double rt = sqrt((rho - 4) * (rho - 2) * rinf / ((rinf - 4) * (rinf - 2) * rho));
                w[k] -= a * mhat * rt * sqrt(c2) / (sqrt(r->s[k]) + e);
            } else {
                w[k] -= a * mhat;
            }
            break;
        }
        case OV_OPT_ADAMAX:
            r->m[k] = b * r->m[k] + (1 - b) * g[k];
            r->s[k] = fmax(b2 * r->s[k], fabs(g[k]) + e);
            w[k] -= a * r->m[k] / (c1 * r->s[k]);
            break;
        case OV_OPT_ADAMW:
            r->m[k] = b * r->m[k] + (1 - b) * g[k];
            r->s[k] = b2 * r->s[k] + (1 - b2) * g[k] * g[k];
            w[k] = w[k] * (1 - a * p->wd) - a * (r->m[k] / c1) / (sqrt(r->s[k] / c2) + e);
            break;
        case OV_OPT_LION: {
            const double c = b * r->m[k] + (1 - b) * g[k];
            w[k] -= a * (sgn(c) + p->wd * w[k]);
            r->m[k] = b2 * r->m[k] + (1 - b2) * g[k];
            break;
        }
        default:
            break;
        }
    }
}

/* The method's run (through ov_run_compute, all nine coordinates stored)
 * against the reference loop: every iterate within 1e-12 relative. */
static void check_against_reference(const ov_optim_params *p, const quartic *q)
{
    ov_objective obj = {.n = N, .active = N, .ctx = q, .eval = quartic_eval};
    double w0[N], w[N];
    start_point(w0);
    memcpy(w, w0, sizeof w);
    ov_run run;
    ov_run_init(&run, p);
    CHECK(ov_run_compute(&run, &obj, w0, STEPS));
    CHECK(run.dim == N && run.w && run.off && run.n == STEPS + 1 && !run.diverged);
    ref r = {.t = 0};
    double worst = 0.0, moved = 0.0;
    for (int i = 0; i <= STEPS && run.w && i < run.n; i++) {
        if (i > 0)
            ref_step(p, &r, w, q, i - 1);
        for (int k = 0; k < N; k++) {
            const double got = run.w[(size_t)i * N + k];
            worst = fmax(worst, fabs(got - w[k]) / fmax(1.0, fabs(w[k])));
            moved = fmax(moved, fabs(w[k] - w0[k]));
        }
        CHECK(run.x[i] == run.w[(size_t)i * N] && run.y[i] == run.w[(size_t)i * N + 1]);
        CHECK(run.off[i] == 0.0);
        double f;
        quartic_eval(q, run.w + (size_t)i * N, &f, NULL, NULL);
        CHECK(run.loss[i] == f);
    }
    char name[32];
    CHECK_MSG(worst <= 1e-12, "%s: worst relative difference %.3g", ov_optim_run_name(p, name, sizeof name), worst);
    /* The run went somewhere: the comparison is not of two standing points. */
    CHECK_MSG(moved > 1e-3, "%s moved only %.3g", ov_optim_run_name(p, name, sizeof name), moved);
    ov_run_deinit(&run);
}

static void test_per_coordinate_methods(void)
{
    quartic q;
    quartic_make(&q, 0.05);
    const struct {
        ov_optim_kind kind;
        double alpha, beta, beta2, eps, wd;
    } cases[] = {
        {OV_OPT_GD, 0.1, 0, 0, 0, 0},
        {OV_OPT_MOMENTUM, 0.05, 0.8, 0, 0, 0},
        {OV_OPT_NESTEROV, 0.05, 0.8, 0, 0, 0},
        {OV_OPT_ADAM, 0.05, 0.9, 0.999, 1e-8, 0},
        {OV_OPT_RMSPROP, 0.01, 0.9, 0, 1e-8, 0},
        {OV_OPT_ADAGRAD, 0.1, 0, 0, 1e-8, 0},
        {OV_OPT_ADADELTA, 1.0, 0.9, 0, 1e-3, 0},
        {OV_OPT_RPROP, 0.01, 0, 0, 0, 0},
        {OV_OPT_AMSGRAD, 0.05, 0.9, 0.99, 1e-8, 0},
        {OV_OPT_NADAM, 0.05, 0.9, 0.999, 1e-8, 0},
        {OV_OPT_RADAM, 0.05, 0.9, 0.999, 1e-8, 0},
        {OV_OPT_ADAMAX, 0.05, 0.9, 0.999, 1e-8, 0},
        {OV_OPT_ADAMW, 0.05, 0.9, 0.999, 1e-8, 0.1},
        {OV_OPT_LION, 0.01, 0.9, 0.99, 0, 0.1},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        ov_optim_params p;
        ov_optim_defaults(cases[c].kind, &p);
        p.alpha = cases[c].alpha;
        p.beta = cases[c].beta;
        p.beta2 = cases[c].beta2;
        p.eps = cases[c].eps;
        p.wd = cases[c].wd;
        check_against_reference(&p, &q);
        if (cases[c].kind == OV_OPT_GD) {
            /* gd under step(7, 0.5): α·0.5^floor(i/7) for update i. */
            const char *why = NULL;
            CHECK(ov_schedule_parse("step(7,0.5)", 11, &p.schedule, &why));
            CHECK(ov_schedule_alpha(&p.schedule, 0.1, 13) == 0.1 * 0.5);
            check_against_reference(&p, &q);
        }
    }
}

/* The typed momentum rule moves all nine coordinates exactly as the
 * built-in momentum (the same operations in the same order). */
static void test_rule_matches_momentum(void)
{
    quartic q;
    quartic_make(&q, 0.05);
    ov_objective obj = {.n = N, .active = N, .ctx = &q, .eval = quartic_eval};
    double w0[N];
    start_point(w0);
    ov_optim_params pm, pr;
    ov_optim_defaults(OV_OPT_MOMENTUM, &pm);
    ov_optim_defaults(OV_OPT_RULE, &pr);
    pm.alpha = pr.alpha = 0.05;
    pm.beta = pr.beta = 0.8;
    pr.rule = ov_rule_intern("u = beta*u - g; w = w + alpha*u", "", NULL);
    CHECK(pr.rule != NULL);
    ov_run a, b;
    ov_run_init(&a, &pm);
    ov_run_init(&b, &pr);
    CHECK(ov_run_compute(&a, &obj, w0, STEPS) && ov_run_compute(&b, &obj, w0, STEPS));
    CHECK(a.n == b.n && a.n == STEPS + 1 && a.w && b.w);
    if (a.w && b.w && a.n == b.n)
        CHECK(memcmp(a.w, b.w, (size_t)a.n * N * sizeof(double)) == 0);
    ov_run_deinit(&a);
    ov_run_deinit(&b);
}

/* Newton on a quadratic (q = 0) lands on the minimum c in one step. */
static void test_newton_exact(void)
{
    quartic q;
    quartic_make(&q, 0.0);
    ov_oracle o = {&q, quartic_oracle, N, 0};
    ov_optim_params p;
    ov_optim_defaults(OV_OPT_NEWTON, &p);
    ov_optim_state *st = calloc(1, sizeof *st);
    if (!st)
        return;
    ov_optim_state_init(st, &p);
    double w[N];
    start_point(w);
    CHECK(ov_optim_step(&p, st, w, &o));
    CHECK(st->newton_dir == OV_NEWTON_EXACT && st->ls_step == 1.0);
    for (int k = 0; k < N; k++)
        CHECK_NEAR(w[k], q.c[k], 1e-12);
    free(st);
}

/* L = ½ (w-c)'M(w-c), M = Q diag(λ) Q' with negative λ among them. */
typedef struct indefinite {
    double m[N * N], c[N];
} indefinite;

static void indefinite_eval(void *ctx, const double *w, double *f, double *g, double *h)
{
    const indefinite *p = ctx;
    double d[N], md[N], s = 0.0;
    for (int i = 0; i < N; i++)
        d[i] = w[i] - p->c[i];
    for (int i = 0; i < N; i++) {
        md[i] = 0.0;
        for (int j = 0; j < N; j++)
            md[i] += p->m[i * N + j] * d[j];
        s += 0.5 * d[i] * md[i];
    }
    *f = s;
    if (g)
        memcpy(g, md, sizeof md);
    if (h)
        memcpy(h, p->m, sizeof p->m);
}

/* Where H is indefinite Newton steps along -V|Λ|^-1 V'g, here computed from
 * the Q and λ the Hessian was built from, not from an eigen solver. */
static void test_newton_saddle_free(void)
{
    static const double lambda[N] = {-4.0, -1.0, 0.5, 1.0, 2.0, 3.0, 5.0, 8.0, 13.0};
    double qm[N * N];
    householder(qm, N, 0.3);
    indefinite ind;
    for (int i = 0; i < N; i++) {
        ind.c[i] = 0.1 * i;
        for (int j = 0; j < N; j++) {
            double s = 0.0;
            for (int k = 0; k < N; k++)
                s += qm[i * N + k] * lambda[k] * qm[j * N + k];
            ind.m[i * N + j] = s;
        }
    }
    double w[N], f, g[N];
    start_point(w);
    indefinite_eval(&ind, w, &f, g, NULL);
    /* p = -Q |Λ|^-1 Q' g (the columns of Q are the eigenvectors). */
    double expect[N];
    for (int i = 0; i < N; i++) {
        double s = 0.0;
        for (int k = 0; k < N; k++) {
            double qg = 0.0;
            for (int j = 0; j < N; j++)
                qg += qm[j * N + k] * g[j];
            s += qm[i * N + k] * qg / fabs(lambda[k]);
        }
        expect[i] = -s;
    }
    ov_oracle o = {&ind, indefinite_eval, N, 0};
    ov_optim_params p;
    ov_optim_defaults(OV_OPT_NEWTON, &p);
    ov_optim_state *st = calloc(1, sizeof *st);
    if (!st)
        return;
    ov_optim_state_init(st, &p);
    CHECK(ov_optim_step(&p, st, w, &o));
    /* The full step decreases L (the positive part vanishes, the negative
     * part grows): t = 1. */
    CHECK(st->newton_dir == OV_NEWTON_ABS && st->ls_step == 1.0);
    for (int k = 0; k < N; k++)
        CHECK_NEAR(st->last_delta[k], expect[k], 1e-12 * fmax(1.0, fabs(expect[k])));
    free(st);
}

/* Conjugate gradient with its exact line search ends on an n-dimensional
 * quadratic within n steps. */
static void test_cg_terminates(void)
{
    quartic q;
    quartic_make(&q, 0.0);
    ov_objective obj = {.n = N, .active = N, .ctx = &q, .eval = quartic_eval};
    double w0[N];
    start_point(w0);
    ov_optim_params p;
    ov_optim_defaults(OV_OPT_CG, &p);
    ov_run run;
    ov_run_init(&run, &p);
    CHECK(ov_run_compute(&run, &obj, w0, N));
    double f0, g0[N], f, g[N];
    quartic_eval(&q, w0, &f0, g0, NULL);
    CHECK(run.n == N + 1 && run.w);
    if (run.w && run.n == N + 1) {
        quartic_eval(&q, run.w + (size_t)N * N, &f, g, NULL);
        double n0 = 0.0, n1 = 0.0, err = 0.0;
        for (int k = 0; k < N; k++) {
            n0 += g0[k] * g0[k];
            n1 += g[k] * g[k];
            err = fmax(err, fabs(run.w[(size_t)N * N + k] - q.c[k]));
        }
        CHECK_MSG(sqrt(n1) <= 1e-9 * sqrt(n0), "|g_n| / |g_0| = %.3g", sqrt(n1 / n0));
        CHECK_MSG(err <= 1e-9, "distance from the minimum after n steps %.3g", err);
        /* Not already there after n - 3 steps: the n steps are needed. */
        quartic_eval(&q, run.w + (size_t)(N - 3) * N, &f, g, NULL);
        n1 = 0.0;
        for (int k = 0; k < N; k++)
            n1 += g[k] * g[k];
        CHECK(sqrt(n1) > 1e-6 * sqrt(n0));
    }
    ov_run_deinit(&run);
}

/* L-BFGS: the first step goes along -g; the second along -Hg with H the
 * one-pair two-loop matrix (I - ρsy')γ(I - ρys') + ρss', γ = s'y/y'y,
 * written out here. */
static void test_lbfgs_two_loop(void)
{
    quartic q;
    quartic_make(&q, 0.05);
    ov_oracle o = {&q, quartic_oracle, N, 0};
    ov_optim_params p;
    ov_optim_defaults(OV_OPT_LBFGS, &p);
    p.alpha = 0.1;
    ov_optim_state *st = calloc(1, sizeof *st);
    if (!st)
        return;
    ov_optim_state_init(st, &p);
    double w[N], wprev[N], f, g0[N], g1[N];
    start_point(w);
    quartic_eval(&q, w, &f, g0, NULL);
    memcpy(wprev, w, sizeof w);
    CHECK(ov_optim_step(&p, st, w, &o));
    for (int k = 0; k < N; k++)
        CHECK(st->lb_dir[k] == -g0[k]);
    quartic_eval(&q, w, &f, g1, NULL);
    double s[N], y[N], sy = 0, yy = 0, sg = 0;
    for (int k = 0; k < N; k++) {
        s[k] = w[k] - wprev[k];
        y[k] = g1[k] - g0[k];
        sy += s[k] * y[k];
        yy += y[k] * y[k];
        sg += s[k] * g1[k];
    }
    const double rho = 1.0 / sy, gamma = sy / yy;
    double qv[N], yq = 0;
    for (int k = 0; k < N; k++) {
        qv[k] = g1[k] - rho * y[k] * sg;
        yq += y[k] * qv[k];
    }
    CHECK(ov_optim_step(&p, st, w, &o));
    CHECK(st->lb_n == 1);
    for (int k = 0; k < N; k++) {
        const double hg = gamma * (qv[k] - rho * s[k] * yq) + rho * s[k] * sg;
        CHECK_NEAR(st->lb_dir[k], -hg, 1e-12 * fmax(1.0, fabs(hg)));
    }
    free(st);
}

/* Nelder-Mead: scipy's first simplex (w, then w with coordinate k times
 * 1.05, or 0.00025 where it is 0) of n + 1 vertices, kept sorted. */
static double nm_seen[64][N];
static int nm_nseen;

static void nm_recording(void *ctx, const double *w, double *f, double *g, double *h)
{
    if (nm_nseen < 64)
        memcpy(nm_seen[nm_nseen], w, sizeof nm_seen[0]);
    nm_nseen++;
    quartic_eval(ctx, w, f, g, h);
}

static void test_nelder_mead_simplex(void)
{
    quartic q;
    quartic_make(&q, 0.05);
    ov_oracle o = {&q, nm_recording, N, 0};
    ov_optim_params p;
    ov_optim_defaults(OV_OPT_NELDER_MEAD, &p);
    ov_optim_state *st = calloc(1, sizeof *st);
    if (!st)
        return;
    ov_optim_state_init(st, &p);
    double w[N], w0[N];
    start_point(w0);
    w0[4] = 0.0;
    memcpy(w, w0, sizeof w);
    nm_nseen = 0;
    CHECK(ov_optim_step(&p, st, w, &o));
    CHECK(nm_nseen >= N + 2 && st->nm_evals == nm_nseen);
    for (int v = 0; v < N + 1 && v < nm_nseen; v++) {
        for (int k = 0; k < N; k++) {
            double e = w0[k];
            if (v == k + 1)
                e = w0[k] != 0.0 ? 1.05 * w0[k] : 0.00025;
            CHECK(nm_seen[v][k] == e);
        }
    }
    for (int s = 0; s < 30; s++)
        CHECK(ov_optim_step(&p, st, w, &o));
    /* n + 1 vertices, sorted by loss, each loss its vertex's; w the best. */
    for (int v = 0; v < N + 1; v++) {
        double f;
        quartic_eval(&q, st->nm_x[v], &f, NULL, NULL);
        CHECK(f == st->nm_f[v]);
        if (v > 0)
            CHECK(st->nm_f[v - 1] <= st->nm_f[v]);
    }
    CHECK(st->nm_f[N + 1] == 0.0);   /* no vertex n + 2 */
    CHECK(memcmp(w, st->nm_x[0], sizeof w) == 0);
    free(st);
}

int main(void)
{
    test_per_coordinate_methods();
    test_rule_matches_momentum();
    test_newton_exact();
    test_newton_saddle_free();
    test_cg_terminates();
    test_lbfgs_two_loop();
    test_nelder_mead_simplex();
    return ov_test_finish("test_core_optim_ndim");
}
