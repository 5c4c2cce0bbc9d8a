/* Finding the installed data directory from /proc/self/exe and the
 * configure-time relative path OV_DATA_FROM_BIN (see data_dir.h). */
#define _XOPEN_SOURCE 700   /* realpath */
#include "data_dir.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef OV_DATA_FROM_BIN
#define OV_DATA_FROM_BIN "../share/optiviz"
#endif

bool ov_data_file_for(const char *exe, const char *name, char *buf, size_t cap)
{
    const char *slash = exe ? strrchr(exe, '/') : NULL;
    if (!slash || !name || !*name)
        return false;
    char candidate[PATH_MAX];
    int n = snprintf(candidate, sizeof candidate, "%.*s/%s/%s", (int)(slash - exe), exe,
                     OV_DATA_FROM_BIN, name);
    if (n < 0 || (size_t)n >= sizeof candidate)
        return false;
    char resolved[PATH_MAX];
    if (!realpath(candidate, resolved))
        return false;
    size_t len = strlen(resolved);
    if (len >= cap)
        return false;
    memcpy(buf, resolved, len + 1);
    return true;
}

bool ov_data_file(const char *name, char *buf, size_t cap)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0 || (size_t)n >= sizeof exe - 1)
        return false;
    exe[n] = '\0';
    return ov_data_file_for(exe, name, buf, cap);
}
