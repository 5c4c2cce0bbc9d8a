/* Shift+Enter's rule field, driven through the controls the keys call (no
 * window): the targeted run's rule is edited in place (another method is
 * replaced by the rule, seeded with gd's), a rule that does not compile
 * stays on screen at its column with the run unchanged, and with all runs
 * targeted a rule run is added and targeted. Enter still edits the loss. */
#include <string.h>

#include "app/controls.h"
#include "app/formula_edit.h"
#include "core/rule.h"
#include "ov_test.h"

static void type(ov_app_state *st, const char *text)
{
    ov_controls_edit_select_all(st);
    ov_controls_edit_delete(st, -1);
    ov_controls_edit_insert(st, text);
}

int main(void)
{
    ov_app_state st;
    ov_config cfg;
    char err[256];
    ov_config_defaults(&cfg);
    CHECK_MSG(ov_controls_init(&st, &cfg, err, sizeof err), "%s", err);
    ov_scene *sc = &st.sc.scene;
    CHECK(sc->nruns == 3 && sc->specs[1].kind == OV_OPT_MOMENTUM);

    /* Enter edits the loss formula. */
    ov_controls_edit_begin(&st);
    CHECK(st.ui.edit.open && st.ui.edit.rule_run == -1);
    ov_controls_edit_cancel(&st);

    /* Shift+Enter on run 2 (momentum): gd's rule to start from. */
    st.sc.target = 1;
    ov_controls_edit_begin_rule(&st);
    CHECK(st.ui.edit.open && st.ui.edit.rule_run == 1 && strcmp(st.ui.edit.text, OV_RULE_GD) == 0);
    type(&st, "u = beta*u - g; w = w + alpha*q");
    CHECK(!ov_controls_edit_commit(&st));
    CHECK(st.ui.edit.open && st.ui.edit.error_column == 31 &&
          strstr(st.ui.edit.error, "unknown name 'q'") != NULL);
    CHECK(sc->specs[1].kind == OV_OPT_MOMENTUM);   /* unchanged */
    type(&st, "u = beta*u - g; w = w + alpha*u");
    CHECK(ov_controls_edit_commit(&st));
    CHECK(!st.ui.edit.open && sc->nruns == 3 && sc->specs[1].kind == OV_OPT_RULE &&
          strcmp(sc->specs[1].rule, "u = beta*u - g; w = w + alpha*u") == 0);
    CHECK(sc->runs[1].params.rule != NULL && sc->runs[1].n > 1);
    /* Its α is gd's on this surface, its β momentum's 0.9. */
    CHECK(sc->runs[1].params.alpha == sc->runs[0].params.alpha && sc->runs[1].params.beta == 0.9);
    /* Again on the same run: its own rule comes back to edit. */
    ov_controls_edit_begin_rule(&st);
    CHECK(strcmp(st.ui.edit.text, "u = beta*u - g; w = w + alpha*u") == 0);
    ov_controls_edit_cancel(&st);

    /* All runs targeted: a rule run is added, gd's rule to start from. */
    st.sc.target = -1;
    ov_controls_edit_begin_rule(&st);
    CHECK(st.ui.edit.rule_run == OV_MAX_RUNS && strcmp(st.ui.edit.text, OV_RULE_GD) == 0);
    CHECK(ov_controls_edit_commit(&st));
    CHECK(sc->nruns == 4 && sc->specs[3].kind == OV_OPT_RULE && st.sc.target == 3);
    /* gd's rule typed in is gd, bit for bit. */
    CHECK(sc->runs[3].n == sc->runs[0].n &&
          memcmp(sc->runs[3].x, sc->runs[0].x, sizeof(double) * (size_t)sc->runs[0].n) == 0);
    ov_controls_deinit(&st);
    return ov_test_finish("test_app_rule_edit");
}
