/* N-parameter models (DESIGN.md "Models"): a formula in a data input (t, or
 * x1 and x2) and n named parameters, a data set and a loss kind. A model
 * gives runs its loss through ov_objective (objective.h) with the exact
 * gradient and n x n Hessian (forward-mode through the expression engine),
 * the fit panel its curve (ov_model_predict) and the slice its loss on a
 * plane as GLSL (ov_model_glsl). Pure C: the data file's text is parsed
 * here, read from disk by src/io/text_file.h. */
#ifndef OV_MODEL_H
#define OV_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "core/objective.h"
#include "core/optim.h"

/* Most data rows a model holds (a file with more is an error): the loss,
 * its gradient and Hessian, and the shader's loop all visit every row, per
 * step and per pixel. */
#define OV_MODEL_MAX_ROWS 256
/* Longest parameter name, in bytes. */
#define OV_MODEL_NAME_MAX 24
/* Fewest and most parameters a model may have (DESIGN.md: 2 <= n <= 64). */
#define OV_MODEL_MIN_PARAMS 2
#define OV_MODEL_MAX_PARAMS OV_OBJECTIVE_MAX_DIM
/* Coordinates of a plane that may be read from uniforms (ov_model_plane). */
#define OV_MODEL_PLANE_UNIFORMS 8

typedef enum ov_model_loss {
    OV_MODEL_LOSS_SQUARED,  /* L = sum (F(input_i; w) - y_i)^2 */
    OV_MODEL_LOSS_LOGISTIC  /* F is the logit z, p = sigma(z):
                             * L = -sum [y log p + (1 - y) log(1 - p)] */
} ov_model_loss;

/* A data set: rows of 1 input (t) or 2 inputs (x1, x2) and a target y. */
typedef struct ov_model_data {
    int ninputs;                        /* 1: columns t,y; 2: x1,x2,y */
    int nrows;                          /* 1 .. OV_MODEL_MAX_ROWS */
    double in[OV_MODEL_MAX_ROWS][2];    /* in[i][0] is t or x1, in[i][1] x2 */
    double y[OV_MODEL_MAX_ROWS];
} ov_model_data;

/* One built-in model, as --list-models shows it. */
typedef struct ov_model_def {
    const char *name;     /* "line", "gauss4", "xor" */
    const char *formula;  /* in t, or x1 and x2 */
    const char *params;   /* the parameter names, comma-separated, in order */
    int n;                /* how many */
    const double *start;  /* the default start, n values */
    ov_model_loss loss;
    const char *summary;  /* one line */
} ov_model_def;

/* A model. Every field is read-only for callers: make one with
 * ov_model_create_builtin or ov_model_create_typed, free it with
 * ov_model_destroy. Not thread-safe: evaluation uses the model's own
 * workspace, so one model is evaluated by one thread at a time. */
typedef struct ov_model {
    char name[8];         /* "line", "gauss4", "xor" or "custom" */
    int n;                /* parameters, OV_MODEL_MIN_PARAMS .. OV_MODEL_MAX_PARAMS */
    char param_names[OV_MODEL_MAX_PARAMS][OV_MODEL_NAME_MAX + 1];
    const char *param_name_list[OV_MODEL_MAX_PARAMS]; /* [i] = param_names[i] */
    int ninputs;          /* 1: t; 2: x1, x2 (= data.ninputs) */
    ov_model_data data;
    ov_model_loss loss;
    double start[OV_MODEL_MAX_PARAMS];  /* the default start */
    char formula[1025];   /* the formula as given */
    char summary[160];    /* one line, e.g. "y = a*t + b on 3 points, squared loss" */
    struct ov_expr *expr; /* private: the parsed formula */
    double *work;         /* private: evaluation workspace, allocated once */
} ov_model;

/* The built-in models, in --list-models order: i in 0 .. count-1, else NULL. */
int ov_model_builtin_count(void);
const ov_model_def *ov_model_builtin(int i);
/* The built-in called name (exact match), or NULL. */
const ov_model_def *ov_model_builtin_find(const char *name);

/* The built-in model called name ("line", "gauss4", "xor"), with its data
 * and default start; NULL when there is none by that name (or out of
 * memory). */
ov_model *ov_model_create_builtin(const char *name);

/* A typed model: formula in data's inputs (t; or x1, x2) and the
 * parameters named in params_csv ("a,b,c"), with loss kind loss. Its
 * default start is 0.5 in every parameter (not 0, where the products of a
 * network's weights would start on a saddle with zero gradient). NULL
 * with a message in err (cap bytes) when a name breaks the rules (letters,
 * digits and _ starting with a letter, at most OV_MODEL_NAME_MAX bytes, not
 * t, x1, x2, x, y, e, pi, a function's name, run, optimizer, step, loss,
 * alpha, nor twice), there are fewer than OV_MODEL_MIN_PARAMS or more than
 * OV_MODEL_MAX_PARAMS, the formula does not parse (reported as a surface
 * formula's error: message, the formula, a caret), or a logistic model's y
 * is outside [0, 1]. */
ov_model *ov_model_create_typed(const char *formula, const char *params_csv,
                                const ov_model_data *data, ov_model_loss loss, char *err,
                                size_t cap);

/* A copy of src with its own workspace (so that another thread, or an
 * export's own scene, may evaluate it); NULL when memory runs out. */
ov_model *ov_model_clone(const ov_model *src);
/* Frees m; NULL is a no-op. */
void ov_model_destroy(ov_model *m);

/* Whether name may name a typed model's parameter; when not, why in err. */
bool ov_model_param_name_ok(const char *name, char *err, size_t cap);

/* The loss at w (n values) into *f; when g is not NULL the gradient (n),
 * when h is also not NULL the Hessian (n*n, row-major, symmetric). The
 * logistic loss is computed stably (never log 0): finite for any finite
 * logit. */
void ov_model_eval(const ov_model *m, const double *w, double *f, double *g, double *h);

/* The objective runs minimise: n = active = m->n, eval = ov_model_eval.
 * Valid while m lives. */
ov_objective ov_model_objective(const ov_model *m);

/* The formula's value at parameters w and one input (t, or {x1, x2}): the
 * curve y(t) of a squared-loss model; for a logistic model the probability
 * p = sigma(z). */
double ov_model_predict(const ov_model *m, const double *w, const double *input);

/* The most second derivatives one run of a Hessian method may evaluate on
 * a model: steps x rows x n(n+1)/2, at about 0.2 us each a few seconds
 * (one run of 64 parameters on 256 rows took 65 s uncapped). The command
 * line refuses a run beyond it as a usage error, the window with a
 * message. */
#define OV_MODEL_HESSIAN_WORK 3e7

/* Whether the cap above applies to kind: newton, the one method that
 * evaluates the n x n Hessian every step (cg and lbfgs use gradients only,
 * a few a step in their line searches, as first-order methods do). */
bool ov_model_hessian_method(ov_optim_kind kind);
/* The second derivatives one step of such a method evaluates on n
 * parameters and rows data rows: rows x n(n+1)/2. */
double ov_model_hessian_per_step(int n, int rows);
/* The most steps such a run may take on n parameters and rows data rows:
 * floor(OV_MODEL_HESSIAN_WORK / ov_model_hessian_per_step(n, rows)) (xor,
 * 9 parameters on 4 rows: 166,666). */
int ov_model_hessian_max_steps(int n, int rows);
/* Whether a run of kind over steps steps on m keeps within the cap: always
 * for a first-order method; for a Hessian method, steps at most
 * ov_model_hessian_max_steps of m's parameters and rows. */
bool ov_model_hessian_fits(const ov_model *m, ov_optim_kind kind, int steps);

/* Parses a data file's text (filename is used in messages only). The first
 * non-blank line is the header, "t,y" or "x1,x2,y" (spaces around names and
 * a final \r allowed); then one row of that many finite numbers per line;
 * blank lines and lines starting with '#' are skipped. On error returns
 * false with "FILE:LINE: reason" in err: an empty file, a bad header, a
 * wrong number of values, a value that is not a finite number, no rows,
 * more than OV_MODEL_MAX_ROWS rows. */
bool ov_model_data_parse(const char *text, const char *filename, ov_model_data *out, char *err,
                         size_t cap);

/* A plane in parameter space: w(p) = o + p.x * d1 + p.y * d2. The
 * coordinates listed in uniform_coord[0 .. nuniform) take their o from a
 * uniform instead of o[k] (a slice that follows a run moves them each frame
 * without a new shader): the i-th of them is component i of the vec4
 * uniforms Pa (i = 0..3) and Pb (i = 4..7). */
typedef struct ov_model_plane {
    int n;
    double o[OV_MODEL_MAX_PARAMS], d1[OV_MODEL_MAX_PARAMS], d2[OV_MODEL_MAX_PARAMS];
    int nuniform;                           /* 0 .. OV_MODEL_PLANE_UNIFORMS */
    int uniform_coord[OV_MODEL_PLANE_UNIFORMS];
} ov_model_plane;

/* GLSL text (no #version line; valid GLSL 330 and, with the version and
 * precision lines the browser adds, GLSL ES 3.00) defining
 *     float ov_loss(vec2 p)
 * the model's loss at w(p) on plane pl, and helpers named ov_m*. The caller
 * declares `uniform vec4 Pa; uniform vec4 Pb;` above it. The data are
 * baked in as constants. Returns malloc'd text the caller frees, or NULL
 * with a message in err when pl does not fit m or memory runs out. */
char *ov_model_glsl(const ov_model *m, const ov_model_plane *pl, char *err, size_t cap);

#endif
