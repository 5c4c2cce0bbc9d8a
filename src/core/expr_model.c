/* Expression engine, models: a model formula's value, gradient and Hessian
 * with respect to its n parameters (not its data inputs), by forward-mode
 * differentiation over the postfix tape with dense tangents: each stack
 * entry holds its value, its n first derivatives and the packed upper
 * triangle of its n x n second derivatives. The caller's workspace holds
 * the stack (no allocation here); entries that do not depend on the
 * parameters (constants, inputs) carry no derivatives at all. */
#include "expr_internal.h"

#include <math.h>
#include <string.h>

/* Doubles one stack entry takes for n parameters: v, g[n], h[n(n+1)/2]. */
static size_t entry_size(int n) { return 1u + (size_t)n + (size_t)n * ((size_t)n + 1u) / 2u; }

size_t ov_expr_model_work_size(const ov_expr *e)
{
    if (!e)
        return 0;
    int n = e->nparams - e->ninputs;
    int depth = e->max_stack > 0 ? e->max_stack : 1;
    return (size_t)depth * entry_size(n);
}

/* The value and the partial derivatives of a binary op f(a, b). */
typedef struct partials {
    double f, fa, fb, faa, fab, fbb;
} partials;

static partials binary_partials(int code, double a, double b)
{
    partials p = {0.0, 0.0, 0.0, 0.0, 0.0, 0.0};
    switch (code) {
    case OV_OP_ADD:
        p.f = a + b, p.fa = 1.0, p.fb = 1.0;
        break;
    case OV_OP_SUB:
        p.f = a - b, p.fa = 1.0, p.fb = -1.0;
        break;
    case OV_OP_MUL:
        p.f = a * b, p.fa = b, p.fb = a, p.fab = 1.0;
        break;
    case OV_OP_DIV: {
        double ib = 1.0 / b;
        p.f = a / b;
        p.fa = ib, p.fb = -p.f * ib;
        p.fab = -ib * ib, p.fbb = 2.0 * p.f * ib * ib;
        break;
    }
    default: { /* OV_OP_POW: a^b = exp(b log a) */
        double la = log(a);
        p.f = pow(a, b);
        double am1 = pow(a, b - 1.0);
        p.fa = b * am1, p.fb = p.f * la;
        p.faa = b * (b - 1.0) * pow(a, b - 2.0);
        p.fab = am1 * (1.0 + b * la), p.fbb = p.f * la * la;
        break;
    }
    }
    return p;
}

void ov_expr_model_eval(const ov_expr *e, const double *vars, double *work, double *value,
                        double *grad, double *hess)
{
    const int n = e->nparams - e->ninputs;
    const size_t es = entry_size(n), nh = es - 1u - (size_t)n;
    const int want_g = grad != NULL, want_h = want_g && hess != NULL;
    /* active[k]: entry k depends on a parameter (its derivatives are set). */
    unsigned char active[OV_EXPR_STACK];
    int sp = 0;
    for (int i = 0; i < e->nops; i++) {
        const ov_expr_op *op = &e->ops[i];
        if (op->code == OV_OP_CONST || op->code == OV_OP_PARAM || op->code == OV_OP_X ||
            op->code == OV_OP_Y) {
            double *t = work + (size_t)sp * es;
            int k = op->code == OV_OP_PARAM ? op->arg - e->ninputs : -1;
            t[0] = op->code == OV_OP_CONST ? op->k : op->code == OV_OP_PARAM ? vars[op->arg] : 0.0;
            active[sp] = (unsigned char)(k >= 0 && want_g);
            if (active[sp]) {
                memset(t + 1, 0, (size_t)n * sizeof *t);
                t[1 + k] = 1.0;
                if (want_h)
                    memset(t + 1 + n, 0, nh * sizeof *t);
            }
            sp++;
            continue;
        }
        if (op->code <= OV_OP_POW) {
            sp--;
            double *a = work + (size_t)(sp - 1) * es, *b = a + es;
            int aa = active[sp - 1], ba = active[sp];
            partials p = binary_partials(op->code, a[0], b[0]);
            a[0] = p.f;
            if (!aa && !ba)
                continue;
            const double *ag = a + 1, *bg = b + 1;
            if (want_h) {
                /* h_ij = fa a_ij + fb b_ij + faa a_i a_j + fbb b_i b_j
                 *        + fab (a_i b_j + b_i a_j) */
                double *ah = a + 1 + n;
                const double *bh = b + 1 + n;
                size_t idx = 0;
                for (int r = 0; r < n; r++)
                    for (int c = r; c < n; c++, idx++) {
                        double h = 0.0;
                        if (aa)
                            h += p.fa * ah[idx] + p.faa * ag[r] * ag[c];
                        if (ba)
                            h += p.fb * bh[idx] + p.fbb * bg[r] * bg[c];
                        if (aa && ba)
                            h += p.fab * (ag[r] * bg[c] + bg[r] * ag[c]);
                        ah[idx] = h;
                    }
            }
            double *g = a + 1;
            for (int r = 0; r < n; r++)
                g[r] = (aa ? p.fa * ag[r] : 0.0) + (ba ? p.fb * bg[r] : 0.0);
            active[sp - 1] = 1;
            continue;
        }
        /* A unary op: f(a) with f', f''. */
        double *a = work + (size_t)(sp - 1) * es;
        double d1, d2;
        double f = ov_expr_unary_eval(op, a[0], &d1, want_h ? &d2 : NULL);
        a[0] = f;
        if (!active[sp - 1])
            continue;
        double *g = a + 1;
        if (want_h) {
            double *h = a + 1 + n;
            size_t idx = 0;
            for (int r = 0; r < n; r++)
                for (int c = r; c < n; c++, idx++)
                    h[idx] = d1 * h[idx] + d2 * g[r] * g[c];
        }
        for (int r = 0; r < n; r++)
            g[r] *= d1;
    }
    if (sp != 1) { /* cannot happen for a parsed tape */
        *value = NAN;
        for (int r = 0; want_g && r < n; r++)
            grad[r] = NAN;
        for (size_t r = 0; want_h && r < nh; r++)
            hess[r] = NAN;
        return;
    }
    *value = work[0];
    if (want_g) {
        if (active[0])
            memcpy(grad, work + 1, (size_t)n * sizeof *grad);
        else
            memset(grad, 0, (size_t)n * sizeof *grad);
    }
    if (want_h) {
        if (active[0])
            memcpy(hess, work + 1 + n, nh * sizeof *hess);
        else
            memset(hess, 0, nh * sizeof *hess);
    }
}
