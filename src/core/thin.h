/* Thinning a path to the pixel grid: the points of a run, already projected
 * to pixels (2-D view or 3-D camera alike), are fed one at a time and turned
 * into what is worth drawing, so that drawing costs pixels, not steps.
 *
 * - A vertex is kept when it lies at least OV_THIN_MIN_MOVE px from the last
 *   kept one; the first point is always kept, and the last point fed is
 *   always the end of the tail (last kept vertex -> last point), so the path
 *   still ends exactly at the last iterate (or at the divergence point).
 * - The segment between two kept vertices (clipped to the area) is stored
 *   only where it adds something. Not at all when a stored one has its ends
 *   in the same pixel cells (either direction; a hash set, O(1)); of the
 *   rest, only the stretches that cross cells no stored segment crossed yet
 *   (a coverage bitmap of the area), each with half a sample of overlap;
 *   inside a segment, a fresh stretch shorter than 4 cells (a line running
 *   beside stored ones and grazing a cell) is not stored and its cells stay
 *   free. A piece that lies along one of the last few stored (within a
 *   quarter pixel of its line, touching it) extends that one instead. Lines
 *   about a pixel apart or closer are merged this way. So a run that
 *   oscillates a million times along the same band keeps what its envelope
 *   adds, and what is stored is bounded by the cells of the area, not by
 *   the steps.
 * - An iterate dot is stored when it lies at least dot_gap px from the last
 *   dot and no dot is stored yet in its grid cell (side dot_gap / sqrt 2, so
 *   a cell holds at most one dot), inside the guard band.
 *
 * Storage grows with what is kept, never with the steps fed. No GL here;
 * the renderer draws segs and dots. */
#ifndef OV_THIN_H
#define OV_THIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define OV_THIN_MIN_MOVE 1.0    /* px a point must move to become a vertex */
#define OV_THIN_GRID 1.0        /* cells per px: segment ends and coverage */
#define OV_THIN_MAX_COVER (1u << 26)   /* cells (8 MB); larger areas skip coverage */

/* Where segments and dots are kept: the frame plus a guard band. */
typedef struct ov_thin_area {
    double x0, x1, y0, y1;      /* px */
    double dot_gap;             /* px between iterate dots */
} ov_thin_area;

/* An open-addressing set of 64-bit keys (0 means an empty slot). */
typedef struct ov_thin_set {
    uint64_t *slot;
    size_t cap, count;          /* cap: 0 or a power of two */
} ov_thin_set;

typedef struct ov_thin {
    ov_thin_area area;
    long fed;                   /* points fed since the last reset */
    long kept;                  /* vertices kept (first point included) */
    double vx, vy, vz;          /* last kept vertex, px and depth */
    double tx, ty, tz;          /* last point fed: the tail ends here */
    double dx, dy;              /* last dot, px */
    bool has_dot;
    bool pen_up;                /* the next point starts a new piece */
    float (*segs)[4];           /* x0, y0, x1, y1, clipped to the area */
    float (*segz)[2];           /* their ends' depths (3-D; 0 in 2-D) */
    int nsegs, segcap;
    float (*dots)[2];
    float *dotz;                /* the dots' depths */
    int ndots, dotcap;
    ov_thin_set seg_keys, dot_cells;
    uint8_t *cover;             /* one bit per cell; NULL until first marked */
    int cover_w, cover_h;       /* cells */
    size_t cover_bytes;         /* 0: the area is too large, no coverage test */
    size_t cover_lo, cover_hi;  /* bytes marked since the last reset */
    bool oom;                   /* an allocation failed: some geometry is missing */
} ov_thin;

/* Caller-owned storage: init empties it, reset empties it for another
 * area (keeping the memory), deinit frees it. */
void ov_thin_init(ov_thin *t, const ov_thin_area *area);
void ov_thin_reset(ov_thin *t, const ov_thin_area *area);
void ov_thin_deinit(ov_thin *t);

/* Feeds the next point of the path (px). Returns true when it was kept as
 * a vertex; a point that is not finite is ignored (false). */
bool ov_thin_add(ov_thin *t, double x, double y);

/* What a point fed is: an iterate (may get a dot), a point on the way
 * between iterates (3-D paths follow the surface), or the start of a new
 * piece (a 3-D path re-entering the surface's rectangle: not joined to the
 * point before). */
typedef enum ov_thin_kind { OV_THIN_ITERATE = 0, OV_THIN_LINE, OV_THIN_MOVE } ov_thin_kind;

/* ov_thin_add with a window depth z carried along (linearly along each
 * segment, as on screen) into segz and dotz, and the point's kind. */
bool ov_thin_add_point(ov_thin *t, double x, double y, double z, ov_thin_kind kind);

/* The depths of the tail's ends (0 before any point was fed). */
void ov_thin_tail_depth(const ov_thin *t, double *z0, double *z1);

/* The tail: from the last kept vertex (x0, y0) to the last point fed
 * (x1, y1); both are the same point when the last point was kept. false
 * before any point was fed. */
bool ov_thin_tail(const ov_thin *t, double *x0, double *y0, double *x1, double *y1);

/* Liang-Barsky: clips segment a-b to [x0, x1] x [y0, y1]; false when
 * nothing of it is inside. */
bool ov_clip_segment(double *ax, double *ay, double *bx, double *by, double x0, double x1,
                     double y0, double y1);

#endif
