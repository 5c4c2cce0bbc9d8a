/* Colours (palette.c): one fixed colour per method and its shades, the
 * marker shape of each shade, and the sequential colour map of the contour
 * fill. Part of the renderer's public face (render.h includes it); no GL. */
#ifndef OV_RENDER_PALETTE_H
#define OV_RENDER_PALETTE_H

#include <stdint.h>

#include "core/optim.h"
#include "core/scene.h"

/* A colour, straight (not premultiplied) alpha. */
typedef struct ov_rgba {
    float r, g, b, a;   /* 0..1 */
} ov_rgba;

/* Shades per method: several runs of one method get the method's colour in
 * shades 0, 1, 2, ... (lighter and darker), each with its own marker shape;
 * after OV_RUN_SHADES they repeat. */
#define OV_RUN_SHADES 6
/* The colour of a method, the same in the HUD, the paths, the panels and
 * exports whatever the run's position; shade 0 is the base colour. Channel
 * values are whole 8-bit steps. */
ov_rgba ov_method_color(ov_optim_kind kind, int shade);

typedef enum ov_marker {
    OV_MARK_CIRCLE = 0,
    OV_MARK_SQUARE,
    OV_MARK_TRIANGLE,
    OV_MARK_DIAMOND,
    OV_MARK_TRIANGLE_DOWN,
    OV_MARK_HEXAGON,
    OV_MARK_STAR,       /* a known minimum: a six-armed star */
    OV_MARK_CROSS       /* a diverged run: an X */
} ov_marker;
/* The marker shape of a run in shade k. */
ov_marker ov_shade_marker(int shade);
/* The marker of run shade `shade` of kind: a family member's (see
 * ov_method_family) counts from its offset, so amsgrad's first run wears
 * adam's second marker. Dashes follow the same shade. */
ov_marker ov_method_marker(ov_optim_kind kind, int shade);
/* The family head whose hue kind wears (kind itself for most methods), and
 * kind's shade offset within the family (0 for the head). */
ov_optim_kind ov_method_family(ov_optim_kind kind, int *offset);
/* A run's shade when the app did not assign one: how many runs before it
 * use the same method. */
int ov_run_default_shade(const ov_scene *sc, int i);

#define OV_CMAP_SIZE 256
/* Fills rgb (OV_CMAP_SIZE * 3 bytes, sRGB) with the sequential colour map:
 * a straight lightness ramp in OKLab from deep blue-violet through teal and
 * green to pale yellow, chroma clipped to the sRGB gamut. */
void ov_colormap_fill(uint8_t *rgb);
/* Least-squares polynomial fit of the colour map for the shader, compiled
 * in as constants (on llvmpipe a texture fetch or a uniform array costs
 * more than the whole loss): colour(t) = sum_k coef[k] x^k, x = 2t - 1.
 * Returns the largest error over the table (0..1 units). */
#define OV_CMAP_POLY 8
double ov_colormap_poly(float coef[OV_CMAP_POLY][3]);

#endif
