/* Atomic file output: every export is written to a temporary file in the
 * target's directory, flushed to disk and renamed over the target, so a
 * failed or interrupted write never leaves a truncated file at the target
 * name. On any failure the temporary file is removed. A symbolic link as
 * the target is followed (the link stays, the file it names is replaced);
 * a target that exists and is not a regular file or directory (a pipe, a
 * terminal, /dev/null, /dev/stdout on a pipe) is written directly, as
 * there is no file to leave half-written. */
#ifndef OV_ATOMIC_H
#define OV_ATOMIC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct ov_atomic_file {
    FILE *f;          /* write the contents here; NULL once committed/aborted */
    char *path;       /* the path as given, for messages (owned copy) */
    char *target;     /* the file to replace: path, or where its link points */
    char *tmp_path;   /* "<target>.tmp.XXXXXX" (owned); NULL when direct */
} ov_atomic_file;

/* Creates "<path>.tmp.XXXXXX" next to path and opens it for writing in af
 * (caller-owned storage), with mode 0666 less the umask, or the mode of the
 * regular file it will replace. Fails, with "cannot write '<path>': <reason>" in
 * err, when path is empty or a directory or the temporary file cannot be
 * created. On failure af holds nothing to release. */
bool ov_atomic_open(ov_atomic_file *af, const char *path, char *err, size_t cap);

/* Flushes, fsyncs and closes the temporary file and renames it over the
 * target. Every step is checked; on failure, and when SIGINT or SIGTERM
 * was caught (interrupt.h: "interrupted by SIGTERM"), the temporary file
 * is removed and err names the target path and the reason. af is
 * released either way. */
bool ov_atomic_commit(ov_atomic_file *af, char *err, size_t cap);

/* Closes and removes the temporary file and releases af. Safe to call on a
 * released af (a no-op). */
void ov_atomic_abort(ov_atomic_file *af);

/* Formats "cannot write '<path>': <reason>" into err (cap > 0). The path is
 * shortened when it would not fit. */
void ov_io_error(char *err, size_t cap, const char *path, const char *reason);

#endif
