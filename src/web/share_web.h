/* U in the browser (share_web.c): the current scene as a query string. */
#ifndef OV_WEB_SHARE_WEB_H
#define OV_WEB_SHARE_WEB_H

#include <stddef.h>

#include "app/app_state.h"

/* The scene in st as "?surface=...&optimizer=...", every reserved
 * character percent-encoded. Returns its length, or -1 when it does not
 * fit in cap. */
long ov_web_scene_query(const ov_app_state *st, char *out, size_t cap);

#endif
