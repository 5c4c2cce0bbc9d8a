/* The typed rule as a row of the optimiser table: each step runs the
 * rule's assignments in order for every coordinate (rule.h), and the
 * compiling and keeping of rules (ov_rule_intern). */
#include "optim_internal.h"
#include "rule.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof ((ov_optim_state *)0)->rule_state / sizeof ((ov_optim_state *)0)->rule_state[0] ==
                   OV_RULE_MAX_STATE,
               "a state slot per state name");

static const char *const ov_rule_fixed[OV_RULE_FIXED_NAMES] = {"w",    "g",     "t",  "alpha",
                                                                "beta", "beta2", "eps"};

static ov_rule *ov_rules[OV_RULE_MAX_INTERNED];
static int ov_nrules;

static void ov_rule_fail(ov_expr_error *err, int column, const char *msg)
{
    if (!err)
        return;
    err->column = column;
    snprintf(err->message, sizeof err->message, "%s", msg);
}

static bool ov_rule_ident(const char *s, size_t len)
{
    if (len == 0 || len >= 32 || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z') ||
                                   s[0] == '_'))
        return false;
    for (size_t i = 1; i < len; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
              (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
            return false;
    return true;
}

bool ov_rule_name_ok(const char *name, size_t len)
{
    if (len < 1 || len > OV_RULE_MAX_NAME)
        return false;
    for (size_t i = 0; i < len; i++)
        if (!((name[i] >= 'a' && name[i] <= 'z') || (name[i] >= 'A' && name[i] <= 'Z') ||
              (name[i] >= '0' && name[i] <= '9') || name[i] == '-'))
            return false;
    return true;
}

static void ov_rule_free(ov_rule *r)
{
    for (int i = 0; i < r->nstatements; i++)
        ov_expr_destroy(r->rhs[i]);
    free(r);
}

/* One statement [a, b) of r->source: its '=' at eq. */
typedef struct ov_rule_stmt {
    int a, b, eq, lhs_a, lhs_len;
} ov_rule_stmt;

static ov_rule *ov_rule_compile(const char *source, const char *name, ov_expr_error *err)
{
    ov_rule *r = calloc(1, sizeof *r);
    if (!r) {
        ov_rule_fail(err, 1, "out of memory");
        return NULL;
    }
    snprintf(r->source, sizeof r->source, "%s", source);
    snprintf(r->name, sizeof r->name, "%s", name ? name : "");
    for (int i = 0; i < OV_RULE_FIXED_NAMES; i++)
        snprintf(r->names[i], sizeof r->names[i], "%s", ov_rule_fixed[i]);
    const char *s = r->source;
    ov_rule_stmt st[OV_RULE_MAX_STATEMENTS];
    int n = 0;
    bool assigns_w = false;
    /* Pass 1: the statements and the names they assign. */
    for (int a = 0; s[a] || a == 0;) {
        int b = a;
        while (s[b] && s[b] != ';')
            b++;
        int lo = a;
        while (lo < b && (s[lo] == ' ' || s[lo] == '\t' || s[lo] == '\n'))
            lo++;
        if (lo < b) {
            if (n == OV_RULE_MAX_STATEMENTS) {
                ov_rule_fail(err, lo + 1, "too many statements (at most 16)");
                free(r);
                return NULL;
            }
            const char *eq = memchr(s + lo, '=', (size_t)(b - lo));
            int la = lo, le = eq ? (int)(eq - s) : lo;
            while (le > la && (s[le - 1] == ' ' || s[le - 1] == '\t'))
                le--;
            if (!eq || !ov_rule_ident(s + la, (size_t)(le - la))) {
                ov_rule_fail(err, lo + 1, "expected NAME = FORMULA");
                free(r);
                return NULL;
            }
            st[n] = (ov_rule_stmt){a, b, (int)(eq - s), la, le - la};
            int idx = -1;
            for (int i = 0; i < OV_RULE_FIXED_NAMES + r->nstate; i++)
                if ((int)strlen(r->names[i]) == le - la && strncmp(r->names[i], s + la, (size_t)(le - la)) == 0)
                    idx = i;
            if (idx > 0 && idx < OV_RULE_FIXED_NAMES) {
                char msg[96];
                snprintf(msg, sizeof msg, "'%s' cannot be assigned (only w and new names can)",
                         r->names[idx]);
                ov_rule_fail(err, la + 1, msg);
                free(r);
                return NULL;
            }
            if (idx < 0) {
                if (r->nstate == OV_RULE_MAX_STATE) {
                    ov_rule_fail(err, la + 1, "too many state names (at most 8)");
                    free(r);
                    return NULL;
                }
                idx = OV_RULE_FIXED_NAMES + r->nstate++;
                memcpy(r->names[idx], s + la, (size_t)(le - la));   /* < 32, zeroed */
            }
            assigns_w = assigns_w || idx == 0;
            r->target[n++] = idx;
        }
        if (!s[b])
            break;
        a = b + 1;
    }
    if (!assigns_w) {
        ov_rule_fail(err, 1, "the rule never assigns w (write w = ...)");
        free(r);
        return NULL;
    }
    /* Pass 2: each right-hand side in every name. */
    const char *names[OV_RULE_FIXED_NAMES + OV_RULE_MAX_STATE];
    for (int i = 0; i < OV_RULE_FIXED_NAMES + r->nstate; i++)
        names[i] = r->names[i];
    for (int i = 0; i < n; i++) {
        char rhs[OV_RULE_MAX_SOURCE + 1];
        int off = st[i].eq + 1;
        snprintf(rhs, sizeof rhs, "%.*s", st[i].b - off, s + off);
        ov_expr_error e = {0, ""};
        r->rhs[i] = ov_expr_create_rule(rhs, names, OV_RULE_FIXED_NAMES + r->nstate, &e);
        if (!r->rhs[i]) {
            ov_rule_fail(err, off + (e.column > 0 ? e.column : 1), e.message);
            r->nstatements = i;
            ov_rule_free(r);
            return NULL;
        }
    }
    r->nstatements = n;
    return r;
}

const ov_rule *ov_rule_intern(const char *source, const char *name, ov_expr_error *err)
{
    if (!name)
        name = "";
    if (strlen(source) > OV_RULE_MAX_SOURCE) {
        ov_rule_fail(err, OV_RULE_MAX_SOURCE + 1, "rule too long (at most 512 characters)");
        return NULL;
    }
    for (int i = 0; i < ov_nrules; i++)
        if (strcmp(ov_rules[i]->source, source) == 0 && strcmp(ov_rules[i]->name, name) == 0)
            return ov_rules[i];
    if (ov_nrules == OV_RULE_MAX_INTERNED) {
        ov_rule_fail(err, 1, "too many different rules in one session (at most 256)");
        return NULL;
    }
    ov_rule *r = ov_rule_compile(source, name, err);
    if (r)
        ov_rules[ov_nrules++] = r;
    return r;
}

const char *ov_optim_run_name(const ov_optim_params *p, char *buf, size_t cap)
{
    const ov_optim_info *info = ov_optim_info_of(p->kind);
    if (p->kind == OV_OPT_RULE && p->rule && p->rule->name[0])
        snprintf(buf, cap, "rule-%s", p->rule->name);
    else
        snprintf(buf, cap, "%s", info ? info->name : "unknown");
    return buf;
}

static bool ov_rule_step(const ov_optim_params *p, ov_optim_state *st, double *w,
                         const ov_oracle *oracle)
{
    const ov_rule *r = p->rule ? p->rule : ov_rule_intern(OV_RULE_GD, "", NULL);
    double g[OV_OPTIM_MAX_DIM];
    if (!r || !ov_optim_gradient(oracle, w, g))
        return false;
    st->t++;
    const int n = ov_oracle_dim(oracle);
    double vals[OV_RULE_FIXED_NAMES + OV_RULE_MAX_STATE];
    for (int k = 0; k < n; k++) {
        vals[0] = w[k];
        vals[1] = g[k];
        vals[2] = st->t;
        vals[3] = p->alpha;
        vals[4] = p->beta;
        vals[5] = p->beta2;
        vals[6] = p->eps;
        for (int j = 0; j < r->nstate; j++)
            vals[OV_RULE_FIXED_NAMES + j] = st->rule_state[j][k];
        for (int i = 0; i < r->nstatements; i++)
            vals[r->target[i]] = ov_expr_rule_value(r->rhs[i], vals);
        for (int j = 0; j < r->nstate; j++)
            st->rule_state[j][k] = vals[OV_RULE_FIXED_NAMES + j];
        /* w takes the rule's value exactly, not w + (new - w) rounded. */
        st->last_delta[k] = vals[0] - w[k];
        w[k] = vals[0];
    }
    return true;
}

const ov_optim_method ov_optim_rule = {
    .info = {
        .name = "rule",
        .title = "an update rule typed in: rule{STATEMENTS}",
        .rule = "per coordinate, the assignments NAME = FORMULA typed in rule{...}, separated by ';',\n"
                "in order; names: w (the coordinate), g (its gradient at w), t = 1, 2, ..., alpha,\n"
                "beta, beta2, eps (the run's values), and every other assigned name, state that\n"
                "starts at 0; functions of formulas plus sign, min(a, b), max(a, b); w must be\n"
                "assigned. Without text, gd's rule: w = w - alpha*g. Default α gd's, β momentum's",
        .alpha = 0.01, .beta = 0.9, .beta2 = 0.999, .eps = 1e-8,
        .uses_beta = true, .uses_beta2 = true, .uses_eps = true,
    },
    .step = ov_rule_step,
};
