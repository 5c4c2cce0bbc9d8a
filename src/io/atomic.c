/* Write-to-temporary-then-rename helper shared by the PNG, CSV and GIF
 * writers (see atomic.h). POSIX: mkstemp, fsync, rename. */
#include "atomic.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define OV_TMP_SUFFIX ".tmp.XXXXXX"

void ov_io_error(char *err, size_t cap, const char *path, const char *reason)
{
    if (!err || cap == 0)
        return;
    size_t len = path ? strlen(path) : 0;
    if (len > 200)
        snprintf(err, cap, "cannot write '%.100s...%s': %s", path,
                 path + len - 90, reason);
    else
        snprintf(err, cap, "cannot write '%s': %s", path ? path : "", reason);
}

static void release(ov_atomic_file *af)
{
    free(af->path);
    free(af->tmp_path);
    af->f = NULL;
    af->path = NULL;
    af->tmp_path = NULL;
}

bool ov_atomic_open(ov_atomic_file *af, const char *path, char *err, size_t cap)
{
    af->f = NULL;
    af->path = NULL;
    af->tmp_path = NULL;
    if (!path || !*path) {
        ov_io_error(err, cap, "", "empty file name");
        return false;
    }
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        ov_io_error(err, cap, path, strerror(EISDIR));
        return false;
    }
    size_t len = strlen(path);
    af->path = malloc(len + 1);
    af->tmp_path = malloc(len + sizeof OV_TMP_SUFFIX);
    if (!af->path || !af->tmp_path) {
        release(af);
        ov_io_error(err, cap, path, strerror(ENOMEM));
        return false;
    }
    memcpy(af->path, path, len + 1);
    memcpy(af->tmp_path, path, len);
    memcpy(af->tmp_path + len, OV_TMP_SUFFIX, sizeof OV_TMP_SUFFIX);

    int fd = mkstemp(af->tmp_path);
    if (fd < 0) {
        ov_io_error(err, cap, path, strerror(errno));
        release(af);
        return false;
    }
    /* mkstemp creates the file 0600; give the export the usual
     * 0666 & ~umask. A failure here only leaves the mode stricter. */
    mode_t mask = umask(0);
    umask(mask);
    (void)fchmod(fd, 0666 & ~mask);

    af->f = fdopen(fd, "wb");
    if (!af->f) {
        int e = errno;
        close(fd);
        unlink(af->tmp_path);
        ov_io_error(err, cap, path, strerror(e));
        release(af);
        return false;
    }
    return true;
}

bool ov_atomic_commit(ov_atomic_file *af, char *err, size_t cap)
{
    if (!af->f) {
        ov_io_error(err, cap, af->path ? af->path : "", "file is not open");
        release(af);
        return false;
    }
    int e = 0;
    if (ferror(af->f))
        e = EIO;
    if (!e && fflush(af->f) != 0)
        e = errno;
    if (!e && fsync(fileno(af->f)) != 0)
        e = errno;
    if (fclose(af->f) != 0 && !e)
        e = errno;
    af->f = NULL;
    if (!e && rename(af->tmp_path, af->path) != 0)
        e = errno;
    if (e) {
        unlink(af->tmp_path);
        ov_io_error(err, cap, af->path, strerror(e));
        release(af);
        return false;
    }
    release(af);
    return true;
}

void ov_atomic_abort(ov_atomic_file *af)
{
    if (af->f) {
        (void)fclose(af->f);   /* the file is being discarded */
        af->f = NULL;
    }
    if (af->tmp_path)
        unlink(af->tmp_path);
    release(af);
}
