/* Start-up timestamps printed on request (see stamp.h). */
#include "core/stamp.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double ms_of(clockid_t id)
{
    struct timespec ts;
    if (clock_gettime(id, &ts) != 0)
        return 0.0;
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

void ov_stamp(const char *what)
{
    static int on = -1;
    static double t0;
    if (on < 0) {
        const char *v = getenv("OPTIVIZ_STARTUP_TIMES");
        on = v && *v && !(v[0] == '0' && !v[1]);
        t0 = ms_of(CLOCK_MONOTONIC);
    }
    if (!on)
        return;
    /* stderr is unbuffered: one fprintf per line keeps the lines whole. */
    (void)fprintf(stderr, "optiviz: startup: %8.2f ms wall %8.2f ms CPU  %s\n",
                  ms_of(CLOCK_MONOTONIC) - t0, ms_of(CLOCK_PROCESS_CPUTIME_ID), what);
}
