/* A lecture in a real window (ctest runs it on a private Xvfb server,
 * tests/x11_run.sh, when Xvfb, xdotool and ImageMagick's import are
 * installed; otherwise it says SKIPPED): optiviz (OV_BIN) plays a lecture of
 * three scenes on three surfaces; xdotool presses a clicker's keys
 * (Next = PageDown, Prior = PageUp) and Ctrl+S after each, and the blocks
 * Ctrl+S appended to optiviz-scenes.txt name the surfaces of the scenes
 * shown, in order; B turns the window black (read back with import) and B
 * again brings the picture back; Esc leaves the program running, Q ends
 * it with status 0. */
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ov_bin_test.h"
#include "ov_test.h"

static const char LECTURE[] =
    "[1 bowl]\ncaption = a bowl\nsurface = quadratic\n\n"
    "[2 valley]\ncaption = a valley\nsurface = rosenbrock\n\n"
    "[3 four]\ncaption = four minima\nsurface = himmelblau\n";

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

static char wid[64];

static void key(const char *k)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "xdotool windowfocus --sync %s key %s 2>/dev/null || "
             "xdotool key --window %s %s", wid, k, wid, k);
    CHECK_MSG(system(cmd) == 0, "%s", cmd);
    sleep_ms(500);
}

/* The share of the window's pixels that are not black, from import. */
static double lit(const char *tmp, int k)
{
    char path[700], cmd[900];
    snprintf(path, sizeof path, "%s/window-%d.png", tmp, k);
    snprintf(cmd, sizeof cmd, "import -window %s 'png:%s' 2>/dev/null", wid, path);
    CHECK_MSG(system(cmd) == 0, "%s", cmd);
    unsigned w = 0, h = 0;
    unsigned char *px = ov_test_load_png(path, &w, &h);
    long n = 0;
    for (long i = 0; px && i < (long)w * h; i++)
        n += px[4 * i] > 8 || px[4 * i + 1] > 8 || px[4 * i + 2] > 8;
    free(px);
    CHECK(w > 0 && h > 0);
    return w && h ? (double)n / ((double)w * h) : 0;
}

int main(void)
{
    const char *bin = getenv("OV_BIN"), *tmp = getenv("OV_TMP"), *display = getenv("DISPLAY");
    if (!bin || !tmp || !display || access(bin, X_OK) != 0) {
        fprintf(stderr, "test_app_lecture_x11: FAILED: OV_BIN, OV_TMP and DISPLAY must be set\n");
        return 1;
    }
    char dir[600], file[600], cmd[1400];
    snprintf(dir, sizeof dir, "%s/out", tmp);
    snprintf(file, sizeof file, "%s/lecture.txt", tmp);
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", dir, dir);
    CHECK(system(cmd) == 0);
    FILE *f = fopen(file, "w");
    CHECK(f && fputs(LECTURE, f) >= 0 && fclose(f) == 0);
    pid_t pid = fork();
    if (pid == 0) {
        execl(bin, bin, "--lecture", file, "--size", "480x300", "--output-dir", dir,
              (char *)NULL);
        _exit(127);
    }
    CHECK(pid > 0);
    FILE *p = popen("timeout 30 xdotool search --sync --onlyvisible --name '^optiviz$' "
                    "2>/dev/null | head -n 1", "r");
    if (p) {
        if (!fgets(wid, sizeof wid, p))
            wid[0] = 0;
        pclose(p);
    }
    wid[strcspn(wid, "\n")] = 0;
    CHECK_MSG(wid[0], "no optiviz window appeared");
    int status = -1;
    if (wid[0]) {
        sleep_ms(1500);
        key("Next");
        key("ctrl+s");
        key("Next");
        key("ctrl+s");
        key("Prior");
        key("Prior");
        key("ctrl+s");
        double before = lit(tmp, 0);
        key("b");
        double blank = lit(tmp, 1);
        key("b");
        double after = lit(tmp, 2);
        CHECK_MSG(before > 0.5 && blank == 0 && after > 0.5,
                  "lit before B %.3f, blanked %.3f, after B again %.3f", before, blank, after);
        key("Escape");
        key("Escape");
        CHECK_MSG(waitpid(pid, &status, WNOHANG) == 0, "Esc ended the lecture");
        key("q");
        for (int i = 0; i < 50 && waitpid(pid, &status, WNOHANG) == 0; i++)
            sleep_ms(100);
    }
    if (status == -1 || !WIFEXITED(status)) {
        kill(pid, SIGTERM);
        waitpid(pid, &status, 0);
        CHECK_MSG(false, "Q did not end the program");
    } else {
        CHECK(WEXITSTATUS(status) == 0);
    }
    char path[700], text[8192] = "";
    snprintf(path, sizeof path, "%s/optiviz-scenes.txt", dir);
    f = fopen(path, "r");
    size_t n = f ? fread(text, 1, sizeof text - 1, f) : 0;
    text[n] = 0;
    if (f)
        fclose(f);
    char *a = strstr(text, "[1 saved-1]\ncaption = saved scene 1\nsurface = rosenbrock\n");
    char *b = strstr(text, "[2 saved-2]\ncaption = saved scene 2\nsurface = himmelblau\n");
    char *c = strstr(text, "[3 saved-3]\ncaption = saved scene 3\nsurface = quadratic\n");
    CHECK_MSG(a && b && c && a < b && b < c, "scenes file:\n%s", text);
    return ov_test_finish("test_app_lecture_x11");
}
