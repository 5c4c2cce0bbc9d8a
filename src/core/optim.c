/* The optimisers' update rules (DESIGN.md's table plus RMSprop, Adagrad,
 * Adadelta, iRprop-, conjugate gradient and Newton), their defaults and the
 * descriptions printed by --list-optimizers. Each step is a pure function of
 * the parameters, the per-run state and the loss oracle; cg and newton,
 * which search along a line, live in optim_methods.c. */
#include "optim.h"
#include "optim_internal.h"

#include <math.h>
#include <string.h>

#define OV_RPROP_UP 1.2
#define OV_RPROP_DOWN 0.5
#define OV_RPROP_MIN 1e-6
#define OV_RPROP_MAX 50.0

static const ov_optim_info ov_optim_table[OV_OPTIM_COUNT] = {
    [OV_OPT_GD] = {
        .name = "gd",
        .title = "gradient descent",
        .rule = "w <- w - α g(w)",
        .alpha = 0.01,
    },
    [OV_OPT_MOMENTUM] = {
        .name = "momentum",
        .title = "gradient descent with momentum (heavy ball)",
        .rule = "u_0 = -g_0;  u_i = -g_i + β u_(i-1);  w <- w + α u_i",
        .alpha = 0.01, .beta = 0.9,
        .uses_beta = true,
    },
    [OV_OPT_NESTEROV] = {
        .name = "nesterov",
        .title = "Nesterov accelerated gradient",
        .rule = "v <- β v - α g(w + β v);  w <- w + v;  v starts at 0",
        .alpha = 0.01, .beta = 0.9,
        .uses_beta = true,
    },
    [OV_OPT_ADAM] = {
        .name = "adam",
        .title = "Adam (Kingma & Ba 2015)",
        .rule = "t = 1, 2, ...;  m <- β m + (1-β) g;  s <- β2 s + (1-β2) g²;\n"
                "w <- w - α (m/(1-β^t)) / (sqrt(s/(1-β2^t)) + ε);  m, s start at 0, all per coordinate",
        .alpha = 0.001, .beta = 0.9, .beta2 = 0.999, .eps = 1e-8,
        .uses_beta = true, .uses_beta2 = true, .uses_eps = true,
    },
    [OV_OPT_RMSPROP] = {
        .name = "rmsprop",
        .title = "RMSprop (Tieleman & Hinton 2012)",
        .rule = "s <- β s + (1-β) g²;  w <- w - α g / (sqrt(s) + ε);  s starts at 0, per coordinate",
        .alpha = 0.001, .beta = 0.9, .eps = 1e-8,
        .uses_beta = true, .uses_eps = true,
    },
    [OV_OPT_ADAGRAD] = {
        .name = "adagrad",
        .title = "Adagrad (Duchi, Hazan & Singer 2011)",
        .rule = "s <- s + g²;  w <- w - α g / (sqrt(s) + ε);  s starts at 0, per coordinate",
        .alpha = 0.01, .eps = 1e-8,
        .uses_eps = true,
    },
    [OV_OPT_ADADELTA] = {
        .name = "adadelta",
        .title = "Adadelta (Zeiler 2012), β is the decay ρ",
        .rule = "s <- β s + (1-β) g²;  Δ = -sqrt(d + ε) / sqrt(s + ε) g;\n"
                "d <- β d + (1-β) Δ²;  w <- w + α Δ;  s, d start at 0, all per coordinate",
        .alpha = 1.0, .beta = 0.95, .eps = 1e-6,
        .uses_beta = true, .uses_eps = true,
    },
    [OV_OPT_RPROP] = {
        .name = "rprop",
        .title = "iRprop- (Igel & Husken 2000), sign-based, per coordinate",
        .rule = "per coordinate k, step_k starts at α:  if g_k g'_k > 0: step_k <- min(1.2 step_k, 50);\n"
                "if g_k g'_k < 0: step_k <- max(0.5 step_k, 1e-6), g_k <- 0;\n"
                "w_k <- w_k - sign(g_k) step_k;  g'_k <- g_k (g' starts at 0)",
        .alpha = 0.01,
    },
    [OV_OPT_CG] = {
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
    [OV_OPT_NEWTON] = {
        .name = "newton",
        .title = "damped Newton, saddle-free where H is not positive definite",
        .rule = "H = V Λ V' at w (eigenvalues λ_1 <= λ_2), δ = 1e-12 max|λ_i|;\n"
                "λ_1 > δ: p = -H^-1 g (Newton);  else p = -V |Λ|_δ^-1 V' g, |λ_i|_δ = max(|λ_i|, δ)\n"
                "(saddle-free: along negative curvature the step goes downhill, away from a saddle);\n"
                "H zero or not finite, or g'p > 0 from round-off: p = -g;\n"
                "t = α, α/2, α/4, ... (at most 51 trials) until L(w + t p) <= L(w) + 1e-4 t g'p\n"
                "and L(w + t p) < L(w);  w <- w + t p;  if none passes, w stays (the loss never increases)",
        .alpha = 1.0,
    },
};

const ov_optim_info *ov_optim_info_of(ov_optim_kind kind)
{
    if ((int)kind < 0 || kind >= OV_OPTIM_COUNT)
        return NULL;
    return &ov_optim_table[kind];
}

bool ov_optim_find(const char *name, ov_optim_kind *kind)
{
    if (!name)
        return false;
    for (int i = 0; i < OV_OPTIM_COUNT; i++) {
        if (strcmp(name, ov_optim_table[i].name) == 0) {
            if (kind)
                *kind = (ov_optim_kind)i;
            return true;
        }
    }
    return false;
}

void ov_optim_defaults(ov_optim_kind kind, ov_optim_params *p)
{
    const ov_optim_info *info = ov_optim_info_of(kind);
    memset(p, 0, sizeof *p);
    p->kind = kind;
    if (!info)
        return;
    p->alpha = info->alpha;
    p->beta = info->beta;
    p->beta2 = info->beta2;
    p->eps = info->eps;
}

void ov_optim_state_init(ov_optim_state *st, const ov_optim_params *p)
{
    memset(st, 0, sizeof *st);
    st->step[0] = p->alpha;
    st->step[1] = p->alpha;
    st->beta_t[0] = 1.0;
    st->beta_t[1] = 1.0;
}

static double ov_sign(double v)
{
    return (v > 0.0) - (v < 0.0);
}

static double ov_clamp(double v, double lo, double hi)
{
    return v < lo ? lo : (v > hi ? hi : v);
}

/* Gradient at w through the oracle; false when it is not finite. */
static bool ov_gradient(const ov_oracle *oracle, const double w[2], double g[2])
{
    double f;
    oracle->eval(oracle->ctx, w, &f, g, NULL);
    return isfinite(g[0]) && isfinite(g[1]);
}

bool ov_optim_step(const ov_optim_params *p, ov_optim_state *st, double w[2],
                   const ov_oracle *oracle)
{
    double g[2], delta[2];
    const double a = p->alpha, b = p->beta;

    if (p->kind == OV_OPT_CG)
        return ov_optim_step_cg(p, st, w, oracle);
    if (p->kind == OV_OPT_NEWTON)
        return ov_optim_step_newton(p, st, w, oracle);

    if (p->kind == OV_OPT_NESTEROV) {
        double ahead[2] = {w[0] + b * st->u[0], w[1] + b * st->u[1]};
        if (!ov_gradient(oracle, ahead, g))
            return false;
    } else if (!ov_gradient(oracle, w, g)) {
        return false;
    }
    st->t++;

    switch (p->kind) {
    case OV_OPT_GD:
        for (int k = 0; k < 2; k++)
            delta[k] = -a * g[k];
        break;
    case OV_OPT_MOMENTUM:
        /* u starts at 0, so the first step is u_0 = -g_0. */
        for (int k = 0; k < 2; k++) {
            st->u[k] = -g[k] + b * st->u[k];
            delta[k] = a * st->u[k];
        }
        break;
    case OV_OPT_NESTEROV:
        for (int k = 0; k < 2; k++) {
            st->u[k] = b * st->u[k] - a * g[k];
            delta[k] = st->u[k];
        }
        break;
    case OV_OPT_ADAM: {
        st->beta_t[0] *= b;
        st->beta_t[1] *= p->beta2;
        double c1 = 1.0 - st->beta_t[0], c2 = 1.0 - st->beta_t[1];
        for (int k = 0; k < 2; k++) {
            st->m[k] = b * st->m[k] + (1.0 - b) * g[k];
            st->s[k] = p->beta2 * st->s[k] + (1.0 - p->beta2) * g[k] * g[k];
            delta[k] = -a * (st->m[k] / c1) / (sqrt(st->s[k] / c2) + p->eps);
        }
        break;
    }
    case OV_OPT_RMSPROP:
        for (int k = 0; k < 2; k++) {
            st->s[k] = b * st->s[k] + (1.0 - b) * g[k] * g[k];
            delta[k] = -a * g[k] / (sqrt(st->s[k]) + p->eps);
        }
        break;
    case OV_OPT_ADAGRAD:
        for (int k = 0; k < 2; k++) {
            st->s[k] += g[k] * g[k];
            delta[k] = -a * g[k] / (sqrt(st->s[k]) + p->eps);
        }
        break;
    case OV_OPT_ADADELTA:
        for (int k = 0; k < 2; k++) {
            st->s[k] = b * st->s[k] + (1.0 - b) * g[k] * g[k];
            double dx = -sqrt(st->d[k] + p->eps) / sqrt(st->s[k] + p->eps) * g[k];
            st->d[k] = b * st->d[k] + (1.0 - b) * dx * dx;
            delta[k] = a * dx;
        }
        break;
    case OV_OPT_RPROP:
        for (int k = 0; k < 2; k++) {
            double agree = g[k] * st->prev_g[k];
            if (agree > 0.0) {
                st->step[k] = ov_clamp(st->step[k] * OV_RPROP_UP, OV_RPROP_MIN, OV_RPROP_MAX);
            } else if (agree < 0.0) {
                st->step[k] = ov_clamp(st->step[k] * OV_RPROP_DOWN, OV_RPROP_MIN, OV_RPROP_MAX);
                g[k] = 0.0;
            }
            delta[k] = -ov_sign(g[k]) * st->step[k];
            st->prev_g[k] = g[k];
        }
        break;
    default:
        return false;
    }

    w[0] += delta[0];
    w[1] += delta[1];
    st->last_delta[0] = delta[0];
    st->last_delta[1] = delta[1];
    return true;
}
