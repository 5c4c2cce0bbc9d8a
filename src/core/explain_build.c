/* The pieces a step's decomposition is built from (arrows, guides,
 * points, bars, the caption, a line search's trials), shared by the
 * lecture's methods (explain_terms.c) and the methods beyond it
 * (explain_beyond.c). See explain_build.h. */
#include "explain_build.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void ov_explain_add_arrow(ov_explain *x, const double from[2], double dx, double dy,
                     ov_explain_role role, double fade, const char *label)
{
    if (x->narrows >= OV_EXPLAIN_MAX_ARROWS)
        return;
    ov_explain_arrow *a = &x->arrows[x->narrows++];
    a->from[0] = from[0];
    a->from[1] = from[1];
    a->to[0] = from[0] + dx;
    a->to[1] = from[1] + dy;
    a->role = role;
    a->fade = fade;
    snprintf(a->label, sizeof a->label, "%s", label);
}

/* A construction line from a to b. */
void ov_explain_add_guide(ov_explain *x, const double a[2], const double b[2])
{
    ov_explain_add_arrow(x, a, b[0] - a[0], b[1] - a[1], OV_EX_GUIDE, 1.0, "");
}

void ov_explain_add_point(ov_explain *x, const double w[2], ov_explain_point_role role,
                     const char *label)
{
    if (x->npoints >= OV_EXPLAIN_MAX_POINTS)
        return;
    ov_explain_point *p = &x->points[x->npoints++];
    p->w[0] = w[0];
    p->w[1] = w[1];
    p->role = role;
    snprintf(p->label, sizeof p->label, "%s", label);
}

void ov_explain_add_bar(ov_explain *x, int axis, int group, double value, const char *label)
{
    if (x->nbars >= OV_EXPLAIN_MAX_BARS)
        return;
    ov_explain_bar *b = &x->bars[x->nbars++];
    b->axis = axis;
    b->group = group;
    b->value = value;
    snprintf(b->label, sizeof b->label, "%s", label);
}

void ov_explain_set_caption(ov_explain *x, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(x->caption, sizeof x->caption, fmt, ap);
    va_end(ap);
}

/* The step's per-coordinate arrows, its whole step, and guides from each
 * coordinate's tip to the step's tip. */
void ov_explain_add_axis_steps(ov_explain *x, const double w[2], const double d[2],
                          const char *lx, const char *ly, const char *step_label)
{
    double tip_x[2] = {w[0] + d[0], w[1]}, tip_y[2] = {w[0], w[1] + d[1]};
    ov_explain_add_arrow(x, w, d[0], 0.0, OV_EX_AXIS, 1.0, lx);
    ov_explain_add_arrow(x, w, 0.0, d[1], OV_EX_AXIS, 1.0, ly);
    ov_explain_add_guide(x, tip_x, x->next);
    ov_explain_add_guide(x, tip_y, x->next);
    ov_explain_add_arrow(x, w, d[0], d[1], OV_EX_STEP, 1.0, step_label);
}

/* The trial points of a line search (calls 1 ..), numbered, the kept one
 * marked; newton numbers them by their t. */
void ov_explain_add_trials(const ov_explain_call *calls, int ncalls, bool by_t, ov_explain *x)
{
    for (int c = 1; c < ncalls; c++) {
        char lab[OV_EXPLAIN_LABEL];
        if (by_t && c == 1)
            snprintf(lab, sizeof lab, "t = \xce\xb1");
        else if (by_t && c <= 7)
            snprintf(lab, sizeof lab, "t = \xce\xb1/%d", 1 << (c - 1));
        else if (by_t)
            snprintf(lab, sizeof lab, "t = \xce\xb1/2^%d", c - 1);
        else
            snprintf(lab, sizeof lab, "%d", c);
        bool kept = calls[c].w[0] == x->next[0] && calls[c].w[1] == x->next[1];
        ov_explain_add_point(x, calls[c].w, kept ? OV_EXP_ACCEPTED : OV_EXP_TRIAL, lab);
    }
}
