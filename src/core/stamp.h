/* Start-up timestamps: with the environment variable OPTIVIZ_STARTUP_TIMES
 * set (to anything but "" or "0"), ov_stamp prints one line to stderr per
 * call: wall ms since the first call (made at the top of main), CPU ms of
 * the process so far (the dynamic loader's work before main included) and
 * what just finished. Otherwise it costs one cached test. Used by
 * scripts/bench-startup to say where a screenshot process's time goes. */
#ifndef OV_CORE_STAMP_H
#define OV_CORE_STAMP_H

void ov_stamp(const char *what);

#endif
