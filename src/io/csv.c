/* CSV writer for scene runs (see csv.h). */
#include "csv.h"

#include <errno.h>
#include <string.h>

#include "atomic.h"
#include "interrupt.h"

/* Writes the CSV text to f; returns 0 or the errno of the failed write. */
static int write_rows(FILE *f, const ov_scene *sc)
{
    /* An alpha column (the α update i leaving step i uses) only when some
     * run has a schedule: otherwise the header DESIGN.md fixes. */
    bool alpha = false;
    for (int r = 0; r < sc->nruns; r++)
        alpha = alpha || sc->runs[r].params.schedule.given;
    /* A model's columns are its parameters, by name, in order. */
    if (fputs("run,optimizer,step", f) == EOF)
        return errno ? errno : EIO;
    if (sc->model) {
        for (int k = 0; k < sc->model->n; k++)
            if (fprintf(f, ",%s", sc->model->param_names[k]) < 0)
                return errno ? errno : EIO;
    } else if (fputs(",x,y", f) == EOF) {
        return errno ? errno : EIO;
    }
    if (fputs(alpha ? ",loss,alpha\n" : ",loss\n", f) == EOF)
        return errno ? errno : EIO;
    for (int r = 0; r < sc->nruns; r++) {
        const ov_run *run = &sc->runs[r];
        char buf[64];
        const char *name = ov_optim_run_name(&run->params, buf, sizeof buf);
        for (int i = 0; i < run->n; i++) {
            if ((i & 4095) == 0 && ov_interrupt_signal())
                return EINTR;   /* ov_csv_write says by which signal */
            if (fprintf(f, "%d,%s,%d", r, name, i) < 0)
                return errno ? errno : EIO;
            if (run->w) {
                const double *w = run->w + (size_t)i * (size_t)run->dim;
                for (int k = 0; k < run->dim; k++)
                    if (fprintf(f, ",%.17g", w[k]) < 0)
                        return errno ? errno : EIO;
            } else if (fprintf(f, ",%.17g,%.17g", run->x[i], run->y[i]) < 0) {
                return errno ? errno : EIO;
            }
            if (fprintf(f, ",%.17g", run->loss[i]) < 0)
                return errno ? errno : EIO;
            if (alpha && fprintf(f, ",%.17g", ov_schedule_alpha(&run->params.schedule,
                                                                 run->params.alpha, i)) < 0)
                return errno ? errno : EIO;
            if (fputc('\n', f) == EOF)
                return errno ? errno : EIO;
        }
    }
    return 0;
}

bool ov_csv_write(const char *path, const ov_scene *sc, char *err, size_t cap)
{
    ov_atomic_file af;
    if (!ov_atomic_open(&af, path, err, cap))
        return false;
    /* A big buffer: a long run has millions of lines. Failure to set it
     * only costs speed. */
    (void)setvbuf(af.f, NULL, _IOFBF, 1 << 20);
    errno = 0;
    int e = write_rows(af.f, sc);
    if (e) {
        ov_atomic_abort(&af);
        char why[64];
        int sig = ov_interrupt_signal();
        snprintf(why, sizeof why, "interrupted by %s", ov_interrupt_name(sig));
        ov_io_error(err, cap, path, e == EINTR && sig ? why : strerror(e));
        return false;
    }
    return ov_atomic_commit(&af, err, cap);
}

bool ov_csv_report_divergence(FILE *f, const ov_scene *sc)
{
    bool ok = true;
    for (int r = 0; r < sc->nruns; r++) {
        const ov_run *run = &sc->runs[r];
        char buf[64];
        if (run->diverged &&
            fprintf(f, "run %d (%s) diverged at step %d\n", r,
                    ov_optim_run_name(&run->params, buf, sizeof buf), run->diverged_step) < 0)
            ok = false;
    }
    return ok;
}
