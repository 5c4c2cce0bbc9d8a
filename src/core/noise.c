/* The noise generator of noise.h: splitmix64 and the Box-Muller transform. */
#include "noise.h"

#include <math.h>

void ov_rng_seed(ov_rng *r, uint64_t seed)
{
    r->state = seed;
}

uint64_t ov_rng_next(ov_rng *r)
{
    uint64_t z = (r->state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

double ov_rng_uniform(ov_rng *r)
{
    /* The top 53 bits plus one, times 2^-53: 2^-53 .. 1. */
    return (double)((ov_rng_next(r) >> 11) + 1u) * 0x1.0p-53;
}

void ov_rng_normal2(ov_rng *r, double z[2])
{
    const double two_pi = 6.283185307179586476925286766559;
    double u1 = ov_rng_uniform(r), u2 = ov_rng_uniform(r);
    double rad = sqrt(-2.0 * log(u1));
    z[0] = rad * cos(two_pi * u2);
    z[1] = rad * sin(two_pi * u2);
}
