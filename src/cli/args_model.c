/* The command line's model options (DESIGN.md "Models"): --model, --params,
 * --data, --loss, --init and --slice, each checked as text here (names,
 * numbers, the shape of a slice); what only the model can tell (how many
 * parameters it has, which names it knows, the data file's rows) is checked
 * once the whole command line is read (ov_args_check_model, below). */
#define _XOPEN_SOURCE 700   /* realpath */
#include "args.h"
#include "args_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/scene.h"
#include "io/text_file.h"

/* Largest --data file read: OV_MODEL_MAX_ROWS rows of three numbers fit in
 * far less. */
#define OV_DATA_FILE_MAX (1u << 20)

/* A stored text option: at most cap - 1 bytes. */
static int store_text(ov_parse *p, const char *opt, const char *value, char *dst, size_t cap,
                      const char *accepts)
{
    char echo[96];
    size_t len = strlen(value);
    if (len == 0 || len >= cap)
        return ov_args_fail(p->err, p->cap, "%s: '%s' %s; expected %s", opt,
                            ov_args_echo(value, len, echo, sizeof echo),
                            len ? "is too long" : "is empty", accepts);
    memcpy(dst, value, len + 1);
    return 0;
}

int ov_args_opt_model(ov_parse *p, const char *opt, const char *value)
{
    return store_text(p, opt, value, p->cfg->model, sizeof p->cfg->model,
                      "a model name (see --list-models) or a formula in t (or x1, x2) and "
                      "the --params names");
}

int ov_args_opt_params(ov_parse *p, const char *opt, const char *value)
{
    char echo[96];
    const char *accepts = "a comma-separated list of 2 to 64 names, each letters, digits "
                          "and _ starting with a letter";
    if (store_text(p, opt, value, p->cfg->model_params, sizeof p->cfg->model_params,
                   accepts))
        return 2;
    int count = 0;
    for (const char *s = value;;) {
        const char *e = strchr(s, ',');
        size_t len = e ? (size_t)(e - s) : strlen(s);
        ov_args_echo(s, len, echo, sizeof echo);
        if (len == 0)
            return ov_args_fail(p->err, p->cap, "%s: an empty name in '%s'; expected %s", opt,
                                value, accepts);
        /* The model's own rules for a name (letters, digits and _, not a
         * name in use), so the command line and the model agree. */
        char name[OV_MODEL_NAME_MAX + 2], why[192];
        size_t keep = len < sizeof name - 1 ? len : sizeof name - 1;
        memcpy(name, s, keep);
        name[keep] = '\0';
        if (!ov_model_param_name_ok(name, why, sizeof why))
            return ov_args_fail(p->err, p->cap, "%s: %s; expected %s", opt, why, accepts);
        for (const char *q = value; q < s;) {
            const char *qe = strchr(q, ',');
            if ((size_t)(qe - q) == len && strncmp(q, s, len) == 0)
                return ov_args_fail(p->err, p->cap, "%s: '%s' is named twice; expected "
                                    "each parameter once", opt, echo);
            q = qe + 1;
        }
        count++;
        if (!e)
            break;
        s = e + 1;
    }
    if (count < 2 || count > OV_OBJECTIVE_MAX_DIM)
        return ov_args_fail(p->err, p->cap, "%s: %d name%s given; expected %s", opt, count,
                            count == 1 ? "" : "s", accepts);
    return 0;
}

int ov_args_opt_data(ov_parse *p, const char *opt, const char *value)
{
    if (store_text(p, opt, value, p->cfg->data_path, sizeof p->cfg->data_path,
                   "a CSV file with the header t,y or x1,x2,y"))
        return 2;
    char why[512];
    char *text = ov_io_read_text(value, OV_DATA_FILE_MAX, why, sizeof why);
    if (!text)
        return ov_args_fail(p->err, p->cap, "%s: %s", opt, why);
    bool ok = ov_model_data_parse(text, value, &p->cfg->data, why, sizeof why);
    free(text);
    if (!ok)
        return ov_args_fail(p->err, p->cap, "%s: %s", opt, why);
    /* Kept as an absolute path: a saved scene (Ctrl+S, into --output-dir)
     * or a URL replayed from elsewhere still finds the file. */
    char *abs = realpath(value, NULL);
    if (abs && strlen(abs) < sizeof p->cfg->data_path)
        memcpy(p->cfg->data_path, abs, strlen(abs) + 1);
    free(abs);
    return 0;
}

int ov_args_check_model_config(const ov_config *cfg, bool surface_given, char *err,
                               size_t cap)
{
    if (!cfg->model[0]) {
        const char *opt = cfg->model_params[0] ? "--params"
                          : cfg->data_path[0]  ? "--data"
                          : cfg->loss          ? "--loss"
                          : cfg->ninit         ? "--init"
                          : cfg->slice[0]      ? "--slice"
                                               : NULL;
        if (opt)
            return ov_args_fail(err, cap, "%s: applies to a model; expected it with "
                                "--model NAME|FORMULA (see --list-models)", opt);
        return 0;
    }
    const char *opt = surface_given    ? "--surface"
                      : cfg->has_kappa ? "--kappa"
                      : cfg->has_theta ? "--theta"
                      : cfg->has_start ? "--start"
                                       : NULL;
    if (opt)
        return ov_args_fail(err, cap, "%s: does not apply to a model (a model has no "
                            "surface, kappa or theta; its start is --init V1,...,Vn)", opt);
    ov_slice slice;
    double start[OV_OBJECTIVE_MAX_DIM];
    ov_model *m = ov_scene_model_create(cfg, start, &slice, err, cap);
    if (!m) {
        /* The model calls its formula "model formula"; here it is the
         * option's value, so the message names the option. */
        static const char label[] = "model formula";
        if (strncmp(err, label, sizeof label - 1) == 0 && cap > 0) {
            char rest[1024];
            snprintf(rest, sizeof rest, "%s", err + sizeof label - 1);
            snprintf(err, cap, "--model%s", rest);
        }
        return 2;
    }
    int max_steps = ov_run_max_steps(m->n);
    int n = m->n, rows = m->data.nrows;
    ov_model_destroy(m);
    /* Newton evaluates the n x n Hessian every step: capped (the model's
     * OV_MODEL_HESSIAN_WORK) so that no run takes more than a few seconds. */
    const int hessian_steps = (int)fmin(max_steps, ov_model_hessian_max_steps(n, rows));
    for (int i = 0; i < cfg->nruns; i++) {
        ov_optim_kind k = cfg->runs[i].kind;
        if (ov_model_hessian_method(k) && cfg->steps > hessian_steps)
            return ov_args_fail(err, cap, "--steps: %s on %d parameters and %d data rows "
                                "evaluates %.0f second derivatives a step; at most %d steps "
                                "(steps x rows x n(n+1)/2 up to %.0e); expected fewer steps "
                                "or a first-order method", ov_optim_info_of(k)->name, n, rows,
                                ov_model_hessian_per_step(n, rows), hessian_steps,
                                OV_MODEL_HESSIAN_WORK);
    }
    if (cfg->steps > max_steps)
        return ov_args_fail(err, cap, "--steps: %d steps of %d parameters is more than a run "
                            "holds (%d coordinates: at most %d steps); expected fewer steps",
                            cfg->steps, n, OV_RUN_MAX_COORDS, max_steps);
    return 0;
}

int ov_args_check_model(ov_parse *p)
{
    return ov_args_check_model_config(p->cfg, p->surface_given, p->err, p->cap);
}

int ov_args_opt_loss(ov_parse *p, const char *opt, const char *value)
{
    char echo[96];
    if (strcmp(value, "squared") == 0)
        p->cfg->loss = OV_CONFIG_LOSS_SQUARED;
    else if (strcmp(value, "logistic") == 0)
        p->cfg->loss = OV_CONFIG_LOSS_LOGISTIC;
    else
        return ov_args_fail(p->err, p->cap, "%s: unknown loss '%s'; expected squared or "
                            "logistic", opt, ov_args_echo(value, strlen(value), echo,
                                                          sizeof echo));
    return 0;
}

int ov_args_opt_init(ov_parse *p, const char *opt, const char *value)
{
    char echo[96];
    int n = 0;
    for (const char *s = value;;) {
        const char *e = strchr(s, ',');
        size_t len = e ? (size_t)(e - s) : strlen(s);
        if (n == OV_OBJECTIVE_MAX_DIM)
            return ov_args_fail(p->err, p->cap, "%s: more than %d numbers; expected one "
                                "number per parameter of the model", opt,
                                OV_OBJECTIVE_MAX_DIM);
        ov_num_status st = ov_args_number(s, len, &p->cfg->init[n]);
        if (st != OV_NUM_OK)
            return ov_args_fail(p->err, p->cap, "%s: '%s' %s; expected V1,V2,...: one "
                                "finite number per parameter of the model", opt,
                                ov_args_echo(s, len, echo, sizeof echo),
                                ov_args_status_text(st));
        n++;
        if (!e)
            break;
        s = e + 1;
    }
    p->cfg->ninit = n;
    return 0;
}

/* The slice's shape and names are checked against the model once it is
 * known (ov_slice_parse through ov_scene_model_create). */
int ov_args_opt_slice(ov_parse *p, const char *opt, const char *value)
{
    return store_text(p, opt, value, p->cfg->slice, sizeof p->cfg->slice,
                      "A,B (two parameter names), pca, random or random:SEED");
}
