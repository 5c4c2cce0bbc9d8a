/* Geometry helpers shared by the app, renderer and tests. */
#include "geom.h"

ov_rect ov_rect_fit(ov_rect r, int width, int height)
{
    double w = r.x1 - r.x0, h = r.y1 - r.y0;
    double want = (double)width / (double)height;
    if (w / h < want) {
        double grow = (h * want - w) / 2.0;
        r.x0 -= grow;
        r.x1 += grow;
    } else {
        double grow = (w / want - h) / 2.0;
        r.y0 -= grow;
        r.y1 += grow;
    }
    return r;
}
