/* What follows from a frame description alone: the size unit of a frame
 * and the colour of each run in it (frame.h). */
#include "render/frame.h"

float ov_render_frame_scale(const ov_frame_desc *d, int height)
{
    return (d->ui_scale > 0 ? d->ui_scale : 1.0f) * (float)height / 720.0f;
}

ov_rgba ov_frame_run_color(const ov_frame_desc *d, int i)
{
    const ov_scene *sc = d->scene;
    int shade = d->shades ? d->shades[i] : ov_run_default_shade(sc, i);
    return ov_method_color(sc->runs[i].params.kind, shade);
}
