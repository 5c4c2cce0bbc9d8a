/* Learning-rate schedules (--optimizer ...:schedule=): the α update i of a
 * run uses, from the run's base α, by PyTorch's formulas with i = 0 for the
 * first update. Pure functions, no state. */
#ifndef OV_SCHEDULE_H
#define OV_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>

typedef enum ov_schedule_kind {
    OV_SCHED_CONSTANT = 0,   /* α (also: no schedule given) */
    OV_SCHED_STEP,           /* α·FACTOR^floor(i/EVERY) (StepLR) */
    OV_SCHED_EXP,            /* α·GAMMA^i (ExponentialLR) */
    OV_SCHED_COSINE,         /* α·(1 + cos(π·min(i,T)/T))/2, 0 after T */
    OV_SCHED_WARMUP          /* α·min(1, (i+1)/STEPS) */
} ov_schedule_kind;

typedef struct ov_schedule {
    ov_schedule_kind kind;
    bool given;      /* :schedule= was written (constant included) */
    long every;      /* step: EVERY >= 1 */
    double factor;   /* step: FACTOR > 0; exp: GAMMA > 0 */
    long t;          /* cosine: T >= 1; warmup: STEPS >= 1 */
} ov_schedule;

/* The α update i (0 for the first) uses, from base α alpha. */
double ov_schedule_alpha(const ov_schedule *s, double alpha, long i);

/* True when s changes α over a run (anything but constant). */
bool ov_schedule_varies(const ov_schedule *s);

/* Parses "constant", "step(EVERY,FACTOR)", "exp(GAMMA)", "cosine(T)" or
 * "warmup(STEPS)" (len characters of text). On failure returns false with
 * why set to a short reason ("is out of range", ...); OV_SCHEDULE_FORMS
 * says what is accepted. */
bool ov_schedule_parse(const char *text, size_t len, ov_schedule *s, const char **why);

/* The accepted forms, for messages and --help. */
#define OV_SCHEDULE_FORMS \
    "constant, step(EVERY,FACTOR), exp(GAMMA), cosine(T) or warmup(STEPS) " \
    "(EVERY, T, STEPS whole numbers >= 1; FACTOR, GAMMA numbers > 0)"

/* Writes s as the spec text parse accepts ("" when not given) into buf. */
const char *ov_schedule_format(const ov_schedule *s, char *buf, size_t cap);

#endif
