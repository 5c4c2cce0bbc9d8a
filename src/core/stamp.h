/* Start-up timestamps: ov_stamp notes, at the end of each stage of a
 * process, the wall ms since the first call (made at the top of main) and
 * the CPU ms of the process so far (the dynamic loader's work before main
 * included). With the environment variable OPTIVIZ_STARTUP_TIMES set (to
 * anything but "" or "0") it also prints one line to stderr per call,
 * which scripts/bench-startup reads; `--bench --screenshot FILE` prints the
 * whole table at the end (ov_stamp_print). */
#ifndef OV_CORE_STAMP_H
#define OV_CORE_STAMP_H

#include <stdbool.h>
#include <stdio.h>

void ov_stamp(const char *what);

/* Every stage stamped so far (at most the first 64; what is kept as a
 * pointer, so stamps are string literals), as a table on f: wall and CPU
 * ms, each since main and each since the stage before. `optiviz --bench
 * --screenshot FILE` prints it. False when f could not be written. */
bool ov_stamp_print(FILE *f);

#endif
