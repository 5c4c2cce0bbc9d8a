/* CSV export of a scene's runs, in the format DESIGN.md fixes:
 * header "run,optimizer,step,x,y,loss" (",alpha" added when some run has a
 * :schedule=: the α of the update leaving that step), one line per stored iterate,
 * numbers as %.17g; and the matching divergence report for stderr. */
#ifndef OV_CSV_H
#define OV_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "core/scene.h"

/* Writes every stored iterate of every run of sc to path, atomically (see
 * atomic.h): run is the 0-based run index, optimizer the optimiser's name,
 * step 0 the start point. Returns false with a one-line message naming path
 * in err on failure; no partial or temporary file is then left behind. */
bool ov_csv_write(const char *path, const ov_scene *sc, char *err, size_t cap);

/* Prints "run K (NAME) diverged at step S" for each diverged run of sc, one
 * per line. Returns false when a write to f failed. */
bool ov_csv_report_divergence(FILE *f, const ov_scene *sc);

#endif
