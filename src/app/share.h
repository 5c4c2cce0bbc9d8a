/* The U key's desktop half: the optiviz command line that reproduces the
 * scene on screen (surface or formula, κ, θ, start, steps, every run with
 * its α and β, noise, view, 3-D camera), shell-quoted, so a teacher can
 * paste it into a terminal or a slide's notes. */
#ifndef OV_SHARE_H
#define OV_SHARE_H

#include <stdbool.h>
#include <stddef.h>

#include "controls.h"

/* Writes the command line (starting "optiviz ") into buf. Numbers are
 * written with the fewest digits that read back as the same double, so
 * src/cli's parser gives back this scene exactly. false when it does not
 * fit in cap (buf then holds a cut line). */
bool ov_share_command_line(const ov_app_state *st, char *buf, size_t cap);

#endif
