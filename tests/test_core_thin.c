/* Tests of path thinning (core/thin): which points become vertices (the
 * first, every one that moved at least a pixel from the last vertex), the
 * tail that ends at the last point, segments stored once however often a
 * run repeats them, only the new stretch of a partly covered segment,
 * clipping to the area, dots at most one per cell, and reset. Expected
 * values are worked out by hand from the rules in thin.h. */
#include <math.h>
#include <string.h>

#include "core/thin.h"
#include "ov_test.h"

static const ov_thin_area AREA = {-64.0, 1344.0, -64.0, 784.0, 4.0};

/* Sum of the stored segments' lengths. */
static double stored_length(const ov_thin *t)
{
    double sum = 0.0;
    for (int i = 0; i < t->nsegs; i++) {
        const float *s = t->segs[i];
        sum += hypot(s[2] - s[0], s[3] - s[1]);
    }
    return sum;
}

static void test_vertices(void)
{
    ov_thin t;
    ov_thin_init(&t, &AREA);
    double x0, y0, x1, y1;
    CHECK(!ov_thin_tail(&t, &x0, &y0, &x1, &y1));
    /* moves from the last vertex: first; 0.5 (no); 0.875 (no); 1.0 (yes,
     * from 100: the vertex stays at 100 while the two before are dropped);
     * then (101.5, 0.75) is sqrt(0.8125) from (101, 0): no; (101.75, 0.75)
     * is sqrt(1.125): yes. */
    CHECK(ov_thin_add(&t, 100.0, 0.0));
    CHECK(!ov_thin_add(&t, 100.5, 0.0));
    CHECK(!ov_thin_add(&t, 100.875, 0.0));
    CHECK(ov_thin_add(&t, 101.0, 0.0));
    CHECK(!ov_thin_add(&t, 101.5, 0.75));
    CHECK(ov_thin_add(&t, 101.75, 0.75));
    CHECK(t.kept == 3 && t.fed == 6);
    /* the last point fed is the tail's end even when it is not a vertex */
    CHECK(!ov_thin_add(&t, 102.25, 0.75));
    CHECK(ov_thin_tail(&t, &x0, &y0, &x1, &y1));
    CHECK(x0 == 101.75 && y0 == 0.75 && x1 == 102.25 && y1 == 0.75);
    /* a kept last point: the tail is that point alone */
    CHECK(ov_thin_add(&t, 200.0, 50.0));
    CHECK(ov_thin_tail(&t, &x0, &y0, &x1, &y1));
    CHECK(x0 == 200.0 && y0 == 50.0 && x1 == 200.0 && y1 == 50.0);
    /* far jumps are always kept, also off the area (a diverging run) */
    CHECK(ov_thin_add(&t, 1e5, -3e5));
    CHECK(t.kept == 5);
    ov_thin_deinit(&t);
}

static void test_oscillation(void)
{
    ov_thin t;
    ov_thin_init(&t, &AREA);
    /* 100,001 points between A = (300, 200) and B = (500, 400): every one
     * moves 283 px, so every one is a vertex, but only one segment and two
     * dots are worth drawing. */
    for (int i = 0; i <= 100000; i++)
        ov_thin_add(&t, i % 2 ? 500.0 : 300.0, i % 2 ? 400.0 : 200.0);
    CHECK(t.kept == 100001);
    CHECK_MSG(t.nsegs == 1, "nsegs %d", t.nsegs);
    CHECK_MSG(t.ndots == 2, "ndots %d", t.ndots);
    CHECK_NEAR(stored_length(&t), hypot(200.0, 200.0), 1e-3);
    ov_thin_deinit(&t);
}

static void test_growing_oscillation(void)
{
    ov_thin t;
    ov_thin_init(&t, &AREA);
    /* Along y = 300, alternating sides of x = 640 with an amplitude growing
     * from 10 px to 10 + 20000 * 0.005 = 110 px: the envelope is the 220 px
     * from 530 to 750, all of it drawn: a piece in every pixel along it
     * (pieces may leave gaps under half a pixel, inside the line's round
     * caps). What is stored is at most that envelope plus one sample (half
     * a cell) of overlap at each end of each piece, not 20,000 segments of
     * up to 220 px (4.4 million px). */
    for (int i = 0; i <= 20000; i++) {
        double amp = 10.0 + 0.005 * i;
        ov_thin_add(&t, 640.0 + (i % 2 ? amp : -amp), 300.0);
    }
    double len = stored_length(&t);
    CHECK_MSG(len <= 220.0 + 2 * 0.5 / OV_THIN_GRID * t.nsegs + 1e-3, "stored %g px in %d pieces", len,
              t.nsegs);
    /* a piece for each cell the envelope grows into, on both sides */
    CHECK_MSG(t.nsegs <= 2 * 110 * OV_THIN_GRID, "nsegs %d", t.nsegs);
    /* every pixel from 531 to 749 along the line is covered by a piece */
    for (int x = 531; x <= 749; x++) {
        bool hit = false;
        for (int i = 0; i < t.nsegs && !hit; i++) {
            const float *s = t.segs[i];
            double lo = fmin(s[0], s[2]), hi = fmax(s[0], s[2]);
            hit = lo <= x && x <= hi && s[1] == 300.0f && s[3] == 300.0f;
        }
        CHECK_MSG(hit, "pixel %d not covered", x);
    }
    ov_thin_deinit(&t);
}

static void test_new_stretches(void)
{
    ov_thin t;
    ov_thin_init(&t, &AREA);
    /* (100, 100) -> (300, 100), then back to (100, 100.4): the same cells
     * all along (rows 100), so nothing new is stored. */
    ov_thin_add(&t, 100.0, 100.0);
    ov_thin_add(&t, 300.0, 100.0);
    CHECK(t.nsegs == 1);
    ov_thin_add(&t, 100.0, 100.4);
    CHECK_MSG(t.nsegs == 1, "nsegs %d", t.nsegs);
    /* down to y = 103.5, then parallel to the first line 3.5 px away: new
     * after the cell it starts in (a short covered stretch, kept), so stored
     * whole */
    ov_thin_add(&t, 100.0, 103.5);
    int before = t.nsegs;
    ov_thin_add(&t, 300.0, 103.5);
    CHECK(t.nsegs == before + 1);
    const float *s = t.segs[t.nsegs - 1];
    CHECK(s[0] == 100.0f && s[1] == 103.5f && s[2] == 300.0f && s[3] == 103.5f);
    /* a perpendicular crossing of both lines (x = 200, y 50 -> 150) is not
     * cut at them: the covered stretches are a pixel long; the start, the
     * end of the diagonal that came before, is kept too */
    ov_thin_add(&t, 200.0, 50.0);
    before = t.nsegs;
    ov_thin_add(&t, 200.0, 150.0);
    CHECK_MSG(t.nsegs == before + 1, "pieces %d", t.nsegs - before);
    s = t.segs[t.nsegs - 1];
    CHECK(s[0] == 200.0f && s[1] == 50.0f && s[2] == 200.0f && s[3] == 150.0f);
    /* from (200, 150) out along the old line y = 100 from x = 250 to 300
     * and on to 400: only the stretch past the cell of x = 300 is new,
     * starting at most one sample (half a cell) before that cell's end */
    ov_thin_add(&t, 250.0, 100.0);
    before = t.nsegs;
    ov_thin_add(&t, 400.0, 100.0);
    CHECK_MSG(t.nsegs == before + 1, "pieces %d", t.nsegs - before);
    s = t.segs[t.nsegs - 1];
    double edge = 300.0 + 1.0 / OV_THIN_GRID;
    CHECK_MSG(s[0] >= edge - 0.5 / OV_THIN_GRID && s[0] < edge && s[2] == 400.0f,
              "piece %g..%g", s[0], s[2]);
    /* reset for the same area: nothing of the old path covers the new one */
    ov_thin_reset(&t, &AREA);
    ov_thin_add(&t, 250.0, 100.0);
    ov_thin_add(&t, 400.0, 100.0);
    CHECK(t.nsegs == 1 && t.segs[0][0] == 250.0f && t.segs[0][2] == 400.0f);
    ov_thin_deinit(&t);
}

/* A line beside stored ones grazing a few cells inside it (a speck) is not
 * drawn, and those cells stay free; a gap of 10 px is drawn. */
static void test_specks(void)
{
    ov_thin t;
    ov_thin_init(&t, &AREA);
    /* stored: y = 100.2 from x = 100 to 390 and from 392 to 700, and from
     * 500 to 700 along y = 110.2 after a gap from 400 to 410 */
    ov_thin_add_point(&t, 100.0, 100.2, 0.0, OV_THIN_MOVE);
    ov_thin_add_point(&t, 390.0, 100.2, 0.0, OV_THIN_ITERATE);
    ov_thin_add_point(&t, 392.0, 100.2, 0.0, OV_THIN_MOVE);
    ov_thin_add_point(&t, 700.0, 100.2, 0.0, OV_THIN_ITERATE);
    ov_thin_add_point(&t, 100.0, 110.2, 0.0, OV_THIN_MOVE);
    ov_thin_add_point(&t, 400.0, 110.2, 0.0, OV_THIN_ITERATE);
    ov_thin_add_point(&t, 410.0, 110.2, 0.0, OV_THIN_MOVE);
    ov_thin_add_point(&t, 700.0, 110.2, 0.0, OV_THIN_ITERATE);
    CHECK_MSG(t.nsegs == 4, "nsegs %d", t.nsegs);
    /* along y = 100.4: only the 2-cell gap is fresh, inside the segment */
    ov_thin_add_point(&t, 100.0, 100.4, 0.0, OV_THIN_MOVE);
    ov_thin_add_point(&t, 700.0, 100.4, 0.0, OV_THIN_ITERATE);
    CHECK_MSG(t.nsegs == 4, "a speck was stored: nsegs %d", t.nsegs);
    /* along y = 110.4: the 10 px gap is drawn (0.2 px off the line from 410
     * on, so that stored segment grows over it rather than a piece being
     * added) */
    ov_thin_add_point(&t, 100.0, 110.4, 0.0, OV_THIN_MOVE);
    ov_thin_add_point(&t, 700.0, 110.4, 0.0, OV_THIN_ITERATE);
    CHECK_MSG(t.nsegs == 4, "nsegs %d", t.nsegs);
    for (int x = 401; x <= 409; x++) {
        bool hit = false;
        for (int i = 0; i < t.nsegs && !hit; i++) {
            const float *s = t.segs[i];
            hit = fminf(s[0], s[2]) <= x && x <= fmaxf(s[0], s[2]) && s[1] > 110.0f &&
                  s[1] < 110.5f;
        }
        CHECK_MSG(hit, "x = %d of the gap not drawn", x);
    }
    ov_thin_deinit(&t);
}

static void test_clipping(void)
{
    ov_thin t;
    ov_thin_init(&t, &AREA);
    /* from inside to far outside: stored up to the area's edge x = 1344 */
    ov_thin_add(&t, 1000.0, 500.0);
    ov_thin_add(&t, 3000.0, 500.0);
    CHECK(t.nsegs == 1);
    CHECK(t.segs[0][0] == 1000.0f && t.segs[0][2] == 1344.0f);
    /* entirely outside: a vertex, no segment, no dot */
    ov_thin_add(&t, 3000.0, 2000.0);
    CHECK(t.kept == 3 && t.nsegs == 1 && t.ndots == 1);

    double ax = -10, ay = 5, bx = 10, by = 5;
    CHECK(ov_clip_segment(&ax, &ay, &bx, &by, 0, 4, 0, 10));
    CHECK(ax == 0 && bx == 4 && ay == 5 && by == 5);
    ax = -10, ay = 20, bx = 10, by = 20;
    CHECK(!ov_clip_segment(&ax, &ay, &bx, &by, 0, 4, 0, 10));
    ov_thin_deinit(&t);
}

static void test_dots(void)
{
    ov_thin t;
    ov_thin_init(&t, &AREA);
    /* 5 px apart along a line, gap 4: a dot at each of the 21 points; the
     * way back over the same points adds none. */
    for (int i = 0; i <= 20; i++)
        ov_thin_add(&t, 100.0 + 5.0 * i, 200.0);
    CHECK(t.ndots == 21);
    for (int i = 20; i >= 0; i--)
        ov_thin_add(&t, 100.0 + 5.0 * i, 200.0);
    CHECK_MSG(t.ndots == 21, "ndots %d", t.ndots);
    /* 2 px apart: within the gap of the last dot, so every other point */
    ov_thin_add(&t, 500.0, 500.0);
    int before = t.ndots;
    for (int i = 1; i <= 10; i++)
        ov_thin_add(&t, 500.0 + 2.0 * i, 500.0);
    CHECK_MSG(t.ndots - before == 5, "dots %d", t.ndots - before);

    /* reset: empty again, for another area */
    ov_thin_area small = {0, 100, 0, 100, 4.0};
    ov_thin_reset(&t, &small);
    CHECK(t.kept == 0 && t.fed == 0 && t.nsegs == 0 && t.ndots == 0);
    ov_thin_add(&t, 10, 10);
    ov_thin_add(&t, 20, 10);
    CHECK(t.nsegs == 1 && t.ndots == 2);
    ov_thin_deinit(&t);
    ov_thin_deinit(NULL);
}

/* Depth and point kinds (3-D paths): a segment carries its ends' depths,
 * clipped linearly; points on the way get no dot; a MOVE starts a new
 * piece, not joined to the point before. */
static void test_depth_and_kinds(void)
{
    ov_thin t;
    ov_thin_init(&t, &AREA);
    CHECK(ov_thin_add_point(&t, 100.0, 100.0, 0.2, OV_THIN_ITERATE));
    CHECK(ov_thin_add_point(&t, 110.0, 100.0, 0.4, OV_THIN_LINE));
    CHECK(ov_thin_add_point(&t, 120.0, 110.0, 0.6, OV_THIN_ITERATE));
    CHECK(t.nsegs == 2 && t.ndots == 2);
    CHECK(t.segz[0][0] == 0.2f && t.segz[0][1] == 0.4f && t.segz[1][1] == 0.6f);
    CHECK(t.dots[1][0] == 120.0f && t.dotz[0] == 0.2f && t.dotz[1] == 0.6f);
    /* straight on from there with depth on the same ramp: the last
     * segment grows instead of a new one being stored */
    CHECK(ov_thin_add_point(&t, 130.0, 120.0, 0.8, OV_THIN_ITERATE));
    CHECK(t.nsegs == 2 && t.segs[1][2] == 130.0f && t.segs[1][3] == 120.0f);
    CHECK_NEAR(t.segz[1][0], 0.4, 1e-6);
    CHECK_NEAR(t.segz[1][1], 0.8, 1e-6);
    /* a new piece: no segment from (130, 120) to (300, 100) */
    CHECK(ov_thin_add_point(&t, 300.0, 100.0, 0.5, OV_THIN_MOVE));
    CHECK(t.nsegs == 2 && t.ndots == 3);
    CHECK(ov_thin_add_point(&t, 310.0, 100.0, 0.7, OV_THIN_ITERATE));
    CHECK(t.nsegs == 3 && t.segs[2][0] == 300.0f && t.segz[2][0] == 0.5f);
    double z0, z1;
    ov_thin_tail_depth(&t, &z0, &z1);
    CHECK(z0 == 0.7 && z1 == 0.7);
    /* clipped at the area's left edge x = -64: a quarter of the way from
     * (-104, 0) at depth 0 to (56, 0) at depth 0.8 */
    ov_thin_reset(&t, &AREA);
    ov_thin_add_point(&t, -104.0, 0.0, 0.0, OV_THIN_ITERATE);
    ov_thin_add_point(&t, 56.0, 0.0, 0.8, OV_THIN_ITERATE);
    CHECK(t.nsegs == 1 && t.segs[0][0] == -64.0f);
    CHECK_NEAR(t.segz[0][0], 0.2, 1e-6);
    CHECK_NEAR(t.segz[0][1], 0.8, 1e-6);
    /* a depth that is not finite is ignored, like a position */
    CHECK(!ov_thin_add_point(&t, 70.0, 0.0, NAN, OV_THIN_ITERATE));
    ov_thin_deinit(&t);
}

int main(void)
{
    test_vertices();
    test_depth_and_kinds();
    test_oscillation();
    test_growing_oscillation();
    test_new_stretches();
    test_specks();
    test_clipping();
    test_dots();
    return ov_test_finish("test_core_thin");
}
