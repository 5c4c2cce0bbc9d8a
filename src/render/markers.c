/* Marker shapes as pieces both passes can draw: filled shapes (circle,
 * square, triangles, diamond, hexagon) as horizontal spans, the minimum's
 * star and the divergence cross as strokes. The path pass draws the pieces
 * as anti-aliased capsules, the overlay (the HUD's legend and run list) as
 * quads, so a legend shows the shape the picture shows. */
#include <math.h>

#include "render/markers.h"

/* Half-width, as a fraction of the radius, of a filled shape at height t
 * (-1 top .. 1 bottom); negative outside the shape. */
static double span(ov_marker m, double t)
{
    switch (m) {
    case OV_MARK_SQUARE:
        return fabs(t) <= 0.8 ? 0.8 : -1;
    case OV_MARK_TRIANGLE:   /* apex up, base at t = 0.75 */
        return t >= -1.0 && t <= 0.75 ? (t + 1.0) / 1.75 * 1.0 : -1;
    case OV_MARK_TRIANGLE_DOWN:
        return t <= 1.0 && t >= -0.75 ? (1.0 - t) / 1.75 * 1.0 : -1;
    case OV_MARK_DIAMOND:
        return 1.0 - fabs(t);
    case OV_MARK_HEXAGON:    /* pointy top and bottom */
        return fabs(t) <= 0.5 ? 0.87 : (1.0 - fabs(t)) * 1.74;
    default:
        return fabs(t) <= 1.0 ? sqrt(1.0 - t * t) : -1;
    }
}

void ov_marker_pieces(ov_marker m, float x, float y, float radius, float grow, ov_piece_fn fn,
                      void *ctx)
{
    if (!(radius > 0))
        return;
    if (m == OV_MARK_STAR || m == OV_MARK_CROSS) {
        int arms = m == OV_MARK_STAR ? 3 : 2;
        float half = radius * (m == OV_MARK_STAR ? 0.16f : 0.24f) + grow;
        for (int a = 0; a < arms; a++) {
            double ang = m == OV_MARK_STAR ? a * 3.14159265358979 / 3.0 + 3.14159265358979 / 2.0
                                           : a * 3.14159265358979 / 2.0 + 3.14159265358979 / 4.0;
            float dx = radius * (float)cos(ang), dy = radius * (float)sin(ang);
            fn(ctx, x - dx, y - dy, x + dx, y + dy, half, false);
        }
        return;
    }
    /* Rows about 1.2 px apart, at least 5 per shape. */
    float R = radius + grow;
    int rows = (int)ceilf(2.0f * R / 1.2f);
    rows = rows < 5 ? 5 : rows;
    float hh = R / (float)rows;   /* half a row's height */
    for (int i = 0; i < rows; i++) {
        float cy = -R + hh * (float)(2 * i + 1);
        double w = span(m, cy / R);
        if (w <= 0)
            continue;
        float half = (float)w * R;
        fn(ctx, x - half, y + cy, x + half, y + cy, hh * 1.15f, true);
    }
}

void ov_marker_outline(ov_marker m, float x, float y, float radius, float half, ov_piece_fn fn,
                       void *ctx)
{
    /* Corners in units of the radius, clockwise from the top. */
    static const float square[4][2] = {{-0.8f, -0.8f}, {0.8f, -0.8f}, {0.8f, 0.8f}, {-0.8f, 0.8f}};
    static const float tri[3][2] = {{0.0f, -1.0f}, {1.0f, 0.75f}, {-1.0f, 0.75f}};
    static const float tri_down[3][2] = {{-1.0f, -0.75f}, {1.0f, -0.75f}, {0.0f, 1.0f}};
    static const float diamond[4][2] = {{0.0f, -1.0f}, {1.0f, 0.0f}, {0.0f, 1.0f}, {-1.0f, 0.0f}};
    static const float hexagon[6][2] = {{0.0f, -1.0f}, {0.87f, -0.5f}, {0.87f, 0.5f},
                                        {0.0f, 1.0f},  {-0.87f, 0.5f}, {-0.87f, -0.5f}};
    const float(*v)[2] = NULL;
    int n = 0;
    float circle[16][2];
    switch (m) {
    case OV_MARK_SQUARE:
        v = square, n = 4;
        break;
    case OV_MARK_TRIANGLE:
        v = tri, n = 3;
        break;
    case OV_MARK_TRIANGLE_DOWN:
        v = tri_down, n = 3;
        break;
    case OV_MARK_DIAMOND:
        v = diamond, n = 4;
        break;
    case OV_MARK_HEXAGON:
        v = hexagon, n = 6;
        break;
    case OV_MARK_STAR:
    case OV_MARK_CROSS:
        ov_marker_pieces(m, x, y, radius, half, fn, ctx);
        return;
    default:
        for (int i = 0; i < 16; i++) {
            circle[i][0] = (float)cos(i * 3.14159265358979 / 8);
            circle[i][1] = (float)sin(i * 3.14159265358979 / 8);
        }
        v = (const float(*)[2])circle, n = 16;
        break;
    }
    for (int i = 0; i < n; i++) {
        int j = (i + 1) % n;
        fn(ctx, x + v[i][0] * radius, y + v[i][1] * radius, x + v[j][0] * radius,
           y + v[j][1] * radius, half, false);
    }
}
