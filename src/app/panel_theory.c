/* The theory panel (I): the quadratic's eigenvalues, GD's stability limit,
 * the optimal α (and β) of GD, momentum and Nesterov with their rates, and
 * each run's regime, all from core/theory.c. */
#include "panels.h"

#include "core/theory.h"

void ov_panel_theory_text(const ov_app_state *st, ov_panel_text *t)
{
    t->n = 0;
    double lmin, lmax;
    ov_quad_theory th;
    if (!ov_theory_surface_eigen(st->sc.scene.surface, &lmin, &lmax) ||
        !ov_theory_quadratic(lmin, lmax, &th)) {
        ov_panel_text_add(t, OV_PANEL_DIM, "theory panel: for the quadratic (press C to reach it)");
        return;
    }
    ov_panel_text_add(t, OV_PANEL_TEXT, "quadratic: \xce\xbb" "min = %.4g   \xce\xbb" "max = %.4g   "
             "\xce\xba = %.4g", th.lmin, th.lmax, th.kappa);
    ov_panel_text_add(t, OV_PANEL_DIM, "GD stable for \xce\xb1 < 2/\xce\xbb" "max = %.4g", th.gd_alpha_max);
    ov_panel_text_add(t, OV_PANEL_DIM, "GD optimal \xce\xb1* = 2/(\xce\xbb" "min + \xce\xbb" "max) = %.4g, "
             "rate (\xce\xba\xe2\x88\x92" "1)/(\xce\xba+1) = %.4g", th.gd_alpha_opt, th.gd_rate);
    ov_panel_text_add(t, OV_PANEL_DIM, "momentum optimal \xce\xb1 = %.4g, \xce\xb2 = %.4g, rate %.4g",
             th.hb_alpha, th.hb_beta, th.hb_rate);
    ov_panel_text_add(t, OV_PANEL_DIM, "nesterov optimal \xce\xb1 = %.4g, \xce\xb2 = %.4g, rate %.4g",
             th.nag_alpha, th.nag_beta, th.nag_rate);
    for (int i = 0; i < st->sc.scene.nruns; i++) {
        const ov_optim_params *p = &st->sc.scene.runs[i].params;
        double rho = 0.0;
        ov_run_regime rg = ov_theory_classify(p, lmin, lmax, &rho);
        if (rg == OV_RUN_NOT_COVERED)
            ov_panel_text_add(t, i, "%s: %s", ov_optim_info_of(p->kind)->name, ov_theory_regime_name(rg));
        else
            ov_panel_text_add(t, i, "%s \xce\xb1 = %.3g: %s, \xcf\x81 = %.4g", ov_optim_info_of(p->kind)->name,
                     p->alpha, ov_theory_regime_name(rg), rho);
    }
    ov_panel_text_add(t, OV_PANEL_DIM, "O: snap \xce\xb1 (and \xce\xb2) of the targeted run to its optimum");
}

