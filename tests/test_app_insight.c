/* Insight features: the snap-to-optimum key against the textbook optimum
 * of the quadratic (computed here), the theory and curvature panels' text
 * against independent numbers, the formula field through synthetic SDL
 * text and key events, and the loss panel drawing every run's colour. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "app/export.h"
#include "app/hud.h"
#include "app/input.h"
#include "app/panels.h"
#include "ov_app_test.h"
#include "ov_test.h"
#include "app/controls.h"
#include "app/controls_anim.h"
#include "app/controls_params.h"

#define W 640
#define H 360

static bool has_line(const ov_panel_text *t, const char *want)
{
    for (int i = 0; i < t->n; i++)
        if (strstr(t->lines[i], want))
            return true;
    fprintf(stderr, "no panel line contains '%s'; lines:\n", want);
    for (int i = 0; i < t->n; i++)
        fprintf(stderr, "  %s\n", t->lines[i]);
    return false;
}

static void init_scene(ov_app_state *st, double kappa)
{
    ov_config cfg;
    char err[256];
    ov_config_defaults(&cfg);
    cfg.has_kappa = true;
    cfg.kappa = kappa;
    CHECK_MSG(ov_controls_init(st, &cfg, err, sizeof err), "%s", err);
}

static void test_snap_and_theory(void)
{
    ov_app_state st;
    init_scene(&st, 100.0);
    /* Textbook optimum for eigenvalues 1 and kappa = 100. */
    double k = 100.0, sk = 10.0;
    double gd_alpha = 2.0 / (1.0 + k);
    double hb_alpha = pow(2.0 / (1.0 + sk), 2), hb_beta = pow((sk - 1) / (sk + 1), 2);

    ov_panel_text t;
    ov_panel_theory_text(&st, &t);
    char want[160];
    snprintf(want, sizeof want, "= %.4g, rate", gd_alpha);
    CHECK(has_line(&t, want));
    snprintf(want, sizeof want, "= %.4g", (k - 1) / (k + 1));
    CHECK(has_line(&t, want));
    snprintf(want, sizeof want, "momentum optimal \xce\xb1 = %.4g, \xce\xb2 = %.4g, rate %.4g",
             hb_alpha, hb_beta, (sk - 1) / (sk + 1));
    CHECK(has_line(&t, want));
    snprintf(want, sizeof want, "2/\xce\xbb" "max = %.4g", 2.0 / k);
    CHECK(has_line(&t, want));
    /* gd's default α on the quadratic follows κ: 0.15 * 10/100 = 0.015,
     * under 2/100; factors 1 - 0.015 and 1 - 0.015*100 = -0.5 per step:
     * oscillating, converging, spectral radius 0.985. */
    CHECK_NEAR(st.sc.scene.runs[0].params.alpha, 0.015, 1e-15);
    CHECK(has_line(&t, "gd \xce\xb1 = 0.015: oscillating, converging, \xcf\x81 = 0.985"));
    /* Past the limit (α = 0.15, as the default is at κ = 10): diverging,
     * spectral radius |1 - 0.15*100| = 14. */
    st.sc.scene.specs[0].has_alpha = true;
    st.sc.scene.specs[0].alpha = 0.15;
    CHECK(ov_scene_recompute(&st.sc.scene));
    ov_panel_theory_text(&st, &t);
    CHECK(has_line(&t, "gd \xce\xb1 = 0.15: diverging, \xcf\x81 = 14"));
    CHECK(has_line(&t, "adam: not covered by this analysis"));

    /* O on gd alone (Tab once), then on momentum. */
    ov_controls_cycle_target(&st, 1);
    ov_controls_snap_optimal(&st);
    CHECK_NEAR(st.sc.scene.runs[0].params.alpha, gd_alpha, 1e-12);
    ov_controls_cycle_target(&st, 1);
    ov_controls_snap_optimal(&st);
    CHECK_NEAR(st.sc.scene.runs[1].params.alpha, hb_alpha, 1e-12);
    CHECK_NEAR(st.sc.scene.runs[1].params.beta, hb_beta, 1e-12);
    /* Adam has no known optimum: unchanged, and the HUD says so. */
    double adam = st.sc.scene.runs[2].params.alpha;
    ov_controls_cycle_target(&st, 1);
    ov_controls_snap_optimal(&st);
    CHECK(st.sc.scene.runs[2].params.alpha == adam);
    CHECK(strstr(st.ui.message, "adam") != NULL);
    /* The snapped GD run now converges at the predicted rate: the error
     * shrinks by (k-1)/(k+1) per step (measured over steps 50..150). */
    const ov_run *gd = &st.sc.scene.runs[0];
    CHECK(gd->n > 150);
    if (gd->n > 150) {
        double e50 = hypot(gd->x[50], gd->y[50]), e150 = hypot(gd->x[150], gd->y[150]);
        CHECK_NEAR(pow(e150 / e50, 1.0 / 100.0), (k - 1) / (k + 1), 1e-6);
    }
    /* Away from the quadratic, O changes nothing and says why. */
    ov_controls_cycle_surface(&st, 1);
    ov_controls_snap_optimal(&st);
    CHECK(strstr(st.ui.message, "quadratic") != NULL);
    ov_panel_theory_text(&st, &t);
    CHECK(t.n == 1 && strstr(t.lines[0], "quadratic") != NULL);
    ov_controls_deinit(&st);
}

static void test_curvature_text(void)
{
    ov_app_state st;
    init_scene(&st, 1000.0);
    ov_panel_text t;
    ov_panel_curvature_text(&st, &t);
    /* The quadratic's Hessian has eigenvalues 1 and kappa everywhere. */
    CHECK(has_line(&t, "gd: \xce\xbb = 1, 1e+03   local \xce\xba = 1e+03"));
    /* The saddle x^2 - y^2: eigenvalues -2 and 2, non-convex. */
    ov_expr_error perr;
    CHECK(ov_scene_set_surface(&st.sc.scene, "saddle", &perr));
    ov_panel_curvature_text(&st, &t);
    CHECK(has_line(&t, "\xce\xbb = -2, 2   non-convex here"));
    /* Rosenbrock at its start (-1.2, 1): H = [[1330, 480], [480, 200]],
     * eigenvalues (1530 -+ sqrt(1130^2 + 4*480^2)) / 2. */
    CHECK(ov_scene_set_surface(&st.sc.scene, "rosenbrock", &perr));
    ov_controls_seek(&st, 0);
    double disc = sqrt(1130.0 * 1130.0 + 4 * 480.0 * 480.0);
    double l0 = (1530.0 - disc) / 2, l1 = (1530.0 + disc) / 2;
    char want[160];
    snprintf(want, sizeof want, "\xce\xbb = %.3g, %.3g   local \xce\xba = %.3g", l0, l1, l1 / l0);
    CHECK(st.sc.scene.start.x == -1.2 && st.sc.scene.start.y == 1.0);
    ov_panel_curvature_text(&st, &t);
    CHECK(has_line(&t, want));
    ov_controls_deinit(&st);
}

static void push_key_mod(SDL_Keycode sym, Uint16 mod)
{
    ov_test_push_key(sym, mod, false, false);
}

static void push_key(SDL_Keycode sym)
{
    push_key_mod(sym, KMOD_NONE);
}

static void push_text(const char *s)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_TEXTINPUT;
    snprintf(e.text.text, sizeof e.text.text, "%s", s);
    CHECK(SDL_PushEvent(&e) == 1);
}

static void test_formula_field(ov_app_state *st)
{
    ov_input in = {0};
    /* The field opens with the quadratic (κ, θ of this scene) written as a
     * formula the parser accepts: Enter applies it, and the loss is
     * ½((c x + s y)² + κ(−s x + c y)²), c = cos θ, s = sin θ, computed here. */
    double kappa, theta;
    CHECK(ov_surface_get_param(st->sc.scene.surface, "kappa", &kappa));
    CHECK(ov_surface_get_param(st->sc.scene.surface, "theta", &theta));
    push_key(SDLK_RETURN);
    ov_test_pump(&in, st, W, H);
    CHECK(st->ui.edit.open);
    CHECK(strstr(st->ui.edit.text, "kappa") == NULL && strstr(st->ui.edit.text, "theta") == NULL);
    push_key(SDLK_RETURN);
    ov_test_pump(&in, st, W, H);
    CHECK(!st->ui.edit.open && st->sc.scene.surface->def == NULL);
    double c = cos(theta * 3.14159265358979323846 / 180), sn = sin(theta * 3.14159265358979323846 / 180);
    for (int k = 0; k < 5; k++) {
        double x = -2.0 + 0.9 * k, y = 1.5 - 0.7 * k;
        double u = c * x + sn * y, v = -sn * x + c * y;
        CHECK_NEAR(ov_surface_value(st->sc.scene.surface, x, y), 0.5 * (u * u + kappa * v * v),
                   1e-12 * (1 + 0.5 * (u * u + kappa * v * v)));
    }
    /* Editing keys: Home, then typing goes to the front; Ctrl+Backspace
     * takes the word before the caret; End; Ctrl+U clears what is before
     * the caret; Ctrl+A selects all and typing replaces it. */
    push_key(SDLK_RETURN);
    push_key(SDLK_HOME);
    push_text("1 + ");
    ov_test_pump(&in, st, W, H);
    CHECK(strncmp(st->ui.edit.text, "1 + ", 4) == 0 && st->ui.edit.caret == 4);
    push_key_mod(SDLK_BACKSPACE, KMOD_LCTRL);
    ov_test_pump(&in, st, W, H);
    CHECK(strncmp(st->ui.edit.text, "1 ", 2) == 0 && st->ui.edit.text[2] != '+' && st->ui.edit.caret == 2);
    push_key_mod(SDLK_BACKSPACE, KMOD_LCTRL);
    ov_test_pump(&in, st, W, H);
    CHECK(st->ui.edit.caret == 0 && st->ui.edit.text[0] != '1');
    push_key(SDLK_END);
    push_key_mod(SDLK_u, KMOD_LCTRL);
    ov_test_pump(&in, st, W, H);
    CHECK(st->ui.edit.text[0] == '\0' && st->ui.edit.caret == 0);
    push_text("x^2 + y^2");
    push_key_mod(SDLK_a, KMOD_RCTRL);
    push_text("y^2");
    ov_test_pump(&in, st, W, H);
    CHECK(strcmp(st->ui.edit.text, "y^2") == 0);
    push_key_mod(SDLK_a, KMOD_LCTRL);
    push_key(SDLK_BACKSPACE);
    ov_test_pump(&in, st, W, H);
    CHECK(st->ui.edit.text[0] == '\0');
    /* A formula that ends early: error at column 5, old surface kept. */
    push_text("x^2+");
    push_key(SDLK_RETURN);
    ov_test_pump(&in, st, W, H);
    CHECK(st->ui.edit.open);
    CHECK(st->ui.edit.error[0] != '\0');
    CHECK(st->ui.edit.error_column == 5);
    CHECK(strstr(ov_expr_source(st->sc.scene.surface->expr), "cos(") != NULL);
    /* Finish it: applied at once, surface, view and runs replaced. */
    push_text("3*y^2");
    push_key(SDLK_RETURN);
    ov_test_pump(&in, st, W, H);
    CHECK(!st->ui.edit.open);
    CHECK(strcmp(ov_expr_source(st->sc.scene.surface->expr), "x^2+3*y^2") == 0);
    CHECK(st->sc.scene.surface->def == NULL);
    const ov_run *r = &st->sc.scene.runs[0];
    CHECK(r->x[0] == st->sc.scene.start.x && r->y[0] == st->sc.scene.start.y);
    CHECK_NEAR(r->loss[0], r->x[0] * r->x[0] + 3 * r->y[0] * r->y[0], 1e-12);
    /* Esc cancels without touching the surface. */
    push_key(SDLK_RETURN);
    ov_test_pump(&in, st, W, H);
    CHECK(strcmp(st->ui.edit.text, "x^2+3*y^2") == 0);
    push_text("(((");
    push_key(SDLK_ESCAPE);
    ov_test_pump(&in, st, W, H);
    CHECK(!st->ui.edit.open && strcmp(ov_expr_source(st->sc.scene.surface->expr), "x^2+3*y^2") == 0);
}

/* Pixels within 12 of run i's colour inside the box. */
static long colour_pixels(const ov_app_state *st, const uint8_t *px, int i, int x0, int y0,
                          int x1, int y1)
{
    ov_rgba c = ov_hud_run_color(st, i);
    int cr = (int)lroundf(c.r * 255), cg = (int)lroundf(c.g * 255), cb = (int)lroundf(c.b * 255);
    long n = 0;
    for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++) {
            const uint8_t *p = px + 4 * ((size_t)y * W + x);
            n += abs(p[0] - cr) <= 12 && abs(p[1] - cg) <= 12 && abs(p[2] - cb) <= 12;
        }
    return n;
}

static void test_loss_panel(ov_renderer *r, ov_app_state *st)
{
    char err[256];
    uint8_t *on = malloc((size_t)W * H * 4), *off = malloc((size_t)W * H * 4);
    CHECK(ov_renderer_set_surface(r, st->sc.scene.surface, err, sizeof err));
    ov_controls_seek(st, ov_controls_last_step(st));
    ov_controls_hide_message(st);
    ov_test_panel(st, "loss", false);
    ov_hud_draw_frame(r, st, NULL, NULL);
    CHECK(ov_renderer_read_rgba(r, off));
    ov_test_panel(st, "loss", true);
    ov_hud_draw_frame(r, st, NULL, NULL);
    CHECK(ov_renderer_read_rgba(r, on));
    /* The panel: the right third of the frame, above the legend. */
    int x0 = W * 2 / 3, y0 = H / 2, x1 = W, y1 = H - 30;
    for (int i = 0; i < st->sc.scene.nruns; i++) {
        long a = colour_pixels(st, on, i, x0, y0, x1, y1), b = colour_pixels(st, off, i, x0, y0, x1, y1);
        CHECK_MSG(a > b + 40, "run %d: %ld colour pixels with the loss panel, %ld without", i, a, b);
    }
    free(on);
    free(off);
}

/* The steps panel (the | key): at every step of a GD run on the quadratic
 * with θ = 0, ∇L = (x, κ y) and the step is α ∇L, so |Δw| = α |∇L|;
 * drawn, it puts every run's colour in its box. */
static void test_steps_panel(ov_renderer *r)
{
    ov_config cfg;
    char err[256];
    ov_config_defaults(&cfg);
    cfg.has_kappa = cfg.has_theta = true;
    cfg.kappa = 10;
    cfg.theta = 0;
    cfg.steps = 60;
    cfg.nruns = 2;
    CHECK(ov_optim_find("gd", &cfg.runs[0].kind));
    CHECK(ov_optim_find("momentum", &cfg.runs[1].kind));
    cfg.runs[0].has_alpha = true;
    cfg.runs[0].alpha = 0.15;
    ov_app_state st;
    CHECK_MSG(ov_controls_init(&st, &cfg, err, sizeof err), "%s", err);
    const ov_run *gd = &st.sc.scene.runs[0];
    CHECK(gd->n == 61);
    for (int k = 0; k < gd->n; k++) {
        double g, dw;
        CHECK(ov_panel_steps_at(&st, 0, k, &g, &dw));
        double want = hypot(gd->x[k], 10.0 * gd->y[k]);
        CHECK_NEAR(g, want, 1e-12 * want);
        if (k + 1 < gd->n)
            CHECK_NEAR(dw, 0.15 * want, 1e-9 * want);
        else
            CHECK(isnan(dw));
    }
    double g, dw;
    CHECK(!ov_panel_steps_at(&st, 0, gd->n, &g, &dw) && !ov_panel_steps_at(&st, 0, -1, &g, &dw));
    /* Drawn: its row's key toggles it, the panel shows both runs. */
    int row = ov_panel_find_key("\\");
    CHECK(row >= 0 && row == ov_panel_find("steps"));
    uint8_t *on = malloc((size_t)W * H * 4), *off = malloc((size_t)W * H * 4);
    CHECK(ov_renderer_set_surface(r, st.sc.scene.surface, err, sizeof err));
    ov_controls_seek(&st, ov_controls_last_step(&st));
    ov_hud_draw_frame(r, &st, NULL, NULL);
    CHECK(ov_renderer_read_rgba(r, off));
    ov_panel_toggle(&st, row);
    CHECK(ov_panel_shown(&st, row) && ov_controls_panel_shown(&st, ov_panel_find("steps")));
    ov_hud_draw_frame(r, &st, NULL, NULL);
    CHECK(ov_renderer_read_rgba(r, on));
    int x0 = W * 2 / 3, y0 = H / 2, x1 = W, y1 = H - 30;
    for (int i = 0; i < st.sc.scene.nruns; i++) {
        long a = colour_pixels(&st, on, i, x0, y0, x1, y1), b = colour_pixels(&st, off, i, x0, y0, x1, y1);
        CHECK_MSG(a > b + 40, "run %d: %ld colour pixels with the steps panel, %ld without", i, a, b);
    }
    free(on);
    free(off);
    ov_controls_deinit(&st);
}

/* The panels table and the names --panels accepts agree row for row, so
 * bit i of --panels shows row i; every row has a key in the key table. */
static void test_panels_table(void)
{
    int n, nb;
    const ov_panel *p = ov_panels(&n);
    const ov_binding *b = ov_bindings(&nb);
    for (int i = 0; i < n; i++) {
        CHECK_MSG(ov_config_panel_names[i] && strcmp(ov_config_panel_names[i], p[i].name) == 0,
                  "row %d is '%s', --panels names '%s'", i, p[i].name,
                  ov_config_panel_names[i] ? ov_config_panel_names[i] : "(none)");
        bool keyed = false;
        for (int k = 0; k < nb; k++)
            keyed = keyed || (b[k].keys && strcmp(b[k].keys, p[i].key) == 0);
        CHECK_MSG(keyed, "panel %s: no key row '%s'", p[i].name, p[i].key);
    }
    CHECK_MSG(ov_config_panel_names[n] == NULL, "--panels names a panel the table lacks: %s",
              ov_config_panel_names[n]);
}

int main(void)
{
    test_panels_table();
    test_snap_and_theory();
    test_curvature_text();

    ov_app_state st;
    init_scene(&st, 10.0);
    ov_glwin win;
    ov_renderer *r = ov_app_test_open(&win, &st, W, H);
    test_loss_panel(r, &st);
    test_steps_panel(r);
    test_formula_field(&st);
    ov_renderer_destroy(r);
    ov_glwin_destroy(&win);
    ov_controls_deinit(&st);
    return ov_test_finish("test_app_insight");
}
