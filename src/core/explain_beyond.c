/* The step taken apart for the methods beyond the lecture: the Adam
 * variants' per-coordinate numerator and denominator (and AdamW's decay
 * toward the origin as its own term), Lion's sign step, L-BFGS's
 * quasi-Newton direction against -g with its line-search trials, and the
 * Nelder-Mead simplex with the points it tried. Every number comes from
 * the states before and after the step and the oracle calls it made. */
#include "explain_beyond.h"
#include "explain_build.h"
#include "rule.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Adam variants: bars g, the step's numerator and denominator per axis,
 * the step per axis; AdamW's decay -α λ w drawn as a term of its own. */
static void ov_explain_adam_like(const ov_optim_params *p, const ov_optim_state *after,
                                 const double w[2], const double g[2], ov_explain *x)
{
    const double d[2] = {x->next[0] - w[0], x->next[1] - w[1]};
    const double c1 = 1.0 - after->beta_t[0], c2 = 1.0 - after->beta_t[1];
    for (int k = 0; k < 2; k++) {
        ov_explain_add_bar(x, k, 0, g[k], "g");
        switch (p->kind) {
        case OV_OPT_AMSGRAD:
            ov_explain_add_bar(x, k, 0, after->m[k] / c1, "m̂");
            ov_explain_add_bar(x, k, 0, sqrt(after->vmax[k] / c2), "√v̂max");
            break;
        case OV_OPT_ADAMAX:
            ov_explain_add_bar(x, k, 0, after->m[k] / c1, "m̂");
            ov_explain_add_bar(x, k, 0, after->s[k], "u");
            break;
        case OV_OPT_NADAM:
            ov_explain_add_bar(x, k, 0, after->m[k], "m");
            ov_explain_add_bar(x, k, 0, sqrt(after->s[k] / c2), "√v̂");
            break;
        default:
            ov_explain_add_bar(x, k, 0, after->m[k] / c1, "m̂");
            ov_explain_add_bar(x, k, 0, sqrt(after->s[k] / c2), "√v̂");
            break;
        }
        ov_explain_add_bar(x, k, 1, d[k], k == 0 ? "Δx" : "Δy");
    }
    const char *name = ov_optim_info_of(p->kind)->name;
    if (p->kind == OV_OPT_ADAMW) {
        /* The decay and the gradient's part, each from w, and their sum. */
        const double decay[2] = {-p->alpha * p->wd * w[0], -p->alpha * p->wd * w[1]};
        const double tip[2] = {w[0] + decay[0], w[1] + decay[1]};
        const double adam[2] = {d[0] - decay[0], d[1] - decay[1]};
        const double tip_a[2] = {w[0] + adam[0], w[1] + adam[1]};
        ov_explain_add_arrow(x, w, decay[0], decay[1], OV_EX_TERM, 1.0, "−αλw (decay)");
        ov_explain_add_arrow(x, w, adam[0], adam[1], OV_EX_TERM, 1.0, "−α m̂/(√v̂+ε)");
        ov_explain_add_guide(x, tip, x->next);
        ov_explain_add_guide(x, tip_a, x->next);
        ov_explain_add_arrow(x, w, d[0], d[1], OV_EX_STEP, 1.0, "Δw");
        ov_explain_set_caption(x, "adamw: w ← w(1 − αλ), then Adam's step −α m̂/(√v̂ + ε) "
                               "per coordinate   (α = %.3g, λ = %.3g, t = %d)",
                               p->alpha, p->wd, after->t);
        return;
    }
    ov_explain_add_axis_steps(x, w, d, "Δx", "Δy", "Δw");
    switch (p->kind) {
    case OV_OPT_AMSGRAD:
        ov_explain_set_caption(x, "amsgrad: vmax ← max(vmax, v), Δw = −α m̂/(√(vmax/(1−β₂ᵗ)) + ε) "
                               "per coordinate   (α = %.3g, β = %.3g, β₂ = %.4g, t = %d)",
                               p->alpha, p->beta, p->beta2, after->t);
        break;
    case OV_OPT_NADAM:
        ov_explain_set_caption(x, "nadam: Δw = −α(1−μₜ)g/((1−Πμ)(√v̂+ε)) − αμₜ₊₁m/((1−Πμ·μₜ₊₁)(√v̂+ε)) "
                               "  (α = %.3g, β = %.3g, t = %d)", p->alpha, p->beta, after->t);
        break;
    case OV_OPT_RADAM: {
        const double rho_inf = 2.0 / (1.0 - p->beta2) - 1.0;
        const double rho = rho_inf - 2.0 * after->t * after->beta_t[1] / (1.0 - after->beta_t[1]);
        ov_explain_set_caption(x, "radam: ρₜ = %.3g %s   (α = %.3g, t = %d)", rho,
                               rho > 5.0 ? "> 5: Δw = −α m̂ rₜ √(1−β₂ᵗ)/(√v + ε)"
                                         : "≤ 5: Δw = −α m̂ (momentum only)",
                               p->alpha, after->t);
        break;
    }
    default:
        ov_explain_set_caption(x, "%s: u ← max(β₂u, |g| + ε), Δw = −α m/((1−βᵗ) u) per coordinate"
                               "   (α = %.3g, β = %.3g, t = %d)", name, p->alpha, p->beta,
                               after->t);
        break;
    }
}

/* Lion: c = βm + (1−β)g per coordinate, the step −α sign(c) along each
 * axis, and the decay −αλw when λ > 0. */
static void ov_explain_lion(const ov_optim_params *p, const ov_optim_state *before,
                            const ov_optim_state *after, const double w[2], const double g[2],
                            ov_explain *x)
{
    const double d[2] = {x->next[0] - w[0], x->next[1] - w[1]};
    double sgn[2];
    for (int k = 0; k < 2; k++) {
        const double c = p->beta * before->m[k] + (1.0 - p->beta) * g[k];
        sgn[k] = -p->alpha * ((c > 0.0) - (c < 0.0));
        ov_explain_add_bar(x, k, 0, g[k], "g");
        ov_explain_add_bar(x, k, 0, c, "c");
        ov_explain_add_bar(x, k, 1, d[k], k == 0 ? "Δx" : "Δy");
    }
    if (p->wd > 0.0) {
        ov_explain_add_arrow(x, w, sgn[0], sgn[1], OV_EX_TERM, 1.0, "−α sign(c)");
        ov_explain_add_arrow(x, w, -p->alpha * p->wd * w[0], -p->alpha * p->wd * w[1],
                             OV_EX_TERM, 1.0, "−αλw");
        ov_explain_add_arrow(x, w, d[0], d[1], OV_EX_STEP, 1.0, "Δw");
    } else {
        ov_explain_add_axis_steps(x, w, d, "−α sign(cₓ)", "−α sign(c) along y", "Δw");
    }
    ov_explain_set_caption(x, "lion: c = βm + (1−β)g, Δw = −α(sign(c) + λw), then "
                           "m ← β₂m + (1−β₂)g   (α = %.3g, β = %.3g, β₂ = %.3g, λ = %.3g, t = %d)",
                           p->alpha, p->beta, p->beta2, p->wd, after->t);
}

/* L-BFGS: the quasi-Newton direction d = −Hg against −g, the search line
 * and its trials. */
static void ov_explain_lbfgs(const ov_optim_state *before, const ov_optim_state *after,
                             const double w[2], const double g[2], const ov_explain_call *calls,
                             int ncalls, ov_explain *x)
{
    const double *d = after->lb_dir;
    const double t = after->ls_step;
    double far = 0.0, dd = d[0] * d[0] + d[1] * d[1];
    for (int c = 1; c < ncalls && dd > 0.0; c++) {
        double rel[2] = {calls[c].w[0] - w[0], calls[c].w[1] - w[1]};
        far = fmax(far, (rel[0] * d[0] + rel[1] * d[1]) / dd);
    }
    if (far > 0.0) {
        double end[2] = {w[0] + far * d[0], w[1] + far * d[1]};
        ov_explain_add_guide(x, w, end);
    }
    ov_explain_add_trials(calls, ncalls, false, x);
    /* −g at the length of the step taken, so the two directions compare. */
    const double gn = sqrt(g[0] * g[0] + g[1] * g[1]);
    const double len = t > 0.0 ? t * sqrt(dd) : sqrt(dd);
    if (gn > 0.0)
        ov_explain_add_arrow(x, w, -g[0] / gn * len, -g[1] / gn * len, OV_EX_TERM, 1.0,
                             "−g (same length)");
    if (t > 0.0)
        ov_explain_add_arrow(x, w, x->next[0] - w[0], x->next[1] - w[1], OV_EX_STEP, 1.0,
                             "t d,  d = −Hg");
    const double cosang = gn > 0.0 && dd > 0.0 ? -(g[0] * d[0] + g[1] * d[1]) / (gn * sqrt(dd)) : 1.0;
    /* A failed search drops the pairs after using them: count them before. */
    const int pairs = after->ls_result == OV_LS_FAILED ? before->lb_n : after->lb_n;
    ov_explain_set_caption(x, "lbfgs: d = −Hg from %d stored pairs (two-loop recursion, "
                           "H₀ = γI), %.0f° from −g; line search: %d trials, t = %.3g   (i = %d)",
                           pairs, acos(fmax(-1.0, fmin(1.0, cosang))) * 57.29577951308232,
                           ncalls > 0 ? ncalls - 1 : 0, t, x->step);
}

/* Nelder-Mead: the simplex after the iteration (its edges, the best vertex
 * kept), the points tried on the way, and what the iteration did. */
static void ov_explain_nelder_mead(const ov_optim_state *after, const ov_explain_call *calls,
                                   int ncalls, ov_explain *x)
{
    static const char *const ops[] = {"none", "reflection", "expansion", "outside contraction",
                                      "inside contraction", "shrink"};
    int nv = 0;
    while (nv < 2 + 1 &&   /* replays are of surfaces: n = 2 */ (nv == 0 || isfinite(after->nm_f[nv])))
        nv++;
    for (int v = 0; v < nv; v++)
        ov_explain_add_guide(x, after->nm_x[v], after->nm_x[(v + 1) % nv]);
    for (int c = 0; c < ncalls; c++) {
        char lab[OV_EXPLAIN_LABEL];
        snprintf(lab, sizeof lab, "%d", c + 1);
        bool kept = calls[c].w[0] == x->next[0] && calls[c].w[1] == x->next[1];
        ov_explain_add_point(x, calls[c].w, kept ? OV_EXP_ACCEPTED : OV_EXP_TRIAL, lab);
    }
    if (x->next[0] != x->w[0] || x->next[1] != x->w[1])
        ov_explain_add_arrow(x, x->w, x->next[0] - x->w[0], x->next[1] - x->w[1], OV_EX_STEP,
                             1.0, "best vertex");
    int op = after->nm_op >= 0 && after->nm_op <= OV_NM_SHRUNK ? after->nm_op : 0;
    ov_explain_set_caption(x, "nelder-mead: %s; %d loss evaluations this step, %d in all; "
                           "no gradient is used; w = the best vertex   (i = %d)",
                           ops[op], ncalls, after->nm_evals, x->step);
}

/* A typed rule: the step it took per axis and whole, and the rule. */
static void ov_explain_rule(const ov_optim_params *p, const double w[2], const double g[2],
                            ov_explain *x)
{
    const double d[2] = {x->next[0] - w[0], x->next[1] - w[1]};
    for (int k = 0; k < 2; k++) {
        ov_explain_add_bar(x, k, 0, g[k], "g");
        ov_explain_add_bar(x, k, 1, d[k], k == 0 ? "Δx" : "Δy");
    }
    ov_explain_add_axis_steps(x, w, d, "Δx", "Δy", "Δw");
    const ov_rule *r = p->rule;
    ov_explain_set_caption(x, "%s%s%s: %s   (α = %.3g, β = %.3g, i = %d)", "rule",
                           r && r->name[0] ? "-" : "", r ? r->name : "",
                           r ? r->source : OV_RULE_GD, p->alpha, p->beta, x->step);
}

bool ov_explain_beyond(const ov_optim_params *p, const ov_optim_state *before,
                       const ov_optim_state *after, const double w[2], const double g[2],
                       const ov_explain_call *calls, int ncalls, ov_explain *x)
{
    switch (p->kind) {
    case OV_OPT_AMSGRAD:
    case OV_OPT_NADAM:
    case OV_OPT_RADAM:
    case OV_OPT_ADAMAX:
    case OV_OPT_ADAMW:
        ov_explain_adam_like(p, after, w, g, x);
        return true;
    case OV_OPT_LION:
        ov_explain_lion(p, before, after, w, g, x);
        return true;
    case OV_OPT_LBFGS:
        ov_explain_lbfgs(before, after, w, g, calls, ncalls, x);
        return true;
    case OV_OPT_NELDER_MEAD:
        ov_explain_nelder_mead(after, calls, ncalls, x);
        return true;
    case OV_OPT_RULE:
        ov_explain_rule(p, w, g, x);
        return true;
    default:
        return false;
    }
}
