/* The process as a user and a script see it (issue 9):
 * - SIGTERM and SIGINT during --gif, --export-csv and --screenshot stop the
 *   work, leave neither the file nor a temporary, and exit 143 / 130;
 * - in the window, SIGINT quits cleanly (0); during a P, G or X export it
 *   abandons the export (no file) and gives 128 + the signal;
 * - with no DISPLAY, WAYLAND_DISPLAY or SDL_VIDEODRIVER the window command
 *   exits 1 at once, naming them and the options that need no display;
 * - bad input is refused before any work: --screenshot x.jpg (2), an
 *   --output-dir that is missing, not a directory or read-only (2),
 *   OPTIVIZ_PRESETS naming a missing file (1);
 * - a key repeat queued behind a P, G or X in the same poll does not
 *   cancel it.
 * The real binary (OV_BIN) runs as a child; the window's exports run in
 * this process on SDL's offscreen driver. */
#define _XOPEN_SOURCE 700   /* putenv */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "app/app.h"
#include "io/interrupt.h"
#include "ov_test.h"

#define WATCHDOG_S 120   /* a child still running then has hung: killed, a failure */

static const char *g_bin;
static char g_dir[1024], g_log[1100];

static void sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

/* Starts OV_BIN with args (NULL-terminated), stdout and stderr to g_log,
 * with the variables in set ("NAME=VALUE") set and those in unset removed. */
static pid_t start(const char *const *args, const char *const *set, const char *const *unset)
{
    const char *argv[32];
    int n = 0;
    argv[n++] = g_bin;
    while (args[n - 1] && n < 31) {
        argv[n] = args[n - 1];
        n++;
    }
    argv[n] = NULL;
    pid_t pid = fork();
    if (pid != 0)
        return pid;
    int fd = open(g_log, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0)
        _exit(126);
    close(fd);
    for (int i = 0; unset && unset[i]; i++)
        unsetenv(unset[i]);
    for (int i = 0; set && set[i]; i++)
        putenv((char *)set[i]);
    signal(SIGINT, SIG_DFL);
    execv(g_bin, (char *const *)argv);
    _exit(127);
}

/* Exit status of pid (128 + signal when killed); a child running past the
 * watchdog is killed and gives -1. */
static int finish(pid_t pid)
{
    int st;
    for (int i = 0; i < WATCHDOG_S * 100; i++) {
        pid_t r = waitpid(pid, &st, WNOHANG);
        if (r == pid)
            return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
        if (r < 0 && errno != EINTR)
            return -1;
        sleep_ms(10);
    }
    kill(pid, SIGKILL);
    waitpid(pid, &st, 0);
    fprintf(stderr, "child %d still running after %d s: killed\n", (int)pid, WATCHDOG_S);
    return -1;
}

static const char *output(void)
{
    static char text[4096];
    FILE *f = fopen(g_log, "rb");
    size_t n = f ? fread(text, 1, sizeof text - 1, f) : 0;
    text[n] = 0;
    if (f)
        fclose(f);
    fprintf(stderr, "  (child said) %s", n ? text : "(nothing)\n");
    return text;
}

/* Entries of g_dir starting with prefix; their largest size in *biggest. */
static int count(const char *prefix, long *biggest)
{
    DIR *d = opendir(g_dir);
    int n = 0;
    if (biggest)
        *biggest = -1;
    for (struct dirent *e; d && (e = readdir(d));) {
        if (strncmp(e->d_name, prefix, strlen(prefix)) != 0)
            continue;
        n++;
        char p[2400];
        struct stat sb;
        snprintf(p, sizeof p, "%s/%s", g_dir, e->d_name);
        if (biggest && stat(p, &sb) == 0 && sb.st_size > *biggest)
            *biggest = (long)sb.st_size;
    }
    if (d)
        closedir(d);
    return n;
}

/* True once pid catches sig (its handler is installed: /proc/PID/status). */
static bool catches(pid_t pid, int sig)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *f = fopen(path, "r");
    bool yes = false;
    while (f && fgets(line, sizeof line, f))
        if (strncmp(line, "SigCgt:", 7) == 0)
            yes = (strtoull(line + 7, NULL, 16) >> (sig - 1)) & 1;
    if (f)
        fclose(f);
    return yes;
}

/* Waits (at most the watchdog) until prefix.tmp.* in g_dir holds min bytes,
 * or, with min < 0, until pid catches sig. False when pid ended first. */
static bool wait_until(pid_t pid, const char *tmp_prefix, long min, int sig)
{
    for (int i = 0; i < WATCHDOG_S * 200; i++) {
        if (waitpid(pid, NULL, WNOHANG) == pid) {
            fprintf(stderr, "the child ended before it could be interrupted\n");
            return false;
        }
        long size;
        if (min >= 0 ? count(tmp_prefix, &size) > 0 && size >= min : catches(pid, sig))
            return true;
        sleep_ms(5);
    }
    return false;
}

static const char *const EIGHT = "gd,momentum,nesterov,adam,rmsprop,adagrad,adadelta,rprop";

static void interrupted_export(const char *what, const char *const *args, const char *name,
                               long min, int sig)
{
    char tmp[256];
    snprintf(tmp, sizeof tmp, "%s.tmp.", name);
    fprintf(stderr, "%s, %s:\n", what, sig == SIGINT ? "SIGINT" : "SIGTERM");
    pid_t pid = start(args, NULL, NULL);
    CHECK(pid > 0);
    if (pid <= 0)
        return;
    bool ready = wait_until(pid, tmp, min, sig);
    CHECK_MSG(ready, "%s: never got to the point of interruption", what);
    kill(pid, sig);
    int status = finish(pid);
    if (!ready)
        return;
    CHECK_MSG(status == 128 + sig, "%s: exit status %d, want %d", what, status, 128 + sig);
    CHECK_MSG(count(name, NULL) == 0, "%s: %d files named %s* left", what, count(name, NULL),
              name);
    CHECK(strstr(output(), sig == SIGINT ? "interrupted by SIGINT" : "interrupted by SIGTERM"));
}

static void test_cli_signals(void)
{
    char gif[1200], csv[1200], png[1200];
    snprintf(gif, sizeof gif, "%s/a.gif", g_dir);
    snprintf(csv, sizeof csv, "%s/a.csv", g_dir);
    snprintf(png, sizeof png, "%s/a.png", g_dir);
    const char *g[] = {"--gif", gif, "--gif-frames", "2000", "--size", "480x360", NULL};
    interrupted_export("--gif", g, "a.gif", 65536, SIGTERM);
    const char *c[] = {"--export-csv", csv, "--optimizers", EIGHT, "--steps", "300000", NULL};
    interrupted_export("--export-csv", c, "a.csv", 1, SIGINT);
    /* A screenshot is written in one go: the signal comes once the handler
     * is in place, while the 8 million steps are still being computed. */
    const char *p[] = {"--screenshot", png, "--optimizers", EIGHT, "--steps", "300000",
                       "--size", "1600x1200", NULL};
    interrupted_export("--screenshot", p, "a.png", -1, SIGTERM);
}

static const char *const NO_DISPLAY[] = {"DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER", NULL};
static const char *const OFFSCREEN[] = {"SDL_VIDEODRIVER=offscreen", NULL};

static void test_window_process(void)
{
    const char *none[] = {NULL};
    fprintf(stderr, "window with no display:\n");
    int status = finish(start(none, NULL, NO_DISPLAY));
    CHECK_MSG(status == 1, "exit status %d, want 1", status);
    const char *out = output();
    CHECK(strstr(out, "DISPLAY") && strstr(out, "WAYLAND_DISPLAY") &&
          strstr(out, "--screenshot") && strstr(out, "SDL_VIDEODRIVER=offscreen"));

    fprintf(stderr, "window (offscreen, asked for), SIGINT:\n");
    pid_t pid = start(none, OFFSCREEN, NULL);
    bool ready = pid > 0 && wait_until(pid, NULL, -1, SIGINT);
    CHECK(ready);
    kill(pid, SIGINT);
    status = finish(pid);
    CHECK_MSG(status == 0, "exit status %d, want 0 (a clean quit)", status);

    fprintf(stderr, "refused before any work:\n");
    char shot[1200], file[1200];
    snprintf(shot, sizeof shot, "%s/x.jpg", g_dir);
    const char *jpg[] = {"--screenshot", shot, NULL};
    status = finish(start(jpg, NULL, NULL));
    CHECK_MSG(status == 2, "--screenshot x.jpg: exit status %d, want 2", status);
    CHECK(strstr(output(), ".png") && count("x.jpg", NULL) == 0);

    snprintf(file, sizeof file, "%s/missing-dir", g_dir);
    const char *missing[] = {"--output-dir", file, NULL};
    status = finish(start(missing, OFFSCREEN, NULL));
    CHECK_MSG(status == 2, "--output-dir (missing): exit status %d, want 2", status);
    CHECK(strstr(output(), "--output-dir"));
    snprintf(file, sizeof file, "%s/a-file", g_dir);
    FILE *f = fopen(file, "w");
    if (f)
        fclose(f);
    const char *not_dir[] = {"--output-dir", file, NULL};
    status = finish(start(not_dir, OFFSCREEN, NULL));
    CHECK_MSG(status == 2, "--output-dir (a file): exit status %d, want 2", status);
    CHECK(strstr(output(), "not a directory"));
    if (access("/sys", W_OK) != 0) {   /* read-only, even for root */
        const char *ro[] = {"--output-dir", "/sys", NULL};
        status = finish(start(ro, OFFSCREEN, NULL));
        CHECK_MSG(status == 2, "--output-dir /sys: exit status %d, want 2", status);
        CHECK(strstr(output(), "not writable"));
    } else {
        fprintf(stderr, "  /sys is writable here: no read-only directory to try\n");
    }

    char presets[1300];
    snprintf(presets, sizeof presets, "OPTIVIZ_PRESETS=%s/no-such-presets.txt", g_dir);
    const char *env[] = {"SDL_VIDEODRIVER=offscreen", presets, NULL};
    status = finish(start(none, env, NULL));
    CHECK_MSG(status == 1, "OPTIVIZ_PRESETS missing: exit status %d, want 1", status);
    out = output();
    CHECK(strstr(out, "no-such-presets.txt") && strstr(out, "OPTIVIZ_PRESETS"));
}

static void push_key(SDL_Keycode sym, bool repeat)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.repeat = repeat;
    e.key.keysym.sym = sym;
    SDL_PushEvent(&e);
}

static ov_window *open_window(int steps, int nruns)
{
    ov_config cfg;
    char err[1024];
    ov_config_defaults(&cfg);
    cfg.width = 320;
    cfg.height = 200;
    cfg.output_dir = g_dir;
    cfg.no_vsync = true;
    cfg.gif_frames = 400;
    if (steps) {
        cfg.steps = steps;
        cfg.nruns = nruns;
        for (int i = 0; i < nruns; i++) {
            memset(&cfg.runs[i], 0, sizeof cfg.runs[i]);
            cfg.runs[i].kind = (ov_optim_kind)i;
        }
    }
    ov_window *w = ov_window_create(&cfg, err, sizeof err);
    CHECK_MSG(w != NULL, "%s", err);
    return w;
}

static void frames(ov_window *w, int n)
{
    char err[512];
    for (int i = 0; i < n; i++)
        CHECK_MSG(ov_window_frame(w, 1.0 / 60.0, err, sizeof err), "%s", err);
}

static void *signal_on_temp(void *arg)
{
    const char *prefix = arg;
    for (int i = 0; i < WATCHDOG_S * 1000; i++) {
        if (count(prefix, NULL) > 0) {
            kill(getpid(), SIGINT);
            return NULL;
        }
        sleep_ms(1);
    }
    return NULL;
}

static void test_window_exports(void)
{
    fprintf(stderr, "window: P, then X, each with a repeat in the same poll:\n");
    ov_window *w = open_window(0, 0);
    if (!w)
        return;
    int before = count("optiviz-", NULL);
    push_key(SDLK_p, false);
    push_key(SDLK_p, true);
    frames(w, 2);
    CHECK_MSG(count("optiviz-", NULL) == before + 1, "%d screenshots saved, want 1",
              count("optiviz-", NULL) - before);
    push_key(SDLK_x, false);
    push_key(SDLK_x, true);
    frames(w, 2);
    CHECK_MSG(count("optiviz-", NULL) == before + 2, "X then its repeat: %d files, want 2",
              count("optiviz-", NULL) - before);
    DIR *d = opendir(g_dir);
    for (struct dirent *e; d && (e = readdir(d));) {
        char p[2400];
        snprintf(p, sizeof p, "%s/%s", g_dir, e->d_name);
        if (strncmp(e->d_name, "optiviz-", 8) == 0)
            unlink(p);
    }
    if (d)
        closedir(d);

    fprintf(stderr, "window: G and a repeat of it, then SIGTERM during the export:\n");
    CHECK(ov_interrupt_install());
    push_key(SDLK_g, false);
    push_key(SDLK_g, true);
    for (int i = 0; i < 400 && count("optiviz-", NULL) == 0; i++)
        frames(w, 1);
    CHECK_MSG(count("optiviz-", NULL) == 1, "no GIF export under way");
    raise(SIGTERM);
    CHECK_MSG(ov_window_run(w, 5) == 128 + SIGTERM, "G interrupted: not 143");
    CHECK_MSG(count("optiviz-", NULL) == 0, "%d files left", count("optiviz-", NULL));
    ov_interrupt_uninstall();

    fprintf(stderr, "window: SIGTERM before P is written:\n");
    CHECK(ov_interrupt_install());
    raise(SIGTERM);
    push_key(SDLK_p, false);
    frames(w, 1);
    CHECK_MSG(ov_window_run(w, 5) == 128 + SIGTERM, "P interrupted: not 143");
    CHECK(count("optiviz-", NULL) == 0);
    ov_interrupt_uninstall();

    fprintf(stderr, "window: SIGINT while idle:\n");
    CHECK(ov_interrupt_install());
    raise(SIGINT);
    CHECK_MSG(ov_window_run(w, 0) == 0, "an idle window did not quit cleanly");
    ov_interrupt_uninstall();
    ov_window_destroy(w);

    fprintf(stderr, "window: SIGINT during X (2 runs x 300,000 steps):\n");
    w = open_window(300000, 2);
    if (!w)
        return;
    CHECK(ov_interrupt_install());
    pthread_t th;
    CHECK(pthread_create(&th, NULL, signal_on_temp, (void *)"optiviz-") == 0);
    push_key(SDLK_x, false);
    frames(w, 1);
    pthread_join(th, NULL);
    CHECK_MSG(ov_window_run(w, 5) == 128 + SIGINT, "X interrupted: not 130");
    CHECK_MSG(count("optiviz-", NULL) == 0, "%d files left", count("optiviz-", NULL));
    ov_interrupt_uninstall();
    ov_window_destroy(w);
}

int main(void)
{
    g_bin = getenv("OV_BIN");
    const char *tmp = getenv("OV_TMP");
    if (!g_bin || !tmp) {
        fprintf(stderr, "OV_BIN and OV_TMP must be set (ctest sets them)\n");
        return 1;
    }
    snprintf(g_dir, sizeof g_dir, "%s/process", tmp);
    snprintf(g_log, sizeof g_log, "%s/process.log", tmp);
    char cmd[2200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", g_dir, g_dir);
    if (system(cmd) != 0)
        return 1;
    test_cli_signals();
    test_window_process();
    test_window_exports();
    return ov_test_finish("test_app_process");
}
