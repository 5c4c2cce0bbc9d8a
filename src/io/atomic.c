/* Write-to-temporary-then-rename helper shared by the PNG, CSV and GIF
 * writers (see atomic.h). POSIX: mkstemp, fsync, rename. */
/* realpath is an XSI function. */
#define _XOPEN_SOURCE 700
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
    if (af->target != af->path)
        free(af->target);
    free(af->path);
    free(af->tmp_path);
    af->f = NULL;
    af->path = NULL;
    af->target = NULL;
    af->tmp_path = NULL;
}

/* Opens a target that is a device, pipe or socket for writing in place. */
static bool open_direct(ov_atomic_file *af, char *err, size_t cap)
{
    af->f = fopen(af->path, "wb");
    if (!af->f) {
        ov_io_error(err, cap, af->path, strerror(errno));
        release(af);
        return false;
    }
    return true;
}

bool ov_atomic_open(ov_atomic_file *af, const char *path, char *err, size_t cap)
{
    af->f = NULL;
    af->path = NULL;
    af->target = NULL;
    af->tmp_path = NULL;
    if (!path || !*path) {
        ov_io_error(err, cap, "", "empty file name");
        return false;
    }
    size_t len = strlen(path);
    af->path = malloc(len + 1);
    if (!af->path) {
        ov_io_error(err, cap, path, strerror(ENOMEM));
        return false;
    }
    memcpy(af->path, path, len + 1);
    af->target = af->path;

    struct stat st, lst;
    if (stat(path, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            ov_io_error(err, cap, path, strerror(EISDIR));
            release(af);
            return false;
        }
        if (!S_ISREG(st.st_mode))
            return open_direct(af, err, cap);
        if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
            char *real = realpath(path, NULL);
            if (!real) {
                ov_io_error(err, cap, path, strerror(errno));
                release(af);
                return false;
            }
            af->target = real;
        }
    }

    size_t tlen = strlen(af->target);
    af->tmp_path = malloc(tlen + sizeof OV_TMP_SUFFIX);
    if (!af->tmp_path) {
        ov_io_error(err, cap, path, strerror(ENOMEM));
        release(af);
        return false;
    }
    memcpy(af->tmp_path, af->target, tlen);
    memcpy(af->tmp_path + tlen, OV_TMP_SUFFIX, sizeof OV_TMP_SUFFIX);

    int fd = mkstemp(af->tmp_path);
    if (fd < 0) {
        ov_io_error(err, cap, path, strerror(errno));
        release(af);
        return false;
    }
    /* mkstemp creates the file 0600; give the export the usual
     * 0666 & ~umask (umask can only be read by setting it). A failure here
     * only leaves the mode stricter. */
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
    if (!e && af->tmp_path && fsync(fileno(af->f)) != 0)
        e = errno;
    if (fclose(af->f) != 0 && !e)
        e = errno;
    af->f = NULL;
    if (!e && af->tmp_path && rename(af->tmp_path, af->target) != 0)
        e = errno;
    if (e) {
        if (af->tmp_path)
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
