/* Small plain-data geometry types shared by every layer. */
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

/* World point -> pixel, pixel rows counted from the top. */
static inline ov_vec2 ov_world_to_pixel(ov_rect v, int width, int height, ov_vec2 p)
{
    ov_vec2 q = {(p.x - v.x0) / (v.x1 - v.x0) * width,
                 (v.y1 - p.y) / (v.y1 - v.y0) * height};
    return q;
}

/* Pixel (top-down) -> world point. */
static inline ov_vec2 ov_pixel_to_world(ov_rect v, int width, int height, ov_vec2 q)
{
    ov_vec2 p = {v.x0 + q.x / width * (v.x1 - v.x0),
                 v.y1 - q.y / height * (v.y1 - v.y0)};
    return p;
}

#endif
