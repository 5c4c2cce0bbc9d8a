/* A click on the rate map in a real window (ctest runs it on a private
 * Xvfb server, tests/x11_run.sh, when Xvfb and xdotool are installed):
 * optiviz (OV_BIN) shows momentum on the quadratic at kappa 100 with the
 * rate-map panel; xdotool clicks the map where the optimum is drawn, then
 * presses X; the runs' CSV the window writes gives back momentum's alpha
 * (from the first step, w1 = w0 - alpha g0) and beta (from the second,
 * w2 = w1 - alpha g1 + beta (w1 - w0)), which must be the optimum's within
 * a pixel of the map. Where the map is, this test lays the same frame out
 * itself. */
#include <dirent.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "app/controls.h"
#include "app/hud_layout.h"
#include "app/panels.h"
#include "ov_app_test.h"
#include "ov_test.h"

#define W 800
#define H 600

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

/* The first .csv file in dir into path; false when there is none. */
static bool find_csv(const char *dir, char *path, size_t cap)
{
    DIR *d = opendir(dir);
    bool found = false;
    for (struct dirent *e; d && !found && (e = readdir(d));) {
        size_t n = strlen(e->d_name);
        if (n > 4 && strcmp(e->d_name + n - 4, ".csv") == 0) {
            snprintf(path, cap, "%s/%s", dir, e->d_name);
            found = true;
        }
    }
    if (d)
        closedir(d);
    return found;
}

int main(void)
{
    const char *bin = getenv("OV_BIN"), *tmp = getenv("OV_TMP"), *display = getenv("DISPLAY");
    if (!bin || !tmp || !display || access(bin, X_OK) != 0) {
        fprintf(stderr, "test_app_rate_map_x11: FAILED: OV_BIN, OV_TMP and DISPLAY must be set\n");
        return 1;
    }
    /* The frame the window will show, laid out here. */
    ov_config cfg;
    ov_config_defaults(&cfg);
    cfg.has_kappa = true;
    cfg.kappa = 100;
    cfg.nruns = 1;
    cfg.runs[0] = (ov_run_spec){.kind = OV_OPT_MOMENTUM};
    cfg.width = W;
    cfg.height = H;
    ov_app_state st;
    char err[1024];
    CHECK_MSG(ov_controls_init(&st, &cfg, err, sizeof err), "%s", err);
    ov_test_plain(&st);
    ov_test_panel(&st, "rate-map", true);
    ov_glwin win;
    ov_renderer *r = ov_app_test_open(&win, &st, W, H);
    ov_hud_layout lay;
    ov_test_draw(r, &st, NULL, &lay);
    int pi = ov_panel_find("rate-map");
    CHECK(pi >= 0 && lay.on[OV_HUD_PANEL0 + pi]);
    ov_box a = ov_panel_rate_map_area(lay.box[OV_HUD_PANEL0 + pi], lay.panel_px[pi]);
    ov_renderer_destroy(r);
    ov_glwin_destroy(&win);
    const double agd = 2.0 / 101.0, ha = pow(2.0 / 11.0, 2), hb = pow(9.0 / 11.0, 2);
    int x = (int)floor(a.x + log10(ha / (agd / 1000.0)) / 4.0 * a.w);
    int y = (int)floor(a.y + (1.0 - (hb + 0.0125)) * a.h);

    char dir[600];
    snprintf(dir, sizeof dir, "%s/out", tmp);
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", dir, dir);
    CHECK(system(cmd) == 0);
    pid_t pid = fork();
    if (pid == 0) {
        execl(bin, bin, "--kappa", "100", "--optimizer", "momentum", "--panels", "rate-map",
              "--size", "800x600", "--output-dir", dir, (char *)NULL);
        _exit(127);
    }
    CHECK(pid > 0);
    /* The window, once shown; then the click and X. */
    char wid[64] = "";
    FILE *p = popen("timeout 30 xdotool search --sync --onlyvisible --name '^optiviz$' "
                    "2>/dev/null | head -n 1", "r");
    if (p) {
        if (!fgets(wid, sizeof wid, p))
            wid[0] = 0;
        pclose(p);
    }
    wid[strcspn(wid, "\n")] = 0;
    CHECK_MSG(wid[0], "no optiviz window appeared");
    char csv[800] = "";
    if (wid[0]) {
        sleep_ms(1500);   /* its first frames, laid out as above */
        snprintf(cmd, sizeof cmd, "xdotool mousemove --window %s %d %d click 1", wid, x, y);
        CHECK(system(cmd) == 0);
        sleep_ms(800);
        snprintf(cmd, sizeof cmd, "xdotool windowfocus --sync %s key x 2>/dev/null || "
                 "xdotool key --window %s x", wid, wid);
        CHECK(system(cmd) == 0);
        for (int i = 0; i < 100 && !find_csv(dir, csv, sizeof csv); i++)
            sleep_ms(100);
        sleep_ms(300);   /* the file is renamed into place when complete */
    }
    kill(pid, SIGTERM);
    int status;
    waitpid(pid, &status, 0);
    CHECK_MSG(csv[0], "the window wrote no CSV in %s", dir);
    FILE *f = csv[0] ? fopen(csv, "r") : NULL;
    double wx[3] = {0}, wy[3] = {0};
    int got = 0;
    char line[512];
    while (f && fgets(line, sizeof line, f)) {
        int run, step;
        double px, py, loss;
        char name[32];
        if (sscanf(line, "%d,%31[a-z],%d,%lf,%lf,%lf", &run, name, &step, &px, &py, &loss) == 6 &&
            run == 0 && step >= 0 && step < 3) {
            wx[step] = px;
            wy[step] = py;
            got++;
        }
    }
    if (f)
        fclose(f);
    CHECK(got == 3);
    if (got == 3) {
        /* H = R diag(1, 100) R', theta = 30 degrees (the default). */
        double t = 30.0 * 3.14159265358979323846 / 180, c = cos(t), s = sin(t);
        double h00 = c * c + 100 * s * s, h01 = (1 - 100) * c * s, h11 = s * s + 100 * c * c;
        double g0[2] = {h00 * wx[0] + h01 * wy[0], h01 * wx[0] + h11 * wy[0]};
        double g1[2] = {h00 * wx[1] + h01 * wy[1], h01 * wx[1] + h11 * wy[1]};
        double alpha = -((wx[1] - wx[0]) * g0[0] + (wy[1] - wy[0]) * g0[1]) /
                       (g0[0] * g0[0] + g0[1] * g0[1]);
        double d[2] = {wx[1] - wx[0], wy[1] - wy[0]};
        double e[2] = {wx[2] - wx[1] + alpha * g1[0], wy[2] - wy[1] + alpha * g1[1]};
        double beta = (e[0] * d[0] + e[1] * d[1]) / (d[0] * d[0] + d[1] * d[1]);
        double per_px = 4.0 * log(10.0) / a.w;
        CHECK_MSG(fabs(log(alpha / ha)) <= 1.5 * per_px, "alpha %.6g, optimum %.6g", alpha, ha);
        CHECK_MSG(fabs(beta - hb) <= 1.5 / a.h, "beta %.6g, optimum %.6g", beta, hb);
    }
    ov_controls_deinit(&st);
    return ov_test_finish("test_app_rate_map_x11");
}
