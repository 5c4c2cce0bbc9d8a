/* The caches drawing keeps between frames. See app_cache.h. */
#include "app_cache.h"

#include <string.h>

void ov_app_cache_init(ov_app_cache *c)
{
    memset(c, 0, sizeof *c);
    ov_explainer_init(&c->explain.replay);
}
