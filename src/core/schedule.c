/* Learning-rate schedules: the α of update i, parsing and writing back the
 * :schedule= text (see schedule.h). */
#include "schedule.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OV_SCHED_PI 3.14159265358979323846

double ov_schedule_alpha(const ov_schedule *s, double alpha, long i)
{
    if (!s || i < 0)
        return alpha;
    switch (s->kind) {
    case OV_SCHED_STEP:
        return alpha * pow(s->factor, (double)(i / (s->every > 0 ? s->every : 1)));
    case OV_SCHED_EXP:
        return alpha * pow(s->factor, (double)i);
    case OV_SCHED_COSINE: {
        double t = (double)(s->t > 0 ? s->t : 1);
        double k = (double)i < t ? (double)i : t;
        return alpha * (1.0 + cos(OV_SCHED_PI * k / t)) / 2.0;
    }
    case OV_SCHED_WARMUP: {
        double r = (double)(i + 1) / (double)(s->t > 0 ? s->t : 1);
        return alpha * (r < 1.0 ? r : 1.0);
    }
    case OV_SCHED_CONSTANT:
        break;
    }
    return alpha;
}

bool ov_schedule_varies(const ov_schedule *s)
{
    return s && s->kind != OV_SCHED_CONSTANT;
}

/* One number of len characters: the whole text must parse, finite. */
static bool number(const char *p, size_t len, double *v)
{
    char buf[64];
    if (len == 0 || len >= sizeof buf)
        return false;
    memcpy(buf, p, len);
    buf[len] = 0;
    if (buf[0] == ' ' || buf[0] == '\t')
        return false;
    char *end = NULL;
    errno = 0;
    double d = strtod(buf, &end);
    if (end == buf || *end != 0 || !isfinite(d))
        return false;
    *v = d;
    return true;
}

static bool whole(double v)
{
    return v >= 1.0 && v <= 1e9 && v == floor(v);
}

bool ov_schedule_parse(const char *text, size_t len, ov_schedule *s, const char **why)
{
    static const char *const names[] = {"constant", "step", "exp", "cosine", "warmup"};
    static const int nargs[] = {0, 2, 1, 1, 1};
    memset(s, 0, sizeof *s);
    *why = "is not one of the schedules";
    const char *open = memchr(text, '(', len);
    size_t nlen = open ? (size_t)(open - text) : len;
    int kind = -1;
    for (int k = 0; k < 5; k++)
        if (strlen(names[k]) == nlen && strncmp(names[k], text, nlen) == 0)
            kind = k;
    if (kind < 0)
        return false;
    if (nargs[kind] == 0) {
        if (open) {
            *why = "takes no arguments";
            return false;
        }
        s->kind = OV_SCHED_CONSTANT;
        s->given = true;
        return true;
    }
    if (!open || text[len - 1] != ')') {
        *why = "needs its arguments in parentheses";
        return false;
    }
    const char *a = open + 1, *end = text + len - 1;
    const char *comma = memchr(a, ',', (size_t)(end - a));
    double v[2] = {0.0, 0.0};
    int n = comma ? 2 : 1;
    if (n != nargs[kind]) {
        *why = "has the wrong number of arguments";
        return false;
    }
    const char *b = comma ? comma + 1 : end;
    if (!number(a, (size_t)((comma ? comma : end) - a), &v[0]) ||
        (comma && !number(b, (size_t)(end - b), &v[1]))) {
        *why = "has an argument that is not a finite number";
        return false;
    }
    s->given = true;
    switch (kind) {
    case 1:
        if (!whole(v[0]) || !(v[1] > 0.0)) {
            *why = "is out of range";
            return false;
        }
        s->kind = OV_SCHED_STEP;
        s->every = (long)v[0];
        s->factor = v[1];
        break;
    case 2:
        if (!(v[0] > 0.0)) {
            *why = "is out of range";
            return false;
        }
        s->kind = OV_SCHED_EXP;
        s->factor = v[0];
        break;
    default:
        if (!whole(v[0])) {
            *why = "is out of range";
            return false;
        }
        s->kind = kind == 3 ? OV_SCHED_COSINE : OV_SCHED_WARMUP;
        s->t = (long)v[0];
        break;
    }
    return true;
}

/* The shortest %g text of v that reads back as v. */
static void shortest(double v, char *buf, size_t cap)
{
    for (int p = 1; p <= 17; p++) {
        snprintf(buf, cap, "%.*g", p, v);
        if (strtod(buf, NULL) == v)
            return;
    }
}

const char *ov_schedule_format(const ov_schedule *s, char *buf, size_t cap)
{
    if (!cap)
        return buf;
    buf[0] = 0;
    if (!s || !s->given)
        return buf;
    char num[40];
    switch (s->kind) {
    case OV_SCHED_STEP:
        shortest(s->factor, num, sizeof num);
        snprintf(buf, cap, "step(%ld,%s)", s->every, num);
        break;
    case OV_SCHED_EXP:
        shortest(s->factor, num, sizeof num);
        snprintf(buf, cap, "exp(%s)", num);
        break;
    case OV_SCHED_COSINE:
        snprintf(buf, cap, "cosine(%ld)", s->t);
        break;
    case OV_SCHED_WARMUP:
        snprintf(buf, cap, "warmup(%ld)", s->t);
        break;
    case OV_SCHED_CONSTANT:
        snprintf(buf, cap, "constant");
        break;
    }
    return buf;
}
