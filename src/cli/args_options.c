/* The command line's options: the table of DESIGN.md (name, whether it
 * takes a value, what a value may be) and, for each option, how its value is
 * checked and stored in the configuration, with a one-line message naming
 * the option, the value and what is accepted when it is refused; and
 * ov_args_apply_option, one option through its handler (how a preset's
 * lines are applied). Walking argv and the checks across options are in
 * args.c. */
#include "args.h"
#include "args_internal.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "core/run.h"
#include "core/view.h"

/* A number in [lo, hi] (lo_open / hi_open exclude the end). */
static int number_option(ov_parse *p, const char *opt, const char *value,
                         const char *accepts, double lo, bool lo_open, double hi,
                         bool hi_open, double *out)
{
    return ov_args_number_in(opt, value, accepts, lo, lo_open, hi, hi_open, out, p->err,
                             p->cap);
}

static int opt_kappa(ov_parse *p, const char *opt, const char *value)
{
    p->cfg->has_kappa = true;
    return number_option(p, opt, value, "a number from 1 to 1e10", 1.0, false,
                         OV_KAPPA_MAX, false, &p->cfg->kappa);
}

static int opt_theta(ov_parse *p, const char *opt, const char *value)
{
    p->cfg->has_theta = true;
    return number_option(p, opt, value, "a finite number of degrees", -HUGE_VAL, false,
                         HUGE_VAL, false, &p->cfg->theta);
}

static int opt_alpha(ov_parse *p, const char *opt, const char *value)
{
    p->cfg->has_alpha = true;
    p->cmd_alpha = true;
    return number_option(p, opt, value, "a number greater than 0", 0.0, true, HUGE_VAL,
                         false, &p->cfg->alpha);
}

static int opt_beta(ov_parse *p, const char *opt, const char *value)
{
    p->cfg->has_beta = true;
    p->cmd_beta = true;
    return number_option(p, opt, value, "a number from 0 up to, not including, 1", 0.0,
                         false, 1.0, true, &p->cfg->beta);
}

static int opt_noise(ov_parse *p, const char *opt, const char *value)
{
    return number_option(p, opt, value, "a number from 0 to 1e6 (0: exact gradients)", 0.0,
                         false, OV_NOISE_MAX, false, &p->cfg->noise.sigma);
}

static int opt_seed(ov_parse *p, const char *opt, const char *value)
{
    long v = 0;
    /* Where long has 32 bits (the browser build's WebAssembly), seeds stop
     * at LONG_MAX: (long)OV_SEED_MAX would be -1 there and refuse them all. */
    long hi = OV_SEED_MAX > (unsigned long)LONG_MAX ? LONG_MAX : (long)OV_SEED_MAX;
    if (ov_args_int_in(opt, value, 0, hi, &v, p->err, p->cap))
        return 2;
    p->cfg->noise.seed = (uint64_t)v;
    return 0;
}

static int opt_steps(ov_parse *p, const char *opt, const char *value)
{
    char echo[96];
    long v = 0;
    ov_num_status st = ov_args_uint(value, strlen(value), OV_RUN_MAX_STEPS, &v);
    if (st == OV_NUM_NOT_NUMBER) {
        /* "-5" is a number, just out of range; "1e3" or "2.5" are not integers. */
        double d;
        if (ov_args_number(value, strlen(value), &d) == OV_NUM_OK && d == floor(d) &&
            d < 1)
            st = OV_NUM_OVERFLOW;
    }
    if (st == OV_NUM_OK && v < 1)
        st = OV_NUM_OVERFLOW;
    if (st != OV_NUM_OK)
        return ov_args_fail(p->err, p->cap, "%s: '%s' %s; expected an integer from 1 to %d",
                            opt, ov_args_echo(value, strlen(value), echo, sizeof echo),
                            st == OV_NUM_NOT_NUMBER ? "is not an integer"
                                                    : ov_args_status_text(st),
                            OV_RUN_MAX_STEPS);
    p->cfg->steps = (int)v;
    return 0;
}

/* Splits value at commas into exactly n strict numbers. On failure fills the
 * message (with accepts) and returns 2. */
static int number_list(ov_parse *p, const char *opt, const char *value, int n,
                       const char *shape, const char *accepts, double *out)
{
    char echo[96], part_echo[96];
    ov_args_echo(value, strlen(value), echo, sizeof echo);
    int count = 1;
    for (const char *c = value; *c; c++)
        count += *c == ',';
    if (count != n || !*value)
        return ov_args_fail(p->err, p->cap, "%s: '%s' is not %s; expected %s", opt, echo,
                            shape, accepts);
    const char *s = value;
    for (int i = 0; i < n; i++) {
        const char *e = strchr(s, ',');
        size_t len = e ? (size_t)(e - s) : strlen(s);
        ov_num_status st = ov_args_number(s, len, &out[i]);
        if (st != OV_NUM_OK)
            return ov_args_fail(p->err, p->cap, "%s: '%s' in '%s' %s; expected %s", opt,
                                ov_args_echo(s, len, part_echo, sizeof part_echo), echo,
                                ov_args_status_text(st), accepts);
        s = e ? e + 1 : s + len;
    }
    return 0;
}

static int opt_camera(ov_parse *p, const char *opt, const char *value)
{
    static const char accepts[] =
        "AZIMUTH,ELEVATION in degrees: any finite azimuth, elevation from 0 to 90";
    double v[2];
    if (number_list(p, opt, value, 2, "two comma-separated numbers", accepts, v))
        return 2;
    char echo[96];
    if (!(v[1] >= OV_CAMERA_ELEVATION_MIN && v[1] <= OV_CAMERA_ELEVATION_MAX))
        return ov_args_fail(p->err, p->cap, "%s: elevation %g in '%s' is out of range; "
                            "expected %s", opt, v[1],
                            ov_args_echo(value, strlen(value), echo, sizeof echo), accepts);
    p->cfg->has_camera = true;
    p->cfg->view3d = true;
    p->cfg->camera_az = v[0];
    p->cfg->camera_el = v[1];
    return 0;
}

static int opt_start(ov_parse *p, const char *opt, const char *value)
{
    static const char accepts[] = "X,Y with numbers of magnitude at most 1e6";
    double v[2];
    if (number_list(p, opt, value, 2, "X,Y", accepts, v))
        return 2;
    if (fabs(v[0]) > OV_DIVERGE_LIMIT || fabs(v[1]) > OV_DIVERGE_LIMIT) {
        char echo[96];
        return ov_args_fail(p->err, p->cap, "%s: '%s' is out of range; expected %s", opt,
                            ov_args_echo(value, strlen(value), echo, sizeof echo), accepts);
    }
    p->cfg->has_start = true;
    p->cfg->start.x = v[0];
    p->cfg->start.y = v[1];
    return 0;
}

static int opt_view(ov_parse *p, const char *opt, const char *value)
{
    static const char accepts[] = "X0,X1,Y0,Y1 with X0 < X1 and Y0 < Y1";
    double v[4];
    if (number_list(p, opt, value, 4, "X0,X1,Y0,Y1", accepts, v))
        return 2;
    if (!(v[0] < v[1]) || !(v[2] < v[3]) || !isfinite(v[1] - v[0]) ||
        !isfinite(v[3] - v[2])) {
        char echo[96];
        return ov_args_fail(p->err, p->cap, "%s: '%s' is not a rectangle; expected %s", opt,
                            ov_args_echo(value, strlen(value), echo, sizeof echo), accepts);
    }
    p->cfg->has_view = true;
    p->cfg->view.x0 = v[0];
    p->cfg->view.x1 = v[1];
    p->cfg->view.y0 = v[2];
    p->cfg->view.y1 = v[3];
    return 0;
}

static int opt_size(ov_parse *p, const char *opt, const char *value)
{
    char echo[96];
    const char *x = strpbrk(value, "xX");
    long w = 0, h = 0;
    ov_num_status sw = OV_NUM_NOT_NUMBER, sh = OV_NUM_NOT_NUMBER;
    if (x) {
        sw = ov_args_uint(value, (size_t)(x - value), OV_SIZE_MAX, &w);
        sh = ov_args_uint(x + 1, strlen(x + 1), OV_SIZE_MAX, &h);
    }
    if (sw == OV_NUM_EMPTY || sw == OV_NUM_NOT_NUMBER || sh == OV_NUM_EMPTY ||
        sh == OV_NUM_NOT_NUMBER)
        return ov_args_fail(p->err, p->cap, "%s: '%s' is not WxH; expected WxH with W and "
                            "H integers from %d to %d", opt,
                            ov_args_echo(value, strlen(value), echo, sizeof echo),
                            OV_SIZE_MIN, OV_SIZE_MAX);
    if (sw != OV_NUM_OK || sh != OV_NUM_OK || w < OV_SIZE_MIN || h < OV_SIZE_MIN)
        return ov_args_fail(p->err, p->cap, "%s: '%s' is out of range; expected WxH with "
                            "W and H integers from %d to %d", opt,
                            ov_args_echo(value, strlen(value), echo, sizeof echo),
                            OV_SIZE_MIN, OV_SIZE_MAX);
    p->cfg->width = (int)w;
    p->cfg->height = (int)h;
    return 0;
}

static int opt_surface(ov_parse *p, const char *opt, const char *value)
{
    if (ov_args_check_surface(opt, value, p->err, p->cap))
        return 2;
    snprintf(p->cfg->surface, sizeof p->cfg->surface, "%s", value);
    p->surface_given = true;
    return 0;
}

static int add_run(ov_parse *p, const char *opt, const char *spec_text)
{
    if (p->preset_runs && !p->cmd_runs)
        p->cfg->nruns = 0;
    p->cmd_runs = true;
    if (p->cfg->nruns >= OV_MAX_RUNS) {
        char echo[96];
        return ov_args_fail(p->err, p->cap, "%s: cannot add '%s': at most %d runs are "
                            "accepted in total", opt,
                            ov_args_echo(spec_text, strlen(spec_text), echo, sizeof echo),
                            OV_MAX_RUNS);
    }
    ov_run_spec spec;
    if (!ov_args_parse_spec(opt, spec_text, &spec, p->err, p->cap))
        return 2;
    p->cfg->runs[p->cfg->nruns++] = spec;
    return 0;
}

static int opt_optimizer(ov_parse *p, const char *opt, const char *value)
{
    return add_run(p, opt, value);
}

static int opt_optimizers(ov_parse *p, const char *opt, const char *value)
{
    char item[OV_EXPR_MAX_SOURCE + 1], echo[96];
    const char *s = value;
    for (;;) {
        /* A comma inside parentheses (step(EVERY,FACTOR)) is the schedule's. */
        const char *e = s;
        for (int depth = 0; *e && (*e != ',' || depth > 0); e++)
            depth += *e == '(' ? 1 : *e == ')' ? -1 : 0;
        e = *e ? e : NULL;
        size_t len = e ? (size_t)(e - s) : strlen(s);
        if (len == 0 || len >= sizeof item)
            return ov_args_fail(p->err, p->cap, "%s: %s item in '%s'; expected a "
                                "comma-separated list of optimizer names or specs", opt,
                                len ? "overlong" : "empty",
                                ov_args_echo(value, strlen(value), echo, sizeof echo));
        memcpy(item, s, len);
        item[len] = 0;
        if (add_run(p, opt, item))
            return 2;
        if (!e)
            return 0;
        s = e + 1;
    }
}

/* --screenshot, --export-csv, --gif, --video and --output-dir: a non-empty path that
 * does not look like a forgotten value ("--screenshot --size ..."); what is
 * "file" or "directory". Whether it exists is checked when writing. */
static int path_option(ov_parse *p, const char *opt, const char *value, const char *what,
                       const char **out)
{
    char echo[96];
    if (!*value)
        return ov_args_fail(p->err, p->cap, "%s: empty value ''; expected a %s name", opt,
                            what);
    if (strncmp(value, "--", 2) == 0)
        return ov_args_fail(p->err, p->cap, "%s: '%s' looks like an option; expected a "
                            "%s name (write ./%s for a %s of that name)", opt,
                            ov_args_echo(value, strlen(value), echo, sizeof echo), what,
                            echo, what);
    *out = value;
    return 0;
}

static int file_option(ov_parse *p, const char *opt, const char *value, const char **out)
{
    return path_option(p, opt, value, "file", out);
}

/* True when name ends in ext, in any case. */
static bool has_extension(const char *name, const char *ext)
{
    size_t n = strlen(name), e = strlen(ext);
    return n > e && strcasecmp(name + n - e, ext) == 0;
}

/* A screenshot is PNG: its name ends in .png, unless it names something
 * that exists and is not a regular file: a pipe or a device (/dev/stdout)
 * is written as it is, a directory refused when writing. */
static int opt_screenshot(ov_parse *p, const char *opt, const char *value)
{
    int rc = file_option(p, opt, value, &p->cfg->screenshot);
    struct stat sb;
    if (rc || has_extension(value, ".png") ||
        (stat(value, &sb) == 0 && !S_ISREG(sb.st_mode)))
        return rc;
    char echo[96];
    return ov_args_fail(p->err, p->cap, "%s: '%s' does not end in .png; a screenshot is a "
                        "PNG file (expected a name ending in .png)", opt,
                        ov_args_echo(value, strlen(value), echo, sizeof echo));
}

static int opt_export_csv(ov_parse *p, const char *opt, const char *value)
{
    return file_option(p, opt, value, &p->cfg->export_csv);
}

static int opt_export_rate_map(ov_parse *p, const char *opt, const char *value)
{
    return file_option(p, opt, value, &p->cfg->export_rate_map);
}

static int opt_gif(ov_parse *p, const char *opt, const char *value)
{
    return file_option(p, opt, value, &p->cfg->gif);
}

static int opt_video(ov_parse *p, const char *opt, const char *value)
{
    return file_option(p, opt, value, &p->cfg->video);
}

static int opt_output_dir(ov_parse *p, const char *opt, const char *value)
{
    return path_option(p, opt, value, "directory", &p->cfg->output_dir);
}

/* The panels' names, comma-separated, for messages. */
static void panel_names(char *buf, size_t cap)
{
    size_t len = 0;
    buf[0] = '\0';
    for (int i = 0; ov_config_panel_names[i] && len < cap; i++)
        len += (size_t)snprintf(buf + len, cap - len, "%s, ", ov_config_panel_names[i]);
}

/* --panels: a comma-separated list of the panels' names (or none). */
static int opt_panels(ov_parse *p, const char *opt, const char *value)
{
    unsigned on = 0;
    const char *s = value;
    char echo[96];
    for (;;) {
        size_t len = strcspn(s, ",");
        int k = -1;
        for (int i = 0; ov_config_panel_names[i]; i++)
            if (strlen(ov_config_panel_names[i]) == len &&
                strncmp(s, ov_config_panel_names[i], len) == 0)
                k = i;
        bool none = len == 4 && strncmp(s, "none", 4) == 0;
        if (k < 0 && !none) {
            char names[160];
            panel_names(names, sizeof names);
            return ov_args_fail(p->err, p->cap, "%s: unknown panel '%s' in '%s'; expected a "
                                "comma-separated list of %sor none",
                                opt, ov_args_echo(s, len, echo, sizeof echo), value, names);
        }
        if (k >= 0)
            on |= 1u << k;
        if (s[len] == '\0')
            break;
        s += len + 1;
    }
    p->cfg->panels = on;
    p->cfg->has_panels = true;
    return 0;
}

static int opt_pace(ov_parse *p, const char *opt, const char *value)
{
    double v = OV_DEFAULT_PACE;
    if (number_option(p, opt, value, "a number of seconds from 1 to 600", 1.0, false, 600.0,
                      false, &v))
        return 2;
    p->cfg->pace = v;
    return 0;
}

static int opt_ui_scale(ov_parse *p, const char *opt, const char *value)
{
    double v = 1.0;
    if (number_option(p, opt, value, "a number from 0.5 to 4", 0.5, false, 4.0, false, &v))
        return 2;
    p->cfg->ui_scale = (float)v;
    return 0;
}

static int opt_gif_frames(ov_parse *p, const char *opt, const char *value)
{
    long v = 0;
    if (ov_args_int_in(opt, value, 2, 2000, &v, p->err, p->cap))
        return 2;
    p->cfg->gif_frames = (int)v;
    return 0;
}

static int opt_gif_delay(ov_parse *p, const char *opt, const char *value)
{
    long v = 0;
    if (ov_args_int_in(opt, value, 1, 100, &v, p->err, p->cap))
        return 2;
    p->cfg->gif_delay_cs = (int)v;
    return 0;
}

/* --lecture FILE|NAME: which lecture is checked once every option is read
 * (ov_args_check_lecture, args_preset.c). */
static int opt_lecture(ov_parse *p, const char *opt, const char *value)
{
    return file_option(p, opt, value, &p->cfg->lecture);
}

static int opt_export_slides(ov_parse *p, const char *opt, const char *value)
{
    return path_option(p, opt, value, "directory", &p->cfg->export_slides);
}

/* --preset was applied before the other options (see ov_args_parse in args.c). */
static int opt_preset(ov_parse *p, const char *opt, const char *value)
{
    (void)p;
    (void)opt;
    (void)value;
    return 0;
}

static int opt_flag(ov_parse *p, const char *opt, const char *value)
{
    (void)value;
    if (strcmp(opt, "--help") == 0)
        p->help = true;
    else if (strcmp(opt, "--version") == 0)
        p->version = true;
    else if (strcmp(opt, "--list-surfaces") == 0)
        p->list_surfaces = true;
    else if (strcmp(opt, "--list-optimizers") == 0)
        p->list_optimizers = true;
    else if (strcmp(opt, "--list-presets") == 0)
        p->list_presets = true;
    else if (strcmp(opt, "--list-models") == 0)
        p->list_models = true;
    else if (strcmp(opt, "--list-lectures") == 0)
        p->list_lectures = true;
    else if (strcmp(opt, "--slides-video") == 0)
        p->cfg->slides_video = true;
    else if (strcmp(opt, "--projector") == 0)
        p->cfg->projector = true;
    else if (strcmp(opt, "--explain") == 0)
        p->cfg->explain = true;
    else if (strcmp(opt, "--loop") == 0)
        p->cfg->loop = true;
    else if (strcmp(opt, "--3d") == 0)
        p->cfg->view3d = true;
    else if (strcmp(opt, "--orbit") == 0)
        p->cfg->view3d = p->cfg->orbit = true;
    else
        p->bench = true;
    return 0;
}

const ov_option ov_args_options[] = {
    {"--surface", true, "a surface name (see --list-surfaces) or a formula in x and y",
     opt_surface},
    {"--kappa", true, "a number from 1 to 1e10", opt_kappa},
    {"--theta", true, "a finite number of degrees", opt_theta},
    {"--start", true, "X,Y", opt_start},
    {"--steps", true, "an integer from 1 to 1000000", opt_steps},
    {"--alpha", true, "a number greater than 0", opt_alpha},
    {"--beta", true, "a number from 0 up to, not including, 1", opt_beta},
    {"--optimizer", true, "NAME[:alpha=A][:beta=B][:beta2=B2][:eps=E][:wd=L][:history=M]", opt_optimizer},
    {"--optimizers", true, "a comma-separated list of optimizer names", opt_optimizers},
    {"--view", true, "X0,X1,Y0,Y1", opt_view},
    {"--noise", true, "a number from 0 to 1e6 (0: exact gradients)", opt_noise},
    {"--seed", true, "an integer from 0 to 4294967295", opt_seed},
    {"--explain", false, NULL, opt_flag},
    {"--3d", false, NULL, opt_flag},
    {"--camera", true, "AZIMUTH,ELEVATION in degrees: any finite azimuth, elevation from 0 "
                       "to 90", opt_camera},
    {"--orbit", false, NULL, opt_flag},
    {"--size", true, "WxH", opt_size},
    {"--screenshot", true, "a PNG file name", opt_screenshot},
    {"--export-csv", true, "a CSV file name", opt_export_csv},
    {"--export-rate-map", true, "a CSV file name", opt_export_rate_map},
    {"--gif", true, "a GIF file name", opt_gif},
    {"--video", true, "an MP4 file name", opt_video},
    {"--gif-frames", true, "an integer from 2 to 2000", opt_gif_frames},
    {"--gif-delay", true, "an integer from 1 to 100 (hundredths of a second)",
     opt_gif_delay},
    {"--output-dir", true, "a directory name", opt_output_dir},
    {"--ui-scale", true, "a number from 0.5 to 4", opt_ui_scale},
    {"--projector", false, NULL, opt_flag},
    {"--panels", true, "a comma-separated list of loss, theory, curvature, steps, rate-map, "
                       "eigen, fit, or none",
     opt_panels},
    {"--pace", true, "a number of seconds from 1 to 600", opt_pace},
    {"--loop", false, NULL, opt_flag},
    {"--model", true, "a model name (see --list-models) or a formula in t (or x1, x2) and "
                      "the --params names", ov_args_opt_model},
    {"--params", true, "a comma-separated list of 2 to 64 parameter names", ov_args_opt_params},
    {"--data", true, "a CSV file with the header t,y or x1,x2,y", ov_args_opt_data},
    {"--loss", true, "squared or logistic", ov_args_opt_loss},
    {"--init", true, "V1,V2,...: one number per parameter of the model", ov_args_opt_init},
    {"--slice", true, "A,B (two parameter names), pca, random or random:SEED",
     ov_args_opt_slice},
    {"--list-models", false, NULL, opt_flag},
    {"--preset", true, "a preset name or number (see --list-presets)", opt_preset},
    {"--list-presets", false, NULL, opt_flag},
    {"--lecture", true, "a lecture file or the name of a shipped lecture (see "
                        "--list-lectures)", opt_lecture},
    {"--list-lectures", false, NULL, opt_flag},
    {"--export-slides", true, "a directory name", opt_export_slides},
    {"--slides-video", false, NULL, opt_flag},
    {"--list-surfaces", false, NULL, opt_flag},
    {"--list-optimizers", false, NULL, opt_flag},
    {"--help", false, NULL, opt_flag},
    {"--version", false, NULL, opt_flag},
    {"--bench", false, NULL, opt_flag},
};

const int ov_args_noptions = (int)(sizeof ov_args_options / sizeof ov_args_options[0]);

_Static_assert(sizeof ov_args_options / sizeof ov_args_options[0] <= OV_ARGS_OPTIONS_MAX,
               "OV_ARGS_OPTIONS_MAX is smaller than the option table");

/* Looks the option up in the table above; the preset files (preset.c) and
 * the parser's own --preset pass both come here, so this file depends on
 * neither. --preset itself is not applied this way: a preset cannot name
 * another. */
int ov_args_apply_option(ov_config *cfg, const char *name, const char *value, char *err,
                         size_t cap)
{
    ov_parse p = {.cfg = cfg, .err = err, .cap = cap};
    for (int k = 0; k < ov_args_noptions; k++)
        if (ov_args_options[k].takes_value && strcmp(ov_args_options[k].name, "--preset") != 0 &&
            strcmp(ov_args_options[k].name, name) == 0)
            return ov_args_options[k].handle(&p, name, value);
    return ov_args_fail(err, cap, "unknown option '%s'", name);
}
