/* What one frame shows (the frame description the app fills in for the
 * renderer), the text alignment its drawing calls share, and
 * what follows from the description alone: the size unit of lines, markers
 * and text, and the colour of each run. Part of the renderer's public face
 * (render.h includes it); no GL here. */
#ifndef OV_RENDER_FRAME_H
#define OV_RENDER_FRAME_H

#include <stdbool.h>

#include "core/explain.h"
#include "core/scene.h"
#include "core/view.h"
#include "render/palette.h"

/* Where a string's anchor point is: at its left, centre or right. */
typedef enum ov_text_align {
    OV_ALIGN_LEFT = 0,
    OV_ALIGN_CENTER,
    OV_ALIGN_RIGHT
} ov_text_align;

/* What one frame shows. Zero means default where noted. */
typedef struct ov_frame_desc {
    const ov_scene *scene;
    const ov_view *view; /* the projection (2-D or 3-D), built for the FBO's size */
    double anim_step;    /* each run is drawn up to this (fractional) step;
                            runs shorter than it are drawn complete */
    int target_run;      /* -1: all runs targeted; else that run highlighted */
    float ui_scale;      /* text and line size multiplier at 720 rows (the
                            renderer scales it by height / 720); 0 means 1 */
    /* Ghost trails: runs from before the last parameter change, drawn
     * complete, thin and faded in the colour of the run with the same index,
     * under the live paths. NULL/0 when off. */
    const ov_run *ghosts;
    int nghosts;
    bool high_contrast;  /* projector theme: stronger lines and outlines */
    /* Per run (scene order): the shade of its method's colour and marker
     * (NULL: ov_run_default_shade), and whether it is hidden (NULL: none). */
    const int *shades;
    const bool *hidden;
    const int *ghost_shades;   /* the same for the ghosts (NULL: their index order) */
    /* The part of the frame (pixels, x0 < x1, y0 < y1) that the HUD leaves
     * free: a divergence X for a path that leaves it goes where the path
     * leaves it. All zero: the whole frame. */
    float clear_x0, clear_y0, clear_x1, clear_y1;
    /* The step taken apart (key E): drawn on top of the paths, in the
     * colour of run explain_run. NULL when off. */
    const ov_explain *explain;
    int explain_run;
} ov_frame_desc;

/* Sizes are designed at 720 rows: d->ui_scale (0: 1) times height / 720,
 * the one place the frame height enters text, line and marker sizes. */
float ov_render_frame_scale(const ov_frame_desc *d, int height);

/* Run i's colour in frame d (its method, in its shade). */
ov_rgba ov_frame_run_color(const ov_frame_desc *d, int i);

#endif
