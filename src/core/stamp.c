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

#define OV_STAMP_MAX 64

typedef struct stamp {
    double wall, cpu;
    const char *what;
} stamp;

/* The stamps of this process: one writer, the main thread. */
static struct {
    int on;   /* print each line: -1 until the environment was read */
    double t0;
    int n;
    stamp v[OV_STAMP_MAX];
} g = {.on = -1};

void ov_stamp(const char *what)
{
    if (g.on < 0) {
        const char *v = getenv("OPTIVIZ_STARTUP_TIMES");
        g.on = v && *v && !(v[0] == '0' && !v[1]);
        g.t0 = ms_of(CLOCK_MONOTONIC);
    }
    double wall = ms_of(CLOCK_MONOTONIC) - g.t0, cpu = ms_of(CLOCK_PROCESS_CPUTIME_ID);
    if (g.n < OV_STAMP_MAX)
        g.v[g.n++] = (stamp){wall, cpu, what};
    if (!g.on)
        return;
    /* stderr is unbuffered: one fprintf per line keeps the lines whole. */
    (void)fprintf(stderr, "optiviz: startup: %8.2f ms wall %8.2f ms CPU  %s\n", wall, cpu, what);
}

bool ov_stamp_print(FILE *f)
{
    bool ok = fprintf(f, "where the process's time went, ms (CPU: all threads; at main: "
                         "loading the libraries)\n"
                         "%9s %9s %9s %9s  %s\n", "wall", "CPU", "+wall", "+CPU", "stage") > 0;
    for (int i = 0; i < g.n; i++) {
        const stamp *s = &g.v[i], *b = i ? &g.v[i - 1] : NULL;
        ok = fprintf(f, "%9.2f %9.2f %9.2f %9.2f  %s\n", s->wall, s->cpu,
                     b ? s->wall - b->wall : s->wall, b ? s->cpu - b->cpu : s->cpu,
                     s->what) > 0 && ok;
    }
    return ok;
}
