/* A model scene in the app (no window): the slice keys (K / J and Shift for
 * the axes' parameters, . / , for the kind, Shift+. for following), the
 * slice following the targeted run's shown iterate, a click starting every
 * run at the slice's point, and U's command line that builds the same
 * scene again. Expected values are worked out here from the model's
 * definition, not read back from the program. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app/controls.h"
#include "app/controls_anim.h"
#include "app/controls_model.h"
#include "app/controls_params.h"
#include "app/save.h"
#include "app/share.h"
#include "cli/args.h"
#include "ov_bin_test.h"
#include "ov_test.h"

/* The app state for the command line args (NULL-terminated). */
static bool init_with(ov_app_state *st, char **args)
{
    int argc = 0;
    char *argv[32] = {"optiviz"};
    for (argc = 1; args[argc - 1]; argc++)
        argv[argc] = args[argc - 1];
    ov_config *cfg = malloc(sizeof *cfg);
    char err[1024];
    bool ok = cfg && ov_args_parse(argc, argv, cfg, err, sizeof err) == 0;
    CHECK_MSG(ok, "%s", err);
    ok = ok && ov_controls_init(st, cfg, err, sizeof err);
    CHECK_MSG(ok, "%s", err);
    free(cfg);
    return ok;
}

static const double *iterate(const ov_run *r, int k)
{
    return r->w + (size_t)k * (size_t)r->dim;
}

static void test_axis_keys(void)
{
    static ov_app_state st;
    char *args[] = {"--model", "gauss4", "--optimizers", "gd,momentum", "--steps", "50", NULL};
    if (!init_with(&st, args))
        return;
    const ov_scene *sc = &st.sc.scene;
    /* The default slice: a across, b up. */
    CHECK(sc->slice.kind == OV_SLICE_AXES && sc->slice.a == 0 && sc->slice.b == 1);
    /* K: the horizontal parameter next (b is the other axis: skipped). */
    ov_controls_slice_axis(&st, 0, 1);
    CHECK(sc->slice.a == 2 && sc->slice.b == 1);
    ov_controls_slice_axis(&st, 0, 1);
    CHECK(sc->slice.a == 3);
    ov_controls_slice_axis(&st, 0, 1);   /* wraps past d to a */
    CHECK(sc->slice.a == 0);
    /* Shift+J: the vertical one back, past a (taken) to d. */
    ov_controls_slice_axis(&st, 1, -1);
    CHECK(sc->slice.a == 0 && sc->slice.b == 3);
    /* The picture's x is a run's a, its y its d, for every iterate. */
    const ov_run *r = &sc->runs[1];
    for (int k = 0; k < r->n; k += 7) {
        CHECK(r->x[k] == iterate(r, k)[0]);
        CHECK(r->y[k] == iterate(r, k)[3]);
    }
    /* . then , : pca and back to axes. */
    ov_controls_slice_kind(&st, 1);
    CHECK(sc->slice.kind == OV_SLICE_PCA && sc->slice.explained > 0.5 &&
          sc->slice.explained <= 1.0);
    /* pca: o is run 0's final iterate, so it projects to (0, 0) with no
     * distance. */
    const ov_run *r0 = &sc->runs[0];
    CHECK(fabs(r0->x[r0->n - 1]) < 1e-12 && fabs(r0->y[r0->n - 1]) < 1e-12 &&
          r0->off[r0->n - 1] < 1e-12);
    ov_controls_slice_kind(&st, 1);
    CHECK(sc->slice.kind == OV_SLICE_RANDOM && sc->slice.seed == OV_SLICE_DEFAULT_SEED);
    ov_controls_slice_kind(&st, -1);
    ov_controls_slice_kind(&st, -1);
    CHECK(sc->slice.kind == OV_SLICE_AXES && sc->slice.follow);
    ov_controls_deinit(&st);
}

/* The axes slice follows the targeted run's shown iterate: the other
 * coordinates of the plane are that iterate's, and each iterate's distance
 * from the plane is the norm of its other coordinates minus the head's. */
static void test_follow(void)
{
    static ov_app_state st;
    char *args[] = {"--model", "gauss4", "--optimizers", "gd,momentum", "--steps", "40", NULL};
    if (!init_with(&st, args))
        return;
    ov_scene *sc = &st.sc.scene;
    ov_controls_seek(&st, 10.0);
    ov_controls_cycle_target(&st, 1);
    ov_controls_cycle_target(&st, 1);   /* momentum */
    CHECK(st.sc.target == 1);
    CHECK(ov_controls_follow(&st));
    const double *head = iterate(&sc->runs[1], 10);
    double c = 0, d = 0;
    CHECK(ov_surface_get_param(sc->surface, "c", &c) && c == head[2]);
    CHECK(ov_surface_get_param(sc->surface, "d", &d) && d == head[3]);
    /* gd's iterate 25, off the plane by its (c, d) minus the head's. */
    const double *w = iterate(&sc->runs[0], 25);
    double want = hypot(w[2] - head[2], w[3] - head[3]);
    CHECK_NEAR(sc->runs[0].off[25], want, 1e-12 * (1 + want));
    CHECK(sc->runs[1].off[10] == 0.0);
    /* The loss the picture shows at the head's (a, b) is the model's loss
     * at the head itself. */
    double f = ov_surface_value(sc->surface, head[0], head[1]);
    CHECK_NEAR(f, sc->runs[1].loss[10], 1e-12 * (1 + f));
    /* Same step again: nothing to redraw. */
    CHECK(!ov_controls_follow(&st));
    /* Shift+.: fixed; moving the step leaves the plane where it is. */
    ov_controls_slice_follow(&st);
    CHECK(!sc->slice.follow);
    ov_controls_seek(&st, 30.0);
    CHECK(!ov_controls_follow(&st));
    CHECK(ov_surface_get_param(sc->surface, "c", &c) && c == head[2]);
    ov_controls_deinit(&st);
}

/* A saved block of the fullest scene (16 runs, noise, a typed model on a
 * data file) is read back whole: the presets parser takes that many lines,
 * so Ctrl+S and undo work on it too. */
static void test_full_block(void)
{
    const char *tmp = getenv("OV_TMP");
    char data[600];
    snprintf(data, sizeof data, "%s/full.csv", tmp ? tmp : "/tmp");
    FILE *f = fopen(data, "w");
    CHECK(f && fputs("t,y\n0,1\n1,2.1\n2,2.9\n", f) >= 0 && fclose(f) == 0);
    static ov_app_state st;
    char *args[] = {"--model", "a*t + b*t^2 + c", "--params", "a,b,c", "--data", data,
                    "--optimizers", "gd,momentum,nesterov,adam,rmsprop,adagrad,adadelta,rprop,"
                                    "cg,newton,amsgrad,nadam,radam,adamax,adamw,lion",
                    "--noise", "0.1", "--seed", "3", "--slice", "pca", "--panels", "fit,loss",
                    NULL};
    if (!init_with(&st, args))
        return;
    CHECK(st.sc.scene.nruns == 16);
    static char text[OV_SAVE_BLOCK_MAX];
    CHECK(ov_save_block(&st, 1, "saved-1", "full", text, sizeof text));
    ov_config *cfg = malloc(sizeof *cfg);
    char err[1024];
    if (cfg) {
        ov_config_defaults(cfg);
        CHECK_MSG(ov_save_block_apply(text, cfg, err, sizeof err), "%s\n%s", err, text);
        CHECK(cfg->nruns == 16 && cfg->noise.sigma == 0.1 && strcmp(cfg->slice, "pca") == 0 &&
              cfg->data.nrows == 3);
    }
    free(cfg);
    ov_controls_deinit(&st);
}

/* An export's own copy of a model scene follows its frames' steps while the
 * shown scene stays where it is. */
static void test_export_copy(void)
{
    static ov_app_state st;
    char *args[] = {"--model", "gauss4", "--optimizers", "gd", "--steps", "30", NULL};
    if (!init_with(&st, args))
        return;
    ov_scene *sc = &st.sc.scene;
    double c0 = 0, c = 0;
    CHECK(ov_surface_get_param(sc->surface, "c", &c0));
    static ov_scene own;
    CHECK(ov_scene_copy_model(&own, sc));
    CHECK(own.model != sc->model && own.surface != sc->surface && own.nruns == 1 &&
          own.runs[0].w != sc->runs[0].w && own.runs[0].n == sc->runs[0].n);
    /* The copy at first shows what the scene shows. */
    CHECK(ov_surface_get_param(own.surface, "c", &c) && c == c0);
    CHECK(ov_scene_follow(&own, -1, 5));
    CHECK(ov_surface_get_param(own.surface, "c", &c) && c == iterate(&own.runs[0], 5)[2]);
    CHECK(c != c0);
    CHECK(ov_surface_get_param(sc->surface, "c", &c) && c == c0);
    /* Its model evaluates on its own: the same loss as the scene's run. */
    const ov_objective obj = ov_model_objective(own.model);
    double f;
    obj.eval(obj.ctx, iterate(&sc->runs[0], 7), &f, NULL, NULL);
    CHECK(f == sc->runs[0].loss[7]);
    ov_scene_deinit(&own);
    ov_controls_deinit(&st);
}

/* A click on the slice starts every run at o + x d1 + y d2. */
static void test_click_start(void)
{
    static ov_app_state st;
    char *args[] = {"--model", "line", "--optimizers", "gd", "--steps", "5", NULL};
    if (!init_with(&st, args))
        return;
    ov_controls_set_start(&st, (ov_vec2){0.25, -0.5});
    const ov_run *r = &st.sc.scene.runs[0];
    CHECK(iterate(r, 0)[0] == 0.25 && iterate(r, 0)[1] == -0.5);
    CHECK(r->dim == 2 && r->w != NULL);
    /* gd's first step on the line's loss, by hand: at (a, b) = (0.25, -0.5)
     * the residuals a t + b - z are -1.5, -2.35, -2.9; the gradient is
     * (2 * sum r t, 2 * sum r) = (-16.3, -13.5); alpha = 0.05. */
    CHECK_NEAR(iterate(r, 1)[0], 0.25 + 0.05 * 16.3, 1e-12);
    CHECK_NEAR(iterate(r, 1)[1], -0.5 + 0.05 * 13.5, 1e-12);
    ov_controls_deinit(&st);
}

/* U's command line parses to a scene with the same model, start, slice
 * and runs. */
static void test_share(void)
{
    static ov_app_state st, again;
    char *args[] = {"--model", "xor", "--slice", "random:7", "--init",
                    "0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9", "--optimizers", "adam", NULL};
    if (!init_with(&st, args))
        return;
    char cmd[8192];
    CHECK(ov_share_command_line(&st, cmd, sizeof cmd));
    CHECK_MSG(strstr(cmd, "--model xor") && strstr(cmd, "--slice random:7") &&
                  strstr(cmd, "--init 0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9"),
              "%s", cmd);
    /* Split the line at spaces (its words need no quoting here). */
    char *words[64];
    int n = 0;
    for (char *tok = strtok(cmd, " "); tok && n < 63; tok = strtok(NULL, " "))
        words[n++] = tok;
    words[n] = NULL;
    if (!init_with(&again, words + 1))
        return;
    CHECK(again.sc.scene.model && strcmp(again.sc.scene.model->name, "xor") == 0);
    CHECK(again.sc.scene.slice.kind == OV_SLICE_RANDOM && again.sc.scene.slice.seed == 7);
    const ov_run *a = &st.sc.scene.runs[0], *b = &again.sc.scene.runs[0];
    CHECK(a->n == b->n && a->loss[a->n - 1] == b->loss[b->n - 1]);
    ov_controls_deinit(&again);
    ov_controls_deinit(&st);
}

static bool same_pixels(const char *a, const char *b)
{
    unsigned wa = 0, ha = 0, wb = 0, hb = 0;
    unsigned char *pa = ov_test_load_png(a, &wa, &ha), *pb = ov_test_load_png(b, &wb, &hb);
    bool same = pa && pb && wa == wb && ha == hb && memcmp(pa, pb, (size_t)wa * ha * 4) == 0;
    free(pa);
    free(pb);
    return same;
}

/* Ctrl+S's block of a model scene, loaded as a preset, renders the scene's
 * own screenshot; so does U's command line (captions made equal: the
 * block's is "saved scene N", the scene's its preset's). */
static void check_save_reload(const char *tag, const char *options)
{
    const char *tmp = getenv("OV_TMP"), *bin = getenv("OV_BIN");
    CHECK_MSG(tmp && bin, "OV_TMP and OV_BIN must be set");
    if (!tmp || !bin)
        return;
    /* The scene, as a preset of its own with a caption. */
    char scene_file[600], saved_file[600], text[OV_SAVE_BLOCK_MAX + 512];
    snprintf(scene_file, sizeof scene_file, "%s/%s-scene.txt", tmp, tag);
    snprintf(saved_file, sizeof saved_file, "%s/%s-saved.txt", tmp, tag);
    FILE *f = fopen(scene_file, "w");
    CHECK(f && fprintf(f, "[1 scene]\ncaption = the scene\n%s\n[2 other]\ncaption = the "
                          "scene\nsurface = beale\n", options) > 0 && fclose(f) == 0);
    /* The app's state for it, as the window would hold it. */
    CHECK(setenv("OPTIVIZ_PRESETS", scene_file, 1) == 0);
    static ov_app_state st;
    char *args[] = {"--preset", "scene", NULL};
    if (!init_with(&st, args))
        return;
    CHECK(st.sc.scene.model != NULL);
    CHECK(ov_save_block(&st, 1, "saved-1", "the scene", text, sizeof text));
    CHECK_MSG(strstr(text, "model = ") && strstr(text, "init = ") && strstr(text, "slice = "),
              "%s", text);
    f = fopen(saved_file, "w");
    CHECK(f && fputs(text, f) >= 0 && fclose(f) == 0);
    char line[8192];
    CHECK(ov_share_command_line(&st, line, sizeof line));
    ov_controls_deinit(&st);

    char a[700], b[700], c[700], cmd[10000];
    snprintf(a, sizeof a, "%s/%s-saved.png", tmp, tag);
    snprintf(b, sizeof b, "%s/%s-scene.png", tmp, tag);
    snprintf(c, sizeof c, "%s/%s-line.png", tmp, tag);
    snprintf(cmd, sizeof cmd, "OPTIVIZ_PRESETS='%s' '%s' --preset saved-1 --size 480x300 "
             "--screenshot '%s'", saved_file, bin, a);
    CHECK_MSG(system(cmd) == 0, "%s", cmd);
    snprintf(cmd, sizeof cmd, "OPTIVIZ_PRESETS='%s' '%s' --preset scene --size 480x300 "
             "--screenshot '%s'", scene_file, bin, b);
    CHECK_MSG(system(cmd) == 0, "%s", cmd);
    CHECK_MSG(same_pixels(a, b), "%s: the saved block does not render the scene:\n%s", tag,
              text);
    /* The command line on top of a preset that gives only the caption. */
    snprintf(cmd, sizeof cmd, "OPTIVIZ_PRESETS='%s' '%s' --preset other %s --size 480x300 "
             "--screenshot '%s'", scene_file, bin, line + strlen("optiviz "), c);
    CHECK_MSG(system(cmd) == 0, "%s", cmd);
    CHECK_MSG(same_pixels(c, b), "%s: '%s' does not render the scene", tag, line);
}

/* A preset's caption, once the scene changed, names the key that brings
 * the preset back: Shift+7 for preset 17. */
static void test_caption_key(void)
{
    static ov_app_state st;
    char *args[] = {"--preset", "17", NULL};
    if (!init_with(&st, args))
        return;
    char text[512];
    ov_controls_caption_text(&st, text, sizeof text);
    CHECK_MSG(strstr(text, "no closed form") != NULL, "%s", text);
    ov_controls_scale_alpha(&st, 2.0);
    ov_controls_caption_text(&st, text, sizeof text);
    CHECK_MSG(strstr(text, "press Shift+7 to see it again") != NULL, "%s", text);
    ov_controls_deinit(&st);
}

int main(void)
{
    test_caption_key();
    test_axis_keys();
    test_follow();
    test_click_start();
    test_export_copy();
    test_full_block();
    test_share();
    check_save_reload("gauss4", "model = gauss4\nslice = c,d\ninit = 1.5,0.5,0.2,0.1\n"
                                "optimizers = gd,momentum\nsteps = 60\npanels = fit\n");
    check_save_reload("xor", "model = xor\nslice = pca\noptimizers = adam,gd\nsteps = 300\n"
                             "camera = 30,40\n");
    return ov_test_finish("test_app_model");
}
