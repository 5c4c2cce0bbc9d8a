/* The optimiser table built from OV_OPTIMIZERS (one row per method, its
 * {info, state init, step} defined in optim_<name>.c), the look-ups by kind
 * and name, the defaults and the step dispatch, and the helpers the steps
 * share. */
#include "optim.h"
#include "optim_internal.h"

#include <math.h>
#include <string.h>

static const ov_optim_method *const ov_optim_table[OV_OPTIM_COUNT] = {
#define OV_OPTIM_ROW(kind, name) [OV_OPT_##kind] = &ov_optim_##name,
    OV_OPTIMIZERS(OV_OPTIM_ROW)
#undef OV_OPTIM_ROW
};

const ov_optim_method *ov_optim_method_of(ov_optim_kind kind)
{
    if ((int)kind < 0 || kind >= OV_OPTIM_COUNT)
        return NULL;
    return ov_optim_table[kind];
}

const ov_optim_info *ov_optim_info_of(ov_optim_kind kind)
{
    const ov_optim_method *m = ov_optim_method_of(kind);
    return m ? &m->info : NULL;
}

bool ov_optim_find(const char *name, ov_optim_kind *kind)
{
    if (!name)
        return false;
    for (int i = 0; i < OV_OPTIM_COUNT; i++) {
        if (strcmp(name, ov_optim_table[i]->info.name) == 0) {
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
    p->wd = info->wd;
    p->history = info->history;
}

void ov_optim_state_init(ov_optim_state *st, const ov_optim_params *p)
{
    memset(st, 0, sizeof *st);
    const ov_optim_method *m = ov_optim_method_of(p->kind);
    if (m && m->state_init)
        m->state_init(st, p);
}

bool ov_optim_step(const ov_optim_params *p, ov_optim_state *st, double *w,
                   const ov_oracle *oracle)
{
    const ov_optim_method *m = ov_optim_method_of(p->kind);
    return m ? m->step(p, st, w, oracle) : false;
}

bool ov_optim_gradient(const ov_oracle *oracle, const double *w, double *g)
{
    double f;
    oracle->eval(oracle->ctx, w, &f, g, NULL);
    for (int k = 0; k < oracle->n; k++)
        if (!isfinite(g[k]))
            return false;
    return true;
}

void ov_optim_take(ov_optim_state *st, double *w, const double *delta, const ov_oracle *oracle)
{
    for (int k = 0; k < oracle->n; k++) {
        w[k] += delta[k];
        st->last_delta[k] = delta[k];
    }
}

void ov_optim_adam_moments(const ov_optim_params *p, ov_optim_state *st, const double *g, int n)
{
    st->t++;
    st->beta_t[0] *= p->beta;
    st->beta_t[1] *= p->beta2;
    for (int k = 0; k < n; k++) {
        st->m[k] = p->beta * st->m[k] + (1.0 - p->beta) * g[k];
        st->s[k] = p->beta2 * st->s[k] + (1.0 - p->beta2) * g[k] * g[k];
    }
}

bool ov_optim_stay(ov_optim_state *st, ov_ls_result result, int evals)
{
    st->t++;
    st->ls_evals = evals;
    st->ls_step = 0.0;
    st->ls_result = result;
    memset(st->last_delta, 0, sizeof st->last_delta);
    return true;
}

void ov_optim_powers_init(ov_optim_state *st, const ov_optim_params *p)
{
    (void)p;
    st->beta_t[0] = 1.0;
    st->beta_t[1] = 1.0;
}
