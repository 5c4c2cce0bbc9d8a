/* The 2-D slice of an N-parameter model that the window draws: the plane
 * o + x·d1 + y·d2 of parameter space (two parameter axes, the top two
 * principal directions of the runs' iterates, or two seeded random
 * directions), the --slice option's text, and the projection of a
 * parameter vector onto the plane with its distance from it. Pure maths on
 * plain arrays: the scene says which points and which head to use. */
#ifndef OV_SLICE_H
#define OV_SLICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "geom.h"
#include "objective.h"

#define OV_SLICE_MAX_DIM OV_OBJECTIVE_MAX_DIM
/* Most iterates (over all runs together) the principal directions use. */
#define OV_SLICE_PCA_MAX_POINTS 10000
/* The seed of "random" written without one. */
#define OV_SLICE_DEFAULT_SEED 1u

typedef enum ov_slice_kind {
    OV_SLICE_AXES,     /* two parameter axes a, b */
    OV_SLICE_PCA,      /* the top two principal directions of the iterates */
    OV_SLICE_RANDOM,   /* two N(0, 1) directions drawn with seed */
    OV_SLICE_KIND_COUNT
} ov_slice_kind;

typedef struct ov_slice {
    ov_slice_kind kind;
    int a, b;          /* AXES: the parameters on x and on y (0-based, a != b) */
    uint64_t seed;     /* RANDOM: the generator's seed (0 .. 2^32 - 1) */
    /* AXES: the other coordinates of o follow the targeted run's shown
     * iterate (true) or stay where they are (false). Other kinds: false. */
    bool follow;
    int n;             /* the model's parameter count, 2 .. OV_SLICE_MAX_DIM */
    double o[OV_SLICE_MAX_DIM], d1[OV_SLICE_MAX_DIM], d2[OV_SLICE_MAX_DIM];
    /* PCA: the share of the squared distances of the sampled iterates from
     * o that lies in the plane, (s1² + s2²) / Σ s², 0 .. 1 (1 when every
     * iterate is o). Other kinds: 0. */
    double explained;
} ov_slice;

/* A run's iterates as the slice reads them: count points of n coordinates
 * each, stored one after another (w[k*n + i] is coordinate i of point k). */
typedef struct ov_slice_path {
    const double *w;
    int count;
} ov_slice_path;

/* Parses the --slice value: "A,B" (two different names from names[0..n-1]),
 * "pca", "random" or "random:SEED" (SEED an integer 0 .. 2^32 - 1). On
 * success *out gets kind, a, b, seed, n and follow (true for axes) with o
 * zero and, for axes, d1 = e_a and d2 = e_b; the other directions come
 * from ov_slice_pca / ov_slice_random once there are runs. On failure
 * false, *out untouched, and err says what is wrong (the unknown name and
 * the valid ones, for instance). */
bool ov_slice_parse(const char *text, const char *const *names, int n, ov_slice *out,
                    char *err, size_t cap);
/* The inverse of ov_slice_parse: "a,b", "pca", "random" (the default seed)
 * or "random:SEED". false when it does not fit in cap. */
bool ov_slice_format(const ov_slice *s, const char *const *names, char *buf, size_t cap);
/* The kind's name as the HUD and the keys say it: "axes", "pca", "random". */
const char *ov_slice_kind_name(ov_slice_kind kind);

/* AXES: o = head with coordinates a and b set to 0, d1 = e_a, d2 = e_b, so
 * a point's x is its coordinate a and its y its coordinate b. */
void ov_slice_axes(ov_slice *s, const double *head);
/* PCA: o = the given point (the targeted run's final iterate); d1, d2 the
 * unit eigenvectors of the two largest eigenvalues of Σ (w - o)(w - o)ᵀ over
 * the iterates of all paths (at most OV_SLICE_PCA_MAX_POINTS of them, taken
 * evenly over the paths one after another), that is the top two right
 * singular vectors of the matrix of w - o; each with its largest-magnitude
 * coordinate positive (the first such on a tie). Sets s->explained.
 * false (s untouched) only when memory runs out. */
bool ov_slice_pca(ov_slice *s, const double *o, const ov_slice_path *paths, int npaths);
/* RANDOM: o = the given point; d1 then d2 each get n N(0, 1) numbers from
 * the generator seeded with s->seed (noise.h, taken in pairs from
 * ov_rng_normal2, d1's coordinates first). Then, when group is not NULL
 * (group[i] >= 0: coordinate i is an incoming weight of neuron group[i];
 * -1: a bias), each direction is filter-normalised as Li et al.: bias
 * entries 0 and each neuron's entries scaled so that their norm is the norm
 * of that neuron's entries of o (0 when those are all 0). When group is
 * NULL each direction is scaled to the norm ||o|| (1 when o = 0). */
void ov_slice_random(ov_slice *s, const double *o, const int *group);

/* The point of the plane at (x, y): w = o + x·d1 + y·d2 (n coordinates). */
void ov_slice_point(const ov_slice *s, double x, double y, double *w);
/* The (x, y) that minimises ||o + x·d1 + y·d2 - w|| (least squares: d1 and
 * d2 need not be orthogonal nor of unit length) and, in *dist, that
 * minimum: w's distance from the plane. When d1 and d2 are parallel (or one
 * is zero) the plane is the line of the other, and the component along it
 * goes to the non-zero one (x before y); both zero: (0, 0). Any output
 * pointer may be NULL. */
void ov_slice_project(const ov_slice *s, const double *w, double *x, double *y, double *dist);
/* ov_slice_project for count points stored as in ov_slice_path: xy gets
 * count (x, y) pairs, dist (when not NULL) count distances. */
void ov_slice_project_many(const ov_slice *s, const double *w, int count, double *xy,
                           double *dist);
/* How many iterates the evenly spaced sample of the paths holds:
 * min(total count, max). */
int ov_slice_sample_count(const ov_slice_path *paths, int npaths, int max);
/* The k-th (0 <= k < m, m from ov_slice_sample_count) sampled iterate of
 * n coordinates: point floor(k·total/m) of the paths taken one after
 * another, so m = total takes every point. */
const double *ov_slice_sample_at(const ov_slice_path *paths, int npaths, int n, int m, int k);
/* A view rectangle that frames the projections of every iterate of the
 * paths (finite ones; at most OV_SLICE_PCA_MAX_POINTS of them plus each
 * path's last point) with a margin of 15% of its size on each side. A
 * single point (or none: o's projection, (0, 0)) gets a square of half-size
 * max(1, |x|/2, |y|/2) around it; a rectangle much thinner one way than the
 * other is widened to half the other's size (a picture of a thin strip
 * would fit the window badly). */
ov_rect ov_slice_view(const ov_slice *s, const ov_slice_path *paths, int npaths);

#endif
