/* Entry points of the app layer, called by main.c after argument parsing.
 * Each returns the process exit status (0 success, 1 runtime failure). */
#ifndef OV_APP_H
#define OV_APP_H

#include "core/config.h"

/* Opens the window on cfg's scene and runs until the user quits. */
int ov_app_run_window(const ov_config *cfg);

/* The same loop, ending after max_frames frames (0: never) — for smoke
 * tests of a real window. */
int ov_app_run_window_frames(const ov_config *cfg, long max_frames);

/* --export-csv and/or --screenshot: writes the files, no display needed. */
int ov_app_export(const ov_config *cfg);

/* --bench: prints median frame times and change-to-frame latency. */
int ov_app_bench(const ov_config *cfg);

#endif
