/* The overlay's atlas: each frame, the coverage of every text the overlay
 * draws and the disc are copied into one texture (each with
 * a ring of its edge texels, so sampling is as with its own texture and
 * clamping), and the items' texture coordinates are moved into it (a
 * plain rectangle or line gets u < 0: no texture read at all): the
 * overlay then draws in one call where it drew one per text (each a
 * fixed cost on a software renderer). Texts that do not fit keep their
 * own texture. The texture is uploaded only when its contents changed. */
#ifndef OV_RENDER_ATLAS_H
#define OV_RENDER_ATLAS_H

#include "render/overlay.h"
#include "render/text.h"

#define OV_ATLAS_W 2048
#define OV_ATLAS_MAX_H 2048

/* Places o's items (after their vertices are made) into the atlas; false
 * when it could not (out of memory, a GL error): the items keep their own
 * textures. */
bool ov_atlas_build(ov_overlay *o, ov_text_cache *tc);

#endif
