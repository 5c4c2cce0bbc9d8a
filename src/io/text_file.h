/* Reading a small text file whole (a model's --data CSV), with every
 * failure as one message naming the path. */
#ifndef OV_TEXT_FILE_H
#define OV_TEXT_FILE_H

#include <stddef.h>

/* The whole file at path as a new NUL-terminated string the caller frees.
 * NULL with "cannot read '<path>': <reason>" in err when it cannot be
 * opened or read, is larger than max_bytes, or contains a NUL byte (not a
 * text file). */
char *ov_io_read_text(const char *path, size_t max_bytes, char *err, size_t cap);

#endif
