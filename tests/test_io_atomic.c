/* The atomic writer's process behaviour:
 * - it never calls umask (reading the umask means setting it, a race with
 *   Mesa's and SDL's threads creating files meanwhile): this program
 *   defines umask itself, so the library's calls land here and are
 *   counted;
 * - a new file gets 0666 less the umask, a replaced file keeps its mode;
 * - once SIGINT or SIGTERM was caught (io/interrupt.h), nothing is
 *   committed: the temporary file goes, the target is left as it was, and
 *   the message names the signal; a CSV write stops part-way. */
#define _GNU_SOURCE   /* syscall */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "core/surface_objective.h"
#include "core/run.h"
#include "core/scene.h"
#include "core/surface.h"
#include "io/atomic.h"
#include "io/csv.h"
#include "io/interrupt.h"
#include "ov_test.h"

static int g_umask_calls;

/* Replaces the C library's umask for this program (the writer is linked in
 * statically, so its calls come here): counts them, then does the work. */
mode_t umask(mode_t mask)
{
    g_umask_calls++;
    return (mode_t)syscall(SYS_umask, mask);
}

static char g_dir[1024];

static mode_t mode_of(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 ? sb.st_mode & 07777 : (mode_t)-1;
}

/* Files in g_dir whose names start with prefix. */
static int count(const char *prefix)
{
    DIR *d = opendir(g_dir);
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d));)
        n += strncmp(e->d_name, prefix, strlen(prefix)) == 0;
    if (d)
        closedir(d);
    return n;
}

static bool write_text(const char *path, const char *text, char *err, size_t cap)
{
    ov_atomic_file af;
    if (!ov_atomic_open(&af, path, err, cap))
        return false;
    fputs(text, af.f);
    return ov_atomic_commit(&af, err, cap);
}

static void test_modes(void)
{
    char path[1200], err[512];
    (void)syscall(SYS_umask, 027);
    g_umask_calls = 0;
    snprintf(path, sizeof path, "%s/new.txt", g_dir);
    unlink(path);
    CHECK_MSG(write_text(path, "new\n", err, sizeof err), "%s", err);
    CHECK_MSG(mode_of(path) == 0640, "new file mode %o under umask 027, want 640",
              (unsigned)mode_of(path));
    /* Replaced files keep their modes, whatever the umask. */
    const mode_t modes[] = {0600, 0755, 0444};
    for (int i = 0; i < 3; i++) {
        CHECK(chmod(path, modes[i]) == 0);
        CHECK_MSG(write_text(path, "again\n", err, sizeof err), "%s", err);
        CHECK_MSG(mode_of(path) == modes[i], "replaced file mode %o, want %o",
                  (unsigned)mode_of(path), (unsigned)modes[i]);
    }
    CHECK_MSG(g_umask_calls == 0, "the writer called umask %d times", g_umask_calls);
    CHECK(count("new.txt.tmp.") == 0);
    (void)syscall(SYS_umask, 022);
}

static void test_interrupted(void)
{
    char path[1200], err[512];
    snprintf(path, sizeof path, "%s/kept.txt", g_dir);
    CHECK(write_text(path, "before\n", err, sizeof err));
    CHECK(ov_interrupt_install());
    CHECK(ov_interrupt_signal() == 0);
    CHECK(raise(SIGTERM) == 0);   /* caught: the program goes on */
    CHECK(ov_interrupt_signal() == SIGTERM);
    err[0] = 0;
    CHECK(!write_text(path, "after\n", err, sizeof err));
    CHECK_MSG(strstr(err, "interrupted by SIGTERM") && strstr(err, "kept.txt"), "err: %s", err);
    FILE *f = fopen(path, "r");
    char line[32] = "";
    CHECK(f && fgets(line, sizeof line, f) && strcmp(line, "before\n") == 0);
    if (f)
        fclose(f);
    CHECK(count("kept.txt.tmp.") == 0);

    /* A long CSV stops at the next check, nothing committed. */
    ov_scene sc;
    memset(&sc, 0, sizeof sc);
    ov_expr_error e;
    sc.surface = ov_surface_create("quadratic", &e);
    ov_optim_params p;
    ov_optim_defaults(OV_OPT_GD, &p);
    ov_run_init(&sc.runs[0], &p);
    sc.nruns = 1;
    CHECK(sc.surface && ov_run_compute_surface(&sc.runs[0], sc.surface, sc.surface->start, 100000));
    snprintf(path, sizeof path, "%s/runs.csv", g_dir);
    unlink(path);
    CHECK(!ov_csv_write(path, &sc, err, sizeof err));
    CHECK_MSG(strstr(err, "interrupted by SIGTERM") != NULL, "err: %s", err);
    CHECK(access(path, F_OK) != 0 && count("runs.csv") == 0);
    ov_interrupt_uninstall();

    /* Installing again starts with no signal caught; SIGINT is named too. */
    CHECK(ov_interrupt_install());
    CHECK(ov_interrupt_signal() == 0);
    CHECK(ov_csv_write(path, &sc, err, sizeof err));
    CHECK(raise(SIGINT) == 0);
    CHECK(ov_interrupt_signal() == SIGINT);
    CHECK(!ov_csv_write(path, &sc, err, sizeof err));
    CHECK_MSG(strstr(err, "interrupted by SIGINT") != NULL, "err: %s", err);
    CHECK(count("runs.csv.tmp.") == 0 && access(path, F_OK) == 0);
    ov_interrupt_uninstall();
    ov_run_deinit(&sc.runs[0]);
    ov_surface_destroy(sc.surface);
}

int main(void)
{
    const char *tmp = getenv("OV_TMP");
    snprintf(g_dir, sizeof g_dir, "%s/atomic", tmp ? tmp : "/tmp");
    if (mkdir(g_dir, 0755) != 0 && errno != EEXIST) {
        fprintf(stderr, "mkdir %s: %s\n", g_dir, strerror(errno));
        return 1;
    }
    test_modes();
    test_interrupted();
    return ov_test_finish("test_io_atomic");
}
