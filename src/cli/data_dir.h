/* Where the installed program's data files (share/optiviz) are: found at
 * run time from the executable's own location, so an installation works
 * from any prefix it is moved to and no build path is compiled in. */
#ifndef OV_DATA_DIR_H
#define OV_DATA_DIR_H

#include <stdbool.h>
#include <stddef.h>

/* Writes into buf the absolute, symlink-free path of the data file called
 * name (e.g. "presets.txt") in the directory OV_DATA_FROM_BIN relative to
 * the directory of the running executable (for an installed program,
 * PREFIX/bin/../share/optiviz). Returns false when the executable's path
 * cannot be read, the file does not exist there (a build tree that was not
 * installed) or the path does not fit in cap bytes. */
bool ov_data_file(const char *name, char *buf, size_t cap);

/* The same for a given executable path, for tests. */
bool ov_data_file_for(const char *exe, const char *name, char *buf, size_t cap);

#endif
