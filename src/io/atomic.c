/* Write-to-temporary-then-rename helper shared by the PNG, CSV, GIF and MP4
 * writers (see atomic.h). POSIX: open O_EXCL, fsync, rename. */
/* realpath is an XSI function. */
#define _XOPEN_SOURCE 700
#include "atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "interrupt.h"

#define OV_TMP_SUFFIX ".tmp.XXXXXX"
#define OV_TMP_TRIES 100

/* Creates tmp ("<target>.tmp.XXXXXX", the X's replaced) exclusively with
 * mode; the kernel applies the umask to a new file itself, so the umask is
 * never read (reading it means setting it, a race with other threads).
 * Returns the descriptor, or -1 with errno set. */
static int create_temp(char *tmp, mode_t mode)
{
    static const char digits[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    char *x = tmp + strlen(tmp) - 6;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint64_t r = (uint64_t)ts.tv_nsec * 0x9E3779B97F4A7C15ull ^ (uint64_t)ts.tv_sec ^
                 (uint64_t)getpid() << 32 ^ (uint64_t)(uintptr_t)tmp;
    for (int attempt = 0; attempt < OV_TMP_TRIES; attempt++) {
        for (int i = 0; i < 6; i++) {
            r ^= r << 13, r ^= r >> 7, r ^= r << 17;   /* xorshift64 */
            x[i] = digits[r % (sizeof digits - 1)];
        }
        int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    errno = EEXIST;
    return -1;
}

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

    /* A new file gets the usual 0666 less the umask; a replaced one keeps
     * its mode (a failure to set it only leaves the usual one). */
    bool replacing = stat(af->target, &st) == 0 && S_ISREG(st.st_mode);
    int fd = create_temp(af->tmp_path, 0666);
    if (fd < 0) {
        ov_io_error(err, cap, path, strerror(errno));
        release(af);
        return false;
    }
    if (replacing)
        (void)fchmod(fd, st.st_mode & 07777);

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
    int e = 0, sig = 0;
    if (ferror(af->f))
        e = EIO;
    if (!e && fflush(af->f) != 0)
        e = errno;
    if (!e && af->tmp_path && fsync(fileno(af->f)) != 0)
        e = errno;
    if (fclose(af->f) != 0 && !e)
        e = errno;
    af->f = NULL;
    /* Interrupted (SIGINT, SIGTERM): the work is abandoned, not committed. */
    if (!e && af->tmp_path && (sig = ov_interrupt_signal()) != 0)
        e = EINTR;
    if (!e && af->tmp_path && rename(af->tmp_path, af->target) != 0)
        e = errno;
    if (e) {
        if (af->tmp_path)
            unlink(af->tmp_path);
        char why[64];
        snprintf(why, sizeof why, "interrupted by %s", ov_interrupt_name(sig));
        ov_io_error(err, cap, af->path, sig ? why : strerror(e));
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
