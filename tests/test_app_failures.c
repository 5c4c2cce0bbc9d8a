/* Failure paths of the real binary (OV_BIN), each with its message and no
 * file left behind: a missing or bogus font (OPTIVIZ_FONT), no OpenGL 3.3
 * core context (Mesa capped at 3.2 by MESA_GL_VERSION_OVERRIDE), a full
 * output (RLIMIT_FSIZE, /dev/full, a 16 KiB tmpfs), a read-only directory
 * (a read-only bind mount; /sys or chmod where mounting is not allowed),
 * and an export killed with SIGKILL half-way (nothing at the target name, or
 * the previous complete file byte-identical). The mounts live in a private
 * mount namespace of this process, gone when it exits. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ov_test.h"
#include "render/render.h"

#define OV_MAX_ENV 4

typedef struct child_opts {
    const char *env[OV_MAX_ENV];   /* "NAME=VALUE", NULL-terminated */
    rlim_t fsize_limit;            /* RLIMIT_FSIZE in bytes; 0: unchanged */
} child_opts;

typedef struct failures {
    const char *bin;
    char dir[1024];     /* scratch: OV_TMP/failures */
    char log[1100];     /* the child's stdout and stderr */
    bool mounts;        /* a private mount namespace could be made */
} failures;

/* Starts OV_BIN with args (NULL-terminated, argv[0] excluded), stdout and
 * stderr to f->log. Returns the pid, or -1. */
static pid_t start(const failures *f, const char *const *args, const child_opts *o)
{
    const char *argv[32];
    int n = 0;
    argv[n++] = f->bin;
    for (; args[n - 1] && n < 31; n++)
        argv[n] = args[n - 1];
    argv[n] = NULL;
    pid_t pid = fork();
    if (pid != 0)
        return pid;
    /* In the child: only async-signal-safe calls and exec. */
    int fd = open(f->log, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0)
        _exit(126);
    close(fd);
    for (int i = 0; o && i < OV_MAX_ENV && o->env[i]; i++)
        if (putenv((char *)o->env[i]) != 0)
            _exit(126);
    if (o && o->fsize_limit) {
        struct rlimit rl = {o->fsize_limit, o->fsize_limit};
        if (signal(SIGXFSZ, SIG_IGN) == SIG_ERR || setrlimit(RLIMIT_FSIZE, &rl) != 0)
            _exit(126);
    }
    execv(f->bin, (char *const *)argv);
    _exit(127);
}

/* Exit status of pid, 128 + signal when killed, -1 on error. */
static int finish(pid_t pid)
{
    int st;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR)
            return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : WIFSIGNALED(st) ? 128 + WTERMSIG(st) : -1;
}

static int run(const failures *f, const char *const *args, const child_opts *o)
{
    pid_t pid = start(f, args, o);
    return pid < 0 ? -1 : finish(pid);
}

/* The whole of a small file into buf (NUL-terminated); length or -1. */
static long slurp(const char *path, char *buf, size_t cap)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return -1;
    size_t n = fread(buf, 1, cap - 1, fp);
    buf[n] = 0;
    fclose(fp);
    return (long)n;
}

/* The child's output, with the expected message echoed for the log. */
static const char *output(const failures *f)
{
    static char text[4096];
    if (slurp(f->log, text, sizeof text) < 0)
        text[0] = 0;
    fprintf(stderr, "  (expected) %s", text[0] ? text : "(nothing)\n");
    return text;
}

/* Entries of dir whose name starts with name (the target and its
 * name.tmp.XXXXXX temporaries). Removes them when remove is set. */
static int count_named(const char *dir, const char *name, bool remove)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int n = 0;
    size_t len = strlen(name);
    for (struct dirent *e; (e = readdir(d));) {
        if (strncmp(e->d_name, name, len) != 0)
            continue;
        n++;
        char p[2048];
        if (remove && snprintf(p, sizeof p, "%s/%s", dir, e->d_name) < (int)sizeof p)
            unlink(p);
    }
    closedir(d);
    return n;
}

static bool exists(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0;
}

static void test_font(const failures *f)
{
    fprintf(stderr, "missing font:\n");
    char out[1200], font_env[1300], bogus[1200];
    snprintf(out, sizeof out, "%s/font.png", f->dir);
    snprintf(font_env, sizeof font_env, "OPTIVIZ_FONT=%s/no-such-font.ttf", f->dir);
    const char *args[] = {"--screenshot", out, "--size", "96x64", NULL};
    child_opts o = {{font_env, NULL}, 0};
    CHECK(run(f, args, &o) == 1);
    const char *msg = output(f);
    CHECK_MSG(strstr(msg, "no-such-font.ttf") && strstr(msg, "fonts-dejavu-core") &&
                  strstr(msg, "No such file"),
              "message: %s", msg);
    CHECK(!exists(out));

    /* A file that is there but is no font. */
    snprintf(bogus, sizeof bogus, "%s/not-a-font.ttf", f->dir);
    FILE *fp = fopen(bogus, "w");
    CHECK(fp && fputs("hello\n", fp) >= 0 && fclose(fp) == 0);
    snprintf(font_env, sizeof font_env, "OPTIVIZ_FONT=%s", bogus);
    CHECK(run(f, args, &o) == 1);
    msg = output(f);
    CHECK_MSG(strstr(msg, bogus) && strstr(msg, "not a TrueType"), "message: %s", msg);
    CHECK(!exists(out));

    /* The override is really what is used: the real font through it works. */
    char real[1024], err[512];
    CHECK_MSG(ov_font_find(real, sizeof real, err, sizeof err), "%s", err);
    snprintf(font_env, sizeof font_env, "OPTIVIZ_FONT=%s", real);
    CHECK(run(f, args, &o) == 0);
    CHECK(exists(out));
    unlink(out);
}

/* Mesa capped at OpenGL 3.2 cannot give the 3.3 core context; 3.3 can. */
static void test_no_gl33(const failures *f)
{
    fprintf(stderr, "no OpenGL 3.3 core context:\n");
    char out[1200];
    snprintf(out, sizeof out, "%s/gl.png", f->dir);
    const char *args[] = {"--screenshot", out, "--size", "96x64", NULL};
    child_opts o = {{"MESA_GL_VERSION_OVERRIDE=3.2", NULL}, 0};
    CHECK(run(f, args, &o) == 1);
    const char *msg = output(f);
    CHECK_MSG(strncmp(msg, "optiviz: no OpenGL 3.3 core context: ", 37) == 0, "message: %s",
              msg);
    CHECK(count_named(f->dir, "gl.png", false) == 0);
    o.env[0] = "MESA_GL_VERSION_OVERRIDE=3.3";
    CHECK(run(f, args, &o) == 0);
    CHECK(exists(out));
    unlink(out);
}

/* One failing export: exit status 1, "cannot write '<target>': <reason>",
 * nothing named like the target left in dir (or, when keep is given, the
 * target still holds exactly keep). */
static void expect_write_failure(const failures *f, const char *dir, const char *name,
                                 const char *reason, const child_opts *o, const char *keep)
{
    char target[1200], want[1400];
    snprintf(target, sizeof target, "%s/%s", dir, name);
    const char *ext = strrchr(name, '.');
    const char *csv[] = {"--export-csv", target, NULL};
    const char *png[] = {"--screenshot", target, "--size", "200x150", NULL};
    const char *gif[] = {"--gif", target, "--gif-frames", "3", "--size", "200x150", NULL};
    const char *const *args = strcmp(ext, ".csv") == 0 ? csv : strcmp(ext, ".gif") == 0 ? gif : png;
    int status = run(f, args, o);
    CHECK_MSG(status == 1, "%s: exit status %d", target, status);
    const char *msg = output(f);
    snprintf(want, sizeof want, "optiviz: cannot write '%s': %s", target, reason);
    CHECK_MSG(strstr(msg, want) != NULL, "wanted '%s', got: %s", want, msg);
    if (keep) {
        char now[256];
        CHECK(slurp(target, now, sizeof now) == (long)strlen(keep) && strcmp(now, keep) == 0);
        CHECK_MSG(count_named(dir, name, false) == 1, "a temporary file is left next to %s",
                  target);
    } else {
        CHECK_MSG(count_named(dir, name, false) == 0, "a file or temporary is left at %s",
                  target);
    }
}

static bool put_file(const char *path, const char *text)
{
    FILE *fp = fopen(path, "w");
    bool ok = fp && fputs(text, fp) >= 0;
    return fp ? fclose(fp) == 0 && ok : false;
}

static void test_full(const failures *f)
{
    static const char *const names[] = {"full.png", "full.csv", "full.gif"};
    fprintf(stderr, "full output (RLIMIT_FSIZE 8 KiB):\n");
    child_opts o = {{NULL}, 8192};
    for (int i = 0; i < 3; i++)
        expect_write_failure(f, f->dir, names[i], "File too large", &o, NULL);
    char keep[1200];
    snprintf(keep, sizeof keep, "%s/kept.png", f->dir);
    CHECK(put_file(keep, "the previous export\n"));
    expect_write_failure(f, f->dir, "kept.png", "File too large", &o, "the previous export\n");
    unlink(keep);

    fprintf(stderr, "full device (/dev/full):\n");
    static const char *const dev_args[][6] = {
        {"--export-csv", "/dev/full", NULL},
        {"--screenshot", "/dev/full", "--size", "96x64", NULL},
    };
    for (int i = 0; i < 2; i++) {
        CHECK(run(f, dev_args[i], NULL) == 1);
        const char *msg = output(f);
        CHECK_MSG(strstr(msg, "cannot write '/dev/full': No space left on device"),
                  "message: %s", msg);
    }

    if (!f->mounts) {
        fprintf(stderr, "full file system: skipped (no mount namespace here)\n");
        return;
    }
    fprintf(stderr, "full file system (16 KiB tmpfs):\n");
    char dir[1200];
    snprintf(dir, sizeof dir, "%s/tiny", f->dir);
    CHECK(mkdir(dir, 0755) == 0 || errno == EEXIST);
    if (mount("tmpfs", dir, "tmpfs", 0, "size=16k") != 0) {
        CHECK_MSG(false, "mount tmpfs on %s: %s", dir, strerror(errno));
        return;
    }
    for (int i = 0; i < 3; i++)
        expect_write_failure(f, dir, names[i], "No space left on device", NULL, NULL);
    CHECK(umount(dir) == 0);
}

static void test_read_only(const failures *f)
{
    static const char *const names[] = {"ro.png", "ro.csv", "ro.gif"};
    char dir[1200], keep[1300];
    snprintf(dir, sizeof dir, "%s/ro", f->dir);
    snprintf(keep, sizeof keep, "%s/kept.png", dir);
    CHECK(mkdir(dir, 0755) == 0 || errno == EEXIST);
    count_named(dir, "", true);
    CHECK(put_file(keep, "the previous export\n"));
    if (f->mounts) {
        fprintf(stderr, "read-only directory (read-only bind mount):\n");
        if (mount(dir, dir, NULL, MS_BIND, NULL) != 0 ||
            mount(NULL, dir, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL) != 0) {
            CHECK_MSG(false, "read-only bind mount of %s: %s", dir, strerror(errno));
            return;
        }
        for (int i = 0; i < 3; i++)
            expect_write_failure(f, dir, names[i], "Read-only file system", NULL, NULL);
        expect_write_failure(f, dir, "kept.png", "Read-only file system", NULL,
                             "the previous export\n");
        CHECK(umount(dir) == 0);
    } else if (geteuid() != 0) {
        fprintf(stderr, "read-only directory (mode 0555):\n");
        CHECK(chmod(dir, 0555) == 0);
        for (int i = 0; i < 3; i++)
            expect_write_failure(f, dir, names[i], "Permission denied", NULL, NULL);
        expect_write_failure(f, dir, "kept.png", "Permission denied", NULL,
                             "the previous export\n");
        CHECK(chmod(dir, 0755) == 0);
    } else {
        /* Root without mounts: sysfs refuses new files even to root. */
        fprintf(stderr, "read-only directory (/sys, no mount namespace here):\n");
        for (int i = 0; i < 3; i++)
            expect_write_failure(f, "/sys", names[i], "Permission denied", NULL, NULL);
    }
}

/* Size of the first name.tmp.* in dir, -1 when there is none. */
static long temp_size(const char *dir, const char *name)
{
    char prefix[256];
    snprintf(prefix, sizeof prefix, "%s.tmp.", name);
    DIR *d = opendir(dir);
    long size = -1;
    for (struct dirent *e; d && (e = readdir(d));) {
        char p[2048];
        struct stat sb;
        if (strncmp(e->d_name, prefix, strlen(prefix)) == 0 &&
            snprintf(p, sizeof p, "%s/%s", dir, e->d_name) < (int)sizeof p && stat(p, &sb) == 0)
            size = (long)sb.st_size;
    }
    if (d)
        closedir(d);
    return size;
}

/* Starts a long GIF export to dir/big.gif, waits until its temporary file
 * holds 64 KiB, kills it with SIGKILL. True when that happened mid-write. */
static bool kill_mid_export(const failures *f)
{
    char target[1200];
    snprintf(target, sizeof target, "%s/big.gif", f->dir);
    const char *args[] = {"--gif", target, "--gif-frames", "400", "--size", "800x600", NULL};
    pid_t pid = start(f, args, NULL);
    if (pid < 0)
        return false;
    bool seen = false;
    for (int i = 0; i < 12000 && !seen; i++) {   /* at most 120 s */
        if (waitpid(pid, NULL, WNOHANG) == pid) {
            fprintf(stderr, "the export ended before it could be killed\n");
            return false;
        }
        seen = temp_size(f->dir, "big.gif") >= 65536;
        if (!seen)
            nanosleep(&(struct timespec){0, 10000000}, NULL);
    }
    CHECK(kill(pid, SIGKILL) == 0);
    int status = finish(pid);
    CHECK_MSG(status == 128 + SIGKILL, "status %d", status);
    return seen && status == 128 + SIGKILL;
}

static void test_killed_export(const failures *f)
{
    fprintf(stderr, "killed export (SIGKILL during --gif):\n");
    char target[1200];
    snprintf(target, sizeof target, "%s/big.gif", f->dir);
    count_named(f->dir, "big.gif", true);
    CHECK(kill_mid_export(f));
    CHECK_MSG(!exists(target), "a partial %s exists", target);
    fprintf(stderr, "  stale temporaries after SIGKILL: %d (removed)\n",
            count_named(f->dir, "big.gif.tmp.", true));

    /* A complete file at the target name survives a killed re-export. */
    const char *small[] = {"--gif", target, "--gif-frames", "2", "--size", "64x64", NULL};
    CHECK(run(f, small, NULL) == 0);
    static char before[1 << 16], after[1 << 16];
    long nb = slurp(target, before, sizeof before);
    CHECK(nb > 6 && memcmp(before, "GIF89a", 6) == 0 && before[nb - 1] == 0x3b);
    CHECK(kill_mid_export(f));
    long na = slurp(target, after, sizeof after);
    CHECK_MSG(na == nb && memcmp(before, after, (size_t)nb) == 0,
              "the previous %s changed (%ld -> %ld bytes)", target, nb, na);
    count_named(f->dir, "big.gif", true);
}

/* A private mount namespace for this process, so that its mounts vanish
 * with it; false where that is not allowed (no CAP_SYS_ADMIN). */
static bool private_mounts(void)
{
    if (unshare(CLONE_NEWNS) != 0) {
        fprintf(stderr, "unshare(CLONE_NEWNS): %s\n", strerror(errno));
        return false;
    }
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0) {
        fprintf(stderr, "making mounts private: %s\n", strerror(errno));
        return false;
    }
    return true;
}

int main(void)
{
    failures f;
    f.bin = getenv("OV_BIN");
    const char *tmp = getenv("OV_TMP");
    if (!f.bin || !tmp) {
        fprintf(stderr, "OV_BIN and OV_TMP must be set (ctest sets them)\n");
        return 1;
    }
    snprintf(f.dir, sizeof f.dir, "%s/failures", tmp);
    snprintf(f.log, sizeof f.log, "%s/failures.log", tmp);
    if (mkdir(f.dir, 0755) != 0 && errno != EEXIST) {
        fprintf(stderr, "mkdir %s: %s\n", f.dir, strerror(errno));
        return 1;
    }
    unsetenv("OPTIVIZ_FONT");   /* the system font unless a test sets one */
    f.mounts = private_mounts();
    test_font(&f);
    test_no_gl33(&f);
    test_full(&f);
    test_read_only(&f);
    test_killed_export(&f);
    return ov_test_finish("test_app_failures");
}
