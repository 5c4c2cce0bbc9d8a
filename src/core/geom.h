/* Small plain-data geometry types shared by every layer. Mapping between
 * world and pixels is the view's job (view.h). */
#ifndef OV_GEOM_H
#define OV_GEOM_H

typedef struct ov_vec2 {
    double x, y;
} ov_vec2;

/* A world-space rectangle: x in [x0, x1], y in [y0, y1]. */
typedef struct ov_rect {
    double x0, x1, y0, y1;
} ov_rect;

/* Grows r about its centre so that its aspect ratio matches a width x height
 * pixel area (so circles stay circles). width and height must be > 0. */
ov_rect ov_rect_fit(ov_rect r, int width, int height);

#endif
