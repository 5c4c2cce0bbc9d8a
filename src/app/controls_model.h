/* The keys and the clock of a model scene (DESIGN.md "Keys for this
 * round"): which parameters the slice's axes show (K / J, Shift for the
 * vertical axis), which kind of slice (. / ,) and whether an axes slice
 * follows the targeted run (Shift+.), and the slice kept on the targeted
 * run's shown iterate as the animation plays. Writes the scene part. */
#ifndef OV_CONTROLS_MODEL_H
#define OV_CONTROLS_MODEL_H

#include <stdbool.h>
#include "app_state.h"

/* The axes slice's horizontal (axis 0) or vertical (axis 1) parameter,
 * the next (dir > 0) or previous one, skipping the other axis's; from a pca
 * or random slice, the axes slice of the first two parameters. */
void ov_controls_slice_axis(ov_app_state *st, int axis, int dir);
/* The next (dir > 0) or previous slice kind: axes, pca, random. */
void ov_controls_slice_kind(ov_app_state *st, int dir);
/* An axes slice: following the targeted run's shown iterate on / off. */
void ov_controls_slice_follow(ov_app_state *st);
/* Keeps the slice on the targeted run and its shown step; true when the
 * picture changed (a surface scene: false). Called once a frame. */
bool ov_controls_follow(ov_app_state *st);

#endif
