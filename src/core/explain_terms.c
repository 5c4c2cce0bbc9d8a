/* The decomposition of one update into the lecture's terms, per method:
 * gd's -α g_i (eqs. 1-2); momentum's -α g_i, α β u_(i-1) and their sum
 * α u_i (eqs. 4, 6) with the fan of eq. 5; nesterov's look-ahead point and
 * the gradient taken there; the per-coordinate scaling of adam, rmsprop,
 * adagrad and adadelta; rprop's step sizes; cg's direction and line-search
 * trials; newton's local quadratic model and Newton point (the methods
 * beyond the lecture in explain_beyond.c). Every number
 * comes from the states before and after the step and the oracle calls it
 * made (see explain.h). */
#include "explain.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "explain_beyond.h"
#include "explain_build.h"
#include "linalg.h"

static void ov_explain_gd(const ov_optim_params *p, const double w[2], const double g[2],
                          ov_explain *x)
{
    ov_explain_add_arrow(x, w, -p->alpha * g[0], -p->alpha * g[1], OV_EX_STEP, 1.0, "\xe2\x88\x92\xce\xb1 g\xe1\xb5\xa2");
    ov_explain_set_caption(x, "gd, eqs. 1\xe2\x80\x93" "2: u\xe1\xb5\xa2 = \xe2\x88\x92g\xe1\xb5\xa2,  "
               "w\xe1\xb5\xa2\xe2\x82\x8a\xe2\x82\x81 = w\xe1\xb5\xa2 + \xce\xb1 u\xe1\xb5\xa2 = "
               "w\xe1\xb5\xa2 \xe2\x88\x92 \xce\xb1 g\xe1\xb5\xa2   (\xce\xb1 = %.3g, i = %d)",
               p->alpha, x->step);
}

static void ov_explain_momentum(const ov_optim_params *p, const ov_optim_state *before,
                                const double w[2], const double g[2],
                                const double (*past)[2], int npast, ov_explain *x)
{
    const double a = p->alpha, b = p->beta;
    double tip_g[2] = {w[0] - a * g[0], w[1] - a * g[1]};
    double tip_u[2] = {w[0] + a * b * before->u[0], w[1] + a * b * before->u[1]};
    /* Eq. 5: the older gradients, each -α β^k g_(i-k), fading with k. */
    int nfan = npast < x->step ? npast : x->step;
    if (nfan > OV_EXPLAIN_FAN - 1)
        nfan = OV_EXPLAIN_FAN - 1;
    double bk = 1.0;
    for (int k = 1; k <= nfan; k++) {
        bk *= b;
        const char *label = k == 1 ? "\xe2\x88\x92\xce\xb1\xce\xb2 g\xe1\xb5\xa2\xe2\x82\x8b\xe2\x82\x81"
                          : k == 2 ? "\xe2\x88\x92\xce\xb1\xce\xb2\xc2\xb2 g\xe1\xb5\xa2\xe2\x82\x8b\xe2\x82\x82"
                                   : "";
        ov_explain_add_arrow(x, w, -a * bk * past[k - 1][0], -a * bk * past[k - 1][1], OV_EX_FAN, bk,
                 label);
    }
    ov_explain_add_guide(x, tip_g, x->next);
    ov_explain_add_guide(x, tip_u, x->next);
    ov_explain_add_arrow(x, w, -a * g[0], -a * g[1], OV_EX_TERM, 1.0, "\xe2\x88\x92\xce\xb1 g\xe1\xb5\xa2");
    ov_explain_add_arrow(x, w, a * b * before->u[0], a * b * before->u[1], OV_EX_TERM, 1.0,
             "\xce\xb1\xce\xb2 u\xe1\xb5\xa2\xe2\x82\x8b\xe2\x82\x81");
    ov_explain_add_arrow(x, w, x->next[0] - w[0], x->next[1] - w[1], OV_EX_STEP, 1.0, "\xce\xb1 u\xe1\xb5\xa2");
    ov_explain_set_caption(x, "momentum, eqs. 4\xe2\x80\x93" "6: u\xe1\xb5\xa2 = \xe2\x88\x92g\xe1\xb5\xa2 + "
               "\xce\xb2 u\xe1\xb5\xa2\xe2\x82\x8b\xe2\x82\x81 = \xe2\x88\x92g\xe1\xb5\xa2 "
               "\xe2\x88\x92 \xce\xb2 g\xe1\xb5\xa2\xe2\x82\x8b\xe2\x82\x81 \xe2\x88\x92 "
               "\xce\xb2\xc2\xb2 g\xe1\xb5\xa2\xe2\x82\x8b\xe2\x82\x82 \xe2\x88\x92 \xe2\x80\xa6,  "
               "w\xe1\xb5\xa2\xe2\x82\x8a\xe2\x82\x81 = w\xe1\xb5\xa2 + \xce\xb1 u\xe1\xb5\xa2   "
               "(\xce\xb1 = %.3g, \xce\xb2 = %.3g, i = %d%s)",
               a, b, x->step, nfan < x->step ? "; the fan shows the newest terms" : "");
}

static void ov_explain_nesterov(const ov_optim_params *p, const ov_optim_state *before,
                                const double w[2], const double g[2], ov_explain *x)
{
    const double a = p->alpha, b = p->beta;
    double ahead[2] = {w[0] + b * before->u[0], w[1] + b * before->u[1]};
    ov_explain_add_arrow(x, w, b * before->u[0], b * before->u[1], OV_EX_TERM, 1.0, "\xce\xb2v");
    ov_explain_add_arrow(x, ahead, -a * g[0], -a * g[1], OV_EX_GRADIENT, 1.0,
             "\xe2\x88\x92\xce\xb1 g(w + \xce\xb2v)");
    ov_explain_add_arrow(x, w, x->next[0] - w[0], x->next[1] - w[1], OV_EX_STEP, 1.0,
             "v = \xce\xb2v \xe2\x88\x92 \xce\xb1 g(w + \xce\xb2v)");
    ov_explain_add_point(x, ahead, OV_EXP_LOOKAHEAD, "w + \xce\xb2v");
    ov_explain_set_caption(x, "nesterov: v \xe2\x86\x90 \xce\xb2v \xe2\x88\x92 \xce\xb1 g(w + \xce\xb2v),  "
               "w \xe2\x86\x90 w + v: the gradient is taken at the look-ahead point w + \xce\xb2v"
               "   (\xce\xb1 = %.3g, \xce\xb2 = %.3g, i = %d)", a, b, x->step);
}

/* adam, rmsprop, adagrad, adadelta: bars g, the method's numerator and
 * denominator per axis (gradient units), and the step per axis. */
static void ov_explain_adaptive(const ov_optim_params *p, const ov_optim_state *before,
                                const ov_optim_state *after, const double w[2],
                                const double g[2], ov_explain *x)
{
    const double d[2] = {x->next[0] - w[0], x->next[1] - w[1]};
    for (int k = 0; k < 2; k++) {
        ov_explain_add_bar(x, k, 0, g[k], "g");
        switch (p->kind) {
        case OV_OPT_ADAM:
            ov_explain_add_bar(x, k, 0, after->m[k] / (1.0 - after->beta_t[0]), "m\xcc\x82");
            ov_explain_add_bar(x, k, 0, sqrt(after->s[k] / (1.0 - after->beta_t[1])), "\xe2\x88\x9a\xc5\x9d");
            break;
        case OV_OPT_ADADELTA:
            ov_explain_add_bar(x, k, 0, sqrt(after->s[k] + p->eps), "\xe2\x88\x9a(s+\xce\xb5)");
            ov_explain_add_bar(x, k, 1, sqrt(before->d[k] + p->eps), "\xe2\x88\x9a(d+\xce\xb5)");
            break;
        default:
            ov_explain_add_bar(x, k, 0, sqrt(after->s[k]), "\xe2\x88\x9as");
            break;
        }
        ov_explain_add_bar(x, k, 1, d[k], k == 0 ? "\xce\x94x" : "\xce\x94y");
    }
    switch (p->kind) {
    case OV_OPT_ADAM:
        ov_explain_add_axis_steps(x, w, d, "\xe2\x88\x92\xce\xb1 m\xcc\x82\xe2\x82\x93/(\xe2\x88\x9a\xc5\x9d\xe2\x82\x93+\xce\xb5)",
                      "\xe2\x88\x92\xce\xb1 m\xcc\x82/(\xe2\x88\x9a\xc5\x9d+\xce\xb5) along y", "\xce\x94w");
        ov_explain_set_caption(x, "adam: m\xcc\x82 = m/(1\xe2\x88\x92\xce\xb2\xe1\xb5\x97), "
                   "\xc5\x9d = s/(1\xe2\x88\x92\xce\xb2\xe2\x82\x82\xe1\xb5\x97), "
                   "\xce\x94w = \xe2\x88\x92\xce\xb1 m\xcc\x82/(\xe2\x88\x9a\xc5\x9d + \xce\xb5) "
                   "per coordinate   (\xce\xb1 = %.3g, \xce\xb2 = %.3g, \xce\xb2\xe2\x82\x82 = %.4g, t = %d)",
                   p->alpha, p->beta, p->beta2, after->t);
        break;
    case OV_OPT_RMSPROP:
        ov_explain_add_axis_steps(x, w, d, "\xe2\x88\x92\xce\xb1 g\xe2\x82\x93/(\xe2\x88\x9as\xe2\x82\x93+\xce\xb5)",
                      "\xe2\x88\x92\xce\xb1 g/(\xe2\x88\x9as+\xce\xb5) along y", "\xce\x94w");
        ov_explain_set_caption(x, "rmsprop: s \xe2\x86\x90 \xce\xb2s + (1\xe2\x88\x92\xce\xb2)g\xc2\xb2, "
                   "\xce\x94w = \xe2\x88\x92\xce\xb1 g/(\xe2\x88\x9as + \xce\xb5) per coordinate"
                   "   (\xce\xb1 = %.3g, \xce\xb2 = %.3g, i = %d)", p->alpha, p->beta, x->step);
        break;
    case OV_OPT_ADAGRAD:
        ov_explain_add_axis_steps(x, w, d, "\xe2\x88\x92\xce\xb1 g\xe2\x82\x93/(\xe2\x88\x9as\xe2\x82\x93+\xce\xb5)",
                      "\xe2\x88\x92\xce\xb1 g/(\xe2\x88\x9as+\xce\xb5) along y", "\xce\x94w");
        ov_explain_set_caption(x, "adagrad: s \xe2\x86\x90 s + g\xc2\xb2 (every gradient so far), "
                   "\xce\x94w = \xe2\x88\x92\xce\xb1 g/(\xe2\x88\x9as + \xce\xb5) per coordinate"
                   "   (\xce\xb1 = %.3g, i = %d)", p->alpha, x->step);
        break;
    default:
        ov_explain_add_axis_steps(x, w, d, "\xce\x94x", "\xce\x94y", "\xce\x94w");
        ov_explain_set_caption(x, "adadelta: s \xe2\x86\x90 \xce\xb2s + (1\xe2\x88\x92\xce\xb2)g\xc2\xb2, "
                   "\xce\x94w = \xe2\x88\x92\xce\xb1 \xe2\x88\x9a(d+\xce\xb5)/\xe2\x88\x9a(s+\xce\xb5) g "
                   "per coordinate, d the mean of past \xce\x94w\xc2\xb2   "
                   "(\xce\xb1 = %.3g, \xce\xb2 = %.3g, i = %d)", p->alpha, p->beta, x->step);
        break;
    }
}

static void ov_explain_rprop(const ov_optim_state *before, const ov_optim_state *after,
                             const double w[2], ov_explain *x)
{
    const double d[2] = {x->next[0] - w[0], x->next[1] - w[1]};
    char lab[2][OV_EXPLAIN_LABEL];
    for (int k = 0; k < 2; k++) {
        const char *axis = k == 0 ? "x" : "y";
        double ratio = before->step[k] > 0.0 ? after->step[k] / before->step[k] : 1.0;
        if (d[k] == 0.0 && ratio < 1.0)
            snprintf(lab[k], sizeof lab[k], "%s: sign flipped, step \xc3\x97%.2g, no move",
                     axis, ratio);
        else if (x->step == 0)
            snprintf(lab[k], sizeof lab[k], "%s: first step = \xce\xb1", axis);
        else
            snprintf(lab[k], sizeof lab[k], "%s: step \xc3\x97%.2g", axis, ratio);
        x->box[k] = after->step[k];
        ov_explain_add_bar(x, k, 1, after->step[k], "step");
        ov_explain_add_bar(x, k, 1, d[k], k == 0 ? "\xce\x94x" : "\xce\x94y");
    }
    ov_explain_add_axis_steps(x, w, d, lab[0], lab[1], "\xce\x94w");
    ov_explain_set_caption(x, "rprop (iRprop\xe2\x88\x92): per coordinate, step \xc3\x97" "1.2 while g keeps "
               "its sign, \xc3\x97" "0.5 when it flips (then no move);  w \xe2\x86\x90 w "
               "\xe2\x88\x92 sign(g)\xc2\xb7step   (box: the step sizes, i = %d)", x->step);
}

static double ov_dot2(const double a[2], const double b[2])
{
    return a[0] * b[0] + a[1] * b[1];
}


static void ov_explain_cg(const ov_optim_state *before, const ov_optim_state *after,
                          const double w[2], const double g[2], const ov_explain_call *calls,
                          int ncalls, ov_explain *x)
{
    /* Polak-Ribiere+, as the method computes it (optim_cg.c). */
    const double prev_gg = ov_dot2(before->cg_g, before->cg_g);
    double beta = 0.0;
    if (prev_gg > 0.0) {
        double dg[2] = {g[0] - before->cg_g[0], g[1] - before->cg_g[1]};
        beta = fmax(0.0, ov_dot2(g, dg) / prev_gg);
    }
    double d[2] = {-g[0] + beta * before->cg_d[0], -g[1] + beta * before->cg_d[1]};
    bool restart = !(ov_dot2(g, d) < 0.0) || !isfinite(beta);
    if (restart) {
        beta = 0.0;
        d[0] = -g[0];
        d[1] = -g[1];
    }
    const double t = after->ls_step;
    /* The search line, through the farthest trial. */
    double far = 0.0, dd = ov_dot2(d, d);
    for (int c = 1; c < ncalls && dd > 0.0; c++) {
        double rel[2] = {calls[c].w[0] - w[0], calls[c].w[1] - w[1]};
        far = fmax(far, ov_dot2(rel, d) / dd);
    }
    if (far > 0.0) {
        double end[2] = {w[0] + far * d[0], w[1] + far * d[1]};
        ov_explain_add_guide(x, w, end);
    }
    ov_explain_add_trials(calls, ncalls, false, x);
    if (t > 0.0) {
        double tip_g[2] = {w[0] - t * g[0], w[1] - t * g[1]};
        double tip_d[2] = {w[0] + t * beta * before->cg_d[0], w[1] + t * beta * before->cg_d[1]};
        ov_explain_add_guide(x, tip_g, x->next);
        if (beta > 0.0) {
            ov_explain_add_guide(x, tip_d, x->next);
            ov_explain_add_arrow(x, w, t * beta * before->cg_d[0], t * beta * before->cg_d[1], OV_EX_TERM,
                     1.0, "t \xce\xb2\xe2\x82\x96 d\xe2\x82\x96\xe2\x82\x8b\xe2\x82\x81");
        }
        ov_explain_add_arrow(x, w, -t * g[0], -t * g[1], OV_EX_TERM, 1.0, "\xe2\x88\x92t g\xe2\x82\x96");
        ov_explain_add_arrow(x, w, x->next[0] - w[0], x->next[1] - w[1], OV_EX_STEP, 1.0, "t d\xe2\x82\x96");
    }
    ov_explain_set_caption(x, "cg (Polak\xe2\x80\x93Ribi\xc3\xa8re+): d\xe2\x82\x96 = \xe2\x88\x92g\xe2\x82\x96 + "
               "\xce\xb2\xe2\x82\x96 d\xe2\x82\x96\xe2\x82\x8b\xe2\x82\x81, \xce\xb2\xe2\x82\x96 = %.3g%s;"
               "  line search along d\xe2\x82\x96: %d trials, %s",
               beta, restart && x->step > 0 ? " (restart: d\xe2\x82\x96 = \xe2\x88\x92g\xe2\x82\x96)" : "",
               ncalls > 0 ? ncalls - 1 : 0,
               t > 0.0 ? "t kept" : "none lowers the loss, w stays");
    if (t > 0.0) {
        size_t len = strlen(x->caption);
        snprintf(x->caption + len, sizeof x->caption - len, " = %.3g   (i = %d)", t, x->step);
    }
}

static void ov_explain_newton(const ov_optim_params *p, const ov_optim_state *after,
                              const double w[2], const ov_explain_call *calls, int ncalls,
                              ov_explain *x)
{
    const ov_explain_call *c0 = &calls[0];
    /* On a curve (a formula in x alone) y has neither slope nor curvature. */
    const bool curve = c0->g[1] == 0.0 && c0->h[1] == 0.0 && c0->h[2] == 0.0;
    double lambda[2] = {0.0, 0.0}, v[2][2] = {{1.0, 0.0}, {0.0, 1.0}};
    bool finite_h = isfinite(c0->h[0]) && isfinite(c0->h[1]) && isfinite(c0->h[2]);
    if (finite_h)
        ov_sym2_eigen(c0->h, lambda, v);
    const double big = fmax(fabs(lambda[0]), fabs(lambda[1]));
    /* The model's matrix: H itself where positive definite, else V|Λ|V'
     * (saddle-free), eigenvalues floored as the method floors them. */
    double al[2];
    for (int i = 0; i < 2; i++)
        al[i] = fmax(fabs(lambda[i]), OV_NEWTON_EIG_FLOOR * big);
    x->model_f = c0->f;
    x->model_g[0] = c0->g[0];
    x->model_g[1] = c0->g[1];
    x->model_h[0] = al[0] * v[0][0] * v[0][0] + al[1] * v[1][0] * v[1][0];
    x->model_h[1] = al[0] * v[0][0] * v[0][1] + al[1] * v[1][0] * v[1][1];
    x->model_h[2] = al[0] * v[0][1] * v[0][1] + al[1] * v[1][1] * v[1][1];
    /* The direction the method took: its first trial is w + α p. */
    double dir[2] = {0.0, 0.0};
    if (ncalls > 1 && p->alpha > 0.0) {
        dir[0] = (calls[1].w[0] - w[0]) / p->alpha;
        dir[1] = (calls[1].w[1] - w[1]) / p->alpha;
    }
    const bool model = after->newton_dir == OV_NEWTON_EXACT || after->newton_dir == OV_NEWTON_ABS;
    double np[2] = {w[0] + dir[0], w[1] + dir[1]};
    if (model && ncalls > 1) {
        ov_explain_add_point(x, np, OV_EXP_NEWTON, "Newton point");
        ov_explain_add_arrow(x, w, dir[0], dir[1], OV_EX_TERM, 1.0,
                 curve ? "\xe2\x88\x92L\xe2\x80\xb2/L\xe2\x80\xb3"
                 : after->newton_dir == OV_NEWTON_EXACT
                     ? "\xe2\x88\x92H\xe2\x81\xbb\xc2\xb9g\xe1\xb5\xa2"
                     : "\xe2\x88\x92|H|\xe2\x81\xbb\xc2\xb9g\xe1\xb5\xa2");
        /* The model's level set through w: centred on the Newton point,
         * p'|H|p = r², drawn when both curvatures are real (not floored). */
        double r2 = dir[0] * (x->model_h[0] * dir[0] + x->model_h[1] * dir[1]) +
                    dir[1] * (x->model_h[1] * dir[0] + x->model_h[2] * dir[1]);
        if (fmin(fabs(lambda[0]), fabs(lambda[1])) > 1e-9 * big && r2 > 0.0 && isfinite(r2)) {
            double r = sqrt(r2);
            for (int s = 0; s < OV_EXPLAIN_ELLIPSE; s++) {
                double th = 2.0 * 3.14159265358979323846 * s / OV_EXPLAIN_ELLIPSE;
                double a0 = r / sqrt(al[0]) * cos(th), a1 = r / sqrt(al[1]) * sin(th);
                x->ellipse[s][0] = np[0] + a0 * v[0][0] + a1 * v[1][0];
                x->ellipse[s][1] = np[1] + a0 * v[0][1] + a1 * v[1][1];
            }
            x->nellipse = OV_EXPLAIN_ELLIPSE;
        }
    }
    ov_explain_add_trials(calls, ncalls, true, x);
    /* A full step lands on the Newton point: its arrow is the step. */
    bool full = model && ncalls > 1 && x->next[0] == np[0] && x->next[1] == np[1];
    if (after->ls_step > 0.0 && !full)
        ov_explain_add_arrow(x, w, x->next[0] - w[0], x->next[1] - w[1], OV_EX_STEP, 1.0, "t p");
    if (curve) {
        ov_explain_set_caption(x, "newton on a curve: local model L + L\xe2\x80\xb2" "d + \xc2\xbd L\xe2\x80\xb3" "d\xc2\xb2 "
                   "(the parabola), its minimum the Newton point; %s; t = %.3g   (i = %d)",
                   c0->h[0] > 0.0   ? "L\xe2\x80\xb3 > 0: p = \xe2\x88\x92L\xe2\x80\xb2/L\xe2\x80\xb3"
                   : c0->h[0] < 0.0 ? "L\xe2\x80\xb3 < 0: p = \xe2\x88\x92L\xe2\x80\xb2/|L\xe2\x80\xb3|"
                                    : "L\xe2\x80\xb3 = 0: p = \xe2\x88\x92L\xe2\x80\xb2",
                   after->ls_step, x->step);
        return;
    }
    const char *rule = after->newton_dir == OV_NEWTON_EXACT ? "H positive definite: p = \xe2\x88\x92H\xe2\x81\xbb\xc2\xb9g"
                       : after->newton_dir == OV_NEWTON_ABS ? "H not positive definite: saddle-free p = \xe2\x88\x92|H|\xe2\x81\xbb\xc2\xb9g"
                                                            : "no usable H: p = \xe2\x88\x92g";
    ov_explain_set_caption(x, "newton: local model L + g\xe1\xb5\x80p + \xc2\xbd p\xe1\xb5\x80Hp (ellipse: its level "
               "through w\xe1\xb5\xa2), minimum at the Newton point; %s; t = %.3g   (i = %d)",
               rule, after->ls_step, x->step);
}

void ov_explain_terms(const ov_optim_params *p, const ov_optim_state *st_before,
                      const ov_optim_state *st_after, const double w[2],
                      const double next[2], const ov_explain_call *calls, int ncalls,
                      const double (*past)[2], int npast, ov_explain *out)
{
    int step = out->step;
    memset(out, 0, sizeof *out);
    out->step = step;
    out->kind = p->kind;
    out->valid = true;
    for (int k = 0; k < 2; k++) {
        out->w[k] = w[k];
        out->next[k] = next[k];
    }
    if (ncalls < 1) {
        /* cg and newton remember a search that failed from this point: the
         * step is no step, and says so. */
        ov_explain_set_caption(out, "%s: the line search from here already failed once; it would fail "
                   "again, so w stays   (i = %d)", ov_optim_info_of(p->kind)->name, step);
        return;
    }
    const double *g = calls[0].g;
    out->g[0] = g[0];
    out->g[1] = g[1];
    switch (p->kind) {
    case OV_OPT_GD:
        ov_explain_gd(p, w, g, out);
        break;
    case OV_OPT_MOMENTUM:
        ov_explain_momentum(p, st_before, w, g, past, npast, out);
        break;
    case OV_OPT_NESTEROV:
        ov_explain_nesterov(p, st_before, w, g, out);
        break;
    case OV_OPT_ADAM:
    case OV_OPT_RMSPROP:
    case OV_OPT_ADAGRAD:
    case OV_OPT_ADADELTA:
        ov_explain_adaptive(p, st_before, st_after, w, g, out);
        break;
    case OV_OPT_RPROP:
        ov_explain_rprop(st_before, st_after, w, out);
        break;
    case OV_OPT_CG:
        ov_explain_cg(st_before, st_after, w, g, calls, ncalls, out);
        break;
    case OV_OPT_NEWTON:
        ov_explain_newton(p, st_after, w, calls, ncalls, out);
        break;
    default:
        if (ov_explain_beyond(p, st_before, st_after, w, g, calls, ncalls, out))
            break;
        out->valid = false;
        snprintf(out->why, sizeof out->why, "no decomposition for this method");
        break;
    }
}
