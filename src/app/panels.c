/* The panels table (see panels.h): one row per insight panel, and the
 * functions that show, hide and find a row. Each panel's numbers come from
 * src/core through its own file (panel_*.c). */
#include "panels.h"

#include <string.h>

/* Row i's name is ov_config_panel_names[i] (core/config.c: what --panels
 * and presets accept; bit i of ov_config.panels shows it). */
static const ov_panel PANELS[] = {
    {"theory", "I", OV_PANEL_COLUMN, ov_panel_theory_text, NULL, NULL, NULL},
    {"curvature", "V", OV_PANEL_COLUMN, ov_panel_curvature_text, NULL, NULL,
     ov_panel_curvature_glyphs},
    {"loss", "L", OV_PANEL_CORNER, NULL, ov_panel_graph_size, ov_panel_loss, NULL},
    {"steps", "\\", OV_PANEL_CORNER, NULL, ov_panel_graph_size, ov_panel_steps, NULL},
    {"rate-map", "Shift+I", OV_PANEL_CORNER, NULL, ov_panel_rate_map_size, ov_panel_rate_map,
     NULL},
    {"eigen", "Shift+V", OV_PANEL_CORNER, NULL, ov_panel_rate_map_size, ov_panel_eigen, NULL},
    {"fit", "Shift+L", OV_PANEL_CORNER, NULL, ov_panel_fit_size, ov_panel_fit, NULL},
};

_Static_assert(sizeof PANELS / sizeof PANELS[0] <= OV_PANEL_MAX, "room for every panel");
_Static_assert(OV_CONFIG_PANELS_MAX <= OV_PANEL_MAX, "room for every panel --panels names");

const ov_panel *ov_panels(int *n)
{
    *n = (int)(sizeof PANELS / sizeof PANELS[0]);
    return PANELS;
}

bool ov_panel_shown(const ov_app_state *st, int i)
{
    return ov_controls_panel_shown(st, i);
}

void ov_panel_toggle(ov_app_state *st, int i)
{
    ov_controls_toggle_panel(st, i);
}

int ov_panel_find(const char *name)
{
    int n;
    ov_panels(&n);
    for (int i = 0; i < n; i++)
        if (strcmp(PANELS[i].name, name) == 0)
            return i;
    return -1;
}

int ov_panel_find_key(const char *key)
{
    int n;
    ov_panels(&n);
    for (int i = 0; key && i < n; i++)
        if (strcmp(PANELS[i].key, key) == 0)
            return i;
    return -1;
}
