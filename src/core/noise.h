/* Seeded Gaussian noise for the gradients (--noise SIGMA, --seed N): a small
 * splitmix64 generator and the Box-Muller transform. Pure and deterministic:
 * the same seed gives the same numbers on every run and every machine with
 * IEEE doubles and a correctly rounded libm. */
#ifndef OV_NOISE_H
#define OV_NOISE_H

#include <stdint.h>

#define OV_NOISE_MAX 1e6            /* largest σ accepted */
#define OV_DEFAULT_SEED 1u
#define OV_SEED_MAX 4294967295u     /* seeds are 0 .. 2^32 - 1 */

/* What a scene asks for: σ of the N(0, σ²) noise added to each gradient
 * coordinate (0: exact gradients), and the generator's seed. */
typedef struct ov_noise {
    double sigma;
    uint64_t seed;
} ov_noise;

/* The generator: 64 bits of state (splitmix64, Steele, Lea & Flood 2014). */
typedef struct ov_rng {
    uint64_t state;
} ov_rng;

void ov_rng_seed(ov_rng *r, uint64_t seed);
/* The next 64 random bits. */
uint64_t ov_rng_next(ov_rng *r);
/* Uniform in (0, 1]: one draw, 53 bits. Never 0, so its log is finite. */
double ov_rng_uniform(ov_rng *r);
/* Two independent N(0, 1) numbers from two uniform draws (Box-Muller:
 * r = sqrt(-2 ln u1), z = r cos 2πu2, r sin 2πu2). */
void ov_rng_normal2(ov_rng *r, double z[2]);

#endif
