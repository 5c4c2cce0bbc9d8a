/* The U key's command line and URL query read back: scenes changed the way a user
 * changes them (κ, θ, α and β by keys, a run added, noise, zoom, a click
 * for the start, a formula with quotes and spaces, the 3-D view) are
 * written as a command line, split as a POSIX shell splits it, parsed by
 * src/cli's parser and built again; the new scene has the same surface,
 * parameters, runs (bit for bit, iterates included), noise and view; the
 * same through the query string the browser page reads. The U key itself
 * prints both lines to stdout. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/run_list.h"
#include "app/share.h"
#include "cli/args.h"
#include "cli/url.h"
#include "ov_app_test.h"
#include "ov_test.h"

/* Splits line into words as sh does for plain words and '...' quoting
 * (the only quoting the command line uses). Returns the count. */
static int split(const char *line, char *store, char **argv, int max)
{
    int argc = 0;
    const char *p = line;
    char *o = store;
    while (*p) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        if (argc == max)
            return -1;
        argv[argc++] = o;
        while (*p && *p != ' ') {
            if (*p == '\'') {
                p++;
                while (*p && *p != '\'')
                    *o++ = *p++;
                if (*p == '\'')
                    p++;
            } else if (*p == '\\' && p[1]) {
                *o++ = p[1];
                p += 2;
            } else {
                *o++ = *p++;
            }
        }
        *o++ = '\0';
    }
    return argc;
}

/* The scene the options argv give is a's scene. */
static void check_same_scene(const ov_app_state *a, int argc, char **argv, const char *what,
                             const char *line)
{
    ov_config cfg;
    char err[512];
    int rc = ov_args_parse(argc, argv, &cfg, err, sizeof err);
    CHECK_MSG(rc == 0, "%s: '%s' does not parse: %s", what, line, err);
    if (rc != 0)
        return;
    ov_app_state b;
    CHECK_MSG(ov_controls_init(&b, &cfg, err, sizeof err), "%s: %s", what, err);
    const ov_scene *x = &a->sc.scene, *y = &b.sc.scene;
    const char *sx = x->surface->def ? x->surface->def->name : ov_expr_source(x->surface->expr);
    const char *sy = y->surface->def ? y->surface->def->name : ov_expr_source(y->surface->expr);
    CHECK_MSG(strcmp(sx, sy) == 0, "%s: surface '%s' came back as '%s'", what, sx, sy);
    CHECK(x->surface->nparams == y->surface->nparams);
    for (int i = 0; i < x->surface->nparams && i < y->surface->nparams; i++)
        CHECK_MSG(x->surface->params[i] == y->surface->params[i], "%s: parameter %d %.17g -> %.17g",
                  what, i, x->surface->params[i], y->surface->params[i]);
    CHECK(x->start.x == y->start.x && x->start.y == y->start.y);
    CHECK(x->steps == y->steps);
    CHECK(x->noise.sigma == y->noise.sigma && x->noise.seed == y->noise.seed);
    CHECK_MSG(a->view.rect.x0 == b.view.rect.x0 && a->view.rect.x1 == b.view.rect.x1 && a->view.rect.y0 == b.view.rect.y0 &&
                  a->view.rect.y1 == b.view.rect.y1,
              "%s: the view changed", what);
    CHECK(a->view.view3d == b.view.view3d);
    if (a->view.view3d)
        CHECK(a->view.camera.azimuth == b.view.camera.azimuth && a->view.camera.elevation == b.view.camera.elevation);
    CHECK_MSG(x->nruns == y->nruns, "%s: %d runs came back as %d", what, x->nruns, y->nruns);
    for (int i = 0; i < x->nruns && i < y->nruns; i++) {
        const ov_run *rx = &x->runs[i], *ry = &y->runs[i];
        CHECK(rx->params.kind == ry->params.kind);
        CHECK_MSG(rx->params.alpha == ry->params.alpha && rx->params.beta == ry->params.beta &&
                      rx->params.beta2 == ry->params.beta2 && rx->params.eps == ry->params.eps,
                  "%s: run %d's parameters changed", what, i);
        CHECK_MSG(memcmp(&rx->params.schedule, &ry->params.schedule,
                         sizeof rx->params.schedule) == 0,
                  "%s: run %d's schedule changed", what, i);
        CHECK(rx->n == ry->n);
        if (rx->n == ry->n && rx->n > 0)
            CHECK_MSG(rx->x[rx->n - 1] == ry->x[ry->n - 1] && rx->y[rx->n - 1] == ry->y[ry->n - 1],
                      "%s: run %d ends elsewhere", what, i);
    }
    ov_controls_deinit(&b);
}

/* U's command line, split as sh does, and U's URL query, read as the page
 * reads it (cli/url.h), each give a's scene back. */
static void check_round_trip(const ov_app_state *a, const char *what)
{
    char line[4096];
    CHECK_MSG(ov_share_command_line(a, line, sizeof line), "%s: the line does not fit", what);
    CHECK(strncmp(line, "optiviz ", 8) == 0);
    fprintf(stderr, "%s: %s\n", what, line);
    static char store[8192];
    char *argv[256];
    int argc = split(line, store, argv, 256);
    CHECK(argc > 1);
    check_same_scene(a, argc, argv, what, line);

    static char query[12288];
    CHECK_MSG(ov_share_query(a, query, sizeof query) > 0, "%s: the query does not fit", what);
    fprintf(stderr, "%s: %s\n", what, query);
    CHECK(query[0] == '?' && strpbrk(query, " '\"+") == NULL);   /* all reserved bytes escaped */
    ov_url_args args;
    char err[256];
    CHECK_MSG(ov_url_to_args(query, &args, err, sizeof err), "%s: %s", what, err);
    if (args.argv) {
        check_same_scene(a, args.argc, args.argv, what, query);
        ov_url_args_free(&args);
    }
}

int main(void)
{
    ov_config cfg;
    ov_config_defaults(&cfg);
    ov_app_state st;
    char err[256];
    CHECK_MSG(ov_controls_init(&st, &cfg, err, sizeof err), "%s", err);
    check_round_trip(&st, "the default scene");
    /* Changed by keys: numbers that are not round. */
    ov_controls_scale_kappa(&st, 3.16227766016837933);
    ov_controls_add_theta(&st, 15);
    ov_controls_scale_alpha(&st, 1.25);
    ov_controls_add_beta(&st, 0.05);
    ov_controls_add_run(&st);
    ov_controls_step_noise(&st, 1);
    ov_controls_set_start(&st, (ov_vec2){-2.3456789, 1.0 / 3.0});
    ov_controls_zoom(&st, (ov_vec2){0.1, 0.2}, 0.8);
    CHECK(st.sc.scene.noise.sigma > 0 && st.sc.scene.nruns == 4);
    check_round_trip(&st, "a changed quadratic");
    /* A formula with spaces, quotes for the shell, and the 3-D view. */
    ov_expr_error perr;
    CHECK(ov_controls_replace_surface(&st, "(1-x)^2 + 100*(y - x^2)^2 + 0.5*abs(x*y)", &perr));
    ov_controls_toggle_3d(&st);
    ov_controls_orbit(&st, 33.3, -7.7);
    check_round_trip(&st, "a formula in 3-D");
    ov_controls_deinit(&st);

    /* Learning-rate schedules come back (issue 23), every form. */
    {
        char *argv[] = {"optiviz", "--surface", "quadratic", "--optimizer",
                        "gd:alpha=0.25:schedule=step(20,0.5)", "--optimizer",
                        "gd:alpha=0.25:schedule=exp(0.97)", "--optimizer",
                        "momentum:schedule=cosine(75)", "--optimizer", "adam:schedule=warmup(12)",
                        "--optimizer", "gd:schedule=constant", "--optimizer", "gd", NULL};
        ov_config_defaults(&cfg);
        CHECK(ov_args_parse(16, argv, &cfg, err, sizeof err) == 0);
        CHECK_MSG(ov_controls_init(&st, &cfg, err, sizeof err), "%s", err);
        CHECK(st.sc.scene.nruns == 6 && st.sc.scene.runs[1].params.schedule.kind == OV_SCHED_EXP);
        char line[4096];
        CHECK(ov_share_command_line(&st, line, sizeof line) &&
              strstr(line, ":schedule=step(20,0.5)") && strstr(line, ":schedule=exp(0.97)") &&
              strstr(line, ":schedule=cosine(75)") && strstr(line, ":schedule=warmup(12)") &&
              strstr(line, " gd:alpha=0.15:schedule=constant --optimizer gd:alpha=0.15 "));
        check_round_trip(&st, "schedules");
        ov_controls_deinit(&st);
    }

    /* The key: U prints the line on stdout. */
    CHECK(SDL_Init(SDL_INIT_EVENTS) == 0);
    ov_config_defaults(&cfg);
    CHECK_MSG(ov_controls_init(&st, &cfg, err, sizeof err), "%s", err);
    const char *dir = getenv("OV_TMP");
    char path[1024];
    snprintf(path, sizeof path, "%s/stdout.txt", dir ? dir : ".");
    fflush(stdout);
    FILE *saved = fdopen(dup(fileno(stdout)), "w");
    CHECK(freopen(path, "w", stdout) != NULL);
    ov_input in;
    memset(&in, 0, sizeof in);
    ov_test_push_key(SDLK_u, KMOD_NONE, false, true);
    ov_test_pump(&in, &st, 640, 360);
    fflush(stdout);
    CHECK(dup2(fileno(saved), fileno(stdout)) >= 0);
    fclose(saved);
    static char want[4096], got[4096] = "", wantq[12288], gotq[12288] = "";
    CHECK(ov_share_command_line(&st, want, sizeof want));
    CHECK(ov_share_query(&st, wantq, sizeof wantq) > 0);
    FILE *f = fopen(path, "r");
    CHECK(f && fgets(got, sizeof got, f) && fgets(gotq, sizeof gotq, f));
    if (f)
        fclose(f);
    got[strcspn(got, "\n")] = '\0';
    gotq[strcspn(gotq, "\n")] = '\0';
    CHECK_MSG(strcmp(got, want) == 0, "U printed '%s'", got);
    CHECK_MSG(strcmp(gotq, wantq) == 0, "U printed the query '%s'", gotq);
    CHECK(strstr(st.ui.message, "command line") != NULL);
    ov_controls_deinit(&st);
    SDL_Quit();
    return ov_test_finish("test_app_share");
}
