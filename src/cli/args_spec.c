/* Parsing of run specs (--optimizer NAME[:alpha=A][:beta=B][:beta2=B2]
 * [:eps=E][:wd=L][:history=M][:schedule=S], and each item of --optimizers) and of --surface values, with
 * "did you mean" suggestions for unknown names. */
#include "args.h"
#include "args_internal.h"

#include <string.h>

#include "core/rule.h"
#include "core/surface.h"

/* Names of all optimisers, comma-separated, into buf. */
static const char *optim_names(char *buf, size_t cap)
{
    size_t o = 0;
    buf[0] = 0;
    for (int k = 0; k < OV_OPTIM_COUNT; k++) {
        const ov_optim_info *info = ov_optim_info_of((ov_optim_kind)k);
        int n = snprintf(buf + o, cap - o, "%s%s", k ? ", " : "", info->name);
        if (n < 0 || (size_t)n >= cap - o)
            break;
        o += (size_t)n;
    }
    return buf;
}

/* The spec keys info's optimiser uses, comma-separated, into buf. */
static const char *accepted_keys(const ov_optim_info *info, char *buf, size_t cap)
{
    snprintf(buf, cap, "alpha%s%s%s%s%s, schedule", info->uses_beta ? ", beta" : "",
             info->uses_beta2 ? ", beta2" : "", info->uses_eps ? ", eps" : "",
             info->uses_wd ? ", wd" : "", info->uses_history ? ", history" : "");
    return buf;
}

static bool find_optim(const char *option, const char *name, size_t len,
                       const char *whole, ov_optim_kind *kind, char *err, size_t cap)
{
    const char *cands[OV_OPTIM_COUNT];
    for (int k = 0; k < OV_OPTIM_COUNT; k++) {
        cands[k] = ov_optim_info_of((ov_optim_kind)k)->name;
        if (strlen(cands[k]) == len && strncmp(cands[k], name, len) == 0) {
            *kind = (ov_optim_kind)k;
            return true;
        }
    }
    char echo[96], names[256], whole_echo[96];
    ov_args_echo(name, len, echo, sizeof echo);
    optim_names(names, sizeof names);
    if (len == 0) {
        ov_args_fail(err, cap, "%s: missing optimizer name in '%s'; known: %s", option,
                     ov_args_echo(whole, strlen(whole), whole_echo, sizeof whole_echo),
                     names);
        return false;
    }
    const char *near = ov_args_closest(name, len, cands, OV_OPTIM_COUNT);
    if (near)
        ov_args_fail(err, cap, "%s: unknown optimizer '%s'; did you mean '%s'? (known: %s)",
                     option, echo, near, names);
    else
        ov_args_fail(err, cap, "%s: unknown optimizer '%s'; known: %s", option, echo,
                     names);
    return false;
}

typedef enum { KEY_ALPHA, KEY_BETA, KEY_BETA2, KEY_EPS, KEY_WD, KEY_HISTORY, KEY_COUNT } spec_key;

#define OV_HISTORY_TEXT_(m) #m
#define OV_HISTORY_TEXT(m) OV_HISTORY_TEXT_(m)

/* What key accepts, for messages. */
static const char *key_accepts(spec_key key)
{
    switch (key) {
    case KEY_BETA:
    case KEY_BETA2:
        return "a number from 0 up to, not including, 1";
    case KEY_WD:
        return "a number from 0 up to 1e6";
    case KEY_HISTORY:
        return "a whole number from 1 to " OV_HISTORY_TEXT(OV_LBFGS_MAX_HISTORY);
    default:
        return "a number greater than 0";
    }
}

static bool key_in_range(spec_key key, double v)
{
    switch (key) {
    case KEY_BETA:
    case KEY_BETA2:
        return v >= 0.0 && v < 1.0;
    case KEY_WD:
        return v >= 0.0 && v <= 1e6;
    case KEY_HISTORY:
        return v >= 1.0 && v <= OV_LBFGS_MAX_HISTORY && v == (double)(int)v;
    default:
        return v > 0.0;
    }
}

bool ov_args_parse_spec(const char *option, const char *text, ov_run_spec *spec,
                        char *err, size_t cap)
{
    static const char *const key_names[KEY_COUNT] = {"alpha", "beta",  "beta2",
                                                     "eps",   "wd",    "history"};
    memset(spec, 0, sizeof *spec);
    char whole[96], echo[96], keys[96];
    ov_args_echo(text, strlen(text), whole, sizeof whole);
    const char *colon = strchr(text, ':');
    if (strncmp(text, "rule{", 5) == 0) {
        /* A typed rule: rule{STATEMENTS}, then the keys after the '}'. */
        if (strcmp(option, "--optimizers") == 0)
            return ov_args_fail(err, cap, "%s: a typed rule is given with --optimizer, not in "
                                "the list ('%s')", option, whole) == 0;
        const char *close = strchr(text, '}');
        if (!close || (close[1] != 0 && close[1] != ':'))
            return ov_args_fail(err, cap, "%s: '%s' is not rule{STATEMENTS}[:KEY=VALUE...]: "
                                "%s", option, whole, close ? "text after '}'" : "no closing '}'") == 0;
        size_t len = (size_t)(close - text - 5);
        if (len > OV_RULE_MAX_SOURCE)
            return ov_args_fail(err, cap, "%s: the rule in '%s' is too long (at most %d "
                                "characters)", option, whole, OV_RULE_MAX_SOURCE) == 0;
        memcpy(spec->rule, text + 5, len);
        spec->rule[len] = 0;
        spec->kind = OV_OPT_RULE;
        colon = close[1] == ':' ? close + 1 : NULL;
    } else {
        size_t name_len = colon ? (size_t)(colon - text) : strlen(text);
        if (!find_optim(option, text, name_len, text, &spec->kind, err, cap))
            return false;
    }
    const ov_optim_info *info = ov_optim_info_of(spec->kind);
    accepted_keys(info, keys, sizeof keys);

    bool seen[KEY_COUNT] = {false};
    const char *p = colon;
    while (p) {
        const char *item = p + 1;
        const char *next = strchr(item, ':');
        size_t len = next ? (size_t)(next - item) : strlen(item);
        const char *eq = memchr(item, '=', len);
        if (len == 0 || !eq) {
            ov_args_fail(err, cap, "%s: '%s' in '%s' is not KEY=VALUE; accepted keys: %s",
                         option, ov_args_echo(item, len, echo, sizeof echo), whole, keys);
            return false;
        }
        size_t klen = (size_t)(eq - item);
        if (spec->kind == OV_OPT_RULE && klen == 4 && strncmp(item, "name", 4) == 0) {
            const char *val = eq + 1;
            size_t vlen = len - klen - 1;
            if (spec->rule_name[0] || !ov_rule_name_ok(val, vlen))
                return ov_args_fail(err, cap, "%s: name '%s' in '%s' %s", option,
                                    ov_args_echo(val, vlen, echo, sizeof echo), whole,
                                    spec->rule_name[0] ? "is given twice"
                                                       : "is not 1 to 24 letters, digits or '-'") == 0;
            memcpy(spec->rule_name, val, vlen);
            spec->rule_name[vlen] = 0;
            p = next;
            continue;
        }
        if (klen == 8 && strncmp(item, "schedule", 8) == 0) {
            const char *val = eq + 1;
            size_t vlen = len - klen - 1;
            const char *why = "";
            if (spec->schedule.given)
                return ov_args_fail(err, cap, "%s: schedule is given twice in '%s'", option,
                                    whole) == 0;
            if (!ov_schedule_parse(val, vlen, &spec->schedule, &why)) {
                memset(&spec->schedule, 0, sizeof spec->schedule);
                return ov_args_fail(err, cap, "%s: schedule '%s' in '%s' %s; expected "
                                    OV_SCHEDULE_FORMS, option,
                                    ov_args_echo(val, vlen, echo, sizeof echo), whole,
                                    why) == 0;
            }
            p = next;
            continue;
        }
        int key = -1;
        for (int k = 0; k < KEY_COUNT; k++)
            if (strlen(key_names[k]) == klen && strncmp(key_names[k], item, klen) == 0)
                key = k;
        bool used = key == KEY_ALPHA || (key == KEY_BETA && info->uses_beta) ||
                    (key == KEY_BETA2 && info->uses_beta2) ||
                    (key == KEY_EPS && info->uses_eps) || (key == KEY_WD && info->uses_wd) ||
                    (key == KEY_HISTORY && info->uses_history);
        if (key < 0) {
            ov_args_fail(err, cap, "%s: unknown key '%s' in '%s'; accepted keys: %s",
                         option, ov_args_echo(item, klen, echo, sizeof echo), whole, keys);
            return false;
        }
        if (!used) {
            ov_args_fail(err, cap, "%s: %s has no %s (in '%s'); accepted keys: %s",
                         option, info->name, key_names[key], whole, keys);
            return false;
        }
        if (seen[key]) {
            ov_args_fail(err, cap, "%s: %s is given twice in '%s'", option,
                         key_names[key], whole);
            return false;
        }
        seen[key] = true;
        const char *val = eq + 1;
        size_t vlen = len - klen - 1;
        double v = 0.0;
        ov_num_status st = ov_args_number(val, vlen, &v);
        if (st != OV_NUM_OK || !key_in_range((spec_key)key, v)) {
            const char *why = st == OV_NUM_EMPTY        ? "is empty"
                              : st == OV_NUM_NOT_NUMBER ? "is not a number"
                              : st == OV_NUM_NOT_FINITE ? "is not a finite number"
                                                        : "is out of range";
            ov_args_fail(err, cap, "%s: %s '%s' in '%s' %s; expected %s", option,
                         key_names[key], ov_args_echo(val, vlen, echo, sizeof echo),
                         whole, why, key_accepts((spec_key)key));
            return false;
        }
        switch ((spec_key)key) {
        case KEY_ALPHA:
            spec->has_alpha = true;
            spec->alpha = v;
            break;
        case KEY_BETA:
            spec->has_beta = true;
            spec->beta = v;
            break;
        case KEY_BETA2:
            spec->has_beta2 = true;
            spec->beta2 = v;
            break;
        case KEY_EPS:
            spec->has_eps = true;
            spec->eps = v;
            break;
        case KEY_WD:
            spec->has_wd = true;
            spec->wd = v;
            break;
        case KEY_HISTORY:
            spec->has_history = true;
            spec->history = (int)v;
            break;
        case KEY_COUNT:
            break;
        }
        p = next;
    }
    if (spec->kind == OV_OPT_RULE) {
        ov_expr_error perr;
        memset(&perr, 0, sizeof perr);
        if (!ov_rule_intern(spec->rule[0] ? spec->rule : OV_RULE_GD, spec->rule_name, &perr))
            return ov_args_fail(err, cap, "%s: cannot parse rule '%s' at column %d: %s", option,
                                ov_args_echo(spec->rule, strlen(spec->rule), echo, sizeof echo),
                                perr.column, perr.message) == 0;
        if (!spec->rule[0])
            snprintf(spec->rule, sizeof spec->rule, "%s", OV_RULE_GD);
    }
    return true;
}

/* True for a plain identifier: a letter or '_' then letters, digits, '_'. */
static bool is_identifier(const char *s)
{
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
              (*s >= '0' && *s <= '9') || *s == '_'))
            return false;
    return true;
}

int ov_args_check_surface(const char *option, const char *value, char *err, size_t cap)
{
    char echo[96];
    size_t len = strlen(value);
    ov_args_echo(value, len, echo, sizeof echo);
    if (len == 0)
        return ov_args_fail(err, cap, "%s: empty value ''; expected a surface name (see "
                            "--list-surfaces) or a formula in x and y", option);
    if (len > OV_EXPR_MAX_SOURCE)
        return ov_args_fail(err, cap, "%s: formula '%s' is too long (%zu characters); "
                            "at most %d are accepted", option, echo, len,
                            OV_EXPR_MAX_SOURCE);
    if (ov_surface_find(value))
        return 0;
    ov_expr_error perr;
    memset(&perr, 0, sizeof perr);
    ov_surface *s = ov_surface_create(value, &perr);
    if (s) {
        ov_surface_destroy(s);
        return 0;
    }

    int n = ov_surface_builtin_count();
    if (n > 32)
        n = 32;
    const char *cands[32];
    char names[512];
    size_t o = 0;
    names[0] = 0;
    for (int i = 0; i < n; i++) {
        cands[i] = ov_surface_builtin(i)->name;
        int w = snprintf(names + o, sizeof names - o, "%s%s", i ? ", " : "", cands[i]);
        if (w > 0 && (size_t)w < sizeof names - o)
            o += (size_t)w;
    }
    if (is_identifier(value)) {
        const char *near = ov_args_closest(value, len, cands, n);
        if (near)
            return ov_args_fail(err, cap, "%s: unknown surface '%s'; did you mean '%s'? "
                                "(known: %s; or a formula in x and y)", option, echo,
                                near, names);
        return ov_args_fail(err, cap, "%s: unknown surface '%s'; expected one of %s, "
                            "or a formula in x and y", option, echo, names);
    }
    return ov_args_fail(err, cap, "%s: cannot parse formula '%s' at column %d: %s; "
                        "expected a surface name (%s) or a formula in x and y (see --help)",
                        option, echo, perr.column,
                        perr.message[0] ? perr.message : "syntax error", names);
}
