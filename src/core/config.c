/* Default values of the user's request (ov_config): the scene a bare
 * `optiviz` shows. */
#include "config.h"

#include <string.h>

const char *const ov_config_panel_names[] = {"theory", "curvature", "loss", "steps",
                                                "rate-map", "eigen", "fit", NULL};

void ov_config_defaults(ov_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->action = OV_ACTION_WINDOW;
    strcpy(cfg->surface, "quadratic");
    cfg->kappa = 10.0;
    cfg->theta = 30.0;
    cfg->steps = OV_DEFAULT_STEPS;
    cfg->alpha = 0.0;
    cfg->beta = 0.0;
    cfg->nruns = 0;
    cfg->width = OV_DEFAULT_WIDTH;
    cfg->height = OV_DEFAULT_HEIGHT;
    cfg->screenshot = NULL;
    cfg->export_csv = NULL;
    cfg->ui_scale = 1.0f;
    cfg->gif_frames = OV_DEFAULT_GIF_FRAMES;
    cfg->gif_delay_cs = OV_DEFAULT_GIF_DELAY_CS;
    cfg->pace = OV_DEFAULT_PACE;
    cfg->noise.sigma = 0.0;
    cfg->noise.seed = OV_DEFAULT_SEED;
}
