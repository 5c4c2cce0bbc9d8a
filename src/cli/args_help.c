/* The texts of --help, --list-surfaces, --list-optimizers and --version
 * (--list-presets is in args_preset.c).
 * Lists are generated from the core's tables (ov_surface_builtin,
 * ov_optim_info_of), so they cannot drift from what runs. */
#include "core/view.h"
#include "args.h"

#include <stdarg.h>
#include <string.h>

#include "core/run.h"
#include "core/model.h"
#include "core/surface.h"

#ifndef OV_VERSION
#define OV_VERSION "unknown"
#endif

/* An output stream that remembers whether any write failed. */
typedef struct ov_out {
    FILE *f;
    bool ok;
} ov_out;

static void out_printf(ov_out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void out_printf(ov_out *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (vfprintf(o->f, fmt, ap) < 0)
        o->ok = false;
    va_end(ap);
}

static void out_puts(ov_out *o, const char *s)
{
    if (fputs(s, o->f) == EOF)
        o->ok = false;
}

static bool out_end(ov_out *o)
{
    if (fflush(o->f) != 0 || ferror(o->f))
        o->ok = false;
    return o->ok;
}

/* Writes text with every line prefixed by indent. */
static void out_indented(ov_out *o, const char *indent, const char *text)
{
    while (*text) {
        const char *nl = strchr(text, '\n');
        int len = nl ? (int)(nl - text) : (int)strlen(text);
        out_printf(o, "%s%.*s\n", indent, len, text);
        text += len + (nl ? 1 : 0);
    }
}

/* Writes the built-in surface or optimiser names, comma-separated, wrapped
 * before column 78; col is the column the cursor is at, continuation lines
 * start with indent. */
static void list_names(ov_out *o, bool surfaces, int col, const char *indent)
{
    int n = surfaces ? ov_surface_builtin_count() : OV_OPTIM_COUNT;
    for (int i = 0; i < n; i++) {
        const char *name = surfaces ? ov_surface_builtin(i)->name
                                    : ov_optim_info_of((ov_optim_kind)i)->name;
        int len = (int)strlen(name) + (i + 1 < n ? 1 : 0);
        if (i > 0 && col + 1 + len > 78) {
            out_printf(o, "\n%s", indent);
            col = (int)strlen(indent);
        } else if (i > 0) {
            out_puts(o, " ");
            col++;
        }
        out_printf(o, "%s%s", name, i + 1 < n ? "," : "");
        col += len;
    }
}

bool ov_cli_print_help(FILE *f)
{
    ov_out o = {f, true};
    const ov_surface_def *quad = ov_surface_find("quadratic");
    double kappa = quad && quad->nparams > 0 ? quad->param_defaults[0] : 10.0;
    double theta = quad && quad->nparams > 1 ? quad->param_defaults[1] : 30.0;
    out_printf(&o,
               "optiviz %s - optimisers on loss surfaces, animated\n"
               "\n"
               "Usage: optiviz [options]\n"
               "With no options, opens a window on the default scene: the quadratic\n"
               "(kappa %g, theta %g degrees) with the runs gd, momentum and adam.\n"
               "An option's value follows it as the next argument or after '='\n"
               "(--kappa 100 or --kappa=100).\n"
               "\n",
               OV_VERSION, kappa, theta);
    out_printf(&o,
               "Scene:\n"
               "  --surface NAME|FORMULA  a built-in surface (default quadratic):\n"
               "                            ");
    list_names(&o, true, 28, "                            ");
    out_printf(&o,
               "\n"
               "                          or a formula in x and y (syntax below); a\n"
               "                          formula in x alone is drawn as the curve L(x)\n"
               "                          and its runs move along x only\n"
               "  --kappa K               the quadratic's condition number, 1 to 1e10\n"
               "                          (default %g)\n"
               "  --theta DEG             rotation of its eigenbasis in degrees (default %g)\n"
               "  --start X,Y             start point of every run (default: the surface's;\n"
               "                          |X|, |Y| at most 1e6)\n"
               "  --steps N               iterations per run, 1 to %d (default %d)\n"
               "  --noise SIGMA           add N(0, SIGMA^2) noise to each coordinate of\n"
               "                          every gradient, 0 to 1e6 (default 0: exact);\n"
               "                          every run draws the same noise sequence\n"
               "  --seed N                the noise generator's seed, 0 to 4294967295\n"
               "                          (default %u); the same seed, the same runs\n"
               "\n",
               kappa, theta, OV_RUN_MAX_STEPS, OV_DEFAULT_STEPS, OV_DEFAULT_SEED);
    out_printf(&o,
               "Runs (at most %d; with none given: gd, momentum and adam):\n"
               "  --optimizer SPEC        add a run; SPEC is\n"
               "                            NAME[:alpha=A][:beta=B][:beta2=B2][:eps=E][:wd=L][:history=M]\n"
               "                            [:schedule=S]; S is a learning-rate schedule, the\n"
               "                          alpha of update i (0 first): constant, step(EVERY,F)\n"
               "                          alpha*F^floor(i/EVERY), exp(G) alpha*G^i, cosine(T)\n"
               "                          alpha*(1+cos(pi*min(i,T)/T))/2, warmup(STEPS)\n"
               "                          alpha*min(1,(i+1)/STEPS)\n"
               "                          repeatable, order kept; the same name twice is\n"
               "                          fine (a learning-rate sweep); or a rule typed in,\n"
               "                            'rule{u = beta*u - g; w = w + alpha*u}'[:alpha=A]...[:name=N]\n"
               "                          per coordinate over w, g, t, alpha, beta, beta2, eps\n"
               "                          and state names that start at 0\n"
               "  --optimizers LIST       add runs: comma-separated names (or specs)\n"
               "  --alpha A               learning rate of every run without its own, A > 0\n"
               "                          (default: per surface, see --list-surfaces)\n"
               "  --beta B                beta of every run without its own, 0 <= B < 1\n"
               "  Optimizers: ",
               OV_MAX_RUNS);
    list_names(&o, false, 14, "    ");
    out_printf(&o,
               "\n"
               "  (see --list-optimizers).\n"
               "  A key a method does not use is an error (gd has no beta).\n"
               "\n"
               "Models (instead of a surface; see README \"Models\"):\n"
               "  --model NAME|FORMULA    a model of n parameters: line, gauss4, xor, or a\n"
               "                          formula in t (or x1, x2) and the --params names\n"
               "  --params LIST           a formula's parameter names, 2 to 64\n"
               "  --data FILE.csv         data points, header t,y or x1,x2,y (at most 256\n"
               "                          rows; default: the lecture's points)\n"
               "  --loss squared|logistic squared error (default), or the formula is a\n"
               "                          logit and the loss -sum[y log p + (1-y) log(1-p)]\n"
               "  --init V1,...,Vn        the start: one number per parameter\n"
               "  --slice A,B|pca|random[:SEED]\n"
               "                          the plane drawn: two parameters' axes (default\n"
               "                          the first two), the top two principal directions\n"
               "                          of the paths, or two random directions\n"
               "  --list-models           the models, their parameters and starts\n"
               "  A run holds at most 2,000,000 coordinates: steps x n.\n"
               "\n"
               "Lecture presets:\n"
               "  --preset NAME|N         start from a preset scene of the lecture (keys\n"
               "                          1-9 and 0 in the window); every other option\n"
               "                          overrides it, whatever the order, and\n"
               "                          --optimizer/--optimizers replace its runs\n"
               "  --list-presets          the presets: number, name, caption, options\n"
               "                          (file: $OPTIVIZ_PRESETS, else the installed\n"
               "                          share/optiviz/presets.txt, else built in)\n"
               "  --lecture FILE|NAME     play a lecture: its scenes (presets file format)\n"
               "                          in file order; PageDown / PageUp step, B blanks,\n"
               "                          Esc does not quit (Q does); bad scenes are\n"
               "                          reported (file:line) and skipped\n"
               "  --list-lectures         the lectures that ship with optiviz\n"
               "  --export-slides DIR     with --lecture: DIR/slide-01.png ... one per\n"
               "                          scene, as --screenshot draws it, then exit\n"
               "  --slides-video          with --export-slides: DIR/slide-01.mp4 ... too\n"
               "\n"
               "View and output:\n"
               "  --view X0,X1,Y0,Y1      world rectangle shown (X0 < X1, Y0 < Y1;\n"
               "                          default: the surface's)\n"
               "  --size WxH              window or image size in pixels, %d to %d each\n"
               "                          (default %dx%d)\n"
               "  --ui-scale S            text and line size, 0.5 to 4 (default 1)\n"
               "  --projector             high-contrast theme, larger text\n"
               "  --panels LIST           insight panels shown (keys I, V, L, \\,\n"
               "                          Shift+I, Shift+V, Shift+L): theory, curvature,\n"
               "                          loss, steps, rate-map, eigen, fit,\n"
               "                          comma-separated, or none\n"
               "  --pace SECONDS          how long one playing of the scene takes in the\n"
               "                          window, whatever its step count, 1 to 600\n"
               "                          (default 10; keys + and -)\n"
               "  --loop                  play the scene again and again (key Shift+R)\n"
               "  --explain               take the targeted run's current update apart\n"
               "                          (key E): its terms as labelled arrows from the\n"
               "                          current point, with the lecture's equation\n"
               "  --3d                    show the loss as a lit 3-D surface (key D); heights\n"
               "                          on a log scale when the loss spans many decades\n"
               "  --camera AZ,EL          the 3-D camera in degrees (implies --3d): azimuth\n"
               "                          0 looks from the front (-y), 90 from the right\n"
               "                          (+x); elevation 0 to 90 (90: from straight above)\n"
               "                          (default %g,%g)\n"
               "  --orbit                 with --gif or --video: the camera turns once\n"
               "                          around the surface over the animation (implies\n"
               "                          --3d)\n"
               "  --screenshot FILE       render one frame (no display needed), write it\n"
               "                          as PNG, exit\n"
               "  --gif FILE              render the animation as an animated GIF, exit\n"
               "  --video FILE            the same frames as an MP4 video (H.264) for\n"
               "                          slides, exit; odd sizes lose a row or column\n"
               "  --gif-frames N          frames of the GIF or video, 2 to 2000\n"
               "                          (default %d)\n"
               "  --gif-delay CS          delay between frames in 1/100 s, 1 to 100\n"
               "                          (default %d; 4 is 25 frames per second)\n"
               "  --export-csv FILE       write the runs as CSV, exit; columns\n"
               "                          run,optimizer,step,x,y,loss (run counts from 0\n"
               "                          in command-line order; with a :schedule= also\n"
               "                          alpha, the alpha of the update leaving the step;\n"
               "                          step 0 is the start,\n"
               "                          numbers %%.17g); a diverged run ends before the\n"
               "                          first non-finite or |x|, |y| > 1e6 iterate and\n"
               "                          stderr says 'run K (NAME) diverged at step S'\n"
               "  --export-rate-map FILE  write the (alpha, beta) convergence-rate map\n"
               "                          of gd, momentum and nesterov as CSV, exit;\n"
               "                          columns method,alpha,beta,rate (the Hessian\n"
               "                          at the start point off the quadratic)\n"
               "  --output-dir DIR        where the window's export keys write\n"
               "                          (default: the current directory)\n"
               "  --bench                 measure frame and recompute times, print, exit;\n"
               "                          with --screenshot FILE: take it, then print\n"
               "                          where that process's time went, stage by stage\n"
               "\n",
               OV_SIZE_MIN, OV_SIZE_MAX, OV_DEFAULT_WIDTH, OV_DEFAULT_HEIGHT,
               OV_CAMERA_AZIMUTH, OV_CAMERA_ELEVATION, OV_DEFAULT_GIF_FRAMES,
               OV_DEFAULT_GIF_DELAY_CS);
    out_puts(&o,
             "Information:\n"
             "  --list-surfaces         built-in surfaces: formula, parameters, view,\n"
             "                          start, minima, default learning rates\n"
             "  --list-optimizers       optimizers: exact update rule and defaults\n"
             "  -h, --help              this text\n"
             "  --version               the version\n"
             "\n"
             "Formula syntax (--surface): the variables x and y; numbers like 2, 0.5,\n"
             "1e-3; + - * / and ^ (power, right-associative and binding tighter than\n"
             "unary minus: -x^2 is -(x^2), 2^3^2 is 2^9); parentheses; the functions\n"
             "exp log sqrt sin cos tan tanh abs; the constants pi and e. Quote the\n"
             "formula for the shell.\n"
             "\n"
             "Exit status: 0 success, 1 runtime failure (cannot write a file, no GL),\n"
             "2 usage error (the message names the option, the value and what is\n"
             "accepted). Files are written whole or not at all.\n"
             "\n"
             "Examples:\n"
             "  optiviz --kappa 100 --theta 0 --optimizers gd,momentum,nesterov\n"
             "  optiviz --surface rosenbrock --optimizer gd:alpha=0.001 \\\n"
             "          --optimizer adam:alpha=0.05 --screenshot rosenbrock.png\n"
             "  optiviz --surface regression --steps 2000 --export-csv runs.csv\n"
             "  optiviz --preset ill-conditioned --kappa 1000 --gif zigzag.gif\n"
             "  optiviz --preset ill-conditioned --video zigzag.mp4 --size 1920x1080\n"
             "  optiviz --surface 'x^4 - 2*x^2 + 2*y^2' --optimizer momentum:beta=0.9\n"
             "  optiviz --optimizer gd:alpha=0.1 --optimizer gd:alpha=0.19 \\\n"
             "          --optimizer gd:alpha=0.21\n"
             "  optiviz --optimizers gd,momentum --noise 2 --seed 7 --export-csv noisy.csv\n"
             "  optiviz --surface 'sqrt(1 + x^2) - 1' --optimizer gd:alpha=2.5 --explain\n"
             "  optiviz --surface rosenbrock --camera -30,40 --screenshot rosenbrock3d.png\n"
             "  optiviz --preset ill-conditioned --orbit --gif orbit.gif\n");
    return out_end(&o);
}

bool ov_cli_print_models(FILE *f)
{
    ov_out o = {f, true};
    for (int i = 0; i < ov_model_builtin_count(); i++) {
        const ov_model_def *d = ov_model_builtin(i);
        out_printf(&o, "%s%s\n", i ? "\n" : "", d->name);
        out_printf(&o, "  %s = %s\n", d->loss == OV_MODEL_LOSS_LOGISTIC ? "logit z" : "y(t)",
                   d->formula);
        out_printf(&o, "  %s\n", d->summary);
        out_printf(&o, "  loss: %s\n", d->loss == OV_MODEL_LOSS_LOGISTIC
                                           ? "-sum [y log p + (1-y) log(1-p)], p = sigma(z)"
                                           : "sum (y(t) - y)^2");
        out_printf(&o, "  parameters (%d): %s\n", d->n, d->params);
        out_puts(&o, "  start:");
        for (int k = 0; k < d->n; k++)
            out_printf(&o, "%s%.15g", k ? "," : " ", d->start[k]);
        out_puts(&o, "\n");
    }
    out_puts(&o, "\nA formula: --model 'FORMULA' --params a,b,... --data FILE.csv "
                 "[--loss squared|logistic]\n");
    return o.ok;
}

bool ov_cli_print_surfaces(FILE *f)
{
    ov_out o = {f, true};
    for (int i = 0; i < ov_surface_builtin_count(); i++) {
        const ov_surface_def *d = ov_surface_builtin(i);
        out_printf(&o, "%s%s\n", i ? "\n" : "", d->name);
        out_printf(&o, "  L(x, y) = %s\n", d->formula);
        out_printf(&o, "  %s\n", d->summary);
        if (d->nparams > 0) {
            out_puts(&o, "  parameters:");
            for (int k = 0; k < d->nparams - d->nderived; k++)
                out_printf(&o, "%s %s = %.15g", k ? "," : "", d->param_names[k],
                           d->param_defaults[k]);
            out_puts(&o, "\n");
            if (d->nderived > 0) {
                out_puts(&o, "  derived from them:");
                for (int k = d->nparams - d->nderived; k < d->nparams; k++)
                    out_printf(&o, "%s %s", k > d->nparams - d->nderived ? "," : "",
                               d->param_names[k]);
                out_puts(&o, "\n");
            }
        }
        out_printf(&o, "  view: x %.15g to %.15g, y %.15g to %.15g\n", d->view.x0,
                   d->view.x1, d->view.y0, d->view.y1);
        out_printf(&o, "  start: %.15g,%.15g\n", d->start.x, d->start.y);
        if (d->nminima == 0)
            out_puts(&o, "  minima: none\n");
        for (int k = 0; k < d->nminima; k++)
            out_printf(&o, "%s (%.15g, %.15g)", k ? "," : "  minima:", d->minima[k].x,
                       d->minima[k].y);
        if (d->nminima > 0)
            out_puts(&o, "\n");
        out_puts(&o, "  default alpha:");
        for (int k = 0; k < OV_OPTIM_COUNT; k++) {
            const ov_optim_info *info = ov_optim_info_of((ov_optim_kind)k);
            double a = d->alpha[k] > 0.0 ? d->alpha[k] : info->alpha;
            if (info->no_alpha)
                continue;   /* a step size it does not have */
            out_printf(&o, "%s %s %.15g", k ? "," : "", info->name, a);
        }
        out_puts(&o, "\n");
        for (int k = 0; k < d->nparams; k++)
            if (strcmp(d->param_names[k], "kappa") == 0)
                out_printf(&o, "  (gd, momentum, nesterov: for kappa = %.15g, times %.15g/kappa "
                           "at another kappa)\n",
                           d->param_defaults[k], d->param_defaults[k]);
    }
    return out_end(&o);
}

bool ov_cli_print_optimizers(FILE *f)
{
    ov_out o = {f, true};
    for (int k = 0; k < OV_OPTIM_COUNT; k++) {
        const ov_optim_info *info = ov_optim_info_of((ov_optim_kind)k);
        out_printf(&o, "%s%s: %s\n", k ? "\n" : "", info->name, info->title);
        out_indented(&o, "  ", info->rule);
        if (info->no_alpha)
            out_puts(&o, "  defaults: no step size (alpha is accepted and not used)");
        else
            out_printf(&o, "  defaults: alpha = %.15g", info->alpha);
        if (info->uses_beta)
            out_printf(&o, ", beta = %.15g", info->beta);
        if (info->uses_beta2)
            out_printf(&o, ", beta2 = %.15g", info->beta2);
        if (info->uses_eps)
            out_printf(&o, ", eps = %.15g", info->eps);
        if (info->uses_wd)
            out_printf(&o, ", wd = %.15g", info->wd);
        if (info->uses_history)
            out_printf(&o, ", history = %d", info->history);
        out_puts(&o, info->no_alpha ? "\n" : " (alpha per surface: see --list-surfaces)\n");
    }
    out_puts(&o, "\ng is the gradient of the loss at w; i counts steps from 0, t from 1.\n");
    return out_end(&o);
}

bool ov_cli_print_version(FILE *f)
{
    ov_out o = {f, true};
    out_printf(&o, "optiviz %s\n", OV_VERSION);
    return out_end(&o);
}
