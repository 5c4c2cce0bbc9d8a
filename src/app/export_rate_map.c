/* --export-rate-map FILE: the rate-map panel's numbers as CSV for the
 * scene's surface, no window: header method,alpha,beta,rate, one row per
 * grid cell of gd (beta 0), momentum and nesterov (core/rate_map.h), and
 * after gd's and momentum's cells one row at exactly their optimum. On a
 * surface other than the quadratic the Hessian is the one at the start
 * point (said on stderr); one that is not positive definite there is a
 * usage error (exit 2). Written atomically: a failure leaves no file. */
#include "app.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/rate_map.h"
#include "core/scene.h"
#include "core/theory.h"
#include "io/atomic.h"

/* The scene's two Hessian eigenvalues for the map: the quadratic's exact
 * ones, else the Hessian's at the start point. false with the reason. */
static bool map_eigen(const ov_scene *sc, double *lmin, double *lmax, bool *local, char *why,
                      size_t cap)
{
    *local = false;
    if (sc->model) {
        /* A model: all n eigenvalues at its start, not the slice's two. */
        *local = true;
        const ov_objective obj = ov_model_objective(sc->model);
        return ov_rate_map_hessian_n(&obj, sc->start_w, lmin, lmax, why, cap);
    }
    if (ov_theory_surface_eigen(sc->surface, lmin, lmax))
        return true;
    *local = true;
    return ov_rate_map_hessian(sc->surface, sc->start.x, sc->start.y, lmin, lmax, why, cap);
}

static bool write_map(FILE *f, double lmin, double lmax)
{
    static const ov_optim_kind kinds[] = {OV_OPT_GD, OV_OPT_MOMENTUM, OV_OPT_NESTEROV};
    const double agd = 2.0 / (lmin + lmax);
    bool ok = fprintf(f, "method,alpha,beta,rate\n") > 0;
    for (int m = 0; ok && m < 3; m++) {
        const char *name = ov_optim_info_of(kinds[m])->name;
        for (int j = 0; ok && j < ov_rate_map_rows(kinds[m]); j++)
            for (int i = 0; ok && i < OV_RATE_MAP_NALPHA; i++) {
                double a = ov_rate_map_alpha(agd, i), b = ov_rate_map_beta(j);
                ok = fprintf(f, "%s,%.17g,%.17g,%.17g\n", name, a, b,
                             ov_rate_map_rate(kinds[m], a, b, lmin, lmax)) > 0;
            }
        double a, b, rate;
        if (ok && kinds[m] != OV_OPT_NESTEROV &&
            ov_rate_map_optimum(kinds[m], lmin, lmax, &a, &b, &rate))
            ok = fprintf(f, "%s,%.17g,%.17g,%.17g\n", name, a, b, rate) > 0;
    }
    return ok;
}

int ov_app_export_rate_map(const ov_config *cfg)
{
    char err[512], why[256];
    ov_scene sc;
    if (!ov_scene_init(&sc, cfg, err, sizeof err)) {
        fprintf(stderr, "optiviz: %s\n", err);
        ov_scene_deinit(&sc);
        return 2;
    }
    double lmin, lmax;
    bool local;
    bool pd = map_eigen(&sc, &lmin, &lmax, &local, why, sizeof why);
    ov_vec2 start = sc.start;
    int model_n = sc.model ? sc.model->n : 0;
    ov_scene_deinit(&sc);
    if (!pd) {
        fprintf(stderr, "optiviz: --export-rate-map: %s; the rate map needs a positive "
                        "definite Hessian (expected a start point where the surface curves "
                        "up in every direction)\n", why);
        return 2;
    }
    if (local && model_n)
        fprintf(stderr, "optiviz: --export-rate-map: a model: the map uses the Hessian of "
                        "its %d parameters at the start (--init), eigenvalues from %.6g to "
                        "%.6g\n", model_n, lmin, lmax);
    else if (local)
        fprintf(stderr, "optiviz: --export-rate-map: not the quadratic: the map uses the "
                        "Hessian at the start point (%.6g, %.6g), eigenvalues %.6g and %.6g\n",
                start.x, start.y, lmin, lmax);
    ov_atomic_file af;
    if (!ov_atomic_open(&af, cfg->export_rate_map, err, sizeof err)) {
        fprintf(stderr, "optiviz: %s\n", err);
        return 1;
    }
    if (!write_map(af.f, lmin, lmax)) {
        ov_atomic_abort(&af);
        ov_io_error(err, sizeof err, cfg->export_rate_map, "write failed");
        fprintf(stderr, "optiviz: %s\n", err);
        return 1;
    }
    if (!ov_atomic_commit(&af, err, sizeof err)) {
        fprintf(stderr, "optiviz: %s\n", err);
        return 1;
    }
    return 0;
}
