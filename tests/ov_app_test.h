/* Shared by the app tests: the hidden window and renderer they draw with. */
#ifndef OV_APP_TEST_H
#define OV_APP_TEST_H

#include <stdio.h>
#include <stdlib.h>

#include "app/export.h"

/* Opens a hidden window with a w x h renderer for st's surface. When
 * headless rendering is unavailable, says why and ends the test program
 * with status 1 (a failure, never a skip). */
static inline ov_renderer *ov_app_test_open(ov_glwin *win, const ov_app_state *st, int w, int h)
{
    char err[1024];
    ov_renderer *r = NULL;
    if (!ov_export_offscreen_begin(win, &r, st, w, h, err, sizeof err)) {
        fprintf(stderr, "cannot render headless: %s\n", err);
        ov_renderer_destroy(r);
        ov_glwin_destroy(win);
        exit(1);
    }
    return r;
}

#endif
