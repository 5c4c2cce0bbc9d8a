/* The U key: the optiviz command line that reproduces the scene on screen
 * (surface or formula, κ, θ, start, steps, every run with its α and β,
 * noise, view, 3-D camera), shell-quoted, so a teacher can paste it into a
 * terminal or a slide's notes; and the same options as the query string of
 * the browser page's URL (cli/url.h), which the page puts in its address
 * bar and the desktop prints beside the command line. */
#ifndef OV_SHARE_H
#define OV_SHARE_H

#include <stdbool.h>
#include <stddef.h>

#include "controls.h"

/* Called once per option of the scene, in command-line order: name is the
 * long option without "--" ("kappa", "optimizer" once per run), value its
 * text exactly as the command line takes it. Returns false to stop. */
typedef bool (*ov_share_fn)(void *ctx, const char *name, const char *value);

/* The scene as options (surface, kappa, theta, start, steps, every run,
 * noise and seed, view, the 3-D camera when shown, panels): the one
 * knowledge of what makes a scene, behind the command line, the URL and a
 * saved scene block (save.h). false when fn stopped. */
bool ov_share_options(const ov_app_state *st, ov_share_fn fn, void *ctx);

/* Writes the command line (starting "optiviz ") into buf. Numbers are
 * written with the fewest digits that read back as the same double, so
 * src/cli's parser gives back this scene exactly. false when it does not
 * fit in cap (buf then holds a cut line). */
bool ov_share_command_line(const ov_app_state *st, char *buf, size_t cap);

/* The same scene as a query string ("?surface=...&optimizer=..."), every
 * reserved character percent-encoded. Returns its length, or -1 when it
 * does not fit in cap. */
long ov_share_query(const ov_app_state *st, char *out, size_t cap);

#endif
