/* Tests of the step taken apart: on L = ½ (x² + 10 y²), whose gradient
 * (x, 10 y) is written here by hand, each update rule is iterated
 * independently of the optimisers and the expression engine, and the
 * world coordinates of the explanation's arrows are checked against the
 * terms of the update: gd's -α g_i; momentum's -α g_i, α β u_(i-1), α u_i
 * and every fan term -α β^k g_(i-k) (also under gradient noise, drawn here
 * from the same seeded generator); nesterov's β v and -α g(w + β v) drawn
 * at the look-ahead point; adam's per-coordinate steps and its m̂, √ŝ bars;
 * rprop's per-coordinate steps and step-size box. Also: stepping back and
 * forth gives the same answer as a fresh replay, cg and newton explain
 * with their trial points, and the explained next point is the run's. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/surface_objective.h"
#include "core/explain.h"
#include "core/noise.h"
#include "core/rule.h"
#include "ov_test.h"

#define KAPPA 10.0
#define TOL 1e-12

static const double START[2] = {-3.0, 1.0};

static void grad(const double w[2], double g[2])
{
    g[0] = w[0];
    g[1] = KAPPA * w[1];
}

/* Adds σ z to g with z the next pair of the generator (as the run does). */
static void add_noise(ov_rng *r, double sigma, double g[2])
{
    if (sigma <= 0.0)
        return;
    double z[2];
    ov_rng_normal2(r, z);
    g[0] += sigma * z[0];
    g[1] += sigma * z[1];
}

static const ov_explain_arrow *find(const ov_explain *x, const char *label)
{
    for (int i = 0; i < x->narrows; i++)
        if (strcmp(x->arrows[i].label, label) == 0)
            return &x->arrows[i];
    return NULL;
}

/* The arrow labelled label starts at from and moves by d. */
#define CHECK_ARROW(x, label, at, dx, dy)                                           \
    do {                                                                          \
        const ov_explain_arrow *a_ = find((x), (label));                          \
        CHECK_MSG(a_ != NULL, "no arrow '%s'", (label));                          \
        if (a_) {                                                                 \
            double sc_ = 1.0 + fabs(dx) + fabs(dy);                               \
            CHECK_NEAR(a_->from[0], (at)[0], TOL * (1 + fabs((at)[0])));          \
            CHECK_NEAR(a_->from[1], (at)[1], TOL * (1 + fabs((at)[1])));          \
            CHECK_NEAR(a_->to[0] - a_->from[0], (dx), TOL * sc_);                 \
            CHECK_NEAR(a_->to[1] - a_->from[1], (dy), TOL * sc_);                 \
        }                                                                         \
    } while (0)

typedef struct fixture {
    ov_surface *s;
    ov_run run;
    ov_explainer ex;
    ov_explain out;
} fixture;

static bool setup(fixture *f, ov_optim_kind kind, double alpha, double beta, double sigma,
                  int steps)
{
    memset(f, 0, sizeof *f);
    f->s = ov_surface_create("quadratic", NULL);
    CHECK(f->s != NULL);
    if (!f->s)
        return false;
    CHECK(ov_surface_set_param(f->s, "kappa", KAPPA));
    CHECK(ov_surface_set_param(f->s, "theta", 0.0));
    ov_optim_params p;
    ov_optim_defaults(kind, &p);
    p.alpha = alpha;
    if (beta >= 0.0)
        p.beta = beta;
    ov_run_init(&f->run, &p);
    f->run.noise = (ov_noise){sigma, 2024};
    CHECK(ov_run_compute_surface(&f->run, f->s, (ov_vec2){START[0], START[1]}, steps));
    ov_explainer_init(&f->ex);
    return true;
}

static void teardown(fixture *f)
{
    ov_run_deinit(&f->run);
    ov_surface_destroy(f->s);
}

static bool explain(fixture *f, int step)
{
    bool ok = ov_explain_update(&f->ex, f->s, &f->run, (ov_vec2){START[0], START[1]}, step,
                                &f->out);
    CHECK_MSG(ok, "step %d: %s", step, f->out.why);
    return ok;
}

static void test_gd(void)
{
    fixture f;
    const double a = 0.05;
    if (!setup(&f, OV_OPT_GD, a, -1, 0, 20))
        return;
    double w[2] = {START[0], START[1]}, g[2];
    for (int i = 0; i < 8; i++) {
        grad(w, g);
        if (explain(&f, i)) {
            CHECK_ARROW(&f.out, "\xe2\x88\x92\xce\xb1 g\xe1\xb5\xa2", w, -a * g[0], -a * g[1]);
            CHECK_NEAR(f.out.next[0], w[0] - a * g[0], TOL);
            CHECK(strstr(f.out.caption, "eqs. 1") != NULL);
        }
        w[0] -= a * g[0];
        w[1] -= a * g[1];
    }
    teardown(&f);
}

/* gd under exp(0.9): update i's arrow is -α·0.9^i g, the replay follows
 * the scheduled run (forward and after a seek back). */
static void test_gd_schedule(void)
{
    fixture f;
    const double a = 0.05;
    if (!setup(&f, OV_OPT_GD, a, -1, 0, 20))
        return;
    const char *why = "";
    CHECK(ov_schedule_parse("exp(0.9)", 8, &f.run.params.schedule, &why));
    CHECK(ov_run_compute_surface(&f.run, f.s, (ov_vec2){START[0], START[1]}, 20));
    double w[2] = {START[0], START[1]}, g[2];
    for (int i = 0; i < 8; i++) {
        double ai = a * pow(0.9, (double)i);
        grad(w, g);
        if (explain(&f, i)) {
            CHECK_ARROW(&f.out, "\xe2\x88\x92\xce\xb1 g\xe1\xb5\xa2", w, -ai * g[0], -ai * g[1]);
            CHECK_NEAR(f.out.next[0], w[0] - ai * g[0], TOL);
            CHECK_NEAR(f.out.next[1], w[1] - ai * g[1], TOL);
            CHECK(f.out.next[0] == f.run.x[i + 1] && f.out.next[1] == f.run.y[i + 1]);
        }
        w[0] -= ai * g[0];
        w[1] -= ai * g[1];
    }
    if (explain(&f, 3))
        CHECK(f.out.next[0] == f.run.x[4] && f.out.next[1] == f.run.y[4]);
    teardown(&f);
}

/* Momentum by eqs. 3-6, with or without noise. */
static void test_momentum(double sigma)
{
    fixture f;
    const double a = 0.02, b = 0.9;
    if (!setup(&f, OV_OPT_MOMENTUM, a, b, sigma, 40))
        return;
    ov_rng rng;
    ov_rng_seed(&rng, 2024);
    double w[2] = {START[0], START[1]}, u[2] = {0, 0}, hist[40][2];
    for (int i = 0; i < 24; i++) {
        double g[2];
        grad(w, g);
        add_noise(&rng, sigma, g);
        hist[i][0] = g[0];
        hist[i][1] = g[1];
        double un[2] = {-g[0] + b * u[0], -g[1] + b * u[1]};
        if (explain(&f, i)) {
            CHECK_ARROW(&f.out, "\xe2\x88\x92\xce\xb1 g\xe1\xb5\xa2", w, -a * g[0], -a * g[1]);
            CHECK_ARROW(&f.out, "\xce\xb1\xce\xb2 u\xe1\xb5\xa2\xe2\x82\x8b\xe2\x82\x81", w,
                        a * b * u[0], a * b * u[1]);
            CHECK_ARROW(&f.out, "\xce\xb1 u\xe1\xb5\xa2", w, a * un[0], a * un[1]);
            /* The fan: term k is -α β^k g_(i-k); with the -α g_i term it
             * adds up to α u_i while all terms are shown (eq. 5). */
            int k = 0;
            double sum[2] = {-a * g[0], -a * g[1]};
            for (int n = 0; n < f.out.narrows; n++) {
                const ov_explain_arrow *ar = &f.out.arrows[n];
                if (ar->role != OV_EX_FAN)
                    continue;
                k++;
                double bk = pow(b, k);
                CHECK_NEAR(ar->to[0] - ar->from[0], -a * bk * hist[i - k][0], TOL);
                CHECK_NEAR(ar->to[1] - ar->from[1], -a * bk * hist[i - k][1], TOL);
                CHECK_NEAR(ar->fade, bk, 1e-12);
                sum[0] += ar->to[0] - ar->from[0];
                sum[1] += ar->to[1] - ar->from[1];
            }
            int want = i < OV_EXPLAIN_FAN - 1 ? i : OV_EXPLAIN_FAN - 1;
            CHECK_MSG(k == want, "step %d: %d fan terms, expected %d", i, k, want);
            if (i < OV_EXPLAIN_FAN) {
                CHECK_NEAR(sum[0], a * un[0], 1e-12);
                CHECK_NEAR(sum[1], a * un[1], 1e-12);
            }
        }
        u[0] = un[0];
        u[1] = un[1];
        w[0] += a * u[0];
        w[1] += a * u[1];
    }
    teardown(&f);
}

static void test_nesterov(void)
{
    fixture f;
    const double a = 0.02, b = 0.8;
    if (!setup(&f, OV_OPT_NESTEROV, a, b, 0, 30))
        return;
    double w[2] = {START[0], START[1]}, v[2] = {0, 0};
    for (int i = 0; i < 12; i++) {
        double ahead[2] = {w[0] + b * v[0], w[1] + b * v[1]}, g[2];
        grad(ahead, g);
        if (explain(&f, i)) {
            CHECK_ARROW(&f.out, "\xce\xb2v", w, b * v[0], b * v[1]);
            CHECK_ARROW(&f.out, "\xe2\x88\x92\xce\xb1 g(w + \xce\xb2v)", ahead, -a * g[0], -a * g[1]);
            CHECK_ARROW(&f.out, "v = \xce\xb2v \xe2\x88\x92 \xce\xb1 g(w + \xce\xb2v)", w,
                        b * v[0] - a * g[0], b * v[1] - a * g[1]);
            CHECK(f.out.npoints == 1 && f.out.points[0].role == OV_EXP_LOOKAHEAD);
            CHECK_NEAR(f.out.points[0].w[0], ahead[0], TOL);
            CHECK_NEAR(f.out.points[0].w[1], ahead[1], TOL);
        }
        v[0] = b * v[0] - a * g[0];
        v[1] = b * v[1] - a * g[1];
        w[0] += v[0];
        w[1] += v[1];
    }
    teardown(&f);
}

/* The bar of this label on this axis. */
static double bar(const ov_explain *x, int axis, const char *label)
{
    for (int i = 0; i < x->nbars; i++)
        if (x->bars[i].axis == axis && strcmp(x->bars[i].label, label) == 0)
            return x->bars[i].value;
    return NAN;
}

static void test_adam(void)
{
    fixture f;
    const double a = 0.1, b1 = 0.9, b2 = 0.999, eps = 1e-8;
    if (!setup(&f, OV_OPT_ADAM, a, b1, 0, 30))
        return;
    double w[2] = {START[0], START[1]}, m[2] = {0, 0}, s[2] = {0, 0};
    for (int i = 0; i < 12; i++) {
        const int t = i + 1;
        double g[2], d[2], mh[2], sh[2];
        grad(w, g);
        for (int k = 0; k < 2; k++) {
            m[k] = b1 * m[k] + (1 - b1) * g[k];
            s[k] = b2 * s[k] + (1 - b2) * g[k] * g[k];
            mh[k] = m[k] / (1 - pow(b1, t));
            sh[k] = s[k] / (1 - pow(b2, t));
            d[k] = -a * mh[k] / (sqrt(sh[k]) + eps);
        }
        if (explain(&f, i)) {
            CHECK_ARROW(&f.out,
                        "\xe2\x88\x92\xce\xb1 m\xcc\x82\xe2\x82\x93/(\xe2\x88\x9a\xc5\x9d\xe2\x82\x93+\xce\xb5)",
                        w, d[0], 0.0);
            CHECK_ARROW(&f.out, "\xe2\x88\x92\xce\xb1 m\xcc\x82/(\xe2\x88\x9a\xc5\x9d+\xce\xb5) along y", w,
                        0.0, d[1]);
            CHECK_ARROW(&f.out, "\xce\x94w", w, d[0], d[1]);
            for (int k = 0; k < 2; k++) {
                CHECK_NEAR(bar(&f.out, k, "m\xcc\x82"), mh[k], 1e-12 * (1 + fabs(mh[k])));
                CHECK_NEAR(bar(&f.out, k, "\xe2\x88\x9a\xc5\x9d"), sqrt(sh[k]),
                           1e-12 * (1 + sqrt(sh[k])));
                CHECK_NEAR(bar(&f.out, k, "g"), g[k], 1e-12 * (1 + fabs(g[k])));
            }
        }
        w[0] += d[0];
        w[1] += d[1];
    }
    teardown(&f);
}

static double sgn(double v)
{
    return (v > 0) - (v < 0);
}

/* iRprop- as DESIGN.md states it (Igel & Hüsken): grow 1.2 up to 50,
 * shrink 0.5 down to 1e-6, a flipped gradient counts as 0. */
static void test_rprop(void)
{
    fixture f;
    const double a = 0.3;
    if (!setup(&f, OV_OPT_RPROP, a, -1, 0, 40))
        return;
    double w[2] = {START[0], START[1]}, step[2] = {a, a}, prev[2] = {0, 0};
    int flips = 0;
    for (int i = 0; i < 25; i++) {
        double g[2], d[2];
        grad(w, g);
        for (int k = 0; k < 2; k++) {
            if (g[k] * prev[k] > 0) {
                step[k] = fmin(step[k] * 1.2, 50.0);
            } else if (g[k] * prev[k] < 0) {
                step[k] = fmax(step[k] * 0.5, 1e-6);
                g[k] = 0;
                flips++;
            }
            d[k] = -sgn(g[k]) * step[k];
            prev[k] = g[k];
        }
        if (explain(&f, i)) {
            const ov_explain *x = &f.out;
            int axes = 0;
            for (int n = 0; n < x->narrows; n++) {
                const ov_explain_arrow *ar = &x->arrows[n];
                if (ar->role != OV_EX_AXIS)
                    continue;
                int k = ar->label[0] == 'x' ? 0 : 1;
                CHECK(ar->label[0] == (k ? 'y' : 'x'));
                CHECK_NEAR(ar->from[0], w[0], TOL * (1 + fabs(w[0])));
                CHECK_NEAR(ar->from[1], w[1], TOL * (1 + fabs(w[1])));
                CHECK_NEAR(ar->to[k] - ar->from[k], d[k], TOL);
                CHECK(ar->to[1 - k] == ar->from[1 - k]);
                axes++;
            }
            CHECK(axes == 2);
            CHECK_NEAR(x->box[0], step[0], TOL);
            CHECK_NEAR(x->box[1], step[1], TOL);
            CHECK_ARROW(x, "\xce\x94w", w, d[0], d[1]);
        }
        w[0] += d[0];
        w[1] += d[1];
    }
    CHECK(flips > 3);   /* the test went through sign flips */
    teardown(&f);
}

/* Any order of steps gives what a fresh replay gives; cg and newton show
 * trials; every explained next point is the run's next iterate. */
static void test_replay_and_search(void)
{
    for (int kind = 0; kind < OV_OPTIM_COUNT; kind++) {
        fixture f;
        ov_optim_params def;
        ov_optim_defaults((ov_optim_kind)kind, &def);
        const bool search = kind == OV_OPT_CG || kind == OV_OPT_NEWTON || kind == OV_OPT_LBFGS;
        double alpha = kind == OV_OPT_ADADELTA || search ? 1.0 : 0.05;
        double sigma = search ? 0.0 : 0.5;   /* line searches stall on noise */
        if (!setup(&f, (ov_optim_kind)kind, alpha, -1, sigma, 30))
            continue;
        const int order[] = {5, 6, 7, 3, 9, 0, 9, 2};
        for (size_t n = 0; n < sizeof order / sizeof order[0]; n++) {
            int i = order[n];
            if (i + 1 >= f.run.n)
                continue;
            ov_explainer fresh;
            ov_explainer_init(&fresh);
            ov_explain ref;
            bool a = explain(&f, i);
            bool b = ov_explain_update(&fresh, f.s, &f.run, (ov_vec2){START[0], START[1]}, i,
                                       &ref);
            CHECK(a && b);
            if (!a || !b)
                continue;
            CHECK(memcmp(f.out.next, ref.next, sizeof ref.next) == 0);
            CHECK(strcmp(f.out.caption, ref.caption) == 0 && f.out.narrows == ref.narrows);
            CHECK_MSG(f.out.next[0] == f.run.x[i + 1] && f.out.next[1] == f.run.y[i + 1],
                      "%s step %d: explained next point is not the run's",
                      ov_optim_info_of((ov_optim_kind)kind)->name, i);
            CHECK(f.out.caption[0] != 0);
            if (search) {
                int accepted = 0;
                for (int k = 0; k < f.out.npoints; k++)
                    accepted += f.out.points[k].role == OV_EXP_ACCEPTED;
                /* Once at the minimum (g = 0) nothing is searched. */
                CHECK(f.out.npoints >= 1 || (f.out.g[0] == 0 && f.out.g[1] == 0));
                CHECK_MSG(accepted == 1 || f.out.next[0] == f.out.w[0],
                          "%s step %d: %d accepted trials",
                          ov_optim_info_of((ov_optim_kind)kind)->name, i, accepted);
            }
        }
        teardown(&f);
    }
    /* Newton on the quadratic: the Newton point is the minimum (0, 0), and
     * the model ellipse passes through w and is centred there. */
    fixture f;
    if (setup(&f, OV_OPT_NEWTON, 1.0, -1, 0, 5) && explain(&f, 0)) {
        const ov_explain *x = &f.out;
        bool found = false;
        for (int k = 0; k < x->npoints; k++)
            if (x->points[k].role == OV_EXP_NEWTON) {
                found = true;
                CHECK_NEAR(x->points[k].w[0], 0.0, 1e-12);
                CHECK_NEAR(x->points[k].w[1], 0.0, 1e-12);
            }
        CHECK(found && x->nellipse == OV_EXPLAIN_ELLIPSE);
        /* Every ellipse point on the level ½ p'Hp of w: x² + 10 y² = 9 + 10. */
        for (int s = 0; s < x->nellipse; s++)
            CHECK_NEAR(x->ellipse[s][0] * x->ellipse[s][0] +
                           KAPPA * x->ellipse[s][1] * x->ellipse[s][1],
                       START[0] * START[0] + KAPPA * START[1] * START[1], 1e-9);
        CHECK_NEAR(x->model_h[0], 1.0, 1e-12);
        CHECK_NEAR(x->model_h[2], KAPPA, 1e-12);
    }
    teardown(&f);
}

/* AdamW: the decay -αλw is its own arrow from w, and with Adam's step it
 * sums to the whole step; Lion with decay: -α sign(c) and -αλw; lbfgs:
 * -g drawn at the step's length against the step t d; nelder-mead: the
 * new simplex's three edges and its best vertex. By hand from the
 * quadratic's gradient (x, 10 y). */
static void test_beyond(void)
{
    fixture f;
    const double a = 0.1, lam = 2.0;
    if (setup(&f, OV_OPT_ADAMW, a, -1, 0, 10)) {
        f.run.params.wd = lam;
        CHECK(ov_run_compute_surface(&f.run, f.s, (ov_vec2){START[0], START[1]}, 10));
        double w[2] = {START[0], START[1]}, g[2];
        grad(w, g);
        if (explain(&f, 0)) {
            /* Step 1: Adam's part is -α g/(|g| + ε) per coordinate. */
            double adam[2] = {-a * g[0] / (fabs(g[0]) + 1e-8), -a * g[1] / (fabs(g[1]) + 1e-8)};
            CHECK_ARROW(&f.out, "−αλw (decay)", w, -a * lam * w[0], -a * lam * w[1]);
            CHECK_ARROW(&f.out, "−α m̂/(√v̂+ε)", w, adam[0], adam[1]);
            CHECK_ARROW(&f.out, "Δw", w, adam[0] - a * lam * w[0], adam[1] - a * lam * w[1]);
        }
        teardown(&f);
    }
    if (setup(&f, OV_OPT_LION, a, -1, 0, 10)) {
        f.run.params.wd = lam;
        CHECK(ov_run_compute_surface(&f.run, f.s, (ov_vec2){START[0], START[1]}, 10));
        double w[2] = {START[0], START[1]};
        if (explain(&f, 0)) {
            /* m = 0: c = (1-β) g, whose sign is g's: (-1, +1) at (-3, 1). */
            CHECK_ARROW(&f.out, "−α sign(c)", w, a, -a);
            CHECK_ARROW(&f.out, "−αλw", w, -a * lam * w[0], -a * lam * w[1]);
        }
        teardown(&f);
    }
    if (setup(&f, OV_OPT_LBFGS, 1.0, -1, 0, 5)) {
        double w[2] = {f.run.x[1], f.run.y[1]}, g[2];
        grad(w, g);
        if (explain(&f, 1)) {
            const double d[2] = {f.run.x[2] - w[0], f.run.y[2] - w[1]};
            const double len = hypot(d[0], d[1]), gn = hypot(g[0], g[1]);
            CHECK_ARROW(&f.out, "t d,  d = −Hg", w, d[0], d[1]);
            CHECK_ARROW(&f.out, "−g (same length)", w, -g[0] / gn * len, -g[1] / gn * len);
            /* The second step of a 2-D quadratic lands on the minimum. */
            CHECK(hypot(f.run.x[2], f.run.y[2]) < 1e-12);
            CHECK(strstr(f.out.caption, "from 1 stored pairs") != NULL);
        }
        teardown(&f);
    }
    if (setup(&f, OV_OPT_NELDER_MEAD, 1.0, -1, 0, 5)) {
        if (explain(&f, 2)) {
            int guides = 0;
            for (int k = 0; k < f.out.narrows; k++)
                guides += f.out.arrows[k].role == OV_EX_GUIDE;
            CHECK(guides == 3);
            CHECK(strstr(f.out.caption, "nelder-mead: ") == f.out.caption);
            CHECK(f.out.next[0] == f.run.x[3] && f.out.next[1] == f.run.y[3]);
        }
        teardown(&f);
    }
}

/* The replay starts again when a run's typed rule changes, even with the
 * same α and β (the rule is part of what is replayed): typed gd and typed
 * momentum take the same first step (u = -g), so the replay's cursor after
 * it matches either run; the second step must be the new rule's. */
static void test_rule_change(void)
{
    fixture f;
    if (!setup(&f, OV_OPT_RULE, 0.05, -1, 0, 10))
        return;
    f.run.params.rule = ov_rule_intern("w = w - alpha*g", "", NULL);
    CHECK(ov_run_compute_surface(&f.run, f.s, (ov_vec2){START[0], START[1]}, 10));
    if (explain(&f, 1))
        CHECK(f.out.next[0] == f.run.x[2] && f.out.next[1] == f.run.y[2]);
    const double gd2[2] = {f.run.x[2], f.run.y[2]};
    f.run.params.rule = ov_rule_intern("u = beta*u - g; w = w + alpha*u", "", NULL);
    CHECK(ov_run_compute_surface(&f.run, f.s, (ov_vec2){START[0], START[1]}, 10));
    CHECK(f.run.x[2] != gd2[0]);   /* the second steps differ */
    if (explain(&f, 1))
        CHECK_MSG(f.out.next[0] == f.run.x[2] && f.out.next[1] == f.run.y[2],
                  "the explanation replays the old rule");
    teardown(&f);
}

int main(void)
{
    test_gd();
    test_gd_schedule();
    test_momentum(0.0);
    test_momentum(0.7);
    test_nesterov();
    test_adam();
    test_rprop();
    test_replay_and_search();
    test_beyond();
    test_rule_change();
    return ov_test_finish("test_core_explain");
}
