/* The Adam variants (amsgrad, nadam, radam, adamax, adamw) and Lion against
 * their published algorithms written out here from torch.optim's
 * documented algorithm boxes (Adam with amsgrad, NAdam, RAdam, Adamax,
 * AdamW) and Chen et al. 2023's Algorithm 2 (Lion), not from the program:
 * powers by pow(), torch's order of operations. Several steps on two
 * surfaces (Rosenbrock and a coupled quadratic), and AdamW's decay worked
 * by hand. */
#include <math.h>
#include <string.h>

#include "core/optim.h"
#include "ov_test.h"

/* Rosenbrock (1-x)^2 + 100 (y-x^2)^2. */
static void rosen(void *ctx, const double w[2], double *f, double g[2], double h[3])
{
    (void)ctx;
    (void)h;
    const double x = w[0], y = w[1];
    *f = (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
    g[0] = -2 * (1 - x) - 400 * x * (y - x * x);
    g[1] = 200 * (y - x * x);
}

/* 1/2 (3 x^2 + 2 x y + 5 y^2) - x: coupled, minimum off the origin. */
static void coupled(void *ctx, const double w[2], double *f, double g[2], double h[3])
{
    (void)ctx;
    (void)h;
    const double x = w[0], y = w[1];
    *f = 0.5 * (3 * x * x + 2 * x * y + 5 * y * y) - x;
    g[0] = 3 * x + y - 1;
    g[1] = x + 5 * y;
}

typedef void (*loss_fn)(void *, const double *, double *, double *, double *);

/* Reference state, all zero at the start. */
typedef struct ref {
    double m[2], v[2], vmax[2], u[2], mu_prod;
} ref;

static void grad_of(loss_fn fn, const double w[2], double g[2])
{
    double f;
    fn(NULL, w, &f, g, NULL);
}

/* One step of the reference algorithm for kind at step t (1-based). */
static void ref_step(ov_optim_kind kind, const ov_optim_params *p, ref *r, int t, loss_fn fn,
                     double w[2])
{
    const double lr = p->alpha, b1 = p->beta, b2 = p->beta2, eps = p->eps, wd = p->wd;
    double g[2];
    grad_of(fn, w, g);
    const double bc1 = 1 - pow(b1, t), bc2 = 1 - pow(b2, t);
    for (int k = 0; k < 2; k++) {
        switch (kind) {
        case OV_OPT_AMSGRAD: {
            /* torch Adam(amsgrad=True) */
            r->m[k] = b1 * r->m[k] + (1 - b1) * g[k];
            r->v[k] = b2 * r->v[k] + (1 - b2) * g[k] * g[k];
            r->vmax[k] = r->vmax[k] > r->v[k] ? r->vmax[k] : r->v[k];
            double mhat = r->m[k] / bc1, vhat = r->vmax[k] / bc2;
            w[k] -= lr * mhat / (sqrt(vhat) + eps);
            break;
        }
        case OV_OPT_NADAM: {
            /* torch NAdam (>= 2.0): μ_t = β1 (1 - ½ 0.96^(t ψ)), ψ = 0.004 */
            double mu = b1 * (1 - 0.5 * pow(0.96, t * 0.004));
            double mu1 = b1 * (1 - 0.5 * pow(0.96, (t + 1) * 0.004));
            if (k == 0)
                r->mu_prod = (t == 1 ? 1.0 : r->mu_prod) * mu;
            r->m[k] = b1 * r->m[k] + (1 - b1) * g[k];
            r->v[k] = b2 * r->v[k] + (1 - b2) * g[k] * g[k];
            double vhat = r->v[k] / bc2;
            double mhat = mu1 * r->m[k] / (1 - r->mu_prod * mu1) +
                          (1 - mu) * g[k] / (1 - r->mu_prod);
            w[k] -= lr * mhat / (sqrt(vhat) + eps);
            break;
        }
        case OV_OPT_RADAM: {
            /* torch RAdam */
            r->m[k] = b1 * r->m[k] + (1 - b1) * g[k];
            r->v[k] = b2 * r->v[k] + (1 - b2) * g[k] * g[k];
            double mhat = r->m[k] / bc1;
            double rinf = 2 / (1 - b2) - 1;
            double rt = rinf - 2 * t * pow(b2, t) / bc2;
            if (rt > 5) {
                double lt = sqrt(bc2) / (sqrt(r->v[k]) + eps);
                double rect = sqrt((rt - 4) * (rt - 2) * rinf / ((rinf - 4) * (rinf - 2) * rt));
                w[k] -= lr * mhat * lt * rect;
            } else {
                w[k] -= lr * mhat;
            }
            break;
        }
        case OV_OPT_ADAMAX: {
            /* torch Adamax */
            r->m[k] = b1 * r->m[k] + (1 - b1) * g[k];
            double a = b2 * r->u[k], b = fabs(g[k]) + eps;
            r->u[k] = a > b ? a : b;
            w[k] -= lr * r->m[k] / (bc1 * r->u[k]);
            break;
        }
        case OV_OPT_ADAMW: {
            /* torch AdamW: θ <- θ - γλθ, then Adam */
            w[k] -= lr * wd * w[k];
            r->m[k] = b1 * r->m[k] + (1 - b1) * g[k];
            r->v[k] = b2 * r->v[k] + (1 - b2) * g[k] * g[k];
            w[k] -= lr * (r->m[k] / bc1) / (sqrt(r->v[k] / bc2) + eps);
            break;
        }
        case OV_OPT_LION: {
            /* Chen et al. 2023, Algorithm 2 */
            double c = b1 * r->m[k] + (1 - b1) * g[k];
            double sg = c > 0 ? 1.0 : c < 0 ? -1.0 : 0.0;
            w[k] -= lr * (sg + wd * w[k]);
            r->m[k] = b2 * r->m[k] + (1 - b2) * g[k];
            break;
        }
        default:
            break;
        }
    }
}

/* `steps` steps of the program's kind and of the reference from start,
 * compared at every step to 1e-12 relative. */
static void compare(ov_optim_kind kind, const ov_optim_params *p, loss_fn fn, const char *surf,
                    double x0, double y0, int steps)
{
    ov_optim_state st;
    ov_optim_state_init(&st, p);
    ov_oracle o = {NULL, fn, 2, 0};
    double w[2] = {x0, y0}, rw[2] = {x0, y0};
    ref r;
    memset(&r, 0, sizeof r);
    double worst = 0;
    for (int t = 1; t <= steps; t++) {
        CHECK(ov_optim_step(p, &st, w, &o));
        ref_step(kind, p, &r, t, fn, rw);
        for (int k = 0; k < 2; k++) {
            double e = fabs(w[k] - rw[k]) / fmax(1.0, fabs(rw[k]));
            worst = fmax(worst, e);
            CHECK_MSG(e <= 1e-12, "%s on %s, step %d, coordinate %d: %.17g, reference %.17g",
                      ov_optim_info_of(kind)->name, surf, t, k, w[k], rw[k]);
        }
    }
    CHECK(st.t == steps);
    /* The reference really moved (a test that would pass on a method that
     * stands still is no test). */
    CHECK(fabs(rw[0] - x0) + fabs(rw[1] - y0) > 10 * p->alpha * 1e-3);
    printf("%-8s on %-10s: %d steps, worst relative difference %.2e\n",
           ov_optim_info_of(kind)->name, surf, steps, worst);
}

static void test_against_reference(void)
{
    static const ov_optim_kind kinds[] = {OV_OPT_AMSGRAD, OV_OPT_NADAM, OV_OPT_RADAM,
                                          OV_OPT_ADAMAX, OV_OPT_ADAMW, OV_OPT_LION};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        ov_optim_params p;
        ov_optim_defaults(kinds[i], &p);
        /* Defaults as torch's (and the paper's for Lion). */
        CHECK(p.beta == 0.9 && p.beta2 == (kinds[i] == OV_OPT_LION ? 0.99 : 0.999));
        CHECK(kinds[i] == OV_OPT_LION || p.eps == 1e-8);
        p.alpha = 0.01;
        /* 40 steps: RAdam's rectification switches on at t = 6. */
        compare(kinds[i], &p, rosen, "rosenbrock", -1.2, 1.0, 40);
        compare(kinds[i], &p, coupled, "coupled", 2.0, -1.5, 40);
        /* Other β, β2, ε and a weight decay where the method has one. */
        p.alpha = 0.05;
        p.beta = 0.8;
        p.beta2 = kinds[i] == OV_OPT_LION ? 0.95 : 0.99;
        p.eps = 1e-6;
        p.wd = kinds[i] == OV_OPT_LION ? 0.3 : 0.1;
        compare(kinds[i], &p, coupled, "coupled'", 2.0, -1.5, 60);
        /* Rosenbrock's gradient is in the hundreds: RAdam's first five
         * steps are plain momentum SGD, so α stays small there. */
        p.alpha = 0.002;
        compare(kinds[i], &p, rosen, "rosenbrock'", 0.5, -0.5, 60);
    }
    ov_optim_params p;
    ov_optim_defaults(OV_OPT_ADAMW, &p);
    CHECK(p.wd == 0.01);
    ov_optim_defaults(OV_OPT_LION, &p);
    CHECK(p.wd == 0.0);
}

/* RAdam's switch: with β2 = 0.999, ρ_t = ρ∞ - 2tβ2^t/(1-β2^t) first
 * exceeds 5 at t = 6 (ρ_5 = 4.99..., ρ_6 = 5.99...): steps 1-5 are
 * α m̂, bias-corrected momentum, so the first one is exactly -α sign(g). */
static void test_radam_switch(void)
{
    ov_optim_params p;
    ov_optim_defaults(OV_OPT_RADAM, &p);
    p.alpha = 0.1;
    ov_optim_state st;
    ov_optim_state_init(&st, &p);
    ov_oracle o = {NULL, coupled, 2, 0};
    double w[2] = {2.0, -1.5};
    /* g = (3*2 - 1.5 - 1, 2 - 7.5) = (3.5, -5.5); m̂ = g at t = 1. */
    CHECK(ov_optim_step(&p, &st, w, &o));
    CHECK_NEAR(w[0], 2.0 - 0.1 * 3.5, 1e-15);
    CHECK_NEAR(w[1], -1.5 + 0.1 * 5.5, 1e-15);
}

/* AdamW by hand: one step from w = (2, -1.5) on the coupled quadratic with
 * α = 0.1, λ = 0.5. The decay moves w to w (1 - 0.05) = (1.9, -1.425);
 * Adam's first step is -α sign(g) up to ε: g = (3.5, -5.5), so
 * w = (1.9 - 0.1 * 3.5/(3.5 + 1e-8), -1.425 + 0.1 * 5.5/(5.5 + 1e-8)). */
static void test_adamw_decay_by_hand(void)
{
    ov_optim_params p;
    ov_optim_defaults(OV_OPT_ADAMW, &p);
    p.alpha = 0.1;
    p.wd = 0.5;
    ov_optim_state st;
    ov_optim_state_init(&st, &p);
    ov_oracle o = {NULL, coupled, 2, 0};
    double w[2] = {2.0, -1.5};
    CHECK(ov_optim_step(&p, &st, w, &o));
    CHECK_NEAR(w[0], 1.9 - 0.1 * 3.5 / (3.5 + 1e-8), 1e-15);
    CHECK_NEAR(w[1], -1.425 + 0.1 * 5.5 / (5.5 + 1e-8), 1e-15);
    /* Without decay the same step ends 0.05 w further out: the decay is
     * its own term. */
    ov_optim_params q = p;
    q.wd = 0.0;
    ov_optim_state_init(&st, &q);
    double v[2] = {2.0, -1.5};
    CHECK(ov_optim_step(&q, &st, v, &o));
    CHECK_NEAR(v[0] - w[0], 0.1, 1e-15);
    CHECK_NEAR(v[1] - w[1], -0.075, 1e-15);
}

/* Lion by hand: c = (1-β1) g at the first step, w moves by -α sign(g);
 * a zero gradient component does not move (sign(0) = 0) unless decayed. */
static void test_lion_by_hand(void)
{
    ov_optim_params p;
    ov_optim_defaults(OV_OPT_LION, &p);
    p.alpha = 0.1;
    p.wd = 0.5;
    ov_optim_state st;
    ov_optim_state_init(&st, &p);
    ov_oracle o = {NULL, coupled, 2, 0};
    /* At (1/3 + ..., ...) pick w with g_y = 0: x + 5y = 0, x = 0.5, y = -0.1:
     * g = (1.5 - 0.1 - 1, 0) = (0.4, 0). */
    double w[2] = {0.5, -0.1};
    CHECK(ov_optim_step(&p, &st, w, &o));
    CHECK_NEAR(w[0], 0.5 - 0.1 * (1.0 + 0.5 * 0.5), 1e-15);
    CHECK_NEAR(w[1], -0.1 - 0.1 * (0.0 + 0.5 * -0.1), 1e-15);
    CHECK_NEAR(st.m[0], 0.01 * 0.4, 1e-17);
}

int main(void)
{
    test_against_reference();
    test_radam_switch();
    test_adamw_decay_by_hand();
    test_lion_by_hand();
    return ov_test_finish("test_core_optim_adam_family");
}
