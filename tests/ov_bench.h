/* Shared by the benchmarks (tests/bench_*.c): a clock in milliseconds and
 * the median of a sample. */
#ifndef OV_BENCH_H
#define OV_BENCH_H

#include <stdlib.h>
#include <time.h>

/* Milliseconds on clock id: CLOCK_MONOTONIC (wall) or
 * CLOCK_PROCESS_CPUTIME_ID (CPU of every thread of the process). */
static inline double ov_bench_ms(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static inline int ov_bench_cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The median of v's n values (v is sorted in place); 0 for none. */
static inline double ov_bench_median(double *v, int n)
{
    if (n <= 0)
        return 0.0;
    qsort(v, (size_t)n, sizeof *v, ov_bench_cmp);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

#endif
