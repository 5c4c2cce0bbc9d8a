/* Loss surfaces: the built-in table (each defined once, as a formula run
 * through the expression engine), user formulas in x and y, and planes
 * through an N-parameter model's loss (the slice the window draws). A
 * surface owns its parsed expression (or its plane) and the current values
 * of its parameters. */
#ifndef OV_SURFACE_H
#define OV_SURFACE_H

#include <stdbool.h>
#include "expr.h"
#include "geom.h"
#include "objective.h"
#include "optim.h"
#include "slice.h"

#define OV_SURFACE_MAX_MINIMA 4

/* One row of the built-in table. Zero/NULL fields mean "none". */
typedef struct ov_surface_def {
    const char *name;        /* "quadratic", "rosenbrock", ... */
    const char *formula;     /* in x, y and param_names */
    const char *summary;     /* one line for --list-surfaces and the HUD */
    int nparams;
    const char *param_names[OV_EXPR_MAX_PARAMS];
    double param_defaults[OV_EXPR_MAX_PARAMS];
    /* The last nderived parameters are not set by the user but computed
     * from the others by derive() after every change (the quadratic's
     * c = cos θ, s = sin θ: once per change on the CPU instead of per
     * pixel and per step). */
    int nderived;
    void (*derive)(double *params);
    /* For each derived parameter, the same quantity as a formula in the
     * others (the quadratic's c: "cos(theta*pi/180)"), used to write the
     * surface out as a formula; NULL for the others. */
    const char *param_formulas[OV_EXPR_MAX_PARAMS];
    ov_rect view;            /* default world rectangle */
    ov_vec2 start;           /* default start point */
    int nminima;             /* known minima, for markers and tests */
    ov_vec2 minima[OV_SURFACE_MAX_MINIMA];
    /* Default learning rate for each optimiser on this surface, written as
     * designated initialisers ([OV_OPT_GD] = 0.15, ...); a method left out
     * (0) gets the optimiser's own default. */
    double alpha[OV_OPTIM_COUNT];
} ov_surface_def;

/* The built-in surfaces, in a fixed order (the order the app cycles). */
int ov_surface_builtin_count(void);
const ov_surface_def *ov_surface_builtin(int i);
/* Exact name match, or NULL. */
const ov_surface_def *ov_surface_find(const char *name);

/* A plane's own data (surface_plane.c): the objective, the plane, the
 * followed coordinates, the GLSL text and the key. */
typedef struct ov_surface_plane ov_surface_plane;

typedef struct ov_surface {
    char name[64];                       /* built-in name, "custom", or the model's */
    const ov_surface_def *def;           /* NULL for a user formula and a plane */
    ov_expr *expr;                       /* the formula, parameters by name; NULL for a plane */
    /* The same formula with the current parameter values written in as
     * constants, which the parser folds (cos(theta*pi/180) becomes one
     * number): what value/grad/hess evaluate. NULL when there are no
     * parameters. Rebuilt by ov_surface_set_param. */
    ov_expr *bound;
    int nparams;
    double params[OV_EXPR_MAX_PARAMS];   /* current parameter values */
    ov_rect view;                        /* default view */
    ov_vec2 start;                       /* default start */
    int nminima;
    ov_vec2 minima[OV_SURFACE_MAX_MINIMA];
    /* A formula in x alone: drawn as the curve L(x), and its runs move
     * along x only (y stays at the start's y, its gradient component 0). */
    bool one_d;
    /* NULL, or the plane this surface is a slice of (then expr, bound and
     * def are NULL, nminima 0 and one_d false). */
    ov_surface_plane *plane;
} ov_surface;

/* Creates the built-in surface called name_or_formula, or, when no built-in
 * has that name, parses it as a formula in x and y (a user surface, whose
 * default view and start are chosen by sampling it). Returns NULL with *err
 * filled when the text is neither. Caller frees with ov_surface_destroy. */
ov_surface *ov_surface_create(const char *name_or_formula, ov_expr_error *err);
void ov_surface_destroy(ov_surface *s);

/* A plane through an objective as a surface: its value at (x, y) is
 * obj's loss at w = o + x·d1 + y·d2 (o, d1, d2 and n from slice), its
 * gradient (g·d1, g·d2) and its Hessian {d1ᵀHd1, d1ᵀHd2, d2ᵀHd2}.
 * Coordinates follow[0 .. nfollow-1] of o (at most OV_EXPR_MAX_PARAMS,
 * distinct, 0 .. n-1) are the surface's parameters, named follow_names[k],
 * starting at slice->o[follow[k]]: ov_surface_set_param (or
 * ov_surface_plane_follow) moves them, and the shaders read them as the
 * uniform components Pa.x .. Pb.w (parameter k is component k), so the
 * program is not rebuilt when they change. glsl is the body the shaders
 * use: GLSL 330 defining `float ov_loss(vec2 p)` (the same loss at
 * o + p.x·d1 + p.y·d2, followed coordinates from Pa/Pb), without the
 * #version and uniform lines, which ov_loss_glsl adds; the surface takes
 * it (freed with the surface, and on failure too). To follow more than
 * OV_EXPR_MAX_PARAMS coordinates, bake o into the text and create a new
 * surface at each change: the key changes with it. name (at most 63
 * bytes kept) and summary are shown by the HUD; view becomes s->view and
 * its centre s->start. obj.ctx must outlive the surface. NULL with err
 * filled on a bad argument or no memory. */
ov_surface *ov_surface_create_plane(const char *name, const char *summary, ov_objective obj,
                                    const ov_slice *slice, const int *follow,
                                    const char *const *follow_names, int nfollow, char *glsl,
                                    ov_rect view, char *err, size_t cap);
/* A plane: sets each followed coordinate to its value in w (n coordinates:
 * the targeted run's shown iterate). Returns whether any value changed
 * (false, and nothing done, on a formula surface). */
bool ov_surface_plane_follow(ov_surface *s, const double *w);
/* The text that identifies what the shaders compute and what the loss
 * range depends on besides the parameters: a formula surface's formula as
 * typed or built in (ov_expr_source), a plane's "plane NAME #HASH", the
 * hash over its GLSL text, n, d1, d2, the followed indices and o's other
 * coordinates (so it changes whenever anything baked into the plane
 * changes). Valid while s lives. */
const char *ov_surface_key(const ov_surface *s);
/* The line the HUD shows under the title: a built-in's or a plane's
 * summary; NULL for a user formula (whose text is its summary). */
const char *ov_surface_summary(const ov_surface *s);
/* A plane's GLSL body as given to ov_surface_create_plane; NULL for a
 * formula surface. */
const char *ov_surface_plane_glsl(const ov_surface *s);

/* Sets a named parameter ("kappa", "theta"); returns false when the surface
 * has no parameter of that name. */
bool ov_surface_set_param(ov_surface *s, const char *name, double value);
/* Reads a named parameter into *value; false when absent. */
bool ov_surface_get_param(const ov_surface *s, const char *name, double *value);

double ov_surface_value(const ov_surface *s, double x, double y);
void ov_surface_grad(const ov_surface *s, double x, double y, double *value,
                     double grad[2]);
void ov_surface_hess(const ov_surface *s, double x, double y, double *value,
                     double grad[2], double hess[3]);

/* Writes the surface as a formula in x and y alone that the parser accepts
 * and that has the same values: a user formula as typed; a built-in one
 * with its parameters written in as numbers (derived ones through their
 * param_formulas). false when it does not fit in cap, and for a plane (no
 * formula: buf gets ""). */
bool ov_surface_formula_text(const ov_surface *s, char *buf, size_t cap);

/* Default learning rate for kind on this surface (built-in table entry, or
 * the optimiser's own default). On a surface with a parameter kappa (the
 * quadratic), gd's, momentum's and Nesterov's entries are for the default
 * κ and scale with 1/κ, so they stay the same fraction of the stability
 * limit 2/κ. */
double ov_surface_default_alpha(const ov_surface *s, ov_optim_kind kind);

#endif
